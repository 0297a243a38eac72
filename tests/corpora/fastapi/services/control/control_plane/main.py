from contextlib import asynccontextmanager

from fastapi import FastAPI

from control_plane.clients.workspace import WorkspaceClient
from control_plane.config import get_settings
from control_plane.db import create_pool, engine
from control_plane.routers import fleet, health, insights, support


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings = get_settings()
    app.state.pool = await create_pool()
    app.state.workspace_client = WorkspaceClient(settings.workspace_api_url)
    yield
    await app.state.workspace_client.aclose()
    await app.state.pool.close()
    await engine.dispose()


app = FastAPI(title="control-plane", lifespan=lifespan)
for module in (fleet, health, insights, support):
    app.include_router(module.router)
