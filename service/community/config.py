"""Typed community configuration, validated at start-up."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from service.community.chatwords import ChatWords, load_chat_words
from service.community.policy import TicketPolicy, load_policy
from service.community.yaml_source import (
    ConfigError,
    ReferenceProblem,
    config_files,
    load_model,
)

Role = Literal["admin", "secretary", "duty", "grid_head", "party_leader", "property"]
# street: the 街道党工委's group, added from config/street.yaml (service/street/config.py).
GroupKind = Literal["community", "grid", "party", "resident", "property", "street"]
_BUILDING_GROUP = re.compile(r"^(\d+)(?:号楼|栋|幢)?(居民群|党小组)?$")
STAFF_GROUP_KINDS = frozenset({"community", "grid", "party", "property"})

__all__ = [
    "Community",
    "ConfigError",
    "Grid",
    "Group",
    "Person",
    "StreetSeat",
    "load_community",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(_Strict):
    name: str = Field(min_length=1)
    roles: tuple[Role, ...] = ()


class Grid(_Strict):
    number: int = Field(ge=1)
    name: str = Field(min_length=1)
    buildings: tuple[int, ...] = Field(min_length=1)
    head: str
    group: str


class Group(_Strict):
    name: str = Field(min_length=1)
    kind: GroupKind
    building: int | None = Field(default=None, ge=1)
    grid: int | None = Field(default=None, ge=1)
    leader: str | None = None
    members: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _kind_fields(self) -> Group:
        if self.kind == "party" and self.building is None:
            raise ValueError("a party group needs a building")
        if self.kind == "grid" and self.grid is None:
            raise ValueError("a grid group needs a grid number")
        return self

    @property
    def is_staff_group(self) -> bool:
        return self.kind in STAFF_GROUP_KINDS

    @property
    def binds_by_trust(self) -> bool:
        """Told about tickets: bound by an admin (or the simulator), never by a look-alike
        topic (service/community/rooms.py)."""
        return self.is_staff_group or self.kind == "street"

    @property
    def takes_staff_commands(self) -> bool:
        """Where ticket commands (`#12 接单`, `待办`) are staff's: the staff groups, and the
        street office's group for the tickets addressed to the community (bot/router.py)."""
        return self.binds_by_trust


class StreetSeat(_Strict):
    """The community's place in its 街道 (config/street.yaml), set by
    service.street.config.with_street_group, never read from community.yaml."""

    # Every community of the street by name, in the street's order: the first one's bot answers
    # what is said in the street's group without naming a community.
    communities: tuple[str, ...]
    # The street office's people (members of its group): known to the community's chat as
    # people (`person`), never among its own (`people`: its members page, points, imports).
    people: tuple[Person, ...] = ()


