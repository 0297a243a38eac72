"""Whatever a real repository holds: each input is analysed or reported as MOL901 with a reason,
never a traceback, and the rest of the run completes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import lint, write_project

from molecule_lint import analysis
from molecule_lint.cli import main

CONFIG = {
    "services": [{"name": "cp", "plane": "platform", "paths": ["cp/"]}],
    "tenant_data": {"tables": ["agent_memories"]},
}
VIOLATION = 'Q = "SELECT id FROM agent_memories WHERE id = %s"\n'
NEWER = b"type Alias = int\n"  # Python 3.12 syntax: read by libcst on this interpreter


def run_with(tmp_path: Path, name: str, content: bytes, **options: object):  # type: ignore[no-untyped-def]
    write_project(tmp_path, {"cp/ok.py": VIOLATION}, CONFIG)
    target = tmp_path / "cp" / name
    target.write_bytes(content)
    result = lint(tmp_path, jobs=1, **options)
    assert ("MOL101", "cp/ok.py") in [(f.rule, f.path) for f in result.findings], "the rest of the run goes on"
    assert result.internal_errors == 0
    return result, [f for f in result.findings if f.path == f"cp/{name}"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'print "python 2"\n', "syntax error"),
        (b"def unfinished(:\n", "syntax error"),
        (b"x = '\xff\xfe broken'\n", "undecodable"),
        (b"x = 1\x00\n", "binary file"),
        (b"x = " + b"(" * 2000 + b"1" + b")" * 2000 + b"\n", "too deeply nested"),
        # `ast` reads these two (test_long_lines_and_operator_chains_are_analysed); with Python 3.12 syntax
        # they would go to libcst, which stalls on the one and segfaults on the other.
        (NEWER + b"X = [" + b"1, " * 30_000 + b"]\n", "longer than"),
        (NEWER + b"x = (" + b" and\n ".join([b"a"] * 20_000) + b")\n", "more than 3,000 operators"),
        (b"x = " + b"- " * 20_000 + b"1\n", "more than 3,000 operators"),
        (b"x = 1\n" * 10 + b"#" * 10 + b"\n" + b"a" * (6 * 1024 * 1024), "larger than"),
    ],
    ids=[
        "python2", "unfinished-edit", "undecodable", "nul-bytes", "deep-nesting", "minified-line", "boolean-chain",
        "unary-run", "20mb-generated",
    ],
)
def test_unanalysable_files_are_mol901_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    _, findings = run_with(tmp_path, "bad.py", content)
    assert [f.rule for f in findings] == ["MOL901"]
    assert reason in findings[0].message


@pytest.mark.parametrize(
    "content",
    [
        b"X = [" + b"1, " * 30_000 + b"]\n",
        b"x = (" + b" and\n ".join([b"a"] * 20_000) + b")\n",
        b"x = " + b" + ".join([b"'a'"] * 1_500) + b"\n",
    ],
    ids=["minified-line", "boolean-chain", "long-concatenation"],
)
def test_long_lines_and_operator_chains_are_analysed(tmp_path: Path, content: bytes) -> None:
    _, findings = run_with(tmp_path, "long.py", content + VIOLATION.encode())
    assert [(f.rule, f.loc.line) for f in findings] == [("MOL101", content.count(b"\n") + 1)]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xef\xbb\xbfQ = 'SELECT id FROM agent_memories WHERE id = %s'\n",
        b"# comment\r\n\r\nQ = 'SELECT id FROM agent_memories WHERE id = %s'\r\n",
        "# -*- coding: latin-1 -*-\nN = 'caf\xe9'\nQ = 'SELECT id FROM agent_memories WHERE id = %s'\n".encode("latin-1"),
    ],
    ids=["empty", "bom", "crlf", "pep263-latin1"],
)
def test_odd_but_valid_files_are_analysed(tmp_path: Path, content: bytes) -> None:
    _, findings = run_with(tmp_path, "odd.py", content)
    expected_line = {b"": None}.get(content, 3 if b"\r\n" in content or b"coding" in content else 1)
    assert [(f.rule, f.loc.line) for f in findings] == ([] if expected_line is None else [("MOL101", expected_line)])


def test_a_ten_thousand_line_function(tmp_path: Path) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(10_000))
    _, findings = run_with(tmp_path, "long.py", f"def f():\n{body}    q = 'SELECT id FROM agent_memories WHERE id = %s'\n".encode())
    assert [(f.rule, f.loc.line) for f in findings] == [("MOL101", 10_002)]


def test_unreadable_and_vanished_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_project(tmp_path, {"cp/ok.py": VIOLATION, "cp/locked.py": "x = 1\n", "cp/gone.py": "x = 1\n"}, CONFIG)
    real_open = open

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        # Root ignores permission bits, so the denial is simulated at the I/O edge.
        if str(file).endswith("locked.py"):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    real_stat = os.stat

    def vanishing_stat(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith("gone.py"):
            (tmp_path / "cp" / "gone.py").unlink(missing_ok=True)  # deleted between discovery and analysis
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(analysis.os, "stat", vanishing_stat)
    result = lint(tmp_path, jobs=1, prefilter=False)
    messages = {f.path: f.message for f in result.findings if f.rule == "MOL901"}
    assert "Permission denied" in messages["cp/locked.py"]
    assert "unreadable" in messages["cp/gone.py"]
    assert ("MOL101", "cp/ok.py") in [(f.rule, f.path) for f in result.findings]
    assert result.skipped["unreadable"] == 2


def test_non_utf8_file_names_are_reported_not_fatal(tmp_path: Path) -> None:
    write_project(tmp_path, {"cp/ok.py": VIOLATION}, CONFIG)
    os.close(os.open(os.fsencode(tmp_path / "cp") + b"/caf\xe9.py", os.O_CREAT | os.O_WRONLY))
    result = lint(tmp_path, jobs=1)
    assert [f.rule for f in result.findings if f.rule == "MOL901"] == ["MOL901"]
    assert "not valid UTF-8" in next(f.message for f in result.findings if f.rule == "MOL901")


def test_huge_sql_migration(tmp_path: Path) -> None:
    statements = "".join(f"CREATE TABLE t{i} (id int, body text);\nINSERT INTO t{i} VALUES (1, 'x');\n" for i in range(3000))
    write_project(tmp_path, {"cp/ok.py": VIOLATION, "ws/migrations/001.sql": statements + "CREATE TABLE agent_memories (id int);\n"}, {
        **CONFIG, "tenant_data": {"migrations": ["ws/migrations/*.sql"]},
    })
    result = lint(tmp_path, jobs=1)
    assert ("MOL101", "cp/ok.py") in [(f.rule, f.path) for f in result.findings]
    assert "t2999" in result.context.catalog.tenant_tables


def test_internal_error_is_mol901_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_project(tmp_path, {"cp/ok.py": VIOLATION, "cp/bug.py": "x = 1\n"}, CONFIG)
    real = analysis.FRONTENDS["python"]

    def buggy(path: str, module: str, source: bytes):  # type: ignore[no-untyped-def]
        if path.endswith("bug.py"):
            raise KeyError("a bug of ours")
        return real[0](path, module, source)

    monkeypatch.setitem(analysis.FRONTENDS, "python", (buggy, real[1]))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "-j", "1"])
    assert result.exit_code == 2
    assert "cp/bug.py:1:1: MOL901 could not be analysed: internal error: KeyError: 'a bug of ours'" in result.stdout
    assert "MOL101" in result.stdout  # the rest of the run completed
    assert "internal error(s): a bug in molecule-lint" in result.stderr
    debug = CliRunner().invoke(main, ["check", "--no-cache", "-j", "1", "--debug"])
    assert "Traceback (most recent call last)" in debug.stdout


def _crash_on_marker(path: str, module: str, source: bytes):  # type: ignore[no-untyped-def]
    """Stands in for a native parser crash (libcst segfaults on some hostile inputs)."""
    if b"CRASH" in source:
        os.abort()
    return analysis._python(path, module, source)


def test_a_worker_killed_by_a_parser_crash_is_isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {f"cp/m{i}.py": "x = 1\n" for i in range(70)} | {"cp/ok.py": VIOLATION, "cp/boom.py": "CRASH = 1\n"}
    write_project(tmp_path, files, CONFIG)
    monkeypatch.setitem(analysis.FRONTENDS, "python", (_crash_on_marker, analysis.FRONTENDS["python"][1]))
    result = lint(tmp_path, jobs=2, prefilter=False)
    by_path = {f.path: f for f in result.findings}
    assert "parser crashed" in by_path["cp/boom.py"].message
    assert by_path["cp/ok.py"].rule == "MOL101"
    assert result.internal_errors == 0


def test_a_string_rebuilt_from_itself_line_after_line_does_not_stall_the_run(tmp_path: Path) -> None:
    """`x = x + x + ...` (50 terms) five times is 30 * 50**5 characters: the text becomes a hole at 20,000."""
    terms = " + ".join(["x"] * 50)
    rebuilt = "".join(f"    x = {terms}\n" for _ in range(5))
    files = {"cp/a.py": f'def f(db):\n    x = "SELECT 1 FROM agent_memories "\n{rebuilt}    db.execute(x)\n'}
    config = {"services": [{"name": "cp", "plane": "platform", "paths": ["cp/"]}], "tenant_data": {"tables": ["agent_memories"]}}
    write_project(tmp_path, files, config)
    result = subprocess.run(
        [sys.executable, "-m", "molecule_lint.cli", "check", "--no-cache", "-j", "1", "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["findings"] == []


def test_a_fifo_among_the_files_is_reported_not_read(tmp_path: Path) -> None:
    """Opening a FIFO for reading waits for a writer forever: discovery takes regular files only, and
    neither the fingerprints nor `init` open anything else."""
    config = {"services": [{"name": "cp", "plane": "platform", "paths": ["cp/"]}], "tenant_data": {"tables": ["t"]}}
    write_project(tmp_path, {"cp/a.py": "X = 1\n", "cp/migrations/0001.sql": "CREATE TABLE t (id int);\n"}, config)
    os.mkfifo(tmp_path / "cp" / "b.py")
    os.mkfifo(tmp_path / "cp" / "migrations" / "0002.sql")
    cli = [sys.executable, "-m", "molecule_lint.cli"]
    checked = subprocess.run(
        [*cli, "check", "--no-cache", "-j", "1", "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )
    assert checked.returncode == 0, checked.stderr
    reported = {(f["path"], f["message"]) for f in json.loads(checked.stdout)["findings"]}
    assert reported == {
        ("cp/b.py", "not analysed: not a regular file"),
        ("cp/migrations/0002.sql", "not analysed: not a regular file"),
    }
    (tmp_path / "molecule-lint.yaml").unlink()
    initialised = subprocess.run([*cli, "init", str(tmp_path)], capture_output=True, text=True, timeout=60, check=False)
    assert initialised.returncode == 0, initialised.stderr
