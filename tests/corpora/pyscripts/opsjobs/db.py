"""Connections used by the jobs."""

import psycopg2
import redis
from sqlalchemy import create_engine

from opsjobs import settings


def ops_conn():
    return psycopg2.connect(settings.OPS_DATABASE_URL)


def fleet_conn():
    return psycopg2.connect(settings.fleet_dsn())  # expect: MOL102


def ops_engine():
    return create_engine(settings.OPS_DATABASE_URL, pool_pre_ping=True)


def ops_redis():
    return redis.Redis.from_url(settings.ops_redis_url())
