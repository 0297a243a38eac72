"""Find the files of a project and the service each belongs to.

Reads directory entries (and the first few KiB of YAML files no name claims,
to tell Kubernetes manifests): nothing under the root is imported or
executed, and no symlink leading out of the root is followed.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from molecule_lint import __version__
from molecule_lint.cache import StatKey, digest, stat_key
from molecule_lint.config import DEFAULT_EXCLUDE, Config, Service, invalid_pattern
from molecule_lint.frontends.manifests.kinds import (
    ANSIBLE_TEMPLATE_SUFFIX,
    DOTENV_NAME,
    NAMED_FORMATS,
    SNIFF_BYTES,
    TERRAFORM_FORMATS,
    YAML_SUFFIXES,
    looks_like_kubernetes,
    manifest_format,
    may_be_kubernetes,
)
from molecule_lint.location import Compact
from molecule_lint.steering import UnsafeFile, read_steering_file

if TYPE_CHECKING:
    import pathspec

# Suffixes a frontend reads; manifests are recognised by name and folder (frontends/manifests/kinds.py).
LANGUAGES = {".py": "python", ".go": "go", ".sql": "sql"}
# Read besides the discovered files: go.mod names the Go modules (frontends/go/gomod.py); pyproject.toml
# may hold the config (`[tool.molecule-lint]`).
ALSO_READ = ("go.mod", "pyproject.toml")


def read_files_pattern() -> str:
    """A regex matching every path whose content can change findings: any file of a language, any YAML
    (a Kubernetes manifest is told by its content), every manifest name, ALSO_READ.

    It is the pre-commit hook's `files` pattern (.pre-commit-hooks.yaml; a test keeps the two equal).
    """
    suffixes = "|".join(re.escape(suffix[1:]) for suffix in (*LANGUAGES, *YAML_SUFFIXES, *TERRAFORM_FORMATS, ANSIBLE_TEMPLATE_SUFFIX))
    names = "|".join(re.escape(name) for name in (*NAMED_FORMATS, *ALSO_READ))
    return rf"(?i)\.({suffixes})$|(^|/)({names}|{DOTENV_NAME.pattern})$"


@dataclass(frozen=True, slots=True)
class SourceFile(Compact):  # Compact: a warm run unpickles thousands of them
    path: str  # relative to the root, with "/"
    language: str
    service: str | None  # None: no configured service claims it


@dataclass(frozen=True, slots=True)
class Skipped(Compact):
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Discovery:
    files: tuple[SourceFile, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...] = ()  # services that match nothing or overlap, a .gitignore not read


class ServiceMap:
    """First service whose gitignore-style `paths` match a file (SPEC §3)."""

    def __init__(self, services: tuple[Service, ...]) -> None:
        import pathspec  # a run that reuses its last discovery never matches a path

        self._specs = [(s, pathspec.GitIgnoreSpec.from_lines(s.paths)) for s in services]
        self.planes = {s.name: s.plane for s in services}
        self._memo: dict[str, tuple[str, ...]] = {}  # asked ~100k times a run for a few thousand paths
        self._folder_only = {
            number
            for number, service in enumerate(services)
            if all(p.endswith("/") and not p.startswith("!") for p in service.paths)
        }
        self._folders: dict[str, frozenset[int]] = {}

    def all_services_of(self, path: str) -> tuple[str, ...]:
        """Every service whose paths match, in config order (the first one owns the file)."""
        # With folder patterns only (the usual config), the answer is the folder's: one per folder.
        key = posixpath.dirname(path) + "/" if len(self._folder_only) == len(self._specs) else path
        if key not in self._memo:
            in_folders = self._folder_matches(posixpath.dirname(path))
            self._memo[key] = tuple(
                service.name
                for number, (service, spec) in enumerate(self._specs)
                if (number in in_folders if number in self._folder_only else spec.match_file(path))
            )
        return self._memo[key]

    def _folder_matches(self, folder: str) -> frozenset[int]:
        """The folder-pattern services ("controlplane/") that own everything under ``folder``.

        Decided per folder, not per file: a repository has far fewer folders than files.
        """
        if folder not in self._folders:
            inherited = self._folder_matches(posixpath.dirname(folder)) if folder else frozenset()
            here = {n for n in self._folder_only if n not in inherited and self._specs[n][1].match_file(folder + "/")}
            self._folders[folder] = inherited | here if folder else frozenset()
        return self._folders[folder]

    def service_of(self, path: str) -> str | None:
        names = self.all_services_of(path)
        return names[0] if names else None

    def plane_of(self, path: str) -> str | None:
        service = self.service_of(path)
        return self.planes.get(service) if service else None


def language_of(path: str) -> str | None:
    """The language of a project-relative path, by its suffix or, for a manifest, its name and folder."""
    suffix = os.path.splitext(path)[1]
    return LANGUAGES.get(suffix) or ("manifest" if manifest_format(path) else None)


def _sniffed_language(path: str, entry: os.DirEntry[str], reads: _Reads) -> str | None:
    """"manifest" for a YAML file that starts like a Kubernetes manifest (symlinks are not opened to find out)."""
    if not may_be_kubernetes(path) or entry.is_symlink():
        return None
    try:
        reads.saw(path, entry.stat(follow_symlinks=False))
        with open(entry.path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return None  # unreadable and not claimed by name: not a file we know we should read
    return "manifest" if looks_like_kubernetes(head) else None


def exclusion_spec(config: Config, warnings: list[str], reads: _Reads) -> Exclusions:
    """The defaults, the config's `exclude` and the root `.gitignore` (nested `.gitignore` files and
    `.git/info/exclude` are not read)."""
    import pathspec

    lines = [*DEFAULT_EXCLUDE, *config.exclude, *_gitignore_lines(config.root, warnings, reads)]
    return Exclusions(pathspec.GitIgnoreSpec.from_lines(lines))


class Exclusions:
    """A GitIgnoreSpec that asks one regex of all its patterns first: most files match none, and one
    search costs far less than pathspec's one per pattern (~146k searches a run on saleor)."""

    def __init__(self, spec: pathspec.GitIgnoreSpec) -> None:
        from pathspec.util import normalize_file

        self.spec = spec
        self._normalized = normalize_file
        regexes = [_unnamed(p.regex.pattern) for p in spec.patterns if p.include is not None and p.regex is not None]
        self._any = re.compile("|".join(f"(?:{r})" for r in regexes)) if regexes else None

    def match_file(self, path: str) -> bool:
        if self._any is None or self._any.search(self._normalized(path)) is None:
            return False  # no pattern matches: not excluded, whatever their order
        return self.spec.match_file(path)


