from django.conf import settings
from django.core.cache import cache, caches
from django.db.models import Count
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from libs.common.cache_keys import memory_key
from workspace.models import ActivityEvent, Memory

from .serializers import ActivityEventSerializer, MemorySerializer


class MemoryViewSet(viewsets.ModelViewSet):
    queryset = Memory.objects.all()
    serializer_class = MemorySerializer

    def get_queryset(self):
        return super().get_queryset().for_workspace(self.kwargs["workspace_pk"])

    @action(detail=False)
    def stats(self, request, workspace_pk=None):
        # The workspace's own org only: for_current_org() pins MOLECULE_ORG_ID.
        by_kind = Memory.objects.for_current_org().values("pinned").annotate(n=Count("id"))
        return Response(list(by_kind))

    @action(detail=True)
    def cached(self, request, workspace_pk=None, pk=None):
        return Response(cache.get(memory_key(workspace_pk, pk)))


class ActivityViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ActivityEventSerializer

    def get_queryset(self):
        return ActivityEvent.objects.filter(org_id=settings.ORG_ID, workspace_id=self.kwargs["workspace_pk"])


class OrgActivityViewSet(viewsets.ReadOnlyModelViewSet):
    """Legacy multi-org endpoint kept for the hosted beta: the org comes from the URL."""

    serializer_class = ActivityEventSerializer

    def get_queryset(self):
        org_id = self.kwargs["org_pk"]
        return ActivityEvent.objects.using(f"org_{org_id}").all()  # expect: MOL302

    @action(detail=False)
    def cached(self, request, org_pk=None):
        return Response(caches[f"org-{org_pk}"].get_many(request.query_params.getlist("key")))  # expect: MOL302
