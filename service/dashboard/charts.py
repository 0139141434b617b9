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


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | None]


@dataclass(frozen=True)
class Chart:
    labels: list[str]
    series: list[Series]

    def as_dict(self) -> dict[str, object]:
        return {
            "labels": self.labels,
            "series": [{"label": s.label, "values": s.values} for s in self.series],
        }


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
    categories = sorted(
        {c for _, c in counts}, key=lambda c: -sum(n for (_, cat), n in counts.items() if cat == c)
    )
    series = [
        Series(CATEGORY_LABELS_ZH.get(c, c), [float(counts[(w, c)]) for w in range(WEEKS)])
        for c in categories
    ]
    return Chart(labels, series)


RATE_FIELDS = (
    ("响应率", "response_rate"),
    ("解决率", "resolution_rate"),
    ("按时办结率", "on_time_resolution_rate"),
    ("满意率", "satisfaction_rate"),
)


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
        compute_figures(session, community, start, next_month(start), scope) for _, scope in scopes
    ]
    return Chart(
        [label for label, _ in scopes],
        [Series(name, [_percent(f, field) for f in figures]) for name, field in RATE_FIELDS],
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
        select(Ticket.created_at, Ticket.resolved_at).where(
            Ticket.resolved_at.is_not(None),
            Ticket.created_at >= now - timedelta(days=days),
            scope_clause(community, scope),
        )
    )
    counts = [0] * len(RESOLVE_BUCKETS)
    for created, resolved in rows:
        if resolved is None:
            continue
        hours = (resolved - created).total_seconds() / 3600
        index = next(i for i, (_, limit) in enumerate(RESOLVE_BUCKETS) if hours < limit)
        counts[index] += 1
    return Chart(
        [label for label, _ in RESOLVE_BUCKETS], [Series("工单数", [float(c) for c in counts])]
    )
