"""Consultations (一事一议): open, vote, close with the result, decide; and the month's
most-raised problems. Every change is audited in the staff audit (service/staff/admin.record)
and every message a flow causes is returned as a Notice or queued by the caller's cause."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community, Group
from service.consultations import messages
from service.consultations.models import Consultation, ConsultationVote
from service.errors import InvalidInput, NotFound, NotPermitted
from service.members.registration import may_manage_members
from service.models import Ticket, TicketFollower
from service.outbox import Notice
from service.staff import admin
from service.understanding.model import CATEGORY_LABELS_ZH

MAX_TOPIC = 30
MAX_OPTION = 30
MAX_DECISION = 300
LONGEST = timedelta(days=60)  # a deadline further away is surely a typing mistake
RECENT = timedelta(days=7)  # a vote this long after a deadline hears that it closed
OPENED, CLOSED, DECIDED = "consultation_opened", "consultation_closed", "consultation_decided"


@dataclass(frozen=True)
class Proposal:
    topic: str
    options: tuple[str, ...]
    groups: tuple[Group, ...]
    deadline: datetime


def audit(session: Session, actor: str, c: Consultation, action: str, now: datetime) -> None:
    detail = c.topic if action != DECIDED else f"{c.topic}：{c.decision}"
    admin.record(session, actor, f"议事{messages.ref(c)}", action, now, detail)


def require_staff(
    community: Community, actor: Actor, groups: Sequence[Group | None] | None = None
) -> None:
    """Staff who may manage the groups concerned (any group when not said yet); residents are
    refused politely before anything they wrote is read."""
    if not is_staff(community, actor, groups):
        raise NotPermitted(
            f"{actor.name} ({actor.id}) may not run consultations", messages.STAFF_ONLY
        )


def is_staff(
    community: Community, actor: Actor, groups: Sequence[Group | None] | None = None
) -> bool:
    concerned = community.groups if groups is None else [_staff_group(community, g) for g in groups]
    return may_manage_members(community, actor, concerned)


def _staff_group(community: Community, group: Group | None) -> Group | None:
    """Who looks after a group: a building's resident group is its party group's (and the
    grid's and community's above it); a resident group of no building is the community's."""
    if group is None or group.kind != "resident":
        return group
    party = community.party_group(group.building) if group.building else None
    return party or community.community_group


def open_consultation(
    session: Session,
    community: Community,
    actor: Actor,
    p: Proposal,
    now: datetime,
    max_options: int,
) -> tuple[Consultation, list[Notice]]:
    """Store a new consultation and announce it in every addressed group."""
    require_staff(community, actor, p.groups)
    if not p.topic or len(p.topic) > MAX_TOPIC:
        raise InvalidInput(f"topic {p.topic!r}", f"议题请写{MAX_TOPIC}字以内。{messages.OPEN_HELP}")
    if not 2 <= len(p.options) <= max_options or any(len(o) > MAX_OPTION for o in p.options):
        raise InvalidInput(
            f"options {p.options!r}",
            f"请写2到{max_options}个选项（每个{MAX_OPTION}字以内），用/或、分开。{messages.OPEN_HELP}",
        )
    if len(set(p.options)) != len(p.options):
        raise InvalidInput(f"repeated options {p.options!r}", "选项有重复，请检查后再发。")
    if p.deadline <= now:
        raise InvalidInput(
            f"deadline {p.deadline} passed", "截止时间已经过了，请写一个以后的时间。"
        )
    if p.deadline - now > LONGEST:
        raise InvalidInput(f"deadline {p.deadline} too far", "截止时间请定在60天以内。")
    c = Consultation(
        topic=p.topic,
        options=list(p.options),
        groups=[g.name for g in p.groups],
        deadline=p.deadline,
        opened_by=actor.name,
        opened_at=now,
    )
    session.add(c)
    session.flush()
    audit(session, actor.name, c, OPENED, now)
    zone = community.zone
    return c, [Notice(messages.announcement(c, zone), group=g) for g in c.groups]


def get(session: Session, number: int, lock: bool = False) -> Consultation:
    found = session.get(Consultation, number, with_for_update=lock, populate_existing=lock)
    if found is None:
        raise NotFound(f"no consultation {number}", messages.not_found(number))
    return found


