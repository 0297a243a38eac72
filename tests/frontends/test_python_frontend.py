"""The Python frontend: one file -> facts, fact kind by fact kind, and the traps that must stay silent."""

from __future__ import annotations

import dataclasses
import pickle
import textwrap
import time
from typing import TypeVar

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from molecule_lint.facts import (
    MODULE_SCOPE,
    Attr,
    Connect,
    Constant,
    Definition,
    EnvRead,
    Fact,
    FileFacts,
    HttpCall,
    Import,
    Location,
    LoopSite,
    OrmModel,
    OrmQuery,
    RedisKey,
    Ref,
    Route,
    Sql,
    Summary,
    Suppression,
    Use,
    Value,
    Var,
)
from molecule_lint.frontends.python import analyze_python

PATH = "controlplane/billing/usage.py"
MODULE = "controlplane.billing.usage"
NOWHERE = Location(0, 0, 0, 0)
F = TypeVar("F", bound=Fact)


def analyze(source: str, path: str = PATH, module: str = MODULE) -> FileFacts:
    return analyze_python(path, module, textwrap.dedent(source).lstrip("\n").encode())


def facts_of(kind: type[F], source: str, path: str = PATH, module: str = MODULE) -> list[F]:
    result = analyze(source, path, module)
    assert result.error is None, result.error
    return [fact for fact in result.facts if isinstance(fact, kind)]


def unlocated(kind: type[F], source: str, path: str = PATH, module: str = MODULE) -> list[F]:
    """The facts of one kind with their locations blanked, for comparing what they say."""
    return [dataclasses.replace(fact, loc=NOWHERE) for fact in facts_of(kind, source, path, module)]


def own(name: str) -> str:
    return f"{MODULE}.{name}"


FETCH = "workspace_server.client.fetch_memories"


# -- imports ----------------------------------------------------------------


def test_imports_resolve_relative_names_and_record_typing_only() -> None:
    source = """
        import os
        import shared.db
        import app.models as m
        from . import sibling
        from ..pkg import thing as other
        from .. import up
        from shared.helpers import *
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from workspace_server.store import MemoryStore
        try:
            import ujson as json
        except ImportError:
            import json

        def load():
            import importlib
            plugin = importlib.import_module("plugins.memory")
            __import__("legacy.mod")
            return importlib.import_module(".sub", package=__name__)
    """
    assert unlocated(Import, source) == [
        Import(NOWHERE, MODULE_SCOPE, "os", None, "os"),
        Import(NOWHERE, MODULE_SCOPE, "shared.db", None, "shared"),
        Import(NOWHERE, MODULE_SCOPE, "app.models", None, "m"),
        Import(NOWHERE, MODULE_SCOPE, "controlplane.billing", "sibling", "sibling"),
        Import(NOWHERE, MODULE_SCOPE, "controlplane.pkg", "thing", "other"),
        Import(NOWHERE, MODULE_SCOPE, "controlplane", "up", "up"),
        Import(NOWHERE, MODULE_SCOPE, "shared.helpers", "*", "*"),
        Import(NOWHERE, MODULE_SCOPE, "typing", "TYPE_CHECKING", "TYPE_CHECKING"),
        Import(NOWHERE, MODULE_SCOPE, "workspace_server.store", "MemoryStore", "MemoryStore", typing_only=True),
        Import(NOWHERE, MODULE_SCOPE, "ujson", None, "json"),
        Import(NOWHERE, MODULE_SCOPE, "json", None, "json"),
        Import(NOWHERE, "load", "importlib", None, "importlib"),
        Import(NOWHERE, "load", "plugins.memory", None, "plugin"),
        Import(NOWHERE, "load", "legacy.mod", None, ""),
        Import(NOWHERE, "load", "controlplane.billing.usage.sub", None, ""),
    ]


def test_relative_imports_in_a_package_init_resolve_against_the_package() -> None:
    source = """
        from . import store
        from .store import get as fetch
        from .. import common
    """
    imports = unlocated(Import, source, path="workspace_server/app/__init__.py", module="workspace_server.app")
    assert [(i.module, i.name, i.alias) for i in imports] == [
        ("workspace_server.app", "store", "store"),
        ("workspace_server.app.store", "get", "fetch"),
        ("workspace_server", "common", "common"),
    ]


def test_import_location_spans_a_multi_line_statement() -> None:
    source = """
        import os

        from shared.db import (
            fetch_memories,
            count_memories,
        )
    """
    imports = facts_of(Import, source)
    assert [i.loc for i in imports[1:]] == [Location(3, 1, 6, 2)] * 2


# -- uses ---------------------------------------------------------------------


def test_uses_resolve_through_the_import_table_with_the_attribute_chain() -> None:
    source = """
        import shared.db
        from shared import db
        from app.models import Memory

        def main(x):
            db.fetch_memories(x)
            shared.db.q()
            helper()
            Memory.objects.filter(
                org_id=x,
            )

        def helper():
            pass
    """
    assert facts_of(Use, source) == [
        Use(Location(6, 5, 6, 22), "main", "shared.db.fetch_memories"),
        Use(Location(7, 5, 7, 16), "main", "shared.db.q"),
        Use(Location(8, 5, 8, 11), "main", own("helper")),
        Use(Location(9, 5, 9, 26), "main", "app.models.Memory.objects.filter"),
    ]


def test_uses_are_deduplicated_per_scope_keeping_the_first() -> None:
    source = """
        from shared import db

        def a():
            db.q()
            db.q()

        def b():
            db.q()
        db.q()
    """
    assert [(u.loc.line, u.scope) for u in facts_of(Use, source)] == [(4, "a"), (8, "b"), (9, MODULE_SCOPE)]


ANNOTATED = """
    from typing import TYPE_CHECKING, Optional
    from app.models import Memory
    from workspace_server.store import Store
    if TYPE_CHECKING:
        from workspace_server.types import Row

    def f(m: Memory, rows: "list[Row]", row: Row) -> Optional[Store]:
        count: Memory = 0
        return count

    class C:
        store: Store
"""


