from django.db import models


class OrgQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status="active")

    def on_plan(self, plan):
        return self.filter(plan=plan)


class MemoryQuotaPlan(models.Model):
    name = models.CharField(max_length=64)
    max_memories = models.IntegerField()

    class Meta:
        db_table = "memory_quota_plans"


class Org(models.Model):
    id = models.UUIDField(primary_key=True)
    slug = models.SlugField(unique=True)
    host = models.CharField(max_length=255, null=True)
    status = models.CharField(max_length=16, default="pending")
    plan = models.ForeignKey(MemoryQuotaPlan, null=True, on_delete=models.SET_NULL)

    objects = OrgQuerySet.as_manager()

    class Meta:
        db_table = "orgs"


class Invoice(models.Model):
    org = models.ForeignKey(Org, on_delete=models.CASCADE)
    amount_cents = models.IntegerField()
    memory_units = models.IntegerField(default=0)

    class Meta:
        db_table = "billing_invoices"


class ProvisioningJob(models.Model):
    org = models.ForeignKey(Org, on_delete=models.CASCADE)
    kind = models.CharField(max_length=32)
    state = models.CharField(max_length=16, default="queued")

    class Meta:
        db_table = "provisioning_jobs"
