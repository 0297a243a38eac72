"""The tenant runtime contract: MOL301 (the platform's location only from MOLECULE_PLATFORM_URL), MOL302 (the
org only from MOLECULE_ORG_ID), in Python and Go, and the loop accumulation the frontends report for MOL202.

Each test lints a small real project; the traps say what must stay silent.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import lint, write_project

from molecule_lint.engine import RunResult
from molecule_lint.facts import Summary, UrlLiteral
from molecule_lint.findings import Hop
from molecule_lint.frontends.go import analyze_go
from molecule_lint.frontends.python import analyze_python
from molecule_lint.naming import words
from molecule_lint.scan import Needles, scan_source

CONFIG: dict[str, Any] = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"],
         "urls": ["PLATFORM_URL", "CP_URL", "https://api.molecule.app"]},
        {"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/"]},
        {"name": "agent", "plane": "tenant", "paths": ["agent/"]},
        {"name": "common", "plane": "shared", "paths": ["common/"]},
    ],
    "org_keys": ["org_id", "tenant_id"],
}  # fmt: skip
GO_MOD = "module example.com/agent\n\ngo 1.22\n"
Found = list[tuple[str, str, int]]


def found(result: RunResult, rule: str) -> Found:
    return sorted((f.rule, f.path, f.loc.line) for f in result.findings if f.rule == rule)


def one(result: RunResult, rule: str) -> Any:
    findings = [f for f in result.findings if f.rule == rule]
    assert len(findings) == 1, [(f.path, f.loc.line, f.message) for f in findings]
    return findings[0]


def lint301(project: Any, files: dict[str, str]) -> Found:
    return found(project(files, {**CONFIG, "rules": {"select": ["MOL301"]}}), "MOL301")


def lint302(project: Any, files: dict[str, str]) -> RunResult:
    return project(files, {**CONFIG, "rules": {"select": ["MOL302"]}})


# --- MOL301: Python ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        'PLATFORM = "https://api.molecule.app"',
        'import os\nURL = os.getenv("MOLECULE_PLATFORM_URL", "https://api.molecule.app/")',
        'import os\nURL = os.environ.get("MOLECULE_PLATFORM_URL") or "http://api.molecule.app"',  # http, https alike
        'import httpx\nclient = httpx.Client(base_url="https://api.molecule.app/v1")',
        'ORG = "o1"\nUSAGE = f"https://api.molecule.app/v1/orgs/{ORG}/usage"',
        "def report(base: str = 'https://API.molecule.app') -> str:\n    return base",
        'from pydantic_settings import BaseSettings\nclass S(BaseSettings):\n    url: str = "https://api.molecule.app"',
    ],
)  # fmt: skip
def test_a_platform_url_in_tenant_code_is_mol301(project: Any, code: str) -> None:
    line = next(number for number, text in enumerate(code.splitlines(), 1) if "api.molecule.app" in text.lower())
    assert lint301(project, {"agent/settings.py": code + "\n"}) == [("MOL301", "agent/settings.py", line)]


@pytest.mark.parametrize(
    "code",
    [
        'import os\nURL = os.environ["PLATFORM_URL"]',
        'import os\nURL = os.getenv("CP_URL", "")',
        "from pydantic_settings import BaseSettings\nclass S(BaseSettings):\n    platform_url: str",
        # a project's own env helpers, defined in another module
        'from common.conf import env_url\nURL = env_url("PLATFORM_URL")',
        'from common import conf\nURL = conf.read_env_str("CP_URL", default="")',
    ],
)
def test_the_platform_url_from_another_variable_is_mol301(project: Any, code: str) -> None:
    line = len(code.splitlines())
    assert lint301(project, {"agent/settings.py": code + "\n"}) == [("MOL301", "agent/settings.py", line)]


def test_the_platform_variables_name_from_a_constant_of_another_module_is_mol301(project: Any) -> None:
    """`lookup(names.CONTROL)`: the helper reads the env var a constant of a shared module names."""
    names = 'CONTROL = "CP_URL"\nOWN = "MOLECULE_PLATFORM_URL"\n'
    lookup = "import os\n\n\ndef lookup(key, fallback=None):\n    return os.environ.get(key, fallback)\n"
    code = "from common import names\nfrom common.lookup import lookup\n\nOURS = lookup(names.OWN)\nTHEIRS = lookup(names.CONTROL)\n"
    files = {"common/__init__.py": "", "common/names.py": names, "common/lookup.py": lookup, "agent/settings.py": code}
    assert lint301(project, files) == [("MOL301", "agent/settings.py", 5)]


def test_a_clients_base_url_from_a_config_files_env_interpolation_is_mol301(project: Any) -> None:
    """`httpx.AsyncClient(base_url=cfg.cp)` where the YAML gives `${oc.env:CP_URL}`: no code reads the
    variable, the client's requests are where the platform location is taken from."""
    conf = "cp: ${oc.env:CP_URL,https://api.molecule.app}\nown: ${oc.env:MOLECULE_PLATFORM_URL}\n"
    code = (
        "import httpx\nfrom omegaconf import OmegaConf\n\nCFG = OmegaConf.load('agent/conf.yaml')\n\n\n"
        "async def beat():\n    async with httpx.AsyncClient(base_url=CFG.cp) as client:\n"
        "        await client.post('/v1/beat')\n"
        "    async with httpx.AsyncClient(base_url=CFG.own) as client:\n        await client.post('/v1/beat')\n"
    )
    files = {"agent/conf.yaml": conf, "agent/beat.py": code}
    assert lint301(project, files) == [("MOL301", "agent/beat.py", 9)]


def test_a_settings_field_both_named_and_defaulted_wrong_is_one_finding(project: Any) -> None:
    code = """\
        from pydantic_settings import BaseSettings
        class S(BaseSettings):
            platform_url: str = "https://api.molecule.app"
        """
    assert lint301(project, {"agent/settings.py": code}) == [("MOL301", "agent/settings.py", 3)]


def test_a_platform_url_in_a_tenant_services_own_config_file_is_mol301(project: Any) -> None:
    """A tenant's `configs/config.yaml` (or `config/application.yml`) holding the platform's URL is where its
    code takes the address from; a platform's own config, and a deployment manifest giving the contract
    variable, stay silent."""
    files = {
        "agent/configs/config.yaml": "server:\n  addr: ':8080'\nplatform:\n  url: https://api.molecule.app/v1\n",
        "workspace_server/config/application.yml": "upstream: 'https://api.molecule.app'\ndocs: https://docs.molecule.app\n",
        "controlplane/configs/config.yaml": "public_url: https://api.molecule.app\n",
        "docker-compose.yml": (
            "services:\n  agent:\n    build: ./agent\n    environment:\n"
            "      MOLECULE_PLATFORM_URL: https://api.molecule.app\n"
        ),
    }
    assert lint301(project, files) == [
        ("MOL301", "agent/configs/config.yaml", 4),
        ("MOL301", "workspace_server/config/application.yml", 1),
    ]


def test_mol301_traps_stay_silent(project: Any) -> None:
    code = '''\
        """The platform is https://api.molecule.app unless self-hosted."""
        import logging
        import os

        log = logging.getLogger(__name__)
        DOCS = "https://docs.molecule.app/runtime"
        LOOKALIKE = "https://api.molecule.application.com/x"
        HELP = "Where the platform is, e.g. https://api.molecule.app"
        OTHER_VAR = os.getenv("MY_PLATFORM_URL_OVERRIDE")
        os.putenv("PLATFORM_URL", "")
        set_env("CP_URL", os.environ["MOLECULE_PLATFORM_URL"])
        READ = env_url("MOLECULE_PLATFORM_URL")
        OTHER = envelope("PLATFORM_URL")


        def platform_url() -> str:
            url = os.environ["MOLECULE_PLATFORM_URL"]  # https://api.molecule.app in production
            log.info("reporting to https://api.molecule.app at %s", url)
            if not url:
                raise RuntimeError("set MOLECULE_PLATFORM_URL, e.g. https://api.molecule.app")
            return url
        '''
    platform = 'import os\nPUBLIC = os.environ.get("PLATFORM_URL", "https://api.molecule.app")\n'
    assert lint301(project, {"agent/identity.py": code, "controlplane/links.py": platform}) == []


def test_an_env_reads_fallback_to_a_platform_url_written_in_another_module_is_mol301(project: Any) -> None:
    shared = 'API = "https://api.molecule.app"\nDOCS = "https://docs.molecule.app"\n'
    code = """\
        import os
        from common import urls
        from common.urls import DOCS

        PLATFORM = os.environ.get("MOLECULE_PLATFORM_URL") or urls.API
        HELP = os.getenv("MOLECULE_HELP_URL", DOCS)
        LOCAL = "https://api.molecule.app/v2"
        AGAIN = os.getenv("MOLECULE_PLATFORM_URL", LOCAL)
        """
    found = lint301(project, {"common/urls.py": shared, "agent/settings.py": code})
    assert found == [("MOL301", "agent/settings.py", 5), ("MOL301", "agent/settings.py", 7)]  # 8: reported at 7
    tenant = {"agent/urls.py": shared, "agent/settings.py": code.replace("common", "agent")}
    assert lint301(project, tenant) == [("MOL301", "agent/settings.py", 7), ("MOL301", "agent/urls.py", 1)]


def test_a_platform_url_constant_of_shared_code_handed_to_a_call_is_mol301(project: Any) -> None:
    """Shared code only offers the constant; tenant code handing it to a client is where the URL is used. The
    docs' URL, and a tenant module's own constant (reported where it is written), are not reported here."""
    shared = 'API = "https://api.molecule.app"\nDOCS = "https://docs.molecule.app"\n'
    code = """\
        import httpx
        from common import urls
        from agent.own import MINE

        client = httpx.Client(base_url=urls.API)
        docs = httpx.Client(base_url=urls.DOCS)
        again = httpx.Client(base_url=MINE)
        """
    files = {"common/urls.py": shared, "agent/own.py": 'MINE = "https://api.molecule.app/v1"\n', "agent/app.py": code}
    assert lint301(project, files) == [("MOL301", "agent/app.py", 5), ("MOL301", "agent/own.py", 1)]


# --- MOL301: Go --------------------------------------------------------------------------


