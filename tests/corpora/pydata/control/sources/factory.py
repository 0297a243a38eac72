from control.sources.api_source import ApiUsageSource
from control.sources.base import UsageSource
from control.sources.sql_source import SqlUsageSource


def usage_source(kind: str, runtime_url: str = "http://runtime:8080") -> UsageSource:
    if kind == "api":
        return ApiUsageSource(runtime_url)
    return SqlUsageSource()
