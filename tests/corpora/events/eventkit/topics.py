"""Kafka topics and event types, one place for every producer and consumer."""

BILLING_USAGE = "billing.usage.v1"
PROVISIONING = "control.provisioning.v1"

MEMORY_CREATED = "workspace.memory.created"
ACTIVITY_LOGGED = "workspace.activity.logged"
MESSAGE_POSTED = "workspace.message.posted"
INVOICE_PAID = "billing.invoice.paid"
USAGE_RECORDED = "billing.usage.recorded"
