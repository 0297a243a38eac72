"""SQL files code reads at run time: the path is resolved by the core and the file read inside the project
only (bounded, regular files); a missing file, or one outside the project, is a hole."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint, write_project

from molecule_lint.core import values

CONFIG = {
    "services": [{"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]}],
    "tenant_data": {"tables": ["agent_memories"]},
    "platform_data": {"tables": ["orgs"]},
}
SQL_FILES = {
    "controlplane/__init__.py": "",
    "controlplane/queries/__init__.py": "",
    "controlplane/sql/memories.sql": "SELECT content FROM agent_memories WHERE workspace_id = %s\n",
    "controlplane/queries/memories.sql": "SELECT content FROM agent_memories WHERE workspace_id = %s\n",
    "controlplane/sql/orgs.sql": "SELECT id FROM orgs\n",
}


def reads(root: Path) -> list[tuple[int, str]]:
    """(line, last hop's note) of the MOL101 findings in controlplane/job.*."""
    result = lint(root)
    return sorted((f.loc.line, f.trace[-1].note) for f in result.findings if f.rule == "MOL101")


RUNTIME = "file read at run time: controlplane/{}/memories.sql"


@pytest.mark.parametrize(
    ("read", "folder"),
    [
        ('(Path(__file__).parent / "sql" / "memories.sql").read_text()', "sql"),
        ('open(os.path.join(os.path.dirname(__file__), "sql", "memories.sql")).read()', "sql"),
        ('Path(os.path.abspath(__file__)).parent.joinpath("sql/memories.sql").read_bytes().decode()', "sql"),
        ('resources.files("controlplane.queries").joinpath("memories.sql").read_text()', "queries"),
        ('pkgutil.get_data("controlplane.queries", "memories.sql").decode()', "queries"),
        ('pkgutil.get_data(__name__, "sql/memories.sql").decode()', "sql"),
        ('open("controlplane/sql/memories.sql").read()', "sql"),
        ('(Path(__file__).resolve().parents[0] / "sql/memories.sql").read_text()', "sql"),
        ('Path(__file__).absolute().parents[0].joinpath("queries", "memories.sql").read_text()', "queries"),
    ],
)
def test_python_reads_a_sql_file(tmp_path: Path, read: str, folder: str) -> None:
    job = f"""\
import os
import pkgutil
from importlib import resources
from pathlib import Path


def memories(conn, workspace_id):
    query = {read}
    return conn.execute(query, (workspace_id,)).all()
"""
    write_project(tmp_path, {**SQL_FILES, "controlplane/job.py": job}, CONFIG)
    assert reads(tmp_path) == [(9, RUNTIME.format(folder))]


def test_a_file_with_a_handle_read_in_a_with_block(tmp_path: Path) -> None:
    job = """\
from pathlib import Path

HERE = Path(__file__).parent


def memories(conn, workspace_id):
    with open(HERE / "sql" / "memories.sql") as handle:
        query = handle.read()
    return conn.execute(query, (workspace_id,)).all()
"""
    write_project(tmp_path, {**SQL_FILES, "controlplane/job.py": job}, CONFIG)
    assert reads(tmp_path) == [(9, RUNTIME.format("sql"))]


@pytest.mark.parametrize(
    "path",
    [
        'Path(__file__).parent / "sql" / "orgs.sql"',  # the platform's own table
        'Path(__file__).parent / "sql" / "missing.sql"',  # no such file: a hole
        '"/etc/passwd"',  # outside the project: never read
        'Path(__file__).parent / ".." / ".." / "outside.sql"',
        'Path(__file__).parent / "sql" / "link.sql"',  # a symlink leading out of the project
    ],
)
def test_python_look_alikes_stay_silent(tmp_path: Path, path: str) -> None:
    outside = tmp_path / "outside.sql"
    outside.write_text("SELECT content FROM agent_memories\n", encoding="utf-8")
    job = f"""\
from pathlib import Path


def run(conn):
    return conn.execute(open({path}).read()).all()
"""
    root = write_project(tmp_path / "project", {**SQL_FILES, "controlplane/job.py": job}, CONFIG)
    (root / "controlplane/sql/link.sql").symlink_to(outside)
    assert reads(root) == []


def test_go_reads_a_sql_file_from_disk_or_an_embedded_file_system(tmp_path: Path) -> None:
    job = """\
package controlplane

import (
	"database/sql"
	"embed"
	"os"
)

//go:embed sql/*.sql
var queries embed.FS

func FromEmbed(db *sql.DB) {
	q, _ := queries.ReadFile("sql/memories.sql")
	db.Query(string(q), "w")
}

func FromDisk(db *sql.DB) {
	q, err := os.ReadFile("controlplane/sql/memories.sql")
	if err != nil {
		return
	}
	db.Query(string(q), "w")
}

func Quiet(db *sql.DB) {
	q, _ := queries.ReadFile("sql/orgs.sql")
	db.Query(string(q))
	r, _ := os.ReadFile("/etc/passwd")
	db.Query(string(r))
	m, _ := queries.ReadFile("sql/missing.sql")
	db.Query(string(m))
}
"""
    files = {**SQL_FILES, "go.mod": "module example.com/cp\n\ngo 1.22\n", "controlplane/job.go": job}
    write_project(tmp_path, files, CONFIG)
    embedded = "embedded file controlplane/sql/memories.sql"  # compiled into the binary, not read at run time
    assert reads(tmp_path) == [(14, embedded), (22, RUNTIME.format("sql"))]


def test_a_file_many_places_read_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hostile repository may name one large file from thousands of call sites: it is read once a run."""
    opened: list[str] = []
    read = values._read_project_file

    def counting(root: Path, relative: str) -> str | None:
        opened.append(relative)
        return read(root, relative)

    monkeypatch.setattr(values, "_read_project_file", counting)
    calls = "".join(f'    conn.execute(open("controlplane/sql/memories.sql").read(), ({n},))\n' for n in range(5))
    write_project(tmp_path, {**SQL_FILES, "controlplane/job.py": f"def memories(conn):\n{calls}"}, CONFIG)
    assert [line for line, _ in reads(tmp_path)] == [2, 3, 4, 5, 6]
    assert opened == ["controlplane/sql/memories.sql"]


CONFIG_DOCUMENTS = {
    "controlplane/jobs.yaml": "defaults: &export\n  columns: '*'\nexports:\n  memories:\n    <<: *export\n"
    "    table: agent_memories\n  orgs: {table: orgs}\n",
    "controlplane/jobs.toml": '[exports.memories]\ntable = "agent_memories"\n[exports.orgs]\ntable = "orgs"\n',
    "controlplane/jobs.json": '{"exports": {"memories": {"table": "agent_memories"}, "orgs": {"table": "orgs"}}}',
}


@pytest.mark.parametrize(
    ("load", "hop"),
    [
        ('with open(HERE / "jobs.yaml") as fh:\n    JOBS = yaml.safe_load(fh)', 'controlplane/jobs.yaml:6'),
        ('JOBS = tomllib.loads((HERE / "jobs.toml").read_text())', "controlplane/jobs.toml:1"),
        ('JOBS = json.load(open(HERE / "jobs.json"))', "controlplane/jobs.json:1"),
    ],
)
def test_a_config_document_loaded_at_run_time_names_the_table(tmp_path: Path, load: str, hop: str) -> None:
    job = f"""\
import json
import tomllib
from pathlib import Path

import yaml

HERE = Path(__file__).parent
{load}


def export(conn, name):
    spec = JOBS["exports"][name]
    return conn.execute(f"SELECT * FROM {{spec['table']}}").all()


def run(conn):
    export(conn, "orgs")
    return export(conn, "memories")
"""
    write_project(tmp_path, {**CONFIG_DOCUMENTS, "controlplane/job.py": job}, CONFIG)
    result = lint(tmp_path)
    found = [f for f in result.findings if f.rule == "MOL101"]
    last = found[0].trace[-1]
    assert [f.loc.line for f in found] == [len(load.splitlines()) + 17]
    assert (f"{last.path}:{last.line}", last.note) == (hop, f'{hop.split(":")[0]}: "agent_memories"')


@pytest.mark.parametrize(
    "document",
    [
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "exports: {memories: {table: agent_memories}}\n",  # expands past the budget: refused
        "exports: {memories: {table: agent_memories}\n",  # does not parse
    ],
)
def test_a_config_document_that_cannot_be_read_is_a_hole(tmp_path: Path, document: str) -> None:
    job = """\
import yaml


def run(conn):
    spec = yaml.safe_load(open("controlplane/jobs.yaml"))["exports"]["memories"]
    return conn.execute("SELECT * FROM " + spec["table"]).all()
"""
    write_project(tmp_path, {"controlplane/jobs.yaml": document, "controlplane/job.py": job}, CONFIG)
    assert reads(tmp_path) == []


def test_a_configparser_filled_from_an_ini_file(tmp_path: Path) -> None:
    job = """\
import configparser
from pathlib import Path

settings = configparser.ConfigParser()
settings.read(Path(__file__).parent / "jobs.ini")


def run(conn):
    parser = configparser.RawConfigParser()
    with open("controlplane/jobs.ini") as fh:
        parser.read_file(fh)
    conn.execute("SELECT * FROM " + settings.get("exports", "orgs_table")).all()
    conn.execute("SELECT * FROM " + parser["exports"]["memories_table"]).all()
    return conn.execute("SELECT * FROM " + settings.get("missing", "t", fallback="orgs")).all()
"""
    ini = "[DEFAULT]\nschema = public\n\n[exports]\norgs_table = orgs\nmemories_table: agent_memories\n"
    write_project(tmp_path, {"controlplane/jobs.ini": ini, "controlplane/job.py": job}, CONFIG)
    found = [f for f in lint(tmp_path).findings if f.rule == "MOL101"]
    assert [(f.loc.line, f.trace[-1].path, f.trace[-1].line) for f in found] == [(13, "controlplane/jobs.ini", 6)]


@pytest.mark.parametrize(
    ("load", "conf"),
    [
        ('CFG = OmegaConf.load(Path(__file__).parent / "conf.yaml")', "controlplane/conf.yaml"),
        ('CFG = omegaconf.OmegaConf.load("settings/app.yaml")', "settings/app.yaml"),
        ('CFG = OmegaConf.load(Path(__file__).resolve().parents[1] / "settings" / "app.yaml")', "settings/app.yaml"),
        ('CFG = OmegaConf.merge({"pool": 5}, OmegaConf.load(Path(__file__).with_name("conf.yaml")))', "controlplane/conf.yaml"),
        ('CFG = OmegaConf.merge({}, {"stores": OmegaConf.load("settings/app.yaml").stores})', "settings/app.yaml"),
    ],
)
def test_omegaconf_env_interpolations_are_env_reads(tmp_path: Path, load: str, conf: str) -> None:
    """`OmegaConf.load(path)` reads a YAML file whose `${oc.env:NAME}` / `${oc.env:NAME,default}` values are
    the environment variable's: `cfg.stores.tenant` is a tenant store's location."""
    job = f"""\
from pathlib import Path

import asyncpg
import omegaconf
from omegaconf import OmegaConf

{load}


async def pools():
    own = await asyncpg.create_pool(CFG.stores.own)
    return own, await asyncpg.create_pool(CFG.stores.tenant)
"""
    document = "stores:\n  own: ${oc.env:PLATFORM_DB_URL}\n  tenant: ${oc.env:TENANT_DATABASE_URL,postgresql://db/ws}\n"
    config = {**CONFIG, "tenant_data": {"tables": ["agent_memories"], "env": ["TENANT_DATABASE_URL"]}}
    write_project(tmp_path, {conf: document, "controlplane/job.py": job}, config)
    found = [f for f in lint(tmp_path).findings if f.rule == "MOL102"]
    assert [(f.loc.line, f.target, f.trace[-1].path, f.trace[-1].line) for f in found] == [
        (12, "TENANT_DATABASE_URL", conf, 3)
    ]


def test_the_prefilter_parses_a_helper_whose_table_comes_from_a_document_it_loads(tmp_path: Path) -> None:
    """No Python file names the table: the YAML the helper module loads does, two imports away from the
    platform file. Both runs find the call."""
    helper = """\
import yaml

JOBS = yaml.safe_load(open("common/jobs.yaml"))


def export(conn, name):
    return conn.execute("SELECT * FROM " + JOBS["exports"][name]["table"]).all()
"""
    reports = "from common.jobs import export\n\n\ndef dump(conn, name):\n    return export(conn, name)\n"
    job = "from common.reports import dump\n\n\ndef run(conn):\n    dump(conn, 'orgs')\n    return dump(conn, 'memories')\n"
    files = {"common/__init__.py": "", "common/jobs.py": helper, "common/reports.py": reports, "controlplane/job.py": job}
    write_project(tmp_path, {**files, "common/jobs.yaml": CONFIG_DOCUMENTS["controlplane/jobs.yaml"]}, CONFIG)
    found = [[(f.path, f.loc.line) for f in lint(tmp_path, prefilter=p).findings if f.rule == "MOL101"] for p in (True, False)]
    assert found == [[("controlplane/job.py", 6)]] * 2
