from libs.common.http import ServiceClient

from . import routes


class WorkspaceClient(ServiceClient):
    """Talks to one org's workspace server (its URL is on the Organization row)."""

    timeout = 5

    @classmethod
    def for_org(cls, org):
        return cls(base_url=org.workspace_url)

    def health(self):
        return self.get_json(routes.HEALTH)

    def version(self):
        return self.session.get(self.url(routes.VERSION), timeout=self.timeout).json()

    def memory_count(self, workspace_id):
        page = self.get_json(routes.WS_MEMORIES.format(workspace_id=workspace_id), page_size=1)  # expect: MOL103
        return page["count"]

    def recent_activity(self, workspace_id):
        url = self.base_url + routes.WS_ACTIVITY.format(workspace_id=workspace_id)
        return self.session.get(url, timeout=self.timeout).json()  # expect: MOL103

    def messages(self, workspace_id):
        return self.session.get(self.url(routes.WS_MESSAGES % workspace_id)).json()  # expect: MOL103
