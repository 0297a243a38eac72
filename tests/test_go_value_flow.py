"""Go values travel through the same core as Python's: the lowering, the Go library models (a context
first, or not), and a package whose names live in several files."""

from __future__ import annotations

import os
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

from test_aggregation import CONFIG as AGGREGATION_CONFIG
from test_aggregation import found
from test_value_flow import CONFIG, places

from molecule_lint.catalog import DataCatalog
from molecule_lint.config import Config, Service
from molecule_lint.facts import FileFacts, Summary, Var
from molecule_lint.frontends.go import analyze_go
from molecule_lint.linker import Access, Project

MODULE = "example.com/m"


def linked(files: dict[str, str], config: Config = CONFIG) -> tuple[Project, dict[str, FileFacts]]:
    facts = {}
    for path, source in files.items():
        facts[path] = analyze_go(path, f"{MODULE}/{Path(path).parent.as_posix()}", textwrap.dedent(source).encode())
        assert facts[path].error is None
    return Project(config, list(facts.values()), DataCatalog(config, [], lambda path: "")), facts


def tenant(files: dict[str, str], path: str = "platform/job.go", config: Config = CONFIG) -> list[Access]:
    project, facts = linked(files, config)
    return [a for a in project.accesses(facts[path]) if a.plane == "tenant"]


BUILDERS = {
    "shared/q/q.go": """
        package q

        import "strings"

        const memories = "agent_memories"

        func Count(table string) string { return "SELECT count(*) FROM " + table }
        func Memories() string { return strings.Join([]string{"SELECT * FROM", memories}, " ") }
        func Quotas() string { return Count("memory_quotas") }
    """
}


def test_plain_and_context_first_forms_of_one_api() -> None:
    job = """
        package job

        import "example.com/m/shared/q"

        func Run(ctx context.Context, db *sql.DB, pool *pgxpool.Pool) {
            db.Query(q.Memories())
            pool.Query(ctx, q.Memories(), 1)
            db.QueryRow(q.Quotas())
            pool.Exec(ctx, q.Quotas())
            cache.Get(ctx, "agent_memories")
        }
    """
    found = tenant({**BUILDERS, "platform/job.go": job})
    assert places(found) == [(7, "table", "agent_memories"), (8, "table", "agent_memories")]
    assert [(hop.path, hop.line) for hop in found[0].trace] == [("shared/q/q.go", 9), ("shared/q/q.go", 6)]
    assert "Memories() returns" in found[0].trace[0].note


def test_urls_from_path_joins_and_requests_with_a_context() -> None:
    job = """
        package job

        import (
            "net/http"
            "path"
            "strings"
        )

        const base = "http://tenant-api:8080/"

        func Run(ctx context.Context, ws string) {
            u := strings.TrimRight(base, "/") + path.Join("/workspaces", ws, "memories")
            http.NewRequestWithContext(ctx, "GET", u, nil)
            http.NewRequest("GET", strings.TrimRight(base, "/")+"/healthz", nil)
        }
    """
    assert places(tenant({"platform/job.go": job})) == [(14, "http", "/workspaces/*/memories")]


def test_a_package_spans_files() -> None:
    files = {
        "platform/names.go": 'package job\n\nvar table = "agent_memories"\n',
        "platform/job.go": """
            package job

            import "fmt"

            func Run(ctx context.Context, db *sql.DB) {
                q := fmt.Sprintf("SELECT * FROM %s WHERE org_id = $1", table)
                db.QueryContext(ctx, q)
            }
        """,
    }
    project, facts = linked(files)
    found = [a for a in project.accesses(facts["platform/job.go"]) if a.plane == "tenant"]
    assert places(found) == [(8, "table", "agent_memories")]
    assert [(hop.path, hop.line) for hop in found[0].trace] == [("platform/names.go", 3)]
    assert project.value_hits(facts["platform/names.go"]) == ()  # another file's units are not its own


def test_methods_receivers_and_struct_fields() -> None:
    source = """
        package job

        type Client struct {
            BaseURL string
            DSN     string `env:"TENANT_DATABASE_URL"`
        }

        func (c *Client) Memories(ws string) (string, error) {
            return c.BaseURL + "/workspaces/" + ws + "/memories", nil
        }
    """
    facts = analyze_go("platform/job.go", MODULE, textwrap.dedent(source).encode())
    units = {f.name: f for f in facts.facts if isinstance(f, Summary)}
    assert [b.name for b in units["Client"].bindings] == ["BaseURL", "DSN"]
    assert units["Client"].bindings[1].value.func == Var("global", "os.Getenv")  # type: ignore[union-attr]
    method = units["Client.Memories"]
    assert [p.name for p in method.params] == ["c", "ws"]  # the receiver first, as Python's self
    assert Var("self", "BaseURL") in method.returns[0].value.values[0].parts  # type: ignore[union-attr]


def test_an_embedded_sql_file_is_read_inside_the_project_only(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "platform").mkdir(parents=True)
    (root / "platform" / "q.sql").write_text("SELECT * FROM agent_memories WHERE org_id = $1\n")
    (tmp_path / "outside.sql").write_text("SELECT * FROM agent_memories WHERE org_id = $1\n")
    os.symlink(tmp_path / "outside.sql", root / "platform" / "link.sql")
    job = """
        package job

        //go:embed q.sql
        var inside string

        //go:embed link.sql
        var linked string

        //go:embed ../../outside.sql
        var above string

        func Run(ctx context.Context, db *sql.DB) {
            db.QueryContext(ctx, inside)
            db.QueryContext(ctx, linked)
            db.QueryContext(ctx, above)
        }
    """
    found = tenant({"platform/job.go": job}, config=replace(CONFIG, root=root))
    assert places(found) == [(14, "table", "agent_memories")]
    assert found[0].trace[-1].path == "platform/q.sql"


def test_typed_struct_fields_and_parameters_say_what_they_hold() -> None:
    """A field declared as a library handle (`*redis.Client`, `*http.Client`) and a parameter of a config
    struct type are typed with no constructor or caller in view; the platform's own key and DSN stay silent."""
    files = {
        "shared/names/names.go": """
            package names

            import "fmt"

            func Recall(ws string) string { return fmt.Sprintf("%s:%s", "memory", ws) }
            func Invoice(org string) string { return "billing:" + org }
        """,
        "platform/settings/settings.go": """
            package settings

            type Settings struct {
                Own    string `envconfig:"PLATFORM_DATABASE_URL"`
                Tenant string `envconfig:"TENANT_DATABASE_URL"`
            }
        """,
        "platform/job.go": """
            package job

            import (
                "context"
                "net/http"

                "github.com/go-redis/redis/v8"
                "github.com/jackc/pgx/v4/pgxpool"

                "example.com/m/platform/settings"
                "example.com/m/shared/names"
            )

            type Worker struct {
                rdb *redis.Client
                web http.Client
            }

            func (w *Worker) Peek(ctx context.Context, ws string) {
                w.rdb.Get(ctx, names.Invoice(ws))
                w.rdb.Get(ctx, names.Recall(ws))
                w.web.Get("http://tenant-api:8080/workspaces/" + ws + "/memories")
            }

            func Open(ctx context.Context, s settings.Settings) {
                pgxpool.Connect(ctx, s.Own)
                pgxpool.Connect(ctx, s.Tenant)
            }
        """,
    }
    keyed = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, redis_keys=("memory:*",)))
    found = tenant(files, config=keyed)
    assert places(found) == [
        (22, "redis", "memory:{}"),
        (23, "http", "/workspaces/*/memories"),
        (28, "env", "TENANT_DATABASE_URL"),
    ]
    assert found[0].trace[-1].path == "shared/names/names.go"


def test_a_callback_parameter_holds_its_declared_type() -> None:
    """A func literal's typed parameter (a go-redis `Watch` transaction, a pipeline callback) is that
    library's object: its commands (set, stream and counter ones too) are the library's, with keys a helper builds."""
    files = {
        "shared/rkeys/rkeys.go": """
            package rkeys

            func Recall(ws string) string { return "memory:" + ws }
            func Billing(org string) string { return "billing:" + org }
        """,
        "platform/job.go": """
            package job

            import (
                "context"

                "github.com/redis/go-redis/v9"

                "example.com/m/shared/rkeys"
            )

            func Sync(ctx context.Context, rdb *redis.Client, ws string) error {
                return rdb.Watch(ctx, func(tx *redis.Tx) error {
                    tx.Get(ctx, rkeys.Billing(ws))
                    return tx.SCard(ctx, rkeys.Recall(ws)).Err()
                }, rkeys.Billing(ws))
            }
        """,
    }
    keyed = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, redis_keys=("memory:*",)))
    assert places(tenant(files, config=keyed)) == [(15, "redis", "memory:{}")]


def test_every_key_first_go_redis_command_reads_its_key() -> None:
    """go-redis has one method a command; the length, range and TTL ones (`StrLen`, `GetRange`, `PTTL`)
    touch the key as `Get` does, and the same commands on a platform key stay silent."""
    files = {
        "shared/cachekeys/cachekeys.go": """
            package cachekeys

            func Notes(ws string) string { return "memory:" + ws + ":notes" }
            func Plan(org string) string { return "plan:" + org }
        """,
        "platform/job.go": """
            package job

            import (
                "context"

                "github.com/redis/go-redis/v9"

                "example.com/m/shared/cachekeys"
            )

            type sizer struct{ rdb *redis.Client }

            func (s *sizer) Size(ctx context.Context, ws, org string) int64 {
                s.rdb.PTTL(ctx, cachekeys.Plan(org))
                s.rdb.GetRange(ctx, cachekeys.Plan(org), 0, 10)
                return s.rdb.StrLen(ctx, cachekeys.Notes(ws)).Val()
            }
        """,
    }
    keyed = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, redis_keys=("memory:*",)))
    assert places(tenant(files, config=keyed)) == [(17, "redis", "memory:{}:notes")]


