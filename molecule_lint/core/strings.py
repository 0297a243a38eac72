"""String building on resolved text: parts that are literal, or None for a hole (an unknown value)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from molecule_lint import formatting

Parts = tuple[str | None, ...]
HOLE_PARTS: Parts = (None,)


def merge(parts: Iterable[str | None]) -> Parts:
    """Adjacent literals joined, empty ones dropped, runs of holes made one."""
    out: list[str | None] = []
    for part in parts:
        if part == "":
            continue
        if out and (part is None) == (out[-1] is None):
            if part is not None:
                out[-1] = f"{out[-1]}{part}"
            continue
        out.append(part)
    return tuple(out)


def replace_all(parts: Parts, old: str, new: Parts) -> Parts:
    """`s.replace(old, new)` (Go's `strings.ReplaceAll`): each ``old`` in the literal parts becomes ``new``; a
    hole stays a hole (what it holds is unknown, so is whether it holds ``old``)."""
    out: list[str | None] = []
    for part in parts:
        if part is None:
            out.append(None)
            continue
        for number, piece in enumerate(part.split(old)):
            out.extend([*new, piece] if number else [piece])
    return merge(out)


def render(parts: Parts, hole: str = "{}") -> str:
    return "".join(hole if part is None else part for part in parts)


def percent_format(fmt: Parts, args: Sequence[Parts], keywords: Mapping[str, Parts]) -> Parts:
    """`fmt % args` (and Go's `Sprintf`): each conversion replaced by its argument, or a hole."""
    return formatting.percent_format(fmt, args, keywords, HOLE_PARTS, merge)


def brace_format(fmt: Parts, args: Sequence[Parts], keywords: Mapping[str, Parts]) -> Parts:
    """`fmt.format(*args, **keywords)`: each field replaced by its argument, or a hole."""
    return formatting.brace_format(fmt, args, keywords, HOLE_PARTS, merge)


# Jinja2: `{{ name }}` (attributes and filters after it ignored: `{{ table | upper }}` is the table's name),
# and the tags and comments, which print nothing (`{% if %}` keeps the text of every branch).
_JINJA = re.compile(r"\{\{-?\s*(?P<name>[A-Za-z_]\w*)[^}]*?-?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


# string.Template: `$name`, `${name}`, and `$$` for a "$".
_DOLLAR = re.compile(r"\$(?:(?P<name>[_a-zA-Z][_a-zA-Z0-9]*)|\{(?P<braced>[_a-zA-Z][_a-zA-Z0-9]*)\}|(?P<escaped>\$))")


def jinja_render(source: Parts, keywords: Mapping[str, Parts]) -> Parts:
    """`Template(source).render(**keywords)`: each `{{ name }}` replaced by its keyword, or a hole."""
    return _fill(source, _JINJA, lambda match: _named(match, keywords))


def dollar_substitute(source: Parts, keywords: Mapping[str, Parts]) -> Parts:
    """`string.Template(source).substitute(**keywords)`: each `$name` replaced by its keyword, or a hole."""
    return _fill(source, _DOLLAR, lambda match: _named(match, keywords))


def _named(match: re.Match[str], keywords: Mapping[str, Parts]) -> Parts:
    """What a jinja or string.Template field prints: its keyword (a hole when not given); a tag, nothing."""
    name = match.group("name") or match.groupdict().get("braced")
    if name is not None:
        return keywords.get(name, HOLE_PARTS)
    return ("$",) if match.groupdict().get("escaped") else ()


def _fill(source: Parts, fields: re.Pattern[str], printed: Callable[[re.Match[str]], Parts]) -> Parts:
    """``source`` with each match of ``fields`` replaced by what it prints."""
    out: list[str | None] = []
    for part in source:
        if part is None:
            out.append(part)
            continue
        last = 0
        for match in fields.finditer(part):
            out.append(part[last : match.start()])
            last = match.end()
            out.extend(printed(match))
        out.append(part[last:])
    return merge(out)


# Go's text/template: an action prints the data's field (`{{.Table}}`) or entry (`{{index . "table"}}`), a pipeline
# after it ignored; control actions and comments print nothing (`{{if}}` keeps every branch's text); any other
# action prints an unknown value.
_GO_ACTION = re.compile(r"\{\{-?\s*(?P<body>.*?)\s*-?\}\}", re.DOTALL)
_GO_FIELD = re.compile(r'(?:\.(?P<field>[A-Za-z_]\w*)|index\s+\.\s+"(?P<key>[^"\\]*)")(?:\s*\|.*)?', re.DOTALL)
_GO_OPENS = re.compile(r"(?:if|range|with|block|define)\b")  # actions an `{{end}}` closes
_GO_END = re.compile(r"end\b")
_GO_SILENT = re.compile(r"(?:/\*|(?:if|else|end|range|with|define|template|block|break|continue)\b)")


def go_template_fields(source: Parts) -> list[str]:
    """The fields and entries of the data a Go template prints."""
    found = (_GO_FIELD.fullmatch(m.group("body")) for part in source if part for m in _GO_ACTION.finditer(part))
    return list(dict.fromkeys(m.group("field") or m.group("key") for m in found if m))


def go_template_render(source: Parts, fields: Mapping[str, Parts]) -> Parts:
    """`t.Execute(w, data)` of a template parsed from ``source``: each action replaced by what it prints."""

    def printed(match: re.Match[str]) -> Parts:
        body = match.group("body")
        field = _GO_FIELD.fullmatch(body)
        if field is not None:
            return fields.get(field.group("field") or field.group("key"), HOLE_PARTS)
        return () if _GO_SILENT.match(body) else HOLE_PARTS

    return _fill(source, _GO_ACTION, printed)


def go_template_defined(source: Parts, name: str) -> Parts | None:
    """The body of `{{define "name"}}...{{end}}` (or `{{block "name" .}}`) in a Go template's source, its own
    actions kept; None when the source defines no template of that name."""
    opening = re.compile(rf'(?:define|block)\s+"{re.escape(name)}"')
    out: list[str | None] = []
    nesting = 0  # inside the definition: the actions opened and not yet ended, itself included
    for part in source:
        if part is None:
            out += [None] if nesting else []
            continue
        start = 0
        for match in _GO_ACTION.finditer(part):
            body = match.group("body")
            if not nesting:
                if opening.match(body):
                    nesting, start = 1, match.end()
                continue
            nesting += 1 if _GO_OPENS.match(body) else -1 if _GO_END.match(body) else 0
            if not nesting:
                return merge([*out, part[start : match.start()]])
        if nesting:
            out.append(part[start:])
    return None


def path_join(pieces: Sequence[Parts]) -> Parts:
    """Segments joined by exactly one "/" (`os.path.join`, `urljoin` of a path, `Path / "x"`)."""
    out: list[str | None] = []
    for number, parts in enumerate(pieces):
        piece = list(parts)
        if number and piece and isinstance(piece[0], str):
            piece[0] = piece[0].lstrip("/")
        if number < len(pieces) - 1 and piece and isinstance(piece[-1], str):
            piece[-1] = piece[-1].rstrip("/")
        if number:
            out.append("/")
        out.extend(piece)
    return merge(out)


def strip(parts: Parts, method: str, chars: str | None) -> Parts:
    """`.strip()`, `.lstrip()`, `.rstrip()` on the literal ends."""
    out = list(parts)
    if out and isinstance(out[0], str) and method in ("strip", "lstrip"):
        out[0] = out[0].lstrip(chars)
    if out and isinstance(out[-1], str) and method in ("strip", "rstrip"):
        out[-1] = out[-1].rstrip(chars)
    return merge(out)
