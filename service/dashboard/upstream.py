"""The ticket operations and figures of issue 4, behind one thin seam.

Issue 4 (in main) adds claim_ticket, transfer_ticket, add_note, merge_ticket, mark_complex to
service/tickets/flows.py, compute_figures/Scope/Figures to service/tickets/stats.py and
due_times to service/tickets/deadlines.py, with the signatures used here. Until this branch
has them, these stand-ins keep the dashboard working; after the merge this module re-exports
the real ones and the stand-ins go. Nothing else in the dashboard imports flows directly
except open_ticket/resolve_ticket, which exist already.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community, Group
from service.dashboard.sqltime import epoch
from service.errors import IllegalTransition, InvalidInput, NotPermitted
from service.models import Ticket, TicketEvent
from service.outbox import Mention, Notice
from service.tickets import messages, states
from service.tickets.flows import Outcome, get_ticket

# -- deadlines (service/tickets/deadlines.py) --------------------------------------------------

UTILITY_WORDS = ("水", "电", "燃气", "煤气", "暖气", "供暖")


def due_times(ticket: Ticket) -> tuple[datetime, datetime]:
    """(claim_due, resolve_due) from the default 12345 limits."""
    return limits(
        ticket.created_at, ticket.emergency, ticket.subcategory, getattr(ticket, "complex", False)
    )


def limits(
    created: datetime, emergency: bool, subcategory: str | None, complex_: bool
) -> tuple[datetime, datetime]:
    if emergency:
        return created + timedelta(minutes=15), created + timedelta(hours=2)
    if complex_:
        return created + timedelta(days=1), created + timedelta(days=15)
    if any(word in (subcategory or "") for word in UTILITY_WORDS):
        return created + timedelta(days=1), created + timedelta(hours=24)
    return created + timedelta(days=1), created + timedelta(days=7)


# -- figures (service/tickets/stats.py) --------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    kind: Literal["community", "grid", "building"]
    number: int | None = None


@dataclass(frozen=True)
class Figures:
    received: int
    response_rate: float | None
    resolution_rate: float | None
    on_time_resolution_rate: float | None
    satisfaction_rate: float | None
    reopen_rate: float | None
    avg_claim_minutes: float | None
    avg_resolve_hours: float | None


def scope_groups(community: Community, scope: Scope) -> tuple[set[str], set[str]]:
    """(building numbers as text, group names) a scope covers; empty sets for the community."""
    if scope.kind == "building" and scope.number is not None:
        buildings = {scope.number}
    elif scope.kind == "grid":
        grid = next((g for g in community.grids if g.number == scope.number), None)
        buildings = set(grid.buildings) if grid else set()
    else:
        return set(), set()
    groups = {g.name for g in community.groups if g.building in buildings}
    if scope.kind == "grid":
        groups |= {g.group for g in community.grids if g.number == scope.number}
    return {str(b) for b in buildings}, groups


def claim_limit_seconds() -> ColumnElement[float]:
    return case((Ticket.emergency, 15 * 60), else_=24 * 3600)


def resolve_limit_seconds() -> ColumnElement[float]:
    utility = or_(*(Ticket.subcategory.contains(word) for word in UTILITY_WORDS))
    return case((Ticket.emergency, 2 * 3600), (utility, 24 * 3600), else_=7 * 24 * 3600)


def compute_figures(
    session: Session, community: Community, start: datetime, end: datetime, scope: Scope
) -> Figures:
    """One aggregate query: limits are compared in seconds inside the database."""
    first_claim = (
        select(func.min(epoch(TicketEvent.at)))
        .where(TicketEvent.ticket_id == Ticket.id, TicketEvent.kind == "claimed")
        .scalar_subquery()
    )
    created = epoch(Ticket.created_at)
    answered = func.coalesce(first_claim, epoch(Ticket.resolved_at))
    claim_wait = answered - created
    resolve_wait = epoch(Ticket.resolved_at) - created
    rows = select(
        Ticket.id.label("id"),
        claim_wait.label("claim_wait"),
        resolve_wait.label("resolve_wait"),
        claim_limit_seconds().label("claim_limit"),
        resolve_limit_seconds().label("resolve_limit"),
    ).where(Ticket.created_at >= start, Ticket.created_at < end)
    if scope.kind != "community":
        buildings, groups = scope_groups(community, scope)
        rows = rows.where(Ticket.building.in_(buildings) | Ticket.assigned_group.in_(groups))
    t = rows.subquery()
    totals = session.execute(
        select(
            func.count(t.c.id),
            func.count(case((t.c.claim_wait <= t.c.claim_limit, 1))),
            func.count(t.c.resolve_wait),
            func.count(case((t.c.resolve_wait <= t.c.resolve_limit, 1))),
            func.avg(t.c.claim_wait),
            func.avg(t.c.resolve_wait),
        )
    ).one()
    received, responded, resolved, on_time, claim_wait_avg, resolve_wait_avg = totals
    return Figures(
        received=received,
        response_rate=_ratio(responded, received),
        resolution_rate=_ratio(resolved, received),
        on_time_resolution_rate=_ratio(on_time, received),
        satisfaction_rate=None,  # ratings arrive with issue 4
        reopen_rate=None,
        avg_claim_minutes=None if claim_wait_avg is None else float(claim_wait_avg) / 60,
        avg_resolve_hours=None if resolve_wait_avg is None else float(resolve_wait_avg) / 3600,
    )


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# -- staff actions (service/tickets/flows.py) --------------------------------------------------


def _require_staff(community: Community, ticket: Ticket, actor: Actor) -> None:
    if actor.admin:
        return
    group = community.group(ticket.assigned_group)
    if actor.person is None or group is None or not community.may_act_for(actor.person, group):
        raise NotPermitted(
            f"{actor.name} ({actor.id}) may not act on ticket {ticket.id}",
            f"抱歉，只有{ticket.assigned_group}及上级的工作人员可以处理工单 #{ticket.id}。",
        )


def _move(ticket: Ticket, target: str, verb_zh: str) -> None:
    if not states.can_move(ticket.state, target):
        label = states.LABELS_ZH.get(ticket.state, ticket.state)
        raise IllegalTransition(
            f"ticket {ticket.id} is {ticket.state}; cannot move to {target}",
            f"工单 #{ticket.id} 当前状态为“{label}”，不能{verb_zh}。",
        )


def _event(
    ticket: Ticket,
    kind: str,
    actor: Actor,
    now: datetime,
    note: str | None,
    to_state: str | None = None,
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


def _to_resident(ticket: Ticket, text: str) -> Notice:
    return Notice(
        text,
        room_id=ticket.source_room_id,
        mentions=(Mention(ticket.reporter_id, ticket.reporter_name),),
    )


def claim_ticket(
    session: Session, community: Community, ticket_id: int, actor: Actor, now: datetime
) -> Outcome:
    ticket = get_ticket(session, ticket_id)
    _require_staff(community, ticket, actor)
    _move(ticket, states.CLAIMED, "接单")
    _event(ticket, "claimed", actor, now, None, states.CLAIMED)
    return Outcome(
        ticket,
        [
            Notice(f"工单 #{ticket.id} 已由{actor.name}接单。", group=ticket.assigned_group),
            _to_resident(
                ticket, f"您反映的问题（工单 #{ticket.id}）已由{actor.name}受理，正在处理。"
            ),
        ],
    )


def add_note(
    session: Session, community: Community, ticket_id: int, actor: Actor, note: str, now: datetime
) -> Outcome:
    ticket = get_ticket(session, ticket_id)
    _require_staff(community, ticket, actor)
    note = _clean_note(note, required=True)
    _event(ticket, "note", actor, now, note)
    return Outcome(ticket, [])


def mark_complex(
    session: Session, community: Community, ticket_id: int, actor: Actor, now: datetime
) -> Outcome:
    ticket = get_ticket(session, ticket_id)
    _require_staff(community, ticket, actor)
    if ticket.state not in states.ACTIVE:
        _move(ticket, states.CLAIMED, "标记为复杂")
    _event(ticket, "complex", actor, now, "标记为复杂工单，办理时限15天")
    return Outcome(
        ticket,
        [
            Notice(
                f"工单 #{ticket.id} 已标记为复杂工单（{actor.name}），办理时限15天。",
                group=ticket.assigned_group,
            )
        ],
    )


def resolve_target(community: Community, target: str) -> Group | None:
    """A group by name or alias: 物业, 2号楼, 第一网格, 社区."""
    target = target.strip()
    group = community.group(target)
    if group is not None:
        return group
    if target in {"物业", "物业公司", "物业服务中心"}:
        return next((g for g in community.groups if g.kind == "property"), None)
    if target in {"社区", "社区党委"}:
        return community.community_group
    match = re.fullmatch(r"(\d+)\s*(?:号楼|栋|幢)?", target)
    if match:
        return community.party_group(int(match.group(1)))
    grid = next((g for g in community.grids if target in {g.name, f"{g.number}网格"}), None)
    return community.group(grid.group) if grid else None


def transfer_ticket(
    session: Session,
    community: Community,
    ticket_id: int,
    actor: Actor,
    target: str,
    now: datetime,
) -> Outcome:
    ticket = get_ticket(session, ticket_id)
    _require_staff(community, ticket, actor)
    group = resolve_target(community, target)
    if group is None or not group.is_staff_group:
        raise InvalidInput(
            f"unknown transfer target {target!r}", f"没有找到“{target[:20]}”，请写群名或楼号。"
        )
    if ticket.state not in states.ACTIVE:
        _move(ticket, states.CLAIMED, "转办")
    if group.name == ticket.assigned_group:
        raise InvalidInput(
            f"ticket {ticket.id} is already with {group.name}",
            f"工单 #{ticket.id} 已在{group.name}，无需转办。",
        )
    before = ticket.assigned_group
    ticket.assigned_group = group.name
    _event(ticket, "transferred", actor, now, f"{before} → {group.name}")
    return Outcome(
        ticket,
        [
            Notice(messages.new_ticket_notice(ticket), group=group.name),
            Notice(f"工单 #{ticket.id} 已由{actor.name}转{group.name}办理。", group=before),
        ],
    )


def merge_ticket(
    session: Session,
    community: Community,
    ticket_id: int,
    into_id: int,
    actor: Actor,
    now: datetime,
) -> Outcome:
    ticket = get_ticket(session, ticket_id)
    target = get_ticket(session, into_id)
    _require_staff(community, ticket, actor)
    if target.id == ticket.id or target.state in states.FINAL:
        raise InvalidInput(
            f"cannot merge ticket {ticket.id} into {target.id} ({target.state})",
            f"不能把工单 #{ticket.id} 合并到 #{target.id}。",
        )
    _move(ticket, states.DUPLICATE, "合并")
    _event(ticket, "merged", actor, now, f"合并到 #{target.id}", states.DUPLICATE)
    return Outcome(
        ticket,
        [
            _to_resident(
                ticket,
                f"您反映的问题（工单 #{ticket.id}）与工单 #{target.id} 相同，"
                "已合并处理，处理结果会一并告知您。",
            )
        ],
    )


def _clean_note(note: str, required: bool) -> str:
    note = note.strip()
    if required and not note:
        raise InvalidInput("empty note", "请写上备注内容。")
    if len(note) > 500:
        raise InvalidInput(f"note of {len(note)} characters", "内容太长了，请控制在500字以内。")
    return note