def test_an_embedded_base_repository_runs_on_the_table_its_embedder_is_built_with() -> None:
    """Struct embedding: a method promoted from an embedded base (`s.Total(ctx)` is `dbkit.Repo.Total`)
    reads the fields the embedder's constructor gives the base, keyed or not; the platform's own table
    through the same base is silent."""
    files = {
        "shared/dbkit/repo.go": """
            package dbkit

            type Repo struct {
                DB   *sql.DB
                Name string
            }

            func (r *Repo) Total(ctx context.Context) int {
                row := r.DB.QueryRowContext(ctx, "SELECT count(*) FROM "+r.Name)
                var n int
                row.Scan(&n)
                return n
            }
        """,
        "platform/job.go": """
            package job

            import "example.com/m/shared/dbkit"

            type noteCounter struct{ *dbkit.Repo }

            type quotaCounter struct {
                dbkit.Repo
            }

            func newNotes(db *sql.DB) *noteCounter { return &noteCounter{&dbkit.Repo{DB: db, Name: "agent_memories"}} }

            func newQuotas(db *sql.DB) *quotaCounter { return &quotaCounter{Repo: dbkit.Repo{DB: db, Name: "memory_quotas"}} }

            func (c *noteCounter) Report(ctx context.Context) int { return c.Total(ctx) }

            func (c *quotaCounter) Report(ctx context.Context) int { return c.Total(ctx) }

            type Job struct{ notes *noteCounter }

            func (j *Job) Run(ctx context.Context) int { return j.notes.Total(ctx) }
        """,
    }
    assert places(tenant(files)) == [(16, "table", "agent_memories"), (22, "table", "agent_memories")]


def test_a_flag_holds_its_default() -> None:
    job = """
        package job

        import (
            "database/sql"
            "flag"
            "os"

            "github.com/spf13/pflag"
        )

        func main() {
            own := flag.String("db", os.Getenv("PLATFORM_DATABASE_URL"), "control-plane database")
            other := pflag.StringP("source", "s", os.Getenv("TENANT_DATABASE_URL"), "")
            tenantDSN := flag.String("tenant-db", os.Getenv("TENANT_DATABASE_URL"), "a tenant database")
            flag.Parse()
            sql.Open("postgres", *own)
            sql.Open("postgres", *other)
            sql.Open("postgres", *tenantDSN)
        }
    """
    found = tenant({"platform/job.go": job})
    assert places(found) == [(i, "env", "TENANT_DATABASE_URL") for i in (14, 15, 18, 19)]


BUILDER_NAMES = {
    "shared/names/names.go": """
        package names

        const Memory = "agent_memories"
        const Quota = "memory_quotas"

        type Note struct{ ID string }

        func (*Note) TableName() string { return Memory }

        type Limit struct{ ID string }

        func (Limit) TableName() string { return "memory_quotas" }
    """
}


def test_query_builder_chains_are_the_sql_they_build() -> None:
    """squirrel, goqu and gorm chains name their table in `From`/`Table`/`Model`; the SQL they build is
    judged as text. A chain on no builder library, and builders over a platform table, stay silent."""
    job = """
        package job

        import (
            "context"

            "github.com/Masterminds/squirrel"
            "github.com/doug-martin/goqu/v9"
            "github.com/jackc/pgx/v5/pgxpool"
            "gorm.io/gorm"

            "example.com/m/shared/names"
        )

        type local struct{}

        func (local) From(string) local { return local{} }
        func (local) ToSql() (string, []any, error) { return "", nil, nil }

        func Run(ctx context.Context, pool *pgxpool.Pool, orm *gorm.DB, org string) {
            text, args, _ := squirrel.Select("count(*)").From(names.Memory).Where(squirrel.Eq{"org_id": org}).ToSql()
            pool.Query(ctx, text, args...)
            quota, _, _ := squirrel.Select("*").From(names.Quota).ToSql()
            pool.Query(ctx, quota)
            ds := goqu.From(names.Memory).Select(goqu.COUNT("*"))
            counted, _, _ := ds.ToSQL()
            pool.Query(ctx, counted)
            mine, _, _ := local{}.From(names.Memory).ToSql()
            pool.Query(ctx, mine)
            var n int64
            orm.Model(&names.Note{}).Count(&n)
            orm.Model(&names.Limit{}).Count(&n)
            orm.WithContext(ctx).Table(names.Memory).Where("org_id = ?", org).Delete(nil)
        }
    """
    found = tenant({**BUILDER_NAMES, "platform/job.go": job})
    assert places(found) == [(t, "table", "agent_memories") for t in (22, 27, 31, 33)]
    texts = [hop.note for a in found for hop in a.trace[:1]]
    assert "TableName() returns" in texts[2] and "Memory = " in found[0].trace[-1].note


def test_a_receiver_field_is_what_the_package_constructs_it_with() -> None:
    """`NewRepo` sets the table once; its methods, analysed with no caller, read it from there. A twin type
    only ever built with a platform table stays silent."""
    files = {
        "platform/names.go": 'package job\n\nconst notes = "agent_memories"\n',
        "platform/job.go": """
            package job

            import "database/sql"

            type Archive struct {
                conn  *sql.DB
                table string
            }

            func OpenArchive(conn *sql.DB) *Archive { return &Archive{conn: conn, table: notes} }

            func (a *Archive) Rows() { a.conn.Query("SELECT * FROM " + a.table) }

            type Ledger struct {
                conn *sql.DB
                name string
            }

            func OpenLedger(conn *sql.DB) Ledger {
                l := Ledger{conn: conn, name: "orgs"}
                return l
            }

            func (l Ledger) Rows() { l.conn.Query("SELECT * FROM " + l.name) }
        """,
    }
    found = tenant(files)
    assert places(found) == [(13, "table", "agent_memories")]
    assert found[0].trace[-1].path == "platform/names.go"


def test_a_resty_request_is_sent_where_its_chain_ends() -> None:
    job = """
        package job

        import (
            "context"

            "github.com/go-resty/resty/v2"
        )

        const memories = "/workspaces/{id}/memories"

        func Run(ctx context.Context, id string) {
            rc := resty.New().SetBaseURL("http://tenant-api:8080")
            req := rc.R().SetContext(ctx).SetPathParam("id", id)
            req.Get("/healthz")
            req.Get(memories)
            rc.R().SetHeader("Accept", "application/json").Execute("GET", "/workspaces/"+id+"/memories")
        }
    """
    assert places(tenant({"platform/job.go": job})) == [(16, "http", "/workspaces/*/memories"), (17, "http", "/workspaces/*/memories")]


def test_a_url_struct_is_the_url_it_renders() -> None:
    job = """
        package job

        import (
            "net/http"
            "net/url"
            "path"
        )

        func Run(host, id string) {
            probe := url.URL{Scheme: "http", Host: host, Path: "/healthz"}
            http.Get(probe.String())
            target := &url.URL{Scheme: "https", Host: host, Path: path.Join("/workspaces", id, "memories")}
            http.Get(target.String())
            rel := url.URL{Path: "/workspaces/" + id + "/memories", RawQuery: "limit=1"}
            http.NewRequest("GET", rel.String(), nil)
        }
    """
    assert places(tenant({"platform/job.go": job})) == [(14, "http", "/workspaces/*/memories"), (16, "http", "/workspaces/*/memories")]


def test_files_read_from_an_embedded_file_system(tmp_path: Path) -> None:
    (tmp_path / "platform" / "queries").mkdir(parents=True)
    (tmp_path / "platform" / "queries" / "notes.sql").write_text("SELECT count(*) FROM agent_memories\n")
    (tmp_path / "platform" / "queries" / "plans.sql").write_text("SELECT count(*) FROM orgs\n")
    job = """
        package job

        import (
            "context"
            "database/sql"
            "embed"
            "io/fs"
        )

        //go:embed queries/*.sql
        var files embed.FS

        func load(name string) string {
            b, _ := files.ReadFile("queries/" + name)
            return string(b)
        }

        func Run(ctx context.Context, db *sql.DB) {
            db.QueryContext(ctx, load("plans.sql"))
            db.QueryContext(ctx, load("notes.sql"))
            text, _ := fs.ReadFile(files, "queries/notes.sql")
            db.QueryContext(ctx, string(text))
        }
    """
    found = tenant({"platform/job.go": job}, config=replace(CONFIG, root=tmp_path))
    assert places(found) == [(21, "table", "agent_memories"), (23, "table", "agent_memories")]
    assert found[0].trace[-1].path == "platform/queries/notes.sql"


def test_a_gorm_read_is_named_by_what_it_fills() -> None:
    job = """
        package job

        import (
            "gorm.io/gorm"

            "example.com/m/shared/names"
        )

        type Draft struct{ ID string }

        func Run(conn *gorm.DB) {
            var notes []names.Note
            conn.Where("id > ?", 1).Find(&notes)
            var one names.Note
            conn.Take(&one)
            var limits []names.Limit
            conn.Find(&limits)
            var drafts []Draft
            conn.Find(&drafts)
        }
    """
    found = tenant({**BUILDER_NAMES, "platform/job.go": job})
    assert places(found) == [(14, "table", "agent_memories"), (16, "table", "agent_memories")]


def test_a_viper_key_is_the_variable_automatic_env_reads() -> None:
    job = """
        package job

        import (
            "database/sql"

            "github.com/spf13/viper"
        )

        func Open() {
            viper.AutomaticEnv()
            sql.Open("postgres", viper.GetString("platform.database-url"))
            sql.Open("postgres", viper.GetString("tenant.database_url"))
            dsn := viper.GetString("Tenant_Database_URL")
            sql.Open("postgres", dsn)
        }
    """
    assert places(tenant({"platform/job.go": job})) == [(line, "env", "TENANT_DATABASE_URL") for line in (13, 14, 15)]


