"""Ticket exports and the monthly report as .xlsx (openpyxl)."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.community import Community
from service.consultations import flows as consultations
from service.dashboard.periods import next_month
from service.dashboard.search import scope_clause
from service.dashboard.today import active_tickets, lateness
from service.dashboard.upstream import Figures, Scope, compute_figures
from service.members import bulletin, messages, points, registration
from service.models import Ticket
from service.street.overview import Overview
from service.textclean import clean
from service.tickets import states
from service.tickets.messages import place_of
from service.understanding.model import CATEGORY_LABELS_ZH

TICKET_COLUMNS = (
    "工单号",
    "状态",
    "类别",
    "子类",
    "紧急",
    "楼号",
    "地点",
    "居民原话",
    "反映人",
    "负责群",
    "登记时间",
    "办结时间",
    "处理说明",
)
FIGURE_COLUMNS = (
    "范围",
    "受理量",
    "响应率",
    "解决率",
    "按时办结率",
    "满意率",
    "平均接单(分钟)",
    "平均办结(小时)",
)
_HEAD_FONT = Font(bold=True, color="FFFFFF")
_HEAD_FILL = PatternFill("solid", fgColor="B71C1C")


def _sheet(wb: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    ws: Worksheet = wb.create_sheet(title)
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
    for row in rows:
        ws.append([_safe(v) for v in row])
    for index, header in enumerate(headers):
        least = 24 if index == 0 else 10  # the first column names the row: 幸福街道合计
        ws.column_dimensions[get_column_letter(index + 1)].width = max(
            least, min(40, len(header) * 3)
        )
    ws.freeze_panes = "A2"


def _safe(value: Any) -> Any:
    """Text that Excel would run as a formula is written as plain text; characters that the
    file format refuses (rows stored before text was cleaned on the way in) are left out."""
    if isinstance(value, str):
        value = clean(value)
        if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + value
    return value


def _local(value: datetime | None, zone: ZoneInfo) -> datetime | None:
    return value.astimezone(zone).replace(tzinfo=None) if value else None


def _save(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _new() -> Workbook:
    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    return wb


def ticket_row(ticket: Ticket, zone: ZoneInfo) -> list[Any]:
    return [
        ticket.id,
        states.LABELS_ZH.get(ticket.state, ticket.state),
        CATEGORY_LABELS_ZH.get(ticket.category, ticket.category),
        ticket.subcategory or "",
        "是" if ticket.emergency else "",
        ticket.building or "",
        place_of(ticket).label(),
        ticket.text,
        ticket.reporter_name,
        ticket.assigned_group,
        _local(ticket.created_at, zone),
        _local(ticket.resolved_at, zone),
        ticket.resolution_note or "",
    ]


def export_tickets(community: Community, tickets: Iterable[Ticket]) -> bytes:
    zone = ZoneInfo(community.timezone)
    wb = _new()
    _sheet(wb, "工单", TICKET_COLUMNS, (ticket_row(t, zone) for t in tickets))
    return _save(wb)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _num(value: float | None) -> float | str:
    return "—" if value is None else round(value, 1)


def figure_row(label: str, f: Figures) -> list[Any]:
    return [
        label,
        f.counted,  # 受理: as the rates and the bulletin count (service.tickets.stats)
        _pct(f.response_rate),
        _pct(f.resolution_rate),
        _pct(f.on_time_resolution_rate),
        _pct(f.satisfaction_rate),
        _num(f.avg_claim_minutes),
        _num(f.avg_resolve_hours),
    ]


def monthly_report(
    session: Session, community: Community, scope: Scope, start: datetime, now: datetime
) -> bytes:
    """Rates for the community (or the scope), per grid and per building; tickets by
    category; the overdue list as of now."""
    zone = ZoneInfo(community.timezone)
    end = next_month(start)

    def figures(s: Scope) -> Figures:
        return compute_figures(session, community, start, end, s, now)

    grids = [g for g in community.grids if scope.kind == "community" or g.number == scope.number]
    wb = _new()
    title = f"{community.name} {start:%Y年%m月}"
    _sheet(wb, "概况", FIGURE_COLUMNS, [figure_row(title, figures(scope))])
    _sheet(
        wb,
        "网格",
        FIGURE_COLUMNS,
        [figure_row(g.name, figures(Scope("grid", g.number))) for g in grids],
    )
    _sheet(
        wb,
        "楼栋",
        FIGURE_COLUMNS,
        [figure_row(f"{b}号楼", figures(Scope("building", b))) for g in grids for b in g.buildings],
    )
    categories = Counter(
        session.scalars(
            select(Ticket.category).where(
                Ticket.created_at >= start,
                Ticket.created_at < end,
                scope_clause(community, scope),
            )
        )
    )
    _sheet(
        wb,
        "类别",
        ("类别", "工单数"),
        [(CATEGORY_LABELS_ZH.get(c, c), n) for c, n in categories.most_common()],
    )
    active = active_tickets(session, community, scope)
    late = [x for x in (lateness(t, community, now) for t in active) if x]
    _sheet(
        wb,
        "当前超时工单",  # as the report is made, whatever month it is for
        (f"超时类型（截至{now.astimezone(zone):%m月%d日 %H:%M}）", "应完成时间", *TICKET_COLUMNS),
        (
            [
                ("未接单" if x.what == "claim" else "未办结"),
                _local(x.due, zone),
                *ticket_row(x.ticket, zone),
            ]
            for x in sorted(late, key=lambda x: x.due)
        ),
    )
    if scope.kind == "community":
        _member_sheets(wb, session, community, start, now)
        _consultation_sheet(wb, session, start, zone)
    return _save(wb)


def _member_sheets(
    wb: Workbook, session: Session, community: Community, start: datetime, now: datetime
) -> None:
    """党员积分, 党小组积分 and the bulletin's text, one line a row (issue #14)."""
    end = next_month(start)
    homes = registration.home_groups(session, community)
    ranked = points.ranking(session, community, start, end)
    _sheet(
        wb,
        "党员积分",
        ("名次", "姓名", "党小组", "积分"),
        [(i, name, homes.get(name, ""), p) for i, (name, p) in enumerate(ranked, 1)],
    )
    _sheet(
        wb,
        "党小组积分",
        ("名次", "党小组", "积分", "党员数"),
        [
            (i, *row)
            for i, row in enumerate(points.group_ranking(session, community, start, end), 1)
        ],
    )
    monthly = bulletin.monthly(session, community, start.date(), now, settle=False)
    _sheet(
        wb,
        "月度通报",
        ("通报",),
        [(line,) for line in messages.bulletin_text(monthly).splitlines()],
    )