def test_annotations_evaluated_at_import_are_uses() -> None:
    """A def's parameters and return, a class's fields: not a string's names, nor a local's annotation, nor
    the standard library's names, nor a name imported under TYPE_CHECKING (unquoted, the annotations are
    deferred: Python 3.14)."""
    assert [(u.scope, u.target) for u in facts_of(Use, ANNOTATED)] == [
        ("f", "app.models.Memory"), ("f", "workspace_server.store.Store"), ("C", "workspace_server.store.Store"),
    ]  # fmt: skip


def test_annotations_kept_as_strings_are_not_uses() -> None:
    assert facts_of(Use, "from __future__ import annotations\n" + textwrap.dedent(ANNOTATED)) == []


def test_base_classes_decorators_and_defaults_are_uses() -> None:
    source = """
        from app.models import Base
        from app.web import route, DEFAULT

        @route
        def view(limit=DEFAULT):
            pass

        class Model(Base):
            pass
    """
    assert [(u.scope, u.target) for u in facts_of(Use, source)] == [
        ("view", "app.web.route"),
        ("view", "app.web.DEFAULT"),
        ("Model", "app.models.Base"),
    ]


def test_parameters_and_local_assignments_shadow_imports() -> None:
    source = """
        from shared import db, cache

        def f(db):
            db.query()
            cache = {}
            cache.get("x")
            [db for db in range(3)]
            return lambda cache: cache.get("y")
    """
    assert facts_of(Use, source) == []


def test_names_bound_later_in_the_file_or_inside_functions_resolve() -> None:
    source = """
        def f():
            import workspace_server.store as store
            store.read()
            return later.thing()

        from tenant import later
    """
    assert [u.target for u in facts_of(Use, source)] == ["workspace_server.store.read", "tenant.later.thing"]


def test_one_star_import_supplies_free_names_but_not_builtins() -> None:
    source = """
        from workspace_server.store import *

        def f():
            return len(fetch_memories())
    """
    assert [u.target for u in facts_of(Use, source)] == ["workspace_server.store.fetch_memories"]


# -- definitions and constants -------------------------------------------------------


def test_definitions_are_the_top_level_units_and_methods_belong_to_their_class() -> None:
    source = """
        from shared import db

        async def fetch():
            def inner():
                db.q()
            return inner

        @decorated
        class Store:
            def get(self):
                db.q()
    """
    result = analyze(source)
    assert [f for f in result.facts if isinstance(f, Definition)] == [
        Definition(Location(3, 1, 6, 17), "fetch", "function"),
        Definition(Location(9, 1, 11, 15), "Store", "class"),
    ]
    assert [(u.scope, u.target) for u in result.facts if isinstance(u, Use)] == [
        ("fetch", "shared.db.q"),
        ("Store", "shared.db.q"),
    ]


def test_constants_are_module_level_string_templates() -> None:
    source = """
        from shared.tables import MEMORIES, helper
        PREFIX = "ws"
        TABLE: str = "agent_" + "memories"
        KEY = f"{PREFIX}:{{org}}:state"
        ALIAS = MEMORIES
        BOTH = A = "x"
        COUNT = 3
        FUNC = helper
        NAME = PREFIX

        class Config:
            TABLE = "not a module constant"
    """
    assert unlocated(Constant, source) == [
        Constant(NOWHERE, "PREFIX", ("ws",)),
        Constant(NOWHERE, "TABLE", ("agent_memories",)),
        Constant(NOWHERE, "KEY", (Ref(own("PREFIX")), ":{org}:state")),
        Constant(NOWHERE, "ALIAS", (Ref("shared.tables.MEMORIES"),)),
        Constant(NOWHERE, "BOTH", ("x",)),
        Constant(NOWHERE, "A", ("x",)),
        Constant(NOWHERE, "NAME", (Ref(own("PREFIX")),)),
    ]
    assert facts_of(Constant, source)[0].loc == Location(2, 1, 2, 14)


# -- templates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "template"),
    [
        (r'"tab\there \u00e9 \N{BULLET}"', ("tab\there é •",)),
        (r'r"raw\d+"', (r"raw\d+",)),
        (r'b"bytes\x41"', ("bytesA",)),
        ("'''triple\nquoted'''", ("triple\nquoted",)),
        ('"implicit " "concat" f" {NAME}"', ("implicit concat ", Ref(own("NAME")))),
        (
            'f"{{literal}} {x} {settings.URL} {NAME!r:>10}"',
            ("{literal} ", Ref(None), " ", Ref("app.settings.URL"), " ", Ref(own("NAME"))),
        ),
        (r'f"line\n{x}"', ("line\n", Ref(None))),
        ('"a" + NAME + x', ("a", Ref(own("NAME")), Ref(None))),
        ('"%s and %(key)s %%" % (x,)', (Ref(None), " and ", Ref(None), " %")),
        ('"%s-%s" % ("lit", NAME)', ("lit-", Ref(own("NAME")))),
        ('"%(a)s/%(b)s" % {"a": "x", "b": y}', ("x/", Ref(None))),
        ('"{} {name} {0}".format("p", name=NAME)', ("p ", Ref(own("NAME")), " p")),
        ('", ".join(columns)', (Ref(None),)),
        ('""', ()),
    ],
)
def test_string_expressions_become_templates(expression: str, template: tuple[str | Ref, ...]) -> None:
    source = f"import app.settings as settings\nNAME = 'n'\nVALUE = {expression}\n"
    constants = {c.name: c.value for c in facts_of(Constant, source)}
    assert constants["VALUE"] == template


# -- SQL --------------------------------------------------------------------------


