"""core/queries.py internals that a check's results do not show."""

from __future__ import annotations

from textwrap import dedent

from molecule_lint.core.queries import Queries
from molecule_lint.facts import Location, OrmModel
from molecule_lint.frontends.python.lower import summaries
from molecule_lint.frontends.python.syntax import parse

ORG = OrmModel(Location(1, 1, 1, 1), "app.models.Org", "orgs", "django")


def test_a_name_is_split_into_a_model_and_the_rest_once_however_many_chains_name_it() -> None:
    """Every step of every chain splits its name: each of its prefixes a model lookup."""
    source = dedent("""
        from app import models
        def totals():
            a = models.Org.objects.count()
            b = models.Org.objects.count()
            return models.Org.objects.count() + a + b
    """)
    parsed = parse(source.encode())
    asked: list[str] = []

    def model_of(name: str) -> OrmModel | None:
        asked.append(name)
        return ORG if name == "app.models.Org" else None

    queries = Queries(model_of, frozenset({"org_id"}), lambda name: (), lambda model, field: None,
                      lambda *names: None, lambda name: None)  # fmt: skip
    found = [aggregate for unit in summaries(parsed.tree, "", parsed.positions) for aggregate in queries.aggregates(unit)]
    assert [(aggregate.model, aggregate.how) for aggregate in found] == [(ORG, "`count()`")] * 3
    assert sorted(asked) == sorted({*asked})  # `models.Org.objects.count` twice: its prefixes asked once
