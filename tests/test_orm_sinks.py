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
