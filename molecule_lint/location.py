"""Where something is in a file, and the compact pickling facts and findings share.

Its own module so that a run answered from the cache, which unpickles findings, need not import the
fact model (two dozen dataclasses: ~15 ms of start-up).

Lines and columns are 1-based; ``end_column`` is exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass


class Compact:
    """Pickles as (class, field values): twice as fast as the default for slotted dataclasses,
    which matters for a facts cache of ~250k objects."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        names: tuple[str, ...] = type(self).__slots__  # the dataclass's fields, in constructor order
        return type(self), tuple(getattr(self, name) for name in names)


@dataclass(frozen=True, slots=True)
class Location(Compact):
    line: int
    column: int
    end_line: int
    end_column: int
