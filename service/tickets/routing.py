"""Which group answers for a ticket, from the place in the message or the source group."""

from __future__ import annotations

from dataclasses import dataclass

from service.community import Community, Group
from service.understanding import Understanding


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


def route(community: Community, understanding: Understanding, source: Group | None) -> Routing:
    """The building named in the message wins; else the building the source group belongs to,
    unless the message places the problem outside the compound's buildings (东门外).

    A building the community does not know, or no building at all (a gate, the road outside),
    goes to the group answering for the whole compound (the only grid's, else the community
    group).
    """
    building = understanding.building
    if (
        building is None
        and not understanding.outside_compound
        and source is not None
        and source.building is not None
    ):
        building = str(source.building)
    place = Place(building, understanding.unit, understanding.room)
    party = community.party_group(int(building)) if building and building.isdigit() else None
    return Routing(place, party or community.compound_group)
