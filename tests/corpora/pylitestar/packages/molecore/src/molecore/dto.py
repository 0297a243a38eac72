import msgspec


class UsageRow(msgspec.Struct, frozen=True):
    org_id: str
    memories: int = 0
    messages: int = 0


class OrgRef(msgspec.Struct, frozen=True):
    id: str
    slug: str
