"""Database tables (SQLAlchemy 2 typed models). Migrations live in service/migrations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.base import Base, UTCDateTime


class Ticket(Base):
    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    category: Mapped[str] = mapped_column(String(20), index=True)
    subcategory: Mapped[str | None] = mapped_column(String(40))
    emergency: Mapped[bool] = mapped_column(default=False)
    # "possible" (可能紧急: partial evidence of danger) or None for a full emergency or none.
    emergency_level: Mapped[str | None] = mapped_column(String(16))
    building: Mapped[str | None] = mapped_column(String(10), index=True)
    unit: Mapped[str | None] = mapped_column(String(10))
    room: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(String(80), default="")
    keywords: Mapped[list[Any]] = mapped_column(default=list)
    reporter_id: Mapped[str] = mapped_column(String(128))
    reporter_name: Mapped[str] = mapped_column(String(128))
    source_room_id: Mapped[str] = mapped_column(String(128))
    source_group: Mapped[str | None] = mapped_column(String(128))
    assigned_group: Mapped[str] = mapped_column(String(128), index=True)
    created_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(128))
    resolution_note: Mapped[str | None] = mapped_column(Text)
    claimed_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(128))
    # When a transfer or 收回 last handed it to another group: its clocks start again then.
    assigned_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    reopened_at: Mapped[datetime | None]
    # When its resident said the emergency is over ("孩子找到了"): not late (no reminder, no
    # overdue list) until its group resolves it, or it is handed to another group.
    over_said_at: Mapped[datetime | None]
    reopen_count: Mapped[int] = mapped_column(default=0)
    complex: Mapped[bool] = mapped_column(default=False)
    rating: Mapped[str | None] = mapped_column(String(20))  # satisfied / unsatisfied
    rated_at: Mapped[datetime | None]
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    referred_to: Mapped[str | None] = mapped_column(Text)
    awaiting_place: Mapped[bool] = mapped_column(default=False)
    # How far up the ladder each time limit has gone: 0 none, 1 reminder, 2 grid, 3 community.
    claim_stage: Mapped[int] = mapped_column(default=0)
    resolve_stage: Mapped[int] = mapped_column(default=0)

    events: Mapped[list[TicketEvent]] = relationship(
        back_populates="ticket", order_by="TicketEvent.id", cascade="all, delete-orphan"
    )
    followers: Mapped[list[TicketFollower]] = relationship(
        back_populates="ticket", order_by="TicketFollower.id", cascade="all, delete-orphan"
    )


class TicketFollower(Base):
    """A resident who reported the same problem: told of progress and asked to rate too."""

    __tablename__ = "ticket_followers"
    __table_args__ = (UniqueConstraint("ticket_id", "person_id", "room_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    person_id: Mapped[str] = mapped_column(String(128))
    person_name: Mapped[str] = mapped_column(String(128))
    room_id: Mapped[str] = mapped_column(String(128))
    text: Mapped[str] = mapped_column(Text)
    joined_at: Mapped[datetime]
    # Their own verdict on the latest resolution (the reporter's is on the ticket).
    rating: Mapped[str | None] = mapped_column(String(20))
    rated_at: Mapped[datetime | None]

    ticket: Mapped[Ticket] = relationship(back_populates="followers")


class PlaceQuestion(Base):
    """A ticket waiting for its reporter to say which building it is about."""

    __tablename__ = "place_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[str] = mapped_column(String(128), index=True)
    sender_id: Mapped[str] = mapped_column(String(128))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    expires_at: Mapped[datetime]


class Correction(Base):
    """A staff correction of how a message was read (#12 改类 …, 非紧急, 紧急, 非诉求), kept with
    the message text so it can teach the classifier (learn --with-corrections)."""

    __tablename__ = "understanding_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    # category / not_emergency / emergency / not_request
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    before_category: Mapped[str] = mapped_column(String(20))
    before_subcategory: Mapped[str | None] = mapped_column(String(40))
    before_emergency: Mapped[bool]
    category: Mapped[str] = mapped_column(String(20))
    subcategory: Mapped[str | None] = mapped_column(String(40))
    emergency: Mapped[bool]
    actor_id: Mapped[str] = mapped_column(String(128))
    actor_name: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(index=True)


class TicketEvent(Base):
    """The audit timeline: one row for every change to a ticket."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str | None] = mapped_column(String(20))
    actor_id: Mapped[str] = mapped_column(String(128))
    actor_name: Mapped[str] = mapped_column(String(128))
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime]

    ticket: Mapped[Ticket] = relationship(back_populates="events")


