"""Shared helpers: build a real project directory from a dict of files, and run the engine on it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import xmlschema
import yaml
from markdown_it import MarkdownIt

from molecule_lint.config import load_config
from molecule_lint.engine import Options, RunResult, run
from molecule_lint.rules import Rule, load_rules

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_ROOT = REPO_ROOT / "examples" / "molecule-platform"
JUNIT_SCHEMA = xmlschema.XMLSchema(str(REPO_ROOT / "tests" / "fixtures" / "junit.xsd"))


def write_project(root: Path, files: dict[str, str], config: dict[str, Any] | None = None) -> Path:
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(content), encoding="utf-8")
    if config is not None:
        (root / "molecule-lint.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def lint(root: Path, today: date | None = None, **options: Any) -> RunResult:
    config = load_config(root / "molecule-lint.yaml")
    opts = Options(today=today or date(2026, 11, 27), **options)
    return run(config, RULES, opts)


RULES: dict[str, Rule] = load_rules()

# Where a finding must be reported: `expect: MOL101` (or `expect-suppressed: MOL101`) in a comment of
# the line, in code, SQL and deployment manifests (examples/molecule-platform/EXPECTED.md, tests/zoo/).
MARKER = re.compile(r"\bexpect(?P<suppressed>-suppressed)?\s*:\s*(?P<rules>MOL\d{3}(?:\s*,\s*MOL\d{3})*)")
Key = tuple[str, int, str]
_COMMENT_ABOVE = (".ini", ".conf")


def planted(root: Path) -> tuple[set[Key], set[Key]]:
    """(reported, suppressed): the (path, line, rule) the markers under ``root`` ask for."""
    reported: set[Key] = set()
    suppressed: set[Key] = set()
    for path in sorted(root.rglob("*")):
        if not _may_hold_markers(path) or "tests" in path.relative_to(root).parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            # configparser keeps a `; comment` after a value as part of it: in INI files the marker is a
            # comment line of its own, and names the line below it.
            at = number + 1 if path.suffix in _COMMENT_ABOVE and line.lstrip().startswith((";", "#")) else number
            for match in MARKER.finditer(line):
                target = suppressed if match.group("suppressed") else reported
                rel = path.relative_to(root).as_posix()
                target.update((rel, at, rule.strip()) for rule in match.group("rules").split(","))
    return reported, suppressed


def _may_hold_markers(path: Path) -> bool:
    """Code (Python, Go), SQL, and deployment manifests (YAML, TOML, dotenv files, systemd units, INI settings,
    supervisord programs, Procfiles, Terraform)."""
    name = path.name
    is_dotenv = name.startswith(".env") or name.endswith(".env")
    suffixes = (".py", ".go", ".sql", ".yaml", ".yml", ".toml", ".service", ".ini", ".conf", ".tf", ".tfvars", ".tftpl")
    return path.is_file() and (path.suffix in suffixes or is_dotenv or name == "Procfile")


def keys(findings: list[Any]) -> set[Key]:
    return {(f.path, f.loc.line, f.rule) for f in findings}


@pytest.fixture(autouse=True, scope="session")
def _cache_key_home(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The per-user cache key (userkey.py) goes to a temporary folder, for CLI subprocesses too: never the real home."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture
def project(tmp_path: Path):  # type: ignore[no-untyped-def]
    """project(files, config) -> RunResult of a lint over a fresh directory."""

    def build(files: dict[str, str], config: dict[str, Any], **options: Any) -> RunResult:
        write_project(tmp_path, files, config)
        return lint(tmp_path, **options)

    return build


def readme_blocks(language: str) -> list[str]:
    """The README's fenced code blocks in ``language``, in order."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.S | re.M)


IDENTITY = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}


def git(root: Path, *args: str) -> str:
    env = {**os.environ, **IDENTITY}
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture(scope="session")
def hook_commit(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A snapshot of this working tree as a git repo, so the hook under test is the current code."""
    snapshot = tmp_path_factory.mktemp("hook-repo")
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "action.yml"):
        shutil.copy(REPO_ROOT / name, snapshot / name)
    for name in ("molecule_lint", "rules", "scripts"):
        shutil.copytree(REPO_ROOT / name, snapshot / name, ignore=shutil.ignore_patterns("__pycache__"))
    git(snapshot, "init", "-q", "-b", "main")
    git(snapshot, "add", "-A")
    git(snapshot, "commit", "-qm", "hook")
    return snapshot, git(snapshot, "rev-parse", "HEAD").strip()




class RenderedMarkdown(HTMLParser):
    """What GitHub-flavoured Markdown becomes in a browser: the HTML of markdown-it's gfm-like preset, parsed.

    Collects every element with its attributes, the body rows of each table, the text of each
    `<summary>`, and all text (character references decoded, as a reader sees it).
    """

    def __init__(self, markdown: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = MarkdownIt("gfm-like").render(markdown)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.table_rows: list[list[list[str]]] = []  # per table, per body row: the text of each cell
        self.summaries: list[str] = []
        self.text = ""
        self._open: list[str] = []
        self.feed(self.html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "table":
            self.table_rows.append([])
        elif tag == "tr" and "tbody" in self._open:
            self.table_rows[-1].append([])
        elif tag == "td":
            self.table_rows[-1][-1].append("")
        elif tag == "summary":
            self.summaries.append("")
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        self.text += data
        if "td" in self._open:
            self.table_rows[-1][-1][-1] += data
        if "summary" in self._open:
            self.summaries[-1] += data

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]
