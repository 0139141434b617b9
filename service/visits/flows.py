"""党员包户 flows: reading a member's visit report, logging it (a visit that needs help opens a
ticket through the normal ticket flow), the reminders of due and overdue visits, and the care
tickets a household's member hears of. Refusals raise DomainError and change nothing."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community, Group
from service.errors import InvalidInput, NotFound, NotPermitted
from service.members import points, registration
from service.models import Ticket
from service.outbox import Notice, enqueue
from service.tickets import flows as ticket_flows
from service.understanding import Understanding
from service.understanding.normalise import to_simplified
from service.understanding.places import extract_place
from service.visits import messages
from service.visits.config import Household, HouseholdsConfig
from service.visits.models import DUE, ESCALATED, FINE, HELP, OVERDUE, HouseholdVisit, VisitReminder

log = logging.getLogger(__name__)
CARE = "care"
MAX_NOTE_CHARS = 300
_SEPARATORS = " :：，,、。.;；!！~～"
Classify = Callable[[str], Understanding]
DefaultSubcategory = Callable[[str], str | None]


# -- reading what a member says ----------------------------------------------------------


@dataclass(frozen=True)
class VisitSaid:
    """`走访 3-2-501 需要帮助 冬天暖气不热`, read apart. `loose` when the visit word and the place
    are somewhere in a sentence (`今天去看了1-1-302，一切都好`): only the household's member or
    staff log such a visit, and only at a listed household."""

    place: str  # as written, for answers
    building: str | None
    unit: str | None
    room: str | None
    needs_help: bool
    note: str
    loose: bool = False


# Full-width digits and dashes (３－２－５０１) and the ideographic space read as half-width;
# punctuation is kept as written (a note keeps its "，").
_FOLD = str.maketrans(
    {"\u3000": " ", "\uff0d": "-", **{chr(0xFF10 + i): str(i) for i in range(10)}}
)
# In a visit word, "…" stands for a few characters of one clause: 去了…家 is 去了马爷爷家.
_GAP = "…"
_GAP_PATTERN = r"[^，,。.；;！!？?\s]{1,12}?"


def _plain(text: str) -> str:
    """Full-width digits read as half-width; traditional characters as simplified."""
    return to_simplified(text.translate(_FOLD)).strip()


def _visit_words(config: HouseholdsConfig) -> re.Pattern[str]:
    """The visit words, longest first, each "…" a short gap."""
    words = sorted(config.words.visit, key=len, reverse=True)
    return re.compile(
        "|".join(_GAP_PATTERN.join(re.escape(part) for part in w.split(_GAP)) for w in words)
    )


def _read(rest: str, config: HouseholdsConfig, loose: bool) -> VisitSaid:
    place = extract_place(rest)
    if place.building is None:
        return VisitSaid("", None, None, None, False, rest)
    start = min(first for first, _ in place.spans)
    end = max(last for _, last in place.spans)
    joined = "" if loose else " "  # 今天去(3号楼1单元201)看望了马爷爷 reads on without a gap
    note = (rest[:start] + joined + rest[end:].lstrip("室")).strip(_SEPARATORS)
    note = re.sub(r"([，,。；;])\s*[，,。；;]", r"\1", note) if loose else note
    helped = next((w for w in sorted(config.words.help, key=len, reverse=True) if w in note), "")
    if helped and note.startswith(helped):  # 需要帮助 冬天暖气不热
        note = note[len(helped) :].strip(_SEPARATORS)
    elif helped and note.endswith(helped):  # 冬天暖气不热，需要帮忙
        note = note[: -len(helped)].strip(_SEPARATORS)
    return VisitSaid(
        rest[start:end],
        place.building,
        place.unit,
        place.room,
        bool(helped),
        note[:MAX_NOTE_CHARS],
        loose,
    )


def read_visit(text: str, config: HouseholdsConfig) -> VisitSaid | None:
    """A visit report when the message starts with a visit word (走访, 已走访, 看望 …), or names
    the place first and then the word (3号楼2单元501 已走访); a loose one when it names a room
    and has a visit word anywhere (今天去3号楼1单元201看望了马爷爷); else None."""
    text = _plain(text)
    words = _visit_words(config)
    first = words.match(text)
    if first is not None:
        # 走方了 3-2-501: the 了 of a typo'd word (上门了解 keeps its 了解)
        rest = re.sub(r"^了(?=[\s\d:：，,])", "", text[first.end() :]).lstrip(_SEPARATORS)
        said = _read(rest, config, loose=False)
        if not rest or (said.building is not None and rest.startswith(said.place)):
            return said  # `走访 3-2-501 …`: the command form, answered even when it is wrong
        return _read_loose(text, config, words)  # 看了，挺好的: chat unless it names a room
    place = extract_place(text)
    if place.room is None:
        return None  # `3号 看望了`: a loose ticket number, not a household
    end = max(last for _, last in place.spans)
    after = text[end:].lstrip(_SEPARATORS + "室")
    word = words.match(after)
    if min(start for start, _ in place.spans) == 0 and word is not None:
        return _read(text[:end] + " " + after[word.end() :], config, loose=False)
    return _read_loose(text, config, words)


def _read_loose(text: str, config: HouseholdsConfig, words: re.Pattern[str]) -> VisitSaid | None:
    """A room and a visit word anywhere; the rest of the sentence is the note."""
    if words.search(text) is None:
        return None
    said = _read(text, config, loose=True)
    return said if said.room is not None else None


# -- due dates -------------------------------------------------------------------------------


def last_visits(session: Session) -> dict[str, datetime]:
    """Each household's latest visit."""
    stmt = select(HouseholdVisit.household, func.max(HouseholdVisit.visited_at)).group_by(
        HouseholdVisit.household
    )
    return {key: at for key, at in session.execute(stmt).all()}


