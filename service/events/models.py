"""Event tables: one row per occurrence (a recurring series is materialised ahead of time),
the members' answers, and attendance. The event number users see is `#E<id>`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, LargeBinary, String, Text, Unicode, UniqueConstraint
from sqlalchemy import text as sa_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.base import Base

SCHEDULED = "scheduled"
CANCELLED = "cancelled"

SIGNED_UP = "signed_up"
WAITING = "waiting"
LEAVE = "leave"
WITHDRAWN = "withdrawn"


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("series_key", "occurrence_key", name="uq_events_occurrence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    series_key: Mapped[str | None] = mapped_column(String(64))  # None for one-off events
    occurrence_key: Mapped[str | None] = mapped_column(String(32))  # original local start
    title: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))  # 党小组会, 升旗仪式, 活动 …
    category: Mapped[str] = mapped_column(String(12))  # meeting | volunteer
    state: Mapped[str] = mapped_column(String(12), index=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    duration_minutes: Mapped[int]
    place: Mapped[str] = mapped_column(String(100))
    audience_groups: Mapped[list[Any]] = mapped_column(default=list)
    audience_members: Mapped[list[Any]] = mapped_column(default=list)
    organiser: Mapped[str | None] = mapped_column(String(128))
    capacity: Mapped[int | None]
    reminders: Mapped[list[Any]] = mapped_column(default=list)  # lead specs, e.g. "1d@18:00"
    summary_lead: Mapped[str | None] = mapped_column(String(20))
    moved_from: Mapped[datetime | None]  # the original start when a holiday moved it
    holiday: Mapped[str | None] = mapped_column(String(40))  # the holiday that moved it
    told: Mapped[list[Any]] = mapped_column(default=list)  # rooms/groups already notified
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    cancel_reason: Mapped[str | None] = mapped_column(Text)

    responses: Mapped[list[EventResponse]] = relationship(
        back_populates="event", order_by="EventResponse.id", cascade="all, delete-orphan"
    )
    attendance: Mapped[list[EventAttendance]] = relationship(
        back_populates="event", order_by="EventAttendance.id", cascade="all, delete-orphan"
    )

    @property
    def ref(self) -> str:
        return f"#E{self.id}"


class EventResponse(Base):
    """One member's answer to one event: signed up, waiting for a place, leave, withdrawn."""

    __tablename__ = "event_responses"
    __table_args__ = (UniqueConstraint("event_id", "member_key", name="uq_event_responses_member"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    member_key: Mapped[str] = mapped_column(String(128))  # configured name, else chat id
    member_name: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(12))
    # people this answer brings: 1, or more when they come along ("报名 带我孙子")
    seats: Mapped[int] = mapped_column(default=1, server_default=sa_text("1"))
    reason: Mapped[str | None] = mapped_column(Text)
    room_id: Mapped[str] = mapped_column(String(128))  # where they answered; used to tell them
    queued_at: Mapped[datetime]  # place in line for sign-ups and the waiting list
    updated_at: Mapped[datetime]

    event: Mapped[Event] = relationship(back_populates="responses")


class EventAttendance(Base):
    """Who was there, recorded by the organiser after the event (for points and reports)."""

    __tablename__ = "event_attendance"
    __table_args__ = (UniqueConstraint("event_id", "member_name", name="uq_event_attendance"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    member_name: Mapped[str] = mapped_column(String(128))
    recorded_by: Mapped[str] = mapped_column(String(128))
    recorded_at: Mapped[datetime]

    event: Mapped[Event] = relationship(back_populates="attendance")


class SchedulerJob(Base):
    """APScheduler's SQLAlchemyJobStore table, declared here so migrations and wipes own it."""

    __tablename__ = "apscheduler_jobs"

    id: Mapped[str] = mapped_column(Unicode(191), primary_key=True)
    next_run_time: Mapped[float | None] = mapped_column(Float(25), index=True)
    job_state: Mapped[bytes] = mapped_column(LargeBinary)
