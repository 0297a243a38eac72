from typing import Any

import requests


class GraphQLError(RuntimeError):
    pass


class GraphQLClient:
    """Minimal GraphQL-over-HTTP client: POST {query, variables}, return data."""

    def __init__(self, endpoint: str, token: str | None = None, timeout: float = 10.0) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def execute(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.session.post(
            self.endpoint, json={"query": query, "variables": variables or {}}, timeout=self.timeout
        )
        response.raise_for_status()
        payload = response.json()
        if payload.get("errors"):
            raise GraphQLError(payload["errors"])
        return payload["data"]
