"""Tables of the members slice: registrations, posts, the points ledger (1560, 1570) and the
bulletins as sent (1600)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from service.base import Base

PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"  # by the registrant (撤销报到), before a decision


class MemberRegistration(Base):
    """A member reporting to the community where they live (在职党员报到), decided by staff."""

    __tablename__ = "member_registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), index=True)
    work_unit: Mapped[str] = mapped_column(String(128))
    address: Mapped[str] = mapped_column(String(128))
    building: Mapped[int]
    unit: Mapped[str | None] = mapped_column(String(10))
    room: Mapped[str | None] = mapped_column(String(10))
    contact_id: Mapped[str] = mapped_column(String(128), index=True)
    contact_name: Mapped[str | None] = mapped_column(String(128))  # the WeChat name, for @
    room_id: Mapped[str] = mapped_column(String(128))  # where they registered; told there
    state: Mapped[str] = mapped_column(String(12), index=True)
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(128))
    reason: Mapped[str | None] = mapped_column(Text)


class MemberPost(Base):
    """A post with duties given to a member without one (无职党员设岗定责)."""

    __tablename__ = "member_posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_name: Mapped[str] = mapped_column(String(128), index=True)
    post: Mapped[str] = mapped_column(String(40))
    place: Mapped[str] = mapped_column(String(100))
    building: Mapped[int | None]
    assigned_by: Mapped[str] = mapped_column(String(128))
    assigned_at: Mapped[datetime]


class PointsEntry(Base):
    """One change of a member's points. Rows are only ever added: totals are sums of rows, a
    correction is a new row. `source_key` makes an award from the same cause happen once."""

    __tablename__ = "points_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_name: Mapped[str] = mapped_column(String(128), index=True)
    points: Mapped[int]
    rule: Mapped[str] = mapped_column(String(40))  # a rule of config/points.yaml, or "manual"
    reason: Mapped[str] = mapped_column(Text)  # Chinese, shown to the member
    source_kind: Mapped[str] = mapped_column(String(12))  # event / ticket / manual
    source_id: Mapped[int | None]
    source_key: Mapped[str] = mapped_column(String(200), unique=True)
    at: Mapped[datetime] = mapped_column(index=True)  # when what earned it happened
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(128))


class MemberBulletin(Base):
    """A monthly bulletin or quarterly ranking as sent to the community group, kept for the
    党员积分 page: the outbox forgets sent messages after the retention."""

    __tablename__ = "member_bulletins"

    id: Mapped[int] = mapped_column(primary_key=True)
    cause: Mapped[str] = mapped_column(String(40), unique=True)  # bulletin:2026-11, ranking:2026-Q4
    text: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime]  # queued to be sent