def test_sql_literal_and_call_forms_give_one_fact_per_expression() -> None:
    source = """
        import sqlalchemy as sa
        from sqlalchemy import text

        QUERY = "SELECT * FROM agent_memories WHERE org_id = %s"

        def f(conn, cur, org_id):
            cur.execute(
                "SELECT id FROM activity_logs WHERE org_id = %s",
                (org_id,),
            )
            conn.execute(text("DELETE FROM schedules WHERE id = :id"))
            conn.execute(sa.text(f"SELECT * FROM {QUERY}"))
            cur.execute(QUERY)
            cur.execute(query="UPDATE messages SET read = true")
            cur.execute("VACUUM")
            rows = "SELECT count(*) FROM agent_memories"
            return rows
    """
    assert facts_of(Sql, source) == [
        Sql(Location(4, 9, 4, 57), MODULE_SCOPE, ("SELECT * FROM agent_memories WHERE org_id = %s",), "literal"),
        Sql(Location(7, 5, 10, 6), "f", ("SELECT id FROM activity_logs WHERE org_id = %s",), "execute"),
        Sql(Location(11, 18, 11, 62), "f", ("DELETE FROM schedules WHERE id = :id",), "text"),
        Sql(Location(12, 18, 12, 51), "f", ("SELECT * FROM ", Ref(own("QUERY"))), "text"),
        Sql(Location(13, 5, 13, 23), "f", (Ref(own("QUERY")),), "execute"),
        Sql(Location(14, 5, 14, 57), "f", ("UPDATE messages SET read = true",), "execute"),
        Sql(Location(15, 5, 15, 26), "f", ("VACUUM",), "execute"),
        Sql(Location(16, 12, 16, 49), "f", ("SELECT count(*) FROM agent_memories",), "literal"),
    ]


def test_sql_held_in_a_local_variable_is_reported_where_it_is_executed() -> None:
    source = """
        def f(cur, org_id, extra):
            q = "SELECT id FROM agent_memories"
            q += " WHERE org_id = %s"
            if extra:
                q = q + " AND deleted = false"
            cur.execute(q, (org_id,))

        def g(cur):
            unused = "SELECT * FROM activity_logs"
            stmt = "SELECT * FROM messages"
            stmt = "SELECT * FROM schedules"
            cur.executemany(stmt, [])
    """
    assert facts_of(Sql, source) == [
        Sql(
            Location(6, 5, 6, 30), "f",
            ("SELECT id FROM agent_memories WHERE org_id = %s AND deleted = false",), "execute",
        ),
        Sql(Location(9, 14, 9, 43), "g", ("SELECT * FROM activity_logs",), "literal"),
        Sql(Location(10, 12, 10, 36), "g", ("SELECT * FROM messages",), "literal"),
        Sql(Location(12, 5, 12, 30), "g", ("SELECT * FROM schedules",), "executemany"),
    ]


def test_execute_of_a_non_string_argument_is_not_sql() -> None:
    source = """
        from sqlalchemy import select
        from app.models import Memory
        from app import queries

        def f(session, stmt):
            session.execute(select(Memory))
            session.execute(stmt)
            session.execute(queries.build())
            session.execute(queries.lowercase_name)
    """
    assert facts_of(Sql, source) == []


def test_strings_that_only_mention_tables_are_not_sql() -> None:
    source = '''
        """SELECT * FROM agent_memories -- a module docstring"""
        import logging
        import warnings
        logger = logging.getLogger(__name__)

        class Store:
            """DELETE FROM agent_memories WHERE id = 1"""

        def f(org, cursor):
            """UPDATE agent_memories SET x = 1"""
            # SELECT * FROM agent_memories WHERE org_id = 1
            logger.info("SELECT * FROM agent_memories WHERE org_id = %s", org)
            logger.warning(f"DELETE FROM activity_logs WHERE org_id = {org}")
            logging.error("SELECT id FROM messages")
            print("SELECT * FROM schedules")
            warnings.warn("DROP TABLE agent_memories")
            assert org, "SELECT * FROM agent_memories"
            "SELECT * FROM agent_memories"
            raise ValueError(f"SELECT * FROM agent_memories failed for {org}")
    '''
    assert facts_of(Sql, source) == []


def test_a_docstring_is_not_a_use_and_shares_its_line() -> None:
    source = """
        import os

        def f():
            "reads " f"{os.environ}"; os.getenv("SKIPPED")

        def g():
            f"{os.getenv('READ')}"

        def h(): "doc"; os.getenv("SUITE")
    """
    assert [f.name for f in facts_of(EnvRead, source)] == [("READ",), ("SUITE",)]
    assert [f.scope for f in facts_of(Use, source)] == ["g", "h"]


# -- ORM ----------------------------------------------------------------------------


def test_sqlalchemy_models_and_tables() -> None:
    source = """
        import sqlalchemy as sa
        from sqlalchemy.orm import DeclarativeBase
        from sqlmodel import SQLModel

        NAME = "agent_memories"
        metadata = sa.MetaData()
        activity = sa.Table("activity_logs", metadata, sa.Column("id", sa.Integer))

        class Base(DeclarativeBase):
            pass

        class Memory(Base):
            __tablename__ = NAME

        class Activity(Base):
            __table__ = sa.Table("activity", metadata)

        class Schedule(SQLModel, table=True):
            id: int

        class NotATable(SQLModel):
            id: int
    """
    assert unlocated(OrmModel, source) == [
        OrmModel(NOWHERE, own("activity"), "activity_logs", "sqlalchemy"),
        OrmModel(NOWHERE, own("Memory"), "agent_memories", "sqlalchemy"),
        OrmModel(NOWHERE, own("Activity"), "activity", "sqlalchemy"),
        OrmModel(NOWHERE, own("Schedule"), "schedule", "sqlalchemy"),
    ]


def test_lightweight_sqlalchemy_table_clauses_name_tables() -> None:
    source = """
        import sqlalchemy as sa
        from sqlalchemy.sql import column, table
        from rich.table import table as rich_table

        activity = table("activity_logs", column("id"), column("org_id"))
        memories = sa.table("agent_memories")
        layout = rich_table("agent_memories", "x")
    """
    assert unlocated(OrmModel, source) == [
        OrmModel(NOWHERE, own("activity"), "activity_logs", "sqlalchemy"),
        OrmModel(NOWHERE, own("memories"), "agent_memories", "sqlalchemy"),
    ]