def test_a_pgx_copy_names_its_table_by_identifier() -> None:
    job = """
        package job

        import (
            "context"

            "github.com/jackc/pgx/v5"
            "github.com/jackc/pgx/v5/pgxpool"
        )

        const notes = "agent_memories"

        func Load(ctx context.Context, pool *pgxpool.Pool, rows [][]any) {
            pool.CopyFrom(ctx, pgx.Identifier{"orgs"}, []string{"id"}, pgx.CopyFromRows(rows))
            pool.CopyFrom(ctx, pgx.Identifier{notes}, []string{"content"}, pgx.CopyFromRows(rows))
            target := pgx.Identifier{"public", notes}
            pool.CopyFrom(ctx, target, []string{"content"}, pgx.CopyFromRows(rows))
        }
    """
    assert places(tenant({"platform/job.go": job})) == [(15, "table", "agent_memories"), (17, "table", "agent_memories")]



def test_a_sanitized_pgx_identifier_is_the_quoted_name_it_renders() -> None:
    """`pgx.Identifier{schema, table}.Sanitize()` renders `"schema"."table"`: a statement built around it runs
    on that table, whatever the schema (a hole); the platform's own table stays silent."""
    job = """
        package job

        import (
            "context"

            "github.com/jackc/pgx/v5"
            "github.com/jackc/pgx/v5/pgxpool"
        )

        const notes = "agent_memories"

        func Wipe(ctx context.Context, pool *pgxpool.Pool, slug string) {
            pool.Exec(ctx, "TRUNCATE "+pgx.Identifier{"tenant_" + slug, notes}.Sanitize())
            pool.Exec(ctx, "DELETE FROM "+pgx.Identifier{"memory_quotas"}.Sanitize()+" WHERE org_id = $1", slug)
        }
    """
    assert places(tenant({"platform/job.go": job})) == [(14, "table", "agent_memories")]

def test_a_package_constant_is_reported_where_another_file_runs_it() -> None:
    """As within one file, SQL written in one file of a package and run in another is one finding, where it
    runs; SQL nothing runs stays where it is written."""
    files = {
        "platform/queries.go": """
            package job

            const countNotes = "SELECT count(*) FROM agent_memories"

            const draft = "SELECT * FROM agent_memories"
        """,
        "platform/job.go": """
            package job

            func Run(ctx context.Context, db *sql.DB) {
                db.QueryRowContext(ctx, countNotes)
            }
        """,
    }
    project, facts = linked(files)
    assert places([a for a in project.accesses(facts["platform/queries.go"]) if a.plane == "tenant"]) == [
        (6, "table", "agent_memories")
    ]
    assert places([a for a in project.accesses(facts["platform/job.go"]) if a.plane == "tenant"]) == [
        (5, "table", "agent_memories")
    ]
    assert [fact.loc.line for fact, _ in project.sql_facts(facts["platform/queries.go"])] == [6]


def test_a_constant_of_a_queries_package_is_reported_where_an_importer_runs_it() -> None:
    """SQL constants in their own package (`sqlstmt.CountNotes`), run by a package importing it: one finding,
    where it runs; a constant of the package nobody runs stays where it is written."""
    files = {
        "platform/sqlstmt/stmt.go": """
            package sqlstmt

            const CountNotes = `SELECT org_id, count(*) FROM agent_memories GROUP BY org_id`

            const Unused = "DELETE FROM agent_memories"
        """,
        "platform/report/report.go": """
            package report

            import "example.com/m/platform/sqlstmt"

            func Run(ctx context.Context, db *sql.DB) {
                db.QueryContext(ctx, sqlstmt.CountNotes)
            }
        """,
    }
    project, facts = linked(files)
    assert places([a for a in project.accesses(facts["platform/sqlstmt/stmt.go"]) if a.plane == "tenant"]) == [
        (6, "table", "agent_memories")
    ]
    assert places([a for a in project.accesses(facts["platform/report/report.go"]) if a.plane == "tenant"]) == [
        (7, "table", "agent_memories")
    ]


def test_a_switch_registry_is_a_lookup_of_its_key() -> None:
    """A `switch` whose cases each return a table is a registry: a known key (an iota enum, a string)
    picks its case; the platform's own key, or a key nobody knows, reaches no tenant table."""
    files = {
        "shared/kinds/kinds.go": """
            package kinds

            import "fmt"

            type Kind int

            const (
                Notes Kind = iota
                Plans
                Seats
            )

            func Table(k Kind) string {
                switch k {
                case Notes:
                    return "agent_memories"
                case Plans, Seats:
                    return "orgs"
                }
                return ""
            }

            func ByName(name string) (string, error) {
                switch name {
                case "memories":
                    return "agent_memories", nil
                case "quotas":
                    return "memory_quotas", nil
                default:
                    return "", fmt.Errorf("unknown %q", name)
                }
            }
        """,
        "platform/job.go": """
            package job

            import "example.com/m/shared/kinds"

            func Run(ctx context.Context, db *sql.DB, k kinds.Kind, name string) {
                db.QueryContext(ctx, "SELECT count(*) FROM "+kinds.Table(kinds.Seats))
                db.QueryContext(ctx, "SELECT count(*) FROM "+kinds.Table(kinds.Notes))
                db.QueryContext(ctx, "SELECT count(*) FROM "+kinds.Table(k))
                quotas, _ := kinds.ByName("quotas")
                db.QueryContext(ctx, "DELETE FROM "+quotas)
                memories, _ := kinds.ByName("memories")
                db.QueryContext(ctx, "DELETE FROM "+memories)
                db.QueryContext(ctx, "DELETE FROM "+kinds.ByName(name))
            }
        """,
    }
    assert places(tenant(files)) == [(8, "table", "agent_memories"), (13, "table", "agent_memories")]


def test_a_value_assigned_in_a_branch_keeps_the_one_before_it_too() -> None:
    """`v, ok := os.LookupEnv(k)` is the variable's value; an `if` that may replace it leaves both
    possible, as do both arms of an if/else; a plain reassignment replaces it."""
    job = """
        package job

        import (
            "database/sql"
            "os"
        )

        func fallback() {
            dsn, ok := os.LookupEnv("TENANT_DATABASE_URL")
            if !ok {
                dsn = os.Getenv("PLATFORM_DATABASE_URL")
            }
            sql.Open("postgres", dsn)
        }

        func either(tenant bool) {
            var dsn string
            if tenant {
                dsn = os.Getenv("PLATFORM_DATABASE_URL")
            } else {
                dsn = os.Getenv("TENANT_DATABASE_URL")
            }
            sql.Open("postgres", dsn)
        }

        func replaced() {
            dsn := os.Getenv("TENANT_DATABASE_URL")
            dsn = os.Getenv("PLATFORM_DATABASE_URL")
            sql.Open("postgres", dsn)
        }

        func found() bool {
            _, ok := os.LookupEnv("TENANT_DATABASE_URL")
            dsn := os.Getenv("PLATFORM_DATABASE_URL")
            sql.Open("postgres", dsn)
            return ok
        }
    """
    found = tenant({"platform/job.go": job})
    # reads at 10, 22, 28, 34; reached at 14 (the lookup's value, or not) and 24 (either arm), not at 30 or 36
    assert places(found) == [(i, "env", "TENANT_DATABASE_URL") for i in (10, 14, 22, 24, 28, 34)]


def test_viper_binds_a_config_key_to_an_env_var() -> None:
    """`BindEnv(key, "ENV")` on the package's viper or a `viper.New()` instance reads that variable; the
    platform's own variable and a key bound to no variable stay silent."""
    job = """
        package job

        import "github.com/spf13/viper"

        const tenantDSN = "TENANT_DATABASE_URL"

        func Load() {
            v := viper.New()
            _ = v.BindEnv("store.dsn", tenantDSN)
            _ = v.BindEnv("db.url", "PLATFORM_DATABASE_URL")
            _ = viper.BindEnv("replica", "TENANT_DATABASE_URL")
            _ = viper.BindEnv("TENANT_DATABASE")
        }
    """
    assert places(tenant({"platform/job.go": job})) == [(10, "env", "TENANT_DATABASE_URL"), (12, "env", "TENANT_DATABASE_URL")]


def test_a_viper_key_bound_to_an_env_var_is_read_by_its_getter() -> None:
    """`GetString(key)` of a key `BindEnv` binds (anywhere in the file, on the package's viper or a `viper.New()`
    instance) reads that variable; an unbound key is the prefixed variable AutomaticEnv reads. A key bound to
    the platform's variable, and a getter of another library's object, stay silent."""
    job = """
        package job

        import (
            "database/sql"

            "github.com/spf13/viper"
            "example.com/m/shared/settings"
        )

        const tenantDSN = "TENANT_DATABASE_URL"

        func Open(s *settings.Store) {
            v := viper.New()
            sql.Open("pgx", v.GetString("Archive.DSN"))
            sql.Open("pgx", v.GetString("ledger.dsn"))
            sql.Open("pgx", viper.GetString("replica"))
            sql.Open("pgx", viper.GetString("database.url"))
            sql.Open("pgx", s.GetString("archive.dsn"))
        }

        func init() {
            viper.SetEnvPrefix("tenant")
            viper.AutomaticEnv()
            _ = viper.BindEnv("replica", tenantDSN)
        }

        func bind(v *viper.Viper) {
            _ = v.BindEnv("archive.dsn", "TENANT_DATABASE_URL")
            _ = v.BindEnv("ledger.dsn", "PLATFORM_DATABASE_URL")
        }
    """
    store = "package settings\n\ntype Store struct{}\n\nfunc (s *Store) GetString(key string) string { return key }\n"
    found = tenant({"platform/job.go": job, "shared/settings/settings.go": store})
    assert places(found) == [(line, "env", "TENANT_DATABASE_URL") for line in (15, 17, 18, 25, 29)]


