"""MOL202 through a helper that runs a callback per org (`for_each_org(conn, collect_usage)`): the
callback is the loop body, reported where the platform hands it over."""

from __future__ import annotations

from typing import Any

from test_aggregation import CONFIG, found

HELPERS = """\
    def memories(conn, org_id):
        return conn.execute("SELECT * FROM agent_memories WHERE org_id = %s", (org_id,)).all()


    def provision(conn, org_id):
        conn.execute("INSERT INTO dns_records (org_id) VALUES (%s)", (org_id,))


    def for_each_org(conn, fn):
        results = []
        for org in conn.execute("SELECT id FROM orgs").all():
            results.append(fn(conn, org))
        return results
"""


def job(body: str) -> dict[str, str]:
    return {
        "common/__init__.py": "",
        "common/store.py": HELPERS,
        "controlplane/__init__.py": "",
        "controlplane/jobs.py": f"""\
            from common.store import for_each_org, memories, provision


            def collect_usage(conn, org):
                return len(memories(conn, org))


            def dns(conn, org):
                provision(conn, org)


            def run(conn):
                {body}
        """,
    }


def test_a_callback_reaching_tenant_data_is_the_loop_body(project: Any) -> None:
    result = project(job("return for_each_org(conn, collect_usage)"), CONFIG)
    assert found(result, "MOL202") == [("MOL202", "controlplane/jobs.py", 13)]
    finding = next(f for f in result.findings if f.rule == "MOL202")
    assert "runs `collect_usage` per org through `for_each_org`" in finding.message
    assert [(hop.path, hop.line) for hop in finding.trace][:3] == [
        ("controlplane/jobs.py", 13), ("common/store.py", 11), ("controlplane/jobs.py", 5)
    ]


def test_the_callback_by_keyword(project: Any) -> None:
    result = project(job("return for_each_org(conn, fn=collect_usage)"), CONFIG)
    assert found(result, "MOL202") == [("MOL202", "controlplane/jobs.py", 13)]


def test_a_callback_that_only_provisions_dns_is_silent(project: Any) -> None:
    assert found(project(job("return for_each_org(conn, dns)"), CONFIG), "MOL202") == []


def test_tenant_code_running_the_helper_is_not_checked(project: Any) -> None:
    files = job("return for_each_org(conn, collect_usage)")
    files["workspace_server/jobs.py"] = files.pop("controlplane/jobs.py")
    assert found(project(files, CONFIG), "MOL202") == []


def test_a_loop_over_rows_of_the_orgs_table_by_where_they_come_from(project: Any) -> None:
    files = job("rows = conn.execute('SELECT id FROM orgs').all()\n                return [memories(conn, r) for r in rows]")
    result = project(files, CONFIG)
    assert found(result, "MOL202") == [("MOL202", "controlplane/jobs.py", 14)]
    assert "SELECT id FROM orgs" in next(f.message for f in result.findings if f.rule == "MOL202")


def test_a_loop_over_rows_of_another_table_is_not_over_orgs(project: Any) -> None:
    files = job("rows = conn.execute('SELECT id FROM jobs').all()\n                return [memories(conn, r) for r in rows]")
    assert found(project(files, CONFIG), "MOL202") == []


def test_rows_of_one_org_are_not_a_loop_over_orgs(project: Any) -> None:
    files = job(
        "rows = conn.execute('SELECT id FROM jobs WHERE org_id = %s', (org,)).all()\n"
        "                return [memories(conn, r) for r in rows]"
    )
    files["controlplane/jobs.py"] = files["controlplane/jobs.py"].replace("def run(conn):", "def run(conn, org):")
    assert found(project(files, CONFIG), "MOL202") == []
