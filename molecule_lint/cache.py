"""Per-file results cached by content, so a warm run only stats files.

Two tables share one pack file: the frontends' facts and the prefilter's
import scans. Neither depends on the config (frontends know nothing of
rules), so the key is the content hash plus the tool version. One pack file
is far cheaper to load than thousands of small ones. Writes are atomic (temp
file + rename), so concurrent runs never see a torn file; a corrupt or
foreign pack is ignored and rebuilt. The last full analysis is kept too,
for incremental runs (incremental.py), and the last result, for unchanged
projects.
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

# Bump when a frontend's or the scanner's output changes for the same input, or what a snapshot
# (incremental.Snapshot, incremental.Linked) holds.
FACTS_VERSION = "7"
PACK_NAME = f"facts-{__version__}-{FACTS_VERSION}.pickle"
RESULT_NAME = "last-run.pickle"  # keyed inside by engine.run_key
DELTA_NAME = f"facts-delta-{__version__}-{FACTS_VERSION}.pickle"
MAX_DELTA = 500  # entries a delta may hold before the base pack is rewritten
LINKED_NAME = f"linked-{__version__}-{FACTS_VERSION}.pickle"
SNAPSHOT_NAME = f"snapshot-{__version__}-{FACTS_VERSION}.pickle"
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
        self.changed: set[str] = set()  # stored since load: what a delta write must carry
        self.pruned = False

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
        self.changed.add(path)

    def prune(self, live: set[str]) -> None:
        for path in set(self.entries) - live:
            del self.entries[path]
            self.pruned = True


class Cache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._base_id: str | None = None
        self._delta_paths: dict[str, set[str]] = {}

    # The pack is loaded on first use: a run whose result is reused never needs it (~1 s saved).
    @cached_property
    def facts(self) -> Table[FileFacts]:
        return Table(self._tables.get("facts", {}))

    @cached_property
    def scans(self) -> Table[Scan]:
        return Table(self._tables.get("scans", {}))

    @cached_property
    def _tables(self) -> dict[str, dict[str, Any]]:
        """The base pack with the delta written since applied over it (see save())."""
        base = self._read(PACK_NAME)
        if not isinstance(base, dict) or not isinstance(base.get("tables"), dict):
            return {}
        tables: dict[str, dict[str, Any]] = base["tables"]
        delta = self._read(DELTA_NAME)
        if isinstance(delta, dict) and delta.get("base") == base.get("id"):  # else: a delta of an older base
            for name, entries in delta["tables"].items():
                tables.setdefault(name, {}).update(entries)
                self._delta_paths[name] = set(entries)
        self._base_id = base.get("id")
        return tables

    def _read(self, name: str) -> Any:
        try:
            with open(self.directory / name, "rb") as handle:
                return pickle.load(handle)  # our own files, written by _write() below
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None

    @cached_property
    def sql(self) -> dict[str, Any]:
        """SQL text -> its analysis (molecule_lint.sql), from earlier runs."""
        known = self._read(SQL_NAME)
        return known if isinstance(known, dict) else {}

    def save_sql(self, used: dict[str, Any]) -> None:
        if used != self.sql:
            self._write(SQL_NAME, used)

    def load_result(self, key: str) -> Any:
        """The stored result of a whole run with this key (engine.run_key), or None."""
        stored = self._read(RESULT_NAME)
        return stored[1] if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key else None

    def save_result(self, key: str, result: object) -> None:
        self._write(RESULT_NAME, (key, result))

    def load_snapshot(self) -> Any:
        """The last full analysis, for an incremental run (incremental.Snapshot), or None."""
        return self._read(SNAPSHOT_NAME)

    def save_snapshot(self, snapshot: object) -> None:
        self._write(SNAPSHOT_NAME, snapshot)

    def load_linked(self) -> Any:
        """The larger part of the last full analysis (incremental.Linked), or None."""
        return self._read(LINKED_NAME)

    def save_linked(self, linked: object) -> None:
        self._write(LINKED_NAME, linked)

    def save(self) -> None:
        """Write what changed: a small delta over the base pack (a pre-commit run changes a file or
        two, and rewriting a 25 MB pack costs ~1 s), or a new base when the delta grows or files go."""
        if "_tables" not in self.__dict__:
            return
        tables: dict[str, Table[Any]] = {"facts": self.facts, "scans": self.scans}
        pending = {name: self._delta_paths.get(name, set()) | table.changed for name, table in tables.items()}
        if not any(table.changed or table.pruned for table in tables.values()):
            return
        if self._base_id is None or any(t.pruned for t in tables.values()) or sum(map(len, pending.values())) > MAX_DELTA:
            # A new base; the empty delta that goes with it is written after it, so a reader never
            # pairs the new base with the old delta (the ids would not match anyway).
            base_id = os.urandom(8).hex()
            self._write(PACK_NAME, {"id": base_id, "tables": {name: t.entries for name, t in tables.items()}})
            self._write(DELTA_NAME, {"base": base_id, "tables": {}})
            return
        delta = {
            name: {path: tables[name].entries[path] for path in paths if path in tables[name].entries}
            for name, paths in pending.items()
        }
        self._write(DELTA_NAME, {"base": self._base_id, "tables": delta})

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
