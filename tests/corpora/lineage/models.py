from django.db import models


class Memory(models.Model):
    class Meta:
        db_table = "agent_memories"


class Digest(models.Model):
    class Meta:
        db_table = "memory_digests"


class Org(models.Model):
    class Meta:
        db_table = "orgs"