def test_joins_name_the_joined_model() -> None:
    source = """
        from sqlalchemy import select
        from app.models import Memory, Org
        from app.tables import activity
        import os

        def f(session):
            select(Org.id).join(Memory, Memory.org_id == Org.id)
            session.query(Org).outerjoin(activity)
            ", ".join(Memory.names)
            os.path.join(Memory.root, "x")
    """
    assert [(q.model, q.operation) for q in facts_of(OrmQuery, source)] == [
        ("app.models.Org", "select"),
        ("app.models.Memory", "select"),
        ("app.models.Org", "query"),
        ("app.tables.activity", "select"),
    ]


def test_django_models_with_default_and_declared_tables() -> None:
    source = """
        from django.db import models
        from core.models import TimeStamped

        class Base(models.Model):
            class Meta:
                abstract = True

        class Workspace(Base):
            name = models.CharField(max_length=100)

        class Memory(models.Model):
            class Meta:
                db_table = "agent_memories"

        class Labelled(models.Model):
            class Meta:
                app_label = "billing"

        class Proxy(Workspace):
            class Meta:
                proxy = True

        class Imported(TimeStamped):
            text = models.TextField()

        class Plain:
            name = "not a model"
    """
    module = "workspace.models"
    assert unlocated(OrmModel, source, "workspace/models.py", module) == [
        OrmModel(NOWHERE, "workspace.models.Workspace", "workspace_workspace", "django"),
        OrmModel(NOWHERE, "workspace.models.Memory", "agent_memories", "django"),
        OrmModel(NOWHERE, "workspace.models.Labelled", "billing_labelled", "django"),
        OrmModel(NOWHERE, "workspace.models.Proxy", "workspace_workspace", "django"),
        OrmModel(NOWHERE, "workspace.models.Imported", "workspace_imported", "django"),
    ]
    nested = unlocated(OrmModel, source, "app/models/memory.py", "app.models.memory")
    assert nested[0].table == "app_workspace"


def test_peewee_and_tortoise_models() -> None:
    """The table from `Meta` (Peewee `table_name`, Tortoise `table`), else the lowered class name; a value from
    elsewhere is left to the linker (`table_from`); an abstract model and a plain class with a Meta are none."""
    source = """
        import peewee
        from tortoise import models
        from app.names import Names

        class Base(peewee.Model):
            class Meta:
                database = None

        class Invoice(Base):
            class Meta:
                table_name = "invoices"

        class Note(Base):
            class Meta:
                table_name = Names.NOTES.value

        class Legacy(peewee.Model):
            class Meta:
                db_table = "legacy_rows"

        class Anywhere:
            class Meta:
                table_name = "loose_rows"

        class Abstract(models.Model):
            class Meta:
                abstract = True

        class Event(Abstract):
            pass

        class Job(models.Model):
            class Meta:
                table = "provision_jobs"

        class Form:
            class Meta:
                table = "not_a_model"
    """
    assert unlocated(OrmModel, source, "app/models.py", "app.models") == [
        OrmModel(NOWHERE, "app.models.Base", "base", "peewee"),
        OrmModel(NOWHERE, "app.models.Invoice", "invoices", "peewee"),
        OrmModel(NOWHERE, "app.models.Note", "", "peewee", "app.models.Note.Meta.table_name"),
        OrmModel(NOWHERE, "app.models.Legacy", "legacy_rows", "peewee"),
        OrmModel(NOWHERE, "app.models.Anywhere", "loose_rows", "peewee"),
        OrmModel(NOWHERE, "app.models.Event", "event", "tortoise"),
        OrmModel(NOWHERE, "app.models.Job", "provision_jobs", "tortoise"),
    ]


def test_queries_started_on_a_model_class() -> None:
    source = """
        from app.models import Note, Event

        async def f(registry, org_id):
            Note.select(Note.org_id).group_by(Note.org_id)
            await Event.filter(org_id=org_id).count()
            await Event.annotate(n=1).values("org_id")
            Note.get_or_none(Note.id == 1)
            registry.filter(kind="x")
            "text".get("x")
    """
    assert [(q.model, q.operation) for q in facts_of(OrmQuery, source)] == [
        ("app.models.Note", "select"),
        ("app.models.Event", "filter"),
        ("app.models.Event", "annotate"),
        ("app.models.Note", "get_or_none"),
    ]


def test_orm_queries_name_the_model_they_go_through() -> None:
    source = """
        from sqlalchemy import select, insert, update, delete, func
        from app.models import Memory, Activity
        from app.tables import activity_table
        import app.models as m

        def f(session, db, model):
            session.execute(select(Memory).where(Memory.org_id == 1))
            select(Memory.id, Activity.org_id)
            select(func.count(Memory.id))
            session.execute(insert(activity_table))
            update(m.Memory)
            delete(Memory)
            session.query(Memory).filter_by(org_id=1)
            session.get(Memory, 1)
            session.scalars(select(Memory))
            Memory.query.filter_by(org_id=1).all()
            Memory.objects.filter(org_id=1)
            Activity._default_manager.all()
            [a for a in Activity.objects.all()]
            activity_table.select()
            select(model)
            model.objects.all()
    """
    assert [(q.model, q.operation) for q in facts_of(OrmQuery, source)] == [
        ("app.models.Memory", "select"),
        ("app.models.Memory", "select"),
        ("app.models.Activity", "select"),
        ("app.models.Memory", "select"),
        ("app.tables.activity_table", "insert"),
        ("app.models.Memory", "update"),
        ("app.models.Memory", "delete"),
        ("app.models.Memory", "query"),
        ("app.models.Memory", "get"),
        ("app.models.Memory", "select"),
        ("app.models.Memory", "query"),
        ("app.models.Memory", "objects"),
        ("app.models.Activity", "objects"),
        ("app.models.Activity", "objects"),
        ("app.tables.activity_table", "select"),
    ]


