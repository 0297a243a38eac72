"""SQL lives in .sql files next to the flows and is rendered with Jinja2 at run time."""
from pathlib import Path

from jinja2 import Environment, FileSystemLoader


def sql_env(folder: Path) -> Environment:
    return Environment(loader=FileSystemLoader(str(folder)), autoescape=False)


def render_sql(env: Environment, name: str, **params: str) -> str:
    return env.get_template(name).render(**params)