class OutboxMessage(Base):
    """Everything the bot says, written in the same transaction as its cause."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_id", "state", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    group_name: Mapped[str | None] = mapped_column(String(128))
    room_id: Mapped[str | None] = mapped_column(String(128))
    text: Mapped[str] = mapped_column(Text)
    mentions: Mapped[list[Any]] = mapped_column(default=list)
    state: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    # Delivery bookkeeping (migration 0500): when a failed row may be tried again, and how many
    # parts of a text split for sending are already out, so a restart resumes after them.
    next_attempt_at: Mapped[datetime | None]
    parts_sent: Mapped[int] = mapped_column(default=0)
    # Migration 1520: lower goes first (service/outbox.py: Priority); which sender holds the
    # row while it is being sent, and until when, so no second sender takes it meanwhile.
    priority: Mapped[int] = mapped_column(SmallInteger, default=2, server_default="2")
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None]


class RoomBinding(Base):
    """Which chat room (by id) is which configured group; wins over matching by name."""

    __tablename__ = "room_bindings"

    room_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    group_name: Mapped[str] = mapped_column(String(128), index=True)
    bound_at: Mapped[datetime]
    bound_by: Mapped[str] = mapped_column(String(128))


class SeenMessage(Base):
    """Inbound message ids already handled, so a re-delivery is not answered twice."""

    __tablename__ = "seen_messages"

    message_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    seen_at: Mapped[datetime]


# -- staff dashboard (issue 7) -------------------------------------------------------------


class StaffAccount(Base):
    """A dashboard / API login. role: admin, community (whole community) or grid (one grid)."""

    __tablename__ = "staff_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    grid: Mapped[int | None]
    person: Mapped[str | None] = mapped_column(String(128))  # the configured person, if any
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    password_changed_at: Mapped[datetime]
    created_at: Mapped[datetime]
    # Raised at logout: a session cookie carries the epoch it began in and ends when it changes.
    session_epoch: Mapped[int] = mapped_column(default=0, server_default="0")


class AttemptLimit(Base):
    """Wrong guesses (passwords, staff codes) under one key: a source, an account, a room."""

    __tablename__ = "attempt_limits"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int]
    wait_until: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class StaffAuditEntry(Base):
    """Every change to a staff account: who changed what for whom, and when."""

    __tablename__ = "staff_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(128))  # username, or "命令行" for the terminal
    account: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(30))
    detail: Mapped[str | None] = mapped_column(Text)


class ApiToken(Base):
    """A bearer token for the REST API; only its SHA-256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("staff_accounts.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]


class AppSecret(Base):
    """Generated secrets and marks that must survive a restart (the session signing key, the
    community a database holds: service/street/storage.py)."""

    __tablename__ = "app_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CommunityImport(Base):
    """A community layout imported from a spreadsheet; the newest one overrides the people,
    grids and groups of the community's community.yaml from the next start on."""

    __tablename__ = "community_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    imported_at: Mapped[datetime]
    imported_by: Mapped[str] = mapped_column(String(128))
    layout: Mapped[dict[str, Any]]


class MemberContact(Base):
    """Phone and home building of a community member (from the spreadsheet import)."""

    __tablename__ = "member_contacts"

    name: Mapped[str] = mapped_column(String(128), primary_key=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    building: Mapped[int | None]
    updated_at: Mapped[datetime]


Index("ix_tickets_state_id", Ticket.state, Ticket.id)
Index("ix_tickets_building_id", Ticket.building, Ticket.id)
Index("ix_tickets_group_id", Ticket.assigned_group, Ticket.id)
Index("ix_tickets_category_id", Ticket.category, Ticket.id)
Index("ix_tickets_emergency_state", Ticket.emergency, Ticket.state)
Index("ix_tickets_updated_at", Ticket.updated_at)
Index("ix_ticket_events_kind_ticket", TicketEvent.kind, TicketEvent.ticket_id, TicketEvent.at)
Index("ix_outbox_sent_at", OutboxMessage.sent_at)


class StaffCode(Base):
    """A one-time code that binds a configured person to the chat contact who sends it."""

    __tablename__ = "staff_codes"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    person_name: Mapped[str] = mapped_column(String(128), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    used_by: Mapped[str | None] = mapped_column(String(128))


class StaffBinding(Base):
    """A chat contact id proven (by a one-time code) to be a configured person."""

    __tablename__ = "staff_bindings"

    contact_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    person_name: Mapped[str] = mapped_column(String(128), index=True)
    bound_at: Mapped[datetime]


class GatewayStatus(Base):
    """The last known state of each chat connection (login, logout, reconnecting)."""

    __tablename__ = "gateway_status"

    gateway: Mapped[str] = mapped_column(String(32), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))
    account: Mapped[str | None] = mapped_column(String(128))
    detail: Mapped[str | None] = mapped_column(Text)
    since: Mapped[datetime]
    updated_at: Mapped[datetime]


# Feature tables live next to their domain code; importing them here registers them on Base.
from service.consultations.models import Consultation, ConsultationVote  # noqa: E402
from service.events.models import (  # noqa: E402
    Event,
    EventAttendance,
    EventResponse,
    SchedulerJob,
)
from service.members.models import MemberPost, MemberRegistration, PointsEntry  # noqa: E402
from service.visits.models import HouseholdVisit, VisitReminder  # noqa: E402
from service.wall.models import WallDigest, WallHold, WallLike  # noqa: E402

__all__ = [
    "ApiToken",
    "AppSecret",
    "AttemptLimit",
    "Base",
    "CommunityImport",
    "Consultation",
    "ConsultationVote",
    "Event",
    "EventAttendance",
    "EventResponse",
    "GatewayStatus",
    "HouseholdVisit",
    "MemberContact",
    "MemberPost",
    "MemberRegistration",
    "OutboxMessage",
    "PlaceQuestion",
    "PointsEntry",
    "RoomBinding",
    "SchedulerJob",
    "SeenMessage",
    "StaffAccount",
    "StaffAuditEntry",
    "StaffBinding",
    "StaffCode",
    "Ticket",
    "TicketEvent",
    "TicketFollower",
    "UTCDateTime",
    "VisitReminder",
    "WallDigest",
    "WallHold",
    "WallLike",
]


class ScheduleRequest(Base):
    """A change the scheduler must follow (an event's reminders, a consultation's closing),
    written in the same transaction as the change: the process that runs the scheduler may be
    another one (service/scheduling.py: `request`, `Scheduling.follow`)."""

    __tablename__ = "schedule_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    number: Mapped[int]
