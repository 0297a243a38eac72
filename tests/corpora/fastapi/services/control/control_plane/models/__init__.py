from control_plane.models.billing import BillingAccount, MemoryQuota, Org, UsageSnapshot
from control_plane.models.dns import DnsRecord

__all__ = ["BillingAccount", "DnsRecord", "MemoryQuota", "Org", "UsageSnapshot"]
