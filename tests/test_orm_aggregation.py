"""MOL201 through ORMs and query builders (molecule_lint/core/queries.py): a Django or SQLAlchemy chain
that aggregates a tenant table across orgs is reported like the SQL it runs; one pinned to one org, on a
platform table, or in tenant code is not."""

from __future__ import annotations

from typing import Any

import pytest
from test_aggregation import CONFIG, found

MODELS = """\
    import sqlalchemy as sa
    from django.db import models
    from sqlalchemy.orm import DeclarativeBase


    class Memory(models.Model):
        class Meta:
            db_table = "agent_memories"


    class Org(models.Model):
        class Meta:
            db_table = "orgs"


    class Base(DeclarativeBase):
        pass


    class Activity(Base):
        __tablename__ = "activity_logs"
        id = sa.Column(sa.Integer, primary_key=True)


    class Billing(Base):
        __tablename__ = "billing_accounts"
        id = sa.Column(sa.Integer, primary_key=True)
"""
IMPORTS = """\
from django.db.models import Count, F, Func, OuterRef, Q, Subquery, Sum
from sqlalchemy import and_, func, select

from app.models import Activity, Billing, Memory, Org
"""


def report(body: str, where: str = "controlplane/report.py") -> dict[str, str]:
    """A function whose line 8 is ``body`` (indented lines after it belong to it)."""
    return {"app/__init__.py": "", "app/models.py": MODELS, where: f"{IMPORTS}\n\ndef run(session, org_id, org):\n    {body}\n"}


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ("return Memory.objects.count()", "aggregates tenant table `agent_memories` with no org predicate (`count()`)"),
        ("return Memory.objects.distinct().count()", "(`count()`)"),
        ('return Memory.objects.aggregate(total=Sum("size"))', "(`aggregate()`)"),
        ('return Memory.objects.filter(kind="note").annotate(n=Count("id"))', "(`annotate()`)"),
        ('return Memory.objects.annotate(n=Func(F("id"), function="Count"))', "(`annotate()`)"),
        ('return Memory.objects.values("org_id").annotate(n=Count("id"))', "by org key `org_id` (`annotate()`)"),
        ('return Memory.objects.values("kind").annotate(n=Count("id"))', "with no org predicate (`annotate()`)"),
        ('qs = Memory.objects.all()\n    return qs.count()', "(`count()`)"),
        ("return session.query(func.count(Activity.id)).scalar()", "tenant table `activity_logs` with no org"),
        ("return session.execute(select(func.count()).select_from(Activity)).scalar()", "(`select()`)"),
        ("return session.query(Activity.org_id, func.sum(Activity.tokens)).group_by(Activity.org_id).all()", "by org key `org_id`"),
        (
            'n = Memory.objects.filter(org_id=OuterRef("id")).order_by().annotate(n=Count("id")).values("n")\n'
            "    return Org.objects.annotate(memories=Subquery(n))",
            "groups tenant table `agent_memories` by org key `org_id` (a `Subquery` per `org_id`)",
        ),
    ],
)
def test_an_orm_aggregation_across_orgs_in_platform_code(project: Any, body: str, why: str) -> None:
    result = project(report(body), CONFIG)
    mol201 = [f for f in result.findings if f.rule == "MOL201"]
    assert len(mol201) == 1 and why in mol201[0].message
    assert mol201[0].loc.line == 8 + body.count("\n")


@pytest.mark.parametrize(
    "body",
    [
        "return Memory.objects.filter(org_id=org_id).count()",  # one org (MOL101 only)
        "return Memory.objects.filter(org=org).aggregate(n=Count('id'))",  # one related org
        "return Memory.objects.filter(workspace__id=org_id).count()",  # one workspace: one org
        "return Memory.objects.filter(Q(org_id=org_id)).count()",
        "qs = Memory.objects.filter(org_id=org_id)\n    return qs.count()",
        "return session.query(func.count(Activity.id)).filter(Activity.org_id == org_id).scalar()",
        "return session.query(func.count(Activity.id)).filter_by(org_id=org_id).scalar()",
        "return session.query(func.count(Activity.id)).where(and_(Activity.kind == 'x', Activity.org_id == org_id))",
        "return Memory.objects.filter(kind='note').first()",  # read, not aggregated (MOL101 only)
        "return Org.objects.count()",  # the platform's own tables
        "return session.query(func.count(Billing.id)).group_by(Billing.org_id).all()",
        "return sum(b.amount for b in Billing.objects.all())",
        "return [1, 2].count(1)",
    ],
)
def test_orm_look_alikes_are_not_mol201(project: Any, body: str) -> None:
    assert found(project(report(body), CONFIG), "MOL201") == []


def test_tenant_code_counts_its_own_org(project: Any) -> None:
    body = 'return Memory.objects.count(), Memory.objects.values("org_id").annotate(n=Count("id"))'
    assert found(project(report(body, "workspace_server/report.py"), CONFIG)) == []


def test_shared_code_is_checked_only_for_grouping_by_org(project: Any) -> None:
    body = 'return Memory.objects.count(), Memory.objects.values("org_id").annotate(n=Count("id"))'
    result = project(report(body, "common/report.py"), CONFIG)
    assert [(f.rule, f.loc.line) for f in result.findings] == [("MOL201", 8)]
    assert "by org key `org_id`" in result.findings[0].message


def test_a_model_passed_to_something_else_is_no_query(project: Any) -> None:
    body = "return [Memory, Activity].count(Memory) + session.cache(Activity.id).count()"
    assert found(project(report(body), CONFIG), "MOL201") == []


PEEWEE_TORTOISE = {
    "app/__init__.py": "",
    "app/names.py": """\
import enum


class Names(str, enum.Enum):
    NOTES = "agent_memories"
    EVENTS = "activity_logs"
    PLANS = "billing_accounts"
""",
    "app/store.py": """\
import peewee
import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase
from tortoise import fields, models

from app.names import Names


class Base(peewee.Model):
    class Meta:
        database = None


class Note(Base):
    class Meta:
        table_name = Names.NOTES.value


class Plan(Base):
    class Meta:
        table_name = Names.PLANS.value


class Event(models.Model):
    org_id = fields.TextField()

    class Meta:
        table = Names.EVENTS.value


class Declarative(DeclarativeBase):
    pass


class Act(Declarative):
    __tablename__ = Names.EVENTS.value
    id = sa.Column(sa.Integer, primary_key=True)
""",
    "controlplane/report.py": """\
from peewee import fn
from sqlalchemy import func, select
from tortoise.functions import Count

from app.store import Act, Event, Note, Plan


async def run(session, org_id, registry):
    a = Note.select(Note.org_id, fn.SUM(Note.size).alias("total")).group_by(Note.org_id)
    b = Note.select().where(Note.org_id == org_id).count()
    c = await Event.annotate(n=Count("id")).group_by("org_id").values("org_id", "n")
    d = await Event.filter(org_id=org_id).count()
    e = session.execute(select(func.count(Act.id).label("n"))).scalar()
    f = Plan.select(Plan.org_id, fn.COUNT(Plan.id)).group_by(Plan.org_id)
    g = registry.Note.filter(kind="x").count()
    return a, b, c, d, e, f, g
""",
}


