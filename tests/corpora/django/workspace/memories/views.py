from django.db.models import Count
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from workspace.memories.cache import cache_for
from workspace.memories.models import AgentMemory
from workspace.memories.serializers import MemorySerializer


class MemoryViewSet(viewsets.ModelViewSet):
    serializer_class = MemorySerializer

    def get_queryset(self):
        return AgentMemory.objects.for_workspace(self.kwargs["workspace_pk"])

    @action(detail=False)
    def stats(self, request, workspace_pk=None):
        # This org's own memories, per kind.
        rows = AgentMemory.objects.for_workspace(workspace_pk).values("kind").annotate(n=Count("id"))
        return Response(list(rows))

    @action(detail=False, methods=["post"])
    def warm(self, request, workspace_pk=None):
        cache = cache_for(request.data["org_id"])  # expect: MOL302
        cache.set(f"ws:{workspace_pk}:warm", 1, ex=60)
        return Response(status=204)
