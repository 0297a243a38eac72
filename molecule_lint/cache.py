"""Per-file results cached by content, so a warm run only stats files.

What is trusted (README, "Safety"): a file whose stat (mtime, ctime, size, inode) is unchanged is
taken as unchanged, except the files named on the command line, whose content is always hashed;
and a cache file only when it is sealed with this user's key (sealed.py) in a folder that is
safely ours (cachedir.py). Anything else reads as a cold cache.

Two tables share one pack file: the frontends' facts and the prefilter's
import scans. Neither depends on the config (frontends know nothing of
rules), so the key is the content hash plus the tool version. One pack file
is far cheaper to load than thousands of small ones; each file's facts are
pickled apart inside it, in a record its authenticated head lists with the
record's digest (sealed.Indexed), and read and unpickled when asked for, so a
run that needs one file's (an incremental run) does not pay for all of them. Writes are atomic (temp
file + rename), so concurrent runs never see a torn file; a corrupt or
foreign or ill-shaped file is ignored and rewritten. The last full analysis is kept too,
for incremental runs (incremental.py), and the last result, for unchanged
projects.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Generic, TypeVar

from molecule_lint import __version__, sealed
from molecule_lint.cachedir import CacheDir, Refused
from molecule_lint.heap import long_lived
from molecule_lint.location import Compact, quick_inits
from molecule_lint.userkey import UnusableKey, user_key

if TYPE_CHECKING:
    from molecule_lint.facts import FileFacts
    from molecule_lint.relink import Linked
    from molecule_lint.scan import Scan
    from molecule_lint.sql import SqlAnalysis

# Bump when a frontend's or the scanner's output changes for the same input, or what a snapshot
# (incremental.Snapshot, relink.Linked) holds.
FACTS_VERSION = "37"
PACK_NAME = f"facts-{__version__}-{FACTS_VERSION}.pickle"
RESULT_NAME = "last-run.pickle"  # keyed inside by engine.run_key
DELTA_NAME = f"facts-delta-{__version__}-{FACTS_VERSION}.pickle"
MAX_DELTA = 500  # entries a delta may hold before the base pack is rewritten
LINKED_NAME = f"linked-{__version__}-{FACTS_VERSION}.pickle"
SNAPSHOT_NAME = f"snapshot-{__version__}-{FACTS_VERSION}.pickle"
SQL_NAME = f"sql-{__version__}-{FACTS_VERSION}.pickle"
WALKED_NAME = f"walked-{__version__}-{FACTS_VERSION}.pickle"
SETTINGS_NAME = f"settings-{__version__}-{FACTS_VERSION}.pickle"

T = TypeVar("T")
L = TypeVar("L", bound="Linked")


StatKey = tuple[int, int, int, int]  # (mtime_ns, ctime_ns, size, inode): `touch -d` can restore an mtime, never a ctime


def stat_key(stat: os.stat_result) -> StatKey:
    return stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino


@dataclass(frozen=True, slots=True)
class Stamp(Compact):  # Compact: every edit reads the facts pack's head, a stamp per file
    """What we check before trusting an entry without reading the file."""

    stat: StatKey
    digest: str


quick_inits([Stamp])


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def content_digests(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """The digests of these files' content (the unreadable ones left out)."""
    digests = {}
    for path in paths:
        try:
            digests[path] = digest((root / path).read_bytes())
        except OSError:
            continue  # the analysis reports why
    return digests


