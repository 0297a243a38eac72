"""`molecule-lint init`: a commented starter config guessed from the repository.

Each guess says why in a `# review:` comment. Services come from folders; a
platform-named app inside another service (Plane's `plane/license/`) becomes a
service of its own, listed first so that it wins. Migrations are found by
folder (SQL files, Alembic `versions/`, Django apps), replayed to learn their
tables, and the org key is the column most of those tables share; a folder
whose tables carry it holds tenant data, and the service owning it is tenant
unless its name says otherwise. It reads files; it runs nothing.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from molecule_lint.config import DEFAULT_EXCLUDE
from molecule_lint.migrations import read_migrations
from molecule_lint.steering import UnsafeFile, read_regular

_PLANE_WORDS = {
    "platform": ("controlplane", "control_plane", "control-plane", "platform", "cp", "admin", "billing", "provisioner",
                 "provisioning", "console", "license", "licensing"),
    "tenant": ("tenant", "workspace", "workspace-server", "workspace_server", "runtime", "memory", "memory-plugin",
               "memory_plugin", "agent", "agents", "canvas", "worker"),
    "shared": ("lib", "libs", "common", "shared", "pkg", "core", "utils", "packages"),
}
# Names that mark an app inside another service as the platform's own (a folder named `platform`
# inside a tenant service is more often its client of the platform: not split out).
_PLATFORM_APPS = ("controlplane", "control_plane", "control-plane", "billing", "license", "licensing", "provisioner",
                  "provisioning")
_APP_DEPTH = 3  # how deep below a service's folder an app is looked for
# Folders that group services: each child is a service of its own (libs/ and packages/ stay one shared service).
_CONTAINERS = ("services", "apps", "cmd", "src")
_CODE = (".py", ".go")
_MANIFEST = re.compile(r"(^|/)((docker-)?compose[\w.-]*\.ya?ml|railway\.(toml|json)|render\.ya?ml|\.env(\.[\w-]+)?)$")
_STORE_ENV = re.compile(rb"\b([A-Z][A-Z0-9_]*(?:DATABASE|POSTGRES|PG|DB|REDIS|MEMORY|STORE)[A-Z0-9_]*(?:URL|DSN|HOST|ADDR|URI))\b")
_SKIP = {d.rstrip("/") for d in DEFAULT_EXCLUDE} | {"tests", "test", "docs", "examples", "vendor", "build", "dist"}
_MIGRATION_FOLDERS = ("migrations", "versions", "alembic")
# Columns nearly every table has: they say nothing about which org a row belongs to.
_GENERIC_COLUMNS = re.compile(r"^(id|uuid|pk|name|description|(created|updated|deleted|modified|archived)_(at|on|by|by_id)|"
                              r"(created|updated|deleted|modified)|version|sort_order|user_id|owner_id|actor_id)$")
_MAX_READ = 256 * 1024


@dataclass
class Guess:
    name: str
    path: str
    plane: str | None  # None: unknown, left for review
    why: str = ""
    migrations: list[str] = field(default_factory=list)
    env: set[str] = field(default_factory=set)


@dataclass
class MigrationFolder:
    pattern: str  # the glob the config will hold
    owner: Guess
    tables: dict[str, set[str]]  # table -> columns, after replaying the folder
    models: str | None  # the Django app's models module, beside the folder


def guess_plane(name: str) -> str | None:
    lowered = name.lower()
    for plane, words in _PLANE_WORDS.items():
        if lowered in words or any(lowered.startswith(w + s) for w in words for s in ("-", "_")):
            return plane
    return None


def _code_dirs(directory: Path) -> Iterable[tuple[str, list[str], list[str]]]:
    for dirpath, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP and not d.startswith("."))
        yield dirpath, dirs, files


def _has_code(directory: Path) -> bool:
    return any(f.endswith(_CODE) for _, _, files in _code_dirs(directory) for f in files)


def _services(root: Path) -> list[Guess]:
    guesses: list[Guess] = []
    for entry in sorted(root.iterdir()):
        if not entry.is_dir() or entry.name.startswith(".") or entry.name in _SKIP or entry.is_symlink():
            continue
        children = [c for c in sorted(entry.iterdir()) if c.is_dir() and not c.name.startswith(".") and _has_code(c)]
        if entry.name in _CONTAINERS and children:
            guesses.extend(_named(c.name, f"{entry.name}/{c.name}/") for c in children)
        elif _has_code(entry):
            guesses.append(_named(entry.name, f"{entry.name}/"))
    return guesses


def _named(name: str, path: str) -> Guess:
    plane = guess_plane(name)
    return Guess(name, path, plane, f"the folder's name `{name}`" if plane else "")


def _platform_apps(root: Path, guesses: list[Guess]) -> list[Guess]:
    """Platform-named apps inside services that are not the platform's."""
    apps = []
    for guess in guesses:
        if guess.plane == "platform":
            continue
        base = root / guess.path
        for dirpath, dirs, _ in _code_dirs(base):
            rel = Path(dirpath).relative_to(base)
            if len(rel.parts) >= _APP_DEPTH:
                dirs[:] = []
            for name in list(dirs):
                if name.lower() in _PLATFORM_APPS and _has_code(Path(dirpath) / name):
                    path = f"{guess.path}{(rel / name).as_posix().removeprefix('./')}/"
                    apps.append(Guess(name, path, "platform", f"an app named `{name}` inside `{guess.path}`"))
                    dirs.remove(name)
    return apps


