"""Ticket flows: each takes a session, changes state, records the audit event and returns the
notices to send. The caller writes the notices to the outbox in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community, Group
from service.errors import IllegalTransition, InvalidInput, NotFound, NotPermitted
from service.models import Ticket, TicketEvent
from service.outbox import Mention, Notice
from service.tickets import messages, states
from service.tickets.routing import route
from service.understanding import Understanding

MAX_TICKET_ID = 2**31 - 1


@dataclass(frozen=True)
class Report:
    """A resident's message as the domain sees it."""

    text: str
    reporter: Actor
    room_id: str
    group: Group | None


@dataclass(frozen=True)
class Outcome:
    ticket: Ticket
    notices: list[Notice]


def _record(
    ticket: Ticket, kind: str, actor: Actor, now: datetime, note: str | None, to_state: str | None
) -> None:
    ticket.events.append(
        TicketEvent(
            kind=kind,
            from_state=ticket.state if to_state else None,
            to_state=to_state,
            actor_id=actor.id,
            actor_name=actor.name,
            note=note,
            at=now,
        )
    )
    if to_state:
        ticket.state = to_state
    ticket.updated_at = now


def open_ticket(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    now: datetime,
) -> Outcome:
    routing = route(community, understanding, report.group)
    ticket = Ticket(
        state=states.OPEN,
        category=understanding.category,
        subcategory=understanding.subcategory,
        emergency=understanding.emergency,
        building=routing.place.building,
        unit=routing.place.unit,
        room=routing.place.room,
        text=report.text,
        summary=understanding.summary[:80],
        keywords=list(understanding.keywords),
        reporter_id=report.reporter.id,
        reporter_name=report.reporter.name,
        source_room_id=report.room_id,
        source_group=report.group.name if report.group else None,
        assigned_group=routing.group.name,
        created_at=now,
        updated_at=now,
    )
    session.add(ticket)
    _record(ticket, "created", report.reporter, now, None, None)
    session.flush()  # assigns the ticket number

    resident = Mention(report.reporter.id, report.reporter.name)
    notices = [
        Notice(messages.acknowledgement(ticket), room_id=report.room_id, mentions=(resident,)),
        Notice(messages.new_ticket_notice(ticket), group=routing.group.name),
    ]
    if ticket.emergency:
        duty = tuple(Mention(p.name, p.name) for p in community.duty_staff())
        for above in community.chain(routing.group):
            if above.name != routing.group.name:
                notices.append(
                    Notice(messages.emergency_alert(ticket), group=above.name, mentions=duty)
                )
    return Outcome(ticket, notices)


def get_ticket(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id) if 0 < ticket_id <= MAX_TICKET_ID else None
    if ticket is None:
        raise NotFound(
            f"ticket {ticket_id} does not exist", f"未找到工单 #{ticket_id}，请核对编号。"
        )
    return ticket


def _require_staff_of(community: Community, ticket: Ticket, actor: Actor) -> None:
    group = community.group(ticket.assigned_group)
    if actor.person is None or group is None or not community.may_act_for(actor.person, group):
        raise NotPermitted(
            f"{actor.name} ({actor.id}) may not act on ticket {ticket.id} "
            f"assigned to {ticket.assigned_group}",
            f"抱歉，只有{ticket.assigned_group}及上级的工作人员可以处理工单 #{ticket.id}。",
        )


def resolve_ticket(
    session: Session,
    community: Community,
    ticket_id: int,
    actor: Actor,
    note: str,
    now: datetime,
) -> Outcome:
    ticket = get_ticket(session, ticket_id)
    _require_staff_of(community, ticket, actor)
    note = note.strip()
    if len(note) > 500:
        raise InvalidInput(
            f"resolution note for ticket {ticket_id} is {len(note)} characters (max 500)",
            "处理说明太长了，请控制在500字以内。",
        )
    if not states.can_move(ticket.state, states.RESOLVED):
        label = states.LABELS_ZH.get(ticket.state, ticket.state)
        raise IllegalTransition(
            f"ticket {ticket_id} is {ticket.state}; it cannot be resolved",
            f"工单 #{ticket_id} 当前状态为“{label}”，无需重复办结。",
        )
    ticket.resolved_at = now
    ticket.resolved_by = actor.name
    ticket.resolution_note = note or "已处理完毕"
    _record(ticket, "resolved", actor, now, ticket.resolution_note, states.RESOLVED)
    resident = Mention(ticket.reporter_id, ticket.reporter_name)
    return Outcome(
        ticket,
        [
            Notice(messages.resolved_in_group(ticket), group=ticket.assigned_group),
            Notice(
                messages.resolved_to_resident(ticket),
                room_id=ticket.source_room_id,
                mentions=(resident,),
            ),
        ],
    )
