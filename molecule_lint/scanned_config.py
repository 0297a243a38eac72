"""A struct a program fills from a config file (kratos' `c.Scan(&bc)`, viper's `Unmarshal(&cfg)`,
`yaml.Unmarshal(data, &cfg)`): the builtins the Go frontend makes it of, read by the core (which may not
import a frontend)."""

from __future__ import annotations

CONFIG_SCAN = "config_scan"  # (text) -> the document, its field chains read as its keys
CONFIG_FILE = "config_file"  # (path) -> the text of the one config file at that path the program may run on


def field_key(name: str) -> str:
    """A field's name or a document's key as the libraries match them: case-insensitively, with no word
    separators (`ReportReplica` reads `report_replica`, as its protobuf json tag, viper and yaml.v3 say)."""
    return name.replace("_", "").replace("-", "").lower()
