"""Synthetic projects the size of real ones (Plane's and saleor's graphs), generated, never fetched."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import write_project

from molecule_lint.cli import main

SELECT = "SELECT id FROM {table} WHERE workspace_id = %s"


def _readers(tables: list[str], query: str = SELECT) -> str:
    return "".join(f"def read_{t}(conn, w):\n    return conn.execute({query.format(table=t)!r}, (w,)).all()\n\n" for t in tables)


def _env_reads(names: list[str]) -> str:
    return "import os\n\n" + "".join(f"{name} = os.environ.get({name!r})\n" for name in names)


def plane_like(root: Path) -> Path:
    """3 services; 60 tenant and 3 platform tables; 140 unclassified env vars; the platform reads 11 tenant
    tables and imports and calls tenant code: 206 nodes, 13 violating edges."""
    tenant = [f"project_table_{i:02d}" for i in range(60)]
    platform = ["instances", "instance_admins", "instance_configurations"]
    env = ["EMAIL_HOST", "DEBUG", *(f"SETTING_{i:03d}" for i in range(138))]
    files = {
        "api/__init__.py": "",
        "api/settings.py": _env_reads(env),
        **{f"api/store_{n}.py": _readers(tenant[n::6]) for n in range(6)},
        "admin/__init__.py": "",
        "admin/stats.py": _readers(tenant[:11], "SELECT count(*) FROM {table}"),
        "admin/instance.py": _readers(platform, "SELECT id FROM {table}"),
        "admin/views.py": "from api.store_0 import read_project_table_00\n\ndef view(conn, w):\n    return read_project_table_00(conn, w)\n",
        "web/__init__.py": "",
        "web/util.py": "def noop():\n    return None\n",
    }
    config = {
        "services": [
            {"name": "instance-admin", "plane": "platform", "paths": ["admin/"]},
            {"name": "api", "plane": "tenant", "paths": ["api/"]},
            {"name": "web", "plane": "shared", "paths": ["web/"]},
        ],
        "tenant_data": {"tables": tenant},
        "platform_data": {"tables": platform},
        "org_keys": ["workspace_id"],
    }
    return write_project(root, files, config)


def saleor_like(root: Path) -> Path:
    """7 services (one of them code of no service); 15 tenant, 7 platform and 190 unclassified tables;
    128 unclassified env vars; two platform services reading tenant tables and importing tenant code."""
    tenant = [f"order_table_{i:02d}" for i in range(15)]
    platform = [f"app_table_{i}" for i in range(7)]
    other = [f"catalog_table_{i:03d}" for i in range(190)]
    env = [f"SALEOR_SETTING_{i:03d}" for i in range(128)]
    files = {
        "saleor/__init__.py": "",
        "saleor/core/__init__.py": "",
        "saleor/core/settings.py": _env_reads(env),
        "saleor/product/__init__.py": "",
        **{f"saleor/product/q{n}.py": _readers(other[n::5], "SELECT id FROM {table}") for n in range(5)},
        "saleor/order/__init__.py": "",
        "saleor/order/store.py": _readers(tenant[:8]),
        "saleor/warehouse/__init__.py": "",
        "saleor/warehouse/store.py": _readers(tenant[8:]),
        "saleor/graphql/__init__.py": "",
        "saleor/graphql/report.py": _readers(tenant, "SELECT count(*) FROM {table}") + _readers(platform[:4], "SELECT id FROM {table}"),
        "saleor/graphql/orders.py": "from saleor.order.store import read_order_table_00\n\ndef orders(c, w):\n    return read_order_table_00(c, w)\n",
        "saleor/webhook/__init__.py": "",
        "saleor/webhook/sync.py": _readers(tenant[:12], "SELECT count(*) FROM {table}") + _readers(platform[4:], "SELECT id FROM {table}"),
        "saleor/webhook/stock.py": "from saleor.warehouse.store import read_order_table_08\n\ndef stock(c, w):\n    return read_order_table_08(c, w)\n",
        "tools/__init__.py": "",
        "tools/dump.py": "from saleor.product.q0 import read_catalog_table_000\n\ndef dump(c):\n    return read_catalog_table_000(c)\n",
    }
    config = {
        "services": [
            {"name": "graphql-api", "plane": "platform", "paths": ["saleor/graphql/"]},
            {"name": "integrations", "plane": "platform", "paths": ["saleor/webhook/"]},
            {"name": "commerce", "plane": "tenant", "paths": ["saleor/order/"]},
            {"name": "fulfilment", "plane": "tenant", "paths": ["saleor/warehouse/"]},
            {"name": "catalog", "plane": "shared", "paths": ["saleor/product/"]},
            {"name": "core", "plane": "shared", "paths": ["saleor/core/", "saleor/__init__.py"]},
        ],
        "tenant_data": {"tables": tenant},
        "platform_data": {"tables": platform},
        "org_keys": ["workspace_id"],
    }
    return write_project(root, files, config)


def graph(root: Path, output_format: str, *flags: str) -> str:
    """`molecule-lint graph` of the project, written to root/graph.<format> and returned."""
    out = root / f"graph.{output_format}"
    config = str(root / "molecule-lint.yaml")
    args = ["graph", "--config", config, "--no-cache", "-j", "1", "--format", output_format, "-o", str(out), *flags]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")
