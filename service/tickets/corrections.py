"""Staff corrections of how a message was read: another category (改类), not an emergency
(非紧急), an emergency (紧急), not a request (非诉求: closed, the resident is not told).

Each correction changes the ticket, is an audit event, and is stored with the message text in
``understanding_corrections`` so that ``python -m service.understanding.learn
--with-corrections`` can learn the community's own wording. Chat (bot/handlers/corrections.py)
and the ticket page (service/web) both call these functions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community
from service.errors import InvalidInput
from service.models import Correction
from service.outbox import Notice
from service.tickets import flows, states
from service.understanding import Classifier
from service.understanding.model import CATEGORIES, CATEGORY_LABELS_ZH

RECATEGORISE = "category"
NOT_EMERGENCY = "not_emergency"
EMERGENCY = "emergency"
NOT_REQUEST = "not_request"
KINDS = (RECATEGORISE, NOT_EMERGENCY, EMERGENCY, NOT_REQUEST)
KIND_LABELS_ZH = {
    RECATEGORISE: "改类",
    NOT_EMERGENCY: "非紧急",
    EMERGENCY: "紧急",
    NOT_REQUEST: "非诉求",
}
_CATEGORY_BY_ZH = {zh: code for code, zh in CATEGORY_LABELS_ZH.items()}
_READING_HELP = "请写明类别，例如：#12 改类 矛盾调处，或 #12 改类 维修维护 照明"


@dataclass(frozen=True)
class Reading:
    category: str
    subcategory: str | None


def parse_reading(classifier: Classifier, words: str) -> Reading:
    """A category and optional subcategory from staff words: 矛盾调处, 矛盾调处 噪音,
    维修维护·照明, or a subcategory alone (噪音) whose category the lexicon knows; words after
    them are the reason, kept with the correction (维修维护 供暖 是暖气片接头崩了 不是煤气; day
    32 S18)."""
    parts = [p for p in words.replace("·", " ").replace("/", " ").split() if p]
    if not parts:
        raise InvalidInput(f"cannot read a category from {words!r}", _READING_HELP)
    categories = classifier.lexicon.categories
    first = parts[0]
    category = _CATEGORY_BY_ZH.get(first) or (first if first in CATEGORIES else None)
    if category is None:
        owners = [c for c, spec in categories.items() if first in spec.subcategories]
        if len(owners) != 1:
            raise InvalidInput(f"unknown category {first!r}", _READING_HELP)
        return Reading(owners[0], first)
    if category == "none":
        raise InvalidInput("none is not a category to file under", "不是诉求请回复：#12 非诉求")
    spec = categories[category]
    if len(parts) == 1:
        return Reading(category, spec.default_subcategory)
    sub = parts[1]
    if sub not in spec.subcategories and sub != spec.default_subcategory:
        known = "、".join(spec.subcategories)
        raise InvalidInput(
            f"unknown subcategory {sub!r} of {category}",
            f"“{first}”下没有“{sub}”这个小类，可选：{known}",
        )
    return Reading(category, sub)


def _label(category: str, subcategory: str | None) -> str:
    zh = CATEGORY_LABELS_ZH.get(category, category)
    return f"{zh}·{subcategory}" if subcategory else zh


def correct_reading(
    session: Session,
    community: Community,
    classifier: Classifier,
    ticket_id: int,
    actor: Actor,
    kind: str,
    now: datetime,
    reading: Reading | None = None,
    said: str = "",
) -> flows.Outcome:
    """Apply one staff correction to a ticket and store it; returns the notices to send.
    `said`: the staff's words after the verb (`#12 非紧急 是同一家吵架`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown correction kind {kind!r}")
    ticket = flows.get_ticket(session, ticket_id)
    flows.require_staff_of(community, ticket, actor)
    before = Reading(ticket.category, ticket.subcategory)
    was_emergency = ticket.emergency
    if kind == RECATEGORISE:
        if reading is None:
            raise InvalidInput("recategorise without a category", _READING_HELP)
        after = reading
        emergency = reading.category == "emergency"
    elif kind == NOT_EMERGENCY:
        if not ticket.emergency:
            raise InvalidInput(
                f"ticket {ticket_id} is not an emergency", f"工单 #{ticket_id} 不是紧急工单。"
            )
        after = (
            before
            if before.category != "emergency"
            else non_emergency_reading(
                classifier, community, ticket.subcategory, (said, ticket.text)
            )
        )
        emergency = False
    elif kind == EMERGENCY:
        if ticket.emergency and ticket.emergency_level is None:
            raise InvalidInput(
                f"ticket {ticket_id} is already an emergency",
                f"工单 #{ticket_id} 已经是紧急工单。",
            )
        default = classifier.lexicon.categories["emergency"].default_subcategory
        sub = before.subcategory if before.category == "emergency" else default
        after = Reading("emergency", sub)
        emergency = True
    else:
        after = Reading("none", None)
        emergency = False
    if kind != NOT_REQUEST and (after, emergency) == (before, was_emergency):
        raise InvalidInput(
            f"ticket {ticket_id} already reads {after}",
            f"工单 #{ticket_id} 已经是“{_label(after.category, after.subcategory)}”。",
        )
    session.add(
        Correction(
            ticket_id=ticket.id,
            kind=kind,
            text=ticket.text,
            before_category=before.category,
            before_subcategory=before.subcategory,
            before_emergency=was_emergency,
            category=after.category,
            subcategory=after.subcategory,
            emergency=emergency,
            actor_id=actor.id,
            actor_name=actor.name,
            at=now,
        )
    )
    note = (
        f"{KIND_LABELS_ZH[kind]}：{_label(before.category, before.subcategory)}"
        f" → {_label(after.category, after.subcategory) if kind != NOT_REQUEST else '非诉求'}"
    )
    if kind == NOT_REQUEST:
        # Closed without a word to the resident: nothing was asked of anyone.
        flows.move(ticket, states.CANCELLED, "corrected", actor, now, note)
        text = f"已将工单 #{ticket.id} 标为非诉求并关闭（不通知居民）。"
        return flows.Outcome(ticket, [Notice(text, group=ticket.assigned_group)])
    ticket.category, ticket.subcategory = after.category, after.subcategory
    ticket.emergency = emergency
    ticket.emergency_level = None
    flows.record(ticket, "corrected", actor, now, note)
    text = f"已更正工单 #{ticket.id}：{note}。"
    notices = [Notice(text, group=ticket.assigned_group)]
    if emergency and not was_emergency:
        notices += flows.emergency_alerts(community, ticket)
    return flows.Outcome(ticket, notices)


