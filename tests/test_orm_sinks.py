"""ORM statements as sinks of the analysis core (molecule_lint/core/sinks.py, sink `table`): a query whose
table is a value — a model class a receiver's class sets, a table name from elsewhere — is reported where
the value is known: at the platform call of a generic repository's method, or at `table(...)`."""

from __future__ import annotations

from typing import Any

from test_aggregation import CONFIG, found

MODELS = """\
from sqlalchemy import Column, Integer
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


class Memory(Base):
    __tablename__ = "agent_memories"
    id = Column(Integer, primary_key=True)


class Billing(Base):
    __tablename__ = "billing_accounts"
    id = Column(Integer, primary_key=True)
"""
DAO = """\
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

T = TypeVar("T")


class BaseDao(Generic[T]):
    entity: type[T]

    def __init__(self, session: Session):
        self.session = session

    def total(self):
        return self.session.query(self.entity).count()

    def one(self, pk):
        return self.session.get(self.entity, pk)
"""


def test_a_generic_dao_is_judged_at_the_call_with_the_subclass_model(project: Any) -> None:
    job = """\
from sqlalchemy.orm import Session

from app.dao import BaseDao
from app.models import Billing, Memory


class MemoryDao(BaseDao[Memory]):
    entity = Memory


class BillingDao(BaseDao[Billing]):
    entity = Billing


def report(session: Session, pk):
    total = MemoryDao(session).total()
    one = MemoryDao(session).one(pk)
    return total, one, BillingDao(session).total()
"""
    files = {"app/__init__.py": "", "app/models.py": MODELS, "app/dao.py": DAO, "controlplane/job.py": job}
    result = project(files, CONFIG)
    assert found(result) == [
        ("MOL101", "controlplane/job.py", 16),
        ("MOL101", "controlplane/job.py", 17),
        ("MOL201", "controlplane/job.py", 16),
    ]
    mol201 = next(f for f in result.findings if f.rule == "MOL201")
    assert "aggregates tenant table `agent_memories` with no org predicate (`count()`)" in mol201.message
    assert [(hop.path, hop.line) for hop in mol201.trace] == [("controlplane/job.py", 16), ("app/dao.py", 15)]


STORE = """\
from typing import Generic, Self, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

M = TypeVar("M")


class Store(Generic[M]):
    kind: type[M]

    def __init__(self, db: Session) -> None:
        self.db = db

    @classmethod
    def bind(cls, db) -> Self:
        return cls(db)

    def fetch(self, key):
        return self.db.get(self.kind, key)

    def rows(self):
        return self.db.scalars(select(self.kind)).all()

    def tally(self, *where):
        return self.db.scalar(select(func.count()).select_from(self.kind).where(*where))
"""


def test_a_generic_repository_made_by_a_classmethod_over_an_untyped_session(project: Any) -> None:
    """The session's type comes from `__init__`'s annotation when the caller's argument is unknown; `cls(db)`
    is an instance of the class the classmethod is called on; `select(self.kind)` names its table; the
    caller's `*where` is the statement's predicate."""
    job = """\
from app.models import Billing, Memory
from app.store import Store


class MemoryStore(Store[Memory]):
    kind = Memory


class BillingStore(Store[Billing]):
    kind = Billing


def report(db, org):
    one = MemoryStore.bind(db).fetch(1)
    rows = MemoryStore(db).rows()
    mine = MemoryStore.bind(db).tally(Memory.org_id == org)
    every = MemoryStore.bind(db).tally()
    return one, rows, mine, every, BillingStore.bind(db).fetch(1), BillingStore(db).tally()
"""
    files = {"app/__init__.py": "", "app/models.py": MODELS, "app/store.py": STORE, "controlplane/job.py": job}
    assert found(project(files, CONFIG)) == [
        ("MOL101", "controlplane/job.py", 14),
        ("MOL101", "controlplane/job.py", 15),
        ("MOL101", "controlplane/job.py", 16),
        ("MOL101", "controlplane/job.py", 17),
        ("MOL201", "controlplane/job.py", 17),
    ]


