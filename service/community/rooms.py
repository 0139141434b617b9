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
    if binding is not None:
        return community.group(binding.group_name)
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
