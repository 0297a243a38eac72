"""What a piece of SQL reads, writes, filters and aggregates; what a migration changes.

Frontends hand us string literals, and templates rendered with ``__hole_N__``
for the parts they could not resolve. A hole in a name becomes ``*``: a table
named only by a hole is unknown and omitted, ``__hole_0__.memories`` is
``TableRef("memories", "*")`` and ``memories___hole_1__`` the glob ``memories_*``.

sqlglot (Postgres dialect) parses; it is imported lazily, as are the regexes
compiled, because importing sqlglot costs ~100 ms and a pre-commit run often
sees no SQL at all.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from molecule_lint.facts import Compact

if TYPE_CHECKING:
    from sqlglot import exp


@dataclass(frozen=True, slots=True)
class TableRef(Compact):
    name: str  # lower-case, unquoted
    schema: str | None  # lower-case; "*" for a hole


@dataclass(frozen=True, slots=True)
class SqlAnalysis(Compact):
    reads: tuple[TableRef, ...]
    writes: tuple[TableRef, ...]
    org_filtered: tuple[str, ...]  # columns compared (=, IN) to a parameter, literal or hole
    group_by: tuple[str, ...]  # GROUP BY and PARTITION BY columns, unqualified
    aggregates: bool
    union_schemas: tuple[str, ...]  # per-org schemas that UNION branches read one table from
    confidence: str  # "parsed" | "scanned" (regex fallback)
    full_scans: tuple[TableRef, ...] = ()  # read with no WHERE or LIMIT in any query around them: every row
    copied: tuple[str, ...] = ()  # columns an INSERT ... SELECT takes from what it reads ("*": all of them)


@dataclass(frozen=True, slots=True)
class SchemaChange(Compact):
    kind: str  # create_table | add_column | drop_column | create_view | drop_table | rename_table
    table: TableRef
    columns: tuple[str, ...]
    line: int
    new_name: str | None = None
    # The statement's last line (0: `line` only): a change anywhere in it is a change of this schema change.
    end_line: int = field(default=0, compare=False)
    # Parallel to ``columns`` for the changes that add them, where known: each column's type as written
    # (lower case, "" unknown) and its own line (a CREATE TABLE spans many). How the change is written,
    # not what it changes: equality ignores them.
    types: tuple[str, ...] = field(default=(), compare=False)
    column_lines: tuple[int, ...] = field(default=(), compare=False)
    like: TableRef | None = None  # CREATE TABLE t (LIKE s): t takes s's columns


_FLAGS = re.IGNORECASE | re.DOTALL
# psycopg's SQL composition: `sql.SQL("SELECT {} FROM {}").format(sql.Identifier(t))` is the text it composes
# (an Identifier of several names is dotted: `Identifier("s", "t")` is s.t).
SQL_COMPOSABLES = frozenset(
    f"{package}.sql.{name}" for package in ("psycopg", "psycopg2") for name in ("SQL", "Identifier", "Literal")
)


@functools.cache
def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


# --- looks_like_sql ----------------------------------------------------------------

_HOLE = r"__hole_\d+__"
_IDENT = r'(?:"[^"]+"|[a-z_][\w$]*)'
_NAME = rf"{_IDENT}(?:\s*\.\s*{_IDENT}){{0,2}}"
_PARAM = rf"(?:%s|%\(\)s|\$\d+|:[a-z_]\w*|\?|{_HOLE})"
_START = (
    r"(?:\s|--[^\n]*|/\*.*?\*/|\()*"
    r"(select|with|insert|update|delete|create|alter|drop|truncate|copy|merge|upsert|replace)\b"
)
# Comments, and string literals ('..', E'..', $tag$..$tag$) that become '' so
# that neither a table name nor an English word inside one counts.
_LITERALS = (
    r"--[^\n]*|/\*.*?\*/|(?<!\w)e'(?:[^'\\]|\\.|'')*'|'[^']*(?:''[^']*)*'"
    r"|(?<![\w$])\$([a-z_]\w*|)\$.*?\$\1\$"
)
# Log messages and UI text that happen to start with a keyword.
_PROSE = r"[.!:]\s*$|\b(?:the|your|our|their|please|failed|unable|cannot|successfully)\b"
_SELECT_FROM = (
    rf"select\s+(?P<list>\S.*?)\s*\bfrom\s+(?:only\s+)?(?:{_NAME}(?:\(\))?|\(\))"
    rf"(?:\s+(?:as\s+)?{_IDENT}(?:\s*\(\))?)?\s*(?:$|[;,)]|(?:where|join|inner|left|right|full|cross"
    r"|natural|group|order|limit|offset|having|union|intersect|except|for|window|on|using|returning"
    rf"|fetch|tablesample|{_HOLE})\b)"
)
_ITEM = (
    rf"(?:(?:not\s+)?exists\s*\(\)|{_NAME}\(\)|\d+(?:\.\d+)?|''|\(\)|{_PARAM}|true|false|null)"
    rf"(?:\s*::\s*{_NAME}(?:\(\))?(?:\[\])?)?(?:\s+(?:as\s+)?{_IDENT})?"
)
_ALIAS = rf"(?:\s+(?:as\s+)?{_IDENT})?"
_KIND = (
    r"(?:table|view|materialized\s+view|index|sequence|schema|type|function|procedure|trigger"
    r"|extension|database|role|user|policy|domain|aggregate|rule|publication|foreign\s+table)"
)
# The companion structure each leading keyword needs, matched on flattened text.
_STATEMENTS = {
    "select": rf"select\s+{_ITEM}(?:\s*,\s*{_ITEM})*\s*;?\s*$",  # without FROM: SELECT 1, SELECT f(%s)
    "with": rf"with\s+(?:recursive\s+)?{_IDENT}\s*(?:\(\)\s*)?as\s+(?:not\s+)?(?:materialized\s+)?\(\)"
    r".*\b(?:select|insert|update|delete|merge)\b",
    "insert": rf"(?:insert|upsert|replace)\s+into\s+{_NAME}(?:\s+as\s+{_IDENT})?\s*"
    rf"(?:\(\)|(?:values|select|with|default|overriding|{_HOLE})\b)",
    "update": rf"update\s+(?:only\s+)?{_NAME}{_ALIAS}\s+set\s+(?:\(\)|{_NAME}\s*=|{_HOLE})",
    "delete": rf"delete\s+from\s+(?:only\s+)?{_NAME}(?:\s*(?:$|;|\))|{_ALIAS}\s+(?:where|using|returning|{_HOLE})\b)",
    "create": r"create\s+(?:or\s+replace\s+)?(?:(?:global|local|temp|temporary|unlogged|unique|materialized"
    rf"|recursive|constraint|trusted)\s+)*{_KIND}\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?"
    rf"(?:on\b|{_NAME}\s*(?:\(\)|$|;|(?:as|on|of|with|partition|like|inherits|returns|using|for|before"
    rf"|after|instead|authorization|increment|start|owned|from|to|language|cache|{_HOLE})\b))",
    "alter": rf"alter\s+{_KIND}\s+(?:if\s+exists\s+)?(?:only\s+)?{_NAME}(?:\s*\(\))?\s+(?:add|drop|alter"
    rf"|rename|set|reset|owner|attach|detach|enable|disable|validate|inherit|no|cluster|replica|of|not"
    rf"|force|with|{_HOLE})\b",
    "drop": rf"drop\s+{_KIND}\s+(?:concurrently\s+)?(?:if\s+exists\s+)?{_NAME}(?:\s*\(\))?"
    rf"(?:\s*,\s*{_NAME}(?:\s*\(\))?)*\s*(?:$|;|(?:cascade|restrict|on)\b)",
    "truncate": rf"truncate\s+(?:table\s+)?(?:only\s+)?{_NAME}(?:\s*,\s*{_NAME})*\s*"
    r"(?:$|;|(?:restart|continue|cascade|restrict)\b)",
    "copy": rf"copy\s+(?:{_NAME}\s*(?:\(\)\s*)?|\(\)\s*)(?:from|to)\s+(?:stdin|stdout|''|program|{_PARAM})",
    "merge": rf"merge\s+into\s+{_NAME}{_ALIAS}\s+using\b",
}
_STATEMENTS.update(upsert=_STATEMENTS["insert"], replace=_STATEMENTS["insert"])


def _spaces(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def _blank(match: re.Match[str]) -> str:
    return " " if match.group().startswith(("-", "/")) else "''"


def _flatten(text: str) -> str:
    """Strings to '', comments to ' ', every parenthesised group to '()'."""
    text = _re(_LITERALS).sub(_blank, text)
    while True:  # innermost groups first; \x01 keeps the pattern from matching them again
        reduced = _re(r"\([^()]*\)").sub("\x01", text)
        if reduced == text:
            return text.replace("\x01", "()")
        text = reduced


def looks_like_sql(text: str) -> bool:
    """True when ``text`` is a SQL statement, not prose that starts with a keyword."""
    start = _re(_START).match(text)
    if start is None or start.group(1).istitle():  # "Select a workspace", "Delete failed"
        return False
    keyword = start.group(1).lower()
    flat = _flatten(text[start.start(1) :])
    if _re(_PROSE).search(flat):
        return False
    if keyword != "select" or not _re(r"\bfrom\b").search(flat):
        return _re(_STATEMENTS[keyword]).match(flat) is not None
    match = _re(_SELECT_FROM).match(flat)
    if match is None:
        return False
    columns = match.group("list")  # "a workspace" is English; "id", "count() n", "distinct x" are SQL
    return not _re(r"[a-z]+(?:\s+[a-z]+)+").fullmatch(columns) or bool(
        _re(r"\b(?:as|case|distinct|all|over)\b").search(columns)
    )


# --- analyze_sql -----------------------------------------------------------------


def analyze_sql(text: str, *, known_sql: bool = False) -> SqlAnalysis | None:
    """What ``text`` reads, writes, filters and aggregates; None when it does not look like
    SQL (``known_sql`` skips that test, for strings handed to ``execute()``). Never raises."""
    if not known_sql and not looks_like_sql(text):
        return None  # tested outside the cache so that prose does not evict SQL from it
    analysis = _KNOWN.get(text) or _analyze(text)
    _USED[text] = analysis
    return analysis


# Analyses carried over from earlier runs (the engine loads and saves them with the facts cache):
# sqlglot costs ~0.5 ms a statement, and a warm run would otherwise parse every query again.
_KNOWN: dict[str, SqlAnalysis] = {}
_USED: dict[str, SqlAnalysis] = {}


def remember(known: dict[str, SqlAnalysis]) -> None:
    _KNOWN.update(known)


def analyses_used() -> dict[str, SqlAnalysis]:
    """Every analysis this process handed out, to be remembered by the next run."""
    return dict(_USED)


def adopt(analyses: dict[str, SqlAnalysis]) -> None:
    """Analyses another process (a forked check) handed out: used by this run, remembered by the next."""
    _KNOWN.update(analyses)
    _USED.update(analyses)


@functools.cache
def _quiet_sqlglot() -> None:
    # sqlglot logs a warning for each statement it keeps as an opaque Command
    # (DO, VACUUM, ...); a linter's output must not carry them.
    logging.getLogger("sqlglot").setLevel(logging.ERROR)


def _parse(text: str) -> list[exp.Expr | None] | None:
    import sqlglot
    from sqlglot.errors import SqlglotError

    _quiet_sqlglot()
    try:
        return sqlglot.parse(text, read="postgres")
    except (SqlglotError, RecursionError):
        return None


@functools.lru_cache(maxsize=4096)
def _analyze(text: str) -> SqlAnalysis:
    from sqlglot import exp

    statements = _parse(text)
    if statements is None:
        found = _scan_tables(text)
        return SqlAnalysis(_sorted(found[0]), _sorted(found[1]), (), (), False, (), "scanned")
    writers: tuple[type[exp.Expr], ...] = (exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Copy, exp.TruncateTable)
    writers += (exp.Create, exp.Alter, exp.Drop, exp.Comment)  # DDL targets count as writes too
    reads: set[TableRef] = set()
    writes: set[TableRef] = set()
    org: set[str] = set()
    groups: set[str] = set()
    schemas: set[str] = set()
    full: set[TableRef] = set()
    copied: set[str] = set()
    aggregates = scanned = False
    for stmt in statements:
        if stmt is None:  # an empty statement: ";;"
            continue
        if isinstance(stmt, exp.Command):  # DO, EXPLAIN, VACUUM...: opaque to sqlglot
            more_reads, more_writes = _scan_tables(stmt.sql(dialect="postgres"))
            reads |= more_reads
            writes |= more_writes
            scanned = True
            continue
        tables: list[exp.Table] = []
        targets: set[int] = set()  # id() of the Table nodes written
        ignored: set[int] = set()  # id() of names that are not tables (DROP INDEX i)
        ctes: set[str] = set()
        unions: list[exp.Union] = []
        for node in stmt.walk():  # a single walk: each find_all() would be a full traversal
            if isinstance(node, exp.Table):
                tables.append(node)
            elif isinstance(node, exp.CTE):
                ctes.add(node.alias.lower())
            elif isinstance(node, exp.LikeProperty):  # CREATE TABLE t (LIKE s): s's definition, not its rows
                ignored.add(id(node.this))
            elif isinstance(node, exp.Reference):  # a foreign key's REFERENCES s (id): s's key, not its rows
                ignored.add(id(node.this.this if isinstance(node.this, exp.Schema) else node.this))
            elif isinstance(node, writers):
                _write_targets(node, targets, ignored)
                if isinstance(node, exp.Insert) and isinstance(node.expression, exp.Query):
                    copied.update(_projected(node.expression))
            elif isinstance(node, (exp.Where, exp.Having, exp.Join)):
                org.update(_org_filtered(node.args.get("on") if isinstance(node, exp.Join) else node.this))
            elif isinstance(node, exp.Group):
                groups.update(_group_columns(node))
            elif isinstance(node, exp.Union):
                unions.append(node)
            elif isinstance(node, exp.Window):
                aggregates = True
                for part in node.args.get("partition_by") or []:
                    groups.update(c.name.lower() for c in part.find_all(exp.Column))
            elif isinstance(node, exp.AggFunc) or (
                isinstance(node, exp.Anonymous) and node.name.lower().endswith(("agg", "every"))
            ):  # jsonb_agg, xmlagg, every: aggregates sqlglot does not model
                aggregates = True
        frozen_ctes = frozenset(ctes)
        for table in tables:
            ref = _table_ref(table, frozen_ctes)
            if ref is not None and id(table) not in ignored:
                (writes if id(table) in targets else reads).add(ref)
                if id(table) not in targets and _read_whole(table):
                    full.add(ref)
        for union in unions:
            schemas |= _union_schemas(union, frozen_ctes)
    return SqlAnalysis(
        _sorted(reads),
        _sorted(writes),
        tuple(sorted(org)),
        tuple(sorted(groups)),
        aggregates,
        tuple(sorted(schemas)),
        "scanned" if scanned else "parsed",
        _sorted(full),
        tuple(sorted(copied)),
    )


def _projected(query: exp.Query) -> set[str]:
    """The columns a query's select lists name (every branch of a UNION); "*" for a star."""
    from sqlglot import exp

    names: set[str] = set()
    for select in [query] if isinstance(query, exp.Select) else query.find_all(exp.Select):
        for projection in select.expressions:
            if projection.find(exp.Star) is not None:
                names.add("*")
            names.update(column.name.lower() for column in projection.find_all(exp.Column) if column.name)
    return names