def _unnamed(regex: str) -> str:
    """Named groups made plain: two patterns name the same group (pathspec's directory mark)."""
    return re.sub(r"\(\?P<\w+>", "(?:", regex)


def _gitignore_lines(root: Path, warnings: list[str], reads: _Reads) -> list[str]:
    """The root `.gitignore`'s valid patterns. Like git, an invalid line (`!`, `foo\\`) is skipped;
    a `.gitignore` that is no regular file inside the project, or over 1 MiB, is not read at all."""
    try:
        reads.saw(".gitignore", os.stat(root / ".gitignore", follow_symlinks=False))
    except OSError:
        pass  # none: one made later changes the root folder's stamp
    try:
        text = read_steering_file(root / ".gitignore", root).decode("utf-8", errors="replace")
    except FileNotFoundError:
        return []  # the common case
    except UnsafeFile as exc:
        warnings.append(f".gitignore not read: it {exc}")
        return []
    return [line for line in text.splitlines() if not invalid_pattern(line)]


def discover(config: Config) -> Discovery:
    """Every analysable file under the root, sorted by path."""
    return _discover(config, _Reads(config.root))


@dataclass(frozen=True, slots=True)
class Walked(Compact):
    """A discovery, with the stat of every folder it listed and every file it read to decide (the root
    .gitignore, YAML files sniffed). While none of those changed, a walk would find the same: a folder's
    stat changes with any entry made, removed or renamed in it, and its ctime with any change of mode."""

    key: str  # of what else it depends on: the tool, the root, `exclude` and the services
    stamps: dict[str, StatKey]  # "" the root, "a/b/" a folder, else a file
    listings: dict[str, str]  # each folder of ``stamps`` -> _listing() of its entries
    discovery: Discovery


