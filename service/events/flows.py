"""Event flows: plain functions over a session. Each changes state and returns what to say;
the caller writes the notices to the outbox in the same transaction. Refusals raise
DomainError and change nothing. Reminder jobs follow committed changes (service.events.jobs)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session

from service.actors import Actor
from service.community import Community, Group
from service.errors import IllegalTransition, InvalidInput, NotFound, NotPermitted
from service.events import messages
from service.events.config import Category, EventsConfig, EventTemplate
from service.events.leads import Lead, parse_lead
from service.events.models import (
    CANCELLED,
    LEAVE,
    SCHEDULED,
    SIGNED_UP,
    WAITING,
    WITHDRAWN,
    Event,
    EventAttendance,
    EventResponse,
)
from service.events.recurrence import occurrences
from service.members import points, registration
from service.members.models import MemberRegistration
from service.outbox import Mention, Notice, direct_room

log = logging.getLogger(__name__)

MAX_EVENT_ID = 2**31 - 1
# A reminder later than this after its due time is stale: skipped and logged, never sent.
REMINDER_GRACE = timedelta(hours=2)
# A reminder sent later than this after its due time says that it is late.
LATE_NOTE_AFTER = timedelta(minutes=5)
# A reminder falling due this soon after a one-off event was announced says nothing new (day 55:
# the 活动通知 and a near-identical 活动提醒 in the same minute): it is not sent.
REMINDER_AFTER_NOTICE = timedelta(minutes=30)
MANAGER_ROLES = frozenset({"admin", "secretary"})
LIST_WINDOW = timedelta(days=31)
LIST_LIMIT = 8

# How much of an organiser's reason (取消, 改期) is kept and told.
MAX_REASON_CHARS = 200


@dataclass(frozen=True)
class Outcome:
    """`reply` answers the person who wrote; `notices` go to everyone else concerned."""

    reply: str
    notices: list[Notice] = field(default_factory=list)
    event: Event | None = None


@dataclass(frozen=True)
class Answer:
    """Who answers an event, in which group and chat room, and when."""

    actor: Actor
    group: Group | None
    room_id: str
    now: datetime


@dataclass(frozen=True)
class NewEvent:
    title: str
    kind: str
    starts_at: datetime
    place: str
    audience_groups: tuple[str, ...]
    audience_members: tuple[str, ...]
    capacity: int | None = None
    duration_minutes: int | None = None


# The key of someone signed up by name on another's 接龙 list, until they answer themselves.
LISTED_PREFIX = "name:"
# The most people one sign-up may bring: "带全家" is read as a few, not as the whole list.
MAX_SEATS = 10


def zone_of(community: Community) -> ZoneInfo:
    return ZoneInfo(community.timezone)


def stamp(moment: datetime) -> str:
    """A compact UTC stamp of an occurrence's start, used in job arguments and outbox keys."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%MZ")


def member_key(actor: Actor) -> str:
    return actor.person.name if actor.person is not None else actor.id


# -- lookups ---------------------------------------------------------------------------------


def get_event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id) if 0 < event_id <= MAX_EVENT_ID else None
    if event is None:
        raise NotFound(f"event {event_id} does not exist", f"未找到活动 #E{event_id}，请核对编号。")
    return event


def registered_in_audience(community: Community, event: Event) -> dict[str, MemberRegistration]:
    """Approved members (报到) of the audience's party groups, by name."""
    session = object_session(event)
    if session is None:
        return {}
    groups = list(event.audience_groups)
    return {
        r.name: r
        for r in registration.approved(session)
        if (party := community.party_group(r.building)) is not None and party.name in groups
    }


def expected_members(community: Community, event: Event) -> list[str]:
    """Who should answer: configured members of the audience groups, approved members of its
    party groups, and listed members."""
    names: list[str] = []
    for group_name in event.audience_groups:
        group = community.group(group_name)
        if group is not None:
            names.extend([*([group.leader] if group.leader else []), *group.members])
    names.extend(registered_in_audience(community, event))
    names.extend(event.audience_members)
    return list(dict.fromkeys(names))


def in_audience(community: Community, event: Event, actor: Actor, group: Group | None) -> bool:
    if group is not None and group.name in event.audience_groups:
        return True
    if actor.person is None:
        registered = registered_in_audience(community, event).values()
        return any(r.contact_id == actor.id for r in registered)
    return actor.person.name in expected_members(community, event)


def response_of(event: Event, key: str) -> EventResponse | None:
    return next((r for r in event.responses if r.member_key == key), None)


def _may_manage(community: Community, event: Event, actor: Actor) -> bool:
    """Who may cancel, move or take attendance of an event (which moves members' points): its
    organiser, managers, and who may manage the members of an audience group
    (registration.may_manage_members, the rule of 设岗 and 积分调整: an approved member signs
    up as a member of their party group, but manages nobody's points)."""
    person = actor.person
    if person is not None and (
        person.name == event.organiser or MANAGER_ROLES.intersection(person.roles)
    ):
        return True
    groups = [community.group(name) for name in event.audience_groups]
    return registration.may_manage_members(community, actor, groups)


