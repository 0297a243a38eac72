"""The facts cache: warm runs reuse facts, edits and go.mod changes invalidate, corruption heals."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLE_ROOT, lint, write_project

from molecule_lint import sealed
from molecule_lint.cache import PACK_NAME, Stamp, Table, open_cache
from molecule_lint.facts import FileFacts
from molecule_lint.location import Location

CONFIG = {
    "services": [{"name": "cp", "plane": "platform", "paths": ["cp/"]}],
    "tenant_data": {"tables": ["agent_memories"]},
}


def test_warm_run_reuses_and_an_edit_invalidates(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {"cp/a.py": 'Q = "SELECT 1 FROM orgs"\n'}, CONFIG)
    cache_dir = tmp_path / "cache"
    assert lint(root, cache_dir=cache_dir).findings == []
    assert (cache_dir / PACK_NAME).is_file()
    (root / "cp/a.py").write_text('Q = "SELECT 1 FROM agent_memories WHERE id = %s"\n')
    assert [f.rule for f in lint(root, cache_dir=cache_dir).findings] == ["MOL101"]


def test_same_size_edit_with_a_new_mtime_is_seen(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {"cp/a.py": 'Q = "SELECT 1 FROM orgs_xxxxxxxxx WHERE id = %s"\n'}, CONFIG)
    cache_dir = tmp_path / "cache"
    lint(root, cache_dir=cache_dir)
    path = root / "cp/a.py"
    stat = path.stat()
    path.write_text('Q = "SELECT 1 FROM agent_memories WHERE id = %s"\n')
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert path.stat().st_size == stat.st_size
    assert [f.rule for f in lint(root, cache_dir=cache_dir).findings] == ["MOL101"]


def test_corrupt_cache_is_ignored_and_rewritten(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {"cp/a.py": 'Q = "SELECT 1 FROM agent_memories WHERE id = %s"\n'}, CONFIG)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / PACK_NAME).write_bytes(b"\x80\x05garbage")
    assert [f.rule for f in lint(root, cache_dir=cache_dir).findings] == ["MOL101"]
    assert open_cache(cache_dir, root).facts.entries  # rewritten whole


def test_a_go_mod_change_renames_cached_go_packages(tmp_path: Path) -> None:
    files = {
        "go.mod": "module example.com/old\n\ngo 1.22\n",
        "cp/main.go": 'package cp\n\nimport "example.com/new/ws"\n\nfunc F() { ws.Read() }\n',
        "ws/read.go": 'package ws\n\nfunc Read() string { return "SELECT 1 FROM agent_memories WHERE id = %s" }\n',
    }
    config = {
        "services": [{"name": "cp", "plane": "platform", "paths": ["cp/"]}, {"name": "ws", "plane": "tenant", "paths": ["ws/"]}],
        "tenant_data": {"tables": ["agent_memories"]},
    }
    root = write_project(tmp_path / "p", files, config)
    cache_dir = tmp_path / "cache"
    assert lint(root, cache_dir=cache_dir).findings == []  # the import names a module that does not exist yet
    (root / "go.mod").write_text("module example.com/new\n\ngo 1.22\n")
    assert [f.rule for f in lint(root, cache_dir=cache_dir).findings] == ["MOL104", "MOL101"]  # the import, the call


def test_an_unchanged_project_reuses_the_last_result(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from molecule_lint import engine

    root = write_project(tmp_path / "p", {"cp/a.py": 'Q = "SELECT id FROM agent_memories WHERE id = 1"\n'}, CONFIG)
    cache_dir = tmp_path / "cache"
    first = lint(root, cache_dir=cache_dir, reuse_results=True)
    assert first.context is not None

    def no_analysis(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("an unchanged project must not be analysed again")

    monkeypatch.setattr(engine, "_analyse", no_analysis)
    again = lint(root, cache_dir=cache_dir, reuse_results=True)
    assert again.context is None
    assert [(f.rule, f.fingerprint) for f in again.findings] == [(f.rule, f.fingerprint) for f in first.findings]
    assert lint(root, cache_dir=cache_dir, reuse_results=True, only_paths=("cp/other.py",)).findings == []
    monkeypatch.undo()
    (root / "cp/a.py").write_text('Q = "SELECT id FROM orgs WHERE id = 1"\n')
    assert lint(root, cache_dir=cache_dir, reuse_results=True).findings == []
    (root / "molecule-lint.yaml").write_text((root / "molecule-lint.yaml").read_text().replace("agent_memories", "orgs"))
    assert [f.rule for f in lint(root, cache_dir=cache_dir, reuse_results=True).findings] == ["MOL101"]


def test_small_changes_go_to_a_delta_and_survive_reload(tmp_path: Path) -> None:
    from molecule_lint.cache import DELTA_NAME

    files = {f"cp/m{i}.py": "X = 1\n" for i in range(5)} | {"cp/a.py": 'Q = "SELECT id FROM orgs WHERE id = 1"\n'}
    root = write_project(tmp_path / "p", files, CONFIG)
    cache_dir = tmp_path / "cache"
    lint(root, cache_dir=cache_dir)
    base_bytes = (cache_dir / PACK_NAME).read_bytes()
    (root / "cp/a.py").write_text('Q = "SELECT id FROM agent_memories WHERE id = 1"\n')
    assert [f.rule for f in lint(root, cache_dir=cache_dir).findings] == ["MOL101"]
    assert (cache_dir / PACK_NAME).read_bytes() == base_bytes  # only the delta was written
    reloaded = open_cache(cache_dir, root)
    assert reloaded.facts.peek("cp/a.py") is not None and len(reloaded.facts.entries) == 6
    assert (cache_dir / DELTA_NAME).stat().st_size < len(base_bytes)
    (root / "cp/m0.py").unlink()  # a file gone: the base is rewritten, the delta emptied
    lint(root, cache_dir=cache_dir)
    assert "cp/m0.py" not in open_cache(cache_dir, root).facts.entries


def test_a_file_s_facts_are_read_only_when_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An incremental run reads one file's facts: the pack's head says where each file's lie."""
    files = {"cp/a.py": 'Q = "SELECT id FROM orgs"\n', "cp/b.py": "X = 1\n"}
    root = write_project(tmp_path / "p", files, CONFIG)
    lint(root, cache_dir=tmp_path / "cache")
    read: list[sealed.Ref] = []
    record = sealed.Indexed.record
    monkeypatch.setattr(sealed.Indexed, "record", lambda self, ref: read.append(ref) or record(self, ref))
    facts = open_cache(tmp_path / "cache", root).facts
    assert read == [] and all(type(value) is tuple for _, value in facts.entries.values())
    found = facts.peek("cp/a.py")
    assert found is not None and found.path == "cp/a.py"
    assert len(read) == 1 and type(facts.entries["cp/b.py"][1]) is tuple


