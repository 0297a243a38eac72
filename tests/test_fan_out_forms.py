"""MOL202 in the forms the core decides from the summaries: an iterable that comes from orgs through a
function whose name says nothing of them, Celery fan-out per org, Go goroutines with a shared
accumulator; and the traps that stay silent."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from test_aggregation import CONFIG, found

READERS = {
    "common/__init__.py": "",
    "common/memory.py": """\
        def recent(conn, org_id):
            return conn.execute("SELECT body FROM agent_memories WHERE org_id = %s", (org_id,)).all()
    """,
    "controlplane/__init__.py": "",
}


def jobs(source: str, **more: str) -> dict[str, str]:
    return READERS | {"controlplane/jobs.py": source} | more


@pytest.mark.parametrize(
    "active",
    [
        'def active(conn):\n    return conn.execute("SELECT id FROM orgs WHERE active").all()\n',
        'def active(conn):\n    rows = conn.execute("SELECT id FROM organizations").all()\n    return rows\n',
        # two calls deep, through a helper of another module
        'from controlplane.store import enabled\n\ndef active(conn):\n    return enabled(conn)\n',
    ],
)
def test_an_iterable_from_a_function_whose_body_queries_the_orgs_table(project: Any, active: str) -> None:
    files = jobs(
        "from common.memory import recent\nfrom controlplane.source import active\n\n"
        "def digest(conn):\n    return [recent(conn, row.id) for row in active(conn)]\n",
        **{
            "controlplane/source.py": active,
            "controlplane/store.py": 'def enabled(conn):\n    return conn.execute("SELECT id FROM tenants").all()\n',
        },
    )
    result = project(files, CONFIG)
    assert found(result, "MOL202") == [("MOL202", "controlplane/jobs.py", 5)]
    assert "active(...)" in next(f.message for f in result.findings if f.rule == "MOL202")


def test_a_variable_holding_what_such_a_function_returns(project: Any) -> None:
    files = jobs(
        "from common.memory import recent\nfrom controlplane.source import active\n\n"
        "def digest(conn):\n    rows = active(conn)\n    out = []\n    for row in rows:\n"
        "        out.append(recent(conn, row.id))\n    return out\n",
        **{"controlplane/source.py": 'def active(conn):\n    return conn.execute("SELECT id FROM orgs").all()\n'},
    )
    assert found(project(files, CONFIG), "MOL202") == [("MOL202", "controlplane/jobs.py", 7)]


def test_a_function_returning_rows_of_another_table_is_no_source_of_orgs(project: Any) -> None:
    files = jobs(
        "from common.memory import recent\nfrom controlplane.source import invoices\n\n"
        "def digest(conn):\n    return [recent(conn, row.id) for row in invoices(conn)]\n",
        **{"controlplane/source.py": 'def invoices(conn):\n    return conn.execute("SELECT id FROM invoices").all()\n'},
    )
    assert found(project(files, CONFIG), "MOL202") == []


CELERY_TASK = (
    "from celery import shared_task\n\nfrom common.memory import recent\n\n\n"
    "@shared_task\ndef digest_org(org_id):\n    return len(recent(None, org_id))\n"
)


@pytest.mark.parametrize(
    "fan_out",
    [
        "group(digest_org.s(org.id) for org in orgs)()",
        "chord([digest_org.s(org.id) for org in orgs])(summarise.s())",
        "results = [digest_org.delay(org.id) for org in orgs]",
        "results = []\n    for org in orgs:\n        results.append(digest_org.apply_async((org.id,)))",
    ],
)
def test_celery_fan_out_per_org_that_gathers_the_results(project: Any, fan_out: str) -> None:
    files = jobs(
        "from celery import chord, group\n\nfrom controlplane.tasks import digest_org, summarise\n\n"
        f"def nightly(orgs):\n    {fan_out}\n",
        **{"controlplane/tasks.py": CELERY_TASK + "\n\n@shared_task\ndef summarise(results):\n    return sum(results)\n"},
    )
    assert [rule for rule, _, _ in found(project(files, CONFIG), "MOL202")] == ["MOL202"]


@pytest.mark.parametrize(
    "fan_out",
    [
        "futures = count_org.map(orgs)\n    return sum(f.result() for f in futures)",  # Prefect
        "return group_results(tasks.count_org.map([o.id for o in orgs]))",  # Celery's map, the task by module
    ],
)
def test_a_task_mapped_over_the_orgs(project: Any, fan_out: str) -> None:
    files = jobs(
        "from controlplane import tasks\nfrom controlplane.tasks import count_org, group_results\n\n"
        f"def nightly(orgs):\n    {fan_out}\n\n"
        "def labels(orgs, frame):\n    return frame['plan'].map(orgs)\n",  # a pandas Series mapped by a lookup
        **{"controlplane/tasks.py": CELERY_TASK.replace("digest_org", "count_org") + "\n\ndef group_results(r):\n    return r\n"},
    )
    assert found(project(files, CONFIG), "MOL202") == [("MOL202", "controlplane/jobs.py", 5)]


AIRFLOW_DAG = """\
from airflow.decorators import dag, task
from common.memory import recent

