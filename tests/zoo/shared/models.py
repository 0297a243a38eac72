"""Models that name their tables: the ORM queries of platform/orm_reports.py aggregate through them."""

import sqlalchemy as sa
from django.db import models
from sqlalchemy.orm import DeclarativeBase


class Memory(models.Model):
    org = models.ForeignKey("Org", on_delete=models.CASCADE)

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
    org_id = sa.Column(sa.Integer)


class BillingAccount(Base):
    __tablename__ = "billing_accounts"
    id = sa.Column(sa.Integer, primary_key=True)
    org_id = sa.Column(sa.Integer)
