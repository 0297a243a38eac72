"""Optional job plugins, loaded by name from ops.ini."""

import importlib

EXPORTERS = {"csv": "opsjobs.etl.pipeline", "store": "workspace.store"}


def load_exporter(kind):
    return importlib.import_module(EXPORTERS[kind])
