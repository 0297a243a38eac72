"""Composition root."""

from dependency_injector import containers, providers
from sqlalchemy.orm import sessionmaker

from fleet_control.adapters.cache import FleetCache
from fleet_control.adapters.support_db import control_engine
from fleet_control.adapters.uow import SqlAlchemyUnitOfWork
from fleet_control.adapters.workspace_api import WorkspaceAPI
from fleet_control.config import Settings
from fleet_control.services.billing import BillingService
from fleet_control.services.support import SupportService


class Container(containers.DeclarativeContainer):
    wiring_config = containers.WiringConfiguration(packages=["fleet_control.entrypoints"])

    config = providers.Configuration()
    settings = providers.Singleton(Settings.from_env)
    engine = providers.Singleton(control_engine, settings)
    session_factory = providers.Singleton(sessionmaker, bind=engine, expire_on_commit=False)
    uow = providers.Factory(SqlAlchemyUnitOfWork, session_factory=session_factory)
    cache = providers.Singleton(FleetCache, url=settings.provided.redis_url)
    workspace_api = providers.Factory(
        WorkspaceAPI,
        base_url=settings.provided.workspace_api_url,
        token=settings.provided.api_token,
    )
    billing = providers.Factory(BillingService, uow=uow)
    support = providers.Factory(SupportService, uow=uow, workspace_api=workspace_api)


def build_container() -> Container:
    container = Container()
    container.config.support.enabled.from_env("SUPPORT_CONSOLE", as_=bool, default=False)
    container.config.support.replica_dsn.from_env("WORKSPACE_DB_DSN")  # expect: MOL102
    return container
