"""Environment lookups with a service prefix (ACME_, OPS_, WS_ ...)."""

import os


class EnvConfig:
    def __init__(self, prefix):
        self.prefix = prefix

    def get(self, key, default=None):
        return os.environ.get(self.prefix + key, default)

    def require(self, key):
        try:
            return os.environ[self.prefix + key]
        except KeyError:
            raise RuntimeError(f"{self.prefix}{key} is not set") from None


def env(key, default=None, prefix="ACME_"):
    return os.environ.get(f"{prefix}{key}", default)
