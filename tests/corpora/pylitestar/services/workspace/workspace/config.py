from pathlib import Path

from omegaconf import DictConfig, OmegaConf

CONF_DIR = Path(__file__).resolve().parents[1] / "conf"

cfg: DictConfig = OmegaConf.load(CONF_DIR / "config.yaml")
