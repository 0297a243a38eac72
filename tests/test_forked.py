"""Checks run apart: with several jobs, half the files are linked in a forked process, and the checks that
may (checks.APART) run in forked processes beside the others; the run reports what it reports with one job;
a child that fails leaves its work to the main process."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_ROOT, lint

from molecule_lint import analysis, forked, sql
from molecule_lint.catalog import DataCatalog, FileReader
from molecule_lint.checks import APART, CHECKS, CheckContext, Violation
from molecule_lint.config import Config
from molecule_lint.core.sinks import Hit
from molecule_lint.engine import LINKED_BEFORE_FORK, _link_halves, check_findings
from molecule_lint.facts import FileFacts
from molecule_lint.linker import Access, Linked, Project
from molecule_lint.location import Location
from molecule_lint.rules import Rule

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="no fork() here: checks run in one process")


def _pid() -> int:
    return os.getpid()


def _raises() -> int:
    raise RuntimeError("a bug of ours")


def _killed() -> int:
    os.kill(os.getpid(), signal.SIGKILL)
    return 0


def test_each_task_runs_in_a_child_and_a_failed_one_gives_none() -> None:
    with forked.Apart([_pid, _raises, _killed, _pid]) as children:
        results = children.results()
    assert results[1:3] == [None, None]
    assert results[0] not in (None, os.getpid()) and results[3] not in (None, os.getpid(), results[0])


def test_children_left_unread_are_ended_when_the_caller_fails() -> None:
    with pytest.raises(KeyError), forked.Apart([_pid]) as children:
        pid = children._children[0][0]
        raise KeyError("the caller's own work failed")
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # reaped already


def test_the_example_repo_reports_the_same_with_checks_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    start = forked._start

    def counted(task: Any) -> tuple[int, int]:
        started.append(1)
        return start(task)

    monkeypatch.setattr(forked, "_start", counted)
    monkeypatch.setattr(analysis, "PARALLEL_FROM", 1)  # the example is smaller than a project worth a fork
    one = lint(EXAMPLE_ROOT, jobs=1)
    assert started == []
    two = lint(EXAMPLE_ROOT, jobs=2)
    assert len(started) == 1 + len({"MOL201", "MOL302"})  # half the links; cross-org-sql, runtime-org-choice
    assert [(f.rule, f.path, f.loc, f.message, f.trace) for f in two.findings] == [
        (f.rule, f.path, f.loc, f.message, f.trace) for f in one.findings
    ]
    assert {"MOL201", "MOL302"} <= {f.rule for f in two.findings}


def test_a_task_started_later_gives_its_result_after_the_earlier_ones() -> None:
    with forked.Apart([_pid]) as children:
        children.start(_raises)
        children.start(_pid)
        results = children.results()
    assert results[1] is None and os.getpid() not in results and None not in (results[0], results[2])


def test_a_check_reading_only_the_graph_starts_before_the_mirrors_are_built(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[str] = []
    start = forked._start
    mirrors = CheckContext.__dict__["mirrors"]
    build = mirrors.func

    def counted(task: Any) -> tuple[int, int]:
        started.append("child")
        return start(task)

    def built(ctx: CheckContext) -> Any:
        started.append("mirrors")
        return build(ctx)

    monkeypatch.setattr(forked, "_start", counted)
    monkeypatch.setattr(mirrors, "func", built)
    monkeypatch.setattr(analysis, "PARALLEL_FROM", 1)
    lint(EXAMPLE_ROOT, jobs=2)
    assert started == ["child", "child", "mirrors", "child"]  # half the links, MOL302; MOL201 reads the mirrors


def test_half_the_files_are_linked_in_a_child_and_the_graph_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    here: list[str] = []
    accessed = Project._accessed

    def counted(self: Project, f: FileFacts, own: list[Access], hits: tuple[Hit, ...]) -> list[Access]:
        here.append(f.path)
        return accessed(self, f, own, hits)

    monkeypatch.setattr(analysis, "PARALLEL_FROM", 1)
    one = lint(EXAMPLE_ROOT, jobs=1)
    monkeypatch.setattr(Project, "_accessed", counted)
    two = lint(EXAMPLE_ROOT, jobs=2)
    assert one.context is not None and two.context is not None
    linked = sorted(one.context.graph.accesses)
    sample = linked[::LINKED_BEFORE_FORK]  # before the fork
    rest = [path for path in linked if path not in sample]
    assert len(rest) > 10 and sorted(here) == sorted([*sample, *rest[1::2]])  # the child linked the others
    assert two.context.graph.accesses == one.context.graph.accesses


def test_the_helpers_a_sample_resolves_before_the_fork_are_inherited(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both processes start with what linking the sample evaluated, instead of each evaluating it again."""
    memo_at_fork: list[int] = []
    start = forked._start
    monkeypatch.setattr(analysis, "PARALLEL_FROM", 1)
    context = lint(EXAMPLE_ROOT, jobs=1).context
    assert context is not None
    old = context.project
    project = Project(old.config, list(old.files.values()), old.catalog)

    def counted(task: Any) -> tuple[int, int]:
        memo_at_fork.append(len(project.sinks()._memo))
        return start(task)

    monkeypatch.setattr(forked, "_start", counted)
    _link_halves(project)
    assert len(memo_at_fork) == 1 and memo_at_fork[0] > 0


