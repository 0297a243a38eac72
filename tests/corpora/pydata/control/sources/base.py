from typing import Protocol

import pandas as pd


class UsageSource(Protocol):
    def rows(self, org_id: str) -> pd.DataFrame: ...