@dag()
def nightly(orgs):
    @task
    def active():
        return []
    @task
    def digest(org_id, conn_id=None):
        return len(recent(None, org_id))
    @task
    def quota(org_id):
        return 0
    @task
    def total(counts):
        return sum(counts)
    MAPPED
"""


@pytest.mark.parametrize(
    ("mapped", "fan_out"),
    [
        ("return total(digest.expand(org_id=active()))", True),
        ("counts = digest.partial(conn_id='replica').expand(tenant=[o.slug for o in orgs])\n    return counts", True),
        ("return total(quota.expand(org_id=active()))", False),  # each run reads a platform table
        ("digest.expand(org_id=active())", False),  # the results are kept by no one
    ],
)
def test_an_airflow_task_mapped_over_the_orgs(project: Any, mapped: str, fan_out: bool) -> None:
    """Airflow's dynamic task mapping runs the task once per item of the keyword's value."""
    files = jobs(AIRFLOW_DAG.replace("MAPPED", mapped))
    assert found(project(files, CONFIG), "MOL202") == ([("MOL202", "controlplane/jobs.py", 18)] if fan_out else [])


@pytest.mark.parametrize(
    "loop",
    [
        'return [tuple(r) for r in conn.execute("SELECT org_id AS org, count(*) FROM agent_memories GROUP BY 1")]',
        'return sum(len(row) for row in cur.execute(f"SELECT body FROM agent_memories WHERE org_id = {org}"))',
    ],
)
def test_a_one_line_loop_over_the_rows_of_a_tenant_query_reads_it_once(project: Any, loop: str) -> None:
    """The query a comprehension iterates runs before its first iteration: no fan-out (MOL101 is its finding)."""
    files = jobs(f"def rows(conn, cur, org):\n    {loop}\n")
    assert found(project(files, CONFIG), "MOL202") == []
    assert found(project(files, CONFIG), "MOL101") == [("MOL101", "controlplane/jobs.py", 2)]


def test_fire_and_forget_jobs_per_org_are_silent(project: Any) -> None:
    """One task per org that keeps nothing gathers nothing across orgs (its own read is MOL101 in the task);
    nor does a loop that only asks each tenant's own host, by HTTP, to run a job of its own."""
    files = jobs(
        "import httpx\n\nfrom controlplane.tasks import digest_org\n\n"
        "def nightly(orgs):\n    for org in orgs:\n        digest_org.delay(org.id)\n\n"
        "def kick(orgs):\n    for org in orgs:\n        httpx.post(f'https://{org.host}/internal/jobs/reindex')\n",
        **{"controlplane/tasks.py": CELERY_TASK},
    )
    assert found(project(files, CONFIG), "MOL202") == []


GO_DB = """\
    package db

    import "database/sql"

    func Count(conn *sql.DB, org string) int {
    \tvar n int
    \tconn.QueryRow("SELECT count(*) FROM agent_memories WHERE org_id = $1", org).Scan(&n)
    \treturn n
    }

    func Active(conn *sql.DB) []string {
    \trows, _ := conn.Query("SELECT id FROM orgs")
    \treturn scan(rows)
    }
"""


