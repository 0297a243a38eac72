"""How code reads the request it serves, as data (molecule_lint/models/sources.yaml): what is a request,
its parts, the getters of one named value, body decoders, framework parameter declarations, and the
per-request state an org id may be kept in. MOL302's analysis (core/orgflow.py) asks it about the
values of the summaries; every answer is a lookup, none evaluates anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache
from importlib import resources
from typing import Any

from molecule_lint.facts import Attr, Call, Collection, Item, Lit, Param, Value, Var
from molecule_lint.yamlsource import load_yaml

# Containers that are the request or lead to its parts; any other container is a part (its kind: "header",
# "query", "path", "body", "cookie"), whose `[name]`, `.get(name)` or (a body's) attributes read one value.
REQUEST_KINDS = frozenset({"request", "framework", "fiber", "url", "stream", "decoder", "message"})
FIELDED_KINDS = frozenset({"body", "user", "claims"})  # parts whose attributes read one value: a body's, the user's fields
# The methods of a class-based view (Flask's MethodView, Flask-RESTX and Flask-Smorest resources) that serve a verb.
HTTP_HANDLERS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
_NOT_MODELS = frozenset({"Optional", "Annotated", "UUID"})  # annotations of a route parameter that is no body


@dataclass(frozen=True, slots=True)
class RequestModel:
    requests: tuple[dict[str, str], ...]
    parts: dict[str, dict[str, str]]
    calls: dict[str, dict[str, str]]
    reads: dict[str, dict[str, str]]
    lookups: frozenset[str]
    values: dict[str, dict[str, str]]
    functions: tuple[dict[str, Any], ...]
    decoders: dict[str, frozenset[str]]
    parameters: dict[str, str]
    dependencies: frozenset[str]
    url_kwargs: tuple[str, ...]
    messages: tuple[str, ...]
    job_lists: dict[str, Any]  # {attributes, marker, context}: worker settings classes' lists of jobs
    consumers: tuple[dict[str, Any], ...]
    view_bases: tuple[str, ...]
    view_methods: frozenset[str]
    url_confs: dict[str, int]
    state: tuple[dict[str, Any], ...]
    alias_returns: frozenset[str]
    keyed_getters: frozenset[str]  # the methods reading a value back by its key (`ctx.Value(key)`)

    def parameter_kind(self, param: Param) -> str | None:
        """The container a parameter is by its declared type or its name (`r *http.Request`, `request`)."""
        declared = param.annotation if param.annotation is not None else param.default
        if isinstance(declared, Call):  # Go: a parameter of a struct type is its zero value
            declared = declared.func
        type_name = _type_name(declared)
        by_type = self._type_kind(type_name)
        if by_type is not None:
            return by_type
        named = (r for r in self.requests if r.get("name") == param.name)
        return next((r["is"] for r in named if type_name is None or type_name.endswith("Request")), None)

    def zero_value_kind(self, value: Value) -> str | None:
        """The container a Go function literal's parameter is, lowered as its type's zero value
        (`func(w http.ResponseWriter, r *http.Request)`: `r` is `Call(net/http.Request)`)."""
        if not isinstance(value, Call) or value.args or value.kwargs:
            return None
        return self._type_kind(_type_name(value.func))

    def _type_kind(self, type_name: str | None) -> str | None:
        typed = (r for r in self.requests if "type" in r and type_name and fnmatchcase(type_name, r["type"]))
        return next((r["is"] for r in typed), None)

    def declared(self, param: Param) -> tuple[str, str, Value | None] | None:
        """(kind, name, None) of a FastAPI `Header()`/`Query()`/... parameter (its default or in `Annotated`);
        ("return", "", the function given) of a `Depends(fn)` one."""
        candidates = [param.default] if param.default is not None else []
        annotation = param.annotation
        if isinstance(annotation, Item) and isinstance(annotation.key, Collection):  # `Annotated[str, Header()]`
            candidates += annotation.key.values[1:]
        for candidate in candidates:
            func = candidate.func if isinstance(candidate, Call) else None
            if not isinstance(func, Var) or func.kind != "global" or not isinstance(candidate, Call):
                continue
            declared = func.name
            if declared in self.parameters:
                alias = next((v for k, v in candidate.kwargs if k in ("alias", "validation_alias")), None)
                name = alias.value if isinstance(alias, Lit) and isinstance(alias.value, str) else param.name
                return self.parameters[declared], name, None
            if declared in self.dependencies and candidate.args:
                return "return", "", candidate.args[0]
        return None

    def takes_url_kwargs(self, decorators: tuple[str, ...]) -> bool:
        """Is a method so decorated given the URL's kwargs (a DRF `@action`)?"""
        return any(fnmatchcase(name, pattern) for name in decorators for pattern in self.url_kwargs)

    def consumer_packages(self) -> frozenset[str]:
        """The top-level packages the consumer classes are in ("aiokafka")."""
        return frozenset(str(rule["type"]).split(".")[0].rstrip("*") for rule in self.consumers)

    def consumed(self, cls: str, method: str | None) -> str | None:
        """The part a broker consumer of a library class gives: each record a loop over it gets (``method``
        None), or what the method returns."""
        for rule in self.consumers:
            if fnmatchcase(cls, rule["type"]):
                return rule.get("each") if method is None else rule.get("calls", {}).get(method)
        return None

    def runs_messages(self, decorators: tuple[str, ...]) -> bool:
        """Is a function so decorated run by a task queue or broker with a message's contents as arguments?"""
        return any(fnmatchcase(name, pattern) for name in decorators for pattern in self.messages)

    def is_view(self, library_base: str) -> bool:
        """Is a library class one of class-based views (whose handler methods take the URL's kwargs)?"""
        return any(fnmatchcase(library_base, pattern) for pattern in self.view_bases)

    def global_container(self, name: str) -> str | None:
        """`flask.request`, and `flask.request.headers` (the lowering makes one qualified name of it)."""
        for rule in self.requests:
            root = rule.get("global")
            if root is not None and (name == root or name.startswith(f"{root}.")):
                found: str | None = rule["is"]
                for attr in name[len(root) + 1 :].split(".") if name != root else ():
                    found = self.parts.get(found or "", {}).get(attr)
                return found
        return None

    def field_container(self, name: str) -> str | None:
        """`self.request` of a class-based view."""
        return next((r["is"] for r in self.requests if r.get("field") == name), None)

    def part(self, container: str, attr: str) -> str | None:
        return self.parts.get(container, {}).get(attr)

    def value_kind(self, container: str, attr: str) -> str | None:
        """The kind of the one value an attribute (or argument-less method) of a container is (`request.host`)."""
        return self.values.get(container, {}).get(attr)

    def call_part(self, container: str, method: str) -> str | None:
        return self.calls.get(container, {}).get(method)

    def read_kind(self, container: str, method: str) -> str | None:
        """The kind of value a method reads by name (its first argument) from a container, else None."""
        kind = self.reads.get(container, {}).get(method)
        if kind is None and container not in REQUEST_KINDS and method in self.lookups:
            return container
        return kind

    def function_part(self, name: str) -> str | None:
        """The part a library function given the request returns (`mux.Vars(r)`)."""
        found = (f for f in self.functions if "part" in f and _given_request(f) and fnmatchcase(name, f["call"]))
        return next((str(f["part"]) for f in found), None)

    def method_part(self, func: Attr) -> str | None:
        """The part a class's method given a part returns, the class one of the file (`Job.model_validate(body)`)."""
        name = _type_name(func)
        return self.function_part(name) if name is not None else None

    def current_part(self, name: str, result: int | None = None) -> str | None:
        """The part of the request being served a library function returns (its ``result``-th result of
        several, else its value), given nothing or any context (`get_jwt()`, `jwtauth.FromContext(ctx)`)."""
        found = (f for f in self.functions if f.get("current") and fnmatchcase(name, f["call"]))
        return next((str(f["part"]) for f in found if f.get("result") == result), None)

    def token_part(self, name: str) -> tuple[int, str] | None:
        """(the argument holding the token, the part) of a library function decoding a request's token
        into the claims it returns (`jwt.decode(token, key)`)."""
        found = (f for f in self.functions if "token" in f and "into" not in f and fnmatchcase(name, f["call"]))
        return next(((int(f["token"]), str(f["part"])) for f in found), None)

    def token_into(self, name: str) -> tuple[int, int, str] | None:
        """(the argument holding the token, the one decoded into, the part) of a library function decoding a
        request's token into a variable it is given (`jwt.ParseWithClaims(raw, claims, keyFunc)`)."""
        found = (f for f in self.functions if "into" in f and fnmatchcase(name, f["call"]))
        return next(((int(f["token"]), int(f["into"]), str(f["part"])) for f in found), None)

    def function_read(self, name: str) -> tuple[int, str] | None:
        """(the argument naming it, the kind) of a library function reading one value (`chi.URLParam(r, "org")`)."""
        found = (f for f in self.functions if "read" in f and fnmatchcase(name, f["call"]))
        return next(((int(f["arg"]), str(f["read"])) for f in found), None)

    def decoder_names(self) -> frozenset[str]:
        return frozenset().union(*self.decoders.values())

    def decodes(self, container: str, method: str) -> bool:
        return method in self.decoders.get(container, ())

    def state_rule(self, cls: str) -> dict[str, str] | None:
        """The model of per-request state a library class is (`threading.local`, `contextvars.ContextVar`)."""
        return next((r for r in self.state if "type" in r and fnmatchcase(cls, r["type"])), None)

    def state_global(self, name: str) -> str | None:
        """The library global of per-request state a qualified name is or is an attribute of (Flask's `g`:
        `flask.g`, `flask.g.org_id`), else None."""
        found = (str(r["global"]) for r in self.state if "global" in r)
        return next((g for g in found if name == g or name.startswith(f"{g}.")), None)

    def keyed_store(self, name: str) -> dict[str, Any] | None:
        """The model of a library call storing a value under a key (`context.WithValue`), else None."""
        return next((r for r in self.state if r.get("call") == name), None)

    def is_body_model(self, annotation: Value | None) -> bool:
        """A class a route handler's body is parsed into (`payload: CreateWorkspace`), not `str` or `int | None`."""
        name = _type_name(annotation)
        last = name.rpartition(".")[2] if name else ""
        return last[:1].isupper() and last not in _NOT_MODELS


