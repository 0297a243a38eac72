from django.urls import include, path
from rest_framework_nested import routers

from .views import ActivityViewSet, MemoryViewSet, OrgActivityViewSet

router = routers.SimpleRouter()
router.register(r"workspaces", MemoryViewSet, basename="workspace")
memories = routers.NestedSimpleRouter(router, r"workspaces", lookup="workspace")
memories.register(r"memories", MemoryViewSet, basename="workspace-memories")
memories.register(r"activity", ActivityViewSet, basename="workspace-activity")

urlpatterns = [
    path("api/", include(router.urls)),
    path("api/", include(memories.urls)),
    path("api/orgs/<uuid:org_pk>/activity/", OrgActivityViewSet.as_view({"get": "list"})),
    path("healthz", lambda request: None),
]