def test_repositories_a_unit_of_work_binds_outside_init(project: Any) -> None:
    """`self.notes` set in `__enter__` (or any method) is the attribute's value for the instance's readers."""
    uow = """\
from app.models import Billing, Memory
from app.store import Store


class MemoryStore(Store[Memory]):
    kind = Memory


class BillingStore(Store[Billing]):
    kind = Billing


class Work:
    def __init__(self, factory):
        self.factory = factory

    def __enter__(self):
        self.db = self.factory()
        self.notes = MemoryStore.bind(self.db)
        self.bills = BillingStore.bind(self.db)
        return self


class Service:
    def __init__(self, work: Work) -> None:
        self.work = work

    def note(self, key):
        with self.work as work:
            return work.notes.fetch(key)

    def bill(self, key):
        with self.work as work:
            return work.bills.fetch(key)
"""
    files = {"app/__init__.py": "", "app/models.py": MODELS, "app/store.py": STORE, "controlplane/uow.py": uow}
    assert found(project(files, CONFIG)) == [("MOL101", "controlplane/uow.py", 30)]


def test_a_statement_a_builder_function_returns_for_the_model_it_is_given(project: Any) -> None:
    builders = """\
from sqlalchemy import func, select


def grouped(entity):
    return select(entity.org_id, func.count()).group_by(entity.org_id)


def rows_of(entity, org):
    return select(entity.id).where(entity.org_id == org)
"""
    job = """\
from app.builders import grouped, rows_of
from app.models import Billing, Memory


def report(session, org):
    per_org = session.execute(grouped(Memory)).all()
    mine = session.execute(rows_of(Memory, org)).all()
    return per_org, mine, session.execute(grouped(Billing)).all()
"""
    files = {"app/__init__.py": "", "app/models.py": MODELS, "app/builders.py": builders, "controlplane/job.py": job}
    assert found(project(files, CONFIG)) == [
        ("MOL101", "controlplane/job.py", 6),
        ("MOL101", "controlplane/job.py", 7),
        ("MOL201", "controlplane/job.py", 6),
    ]


def test_writes_of_a_generic_dao_name_the_subclass_table(project: Any) -> None:
    writes = """\
from sqlalchemy import delete, insert, update


class Writer:
    entity = None

    def __init__(self, session):
        self.session = session

    def add(self, **values):
        return self.session.execute(insert(self.entity).values(**values))

    def touch(self, pk):
        return self.session.execute(update(table=self.entity).where(self.entity.id == pk).values(seen=True))

    def drop(self, org):
        return self.session.execute(delete(self.entity).where(self.entity.org_id == org))
"""
    job = """\
from app.models import Billing, Memory
from app.writes import Writer


class MemoryWriter(Writer):
    entity = Memory


class BillingWriter(Writer):
    entity = Billing


def sync(session, org):
    MemoryWriter(session).add(body="x")
    MemoryWriter(session).touch(1)
    MemoryWriter(session).drop(org)
    BillingWriter(session).drop(org)
"""
    files = {"app/__init__.py": "", "app/models.py": MODELS, "app/writes.py": writes, "controlplane/job.py": job}
    assert found(project(files, CONFIG)) == [
        ("MOL101", "controlplane/job.py", 14),
        ("MOL101", "controlplane/job.py", 15),
        ("MOL101", "controlplane/job.py", 16),
    ]


TABLES = """\
import enum

MEMORIES = "agent_memories"


class Tables(enum.Enum):
    MEMORIES = "agent_memories"
    BILLING = "billing_accounts"
"""


def test_a_table_clause_named_by_a_value_from_elsewhere(project: Any) -> None:
    job = """\
from sqlalchemy import column, func, select, table

from app.tables import MEMORIES, Tables


def run(conn, org_id):
    per_org = select(func.count()).select_from(table(Tables.MEMORIES.value))
    stmt = select(column("kind")).select_from(table(name=MEMORIES)).where(column("org_id") == org_id)
    rows = conn.execute(stmt).all()
    bills = select(func.count()).select_from(table(Tables.BILLING.value))
    return conn.execute(per_org), rows, conn.execute(bills)
"""
    result = project({"app/__init__.py": "", "app/tables.py": TABLES, "controlplane/job.py": job}, CONFIG)
    assert found(result) == [
        ("MOL101", "controlplane/job.py", 7),
        ("MOL101", "controlplane/job.py", 8),
        ("MOL201", "controlplane/job.py", 7),
    ]
    assert [(hop.path, hop.line) for hop in result.findings[0].trace] == [("controlplane/job.py", 7), ("app/tables.py", 7)]


