from asgiref.sync import sync_to_async
from django.db.models import Count
from strawberry.dataloader import DataLoader

from controlplane.tenancy.models import Invoice

from .models import TenantMemory


def _memory_counts() -> dict[str, int]:
    rows = TenantMemory.objects.values("org_id").annotate(n=Count("id"))  # expect: MOL101, MOL201
    return {str(row["org_id"]): row["n"] for row in rows}


async def load_memory_counts(org_ids: list[str]) -> list[int]:
    counts = await sync_to_async(_memory_counts)()
    return [counts.get(org_id, 0) for org_id in org_ids]


def _invoice_totals() -> dict[str, int]:
    rows = Invoice.objects.values("org_id").annotate(n=Count("id"))
    return {str(row["org_id"]): row["n"] for row in rows}


async def load_invoice_counts(org_ids: list[str]) -> list[int]:
    totals = await sync_to_async(_invoice_totals)()
    return [totals.get(org_id, 0) for org_id in org_ids]


def make_loaders() -> dict[str, DataLoader]:
    return {
        "memory_counts": DataLoader(load_fn=load_memory_counts),
        "invoice_counts": DataLoader(load_fn=load_invoice_counts),
    }