class Table(Generic[T]):
    """path -> (stamp, value). A value read from the pack may still be its pickled bytes or where
    they lie in the pack (an entry-wise table): it is read and unpickled on first use, as data only,
    and must be of ``kind``."""

    def __init__(
        self, entries: dict[str, tuple[Stamp, T | bytes | sealed.Ref]], hashed: dict[str, str], kind: type[T],
        pack: sealed.Indexed | None = None,
    ) -> None:
        self.entries = entries
        self.hashed = hashed  # path -> content digest, for files whose stat is not trusted
        self.kind = kind
        self.pack = pack  # where a Ref's record lies
        self.changed: set[str] = set()  # stored since load: what a delta write must carry
        self.pruned = False

    def lookup(self, path: str, stat: os.stat_result) -> T | None:
        """The entry of an unchanged file (same stat, and same content when hashed), without reading it."""
        entry = self.entries.get(path)
        if entry and entry[0].stat == stat_key(stat) and self.hashed.get(path, entry[0].digest) == entry[0].digest:
            return self._value(path)
        return None

    def peek(self, path: str) -> T | None:
        """The entry, whether or not the file changed since."""
        return self._value(path) if path in self.entries else None

    def _value(self, path: str) -> T | None:
        stamp, value = self.entries[path]
        if isinstance(value, self.kind):
            return value
        data = self.payload(path)
        with long_lived():
            loaded = sealed.load_data(data) if data is not None else None
        if not isinstance(loaded, self.kind):  # MAC-valid but not ours: only a bug of ours gets here
            del self.entries[path]
            return None
        self.entries[path] = (stamp, loaded)
        return loaded

    def payload(self, path: str) -> bytes | None:
        """The entry pickled (dump_data); None when its record in the pack does not match the digest there."""
        value = self.entries[path][1]
        if type(value) is bytes:
            return value
        if type(value) is tuple:
            return self.pack.record(value) if self.pack is not None else None
        return sealed.dump_data(value)

    def known_digest(self, path: str) -> str | None:
        entry = self.entries.get(path)
        return entry[0].digest if entry else None

    def lookup_content(self, path: str, stat: os.stat_result, content_digest: str) -> T | None:
        """The entry of a touched but identical file (e.g. after a checkout); refreshes its stamp."""
        entry = self.entries.get(path)
        if entry and entry[0].digest == content_digest and (value := self._value(path)) is not None:
            self.store(path, stat, content_digest, value)
            return value
        return None

    def store(self, path: str, stat: os.stat_result, content_digest: str, value: T) -> None:
        self.entries[path] = (Stamp(stat_key(stat), content_digest), value)
        self.changed.add(path)

    def prune(self, live: set[str]) -> None:
        for path in set(self.entries) - live:
            del self.entries[path]
            self.pruned = True


class Unavailable(Exception):
    """The cache cannot be used safely: the run goes on without it, and says why."""


def open_cache(directory: Path, root: Path, hashed: Iterable[str] = ()) -> Cache:
    """The cache in ``directory``; ``hashed``: files whose content, not their stat, says if they changed."""
    try:
        return Cache(CacheDir(directory, root), user_key(), content_digests(root, hashed))
    except (Refused, UnusableKey) as exc:
        raise Unavailable(str(exc)) from None


