from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar import Litestar

from controlplane.billing.controllers import BillingController
from controlplane.config import cfg
from controlplane.db import platform_pool, workspace_pool
from controlplane.health import fleet_ready
from controlplane.provisioning.controllers import ProvisioningController


async def on_startup(app: Litestar) -> None:
    app.state.pool = await platform_pool()
    app.state.workspace_pool = await workspace_pool()


app = Litestar(
    route_handlers=[BillingController, ProvisioningController, fleet_ready],
    on_startup=[on_startup],
    plugins=[SQLAlchemyPlugin(config=SQLAlchemyAsyncConfig(connection_string=cfg.db.url))],
)
