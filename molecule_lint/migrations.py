"""Schema changes of a configured migration set: SQL files, Alembic, Django and yoyo migrations.

Python migrations are read with the standard library's `ast`, not through the
frontend: migration files are usually outside the set the frontend
parses (the prefilter keeps platform code and what it imports; no one imports
a tenant's migrations), they are few, and the catalog is built once per run,
so a second, cheap parse of just these files costs little. Nothing is
imported or executed: only literal arguments are read, or a module-level
string constant an argument names (`SQL = "..."` then `RunSQL(SQL)`).

Go migrations registered with goose (`goose.AddMigrationContext(up, down)`) are read with the Go
parser: the SQL literals of their up function (gomigrations.py).

Files run in path order, except Alembic revisions, which run in the order
their `down_revision` chain gives (their file names usually start with a
hash); SQL handed to `op.execute()`, `RunSQL` or yoyo's `step()` goes through the SQL module.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from molecule_lint.facts import DJANGO_RELATIONS
from molecule_lint.gomigrations import goose_changes
from molecule_lint.sql import SchemaChange, TableRef, schema_changes


@dataclass(frozen=True, slots=True)
class MigrationChange:
    """One schema change and the migration file it stands in (its line is the change's)."""

    path: str
    change: SchemaChange
    # A table created under a name given by a value the reader cannot read (`options={"db_table":
    # Tables.X}`, `op.create_table(tables.X, ...)`: a constant of another module): the change names the
    # default table (Django's) or the value as written; the core may resolve it.
    named_by_value: bool = False


@dataclass(frozen=True, slots=True)
class _Migration:
    path: str
    text: str
    tree: ast.Module | None  # None: a SQL file
    revision: str | None = None  # an Alembic revision id
    down: tuple[str, ...] = ()  # the revisions it follows
    read: Callable[[str], Iterable[SchemaChange]] = schema_changes  # the changes of a file with no tree


def read_migrations(
    paths: Iterable[str], read: Callable[[str], str | None]
) -> tuple[list[MigrationChange], list[str]]:
    """Every schema change the files make, in the order they run; and warnings about files not read."""
    warnings: list[str] = []
    migrations: list[_Migration] = []
    for path in sorted(paths):
        text = read(path)
        if text is None:
            continue
        if path.endswith(".go"):
            migrations.append(_Migration(path, text, None, read=goose_changes))
            continue
        if not path.endswith(".py"):
            if not _DOWN_FILE.search(path):
                migrations.append(_Migration(path, _up_section(text), None))
            continue
        try:
            tree = ast.parse(text, filename=path)
        except (SyntaxError, ValueError):  # ValueError: NUL bytes
            warnings.append(f"{path}: migration does not parse; its schema changes are ignored")
            continue
        migrations.append(_Migration(path, text, tree, *_revision(tree)))
    by_value: list[SchemaChange] = []  # creates whose table a value names that is not read here
    django = _Django(by_value)
    changes: list[MigrationChange] = []
    for migration in _run_order(migrations):
        if migration.tree is None:
            found: Iterable[SchemaChange] = migration.read(migration.text)
        else:
            found = _python_changes(migration.path, migration.tree, django, by_value)
        changes += [MigrationChange(migration.path, change, change in by_value) for change in found]
    return changes, warnings


# The rollback half of a SQL migration undoes the file: never read. golang-migrate and friends keep it
# in its own `NNN_name.down.sql`; goose (`-- +goose Down`), sql-migrate (`-- +migrate Down`) and dbmate
# (`-- migrate:down`) below a marker line in the same file.
_DOWN_FILE = re.compile(r"[._]down\.sql$", re.IGNORECASE)
_DOWN_MARKER = re.compile(r"^[ \t]*--[ \t]*(?:\+goose[ \t]+down|\+migrate[ \t]+down|migrate:down)\b", re.IGNORECASE | re.MULTILINE)


def _up_section(text: str) -> str:
    """The SQL a migration applies: the text above its down marker (lines keep their numbers)."""
    marker = _DOWN_MARKER.search(text)
    return text if marker is None else text[: marker.start()]


def _run_order(migrations: list[_Migration]) -> Iterator[_Migration]:
    """Path order, with the Alembic revisions (in the slots they take) ordered by their chain."""
    alembic = iter(_chain_order([m for m in migrations if m.revision is not None]))
    for migration in migrations:
        yield next(alembic) if migration.revision is not None else migration


def _chain_order(revisions: list[_Migration]) -> list[_Migration]:
    """Each revision after those it follows; ties by path, and a broken chain (a cycle) in path order."""
    known = {m.revision for m in revisions}
    placed: set[str | None] = set()
    remaining = list(revisions)
    ordered: list[_Migration] = []
    while remaining:
        ready = next((m for m in remaining if all(d in placed or d not in known for d in m.down)), remaining[0])
        remaining.remove(ready)
        placed.add(ready.revision)
        ordered.append(ready)
    return ordered


def _revision(tree: ast.Module) -> tuple[str | None, tuple[str, ...]]:
    """(revision, down revisions) from Alembic's module-level `revision = ...` / `down_revision = ...`."""
    values: dict[str, ast.expr] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            values[stmt.targets[0].id] = stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            values[stmt.target.id] = stmt.value
    revision = _string(values.get("revision"))
    down = values.get("down_revision")
    items = down.elts if isinstance(down, (ast.Tuple, ast.List)) else [down] if down is not None else []
    return revision, tuple(s for item in items if (s := _string(item)) is not None)


def _python_changes(path: str, tree: ast.Module, django: _Django, by_value: list[SchemaChange]) -> Iterator[SchemaChange]:
    constants = _string_constants(tree)
    upgrade = next((s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == "upgrade"), None)
    if upgrade is not None:  # downgrade() undoes it: never read
        yield from _alembic(upgrade, constants, by_value)
        return
    operations = _django_operations(tree)
    if operations is not None:
        yield from django.changes(_app_label(path), operations, constants)
    elif _imports(tree, "yoyo"):
        yield from _yoyo(tree, constants)


def _string_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level `NAME = "literal"` (bound once: a name assigned twice is not a constant)."""
    found: dict[str, str] = {}
    assigned: set[str] = set()
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            target, value = stmt.target, stmt.value
        else:
            continue
        if isinstance(target, ast.Name):
            text = _string(value)
            if text is not None and target.id not in assigned:
                found[target.id] = text
            else:
                found.pop(target.id, None)
            assigned.add(target.id)
    return found


# --- Alembic ---------------------------------------------------------------------


def _alembic(upgrade: ast.FunctionDef, constants: dict[str, str], by_value: list[SchemaChange]) -> Iterator[SchemaChange]:
    """`op.create_table(...)` and friends, and `with op.batch_alter_table("t") as b: b.add_column(...)`."""
    batches: dict[str, str] = {}  # batch variable -> its table
    calls: list[tuple[int, int, str, str, ast.Call]] = []  # (line, column, receiver, method, call)
    for node in ast.walk(upgrade):  # breadth first: sorted into source order below
        if isinstance(node, ast.With):
            for item in node.items:
                table = _batch_table(item.context_expr)
                if table is not None and isinstance(item.optional_vars, ast.Name):
                    batches[item.optional_vars.id] = table
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name):
                calls.append((node.lineno, node.col_offset, owner.id, node.func.attr, node))
    for _, _, receiver, method, call in sorted(calls, key=lambda c: c[:2]):
        if receiver == "op":
            yield from _spanning(_op(method, call, None, constants, by_value), call)
        elif receiver in batches:
            yield from _spanning(_op(method, call, batches[receiver], constants, by_value), call)


def _spanning(changes: list[SchemaChange], call: ast.Call) -> Iterator[SchemaChange]:
    """The changes, each spanning the call that makes it unless it has its own SQL statement's span."""
    for change in changes:
        yield change if change.end_line else replace(change, end_line=call.end_lineno or call.lineno)


def _batch_table(node: ast.expr) -> str | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "batch_alter_table":
        return _string(_arg(node, 0, "table_name"))
    return None


def _op(
    method: str, call: ast.Call, batch: str | None, constants: dict[str, str], by_value: list[SchemaChange]
) -> list[SchemaChange]:
    """One Alembic operation; in a batch the table is implied and the other arguments move up one."""
    line = call.lineno
    if method == "execute":
        return _sql_changes(_arg(call, 0, "sqltext"), line, constants)
    shift = 0 if batch is None else -1
    named = _arg(call, 0, "table_name")
    table = batch or _string(named) or (constants.get(named.id) if isinstance(named, ast.Name) else None)
    schema = _string(_keyword(call, "schema"))
    if method == "create_table" and batch is None and table is None and named is not None:
        # Named by a value of another module (`op.create_table(tables.X, ...)`): written as the value is,
        # never a table's identifier (the "@line" keeps two alike apart), until the core resolves it.
        created = _columns_change("create_table", TableRef(f"{ast.unparse(named)}@{line}", None), _columns(call), line)
        by_value.append(created)
        return [created]
    if table is None:
        return []
    ref = TableRef(table.lower(), schema.lower() if schema else None)
    if method == "create_table" and batch is None:
        return [_columns_change("create_table", ref, _columns(call), line)]
    if method == "drop_table" and batch is None:
        return [SchemaChange("drop_table", ref, (), line)]
    if method == "rename_table" and batch is None:
        new = _string(_arg(call, 1, "new_table_name"))
        return [SchemaChange("rename_table", ref, (), line, new.lower())] if new else []
    if method == "add_column":
        node = _arg(call, 1 + shift, "column")
        column = _column_name(node)
        return [_columns_change("add_column", ref, [(column, node)], line)] if column and node else []
    if method == "drop_column":
        column = _string(_arg(call, 1 + shift, "column_name"))
        return [SchemaChange("drop_column", ref, (column.lower(),), line)] if column else []
    if method == "alter_column":
        old, new = _string(_arg(call, 1 + shift, "column_name")), _string(_keyword(call, "new_column_name"))
        return _renamed_column(ref, old, new, line)
    return []


def _columns(create: ast.Call) -> list[tuple[str, ast.expr]]:
    return [(name, arg) for arg in create.args[1:] if (name := _column_name(arg)) is not None]


def _column_name(node: ast.expr | None) -> str | None:
    """The name of `sa.Column("name", ...)`."""
    if isinstance(node, ast.Call) and _callee(node) == "Column":
        name = _string(_arg(node, 0, "name"))
        return name.lower() if name else None
    return None


def _column_type(node: ast.expr) -> str:
    """The type of `sa.Column("n", sa.Text)` / `Column("n", String(50))`, or a Django field's class, lower case."""
    if isinstance(node, ast.Call) and _callee(node) == "Column":
        node = next(iter(node.args[1:2]), None) or _keyword(node, "type_") or node
        if isinstance(node, ast.Call) and _callee(node) == "Column":
            return ""
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr.lower()
    return node.id.lower() if isinstance(node, ast.Name) else ""


def _columns_change(kind: str, ref: TableRef, columns: list[tuple[str, ast.expr]], line: int) -> SchemaChange:
    """A change adding columns, each with its type and line from the expression defining it."""
    names = tuple(name for name, _ in columns)
    types = tuple(_column_type(node) for _, node in columns)
    return SchemaChange(kind, ref, names, line, types=types, column_lines=tuple(node.lineno for _, node in columns))


def _sql_changes(node: ast.expr | None, line: int, constants: dict[str, str]) -> list[SchemaChange]:
    """DDL in a literal or a module constant (also inside `sa.text(...)`); each change at its own line
    when the literal's lines are the SQL's, else at the call's (where a constant's SQL runs)."""
    if isinstance(node, ast.Call) and node.args:  # sa.text("...")
        node = node.args[0]
    named = isinstance(node, ast.Name)
    text = constants.get(node.id) if isinstance(node, ast.Name) else _string(node)
    if node is None or text is None:
        return []
    # A triple-quoted literal spans the lines its text does; an implicit concatenation does not.
    mapped = not named and node.end_lineno is not None and node.end_lineno - node.lineno == text.count("\n")
    return [
        replace(c, line=node.lineno + c.line - 1, end_line=node.lineno + c.end_line - 1, types=(), column_lines=())
        if mapped
        else replace(c, line=line, end_line=0, types=(), column_lines=())
        for c in schema_changes(text)
    ]


def _renamed_column(ref: TableRef, old: str | None, new: str | None, line: int) -> list[SchemaChange]:
    """A renamed column is, to the catalog, a drop plus an add."""
    if not old or not new:
        return []
    return [
        SchemaChange("drop_column", ref, (old.lower(),), line),
        SchemaChange("add_column", ref, (new.lower(),), line),
    ]


# --- yoyo ------------------------------------------------------------------------


def _imports(tree: ast.Module, package: str) -> bool:
    return any(
        isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == package
        or isinstance(node, ast.Import) and any(alias.name.split(".")[0] == package for alias in node.names)
        for node in tree.body
    )


def _yoyo(tree: ast.Module, constants: dict[str, str]) -> Iterator[SchemaChange]:
    """yoyo's `step("CREATE TABLE ...", "DROP TABLE ...")`: the SQL it applies (the rollback undoes it: never read)."""
    steps = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and _callee(node) == "step"]
    for call in sorted(steps, key=lambda c: (c.lineno, c.col_offset)):
        yield from _spanning(_sql_changes(_arg(call, 0, "apply"), call.lineno, constants), call)