def test_redigo_commands_on_a_dialled_or_pooled_conn() -> None:
    """redigo's `conn.Do(command, key)`: the key after the command, on a Conn from `redis.DialURL` (the
    first of its `(conn, err)`) or from a Pool held in a field; the platform's own key stays silent."""
    files = {
        "shared/rk/rk.go": """
            package rk

            import "fmt"

            func Recall(org, id string) string { return fmt.Sprintf("memory:%s:%s", org, id) }
            func Invoice(org string) string { return "billing:" + org }
        """,
        "platform/job.go": """
            package job

            import (
                "github.com/gomodule/redigo/redis"

                "example.com/m/shared/rk"
            )

            type Cache struct{ pool *redis.Pool }

            func (c *Cache) Peek(org, id string) (string, error) {
                conn := c.pool.Get()
                defer conn.Close()
                _, _ = conn.Do("GET", rk.Invoice(org))
                return redis.String(conn.Do("GET", rk.Recall(org, id)))
            }

            func Flush(addr string) error {
                c, err := redis.DialURL(addr)
                if err != nil {
                    return err
                }
                _, err = redis.Strings(c.Do("KEYS", "memory:*"))
                return err
            }
        """,
    }
    keyed = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, redis_keys=("memory:*",)))
    found = tenant(files, config=keyed)
    assert places(found) == [(16, "redis", "memory:{}:{}"), (24, "redis", "memory:*")]


def test_sqlx_in_and_rebind_keep_the_query() -> None:
    """`q, args, err := sqlx.In(q, ids)` then `q = db.Rebind(q)` (or `sqlx.Rebind(sqlx.DOLLAR, q)`) runs the
    query written at the first line: reported where it runs, once; the platform's own table stays silent."""
    files = {
        "shared/q/q.go": """
            package q

            const Recent = "SELECT id FROM agent_memories WHERE org_id IN (?)"
        """,
        "platform/job.go": """
            package job

            import (
                "context"

                "github.com/jmoiron/sqlx"

                "example.com/m/shared/q"
            )

            func Stale(ctx context.Context, db *sqlx.DB, orgs []string) error {
                query, args, err := sqlx.In("SELECT id FROM agent_memories WHERE org_id IN (?)", orgs)
                if err != nil {
                    return err
                }
                query = db.Rebind(query)
                var ids []string
                return db.SelectContext(ctx, &ids, query, args...)
            }

            func Shared(ctx context.Context, db *sqlx.DB, orgs []string) error {
                stmt, params, _ := sqlx.In(q.Recent, orgs)
                _, err := db.ExecContext(ctx, sqlx.Rebind(sqlx.DOLLAR, stmt), params...)
                return err
            }

            func Own(ctx context.Context, db *sqlx.DB, orgs []string) error {
                s, a, _ := sqlx.In("SELECT plan FROM memory_quotas WHERE org_id IN (?)", orgs)
                _, err := db.QueryContext(ctx, db.Rebind(s), a...)
                return err
            }
        """,
    }
    found = tenant(files)
    assert places(found) == [(19, "table", "agent_memories"), (24, "table", "agent_memories")]
    assert found[1].trace[-1].path == "shared/q/q.go"


def test_a_generic_helper_called_with_type_arguments() -> None:
    """`store.All[Row](ctx, db, q)` (tree-sitter reads `f[T]` as an index) is a call of the helper whose
    parameter reaches the query; with a list of type arguments too; the platform's own table stays silent."""
    files = {
        "shared/store/store.go": """
            package store

            import (
                "context"
                "database/sql"
            )

            func All[T any](ctx context.Context, db *sql.DB, q string, args ...any) ([]T, error) {
                rows, err := db.QueryContext(ctx, q, args...)
                if err != nil {
                    return nil, err
                }
                defer rows.Close()
                return nil, nil
            }
        """,
        "platform/job.go": """
            package job

            import (
                "context"
                "database/sql"

                "example.com/m/shared/store"
            )

            type row struct{ N int }

            func Counts(ctx context.Context, db *sql.DB) {
                store.All[row](ctx, db, "SELECT org_id, count(*) FROM agent_memories GROUP BY org_id")
                store.All[row, *row](ctx, db, "SELECT id FROM agent_memories WHERE org_id = $1", 1)
                store.All[row](ctx, db, "SELECT plan FROM memory_quotas")
            }
        """,
    }
    assert places(tenant(files)) == [(14, "table", "agent_memories"), (15, "table", "agent_memories")]


def test_a_generic_repository_asks_the_zero_value_of_its_type_parameter_for_the_table() -> None:
    """`var model M; model.Table()` in a method of `Store[M]` is the type argument the store was made with
    (`Open[Note](db)`); a store of a platform type stays silent."""
    files = {
        "shared/gen/store.go": """
            package gen

            import "database/sql"

            type Tabled interface{ Table() string }

            type Store[M Tabled] struct{ db *sql.DB }

            func Open[M Tabled](db *sql.DB) *Store[M] { return &Store[M]{db: db} }

            func (s *Store[M]) Total() int {
                var model M
                var n int
                _ = s.db.QueryRow("SELECT count(*) FROM " + model.Table()).Scan(&n)
                return n
            }
        """,
        "platform/job.go": """
            package job

            import (
                "database/sql"

                "example.com/m/shared/gen"
            )

            type Note struct{}

            func (Note) Table() string { return "agent_memories" }

            type Quota struct{}

            func (Quota) Table() string { return "memory_quotas" }

            func Totals(db *sql.DB) int {
                return gen.Open[Note](db).Total() + gen.Open[Quota](db).Total()
            }
        """,
    }
    found = tenant(files)
    assert places(found) == [(19, "table", "agent_memories")]
    assert found[0].trace[-1].path == "platform/job.go"


def test_a_url_struct_joined_with_path_elements_then_rendered() -> None:
    """`url.URL{Scheme: "http", Host: h}` kept in a field, then `.JoinPath(elem, ...).String()`: the elements
    are the URL's path; another path through the same helper stays silent."""
    files = {
        "platform/peer/peer.go": """
            package peer

            import (
                "net/http"
                "net/url"
            )

            type Peer struct{ root url.URL }

            func Dial(host string) *Peer { return &Peer{root: url.URL{Scheme: "http", Host: host}} }

            func (p *Peer) fetch(rel string) (*http.Response, error) {
                return http.Get(p.root.JoinPath("workspaces", rel).String())
            }

            func Memories(host, ws string) (*http.Response, error) { return Dial(host).fetch(ws + "/memories") }

            func Live(host string) (*http.Response, error) { return Dial(host).fetch("healthz") }
        """,
    }
    assert places(tenant(files, "platform/peer/peer.go")) == [(17, "http", "/workspaces/*/memories")]



def test_a_go_kit_client_endpoint_made_for_a_copied_url_with_its_path_set() -> None:
    """go-kit's `next := *base; next.Path = p; return &next` handed to `httptransport.NewClient(method, tgt,
    enc, dec)`: the target is the URL with that path; the same helper given a probe path stays silent."""
    files = {
        "platform/upstream/upstream.go": """
            package upstream

            import (
                "net/url"

                httptransport "github.com/go-kit/kit/transport/http"
            )

            func copyURL(base *url.URL, path string) *url.URL {
                next := *base
                next.Path = path
                return &next
            }

            func Endpoints(base *url.URL, ws string) {
                httptransport.NewClient("GET", copyURL(base, "/workspaces/"+ws+"/memories"), nil, nil).Endpoint()
                httptransport.NewClient("GET", copyURL(base, "/healthz"), nil, nil).Endpoint()
            }
        """,
    }
    assert places(tenant(files, "platform/upstream/upstream.go")) == [(17, "http", "/workspaces/*/memories")]


def test_a_field_set_on_a_local_url_struct_after_it_is_made() -> None:
    """`u := url.URL{Scheme: "http", Host: h}; u.Path = p; http.Get(u.String())`: the URL renders the path
    last set; a probe path set on another local stays silent."""
    job = """
        package job

        import (
            "net/http"
            "net/url"
        )

        func Run(host, id string) {
            target := url.URL{Scheme: "http", Host: host}
            target.Path = "/workspaces/" + id + "/memories"
            http.Get(target.String())
            probe := url.URL{Scheme: "http", Host: host, Path: "/workspaces/" + id + "/memories"}
            probe.Path = "/healthz"
            http.Get(probe.String())
        }
    """
    assert places(tenant({"platform/job.go": job})) == [(12, "http", "/workspaces/*/memories")]

def test_a_method_of_a_named_string_or_integer_type_called_on_its_constant() -> None:
    """`names.Notes.Name()` (`type Relation string`) and `names.KindNote.Table()` (an iota enum whose method
    switches on the receiver): the method runs with the constant as its receiver; platform tables stay silent."""
    files = {
        "shared/names/names.go": """
            package names

            type Relation string

            const (
                Notes  Relation = "agent_memories"
                Quotas Relation = "memory_quotas"
            )

            func (r Relation) Name() string { return string(r) }

            type Kind int

            const (
                KindNote Kind = iota
                KindQuota
            )

            func (k Kind) Table() string {
                switch k {
                case KindNote:
                    return "agent_memories"
                default:
                    return "memory_quotas"
                }
            }
        """,
        "platform/job.go": """
            package job

            import (
                "database/sql"

                "example.com/m/shared/names"
            )

            func Run(db *sql.DB) {
                db.Query("SELECT body FROM " + names.Notes.Name())
                db.Query("SELECT plan FROM " + names.Quotas.Name())
                db.Query("SELECT body FROM " + names.KindNote.Table())
                db.Query("SELECT plan FROM " + names.KindQuota.Table())
            }
        """,
    }
    assert places(tenant(files)) == [(11, "table", "agent_memories"), (13, "table", "agent_memories")]


