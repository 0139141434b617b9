"""在职党员报到: a member registers with the community where they live; staff of that
building's grid approve or reject. Refusals raise DomainError and change nothing."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community, Group
from service.errors import IllegalTransition, InvalidInput, NotFound, NotPermitted
from service.members import messages
from service.members.models import APPROVED, PENDING, REJECTED, WITHDRAWN, MemberRegistration
from service.outbox import Notice, direct_room
from service.understanding.places import extract_place

MAX_FIELD_CHARS = 60
NAME_CHARS = (2, 4)


# Commas, 、, ； and colons separate the parts of a 报到 as spaces do.
_SEPARATORS = str.maketrans(dict.fromkeys("，,、;；。:：\n", " "))
MAX_NOTE_CHARS = 100


@dataclass(frozen=True)
class Registering:
    """What a `报到` message says, read apart: the name, the work unit, the address and any
    note written after the address (周末可以参加活动)."""

    name: str
    work_unit: str
    address: str
    note: str = ""


def _longest_first(words: tuple[str, ...]) -> list[str]:
    return sorted(words, key=len, reverse=True)


def _address_end(text: str, end: int, endings: tuple[str, ...]) -> int:
    """Where the address ends: after its last place part, and a 室 right after it."""
    found = next((w for w in _longest_first(endings) if text.startswith(w, end)), "")
    return end + len(found)


def read_registration(text: str, community: Community) -> Registering:
    """Read `张三 市供电公司 3号楼2单元501` (also `陈 刚 …`, a work unit glued to the address,
    parts separated by commas or 、, and labels: `姓名：林芳 单位：市第一中学 住址：5栋…`).

    The address starts where extract_place finds the building (3号楼, 5栋, 3-2-501) and ends
    after its last part; what follows is a note. The community's own name right before it is
    kept with it, and a place name naming another compound or road (`阳光花园5栋`,
    config/commands.yaml `other_compound_words`) is refused. The name is the first word, or
    the first two when the first is a single character (陈 刚); when the split is unclear the
    member is asked."""
    chat = community.words
    text = " ".join(text.translate(_SEPARATORS).split())
    place = extract_place(text)
    if place.building is None:
        words = text.split()
        if len(words) < 3:
            raise InvalidInput("registration without a building", messages.REGISTER_HELP)
        raise InvalidInput(  # 隔壁小区5号院: an address, but no building of this community
            f"address {words[-1]!r} has no building",
            messages.not_in_community(community.name, words[-1]),
        )
    start = min(first for first, _ in place.spans)
    end = _address_end(text, max(last for _, last in place.spans), chat.address_endings)
    head, address = text[:start], text[start:end].replace(" ", "")
    note = text[end:].strip()[:MAX_NOTE_CHARS]
    labels = {*chat.register_labels, *chat.address_labels}
    words = head.split()
    glued = "" if head.endswith(" ") or not words else words.pop()
    label = next((w for w in _longest_first(chat.address_labels) if glued.endswith(w)), "")
    glued = glued[: len(glued) - len(label)]  # 住5栋…: the label is not the work unit's
    labelled = _labelled(words, chat.register_form)
    if labelled is not None:  # 姓名：欧阳 娜娜 单位：区法院: the name is what the labels say
        words = labelled
    words = [w for w in words if w not in labels] + ([glued] if glued else [])
    own = community.name.removesuffix("社区")
    before = glued or (words[-1] if words else "")
    if before and own not in before and before.endswith(community.words.other_compound_words):
        # 住阳光花园8号楼…: the label is not part of the address told back
        said = next(
            (before[len(w) :] for w in _longest_first(chat.address_labels) if before.startswith(w)),
            before,
        )
        raise InvalidInput(
            f"address {before + address!r} names another compound",
            messages.not_in_community(community.name, said + address),
        )
    if glued and own in glued:
        words[-1], address = glued[: glued.index(own)], glued[glued.index(own) :] + address
    words = [w for w in words if w]
    if len(words) < 2:
        raise InvalidInput("registration needs name and work unit", messages.REGISTER_HELP)
    prefix = next((p for p in _longest_first(chat.name_prefixes) if words[0].startswith(p)), "")
    if prefix and len(words[0]) > len(prefix):
        words[0] = words[0][len(prefix) :]  # 我叫林芳 → 林芳
    singles = next((i for i, w in enumerate(words) if len(w) != 1), len(words))
    if labelled is not None:
        words = [words[0], "".join(words[1:])]
    elif len(words) >= 3 and singles >= 2:
        words = ["".join(words[:singles]), *words[singles:]]  # 张 小 明 → 张小明
    elif len(words) >= 3 and singles == 1:
        words = [words[0] + words[1], *words[2:]]  # 陈 刚 → 陈刚
    elif len(words) >= 3 and len(words[0] + words[1]) <= NAME_CHARS[1] and len(words[1]) <= 2:
        raise InvalidInput(f"unclear name in {head!r}", messages.UNCLEAR_NAME)
    if len(words) >= 3 and any(len(w) == 1 for w in words[1:]):
        # 张小 明 区教育局: which letters are the name is not clear; the member is asked
        raise InvalidInput(f"unclear name in {head!r}", messages.UNCLEAR_NAME)
    name, work_unit = words[0], "".join(words[1:]) if len(words) > 2 else words[1]
    work_unit = _unwrapped(work_unit, chat.unit_prefixes, chat.unit_suffixes)
    if not NAME_CHARS[0] <= len(name) <= NAME_CHARS[1] or any(ch.isdigit() for ch in name):
        raise InvalidInput(f"unclear name {name!r}", messages.UNCLEAR_NAME)
    return Registering(name, work_unit, address, note)


def _labelled(words: list[str], form: dict[str, tuple[str, ...]]) -> list[str] | None:
    """[name, work unit words …] of a labelled 报到 (姓名 欧阳 娜娜 单位 区法院): the name is
    every word between the name label and the unit label. None when it has no such labels."""
    at_name = next((i for i, w in enumerate(words) if w in form.get("name", ())), None)
    at_unit = next((i for i, w in enumerate(words) if w in form.get("unit", ())), None)
    if at_name is None or at_unit is None or at_unit <= at_name + 1 or at_unit + 1 >= len(words):
        return None
    return ["".join(words[at_name + 1 : at_unit]), *words[at_unit + 1 :]]


def _unwrapped(unit: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> str:
    """在市中医院上班 → 市中医院 (never down to nothing)."""
    prefix = next((p for p in _longest_first(prefixes) if unit.startswith(p)), "")
    suffix = next((w for w in _longest_first(suffixes) if unit.endswith(w)), "")
    inner = unit[len(prefix) : len(unit) - len(suffix)]
    return inner if inner else unit


def normalise_name(name: str) -> str:
    """A member's name as stored and looked up: without spaces, also full-width ones
    (陈 刚, 陈\u3000刚 → 陈刚). Every lookup of a member by name goes through this."""
    return "".join(name.split())


def split_name(words: list[str], names: Collection[str]) -> tuple[str, list[str]]:
    """The name a command starts with, and the words after it: the longest run of up to
    three words that together are one of `names` (`陈 刚 住址不对` → 陈刚), else the first."""
    for count in range(min(3, len(words)), 1, -1):
        joined = normalise_name("".join(words[:count]))
        if joined in names:
            return joined, words[count:]
    return (normalise_name(words[0]), words[1:]) if words else ("", [])


def registered_names(session: Session) -> set[str]:
    """Names of every registration (批准 and 驳回 look among them)."""
    return set(session.scalars(select(MemberRegistration.name)))


@dataclass(frozen=True)
class Outcome:
    what: Literal["registered", "approved", "rejected", "withdrawn"]
    registration: MemberRegistration
    grid_group: str  # the staff group of the member's building
    party_group: str = ""  # the member's building party group (once approved)
    note: str = ""  # written after the address when registering: told to staff, not stored


def _grid_group(community: Community, building: int) -> Group:
    grid = community.grid_of_building(building)
    group = community.group(grid.group) if grid else None
    return group or community.community_group


def refuse_listed(actor: Actor) -> None:
    """People listed with a role (leaders and staff: 书记, 网格长, 党小组长 …) need not register,
    and are told so politely. A member on the list without a role (a spreadsheet import) may
    still register with their address."""
    if actor.person is not None and actor.person.roles:
        raise IllegalTransition(
            f"{actor.person.name} ({actor.id}) is listed and need not register",
            messages.listed_need_not_register(actor.person.name),
        )


def register(
    session: Session,
    community: Community,
    actor: Actor,
    room_id: str,
    name: str,
    work_unit: str,
    address: str,
    now: datetime,
    note: str = "",
) -> Outcome:
    refuse_listed(actor)
    name = normalise_name(name)
    if not name or not work_unit or not address:
        raise InvalidInput("registration needs name, work unit and address", messages.REGISTER_HELP)
    if max(len(name), len(work_unit), len(address)) > MAX_FIELD_CHARS:
        raise InvalidInput("registration field too long", messages.REGISTER_TOO_LONG)
    place = extract_place(address)
    building = int(place.building) if place.building else None
    if building is None or building not in community.buildings:
        raise InvalidInput(
            f"address {address!r} is not in the community",
            messages.not_in_community(community.name, address),
        )
    earlier = session.scalars(
        select(MemberRegistration).where(
            MemberRegistration.state.in_((PENDING, APPROVED)),
            or_(MemberRegistration.name == name, MemberRegistration.contact_id == actor.id),
        )
    ).first()
    if earlier is not None:
        raise IllegalTransition(
            f"{name} ({actor.id}) already has registration {earlier.id} ({earlier.state})",
            messages.already_registered(earlier),
        )
    registration = MemberRegistration(
        name=name,
        work_unit=work_unit,
        address=address,
        building=building,
        unit=place.unit,
        room=place.room,
        contact_id=actor.id,
        contact_name=actor.name[:128],
        room_id=room_id,
        state=PENDING,
        created_at=now,
    )
    session.add(registration)
    session.flush()
    group = _grid_group(community, building).name
    return Outcome("registered", registration, group, note=note)


def withdraw(session: Session, community: Community, actor: Actor, now: datetime) -> Outcome:
    """撤销报到: the sender's own pending registration is withdrawn (then they may register
    again, corrected)."""
    stmt = select(MemberRegistration).where(
        MemberRegistration.contact_id == actor.id, MemberRegistration.state == PENDING
    )
    registration = session.scalars(stmt.order_by(MemberRegistration.id.desc())).first()
    if registration is None:
        done = approved_of(session, actor.id)
        if done is not None:  # already a member: not "nothing found"; whom to ask is said
            grid = community.grid_of_building(done.building)
            ask = grid.head if grid is not None and grid.head else community.community_group.name
            raise IllegalTransition(
                f"registration {done.id} of {actor.id} is approved",
                messages.approved_not_withdrawn(done, f"{ask}（网格长）" if grid else ask),
            )
        raise NotFound(f"{actor.id} has no pending registration", messages.NOTHING_TO_WITHDRAW)
    registration.state = WITHDRAWN
    registration.decided_at = now
    registration.decided_by = actor.name
    group = _grid_group(community, registration.building)
    return Outcome("withdrawn", registration, group.name)


def _pending_for(session: Session, name: str, approve: bool) -> MemberRegistration:
    name = normalise_name(name)
    rows = list(
        session.scalars(
            select(MemberRegistration)
            .where(MemberRegistration.name == name)
            .order_by(MemberRegistration.id.desc())
        )
    )
    if not rows:
        raise NotFound(f"no registration for {name!r}", messages.no_registration(name))
    latest = rows[0]
    if latest.state == WITHDRAWN:
        raise IllegalTransition(
            f"registration {latest.id} of {name} was withdrawn",
            messages.withdrawn_not_decidable(latest, approve),
        )
    if latest.state != PENDING:
        raise IllegalTransition(
            f"registration {latest.id} of {name} is already {latest.state}",
            messages.already_decided(latest),
        )
    return latest


def _require_grid_staff(
    community: Community, registration: MemberRegistration, actor: Actor
) -> Group:
    group = _grid_group(community, registration.building)
    if not may_manage_members(community, actor, [group]):
        raise NotPermitted(
            f"{actor.name} ({actor.id}) may not decide registration {registration.id}",
            messages.not_grid_staff(group.name),
        )
    return group


def decide(
    session: Session,
    community: Community,
    actor: Actor,
    name: str,
    approve: bool,
    reason: str,
    now: datetime,
) -> Outcome:
    """批准 / 驳回 the pending registration of `name` (staff of the building's grid or above)."""
    require_member_staff(community, actor, messages.DECIDE_STAFF_ONLY)
    registration = _pending_for(session, name, approve)
    group = _require_grid_staff(community, registration, actor)
    if not approve and not reason:
        raise InvalidInput("a rejection needs a reason", messages.reject_needs_reason(name))
    registration.state = APPROVED if approve else REJECTED
    registration.decided_at = now
    registration.decided_by = actor.name
    registration.reason = reason or None
    party = community.party_group(registration.building)
    what: Literal["approved", "rejected"] = "approved" if approve else "rejected"
    return Outcome(what, registration, group.name, party.name if party else "")


def member_name_of(session: Session, community: Community, actor: Actor) -> str | None:
    """The member who wrote: a configured person, or the sender of an approved registration."""
    if actor.person is not None:
        return actor.person.name
    found = approved_of(session, actor.id)
    return found.name if found is not None else None


def approved_of(session: Session, contact_id: str) -> MemberRegistration | None:
    """The approved registration sent from this contact, if any."""
    stmt = select(MemberRegistration).where(
        MemberRegistration.contact_id == contact_id, MemberRegistration.state == APPROVED
    )
    return session.scalars(stmt.order_by(MemberRegistration.id.desc())).first()


def notice_to_member(session: Session, community: Community, name: str, text: str) -> Notice:
    """A private message to a member: a configured person by name, an approved member
    (报到) through the contact they registered from."""
    found = None if community.person(name) is not None else _approved_named(session, name)
    return Notice(text, room_id=direct_room(found.contact_id if found else name))


def _approved_named(session: Session, name: str) -> MemberRegistration | None:
    stmt = select(MemberRegistration).where(
        MemberRegistration.name == normalise_name(name), MemberRegistration.state == APPROVED
    )
    return session.scalars(stmt.order_by(MemberRegistration.id.desc())).first()


def party_group_of(session: Session, community: Community, actor: Actor) -> Group | None:
    """The party group an approved member (not a configured person) belongs to: their
    building's. They act for it like the members listed in its configuration."""
    if actor.person is not None:
        return None
    found = approved_of(session, actor.id)
    return community.party_group(found.building) if found is not None else None


def may_manage_members(community: Community, actor: Actor, groups: Sequence[Group | None]) -> bool:
    """Who may decide 报到, give posts (设岗) and adjust points (积分调整): admins and the staff
    listed in one of `groups` or a group above it. An approved member acts on their building's
    tickets, never on other members' standing or their own points."""
    if actor.admin:
        return True
    person = actor.person
    return person is not None and any(
        g is not None and community.may_act_for(person, g) for g in groups
    )


def require_member_staff(community: Community, actor: Actor, refusal: str) -> None:
    """Before any name is looked up (批准, 设岗, 积分调整): someone who may manage no member
    anywhere is refused with `refusal`, and is not told whether the name is a member's."""
    if not may_manage_members(community, actor, community.groups):
        raise NotPermitted(f"{actor.name} ({actor.id}) manages no members", refusal)


def may_act_for(
    session: Session | None, community: Community, actor: Actor, groups: Sequence[Group | None]
) -> bool:
    """Who may act for a group's tickets, the one definition (tickets use it through
    flows.may_act; 待办 and closings directly): those who may manage members there
    (may_manage_members), and approved members (报到), as members of their building's party
    group."""
    if may_manage_members(community, actor, groups):
        return True
    if actor.person is None:
        home = party_group_of(session, community, actor) if session is not None else None
        return home is not None and any(
            g is not None and home in community.chain(g) for g in groups
        )
    return False


def latest_of(session: Session, contact_id: str) -> MemberRegistration | None:
    """The latest registration sent from this contact, in any state."""
    stmt = select(MemberRegistration).where(MemberRegistration.contact_id == contact_id)
    return session.scalars(stmt.order_by(MemberRegistration.id.desc())).first()


def approved(session: Session) -> list[MemberRegistration]:
    stmt = select(MemberRegistration).where(MemberRegistration.state == APPROVED)
    return list(session.scalars(stmt.order_by(MemberRegistration.id)))


def approved_names(session: Session) -> set[str]:
    stmt = select(MemberRegistration.name).where(MemberRegistration.state == APPROVED)
    return set(session.scalars(stmt))


def approved_in_groups(session: Session, community: Community, groups: list[str]) -> list[str]:
    """Approved members whose building's party group is one of `groups`."""
    names = []
    for registration in approved(session):
        party = community.party_group(registration.building)
        if party is not None and party.name in groups:
            names.append(registration.name)
    return names


def home_groups(session: Session, community: Community) -> dict[str, str]:
    """Each member's own party group: an approved registration's building; otherwise the party
    group a configured person leads, or the only one that lists them (staff listed in several
    groups belong to none of them here, so they do not inflate every group's figures)."""
    homes: dict[str, str] = {}
    for group in community.groups:
        if group.kind == "party" and group.leader:
            homes.setdefault(group.leader, group.name)
    for person in community.people:
        listed = [
            g.name for g in community.groups if g.kind == "party" and person.name in g.members
        ]
        if person.name not in homes and len(listed) == 1:
            homes[person.name] = listed[0]
    for registration in approved(session):
        party = community.party_group(registration.building)
        if party is not None:
            homes[registration.name] = party.name
    return homes
