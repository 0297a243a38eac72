"""What a piece of SQL reads, writes, filters and aggregates; what a migration changes.

Frontends hand us string literals and templates rendered with ``__hole_N__``
for the parts they could not resolve. sqlglot (Postgres dialect) does the
parsing; it is imported lazily because it costs ~100 ms and most runs of a
pre-commit hook see few SQL strings. A hole in a name becomes ``*``: a table
named only by a hole is unknown and omitted, ``__hole_0__.memories`` is
``TableRef("memories", "*")`` and ``memories___hole_1__`` is the glob
``memories_*``.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlglot import exp


@dataclass(frozen=True, slots=True)
class TableRef:
    name: str  # lower-case, unquoted
    schema: str | None  # lower-case; "*" when a hole


@dataclass(frozen=True, slots=True)
class SqlAnalysis:
    reads: tuple[TableRef, ...]
    writes: tuple[TableRef, ...]
    org_filtered: tuple[str, ...]  # columns compared (=, IN) to a parameter, literal or hole
    group_by: tuple[str, ...]  # GROUP BY and PARTITION BY columns, unqualified
    aggregates: bool
    union_schemas: tuple[str, ...]  # per-org schemas that UNION branches read one table from
    confidence: str  # "parsed" | "scanned" (regex fallback)


@dataclass(frozen=True, slots=True)
class SchemaChange:
    kind: str  # create_table | add_column | drop_column | create_view | drop_table | rename_table
    table: TableRef
    columns: tuple[str, ...]
    line: int
    new_name: str | None = None


# --- looks_like_sql: a few regexes, no sqlglot --------------------------------

_FLAGS = re.IGNORECASE | re.DOTALL
_HOLE = re.compile(r"__hole_\d+__")
_IDENT = r'(?:"[^"]+"|[a-z_][\w$]*)'
_NAME = rf"{_IDENT}(?:\s*\.\s*{_IDENT}){{0,2}}"
_PARAM = r"(?:%s|%\(\)s|\$\d+|:[a-z_]\w*|\?|__hole_\d+__)"
_START = re.compile(
    r"(?:\s|--[^\n]*|/\*.*?\*/|\()*"
    r"(select|with|insert|update|delete|create|alter|drop|truncate|copy|merge|upsert|replace)\b",
    _FLAGS,
)
# String literals ('..', E'..', $tag$..$tag$) and comments; strings become '' so
# a table name or an English word inside one never counts.
_LITERALS = re.compile(
    r"--[^\n]*|/\*.*?\*/|(?<!\w)[eE]'(?:[^'\\]|\\.|'')*'|'[^']*(?:''[^']*)*'"
    r"|(?<![\w$])\$([a-z_]\w*|)\$.*?\$\1\$",
    _FLAGS,
)
_INNER_PARENS = re.compile(r"\([^()]*\)")
# Log messages and UI text that happen to start with a keyword.
_PROSE = re.compile(
    r"[.!:]\s*$|\b(?:the|your|our|their|please|failed|unable|cannot|successfully)\b", _FLAGS
)
_BARE_WORDS = re.compile(r"[a-z]+(?:\s+[a-z]+)+", _FLAGS)
_SQL_WORDS = re.compile(r"\b(?:as|case|distinct|all|over)\b", _FLAGS)
_FROM = re.compile(r"\bfrom\b", _FLAGS)
_CLAUSE = (
    r"(?:where|join|inner|left|right|full|cross|natural|group|order|limit|offset|having"
    r"|union|intersect|except|for|window|on|using|returning|fetch|tablesample|__hole_\d+__)\b"
)
_SELECT_FROM = re.compile(
    rf"select\s+(?P<list>\S.*?)\s*\bfrom\s+(?:only\s+)?(?:{_NAME}(?:\(\))?|\(\))"
    rf"(?:\s+(?:as\s+)?{_IDENT}(?:\s*\(\))?)?\s*(?:$|[;,)]|{_CLAUSE})",
    _FLAGS,
)
_ITEM = (
    rf"(?:(?:not\s+)?exists\s*\(\)|{_NAME}\(\)|\d+(?:\.\d+)?|''|\(\)|{_PARAM}|true|false|null)"
    rf"(?:\s*::\s*{_NAME}(?:\(\))?(?:\[\])?)?(?:\s+(?:as\s+)?{_IDENT})?"
)
_SELECT_ONLY = re.compile(rf"select\s+{_ITEM}(?:\s*,\s*{_ITEM})*\s*;?\s*$", _FLAGS)
_ALIAS = rf"(?:\s+(?:as\s+)?{_IDENT})?"
_KIND = (
    r"(?:table|view|materialized\s+view|index|sequence|schema|type|function|procedure|trigger"
    r"|extension|database|role|user|policy|domain|aggregate|rule|publication|foreign\s+table)"
)
_STATEMENTS = {
    "with": rf"with\s+(?:recursive\s+)?{_IDENT}\s*(?:\(\)\s*)?as\s+(?:not\s+)?(?:materialized\s+)?\(\)"
    r".*\b(?:select|insert|update|delete|merge)\b",
    "insert": rf"(?:insert|upsert|replace)\s+into\s+{_NAME}(?:\s+as\s+{_IDENT})?\s*"
    r"(?:\(\)|(?:values|select|with|default|overriding|__hole_\d+__)\b)",
    "update": rf"update\s+(?:only\s+)?{_NAME}{_ALIAS}\s+set\s+(?:\(\)|{_NAME}\s*=|__hole_\d+__)",
    "delete": rf"delete\s+from\s+(?:only\s+)?{_NAME}"
    rf"(?:\s*(?:$|;|\))|{_ALIAS}\s+(?:where|using|returning|__hole_\d+__)\b)",
    "create": r"create\s+(?:or\s+replace\s+)?(?:(?:global|local|temp|temporary|unlogged|unique"
    rf"|materialized|recursive|constraint|trusted)\s+)*{_KIND}\s+(?:concurrently\s+)?"
    rf"(?:if\s+not\s+exists\s+)?(?:on\b|{_NAME}\s*(?:\(\)|$|;|(?:as|on|of|with|partition|like"
    r"|inherits|returns|using|for|before|after|instead|authorization|increment|start|owned"
    r"|from|to|language|cache|__hole_\d+__)\b))",
    "alter": rf"alter\s+{_KIND}\s+(?:if\s+exists\s+)?(?:only\s+)?{_NAME}(?:\s*\(\))?\s+"
    r"(?:add|drop|alter|rename|set|reset|owner|attach|detach|enable|disable|validate|inherit"
    r"|no|cluster|replica|of|not|force|with|__hole_\d+__)\b",
    "drop": rf"drop\s+{_KIND}\s+(?:concurrently\s+)?(?:if\s+exists\s+)?{_NAME}(?:\s*\(\))?"
    rf"(?:\s*,\s*{_NAME}(?:\s*\(\))?)*\s*(?:$|;|(?:cascade|restrict|on)\b)",
    "truncate": rf"truncate\s+(?:table\s+)?(?:only\s+)?{_NAME}(?:\s*,\s*{_NAME})*\s*"
    r"(?:$|;|(?:restart|continue|cascade|restrict)\b)",
    "copy": rf"copy\s+(?:{_NAME}\s*(?:\(\)\s*)?|\(\)\s*)(?:from|to)\s+"
    rf"(?:stdin|stdout|''|program|{_PARAM})",
    "merge": rf"merge\s+into\s+{_NAME}{_ALIAS}\s+using\b",
}
_STATEMENT_RES = {k: re.compile(v, _FLAGS) for k, v in _STATEMENTS.items()}
_STATEMENT_RES.update(upsert=_STATEMENT_RES["insert"], replace=_STATEMENT_RES["insert"])


def _blank(match: re.Match[str]) -> str:
    return " " if match.group().startswith(("-", "/")) else "''"


def _flatten(text: str) -> str:
    """Strings to '', comments to ' ', every parenthesised group to '()'."""
    text = _LITERALS.sub(_blank, text)
    while True:  # innermost groups first; \x01 keeps the outer regex from re-matching them
        reduced = _INNER_PARENS.sub("\x01", text)
        if reduced == text:
            return text.replace("\x01", "()")
        text = reduced


def looks_like_sql(text: str) -> bool:
    """True when ``text`` is a SQL statement rather than prose that starts with a keyword."""
    start = _START.match(text)
    if start is None or start.group(1).istitle():  # "Select a workspace", "Delete failed"
        return False
    keyword = start.group(1).lower()
    flat = _flatten(text[start.start(1) :])
    if _PROSE.search(flat):
        return False
    if keyword != "select":
        return _STATEMENT_RES[keyword].match(flat) is not None
    if not _FROM.search(flat):
        return _SELECT_ONLY.match(flat) is not None  # SELECT 1, SELECT pg_advisory_lock(%s)
    match = _SELECT_FROM.match(flat)
    if match is None:
        return False
    columns = match.group("list")  # "a workspace" is English, "id", "count() n" are SQL
    return not (_BARE_WORDS.fullmatch(columns) and not _SQL_WORDS.search(columns))


# --- analyze_sql -------------------------------------------------------------


def analyze_sql(text: str, *, known_sql: bool = False) -> SqlAnalysis | None:
    """Analyse ``text``; None when it does not look like SQL (``known_sql`` skips that check,
    for strings handed to ``execute()``). Never raises."""
    if not known_sql and not looks_like_sql(text):
        return None  # checked before the cache so prose does not evict SQL from it
    return _analyze(text)


@functools.cache
def _sqlglot_loaded() -> None:
    # Unsupported statements (DO, VACUUM, ...) become Commands with a logged
    # warning; a linter must not print them.
    logging.getLogger("sqlglot").setLevel(logging.ERROR)


def _parse(text: str) -> list[exp.Expr | None] | None:
    import sqlglot
    from sqlglot.errors import SqlglotError

    _sqlglot_loaded()
    try:
        return sqlglot.parse(text, read="postgres")
    except (SqlglotError, RecursionError):
        return None


@functools.lru_cache(maxsize=4096)
def _analyze(text: str) -> SqlAnalysis:
    from sqlglot import exp

    statements = _parse(text)
    if statements is None:
        scanned_reads, scanned_writes = _scan_tables(text)
        return SqlAnalysis(_sorted(scanned_reads), _sorted(scanned_writes), (), (), False, (), "scanned")
    reads: set[TableRef] = set()
    writes: set[TableRef] = set()
    org: set[str] = set()
    groups: set[str] = set()
    unions: set[str] = set()
    aggregates = scanned = False
    for stmt in statements:
        if stmt is None:
            continue
        if isinstance(stmt, exp.Command):  # DO, EXPLAIN, VACUUM...: unknown to sqlglot
            more_reads, more_writes = _scan_tables(stmt.sql(dialect="postgres"))
            reads |= more_reads
            writes |= more_writes
            scanned = True
            continue
        ctes = frozenset(cte.alias.lower() for cte in stmt.find_all(exp.CTE))
        targets, ignored = _write_targets(stmt)
        for table in stmt.find_all(exp.Table):
            ref = _table_ref(table, ctes)
            if ref is not None and id(table) not in ignored:
                (writes if id(table) in targets else reads).add(ref)
        org.update(_org_filtered(stmt))
        for group in stmt.find_all(exp.Group):
            groups.update(_group_columns(group))
        for window in stmt.find_all(exp.Window):
            for part in window.args.get("partition_by") or []:
                groups.update(c.name.lower() for c in part.find_all(exp.Column))
        aggregates = aggregates or any(_is_aggregate(node) for node in stmt.walk())
        for union in stmt.find_all(exp.Union):
            unions.update(_union_schemas(union, ctes))
    return SqlAnalysis(
        _sorted(reads),
        _sorted(writes),
        tuple(sorted(org)),
        tuple(sorted(groups)),
        aggregates,
        tuple(sorted(unions)),
        "scanned" if scanned else "parsed",
    )


def _sorted(refs: set[TableRef]) -> tuple[TableRef, ...]:
    return tuple(sorted(refs, key=lambda r: (r.name, r.schema or "")))


def _normal(identifier: str) -> str:
    return _HOLE.sub("*", identifier.strip('"').lower())


def _ref(name: str, schema: str | None) -> TableRef | None:
    name = _normal(name)
    if not name or not name.strip("*_"):  # the name is only holes: unknown table
        return None
    return TableRef(name, _normal(schema) if schema else None)


def _table_ref(table: exp.Table, ctes: frozenset[str]) -> TableRef | None:
    from sqlglot import exp

    if not isinstance(table.this, exp.Identifier):  # FROM generate_series(...), unnest(...)
        return None
    if not table.db and table.name.lower() in ctes:
        return None
    return _ref(table.name, table.db or None)


def _write_targets(stmt: exp.Expr) -> tuple[set[int], set[int]]:
    """ids of the Table nodes a statement writes, and of names that are not tables."""
    from sqlglot import exp

    targets: set[int] = set()
    ignored: set[int] = set()
    kinds = (exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Copy, exp.TruncateTable, exp.Create, exp.Alter, exp.Drop, exp.Comment)
    for node in stmt.find_all(*kinds):
        if isinstance(node, exp.Copy) and not node.args.get("kind"):
            continue  # COPY t TO ... reads t
        if isinstance(node, exp.Drop):
            # DROP INDEX idx, ALTER TABLE t DROP CONSTRAINT c: not table names
            bucket = targets if str(node.args.get("kind")).upper() in ("TABLE", "VIEW") else ignored
            bucket.update(id(t) for t in node.args.get("tables") or [])
            continue
        nodes = node.expressions if isinstance(node, exp.TruncateTable) else [node.this]
        for target in nodes:
            if isinstance(target, exp.Schema):  # INSERT INTO t (cols), CREATE TABLE t (...)
                target = target.this
            if isinstance(target, exp.Index):  # CREATE INDEX i ON t
                target = target.args.get("table")
            if isinstance(target, exp.Table):
                targets.add(id(target))
    return targets, ignored


def _is_value(node: exp.Expr | None) -> bool:
    """A parameter, literal or hole, possibly cast, parenthesised or wrapped in ANY()."""
    from sqlglot import exp

    while isinstance(node, (exp.Cast, exp.Paren, exp.Any)):
        node = node.this
    if isinstance(node, exp.Column):
        return not node.table and _HOLE.fullmatch(node.name) is not None
    return isinstance(node, (exp.Placeholder, exp.Parameter, exp.Literal))


def _org_filtered(stmt: exp.Expr) -> Iterator[str]:
    from sqlglot import exp

    for clause in stmt.find_all(exp.Where, exp.Having, exp.Join):
        condition = clause.args.get("on") if isinstance(clause, exp.Join) else clause.this
        if condition is None:
            continue
        for cmp in condition.find_all(exp.EQ, exp.In):
            if isinstance(cmp, exp.In):
                values = cmp.expressions or [cmp.args.get("field")]
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


def _is_aggregate(node: exp.Expr) -> bool:
    from sqlglot import exp

    if isinstance(node, exp.Anonymous):  # jsonb_agg, xmlagg, every: unknown to sqlglot
        name = node.name.lower()
        return name.endswith("agg") or name == "every"
    return isinstance(node, (exp.AggFunc, exp.Window))


def _union_schemas(union: exp.Union, ctes: frozenset[str]) -> set[str]:
    """Schemas of one table name read by two or more branches from different schemas."""
    from sqlglot import exp

    stack: list[exp.Expr] = [union]
    per_name: dict[str, list[set[str]]] = {}
    while stack:  # iterative: generated UNION ALL chains can be very long
        node = stack.pop()
        if isinstance(node, exp.Union):
            stack += [node.this, node.expression]
            continue
        branch: dict[str, set[str]] = {}
        for table in node.find_all(exp.Table):
            ref = _table_ref(table, ctes)
            if ref is not None and ref.schema is not None:
                branch.setdefault(ref.name, set()).add(ref.schema)
        for name, schemas in branch.items():
            per_name.setdefault(name, []).append(schemas)
    found: set[str] = set()
    for branches in per_name.values():
        schemas = set().union(*branches)
        if len(branches) > 1 and len(schemas) > 1:
            found |= schemas
    return found


_SCAN = re.compile(
    rf"\b(delete\s+from|from|join|into|update|table)\s+(?:only\s+)?(?:if\s+(?:not\s+)?exists\s+)?"
    rf"({_NAME})(?![\w$.\"])(\s*\()?",
    _FLAGS,
)
_NAME_PART = re.compile(_IDENT, _FLAGS)
# Words that follow FROM/INTO/UPDATE/TABLE without being tables: FOR UPDATE SKIP
# LOCKED, DO UPDATE SET, SELECT INTO STRICT, FROM LATERAL.
_NOT_TABLES = frozenset({"set", "skip", "nowait", "of", "select", "lateral", "values", "strict", "where", "on", "using", "as"})


def _dotted_ref(text: str) -> TableRef | None:
    parts = _NAME_PART.findall(text)  # [catalog.][schema.]name
    return _ref(parts[-1], parts[-2] if len(parts) > 1 else None)


def _scan_tables(text: str) -> tuple[set[TableRef], set[TableRef]]:
    """Regex fallback: tables after FROM/JOIN (reads) and INTO/UPDATE/TABLE/DELETE FROM (writes)."""
    reads: set[TableRef] = set()
    writes: set[TableRef] = set()
    for match in _SCAN.finditer(_LITERALS.sub(_blank, text)):
        reading = match.group(1).lower() in ("from", "join")
        ref = _dotted_ref(match.group(2))
        if ref is None or ref.name in _NOT_TABLES or (reading and match.group(3)):
            continue  # FROM unnest(...) is a function; INTO t (a, b) a column list
        (reads if reading else writes).add(ref)
    return reads, writes


# --- schema_changes ------------------------------------------------------------

_SPLIT = re.compile(
    r"--[^\n]*|/\*.*?\*/|(?<!\w)[eE]'(?:[^'\\]|\\.|'')*'|'[^']*(?:''[^']*)*'|\"[^\"]*\""
    r"|(?<![\w$])\$([a-z_]\w*)?\$|;",
    _FLAGS,
)
_NON_SPACE = re.compile(r"\S")
_DDL = re.compile(
    r"(?:create\s+(?:or\s+replace\s+)?(?:(?:global|local|temp|temporary|unlogged|materialized|recursive)\s+)*"
    r"(?:table|view)|alter\s+table|drop\s+(?:materialized\s+)?(?:table|view))\b",
    _FLAGS,
)


def _statements(text: str) -> Iterator[tuple[int, str]]:
    """(1-based start line, text) of each ';'-separated statement, respecting
    quotes, $$ bodies and comments."""
    pos = 0
    start: int | None = None
    line, counted = 1, 0
    while True:
        token = _SPLIT.search(text, pos)
        end = token.start() if token else len(text)
        if start is None and (first := _NON_SPACE.search(text, pos, end)):
            start = first.start()
        if token is None or token.group() == ";":
            if start is not None:
                line += text.count("\n", counted, start)
                counted = start
                yield line, text[start:end]
            if token is None:
                return
            start, pos = None, token.end()
            continue
        if token.group().startswith(("--", "/*")):
            pos = token.end()
            continue
        if start is None:
            start = token.start()
        pos = token.end()
        if token.group().startswith("$"):  # skip to the closing $tag$ of a dollar-quoted body
            close = text.find(token.group(), pos)
            pos = len(text) if close < 0 else close + len(token.group())


def schema_changes(text: str) -> tuple[SchemaChange, ...]:
    """Tables, columns and views created, added, dropped or renamed by a migration."""
    from sqlglot import exp

    changes: list[SchemaChange] = []
    for line, statement in _statements(text):
        if not _DDL.match(statement):
            continue  # DO blocks, functions, indexes, COMMENT ON, INSERT...
        parsed = _parse(statement)
        node = parsed[0] if parsed else None
        if node is None or isinstance(node, exp.Command):
            changes += _regex_changes(statement, line)
        else:
            changes += _parsed_changes(node, line)
    return tuple(changes)


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
        elif isinstance(action, exp.RenameColumn):  # a rename is a drop plus an add
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


_CREATE_TABLE = re.compile(
    rf"create\s+(?:(?:global|local|temp|temporary|unlogged)\s+)*table\s+(?:if\s+not\s+exists\s+)?({_NAME})(?:\s*\((.*))?", _FLAGS
)
_ALTER_TABLE = re.compile(rf"alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?({_NAME})\s+(.*)", _FLAGS)
_NOT_COLUMNS = r"(?:constraint|primary|foreign|unique|check|exclude|like)\b"
_COLUMN_DEF = re.compile(rf"\s*(?!{_NOT_COLUMNS})({_IDENT})\s+\S", _FLAGS)
_ACTIONS = (
    ("add_column", re.compile(rf"\s*add\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?(?!{_NOT_COLUMNS})({_IDENT})\s+\S", _FLAGS)),
    ("drop_column", re.compile(rf"\s*drop\s+(?:column\s+)?(?:if\s+exists\s+)?(?!{_NOT_COLUMNS})({_IDENT})", _FLAGS)),
)


def _top_level_items(text: str) -> list[str]:
    """Split on commas outside parentheses, up to an unmatched ')'."""
    items: list[str] = []
    depth = start = 0
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return [*items, text[start:i]]
            depth -= 1
        elif char == "," and depth == 0:
            items.append(text[start:i])
            start = i + 1
    return [*items, text[start:]]


def _regex_changes(statement: str, line: int) -> list[SchemaChange]:
    """Fallback for CREATE TABLE / ALTER TABLE ADD|DROP COLUMN that sqlglot cannot parse."""
    flat = _LITERALS.sub(_blank, statement)
    create = _CREATE_TABLE.match(flat)
    match = create or _ALTER_TABLE.match(flat)
    ref = _dotted_ref(match.group(1)) if match else None
    if match is None or ref is None:
        return []
    items = _top_level_items(match.group(2) or "")  # CREATE TABLE t OF type: no column list
    if create:
        columns = [m.group(1) for item in items if (m := _COLUMN_DEF.match(item))]
        return [SchemaChange("create_table", ref, tuple(_normal(c) for c in columns), line)]
    edits = [(edit, m.group(1)) for item in items for edit, pattern in _ACTIONS if (m := pattern.match(item))]
    return _column_changes(ref, edits, line)


def apply_changes(changes: Iterable[SchemaChange]) -> dict[str, tuple[str, ...]]:
    """Fold changes in order into the final catalog: table name -> sorted columns."""
    catalog: dict[str, set[str]] = {}
    for change in changes:
        name = change.table.name
        if change.kind == "create_view":
            catalog[name] = set()
        elif change.kind in ("create_table", "add_column"):  # ADD COLUMN may target a table created elsewhere
            catalog.setdefault(name, set()).update(change.columns)
        elif change.kind == "drop_column":
            catalog.get(name, set()).difference_update(change.columns)
        elif change.kind == "drop_table":
            catalog.pop(name, None)
        elif change.kind == "rename_table" and change.new_name:
            catalog[change.new_name] = catalog.pop(name, set())
    return {name: tuple(sorted(catalog[name])) for name in sorted(catalog)}