def test_peewee_and_tortoise_models_with_table_names_from_elsewhere(project: Any) -> None:
    """Model classes whose table is an Enum member of another module (Peewee `Meta.table_name`, Tortoise
    `Meta.table`, SQLAlchemy `__tablename__`), queried from the class; the platform's own model and a
    non-model receiver stay silent."""
    result = project(PEEWEE_TORTOISE, CONFIG)
    assert found(result, "MOL101", "MOL201") == [
        ("MOL101", "controlplane/report.py", 9),
        ("MOL101", "controlplane/report.py", 10),
        ("MOL101", "controlplane/report.py", 11),
        ("MOL101", "controlplane/report.py", 12),
        ("MOL101", "controlplane/report.py", 13),
        ("MOL201", "controlplane/report.py", 9),
        ("MOL201", "controlplane/report.py", 11),
        ("MOL201", "controlplane/report.py", 13),
    ]


def test_a_core_table_named_by_a_constant_of_another_module(project: Any) -> None:
    files = {
        "app/__init__.py": "",
        "app/names.py": 'EVENTS = "activity_logs"\nPLANS = "billing_accounts"\n',
        "app/tables.py": """\
import sqlalchemy as sa

from app import names

meta = sa.MetaData()
events = sa.Table(names.EVENTS, meta, sa.Column("org_id", sa.Text))
plans = sa.Table(names.PLANS, meta, sa.Column("org_id", sa.Text))
""",
        "controlplane/report.py": """\
import sqlalchemy as sa

from app import tables


def run(session):
    a = session.execute(sa.select(sa.func.count()).select_from(tables.events)).scalar()
    b = session.execute(sa.select(sa.func.count()).select_from(tables.plans)).scalar()
    return a, b
""",
    }
    assert found(project(files, CONFIG)) == [
        ("MOL101", "controlplane/report.py", 7),
        ("MOL201", "controlplane/report.py", 7),
    ]


def test_a_core_table_made_or_reflected_in_a_function(project: Any) -> None:
    """`Table(name, MetaData(), autoload_with=engine)` returned by a helper, `meta.reflect(only=[...])` then
    `meta.tables[name]`: queries on them by the columns (`t.c.org_id`) or the table are on that table."""
    files = {
        "app/__init__.py": "",
        "app/names.py": 'EVENTS = "activity_logs"\nPLANS = "billing_accounts"\n',
        "controlplane/report.py": """\
from sqlalchemy import MetaData, Table, func, select

from app.names import EVENTS, PLANS


def _reflected(engine, name):
    return Table(name, MetaData(), autoload_with=engine)


def per_org(engine):
    events = _reflected(engine, EVENTS)
    return select(events.c.org_id, func.count()).group_by(events.c.org_id)


def one_org(engine, org_id):
    events = _reflected(engine, EVENTS)
    return select(func.count()).select_from(events).where(events.c.org_id == org_id)


def by_plan(engine):
    meta = MetaData()
    meta.reflect(bind=engine, only=[PLANS, EVENTS])
    plans, events = meta.tables[PLANS], meta.tables[EVENTS]
    return select(plans.c.org_id, func.count()).group_by(plans.c.org_id), select(func.max(events.c.id)).select_from(events)
""",
    }
    assert found(project(files, CONFIG)) == [
        ("MOL101", "controlplane/report.py", 12),
        ("MOL101", "controlplane/report.py", 17),
        ("MOL101", "controlplane/report.py", 24),
        ("MOL201", "controlplane/report.py", 12),
        ("MOL201", "controlplane/report.py", 24),
    ]


def test_sqlalchemy_1x_selects_take_their_columns_as_one_list(project: Any) -> None:
    files = {
        "app/__init__.py": "",
        "app/tables.py": """\
import sqlalchemy as sa

meta = sa.MetaData()
logs = sa.Table("activity_logs", meta, sa.Column("org_id", sa.Text), sa.Column("kind", sa.Text))
plans = sa.Table("billing_accounts", meta, sa.Column("org_id", sa.Text))
""",
        "controlplane/report.py": """\
import sqlalchemy as sa

from app.tables import logs, plans


def run(conn, org_id):
    a = conn.execute(sa.select([sa.func.count()]).select_from(logs)).scalar()
    b = conn.execute(sa.select([logs.c.org_id, sa.func.count(logs.c.kind)]).group_by(logs.c.org_id)).all()
    c = conn.execute(sa.select([logs.c.kind]).where(logs.c.org_id == org_id)).all()
    d = conn.execute(sa.select([plans.c.org_id, sa.func.count()]).group_by(plans.c.org_id)).all()
    return a, b, c, d
""",
    }
    assert found(project(files, CONFIG)) == [
        ("MOL101", "controlplane/report.py", 7),
        ("MOL101", "controlplane/report.py", 8),
        ("MOL101", "controlplane/report.py", 9),
        ("MOL201", "controlplane/report.py", 7),
        ("MOL201", "controlplane/report.py", 8),
    ]


NAMED_ELSEWHERE = {
    "lib/__init__.py": "",
    "lib/names.py": 'ACTIVITY = "activity_logs"\nPREFIX = "agent"\nQUOTAS = "billing_accounts"\n',
    "cp/__init__.py": "",
    "cp/models.py": """\
import sqlalchemy as sa
from django.db import models
from sqlalchemy.orm import DeclarativeBase

from lib import names
from lib.names import PREFIX, QUOTAS
from lib.unknown import MYSTERY


class Notes(models.Model):
    class Meta:
        managed = False
        db_table = f"{PREFIX}_memories"


class Quota(models.Model):
    class Meta:
        db_table = QUOTAS


class Hidden(models.Model):
    class Meta:
        db_table = MYSTERY


class Base(DeclarativeBase):
    pass


class Events(Base):
    __tablename__ = names.ACTIVITY
    id = sa.Column(sa.Integer, primary_key=True)
""",
}


