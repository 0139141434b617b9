"""Public holidays and working days in mainland China (the `chinese-calendar` package).

chinese-calendar only knows the years the State Council has published. For other years the
statutory days themselves come from `config/holidays.yaml` (元旦, 劳动节, 国庆节 every year; 春节,
清明, 端午, 中秋 dated ahead for the years listed there), other days count Monday–Friday as working
days, and we log once per year that the bridges and make-up working days are unknown.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from functools import cache, lru_cache

import chinese_calendar

from service.settings import REPO_ROOT
from service.yaml_parse import parse_yaml

log = logging.getLogger(__name__)

_TABLE = REPO_ROOT / "config" / "holidays.yaml"
_NAMES_ZH = {h.value: h.chinese for h in chinese_calendar.Holiday}


@cache
def _statutory_days() -> tuple[dict[tuple[int, int], str], dict[int, dict[tuple[int, int], str]]]:
    """The table's days of every year and its days of each listed year, as (month, day)."""
    _, data = parse_yaml(_TABLE.read_text(encoding="utf-8"))

    def days(rows: dict[str, str]) -> dict[tuple[int, int], str]:
        return {(int(md[:2]), int(md[3:])): str(name) for md, name in rows.items()}

    return days(data["fixed"]), {int(y): days(rows) for y, rows in data["by_year"].items()}


def _statutory_holiday(day: date) -> str | None:
    every_year, by_year = _statutory_days()
    key = (day.month, day.day)
    return by_year.get(day.year, {}).get(key) or every_year.get(key)


@cache
def _warn_unknown_year(year: int) -> None:
    if year in _statutory_days()[1]:
        log.warning(
            "no official holiday schedule for %s; using the statutory days of"
            " config/holidays.yaml, without bridges or make-up working days",
            year,
        )
    else:
        log.warning(
            "no official holiday schedule for %s and no lunar holidays for it in"
            " config/holidays.yaml; using fixed-date holidays and Monday-Friday only",
            year,
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
        return _statutory_holiday(day)
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
        return day.weekday() < 5 and _statutory_holiday(day) is None
    return bool(chinese_calendar.is_workday(day))


def next_working_day(day: date) -> date:
    """The first working day after `day`."""
    candidate = day + timedelta(days=1)
    while not is_working_day(candidate):
        candidate += timedelta(days=1)
    return candidate
