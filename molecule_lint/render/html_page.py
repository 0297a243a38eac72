"""One self-contained HTML page: the SVG picture beside a details panel and the findings.

The page fills the window: the picture scrolls and zooms in its own pane, so
a selected finding's chain is scrolled into view while the list stays put.

Nothing is fetched when the page is viewed (no fonts, scripts or styles from
elsewhere): it must open from a CI artifact, offline. Text is escaped for
HTML (textsafe.html: control and bidi characters shown escaped too); the findings'
data for the script is JSON with `<`, `>` and `&` escaped so that no string can close
the script element.
"""

from __future__ import annotations

from molecule_lint.render.drilldown import drilldown
from molecule_lint.render.style import EDGE_COLOR, VIOLATION_COLOR
from molecule_lint.render.svg import element_ids, render_svg
from molecule_lint.textsafe import html, human, json_text
from molecule_lint.views import ServiceView, ViewFinding

_STYLE = f"""
* {{ box-sizing: border-box; }}
body {{ font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #0f172a; background: #fff;
  height: 100vh; display: grid; grid-template: auto 1fr / 1fr minmax(340px, 30%); }}
header {{ grid-column: 1 / 3; padding: 10px 20px 8px; border-bottom: 1px solid #e2e8f0; }}
h1 {{ font-size: 19px; margin: 0 0 2px; }}
h2 {{ font-size: 15px; margin: 12px 0 6px; }}
.summary {{ color: #475569; margin: 0; }}
.legend span {{ display: inline-block; width: 22px; height: 0; border-top: 2px solid {EDGE_COLOR}; margin: 0 4px 4px 12px; }}
.legend span.bad {{ border-top: 3px solid {VIOLATION_COLOR}; }}
.tools {{ display: flex; gap: 8px; align-items: center; margin-top: 6px; flex-wrap: wrap; }}
.tools input[type=search] {{ width: 260px; padding: 3px 8px; font: inherit; }}
.tools button {{ font: inherit; min-width: 32px; padding: 2px 8px; }}
#matches, #zoom-level {{ color: #475569; min-width: 48px; }}
#canvas {{ overflow: auto; min-height: 0; }}
#side {{ overflow: auto; min-height: 0; border-left: 1px solid #e2e8f0; padding: 0 16px 16px; }}
svg {{ display: block; font: 12px system-ui, -apple-system, "Segoe UI", sans-serif; }}
.column-title {{ font-weight: 700; font-size: 13px; text-anchor: middle; letter-spacing: .04em; text-transform: uppercase; }}
.node {{ cursor: pointer; }}
.node text {{ text-anchor: middle; }}
.node .label {{ font-weight: 600; fill: #0f172a; }}
.node .caption {{ font-size: 11px; fill: #475569; }}
.node rect {{ stroke-width: 1.5; }}
.node.fold rect {{ stroke-dasharray: 5 3; }}
.node.open rect {{ stroke-width: 3.5; }}
.edge path {{ fill: none; stroke: {EDGE_COLOR}; stroke-width: 1.4; stroke-opacity: .75; }}
.edge.violating path {{ stroke: {VIOLATION_COLOR}; stroke-width: 2.6; stroke-opacity: 1; }}
.count rect {{ fill: #fff; stroke: {EDGE_COLOR}; stroke-width: 1; }}
.count text {{ text-anchor: middle; font-size: 11px; fill: #334155; }}
.count.violating rect {{ stroke: {VIOLATION_COLOR}; }}
.count.violating text {{ fill: {VIOLATION_COLOR}; font-weight: 700; }}
svg.focus [data-e]:not(.hl), svg.focus [data-n]:not(.hl) {{ opacity: .15; }}
svg.focus .edge.hl path {{ stroke-width: 3.5; }}
svg.focus .node.hl rect {{ stroke-width: 3; }}
svg.searching [data-n]:not(.match), svg.searching [data-e]:not(.match) {{ opacity: .12; }}
svg.searching .node.match rect {{ stroke-width: 3.5; }}
svg.violating-only [data-e]:not(.violating), svg.violating-only [data-n]:not(.v) {{ display: none; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
td:first-child {{ width: 78px; }}
td {{ text-align: left; padding: 5px 6px; border-bottom: 1px solid #e2e8f0; vertical-align: top; }}
tr[data-finding] {{ cursor: pointer; }}
tr[data-finding]:hover {{ background: #f8fafc; }}
tr.selected {{ background: #fef2f2; outline: 2px solid {VIOLATION_COLOR}; }}
.rule {{ font-weight: 700; color: {VIOLATION_COLOR}; white-space: nowrap; }}
.severity {{ display: block; font-weight: 400; color: #64748b; font-size: 12px; }}
code {{ font: 12px ui-monospace, "SFMono-Regular", Menlo, monospace; overflow-wrap: anywhere; }}
#details {{ border: 1px solid #e2e8f0; border-radius: 8px; padding: 4px 12px; margin-top: 12px; }}
#details h3 {{ margin: 4px 0; font-size: 14px; overflow-wrap: anywhere; }}
#details ol, #details ul {{ padding-left: 20px; margin: 4px 0; }}
#details li {{ margin: 3px 0; overflow-wrap: anywhere; }}
#details summary {{ cursor: pointer; overflow-wrap: anywhere; }}
#details summary.bad {{ color: {VIOLATION_COLOR}; font-weight: 600; }}
.hint {{ color: #64748b; }}
"""