class Cache:
    def __init__(self, folder: CacheDir, key: bytes, hashed: dict[str, str]) -> None:
        self.folder = folder
        self.key = key
        self.hashed = hashed

    # The pack is loaded on first use: a run whose result is reused never needs it (~1 s saved); and a
    # run that needs a few files' facts (an incremental run) reads the pack's head and those files' records.
    @cached_property
    def facts(self) -> Table[FileFacts]:
        from molecule_lint.facts import FileFacts  # a run answered from the cache needs no fact model

        pack = self._pack
        return Table(self._with_delta("facts", dict(pack.head["facts"]) if pack else {}), self.hashed, FileFacts, pack)

    @cached_property
    def scans(self) -> Table[Scan]:
        from molecule_lint.scan import Scan

        pack = self._pack
        data = pack.record(pack.head["scans"]) if pack is not None else None
        with long_lived():
            scans = _entries_of(sealed.load_data(data), Scan) if data is not None else None
        return Table(self._with_delta("scans", scans or {}), self.hashed, Scan)

    @cached_property
    def _pack(self) -> sealed.Indexed | None:
        """The base pack: its head holds its id, each file's stamp and facts record, and the record of
        the scans table (read whole: the prefilter reads them all). None when absent or not ours."""
        handle = self.folder.open(PACK_NAME)
        with long_lived():
            pack = sealed.Indexed.open(self.key, PACK_NAME, handle) if handle is not None else None
        head = pack.head if pack is not None else None
        if not isinstance(head, dict) or not isinstance(head.get("id"), str) or not _is_ref(head.get("scans")):
            return None
        facts = _entries_of(head.get("facts"), tuple)
        if facts is None or not all(_is_ref(ref) for _, ref in facts.values()):
            return None
        return pack

    @cached_property
    def _delta(self) -> dict[str, dict[str, Any]]:
        """The entries stored since the base pack was written (see save()), by table; none when they
        are another base's."""
        pack, delta = self._pack, self._read(DELTA_NAME, dict)
        changes = _delta_tables(delta)
        if pack is None or delta is None or changes is None or delta.get("base") != pack.head["id"]:
            return {}
        return changes

    def _with_delta(self, table: str, entries: dict[str, tuple[Stamp, Any]]) -> dict[str, tuple[Stamp, Any]]:
        entries.update(self._delta.get(table, {}))
        return entries

    def _read(self, name: str, kind: type[T]) -> T | None:
        """The file's value if it is sealed with our key and of this type; else None (a cold cache)."""
        data = self.folder.read(name)
        with long_lived():
            value = sealed.unseal(self.key, name, data) if data is not None else None
        return value if isinstance(value, kind) else None

    @cached_property
    def sql(self) -> dict[str, SqlAnalysis]:
        """SQL text -> its analysis (molecule_lint.sql), from earlier runs."""
        from molecule_lint.sql import SqlAnalysis  # only runs that analyse need it: importing it costs ~25 ms

        known = self._read(SQL_NAME, dict)
        if known is None or not all(isinstance(k, str) and isinstance(v, SqlAnalysis) for k, v in known.items()):
            return {}
        return known

    def save_sql(self, used: dict[str, SqlAnalysis]) -> None:
        if used != self.sql:
            self._write(SQL_NAME, used)

    def load_result(self, key: str, kind: type[T]) -> T | None:
        """The stored result of a whole run with this key (engine.run_key), or None."""
        stored = self._last_run
        if stored is None or stored[0] != key:
            return None
        with long_lived():
            result = sealed.load_data(stored[1])
        return result if isinstance(result, kind) else None

    def save_result(self, key: str, result: object) -> None:
        self._write(RESULT_NAME, (key, sealed.dump_data(result)))

    @cached_property
    def _last_run(self) -> tuple[str, bytes] | None:
        """The last result's key and the result pickled apart: a run with another key (every edit) does
        not unpickle 1,400 findings to find it cannot use them."""
        stored = self._read(RESULT_NAME, tuple)
        if stored is None or len(stored) != 2 or not isinstance(stored[0], str) or type(stored[1]) is not bytes:
            return None
        return stored[0], stored[1]

    def load_snapshot(self, kind: type[T]) -> T | None:
        """The last full analysis, for an incremental run (incremental.Snapshot), or None."""
        return self._read(SNAPSHOT_NAME, kind)

    def save_snapshot(self, snapshot: object) -> None:
        self._write(SNAPSHOT_NAME, snapshot)

    def load_settings(self, kind: type[T]) -> T | None:
        """The last config and rules with the digests of their files (settings.Settings), or None."""
        return self._read(SETTINGS_NAME, kind)

    def save_settings(self, settings: object) -> None:
        self._write(SETTINGS_NAME, settings)

    def load_walked(self, kind: type[T]) -> T | None:
        """The last discovery with what it read (discover.Walked), or None."""
        return self._read(WALKED_NAME, kind)

    def save_walked(self, walked: object) -> None:
        self._write(WALKED_NAME, walked)

    def load_linked(self, kind: type[L]) -> L | None:
        """The larger part of the last full analysis (relink.Linked), or None unless every file's linking
        facts and every other field read back (a relink without one would miss what links to it)."""
        from molecule_lint.facts import FileFacts

        handle = self.folder.open(LINKED_NAME)
        if handle is None:
            return None
        with handle, long_lived():
            pack = sealed.Indexed.open(self.key, LINKED_NAME, handle)
            head = pack.head if pack is not None else None
            if pack is None or not isinstance(head, dict):
                return None
            refs, rest_refs = head.get("known"), head.get("rest")
            names = {field.name for field in fields(kind)} - {"known"}
            if not isinstance(refs, dict) or not isinstance(rest_refs, dict) or rest_refs.keys() != names:
                return None
            rest: dict[str, Any] = {}  # data only, as the pickled Linked was
            for name, ref in rest_refs.items():
                if not _is_ref(ref) or (value := _record_of(pack, ref, object)) is None:
                    return None
                rest[name] = value
            known: dict[str, FileFacts] = {}
            for path, ref in refs.items():
                if not isinstance(path, str) or not _is_ref(ref) or (facts := _record_of(pack, ref, FileFacts)) is None:
                    return None
                known[path] = facts
        return kind(known=known, **rest)

    def save_linked(self, known: Iterable[tuple[str, FileFacts]], rest: Iterable[tuple[str, object]]) -> None:
        """An indexed file of a relink.Linked's fields (relink.linked_known, linked_rest): each file's
        linking facts a record of its own, each other field one more, each pickled as it comes. Pickled
        whole, the pickler's memo kept every object it saved alive to the end (+275 MB on a 2,400-file
        Go project whose linked part pickles to 40 MB)."""

        def fill(handle: BinaryIO) -> None:
            records = sealed.Records(handle)
            known_refs = {path: records.add(sealed.dump_data(facts)) for path, facts in known}
            rest_refs = {}
            for name, value in rest:
                rest_refs[name] = records.add(sealed.dump_data(value))
                del value  # not held while the next field is built
            records.close(self.key, LINKED_NAME, {"known": known_refs, "rest": rest_refs})

        self.folder.write(LINKED_NAME, fill)

    def save(self) -> None:
        """Write what changed: a small delta over the base pack (a pre-commit run changes a file or
        two, and rewriting a 25 MB pack costs ~1 s), or a new base when the delta grows or files go."""
        loaded: dict[str, Table[Any]] = {name: self.__dict__[name] for name in TABLES if name in self.__dict__}
        if not any(table.changed or table.pruned for table in loaded.values()):
            return
        changed = {name: table.changed & table.entries.keys() for name, table in loaded.items()}
        pending = sum(len(self._delta.get(name, {}).keys() | changed.get(name, set())) for name in TABLES)
        if self._pack is None or any(t.pruned for t in loaded.values()) or pending > MAX_DELTA:
            self._save_base()
            return
        delta = {name: dict(self._delta.get(name, {})) for name in TABLES}
        for name, paths in changed.items():
            packed = ((path, _packed(name, loaded[name], path)) for path in paths)
            delta[name].update((path, entry) for path, entry in packed if entry is not None)
        self._write(DELTA_NAME, {"base": self._pack.head["id"], "tables": delta})

    def _save_base(self) -> None:
        """A new base; the empty delta that goes with it is written after it, so a reader never pairs
        the new base with the old delta (the ids would not match anyway)."""
        base_id = os.urandom(8).hex()

        def fill(handle: BinaryIO) -> None:  # each file's facts written as they are pickled, not held
            records = sealed.Records(handle)
            facts = {
                path: (stamp, records.add(data))
                for path, (stamp, _) in self.facts.entries.items()
                if (data := self.facts.payload(path)) is not None
            }
            scans = records.add(sealed.dump_data(self.scans.entries))
            records.close(self.key, PACK_NAME, {"id": base_id, "facts": facts, "scans": scans})

        self.folder.write(PACK_NAME, fill)
        self._write(DELTA_NAME, {"base": base_id, "tables": {}})

    def _write(self, name: str, value: object) -> None:
        self.folder.write(name, lambda handle: sealed.seal(handle, self.key, name, value))