@pytest.mark.parametrize(
    "loop",
    [
        # errgroup: each goroutine writes the shared map under a mutex
        "\tg, _ := errgroup.WithContext(ctx)\n\tfor _, org := range orgs {\n\t\torg := org\n"
        "\t\tg.Go(func() error {\n\t\t\tn := db.Count(conn, org)\n\t\t\tmu.Lock()\n\t\t\tout[org] = n\n"
        "\t\t\tmu.Unlock()\n\t\t\treturn nil\n\t\t})\n\t}\n\t_ = g.Wait()\n",
        # sync.WaitGroup and a goroutine per org summing into a shared total
        "\tvar wg sync.WaitGroup\n\tfor _, org := range orgs {\n\t\twg.Add(1)\n"
        "\t\tgo func(o string) {\n\t\t\tdefer wg.Done()\n\t\t\tmu.Lock()\n\t\t\ttotal += db.Count(conn, o)\n"
        "\t\t\tmu.Unlock()\n\t\t}(org)\n\t}\n\twg.Wait()\n",
        # the iterable from a function whose name says nothing of orgs, but whose body queries them
        "\tfor _, id := range db.Active(conn) {\n\t\tout[id] = db.Count(conn, id)\n\t}\n",
        # a worker pool: the workers range over a channel of orgs the loop over orgs feeds
        "\tjobs := make(chan string)\n\tfor i := 0; i < 4; i++ {\n\t\tgo func() {\n\t\t\tfor org := range jobs {\n"
        "\t\t\t\tmu.Lock()\n\t\t\t\tout[org] = db.Count(conn, org)\n\t\t\t\tmu.Unlock()\n\t\t\t}\n\t\t}()\n\t}\n"
        "\tfor _, org := range orgs {\n\t\tjobs <- org\n\t}\n\tclose(jobs)\n",
    ],
)
def test_go_goroutines_and_errgroup_with_a_shared_accumulator(project: Any, loop: str) -> None:
    files = {
        "go.mod": "module example.com/mono\n",
        "common/db/db.go": GO_DB,
        "controlplane/fleet/fleet.go": (
            'package fleet\n\nimport (\n\t"context"\n\t"database/sql"\n\t"sync"\n\n'
            '\t"example.com/mono/common/db"\n\t"golang.org/x/sync/errgroup"\n)\n\n'
            "func Totals(ctx context.Context, conn *sql.DB, orgs []string) map[string]int {\n"
            "\tvar mu sync.Mutex\n\tout := map[string]int{}\n\ttotal := 0\n" + loop + "\treturn out\n}\n"
        ),
    }
    assert [rule for rule, _, _ in found(project(files, CONFIG), "MOL202")] == ["MOL202"]


def test_go_loops_that_keep_nothing_or_read_only_platform_tables_are_silent(project: Any) -> None:
    files = {
        "go.mod": "module example.com/mono\n",
        "common/db/db.go": GO_DB,
        "controlplane/fleet/fleet.go": (
            'package fleet\n\nimport (\n\t"database/sql"\n\n\t"example.com/mono/common/db"\n)\n\n'
            "func Purge(conn *sql.DB, orgs []string) {\n\tfor _, org := range orgs {\n\t\tgo db.Count(conn, org)\n\t}\n}\n\n"
            "func Bill(conn *sql.DB, orgs []string) map[string]int {\n\tout := map[string]int{}\n"
            "\tfor _, org := range orgs {\n\t\tvar n int\n"
            '\t\tconn.QueryRow("SELECT sum(amount) FROM invoices WHERE org_id = $1", org).Scan(&n)\n'
            "\t\tout[org] = n\n\t}\n\treturn out\n}\n"
        ),
    }
    assert found(project(files, CONFIG), "MOL202") == []


@pytest.mark.parametrize(
    "helper, fan_out",
    [
        ("\tcounts := lo.Map(orgs, func(org string, _ int) int { return db.Count(conn, org) })\n", True),
        ("\tlop.ForEach(orgs, func(id string, _ int) {\n\t\tmu.Lock()\n\t\tout[id] = db.Count(conn, id)\n"
         "\t\tmu.Unlock()\n\t})\n", True),
        ("\tlop.ForEach(orgs, func(id string, _ int) { db.Count(conn, id) })\n", False),  # keeps nothing
        ("\tnames := lo.Map(orgs, func(org string, _ int) string { return strings.ToUpper(org) })\n", False),
    ],
)
def test_samber_lo_helpers_run_their_func_literal_per_item(project: Any, helper: str, fan_out: bool) -> None:
    """`lo.Map(orgs, func(o T, _ int) R {...})` (lo/parallel's too) is a loop over its first argument whose
    body is the func literal: a Map gathers what each call returns; a ForEach keeps what its body keeps."""
    files = {
        "go.mod": "module example.com/mono\n",
        "common/db/db.go": GO_DB,
        "controlplane/fleet/fleet.go": (
            'package fleet\n\nimport (\n\t"database/sql"\n\t"strings"\n\t"sync"\n\n'
            '\t"example.com/mono/common/db"\n\t"github.com/samber/lo"\n\tlop "github.com/samber/lo/parallel"\n)\n\n'
            "func Totals(conn *sql.DB, orgs []string) map[string]int {\n"
            "\tvar mu sync.Mutex\n\tout := map[string]int{}\n" + helper + "\treturn out\n}\n"
        ),
    }
    assert [line for _, _, line in found(project(files, CONFIG), "MOL202")] == ([16] if fan_out else [])