def test_a_wrapper_declared_as_a_table_sink(project: Any) -> None:
    dao = "def scan(table, where=None):\n    return table\n"
    job = "from app.dao import scan\nfrom app.tables import MEMORIES\n\n\ndef run():\n    return scan(MEMORIES)\n"
    files = {"app/__init__.py": "", "app/tables.py": TABLES, "app/dao.py": dao, "controlplane/job.py": job}
    config = CONFIG | {"models": [{"call": "app.dao.scan", "sink": "table", "arg": 0}]}
    assert found(project(files, config)) == [("MOL101", "controlplane/job.py", 6)]
    assert found(project(files, CONFIG)) == []


DJANGO_MODELS = """\
from django.db import models


class Memory(models.Model):
    class Meta:
        db_table = "agent_memories"


class Invoice(models.Model):
    class Meta:
        db_table = "billing_accounts"
"""


def test_a_manager_of_a_model_held_in_an_attribute(project: Any) -> None:
    views = """\
from app.models import Invoice, Memory


class CountView:
    model = None

    def total(self):
        return self.model.objects.filter(kind="note").count()

    def mine(self, org_id):
        return self.model._default_manager.filter(org_id=org_id).count()


class MemoryCount(CountView):
    model = Memory


class InvoiceCount(CountView):
    model = Invoice


def report(org_id):
    total = MemoryCount().total()
    mine = MemoryCount().mine(org_id)
    return total, mine, InvoiceCount().total()
"""
    files = {"app/__init__.py": "", "app/models.py": DJANGO_MODELS, "controlplane/views.py": views}
    result = project(files, CONFIG)
    assert found(result) == [
        ("MOL101", "controlplane/views.py", 23),
        ("MOL101", "controlplane/views.py", 24),
        ("MOL201", "controlplane/views.py", 23),
    ]
    mol201 = next(f for f in result.findings if f.rule == "MOL201")
    assert "aggregates tenant table `agent_memories` with no org predicate (`count()`)" in mol201.message
    assert [(hop.path, hop.line) for hop in mol201.trace] == [("controlplane/views.py", 23), ("controlplane/views.py", 8)]


def test_a_mixins_classmethod_queries_the_table_of_the_model_it_is_called_on(project: Any) -> None:
    """Flask-SQLAlchemy's `cls.query` in a shared mixin: `Memory.by_org(...)` reads agent_memories and is
    reported at the platform call; the same method called on a platform model reads nothing of a tenant."""
    mixins = (
        "class OrgScoped:\n    @classmethod\n    def by_org(cls, org):\n"
        "        return cls.query.filter(cls.org == org).all()\n\n"
        "    def siblings(self):\n        return self.query.filter_by(kind=self.kind).all()\n"
    )
    models = (
        "from flask_sqlalchemy import SQLAlchemy\n\nfrom common.mixins import OrgScoped\n\ndb = SQLAlchemy()\n\n\n"
        'class Memory(OrgScoped, db.Model):\n    __tablename__ = "agent_memories"\n\n\n'
        'class Billing(OrgScoped, db.Model):\n    __tablename__ = "billing_accounts"\n'
    )
    job = (
        "from common.models import Billing, Memory\n\n\n"
        "def report(org, note: Memory):\n"
        "    mine = Memory.by_org(org)\n"
        "    bills = Billing.by_org(org)\n"
        "    return mine, bills, note.siblings()\n"
    )
    files = {"common/__init__.py": "", "common/mixins.py": mixins, "common/models.py": models, "controlplane/job.py": job}
    result = project(files, CONFIG)
    assert found(result, "MOL101") == [("MOL101", "controlplane/job.py", 5), ("MOL101", "controlplane/job.py", 7)]
    hops = next(f for f in result.findings if f.rule == "MOL101").trace
    assert any(hop.path == "common/mixins.py" and hop.line == 4 for hop in hops)