def _unique_names(guesses: list[Guess]) -> list[Guess]:
    """Service names are keys of the config: a repeated folder name (`app/` and `cmd/app/`) takes its path."""
    seen: set[str] = set()
    for g in guesses:
        name = g.name if g.name not in seen else g.path.strip("/").replace("/", "-")
        n = 2
        while name in seen:
            name, n = f"{g.path.strip('/').replace('/', '-')}-{n}", n + 1
        g.name = name
        seen.add(name)
    return guesses


def _owner(guesses: list[Guess], rel_dir: str) -> Guess | None:
    return next((g for g in guesses if rel_dir.startswith(g.path)), None)


def _inspect(root: Path, guesses: list[Guess]) -> tuple[list[str], list[MigrationFolder]]:
    """Manifests, migration folders and data-store env names, each credited to the service holding it."""
    manifests: list[str] = []
    folders: list[MigrationFolder] = []
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP and not d.startswith(".") or d == ".github")
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        owner = _owner(guesses, rel_dir)
        if os.path.basename(dirpath) in _MIGRATION_FOLDERS and owner is not None:
            folders += _migration_folders(root, rel_dir, files, owner)
        for name in files:
            rel = rel_dir + name
            if _MANIFEST.search(rel):
                manifests.append(rel)
            if owner is not None and (name.endswith(_CODE) or _MANIFEST.search(rel)):
                owner.env.update(m.decode() for m in _STORE_ENV.findall(_head(os.path.join(dirpath, name))))
    return manifests, folders


def _head(path: str) -> bytes:
    """The start of a regular file; nothing for a FIFO, a device or an unreadable file (never a wait)."""
    try:
        return read_regular(path, _MAX_READ)
    except (OSError, UnsafeFile):
        return b""


def _migration_folders(root: Path, rel_dir: str, files: list[str], owner: Guess) -> list[MigrationFolder]:
    found = []
    for kind in sorted({os.path.splitext(f)[1] for f in files if f.endswith((".sql", ".py")) and f != "__init__.py"}):
        paths = [rel_dir + f for f in files if f.endswith(kind) and f != "__init__.py"]
        changes, _ = read_migrations(paths, lambda p: _head(str(root / p)).decode("utf-8", "replace"))
        tables: dict[str, set[str]] = {}
        for item in changes:
            change = item.change
            if change.kind == "create_table":
                tables[change.table.name] = set(change.columns)
            elif change.kind == "add_column":
                tables.setdefault(change.table.name, set()).update(change.columns)
            elif change.kind == "drop_table":
                tables.pop(change.table.name, None)
        found.append(MigrationFolder(f"{rel_dir}*{kind}", owner, tables, _models_module(root, rel_dir)))
    return found


