"""Time limits at work: reminders, escalation up the grid, and the morning overdue list.

Past a limit the responsible group gets a reminder; past twice the limit the grid group is told;
past three times, the community group. Each step happens once and is recorded on the ticket.
An emergency, alerted to every group at once, is said once more per limit instead
(emergency_repeat in config/tickets.yaml)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community, Group
from service.holidays import is_working_day
from service.models import OutboxMessage, Ticket, TicketEvent
from service.outbox import Notice, Priority
from service.street.addressing import short_name
from service.tickets import deadlines, messages, states
from service.tickets.flows import (
    TRANSFER_ARROW,
    alerted_since,
    claim_to_residents,
    closing_to_residents,
    held_by_the_street,
    told,
    transfer_notice,
    transfer_to_residents,
)

SYSTEM = Actor("system", "系统")
_WHAT = messages.LATE_WHAT


def _ladder(community: Community, ticket: Ticket) -> list[Group]:
    group = community.group(ticket.assigned_group) or community.community_group
    return list(community.chain(group))


def _step_text(ticket: Ticket, kind: str, step: int, due: datetime, community: Community) -> str:
    what = _late_what(ticket, kind)
    head = "【超时提醒】" if step == 1 else "【超时上报】"
    action = f"#{ticket.id} 接单" if kind == "claim" else f"#{ticket.id} 已处理 处理说明"
    return (
        f"{head}{messages.headline(ticket)}，{what}（时限 {messages.local(due, community.zone)}）。"
        f"负责：{ticket.assigned_group}。请尽快回复：{action}"
    )


def _claimed_before_handover(ticket: Ticket) -> str | None:
    """Who had claimed the ticket before it was handed to the group that has it now (a
    transfer or 收回), when that group has not claimed it yet; else None."""
    claimer: str | None = None
    handed = False
    for event in ticket.events:  # in the order they happened
        if event.kind == "claimed":
            claimer, handed = event.actor_name, False
        elif event.kind in ("transferred", "taken_back", "transfer_refused"):
            handed = True
    return claimer if handed and ticket.claimed_at is None else None


def sweep_deadlines(
    session: Session, community: Community, now: datetime, emergencies_only: bool = False
) -> list[Notice]:
    """Take every active ticket one step up the ladder per limit passed; return what to say.
    During quiet hours only emergencies climb; the others wait for the morning."""
    notices: list[Notice] = []
    stmt = (
        select(Ticket)
        .where(
            Ticket.state.in_(states.ACTIVE),
            Ticket.awaiting_place.is_(False),
            Ticket.over_said_at.is_(None),  # said over: waits for its group (deadlines.late)
        )
        .order_by(Ticket.id)
    )
    if emergencies_only:
        stmt = stmt.where(Ticket.emergency.is_(True))
    # Locked like every change (flows.get_ticket); one being changed right now (a transfer
    # resets its ladder) is left for the next sweep.
    for ticket in list(session.scalars(stmt.with_for_update(skip_locked=True))):
        if deadlines.awaiting_claim(ticket):
            notices += _climb(ticket, "claim", community, now)
        if not held_by_the_street(community, ticket):
            notices += _climb(ticket, "resolve", community, now)
        notices += _street_step(ticket, community, now)
    return notices


def next_emergency_due(
    session: Session, community: Community, now: datetime, until: datetime
) -> datetime | None:
    """The first time after `now`, up to `until`, at which a limit of an active emergency falls
    due: a step of its claim or resolve ladder, or the street office's. The deadline sweep runs
    every few minutes; an emergency's step must not wait for it (street trials 6 and 7)."""
    stmt = select(Ticket).where(
        Ticket.state.in_(states.ACTIVE),
        Ticket.emergency.is_(True),
        Ticket.awaiting_place.is_(False),
        Ticket.over_said_at.is_(None),
    )
    first: datetime | None = None
    for ticket in session.scalars(stmt):
        steps = range(1, len(_ladder(community, ticket)) + 2)  # the last one is the street's
        dues = [deadlines.resolve_due(ticket, community, step) for step in steps]
        if deadlines.awaiting_claim(ticket):
            dues += [deadlines.claim_due(ticket, community, step) for step in steps]
        for due in dues:
            if now < due <= until and (first is None or due < first):
                first = due
    return first


