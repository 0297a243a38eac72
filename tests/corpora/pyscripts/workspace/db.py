"""One pool for this org's database; a second pool per org id seen in a header for the migration window."""

from psycopg2.pool import ThreadedConnectionPool

from workspace import config

_pool = ThreadedConnectionPool(1, 10, config.DATABASE_URL)
_legacy = {}

LEGACY_DSN = "postgresql://ws:ws@ws-db-{org}.internal:5432/ws"


def conn():
    return _pool.getconn()


def legacy_conn(org_id):
    if org_id not in _legacy:
        _legacy[org_id] = ThreadedConnectionPool(1, 2, LEGACY_DSN.format(org=org_id))
    return _legacy[org_id].getconn()
