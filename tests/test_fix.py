"""`molecule-lint fix`: each rewrite byte for byte, what it must leave alone, the diff, and the command."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import lint

from molecule_lint.cli import main
from molecule_lint.fix import FileFix, plan
from molecule_lint.fix.diff import shown, unified
from molecule_lint.fix.write import Refused, replace, target

CONFIG = {
    "services": [
        {"name": "cp", "plane": "platform", "paths": ["cp/"], "urls": ["PLATFORM_URL", "https://api.molecule.app"]},
        {"name": "runtime", "plane": "tenant", "paths": ["runtime/"]},
    ],
    "tenant_data": {"tables": ["agent_memories"]},
}
Q = 'Q = "SELECT 1 FROM agent_memories WHERE id = %s"'


def project(root: Path, files: dict[str, bytes]) -> Path:
    (root / "molecule-lint.yaml").write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    for rel, content in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(content)
    return root


def fixes(root: Path, files: dict[str, bytes]) -> tuple[dict[str, bytes], list[str]]:
    """path -> the fixed bytes, and the rules of the findings fixed."""
    planned, refused = plan(root, lint(project(root, files)).findings)
    assert refused == []
    return {f.path: f.after for f in planned}, sorted(finding.rule for f in planned for finding in f.fixed)


# -- MOL902, Python ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(b"X = 1  # molecule-lint: ignore[MOL101] -- legacy\n", b"X = 1\n", id="trailing: comment and blanks go"),
        pytest.param(
            b"def f():\r\n\t# molecule-lint: ignore[MOL101] -- legacy\r\n\treturn 'h\xc3\xa9'\r\n",
            b"def f():\r\n\treturn 'h\xc3\xa9'\r\n",
            id="standalone, CRLF, tab, non-ASCII: the line goes",
        ),
        pytest.param(
            b"\xef\xbb\xbfX = 1\t# noqa: E501 # molecule-lint: ignore[MOL103] -- x\r\nY = 2\r\n",
            b"\xef\xbb\xbfX = 1\t# noqa: E501\r\nY = 2\r\n",
            id="BOM; other text of the comment stays",
        ),
        pytest.param(
            Q.encode() + b"  # molecule-lint: ignore[MOL101, mol103] -- reviewed\n",
            Q.encode() + b"  # molecule-lint: ignore[MOL101] -- reviewed\n",
            id="only the unused id goes",
        ),
        pytest.param(b"f(\n    1,  # molecule-lint: ignore -- all\n)\n", b"f(\n    1,\n)\n", id="inside brackets; bare ignore"),
        pytest.param(
            b"# -*- coding: latin-1 -*-\nS = '\xe9'\n# molecule-lint: ignore[MOL101] -- x\nT = 1",
            b"# -*- coding: latin-1 -*-\nS = '\xe9'\nT = 1",
            id="latin-1, no newline at the end",
        ),
    ],
)
def test_unused_python_suppressions(tmp_path: Path, before: bytes, after: bytes) -> None:
    assert fixes(tmp_path, {"cp/a.py": before}) == ({"cp/a.py": after}, ["MOL902"])


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(f"{Q}  # molecule-lint: ignore[MOL101] -- legacy (until 2026-01-01)\n", id="expired: a human renews or removes it"),
        pytest.param(f"{Q}  # molecule-lint: ignore[MOL101] -- used\n", id="used"),
        pytest.param(
            f"A = 1\rB = 2  # molecule-lint: ignore[MOL101] -- unused\n{Q}  # molecule-lint: ignore[MOL101] -- used\n",
            id="a lone CR: the tokenizer would count lines otherwise, and take the used one",
        ),
    ],
)
def test_suppressions_left_alone(tmp_path: Path, source: str) -> None:
    assert fixes(tmp_path, {"cp/a.py": source.encode()}) == ({}, [])


def test_unused_allow_entries_are_not_rewritten(tmp_path: Path) -> None:
    (tmp_path / "molecule-lint.yaml").write_text(
        yaml.safe_dump({**CONFIG, "allow": [{"rule": "MOL101", "path": "cp/none.py", "reason": "stale"}]}), encoding="utf-8"
    )
    (tmp_path / "cp").mkdir()
    (tmp_path / "cp/a.py").write_text("X = 1\n", encoding="utf-8")
    result = lint(tmp_path)
    assert [f.rule for f in result.findings] == ["MOL902"]
    assert plan(tmp_path, result.findings) == ([], [])


# -- MOL902, Go --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            b'package cp\r\n\r\nconst s = "// molecule-lint: ignore[MOL101]" // molecule-lint: ignore[MOL101] -- x\r\n',
            b'package cp\r\n\r\nconst s = "// molecule-lint: ignore[MOL101]"\r\n',
            id="trailing; the same text in a string stays",
        ),
        pytest.param(
            b"package cp\n\nfunc f() {\n\t// molecule-lint: ignore[MOL101] -- x\n\tg()\n}\n",
            b"package cp\n\nfunc f() {\n\tg()\n}\n",
            id="standalone in a function body",
        ),
        pytest.param(
            b"package cp\n\nvar x = /* molecule-lint: ignore[MOL101, MOL103] -- x */ 1\n",
            b"package cp\n\nvar x = 1\n",
            id="block comment",
        ),
        pytest.param(
            b'package cp\n\nconst q = "SELECT 1 FROM agent_memories WHERE id = $1" // molecule-lint: ignore[MOL103, MOL101] -- x\n',
            b'package cp\n\nconst q = "SELECT 1 FROM agent_memories WHERE id = $1" // molecule-lint: ignore[MOL101] -- x\n',
            id="only the unused id goes",
        ),
    ],
)
def test_unused_go_suppressions(tmp_path: Path, before: bytes, after: bytes) -> None:
    files = {"go.mod": b"module example.com/m\n", "cp/a.go": before}
    assert fixes(tmp_path, files) == ({"cp/a.go": after}, ["MOL902"])


# -- MOL301 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            b'import os\n\nURL = os.getenv("MOLECULE_PLATFORM_URL", "https://api.molecule.app")\n',
            b'import os\n\nURL = os.environ["MOLECULE_PLATFORM_URL"]\n',
            id="os.getenv",
        ),
        pytest.param(
            b"\xef\xbb\xbfimport os as o\r\n# caf\xc3\xa9\r\nURL = (o.environ.get(\r\n\t'MOLECULE_PLATFORM_URL',\r\n\t'https://api.molecule.app/v1',\r\n)).rstrip('/')\r\n",
            b"\xef\xbb\xbfimport os as o\r\n# caf\xc3\xa9\r\nURL = (o.environ['MOLECULE_PLATFORM_URL']).rstrip('/')\r\n",
            id="os.environ.get, alias, multi-line, parenthesised, CRLF, BOM, tabs",
        ),
        pytest.param(
            b'from os import environ\n\ndef url():\n    return environ.get("MOLECULE_PLATFORM_URL", default="https://api.molecule.app" "/v1")\n',
            b'from os import environ\n\ndef url():\n    return environ["MOLECULE_PLATFORM_URL"]\n',
            id="from os import environ; default=; implicit concatenation",
        ),
        pytest.param(
            b'import os\n\nURL = os.getenv(\r\n    "MOLECULE_PLATFORM_URL", "https://api.molecule.app")\nX = 1\r\n',
            b'import os\n\nURL = os.environ["MOLECULE_PLATFORM_URL"]\nX = 1\r\n',
            id="mixed line endings",
        ),
    ],
)
def test_platform_url_fallbacks(tmp_path: Path, before: bytes, after: bytes) -> None:
    assert fixes(tmp_path, {"runtime/a.py": before}) == ({"runtime/a.py": after}, ["MOL301"])


@pytest.mark.parametrize(
    "source",
    [
        pytest.param('URL = os.getenv("API_URL", "https://api.molecule.app")', id="another variable: renaming it is no mechanical fix"),
        pytest.param('URL = os.getenv("MOLECULE_PLATFORM_URL", f"https://api.molecule.app/{host()}")', id="a fallback with effects"),
        pytest.param('URL = os.getenv(\n    "MOLECULE_PLATFORM_URL",\n    "https://api.molecule.app",  # hosted\n)', id="a comment would be lost"),
        pytest.param('URL = getenv("MOLECULE_PLATFORM_URL", "https://api.molecule.app")', id="no os.environ in reach"),
        pytest.param('URL = os.getenv("MOLECULE_PLATFORM_URL") or "https://api.molecule.app"', id="or-fallback: an empty value differs"),
        pytest.param('URL = "https://api.molecule.app"', id="a constant"),
    ],
)
def test_platform_url_shapes_left_alone(tmp_path: Path, source: str) -> None:
    code = f"import os\nfrom os import getenv\n\n{source}\n"
    result = lint(project(tmp_path, {"runtime/a.py": code.encode()}))
    assert [f.rule for f in result.findings] == ["MOL301"]
    assert plan(tmp_path, result.findings) == ([], [])


# -- the diff ----------------------------------------------------------------------------------------


def _git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, check=False)


def test_diff_applies_with_git_and_fix_then_check_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = b"import os\r\n\r\n\tX = '\xc3\xa9'  # not ours\r\n"
    files = {
        "runtime/a.py": b'import os\r\n\r\nU = os.getenv("MOLECULE_PLATFORM_URL", "https://api.molecule.app")\r\n\r\n\r\n\r\n\r\nV = 1  # molecule-lint: ignore[MOL101] -- x',
        "runtime/b.py": b"import os\n\nU = 1\n",
        "cp/c.go": b"package cp\n\n// molecule-lint: ignore[MOL101] -- x\nvar v = 1\n",
    }
    project(tmp_path, files)
    (tmp_path / "runtime/other.py").write_bytes(other)
    _git(tmp_path, "init", "-q")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    shown = runner.invoke(main, ["fix", "--no-cache"])
    assert shown.exit_code == 1, shown.output
    assert shown.stdout_bytes.startswith(b"--- a/cp/c.go\n+++ b/cp/c.go\n")
    assert b"\\ No newline at end of file\n" in shown.stdout_bytes
    assert _git(tmp_path, "apply", "--check", "-", stdin=shown.stdout_bytes).returncode == 0
    assert runner.invoke(main, ["fix", "--diff", "--no-cache"]).stdout_bytes == shown.stdout_bytes

    applied = runner.invoke(main, ["fix", "--fix", "--no-cache"])
    assert applied.exit_code == 0
    assert applied.stdout == "Fixed 3 finding(s) in 2 file(s) (0 remaining)\n"
    assert (tmp_path / "runtime/a.py").read_bytes() == b'import os\r\n\r\nU = os.environ["MOLECULE_PLATFORM_URL"]\r\n\r\n\r\n\r\n\r\nV = 1'
    assert (tmp_path / "runtime/b.py").read_bytes() == files["runtime/b.py"]
    assert (tmp_path / "runtime/other.py").read_bytes() == other
    assert runner.invoke(main, ["check", "--no-cache"]).exit_code == 0

    again = runner.invoke(main, ["fix", "--fix", "--no-cache"])
    assert (again.exit_code, again.stdout) == (0, "Fixed 0 finding(s) in 0 file(s) (0 remaining)\n")
    nothing = runner.invoke(main, ["fix", "--no-cache"])
    assert (nothing.exit_code, nothing.stdout) == (0, "")


def test_diff_is_the_patch_git_would_make(tmp_path: Path) -> None:
    before, after = b"a\r\nb\nc", b"a\r\nB\nc"
    (tmp_path / "f").write_bytes(before)
    _git(tmp_path, "init", "-q")
    assert _git(tmp_path, "apply", "-", stdin=unified("f", before, after)).returncode == 0
    assert (tmp_path / "f").read_bytes() == after


def test_control_characters_are_never_printed_raw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = b"T = '\x1b]0;pwned\x07'\nX = 1  # molecule-lint: ignore[MOL101] -- x\n"
    project(tmp_path, {"cp/a.py": source})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["fix", "--no-cache"])
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\\x1b]0;pwned\\x07" in result.stdout
    assert "shown escaped and will not apply" in result.stderr


@pytest.mark.parametrize(
    ("path", "before", "exact"),
    [
        ("a.py", b"a\r\n\tb\n", True),
        ("a.py", b"\xff\n", False),
        ("a.py", "\u202e\n".encode(), False),
        ("a\n+++ b/evil.py", b"a\n", False),
        ("a\x1b]0;t\x07.py", b"a\n", False),
    ],
)
def test_a_diff_is_printed_as_it_is_only_when_that_is_safe(path: str, before: bytes, exact: bool) -> None:
    patch, is_exact = shown(path, before, b"changed\n")
    assert is_exact == exact
    if not exact:
        assert isinstance(patch, str)
        headers = [line for line in patch.splitlines() if line.startswith(("---", "+++"))]
        assert len(headers) == 2 and not any(c in patch for c in "\x1b\x07\u202e")


# -- writing -----------------------------------------------------------------------------------------


def test_a_symlinked_file_is_never_written_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project(tmp_path, {"cp/real.txt": b"X = 1  # molecule-lint: ignore[MOL101] -- x\n"})
    (tmp_path / "cp/link.py").symlink_to(tmp_path / "cp/real.txt")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["fix", "--fix", "--no-cache"])
    assert result.exit_code == 1
    assert "cp/link.py: not fixed: a symlink" in result.stderr
    assert (tmp_path / "cp/real.txt").read_bytes() == b"X = 1  # molecule-lint: ignore[MOL101] -- x\n"


@pytest.mark.parametrize("rel", ["../x.py", "/etc/passwd", "cp/../../x.py"])
def test_paths_out_of_the_project_are_refused(tmp_path: Path, rel: str) -> None:
    with pytest.raises(Refused):
        target(tmp_path, rel)


def test_a_file_changed_since_the_run_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_bytes(b"new\n")
    with pytest.raises(Refused, match="changed while"):
        replace(tmp_path, "a.py", b"old\n", b"fixed\n")
    assert (tmp_path / "a.py").read_bytes() == b"new\n"


def test_the_file_mode_is_kept(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_bytes(b"old\n")
    (tmp_path / "a.py").chmod(0o750)
    replace(tmp_path, "a.py", b"old\n", b"new\n")
    assert ((tmp_path / "a.py").stat().st_mode & 0o777, (tmp_path / "a.py").read_bytes()) == (0o750, b"new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["a.py"]


def test_diff_and_fix_exclude_each_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project(tmp_path, {"cp/a.py": b"X = 1\n"})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["fix", "--diff", "--fix"])
    assert result.exit_code == 2 and "exclude each other" in result.stderr


def test_filefix_is_what_plan_returns(tmp_path: Path) -> None:
    planned, _ = plan(tmp_path, lint(project(tmp_path, {"cp/a.py": b"X = 1  # molecule-lint: ignore -- x\n"})).findings)
    assert [(type(f), f.path, f.before, f.after) for f in planned] == [(FileFix, "cp/a.py", b"X = 1  # molecule-lint: ignore -- x\n", b"X = 1\n")]


def test_paths_limit_what_is_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mark = b"X = 1  # molecule-lint: ignore[MOL101] -- x\n"
    project(tmp_path, {"cp/a.py": mark, "cp/b.py": mark})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["fix", "--fix", "--no-cache", "cp/a.py"])
    assert (result.exit_code, result.stdout) == (0, "Fixed 1 finding(s) in 1 file(s) (0 remaining)\n")
    assert [(tmp_path / p).read_bytes() for p in ("cp/a.py", "cp/b.py")] == [b"X = 1\n", mark]