def _sorted(refs: set[TableRef]) -> tuple[TableRef, ...]:
    return tuple(sorted(refs, key=lambda r: (r.name, r.schema or "")))


def _normal(identifier: str) -> str:
    return _re(_HOLE).sub("*", identifier.strip('"').lower())


def _ref(name: str, schema: str | None) -> TableRef | None:
    name = _normal(name)
    if not name.strip("*_"):  # nothing but holes: an unknown table
        return None
    return TableRef(name, _normal(schema) if schema else None)


def _table_ref(table: exp.Table, ctes: frozenset[str]) -> TableRef | None:
    from sqlglot import exp

    if not isinstance(table.this, exp.Identifier):  # FROM generate_series(...), unnest(...)
        return None
    if not table.db and table.name.lower() in ctes:
        return None
    return _ref(table.name, table.db or None)


def _read_whole(table: exp.Table) -> bool:
    """No query around the table has a WHERE or a LIMIT: a derived table or CTE filtered
    outside is not read whole, a table read for an IN (...) list inside a WHERE is not either."""
    node = table.parent
    while node is not None:
        if node.args.get("where") or node.args.get("limit"):
            return False
        node = node.parent
    return True


def _write_targets(node: exp.Expr, targets: set[int], ignored: set[int]) -> None:
    from sqlglot import exp

    if isinstance(node, exp.Copy) and not node.args.get("kind"):
        return  # COPY t TO ... reads t
    if isinstance(node, exp.Drop):  # DROP INDEX i, ALTER TABLE t DROP CONSTRAINT c: not tables
        bucket = targets if str(node.args.get("kind")).upper() in ("TABLE", "VIEW") else ignored
        bucket.update(id(t) for t in node.args.get("tables") or [])
        return
    for target in node.expressions if isinstance(node, exp.TruncateTable) else [node.this]:
        if isinstance(target, exp.Schema):  # INSERT INTO t (cols), CREATE TABLE t (...)
            target = target.this
        if isinstance(target, exp.Index):  # CREATE INDEX i ON t
            target = target.args.get("table")
        if isinstance(target, exp.Table):
            targets.add(id(target))


