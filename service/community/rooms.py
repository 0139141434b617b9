"""Chat rooms to configured groups: bound by room id, matched by topic only the first time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.community.config import Community, Group
from service.models import RoomBinding


def group_for_room(
    session: Session, community: Community, room_id: str, topic: str | None, now: datetime
) -> Group | None:
    binding = session.get(RoomBinding, room_id)
    if binding is not None:  # an empty group name marks a room an admin unbound
        return community.group(binding.group_name) if binding.group_name else None
    for name in (topic, room_id):
        group = community.group(name) if name else None
        if group is None:
            continue
        taken = session.scalar(
            select(RoomBinding.room_id).where(RoomBinding.group_name == group.name).limit(1)
        )
        if taken is not None:
            # Another room already is this group: a look-alike topic grants nothing.
            return None
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
