"""Who is asking: the request context and the org of the current task."""

from contextvars import ContextVar
from dataclasses import dataclass

from starlette.requests import Request

current_org: ContextVar[str | None] = ContextVar("current_org", default=None)


@dataclass(frozen=True)
class RequestContext:
    org_id: str
    user: str | None = None

    @classmethod
    def from_request(cls, request: Request) -> "RequestContext":
        return cls(org_id=request.headers["x-molecule-org"], user=request.headers.get("x-user"))


def org_param(request: Request) -> str:
    return request.path_params["org"]
