"""Where something is in a file, and the compact pickling facts and findings share.

Its own module so that a run answered from the cache, which unpickles findings, need not import the
fact model (two dozen dataclasses: ~15 ms of start-up).

Lines and columns are 1-based; ``end_column`` is exclusive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter


class Compact:
    """Pickles as (class, field values): twice as fast as the default for slotted dataclasses,
    which matters for a facts cache of ~250k objects."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        cls = type(self)
        values = _FIELD_VALUES.get(cls)
        if values is None:
            values = _FIELD_VALUES[cls] = _field_values(cls.__slots__)  # the fields, in constructor order
        return cls, values(self)


_FIELD_VALUES: dict[type, Callable[[object], tuple[object, ...]]] = {}


def _field_values(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    """A reader of these attributes as a tuple: attrgetter's, in C, for two or more (a quarter off a
    worker's pickling)."""
    if len(names) >= 2:
        return attrgetter(*names)
    return lambda obj: tuple(getattr(obj, name) for name in names)


@dataclass(frozen=True, slots=True)
class Location(Compact):
    line: int
    column: int
    end_line: int
    end_column: int