def _is_value(node: exp.Expr | None) -> bool:
    """A parameter, literal or hole, possibly cast, parenthesised or inside ANY()."""
    from sqlglot import exp

    while isinstance(node, (exp.Cast, exp.Paren, exp.Any)):
        node = node.this
    if isinstance(node, exp.Column):
        return not node.table and _re(_HOLE).fullmatch(node.name) is not None
    return isinstance(node, (exp.Placeholder, exp.Parameter, exp.Literal))


def _org_filtered(condition: exp.Expr | None) -> Iterator[str]:
    """Columns a WHERE / HAVING / JOIN ON condition compares with = or IN to a value."""
    from sqlglot import exp

    for cmp in condition.find_all(exp.EQ, exp.In) if condition is not None else ():
        if isinstance(cmp, exp.In):
            values = cmp.expressions or [cmp.args.get("field")]  # IN (%s, %s) or IN %s
            if isinstance(cmp.this, exp.Column) and all(_is_value(v) for v in values):
                yield cmp.this.name.lower()
            continue
        for column, other in ((cmp.this, cmp.expression), (cmp.expression, cmp.this)):
            if isinstance(column, exp.Column) and not _is_value(column) and _is_value(other):
                yield column.name.lower()


def _group_columns(group: exp.Group) -> Iterator[str]:
    """Columns grouped on, resolving GROUP BY 1 and GROUP BY <output alias>."""
    from sqlglot import exp

    outputs = group.parent.expressions if isinstance(group.parent, exp.Select) else []
    aliases = {e.alias.lower(): e.this for e in outputs if isinstance(e, exp.Alias)}
    for item in group.iter_expressions():
        if isinstance(item, exp.Literal) and item.is_int and 0 < int(item.this) <= len(outputs):
            item = outputs[int(item.this) - 1]
        elif isinstance(item, exp.Column) and not item.table and item.name.lower() in aliases:
            item = aliases[item.name.lower()]
        yield from (column.name.lower() for column in item.find_all(exp.Column))


