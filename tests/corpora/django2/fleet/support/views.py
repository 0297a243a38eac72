from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fleet.reports.repositories import latest_invoices
from libs.common.search import search_memories  # expect: MOL104
from workspace.models import Message  # expect: MOL104

from .serializers import SupportMessageSerializer


class SupportMessageViewSet(viewsets.ReadOnlyModelViewSet):
    """Support staff read a customer's messages when a ticket is escalated."""

    permission_classes = [permissions.IsAdminUser]
    serializer_class = SupportMessageSerializer
    queryset = Message.objects.using("workspace_ro").order_by("-created_at")  # expect: MOL101, MOL102

    def get_queryset(self):
        return super().get_queryset().filter(org_id=self.kwargs["org_pk"])

    @action(detail=False)
    def search(self, request, org_pk=None):
        return Response(list(search_memories(request.query_params["q"], request.query_params["ws"]).values("id")))  # expect: MOL101


class InvoiceViewSet(viewsets.ViewSet):
    def list(self, request):
        return Response(latest_invoices())