def test_a_platform_url_in_tenant_go_code_is_mol301(project: Any) -> None:
    code = """\
        package agent

        import (
        \t"cmp"
        \t"errors"
        \t"log"
        \t"os"
        )

        // Reports to https://api.molecule.app unless MOLECULE_PLATFORM_URL says otherwise.
        const usageURL = "https://api.molecule.app/v1/usage"

        type Config struct {
        \tPlatform string `env:"MOLECULE_PLATFORM_URL" envDefault:"https://api.molecule.app"`
        }

        func platform() (string, error) {
        \tlog.Printf("platform at https://api.molecule.app")
        \tbase := cmp.Or(os.Getenv("MOLECULE_PLATFORM_URL"), "https://api.molecule.app")
        \tif base == "" {
        \t\treturn "", errors.New("no platform, see https://api.molecule.app/docs")
        \t}
        \treturn os.Getenv("PLATFORM_URL") + "https://docs.molecule.app", nil
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/platform.go": code}
    assert lint301(project, files) == [
        ("MOL301", "agent/platform.go", 11),  # the constant
        ("MOL301", "agent/platform.go", 14),  # the struct tag's envDefault
        ("MOL301", "agent/platform.go", 19),  # cmp.Or's fallback
        ("MOL301", "agent/platform.go", 23),  # PLATFORM_URL, not the contract variable
    ]


def test_a_platform_env_var_read_through_a_helper_given_its_name_is_mol301(project: Any) -> None:
    """`envx.String(legacyEnv, "")` in tenant Go code and `setting(LEGACY)` in tenant Python, the helper in
    shared code and the name a constant of another file: reported at the call, traced through the helper to
    the constant. The helper given the contract variable, or a name of no platform, is silent; so is the
    platform calling it."""
    files = {
        "agent/go.mod": GO_MOD,
        "agent/envx/envx.go": """\
            package envx

            import "os"

            func String(name, def string) string {
            \tif v := os.Getenv(name); v != "" {
            \t\treturn v
            \t}
            \treturn def
            }
            """,
        "agent/client/names.go": "package client\n\nconst legacyEnv = \"CP_URL\"\n",
        "agent/client/client.go": """\
            package client

            import "example.com/agent/envx"

            func Base() string {
            \tif base := envx.String("MOLECULE_PLATFORM_URL", ""); base != "" {
            \t\treturn base
            \t}
            \t_ = envx.String("AGENT_PORT", "8080")
            \treturn envx.String(legacyEnv, "")
            }
            """,
        "common/__init__.py": "",
        "common/conf.py": "import os\n\n\ndef setting(key):\n    return os.environ.get(key, '')\n",
        "workspace_server/__init__.py": "",
        "workspace_server/names.py": 'LEGACY = "PLATFORM_URL"\n',
        "workspace_server/heartbeat.py": """\
            from common.conf import setting
            from workspace_server.names import LEGACY

            PORT = setting("PORT")
            BASE = setting("MOLECULE_PLATFORM_URL") or setting(LEGACY)
            """,
        "controlplane/__init__.py": "",
        "controlplane/links.py": "from common.conf import setting\n\nPUBLIC = setting('PLATFORM_URL')\n",
    }
    result = project(files, {**CONFIG, "rules": {"select": ["MOL301"]}})
    assert found(result, "MOL301") == [
        ("MOL301", "agent/client/client.go", 10),
        ("MOL301", "workspace_server/heartbeat.py", 5),
    ]
    go = next(f for f in result.findings if f.path.endswith(".go"))
    assert [(h.path, h.line) for h in go.trace] == [
        ("agent/client/client.go", 10), ("agent/envx/envx.go", 6), ("agent/client/names.go", 3)
    ]  # fmt: skip


# --- MOL302: Python ----------------------------------------------------------------------

HANDLER = '''\
    from fastapi import APIRouter, Request

    from workspace_server.exports import rows_for

    router = APIRouter()


    @router.get("/export")
    def export(request: Request) -> list:
        org = request.headers.get("X-Org-Id", "").strip()
        return rows_for(org, limit=10)
    '''
EXPORTS = '''\
    from workspace_server import db


    def rows_for(tenant, limit):
        with db.connect_for(tenant) as conn:
            return conn.execute("SELECT id FROM workspaces LIMIT %s", (limit,)).fetchall()
    '''
DB = '''\
    import psycopg


    def connect_for(org_key):
        dsn = "postgresql://tenant-db/org_" + org_key
        return psycopg.connect(dsn)
    '''


def test_a_header_through_two_calls_in_three_modules_into_a_dsn(project: Any) -> None:
    files = {
        "workspace_server/__init__.py": "",
        "workspace_server/api.py": HANDLER,
        "workspace_server/exports.py": EXPORTS,
        "workspace_server/db.py": DB,
    }
    finding = one(lint302(project, files), "MOL302")
    assert (finding.path, finding.loc.line) == ("workspace_server/api.py", 11)  # where the header's org id enters
    assert "runtime org id (header `X-Org-Id`)" in finding.message and "MOLECULE_ORG_ID" in finding.message
    assert [(hop.path, hop.line) for hop in finding.trace] == [
        ("workspace_server/api.py", 10),
        ("workspace_server/api.py", 11),
        ("workspace_server/exports.py", 5),
        ("workspace_server/db.py", 6),
    ]
    assert finding.trace[-1].note == "connection `psycopg.connect(...)`"


FALCON_TENANCY = """\
    import os

    import redis
    from peewee import PostgresqlDatabase
    from playhouse.db_url import connect

    from workspace_server.models import db

    DSN = "postgresql://ws@tenant-db/ws_{org}"


    def bind_for(org):
        db.initialize(connect(DSN.format(org=org)))


    def shard(org_key):
        return redis.Redis(host="tenant-redis", db=int(org_key) % 16)


    def own():
        db.initialize(connect(DSN.format(org=os.environ["MOLECULE_ORG_ID"])))
        return redis.Redis(host="tenant-redis", db=0)


    def archive(name):
        return PostgresqlDatabase("archive_" + name, host="tenant-db")
    """


def test_falcon_and_pyramid_request_reads_into_peewee_and_redis_stores(project: Any) -> None:
    """Falcon's `req.get_header()`/`req.params` and Pyramid's `request.matchdict` are request reads;
    playhouse's `connect(url)`, peewee's databases and a `redis.Redis(db=...)` pick the store."""
    views = """\
        from workspace_server import tenancy


        class OrgResource:
            def on_get(self, req, resp):
                tenancy.bind_for(req.get_header("X-Org-Id"))
                resp.media = {"shard": tenancy.shard(req.params["org"]).dbsize()}

            def on_post(self, req, resp):
                trace_id = req.get_header("X-Request-Id")
                tenancy.own()
                resp.media = {"trace": trace_id}


        def archived(request):
            return tenancy.archive(request.matchdict["org_slug"])
        """
    files = {
        "workspace_server/__init__.py": "",
        "workspace_server/models.py": "from peewee import DatabaseProxy\ndb = DatabaseProxy()\n",
        "workspace_server/tenancy.py": FALCON_TENANCY,
        "workspace_server/views.py": views,
    }
    result = lint302(project, files)
    assert found(result, "MOL302") == [
        ("MOL302", "workspace_server/views.py", 6),
        ("MOL302", "workspace_server/views.py", 7),
        ("MOL302", "workspace_server/views.py", 16),
    ]
    assert [f.message.split("runtime org id ")[1].split(")")[0] + ")" for f in result.findings] == [
        "(header `X-Org-Id`)",
        "(query parameter `org`)",
        "(path parameter `org_slug`)",
    ]


@pytest.mark.parametrize(
    ("code", "line"),
    [
        (  # a path parameter picks the search_path
            '''\
            from fastapi import APIRouter
            from sqlalchemy import text
            router = APIRouter()
            @router.get("/orgs/{org_id}/items")
            def items(org_id: str, session) -> list:
                return session.execute(text(f"SET search_path TO org_{org_id}")).all()
            ''',
            6,
        ),
        (  # a query parameter names the env var holding the DSN
            '''\
            import os
            import psycopg
            from flask import Flask, request
            app = Flask(__name__)
            @app.get("/items")
            def items():
                tenant = request.args.get("tenant")
                return psycopg.connect(os.environ["DSN_%s" % tenant.upper()])
            ''',
            8,
        ),
        (  # a FastAPI Header() parameter picks a DSN out of a mapping
            '''\
            from fastapi import APIRouter, Header
            from sqlalchemy import create_engine
            router = APIRouter()
            TENANT_DSNS = {"a": "postgresql://a/db"}
            @router.get("/items")
            def items(x_org: str = Header(alias="X-Org-Id")):
                return create_engine(TENANT_DSNS[x_org])
            ''',
            7,
        ),
        (  # a dependency that returns the header's org id, and a table per org
            '''\
            from fastapi import APIRouter, Depends, Request
            router = APIRouter()
            def current_org(request: Request) -> str:
                return request.headers["X-Tenant"]
            @router.get("/items")
            def items(session, org: str = Depends(current_org)) -> list:
                return session.execute("SELECT * FROM {}.memories".format(org)).all()
            ''',
            7,
        ),
        (  # a body field picks the Redis to use
            '''\
            import redis
            from fastapi import APIRouter
            from pydantic import BaseModel
            router = APIRouter()
            class Job(BaseModel):
                organization_id: str
            @router.post("/jobs")
            def enqueue(job: Job) -> None:
                redis.from_url(f"redis://cache/{job.organization_id}").rpush("jobs", "x")
            ''',
            9,
        ),
        (  # an org-named parameter of a function nothing calls (a task), through a method, keyword and all
            '''\
            from sqlalchemy import create_engine
            class Pools:
                def engine(self, org_id):
                    return self.build(schema=f"org_{org_id}")
                def build(self, schema):
                    return create_engine("postgresql://db/x", connect_args={"options": f"-csearch_path={schema}"})
            def nightly(tenant_id: str) -> None:
                Pools().engine(tenant_id)
            ''',
            8,  # through `Pools().engine`: the core resolves the instance's method
        ),
        (  # the same task calling a module function
            '''\
            from sqlalchemy import create_engine
            def engine_for(schema):
                return create_engine("postgresql://db/x", connect_args={"options": f"-csearch_path={schema}"})
            def nightly(tenant_id: str) -> None:
                engine_for(schema=f"org_{tenant_id}")
            ''',
            5,  # the call: `engine_for` chooses by whatever it is given
        ),
        (  # a header through a helper inside the callee of a call (`sessionmaker(...)()`)
            '''\
            from fastapi import APIRouter, Header
            from sqlalchemy import create_engine
            from sqlalchemy.orm import sessionmaker
            router = APIRouter()
            def engine_for(tenant):
                return create_engine(f"postgresql://db/{tenant}")
            @router.get("/items")
            def items(x_tenant: str = Header()):
                with sessionmaker(bind=engine_for(x_tenant))() as session:
                    return session.execute("SELECT 1")
            ''',
            9,
        ),
        (  # psycopg2's SQL composition: an Identifier names the schema of the search_path
            '''\
            from flask import Flask, request
            from psycopg2 import sql
            app = Flask(__name__)
            @app.post("/switch")
            def switch(cursor):
                query = sql.SQL("SET search_path TO {}").format(sql.Identifier("tenant_" + request.json["org_id"]))
                cursor.execute(query)
            ''',
            6,
        ),
        (  # psycopg's: a dotted Identifier names the table's schema
            '''\
            from psycopg import sql
            def nightly(conn, org_id: str) -> None:
                conn.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(org_id, "memories")))
            ''',
            3,
        ),
        (  # Django's registry of connections, by an alias built from a DRF query parameter
            '''\
            from django.db import connections
            from rest_framework.decorators import api_view
            @api_view(["GET"])
            def export(request):
                alias = "org_{}".format(request.query_params["org_id"])
                return connections[alias].cursor()
            ''',
            6,
        ),
        (  # and of caches, by a header
            '''\
            from django.core.cache import caches
            def warm(request):
                caches["tenant-" + request.headers["X-Tenant-Id"]].set("warm", 1)
            ''',
            3,
        ),
        (  # an alias fixed in code, the request's org id only a key inside the tenant's own cache: no choice
            '''\
            from django.core.cache import caches
            def warm(request):
                caches["default"].set("warm:" + request.headers["X-Tenant-Id"], 1)
            ''',
            0,
        ),
        (  # a builder also called with the host's own org: reported where the request's org enters it, once
            '''\
            from flask import Flask, request
            from sqlalchemy import text
            app = Flask(__name__)
            def schema_sql(org):
                return text(f"SET search_path TO org_{org}")
            @app.post("/reindex")
            def reindex(session):
                session.execute(schema_sql(request.headers["X-Org-Id"]))
            @app.get("/schema")
            def own(session, settings):
                session.execute(schema_sql(settings.org_id))
            ''',
            8,
        ),
        (  # a data-access object made to act as the request's org
            '''\
            from flask import Flask, request
            from workspace_server.memories import MemoryRepository
            app = Flask(__name__)
            @app.post("/memories")
            def add(conn):
                MemoryRepository(conn, tenant_id=request.headers["X-Tenant-Id"]).add("x")
            ''',
            6,
        ),
        (  # an event about the request's org is no data-access object
            '''\
            from flask import Flask, request
            from workspace_server.events import AuditEvent
            app = Flask(__name__)
            @app.post("/memories")
            def add(bus):
                bus.publish(AuditEvent(org_id=request.headers["X-Org-Id"]))
            ''',
            0,
        ),
        (  # a class-based view's URL kwargs: the org in the path picks the database alias
            '''\
            from django.db import models
            from rest_framework import viewsets
            class Note(models.Model):
                pass
            class Notes(viewsets.ModelViewSet):
                def get_queryset(self):
                    tenant = self.kwargs["tenant_pk"]
                    return Note.objects.using(f"tenant_{tenant}").all()
            ''',
            8,
        ),
        (  # the same kwargs naming one row, on the host's own database
            '''\
            from django.db import models
            from rest_framework import viewsets
            class Note(models.Model):
                pass
            class Notes(viewsets.ModelViewSet):
                def get_queryset(self):
                    return Note.objects.using("default").filter(pk=self.kwargs["pk"])
            ''',
            0,
        ),
        (  # psycopg2's pools take the DSN third (or as `dsn=`): a pool per request org
            '''\
            from flask import Flask, request
            from psycopg2 import pool
            app = Flask(__name__)
            @app.get("/notes")
            def notes():
                org = request.headers["X-Org-Id"]
                return pool.ThreadedConnectionPool(1, 4, dsn=f"postgresql://db-{org}/ws").getconn()
            ''',
            7,
        ),
        (  # the same pool on the host's own database
            '''\
            import os
            from psycopg2.pool import SimpleConnectionPool
            POOL = SimpleConnectionPool(1, 4, os.environ["DATABASE_URL"])
            def notes(org_id):
                return POOL.getconn()
            ''',
            0,
        ),
        (  # a dependency decodes the Authorization header's JWT; a claim names the database
            '''\
            import jwt
            from fastapi import APIRouter, Depends, Header
            from sqlalchemy import create_engine
            router = APIRouter()
            def current_claims(authorization: str = Header(...)) -> dict:
                return jwt.decode(authorization.removeprefix("Bearer "), "k", algorithms=["HS256"])
            @router.get("/items")
            def items(claims: dict = Depends(current_claims)):
                return create_engine(f"postgresql://db/ws_{claims['org_id']}")
            ''',
            9,
        ),
        (  # python-jose, in the handler itself, a claim read with .get() picks the schema
            '''\
            import psycopg
            from flask import Flask, request
            from jose import jwt
            app = Flask(__name__)
            @app.get("/items")
            def items():
                payload = jwt.decode(request.cookies["session"], "k")
                tenant = payload.get("tenant")
                return psycopg.connect(options=f"-c search_path=t_{tenant}")
            ''',
            9,
        ),
        (  # Flask-Login: the org of the signed-in user's row picks the Redis it opens
            '''\
            import redis
            from flask import Flask
            from flask_login import current_user, login_required
            app = Flask(__name__)
            @app.get("/cache")
            @login_required
            def cache():
                return redis.from_url(f"redis://cache-{current_user.org_id}:6379/0")
            ''',
            8,
        ),
        (  # a class-based view: its verb methods take the path parameters of the class's route
            '''\
            import redis
            from flask.views import MethodView
            from flask_smorest import Blueprint
            blp = Blueprint("cache", __name__)
            @blp.route("/tenants/<tenant_id>/cache")
            class TenantCache(MethodView):
                def get(self, tenant_id):
                    return redis.from_url(f"redis://cache-{tenant_id}:6379/0")
            ''',
            8,
        ),
        (  # ... not a class no route decorates
            '''\
            import redis
            class TenantCache:
                def get(self, tenant_id):
                    return redis.from_url(f"redis://cache-{tenant_id}:6379/0")
            ''',
            0,
        ),
        (  # ... and a row filter by it picks no store
            '''\
            from flask import Flask
            from flask_login import current_user
            from app.models import Memory
            app = Flask(__name__)
            @app.get("/mine")
            def mine():
                return Memory.query.filter_by(org_id=current_user.org_id).all()
            ''',
            0,
        ),
        (  # flask-jwt-extended: the verified token's claims of the request being served
            '''\
            import psycopg
            from flask import Flask
            from flask_jwt_extended import get_jwt, jwt_required
            app = Flask(__name__)
            @app.get("/items")
            @jwt_required()
            def items():
                claims = get_jwt()
                return psycopg.connect(dbname=f"org_{claims['org_id']}")
            ''',
            9,
        ),
        (  # DRF: the token the request was authenticated with, a Django database alias by its claim
            '''\
            from django.db import connections
            from rest_framework.views import APIView
            class Items(APIView):
                def get(self, request):
                    alias = request.auth["tenant_id"]
                    with connections[alias].cursor() as cursor:
                        cursor.execute("SELECT 1")
            ''',
            6,
        ),
        (  # a verified claim checked against the host's own org: a guard, the store stays the host's
            '''\
            import os
            import psycopg
            from flask import Flask, abort
            from flask_jwt_extended import get_jwt
            app = Flask(__name__)
            @app.get("/items")
            def items():
                org = get_jwt()["org_id"]
                if org != os.environ["MOLECULE_ORG_ID"]:
                    abort(403)
                return psycopg.connect(dbname=f"org_{org}")
            ''',
            0,
        ),
        (  # a claim that names no org (the user) only labels the connection
            '''\
            import os
            import psycopg
            from flask import Flask, request
            from jose import jwt
            app = Flask(__name__)
            @app.get("/items")
            def items():
                claims = jwt.decode(request.headers["Authorization"][7:], "k")
                return psycopg.connect(os.environ["DATABASE_URL"], application_name=claims["sub"])
            ''',
            0,
        ),
        (  # a token decoded from the host's own settings is no request value
            '''\
            import os
            import jwt
            from sqlalchemy import create_engine
            def engine():
                claims = jwt.decode(os.environ["SERVICE_TOKEN"], "k", algorithms=["HS256"])
                return create_engine(f"postgresql://db/ws_{claims['org_id']}")
            ''',
            0,
        ),
        (  # Starlette middleware: the subdomain of the request's host picks the schema
            '''\
            from sqlalchemy import text
            from starlette.middleware.base import BaseHTTPMiddleware
            from starlette.requests import Request
            class Tenancy(BaseHTTPMiddleware):
                async def dispatch(self, request: Request, call_next):
                    slug = request.url.hostname.split(".", 1)[0]
                    request.state.session.execute(text(f"SET search_path TO {slug}"))
                    return await call_next(request)
            ''',
            7,
        ),
        (  # a Django view: `get_host()`'s first label names the database alias
            '''\
            from django.db import connections
            def memories(request):
                label = request.get_host().partition(".")[0]
                with connections[f"org_{label}"].cursor() as cursor:
                    cursor.execute("SELECT id FROM memories")
            ''',
            4,
        ),
        (  # the proxy's X-Forwarded-Host header, the same
            '''\
            import psycopg
            from flask import Flask, request
            app = Flask(__name__)
            @app.get("/items")
            def items():
                return psycopg.connect(dbname=request.headers["X-Forwarded-Host"].split(".")[0])
            ''',
            6,
        ),
        (  # the host in a redirect, a log line and a cache key of the host's own Redis: no store choice
            '''\
            import logging
            import os
            import redis
            from flask import Flask, redirect, request
            app = Flask(__name__)
            CACHE = redis.from_url(os.environ["REDIS_URL"])
            @app.get("/login")
            def login():
                host = request.host
                logging.info("login on %s", host)
                CACHE.incr(f"logins:{host}")
                return redirect(f"https://{host}/app")
            ''',
            0,
        ),
        (  # a Sanic handler: the header names the Tortoise connection a helper picks
            '''\
            from sanic import Blueprint
            from tortoise import connections
            bp = Blueprint("notes")
            def conn_for(org):
                return connections.get(f"org_{org}")
            @bp.get("/notes")
            async def notes(request):
                return await conn_for(request.headers["x-org"]).execute_query("SELECT 1")
            ''',
            8,
        ),
        (  # the Tortoise connection of the org this stack runs for, and Piccolo's engine by a fixed DSN
            '''\
            import os
            from piccolo.engine.postgres import PostgresEngine
            from tortoise import Tortoise, connections
            async def notes(request):
                await Tortoise.get_connection(f"org_{os.environ['MOLECULE_ORG_ID']}").execute_query("SELECT 1")
                return connections.get("default"), PostgresEngine(config={"dsn": os.environ["DATABASE_URL"]})
            ''',
            0,
        ),
        (  # an Identifier of a column is no store choice
            '''\
            from psycopg import sql
            def nightly(conn, org_id: str) -> None:
                conn.execute(sql.SQL("SELECT {} FROM memories").format(sql.Identifier(org_id)))
            ''',
            0,
        ),
    ],
)
def test_runtime_org_ids_choosing_a_store_are_mol302(project: Any, code: str, line: int) -> None:
    files = {"workspace_server/__init__.py": "", "workspace_server/api.py": code}
    expected = [("MOL302", "workspace_server/api.py", line)] if line else []
    assert found(lint302(project, files), "MOL302") == expected


CONTEXT_OBJECTS = """\
    import os
    from dataclasses import dataclass

    import psycopg


    @dataclass
    class Ctx:
        tenant_id: str
        user: str

        @classmethod
        def from_request(cls, request):
            return cls(tenant_id=request.headers["X-Tenant"], user=request.headers["X-User"])


    def context_of(req):
        return Ctx(req.headers["X-Tenant"], req.headers["X-User"])


    def export(request):
        ctx = Ctx.from_request(request)
        return psycopg.connect(f"postgresql://db-{ctx.tenant_id}/ws")


    def report(req):
        return psycopg.connect(f"postgresql://db-{context_of(req).tenant_id}/ws")


    def audit(request):
        ctx = Ctx.from_request(request)
        return psycopg.connect(f"postgresql://db/{ctx.user}")


    def checked(request):
        ctx = Ctx.from_request(request)
        if ctx.tenant_id != os.environ["MOLECULE_ORG_ID"]:
            raise PermissionError(ctx.tenant_id)
        return psycopg.connect(f"postgresql://db-{os.environ['MOLECULE_ORG_ID']}/ws")
    """


def test_the_org_field_of_a_request_context_object_a_factory_builds(project: Any) -> None:
    files = {"workspace_server/__init__.py": "", "workspace_server/api.py": CONTEXT_OBJECTS}
    assert found(lint302(project, files), "MOL302") == [
        ("MOL302", "workspace_server/api.py", 23), ("MOL302", "workspace_server/api.py", 27)
    ]


def test_a_bind_engine_picked_by_the_signed_in_users_org_is_one_finding(project: Any) -> None:
    """`db.engines[key]` is both a lookup in a registry of stores and a Flask-SQLAlchemy connection: one finding."""
    code = """\