def open_in(session: Session, group: str, now: datetime) -> list[Consultation]:
    """Consultations still taking votes that address `group`, oldest first."""
    rows = session.scalars(
        select(Consultation).where(Consultation.deadline > now).order_by(Consultation.id)
    )
    return [c for c in rows if group in c.groups]


def _pick(
    session: Session, group: Group | None, number: int | None, option: int, now: datetime
) -> Consultation:
    if number is not None:
        return get(session, number)
    here = open_in(session, group.name, now) if group is not None else []
    if not here and group is not None:
        # A vote just after the deadline is told that it closed, not that nothing is open.
        last = recently_closed(session, group.name, now)
        if last is not None:
            return last
    if not here:
        raise NotFound("no open consultation here", messages.NOTHING_OPEN)
    if len(here) > 1:
        raise InvalidInput("several open consultations", messages.which_one(here, option))
    return here[0]


def recently_closed(session: Session, group: str, now: datetime) -> Consultation | None:
    """The consultation addressing `group` whose deadline passed less than RECENT ago."""
    ended = session.scalars(
        select(Consultation)
        .where(Consultation.deadline <= now)
        .order_by(Consultation.deadline.desc())
    )
    last = next((c for c in ended if group in c.groups), None)
    return last if last is not None and now - last.deadline < RECENT else None


def everyday_vote(
    session: Session,
    community: Community,
    actor: Actor,
    group: Group | None,
    number: int | None,
    said: int | str,
    now: datetime,
) -> str | None:
    """A vote in everyday words (`同意1`, `我同意集中清运`): an option number, or words of one
    option's text. Without `#Y` it is for the consultation open in the group (or the one
    that just closed, to be told so); None when there is none or the words name no option."""
    if number is not None:
        candidates = [get(session, number)]
    elif group is None:
        return None
    else:
        closed = recently_closed(session, group.name, now)
        candidates = open_in(session, group.name, now) or ([closed] if closed else [])
    if not candidates:
        return None
    if isinstance(said, int):
        if len(candidates) > 1:
            raise InvalidInput("several open consultations", messages.which_one(candidates, said))
        return vote(session, community, actor, group, candidates[0].id, said, now)
    named = [(c, i) for c in candidates for i, o in enumerate(c.options, 1) if said in o]
    if not named:
        return None
    if len(named) > 1:
        raise InvalidInput(f"{said!r} names several options", messages.which_option(named, said))
    c, option = named[0]
    return vote(session, community, actor, group, c.id, option, now)


def vote(
    session: Session,
    community: Community,
    actor: Actor,
    group: Group | None,
    number: int | None,
    option: int,
    now: datetime,
) -> str:
    """Record (or change) the sender's vote; the answer says which, and nothing of the counts."""
    c = _pick(session, group, number, option, now)
    if group is None or group.name not in c.groups:
        return messages.not_addressed(c)
    if now >= c.deadline:
        return messages.vote_closed(c, community.zone)
    if not 1 <= option <= len(c.options):
        return messages.no_such_option(c, option)
    mine = session.scalar(
        select(ConsultationVote)
        .where(ConsultationVote.consultation_id == c.id, ConsultationVote.voter_id == actor.id)
        .with_for_update()
    )
    if mine is None:
        session.add(
            ConsultationVote(
                consultation_id=c.id,
                voter_id=actor.id,
                voter_name=actor.name,
                group_name=group.name,
                option=option,
                voted_at=now,
            )
        )
        return messages.voted(c, option)
    if mine.option == option:
        return messages.vote_same(c, option)
    before = mine.option
    mine.option, mine.voted_at, mine.changes = option, now, mine.changes + 1
    return messages.vote_changed(c, before, option)


def my_vote(
    session: Session, community: Community, actor: Actor, group: Group | None, now: datetime
) -> str:
    """A resident asking how it stands: their own vote only, until the result is published."""
    here = open_in(session, group.name, now) if group is not None else []
    if not here:
        return messages.NOTHING_OPEN
    said = []
    for c in here:
        option = session.scalar(
            select(ConsultationVote.option).where(
                ConsultationVote.consultation_id == c.id, ConsultationVote.voter_id == actor.id
            )
        )
        said.append(messages.my_vote(c, option, community.zone))
    return " / ".join(said)


