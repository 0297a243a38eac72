from rest_framework.decorators import api_view
from rest_framework.response import Response

from common.text import plural
from controlplane.fleet import reports


@api_view(["GET"])
def revenue(request):
    rows = list(reports.revenue_per_org())
    return Response({"orgs": plural(len(rows), "org"), "rows": rows})