TABLES = ("facts", "scans")
ENTRY_WISE = frozenset({"facts"})  # tables whose values are pickled one by one: a run reads few of them


def _packed(name: str, table: Table[Any], path: str) -> tuple[Stamp, Any] | None:
    stamp, value = table.entries[path]
    if name not in ENTRY_WISE:
        return stamp, value
    payload = table.payload(path)
    return (stamp, payload) if payload is not None else None


def _record_of(pack: sealed.Indexed, ref: sealed.Ref, kind: type[T]) -> T | None:
    """The record's value, when it reads back as data of ``kind``."""
    data = pack.record(ref)
    value = sealed.load_data(data) if data is not None else None
    return value if isinstance(value, kind) else None


def _is_ref(value: object) -> bool:
    return (
        type(value) is tuple and len(value) == 3 and type(value[0]) is int and type(value[1]) is int
        and value[0] >= 0 and value[1] >= 0 and type(value[2]) is bytes
    )


def _entries_of(entries: object, kind: type) -> dict[str, tuple[Stamp, Any]] | None:
    """``entries`` when it maps paths to (Stamp, value of ``kind``); else None."""
    if not isinstance(entries, dict) or not all(
        isinstance(path, str) and type(entry) is tuple and len(entry) == 2 and isinstance(entry[0], Stamp)
        and isinstance(entry[1], kind)
        for path, entry in entries.items()
    ):
        return None
    return entries


def _delta_tables(delta: dict[Any, Any] | None) -> dict[str, dict[str, Any]] | None:
    """A delta's tables, when each holds (Stamp, value) entries: the facts pickled, the scans as they are; else None."""
    from molecule_lint.scan import Scan  # imported with the pack: a run answered from the cache needs none

    table_types: dict[str, type] = {"facts": bytes, "scans": Scan}
    tables = delta.get("tables") if delta is not None else None
    if not isinstance(tables, dict) or not tables.keys() <= table_types.keys():
        return None
    if any(_entries_of(entries, table_types[name]) is None for name, entries in tables.items()):
        return None
    return tables
