"""Prefect flows of the monthly close (deployed with `prefect deploy`, see opsjobs/prefect.yaml)."""

from prefect import flow, task

from opsjobs.jobs.reconcile import active_orgs, invoice_total, runs_of


@task(retries=2, retry_delay_seconds=30)
def run_count(org_id):
    return len(runs_of(org_id))


@task
def billed(org_id):
    return invoice_total(org_id)


@flow(name="fleet-run-counts")
def fleet_run_counts():
    counts = run_count.map(active_orgs())  # expect: MOL202
    return sum(c.result() for c in counts)


@flow(name="monthly-billing")
def monthly_billing():
    totals = billed.map(active_orgs())
    return sum(t.result() for t in totals)
