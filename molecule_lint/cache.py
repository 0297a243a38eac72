"""Per-file facts cached by content, so a warm run only stats files.

Facts depend on a file's bytes and on the frontends' code — not on the
config (frontends know nothing of rules) — so the key is the content hash
plus the tool version. One pack file holds every entry: loading one pickle
is far cheaper than opening thousands. Writes are atomic (temp file +
rename), so concurrent runs never see a torn file; a corrupt or foreign
pack is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from molecule_lint import __version__
from molecule_lint.facts import FileFacts

# Bump when a frontend's output changes for the same input.
FACTS_VERSION = "1"
PACK_NAME = f"facts-{__version__}-{FACTS_VERSION}.pickle"


@dataclass(frozen=True, slots=True)
class Stamp:
    """What we check before trusting a cached entry without reading the file."""

    mtime_ns: int
    size: int
    digest: str


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class FactsCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / PACK_NAME
        self.entries: dict[str, tuple[Stamp, FileFacts]] = self._load()
        self.dirty = False

    def _load(self) -> dict[str, tuple[Stamp, FileFacts]]:
        try:
            with open(self.path, "rb") as handle:
                entries = pickle.load(handle)  # our own file, written by save() below
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def lookup(self, path: str, stat: os.stat_result) -> FileFacts | None:
        """Facts for an unchanged file (same mtime and size), without reading it."""
        entry = self.entries.get(path)
        if entry and entry[0].mtime_ns == stat.st_mtime_ns and entry[0].size == stat.st_size:
            return entry[1]
        return None

    def lookup_content(self, path: str, stat: os.stat_result, content_digest: str) -> FileFacts | None:
        """Facts for a touched but identical file (e.g. after a checkout); refreshes its stamp."""
        entry = self.entries.get(path)
        if entry and entry[0].digest == content_digest:
            self.store(path, stat, content_digest, entry[1])
            return entry[1]
        return None

    def store(self, path: str, stat: os.stat_result, content_digest: str, facts: FileFacts) -> None:
        if facts.internal:
            return  # a bug of ours must show again on the next run
        self.entries[path] = (Stamp(stat.st_mtime_ns, stat.st_size, content_digest), facts)
        self.dirty = True

    def prune(self, live: set[str]) -> None:
        stale = set(self.entries) - live
        for path in stale:
            del self.entries[path]
        self.dirty = self.dirty or bool(stale)

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            (self.directory / ".gitignore").write_text("*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".facts-", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(self.entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            return  # a read-only checkout still lints; it just stays cold
