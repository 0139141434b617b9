"""config/street.yaml: the 街道 and its communities, each configured in config/communities/<slug>/.

Without street.yaml the configuration directory is one community's (community.yaml beside the
shared files), as before there were streets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from service.community.config import Community, Group, Person, StreetSeat
from service.community.yaml_source import ConfigError, ReferenceProblem, load_model

STREET_FILE = "street.yaml"
COMMUNITIES_DIR = "communities"
# A slug names the community's schema and file: short, lowercase, safe in SQL and file names.
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,30}$")]
# The one community of a configuration directory without street.yaml.
SINGLE = "default"
# The command line's --community option.
COMMUNITY_HELP = "which community of config/street.yaml, by slug (default: the first)"


class StreetPerson(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)


class _Named(BaseModel):
    """A community.yaml read for its name only (the street's group names every community)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str = Field(min_length=1)


class StreetFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    communities: tuple[Slug, ...] = Field(min_length=1)
    # The 街道党工委's chat group: each community's bot tells it of emergencies left unclaimed
    # and of tickets past the community's own time limits (service/tickets/escalation.py).
    group: str | None = Field(default=None, min_length=1)
    # The street office's people in that group: they read every community's tickets and act on
    # those the ladder brought to the group ("金茂 #1 接单").
    people: tuple[StreetPerson, ...] = ()

    @model_validator(mode="after")
    def _unique(self) -> StreetFile:
        for index, slug in enumerate(self.communities):
            if slug in self.communities[:index]:
                raise ReferenceProblem(("communities", index), f"{slug!r} is listed twice")
        names = [p.name for p in self.people]
        for index, name in enumerate(names):
            if name in names[:index]:
                raise ReferenceProblem(("people", index, "name"), f"{name!r} is listed twice")
        if self.people and self.group is None:
            raise ReferenceProblem(("people",), "the street's people need its group")
        return self


@dataclass(frozen=True)
class Street:
    name: str | None  # None: one community's directory, without street.yaml
    communities: tuple[str, ...]
    config_dir: Path
    group: str | None = None  # the street office's chat group, when it has one
    people: tuple[str, ...] = ()  # the street office's people in that group
    names: tuple[str, ...] = ()  # the communities' names, in the order of `communities`

    @property
    def default(self) -> str:
        """The community used when none is named: the first listed."""
        return self.communities[0]

    @property
    def several(self) -> bool:
        """A street of more than one community (served together unless one is named)."""
        return self.name is not None and len(self.communities) > 1

    def is_first(self, slug: str) -> bool:
        return slug == self.default

    def community_dir(self, slug: str) -> Path:
        """The directory a community's configuration is read from."""
        if slug not in self.communities:
            raise ConfigError(
                f"{self.config_dir / STREET_FILE}: no community {slug!r}"
                f" (communities: {', '.join(self.communities)})"
            )
        if self.name is None:
            return self.config_dir
        return self.config_dir / COMMUNITIES_DIR / slug


def load_street(config_dir: Path) -> Street:
    """Read config_dir/street.yaml; without it, the directory is one community's."""
    path = config_dir / STREET_FILE
    if not path.exists():
        return Street(None, (SINGLE,), config_dir)
    file = load_model(path, StreetFile)
    names: list[str] = []
    for slug in file.communities:
        own = config_dir / COMMUNITIES_DIR / slug / "community.yaml"
        if not own.is_file():
            raise ConfigError(
                f"{path}: community {slug!r} has no {COMMUNITIES_DIR}/{slug}/community.yaml"
            )
        names.append(load_model(own, _Named).name)
    twice = next((n for i, n in enumerate(names) if n in names[:i]), None)
    if twice is not None:
        raise ConfigError(f"{path}: two communities are named {twice!r}")
    people = tuple(p.name for p in file.people)
    return Street(file.name, file.communities, config_dir, file.group, people, tuple(names))


def with_street_group(community: Community, street: Street) -> Community:
    """The community as its bot sees it: with the street office's group, if there is one, as
    the top of its ladder (a group of kind street: told, never read for requests), and the
    street office's people as members of that group."""
    if street.group is None:
        return community
    where = street.config_dir / STREET_FILE
    if community.group(street.group) is not None:
        raise ConfigError(
            f"{where}: group {street.group!r} is already a group of"
            f" {community.name}; the street's group needs a name of its own"
        )
    clash = next((name for name in street.people if community.person(name) is not None), None)
    if clash is not None:
        raise ConfigError(
            f"{where}: {clash!r} is one of the street's people and also one of"
            f" {community.name}'s; give each person one name"
        )
    street_group = Group(name=street.group, kind="street", members=street.people)
    seat = StreetSeat(
        communities=street.names or (community.name,),
        people=tuple(Person(name=name) for name in street.people),
    )
    return community.model_copy(
        update={"groups": (*community.groups, street_group), "street": seat}
    )
