"""Reminder lead times: `1d@18:00` (the day before at 18:00), `1h`, `30m`, `2h30m` before."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

MAX_LEAD = timedelta(days=7)
_SPEC = re.compile(
    r"^(?:(?P<days>[1-7])d@(?P<hh>\d{1,2}):(?P<mm>\d{2})|(?:(?P<h>\d{1,3})h)?(?:(?P<m>\d{1,4})m)?)$"
)
_DAY_WORDS = {1: "前一天", 2: "前两天"}


@dataclass(frozen=True)
class Lead:
    spec: str
    days: int = 0  # with `at`: that many calendar days before, at that clock time
    at: time | None = None
    before: timedelta = timedelta(0)  # without `at`: this long before the start

    def due(self, start: datetime) -> datetime:
        """When the reminder is due for an event starting at `start` (aware, local time)."""
        if self.at is not None:
            day = start.date() - timedelta(days=self.days)
            return datetime.combine(day, self.at, tzinfo=start.tzinfo)
        return start - self.before

    def label_zh(self) -> str:
        if self.at is not None:
            day = _DAY_WORDS.get(self.days, f"前{self.days}天")
            return f"{day}{self.at:%H:%M}"
        return f"开始前{duration_zh(self.before)}"


def duration_zh(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [
        f"{days}天" if days else "",
        f"{hours}小时" if hours else "",
        f"{mins}分钟" if mins else "",
    ]
    return "".join(parts) or "0分钟"


def parse_lead(spec: str) -> Lead:
    """Parse a lead spec; ValueError names what is wrong."""
    text = spec.strip()
    match = _SPEC.match(text)
    if not text or match is None:
        raise ValueError(
            f"{spec!r} is not a lead time; write e.g. '1d@18:00' (the day before at 18:00), "
            "'1h' or '30m' (before the start)"
        )
    if match["days"]:
        hour, minute = int(match["hh"]), int(match["mm"])
        if hour > 23 or minute > 59:
            raise ValueError(f"{spec!r}: {hour}:{minute:02d} is not a time of day")
        return Lead(text, days=int(match["days"]), at=time(hour, minute))
    before = timedelta(hours=int(match["h"] or 0), minutes=int(match["m"] or 0))
    if before <= timedelta(0) or before > MAX_LEAD:
        raise ValueError(f"{spec!r}: a lead time must be more than 0 and at most 7 days")
    return Lead(text, before=before)
