"""Tables of the 回音壁 (migration 1800): likes, tickets held out of the wall, digests sent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.base import Base


class WallLike(Base):
    """`#12 点赞`: one row per resident and ticket."""

    __tablename__ = "wall_likes"
    __table_args__ = (UniqueConstraint("ticket_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    person_id: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime]


class WallHold(Base):
    """`#12 不公示 原因`: the ticket stays off the wall (also audited on the ticket)."""

    __tablename__ = "wall_holds"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    actor_name: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime]


class WallDigest(Base):
    """A digest as sent to one resident group for one week (`week`: ISO week, 2026-W49)."""

    __tablename__ = "wall_digests"
    __table_args__ = (UniqueConstraint("group_name", "week"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_name: Mapped[str] = mapped_column(String(128))
    week: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime]
