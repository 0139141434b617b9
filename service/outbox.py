"""The outbox: what the bot will say, written in the same transaction as its cause."""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum

from sqlalchemy import ColumnElement, func, insert, or_, select, update
from sqlalchemy.orm import Session

from service.models import OutboxMessage, RoomBinding

log = logging.getLogger(__name__)

# How long a sender may hold a row it is sending before another sender may take it.
CLAIM_FOR = timedelta(minutes=5)


class Priority(IntEnum):
    """Which rows go out first (lower first); within a priority, oldest first."""

    ALERT = 0  # emergency alerts, and the safety advice sent to the resident with them
    NOTICE = 1  # other notices to groups: new tickets, reminders, digests
    REPLY = 2  # answers in the chat where someone spoke


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
    priority: Priority | None = None  # default: REPLY to a room, NOTICE to a group

    def __post_init__(self) -> None:
        if (self.group is None) == (self.room_id is None):
            raise ValueError("a notice goes to exactly one of group or room_id")


def enqueue(session: Session, cause: str, notices: Iterable[Notice], now: datetime) -> None:
    """Add one outbox row per notice; the key makes a repeated cause a no-op at the database.

    A cause's rows share its most urgent priority, so they go out in the order given (the
    resident's answer, then the group's notice) while other causes wait or overtake as a whole.
    One cause never says the same words twice to the same place: a repeat is dropped (day 18:
    a resident's news of an emergency reached its group twice when two steps each told it)."""
    given = list(notices)
    notices = list(dict.fromkeys(given))
    if len(notices) < len(given):
        # A safety net, not a rule: the step that told a place twice is a bug to mend.
        log.warning("cause %s: dropped %d repeated notice(s)", cause, len(given) - len(notices))
    if not notices:
        return
    priority = min(_priority(n) for n in notices)
    rows = [
        {
            "idempotency_key": f"{cause}:{index}",
            "group_name": notice.group,
            "room_id": notice.room_id,
            "text": notice.text,
            "mentions": [{"id": m.id, "name": m.name} for m in notice.mentions],
            "priority": priority,
            "state": "pending",
            "attempts": 0,
            "created_at": now,
        }
        for index, notice in enumerate(notices)
    ]
    # One Core statement in the session's transaction, cheaper than ORM objects (nothing
    # reads them back from the unit of work); what the unit of work holds is written first.
    session.flush()
    session.connection().execute(insert(OutboxMessage), rows)


def _priority(notice: Notice) -> int:
    if notice.priority is not None:
        return int(notice.priority)
    return int(Priority.REPLY if notice.room_id is not None else Priority.NOTICE)


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


# How many of the bot's latest messages about events a "+1" looks back through.
MENTIONS_LOOKED_AT = 5


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
        .limit(MENTIONS_LOOKED_AT)
    )
    for row in session.execute(stmt):
        found = set(_EVENT_NUMBER.findall(row.text))
        if len(found) == 1:
            return EventMention(int(found.pop()), row.created_at)
        # a list of events ("请问报名哪个活动？#E1 …；#E2 …", asked of someone else) answers
        # nothing: the one spoken of before it still does (day 27 R18)
    return None


def events_offered_to(
    session: Session, group: str, room_id: str, person_id: str, since: datetime, question: str
) -> set[int]:
    """The events (#E…) the bot's latest message in this chat listed to this person since then,
    when it asked them which (`question`: "请问报名哪个活动？"); empty otherwise."""
    stmt = (
        select(OutboxMessage.text, OutboxMessage.mentions)
        .where(
            or_(OutboxMessage.group_name == group, OutboxMessage.room_id == room_id),
            OutboxMessage.created_at >= since,
        )
        .order_by(OutboxMessage.id.desc())
        .limit(1)
    )
    row = session.execute(stmt).first()
    if row is None or question not in row.text:
        return set()
    if not any(m.get("id") == person_id for m in row.mentions or ()):
        return set()
    return {int(n) for n in _EVENT_NUMBER.findall(row.text)}


