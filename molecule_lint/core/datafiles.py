"""Config documents the scanned code loads at run time (`yaml.safe_load(open("jobs.yaml"))`, `json.load`,
`tomllib.loads`, a configparser's `read("ops.ini")`), turned into values the resolver reads like a literal
dict: `CONFIG["exports"]["table"]`, `parser.get("exports", "table")`.

A string of the document becomes a CONFIG_VALUE call naming the file and line it is written at, so the
trace of a finding ends at that line. A document that does not parse, or expands past the budget (a YAML
alias bomb), is None: the loaded value stays a hole.
"""

from __future__ import annotations

import configparser
import json
import re
import tomllib
from typing import Any

from molecule_lint.facts import Call, Collection, Lit, Unknown, Value, Var
from molecule_lint.inisource import settings as ini_settings
from molecule_lint.yamlsource import KeyPath, LocatedValue, YamlError, load_yaml

CONFIG_VALUE = "config_value"  # builtin: (path, line, text) -> the text, its hop at path:line (no path: none)
CONFIG_ENV = "config_env"  # builtin: (path, line, name) -> the env var's value, its hop at path:line
# The library functions that parse a document, and its format.
LOADERS = {
    "yaml.safe_load": "yaml",
    "yaml.load": "yaml",
    "yaml.full_load": "yaml",
    "json.load": "json",
    "json.loads": "json",
    "tomllib.load": "toml",
    "tomllib.loads": "toml",
    "tomli.load": "toml",
    "tomli.loads": "toml",
    "toml.loads": "toml",
}
# The library functions that read a document from the file at a path, and its format.
PATH_LOADERS = {"omegaconf.OmegaConf.load": "omegaconf"}
# The functions that merge documents: the merged value may be any of theirs (a later one overrides a key).
MERGES = frozenset({"omegaconf.OmegaConf.merge", "omegaconf.OmegaConf.unsafe_merge"})
# An OmegaConf value that is an env var's (`${oc.env:NAME}`, `${oc.env:NAME,default}`): the default is only
# the fallback, the deployed value is the variable's.
_OC_ENV = re.compile(r"\$\{oc\.env:\s*([A-Za-z_]\w*)\s*(?:,[^}]*)?\}")
_BUDGET = 5_000  # values a document may have: a config file has a few hundred


def document(text: str, fmt: str, path: str) -> Value | None:
    """The document as a value, or None if it cannot be read."""
    budget = [_BUDGET]
    try:
        if fmt in ("yaml", "omegaconf"):
            located = load_yaml(text)
        elif fmt == "json":
            located = LocatedValue(json.loads(text))
        elif fmt == "ini":
            located = _ini(text)
        else:
            located = LocatedValue(tomllib.loads(text))
        value = _value(located.value, (), located, path, budget, fmt == "omegaconf")
    except (YamlError, ValueError, RecursionError, configparser.Error):  # JSON and TOML errors are ValueErrors
        return None
    return value if budget[0] >= 0 else None


def _ini(text: str) -> LocatedValue:
    """Sections of options (the DEFAULT section's in each, as configparser reads them; no interpolation),
    with the line of each option."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    located = LocatedValue({name: dict(parser[name]) for name in parser.sections()})
    for number, section, key, _ in ini_settings(text):
        located.lines.setdefault((section, parser.optionxform(key)), number)
    return located


def _value(data: Any, key: KeyPath, located: LocatedValue, path: str, budget: list[int], interpolated: bool) -> Value:
    budget[0] -= 1
    if budget[0] < 0:
        return Unknown()
    if isinstance(data, dict):
        keys = tuple(data)
        values = tuple(_value(data[k], (*key, str(k)), located, path, budget, interpolated) for k in keys)
        return Collection("dict", tuple(Lit(str(k)) for k in keys), values)
    if isinstance(data, list):
        items = tuple(_value(item, (*key, i), located, path, budget, interpolated) for i, item in enumerate(data))
        return Collection("list", (), items)
    if isinstance(data, str):
        if interpolated and (env := _OC_ENV.fullmatch(data.strip())) is not None:
            return Call(Var("builtin", CONFIG_ENV), (Lit(path), Lit(located.line(key) or 1), Lit(env.group(1))))
        return Call(Var("builtin", CONFIG_VALUE), (Lit(path), Lit(located.line(key) or 1), Lit(data)))
    return Lit(data) if isinstance(data, (int, float, bool)) else Unknown()