def _street_step(ticket: Ticket, community: Community, now: datetime) -> list[Notice]:
    """The street office's group, once per ticket: an emergency nobody claimed within its
    limit, or any ticket still open one limit after it reached the top of the community."""
    street = community.street_group
    if street is None or told(ticket, street.name):
        return []
    if ticket.emergency and deadlines.awaiting_claim(ticket):
        kind, due = "claim", deadlines.claim_due(ticket, community)
    elif _quiet(community, now):
        return []  # someone has it in hand, or it is no emergency: it waits for the morning
    else:
        kind = "resolve"
        due = deadlines.resolve_due(ticket, community, len(_ladder(community, ticket)) + 1)
    if not deadlines.passed(due, now):
        return []
    if deadlines.awaiting_claim(ticket):
        kind = "claim"  # nobody ever took it: say so, and offer the street the claim
    first_due = deadlines.claim_due if kind == "claim" else deadlines.resolve_due
    word = "接单" if kind == "claim" else "进度"
    text = messages.street_escalation(
        community.name,
        ticket,
        _late_what(ticket, kind),
        messages.local(first_due(ticket, community), community.zone),
        f"{short_name(community.name)} #{ticket.id} {word}",
    )
    ticket.events.append(
        TicketEvent(
            kind="escalated",
            actor_id=SYSTEM.id,
            actor_name=SYSTEM.name,
            note=f"{_WHAT[kind]}{TRANSFER_ARROW}{street.name}",
            at=now,
        )
    )
    urgent = Priority.ALERT if ticket.emergency else None
    return [Notice(text, group=street.name, priority=urgent)]


def _climb(ticket: Ticket, kind: str, community: Community, now: datetime) -> list[Notice]:
    ladder = _ladder(community, ticket)
    stage = ticket.claim_stage if kind == "claim" else ticket.resolve_stage
    due_at = deadlines.claim_due if kind == "claim" else deadlines.resolve_due
    notices: list[Notice] = []
    # Only the highest step that fell due is said, so a long outage does not flood the groups.
    reached = stage
    for step in range(stage + 1, len(ladder) + 1):
        if deadlines.passed(due_at(ticket, community, step), now):
            reached = step
    if reached == stage:
        return []
    said_to = reached
    if ticket.emergency:
        # Every group of the ladder had the alert: said once more, to one group, then done.
        if stage > 0 or (kind == "resolve" and _quiet(community, now)):
            return []  # someone has it in hand: the reminder waits for the morning
        said_to = _repeat_level(community, kind, len(ladder))
        reached = len(ladder)
    first_due = due_at(ticket, community, 1)
    text = _step_text(ticket, kind, said_to, first_due, community)
    urgent = Priority.ALERT if ticket.emergency else None  # said first, and never held back
    notices.append(Notice(text, group=ladder[said_to - 1].name, priority=urgent))
    ticket.events.append(
        TicketEvent(
            kind="reminder" if said_to == 1 else "escalated",
            actor_id=SYSTEM.id,
            actor_name=SYSTEM.name,
            note=f"{_WHAT[kind]}{TRANSFER_ARROW}{ladder[said_to - 1].name}",
            at=now,
        )
    )
    if kind == "claim":
        ticket.claim_stage = reached
    else:
        ticket.resolve_stage = reached
    return notices


def _quiet(community: Community, now: datetime) -> bool:
    return community.policy.quiet_hours.contains(now, community.zone)


def _repeat_level(community: Community, kind: str, height: int) -> int:
    """The step of the ladder (1 = the responsible group) an overdue emergency is said to."""
    repeat = community.policy.emergency_repeat
    level = repeat.claim if kind == "claim" else repeat.resolve
    return {"own": 1, "next": min(2, height), "top": height}[level]


