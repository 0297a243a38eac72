"""The HTML graph in headless Chromium, at the size of real projects: layout facts, not pixels.

Two synthetic projects (synthetic.py), one the size of Plane's graph (~206
nodes, 140 of them unclassified env vars such as EMAIL_HOST and DEBUG) and
one the size of saleor's (~350 nodes, 7 services, ~30 violating edges).
Each page is opened in a 1440×900 window; screenshots go to the test run's
temporary folder (printed by the first test). One browser serves the module.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import Browser, Page
from synthetic import graph, plane_like, saleor_like

WIDTH, HEIGHT = 1440, 900


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = Browser()
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("graph-screenshots")
    print(f"screenshots: {folder}")
    return folder


SIZES = {"plane": plane_like, "saleor": saleor_like}


@pytest.fixture(scope="module", params=sorted(SIZES))
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    root = SIZES[request.param](tmp_path_factory.mktemp(request.param))
    graph(root, "html")
    return request.param, root


def opened(browser: Browser, html: Path) -> Page:
    page = browser.page(WIDTH, HEIGHT)
    page.browser.send("Network.enable", page.session)
    page.open(html)
    return page


# Geometry helpers that run in the page: rectangles in window coordinates.
_HELPERS = """
window.t = {
  rect: (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; },
  pane: () => t.rect(document.getElementById("canvas")),
  inside: ([x, y], [l, t_, r, b]) => x >= l && x <= r && y >= t_ && y <= b,
  ends: (path) => {
    const m = path.getScreenCTM(), length = path.getTotalLength();
    return [0, length].map((at) => { const p = path.getPointAtLength(at).matrixTransform(m); return [p.x, p.y]; });
  },
  meets: (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3],
};
true
"""


def test_the_focused_view_fits_what_a_reviewer_came_for(browser: Browser, site: tuple[str, Path], shots: Path) -> None:
    name, root = site
    full = json.loads(graph(root, "json", "--all"))
    focused = json.loads(graph(root, "json"))
    page = opened(browser, root / "graph.html")
    page.js(_HELPERS)
    page.screenshot(shots / f"{name}-focused.png")
    facts = page.js(
        """(() => {
      const boxes = [...document.querySelectorAll("#graph .node rect")].map(t.rect);
      const overlaps = [];
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => { if (t.meets(a, b)) overlaps.push([i, i + 1 + j]); }));
      const pane = t.pane();
      const hidden = [...document.querySelectorAll("#graph .edge.violating path")]
        .filter((path) => !t.ends(path).every((point) => t.inside(point, pane))).length;
      return {
        nodes: boxes.length, overlaps, hidden, pane,
        violating: document.querySelectorAll("#graph .edge.violating").length,
        page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
        requests: performance.getEntriesByType("resource").length,
      };
    })()"""
    )
    assert len(full["nodes"]) >= 200
    assert facts["nodes"] == len(focused["nodes"]) <= 40
    assert facts["overlaps"] == []
    assert facts["violating"] >= 12 and facts["hidden"] == 0, "every violating edge, both ends, on the first screen"
    assert facts["page"] == [WIDTH, HEIGHT], "the page itself does not scroll: the graph pane and the list do"
    assert facts["requests"] == 0
    assert all(url.startswith("file:") for url in browser.requested()), browser.requested()


def test_clicking_a_finding_scrolls_its_chain_into_view(browser: Browser, site: tuple[str, Path], shots: Path) -> None:
    name, root = site
    page = opened(browser, root / "graph.html")
    page.js(_HELPERS)
    # Zoom in and scroll to the far corner, where the chain is not.
    page.js("""for (let i = 0; i < 6; i++) document.getElementById("zoom-in").click();
      const c = document.getElementById("canvas"); c.scrollTo(c.scrollWidth, c.scrollHeight); true""")
    row = page.js("""(() => { const data = JSON.parse(document.getElementById("finding-data").textContent);
      return data.findIndex((f) => f.title.startsWith("MOL101")); })()""")
    seen = """(() => { const pane = t.pane();
      return [...document.querySelectorAll("#graph .hl")].filter((el) => t.meets(t.rect(el), pane)).length; })()"""
    lit = 'document.querySelectorAll("#graph [data-n].hl, #graph [data-e].hl").length'
    assert row >= 0
    page.js(f'document.querySelector(\'tr[data-finding="{row}"]\').click(); true')
    assert page.js(lit) >= 3
    assert page.js(seen) == page.js(lit), "every lit node and edge is in the pane after the click"
    assert page.js("document.querySelector('#details ol').children.length") >= 1
    page.screenshot(shots / f"{name}-finding.png")
    page.js(f'document.querySelector(\'tr[data-finding="{row}"]\').click(); true')
    assert page.js(lit) == 0, "a second click clears the selection"


def test_search_finds_a_folded_env_var_and_dims_the_rest(browser: Browser) -> None:
    root = plane_like(Path(browser.profile) / "search")
    graph(root, "html")
    page = opened(browser, root / "graph.html")
    page.js("""const box = document.getElementById("search"); box.value = "EMAIL_HOST";
      box.dispatchEvent(new Event("input")); true""")
    state: dict[str, Any] = page.js(
        """(() => {
      const nodes = [...document.querySelectorAll("#graph .node")];
      const matches = nodes.filter((n) => n.classList.contains("match"));
      return {
        matches: matches.map((n) => n.querySelector(".label").textContent),
        dimmed: nodes.filter((n) => getComputedStyle(n).opacity < 0.2).length, nodes: nodes.length,
        members: [...document.querySelectorAll("#details li.member")].map((li) => li.textContent),
        rows: [...document.querySelectorAll("tr[data-finding]")].filter((r) => !r.hidden).length,
        count: document.getElementById("matches").textContent,
      };
    })()"""
    )
    assert state["matches"] == ["140 unclassified data"]
    assert state["dimmed"] == state["nodes"] - 1
    assert "EMAIL_HOST — env var" in state["members"] and len(state["members"]) == 140
    assert state["rows"] == 0 and state["count"] == f"1 of {state['nodes']} nodes"


def test_a_service_drills_down_to_its_modules_and_their_lines(browser: Browser) -> None:
    root = plane_like(Path(browser.profile) / "drill")
    graph(root, "html")
    page = opened(browser, root / "graph.html")
    modules = page.js(
        """(() => {
      const admin = [...document.querySelectorAll("#graph .node")].find((n) => n.textContent.includes("instance-admin"));
      admin.dispatchEvent(new MouseEvent("click", {bubbles: true}));
      return [...document.querySelectorAll("#details details")].map((d) => ({
        module: d.querySelector("summary").textContent, bad: d.querySelector("summary").classList.contains("bad"),
        lines: [...d.querySelectorAll("li")].map((li) => li.textContent),
      }));
    })()"""
    )
    assert [m["module"] for m in modules] == ["admin/stats.py (11)", "admin/views.py (3)", "admin/instance.py (3)"]
    assert [m["bad"] for m in modules] == [True, True, False]
    assert modules[0]["lines"][0] == "admin/stats.py:2  → project_table_00: SELECT count(*) FROM project_table_00"


def test_the_full_view_has_every_node_and_no_overlapping_boxes(browser: Browser, shots: Path) -> None:
    root = plane_like(Path(browser.profile) / "all")
    graph(root, "html", "--all")
    page = opened(browser, root / "graph.html")
    page.js(_HELPERS)
    page.screenshot(shots / "plane-all.png")
    boxes = page.js('[...document.querySelectorAll("#graph .node rect")].map((r) => { const b = r.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; })')
    assert len(boxes) == len(json.loads(graph(root, "json", "--all"))["nodes"]) >= 206
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]


def test_violating_only_hides_everything_else(browser: Browser) -> None:
    root = plane_like(Path(browser.profile) / "filter")
    graph(root, "html")
    page = opened(browser, root / "graph.html")
    shown = """(() => {
      const visible = (sel) => [...document.querySelectorAll(sel)].filter((el) => getComputedStyle(el).display !== "none");
      return [visible("#graph .edge").length, visible("#graph .edge.violating").length, visible("#graph .node").length];
    })()"""
    edges, violating, nodes = page.js(shown)
    assert edges > violating >= 12
    page.js('document.getElementById("violating-only").click(); true')
    assert page.js(shown) == [violating, violating, 14], (
        "the platform, the 11 tenant tables it reads, the tenant service it imports and the tenant module it calls"
    )
