"""Export a workspace's schedules for a customer who asked for a copy, through the tenant GraphQL API."""
from __future__ import annotations

from gql import Client, gql
from gql.transport.requests import RequestsHTTPTransport

from controlplane.ops.settings import settings

SCHEDULES_QUERY = gql(
    """
    query Schedules($workspace: ID!) {
      schedules(workspaceId: $workspace) { id cron nextRunAt }
    }
    """
)


class WorkspaceGraph:
    def __init__(self, base_url: str = settings.workspace_url) -> None:
        self._client = Client(transport=RequestsHTTPTransport(url=f"{base_url}/graphql", timeout=10))

    def schedules(self, workspace_id: str) -> list[dict]:
        result = self._client.execute(SCHEDULES_QUERY, variable_values={"workspace": workspace_id})  # expect: MOL103
        return result["schedules"]
