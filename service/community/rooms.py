"""Chat rooms to configured groups: bound by room id, matched by topic only the first time.

Anyone can name a chat group 物业服务中心群 and add the bot, so a topic alone binds only
resident groups. A staff group (party, grid, community, property) binds by `绑定` from an
authenticated admin, by the simulator's set-up, or by topic when the room's members include the
contact that authenticated (`认证`) as that group's configured leader."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from service.community.config import Community, Group
from service.models import RoomBinding, StaffBinding

SIMULATED = "simulator"  # bound_by of the simulator's rooms (room id = group name)


_BOUND = select(RoomBinding.group_name).where(RoomBinding.room_id == bindparam("room"))


def group_for_room(
    session: Session,
    community: Community,
    room_id: str,
    topic: str | None,
    now: datetime,
    members: Collection[str] = (),
) -> Group | None:
    bound = session.scalar(_BOUND, {"room": room_id})
    if bound is not None:  # an empty group name marks a room an admin unbound
        return community.group(bound) if bound else None
    for name in (topic, room_id):
        group = community.group(name) if name else None
        if group is None:
            continue
        taken = session.scalar(
            select(RoomBinding.room_id)
            .where(RoomBinding.group_name == group.name, RoomBinding.bound_by != SIMULATED)
            .limit(1)
        )
        if taken is not None:
            # Another room already is this group: a look-alike topic grants nothing.
            return None
        if group.binds_by_trust and not _leader_present(session, community, group, members):
            return None
        session.execute(
            delete(RoomBinding).where(
                RoomBinding.group_name == group.name, RoomBinding.bound_by == SIMULATED
            )
        )
        session.add(
            RoomBinding(room_id=room_id, group_name=group.name, bound_at=now, bound_by="topic")
        )
        return group
    return None


def bind_room(session: Session, room_id: str, group_name: str, by: str, now: datetime) -> None:
    """Bind explicitly: this room becomes the group, replacing any room bound to it before."""
    for old in session.scalars(select(RoomBinding).where(RoomBinding.group_name == group_name)):
        session.delete(old)
    existing = session.get(RoomBinding, room_id)
    if existing is not None:
        session.delete(existing)
    session.flush()
    session.add(RoomBinding(room_id=room_id, group_name=group_name, bound_at=now, bound_by=by))


def unbind_room(session: Session, room_id: str, by: str, now: datetime) -> bool:
    """Stop reading this room; it stays unbound (not matched by topic again) until bound."""
    existing = session.get(RoomBinding, room_id)
    if existing is not None and not existing.group_name:
        return False
    if existing is not None:
        session.delete(existing)
        session.flush()
    session.add(RoomBinding(room_id=room_id, group_name="", bound_at=now, bound_by=by))
    return True


def _leader_present(
    session: Session, community: Community, group: Group, members: Collection[str]
) -> bool:
    leader = community.leader_of(group)
    if leader is None or not members:
        return False
    stmt = select(StaffBinding.contact_id).where(StaffBinding.person_name == leader)
    return any(contact in members for contact in session.scalars(stmt))


def unbound_groups(session: Session, community: Community, staff_only: bool = False) -> list[str]:
    """Configured groups no chat room is bound to yet (staff groups only, if asked)."""
    bound = set(session.scalars(select(RoomBinding.group_name)))
    return [
        g.name
        for g in community.groups
        if g.name not in bound and (g.binds_by_trust or not staff_only)
    ]


def bind_simulated_rooms(session: Session, community: Community, now: datetime) -> None:
    """The simulator's staff rooms are its configured groups (room id = group name), as if an
    admin had bound them; a real room bound later replaces them (see `taken` above)."""
    bound = set(session.scalars(select(RoomBinding.group_name)))
    rooms = set(session.scalars(select(RoomBinding.room_id)))
    for group in community.groups:
        if group.binds_by_trust and group.name not in bound and group.name not in rooms:
            session.add(
                RoomBinding(
                    room_id=group.name, group_name=group.name, bound_at=now, bound_by=SIMULATED
                )
            )
