"""config/wall.yaml: when the weekly digest goes out, how long its lines are, and the words a
resident group never reads (service/wall/privacy.py)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from service.community.yaml_source import any_exists, config_files, load_model
from service.settings import get_settings

WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_WEEKDAY_SYNONYMS = {"星期" + d[1]: d for d in WEEKDAYS_ZH} | {"星期天": "周日", "周天": "周日"}


class WallConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    day: str = "周六"
    time: dt.time = dt.time(10, 0)
    catch_up_hours: int = Field(default=24, ge=1, le=24 * 6)
    max_lines: int = Field(default=10, ge=1, le=50)
    note_chars: int = Field(default=24, ge=6, le=200)
    honorifics: tuple[str, ...] = ()
    surnames: str = ""
    resident_word: str = Field(default="居民", min_length=1)
    private_categories: tuple[str, ...] = ("care",)

    @field_validator("day")
    @classmethod
    def _weekday(cls, value: str) -> str:
        day = _WEEKDAY_SYNONYMS.get(value.strip(), value.strip())
        if day not in WEEKDAYS_ZH:
            raise ValueError(f"day must be one of {'、'.join(WEEKDAYS_ZH)}, not {value!r}")
        return day

    @property
    def weekday(self) -> int:
        """Monday is 0, as date.weekday()."""
        return WEEKDAYS_ZH.index(self.day)


def load_wall_config(config_dir: Path) -> WallConfig:
    paths = config_files(config_dir, "wall.yaml")
    return load_model(paths, WallConfig) if any_exists(paths) else WallConfig()


@cache
def _config_in(config_dir: Path) -> WallConfig:
    return load_wall_config(config_dir)


_active: list[WallConfig] = []


def use_config(config: WallConfig) -> None:
    """Called by `open_core` with the configuration it validated at start-up."""
    _active[:] = [config]


def current_config() -> WallConfig:
    """The configuration loaded at start-up; without a start-up, that of HONGQIAO_CONFIG_DIR."""
    return _active[0] if _active else _config_in(get_settings().config_dir)