def test_a_parameter_of_a_named_integer_type_runs_that_types_method() -> None:
    """`func Count(db *sql.DB, s names.Source)` that nothing calls: `s.Relation()` is the type's method, each
    of its answers; a method of a name no type of the project has stays unknown."""
    files = {
        "shared/names/names.go": """
            package names

            type Source int

            const (
                SourceNotes Source = iota
                SourceTrail
            )

            func (s Source) Relation() string {
                if s == SourceTrail {
                    return "activity_logs"
                }
                return "agent_memories"
            }
        """,
        "platform/job.go": """
            package job

            import (
                "database/sql"

                "example.com/m/shared/names"
            )

            func Count(db *sql.DB, s names.Source) {
                db.Query("SELECT count(*) FROM " + s.Relation())
                db.Query("SELECT count(*) FROM " + s.Missing())
            }
        """,
    }
    config = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, tables=("agent_memories", "activity_logs")))
    assert places(tenant(files, config=config)) == [(11, "table", "activity_logs"), (11, "table", "agent_memories")]


def test_a_statement_written_piece_by_piece_into_a_builder() -> None:
    """`var sb strings.Builder; sb.WriteString(...); fmt.Fprintf(&sb, ...)`, then `sb.String()`: the pieces in
    order; a `bytes.Buffer` made with `new` the same; the platform's table stays silent."""
    files = {
        "platform/job.go": """
            package job

            import (
                "bytes"
                "database/sql"
                "fmt"
                "strings"
            )

            const notes = "agent_memories"

            func Run(db *sql.DB, id int) {
                var sb strings.Builder
                sb.WriteString("SELECT body FROM ")
                fmt.Fprintf(&sb, "%s WHERE id = $1", notes)
                db.Query(sb.String(), id)
                buf := new(bytes.Buffer)
                buf.WriteString("SELECT body FROM ")
                buf.WriteString(notes)
                db.Query(buf.String())
                var quota strings.Builder
                quota.WriteString("SELECT plan FROM memory_quotas")
                db.Query(quota.String())
            }
        """,
    }
    assert places(tenant(files)) == [(17, "table", "agent_memories"), (21, "table", "agent_memories")]


def test_a_text_template_executed_into_a_builder() -> None:
    """`template.Must(template.New(n).Parse("... {{.Rel}} ..."))` executed into a strings.Builder with a
    struct literal: the field fills the placeholder; the platform's table through the same template stays silent."""
    files = {
        "platform/job.go": """
            package job

            import (
                "database/sql"
                "strings"
                "text/template"
            )

            var countTmpl = template.Must(template.New("count").Parse("SELECT count(*) FROM {{.Rel}} WHERE id = $1"))

            func count(db *sql.DB, rel string, id int) {
                var out strings.Builder
                _ = countTmpl.Execute(&out, struct{ Rel string }{Rel: rel})
                db.Query(out.String(), id)
            }

            func Run(db *sql.DB) {
                count(db, "agent_memories", 1)
                count(db, "memory_quotas", 2)
            }
        """,
    }
    assert places(tenant(files)) == [(19, "table", "agent_memories")]


def test_a_url_built_from_a_scheme_in_config_and_spread_path_elements() -> None:
    """`url.URL{Scheme: c.scheme, Host: ..., Path: path.Join(append([]string{"/workspaces", ws}, elem...)...)}`:
    a scheme read from config is a hole of the URL's head, and a variadic parameter's elements are joined
    where they are given; a probe and the platform's own path stay silent."""
    files = {
        "platform/client/client.go": """
            package client

            import (
                "context"
                "net/http"
                "net/url"
                "path"
                "os"
            )

            type Client struct{ scheme, host string }

            func New() *Client { return &Client{scheme: os.Getenv("WS_SCHEME"), host: os.Getenv("WS_HOST")} }

            func (c *Client) target(ws string, elem ...string) string {
                u := url.URL{Scheme: c.scheme, Host: c.host, Path: path.Join(append([]string{"/workspaces", ws}, elem...)...)}
                return u.String()
            }

            func (c *Client) get(ctx context.Context, target string) error {
                req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
                if err != nil {
                    return err
                }
                _, err = http.DefaultClient.Do(req)
                return err
            }

            func (c *Client) Memories(ctx context.Context, ws string) error { return c.get(ctx, c.target(ws, "memories")) }
            func (c *Client) Health(ctx context.Context, ws string) error { return c.get(ctx, c.target(ws, "healthz")) }
            func (c *Client) Quota(ctx context.Context, ws string) error { return c.get(ctx, c.target(ws, "quota", "v2")) }
        """,
    }
    found = tenant(files, path="platform/client/client.go")
    assert places(found) == [(30, "http", "/workspaces/*/memories")]


def test_a_named_query_of_a_map_literal_is_reported_where_it_runs() -> None:
    """`var named = map[string]string{...}` in another file of the package, looked up with a constant key
    where it runs: reported there, the trace ending at the entry's line in that file; an entry looked up
    by an unknown key stays reported where it is written; the platform's own entry is silent."""
    files = {
        "platform/store/named.go": """
            package store

            var named = map[string]string{
                "quota":  "SELECT max_items FROM memory_quotas WHERE plan = $1",
                "recent": "SELECT body FROM agent_memories WHERE org_id = $1",
            }

            var byKind = map[string]string{"any": "SELECT id FROM agent_memories WHERE org_id = $1"}
        """,
        "platform/store/store.go": """
            package store

            import (
                "context"
                "database/sql"
            )

            func Recent(ctx context.Context, db *sql.DB, org, kind string) {
                db.QueryContext(ctx, named["quota"], "free")
                db.QueryContext(ctx, named["recent"], org)
                db.QueryContext(ctx, byKind[kind], org)
            }
        """,
    }
    project, facts = linked(files)
    found = [a for path in files for a in project.accesses(facts[path]) if a.plane == "tenant"]
    assert [(a.path, a.loc.line) for a in found] == [("platform/store/named.go", 9), ("platform/store/store.go", 11)]
    assert [(hop.path, hop.line) for hop in found[1].trace][-1] == ("platform/store/named.go", 6)


def test_a_field_of_an_anonymous_struct_literal_is_reported_where_it_runs() -> None:
    """`var stmts = struct{ recent, quota string }{...}` in another file, read as `stmts.recent` where it
    runs: reported there, the trace ending at the field's line; the platform's own field is silent."""
    files = {
        "platform/reports/sqltext.go": """
            package reports

            var stmts = struct {
                recent string
                quota  string
            }{
                recent: `SELECT body FROM agent_memories WHERE created_at > $1`,
                quota:  "SELECT max_items FROM memory_quotas WHERE plan = $1",
            }
        """,
        "platform/reports/run.go": """
            package reports

            import (
                "context"
                "database/sql"
            )

            func Run(ctx context.Context, db *sql.DB) {
                db.QueryContext(ctx, stmts.quota, "free")
                db.QueryContext(ctx, stmts.recent, 0)
            }
        """,
    }
    project, facts = linked(files)
    found = [a for path in files for a in project.accesses(facts[path]) if a.plane == "tenant"]
    assert [(a.path, a.loc.line, a.target) for a in found] == [("platform/reports/run.go", 11, "agent_memories")]
    assert [(hop.path, hop.line) for hop in found[0].trace][-1] == ("platform/reports/sqltext.go", 8)


def test_entries_of_a_map_or_slice_literal_written_without_their_struct_type() -> None:
    """`map[string]*spec{"a": {table: t}}` and `[]job{{table: t}}`: each entry is a literal of the element type,
    and `for _, s := range specs` takes a map's values (not its keys). A registry of the platform's own tables is
    silent; the trace ends at the entry naming the tenant table."""
    files = {
        "platform/cleanup/registry.go": """
            package cleanup

            type spec struct {
                table string
                days  int
            }

            type job struct{ table string }

            var specs = map[string]*spec{
                "recall": {table: "agent_memories", days: 30},
            }

            var own = map[string]spec{"quotas": {table: "memory_quotas", days: 90}}

            var jobs = []job{{table: "memory_quotas"}, {table: "agent_memories"}}
        """,
        "platform/cleanup/run.go": """
            package cleanup

            import (
                "context"
                "database/sql"
            )

            func Run(ctx context.Context, db *sql.DB) {
                for name, s := range specs {
                    db.ExecContext(ctx, "DELETE FROM "+s.table+" WHERE age > $1", s.days, name)
                }
                for _, s := range own {
                    db.ExecContext(ctx, "DELETE FROM "+s.table, s.days)
                }
                for _, j := range jobs {
                    db.QueryContext(ctx, "SELECT count(*) FROM "+j.table)
                }
            }
        """,
    }
    project, facts = linked(files)
    found = [a for path in files for a in project.accesses(facts[path]) if a.plane == "tenant"]
    assert [(a.path, a.loc.line, a.target) for a in found] == [
        ("platform/cleanup/run.go", 11, "agent_memories"),
        ("platform/cleanup/run.go", 17, "agent_memories"),
    ]
    assert ("platform/cleanup/registry.go", 12) in [(hop.path, hop.line) for hop in found[0].trace]


