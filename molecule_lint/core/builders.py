"""SQL query builders — squirrel and goqu (`sq.Select("n").From(t).GroupBy("org_id").ToSql()`), gorm
(`db.Model(&M{}).Where("x > ?", v).Count(&n)`, `db.Table(t).Group("org_id").Scan(&out)`), go-jet's
keyword DSL (`SELECT(T.OrgID, COUNT(STAR)).FROM(T).GROUP_BY(T.OrgID).Query(db, &out)`), PyPika
(`Query.from_(t).select(fn.Count("*")).groupby(t.org_id).get_sql()`): a method chain
that names its table is lowered to the SQL it builds, a Value of literals and the chain's own arguments,
so the resolver reads the table name wherever it lives and the SQL reader judges the query as any other.

Only a chain rooted in a builder library counts (the receiver or the first function resolves to one), and
only one naming its table; what a step's argument cannot say is a hole. The SQL is never run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from molecule_lint.core.queries import Step, binding_before
from molecule_lint.facts import Attr, Call, Collection, Concat, Item, Lit, Summary, Unknown, Value, Var

# The libraries, by the qualified name their values resolve to (a package path prefix).
LIBRARIES = ("gorm.io/gorm", "github.com/Masterminds/squirrel", "github.com/doug-martin/goqu", "github.com/uptrace/bun",
             "github.com/go-pg/pg", "github.com/go-jet/jet", "pypika.")
# go-jet's generated table variables are made by this call, the table's name its second argument
# (`postgres.NewTable(schemaName, tableName, alias, columns...)`)
TABLE_CONSTRUCTORS = re.compile(r"github\.com/go-jet/jet(/v\d+)?/(postgres|mysql|sqlite)\.NewTable$")
TABLE_ARGUMENT = 1
# Methods ending a chain: the statement as text (squirrel `ToSql`, goqu `ToSQL`: `(sql, args, err)`) ...
TO_SQL = frozenset({"ToSql", "ToSQL"})
TO_TEXT = frozenset({"get_sql"})  # ... or the statement alone (PyPika)
# ... or running it (gorm, bun), with the statement each runs (None: the one its first step says, bun's
# `db.NewDelete().Model(m).Where(...).Exec(ctx)`).
RUNS: dict[str, str | None] = {
    "Count": "SELECT count(*)", "Find": "SELECT", "First": "SELECT", "Last": "SELECT", "Take": "SELECT",
    "Scan": "SELECT", "Pluck": "SELECT", "Rows": "SELECT", "Delete": "DELETE", "All": "SELECT", "Only": "SELECT",
    "IDs": "SELECT", "Exist": "SELECT", "One": "SELECT", "Exists": "SELECT",
    "Update": "UPDATE", "Updates": "UPDATE", "UpdateColumn": "UPDATE", "UpdateColumns": "UPDATE", "Exec": None,
    "Query": None, "QueryContext": None, "ExecContext": None,  # go-jet's statements, given the db
}  # fmt: skip
# sqlboiler: a generated function per table (`models.Memories(qm.Where(...))`) takes query mods of this package
SQLBOILER_MODS = ("github.com/volatiletech/sqlboiler/v4/queries/qm.", "github.com/aarondl/sqlboiler/v4/queries/qm.")
SCOPES = "Scopes"  # gorm's `db.Scopes(f, g)`: each function applies its conditions to the chain
ENT_QUERY = "Query"  # ent's `client.Memory.Query()`: a chain of the generated client, no library's root
# a builder's first step (bun's `NewInsert()`... name no table: their `Model(...)` does)
_STATEMENTS = {"Insert": "INSERT", "Into": "INSERT", "Update": "UPDATE", "Delete": "DELETE",
               "NewInsert": "INSERT", "NewUpdate": "UPDATE", "NewDelete": "DELETE",
               "InsertInto": "INSERT", "DeleteFrom": "DELETE",
               "into": "INSERT", "update": "UPDATE", "delete": "DELETE"}  # fmt: skip
_FILLS = frozenset({"Find", "First", "Last", "Take"})  # gorm reads filling a model (or a slice of them)
# (the lower-case names are PyPika's)
_SELECTS = frozenset({"Select", "Columns", "Distinct", "Column", "ColumnExpr", "select"})  # bun: Column, ColumnExpr
_FROMS = frozenset({"From", "Table", "TableExpr", "from_"})  # bun: TableExpr("t AS x")
_WHERES = frozenset({"Where", "Having", "where", "having"})
_GROUPS = frozenset({"Group", "GroupBy", "GroupExpr", "groupby"})
_JOINS = frozenset({"Join", "Joins", "LeftJoin", "InnerJoin", "RightJoin", "FullJoin", "join", "left_join",
                    "inner_join", "right_join", "outer_join"})  # fmt: skip
_COMPARISONS = {"Eq": "=", "Neq": "<>", "Gt": ">", "Gte": ">=", "Lt": "<", "Lte": "<=", "In": "IN", "Like": "LIKE",
                "NotEq": "<>", "GtEq": ">=", "LtEq": "<=", "__eq__": "="}  # fmt: skip
_ALIASES = frozenset({"As", "as_"})
_CONNECTIVES = {"And": " AND ", "Or": " OR "}
_STAR = "STAR"  # go-jet's `*`
_COLUMNS = frozenset({"C", "I", "T", "L", "Col"})  # goqu's identifiers and literals
_AGGREGATES = frozenset({"COUNT", "SUM", "AVG", "MIN", "MAX"})
_CHAIN_DEPTH = 16


def runs(method: str, args: tuple[Value, ...]) -> bool:
    """Does a call of this method run a chain? (ent's `client.Note.Query()` starts one: go-jet's
    `stmt.Query(db, &out)` is given the db.)"""
    return method in RUNS and (method != ENT_QUERY or bool(args))


def chain(value: Value, summary: Summary | None, line: int | None) -> tuple[list[Step], Value]:
    """The method calls of a chain, innermost first, and its root (a value, or the first function called),
    through the unit's local bindings (`ds := pg.From(t)` then `ds.ToSQL()`)."""
    steps: list[Step] = []
    for _ in range(_CHAIN_DEPTH):
        if isinstance(value, Call) and isinstance(value.func, Attr):
            steps.append(Step(value.func.name, value.args, value.kwargs, value))
            value = value.func.base
        elif isinstance(value, Call):
            steps.append(Step(_last(value.func), value.args, value.kwargs, value))
            value = value.func
            break
        elif isinstance(value, Var) and value.kind == "local" and summary is not None and line is not None:
            bound = binding_before(summary, value.name, line)
            if bound is None:
                break
            value, line = bound
        else:
            break
    steps.reverse()
    return steps, value