def non_emergency_reading(
    classifier: Classifier, community: Community, subcategory: str | None, texts: Sequence[str]
) -> Reading:
    """What a message read as an emergency of `subcategory` is when it is no emergency (staff
    said so, or the street filed it as a finding with a deadline): what the first of `texts`
    the rules read as a request says it is ("是同一家吵架" → 矛盾调处), else the reading kept for
    the emergency's kind (`not_emergency_readings`: a drunk man is no repair), else the best
    reading of the word statistics of the last text."""
    for text in texts:
        rules = classifier.classify_without_emergency(text, learned=False) if text else None
        if rules is not None and rules.category != "none":
            return Reading(rules.category, rules.subcategory)
    kept = community.policy.not_emergency_readings.get(subcategory or "")
    if kept is not None:
        return Reading(*kept)
    result = classifier.classify_without_emergency(texts[-1])
    return Reading(result.category, result.subcategory)


def list_corrections(session: Session, limit: int = 1000) -> list[Correction]:
    stmt = select(Correction).order_by(Correction.id.desc()).limit(limit)
    return list(session.scalars(stmt))


def training_rows(session: Session) -> list[dict[str, str | None]]:
    """Each corrected message once, with its latest reading, as a labelled line."""
    latest: dict[str, str] = {}
    for c in session.scalars(select(Correction).order_by(Correction.id)):
        latest[c.text] = c.category
    return [{"text": text, "category": category} for text, category in latest.items()]


@dataclass(frozen=True)
class Agreement:
    """How the current classifier reads the corrected messages: agreeing with staff or not."""

    total: int
    agreeing: int
    emergencies: int  # corrected to an emergency
    emergencies_caught: int  # ... that the classifier now pages (either level)


def agreement(session: Session, classifier: Classifier, limit: int = 500) -> Agreement:
    rows = training_rows(session)[-limit:]
    agreeing = emergencies = caught = 0
    for row in rows:
        text, category = str(row["text"]), row["category"]
        result = classifier.classify(text)
        agreeing += result.category == category
        if category == "emergency":
            emergencies += 1
            caught += result.emergency
    return Agreement(len(rows), agreeing, emergencies, caught)


def per_month(session: Session, community: Community) -> list[tuple[str, Counter[str]]]:
    """Corrections per calendar month (community time zone), newest first, counted by kind."""
    months: dict[str, Counter[str]] = {}
    for c in session.scalars(select(Correction).order_by(Correction.at)):
        month = c.at.astimezone(community.zone).strftime("%Y-%m")
        months.setdefault(month, Counter())[c.kind] += 1
    return sorted(months.items(), reverse=True)


def describe(correction: Correction) -> str:
    before = _label(correction.before_category, correction.before_subcategory)
    after = _label(correction.category, correction.subcategory)
    kind = KIND_LABELS_ZH.get(correction.kind, correction.kind)
    return f"#{correction.ticket_id} {kind}: {before} → {after}"
