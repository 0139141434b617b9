"""The delivery page beyond service.delivery.delivery_health: the waiting messages themselves,
and putting a failed message back in the queue."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.errors import IllegalTransition, NotFound
from service.models import OutboxMessage


def waiting(session: Session, limit: int = 50) -> list[OutboxMessage]:
    stmt = (
        select(OutboxMessage)
        .where(OutboxMessage.state == "pending")
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def retry(session: Session, row_id: int) -> OutboxMessage:
    """Put a failed message back in the queue; the dispatcher sends it on its next round."""
    row = session.get(OutboxMessage, row_id) if 0 < row_id < 2**31 else None
    if row is None:
        raise NotFound(f"outbox row {row_id} does not exist", "没有这条消息。")
    if row.state != "failed":
        raise IllegalTransition(
            f"outbox row {row_id} is {row.state}, not failed", "这条消息没有发送失败，无需重发。"
        )
    row.state = "pending"
    row.attempts = 0
    return row