from flask_login import current_user
from flask_sqlalchemy import SQLAlchemy
db = SQLAlchemy()
def org_engine():
    return db.engines[f"tenant_{current_user.tenant_id}"]
"""
    finding = one(lint302(project, {"workspace_server/__init__.py": "", "workspace_server/binds.py": code}), "MOL302")
    assert (finding.loc.line, "signed-in user's field `tenant_id`") == (5, finding.message.split("(")[1].split(")")[0])


def test_two_handlers_handing_their_org_ids_to_one_builder_are_two_findings(project: Any) -> None:
    api = '''\
        from fastapi import APIRouter, Header, Request
        from workspace_server.db import connect_for
        router = APIRouter()
        @router.get("/a")
        def a(x_org_id: str = Header(...)):
            return connect_for(x_org_id)
        @router.get("/b")
        def b(request: Request):
            return connect_for(request.url.hostname.split(".")[0])
        '''
    files = {"workspace_server/__init__.py": "", "workspace_server/api.py": api, "workspace_server/db.py": DB}
    assert found(lint302(project, files), "MOL302") == [
        ("MOL302", "workspace_server/api.py", 6),
        ("MOL302", "workspace_server/api.py", 9),
    ]


def test_a_store_chosen_in_shared_code_is_reported_where_tenant_code_hands_the_org_id_over(project: Any) -> None:
    files = {
        "workspace_server/__init__.py": "",
        "workspace_server/api.py": HANDLER.replace("workspace_server.exports", "common.exports"),
        "common/__init__.py": "",
        "common/exports.py": EXPORTS.replace("from workspace_server import db", "from common import db"),
        "common/db.py": DB,
    }
    finding = one(lint302(project, files), "MOL302")
    assert (finding.path, finding.loc.line) == ("workspace_server/api.py", 11)
    assert finding.message.startswith("tenant service `workspace-server` hands a runtime org id (header `X-Org-Id`)")
    assert finding.trace[-1].path == "common/db.py"


def test_the_prefilter_parses_every_file_a_chain_or_an_entry_point_depends_on(tmp_path: Path) -> None:
    files = {
        "workspace_server/__init__.py": "",
        "workspace_server/api.py": HANDLER,
        "workspace_server/exports.py": EXPORTS,
        "workspace_server/db.py": DB,
        "workspace_server/tenancy.py": "import psycopg\n\ndef connect_as(org_id):\n    return psycopg.connect(org_id)\n",
        # the only caller of `connect_as`, outside tenant code: it is no entry point taking a runtime org id
        "scripts/backfill.py": "import os\n\nfrom workspace_server.tenancy import connect_as\n\n"
        "connect_as(os.environ['MOLECULE_ORG_ID'])\n",
    }
    write_project(tmp_path, files, {**CONFIG, "rules": {"select": ["MOL301", "MOL302"]}})
    prefiltered, full = lint(tmp_path), lint(tmp_path, prefilter=False)
    assert found(prefiltered, "MOL302") == found(full, "MOL302") == [("MOL302", "workspace_server/api.py", 11)]


def test_the_prefilter_parses_tenant_code_building_the_platform_url_from_an_imported_constant(tmp_path: Path) -> None:
    files = {
        "workspace_server/__init__.py": "",
        "workspace_server/hosts.py": 'CONTROL = "api.molecule.app"\nSCHEME = "https"\n',
        "workspace_server/usage.py": "import httpx\nfrom workspace_server.hosts import CONTROL, SCHEME\n\n"
        'def report(n):\n    httpx.post(f"{SCHEME}://{CONTROL}/v1/usage", json={"n": n})\n',
        "workspace_server/links.py": "from workspace_server.hosts import SCHEME\n\n"
        'DOCS = f"{SCHEME}://docs.molecule.dev/guide"\n',  # another host: no finding
    }
    write_project(tmp_path, files, {**CONFIG, "rules": {"select": ["MOL301"]}})
    prefiltered, full = lint(tmp_path), lint(tmp_path, prefilter=False)
    assert found(prefiltered, "MOL301") == found(full, "MOL301") == [("MOL301", "workspace_server/usage.py", 5)]


@pytest.mark.parametrize(
    ("send", "document"),
    [
        ("httpx.post(CFG.platform, json={'n': n})", "platform: ${oc.env:CP_URL}\n"),
        ("httpx.Client(base_url=CFG['platform']).post('/v1/usage')", "platform: ${oc.env:CP_URL,https://x.dev}\n"),
    ],
)
def test_the_prefilter_parses_tenant_code_loading_a_config_document(tmp_path: Path, send: str, document: str) -> None:
    """The platform's address written only in a YAML file the settings module loads: neither Python file
    names it, both are parsed."""
    files = {
        "workspace_server/__init__.py": "",
        "workspace_server/conf.yaml": document,
        "workspace_server/settings.py": "from omegaconf import OmegaConf\n\nCFG = OmegaConf.load('workspace_server/conf.yaml')\n",
        "workspace_server/usage.py": "import httpx\nfrom workspace_server.settings import CFG\n\n"
        f"def report(n):\n    return {send}\n",
    }
    write_project(tmp_path, files, {**CONFIG, "rules": {"select": ["MOL301"]}})
    prefiltered, full = lint(tmp_path), lint(tmp_path, prefilter=False)
    assert found(prefiltered, "MOL301") == found(full, "MOL301") == [("MOL301", "workspace_server/usage.py", 5)]


@pytest.mark.parametrize(
    ("code", "flags"),
    [
        (b'org = request.headers["X-Org-Id"]', {"reads_request"}),
        (b"def f(org: str = Header()): ...", {"reads_request"}),
        (b"org = current_user.org_id", {"reads_request"}),
        (b'r = redis.Redis.from_url(os.environ["TENANT_REDIS_URL"])', set()),  # an env var picks nothing
        (b'conn = psycopg.connect("postgresql://db/app")', set()),  # nor does a literal
        (b"conn = psycopg.connect(dsn)", {"picks_store"}),
        (b'conn.execute(f"SET search_path TO {schema}")', {"picks_store"}),
        (b'q = "SELECT * FROM " + table', {"picks_store"}),
        (b"engine = TENANT_ENGINES[org]", {"picks_store"}),
        (b'dsn = os.environ[f"DSN_{org}"]', {"picks_store"}),
        (b"rows = Memory.objects.using(alias)", {"picks_store"}),  # a Django database alias
        (b'rows = Memory.objects.using("default")', set()),
        (b'URL = os.getenv("MOLECULE_PLATFORM_URL", "https://API.molecule.app")', {"platform_words"}),
    ],
)
def test_the_scan_sees_where_the_runtime_contract_may_be_broken(code: bytes, flags: set[str]) -> None:
    scan = scan_source(code + b"\n", "m", False, Needles([], [], ["PLATFORM_URL", "api.molecule.app"]))
    found_flags = {flag for flag in ("reads_request", "picks_store", "platform_words") if getattr(scan, flag)}
    assert found_flags == flags


def test_jobs_a_worker_settings_class_lists_take_their_org_from_the_message(project: Any) -> None:
    """arq runs the jobs its settings class lists (`functions = [...]`, `cron_jobs = [cron(job)]`, beside
    `redis_settings`) with what the enqueuer sent after its own `ctx`: an org id there picking the store is
    MOL302. The context the worker fills, and a list in a class that is no worker's settings, are not."""
    files = {
        "workspace_server/__init__.py": "",
        "workspace_server/jobs.py": """\
import psycopg
from arq import cron
from arq.connections import RedisSettings


async def reindex(ctx, org_id):
    return psycopg.connect(f"postgresql://db/ws_{org_id}")


async def compact(ctx, tenant):
    return psycopg.connect(f"postgresql://db/ws_{tenant}")


async def vacuum(ctx):
    return psycopg.connect(ctx["dsn"])


async def unlisted(ctx, org_id):
    return psycopg.connect(f"postgresql://db/ws_{org_id}")


class Queue:
    functions = [reindex, vacuum]
    cron_jobs = [cron(compact, hour=1)]
    redis_settings = RedisSettings()


class Menu:
    functions = [unlisted]
""",
    }
    assert found(lint302(project, files), "MOL302") == [
        ("MOL302", "workspace_server/jobs.py", 7),
        ("MOL302", "workspace_server/jobs.py", 11),
    ]


