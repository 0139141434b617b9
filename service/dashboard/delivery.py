"""The delivery page beyond service.delivery.delivery_health: the waiting messages themselves,
and putting a failed message back in the queue."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import ColumnElement, or_, select, true
from sqlalchemy.orm import Session

from service.errors import IllegalTransition, NotFound
from service.models import OutboxMessage, RoomBinding


def for_groups(groups: Collection[str] | None) -> ColumnElement[bool]:
    """Messages for these groups (None: all): by group name or by a room bound to one."""
    if groups is None:
        return true()
    bound = select(RoomBinding.room_id).where(RoomBinding.group_name.in_(groups))
    return or_(
        OutboxMessage.group_name.in_(groups),
        OutboxMessage.room_id.in_(bound),
        OutboxMessage.room_id.in_(groups),  # the simulator's rooms are named as their groups
    )


def waiting(
    session: Session, limit: int = 50, groups: Collection[str] | None = None
) -> list[OutboxMessage]:
    stmt = (
        select(OutboxMessage)
        .where(OutboxMessage.state == "pending", for_groups(groups))
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def retry(session: Session, row_id: int, groups: Collection[str] | None = None) -> OutboxMessage:
    """Put a failed message back in the queue; the dispatcher sends it on its next round.
    Only messages for `groups` (None: any) can be retried."""
    row = (
        session.scalar(select(OutboxMessage).where(OutboxMessage.id == row_id, for_groups(groups)))
        if 0 < row_id < 2**31
        else None
    )
    if row is None:
        raise NotFound(f"outbox row {row_id} does not exist", "没有这条消息。")
    if row.state != "failed":
        raise IllegalTransition(
            f"outbox row {row_id} is {row.state}, not failed", "这条消息没有发送失败，无需重发。"
        )
    row.state = "pending"
    row.attempts = 0
    return row
