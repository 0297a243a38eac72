"""What a top-level class declares: an ORM model and its table, a pydantic settings
class and the env vars it reads, the HTTP/Redis clients its methods keep on `self`.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from molecule_lint.facts import EnvRead, OrmModel, Template
from molecule_lint.frontends.python import calls
from molecule_lint.frontends.python.names import arguments, dotted, join, last_name, unstarred
from molecule_lint.modules import django_app_label

if TYPE_CHECKING:
    from molecule_lint.frontends.python.walker import Walker

_DJANGO_MODEL = frozenset({"django.db.models.Model", "django.db.models.base.Model"})
_SETTINGS = frozenset(
    {"pydantic_settings.BaseSettings", "pydantic_settings.main.BaseSettings", "pydantic.BaseSettings",
     "pydantic.v1.BaseSettings", "pydantic.env_settings.BaseSettings"}
)
_FIELD_ALIASES = ("validation_alias", "alias", "env")
# Models whose inner `Meta` names the table (else the lowered class name): Peewee's `table_name` (`db_table`
# before 3.0), Tortoise's `table`.
_META_MODELS = {
    "peewee.Model": ("peewee", ("table_name", "db_table")),
    "tortoise.models.Model": ("tortoise", ("table",)),
    "tortoise.Model": ("tortoise", ("table",)),
}

_PICCOLO_TABLES = frozenset({"piccolo.table.Table", "piccolo.Table"})
_PICCOLO = ("piccolo", ())


@dataclass
class _Body:
    """The class body's statements that matter, by kind."""

    assigns: dict[str, ast.expr] = field(default_factory=dict)  # NAME = value (annotated or not)
    annotated: list[ast.AnnAssign] = field(default_factory=list)
    inner: dict[str, ast.ClassDef] = field(default_factory=dict)
    methods: list[ast.FunctionDef | ast.AsyncFunctionDef] = field(default_factory=list)


def analyse(w: Walker, node: ast.ClassDef) -> None:
    body = _body(node)
    qualified = join(w.module, node.name)
    bases = [q for base in node.bases if (q := w.qualify(unstarred(base))) is not None]
    _sqlalchemy_model(w, node, qualified, body) or _django_model(w, node, qualified, bases, body) or _piccolo_model(
        w, node, qualified, bases
    ) or _meta_model(w, node, qualified, bases, body)
    _settings(w, qualified, bases, body)
    w.class_fields[qualified] = body.annotated
    _self_clients(w, body.methods)


def table_variable(w: Walker, name: str, value: ast.expr) -> None:
    """Module-level `users = Table("users", metadata, ...)`: a model named by the variable."""
    call = _table_call(w, value)
    # `Table` needs its metadata beside the name; `table("x")` may come without columns
    if call is None or len(call.args) + len(call.keywords) < (2 if last_name(call.func) == "Table" else 1):
        return
    first = _first_value(call)
    table = w.literal_of(first)
    table_from = (w.qualify(first) or "") if table is None else ""  # `Table(names.SCHEDULES, metadata)`
    if table or table_from:
        qualified = join(w.module, name)
        w.table_vars.add(qualified)
        w.emit(OrmModel, call, name=qualified, table=table or "", framework="sqlalchemy", table_from=table_from)


def _body(node: ast.ClassDef) -> _Body:
    body = _Body()
    for stmt in node.body:
        if isinstance(stmt, ast.ClassDef):
            body.inner[stmt.name] = stmt
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body.methods.append(stmt)
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if isinstance(target, ast.Name):
                body.assigns[target.id] = stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            body.annotated.append(stmt)
            if stmt.value is not None:
                body.assigns[stmt.target.id] = stmt.value
    return body


