"""Tokenise with a private jieba tokenizer and look lexicon terms up over its tokens.

Every lexicon word is added to a private ``jieba.Tokenizer`` (never the global one) so that
jieba keeps it in one piece; matching is then a dictionary lookup over runs of 1-4 tokens,
longest first. Matching on token boundaries keeps 修 from firing inside 装修.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

import jieba

from service.understanding.lexicon import Lexicon

MAX_TOKENS_PER_TERM = 4
# High enough that jieba keeps a lexicon word whole instead of splitting it into common words.
_LEXICON_WORD_FREQ = 200_000
SEPARATORS = frozenset(" ,，.。!！?？;；:：、~～…\"'“”‘’()（）【】[]<>《》-_/\\|*&^%$")

jieba.setLogLevel(logging.WARNING)


class Term(NamedTuple):
    """One role of a lexicon word: a category keyword or a decision cue."""

    kind: str  # "signal", "topic" or "cue"
    name: str  # category for signal/topic, cue list name for cue
    subcategory: str | None
    weight: float


class Hit(NamedTuple):
    word: str
    start: int  # token index
    end: int  # token index, exclusive
    char_start: int
    clause: int
    terms: tuple[Term, ...]
    # The same terms sorted by role once per lexicon word (not once per message).
    cue_names: tuple[str, ...] = ()
    category_terms: tuple[Term, ...] = ()
    has_signal: bool = False


class _Entry(NamedTuple):
    terms: tuple[Term, ...]
    cue_names: tuple[str, ...]
    category_terms: tuple[Term, ...]
    has_signal: bool


def _entry(terms: tuple[Term, ...]) -> _Entry:
    categories = tuple(t for t in terms if t.kind != "cue")
    return _Entry(
        terms,
        tuple(t.name for t in terms if t.kind == "cue"),
        categories,
        any(t.kind == "signal" for t in categories),
    )


@dataclass(frozen=True)
class Tokens:
    words: tuple[str, ...]
    offsets: tuple[int, ...]
    clauses: tuple[int, ...]


def _cue_lists(lexicon: Lexicon) -> Iterable[tuple[str, Iterable[str]]]:
    cues = lexicon.cues
    yield "negation", cues.negation
    yield "negation_gap", cues.negation_gap
    yield "resolved", cues.resolved
    yield "ongoing", cues.ongoing
    yield "false_alarm", cues.false_alarm
    yield "thanks", cues.thanks
    yield "social", cues.social
    yield "ask", cues.ask
    yield "question", cues.question
    yield "request", cues.request
    yield "complaint", cues.complaint
    yield "notice", cues.notice
    yield "strong_notice", cues.strong_notice
    yield "hypothetical", cues.hypothetical
    yield "sarcasm", cues.sarcasm
    yield "neighbour", cues.neighbour
    yield "public", cues.public
    yield "arrears", cues.arrears
    yield "stranded", cues.stranded
    yield "apology", cues.apology
    yield "opener", cues.opener
    yield "muted", cues.muted
    yield "contrast", cues.contrast


def build_index(lexicon: Lexicon, canonical: Any) -> dict[str, tuple[Term, ...]]:
    """Map each (normalised) lexicon word to all of its roles."""
    index: dict[str, list[Term]] = {}

    def add(word: str, term: Term) -> None:
        key = canonical(word)
        if key:
            index.setdefault(key, []).append(term)

    for spec in lexicon.categories.values():
        for word, weight in spec.signals.items():
            add(word, Term("signal", spec.category, None, weight))
        for word, weight in spec.topics.items():
            add(word, Term("topic", spec.category, None, weight))
        for sub, sub_spec in spec.subcategories.items():
            for word, weight in sub_spec.signals.items():
                add(word, Term("signal", spec.category, sub, weight))
            for word, weight in sub_spec.topics.items():
                add(word, Term("topic", spec.category, sub, weight))
    for name, words in _cue_lists(lexicon):
        for word in words:
            add(word, Term("cue", name, None, 1.0))
    for word, weight in lexicon.cues.advert.items():
        add(word, Term("cue", "advert", None, weight))
    return {word: _deduplicated(terms) for word, terms in index.items()}


def _deduplicated(terms: list[Term]) -> tuple[Term, ...]:
    """One role per (kind, name, subcategory): 停電 and 停电 are one word after conversion."""
    best: dict[tuple[str, str, str | None], Term] = {}
    for term in terms:
        key = (term.kind, term.name, term.subcategory)
        if key not in best or term.weight > best[key].weight:
            best[key] = term
    return tuple(best.values())


class TermMatcher:
    def __init__(self, index: dict[str, tuple[Term, ...]], keep_whole: Iterable[str] = ()) -> None:
        self._index = {word: _entry(terms) for word, terms in index.items()}
        # Every proper prefix of a term: lets the matcher stop extending a run early.
        self._prefixes = frozenset(w[:k] for w in index for k in range(1, len(w)))
        # One lookup per token: (its entry or None, whether a longer term starts with it).
        # Most tokens are in neither and cost a single miss.
        self._first: dict[str, tuple[_Entry | None, bool]] = {
            word: (self._index.get(word), word in self._prefixes)
            for word in (*self._index, *self._prefixes)
        }
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.initialize()
        for word in [*index, *keep_whole]:
            if len(word) > 1 and not word.isascii():
                self._tokenizer.add_word(word, freq=_LEXICON_WORD_FREQ)

    @property
    def tokenizer(self) -> Any:
        return self._tokenizer

    def tokenize(self, text: str) -> Tokens:
        words: list[str] = []
        offsets: list[int] = []
        clauses: list[int] = []
        add_word, add_offset, add_clause = words.append, offsets.append, clauses.append
        position = 0
        clause = 0
        separators = SEPARATORS
        # HMM off: new-word discovery would glue single-character keywords to neighbours.
        for word in self._tokenizer.cut(text, HMM=False):
            if word in separators or word.isspace():
                clause += 1
            else:
                add_word(word)
                add_offset(position)
                add_clause(clause)
            position += len(word)
        return Tokens(tuple(words), tuple(offsets), tuple(clauses))

    def match(self, tokens: Tokens) -> list[Hit]:
        """Longest lookup of 1-4 consecutive tokens within one clause, left to right."""
        hits: list[Hit] = []
        words, clauses, offsets = tokens.words, tokens.clauses, tokens.offsets
        count = len(words)
        index, prefixes, first = self._index, self._prefixes, self._first
        i = 0
        while i < count:
            word = words[i]
            found = first.get(word)
            if found is None:
                i += 1
                continue
            best, extends = found
            best_end = i + 1
            if extends:
                clause = clauses[i]
                candidate = word
                for j in range(i + 1, min(count, i + MAX_TOKENS_PER_TERM)):
                    if clauses[j] != clause:
                        break
                    candidate += words[j]
                    entry = index.get(candidate)
                    if entry is not None:
                        best, best_end = entry, j + 1
                    if candidate not in prefixes:
                        break
            if best is not None:
                hits.append(
                    Hit(
                        "".join(words[i:best_end]),
                        i,
                        best_end,
                        offsets[i],
                        clauses[i],
                        best.terms,
                        best.cue_names,
                        best.category_terms,
                        best.has_signal,
                    )
                )
                i = best_end
            else:
                i += 1
        return hits