def _models_module(root: Path, migrations_dir: str) -> str | None:
    """`pkg.app.models` for a Django app's migrations folder: the models its tables come from."""
    app = (root / migrations_dir).parent
    if not ((app / "models.py").is_file() or (app / "models" / "__init__.py").is_file()):
        return None
    parts = ["models"]
    package = app
    while (package / "__init__.py").is_file() and package != root:
        parts.insert(0, package.name)
        package = package.parent
    return ".".join(parts) if len(parts) > 1 else None


def _org_key(folders: list[MigrationFolder]) -> tuple[str, int, int] | None:
    """The column most tables share, beyond generic ones: (column, tables with it, tables)."""
    tables = {name: columns for f in folders if f.owner.plane != "platform" for name, columns in f.tables.items()}
    counts = Counter(c for columns in tables.values() for c in columns if not _GENERIC_COLUMNS.match(c))
    if not counts:
        return None
    column, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return (column, count, len(tables)) if count >= 2 and column.endswith("_id") else None


def starter_config(root: Path) -> str:
    services = _services(root)
    guesses = _unique_names(_platform_apps(root, services) + services)  # an app is listed first: the first match wins
    manifests, folders = _inspect(root, guesses)
    org = _org_key(folders)
    for folder in folders:
        keyed = sum(1 for columns in folder.tables.values() if org and org[0] in columns)
        if folder.owner.plane is None and org and keyed * 2 > len(folder.tables):
            folder.owner.plane = "tenant"
            folder.owner.why = f"its migrations `{folder.pattern}` create {len(folder.tables)} tables, {keyed} keyed by `{org[0]}`"
    lines = [
        "# molecule-lint starter config, written by `molecule-lint init`.",
        "# Every `# review:` line is a guess from the repository: check it.",
        "version: 1",
        "services:",
    ]
    for g in guesses:
        note = g.why or "unknown: platform, tenant or shared?"
        # `app/` would match any folder named app (gitignore-style): a top-level folder is anchored.
        path = g.path if "/" in g.path.rstrip("/") else "/" + g.path
        lines += [f"  - name: {g.name}", f"    plane: {g.plane or 'shared'}  # review: {note}", f'    paths: ["{path}"]']
    tenant = [f for f in folders if f.owner.plane == "tenant"]
    platform = [f for f in folders if f.owner.plane == "platform"]
    lines += ["tenant_data:", "  tables: []  # review: tenant tables not created by the migrations below"]
    lines.append("  migrations: " + _list(f.pattern for f in tenant) + "  # review: migrations of tenant services")
    env = sorted({e for g in guesses if g.plane == "tenant" for e in g.env})
    lines.append("  env: " + _list(env) + "  # review: data-store locations a tenant reads")
    lines += ['  redis_keys: []', '  endpoints: []  # e.g. "/workspaces/*/memories"']
    modules = [f.models for f in tenant if f.models]
    lines.append("  modules: " + _list(modules) + ("  # review: the models of those migrations" if modules else ""))
    lines += ["platform_data:", "  tables: []"]
    lines.append("  migrations: " + _list(f.pattern for f in platform) + "  # review: migrations of platform services")
    if org:
        lines.append(f"org_keys: [{org[0]}]  # review: the column {org[1]} of {org[2]} tables share")
    else:
        lines.append("org_keys: [org_id, tenant_id]  # review: the default; no migration named a shared key")
    lines.append('exclude: ["**/tests/**"]')
    if manifests:
        lines.append("# Deployment manifests found (for review): " + ", ".join(manifests[:20]))
    return "\n".join(lines) + "\n"


def _list(items: Iterable[str]) -> str:
    values = list(dict.fromkeys(items))
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"
