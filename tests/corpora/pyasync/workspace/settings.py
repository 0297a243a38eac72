"""Workspace settings (dynaconf): settings.toml, .secrets.toml, then WORKSPACE_* env vars."""

from dynaconf import Dynaconf

settings = Dynaconf(
    envvar_prefix="WORKSPACE",
    settings_files=["settings.toml", ".secrets.toml"],
    environments=True,
    load_dotenv=True,
)
