"""Tables of the visits slice (1700): the visits members report, and the reminders sent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.base import Base

FINE = "fine"
HELP = "help"

DUE = "due"
OVERDUE = "overdue"
ESCALATED = "escalated"


class HouseholdVisit(Base):
    """One visit to a household (党员包户), as the member reported it."""

    __tablename__ = "household_visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    household: Mapped[str] = mapped_column(String(40), index=True)  # 3-2-501
    member_name: Mapped[str] = mapped_column(String(128))
    actor_id: Mapped[str] = mapped_column(String(128))
    outcome: Mapped[str] = mapped_column(String(8))  # fine / help
    note: Mapped[str] = mapped_column(Text)
    ticket_id: Mapped[int | None]
    visited_at: Mapped[datetime] = mapped_column(index=True)


class VisitReminder(Base):
    """A reminder stage sent for one due date of a household: each is sent once."""

    __tablename__ = "visit_reminders"
    __table_args__ = (UniqueConstraint("household", "due_at", "stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    household: Mapped[str] = mapped_column(String(40), index=True)
    stage: Mapped[str] = mapped_column(String(12))  # due / overdue / escalated
    due_at: Mapped[datetime]
    sent_at: Mapped[datetime]