# Everything the page does, without a library: zoom (buttons, fit), search (dims what does not match,
# hides finding rows that do not), "violating only", a node's drill-down, and a finding's chain:
# click (or Enter on) a row to light up its edges and nodes and scroll them into view; again to clear.
# A #finding-N link opens the page with finding N selected (CI can link to one).
_SCRIPT = r"""
(() => {
  const findings = JSON.parse(document.getElementById("finding-data").textContent);
  const drill = JSON.parse(document.getElementById("node-data").textContent);
  const canvas = document.getElementById("canvas");
  const svg = document.getElementById("graph");
  const details = document.getElementById("details");
  const rows = Array.from(document.querySelectorAll("tr[data-finding]"));
  const nodes = Array.from(svg.querySelectorAll(".node"));
  const edges = Array.from(svg.querySelectorAll(".edge"));
  const byId = (name) => document.getElementById(name);
  const [width, height] = [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height];
  let scale = 1, current = null;

  function zoom(next) {
    scale = Math.min(4, Math.max(0.25, next));
    svg.style.width = `${width * scale}px`;
    svg.style.height = `${height * scale}px`;
    byId("zoom-level").textContent = `${Math.round(scale * 100)}%`;
  }
  function fit() {
    zoom(Math.min(1, (canvas.clientWidth - 8) / width, (canvas.clientHeight - 8) / height));
  }
  function bounds(elements) {
    const boxes = elements.map((el) => el.getBoundingClientRect());
    return [Math.min(...boxes.map((b) => b.left)), Math.min(...boxes.map((b) => b.top)),
            Math.max(...boxes.map((b) => b.right)), Math.max(...boxes.map((b) => b.bottom))];
  }
  // Centre the elements in the pane; zoom out first if they do not fit (a chain is seen whole).
  // From the corner: the area from the graph's top-left corner to them instead.
  function reveal(elements, fromCorner = false) {
    if (!elements.length) return;
    const pane = canvas.getBoundingClientRect();  // less its scroll bars:
    const view = {left: pane.left, top: pane.top, width: canvas.clientWidth, height: canvas.clientHeight,
                  right: pane.left + canvas.clientWidth, bottom: pane.top + canvas.clientHeight};
    const area = () => {
      const box = bounds(elements), corner = svg.getBoundingClientRect();
      return fromCorner ? [corner.left, corner.top, box[2], box[3]] : box;
    };
    let [left, top, right, bottom] = area();
    const room = Math.min((view.width - 16) / (right - left), (view.height - 16) / (bottom - top));
    if (room < 1) {
      zoom(scale * room);
      [left, top, right, bottom] = area();
    }
    if (fromCorner) canvas.scrollBy(left - view.left, top - view.top);
    else canvas.scrollBy((left + right - view.left - view.right) / 2, (top + bottom - view.top - view.bottom) / 2);
  }
  function heading(text) {
    const h = document.createElement("h3");
    h.textContent = text;
    return h;
  }
  function list(tag, items, fill) {
    const el = document.createElement(tag);
    el.append(...items.map((item) => { const li = document.createElement("li"); fill(li, item); return li; }));
    return el;
  }
  function hop(li, [where, note]) {
    const code = document.createElement("code");
    code.textContent = where;
    li.append(code, "  " + note);
  }
  function show(index) {
    current = index;
    const finding = index === null ? null : findings[index];
    rows.forEach((row) => row.classList.toggle("selected", Number(row.dataset.finding) === index));
    svg.classList.toggle("focus", finding !== null);
    const lit = new Set(finding ? [...finding.edges, ...finding.nodes] : []);
    svg.querySelectorAll("[data-e]").forEach((el) => el.classList.toggle("hl", lit.has(el.dataset.e)));
    svg.querySelectorAll("[data-n]").forEach((el) => el.classList.toggle("hl", lit.has(el.dataset.n)));
    if (finding === null) return;
    details.replaceChildren(heading(finding.title), list("ol", finding.hops, hop));
    reveal(Array.from(svg.querySelectorAll(".hl")));
  }
  function open(node) {
    const entry = drill[node.dataset.n];
    nodes.forEach((el) => el.classList.toggle("open", el === node));
    const parts = [heading(entry.title)];
    if (entry.modules) {
      const intro = document.createElement("p");
      intro.className = "hint";
      intro.textContent = entry.modules.length
        ? `${entry.modules.length} module(s) with edges out of the service; open one for its lines:`
        : "No edges out of the service.";
      parts.push(intro, ...entry.modules.map(([path, bad, hops]) => {
        const box = document.createElement("details");
        const summary = document.createElement("summary");
        summary.textContent = `${path} (${hops.length})`;
        summary.classList.toggle("bad", bad);
        box.append(summary, list("ol", hops, hop));
        return box;
      }));
    } else {
      parts.push(list("ul", entry.sources, (li, [source, count, bad]) => {
        li.textContent = `reached by ${source}: ${count}${bad ? " (violating)" : ""}`;
      }));
      if (entry.members.length) {
        parts.push(list("ul", entry.members, (li, [label, caption]) => {
          li.className = "member";
          li.textContent = `${label} — ${caption}`;
        }));
      }
    }
    details.replaceChildren(...parts);
  }
  function search() {
    const query = byId("search").value.trim().toLowerCase();
    svg.classList.toggle("searching", query !== "");
    const hits = nodes.filter((el) => query !== "" && el.dataset.s.includes(query));
    const hit = new Set(hits.map((el) => el.dataset.n));
    nodes.forEach((el) => el.classList.toggle("match", hit.has(el.dataset.n)));
    edges.forEach((el) => {
      const match = el.dataset.ends.split(" ").some((end) => hit.has(end));
      svg.querySelectorAll(`[data-e="${el.dataset.e}"]`).forEach((part) => part.classList.toggle("match", match));
    });
    rows.forEach((row) => { row.hidden = query !== "" && !row.textContent.toLowerCase().includes(query); });
    byId("matches").textContent = query ? `${hits.length} of ${nodes.length} nodes` : "";
    reveal(hits);
    if (hits.length === 1) open(hits[0]);
  }

  byId("search").addEventListener("input", search);
  byId("violating-only").addEventListener("change", (event) => svg.classList.toggle("violating-only", event.target.checked));
  byId("zoom-in").addEventListener("click", () => zoom(scale * 1.25));
  byId("zoom-out").addEventListener("click", () => zoom(scale / 1.25));
  byId("zoom-fit").addEventListener("click", fit);
  nodes.forEach((node) => {
    node.addEventListener("click", () => open(node));
    node.addEventListener("keydown", (event) => { if (event.key === "Enter") open(node); });
  });
  rows.forEach((row) => {
    const toggle = () => show(current === Number(row.dataset.finding) ? null : Number(row.dataset.finding));
    row.addEventListener("click", toggle);
    row.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle(); }
    });
  });
  function fromHash() {
    const match = /^#finding-(\d+)$/.exec(location.hash);
    if (match && Number(match[1]) < findings.length) show(Number(match[1]));
  }
  window.addEventListener("hashchange", fromHash);
  // First screen: the violating edges and their ends, at full size if they fit (they are drawn at the top).
  const violating = Array.from(svg.querySelectorAll(".edge.violating, .node.v"));
  reveal(violating.length ? violating : nodes, true);
  fromHash();
})();
"""


