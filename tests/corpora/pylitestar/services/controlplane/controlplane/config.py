from pathlib import Path

from omegaconf import DictConfig, OmegaConf

CONF = Path(__file__).resolve().parents[1] / "conf"


def load() -> DictConfig:
    base = OmegaConf.load(CONF / "config.yaml")
    db = OmegaConf.load(CONF / "db" / "postgres.yaml")
    return OmegaConf.merge(base, {"db": db})


cfg = load()