# -- env ------------------------------------------------------------------------------


def test_env_reads_in_all_their_forms() -> None:
    source = """
        import os
        from os import environ
        import environ as django_environ
        from decouple import config

        env = django_environ.Env()
        PREFIX = "TENANT_"

        def f():
            os.environ["TENANT_DATABASE_URL"]
            os.environ.get("REDIS_URL", "redis://localhost")
            os.getenv("MEMORY_PLUGIN_URL", default=PREFIX)
            environ.get("MOLECULE_ORG_ID")
            os.environ.setdefault("MODE", "dev")
            "MOLECULE_PLATFORM_URL" in os.environ
            env("SECRET_KEY")
            env.str("API_TOKEN", default="x")
            os.environ[PREFIX + "DB_URL"]
            config("DEBUG", default="0")
            os.getenv(name)
            os.environ["WRITTEN"] = "1"
            os.getenv("MOLECULE_PLATFORM_URL") or "https://platform.example"
    """
    assert unlocated(EnvRead, source) == [
        EnvRead(NOWHERE, "f", ("TENANT_DATABASE_URL",)),
        EnvRead(NOWHERE, "f", ("REDIS_URL",), ("redis://localhost",)),
        EnvRead(NOWHERE, "f", ("MEMORY_PLUGIN_URL",), (Ref(own("PREFIX")),)),
        EnvRead(NOWHERE, "f", ("MOLECULE_ORG_ID",)),
        EnvRead(NOWHERE, "f", ("MODE",), ("dev",)),
        EnvRead(NOWHERE, "f", ("MOLECULE_PLATFORM_URL",)),
        EnvRead(NOWHERE, "f", ("SECRET_KEY",)),
        EnvRead(NOWHERE, "f", ("API_TOKEN",), ("x",)),
        EnvRead(NOWHERE, "f", (Ref(own("PREFIX")), "DB_URL")),
        EnvRead(NOWHERE, "f", ("DEBUG",), ("0",)),
        EnvRead(NOWHERE, "f", (Ref(None),)),
        EnvRead(NOWHERE, "f", ("MOLECULE_PLATFORM_URL",), ("https://platform.example",)),
    ]


def test_env_objects_of_environs_and_starlette_config() -> None:
    """`Env()` of environs and Starlette's `Config(".env")` read env when called or cast; a function
    named `config` that is no such object reads nothing."""
    source = """
        from environs import Env
        from starlette.config import Config

        env = Env()
        settings = Config(".env")

        def f():
            env.str("STORE_URL", None)
            env("API_TOKEN")
            settings("CONSOLE_URL", default="http://localhost")

        def g(config):
            config("NOT_ENV")
    """
    assert unlocated(EnvRead, source) == [
        EnvRead(NOWHERE, "f", ("STORE_URL",)),
        EnvRead(NOWHERE, "f", ("API_TOKEN",)),
        EnvRead(NOWHERE, "f", ("CONSOLE_URL",), ("http://localhost",)),
    ]


def test_pydantic_settings_fields_are_env_reads() -> None:
    source = """
        from typing import ClassVar
        from pydantic import AliasChoices, Field
        from pydantic_settings import BaseSettings, SettingsConfigDict

        class Settings(BaseSettings):
            model_config = SettingsConfigDict(env_prefix="mol_")
            database_url: str = "postgres://localhost/app"
            org_id: str = Field(..., alias="MOLECULE_ORG_ID")
            plugin: str = Field(default="http://memory", validation_alias=AliasChoices("PLUGIN_URL", "MEMORY_URL"))
            version: ClassVar[str] = "1"
            _private: int = 0

        class Legacy(BaseSettings):
            token: str

            class Config:
                env_prefix = "OLD_"

        class Child(Settings):
            extra: int = 1
    """
    assert facts_of(EnvRead, source) == [
        EnvRead(Location(7, 5, 7, 51), "Settings", ("MOL_DATABASE_URL",), ("postgres://localhost/app",)),
        EnvRead(Location(8, 5, 8, 54), "Settings", ("MOLECULE_ORG_ID",)),
        EnvRead(Location(9, 5, 9, 108), "Settings", ("PLUGIN_URL",), ("http://memory",)),
        EnvRead(Location(9, 5, 9, 108), "Settings", ("MEMORY_URL",), ("http://memory",)),
        EnvRead(Location(14, 5, 14, 15), "Legacy", ("OLD_TOKEN",)),
        EnvRead(Location(20, 5, 20, 19), "Child", ("MOL_EXTRA",)),
    ]


# -- HTTP -------------------------------------------------------------------------------


def test_http_calls_with_module_functions_and_tracked_clients() -> None:
    source = """
        import httpx
        import requests
        import urllib.request
        from aiohttp import ClientSession

        BASE = "http://workspace-server:8080"
        platform = httpx.Client(base_url="http://platform")

        class WorkspaceClient:
            def memories(self, ws):
                return self.http.get(f"/workspaces/{ws}/memories")

            def __init__(self):
                self.http = httpx.Client(base_url=BASE)

        async def f(org, method):
            requests.get(f"{BASE}/workspaces/{org}/activity", timeout=3)
            requests.request("post", url="http://x/y")
            with requests.Session() as s:
                s.put("/a")
            async with ClientSession("http://memory:9000") as session:
                await session.request(method, "/memories")
            urllib.request.urlopen(urllib.request.Request("http://p/orgs", data=b"x"))
            platform.delete("/orgs/1")
            async with httpx.AsyncClient() as client:
                url = f"{BASE}/workspaces"
                await client.patch(url)
    """
    assert unlocated(HttpCall, source) == [
        HttpCall(NOWHERE, "WorkspaceClient", "GET", ("/workspaces/", Ref(None), "/memories"), (Ref(own("BASE")),)),
        HttpCall(NOWHERE, "f", "GET", (Ref(own("BASE")), "/workspaces/", Ref(None), "/activity")),
        HttpCall(NOWHERE, "f", "POST", ("http://x/y",)),
        HttpCall(NOWHERE, "f", "PUT", ("/a",)),
        HttpCall(NOWHERE, "f", "ANY", ("/memories",), ("http://memory:9000",)),
        HttpCall(NOWHERE, "f", "POST", ("http://p/orgs",)),
        HttpCall(NOWHERE, "f", "DELETE", ("/orgs/1",), ("http://platform",)),
        HttpCall(NOWHERE, "f", "PATCH", (Ref(own("BASE")), "/workspaces"), None),
    ]