def render(view: ServiceView) -> str:
    node_ids, _ = element_ids(view)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html(view.title)}</title>",
            f"<style>{_STYLE}</style></head><body>",
            _header(view),
            f'<div id="canvas">{render_svg(view)}</div>',
            _side(view),
            f'<script type="application/json" id="finding-data">{_finding_data(view)}</script>',
            f'<script type="application/json" id="node-data">{_script_json(drilldown(view, node_ids))}</script>',
            f"<script>{_SCRIPT}</script>",
            "</body></html>",
        ]
    ) + "\n"


def _header(view: ServiceView) -> str:
    services = sum(1 for n in view.nodes.values() if n.kind == "service")
    stores = sum(len(n.members) if n.kind == "fold" else 1 for n in view.nodes.values() if n.kind != "service")
    folded = sum(len(n.members) for n in view.nodes.values())
    violating = sum(1 for e in view.edges.values() if e.violating)
    counts = ((services, "service"), (stores, "data store"), (violating, "violating edge"), (len(view.findings), "finding"))
    summary = " · ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts)
    if folded:
        summary += f" · {folded} stores no finding involves folded (dashed; --all shows them)"
    return (
        f"<header><h1>{html(view.title)}</h1><p class=\"summary\">{summary}</p>"
        '<p class="summary legend"><span></span>dependency or data access (number: references)'
        '<span class="bad"></span>violating: a step a finding takes out of its own service</p>'
        '<div class="tools"><input type="search" id="search" placeholder="Search nodes, members, findings" '
        'aria-label="Search"><span id="matches"></span>'
        '<label><input type="checkbox" id="violating-only"> violating only</label>'
        '<button type="button" id="zoom-out" aria-label="Zoom out">−</button><span id="zoom-level">100%</span>'
        '<button type="button" id="zoom-in" aria-label="Zoom in">+</button>'
        '<button type="button" id="zoom-fit" title="the whole graph">fit</button></div></header>'
    )


