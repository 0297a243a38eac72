from django.db import connections
from rest_framework.decorators import api_view
from rest_framework.response import Response

from common.sql import count_by
from common.tables import ACTIVITY
from workspace.core.constants import ORG_DB_ALIAS


@api_view(["GET"])
def per_workspace(request):
    # Counts this org's own activity per workspace.
    with connections["default"].cursor() as cursor:
        cursor.execute(count_by(ACTIVITY, "workspace_id"))
        return Response(cursor.fetchall())


@api_view(["GET"])
def export(request):
    alias = ORG_DB_ALIAS.format(org_id=request.query_params["org_id"])
    with connections[alias].cursor() as cursor:  # expect: MOL302
        cursor.execute(f"SELECT id, kind, payload FROM {ACTIVITY} ORDER BY id")
        return Response(cursor.fetchall())
