"""Module names, and resolving an imported name to a file of the project.

A module's canonical name is its root-relative path in dots
("workspace-server/app/store.py" -> "workspace-server.app.store"). Code imports
it by other names: "app.store" when `app/` is a package on sys.path, or
"common.db" from a `src/` layout. We register those aliases from the file
layout alone — never by importing anything, unlike import-linter/grimp whose
`find_spec` runs the scanned code.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable


def python_module_name(path: str) -> str:
    stem = path.removesuffix(".py")
    parts = stem.split("/")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def django_app_label(module: str) -> str:
    """Django's default app label: the package holding `models` ("shop.models.order" -> "shop")."""
    parts = module.split(".")
    if "models" in parts[1:]:
        return parts[parts.index("models", 1) - 1]
    return parts[-2] if len(parts) > 1 else parts[0]


class ModuleIndex:
    """Every module of the project, addressable by canonical name or alias."""

    def __init__(
        self, modules: dict[str, str], python_paths: Iterable[str] = (), package_markers: Iterable[str] = ()
    ) -> None:
        """``modules`` maps canonical module name -> path (Python and Go alike); ``package_markers`` are
        `__init__.py` files that tell a package even when they were not analysed (the prefilter skips them)."""
        self.paths = modules
        self._aliases: dict[str, set[str]] = defaultdict(set)
        self._import_names: dict[str, str] = {}  # canonical -> the name code imports it by
        # Asked for every global name the core evaluates: an ambiguous alias's choice, and every split.
        self._nearest: dict[tuple[str, str], str] = {}
        self._splits: dict[tuple[str, str], tuple[str, tuple[str, ...]] | None] = {}
        for name in modules:
            self._aliases[name].add(name)
        self._register_python_aliases(set(python_paths), set(package_markers))

    def _register_python_aliases(self, paths: set[str], markers: set[str]) -> None:
        packages = {os.path.dirname(p) for p in paths | markers if p.endswith("/__init__.py") or p == "__init__.py"}
        for path in paths:
            canonical = python_module_name(path)
            parts = canonical.split(".")
            # The name Python would see with the first non-package ancestor on sys.path.
            directory = os.path.dirname(path.removesuffix("/__init__.py"))
            depth = 0
            while directory and directory in packages:
                directory = os.path.dirname(directory)
                depth += 1
            import_name = ".".join(parts[len(parts) - depth - 1 :])
            self._aliases[import_name].add(canonical)
            self._import_names[canonical] = import_name
            # Namespace packages (no __init__.py): any dotted suffix of two parts or more.
            for start in range(1, len(parts) - 1):
                self._aliases[".".join(parts[start:])].add(canonical)

    def display_name(self, canonical: str) -> str:
        """How code imports a module ("common.db" rather than "libs.common.src.common.db")."""
        return self._import_names.get(canonical, canonical)

    def resolve(self, name: str, near: str = "") -> str | None:
        """The canonical module for a dotted name; on ambiguity, the one nearest ``near`` (a path).

        Go imports are full paths: from a Go file only an exact package path resolves, so that
        `import "log"` never lands on some Python `log.py`.
        """
        if near.endswith(".go"):
            return name if name in self.paths else None
        candidates = self._aliases.get(name)
        if not candidates:
            return None
        if len(candidates) == 1:
            return next(iter(candidates))
        if name in candidates:
            return name
        if (name, near) not in self._nearest:
            self._nearest[(name, near)] = max(sorted(candidates), key=lambda c: _shared_prefix(self.paths.get(c, ""), near))
        return self._nearest[(name, near)]

    def split(self, qualified: str, near: str = "") -> tuple[str, str | None] | None:
        """Split "pkg.mod.func.attr" into (canonical module, "func"), longest module prefix first."""
        found = self.split_all(qualified, near)
        return None if found is None else (found[0], found[1][0] if found[1] else None)

    def split_all(self, qualified: str, near: str = "") -> tuple[str, tuple[str, ...]] | None:
        """Split "pkg.mod.func.attr" into (canonical module, ("func", "attr")), longest module prefix first."""
        key = (qualified, near)
        if key not in self._splits:
            self._splits[key] = None
            parts = qualified.split(".")
            for cut in range(len(parts), 0, -1):
                module = self.resolve(".".join(parts[:cut]), near)
                if module is not None:
                    self._splits[key] = module, tuple(parts[cut:])
                    break
        return self._splits[key]


def _shared_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))
