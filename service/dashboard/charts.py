"""Figures for the charts page: tickets per week by category, rates per place, time to resolve."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.community import Community
from service.dashboard.periods import month_start, next_month
from service.dashboard.search import scope_clause
from service.dashboard.upstream import Figures, Scope, compute_figures
from service.models import Ticket
from service.understanding.model import CATEGORY_LABELS_ZH

WEEKS = 12
RESOLVE_BUCKETS: tuple[tuple[str, float], ...] = (
    ("2小时内", 2),
    ("2–24小时", 24),
    ("1–3天", 72),
    ("3–7天", 168),
    ("7–15天", 360),
    ("15天以上", float("inf")),
)


# One colour per meaning on every chart: a category keeps its colour wherever it is drawn, and
# red means emergency only. Rates have colours of their own, none of them red.
CATEGORY_COLOURS = {
    "emergency": "#c62828",
    "maintenance": "#1565c0",
    "care": "#7b1fa2",
    "inquiry": "#00838f",
    "culture": "#e65100",
    "dispute": "#6d4c41",
    "none": "#757575",
}
RATE_COLOURS = {
    "response_rate": "#3949ab",
    "resolution_rate": "#2e7d32",
    "on_time_resolution_rate": "#f9a825",
    "satisfaction_rate": "#546e7a",
}
COUNT_AXIS = "工单数（件）"
PERCENT_AXIS = "比例（%）"


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | None]
    colour: str = "#546e7a"


@dataclass(frozen=True)
class Chart:
    labels: list[str]
    series: list[Series]
    category_title: str = ""
    value_title: str = COUNT_AXIS
    percent: bool = False

    @property
    def empty(self) -> bool:
        """Nothing counted at all: the page says 暂无数据 instead of drawing bare axes."""
        return not any(v for s in self.series for v in s.values)

    def as_dict(self) -> dict[str, object]:
        return {
            "labels": self.labels,
            "series": [
                {"label": s.label, "values": s.values, "colour": s.colour} for s in self.series
            ],
            "category_title": self.category_title,
            "value_title": self.value_title,
            "percent": self.percent,
            "empty": self.empty,
        }


def _category_series(counts: Counter[tuple[int, str]], slots: int) -> list[Series]:
    """One series per category, largest first, each in its category's colour."""
    totals: Counter[str] = Counter()
    for (_, category), n in counts.items():
        totals[category] += n
    return [
        Series(
            CATEGORY_LABELS_ZH.get(c, "其他"),
            [float(counts[(i, c)]) for i in range(slots)],
            CATEGORY_COLOURS.get(c, "#757575"),
        )
        for c, _ in totals.most_common()
    ]


def weekly_by_category(
    session: Session, community: Community, scope: Scope, now: datetime
) -> Chart:
    zone = ZoneInfo(community.timezone)
    today = now.astimezone(zone).date()
    first_monday = today - timedelta(days=today.weekday(), weeks=WEEKS - 1)
    start = datetime.combine(first_monday, datetime.min.time(), tzinfo=zone)
    rows = session.execute(
        select(Ticket.created_at, Ticket.category).where(
            Ticket.created_at >= start, scope_clause(community, scope)
        )
    )
    counts: Counter[tuple[int, str]] = Counter()
    for created, category in rows:
        week = (created.astimezone(zone).date() - first_monday).days // 7
        counts[(week, category)] += 1
    labels = [(first_monday + timedelta(weeks=w)).strftime("%m-%d") for w in range(WEEKS)]
    return Chart(labels, _category_series(counts, WEEKS), "每周（周一的日期）")


RATE_FIELDS = (
    ("响应率", "response_rate"),
    ("解决率", "resolution_rate"),
    ("按时办结率", "on_time_resolution_rate"),
    ("满意率", "satisfaction_rate"),
)
PLACE_TITLES = {"grid": "网格", "building": "楼栋"}


def _percent(figures: Figures, field: str) -> float | None:
    value: float | None = getattr(figures, field)
    return None if value is None else round(value * 100, 1)


def rates_by(
    session: Session,
    community: Community,
    scopes: list[tuple[str, Scope]],
    now: datetime,
) -> Chart:
    zone = ZoneInfo(community.timezone)
    start = month_start(now.astimezone(zone).date(), zone)
    figures = [
        compute_figures(session, community, start, next_month(start), scope, now)
        for _, scope in scopes
    ]
    kind = scopes[0][1].kind if scopes else "grid"
    return Chart(
        [label for label, _ in scopes],
        [
            Series(name, [_percent(f, field) for f in figures], RATE_COLOURS[field])
            for name, field in RATE_FIELDS
        ],
        PLACE_TITLES.get(kind, ""),
        PERCENT_AXIS,
        percent=True,
    )


def grid_scopes(community: Community, visible: Scope) -> list[tuple[str, Scope]]:
    return [
        (g.name, Scope("grid", g.number))
        for g in community.grids
        if visible.kind == "community" or (visible.kind == "grid" and visible.number == g.number)
    ]


def building_scopes(community: Community, visible: Scope) -> list[tuple[str, Scope]]:
    return [
        (f"{b}号楼", Scope("building", b))
        for grid in community.grids
        if visible.kind == "community" or visible.number == grid.number
        for b in grid.buildings
    ]


def time_to_resolve(
    session: Session, community: Community, scope: Scope, now: datetime, days: int = 90
) -> Chart:
    rows = session.execute(
        select(Ticket.created_at, Ticket.resolved_at, Ticket.category).where(
            Ticket.resolved_at.is_not(None),
            Ticket.created_at >= now - timedelta(days=days),
            scope_clause(community, scope),
        )
    )
    counts: Counter[tuple[int, str]] = Counter()
    for created, resolved, category in rows:
        if resolved is None:
            continue
        hours = (resolved - created).total_seconds() / 3600
        index = next(i for i, (_, limit) in enumerate(RESOLVE_BUCKETS) if hours < limit)
        counts[(index, category)] += 1
    return Chart(
        [label for label, _ in RESOLVE_BUCKETS],
        _category_series(counts, len(RESOLVE_BUCKETS)),
        "从登记到办结的用时",
    )
