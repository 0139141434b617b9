"""Ticket flows: each takes a session, checks who may do it, changes state, records the audit
event and returns the notices to send. The caller writes the notices to the outbox in the same
transaction, so nothing is said about a change that was not stored."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache, partial
from itertools import chain

from sqlalchemy import Select, bindparam, delete, func, insert, or_, select
from sqlalchemy.orm import Session, object_session

from service.actors import Actor
from service.community import Community, Group
from service.community.policy import DuplicateRules, TicketPolicy
from service.db import insert_loaded
from service.errors import IllegalTransition, InvalidInput, NotFound, NotPermitted
from service.members import points, registration
from service.models import PlaceQuestion, Ticket, TicketEvent, TicketFollower
from service.outbox import Mention, Notice, Priority, direct_room
from service.street.addressing import short_name
from service.textclean import (
    blanked,
    clauses,
    letters,
    reworded,
    without_clauses,
    without_leading,
)
from service.tickets import deadlines, duplicates, messages, ratings, states, stats
from service.tickets.routing import (
    Place,
    Routing,
    fixed_at_compound_place,
    names_shared_place,
    route,
)
from service.understanding import Understanding
from service.understanding.model import EMERGENCY, POSSIBLE_EMERGENCY
from service.understanding.places import buildings_named, extract_place, without_building_or_unit
from service.wall.config import current_config
from service.wall.privacy import people_by_name, people_named

DONE_NOTE = "已处理完毕"  # a closing that says nothing more than done

MAX_TICKET_ID = 2**31 - 1
MAX_NOTE_CHARS = 500
# How long after a resident added words to their own ticket `不是同一件事` can split them off.
SPLIT_NOTE_WINDOW = timedelta(hours=24)


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


# -- helpers -----------------------------------------------------------------------------


def _record(
    ticket: Ticket,
    kind: str,
    actor: Actor,
    now: datetime,
    note: str | None = None,
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


def _move(
    ticket: Ticket, target: str, kind: str, actor: Actor, now: datetime, note: str | None = None
) -> None:
    if ticket.state == target and target != states.OPEN:
        raise IllegalTransition(
            f"ticket {ticket.id} is already {target}",
            f"工单 #{ticket.id} 已经是“{messages.state_label(ticket)}”状态，无需重复操作。",
        )
    if not states.can_move(
        ticket.state, target, taking_back=kind == "taken_back", unmerging=kind == "unmerged"
    ):
        raise IllegalTransition(
            f"ticket {ticket.id} is {ticket.state}; cannot move to {target}",
            f"工单 #{ticket.id} 当前状态为“{messages.state_label(ticket)}”，"
            f"不能{_KIND_ZH.get(kind, _VERB_ZH[target])}。",
        )
    _record(ticket, kind, actor, now, note, target)


# What the refusal names when the action is not the state's usual one ("#4 收回" on a resolved
# ticket cannot be taken back, not "转办").
_KIND_ZH = {"taken_back": "收回", "reopened": "重新处理"}

_VERB_ZH = {
    states.CLAIMED: "接单",
    states.RESOLVED: "办结",
    states.OPEN: "转办",
    states.DUPLICATE: "合并",
    states.NOT_RESPONSIBLE: "标记为非职责",
    states.CANCELLED: "撤销",
    states.CLOSED: "评价",
    states.REOPENED: "评价",
}


def _note(text: str, required: str | None = None) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_NOTE_CHARS:
        raise InvalidInput(
            f"note is {len(text)} characters (max {MAX_NOTE_CHARS})",
            f"说明太长了，请控制在{MAX_NOTE_CHARS}字以内。",
        )
    if required is not None and not text:
        raise InvalidInput("a note is required for this action", required)
    return text


def filed_by_the_street(ticket: Ticket) -> bool:
    """A finding of the street's inspection (street_finding): its reporter's own words are a
    note of the street, kept when it was filed. The street hears of it as a ticket it follows
    (_to_the_street), never as a resident told of a claim or asked to rate."""
    return any(
        e.kind == "note" and e.actor_id == ticket.reporter_id and e.at == ticket.created_at
        for e in ticket.events
    )


def _resident_mentions(ticket: Ticket) -> list[tuple[str, Mention]]:
    """Everyone to tell about the ticket: the reporter and those who reported it again."""
    people: list[tuple[str, Mention]] = []
    if not filed_by_the_street(ticket):
        people.append((ticket.source_room_id, Mention(ticket.reporter_id, ticket.reporter_name)))
    people += [(f.room_id, Mention(f.person_id, f.person_name)) for f in ticket.followers]
    return people


def _to_residents(
    ticket: Ticket, text: str | Callable[[str], str], me_too: tuple[str, ...] = ()
) -> list[Notice]:
    """One notice per resident; a callable text is given what that resident reported in their
    own words (the ticket's title for the reporter), so nobody hears about someone else's;
    one who only said it happens to them too (opening with a `me_too` word: "是的 我在5楼也闻到
    了", "+1 我家也没水了") hears the ticket's title (fifth street trial, day 53)."""
    if isinstance(text, str):
        people = _resident_mentions(ticket)
        return [Notice(text, room_id=room, mentions=(m,)) for room, m in people]
    reporter = Mention(ticket.reporter_id, ticket.reporter_name)
    title = messages.title(ticket)
    notices = (
        []
        if filed_by_the_street(ticket)
        else [Notice(text(title), room_id=ticket.source_room_id, mentions=(reporter,))]
    )
    for f in ticket.followers:
        own = Mention(f.person_id, f.person_name)
        words = title if me_too and f.text.lstrip().startswith(me_too) else messages.short(f.text)
        notices.append(Notice(text(words), room_id=f.room_id, mentions=(own,)))
    return notices


def get_ticket(session: Session, ticket_id: int) -> Ticket:
    """The one place a ticket is loaded for a change: its row is locked (SELECT ... FOR UPDATE
    on PostgreSQL; SQLite's transactions already write one at a time) and read afresh, so two
    changes from the web and the chat take turns and the second sees what the first did."""
    session.flush()  # reading afresh must not drop a change made earlier in this transaction
    ticket = (
        session.get(Ticket, ticket_id, with_for_update=True, populate_existing=True)
        if 0 < ticket_id <= MAX_TICKET_ID
        else None
    )
    if ticket is None:
        raise no_such_ticket(ticket_id)
    return ticket


def no_such_ticket(ticket_id: int) -> NotFound:
    """The one answer for a ticket that does not exist, or that the asker may not see."""
    return NotFound(f"ticket {ticket_id} does not exist", f"未找到工单 #{ticket_id}，请核对编号。")


TRANSFER_ARROW = " → "


def senders(ticket: Ticket) -> list[str]:
    """The groups that transferred this ticket away, oldest first (from its audit events)."""
    found: list[str] = []
    for event in ticket.events:
        if event.kind == "transferred" and event.note and TRANSFER_ARROW in event.note:
            old = event.note.split(TRANSFER_ARROW, 1)[0]
            if old not in found:
                found.append(old)
    return found


def told(ticket: Ticket, group: str, since: datetime | None = None) -> bool:
    """A reminder or escalation of this ticket reached `group` (ever, or after `since`)."""
    return any(
        e.kind in ("reminder", "escalated")
        and (since is None or e.at > since)
        and (e.note or "").endswith(f"{TRANSFER_ARROW}{group}")
        for e in ticket.events
    )


def merged_end(session: Session, ticket: Ticket) -> Ticket | None:
    """The ticket a merged ticket now lives on (following merges of merges), None when it was
    not merged: staff commands on #53 merged into #60 are pointed to #60."""
    seen = {ticket.id}
    into = None
    while (
        ticket.state == states.DUPLICATE and ticket.merged_into and ticket.merged_into not in seen
    ):
        into = ticket = session.get(Ticket, ticket.merged_into) or ticket
        seen.add(ticket.id)
    return into


def may_act(community: Community, ticket: Ticket, actor: Actor) -> bool:
    """Who may act on a ticket: who may act (registration.may_act_for, the one definition) for
    the responsible group or for a group that transferred it away, so a ticket handed to 物业
    stays in reach of the building and grid that sent it; and once the ladder brought it to the
    street office's group, the street's people there."""
    names = [ticket.assigned_group, *senders(ticket)]
    street = community.street_group
    if street is not None and told(ticket, street.name):
        names.append(street.name)
    groups = [community.group(name) for name in names]
    return registration.may_act_for(object_session(ticket), community, actor, groups)


def may_see(community: Community, ticket: Ticket, actor: Actor) -> bool:
    """Who may see a ticket's progress: its residents, who may act on it, and staff (a
    configured person, a dashboard account) within the grid they work in, as the web shows it
    (stats.is_visible; someone above every grid sees every ticket)."""
    if _is_resident_of(ticket, actor) or may_act(community, ticket, actor):
        return True
    if not (actor.is_staff or actor.admin or actor.grid is not None):
        return False
    home = _home_grid(community, ticket, actor)
    scope = stats.Scope("community") if home is None else stats.Scope("grid", home)
    return stats.is_visible(community, scope, ticket)


def of_the_street(community: Community, actor: Actor) -> bool:
    """One of the street office's people (config/street.yaml `people`), acting in a community."""
    street = community.street_group
    return street is not None and actor.person is not None and actor.name in street.members


def held_by_the_street(community: Community, ticket: Ticket) -> bool:
    """Claimed by one of the street office's people: the community's groups are not chased
    about it (the street is above them), though they may still act on it."""
    street = community.street_group
    return (
        street is not None and ticket.claimed_at is not None and ticket.claimed_by in street.members
    )


def _require_staff_of(community: Community, ticket: Ticket, actor: Actor) -> None:
    """Refuse who may not act on the ticket. Staff (a configured person, a dashboard account,
    an approved member of a staff group) and the ticket's own residents are told whose it is;
    anyone else only that staff handle tickets, never which building or group another's ticket
    belongs to (day 20, R47)."""
    if not may_act(community, ticket, actor):
        if of_the_street(community, actor):
            # The street's people act on what the ladder brought them; the rest they may read.
            how = f"{short_name(community.name)} #{ticket.id} 进度"
            told_street = messages.not_yet_with_the_street(ticket, how)
            raise NotPermitted(
                f"{actor.name} ({actor.id}) of the street may not act on ticket {ticket.id},"
                " not escalated to the street",
                told_street,
                staff_message=told_street,
            )
        staff = (
            actor.is_staff
            or actor.admin
            or actor.grid is not None
            or registration.may_act_for(
                object_session(ticket),
                community,
                actor,
                [g for g in community.groups if g.is_staff_group],
            )
        )
        named = f"抱歉，只有{ticket.assigned_group}及上级的工作人员可以处理工单 #{ticket.id}。"
        told = (
            named
            if staff or _is_resident_of(ticket, actor)
            else f"抱歉，只有工作人员可以办理工单 #{ticket.id}。"
        )
        raise NotPermitted(
            f"{actor.name} ({actor.id}) may not act on ticket {ticket.id} "
            f"assigned to {ticket.assigned_group}",
            told,
            staff_message=named,  # typed in a staff group: its members may read whose it is
        )


def _is_resident_of(ticket: Ticket, actor: Actor) -> bool:
    return actor.id == ticket.reporter_id or any(f.person_id == actor.id for f in ticket.followers)


# Used by other flows of the domain (service/tickets/corrections.py).
record = _record
move = _move
require_staff_of = _require_staff_of


# -- intake ------------------------------------------------------------------------------


def open_ticket(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    now: datetime,
) -> Outcome:
    """A new request joins an open ticket about the same problem, waits for its building, or
    opens a ticket in the responsible group."""
    routing = route(community, understanding, report.group, report.text)
    problem = duplicates.Problem.of_report(routing.place, understanding, report.text)
    rules = community.policy.duplicates
    # A new emergency always pages: it is never read as a verdict on a ticket already handled.
    still_broken = not understanding.emergency and duplicates.says_still_broken(report.text, rules)
    waiting = (
        tickets_waiting_for_rating(session, report.reporter, report.room_id) if still_broken else []
    )
    # A person brought out of a danger is safe: "2单元电梯今天又有点抖 …别又把人关里面" the day
    # after the child was freed from it is a repair of its own, never the rescue undone (day 64
    # R111).
    waiting = [t for t in waiting if not (t.emergency and t.subcategory in rules.person_in_danger)]
    for fixed in waiting:
        # "又开始敲了 你们不是说处理了吗" names the drilling just fixed, though read as another
        # category: the words it shares with it (duplicates.follow_up_evidence) say so too.
        if duplicates.same_problem(
            problem, duplicates.Problem.of_ticket(fixed), rules, own=True
        ) or (
            duplicates.follow_up_evidence(report.text, fixed, rules) > 0
            and _place_fits(understanding, fixed)
            and not duplicates.names_other_thing(problem, fixed, rules)
        ):
            # "根本没解决 还在渗水" right after the resolution notice: that is 不满意 ("那老年卡
            # 办下来要多久" after the answer about it is a new question, and opens its own).
            return rate_ticket(
                session,
                community,
                fixed.id,
                report.reporter,
                report.room_id,
                False,
                report.text,
                now,
            )
    # "我家六楼门口也全是水了" read as no emergency: the flood of its building first.
    # ... and "车库里水越来越多了" under the garage flood paged from the owners' chat (day 43).
    spreading = (
        None
        if problem.emergency
        else duplicates.live_hazard(session, community, problem, now)
        or duplicates.shared_place_danger(session, community, problem, understanding.building, now)
    )
    # "东边车库那个坡口也在进水啊" from building 2's chat: the garage flood already paged.
    shared = (
        duplicates.shared_place_danger(session, community, problem, understanding.building, now)
        or duplicates.search_told_again(session, community, problem, understanding.building, now)
        or duplicates.danger_between_buildings(session, community, problem, now)
        if problem.emergency
        else None
    )
    match = duplicates.find(session, community, problem, now, report.reporter.id)
    same = (
        spreading
        or shared
        or match.same
        or duplicates.waiting_for_its_place(
            session, community, problem, report.room_id, report.reporter.id, now
        )
    )
    same = same or duplicates.still_broken_thing(session, community, problem, now)
    if same is not None:
        joined = _join(session, same, report, understanding, community, now)
        if joined is not None:
            return joined
    return _open_new(session, community, report, understanding, routing, now, match.look_alike)


def _join(
    session: Session,
    ticket: Ticket,
    report: Report,
    understanding: Understanding,
    community: Community,
    now: datetime,
    asked: bool = False,
) -> Outcome | None:
    """The report joins the ticket (None when it cannot); a neighbour new to it who tells a
    trouble of their own is heard word for word (`_with_own_trouble`), unless they asked."""
    newcomer = not _is_resident_of(ticket, report.reporter)
    joined = _follow(session, ticket, report, understanding, community, now, advise=not asked)
    if joined is not None and newcomer and not asked:
        return _with_own_trouble(joined, report, understanding, community.policy.duplicates)
    return joined


def _with_own_trouble(
    joined: Outcome, report: Report, understanding: Understanding, rules: DuplicateRules
) -> Outcome:
    """A neighbour who has just joined a ticket and tells their own trouble from it (a mother
    who cannot climb to the eleventh floor: read as another kind, or `stranded_words` its text
    lacks) is heard by its group word for word, not only counted as one more voice (day 20)."""
    ticket = joined.ticket
    if ticket.emergency or not ticket.assigned_group:
        return joined
    stranded = any(w in report.text and w not in ticket.text for w in rules.stranded_words)
    if understanding.category == ticket.category and not stranded:
        return joined
    said = _note(report.text[:MAX_NOTE_CHARS]) or ""
    told = messages.follow_up_in_group(ticket, report.reporter.name, said)
    return Outcome(ticket, [*joined.notices, Notice(told, group=ticket.assigned_group)])


def still_broken_after_fix(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    names_no_thing: bool,
    now: datetime,
) -> Outcome | None:
    """Right after the resolution notice of their one ticket waiting for a rating, the resident
    says the fix did not hold (`still_broken_words`) in words naming no other problem: "还是不行
    晚上又往上冒了" names no thing at all, "还是堵 地漏里又往外返水了" the drain's own words
    (day 20 S51). That is 不满意 of that ticket (it reopens), not a new ticket. None otherwise:
    "楼道灯又不亮了" after the lift's fix names a thing of its own."""
    rules = community.policy.duplicates
    text = report.text
    # "一晚上没消息" is no news heard, not the fix failing ("一晚上没热"; day 57c R55)
    told = blanked(text, rules.no_news_words)
    if understanding.emergency or not duplicates.says_still_broken(told, rules):
        return None
    if duplicates.brings_another(text, rules):
        return None
    waiting = tickets_waiting_for_rating(session, report.reporter, report.room_id)
    if len(waiting) != 1:
        return None
    fixed = waiting[0]
    if understanding.is_request and understanding.category != fixed.category:
        return None
    if not _place_fits(understanding, fixed) or duplicates.names_thing_not_in(
        text, fixed.text, rules
    ):
        return None
    if not (names_no_thing or duplicates.follow_up_evidence(text, fixed, rules) > 0):
        return None
    return rate_ticket(
        session, community, fixed.id, report.reporter, report.room_id, False, text, now
    )


def own_follow_up(
    session: Session,
    ticket: Ticket,
    report: Report,
    community: Community,
    now: datetime,
    by_day: Callable[[Ticket], str] | None = None,  # else own_follow_up_to_resident
    chased: bool = False,
    remark: bool = False,
) -> Outcome:
    """The resident writes again about their own open ticket, or chases it (or says 不满意 of
    it): their words go on the ticket and to its group, and they are told so (`by_day`: its
    number and state). In the quiet hours a non-emergency wakes nobody: the group hears it in
    the morning summary (escalation.morning_summary), and the resident is told so. The ticket
    is locked and read afresh first, as for every change (get_ticket): a transfer at the same
    moment is seen. A chase (`chased`: "还要等多久", nothing new told) within
    `chase_answer_minutes` of the resident's last words on the ticket is kept on it and
    answered by nobody: one anxious resident does not flood the chat or the group. `remark`:
    something left to see to after the danger was answered safe ("安全了 就是楼下邻居家天花板泡了"),
    passed on as it is, never read as over news or a lead."""
    ticket = get_ticket(session, ticket.id)
    if _said_lately(ticket, report, now):
        return Outcome(ticket, [])
    quiet = timedelta(minutes=community.policy.duplicates.chase_answer_minutes)
    if chased and _noted_since(ticket, report.reporter.id, now - quiet):
        _record(ticket, "resident_note", report.reporter, now, _note(report.text[:MAX_NOTE_CHARS]))
        return Outcome(ticket, [])
    if not remark and says_over(community, ticket, report.text):
        return _told_over(community, ticket, report, now)
    rules = community.policy.duplicates
    # Asking or telling the search goes on ("还没找到吗", "还没找到 能不能帮忙调一下监控") is
    # word for those on it, not a lead.
    asks = any(
        w in report.text
        for w in (
            *rules.chase_words,
            *rules.follow_up_words,
            *rules.new_ask_words,
            *rules.still_broken_words,
            *QUESTION_MARKS,
        )
    )
    if (
        not remark
        and ticket.emergency
        and ticket.subcategory in rules.lead_kinds
        and (
            any(w in report.text for w in rules.looks_words)
            or (not chased and not asks and _is_resident_of(ticket, report.reporter))
        )
    ):
        # "他戴一顶黑色毛线帽 拄着拐杖" after "我爸…还没回来", "他爸说超市那边也没有": a lead for
        # everyone searching, at any hour (day 22 R62, day 28 R44); a chase ("还没找到吗") is
        # not.
        _record(ticket, "resident_note", report.reporter, now, _note(report.text[:MAX_NOTE_CHARS]))
        return _lead(community, ticket, report, own=True)
    # No safety advice again for a danger already said to be over ("楼道里那堆烧过的纸灰还没人扫"
    # after the fire was out: no "请立即拨打119"; day 24 R81).
    danger_now = ticket.emergency and ticket.over_said_at is None and not remark
    guidance = community.policy.guidance_for(ticket.text, ticket.subcategory) if danger_now else ""
    if _help_here_or_hazard_gone(report.text, rules):
        guidance = ""  # "救护车到了", "火花倒是没了": no "请立即拨打…" again (day 26 R72, R75)
    elif any(w in report.text for w in rules.help_called_words):
        guidance = CALL_FIRST.sub("", guidance)
    until = held_until_morning(community, ticket, now)
    chase = any(w in report.text for w in rules.chase_words)
    person = ticket.subcategory in rules.person_in_danger
    if danger_now and person and ticket.state == states.OPEN and chase:
        # "还没人来 我打了120 救护车还在路上" while nobody has claimed the page for someone in
        # danger: every group its alert reached hears it at once, not only the one handling it
        # (day 44 R103); a thing in danger (a branch, a flood) is left to the ladder's reminders
        _record(ticket, "resident_note", report.reporter, now, _note(report.text[:MAX_NOTE_CHARS]))
        told = messages.unclaimed_chase_to_resident(ticket)
        return _alerted_again(community, ticket, report, told, unclaimed=True, guidance=guidance)

    street = street_people(community)

    def reply(t: Ticket) -> str:
        if until is not None:
            return messages.own_follow_up_at_night(t, until, street)
        if by_day is None:
            return messages.own_follow_up_to_resident(t, street) + guidance
        return by_day(t) + guidance

    return resident_follow_up(
        ticket, report.reporter, report.room_id, report.text, now, reply, to_group=until is None
    )


def _help_here_or_hazard_gone(text: str, rules: DuplicateRules) -> bool:
    """The news tells help already there (`help_here_words`), or a hazard word with a word saying
    it is gone in its clause ("现在整个单元都停电了 火花倒是没了")."""
    if any(w in text for w in rules.help_here_words):
        return True
    return any(
        duplicates.hazard_families(clause, rules)
        and any(w in clause for w in rules.gone_after_words)
        for clause, _ in clauses(text)
    )


def _told_over(community: Community, ticket: Ticket, report: Report, now: datetime) -> Outcome:
    """ "孩子找到了": no advice again; the group is asked to check it and resolve it, and until
    then it is late for nothing (deadlines.late). Everyone the emergency alert reached (the
    groups above, duty staff by private chat) hears it too: the duty person woken at night
    stops worrying. No emergency ("来水了 谢谢"): its group is asked to check it, the resident told
    staff will confirm it."""
    ticket.over_said_at = now
    until = (
        over_held_until_morning(community, ticket, now)
        if ticket.emergency
        else held_until_morning(community, ticket, now)
    )
    if until is not None:
        # "我妈在医院抢救过来了" at 04:00 about an alert of the afternoon before: good news wakes
        # nobody; the group hears it in the morning summary.
        return resident_follow_up(
            ticket,
            report.reporter,
            report.room_id,
            report.text,
            now,
            lambda t: messages.over_at_night(t, until),
            to_group=False,
        )
    if not ticket.emergency:
        return resident_follow_up(
            ticket,
            report.reporter,
            report.room_id,
            report.text,
            now,
            messages.restored_to_resident,
            in_group=messages.restored_in_group,
        )
    outcome = resident_follow_up(
        ticket,
        report.reporter,
        report.room_id,
        report.text,
        now,
        messages.over_to_resident,
        over=True,
    )
    said = _note(report.text[:MAX_NOTE_CHARS]) or ""
    text = messages.over_to_alerted(ticket, report.reporter.name, said)
    outcome.notices.extend(_to_alerted_above(community, ticket, text))
    return outcome


def _to_alerted_above(community: Community, ticket: Ticket, text: str) -> list[Notice]:
    """`text` to everyone an emergency's alert reached besides its group: the groups above it
    and duty staff by private chat."""
    group = community.group(ticket.assigned_group)
    if group is None:
        return []
    above, duty_apart = _alerted(community, group)
    return [
        *(Notice(text, group=g.name) for g, _ in above[1:]),
        *(Notice(text, room_id=direct_room(p)) for p in duty_apart),
    ]


def tells_over(
    community: Community, text: str, kinds: Iterable[str | None] = (), restored: bool = False
) -> bool:
    """Words saying that something is over ("孩子找到了", `over_words`; of an emergency of one
    of `kinds`, its `kind_over_words` too: "120拉走了" of someone ill; `restored`: a problem
    that is no emergency is fixed or back, `restored_words`: "来水了"), and none that it is
    worse ("人不清醒了": `worse_words`, `symptom_words`), still there or asks whether it is over
    ("味道还是很大", "到家了吗": `not_over_words`; of a fix, "又坏了": `still_broken_words`), nor
    any asking for something new ("老伴住院去了 … 能不能让社区的人常去看看她": `new_ask_words`)."""
    rules = community.policy.duplicates
    stops = (*rules.not_over_words, *rules.new_ask_words)
    if says_worse(text, rules) or any(w in text for w in stops) or tells_symptoms(text, rules):
        return False
    if restored:
        for words in rules.restored_neutral_words:
            text = text.replace(words, " ")
        return not any(w in text for w in rules.still_broken_words) and any(
            w in text for w in rules.restored_words
        )
    of_kinds = chain.from_iterable(rules.kind_over_words.get(k or "", ()) for k in kinds)
    return any(w in text for w in (*rules.over_words, *rules.unhurt_words, *of_kinds))


def tells_symptoms(text: str, rules: DuplicateRules) -> bool:
    """A `symptom_words` word in a clause that does not say the person recovered
    (`recovered_words`: "头晕的老太太也缓过来了" is over news, day 22 R35), nor is followed by a
    clause saying the person is in good hands or help is with them: "120来了 把门撬开了 老太太
    摔在卫生间 人是清醒的 拉去医院了" tells what was found and that it is over (day 27 R84)."""
    parts = [clause for clause, _ in clauses(text)]
    # taken into care (拉走, 在医院 …: `kind_over_words`), not only conscious ("人是清醒的 已经叫了
    # 救护车" is still worse news, day 25 R73)
    # ... or told unhurt ("摔在卫生间了 人清醒 120说没大事": `unhurt_words`, day 32 R57), or help
    # come to them ("我妈摔在卫生间了 人是清醒的 120已经来了": `help_here_words`, day 34 R32)
    over = (
        *chain.from_iterable(rules.kind_over_words.values()),
        *rules.unhurt_words,
        *rules.help_here_words,
    )
    taken = tuple(chain.from_iterable(rules.kind_over_words.values()))
    for i, clause in enumerate(parts):
        if not any(w in clause for w in rules.symptom_words):
            continue
        if any(w in clause for w in (*rules.recovered_words, *rules.unhurt_words)):
            continue
        if any(w in clause for w in taken):
            continue  # "流血那个送医院了": taken into care in the same breath (day 47 R66)
        alone = any(w in text for w in rules.alone_words)
        if not alone and any(any(w in later for w in over) for later in parts[i + 1 :]):
            continue
        # ... or help already there before it, the symptom what they found, not come again
        # ("120到了 王奶奶摔在卫生间 可能髋骨骨折"; day 53 R90)
        helped = any(any(w in earlier for w in rules.help_here_words) for earlier in parts[:i])
        if not alone and helped and not any(w in clause for w in rules.symptom_again_words):
            continue
        return True
    return False


def says_worse(text: str, rules: DuplicateRules) -> bool:
    """A `worse_words` word not denied (`negation_words` right before it, `gone_after_words`
    right after it): "在冒烟了" is worse news, "不冒烟了" (day 18 R76) and "火星没了" (day 20 R77)
    are none; nor is a harm already treated ("流血那个去医院包扎了": `treated_harm_words` with a
    `treated_words` word, day 19 R60)."""
    treated = any(w in text for w in rules.treated_words)
    for word in rules.worse_words:
        if treated and any(word in h or h in word for h in rules.treated_harm_words):
            continue
        start = text.find(word)
        while start >= 0:
            denied = text[:start].endswith(rules.negation_words) or text[
                start + len(word) :
            ].startswith(rules.gone_after_words)
            if not denied:
                return True
            start = text.find(word, start + 1)
    return False


def says_over(community: Community, ticket: Ticket, text: str) -> bool:
    """A resident's news that their emergency is over, in words of any emergency or of its
    kind; or that their problem still being handled, no emergency, is fixed ("电梯修好了")."""
    if ticket.emergency:
        return tells_over(community, text, (ticket.subcategory,))
    return ticket.state in states.ACTIVE and tells_over(community, text, restored=True)


def says_over_of_its_hazard(community: Community, ticket: Ticket, text: str) -> bool:
    """says_over, in words that name no other hazard than the ticket's: "火灭了就好" is news of a
    fire, never of the burst pipe next door (day 23 S10)."""
    rules = community.policy.duplicates
    hazards = duplicates.hazard_families(text, rules)
    return says_over(community, ticket, text) and not duplicates.other_hazard(
        hazards, ticket, rules
    )


def _open_danger_kinds(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    own_open: Callable[[], list[Ticket]],
    now: datetime,
) -> set[str | None]:
    """The subcategories of the emergencies open in the writer's building and of their own
    (`own_open`: the writer's open tickets); from a chat of no building (the owners' chat), of
    those told in it and of those paged anywhere within the join window."""
    kinds = {t.subcategory for t in own_open() if t.emergency}
    building = route(community, understanding, report.group, report.text).place.building
    if building is not None:
        kinds.update(t.subcategory for t in open_emergencies_in(session, building))
    else:
        window = now - timedelta(minutes=community.policy.duplicates.emergency_join_minutes)
        kinds.update(t.subcategory for t in _live_dangers(session, room_id=report.room_id))
        kinds.update(t.subcategory for t in _live_dangers(session, since=window))
    return kinds


def open_emergencies_in(session: Session, building: str) -> list[Ticket]:
    """The emergencies still open in a building."""
    stmt = select(Ticket).where(
        Ticket.building == building,
        Ticket.emergency.is_(True),
        Ticket.state.in_(states.ACTIVE),
    )
    return list(session.scalars(stmt.order_by(Ticket.id)))


def over_held_until_morning(community: Community, ticket: Ticket, now: datetime) -> str | None:
    """In the quiet hours, news that an emergency is over waits for the morning summary when
    its alerts all went out before they began (nobody was woken by it tonight, `alerted_since`):
    the time they end, else None. News of an emergency paged or escalated tonight goes at once:
    the duty person stops worrying."""
    quiet = community.policy.quiet_hours
    if not quiet.contains(now, community.zone):
        return None
    if alerted_since(ticket, quiet.started_before(now, community.zone)):
        return None
    return quiet.end.strftime("%H:%M")


# What woke someone about a ticket besides its first alert: an escalation up the ladder, or a
# resident's words making it an emergency (day 31 R89, R90: "他开门了 … 人没事" ten minutes after
# the old man's page at 00:30 waited for the morning).
ALERT_EVENTS = ("reminder", "escalated", "raised_by_resident")


def alerted_since(ticket: Ticket, since: datetime) -> bool:
    """The ticket's alert went out at or after `since`: it was reported then, or escalated then
    (an emergency paged at 21:00 and escalated at 23:30 woke the duty person tonight)."""
    return ticket.created_at >= since or any(
        e.kind in ALERT_EVENTS and e.at >= since for e in ticket.events
    )


def _same_night(community: Community, then: datetime, now: datetime) -> bool:
    """`then` and `now` fall in the same quiet hours (what was held at `then` is still held)."""
    quiet = community.policy.quiet_hours
    return quiet.contains(now, community.zone) and then >= quiet.started_before(now, community.zone)


def held_until_morning(community: Community, ticket: Ticket, now: datetime) -> str | None:
    """In the quiet hours (config/tickets.yaml `quiet_hours`) a notice to staff about a ticket
    that is no emergency waits for the morning summary: the time it ends ("07:00"), else None."""
    quiet = community.policy.quiet_hours
    if ticket.emergency or not quiet.contains(now, community.zone):
        return None
    return quiet.end.strftime("%H:%M")


# The opening "call them" clause of a piece of safety advice ("请立即拨打120，"): left out when
# the resident says help is already called.
CALL_FIRST = re.compile(r"^请立即拨打\d{3}[，,]")

# A resident who repeats the same words about their ticket is answered (and the group told) at
# most once in this time: a thousand copies of one complaint made a thousand replies and
# notices, ahead of any later alert.
REPEAT_ANSWER_EVERY = timedelta(hours=1)


def _said_lately(ticket: Ticket, report: Report, now: datetime) -> bool:
    """The resident added these very words to this ticket within REPEAT_ANSWER_EVERY."""
    said = _note(report.text[:MAX_NOTE_CHARS]) or ""
    return _noted_since(ticket, report.reporter.id, now - REPEAT_ANSWER_EVERY, said)


def _noted_since(ticket: Ticket, actor_id: str, since: datetime, said: str | None = None) -> bool:
    """The resident added words to this ticket (these words, when `said` is given) since then."""
    return any(
        e.kind == "resident_note"
        and e.actor_id == actor_id
        and (said is None or e.note == said)
        and e.at > since
        for e in ticket.events
    )


@dataclass(frozen=True)
class _FollowUpRead:
    """How a resident's message reads as a follow-up of a ticket (chase_own_ticket)."""

    chased: bool  # a chase_words word: "怎么还没人来修啊"
    said_of_a_kind: bool  # words of one kind's over news ("120拉走了")
    over: bool  # says a danger is over
    asked: bool  # over news, or a follow_up_words question: "电梯好了吗"
    added: bool  # "补充一下 …", or what a missing person wears
    restored: bool  # "来水了来水了 👍"
    again: bool  # told again: still broken, ongoing, progress, help come, added, restored
    asks_new: bool  # a request asking for something new (`new_ask_words`)
    hazards: frozenset[int]  # the hazards a danger told names
    help_here: bool  # help come to a danger ("电工来了")
    told_rules: duplicates.Problem  # the problem the rules found in it
    guessed: bool  # a possible emergency by word statistics alone, naming no danger


def chase_own_ticket(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    names_no_thing: bool,
    now: datetime,
) -> Outcome | None:
    """A follow-up of an open ticket, however the message was classified: "怎么还没人来修啊" (a
    `chase_words` word), "电梯好了吗" (`follow_up_words`), "楼上还在漏" (`still_broken_words`).

    From a resident with an open ticket in this chat, it is added to the ticket it is about
    (own_follow_up: its number and state; the group hears it as a chase does): the one of its
    subcategory, the one whose words it names (duplicates.follow_up_evidence), or the only one
    when a chase names no thing of its own; with several, the resident is asked which. From
    another resident of the building asking after an open ticket's problem or saying a danger
    is over ("昨天那个煤气味的事后来怎么样了"), it joins that ticket. Neither ever pages: a
    danger getting worse is emergency_getting_worse's. None when it is no follow-up, or names
    another problem."""
    if understanding.emergency and any(
        w in report.text for w in community.policy.duplicates.another_one_words
    ):
        return None  # "又有个老太太在这摔倒了 起不来": another danger, a page of its own
    # The writer's open tickets: read once for every step below, and only when one needs them
    # (chatter costs no query).
    own_open = cache(partial(my_open_tickets, session, report.reporter))
    read = _read_follow_up(session, community, report, understanding, names_no_thing, own_open, now)
    if read is None:
        return None
    mine = _own_tickets_it_may_be_about(
        community, report, understanding, names_no_thing, read, own_open
    )
    own_all = list(mine)
    mine = _without_own_tickets_of_another_hazard(session, community, report, understanding, mine)
    if read.over:
        mine = _without_dangers_it_is_no_news_of(
            session, community, report, understanding, mine, own_all, now
        )
    if read.chased and (not understanding.emergency or read.guessed):
        chased = _chased_among(
            community, understanding, names_no_thing, read, mine, report.text, now
        )
        if chased:
            return _own_follow_up_of(session, community, report, chased, now, chased=True)
    about = _own_ticket_it_tells_of(session, community, report, understanding, read, mine, now)
    if (
        about
        and read.over
        and not any(t.emergency for t in about)
        and not any(duplicates.said_of(report.text, about, community.policy.duplicates))
        and _ends_a_danger_not_hers(session, community, report, understanding, about)
    ):
        # "外卖小哥出来了 维保的撬开的门 小伙子冻得够呛" from the resident with a leak of his own
        # open: news of the neighbour's lift, never of his leak (day 61 R63)
        about = []
    if about:
        return _told_on_own_ticket(session, community, report, understanding, read, about, now)
    return _neighbours_ticket_followed(
        session, community, report, understanding, names_no_thing, read, own_all, now
    )


def _read_follow_up(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    names_no_thing: bool,
    own_open: Callable[[], list[Ticket]],
    now: datetime,
) -> _FollowUpRead | None:
    """What the message says as a follow-up; None when it is none ("还有 …" brings another
    problem)."""
    rules = community.policy.duplicates
    text = report.text
    chased = any(w in text for w in rules.chase_words)
    # Words of one kind's over news ("120拉走了") are looked up against the open dangers only
    # when the message holds one: chatter costs no query.
    said_of_a_kind = any(w in text for ws in rules.kind_over_words.values() for w in ws)
    dangers_open = (
        _open_danger_kinds(session, community, report, understanding, own_open, now)
        if said_of_a_kind
        else set()
    )
    over = tells_over(community, text, dangers_open)
    asked = over or any(w in text for w in (*rules.follow_up_words, *rules.own_pointer_words))
    # "补充一下 我婆婆戴一顶红色毛线帽": something new told of a ticket of theirs; what a
    # missing person wears or carries (`looks_words`) is too (day 22 R62).
    added = (
        text.lstrip().startswith(rules.addition_words)
        or any(w in text for w in rules.looks_words)
        # (danger told of them is danger_on_own_ticket's: "302王大爷屋里咚的一声 叫他也不应")
        or (not understanding.emergency and _names_own_person(report, own_open))
    )
    # "来水了来水了 👍": their problem still being handled is fixed, news for it (says_over).
    restored = tells_over(community, text, restored=True)
    # hearsay ("听说明天要停水") is no news of the work ("说明天")
    first_hand = blanked(text, rules.hearsay_words)
    again = (
        added
        or restored
        or any(
            w in first_hand
            for w in (
                *rules.still_broken_words,
                *rules.ongoing_words,
                *rules.progress_words,
                *rules.help_here_words,
            )
        )
    )
    if not (chased or asked or again) or duplicates.brings_another(text, rules):
        return None  # "还有 楼道里的暖气管子在漏水": another problem, the duplicates rule's
    # "老伴送医院了 就剩她一个人在家 能不能安排人常去看看她": a request of its own kind asking
    # for something new (`new_ask_words`) follows no ticket of another category, whatever
    # follow-up words it holds (day 18 R69).
    asks_new = (
        understanding.is_request
        and not understanding.emergency
        and any(w in text for w in rules.new_ask_words)
    )
    # A danger told by someone on an emergency said to be over, or of another hazard (sparks in
    # a meter box after the garage fire is out), is a danger of its own (day 21 R64).
    hazards = duplicates.hazard_families(text, rules) if understanding.emergency else frozenset()
    # Help come to their danger ("电工来了 把总闸拉了 说是进水短路" after the sparks): news of
    # it, whatever hazard the cause they were told names (day 28 R73).
    help_here = any(w in text for w in rules.help_here_words)
    # What the rules found in it (not what word statistics made of it): the problem it names.
    # (a chase word is no problem word: "没人铲" of the ice; day 57 R41)
    told_rules = duplicates.Problem.of_report(
        route(community, understanding, report.group, report.text).place,
        replace(
            understanding,
            keywords=tuple(w for w in understanding.rule_words if w not in rules.chase_words),
        ),
        text,
    )
    # "都半个多小时了" read as a possible emergency naming no danger, or one word statistics
    # alone made so ("冰还没人铲呢 中午又有个送外卖的摔了"; day 57 R41), is a chase all the same.
    guessed = understanding.emergency_level == POSSIBLE_EMERGENCY and (
        names_no_thing or understanding.by_word_statistics
    )
    return _FollowUpRead(
        chased=chased,
        said_of_a_kind=said_of_a_kind,
        over=over,
        asked=asked,
        added=added,
        restored=restored,
        again=again,
        asks_new=asks_new,
        hazards=hazards,
        help_here=help_here,
        told_rules=told_rules,
        guessed=guessed,
    )


def news_of_named_person(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    now: datetime,
) -> Outcome | None:
    """ "孙奶奶家我刚去敲了门 她说她挺好的 就是腿疼懒得下楼 大家放心" from a neighbour, read as
    no request: news of the one open ticket of the building whose words name that person by
    surname and honorific (the visit asked for her, day 38 R057). It goes on that ticket for those
    handling it (in the quiet hours, in the morning summary), and the neighbour is thanked;
    nothing is closed. None when it names nobody, or no such ticket, or several."""
    if understanding.emergency or understanding.is_request:
        return None
    named = people_by_name(report.text, current_config())
    if not named:
        return None
    building = route(community, understanding, report.group, report.text).place.building
    stmt = select(Ticket).where(Ticket.state.in_(states.ACTIVE))
    if building is not None:
        stmt = stmt.where(Ticket.building == building)
    about = [t for t in session.scalars(stmt) if all(n in t.text for n in named)]
    if len(about) != 1 or _is_resident_of(about[0], report.reporter):
        return None
    ticket = get_ticket(session, about[0].id)
    _add_follower(ticket, report, now)
    until = held_until_morning(community, ticket, now)

    def reply(t: Ticket) -> str:
        return messages.over_at_night(t, until) if until else messages.news_to_resident(t)

    return resident_follow_up(
        ticket, report.reporter, report.room_id, report.text, now, reply, to_group=until is None
    )


def _names_own_person(report: Report, own_open: Callable[[], list[Ticket]]) -> bool:
    """ "上次说的吴老太 我今天去敲门了 她说腿疼下不了楼 家里没菜了": the message names by surname
    and honorific the person an open ticket of the writer's is about (day 36 R98)."""
    named = people_by_name(report.text, current_config())
    return bool(named) and any(
        all(n in t.text for n in named) for t in own_open() if t.state in states.ACTIVE
    )


def _own_tickets_it_may_be_about(
    community: Community,
    report: Report,
    understanding: Understanding,
    names_no_thing: bool,
    read: _FollowUpRead,
    own_open: Callable[[], list[Ticket]],
) -> list[Ticket]:
    """The resident's open tickets from this chat the message may follow up: its place fits
    them, and it tells no request or danger of its own beside them."""
    rules = community.policy.duplicates
    text = report.text
    return [
        t
        for t in own_open()
        if t.state in states.ACTIVE
        and _in_room(t, report.reporter, report.room_id)
        # "找到了找到了！在6号楼架空层躲雨": where someone missing was found is no place of
        # another problem (day 28 R46)
        and (
            _place_fits(understanding, t, report.text)
            or (read.over and t.subcategory in rules.lead_kinds)
        )
        # "楼上403这么晚了还在剁馅子" is no more of her square-dance noise: a flat named is not
        # a place of the whole compound (day 58 R56)
        and not (
            understanding.room is not None
            and t.room is None
            and names_shared_place(t.text, community)
            and not names_shared_place(text, community)
        )
        # ... unless it asks for help with their own emergency in its words ("还没找到 …能不能
        # 帮忙调一下小区监控" of the father missing: the search, day 26 R21), or tells their
        # problem again in its words ("楼上602的水还在滴 明天早上能不能找人来开个门看看" of the
        # leak from 602, day 33 R102).
        and not (
            read.asks_new
            and t.category != understanding.category
            and not _of_its_kind(t, text, rules)
            and not duplicates.names_same_thing(read.told_rules, t, rules)
        )
        and not (
            understanding.emergency
            and t.emergency
            and not read.help_here
            and not duplicates.may_be_news_of(read.hazards, t, rules)
        )
        # "都快半夜了还有人在楼下放二踢脚 窗户都在震" from the mother whose child's burnt hand is
        # at the hospital (said over): a complaint of its own kind, never news of that danger
        # (day 33 R91).
        # ... unless it names that danger's own thing ("1单元地下室的积水还没人抽" after the burst
        # pipe there was said to be shut off: what is left of it, day 34 R83).
        and not (
            t.emergency
            and t.over_said_at is not None
            and understanding.is_request
            and not understanding.emergency
            and not names_no_thing
            and not duplicates.names_same_thing(read.told_rules, t, rules)
        )
        # A danger told in full is never a note on a repair of theirs: "东门那个大垃圾桶烧起来了
        # …火苗一米多高" at midnight is a page, not more of the morning's full bin (day 41 R81);
        # what grows from the repair itself (`grows_from`) is danger_on_own_ticket's, and what
        # is told as added to it ("补充一下 积水就在2单元地下室楼梯口那", day 35 R10) is the
        # ticket's.
        and not (
            understanding.emergency
            and not read.guessed  # "都半个多小时了" read as a danger by word statistics alone
            and not t.emergency
            and not read.over
            and not text.lstrip().startswith(rules.addition_words)
            and t.subcategory not in rules.grows_from.get(understanding.subcategory or "", ())
        )
    ]


def _without_own_tickets_of_another_hazard(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    mine: list[Ticket],
) -> list[Ticket]:
    """When the message names the hazard of a live danger of the building that is not theirs,
    without the resident's own tickets that do not name it: "消防车到了 楼道里的烟散了一些" is news
    of the fire paged tonight, never progress of their parking ticket (day 38 S116)."""
    rules = community.policy.duplicates
    hazards = duplicates.hazard_families(report.text, rules)
    building = route(community, understanding, report.group, report.text).place.building
    if not hazards or building is None:
        return mine
    if not any(
        hazards & duplicates.hazard_families(t.text, rules)
        for t in open_emergencies_in(session, building)
        if t not in mine
    ):
        return mine
    return [t for t in mine if hazards & duplicates.hazard_families(t.text, rules)]


def _without_dangers_it_is_no_news_of(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    mine: list[Ticket],
    own_all: list[Ticket],
    now: datetime,
) -> list[Ticket]:
    """News that a danger is over, without the resident's own dangers it is not news of: the
    live danger of the chat or of the building it names, or of the kind its words tell."""
    rules = community.policy.duplicates
    text = report.text
    # "602的人回来了 是洗衣机管子脱了 已经修了 不滴了" from the resident whose leak from 602 was
    # raised to a page hours ago: news of the one page of theirs it names (its flat, its
    # words), whatever page came since (day 39 R58).
    said = duplicates.said_of(text, mine, rules)
    named = [
        t for t in mine if t.emergency and ((t.room is not None and t.room in text) or t in said)
    ]
    if len(named) == 1:
        return named
    # "人出来了" at midnight from the mother whose child was freed this afternoon (said over
    # then) and whose husband is shut in a lift now: news of the danger not said over yet
    # (day 36 R82).
    if any(t.emergency and t.over_said_at is None and says_over(community, t, text) for t in mine):
        mine = [t for t in mine if not (t.emergency and t.over_said_at is not None)]
    # "120来了 拉走了" from a resident whose own danger was paged hours ago, just after
    # another was paged in this chat: news of that one, the talk of the chat now (day 29
    # R46, R76). Their own danger of the last hours stays theirs.
    window = timedelta(minutes=rules.emergency_join_minutes)
    if _live_dangers(session, now - window, report.room_id, own_all):
        mine = [t for t in mine if not (t.emergency and now - t.created_at > window)]
    # "电梯里那人出来了 消防来撬开的门 人没事" from the neighbour who reported the injured
    # worker: news of the lift its words name, not of their own danger, which they do not
    # name (day 30 R67).
    building = route(community, understanding, report.group, report.text).place.building
    others = (
        [t for t in open_emergencies_in(session, building) if t not in own_all]
        if building is not None
        else []
    )
    if any(not duplicates.names_thing_not_in(text, t.text, rules) for t in others):
        mine = [
            t
            for t in mine
            if not (t.emergency and duplicates.names_thing_not_in(text, t.text, rules))
        ]
    # "老板把阀门关了 罐子搬走了 味道散了" from the neighbour who reported a crowd round
    # someone: over words of a gas leak's kind, with the night market's gas leak open in this
    # chat, are its news, not of their own danger of another kind (day 31 R70).
    told_kinds = duplicates.kinds_told_over(text, rules)
    here = others + _live_dangers(session, room_id=report.room_id, besides=own_all)
    if told_kinds and any(t.subcategory in told_kinds for t in here):
        mine = [t for t in mine if not t.emergency or t.subcategory in told_kinds]
    return mine


# A possible emergency by word statistics alone that chases a ticket is short: longer, it tells
# a situation of its own.
GUESSED_CHASE_MAX_LETTERS = 24


def _chased_among(
    community: Community,
    understanding: Understanding,
    names_no_thing: bool,
    read: _FollowUpRead,
    mine: list[Ticket],
    text: str,
    now: datetime,
) -> list[Ticket]:
    """The tickets of the resident a chase is about: of its subcategory, or naming no other
    thing; of several, the one its words name."""
    rules = community.policy.duplicates
    about = [t for t in mine if t.subcategory == understanding.subcategory]
    if not about and (names_no_thing or understanding.by_word_statistics):
        # Naming no subcategory is no licence to chase any ticket: one whose problem words
        # (as the rules found them, whatever word statistics made of the message) are not
        # the ticket's ("井盖开着 人呢" after the lift button) chases another problem, as
        # every join needs the words to agree.
        about = [t for t in mine if not duplicates.names_other_thing(read.told_rules, t, rules)]
    if read.guessed:
        # "402有人一直在哭 哭了一个多小时了" names a flat the parking ticket never had: a
        # possible danger of its own, not a chase of that ticket.
        # Nor is a child crying behind a door for an hour ("哭了一个多小时了 …敲门没人开") a chase
        # of the clutter reported in that stairwell: a situation told at length chases only a
        # ticket it shares words with; a chase is short ("都两个小时了 到底有没有人管"; day 51
        # R72).
        told_at_length = len(letters(text)) > GUESSED_CHASE_MAX_LETTERS
        about = [
            t
            for t in about
            if _place_is(understanding, t)
            and (not told_at_length or duplicates.follow_up_evidence(text, t, rules) > 0)
        ]
    if len(about) > 1:
        # "还没人来 我把总闸拉了 屋里漆黑 水还在流" of the leak paged an hour ago, not of the
        # child home alone (day 43 R87): the one its words name, when they name one.
        named = _followed_up(text, about, understanding, True, rules, now)
        about = named if len(named) == 1 else about
    return about


def _own_ticket_it_tells_of(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    read: _FollowUpRead,
    mine: list[Ticket],
    now: datetime,
) -> list[Ticket]:
    """The resident's own tickets the message tells of: asked after, added to, told again,
    progress of, or said over."""
    rules = community.policy.duplicates
    text = report.text
    # Something added to their ticket ("补充一下 积水就在2单元地下室楼梯口那 一脚踩下去没过鞋面",
    # read as a possible danger by its words) is about it as a question is (day 35 R10).
    about = _followed_up(text, mine, understanding, read.asked or read.added, rules, now)
    if not about and len(mine) == 1 and any(w in text for w in rules.own_pointer_words):
        # "我刚才问的放假的事 有人知道吗" of her "元旦社区服务站放几天假啊": what she asked
        # before, pointed at (day 64 R022)
        about = list(mine)
    said_again: list[Ticket] = []  # named by what they told on it since
    if not about and read.guessed and read.again:
        # "电体门还是关不牢 阿拉在一楼等了廿分钟了" read as a possible danger by word statistics
        # alone, while the rules name her own lift door reported this morning: her repair told
        # again, never word of the neighbour's trapped-lift page (day 26 R25).
        own = [t for t in mine if duplicates.names_same_thing(read.told_rules, t, rules)]
        plain = replace(understanding, emergency=False, emergency_level=None)
        about = _followed_up(text, own, plain, read.asked, rules, now)
        if not about:
            # "两点砸到现在还在砸 我已经打12345了" after her "下午两点又开始砸墙了" on the drilling
            # ticket: words of what she told on it since (day 30 R71), never the neighbour's
            # emergency next door.
            told_since = [
                t
                for t in mine
                if duplicates.letter_pairs_in(text, duplicates.told_on(t), rules)
                and not duplicates.distinct_things(text, t.text, rules)
            ]
            about = told_since if len(told_since) == 1 else []
            said_again = list(about)
    if not about and read.help_here:
        live = [t for t in mine if t.emergency]
        if len(live) == 1:
            about = live  # "医生来了 正在楼上看呢": help come to their one open danger
    if about and not (read.added or read.asked or read.chased or read.restored):
        # Told again with a weak word only (一直, 还, 又), no chase nor question: "王奶奶…敲门没人
        # 应 屋里电视一直开着", "电梯里的广告屏…一直循环放". Words of another problem are not the
        # resident's open ticket, whatever letter they share with it, as for a chase. An
        # emergency told again in new words ("120还没到 大爷还躺在地上") is still that emergency.
        about = [
            t
            for t in about
            if t.emergency
            or t in said_again
            or not duplicates.names_other_thing(read.told_rules, t, rules)
        ]
    still = any(w in text for w in (*rules.still_broken_words, *rules.ongoing_words))
    if not about and still and understanding.is_request and not understanding.emergency:
        # "11楼那个灯还是不亮" after her "11楼的楼道灯也坏了": still broken, of the one open
        # ticket of hers of its kind, whatever letters the two wordings share (day 28 R39).
        kind = [
            t
            for t in mine
            if t.subcategory == understanding.subcategory
            and not t.emergency
            and not duplicates.distinct_things(text, t.text, rules)
        ]
        about = kind if len(kind) == 1 else []
        # "楼上502还是没人 水越滴越多 …灯都不敢开" (read as a lamp) with her one open ticket, the
        # leak from 502: its own letters told again (水, 滴), no other thing (day 29 R52).
        # A question is never still broken: "楼上的别老往我家院子里扔烟头 昨天还扔下来个酒瓶子"
        # shares letters with the lift-vote question he joined, nothing more (day 44 R43).
        asked_only = bool(mine) and mine[0].category in community.words.answer_categories
        if not about and len(mine) == 1 and not mine[0].emergency and not asked_only:
            # (letters of place and time words such as 晚上 count for nothing: "对面工地晚上还在
            # 打桩" is not the lamp "外面那一排路灯…晚上遛狗", day 29 R78)
            letters = _letters_told_again(text, mine[0], rules)
            if len(letters) >= OWN_LETTERS_AGAIN and not duplicates.distinct_things(
                text, mine[0].text, rules
            ):
                about = mine
    progress = any(w in text for w in rules.progress_words)
    if (
        progress
        and not about
        and len(mine) == 1
        and not understanding.emergency
        and not (
            read.over and _ends_a_danger_not_hers(session, community, report, understanding, mine)
        )
    ):
        # "楼上那家人回来了 答应这周末找师傅来修": news of the work on their only open ticket,
        # naming no other problem, is about it (day 20 R29).
        # Read as no request, the thing it names is the one being repaired (修管子); read as
        # one, it must not name another problem. A word of the news itself (来修 in 找人来修)
        # names no problem.
        news = [w for w in rules.progress_words if w in text]
        words = tuple(k for k in understanding.rule_words if not any(k in w for w in news))
        place = route(community, understanding, report.group, report.text).place
        told = duplicates.Problem.of_report(place, replace(understanding, keywords=words), text)
        if not understanding.is_request or not duplicates.names_other_thing(told, mine[0], rules):
            about = mine
    if (
        read.restored
        and not about
        and len(mine) == 1
        and not mine[0].emergency
        and (
            any(w in text for w in rules.restored_thanks_words)
            or len(_letters_told_again(text, mine[0], rules)) >= OWN_LETTERS_AGAIN
        )
        and not duplicates.names_thing_not_in(text, mine[0].text, rules)
    ):
        # "撒了盐好多了 满意👍" naming nothing of her one open ticket, the icy ramp: fixed, told
        # with thanks, is news of it (day 40 R57); so is "车挪走了" of his one ticket, the van
        # blocking the door, by its own letters (车, 挪; day 41 R30)
        about = mine
    dangers = [t for t in mine if t.emergency]
    if read.over and len(about) != 1:
        # "消防灭了 纸箱子烧光了" names the clutter ticket and the fire alike; "电工来了 … 没事了"
        # names none: news that it is over is of the one among them it ends (day 18 R95, R77).
        ended = [t for t in (about or dangers) if says_over(community, t, text)]
        if len(ended) == 1:
            about = ended
    if read.over and not about and len(dangers) > 1:
        about = dangers  # "人出来了" naming none of their dangers: asked which, none closed
    if understanding.is_request and not (read.chased or read.asked):
        # "1102装修完了又换楼上麻将声" on the drilling ticket: another doing (`distinct_things`),
        # a request of its own (day 36 R71).
        about = [
            t for t in about if t.emergency or not duplicates.distinct_things(text, t.text, rules)
        ]
    return about


def _letters_told_again(text: str, ticket: Ticket, rules: DuplicateRules) -> set[str]:
    """The letters of the text, not filler nor of place and time words, that the ticket's words
    hold."""
    filler = set(rules.filler_chars)
    letters = {c for c in _without_generic(text, rules) if c.isalpha() and c not in filler}
    return letters & set(_without_generic(duplicates.told_on(ticket), rules))


def _told_on_own_ticket(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    read: _FollowUpRead,
    about: list[Ticket],
    now: datetime,
) -> Outcome:
    """What the resident told goes on their ticket (asked which, among several); danger told
    on a ticket of no danger raises it."""
    rules = community.policy.duplicates
    told_danger = understanding.emergency and understanding.emergency_level != POSSIBLE_EMERGENCY
    if (
        told_danger
        and not read.over
        and len(about) == 1
        and about[0].over_said_at is None
        and (
            (not about[0].emergency and raises_own_ticket(understanding, about[0], rules))
            or (
                _guessed_as_another_danger(understanding, about[0])
                # "120到了 王奶奶摔在卫生间 可能髋骨骨折": help is there; what they found is news
                # for the groups, never a second page (day 53 R90)
                and not any(w in report.text for w in rules.help_here_words)
            )
        )
    ):
        # "701的事有人去了吗 我刚敲门也没人应 里面好像有哼哼的声音" on the welfare visit
        # asked for this morning: danger now, read on its own words, never a chase to be
        # answered "请再耐心等一等" (day 23 R48).
        return danger_told_on_own_ticket(session, community, about[0], report, understanding, now)
    # Nothing new told: answered once a while. Over news is news ("找到了找到了" a minute
    # after the searching mother's lead).
    only_asks = (read.chased or read.asked) and not (read.again or read.over)
    return _own_follow_up_of(session, community, report, about, now, only_asks)


def _guessed_as_another_danger(understanding: Understanding, ticket: Ticket) -> bool:
    """A possible emergency that word statistics read as one kind (water from a flat whose family
    is away, "电话打不通", read as someone missing: day 36 R93) now told in full as a danger of
    another kind ("现在水从吊灯里往下流了 … 灯还亮着"): that danger is the ticket's."""
    return (
        ticket.emergency
        and ticket.emergency_level == POSSIBLE_EMERGENCY
        and understanding.subcategory != ticket.subcategory
    )


def _neighbours_ticket_followed(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    names_no_thing: bool,
    read: _FollowUpRead,
    own_all: list[Ticket],
    now: datetime,
) -> Outcome | None:
    """Another resident's ticket of the building the message asks after or says is over: it
    joins it (over news of a danger ends it). None when it names none of them, or several."""
    rules = community.policy.duplicates
    text = report.text
    if not (read.asked or read.chased or read.help_here):
        # Another resident telling a problem anew ("楼道灯又不亮了", a danger) is the duplicates
        # rule's: joined in its window, else its own ticket (or page). A neighbour chasing it
        # ("垃圾的事说了好几次了 到底有没有人管", day 17 R16) is word of the building's ticket
        # it names, whatever word statistics made of the chase.
        return None
    place = route(community, understanding, report.group, report.text).place
    if place.building is None:
        if read.over:
            # "老板把阀门关了 罐子搬走了 味道散了" in the owners' chat: the one danger told here
            # that it ends (day 31 R70).
            kinds = {
                kind
                for kind, words in rules.kind_over_words.items()
                if any(w in text and w not in rules.over_words for w in words)
            }
            ended = [
                t
                for t in _live_dangers(session, room_id=report.room_id, besides=own_all)
                if says_over(community, t, text) and not names_someone_else(text, t, rules)
            ]
            of_kind = [t for t in ended if t.subcategory in kinds]
            if not of_kind:
                # "我刚好路过 把娃拉上来了 …家长来了" in the owners' chat: the danger of that kind
                # paged anywhere in the compound within the join window (day 31 R75).
                since = now - timedelta(minutes=rules.emergency_join_minutes)
                of_kind = [
                    t
                    for t in _live_dangers(session, since=since)
                    if t.subcategory in kinds
                    and t not in own_all
                    and not names_someone_else(text, t, rules)
                ]
            ended = of_kind if len(of_kind) == 1 else ended
            if len(ended) == 1:
                return _told_over(community, get_ticket(session, ended[0].id), report, now)
        return None
    stmt = select(Ticket).where(Ticket.building == place.building, Ticket.state.in_(states.ACTIVE))
    since = now - community.policy.duplicate_window.span()
    told_hazards = duplicates.hazard_families(text, rules)
    theirs = [
        t
        for t in session.scalars(stmt.order_by(Ticket.id))
        if t not in own_all
        and (t.emergency or t.created_at >= since)
        and not (read.asks_new and t.category != understanding.category)
        # A chase of a repair ("电梯还没修好嘛 我今天要去医院复查") is not another kind of
        # danger of the building (the person trapped in the other lift, day 18 R29).
        and not (
            t.emergency
            and read.chased
            and not (read.asked or understanding.emergency or names_no_thing)
            and t.subcategory != understanding.subcategory
        )
        and _place_fits(understanding, t)
        # A guess of word statistics naming no danger ("都半个多小时了") chases a live danger
        # of the building only within the join window, unless it names it: "小宇妈妈在东门找了
        # 半个多小时了 …小宇下车以后就没见人" is no chase of the gas smell of five hours ago
        # (day 42 R65).
        and not (
            read.guessed
            and t.emergency
            and now - t.created_at > timedelta(minutes=rules.emergency_join_minutes)
            # (one pair of common letters, 来的, names nothing)
            and duplicates.follow_up_evidence(text, t, rules, over_names=False) < 2
        )
        # A danger asked about by another resident is only ever the same kind of danger: "有人
        # 晕倒了 有人去看了吗" is paged, whatever else of the building it shares words with.
        # Not a danger read by word statistics alone ("躺着的那个老头他家人扶回去了").
        and (
            not understanding.emergency
            or read.guessed
            or t.subcategory == understanding.subcategory
        )
        # Another household's matter is theirs, unless its room is named; a danger is all of
        # the building's.
        and (
            t.emergency
            or not duplicates.Problem.of_ticket(t).is_private(rules)
            or (t.room is not None and t.room in text)
        )
        # A neighbour's "猫找到了！在地下室躲着呢" names a thing the burst pipe in the basement
        # never did: no news of it (day 20 R86).
        and not (
            (read.over or read.asked)
            and duplicates.names_thing_not_in(
                text, " ".join([t.text, *(f.text for f in t.followers)]), rules
            )
        )
        # A neighbour's "火灭了就好" is news of a fire, never of the burst pipe next door (day 23
        # S10): words of another hazard (`hazard_families`) are no news of another's ticket (of
        # one's own, "不冒火花了" ends the burning smell one reported: day 18).
        and (
            _is_resident_of(t, report.reporter)
            or not duplicates.other_hazard(told_hazards, t, rules)
        )
    ]
    # A neighbour's "没事了" says something is over, not which emergency: the over words name
    # none of theirs; the only emergency of the building whose over words they are, unless the
    # message names someone that ticket never did ("王奶奶女儿来开门了 … 没事了").
    about = _followed_up(text, theirs, understanding, read.asked, rules, now, over_names=False)
    if read.chased and not read.asked:
        # A chase naming another thing ("楼道灯的事到底有没有人管") is not the garbage ticket,
        # whatever chase words it shares with those who joined it.
        told = duplicates.Problem.of_report(
            place, replace(understanding, keywords=understanding.rule_words), text
        )
        about = [t for t in about if not duplicates.names_other_thing(told, t, rules)]
    if read.over and not (len(about) == 1 and about[0].emergency):
        # "是301家 锅烧干了 … 火关了 人没事" names the flat of the care ticket 1号楼301 as much as
        # the fire: over news is of the one live emergency it ends (day 19 R89).
        ended = [t for t in theirs if t.emergency and says_over(community, t, text)]
        among = [t for t in ended if t in about]
        ended = among if len(among) == 1 else ended
        # "是302炖肉烧干锅了 … 虚惊一场": the one of the hazard it names (day 29 R76).
        of_hazard = [t for t in ended if told_hazards & duplicates.hazard_families(t.text, rules)]
        ended = of_hazard if len(of_hazard) == 1 else ended
        named = people_named(text, current_config())
        if len(ended) == 1 and all(n in ended[0].text for n in named):
            about = ended
    if len(about) != 1 or names_someone_else(text, about[0], rules):
        return None
    if read.over and about[0].emergency and says_over(community, about[0], text):
        # "他儿子接回去了 大家别找了" from a neighbour: over news of that emergency all the same.
        ticket = get_ticket(session, about[0].id)
        return _told_over(community, ticket, report, now) if ticket.state in states.ACTIVE else None
    if (
        (read.over or read.said_of_a_kind)
        and not (read.chased or read.help_here or any(q in text for q in QUESTION_MARKS))
        and not says_over(community, about[0], text)
    ):
        # "毛毛找到了！在6号楼车库里躲着" names the garage of the battery fire, but ends
        # nothing of it: news of another matter, never a follower of the fire (day 31 R78).
        return None
    if read.help_here and about[0].emergency and not read.chased:
        # "消防车到了 楼道里的烟散了一些" from a neighbour: news for those handling the fire
        # (day 38 S116)
        return _news_of_live_danger(session, community, about[0], report, now)
    return _join(session, about[0], report, understanding, community, now, read.asked)


def _news_of_live_danger(
    session: Session, community: Community, ticket: Ticket, report: Report, now: datetime
) -> Outcome | None:
    """A neighbour joins a live emergency with news of it: thanked, and those on it hear it."""
    followed = _follow(session, ticket, report, None, community, now, advise=False)
    if followed is None:
        return None
    ticket = followed.ticket
    resident = (Mention(report.reporter.id, report.reporter.name),)
    notices = [Notice(messages.news_to_resident(ticket), room_id=report.room_id, mentions=resident)]
    if ticket.assigned_group:
        said = _note(report.text[:MAX_NOTE_CHARS]) or ""
        in_group = messages.follow_up_in_group(ticket, report.reporter.name, said)
        notices.append(Notice(in_group, group=ticket.assigned_group))
    return Outcome(ticket, notices)


def place_added_to_own_ticket(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    now: datetime,
) -> Outcome | None:
    """ "补充一下 我家是2单元402", "是一单元那部": a message telling only where (a unit or a flat,
    no request), within `place_added_minutes` of the resident's latest ticket from this chat
    that did not say it: the place goes on that ticket and its group is told where, never a
    silence nor a ticket of its own (day 32 R12, R19). None when no such ticket fits."""
    if understanding.is_request or (understanding.unit is None and understanding.room is None):
        return None
    since = now - timedelta(minutes=community.policy.duplicates.place_added_minutes)
    mine = [
        t
        for t in my_open_tickets(session, report.reporter)
        if t.reporter_id == report.reporter.id
        and t.source_room_id == report.room_id
        and t.created_at >= since
    ]
    if not mine:
        return None
    ticket = max(mine, key=lambda t: t.created_at)
    # Only where: little is left besides the place and the words of the ticket itself ("是的我也
    # 闻到了 二单元上楼一股味" tells a smell, day 33 R70; "我婆婆住301 就是一单元那个灯" after
    # her ticket on the stair light of 我婆婆, day 33 R36)
    spans = extract_place(report.text).spans
    left = [
        c
        for i, c in enumerate(report.text)
        if c.isalnum() and c not in ticket.text and not any(a <= i < b for a, b in spans)
    ]
    if len(left) > community.policy.duplicates.place_only_chars:
        return None
    building = route(community, understanding, report.group, report.text).place.building
    unit = understanding.unit or ticket.unit
    room = understanding.room or ticket.room
    if (
        (building is not None and ticket.building is not None and building != ticket.building)
        or (ticket.unit is not None and unit != ticket.unit)
        or (ticket.room is not None and room != ticket.room)
        or (unit, room) == (ticket.unit, ticket.room)  # nothing new
    ):
        return None
    ticket.building = ticket.building or building
    ticket.unit, ticket.room = unit, room
    where = messages.place_of(ticket).label()
    _record(ticket, "place_given", report.reporter, now, where)
    outcome = resident_follow_up(
        ticket,
        report.reporter,
        report.room_id,
        report.text,
        now,
        reply=messages.place_added_to_resident,
        in_group=messages.place_added_in_group,
    )
    if ticket.emergency:
        # everyone the page reached hears where it is (the duty person on the way)
        said = _note(report.text[:MAX_NOTE_CHARS]) or ""
        text = messages.place_added_in_group(ticket, report.reporter.name, said)
        outcome.notices.extend(_to_alerted_above(community, ticket, text))
    return outcome


def _place_fits(understanding: Understanding, ticket: Ticket, text: str = "") -> bool:
    """No place the message names contradicts the ticket's: "3单元的灯什么时候来修" is not about
    the lamp of 2单元. A flat the ticket's own words named is no other place: "楼上402的人回来了"
    is news of the leak 302 reported as coming from 402 (day 24 R79); nor is one's own flat told
    beside the ticket's (`text`: "我是6号楼1单元502的 楼上就是602 水还在往下滴" of the leak
    from 602, day 33 R22)."""
    said = (understanding.building, understanding.unit, understanding.room)
    room_told = understanding.room is not None and (
        understanding.room in ticket.text
        or (ticket.room is not None and _names_flat(text, ticket.room))
    )
    return not any(
        new is not None and old is not None and new != old and not (field == "room" and room_told)
        for field, new, old in zip(
            ("building", "unit", "room"),
            said,
            (ticket.building, ticket.unit, ticket.room),
            strict=True,
        )
    )


def _names_flat(text: str, room: str) -> bool:
    """`text` names flat `room` as a number of its own (602, not in 1602 nor 6021)."""
    return re.search(rf"(?<!\d){re.escape(room)}(?!\d)", text) is not None


def _place_is(understanding: Understanding, ticket: Ticket) -> bool:
    """Every place the message names (building, unit, flat) is the ticket's own."""
    said = (understanding.building, understanding.unit, understanding.room)
    return all(
        new is None or new == old
        for new, old in zip(said, (ticket.building, ticket.unit, ticket.room), strict=True)
    )


def _of_its_kind(ticket: Ticket, text: str, rules: DuplicateRules) -> bool:
    """An open emergency whose kind words (`kind_words`: 找到 of someone missing) the text holds."""
    kind = rules.kind_words.get(ticket.subcategory or "", ())
    return ticket.emergency and any(w in text for w in kind)


def _followed_up(
    text: str,
    tickets: list[Ticket],
    understanding: Understanding,
    asked: bool,
    rules: DuplicateRules,
    now: datetime,
    over_names: bool = True,
) -> list[Ticket]:
    """The tickets a follow-up names best (duplicates.follow_up_evidence; a room number named
    counts). A danger told again ("树枝还吊着呢"), or anything told of an emergency, is about
    it only when it asks, says it is still there (`ongoing_words`), or comes within the
    emergency join window: "又着火了" the next day is a new fire, "电梯又停了 这回里面没人" is
    not the child trapped yesterday. One shared letter never names a ticket (停车位
    is not the 车库 barrier)."""
    live = timedelta(minutes=rules.emergency_join_minutes)
    # Help there now ("医生来了 正在楼上看呢") is news of the danger still going on.
    ongoing = any(w in text for w in (*rules.ongoing_words, *rules.help_here_words))

    def may(t: Ticket) -> bool:
        if asked or not (understanding.emergency or t.emergency):
            return True
        return t.emergency and (ongoing or now - t.created_at <= live)

    candidates = [t for t in tickets if may(t)]
    scores = {
        t.id: duplicates.follow_up_evidence(text, t, rules, over_names)
        + (1 if t.room is not None and t.room in text else 0)
        for t in candidates
    }
    top = max(scores.values(), default=0)
    best = [t for t in candidates if scores[t.id] == top] if top > 0 else []
    # "电梯终于有人来修了吗" names the lift more than the window both share 人来 with.
    alike = [t for t in best if t.subcategory == understanding.subcategory]
    if len(best) > 1 and len(alike) == 1:
        return alike
    if len(best) > 1 and all(t.emergency for t in best):
        # Two dangers of one kind ("楼道烟还没散"): the latest, which is still going on.
        return [max(best, key=lambda t: t.created_at)]
    return best


def _live_dangers(
    session: Session,
    since: datetime | None = None,
    room_id: str | None = None,
    besides: list[Ticket] | None = None,
) -> list[Ticket]:
    """The emergencies still open and not said to be over: reported since then, in this chat,
    other than these (each where given)."""
    stmt = select(Ticket).where(
        Ticket.emergency.is_(True),
        Ticket.state.in_(states.ACTIVE),
        Ticket.over_said_at.is_(None),
    )
    if since is not None:
        stmt = stmt.where(Ticket.created_at >= since)
    if room_id is not None:
        stmt = stmt.where(Ticket.source_room_id == room_id)
    if besides:
        stmt = stmt.where(Ticket.id.notin_([t.id for t in besides]))
    return list(session.scalars(stmt.order_by(Ticket.id)))


def _without_generic(text: str, rules: DuplicateRules) -> str:
    """The text with its `generic_words` (place and time words: 晚上, 楼上) blanked out."""
    for word in sorted(rules.generic_words, key=len, reverse=True):
        text = text.replace(word, " ")
    return text


def _own_follow_up_of(
    session: Session,
    community: Community,
    report: Report,
    about: list[Ticket],
    now: datetime,
    chased: bool = False,
) -> Outcome:
    if len(about) == 1:
        return own_follow_up(session, about[0], report, community, now, chased=chased)
    mention = (Mention(report.reporter.id, report.reporter.name),)
    text = messages.which_own_ticket(about)
    return Outcome(about[0], [Notice(text, room_id=report.room_id, mentions=mention)])


def _in_room(ticket: Ticket, actor: Actor, room_id: str) -> bool:
    if ticket.reporter_id == actor.id and ticket.source_room_id == room_id:
        return True
    return any(f.person_id == actor.id and f.room_id == room_id for f in ticket.followers)


def word_of_shared_place_danger(
    session: Session, community: Community, report: Report, now: datetime, me_too: bool = False
) -> Outcome | None:
    """ "车库入口进水了 物业在堆沙袋 但是挡不住啊" read as no request, ten minutes after the garage
    flood was paged (day 43 R80): a message naming a place of the whole compound and the hazard
    of an open emergency told there within the join window is word of it, for those handling
    it (duplicates.shared_place_danger), never silence; with `me_too` (a "我也…" word), naming
    the place is enough when one danger was told there. None otherwise."""
    if not (me_too or duplicates.danger_place_rows(report.text, community.policy.duplicates)):
        return None  # chatter costs no query
    told = duplicates.Problem(Place(None, None, None), "", None, False, report.text, "", ())
    live = duplicates.shared_place_danger(session, community, told, None, now)
    if live is None and me_too:
        # "我也听见了 车库那边喇叭一直在响": a witness of the one danger told there, whatever
        # words it is told in (day 64 R089)
        live = duplicates.one_danger_told_at(session, community, report.text, now)
    if live is None or tells_over(community, report.text):
        return None
    theirs = _is_resident_of(live, report.reporter)  # own_follow_up tells the group
    followed = _follow(session, live, report, None, community, now)
    if followed is not None and live.assigned_group and not theirs:
        said = _note(report.text[:MAX_NOTE_CHARS]) or ""
        in_group = messages.follow_up_in_group(live, report.reporter.name, said)
        followed.notices.append(Notice(in_group, group=live.assigned_group))
    return followed


def join_live_emergency(
    session: Session,
    community: Community,
    report: Report,
    now: datetime,
    guessed: bool = False,
    understanding: Understanding | None = None,
) -> Outcome | None:
    """ "我也闻到了 四楼味道最大" read as no request on its own: with a "我也…" word, and one
    emergency of the resident's building reported in the last `me_too_minutes`, it is a second
    witness of that emergency.

    `guessed`: a possible emergency read from word statistics alone, naming no danger ("刚才好像
    看见一个穿蓝校服的小孩往超市那边走了" after the missing boy's page). With an emergency of
    the building reported within `emergency_join_minutes`, it is word of that one (a note to
    those on it, no new page): the one its words name (follow_up_evidence), else the only one."""
    rules = community.policy.duplicates
    number = report.group.building if report.group else None
    # A witness at the scene or a 补充 (`witness_words`, `addition_words`, day 19 R100, R48, R97):
    # word of the live emergency its words name (or of its kind), however it was read.
    witness = any(w in report.text for w in rules.witness_words) or report.text.lstrip().startswith(
        rules.addition_words
    )
    if understanding is not None and not witness:
        return None
    if not (guessed or witness or any(w in report.text for w in rules.me_too_words)):
        return None
    minutes = rules.emergency_join_minutes if guessed or witness else rules.me_too_minutes
    if number is None:
        minutes = min(minutes, rules.owners_chat_join_minutes)
    # In a chat of no building (the owners' chat), the emergencies of no building told in it:
    # "我的车就停在B2-068 水都到轮胎一半了" under the garage flood (day 28 R03).
    place = (
        Ticket.building == str(number)  # stored as text, as routing writes it
        if number is not None
        else (Ticket.building.is_(None) & (Ticket.source_room_id == report.room_id))
    )
    stmt = select(Ticket).where(
        place,
        Ticket.emergency.is_(True),
        Ticket.state.in_(states.ACTIVE),
        Ticket.created_at >= now - timedelta(minutes=minutes),
    )
    live = list(session.scalars(stmt))
    if guessed:
        # "3号楼和2号楼中间的大树 有根大树枝裂开了" five minutes after the writer's own fight page
        # names a thing the fight never had: a danger of its own (as more_of_own_live_danger
        # reads the reporter's words)
        live = [
            t
            for t in live
            if not (
                _is_resident_of(t, report.reporter)
                and duplicates.names_thing_not_in(report.text, duplicates.told_on(t), rules)
            )
        ]
    if guessed and len(live) > 1:
        live = [t for t in live if duplicates.follow_up_evidence(report.text, t, rules) > 0]
    if understanding is not None:
        # A request read from the words (a new danger, "物业电话打不通"): of the emergency its
        # words name or of its kind only.
        live = [
            t
            for t in live
            if duplicates.follow_up_evidence(report.text, t, rules) > 0
            or (understanding.emergency and t.subcategory == understanding.subcategory)
        ]
        if understanding.emergency and understanding.emergency_level != POSSIBLE_EMERGENCY:
            # A danger read in full, of another kind, at a thing the live one never named ("电梯
            # 里关着人 我听见里面在拍门喊救命" while the tree on the wires is paged), is a page of
            # its own (day 37 R35).
            live = [
                t
                for t in live
                if t.subcategory == understanding.subcategory
                or not duplicates.names_thing_not_in(
                    report.text, " ".join([t.text, *(f.text for f in t.followers)]), rules
                )
            ]
        guessed = True
    if len(live) != 1:
        return None
    latest = None if guessed else latest_report_since(session, report.room_id, live[0].created_at)
    if (
        latest is not None
        and latest.id != live[0].id
        and duplicates.follow_up_evidence(report.text, live[0], rules) == 0
    ):
        # "+1 我家就在广场边上" right after the square-dance complaint, reported in this chat
        # since the emergency: a second voice of what was just said, not a witness of the
        # danger (day 18 R53).
        if latest.emergency or latest.state not in states.ACTIVE:
            return None
        return _follow(session, latest, report, None, community, now)
    bare = report.text.strip(" ！!。，,~～") in rules.me_too_words
    if bare and live[0].subcategory in rules.bare_me_too_not_for:
        return None  # "+1" has not seen a missing person
    theirs = _is_resident_of(live[0], report.reporter)  # own_follow_up tells the group
    # A witness at the scene may be in the danger too (我也闻到了 二楼都能闻见): advised as any.
    followed = _follow(session, live[0], report, None, community, now)
    if (
        (guessed or witness)
        and followed is not None
        and not theirs
        and followed.ticket.subcategory in rules.lead_kinds
    ):
        # "我刚在东门看到一个穿红衣服背蓝书包的小男孩": a lead for all those searching, who were
        # all alerted; the witness is thanked, not asked whether it is the same matter.
        return _lead(community, followed.ticket, report)
    if (
        (guessed or witness)
        and followed is not None
        and followed.ticket.assigned_group
        and not theirs
    ):
        # Those on it hear the word (a sighting of the missing boy is for the searchers).
        said = _note(report.text[:MAX_NOTE_CHARS]) or ""
        in_group = messages.follow_up_in_group(followed.ticket, report.reporter.name, said)
        followed.notices.append(Notice(in_group, group=followed.ticket.assigned_group))
    return followed


def news_of_own_search(
    session: Session, community: Community, report: Report, now: datetime
) -> Outcome | None:
    """ "小区门口保安说没看到他出去" read as no request, from the reporter of someone missing (a
    `lead_kinds` emergency) in the chat they told it, within the join window and not said to be
    over: what they learned is for everyone searching (a lead), never silence (day 28 R44). A
    thanks is not news. None otherwise."""
    rules = community.policy.duplicates
    text = report.text.strip()
    if len(text) < SEARCH_NEWS_MIN_CHARS or community.words.is_thanks(text):
        return None
    if any(w in text for w in (*rules.follow_up_words, *rules.chase_words)):
        # "302老王太太咋样了 有信儿没": a question asks, it tells the searchers nothing (day 63
        # R84, asked after a neighbour taken to hospital)
        return None
    live = timedelta(minutes=rules.emergency_join_minutes)
    searches = [
        t
        for t in my_open_tickets(session, report.reporter)
        if t.state in states.ACTIVE
        and t.emergency
        and t.subcategory in rules.lead_kinds
        and t.over_said_at is None
        and t.reporter_id == report.reporter.id
        and t.source_room_id == report.room_id
        and now - t.created_at <= live
    ]
    if len(searches) != 1:
        return None
    ticket = get_ticket(session, searches[0].id)
    if _said_lately(ticket, report, now):
        return Outcome(ticket, [])
    _record(ticket, "resident_note", report.reporter, now, _note(report.text[:MAX_NOTE_CHARS]))
    return _lead(community, ticket, report, own=True)


# A message with one of these asks something.
QUESTION_MARKS = ("吗", "?", "？")

# Letters (no filler) a resident's "still" message shares with their one open ticket to be
# about it, whatever word statistics read it as ("水越滴越多" of "卫生间顶上一直往下滴").
OWN_LETTERS_AGAIN = 2


def sighting_of_search(
    session: Session, community: Community, report: Report, now: datetime, pointed: bool = False
) -> Outcome | None:
    """ "张大妈家老爷子我刚在东门菜市场那边看见了 往北走了" read as no request: someone seen
    (`sighting_words`), naming a search paged within the join window (its reporter's name, its
    building, its words, or the person searched for as such: `searched_words`) and not said to
    be over, is a lead for everyone searching, and the witness is thanked (day 30 R77). None
    otherwise. `pointed`: read as a new missing person, it must point at the one searched for
    (`searched_pointers`: "看见3号楼走丢的那个大爷了")."""
    rules = community.policy.duplicates
    seen = any(w in report.text for w in rules.sighting_words)
    worn = any(w in report.text for w in rules.worn_sighting_words)
    if not (seen or worn):
        return None
    pointer = any(w in report.text for w in rules.searched_pointers)
    searched = any(w in report.text for w in rules.searched_words)
    since = now - timedelta(minutes=rules.emergency_join_minutes)
    # A chat of another building speaks of its own people (day 17: "好像在菜市场门口看到一个背书包
    # 的男孩" in building 1's chat is not the boy missing from building 6), unless it names the
    # family searching; the owners' chat is the whole compound's.
    here = report.group.building if report.group else None
    # ... or the building searched from ("3号楼那个老爷子我刚在东门看见了" in the owners' chat,
    # day 35 R93)
    told_building = extract_place(report.text).building if here is None else None
    named = [
        t
        for t in _live_dangers(session)
        if t.subcategory in rules.lead_kinds
        # told of within the join window: reported, or made a search by its resident's words
        # since (the grandfather with dementia, gone out for two hours; day 44 R45)
        and duplicates.last_told_at(t) >= since
        and t.reporter_id != report.reporter.id
        # read as a new missing person or a request of its own, it must point at the one
        # searched for: "看见3号楼走丢的那个大爷了", "5号楼何家孩子是不是戴眼镜的 我刚在菜场门口
        # 看见一个小孩在看人放鞭炮" (read as a noise complaint; day 39 R31)
        and (
            not pointed
            or pointer
            or _names_searching_family(report.text, t, rules)
            or _names_the_one_searched(report.text, t, rules)
            # (dressed alike, not the search told again: "3号楼有个小孩走丢了 4岁 黄雨衣")
            or (seen and not searched and duplicates.wears_the_same_colour(report.text, t, rules))
        )
        # "有个穿红棉袄的小男孩在哭" is a sighting of the boy in a red coat only (day 41 R62)
        and (seen or duplicates.wears_the_same(report.text, t, rules))
        # "谁看到我家小泰迪了 棕色的 叫豆豆": a pet the search never named is no lead of a
        # missing person (day 40 R36)
        and not (
            any(w in report.text for w in rules.pet_words)
            and not any(w in t.text for w in rules.pet_words)
        )
        and (
            t.reporter_name in report.text
            or _names_searching_family(report.text, t, rules)
            or (told_building is not None and told_building == t.building)
            # ... or dressed as the one searched for, from any chat ("刚才在东门超市门口看到个穿
            # 红羽绒服的小男孩" in 1号楼's chat, the boy in a red down jacket searched for from
            # 6号楼: day 58 R45), never the search told again ("3号楼有个小孩走丢了 4岁 黄雨衣")
            or (seen and duplicates.wears_the_same_colour(report.text, t, rules))
            or (
                # ... unless the search was told to the whole compound, in the owners' chat (the
                # blue cap of the grandfather searched for from 3号楼, seen by a neighbour of
                # 1号楼: day 38 R045)
                (here is None or str(here) == t.building or _told_compound_wide(community, t))
                and (searched or duplicates.follow_up_evidence(report.text, t, rules) > 0)
            )
        )
    ]
    if len(named) != 1:
        return None
    ticket = get_ticket(session, named[0].id)
    _record(ticket, "resident_note", report.reporter, now, _note(report.text[:MAX_NOTE_CHARS]))
    return _lead(community, ticket, report)


# A doubled letter right before a word saying someone is found or back ("豆豆找到了"): a name.
_PET_NAME = re.compile(r"([\u4e00-\u9fff])\1(?=找到|找着|回来|回家|到家|自己回|已经|没事)")


def names_someone_else(text: str, ticket: Ticket, rules: DuplicateRules) -> bool:
    """The text says someone is found or back by a pet name the ticket and its followers never
    named (`not_pet_names` are no names): "豆豆找到了 躲在3号楼车棚里" is a dog, never the
    missing old man (day 40 R61)."""
    told = " ".join([ticket.text, *(f.text for f in ticket.followers)])
    return any(
        (name := m.group(0)) not in rules.not_pet_names and name not in told
        for m in _PET_NAME.finditer(text)
    )


def _family_word_after(text: str, surnames: Iterable[str], rules: DuplicateRules) -> bool:
    """One of `surnames` followed by a word of `family_names` ("何家", "郭大爷") in `text`."""
    return any(f"{c}{word}" in text for c in surnames for word in rules.family_names)


def _names_searching_family(text: str, ticket: Ticket, rules: DuplicateRules) -> bool:
    """ "何家孩子", "林大爷": the family of the one who reported the search (何女士, 小林), by
    surname and a word of `family_names`."""
    # "赵婶家孙子是不是穿红棉袄的" (day 62 R64): the reporter's own name and 家
    if ticket.reporter_name and f"{ticket.reporter_name}家" in text:
        return True
    surnames = set(current_config().surnames)
    return _family_word_after(text, (c for c in ticket.reporter_name or "" if c in surnames), rules)


def _names_the_one_searched(text: str, ticket: Ticket, rules: DuplicateRules) -> bool:
    """ "老郭头往东门那边去了" of the search for "郭大爷": the one searched for, named by the
    surname their page gives them (a surname and a word of `family_names`), with 老 before it or
    a word of `family_names` after it."""
    named = [
        c
        for c in current_config().surnames
        if c in text and _family_word_after(ticket.text, (c,), rules)
    ]
    return any(f"老{c}" in text or _family_word_after(text, (c,), rules) for c in named)


def _told_compound_wide(community: Community, ticket: Ticket) -> bool:
    """The ticket was reported in a residents' chat of no building (the owners' chat)."""
    source = community.group(ticket.source_room_id) if ticket.source_room_id else None
    return source is not None and source.building is None and not source.is_staff_group


# Shorter than this, a message of the searching parent says nothing to pass on ("嗯", "好").
SEARCH_NEWS_MIN_CHARS = 5


def _lead(community: Community, ticket: Ticket, report: Report, own: bool = False) -> Outcome:
    """A witness's lead on a live emergency (`lead_kinds`), or what its reporter adds (`own`):
    every group and duty person the alert reached hears it; the witness is thanked, the
    reporter told it was passed on."""
    resident = (Mention(report.reporter.id, report.reporter.name),)
    said = _note(report.text[:MAX_NOTE_CHARS]) or ""
    text = messages.lead_to_alerted(ticket, report.reporter.name, said)
    told = messages.own_lead_to_reporter(ticket) if own else messages.lead_to_witness(ticket)
    notices = [Notice(told, room_id=report.room_id, mentions=resident)]
    if not own and ticket.source_room_id and ticket.reporter_id:
        # The family searching hears it too, first of all (day 54 R86).
        family = (Mention(ticket.reporter_id, ticket.reporter_name or ""),)
        to_family = messages.lead_to_searching_family(report.reporter.name, said)
        notices.append(Notice(to_family, room_id=ticket.source_room_id, mentions=family))
    group = community.group(ticket.assigned_group) if ticket.assigned_group else None
    if group is None:
        return Outcome(ticket, notices)
    above, duty_apart = _alerted(community, group)
    notices.extend(Notice(text, group=g.name) for g, _ in above)
    notices.extend(Notice(text, room_id=direct_room(p)) for p in duty_apart)
    return Outcome(ticket, notices)


def emergency_getting_worse(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    now: datetime,
) -> Outcome | None:
    """ "煤气那个 没人管吗 味道更大了": a message saying it is getting worse (`worse_words`) about
    an emergency of its building still open (the same problem: duplicates.same_problem, as if
    it were an emergency too) is added to that ticket and the duty staff are alerted again at
    once, at any hour; the writer is told so, with the advice. Symptoms of the person in
    danger (`symptom_words`: "里面很闷 喘不上气" of a man trapped in the lift) are worse news of
    an emergency they name, told by its reporter or in its chat within the join window; never a
    new 急病. None otherwise."""
    rules = community.policy.duplicates
    worse = says_worse(report.text, rules)
    symptom = tells_symptoms(report.text, rules)
    if not worse and not symptom:
        return None
    place = route(community, understanding, report.group, report.text).place
    if understanding.room is not None and any(
        t.room == understanding.room and t.state in states.ACTIVE
        for t in my_open_tickets(session, report.reporter)
        if _in_room(t, report.reporter, report.room_id)
    ):
        # "风越来越大了 我家那扇窗户玻璃框子都松了 晃得厉害 1202的": her own flat's ticket first,
        # never worse news of the roof tiles paged from the building (day 30 R46).
        return None
    said = duplicates.Problem(
        place,
        understanding.category,
        understanding.subcategory,
        True,
        report.text,
        understanding.summary,
        (*understanding.keywords, *duplicates.row_words_in(report.text, rules)),
    )
    # With no building told (the garage, the square), only an emergency of no building the
    # writer reported or follows: "水更大了 已经淹到排气管了" of their garage flood (day 53 R52)
    nowhere = place.building is None
    stmt = select(Ticket).where(
        Ticket.building.is_(None) if nowhere else Ticket.building == place.building,
        Ticket.emergency.is_(True),
        Ticket.state.in_(states.ACTIVE),
    )
    # Its own reporter's words need only name it, as any follow-up of theirs (chase_own_ticket):
    # "门撬开了 老太太晕在厨房" after "隔壁独居的老太太敲门一直不应". Not a danger said to be
    # over, nor one of another hazard: "楼道里有人躺在地上 叫不醒" after the old lady of 302 was
    # taken away, sparks in a meter box after the garage fire is out, are pages of their own
    # (day 21 R83, R64).
    hazards = duplicates.hazard_families(report.text, rules)
    live = [
        t
        for t in session.scalars(stmt.order_by(Ticket.id.desc()))
        if (not nowhere or _is_resident_of(t, report.reporter))
        and duplicates.may_be_news_of(hazards, t, rules)
        # "我一个人在家 心口发慌 喘不上气 …2单元203" is a danger of that flat, never worse news
        # of the man short of breath in 1单元601 (day 26 R81): a place of its own is its own page.
        and (_is_resident_of(t, report.reporter) or _place_fits(understanding, t))
        and (
            _is_resident_of(t, report.reporter)
            or not duplicates.at_another_place(report.text, t.text, rules)
        )
        # A danger of another kind told in full by a neighbour is a page of its own: "两个装修队
        # 为了抢电梯打起来了 …有人头都破了" is no news of the man shut in the lift (day 30 R78).
        and (
            _is_resident_of(t, report.reporter)
            or understanding.emergency_level != EMERGENCY
            or t.emergency_level == POSSIBLE_EMERGENCY  # "要动手了" become "打起来了" (day 18)
            or understanding.subcategory == t.subcategory
            # one hazard, told as another kind: water reaching the garage after the burst main
            or bool(hazards & duplicates.hazard_families(t.text, rules))
        )
        and (
            (
                worse
                and duplicates.same_problem(said, duplicates.Problem.of_ticket(t), rules)
                and _names_page_if_old(report.text, t, now, rules)
            )
            or (
                _may_tell_worse(t, report, now, rules, worse, symptom)
                and duplicates.follow_up_evidence(report.text, t, rules) > 0
            )
            # "还是没动静 从猫眼看好像有人躺地上" from the neighbour who paged the thud behind the
            # door: told as still going on, worse news of hers (day 58 R63)
            or (
                worse
                and _is_resident_of(t, report.reporter)
                and report.text.lstrip().startswith(tuple(rules.ongoing_words))
            )
        )
    ]
    if not live and worse:
        live = _own_live_danger(session, report, understanding, place, stmt, now, rules)
    if not live:
        return None
    # "煤气味还在 比刚才更浓了" with the gas leak and a lift rescue open in the building: the one
    # of its hazard, else the writer's own, before the latest (day 24 R37).
    of_hazard = [t for t in live if hazards & duplicates.hazard_families(t.text, rules)]
    own = [t for t in live if _is_resident_of(t, report.reporter)]
    # ... and of those, the one whose own words it names: "电动车那个又冒烟了" is the e-bike's page,
    # not the lawn fire its writer added to since.
    pool = of_hazard or own or live
    told = _without_worse_words(report.text, rules)
    ticket = max(pool, key=lambda t: len(duplicates.shared_words_of(told, t, rules)))
    ticket = get_ticket(session, ticket.id)
    if _said_lately(ticket, report, now):
        return Outcome(ticket, [])  # the same words again: paged once an hour, not per copy
    _record(ticket, "resident_note", report.reporter, now, _note(report.text[:MAX_NOTE_CHARS]))
    # The advice for what is told now: "敲开了 老太太摔在卫生间地上起不来" needs "do not move
    # her", no longer "the door does not open" (day 21 R26).
    return _alerted_again(community, ticket, report, messages.worse_to_resident(ticket))


def _names_page_if_old(text: str, ticket: Ticket, now: datetime, rules: DuplicateRules) -> bool:
    """Worse news of a page older than the join window names something of it: "3号楼门口垃圾桶
    烧起来了 火越烧越大" four hours after the e-bike smoking in the stairwell, which nobody said
    over, is a fire of its own (day 39 leftover): words of the page itself, not of its kind
    (着火 names every fire); "电动车那个 烟越来越大了" is still that page."""
    if now - ticket.created_at <= timedelta(minutes=rules.emergency_join_minutes):
        return True
    return bool(duplicates.shared_words_of(_without_worse_words(text, rules), ticket, rules))


def _without_worse_words(text: str, rules: DuplicateRules) -> str:
    """The text without its `worse_words` (越来越大 names how it goes, not which danger)."""
    for word in rules.worse_words:
        text = text.replace(word, " ")
    return text


def more_of_own_live_danger(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    names_no_thing: bool,
    now: datetime,
) -> Outcome | None:
    """ "120已经打了 我们先没敢挪他 有没有懂急救的" five minutes after the same resident's "楼梯口
    有个老人摔倒了 头在流血": read as an emergency naming no danger of its own (no subcategory
    beyond the default, no hazard the live one lacks, no thing it never named), from the reporter
    of the one danger paged from this chat within the join window: more of that danger, on it
    for those handling it, never a second page (day 38 R053). None otherwise."""
    rules = community.policy.duplicates
    # "是5单元的老高 家里没人 谁有他儿子电话" ten minutes after her "门口有个老爷子摔倒了": who
    # the person in danger is and who their family are, never a request of its own (day 58 R32)
    of_the_person = not understanding.emergency and any(
        w in report.text for w in rules.person_told_words
    )
    if not (understanding.emergency or of_the_person):
        return None
    since = now - timedelta(minutes=rules.emergency_join_minutes)
    own = [
        t
        for t in my_open_tickets(session, report.reporter)
        if t.emergency
        and (not of_the_person or t.subcategory in rules.person_in_danger)
        and t.state in states.ACTIVE
        and t.over_said_at is None
        and t.created_at >= since
        and _in_room(t, report.reporter, report.room_id)
    ]
    if len(own) != 1:
        return None
    # "我给他盖了件大衣 他说腿动不了" five minutes after his "…有个大爷摔倒了 躺地上好一会了": the
    # same danger of the same person, told with no place and no one new (day 59 R33)
    same_kind = (
        understanding.subcategory == own[0].subcategory
        and understanding.building is None
        and understanding.unit is None
        and understanding.room is None  # "3单元502隔壁独居的王奶奶家…" is another door (day 35)
        and not any(w in report.text for w in rules.another_one_words)
    )
    if not (names_no_thing or of_the_person or same_kind):
        return None
    hazards = duplicates.hazard_families(report.text, rules)
    # "还是没动静 从猫眼看好像有人躺地上" ten minutes after her "对门王奶奶…喊她也不应": opened as
    # still going on, what it names is what she now sees of the same danger (day 58 R63)
    still = report.text.lstrip().startswith(tuple(rules.ongoing_words)) or of_the_person
    if not duplicates.may_be_news_of(hazards, own[0], rules) or (
        not still and duplicates.names_thing_not_in(report.text, own[0].text, rules)
    ):
        return None
    return own_follow_up(session, own[0], report, community, now)


def _ends_a_danger_not_hers(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    mine: list[Ticket],
) -> bool:
    """The message says an open danger of the writer's building is over, one that is not hers:
    "物业来人把总阀关了 水停了" is news of the burst pipe paged tonight, never progress of her
    door-card ticket (day 35 R106)."""
    building = route(community, understanding, report.group, report.text).place.building
    if building is None:
        return False
    return any(
        says_over(community, t, report.text)
        for t in open_emergencies_in(session, building)
        if t not in mine
    )


def _own_live_danger(
    session: Session,
    report: Report,
    understanding: Understanding,
    place: Place,
    open_dangers: Select[Ticket],
    now: datetime,
    rules: DuplicateRules,
) -> list[Ticket]:
    """ "还没人来 里面声音越来越小了" from the reporter of the one danger of theirs paged within the
    join window, naming no other thing than it (as the rules read the words): that danger, whose
    words it need not repeat (day 34 R95). Empty otherwise."""
    since = now - timedelta(minutes=rules.emergency_join_minutes)
    own = [
        t
        for t in session.scalars(open_dangers)
        if _is_resident_of(t, report.reporter) and t.created_at >= since
    ]
    if len(own) != 1:
        return []
    told = duplicates.Problem.of_report(
        place, replace(understanding, keywords=understanding.rule_words), report.text
    )
    if duplicates.names_other_thing(told, own[0], rules) or duplicates.names_thing_not_in(
        report.text, own[0].text, rules
    ):
        return []
    return own


def danger_on_own_ticket(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    now: datetime,
) -> Outcome | None:
    """Danger now (a full emergency reading) from a resident whose one open ticket in this chat
    is no emergency and whose words name it ("老爷爷家我刚去了 从门缝看见他倒在地上 叫不醒" after
    asking for a visit to the old man of 701): that ticket becomes the emergency
    (danger_told_on_own_ticket), its flat kept, never a second ticket naming only the building.
    None otherwise: a danger of its own opens its own page."""
    if not understanding.emergency:
        return None
    # A possible danger only in the flat of their ticket ("我家那扇窗户玻璃框子都松了 晃得厉害
    # 1202的" on the cracked window of 1202; day 30 R46).
    possible = understanding.emergency_level == POSSIBLE_EMERGENCY
    rules = community.policy.duplicates
    # Their open tickets in this chat that are no emergency, not said fixed by them ("电梯好了
    # 能用了"): a danger now is a new one, paged as its own ("电梯又卡住了 里面有人在拍门喊",
    # day 35 R74).
    theirs = [
        t
        for t in my_open_tickets(session, report.reporter)
        if t.state in states.ACTIVE
        and not t.emergency
        and t.over_said_at is None
        and _in_room(t, report.reporter, report.room_id)
    ]
    if possible and understanding.room is None:
        # ... or, with no flat said, a danger that grows from their ticket's own thing ("暖气片
        # 接口崩开了 水哗哗往外喷" on the radiator dripping all afternoon; day 46)
        place = route(community, understanding, report.group, report.text).place
        told = duplicates.Problem.of_report(place, understanding, report.text)
        grows = [
            t
            for t in theirs
            if t.subcategory in rules.grows_from.get(understanding.subcategory or "", ())
            and duplicates.names_same_thing(told, t, rules)
            # "1单元三楼楼道里暖气管子爆了" is no growth of his radiator in 2单元601 (day 54 R81)
            and _place_fits(understanding, t)
        ]
        if len(grows) != 1:
            return None
        return danger_told_on_own_ticket(session, community, grows[0], report, understanding, now)
    named = [
        t
        for t in theirs
        if _place_fits(understanding, t)
        and duplicates.follow_up_evidence(report.text, t, rules) > 0
        # A possible danger in the very flat of their ticket, in its words, grows from it
        # ("1202的窗户框子被风吹得越来越松 玻璃快掉出去了" on the cracked window of 1202).
        and (
            t.room == understanding.room if possible else raises_own_ticket(understanding, t, rules)
        )
    ]
    if len(named) != 1:
        return None
    building = route(community, understanding, report.group, report.text).place.building
    if (
        understanding.room is None
        and building is not None
        and any(
            t.subcategory == understanding.subcategory
            for t in open_emergencies_in(session, building)
        )
    ):
        # "我在8楼听见里面有人在拍门" from a follower of the morning's broken lift, with someone
        # shut in that lift already paged: word of that page (join_live_emergency), never the
        # broken lift raised into a second one (day 33 R59). A danger in the flat of their
        # ticket is still theirs (her own window of 1202 beside the falling tiles, day 30 R46).
        return None
    return danger_told_on_own_ticket(session, community, named[0], report, understanding, now)


def raises_own_ticket(understanding: Understanding, ticket: Ticket, rules: DuplicateRules) -> bool:
    """Danger told on one's own ticket that makes that ticket the emergency: a danger that grows
    from the ticket's own problem (`grows_from`: the old man of the visit asked for, someone shut
    in the lift of the repair; never a child on the roof on the visit to an old man, day 27 R55),
    told in words that are not all the ticket's own (nor of a `same_problem` row it
    names). "敲门也没人应 里面好像有哼哼的声音" after asking for a visit is new; "还是联系不上 好
    着急" after "电话都没人接" tells the same worry again, which the visit answers (day 12); a fire
    in the clutter one reported is a page of its own, the clutter still to clear (day 16). A
    danger in a flat the ticket never named is a page of its own too: "停电了我家老爷子的制氧机也
    停了 他现在喘不上来气 …1101" is no news of the building's water pump (day 25 R56)."""
    if ticket.subcategory not in rules.grows_from.get(understanding.subcategory or "", ()):
        return False
    if understanding.room is not None and understanding.room != ticket.room:
        return False
    told = set(duplicates.row_words_in(ticket.text, rules))
    rows = [row for row in rules.same_problem if told.intersection(row)]
    return any(
        word not in ticket.text and not any(word in row for row in rows)
        for word in understanding.keywords
    )


def danger_told_on_own_ticket(
    session: Session,
    community: Community,
    ticket: Ticket,
    report: Report,
    understanding: Understanding,
    now: datetime,
) -> Outcome:
    """A resident's new words on their own ticket that is no emergency tell danger now (a full
    emergency reading of the words alone): the ticket becomes an emergency at once, its claim
    clock starts now, and every group the alert reaches hears it as 情况加重 with the words; the
    resident is told so, with the advice for what they told. As a staff `#12 紧急` would, with
    no wait for one."""
    ticket = get_ticket(session, ticket.id)
    if _said_lately(ticket, report, now):
        return Outcome(ticket, [])
    _record(ticket, "resident_note", report.reporter, now, _note(report.text[:MAX_NOTE_CHARS]))
    before = f"{messages.kind_label(ticket)}（{messages.title(ticket)}）"
    ticket.category = "emergency"
    ticket.subcategory = understanding.subcategory
    ticket.emergency = True
    possible = understanding.emergency_level == POSSIBLE_EMERGENCY
    ticket.emergency_level = POSSIBLE_EMERGENCY if possible else None
    # The alert is titled by the danger told now ("里面好像有哼哼的声音"), not by the visit asked
    # for this morning; the timeline keeps the old title.
    ticket.summary = understanding.summary[:80] or ticket.summary
    if ticket.state in (states.OPEN, states.REOPENED):
        ticket.assigned_at = now
    _record(
        ticket,
        "raised_by_resident",
        report.reporter,
        now,
        f"{before} → {messages.kind_label(ticket)}",
    )
    return _alerted_again(community, ticket, report, messages.raised_to_resident(ticket))


def _alerted_again(
    community: Community,
    ticket: Ticket,
    report: Report,
    told: str,
    unclaimed: bool = False,
    guidance: str | None = None,
) -> Outcome:
    """A resident's new words on an emergency: every group its alert reaches hears them at once
    (情况加重), and the writer is told so (`told`) with the advice for what they told now; when
    they say help is already called ("…人是清醒的 已经叫了救护车"), without its opening "请立即拨打
    120，" (day 25 R73). `guidance`: the advice to give instead (the ticket's own, for a chase)."""
    if guidance is None:
        guidance = community.policy.guidance_for(report.text, ticket.subcategory)
        if any(w in report.text for w in community.policy.duplicates.help_called_words):
            guidance = CALL_FIRST.sub("", guidance)  # "保持病人平躺，不要随意搬动。" still helps
    resident = (Mention(report.reporter.id, report.reporter.name),)
    worse = (report.reporter.name, report.text)
    alerts = emergency_alerts(community, ticket, worse=worse, unclaimed=unclaimed)
    notice = Notice(told + guidance, room_id=report.room_id, mentions=resident)
    return Outcome(ticket, [notice, *alerts])


def _may_tell_worse(
    ticket: Ticket, report: Report, now: datetime, rules: DuplicateRules, worse: bool, symptom: bool
) -> bool:
    """Who may tell worse news of an emergency in their own words: its reporter or a follower,
    or anyone in its chat within the join window ("烟越来越大了": `worse_words`); of a person in
    danger (`person_in_danger`), symptoms (`symptom_words`) too."""
    if not _close_to(ticket, report, now, rules):
        return False
    return worse or (symptom and ticket.subcategory in rules.person_in_danger)


def _close_to(ticket: Ticket, report: Report, now: datetime, rules: DuplicateRules) -> bool:
    """The writer reported or follows this ticket, or writes in its chat within the emergency
    join window (the wife of the man trapped, in the chat where the neighbour reported it)."""
    if _is_resident_of(ticket, report.reporter):
        return True
    live = timedelta(minutes=rules.emergency_join_minutes)
    return ticket.source_room_id == report.room_id and now - ticket.created_at <= live


def second_voice(
    session: Session, community: Community, report: Report, now: datetime
) -> Outcome | None:
    """ "+1 天天这样" read as no request on its own (`plus_one_leads`), right under another
    resident's problem report in this chat (within `me_too_minutes`, a kind of
    `me_too_categories`, still open, no emergency): a second voice of that report, joined to it
    (day 21 R19). None otherwise."""
    rules = community.policy.duplicates
    if not rules.plus_one_leads or not report.text.lstrip().startswith(rules.plus_one_leads):
        return None
    latest = latest_report_since(
        session, report.room_id, now - timedelta(minutes=rules.me_too_minutes)
    )
    if (
        latest is None
        or latest.emergency
        or latest.state not in states.ACTIVE
        or latest.category not in rules.me_too_categories
        or latest.reporter_id == report.reporter.id
    ):
        return None
    return _follow(session, latest, report, None, community, now)


# Letters (no filler) a question keeps beside its asking words to name a matter of its own.
OWN_MATTER_LETTERS = 2


def _names_its_own_matter(text: str, rules: DuplicateRules) -> bool:
    """The question names a matter besides asking ("那个烫着的孩子咋样了": 烫着孩子), not only
    asks ("后来怎么样了", "有人去看了吗")."""
    asking = (
        *rules.chase_words,
        *rules.follow_up_words,
        *rules.no_news_words,
        *rules.asking_only_words,
    )
    left = blanked(text, sorted(asking, key=len, reverse=True))
    letters = [c for c in left if "\u4e00" <= c <= "\u9fff" and c not in rules.filler_chars]
    return len(letters) >= OWN_MATTER_LETTERS


def question_asked_again(session: Session, community: Community, report: Report) -> Outcome | None:
    """ "养老认证的事问了没有呀" after the answer was sent (day 57 R40), "张老太那边到底谁去看了
    一晚上没消息" after the visit was told done (day 57c R37, R55): a resident asking after their
    ticket closed and waiting for their answer is told again how it ended (a question: the
    answer), and asked again (安全了吗 of a danger, else the rating): the one its words name,
    else the only one. None otherwise."""
    rules = community.policy.duplicates
    text = report.text
    if not any(w in text for w in (*rules.chase_words, *rules.follow_up_words)):
        return None
    # Of anything but a question answered, only asking counts: "钥匙找到了 谢谢大家" tells news
    # (an over word among the follow-up words), never asks after the gas leak (day 57).
    over = {*rules.over_words, *(w for ws in rules.kind_over_words.values() for w in ws)}
    asking = [w for w in rules.follow_up_words if w not in over]
    asks = any(w in text for w in (*rules.chase_words, *asking))
    waiting = tickets_waiting_for_rating(session, report.reporter, report.room_id)
    if not asks:
        waiting = [t for t in waiting if t.category == "inquiry"]
    named = [
        t
        for t in waiting
        if duplicates.letter_pairs_in(
            text, " ".join([t.text, *(f.text for f in t.followers)]), rules
        )
    ]
    if not named and _names_its_own_matter(text, rules):
        # "那个烫着的孩子咋样了" from the one whose lift rescue closed: asking after someone
        # else's matter, never her own (day 63 R72)
        return None
    about = named or waiting
    if len(about) != 1:
        return None
    ticket = about[0]
    resident = (Mention(report.reporter.id, report.reporter.name),)
    answer = (
        messages.answered_again(ticket)
        if ticket.category == "inquiry"
        else messages.outcome_said_again(ticket, asks_if_safe(ticket))
    )
    return Outcome(ticket, [Notice(answer, room_id=report.room_id, mentions=resident)])


def latest_report_since(session: Session, room_id: str, since: datetime) -> Ticket | None:
    """The newest ticket reported in this chat since then (a "+1" after it may be about it)."""
    stmt = select(Ticket).where(Ticket.source_room_id == room_id, Ticket.created_at >= since)
    return session.scalars(stmt.order_by(Ticket.id.desc()).limit(1)).first()


def _open_new(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    routing: Routing,
    now: datetime,
    look_alike: Ticket | None = None,
) -> Outcome:
    ticket = _new_ticket(session, report, understanding, routing, now, community.policy)
    again = any(w in report.text for w in community.policy.came_back_words)
    earlier = came_back(session, community, ticket, now) if again and not ticket.emergency else None
    if earlier is not None:
        _note_came_back(community, earlier, ticket, report, now)
    resident = (Mention(report.reporter.id, report.reporter.name),)
    # a place of the whole compound ("小区南门进来那段路塌了个坑") is where it is, and so is one
    # outside it ("小区外面金茂路上的路灯坏了一排"): no building to ask
    # (a repair's place; a noise from the square is heard in some building: "能不能管管广场舞")
    fixed_there = fixed_at_compound_place(community, understanding, report.text)
    needs_place = understanding.category in community.policy.place_needed and not fixed_there
    if routing.place.building is None and not understanding.emergency and needs_place:
        ticket.awaiting_place = True
        session.add(
            PlaceQuestion(
                room_id=report.room_id,
                sender_id=report.reporter.id,
                ticket_id=ticket.id,
                expires_at=community.policy.place_wait.after(now, community.zone),
            )
        )
        return Outcome(
            ticket, [Notice(messages.ask_place(), room_id=report.room_id, mentions=resident)]
        )
    return Outcome(ticket, _announce(ticket, community, routing.group, look_alike, now, earlier))


def came_back(
    session: Session, community: Community, ticket: Ticket, now: datetime
) -> Ticket | None:
    """The reporter's own ticket of the same kind and place closed within came_back_days
    (config/tickets.yaml; asked only of a report told with came_back_words): the problem fixed
    then has come back ("不满意 三楼那个灯又一闪一闪的"
    hours after 满意 of the stairwell lamp; day 53 R77). The latest, else None."""
    since = now - timedelta(days=community.policy.came_back_days)
    stmt = (
        select(Ticket)
        .where(
            Ticket.reporter_id == ticket.reporter_id,
            Ticket.id != ticket.id,
            Ticket.state == states.CLOSED,
            Ticket.resolved_at >= since,
            Ticket.subcategory == ticket.subcategory,
        )
        .order_by(Ticket.resolved_at.desc(), Ticket.id.desc())
    )
    for earlier in session.scalars(stmt):
        if ticket.building is not None and earlier.building != ticket.building:
            continue
        if ticket.unit is not None and earlier.unit not in (None, ticket.unit):
            continue
        return earlier
    return None


def _note_came_back(
    community: Community, earlier: Ticket, ticket: Ticket, report: Report, now: datetime
) -> None:
    """The new ticket keeps the earlier one's unit where it names none ("三楼那个灯" of the lamp
    in 2单元; its building, and so its group, are its own); the earlier one records that its
    problem came back, and a 不满意 said with it changes the reporter's rating there (the
    figures count what residents said last)."""
    if ticket.building == earlier.building and ticket.unit is None:
        ticket.unit, ticket.room = earlier.unit, ticket.room or earlier.room
    row = community.words.verb("unsatisfied")
    unsatisfied = row is not None and report.text.lstrip().startswith(tuple(row.words))
    if unsatisfied and earlier.rating == "satisfied":
        earlier.rating = "unsatisfied"
        earlier.rated_at = now
    note = f"居民称问题又出现了，另开工单 #{ticket.id}" + ("（改评不满意）" if unsatisfied else "")
    _record(earlier, "came_back", report.reporter, now, note)


def _new_ticket(
    session: Session,
    report: Report,
    understanding: Understanding,
    routing: Routing,
    now: datetime,
    policy: TicketPolicy,
) -> Ticket:
    values: dict[str, object] = dict(
        state=states.OPEN,
        category=understanding.category,
        subcategory=understanding.subcategory,
        emergency=understanding.emergency,
        emergency_level=(
            POSSIBLE_EMERGENCY if understanding.emergency_level == POSSIBLE_EMERGENCY else None
        ),
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
    # "快报警" says nothing about what happens: every message about the ticket uses its words.
    # Nor does a chase ("昨天报了到现在没人来"): the clause naming the problem titles it.
    values["summary"] = messages.telling_summary(
        Ticket(**values),
        (*policy.cry_words, *policy.duplicates.chase_words),
        subjects=policy.danger_subjects,
    )
    ticket = insert_loaded(session, Ticket, values)
    created = {
        "ticket_id": ticket.id,
        "kind": "created",
        "actor_id": report.reporter.id,
        "actor_name": report.reporter.name,
        "at": now,
    }
    session.connection().execute(insert(TicketEvent), created)
    return ticket


def _announce(
    ticket: Ticket,
    community: Community,
    group: Group,
    look_alike: Ticket | None = None,
    now: datetime | None = None,
    came_back_of: Ticket | None = None,
) -> list[Notice]:
    """Tell the resident and the responsible group; emergencies go up the grid at once, each
    alert saying what happened, where, in the resident's words and what they were told.
    In the quiet hours a non-emergency wakes nobody: the group hears of it in the morning
    summary (service/tickets/jobs.py), and the resident is told so."""
    ack = messages.acknowledgement(ticket)
    resident = (Mention(ticket.reporter_id, ticket.reporter_name),)
    if not ticket.emergency:
        until = held_until_morning(community, ticket, now) if now is not None else None
        if until is not None:
            ack = messages.acknowledgement_at_night(ticket, until)
            return [Notice(ack, room_id=ticket.source_room_id, mentions=resident)]
        notice = messages.new_ticket_notice(
            ticket, look_alike=look_alike, came_back_of=came_back_of, zone=community.zone
        )
        return [
            Notice(ack, room_id=ticket.source_room_id, mentions=resident),
            Notice(notice, group=group.name),
        ]
    guidance = community.policy.guidance_for(ticket.text, ticket.subcategory)
    resident_notice = Notice(ack + guidance, room_id=ticket.source_room_id, mentions=resident)
    return [resident_notice, *emergency_alerts(community, ticket, group)]


def emergency_alerts(
    community: Community,
    ticket: Ticket,
    group: Group | None = None,
    worse: tuple[str, str] | None = None,
    unclaimed: bool = False,
) -> list[Notice]:
    """The alert to the group handling an emergency and to every group above it, each @-ing
    the duty staff who are in that group (an @ of someone not in the room reaches nobody);
    duty staff in none of them get it in a private chat. It says what happened and where,
    the resident's words and the advice they were sent. `worse`: who said it is getting
    worse, and their words (the alert said again); `unclaimed`: who said nobody has come."""
    group = group or community.group(ticket.assigned_group)
    if group is None:
        return []
    guidance = community.policy.guidance_for(ticket.text, ticket.subcategory)
    title = messages.alert_title(
        ticket, community.policy.cry_words, community.policy.danger_subjects
    )
    text = (
        messages.emergency_alert(ticket, title, guidance)
        if worse is None
        else messages.emergency_worse_alert(ticket, title, *worse, unclaimed=unclaimed)
    )
    groups, duty_apart = _alerted(community, group)
    return [
        Notice(text, group=g.name, mentions=duty, priority=Priority.ALERT) for g, duty in groups
    ] + [Notice(text, room_id=direct_room(p), priority=Priority.ALERT) for p in duty_apart]


def _alerted(
    community: Community, group: Group
) -> tuple[list[tuple[Group, tuple[Mention, ...]]], list[str]]:
    """Whom an emergency alert of `group` reaches: the group and every group above it, each
    with the duty staff in it (an @ of someone not in the room reaches nobody), and the duty
    staff in none of them (by private chat)."""
    duty = community.duty_staff()
    groups = [
        (g, tuple(Mention(p.name, p.name) for p in duty if p.name in (*g.members, g.leader)))
        for g in community.chain(group)
    ]
    reached = {m.id for _, mentions in groups for m in mentions}
    return groups, [p.name for p in duty if p.name not in reached]


def _follow(
    session: Session,
    ticket: Ticket,
    report: Report,
    understanding: Understanding | None,
    community: Community,
    now: datetime,
    advise: bool = True,
) -> Outcome | None:
    """The report joins an open ticket of the same problem (`advise`: with the safety advice of
    an emergency; not for a neighbour asking how it ended). The ticket is locked and read
    afresh first, as for every change (get_ticket): when staff resolved or cancelled it at the
    same moment, nothing is joined (None) and the report is the caller's to file anew."""
    resident = (Mention(report.reporter.id, report.reporter.name),)
    ticket = get_ticket(session, ticket.id)
    if ticket.state not in states.ACTIVE:
        return None
    if _is_resident_of(ticket, report.reporter):
        # "楼道灯还是黑的" from the resident who reported it: added to their ticket.
        return own_follow_up(session, ticket, report, community, now)
    _add_follower(ticket, report, now)
    text = messages.already_reported(ticket, report.text)
    guidance = ""
    if advise and ticket.emergency:
        guidance = community.policy.guidance_for_witness(
            report.text, ticket.text, ticket.subcategory
        )
    elif advise and understanding is not None and understanding.emergency:
        guidance = community.policy.guidance_for(report.text, understanding.subcategory)
    if any(w in report.text for w in community.policy.duplicates.help_called_words):
        guidance = CALL_FIRST.sub("", guidance)  # "我打了120了": never "请立即拨打120" again
    text += guidance
    return Outcome(ticket, [Notice(text, room_id=report.room_id, mentions=resident)])


def _add_follower(ticket: Ticket, report: Report, now: datetime) -> None:
    """The writer of the report follows the ticket from now on (told its outcome)."""
    ticket.followers.append(
        TicketFollower(
            person_id=report.reporter.id,
            person_name=report.reporter.name,
            room_id=report.room_id,
            text=report.text,
            joined_at=now,
        )
    )
    _record(ticket, "follower_added", report.reporter, now, messages.quote(report.text))


def split_follower(
    session: Session,
    community: Community,
    ticket_id: int | None,
    report: Report,
    understand: Callable[[str], Understanding],
    now: datetime,
) -> Outcome:
    """`不是同一件事`: a joined resident gets a ticket of their own for what they said."""
    stmt = (
        select(TicketFollower)
        .join(Ticket)
        .where(
            TicketFollower.person_id == report.reporter.id,
            TicketFollower.room_id == report.room_id,
            Ticket.state.in_(states.ACTIVE | {states.RESOLVED}),
        )
        .order_by(TicketFollower.joined_at.desc(), TicketFollower.id.desc())
    )
    if ticket_id is not None:
        stmt = stmt.where(TicketFollower.ticket_id == ticket_id)
    follower = session.scalars(stmt).first()
    # What they said last is what they mean: words added to their own ticket since they joined
    # another's ("1102装修完了又换楼上麻将声" after "电梯坏了+1", day 36 P08).
    since = follower.joined_at if follower is not None else None
    split = _split_own_note(session, community, ticket_id, report, understand, now, since)
    if split is not None:
        return split
    if follower is None:
        raise InvalidInput(
            f"{report.reporter.id} follows no open ticket here",
            "您反映的问题都是单独登记的，没有与别人的合并。",
        )
    latest = session.scalars(
        select(Ticket)
        .where(Ticket.reporter_id == report.reporter.id, Ticket.source_room_id == report.room_id)
        .order_by(Ticket.created_at.desc(), Ticket.id.desc())
        .limit(1)
    ).first()
    if ticket_id is None and latest is not None and latest.created_at > follower.joined_at:
        # Said after a report of their own that has its ticket: that is what they mean, not the
        # join of yesterday ("电梯坏了+1"), which stays.
        raise InvalidInput(
            f"{report.reporter.id}'s latest report is ticket {latest.id}, not joined",
            messages.reported_apart(latest),
        )
    old = follower.ticket
    old.followers.remove(follower)
    _record(old, "follower_split", report.reporter, now, messages.quote(follower.text))
    understanding = understand(follower.text)
    own = Report(follower.text, report.reporter, report.room_id, report.group)
    routing = route(community, understanding, report.group, report.text)
    return _open_new(session, community, own, understanding, routing, now)


def _split_own_note(
    session: Session,
    community: Community,
    ticket_id: int | None,
    report: Report,
    understand: Callable[[str], Understanding],
    now: datetime,
    since: datetime | None = None,
) -> Outcome | None:
    """`不是同一件事` of what the resident added to their own ticket in the last day (and after
    `since`: "晚上还有人在楼下打篮球" put on their dog-barking ticket): a request of its own
    becomes its own ticket (day 35 R87). None when their latest note there tells no request."""
    stmt = (
        select(TicketEvent)
        .join(Ticket)
        .where(
            TicketEvent.kind == "resident_note",
            TicketEvent.actor_id == report.reporter.id,
            TicketEvent.at >= max(now - SPLIT_NOTE_WINDOW, since or now - SPLIT_NOTE_WINDOW),
            Ticket.reporter_id == report.reporter.id,
            Ticket.source_room_id == report.room_id,
            Ticket.state.in_(states.ACTIVE | {states.RESOLVED}),
        )
        .order_by(TicketEvent.at.desc(), TicketEvent.id.desc())
        .limit(1)
    )
    if ticket_id is not None:
        stmt = stmt.where(TicketEvent.ticket_id == ticket_id)
    noted = session.scalars(stmt).first()
    if noted is None or not noted.note:
        return None
    if any(
        e.kind == "note_split" and e.actor_id == report.reporter.id and e.at >= noted.at
        for e in noted.ticket.events
    ):
        return None  # split off already
    understanding = understand(noted.note)
    if not understanding.is_request:
        return None
    _record(noted.ticket, "note_split", report.reporter, now, messages.quote(noted.note))
    own = Report(noted.note, report.reporter, report.room_id, report.group)
    routing = route(community, understanding, report.group, report.text)
    return _open_new(session, community, own, understanding, routing, now)


# Asked of every resident message: built once, with the values bound at each call.
_PENDING_PLACE_QUESTION = (
    select(PlaceQuestion)
    .where(PlaceQuestion.room_id == bindparam("room"), PlaceQuestion.sender_id == bindparam("who"))
    .order_by(PlaceQuestion.id.desc())
    .limit(1)
)


def pending_place_question(session: Session, room_id: str, sender_id: str) -> PlaceQuestion | None:
    return session.scalars(_PENDING_PLACE_QUESTION, {"room": room_id, "who": sender_id}).first()


def answer_place(
    session: Session,
    community: Community,
    question: PlaceQuestion,
    actor: Actor,
    understanding: Understanding,
    now: datetime,
) -> Outcome:
    """The reporter's next message names the building (or not: then the community handles it)."""
    ticket = get_ticket(session, question.ticket_id)
    session.delete(question)
    ticket.awaiting_place = False
    if understanding.building is not None:
        ticket.building, ticket.unit, ticket.room = (
            understanding.building,
            understanding.unit,
            understanding.room,
        )
        routing = route(community, understanding, None, ticket.text)
        ticket.assigned_group = routing.group.name
        _record(ticket, "place_given", actor, now, routing.place.label())
    group = community.group(ticket.assigned_group) or community.community_group
    return Outcome(ticket, _announce(ticket, community, group, now=now))


def expire_place_questions(session: Session, community: Community, now: datetime) -> list[Notice]:
    """Questions nobody answered in time: the ticket goes to the community group as it is.
    The resident, who was asked for the building, is not told now that it went without one
    (asking and then filing anyway reads as two answers); the group's notice says so."""
    notices: list[Notice] = []
    stmt = select(PlaceQuestion).where(PlaceQuestion.expires_at <= now).order_by(PlaceQuestion.id)
    for question in session.scalars(stmt):
        ticket = get_ticket(session, question.ticket_id)
        session.delete(question)
        ticket.awaiting_place = False
        group = community.group(ticket.assigned_group) or community.compound_group
        announced = _announce(ticket, community, group)
        notices += [n for n in announced if n.room_id != ticket.source_room_id or ticket.emergency]
    return notices


# -- staff -------------------------------------------------------------------------------


def claim_ticket(
    session: Session,
    community: Community,
    ticket_id: int,
    actor: Actor,
    now: datetime,
    said: str = "",
) -> Outcome:
    """`said`: what the staff member said with the claim ("下午两点师傅上门"), told to the
    residents too, without clauses meant for staff (not_for_residents; day 44)."""
    ticket = get_ticket(session, ticket_id)
    taken: list[Notice] = []
    if ticket.state == states.NOT_RESPONSIBLE:
        # "#30 收到我来 我去找那户装修的当面说" on a ticket the group marked 非职责: taken back
        # (by whoever may take it back) and claimed, not refused (day 30 S66).
        taken = take_back(session, community, ticket_id, actor, now).notices
        ticket = get_ticket(session, ticket_id)
    _require_staff_of(community, ticket, actor)
    _stop_asking_place(session, ticket)
    _move(ticket, states.CLAIMED, "claimed", actor, now)
    ticket.claimed_at = ticket.claimed_at or now
    ticket.claimed_by = actor.name
    # A claim of no emergency in the quiet hours reaches the residents in the morning, as a
    # closing does (day 52 S52: "#50 我去看看" at 06:35 was told at once in the building's group)
    held = held_until_morning(community, ticket, now)
    in_group = messages.claimed_in_group(ticket, residents_told_at=held)
    notices = [
        *(n for n in taken if n.room_id is None),  # the groups hear it; residents the claim
        Notice(in_group, group=ticket.assigned_group),
        *_to_the_alerted(community, ticket, in_group),
        *_to_the_street(community, ticket, actor, _with_said(in_group, said)),
    ]
    if held is not None:
        return Outcome(ticket, notices)
    return Outcome(ticket, notices + claim_to_residents(community, ticket, said))


def _stop_asking_place(session: Session, ticket: Ticket) -> None:
    """Staff took a ticket whose reporter was still asked for the building: they know where it
    is, so the question is dropped and the ticket is in their 待办 (day 56b L046: "#9 我去南门
    看看")."""
    if not ticket.awaiting_place:
        return
    ticket.awaiting_place = False
    session.execute(delete(PlaceQuestion).where(PlaceQuestion.ticket_id == ticket.id))


def _with_said(text: str, said: str) -> str:
    """A confirmation with what the staff member said beside it, for the street's people who
    pressed for the ticket ("工单 #1 已由张建国接单：今天下午就上门换灯。")."""
    words = _note(said)
    return f"{text.removesuffix('。')}：{words}。" if words else text


# A staff word naming the ticket ("灯的", "漏水的") is at most this long.
POINTER_CHARS = 4


def _only_points(said: str, community: Community) -> bool:
    """The words only point at the ticket ("灯的", "楼道灯那个": result_note.pointer_endings)."""
    rule = community.words.result_note
    said = said.strip().rstrip("。，,. ")
    return (
        bool(said)
        and len(said) <= rule.pointer_max_chars
        and (
            said.endswith(rule.pointer_endings)
            or (said.endswith("的") and len(said) <= POINTER_CHARS)
        )
    )


def claim_to_residents(community: Community, ticket: Ticket, said: str) -> list[Notice]:
    """What each resident of a claimed ticket is told: who has it (someone of the street named
    as such) and what they said they will do, without clauses meant for staff
    (not_for_residents; day 44)."""
    policy = community.policy
    told = without_clauses(_note(said) or "", policy.not_for_residents)
    told = without_leading(told, policy.staff_acknowledgements)
    if _only_points(told, community):
        told = ""  # "28号灯的 我来": 灯的 names the ticket, it tells the resident nothing (day 58)
    office = messages.STREET_OFFICE if held_by_the_street(community, ticket) else ""
    return _to_residents(ticket, messages.claimed_to_resident(ticket, told, office))


def resolve_ticket(
    session: Session,
    community: Community,
    ticket_id: int,
    actor: Actor,
    note: str,
    now: datetime,
    answer: bool = False,
) -> Outcome:
    """`answer`: the note answers the resident's question, and is told them as the answer.
    A closing of no emergency in the quiet hours reaches the residents in the morning
    (escalation.morning_summary, day 42 S68: a closing at 23:10 was pushed to a building's
    group at once); the group hears it at once, with when the residents will."""
    ticket = get_ticket(session, ticket_id)
    _require_staff_of(community, ticket, actor)
    said = _note(note) or DONE_NOTE
    kind = states.CLOSED_WITH_ANSWER if answer else states.CLOSED_WITH_WORDS
    _move(ticket, states.RESOLVED, kind, actor, now, said)  # the staff's own words
    ticket.resolved_at = now
    ratings.clear_for_new_resolution(ticket)
    ticket.resolved_by = actor.name
    # The result kept and told to residents: curt or internal clauses left out.
    result = without_clauses(said, community.policy.not_for_residents)
    if answer:  # "…让她打12345问": an answer speaks to the resident who asked ("可以打12345问")
        result = reworded(result, community.policy.answer_to_resident)
    ticket.resolution_note = result or DONE_NOTE
    ticket.claimed_at = ticket.claimed_at or now
    points.on_ticket(session, ticket, now)
    held = held_until_morning(community, ticket, now)
    in_group = messages.resolved_in_group(ticket, residents_told_at=held)
    notices = [
        Notice(in_group, group=ticket.assigned_group),
        *_to_the_alerted(community, ticket, in_group),
        *_to_the_street(community, ticket, actor, in_group),
    ]
    if held is not None:
        return Outcome(ticket, notices)
    return Outcome(ticket, notices + closing_to_residents(community, ticket, answer))


def _to_the_alerted(community: Community, ticket: Ticket, text: str) -> list[Notice]:
    """An emergency's alert reached every group above the responsible one (the grid, the
    community's duty officer): they hear it claimed and closed too, never left with an alert
    and no word of who has it (fifth street trial: the grid's group heard nothing after
    【紧急 #8】)."""
    group = community.group(ticket.assigned_group) if ticket.emergency else None
    if group is None:
        return []
    return [Notice(text, group=g.name) for g in community.chain(group) if g.name != group.name]


def _to_the_street(community: Community, ticket: Ticket, actor: Actor, text: str) -> list[Notice]:
    """A ticket the ladder brought to the street's group, or the street pressed for: the street
    hears the community's staff claim it, close it or answer in a note (they were asked to
    press for it, or did), the community named."""
    street = community.street_group
    if street is None or of_the_street(community, actor) or not _street_follows(street, ticket):
        return []
    return [Notice(f"{community.name}：{text}", group=street.name)]


def pressed_here(
    session: Session, community: Community, group: Group, since: datetime
) -> list[Ticket]:
    """The active tickets the street pressed for since then whose press this group hears: its
    own and those escalated to it, and for the community group every group's (a press is told
    to the responsible group and the community). Only tickets with a street note since then are
    read."""
    street = community.street_group
    if street is None:
        return []
    pressed = select(TicketEvent.ticket_id).where(
        TicketEvent.kind == "note",
        TicketEvent.actor_name.in_(street.members),
        TicketEvent.at >= since,
    )
    stmt = select(Ticket).where(Ticket.id.in_(pressed), Ticket.awaiting_place.is_(False))
    # ... and a closed one the street pressed for more work after its closing ("幸福里 #12 …6号楼
    # 的飞线充电要全部查一遍 本周五前整改完"; street check 12 S52)
    found = [
        t
        for t in session.scalars(stmt.order_by(Ticket.id))
        if t.state in states.ACTIVE or _pressed_since_closed(community, t)
    ]
    if group.kind == "community":
        return found
    # its own, and one the ladder brought to it: the grid head answering the street in the grid's
    # group about the emergency escalated there ("收到 我现在就带人过去"; street trial 11 XA1);
    # and a grid's, of its buildings: the grid head answers for them ("收到 下午带物业去车库把线都
    # 清掉"; street check 13 J008)
    return [
        t
        for t in found
        if t.assigned_group == group.name
        or told(t, group.name)
        or _of_its_grid(community, t, group)
    ]


def _of_its_grid(community: Community, ticket: Ticket, group: Group) -> bool:
    """The ticket is of a building of the grid whose group this is."""
    if group.kind != "grid" or not (ticket.building or "").isdigit():
        return False
    grid = community.grid_of_building(int(ticket.building or "0"))
    return grid is not None and grid.group == group.name


def _pressed_since_closed(community: Community, ticket: Ticket) -> bool:
    """The street wrote of the closed ticket after its closing: more work asked of it."""
    closed = ticket.closed_at or ticket.resolved_at
    pressed = last_pressed_at(community, ticket)
    return closed is not None and pressed is not None and pressed > closed


def active_count(session: Session) -> int:
    """How many of the community's tickets are still being handled (states.ACTIVE)."""
    stmt = select(func.count()).select_from(Ticket).where(Ticket.state.in_(states.ACTIVE))
    return session.scalar(stmt) or 0


def last_pressed_at(community: Community, ticket: Ticket) -> datetime | None:
    """When the street last wrote of the ticket (a press, a question, "告诉我一声")."""
    street = community.street_group
    if street is None:
        return None
    notes = [e.at for e in ticket.events if e.kind == "note" and e.actor_name in street.members]
    return max(notes, default=None)


def all_pressed_unanswered(
    community: Community, tickets: list[Ticket], now: datetime, hours: int
) -> list[Ticket]:
    """Of a group's tickets, those the street pressed for within `hours` that nobody of the
    community has acted on or noted since (pushed_by_the_street)."""
    street = community.street_group
    if street is None:
        return []
    since = now - timedelta(hours=hours)
    found = []
    for ticket in tickets:
        if held_by_the_street(community, ticket):
            continue  # the street holds it: nobody below answers its press (street check 9b)
        last = last_pressed_at(community, ticket)
        if (
            last is not None
            and last >= since
            and not any(
                e.at > last and e.actor_name not in street.members and e.actor_id != "system"
                for e in ticket.events
            )
        ):
            found.append(ticket)
    return found


def _street_follows(street: Group, ticket: Ticket) -> bool:
    """The ladder brought the ticket to the street's group, or one of its people pressed for it
    there (pushed_by_the_street keeps their words as a note)."""
    return told(ticket, street.name) or any(
        e.kind == "note" and e.actor_name in street.members for e in ticket.events
    )


def closing_to_residents(community: Community, ticket: Ticket, answer: bool) -> list[Notice]:
    """What each resident of a ticket is told of its closing: the answer to their question, or
    what was done and a request to rate it (an emergency: whether they are safe now)."""
    ask_safe = asks_if_safe(ticket)
    return _to_residents(
        ticket,
        lambda what: (
            messages.answered_to_resident(ticket, what)
            if answer and not ask_safe
            else messages.resolved_to_resident(ticket, what, ask_safe=ask_safe)
        ),
        community.policy.duplicates.me_too_leads,
    )


# How long after their closing a staff member may say it was meant for another ticket.
CLOSING_FIX_WINDOW = timedelta(hours=1)


def move_closing(
    session: Session,
    community: Community,
    wrong_id: int,
    right_id: int,
    actor: Actor,
    now: datetime,
) -> Outcome:
    """ "写错了 刚才那个不是6 是18": the closing the staff member sent on #6 within the hour was
    meant for #18. #18 is resolved with those words (its residents told); #6 goes back to its
    group, its residents told the notice was sent in error (day 27 S31)."""
    wrong = get_ticket(session, wrong_id)
    _require_staff_of(community, wrong, actor)
    closing = next((e for e in reversed(wrong.events) if e.kind in states.CLOSING_KINDS), None)
    if (
        wrong.state != states.RESOLVED
        or closing is None
        or closing.actor_id != actor.id
        or now - closing.at > CLOSING_FIX_WINDOW
    ):
        raise InvalidInput(
            f"no recent closing of ticket {wrong_id} by {actor.id} to move",
            f"没有找到您刚才对工单 #{wrong_id} 的办结，无法更正。"
            f"请回复：#{right_id} 已处理 处理说明",
        )
    said = closing.note or DONE_NOTE
    outcome = resolve_ticket(session, community, right_id, actor, said, now)
    reopen_by_staff(session, community, wrong_id, actor, f"办结发错了工单，应为 #{right_id}", now)
    told = held_until_morning(community, wrong, closing.at) is None or not _same_night(
        community, closing.at, now
    )
    withdrawn = _to_residents(wrong, messages.closing_withdrawn(wrong)) if told else []
    moved = Notice(messages.closing_moved(wrong, outcome.ticket), group=wrong.assigned_group)
    return Outcome(outcome.ticket, [moved, *outcome.notices, *withdrawn])


def reopen_by_staff(
    session: Session, community: Community, ticket_id: int, actor: Actor, note: str, now: datetime
) -> Ticket:
    """`#12 重新处理`: a resolved ticket goes back to its group before anyone rated it."""
    ticket = get_ticket(session, ticket_id)
    _require_staff_of(community, ticket, actor)
    _move(ticket, states.REOPENED, "reopened", actor, now, _note(note) or "工作人员重新处理")
    ticket.reopen_count += 1
    ticket.reopened_at = now
    ticket.resolve_stage = 0
    return ticket


def asked_to_rate(tickets: list[Ticket]) -> list[Ticket]:
    """Of tickets waiting for a resident's word, those whose closing asked for a rating: not an
    emergency (asked "安全了吗", asks_if_safe), unless all are."""
    return [t for t in tickets if not asks_if_safe(t)] or tickets


def asks_if_safe(ticket: Ticket) -> bool:
    """An emergency (a fire, a fall, someone trapped in a lift, a false alarm): the resident is
    asked whether they are safe, never to rate a service."""
    return ticket.emergency


def transfer_ticket(
    session: Session,
    community: Community,
    ticket_id: int,
    actor: Actor,
    target: str,
    now: datetime,
    ask_community: bool = False,
) -> Outcome:
    """Hand a ticket to another group. With `ask_community` (said in chat), a group the actor
    may not send it to gets it through the community group, asked to hand it on ("8号不是我们楼
    的 是6号楼的 转6号楼" from the first grid; day 49 S06), instead of a refusal and a ticket left
    where nobody may act on it; the dashboard and the API refuse, as they offer only what is
    allowed."""
    ticket = get_ticket(session, ticket_id)
    _require_staff_of(community, ticket, actor)
    group, reason = _target_and_reason(community, ticket, target)
    asked_for: Group | None = None
    top = community.community_group
    if (
        ask_community
        and not may_send_to(community, ticket, actor, group)
        and may_send_to(community, ticket, actor, top)
    ):
        asked_for, group = group, top
        reason = messages.cross_grid_reason(asked_for.name, reason)
    _require_may_send(community, ticket, actor, group)
    old = ticket.assigned_group
    if group.name == old and reason:
        # "幸福里 #3 转 2号楼 请陈桂兰今天下午就上门看看" with #3 at 2号楼 already: the
        # instruction is for them, never dropped with "无需转办" (fifth street trial, S33)
        return add_note(session, community, ticket_id, actor, reason, now)
    if group.name == old:
        raise InvalidInput(
            f"ticket {ticket_id} is already assigned to {old}",
            f"工单 #{ticket_id} 已经由{old}负责，无需转办。",
        )
    _move(ticket, states.OPEN, "transferred", actor, now, f"{old}{TRANSFER_ARROW}{group.name}")
    _hand_over(ticket, group.name, now)
    if reason:
        _record(ticket, "note", actor, now, reason)
    notice = messages.new_ticket_notice(
        ticket, transferred_from=_transferred_from(community, actor, old), transfer_reason=reason
    )
    told = (
        messages.transferred_in_group(ticket, old)
        if asked_for is None
        else messages.transferred_via_community(ticket, asked_for.name)
    )
    held = held_until_morning(community, ticket, now)
    if held is not None:
        # A transfer of no emergency in the quiet hours wakes neither the group it goes to nor
        # the residents: both hear it in the morning summary (day 53 S75, "#42 转 物业" at 06:40)
        return Outcome(ticket, [Notice(messages.transferred_at_night(told, held), group=old)])
    notices = [Notice(told, group=old), Notice(notice, group=group.name)]
    return Outcome(ticket, notices + transfer_to_residents(ticket))


def transfer_to_residents(ticket: Ticket) -> list[Notice]:
    """Each resident of a transferred ticket is told who has it now."""
    return _to_residents(ticket, messages.transferred_to_resident(ticket))


def transfer_notice(community: Community, ticket: Ticket, event: TicketEvent) -> Notice:
    """The notice a transfer (its `transferred` event) gives the group it went to, told in the
    morning when it was made in the night: who sent it and why (the note made with it)."""
    old, _, new = (event.note or "").partition(TRANSFER_ARROW)
    reason = next(
        (
            e.note or ""
            for e in ticket.events
            if e.kind == "note" and e.at == event.at and e.actor_id == event.actor_id
        ),
        "",
    )
    sender = Actor(event.actor_id or "", event.actor_name or "")
    if community.street_group is not None and sender.name in community.street_group.members:
        old = f"街道（{sender.name}）"
    text = messages.new_ticket_notice(ticket, transferred_from=old, transfer_reason=reason)
    return Notice(text, group=new)


def _transferred_from(community: Community, actor: Actor, old: str) -> str:
    """Who a transferred ticket comes from, as its new group reads it: the group that had it,
    or the street office when one of its people sent it ("由街道（周主任）转来：让网格员马上去敲门":
    the instruction is the street's, not the building's)."""
    return f"街道（{actor.name}）" if of_the_street(community, actor) else old


def may_send_to(community: Community, ticket: Ticket, actor: Actor, group: Group) -> bool:
    """Where a ticket may be transferred, one rule for chat and web: admins and staff above every
    grid send it anywhere; a grid's staff (a grid account, a person whose groups all lie in one
    grid, an approved member) within their grid (what the grid sees, service/tickets/stats.py)
    or up, to the groups above every grid (社区, 物业)."""
    home = _home_grid(community, ticket, actor)
    return home is None or stats.grid_of(community, group) in (None, home)


def _home_grid(community: Community, ticket: Ticket, actor: Actor) -> int | None:
    if actor.admin:
        return None
    if actor.grid is not None:
        return actor.grid
    if actor.person is not None:
        return stats.home_grid(community, actor.person.name)
    session = object_session(ticket)
    party = registration.party_group_of(session, community, actor) if session else None
    return stats.grid_of(community, party) if party else None


def _require_may_send(community: Community, ticket: Ticket, actor: Actor, group: Group) -> None:
    if may_send_to(community, ticket, actor, group):
        return
    home = _home_grid(community, ticket, actor)
    above = "、".join(
        g.name for g in community.groups if g.is_staff_group and stats.grid_of(community, g) is None
    )
    raise NotPermitted(
        f"{actor.name} ({actor.id}) of grid {home} may not transfer ticket {ticket.id} "
        f"to {group.name}",
        f"抱歉，{stats.Scope('grid', home).label(community)}的工作人员只能把工单转给本网格的群，"
        f"或{above}。",
    )


def _hand_over(ticket: Ticket, group: str, now: datetime) -> None:
    """A ticket handed to another group starts afresh there: unclaimed, its clocks started now
    (service/tickets/deadlines.py), no reminder or escalation sent yet."""
    ticket.assigned_group = group
    ticket.assigned_at = now
    ticket.over_said_at = None  # the new group checks it on its own clock
    ticket.claimed_at = ticket.claimed_by = None
    ticket.claim_stage = ticket.resolve_stage = 0


def take_back(
    session: Session, community: Community, ticket_id: int, actor: Actor, now: datetime
) -> Outcome:
    """`#12 收回`: a group that transferred the ticket (or a group above it) takes it back; it
    goes to the nearest such group the actor may act for (registration.may_act_for: also an
    approved member for their building's party group). A ticket marked 非职责 is taken back
    the same way by the group that marked it, one above it, or one that sent it there (day
    16)."""
    ticket = get_ticket(session, ticket_id)
    old = ticket.assigned_group
    marked = ticket.state == states.NOT_RESPONSIBLE
    groups = list(reversed(senders(ticket)))
    if marked:  # the group that marked it and those above, then those that sent it there
        marker = community.group(old) or community.community_group
        groups = [g.name for g in community.chain(marker)] + groups
    mine = [
        name
        for name in groups
        if registration.may_act_for(session, community, actor, [community.group(name)])
    ]
    if mine and mine[0] == old and not marked and _refused_to(ticket, old):
        # "#30 收回" after the group it went to sent it back: it is here already.
        return Outcome(ticket, [Notice(messages.taken_back(ticket, actor.name), group=old)])
    if not mine or (mine[0] == old and not marked):
        raise NotPermitted(
            f"{actor.name} ({actor.id}) sent no transfer of ticket {ticket_id}",
            f"工单 #{ticket_id} 不是从您这边转出的，无法收回。",
        )
    _move(ticket, states.OPEN, "taken_back", actor, now, f"{old}{TRANSFER_ARROW}{mine[0]}")
    _hand_over(ticket, mine[0], now)
    ticket.referred_to = None
    notices = [Notice(messages.taken_back(ticket, actor.name), group=mine[0])]
    if held_until_morning(community, ticket, now) is not None:
        # In the quiet hours only the group taking it hears at once; the group it was taken
        # from hears it in the morning summary, the resident when someone takes it on (day 22
        # S72: a take-back at 23:00 woke the property group and the resident).
        return Outcome(ticket, notices)
    if old != mine[0]:
        notices.insert(0, Notice(messages.taken_back_in_group(ticket, actor.name), group=old))
    return Outcome(
        ticket, notices + _to_residents(ticket, messages.transferred_to_resident(ticket))
    )


def _refused_to(ticket: Ticket, group: str) -> bool:
    """The ticket's latest hand-over was a refused transfer that sent it back to `group`."""
    for event in reversed(ticket.events):
        if event.kind in ("transferred", "taken_back", REFUSED):
            note = event.note or ""
            return event.kind == REFUSED and note.endswith(f"{TRANSFER_ARROW}{group}")
    return False


def _target_and_reason(community: Community, ticket: Ticket, text: str) -> tuple[Group, str]:
    """`转 物业 应该是主管道有气堵`: the group is the first word when the whole text names none;
    the rest is the reason, kept as a note and shown to the group it goes to."""
    text = text.strip()
    first, _, rest = text.partition(" ")
    if rest and community.find_group(text) is None:
        try:
            return resolve_target(community, ticket, first), rest.strip()
        except InvalidInput:
            pass
    return resolve_target(community, ticket, text), ""


def resolve_target(community: Community, ticket: Ticket, target: str) -> Group:
    """A staff group by name or by the words staff use (Community.find_group), and 网格 for the
    grid of this ticket's building."""
    target = target.strip()
    group = community.find_group(target)
    if group is None and target in {"网格", "网格党支部"} and (ticket.building or "").isdigit():
        grid = community.grid_of_building(int(ticket.building or 0))
        group = community.group(grid.group) if grid else None
    if group is None or not group.is_staff_group:
        raise InvalidInput(
            f"unknown transfer target {target!r}",
            f"找不到“{target}”。可以转给：物业、N号楼、网格、社区，或填写群名。",
        )
    return group


def add_note(
    session: Session, community: Community, ticket_id: int, actor: Actor, note: str, now: datetime
) -> Outcome:
    ticket = get_ticket(session, ticket_id)
    _require_staff_of(community, ticket, actor)
    noted = _note(note, required="请在“备注”后写上内容。")
    _record(ticket, "note", actor, now, noted)
    text = messages.note_added(ticket, noted, actor.name)
    # The street that pressed for it hears the answer ("今天下午就上门"; street trial 6, S15).
    to_street = _to_the_street(community, ticket, actor, text)
    return Outcome(ticket, [Notice(text, group=ticket.assigned_group), *to_street])


def resolved_by(ticket: Ticket) -> str | None:
    """Who closed the ticket last (its latest closing event)."""
    closings = (states.CLOSED_WITH_ANSWER, states.CLOSED_WITH_WORDS)
    return next((e.actor_name for e in reversed(ticket.events) if e.kind in closings), None)


def outcome_told_again(
    session: Session, community: Community, ticket_id: int, actor: Actor, note: str, now: datetime
) -> Outcome:
    """A closing of a ticket someone else closed already, telling what happened since ("#17 门打开
    了 李奶奶摔在卫生间起不来 120拉走了" after the duty officer's words had closed it; day 57
    S20, day 57b S14): the outcome kept as its closing words and told to its group and its
    residents, never "无需重复操作" with the words lost."""
    ticket = get_ticket(session, ticket_id)
    _require_staff_of(community, ticket, actor)
    told = _note(note, required="请写上处理说明。")
    _record(ticket, "note", actor, now, told)
    ticket.resolution_note = told
    in_group = messages.outcome_told_again(ticket, told, actor.name)
    notices = [
        Notice(in_group, group=ticket.assigned_group),
        *_to_the_alerted(community, ticket, in_group),
        *_to_the_street(community, ticket, actor, in_group),
    ]
    return Outcome(ticket, notices + _to_residents(ticket, messages.outcome_to_resident(ticket)))


def pushed_by_the_street(
    session: Session, community: Community, ticket_id: int, actor: Actor, said: str, now: datetime
) -> Outcome:
    """One of the street office's people presses for a ticket ("金茂 #6 怎么还没人接！请金茂社区
    马上安排人去3号楼", "幸福里 #6 垃圾桶都满两天了 请社区今天必须清掉"), whether the ladder
    brought it to the street or not: their words are kept on it and reach its group and the
    community's group; the ticket itself is left as it is (fifth street trial, S28, S49)."""
    answers = ("只有街道的同志可以督促。", "请写上督促的内容。")
    ticket, noted = _street_note(session, community, ticket_id, actor, said, now, answers)
    text = messages.pushed_by_the_street(ticket, noted, actor.name)
    groups = dict.fromkeys([ticket.assigned_group, community.community_group.name])
    return Outcome(ticket, [Notice(text, group=g) for g in groups])


def street_finding(
    session: Session,
    community: Community,
    report: Report,
    understanding: Understanding,
    now: datetime,
) -> Outcome:
    """A finding of the street's inspection told in its group, naming a building of this
    community ("金茂3号楼楼道里堆了好多纸箱 限今天下午清掉"; street check 13 S012): a ticket, opened
    and routed as a resident's report is (or joined to the open one of the same problem), with
    the street's words kept on it so its claim, notes and closing reach the street
    (_street_follows). The street is told where it went; it is no resident to rate the fix."""
    if not of_the_street(community, report.reporter):
        raise NotPermitted(
            f"{report.reporter.id} is not of the street", "只有街道的同志可以这样说。"
        )
    outcome = open_ticket(session, community, report, understanding, now)
    ticket = get_ticket(session, outcome.ticket.id)
    _record(ticket, "note", report.reporter, now, _note(report.text[:MAX_NOTE_CHARS]))
    joined = ticket.reporter_id != report.reporter.id
    told = Notice(
        messages.street_finding_filed(ticket, joined),
        room_id=report.room_id,
        mentions=(Mention(report.reporter.id, report.reporter.name),),
    )
    staff = [n for n in outcome.notices if n.room_id != report.room_id]
    return Outcome(ticket, [told, *staff])


def street_awaits_closing(
    session: Session, community: Community, ticket_id: int, actor: Actor, said: str, now: datetime
) -> Ticket:
    """One of the street's people asks to be told when the ticket is closed ("幸福里 #11 电梯修好了
    跟我说一声"): their words are kept on it, so its closing reaches the street (_street_follows);
    nobody else is told (street trial 8, D077)."""
    answers = ("只有街道的同志可以这样说。", "请写上内容。")
    ticket, _ = _street_note(session, community, ticket_id, actor, said, now, answers)
    return ticket


def _street_note(
    session: Session,
    community: Community,
    ticket_id: int,
    actor: Actor,
    said: str,
    now: datetime,
    answers: tuple[str, str],
) -> tuple[Ticket, str]:
    """The street's words kept on a ticket (a press, a wish to hear of its closing: what
    pressed_here and _street_follows read); `answers`: what someone not of the street, and
    empty words, are told."""
    ticket = get_ticket(session, ticket_id)
    not_street, empty = answers
    if not of_the_street(community, actor):
        raise NotPermitted(f"{actor.id} is not of the street", not_street)
    noted = _note(said, required=empty)
    _record(ticket, "note", actor, now, noted)
    return ticket, noted


def merge_ticket(
    session: Session,
    community: Community,
    ticket_id: int,
    into_id: int,
    actor: Actor,
    now: datetime,
) -> Outcome:
    # Rows are locked in number order, so two merges of the same pair cannot deadlock.
    first, second = sorted((ticket_id, into_id))
    locked = {n: get_ticket(session, n) for n in (first, second)}
    ticket, into = locked[ticket_id], locked[into_id]
    _require_staff_of(community, ticket, actor)
    _require_staff_of(community, into, actor)
    if into.id == ticket.id:
        raise InvalidInput(
            f"cannot merge ticket {ticket_id} into itself",
            f"不能把工单 #{ticket_id} 合并到它自己，请写另一张工单的编号。",
        )
    if into.state not in states.ACTIVE | {states.RESOLVED}:
        # "#42 跟46号是一回事" when #46 is closed: say so, and how to close this one (day 23 S131).
        raise InvalidInput(
            f"cannot merge ticket {ticket_id} into {into_id} ({into.state})",
            messages.merge_into_finished(ticket, into),
        )
    _move(ticket, states.DUPLICATE, "merged", actor, now, f"→ #{into.id}")
    ticket.merged_into = into.id
    for room, mention in _resident_mentions(ticket):
        if not _is_resident_of(into, Actor(mention.id, mention.name)):
            into.followers.append(
                TicketFollower(
                    person_id=mention.id,
                    person_name=mention.name,
                    room_id=room,
                    text=ticket.text,
                    joined_at=now,
                )
            )
    _record(into, "follower_added", actor, now, f"#{ticket.id} 合并进来")
    if into.state == states.RESOLVED:
        # Its result was told before these residents joined: they hear it now, and may rate it.
        group = messages.merged_into_resolved_in_group(ticket, into)
        told = _to_residents(
            ticket,
            lambda what: messages.resolved_to_resident(into, what, ask_safe=into.emergency),
        )
        return Outcome(ticket, [Notice(group, group=ticket.assigned_group), *told])
    notices = [Notice(messages.merged_in_group(ticket, into), group=ticket.assigned_group)]
    return Outcome(
        ticket, notices + _to_residents(ticket, messages.merged_to_resident(ticket, into))
    )


def unmerge_ticket(
    session: Session,
    community: Community,
    ticket_id: int,
    actor: Actor,
    note: str,
    now: datetime,
    claiming: bool = False,
) -> Outcome:
    """`#28 不是重复 何奶奶家是另一根管子`: staff undo a merge. The ticket is its own again, in
    the state it had before, its residents leave the ticket it was merged into, and they hear
    that their problem is handled on its own. `claiming`: the same sentence takes the ticket
    ("… 我去看看"), so the group is not asked to claim it."""
    ticket = get_ticket(session, ticket_id)
    _require_staff_of(community, ticket, actor)
    into = session.get(Ticket, ticket.merged_into) if ticket.merged_into else None
    if ticket.state != states.DUPLICATE or into is None:
        raise InvalidInput(
            f"ticket {ticket_id} is not merged into another ticket ({ticket.state})",
            f"工单 #{ticket_id} 没有合并到别的工单，无需拆开。",
        )
    merged = [e for e in ticket.events if e.kind == "merged" and e.from_state in states.ACTIVE]
    before = merged[-1].from_state if merged and merged[-1].from_state else states.OPEN
    _move(ticket, before, "unmerged", actor, now, _note(note) or f"与 #{into.id} 不是同一件事")
    ticket.merged_into = None
    people = {(room, m.id) for room, m in _resident_mentions(ticket)}
    for follower in [f for f in into.followers if (f.room_id, f.person_id) in people]:
        if follower.text == ticket.text:
            into.followers.remove(follower)
    _record(into, "unmerged_out", actor, now, f"#{ticket.id} 不是同一件事，已拆开单独处理")
    told = messages.unmerged_in_group(ticket, into, claiming)
    notices = [Notice(told, group=ticket.assigned_group)]
    return Outcome(ticket, notices + _to_residents(ticket, messages.unmerged_to_resident(ticket)))


def mark_not_responsible(
    session: Session, community: Community, ticket_id: int, actor: Actor, note: str, now: datetime
) -> Outcome:
    """`#12 非职责 原因`: the ticket is closed as not the community's, and its residents told.
    From a group the ticket was transferred to that is outside the sender's chain (物业 after
    `转 物业`), it is a refusal of the transfer instead: `refuse_transfer` (day 17)."""
    ticket = get_ticket(session, ticket_id)
    _require_staff_of(community, ticket, actor)
    note = _note(note, required="请说明原因和建议去处，例如：#12 非职责 属于市政管理，请拨打12345")
    sender = _sent_by(community, ticket)
    if sender is not None:
        return refuse_transfer(ticket, sender, actor, note, now)
    _move(ticket, states.NOT_RESPONSIBLE, "not_responsible", actor, now, note)
    ticket.referred_to = note
    notices = [Notice(messages.not_responsible_in_group(ticket), group=ticket.assigned_group)]
    return Outcome(
        ticket, notices + _to_residents(ticket, messages.not_responsible_to_resident(ticket))
    )


# The kind of event of a transfer refused by the group it went to ("不归我们管"): the ticket is
# back with its sender, who is no sender of it to that group any more (`senders`).
REFUSED = "transfer_refused"


def _sent_by(community: Community, ticket: Ticket) -> Group | None:
    """The group that transferred the ticket to the group it is with now, when that group is
    outside the sender's chain (the property group, not a grid above a party group)."""
    here = ticket.assigned_group
    for event in reversed(ticket.events):
        if event.kind != "transferred" or not event.note or TRANSFER_ARROW not in event.note:
            continue
        old, _, new = event.note.partition(TRANSFER_ARROW)
        sender = community.group(old)
        if new != here or sender is None:
            return None
        return None if here in {g.name for g in community.chain(sender)} else sender
    return None


def refuse_transfer(
    ticket: Ticket, sender: Group, actor: Actor, note: str, now: datetime
) -> Outcome:
    """ "#30 这是业主家里的管子 不归我们管" from the group a ticket was transferred to: it goes
    back to the group that sent it, open, with the reason as a note; the residents are told
    nothing (the community has not given its answer yet)."""
    here = ticket.assigned_group
    _move(ticket, states.OPEN, REFUSED, actor, now, f"{here}{TRANSFER_ARROW}{sender.name}")
    _hand_over(ticket, sender.name, now)
    _record(ticket, "note", actor, now, f"{here}退回：{note}")
    return Outcome(
        ticket,
        [
            Notice(messages.refused_in_group(ticket), group=here),
            Notice(messages.refused_to_sender(ticket, here, actor.name, note), group=sender.name),
        ],
    )


def mark_complex(
    session: Session, community: Community, ticket_id: int, actor: Actor, now: datetime
) -> Outcome:
    ticket = get_ticket(session, ticket_id)
    _require_staff_of(community, ticket, actor)
    if ticket.state not in states.ACTIVE:
        raise IllegalTransition(
            f"ticket {ticket_id} is {ticket.state}; only active tickets can be marked complex",
            f"工单 #{ticket_id} 当前状态为“{messages.state_label(ticket)}”，不能再标记为复杂。",
        )
    ticket.complex = True
    _record(ticket, "complex", actor, now)
    due = deadlines.resolve_due(ticket, community)
    text = messages.marked_complex(ticket, due, community.zone)
    return Outcome(ticket, [Notice(text, group=ticket.assigned_group)])


# -- residents ---------------------------------------------------------------------------


def cancel_ticket(
    session: Session,
    community: Community,
    ticket_id: int,
    actor: Actor,
    room_id: str,
    now: datetime,
) -> Outcome:
    """The reporter withdraws their ticket. In the quiet hours the group of a ticket that is no
    emergency and nobody took is not woken to hear it needs nothing (day 56: at 22:05); its
    lists leave it out."""
    ticket = get_ticket(session, ticket_id)
    if actor.id != ticket.reporter_id:
        raise NotPermitted(
            f"{actor.id} is not the reporter of ticket {ticket_id}",
            f"抱歉，只有反映人本人可以撤销工单 #{ticket_id}。",
        )
    _move(ticket, states.CANCELLED, "cancelled", actor, now)
    mention = (Mention(actor.id, actor.name),)
    notices = [Notice(messages.cancelled_to_resident(ticket), room_id=room_id, mentions=mention)]
    if held_until_morning(community, ticket, now) is None or ticket.claimed_at is not None:
        # (someone who took it must not set off for it in the morning)
        notices.append(Notice(messages.cancelled_in_group(ticket), group=ticket.assigned_group))
    return Outcome(ticket, notices)


def _own_rating(ticket: Ticket, actor: Actor, room_id: str) -> TicketFollower | None:
    """The follower row of a resident who joined this ticket; None for its reporter."""
    if ticket.reporter_id == actor.id and ticket.source_room_id == room_id:
        return None
    return next(
        (f for f in ticket.followers if f.person_id == actor.id and f.room_id == room_id), None
    )


def rate_ticket(
    session: Session,
    community: Community,
    ticket_id: int | None,
    actor: Actor,
    room_id: str,
    satisfied: bool,
    reason: str,
    now: datetime,
    from_thanks: bool = False,
    filler_chars: str = "",
    thanked: bool = True,
) -> Outcome:
    """Each resident of a ticket rates the fix for themselves. 满意 is recorded; the ticket
    closes once everyone who reported the problem has answered (or, later, when the rating time
    is up). 不满意 reopens it for everyone and sends it back to the group with the reason.
    `from_thanks`: the resident only thanked us, or said it works now; the answer says it was
    taken as 满意, with 不客气 only when they thanked (`thanked`; day 24 S103)."""
    waiting = tickets_waiting_for_rating(session, actor, room_id)
    among = 0  # a bare 不满意 with several waiting: the latest fix, and the answer says which
    if ticket_id is not None:
        ticket = next((t for t in waiting if t.id == ticket_id), None)
        if ticket is None and not satisfied and reason.strip():
            # "不满意 #1 今天又扔了" about a ticket still being handled: the group hears it.
            mine = my_open_tickets(session, actor)
            in_hand = next((t for t in mine if t.id == ticket_id), None)
            if in_hand is not None:
                return _unsatisfied_in_hand(
                    session, community, in_hand, actor, room_id, reason, now
                )
        if ticket is None:
            raise InvalidInput(
                f"ticket {ticket_id} is not waiting for a rating from {actor.id}",
                f"工单 #{ticket_id} 目前不需要您评价。",
            )
    elif not waiting:
        raise InvalidInput(f"{actor.id} has no ticket to rate", "您目前没有待评价的工单。")
    elif not satisfied and (
        about := _unsatisfied_about(session, actor, waiting, reason, filler_chars)
    ):
        # "不满意 昨晚一点还在卸货" is about the problem its words name, not the street light
        # just fixed: the one ticket of theirs sharing most words with it; one still being
        # handled hears it as their addition; with a tie, the resident is asked which.
        if len(about) > 1:
            numbers = "、".join(f"#{t.id}" for t in about)
            raise InvalidInput(
                f"{actor.id}'s unsatisfied rating speaks of several tickets; a number is needed",
                f"您有几张工单（{numbers}），请问说的是哪一张？"
                f"请回复，例如：不满意 #{about[0].id} 原因",
            )
        ticket = about[0]
        if ticket not in waiting:
            return _unsatisfied_in_hand(session, community, ticket, actor, room_id, reason, now)
    elif len(waiting) > 1 and satisfied and len(asked_to_rate(waiting)) == 1:
        # "满意" after a fix, with an emergency closed too: that closing asked "安全了吗",
        # never for a rating, so the 满意 is for the one fix (day 18, S51).
        ticket = asked_to_rate(waiting)[0]
    elif len(waiting) > 1 and satisfied:
        rated = asked_to_rate(waiting)
        raise InvalidInput(
            f"{actor.id} has {len(rated)} tickets to rate; a number is needed",
            messages.which_to_rate(rated),
        )
    elif len(waiting) > 1:
        # A bare "不满意" with several waiting: the fix this resident heard of last, said so.
        ticket = max(waiting, key=lambda t: (t.resolved_at or t.updated_at, t.id))
        among = len(waiting)
    else:
        # The one ticket waiting for this resident's rating ("不满意 下午又停了" is about the fix
        # just reported), unless the reason speaks only of another ticket still in hand
        # ("不满意 今天又扔了" after the lamp was fixed, with a litter ticket open): then ask.
        ticket = waiting[0]
        said = set(reason) - set(filler_chars) - set("，,。！!？? ")
        others = [
            t for t in my_open_tickets(session, actor) if t.id != ticket.id and said & set(t.text)
        ]
        if not satisfied and others and not said & set(ticket.text):
            numbers = "、".join(f"#{t.id}" for t in sorted([ticket, *others], key=lambda t: t.id))
            raise InvalidInput(
                f"{actor.id} speaks of another open ticket; an unsatisfied rating needs a number",
                f"您有几张工单（{numbers}），请问说的是哪一张？"
                f"请回复，例如：不满意 #{ticket.id} 原因",
            )
    ticket = get_ticket(session, ticket.id)  # locked and read afresh: was it closed meanwhile?
    if ticket.state != states.RESOLVED:
        raise InvalidInput(
            f"ticket {ticket.id} is {ticket.state}, no longer waiting for a rating",
            f"工单 #{ticket.id} 目前不需要您评价。",
        )
    mention = (Mention(actor.id, actor.name),)
    follower = _own_rating(ticket, actor, room_id)
    verdict = "satisfied" if satisfied else "unsatisfied"
    if follower is None:
        ticket.rated_at = now
        ticket.rating = verdict
    else:
        follower.rated_at = now
        follower.rating = verdict
    if satisfied:
        safe = from_thanks and ticket.emergency
        detail = "已安全" if safe else ("满意（致谢）" if from_thanks else "满意")
        if ratings.everyone_rated(ticket):
            if safe:
                # "安全了，谢谢" after an emergency is relief, not a verdict on a service.
                _move(ticket, states.CLOSED, "confirmed_safe", actor, now)
            else:
                _move(ticket, states.CLOSED, "rated", actor, now, detail)
            ticket.closed_at = now
        else:
            kind = "reporter_rated" if follower is None else "follower_rated"
            _record(ticket, kind, actor, now, detail)
        points.on_ticket(session, ticket, now)
        if safe:
            answer = messages.safe_confirmed(ticket)
            in_group = messages.safe_in_group(ticket)
        else:
            answer = (
                messages.thanks_taken(ticket, thanked)
                if from_thanks
                else messages.rated_satisfied(ticket)
            )
            in_group = messages.rated_in_group(ticket)
        if held_until_morning(community, ticket, now) is not None:
            # 满意 at night wakes nobody: the group hears it in the morning summary
            # (escalation.morning_summary; day 38 S119 at 23:50).
            return Outcome(ticket, [Notice(answer, room_id=room_id, mentions=mention)])
        return Outcome(
            ticket,
            [
                Notice(answer, room_id=room_id, mentions=mention),
                Notice(in_group, group=ticket.assigned_group),
            ],
        )
    reason = _note(reason) or "未说明原因"
    _move(ticket, states.REOPENED, "reopened", actor, now, reason)
    ticket.reopen_count += 1
    ticket.reopened_at = now
    ticket.resolve_stage = 0
    points.on_ticket(session, ticket, now)
    until = held_until_morning(community, ticket, now)
    if until is not None:
        # At night the group hears it in the morning summary (escalation.morning_summary).
        told = messages.reopened_at_night(ticket, until, among)
        return Outcome(ticket, [Notice(told, room_id=room_id, mentions=mention)])
    return Outcome(
        ticket,
        [
            Notice(messages.reopened_to_resident(ticket, among), room_id=room_id, mentions=mention),
            Notice(messages.reopened_in_group(ticket, reason), group=ticket.assigned_group),
        ],
    )


def _unsatisfied_in_hand(
    session: Session,
    community: Community,
    ticket: Ticket,
    actor: Actor,
    room_id: str,
    reason: str,
    now: datetime,
) -> Outcome:
    """ "不满意 #1 今天又扔了" about a ticket still being handled: the resident's addition to it,
    as own_follow_up does (the row locked, held for the morning at night)."""
    report = Report(reason, actor, room_id, None)
    return own_follow_up(
        session, ticket, report, community, now, by_day=messages.follow_up_to_resident
    )


def _unsatisfied_about(
    session: Session, actor: Actor, waiting: list[Ticket], reason: str, filler_chars: str
) -> list[Ticket]:
    """The resident's tickets (waiting for their rating, or still being handled) whose words
    a 不满意 reason shares most (duplicates.shared_pairs); empty when it shares none."""
    # An emergency in hand is never what a 不满意 is about (day 19, S29: "不满意 … 中午又满出来了"
    # shares "出来了" with a fire report, and was answered with fire advice).
    in_hand = [
        t for t in my_open_tickets(session, actor) if t.state in states.ACTIVE and not t.emergency
    ]
    scores = {
        t: duplicates.shared_pairs(reason, t.text, filler_chars) for t in [*waiting, *in_hand]
    }
    best = max(scores.values(), default=0)
    return [t for t, score in scores.items() if best and score == best]


def resident_follow_up(
    ticket: Ticket,
    actor: Actor,
    room_id: str,
    text: str,
    now: datetime,
    reply: Callable[[Ticket], str] = messages.follow_up_to_resident,
    to_group: bool = True,
    over: bool = False,
    in_group: Callable[[Ticket, str, str], str] | None = None,
) -> Outcome:
    """A resident adds to a ticket still being handled ("今天又扔了"): kept on the ticket and
    passed to the group handling it (unless to_group is False: then the morning summary).
    `over`: the resident says the emergency is over; the group is asked to check and resolve.
    `in_group`: the group's words (ticket, resident's name, what they said) when not the usual
    【居民补充】 ("来水了 谢谢": 【居民称已恢复】)."""
    said = _note(text[:MAX_NOTE_CHARS]) or ""
    _record(ticket, "resident_note", actor, now, said)
    notices = [Notice(reply(ticket), room_id=room_id, mentions=(Mention(actor.id, actor.name),))]
    if to_group:
        told = (
            in_group(ticket, actor.name, said)
            if in_group is not None
            else messages.follow_up_in_group(ticket, actor.name, said, over)
        )
        notices.append(Notice(told, group=ticket.assigned_group))
    return Outcome(ticket, notices)


# Asked of every resident message (a thanks, a report): built once.
_RESOLVED_FOR_RESIDENT = (
    select(Ticket)
    .where(
        Ticket.state == states.RESOLVED,
        or_(
            (Ticket.reporter_id == bindparam("who")) & (Ticket.source_room_id == bindparam("room")),
            Ticket.id.in_(
                select(TicketFollower.ticket_id).where(
                    TicketFollower.person_id == bindparam("who"),
                    TicketFollower.room_id == bindparam("room"),
                )
            ),
        ),
    )
    .order_by(Ticket.id)
)


def unsatisfied_while_open(
    session: Session, community: Community, report: Report, now: datetime
) -> Outcome | None:
    """ "不满意 还没查出来是谁扔的" with nothing of theirs waiting for a rating, and one ticket of
    theirs from this chat still being handled (claimed, not closed): their words go on it and to
    its group, and they are told it is still being handled (own_follow_up), never silence (day
    29 P09). None with none or several."""
    active = [
        t
        for t in my_open_tickets(session, report.reporter)
        if t.state in states.ACTIVE and _in_room(t, report.reporter, report.room_id)
    ]
    if len(active) != 1:
        return None
    return own_follow_up(session, active[0], report, community, now)


def followed_by_merge(session: Session, ticket: Ticket, actor: Actor, room_id: str) -> bool:
    """This resident follows `ticket` only because staff merged their own report into it."""
    if _own_rating(ticket, actor, room_id) is None:
        return False  # their own report
    merged = select(Ticket.id).where(
        Ticket.merged_into == ticket.id,
        Ticket.reporter_id == actor.id,
        Ticket.source_room_id == room_id,
    )
    return session.scalar(merged.limit(1)) is not None


def tickets_waiting_for_rating(session: Session, actor: Actor, room_id: str) -> list[Ticket]:
    """Resolved tickets this resident (as reporter or as one who joined) has not rated since
    their latest resolution."""
    found = session.scalars(_RESOLVED_FOR_RESIDENT, {"who": actor.id, "room": room_id})
    waiting = []
    for ticket in found:
        own = _own_rating(ticket, actor, room_id)
        rated = (
            ratings.reporter_has_rated(ticket) if own is None else ratings.follower_has_rated(own)
        )
        if not rated:
            waiting.append(ticket)
    return waiting


def close_unrated(session: Session, community: Community, now: datetime) -> int:
    """Resolved tickets nobody rated in time are closed without a rating."""
    wait = community.policy.rating_wait
    closed = 0
    stmt = select(Ticket).where(Ticket.state == states.RESOLVED).order_by(Ticket.id)
    system = Actor("system", "系统")
    # A ticket someone is rating right now is left for the next sweep.
    for ticket in list(session.scalars(stmt.with_for_update(skip_locked=True))):
        if ticket.resolved_at is not None and wait.after(ticket.resolved_at, community.zone) <= now:
            _move(ticket, states.CLOSED, "auto_closed", system, now)
            ticket.closed_at = now
            closed += 1
    return closed


def ticket_progress(session: Session, community: Community, ticket_id: int, actor: Actor) -> str:
    ticket = visible_ticket(session, community, ticket_id, actor)
    return messages.progress(ticket, community.zone, street_people(community))


def street_people(community: Community) -> frozenset[str]:
    """The names of the street office's people (config/street.yaml), as tickets' events keep
    them."""
    street = community.street_group
    return frozenset(street.members) if street is not None else frozenset()


def visible_ticket(session: Session, community: Community, ticket_id: int, actor: Actor) -> Ticket:
    """The ticket, when the actor may see its progress (may_see); else NotPermitted, told in
    Chinese whose it is or that residents see only their own."""
    ticket = get_ticket(session, ticket_id)
    if not may_see(community, ticket, actor):
        raise NotPermitted(
            f"{actor.id} may not see ticket {ticket_id}",
            f"抱歉，工单 #{ticket_id} 由{ticket.assigned_group}负责，不在您这边的范围内。"
            if actor.is_staff
            else "抱歉，您只能查询自己反映的工单。",
        )
    return ticket


def ticket_timeline(session: Session, community: Community, ticket_id: int, actor: Actor) -> str:
    ticket = get_ticket(session, ticket_id)
    _require_staff_of(community, ticket, actor)
    return messages.timeline(ticket, list(ticket.events), community.zone)


def reported_emergency_since(session: Session, actor: Actor, since: datetime) -> bool:
    """Has this resident reported (or joined) an emergency since ``since``, in any state?"""
    followed = select(TicketFollower.ticket_id).where(TicketFollower.person_id == actor.id)
    stmt = select(Ticket.id).where(
        Ticket.emergency.is_(True),
        Ticket.created_at >= since,
        or_(Ticket.reporter_id == actor.id, Ticket.id.in_(followed)),
    )
    return session.scalars(stmt.limit(1)).first() is not None


def ticket_exists(session: Session, ticket_id: int) -> bool:
    """Whether ticket `ticket_id` exists (a number out of range is none: no database error)."""
    return 0 < ticket_id <= MAX_TICKET_ID and session.get(Ticket, ticket_id) is not None


def my_open_tickets(session: Session, actor: Actor) -> list[Ticket]:
    followed = select(TicketFollower.ticket_id).where(TicketFollower.person_id == actor.id)
    stmt = select(Ticket).where(
        Ticket.state.notin_(states.FINAL),
        or_(Ticket.reporter_id == actor.id, Ticket.id.in_(followed)),
    )
    return list(session.scalars(stmt.order_by(Ticket.id)))


def naming_the_person(text: str, tickets: list[Ticket]) -> list[Ticket]:
    """The tickets whose words name the resident a short message names by surname and honorific
    ("王奶奶好多了 谢谢社区" → the ticket about 王奶奶, not the one about 周先生's mother; day 35
    P15); [] when it names nobody, or everybody's ticket does."""
    named = people_by_name(text, current_config())
    if not named:
        return []
    found = [t for t in tickets if all(n in t.text for n in named)]
    return found if len(found) < len(tickets) else []


def naming_its_subject(policy: TicketPolicy, text: str, tickets: list[Ticket]) -> list[Ticket]:
    """The tickets a short message names by who or what was in danger (`danger_subjects`: "老人的
    事谢谢了", "广告牌拆了"; day 36 P12, P23) or, of an emergency, by words of its kind
    (`kind_words`: "谢谢陈组长早上陪我去医院" of the chest pain, P06); [] when it names none of
    them, or all."""
    kinds = policy.duplicates.kind_words
    found = [
        t
        for t in tickets
        if any(w in text and w in t.text for w in policy.danger_subjects)
        or (
            t.emergency
            and any(len(w) > 1 and w in text for w in kinds.get(t.subcategory or "", ()))
        )
    ]
    return found if len(found) < len(tickets) else []


def latest_report_at(session: Session, actor: Actor, room_id: str) -> datetime | None:
    """When the resident last reported a problem in this chat (their newest ticket from it)."""
    stmt = select(func.max(Ticket.created_at)).where(
        Ticket.reporter_id == actor.id, Ticket.source_room_id == room_id
    )
    return session.scalar(stmt)


def late_below(
    session: Session, community: Community, group: Group, shown: list[Ticket], now: datetime
) -> tuple[int, list[tuple[Ticket, str]]]:
    """The active tickets of the groups under ``group`` that its 待办 does not list already:
    how many, and the late ones with what is late."""
    below = [g.name for g in community.groups if g is not group and group in community.chain(g)]
    if not below:
        return 0, []
    listed = {t.id for t in shown}
    stmt = select(Ticket).where(
        Ticket.assigned_group.in_(below),
        Ticket.state.in_(states.ACTIVE),
        Ticket.awaiting_place.is_(False),
    )
    active = [t for t in session.scalars(stmt.order_by(Ticket.id)) if t.id not in listed]
    late = [(t, deadlines.late(t, community, now)) for t in active]
    return len(active), [(t, messages.LATE_WHAT[d.what]) for t, d in late if d is not None]


def group_todo(session: Session, community: Community, group: Group) -> list[Ticket]:
    """The group's own active tickets, those escalated to it (the escalation said "请回复 #5
    接单" there, so 待办 there must list #5) and the emergencies alerted to it (an emergency is
    told at once to its group and every group above it)."""
    escalated = select(TicketEvent.ticket_id).where(
        TicketEvent.kind.in_(("escalated", "reminder")),
        TicketEvent.note.like(f"%{TRANSFER_ARROW}{group.name}"),
    )
    below = [g.name for g in community.groups if group in community.chain(g)]
    stmt = select(Ticket).where(
        or_(
            Ticket.assigned_group == group.name,
            Ticket.id.in_(escalated),
            Ticket.emergency.is_(True) & Ticket.assigned_group.in_(below),
        ),
        Ticket.state.in_(states.ACTIVE),
        Ticket.awaiting_place.is_(False),
    )
    return list(session.scalars(stmt.order_by(Ticket.created_at, Ticket.id)))


def latest_not_ours(session: Session, actor: Actor, since: datetime) -> Ticket | None:
    """The resident's latest ticket marked not ours (非职责) since `since`: what a 不满意 with
    nothing to rate is about ("不满意 打12345要是有用我还找你们干嘛"; day 19, S19)."""
    stmt = (
        select(Ticket)
        .where(
            Ticket.reporter_id == actor.id,
            Ticket.state == states.NOT_RESPONSIBLE,
            Ticket.updated_at >= since,
        )
        .order_by(Ticket.updated_at.desc(), Ticket.id.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


# How long after a ticket was found not ours (非职责) a resident's words about it are heard on it.
NOT_OURS_WINDOW = timedelta(hours=72)


def complaint_of_not_ours(
    session: Session, community: Community, report: Report, now: datetime
) -> Outcome | None:
    """Words of a resident about their ticket found not ours in the last NOT_OURS_WINDOW, read
    as no request ("12345打了半天没人接 烧烤摊你们社区就真不管了？"): kept on it and passed to
    its group, and the resident told so (unsatisfied_with_not_ours). None when they share no
    words with it (follow_up_evidence) or say thanks."""
    if community.words.is_thanks(report.text) or tells_over(community, report.text, restored=True):
        # "燃气公司的师傅来了 热水器修好了 能洗澡了 谢谢唐书记": fixed by those it was sent to,
        # no complaint (day 64 R099)
        return None
    not_ours = latest_not_ours(session, report.reporter, now - NOT_OURS_WINDOW)
    rules = community.policy.duplicates
    if not_ours is None or not duplicates.follow_up_evidence(report.text, not_ours, rules):
        return None
    return unsatisfied_with_not_ours(not_ours, report.reporter, report.room_id, report.text, now)


def unsatisfied_with_not_ours(
    ticket: Ticket, actor: Actor, room_id: str, reason: str, now: datetime
) -> Outcome:
    """不满意 of a ticket marked not ours: kept on it and passed to its group, and the resident
    is told so; the ticket stays as it is (staff decide whether to take it up again)."""
    return resident_follow_up(
        ticket,
        actor,
        room_id,
        reason or "不满意",
        now,
        reply=messages.unsatisfied_not_ours_to_resident,
        in_group=messages.unsatisfied_not_ours_in_group,
    )


# What "幸福里的煤气那个怎么样了" may mean: the active tickets, and those changed this long ago.
RECENT_FOR_ASKING = timedelta(days=1)
# What naming the one who claimed a ticket counts for, beside the words it shares.
CLAIMER_NAMED = 3
# ... and, asked of earlier ("上周那个暖气的"), the tickets changed this long ago
EARLIER_FOR_ASKING = timedelta(days=14)
ASKED_AMONG = 200


def ticket_its_words_fit(
    session: Session, community: Community, said: str, now: datetime
) -> Ticket | None:
    """A question naming no number ("被困的孩子救出来没有"): the one ticket in hand or changed
    lately that shares the most pairs of letters with its words or its kind (被困 of "我儿子在
    电梯里出不来"); None when none shares any, or two share as many."""
    found = tickets_its_words_fit(session, community, said, now)
    return found[0] if len(found) == 1 else None


def tickets_its_words_fit(
    session: Session, community: Community, said: str, now: datetime
) -> list[Ticket]:
    """As ticket_its_words_fit, with the tickets that fit alike when several do ("金茂那个暖气的
    事咋样了" with two heating tickets open; street check 12 S12): [] when none fits."""
    # "金茂上周那个暖气的 居民后来满意吗" (street trial 9 S47): a closing further back; and
    # when nothing of the last day fits ("幸福理 楼道灯那个弄好没有", closed last week; street
    # check 9b S17)
    earlier = any(w in said for w in community.words.street_earlier)
    asking = (*community.words.street_not_naming, *community.words.street_asks)
    for word in sorted(asking, key=len, reverse=True):
        if len(word) > 1:
            said = said.replace(word, " ")
    found = _fitting_tickets(session, community, said, now, earlier)
    if not found and not earlier:
        found = _fitting_tickets(session, community, said, now, True)
    return found


def _fitting_tickets(
    session: Session, community: Community, said: str, now: datetime, earlier: bool
) -> list[Ticket]:
    rules = community.policy.duplicates
    filler = "".join(rules.filler_chars)
    recent = EARLIER_FOR_ASKING if earlier else RECENT_FOR_ASKING
    tickets = session.scalars(
        select(Ticket)
        .where(or_(Ticket.state.in_(states.ACTIVE), Ticket.updated_at >= now - recent))
        .order_by(Ticket.updated_at.desc())
        .limit(ASKED_AMONG)
    ).all()
    named = buildings_named(said)
    # the place letters name no problem: "5号楼2单元消防通道堆了旧沙发" shares 单元 with the
    # heating of 5号楼2单元 closed two days ago, and is no word of it (street check 14 S50)
    said = without_building_or_unit(said)
    if named:
        # "那个三号楼的那个楼道灯的事情" is of 3号楼, never of the 1号楼 lamp (street trial 8,
        # D089); with no ticket of 4号楼, "4号楼电动车那个" fits none (street check 13 S030),
        # only one of no building may
        tickets = [t for t in tickets if t.building in named or t.building is None]

    def score(ticket: Ticket) -> int:
        # a keyword of the ticket said whole counts too: 单元门 is all place letters, which
        # alone share no pair ("金茂那个单元门的事 今天能修好吗": street trial 8, N018); the
        # resident's words count over the kind's ("摔倒的老人": the fall, not the elder
        # living alone who hurt a leg; street trial 9 S49)
        named = sum(1 for k in ticket.keywords or () if len(k) >= 2 and k in said)
        # ... and a pair told with a letter between ("摔腿老人" of "前几天摔了腿"; street trial
        # 10 S10)
        in_words = duplicates.shared_pairs(said, ticket.text, filler) + (
            duplicates.shared_split_pairs(said, ticket.text, filler, reach=ASKED_PAIR_REACH)
        )
        in_kind = duplicates.shared_pairs(said, ticket.subcategory or "", filler)
        # who has it, named ("金茂那个狗叫的 韩涛接了好几天了"; street check 9b S33)
        holder = CLAIMER_NAMED if ticket.claimed_by and ticket.claimed_by in said else 0
        # one hazard told in other words ("爆管" of "水管爆了": hazard_families; street check
        # 12 S17) counts as a pair said
        same_hazard = len(
            duplicates.hazard_families(said, rules) & duplicates.hazard_families(ticket.text, rules)
        )
        # an emergency asked after by how such a danger ends ("那个老人找到了吗" of an elder not
        # back from the market: kind_words; street check 14 S30)
        of_its_kind = int(
            ticket.emergency
            and any(w in said for w in rules.kind_words.get(ticket.subcategory or "", ()))
        )
        return 2 * (in_words + same_hazard) + in_kind + named + holder + of_its_kind

    def letters(ticket: Ticket) -> int:
        """A tie of pairs is broken by the letters shared that are no filler: 摔, 腿 over 老."""
        return duplicates.shared_letters(said, ticket.text, filler)

    scored = sorted(
        ((score(t), letters(t), t) for t in tickets),
        key=lambda found: (found[0], found[1]),
        reverse=True,
    )
    if not scored:
        return []
    if scored[0][0] == 0:
        # no pair in common: letters only, clearly more of one ticket's ("昨晚爆管那个" of "楼上
        # 水管爆了": 水, 管, 爆; street check 10b S24); of those still open when one of them
        # has enough ("摔腿老人" of "我妈刚才摔了一跤 腿疼得站不起来", not of an elder's fall
        # closed that morning told at length; street check 12 S28)
        open_enough = [f for f in scored if f[2].state in states.ACTIVE and f[1] >= LETTERS_TO_FIT]
        if open_enough:
            scored = [f for f in scored if f[2].state in states.ACTIVE]
        by_letters = sorted((found[1] for found in scored), reverse=True)
        best, runner_up = by_letters[0], (by_letters[1] if len(by_letters) > 1 else 0)
        if best < LETTERS_TO_FIT or best - runner_up < LETTERS_AHEAD:
            return []
        return [next(found[2] for found in scored if found[1] == best)]
    return [found[2] for found in scored if found[:2] == scored[0][:2]]


# A pair of letters asked after ("摔腿") names a ticket holding them this many letters apart at
# most ("摔了一跤 腿疼"; street check 12 S28).
ASKED_PAIR_REACH = 5
# A ticket asked after by words sharing no pair with any is the one sharing this many letters at
# least, this many more than any other.
LETTERS_TO_FIT = 3
LETTERS_AHEAD = 2