def test_get_on_a_dict_or_an_unknown_receiver_is_not_http() -> None:
    source = """
        import requests

        def f(d, client, response):
            d.get("/workspaces/1/memories")
            {}.get("/x")
            client.get("/workspaces/1/memories")
            response.json().get("/x")
    """
    assert facts_of(HttpCall, source) == []


# -- connections and Redis ----------------------------------------------------------------


def test_connections_to_data_stores() -> None:
    source = """
        import os
        import asyncpg
        import psycopg2
        import redis
        from sqlalchemy import create_engine

        DSN = "postgresql://tenant-db/app"

        async def f(host):
            psycopg2.connect(DSN)
            await asyncpg.create_pool(dsn=f"postgresql://{host}/app")
            create_engine("postgresql://platform-db/app")
            redis.Redis.from_url("redis://tenant-redis:6379/0")
            redis.Redis(host="tenant-redis")
            redis.Redis()
            psycopg2.connect()
    """
    assert unlocated(Connect, source) == [
        Connect(NOWHERE, "f", "postgres", (Ref(own("DSN")),)),
        Connect(NOWHERE, "f", "postgres", ("postgresql://", Ref(None), "/app")),
        Connect(NOWHERE, "f", "postgres", ("postgresql://platform-db/app",)),
        Connect(NOWHERE, "f", "redis", ("redis://tenant-redis:6379/0",)),
        Connect(NOWHERE, "f", "redis", ("tenant-redis",)),
    ]


def test_redis_keys_on_tracked_clients() -> None:
    source = """
        import redis
        from app.cache import redis_client

        r = redis.from_url("redis://x")

        class Cache:
            def __init__(self):
                self.conn = redis.StrictRedis()

            def state(self, org):
                return self.conn.hgetall(f"ws:{org}:state")

        def f(org, d):
            r.set(f"memory:{org}", 1)
            local = redis.Redis()
            pipe = local.pipeline()
            pipe.lpush("activity:" + org, "x")
            redis_client.get("session:1")
            d.get("ws:not-redis")
            r.ping()
    """
    assert unlocated(RedisKey, source) == [
        RedisKey(NOWHERE, "Cache", "hgetall", ("ws:", Ref(None), ":state")),
        RedisKey(NOWHERE, "f", "set", ("memory:", Ref(None))),
        RedisKey(NOWHERE, "f", "lpush", ("activity:", Ref(None))),
        RedisKey(NOWHERE, "f", "get", ("session:1",)),
    ]


# -- routes -------------------------------------------------------------------------------


def test_routes_from_decorators_and_route_tables() -> None:
    source = """
        from fastapi import APIRouter, FastAPI
        from flask import Blueprint
        from aiohttp import web

        app = FastAPI()
        router = APIRouter(prefix="/workspaces")
        bp = Blueprint("memories", __name__, url_prefix="/v1")

        @router.get("/{ws}/memories")
        async def list_memories(ws: str): ...

        @app.api_route("/health", methods=["GET", "HEAD"])
        def health(): ...

        @bp.route("/activity", methods=("POST",))
        def activity(): ...

        @app.get("not-a-path")
        def other(): ...

        def setup(aio):
            aio.router.add_get("/ws/{id}", list_memories)
            aio.add_routes([web.post("/ws/{id}/messages", activity), web.route("PUT", "/ws", health)])
    """
    assert unlocated(Route, source) == [
        Route(NOWHERE, "list_memories", "GET", "/workspaces/{ws}/memories"),
        Route(NOWHERE, "health", "GET", "/health"),
        Route(NOWHERE, "health", "HEAD", "/health"),
        Route(NOWHERE, "activity", "POST", "/v1/activity"),
        Route(NOWHERE, "setup", "GET", "/ws/{id}"),
        Route(NOWHERE, "setup", "POST", "/ws/{id}/messages"),
        Route(NOWHERE, "setup", "PUT", "/ws"),
    ]
    assert facts_of(Route, source)[0].loc == Location(9, 2, 9, 30)


def test_django_url_patterns_are_routes_but_includes_are_not() -> None:
    source = """
        from django.urls import include, path, re_path
        from . import views

        urlpatterns = [
            path("workspaces/<int:pk>/memories/", views.memories),
            re_path(r"^activity/$", views.activity),
            path("api/", include("app.api.urls")),
        ]
    """
    routes = unlocated(Route, source, "app/urls.py", "app.urls")
    assert [(r.method, r.path) for r in routes] == [("ANY", "/workspaces/<int:pk>/memories/"), ("ANY", "/activity/")]


# -- loops ----------------------------------------------------------------------------------


def loop_sites(source: str) -> list[tuple[str, LoopSite]]:
    """(unit, loop site) of every loop, comprehension and per-item fan-out the lowering wrote."""
    return [(unit.name, site) for unit in facts_of(Summary, source) for site in unit.loops]


def called(value: Value) -> str:
    if isinstance(value, Var):
        return value.name
    return f"{called(value.base)}.{value.name}" if isinstance(value, Attr) else "?"


