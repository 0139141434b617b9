"""Delivery health: what is waiting in the outbox, what failed, and whether the chat accounts are
logged in. The bot process writes gateway states; the dashboard reads `delivery_health`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from service.models import GatewayStatus, OutboxMessage

GatewayState = Literal["connecting", "logged_in", "logged_out", "reconnecting", "stopped", "failed"]


@dataclass(frozen=True)
class GatewayHealth:
    gateway: str
    state: str
    account: str | None
    detail: str | None
    since: datetime
    updated_at: datetime


@dataclass(frozen=True)
class FailedDelivery:
    outbox_id: int
    room: str
    text: str
    error: str | None
    attempts: int


@dataclass(frozen=True)
class DeliveryHealth:
    pending: int
    failed: int
    oldest_pending_at: datetime | None
    last_sent_at: datetime | None
    gateways: list[GatewayHealth]
    recent_failures: list[FailedDelivery]

    @property
    def ok(self) -> bool:
        """Nothing failed and every known gateway is logged in."""
        return self.failed == 0 and all(g.state == "logged_in" for g in self.gateways)


def record_gateway_state(
    session: Session,
    gateway: str,
    state: GatewayState,
    now: datetime,
    account: str | None = None,
    detail: str | None = None,
) -> None:
    row = session.get(GatewayStatus, gateway)
    if row is None:
        row = GatewayStatus(gateway=gateway, state=state, since=now, updated_at=now)
        session.add(row)
    elif row.state != state:
        row.since = now
    row.state = state
    row.updated_at = now
    row.detail = detail
    if account is not None:
        row.account = account


def delivery_health(
    session: Session, failures: int = 10, scope: ColumnElement[bool] | None = None
) -> DeliveryHealth:
    """Counts and gateway states; `recent_failures` (residents' words) within `scope` (a
    clause on OutboxMessage; None: all)."""

    def count(state: str) -> int:
        stmt = select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state == state)
        return session.scalar(stmt) or 0

    oldest = session.scalar(
        select(func.min(OutboxMessage.created_at)).where(OutboxMessage.state == "pending")
    )
    last_sent = session.scalar(select(func.max(OutboxMessage.sent_at)))
    failed_rows = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.state == "failed", true() if scope is None else scope)
        .order_by(OutboxMessage.id.desc())
        .limit(failures)
    )
    gateways = session.scalars(select(GatewayStatus).order_by(GatewayStatus.gateway))
    return DeliveryHealth(
        pending=count("pending"),
        failed=count("failed"),
        oldest_pending_at=_aware(oldest),
        last_sent_at=_aware(last_sent),
        gateways=[
            GatewayHealth(g.gateway, g.state, g.account, g.detail, g.since, g.updated_at)
            for g in gateways
        ],
        recent_failures=[
            FailedDelivery(r.id, r.group_name or r.room_id or "", r.text, r.last_error, r.attempts)
            for r in failed_rows
        ],
    )


def _aware(value: datetime | None) -> datetime | None:
    """Aggregates bypass the column type on SQLite; give them the UTC zone like the columns."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)
