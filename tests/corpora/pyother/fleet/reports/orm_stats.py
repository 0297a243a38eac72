"""ORM statistics for the fleet dashboard (Peewee worker and Tortoise API)."""

from peewee import fn
from tortoise.functions import Count, Sum

from fleet.peewee_models import ChatMessage, Subscription
from kit.orm import ActivityEvent, Invoice


def messages_per_org():
    query = (
        ChatMessage.select(ChatMessage.org_id, fn.COUNT(ChatMessage.id).alias("n"))  # expect: MOL101, MOL201
        .group_by(ChatMessage.org_id)
    )
    return {row.org_id: row.n for row in query}


def messages_of(org_id: str) -> int:
    return ChatMessage.select().where(ChatMessage.org_id == org_id).count()  # expect: MOL101


def plans():
    query = Subscription.select(Subscription.plan, fn.COUNT(Subscription.id).alias("n")).group_by(Subscription.plan)
    return {row.plan: row.n for row in query}


async def activity_per_org():
    return await ActivityEvent.annotate(n=Count("id")).group_by("org_id").values("org_id", "n")  # expect: MOL101, MOL201


async def revenue_per_org():
    return await Invoice.annotate(total=Sum("amount_cents")).group_by("org_id").values("org_id", "total")