def _union_schemas(union: exp.Union, ctes: frozenset[str]) -> set[str]:
    """Schemas of a table name that two or more branches read from different schemas."""
    from sqlglot import exp

    stack: list[exp.Expr] = [union]
    branches: list[set[tuple[str, str]]] = []  # (name, schema) read by each branch
    while stack:  # iterative: generated UNION ALL chains can be long
        node = stack.pop()
        if isinstance(node, exp.Union):
            stack += [node.this, node.expression]
        else:
            refs = (_table_ref(table, ctes) for table in node.find_all(exp.Table))
            branches.append({(r.name, r.schema) for r in refs if r is not None and r.schema is not None})
    found: set[str] = set()
    for name in {name for branch in branches for name, _ in branch}:
        schemas = {schema for branch in branches for n, schema in branch if n == name}
        if len(schemas) > 1 and sum(any(n == name for n, _ in branch) for branch in branches) > 1:
            found |= schemas
    return found


_SCAN = (
    r"\b(delete\s+from|from|join|into|update|table)\s+(?:only\s+)?(?:if\s+(?:not\s+)?exists\s+)?"
    rf"({_NAME})(?![\w$.\"])(\s*\()?"
)
# Words that follow FROM/INTO/UPDATE/TABLE without naming a table: FOR UPDATE SKIP
# LOCKED, DO UPDATE SET, SELECT INTO STRICT, FROM LATERAL.
_NOT_TABLES = frozenset({"set", "skip", "nowait", "of", "select", "lateral", "values", "strict", "where", "on", "as"})


