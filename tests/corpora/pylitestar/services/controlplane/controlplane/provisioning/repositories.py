from advanced_alchemy.repository import SQLAlchemyAsyncRepository

from controlplane.provisioning.models import Org, ProvisionJob, ScheduleMirror


class OrgRepository(SQLAlchemyAsyncRepository[Org]):
    model_type = Org


class ProvisionJobRepository(SQLAlchemyAsyncRepository[ProvisionJob]):
    model_type = ProvisionJob


class ScheduleMirrorRepository(SQLAlchemyAsyncRepository[ScheduleMirror]):
    model_type = ScheduleMirror