def test_text_template_sql_rendered_into_a_buffer() -> None:
    """`template.Must(template.New(n).Parse(src))` executed into a bytes.Buffer / strings.Builder with a map or
    an anonymous struct, read back with `String()`; also SQL written piece by piece (`WriteString`,
    `fmt.Fprintf`). A platform table rendered, a buffer the template is not written into, and a write after
    the read name nothing."""
    sqlt = """
        package sqlt

        import (
            "bytes"
            "fmt"
            "strings"
            "html/template"
        )

        var wipe = template.Must(template.New("wipe").Parse(`DELETE FROM {{ index . "table" }} WHERE org_id = $1`))
        var count = template.Must(template.New("count").Parse("SELECT count(*) FROM {{.Table}}{{if .Org}} WHERE org_id = $1{{end}}"))

        func Wipe(table string) string {
            var buf bytes.Buffer
            _ = wipe.Execute(&buf, map[string]string{"table": table})
            return buf.String()
        }

        func Count(table string) string {
            b := strings.Builder{}
            _ = count.Execute(&b, struct{ Table, Org string }{table, ""})
            return b.String()
        }

        func Elsewhere(table string) string {
            var b, other strings.Builder
            _ = count.Execute(&other, struct{ Table string }{Table: table})
            return b.String()
        }

        func Pieces(table string) string {
            var sb strings.Builder
            sb.WriteString("SELECT id FROM ")
            fmt.Fprintf(&sb, "%s WHERE ", table)
            q := sb.String()
            sb.WriteString("org_id = $1")
            return q
        }
    """
    job = """
        package job

        import "example.com/m/shared/sqlt"

        func Run(db *sql.DB) {
            db.Exec(sqlt.Wipe("agent_memories"))
            db.Query(sqlt.Count("agent_memories"))
            db.Query(sqlt.Count("memory_quotas"))
            db.Query(sqlt.Elsewhere("agent_memories"))
            db.Query(sqlt.Pieces("agent_memories"))
            db.Query(sqlt.Wipe("orgs"))
        }
    """
    project, facts = linked({"shared/sqlt/sqlt.go": sqlt, "platform/job.go": job})
    found = [a for a in project.accesses(facts["platform/job.go"]) if a.plane == "tenant"]
    assert places(found) == [(7, "table", "agent_memories"), (8, "table", "agent_memories"), (11, "table", "agent_memories")]
    notes = [hop.note for a in found for hop in a.evidence()[:1]]
    assert notes == [
        "DELETE FROM agent_memories WHERE org_id = $1",
        "SELECT count(*) FROM agent_memories WHERE org_id = $1",
        "SELECT id FROM agent_memories WHERE",
    ]
    assert all(a.plane != "tenant" for a in project.accesses(facts["shared/sqlt/sqlt.go"]))


def test_a_func_literal_a_factory_returns_is_judged_where_the_factory_is_called() -> None:
    """Go lowers a func literal into the function that makes it: `ReaderFor(db, T)` is the access, whether
    its result is called at once, later or from a map of handlers."""
    shared = """
        package q

        func ReaderFor(db *sql.DB, table string) func(ctx context.Context) error {
            return func(ctx context.Context) error {
                _, err := db.QueryContext(ctx, "SELECT * FROM "+table)
                return err
            }
        }
    """
    job = """
        package job

        import "example.com/m/shared/q"

        var handlers = map[string]func(ctx context.Context) error{
            "quotas": q.ReaderFor(nil, "memory_quotas"),
            "memories": q.ReaderFor(nil, "agent_memories"),
        }

        func Run(ctx context.Context, db *sql.DB) {
            q.ReaderFor(db, "memory_quotas")(ctx)
            q.ReaderFor(db, "agent_memories")(ctx)
            read := q.ReaderFor(db, "agent_memories")
            read(ctx)
            handlers["memories"](ctx)
        }
    """
    found = tenant({"shared/q/q.go": shared, "platform/job.go": job})
    assert places(found) == [(8, "table", "agent_memories"), (13, "table", "agent_memories"), (14, "table", "agent_memories")]



def test_ent_open_connects_through_its_dialect_driver(project: Any) -> None:
    """A generated `ent.Open(driver, dsn)` opens ent's own `dialect/sql.Open`: a platform call with a tenant
    DSN (a field its env tag names, read at the tag) connects to the tenant store; the platform's is silent."""
    generated = """\
package gen

import "entgo.io/ent/dialect/sql"

type Client struct{ drv *sql.Driver }

func Open(driverName, dataSourceName string) (*Client, error) {
	drv, err := sql.Open(driverName, dataSourceName)
	return &Client{drv}, err
}
"""
    job = """\
package job

import (
	entsql "entgo.io/ent/dialect/sql"
	"example.com/m/common/gen"
)

type Config struct {
	Own    string `env:"CP_DATABASE_URL"`
	Tenant string `env:"TENANT_DATABASE_URL"`
}

func Open(cfg Config) {
	gen.Open("postgres", cfg.Own)
	gen.Open("postgres", cfg.Tenant)
	entsql.Open("pgx", cfg.Tenant)
}
"""
    files = {"go.mod": "module example.com/m\n", "common/gen/client.go": generated, "controlplane/job.go": job}
    config = {**AGGREGATION_CONFIG, "tenant_data": {"env": ["TENANT_DATABASE_URL"]}}
    assert found(project(files, config), "MOL102") == [("MOL102", "controlplane/job.go", line) for line in (10, 15, 16)]


def test_an_env_tag_reads_under_the_prefix_its_struct_is_nested_with(project: Any) -> None:
    """caarlos0/env: `Tenant StoreConfig `envPrefix:"TENANT_"`` makes the nested struct's `env:"DATABASE_URL"`
    the variable TENANT_DATABASE_URL, read at its tag and where it connects; the platform's own nested struct
    (another prefix) stays silent."""
    job = """\
package job

import "github.com/jackc/pgx/v5/pgxpool"

type StoreConfig struct {
	DSN string `env:"DATABASE_URL"`
}

type OwnConfig struct {
	DSN string `env:"DATABASE_URL"`
}

type Settings struct {
	Tenant StoreConfig `envPrefix:"TENANT_"`
	Own    *OwnConfig  `envPrefix:"CP_"`
}

func Open(s Settings) {
	pgxpool.New(nil, s.Own.DSN)
	pgxpool.New(nil, s.Tenant.DSN)
}
"""
    files = {"go.mod": "module example.com/m\n", "controlplane/job.go": job}
    config = {**AGGREGATION_CONFIG, "tenant_data": {"env": ["TENANT_DATABASE_URL"]}}
    assert found(project(files, config), "MOL102") == [("MOL102", "controlplane/job.go", line) for line in (6, 20)]


def test_a_request_url_resolved_against_a_parsed_server_url() -> None:
    """oapi-codegen's clients: `serverURL, _ := url.Parse(server)` then `serverURL.Parse("./" + path)` (or a
    path from the root) and `.String()`: the path joins the server's, an absolute URL is itself; a probe
    path stays a probe."""
    job = """
        package job

        import (
            "fmt"
            "net/http"
            "net/url"
        )

        func Fetch(server string, id string) {
            base, err := url.Parse(server)
            if err != nil {
                return
            }
            rel := fmt.Sprintf("/workspaces/%s/memories", id)
            if rel[0] == '/' {
                rel = "." + rel
            }
            full, err := base.Parse(rel)
            http.NewRequest("GET", full.String(), nil)
            probe, _ := base.Parse("./healthz")
            http.NewRequest("GET", probe.String(), nil)
            moved, _ := base.Parse("http://tenant-api:8080/workspaces/" + id + "/memories")
            http.NewRequest("GET", moved.String(), nil)
        }
    """
    assert places(tenant({"platform/job.go": job})) == [(line, "http", "/workspaces/*/memories") for line in (20, 24)]


def test_a_generated_grpc_client_invokes_its_full_method_names() -> None:
    """protoc-gen-go-grpc's client methods run `cc.Invoke(ctx, "/pkg.Service/Method", ...)` (streams:
    `cc.NewStream(ctx, desc, method)`): the method's path is the endpoint it calls. A project type's own
    `Invoke` is none of gRPC's."""
    config = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, endpoints=("/notes.v2.NoteStore/*",)))
    client = """
        package notesv2

        import (
            "context"

            "google.golang.org/grpc"
        )

        const NoteStore_Search_FullMethodName = "/notes.v2.NoteStore/Search"

        type noteStoreClient struct {
            cc grpc.ClientConnInterface
        }

        type bus struct{}

        func (b *bus) Invoke(ctx context.Context, topic string) error { return nil }

        func (c *noteStoreClient) Search(ctx context.Context, in *SearchRequest, opts ...grpc.CallOption) (*SearchReply, error) {
            out := new(SearchReply)
            err := c.cc.Invoke(ctx, NoteStore_Search_FullMethodName, in, out, opts...)
            return out, err
        }

        func (c *noteStoreClient) Tail(ctx context.Context, opts ...grpc.CallOption) (grpc.ClientStream, error) {
            return c.cc.NewStream(ctx, &NoteStore_ServiceDesc.Streams[0], "/notes.v2.NoteStore/Tail", opts...)
        }

        func Announce(ctx context.Context, b *bus) error {
            return b.Invoke(ctx, "/notes.v2.NoteStore/Search")
        }
    """
    found = tenant({"shared/notesv2/notes_grpc.pb.go": client}, "shared/notesv2/notes_grpc.pb.go", config)
    assert places(found) == [(22, "http", "/notes.v2.NoteStore/Search"), (27, "http", "/notes.v2.NoteStore/Tail")]