def overdue_digest(
    session: Session, community: Community, now: datetime, told_since: datetime | None = None
) -> list[Notice]:
    """The working-day morning list of overdue tickets for each grid group and the community:
    each group lists what it must act on, the grid its buildings' tickets, the community those
    escalated to it (and those of no grid), so no ticket is listed twice. A ticket whose
    reminder or escalation reached a group since `told_since` (the same sweep) is not listed
    there again: one ticket is said once per group."""
    if not is_working_day(now.astimezone(community.zone).date()):
        return []
    overdue: list[tuple[Ticket, str]] = []
    stmt = select(Ticket).where(Ticket.state.in_(states.ACTIVE)).order_by(Ticket.id)
    for ticket in session.scalars(stmt):
        late = deadlines.late(ticket, community, now)
        if late is not None and not held_by_the_street(community, ticket):
            overdue.append((ticket, _late_what(ticket, late.what)))
    if not overdue:
        return []

    def not_yettold(ticket: Ticket, group: str) -> bool:
        return told_since is None or not told(ticket, group, told_since)

    notices: list[Notice] = []
    cap = community.policy.digest_max_items
    listed: set[int] = set()
    for grid in community.grids:
        mine = [
            (t, w)
            for t, w in overdue
            if t.building in {str(b) for b in grid.buildings} and not _at_top(t, community)
        ]
        listed |= {t.id for t, _ in mine}
        mine = [(t, w) for t, w in mine if not_yettold(t, grid.group)]
        if mine:
            notices.append(Notice(_digest(grid.name, mine, cap), group=grid.group))
    # The community group lists what reached it (or has no grid): a ticket is in one list only.
    top = community.community_group.name
    rest = [(t, w) for t, w in overdue if t.id not in listed and not_yettold(t, top)]
    if rest:
        notices.append(Notice(_digest(community.name, rest, cap), group=top))
    return notices


def _late_what(ticket: Ticket, what: str) -> str:
    claimer = _claimed_before_handover(ticket) if what == "claim" else None
    return messages.late_after_handover(claimer) if claimer else _WHAT[what]


def _at_top(ticket: Ticket, community: Community) -> bool:
    """The ticket's ladder reached its top (the community group) for what it is late for."""
    stage = ticket.claim_stage if deadlines.awaiting_claim(ticket) else ticket.resolve_stage
    return stage >= len(_ladder(community, ticket))


def _digest(scope: str, items: list[tuple[Ticket, str]], cap: int) -> str:
    """Emergencies first and marked; at most `cap` lines, the rest counted."""
    lines = [f"【{scope}超时工单 {len(items)} 件】"]
    ordered = sorted(items, key=lambda item: not item[0].emergency)
    lines += [messages.overdue_line(ticket, what) for ticket, what in ordered[:cap]]
    if len(ordered) > cap:
        lines.append(messages.MORE_ON_DASHBOARD.format(n=len(ordered) - cap))
    return "\n".join(lines)


def night_tickets(
    session: Session, community: Community, since: datetime, until: datetime
) -> list[Ticket]:
    """Non-emergency tickets opened during the quiet hours: their groups were not woken."""
    stmt = (
        select(Ticket)
        .where(
            Ticket.created_at >= since,
            Ticket.created_at < until,
            Ticket.emergency.is_(False),
            Ticket.awaiting_place.is_(False),
            Ticket.state.in_(states.ACTIVE),
        )
        .order_by(Ticket.id)
    )
    return list(session.scalars(stmt))


def within_daily_limit(
    session: Session, community: Community, notices: list[Notice], now: datetime
) -> list[Notice]:
    """A group hears at most `overdue_alerts_per_day` overdue messages in a local day (one per
    sweep, one_per_group): past that, the steps are still recorded (待办 and the morning
    overdue list show them) but not said. Emergencies are always said, and so is every
    ticket brought to the street office's group: only the worst reach it, each once (fifth
    street trial: a roof leak open 28 days went unannounced after four). The last message
    allowed says so."""
    cap = community.policy.overdue_alerts_per_day
    local = now.astimezone(community.zone)
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    street = community.street_group
    kept: list[Notice] = []
    told: dict[str, int] = {}
    for notice in notices:
        uncapped = street is not None and notice.group == street.name
        if notice.group is None or notice.priority == Priority.ALERT or uncapped:
            kept.append(notice)
            continue
        if notice.group not in told:
            told[notice.group] = _told_today(session, notice.group, day_start)
        if told[notice.group] < cap:
            kept.append(notice)  # this sweep's notices for a group go out as one message
    last = {n.group: i for i, n in enumerate(kept) if n.group and n.priority != Priority.ALERT}
    for group, count in told.items():
        if count == cap - 1 and group in last:
            notice = kept[last[group]]
            note = messages.OVERDUE_LIMIT_REACHED.format(n=cap)
            kept[last[group]] = replace(notice, text=f"{notice.text}\n{note}")
    return kept


