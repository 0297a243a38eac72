from dependency_injector import containers, providers
from sqlalchemy import create_engine
import redis

from controlplane.adapters.runtime_client import RuntimeAdapter
from controlplane.adapters.usage import PushedUsageSource, WarehouseUsageSource
from controlplane.settings import Settings
from controlplane.unit_of_work import SqlAlchemyUnitOfWork


class Container(containers.DeclarativeContainer):
    wiring_config = containers.WiringConfiguration(packages=["controlplane.entrypoints", "controlplane.workers"])

    config = providers.Configuration()
    config.from_pydantic(Settings())

    platform_engine = providers.Singleton(create_engine, config.db.platform.url)
    tenant_engine = providers.Singleton(create_engine, config.db.tenant.url)

    uow = providers.Factory(SqlAlchemyUnitOfWork, engine=tenant_engine)

    usage_source = providers.Factory(WarehouseUsageSource, engine=tenant_engine)
    pushed_usage = providers.Factory(PushedUsageSource, engine=platform_engine)

    runtime = providers.Factory(RuntimeAdapter, base_url=config.runtime.base_url, timeout=config.runtime.timeout)


class CacheContainer(containers.DeclarativeContainer):
    config = providers.Configuration()
    config.redis_url.from_env("TENANT_REDIS_URL")  # expect: MOL102
    cache = providers.Singleton(redis.Redis.from_url, config.redis_url)
