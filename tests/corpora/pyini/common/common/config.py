"""INI settings, PasteDeploy style: one file per environment, `%(here)s` resolved."""

import configparser
import os


def load(path, section="app:main"):
    parser = configparser.ConfigParser(defaults={"here": os.path.dirname(os.path.abspath(path))})
    parser.read(path)
    return dict(parser.items(section))
