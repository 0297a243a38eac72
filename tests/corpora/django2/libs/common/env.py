"""os.environ wrappers for modules that are imported before settings are configured."""
import os


class ImproperlyConfigured(Exception):
    pass


def env_str(name, default=None, required=False):
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"{name} is not set")
    return value


def env_url(name, default=None):
    return (env_str(name, default) or "").rstrip("/")
