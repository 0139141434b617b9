"""What the lexicon found in one message: cue positions and weighted category keywords."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from service.understanding.lexicon import Lexicon
from service.understanding.matcher import Hit, Term, Tokens

_QUESTION_FOLLOWERS = frozenset({"吗", "么", "没", "没有", "呢", "不"})
# Question forms jieba splits unpredictably: particles, wh-words and A-not-A (开不开, 有没有).
# 要是哪天 (some day) asks nothing: 哪 after a what-if lead is no question word (set U).
_QUESTION = re.compile(
    r"[?吗嘛]|(?<!要是)(?<!如果)(?<!万一)(?<!假如)哪|啥|怎么|怎样|如何|谁|多少|几点|几号|什么|是否|能否|可否|(\w)[不没]\1|是\w{1,10}还是"
    r"|(?:要|能|可以|用|让|准|收|需|该)\w{0,12}[不没][。.！!~～\s]*$"
)
# The same, split for speed: question words (a scan that skips to their first characters),
# then the forms that need 不, 没 or 还是 (only tried when one is there).
_QUESTION_WORD = re.compile(
    r"[?吗嘛]|(?<!要是)(?<!如果)(?<!万一)(?<!假如)哪|啥|怎么|怎样|如何|谁|多少|几点|几号|什么|是否|能否|可否"
)
# 是不是, 还是 …, and a question closed by 不/没 (亲戚来住半个月 需要去派出所登记不; set AD).
_QUESTION_FORM = re.compile(
    r"(\w)[不没]\1|是\w{1,10}还是|(?:要|能|可以|用|让|准|收|需|该)\w{0,12}[不没][。.！!~～\s]*$"
)
_NEGATION_PREFIX = ("没", "不", "无", "未", "别")
# Time gone by without action (三天没拉了, 多久没打扫, 半个月没人管): a complaint.
_OVERDUE = re.compile(
    r"(?:[\d一二两三四五六七八九十几多]|好几|半)(?:个)?(?:天|周|星期|礼拜|月|年)(?:了)?[都也还]?没"
    r"|多久没|好久没|这么久没"
)


class Remap(NamedTuple):
    """Who causes it re-files subcategories (a neighbour's leak is a dispute)."""

    source: str
    target: str
    subcategories: dict[str, str]
    only_words_with: tuple[str, ...]  # empty: every word of the subcategory

    def applies(self, category: str, word: str, subcategory: str | None) -> bool:
        if category != self.source or subcategory not in self.subcategories:
            return False
        return not self.only_words_with or any(part in word for part in self.only_words_with)


class Scored(NamedTuple):
    """One keyword counted for a category."""

    hit: Hit
    category: str
    subcategory: str | None
    weight: float
    is_signal: bool


@dataclass
class Evidence:
    tokens: Tokens
    hits: list[Hit]
    has_question_mark: bool
    overdue: bool = False
    cues: dict[str, list[Hit]] = field(default_factory=lambda: defaultdict(list))
    scored: list[Scored] = field(default_factory=list)
    negated: list[Hit] = field(default_factory=list)
    hypothetical_clauses: frozenset[int] = frozenset()
    muted_clauses: frozenset[int] = frozenset()
    # A comparison (跟…一样) made a clause a figure of speech.
    compared: bool = False
    muted: list[Hit] = field(default_factory=list)
    # Set by read_cues() once the cues are gathered.
    is_question: bool = field(default=False, init=False)
    complained: bool = field(default=False, init=False)
    asks_for_action: bool = field(default=False, init=False)
    _by_category: dict[str, list[Scored]] | None = None
    _signals: dict[str, list[Scored]] | None = None

    def has(self, cue: str) -> bool:
        return bool(self.cues.get(cue))

    def has_any(self, cues: tuple[str, ...]) -> bool:
        return any(map(self.cues.get, cues))

    def cue_words(self, cue: str) -> list[str]:
        return [hit.word for hit in self.cues.get(cue, [])]

    def read_cues(self) -> None:
        """Work out what the gathered cues say (asked many times per message, read once)."""
        self.is_question = self.has_question_mark or self.has("question") or self.has("ask")
        self.complained = self.overdue or self.has("complaint") or self.has("sarcasm")
        self.asks_for_action = self.is_question or self.has("request") or self.complained

    def signals(self, category: str) -> list[Scored]:
        signals = self._signals
        if signals is None:
            signals = self._index_scored()[1]
        return signals.get(category, [])

    def counted(self, category: str) -> list[Scored]:
        by_category = self._by_category
        if by_category is None:
            by_category = self._index_scored()[0]
        return by_category.get(category, [])

    def _index_scored(self) -> tuple[dict[str, list[Scored]], dict[str, list[Scored]]]:
        """The scored keywords by category, and their signals (asked many times per
        message): built in one pass, in order, once the keywords are all scored."""
        by_category: dict[str, list[Scored]] = {}
        signals: dict[str, list[Scored]] = {}
        for s in self.scored:
            items = by_category.get(s.category)
            if items is None:
                items = by_category[s.category] = []
            items.append(s)
            if s.is_signal:
                items = signals.get(s.category)
                if items is None:
                    items = signals[s.category] = []
                items.append(s)
        self._by_category, self._signals = by_category, signals
        return by_category, signals


def _asks(text: str) -> bool:
    """``_QUESTION.search(text)`` found something."""
    if _QUESTION_WORD.search(text):
        return True
    if "不" in text or "没" in text or "还是" in text:
        return _QUESTION_FORM.search(text) is not None
    return False


def is_negated(hit: Hit, tokens: Tokens, tables: EvidenceTables) -> bool:
    """A negation stands before the hit in its clause ("不怎么热了" is no 热了)."""
    return _is_negated(hit, tokens, tables.negation, tables.negation_gap)


def _is_negated(hit: Hit, tokens: Tokens, negation: frozenset[str], gap: frozenset[str]) -> bool:
    k = hit.start - 1
    # Up to two words may stand between (没闻到什么煤气味, 没有人被困).
    for _ in range(2):
        if k >= 0 and tokens.words[k] in gap and tokens.clauses[k] == hit.clause:
            k -= 1
    if not (k >= 0 and tokens.clauses[k] == hit.clause and tokens.words[k] in negation):
        return False
    # "停不停水", "修不修": asked as X不X, nothing denied (day 58b R12)
    before = tokens.words[k - 1] if k > 0 and tokens.clauses[k - 1] == hit.clause else ""
    return not (k == hit.start - 1 and before and before[-1] == hit.word[0])


def followed_by_question(hit: Hit, evidence: Evidence, text: str) -> bool:
    words = evidence.tokens.words
    if (
        hit.end < len(words)
        and evidence.tokens.clauses[hit.end] == hit.clause
        and words[hit.end] in _QUESTION_FOLLOWERS
    ):
        return True
    end_char = hit.char_start + len(hit.word)
    return text[end_char : end_char + 2].lstrip()[:1] in {"?", "吗"}


@dataclass(frozen=True)
class EvidenceTables:
    """What gathering evidence needs from one lexicon, built once per classifier."""

    negation: frozenset[str]
    negation_gap: frozenset[str]
    # The unpaid-bill, public-part, neighbour and stranded-person remaps.
    arrears: Remap
    by_public: Remap
    by_neighbour: Remap
    stranded: Remap
    # Weak signals from single characters: character → (category, weight) ...
    char_table: dict[str, tuple[tuple[str, float], ...]]
    signal_chars: frozenset[str]
    any_signal_char: re.Pattern[str]
    # A figure of speech by construction (跟…一样), None without one.
    comparison: re.Pattern[str] | None = None


def evidence_tables(lexicon: Lexicon) -> EvidenceTables:
    cues = lexicon.cues
    leak = tuple(cues.neighbour_leak)
    char_table = char_signal_table(lexicon)
    return EvidenceTables(
        negation=frozenset(cues.negation),
        negation_gap=frozenset(cues.negation_gap),
        arrears=Remap("maintenance", "care", cues.arrears_remap, ()),
        by_public=Remap("dispute", "maintenance", cues.public_remap, leak),
        by_neighbour=Remap("maintenance", "dispute", cues.neighbour_remap, leak),
        stranded=Remap("maintenance", "care", cues.stranded_remap, ()),
        char_table=char_table,
        signal_chars=frozenset(char_table),
        any_signal_char=re.compile(
            "[" + "".join(map(re.escape, sorted(char_table))) + "]" if char_table else "(?!)"
        ),
        comparison=(
            re.compile("|".join(f"(?:{p})" for p in cues.comparison)) if cues.comparison else None
        ),
    )


def gather(tables: EvidenceTables, tokens: Tokens, hits: list[Hit], text: str) -> Evidence:
    negation, gap = tables.negation, tables.negation_gap
    evidence = Evidence(
        tokens=tokens,
        hits=hits,
        has_question_mark=_asks(text),
        overdue="没" in text and _OVERDUE.search(text) is not None,  # every form ends in 没
    )
    cue_hits = evidence.cues
    for hit in hits:
        for name in hit.cue_names:
            cue_hits[name].append(hit)
    evidence.read_cues()
    figures = [h.clause for h in evidence.cues.get("figure_of_speech", [])]
    # 跟爆了的水管一样: the words inside a comparison tell nothing (整个楼梯间跟瀑布一样 names
    # none, so the water around it still tells the flood).
    compared = (
        [m.span() for m in tables.comparison.finditer(text)]
        if tables.comparison is not None
        else []
    )
    evidence.hypothetical_clauses = frozenset(
        [h.clause for h in evidence.cues.get("hypothetical", [])] + figures
    )

    # Who causes it: an unpaid bill turns a supply cut-off into help (care), a neighbour
    # turns a leak into a dispute; public parts keep it maintenance.
    # A neighbour only causes water coming through (漏, 渗), not low pressure or a cut-off.
    remaps: list[Remap] = []
    if evidence.has("arrears"):
        remaps.append(tables.arrears)
    elif evidence.has("stranded") and (
        evidence.has("stranded_help")
        or (evidence.is_question and not evidence.has("stranded_fix_plea"))
    ):
        remaps.append(tables.stranded)
    neighbour, public = evidence.has("neighbour"), evidence.has("public")
    if public and not neighbour:
        remaps.append(tables.by_public)
    elif neighbour and not public:
        remaps.append(tables.by_neighbour)
    # Reminiscing, fears and peacemaking clauses mention problems without reporting one.
    # A clause that goes on to ask is no memory (腊月二十九那天垃圾还收吗; set AD).
    asked_after = [(h.clause, h.start) for h in evidence.cues.get("question", [])]
    recalled = [
        h.clause
        for h in evidence.cues.get("muted", [])
        if not any(c == h.clause and start > h.start for c, start in asked_after)
    ]
    evidence.muted_clauses = frozenset(recalled + figures)
    muted = evidence.muted_clauses
    for hit in hits:
        category_terms = hit.category_terms
        if not category_terms:
            continue
        if muted and hit.clause in muted:
            evidence.muted.append(hit)
            continue
        if compared and any(a <= hit.char_start < b for a, b in compared):
            evidence.muted.append(hit)
            evidence.compared = True
            continue
        if hit.has_signal and _is_negated(hit, tokens, negation, gap):
            evidence.negated.append(hit)
            continue
        if len(category_terms) == 1:
            evidence.scored.append(_score(hit, category_terms[0], remaps))
            continue
        # One word counts once per category: its strongest role (施工 as actor and as noise).
        strongest: dict[str, Scored] = {}
        for term in category_terms:
            scored = _score(hit, term, remaps)
            kept = strongest.get(scored.category)
            if kept is None or (scored.weight, scored.is_signal) > (kept.weight, kept.is_signal):
                strongest[scored.category] = scored
        evidence.scored.extend(strongest.values())
    if tables.any_signal_char.search(text):
        _score_characters(tables, evidence)
    return evidence


def char_signal_table(lexicon: Lexicon) -> dict[str, tuple[tuple[str, float], ...]]:
    table: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for spec in lexicon.categories.values():
        for ch, weight in spec.char_signals.items():
            table[ch].append((spec.category, weight))
    return {ch: tuple(entries) for ch, entries in table.items()}


def _score_characters(tables: EvidenceTables, evidence: Evidence) -> None:
    """Weak signals from single characters in words the lexicon does not list."""
    table = tables.char_table
    if not table:
        return
    tokens = evidence.tokens
    covered: set[int] | None = None
    signal_chars = tables.signal_chars
    muted = evidence.muted_clauses
    for i, word in enumerate(tokens.words):
        if signal_chars.isdisjoint(word):
            continue
        if covered is None:
            covered = {k for hit in evidence.hits for k in range(hit.start, hit.end)}
        if i in covered or word.startswith(_NEGATION_PREFIX) or tokens.clauses[i] in muted:
            continue
        best: dict[str, float] = {}
        for ch in word:
            for category, weight in table.get(ch, ()):
                if weight > best.get(category, 0.0):
                    best[category] = weight
        if best:
            hit = Hit(word, i, i + 1, tokens.offsets[i], tokens.clauses[i], ())
            for category, weight in best.items():
                evidence.scored.append(Scored(hit, category, None, weight, True))


def _score(hit: Hit, term: Term, remaps: list[Remap]) -> Scored:
    category, sub = term.name, term.subcategory
    for remap in remaps:  # usually none
        if remap.applies(category, hit.word, sub):
            category, sub = remap.target, remap.subcategories[sub or ""]
            break
    # Scored(hit, category, sub, ...) without the Python-level __new__ of a NamedTuple.
    return tuple.__new__(Scored, (hit, category, sub, term.weight, term.kind == "signal"))