def _require_manager(community: Community, event: Event, actor: Actor, what: str) -> None:
    if not _may_manage(community, event, actor):
        raise NotPermitted(
            f"{actor.name} ({actor.id}) may not {what} event {event.id}",
            f"抱歉，活动 {event.ref}（{event.title}）只有组织人或相关工作人员可以操作。"
            "如果编号写错了，请回复“活动”查看近期活动。",
        )


def _require_open(event: Event, now: datetime, what_zh: str) -> None:
    if event.state == CANCELLED:
        raise IllegalTransition(f"event {event.id} is cancelled", f"活动 {event.ref} 已取消。")
    if now >= event.starts_at:
        raise IllegalTransition(
            f"event {event.id} has started; too late to {what_zh}",
            f"活动 {event.ref} 已经开始，不能再{what_zh}了。",
        )


# -- recurring events ------------------------------------------------------------------------


def materialise(
    session: Session, config: EventsConfig, zone: ZoneInfo, now: datetime, until: datetime
) -> list[Event]:
    """Create the occurrences of every recurring event starting in (now, until]; idempotent."""
    planned: list[tuple[EventTemplate, datetime, str, datetime | None, str | None]] = []
    for template in config.series:
        existing = set(
            session.scalars(select(Event.occurrence_key).where(Event.series_key == template.key))
        )
        for occ in occurrences(template, zone, now, until):
            if occ.key not in existing:
                planned.append((template, occ.starts_at, occ.key, occ.moved_from, occ.holiday))
    created: list[Event] = []
    for template, starts_at, key, moved_from, holiday in sorted(planned, key=lambda p: p[1]):
        event = Event(
            series_key=template.key,
            occurrence_key=key,
            title=template.title,
            kind=template.kind,
            category=template.category,
            state=SCHEDULED,
            starts_at=starts_at,
            duration_minutes=template.duration,
            place=template.place,
            audience_groups=list(template.audience_groups),
            audience_members=list(template.audience_members),
            organiser=template.organiser,
            capacity=template.capacity,
            reminders=[lead.spec for lead in template.reminders],
            summary_lead=template.summary.spec if template.summary else None,
            moved_from=moved_from,
            holiday=holiday,
            told=[],
            created_by="config",
            created_at=now,
            updated_at=now,
        )
        # Two processes starting at once may plan the same occurrence: the second insert
        # meets the unique (series_key, occurrence_key) and is skipped, not a crash.
        try:
            with session.begin_nested():
                session.add(event)
                session.flush()
        except IntegrityError:
            log.info("occurrence %s of %s was planned by another process", key, template.key)
            continue
        created.append(event)
    return created


# -- staff: create, cancel, reschedule -------------------------------------------------------


def _category_of(community: Community, new: NewEvent) -> Category:
    """An event with places, or for residents' chats (a 中秋晚会 for the owners' group), is one
    people sign up for; one for party groups with no places is a meeting its members attend or
    take leave from (day 45 R40: the 晚会 was a meeting no resident could ask after)."""
    if new.capacity is not None:
        return "volunteer"
    groups = [community.group(name) for name in new.audience_groups]
    if any(g is not None and not g.is_staff_group for g in groups):
        return "volunteer"
    return "meeting"


def create_event(
    session: Session,
    community: Community,
    config: EventsConfig,
    new: NewEvent,
    actor: Actor,
    source: Group | None,
    room_id: str,
    now: datetime,
) -> Outcome:
    """Create a one-off event; the audience groups (other than the one it was posted in) get
    the announcement at once."""
    if actor.person is None:
        raise NotPermitted(
            f"{actor.name} ({actor.id}) is not staff and may not create events",
            "抱歉，只有社区工作人员可以发布活动通知。",
        )
    if new.starts_at <= now:
        raise InvalidInput(
            f"event start {new.starts_at.isoformat()} is not in the future",
            "活动时间已经过去了，请检查日期和时间。",
        )
    zone = zone_of(community)
    leads = list(config.default_reminders)
    event = Event(
        series_key=None,
        occurrence_key=None,
        title=new.title,
        kind=new.kind,
        category=_category_of(community, new),
        state=SCHEDULED,
        starts_at=new.starts_at,
        duration_minutes=new.duration_minutes or config.defaults.duration,
        place=new.place,
        audience_groups=list(new.audience_groups),
        audience_members=list(new.audience_members),
        organiser=actor.person.name,
        capacity=new.capacity,
        reminders=[lead.spec for lead in leads],
        summary_lead=config.default_summary.spec if config.default_summary else None,
        told=[],
        created_by=actor.name,
        created_at=now,
        updated_at=now,
    )
    session.add(event)
    session.flush()
    here = f"group:{source.name}" if source is not None else room_id
    targets = [t for t in _audience_targets(event) if t != here]
    event.told = [here, *targets]
    notices = [_notice(t, messages.announcement(event, zone)) for t in targets]
    _plan_jobs(session, event)
    upcoming = [lead for lead in leads if lead.due(event.starts_at.astimezone(zone)) > now]
    return Outcome(messages.created(event, zone, upcoming), notices, event)