def rediscover(config: Config, known: Walked | None) -> tuple[Discovery, Walked | None]:
    """``known``'s discovery when nothing it read changed (and None); else a fresh one, with its Walked
    when a later run may reuse it (None when a symlink's target or an unlisted folder decided something,
    or a stamp is too recent to tell a later change in the same clock tick). Only the folders on the
    way to a change are listed again: the others' files are ``known``'s; and when each of those holds
    the entries it held (an editor saves by rename, which changes the folder's stamp), every decision
    is ``known``'s, so no pattern is compiled."""
    key = _walk_key(config)
    changed = _changed(config.root, known.stamps) if known is not None and known.key == key else None
    if known is not None and changed == set():
        return known.discovery, None
    started = time.time_ns()
    if known is not None and changed and (alike := _listed_alike(config.root, known, changed)) is not None:
        discovery, stamps, listings, reusable = known.discovery, {**known.stamps, **alike}, known.listings, True
    else:
        reusable_walk = known if changed and ".gitignore" not in changed else None  # a new .gitignore: all anew
        reads = _Reads(config.root, reusable_walk, changed or ())
        discovery, stamps, listings, reusable = _discover(config, reads), reads.stamps, reads.listings, reads.reusable
    settled = started - _CLOCK_TICK_NS
    if not reusable or any(mtime >= settled or ctime >= settled for mtime, ctime, _, _ in stamps.values()):
        return discovery, None
    return discovery, Walked(key, stamps, listings, discovery)


def _listed_alike(root: Path, known: Walked, changed: set[str]) -> dict[str, StatKey] | None:
    """The new stamps of the ``changed`` paths when each is a folder holding the entries ``known`` listed
    in it; else None (a file read to decide changed, or a folder's entries did)."""
    base = os.path.join(root, "")
    stamps = {}
    for folder in changed:
        if folder not in known.listings:
            return None
        try:
            stamps[folder] = stat_key(os.stat(base + folder, follow_symlinks=False))  # before the listing, as _walk
            with os.scandir(base + folder) as entries:
                if _listing(entries) != known.listings[folder]:
                    return None
        except OSError:
            return None
    return stamps


def _listing(entries: Iterable[os.DirEntry[str]]) -> str:
    """What a walk decides from a folder's listing: its entries' names and kinds."""
    named = sorted(f"{_kind(entry)}{entry.name}" for entry in entries)
    return digest("\0".join(named).encode("utf-8", "surrogateescape"))


def _kind(entry: os.DirEntry[str]) -> str:
    try:
        if entry.is_dir(follow_symlinks=False):
            return "d"
        return "l" if entry.is_symlink() else "f" if entry.is_file(follow_symlinks=False) else "o"
    except OSError:
        return "?"  # vanished while we looked


_CLOCK_TICK_NS = 2 * 10**9  # coarser than any file system's timestamps


class _Reads:
    """What a walk read besides the config: the stamps to compare next time; and the last walk, whose
    folders with nothing ``changed`` at or below them need no listing."""

    def __init__(self, root: Path, known: Walked | None = None, changed: Iterable[str] = ()) -> None:
        self.root = root
        self.stamps: dict[str, StatKey] = {}
        self.listings: dict[str, str] = {}
        self.reusable = True  # False: something without a stamp decided (a symlink's target, an unlisted folder)
        self.known = known
        self.listed = {folder for path in changed for folder in (path, *_folders_above(path))}  # to list again
        self.kept: set[str] = set()  # folders taken from ``known`` whole

    def saw(self, path: str, stat: os.stat_result) -> None:
        self.stamps[path] = stat_key(stat)

    def keeps(self, folder: str) -> bool:
        """Is ``folder`` ("a/b/") as the last walk found it, below too? Then it is kept, not listed."""
        if self.known is None or folder in self.listed or folder not in self.known.stamps:
            return False
        self.kept.add(folder)
        return True

    def kept_below(self, path: str) -> bool:
        return any(folder in self.kept for folder in _folders_above(path))


def _folders_above(path: str) -> list[str]:
    """The folders holding ``path`` ("a/b/c.py" or "a/b/"), nearest first: "a/b/", "a/", ""."""
    folders = []
    while path:
        path = path[:-1] if path.endswith("/") else path
        path = path.rpartition("/")[0]
        folders.append(path + "/" if path else "")
    return folders


def _walk_key(config: Config) -> str:
    parts = (__version__, str(config.root), repr(config.exclude), repr(config.services), repr(DEFAULT_EXCLUDE))
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def _changed(root: Path, stamps: dict[str, StatKey]) -> set[str]:
    """The folders and files of ``stamps`` whose stat is not the one recorded (or that are gone)."""
    base = os.path.join(root, "")  # joined as strings: a Path per folder costs more than its stat
    changed = set()
    for path, stamp in stamps.items():
        try:
            if stat_key(os.stat(base + path, follow_symlinks=False)) != stamp:
                changed.add(path)
        except OSError:
            changed.add(path)
    return changed