def test_loop_sites_record_the_calls_in_their_body() -> None:
    source = """
        import asyncio
        from concurrent.futures import ThreadPoolExecutor
        from celery import group
        from workspace_server.client import fetch_memories
        from app.tasks import sync_org

        def aggregate(orgs, items):
            for org in orgs:
                for row in fetch_memories(org):
                    total(row)
            for item in items:
                fetch_memories(item)
            results = [fetch_memories(o) for o in list_tenants()]
            with ThreadPoolExecutor() as pool:
                pool.map(fetch_memories, orgs)
                futures = [pool.submit(total, org) for org in orgs]
            group(sync_org.s(o.id) for o in orgs)

        async def gather(orgs):
            await asyncio.gather(*(fetch_memories(o) for o in orgs))

        def total(row): ...
        def list_tenants(): ...
    """
    sites = [
        (unit, site.loc, site.text, site.names, tuple(called(v) for v in site.body), site.accumulates)
        for unit, site in loop_sites(source)
    ]
    assert sites == [
        ("aggregate", Location(9, 9, 10, 23), "fetch_memories(org)", ("row",), ("total",), False),
        ("aggregate", Location(8, 5, 10, 23), "orgs", ("org",), (FETCH, "total"), False),
        ("aggregate", Location(11, 5, 12, 29), "items", ("item",), (FETCH,), False),
        ("aggregate", Location(13, 15, 13, 58), "list_tenants()", ("o",), (FETCH,), True),
        ("aggregate", Location(15, 9, 15, 39), "orgs", (), (FETCH,), False),  # a statement: its results are dropped
        ("aggregate", Location(16, 19, 16, 60), "orgs", ("org",), ("pool.submit", "total", "org"), True),
        ("aggregate", Location(17, 11, 17, 41), "orgs", ("o",), ("app.tasks.sync_org.s",), True),
        ("gather", Location(20, 28, 20, 59), "orgs", ("o",), (FETCH,), True),
    ]


def test_a_loop_is_over_its_iterable_as_written_with_its_own_parentheses() -> None:
    source = """
        def f(pool, orgs, tenants):
            for org in (orgs):
                pass
            for org in list(orgs):
                pass
            pool.map(fetch, ( tenants ))
            return [o for o in sorted((orgs))]
    """
    assert [site.text for _, site in loop_sites(source)] == ["(orgs)", "list(orgs)", "( tenants )", "sorted((orgs))"]


def test_a_loop_accumulates_when_its_body_keeps_what_it_gets() -> None:
    source = """
        from workspace_server.client import fetch, delete

        def f(orgs, report):
            rows, total, usage = [], 0, {}
            for org in orgs:
                rows.append(fetch(org))
            for org in orgs:
                total += fetch(org)
            for org in orgs:
                usage[org] = fetch(org)
            for org in orgs:
                total = total + fetch(org)
            for org in orgs:
                report.write(fetch(org))
            for org in orgs:
                latest, count = fetch(org)
            for org in orgs:
                delete(org)

        def g(orgs):
            for org in orgs:
                yield fetch(org)
    """
    assert [site.accumulates for _, site in loop_sites(source)] == [True, True, True, True, True, False, False, True]


# -- suppressions ------------------------------------------------------------------------------


def test_suppression_comments_in_every_position() -> None:
    source = '''
        # molecule-lint: ignore[MOL101, mol102] -- reviewed (until 2027-03-01)
        import os  # molecule-lint: ignore[MOL104] -- typing only
        x = f(  #molecule-lint:ignore
            1,
            # molecule-lint: ignore [MOL201] --
            2,
        )
        s = "# molecule-lint: ignore[MOL999] -- inside a string, not a comment"

        def g():
            return 1
            # molecule-lint: ignore[MOL103] -- in a block footer
        # noqa: E501  # molecule-lint: ignore[MOL301] -- after another pragma
    '''
    assert facts_of(Suppression, source) == [
        Suppression(Location(1, 1, 1, 71), ("MOL101", "MOL102"), "reviewed", "2027-03-01", True),
        Suppression(Location(2, 12, 2, 58), ("MOL104",), "typing only", None, False),
        Suppression(Location(3, 9, 3, 30), (), None, None, False),
        Suppression(Location(5, 5, 5, 40), ("MOL201",), None, None, True),
        Suppression(Location(12, 5, 12, 57), ("MOL103",), "in a block footer", None, True),
        Suppression(Location(13, 1, 13, 70), ("MOL301",), "after another pragma", None, True),
    ]


# -- files that cannot be analysed, encodings, positions -------------------------------------------


def test_a_syntax_error_is_an_error_result_with_its_location() -> None:
    result = analyze("x = 1\ny = (1,\n     2 +)\n")
    assert result.facts == ()
    assert result.error is not None and result.error.startswith("syntax error: ")
    assert result.error_loc is not None and result.error_loc.line == 3


def test_python_2_code_is_an_error() -> None:
    result = analyze('print "hello"\n')
    assert result.error is not None and result.error.startswith("syntax error")


@pytest.mark.parametrize(
    ("source", "error", "loc"),
    [
        (b'x = "\xff"\n', "undecodable: invalid or missing encoding declaration", Location(1, 6, 1, 7)),
        (b"# coding: nonsense\nx = 1\n", "undecodable: unknown encoding: nonsense", None),
        (b'# coding: ascii\nx = "\xc3\xa9"\n', "undecodable: ascii (ordinal not in range(128))", Location(2, 6, 2, 7)),
    ],
)
def test_undecodable_bytes_are_an_error(source: bytes, error: str, loc: Location | None) -> None:
    result = analyze_python(PATH, MODULE, source)
    assert (result.error, result.error_loc) == (error, loc)


def test_nesting_deeper_than_python_allows_is_refused_before_parsing() -> None:
    # libcst's native parser crashes the process on ~1000 nested brackets; CPython refuses 200.
    deep = analyze_python(PATH, MODULE, b"x = " + b"[" * 1000 + b"]" * 1000 + b"\n")
    assert deep.error == "too deeply nested"
    in_a_string = analyze_python(PATH, MODULE, b'x = "' + b"(" * 1000 + b'"\n')
    assert in_a_string.error is None


