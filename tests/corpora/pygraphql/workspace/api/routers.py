import requests
from django.conf import settings
from django.db.models import Count
from ninja import Router

from workspace.models import ActivityEvent, AgentMemory

router = Router()


class PlatformClient:
    base_url = "https://console.orgstack.io/api"  # expect: MOL301

    def report_usage(self, count: int) -> None:
        requests.post(f"{self.base_url}/usage", json={"org": settings.ORG_ID, "memories": count}, timeout=5)


def platform_post(path: str, body: dict) -> None:
    requests.post(f"{settings.PLATFORM_URL}{path}", json=body, timeout=5)


@router.get("/workspaces/{ws}/memories")
def memories(request, ws: str):
    return list(AgentMemory.objects.for_workspace(ws).values("id", "content"))


@router.get("/workspaces/{ws}/activity")
def activity(request, ws: str):
    return list(ActivityEvent.objects.for_workspace(ws).values("kind").annotate(n=Count("id")))


@router.post("/workspaces/{ws}/usage")
def push_usage(request, ws: str):
    count = AgentMemory.objects.for_workspace(ws).count()
    platform_post("/hooks/usage", {"org": settings.ORG_ID, "workspace": ws, "memories": count})
    PlatformClient().report_usage(count)
    return {"count": count}


@router.get("/workspaces/{ws}/scoped/{org_id}")
def scoped(request, ws: str, org_id: str):
    return list(AgentMemory.objects.using(f"org_{org_id}").filter(workspace_id=ws).values("id"))  # expect: MOL302
