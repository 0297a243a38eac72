import httpx
import pandas as pd

from dataplat.routes import ROUTES


class ApiUsageSource:
    def __init__(self, runtime_url: str) -> None:
        self.runtime_url = runtime_url

    def rows(self, org_id: str) -> pd.DataFrame:
        url = self.runtime_url + ROUTES["activity"].format(ws=org_id)
        return pd.DataFrame(httpx.get(url).json())  # expect: MOL103
