"""Finding tickets: filters, what an account may see, and pages of results."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, false, func, or_, select, true
from sqlalchemy.orm import Session

from service.community import Community
from service.dashboard.upstream import Scope, scope_groups
from service.models import Ticket
from service.textclean import clean
from service.tickets import stats

MAX_PER_PAGE = 200
MAX_QUERY = 100
COUNT_CAP = 10_000  # beyond this the list says "10000+": counting every row costs a scan


@dataclass(frozen=True)
class TicketFilter:
    state: str | None = None
    category: str | None = None
    subcategory: str | None = None
    grid: int | None = None
    building: int | None = None
    since: date | None = None
    until: date | None = None
    q: str | None = None

    def as_query(self) -> dict[str, str]:
        """The filter as URL parameters (for links that keep it)."""
        out: dict[str, str] = {}
        for key, value in self.__dict__.items():
            if value not in (None, ""):
                out[key] = value.isoformat() if isinstance(value, date) else str(value)
        return out


@dataclass(frozen=True)
class Page:
    items: list[Ticket]
    total: int
    page: int
    per_page: int
    total_capped: bool = False  # total is COUNT_CAP and there are more

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def scope_clause(community: Community, scope: Scope) -> ColumnElement[bool]:
    """Tickets of a grid or building: by place, or by the group now handling them."""
    if scope.kind == "community":
        return true()
    buildings, groups = scope_groups(community, scope)
    if not buildings and not groups:
        return false()
    return or_(Ticket.building.in_(buildings), Ticket.assigned_group.in_(groups))


# The days a filter reaches: a day at either end of the calendar ("since=0001-01-01", found by
# schemathesis) would overflow when its local midnight is turned into UTC; it is read as the
# nearest of these, which every stored ticket lies between.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9999, 12, 30)


def _day_start(day: date, zone: ZoneInfo) -> datetime:
    kept = min(max(day, FIRST_DAY), LAST_DAY)
    return datetime.combine(kept, time.min, tzinfo=zone)


def filtered(community: Community, visible: Scope, flt: TicketFilter) -> Select[Ticket]:
    zone = ZoneInfo(community.timezone)
    stmt = select(Ticket).where(scope_clause(community, visible))
    if flt.state:
        stmt = stmt.where(Ticket.state == flt.state)
    if flt.category:
        stmt = stmt.where(Ticket.category == flt.category)
    if flt.subcategory:
        stmt = stmt.where(Ticket.subcategory == clean(flt.subcategory))
    if flt.grid is not None:
        stmt = stmt.where(scope_clause(community, Scope("grid", flt.grid)))
    if flt.building is not None:
        stmt = stmt.where(Ticket.building == str(flt.building))
    if flt.since is not None:
        stmt = stmt.where(Ticket.created_at >= _day_start(flt.since, zone))
    if flt.until is not None:
        after = min(flt.until, LAST_DAY) + timedelta(days=1)
        stmt = stmt.where(Ticket.created_at < _day_start(after, zone))
    if flt.q:
        needle = clean(flt.q).strip()[:MAX_QUERY]
        if re.fullmatch(r"#[0-9]{1,9}", needle):
            stmt = stmt.where(Ticket.id == int(needle[1:]))
        elif needle:
            pattern = (
                "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            )
            stmt = stmt.where(
                or_(
                    Ticket.text.like(pattern, escape="\\"),
                    Ticket.reporter_name.like(pattern, escape="\\"),
                )
            )
    return stmt


def search_tickets(
    session: Session,
    community: Community,
    visible: Scope,
    flt: TicketFilter,
    page: int = 1,
    per_page: int = 50,
) -> Page:
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, page)
    stmt = filtered(community, visible, flt)
    capped = stmt.order_by(None).limit(COUNT_CAP + 1).subquery()
    total = session.scalar(select(func.count()).select_from(capped)) or 0
    rows = session.scalars(newest_first(stmt).offset((page - 1) * per_page).limit(per_page))
    return Page(list(rows), min(total, COUNT_CAP), page, per_page, total > COUNT_CAP)


def newest_first(stmt: Select[Ticket]) -> Select[Ticket]:
    """Ticket numbers grow with time, and ordering by them lets SQLite walk the (column, id)
    indexes backwards and stop after one page; ordering by created_at made it scan."""
    return stmt.order_by(Ticket.id.desc())


def all_matching(
    session: Session, community: Community, visible: Scope, flt: TicketFilter, limit: int
) -> list[Ticket]:
    stmt = newest_first(filtered(community, visible, flt)).limit(limit)
    return list(session.scalars(stmt))


# Who sees which ticket, one definition for the web and the chat (service/tickets/stats.py).
is_visible = stats.is_visible