def _consultation_sheet(wb: Workbook, session: Session, start: datetime, zone: ZoneInfo) -> None:
    """一事一议 opened in the month: options, votes per option, turnout, decision (issue #15)."""
    rows = []
    for c in consultations.opened_between(session, start, next_month(start)):
        counts = consultations.counts(session, c)
        pairs = zip(c.options, counts, strict=True)
        options = "；".join(f"{i}. {o} {n}票" for i, (o, n) in enumerate(pairs, 1))
        rows.append(
            (
                f"#Y{c.id}",
                c.topic,
                "、".join(c.groups),
                _local(c.deadline, zone),
                options,
                sum(counts),
                c.decision or "",
            )
        )
    _sheet(wb, "一事一议", ("编号", "议题", "对象", "截止", "各选项票数", "投票人数", "决定"), rows)


STANDING_COLUMNS = ("在办工单", "超时工单", "紧急未办结")


def street_report(street: str, overview: Overview, as_of: datetime) -> bytes:
    """The street's monthly report: each community's figures and the street's total for the
    month and for the month before, and where each stands as the report is made (`as_of`, in
    the street's time)."""
    month = overview.month
    before = (month.replace(day=1) - timedelta(days=1)).replace(day=1)
    wb = _new()
    lines = overview.lines
    for when, rows, total in (
        (month, [figure_row(x.name, x.figures) for x in lines], overview.figures),
        (before, [figure_row(x.name, x.before) for x in lines], overview.before),
    ):
        _sheet(wb, f"{when:%Y年%m月}", FIGURE_COLUMNS, [*rows, figure_row(f"{street}合计", total)])
    _sheet(
        wb,
        "当前情况",
        (f"范围（截至{as_of:%m月%d日 %H:%M}）", *STANDING_COLUMNS),
        [
            *((x.name, x.now.active, x.now.late, x.now.emergencies) for x in lines),
            (f"{street}合计", overview.now.active, overview.now.late, overview.now.emergencies),
        ],
    )
    return _save(wb)