def _sqlalchemy_model(w: Walker, node: ast.ClassDef, qualified: str, body: _Body) -> bool:
    """`__tablename__ = "x"`, `__table__ = Table("x", ...)`, SQLModel's `table=True` (table: the lowered name)."""
    named = body.assigns.get("__tablename__")
    table = w.literal_of(named)
    if named is not None and table is None:  # `__tablename__ = Tables.MEMORIES.value`: resolved when linked
        w.emit(OrmModel, node, name=qualified, table="", framework="sqlalchemy", table_from=f"{qualified}.__tablename__")
        return True
    declared = _table_call(w, body.assigns.get("__table__"))
    if table is None and declared is not None and (declared.args or declared.keywords):
        table = w.literal_of(_first_value(declared))
    if table is None and any(k.arg == "table" and _is_true(k.value) for k in node.keywords):
        table = node.name.lower()
    if table is None and _flask_sqlalchemy_model(w, node, body):
        table = _snake_case(node.name)
    if table is None:
        return False
    w.emit(OrmModel, node, name=qualified, table=table, framework="sqlalchemy")
    return True


def _flask_sqlalchemy_model(w: Walker, node: ast.ClassDef, body: _Body) -> bool:
    """A Flask-SQLAlchemy `db.Model` subclass with a primary key of its own: the library names its table
    after the class (a subclass without one shares its parent's table)."""
    return any(_is_db_model(w, base) for base in node.bases) and any(
        isinstance(value, ast.Call) and any(k.arg == "primary_key" and _is_true(k.value) for k in value.keywords)
        for value in body.assigns.values()
    )


def _is_db_model(w: Walker, base: ast.expr) -> bool:
    if not isinstance(base, ast.Attribute) or base.attr != "Model":
        return False
    return last_name(base.value) == "db" or (w.qualify(base) or "").startswith("flask_sqlalchemy.")


# Flask-SQLAlchemy's `camel_to_snake_case`: `ActivityLog` -> `activity_log`, `HTTPRequest` -> `http_request`.
_WORD_START = re.compile(r"((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))")


def _snake_case(name: str) -> str:
    return _WORD_START.sub(r"_\1", name).lower().lstrip("_")


def _django_model(w: Walker, node: ast.ClassDef, qualified: str, bases: list[str], body: _Body) -> bool:
    """A subclass of models.Model (or of a model of this file), or a class declaring Django fields."""
    if not (
        any(b in _DJANGO_MODEL or b in w.django_models for b in bases)
        or any(
            isinstance(v, ast.Call) and (w.qualify(v.func) or "").startswith("django.db.models.")
            for v in body.assigns.values()
        )
    ):
        return False
    inner = body.inner.get("Meta")
    meta = _body(inner).assigns if inner is not None else {}
    if _is_true(meta.get("abstract")):
        w.django_models[qualified] = None  # not a table, but its subclasses are models
        if "db_table" in meta:
            w.abstract_tables.add(qualified)
        return True
    table = w.literal_of(meta.get("db_table"))
    # `db_table = tables.MEMORIES`: a value from elsewhere, resolved when linked
    table_from = f"{qualified}.Meta.db_table" if table is None and "db_table" in meta else ""
    if _is_true(meta.get("proxy")):
        table = table or next((t for b in bases if (t := w.django_models.get(b))), None)  # the parent's table
    if table is None and not table_from:
        label = w.literal_of(meta.get("app_label")) or django_app_label(w.module)
        table = f"{label}_{node.name.lower()}"
        if _inherits_meta(w, inner, bases, body):  # then the core's answer, if it has one, wins over the default
            table_from = f"{qualified}.Meta.db_table"
    w.django_models[qualified] = table or ""
    w.emit(OrmModel, node, name=qualified, table=table or "", framework="django", table_from=table_from)
    return True


def _inherits_meta(w: Walker, inner: ast.ClassDef | None, bases: list[str], body: _Body) -> bool:
    """May the model's Meta get a `db_table` from elsewhere: a Meta deriving from another class (`class
    Meta(TenantMeta)`), a Meta bound to one (`Meta = TenantMeta`), or no Meta under an abstract parent of
    this file whose Meta names one (a child inherits that Meta)?"""
    if inner is not None:
        return bool(inner.bases)
    return "Meta" in body.assigns or any(b in w.abstract_tables for b in bases)


