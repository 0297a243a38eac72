"""Checks: the code behind rules. A rule in `rules/` names its check and parameters.

A check sees the linked project and the graph — never syntax — so a new
frontend (Go, manifests) needs no change here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from molecule_lint.checks.callreach import CallReach
from molecule_lint.config import Config
from molecule_lint.core.lineage import Fill, fills
from molecule_lint.deployments import Deployments
from molecule_lint.findings import Finding, Hop
from molecule_lint.graph import RepoGraph
from molecule_lint.linker import Project


@dataclass(frozen=True, slots=True)
class Violation:
    """What a check found; the engine turns it into a Finding with the rule's text."""

    path: str
    loc: Any  # facts.Location
    target: str
    what: str  # completes the rule's message, e.g. "reads tenant table `agent_memories`"
    trace: tuple[Any, ...] = ()  # findings.Hop
    service: str | None = None  # the service it is about, when the file belongs to none (a deploy/ manifest)


@dataclass(frozen=True, slots=True)
class Mirror:
    """A platform table that holds tenant state: the config says so, platform code fills it with tenant rows,
    or a platform migration makes it a tenant table's copy (MOL203's judgement)."""

    tenant: str  # the tenant table it copies ("" when the config does not say)
    evidence: tuple[Hop, ...] = ()  # the write back to the tenant read, or the migration; empty: the config's word
    how: str = "a mirror of"

    def describe(self, table: str) -> str:
        copied = f"tenant table `{self.tenant}`" if self.tenant else "tenant state"
        return f"platform table `{table}` ({self.how} {copied})"


NextHops = tuple[dict[str, str], dict[str, str]]  # toward tenant data, toward tenant code


class CheckContext:
    """Shared, lazily computed views: each is built once per run, whichever rules ask (an incremental
    run sets the next hops from the last full run's instead, see incremental.py)."""

    def __init__(self, config: Config, project: Project, mirror_params: dict[str, Any] | None = None) -> None:
        """``mirror_params``: those of the rule whose check is "schema-mirror" (None: no such rule loaded)."""
        self.config = config
        self.project = project
        self.catalog = project.catalog  # the run's: with the tables of tenant data modules' models
        self.mirror_params = mirror_params

    @cached_property
    def graph(self) -> RepoGraph:
        return RepoGraph(self.project)

    @cached_property
    def tenant_next_hops(self) -> NextHops:
        """Next hop toward tenant data, and toward tenant code, for every node that reaches one."""
        data, code = self.graph.tenant_sinks()
        return self.graph.next_hops(data), self.graph.next_hops(code)

    @cached_property
    def call_reach(self) -> CallReach:
        """What calls into non-platform functions reach (an incremental run sets one that starts from the last
        full run's answers, see relink.py)."""
        return CallReach(self.project, self.graph.accesses)

    @cached_property
    def tenant_data_hops_through_platform(self) -> dict[str, str]:
        """Next hop toward tenant data walking through platform code too: a platform loop may call platform
        helpers (MOL202, which needs tenant data: reaching tenant code is MOL104's business)."""
        data, _ = self.graph.tenant_sinks()
        return self.graph.next_hops(data, through_platform=True)

    @cached_property
    def fills(self) -> tuple[Fill, ...]:
        """Platform tables written with tenant rows (lineage), in path and line order."""
        return fills(self.project, self.graph.accesses)

    @cached_property
    def mirrors(self) -> dict[str, Mirror]:
        """Platform tables holding tenant state: the config's `platform_data.mirrors`, then lineage's, then
        those the platform's migrations shape or name as a tenant table's copy."""
        from molecule_lint.checks.mirrors import schema_mirrors  # (it registers a check: imported late)

        found = {table: Mirror(tenant) for table, tenant in self.config.platform_data.mirrors}
        for fill in self.fills:
            found.setdefault(fill.table, Mirror(fill.tenant, fill.trace, "filled with rows of"))
        params = self.mirror_params
        for made in schema_mirrors(self, params) if params is not None else ():
            hop = Hop(made.item.path, made.item.change.line, made.what)
            found.setdefault(made.table, Mirror(made.tenant, (hop,), "its migration makes it a copy of"))
        return found

    @property
    def deployments(self) -> Deployments:
        """Manifest services mapped to configured services, with their resolved environment."""
        return self.project.deployments()


Check = Callable[[CheckContext, dict[str, Any]], Iterator[Violation]]
CHECKS: dict[str, Check] = {}
REPORTS_IN: dict[str, frozenset[str]] = {}  # a check whose findings lie in files of these planes only
APART: dict[str, tuple[str, ...]] = {}  # a check that may run in a forked process: the views it reads first


def register(
    name: str, reports_in: frozenset[str] | None = None, apart_after: tuple[str, ...] | None = None
) -> Callable[[Check], Check]:
    """``reports_in``: the planes of the files its findings can lie in, when not all (an incremental
    run that re-checks files of other planes skips it). ``apart_after``: the CheckContext views (its
    cached properties) the check reads, when it may run in a forked process beside the other checks:
    they are built before the fork, once, for all. Only a check whose own work no later step reuses
    (incremental.py's snapshot keeps the graph, the next hops, call reach and fills) runs apart."""

    def decorate(check: Check) -> Check:
        CHECKS[name] = check
        if reports_in is not None:
            REPORTS_IN[name] = reports_in
        if apart_after is not None:
            APART[name] = apart_after
        return check

    return decorate


def may_report_in(check: str, planes: set[str | None]) -> bool:
    """Can this check report a finding in a file of one of these planes (None: a file no service owns)?"""
    load_builtin_checks()  # they declare it when registered
    only = REPORTS_IN.get(check)
    return only is None or any(plane in only for plane in planes)


def load_builtin_checks() -> None:
    """Import the modules that register checks (kept explicit: no plugin magic)."""
    from molecule_lint.checks import access, aggregation, manifests, mirrors, reach, runtime_contract  # noqa: F401


__all__ = ["APART", "CHECKS", "CheckContext", "Finding", "Violation", "load_builtin_checks", "may_report_in", "register"]