def test_a_long_concatenation_is_analysed() -> None:
    source = "QUERY = " + " + ".join(['"a"'] * 1500) + "\n"
    assert facts_of(Constant, source)[0].value == ("a" * 1500,)


def test_long_operator_chains_are_analysed_in_linear_time() -> None:
    # Asking every level of the chain about the operands below it took 90 s for 3,000 terms. Ten times the
    # terms must cost about ten times as much, not a hundred (a ratio, so a loaded machine does not fail it).
    def seconds(terms: int) -> float:
        source = "def f(o):\n    return " + " + ".join(["o.x(y)"] * terms) + " + '%s' % o\n"
        started = time.perf_counter()
        assert analyze_python(PATH, MODULE, source.encode()).error is None
        return time.perf_counter() - started

    small = min(seconds(300) for _ in range(3))
    assert seconds(3_000) < 40 * small


def test_bom_latin_1_cookie_and_crlf() -> None:
    bom = analyze_python(PATH, MODULE, b'\xef\xbb\xbfimport os\nos.getenv("A")\n')
    assert bom.error is None
    assert [f.loc for f in bom.facts if isinstance(f, EnvRead)] == [Location(2, 1, 2, 15)]
    latin = analyze_python(PATH, MODULE, b'# -*- coding: latin-1 -*-\nQ = "SELECT * FROM caf\xe9s"\n')
    assert [f.text for f in latin.facts if isinstance(f, Sql)] == [("SELECT * FROM cafés",)]
    crlf = analyze_python(PATH, MODULE, b'import os\r\n\r\nx = (1,\r\n     os.getenv("A"))\r\n')
    assert [f.loc for f in crlf.facts if isinstance(f, EnvRead)] == [Location(4, 6, 4, 20)]


def test_an_empty_file_has_no_facts() -> None:
    assert analyze_python("empty.py", "empty", b"") == FileFacts("empty.py", "python", "empty")


POSITIONED = '''\
import os, requests  # molecule-lint: ignore[MOL104] -- positions
from fastapi import APIRouter, Header
router = APIRouter()
é = "é"; Q = "SELECT * FROM agent_memories WHERE id = %s"
@router.get("/x/{org_id}")
async def handler(org_id: str, token: str = Header(None)):  # the route's parameters are request values
    return os.environ[f"{org_id}_URL"], connect_to(ENGINES.get(token));
class Settings(Base):
    """doc"""
    def f(self, orgs, cur):
        for org in (orgs):
            cur.execute(f"SELECT * FROM activity_logs WHERE org = {org}")
        else:
            pass
        totals = sum(fetch(o) for o in orgs); x = "é" + os.getenv("ü_A", "http://é")
        if "B" in os.environ: requests.get("http://h/x")
        return [requests.get(u) for u in orgs]
'''


def test_fact_positions_equal_libcst_position_provider() -> None:
    """Every fact is where libcst's PositionProvider puts the node it is about (non-ASCII lines included)."""
    result = analyze(POSITIONED)
    tree = cst.parse_module(POSITIONED)
    ranges = MetadataWrapper(tree, unsafe_skip_copy=True).resolve(PositionProvider)
    by_kind: dict[str, set[Location]] = {}
    for node, where in ranges.items():
        loc = Location(where.start.line, where.start.column + 1, where.end.line, where.end.column + 1)
        by_kind.setdefault(type(node).__name__, set()).add(loc)
    nodes_of = {
        "Import": {"Import", "ImportFrom"}, "Use": {"Name", "Attribute"}, "Constant": {"Assign"},
        "Definition": {"FunctionDef", "ClassDef"}, "EnvRead": {"Call", "Subscript", "Comparison"},
        "Sql": {"FormattedString", "SimpleString", "Call"},
        "HttpCall": {"Call"}, "UrlLiteral": {"SimpleString", "BinaryOperation"}, "Route": {"Call"},
        "Suppression": {"Comment"},
    }  # fmt: skip
    kinds = {type(fact).__name__ for fact in result.facts}
    assert kinds >= set(nodes_of) - {"UrlLiteral"}, kinds
    for fact in result.facts:
        kind = type(fact).__name__
        if kind == "Summary":  # a unit of the value-flow pass, not a node's fact
            continue
        assert fact.loc in set().union(*(by_kind.get(node, set()) for node in nodes_of[kind])), fact


# -- the result as a whole ---------------------------------------------------------------------


RICH = """
    import os
    import requests
    from shared import db

    URL = os.environ.get("WORKSPACE_SERVER_URL", "http://ws")  # molecule-lint: ignore[MOL102] -- fine

    def f(cur, orgs):
        for org in orgs:
            cur.execute(f"SELECT * FROM agent_memories WHERE org_id = {org}")
            requests.get(f"{URL}/workspaces/{org}/memories")
            db.fetch(org)
"""


def test_results_survive_pickling() -> None:
    result = analyze(RICH)
    assert len(result.facts) > 8
    assert pickle.loads(pickle.dumps(result)) == result


def test_analysis_is_deterministic() -> None:
    assert analyze(RICH) == analyze(RICH)


def test_facts_are_in_file_order() -> None:
    facts = analyze(RICH).facts
    keys = [(f.loc.line, f.loc.column) for f in facts]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    "source",
    ["def f(a=1, b): pass\n", "f(**a, *b)\n", "a + 1 = 2\n", "(a, b) += 1\n", "import a as b.c\n", "lambda x=1, y: x\n"],
)
def test_the_unvalidated_parse_rejects_what_the_validated_one_rejects(source: str) -> None:
    facts = analyze_python("m.py", "m", source.encode())
    with pytest.raises(cst.ParserSyntaxError):
        cst.parse_module(source)
    assert facts.error is not None and facts.error.startswith("syntax error")