def _piccolo_model(w: Walker, node: ast.ClassDef, qualified: str, bases: list[str]) -> bool:
    """A Piccolo table: a subclass of `piccolo.table.Table` (or of one of this file) whose class keyword
    names its table, `class Band(Table, tablename="bands")`, else the library snake-cases the class name."""
    if not any(b in _PICCOLO_TABLES or w.meta_models.get(b) == _PICCOLO for b in bases):
        return False
    w.meta_models[qualified] = _PICCOLO
    named = next((k.value for k in node.keywords if k.arg == "tablename"), None)
    table = _snake_case(node.name) if named is None else w.literal_of(named)
    table_from = (w.qualify(named) or "") if named is not None and table is None else ""  # `tablename=names.X`
    w.emit(OrmModel, node, name=qualified, table=table or "", framework="piccolo", table_from=table_from)
    return True


def _meta_model(w: Walker, node: ast.ClassDef, qualified: str, bases: list[str], body: _Body) -> bool:
    """A Peewee or Tortoise model: a subclass of the library's `Model` or of a model of this file, or any
    class whose `Meta` says `table_name` (Peewee's own word)."""
    meta = _body(body.inner["Meta"]).assigns if "Meta" in body.inner else {}
    kind = next((w.meta_models[b] for b in bases if b in w.meta_models), None)
    kind = kind or next((_META_MODELS[b] for b in bases if b in _META_MODELS), None)
    if kind is None and "table_name" in meta:
        kind = _META_MODELS["peewee.Model"]
    if kind is None:
        return False
    w.meta_models[qualified] = kind
    if _is_true(meta.get("abstract")):
        return True
    framework, keys = kind
    key = next((k for k in keys if k in meta), None)
    table = w.literal_of(meta[key]) if key else node.name.lower()
    table_from = f"{qualified}.Meta.{key}" if table is None else ""
    w.emit(OrmModel, node, name=qualified, table=table or "", framework=framework, table_from=table_from)
    return True


def _settings(w: Walker, qualified: str, bases: list[str], body: _Body) -> None:
    """pydantic BaseSettings: every field is read from the env var named after it."""
    parent = next((b for b in bases if b in _SETTINGS or b in w.settings), None)
    if parent is None:
        return
    prefix, case_sensitive, delimiter = _settings_config(w, body, w.settings.get(parent, ("", False, "")))
    w.settings[qualified] = (prefix, case_sensitive, delimiter)
    for field_node in body.annotated:
        assert isinstance(field_node.target, ast.Name)
        name = field_node.target.id
        if name == "model_config" or name.startswith("_") or _is_class_var(field_node.annotation):
            continue
        names, default = _field_env(w, field_node.value, prefix + name)
        if delimiter:
            names += _nested_env(w, field_node.annotation, names[0] + delimiter, delimiter, set())
        for env in names:
            w.emit(EnvRead, field_node, scope=w.scope, name=(env if case_sensitive else env.upper(),), default=default)


def _nested_env(w: Walker, annotation: ast.expr, prefix: str, delimiter: str, seen: set[str]) -> list[str]:
    """With `env_nested_delimiter="__"`, a field typed as a model of this file is also read from one variable
    per field of that model, recursively: `db: DbSettings` whose `tenant: TenantDb` has `url` reads
    `APP_DB__TENANT__URL`. Reported at the settings field, which is where the settings object reads them."""
    model = w.qualify(annotation)
    if model is None or model in seen or model not in w.class_fields:
        return []
    names: list[str] = []
    for field_node in w.class_fields[model]:
        assert isinstance(field_node.target, ast.Name)
        name = prefix + field_node.target.id
        if not _is_class_var(field_node.annotation):
            names += [name, *_nested_env(w, field_node.annotation, name + delimiter, delimiter, seen | {model})]
    return names