GO_SHARD = """\
    package shard

    import "database/sql"

    type Shard struct{ conn *sql.DB }

    func Dial(dsn string) (*Shard, error) {
    \tconn, err := sql.Open("postgres", dsn)
    \treturn &Shard{conn: conn}, err
    }

    func (s *Shard) Alive() bool { return s.conn.Ping() == nil }

    func (s *Shard) Memories(org string) int {
    \tvar n int
    \ts.conn.QueryRow("SELECT count(*) FROM agent_memories WHERE org_id = $1", org).Scan(&n)
    \treturn n
    }
"""


@pytest.mark.parametrize("method, fan_out", [("Alive()", False), ("Memories(t.ID)", True)])
def test_a_go_loop_calling_a_method_of_an_instance_made_with_its_error_reaches_only_that_method(
    project: Any, method: str, fan_out: bool
) -> None:
    """`s, err := shard.Dial(dsn)` binds the first result: the constructor only makes the receiver, so a
    loop calling its harmless method reads nothing of what its other methods read."""
    files = {
        "go.mod": "module example.com/mono\n",
        "common/shard/shard.go": GO_SHARD,
        "controlplane/sweep/sweep.go": (
            'package sweep\n\nimport "example.com/mono/common/shard"\n\n'
            "type Tenant struct{ ID, DSN string }\n\n"
            "func Sweep(tenants []Tenant) map[string]interface{} {\n\tseen := map[string]interface{}{}\n"
            "\tfor _, t := range tenants {\n\t\ts, err := shard.Dial(t.DSN)\n\t\tif err != nil {\n\t\t\tcontinue\n\t\t}\n"
            f"\t\tseen[t.ID] = s.{method}\n\t}}\n\treturn seen\n}}\n"
        ),
    }
    expected = [("MOL202", "controlplane/sweep/sweep.go", 9)] if fan_out else []
    assert found(project(files, CONFIG), "MOL202") == expected


TEMPORAL = """\
    package usage

    import (
    \t"context"
    \t"database/sql"
    \t"time"

    \t"go.temporal.io/sdk/workflow"
    )

    type Acts struct{ DB *sql.DB }

    func (x *Acts) Memories(ctx context.Context, org string) (int, error) {
    \tvar n int
    \terr := x.DB.QueryRowContext(ctx, "SELECT count(*) FROM agent_memories WHERE org_id = $1", org).Scan(&n)
    \treturn n, err
    }

    func (x *Acts) Seats(ctx context.Context, org string) (int, error) {
    \tvar n int
    \terr := x.DB.QueryRowContext(ctx, "SELECT seats FROM billing_accounts WHERE org_id = $1", org).Scan(&n)
    \treturn n, err
    }

    var acts *Acts

    func opts(ctx workflow.Context) workflow.Context {
    \treturn workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
    }

    func MemoryTotal(ctx workflow.Context, tenants []string) (int, error) {
    \tctx = opts(ctx)
    \ttotal := 0
    \tfor _, t := range tenants {
    \t\tvar n int
    \t\tif err := workflow.ExecuteActivity(ctx, acts.Memories, t).Get(ctx, &n); err != nil {
    \t\t\treturn 0, err
    \t\t}
    \t\ttotal += n
    \t}
    \treturn total, nil
    }

    func MemoryFutures(ctx workflow.Context, orgIDs []string) []workflow.Future {
    \tvar fs []workflow.Future
    \tfor _, id := range orgIDs {
    \t\tfs = append(fs, workflow.ExecuteActivity(opts(ctx), (&Acts{}).Memories, id))
    \t}
    \treturn fs
    }

    func SeatTotal(ctx workflow.Context, tenants []string) (int, error) {
    \ttotal := 0
    \tfor _, t := range tenants {
    \t\tvar n int
    \t\tif err := workflow.ExecuteActivity(opts(ctx), acts.Seats, t).Get(ctx, &n); err != nil {
    \t\t\treturn 0, err
    \t\t}
    \t\ttotal += n
    \t}
    \treturn total, nil
    }
"""


