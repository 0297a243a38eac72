"""Fuzz the config loader, the SQL analysis and the Python frontend for a bounded time (not in CI).

    python scripts/fuzz.py --seconds 120

Each target gets an equal share of the time; hypothesis shrinks any failure to a minimal input and
prints it. Any exception other than the documented error types is a bug.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import hypothesmith
import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from molecule_lint.config import ConfigError, load_config
from molecule_lint.frontends.python import analyze_python
from molecule_lint.sql import analyze_sql, schema_changes

_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12), st.dates())
_KEYS = st.sampled_from(
    ["version", "services", "name", "plane", "paths", "urls", "tenant_data", "platform_data", "tables", "env",
     "migrations", "endpoints", "redis_keys", "modules", "org_keys", "exclude", "rules", "select", "allow",
     "rule", "path", "reason", "until", "target", "probe_endpoints", "shared_hosts", "bogus"]
)
_YAMLISH = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5), max_leaves=30)
_SQL_WORDS = st.sampled_from(
    ["SELECT", "FROM", "WHERE", "GROUP BY", "UNION", "JOIN", "ON", "agent_memories", "orgs", "org_id", "=", "$1", "%s",
     "(", ")", ",", "count(*)", "WITH", "AS", "x", "INSERT INTO", "VALUES", "__hole_0__", ".", "'s'", ";", "CREATE TABLE",
     "ALTER TABLE", "ADD COLUMN", "int", "$$", "--", "/*", "*/"]
)


def fuzz_config(budget: float, directory: Path) -> int:
    path = directory / "molecule-lint.yaml"

    def check(text: str) -> None:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_config(path)
        except ConfigError as exc:  # the only way a config may fail: one line per problem
            assert exc.problems and all(isinstance(p, str) and "\n" not in p for p in exc.problems), exc.problems

    texts = st.one_of(_YAMLISH.map(lambda v: yaml.safe_dump(v, default_flow_style=False)), st.text(max_size=300))
    return _bounded(check, texts, budget)


def fuzz_sql(budget: float) -> int:
    def check(text: str) -> None:
        analyze_sql(text)
        analyze_sql(text, known_sql=True)
        schema_changes(text)

    return _bounded(check, st.one_of(st.lists(_SQL_WORDS, max_size=25).map(" ".join), st.text(max_size=200)), budget)


def fuzz_frontend(budget: float) -> int:
    def check(source: str) -> None:
        assert not analyze_python("f.py", "f", source.encode("utf-8", "surrogatepass")).internal

    return _bounded(check, hypothesmith.from_grammar() | hypothesmith.from_node(), budget)


def _bounded(check: Callable[[str], None], strategy: st.SearchStrategy[str], budget: float) -> int:
    """Batches of examples with fresh seeds until the budget is spent (hypothesis has no time limit).

    A failure propagates with hypothesis' shrunk, minimal input.
    """
    deadline = time.monotonic() + budget
    batches = 0
    while time.monotonic() < deadline:
        test = seed(batches)(settings(max_examples=200, deadline=None, database=None,
                                      suppress_health_check=list(HealthCheck))(given(strategy)(check)))
        test()
        batches += 1
    return batches * 200


def main() -> None:
    warnings.filterwarnings("ignore", category=SyntaxWarning)  # hypothesmith compiles odd programs
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    share = parser.parse_args().seconds / 3
    with tempfile.TemporaryDirectory() as directory:
        for name, target in (("config", lambda: fuzz_config(share, Path(directory))), ("sql", lambda: fuzz_sql(share)),
                             ("python frontend", lambda: fuzz_frontend(share))):
            started = time.monotonic()
            examples = target()
            print(f"{name}: {examples} examples in {time.monotonic() - started:.0f}s, no failure")


if __name__ == "__main__":
    main()