def _managed(
    session: Session, community: Community, event_id: int, actor: Actor, what: str, refusal: str
) -> Event:
    """An event the actor may manage and that is not cancelled (else `refusal`, with {ref})."""
    event = get_event(session, event_id)
    _require_manager(community, event, actor, what)
    if event.state == CANCELLED:
        raise IllegalTransition(f"event {event_id} is cancelled", refusal.format(ref=event.ref))
    return event


def _tell_everyone_told(session: Session, event: Event, text: str) -> tuple[list[Notice], str]:
    """Tell every group and person told about the event before; re-plan its jobs."""
    _plan_jobs(session, event)
    told = [t.removeprefix("group:") for t in event.told if t.startswith("group:")]
    return [_notice(t, text) for t in event.told], messages.told_label(told)


def cancel_event(
    session: Session,
    community: Community,
    event_id: int,
    actor: Actor,
    reason: str,
    now: datetime,
) -> Outcome:
    event = _managed(session, community, event_id, actor, "cancel", "活动 {ref} 已经取消过了。")
    event.state = CANCELLED
    event.cancel_reason = reason.strip()[:MAX_REASON_CHARS] or None
    event.updated_at = now
    text = messages.cancelled(event, zone_of(community))
    notices, told = _tell_everyone_told(session, event, text)
    return Outcome(f"已取消活动 {event.ref}（{event.title}）{told}。", notices, event)


def reschedule_event(
    session: Session,
    community: Community,
    event_id: int,
    new_start: datetime,
    actor: Actor,
    now: datetime,
    reason: str = "",
) -> Outcome:
    """Moves an event to `new_start`; everyone told hears the new time (and `reason`, when the
    organiser gave one: "改期 #E2 4月17日8:30 周六有大风预警")."""
    refusal = "活动 {ref} 已取消，不能改期。"
    event = _managed(session, community, event_id, actor, "reschedule", refusal)
    if new_start <= now:
        raise InvalidInput(
            f"new start {new_start.isoformat()} is not in the future",
            "新的时间已经过去了，请检查日期和时间。",
        )
    if new_start == event.starts_at:
        raise InvalidInput(
            f"event {event_id} already starts then", f"活动 {event.ref} 本来就是这个时间。"
        )
    previous = event.starts_at
    event.starts_at = new_start
    event.moved_from = None
    event.holiday = None
    event.updated_at = now
    zone = zone_of(community)
    notices, told = _tell_everyone_told(
        session, event, messages.rescheduled(event, previous, zone, reason[:MAX_REASON_CHARS])
    )
    when = messages.when(new_start, zone)
    return Outcome(f"已将 {event.ref}（{event.title}）改到{when}{told}。", notices, event)


# -- members: sign up, leave, withdraw --------------------------------------------------------


def _answerable(
    session: Session, community: Community, event_id: int, who: Answer, what_zh: str
) -> tuple[Event, EventResponse | None]:
    """An open event the answerer is in the audience of, and their earlier answer if any."""
    event = get_event(session, event_id)
    _require_open(event, who.now, what_zh)
    if not in_audience(community, event, who.actor, who.group):
        raise NotPermitted(
            f"{who.actor.name} ({who.actor.id}) is not in the audience of event {event_id}",
            f"抱歉，{event.title} {event.ref} 面向{messages.audience_label(event)}，"
            "您不在通知范围内。",
        )
    return event, own_response(session, event, who.actor)


# A line of a 接龙 list names a person as they write themselves: "张阿姨 3-502", "3-502张阿姨",
# "张阿姨+1", "张阿姨（2人）". What is not part of the name falls away before names are compared.
_NOT_NAME = re.compile(r"[（(\[【].*?[）)\]】]|[\d\s+\-－—_/#.,，、:：]+")


def bare_name(name: str) -> str:
    return _NOT_NAME.sub("", name)


# What may stand between a name and its kin: "孙阿姨家小孙女", "小张妈妈的女儿".
_KIN_LINKS = "的家里小大"