class Community(_Strict):
    name: str = Field(min_length=1)
    timezone: str = "Asia/Shanghai"
    people: tuple[Person, ...]
    grids: tuple[Grid, ...]
    groups: tuple[Group, ...]
    policy: TicketPolicy  # from tickets.yaml
    words: ChatWords  # from commands.yaml
    street: StreetSeat | None = Field(default=None, exclude=True)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r}") from exc
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Community:
        _unique("people", [p.name for p in self.people], "name")
        _unique("groups", [g.name for g in self.groups], "name")
        _unique("grids", [str(g.number) for g in self.grids], "number")
        people = {p.name for p in self.people}
        groups = {g.name: g for g in self.groups}
        seen_buildings: set[int] = set()
        for i, grid in enumerate(self.grids):
            if grid.head not in people:
                raise ReferenceProblem(("grids", i, "head"), f"{grid.head!r} is not in people")
            if grid.group not in groups or groups[grid.group].kind != "grid":
                raise ReferenceProblem(
                    ("grids", i, "group"), f"{grid.group!r} is not a group of kind grid"
                )
            twice = seen_buildings.intersection(grid.buildings)
            if twice:
                raise ReferenceProblem(
                    ("grids", i, "buildings"), f"building {min(twice)} is in more than one grid"
                )
            seen_buildings.update(grid.buildings)
        for i, group in enumerate(self.groups):
            if group.leader is not None and group.leader not in people:
                raise ReferenceProblem(
                    ("groups", i, "leader"), f"{group.leader!r} is not in people"
                )
            for j, member in enumerate(group.members):
                if member not in people:
                    raise ReferenceProblem(
                        ("groups", i, "members", j), f"{member!r} is not in people"
                    )
            if group.building is not None and group.building not in seen_buildings:
                raise ReferenceProblem(
                    ("groups", i, "building"), f"building {group.building} is in no grid"
                )
        for building in sorted(seen_buildings):
            if not any(g.kind == "party" and g.building == building for g in self.groups):
                raise ReferenceProblem(("groups",), f"building {building} has no party group")
        if sum(1 for g in self.groups if g.kind == "community") != 1:
            raise ReferenceProblem(("groups",), "exactly one group of kind community is needed")
        return self

    # -- lookups -------------------------------------------------------------------------

    def person(self, name: str) -> Person | None:
        """A configured person by name: the community's own, or the street office's."""
        found = next((p for p in self.people if p.name == name), None)
        if found is None and self.street is not None:
            found = next((p for p in self.street.people if p.name == name), None)
        return found

    def group(self, name: str) -> Group | None:
        return next((g for g in self.groups if g.name == name), None)

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def community_group(self) -> Group:
        return next(g for g in self.groups if g.kind == "community")

    @property
    def compound_group(self) -> Group:
        """Who answers for what happens at no building (东门, 广场, 南门的坑, the road outside):
        the group of the community's only grid, which covers the whole community; with several
        grids, the community group."""
        if len(self.grids) == 1:
            grid = self.group(self.grids[0].group)
            if grid is not None:
                return grid
        return self.community_group

    @property
    def street_group(self) -> Group | None:
        """The street office's group above the community's, when the street has one."""
        return next((g for g in self.groups if g.kind == "street"), None)

    @property
    def buildings(self) -> frozenset[int]:
        return frozenset(b for grid in self.grids for b in grid.buildings)

    def grid_of_building(self, building: int) -> Grid | None:
        return next((g for g in self.grids if building in g.buildings), None)

    def party_group(self, building: int) -> Group | None:
        return next((g for g in self.groups if g.kind == "party" and g.building == building), None)

    def chain(self, group: Group) -> Iterator[Group]:
        """The group and every group above it: party group → grid group → community group."""
        yield group
        if group.kind == "community":
            return
        if group.kind == "party" and group.building is not None:
            grid = self.grid_of_building(group.building)
            grid_group = self.group(grid.group) if grid else None
            if grid_group is not None:
                yield grid_group
        yield self.community_group

    def find_group(self, words: str) -> Group | None:
        """A group by its name or by the words staff use: 社区, 物业, 第一网格(党支部), 3号楼
        (its party group), 3号楼居民群 / 3号楼党小组. Spaces are ignored."""
        text = "".join(words.split())
        group = self.group(text)
        if group is None and text in {"社区", "社区党委"}:
            group = self.community_group
        if group is None and text in {"物业", "物业公司", "物业服务中心"}:
            group = next((g for g in self.groups if g.kind == "property"), None)
        if group is None:
            grid = next((g for g in self.grids if text in {g.name, f"{g.name}党支部"}), None)
            group = self.group(grid.group) if grid else None
        building = _BUILDING_GROUP.match(text)
        if group is None and building:
            kind = "resident" if building[2] == "居民群" else "party"
            number = int(building[1])
            group = next((g for g in self.groups if g.kind == kind and g.building == number), None)
        return group

    def may_act_for(self, person: Person, group: Group) -> bool:
        """Members of a group, or of a group above it, may act on what that group handles."""
        return any(person.name in g.members or person.name == g.leader for g in self.chain(group))

    def leader_of(self, group: Group) -> str | None:
        """The group's configured leader: its `leader`, or a grid group's grid head."""
        if group.leader is not None:
            return group.leader
        grid = next((g for g in self.grids if g.group == group.name), None)
        return grid.head if grid is not None else None

    def duty_staff(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if "duty" in p.roles)


def _unique(what: str, names: list[str], key: str) -> None:
    for index, name in enumerate(names):
        if name in names[:index]:
            raise ReferenceProblem((what, index, key), f"{name!r} is listed more than once")


def load_community(config_dir: Path) -> Community:
    """Read config_dir/community.yaml; a broken file raises ConfigError naming file, line, key."""
    policy = load_policy(config_dir)
    words = load_chat_words(config_dir)
    return load_model(
        config_files(config_dir, "community.yaml"),
        Community,
        extra={"policy": policy, "words": words},
    )
