from datetime import datetime

from controlhub.extensions import db


class Org(db.Model):
    __tablename__ = "orgs"

    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(63), unique=True, nullable=False)
    active = db.Column(db.Boolean, default=True)
    workspace_url = db.Column(db.String(255))
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


class Subscription(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    org_id = db.Column(db.Integer, db.ForeignKey("orgs.id"), index=True)
    plan = db.Column(db.String(32))


class MemoryQuota(db.Model):
    """Per-org memory limit; the memories themselves live in each org's agent_memories table."""

    __tablename__ = "memory_quotas"

    org_id = db.Column(db.Integer, db.ForeignKey("orgs.id"), primary_key=True)
    limit_mb = db.Column(db.Integer, default=512)


class UsageSnapshot(db.Model):
    __tablename__ = "usage_snapshots"

    id = db.Column(db.Integer, primary_key=True)
    org_id = db.Column(db.Integer, db.ForeignKey("orgs.id"))
    activity_events = db.Column(db.Integer)
    taken_at = db.Column(db.DateTime, default=datetime.utcnow)

    @classmethod
    def record(cls, totals: dict) -> None:
        db.session.add_all(cls(org_id=org_id, activity_events=n) for org_id, n in totals.items())
        db.session.commit()


class ProvisionJob(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    org_id = db.Column(db.Integer, db.ForeignKey("orgs.id"))
    state = db.Column(db.String(16), default="queued")
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


class DnsRecord(db.Model):
    __tablename__ = "dns_records"

    id = db.Column(db.Integer, primary_key=True)
    org_id = db.Column(db.Integer, db.ForeignKey("orgs.id"))
    fqdn = db.Column(db.String(255))
    created_at = db.Column(db.DateTime, default=datetime.utcnow)