def _settings_config(w: Walker, body: _Body, inherited: tuple[str, bool, str]) -> tuple[str, bool, str]:
    """env_prefix, case_sensitive and env_nested_delimiter from `model_config = SettingsConfigDict(...)` or
    `class Config:`."""
    options: dict[str, ast.expr] = {}
    config = body.assigns.get("model_config")
    if isinstance(config, ast.Call):
        options.update((k.arg, k.value) for k in config.keywords if k.arg is not None)
    elif isinstance(config, ast.Dict):
        for key_node, value in zip(config.keys, config.values):
            if key_node is not None and (key := w.literal_of(key_node)) is not None:
                options[key] = value
    if "Config" in body.inner:
        options.update(_body(body.inner["Config"]).assigns)
    prefix = w.literal_of(options["env_prefix"]) if "env_prefix" in options else None
    sensitive = _is_true(options["case_sensitive"]) if "case_sensitive" in options else inherited[1]
    delimiter = w.literal_of(options["env_nested_delimiter"]) if "env_nested_delimiter" in options else None
    return (prefix if prefix is not None else inherited[0]), sensitive, (delimiter or inherited[2])


def _field_env(w: Walker, value: ast.expr | None, default_name: str) -> tuple[list[str], Template | None]:
    """The env names a field is read from (its aliases, else prefix + name) and its default."""
    if not (isinstance(value, ast.Call) and last_name(value.func) == "Field"):
        return [default_name], (w.value_of(value) if value is not None else None)
    names: list[str] = []
    for keyword in value.keywords:
        if keyword.arg in _FIELD_ALIASES and not names:
            names = _alias_names(w, keyword.value)
    default = next((k.value for k in value.keywords if k.arg == "default"), None)
    first = calls.first_argument(value)
    if default is None and first is not None and first.keyword is None and first.star != "**":
        default = first.value
    ellipsis = isinstance(default, ast.Constant) and default.value is Ellipsis
    default_text = w.value_of(default) if default is not None and not ellipsis else None
    return names or [default_name], default_text


def _alias_names(w: Walker, value: ast.expr) -> list[str]:
    """"X", ["X", "Y"] (pydantic v1 env=), AliasChoices("X", "Y")."""
    if isinstance(value, ast.Call) and last_name(value.func) == "AliasChoices":
        items = [a.value for a in arguments(value)]
    elif isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        items = [unstarred(e) for e in value.elts]
    else:
        items = [value]
    return [text for item in items if (text := w.literal_of(item))]


def _self_clients(w: Walker, methods: list[ast.FunctionDef | ast.AsyncFunctionDef]) -> None:
    """`self.x = httpx.Client(...)` in any method, so that `self.x.get(...)` in an earlier one is known."""
    for method in methods:
        if not w.parsed.starts_line(method.body[0]):  # `def f(self): ...` on one line
            continue
        for stmt in method.body:
            if not (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call)):
                continue
            for attribute in stmt.targets:
                if isinstance(attribute, ast.Attribute) and dotted(attribute.value) == "self":
                    tracked = calls.constructed(w, stmt.value)
                    if tracked is not None:
                        w.self_attrs[attribute.attr] = tracked


def _is_true(value: ast.expr | None) -> bool:
    return isinstance(value, ast.Constant) and value.value is True


def _is_class_var(annotation: ast.expr) -> bool:
    if isinstance(annotation, ast.Subscript):
        annotation = annotation.value
    return (dotted(annotation) or "").endswith("ClassVar")


def _first_value(call: ast.Call) -> ast.expr:
    first = calls.first_argument(call)
    assert first is not None
    return first.value


def _table_call(w: Walker, value: ast.expr | None) -> ast.Call | None:
    """SQLAlchemy's `Table(...)` (also Flask-SQLAlchemy's `db.Table`) and its lightweight `table("x",
    column(...))`, not any class or function of those names."""
    if not isinstance(value, ast.Call) or last_name(value.func) not in ("Table", "table"):
        return None
    qualified = w.qualify(value.func) or ""
    if last_name(value.func) == "table":
        return value if qualified.split(".")[0] == "sqlalchemy" else None
    receiver = last_name(value.func.value) if isinstance(value.func, ast.Attribute) else None
    return value if qualified.split(".")[0] in ("sqlalchemy", "sqlmodel") or receiver == "db" else None
