"""Flask-SQLAlchemy models. `Memory` lives in the workspace bind (see create_app)."""

from fleet.app import db
from kit.tables import PlatformTable, TenantTable


class Org(db.Model):
    __tablename__ = PlatformTable.ORGS.value

    id = db.Column(db.Text, primary_key=True)
    slug = db.Column(db.Text, nullable=False)


class Memory(db.Model):
    __bind_key__ = "workspace"
    __tablename__ = TenantTable.MEMORIES.value

    id = db.Column(db.BigInteger, primary_key=True)
    org_id = db.Column(db.Text, nullable=False)
    size_bytes = db.Column(db.Integer, nullable=False)
