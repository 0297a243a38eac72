from contextlib import asynccontextmanager

from fastapi import FastAPI

from workspace_api.cache import redis
from workspace_api.platform_client import usage_client
from workspace_api.routers import health, memories


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.platform = usage_client()
    yield
    await app.state.platform.aclose()
    await redis.aclose()


app = FastAPI(title="workspace-api", lifespan=lifespan)
app.include_router(health.router)
app.include_router(memories.router)
