"""String literals and formatting, turned into Templates (literal parts and Refs).

Name resolution is the walker's business: these functions take the
templates of arguments already built.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from molecule_lint import formatting
from molecule_lint.facts import Ref, Template
from molecule_lint.facts import merge_template as merge

HOLE: Template = (Ref(None),)


def render(template: Template) -> str:
    """The text ``looks_like_sql`` sees: each hole a distinct identifier, as molecule_lint.sql expects."""
    if len(template) == 1 and type(template[0]) is str:  # a plain literal, most strings
        return template[0]
    holes = iter(range(len(template)))
    return "".join(part if isinstance(part, str) else f"__hole_{next(holes)}__" for part in template)


def literal(template: Template | None) -> str | None:
    """The text of a template that has no holes, else None."""
    if template is None or not all(isinstance(part, str) for part in template):
        return None
    return "".join(part for part in template if isinstance(part, str))


def string_value(value: str | bytes) -> str:
    """The text of a string literal; bytes are read as UTF-8."""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def percent_format(fmt: Template, args: Sequence[Template] | None, keywords: Mapping[str, Template]) -> Template:
    """`fmt % args`: each conversion replaced by its argument's template, or a hole when unknown."""
    return formatting.percent_format(fmt, args or (), keywords, HOLE, merge)


def brace_format(fmt: Template, args: Sequence[Template], keywords: Mapping[str, Template]) -> Template:
    """`fmt.format(*args, **keywords)`, each field replaced by its argument's template, or a hole."""
    return formatting.brace_format(fmt, args, keywords, HOLE, merge)