def test_mol302_traps_stay_silent(project: Any) -> None:
    tenant = '''\
        import logging
        import os

        import httpx
        import psycopg
        import redis
        from fastapi import APIRouter, HTTPException, Request
        from prometheus_client import Counter

        router = APIRouter()
        log = logging.getLogger(__name__)
        REQUESTS = Counter("requests", "requests by org", ["org"])
        ORG_ID = os.environ["MOLECULE_ORG_ID"]
        SCHEMA = f"org_{ORG_ID}"


        def schema_conn(org_id):
            return psycopg.connect(f"postgresql://tenant-db/{org_id}")


        OWN = schema_conn(os.getenv("MOLECULE_ORG_ID"))


        def own_schema() -> str:
            return f"SET search_path TO org_{os.environ['MOLECULE_ORG_ID']}"


        @router.get("/items")
        def items(request: Request, workspace_id: str) -> list:
            org = request.headers["X-Org-Id"]
            log.info("items for org %s", org)
            REQUESTS.labels(org=org).inc()
            httpx.post(f"{os.environ['MOLECULE_PLATFORM_URL']}/orgs/{org}/usage")  # told to the platform
            redis.from_url(os.environ["REDIS_URL"]).get(f"items:{org}")  # a key in the tenant's own Redis
            with psycopg.connect(os.environ["TENANT_DATABASE_URL"], application_name=f"ws-{org}") as conn:
                conn.execute(f"SET search_path TO ws_{workspace_id}")
                rows = conn.execute(f"SELECT id FROM memories WHERE org_id = '{org}'").fetchall()
            if org != ORG_ID:
                raise HTTPException(403, f"this host serves one org, not {org}")
            with psycopg.connect(f"postgresql://tenant-db/org_{org}") as conn:
                return rows + conn.execute("SELECT id FROM workspaces").fetchall()
        '''
    platform = '''\
        import psycopg
        from fastapi import APIRouter

        router = APIRouter()


        @router.get("/orgs/{org_id}/usage")
        def usage(org_id: str) -> list:
            return psycopg.connect(f"postgresql://platform-db/usage_{org_id}").execute("SELECT 1").fetchall()
        '''
    files = {"workspace_server/__init__.py": "", "workspace_server/api.py": tenant, "controlplane/api.py": platform}
    assert found(lint302(project, files), "MOL302") == []


def test_values_a_middleware_may_have_set_and_maps_of_websockets_are_not_mol302(project: Any) -> None:
    python = '''\
        import psycopg
        from fastapi import APIRouter, Request, WebSocket

        router = APIRouter()
        TENANT_DSNS = {"o1": "postgresql://db/o1"}
        active_connections = {}


        @router.get("/items")
        def items(request: Request):
            return psycopg.connect(TENANT_DSNS[request.state.org_id])


        @router.websocket("/ws")
        async def ws(websocket: WebSocket):
            org = websocket.headers["X-Org-Id"]
            active_connections[org] = websocket
            await active_connections[org].send_text("hello")
        '''
    go = """\
        package api

        import "net/http"

        var tenantPools = map[string]string{}

        func Items(w http.ResponseWriter, r *http.Request) {
        \torg := r.Context().Value(orgKey).(string)
        \t_ = tenantPools[org]
        }
        """
    files = {"workspace_server/api.py": python, "agent/go.mod": GO_MOD, "agent/api/items.go": go}
    assert found(lint302(project, files), "MOL302") == []


# --- MOL302: Go ----------------------------------------------------------------------------


