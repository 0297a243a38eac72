"""What the manifest formats share: locations from line numbers, `${VAR:-default}`
interpolation, env assignments inside shell commands, and suppression comments.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from typing import Any

from molecule_lint.facts import Fact, Location, ManifestEnv, Suppression
from molecule_lint.frontends.go.comments import suppression

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# `NAME=value` words at the start of a shell command (the env of that one command).
_ASSIGNMENT = re.compile(r"""^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)\s*""")
_SHELL_REF = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")
_COMMENT_MARK = re.compile(r"(?:^|\s)(#\s*molecule-lint:.*)$")
_TOML_ERROR_LINE = re.compile(r"\(at line (\d+)")
_RUN_MODULE = re.compile(r"(?:^|\s)-m\s+([A-Za-z_][\w.]*)")
_APP_TARGET = re.compile(r"(?:^|\s)([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*):[A-Za-z_]\w*(?:\(\))?(?:\s|$)")


class DocumentError(Exception):
    """A TOML or JSON manifest that does not parse; ``line`` is 1-based or None."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def load_document(path: str, source: str) -> dict[str, Any]:
    """A JSON (by its suffix) or TOML manifest's top-level table; {} for another top-level value."""
    try:
        value = json.loads(source) if path.endswith(".json") else tomllib.loads(source)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"invalid JSON: {exc.msg}", exc.lineno) from None
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's tomllib puts the position in the message only: "(at line 3, column 5)", "(at end of document)".
        match = _TOML_ERROR_LINE.search(str(exc))
        line = int(match.group(1)) if match else len(source.splitlines()) or 1
        raise DocumentError(f"invalid TOML: {exc}", line) from None
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def key_line(source: str, path: str, table: tuple[str, ...], key: str) -> int:
    """The line of ``key`` in ``table`` of a TOML or JSON file (their parsers keep no positions: found by
    text), else 1."""
    raw = source.splitlines()
    if path.endswith(".json"):
        start = _first(raw, re.compile(rf'"{re.escape(table[-1])}"\s*:'), 0) if table else 0
        found = _first(raw, re.compile(rf'"{re.escape(key)}"\s*:'), start or 0)
    else:
        header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(re.escape(part) for part in table) + r"\s*\]")
        start = _first(raw, header, 0) if table else 0
        found = _first(raw, re.compile(rf'^\s*"?{re.escape(key)}"?\s*='), start) if start is not None else None
    return found + 1 if found is not None else 1


def _first(raw: list[str], pattern: re.Pattern[str], start: int) -> int | None:
    return next((i for i in range(start, len(raw)) if pattern.search(raw[i])), None)


class Lines:
    """Locations of whole lines of one file (manifest parsers keep lines, not columns)."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()

    def loc(self, line: int) -> Location:
        """From the first non-blank character of ``line`` to its end."""
        text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        start = len(text) - len(text.lstrip()) + 1
        return Location(line, start, line, max(start, len(text.rstrip()) + 1))


@dataclass(frozen=True, slots=True)
class Interpolated:
    value: str  # defaults kept, other holes empty
    variables: tuple[str, ...]


def interpolate(text: str) -> Interpolated:
    """Compose-style interpolation: `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
    `${VAR:?error}`, `${VAR:+alternative}`; defaults may nest. Unterminated `${` stays literal."""
    out: list[str] = []
    variables: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char != "$" or i + 1 == len(text):
            out.append(char)
            i += 1
            continue
        following = text[i + 1]
        if following == "$":
            out.append("$")
            i += 2
        elif following == "{":
            end = _closing_brace(text, i + 2)
            name = _NAME.match(text, i + 2)
            if end is None or name is None:
                out.append(char)
                i += 1
                continue
            variables.append(name.group())
            out.append(_expansion(text[name.end() : end], variables))
            i = end + 1
        elif name := _NAME.match(text, i + 1):
            variables.append(name.group())
            i = name.end()
        else:
            out.append(char)
            i += 1
    return Interpolated("".join(out), tuple(dict.fromkeys(variables)))


def _expansion(operator_and_word: str, variables: list[str]) -> str:
    """The value `${VAR<op><word>}` stands for when VAR is unknown: the default, else nothing."""
    for operator in (":-", "-"):
        if operator_and_word.startswith(operator):
            default = interpolate(operator_and_word[len(operator) :])
            variables.extend(default.variables)
            return default.value
    return ""  # `${VAR}`, `${VAR:?error}`, `${VAR:+alternative}`: the value is the unknown VAR's


def _closing_brace(text: str, start: int) -> int | None:
    depth = 1
    i = start
    while i < len(text):
        if text.startswith("${", i):
            depth += 1
            i += 2
            continue
        if text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def scalar_text(value: Any) -> str | None:
    """A YAML/TOML scalar as the string a container would see; None for no value or a structure."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return None


@dataclass(frozen=True, slots=True)
class CommandEnv:
    name: str
    value: str | None  # None: the command reads the variable, it does not set it


def command_env(command: str) -> list[CommandEnv]:
    """Variables a shell command sets for itself (`X=1 cmd`) and reads (`$X`, `${X}`)."""
    found: list[CommandEnv] = []
    rest = command
    while match := _ASSIGNMENT.match(rest):
        found.append(CommandEnv(match.group(1), match.group(2).strip("\"'")))
        rest = rest[match.end() :]
    set_names = {env.name for env in found}
    for name in dict.fromkeys(_SHELL_REF.findall(command)):
        if name not in set_names:
            found.append(CommandEnv(name, None))
    return found


def python_module(command: str) -> str | None:
    """The module a command runs: `python -m pkg.mod`, or a WSGI/ASGI server's `pkg.mod:app` target."""
    match = _RUN_MODULE.search(command) or _APP_TARGET.search(command)
    return match.group(1) if match else None


def command_facts(loc: Location, service: str, command: str) -> list[Fact]:
    """The variables a deployment's command sets or reads, as its environment (each at ``loc``)."""
    facts: list[Fact] = []
    for env in command_env(command):
        if env.value is None:
            facts.append(ManifestEnv(loc, service, env.name, None))
        else:
            interpolated = interpolate(env.value)
            facts.append(ManifestEnv(loc, service, env.name, interpolated.value, interpolated.variables))
    return facts


def hash_comment_suppressions(text: str) -> list[Suppression]:
    """`# molecule-lint: ignore[MOL401] -- reason` in a YAML, TOML or dotenv file.

    The grammar is the one the Go frontend reads after `//`; a `#` inside a
    quoted value followed by the marker is taken for a comment, which costs at
    most an unused-suppression warning.
    """
    lines = Lines(text)
    marks = []
    for number, line in enumerate(text.splitlines(), 1):
        match = _COMMENT_MARK.search(line)
        if match is None:
            continue
        standalone = not line[: match.start(1)].strip()
        mark = suppression("//" + match.group(1)[1:], lines.loc(number), standalone)
        if mark is not None:
            marks.append(mark)
    return marks
