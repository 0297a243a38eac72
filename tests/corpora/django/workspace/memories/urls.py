from rest_framework.routers import DefaultRouter

from workspace.memories.views import MemoryViewSet

router = DefaultRouter()
router.register(r"api/v1/workspaces/(?P<workspace_pk>[^/.]+)/memories", MemoryViewSet, basename="memory")
urlpatterns = router.urls
