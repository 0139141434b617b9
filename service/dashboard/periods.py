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


def parse_month(text: str | None, today: date) -> date:
    """'2026-12' → 2026-12-01; anything else → the first of this month."""
    if text:
        try:
            return datetime.strptime(text.strip(), "%Y-%m").date()
        except ValueError:
            pass
    return today.replace(day=1)
