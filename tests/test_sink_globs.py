"""Library models' call patterns are compiled when first matched: a run rechecking one edited file asks
about few of the ~430 (each compile ~0.2 ms); what matches is what the glob says."""

from __future__ import annotations

from molecule_lint.config import SinkModel
from molecule_lint.core.sinks import _Models


def _compiled(models: _Models) -> set[str]:
    entries = [*(e for es in models.by_name.values() for e in es), *models.any_method]
    return {model.call for glob, model in entries if glob._pattern is not None}


def test_a_models_pattern_is_compiled_when_a_name_it_may_match_is_asked_about() -> None:
    models = _Models((
        SinkModel("psycopg2.*.execute", "sql", 0),
        SinkModel("requests.get", "http", 0),
        SinkModel("environ.Env.*", "env", 0),
        SinkModel("grpc.Channel.unary_unary", "rpc", 0, constructor=True),
    ))
    assert _compiled(models) == set()
    assert [m.call for m in models.matches(["psycopg2.extensions.cursor.execute"], project_unit=False)] == ["psycopg2.*.execute"]
    assert _compiled(models) == {"psycopg2.*.execute", "environ.Env.*"}  # its name's, and those of any method
    assert models.matches(["httpx.get"], project_unit=False) == []  # same last name, another library
    assert [m.call for m in models.matches(["environ.Env.db_url"], project_unit=False)] == ["environ.Env.*"]
    assert models.keeps_arguments("grpc.Channel") and not models.keeps_arguments("grpc.Server")
