"""`molecule-lint init`: a commented starter config guessed from the repository layout.

Guesses are marked `# review:` — planes come from folder names, migrations
from folder names and file types, env names from what looks like a data-store
location. It reads file names and a few text files; it runs nothing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from molecule_lint.config import DEFAULT_EXCLUDE

_PLANE_WORDS = {
    "platform": ("controlplane", "control_plane", "control-plane", "platform", "cp", "admin", "billing", "provisioner", "console"),
    "tenant": ("tenant", "workspace", "workspace-server", "workspace_server", "runtime", "memory", "memory-plugin", "memory_plugin", "agent", "agents", "canvas", "worker"),
    "shared": ("lib", "libs", "common", "shared", "pkg", "core", "utils", "packages"),
}
# Folders that group services: each child is a service of its own (libs/ and packages/ stay one shared service).
_CONTAINERS = ("services", "apps", "cmd", "src")
_CODE = (".py", ".go")
_MANIFEST = re.compile(r"(^|/)((docker-)?compose[\w.-]*\.ya?ml|railway\.(toml|json)|render\.ya?ml|\.env(\.[\w-]+)?)$")
_STORE_ENV = re.compile(rb"\b([A-Z][A-Z0-9_]*(?:DATABASE|POSTGRES|PG|DB|REDIS|MEMORY|STORE)[A-Z0-9_]*(?:URL|DSN|HOST|ADDR|URI))\b")
_SKIP = {d.rstrip("/") for d in DEFAULT_EXCLUDE} | {"tests", "test", "docs", "examples", "vendor", "build", "dist"}


@dataclass
class Guess:
    name: str
    path: str
    plane: str | None  # None: unknown, left for review
    migrations: list[str] = field(default_factory=list)
    env: set[str] = field(default_factory=set)


def guess_plane(name: str) -> str | None:
    lowered = name.lower()
    for plane, words in _PLANE_WORDS.items():
        if lowered in words or any(lowered.startswith(w + s) for w in words for s in ("-", "_")):
            return plane
    return None


def _has_code(directory: Path) -> bool:
    for _, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if d not in _SKIP and not d.startswith(".")]
        if any(f.endswith(_CODE) for f in files):
            return True
    return False


def _services(root: Path) -> list[Guess]:
    guesses: list[Guess] = []
    for entry in sorted(root.iterdir()):
        if not entry.is_dir() or entry.name.startswith(".") or entry.name in _SKIP or entry.is_symlink():
            continue
        children = [c for c in sorted(entry.iterdir()) if c.is_dir() and not c.name.startswith(".") and _has_code(c)]
        if entry.name in _CONTAINERS and children:
            guesses.extend(Guess(c.name, f"{entry.name}/{c.name}/", guess_plane(c.name)) for c in children)
        elif _has_code(entry):
            guesses.append(Guess(entry.name, f"{entry.name}/", guess_plane(entry.name)))
    return guesses


def _inspect(root: Path, guesses: list[Guess]) -> list[str]:
    manifests = []
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP and not d.startswith(".") or d == ".github")
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        owner = next((g for g in guesses if rel_dir.startswith(g.path)), None)
        if os.path.basename(dirpath) in ("migrations", "versions", "alembic") and owner is not None:
            kinds = sorted({os.path.splitext(f)[1] for f in files if f.endswith((".sql", ".py")) and f != "__init__.py"})
            owner.migrations.extend(f"{rel_dir}*{kind}" for kind in kinds)
        for name in sorted(files):
            rel = rel_dir + name
            if _MANIFEST.search(rel):
                manifests.append(rel)
            if owner is not None and (name.endswith(_CODE) or _MANIFEST.search(rel)):
                try:
                    with open(os.path.join(dirpath, name), "rb") as handle:
                        owner.env.update(m.decode() for m in _STORE_ENV.findall(handle.read(256 * 1024)))
                except OSError:
                    continue
    return manifests


def starter_config(root: Path) -> str:
    guesses = _services(root)
    manifests = _inspect(root, guesses)
    lines = [
        "# molecule-lint starter config, written by `molecule-lint init`.",
        "# Every `# review:` line is a guess from the repository layout: check it.",
        "version: 1",
        "services:",
    ]
    for g in guesses:
        plane = g.plane or "shared"
        note = "guessed from the folder name" if g.plane else "unknown: platform, tenant or shared?"
        lines += [f"  - name: {g.name}", f"    plane: {plane}  # review: {note}", f'    paths: ["{g.path}"]']
    tenant = [g for g in guesses if g.plane == "tenant"]
    platform = [g for g in guesses if g.plane == "platform"]
    lines += ["tenant_data:", "  tables: []  # review: tenant tables not created by the migrations below"]
    lines.append("  migrations: " + _list(m for g in tenant for m in g.migrations) + "  # review")
    lines.append("  env: " + _list(sorted({e for g in tenant for e in g.env})) + "  # review: data-store locations a tenant reads")
    lines += ['  redis_keys: []', '  endpoints: []  # e.g. "/workspaces/*/memories"', "  modules: []"]
    lines += ["platform_data:", "  tables: []"]
    lines.append("  migrations: " + _list(m for g in platform for m in g.migrations) + "  # review")
    lines += ["org_keys: [org_id, tenant_id]", 'exclude: ["**/tests/**"]']
    if manifests:
        lines.append("# Deployment manifests found (for review): " + ", ".join(manifests[:20]))
    return "\n".join(lines) + "\n"


def _list(items: Iterable[str]) -> str:
    values = list(dict.fromkeys(items))
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"
