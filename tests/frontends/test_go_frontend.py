"""The Go frontend: one file -> facts, unit by unit, fact kind by fact kind."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path
from collections.abc import Iterator
from typing import TypeVar

import pytest

from molecule_lint.facts import (
    MODULE_SCOPE,
    Connect,
    Constant,
    Definition,
    EnvRead,
    Fact,
    FileFacts,
    HttpCall,
    Import,
    Location,
    RedisKey,
    Ref,
    Route,
    Sql,
    Summary,
    Suppression,
    Use,
    Var,
)
from molecule_lint.frontends.go import analyze_go, go_module_name
from molecule_lint.location import Compact

MODULE = "github.com/acme/molecule/controlplane/internal/billing"
SHARED_DB = "github.com/acme/molecule/shared/db"
F = TypeVar("F", bound=Fact)


# What the snippets import, on the package line so that line numbers stay those of the snippet:
# an unimported `fmt.Sprintf` is not fmt's.
IMPORTS = (
    'import ("cmp"; "context"; "database/sql"; "errors"; "fmt"; "log"; "net/http"; "os"; '
    '"github.com/go-chi/chi/v5"; "github.com/gorilla/mux"; "github.com/jackc/pgx/v5"; '
    '"github.com/jackc/pgx/v5/pgxpool"; "github.com/jmoiron/sqlx"; "github.com/redis/go-redis/v9")'
)


def analyze(source: str, module: str = MODULE, imports: bool = False) -> FileFacts:
    code = textwrap.dedent(source).lstrip("\n")
    if imports:
        code = code.replace("package billing\n", f"package billing; {IMPORTS}\n", 1)
    return analyze_go("controlplane/internal/billing/x.go", module, code.encode("utf-8"))


def facts_of(kind: type[F], source: str) -> list[F]:
    result = analyze(source, imports=kind is not Import)
    assert result.error is None, result.error
    return [fact for fact in result.facts if isinstance(fact, kind)]


# -- module names -------------------------------------------------------------------


def test_module_is_the_package_import_path(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("// the monorepo\nmodule github.com/acme/molecule\n\ngo 1.22\n")
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "go.mod").write_text('module "example.com/tools"\n')
    assert go_module_name(tmp_path, "main.go") == "github.com/acme/molecule"
    assert go_module_name(tmp_path, "shared/db/db.go") == "github.com/acme/molecule/shared/db"
    assert go_module_name(tmp_path, "tools/lint/x.go") == "example.com/tools/lint"
    assert go_module_name(tmp_path, "vendor/github.com/lib/pq/conn.go") == "github.com/lib/pq"


def test_module_without_go_mod_is_the_folder(tmp_path: Path) -> None:
    assert go_module_name(tmp_path, "controlplane/billing/usage.go") == "controlplane/billing"


def test_go_mod_symlinked_out_of_the_root_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "go.mod").write_text("module evil.example/x\n")
    root = tmp_path / "root"
    (root / "svc").mkdir(parents=True)
    os.symlink(outside / "go.mod", root / "svc" / "go.mod")
    assert go_module_name(root, "svc/main.go") == "svc"


# -- imports, definitions, uses ---------------------------------------------------------


def test_imports_bind_the_name_code_uses() -> None:
    imports = facts_of(
        Import,
        """
        package billing

        import (
            "net/http"
            "github.com/redis/go-redis/v9"
            "gopkg.in/yaml.v3"
            pg "github.com/jackc/pgx/v5"
            _ "github.com/lib/pq"
            . "github.com/acme/molecule/shared/util"
        )
        """,
    )
    assert [(i.module, i.name, i.alias) for i in imports] == [
        ("net/http", None, "http"),
        ("github.com/redis/go-redis/v9", None, "redis"),
        ("gopkg.in/yaml.v3", None, "yaml"),
        ("github.com/jackc/pgx/v5", None, "pg"),
        ("github.com/lib/pq", None, "_"),
        ("github.com/acme/molecule/shared/util", "*", "."),
    ]
    assert imports[0].loc == Location(4, 5, 4, 15)
    assert all(i.scope == MODULE_SCOPE for i in imports)


def test_definitions_and_method_scopes() -> None:
    result = analyze(
        """
        package billing

        import "github.com/acme/molecule/shared/db"

        type Store struct{ name string }

        type Cache[K comparable] struct{}

        func Report() {}

        func (s *Store) Load() { db.Fetch() }

        func (c Cache[K]) Peek() { db.Fetch() }
        """
    )
    definitions = [f for f in result.facts if isinstance(f, Definition)]
    assert [(d.name, d.kind) for d in definitions] == [("Store", "class"), ("Cache", "class"), ("Report", "function")]
    assert definitions[0].loc == Location(5, 6, 5, 11)
    uses = [(u.scope, u.target) for u in result.facts if isinstance(u, Use)]
    assert uses == [("Store", f"{SHARED_DB}.Fetch"), ("Cache", f"{SHARED_DB}.Fetch")]


TENANT_MODELS = "github.com/acme/molecule/workspace-server/models"


def test_types_of_other_packages_a_declaration_names_are_uses() -> None:
    """Compile-time dependencies: parameter, result and field types (in a signature a parameter named like
    the package does not shadow it) of the project's packages; not the standard library's or another owner's
    (no project code), nor a type a comment names."""
    uses = facts_of(
        Use,
        """
        package support

        import (
            "time"
            "github.com/acme/molecule/workspace-server/models"
            "github.com/google/uuid"
        )

        type Page struct {
            Rows map[string][]*models.Schedule
            At   time.Time
            ID   uuid.UUID
        }

        func Table(rows []*models.Memory, models string) (out *models.Row, err error) {
            return nil, nil
        }

        // Count takes no *models.Note.
        func Count(n int) int { return n }
        """,
    )
    assert [(u.scope, u.target) for u in uses] == [
        ("Page", f"{TENANT_MODELS}.Schedule"),
        ("Table", f"{TENANT_MODELS}.Row"), ("Table", f"{TENANT_MODELS}.Memory"),
    ]  # fmt: skip


def test_declaration_types_of_a_module_path_without_a_host() -> None:
    source = 'package support\n\nimport (\n\t"time"\n\t"fleet/workspace/models"\n)\n\nfunc T(at time.Time, m *models.Memory) {}\n'
    result = analyze(source, module="fleet/controlplane/support", imports=True)
    uses = [(u.scope, u.target) for u in result.facts if isinstance(u, Use)]
    assert uses == [("T", "fleet/workspace/models.Memory")]


def test_uses_are_qualified_and_deduplicated_per_unit() -> None:
    uses = facts_of(
        Use,
        """
        package billing

        import (
            "github.com/acme/molecule/shared/db"
            store "github.com/acme/molecule/workspace-server/internal/store"
        )

        func Report(org string) int {
            a := db.Count(org)
            b := db.Count(org)
            helper(a)
            s := &store.Store{}
            _ = len(org)
            return total(a, b, s)
        }

        func shadow(db Conn) { db.Count("x") }

        func local() {
            type payload struct{ ID string `json:"id"` }
            _ = &payload{ID: "x"}
        }
        """,
    )
    assert [(u.scope, u.target, u.loc.line) for u in uses] == [
        ("Report", f"{SHARED_DB}.Count", 9),
        ("Report", f"{MODULE}.helper", 11),
        ("Report", "github.com/acme/molecule/workspace-server/internal/store.Store", 12),
        ("Report", f"{MODULE}.total", 14),
    ]
    assert uses[0].loc == Location(9, 10, 9, 18)


# -- constants ---------------------------------------------------------------------


def test_package_level_strings_are_constants() -> None:
    constants = facts_of(
        Constant,
        """
        package billing

        import "github.com/acme/molecule/shared/tables"

        const (
            schema = "tenant"
            table  = schema + ".agent_memories"
            limit  = 10
        )

        var query = "SELECT * FROM " + tables.Memories + " LIMIT 5"

        var Name string = other

        var count = other
        """,
    )
    assert [(c.name, c.value) for c in constants] == [
        ("schema", ("tenant",)),
        ("table", (Ref(f"{MODULE}.schema"), ".agent_memories")),
        ("query", ("SELECT * FROM ", Ref("github.com/acme/molecule/shared/tables.Memories"), " LIMIT 5")),
        ("Name", (Ref(f"{MODULE}.other"),)),
    ]
    assert constants[0].loc == Location(6, 5, 6, 22)


# -- SQL ---------------------------------------------------------------------------


def test_query_call_with_context_takes_the_query_argument() -> None:
    sql = facts_of(
        Sql,
        """
        package billing

        func Usage(ctx context.Context, db *sql.DB, org string) {
            db.QueryRowContext(ctx, "SELECT count(*) FROM agent_memories WHERE org_id = $1", org)
        }
        """,
    )
    assert sql == [
        Sql(
            Location(4, 29, 4, 84),
            "Usage",
            ("SELECT count(*) FROM agent_memories WHERE org_id = $1",),
            "QueryRowContext",
        )
    ]


def test_query_through_a_local_is_one_fact_at_the_call() -> None:
    sql = facts_of(
        Sql,
        """
        package billing

        func Usage(ctx context.Context, pool *pgxpool.Pool) {
            q := `SELECT body
                  FROM agent_memories`
            q += " WHERE org_id = $1"
            pool.Query(ctx, q, 1)
        }
        """,
    )
    assert len(sql) == 1
    assert sql[0].via == "Query"
    assert sql[0].loc.line == 7
    assert sql[0].text == ("SELECT body\n          FROM agent_memories WHERE org_id = $1",)


def test_package_constant_passed_to_a_query_is_reported_at_the_call_only() -> None:
    sql = facts_of(
        Sql,
        """
        package billing

        const recent = "SELECT body FROM agent_memories ORDER BY id DESC"

        func Recent(db *sql.DB) { db.Query(recent) }

        const unused = "SELECT id FROM activity_logs"
        """,
    )
    assert [(s.loc.line, s.scope, s.text, s.via) for s in sql] == [
        (5, "Recent", (Ref(f"{MODULE}.recent"),), "Query"),
        (7, MODULE_SCOPE, ("SELECT id FROM activity_logs",), "literal"),
    ]


def test_sprintf_and_concatenation_are_templates() -> None:
    sql = facts_of(
        Sql,
        """
        package billing

        import "github.com/acme/molecule/shared/tables"

        func Counts(db *sqlx.DB, schema string, n int) {
            db.Select(&rows, fmt.Sprintf("SELECT count(*) FROM %s.%s LIMIT %d", schema, tables.Memories, n))
            stmt := "SELECT * FROM " + schema + ".activity_logs"
            log.Println(stmt)
        }
        """,
    )
    memories = Ref("github.com/acme/molecule/shared/tables.Memories")
    assert [(s.loc.line, s.text, s.via) for s in sql] == [
        (6, ("SELECT count(*) FROM ", Ref(None), ".", memories, " LIMIT ", Ref(None)), "Select"),
        (7, ("SELECT * FROM ", Ref(None), ".activity_logs"), "literal"),
    ]


def test_sqlx_get_skips_the_destination_and_pgx_prepare_finds_the_sql() -> None:
    sql = facts_of(
        Sql,
        """
        package billing

        func Load(ctx context.Context, db *sqlx.DB, conn *pgx.Conn) {
            db.GetContext(ctx, &n, "SELECT count(*) FROM orgs")
            conn.Prepare(ctx, "recent", "SELECT body FROM agent_memories")
        }
        """,
    )
    assert [(s.text, s.via) for s in sql] == [
        (("SELECT count(*) FROM orgs",), "GetContext"),
        (("SELECT body FROM agent_memories",), "Prepare"),
    ]


@pytest.mark.parametrize(
    "statement",
    [
        "// SELECT body FROM agent_memories is what the tenant runs",
        'log.Printf("SELECT body FROM agent_memories failed: %v", err)',
        'logger.Errorf("SELECT body FROM agent_memories took %s", d)',
        'return errors.New("SELECT body FROM agent_memories returned nothing")',
        'return fmt.Errorf("SELECT body FROM agent_memories: %w", err)',
        'panic("SELECT body FROM agent_memories")',
        'rdb.Get(ctx, "agent_memories")',
        'cache.Get(ctx, "SELECT-results:agent_memories")',
        'r.Get("/agent_memories", handler)',
        'cmd.Exec("agent_memories --dump")',
        'fmt.Println("Select a workspace from agent_memories")',
        'type row struct { Body string `db:"body" sql:"SELECT body FROM agent_memories"` }',
    ],
)
def test_traps_are_not_sql(statement: str) -> None:
    source = f"""
        package billing

        var rdb = redis.NewClient(&redis.Options{{}})

        func Trap(ctx context.Context) error {{
            {statement}
            return nil
        }}
        """
    assert facts_of(Sql, source) == []


def test_sql_looking_exec_on_an_unknown_type_is_kept() -> None:
    sql = facts_of(
        Sql,
        """
        package billing

        func Purge(w *Worker) { w.Exec("DELETE FROM agent_memories WHERE expired") }
        """,
    )
    assert [(s.text, s.via) for s in sql] == [(("DELETE FROM agent_memories WHERE expired",), "Exec")]


# -- environment ----------------------------------------------------------------------


def test_env_reads_with_defaults() -> None:
    reads = facts_of(
        EnvRead,
        """
        package billing

        type Config struct {
            DSN  string `env:"TENANT_DATABASE_URL,required"`
            Port string `envconfig:"PORT" default:"8080"`
        }

        func load() {
            url := os.Getenv("MOLECULE_PLATFORM_URL")
            if url == "" {
                url = "https://platform.molecule.dev"
            }
            key, ok := os.LookupEnv("MEMORY_PLUGIN_URL")
            region := cmp.Or(os.Getenv("REGION"), "us-east-1")
            plugin := getenvOr("PLUGIN_URL", "http://localhost:9000")
            os.Setenv("NOT_A_READ", "x")
        }
        """,
    )
    assert [(r.scope, r.name, r.default) for r in reads] == [
        ("Config", ("TENANT_DATABASE_URL",), None),
        ("Config", ("PORT",), ("8080",)),
        ("load", ("MOLECULE_PLATFORM_URL",), ("https://platform.molecule.dev",)),
        ("load", ("MEMORY_PLUGIN_URL",), None),
        ("load", ("REGION",), ("us-east-1",)),
        ("load", ("PLUGIN_URL",), ("http://localhost:9000",)),
    ]
    assert reads[2].loc == Location(9, 12, 9, 46)


# -- HTTP -----------------------------------------------------------------------------


def test_http_calls() -> None:
    calls = facts_of(
        HttpCall,
        """
        package billing

        const base = "http://workspace-server:8080"

        var client = &http.Client{Timeout: time.Second}

        func pull(ctx context.Context, ws string) {
            http.Get(base + "/workspaces/" + ws + "/memories")
            http.Post(fmt.Sprintf("%s/workspaces/%s/activity", base, ws), "application/json", nil)
            req, _ := http.NewRequestWithContext(ctx, http.MethodDelete, base+"/workspaces/"+ws, nil)
            client.Do(req)
            http.NewRequest("PATCH", "http://tenant/x", nil)
            client.Get("http://tenant/y")
            http.DefaultClient.Head("http://tenant/z")
        }
        """,
    )
    ref = Ref(f"{MODULE}.base")
    assert [(c.method, c.url) for c in calls] == [
        ("GET", (ref, "/workspaces/", Ref(None), "/memories")),
        ("POST", (ref, "/workspaces/", Ref(None), "/activity")),
        ("DELETE", (ref, "/workspaces/", Ref(None))),
        ("PATCH", ("http://tenant/x",)),
        ("GET", ("http://tenant/y",)),
        ("HEAD", ("http://tenant/z",)),
    ]
    assert calls[0].loc == Location(8, 5, 8, 55)


# -- connections and Redis ---------------------------------------------------------------


def test_connections() -> None:
    connects = facts_of(
        Connect,
        """
        package billing

        func open(ctx context.Context) {
            sql.Open("pgx", "postgres://tenant-db:5432/molecule")
            sql.Open("mysql", "root@tcp(db)/x")
            sqlx.Connect("postgres", os.Getenv("DATABASE_URL"))
            pgxpool.New(ctx, "postgres://tenant-db/" + dbName)
            pgx.Connect(context.Background(), dsn)
            redis.NewClient(&redis.Options{Addr: "tenant-redis:6379", DB: 0})
            redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"redis-1:6379"}})
        }
        """,
    )
    assert [(c.kind, c.target) for c in connects] == [
        ("postgres", ("postgres://tenant-db:5432/molecule",)),
        ("postgres", ("postgres://tenant-db/", Ref(f"{MODULE}.dbName"))),
        ("postgres", (Ref(f"{MODULE}.dsn"),)),  # a package-level name: the linker resolves it if it is a constant
        ("redis", ("tenant-redis:6379",)),
        ("redis", ("redis-1:6379",)),
    ]


REDIS_IMPORTS = """
    package billing

    import (
        "context"

        "github.com/redis/go-redis/v9"
    )
