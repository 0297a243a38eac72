"""Config files a Go program scans into a struct: kratos' `config.New(config.WithSource(file.NewSource(p)))`
then `c.Scan(&bc)`, viper's `SetConfigFile(p)` then `Unmarshal(&cfg)`, `yaml.Unmarshal(data, &cfg)`. The
struct becomes a CONFIG_SCAN of the document's text (molecule_lint/scanned_config.py)."""

from __future__ import annotations

from molecule_lint.facts import Binding, Call, Value, Var
from molecule_lint.scanned_config import CONFIG_FILE, CONFIG_SCAN

_KRATOS_FILE_SOURCE = "github.com/go-kratos/kratos/v2/config/file.NewSource"
# Functions decoding a document's bytes into the struct they are given last.
_UNMARSHALERS = frozenset({
    "gopkg.in/yaml.v2", "gopkg.in/yaml.v3", "sigs.k8s.io/yaml", "github.com/goccy/go-yaml", "encoding/json",
    "github.com/BurntSushi/toml", "github.com/pelletier/go-toml", "github.com/pelletier/go-toml/v2",
})  # fmt: skip
_VIPER_FILLS = frozenset({"Unmarshal", "UnmarshalExact"})


def scanned(
    package: str | None, member: str, args: tuple[Value, ...], viper: bool, viper_file: Value | None,
    receiver: Value | None,
) -> Value | None:
    """What the struct a call fills is scanned from, or None: ``viper_file`` is the file's `SetConfigFile`
    path, ``receiver`` what the receiver local was last bound to (kratos' `config.New(...)`)."""
    if package in _UNMARSHALERS and member == "Unmarshal" and len(args) == 2:
        return Call(Var("builtin", CONFIG_SCAN), (args[0],))
    if viper and member in _VIPER_FILLS and viper_file is not None:
        return Call(Var("builtin", CONFIG_SCAN), (Call(Var("builtin", CONFIG_FILE), (viper_file,)),))
    path = _kratos_file(receiver) if member == "Scan" and receiver is not None else None
    return Call(Var("builtin", CONFIG_SCAN), (Call(Var("builtin", CONFIG_FILE), (path,)),)) if path is not None else None


def last_binding(bindings: list[Binding], name: str) -> Value | None:
    return next((b.value for b in reversed(bindings) if b.name == name), None)


def _kratos_file(value: Value) -> Value | None:
    """The path of the file source a kratos config is made with, wherever in its construction."""
    if not isinstance(value, Call):
        return None
    if isinstance(value.func, Var) and value.func.name == _KRATOS_FILE_SOURCE and value.args:
        return value.args[0]
    return next((p for arg in value.args if (p := _kratos_file(arg)) is not None), None)