def test_a_repository_inheriting_its_queries_from_a_library_base_given_the_model(project: Any) -> None:
    """Advanced Alchemy's `SQLAlchemyAsyncRepositoryService[Memory]` (and a wrapper a config declares `generic`):
    `memories.count()` queries Memory's table, across orgs unless a criterion pins one; a repository of a
    platform model reads nothing of a tenant."""
    repos = (
        "from advanced_alchemy.extensions.litestar import service\nfrom corp.crud import Crud\n\n"
        "from common.models import Billing, Memory\n\n\n"
        "class MemoryService(service.SQLAlchemyAsyncRepositoryService[Memory]):\n    pass\n\n\n"
        "class BillingService(service.SQLAlchemyAsyncRepositoryService[Billing]):\n    pass\n\n\n"
        "class MemoryCrud(Crud[Memory]):\n    pass\n"
    )
    job = (
        "from common.models import Memory\nfrom common.repos import BillingService, MemoryCrud, MemoryService\n\n\n"
        "async def stats(memories: MemoryService, bills: BillingService, crud: MemoryCrud, org_id):\n"
        "    total = await memories.count()\n"
        "    mine = await memories.count(Memory.org_id == org_id)\n"
        "    invoices = await bills.count()\n"
        "    return total, mine, invoices, await crud.tally()\n"
    )
    files = {"common/__init__.py": "", "common/models.py": MODELS, "common/repos.py": repos, "controlplane/job.py": job}
    config = {**CONFIG, "models": [{"call": "corp.crud.Crud.tally", "sink": "table", "generic": True}]}
    result = project(files, config)
    assert found(result, "MOL101") == [("MOL101", "controlplane/job.py", line) for line in (6, 7, 9)]
    assert found(result, "MOL201") == [("MOL201", "controlplane/job.py", 6)]  # `tally` aggregates nothing we know


def test_a_model_the_app_registry_hands_out_by_label_and_name(project: Any) -> None:
    """`apps.get_model("app", "Model")` / `get_model("app.model")`, on django.apps.apps or the historical
    registry a migration's RunPython gets: the project's model so registered (app label: its package)."""
    reports = """\
from django.apps import apps as registry

APP = "app"


def model(name):
    return registry.get_model(APP, name)


def report(org_id):
    recent = model("Memory").objects.filter(org_id=org_id).first()
    total = registry.get_model("app.memory").objects.count()
    invoices = model("Invoice").objects.count()
    return recent, total, invoices, registry.get_model("other", "Memory").objects.count()
"""
    migration = """\
from django.db import migrations


def forwards(apps, schema_editor):
    Memory = apps.get_model("app", "Memory")
    Memory.objects.filter(kind="").update(kind="note")


class Migration(migrations.Migration):
    operations = [migrations.RunPython(forwards)]
"""
    files = {"app/__init__.py": "", "app/models.py": DJANGO_MODELS, "controlplane/reports.py": reports,
             "controlplane/core/migrations/0002_kinds.py": migration}  # fmt: skip
    assert found(project(files, CONFIG)) == [
        ("MOL101", "controlplane/core/migrations/0002_kinds.py", 6),
        ("MOL101", "controlplane/reports.py", 11),
        ("MOL101", "controlplane/reports.py", 12),
        ("MOL201", "controlplane/reports.py", 12),
    ]


def test_a_flask_sqlalchemy_model_without_tablename_is_named_after_its_class(project: Any) -> None:
    """Flask-SQLAlchemy names a `db.Model` with a primary key of its own in snake case; a subclass without
    one shares its parent's table, and a class of another library's `Model` is no table of this kind."""
    ext = "from flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\n"
    models = """\
from app.ext import db
from other import store


class ActivityLogs(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class BillingAccounts(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class PinnedActivity(ActivityLogs):
    pinned = db.Column(db.Boolean)


class AgentMemories(store.Model):
    id = store.Column(primary_key=True)
"""
    job = """\
from app.models import ActivityLogs, AgentMemories, BillingAccounts


def report(org):
    events = ActivityLogs.query.filter_by(org_id=org).count()
    return events, BillingAccounts.query.count(), AgentMemories.query.count()
"""
    files = {"app/__init__.py": "", "app/ext.py": ext, "app/models.py": models, "controlplane/job.py": job}
    assert found(project(files, CONFIG)) == [("MOL101", "controlplane/job.py", 5)]
