"""Which group answers for a ticket, from the place in the message or the source group."""

from __future__ import annotations

from dataclasses import dataclass

from service.community import Community, Group
from service.understanding import Understanding
from service.understanding.places import buildings_named


@dataclass(frozen=True)
class Place:
    building: str | None
    unit: str | None
    room: str | None

    def label(self) -> str:
        parts = []
        if self.building:
            parts.append(f"{self.building}号楼")
        if self.unit:
            parts.append(f"{self.unit}单元")
        if self.room:
            parts.append(f"{self.room}室")
        return "".join(parts) or "未注明楼栋"


@dataclass(frozen=True)
class Routing:
    place: Place
    group: Group


def names_shared_place(text: str, community: Community) -> bool:
    """The text names a place of the whole compound (`shared_places`: the garage, a gate)."""
    return any(w in text for row in community.policy.duplicates.shared_places for w in row)


def fixed_at_compound_place(community: Community, understanding: Understanding, text: str) -> bool:
    """A repair at a place of the whole compound ("南门口那块地结冰了") or outside it ("小区外面金茂
    路上的路灯坏了一排") that names no building: no building's, whichever chat it is told in. A
    noise from the square is heard in some building, and its building's people see to it, so
    only repairs and the kinds like them (`compound_kinds`: a car blocking a gate; street trial 11)
    are placed this way (day 58 R42: placed at the compound, the square dance was the community
    group's, and the grid head who went to the dancers could not act on it)."""
    kinds = community.policy.duplicates.compound_kinds
    return (
        (understanding.category in kinds or understanding.subcategory in kinds)
        and understanding.building is None
        and (understanding.outside_compound or names_shared_place(text, community))
    )


def route(
    community: Community, understanding: Understanding, source: Group | None, text: str
) -> Routing:
    """The building named in the message wins; else the building the source group belongs to,
    unless the message places the problem outside the compound's buildings (东门外) or is a
    repair at a place of the whole compound (fixed_at_compound_place).

    A building the community does not know, or no building at all (a gate, the road outside),
    goes to the group answering for the whole compound (the only grid's, else the community
    group).
    """
    building = understanding.building
    if (
        building is not None
        and source is not None
        and source.building is not None
        and str(source.building) != building
        and str(source.building) in buildings_named(text)
    ):
        # "这回在5号楼和6号楼中间 火引着旁边纸箱子了" told in 6号楼's chat: between two buildings,
        # the one whose people tell it sees to it (day 63 R43)
        building = str(source.building)
    if (
        building is None
        and not understanding.outside_compound
        and not fixed_at_compound_place(community, understanding, text)
        and source is not None
        and source.building is not None
    ):
        building = str(source.building)
    place = Place(building, understanding.unit, understanding.room)
    party = community.party_group(int(building)) if building and building.isdigit() else None
    return Routing(place, party or community.compound_group)
