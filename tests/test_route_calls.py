"""MOL103 for platform calls of routes the tenant services declare (no `tenant_data.endpoints` configured)."""

from __future__ import annotations

from pathlib import Path

from conftest import lint, write_project

CONFIG = {
    "services": [
        {"name": "ops", "plane": "platform", "paths": ["ops/"]},
        {"name": "shop", "plane": "tenant", "paths": ["shop/"]},
    ],
}

SHOP = """\
from fastapi import APIRouter

router = APIRouter()


@router.get("/")
def index():
    return "<html></html>"


@router.get("/baskets/{basket_id}")
def basket(basket_id: str):
    return {"id": basket_id}
"""


def test_a_wholly_unknown_url_is_no_call_of_the_root_route(tmp_path: Path) -> None:
    """`client.get(url)` with `url` a parameter, or `f"{link}?page={n}"`: nothing says which path is called,
    so neither is the tenant's `/`; a known path after an unknown base still is its route."""
    write_project(
        tmp_path,
        {
            "shop/api.py": SHOP,
            "ops/fetch.py": """\
import httpx


def download(url: str):
    with httpx.Client() as client:
        return client.get(url)


def page(link: str, n: int):
    return httpx.get(f"{link}?page={n}")


def same_host(base: str, path: str):
    return httpx.get(f"{base}{path}")


def basket(base: str, basket_id: str):
    return httpx.get(f"{base}/baskets/{basket_id}")


def front(base: str):
    return httpx.get(f"{base}/")
""",
        },
        CONFIG,
    )
    found = [(f.rule, f.loc.line, f.target) for f in lint(tmp_path).findings if f.path == "ops/fetch.py"]
    assert found == [("MOL103", 18, "/baskets/*"), ("MOL103", 22, "/")]
