"""Where the sample configuration's files are: the street's shared files in config/, each
community's own in config/communities/<slug>/ (幸福里社区 is `xingfuli`, 金茂社区 `jinmao`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from service.settings import REPO_ROOT

CONFIG = REPO_ROOT / "config"
XINGFULI = "xingfuli"
JINMAO = "jinmao"


def community_dir(config_dir: Path = CONFIG, slug: str = XINGFULI) -> Path:
    return config_dir / "communities" / slug


SAMPLE = community_dir()


def config_copy(tmp_path: Path) -> Path:
    """A copy of the whole sample configuration to change in a test."""
    shutil.copytree(CONFIG, tmp_path / "config")
    return tmp_path / "config"


def file_to_change(config_dir: Path, name: str, slug: str = XINGFULI, holding: str = "") -> Path:
    """The file that holds a setting of the community: its own, else the street's shared one;
    with `holding`, the one of the two whose text holds it."""
    own = community_dir(config_dir, slug) / name
    layers = [p for p in (own, config_dir / name) if p.exists()]
    return next((p for p in layers if holding in p.read_text(encoding="utf-8")), own)