def scope_conditions(summary: Summary) -> list[Step]:
    """The conditions a gorm scope applies (`Scopes(forOrg(id))`, `forOrg` returning `func(db *gorm.DB)
    *gorm.DB { return db.Where("org_id = ?", id) }`): its function's literal `Where`s, as steps of the chain
    it is given to. The func literal is lowered into its maker's unit, so its calls are the maker's."""
    return [
        Step("Where", (site.args[0],))
        for site in summary.calls
        if isinstance(site.func, Attr) and site.func.name in _WHERES and site.args and isinstance(site.args[0], Lit)
    ]


def query_mods(args: tuple[Value, ...]) -> list[Step]:
    """sqlboiler's query mods as the steps they are (`qm.Where("x > ?", v)`, `qm.GroupBy("org_id")`)."""
    return [
        Step(arg.func.name.rsplit(".", 1)[-1], arg.args, arg.kwargs, arg)
        for arg in args
        if isinstance(arg, Call) and isinstance(arg.func, Var) and arg.func.name.startswith(SQLBOILER_MODS)
    ]


def statements(steps: list[Step], verb: str | None) -> list[Value]:
    """The SQL a chain may build (``verb``: how it is run; None: as its own steps say, `sq.Delete(t)`):
    none when no step names its table. gorm names it by a model, `Model(&M{})`, or else by what a read
    fills, `Find(&ms)` (one model, or a slice of them)."""
    keywords = any(_is_keyword(step.name) for step in steps)
    steps = [replace(step, name=_camel(step.name)) for step in steps]
    froms = _FROMS
    if verb is None:
        verb = next((_STATEMENTS[step.name] for step in steps if step.name in _STATEMENTS), "SELECT")
        froms = _FROMS | _STATEMENTS.keys()
    tables = [step.args[0] for step in steps if step.name in froms and step.args]
    models = [step.args[0] for step in steps if step.name == "Model" and step.args]
    queries = [step.call for step in steps if step.name == ENT_QUERY and not step.args and step.call is not None]
    if tables:
        return [_statement(steps, verb, tables[-1], keywords)]
    if queries:  # ent: the generated query's spec holds its table
        return [_statement(steps, verb, Call(Attr(queries[-1], "querySpec"), ()))]
    if models:  # gorm's `Model(&M{})`; bun's and go-pg's `Model(&ms)` too, a slice of them
        candidates = [models[-1], Item(models[-1], Unknown())]
    elif steps and steps[-1].name in _FILLS and steps[-1].args:
        destination = steps[-1].args[0]
        candidates = [destination, Item(destination, Unknown())]  # one model, or a slice of them
    else:
        return []
    return [_statement(steps, verb, Call(Attr(model, "TableName"), ())) for model in candidates]


def _statement(steps: list[Step], verb: str, table: Value, keywords: bool = False) -> Value:
    """``keywords``: a go-jet chain, whose columns are the generated table's fields (`T.OrgID`: `org_id`)."""
    columns = [c for step in steps if step.name in _SELECTS for c in _fragments(step.args, table, keywords)]
    if verb == "SELECT":
        head: list[Value] = [Lit("SELECT "), *_joined(columns or [Lit("*")], ", "), Lit(" FROM "), table]
    elif verb.startswith("SELECT "):
        head = [Lit(verb + " FROM "), table]
    elif verb == "DELETE":
        head = [Lit("DELETE FROM "), table]
    elif verb == "INSERT":
        head = [Lit("INSERT INTO "), table, Lit(" VALUES (?)")]
    else:
        head = [Lit(verb + " "), table, Lit(" SET x = ?")]
    parts = head
    for step in steps:
        if step.name in _JOINS and step.args:
            parts += [Lit(" JOIN "), *_fragment(step.args[0], table, keywords)]
    conditions = [c for step in steps if step.name in _WHERES for c in _conditions(step.args, table, keywords)]
    if conditions:
        parts += [Lit(" WHERE "), *_joined(conditions, " AND ")]
    groups = [c for step in steps if step.name in _GROUPS for c in _fragments(step.args, table, keywords)]
    if groups:
        parts += [Lit(" GROUP BY "), *_joined(groups, ", ")]
    return Concat(tuple(parts))


