from litestar import Litestar, get
from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin

from molecore.reporting import memory_count
from workspace.cache import cache_for_caller
from workspace.config import cfg
from workspace.controllers import ExportController, MemoryController
from workspace.db import open_pool


@get("/usage")
async def usage(request) -> dict:
    async with request.app.state.pool.acquire() as conn:
        return {"memories": await memory_count(conn, cfg.org_id)}


async def on_startup(app: Litestar) -> None:
    app.state.pool = await open_pool()


app = Litestar(
    route_handlers=[MemoryController, ExportController, usage, cache_for_caller],
    on_startup=[on_startup],
    plugins=[SQLAlchemyPlugin(config=SQLAlchemyAsyncConfig(connection_string=cfg.db.url))],
)
