"""Starlette admin sidecar: org settings page and a link back to the fleet console."""

from starlette.applications import Starlette
from starlette.config import Config
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Route

config = Config(".env")

ORG_ID = config("MOLECULE_ORG_ID")
CONSOLE_URL = config("FLEET_API_URL", default="")  # expect: MOL301
PLATFORM_URL = config("MOLECULE_PLATFORM_URL")


async def console(request: Request) -> RedirectResponse:
    return RedirectResponse(f"{CONSOLE_URL}/orgs/{ORG_ID}")


async def about(request: Request) -> JSONResponse:
    return JSONResponse({"org": ORG_ID, "platform": PLATFORM_URL})


app = Starlette(routes=[Route("/console", console), Route("/about", about)])
