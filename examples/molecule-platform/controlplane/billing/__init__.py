"""Billing: Stripe invoices and usage-based metering."""
