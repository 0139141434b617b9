"""Calendar periods in the community's timezone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def month_start(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day.replace(day=1), time.min, tzinfo=zone)


def next_month(start: datetime) -> datetime:
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def previous_month(start: datetime) -> datetime:
    return (start - timedelta(days=1)).replace(day=1)


# The years a month may be asked for: none before 2000 has tickets, and a year near 1 or 9999
# has no month before or after it to compare with.
FIRST_YEAR, LAST_YEAR = 2000, 2999


def parse_month(text: str | None, today: date) -> date:
    """'2026-12' → 2026-12-01; anything else → the first of this month."""
    return _month(text) or today.replace(day=1)


def month_asked(text: str | None, today: date) -> date | None:
    """'2026-12' → 2026-12-01; None for anything else or a month that has not begun."""
    first = _month(text)
    return first if first is not None and first <= today else None


def _month(text: str | None) -> date | None:
    try:
        first = datetime.strptime((text or "").strip(), "%Y-%m").date()
    except ValueError:
        return None
    return first if FIRST_YEAR <= first.year <= LAST_YEAR else None
