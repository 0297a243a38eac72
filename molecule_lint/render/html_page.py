"""One self-contained HTML page: the SVG picture, the findings table, and an evidence panel.

Nothing is fetched when the page is viewed (no fonts, scripts or styles from
elsewhere): it must open from a CI artifact, offline. Text is escaped for
HTML (textsafe.html: control and bidi characters shown escaped too); the findings'
data for the script is JSON with `<`, `>` and `&` escaped so that no string can close
the script element.
"""

from __future__ import annotations

from molecule_lint.render.style import EDGE_COLOR, VIOLATION_COLOR
from molecule_lint.render.svg import element_ids, render_svg
from molecule_lint.textsafe import html, human, json_text
from molecule_lint.views import ServiceView, ViewFinding

_STYLE = f"""
body {{ font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #0f172a; background: #fff; }}
header, section {{ padding: 12px 24px; }}
h1 {{ font-size: 20px; margin: 0 0 4px; }}
h2 {{ font-size: 16px; margin: 8px 0; }}
.summary {{ color: #475569; margin: 0; }}
.legend span {{ display: inline-block; width: 22px; height: 0; border-top: 2px solid {EDGE_COLOR}; margin: 0 4px 4px 12px; }}
.legend span.bad {{ border-top: 3px solid {VIOLATION_COLOR}; }}
.canvas {{ padding: 0 24px; overflow-x: auto; }}
svg {{ max-width: 100%; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", sans-serif; }}
.column-title {{ font-weight: 700; font-size: 13px; text-anchor: middle; letter-spacing: .04em; text-transform: uppercase; }}
.node text {{ text-anchor: middle; }}
.node .label {{ font-weight: 600; fill: #0f172a; }}
.node .caption {{ font-size: 11px; fill: #475569; }}
.node rect {{ stroke-width: 1.5; }}
.edge path {{ fill: none; stroke: {EDGE_COLOR}; stroke-width: 1.4; stroke-opacity: .75; }}
.edge.violating path {{ stroke: {VIOLATION_COLOR}; stroke-width: 2.6; stroke-opacity: 1; }}
.count rect {{ fill: #fff; stroke: {EDGE_COLOR}; stroke-width: 1; }}
.count text {{ text-anchor: middle; font-size: 11px; fill: #334155; }}
.count.violating rect {{ stroke: {VIOLATION_COLOR}; }}
.count.violating text {{ fill: {VIOLATION_COLOR}; font-weight: 700; }}
svg.focus [data-e]:not(.hl), svg.focus [data-n]:not(.hl) {{ opacity: .15; }}
svg.focus .edge.hl path {{ stroke-width: 3.5; }}
svg.focus .node.hl rect {{ stroke-width: 3; }}
.split {{ display: flex; gap: 24px; align-items: flex-start; }}
table {{ border-collapse: collapse; flex: 1; }}
th, td {{ text-align: left; padding: 5px 10px; border-bottom: 1px solid #e2e8f0; vertical-align: top; }}
tr[data-finding] {{ cursor: pointer; }}
tr[data-finding]:hover {{ background: #f8fafc; }}
tr.selected {{ background: #fef2f2; outline: 2px solid {VIOLATION_COLOR}; }}
.rule {{ font-weight: 700; color: {VIOLATION_COLOR}; }}
code {{ font: 12px ui-monospace, "SFMono-Regular", Menlo, monospace; }}
aside {{ width: 38%; min-width: 280px; border: 1px solid #e2e8f0; border-radius: 8px; padding: 8px 16px; position: sticky; top: 8px; }}
aside h3 {{ margin: 4px 0; font-size: 14px; }}
aside ol {{ padding-left: 20px; }}
aside li {{ margin: 4px 0; }}
.hint {{ color: #64748b; }}
"""

