from django.db.models import Count
from ninja import Router

from controlplane.clients.workspace import WorkspaceGateway
from controlplane.reporting.sources import source_for
from controlplane.reporting.usage import plan_usage
from controlplane.tenancy.models import Org
from libs.common.bridge import WorkspaceBridge  # expect: MOL104

router = Router(tags=["console"])


@router.get("/orgs")
def list_orgs(request):
    return list(Org.objects.active().values("id", "slug", "status"))


@router.get("/orgs/by-plan")
def orgs_by_plan(request):
    return list(Org.objects.values("plan__name").annotate(n=Count("id")))


@router.get("/plans/usage")
def plans(request):
    return plan_usage()


@router.get("/orgs/{org_id}/usage/{kind}")
def usage(request, org_id: str, kind: str):
    return {"count": source_for(kind).count(org_id)}


@router.get("/workspaces/{ws}/memories")
def workspace_memories(request, ws: str):
    return WorkspaceGateway().memories(ws)


@router.get("/workspaces/{ws}/preview")
def preview(request, ws: str):
    return WorkspaceBridge().preview(ws)  # expect: MOL101


@router.get("/healthz")
def healthz(request):
    return {"ok": True}