def _dotted_ref(text: str) -> TableRef | None:
    parts = _re(_IDENT).findall(text)  # [catalog.][schema.]name
    return _ref(parts[-1], parts[-2] if len(parts) > 1 else None)


def _scan_tables(text: str) -> tuple[set[TableRef], set[TableRef]]:
    """Regex fallback: tables after FROM/JOIN (reads) and INTO/UPDATE/TABLE/DELETE FROM (writes)."""
    reads: set[TableRef] = set()
    writes: set[TableRef] = set()
    for match in _re(_SCAN).finditer(_re(_LITERALS).sub(_blank, text)):
        reading = match.group(1).lower() in ("from", "join")
        ref = _dotted_ref(match.group(2))
        if ref is None or ref.name in _NOT_TABLES or (reading and match.group(3)):
            continue  # FROM unnest(...) is a function; INTO t (a, b) a column list
        (reads if reading else writes).add(ref)
    return reads, writes


# --- schema_changes --------------------------------------------------------------

_SPLIT = (
    r"--[^\n]*|/\*.*?\*/|(?<!\w)e'(?:[^'\\]|\\.|'')*'|'[^']*(?:''[^']*)*'|\"[^\"]*\""
    r"|(?<![\w$])\$(?:[a-z_]\w*)?\$|;"
)
_DDL = (
    r"(?:create\s+(?:or\s+replace\s+)?(?:(?:global|local|temp|temporary|unlogged|materialized|recursive)\s+)*"
    r"(?:table|view)|alter\s+table|drop\s+(?:materialized\s+)?(?:table|view))\b"
)