@cache
def request_model() -> RequestModel:
    """molecule_lint/models/sources.yaml, loaded once."""
    text = resources.files("molecule_lint").joinpath("models/sources.yaml").read_text(encoding="utf-8")
    data = load_yaml(text).value
    return RequestModel(
        tuple(data["requests"]), data["parts"], data["calls"], data["reads"], frozenset(data["lookups"]),
        data["values"],
        tuple(data["functions"]), {k: frozenset(v) for k, v in data["decoders"].items()}, data["parameters"],
        frozenset(data["dependencies"]), tuple(data["url_kwargs"]), tuple(data["messages"]), data["job_lists"],
        tuple(data["consumers"]),
        tuple(data["views"]["bases"]),
        frozenset(data["views"]["methods"]), data["url_confs"], tuple(data["state"]), frozenset(data["alias_returns"]),
        frozenset(str(r["get"]) for r in data["state"] if "call" in r),
    )  # fmt: skip


def _type_name(declared: Value | None, depth: int = 8) -> str | None:
    """A declared type's qualified name ("net/http.Request"), ".Name" for one the file does not import."""
    if isinstance(declared, Var):
        return declared.name if declared.kind == "global" else f".{declared.name}"
    if isinstance(declared, Attr) and depth > 0:
        base = _type_name(declared.base, depth - 1)
        return f"{base}.{declared.name}" if base else None
    return None


def _given_request(function: dict[str, Any]) -> bool:
    """A library function model that is given the request (or a part of it), not a token or nothing."""
    return "token" not in function and not function.get("current")