def events_mentioned_since(session: Session, group: str, room_id: str, since: datetime) -> set[int]:
    """The events (#E…) the bot spoke of in this chat since then."""
    stmt = select(OutboxMessage.text).where(
        or_(OutboxMessage.group_name == group, OutboxMessage.room_id == room_id),
        OutboxMessage.text.contains("#E"),
        OutboxMessage.created_at >= since,
    )
    return {int(n) for text in session.scalars(stmt) for n in _EVENT_NUMBER.findall(text)}


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


def next_due(
    session: Session,
    now: datetime,
    holder: str,
    where: ColumnElement[bool] | None = None,
    skip: Collection[int] = (),
    limit: int = 1,
) -> list[OutboxMessage]:
    """The rows to send next: each room's first pending row (by priority, then age), when it is
    due (not waiting for a retry) and no other sender holds it; most urgent first.

    Picked in SQL, so a room waiting for a retry holds back only its own later rows, however
    many of them there are. `skip` leaves out rows found taken by another sender meanwhile."""
    bound = (
        select(RoomBinding.room_id)
        .where(RoomBinding.group_name == OutboxMessage.group_name)
        .limit(1)
        .scalar_subquery()
    )
    room = func.coalesce(OutboxMessage.room_id, bound, OutboxMessage.group_name)
    place = func.row_number().over(
        partition_by=room, order_by=(OutboxMessage.priority, OutboxMessage.id)
    )
    ranked = select(OutboxMessage.id, place.label("place")).where(OutboxMessage.state == "pending")
    if where is not None:
        ranked = ranked.where(where)
    heads = ranked.subquery()
    stmt = (
        select(OutboxMessage)
        .join(heads, heads.c.id == OutboxMessage.id)
        .where(
            heads.c.place == 1,
            or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now),
            _free_for(holder, now),
        )
        .order_by(OutboxMessage.priority, OutboxMessage.id)
        .limit(limit)
    )
    if skip:
        stmt = stmt.where(OutboxMessage.id.not_in(list(skip)))
    return list(session.scalars(stmt))


def _free_for(holder: str, now: datetime) -> ColumnElement[bool]:
    return or_(
        OutboxMessage.claimed_until.is_(None),
        OutboxMessage.claimed_until <= now,
        OutboxMessage.claimed_by == holder,
    )


def claim(session: Session, row_id: int, parts_sent: int, holder: str, now: datetime) -> bool:
    """Take a pending row for sending its next part; False when it is gone, already further
    along, or held by another sender. The row lock is skipped, not waited for, on PostgreSQL
    (FOR UPDATE SKIP LOCKED); SQLite's write lock (BEGIN IMMEDIATE) serialises claims."""
    stmt = (
        select(OutboxMessage)
        .where(
            OutboxMessage.id == row_id,
            OutboxMessage.state == "pending",
            OutboxMessage.parts_sent == parts_sent,
            _free_for(holder, now),
        )
        .with_for_update(skip_locked=True)
    )
    row = session.scalar(stmt)
    if row is None:
        return False
    row.claimed_by = holder
    row.claimed_until = now + CLAIM_FOR
    return True


def free_claims(session: Session) -> int:
    """A new leader frees the rows its predecessor was sending (they go out once more: at most
    one repeat, never a loss); returns how many."""
    stmt = (
        update(OutboxMessage)
        .where(OutboxMessage.state == "pending", OutboxMessage.claimed_by.is_not(None))
        .values(claimed_by=None, claimed_until=None)
    )
    result = session.execute(stmt)
    return int(getattr(result, "rowcount", 0))


def last_queued_at(session: Session) -> datetime | None:
    """When the bot last queued a message: the time a database was left at (the shell resumes a
    second script from it)."""
    stmt = select(OutboxMessage.created_at).order_by(OutboxMessage.created_at.desc()).limit(1)
    return session.scalars(stmt).first()
