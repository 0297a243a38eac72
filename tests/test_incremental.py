"""Incremental runs (incremental.py) give exactly what a full analysis gives, edit after edit.

Each case copies the example monorepo, fills a cache with a full run, edits
files, runs with that cache, and compares
everything — findings with their traces and fingerprints, suppressed findings,
warnings — with a run that has no cache at all. `files_parsed` tells which path
ran: the incremental one parses just the edited files.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLE_ROOT, RULES, lint, write_project

from molecule_lint.config import load_config
from molecule_lint.engine import Options, RunResult, run

Edit = Callable[[Path], None]
GO_FIXTURE = Path(__file__).parent / "frontends" / "fixtures" / "go-monorepo"
GO_CONFIG = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "workspace-server", "plane": "tenant", "paths": ["workspace-server/"]},
        {"name": "shared", "plane": "shared", "paths": ["shared/"]},
    ],
    "tenant_data": {"tables": ["agent_memories"]},
}


def append(path: str, text: str) -> Edit:
    def edit(root: Path) -> None:
        with open(root / path, "a", encoding="utf-8") as handle:
            handle.write(text)

    return edit


def replace_text(path: str, old: str, new: str) -> Edit:
    def edit(root: Path) -> None:
        source = (root / path).read_text(encoding="utf-8")
        assert old in source, f"{old!r} not in {path}"
        (root / path).write_text(source.replace(old, new, 1), encoding="utf-8")

    return edit


def prepend(path: str, text: str) -> Edit:
    def edit(root: Path) -> None:
        (root / path).write_text(text + (root / path).read_text(encoding="utf-8"), encoding="utf-8")

    return edit


READ_MEMORIES = '\n\ndef peek(cur, ws):\n    cur.execute("SELECT body FROM agent_memories WHERE workspace_id = %s", (ws,))\n'

# (edit, whether the incremental path may answer it)
CASES: dict[str, tuple[list[Edit], bool]] = {
    "comment at the end of a platform file": ([append("controlplane/billing/invoices.py", "# reviewed\n")], True),
    "comment at the top shifts every line": ([prepend("controlplane/reports/activity.py", "# moved\n\n")], True),
    "a new tenant read in a platform file": ([append("controlplane/billing/invoices.py", READ_MEMORIES)], True),
    "a violation removed": (
        [replace_text("controlplane/reports/retention.py", "DELETE FROM memory_vectors", "DELETE FROM dns_records")],
        True,
    ),
    "a file holding an org loop stops reaching tenant data": (  # fleet.py's loop over EVENTS_BY_ORG rows
        [replace_text("controlplane/reports/fleet.py", "FROM workspace_messages WHERE", "FROM orgs WHERE")], True
    ),
    "a file an org loop calls into moves down a line": (  # its units take the same hops: MOL202 holds
        [prepend("controlplane/provisioning/status.py", "# moved\n")], True
    ),
    "a function an org loop calls starts reading tenant data": (
        [replace_text("controlplane/provisioning/status.py", "def host_status(org_id: str) -> str:\n",
                      'def host_status(org_id: str) -> str:\n    os.environ["TENANT_DATABASE_URL"]\n')],
        False,
    ),
    "a suppression added over a violation": (
        [replace_text("controlplane/reports/retention.py", '    cur.execute("DELETE FROM memory_vectors',
                      '    # molecule-lint: ignore[MOL101] -- purge job, reviewed\n    cur.execute("DELETE FROM memory_vectors')],
        True,
    ),
    "a new function in a platform file": ([append("controlplane/provisioning/jobs.py", READ_MEMORIES)], True),
    "a new function named like an import": (  # it would shadow a re-export others may use
        [append("controlplane/provisioning/jobs.py", READ_MEMORIES.replace("peek", "ORG_ID_ENV"))], False,
    ),
    "a new import in a platform file": (
        [prepend("controlplane/billing/invoices.py", "from common.activity import activity_count\n")], False,
    ),
    "an org loop added": (  # it calls a new function of its file: re-checked alone
        [append("controlplane/billing/invoices.py", "\n\ndef all_orgs(orgs, cur):\n"
                "    out = []\n    for org in orgs:\n        out.append(peek(cur, org))\n    return out\n" + READ_MEMORIES)],
        True,
    ),
    "a file holding org loops gets a line at the top": (  # every loop moves: its MOL202 findings move too
        [prepend("controlplane/reports/engagement.py", "# moved\n")], True
    ),
    "an org loop's body changes": (
        [replace_text("controlplane/reports/engagement.py", "totals[org_id] = activity_count(org_id, since)",
                      "totals[org_id] = 1")],
        True,
    ),
    "an org loop starts calling a function that reads tenant data": (
        [replace_text("controlplane/reports/engagement.py", "host_status(org_id) for org_id",
                      "activity_count(org_id, '') for org_id")],
        True,
    ),
    "a callback fan-out added": (  # the callback's body is the loop's: MOL202 at the call
        [append("controlplane/billing/invoices.py", "\n\ndef for_each_org(orgs, fn):\n    out = []\n"
                "    for org in orgs:\n        out.append(fn(org))\n    return out\n\n\n"
                "def memory_count(org):\n    return len(peek(None, org))\n\n\n"
                "def fleet(orgs):\n    return for_each_org(orgs, memory_count)\n" + READ_MEMORIES)],
        True,
    ),
    "a platform file hands a tenant table to a shared helper": (  # the value-flow core's evidence
        [append("controlplane/billing/invoices.py", "\n\nfrom common.tables import MEMORIES_TABLE\n\n\n"
                "def leak(cur):\n    return count_rows(cur, MEMORIES_TABLE)\n\n\n"
                "def count_rows(cur, table):\n    return cur.execute(f\"SELECT count(*) FROM {table}\")\n")],
        False,
    ),
    "a shared helper starts reading tenant data": ([append("libs/common/src/common/text.py", READ_MEMORIES)], False),
    "a shared helper's body changes": (  # what it reaches stays: nothing
        [replace_text("libs/common/src/common/text.py", '.strip("-")[:63]', '.strip("-")[:40]')], True
    ),
    "a shared helper moves down a line": ([prepend("libs/common/src/common/text.py", "# moved\n")], True),
    "a shared helper on a finding's chain moves down a line": (  # the finding's evidence moves with it
        [prepend("libs/common/src/common/settings.py", "# moved\n")], True
    ),
    "a shared helper on a finding's chain changes": (  # a settings module: any `settings.X` may read it
        [replace_text("libs/common/src/common/settings.py", '"info"', '"warning"')], False
    ),
    "a shared helper an org id flows through moves down a line": (  # MOL302's findings move with it
        [prepend("libs/common/src/common/db.py", "# moved\n")], True
    ),
    "a shared helper an org id flows through changes": (  # no tenant file imports it, even through others
        [replace_text("libs/common/src/common/db.py", "pool_size: int = 5", "pool_size: int = 6")], True
    ),
    "a platform call of a shared tenant reader removed": (  # MOL101/MOL102 at the call go, MOL104 stays
        [replace_text("controlplane/reports/digest.py", "fetch_recent_memories(workspace_id, limit=5)", "[]")], True
    ),
    "a platform file calling a shared tenant reader changes elsewhere": (  # the call's finding stays
        [replace_text("controlplane/reports/digest.py", '"Recent memories:', '"Memories:')], True
    ),
    "a shared reader a platform call reaches reads another table": (  # the finding at the call changes
        [replace_text("libs/common/src/common/memory_access.py", "FROM agent_memories", "FROM orgs")], False
    ),
    "a shared reader a platform call reaches moves down a line": (  # the call's evidence moves with it
        [prepend("libs/common/src/common/memory_access.py", "# moved\n")], True
    ),
    "a tenant file moves down a line": ([prepend("workspace_server/store/models.py", "# moved\n\n")], True),
    "a line added in the middle of a platform file": (  # the lines below it move, those above stay
        [replace_text("controlplane/reports/activity.py", "\n\ndef workspace_schedules", "\n\n\n# schedules\ndef workspace_schedules")],
        True,
    ),
    "a tenant file gets a comment": ([append("workspace_server/store/models.py", "# note\n")], True),
    "two platform files at once": (
        [append("controlplane/billing/invoices.py", READ_MEMORIES), append("controlplane/dns/sync.py", "# ok\n")], True
    ),
    "a manifest changes": (
        [replace_text("controlplane/.env.example", "TENANT_DATABASE_URL=", "PLATFORM_DATABASE_URL=")], False
    ),
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The example with a cache dir filled by a full run (a snapshot is tied to its folder)."""
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE_ROOT, repo)
    lint(repo, cache_dir=repo / ".cache", reuse_results=True)
    return repo


