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
_QUESTION = re.compile(
    r"[?吗嘛]|哪|啥|怎么|怎样|如何|谁|多少|几点|几号|什么|是否|能否|可否|(\w)[不没]\1|是\w{1,10}还是"
)
_NEGATION_PREFIX = ("没", "不", "无", "未", "别")


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
    cues: dict[str, list[Hit]] = field(default_factory=lambda: defaultdict(list))
    scored: list[Scored] = field(default_factory=list)
    negated: list[Hit] = field(default_factory=list)
    hypothetical_clauses: frozenset[int] = frozenset()
    _by_category: dict[str, list[Scored]] | None = None

    def has(self, cue: str) -> bool:
        return bool(self.cues.get(cue))

    def cue_words(self, cue: str) -> list[str]:
        return [hit.word for hit in self.cues.get(cue, [])]

    @property
    def is_question(self) -> bool:
        return self.has_question_mark or self.has("question") or self.has("ask")

    @property
    def asks_for_action(self) -> bool:
        return self.is_question or self.has("request") or self.has("complaint")

    def signals(self, category: str) -> list[Scored]:
        return [s for s in self.counted(category) if s.is_signal]

    def counted(self, category: str) -> list[Scored]:
        if self._by_category is None:
            self._by_category = defaultdict(list)
            for s in self.scored:
                self._by_category[s.category].append(s)
        return self._by_category.get(category, [])


def _is_negated(hit: Hit, tokens: Tokens, negation: frozenset[str], gap: frozenset[str]) -> bool:
    k = hit.start - 1
    if k >= 0 and tokens.words[k] in gap and tokens.clauses[k] == hit.clause:
        k -= 1
    return k >= 0 and tokens.clauses[k] == hit.clause and tokens.words[k] in negation


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


def gather(
    lexicon: Lexicon,
    tokens: Tokens,
    hits: list[Hit],
    text: str,
    char_table: dict[str, tuple[tuple[str, float], ...]],
) -> Evidence:
    cues = lexicon.cues
    negation, gap = _negation_sets(lexicon)
    evidence = Evidence(tokens=tokens, hits=hits, has_question_mark=bool(_QUESTION.search(text)))
    for hit in hits:
        for term in hit.terms:
            if term.kind == "cue":
                evidence.cues[term.name].append(hit)
    evidence.hypothetical_clauses = frozenset(
        h.clause for h in evidence.cues.get("hypothetical", [])
    )

    # Who causes it: an unpaid bill turns a supply cut-off into help (care), a neighbour
    # turns a leak into a dispute; public parts keep it maintenance.
    remaps: list[tuple[str, dict[str, str]]] = []
    if evidence.has("arrears"):
        remaps.append(("care", cues.arrears_remap))
    if evidence.has("neighbour") and not evidence.has("public"):
        remaps.append(("dispute", cues.neighbour_remap))
    for hit in hits:
        category_terms = [t for t in hit.terms if t.kind in ("signal", "topic")]
        if not category_terms:
            continue
        if any(t.kind == "signal" for t in category_terms) and _is_negated(
            hit, tokens, negation, gap
        ):
            evidence.negated.append(hit)
            continue
        for term in category_terms:
            evidence.scored.append(_score(hit, term, remaps))
    _score_characters(char_table, evidence)
    return evidence


_NEGATION_CACHE: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _negation_sets(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    key = id(lexicon.cues)
    if key not in _NEGATION_CACHE:
        _NEGATION_CACHE[key] = (
            frozenset(lexicon.cues.negation),
            frozenset(lexicon.cues.negation_gap),
        )
    return _NEGATION_CACHE[key]


def char_signal_table(lexicon: Lexicon) -> dict[str, tuple[tuple[str, float], ...]]:
    table: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for spec in lexicon.categories.values():
        for ch, weight in spec.char_signals.items():
            table[ch].append((spec.category, weight))
    return {ch: tuple(entries) for ch, entries in table.items()}


def _score_characters(table: dict[str, tuple[tuple[str, float], ...]], evidence: Evidence) -> None:
    """Weak signals from single characters in words the lexicon does not list."""
    if not table:
        return
    tokens = evidence.tokens
    covered = {i for hit in evidence.hits for i in range(hit.start, hit.end)}
    for i, word in enumerate(tokens.words):
        if i in covered or word.startswith(_NEGATION_PREFIX):
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


def _score(hit: Hit, term: Term, remaps: list[tuple[str, dict[str, str]]]) -> Scored:
    category, sub = term.name, term.subcategory
    if category == "maintenance":
        for target, remap in remaps:
            if sub in remap:
                category, sub = target, remap[sub]
                break
    return Scored(hit, category, sub, term.weight, term.kind == "signal")
