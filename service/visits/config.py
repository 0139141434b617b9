"""config/households.yaml: the kinds of household with their visit cadence, the words members
use to report a visit, and the households with the member responsible. Validated at start-up;
errors name file, line and key."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from service.community import Community, load_community
from service.community.yaml_source import ConfigError, ReferenceProblem, config_files, load_model
from service.settings import get_settings
from service.street.config import load_street


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Kind(_Strict):
    every_days: int = Field(ge=1, le=366)


class Words(_Strict):
    visit: tuple[str, ...] = Field(min_length=1)
    help: tuple[str, ...] = Field(min_length=1)


class Household(_Strict):
    building: int = Field(ge=1, le=999)
    unit: str | None = Field(default=None, pattern=r"^\d{1,2}$")
    room: str = Field(pattern=r"^\d{1,5}$")
    kind: str = Field(min_length=1, max_length=20)
    contact: str | None = Field(default=None, max_length=20)
    member: str = Field(min_length=2, max_length=20)

    @property
    def key(self) -> str:
        """How the household is stored: `3-2-501` (`3--501` without a unit)."""
        return f"{self.building}-{self.unit or ''}-{self.room}"

    @property
    def label(self) -> str:
        """As a member says it: 3号楼2单元501室."""
        unit = f"{self.unit}单元" if self.unit else ""
        return f"{self.building}号楼{unit}{self.room}室"

    @property
    def short(self) -> str:
        """As a member types it: 3-2-501."""
        return (
            f"{self.building}-{self.unit}-{self.room}"
            if self.unit
            else f"{self.building}-{self.room}"
        )


class HouseholdsConfig(_Strict):
    since: date
    kinds: dict[str, Kind] = Field(min_length=1)
    words: Words
    households: tuple[Household, ...] = ()

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> HouseholdsConfig:
        community: Community | None = (info.context or {}).get("community")
        seen: set[str] = set()
        for i, household in enumerate(self.households):
            if household.kind not in self.kinds:
                raise ReferenceProblem(
                    ("households", i, "kind"),
                    f"{household.kind!r} is not one of kinds ({', '.join(self.kinds)})",
                )
            if household.key in seen:
                raise ReferenceProblem(("households", i), f"{household.label} is listed twice")
            seen.add(household.key)
            if community is not None and household.building not in community.buildings:
                raise ReferenceProblem(
                    ("households", i, "building"),
                    f"building {household.building} is in no grid of community.yaml",
                )
        return self

    def cadence(self, household: Household) -> timedelta:
        return timedelta(days=self.kinds[household.kind].every_days)

    def find(self, building: str | None, unit: str | None, room: str | None) -> list[Household]:
        """The households at this place: the building and room must match; the unit when both
        sides name one."""
        if building is None or room is None:
            return []
        return [
            h
            for h in self.households
            if str(h.building) == building
            and h.room == room
            and (h.unit is None or unit is None or h.unit == unit)
        ]

    def by_key(self, key: str) -> Household | None:
        return next((h for h in self.households if h.key == key), None)


def load_households(config_dir: Path, community: Community) -> HouseholdsConfig:
    return load_model(
        config_files(config_dir, "households.yaml"),
        HouseholdsConfig,
        context={"community": community},
    )


@cache
def _households_in(config_dir: Path, name: str) -> HouseholdsConfig:
    street = load_street(config_dir)
    for slug in street.communities:
        community = load_community(street.community_dir(slug))
        if community.name == name:
            return load_households(street.community_dir(slug), community)
    raise ConfigError(f"{config_dir}: no community named {name!r}")


_active: dict[str, HouseholdsConfig] = {}


def use_households(community: Community, config: HouseholdsConfig) -> None:
    """Called by `open_core` with the households it validated at start-up."""
    _active[community.name] = config


def current_households(community: Community) -> HouseholdsConfig:
    """The community's households loaded at start-up; without a start-up, those of the community
    of that name under HONGQIAO_CONFIG_DIR."""
    config = _active.get(community.name)
    return (
        config if config is not None else _households_in(get_settings().config_dir, community.name)
    )