def test_a_result_stored_under_another_key_is_not_unpickled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every edit changes the run key: finding that out must not cost unpickling the last result."""
    from molecule_lint.engine import RunResult

    cache = open_cache(tmp_path / "cache", tmp_path)
    cache.save_result("key", RunResult([], [], 0, 0, 0.0, Counter(), 0, [], None))
    reopened = open_cache(tmp_path / "cache", tmp_path)
    with monkeypatch.context() as patch:
        patch.setattr(sealed, "load_data", lambda payload: pytest.fail("the result was unpickled"))
        assert reopened.load_result("another key", RunResult) is None
    assert reopened.load_result("key", RunResult) is not None


def test_an_entry_of_another_type_reads_as_absent() -> None:
    stamp = Stamp((0, 0, 0, 0), "d")
    table = Table({"cp/a.py": (stamp, sealed.dump_data(Location(1, 1, 1, 1)))}, {}, FileFacts)
    assert table.peek("cp/a.py") is None and "cp/a.py" not in table.entries


WARM_PROBE = """
import runpy, sys
sys.argv = ["molecule-lint", "check", "--cache-dir", ".cache", "--format", "json", "-o", "out.json", "--exit-zero"]
try:
    runpy.run_module("molecule_lint.cli", run_name="__main__")
except SystemExit:
    pass
