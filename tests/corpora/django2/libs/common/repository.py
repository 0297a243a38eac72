"""Read-only table repositories for reporting code (no ORM, one table per subclass)."""
from django.db import connections


class ReadOnlyRepository:
    table = None
    using = "default"

    def __init__(self, using=None):
        self.using = using or self.using

    @classmethod
    def for_alias(cls, alias):
        return cls(using=alias)

    def _select(self, where="TRUE", params=()):
        sql = "SELECT * FROM {table} WHERE {where}".format(table=self.table, where=where)
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def for_org(self, org_id):
        return self._select("org_id = %s", [org_id])

    def latest(self, limit=20):
        return self._select("TRUE ORDER BY created_at DESC LIMIT %s", [limit])