def same_person(listed: str, names: set[str], kin: tuple[str, ...] = ()) -> bool:
    """A name on a 接龙 list is one of `names` (the chat name, the 报到 name, the configured
    name): the same once room numbers and marks are gone, or one inside the other (两个字 at
    least: "幸福里张阿姨" is 张阿姨, "张" is nobody), unless the longer one goes on with a `kin`
    word ("李大爷老伴" is not 李大爷)."""
    mine = bare_name(listed)
    for name in filter(None, map(bare_name, names)):
        shorter, longer = sorted((mine, name), key=len)
        if shorter == longer:
            return True
        if len(shorter) >= 2 and shorter in longer:
            rest = longer[longer.index(shorter) + len(shorter) :]
            # "小张妈妈的女儿", "孙阿姨家小孙女" (day 51 R109) are not 小张妈妈, 孙阿姨
            kin_of = rest.lstrip(_KIN_LINKS).startswith(kin) if kin else False
            if not (rest and kin_of):
                return True
    return False


def names_of(session: Session, actor: Actor) -> set[str]:
    """Every name the sender goes by: chat name, configured name, 报到 name."""
    names = {actor.name}
    if actor.person is not None:
        names.add(actor.person.name)
    else:
        approved = registration.approved_of(session, actor.id)
        if approved is not None:
            names.add(approved.name)
    return names


def own_response(session: Session, event: Event, actor: Actor) -> EventResponse | None:
    """The sender's answer to the event: theirs by key, else the one line of a 接龙 list someone
    else pasted that names them, which becomes theirs (a person is one sign-up, whichever way
    they signed up)."""
    key = member_key(actor)
    found = response_of(event, key)
    if found is not None and found.status in (SIGNED_UP, WAITING):
        return found
    if actor.id.startswith(LISTED_PREFIX):
        return found  # a line of a list is no one else's line ("3.小美妈妈" is not "2.小美")
    names = names_of(session, actor)
    listed = [
        r
        for r in event.responses
        if r.member_key.startswith(LISTED_PREFIX)
        and r.status in (SIGNED_UP, WAITING)
        and same_person(r.member_name, names)
    ]
    if len(listed) != 1:
        return found
    if found is not None:  # an earlier answer of theirs (withdrawn, leave): the list is newer
        event.responses.remove(found)
        session.flush()
    listed[0].member_key = key
    return listed[0]


def own_sign_ups(
    session: Session, community: Community, actor: Actor, group: Group | None, now: datetime
) -> list[Event]:
    """The open events the sender is signed up for or waiting for, soonest first."""
    return [
        event
        for event in open_events(session, now)
        if in_audience(community, event, actor, group)
        and (mine := own_response(session, event, actor)) is not None
        and mine.status in (SIGNED_UP, WAITING)
    ]


def sign_up(
    session: Session,
    community: Community,
    event_id: int,
    who: Answer,
    seats: int = 1,
    one_more: bool = False,
) -> Outcome:
    """Sign up, bringing `seats` people in all (1, or more with companions: "报名 带我孙子").
    A party that does not fit in the places left waits as a whole. `one_more`: from someone
    signed up already, one more of their party ("游园我孙子又吵着要去了 还能加上他吗")."""
    event, response = _answerable(session, community, event_id, who, "报名")
    actor, room_id, now = who.actor, who.room_id, who.now
    zone = zone_of(community)
    seats = max(1, min(seats, MAX_SEATS))
    if response is not None and response.status == SIGNED_UP and one_more:
        return _one_more(session, event, response, now)
    if response is not None and response.status == SIGNED_UP:
        raise InvalidInput(
            f"{actor.name} already signed up for {event_id}",
            f"您已报名 {event.title} {event.ref}，无需重复报名。",
        )
    if response is not None and response.status == WAITING:
        position = _waiting_position(event, response)
        raise InvalidInput(
            f"{actor.name} is already waiting for {event_id}",
            f"您已在 {event.ref} 的候补名单中（第{position}位），有名额时会通知您。",
        )
    left = None if event.capacity is None else event.capacity - messages.places_taken(event)
    full = left is not None and seats > left
    status = WAITING if full else SIGNED_UP
    response = _set_response(
        session, event, response, actor, status, None, room_id, now, requeue=True
    )
    response.seats = seats
    when = messages.when(event.starts_at, zone)
    party = f"（共{seats}人）" if seats > 1 else ""
    if full:
        position = _waiting_position(event, response)
        short = f"{event.ref} 名额已满，"
        if left and seats > 1:
            short = f"{event.ref} 名额只剩{left}个，您一行{seats}人，"
        return Outcome(
            f"{short}已为您登记候补{party}（第{position}位），有人取消时会通知您。",
            [],
            event,
        )
    places = messages.places_line(event)
    suffix = f"{places.removeprefix('名额：')}。" if places else ""
    if event.capacity is not None and messages.places_taken(event) >= event.capacity:
        last = "最后一个名额" if seats == 1 else "最后的名额"
        suffix = f"您报上了{last}（共{event.capacity}人）。"
    return Outcome(f"已为您报名{party}：{event.title} {event.ref}，{when}。{suffix}", [], event)