def _statements(text: str) -> Iterator[tuple[int, str]]:
    """(1-based start line, text) of each ';'-separated statement, respecting
    quoted strings and identifiers, $$ bodies and comments."""
    pos, line, counted = 0, 1, 0
    start: int | None = None
    while True:
        token = _re(_SPLIT).search(text, pos)
        end = token.start() if token else len(text)
        if start is None and (first := _re(r"\S").search(text, pos, end)):
            start = first.start()
        if token is None or token.group() == ";":
            if start is not None:
                line, counted = line + text.count("\n", counted, start), start
                yield line, text[start:end]
            if token is None:
                return
            start, pos = None, token.end()
        elif token.group().startswith(("--", "/*")):
            pos = token.end()
        else:
            start = token.start() if start is None else start
            pos = token.end()
            if token.group().startswith("$"):  # skip to the closing $tag$
                close = text.find(token.group(), pos)
                pos = len(text) if close < 0 else close + len(token.group())


def schema_changes(text: str) -> tuple[SchemaChange, ...]:
    """Tables, columns and views that a migration creates, adds, drops or renames, in order."""
    from sqlglot import exp

    changes: list[SchemaChange] = []
    for line, statement in _statements(text):
        if not _re(_DDL).match(statement):
            continue  # DO blocks, functions, indexes, COMMENT ON, INSERT...
        parsed = _parse(statement)
        node = parsed[0] if parsed else None
        if node is None or isinstance(node, exp.Command):  # sqlglot failed or gave up
            found = _regex_changes(statement, line)
        else:
            found = _parsed_changes(node, line)
        end = line + statement.rstrip().count("\n")
        changes += (replace(_with_column_details(change, statement), end_line=end) for change in found)
    return tuple(changes)


