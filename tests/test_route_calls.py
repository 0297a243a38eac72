"""MOL103 for platform calls of tenant endpoints: configured ones, and the routes tenant services declare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import lint, write_project

SERVICES = [
    {"name": "ops", "plane": "platform", "paths": ["ops/"]},
    {"name": "shop", "plane": "tenant", "paths": ["shop/"]},
]

SHOP = """\
from fastapi import APIRouter

router = APIRouter()


@router.get("/")
def index():
    return "<html></html>"


@router.get("/{basket_id}")
def short_link(basket_id: str):
    return {"id": basket_id}


@router.get("/baskets/{basket_id}")
def basket(basket_id: str):
    return {"id": basket_id}
"""


def _found(root: Path, ops: str, config: dict[str, Any]) -> list[tuple[str, int, str]]:
    write_project(root, {"shop/api.py": SHOP, "ops/calls.py": ops}, config)
    return [(f.rule, f.loc.line, f.target) for f in lint(root).findings if f.path == "ops/calls.py"]


def test_a_wholly_unknown_url_has_no_path_to_match(tmp_path: Path) -> None:
    """`client.get(url)` with `url` a parameter, or `f"{link}?page={n}"`: nothing says which path is called,
    so not even "every tenant path" matches it; a known path after an unknown base does."""
    ops = """\
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
"""
    config = {"services": SERVICES, "tenant_data": {"endpoints": ["/**"]}}
    assert _found(tmp_path, ops, config) == [("MOL103", 18, "/baskets/*")]


def test_a_route_of_parameters_only_tells_no_call(tmp_path: Path) -> None:
    """A tenant's `/{basket_id}` (its prefix mounted elsewhere) or `/` would match any one-segment or empty
    path, a third-party service's included; a route with a literal segment still tells its calls."""
    ops = """\
import httpx
import requests


def latest_version():
    return requests.get("https://versions.example.org/check", timeout=3).json()


def front(base: str):
    return httpx.get(f"{base}/")


def basket(base: str, basket_id: str):
    return httpx.get(f"{base}/baskets/{basket_id}")
"""
    assert _found(tmp_path, ops, {"services": SERVICES}) == [("MOL103", 14, "/baskets/*")]