def _told_today(session: Session, group: str, day_start: datetime) -> int:
    """Messages of the deadline sweeps to this group since the start of the local day."""
    stmt = select(func.count()).where(
        OutboxMessage.group_name == group,
        OutboxMessage.idempotency_key.like(f"{SWEEP_CAUSE}%"),
        OutboxMessage.created_at >= day_start,
    )
    return session.scalar(stmt) or 0


SWEEP_CAUSE = "sweep:"


def one_per_group(notices: list[Notice], heading: str | None = None) -> list[Notice]:
    """Several notices for one group in one sweep become one message (a heading, then each);
    emergencies first, otherwise the order of first appearance is kept. Room notices pass
    unchanged."""
    notices = sorted(notices, key=lambda n: n.priority != Priority.ALERT)
    merged: dict[str, list[str]] = {}
    urgent: set[str] = set()
    out: list[Notice | str] = []
    for notice in notices:
        if notice.group is not None and notice.priority == Priority.ALERT:
            urgent.add(notice.group)
        if notice.group is None or notice.mentions:
            out.append(notice)
            continue
        if notice.group not in merged:
            merged[notice.group] = []
            out.append(notice.group)
        merged[notice.group].append(notice.text)
    result: list[Notice] = []
    for item in out:
        if isinstance(item, Notice):
            result.append(item)
            continue
        texts = merged[item]
        priority = Priority.ALERT if item in urgent else None
        if len(texts) == 1 and heading is None:
            result.append(Notice(texts[0], group=item, priority=priority))
            continue
        head = heading or f"【超时工单汇总 {len(texts)} 条】"
        result.append(Notice("\n".join([head, *texts]), group=item, priority=priority))
    return result


