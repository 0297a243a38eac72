"""String building on resolved text: parts that are literal, or None for a hole (an unknown value)."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence

Parts = tuple[str | None, ...]
HOLE_PARTS: Parts = (None,)

_PERCENT = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conversion>[diouxXeEfFgGcrsavqt%])"
)


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


def render(parts: Parts, hole: str = "{}") -> str:
    return "".join(hole if part is None else part for part in parts)


def percent_format(fmt: Parts, args: Sequence[Parts], keywords: Mapping[str, Parts]) -> Parts:
    """`fmt % args` (and Go's `Sprintf`): each conversion replaced by its argument, or a hole."""
    positional = iter(args)
    out: list[str | None] = []
    for part in fmt:
        if part is None or "%" not in part:
            out.append(part)
            continue
        last = 0
        for match in _PERCENT.finditer(part):
            out.append(part[last : match.start()])
            last = match.end()
            if match.group("conversion") == "%":
                out.append("%")
            elif match.group("key") is not None:
                out.extend(keywords.get(match.group("key"), HOLE_PARTS))
            else:
                out.extend(next(positional, HOLE_PARTS))
        out.append(part[last:])
    return merge(out)


def brace_format(fmt: Parts, args: Sequence[Parts], keywords: Mapping[str, Parts]) -> Parts:
    """`fmt.format(*args, **keywords)`: each field replaced by its argument, or a hole."""
    out: list[str | None] = []
    automatic = 0
    for part in fmt:
        if part is None or ("{" not in part and "}" not in part):
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
                out.extend(args[int(key)] if int(key) < len(args) else HOLE_PARTS)
            else:
                out.extend(keywords.get(key, HOLE_PARTS))
    return merge(out)


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