def take_leave(
    session: Session, community: Community, event_id: int, who: Answer, reason: str
) -> Outcome:
    event, response = _answerable(session, community, event_id, who, "请假")
    actor, room_id, now = who.actor, who.room_id, who.now
    if response is not None and response.status == LEAVE:
        raise InvalidInput(
            f"{actor.name} already on leave for {event_id}", f"您已为 {event.ref} 请过假了。"
        )
    reason = " ".join(reason.split())[:200]
    was_signed = response is not None and response.status == SIGNED_UP
    _set_response(
        session, event, response, actor, LEAVE, reason or None, room_id, now, requeue=False
    )
    notices = _promote(event, community) if was_signed else []
    because = f"（{reason}）" if reason else ""
    return Outcome(f"已为您请假：{event.title} {event.ref}{because}。", notices, event)


def _one_more(session: Session, event: Event, response: EventResponse, now: datetime) -> Outcome:
    """One more person in a sign-up, when a place is left."""
    seats = response.seats or 1
    if seats >= MAX_SEATS or (
        event.capacity is not None and messages.places_taken(event) >= event.capacity
    ):
        return Outcome(
            f"抱歉，{event.title} {event.ref} 名额已满，您的报名仍为{seats}人。", [], event
        )
    response.seats, response.updated_at = seats + 1, now
    session.flush()
    places = messages.places_line(event)
    suffix = f"{places}。" if places else ""
    return Outcome(
        f"好的，已为您加上1人，共{seats + 1}人：{event.title} {event.ref}。{suffix}", [], event
    )


def withdraw(session: Session, community: Community, event_id: int, who: Answer) -> Outcome:
    event, response = _answerable(session, community, event_id, who, "取消报名")
    actor, room_id, now = who.actor, who.room_id, who.now
    if response is None or response.status not in (SIGNED_UP, WAITING):
        raise InvalidInput(
            f"{actor.name} has not signed up for {event_id}", f"您没有报名 {event.ref}，无需取消。"
        )
    was_signed = response.status == SIGNED_UP
    _set_response(session, event, response, actor, WITHDRAWN, None, room_id, now, requeue=False)
    notices = _promote(event, community) if was_signed else []
    return Outcome(f"已取消您的报名：{event.title} {event.ref}。", notices, event)


def release_companions(
    session: Session, community: Community, event_id: int, who: Answer, only_me: bool
) -> Outcome:
    """Someone the sender brought along does not go ("老伴说她不去了 就我一个"): one place of
    the sign-up is freed (all but the sender's when `only_me`); the sender stays signed up."""
    event, response = _answerable(session, community, event_id, who, "取消报名")
    if response is None or response.status not in (SIGNED_UP, WAITING):
        raise InvalidInput(
            f"{who.actor.name} has not signed up for {event_id}",
            f"您没有报名 {event.ref}，无需取消。",
        )
    seats = response.seats or 1
    left = 1 if only_me else max(1, seats - 1)
    if left >= seats:
        return Outcome(
            f"您报名的是{seats}人，{event.title} {event.ref} 仍为您保留。"
            f"如您本人也不去，请回复“取消报名 {event.ref}”。",
            [],
            event,
        )
    response.seats, response.updated_at = left, who.now
    session.flush()
    notices = _promote(event, community) if response.status == SIGNED_UP else []
    places = messages.places_line(event)
    suffix = f"{places}。" if places else ""
    return Outcome(
        f"好的，已改为{left}人：{event.title} {event.ref}，您的报名保留。{suffix}", notices, event
    )


def _set_response(
    session: Session,
    event: Event,
    response: EventResponse | None,
    actor: Actor,
    status: str,
    reason: str | None,
    room_id: str,
    now: datetime,
    requeue: bool,
) -> EventResponse:
    approved = registration.approved_of(session, actor.id) if actor.person is None else None
    name = approved.name if approved is not None else actor.name  # 报到 name, not the WeChat one
    if response is None:
        response = EventResponse(
            member_key=member_key(actor),
            member_name=name,
            status=status,
            reason=reason,
            room_id=room_id,
            queued_at=now,
            updated_at=now,
        )
        event.responses.append(response)
    else:
        response.status, response.reason, response.room_id = status, reason, room_id
        response.member_name = name
        response.updated_at = now
        if requeue:
            response.queued_at = now
    session.flush()  # ids order the answers given at the same moment
    return response


def _waiting_position(event: Event, response: EventResponse) -> int:
    return [r.id for r in messages.by_status(event, WAITING)].index(response.id) + 1


def _promote(event: Event, community: Community) -> list[Notice]:
    """Give a freed place to the first on the waiting list and tell them where they asked."""
    if event.capacity is None:
        return []
    notices = []
    for first in messages.by_status(event, WAITING):
        if (first.seats or 1) > event.capacity - messages.places_taken(event):
            break  # first come, first served: a party that does not fit keeps its turn
        first.status = SIGNED_UP
        text = messages.promoted(event, zone_of(community))
        mentions = (
            ()
            if first.room_id.startswith("dm:")
            else (Mention(first.member_key, first.member_name),)
        )
        notices.append(Notice(text, room_id=first.room_id, mentions=mentions))
    return notices


