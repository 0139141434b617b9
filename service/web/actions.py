"""Staff actions on a ticket from the web: the same domain flows as chat, notices to the outbox
in the same transaction, under a cause that names where they came from."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session

from service.community import Community
from service.dashboard import upstream
from service.dashboard.search import is_visible
from service.errors import InvalidInput
from service.models import Ticket
from service.outbox import enqueue
from service.textclean import clean
from service.tickets import flows
from service.web.context import Staff

Action = Literal["claim", "resolve", "transfer", "merge", "complex", "note"]
log = logging.getLogger(__name__)
ACTIONS: tuple[Action, ...] = ("claim", "resolve", "transfer", "merge", "complex", "note")
DONE_ZH: dict[Action, str] = {
    "claim": "已接单",
    "resolve": "已办结",
    "transfer": "已转办",
    "merge": "已合并",
    "complex": "已标记为复杂工单",
    "note": "已添加备注",
}


@dataclass(frozen=True)
class ActionInput:
    note: str = ""
    target: str = ""
    into_id: int | None = None


def visible_ticket(session: Session, community: Community, staff: Staff, ticket_id: int) -> Ticket:
    """The ticket, or NotFound also when it belongs to another grid: the very error of a ticket
    that does not exist (API detail and page alike), so nothing hints that it exists."""
    ticket = flows.get_ticket(session, ticket_id)
    if not is_visible(community, staff.scope, ticket):
        log.info("ticket %s is outside grid %s of %s", ticket_id, staff.grid, staff.username)
        raise flows.no_such_ticket(ticket_id)
    return ticket


def perform(
    session: Session,
    community: Community,
    staff: Staff,
    ticket_id: int,
    action: Action,
    given: ActionInput,
    now: datetime,
) -> flows.Outcome:
    visible_ticket(session, community, staff, ticket_id)
    actor = staff.actor(community)
    given = ActionInput(clean(given.note), clean(given.target), given.into_id)
    with session.begin_nested():  # a refused action leaves nothing behind
        if action == "claim":
            outcome = upstream.claim_ticket(session, community, ticket_id, actor, now)
        elif action == "resolve":
            outcome = upstream.resolve_ticket(session, community, ticket_id, actor, given.note, now)
        elif action == "transfer":
            outcome = upstream.transfer_ticket(
                session, community, ticket_id, actor, given.target, now
            )
        elif action == "merge":
            if given.into_id is None:
                raise InvalidInput("merge needs a ticket number", "请填写要合并到的工单号。")
            visible_ticket(session, community, staff, given.into_id)
            outcome = upstream.merge_ticket(
                session, community, ticket_id, given.into_id, actor, now
            )
        elif action == "complex":
            outcome = upstream.mark_complex(session, community, ticket_id, actor, now)
        else:
            outcome = upstream.add_note(session, community, ticket_id, actor, given.note, now)
        cause = f"web:{action}:{ticket_id}:{uuid.uuid4().hex}"
        enqueue(session, cause, outcome.notices, now)
    return outcome


def notified_zh(outcome: flows.Outcome) -> str:
    groups = [n.group for n in outcome.notices if n.group]
    residents = sum(1 for n in outcome.notices if n.room_id)
    parts = [*dict.fromkeys(g for g in groups if g)]
    if residents:
        parts.append("反映问题的居民")
    return "，已通知" + "、".join(parts) if parts else ""