def test_a_temporal_workflow_running_an_activity_per_org(project: Any) -> None:
    """`workflow.ExecuteActivity(ctx, acts.Memories, org)` in a loop over orgs runs the activity per org:
    MOL202 at the loop when the activity reads tenant data and the loop keeps what it gets (a sum, the
    futures); an activity reading the platform's billing table stays silent."""
    files = {"go.mod": "module example.com/mono\n", "controlplane/usage/usage.go": TEMPORAL}
    assert found(project(files, CONFIG), "MOL202") == [
        ("MOL202", "controlplane/usage/usage.go", 34),
        ("MOL202", "controlplane/usage/usage.go", 46),
    ]


SCORING = """\
    from common.memory import recent

    WEIGHT = 3
    BASELINE = recent(None, "template")
    THRESHOLD = BASELINE


    def score(org):
        return org.seats * WEIGHT


    def risk(org):
        return org.seats > THRESHOLD
"""


def test_a_module_level_binding_is_its_own_reachability_unit(project: Any) -> None:
    """`score` reads WEIGHT, a constant: the module also calls a tenant reader at import time, but only
    for BASELINE, which `risk` reads through THRESHOLD."""
    files = jobs(
        "from controlplane.scoring import risk, score\n\n"
        "def ranks(orgs):\n    return sum(score(org) for org in orgs)\n\n"
        "def risks(orgs):\n    return [risk(org) for org in orgs]\n",
        **{"controlplane/scoring.py": SCORING},
    )
    result = project(files, CONFIG)
    assert found(result, "MOL202") == [("MOL202", "controlplane/jobs.py", 7)]
    finding = next(f for f in result.findings if f.rule == "MOL202")
    assert [hop.line for hop in finding.trace if hop.path == "controlplane/scoring.py"] == [13, 5, 4]


@pytest.mark.parametrize(
    "inner",
    [
        "for ws in org.workspaces.all():\n            out.append(recent(conn, ws.id))",
        "for ws in Workspace.objects.filter(org=org):\n            out.append(recent(conn, ws.id))",
        # through a local assigned from the org
        "org_workspaces = workspaces[org.id]\n        for ws in org_workspaces:\n"
        "            out.append(recent(conn, ws))",
    ],
)
def test_a_loop_over_one_orgs_items_inside_the_loop_over_orgs_is_not_another_fan_out(
    project: Any, inner: str
) -> None:
    files = jobs(
        "from common.memory import recent\nfrom common.models import Workspace\n\n"
        f"def digest(conn, orgs, workspaces):\n    out = []\n    for org in orgs:\n        {inner}\n    return out\n",
        **{"common/models.py": "class Workspace:\n    pass\n"},
    )
    assert found(project(files, CONFIG), "MOL202") == [("MOL202", "controlplane/jobs.py", 6)]


CLIENT = """\
    from common.memory import recent


    class Store:
        def __init__(self, host):
            self.host = host

        def memories(self, org_id):
            return recent(None, org_id)

        def ping(self):
            return self.host

        def digest(self, org_id):
            return self._rows(org_id)

        def _rows(self, org_id):
            return recent(None, org_id)
"""


@pytest.mark.parametrize(
    "loop, line",
    [
        ("return {org.id: Store(org.host).memories(org.id) for org in orgs}", 5),
        ("out = {}\n    for org in orgs:\n        client = Store(org.host)\n"
         "        out[org.id] = client.memories(org.id)\n    return out", 6),
        ("return await asyncio.gather(*(store.memories(org.id) for org in orgs))", 5),
        # through another method of the class
        ("return {org.id: Store(org.host).digest(org.id) for org in orgs}", 5),
    ],
)  # fmt: skip
def test_a_loop_calling_a_method_reaches_what_that_method_reads(project: Any, loop: str, line: int) -> None:
    files = jobs(
        "import asyncio\n\nfrom common.client import Store\n"
        f"async def digest(orgs, store: Store):\n    {loop}\n",
        **{"common/client.py": CLIENT},
    )
    assert found(project(files, CONFIG), "MOL202") == [("MOL202", "controlplane/jobs.py", line)]