# -- attendance and listings -------------------------------------------------------------------


def record_attendance(
    session: Session,
    community: Community,
    event_id: int,
    actor: Actor,
    names: list[str] | None,
    now: datetime,
) -> Outcome:
    """`names=None` records everyone who signed up."""
    event = get_event(session, event_id)
    _require_manager(community, event, actor, "record attendance for")
    if event.state == CANCELLED:
        raise IllegalTransition(
            f"event {event_id} is cancelled", f"活动 {event.ref} 已取消，无需签到。"
        )
    if now < event.starts_at - timedelta(minutes=30):
        raise IllegalTransition(
            f"event {event_id} has not started", f"活动 {event.ref} 还没开始，开始后再签到。"
        )
    signed = [r.member_name for r in messages.by_status(event, SIGNED_UP)]
    if names is None:
        if not signed:
            raise InvalidInput(
                f"event {event_id} has no sign-ups",
                f"{event.ref} 还没有人报名，请写出参加人的姓名。",
            )
        names = signed
    known = {p.name for p in community.people} | {r.member_name for r in event.responses}
    known |= registration.approved_names(session)
    unknown = [n for n in names if n not in known]
    if unknown and len(unknown) == len(names):
        raise InvalidInput(
            f"unknown attendees for event {event_id}: {unknown}",
            f"没有找到：{'、'.join(unknown)}。"
            f"请写报名或通知名单上的姓名，或“签到 {event.ref} 全部”。",
        )
    # The names it knows are recorded, those it does not are told back: one name off the list
    # ("签到 #E33 张阿姨 李大爷 … 孙大妈", day 40 S41) never loses the other five.
    present = {a.member_name for a in event.attendance}
    for name in dict.fromkeys(n for n in names if n not in unknown):
        if name not in present:
            event.attendance.append(
                EventAttendance(member_name=name, recorded_by=actor.name, recorded_at=now)
            )
    points.on_attendance(session, community, event, now)
    all_names = "、".join(a.member_name for a in event.attendance)
    text = f"已记录 {event.title} {event.ref} 出勤{len(event.attendance)}人：{all_names}。"
    if unknown:
        text += (
            f"没有找到：{'、'.join(unknown)}，未记录。请核对姓名（报名或通知名单上的姓名）"
            f"后再回复“签到 {event.ref} 姓名”。"
        )
    return Outcome(text, [], event)


def upcoming_for(
    session: Session, community: Community, actor: Actor, group: Group | None, now: datetime
) -> list[tuple[Event, str]]:
    """The sender's upcoming events with their own status (已报名, 候补, 已请假, 未回复)."""
    stmt = (
        select(Event)
        .where(
            Event.state == SCHEDULED, Event.starts_at > now, Event.starts_at <= now + LIST_WINDOW
        )
        .order_by(Event.starts_at, Event.id)
    )
    labels = {SIGNED_UP: "已报名", WAITING: "候补", LEAVE: "已请假", WITHDRAWN: "已取消报名"}
    found: list[tuple[Event, str]] = []
    for event in session.scalars(stmt):
        if not in_audience(community, event, actor, group):
            continue
        response = own_response(session, event, actor)  # also a line of another's 接龙
        found.append((event, labels[response.status] if response else "未回复"))
        if len(found) >= LIST_LIMIT:
            break
    return found


def open_events(session: Session, now: datetime) -> list[Event]:
    """Events not yet started within the listing window, soonest first."""
    stmt = (
        select(Event)
        .where(
            Event.state == SCHEDULED, Event.starts_at > now, Event.starts_at <= now + LIST_WINDOW
        )
        .order_by(Event.starts_at, Event.id)
    )
    return list(session.scalars(stmt))


def names_another_title(session: Session, events: list[Event], text: str) -> bool:
    """`text` names by its title an event of the community (open or not, any audience) that is
    none of `events`: "周六晚上的平安巡逻" is no Saturday vaccine day."""
    own = {e.title for e in events}
    titles = session.scalars(select(Event.title).distinct())
    return any(t not in own and _shares_a_word(t, text) for t in titles)


def open_events_for_group(
    session: Session, community: Community, group: Group, now: datetime
) -> list[Event]:
    """Events not yet started within the listing window whose audience includes this group:
    the candidates when someone there says "我也报名" without a number."""
    return [e for e in open_events(session, now) if group.name in e.audience_groups]


_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_WEEKDAYS = "一二三四五六日"
# A day of the month (14号, 6月14日), not a building, a gate or a room (14号楼, 3号门).
_MONTH_DAY = re.compile(r"(?<![\d#号])(?:(\d{1,2})月)?(\d{1,2})(?:号|日)(?![楼院门线床房室栋])")


