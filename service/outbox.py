"""The outbox: what the bot will say, written in the same transaction as its cause."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from service.models import OutboxMessage, RoomBinding


@dataclass(frozen=True)
class Mention:
    id: str
    name: str


@dataclass(frozen=True)
class Notice:
    """One message to say: to a configured group (by name) or to a raw room id."""

    text: str
    group: str | None = None
    room_id: str | None = None
    mentions: tuple[Mention, ...] = ()

    def __post_init__(self) -> None:
        if (self.group is None) == (self.room_id is None):
            raise ValueError("a notice goes to exactly one of group or room_id")


def enqueue(session: Session, cause: str, notices: Iterable[Notice], now: datetime) -> None:
    """Add one outbox row per notice; the key makes a repeated cause a no-op at the database."""
    for index, notice in enumerate(notices):
        session.add(
            OutboxMessage(
                idempotency_key=f"{cause}:{index}",
                group_name=notice.group,
                room_id=notice.room_id,
                text=notice.text,
                mentions=[{"id": m.id, "name": m.name} for m in notice.mentions],
                state="pending",
                attempts=0,
                created_at=now,
            )
        )


def already_queued(session: Session, cause: str) -> bool:
    """Whether `enqueue` already wrote the first notice of this cause."""
    key = f"{cause}:0"
    stmt = select(OutboxMessage.id).where(OutboxMessage.idempotency_key == key)
    return session.scalar(stmt) is not None


@dataclass(frozen=True)
class EventMention:
    event_id: int
    at: datetime


_EVENT_NUMBER = re.compile(r"#E(\d{1,9})")


def latest_event_mention(session: Session, group: str, room_id: str) -> EventMention | None:
    """The newest thing the bot said in this chat about an event (#E…: a notice, a reminder, a
    sign-up answer), so a bare "+1" there can answer it."""
    stmt = (
        select(OutboxMessage.text, OutboxMessage.created_at)
        .where(
            or_(OutboxMessage.group_name == group, OutboxMessage.room_id == room_id),
            OutboxMessage.text.contains("#E"),
        )
        .order_by(OutboxMessage.id.desc())
        .limit(1)
    )
    row = session.execute(stmt).first()
    found = _EVENT_NUMBER.search(row.text) if row is not None else None
    if row is None or found is None:
        return None
    return EventMention(int(found[1]), row.created_at)


DIRECT_PREFIX = "dm:"


def direct_room(contact_id: str) -> str:
    """The room id the outbox uses for a private chat with one contact."""
    return DIRECT_PREFIX + contact_id


def pending(
    session: Session, limit: int = 100, where: ColumnElement[bool] | None = None
) -> list[OutboxMessage]:
    """Rows waiting to be sent, oldest first; `where` narrows them to one delivery channel."""
    stmt = select(OutboxMessage).where(OutboxMessage.state == "pending")
    if where is not None:
        stmt = stmt.where(where)
    return list(session.scalars(stmt.order_by(OutboxMessage.id).limit(limit)))


def room_for_group(session: Session, group_name: str) -> str:
    """The chat room bound to a group; unbound groups use their name (the simulator's ids)."""
    stmt = select(RoomBinding.room_id).where(RoomBinding.group_name == group_name).limit(1)
    return session.scalar(stmt) or group_name
