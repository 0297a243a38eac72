from pathlib import Path

import requests
from django.conf import settings

from libs.common.gql import GraphQLClient

QUERY_DIR = Path(__file__).parent / "queries"
MEMORIES_QUERY = (QUERY_DIR / "memories.graphql").read_text()
ACTIVITY_QUERY = """
query Activity($workspace: ID!) {
  activity(workspace: $workspace, last: 50) { kind payload createdAt }
}
"""


class WorkspaceGateway:
    """Talks to one workspace host over its GraphQL API."""

    def __init__(self, endpoint: str | None = None) -> None:
        self.client = GraphQLClient(endpoint or settings.WORKSPACE_GRAPHQL_URL)

    def memories(self, workspace_id: str) -> list[dict]:
        data = self.client.execute(MEMORIES_QUERY, {"workspace": workspace_id})  # expect: MOL103
        return data["memories"]

    def activity(self, workspace_id: str) -> list[dict]:
        return self.client.execute(ACTIVITY_QUERY, {"workspace": workspace_id})["activity"]  # expect: MOL103

    def alive(self) -> bool:
        return requests.get(f"{settings.WORKSPACE_URL}/healthz", timeout=2).ok
