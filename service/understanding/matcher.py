"""Tokenise as a private jieba tokenizer would and look lexicon terms up over its tokens.

Every lexicon word is added to a private ``jieba.Tokenizer`` (never the global one) so that
jieba keeps it in one piece; matching is then a dictionary lookup over runs of 1-4 tokens,
longest first. Matching on token boundaries keeps 修 from firing inside 装修. The cut itself
is jieba's no-HMM cut done here over the same dictionary (cutdict.py), so jieba is only
imported and loaded when the tokenizer itself is asked for.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from math import log
from typing import Any, NamedTuple

from service.understanding.cutdict import CutDictionary
from service.understanding.lexicon import Lexicon

MAX_TOKENS_PER_TERM = 4
# High enough that jieba keeps a lexicon word whole instead of splitting it into common words.
_LEXICON_WORD_FREQ = 200_000
# jieba's own block and whitespace patterns (jieba.re_han_default, jieba.re_skip_default;
# tests/test_understanding_speed.py checks they are the same): the fast cut below must split
# exactly as ``Tokenizer.cut(text, HMM=False)`` does.
_RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
_RE_SKIP = re.compile("(\r\n|\\s)", re.U)
# jieba.re_eng: single characters of these are joined into one token.
_ENG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# Cached steps of _cut_block that are not log-probabilities (those are <= 0): a fragment that
# only begins dictionary words, and one that begins none. The cache is bounded.
_PREFIX = 1.0
_ABSENT = 2.0
_MAX_STEPS = 100_000
_MINUS_INFINITY = float("-inf")
SEPARATORS = frozenset(" ,，.。!！?？;；:：、~～…\"'“”‘’()（）【】[]<>《》-_/\\|*&^%$")
# What ends a clause among the pieces cut() gives: a separator or whitespace, which cut()
# gives as single characters or \r\n (no whitespace character lies above U+3000).
_BREAKS = SEPARATORS | {chr(c) for c in range(0x3001) if chr(c).isspace()} | {"\r\n"}


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


@dataclass  # not frozen: made once per message, and frozen fields cost a call each
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
    yield "greeting", cues.greeting
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
    yield "stranded_help", cues.stranded_help
    yield "stranded_fix_plea", cues.stranded_fix_plea
    yield "apology", cues.apology
    yield "rumour_check", cues.rumour_check
    yield "who_pays", cues.who_pays
    yield "praise", cues.praise
    yield "invitation", cues.invitation
    yield "opener", cues.opener
    yield "muted", cues.muted
    yield "retort", cues.retort
    yield "figure_of_speech", cues.figure_of_speech
    yield "what_if", cues.what_if
    yield "rule_said", cues.rule_said
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
        # Every proper prefix of a term, with the characters that follow it in longer terms:
        # the matcher stops extending a run as soon as the next token cannot continue it.
        following: dict[str, set[str]] = {}
        for w in index:
            for k in range(1, len(w)):
                following.setdefault(w[:k], set()).add(w[k])
        self._next_chars = {prefix: frozenset(chars) for prefix, chars in following.items()}
        # One lookup per token: (its entry or None, the characters that may follow it in a
        # longer term, or None). Most tokens are in neither and cost a single miss.
        self._first: dict[str, tuple[_Entry | None, frozenset[str] | None]] = {
            word: (self._index.get(word), self._next_chars.get(word))
            for word in (*self._index, *self._next_chars)
        }
        # The words a private jieba tokenizer gets (add_word, in this order).
        self._added = [w for w in [*index, *keep_whole] if len(w) > 1 and not w.isascii()]
        self._dictionary = CutDictionary(self._added, _LEXICON_WORD_FREQ)
        self._tokenizer: Any = None
        self._tokenizer_lock = threading.Lock()
        # log(frequency) - log(total) of each fragment met so far, or a sentinel (_cut_block).
        self._steps: dict[str, float] = {}
        self._log_total = log(self._dictionary.total)

    @property
    def tokenizer(self) -> Any:
        """A private ``jieba.Tokenizer`` holding the lexicon words: the cut this matcher
        reproduces (loaded on first use; classifying does not need it, and words added to it
        later do not change the matcher's cut)."""
        with self._tokenizer_lock:
            if self._tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                for word in self._added:
                    tokenizer.add_word(word, freq=_LEXICON_WORD_FREQ)
                self._tokenizer = tokenizer
            return self._tokenizer

    def tokenize(self, text: str) -> Tokens:
        words: list[str] = []
        offsets: list[int] = []
        clauses: list[int] = []
        add_word, add_offset, add_clause = words.append, offsets.append, clauses.append
        position = 0
        clause = 0
        breaks = _BREAKS  # a separator or whitespace ends a clause and is not a token
        # HMM off: new-word discovery would glue single-character keywords to neighbours.
        for word in self.cut(text):
            if word in breaks:
                clause += 1
            else:
                add_word(word)
                add_offset(position)
                add_clause(clause)
            position += len(word)
        return Tokens(tuple(words), tuple(offsets), tuple(clauses))

    def cut(self, text: str) -> list[str]:
        """Exactly ``self.tokenizer.lcut(text, HMM=False)``, in one pass per block: jieba's
        word graph and best route are fused, and log frequencies are looked up once per
        fragment (tests/test_understanding_speed.py compares the two)."""
        out: list[str] = []
        add = out.append
        blocks = _RE_HAN.split(text)
        # re.split with one group: odd items are the matched (Chinese/alphanumeric) blocks.
        for k, block in enumerate(blocks):
            if not block:
                continue
            if k % 2:
                self._cut_block(block, add)
            else:
                # Whitespace (odd items: what the one group matched) is kept whole, anything
                # else between goes one character at a time.
                for j, piece in enumerate(_RE_SKIP.split(block)):
                    if j % 2:
                        add(piece)
                    else:
                        out.extend(piece)
        return out

    def _cut_block(self, block: str, add: Callable[[str], None]) -> None:
        """jieba's ``__cut_DAG_NO_HMM``: best route by dictionary log frequency, runs of
        single ASCII letters and digits joined. Same floating-point steps as jieba
        (``log(freq) - log(total)`` then ``+ route``), so the same ties and the same cut."""
        get = self._steps.get
        absent = _ABSENT
        unknown = 0.0 - self._log_total  # log(1) - log(total): a character jieba does not know
        n = len(block)
        score = [0.0] * (n + 1)
        end = [0] * (n + 1)  # where the best word starting here ends (exclusive)
        for start in range(n - 1, -1, -1):
            # The character itself first (the loop below takes the longer fragments).
            fragment = block[start]
            step = get(fragment)
            if step is None:
                step = self._step(fragment)
            if step > 0.0:  # a sentinel: not a word
                if step == absent:  # and no word starts with it: an unknown character
                    score[start] = unknown + score[start + 1]
                    end[start] = start + 1
                    continue
                best_score = _MINUS_INFINITY  # below any word's score
                best_end = -1
            else:
                best_score, best_end = step + score[start + 1], start
            i = start + 1
            while i < n:
                fragment = block[start : i + 1]
                step = get(fragment)
                if step is None:
                    step = self._step(fragment)
                if step > 0.0:  # a sentinel: not a word
                    if step == absent:  # and no word starts with it
                        break
                else:
                    candidate = step + score[i + 1]
                    # max() over (score, end) tuples: ties go to the longer word.
                    if candidate >= best_score:
                        best_score, best_end = candidate, i
                i += 1
            if best_end < 0:
                best_score, best_end = unknown + score[start + 1], start
            score[start] = best_score
            end[start] = best_end + 1
        x = 0
        buf = ""
        eng = _ENG_CHARS
        while x < n:
            y = end[x]
            word = block[x:y]
            if y - x == 1 and word in eng:
                buf += word
            else:
                if buf:
                    add(buf)
                    buf = ""
                add(word)
            x = y
        if buf:
            add(buf)

    def _step(self, fragment: str) -> float:
        """log(frequency) - log(total) of a word, or _PREFIX or _ABSENT (then cached)."""
        count = self._dictionary.get(fragment)
        if count is None:
            step = _ABSENT
        elif count:
            step = log(count) - self._log_total
        else:
            step = _PREFIX
        if len(self._steps) < _MAX_STEPS:
            self._steps[fragment] = step
        return step

    def match(self, tokens: Tokens) -> list[Hit]:
        """Longest lookup of 1-4 consecutive tokens within one clause, left to right."""
        hits: list[Hit] = []
        words, clauses, offsets = tokens.words, tokens.clauses, tokens.offsets
        count = len(words)
        index, next_chars, first = self._index, self._next_chars, self._first
        new_hit = tuple.__new__
        founds = list(map(first.get, words))
        i = 0
        while i < count:
            found = founds[i]
            if found is None:
                i += 1
                continue
            word = words[i]
            best, nexts = found
            best_end = i + 1
            # A run longer by the next token is a term or a term's prefix only if that token
            # is in the same clause and starts with a character that follows the run in some
            # term (most often it is not, and no longer run is tried).
            if (
                nexts is not None
                and best_end < count
                and clauses[best_end] == clauses[i]
                and words[best_end][0] in nexts
            ):
                clause = clauses[i]
                candidate = word
                for j in range(i + 1, min(count, i + MAX_TOKENS_PER_TERM)):
                    if clauses[j] != clause or words[j][0] not in nexts:
                        break
                    candidate += words[j]
                    entry = index.get(candidate)
                    if entry is not None:
                        best, best_end = entry, j + 1
                    nexts = next_chars.get(candidate)
                    if nexts is None:
                        break
            if best is not None:
                if best_end > i + 1:
                    word = "".join(words[i:best_end])
                # Hit(word, i, best_end, offsets[i], clauses[i], *best), without the Python-level
                # __new__ of a NamedTuple.
                hits.append(new_hit(Hit, (word, i, best_end, offsets[i], clauses[i], *best)))
                i = best_end
            else:
                i += 1
        return hits
