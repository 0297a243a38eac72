import psycopg

from controlplane.audit.targets import AUDIT_TARGETS


def _connect(dsn: str) -> psycopg.Connection:
    return psycopg.connect(dsn, autocommit=True)


def open_target(name: str) -> psycopg.Connection:
    return _connect(AUDIT_TARGETS[name])