def _conditions(args: tuple[Value, ...], table: Value, keywords: bool) -> Iterator[Value]:
    """A condition each: gorm's `Where("x > ?", v)` is its first argument; squirrel's `sq.Eq{"org_id": v}`
    and goqu's `goqu.C("org_id").Eq(v)` say which columns they compare."""
    first = args[0] if args else None
    if isinstance(first, Lit):
        yield first
        return
    for arg in args:
        if isinstance(arg, Call) and arg.kwargs and not arg.args:  # `sq.Eq{"org_id": v}`, keyed by column
            yield from (Lit(key.strip('"`') + " = ?") for key, _ in arg.kwargs)
        elif isinstance(arg, Collection) and arg.kind == "dict":
            yield from (Concat((key, Lit(" = ?"))) for key in arg.keys)
        else:
            yield Concat(_fragment(arg, table, keywords))


def _fragments(args: tuple[Value, ...], table: Value, keywords: bool) -> list[Value]:
    return [Concat(_fragment(arg, table, keywords)) for arg in args]


def _fragment(value: Value, table: Value, keywords: bool) -> tuple[Value, ...]:
    """A column or expression as SQL: goqu's `C("kind")`, `COUNT("*").As("n")`, `C("state").Eq("x")`;
    go-jet's `T.OrgID.EQ(String(o)).AND(...)`, `COUNT(STAR).AS("n")`; a field of the table the chain reads
    (PyPika's `t.org_id == x`)."""
    if keywords and isinstance(value, Attr) and value.name[:1].isupper():
        return (Lit(_snake(value.name)),)  # the generator names a column's field after it
    if keywords and isinstance(value, Var) and _last(value) == _STAR:
        return (Lit("*"),)
    column = _column_of(value, table)
    if column is not None:
        return (Lit(column),)
    if not isinstance(value, Call):
        return (Lit("?"),) if isinstance(value, Unknown) else (value,)
    func = value.func
    if isinstance(func, Attr):
        method = _camel(func.name)
        if method in _ALIASES:
            return _fragment(func.base, table, keywords)
        if method in _COMPARISONS:
            return (*_fragment(func.base, table, keywords), Lit(f" {_COMPARISONS[method]} ?"))
        if method in _CONNECTIVES and value.args:
            left, right = _fragment(func.base, table, keywords), _fragment(value.args[0], table, keywords)
            return (*left, Lit(_CONNECTIVES[method]), *right)
    name = _last(value.func)
    if name in _COLUMNS and value.args:
        return _fragment(value.args[0], table, keywords)
    if name.upper() in _AGGREGATES:
        inner = _fragment(value.args[0], table, keywords) if value.args else (Lit("*"),)
        return (Lit(f"{name.upper()}("), *inner, Lit(")"))
    return (value,)


def _column_of(value: Value, table: Value) -> str | None:
    """`t.org_id` of the table `t` (an attribute of it, or the dotted global `names.t.org_id`)."""
    if isinstance(value, Attr) and value.base == table:
        return value.name
    if isinstance(value, Var) and isinstance(table, Var) and value.kind == table.kind:
        head, _, column = value.name.rpartition(".")
        return column if head == table.name else None
    return None


def _is_keyword(name: str) -> bool:
    """go-jet spells its builder's methods as the SQL keywords they are (`GROUP_BY`, `EQ`; goqu's one-letter
    `C`/`T`/`I` identifiers are no keywords)."""
    return len(name) > 1 and name.isupper()


def _camel(name: str) -> str:
    """A keyword method as the other builders spell it: `GROUP_BY` -> `GroupBy`, `EQ` -> `Eq`."""
    return "".join(word.capitalize() for word in name.split("_")) if _is_keyword(name) else name


def _snake(name: str) -> str:
    """A generated field's column: `OrgID` -> `org_id`, `CreatedAt` -> `created_at`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name.replace("ID", "Id")).lower()


def makes_table(name: str) -> bool:
    """Is this library call what a generated table variable is made by (go-jet's `NewTable`)?"""
    return TABLE_CONSTRUCTORS.match(name) is not None


def _joined(values: list[Value], glue: str) -> list[Value]:
    out: list[Value] = []
    for number, value in enumerate(values):
        out += [Lit(glue), value] if number else [value]
    return out


def _last(value: Value) -> str:
    if isinstance(value, Attr):
        return value.name
    return value.name.rsplit(".", 1)[-1] if isinstance(value, Var) else ""