def named_in(events: list[Event], text: str, zone: ZoneInfo) -> list[Event]:
    """The events a sign-up names among several: by a word of the title (理发那个活动算我一个),
    by the weekday (周六义诊我报名) and by the day of the month (14号集市算我一个). All of them
    when it names none; none when the day it names fits none of them."""
    chosen = events
    # The title it names most: "端午包粽子接龙" names 端午包粽子 by four pairs, the 端午 visit
    # to the old people's home by one (day 28 R57).
    shared = {e.id: _pairs_named(e.title, text) for e in chosen}
    most = max(shared.values(), default=0)
    if most:
        chosen = [e for e in chosen if shared[e.id] == most]
    day = _WEEKDAY.search(text)
    if day is not None:
        weekday = _WEEKDAYS.index("日" if day[1] == "天" else day[1])
        chosen = [e for e in chosen if e.starts_at.astimezone(zone).weekday() == weekday]
    date = _MONTH_DAY.search(text)
    if date is not None:
        # "14号的便民服务集市我报个名": the market on the 14th, not the 28th (day 49 R080)
        month, mday = (int(date[1]) if date[1] else None), int(date[2])
        chosen = [
            e
            for e in chosen
            if (at := e.starts_at.astimezone(zone)).day == mday and month in (None, at.month)
        ]
    return chosen


def named_only(events: list[Event], text: str, zone: ZoneInfo) -> list[Event]:
    """The events `text` names by a title word or a weekday; none when it names neither (a day
    of the month alone names no event: "14号停水吗" is no question about the market)."""
    if _WEEKDAY.search(text) is None and not any(_shares_a_word(e.title, text) for e in events):
        return []
    return named_in(events, text, zone)


def _shares_a_word(title: str, text: str) -> bool:
    """Two characters in a row of the title in the text (义务理发 / 理发那个)."""
    return _pairs_named(title, text) > 0


def _pairs_named(title: str, text: str) -> int:
    """How many pairs of characters in a row of the title are in the text."""
    return len({title[i : i + 2] for i in range(len(title) - 1) if title[i : i + 2] in text})


names_title = _shares_a_word  # used by the chat handler for `报名 平安巡逻`


def sign_up_many(
    session: Session, community: Community, event_id: int, who: Answer, names: list[str]
) -> Outcome:
    """A 接龙 list: everyone on it is signed up (the sender as themself, others by name), a line
    naming companions after "+" with their seats ("3.小雨妈妈+小雨": two; day 37 R15); those
    already on the list are named, not refused."""
    event = get_event(session, event_id)
    _require_open(event, who.now, "报名")
    added: list[str] = []
    already: list[str] = []
    waiting: list[str] = []
    mine = names_of(session, who.actor)
    # "3.李大爷一家三口": the party a line says (sign_up_party), or who it names after "+"
    party = community.words.sign_up_party
    seats_of = {line: max(len(messages.chain_party(line)), party.size(line)) for line in names}
    sender = _sender_line(event, [messages.chain_party(line)[0] for line in names], mine)
    for index, name in enumerate(names):
        me = index == sender
        actor = who.actor if me else Actor(f"{LISTED_PREFIX}{name}", name)
        listed = [r for r in event.responses if r.status in (SIGNED_UP, WAITING)]
        if (me and own_response(session, event, who.actor) in listed) or any(
            same_person(name, {r.member_name}, community.words.chain_kin)
            or r.member_key == member_key(actor)
            or (r.seats > 1 and same_person(name, {r.member_name}))
            # "2. 老周夫妇" after 老周 signed up for two (day 53 R26)
            or (r.seats > 1 and same_person(party.without_whole(name), {r.member_name}))
            for r in listed
        ):
            # "1.马叔 老伴" after 马叔 signed up for two ("我和老伴都去"): the companion is one of
            # his seats, no one new (day 25 S65).
            already.append(name)
            continue
        try:
            outcome = sign_up(
                session,
                community,
                event_id,
                Answer(actor, who.group, who.room_id, who.now),
                seats_of[name],
            )
        except InvalidInput:
            # a line read as someone on the list already ("3.小美妈妈" under "2.小美"): named as
            # such, never the whole list refused
            already.append(name)
            continue
        (waiting if "候补" in outcome.reply else added).append(name)
    return Outcome(messages.chain_signed(event, added, already, waiting, seats_of), [], event)


