"""The Python lowering: what the code writes, as language-neutral values (no meaning yet)."""

from __future__ import annotations

import textwrap

from molecule_lint.facts import (
    Attr,
    Binding,
    Call,
    Collection,
    Concat,
    Format,
    Item,
    Lit,
    Param,
    PathJoin,
    Summary,
    Unknown,
    Value,
    Var,
)
from molecule_lint.frontends.python.lower import summaries
from molecule_lint.frontends.python.syntax import parse


def lower(source: str, module: str = "pkg.mod") -> dict[str, Summary]:
    text = textwrap.dedent(source)
    parsed = parse(text.encode())
    units = summaries(parsed.tree, module.rpartition(".")[0], parsed.positions)
    return {unit.name: unit for unit in units}


def value(expression: str, prelude: str = "") -> Value:
    body = lower(f"{prelude}\nX = {expression}\n")["<module>"]
    return next(b.value for b in body.bindings if b.name == "X")


def test_string_building() -> None:
    assert value('"SELECT * FROM " + T') == Concat((Lit("SELECT * FROM "), Var("local", "T")))
    assert value('f"/w/{w}/memories"') == Concat((Lit("/w/"), Var("local", "w"), Lit("/memories")))
    assert value('"a %s %s" % (x, 1)') == Format("percent", Lit("a %s %s"), (Var("local", "x"), Lit(1)))
    assert value('"a %(t)s" % {"t": x}') == Format("percent", Lit("a %(t)s"), (), (("t", Var("local", "x")),))
    assert value('"{}/{t}".format(a, t=b)') == Format(
        "brace", Lit("{}/{t}"), (Var("local", "a"),), (("t", Var("local", "b")),)
    )
    assert value('BASE / "v1" / name') == PathJoin((Var("local", "BASE"), Lit("v1"), Var("local", "name")))
    assert value('"/".join([a, "b"])') == Call(
        Attr(Lit("/"), "join"), (Collection("list", (), (Var("local", "a"), Lit("b"))),)
    )
    assert value("b'x'") == Lit("x")


def test_names_are_qualified_through_the_imports() -> None:
    prelude = "import os.path\nfrom . import tables as t\nfrom ..core.db import run\nimport httpx as h\n"
    assert value("t.MEMORY", prelude) == Var("global", "pkg.tables.MEMORY")
    assert value("run", prelude) == Var("global", "core.db.run")
    assert value("os.path.join(a, b)", prelude) == Call(
        Var("global", "os.path.join"), (Var("local", "a"), Var("local", "b"))
    )
    assert value("h.Client(base_url=U)", prelude) == Call(
        Var("global", "httpx.Client"), (), (("base_url", Var("local", "U")),)
    )
    assert value("str(x)") == Call(Var("builtin", "str"), (Var("local", "x"),))


def test_alternatives_and_elements() -> None:
    either = Item(Collection("tuple", (), (Var("local", "a"), Lit("b"))), Unknown())
    assert value('a if c else "b"') == either
    assert value('a or "b"') == either
    assert value('ROUTES["memories"]') == Item(Var("local", "ROUTES"), Lit("memories"))
    assert value('{"k": 1}') == Collection("dict", (Lit("k"),), (Lit(1),), (2,))  # with the value's line (X = ... is line 2)


def test_bindings_returns_and_calls_of_a_function() -> None:
    unit = lower(
        """
        def fetch(cur, table, *, org="x"):
            sql = "SELECT * FROM %s" % table
            sql += " WHERE org_id = %s"
            a, b = "p", "q"
            c, d = pair()
            for row in ROWS:
                cur.execute(sql, (org,))
            with connect() as conn:
                pass
            return sql
        """
    )["fetch"]
    assert unit.params == (Param("cur"), Param("table"), Param("org", Lit("x"), keyword_only=True))
    names = [(b.name, b.line) for b in unit.bindings]
    assert names == [("sql", 3), ("sql", 4), ("a", 5), ("b", 5), ("c", 6), ("d", 6), ("row", 7), ("conn", 9)]
    assert unit.bindings[1].value == Concat((Var("local", "sql"), Lit(" WHERE org_id = %s")))
    assert unit.bindings[5].value == Item(Call(Var("local", "pair")), Lit(1))
    assert unit.bindings[6].value == Item(Var("local", "ROWS"), Unknown())
    assert unit.returns == (Binding("return", Var("local", "sql"), 11),)
    execute = next(site for site in unit.calls if isinstance(site.func, Attr) and site.func.name == "execute")
    assert execute.func == Attr(Var("param", "cur"), "execute")
    assert (execute.loc.line, execute.loc.column) == (8, 9)