def same(a: RunResult, b: RunResult) -> None:
    assert a.findings == b.findings
    assert [f.fingerprint for f in a.findings] == [f.fingerprint for f in b.findings]
    assert a.suppressed == b.suppressed
    assert a.warnings == b.warnings
    assert a.files_checked == b.files_checked


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_incremental_run_equals_a_full_one(name: str, root: Path) -> None:
    edits, incremental = CASES[name]
    for edit in edits:
        edit(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    full = lint(root, prefilter=True)
    same(fast, full)
    assert (fast.files_parsed == len(edits)) is incremental
    again = lint(root, cache_dir=root / ".cache", reuse_results=True)  # the snapshot it left is right too
    same(again, full)


def test_edits_in_a_row_stay_exact(root: Path) -> None:
    """An edit that leaves the linked part stale (a new name, a unit that now reaches tenant data)
    makes the next edit that needs it run in full, which refreshes it."""
    steps = [
        (append("controlplane/billing/invoices.py", READ_MEMORIES), True),  # a new name: stale from here
        (replace_text("controlplane/billing/invoices.py", "stripe_customer_id, plan FROM", "plan FROM"), False),
        (prepend("controlplane/billing/invoices.py", "# a header\n"), True),  # lines moved: nothing relinked
        (replace_text("controlplane/billing/invoices.py", "body FROM agent_memories", "id FROM billing_accounts"), True),
        (append("controlplane/dns/sync.py", "# done\n"), True),  # facts unchanged: no linked part needed
        (replace_text("controlplane/reports/activity.py", "limit(50)", "limit(20)"), False),  # stale since step 3
        (prepend("controlplane/reports/activity.py", "# moved\n"), True),
        (replace_text("controlplane/reports/activity.py", "limit(20)", "limit(10)"), True),  # hops kept: still valid
        (prepend("controlplane/reports/retention.py", "# moved\n"), True),
    ]
    for number, (step, incremental) in enumerate(steps):
        step(root)
        fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
        assert (fast.files_parsed == 1) is incremental, number
        same(fast, lint(root))


def test_a_missing_or_foreign_linked_part_means_a_full_run(root: Path) -> None:
    linked = next((root / ".cache").glob("linked-*.pickle"))
    linked.write_bytes(b"not a pickle")
    replace_text("controlplane/reports/activity.py", "limit(50)", "limit(20)")(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed > 1
    same(fast, lint(root))


def test_the_command_line_answers_an_edit_incrementally(root: Path) -> None:
    """A fresh process (pre-commit's case): nothing of an earlier run is in memory."""
    def check(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "molecule_lint.cli", "check", "--format", "json", "--exit-zero", *args]
        return subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)

    append("controlplane/billing/invoices.py", READ_MEMORIES)(root)
    fast = json.loads(check("--cache-dir", ".cache", "controlplane/billing/invoices.py").stdout)
    full = json.loads(check("--no-cache", "controlplane/billing/invoices.py").stdout)
    assert fast["findings"] == full["findings"]
    assert [f["rule"] for f in fast["findings"]] == ["MOL101"]


EDIT_PROBE = """
import runpy, sys
sys.argv = ["molecule-lint", "check", "--cache-dir", ".cache", "--format", "json", "-o", "out.json", "--exit-zero", *sys.argv[1:]]
try:
    runpy.run_module("molecule_lint.cli", run_name="__main__")
except SystemExit:
    pass
print(" ".join(sorted(name for name in sys.modules if name.startswith("molecule_lint"))))
"""


def test_a_comment_edit_imports_no_linking(root: Path) -> None:
    """Facts unchanged: nothing is relinked, so neither the linker, the graph nor a check is imported."""
    edited = "controlplane/billing/invoices.py"
    probe = [sys.executable, "-c", EDIT_PROBE, edited]
    subprocess.run(probe, cwd=root, check=True, capture_output=True)  # the command line's own snapshot
    append(edited, "# reviewed\n")(root)
    imported = subprocess.run(probe, cwd=root, check=True, capture_output=True, text=True).stdout.split()
    assert "molecule_lint.incremental" in imported and "molecule_lint.frontends.python" in imported
    unwanted = ("molecule_lint.relink", "molecule_lint.linker", "molecule_lint.graph", "molecule_lint.checks", "molecule_lint.core")
    assert [name for name in imported if name.startswith(unwanted)] == []
    assert json.loads((root / "out.json").read_text())["findings"] == json.loads(
        subprocess.run([sys.executable, "-m", "molecule_lint.cli", "check", "--format", "json", "--exit-zero", "--no-cache", edited],
                       cwd=root, check=True, capture_output=True, text=True).stdout
    )["findings"]


def test_a_touched_unchanged_file_imports_no_frontend(root: Path) -> None:
    """A checkout that rewrites stamps, not bytes: the snapshot answers, no file is parsed, so neither the
    frontends nor the prefilter are imported (a fifth of such a run)."""
    probe = [sys.executable, "-c", EDIT_PROBE]
    subprocess.run(probe, cwd=root, check=True, capture_output=True)  # the command line's own snapshot
    assert _touch_python(root) > 20
    imported = subprocess.run(probe, cwd=root, check=True, capture_output=True, text=True).stdout.split()
    assert "molecule_lint.incremental" in imported
    unwanted = ("molecule_lint.analysis", "molecule_lint.frontends.python", "molecule_lint.prefilter", "molecule_lint.scan")
    assert [name for name in imported if name.startswith(unwanted)] == []


def test_a_comment_edit_reads_no_facts_pack(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The snapshot's digests say the facts are the same: no file's cached facts are needed."""
    append("controlplane/billing/invoices.py", "# reviewed\n")(root)

    def unread(*args: object) -> None:
        raise AssertionError("the facts pack was read")

    monkeypatch.setattr("molecule_lint.sealed.Indexed.open", unread)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed == 1
    monkeypatch.undo()
    same(fast, lint(root))


LINE_ON_TOP = ('"""Jobs."""\n\nQ = "SELECT body FROM agent_memories WHERE id = %s"\n', "# moved\n")


def _saved_by_rename(path: Path, text: str) -> None:
    """As an editor or `sed -i` saves: a new file renamed over the old one (the folder's stamp changes)."""
    saved = path.with_name(f".{path.name}.swp")
    saved.write_text(text)
    os.replace(saved, path)


def test_a_line_added_at_the_top_compiles_no_path_pattern(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The saved file's folder is listed again, holds the same entries, and no `allow` entry is configured:
    no exclusion, service or allow pattern is compiled."""
    import pathspec

    monkeypatch.setattr("molecule_lint.discover._CLOCK_TICK_NS", 0)  # the walk's stamps count as settled
    files = {"controlplane/jobs.py": LINE_ON_TOP[0], "shared/x.py": ""}
    root = write_project(tmp_path / "p", files, {**GO_CONFIG, "exclude": ["build/"]})
    lint(root, cache_dir=tmp_path / "cache", reuse_results=True)
    _saved_by_rename(root / "controlplane/jobs.py", LINE_ON_TOP[1] + LINE_ON_TOP[0])

    def compiled(*args: object) -> None:
        raise AssertionError("a path pattern was compiled")

    loaded = load_config(root / "molecule-lint.yaml")  # the command line takes it from the cache (settings.py)
    monkeypatch.setattr(pathspec.GitIgnoreSpec, "from_lines", compiled)
    options = Options(cache_dir=tmp_path / "cache", reuse_results=True, today=date(2026, 11, 27))  # lint()'s day
    fast = run(loaded, RULES, options)
    monkeypatch.undo()
    assert fast.files_parsed == 1 and [(f.rule, f.loc.line) for f in fast.findings] == [("MOL101", 4)]
    same(fast, lint(root))


SETTLED_PROBE = """
import runpy, sys
import molecule_lint.discover
molecule_lint.discover._CLOCK_TICK_NS = 0  # the walk's stamps count as settled
sys.argv = ["molecule-lint", "check", "--cache-dir", "../cache", "--format", "json", "-o", "../out.json", *sys.argv[1:]]
try:
    runpy.run_module("molecule_lint.cli", run_name="__main__")
except SystemExit:
    pass
print(*sorted(name for name in ("pathspec", "concurrent.futures.process") if name in sys.modules))
"""


def test_a_line_added_at_the_top_imports_no_path_matcher_nor_worker_pool(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {"controlplane/jobs.py": LINE_ON_TOP[0]}, GO_CONFIG)
    probe = [sys.executable, "-c", SETTLED_PROBE, "controlplane/jobs.py"]
    assert subprocess.run(probe, cwd=root, check=True, capture_output=True, text=True).stdout.split() == ["pathspec"]
    _saved_by_rename(root / "controlplane/jobs.py", LINE_ON_TOP[1] + LINE_ON_TOP[0])
    assert subprocess.run(probe, cwd=root, check=True, capture_output=True, text=True).stdout.split() == []
    assert [f["line"] for f in json.loads((tmp_path / "out.json").read_text())["findings"]] == [4]


def test_an_edit_reads_only_the_edited_file_for_fingerprints(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Other files' findings keep their fingerprints: their lines are where they were."""
    from molecule_lint import engine

    edited = "controlplane/reports/activity.py"
    prepend(edited, "# moved\n")(root)
    read: list[str] = []

    def recording(path: Path) -> list[str]:
        read.append(path.relative_to(root).as_posix())
        return original(path)

    original = engine._read_lines
    monkeypatch.setattr(engine, "_read_lines", recording)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert read == [edited]
    monkeypatch.undo()
    same(fast, lint(root))


def test_the_snapshot_holds_each_hop_once(root: Path) -> None:
    """Findings share equal hops (common/db.py's query is in three traces): the cache pickles and reads
    each once, after a full run and after an edit moves them."""
    from molecule_lint.cache import open_cache
    from molecule_lint.incremental import Snapshot

    def hops() -> list[object]:
        snapshot = open_cache(root / ".cache", root).load_snapshot(Snapshot)
        assert snapshot is not None
        return [hop for finding in snapshot.raw for hop in finding.trace]

    for edit in (None, prepend("libs/common/src/common/db.py", "# moved\n")):
        if edit is not None:
            edit(root)
            assert lint(root, cache_dir=root / ".cache", reuse_results=True).files_parsed == 1
        found = hops()
        assert len({id(hop) for hop in found}) == len(set(found)) < len(found)


def test_a_go_mod_edit_is_never_answered_from_the_cache(tmp_path: Path) -> None:
    """go.mod names every Go package (and so what a Go import reaches) but is no analysed file."""
    root = tmp_path / "go"
    shutil.copytree(GO_FIXTURE, root)
    write_project(root, {}, GO_CONFIG)
    cached = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert "MOL104" in {f.rule for f in cached.findings}
    replace_text("go.mod", "module github.com/acme/molecule", "module github.com/acme/renamed")(root)
    after = lint(root, cache_dir=root / ".cache", reuse_results=True)
    same(after, lint(root))
    assert "MOL104" not in {f.rule for f in after.findings}  # the import no longer names a package of ours


def test_a_comment_in_a_go_file_is_answered_from_the_snapshot(tmp_path: Path) -> None:
    root = tmp_path / "go"
    shutil.copytree(GO_FIXTURE, root)
    write_project(root, {}, GO_CONFIG)
    lint(root, cache_dir=root / ".cache", reuse_results=True)
    append("controlplane/internal/digest/digest.go", "// reviewed\n")(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed == 1
    same(fast, lint(root))


EDITED_FILES = [
    "controlplane/billing/invoices.py", "controlplane/provisioning/jobs.py", "controlplane/provisioning/status.py",
    "controlplane/reports/activity.py", "controlplane/reports/retention.py", "controlplane/dns/sync.py",
    "libs/common/src/common/text.py", "libs/common/src/common/settings.py", "libs/common/src/common/tables.py",
]
EDIT_KINDS: list[Callable[[str, int], Edit]] = [
    lambda path, i: append(path, f"# note {i}\n"),
    lambda path, i: prepend(path, f"# note {i}\n"),
    lambda path, i: append(path, READ_MEMORIES.replace("peek", f"peek_{i}")),
    lambda path, i: append(path, f"\n\ndef helper_{i}(x):\n    return x\n"),
]


def test_a_random_run_of_edits_stays_exact(root: Path) -> None:
    """Sixteen edits in a row, as a day of commits would make them (seeded: the same every run)."""
    rng = random.Random(1793)
    for i in range(16):
        rng.choice(EDIT_KINDS)(rng.choice(EDITED_FILES), i)(root)
        same(lint(root, cache_dir=root / ".cache", reuse_results=True), lint(root))


def test_without_the_prefilter_too(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE_ROOT, root)
    lint(root, cache_dir=root / ".cache", reuse_results=True, prefilter=False)
    append("controlplane/billing/invoices.py", READ_MEMORIES)(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True, prefilter=False)
    assert fast.files_parsed == 1
    same(fast, lint(root, prefilter=False))


def test_a_function_an_org_loop_calls_stops_reading_tenant_data(tmp_path: Path) -> None:
    """Its stored hop toward the data must not survive the edit that removed the read."""
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE_ROOT, root)
    read = '    os.environ["TENANT_DATABASE_URL"]\n'
    header = "def host_status(org_id: str) -> str:\n"
    replace_text("controlplane/provisioning/status.py", header, header + read)(root)
    seeded = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert ("MOL202", "controlplane/reports/engagement.py", 26) in {(f.rule, f.path, f.loc.line) for f in seeded.findings}
    replace_text("controlplane/provisioning/status.py", read, "")(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    same(fast, lint(root))
    assert ("MOL202", "controlplane/reports/engagement.py", 26) not in {(f.rule, f.path, f.loc.line) for f in fast.findings}


def _touch_python(root: Path) -> int:
    """A checkout's stamp on every Python file, its bytes kept (mtime and ctime move)."""
    files = [path for path in root.rglob("*.py") if ".cache" not in path.parts]
    for path in files:
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    return len(files)


def test_a_relinked_platform_file_runs_no_check_that_reports_in_tenant_code_only(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from molecule_lint.checks import CHECKS, REPORTS_IN

    replace_text("controlplane/reports/engagement.py", "totals[org_id] = activity_count(org_id, since)",
                 "totals[org_id] = 1")(root)
    with monkeypatch.context() as patch:
        patch.setitem(CHECKS, "runtime-org-choice", lambda ctx, params: pytest.fail("a tenant-only check ran"))
        fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed == 1 and REPORTS_IN["runtime-org-choice"] == {"tenant"}
    same(fast, lint(root))


def test_touched_unchanged_files_cost_no_parse(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A branch switch and back rewrites stamps, not content: the digests say so, nothing is parsed."""
    assert _touch_python(root) > 20

    def no_parse(job: object) -> object:
        raise AssertionError("a touched, unchanged file was parsed")

    with monkeypatch.context() as patch:  # nor settled anew: the snapshot's answer stands
        patch.setattr("molecule_lint.analysis.analyze_file", no_parse)
        patch.setattr("molecule_lint.engine.settle", no_parse)
        fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed == 0
    same(fast, lint(root))
    prepend("controlplane/reports/activity.py", "# moved\n")(root)  # the snapshot left goes with the result stored
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed == 1
    same(fast, lint(root))


def test_touched_files_with_one_real_edit_parse_that_one(root: Path) -> None:
    _touch_python(root)
    append("controlplane/billing/invoices.py", READ_MEMORIES)(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed == 1
    same(fast, lint(root))


def test_a_touched_file_is_compared_with_the_snapshot_not_the_facts_table(root: Path) -> None:
    """A run that keeps no snapshot (no result reuse) still stores the new content's facts: a later
    touch must not pass that content off as the snapshot's."""
    append("controlplane/billing/invoices.py", READ_MEMORIES)(root)
    lint(root, cache_dir=root / ".cache")
    _touch_python(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    same(fast, lint(root))
    assert "MOL101" in {f.rule for f in fast.findings if f.path == "controlplane/billing/invoices.py"}


def test_a_large_change_set_runs_the_parallel_analysis(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("molecule_lint.analysis.PARALLEL_FROM", 2)
    append("controlplane/billing/invoices.py", "# reviewed\n")(root)
    append("controlplane/dns/sync.py", "# reviewed\n")(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed > 2  # the full analysis, not two parses in this process
    same(fast, lint(root))


def test_org_loop_edits_in_a_row_stay_exact(root: Path) -> None:
    """A loop that starts reaching what no loop reached leaves the stored hops stale: the next edit
    there must not be answered from them."""
    engagement, status = "controlplane/reports/engagement.py", "controlplane/provisioning/jobs.py"
    steps = [
        (prepend(engagement, "from controlplane.provisioning.jobs import peek_jobs\n"), False),  # a new import
        (replace_text(engagement, "host_status(org_id) for org_id", "peek_jobs(org_id) for org_id"), True),
        (append(status, "\n\ndef peek_jobs(org_id):\n    return org_id\n"), False),  # the loop now reaches it
        (replace_text(status, "def peek_jobs(org_id):\n    return org_id\n",
                      'def peek_jobs(org_id):\n    return os.environ["TENANT_DATABASE_URL"]\n'), False),
        (prepend(engagement, "# moved\n"), True),
        (replace_text(engagement, "totals[org_id] = activity_count(org_id, since)", "totals[org_id] = 1"), True),
    ]
    for number, (step, incremental) in enumerate(steps):
        step(root)
        fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
        same(fast, lint(root))
        assert (fast.files_parsed == 1) is incremental, number
    assert ("MOL202", engagement) in {(f.rule, f.path) for f in fast.findings}


def test_a_loop_that_reaches_further_makes_the_next_edit_there_run_in_full(root: Path) -> None:
    """fleet_health's loop newly calls tally (no loop reached it): an edit that makes tally read
    tenant data must surface the loop's MOL202, which only a full run (a fresh loop_reached) sees."""
    engagement, invoices = "controlplane/reports/engagement.py", "controlplane/billing/invoices.py"
    append(invoices, "\n\ndef tally(org_id):\n    return org_id\n")(root)
    prepend(engagement, "from controlplane.billing.invoices import tally\n")(root)
    lint(root, cache_dir=root / ".cache", reuse_results=True)  # a new import: a full run
    replace_text(engagement, "host_status(org_id) for org_id", "host_status(org_id) + tally(org_id) for org_id")(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed == 1
    same(fast, lint(root))
    assert ("MOL202", engagement, 27) not in {(f.rule, f.path, f.loc.line) for f in fast.findings}
    replace_text(invoices, "    return org_id\n", '    cur.execute("SELECT body FROM agent_memories")\n')(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    same(fast, lint(root))
    assert ("MOL202", engagement, 27) in {(f.rule, f.path, f.loc.line) for f in fast.findings}


def test_lineage_found_in_full_runs_holds_in_incremental_ones(root: Path) -> None:
    """A platform write that may fill a table with tenant rows runs in full (its read may be anywhere);
    an aggregation added elsewhere then sees that table as tenant state from the stored lineage."""
    invoices, dns = "controlplane/billing/invoices.py", "controlplane/dns/sync.py"
    copy = (
        "\n\ndef copy(cur, ws):\n"
        '    rows = cur.execute("SELECT body FROM agent_memories WHERE workspace_id = %s", (ws,)).fetchall()\n'
        '    cur.executemany("INSERT INTO usage_reports (body) VALUES (%s)", rows)\n'
    )
    append(invoices, copy)(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    same(fast, lint(root))
    assert any(f.rule == "MOL203" and f.path == invoices for f in fast.findings)
    report = '\n\ndef per_org(cur):\n    return cur.execute("SELECT org_id, count(*) FROM usage_reports GROUP BY org_id")\n'
    append(dns, report)(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed == 1
    same(fast, lint(root))
    assert any(f.rule == "MOL201" and f.path == dns and "usage_reports" in f.message for f in fast.findings)
    replace_text(invoices, "rows)\n", "[])\n")(root)  # the lineage runs through the edit: a full run
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    same(fast, lint(root))
    assert not any(f.rule == "MOL201" and f.path == dns and "usage_reports" in f.message for f in fast.findings)


def test_tenant_rows_handed_to_a_writer_in_an_unchanged_file_run_in_full(root: Path) -> None:
    """The write is in a file the edit does not touch: only a full run reports it there."""
    invoices, dns = "controlplane/billing/invoices.py", "controlplane/dns/sync.py"
    store = '\n\ndef store(cur, rows):\n    cur.executemany("INSERT INTO usage_reports (body) VALUES (%s)", rows)\n'
    append(invoices, store)(root)
    lint(root, cache_dir=root / ".cache", reuse_results=True)  # a new name: a full run
    hand = (
        "\n\nfrom controlplane.billing.invoices import store\n\n\ndef copy(cur, ws):\n"
        '    store(cur, cur.execute("SELECT body FROM agent_memories WHERE workspace_id = %s", (ws,)).fetchall())\n'
    )
    append(dns, hand)(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    same(fast, lint(root))
    assert any(f.rule == "MOL203" and f.path == invoices for f in fast.findings)


def test_a_tenant_model_with_no_migration_keeps_comment_edits_incremental(tmp_path: Path) -> None:
    """The tables of a tenant data module's models join the run's catalog; the snapshot keeps the declared
    one (the prefilter's needles come from it), so a comment edit still scans the same and stays incremental."""
    files = {
        "app/__init__.py": "",
        "app/models.py": 'from flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\n\n\nclass Widget(db.Model):\n    __tablename__ = "widgets"\n',
        "common/__init__.py": "",
        "common/labels.py": 'TITLE = "widgets"\n',
        "controlplane/status.py": (
            "from app.models import Widget\nfrom common.labels import TITLE\n\n\n"
            "def status():\n    return TITLE, Widget.query.count()\n"
        ),
    }
    config = {
        "services": [
            {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
            {"name": "common", "plane": "shared", "paths": ["common/"]},
        ],
        "tenant_data": {"modules": ["app.models"]},
    }
    root = write_project(tmp_path, files, config)
    first = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert {f.rule for f in first.findings} >= {"MOL101", "MOL201"}
    append("common/labels.py", "# checked\n")(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed == 1
    same(fast, lint(root))


IMPORTED = {
    "molecule-lint.yaml": """\
        version: 1
        services:
          - {name: control, plane: platform, paths: ["platform_app/"]}
          - {name: common, plane: shared, paths: ["shared/"]}
          - {name: tenant, plane: tenant, paths: ["tenant/"]}
        tenant_data:
          tables: [agent_memories]
    """,
    "platform_app/__init__.py": "",
    "shared/__init__.py": "",
    "tenant/__init__.py": "",
    "platform_app/names.py": """\
        BILLING = "billing_accounts"


        def table_name():
            name = "orgs"
            return name


        def memory_table():
            return "agent_memories"
    """,
    "shared/text.py": """\
        import os


        def log_level():
            return os.getenv("LOG_LEVEL", "info")
    """,
    "platform_app/report.py": """\
        from platform_app.names import BILLING, memory_table, table_name
        from shared.text import log_level


        def rows(cur):
            cur.execute(f"SELECT * FROM {table_name()}")
            return cur.fetchall() if log_level() else []


        def bills(cur):
            cur.execute(f"SELECT * FROM {BILLING}")


        def memories(cur, ws):
            cur.execute(f"SELECT body FROM {memory_table()} WHERE workspace_id = %s", (ws,))
    """,
    "platform_app/api.py": """\
        from platform_app.report import rows


        def handler(cur):
            return rows(cur)
    """,
}
TENANT_HELPER = 'def table_name():\n    name = "agent_memories"'

# Edits in a file other modules import (what the value-flow core resolves through it changes), and
# whether the incremental path may answer them (it re-checks the importers, and theirs).
IMPORTED_EDITS: dict[str, tuple[Edit, bool]] = {
    "a helper's return changed": (replace_text("platform_app/names.py", 'name = "orgs"', 'name = "agent_memories"'), True),
    "a local renamed in a helper": (replace_text("platform_app/names.py", "name = \"orgs\"\n    return name",
                                                 "table = \"orgs\"\n    return table"), True),
    "a shared helper's body grows": (replace_text("shared/text.py", '    return os.getenv(',
                                           '    os.getenv("DEBUG")\n    return os.getenv('), True),
    "a new tenant call added in a shared function": (  # shared code now reaches tenant data: its hops move
        replace_text("shared/text.py", 'def log_level():\n    return',
                     'def log_level(cur):\n    cur.execute("SELECT body FROM agent_memories")\n    return'), False),
    "a table name changed in a shared constant": (  # constants are linked by name: the full run
        replace_text("platform_app/names.py", '"billing_accounts"', '"agent_memories"'), False),
    "a removed import": (replace_text("shared/text.py", "import os\n", ""), False),
    "a comment in a helper": (replace_text("platform_app/names.py", "    return name", "    # checked\n    return name"), True),
    "a line at the top of an imported file": (prepend("platform_app/names.py", "# names\n"), True),
    "a new function in an imported file": (  # report.py's finding runs through names.py: its evidence may move
        append("platform_app/names.py", "\n\ndef audit_table():\n    return 'audit'\n"), False),
    "a new function in a shared file": (append("shared/text.py", "\n\ndef audit_level():\n    return 'debug'\n"), True),
    "a string in a helper's query changed": (
        replace_text("platform_app/names.py", 'return "agent_memories"', 'return "agent_memories_v2"'), True),
}


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    root = write_project(tmp_path / "repo", IMPORTED)
    lint(root, cache_dir=root / ".cache", reuse_results=True)
    return root


@pytest.mark.parametrize("name", sorted(IMPORTED_EDITS))
def test_an_edit_in_an_imported_file_equals_a_full_run(name: str, imported: Path) -> None:
    edit, incremental = IMPORTED_EDITS[name]
    edit(imported)
    fast = lint(imported, cache_dir=imported / ".cache", reuse_results=True)
    same(fast, lint(imported, prefilter=True))
    assert (fast.files_parsed == 1) is incremental
    same(lint(imported, cache_dir=imported / ".cache", reuse_results=True), fast)


def test_a_helper_turning_to_tenant_data_is_reported_in_its_importer(imported: Path) -> None:
    replace_text("platform_app/names.py", 'def table_name():\n    name = "orgs"', TENANT_HELPER)(imported)
    fast = lint(imported, cache_dir=imported / ".cache", reuse_results=True)
    assert fast.files_parsed == 1
    assert {(f.rule, f.path) for f in fast.findings} == {("MOL101", "platform_app/report.py"), ("MOL201", "platform_app/report.py")}


def test_edits_in_an_imported_file_and_its_importers_stay_exact(imported: Path) -> None:
    """A relinked file's value flow is read from the facts table, not the older linked part, when an
    importer is re-checked later (the helper's return line is the finding's evidence there)."""
    returned, kept = 'def memory_table():\n    return "agent_memories"', 'def memory_table():\n    table = "agent_memories"\n    return table'
    steps = [
        (replace_text("platform_app/names.py", returned, kept), 11),
        (replace_text("platform_app/report.py", "log_level() else []", "log_level() else ()"), 11),
        (replace_text("platform_app/api.py", "return rows(cur)", "return rows(cur) or []"), 11),
        (replace_text("platform_app/names.py", kept, returned), 10),
        (replace_text("platform_app/report.py", "log_level() else ()", "log_level() else []"), 10),
    ]
    for number, (step, line) in enumerate(steps):
        step(imported)
        fast = lint(imported, cache_dir=imported / ".cache", reuse_results=True)
        assert fast.files_parsed == 1, number
        same(fast, lint(imported))
        assert [(f.rule, f.trace[-1].path, f.trace[-1].line) for f in fast.findings] == [("MOL101", "platform_app/names.py", line)]


USES_TABLE_NAME = "from platform_app.names import table_name\n\n\ndef count(cur):\n    cur.execute(f'SELECT count(*) FROM {table_name()}')\n"


def test_an_imported_file_a_tenant_file_uses_runs_in_full(tmp_path: Path) -> None:
    """Tenant checks follow org ids across files: a tenant importer is not re-checked alone."""
    root = write_project(tmp_path / "repo", {**IMPORTED, "tenant/use.py": USES_TABLE_NAME})
    lint(root, cache_dir=root / ".cache", reuse_results=True)
    replace_text("platform_app/names.py", 'def table_name():\n    name = "orgs"', TENANT_HELPER)(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed > 1
    same(fast, lint(root))


def test_more_importers_than_the_bound_run_in_full(imported: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from molecule_lint import incremental

    monkeypatch.setattr(incremental, "MAX_OBSERVERS", 1)  # report.py imports it, api.py imports report.py
    replace_text("platform_app/names.py", 'def table_name():\n    name = "orgs"', TENANT_HELPER)(imported)
    fast = lint(imported, cache_dir=imported / ".cache", reuse_results=True)
    assert fast.files_parsed > 1
    same(fast, lint(imported))


def test_the_stored_users_table_names_each_familys_users_and_theirs(imported: Path) -> None:
    """The linked part's users table (families numbered, relink.Users) read back: a helper's users, and
    theirs, but no family that uses neither; the families of a module that something uses."""
    from molecule_lint.cache import open_cache
    from molecule_lint.relink import Linked

    linked = open_cache(imported / ".cache", imported).load_linked(Linked)
    assert linked is not None
    users = linked.users
    reached = users.closure({("platform_app.names", "table_name")})
    assert {("platform_app.report", "rows"), ("platform_app.api", "handler")} <= reached
    assert ("platform_app.report", "bills") not in reached and ("platform_app.names", "memory_table") not in reached
    assert users.used_in({"platform_app.report"}) == {("platform_app.report", "rows")}
    assert users.closure({("nowhere", "f")}) == {("nowhere", "f")}


def test_a_chain_end_moving_down_reads_no_other_file_for_fingerprints(imported: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """report.py's finding has its last hop in names.py: that hop moves, its fingerprint (which reads no
    hop's line) stays, and report.py is not read again."""
    from molecule_lint import engine

    prepend("platform_app/names.py", "# moved\n\n")(imported)
    read: list[str] = []

    def recording(path: Path) -> list[str]:
        read.append(path.relative_to(imported).as_posix())
        return original(path)

    original = engine._read_lines
    monkeypatch.setattr(engine, "_read_lines", recording)
    fast = lint(imported, cache_dir=imported / ".cache", reuse_results=True)
    assert fast.files_parsed == 1 and read == []
    assert [(f.path, f.trace[-1].path, f.trace[-1].line) for f in fast.findings] == [
        ("platform_app/report.py", "platform_app/names.py", 12)
    ]
    monkeypatch.undo()
    same(fast, lint(imported))


REORDERED = {
    "molecule-lint.yaml": IMPORTED["molecule-lint.yaml"],
    "platform_app/__init__.py": "",
    "shared/__init__.py": "",
    "shared/run.py": """\
        def run_it(cur, table):
            name = table
            name = "orgs"
            cur.execute(f"SELECT * FROM {name}")
    """,
    "platform_app/report.py": """\
        from shared.run import run_it


        def rows(cur):
            run_it(cur, "agent_memories")
    """,
}


def test_statements_reordered_in_a_helper_re_check_its_callers(tmp_path: Path) -> None:
    """The same statements in another order are another value flow: the query now reads the caller's
    table (the assignment before it), and the caller's call reaches tenant data."""
    root = write_project(tmp_path / "repo", REORDERED)
    assert lint(root, cache_dir=root / ".cache", reuse_results=True).findings == []
    replace_text("shared/run.py", '    name = "orgs"\n    cur.execute(f"SELECT * FROM {name}")\n',
                 '    cur.execute(f"SELECT * FROM {name}")\n    name = "orgs"\n')(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    same(fast, lint(root))
    assert {(f.rule, f.path) for f in fast.findings} == {("MOL101", "platform_app/report.py"), ("MOL201", "platform_app/report.py")}


def test_a_relinked_file_keeps_its_digest_in_the_facts_table(imported: Path) -> None:
    """A later edit reads the snapshot's facts of the file back from the table by their digest: the one
    taken when they were parsed travels with them (a digest taken again of the facts read back may differ)."""
    from molecule_lint.cache import open_cache
    from molecule_lint.incremental import Snapshot

    replace_text("platform_app/names.py", 'name = "orgs"', 'name = "dns_records"')(imported)
    assert lint(imported, cache_dir=imported / ".cache", reuse_results=True).files_parsed == 1
    cache = open_cache(imported / ".cache", imported)
    snapshot = cache.load_snapshot(Snapshot)
    stored = cache.facts.peek("platform_app/names.py")
    assert snapshot is not None and stored is not None
    assert stored.digest and stored.digest == snapshot.digests["platform_app/names.py"]


CUSTOM_QUERIES = {
    "molecule-lint.yaml": """\
        version: 1
        services:
          - {name: control, plane: platform, paths: ["platform_app/"]}
        tenant_data:
          tables: [agent_memories]
    """,
    "platform_app/__init__.py": "",
    "platform_app/managers.py": """\
        from django.db import models


        class ScopedQuerySet(models.QuerySet):
            def for_org(self, org):
                return self.filter(org_id=org)
    """,
    "platform_app/models.py": """\
        from django.db import models


        class Memory(models.Model):
            org_id = models.IntegerField()

            class Meta:
                db_table = "agent_memories"
    """,
    "platform_app/report.py": """\
        from platform_app.models import Memory


        def count(org):
            return Memory.objects.for_org(org).count()
    """,
}


def test_a_custom_query_method_that_stops_pinning_the_org_re_checks_its_callers(tmp_path: Path) -> None:
    """The ORM checks read every project method of the name a chain calls (report.py uses nothing of
    managers.py): a change to what one returns re-checks the files calling a method so named."""
    root = write_project(tmp_path / "repo", CUSTOM_QUERIES)
    assert "MOL201" not in {f.rule for f in lint(root, cache_dir=root / ".cache", reuse_results=True).findings}
    replace_text("platform_app/managers.py", "self.filter(org_id=org)", "self.all()")(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    assert fast.files_parsed == 1
    same(fast, lint(root))
    assert ("MOL201", "platform_app/report.py") in {(f.rule, f.path) for f in fast.findings}


def delete(path: str) -> Edit:
    def edit(root: Path) -> None:
        (root / path).unlink()

    return edit


def create(path: str, text: str) -> Edit:
    def edit(root: Path) -> None:
        (root / path).write_text(text, encoding="utf-8")

    return edit


# Edits across the files of IMPORTED (each list one commit), and the files the incremental path parses
# for it (None: the full run answers, parsing more).
IMPORTED_COMMITS: dict[str, tuple[list[Edit], int | None]] = {
    "a constant renamed where defined and used": ([
        replace_text("platform_app/names.py", "BILLING =", "BILLING_TABLE ="),
        replace_text("platform_app/report.py", "import BILLING,", "import BILLING_TABLE,"),
        replace_text("platform_app/report.py", "{BILLING}", "{BILLING_TABLE}"),
    ], None),
    "a function moved to the file calling it": ([
        replace_text("platform_app/names.py", '\n\ndef memory_table():\n    return "agent_memories"\n', ""),
        replace_text("platform_app/report.py", "import BILLING, memory_table, table_name", "import BILLING, table_name"),
        append("platform_app/report.py", '\n\ndef memory_table():\n    return "agent_memories"\n'),
    ], None),
    "a file no one imports deleted": ([delete("platform_app/api.py")], None),
    "an imported file deleted with its import": ([
        delete("shared/text.py"),
        replace_text("platform_app/report.py", "from shared.text import log_level\n", ""),
        replace_text("platform_app/report.py", " if log_level() else []", ""),
    ], None),
    "a file added": ([create("platform_app/audit.py", READ_MEMORIES)], None),
    "an import added and used": ([
        prepend("platform_app/api.py", "from platform_app.names import memory_table\n"),
        replace_text("platform_app/api.py", "return rows(cur)", "return rows(cur) + [memory_table()]"),
    ], None),
    "an import removed with its use": ([
        replace_text("platform_app/report.py", "from shared.text import log_level\n", ""),
        replace_text("platform_app/report.py", " if log_level() else []", ""),
    ], None),
    "a helper's return changed and a caller moved down a line": ([
        replace_text("platform_app/names.py", 'name = "orgs"', 'name = "agent_memories"'),
        prepend("platform_app/api.py", "# api\n"),
    ], 2),
    "a helper turning to tenant data and its importer moved down two lines": ([  # the new finding's line moves too
        replace_text("platform_app/names.py", 'def table_name():\n    name = "orgs"', TENANT_HELPER),
        prepend("platform_app/report.py", "# report\n\n"),
    ], 2),
}


@pytest.mark.parametrize("name", sorted(IMPORTED_COMMITS))
def test_a_commit_across_imported_files_equals_a_full_run(name: str, imported: Path) -> None:
    edits, parsed = IMPORTED_COMMITS[name]
    for edit in edits:
        edit(imported)
    fast = lint(imported, cache_dir=imported / ".cache", reuse_results=True)
    same(fast, lint(imported, prefilter=True))
    assert (fast.files_parsed == parsed) if parsed is not None else fast.files_parsed > 3, fast.files_parsed
    same(lint(imported, cache_dir=imported / ".cache", reuse_results=True), fast)


def test_helper_edits_with_their_importers_moving_down_stay_exact(imported: Path) -> None:
    """An importer whose lines moved in the same commit is re-checked as it is now, edit after edit (a
    helper turning to tenant data leaves the linked part stale: the next such edit runs in full)."""
    to_tenant = replace_text("platform_app/names.py", 'def table_name():\n    name = "orgs"', TENANT_HELPER)
    back = replace_text("platform_app/names.py", TENANT_HELPER, 'def table_name():\n    name = "orgs"')
    steps = [
        ([to_tenant, prepend("platform_app/report.py", "# report\n")], True),
        ([back], False),
        ([to_tenant, prepend("platform_app/api.py", "# api\n"), prepend("platform_app/report.py", "# report\n")], True),
        ([prepend("platform_app/report.py", "# report\n")], True),
    ]
    for number, (step, incremental) in enumerate(steps):
        for edit in step:
            edit(imported)
        fast = lint(imported, cache_dir=imported / ".cache", reuse_results=True)
        assert (fast.files_parsed == len(step)) is incremental, number
        same(fast, lint(imported))
    assert [(f.rule, f.path, f.loc.line) for f in fast.findings if f.rule == "MOL101"] == [
        ("MOL101", "platform_app/report.py", 9), ("MOL101", "platform_app/report.py", 18)
    ]


GO_COMMITS: dict[str, tuple[list[Edit], int | None]] = {
    "a helper's return changed": ([replace_text("shared/util/slug.go", 'ReplaceAll(name, " ", "-")', 'ReplaceAll(name, " ", "_")')], None),
    "a constant renamed": ([replace_text("shared/db/memories.go", "recentQuery =", "latestQuery ="),
                            replace_text("shared/db/memories.go", "ctx, recentQuery, org", "ctx, latestQuery, org")], None),
    "a function moved to another file of its package": ([
        replace_text("shared/util/slug.go", '\n// Recent lives next to Slug but reads tenant data.\nfunc Recent(db *sql.DB) (*sql.Rows, error) {\n'
                     '\treturn db.Query("SELECT body FROM agent_memories")\n}\n', ""),
        replace_text("shared/util/slug.go", '\t"database/sql"\n', ""),
        create("shared/util/recent.go", 'package util\n\nimport "database/sql"\n\n// Recent reads tenant data.\n'
               'func Recent(db *sql.DB) (*sql.Rows, error) {\n\treturn db.Query("SELECT body FROM agent_memories")\n}\n'),
    ], None),
    "a file deleted": ([delete("controlplane/internal/digest/digest.go")], None),
    "an import removed with its use": ([
        replace_text("controlplane/internal/digest/digest.go", '\n\t"github.com/acme/molecule/shared/db"\n', ""),
        replace_text("controlplane/internal/digest/digest.go", "return db.RecentMemories(ctx, org)", "return nil"),
    ], None),
    "an import added and used": ([
        replace_text("controlplane/internal/digest/digest.go", '\t"context"\n', '\t"context"\n\n\t"github.com/acme/molecule/shared/util"\n'),
        replace_text("controlplane/internal/digest/digest.go", "return db.RecentMemories(ctx, org)",
                     "_, _ = util.Recent(nil)\n\treturn db.RecentMemories(ctx, org)"),
    ], None),
    "a reader moved down a line": ([prepend("shared/db/memories.go", "// db\n")], 1),
}


@pytest.mark.parametrize("name", sorted(GO_COMMITS))
def test_a_go_commit_equals_a_full_run(name: str, tmp_path: Path) -> None:
    root = tmp_path / "go"
    shutil.copytree(GO_FIXTURE, root)
    write_project(root, {}, GO_CONFIG)
    lint(root, cache_dir=root / ".cache", reuse_results=True)
    edits, parsed = GO_COMMITS[name]
    for edit in edits:
        edit(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    same(fast, lint(root))
    assert (fast.files_parsed == parsed) if parsed is not None else fast.files_parsed > 3, fast.files_parsed
    same(lint(root, cache_dir=root / ".cache", reuse_results=True), fast)


STORED = {
    "molecule-lint.yaml": IMPORTED["molecule-lint.yaml"],
    "platform_app/__init__.py": "",
    "platform_app/registry.py": """\
        KINDS = {}


        def add(kind, table):
            KINDS[kind] = table


        def setup():
            add("notes", "orgs")
    """,
    "platform_app/report.py": """\
        from platform_app.registry import KINDS


        def rows(cur):
            cur.execute("SELECT * FROM " + KINDS["notes"])
    """,
}


def test_a_function_storing_a_registrys_entry_re_checks_its_readers(tmp_path: Path) -> None:
    """`setup()` now registers the tenant table under the key a reader looks up: the reader's statement
    names it, though the reader uses no unit that changed (the entry is the registry's, a module-level name)."""
    root = write_project(tmp_path / "repo", STORED)
    assert lint(root, cache_dir=root / ".cache", reuse_results=True).findings == []
    replace_text("platform_app/registry.py", 'add("notes", "orgs")', 'add("notes", "agent_memories")')(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    same(fast, lint(root))
    assert ("MOL101", "platform_app/report.py") in {(f.rule, f.path) for f in fast.findings}


def test_a_go_init_storing_a_maps_entry_re_checks_the_packages_readers(tmp_path: Path) -> None:
    """The same in Go: `init()` in one file of a package registers through `register(kind, table)` of
    another; a third file's `tableOf["notes"]` reads the entry."""
    files = {
        "go.mod": "module example.com/m\n\ngo 1.22\n",
        "controlplane/export/registry.go": """\
            package export

            var tableOf = map[string]string{}

            func register(kind, table string) { tableOf[kind] = table }
        """,
        "controlplane/export/init.go": """\
            package export

            func init() { register("notes", "orgs") }
        """,
        "controlplane/export/dump.go": """\
            package export

            import "database/sql"

            func Dump(db *sql.DB) { db.Query("SELECT * FROM " + tableOf["notes"]) }
        """,
    }
    root = write_project(tmp_path / "repo", files, GO_CONFIG)
    assert lint(root, cache_dir=root / ".cache", reuse_results=True).findings == []
    replace_text("controlplane/export/init.go", '"orgs"', '"agent_memories"')(root)
    fast = lint(root, cache_dir=root / ".cache", reuse_results=True)
    same(fast, lint(root))
    assert ("MOL101", "controlplane/export/dump.go") in {(f.rule, f.path) for f in fast.findings}