def test_clients_made_for_one_url_send_every_call_to_it() -> None:
    """connect-go's generated client keeps `connect.NewClient(httpClient, baseURL+procedure)` per method and
    calls `CallUnary`; a GraphQL client (machinebox's, hasura's) posts every query to the URL it was made
    for. A connect client of a procedure that is no tenant endpoint is silent."""
    config = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, endpoints=("/notes.v2.NoteStore/*", "/gql")))
    client = """
        package notesv2connect

        import (
            "context"
            "net/http"

            connect "connectrpc.com/connect"
        )

        const NoteStoreSearchProcedure = "/notes.v2.NoteStore/Search"

        type noteStoreClient struct {
            search *connect.Client[SearchRequest, SearchReply]
            quota  *connect.Client[QuotaRequest, QuotaReply]
        }

        func NewNoteStoreClient(httpClient connect.HTTPClient, baseURL string) *noteStoreClient {
            return &noteStoreClient{
                search: connect.NewClient[SearchRequest, SearchReply](httpClient, baseURL+NoteStoreSearchProcedure),
                quota:  connect.NewClient[QuotaRequest, QuotaReply](httpClient, baseURL+"/plans.v1.Plans/Quota"),
            }
        }

        func (c *noteStoreClient) Search(ctx context.Context, req *connect.Request[SearchRequest]) (*connect.Response[SearchReply], error) {
            return c.search.CallUnary(ctx, req)
        }

        func (c *noteStoreClient) Quota(ctx context.Context, req *connect.Request[QuotaRequest]) (*connect.Response[QuotaReply], error) {
            return c.quota.CallUnary(ctx, req)
        }
    """
    job = """
        package job

        import (
            "context"
            "net/http"

            gql "github.com/hasura/go-graphql-client"
            "example.com/m/shared/notesv2connect"
        )

        func Run(ctx context.Context, q any) {
            notes := notesv2connect.NewNoteStoreClient(http.DefaultClient, "http://notes:8080")
            notes.Search(ctx, nil)
            notes.Quota(ctx, nil)
            gql.NewClient("http://notes:8080/gql", nil).Query(ctx, &q, nil)
        }
    """
    found = tenant({"shared/notesv2connect/notes.connect.go": client, "platform/job.go": job}, config=config)
    assert places(found) == [(14, "http", "/notes.v2.NoteStore/Search"), (16, "http", "/gql")]


def test_a_nats_request_goes_to_the_subject_a_helper_builds() -> None:
    """NATS request-reply asks whoever answers the subject: a tenant's subject listed in `tenant_data.endpoints`
    is a tenant endpoint. Another subject of the same org is silent."""
    config = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, endpoints=("tenants.*.notes.*",)))
    subjects = """
        package subj

        import "fmt"

        func Notes(tenant string) string { return fmt.Sprintf("tenants.%s.notes.search", tenant) }
        func Ping(tenant string) string  { return "tenants." + tenant + ".ping" }
    """
    job = """
        package job

        import (
            "context"
            "time"

            "example.com/m/shared/subj"
            "github.com/nats-io/nats.go"
        )

        func Run(ctx context.Context, conn *nats.Conn, tenant string) {
            conn.RequestWithContext(ctx, subj.Notes(tenant), nil)
            conn.Request(subj.Ping(tenant), nil, time.Second)
        }
    """
    found = tenant({"shared/subj/subj.go": subjects, "platform/job.go": job}, config=config)
    assert [(line, kind) for line, kind, _ in places(found)] == [(13, "http")]


def test_map_entries_stored_by_a_registering_function_or_in_init() -> None:
    """`byKind[key] = tbl` inside `add(key, tbl)`, called from `init()` and from a package variable's
    initialiser, and a direct store in another file's `init()`: a lookup by a constant key reads the table
    stored under that key only; the platform's entries, and a local map's, stay silent."""
    files = {
        "platform/reg.go": """
            package job

            var byKind = map[string]string{}

            func add(key, tbl string) bool {
                byKind[key] = tbl
                return true
            }

            var _ = add(kindNotes, "agent_memories")
        """,
        "platform/more.go": """
            package job

            const kindQuota = "quota"

            func init() {
                add(kindOrgs, "orgs")
                byKind[kindQuota] = "memory_quotas"
            }
        """,
        "platform/job.go": """
            package job

            import "database/sql"

            const (
                kindNotes = "notes"
                kindOrgs  = "orgs"
            )

            func Run(db *sql.DB) {
                db.Query("SELECT * FROM " + byKind[kindNotes])
                db.Query("SELECT * FROM " + byKind[kindOrgs])
                db.Query("SELECT * FROM " + byKind[kindQuota])
                local := map[string]string{}
                local[kindNotes] = "orgs"
                db.Query("SELECT * FROM " + local[kindNotes])
            }
        """,
    }
    found = tenant(files)
    assert places(found) == [(12, "table", "agent_memories")]
    assert [(hop.path, hop.line) for hop in found[0].trace][:1] == [("platform/reg.go", 7)]


def test_a_range_over_records_reads_each_records_fields_together() -> None:
    """`for _, s := range specs { createIndex(db, s.table, s.column, s.index) }` over a slice of anonymous
    structs, or of a named struct: each statement is one record's (its index, table and column), never a mix
    of two records."""
    files = {
        "platform/job.go": """
            package job

            import (
                "database/sql"
                "fmt"
            )

            var specs = []struct {
                table, column, index string
            }{
                {"orgs", "slug", "uk_orgs_slug"},
                {"agent_memories", "key", "uk_memories_key"},
            }

            func createIndex(db *sql.DB, table, column, index string) {
                db.Exec(fmt.Sprintf("CREATE UNIQUE INDEX %s ON %s (%s)", index, table, column))
            }

            type pair struct{ table, column string }

            var pairs = []pair{{table: "orgs", column: "slug"}, {table: "agent_memories", column: "key"}}

            func Run(db *sql.DB) {
                for _, s := range specs {
                    createIndex(db, s.table, s.column, s.index)
                    db.Query(fmt.Sprintf("SELECT %s FROM %s GROUP BY %s", s.column, s.table, s.column))
                }
                for _, p := range pairs {
                    db.Query(fmt.Sprintf("SELECT %s FROM %s GROUP BY %s", p.column, p.table, p.column))
                }
            }
        """,
    }
    found = tenant(files)
    assert [(a.loc.line, a.note) for a in found] == [
        (26, "CREATE UNIQUE INDEX uk_memories_key ON agent_memories (key)"),
        (27, "SELECT key FROM agent_memories GROUP BY key"),
        (30, "SELECT key FROM agent_memories GROUP BY key"),
    ]


def test_named_templates_and_templates_parsed_from_files(tmp_path: Path) -> None:
    """`ExecuteTemplate(&b, name, data)` runs the template of that name: one `New(name)` named, a `{{define}}`
    in a set, or a file `ParseFS` (an embedded folder's glob) or `ParseFiles` parsed, by its base name; into
    buffers made by `new(bytes.Buffer)` and `&bytes.Buffer{}`. The platform's template of the same set, and
    a name the set does not define, stay silent."""
    (tmp_path / "platform" / "sql").mkdir(parents=True)
    (tmp_path / "platform" / "sql" / "purge.tmpl").write_text("DELETE FROM {{.Table}} WHERE org_id = $1\n")
    (tmp_path / "platform" / "sql" / "plans.tmpl").write_text("SELECT * FROM orgs\n")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "stats.sql").write_text("SELECT count(*) FROM {{ index . \"table\" }}\n")
    job = """
        package job

        import (
            "bytes"
            "database/sql"
            "embed"
            "text/template"
        )

        //go:embed sql/*.tmpl
        var files embed.FS

        var set = template.Must(template.New("").Funcs(nil).Parse(`{{define "own"}}SELECT 1 FROM orgs{{end}}{{define "wipe"}}{{if .Table}}DELETE FROM {{.Table}}{{end}}{{end}}`))
        var named = template.Must(template.New("count").Parse("SELECT count(*) FROM {{.Table}}"))
        var embedded = template.Must(template.ParseFS(files, "sql/*.tmpl"))
        var onDisk = template.Must(template.ParseFiles("templates/stats.sql"))

        type spec struct{ Table string }

        func Run(db *sql.DB) {
            a := new(bytes.Buffer)
            _ = set.ExecuteTemplate(a, "wipe", spec{Table: "agent_memories"})
            db.Exec(a.String())
            b := &bytes.Buffer{}
            _ = set.ExecuteTemplate(b, "own", spec{Table: "agent_memories"})
            db.Exec(b.String())
            var c bytes.Buffer
            _ = named.ExecuteTemplate(&c, "count", spec{Table: "agent_memories"})
            db.Query(c.String())
            var d bytes.Buffer
            _ = embedded.ExecuteTemplate(&d, "purge.tmpl", spec{Table: "agent_memories"})
            db.Exec(d.String())
            var e bytes.Buffer
            _ = onDisk.ExecuteTemplate(&e, "stats.sql", map[string]string{"table": "agent_memories"})
            db.Query(e.String())
            var f bytes.Buffer
            _ = named.ExecuteTemplate(&f, "other", spec{Table: "agent_memories"})
            db.Query(f.String())
        }
    """
    found = tenant({"platform/job.go": job}, config=replace(CONFIG, root=tmp_path))
    assert [(a.loc.line, a.note) for a in found] == [
        (24, "DELETE FROM agent_memories"),
        (30, "SELECT count(*) FROM agent_memories"),
        (33, "DELETE FROM agent_memories WHERE org_id = $1"),
        (36, "SELECT count(*) FROM agent_memories"),
    ]


def test_field_stores_into_a_call_result_keep_the_value_the_call_returned() -> None:
    """ent's generated `querySpec()`: `_spec := sqlgraph.NewQuerySpec(Table, ...)` then a field store per option
    (`_spec.From = ...`, `_spec.Limit = *limit` in branches). The spec stays the query of its table however
    many stores follow; a store into a copy (`u := *base; u.Path = p`) is the copy changed (tested above)."""
    stores = "\n".join(
        f"        if _q.opt{i} != nil {{\n            _spec.Field{i} = *_q.opt{i}\n        }}" for i in range(8)
    )
    spec = f"""
        package db

        import "entgo.io/ent/dialect/sql/sqlgraph"

        const Table = "agent_memories"

        type Q struct{{ opt0, opt1, opt2, opt3, opt4, opt5, opt6, opt7 *int; sql any }}

        func (_q *Q) Spec() *sqlgraph.QuerySpec {{
            _spec := sqlgraph.NewQuerySpec(Table, nil, nil)
            _spec.From = _q.sql
{stores}
            return _spec
        }}
    """
    job = """
        package job

        import (
            "database/sql"
            "example.com/m/shared/db"
        )

        func Run(conn *sql.DB, q *db.Q) {
            conn.Query("SELECT * FROM " + q.Spec())
        }
    """
    assert places(tenant({"shared/db/db.go": spec, "platform/job.go": job})) == [(10, "table", "agent_memories")]