# --- Django ----------------------------------------------------------------------


def _django_operations(tree: ast.Module) -> list[ast.expr] | None:
    """The `operations = [...]` of `class Migration`, or None when the file is no Django migration."""
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and node.name == "Migration"):
            continue
        for stmt in node.body:
            if (
                isinstance(stmt, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "operations" for t in stmt.targets)
                and isinstance(stmt.value, (ast.List, ast.Tuple))
            ):
                return list(stmt.value.elts)
    return None


def _app_label(path: str) -> str:
    """The folder above `migrations/`: Django's default app label."""
    parts = path.split("/")
    index = len(parts) - 1 - parts[::-1].index("migrations") if "migrations" in parts else 0
    return parts[index - 1].lower() if index > 0 else ""


class _Django:
    """Model tables and field columns, carried from one migration file to the next."""

    def __init__(self, named_by_value: list[SchemaChange]) -> None:
        self.tables: dict[tuple[str, str], str] = {}  # (app label, model name lower-case) -> table
        self.columns: dict[tuple[str, str], dict[str, str]] = {}  # ... -> field name -> column
        self.named_by_value = named_by_value  # creates whose `db_table` is not a string read here

    def changes(self, app: str, operations: list[ast.expr], constants: dict[str, str]) -> Iterator[SchemaChange]:
        for operation in operations:
            if isinstance(operation, ast.Call):
                yield from _spanning(self._operation(app, _callee(operation), operation, constants), operation)

    def table(self, app: str, model: str) -> str:
        return self.tables.get((app, model), _default_table(app, model))

    def _operation(self, app: str, kind: str | None, call: ast.Call, constants: dict[str, str]) -> list[SchemaChange]:
        line = call.lineno
        if kind == "RunSQL":
            statements = _sql_literals(_arg(call, 0, "sql"))
            return [c for statement in statements for c in _sql_changes(statement, line, constants)]
        keyword = _MODEL_ARGUMENT.get(kind or "")
        model = _string(_arg(call, 0, keyword)) if keyword else None
        if model is None:
            return []
        key = (app, model.lower())
        if kind == "CreateModel":
            return self._create(key, call)
        if kind in ("RenameModel", "AlterModelTable"):
            return self._rename(key, kind, call)
        ref = TableRef(self.table(*key), None)
        if kind == "DeleteModel":
            self.tables.pop(key, None)
            self.columns.pop(key, None)
            return [SchemaChange("drop_table", ref, (), line)]
        return self._field(kind, self.columns.setdefault(key, {}), ref, call)

    def _field(self, kind: str | None, fields: dict[str, str], ref: TableRef, call: ast.Call) -> list[SchemaChange]:
        """AddField, RemoveField, RenameField on the model whose fields -> columns are given."""
        line = call.lineno
        if kind == "AddField":
            name = _string(_arg(call, 1, "name"))
            column = _field_column(name, _arg(call, 2, "field")) if name else None
            if name is None or column is None:
                return []
            fields[name] = column
            field = _arg(call, 2, "field")
            return [_columns_change("add_column", ref, [(column, field or call)], line)]
        if kind == "RemoveField":
            name = _string(_arg(call, 1, "name"))
            column = fields.pop(name, name.lower()) if name else None
            return [SchemaChange("drop_column", ref, (column,), line)] if column else []
        old, new = _string(_arg(call, 1, "old_name")), _string(_arg(call, 2, "new_name"))  # RenameField
        if old is None or new is None:
            return []
        column = fields.pop(old, old.lower())
        renamed = {old.lower(): new.lower(), f"{old}_id".lower(): f"{new}_id".lower()}.get(column)
        fields[new] = renamed or column  # a field with its own db_column keeps it
        return _renamed_column(ref, column, renamed, line)

    def _create(self, key: tuple[str, str], call: ast.Call) -> list[SchemaChange]:
        options = _dict(_arg(call, 2, "options"))
        managed = options.get("managed")
        if isinstance(managed, ast.Constant) and managed.value is False:
            return []  # a model over a table something else manages
        named = _string(options.get("db_table"))
        table = named or _default_table(*key)
        self.tables[key] = table.lower()
        fields = self.columns[key] = {}
        defined: list[tuple[str, ast.expr]] = []
        for item in _elements(_arg(call, 1, "fields")):
            if isinstance(item, ast.Tuple) and len(item.elts) == 2 and (name := _string(item.elts[0])) is not None:
                column = _field_column(name, item.elts[1])
                if column is not None:
                    fields[name] = column
                    defined.append((column, item.elts[1]))
        created = _columns_change("create_table", TableRef(table.lower(), None), defined, call.lineno)
        if named is None and "db_table" in options:
            self.named_by_value.append(created)
        return [created]

    def _rename(self, key: tuple[str, str], kind: str, call: ast.Call) -> list[SchemaChange]:
        old_table = self.table(*key)
        if kind == "RenameModel":
            new_model = _string(_arg(call, 1, "new_name"))
            if new_model is None:
                return []
            new_key = (key[0], new_model.lower())
            explicit = old_table != _default_table(*key)  # a db_table stays when the model is renamed
            new_table = old_table if explicit else _default_table(*new_key)
            self.columns[new_key] = self.columns.pop(key, {})
            self.tables.pop(key, None)
        else:  # AlterModelTable(name, table): None restores the default
            new_key = key
            new_table = (_string(_arg(call, 1, "table")) or _default_table(*key)).lower()
        self.tables[new_key] = new_table
        if new_table == old_table:
            return []
        return [SchemaChange("rename_table", TableRef(old_table, None), (), call.lineno, new_table)]


