"""Python's `%` and `str.format` on strings whose parts may be unknown, for every place that builds them.

A string is a sequence of parts: literal text, or a part that is not (the frontends' `Ref`, the core's
`None` hole); such parts pass through, and an argument that is missing becomes ``hole``. ``merge``
joins the result the caller's way. Go's `Sprintf` verbs `%v`, `%q`, `%t` are read like `%s`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

P = TypeVar("P")  # a part that is not literal text

_PERCENT = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conversion>[diouxXeEfFgGcrsavqt%])"
)


def percent_format(
    fmt: Sequence[str | P],
    args: Sequence[Sequence[str | P]],
    keywords: Mapping[str, Sequence[str | P]],
    hole: Sequence[str | P],
    merge: Callable[[Iterable[str | P]], tuple[str | P, ...]],
) -> tuple[str | P, ...]:
    """`fmt % args`: each conversion replaced by its argument, or ``hole``."""
    positional = iter(args)
    out: list[str | P] = []
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
                out.extend(keywords.get(match.group("key"), hole))
            else:
                out.extend(next(positional, hole))
        out.append(part[last:])
    return merge(out)


def brace_format(
    fmt: Sequence[str | P],
    args: Sequence[Sequence[str | P]],
    keywords: Mapping[str, Sequence[str | P]],
    hole: Sequence[str | P],
    merge: Callable[[Iterable[str | P]], tuple[str | P, ...]],
) -> tuple[str | P, ...]:
    """`fmt.format(*args, **keywords)`: each field replaced by its argument, or ``hole``."""
    out: list[str | P] = []
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
                out.extend(args[int(key)] if int(key) < len(args) else hole)
            else:
                out.extend(keywords.get(key, hole))
    return merge(out)
