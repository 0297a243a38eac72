"""viper's config keys as the environment variables they read: `BindEnv(key, "VAR")` binds a key to a
variable, else (AutomaticEnv, with the usual "." -> "_" key replacer) `SetEnvPrefix("p")` and the key,
upper-cased, name it: `db.url` is P_DB_URL. Read from the whole file, so a key bound after (or in another
function than) the `GetString` of it counts; keys are case-insensitive. `SetConfigFile(p)`: the file an
`Unmarshal(&cfg)` fills the struct from."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from molecule_lint.facts import Lit, Value, Var
from molecule_lint.frontends.go.syntax import STRING_LITERALS, string_value, text
from molecule_lint.frontends.go.templates import arguments

if TYPE_CHECKING:
    from tree_sitter import Node

VIPER = "github.com/spf13/viper"
_KEY_SEPARATORS = re.compile(r"[.-]")


@dataclass(frozen=True, slots=True)
class ViperEnv:
    bound: dict[str, Value] = field(default_factory=dict)  # lower-cased key -> the variable BindEnv binds it to
    prefix: str = ""  # SetEnvPrefix's, upper-cased, with its "_"
    file: Value | None = None  # SetConfigFile's path, when the file sets one

    def variable(self, key: str) -> Value:
        """The variable a getter of ``key`` reads."""
        return self.bound.get(key.lower()) or Lit(self.prefix + _KEY_SEPARATORS.sub("_", key).upper())


def viper_env(root: Node, imports: dict[str, str], lower: Callable[[Node], Value]) -> ViperEnv:
    """The file's key bindings and env prefix (on the package's viper or an instance); ``lower`` gives an
    argument's value. Several different prefixes: none is assumed."""
    if VIPER not in imports.values():
        return ViperEnv()
    bound: dict[str, Value] = {}
    prefixes: set[str] = set()
    files: set[Value] = set()
    for call in _calls(root):
        function, args = call.child_by_field_name("function"), arguments(call)
        member = function.child_by_field_name("field") if function is not None else None
        if member is not None and text(member) == "SetConfigFile" and len(args) == 1:
            files.add(lower(args[0]))
        if member is None or not args or args[0].type not in STRING_LITERALS:
            continue
        if text(member) == "BindEnv" and len(args) == 2:
            value = lower(args[1])
            if isinstance(value, Var) or isinstance(value, Lit) and isinstance(value.value, str):
                bound.setdefault(string_value(args[0]).lower(), value)
        elif text(member) == "SetEnvPrefix" and len(args) == 1:
            prefixes.add(string_value(args[0]).upper() + "_")
    return ViperEnv(bound, prefixes.pop() if len(prefixes) == 1 else "", files.pop() if len(files) == 1 else None)


def _calls(root: Node) -> list[Node]:
    """Every call of the file, function bodies included."""
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        if node.type == "call_expression":
            found.append(node)
        stack.extend(node.named_children)
    return found