@pytest.mark.parametrize(
    "loop",
    [
        "return {org.id: Store(org.host).ping() for org in orgs}",
        "out = {}\n    for org in orgs:\n        client = Store(org.host)\n"
        "        out[org.id] = client.ping()\n    return out",
        "return await asyncio.gather(*(store.ping() for org in orgs))",
    ],
)
def test_a_loop_calling_only_a_harmless_method_of_a_client_that_reads_tenant_data_elsewhere_is_silent(
    project: Any, loop: str
) -> None:
    files = jobs(
        "import asyncio\n\nfrom common.client import Store\n"
        f"async def digest(orgs, store: Store):\n    {loop}\n",
        **{"common/client.py": CLIENT},
    )
    assert found(project(files, CONFIG), "MOL202") == []


@pytest.mark.parametrize(
    "run, line",
    [
        ("with ThreadPoolExecutor() as pool:\n        return list(pool.map(count, orgs))", 13),
        ("with ThreadPoolExecutor() as pool:\n        futures = [pool.submit(count, org) for org in orgs]\n"
         "        return [f.result() for f in as_completed(futures)]", 13),
        ("futures = []\n    with ThreadPoolExecutor() as pool:\n        for org in orgs:\n"
         "            futures.append(pool.submit(count, org))\n    return [f.result() for f in futures]", 14),
    ],
)  # fmt: skip
def test_a_function_nested_in_the_caller_run_per_org_is_the_loop_body(project: Any, run: str, line: int) -> None:
    files = jobs(
        "from concurrent.futures import ThreadPoolExecutor, as_completed\n\n\n"
        "from common.memory import recent\n\n\ndef digest(conn, orgs, totals):\n"
        "    def count(org):\n        totals[org.id] = len(recent(conn, org.id))\n        return totals[org.id]\n\n"
        f"    {run}\n"
    )
    assert found(project(files, CONFIG), "MOL202") == [("MOL202", "controlplane/jobs.py", line)]


def test_a_nested_function_that_reads_no_tenant_data_run_per_org_is_silent(project: Any) -> None:
    files = jobs(
        "from concurrent.futures import ThreadPoolExecutor\n\n\n"
        "def probe(orgs, client):\n    def ping(org):\n        return client.ping(org.host)\n\n"
        "    with ThreadPoolExecutor() as pool:\n        return list(pool.map(ping, orgs))\n"
    )
    assert found(project(files, CONFIG), "MOL202") == []


@pytest.mark.parametrize(
    "keep",
    [
        "results[org.id] = len(recent(conn, org.id))",
        "results.append(len(recent(conn, org.id)))",
        "nonlocal total; total += len(recent(conn, org.id))",
    ],
)
def test_a_task_group_starting_a_nested_function_that_gathers_per_org(project: Any, keep: str) -> None:
    files = jobs(
        "import anyio\n\nfrom common.memory import recent\n\n\nasync def digest(conn, orgs):\n"
        "    results, total = [], 0\n\n    async def one(org):\n"
        f"        {keep}\n\n    async with anyio.create_task_group() as tg:\n        for org in orgs:\n"
        "            tg.start_soon(one, org)\n    return results, total\n"
    )
    assert found(project(files, CONFIG), "MOL202") == [("MOL202", "controlplane/jobs.py", 13)]


def test_a_task_group_starting_a_nested_function_that_keeps_nothing_is_silent(project: Any) -> None:
    files = jobs(
        "import anyio\n\nfrom common.memory import recent\n\n\nasync def purge(conn, orgs):\n"
        "    async def one(org):\n        rows = recent(conn, org.id)\n        rows.append(None)\n\n"
        "    async with anyio.create_task_group() as tg:\n        for org in orgs:\n"
        "            tg.start_soon(one, org)\n"
    )
    assert found(project(files, CONFIG), "MOL202") == []


