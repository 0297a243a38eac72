from django.conf import settings

from workspace.core.constants import ORG_HEADER
from workspace.core.context import set_current_org


class OrgContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        set_current_org(request.headers.get(ORG_HEADER) or settings.MOLECULE_ORG_ID)
        try:
            return self.get_response(request)
        finally:
            set_current_org(None)