def test_files_a_failed_child_was_to_link_are_linked_here(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    linked = Project.linked

    def dies_in_a_child(self: Project, paths: list[str]) -> Linked:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return linked(self, paths)

    monkeypatch.setattr(analysis, "PARALLEL_FROM", 1)
    one = lint(EXAMPLE_ROOT, jobs=1)
    monkeypatch.setattr(Project, "linked", dies_in_a_child)
    two = lint(EXAMPLE_ROOT, jobs=2)
    assert one.context is not None and two.context is not None
    assert two.context.graph.accesses == one.context.graph.accesses
    assert [(f.rule, f.path, f.loc, f.trace) for f in two.findings] == [(f.rule, f.path, f.loc, f.trace) for f in one.findings]


def _rule(check: str) -> Rule:
    return Rule("MOL999", "t", "error", "", "", "{what}", None, check, {}, (), (), "")


@pytest.fixture
def context(monkeypatch: pytest.MonkeyPatch) -> CheckContext:
    monkeypatch.setattr(analysis, "PARALLEL_FROM", 0)  # an empty project, forked all the same
    config = Config(root=Path("."), source=None)
    return CheckContext(config, Project(config, [], DataCatalog(config, [], FileReader(Path(".")))))


def test_a_forked_checks_sql_is_remembered_and_its_failure_raised_here(
    monkeypatch: pytest.MonkeyPatch, context: CheckContext
) -> None:
    def where(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
        sql.analyze_sql("SELECT id FROM forked_only_table", known_sql=True)
        yield Violation("f0.py", Location(1, 1, 1, 1), "t", str(os.getpid()))

    def broken(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
        raise RuntimeError("a bug of ours")
        yield

    monkeypatch.setitem(CHECKS, "test-where", where)
    monkeypatch.setitem(APART, "test-where", ())
    monkeypatch.setitem(CHECKS, "test-broken", broken)
    monkeypatch.setitem(APART, "test-broken", ())
    monkeypatch.setattr("molecule_lint.engine._finding", lambda rule, v, project: v.what)
    found = check_findings(context, {"MOL999": _rule("test-where")}, jobs=2)
    assert found != [str(os.getpid())] and len(found) == 1  # found in a child
    assert "SELECT id FROM forked_only_table" in sql.analyses_used()
    with pytest.raises(RuntimeError, match="a bug of ours"):
        check_findings(context, {"MOL999": _rule("test-broken")}, jobs=2)


def test_linking_half_the_files_leaves_their_hits_and_drops_the_memo_that_found_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The memo is bounded per phase: the checks do not start with what linking evaluated on top of
    what they evaluate themselves (on a large Go project the linking phase's memo held 120 MiB)."""
    monkeypatch.setattr(analysis, "PARALLEL_FROM", 1)
    context = lint(EXAMPLE_ROOT, jobs=1).context
    assert context is not None
    old = context.project
    project = Project(old.config, list(old.files.values()), old.catalog)
    _link_halves(project)
    sinks = project.sinks()
    assert project._hits and not (sinks._memo or sinks.resolver._returns or sinks.resolver._bound)
    assert all(hits == old._hits[path] for path, hits in project._hits.items())  # the same as one process found
