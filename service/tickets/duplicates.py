"""Is a new report the same problem as an open ticket? Decided by evidence, not by bucket.

Hard rules first (any one keeps them apart): another building; another unit or room where both
give one; an emergency and a non-emergency; one household's matter and a shared one; two
different households. Then the problem words must agree: a keyword of one contains a keyword of
the other once place and state words (config/tickets.yaml `duplicates.generic_words`) are set
aside; when one side has no such words, the two summaries must share most character pairs.

A report that points at one already made ("我也…", `duplicates.me_too_words`) joins with the
lower bar of a resident writing again. `same_problem` is the one rule every resident path asks
(joining, reopening on "still broken", which ticket a thanks rates): problem words of two letters
or more, never one shared letter and never the category alone.

A candidate of the same building and subcategory that passes the hard rules but not the words is
a look-alike: a new ticket is opened and the staff notice names it.

A danger report names hazard families (`duplicates.hazard_families`: gas, sparks, fire). Within
the emergency join window, one naming the same families as an open emergency of its building
(unit and room where both give one) joins it, told from home or not: several residents smelling
one gas leak are one page. One naming other families is never joined to it."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import ColumnElement, Select, bindparam, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from service.community import Community
from service.community.policy import DuplicateRules
from service.models import Ticket, TicketFollower
from service.tickets import states
from service.tickets.routing import Place
from service.understanding import Understanding
from service.understanding.normalise import to_simplified
from service.understanding.places import buildings_named, extract_place

SUMMARY_OVERLAP = 0.6
OWN_SUMMARY_OVERLAP = 0.4


@dataclass(frozen=True)
class Problem:
    """What the comparison needs to know about a report or a ticket."""

    place: Place
    category: str
    subcategory: str | None
    emergency: bool
    text: str
    summary: str
    keywords: tuple[str, ...]

    @classmethod
    def of_report(cls, place: Place, understanding: Understanding, text: str) -> Problem:
        return cls(
            place,
            understanding.category,
            understanding.subcategory,
            understanding.emergency,
            to_simplified(text),
            understanding.summary,
            tuple(understanding.keywords),
        )

    @classmethod
    def of_ticket(cls, ticket: Ticket) -> Problem:
        return cls(
            Place(ticket.building, ticket.unit, ticket.room),
            ticket.category,
            ticket.subcategory,
            ticket.emergency,
            # compared in simplified letters: "4號樓2單元的樓道燈" is the 楼道灯 (day 57b R60)
            to_simplified(ticket.text),
            ticket.summary,
            tuple(str(k) for k in ticket.keywords or ()),
        )

    def is_private(self, rules: DuplicateRules) -> bool:
        """One household's matter: a room number, or words such as 我家 / 家里 in a report that
        names no outage or shared part (家里怎么没水了 is the building's water)."""
        if self.place.room is not None:
            return True
        if any(w in self.text for w in (*rules.shared_words, *rules.outage_words)):
            return False  # "阿拉屋里向一直呒没电" is the building's power cut (day 28 R42)
        return any(w in self.text for w in rules.private_words)


@dataclass(frozen=True)
class Match:
    same: Ticket | None  # join this one
    look_alike: Ticket | None  # open a new ticket, but name this one to staff


def _differs(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def is_outage(problem: Problem, rules: DuplicateRules) -> bool:
    return any(w in problem.text for w in rules.outage_words)


def _without_vague_cars(text: str, other: str, rules: DuplicateRules) -> str:
    """`text` without its vague car words when `other` speaks of two-wheelers."""
    if not any(w in other for w in rules.two_wheeler_words):
        return text
    for word in rules.vague_car_words:
        text = text.replace(word, "、")
    return text


def distinct_things(a: str, b: str, rules: DuplicateRules) -> bool:
    """The two texts name things of different `distinct_things` rows and none in common (路灯
    by the building is not the 楼道灯 inside, though both are dark), or trouble from different
    `distinct_sources` rows. A thing in a place word (`generic_words`: 电梯口) is no thing:
    "楼道灯不亮了 电梯口黑乎乎的" is not the lift."""
    things = [w for row in rules.distinct_things for w in row]
    places = [g for g in rules.generic_words if any(w in g and w != g for w in things)]

    def rows(text: str) -> set[int]:
        for place in places:
            text = text.replace(place, "、")
        return {i for i, row in enumerate(rules.distinct_things) if any(w in text for w in row)}

    mine, theirs = rows(_without_vague_cars(a, b, rules)), rows(_without_vague_cars(b, a, rules))
    if mine and theirs and not mine & theirs:
        return True
    # where it comes from differs (晾的衣服 / 水龙头), whatever the drip they share
    sources = rules.distinct_sources
    from_a = {i for i, row in enumerate(sources) if any(w in a for w in row)}
    from_b = {i for i, row in enumerate(sources) if any(w in b for w in row)}
    return bool(from_a and from_b and not from_a & from_b)


def names_thing_not_in(a: str, b: str, rules: DuplicateRules) -> bool:
    """Text `a` names a thing of a `distinct_things` row and `b` none of its rows: "猫找到了
    在地下室" is not news of the burst pipe in the basement (day 20 R86)."""
    a = _without_vague_cars(a, b, rules)
    mine = {i for i, row in enumerate(rules.distinct_things) if any(w in a for w in row)}
    theirs = {i for i, row in enumerate(rules.distinct_things) if any(w in b for w in row)}
    return bool(mine) and not mine & theirs


def _names_room_of(new: Problem, old: Problem) -> bool:
    """One danger told from two doors: "走廊全是烟 是603" after "隔壁603有烧焦的味道"."""
    return (
        new.emergency
        and old.emergency
        and old.place.room is not None
        and (old.place.room in new.text)
    )


def kept_apart(new: Problem, old: Problem, rules: DuplicateRules) -> bool:
    if new.place.building != old.place.building:
        return True
    if distinct_things(new.text, old.text, rules):
        return True
    if is_outage(new, rules) != is_outage(old, rules) and not (new.emergency and old.emergency):
        # "4号楼怎么没水了" is not the card reader of 4号楼; but someone shut in the lift by the
        # power cut is the one "电梯里关着人" tells of five minutes later (day 43 R55)
        return True
    if _differs(new.place.unit, old.place.unit) or _differs(new.place.room, old.place.room):
        return True
    if new.emergency != old.emergency:
        return True
    if _names_room_of(new, old) or _names_room_of(old, new):
        return False
    new_private, old_private = new.is_private(rules), old.is_private(rules)
    if new_private != old_private:
        return True
    # Two households: the same only when both name the same room.
    return new_private and (new.place.room is None or new.place.room != old.place.room)


def _problem_words(keywords: Iterable[str], rules: DuplicateRules) -> set[str]:
    """Keywords that say what the problem is: not place or state words, and not cries (救命,
    快来人 say nothing about what happens: a child in a lift and a fight both have them). A
    keyword holding a word of a `same_problem` row brings the row's first word (没水 → 停水)."""
    words = {
        k
        for k in keywords
        if k and k not in rules.generic_words and not any(cry in k for cry in rules.cry_words)
    }
    for row in rules.same_problem:
        if any(w in k for k in words for w in row):
            words.add(row[0])
    return words


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def shared_pairs(said: str, text: str, filler_chars: str = "") -> int:
    """How many pairs of letters in a row (no punctuation, not two filler letters) two texts
    have in common: "昨晚一点还在卸货" and "一点多还不停" share 一点 (还在 is filler); "路灯晚上
    不亮" shares none. Two digits count only inside a number both write whole: "101" and "501"
    share nothing (day 60 S10)."""

    def pairs(words: str) -> set[str]:
        return {p for p in _pairs(words) if p.isalnum() and not all(c in filler_chars for c in p)}

    numbers = set(re.findall(r"\d+", said)) & set(re.findall(r"\d+", text))
    shared = pairs(said) & pairs(text)
    return len({p for p in shared if not p.isdigit() or any(p in number for number in numbers)})


def shared_split_pairs(said: str, text: str, filler_chars: str = "", reach: int = 1) -> int:
    """How many pairs of letters in a row of `said` (no filler letter) `text` holds with one
    letter between them (up to `reach` letters): "摔腿老人" names "前几天摔了腿" by 摔腿, and with
    a reach of 5 "我妈刚才摔了一跤 腿疼得站不起来"."""

    def pairs(words: str) -> set[str]:
        return {p for p in _pairs(words) if p.isalnum() and not any(c in filler_chars for c in p)}

    split = {
        text[i] + text[i + gap + 1]
        for gap in range(1, reach + 1)
        for i in range(len(text) - gap - 1)
    }
    return len(pairs(said) & split)


def shared_letters(said: str, text: str, filler_chars: str = "") -> int:
    """How many letters (no filler, no digit) two texts have in common."""
    letters = {c for c in said if _is_letter(c) and c not in filler_chars}
    return len(letters & set(text))


def words_agree(
    mine: set[str], theirs: set[str], filler_chars: str = "", generic: Collection[str] = ()
) -> bool:
    """Two sets of problem words name the same problem: one word holds the other (a word of
    two letters at least: 车 alone is in 车库 and in 停车位 alike), or they share two letters in
    a row that are not both filler (拖椅子 / 搬椅子) nor a `generic` pair naming no problem
    (什么, 好几: "居住证需要什么材料" is not "老年卡要带什么"). The `same_problem` rows of config
    make different words one (漏水 / 滴水); a single shared letter never does (吵死了 / 吵得)."""
    for a in mine:
        for b in theirs:
            short, long = (a, b) if len(a) <= len(b) else (b, a)
            if a == b or (len(short) >= 2 and short in long):
                return True  # one word is one thing, a letter too: 树 and 树
            shared = _pairs(a) & _pairs(b) - set(generic)
            if any(p.isalnum() and not all(c in filler_chars for c in p) for p in shared):
                return True
    return False


def same_words(new: Problem, old: Problem, rules: DuplicateRules) -> bool:
    mine, theirs = _problem_words(new.keywords, rules), _problem_words(old.keywords, rules)
    if mine and theirs:
        return words_agree(mine, theirs, rules.filler_chars, rules.generic_words)
    # Without problem words on one side, the summaries themselves must mostly agree.
    a, b = _pairs(new.summary), _pairs(old.summary)
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= SUMMARY_OVERLAP


def same_problem(new: Problem, old: Problem, rules: DuplicateRules, own: bool = False) -> bool:
    """Is this the same problem as ticket `old`? The one rule for every resident path: a report
    joining an open ticket (find), a "still broken" message reopening a resolved one
    (flows.open_ticket), a thanks choosing the ticket it rates (said_of).

    `own`: the resident of `old` writing again ("楼道里的旧家具还在", "我家那个漏水的怎么样了"),
    compared in their own place with the lower bar: the same problem words, or, in the same
    subcategory, much of the summary (OWN_SUMMARY_OVERLAP of its letter pairs). Never the
    category alone, never one shared letter (停车位被占 is not the 车库 barrier, 拖椅子 is not
    the 电钻 of the same neighbour)."""
    if not own:
        return not kept_apart(new, old, rules) and same_words(new, old, rules)
    if new.place.building != old.place.building or new.emergency != old.emergency:
        return False
    if distinct_things(new.text, old.text, rules):
        return False
    if (
        not new.emergency
        and new.category != old.category
        and names_thing_not_in(new.text, old.text, rules)
    ):
        # "我家暖气半夜也不热" after her "我家常年不住人 能不能申请暖气停供": a thing (不热) of
        # another kind of request, whatever words (暖气) the two share (day 40 R91)
        return False
    if is_outage(new, rules) != is_outage(old, rules):
        return False
    if new.emergency and new.subcategory != old.subcategory:
        return False  # a fight is not the fire the same resident reported earlier
    if _differs(new.place.unit, old.place.unit) or _differs(new.place.room, old.place.room):
        return False
    mine, theirs = _problem_words(new.keywords, rules), _problem_words(old.keywords, rules)
    if mine and theirs and words_agree(mine, theirs, rules.filler_chars, rules.generic_words):
        return True
    if new.emergency or new.category != old.category or new.subcategory != old.subcategory:
        # A second danger from the same resident is paged unless told in the same words; 占道
        # 经营 is not 下水道, though both have 道.
        return False
    if any(len(word) >= 2 and word in new.text for word in theirs):
        # "3-1-302下水道 现在反上来了 厨房地上都是脏水" names the 下水道 of their own ticket of the
        # same flat, whatever else word statistics made of it (day 24 R60).
        return True
    # Problem words that do not agree (or none): most of the summary told again, in the same
    # subcategory ("楼道灯到现在还是黑的" after "楼道灯不亮").
    a, b = _pairs(new.summary), _pairs(old.summary)
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= OWN_SUMMARY_OVERLAP


def hazard_families(text: str, rules: DuplicateRules) -> frozenset[int]:
    """The hazards a danger report names (`duplicates.hazard_families`, by row): 煤气味 and
    燃气味 are one, 电线冒火花 and 电线在打火 are one, a fire is another."""
    return frozenset(
        i for i, row in enumerate(rules.hazard_families) if any(w in text for w in row)
    )


def other_hazard(hazards: frozenset[int], ticket: Ticket, rules: DuplicateRules) -> bool:
    """A danger report of these hazard families (`hazard_families`) names another hazard than
    the ticket's own: both name one, and none in common (sparks are not the garage smoke)."""
    theirs = hazard_families(ticket.text, rules)
    return bool(hazards) and bool(theirs) and hazards.isdisjoint(theirs)


def may_be_news_of(hazards: frozenset[int], ticket: Ticket, rules: DuplicateRules) -> bool:
    """A danger report (naming these `hazard_families`) may be news of this emergency: it is not
    said to be over, and the report names no other hazard (sparks in a meter box after the
    garage fire is out are a page of their own; day 21 R64, R83)."""
    return ticket.over_said_at is None and not other_hazard(hazards, ticket, rules)


def _is_letter(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def follow_up_evidence(
    text: str, ticket: Ticket, rules: DuplicateRules, over_names: bool = True
) -> int:
    """How plainly a follow-up ("树枝还吊着呢", "昨天那个煤气味的事后来怎么样了") names the
    problem of an open ticket: the letter pairs of its text found in the ticket's words (not two
    filler letters, not a generic word such as 处理), and the `same_problem` rows both name
    (燃气味 / 煤气味). What the residents who joined it said counts as its words ("电梯还是不
    动" names the lift ticket a follower told as "电梯…不动了"), and so do the `kind_words` of
    its subcategory ("孩子找到了" names the missing child, "还是吵" the noise). 0 for a
    look-alike (distinct_things) or a text naming nothing of it.

    `over_names`: its `kind_over_words` ("没事了") name it too. Not for another resident's
    ticket: a neighbour's "王奶奶…没事了" says something is over, not which emergency."""
    if distinct_things(text, ticket.text, rules):
        return 0
    told = " ".join([ticket.text, *(f.text for f in ticket.followers)])
    sub = ticket.subcategory or ""
    over = rules.kind_over_words.get(sub, ()) if over_names else ()
    looks = rules.looks_words if sub in rules.lead_kinds else ()
    kind = (*rules.kind_words.get(sub, ()), *looks, *over)
    shared = shared_words_of(text, ticket, rules)
    rows = [
        row
        for row in rules.same_problem
        if any(len(w) >= 2 and w in text for w in row) and any(w in told for w in row)
    ]
    return len(shared) + len(rows) + (1 if any(w in text for w in kind) else 0)


def shared_words_of(text: str, ticket: Ticket, rules: DuplicateRules) -> set[str]:
    """The letter pairs of the text found in the ticket's words and its followers' (not two
    filler letters, not a generic pair such as 处理)."""
    return letter_pairs_in(
        text, " ".join([ticket.text, *(f.text for f in ticket.followers)]), rules
    )


def letter_pairs_in(text: str, told: str, rules: DuplicateRules) -> set[str]:
    """The letter pairs of the text found in `told` (Chinese letters only, not two filler
    letters, not a generic pair such as 处理)."""
    return {
        p
        for p in _pairs(text) & _pairs(told)
        if all(_is_letter(c) for c in p)
        and not all(c in rules.filler_chars for c in p)
        and p not in rules.generic_words
    }


def names_other_thing(
    new: Problem, ticket: Ticket, rules: DuplicateRules, nothing_told: bool = False
) -> bool:
    """The report names problem words of its own that are not the ticket's ("楼下的狗又叫了一晚
    上 吵得睡不着" after the drilling was fixed): another problem, though both are noise.
    `nothing_told`: a ticket that names no problem word at all (a question of the holiday club,
    whose 报名 is generic) is another thing than a report that names one."""
    mine, theirs = _problem_words_of(new, ticket, rules)
    if new.subcategory is not None and new.subcategory == ticket.subcategory:
        # Of one kind, a word of the report found in the ticket's own words is the ticket's,
        # whatever word statistics kept of them: "那棵断树" and "那棵树遭风吹断咯" (day 28 R88).
        theirs |= {w for w in mine if w in ticket.text}
    if nothing_told and mine and not theirs:
        return True
    return bool(mine and theirs) and not words_agree(
        mine, theirs, rules.filler_chars, rules.generic_words
    )


def names_same_thing(new: Problem, ticket: Ticket, rules: DuplicateRules) -> bool:
    """The report names problem words, and they agree with the ticket's ("电体门还是关不牢" and
    the lift door reported this morning): the same thing told again."""
    mine, theirs = _problem_words_of(new, ticket, rules)
    return bool(mine and theirs) and words_agree(
        mine, theirs, rules.filler_chars, rules.generic_words
    )


def _problem_words_of(
    new: Problem, ticket: Ticket, rules: DuplicateRules
) -> tuple[set[str], set[str]]:
    """The problem words of the report and of the ticket (its keywords and same_problem rows)."""
    mine = _problem_words((*new.keywords, *row_words_in(new.text, rules)), rules)
    told = (*(str(k) for k in ticket.keywords or ()), *row_words_in(ticket.text, rules))
    return mine, _problem_words(told, rules)


def live_hazard(
    session: Session, community: Community, new: Problem, now: datetime
) -> Ticket | None:
    """A report naming the hazard of an open emergency of its building made within the join
    window (`hazard_families`: "我家六楼门口也全是水了" after a burst pipe), though read as no
    emergency (an emergency report is find's): the latest such emergency (its unit where both
    give one), else None. A flood reaching another floor is the paged flood, never a ticket
    waiting for the morning. An outage report ("没电了 啥时候来电") is such an emergency's
    consequence when the emergency is of a hazard and its words or notes name that outage."""
    rules = community.policy.duplicates
    if new.category == "inquiry":
        return None  # "这次停电停这么久 物业费能不能减免": a question of its own (day 62 R18)
    hazards = hazard_families(new.text, rules)
    outage = () if hazards else _outage_rows(new.text, rules)
    if not (hazards or outage) or new.place.building is None:
        return None
    since = now - timedelta(minutes=rules.emergency_join_minutes)
    stmt = select(Ticket).where(
        Ticket.building == new.place.building,
        Ticket.emergency.is_(True),
        Ticket.state.in_(states.ACTIVE),
        Ticket.created_at >= since,
    )
    for ticket in session.scalars(stmt.order_by(Ticket.id.desc())):
        if _differs(new.place.unit, ticket.unit):
            continue
        if hazards and hazard_families(ticket.text, rules) == hazards:
            return ticket
        if outage and hazard_families(ticket.text, rules) and _told_outage(ticket, outage):
            return ticket
    return None


def shared_place_danger(
    session: Session,
    community: Community,
    new: Problem,
    named_building: str | None,
    now: datetime,
) -> Ticket | None:
    """A report at a place of the whole compound (`shared_places`: the garage, a gate) naming
    the same hazard families as an open emergency told at that place within the join window
    (a danger of no hazard family: of its kind), however it was read: that emergency (the
    latest such), from whichever chat it comes. "东边车库那个坡口也在
    进水啊" in the chat of building 2 is the garage flood paged from the owners' chat (day 28
    R04). None for another hazard, a place not shared, a building named in the words that is not
    the emergency's, or a danger said to be over."""
    rules = community.policy.duplicates
    places = danger_place_rows(new.text, rules)
    hazards = hazard_families(new.text, rules)
    # A danger of no hazard family (a child struggling in the river) is one of its kind there;
    # a report read as no danger names its hazard ("车库里水越来越多了 沙袋根本拦不住").
    # Help come there ("车库那边警察来了"; day 58b R67) is news of the danger told there, of
    # whatever hazard.
    help_here = not hazards and any(w in new.text for w in rules.help_here_words)
    if not (places and (hazards or (new.emergency and new.subcategory) or help_here)):
        return None
    since = now - timedelta(minutes=rules.emergency_join_minutes)
    stmt = select(Ticket).where(
        Ticket.emergency.is_(True),
        Ticket.state.in_(states.ACTIVE),
        Ticket.created_at >= since,
    )
    for ticket in session.scalars(stmt.order_by(Ticket.id.desc())):
        if named_building is not None and ticket.building not in (None, named_building):
            continue
        if ticket.over_said_at is not None or not places & danger_place_rows(ticket.text, rules):
            continue
        theirs = hazard_families(ticket.text, rules)
        if help_here:
            return ticket
        if theirs == hazards and (
            hazards
            or ticket.subcategory == new.subcategory
            # a dog biting a boy on the square, read as an illness there (day 44 R25, R26):
            # named beyond the place both name
            or follow_up_evidence(new.text, ticket, rules, over_names=False) >= 2
        ):
            return ticket
    return None


def one_danger_told_at(
    session: Session, community: Community, text: str, now: datetime
) -> Ticket | None:
    """The one open emergency a witness's "我也…" names: told within the join window at a place
    of the whole compound the text names (`shared_places`, `danger_places`), whatever its
    hazard; naming no such place, told within `owners_chat_join_minutes` anywhere in words the
    text shares
    ("我也听到了 喇叭一直在响" of the crash whose horn keeps going). None when none or several
    are."""
    rules = community.policy.duplicates
    places = danger_place_rows(text, rules)
    minutes = rules.emergency_join_minutes if places else rules.owners_chat_join_minutes
    stmt = select(Ticket).where(
        Ticket.emergency.is_(True),
        Ticket.state.in_(states.ACTIVE),
        Ticket.created_at >= now - timedelta(minutes=minutes),
    )
    live = [t for t in session.scalars(stmt) if t.over_said_at is None]
    if places:
        found = [t for t in live if places & danger_place_rows(t.text, rules)]
    else:
        found = [t for t in live if follow_up_evidence(text, t, rules, over_names=False) > 0]
    return found[0] if len(found) == 1 else None


def kinds_told_over(text: str, rules: DuplicateRules) -> set[str]:
    """The kinds of danger the text tells over in words of their own (`kind_over_words` not
    among the general `over_words`): "钥匙找到了" is the end of a search, never of a gas leak."""
    return {
        kind
        for kind, words in rules.kind_over_words.items()
        if any(w in text and w not in rules.over_words for w in words)
    }


def danger_between_buildings(
    session: Session, community: Community, new: Problem, now: datetime
) -> Ticket | None:
    """A danger report from one building naming the hazard families of an open emergency paged
    from another building within the join window, whose words name this building too: "楼下大树
    倒了 砸到电线了" from building 4 is the tree "3号楼和4号楼中间" paged from building 3 five
    minutes before (day 37 R33). None for another hazard or a danger said to be over."""
    rules = community.policy.duplicates
    hazards = hazard_families(new.text, rules)
    building = new.place.building
    # a danger of no hazard family (a scaffold pipe about to fall): of its kind, in its words
    if not (new.emergency and (hazards or new.subcategory) and building is not None):
        return None
    since = now - timedelta(minutes=rules.emergency_join_minutes)
    stmt = select(Ticket).where(
        Ticket.emergency.is_(True),
        Ticket.state.in_(states.ACTIVE),
        Ticket.building != building,
    )
    for ticket in session.scalars(stmt.order_by(Ticket.id.desc())):
        if ticket.over_said_at is not None or building not in buildings_named(ticket.text):
            continue
        if last_told_at(ticket) < since:
            continue  # not told of within the join window
        # what its residents told since counts: the branch now lying on a sparking wire (day 43
        # R61, R62: "两栋楼中间的电线断在地上 噼里啪啦冒火星子" from the other building)
        if hazard_families(told_on(ticket), rules) != hazards:
            continue
        if hazards or (
            # "3号楼东边那条路 上面脚手架有根管子悬着" after "2号楼跟3号楼中间 脚手架顶上有根钢管
            # 松了" (day 44 R17, R18)
            ticket.subcategory == new.subcategory
            and follow_up_evidence(new.text, ticket, rules, over_names=False) > 0
        ):
            return ticket
    return None


def last_told_at(ticket: Ticket) -> datetime:
    """When a resident last told of the ticket's danger: its report, or what they told on it
    since (a branch told this morning, fallen on a wire tonight)."""
    told = [e.at for e in ticket.events if e.kind in ("resident_note", "raised_by_resident")]
    return max([ticket.created_at, *told])


def told_on(ticket: Ticket) -> str:
    """A ticket's words, its followers' and what its residents added to it since."""
    notes = [e.note for e in ticket.events if e.kind == "resident_note" and e.note]
    return " ".join([ticket.text, *(f.text for f in ticket.followers), *notes])


def search_told_again(
    session: Session, community: Community, new: Problem, named_building: str | None, now: datetime
) -> Ticket | None:
    """Someone missing told again in words of a search paged within the join window, naming no
    other building: "群里说有个穿黄色雨衣的小男孩找不到了" in the owners' chat is the boy of
    building 3 (a search is the whole compound's). None otherwise."""
    rules = community.policy.duplicates
    if not (new.emergency and new.subcategory in rules.lead_kinds):
        return None
    since = now - timedelta(minutes=rules.emergency_join_minutes)
    stmt = select(Ticket).where(
        Ticket.emergency.is_(True),
        Ticket.state.in_(states.ACTIVE),
        Ticket.subcategory == new.subcategory,
        Ticket.created_at >= since,
    )
    for ticket in session.scalars(stmt.order_by(Ticket.id.desc())):
        if named_building is not None and ticket.building not in (None, named_building):
            continue
        if ticket.over_said_at is None and _same_search(new, ticket, rules):
            return ticket
    return None


def _same_at_shared_place(
    session: Session, new: Problem, since: datetime, rules: DuplicateRules
) -> Ticket | None:
    """A report naming no building, at a place of the whole compound (a gate, the garage), of
    the open ticket of the same kind told there lately in words they share beyond the place:
    "东门广告牌倒了 谁管管啊" after "东门那个大广告牌被风刮倒了" (day 59b R09). None otherwise."""
    here = _shared_place_rows(new.text, rules)
    if not here:
        return None
    place_words = [w for i in here for w in rules.shared_places[i]]
    told = new.text
    for word in sorted(place_words, key=len, reverse=True):
        told = told.replace(word, " ")
    stmt = select(Ticket).where(
        Ticket.building.is_(None),
        Ticket.state.in_(states.ACTIVE),
        Ticket.created_at >= since,
        Ticket.subcategory == new.subcategory,
        Ticket.emergency.is_(new.emergency),
    )
    for ticket in session.scalars(stmt.order_by(Ticket.id.desc())):
        if here & _shared_place_rows(ticket.text, rules) and letter_pairs_in(
            told, ticket.text, rules
        ):
            return ticket
    return None


def _shared_place_rows(text: str, rules: DuplicateRules) -> set[int]:
    return {i for i, row in enumerate(rules.shared_places) if any(w in text for w in row)}


def danger_place_rows(text: str, rules: DuplicateRules) -> set[int]:
    """The places a danger report names that several buildings share (`shared_places`, then
    `danger_places`), by row."""
    rows = (*rules.shared_places, *rules.danger_places)
    return {i for i, row in enumerate(rows) if any(w in text for w in row)}


def at_another_place(a: str, b: str, rules: DuplicateRules) -> bool:
    """Text `a` names a place of the whole compound (the garage, a gate) that `b` does not: "3号楼
    的地下车库水管爆了 …漫到配电箱那边了" is not news of the branch on the wires behind building
    3 (day 59 R53)."""
    here = _shared_place_rows(a, rules)
    return bool(here) and not here & _shared_place_rows(b, rules)


def _outage_rows(text: str, rules: DuplicateRules) -> list[tuple[str, ...]]:
    """The `same_problem` rows of the outages a text names ("没电了" → the 停电 row)."""
    if not any(w in text for w in rules.outage_words):
        return []
    return [
        tuple(row)
        for row in rules.same_problem
        if any(w in row for w in rules.outage_words) and any(w in text for w in row)
    ]


def _told_outage(ticket: Ticket, rows: list[tuple[str, ...]]) -> bool:
    """The emergency's own words, its followers' or the notes on it name one of these outages
    ("水已经漫进配电室了 整栋楼都停电了"): an outage report in its building is its consequence
    (day 17, R97: "没电了 冰箱里的东西都要坏了" after the flood cut the power)."""
    told = " ".join(
        [
            ticket.text,
            *(f.text for f in ticket.followers),
            *(e.note for e in ticket.events if e.note),
        ]
    )
    return any(w in told for row in rows for w in row)


def row_words_in(text: str, rules: DuplicateRules) -> tuple[str, ...]:
    """The words of the `same_problem` rows in a text (煤气 in "煤气的事 现在更呛了"), for a
    message whose keywords may miss what it is about."""
    return tuple(w for row in rules.same_problem for w in row if len(w) >= 2 and w in text)


def said_of(text: str, tickets: Iterable[Ticket], rules: DuplicateRules) -> list[Ticket]:
    """The tickets a short message that nobody classified (a thanks: "楼道灯亮了 谢谢") speaks
    of, by the same rule: its problem words are the words of these tickets (and of the
    `same_problem` rows) found in it."""
    tickets = list(tickets)
    vocabulary = {w for t in tickets for w in _problem_words(t.keywords or (), rules)}
    vocabulary |= {w for row in rules.same_problem for w in row}
    found = tuple(w for w in vocabulary if len(w) >= 2 and w in text)
    if not found:
        return []
    said = [
        Problem(o.place, o.category, o.subcategory, o.emergency, text, text, found)
        for o in map(Problem.of_ticket, tickets)
    ]
    return [
        t
        for t, new in zip(tickets, said, strict=True)
        if same_problem(new, Problem.of_ticket(t), rules, own=True)
    ]


def at_place_said(text: str, tickets: Iterable[Ticket]) -> list[Ticket]:
    """The tickets at the unit or room a short message names ("三单元的灯好了": the ticket of
    3单元); [] when it names neither."""
    place = extract_place(text)
    if place.unit is None and place.room is None:
        return []
    return [t for t in tickets if place.unit in (None, t.unit) and place.room in (None, t.room)]


def says_still_broken(text: str, rules: DuplicateRules) -> bool:
    """The text says a problem goes on after its fix (`still_broken_words`: "还是不热"), never
    by a choice of two (`choice_or`: "吃饺子还是汤圆")."""
    if rules.choice_or:
        text = re.sub(rules.choice_or, lambda m: " " * len(m.group(0)), text)
    return any(w in text for w in rules.still_broken_words)


def brings_another(text: str, rules: DuplicateRules) -> bool:
    """ "还有 2单元楼道里的暖气管子在漏水": opened by an `another_problem_words` word, the message
    tells another problem, compared with the resident's own tickets as anyone's report is."""
    return text.lstrip().startswith(rules.another_problem_words)


def find(
    session: Session,
    community: Community,
    new: Problem,
    now: datetime,
    reporter_id: str | None = None,
) -> Match:
    """The open ticket of the duplicate window this report repeats, or a look-alike to name,
    or neither. A resident's own tickets are compared with a lower bar (same_problem, own)."""
    if new.subcategory is None:
        return Match(None, None)
    rules = community.policy.duplicates
    since = now - community.policy.duplicate_window.span()
    if new.place.building is None:
        return Match(_same_at_shared_place(session, new, since, rules), None)
    followed: set[int] = set()
    if reporter_id is not None:
        followed = set(session.scalars(_FOLLOWED, {"who": reporter_id}))
    stmt = _candidates(new.place.unit is not None, new.place.room is not None)
    values = {
        "building": new.place.building,
        "since": since,
        "reporter": reporter_id or "",
        "followed": list(followed),
        "emergency": new.emergency,
        "unit": new.place.unit,
        "room": new.place.room,
    }
    look_alike: Ticket | None = None
    latest: Ticket | None = None
    me_too = any(w in new.text for w in rules.me_too_words)
    live = timedelta(minutes=rules.emergency_join_minutes)
    hazards = hazard_families(new.text, rules) if new.emergency else frozenset()
    for ticket in session.scalars(stmt, values):
        if new.emergency and now - ticket.created_at > live:
            continue  # yesterday's fire is not today's: a new danger is paged as its own
        old = Problem.of_ticket(ticket)
        if hazards:
            theirs = hazard_families(old.text, rules)
            if hazards <= theirs:
                # one gas smell, one sparking wire: one page; "火好大 两辆电动车烧起来了" is the
                # shed fire paged with the sparks that lit it (day 36 P34)
                return Match(ticket, None)
            if theirs:
                continue  # another hazard (a fire, not the gas) is paged as its own
        if _spreads_to(new, ticket, now, rules) and not _differs_in_place(new, old):
            return Match(ticket, None)  # "我在楼上都闻到了 烟往上飘": the same fire
        if _same_search(new, ticket, rules) and not _differs_in_place(new, old):
            return Match(ticket, None)  # "3号楼有个小孩走丢了 4岁 黄雨衣": the boy searched for
        own = ticket.reporter_id == reporter_id or ticket.id in followed
        if reporter_id is not None and own and not brings_another(new.text, rules):
            if same_problem(new, old, rules, own=True):
                return Match(ticket, None)
            continue
        if (
            new.emergency
            and old.emergency
            and _names_room_of(new, old)
            and hazards == hazard_families(old.text, rules)
        ):
            # "我住301对门 刚也敲了 听到里面有人在哼" while the old man of 301 is paged: the
            # same danger told from the door opposite (day 43 R18)
            return Match(ticket, None)
        if kept_apart(new, old, rules) or ticket.created_at < since:
            if me_too and look_alike is None and _recent_same_kind(new, ticket, now, rules):
                # "我家也是 3单元102 卫生间也往上反水" after the unit's blocked drain: one flat's
                # trouble is never joined to the building's, but its group is told the look-alike
                # (day 21 R52).
                look_alike = None if _differs_in_place(new, old) else ticket
            continue
        if same_problem(new, old, rules) and (
            ticket.subcategory == new.subcategory or new.emergency
        ):
            return Match(ticket, None)
        if me_too and same_problem(new, old, rules, own=True):
            return Match(ticket, None)
        if me_too and _recent_same_kind(new, ticket, now, rules):
            latest = ticket  # the last one wins: "我也…" points at what was just said
        if ticket.subcategory == new.subcategory and look_alike is None:
            look_alike = ticket
    if latest is not None:
        return Match(latest, None)
    return Match(None, look_alike)


def still_broken_thing(
    session: Session, community: Community, new: Problem, now: datetime
) -> Ticket | None:
    """ "电体还是坏的 我妈腿脚不好 爬不了十一楼" (day 20 R12): a neighbour says the thing of an
    open public ticket of their building is still broken (`still_broken_words`, words of that
    ticket, no thing it does not name), read as another kind (their own trouble from it). The
    one such ticket of the duplicate window, which the report is word of; None otherwise."""
    rules = community.policy.duplicates
    # A question of how to do something is no news of a fault: "请问门禁卡去哪办 要带房产证还是
    # 租房合同" (还是: "or") is not the broken card reader (day 34 R74).
    if new.emergency or new.place.building is None or new.category == "inquiry":
        return None
    if not says_still_broken(new.text, rules) or brings_another(new.text, rules):
        return None
    since = now - community.policy.duplicate_window.span()
    stmt = select(Ticket).where(
        Ticket.building == new.place.building,
        Ticket.state.in_(states.ACTIVE),
        Ticket.emergency.is_(False),
        Ticket.awaiting_place.is_(False),
        Ticket.created_at >= since,
    )
    named = [
        ticket
        for ticket in session.scalars(stmt.order_by(Ticket.id))
        if not Problem.of_ticket(ticket).is_private(rules)
        and not _differs(new.place.unit, ticket.unit)
        and not names_thing_not_in(new.text, ticket.text, rules)
        # "谁家孩子天天往下扔东西 今天又…" after a question about the holiday club: a problem of
        # its own (往下扔), whatever letters (孩子) it shares with the ticket (day 24 R31)
        and not names_other_thing(new, ticket, rules, nothing_told=True)
        and follow_up_evidence(new.text, ticket, rules) > 0
    ]
    return named[0] if len(named) == 1 else None


def waiting_for_its_place(
    session: Session,
    community: Community,
    new: Problem,
    room_id: str,
    reporter_id: str,
    now: datetime,
) -> Ticket | None:
    """ "+1 天天吵 我们6号楼对着广场的这边最受罪" right after "能不能管管广场舞…", which waits for
    its building in the same chat (day 20 R23): with a "我也…" word, a second voice of the
    newest such report of the same kind, whatever building the second names (their own home,
    not the square's)."""
    rules = community.policy.duplicates
    if new.emergency or not any(w in new.text for w in rules.me_too_words):
        return None
    stmt = select(Ticket).where(
        Ticket.source_room_id == room_id,
        Ticket.awaiting_place.is_(True),
        Ticket.state.in_(states.ACTIVE),
        Ticket.emergency.is_(False),
        Ticket.reporter_id != reporter_id,
    )
    for ticket in session.scalars(stmt.order_by(Ticket.id.desc())):
        if _recent_same_kind(new, ticket, now, rules) and not distinct_things(
            new.text, ticket.text, rules
        ):
            return ticket
    return None


_FOLLOWED = select(TicketFollower.ticket_id).where(TicketFollower.person_id == bindparam("who"))


@cache
def _candidates(unit: bool, room: bool) -> Select[Ticket]:
    """The open tickets a report may repeat, built once for each shape of place (its values
    are bound at each call: building, since, reporter, followed, emergency, unit, room)."""
    # A resident's own open tickets are theirs however old ("还是不太热" a day later).
    recent_or_own = or_(
        Ticket.created_at >= bindparam("since"),
        Ticket.reporter_id == bindparam("reporter"),
        Ticket.id.in_(bindparam("followed", expanding=True)),
    )
    return (
        select(Ticket)
        .where(
            Ticket.building == bindparam("building"),
            Ticket.state.in_(states.ACTIVE),
            recent_or_own,
            Ticket.awaiting_place.is_(False),
            # What every comparison below keeps apart, asked of the database: an emergency and
            # a non-emergency, another unit or another room where both give one.
            Ticket.emergency == bindparam("emergency"),
            *_same_or_unknown(Ticket.unit, "unit" if unit else None),
            *_same_or_unknown(Ticket.room, "room" if room else None),
        )
        .order_by(Ticket.id)
    )


def _same_or_unknown(
    column: InstrumentedAttribute[str | None], parameter: str | None
) -> list[ColumnElement[bool]]:
    """Where the report names it (bound as `parameter`): the same, or none given."""
    return [] if parameter is None else [or_(column.is_(None), column == bindparam(parameter))]


def wears_the_same_colour(text: str, ticket: Ticket, rules: DuplicateRules) -> bool:
    """wears_the_same, and a colour (`colour_letters`) both texts name ("红羽绒服")."""
    colours = set(rules.colour_letters)
    return wears_the_same(text, ticket, rules) and bool(colours & set(text) & set(ticket.text))


def wears_the_same(text: str, ticket: Ticket, rules: DuplicateRules) -> bool:
    """The text shares with the ticket a letter pair of what someone wears (`looks_letters`:
    棉袄 of "穿红棉袄")."""
    looks = set(rules.looks_letters)
    return any(looks & set(p) for p in shared_words_of(text, ticket, rules))


def _same_search(new: Problem, ticket: Ticket, rules: DuplicateRules) -> bool:
    """Someone missing told again by another resident (a `lead_kinds` emergency of the same
    kind, in words of what the person wears that are the ticket's: 黄雨衣 of the boy in a 黄色
    雨衣, `looks_letters`) is the search already paged, not a second child (day 28 R45); "现在
    十一点了 还没到家" shares only words of the waiting with "现在快十点还没到家"."""
    return (
        new.emergency
        and new.subcategory in rules.lead_kinds
        and ticket.subcategory == new.subcategory
        and wears_the_same(new.text, ticket, rules)
    )


def _spreads_to(new: Problem, ticket: Ticket, now: datetime, rules: DuplicateRules) -> bool:
    """A danger of a kind that fills a building (`spreading_kinds`: a fire, a gas smell) told
    within `spreading_join_minutes` of an open one of the same kind of its building."""
    return (
        new.emergency
        and ticket.emergency
        and new.subcategory == ticket.subcategory
        and new.subcategory in rules.spreading_kinds
        and now - ticket.created_at <= timedelta(minutes=rules.spreading_join_minutes)
    )


def _differs_in_place(new: Problem, old: Problem) -> bool:
    return _differs(new.place.unit, old.place.unit) or _differs(new.place.room, old.place.room)


def _recent_same_kind(new: Problem, ticket: Ticket, now: datetime, rules: DuplicateRules) -> bool:
    """A problem report of the same kind (category and subcategory) made in the last
    `me_too_minutes` ("暖气也是冰凉的" is not the gas cut, though both are maintenance)."""
    return (
        new.category == ticket.category
        and new.subcategory == ticket.subcategory
        and new.category in rules.me_too_categories
        and now - ticket.created_at <= timedelta(minutes=rules.me_too_minutes)
    )