def test_classes_methods_and_instance_attributes() -> None:
    units = lower(
        """
        class Client(Base):
            PREFIX = "/workspaces"
            timeout: int
            def __init__(self, base_url=DEFAULT):
                self.base = base_url.rstrip("/")
            @classmethod
            def make(cls):
                return cls.PREFIX
            def get(self, ws):
                return self.base + self.PREFIX + f"/{ws}"
        """
    )
    client = units["Client"]
    assert client.kind == "class" and client.bases == (Var("local", "Base"),)
    assert [(b.name, b.value) for b in client.bindings] == [("PREFIX", Lit("/workspaces")), ("timeout", Unknown())]
    assert units["Client.__init__"].bindings[0].name == "self.base"
    assert units["Client.make"].returns[0].value == Var("cls", "PREFIX")
    assert units["Client.get"].returns[0].value == Concat(
        (Var("self", "base"), Var("self", "PREFIX"), Lit("/"), Var("param", "ws"))
    )


def test_subscripts_of_module_level_names_are_reads() -> None:
    unit = lower('import os\ndef f():\n    return os.environ["TENANT_DATABASE_URL"]\n')["f"]
    (site,) = unit.calls
    assert site.func == Attr(Var("global", "os.environ"), "__getitem__")
    assert site.args == (Lit("TENANT_DATABASE_URL"),)


def test_columns_count_characters_not_bytes() -> None:
    unit = lower('def f():\n    x = "é"; cur.execute(x)\n')["f"]
    assert unit.calls[0].loc.column == 14  # 13 bytes precede it, one of them a two-byte character


def test_units_that_hold_nothing_are_left_out() -> None:
    assert set(lower("def f(x):\n    pass\nclass C:\n    pass\ndef g(x):\n    print(len(x))\n")) == {"C"}


def test_a_call_without_arguments_is_a_call_site() -> None:
    """`memory_stats()` binds nothing, but call reach asks what it runs; a builtin's call is no site."""
    unit = lower("def g(x):\n    total = memory_stats()\n    f = repo.count\n    f()\n    len(x)\n")["g"]
    assert [site.func for site in unit.calls] == [Var("local", "memory_stats"), Var("local", "f")]


def test_calls_are_found_in_every_statement_and_expression() -> None:
    unit = lower(
        """
        def f(cur, orgs):
            if cur.execute("a"):
                pass
            try:
                cur.execute("b")
            except Exception:
                cur.execute("c")
            while cur.execute("d") and x:
                pass
            rows = [cur.execute(t) for t in TABLES if t]
            if (n := cur.execute("e")) > 1:
                pass
            callback = lambda: cur.execute("g")  # a lambda's body: its calls are where it is written
            match cur:
                case _:
                    cur.execute("f")
        """
    )["f"]
    executed = [site.args[0] for site in unit.calls if isinstance(site.func, Attr) and site.func.name == "execute"]
    assert executed == [Lit("a"), Lit("b"), Lit("c"), Lit("d"), Var("local", "t"), Lit("e"), Lit("g"), Lit("f")]
    assert Binding("t", Item(Var("local", "TABLES"), Unknown()), 11) in unit.bindings
    assert any(b.name == "n" for b in unit.bindings)


def test_equal_literals_of_other_types_stay_apart() -> None:
    """1, 1.0 and True are equal in Python; lowered once each, they must keep their own texts."""
    module = lower("A = True\nB = 1\nC = 1.0\n")["<module>"]
    assert [(b.name, b.value) for b in module.bindings] == [("A", Lit(True)), ("B", Lit(1)), ("C", Lit(1.0))]
    assert [type(b.value.value) for b in module.bindings if isinstance(b.value, Lit)] == [bool, int, float]


def test_only_nested_functions_a_loop_calls_are_searched_for_writes_outside(monkeypatch) -> None:
    """Whether a nested function gathers (writes to names of the unit around it) is a walk of its whole body:
    asked of the ones a loop runs, not of every method of every class."""
    from molecule_lint.frontends.python import lower as lowering

    asked: list[str] = []
    real = lowering._keeps_outside
    monkeypatch.setattr(lowering, "_keeps_outside", lambda function: asked.append(function.name) or real(function))
    units = lower(
        """
        class Client:
            def get(self, out):
                out.append(1)
            def put(self, out):
                out.append(2)

        def run(orgs, pool):
            def keep(org):
                pass
            def keep(org):  # a second definition: either may be the one run
                results.append(org)
            def other(org):
                results.append(org)
            results = []
            for org in orgs:
                pool.submit(keep, org)
        """
    )
    assert asked == ["keep", "keep"]
    assert [loop.accumulates for loop in units["run"].loops] == [True]
