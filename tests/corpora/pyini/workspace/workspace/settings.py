import configparser
import os

ORG_ID = os.environ["MOLECULE_ORG_ID"]
PLATFORM_URL = os.environ["MOLECULE_PLATFORM_URL"]

FALLBACK_PLATFORM = "http://controlplane:6543"  # expect: MOL301


class Settings:
    platform_url_env = "CONTROLPLANE_URL"
    redis_env = "REDIS_URL"

    def __init__(self, path):
        self.ini = configparser.ConfigParser()
        self.ini.read(path)

    @property
    def database_url(self):
        return self.ini.get("database", "url")
