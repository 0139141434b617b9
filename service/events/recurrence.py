"""Occurrences of a recurring event (RFC 5545 RRULE via dateutil) in the community's timezone,
with the holiday policy applied."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from service.events.config import EventTemplate
from service.holidays import next_working_day, public_holiday

# An occurrence moved by a holiday can land later than its original date; look back this far.
MOVE_LOOKBACK = timedelta(days=14)


@dataclass(frozen=True)
class Occurrence:
    key: str  # the original local start, e.g. "2026-12-03T19:30": stable across holiday moves
    starts_at: datetime  # aware; after any holiday move
    moved_from: datetime | None = None
    holiday: str | None = None


def occurrences(
    template: EventTemplate, zone: ZoneInfo, after: datetime, until: datetime
) -> list[Occurrence]:
    """Occurrences starting in (after, until], in start order."""
    first = datetime.combine(template.starts, template.time)  # naive local wall time
    rule = rrulestr(template.rrule, dtstart=first)
    window_start = (after - MOVE_LOOKBACK).astimezone(zone).replace(tzinfo=None)
    window_end = until.astimezone(zone).replace(tzinfo=None)
    found: list[Occurrence] = []
    for naive in rule.between(window_start, window_end, inc=True):
        if template.until is not None and naive.date() > template.until:
            break
        original = naive.replace(tzinfo=zone)
        occurrence = _apply_holiday(template, original)
        if occurrence is not None and after < occurrence.starts_at <= until:
            found.append(occurrence)
    return sorted(found, key=lambda o: o.starts_at)


def _apply_holiday(template: EventTemplate, start: datetime) -> Occurrence | None:
    key = start.strftime("%Y-%m-%dT%H:%M")
    holiday = public_holiday(start.date())
    if holiday is None or template.holiday == "keep":
        return Occurrence(key, start)
    if template.holiday == "skip":
        return None
    moved = datetime.combine(next_working_day(start.date()), start.timetz())
    return Occurrence(key, moved, moved_from=start, holiday=holiday)
