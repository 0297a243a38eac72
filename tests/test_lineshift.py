"""Facts that differ only in their lines (lineshift.py): the map, and the findings moved by it."""

from __future__ import annotations

from molecule_lint.findings import Finding, Hop
from molecule_lint.frontends.go import analyze_go
from molecule_lint.frontends.python import analyze_python
from molecule_lint.lineshift import composed, line_map, moved_findings
from molecule_lint.location import Location

PYTHON = '''import os

TABLE = "agent_memories"


def read(cur, ws):
    x = os.environ["TENANT_DATABASE_URL"]
    cur.execute(f"SELECT body FROM {TABLE} WHERE workspace_id = %s", (ws,))
    return x
'''

GO = '''package store

import "os"

func Read() string {
	dsn := os.Getenv("TENANT_DATABASE_URL")
	return dsn
}
'''


def python(source: str) -> tuple[object, ...]:
    return analyze_python("cp/a.py", "cp.a", source.encode()).facts


def go(source: str) -> tuple[object, ...]:
    return analyze_go("cp/store.go", "example.com/cp/store", source.encode()).facts


def test_a_line_added_at_the_top_moves_every_line_by_one() -> None:
    lines = line_map(python(PYTHON), python("# header\n" + PYTHON))
    assert lines is not None and lines and all(new == old + 1 for old, new in lines.items())
    assert 1 not in lines  # the import there, or the module's body (which stays at 1): a finding there runs in full


def test_a_line_added_in_the_middle_moves_the_lines_below_it() -> None:
    edited = PYTHON.replace("\n\ndef read", "\n\n# readers\ndef read")
    lines = line_map(python(PYTHON), python(edited))
    assert lines is not None
    assert lines[3] == 3 and lines[7] == 8  # TABLE stays, the body moves


def test_go_facts_move_the_same_way() -> None:
    edited = GO.replace('import "os"\n', 'import "os"\n\n// Read reads.\n')
    lines = line_map(go(GO), go(edited))
    assert lines is not None and lines[6] == 8


def test_the_lines_of_a_dicts_entries_move_too() -> None:
    source = 'QUERIES = {\n    "recent": "SELECT body FROM agent_memories",\n}\n'
    old, new = python(source), python("# header\n" + source)
    lines = line_map(old, new)
    assert lines is not None and lines[2] == 3


def test_any_other_change_is_no_shift() -> None:
    assert line_map(python(PYTHON), python(PYTHON.replace("agent_memories", "billing_accounts"))) is None
    assert line_map(python(PYTHON), python(PYTHON.replace("    x = os", "    y = 1\n    x = os"))) is None
    assert line_map(python(PYTHON), python(PYTHON.replace("cur.execute(", "cur.execute( "))) is None  # a column


def test_code_moved_past_other_code_is_no_shift() -> None:
    """The checks compare lines (a binding before a read): a map that reorders them is refused."""
    first, second = "def a():\n    return 1\n", "def b():\n    return 2\n"
    assert line_map(python(first + "\n\n" + second), python(second + "\n\n" + first)) is None


def test_findings_move_with_their_file_only() -> None:
    trace = (Hop("cp/a.py", 7, "reads"), Hop("lib/b.py", 7, "here"))
    finding = Finding("MOL101", "error", "cp/a.py", Location(7, 5, 8, 9), "m", trace=trace)
    elsewhere = Finding("MOL104", "error", "lib/b.py", Location(7, 1, 7, 2), "m", trace=trace)
    moved = moved_findings([finding, elsewhere], "cp/a.py", {7: 9, 8: 10})
    assert moved is not None
    assert moved[0].loc == Location(9, 5, 10, 9) and moved[0].trace[0].line == 9 and moved[0].trace[1].line == 7
    assert moved[1].loc == elsewhere.loc and moved[1].trace[0].line == 9
    assert moved_findings([finding], "cp/a.py", {7: 9}) is None  # line 8 unknown: no guess


def test_maps_compose() -> None:
    assert composed({3: 4, 5: 6}, {4: 5}) == {3: 5}