def _with_column_details(change: SchemaChange, statement: str) -> SchemaChange:
    """The type and line of each column a CREATE TABLE or ADD COLUMN defines, read from its definition."""
    if change.kind not in ("create_table", "add_column") or not change.columns:
        return change
    flat = _re(_LITERALS).sub(_spaces, statement)  # same length and lines: offsets still count lines
    types: list[str] = []
    lines: list[int] = []
    for column in change.columns:
        pattern = rf'(?:^|[(,]|\badd\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?)\s*"?{re.escape(column)}"?\s+([a-z][\w.]*)'
        match = _re(pattern).search(flat)
        types.append(match.group(1).lower() if match else "")
        lines.append(change.line + flat.count("\n", 0, match.start(1)) if match else change.line)
    return dataclasses.replace(change, types=tuple(types), column_lines=tuple(lines))


def _parsed_changes(node: exp.Expr, line: int) -> list[SchemaChange]:
    from sqlglot import exp

    kind = str(node.args.get("kind")).upper()
    if isinstance(node, exp.Drop):
        tables = (node.args.get("tables") or []) if kind in ("TABLE", "VIEW") else []
        refs = [_table_ref(t, frozenset()) for t in tables if isinstance(t, exp.Table)]
        return [SchemaChange("drop_table", ref, (), line) for ref in refs if ref is not None]
    target = node.this.this if isinstance(node.this, exp.Schema) else node.this
    ref = _table_ref(target, frozenset()) if isinstance(target, exp.Table) else None
    if ref is None:
        return []
    if isinstance(node, exp.Create) and kind == "VIEW":
        return [SchemaChange("create_view", ref, (), line)]
    if isinstance(node, exp.Create) and kind == "TABLE":
        if isinstance(node.this, exp.Schema):
            columns = [c.name for c in node.this.expressions if isinstance(c, exp.ColumnDef)]
            likes = [p.this for p in node.this.expressions if isinstance(p, exp.LikeProperty)]
            like = _table_ref(likes[0], frozenset()) if likes and isinstance(likes[0], exp.Table) else None
            if like is not None:
                return [SchemaChange("create_table", ref, tuple(_normal(c) for c in columns), line, like=like)]
        elif isinstance(node.expression, exp.Query):  # CREATE TABLE t AS SELECT: its named outputs
            columns = [n for n in node.expression.named_selects if n and n != "*"]
        else:  # CREATE TABLE t PARTITION OF p
            columns = []
        return [SchemaChange("create_table", ref, tuple(_normal(c) for c in columns), line)]
    if not (isinstance(node, exp.Alter) and kind == "TABLE"):
        return []
    edits: list[tuple[str, str]] = []
    for action in node.args.get("actions") or []:
        if isinstance(action, exp.AlterRename):  # Postgres allows no other action beside it
            return [SchemaChange("rename_table", ref, (), line, _normal(action.this.name))]
        if isinstance(action, exp.ColumnDef):
            edits.append(("add_column", action.name))
        elif isinstance(action, exp.Drop) and str(action.args.get("kind")).upper() == "COLUMN":
            edits += [("drop_column", c.name) for c in action.args.get("tables") or []]
        elif isinstance(action, exp.RenameColumn):  # to the catalog, a drop plus an add
            edits += [("drop_column", action.this.name), ("add_column", action.args["to"].name)]
    return _column_changes(ref, edits, line)


