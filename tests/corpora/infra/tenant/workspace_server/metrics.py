from fleetlib.memstats import memory_stats
from tenant.workspace_server.db import engine


def metrics_snapshot() -> dict[str, int]:
    with engine.connect() as conn:
        return memory_stats(conn)
