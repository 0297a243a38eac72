"""Who this workspace stack is, and where its platform lives."""

import os

from workspace import constants

ORG_ID = os.environ["MOLECULE_ORG_ID"]
PLATFORM_URL = os.environ.get("MOLECULE_PLATFORM_URL", constants.DEFAULT_PLATFORM_URL)