def _column_changes(ref: TableRef, edits: Iterable[tuple[str, str]], line: int) -> list[SchemaChange]:
    """One change per run of consecutive ADDs (or DROPs) in an ALTER TABLE."""
    changes: list[SchemaChange] = []
    for edit, column in edits:
        if changes and changes[-1].kind == edit:
            changes[-1] = SchemaChange(edit, ref, (*changes[-1].columns, _normal(column)), line)
        else:
            changes.append(SchemaChange(edit, ref, (_normal(column),), line))
    return changes


_CREATE_TABLE = (
    rf"create\s+(?:(?:global|local|temp|temporary|unlogged)\s+)*table\s+(?:if\s+not\s+exists\s+)?({_NAME})"
    r"(?:\s*\((.*))?"
)
_ALTER_TABLE = rf"alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?({_NAME})\s+(.*)"
_NOT_COLUMN = r"(?!(?:constraint|primary|foreign|unique|check|exclude|like)\b)"
_COLUMN_DEF = rf"\s*{_NOT_COLUMN}({_IDENT})\s+\S"
_ACTIONS = (
    ("add_column", rf"\s*add\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?{_NOT_COLUMN}({_IDENT})\s+\S"),
    ("drop_column", rf"\s*drop\s+(?:column\s+)?(?:if\s+exists\s+)?{_NOT_COLUMN}({_IDENT})"),
)


def _regex_changes(statement: str, line: int) -> list[SchemaChange]:
    """Fallback for a CREATE TABLE or ALTER TABLE ADD|DROP COLUMN that sqlglot cannot parse."""
    flat = _re(_LITERALS).sub(_blank, statement)
    create = _re(_CREATE_TABLE).match(flat)
    match = create or _re(_ALTER_TABLE).match(flat)
    ref = _dotted_ref(match.group(1)) if match else None
    if match is None or ref is None:
        return []
    # With inner groups flattened to '()', the first other ')' closes CREATE TABLE's column list.
    items = _re(r"(?<!\()\)").split(_flatten(match.group(2) or ""), maxsplit=1)[0].split(",")
    if create:
        columns = [m.group(1) for item in items if (m := _re(_COLUMN_DEF).match(item))]
        return [SchemaChange("create_table", ref, tuple(_normal(c) for c in columns), line)]
    edits = [(edit, m.group(1)) for item in items for edit, pattern in _ACTIONS if (m := _re(pattern).match(item))]
    return _column_changes(ref, edits, line)


def apply_change(catalog: dict[str, set[str]], change: SchemaChange) -> str | None:
    """Fold one change into ``catalog`` (table name -> columns); the name of the table it leaves
    created or altered, None when it removed one."""
    name = change.table.name
    if change.kind == "create_view":
        catalog[name] = set()
    elif change.kind in ("create_table", "add_column"):  # ADD COLUMN may name a table created elsewhere
        catalog.setdefault(name, set()).update(change.columns, catalog.get(change.like.name, ()) if change.like else ())
    elif change.kind == "drop_column":
        catalog.get(name, set()).difference_update(change.columns)
    elif change.kind == "drop_table":
        catalog.pop(name, None)
        return None
    elif change.kind == "rename_table" and change.new_name:
        catalog[change.new_name] = catalog.pop(name, set())
        return change.new_name
    return name


def apply_changes(changes: Iterable[SchemaChange]) -> dict[str, tuple[str, ...]]:
    """Fold changes, in order, into the final catalog: table name -> sorted columns."""
    catalog: dict[str, set[str]] = {}
    for change in changes:
        apply_change(catalog, change)
    return {name: tuple(sorted(catalog[name])) for name in sorted(catalog)}
