"""Delivery health: what the outbox is waiting to send, what failed, and when it last sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.errors import IllegalTransition, NotFound
from service.models import OutboxMessage


@dataclass(frozen=True)
class Health:
    pending: int
    failed: int
    sent: int
    oldest_pending: datetime | None
    last_sent: datetime | None
    failed_rows: list[OutboxMessage]
    pending_rows: list[OutboxMessage]


def health(session: Session, limit: int = 50) -> Health:
    counts: dict[str, int] = {
        state: n
        for state, n in session.execute(
            select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)
        )
    }

    def rows(state: str) -> list[OutboxMessage]:
        stmt = (
            select(OutboxMessage)
            .where(OutboxMessage.state == state)
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
        return list(session.scalars(stmt))

    pending_rows = rows("pending")
    return Health(
        pending=counts.get("pending", 0),
        failed=counts.get("failed", 0),
        sent=counts.get("sent", 0),
        oldest_pending=pending_rows[0].created_at if pending_rows else None,
        last_sent=session.scalar(select(func.max(OutboxMessage.sent_at))),
        failed_rows=rows("failed"),
        pending_rows=pending_rows,
    )


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
