"""Tenant data access: ORM models and DAOs over the org's own Postgres."""
