from datetime import datetime

from flask_login import UserMixin

from workspace.extensions import db


class User(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True)
    org_id = db.Column(db.Integer, nullable=False)


class Memory(db.Model):
    __tablename__ = "agent_memories"

    id = db.Column(db.BigInteger, primary_key=True)
    org_id = db.Column(db.Integer, nullable=False)
    workspace_id = db.Column(db.String(36), index=True)
    content = db.Column(db.Text)
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


class ActivityLog(db.Model):
    id = db.Column(db.BigInteger, primary_key=True)
    org_id = db.Column(db.Integer, nullable=False)
    workspace_id = db.Column(db.String(36), index=True)
    kind = db.Column(db.String(32))
    created_at = db.Column(db.DateTime, default=datetime.utcnow)
