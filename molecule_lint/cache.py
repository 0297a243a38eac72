"""Per-file results cached by content, so a warm run only stats files.

Two tables share one pack file: the frontends' facts and the prefilter's
import scans. Neither depends on the config (frontends know nothing of
rules), so the key is the content hash plus the tool version. One pack file
is far cheaper to load than thousands of small ones. Writes are atomic (temp
file + rename), so concurrent runs never see a torn file; a corrupt or
foreign pack is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from molecule_lint import __version__
from molecule_lint.facts import FileFacts
from molecule_lint.scan import Scan

# Bump when a frontend's or the scanner's output changes for the same input.
FACTS_VERSION = "5"
PACK_NAME = f"facts-{__version__}-{FACTS_VERSION}.pickle"
RESULT_NAME = "last-run.pickle"  # keyed inside by engine.run_key
SQL_NAME = f"sql-{__version__}-{FACTS_VERSION}.pickle"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Stamp:
    """What we check before trusting an entry without reading the file."""

    mtime_ns: int
    size: int
    digest: str


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Table(Generic[T]):
    def __init__(self, entries: dict[str, tuple[Stamp, T]]) -> None:
        self.entries = entries
        self.dirty = False

    def lookup(self, path: str, stat: os.stat_result) -> T | None:
        """The entry of an unchanged file (same mtime and size), without reading it."""
        entry = self.entries.get(path)
        if entry and entry[0].mtime_ns == stat.st_mtime_ns and entry[0].size == stat.st_size:
            return entry[1]
        return None

    def peek(self, path: str) -> T | None:
        """The entry, whether or not the file changed since."""
        entry = self.entries.get(path)
        return entry[1] if entry else None

    def known_digest(self, path: str) -> str | None:
        entry = self.entries.get(path)
        return entry[0].digest if entry else None

    def lookup_content(self, path: str, stat: os.stat_result, content_digest: str) -> T | None:
        """The entry of a touched but identical file (e.g. after a checkout); refreshes its stamp."""
        entry = self.entries.get(path)
        if entry and entry[0].digest == content_digest:
            self.store(path, stat, content_digest, entry[1])
            return entry[1]
        return None

    def store(self, path: str, stat: os.stat_result, content_digest: str, value: T) -> None:
        self.entries[path] = (Stamp(stat.st_mtime_ns, stat.st_size, content_digest), value)
        self.dirty = True

    def prune(self, live: set[str]) -> None:
        for path in set(self.entries) - live:
            del self.entries[path]
            self.dirty = True


class Cache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    # The pack is loaded on first use: a run whose result is reused never needs it (~1 s saved).
    @cached_property
    def facts(self) -> Table[FileFacts]:
        return Table(self._tables.get("facts", {}))

    @cached_property
    def scans(self) -> Table[Scan]:
        return Table(self._tables.get("scans", {}))

    @cached_property
    def _tables(self) -> dict[str, dict[str, Any]]:
        try:
            with open(self.directory / PACK_NAME, "rb") as handle:
                tables = pickle.load(handle)  # our own file, written by save() below
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return {}
        return tables if isinstance(tables, dict) else {}

    @cached_property
    def sql(self) -> dict[str, Any]:
        """SQL text -> its analysis (molecule_lint.sql), from earlier runs."""
        try:
            with open(self.directory / SQL_NAME, "rb") as handle:
                known = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return {}
        return known if isinstance(known, dict) else {}

    def save_sql(self, used: dict[str, Any]) -> None:
        if used != self.sql:
            self._write(SQL_NAME, used)

    def load_result(self, key: str) -> Any:
        """The stored result of a whole run with this key (engine.run_key), or None."""
        try:
            with open(self.directory / RESULT_NAME, "rb") as handle:
                stored_key, result = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return result if stored_key == key else None

    def save_result(self, key: str, result: object) -> None:
        self._write(RESULT_NAME, (key, result))

    def save(self) -> None:
        if "_tables" in self.__dict__ and (self.facts.dirty or self.scans.dirty):
            self._write(PACK_NAME, {"facts": self.facts.entries, "scans": self.scans.entries})

    def _write(self, name: str, value: object) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            (self.directory / ".gitignore").write_text("*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".pack-", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.directory / name)
        except OSError:
            return  # a read-only checkout still lints; it just stays cold
