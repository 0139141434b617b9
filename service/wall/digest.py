"""What one building's week holds on the 回音壁, read the same way for the chat digest and the
dashboard page: the week's figures (service/tickets/stats, the one definition of received,
resolved and rated), the tickets resolved in the week one line each, and the tickets still open
past their time limit (service/tickets/deadlines.late, the one definition of "late") with the
latest note staff wrote. Tickets held out by staff (`#12 不公示`) are counted, never listed.
Nothing here names a resident or a room (service/wall/privacy.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from service.community import Community
from service.consultations import flows as consultations
from service.models import Ticket, TicketEvent
from service.tickets import deadlines, states
from service.tickets.messages import kind_label
from service.tickets.stats import Scope, compute_figures
from service.wall import privacy
from service.wall.config import WallConfig
from service.wall.models import WallHold, WallLike

SHOWN_STATES = (states.RESOLVED, states.CLOSED)
NO_REASON = "工作人员正在处理"


@dataclass(frozen=True)
class Week:
    """The week a digest covers: the seven days up to its moment (config/wall.yaml day and
    time) in one ISO week; `key` names that week (2026-W49)."""

    key: str
    start: datetime
    end: datetime

    def label(self, zone: ZoneInfo) -> str:
        first = self.start.astimezone(zone)
        last = (self.end - timedelta(minutes=1)).astimezone(zone)
        return f"{first.month}月{first.day}日—{last.month}月{last.day}日"


def week_of(day: date, config: WallConfig, zone: ZoneInfo) -> Week:
    """The week whose digest falls in the ISO week of `day`."""
    year, number, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    end = datetime.combine(monday + timedelta(days=config.weekday), config.time, zone)
    return Week(f"{year}-W{number:02d}", end - timedelta(days=7), end)


def parse_week(text: str, fallback: Week, config: WallConfig, zone: ZoneInfo) -> Week:
    """`2026-W49` (an <input type="week">); anything else is the fallback."""
    try:
        year, number = (int(part) for part in text.strip().split("-W"))
        return week_of(date.fromisocalendar(year, number, 1), config, zone)
    except ValueError:
        return fallback


def last_week(now: datetime, config: WallConfig, zone: ZoneInfo) -> Week:
    """The newest week whose digest moment has come."""
    today = now.astimezone(zone).date()
    week = week_of(today, config, zone)
    return week if week.end <= now else week_of(today - timedelta(days=7), config, zone)


@dataclass(frozen=True)
class Line:
    ticket_id: int
    place: str
    what: str
    took: str | None  # resolved: how long it took; late: None
    likes: int


@dataclass(frozen=True)
class Wall:
    building: int
    week: Week
    received: int
    resolved: int
    rated: int
    satisfied: int
    held: int  # tickets of the week's lists kept off the wall by staff
    done: tuple[Line, ...]
    late: tuple[Line, ...]
    decisions: tuple[str, ...] = ()  # 一事一议 decided this week for this building's groups

    @property
    def is_empty(self) -> bool:
        return not (self.received or self.done or self.late or self.decisions)


def took_zh(delta: timedelta) -> str:
    """How long it took, in hours or days as a resident says it."""
    hours = delta.total_seconds() / 3600
    if hours < 1:
        return "不到1小时"
    if hours < 48:
        return f"{round(hours)}小时"
    return f"{round(hours / 24)}天"


def building_wall(
    session: Session,
    community: Community,
    config: WallConfig,
    building: int,
    week: Week,
    now: datetime,
) -> Wall:
    figures = compute_figures(
        session, community, week.start, week.end, Scope("building", building), now
    )
    resolved = _tickets(
        session,
        Ticket.building == str(building),
        Ticket.state.in_(SHOWN_STATES),
        Ticket.resolved_at >= week.start,
        Ticket.resolved_at < week.end,
    )
    moment = min(now, week.end)
    late = [
        t
        for t in _tickets(
            session,
            Ticket.building == str(building),
            Ticket.state.in_(states.ACTIVE),
            Ticket.created_at < week.end,
        )
        if deadlines.late(t, community, moment) is not None
    ]
    held = _held(session, [t.id for t in resolved + late])
    shown_done = [t for t in resolved if t.id not in held]
    shown_late = [t for t in late if t.id not in held]
    names = _resident_names(resolved + late)
    likes = _likes(session, [t.id for t in shown_done])
    done = tuple(
        Line(
            t.id,
            _place(t, config),
            _what_was_done(t, names, config),
            took_zh((t.resolved_at or t.created_at) - t.created_at),
            likes.get(t.id, 0),
        )
        for t in shown_done
    )
    notes = _latest_notes(session, [t.id for t in shown_late])
    late_lines = tuple(
        Line(
            t.id,
            _place(t, config),
            _late_line(t, notes.get(t.id), names, config),
            None,
            0,
        )
        for t in shown_late
    )
    rated = figures.rated
    satisfied = round((figures.satisfaction_rate or 0) * rated)
    groups = {g.name for g in community.groups if g.kind == "resident" and g.building == building}
    decisions = tuple(
        f"#Y{c.id} {c.topic}：{privacy.shorten(c.decision or '', config.note_chars)}"
        for c in consultations.decided_between(session, week.start, week.end)
        if groups & set(c.groups)
    )
    return Wall(
        building,
        week,
        figures.received,
        figures.resolved,
        rated,
        satisfied,
        len(held),
        done,
        late_lines,
        decisions,
    )


def _tickets(session: Session, *where: object) -> list[Ticket]:
    stmt = (
        select(Ticket)
        .where(*where)  # type: ignore[arg-type]
        .options(selectinload(Ticket.followers))
        .order_by(Ticket.id)
    )
    return list(session.scalars(stmt))


def _held(session: Session, ids: Sequence[int]) -> set[int]:
    if not ids:
        return set()
    return set(session.scalars(select(WallHold.ticket_id).where(WallHold.ticket_id.in_(ids))))


def _likes(session: Session, ids: Sequence[int]) -> dict[int, int]:
    if not ids:
        return {}
    stmt = (
        select(WallLike.ticket_id, func.count())
        .where(WallLike.ticket_id.in_(ids))
        .group_by(WallLike.ticket_id)
    )
    return {ticket_id: count for ticket_id, count in session.execute(stmt)}


def _latest_notes(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """The latest note staff wrote on each ticket (`#12 备注 …`)."""
    if not ids:
        return {}
    stmt = (
        select(TicketEvent.ticket_id, TicketEvent.note)
        .where(TicketEvent.ticket_id.in_(ids), TicketEvent.kind == "note")
        .order_by(TicketEvent.at, TicketEvent.id)
    )
    return {ticket_id: note for ticket_id, note in session.execute(stmt) if note}


def _resident_names(tickets: Sequence[Ticket]) -> set[str]:
    """Every resident name and nickname of the listed tickets: none of them is ever shown."""
    names = {t.reporter_name for t in tickets}
    names |= {f.person_name for t in tickets for f in t.followers}
    return names


def _what_was_done(ticket: Ticket, names: set[str], config: WallConfig) -> str:
    """The staff's resolution note, made fit for the wall; an emergency or a household's own
    matter (private_categories) says only its kind (what happened in a household is not the
    building's business)."""
    if ticket.emergency:
        return f"{kind_label(ticket)}，已及时处置"
    if ticket.category in config.private_categories:
        return f"{_category_only(ticket)}，已办结"  # "送去了米面油" would name the household
    note = privacy.scrub(ticket.resolution_note or "", names, config, ticket.room)
    return privacy.shorten(note, config.note_chars) or "已处理"


def _place(ticket: Ticket, config: WallConfig) -> str:
    """Building and unit; a household's own matter only its building (a unit narrows it down)."""
    private = ticket.category in config.private_categories
    return privacy.place(ticket.building, None if private else ticket.unit)


def _category_only(ticket: Ticket) -> str:
    """爱心帮扶, not 爱心帮扶·独居老人: the subcategory would tell who lives alone."""
    return kind_label(ticket).split("·")[0]


def _late_line(ticket: Ticket, note: str | None, names: set[str], config: WallConfig) -> str:
    if ticket.category in config.private_categories:
        return f"{_category_only(ticket)}，正在跟进"  # a household's matter: its kind only
    if ticket.emergency:
        return f"{kind_label(ticket)}，正在跟进"
    what = privacy.scrub(ticket.summary or kind_label(ticket), names, config, ticket.room)
    reason = privacy.scrub(note or "", names, config, ticket.room)
    what = privacy.shorten(what or kind_label(ticket), config.note_chars)
    return f"{what}；原因：{privacy.shorten(reason, config.note_chars) or NO_REASON}"


def digest_text(wall: Wall, zone: ZoneInfo, config: WallConfig, like_example: str) -> str | None:
    """The chat digest of one building's week; None when the week holds nothing to say."""
    if wall.is_empty:
        return None
    lines = [
        f"【回音壁】{wall.building}号楼本周（{wall.week.label(zone)}）",
        f"收到反映 {wall.received} 件，已办结 {wall.resolved} 件，"
        f"已评价 {wall.rated} 件（满意 {wall.satisfied} 件）。",
    ]
    if wall.done:
        lines.append("本周办结：")
        lines += _listed(wall.done, config.max_lines)
    if wall.late:
        lines.append("超过办理时限、仍在处理：")
        lines += _listed(wall.late, config.max_lines)
    if wall.held:
        lines.append(f"另有 {wall.held} 件按工作人员意见不公示。")
    if wall.decisions:
        lines.append("一事一议的决定：")
        lines += list(wall.decisions)
    if wall.done:
        example = like_example.replace("{n}", str(wall.done[0].ticket_id))
        lines.append(f"觉得办得好，可以回复“{example}”为工作人员点赞。")
    return "\n".join(lines)


def line_text(line: Line) -> str:
    took = f"（用时{line.took}）" if line.took else ""
    return f"#{line.ticket_id} {line.place}：{line.what}{took}"


def _listed(lines: Sequence[Line], limit: int) -> list[str]:
    out = [line_text(line) for line in lines[:limit]]
    if len(lines) > limit:
        out.append(f"……另有 {len(lines) - limit} 件，详见社区公示栏。")
    return out