"""


def test_redis_keys_on_clients_we_can_see() -> None:
    keys = facts_of(
        RedisKey,
        REDIS_IMPORTS
        + """
    var rdb = redis.NewClient(&redis.Options{Addr: "localhost:6379"})

    type Cache struct{ client *redis.Client }

    func (c *Cache) Status(ctx context.Context, ws string) {
        c.client.HGet(ctx, "ws:"+ws+":status", "state")
    }

    func Peek(ctx context.Context, r redis.Cmdable, ws string) {
        rdb.Get(ctx, "ws:"+ws)
        r.LPush(ctx, "memory:queue", ws)
        local := redis.NewClient(&redis.Options{})
        local.Scan(ctx, 0, "ws:*", 100)
        pipe := rdb.Pipeline()
        pipe.Del(ctx, "ws:"+ws+":lock")
        notRedis.Get(ctx, "ws:1")
    }
    """,
    )
    assert [(k.scope, k.command, k.key) for k in keys] == [
        ("Cache", "hget", ("ws:", Ref(None), ":status")),
        ("Peek", "get", ("ws:", Ref(None))),
        ("Peek", "lpush", ("memory:queue",)),
        ("Peek", "scan", ("ws:*",)),
        ("Peek", "del", ("ws:", Ref(None), ":lock")),
    ]
    assert keys[0].loc == Location(14, 5, 14, 52)


# -- routes --------------------------------------------------------------------------


def test_routes_of_gin_chi_and_net_http() -> None:
    routes = facts_of(
        Route,
        """
        package billing

        func routes(r *gin.Engine, mux *http.ServeMux, c chi.Router, m *mux.Router) {
            r.GET("/health", health)
            v1 := r.Group("/v1")
            v1.POST("/orgs/:org/invoices", invoices)
            c.Route("/workspaces/{id}", func(c chi.Router) {
                c.Get("/memories", list)
            })
            c.Delete("/sessions/{sid}", drop)
            http.HandleFunc("/metrics", metrics)
            mux.HandleFunc("GET /workspaces/{id}/activity", activity)
            mux.Handle("PUT api.example.com/orgs/{org}", h)
            m.HandleFunc("/billing/{org}", bill).Methods("POST")
            c.Method(http.MethodPatch, "/orgs", patch)
            r.GET("not-a-path", nothing)
            api.Get("/workspaces/1/memories", &out)
        }
        """,
    )
    assert [(r.method, r.path) for r in routes] == [
        ("GET", "/health"),
        ("POST", "/v1/orgs/:org/invoices"),
        ("GET", "/workspaces/{id}/memories"),
        ("DELETE", "/sessions/{sid}"),
        ("ANY", "/metrics"),
        ("GET", "/workspaces/{id}/activity"),
        ("PUT", "/orgs/{org}"),
        ("POST", "/billing/{org}"),
        ("PATCH", "/orgs"),
    ]
    assert routes[0].loc == Location(4, 5, 4, 29)


def test_route_handlers_are_uses() -> None:
    uses = facts_of(Use, 'package billing\n\nfunc routes(r *gin.Engine) { r.GET("/x", listMemories) }\n')
    assert [(u.scope, u.target) for u in uses] == [("routes", f"{MODULE}.listMemories")]


# -- loops ---------------------------------------------------------------------------


def test_range_loops_are_loop_sites_with_the_calls_in_their_body() -> None:
    units = facts_of(
        Summary,
        """
        package billing

        import "github.com/acme/molecule/shared/db"

        func Aggregate(ctx context.Context, orgs []Org) {
            for _, org := range orgs {
                db.RecentMemories(ctx, org.ID)
                for _, host := range org.Hosts {
                    probe(host)
                }
                db.RecentMemories(ctx, org.ID)
            }
            for _, item := range forgeItems {
                db.Other(item)
            }
        }
        """,
    )
    sites = [site for unit in units for site in unit.loops]
    assert [(site.text, site.names, site.body) for site in sites] == [
        ("org.Hosts", ("_", "host"), (Var("local", "probe"),)),
        ("orgs", ("_", "org"), (Var("global", f"{SHARED_DB}.RecentMemories"), Var("local", "probe"))),
        ("forgeItems", ("_", "item"), (Var("global", f"{SHARED_DB}.Other"),)),
    ]
    assert sites[1].loc == Location(6, 5, 12, 6)
    assert [site.accumulates for site in sites] == [False, False, False]


# -- suppressions -----------------------------------------------------------------------


def test_suppressions() -> None:
    marks = facts_of(
        Suppression,
        """
        package billing

        // molecule-lint: ignore[MOL101, mol103] -- reviewed with the billing team (until 2027-03-01)
        const q = "SELECT count(*) FROM agent_memories" // molecule-lint: ignore[MOL101]
        /* molecule-lint: ignore -- generated */
        // molecule-lint: ignore[MOL102] -- soon (until someday)
        // an ordinary comment about molecule-lint
        """,
    )
    assert marks == [
        Suppression(Location(3, 1, 3, 94), ("MOL101", "MOL103"), "reviewed with the billing team", "2027-03-01", True),
        Suppression(Location(4, 49, 4, 81), ("MOL101",), None, None, False),
        Suppression(Location(5, 1, 5, 41), (), "generated", None, True),
        Suppression(Location(6, 1, 6, 57), ("MOL102",), None, "someday", True),
    ]


# -- positions and errors ---------------------------------------------------------------


def test_columns_are_characters_not_bytes() -> None:
    sql = facts_of(
        Sql,
        """
        package billing

        var _ = "héllo wörld"; var q = "SELECT body FROM agent_memories"
        """,
    )
    assert sql[0].loc == Location(3, 32, 3, 65)


def test_syntax_error_is_located() -> None:
    result = analyze(
        """
        package billing

        func Broken() {
            x := (1 +
        }
        """
    )
    assert result.facts == ()
    assert result.error is not None and result.error.startswith("syntax error")
    assert result.error_loc is not None and result.error_loc.line in (4, 5)


def test_missing_token_is_located() -> None:
    result = analyze_go("x.go", "x", b"package x\n\nfunc f() { a := (1 }\n")
    assert result.error == "syntax error: missing `)`"
    assert result.error_loc == Location(3, 19, 3, 20)


def test_go_1_26_new_of_an_expression_parses_with_exact_positions() -> None:
    # Go 1.26 lets `new` take an expression; tree-sitter-go 0.25 rejects it. The facts around it stay.
    result = analyze(
        """
        package billing

        func Poll(s *Sched) {
            s.deadline = new(time.Now().Add(*s.interval))
            timeout := new(500 * time.Millisecond)
            q := "SELECT body FROM agent_memories"
            _, _ = timeout, q
        }
        """
    )
    assert result.error is None, result.error
    sql = [fact for fact in result.facts if isinstance(fact, Sql)]
    assert [fact.loc for fact in sql] == [Location(6, 10, 6, 43)]


def test_a_real_error_beside_new_of_an_expression_is_still_reported() -> None:
    result = analyze_go("x.go", "x", b"package x\n\nfunc f() { t := new(1 + 2); a := (1 }\n")
    assert result.error == "syntax error: missing `)`"
    assert result.error_loc == Location(3, 36, 3, 37)


def test_undecodable_bytes_are_an_error_with_a_location() -> None:
    result = analyze_go("x.go", "x", b'package x\n\nvar s = "caf\xe9"\n')
    assert result.error is not None and result.error.startswith("undecodable")
    assert result.error_loc == Location(3, 13, 3, 14)


def test_pathological_nesting_is_an_error_not_a_crash() -> None:
    source = b"package x\n\nvar s = " + b" + ".join([b'"a"'] * 5000) + b"\n"
    result = analyze_go("x.go", "x", source)
    assert result.error == "skipped: nested too deeply to analyse"


# -- the facts as data -----------------------------------------------------------------

FIXTURE = Path(__file__).parent / "fixtures" / "go-monorepo"


def _fixture_facts() -> list[FileFacts]:
    out = []
    for path in sorted(FIXTURE.rglob("*.go")):
        rel = path.relative_to(FIXTURE).as_posix()
        out.append(analyze_go(rel, go_module_name(FIXTURE, rel), path.read_bytes()))
    return out


def test_facts_survive_pickling() -> None:
    facts = _fixture_facts()
    assert all(f.error is None for f in facts)
    assert pickle.loads(pickle.dumps(facts)) == facts


def test_facts_are_deterministic() -> None:
    assert _fixture_facts() == _fixture_facts()


def test_tree_sitter_is_imported_only_for_go_files() -> None:
    code = "import sys, molecule_lint.analysis; print('tree_sitter' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def _strings(value: object, where: str = "") -> Iterator[tuple[str, str]]:
    """Every text in facts, with the field holding it."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, tuple):
        for item in value:
            yield from _strings(item, where)
    elif isinstance(value, Compact):
        for name in type(value).__slots__:
            yield from _strings(getattr(value, name), f"{type(value).__name__}.{name}")


def test_names_and_qualified_names_are_one_object_each() -> None:
    result = analyze(
        """
        package billing

        func Charge(ctx context.Context, pool *pgxpool.Pool, org string) error {
            rows, err := pool.Query(ctx, org)
            _ = fmt.Sprint(rows, err)
            return err
        }

        func Refund(ctx context.Context, pool *pgxpool.Pool, org string) error {
            rows, err := pool.Query(ctx, org)
            _ = fmt.Sprint(rows, err)
            return err
        }
        """,
        imports=True,
    )
    first: dict[str, str] = {}
    copies = [(where, text) for where, text in _strings(result.facts) if first.setdefault(text, text) is not text]
    assert copies == []
    assert any(where == "Use.target" and text == "fmt.Sprint" for where, text in _strings(result.facts))
