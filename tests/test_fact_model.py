"""The fact model's classes: built, compared, copied and pickled as dataclasses, with a quicker __init__."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from molecule_lint import facts
from molecule_lint.location import Compact, Location


def _fact_classes() -> list[type]:
    """The fact model's dataclasses whose fields quick_inits knows (plain fields, plain defaults)."""
    return [
        value
        for value in vars(facts).values()
        if isinstance(value, type) and issubclass(value, Compact) and dataclasses.is_dataclass(value)
        and all(_plain(f) for f in dataclasses.fields(value))
    ]


def _plain(field: dataclasses.Field[object]) -> bool:
    return field.init and not field.kw_only and field.default_factory is dataclasses.MISSING


@pytest.mark.parametrize("cls", _fact_classes(), ids=lambda cls: cls.__name__)
def test_every_fact_class_stores_its_fields_through_their_slots(cls: type) -> None:
    init = cls.__init__
    assert "__setattr__" not in init.__code__.co_names  # not the dataclass's object.__setattr__ per field
    empty, keyword = inspect.Parameter.empty, inspect.Parameter.POSITIONAL_OR_KEYWORD
    expected = [
        inspect.Parameter(f.name, keyword, default=empty if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(cls)
    ]
    assert list(inspect.signature(init).parameters.values())[1:] == expected


def test_quick_init_keeps_defaults_keywords_freezing_replace_and_pickling() -> None:
    loc = Location(1, 2, 3, 4)
    call = facts.Call(facts.Var("global", "m.f"), kwargs=(("x", facts.Lit("a")),))
    site = facts.CallSite(loc, func=call.func)
    assert (site.args, site.kwargs, call.args) == ((), (), ())
    assert call == facts.Call(facts.Var("global", "m.f"), (), (("x", facts.Lit("a")),))
    assert hash(call) == hash(pickle.loads(pickle.dumps(call)))
    assert pickle.loads(pickle.dumps(site)) == site
    assert dataclasses.replace(loc, line=9) == Location(9, 2, 3, 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        loc.line = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        facts.Var("local")  # type: ignore[call-arg]