def test_a_go_header_through_another_package_into_a_dsn(project: Any) -> None:
    handler = """\
        package api

        import (
        \t"log"
        \t"net/http"
        \t"os"

        \t"example.com/agent/store"
        )

        func Export(w http.ResponseWriter, r *http.Request) {
        \torgID := r.Header.Get("X-Org-ID")
        \tlog.Printf("export for %s", orgID)
        \tdb, err := store.Open(orgID)
        \tif err != nil || db == nil {
        \t\treturn
        \t}
        \town := os.Getenv("MOLECULE_ORG_ID")
        \t_, _ = store.Open(own)
        }
        """
    opener = """\
        package store

        import (
        \t"database/sql"
        \t"fmt"
        )

        func Open(org string) (*sql.DB, error) {
        \treturn sql.Open("postgres", fmt.Sprintf("postgres://tenant-db/org_%s", org))
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/api/export.go": handler, "agent/store/open.go": opener}
    finding = one(lint302(project, files), "MOL302")
    assert (finding.path, finding.loc.line) == ("agent/api/export.go", 14)
    assert [(hop.path, hop.line) for hop in finding.trace] == [
        ("agent/api/export.go", 12),
        ("agent/api/export.go", 14),
        ("agent/store/open.go", 9),
    ]


def test_a_go_path_parameter_into_a_method_of_a_receiver_field_of_another_package(project: Any) -> None:
    handler = """\
        package api

        import (
        \t"net/http"

        \t"example.com/agent/tenants"
        )

        type Server struct {
        \tregistry *tenants.Registry
        \town      string
        }

        func (s *Server) Items(w http.ResponseWriter, r *http.Request) {
        \ts.registry.Conn(r.PathValue("tenant_id"))
        \ts.registry.Conn(s.own)
        }
        """
    registry = """\
        package tenants

        import "database/sql"

        type Registry struct{ dsns map[string]string }

        func (g *Registry) Conn(tenant string) (*sql.DB, error) {
        \treturn sql.Open("postgres", g.dsns[tenant])
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/api/items.go": handler, "agent/tenants/registry.go": registry}
    finding = one(lint302(project, files), "MOL302")
    assert (finding.path, finding.loc.line) == ("agent/api/items.go", 15)
    assert finding.trace[-1] == Hop("agent/tenants/registry.go", 8, "lookup `g.dsns[tenant]`")


def test_a_go_data_access_object_made_for_the_requests_org(project: Any) -> None:
    handler = """\
        package api

        import (
        \t"net/http"

        \t"example.com/agent/audit"
        \t"example.com/agent/repo"
        )

        func Items(w http.ResponseWriter, r *http.Request) {
        \ttenant := r.Header.Get("X-Tenant-ID")
        \tevents <- audit.Event{OrgID: tenant}
        \t_ = repo.New(nil, tenant).List()
        }
        """
    constructor = """\
        package repo

        type MemoryRepo struct {
        \tdb       any
        \ttenantID string
        }

        func New(db any, tenantID string) *MemoryRepo {
        \treturn &MemoryRepo{db: db, tenantID: tenantID}
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/api/items.go": handler, "agent/repo/repo.go": constructor}
    finding = one(lint302(project, files), "MOL302")
    assert (finding.path, finding.loc.line) == ("agent/api/items.go", 13)
    assert finding.trace[-1] == Hop("agent/repo/repo.go", 9, "identity: a `MemoryRepo` made for its `tenantID`")


def test_go_request_values_choosing_a_schema_or_a_map_entry(project: Any) -> None:
    code = """\
        package api

        import (
        \t"context"
        \t"database/sql"
        \t"fmt"
        \t"net/http"
        \t"os"

        \t"github.com/go-chi/chi/v5"
        )

        var tenantPools = map[string]*sql.DB{}
        var ownSchema = "org_" + os.Getenv("MOLECULE_ORG_ID")

        func Items(w http.ResponseWriter, r *http.Request) {
        \tdb := tenantPools[chi.URLParam(r, "orgID")]
        \tdb.Exec(fmt.Sprintf("SET search_path TO %s", ownSchema))
        }

        func Search(ctx context.Context, db *sql.DB, r *http.Request) {
        \ttenant := r.URL.Query().Get("tenant")
        \tdb.ExecContext(ctx, "SET search_path TO org_"+tenant)
        \tworkspace := r.PathValue("workspace")
        \tdb.ExecContext(ctx, "SET search_path TO ws_"+workspace)
        \tif tenant != os.Getenv("MOLECULE_ORG_ID") {
        \t\treturn
        \t}
        \tdb.ExecContext(ctx, "SELECT * FROM "+tenant+".memories")
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/api/items.go": code}
    expected = [("MOL302", "agent/api/items.go", 17), ("MOL302", "agent/api/items.go", 23)]
    assert found(lint302(project, files), "MOL302") == expected


def test_go_a_request_field_compared_with_the_own_org_chooses_nothing(project: Any) -> None:
    """`if req.OrgID != own { return }` clears the field, as a guard on a name does; another field stays."""
    code = """\
        package api

        import (
        \t"database/sql"
        \t"encoding/json"
        \t"net/http"
        \t"os"
        )

        type countRequest struct {
        \tOrgID  string `json:"org_id"`
        \tTeamID string `json:"team_id"`
        }

        func Count(w http.ResponseWriter, r *http.Request) {
        \tvar req countRequest
        \tjson.NewDecoder(r.Body).Decode(&req)
        \tif req.OrgID != os.Getenv("MOLECULE_ORG_ID") {
        \t\treturn
        \t}
        \tsql.Open("postgres", "dbname=org_"+req.OrgID)
        \tif req.TeamID != os.Getenv("MOLECULE_ORG_ID") {
        \t\treturn
        \t}
        \tsql.Open("postgres", "dbname=org_"+req.OrgID+"_"+req.TeamID)
        }

        func Export(w http.ResponseWriter, r *http.Request) {
        \tvar body countRequest
        \tjson.NewDecoder(r.Body).Decode(&body)
        \tif body.TeamID != os.Getenv("MOLECULE_ORG_ID") {
        \t\treturn
        \t}
        \tsql.Open("postgres", "dbname=org_"+body.OrgID)
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/api/count.go": code}
    assert found(lint302(project, files), "MOL302") == [("MOL302", "agent/api/count.go", 34)]


def test_go_request_hosts_choosing_a_pool(project: Any) -> None:
    code = """\
        package api

        import (
        \t"log"
        \t"net/http"
        \t"strings"

        \t"github.com/jackc/pgx/v5/pgxpool"
        )

        func Items(w http.ResponseWriter, r *http.Request) {
        \tsub := strings.SplitN(r.Host, ".", 2)[0]
        \tlog.Printf("items on %s", sub)
        \tpool, _ := pgxpool.New(r.Context(), "postgres://db/org_"+sub)
        \tdefer pool.Close()
        \thttp.Redirect(w, r, "https://"+r.URL.Hostname()+"/app", http.StatusFound)
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/api/items.go": code}
    assert found(lint302(project, files), "MOL302") == [("MOL302", "agent/api/items.go", 14)]


def test_a_go_handler_written_as_a_function_literal(project: Any) -> None:
    code = """\
        package api

        import (
        \t"net/http"

        \t"github.com/go-chi/chi/v5"
        \t"github.com/jackc/pgx/v5/pgxpool"
        )

        func Routes(router chi.Router) {
        \trouter.Get("/orgs/{orgID}/items", func(w http.ResponseWriter, req *http.Request) {
        \t\tpool, _ := pgxpool.New(req.Context(), "postgres://db/org_"+chi.URLParam(req, "orgID"))
        \t\tdefer pool.Close()
        \t})
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/api/items.go": code}
    assert found(lint302(project, files), "MOL302") == [("MOL302", "agent/api/items.go", 12)]


def test_a_go_org_id_kept_in_the_request_context_by_a_middleware(project: Any) -> None:
    middleware = """\
        package mw

        import (
        \t"context"
        \t"net/http"
        \t"os"

        \t"github.com/go-chi/chi/v5"
        )

        type ctxKey struct{}

        type Key string

        var orgKey = ctxKey{}

        func WithOrg(next http.Handler) http.Handler {
        \treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        \t\tctx := context.WithValue(r.Context(), orgKey, r.Header.Get("X-Org-ID"))
        \t\tctx = context.WithValue(ctx, Key("tenant"), chi.URLParam(r, "tenantID"))
        \t\tctx = context.WithValue(ctx, Key("own"), os.Getenv("MOLECULE_ORG_ID"))
        \t\tnext.ServeHTTP(w, r.WithContext(ctx))
        \t})
        }

        func OrgFrom(ctx context.Context) string {
        \torg, _ := ctx.Value(orgKey).(string)
        \treturn org
        }
        """
    handlers = """\
        package api

        import (
        \t"net/http"

        \t"github.com/jackc/pgx/v5/pgxpool"

        \t"example.com/agent/mw"
        )

        func Items(w http.ResponseWriter, r *http.Request) {
        \tpool, _ := pgxpool.New(r.Context(), "postgres://db/org_"+mw.OrgFrom(r.Context()))
        \tdefer pool.Close()
        }

        func Tenant(w http.ResponseWriter, r *http.Request) {
        \ttenant := r.Context().Value(mw.Key("tenant")).(string)
        \tpool, _ := pgxpool.New(r.Context(), "postgres://db/t_"+tenant)
        \tdefer pool.Close()
        }

        func Own(w http.ResponseWriter, r *http.Request) {
        \town := r.Context().Value(mw.Key("own")).(string)
        \tpool, _ := pgxpool.New(r.Context(), "postgres://db/org_"+own)
        \tdefer pool.Close()
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/mw/org.go": middleware, "agent/api/items.go": handlers}
    result = lint302(project, files)
    assert found(result, "MOL302") == [("MOL302", "agent/api/items.go", 12), ("MOL302", "agent/api/items.go", 18)]
    first = next(f for f in result.findings if f.loc.line == 12)
    assert [hop.note for hop in first.trace][:3] == [
        "runtime org id: header `X-Org-ID`", "stores it in `mw.orgKey`", "reads it back from `mw.orgKey`"
    ]


def test_go_jwt_claims_decoded_into_a_variable_and_kept_in_the_request_context(project: Any) -> None:
    """`jwt.ParseWithClaims(raw, claims, ...)` decodes the request's token into `claims` (as `Decode(&req)`
    does a body); stored with `context.WithValue`, read back by a getter or in the handler, a field of it is a
    runtime org id. Claims of a token the deployment gives (an env var) are not the request's."""
    middleware = """\
        package mw

        import (
        \t"context"
        \t"net/http"
        \t"os"
        \t"strings"

        \tjwt "github.com/dgrijalva/jwt-go"
        )

        type Claims struct {
        \tTenantID string `json:"tenant_id"`
        \tjwt.StandardClaims
        }

        type key int

        var claimsKey key = 1

        var serviceKey key = 2

        func Auth(next http.Handler) http.Handler {
        \treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        \t\ttoken := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
        \t\tclaims := new(Claims)
        \t\tclaims = &Claims{}
        \t\tif _, err := jwt.ParseWithClaims(token, claims, nil); err != nil {
        \t\t\treturn
        \t\t}
        \t\tservice := &Claims{}
        \t\t_, _ = jwt.ParseWithClaims(os.Getenv("SERVICE_TOKEN"), service, nil)
        \t\tctx := context.WithValue(r.Context(), claimsKey, claims)
        \t\tnext.ServeHTTP(w, r.WithContext(context.WithValue(ctx, serviceKey, service)))
        \t})
        }

        func Current(ctx context.Context) *Claims {
        \treturn ctx.Value(claimsKey).(*Claims)
        }

        func Service(ctx context.Context) *Claims {
        \treturn ctx.Value(serviceKey).(*Claims)
        }
        """
    handlers = """\
        package api

        import (
        \t"net/http"

        \t"github.com/jackc/pgx/v5/pgxpool"

        \t"example.com/agent/mw"
        )

        func Items(w http.ResponseWriter, r *http.Request) {
        \tclaims := mw.Current(r.Context())
        \tpool, _ := pgxpool.New(r.Context(), "postgres://db/t_"+claims.TenantID)
        \tdefer pool.Close()
        }

        func Own(w http.ResponseWriter, r *http.Request) {
        \tpool, _ := pgxpool.New(r.Context(), "postgres://db/t_"+mw.Service(r.Context()).TenantID)
        \tdefer pool.Close()
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/mw/auth.go": middleware, "agent/api/items.go": handlers}
    result = lint302(project, files)
    assert found(result, "MOL302") == [("MOL302", "agent/api/items.go", 13)]
    assert one(result, "MOL302").trace[0].note == "runtime org id: token claim `TenantID`"


def test_go_chi_jwtauth_claims_choosing_a_pool(project: Any) -> None:
    code = """\
        package api

        import (
        \t"log"
        \t"net/http"

        \t"github.com/go-chi/jwtauth/v5"
        \t"github.com/jackc/pgx/v5/pgxpool"
        )

        func Items(w http.ResponseWriter, r *http.Request) {
        \ttoken, claims, err := jwtauth.FromContext(r.Context())
        \tlog.Printf("%v %v %v", token, claims["sub"], err)
        \tpool, _ := pgxpool.New(r.Context(), "postgres://db/t_"+claims["tenant_id"].(string))
        \tdefer pool.Close()
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/api/items.go": code}
    assert found(lint302(project, files), "MOL302") == [("MOL302", "agent/api/items.go", 14)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("orgDBs", ["org", "dbs"]), ("tenantIDs", ["tenant", "ids"]), ("HTTPServer", ["http", "server"]),
     ("DSN_URLs", ["dsn", "urls"])],
)  # fmt: skip
def test_plural_initialisms_are_one_word(name: str, expected: list[str]) -> None:
    assert words(name) == expected


def test_a_go_map_of_databases_named_with_a_plural_initialism(project: Any) -> None:
    code = """\
        package api

        import (
        \t"database/sql"
        \t"net/http"
        )

        var orgDBs = map[string]*sql.DB{}

        func Items(w http.ResponseWriter, r *http.Request) {
        \tdb := orgDBs[r.Header.Get("X-Org-ID")]
        \tdb.Exec("SELECT 1")
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/api/items.go": code}
    assert found(lint302(project, files), "MOL302") == [("MOL302", "agent/api/items.go", 11)]


def test_go_gin_jwt_claims_choosing_a_pool(project: Any) -> None:
    code = """\
        package api

        import (
        \t"database/sql"

        \tjwt "github.com/appleboy/gin-jwt/v2"
        \t"github.com/gin-gonic/gin"
        )

        var tenantPools = map[string]*sql.DB{}

        func Items(c *gin.Context) {
        \tclaims := jwt.ExtractClaims(c)
        \tdb := tenantPools[claims["org_id"].(string)]
        \tdb.Exec("SELECT 1")
        \tc.JSON(200, gin.H{"user": claims["sub"]})
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/api/items.go": code}
    assert found(lint302(project, files), "MOL302") == [("MOL302", "agent/api/items.go", 14)]


# --- the facts behind them --------------------------------------------------------------


def python_facts(code: str, path: str = "pkg/mod.py") -> tuple[Any, ...]:
    result = analyze_python(path, path.removesuffix(".py").replace("/", "."), textwrap.dedent(code).encode())
    assert result.error is None
    return result.facts


def go_facts(code: str) -> tuple[Any, ...]:
    result = analyze_go("agent/x.go", "example.com/agent", textwrap.dedent(code).encode())
    assert result.error is None
    return result.facts


def loop_sites(facts: tuple[Any, ...]) -> list[Any]:
    return [site for fact in facts if isinstance(fact, Summary) for site in fact.loops]


def test_url_literals_skip_prose_and_keep_code() -> None:
    facts = python_facts(
        '''\
        """See https://a.example/docs."""
        import logging
        log = logging.getLogger(__name__)
        BASE = "https://a.example"  # https://b.example
        def f():
            """https://c.example"""
            log.warning("https://d.example down")
            raise ValueError(f"https://e.example/{BASE}")
            return {"url": "http://f.example/x", "q": "SELECT 1 FROM t WHERE u = 'https://g.example'"}
        '''
    )
    assert [fact.loc.line for fact in facts if isinstance(fact, UrlLiteral)] == [4, 9]


# --- loop accumulation (LoopSite.accumulates, MOL202) --------------------------------------


@pytest.mark.parametrize(
    ("body", "accumulates"),
    [
        ("total = 0\n    for org in orgs:\n        total += count(org)", True),
        ("seen = set()\n    for org in orgs:\n        seen |= {org}", True),
        ("out = []\n    for org in orgs:\n        out.append(fetch(org))", True),
        ("by = {}\n    for org in orgs:\n        by[org.id] = fetch(org)", True),
        ("for org in orgs:\n        yield fetch(org)", True),
        ("return [fetch(o) for o in orgs]", True),
        ("return list(pool.map(fetch, orgs))", True),
        ("for org in orgs:\n        notify(org)", False),
        ("for org in orgs:\n        row = fetch(org)\n        print(row)", False),
        ("[notify(o) for o in orgs]", False),
        ("pool.map(notify, orgs)", False),
    ],
)
def test_python_loops_say_whether_they_accumulate(body: str, accumulates: bool) -> None:
    loops = loop_sites(python_facts(f"def run(orgs, pool):\n    {body}\n"))
    assert [loop.accumulates for loop in loops] == [accumulates]


@pytest.mark.parametrize(
    ("body", "accumulates"),
    [
        ("total := 0\n\tfor _, org := range orgs {\n\t\ttotal += count(org)\n\t}", True),
        ("var out []int\n\tfor _, org := range orgs {\n\t\tout = append(out, count(org))\n\t}", True),
        ("n := 0\n\tfor _, org := range orgs {\n\t\tif count(org) > 0 {\n\t\t\tn++\n\t\t}\n\t}", True),
        ("by := map[string]int{}\n\tfor _, org := range orgs {\n\t\tby[org] = count(org)\n\t}", True),
        ("for _, org := range orgs {\n\t\tgo func(o string) { results <- count(o) }(org)\n\t}", True),
        ("for _, org := range orgs {\n\t\tsums.Store(org, count(org))\n\t}", True),
        ("for _, org := range orgs {\n\t\tnotify(org)\n\t}", False),
        ("for _, org := range orgs {\n\t\trow := fetch(org)\n\t\trow.N++\n\t\tlog.Println(row)\n\t}", True),
        ("for _, org := range orgs {\n\t\tn := count(org)\n\t\tn++\n\t\tlog.Println(n)\n\t}", False),
    ],
)
def test_go_loops_say_whether_they_accumulate(body: str, accumulates: bool) -> None:
    code = f"package fleet\n\nfunc Run(orgs []string, results chan int, sums *sync.Map) {{\n\t{body}\n}}\n"
    loops = loop_sites(go_facts(code))
    assert [loop.accumulates for loop in loops] == [accumulates]


def test_a_platform_loop_over_orgs_that_keeps_nothing_is_not_mol202(project: Any) -> None:
    config = {
        "services": [
            {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
            {"name": "common", "plane": "shared", "paths": ["common/"]},
        ],
        "tenant_data": {"tables": ["agent_memories"]},
        "rules": {"select": ["MOL202"]},
    }
    files = {
        "common/__init__.py": "",
        "common/memory.py": """\
            def purge(conn, org):
                conn.execute("DELETE FROM agent_memories WHERE org_id = %s", (org,))

            def count(conn, org):
                return conn.execute("SELECT count(*) FROM agent_memories WHERE org_id = %s", (org,))
            """,
        "controlplane/__init__.py": "",
        "controlplane/jobs.py": """\
            from common.memory import count, purge

            def purge_all(conn, orgs):
                for org in orgs:
                    purge(conn, org)

            def total(conn, orgs):
                return sum(count(conn, org) for org in orgs)
            """,
    }
    assert found(project(files, config), "MOL202") == [("MOL202", "controlplane/jobs.py", 8)]


def test_a_schema_map_is_no_store_unless_its_name_reaches_one(project: Any) -> None:
    """`schema` names a pydantic or JSON schema as often as a database one: a map of them keyed by the
    request's org is no store choice, but a schema name taken from such a map and put into the
    search_path is (reported where the SQL is built)."""
    python = '''\
        from fastapi import APIRouter, Header
        from sqlalchemy import text

        router = APIRouter()
        response_schema_map = {"o1": dict, "o2": list}
        ORG_SCHEMAS = {"o1": "org_1", "o2": "org_2"}


        @router.get("/items")
        def items(x_org_id: str = Header()):
            return response_schema_map[x_org_id]


        @router.get("/rows")
        def rows(session, x_org_id: str = Header()):
            schema = ORG_SCHEMAS[x_org_id]
            return session.execute(text(f"SET search_path TO {schema}"))
        '''
    files = {"workspace_server/__init__.py": "", "workspace_server/api.py": python}
    assert found(lint302(project, files), "MOL302") == [("MOL302", "workspace_server/api.py", 17)]


# --- MOL302 in the analysis core: what the per-language copies could not see -----------------


@pytest.mark.parametrize(
    ("server", "handler"),
    [
        (  # net/http: the struct of the receiver is declared in another file of the package
            """\
            package api

            import "example.com/agent/tenants"

            type Server struct {
            \tregistry *tenants.Registry
            \town      string
            }
            """,
            """\
            package api

            import "net/http"

            func (s *Server) Items(w http.ResponseWriter, r *http.Request) {
            \ts.registry.Conn(r.PathValue("tenant_id"))
            \ts.registry.Conn(s.own)
            }
            """,
        ),
        (  # gin: the same, a handler reading the path parameter from its context
            """\
            package api

            import "example.com/agent/tenants"

            type Handler struct{ registry *tenants.Registry }
            """,
            """\
            package api

            import "github.com/gin-gonic/gin"

            func (h *Handler) Items(c *gin.Context) {
            \th.registry.Conn(c.Param("org"))
            \th.registry.Conn(c.Param("workspace"))
            }
            """,
        ),
    ],
)
def test_a_go_receiver_field_typed_in_another_file_of_the_package(project: Any, server: str, handler: str) -> None:
    registry = """\
        package tenants

        import "database/sql"

        type Registry struct{ dsns map[string]string }

        func (g *Registry) Conn(tenant string) (*sql.DB, error) {
        \treturn sql.Open("postgres", g.dsns[tenant])
        }
        """
    files = {
        "agent/go.mod": GO_MOD,
        "agent/api/server.go": server,
        "agent/api/items.go": handler,
        "agent/tenants/registry.go": registry,
    }
    finding = one(lint302(project, files), "MOL302")
    assert (finding.path, finding.loc.line) == ("agent/api/items.go", 6)
    assert finding.trace[-1] == Hop("agent/tenants/registry.go", 8, "lookup `g.dsns[tenant]`")


@pytest.mark.parametrize(
    ("code", "line"),
    [
        (  # a helper renames the org id before the helper that connects: followed all the way
            '''\
            import psycopg
            from flask import Flask, request
            app = Flask(__name__)
            def connect(dsn):
                return psycopg.connect(dsn)
            def dsn_for(schema):
                return connect(f"postgresql://db/app?options=-csearch_path%3D{schema}")
            @app.get("/items")
            def items():
                return dsn_for(request.headers["X-Org-Id"])
            ''',
            10,
        ),
        (  # the same through methods of one object, the org id's name lost on the way
            '''\
            from django.db import connections
            from rest_framework.views import APIView
            class Aliases:
                def cursor(self, alias):
                    return connections[alias].cursor()
                def of(self, key):
                    return self.cursor(f"org_{key}")
            class Items(APIView):
                def get(self, request):
                    return Aliases().of(request.query_params["org_id"])
            ''',
            10,
        ),
        (  # a Django queryset on the database alias of the request's org
            '''\
            from django.db import models
            class Memory(models.Model):
                body = models.TextField()
            def items(request):
                return list(Memory.objects.using("org_" + request.headers["X-Org-Id"]).all())
            ''',
            5,
        ),
        (  # look-alike: an alias fixed in code, the org id only a filter
            '''\
            from django.db import models
            class Memory(models.Model):
                body = models.TextField()
            def items(request):
                return list(Memory.objects.using("default").filter(org_id=request.headers["X-Org-Id"]))
            ''',
            0,
        ),
        (  # look-alike: a key built from the org id, read from the tenant's own Redis by a helper
            '''\
            import hashlib
            from redis import Redis
            def cached(redis: Redis, key: str):
                return redis.get(key)
            def items(request, redis: Redis):
                key = hashlib.sha256(request.headers["X-Org-Id"].encode()).hexdigest()
                return cached(redis, f"items:{key}")
            ''',
            0,
        ),
        (  # look-alike: the helper chain given the host's own org
            '''\
            import os
            import psycopg
            def connect(dsn):
                return psycopg.connect(dsn)
            def dsn_for(schema):
                return connect(f"postgresql://db/app?options=-csearch_path%3D{schema}")
            def items(request):
                return dsn_for(os.environ["MOLECULE_ORG_ID"])
            ''',
            0,
        ),
    ],
)
def test_org_ids_are_followed_through_any_helper_the_core_resolves(project: Any, code: str, line: int) -> None:
    files = {"workspace_server/__init__.py": "", "workspace_server/api.py": code}
    expected = [("MOL302", "workspace_server/api.py", line)] if line else []
    assert found(lint302(project, files), "MOL302") == expected


@pytest.mark.parametrize(
    ("code", "line"),
    [
        (  # a DRF @action's URL kwarg (a nested router's) picks the cache
            '''\
            from django.core.cache import caches
            from rest_framework import decorators, viewsets
            class Notes(viewsets.GenericViewSet):
                @decorators.action(detail=True, methods=["post"])
                def warm(self, request, pk=None, tenant_pk=None):
                    caches["tenant-" + tenant_pk].set("warm", 1)
            ''',
            6,
        ),
        (  # the same decorator under a module-level name the core resolves
            '''\
            from django.core.cache import caches
            from rest_framework import decorators, viewsets
            detail = decorators.action
            class Notes(viewsets.GenericViewSet):
                @detail(detail=True, methods=["post"])
                def warm(self, request, pk=None, tenant_pk=None):
                    caches["tenant-" + tenant_pk].set("warm", 1)
            ''',
            7,
        ),
        (  # look-alike: a method of a library object that is no DRF action
            '''\
            from django.core.cache import caches
            from rest_framework import viewsets
            from slowapi import Limiter
            detail = Limiter(key_func=str)
            class Notes(viewsets.GenericViewSet):
                @detail.limit("5/minute")
                def warm(self, request, pk=None, tenant_pk=None):
                    caches["tenant-" + tenant_pk].set("warm", 1)
            ''',
            0,
        ),
        (  # look-alike: a method under another decorator, its parameter given by the project's code
            '''\
            from django.core.cache import caches
            from django.db import transaction
            from rest_framework import viewsets
            class Notes(viewsets.GenericViewSet):
                @transaction.atomic
                def warm(self, request, pk=None, tenant_pk=None):
                    caches["tenant-" + tenant_pk].set("warm", 1)
            ''',
            0,
        ),
        (  # a Django class-based view's handler method is given the URL's kwargs
            '''\
            from django.db import connections
            from django.views.generic import View
            class Export(View):
                def get(self, request, org_id):
                    return connections[f"org_{org_id}"].cursor()
            ''',
            5,
        ),
        (  # look-alike: a helper method of the view, and a `get` of a class that is no view
            '''\
            from django.db import connections
            from django.views.generic import View
            class Export(View):
                def export(self, request, org_id):
                    return connections[f"org_{org_id}"].cursor()
            class Pools(dict):
                def get(self, request, org_id):
                    return connections[f"org_{org_id}"].cursor()
            ''',
            0,
        ),
    ],
)
def test_url_kwargs_of_class_based_views_and_drf_actions(project: Any, code: str, line: int) -> None:
    files = {"workspace_server/__init__.py": "", "workspace_server/api.py": code}
    expected = [("MOL302", "workspace_server/api.py", line)] if line else []
    assert found(lint302(project, files), "MOL302") == expected


def test_url_kwargs_of_a_function_view_a_url_configuration_routes_to(project: Any) -> None:
    files = {
        "workspace_server/__init__.py": "",
        "workspace_server/urls.py": '''\
            from django.urls import re_path
            from workspace_server import views
            urlpatterns = [re_path(r"^t/(?P<tenant_id>[^/]+)/export$", view=views.export)]
            ''',
        "workspace_server/views.py": '''\
            from django.db import connections
            def export(request, tenant_id):
                return connections[f"tenant_{tenant_id}"].cursor()
            def audit(request, tenant_id):
                return connections[f"tenant_{tenant_id}"].cursor()
            def report(request):
                return audit(request, "default")
            ''',
    }
    result = lint302(project, files)
    assert found(result, "MOL302") == [("MOL302", "workspace_server/views.py", 3)]
    assert "path parameter `tenant_id`" in one(result, "MOL302").message


def test_a_flask_route_variable_is_a_path_parameter(project: Any) -> None:
    code = '''\
        from flask import Flask
        from sqlalchemy import create_engine
        app = Flask(__name__)
        @app.get("/orgs/<int:org_id>/export")
        def export(org_id):
            return create_engine(f"postgresql://db/org_{org_id}")
        '''
    result = lint302(project, {"workspace_server/__init__.py": "", "workspace_server/api.py": code})
    assert "path parameter `org_id`" in one(result, "MOL302").message


def test_litestar_route_variables_are_path_parameters(project: Any) -> None:
    """Litestar's `@get("/{org:str}")` handlers, module-level and in a `Controller` (a parameter not in the
    path is a query parameter); a method of another class is no handler."""
    code = '''\
        import asyncpg
        from litestar import Controller, get, post

        @post("/tenants/{tenant:str}/dump")
        async def dump(tenant: str) -> None:
            await asyncpg.connect(f"postgresql://db/ws_{tenant}")

        class ExportController(Controller):
            path = "/admin/export"

            @get("/{org_id:uuid}")
            async def export(self, org_id: str) -> None:
                await asyncpg.connect(f"postgresql://db/ws_{org_id}")

            @get("/")
            async def own(self, org_id: str) -> None:
                await asyncpg.connect(f"postgresql://db/ws_{org_id}")

        class Helpers:
            path = "/helpers"

            @staticmethod
            async def export(org_id: str) -> None:
                await asyncpg.connect(f"postgresql://db/ws_{org_id}")
        '''
    result = lint302(project, {"workspace_server/__init__.py": "", "workspace_server/api.py": code})
    assert [(f.loc.line, f.message.split("(")[1].split(")")[0]) for f in result.findings if f.rule == "MOL302"] == [
        (6, "path parameter `tenant`"), (13, "path parameter `org_id`"), (17, "query parameter `org_id`")
    ]


def test_the_arguments_a_task_queue_runs_a_task_or_actor_with_are_runtime_values(project: Any) -> None:
    """A task's org-key argument, and the org field of a message argument (validated into a model or read
    by key), are whatever org the message names; the org of the deployment, or a task no queue runs, not."""
    tasks = '''\
        import os

        import dramatiq
        from celery import Celery
        from pydantic import BaseModel
        from sqlalchemy import create_engine

        broker = Celery("ws")


        class Job(BaseModel):
            tenant_id: str


        def engine(tenant):
            return create_engine(f"postgresql://db/t_{tenant}")


        @broker.task(bind=True)
        def rebuild(self, tenant_id):
            engine(tenant_id)


        @dramatiq.actor(max_retries=3)
        def reindex(body):
            job = Job.model_validate_json(body)
            engine(job.tenant_id)


        @dramatiq.actor
        def compact(payload):
            engine(payload["tenant_id"])


        @dramatiq.actor
        def vacuum(payload):
            engine(os.environ["MOLECULE_ORG_ID"])


        def not_a_task(tenant_id):
            return tenant_id
        '''
    result = lint302(project, {"agent/__init__.py": "", "agent/tasks.py": tasks})
    assert [(f.loc.line, f.message.split("(")[1].split(")")[0]) for f in result.findings] == [
        (21, "message argument `tenant_id`"), (27, "body field `tenant_id`"), (32, "body field `tenant_id`"),
    ]


def test_a_broker_records_value_and_a_subscribers_body_are_runtime_values(project: Any) -> None:
    """A Kafka record a handler is typed for carries the org its producer wrote in its JSON value; a FastStream
    subscriber is given the message's body. A record's topic, and a handler of nothing a broker delivers, are not."""
    handlers = '''\
        import json

        from aiokafka import ConsumerRecord
        from confluent_kafka import Message
        from faststream.kafka import KafkaBroker
        from sqlalchemy import create_engine

        broker = KafkaBroker("kafka:9092")


        def engine(tenant):
            return create_engine(f"postgresql://db/t_{tenant}")


        async def on_record(record: ConsumerRecord) -> None:
            engine(json.loads(record.value)["tenant_id"])


        def on_message(msg: Message) -> None:
            engine(json.loads(msg.value()).get("tenant_id"))
            engine(msg.topic())


        @broker.subscriber("jobs")
        async def on_job(body: dict) -> None:
            engine(body["tenant_id"])


        def on_anything(payload: dict) -> None:
            engine(payload["tenant_id"])
        '''
    result = lint302(project, {"agent/__init__.py": "", "agent/handlers.py": handlers})
    assert [f.loc.line for f in result.findings] == [16, 20, 26]


def test_records_a_loop_over_a_consumer_gets_or_its_poll_returns_are_messages(project: Any) -> None:
    code = '''\
        import json

        from aiokafka import AIOKafkaConsumer
        from confluent_kafka import Consumer
        from sqlalchemy import create_engine


        def engine(tenant):
            return create_engine(f"postgresql://db/t_{tenant}")


        async def drain(jobs):
            consumer = AIOKafkaConsumer("jobs", bootstrap_servers="kafka:9092")
            async for record in consumer:
                engine(json.loads(record.value)["tenant_id"])
                engine(record.topic)
            for job in jobs:
                engine(job["tenant_id"])


        def poll_once():
            feed = Consumer({"bootstrap.servers": "kafka:9092", "group.id": "ws"})
            msg = feed.poll(1.0)
            engine(json.loads(msg.value())["tenant_id"])
        '''
    result = lint302(project, {"agent/__init__.py": "", "agent/drain.py": code})
    assert [f.loc.line for f in result.findings] == [15, 24]


def test_a_field_checked_against_the_own_org_is_the_own_org_past_the_check(project: Any) -> None:
    """`if event.tenant_id != own: return`: past it the field is the host's own org; before it, on another
    path, or once the name holding the field is assigned again, it is the message's."""
    code = '''\
        import os

        from fastapi import FastAPI, Request
        from sqlalchemy import create_engine

        app = FastAPI()
        OWN = os.environ["MOLECULE_ORG_ID"]


        def engine(tenant):
            return create_engine(f"postgresql://db/t_{tenant}")


        @app.post("/jobs")
        async def job(request: Request):
            job = await request.json()
            if job.tenant_id != OWN:
                return {"skipped": True}
            engine(job.tenant_id)
            job = await request.json()
            engine(job.tenant_id)
        '''
    result = lint302(project, {"agent/__init__.py": "", "agent/jobs.py": code})
    assert [f.loc.line for f in result.findings] == [21]


ROUTER_BY_CONTEXTVAR = {
    "workspace_server/__init__.py": "",
    "workspace_server/context.py": '''\
        from contextvars import ContextVar

        current_org: ContextVar[str] = ContextVar("current_org", default="")
        ''',
    "workspace_server/middleware.py": '''\
        import os

        from workspace_server.context import current_org


        def org_middleware(get_response):
            def middleware(request):
                current_org.set(request.META["HTTP_X_TENANT_ID"])
                return get_response(request)
            return middleware
        ''',
    "workspace_server/routers.py": '''\
        from workspace_server.context import current_org


        class TenantRouter:
            def db_for_write(self, model, **hints):
                return f"tenant_{current_org.get()}"
        ''',
}


@pytest.mark.parametrize(
    ("change", "line"),
    [
        ({}, 6),  # a ContextVar the request's org is set in, read back by a router's db_for_write
        (  # look-alike: the state holds the host's own org
            {"workspace_server/middleware.py": ('request.META["HTTP_X_TENANT_ID"]', 'os.environ["MOLECULE_ORG_ID"]')},
            0,
        ),
        (  # look-alike: a router whose alias is fixed, the org only logged
            {"workspace_server/routers.py": (
                'return f"tenant_{current_org.get()}"', 'print(current_org.get())\n            return "default"'
            )},
            0,
        ),
    ],
)
def test_an_org_id_stored_in_per_request_state_and_read_back_by_a_database_router(
    project: Any, change: dict[str, tuple[str, str]], line: int
) -> None:
    files = dict(ROUTER_BY_CONTEXTVAR)
    for path, (old, new) in change.items():
        assert old in files[path]
        files[path] = files[path].replace(old, new)
    result = project(files, CONFIG)
    expected = [("MOL302", "workspace_server/routers.py", line)] if line else []
    assert found(result, "MOL302") == expected and found(result, "MOL901") == []


def test_an_org_id_kept_in_flask_g_by_a_before_request_hook(project: Any) -> None:
    app = '''\
        import os
        from flask import Flask, g, request
        from workspace_server.views import bp
        app = Flask(__name__)
        app.register_blueprint(bp)
        @app.before_request
        def remember_org():
            g.tenant = request.headers.get("X-Tenant")
            g.own_org = os.environ["MOLECULE_ORG_ID"]
            g.user = request.headers.get("X-User")
        '''
    views = '''\
        import psycopg
        from flask import Blueprint, g
        bp = Blueprint("items", __name__)
        @bp.get("/items")
        def items():
            return psycopg.connect(dbname=f"t_{g.tenant}")
        @bp.get("/own")
        def own():
            return psycopg.connect(dbname=f"t_{g.own_org}", application_name=g.user)
        '''
    files = {"workspace_server/__init__.py": "", "workspace_server/app.py": app, "workspace_server/views.py": views}
    result = lint302(project, files)
    assert found(result, "MOL302") == [("MOL302", "workspace_server/views.py", 6)]
    assert [hop.note for hop in one(result, "MOL302").trace][1:3] == ["stores it in `g.tenant`", "reads it back from `g.tenant`"]


def test_equality_checks_are_lowered_as_guards_in_both_languages() -> None:
    python = python_facts(
        '''\
        def f(org, own):
            if org != own or not (own is None):
                raise ValueError(org)
            assert org == "x"
            if org > own:
                connect(org)
        '''
    )
    go = go_facts(
        """\
        package x

        func F(org string, own string) {
        \tif (org != own) && own == "" {
        \t\treturn
        \t}
        \tif org > own {
        \t\tconnect(org)
        \t}
        }
        """
    )
    guards = [
        {(g.name, g.line) for f in facts if isinstance(f, Summary) for g in f.guards} for facts in (python, go)
    ]
    assert guards == [{("org", 2), ("own", 2), ("org", 4)}, {("org", 4), ("own", 4)}]


@pytest.mark.parametrize(
    ("code", "line"),
    [
        (  # a closure run in a thread pool connects by the handler's header
            '''\
            import psycopg
            from fastapi import APIRouter, Request
            from starlette.concurrency import run_in_threadpool
            router = APIRouter()
            @router.get("/items")
            async def items(request: Request):
                org = request.headers["X-Org-Id"]
                def work():
                    return psycopg.connect(f"postgresql://db/org_{org}").execute("SELECT 1").fetchall()
                return await run_in_threadpool(work)
            ''',
            9,
        ),
        (  # a nested task hands the org-named parameter of an entry point to a helper
            '''\
            from concurrent.futures import ThreadPoolExecutor
            from sqlalchemy import create_engine
            def engine_for(schema):
                return create_engine("postgresql://db/x", connect_args={"options": f"-csearch_path={schema}"})
            def nightly(tenant_id: str) -> None:
                def job():
                    engine_for(f"org_{tenant_id}")
                ThreadPoolExecutor().submit(job)
            ''',
            7,
        ),
        (  # look-alike: the closure's org is the host's own
            '''\
            import os
            import psycopg
            def items(request):
                org = request.headers["X-Org-Id"]
                own = os.environ["MOLECULE_ORG_ID"]
                def work():
                    return psycopg.connect(f"postgresql://db/org_{own}")
                return work()
            ''',
            0,
        ),
    ],
)
def test_a_closure_sees_the_runtime_org_ids_of_its_function(project: Any, code: str, line: int) -> None:
    files = {"workspace_server/__init__.py": "", "workspace_server/api.py": code}
    expected = [("MOL302", "workspace_server/api.py", line)] if line else []
    assert found(lint302(project, files), "MOL302") == expected


def test_long_chains_of_assignments_and_getters_end_without_a_crash(project: Any) -> None:
    """A pull request may grow a name line after line, chain getters or nest values on purpose: the analysis
    gives up on what lies too far (a value further is lost, nothing is invented) and never overflows."""
    grown = "\n".join(
        ["def items(request):", '    x = request.headers["X-Org-Id"]', *['    x = x + "a"'] * 3000,
         '    return psycopg.connect(f"postgresql://db/{x}")']
    )  # fmt: skip
    getters = "\n".join(f"def org_{n}(request):\n    return org_{n + 1}(request)\n" for n in range(500))
    getters += 'def org_500(request):\n    return request.headers["X-Org-Id"]\n'
    getters += 'def handler(request):\n    return psycopg.connect(f"postgresql://db/{org_0(request)}")\n'
    deep = (f'def items(request):\n    x = request.headers["X-Org-Id"]{".a" * 600}\n'
            f'    return psycopg.connect("postgresql://db/" {"+ x " * 600})\n')  # fmt: skip
    files = {
        "workspace_server/__init__.py": "",
        "workspace_server/grown.py": f"import psycopg\n\n\n{grown}\n",
        "workspace_server/getters.py": f"import psycopg\n\n\n{getters}",
        "workspace_server/deep.py": f"import psycopg\n\n\n{deep}",
    }
    result = lint302(project, files)
    assert result.internal_errors == 0 and found(result, "MOL302") == []


def test_go_grpc_metadata_of_the_call_choosing_a_pool(project: Any) -> None:
    """`metadata.FromIncomingContext(ctx)` is the headers the gRPC client sent: an org read from them is a runtime org id."""
    code = """\
        package rpc

        import (
        \t"context"

        \t"github.com/jackc/pgx/v5/pgxpool"
        \t"google.golang.org/grpc/metadata"
        )

        func Items(ctx context.Context) error {
        \tmd, _ := metadata.FromIncomingContext(ctx)
        \ttenant := md["x-tenant"][0]
        \tpool, err := pgxpool.New(ctx, "postgres://db/t_"+tenant)
        \tif err != nil {
        \t\treturn err
        \t}
        \tpool.Close()
        \treturn nil
        }

        func Trace(ctx context.Context) string {
        \tmd, _ := metadata.FromIncomingContext(ctx)
        \treturn md.Get("x-request-id")[0]
        }
        """
    files = {"agent/go.mod": GO_MOD, "agent/rpc/items.go": code}
    assert found(lint302(project, files), "MOL302") == [("MOL302", "agent/rpc/items.go", 13)]


def test_python_grpc_invocation_metadata_choosing_a_database(project: Any) -> None:
    code = """\
        import grpc
        import psycopg


        def _tenant(ctx: grpc.aio.ServicerContext) -> str:
            return dict(ctx.invocation_metadata())["x-tenant"]


        class Items:
            async def List(self, request, ctx: grpc.aio.ServicerContext):
                with psycopg.connect(f"postgresql://db/t_{_tenant(ctx)}") as conn:
                    return conn.execute("SELECT 1").fetchall()

            def Peer(self, request, ctx: grpc.ServicerContext):
                return ctx.peer()
        """
    assert found(lint302(project, {"agent/rpc.py": textwrap.dedent(code)}), "MOL302") == [("MOL302", "agent/rpc.py", 11)]


def test_a_grpc_target_of_the_platform_as_an_env_reads_fallback_is_mol301(project: Any) -> None:
    """A service's `urls` may give its gRPC target (`host:port`, no scheme): tenant code falling back to it
    is MOL301 as with a URL; another host, or the same host on another port, is not the platform's."""
    config = {**CONFIG, "services": [
        {**CONFIG["services"][0], "urls": ["grpc.molecule.app:8443"]}, *CONFIG["services"][1:]]}  # fmt: skip
    code = """\
        import os
        PLANS = os.environ.get("PLANS_TARGET", "dns:///grpc.molecule.app:8443")
        SELF = os.getenv("SELF_TARGET", "localhost:9090")
        OTHER = os.getenv("PEER_TARGET", "grpc.molecule.app:9443")
        """
    result = project({"agent/rpc.py": textwrap.dedent(code)}, {**config, "rules": {"select": ["MOL301"]}})
    assert found(result, "MOL301") == [("MOL301", "agent/rpc.py", 2)]


def test_go_fiber_header_and_asynq_payload_choosing_a_pool(project: Any) -> None:
    """Fiber's `c.Get(name)` reads a request header (gin's `c.Get` is context state); an asynq handler's
    `json.Unmarshal(t.Payload(), &p)` fills `p` with the task's body. A store either picks serves whichever
    org they name; one picked by MOLECULE_ORG_ID, or a header only compared with it, stays silent."""
    code = """\
        package api

        import (
        \t"context"
        \t"encoding/json"
        \t"os"

        \t"github.com/gofiber/fiber/v2"
        \t"github.com/hibiken/asynq"
        \t"github.com/jackc/pgx/v5/pgxpool"
        )

        type reindex struct{ TenantID string }

        func Notes(ctx *fiber.Ctx) error {
        \ttenant := ctx.Get("X-Tenant")
        \tpool, err := pgxpool.New(ctx.UserContext(), "postgres://db/t_"+tenant)
        \tdefer pool.Close()
        \treturn err
        }

        func Own(ctx *fiber.Ctx) error {
        \tif ctx.Get("X-Tenant") != os.Getenv("MOLECULE_ORG_ID") {
        \t\treturn fiber.ErrForbidden
        \t}
        \tpool, err := pgxpool.New(ctx.UserContext(), "postgres://db/t_"+os.Getenv("MOLECULE_ORG_ID"))
        \tdefer pool.Close()
        \treturn err
        }

        func Reindex(ctx context.Context, task *asynq.Task) error {
        \tvar job reindex
        \tif err := json.Unmarshal(task.Payload(), &job); err != nil {
        \t\treturn err
        \t}
        \tpool, err := pgxpool.New(ctx, "postgres://db/t_"+job.TenantID)
        \tdefer pool.Close()
        \treturn err
        }

        func ReindexOwn(ctx context.Context, task *asynq.Task) error {
        \tvar job reindex
        \t_ = json.Unmarshal(task.Payload(), &job)
        \tpool, err := pgxpool.New(ctx, "postgres://db/t_"+os.Getenv("MOLECULE_ORG_ID"))
        \tdefer pool.Close()
        \treturn err
        }
        """
    result = lint302(project, {"agent/go.mod": GO_MOD, "agent/api/notes.go": code})
    assert found(result, "MOL302") == [("MOL302", "agent/api/notes.go", 17), ("MOL302", "agent/api/notes.go", 36)]
