"""What the Python frontend skips because a file cannot need it: the same facts, less work."""

from __future__ import annotations

import textwrap

import pytest

from molecule_lint.facts import Lit, Summary, Var
from molecule_lint.frontends.python import lower
from molecule_lint.frontends.python.positions import Positions
from molecule_lint.frontends.python.syntax import parse


def _summaries(source: str) -> dict[str, Summary]:
    parsed = parse(textwrap.dedent(source).encode())
    return {s.name: s for s in lower.summaries(parsed.tree, "", parsed.positions)}


CLIENT = """
    {imports}
    class Tenant:
        def __init__(self):
            self.fetch = {partial}(self.send, "GET")
        def send(self, method, path):
            return method, path
        def notes(self, ws):
            return self.fetch(ws)
"""


@pytest.mark.parametrize(
    ("imports", "partial"),
    [("import functools", "functools.partial"), ("from functools import partial as bind", "bind")],
)
def test_a_partial_bound_in_a_method_is_read_under_any_import_of_it(imports: str, partial: str) -> None:
    notes = _summaries(CLIENT.format(imports=imports, partial=partial))["Tenant.notes"]
    sites = [site for site in notes.calls if site.func == Var("self", "send")]
    assert [site.args[0] for site in sites] == [Lit("GET")]


def test_classes_of_a_file_that_never_says_partial_are_not_searched_for_one(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("searched")

    monkeypatch.setattr(lower._Lowering, "_bound_partials", refuse)
    notes = _summaries(CLIENT.format(imports="import functools", partial="functools.wraps"))["Tenant.notes"]
    assert [site.func for site in notes.calls] == [Var("self", "fetch")]


@pytest.mark.parametrize(
    ("utf8", "lines"),
    [
        (b"", [b""]),
        (b"a", [b"a"]),
        (b"a\n", [b"a", b""]),
        (b"a\r\nb\rc\n\nd", [b"a", b"b", b"c", b"", b"d"]),
        (b"a\r", [b"a", b""]),
        (b"x = 1\x0c\x0b\x1c\x1d\x1e\x85y\n", [b"x = 1\x0c\x0b\x1c\x1d\x1e\x85y", b""]),  # no line breaks to `ast`
        ("é\u2028\n".encode(), ["é\u2028".encode(), b""]),
    ],
)
def test_lines_are_split_where_the_tokenizer_counts_them(utf8: bytes, lines: list[bytes]) -> None:
    assert Positions(utf8).lines == lines
