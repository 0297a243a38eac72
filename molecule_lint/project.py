"""The project a command runs on: the config that governs its PATHs, and those PATHs inside it.

Each way a run could pass while checking nothing is refused here (exit 2): no config, a PATH that
does not exist or leads out of the project, PATHs governed by two configs, a config that cannot
find anything.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import astuple
from pathlib import Path

from molecule_lint.config import CONFIG_NAMES, Config, ConfigError, config_folders, find_config


class ProjectError(Exception):
    """A PATH or config location that leaves nothing to check; the message is one line."""


def governing_config(config_path: Path | None, paths: tuple[Path, ...]) -> Path:
    """``config_path``, else the config nearest to the PATHs (or the cwd), which must all exist."""
    for path in paths:
        if not path.exists():
            raise ProjectError(f"{path}: no such file or folder")
    return config_path or _governing_config(paths)


def project_scope(config: Config, paths: tuple[Path, ...]) -> tuple[str, ...]:
    """The PATHs relative to the root of ``config``, which must be able to find something."""
    _can_find_something(config)
    return _report_scope(config, [_inside(config.root, path) for path in paths])


def _report_scope(config: Config, relatives: list[str]) -> tuple[str, ...]:
    """What a run with these PATHs reports: their own findings, but everything when one is the root or a
    file that steers the whole analysis (the config, a rule pack), and a Go module's files for its go.mod:
    a commit that only edits one of those must not pass for want of findings *in* it."""
    steering = {config.source.relative_to(config.root).as_posix()} if config.source else set()
    packs = [posixpath.normpath(pack) + "/" for pack in config.packs]  # "./rules/" and "rules" alike
    scope: list[str] = []
    for rel in relatives:
        if rel == "." or rel in steering or any(rel.startswith(pack) for pack in packs):
            return ()
        folder, _, name = rel.rpartition("/")
        scope.append((folder + "/" if folder else "") if name == "go.mod" else rel)
    return () if "" in scope else tuple(scope)


def _governing_config(paths: tuple[Path, ...]) -> Path:
    """The one config nearest to every PATH: none, or two, is an error."""
    found: dict[Path, Path | None] = {}  # per start folder: pre-commit passes many files of one folder
    governs: dict[Path, Path] = {}  # a config -> the first PATH it governs
    for path in paths or (Path.cwd(),):
        start = _start(path)
        if start not in found:
            found[start] = find_config(start)
        config = found[start]
        if config is None:
            raise ProjectError(_no_config(path if paths else None, start))
        governs.setdefault(config, path)
    if len(governs) > 1:
        (first, first_path), (second, second_path) = list(governs.items())[:2]
        raise ProjectError(
            f"the PATHs belong to different projects: {first_path} to {_shown(first)}, {second_path} to "
            f"{_shown(second)}; run once per project or pass --config"
        )
    return next(iter(governs))


def _no_config(path: Path | None, start: Path) -> str:
    subject = f"no config for {path}" if path else "no config"
    folders = config_folders(start)
    if not folders:
        return f"{subject}: {start} is not searched for one (other users can write there); run `molecule-lint init` in your project"
    above = f" or above up to {folders[-1]}" if len(folders) > 1 else ""
    names = f"{', '.join(CONFIG_NAMES)} or [tool.molecule-lint] in pyproject.toml"
    return f"{subject}: no {names} in {folders[0]}{above}; run `molecule-lint init` to write one"


def _start(path: Path) -> Path:
    """Where the config search for ``path`` begins: the folder it is named in (a symlink is not followed)."""
    absolute = Path(os.path.abspath(path))
    return absolute if absolute.is_dir() and not absolute.is_symlink() else absolute.parent


def _inside(root: Path, path: Path) -> str:
    real = path.resolve()
    if not real.is_relative_to(root):
        raise ProjectError(f"{path}: outside the project {root}")
    relative = real.relative_to(root).as_posix()
    return relative + "/" if real.is_dir() and relative != "." else relative


def _can_find_something(config: Config) -> None:
    """Platform rules need a platform service and tenant data (tenant_data, or a tenant service's code);
    the tenant-side rules (MOL301, MOL302, MOL402) need a tenant service. A config with neither is a
    silent pass: the nested `version: 1` that replaced a real config is the case in point."""
    planes = {service.plane for service in config.services}
    if "tenant" in planes or ("platform" in planes and any(astuple(config.tenant_data))):
        return
    missing = (
        "a `platform` service but no tenant data (tenant_data: tables, migrations, env, redis_keys, endpoints, "
        "modules) and no `tenant` service"
        if "platform" in planes
        else "no `platform` or `tenant` service"
    )
    raise ConfigError(
        [
            f"{_shown(config.source or config.root)}: declares {missing}, so it can find nothing "
            "(a config is complete: it does not extend one in a folder above)"
        ]
    )


def _shown(path: Path) -> str:
    """A config path as the user best recognises it: relative to the cwd when inside it."""
    return path.relative_to(Path.cwd()).as_posix() if path.is_relative_to(Path.cwd()) else str(path)