def morning_summary(
    session: Session, community: Community, since: datetime, until: datetime
) -> list[Notice]:
    """At the end of the quiet hours: the night's new tickets, what residents added to their
    tickets in the night (held then, flows.own_follow_up; over news of an emergency paged
    before the night, flows._told_over) and the 不满意 that reopened one
    (flows.rate_ticket), per responsible group; to a group a ticket was taken back from in
    the night (flows.take_back), that it was; and to residents, the night's closings."""
    notices: list[Notice] = []
    for ticket in night_tickets(session, community, since, until):
        moved = _latest(ticket, "transferred")
        if moved is not None and since <= moved.at < until:
            continue  # handed on in the night: its transfer notice below tells it
        line = f"夜间新工单 {messages.overdue_line(ticket, '')}".rstrip()
        # claimed in the night already (day 52 S52): who has it, not a request to claim it
        ask = (
            f"已由{ticket.claimed_by}接单"
            if ticket.state == states.CLAIMED and ticket.claimed_by
            else f"接单请回复：#{ticket.id} 接单"
        )
        notices.append(Notice(f"{line}，{ask}", group=ticket.assigned_group))
    stmt = (
        select(TicketEvent)
        .join(Ticket)
        .where(
            TicketEvent.kind.in_(("resident_note", "reopened", "taken_back", "transferred")),
            TicketEvent.at >= since,
            TicketEvent.at < until,
            or_(
                Ticket.emergency.is_(False),
                # over news of an emergency, held when paged before the night (flows._told_over)
                Ticket.over_said_at == TicketEvent.at,
            ),
            Ticket.state.in_(states.ACTIVE),
        )
        .order_by(TicketEvent.id)
    )
    for event in session.scalars(stmt):
        ticket = event.ticket
        if event.kind == "transferred":
            # a transfer in the night (flows.transfer_ticket): the group it went to and the
            # residents hear it now, unless it has moved on since
            if event == _latest(ticket, "transferred") and ticket.state == states.OPEN:
                notices.append(transfer_notice(community, ticket, event))
                notices += transfer_to_residents(ticket)
            continue
        if event.kind == "taken_back":
            # a take-back in the night (flows.take_back): the group it was taken from
            old, _, new = (event.note or "").partition(TRANSFER_ARROW)
            if old and old != new:
                said = messages.taken_back_in_group(ticket, event.actor_name)
                notices.append(Notice(f"夜间{said}", group=old))
            continue
        if event.kind == "reopened":
            residents = {ticket.reporter_id, *(f.person_id for f in ticket.followers)}
            if event.actor_id not in residents:
                continue  # `#12 重新处理` by staff: they know
            said = messages.reopened_in_group(ticket, event.note or "")
        else:
            over = ticket.emergency and ticket.over_said_at == event.at
            if over and alerted_since(ticket, since):
                continue  # told at once in the night (flows.over_held_until_morning)
            said = messages.follow_up_in_group(ticket, event.actor_name, event.note or "", over)
        notices.append(Notice(f"夜间{said}", group=ticket.assigned_group))
    # 满意 given in the night (held then, flows.rate_ticket)
    rated = (
        select(TicketEvent)
        .join(Ticket)
        .where(
            TicketEvent.kind.in_(_SATISFIED_KINDS),
            TicketEvent.at >= since,
            TicketEvent.at < until,
            Ticket.emergency.is_(False),
        )
        .order_by(TicketEvent.id)
    )
    for event in session.scalars(rated):
        said = messages.rated_in_group(event.ticket)
        notices.append(Notice(f"夜间{said}", group=event.ticket.assigned_group))
    closings = _night_closings_to_residents(session, community, since, until)
    return notices + _night_claims_to_residents(session, community, since, until) + closings


def _latest(ticket: Ticket, kind: str) -> TicketEvent | None:
    return next((e for e in reversed(ticket.events) if e.kind == kind), None)


def _night_closings_to_residents(
    session: Session, community: Community, since: datetime, until: datetime
) -> list[Notice]:
    """Closings of no emergency made in the night (held then, flows.resolve_ticket) and still
    standing: told to their residents now."""
    stmt = (
        select(TicketEvent)
        .join(Ticket)
        .where(
            TicketEvent.kind.in_(states.CLOSING_KINDS),
            TicketEvent.at >= since,
            TicketEvent.at < until,
            TicketEvent.at == Ticket.resolved_at,
            Ticket.emergency.is_(False),
            Ticket.state == states.RESOLVED,
        )
        .order_by(TicketEvent.id)
    )
    notices: list[Notice] = []
    for event in session.scalars(stmt):
        answer = event.kind == states.CLOSED_WITH_ANSWER
        notices += closing_to_residents(community, event.ticket, answer)
    return notices


def _night_claims_to_residents(
    session: Session, community: Community, since: datetime, until: datetime
) -> list[Notice]:
    """Claims of no emergency made in the night (held then, flows.claim_ticket) of tickets
    still in hand: told to their residents now, with what was said with the claim (kept as a
    note of the same moment)."""
    stmt = (
        select(TicketEvent)
        .join(Ticket)
        .where(
            TicketEvent.kind == "claimed",
            TicketEvent.at >= since,
            TicketEvent.at < until,
            Ticket.emergency.is_(False),
            Ticket.state == states.CLAIMED,
        )
        .order_by(TicketEvent.id)
    )
    notices: list[Notice] = []
    seen: set[int] = set()
    for event in session.scalars(stmt):
        ticket = event.ticket
        if ticket.id in seen:
            continue
        seen.add(ticket.id)
        said = next(
            (
                e.note
                for e in ticket.events
                if e.kind == "note" and e.at == event.at and e.actor_id == event.actor_id
            ),
            "",
        )
        notices += claim_to_residents(community, ticket, said or "")
    return notices


# The events a satisfied rating records (flows.rate_ticket).
_SATISFIED_KINDS = ("rated", "reporter_rated", "follower_rated")