def _side(view: ServiceView) -> str:
    rows = [_row(number, item) for number, item in enumerate(view.findings)]
    if not rows:
        rows = ['<tr><td colspan="2">No findings.</td></tr>']
    return (
        '<div id="side"><div id="details"><h3>Details</h3><p class="hint">Select a finding to see its evidence '
        "chain in the graph, or a node for its modules and lines.</p></div>"
        f"<h2>Findings</h2><table><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _row(number: int, item: ViewFinding) -> str:
    f = item.finding
    return (
        f'<tr data-finding="{number}" tabindex="0"><td class="rule">{html(f.rule)}'
        f'<span class="severity">{html(f.severity)}</span></td>'
        f"<td><code>{html(f.path)}:{f.loc.line}</code><br>{html(f.message)}</td></tr>"
    )


def _finding_data(view: ServiceView) -> str:
    node_ids, edge_ids = element_ids(view)
    data = [
        {
            "title": human(f"{item.finding.rule} {item.finding.message}"),
            "edges": [edge_ids[e] for e in item.edges if e in edge_ids],
            "nodes": [node_ids[n] for n in item.nodes if n in node_ids],
            "hops": [[human(f"{hop.path}:{hop.line}"), human(hop.note)] for hop in item.finding.trace],
        }
        for item in view.findings
    ]
    return _script_json(data)


def _script_json(data: object) -> str:
    """JSON inside a script element: no string can close it."""
    text = json_text(data, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
