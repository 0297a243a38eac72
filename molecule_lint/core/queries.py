"""Aggregations written with an ORM or a query builder, recognised on the value-flow Summaries (so any
frontend that lowers its method chains the same way is covered): `Workspace.objects.count()`,
`M.objects.values("org_id").annotate(n=Count("id"))`, `select(func.count()).select_from(Org)`,
`session.query(func.sum(M.tokens)).group_by(M.org_id)`.

A query is one method chain, followed back through the unit's local bindings (`qs = M.objects.all()`
then `qs.count()`). What it means for orgs is said in the terms MOL201 uses for SQL: pinned to one org
(an org key or one entity's id compared with a value), grouped by an org key, or aggregated with no org
predicate. Nothing is executed; what cannot be read from the chain counts as not aggregating.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from molecule_lint.facts import (
    DJANGO_RELATIONS,
    Attr,
    Call,
    CallSite,
    Collection,
    Item,
    Lit,
    Location,
    OrmModel,
    Summary,
    Value,
    Var,
)

# Aggregate functions by their last name: Django's (`Count`, `Func(..., function="Count")`), SQLAlchemy's
# `func.count`, gorm's `Count`. Compared case-insensitively.
AGGREGATE_FUNCTIONS = frozenset(
    {"count", "sum", "avg", "max", "min", "stddev", "variance", "arrayagg", "stringagg", "jsonbagg", "array_agg"}
)
# Methods that aggregate the rows they are called on, whatever their arguments.
AGGREGATING_METHODS = frozenset({"count", "aggregate"})
# Methods whose arguments group the rows (Django's `values(...)` before an aggregating `annotate`).
GROUPING_METHODS = frozenset({"group_by", "groupby", "group"})
VALUES_METHODS = frozenset({"values", "values_list"})
# Methods (or builder functions) whose arguments name the rows' table: `select(M)`, `session.query(M.id)`,
# `select_from(T)`, gorm's `Model(&M{})`, `Table("t")`.
SOURCE_METHODS = frozenset({"select", "query", "select_from", "with_entities", "model", "table", "from"})
# Methods whose arguments restrict the rows.
FILTER_METHODS = frozenset({"filter", "filter_by", "where", "get"})
# The query API's own chain methods: a project method so named is no custom QuerySet method.
_QUERY_API = frozenset({"all", "objects", "exclude", "order_by", "annotate", "using", "distinct", "only", "defer",
                        "select_related", "prefetch_related", "none", "first", "last", "exists", "iterator"})  # fmt: skip
_SUBQUERIES = frozenset({"subquery", "exists"})
_CORRELATING = frozenset({"scalar_subquery", "as_scalar", "lateral", "correlate"})
# Lookups that compare with one value; any other (`in`, `gt`, `isnull`, ...) selects many.
_EQUALITY_LOOKUPS = frozenset({"exact", "iexact"})
_CHAIN_DEPTH = 12  # method calls and local bindings followed back from one call
Source = tuple[Value, OrmModel]  # a value of a chain whose model the core resolved, and that model


@dataclass(frozen=True, slots=True)
class Step:
    """One method call (or attribute) of a chain, outermost last."""

    name: str  # a method's name; a function's qualified name (`sqlalchemy.func.count`)
    args: tuple[Value, ...] = ()
    kwargs: tuple[tuple[str, Value], ...] = ()
    call: Value | None = None
    built_in: str = ""  # the function (as the judged file names it) whose returned query holds the step


@dataclass(frozen=True, slots=True)
class OrmAggregate:
    """A chain that aggregates a table: where, which model, and what it does with orgs."""

    loc: Location
    model: OrmModel
    grouped_by: str | None  # the org key it groups by (a correlated subquery per org counts as one)
    scoped: bool  # pinned to one org or one entity
    how: str  # in words, for the finding: "`count()`", "a `Subquery` per `workspace_id`"
    origin: Value | None  # the call that aggregates: a query built in steps is one finding
    built_in: str = ""  # the function that aggregates, when the judged unit runs one and goes on with its query


class Queries:
    """Finds the aggregating ORM chains of a unit. ``model_of(name)`` maps a qualified name to the model
    it names (re-exports resolved), or None; ``methods_of(name)`` gives the project's methods so named
    (custom QuerySet and Manager methods a chain may call: `M.objects.for_org(org).count()`);
    ``field_of(model, name)`` the value a model's class body gives a field, or None; ``registered(*names)``
    the model Django's app registry hands out for literal names (`apps.get_model("app", "Model")`), or None;
    ``function_of(name)`` the project function so named, whose returned query a caller may go on with."""

    def __init__(
        self,
        model_of: Callable[[str], OrmModel | None],
        org_keys: frozenset[str],
        methods_of: Callable[[str], Sequence[Summary]],
        field_of: Callable[[OrmModel, str], Value | None],
        registered: Callable[..., str | None],
        function_of: Callable[[str], Summary | None],
    ) -> None:
        self._model_of = model_of
        self._registered = registered
        self._function_of = function_of
        self.org_keys = org_keys
        self._methods_of = methods_of
        self._field_of = field_of
        self._method_pins: dict[tuple[str, str], bool] = {}
        self._splits: dict[str, tuple[OrmModel | None, tuple[str, ...]]] = {}  # each chain's steps ask again

    def aggregates(self, summary: Summary) -> Iterator[OrmAggregate]:
        inner = {site.func.base for site in summary.calls if isinstance(site.func, Attr)}
        for site in summary.calls:
            call = Call(site.func, site.args, site.kwargs)
            if call in inner:  # a link of a longer chain: the chain is judged at its end
                continue
            found = self._judge(site, summary)
            if found is not None:
                yield found

    def statement(self, summary: Summary, source: Value, model: OrmModel, line: int = 0) -> OrmAggregate | None:
        """How the statement built around ``source`` aggregates, ``model`` being the model the core resolved
        for that value (`select_from(self.model)`, `table(Tables.X)`, the `self.model` of
        `self.model.objects.count()`); the statements on ``line`` first (a repository used twice in a unit).
        None where a model is named in the chain itself: `aggregates` judges that one."""
        inner = {site.func.base for site in summary.calls if isinstance(site.func, Attr)}
        for site in sorted(summary.calls, key=lambda site: site.loc.line != line):
            call = Call(site.func, site.args, site.kwargs)
            if call in inner or self._chain(call, summary, site.loc.line)[1] is not None:
                continue
            found = self._judge(site, summary, (source, model))
            if found is not None:
                return found
        return None

    def _judge(self, site: CallSite, summary: Summary, source: Source | None = None) -> OrmAggregate | None:
        steps, model = self._chain(Call(site.func, site.args, site.kwargs), summary, site.loc.line, source)
        if model is None:
            return None
        aggregating = next((step for step in steps if _aggregating(step)), None)
        nested = self._nested(steps, summary, site.loc.line)
        if aggregating is None and nested is None or self._correlated_key(steps) is not None:
            return None  # (a correlated subquery is judged where an outer query uses it)
        scoped = self._pinned(steps, model) or self._pinned_source(steps, model, summary, site.loc.line)
        if nested is not None and not scoped:
            how = f"a `Subquery` per `{nested[1]}`"
            return OrmAggregate(site.loc, nested[0], nested[1], False, how, nested[2])
        if aggregating is None:
            return None
        how = f"`{aggregating.name.rsplit('.', 1)[-1]}()`"
        return OrmAggregate(site.loc, model, self._grouped_by(steps), scoped, how, aggregating.call, aggregating.built_in)

    # -- chains -------------------------------------------------------------

    def _chain(
        self, value: Value, summary: Summary, line: int, source: Source | None = None
    ) -> tuple[list[Step], OrmModel | None]:
        """The steps of a chain, outermost last, and the model it queries: a model at its root, else the
        first model named by a step that picks the rows (`select(func.count()).select_from(Org)`); with a
        ``source``, that value (at the root or in a step) is its model."""
        steps: list[Step] = []
        root: OrmModel | None = None
        helpers: list[tuple[int, str]] = []  # (steps found before, name): the functions whose queries it goes on with
        for _ in range(_CHAIN_DEPTH):
            value = _unwrap_subquery(value)
            if source is not None and value == source[0]:
                root = source[1]
                break
            if isinstance(value, Call) and _last(value.func) == "get_model":
                names = tuple(arg.value for arg in value.args if isinstance(arg, Lit) and isinstance(arg.value, str))
                qualified = self._registered(*names) if 0 < len(names) == len(value.args) <= 2 else None
                root = self._model_of(qualified) if qualified else None
                break
            if isinstance(value, Call) and isinstance(value.func, Attr):
                steps.append(Step(value.func.name, value.args, value.kwargs, value))
                value = value.func.base
            elif isinstance(value, Call) and (helper := self._helper(value, summary)) is not None:
                helpers.append((len(steps), helper[0]))
                summary = helper[1]
                value, line = summary.returns[0].value, summary.returns[0].line + 1
                continue  # the query a function or method builds and returns: `recent(day).count()`
            elif isinstance(value, Call) and isinstance(value.func, Var) and value.func.kind in ("self", "cls"):
                steps.append(Step(value.func.name, value.args, value.kwargs, value))  # a QuerySet method's `self.filter(...)`
                break
            elif isinstance(value, Call) and isinstance(value.func, Var) and value.func.kind == "global":
                root, names = self._split(value.func.name)
                called = names[-1] if root is not None else value.func.name  # a method, or a function
                steps += [Step(called, value.args, value.kwargs, value), *(Step(n) for n in reversed(names[:-1]))]
                break
            elif isinstance(value, Attr):
                steps.append(Step(value.name))
                value = value.base
            elif isinstance(value, Item) and isinstance(value.base, Call):  # `qs[:1]`, `qs[0]`: the same query's rows
                value = value.base
            elif isinstance(value, Var) and value.kind == "global":
                root, names = self._split(value.name)
                steps += [Step(n) for n in reversed(names)]
                break
            elif isinstance(value, Var) and value.kind == "local":
                bound = binding_before(summary, value.name, line)
                if bound is None:
                    break
                value, line = bound
            else:
                break
        for start, name in helpers:
            steps[start:] = [replace(step, built_in=name) for step in steps[start:]]
        steps.reverse()
        if root is None and source is not None and any(step.call is not None and _holds(step.call, source[0]) for step in steps):
            root = source[1]
        if root is None:  # a builder: the model is an argument of the step that names the rows
            sources = (step for step in steps if step.name.rsplit(".", 1)[-1].lower() in SOURCE_METHODS)
            root = next((m for step in sources for v in _values(step) for m in self._models_in(v, summary, line)), None)
        return steps, root

    def _helper(self, call: Call, summary: Summary) -> tuple[str, Summary] | None:
        """The project function (or method of the same class) a call runs, when it returns one value, and its
        name as ``function_of`` takes it."""
        func = call.func
        if not isinstance(func, Var) or func.kind == "param" or (func.kind == "global" and self._split(func.name)[0]):
            return None
        name = f"{summary.name.rpartition('.')[0]}.{func.name}" if func.kind in ("self", "cls") else func.name
        helper = self._function_of(name)
        return (name, helper) if helper is not None and helper.kind == "function" and len(helper.returns) == 1 else None

    def _split(self, name: str) -> tuple[OrmModel | None, tuple[str, ...]]:
        """`app.models.Org.objects.filter` -> (Org's model, ("objects", "filter")); no model: (None, (last,))."""
        if name not in self._splits:
            self._splits[name] = self._split_uncached(name)
        return self._splits[name]

    def _split_uncached(self, name: str) -> tuple[OrmModel | None, tuple[str, ...]]:
        parts = name.split(".")
        for end in range(len(parts), 0, -1):
            model = self._model_of(".".join(parts[:end]))
            if model is not None and model.name.rsplit(".", 1)[-1] == parts[end - 1]:  # not `M.objects` as M
                return model, tuple(parts[end:]) or ("",)
        return None, (parts[-1],)

    def _models_in(self, value: Value, summary: Summary | None = None, line: int = 0) -> Iterator[OrmModel]:
        """The models a value names; with the unit, also through a local it was bound to (`M = models.Memory`, a
        query `q = select(M.id)` a later `select_from(q.subquery())` counts)."""
        if isinstance(value, Var) and value.kind == "global":
            model, _ = self._split(value.name)
            if model is not None:
                yield model
        elif isinstance(value, Var) and value.kind == "local" and summary is not None:
            bound = binding_before(summary, value.name, line)
            if bound is not None and isinstance(bound[0], Var) and bound[0].kind == "global":
                yield from self._models_in(bound[0])
            elif bound is not None and isinstance(bound[0], Call):  # a query: `q = select(M.id).where(...)`
                queried = self._chain(bound[0], summary, bound[1])[1]
                if queried is not None:
                    yield queried
        elif isinstance(value, Call):
            for child in (value.func, *value.args, *(v for _, v in value.kwargs)):
                yield from self._models_in(child, summary, line)
        elif isinstance(value, Attr):
            yield from self._models_in(value.base, summary, line)

    # -- what a chain does ----------------------------------------------------

    def _nested(self, steps: list[Step], summary: Summary, line: int) -> tuple[OrmModel, str, Value] | None:
        """An aggregating subquery correlated per org that the chain annotates with:
        `Workspace.objects.annotate(n=Subquery(Project.objects.filter(workspace_id=OuterRef("id"))...))`."""
        for step in steps:
            if step.name != "annotate":
                continue
            for value in (sub for v in _values(step) for sub in _subqueries(v)):
                inner, model = self._chain(value, summary, line)
                key = self._correlated_key(inner)
                aggregating = next((s.call for s in inner if _aggregating(s)), None)
                if model is not None and key is not None and aggregating is not None:
                    return model, key, aggregating
        return None

    def _correlated_key(self, steps: list[Step]) -> str | None:
        """The org key an `OuterRef` filter correlates on: one result per org of the outer query."""
        for step in steps:
            if step.name in FILTER_METHODS:
                for key, value in step.kwargs:
                    if _is_call_of(value, "OuterRef") and self._is_org_field(_field(key)):
                        return _field(key)
        return None

    def _pinned(self, steps: list[Step], model: OrmModel | None) -> bool:
        """Restricted to one org or one entity: `filter(workspace=ws)`, `filter_by(org_id=x)`,
        `where(T.c.org_id == x)`, a `Q(...)` saying so, a custom QuerySet method that does."""
        correlated = _correlated(steps)
        return any(
            self._pins(key, value, model, correlated)
            for step in steps
            if step.name in FILTER_METHODS or step.name in AGGREGATING_METHODS  # a repository's `count(*criteria)`
            for key, value in _conditions(step)
        ) or any(
            self._custom_pins(step.name, model) for step in steps if _is_custom(step.name) or self._own(step.name, model)
        )

    def _pinned_source(self, steps: list[Step], model: OrmModel, summary: Summary, line: int) -> bool:
        """The rows come from a query of the model pinned to one org: `select(func.count()).select_from(
        select(M.id).where(M.org_id == o).subquery())`, or that subquery bound to a local first."""
        for step in steps:
            if step.name.rsplit(".", 1)[-1].lower() in SOURCE_METHODS:
                for value in _values(step):
                    inner, source = self._chain(value, summary, line)
                    if source == model and self._pinned(inner, source):
                        return True
        return False

    def _custom_pins(self, name: str, model: OrmModel | None) -> bool:
        """Every project method so named returns only queries pinned to one org (`return self.filter(org_id=o)`):
        the model's own class's methods where it has one (`User.all(org)` is User's `all`, whatever another
        model's `all` does), else every method of that name."""
        methods = self._methods_of(name)
        own = self._own(name, model)
        key = (name, model.name if own and model is not None else "")
        if key not in self._method_pins:
            self._method_pins[key] = False  # a method calling itself pins nothing by that
            self._method_pins[key] = bool(methods) and all(
                method.returns and all(self._pinned(*self._chain(ret.value, method, ret.line)) for ret in method.returns)
                for method in own or methods
            )
        return self._method_pins[key]

    def _own(self, name: str, model: OrmModel | None) -> list[Summary]:
        """The methods so named of the model's own class: `User.all(org)` is User's `all`, not the query API's."""
        owner = model.name.rsplit(".", 1)[-1] if model is not None else None
        return [method for method in self._methods_of(name) if method.name.rpartition(".")[0] == owner]

    def _pins(self, key: str, value: Value, model: OrmModel | None, correlated: bool = False) -> bool:
        fields = key.split("__")  # `workspace__id`: through a relation, to one entity
        one = any(self._is_org_field(f) or f in ("id", "pk") or f.endswith("_id") for f in fields)
        if _is_call_of(value, "OuterRef") or _is_call_of(value, "F") or any(self._models_in(value)):
            # compared with another column: a join, no one org; but a scalar subquery correlated on an entity
            # key (`where(Message.case_id == Case.id).scalar_subquery()`) reads one outer row's entity
            return one and correlated
        if one:
            return True
        if isinstance(value, Lit) or model is None:
            return False
        return self._relates_one(model, fields[:-1] if fields[-1] in _EQUALITY_LOOKUPS else fields)

    def _relates_one(self, model: OrmModel, fields: list[str]) -> bool:
        """Every field of the lookup is a relation followed from the model (`project`, `environment__project`),
        so the value is one related entity: one org's. A plain field (`status=s`) selects rows of every org."""
        for i, name in enumerate(fields):
            field = self._field_of(model, name)
            if not (isinstance(field, Call) and _last(field.func) in DJANGO_RELATIONS):
                return False
            if i == len(fields) - 1:
                return True
            target = self._related_model(field, model)
            if target is None:
                return False
            model = target
        return False

    def _related_model(self, field: Call, model: OrmModel) -> OrmModel | None:
        """The model a relation field points at (its first argument or `to=`): a class of the model's module
        (`Workspace`, `"Workspace"`, `"self"`), an imported one, or Django's `"app_label.Model"` of
        `app_label.models`."""
        target = field.args[0] if field.args else dict(field.kwargs).get("to")
        module = model.name.rpartition(".")[0]
        if isinstance(target, Var) and target.kind == "local":
            return self._model_of(f"{module}.{target.name}")
        if isinstance(target, Lit) and isinstance(target.value, str):
            label, _, name = target.value.rpartition(".")
            if name == "self":
                return model
            candidates = [f"{module}.{name}", *([f"{label}.models.{name}"] if label else [])]
            return next((m for m in map(self._model_of, candidates) if m is not None), None)
        return next(self._models_in(target), None) if target is not None else None

    def _grouped_by(self, steps: list[Step]) -> str | None:
        """The org key the rows are grouped by: `group_by(M.org_id)`, `values("org_id").annotate(...)`."""
        for i, step in enumerate(steps):
            grouping = step.name.lower() in GROUPING_METHODS or (
                step.name in VALUES_METHODS and any(later.name in ("annotate", "aggregate") for later in steps[i + 1 :])
            )
            if grouping:
                for value in step.args:
                    name = _column_name(value)
                    if name is not None and self._is_org_field(name):
                        return name
        return None

    def _is_org_field(self, name: str) -> bool:
        return name in self.org_keys or f"{name}_id" in self.org_keys


def _aggregating(step: Step) -> bool:
    """`.count()`, `.aggregate(...)`; `annotate`/`select`/`query` of an aggregate function."""
    name = step.name.lower()
    if name in AGGREGATING_METHODS:
        return True
    selects = name.rsplit(".", 1)[-1] in ("annotate", "select", "query", "with_entities")
    return selects and any(_is_aggregate_call(v) for v in _values(step))


def _is_custom(name: str) -> bool:
    lowered = name.lower()
    return not (
        lowered in _QUERY_API
        or lowered in FILTER_METHODS
        or lowered in AGGREGATING_METHODS
        or lowered in VALUES_METHODS
        or lowered in GROUPING_METHODS
        or lowered in SOURCE_METHODS
    )


def binding_before(summary: Summary, name: str, line: int) -> tuple[Value, int] | None:
    bound = [b for b in summary.bindings if b.name == name and b.line < line]
    if not bound:
        return None
    last = max(bound, key=lambda b: b.line)
    return last.value, last.line


def _correlated(steps: list[Step]) -> bool:
    """A SQLAlchemy statement made a correlated subquery: `.scalar_subquery()`, `.as_scalar()`, `.lateral()`,
    `.correlate(Outer)`; not with `.correlate(None)`, which makes it a query of its own."""
    names = {step.name for step in steps}
    uncorrelated = any(step.name == "correlate" and any(_is_none(v) for v in step.args) for step in steps)
    return bool(names & _CORRELATING) and not uncorrelated


def _is_none(value: Value) -> bool:
    return isinstance(value, Lit) and value.value is None


def _values(step: Step) -> tuple[Value, ...]:
    """The arguments, a list of columns by its elements (SQLAlchemy 1.x: `select([T.c.org_id, func.count()])`)."""
    args = (e for a in step.args for e in (a.values if isinstance(a, Collection) and a.kind in ("list", "tuple") else (a,)))
    return (*args, *(v for _, v in step.kwargs))


def _conditions(step: Step) -> Iterator[tuple[str, Value]]:
    """(lookup, value) pairs of a filter: keywords, `Q(...)` keywords, `left == right` comparisons, also
    inside `and_(...)` (every one holds)."""
    yield from step.kwargs
    for arg in step.args:
        yield from _comparisons(arg)


def _comparisons(arg: Value) -> Iterator[tuple[str, Value]]:
    if isinstance(arg, Call) and _last(arg.func) == "Q":
        yield from arg.kwargs
    elif isinstance(arg, Call) and _last(arg.func) == "and_":
        for part in arg.args:
            yield from _comparisons(part)
    elif isinstance(arg, Call) and isinstance(arg.func, Attr) and arg.func.name == "__eq__" and arg.args:
        column = _column_name(arg.func.base)
        if column is not None:
            yield column, arg.args[0]


def _field(lookup: str) -> str:
    """The field a Django lookup compares: `workspace__slug__iexact` -> "workspace"."""
    return lookup.split("__", 1)[0]


def _column_name(value: Value) -> str | None:
    """`"org_id"`, `F("org_id")`, `M.org_id`, `T.c.org_id`."""
    if isinstance(value, Lit) and isinstance(value.value, str):
        return _field(value.value)
    if isinstance(value, Call) and _last(value.func) == "F" and value.args:
        return _column_name(value.args[0])
    if isinstance(value, (Attr, Var)) and not (isinstance(value, Var) and value.kind in ("local", "param")):
        return _last(value)
    return None


def _is_aggregate_call(value: Value) -> bool:
    """`Count("id")`, `func.count(M.id)`, `Func(F("id"), function="Count")`, `Coalesce(Sum(...), 0)`."""
    if not isinstance(value, Call):
        return False
    name = (_last(value.func) or "").lower()
    if name in AGGREGATE_FUNCTIONS:
        return True
    function = dict(value.kwargs).get("function")
    if name == "func" and isinstance(function, Lit) and str(function.value).lower() in AGGREGATE_FUNCTIONS:
        return True
    if name in _SUBQUERIES:  # its own query: judged as one
        return False
    named = value.func.base if isinstance(value.func, Attr) else None  # `fn.COUNT(M.id).alias("n")`, `.label("n")`
    return any(_is_aggregate_call(v) for v in (named, *value.args, *(v for _, v in value.kwargs)) if v is not None)


def _holds(value: Value, part: Value) -> bool:
    """Is ``part`` the call, or among its arguments (`select_from(table(X))` holds `table(X)`)?"""
    return value == part or isinstance(value, Call) and any(_holds(v, part) for v in (*value.args, *(v for _, v in value.kwargs)))


def _subqueries(value: Value) -> Iterator[Value]:
    """The subqueries a value holds, also inside functions wrapping them (`Coalesce(Subquery(q), 0)`)."""
    if isinstance(value, Call) and (_last(value.func) or "").lower() not in _SUBQUERIES:
        for child in (*value.args, *(v for _, v in value.kwargs)):
            yield from _subqueries(child)
    else:  # a subquery, or a name that may be bound to one
        yield value


def _unwrap_subquery(value: Value) -> Value:
    if isinstance(value, Call) and (_last(value.func) or "").lower() in _SUBQUERIES and value.args:
        return value.args[0]
    return value


def _is_call_of(value: Value, name: str) -> bool:
    return isinstance(value, Call) and _last(value.func) == name


def _last(value: Value) -> str | None:
    if isinstance(value, Attr):
        return value.name
    return value.name.rsplit(".", 1)[-1] if isinstance(value, Var) else None