def _sender_line(event: Event, names: list[str], mine: set[str]) -> int | None:
    """Which line of a 接龙 list is the sender's own: the one naming them (chat, configured or
    报到 name); else, when the list is one pasted back with a line added at its end (every
    other line already signed up), that last line, written as they call themselves in the group
    ("小尤" from 尤女士)."""
    named = [i for i, name in enumerate(names) if same_person(name, mine)]
    if named:
        return named[0]
    listed = [r.member_name for r in event.responses if r.status in (SIGNED_UP, WAITING)]
    before = names[:-1]
    if before and all(any(same_person(n, {m}) for m in listed) for n in before):
        return len(names) - 1
    return None


# -- what the scheduled jobs say ---------------------------------------------------------------


def _live(session: Session, event_id: int, start: str, what: str) -> Event | None:
    event = session.get(Event, event_id)
    if event is None or event.state != SCHEDULED or stamp(event.starts_at) != start:
        log.info("skipping %s for event %s at %s: cancelled, moved or gone", what, event_id, start)
        return None
    return event


# A reminder moved out of the quiet hours still comes at least this long before the start.
QUIET_MARGIN = timedelta(minutes=15)


def after_quiet_hours(community: Community, planned: datetime, starts_at: datetime) -> datetime:
    """When a reminder planned for `planned` is sent: at the end of the quiet hours if it falls
    in them (config/tickets.yaml), but never later than shortly before the start."""
    quiet = community.policy.quiet_hours
    zone = zone_of(community)
    if not quiet.contains(planned, zone):
        return planned
    return max(planned, min(quiet.ends_after(planned, zone), starts_at - QUIET_MARGIN))


def reminder(
    session: Session, community: Community, event_id: int, lead: Lead, start: str, now: datetime
) -> list[Notice]:
    """The reminder of one lead time, to every audience group (listed members privately)."""
    event = _live(session, event_id, start, f"reminder {lead.spec}")
    if event is None:
        return []
    zone = zone_of(community)
    due = after_quiet_hours(community, lead.due(event.starts_at.astimezone(zone)), event.starts_at)
    late = now - due
    if event.series_key is None and due - event.created_at < REMINDER_AFTER_NOTICE:
        log.info(
            "reminder %s of event %s: announced at %s, not repeated",
            lead.spec,
            event_id,
            event.created_at.isoformat(),
        )
        return []
    if now >= event.starts_at or late > REMINDER_GRACE:
        log.warning(
            "skipping reminder %s of event %s: due %s, now %s (grace %s)",
            lead.spec,
            event_id,
            due.isoformat(),
            now.isoformat(),
            REMINDER_GRACE,
        )
        return []
    text = messages.reminder(event, now, zone, late if late > LATE_NOTE_AFTER else None)
    targets = _audience_targets(event)
    event.told = list(dict.fromkeys([*event.told, *targets]))
    return [_notice(t, text) for t in targets]


def summary(
    session: Session, community: Community, event_id: int, start: str, now: datetime
) -> list[Notice]:
    """The organiser's summary, privately, and one nudge to those who have not answered."""
    event = _live(session, event_id, start, "summary")
    if event is None or event.organiser is None or now >= event.starts_at:
        return []
    zone = zone_of(community)
    answered = {r.member_key for r in event.responses}
    registered = registered_in_audience(community, event)
    keys = {name: r.contact_id for name, r in registered.items()}
    silent = [
        n
        for n in points.expected_at(session, community, event)
        if n not in answered and keys.get(n) not in answered
    ]
    notices = [
        Notice(messages.summary(event, now, zone, silent), room_id=direct_room(event.organiser))
    ]
    nudge = messages.nudge(event, now, zone)
    nudged: set[str] = set()
    for group_name in event.audience_groups:
        group = community.group(group_name)
        if group is None:
            continue
        mine = {n for n, r in registered.items() if community.party_group(r.building) == group}
        members = [n for n in silent if n == group.leader or n in group.members or n in mine]
        members = [n for n in members if n not in nudged]
        if members:
            nudged.update(members)
            mentions = tuple(
                Mention(r.contact_id, r.contact_name or n)
                if (r := registered.get(n)) is not None and community.person(n) is None
                else Mention(n, n)
                for n in members
            )
            notices.append(Notice(nudge, group=group_name, mentions=mentions))
    for name in silent:
        if name not in nudged:
            notices.append(Notice(nudge, room_id=direct_room(name)))
    return notices


# -- helpers -----------------------------------------------------------------------------------


def _audience_targets(event: Event) -> list[str]:
    """Where the audience is told: "group:<name>" per group, a private room per listed member."""
    return [f"group:{g}" for g in event.audience_groups] + [
        direct_room(m) for m in event.audience_members
    ]


def _notice(target: str, text: str) -> Notice:
    if target.startswith("group:"):
        return Notice(text, group=target.removeprefix("group:"))
    return Notice(text, room_id=target)


def _plan_jobs(session: Session, event: Event) -> None:
    from service.events.jobs import sync_after_commit

    sync_after_commit(session, event.id)


def leads_of(event: Event) -> list[Lead]:
    return [parse_lead(spec) for spec in event.reminders]
