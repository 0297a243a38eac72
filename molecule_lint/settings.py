"""The config and the rules of a run, validated once per content: a warm run parses no YAML.

With a cache, the last validated config and rules are kept (sealed, like every cache file) with
the digest of every file they came from: the config, and each rule file of the built-in pack and
of the config's packs (their folders are listed again, so a rule file added or removed counts).
All digests equal: the same settings. Anything else is loaded and validated as always, and its
problems reported as always (settings with a problem are never kept).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from molecule_lint.cache import Unavailable, digest, open_cache
from molecule_lint.config import Config
from molecule_lint.rules import Rule, builtin_pack_dir
from molecule_lint.steering import UnsafeFile, read_steering_file

Loader = Callable[[Path], tuple[Config, dict[str, Rule]]]


@dataclass(frozen=True, slots=True)
class Settings:
    sources: tuple[tuple[str, str], ...]  # (file read, its content digest): the config first, then each rule file
    config: Config
    rules: dict[str, Rule]


def load_settings(path: Path, cache_dir: Path | None, load: Loader) -> tuple[Config, dict[str, Rule]]:
    """The config at ``path`` and its rules, as ``load`` makes them; from ``cache_dir`` when kept there
    and nothing they came from changed."""
    if cache_dir is None:
        return load(path)
    try:
        cache = open_cache(cache_dir, path.absolute().parent.resolve())
    except Unavailable:
        return load(path)  # the run reports why, when it opens the cache itself
    kept = cache.load_settings(Settings)
    if kept is not None and kept.sources and kept.sources[0][0] == str(path.absolute()):
        if _sources(path, kept.config) == kept.sources:
            return kept.config, kept.rules
    config, rules = load(path)
    sources = _sources(path, config)
    if sources:
        cache.save_settings(Settings(sources, config, rules))
    return config, rules


def _sources(path: Path, config: Config) -> tuple[tuple[str, str], ...]:
    """The digests of the config and of every rule file ``config`` reads; empty when one cannot be read
    (loading it says why)."""
    folders = [builtin_pack_dir(), *((config.root / pack).resolve() for pack in config.packs)]
    files = [(path.absolute(), config.root)]
    files += [(file, folder) for folder in folders if folder.is_dir() for file in sorted(folder.glob("*.yaml"))]
    try:
        return tuple((str(file), digest(read_steering_file(file, inside))) for file, inside in files)
    except (OSError, UnsafeFile):
        return ()