def test_a_table_named_by_constants_of_another_module_is_the_models_table(project: Any) -> None:
    job = """\
from sqlalchemy import func

from cp.models import Events, Hidden, Notes, Quota


def run(session):
    a = Notes.objects.count()
    b = session.query(func.count(Events.id)).scalar()
    c = Quota.objects.count()
    d = Hidden.objects.count()
    return a, b, c, d
"""
    config = CONFIG | {"services": [{"name": "cp", "plane": "platform", "paths": ["cp/"]}]}
    result = project(NAMED_ELSEWHERE | {"cp/job.py": job}, config)
    assert found(result) == [("MOL101", "cp/job.py", 7), ("MOL101", "cp/job.py", 8), ("MOL201", "cp/job.py", 7),
                             ("MOL201", "cp/job.py", 8)]  # fmt: skip
    assert "`agent_memories`" in next(f.message for f in result.findings if f.loc.line == 7)


def test_a_custom_queryset_method_that_pins_one_org_is_an_org_predicate(project: Any) -> None:
    models = """\
from django.db import models


class ScopedQuerySet(models.QuerySet):
    def of_org(self, org):
        return self.filter(org_id=org)

    def recent(self):
        return self.filter(kind="note").order_by("-id")


class Manager(models.Manager):
    def for_tenant(self, tenant):
        return super().get_queryset().filter(org_id=tenant)


class Memory(models.Model):
    objects = ScopedQuerySet.as_manager()
    scoped = Manager()

    class Meta:
        db_table = "agent_memories"
"""
    job = """\
from app.models import Memory


def run(org_id):
    a = Memory.objects.of_org(org_id).count()
    b = Memory.scoped.for_tenant(org_id).count()
    c = Memory.objects.recent().count()
    d = Memory.objects.undefined_here(org_id).count()
    return a, b, c, d
"""
    result = project({"app/__init__.py": "", "app/models.py": models, "controlplane/job.py": job}, CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/job.py", 7), ("MOL201", "controlplane/job.py", 8)]


GO_REPORT = """\
package report

import (
	"context"

	sq "github.com/Masterminds/squirrel"
	"github.com/jackc/pgx/v5/pgxpool"
	"gorm.io/gorm"
)

type Memory struct{ OrgID string }

func (Memory) TableName() string { return "agent_memories" }

func Run(ctx context.Context, db *gorm.DB, pool *pgxpool.Pool, orgID string) {
	var n int64
	db.Model(&Memory{}).Count(&n)
	db.Model(&Memory{}).Where("org_id = ?", orgID).Count(&n)
	byOrg, _, _ := sq.Select("org_id", "count(*)").From("activity_logs").GroupBy("org_id").ToSql()
	pool.Query(ctx, byOrg)
	one, args, _ := sq.Select("count(*)").From("activity_logs").Where(sq.Eq{"org_id": orgID}).ToSql()
	pool.Query(ctx, one, args...)
}
"""


def test_go_query_builders_aggregating_across_orgs(project: Any) -> None:
    """gorm and squirrel chains are judged as the SQL they build: unpinned or grouped by org is MOL201,
    one pinned to one org is MOL101 only."""
    result = project({"go.mod": "module example.com/m\n", "controlplane/report.go": GO_REPORT}, CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/report.go", 17), ("MOL201", "controlplane/report.go", 20)]
    assert [line for _, _, line in found(result, "MOL101")] == [17, 18, 20, 22]


GO_TAGGED_MODELS = """\
package report

import (
	"github.com/go-pg/pg/v10"
	"github.com/uptrace/bun"
)

type note struct {
	bun.BaseModel `bun:"table:agent_memories,alias:n"`
	OrgID         string `bun:"org_id"`
}

type ledger struct {
	bun.BaseModel `bun:"table:billing_accounts"`
}

type activity struct {
	tableName struct{} `pg:"activity_logs,alias:a"`
	OrgID     string
}

var _ *pg.DB
"""
GO_TAGGED_REPORT = """\
package report

import (
	"context"

	"github.com/go-pg/pg/v10"
	"github.com/uptrace/bun"
)

type Report struct{ db *bun.DB }

func (r *Report) Run(ctx context.Context, pgdb *pg.DB, orgID string) {
	var rows []struct{ N int }
	r.db.NewSelect().Model((*note)(nil)).ColumnExpr("org_id").ColumnExpr("count(*)").Group("org_id").Scan(ctx, &rows)
	var notes []note
	r.db.NewSelect().Model(&notes).Where("org_id = ?", orgID).Scan(ctx)
	r.db.NewSelect().Model((*ledger)(nil)).ColumnExpr("org_id").Group("org_id").Scan(ctx, &rows)
	pgdb.Model((*activity)(nil)).Count()
}
"""


def test_go_models_naming_their_table_in_a_struct_tag(project: Any) -> None:
    """bun's `bun:"table:..."` on the embedded BaseModel and go-pg's `tableName` field name a model's table
    (declared in another file of the package): a chain over the model is the SQL it builds."""
    files = {"go.mod": "module example.com/m\n", "controlplane/models.go": GO_TAGGED_MODELS,
             "controlplane/report.go": GO_TAGGED_REPORT}  # fmt: skip
    result = project(files, CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/report.go", 14), ("MOL201", "controlplane/report.go", 18)]
    assert [line for _, _, line in found(result, "MOL101")] == [14, 16, 18]



def test_bun_writes_run_by_exec_on_the_table_of_their_model(project: Any) -> None:
    """bun's `NewDelete()`/`NewUpdate()`/`NewInsert()` chains run by `Exec(ctx)` on their model's table: a
    write to a tenant table is access (not an aggregate); to a platform one, or plain SQL text, silent."""
    purge = """\
package report

import (
	"context"

	"github.com/uptrace/bun"
)

func Purge(ctx context.Context, db *bun.DB, orgID string) {
	db.NewDelete().Model((*note)(nil)).Where("org_id = ?", orgID).Exec(ctx)
	db.NewUpdate().Model(&note{}).Set("org_id = ?", "x").WherePK().Exec(ctx)
	db.NewInsert().Model(&ledger{}).Exec(ctx)
	db.NewDelete().Model((*ledger)(nil)).Where("org_id = ?", orgID).Exec(ctx)
	db.ExecContext(ctx, "VACUUM")
}
"""
    files = {"go.mod": "module example.com/m\n", "controlplane/models.go": GO_TAGGED_MODELS, "controlplane/purge.go": purge}
    result = project(files, CONFIG)
    assert found(result) == [("MOL101", "controlplane/purge.go", line) for line in (10, 11)]


GO_ENT = {
    "gen/note/note.go": """\
package note

import (
	"entgo.io/ent/dialect/sql"
	"example.com/m/gen/predicate"
)

const (
	FieldTenant = "org_id"
	FieldKind   = "kind"
	Table       = "agent_memories"
)

func Tenant(v string) predicate.Note { return predicate.Note(sql.FieldEQ(FieldTenant, v)) }
func KindIn(vs ...string) predicate.Note { return predicate.Note(sql.FieldIn(FieldKind, vs...)) }
""",
    "gen/account/account.go": """\
package account

const Table = "billing_accounts"
""",
    "gen/predicate/predicate.go": """\
package predicate

import "entgo.io/ent/dialect/sql"

type Note func(*sql.Selector)
""",
    "gen/client.go": """\
package gen

import (
	"context"

	"entgo.io/ent/dialect/sql/sqlgraph"
	"example.com/m/gen/account"
	"example.com/m/gen/note"
	"example.com/m/gen/predicate"
)

type Client struct {
	Note    *NoteClient
	Account *AccountClient
}
type NoteClient struct{}
type AccountClient struct{}
type NoteQuery struct{ predicates []predicate.Note }
type AccountQuery struct{}

func (c *NoteClient) Query() *NoteQuery       { return &NoteQuery{} }
func (c *AccountClient) Query() *AccountQuery { return &AccountQuery{} }

func (q *NoteQuery) Where(ps ...predicate.Note) *NoteQuery { return q }
func (q *NoteQuery) Count(ctx context.Context) (int, error) { return sqlgraph.CountNodes(ctx, nil, q.querySpec()) }
func (q *NoteQuery) querySpec() *sqlgraph.QuerySpec     { return sqlgraph.NewQuerySpec(note.Table, nil, nil) }
func (q *AccountQuery) Count(ctx context.Context) (int, error) { return sqlgraph.CountNodes(ctx, nil, q.querySpec()) }
func (q *AccountQuery) querySpec() *sqlgraph.QuerySpec  { return sqlgraph.NewQuerySpec(account.Table, nil, nil) }
""",
    "controlplane/stats.go": """\
package stats

import (
	"context"

	"example.com/m/gen"
	"example.com/m/gen/note"
)

func Run(ctx context.Context, db *gen.Client, orgID string) {
	db.Note.Query().Where(note.KindIn("fact")).Count(ctx)
	db.Note.Query().Where(note.Tenant(orgID)).Count(ctx)
	db.Account.Query().Count(ctx)
}
""",
}


def test_an_ent_client_queries_the_table_its_generated_query_spec_names(project: Any) -> None:
    """ent: `client.Note.Query().Where(...).Count(ctx)` runs on the table of the generated query's spec; its
    generated predicates are the conditions they write (one on the org key pins the count to one org)."""
    result = project({"go.mod": "module example.com/m\n", **GO_ENT}, CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/stats.go", 11)]
    assert [line for _, _, line in found(result, "MOL101")] == [11, 12]


GO_SQLBOILER = {
    "db/models/notes.go": """\
package models

import "github.com/aarondl/sqlboiler/v4/queries/qm"

type noteQuery struct{ q *Query }

func Notes(mods ...qm.QueryMod) noteQuery {
	mods = append(mods, qm.From("\\"agent_memories\\""))
	return noteQuery{NewQuery(mods...)}
}

func Accounts(mods ...qm.QueryMod) noteQuery {
	mods = append(mods, qm.From("\\"billing_accounts\\""))
	return noteQuery{NewQuery(mods...)}
}

func Recent(mods ...qm.QueryMod) noteQuery { return noteQuery{NewQuery(mods...)} }
""",
    "controlplane/stats.go": """\
package stats

import (
	"context"
	"database/sql"

	"github.com/aarondl/sqlboiler/v4/queries/qm"
	"example.com/m/db/models"
)

func Run(ctx context.Context, db *sql.DB, orgID string) {
	models.Notes(qm.Select("org_id", "count(*)"), qm.GroupBy("org_id")).All(ctx, db)
	models.Notes(qm.Where("org_id = ?", orgID)).Count(ctx, db)
	models.Accounts().Count(ctx, db)
	models.Recent(qm.Where("kind = ?", "fact")).Count(ctx, db)
}
""",
}


def test_a_sqlboiler_query_runs_on_the_table_its_generated_function_selects_from(project: Any) -> None:
    """sqlboiler: `models.Notes(qm.Where(...)).Count(ctx, db)` runs on the table the generated function's
    literal `qm.From` names, with the caller's query mods; a function naming no table is no query."""
    result = project({"go.mod": "module example.com/m\n", **GO_SQLBOILER}, CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/stats.go", 12)]
    assert [line for _, _, line in found(result, "MOL101")] == [12, 13]


def _jet_table(var: str, kind: str, table: str) -> str:
    """A table file as go-jet's generator writes it (abridged)."""
    return f"""\
package table

import "github.com/go-jet/jet/v2/postgres"

var {var} = new{var}Table("public", "{table}", "")

type {kind}Table struct {{
	postgres.Table
	OrgID postgres.ColumnString
	Kind  postgres.ColumnString
}}

type {var}Table struct {{
	{kind}Table
	EXCLUDED {kind}Table
}}

func new{var}Table(schemaName, tableName, alias string) *{var}Table {{
	return &{var}Table{{
		{kind}Table: new{var}TableImpl(schemaName, tableName, alias),
		EXCLUDED:  new{var}TableImpl("", "excluded", ""),
	}}
}}

func new{var}TableImpl(schemaName, tableName, alias string) {kind}Table {{
	var (
		OrgIDColumn = postgres.StringColumn("org_id")
		KindColumn  = postgres.StringColumn("kind")
	)
	return {kind}Table{{
		Table: postgres.NewTable(schemaName, tableName, alias, OrgIDColumn, KindColumn),
		OrgID: OrgIDColumn,
		Kind:  KindColumn,
	}}
}}
"""


GO_JET = {
    "gen/jetdb/table/notes.go": _jet_table("Notes", "notes", "agent_memories"),
    "gen/jetdb/table/ledgers.go": _jet_table("Ledgers", "ledgers", "billing_accounts"),
    "controlplane/stats.go": """\
package stats

import (
	"context"
	"database/sql"

	"github.com/go-jet/jet/v2/postgres"

	"example.com/m/gen/jetdb/table"
)

func Run(ctx context.Context, db *sql.DB, orgID string) {
	var out []struct{}
	perOrg := postgres.SELECT(table.Notes.OrgID, postgres.COUNT(postgres.STAR)).FROM(table.Notes).GROUP_BY(table.Notes.OrgID)
	perOrg.QueryContext(ctx, db, &out)
	postgres.SELECT(postgres.COUNT(postgres.STAR)).FROM(table.Notes).WHERE(table.Notes.OrgID.EQ(postgres.String(orgID))).Query(db, &out)
	postgres.SELECT(table.Ledgers.OrgID, postgres.COUNT(postgres.STAR)).FROM(table.Ledgers).GROUP_BY(table.Ledgers.OrgID).Query(db, &out)
}
""",
    "controlplane/kinds.go": """\
package stats

import (
	"context"
	"database/sql"

	. "github.com/go-jet/jet/v2/postgres"

	. "example.com/m/gen/jetdb/table"
)

func Kinds(ctx context.Context, db *sql.DB) {
	var out []struct{}
	stmt := SELECT(Notes.Kind.AS("k"), COUNT(STAR)).FROM(Notes.INNER_JOIN(Ledgers, Ledgers.OrgID.EQ(Notes.OrgID)))
	stmt.QueryContext(ctx, db, &out)
	SELECT(Ledgers.Kind).FROM(Ledgers).Query(db, &out)
}
""",
}


def test_a_go_jet_statement_runs_on_the_table_its_generated_variable_was_made_with(project: Any) -> None:
    """go-jet: `SELECT(T.OrgID, COUNT(STAR)).FROM(T).GROUP_BY(T.OrgID)` runs on the table the generated
    variable `T` was made with (`postgres.NewTable(schema, "agent_memories", alias)`), qualified or dot
    imported; its columns are the generated fields' (an `EQ` on `T.OrgID` pins it to one org). A platform
    table's variable stays silent."""
    result = project({"go.mod": "module example.com/m\n", **GO_JET}, CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/kinds.go", 15), ("MOL201", "controlplane/stats.go", 15)]
    assert [(path, line) for _, path, line in found(result, "MOL101")] == [
        ("controlplane/kinds.go", 15), ("controlplane/stats.go", 15), ("controlplane/stats.go", 16)
    ]


GO_HELPER_BUILT = {
    "shared/scopes/scopes.go": """\
package scopes

import (
	"time"

	"gorm.io/gorm"
)

type Memory struct{ OrgID string }

func (Memory) TableName() string { return "agent_memories" }

type Ledger struct{}

func (Ledger) TableName() string { return "billing_accounts" }

func Since(db *gorm.DB, t time.Time) *gorm.DB { return db.Model(&Memory{}).Where("created_at > ?", t) }

func Ledgers(db *gorm.DB) *gorm.DB { return db.Model(&Ledger{}) }
""",
    "controlplane/stats.go": """\
package stats

import (
	"time"

	"gorm.io/gorm"
	"example.com/m/shared/scopes"
)

func Run(db *gorm.DB, orgID string, t time.Time) {
	var n int64
	scopes.Since(db, t).Count(&n)
	scopes.Since(db, t).Where("org_id = ?", orgID).Count(&n)
	scopes.Ledgers(db).Count(&n)
}
""",
}


def test_a_count_over_a_chain_a_helper_of_another_package_builds(project: Any) -> None:
    """A builder chain a function returns, run by its caller (`scopes.Since(db, t).Count(&n)`): the helper's
    chain, read where it is built (its model is the helper's package's), then the caller's own steps."""
    result = project({"go.mod": "module example.com/m\n", **GO_HELPER_BUILT}, CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/stats.go", 12)]
    assert [line for _, _, line in found(result, "MOL101")] == [12, 13]


GO_GENERIC_STORE = {
    "shared/store/store.go": """\
package store

import "gorm.io/gorm"

type Store[M any] struct{ db *gorm.DB }

func Of[M any](db *gorm.DB) *Store[M] { return &Store[M]{db: db} }

func (s *Store[M]) Total() int64 {
	var n int64
	s.db.Model(new(M)).Count(&n)
	return n
}
""",
    "controlplane/stats.go": """\
package stats

import (
	"gorm.io/gorm"
	"example.com/m/shared/store"
)

type Memory struct{ OrgID string }

func (Memory) TableName() string { return "agent_memories" }

type Ledger struct{}

func (Ledger) TableName() string { return "billing_accounts" }

func Run(db *gorm.DB) int64 {
	billed := store.Of[Ledger](db).Total()
	return billed + store.Of[Memory](db).Total()
}

func Twice(db *gorm.DB) int64 {
	s := store.Of[Memory](db)
	return s.Total()
}
""",
}


def test_a_generic_repository_runs_on_the_model_it_is_instantiated_with(project: Any) -> None:
    """Go generics: `store.Of[Memory](db).Total()` runs `Model(new(M))` with M the type argument the instance
    was made with (a type parameter of the function, then of the receiver); the platform's model is silent."""
    result = project({"go.mod": "module example.com/m\n", **GO_GENERIC_STORE}, CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/stats.go", 18), ("MOL201", "controlplane/stats.go", 23)]
    assert [line for _, _, line in found(result, "MOL101")] == [18, 23]


def test_a_table_name_the_model_spells_through_an_enum_or_a_constant_of_another_module(project: Any) -> None:
    files = {
        "app/__init__.py": "",
        "app/names.py": (
            "import enum\n\n\nclass Names(str, enum.Enum):\n"
            '    ACTIVITY = "activity_logs"\n    MEMORIES = "agent_memories"\n\n\nBILLING = "billing_accounts"\n'
        ),
        "app/models.py": (
            "from sqlalchemy.orm import DeclarativeBase\n\nfrom app import names\nfrom app.names import Names\n\n\n"
            "class Base(DeclarativeBase):\n    pass\n\n\n"
            "class Activity(Base):\n    __tablename__ = Names.ACTIVITY\n\n\n"
            "class Memory(Base):\n    __tablename__ = Names.MEMORIES.value\n\n\n"
            "class Billing(Base):\n    __tablename__ = names.BILLING\n"
        ),
        "controlplane/report.py": (
            "from sqlalchemy import func, select\n\nfrom app.models import Activity, Billing, Memory\n\n\n"
            "def run(session):\n"
            "    by_org = select(Activity.org_id, func.count()).group_by(Activity.org_id)\n"
            "    one = select(Memory).where(Memory.org_id == 'o1')\n"
            "    invoices = select(Billing.org_id, func.count()).group_by(Billing.org_id)\n"
            "    return session.execute(by_org), session.execute(one), session.execute(invoices)\n"
        ),
    }
    result = project(files, CONFIG)
    assert found(result) == [
        ("MOL101", "controlplane/report.py", 7),
        ("MOL101", "controlplane/report.py", 8),
        ("MOL201", "controlplane/report.py", 7),
    ]


def test_a_model_bound_to_a_local_name_first(project: Any) -> None:
    body = (
        "Log = Activity\n"
        "    Account = Billing\n"
        "    per_org = session.query(Log.org_id, func.count(Log.id)).group_by(Log.org_id)\n"
        "    one = select(Log).where(Log.org_id == org_id)\n"
        "    bills = session.query(Account.org_id, func.count(Account.id)).group_by(Account.org_id)\n"
        "    return per_org, one, bills"
    )
    result = project(report(body), CONFIG)
    assert found(result) == [
        ("MOL101", "controlplane/report.py", 10),
        ("MOL101", "controlplane/report.py", 11),
        ("MOL201", "controlplane/report.py", 10),
    ]


def test_a_model_from_the_app_registry_in_a_correlated_subquery(project: Any) -> None:
    body = (
        'Mem = registry.get_model("app.Memory")\n'
        '    per_org = Mem.objects.filter(org_id=OuterRef("pk")).values("org_id").annotate(c=Count("id")).values("c")\n'
        "    orgs = Org.objects.annotate(memories=Subquery(per_org))\n"
        '    Own = registry.get_model("app", "Org")\n'
        '    own = Own.objects.filter(pk=OuterRef("pk")).values("pk").annotate(c=Count("id")).values("c")\n'
        "    return orgs, Org.objects.annotate(same=Subquery(own))"
    )
    files = report(body)
    files["controlplane/report.py"] = "from django.apps import apps as registry\n" + files["controlplane/report.py"]
    assert found(project(files, CONFIG), "MOL201") == [("MOL201", "controlplane/report.py", 11)]


def test_a_count_over_the_query_a_function_or_method_builds_and_returns(project: Any) -> None:
    helpers = """\
from app.models import Memory, Org


def since(day):
    return Memory.objects.filter(created_at__gte=day)


def of_org(org_id):
    return Memory.objects.filter(org_id=org_id)


class Stats:
    def base(self):
        return Memory.objects.exclude(kind="draft")

    def size(self):
        return self.base().count()

    def orgs(self):
        return Org.objects.all()

    def org_count(self):
        return self.orgs().count()
"""
    body = "return since(org).count(), of_org(org_id).count(), helpers.since(org).aggregate(n=Count('id'))"
    files = {**report(body), "controlplane/helpers.py": helpers}
    files["controlplane/report.py"] = "from controlplane import helpers\nfrom controlplane.helpers import of_org, since\n" + files["controlplane/report.py"]
    result = project(files, CONFIG)
    assert found(result, "MOL201") == [
        ("MOL201", "controlplane/helpers.py", 17),
        ("MOL201", "controlplane/report.py", 10),  # since(org).count()
        ("MOL201", "controlplane/report.py", 10),  # helpers.since(org).aggregate(...); of_org(org_id) is one org's
    ]
    assert sorted(f.message.rsplit(" ", 1)[-1] for f in result.findings if f.path.endswith("report.py")) == [
        "(`aggregate()`)", "(`count()`)",
    ]  # fmt: skip


def test_a_statement_built_in_one_function_and_run_in_another_is_one_finding_where_it_is_built(project: Any) -> None:
    builders = """\
from django.db.models import Count
from sqlalchemy import func, select

from app.models import Activity, Memory


def per_org():
    return select(Activity.org_id, func.count()).group_by(Activity.org_id)


def memories_per_org():
    return Memory.objects.values("org_id").annotate(n=Count("id"))


def total():
    return select(func.count()).select_from(Activity)
"""
    body = "return session.execute(per_org()), list(memories_per_org()), session.execute(total())"
    files = {**report(body), "controlplane/stmts.py": builders, "common/stmts.py": builders}
    imports = "{} import memories_per_org, per_org, total\n"
    files["controlplane/report.py"] = imports.format("from controlplane.stmts") + files["controlplane/report.py"]
    assert found(project(files, CONFIG), "MOL201") == [
        *(("MOL201", "common/stmts.py", line) for line in (8, 12)),  # shared code: only what groups by an org key
        *(("MOL201", "controlplane/stmts.py", line) for line in (8, 12, 16)),
    ]
    # built where it is not judged (shared code's unpinned count; tenant code): reported where the platform runs it
    for where in ("common/stmts.py", "workspace_server/stmts.py"):
        files = {**report(body), where: builders}
        module = where.removesuffix(".py").replace("/", ".")
        files["controlplane/report.py"] = imports.format(f"from {module}") + files["controlplane/report.py"]
        expected = [("MOL201", "controlplane/report.py", 9)] * (1 if where.startswith("common") else 3)
        assert [f for f in found(project(files, CONFIG), "MOL201") if f[1] == "controlplane/report.py"] == expected


def test_a_correlated_subquery_wrapped_and_sliced_is_one_aggregate_per_org(project: Any) -> None:
    body = (
        "return Org.objects.annotate(n=Coalesce(\n"
        '        Subquery(Memory.objects.filter(org_id=OuterRef("pk")).values("org_id").annotate(c=Count("id")).values("c")[:1]),\n'
        "        Value(0),\n"
        "    ), m=Greatest(Value(0), Subquery(Memory.objects.filter(org_id=OuterRef('pk')).annotate(c=Sum('size')).values('c')[0])))"
    )
    files = report(body)
    files["controlplane/report.py"] = "from django.db.models import Value\nfrom django.db.models.functions import Coalesce, Greatest\n" + files["controlplane/report.py"]
    result = project(files, CONFIG)
    mol201 = [f for f in result.findings if f.rule == "MOL201"]
    assert [f.loc.line for f in mol201] == [10]
    assert "groups tenant table `agent_memories` by org key `org_id` (a `Subquery` per `org_id`)" in mol201[0].message
    assert [hop.line for hop in mol201[0].trace] == [10, 11]  # the query, then its subquery


RELATED = """\
from django.db import models


class Project(models.Model):
    name = models.CharField(max_length=9)


class Workspace(models.Model):
    project = models.ForeignKey("app.Project", on_delete=models.CASCADE)
    name = models.CharField(max_length=9)


class Memory(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE)
    home = models.OneToOneField(to=Workspace, on_delete=models.CASCADE)
    slot = models.ForeignKey("app.Workspace", on_delete=models.CASCADE)
    status = models.CharField(max_length=9)

    class Meta:
        db_table = "agent_memories"
"""


@pytest.mark.parametrize(
    ("lookup", "pinned"),
    [
        ("workspace=ws", True),  # one related entity (a ForeignKey of the model)
        ("home=ws", True),  # a OneToOneField
        ("workspace__project=ws.project", True),  # through a relation, to one related entity
        ("home__project__exact=ws.project", True),  # `to=` followed; `__exact` is equality
        ("slot__project=ws.project", True),  # Django's `"app_label.Model"` followed
        ("status=ws", False),  # a plain field: rows of every org
        ("workspace__name=ws", False),  # a plain field of the related model
        ("workspace__in=ws", False),  # many entities
        ('workspace__project="p"', False),  # a literal: no one entity
    ],
)
def test_an_equality_on_a_relation_pins_one_entity(project: Any, lookup: str, pinned: bool) -> None:
    job = f"from app.models import Memory\n\n\ndef run(ws):\n    return Memory.objects.filter({lookup}).count()\n"
    result = project({"app/__init__.py": "", "app/models.py": RELATED, "controlplane/job.py": job}, CONFIG)
    assert found(result) == [("MOL101", "controlplane/job.py", 5), *([] if pinned else [("MOL201", "controlplane/job.py", 5)])]


@pytest.mark.parametrize(
    ("inner", "pinned"),
    [
        # a scalar subquery correlated on an entity key: one outer row's entity (one org) per evaluation
        ("select(func.max(Activity.created_at)).where(Activity.billing_id == Billing.id).scalar_subquery()", True),
        ("select(func.count(Activity.id)).where(Billing.org_id == Activity.org_id).correlate(Billing).as_scalar()",
         True),
        # look-alikes: the same comparison as a join, correlation switched off, a key that is no entity's
        ("select(func.count(Activity.id)).where(Activity.billing_id == Billing.id)", False),
        ("select(func.count(Activity.id)).where(Activity.billing_id == Billing.id).correlate(None).scalar_subquery()",
         False),
        ("select(func.count(Activity.id)).where(Activity.kind == Billing.kind).scalar_subquery()", False),
    ],
)
def test_a_scalar_subquery_correlated_on_an_entity_key_is_pinned(project: Any, inner: str, pinned: bool) -> None:
    body = f"last = {inner}\n    return session.execute(select(Billing.id, last)).all()"
    assert found(project(report(body), CONFIG), "MOL201") == ([] if pinned else [("MOL201", "controlplane/report.py", 8)])


@pytest.mark.parametrize(
    ("body", "pinned"),
    [
        # predicates spread into the filter from a tuple or list: `where(*conditions)`
        ("conds = (Activity.kind == 'x', Activity.org_id == org_id)\n"
         "    return session.execute(select(func.count(Activity.id)).where(*conds)).scalar()", True),
        ("return session.query(func.count(Activity.id)).filter(*[Activity.org_id == org_id]).scalar()", True),
        # look-alikes: no org predicate among them; a name bound twice is not known to be either
        ("conds = [Activity.kind == 'x']\n    return session.query(func.count(Activity.id)).filter(*conds).scalar()",
         False),
        ("conds = (Activity.org_id == org_id,)\n    conds = ()\n"
         "    return session.query(func.count(Activity.id)).filter(*conds).scalar()", False),
    ],
)
def test_predicates_spread_from_a_tuple_into_a_filter(project: Any, body: str, pinned: bool) -> None:
    line = 8 + body.count("\n")
    assert found(project(report(body), CONFIG), "MOL201") == ([] if pinned else [("MOL201", "controlplane/report.py", line)])


@pytest.mark.parametrize(
    ("body", "pinned"),
    [
        # counting the rows of a subquery: pinned when the subquery is, written there or bound to a local first
        ("return session.scalar(select(func.count()).select_from("
         "select(Activity.id).where(Activity.org_id == org_id).subquery()))", True),
        ("q = select(Activity.id).where(Activity.org_id == org_id)\n"
         "    return session.scalar(select(func.count()).select_from(q.subquery()))", True),
        ("return session.scalar(select(func.count()).select_from("
         "select(Activity.id).where(Activity.kind == 'x').subquery()))", False),
        ("q = select(Activity.id).where(Activity.kind == 'x')\n"
         "    return session.scalar(select(func.count()).select_from(q.subquery()))", False),
        # look-alike: a row fetched into a local and passed to what builds the counted query is no query of it
        ("from controlplane.helpers import cases\n    org = session.get(Activity, org_id)\n"
         "    return session.scalar(select(func.count()).select_from(cases(org_id=org.id).subquery()))", True),
    ],
)
def test_a_count_of_a_subquerys_rows_is_pinned_as_the_subquery_is(project: Any, body: str, pinned: bool) -> None:
    line = 8 + body.count("\n")
    files = report(body) | {"controlplane/helpers.py": "def cases(org_id):\n    return None\n"}
    assert found(project(files, CONFIG), "MOL201") == ([] if pinned else [("MOL201", "controlplane/report.py", line)])


def test_a_go_package_of_several_files_reports_each_query_once_in_its_own_file(project: Any) -> None:
    """A Go package is one module of several files: each file's own units are judged, not the package's."""
    other = "package report\n\nfunc Other() int { return 1 }\n\nfunc Another() int { return 2 }\n"
    files = {"go.mod": "module example.com/m\n", "controlplane/report.go": GO_REPORT, "controlplane/other.go": other}
    result = project(files, CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/report.go", 17), ("MOL201", "controlplane/report.go", 20)]


def test_the_models_of_a_tenant_data_module_are_tenant_tables_with_no_migration(project: Any) -> None:
    """`create_all()` makes a schema no migration shows: a model that a `tenant_data.modules` module declares
    (Flask-SQLAlchemy's `Model.query`, a classmethod's query) is on a tenant table; a platform table wins,
    and a model of a module no one declared stays unknown."""
    models = (
        "from flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\n\n\n"
        'class Widget(db.Model):\n    __tablename__ = "widgets"\n\n'
        "    @classmethod\n    def stale(cls):\n        return cls.query.filter(cls.updated < 1)\n\n\n"
        'class Account(db.Model):\n    __tablename__ = "billing_accounts"\n'
    )
    other = 'from app.tenant import db\n\n\nclass Note(db.Model):\n    __tablename__ = "notes"\n'
    job = (
        "from app.other import Note\nfrom app.tenant import Account, Widget\n\n\n"
        "def status():\n"
        "    total = Widget.query.count()\n"
        "    stale = Widget.stale().count()\n"
        "    return total, stale, Account.query.count(), Note.query.count()\n"
    )
    files = {"app/__init__.py": "", "app/tenant.py": models, "app/other.py": other, "controlplane/monitor.py": job}
    config = {**CONFIG, "tenant_data": {"tables": ["agent_memories"], "modules": ["app.tenant"]}}
    result = project(files, config)
    assert found(result, "MOL201") == [("MOL201", "controlplane/monitor.py", 6), ("MOL201", "controlplane/monitor.py", 7)]
    assert ("MOL101", "controlplane/monitor.py", 6) in found(result, "MOL101")
    assert {f.target for f in result.findings if f.rule in ("MOL101", "MOL201")} == {"widgets"}


def test_a_model_classmethod_named_like_the_query_api_is_judged_by_its_own_body(project: Any) -> None:
    """`User.all(org)` on the class is the model's own method, not Django's `objects.all()`: it pins when
    its body (through another classmethod) filters by the org; another model's `all` decides nothing."""
    models = (
        "from flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\n\n\n"
        'class Member(db.Model):\n    __tablename__ = "agent_memories"\n\n'
        "    @classmethod\n    def of_org(cls, org):\n        return cls.query.filter(cls.org == org)\n\n"
        "    @classmethod\n    def all(cls, org):\n        return cls.of_org(org).filter(cls.gone.is_(None))\n\n\n"
        'class Trail(db.Model):\n    __tablename__ = "activity_logs"\n\n'
        "    @classmethod\n    def all(cls, kind):\n        return cls.query.filter(cls.kind == kind)\n"
    )
    job = (
        "from app import store\n\n\n"
        "def status(current_org):\n"
        "    members = store.Member.all(current_org).count()\n"
        "    trails = store.Trail.all('login').count()\n"
        "    return members, trails\n"
    )
    result = project({"app/__init__.py": "", "app/store.py": models, "controlplane/status.py": job}, CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/status.py", 6)]


PYPIKA_TABLES = """\
from pypika import Table

NOTES = "agent_memories"
notes = Table(NOTES)
ledger = Table("billing_accounts")
"""
PYPIKA_REPORT = """\
from pypika import Query
from pypika import functions as fn

from common import names


def run(conn, org_id):
    q = Query.from_(names.notes).select(names.notes.org_id, fn.Count("*").as_("n")).groupby(names.notes.org_id)
    grouped = conn.execute_query(q.get_sql())
    everything = conn.execute_query(Query.from_(names.notes).select(fn.Count("*")).get_sql())
    one = Query.from_(names.notes).select(fn.Count("*")).where(names.notes.org_id == org_id)
    pinned = conn.execute_query(one.get_sql())
    ours = Query.from_(names.ledger).select(names.ledger.org_id, fn.Sum(names.ledger.cents)).groupby(names.ledger.org_id)
    return grouped, everything, pinned, conn.execute_query(ours.get_sql())
"""


def test_pypika_chains_are_judged_as_the_sql_they_build(project: Any) -> None:
    """A PyPika query on a Table named in another module is the SQL it renders where `get_sql()` is run:
    grouped by org or unpinned is MOL201, one pinned by `t.org_id == x` is MOL101 only, the platform's
    own table is nothing."""
    result = project({"common/__init__.py": "", "common/names.py": PYPIKA_TABLES, "controlplane/report.py": PYPIKA_REPORT}, CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/report.py", 9), ("MOL201", "controlplane/report.py", 10)]
    assert [line for _, _, line in found(result, "MOL101")] == [9, 10, 12]
    assert "by org key `org_id`" in next(f.message for f in result.findings if f.rule == "MOL201")


PICCOLO = {
    "app/__init__.py": "",
    "app/names.py": 'EVENTS = "activity_logs"\n',
    "app/tables.py": """\
from piccolo.columns import Integer, Varchar
from piccolo.table import Table

from app import names


class Event(Table, tablename=names.EVENTS):
    org_id = Varchar()


class AgentMemories(Table):
    org_id = Varchar()


class Ledger(Table, tablename="billing_accounts"):
    org_id = Varchar()
    cents = Integer()
""",
    "app/grants.py": """\
import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


class Grant(Base):
    __tablename__ = "agent_memories"
    id = sa.Column(sa.Integer, primary_key=True)

    @classmethod
    def exists(cls, name):
        return name in ("admin", "owner")
""",
    "controlplane/report.py": """\
from piccolo.query.functions.aggregate import Count, Sum

from app.grants import Grant
from app.tables import AgentMemories, Event, Ledger


async def run(org_id):
    a = await Event.select(Event.org_id, Count()).group_by(Event.org_id)
    b = await Event.count().where(Event.org_id == org_id)
    c = await AgentMemories.count()
    d = await AgentMemories.objects().where(AgentMemories.org_id == org_id)
    e = await Ledger.select(Ledger.org_id, Sum(Ledger.cents)).group_by(Ledger.org_id)
    return a, b, c, d, e, Grant.exists("admin")
""",
}


def test_piccolo_tables_named_by_a_class_keyword_or_their_class_name(project: Any) -> None:
    """Piccolo's `class T(Table, tablename=names.X)` (a constant of another module) and a table named after
    its class (`AgentMemories` -> `agent_memories`), queried from the class: grouped by org or unpinned is
    MOL201, pinned by `where(T.org_id == x)` MOL101 only; the platform's own table stays silent, and so does
    a SQLAlchemy model's own classmethod named like one of Piccolo's queries (it reads nothing)."""
    result = project(PICCOLO, CONFIG)
    assert found(result, "MOL101", "MOL201") == [
        ("MOL101", "controlplane/report.py", 8),
        ("MOL101", "controlplane/report.py", 9),
        ("MOL101", "controlplane/report.py", 10),
        ("MOL101", "controlplane/report.py", 11),
        ("MOL201", "controlplane/report.py", 8),
        ("MOL201", "controlplane/report.py", 10),
    ]