def counts(session: Session, c: Consultation) -> list[int]:
    """Votes per option, in option order."""
    got = dict(
        session.execute(
            select(ConsultationVote.option, func.count())
            .where(ConsultationVote.consultation_id == c.id)
            .group_by(ConsultationVote.option)
        ).all()
    )
    return [got.get(i, 0) for i in range(1, len(c.options) + 1)]


def close(session: Session, community: Community, number: int, now: datetime) -> list[Notice]:
    """At the deadline: the result for every addressed group, once."""
    c = get(session, number, lock=True)
    if c.closed_at is not None or now < c.deadline:
        return []
    c.closed_at = now
    audit(session, "系统", c, CLOSED, now)
    text = messages.result(c, counts(session, c), community.zone)
    return [Notice(text, group=g) for g in c.groups]


def decide(
    session: Session, community: Community, actor: Actor, number: int, text: str, now: datetime
) -> tuple[Consultation, bool, list[Notice]]:
    """Staff post the decision: stored (a second one replaces it), told to the groups."""
    c = get(session, number, lock=True)
    require_staff(community, actor, [g for n in c.groups if (g := community.group(n))])
    text = text.strip()
    if not text or len(text) > MAX_DECISION:
        raise InvalidInput(f"decision {len(text)} chars", messages.DECIDE_HELP)
    if c.closed_at is None:
        raise InvalidInput("consultation still open", messages.still_open(c, community.zone))
    changed = c.decision is not None
    c.decision, c.decided_by, c.decided_at = text, actor.name, now
    audit(session, actor.name, c, DECIDED, now)
    return c, changed, [Notice(messages.decision(c), group=g) for g in c.groups]


def decided_between(session: Session, start: datetime, end: datetime) -> list[Consultation]:
    """Consultations whose decision was posted in [start, end), for the weekly 回音壁 digest."""
    return list(
        session.scalars(
            select(Consultation)
            .where(Consultation.decided_at >= start, Consultation.decided_at < end)
            .order_by(Consultation.decided_at)
        )
    )


def opened_between(session: Session, start: datetime, end: datetime) -> list[Consultation]:
    return list(
        session.scalars(
            select(Consultation)
            .where(Consultation.opened_at >= start, Consultation.opened_at < end)
            .order_by(Consultation.id)
        )
    )


def turnout(session: Session) -> dict[int, int]:
    """Voters per consultation."""
    return dict(
        session.execute(
            select(ConsultationVote.consultation_id, func.count()).group_by(
                ConsultationVote.consultation_id
            )
        ).all()
    )


@dataclass(frozen=True)
class Problem:
    what: str  # 3号楼 楼道堆物
    building: str | None
    times: int  # tickets plus the residents who joined them
    tickets: tuple[int, ...]


def top_problems(session: Session, start: datetime, end: datetime, top: int) -> list[Problem]:
    """The problems raised most often in [start, end): tickets grouped by subcategory and
    building, each ticket counting once plus once for every resident who joined it (a
    duplicate report merged into it is a ticket of its own and counts too)."""
    tickets = list(
        session.execute(
            select(
                Ticket.id, Ticket.category, Ticket.subcategory, Ticket.building, Ticket.merged_into
            )
            .where(Ticket.created_at >= start, Ticket.created_at < end)
            .order_by(Ticket.id)
        ).all()
    )
    followers = dict(
        session.execute(
            select(TicketFollower.ticket_id, func.count())
            .where(TicketFollower.ticket_id.in_([t[0] for t in tickets]))
            .group_by(TicketFollower.ticket_id)
        ).all()
    )
    times: dict[tuple[str, str], int] = defaultdict(int)
    numbers: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, category, subcategory, building, merged_into in tickets:
        key = (
            f"{building}号楼" if building else "小区",
            subcategory or CATEGORY_LABELS_ZH.get(category, category),
        )
        times[key] += 1 + followers.get(number, 0)
        if merged_into is None:
            numbers[key].append(number)
    ranked = sorted(times, key=lambda k: (-times[k], min(numbers[k], default=0)))
    return [
        Problem(
            f"{p} {s}",
            p.removesuffix("号楼") if p != "小区" else None,
            times[(p, s)],
            tuple(numbers[(p, s)]),
        )
        for p, s in ranked[:top]
    ]