@pytest.mark.parametrize(
    ("loop", "fan_out"),
    [
        # one organisation's own items: its related manager, a parameter's attribute
        ("organisation = Organisation.objects.get(pk=org_pk)\n    for p in organisation.projects.all():", False),
        ("for p in org.projects.filter(active=True):", False),
        # every organisation: the model's manager, a plural
        ("for p in Organisation.objects.all():", True),
        ("for p in orgs.values():", True),
    ],
)
def test_a_collection_one_org_holds_is_no_fan_out(project: Any, loop: str, fan_out: bool) -> None:
    source = (
        "from common.memory import recent\nfrom common.models import Organisation\n\n"
        f"def report(conn, org, orgs, org_pk):\n    out = []\n    {loop}\n        out.append(recent(conn, p.id))\n"
        "    return out\n"
    )
    line = next(n for n, text in enumerate(source.splitlines(), 1) if text.lstrip().startswith("for "))
    files = jobs(source, **{"common/models.py": "class Organisation:\n    pass\n"})
    assert found(project(files, CONFIG), "MOL202") == ([("MOL202", "controlplane/jobs.py", line)] if fan_out else [])


# A module whose body reaches tenant data (it imports a module that queries on import), with names bound in it.
BOUND = {
    "controlplane/labels.py": """\
        from common.memory import recent
        from workspace_server import store

        LABELS: dict[str, str] = {"a": "A"}
        KINDS = ("a", "b")


        class Reader:
            def get(self, org_id):
                return recent(None, org_id)


        READER = Reader()
    """,
    "workspace_server/__init__.py": "",
    "workspace_server/store.py": 'ROWS = db.execute("SELECT body FROM agent_memories").all()\n',
}


@pytest.mark.parametrize(
    ("use", "expected"),
    [
        # a method of a module-level constant runs on the bound value, not the module body
        ("LABELS.get(org.kind)", []),
        ("KINDS.index(org.kind)", []),
        # look-alikes: a module-level object whose class reads tenant data, the module's own function
        ("READER.get(org.id)", [("MOL202", "controlplane/jobs.py", 5)]),
        ("Reader().get(org.id)", [("MOL202", "controlplane/jobs.py", 5)]),
    ],
)
def test_a_method_of_a_module_level_binding_reaches_what_the_binding_holds(
    project: Any, use: str, expected: list[tuple[str, str, int]]
) -> None:
    name = use.split(".")[0].removesuffix("()")
    files = jobs(
        f"from controlplane.labels import {name}\n\n"
        f"def digest(orgs):\n    out = []\n    for org in orgs:\n        out.append({use})\n    return out\n",
        **BOUND,
    )
    assert found(project(files, CONFIG), "MOL202") == expected


def test_a_loop_that_reaches_tenant_code_but_no_tenant_data_is_no_fan_out(project: Any) -> None:
    """MOL202 is about reading tenant data per org: a helper that compares with a tenant module's enum
    member or calls its pure functions reads none (importing them is MOL104's business)."""
    files = {
        "tenant/__init__.py": "",
        "tenant/status.py": (
            "import enum\n\n\nclass Tier(enum.Enum):\n    GOLD = 'gold'\n\n\n"
            "def label(org):\n    return org.name.title()\n"
        ),
        "common/__init__.py": "",
        "common/fmt.py": (
            "from tenant.status import Tier, label\n\n\n"
            "def describe(org):\n    return label(org) if org.tier == Tier.GOLD else org.name\n"
        ),
        "controlplane/__init__.py": "",
        "controlplane/jobs.py": (
            "from common.fmt import describe\n\n\ndef names(orgs):\n    out = []\n    for org in orgs:\n"
            "        out.append(describe(org))\n    return out\n"
        ),
    }
    config = CONFIG | {"services": [*CONFIG["services"], {"name": "ws", "plane": "tenant", "paths": ["tenant/"]}]}
    result = project(files, config)
    assert found(result, "MOL202") == []
    assert ("MOL104", "controlplane/jobs.py", 1) in {(f.rule, f.path, f.loc.line) for f in result.findings}