print(" ".join(sorted(name for name in sys.modules if name.startswith("molecule_lint"))))
"""


def test_a_run_answered_from_the_cache_imports_only_what_it_reports_with(tmp_path: Path) -> None:
    """Start-up is most of a warm run: no fact model, scanner, frontend, check, YAML loader (the settings
    are cached too), or other format's reporter."""
    shutil.copytree(EXAMPLE_ROOT, tmp_path / "repo")
    probe = [sys.executable, "-c", WARM_PROBE]
    subprocess.run(probe, cwd=tmp_path / "repo", check=True, capture_output=True)
    warm = subprocess.run(probe, cwd=tmp_path / "repo", check=True, capture_output=True, text=True).stdout.split()
    assert "molecule_lint.reporters.json_report" in warm and "molecule_lint.engine" in warm
    unwanted = ("molecule_lint.facts", "molecule_lint.scan", "molecule_lint.yamlsource", "molecule_lint.frontends.python", "molecule_lint.frontends.go", "molecule_lint.checks",
                "molecule_lint.incremental", "molecule_lint.gitdiff", "molecule_lint.baseline",
                "molecule_lint.reporters.sarif", "molecule_lint.reporters.junit", "molecule_lint.reporters.text")
    assert [name for name in warm if name.startswith(unwanted)] == []


def test_what_the_cache_loads_is_kept_out_of_cycle_collection(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {"cp/a.py": 'Q = "SELECT 1 FROM orgs"\n'}, CONFIG)
    lint(root, cache_dir=tmp_path / "cache")
    gc.unfreeze()
    try:
        assert open_cache(tmp_path / "cache", root).facts.peek("cp/a.py") is not None
        assert gc.get_freeze_count() > 0 and gc.isenabled()
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(
    ("path", "source"),
    [
        (
            "workspace_server/deep.py",
            'import psycopg\n\ndef items(request):\n    x = request.headers["X"]' + ".a" * 600
            + '\n    return psycopg.connect("postgresql://db/" + x)\n',
        ),
        ("workspace_server/deep.go", "package ws\n\nfunc F(r R) string {\n\treturn r" + ".a" * 400 + "\n}\n"),
    ],
    ids=["python", "go"],
)
def test_a_chain_nested_on_purpose_is_cached_without_overflowing(tmp_path: Path, path: str, source: str) -> None:
    """A pull request may nest a value hundreds deep: its lowered value stops at a bound (the part beyond is
    unknown), so pickling the facts into the cache or out of a worker never overflows the stack."""
    config = {
        "services": [{"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/"]}],
        "tenant_data": {"tables": ["agent_memories"]},
    }
    write_project(tmp_path, {"workspace_server/__init__.py": "", path: source}, config)
    cold = lint(tmp_path, cache_dir=tmp_path / ".cache", reuse_results=True)
    warm = lint(tmp_path, cache_dir=tmp_path / ".cache", reuse_results=True)
    assert cold.internal_errors == 0 and cold.findings == warm.findings == []


def test_a_stamp_pickles_as_its_field_values() -> None:
    """Every edit reads the facts pack's head, a stamp per file: unpickled through the dataclass's own
    __setstate__ (which lists its fields each time), they were 40 % of reading it."""
    stamp = Stamp((1, 2, 3, 4), "digest")
    assert stamp.__reduce__() == (Stamp, ((1, 2, 3, 4), "digest"))
    assert sealed.load_data(sealed.dump_data(stamp)) == stamp