CONFIG_STRUCTS = """
    type Database struct {
        Source string `json:"source"`
    }

    type Data struct {
        ReportReplica *Database `json:"report_replica"`
        Cache         *Database `json:"cache"`
    }

    type Bootstrap struct {
        Data *Data `json:"data"`
    }
"""


def test_a_struct_scanned_from_the_config_file_a_program_runs_on_holds_its_keys(tmp_path: Path) -> None:
    """kratos' `c.Scan(&bc)` and viper's `Unmarshal(&cfg)` fill a struct from a YAML file the repository
    ships (found from the program's folder up): a field chain reads its key; a key the file lacks is a hole,
    and so is a path two candidate files of different texts answer."""
    written = {
        "svc/configs/config.yaml": "data:\n  report_replica:\n    source: postgres://tenant-db:5432/ws\n",
        "ops/conf/app.yaml": "Data:\n  ReportReplica:\n    Source: postgres://tenant-db:5432/ws\n",
        "two/conf/app.yaml": "data:\n  report_replica:\n    source: postgres://tenant-db:5432/ws\n",
        "two/cmd/conf/app.yaml": "data:\n  report_replica:\n    source: postgres://cp-db:5432/cp\n",
    }
    for path, text in written.items():
        (tmp_path / "platform" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "platform" / path).write_text(text)
    kratos = """
        package main

        import (
            "database/sql"
            "flag"

            "github.com/go-kratos/kratos/v2/config"
            "github.com/go-kratos/kratos/v2/config/file"
        )

        var flagconf = flag.String("conf", "configs/config.yaml", "config path")
    """ + CONFIG_STRUCTS + """
        func main() {
            c := config.New(config.WithSource(file.NewSource(*flagconf)))
            c.Load()
            var bc Bootstrap
            if err := c.Scan(&bc); err != nil {
                panic(err)
            }
            sql.Open("postgres", bc.Data.ReportReplica.Source)
            sql.Open("postgres", bc.Data.Cache.Source)
        }
    """
    viper = """
        package main

        import (
            "database/sql"

            "github.com/spf13/viper"
        )
    """ + CONFIG_STRUCTS + """
        func main() {
            viper.SetConfigFile("conf/app.yaml")
            viper.ReadInConfig()
            var cfg Bootstrap
            viper.Unmarshal(&cfg)
            sql.Open("postgres", cfg.Data.ReportReplica.Source)
        }
    """
    files = {"platform/svc/cmd/server/main.go": kratos, "platform/ops/cmd/main.go": viper, "platform/two/cmd/main.go": viper}
    services = (*CONFIG.services, Service("ws-db", "tenant", ("tenant-db/",), ("postgres://tenant-db",)))
    config = replace(CONFIG, root=tmp_path, services=services)
    kratos_found = tenant(files, "platform/svc/cmd/server/main.go", config)
    assert places(kratos_found) == [(34, "connect", "postgres://tenant-db:5432/ws")]
    assert (kratos_found[0].trace[-1].path, kratos_found[0].trace[-1].line) == ("platform/svc/configs/config.yaml", 3)
    assert places(tenant(files, "platform/ops/cmd/main.go", config)) == [(28, "connect", "postgres://tenant-db:5432/ws")]
    assert tenant(files, "platform/two/cmd/main.go", config) == []


def test_a_bun_raw_query_is_reported_where_it_runs() -> None:
    """Bun's `db.NewRaw(query, args...)` runs its first argument: a statement kept in a constant of another
    file is one finding, at the call; a raw query on a platform table and a `NewRaw` given no SQL stay silent."""
    files = {
        "platform/stmts.go": """
            package report

            const notesByOrg = "SELECT id, body FROM agent_memories WHERE ? = ?"
            const quotaRows = "SELECT * FROM memory_quotas"
        """,
        "platform/report.go": """
            package report

            func Notes(ctx context.Context, db *bun.DB, org string) error {
                var out []map[string]any
                if err := db.NewRaw(quotaRows).Scan(ctx, &out); err != nil {
                    return err
                }
                _ = factory.NewRaw("agent_memories")
                return db.NewRaw(notesByOrg, bun.Ident("org_id"), org).Scan(ctx, &out)
            }
        """,
    }
    project, facts = linked(files)
    assert places([a for a in project.accesses(facts["platform/report.go"]) if a.plane == "tenant"]) == [
        (10, "table", "agent_memories")
    ]
    assert [a for a in project.accesses(facts["platform/stmts.go"]) if a.plane == "tenant"] == []


def test_a_gorm_scope_applies_the_conditions_its_function_writes(project: Any) -> None:
    """`db.Scopes(ofTenant(t))` runs the `Where`s of the func literal `ofTenant` returns: a count pinned to one
    org by a scope (made by a call or named) is a read (MOL101) and no cross-org aggregate; a scope that only pages or filters on
    another column pins nothing, so that count still spans orgs."""
    job = """\
package job

import "gorm.io/gorm"

func ofTenant(t string) func(*gorm.DB) *gorm.DB {
	return func(q *gorm.DB) *gorm.DB { return q.Where("org_id = ?", t) }
}

func live(q *gorm.DB) *gorm.DB { return q.Where("deleted_at IS NULL") }

func mine(q *gorm.DB) *gorm.DB { return q.Where("org_id = ?", q.Statement.Context.Value("org")) }

func page(n int) func(*gorm.DB) *gorm.DB {
	return func(q *gorm.DB) *gorm.DB { return q.Offset(n * 50).Limit(50) }
}

func Counts(db *gorm.DB, t string) (a, b, c int64) {
	db.Scopes(ofTenant(t)).Table("agent_memories").Count(&a)
	db.Scopes(page(2)).Table("agent_memories").Count(&b)
	db.Scopes(live).Table("agent_memories").Count(&c)
	db.Scopes(live, mine).Table("agent_memories").Count(&c)
	return
}
"""
    files = {"go.mod": "module example.com/m\n", "controlplane/job.go": job}
    result = project(files, AGGREGATION_CONFIG)
    assert found(result, "MOL101") == [("MOL101", "controlplane/job.go", line) for line in (18, 19, 20, 21)]
    assert found(result, "MOL201") == [("MOL201", "controlplane/job.go", line) for line in (19, 20)]


def test_a_name_an_if_declares_lives_in_that_if() -> None:
    """`if v, ok := os.LookupEnv("X"); ok { c.F = v }` once per setting, as hand-written loaders do: each `v`
    is its own, so the platform's own DSN is not also every other variable the loader reads; the tenant one
    stays reported where it is read and where it is opened."""
    job = """
        package job

        import (
            "database/sql"
            "os"
        )

        type Settings struct{ Own, Tenant string }

        func load() *Settings {
            s := &Settings{}
            if v, ok := os.LookupEnv("TENANT_DATABASE_URL"); ok {
                s.Tenant = v
            }
            if v, ok := os.LookupEnv("PLATFORM_DATABASE_URL"); ok {
                s.Own = v
            }
            return s
        }

        func main() {
            s := load()
            sql.Open("postgres", s.Tenant)
            sql.Open("postgres", s.Own)
        }
    """
    found = tenant({"platform/job.go": job})
    assert places(found) == [(13, "env", "TENANT_DATABASE_URL"), (24, "env", "TENANT_DATABASE_URL")]


def test_a_route_pattern_filled_by_strings_replace_all() -> None:
    """`strings.ReplaceAll(routes.Notes, "{ws}", id)` fills a ServeMux pattern kept as a constant: the URL it
    makes is a tenant endpoint; the same on the health pattern is none."""
    files = {
        "shared/routes/routes.go": """
            package routes

            const Notes = "/workspaces/{ws}/memories"
            const Health = "/workspaces/{ws}/healthz"
        """,
        "platform/job.go": """
            package job

            import (
                "net/http"
                "strings"

                "example.com/m/shared/routes"
            )

            func Pull(base, id string) {
                http.Get(base + strings.ReplaceAll(routes.Notes, "{ws}", id))
                http.Get(base + strings.ReplaceAll(routes.Health, "{ws}", id))
            }
        """,
    }
    assert places(tenant(files)) == [(12, "http", "/workspaces/*/memories")]


def test_a_bun_table_expression_names_the_table_a_chain_reads(project: Any) -> None:
    """bun's `TableExpr("t AS x")` names the rows as `Table` does: a per-org count grouped over a tenant table is
    MOL101 and MOL201; the same over a platform table is silent."""
    job = """\
package job

import "github.com/uptrace/bun"

func Report(ctx context.Context, db *bun.DB) {
	var rows []struct{ N int }
	db.NewSelect().TableExpr("agent_memories AS m").ColumnExpr("m.org_id, count(*) AS n").Group("m.org_id").Scan(ctx, &rows)
	db.NewSelect().TableExpr("billing_accounts").ColumnExpr("org_id, count(*) AS n").Group("org_id").Scan(ctx, &rows)
}
"""
    result = project({"go.mod": "module example.com/m\n", "controlplane/job.go": job}, AGGREGATION_CONFIG)
    assert found(result) == [("MOL101", "controlplane/job.go", 7), ("MOL201", "controlplane/job.go", 7)]