@pytest.mark.parametrize(
    ("loop", "line"),
    [
        ("for row in Snippet.all(org=self.current_org):", None),  # given one org: its rows
        ("for row in list_rows(conn, org_id):", None),
        ("for row in Snippet.all(org=self.current_org).filter(tenant=tenant):", None),
        ("for row in list_rows(conn, org_ids):", 8),  # several orgs' rows
        ("for row in Org.query.filter(Org.parent == org):", 8),  # the iterable itself names orgs
        ("for org in Snippet.all(org=self.current_org):", 8),  # so does its variable
        ('for row in cache.scan_iter(match=f"ws:{org_id}:session:*"):', None),  # a text built of one org's id
        ('for row in list_rows(conn, f"ids:{org_ids}"):', 8),  # of several
    ],
)
def test_an_iterable_given_one_org_holds_that_orgs_rows(project: Any, loop: str, line: int | None) -> None:
    files = jobs(
        "from common.memory import recent\nfrom controlplane.source import Org, Snippet, list_rows\n\n\n"
        "class Digest:\n    def run(self, conn, org_id, org_ids, tenant, cache):\n"
        f"        out = []\n        {loop}\n            out.append(recent(conn, row.id))\n        return out\n",
        **{"controlplane/source.py": "Org = Snippet = object()\n\n\ndef list_rows(conn, ids):\n    return []\n"},
    )
    expected = [("MOL202", "controlplane/jobs.py", line)] if line else []
    assert found(project(files, CONFIG), "MOL202") == expected


@pytest.mark.parametrize(
    ("made", "start"),
    [
        ("gathered = {}", "tg.start_soon(one, conn, org, gathered)"),
        ("gathered = []", "pool.submit(one, conn, org, gathered)"),
    ],
)
def test_a_task_started_per_org_with_an_empty_collection_to_fill(project: Any, made: str, start: str) -> None:
    """A function of the module started per org (`tg.start_soon(fn, ..., acc)`), handed a collection made
    empty before the loop: each run fills it."""
    files = jobs(
        "import anyio\n\nfrom common.memory import recent\n\n\nasync def one(conn, org, sink):\n"
        "    sink.append(len(recent(conn, org.id)))\n\n\n"
        f"async def digest(conn, orgs, pool):\n    {made}\n    async with anyio.create_task_group() as tg:\n"
        f"        for org in orgs:\n            {start}\n    return gathered\n"
    )
    assert found(project(files, CONFIG), "MOL202") == [("MOL202", "controlplane/jobs.py", 13)]


def test_a_task_started_per_org_with_settings_to_read_is_silent(project: Any) -> None:
    files = jobs(
        "import anyio\n\nfrom common.memory import recent\n\n\nasync def one(conn, org, limits):\n"
        "    recent(conn, org.id)[: limits['max']]\n\n\n"
        "async def purge(conn, orgs):\n    limits = {'max': 5}\n    async with anyio.create_task_group() as tg:\n"
        "        for org in orgs:\n            tg.start_soon(one, conn, org, limits)\n"
    )
    assert found(project(files, CONFIG), "MOL202") == []
def test_a_reader_an_injector_fills_is_an_instance_of_its_declared_type(project: Any) -> None:
    """`reader: MemoryReader = Depends(get_reader)` (FastAPI) or `= Provide["reader"]` (dependency-injector):
    the default is the injector's marker, the function gets a MemoryReader; its quota lookup stays silent."""
    reader = """\
        class MemoryReader:
            def recent(self, conn, org_id):
                return conn.execute("SELECT body FROM agent_memories WHERE org_id = %s", (org_id,)).all()
            def quota(self, conn, org_id):
                return conn.execute("SELECT plan FROM orgs WHERE id = %s", (org_id,)).one()
    """
    source = """\
        from dependency_injector.wiring import Provide, inject
        from fastapi import Depends
        from common.reader import MemoryReader
        def get_reader() -> MemoryReader:
            return MemoryReader()
        def digest(conn, orgs, reader: MemoryReader = Depends(get_reader)):
            return [reader.recent(conn, org.id) for org in orgs]
        @inject
        def sweep(conn, orgs, reader: MemoryReader = Provide["reader"]):
            return [reader.recent(conn, org.id) for org in orgs]
        def plans(conn, orgs, reader: MemoryReader = Depends(get_reader)):
            return [reader.quota(conn, org.id) for org in orgs]
    """
    files = jobs(textwrap.dedent(source), **{"common/reader.py": textwrap.dedent(reader)})
    assert found(project(files, CONFIG), "MOL202") == [
        ("MOL202", "controlplane/jobs.py", 7),
        ("MOL202", "controlplane/jobs.py", 10),
    ]
