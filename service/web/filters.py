"""Ticket filters from query parameters, forgiving for pages and strict for the API."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import Query

from service.dashboard.search import TicketFilter
from service.tickets import states
from service.understanding.model import REQUEST_CATEGORIES

_NUMBER = re.compile(r"[0-9]{1,9}")


def parse_int(text: str | None) -> int | None:
    """A plain ASCII number (str.isdigit also accepts ² and other digits int() refuses)."""
    text = (text or "").strip().lstrip("#＃").strip()
    return int(text) if _NUMBER.fullmatch(text) else None


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None


def page_filter(
    state: str | None = None,
    category: str | None = None,
    subcategory: Annotated[str | None, Query(max_length=200)] = None,
    grid: str | None = None,
    building: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
) -> TicketFilter:
    """Unknown values are dropped rather than refused: a page should always show something."""
    return TicketFilter(
        state=state if state in states.LABELS_ZH else None,
        category=category if category in REQUEST_CATEGORIES else None,
        subcategory=(subcategory or "").strip()[:40] or None,
        grid=parse_int(grid),
        building=parse_int(building),
        since=_date(since),
        until=_date(until),
        q=(q or "").strip()[:100] or None,
    )
