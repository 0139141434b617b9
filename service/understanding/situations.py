"""Emergencies told as situations: hazard + someone or something at risk + happening now.

``config/lexicon/situations.yaml`` lists, per emergency subcategory, word families for the
hazard (``电梯+停|卡``: a lift word and a stuck word in one clause) and for who or what is at
risk. Matching is on characters of the normalised text, clause by clause, so it does not
depend on how jieba cuts a run-on message. A hazard after a negation (没闻到煤气味, 不是烟) or
in a clause about the past or about what might happen does not count. The result is a score
added to the emergency signals of the category files, and a reason naming every word used.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from service.understanding.lexicon import LexiconError, validate_file
from service.understanding.situations_spec import (
    SituationsSpec,
)

SITUATIONS_FILE = "situations.yaml"
MAX_EXTRA_HAZARDS = 2


@dataclass(frozen=True)
class _Pattern:
    text: str  # as written in the file, for reasons
    parts: tuple[frozenset[str], ...]  # a word of every part in one clause (or the next)


@dataclass(frozen=True)
class _Situation:
    name: str
    weight: float
    hazards: tuple[_Pattern, ...]
    at_risk: frozenset[str]
    not_with: frozenset[str]
    needs_person: bool = False
    not_with_unless: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    not_with_unless_now: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Routine:
    name: str
    hazards: tuple[_Pattern, ...]
    cancels: frozenset[str]
    unless: frozenset[str]


@dataclass(frozen=True)
class SituationReading:
    subcategory: str
    score: float
    hazards: tuple[str, ...]
    at_risk: str | None
    # Every hazard word of the matched patterns in the message (电梯停了，卡在5楼: 停 and 卡),
    # so an emergency signal holding one (卡在) is not counted a second time.
    used: tuple[str, ...] = ()

    def reason(self) -> str:
        risk = f" + at risk: {self.at_risk}" if self.at_risk else ""
        hazards = ", ".join(self.hazards)
        return f"situation {self.subcategory}: hazard {hazards}{risk} = {self.score:g}"


def _alternatives(spec: str, families: dict[str, list[str]], where: str) -> list[str]:
    words: list[str] = []
    for item in spec.split("|"):
        item = item.strip()
        if item.startswith("@"):
            if item[1:] not in families:
                raise LexiconError(f"{where}: unknown family {item!r}")
            words.extend(families[item[1:]])
        elif item:
            words.append(item)
    if not words:
        raise LexiconError(f"{where}: empty alternative in {spec!r}")
    return words


def _pattern(spec: str, families: dict[str, list[str]], where: str) -> _Pattern:
    """A hazard entry ("电梯+停|卡"): a word of every part in one clause (or the next)."""
    return _Pattern(
        spec, tuple(frozenset(_alternatives(part, families, where)) for part in spec.split("+"))
    )


def _any_of(words: list[str]) -> re.Pattern[str]:
    """A pattern finding any of ``words`` (one that never matches when there are none)."""
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered)) if ordered else "(?!)")


_CLAUSE = re.compile(r"[^\s,，.。!！?？;；:：、~～…]+")
_SENTENCE_END = re.compile(r"[。.!！?？]")


class _Found:
    """Where each table word occurs in one message, and where its clauses start."""

    def __init__(
        self,
        text: str,
        firsts: dict[str, bool],
        by_pair: dict[str, tuple[int, ...]],
        words: frozenset[str],
    ) -> None:
        self.text = text
        self._clause_start: list[int] | None = None
        self.routines: list[_Routine] | None = None  # worked out when first asked
        # Also worked out when first asked, once per message: the skipped and might-be
        # clauses, and the hazard patterns that may match (situation → pattern numbers).
        self.skipped: set[int] | None = None
        self.might_be: set[int] | None = None
        self.tried: dict[int, list[int]] | None = None
        self.at: dict[str, list[int]] = {}
        at = self.at
        # Left to right, only where a character starts a table word: the character itself
        # when it is one, then the lengths of the longer words its pair of characters starts.
        get = at.get
        first = firsts.get
        pair = by_pair.get
        n = len(text)
        for i, ch in enumerate(text):
            single = first(ch)
            if single is None:
                continue
            if single:
                positions = get(ch)
                if positions is None:
                    at[ch] = [i]
                else:
                    positions.append(i)
            lengths = pair(text[i : i + 2])
            if lengths is None:
                continue
            for length in lengths:
                end = i + length
                if end > n:
                    break
                word = text[i:end]
                if word in words:
                    positions = get(word)
                    if positions is None:
                        at[word] = [i]
                    else:
                        positions.append(i)

    @property
    def clause_start(self) -> list[int]:
        """Where each clause starts (worked out when first asked: most messages never ask)."""
        if self._clause_start is None:
            self._clause_start = [m.start() for m in _CLAUSE.finditer(self.text)]
        return self._clause_start

    def clause(self, pos: int) -> int:
        return bisect_right(self.clause_start, pos) - 1


class SituationReader:
    def __init__(
        self,
        spec: SituationsSpec,
        source: str,
        figures_of_speech: Sequence[str] = (),
        comparisons: Sequence[str] = (),
    ) -> None:
        self.spec = spec
        # A negation word wholly inside a stretch of text (one scan, not one per word).
        self._negation_re = _any_of(spec.negation)
        self._correction_re = _any_of(spec.correction)
        self._gone_re = (
            re.compile("(?:已经|都|也|就)?(?:" + "|".join(map(re.escape, spec.gone)) + ")")
            if spec.gone
            else None
        )
        # Clauses told as past, as a possibility or as a figure of speech (热得我要着火了, the
        # lexicon's cue list) hold no danger now.
        self._skip = frozenset([*spec.past, *spec.might, *figures_of_speech])
        self._might_said = [re.compile(pattern) for pattern in spec.might_said]
        # A comparison (跟…一样, the lexicon's cue list): the words inside it are not found.
        self._comparison = (
            re.compile("|".join(f"(?:{p})" for p in comparisons)) if comparisons else None
        )
        self._might_leads = frozenset(spec.might_leads)
        self._real_now = frozenset(spec.real_now)
        self._might_follows = (
            re.compile("|".join(f"(?:{p})" for p in spec.might_follows))
            if spec.might_follows
            else None
        )
        self._past = frozenset(spec.past)
        self._recalled = frozenset(spec.recalled)
        self._again_now = frozenset(spec.again_now)
        self._back_again = frozenset(spec.back_again)
        self._lesson = frozenset(spec.lesson)
        self._lesson_now = frozenset(spec.lesson_now)
        self._cause_denied = [re.compile(pattern) for pattern in spec.cause_denied]
        self._now = frozenset(spec.families.get("now", ()))
        self._fiction = frozenset(spec.fiction)
        self._framing = frozenset(spec.framing) | self._fiction
        self._here_now = frozenset(spec.here_now)
        self._rule_or_fee = frozenset(spec.rule_or_fee)
        self._person = frozenset(spec.families.get("person", ()))
        situations = []
        words: set[str] = (
            set(self._skip)
            | self._might_leads
            | self._recalled
            | self._again_now
            | self._back_again
            | self._lesson
            | self._lesson_now
            | self._real_now
            | self._now
            | self._framing
            | self._here_now
            | self._rule_or_fee
            | self._person
        )
        hazard_words: set[str] = set()
        for name, item in spec.situations.items():
            where = f"{source}: key situations.{name}"
            hazards = tuple(_pattern(h, spec.families, where) for h in item.hazard)
            risk = frozenset(
                w for r in item.at_risk for w in _alternatives(r, spec.families, where)
            )
            situation = _Situation(
                item.subcategory or name,
                item.weight,
                hazards,
                risk,
                frozenset(w for r in item.not_with for w in _alternatives(r, spec.families, where)),
                item.needs_person,
                frozenset(
                    w for r in item.not_with_unless for w in _alternatives(r, spec.families, where)
                ),
                frozenset(w for r in item.unless for w in _alternatives(r, spec.families, where)),
                frozenset(
                    w
                    for r in item.not_with_unless_now
                    for w in _alternatives(r, spec.families, where)
                ),
            )
            situations.append(situation)
            for pattern in hazards:
                for part in pattern.parts:
                    hazard_words.update(part)
            words.update(risk)
            words.update(situation.not_with)
            words.update(situation.not_with_unless)
            words.update(situation.unless)
            words.update(situation.not_with_unless_now)
        routines = []
        for name, told in spec.routine.items():
            where = f"{source}: key routine.{name}"
            routine = _Routine(
                name,
                tuple(_pattern(h, spec.families, where) for h in told.hazard),
                frozenset(told.cancels),
                frozenset(w for r in told.unless for w in _alternatives(r, spec.families, where)),
            )
            routines.append(routine)
            words.update(w for pattern in routine.hazards for part in pattern.parts for w in part)
            words.update(routine.unless)
        self._routines = tuple(routines)
        # Which routine patterns a word can start (as _patterns_of for the situations).
        self._routine_patterns_of: dict[str, set[tuple[int, int]]] = {}
        for k, routine in enumerate(routines):
            for j, pattern in enumerate(routine.hazards):
                for word in pattern.parts[0]:
                    self._routine_patterns_of.setdefault(word, set()).add((k, j))
        words.update(hazard_words)
        self._situations = tuple(situations)
        notice = spec.pet_notice
        where = f"{source}: key pet_notice"
        self._pets = frozenset(
            w
            for r in (notice.pet if notice else ())
            for w in _alternatives(r, spec.families, where)
        )
        self._not_pet = _any_of(list(notice.not_pet) if notice else [])
        self._any_pet = _any_of(list(self._pets))  # one scan: most messages name no pet
        self._pet_lost_or_found = frozenset(
            w
            for r in (notice.lost_or_found if notice else ())
            for w in _alternatives(r, spec.families, where)
        )
        # Which hazard patterns a word can start: only those are tried on a message.
        self._patterns_of: dict[str, set[tuple[int, int]]] = {}
        for k, situation in enumerate(situations):
            for j, pattern in enumerate(situation.hazards):
                for word in pattern.parts[0]:
                    self._patterns_of.setdefault(word, set()).add((k, j))
        self._words = frozenset(words)
        self._hazard_words = frozenset(hazard_words)
        # Each character that starts a table word (True when it is one), and the lengths of
        # the longer table words each pair of characters starts, shortest first.
        self._firsts: dict[str, bool] = {}
        lengths: dict[str, set[int]] = {}
        for word in words:
            self._firsts[word[0]] = self._firsts.get(word[0], False) or len(word) == 1
            if len(word) > 1:
                lengths.setdefault(word[:2], set()).add(len(word))
        self._by_pair = {pair: tuple(sorted(ls)) for pair, ls in lengths.items()}
        # The last message read: the classifier asks told_as_past and read of the same text.
        self._last: _Found | None = None

    def _index(self, text: str) -> _Found:
        """Where each table word occurs in ``text``."""
        return _Found(text, self._firsts, self._by_pair, self._words)

    def _found(self, text: str) -> _Found:
        """The table words of ``text`` that tell something: all but those inside a comparison
        (手机卡得跟困在电梯里一样); the last message's, kept (the classifier asks several
        questions of one message)."""
        last = self._last
        if last is not None and last.text == text:
            return last
        found = self._index(text)
        if self._comparison is not None:
            spans = [m.span() for m in self._comparison.finditer(text)]
            if spans:
                # 手机卡得跟困在电梯里一样: 困在, 电梯 are said of the phone.
                at = found.at
                for word in list(at):
                    kept = [p for p in at[word] if not any(a <= p < b for a, b in spans)]
                    if kept:
                        at[word] = kept
                    else:
                        del at[word]
        self._last = found
        return found

    def _negated(self, found: _Found, pos: int) -> bool:
        clause = found.clause(pos)
        begin = max(found.clause_start[clause], pos - self.spec.negation_reach - 2)
        return self._negation_re.search(found.text, begin, pos) is not None

    def _gone(self, found: _Found, pos: int, word: str) -> bool:
        return self.gone_after(found.text, pos + len(word))

    def gone_after(self, text: str, end: int) -> bool:
        """火花没了, 烟已经散了: the danger word ending at ``end`` is followed at once by a word
        saying it stopped."""
        gone = self._gone_re
        return gone is not None and gone.match(text, end) is not None

    def _clauses(
        self, found: _Found, part: frozenset[str], skipped: set[int], hazard: bool = False
    ) -> dict[int, str]:
        """Clauses holding a word of ``part`` that is not negated (nor, for a ``hazard`` word,
        said to have stopped): clause → the word."""
        out: dict[int, str] = {}
        words = part.intersection(found.at)
        if not words:
            return out
        # By position (the longer word first on a tie), not by set order: the same message
        # must read the same in every process (PYTHONHASHSEED changes set order).
        if len(words) == 1:
            (word,) = words
            places = [(pos, 0, word) for pos in found.at[word]]  # already in order
        else:
            places = sorted((pos, -len(w), w) for w in words for pos in found.at[w])
        for pos, _, word in places:
            clause = found.clause(pos)
            if clause in skipped or clause in out or self._negated(found, pos):
                continue
            if hazard and self._gone(found, pos, word):
                continue
            out[clause] = word
        return out

    def _hazard(self, found: _Found, pattern: _Pattern, skipped: set[int]) -> str | None:
        per_part = []
        for part in pattern.parts:
            clauses = self._clauses(found, part, skipped, hazard=True)
            if not clauses:
                return None
            per_part.append(clauses)
        if len(per_part) == 1:
            first = min(per_part[0])
            return per_part[0][first]
        # Residents run one thought over two clauses (燃气表刚才哧哧响, 一股味): the parts
        # may sit in one clause or in a clause and the one after it.
        for clause in sorted(per_part[0]):
            chosen = []
            for clauses in per_part:
                word = clauses.get(clause) or clauses.get(clause + 1) or clauses.get(clause - 1)
                if word is None:
                    break
                chosen.append(word)
            else:
                return "+".join(chosen)
        return None

    def read(self, text: str) -> SituationReading | None:
        """The strongest situation in ``text`` (normalised), or None."""
        found = self._found(text)
        if self._hazard_words.isdisjoint(found.at):
            return None  # the cheap first pass: no hazard word at all
        if self._told_as_past(found):
            return None
        at = found.at
        tried = self._tried(found)
        if not tried:
            return None
        skipped = self._skipped(found)
        best: SituationReading | None = None
        for k, patterns in tried.items():
            situation = self._situations[k]
            if self._explained_away(found, situation):
                continue
            hazards: list[str] = []
            used: set[str] = set()
            for j in patterns:
                hit = self._hazard(found, situation.hazards[j], skipped)
                if hit is not None:
                    used.update(
                        w for part in situation.hazards[j].parts for w in part.intersection(at)
                    )
                # 冒黑烟 and 黑烟 are one hazard, not two.
                if hit is not None and not any(hit in h or h in hit for h in hazards):
                    hazards.append(hit)
            if not hazards:
                continue
            extra = min(len(hazards) - 1, MAX_EXTRA_HAZARDS) * self.spec.extra_hazard_weight
            risk = self._at_risk(found, situation, skipped)
            if situation.needs_person and risk is None:
                continue  # 电梯停在十二楼 我在一楼等: a stalled lift with nobody said inside
            score = situation.weight + extra + (self.spec.at_risk_weight if risk else 0.0)
            reading = SituationReading(
                situation.name, round(score, 3), tuple(hazards), risk, tuple(sorted(used))
            )
            if best is None or reading.score > best.score:
                best = reading
        return best

    def _tried(self, found: _Found) -> dict[int, list[int]]:
        """The hazard patterns with a word of every part in the message (no other can
        match), by situation, in table order (worked out once per message)."""
        tried = found.tried
        if tried is None:
            at = found.at
            candidates = set(chain.from_iterable(filter(None, map(self._patterns_of.get, at))))
            situations = self._situations
            tried = found.tried = {}
            for k, j in sorted(candidates):
                if not any(part.isdisjoint(at) for part in situations[k].hazards[j].parts):
                    tried.setdefault(k, []).append(j)
        return tried

    def _told_as_past(self, found: _Found) -> bool:
        """上个月电梯停了 把我关在里面: a past time in the first clause sets the time of the
        whole message, unless a word of the `now` family says it is happening again."""
        past = self._past.intersection(found.at)
        if not past:
            return False
        if not self._recalled.isdisjoint(found.at) and self._again_now.isdisjoint(found.at):
            return True  # 去年那次爆管 …现在想起来还心有余悸: a memory
        first_clause_past = any(
            found.clause(pos) == 0 and not self._within_now(found, pos, word)
            for word in past
            for pos in found.at[word]
        )
        return first_clause_past and self._now.isdisjoint(found.at)

    def _explained_away(self, found: _Found, situation: _Situation) -> bool:
        """烟 with 抽烟 is a nuisance, but 不是谁家做饭 (a negated cause) explains nothing, nor
        does a leak the silence of a neighbour with a thud or an old person alone (`unless`).
        A danger only to people (`needs_person`) with nobody there is none (电梯卡住了 刚好没人)."""
        if situation.needs_person and self._nobody_there(found, situation):
            return True
        if any(situation.name in r.cancels for r in self._standing_routines(found)):
            return True  # 车库坡道的水结成冰了: ice to slip on, not water rising
        causes = situation.not_with.intersection(found.at) | self._unless_causes(found, situation)
        if self._now.isdisjoint(found.at):
            causes |= situation.not_with_unless_now.intersection(found.at)
        return any(not self._corrected(found, pos) for word in causes for pos in found.at[word])

    def _unless_causes(self, found: _Found, situation: _Situation) -> frozenset[str]:
        """The `not_with_unless` causes in the message, none when an `unless` word stands
        (咚的一声, 独居 keep the danger; 没闻到臭味 is no such word)."""
        causes = situation.not_with_unless.intersection(found.at)
        if causes and situation.unless and self._clauses(found, situation.unless, set()):
            return frozenset()
        return causes

    def explained_by_unless_cause(self, text: str) -> bool:
        """楼上那户…渗水…敲门没人开: a `not_with_unless` cause (a leak from the neighbour)
        explains a situation whose hazard is told away, with no `unless` word (a thud, someone
        old alone)."""
        found = self._found(text)
        return any(
            not self._corrected(found, pos)
            for s in self._situations
            for word in self._unless_causes(found, s)
            for pos in found.at[word]
            if any(self._hazard(found, pattern, set()) for pattern in s.hazards)
        )

    def _nobody_there(self, found: _Found, situation: _Situation) -> bool:
        """People named only to deny them (没人在里面, 里面没有人), and no word that someone is
        at risk standing undenied (有人, 我妈, 喊)."""
        if not self._people_denied(found):
            return False
        return not self._clauses(found, situation.at_risk, set())

    def _people_denied(self, found: _Found) -> bool:
        """People are named, every time to deny them (没人在里面)."""
        people = [pos for word in self._person.intersection(found.at) for pos in found.at[word]]
        return bool(people) and all(self._negated(found, pos) for pos in people)

    def nobody_at_risk(self, text: str) -> bool:
        """A danger only to people (a stalled lift) told with nobody there: 电梯停了 没人在里面."""
        found = self._found(text)
        if not self._people_denied(found):
            return False  # _nobody_there is False for every situation
        situations = self._situations
        # A pattern outside _tried has a part with no word in the message: no hazard.
        return any(
            s.needs_person
            and not self._clauses(found, s.at_risk, set())
            and any(self._hazard(found, s.hazards[j], set()) for j in patterns)
            for s, patterns in ((situations[k], js) for k, js in self._tried(found).items())
        )

    def _corrected(self, found: _Found, pos: int) -> bool:
        """A `correction` word (不是) earlier in the clause: 不是谁家做饭，是电线烧焦."""
        begin = found.clause_start[found.clause(pos)]
        return self._correction_re.search(found.text, begin, pos) is not None

    def danger_explained_away(self, text: str) -> bool:
        """A hazard told and explained away by its situation's `not_with`, with nobody said to be
        at risk ("橘猫…跑出去了": a pet, not a person, ran off): word evidence must not page it."""
        found = self._found(text)
        situations = self._situations
        # A pattern outside _tried has a part with no word in the message: no hazard (and
        # every test here is free of side effects, so skipping the others changes nothing).
        return any(
            self._explained_away(found, s)
            and not self._clauses(found, s.at_risk, set())
            and any(self._hazard(found, s.hazards[j], set()) for j in patterns)
            for s, patterns in ((situations[k], js) for k, js in self._tried(found).items())
        )

    def pet_notice(self, text: str) -> str | None:
        """The pet word of a lost or found pet notice (我家猫丢了, 楼下有只泰迪 谁家的), or None."""
        text = self._not_pet.sub("", text)
        if self._any_pet.search(text) is None:
            return None  # no pet word: what the list below would find
        pets = [w for w in self._pets if w in text]
        if not pets or not any(w in text for w in self._pet_lost_or_found):
            return None
        return max(pets, key=len)

    def explained_away(
        self, text: str, among: frozenset[str] | set[str] | None = None
    ) -> frozenset[str]:
        """Subcategories whose hazard the message explains away (冒烟 ... 是饭店的排风口),
        and those a routine reading cancels (水漫 of water frozen on a ramp). With ``among``,
        only those subcategories are looked at (the answer is right about those alone)."""
        found = self._found(text)
        away = {
            s.name
            for s in self._situations
            if (among is None or s.name in among) and self._explained_away(found, s)
        }
        for routine in self._standing_routines(found):
            away |= routine.cancels
        return frozenset(away)

    def _skipped(self, found: _Found) -> set[int]:
        """The clauses that speak of the past or of what might happen (past, might, might_said);
        a past clause not when a later clause says it is back (`back_again`: "上次就漏过煤气
        现在又闻到了"); the clause before a `lesson` word ("今天早上1号楼刚冒烟 还不长记性")."""
        if found.skipped is not None:
            return found.skipped  # callers only read it
        at = found.at
        back = [found.clause(p) for w in self._back_again.intersection(at) for p in at[w]]
        skipped = {
            found.clause(p)
            for word in self._skip.intersection(at)
            for p in at[word]
            if not self._within_now(found, p, word)
            and not (word in self._past and any(b > found.clause(p) for b in back))
        }
        found.skipped = skipped = skipped | self._might_be(found) | self._lessons(found)
        return skipped

    def _lessons(self, found: _Found) -> set[int]:
        """The clauses with a `lesson` word and the ones before them (今天早上1号楼刚冒烟
        还不长记性: an earlier danger told to complain, day 49 R011), but for one that says it
        is so now (`lesson_now`: 现在又冒烟了)."""
        at = found.at
        lessons = {found.clause(p) for w in self._lesson.intersection(at) for p in at[w]}
        if not lessons:
            return lessons
        now = {found.clause(p) for w in self._lesson_now.intersection(at) for p in at[w]}
        return (lessons | {c - 1 for c in lessons if c > 0}) - now

    def _within_now(self, found: _Found, pos: int, word: str) -> bool:
        """The past word at ``pos`` is part of a `now` word: "好几天没见了" is not seen up to
        now, no story of days ago."""
        at = found.at
        return any(
            start <= pos and pos + len(word) <= start + len(now)
            for now in self._now.intersection(at)
            if len(now) > len(word)
            for start in at[now]
        )

    def _might_be(self, found: _Found) -> set[int]:
        """The clauses telling what might happen by their construction (might_said) or with a
        `might_leads` word (到时候), and the clauses after them that tell what would follow
        (`might_follows`: "万一着火了，人都出不来", "哪天着了火 老人孩子都困在楼上"), up to the
        end of the sentence, a clause telling no consequence ("迟早出事 楼道里冒烟了") or one
        that says it is real now (`real_now`: "迟早出事 现在真烧起来了")."""
        if found.might_be is None:
            found.might_be = self._might_be_now(found)
        return found.might_be  # callers only read it

    def _might_be_now(self, found: _Found) -> set[int]:
        said = {found.clause(m.start()) for p in self._might_said for m in p.finditer(found.text)}
        at = found.at
        leads = said | {found.clause(p) for w in self._might_leads.intersection(at) for p in at[w]}
        follows_re = self._might_follows
        if not leads or follows_re is None:
            return leads
        real = {found.clause(p) for w in self._real_now.intersection(at) for p in at[w]}
        text, starts = found.text, found.clause_start
        follows: set[int] = set()
        for lead in sorted(leads):
            k = lead + 1
            while k < len(starts) and k not in real:
                # A full stop (。！？) before the clause ends the sentence.
                if _SENTENCE_END.search(text, starts[k - 1], starts[k]):
                    break
                end = starts[k + 1] if k + 1 < len(starts) else len(text)
                if follows_re.search(text, starts[k], end) is None:
                    break
                follows.add(k)
                k += 1
        return leads | follows

    def told_as_lesson(self, text: str, pos: int) -> bool:
        """The clause of `text` (normalised) at `pos` tells an earlier danger as a lesson not
        learned (今天早上1号楼刚冒烟 还不长记性): the building it names is not where the
        message's problem is."""
        found = self._found(text)
        return found.clause(pos) in self._lessons(found)

    def told_as_might_be(self, text: str, pos: int) -> bool:
        """The clause of `text` (normalised) at `pos` tells what might happen by its
        construction (真着火了都跑不出去: might_said), follows a what-if (万一着火了
        人都出不来), or tells an earlier danger as a lesson (刚冒烟 还不长记性)."""
        found = self._found(text)
        clause = found.clause(pos)
        return clause in self._might_be(found) or clause in self._lessons(found)

    def _standing_routines(self, found: _Found) -> list[_Routine]:
        """The routine readings told (not negated, not past or might-be) with no `unless` word
        standing: 地库入口结冰了 好滑, but not 结冰 … 摔倒了起不来."""
        if found.routines is None:
            at = found.at
            routines = self._routines
            # Only patterns with a word of every part in the message can match, as before.
            candidates = set(
                chain.from_iterable(filter(None, map(self._routine_patterns_of.get, at)))
            )
            tried: dict[int, list[int]] = {}
            for k, j in sorted(candidates):
                if not any(part.isdisjoint(at) for part in routines[k].hazards[j].parts):
                    tried.setdefault(k, []).append(j)
            skipped = self._skipped(found) if tried else set()
            found.routines = [
                routines[k]
                for k, patterns in tried.items()
                if any(self._hazard(found, routines[k].hazards[j], skipped) for j in patterns)
                and not self._clauses(found, routines[k].unless, set())
            ]
        return found.routines

    def routine(self, text: str) -> str | None:
        """The name of the nuisance or routine hazard the message tells with nobody hurt (车警报
        响了半天, 坡道结冰了 好滑), or None: word evidence of danger never pages it."""
        standing = self._standing_routines(self._found(text))
        return standing[0].name if standing else None

    def routine_cancels(self, text: str) -> frozenset[str]:
        """The subcategories the routine readings the message tells cancel (被困 of a robot
        vacuum stuck under the sofa), whatever their words weigh."""
        return frozenset(c for r in self._standing_routines(self._found(text)) for c in r.cancels)

    def framed(self, text: str) -> str | None:
        """The word that sets the message in a dream, a film, a game, a story, a rumour or
        news about elsewhere (梦见, 电影里, 谣言, 外地), unless negated (这不是新闻, 别拍视频)
        or brought here and now (现在, 就在我们小区); None when it is told as real here."""
        found = self._found(text)
        framing = sorted(self._framing.intersection(found.at))
        if not framing:
            return None  # most messages: no framing word at all
        spans = [(p, p + len(w)) for w in framing for p in found.at[w]]
        relief = tuple(self.spec.here_relief)
        here = [
            (p, p + len(w))
            for w in self._here_now.intersection(found.at)
            for p in found.at[w]
            if not (relief and text[max(0, p - 3) : p].endswith(relief))
        ]
        if any(not any(a <= p and e <= b for a, b in spans) for p, e in here):
            # "不是咱们小区" frames; a "咱们小区" of its own brings it here. A plot stays made up
            # for a bare 现在 (现在都不敢坐电梯了), not beside 真的, 结果, 救命 (刚看电视剧里的火灾
            # 现在楼下真的着火了).
            real = any(w in text for w in self.spec.real_now if w != "现在")
            framing = [] if real else [w for w in framing if w in self._fiction]
        for word in framing:
            for pos in found.at[word]:
                before = text[max(0, pos - 2) : pos]
                if not self._negated(found, pos) and not any(
                    d in before for d in self.spec.false_alarm_doubt
                ):
                    return word
        return None

    def false_alarm_undone(self, text: str, start: int, end: int) -> bool:
        """不是演习, 以为没事了, 上次是虚惊一场: a doubt before the false-alarm cue in its
        clause; 结果又开始响, 这次真有人: the danger is back after it."""
        before = re.split(r"[\s,，.。!！?？;；:：、~～…]", text[:start])[-1]
        span = before + text[start:end]
        # 不是演习: the doubt may overlap the cue (不是 + 是演习).
        if any(0 <= span.find(d) < len(before) for d in self.spec.false_alarm_doubt):
            return True
        after = text[end:]
        return any(a in after for a in self.spec.alarm_again)

    def asks_about_rule_or_fee(self, text: str) -> bool:
        return any(w in text for w in self._rule_or_fee)

    def cause_denied(self, text: str) -> str | None:
        """ "那个味道是楼下在烧纸 …不是煤气": the cause of what was noticed told and the danger
        denied (`cause_denied`): the words that deny it, else None."""
        found = next((m for p in self._cause_denied if (m := p.search(text))), None)
        return found.group(0)[-6:] if found is not None else None

    def told_as_past(self, text: str) -> bool:
        return self._told_as_past(self._found(text))

    def _at_risk(self, found: _Found, situation: _Situation, skipped: set[int]) -> str | None:
        """The first word saying who or what is exposed, not negated (没砸到人)."""
        clauses = self._clauses(found, situation.at_risk, skipped)
        return clauses[min(clauses)] if clauses else None


def load_situations(
    directory: Path, figures_of_speech: Sequence[str] = (), comparisons: Sequence[str] = ()
) -> SituationReader | None:
    """The situation table next to the lexicon (None when the file is absent)."""
    path = directory / SITUATIONS_FILE
    if not path.exists():
        return None
    spec = validate_file(SituationsSpec, path)
    return SituationReader(spec, str(path), figures_of_speech, comparisons)
