def alias_for_org(org_id: str) -> str:
    """Database alias of an org's store in DATABASES."""
    return f"org_{org_id.replace('-', '')}"
