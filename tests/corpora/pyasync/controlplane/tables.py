"""PyPika tables for the hand-written report queries."""

from pypika import Table

from libs import dbnames

orgs = Table(dbnames.ORGS)
invoices = Table(dbnames.INVOICES)
usage = Table("usage_snapshots")
activity = Table(dbnames.ACTIVITY)
