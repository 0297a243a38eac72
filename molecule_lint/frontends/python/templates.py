"""String literals and formatting, turned into Templates (literal parts and Refs).

Name resolution is the walker's business: these functions take the
templates of arguments already built.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence

from molecule_lint.facts import Ref, Template
from molecule_lint.facts import merge_template as merge

HOLE: Template = (Ref(None),)

_PERCENT = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conversion>[diouxXeEfFgGcrsa%])"
)


def render(template: Template) -> str:
    """The text ``looks_like_sql`` sees: each hole a distinct identifier, as molecule_lint.sql expects."""
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
    positional = iter(args or ())
    out: list[str | Ref] = []
    for part in fmt:
        if not isinstance(part, str) or "%" not in part:
            out.append(part)
            continue
        last = 0
        for match in _PERCENT.finditer(part):
            out.append(part[last : match.start()])
            last = match.end()
            if match.group("conversion") == "%":
                out.append("%")
            elif match.group("key") is not None:
                out.extend(keywords.get(match.group("key"), HOLE))
            else:
                out.extend(next(positional, HOLE))
        out.append(part[last:])
    return merge(out)


def brace_format(fmt: Template, args: Sequence[Template], keywords: Mapping[str, Template]) -> Template:
    """`fmt.format(*args, **keywords)`, each field replaced by its argument's template, or a hole."""
    out: list[str | Ref] = []
    automatic = 0
    for part in fmt:
        if not isinstance(part, str) or ("{" not in part and "}" not in part):
            out.append(part)
            continue
        try:
            fields = list(string.Formatter().parse(part))
        except ValueError:  # unbalanced braces: .format() would raise; keep the text
            out.append(part)
            continue
        for text, field, _spec, _conversion in fields:
            out.append(text)
            if field is None:
                continue
            key = re.split(r"[.\[]", field, maxsplit=1)[0]
            if key == "":
                key, automatic = str(automatic), automatic + 1
            if key.isdigit():
                out.extend(args[int(key)] if int(key) < len(args) else HOLE)
            else:
                out.extend(keywords.get(key, HOLE))
    return merge(out)
