"""Tables of the consultations slice (migration 1900): a consultation (#Y1) with its options
and addressed groups, and one vote per resident and consultation."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.base import Base


class Consultation(Base):
    """一事一议: a question put to the residents of some groups until a deadline. `id` is the
    number residents see (#Y1): one community per database, so it is the community's sequence."""

    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(60))
    options: Mapped[list[Any]] = mapped_column()  # option texts, in the order numbered
    groups: Mapped[list[Any]] = mapped_column()  # names of the addressed groups
    deadline: Mapped[datetime] = mapped_column(index=True)
    opened_by: Mapped[str] = mapped_column(String(128))
    opened_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]  # when the result was published
    decision: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(128))
    decided_at: Mapped[datetime | None] = mapped_column(index=True)


class ConsultationVote(Base):
    """A resident's vote; voting again changes `option` (one row per resident)."""

    __tablename__ = "consultation_votes"
    __table_args__ = (UniqueConstraint("consultation_id", "voter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    voter_id: Mapped[str] = mapped_column(String(128))
    voter_name: Mapped[str] = mapped_column(String(128))
    group_name: Mapped[str] = mapped_column(String(128))
    option: Mapped[int]  # 1-based
    voted_at: Mapped[datetime]
    changes: Mapped[int] = mapped_column(default=0)
