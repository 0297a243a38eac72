"""Where something is in a file, and the compact pickling facts and findings share.

Its own module so that a run answered from the cache, which unpickles findings, need not import the
fact model (two dozen dataclasses: ~15 ms of start-up).

Lines and columns are 1-based; ``end_column`` is exclusive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import MISSING, dataclass, fields, is_dataclass
from operator import attrgetter
from typing import Any


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


def quick_inits(classes: Iterable[Any]) -> None:
    """Give each frozen slotted dataclass among ``classes`` an ``__init__`` that stores its fields through
    their slots' own setters. The generated one calls ``object.__setattr__`` per field, which looks the
    name up again each time: a third of the cost of making facts and values (the frontends make millions;
    unpickling a worker's facts calls ``__init__`` too). Same signature, same defaults; still frozen."""
    for cls in classes:
        is_slotted_dataclass = isinstance(cls, type) and is_dataclass(cls) and "__slots__" in vars(cls)
        if not (is_slotted_dataclass and issubclass(cls, Compact)):
            continue
        params, body, namespace = [], [], {}
        for index, field in enumerate(fields(cls)):
            if field.default_factory is not MISSING or not field.init or field.kw_only:
                break  # not a shape this knows: the dataclass's own __init__ stays
            namespace[f"_set{index}"] = vars(cls)[field.name].__set__
            if field.default is MISSING:
                params.append(field.name)
            else:
                namespace[f"_default{index}"] = field.default
                params.append(f"{field.name}=_default{index}")
            body.append(f"_set{index}(self, {field.name})")
        else:
            exec(f"def __init__(self, {', '.join(params)}):\n    {'; '.join(body) or 'pass'}", namespace)
            init = namespace["__init__"]
            init.__qualname__ = f"{cls.__qualname__}.__init__"
            cls.__init__ = init


@dataclass(frozen=True, slots=True)
class Location(Compact):
    line: int
    column: int
    end_line: int
    end_column: int


quick_inits([Location])
