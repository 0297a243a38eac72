"""Thin helpers over django.db for code that needs raw SQL."""
from django.db import connections


def fetch_all(sql, params=(), using="default"):
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def fetch_value(sql, params=(), using="default"):
    rows = fetch_all(sql, params, using=using)
    return rows[0][0] if rows else None


def count_rows(table, using="default"):
    return fetch_value(f"SELECT count(*) FROM {table}", using=using)