def due_at(
    community: Community, config: HouseholdsConfig, household: Household, last: datetime | None
) -> datetime:
    """A cadence after the last visit; a household never visited is due from `since`."""
    if last is None:
        return datetime.combine(config.since, time(0), community.zone)
    return last + config.cadence(household)


def started(community: Community, config: HouseholdsConfig, now: datetime) -> bool:
    """党员包户 has started (`since`): reminders and care-ticket notices are sent."""
    return now >= datetime.combine(config.since, time(0), community.zone)


@dataclass(frozen=True)
class HouseholdState:
    """One row of the 党员包户 page."""

    household: Household
    last: datetime | None
    due: datetime
    overdue: bool  # by one cadence or more
    escalated: bool  # by two
    late: bool  # past due


def states(
    session: Session, community: Community, config: HouseholdsConfig, now: datetime
) -> list[HouseholdState]:
    lasts = last_visits(session)
    found = []
    for household in config.households:
        last = lasts.get(household.key)
        due = due_at(community, config, household, last)
        every = config.cadence(household)
        found.append(
            HouseholdState(
                household, last, due, now >= due + every, now >= due + 2 * every, now >= due
            )
        )
    return found


# -- logging a visit -------------------------------------------------------------------------


@dataclass(frozen=True)
class Logged:
    visit: HouseholdVisit
    household: Household
    next_due: datetime
    ticket: Ticket | None
    notices: list[Notice]  # the ticket's notices to the groups (not the reply to the member)


def _household(config: HouseholdsConfig, said: VisitSaid) -> Household:
    found = config.find(said.building, said.unit, said.room)
    if not found:
        raise NotFound(f"no household at {said.place!r}", messages.unknown_household(said.place))
    if len(found) > 1:
        raise InvalidInput(
            f"{said.place!r} names several households",
            messages.ambiguous_household([h.label for h in found]),
        )
    return found[0]


def log_visit(
    session: Session,
    community: Community,
    config: HouseholdsConfig,
    actor: Actor,
    said: VisitSaid,
    room_id: str,
    group: Group | None,
    classify: Classify,
    default_subcategory: DefaultSubcategory,
    now: datetime,
) -> Logged:
    """Log the visit of a member (a configured person or an approved 报到) to a listed
    household; a visit that needs help opens a ticket (classified, care by default) at the
    household's place, routed as any report."""
    member = registration.member_name_of(session, community, actor)
    if member is None:
        raise NotPermitted(
            f"{actor.name} ({actor.id}) is no member", messages.not_a_member(actor.name)
        )
    if said.building is None:
        raise InvalidInput("a visit without a place", messages.VISIT_HELP)
    household = _household(config, said)
    if said.needs_help and not said.note:
        raise InvalidInput("help without what is needed", messages.HELP_NEEDS_WORDS)
    visit = HouseholdVisit(
        household=household.key,
        member_name=member,
        actor_id=actor.id,
        outcome=HELP if said.needs_help else FINE,
        note=said.note,
        visited_at=now,
    )
    session.add(visit)
    session.flush()
    day = now.astimezone(community.zone).date()
    points.on_visit(session, member, household.key, household.label, visit.id, now, day)
    ticket, notices = None, []
    if said.needs_help:
        understanding = classify(said.note)
        if not understanding.is_request:
            understanding = replace(
                understanding, category=CARE, subcategory=default_subcategory(CARE)
            )
        understanding = replace(
            understanding,
            building=str(household.building),
            unit=household.unit,
            room=household.room,
        )
        report = ticket_flows.Report(said.note, actor, room_id, group)
        outcome = ticket_flows.open_ticket(session, community, report, understanding, now)
        ticket = outcome.ticket
        visit.ticket_id = ticket.id
        # The member is answered once, with the ticket number (log_visit's caller); an
        # emergency's answer keeps its safety advice.
        notices = [n for n in outcome.notices if ticket.emergency or n.room_id != room_id]
        notices += care_ticket_notices(session, community, config, ticket, now)
    next_due = now + config.cadence(household)
    return Logged(visit, household, next_due, ticket, notices)