# Click (or Enter on) a finding row: show its evidence and light up its edges and nodes; again to clear.
# A #finding-N link opens the page with finding N selected (CI can link to one).
_SCRIPT = r"""
(() => {
  const findings = JSON.parse(document.getElementById("finding-data").textContent);
  const svg = document.getElementById("graph");
  const panel = document.getElementById("evidence");
  const rows = Array.from(document.querySelectorAll("tr[data-finding]"));
  let current = null;
  function show(index) {
    current = index;
    const finding = index === null ? null : findings[index];
    rows.forEach((row) => row.classList.toggle("selected", Number(row.dataset.finding) === index));
    svg.classList.toggle("focus", finding !== null);
    const edges = new Set(finding ? finding.edges : []);
    const nodes = new Set(finding ? finding.nodes : []);
    svg.querySelectorAll("[data-e]").forEach((el) => el.classList.toggle("hl", edges.has(el.dataset.e)));
    svg.querySelectorAll("[data-n]").forEach((el) => el.classList.toggle("hl", nodes.has(el.dataset.n)));
    panel.querySelector(".what").textContent = finding ? finding.title : "";
    panel.querySelector(".hint").hidden = finding !== null;
    panel.querySelector("ol").replaceChildren(...(finding ? finding.hops : []).map(([where, note]) => {
      const item = document.createElement("li");
      const code = document.createElement("code");
      code.textContent = where;
      item.append(code, "  " + note);
      return item;
    }));
  }
  window.addEventListener("hashchange", fromHash);
  function fromHash() {
    const match = /^#finding-(\d+)$/.exec(location.hash);
    if (match && Number(match[1]) < findings.length) show(Number(match[1]));
  }
  fromHash();
  rows.forEach((row) => {
    const toggle = () => show(current === Number(row.dataset.finding) ? null : Number(row.dataset.finding));
    row.addEventListener("click", toggle);
    row.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle(); }
    });
  });
})();
"""


def render(view: ServiceView) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html(view.title)}</title>",
            f"<style>{_STYLE}</style></head><body>",
            _header(view),
            f'<div class="canvas">{render_svg(view)}</div>',
            _findings_section(view),
            f'<script type="application/json" id="finding-data">{_finding_data(view)}</script>',
            f"<script>{_SCRIPT}</script>",
            "</body></html>",
        ]
    ) + "\n"


def _header(view: ServiceView) -> str:
    services = sum(1 for n in view.nodes.values() if n.kind == "service")
    stores = len(view.nodes) - services
    violating = sum(1 for e in view.edges.values() if e.violating)
    counts = ((services, "service"), (stores, "data store"), (violating, "violating edge"), (len(view.findings), "finding"))
    summary = " · ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts)
    return (
        f"<header><h1>{html(view.title)}</h1><p class=\"summary\">{summary}</p>"
        '<p class="summary legend"><span></span>dependency or data access (number: references)'
        '<span class="bad"></span>violating: a step a finding takes out of its own service '
        "(select a finding below to see its whole chain)</p></header>"
    )


def _findings_section(view: ServiceView) -> str:
    rows = [_row(number, item) for number, item in enumerate(view.findings)]
    if not rows:
        rows = ['<tr><td colspan="4">No findings.</td></tr>']
    return (
        '<section><h2>Findings</h2><div class="split"><table><thead><tr><th>rule</th><th>severity</th>'
        f"<th>location</th><th>message</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        '<aside id="evidence"><h3>Evidence</h3><p class="what"></p>'
        '<p class="hint">Select a finding to see its evidence chain and its edges in the graph.</p>'
        "<ol></ol></aside></div></section>"
    )


def _row(number: int, item: ViewFinding) -> str:
    f = item.finding
    return (
        f'<tr data-finding="{number}" tabindex="0"><td class="rule">{html(f.rule)}</td><td>{html(f.severity)}</td>'
        f"<td><code>{html(f.path)}:{f.loc.line}</code></td><td>{html(f.message)}</td></tr>"
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
    text = json_text(data, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