def _discover(config: Config, reads: _Reads) -> Discovery:
    warnings: list[str] = []
    excluded = exclusion_spec(config, warnings, reads)
    services = ServiceMap(config.services)
    files: list[SourceFile] = []
    skipped: list[Skipped] = []
    root = config.root
    real_root = os.path.realpath(root)
    for rel, entry in _walk(root, "", excluded, skipped, reads):
        language = language_of(rel) or _sniffed_language(rel, entry, reads)
        if language is None:
            continue
        if entry.is_symlink():
            reads.reusable = False  # its target may change where no stamp of ours shows it
            target = os.path.realpath(entry.path)
            if not (target + os.sep).startswith(real_root + os.sep) or not os.path.isfile(target):
                skipped.append(Skipped(rel, "symlink leads outside the project or nowhere"))
                continue
        elif not entry.is_file(follow_symlinks=False):  # a FIFO would block the read, a device never end
            skipped.append(Skipped(rel, "not a regular file"))
            continue
        files.append(SourceFile(rel, language, services.service_of(rel)))
    if reads.known is not None and reads.kept:
        last = reads.known
        files += [f for f in last.discovery.files if reads.kept_below(f.path)]
        skipped += [entry for entry in last.discovery.skipped if reads.kept_below(entry.path)]
        reads.stamps.update(
            (path, stamp) for path, stamp in last.stamps.items() if path in reads.kept or reads.kept_below(path)
        )
        reads.listings.update(
            (path, listing) for path, listing in last.listings.items() if path in reads.kept or reads.kept_below(path)
        )
    files.sort(key=lambda f: f.path)
    skipped.sort(key=lambda s: s.path)
    warnings += _service_warnings(config, files, services)
    return Discovery(tuple(files), tuple(skipped), tuple(warnings))


class NothingToCheck(Exception):
    """A run that would pass without checking what matters; the message (one line) says why."""


def nothing_to_check(config: Config, discovery: Discovery) -> str | None:
    """Why a run would check nothing that matters — no file at all, or none of a platform service (a
    `.gitignore` holding `*` would do that) — or None."""
    cause = "missing, or excluded by `exclude` or .gitignore"
    if not discovery.files:
        return f"no file to analyse under {config.root} ({cause})"
    owned = {f.service for f in discovery.files}
    empty = [s for s in config.services if s.plane == "platform" and s.name not in owned]
    if not empty:
        return None
    services = ", ".join(f"`{s.name}` (paths: {', '.join(s.paths)})" for s in empty)
    return f"platform service(s) {services} own no file to analyse ({cause}, or claimed by a service listed earlier)"


def _service_warnings(config: Config, files: list[SourceFile], services: ServiceMap) -> list[str]:
    """Services that claim no file, and files two services claim (the first listed wins, SPEC §3)."""
    claimed: dict[str, int] = {s.name: 0 for s in config.services}
    overlaps: dict[tuple[str, ...], int] = {}
    for f in files:
        names = services.all_services_of(f.path)
        for name in names:
            claimed[name] += 1
        if len(names) > 1:
            overlaps[tuple(names)] = overlaps.get(tuple(names), 0) + 1
    warnings = [f"service `{name}`: its paths match no file" for name, count in claimed.items() if count == 0]
    warnings += [
        f"services {', '.join(f'`{n}`' for n in names)} all match {count} file(s); `{names[0]}` wins (listed first)"
        for names, count in sorted(overlaps.items())
    ]
    return warnings


def _walk(
    root: Path, prefix: str, excluded: Exclusions, skipped: list[Skipped], reads: _Reads
) -> Iterator[tuple[str, os.DirEntry[str]]]:
    directory = root / prefix if prefix else root
    try:
        reads.saw(prefix, os.stat(directory, follow_symlinks=False))  # before the listing: a change during it shows
        entries = list(os.scandir(directory))
    except OSError as exc:
        reads.reusable = False
        skipped.append(Skipped(prefix or ".", f"cannot list directory: {exc.strerror}"))
        return
    reads.listings[prefix] = _listing(entries)
    for entry in entries:
        name = entry.name
        if _undecodable(name):
            skipped.append(Skipped(f"{prefix}{name!r}", "file name is not valid UTF-8"))
            continue
        rel = f"{prefix}{name}"
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue  # vanished while we looked
        if is_dir:
            if not excluded.match_file(rel + "/") and not reads.keeps(rel + "/"):
                yield from _walk(root, rel + "/", excluded, skipped, reads)
        elif not excluded.match_file(rel):
            yield rel, entry


def _undecodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True  # surrogate-escaped bytes from a non-UTF-8 file name
    return False
