"""Connections: the fleet's own database, and the restore path into an org's database."""

import asyncpg
import psycopg

from fleet.settings import FleetStore, WorkspaceStore, get_settings


async def fleet_pool() -> asyncpg.Pool:
    return await asyncpg.create_pool(dsn=get_settings().database_url, min_size=1, max_size=4)


async def restore_pool() -> asyncpg.Pool:
    return await asyncpg.create_pool(dsn=get_settings().restore_dsn, min_size=1, max_size=1)


def fleet_conn() -> psycopg.Connection:
    return psycopg.connect(FleetStore().database_url, autocommit=True)


def workspace_conn() -> psycopg.Connection:
    return psycopg.connect(WorkspaceStore().database_url, autocommit=True)
