"""/api/v1/me, buildings, groups, members: the account and the community it works in."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from service.community import members as member_list
from service.web.auth import ApiStaff
from service.web.context import DB, CoreDep

router = APIRouter()


class BuildingOut(BaseModel):
    number: int
    grid: int
    grid_name: str
    party_group: str | None
    active_tickets: int | None = None


class GroupOut(BaseModel):
    name: str
    kind: str
    building: int | None
    grid: int | None
    leader: str | None
    members: list[str]


class MemberOut(BaseModel):
    name: str
    roles: list[str]
    groups: list[str]
    phone: str | None
    building: int | None


class MeOut(BaseModel):
    username: str
    display_name: str
    role: str
    grid: int | None


@router.get("/me", summary="The account behind the token")
def me(staff: ApiStaff) -> MeOut:
    return MeOut(
        username=staff.username, display_name=staff.display_name, role=staff.role, grid=staff.grid
    )


@router.get("/buildings", summary="Buildings with their grid and party group")
def buildings(staff: ApiStaff, core: CoreDep) -> list[BuildingOut]:
    community = core.community
    out = []
    for grid in community.grids:
        if staff.scope.kind == "grid" and grid.number != staff.grid:
            continue
        for b in grid.buildings:
            party = community.party_group(b)
            out.append(
                BuildingOut(
                    number=b,
                    grid=grid.number,
                    grid_name=grid.name,
                    party_group=party.name if party else None,
                )
            )
    return out


@router.get("/groups", summary="Configured chat groups")
def groups(staff: ApiStaff, core: CoreDep) -> list[GroupOut]:
    return [
        GroupOut(
            name=g.name,
            kind=g.kind,
            building=g.building,
            grid=g.grid,
            leader=g.leader,
            members=list(g.members),
        )
        for g in core.community.groups
    ]


@router.get("/members", summary="Community members with their groups and contacts")
def members(staff: ApiStaff, session: DB, core: CoreDep) -> list[MemberOut]:
    return [
        MemberOut(
            name=m.name,
            roles=list(m.roles),
            groups=list(m.groups),
            phone=m.phone,
            building=m.building,
        )
        for m in member_list.members(session, core.community)
    ]
