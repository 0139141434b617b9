"""The 回音壁 in chat: `#12 点赞` (a resident thanks the staff of a resolved ticket; one like
per person and ticket, counted) and `#12 不公示 原因` (staff keep a ticket off the wall; the
reason is kept on the ticket's audit trail). Each returns the Chinese reply."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community
from service.errors import InvalidInput, NotPermitted
from service.models import Ticket
from service.tickets import flows
from service.wall.digest import SHOWN_STATES
from service.wall.models import WallHold, WallLike

MAX_REASON_CHARS = 200
HOLD_NEEDS_REASON = "请写上不公示的原因，例如：#{n} 不公示 涉及家庭隐私"
HOLD_STAFF_ONLY = (
    "抱歉，“不公示”由负责这张工单的工作人员设置。如果您不希望这件事上回音壁，"
    "请告诉本楼党小组，我们会妥善处理。"
)


def like(session: Session, ticket_id: int, actor: Actor, now: datetime) -> str:
    ticket = session.get(Ticket, ticket_id) if 0 < ticket_id <= flows.MAX_TICKET_ID else None
    if ticket is None:
        raise flows.no_such_ticket(ticket_id)
    if ticket.state not in SHOWN_STATES:
        raise InvalidInput(
            f"ticket {ticket_id} is {ticket.state}; only resolved tickets take likes",
            f"工单 #{ticket_id} 还在处理中，办结后再点赞吧，谢谢您的关心！",
        )
    if _liked(session, ticket_id, actor.id):
        return (
            f"您已经为工单 #{ticket_id} 点过赞了，谢谢您！（共 {likes(session, ticket_id)} 个赞）"
        )
    try:
        with session.begin_nested():
            session.add(WallLike(ticket_id=ticket_id, person_id=actor.id, at=now))
    except IntegrityError:  # the same person twice at once: counted once
        pass
    count = likes(session, ticket_id)
    return f"谢谢您的点赞！已转达给办理工单 #{ticket_id} 的工作人员（共 {count} 个赞）。"


def likes(session: Session, ticket_id: int) -> int:
    stmt = select(func.count()).select_from(WallLike).where(WallLike.ticket_id == ticket_id)
    return session.scalar(stmt) or 0


def _liked(session: Session, ticket_id: int, person_id: str) -> bool:
    stmt = select(WallLike.id).where(
        WallLike.ticket_id == ticket_id, WallLike.person_id == person_id
    )
    return session.scalar(stmt) is not None


def _held(session: Session, ticket_id: int) -> WallHold | None:
    return session.scalar(select(WallHold).where(WallHold.ticket_id == ticket_id))


def hold(
    session: Session,
    community: Community,
    ticket_id: int,
    actor: Actor,
    reason: str,
    now: datetime,
) -> str:
    """Keep a ticket off the wall, for those who may act on it; audited on the ticket."""
    ticket = flows.get_ticket(session, ticket_id)
    if actor.is_staff:
        flows.require_staff_of(community, ticket, actor)  # staff of another building
    elif not flows.may_act(community, ticket, actor):  # (an approved member may)
        raise NotPermitted(f"{actor.id} may not hold ticket {ticket_id}", HOLD_STAFF_ONLY)
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput(
            "a hold needs a reason", HOLD_NEEDS_REASON.replace("{n}", str(ticket_id))
        )
    if len(reason) > MAX_REASON_CHARS:
        raise InvalidInput(
            f"reason is {len(reason)} characters", f"原因太长了，请控制在{MAX_REASON_CHARS}字以内。"
        )
    existing = _held(session, ticket_id)
    if existing is not None:
        who = f"{existing.actor_name}：{existing.reason}"
        return f"工单 #{ticket_id} 已经设置为不公示（{who}），无需重复设置。"
    session.add(WallHold(ticket_id=ticket_id, reason=reason, actor_name=actor.name, at=now))
    flows.record(ticket, "held_out", actor, now, note=reason)
    return f"已设置：工单 #{ticket_id} 不在回音壁公示（原因：{reason}），已记入处理记录。"
