"""cloud-init user data (`#cloud-config`): the files its `write_files` puts on the host, as the host's
deployment. An environment file among them (a dotenv name, `/etc/environment`, `/etc/default/*`,
`/etc/sysconfig/*`) is read as a dotenv file, a `*.service` unit as a systemd unit — each variable at its
line in the user data when the content is a literal block (`content: |`), else at the `content:` key.
The service is the user data's folder, as for a dotenv file. Encoded content (`encoding: b64`, gzip) and
`runcmd`/`bootcmd` scripts are not read: nothing is decoded, sourced or run.
"""

from __future__ import annotations

import dataclasses
import re

from molecule_lint.facts import Fact, ManifestEnv, ManifestService
from molecule_lint.frontends.manifests.dotenv import dotenv_facts
from molecule_lint.frontends.manifests.kinds import manifest_format
from molecule_lint.frontends.manifests.systemd import systemd_facts
from molecule_lint.frontends.manifests.tree import Tree, mapping, sequence, text

HEADER = "#cloud-config"
_ENV_FOLDERS = ("etc/default/", "etc/sysconfig/")
_LITERAL_BLOCK = re.compile(r":\s*\|[-+0-9]*\s*(?:#.*)?$")  # `content: |` (folded `>` joins lines: not mapped)


def is_cloud_config(source: str) -> bool:
    return source.startswith(HEADER)


def cloud_init_facts(path: str, tree: Tree, source: str) -> list[Fact]:
    folder, _, name = path.rpartition("/")
    service = folder.rpartition("/")[2] if folder else name
    facts: list[Fact] = [ManifestService(tree.lines.loc(1), service, "cloud-init")]
    raw = source.splitlines()
    for i, entry in enumerate(sequence(mapping(tree.doc.value).get("write_files"))):
        entry = mapping(entry)
        target, content = text(entry.get("path")), text(entry.get("content"))
        if target is None or content is None or text(entry.get("encoding")) not in (None, "text/plain"):
            continue
        key_line = tree.doc.line(("write_files", i, "content")) or 1
        literal = 0 < key_line <= len(raw) and _LITERAL_BLOCK.search(raw[key_line - 1]) is not None
        for fact in _written(target.lstrip("/"), content):
            if isinstance(fact, ManifestEnv):
                line = key_line + fact.loc.line if literal else key_line
                facts.append(dataclasses.replace(fact, loc=tree.lines.loc(line), service=service))
    return facts


def _written(target: str, content: str) -> list[Fact]:
    """The facts of one file the user data writes, by what its path says it is."""
    form = manifest_format(target)
    if form == "dotenv" or target == "etc/environment" or target.startswith(_ENV_FOLDERS):
        return dotenv_facts(target, content)
    if form == "systemd":
        return systemd_facts(target, content)
    return []