# -- reminders -------------------------------------------------------------------------------


def _grid_group(community: Community, building: int) -> Group | None:
    grid = community.grid_of_building(building)
    return community.group(grid.group) if grid is not None else None


def _stages(due: datetime, every: timedelta) -> Iterable[tuple[str, datetime]]:
    return ((DUE, due), (OVERDUE, due + every), (ESCALATED, due + 2 * every))


def send_reminders(
    session: Session, community: Community, config: HouseholdsConfig, now: datetime
) -> int:
    """Remind each member of a visit due (again when overdue by a cadence) and tell the
    building's party group and the grid group when overdue by two: each once per due date,
    never in the quiet hours (they are sent when those end). Returns how many were queued."""
    zone = community.zone
    if not started(community, config, now) or community.policy.quiet_hours.contains(now, zone):
        return 0
    lasts = last_visits(session)
    members = points.known_members(session, community)
    queued = 0
    for household in config.households:
        last = lasts.get(household.key)
        due = due_at(community, config, household, last)
        every = config.cadence(household)
        if household.member not in members:
            log.warning(
                "households.yaml: %s's member %r is no member", household.key, household.member
            )
        reached = [stage for stage, at in _stages(due, every) if at <= now]
        if not reached:
            continue
        sent = set(
            session.scalars(
                select(VisitReminder.stage).where(
                    VisitReminder.household == household.key, VisitReminder.due_at == due
                )
            )
        )
        new = [stage for stage in reached if stage not in sent]
        if not new:
            continue
        notices: list[Notice] = []
        member_stage = OVERDUE if OVERDUE in reached else DUE
        if member_stage in new:
            wording = (
                messages.overdue_reminder if member_stage == OVERDUE else messages.due_reminder
            )
            text = wording(household, every.days, last, zone)
            notices.append(
                registration.notice_to_member(session, community, household.member, text)
            )
        if ESCALATED in new:
            text = messages.escalation(household, household.member, last, zone)
            groups = [
                community.party_group(household.building),
                _grid_group(community, household.building),
            ]
            notices += [Notice(text, group=g.name) for g in groups if g is not None]
        for stage in new:
            session.add(
                VisitReminder(household=household.key, stage=stage, due_at=due, sent_at=now)
            )
        enqueue(session, f"visit:{household.key}:{due:%Y%m%d%H%M%S}:{new[-1]}", notices, now)
        queued += len(notices)
    return queued


# -- care tickets of a household's building --------------------------------------------------


def care_ticket_notices(
    session: Session, community: Community, config: HouseholdsConfig, ticket: Ticket, now: datetime
) -> list[Notice]:
    """A new care ticket of a household's building (its unit and room where the ticket names
    them): the household's member hears of it privately, unless they reported it. Nothing for
    a ticket joined to an earlier one, or in the quiet hours (unless an emergency)."""
    if ticket.category != CARE or ticket.created_at != now or not (ticket.building or "").isdigit():
        return []
    if not started(community, config, now):
        return []
    if not ticket.emergency and community.policy.quiet_hours.contains(now, community.zone):
        return []
    reporter = registration.approved_of(session, ticket.reporter_id)
    reporters = {ticket.reporter_name, reporter.name if reporter else ticket.reporter_name}
    told: dict[str, Household] = {}
    for household in config.households:
        if (
            str(household.building) == ticket.building
            and (ticket.unit is None or household.unit is None or household.unit == ticket.unit)
            and (ticket.room is None or household.room == ticket.room)
            and household.member not in reporters
        ):
            told.setdefault(household.member, household)
    return [
        registration.notice_to_member(
            session,
            community,
            member,
            messages.ticket_to_member(household, ticket.id, ticket.summary or ticket.text[:40]),
        )
        for member, household in told.items()
    ]
