"""Support tooling: show an org's latest activity next to its billing record."""

from controlplane.billing.models import Invoice


def support_view(org_id: str, workspace_id: str) -> dict[str, object]:
    from workspace.activity.selectors import recent_activity  # expect: MOL104

    return {
        "invoices": list(Invoice.objects.filter(org_id=org_id).values("period", "amount_cents")),
        "activity": recent_activity(workspace_id),  # expect: MOL101
    }
