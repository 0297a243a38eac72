"""MOL101–MOL103 at a platform call of tenant or shared code that reaches tenant data (checks/callreach.py):
reported at the call, one per line and rule, with the calls on the way and the access's own evidence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import lint, write_project

from molecule_lint.core.sinks import Hit, Sinks
from molecule_lint.facts import Summary
from molecule_lint.findings import Finding

CONFIG = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "workspace", "plane": "tenant", "paths": ["workspace/"]},
        {"name": "kit", "plane": "shared", "paths": ["kit/"]},
    ],
    "tenant_data": {"tables": ["memories"], "env": ["TENANT_DATABASE_URL"]},
    "platform_data": {"tables": ["orgs"]},
    "rules": {"ignore": ["MOL104"]},  # the import's finding is MOL104's test's business
}

KIT = {
    "kit/__init__.py": "",
    "kit/reporting.py": """\
        import os


        def memory_count(conn):
            return conn.execute("SELECT body FROM memories WHERE workspace_id = 1").all()


        def total(conn):
            return memory_count(conn)


        def deeper(conn):
            return total(conn)


        def deepest(conn):
            return deeper(conn)


        def slug(name):
            return name.lower().replace(" ", "-")


        def org_names(conn):
            return conn.execute("SELECT name FROM orgs").all()


        def count_in(conn, table):
            return conn.execute(f"SELECT body FROM {table} WHERE workspace_id = 1").all()


        def tenant_dsn():
            return os.environ["TENANT_DATABASE_URL"]


        class MemoryRepository:
            def __init__(self, conn):
                self.conn = conn

            @classmethod
            def from_conn(cls, conn):
                return cls(conn)

            def purge_old(self):
                self.conn.execute("DELETE FROM memories WHERE age > 30")

            def orgs(self):
                return self.conn.execute("SELECT id FROM orgs").all()
        """,
    "controlplane/__init__.py": "",
}


def _findings(tmp_path: Path, platform: str, files: dict[str, str] | None = None) -> list[Finding]:
    write_project(tmp_path, {**KIT, **(files or {}), "controlplane/jobs.py": platform}, CONFIG)
    return [f for f in lint(tmp_path).findings if f.path == "controlplane/jobs.py"]


def _lines(findings: list[Finding]) -> list[tuple[int, str]]:
    return [(f.loc.line, f.rule) for f in findings]


def test_a_call_of_a_shared_reader_is_mol101_at_the_call_with_the_access_as_last_hop(tmp_path: Path) -> None:
    found = _findings(tmp_path, "from kit.reporting import memory_count\n\n\ndef usage(conn):\n    return memory_count(conn)\n")
    assert _lines(found) == [(5, "MOL101")]
    assert found[0].message == "platform service `controlplane` reads tenant table `memories` through `kit.reporting.memory_count`"
    assert [(h.path, h.line) for h in found[0].trace] == [("controlplane/jobs.py", 5), ("kit/reporting.py", 5)]
    assert "FROM memories" in found[0].trace[-1].note


def test_a_function_imported_under_another_name(tmp_path: Path) -> None:
    found = _findings(tmp_path, "from kit.reporting import memory_count as tally\n\n\ndef usage(conn):\n    return tally(conn)\n")
    assert _lines(found) == [(5, "MOL101")]
    assert found[0].message.endswith("through `kit.reporting.memory_count`")


def test_calls_on_the_way_are_hops_up_to_three_calls_deep(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        "from kit.reporting import deeper, deepest\n\n\ndef usage(conn):\n    deeper(conn)\n    deepest(conn)\n",
    )
    assert _lines(found) == [(5, "MOL101")]  # deepest: four calls from the platform to the query
    assert [(h.path, h.line) for h in found[0].trace] == [
        ("controlplane/jobs.py", 5),
        ("kit/reporting.py", 13),
        ("kit/reporting.py", 9),
        ("kit/reporting.py", 5),
    ]
    assert found[0].trace[1].note == "`deeper` calls `kit.reporting.total`"


def test_a_method_call_lands_on_that_methods_accesses(tmp_path: Path) -> None:
    platform = """\
        from kit.reporting import MemoryRepository


        class Retention:
            def __init__(self, repo: MemoryRepository):
                self.repo = repo

            def run(self):
                self.repo.purge_old()
                self.repo.orgs()


        def nightly(conn):
            MemoryRepository(conn).purge_old()
            MemoryRepository(conn).orgs()
            MemoryRepository.from_conn(conn).purge_old()
            return MemoryRepository(conn)
        """
    found = _findings(tmp_path, platform)
    assert _lines(found) == [(9, "MOL101"), (14, "MOL101"), (16, "MOL101")]
    assert all("deletes tenant table `memories` through `kit.reporting.MemoryRepository.purge_old`" in f.message for f in found)


def test_look_alikes_are_silent(tmp_path: Path) -> None:
    platform = """\
        from typing import TYPE_CHECKING

        from kit.reporting import count_in, org_names, slug
        from workspace.format import pretty

        if TYPE_CHECKING:
            from kit.reporting import memory_count


        def names(conn) -> "memory_count":
            org_names(conn)
            count_in(conn, "orgs")
            pretty("x")
            return slug("Acme Inc")
        """
    files = {
        "workspace/__init__.py": "",
        "workspace/format.py": "def pretty(text):\n    return text.title()\n",
        "workspace/dao.py": "from kit.reporting import memory_count\n\n\ndef load(conn):\n    return memory_count(conn)\n",
    }
    assert _findings(tmp_path, platform, files) == []
    assert [f for f in lint(tmp_path).findings if f.path.startswith("workspace/")] == []  # tenant code calling its DAO


def test_a_table_the_caller_passes_is_reported_once_as_the_cores(tmp_path: Path) -> None:
    found = _findings(tmp_path, 'from kit.reporting import count_in\n\n\ndef usage(conn):\n    return count_in(conn, "memories")\n')
    assert _lines(found) == [(5, "MOL101")]
    assert "passes it on" in found[0].trace[1].note  # the value-flow core's finding, not a second one


def test_a_platform_helper_is_reported_where_it_reads_not_at_its_callers(tmp_path: Path) -> None:
    helper = 'def peek(conn):\n    return conn.execute("SELECT body FROM memories WHERE workspace_id = 1").all()\n'
    found = _findings(
        tmp_path, "from controlplane.helpers import peek\n\n\ndef usage(conn):\n    return peek(conn)\n",
        {"controlplane/helpers.py": helper},
    )
    assert found == []
    assert {(f.path, f.loc.line, f.rule) for f in lint(tmp_path).findings} == {("controlplane/helpers.py", 2, "MOL101")}


def test_an_env_read_reached_through_a_call_is_mol102(tmp_path: Path) -> None:
    found = _findings(tmp_path, "from kit import reporting\n\n\ndef dsn():\n    return reporting.tenant_dsn()\n")
    assert _lines(found) == [(5, "MOL102")]
    assert "reads tenant data-store env var `TENANT_DATABASE_URL` through `kit.reporting.tenant_dsn`" in found[0].message


def test_a_call_without_arguments_of_an_imported_function(tmp_path: Path) -> None:
    """`tenant_dsn()` passes nothing, yet runs the tenant read; `slug` (no tenant data) stays silent."""
    platform = "from kit.reporting import slug, tenant_dsn\n\n\ndef dsn():\n    slug('x')\n    return tenant_dsn()\n"
    assert _lines(_findings(tmp_path, platform)) == [(6, "MOL102")]


def test_a_registry_of_plain_functions_called_by_key(tmp_path: Path) -> None:
    """`READERS["m"](conn)` runs the entry's function: its tenant read is reported at the call (call reach), and
    a helper entry given a tenant table by the caller at the call too (value flow); the platform table's entry
    and a platform table given to the helper entry are silent."""
    registry = {
        "kit/registry.py": """\
            from kit.reporting import count_in, memory_count, org_names

            READERS = {"m": memory_count, "o": org_names}
            BY_TABLE = [count_in]
            """
    }
    platform = """\
        from kit.registry import BY_TABLE, READERS


        def nightly(conn):
            READERS["o"](conn)
            READERS["m"](conn)
            BY_TABLE[0](conn, "orgs")
            BY_TABLE[0](conn, "memories")
        """
    assert _lines(_findings(tmp_path, platform, registry)) == [(6, "MOL101"), (8, "MOL101")]


def test_a_dispatch_table_looked_up_by_a_runtime_key_runs_any_of_its_entries(tmp_path: Path) -> None:
    """`ON_EVENT[event.kind](conn)` runs one of the table's functions or classes: a tenant read among them is
    reported at the call; a table of platform readers only, and a dict of texts looked up alike, are silent."""
    registry = {
        "kit/dispatch.py": """\
            from kit.reporting import MemoryRepository, memory_count, org_names

            ON_EVENT = {"memory.added": memory_count, "org.renamed": org_names}
            REPAIRS = {"memories": MemoryRepository}
            PLATFORM_ONLY = {"org.renamed": org_names}
            LABELS = {"memory.added": "memories", "org.renamed": "orgs"}
            """
    }
    platform = """\
        from kit.dispatch import LABELS, ON_EVENT, PLATFORM_ONLY, REPAIRS


        def on_event(conn, event):
            ON_EVENT[event.kind](conn)
            REPAIRS[event.table](conn).purge_old()
            PLATFORM_ONLY[event.kind](conn)
            conn.execute(f"SELECT id FROM {LABELS[event.kind]}")
        """
    assert _lines(_findings(tmp_path, platform, registry)) == [(5, "MOL101"), (6, "MOL101")]


def test_a_go_platform_package_calling_a_shared_query_function(tmp_path: Path) -> None:
    files = {
        "go.mod": "module example.com/acme\n\ngo 1.22\n",
        "kit/store/store.go": """\
            package store

            import "database/sql"

            func CountMemories(db *sql.DB) (int, error) {
            \tvar n int
            \terr := db.QueryRow("SELECT count(*) FROM memories WHERE workspace_id = 1").Scan(&n)
            \treturn n, err
            }

            func Slug(name string) string {
            \treturn name
            }
            """,
        "controlplane/usage/usage.go": """\
            package usage

            import (
            \t"database/sql"

            \t"example.com/acme/kit/store"
            )

            func Report(db *sql.DB) (int, error) {
            \t_ = store.Slug("x")
            \treturn store.CountMemories(db)
            }
            """,
    }
    write_project(tmp_path, files, CONFIG)
    found = [f for f in lint(tmp_path).findings if f.path == "controlplane/usage/usage.go"]
    assert _lines(found) == [(11, "MOL101")]
    assert found[0].trace[-1].path == "kit/store/store.go"


def test_a_module_statement_the_called_function_runs(tmp_path: Path) -> None:
    """`COUNT = text("SELECT ... FROM memories")` is reported where it is written; a function of shared code
    running it by name (its own module's or an imported one) reaches it. One naming a platform table does not."""
    files = {
        "kit/statements.py": """\
            from sqlalchemy import text

            RECENT = text("SELECT body FROM memories ORDER BY id DESC LIMIT 5")
            ORGS = text("SELECT id FROM orgs")
            """,
        "kit/stats.py": """\
            from sqlalchemy import text

            from kit.statements import ORGS, RECENT

            WEEK = text("SELECT count(*) FROM memories WHERE age < 7")


            def weekly(conn):
                return conn.execute(WEEK).scalar_one()


            def recent(conn):
                return conn.execute(statement=RECENT).all()


            def org_ids(conn):
                return conn.execute(ORGS).all()
            """,
    }
    platform = """\
        from kit.stats import org_ids, recent, weekly


        def report(conn):
            week = weekly(conn)
            return week, recent(conn), org_ids(conn)
        """
    found = _findings(tmp_path, platform, files)
    assert _lines(found) == [(5, "MOL101"), (6, "MOL101")]
    assert [(h.path, h.line) for h in found[0].trace] == [
        ("controlplane/jobs.py", 5), ("kit/stats.py", 9), ("kit/stats.py", 5)
    ]  # fmt: skip
    assert found[0].trace[1].note == "`weekly` runs `WEEK`"
    assert [(h.path, h.line) for h in found[1].trace] == [
        ("controlplane/jobs.py", 6), ("kit/stats.py", 13), ("kit/statements.py", 3)
    ]  # fmt: skip


def test_an_edit_moving_the_statement_a_called_function_runs_gives_a_full_runs_findings(tmp_path: Path) -> None:
    files = {
        "kit/statements.py": 'from sqlalchemy import text\n\nRECENT = text("SELECT body FROM memories LIMIT 5")\n',
        "kit/stats.py": "from kit.statements import RECENT\n\n\ndef recent(conn):\n    return conn.execute(RECENT).all()\n",
        "controlplane/jobs.py": "from kit.stats import recent\n\n\ndef report(conn):\n    return recent(conn)\n",
    }
    write_project(tmp_path, {**KIT, **files}, CONFIG)
    lint(tmp_path, cache_dir=tmp_path / ".cache", reuse_results=True)
    statements = tmp_path / "kit" / "statements.py"
    statements.write_text("# moved\n\n" + statements.read_text(encoding="utf-8"), encoding="utf-8")
    fast = lint(tmp_path, cache_dir=tmp_path / ".cache", reuse_results=True)
    full = lint(tmp_path)
    assert [(f.path, f.loc.line, f.rule, f.trace) for f in fast.findings] == [
        (f.path, f.loc.line, f.rule, f.trace) for f in full.findings
    ]
    assert ("kit/statements.py", 5) in [(h.path, h.line) for f in full.findings for h in f.trace]


def test_a_parameters_default_is_judged_with_the_callers_argument(tmp_path: Path) -> None:
    """`purge(conn, table="memories")` bound to a platform table runs no tenant query (also through a shared
    caller of it); unbound, or bound to the default's table, it reaches the default's once; bound to another
    tenant table, the core's finding names that one (not a second one for the default)."""
    kit = {
        "kit/retention.py": """\
            def purge(conn, table="memories"):
                conn.execute(f"DELETE FROM {table} WHERE age > 30")


            def sweep(conn, what="memories"):
                purge(conn, what)
            """
    }
    platform = """\
        from kit.retention import purge, sweep


        def nightly(conn):
            purge(conn, "orgs")
            purge(conn)
            purge(conn, table="memories")
            purge(conn, "activity")
            sweep(conn, "orgs")
            sweep(conn)
        """
    write_project(tmp_path, {**KIT, **kit, "controlplane/jobs.py": platform},
                  {**CONFIG, "tenant_data": {"tables": ["memories", "activity"]}})  # fmt: skip
    found = [f for f in lint(tmp_path).findings if f.path == "controlplane/jobs.py"]
    assert _lines(found) == [(6, "MOL101"), (7, "MOL101"), (8, "MOL101"), (10, "MOL101")]
    assert [f.message.split("table ")[1] for f in found] == [
        "`memories` through `kit.retention.purge`", "`memories` through `kit.retention.purge`",
        "`activity`", "`memories` through `kit.retention.sweep`",
    ]  # fmt: skip


def test_a_receivers_default_is_judged_with_the_instance_the_caller_makes(tmp_path: Path) -> None:
    """A field set by a constructor's default (Python) or a constructor function (Go, which has no defaults)
    is another table on an instance the platform makes with its own."""
    files = {
        "kit/pruning.py": """\
            class Pruner:
                def __init__(self, conn, table="memories"):
                    self.conn = conn
                    self.table = table

                def run(self):
                    self.conn.execute(f"DELETE FROM {self.table} WHERE age > 30")
            """,
        "controlplane/jobs.py": """\
            from kit.pruning import Pruner


            def nightly(conn):
                Pruner(conn, "orgs").run()
                Pruner(conn).run()
            """,
        "go.mod": "module example.com/acme\n\ngo 1.22\n",
        "kit/store/prune.go": """\
            package store

            import "database/sql"

            type Pruner struct {
            \tDB    *sql.DB
            \tTable string
            }

            func NewPruner(db *sql.DB) *Pruner {
            \treturn &Pruner{DB: db, Table: "memories"}
            }

            func (p *Pruner) Run() error {
            \t_, err := p.DB.Exec("DELETE FROM " + p.Table + " WHERE age > 30")
            \treturn err
            }
            """,
        "controlplane/usage/usage.go": """\
            package usage

            import (
            \t"database/sql"

            \t"example.com/acme/kit/store"
            )

            func Nightly(db *sql.DB) {
            \tp := &store.Pruner{DB: db, Table: "orgs"}
            \t_ = p.Run()
            \t_ = store.NewPruner(db).Run()
            }
            """,
    }
    write_project(tmp_path, {**KIT, **files}, CONFIG)
    found = [(f.path, f.loc.line, f.rule) for f in lint(tmp_path).findings if f.path.startswith("controlplane/")]
    assert found == [("controlplane/jobs.py", 6, "MOL101"), ("controlplane/usage/usage.go", 12, "MOL101")]


def test_a_shared_clients_method_is_reached_with_the_base_url_the_caller_gives(tmp_path: Path) -> None:
    """The base URL a platform caller hands a shared client (`Client(base_url=...)`) completes the method's
    request, still the tenant route it calls alone; given the platform's own address it is the platform's route."""
    config = {
        **CONFIG,
        "services": [
            {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"], "urls": ["http://billing:9000"]},
            *CONFIG["services"][1:],
        ],
        "tenant_data": {"endpoints": ["/api/teams/*/notes"]},
    }
    files = {
        "kit/__init__.py": "",
        "kit/notes_client.py": """\
            import httpx


            class NotesApi:
                def __init__(self, root):
                    self.http = httpx.Client(base_url=root, timeout=5)

                def notes(self, team):
                    return self.http.get(f"/api/teams/{team}/notes").json()
            """,
        "controlplane/__init__.py": "",
        "controlplane/jobs.py": """\
            import os

            from kit.notes_client import NotesApi


            def export(team):
                NotesApi(os.environ.get("NOTES_URL", "http://notes:8080")).notes(team)
                NotesApi("http://billing:9000").notes(team)
            """,
    }
    write_project(tmp_path, files, config)
    found = [(f.path, f.loc.line, f.rule) for f in lint(tmp_path).findings if f.path == "controlplane/jobs.py"]
    assert found == [("controlplane/jobs.py", 7, "MOL103")]


def test_a_shared_go_clients_request_helper_is_judged_by_the_path_each_caller_gives(tmp_path: Path) -> None:
    """A request of the tenant's base URL and a path a parameter holds is no endpoint of its own: a probe
    (`/livez`) through the same helper as a functional-data call stays silent."""
    files = {
        "go.mod": "module example.com/acme\n\ngo 1.22\n",
        "kit/agent/agent.go": """\
            package agent

            import "net/http"

            type Agent struct{ endpoint string }

            func Dial() *Agent { return &Agent{endpoint: "http://workspace:8080"} }

            func (a *Agent) call(p string) (*http.Response, error) { return http.Get(a.endpoint + p) }

            func (a *Agent) Ping() bool { _, err := a.call("/livez"); return err == nil }

            func (a *Agent) Activity(ws string) (*http.Response, error) { return a.call("/workspaces/" + ws + "/activity") }
            """,
        "controlplane/sweep/sweep.go": """\
            package sweep

            import "example.com/acme/kit/agent"

            func Sweep(ws string) {
            \t_ = agent.Dial().Ping()
            \t_, _ = agent.Dial().Activity(ws)
            }
            """,
    }
    config = {
        **CONFIG,
        "services": [CONFIG["services"][0], {**CONFIG["services"][1], "urls": ["http://workspace:8080"]}, CONFIG["services"][2]],
        "tenant_data": {"endpoints": ["/workspaces/*/activity"]},
    }
    write_project(tmp_path, files, config)
    assert _lines([f for f in lint(tmp_path).findings if f.path == "controlplane/sweep/sweep.go"]) == [(7, "MOL103")]


def test_a_go_method_value_called_later_lands_on_that_methods_accesses(tmp_path: Path) -> None:
    files = {
        "go.mod": "module example.com/acme\n\ngo 1.22\n",
        "kit/vault/vault.go": """\
            package vault

            import (
            \t"context"
            \t"database/sql"
            )

            type Keeper struct{ db *sql.DB }

            func Open(db *sql.DB) *Keeper { return &Keeper{db: db} }

            func (k *Keeper) Wipe(ctx context.Context) error {
            \t_, err := k.db.ExecContext(ctx, "DELETE FROM memories WHERE age > 30")
            \treturn err
            }

            func (k *Keeper) Orgs(ctx context.Context) (*sql.Rows, error) {
            \treturn k.db.QueryContext(ctx, "SELECT id FROM orgs")
            }
            """,
        "controlplane/nightly/nightly.go": """\
            package nightly

            import (
            \t"context"
            \t"database/sql"

            \t"example.com/acme/kit/vault"
            )

            func Run(ctx context.Context, db *sql.DB) error {
            \twipe := vault.Open(db).Wipe
            \tlistOrgs := vault.Open(db).Orgs
            \t_, _ = listOrgs(ctx)
            \treturn wipe(ctx)
            }
            """,
    }
    write_project(tmp_path, files, CONFIG)
    found = [f for f in lint(tmp_path).findings if f.path == "controlplane/nightly/nightly.go"]
    assert _lines(found) == [(14, "MOL101")]
    assert "through `example.com/acme/kit/vault.Keeper.Wipe`" in found[0].message


def test_a_go_interface_field_calls_the_one_struct_with_that_method(tmp_path: Path) -> None:
    """`j.cleaner.SweepNotes(ctx)` on a field of an interface type, wired elsewhere: the project's one struct
    method so named; a method two structs have (`List`) is left unresolved."""
    files = {
        "go.mod": "module example.com/acme\n\ngo 1.22\n",
        "kit/sweep/sweep.go": """\
            package sweep

            import (
            \t"context"
            \t"database/sql"
            )

            type Sweeper struct{ db *sql.DB }

            func (s *Sweeper) SweepNotes(ctx context.Context) error {
            \t_, err := s.db.ExecContext(ctx, "DELETE FROM memories WHERE age > 30")
            \treturn err
            }

            func (s *Sweeper) List(ctx context.Context) (*sql.Rows, error) {
            \treturn s.db.QueryContext(ctx, "SELECT body FROM memories WHERE workspace_id = 1")
            }

            type Orgs struct{ db *sql.DB }

            func (o *Orgs) List(ctx context.Context) (*sql.Rows, error) {
            \treturn o.db.QueryContext(ctx, "SELECT id FROM orgs")
            }
            """,
        "controlplane/jobs/jobs.go": """\
            package jobs

            import "context"

            type Cleaner interface{ SweepNotes(ctx context.Context) error }

            type Job struct{ cleaner Cleaner }

            func (j *Job) Run(ctx context.Context) error {
            \treturn j.cleaner.SweepNotes(ctx)
            }
            """,
        "controlplane/jobs/listing.go": """\
            package jobs

            import (
            \t"context"
            \t"database/sql"
            )

            type Lister interface{ List(ctx context.Context) (*sql.Rows, error) }

            func Show(ctx context.Context, l Lister) {
            \t_, _ = l.List(ctx)
            }
            """,
    }
    write_project(tmp_path, files, CONFIG)
    found = [f for f in lint(tmp_path).findings if f.path.startswith("controlplane/")]
    assert [(f.path, f.loc.line, f.rule) for f in found] == [("controlplane/jobs/jobs.go", 10, "MOL101")]


def test_a_called_functions_statement_naming_a_class_attribute(tmp_path: Path) -> None:
    """The statement names its table by an Enum member (or a class attribute) of another module, through a
    package's re-export: rendered as the core resolves the attribute."""
    files = {
        "kit/names.py": """\
            import enum


            class Stores(enum.StrEnum):
                MEMORIES = "memories"


            class Owned:
                ORGS = "orgs"
        """,
        "kit/export.py": "from kit.names import *  # noqa: F403\n",
        "workspace/__init__.py": "",
        "workspace/store.py": """\
            from kit import export
            from kit.names import Owned


            class Repo:
                def __init__(self, conn):
                    self.conn = conn

                def purge(self):
                    self.conn.execute(f"DELETE FROM {export.Stores.MEMORIES} WHERE created_at < now()")

                def orgs(self):
                    return self.conn.execute(f"SELECT id FROM {Owned.ORGS}").all()
        """,
    }
    platform = "from workspace.store import Repo\n\n\ndef nightly(conn):\n    Repo(conn).orgs()\n    Repo(conn).purge()\n"
    assert _lines(_findings(tmp_path, platform, files)) == [(6, "MOL101")]


def test_an_implementation_injected_through_a_constructor_behind_an_interface(tmp_path: Path) -> None:
    """`Meter(PgSource(conn))` where `Meter.__init__(self, source: Source)` takes a Protocol (or an ABC): the
    method called on the field is the injected implementation's."""
    files = {
        "kit/ports.py": """\
            import abc
            from typing import Protocol


            class Source(Protocol):
                def recent(self, org: str) -> list: ...


            class Ledger(abc.ABC):
                @abc.abstractmethod
                def rows(self, org: str) -> list: ...
        """,
        "workspace/__init__.py": "",
        "workspace/store.py": """\
            class PgSource:
                def __init__(self, conn):
                    self.conn = conn

                def recent(self, org):
                    return self.conn.execute("SELECT body FROM memories WHERE org_id = %s", (org,)).all()
        """,
    }
    platform = """\
from kit.ports import Ledger, Source
from workspace.store import PgSource


class OwnLedger(Ledger):
    def rows(self, org):
        return []


class Meter:
    def __init__(self, source: Source, ledger: Ledger) -> None:
        self.source = source
        self.ledger = ledger

    def billable(self, org):
        return len(self.source.recent(org)) + len(self.ledger.rows(org))


def build(conn):
    return Meter(PgSource(conn), OwnLedger())
"""
    assert _lines(_findings(tmp_path, platform, files)) == [(16, "MOL101")]


def test_a_shared_function_behind_a_wrapping_decorator_is_reached_by_its_name(tmp_path: Path) -> None:
    """Through the wrapper (`@retried` calls `fn(*args)`) or with the table a decorator factory binds
    (`@on_table("memories")` calls `fn(conn, table)`); one bound to a platform table is silent."""
    wrappers = """\
        import functools


        def retried(fn):
            @functools.wraps(fn)
            def wrapper(*args, **kwargs):
                return fn(*args, **kwargs)
            return wrapper


        def on_table(table):
            def decorate(fn):
                def inner(conn):
                    return fn(conn, table)
                return inner
            return decorate


        @retried
        def purge(conn):
            conn.execute("DELETE FROM memories WHERE age > 30")


        @on_table("memories")
        def count(conn, table):
            return conn.execute(f"SELECT body FROM {table} WHERE workspace_id = 1").all()


        @on_table("orgs")
        def count_orgs(conn, table):
            return conn.execute(f"SELECT body FROM {table} WHERE workspace_id = 1").all()
        """
    platform = "from kit.wrapped import count, count_orgs, purge\n\n\ndef nightly(conn):\n    purge(conn)\n    count_orgs(conn)\n    count(conn)\n"
    found = _findings(tmp_path, platform, {"kit/wrapped.py": wrappers})
    assert _lines(found) == [(5, "MOL101"), (7, "MOL101")]


GO_TENANT_CLIENT = {
    "go.mod": "module example.com/acme\n\ngo 1.22\n",
    "workspace/apiclient/client.go": """\
        package apiclient

        import (
        \t"net/http"
        \t"net/url"
        )

        type Client struct{ Server string }

        func (c *Client) get(path string) (*http.Response, error) {
        \tserverURL, err := url.Parse(c.Server)
        \tif err != nil {
        \t\treturn nil, err
        \t}
        \tqueryURL, err := serverURL.Parse(path)
        \tif err != nil {
        \t\treturn nil, err
        \t}
        \treturn http.Get(queryURL.String())
        }

        func (c *Client) Notes(ws string) (*http.Response, error) { return c.get("./workspaces/" + ws + "/notes") }

        func (c *Client) Live() (*http.Response, error) { return c.get("./livez") }
        """,
}
GO_CLIENT_CONFIG = {**CONFIG, "tenant_data": {"endpoints": ["/workspaces/*/notes"]}}


def test_a_tenant_client_whose_urls_only_the_core_follows(tmp_path: Path) -> None:
    """A tenant package's client joins each path to its server URL the way only the value-flow core follows
    (`url.Parse` then `Parse(path)`): a platform call of its functional-data method is MOL103 at the call,
    its probe stays silent."""
    files = {
        **GO_TENANT_CLIENT,
        "controlplane/sweep/sweep.go": """\
            package sweep

            import "example.com/acme/workspace/apiclient"

            func Sweep(c *apiclient.Client, ws string) {
            \t_, _ = c.Live()
            \t_, _ = c.Notes(ws)
            }
            """,
    }
    write_project(tmp_path, files, GO_CLIENT_CONFIG)
    assert _lines([f for f in lint(tmp_path).findings if f.path == "controlplane/sweep/sweep.go"]) == [(7, "MOL103")]


def test_only_the_tenant_functions_a_platform_call_reaches_are_evaluated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The core reads a tenant file for the functions the platform's calls reach (and those they call), not
    the whole file: the client's probe, which no platform code calls, is never evaluated."""
    evaluated: list[str] = []
    file_hits = Sinks.file_hits

    def recorded(self: Sinks, module: str, summaries: list[Summary]) -> Iterator[Hit]:
        evaluated.extend(s.name for s in summaries if module.endswith("apiclient"))
        return file_hits(self, module, summaries)

    monkeypatch.setattr(Sinks, "file_hits", recorded)
    files = {
        **GO_TENANT_CLIENT,
        "controlplane/sweep/sweep.go": "package sweep\n\nimport \"example.com/acme/workspace/apiclient\"\n\n"
        "func Sweep(c *apiclient.Client, ws string) {\n\t_, _ = c.Notes(ws)\n}\n",
    }
    write_project(tmp_path, files, GO_CLIENT_CONFIG)
    assert _lines([f for f in lint(tmp_path).findings if f.path == "controlplane/sweep/sweep.go"]) == [(6, "MOL103")]
    assert {"Client.Notes", "Client.get"} <= set(evaluated) and "Client.Live" not in evaluated


def test_a_loop_over_orgs_reaching_tenant_data_through_an_adapters_call_of_tenant_code(tmp_path: Path) -> None:
    """MOL202: the loop calls a port; its one adapter calls the tenant's client, which reaches a tenant
    endpoint (what call reach reports at the adapter's call). A loop calling only the probe stays silent."""
    files = {
        **GO_TENANT_CLIENT,
        "controlplane/adapter/adapter.go": """\
            package adapter

            import "example.com/acme/workspace/apiclient"

            type Notes struct{ api *apiclient.Client }

            func (n *Notes) Count(ws string) int { r, _ := n.api.Notes(ws); return int(r.ContentLength) }

            func (n *Notes) Up() bool { _, err := n.api.Live(); return err == nil }
            """,
        "controlplane/report/report.go": """\
            package report

            type Counter interface {
            \tCount(ws string) int
            \tUp() bool
            }

            type Report struct{ notes Counter }

            func (r *Report) Total(orgs []string) int {
            \ttotal := 0
            \tfor _, org := range orgs {
            \t\ttotal += r.notes.Count(org)
            \t}
            \treturn total
            }

            func (r *Report) Down(orgs []string) []string {
            \tvar down []string
            \tfor _, org := range orgs {
            \t\tif !r.notes.Up() {
            \t\t\tdown = append(down, org)
            \t\t}
            \t}
            \treturn down
            }
            """,
    }
    write_project(tmp_path, files, GO_CLIENT_CONFIG)
    assert _lines([f for f in lint(tmp_path).findings if f.path == "controlplane/report/report.go"]) == [(12, "MOL202")]


def test_a_method_behind_a_decorator_factory_and_a_decorator_class_with_a_table(tmp_path: Path) -> None:
    """A method's decorator factory whose wrapper takes the instance (`inner(self, conn)` calls `fn(self, conn,
    table)`), and a decorator class made with the table (`@scoped("memories")`, its `__call__` wrapping `fn`);
    a `*args` wrapper on a method still passes the caller's table on. Each bound to a platform table is silent."""
    wrappers = """\
        def for_table(table):
            def decorate(fn):
                def inner(self, conn):
                    return fn(self, conn, table)
                return inner
            return decorate


        def logged(fn):
            def wrapper(*args):
                return fn(*args)
            return wrapper


        class scoped:
            def __init__(self, table):
                self.table = table

            def __call__(self, fn):
                def inner(conn):
                    return fn(conn, self.table)
                return inner


        @scoped("memories")
        def tally(conn, table):
            return conn.execute(f"SELECT body FROM {table} WHERE workspace_id = 1").all()


        @scoped("orgs")
        def tally_orgs(conn, table):
            return conn.execute(f"SELECT body FROM {table} WHERE workspace_id = 1").all()


        class Store:
            @for_table("memories")
            def rows(self, conn, table):
                return conn.execute(f"SELECT body FROM {table} WHERE workspace_id = 1").all()

            @for_table("orgs")
            def org_rows(self, conn, table):
                return conn.execute(f"SELECT body FROM {table} WHERE workspace_id = 1").all()

            @logged
            def read(self, conn, table):
                return conn.execute(f"SELECT body FROM {table} WHERE workspace_id = 1").all()
        """
    platform = """\
        from kit.stores import Store, tally, tally_orgs


        def nightly(conn):
            tally(conn)
            tally_orgs(conn)
            Store().rows(conn)
            Store().org_rows(conn)
            Store().read(conn, "memories")
            Store().read(conn, "orgs")
        """
    found = _findings(tmp_path, platform, {"kit/stores.py": wrappers})
    assert _lines(found) == [(5, "MOL101"), (7, "MOL101"), (9, "MOL101")]
