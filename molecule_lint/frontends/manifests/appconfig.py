"""A service's own config file (kratos' `configs/config.yaml`, a `config/application.yml`): where the
service is told its stores, under keys of its own (`data.database.source`) rather than env vars.

Every scalar is an entry named by its dotted key, at its line; the service is the folder holding the
config folder (`controlplane/configs/config.yaml` configures `controlplane`), or the file (`workspace/config.yaml`).
"""

from __future__ import annotations

from molecule_lint.facts import Fact, ManifestEnv, ManifestService
from molecule_lint.frontends.manifests.kinds import APP_CONFIG_FOLDERS
from molecule_lint.frontends.manifests.tree import Tree, dotted, scalars


def app_config_facts(path: str, tree: Tree) -> list[Fact]:
    folders = path.split("/")[:-1]
    folders = folders[:-1] if folders and folders[-1].lower() in APP_CONFIG_FOLDERS else folders
    service = folders[-1] if folders else path
    entries = [ManifestEnv(tree.loc(here), service, dotted(here), text) for here, text in scalars(tree)]
    return [ManifestService(tree.loc(()), service, "app-config"), *sorted(entries, key=lambda f: (f.loc.line, f.name))]
