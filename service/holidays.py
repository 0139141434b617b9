"""Public holidays and working days in mainland China (the `chinese-calendar` package).

chinese-calendar only knows the years the State Council has published. For other years we fall
back to the fixed-date statutory holidays (元旦, 劳动节, 国庆节) and Monday–Friday as working
days, and log once per year that the lunar holidays and make-up working days are unknown.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from functools import cache, lru_cache

import chinese_calendar

log = logging.getLogger(__name__)

# Fixed-date statutory holidays, used only for years chinese-calendar does not know.
_FIXED_HOLIDAYS = {
    (1, 1): "元旦",
    (5, 1): "劳动节",
    (10, 1): "国庆节",
    (10, 2): "国庆节",
    (10, 3): "国庆节",
}
_NAMES_ZH = {h.value: h.chinese for h in chinese_calendar.Holiday}


@cache
def _warn_unknown_year(year: int) -> None:
    log.warning(
        "no official holiday data for %s; using fixed-date holidays and Monday-Friday only", year
    )


def _known(day: date) -> bool:
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        _warn_unknown_year(day.year)
        return False
    return True


def public_holiday(day: date) -> str | None:
    """The Chinese name of the public holiday on `day` (e.g. 国庆节), or None.

    Ordinary weekends are not public holidays."""
    if not _known(day):
        return _FIXED_HOLIDAYS.get((day.month, day.day))
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    if not on_holiday or name is None:
        return None
    return str(_NAMES_ZH.get(name, name))


@lru_cache(maxsize=8192)
def is_working_day(day: date) -> bool:
    """Working days include the make-up Saturdays and Sundays (调休) of known years.

    Cached: the calendar is fixed data, and the dashboard checks the same days for thousands
    of tickets on every page view."""
    if not _known(day):
        return day.weekday() < 5 and (day.month, day.day) not in _FIXED_HOLIDAYS
    return bool(chinese_calendar.is_workday(day))


def next_working_day(day: date) -> date:
    """The first working day after `day`."""
    candidate = day + timedelta(days=1)
    while not is_working_day(candidate):
        candidate += timedelta(days=1)
    return candidate