# The operations read, and the keyword of their first argument: the model they change.
_MODEL_ARGUMENT = {
    "CreateModel": "name",
    "DeleteModel": "name",
    "RenameModel": "old_name",
    "AlterModelTable": "name",
    "AddField": "model_name",
    "RemoveField": "model_name",
    "RenameField": "model_name",
}


def _default_table(app: str, model: str) -> str:
    return f"{app}_{model}" if app else model


def _field_column(name: str, field: ast.expr | None) -> str | None:
    """The column a model field makes: `db_column`, `<name>_id` for a relation, none for a many-to-many."""
    if not isinstance(field, ast.Call):
        return name.lower()
    column = _string(_keyword(field, "db_column"))
    if column:
        return column.lower()
    kind = _callee(field)
    if kind == "ManyToManyField":
        return None  # a table of its own
    return f"{name}_id".lower() if kind in DJANGO_RELATIONS else name.lower()


def _sql_literals(node: ast.expr | None) -> list[ast.expr]:
    """RunSQL's `sql`: a string, or a list of strings and (sql, params) pairs."""
    if isinstance(node, (ast.List, ast.Tuple)):
        return [item.elts[0] if isinstance(item, (ast.List, ast.Tuple)) and item.elts else item for item in node.elts]
    return [node] if node is not None else []


# --- literal arguments -----------------------------------------------------------


def _callee(call: ast.Call) -> str | None:
    """The called name's last part: `migrations.CreateModel` -> "CreateModel"."""
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _arg(call: ast.Call, index: int, name: str) -> ast.expr | None:
    """A positional argument, or the same one passed by keyword."""
    if 0 <= index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return _keyword(call, name)


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _string(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _elements(node: ast.expr | None) -> list[ast.expr]:
    return list(node.elts) if isinstance(node, (ast.List, ast.Tuple)) else []


def _dict(node: ast.expr | None) -> dict[str, ast.expr]:
    if not isinstance(node, ast.Dict):
        return {}
    return {key: value for k, value in zip(node.keys, node.values) if (key := _string(k)) is not None}
