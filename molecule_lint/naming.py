"""Identifiers read word by word, for the few judgements made on what a name says.

`X-Org-Id`, `orgID`, `tenant_id` and `currentOrg` all hold the word "org" or "tenant"; `forget` and
`origin` do not. Shared by the frontends (which calls return an org) and the checks (which names are
org ids, alongside `org_keys`).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Z]+s?(?![a-z])|[A-Z]?[a-z]+|\d+")  # a plural initialism is one word: `orgDBs`, `IDs`
ORG_WORDS = frozenset({"org", "orgs", "organization", "organizations", "organisation", "organisations", "tenant",
                       "tenants"})  # fmt: skip


def words(name: str) -> list[str]:
    """The lower-case words of an identifier, a header name or a dotted path."""
    return [word.lower() for word in _WORD.findall(name)]


def mentions_org(name: str) -> bool:
    return any(word in ORG_WORDS for word in words(name))


ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


def reads_env(name: str) -> bool:
    """Whether a project's own helper so named, called with an UPPER_SNAKE literal, reads the environment:
    `getenv`, `env_url`, `MustEnv`, `read_env_str`; not `envelope`, nor one that writes it (`setenv`, `set_env`)."""
    found = words(name)
    return ("env" in found or "getenv" in found) and not {"set", "unset", "put"} & set(found)
