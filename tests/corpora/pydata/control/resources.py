"""Dagster resources of the control plane."""
from dagster import ConfigurableResource, Definitions, EnvVar, asset
from sqlalchemy import create_engine, text


class WarehouseDb(ConfigurableResource):
    dsn: str

    def engine(self):
        return create_engine(self.dsn)  # expect: MOL102


@asset
def org_count(control_db: WarehouseDb) -> int:
    with control_db.engine().connect() as conn:
        return conn.execute(text("SELECT count(*) FROM orgs")).scalar_one()


@asset
def secret_inventory(tenant_db: WarehouseDb) -> int:
    with tenant_db.engine().connect() as conn:
        return conn.execute(text("SELECT count(*) FROM workspace_secrets")).scalar_one()  # expect: MOL101, MOL201


defs = Definitions(
    assets=[org_count, secret_inventory],
    resources={
        "control_db": WarehouseDb(dsn=EnvVar("CONTROL_DATABASE_URL")),
        "tenant_db": WarehouseDb(dsn=EnvVar("TENANT_DATABASE_URL")),  # expect: MOL102
    },
)
