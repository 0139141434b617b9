"""Lexicon-driven classifier: normalise, tokenise with jieba, score, decide with explicit rules.

Decision order (each step explains itself in ``Understanding.reasons``):
1. empty after normalisation → none
2. advert or sale → none
3. a formal notice or forwarded post (【停水通知】, 社区通知：, 转发：, 关于……的通知) → none,
   even when it names a danger (防溺水, 消防演练)
4. emergency signals (not negated, not hypothetical, no false alarm) plus a situation read
   from config/lexicon/situations.yaml (hazard + someone or something at risk, see
   situations.py) ≥ threshold → emergency; ≥ the possible threshold → possible emergency
   (可能紧急), unless a not-a-request cue (thanks, solved, notice ...) is there. Not danger:
   a standing false-alarm cue (not doubted: 不是演习; danger not back: 结果又), a dream, film,
   story, rumour or news elsewhere (situations.yaml `framing`), a question about a fee or rule
   (partial evidence only); the same framing asking nothing is no request at all
5. the message says the problem is solved → none (unless a clear problem word follows it)
6. thanks first, no sarcasm, no ongoing complaint and no "but" (不过, 可惜) before a problem
   → none; a staff notice → none; an apology (不好意思, 道个歉) that asks and complains of
   nothing → none. Clauses that reminisce, fear or make peace (小时候停电, 最怕停电, 大家别在
   群里吵了) are not counted at all
7. category scores (signals always, topics once the message shows a problem, a request, a
   question or sarcasm) ≥ threshold. Who causes it re-files maintenance words: a neighbour
   makes a leak a dispute (only water coming through, not low pressure), an unpaid bill
   makes a cut-off help (care). A thing named in a question without a fault is inquiry, a
   fault in a question is maintenance; a question about eligibility rules is inquiry, not
   care. Several → the first issue raised wins (on the same first word, the stronger
   reading) unless a later one is much stronger; none but an explicit question (请问) →
   inquiry; otherwise none
8. learned fallback (service/understanding/learned.py): where step 7 found no request, or
   only a bare question, and no cue says "not a request" (thanks, solved, advert, notice,
   apology, false alarm, hypothetical or muted talk), word-level evidence learned from
   labelled messages decides when it is clear enough (a log-odds margin chosen by
   cross-validation); the reason names its top words and weights
9. learned request-vs-none (learned.py ``RequestWeights``, trained by
   ``python -m service.understanding.learn_request``): a logistic score over the same words
   plus what the rules found (their decision, cues, negation, question, problem words) turns
   a none into a request, or a request into none, when it is clear enough (thresholds chosen
   by cross-validation). An emergency or possible emergency is never touched, a none the
   rules decided for a reason (steps 2-6: an advert, a notice, a story, solved, thanks ...)
   is never made a request, and a request on a clear problem word (停电) with nothing that
   casts doubt on it (negation, question, contrast, chatter, a not-a-request cue) is never
   made none
"""

from __future__ import annotations

import logging
import re
import threading
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, NamedTuple

from service.understanding.evidence import (
    Evidence,
    Scored,
    evidence_tables,
    followed_by_question,
    gather,
    is_negated,
)
from service.understanding.learned import (
    LearnedModel,
    features,
    load_learned,
    load_request,
    with_request,
)
from service.understanding.lexicon import DEFAULT_LEXICON_DIR, Lexicon, load_lexicon
from service.understanding.matcher import Hit, TermMatcher, Tokens, build_index
from service.understanding.model import (
    ADVERT,
    EMERGENCY,
    LEARNED_OPINION,
    POSSIBLE_EMERGENCY,
    Understanding,
)
from service.understanding.normalise import FamilyRewriter, normalise, to_simplified
from service.understanding.places import Place, extract_place
from service.understanding.situations import SituationReader, SituationReading, load_situations
from service.understanding.summary import summarise, with_subject

logger = logging.getLogger(__name__)

# Longer messages are cut: the first issue raised decides, and cost stays bounded.
MAX_MESSAGE_CHARS = 2000
# A later issue overrides the first one only when it is this many times stronger.
LATER_ISSUE_FACTOR = 2.0
# After "fixed", only a clear problem word (not a weak hint such as 说过) reopens the message.
STILL_A_PROBLEM_WEIGHT = 0.6
# A formal notice or forwarded post, recognised by how it opens: 【停水通知】, 社区通知：,
# 转发：, 【转发】, 关于……的通知. It is shared information, even when it names a danger (防溺水).
_NOTICE_HEADER = re.compile(
    r"^\s*(?:【[^】]{0,12}(?:通知|提示|公告|提醒|告知|公示)[^】]{0,6}】"
    r"|转发\s*[:：]|【(?:转发|转载)】|转给[^\s，,。!！?？:：]{0,10}[:：]|提醒(?:一下)?大家"
    r"|[^\s，,。!！?？:：]{0,10}(?:通知|公告|提示|公示|告知书|温馨提醒)\s*[:：]"
    r"|[^\s，,。!！?？:：]{0,4}(?:通知|公告)\s"
    r"|接(?:上级|街道|社区|物业)?通知"
    r"|各位(?:业主|居民|住户)\s*[:：]"
    r"|关于[^，,。!！?？]{2,40}的(?:通知|公告|公示|倡议书|告知书))"
)
_PHONE = re.compile(r"(?<!\d)1[3-9]\d(?:[\s-]?[\dx*]{4}){2}(?!\d)")
_REQUEST_CATEGORIES = ("maintenance", "care", "inquiry", "culture", "dispute")
_COMPLAINT_CATEGORIES = frozenset({"maintenance", "care", "dispute"})
# Cues that say a message is not a request: the learned evidence never overrides them.
NOT_A_REQUEST_CUES = (
    "thanks",
    "resolved",
    "advert",
    "notice",
    "strong_notice",
    "apology",
    "praise",
    "invitation",
    "false_alarm",
    "hypothetical",
    "social",
    "figure_of_speech",
    "retort",
)
# Partial danger evidence gives way to these; "hypothetical" is left to the situation table,
# which skips only the clauses that speak of what might happen (差点 is a near miss, not a
# maybe), and "false_alarm" is read before (a cue undone by the danger coming back blocks
# nothing).
# "invitation" neither: 有没有人一起 may open a call for help.
POSSIBLE_BLOCKERS = tuple(
    c for c in NOT_A_REQUEST_CUES if c not in ("hypothetical", "false_alarm", "invitation")
)
LEARNED_WORDS_SHOWN = 4
# A signal this strong in the rules' category is not re-filed under another request category.
CLEAR_SIGNAL = 1.0
# A problem word this strong keeps a message about a pet a request (叫得睡不着, 拉屎), below it
# (谁家, 丢了) a lost or found pet is a notice.
PET_NOTICE_PROBLEM = 0.6
# An emergency word this strong (着火, 被困) is not explained away by a nuisance cause.
DECISIVE = 1.5
# Cues that make a what-if a report: asking for action, something going on (还在, 又, 还没),
# a complaint (再不修), someone stranded asking for help.
WHAT_IF_REPORTS = ("ask", "request", "ongoing", "complaint", "stranded_help")
# ... of which these, in the what-if's own clause, are supposed, not told (停水一个星期).
WHAT_IF_SUPPOSED = ("ongoing", "complaint")
# A danger word this light only adds urgency to others (快): on its own it tells no danger.
INTENSIFIER = 0.2
# A message of at most this many tokens is too short for word statistics to overrule a
# clear problem word the rules found (又停电了).
SHORT_MESSAGE = 6
# Problem words this strong keep a request of any length (楼上太吵了 followed by anything).
STRONG_SIGNAL = 1.5
# The reason given when a situation's own cause explains a hazard away (宠物跑丢了).
EXPLAINED_AWAY = "explained away, not danger"
HYPOTHETICAL = "hypothetical, not counted as danger"
# A cry for help about an everyday woe (老板又让加班 救命啊): no danger, and no word statistics
# make one out of it.
EVERYDAY_WOE = "a cry about an everyday woe"
# A what-if or a rule told in general: looked at and set aside, as EXPLAINED_AWAY.
IN_GENERAL = "told in general"
# A question after the problem was said solved (…送回来了 谢谢大家 社区有没有防走失手环可以申请)
ASKED_AFTER_SOLVED = "asked after the problem was said solved"


# A lost pet is not a missing person (找狗狗 走丢一只白色比熊): the pet notice wins over it.
LOST_PERSON = "走失"


@dataclass  # not frozen, as RuleReading: made once or twice per message
class _Decision:
    category: str
    subcategory: str | None
    anchor: Hit | None
    keywords: tuple[str, ...]
    reasons: tuple[str, ...]
    # The rules found nothing ("none") or only a bare question ("inquiry"): learned evidence
    # may decide instead.
    open_to_learning: str | None = None
    # "emergency" or "possible" (可能紧急) when category is emergency.
    level: str | None = None


@dataclass
class RuleReading:
    """What the rules made of one message, before any learned evidence (not frozen: a
    frozen dataclass sets each field through object.__setattr__, once per message)."""

    text: str
    masked: str
    place: Place
    tokens: Tokens
    evidence: Evidence
    decision: _Decision
    # The features, and the learned sums of the last model asked about (worked out once per
    # message and model).
    _found: set[str] | None = field(default=None, compare=False, repr=False)
    _summed_by: LearnedModel | None = field(default=None, compare=False, repr=False)
    _totals: list[float] | None = field(default=None, compare=False, repr=False)

    @property
    def ruled_out(self) -> bool:
        """The rules decided "no request" for a reason (thanks, solved, a notice, a story,
        a false alarm ...), not for want of one: no word statistics make it a request."""
        decision = self.decision
        return decision.category == "none" and decision.open_to_learning is None

    @property
    def problem_stands(self) -> bool:
        """A short message (又停电了, 2号楼电梯异响) in which the rules found a request on
        clear problem words (together weighing ≥ CLEAR_SIGNAL) and nothing casts doubt on it
        (a negation, a question, a contrast, chatter, muted talk or a not-a-request cue): a
        few words are too little for word statistics to make it none."""
        decision, ev = self.decision, self.evidence
        if decision.category in ("none", "emergency"):
            return False
        weight = sum(s.weight for s in ev.counted(decision.category))
        # Longer messages keep their request only on strong words (楼上太吵了 and more).
        needed = CLEAR_SIGNAL if len(self.tokens.words) <= SHORT_MESSAGE else STRONG_SIGNAL
        if weight < needed:
            return False
        doubt = ev.negated or ev.is_question or ev.muted or ev.has("contrast")
        return not (doubt or ev.has_any(NOT_A_REQUEST_CUES))

    @property
    def found(self) -> set[str]:
        """The message's learned features (tokens and character pairs)."""
        found = self._found
        if found is None:
            found = self._found = features(self.masked, self.tokens)
        return found

    def totals(self, model: LearnedModel) -> list[float]:
        """``model.totals(self.found)``, summed once per message and model."""
        if self._summed_by is model and self._totals is not None:
            return self._totals
        scores = self._totals = model.totals(self.found)
        self._summed_by = model
        return scores


# Length classes of a message in tokens: 0-3, 4-6, 7-10, 11-16, 17-25, 26 and more.
_LENGTHS = tuple(
    f"tokens:{name}"
    for name, count in (("0-3", 4), ("4-6", 3), ("7-10", 4), ("11-16", 6), ("17-25", 9), ("26+", 1))
    for _ in range(count)
)


def request_rule_features(reading: RuleReading) -> list[str]:
    """What the rules found, as features of the learned request-vs-none reading: their
    decision, the cues present, negation, a question, a complaint, muted clauses and the
    categories with a problem word."""
    ev = reading.evidence
    decision = reading.decision
    found = [f"rules:{decision.category}"]
    if decision.open_to_learning is not None:
        found.append(f"open:{decision.open_to_learning}")
    found.extend([f"cue:{name}" for name, hits in ev.cues.items() if hits])
    if ev.negated:
        found.append("negated")
    if ev.is_question:
        found.append("question")
    if ev.complained:
        found.append("complained")
    if ev.asks_for_action:
        found.append("asks")
    if ev.muted:
        found.append("muted")
    signals = [s.category for s in ev.scored if s.is_signal]
    if signals:
        found.extend([f"signal:{c}" for c in dict.fromkeys(signals)])
    # How long the message is: word weights add up, so a short complaint (又停电了) has
    # few of them; its own weight per length keeps short and long messages comparable.
    found.append(_LENGTHS[min(len(reading.tokens.words), len(_LENGTHS) - 1)])
    return found


def request_score(reading: RuleReading, model: LearnedModel) -> int:
    """The learned request-vs-none score (request above 0), in units of 1/scale."""
    request = model.request
    assert request is not None
    rules = request.rules
    word_score = reading.totals(model)[-1]
    return int(word_score) + sum([rules.get(f, 0) for f in request_rule_features(reading)])


def _weights_of_kind(rules: dict[str, int], prefix: str) -> dict[str, int]:
    """The weights of the rule features named ``prefix…``, by the rest of their name."""
    return {f[len(prefix) :]: w for f, w in rules.items() if f.startswith(prefix)}


class RuleWeights(NamedTuple):
    """The rule-feature weights of a request reading, by kind, to add them up without
    spelling each feature (``rule_score`` gives ``request_rule_features``' sum)."""

    decision: dict[str, int]
    open: dict[str, int]
    cues: dict[str, int]
    negated: int
    question: int
    complained: int
    asks: int
    muted: int
    signals: dict[str, int]
    lengths: tuple[int, ...]  # per token count (the last: that many or more)

    @classmethod
    def of(cls, rules: dict[str, int]) -> RuleWeights:
        return cls(
            _weights_of_kind(rules, "rules:"),
            _weights_of_kind(rules, "open:"),
            _weights_of_kind(rules, "cue:"),
            rules.get("negated", 0),
            rules.get("question", 0),
            rules.get("complained", 0),
            rules.get("asks", 0),
            rules.get("muted", 0),
            _weights_of_kind(rules, "signal:"),
            tuple(rules.get(f, 0) for f in _LENGTHS),
        )


def rule_score(reading: RuleReading, weights: RuleWeights) -> int:
    """``sum(rules.get(f, 0) for f in request_rule_features(reading))``, without the strings."""
    ev, decision = reading.evidence, reading.decision
    lengths = weights.lengths
    score = (
        weights.decision.get(decision.category, 0)
        + lengths[min(len(reading.tokens.words), len(lengths) - 1)]
    )
    if decision.open_to_learning is not None:
        score += weights.open.get(decision.open_to_learning, 0)
    cues = weights.cues
    for name, hits in ev.cues.items():
        if hits:
            score += cues.get(name, 0)
    if ev.negated:
        score += weights.negated
    if ev.is_question:
        score += weights.question
    if ev.complained:
        score += weights.complained
    if ev.asks_for_action:
        score += weights.asks
    if ev.muted:
        score += weights.muted
    signals = weights.signals
    counted: set[str] = set()
    for item in ev.scored:
        if item.is_signal and item.category not in counted:
            counted.add(item.category)
            score += signals.get(item.category, 0)
    return score


def learned_candidate(
    reading: RuleReading, model: LearnedModel, against: str | None = None
) -> tuple[str, float, set[str]] | None:
    """The best learned request category, its log-odds over the rules' open reading (none
    or a bare question) and the message's features; None when the rules are sure or
    a cue says the message is not a request. ``against`` forces the reading to compare
    with (cross-validation asks "what if the rules had found nothing here")."""
    ev = reading.evidence
    against = against or reading.decision.open_to_learning
    if against is None or ev.muted or ev.has_any(NOT_A_REQUEST_CUES):
        return None
    if against == "none" and ev.negated and not (ev.asks_for_action or ev.is_question):
        return None  # 我妈没走丢，她去邻居家了: a denial, and the rules found nothing else
    found = reading.found
    scores = reading.totals(model)
    base = scores[model.index(against)]
    best = model.best(scores, ("none", against))
    return best, scores[model.index(best)] - base, found


def learned_decision(
    reading: RuleReading, model: LearnedModel, margin_over_none: float, margin_over_inquiry: float
) -> _Decision | None:
    """The learned reading of a message the rules left open, or None to keep the rules'."""
    candidate = learned_candidate(reading, model)
    if candidate is None:
        return None
    best, margin, found = candidate
    rules = reading.decision
    against = rules.open_to_learning or "none"
    needed = margin_over_none if against == "none" else margin_over_inquiry
    if margin < needed:
        return None
    top = model.top_contributions(model.known(found), best, against, LEARNED_WORDS_SHOWN)
    shown = ", ".join(f"{c.feature} +{c.weight:.1f}" for c in top)
    reason = f"learned: {shown} → {best} (log-odds {margin:.1f} over {against} ≥ {needed:g})"
    return _Decision(
        best,
        None,
        _anchor(reading.tokens, [c.feature for c in top]),
        tuple(c.feature for c in top),
        (*rules.reasons, reason),
    )


# Less weight than this in the event words of one kind of danger names no kind: the default.
MIN_DANGER_KIND_WEIGHT = 0.25


def second_opinion(
    reading: RuleReading, model: LearnedModel, margins: tuple[float, float, float]
) -> tuple[str, float, set[str]] | None:
    """The learned category that would replace the rules' decided one, its lead in log-odds
    and the message's features; None when the rules' reading stands.

    The rules stay the veto: a full emergency is never taken back, a not-a-request cue
    (thanks, solved, notice, false alarm ...) is never turned into a request, and a possible
    emergency is never turned into anything but an emergency.
    """
    rules = reading.decision
    ev = reading.evidence
    if rules.open_to_learning is not None or rules.category == "emergency":
        return None
    blocked = ev.muted or ev.has_any(NOT_A_REQUEST_CUES)
    set_aside = any(r.startswith((EXPLAINED_AWAY, EVERYDAY_WOE, IN_GENERAL)) for r in rules.reasons)
    if rules.category == "none" and (blocked or set_aside):
        return None
    found = reading.found
    scores = reading.totals(model)
    best = model.best(scores)
    if best == rules.category:
        return None
    if rules.category == "none" and best != "emergency":
        # The rules found "no request" for a reason (a notice, a story, a game, news
        # elsewhere): word statistics never make it a request (【社区公告】…独居老人…; set U).
        return None
    lead = scores[model.index(best)] - scores[model.index(rules.category)]
    override, to_none, to_emergency = margins
    needed = to_none if best == "none" else to_emergency if best == "emergency" else override
    if best == "emergency" and blocked:
        return None
    if best == "emergency" and any(r.startswith(HYPOTHETICAL) for r in rules.reasons):
        return None  # "杂物堆满了 失火了咋整": danger words the rules read as a what-if
    if best == "emergency" and not _danger_beside(reading, model, needed):
        # "我家热水器点不着火了": the danger the statistics see is inside the clear problem word
        # the rules counted (点不着火 holds 着火); without it, nothing reads as danger (day 64
        # R013)
        return None
    if best not in ("none", "emergency") and any(
        s.weight >= CLEAR_SIGNAL for s in ev.signals(rules.category)
    ):
        return None  # a clear problem word (停气) keeps its category against word statistics
    if rules.category == "inquiry" and ev.has("who_pays") and best != "dispute":
        return None  # who pays for what a fault cost is for staff to answer (day 62 R55)
    if (
        best == "none"
        and rules.category == "inquiry"
        and (ev.has("rumour_check") or any(r.startswith(ASKED_AFTER_SOLVED) for r in rules.reasons))
    ):
        # asked whether news is true, or asked after thanks for help already come: a question
        # for staff, not chatter
        return None
    doubt = ev.negated or ev.is_question or ev.has("contrast") or ev.has("social")
    if best == "none" and ev.signals(rules.category) and not doubt:
        # A problem word the rules counted (异响) keeps the message a request, unless a
        # negation, a question, a contrast or chatter gives a reason to doubt it.
        return None
    if lead < needed:
        return None
    return best, lead, found


def _danger_beside(reading: RuleReading, model: LearnedModel, needed: float) -> bool:
    """Word statistics still read danger, by the margin `needed` over the rules' category, once
    the clear problem words the rules counted for it are set aside (True when there are none)."""
    ev = reading.evidence
    category = reading.decision.category
    clear = [s.hit.word for s in ev.signals(category) if s.weight >= CLEAR_SIGNAL]
    if not clear:
        return True
    blanked = reading.masked
    for word in clear:
        blanked = blanked.replace(word, " " * len(word))
    scores = model.totals({f for f in features(blanked, reading.tokens) if f in blanked})
    return scores[model.index("emergency")] - scores[model.index(category)] >= needed


def _greeting_only(ev: Evidence) -> bool:
    """The only chatter is a greeting or an acknowledgement ("早上好 3楼有个老人躺在地上一动不动",
    "收到 卫生间里有人晕倒了"): it says nothing against the danger told."""
    others = [c for c in POSSIBLE_BLOCKERS if c != "social" and ev.has(c)]
    return not others and set(ev.cue_words("social")) <= set(ev.cue_words("greeting"))


def _clause_at(ev: Evidence, pos: int) -> int:
    """The clause of the token at character ``pos``."""
    tokens = ev.tokens
    i = bisect_right(tokens.offsets, pos) - 1
    return tokens.clauses[i] if i >= 0 else 0


def _anchor(tokens: Tokens, words: list[str]) -> Hit | None:
    """The token of the strongest learned word (or the one a character pair sits in)."""
    if not tokens.words:
        return None
    for word in words:
        for i, token in enumerate(tokens.words):
            if word in token or token in word:
                return Hit(token, i, i + 1, tokens.offsets[i], tokens.clauses[i], ())
    return Hit(tokens.words[0], 0, 1, tokens.offsets[0], tokens.clauses[0], ())


def _fmt(items: list[Scored]) -> str:
    return ", ".join(f"{s.hit.word} +{s.weight:g}" for s in items)


def _unique(words: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words))


def _mask(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


class Classifier:
    _default: ClassVar[Classifier | None] = None
    _default_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, lexicon: Lexicon, learned: LearnedModel | None = None) -> None:
        self.lexicon = lexicon
        self.learned = learned
        request = learned.request if learned is not None else None
        self._rule_weights = RuleWeights.of(request.rules) if request is not None else None
        self.situations: SituationReader | None = load_situations(
            lexicon.source, lexicon.cues.figure_of_speech, lexicon.cues.comparison
        )
        self._rewrite = FamilyRewriter(lexicon.synonyms.families)
        self._neighbour_words = tuple(lexicon.cues.neighbour)  # 楼上502: the other party's room
        self._evidence_tables = evidence_tables(lexicon)
        index = build_index(lexicon, self._canonical)
        keep_whole = [self._canonical(w) for w in lexicon.synonyms.keep_whole]
        self._matcher = TermMatcher(index, keep_whole)

    @classmethod
    def from_dir(cls, directory: Path | str) -> Classifier:
        path = Path(directory)
        learned = load_learned(path)
        if learned is not None:  # the request-vs-none weights ride on the naive-Bayes table
            learned = with_request(learned, load_request(path))
        return cls(load_lexicon(path), learned)

    @classmethod
    def default(cls) -> Classifier:
        """The classifier for the repository lexicon, built once per process."""
        with cls._default_lock:
            if cls._default is None:
                cls._default = cls.from_dir(DEFAULT_LEXICON_DIR)
            return cls._default

    @property
    def tokenizer(self) -> object:
        """The private jieba tokenizer holding the lexicon words (loaded on first use)."""
        return self._matcher.tokenizer

    def _canonical(self, word: str) -> str:
        return self._rewrite(to_simplified(word.strip().lower()))

    def classify(self, text: str) -> Understanding:
        try:
            return self._classify(text if isinstance(text, str) else str(text))
        except Exception:  # a chat bot must never die on one odd message
            logger.exception("understanding failed; message treated as no request")
            return Understanding(category="none", reasons=("internal error: not understood",))

    def read_rules(self, raw: str) -> RuleReading | None:
        """The rules' reading of a message (None when nothing is left after normalising)."""
        norm = normalise(raw[:MAX_MESSAGE_CHARS], self._rewrite)
        text = norm.text
        if not text:
            return None
        lesson = self.situations.told_as_lesson if self.situations is not None else None
        place = extract_place(text, self._neighbour_words, lesson)
        # Place words are masked (same length, offsets kept) so 2单元门口 is not read as 单元门.
        masked = _mask(text, place.spans)
        tokens = self._matcher.tokenize(masked)
        hits = self._matcher.match(tokens)
        evidence = gather(self._evidence_tables, tokens, hits, text)
        decision = self._decide(text, evidence, place)
        return RuleReading(text, masked, place, tokens, evidence, decision)

    def _classify(self, raw: str) -> Understanding:
        reading = self.read_rules(raw)
        if reading is None:
            return Understanding(category="none", reasons=("empty message",))
        text, place, tokens, decision = (
            reading.text,
            reading.place,
            reading.tokens,
            reading.decision,
        )
        if decision.open_to_learning is not None and self.learned is not None:
            learned = learned_decision(
                reading,
                self.learned,
                self.learned.margin_over_none,
                self.learned.margin_over_inquiry,
            )
            if (
                learned is not None
                and learned.category == "emergency"
                and (
                    self._past(text, reading.evidence)
                    or any(r.startswith(HYPOTHETICAL) for r in decision.reasons)
                    or self._laughing(text, raw)
                )
            ):
                # word evidence of danger in a story about last month, beside danger words the
                # rules read as a what-if or a tip (遇到电梯被困别扒门 按警铃等救援), or in a joke
                # (说个笑话 我家猫…又在门口喊我开门; set AG)
                learned = None
            if learned is not None:
                items = reading.evidence.counted(learned.category)
                sub = self._subcategory(learned.category, items)
                decision = _Decision(
                    learned.category,
                    sub,
                    learned.anchor,
                    learned.keywords,
                    learned.reasons,
                    # Word evidence alone is partial evidence of danger.
                    level=POSSIBLE_EMERGENCY if learned.category == "emergency" else None,
                )
        elif self.learned is not None:
            second = self._second_opinion(reading, self.learned, decision)
            # word statistics never page a story or a message told laughing (set AI); asked
            # only of a second opinion that would page (the checks cost a tenth of a reading)
            if second.category != "emergency" or not (
                self._past(text, reading.evidence) or self._laughing(text, raw)
            ):
                decision = second
        if (
            self.learned is not None
            and self.learned.request is not None
            and decision.category != "emergency"  # danger is never argued with
        ):
            decision = self._request_or_none(reading, self.learned, decision)
        emergency = decision.category == "emergency"
        level = (decision.level or EMERGENCY) if emergency else None
        summary = (
            summarise(text, tokens, decision.anchor, place.spans)
            if decision.category != "none"
            else ""
        )
        if emergency and decision.subcategory is not None:
            sub_spec = self.lexicon.categories["emergency"].subcategories.get(decision.subcategory)
            if sub_spec is not None and sub_spec.title_subjects:
                summary = with_subject(summary, text, sub_spec.title_subjects)
        # Understanding(category=..., ...) without a frozen dataclass's object.__setattr__
        # call per field (once per message): every field is given, so it is the same object.
        understanding = object.__new__(Understanding)
        understanding.__dict__.update(
            category=decision.category,
            subcategory=decision.subcategory,
            building=place.building,
            unit=place.unit,
            room=place.room,
            emergency=emergency,
            emergency_level=level,
            keywords=decision.keywords,
            reasons=decision.reasons,
            summary=summary,
            rule_words=reading.decision.keywords,
            outside_compound=place.building is None
            and any(w in text for w in self.lexicon.cues.outside_compound),
        )
        return understanding

    def classify_without_emergency(self, text: str, learned: bool = True) -> Understanding:
        """The best reading that is not an emergency (staff said 非紧急): the rules' request
        pass without the danger step, or (`learned`) the learned best request category, or
        maintenance. Without `learned`, "none" when the rules find no request."""
        reading = self.read_rules(text)
        if reading is None:
            return Understanding(category="none")
        decision = self._best_request(reading.evidence, [])
        category, sub = decision.category, decision.subcategory
        model = self.learned
        if category == "none" and not learned:
            return Understanding(category="none", reasons=decision.reasons)
        if category == "none" and model is not None:
            scores = model.totals(features(reading.masked, reading.tokens))
            category = model.best(scores, ("none", "emergency"))
            sub = self._subcategory(category, reading.evidence.counted(category))
        elif category == "none":
            category = "maintenance"
            sub = self.lexicon.categories[category].default_subcategory
        return Understanding(category=category, subcategory=sub, reasons=decision.reasons)

    def _laughing(self, text: str, raw: str) -> bool:
        """A laughter word (`laughter`), looked for in the raw message too: emoji (🤣) are gone
        from the normalised text."""
        return any(w in text or w in raw for w in self.lexicon.cues.laughter)

    def _in_jest(
        self, text: str, ev: Evidence, adding: list[Scored], situation: SituationReading | None
    ) -> str | None:
        """Danger words said in jest: the word that shows it, else None. 老板又让加班 救命啊😭:
        the only danger words are cries (`cry`), no situation is read, and an everyday woe
        (`everyday_woe`) or a figure of speech is told. 输得我眼前发黑 快晕倒了: a figure of
        speech, and a situation with nobody at risk and no danger word but cries. 笑死 我儿子说
        他被作业困住了 出不来了: a figure of speech told laughing (`laughter`), whoever it names;
        any danger told laughing, with no cry and no one urged to come (`urged`)."""
        cues = self.lexicon.cues
        laughing = next((w for w in cues.laughter if w in text), None)
        # 笑死 我妈以为烟雾报警器是蚊子 拿电蚊拍去打, 抖音上看到有人被困电梯还在里面跳舞 笑死我了:
        # a danger told laughing, with no cry and no one urged to come, is a story (set AA).
        urged = any(w in text for w in (*cues.cry, *cues.urged))
        if laughing and situation is not None and not urged:
            return laughing
        # An intensifier (快 +0.1) beside a cry is no more danger than the cry.
        if not all(s.hit.word in cues.cry or s.weight < INTENSIFIER for s in adding):
            return None
        figure = ev.cue_words("figure_of_speech")
        if situation is not None:
            return figure[0] if figure and (situation.at_risk is None or laughing) else None
        if not adding:
            return None
        woe = next((w for w in cues.everyday_woe if w in text), None)
        return woe or (figure[0] if figure else None)

    def _past(self, text: str, ev: Evidence) -> bool:
        """Word evidence of danger never pages a story about last month, a dream, a film,
        news about elsewhere, a question about a rule or a fee, a stalled lift with nobody
        inside, a hazard its situation explains away (a cat that ran off), water coming
        through from a neighbour who does not answer the door (楼上 + 渗, no situation read),
        or a nuisance or routine hazard with nobody hurt (a car alarm, an icy ramp)."""
        s = self.situations
        # Every test is free of side effects: the cheap ones first.
        return s is not None and (
            s.told_as_past(text)
            or s.framed(text) is not None
            or s.asks_about_rule_or_fee(text)
            or s.pet_notice(text) is not None
            or s.routine(text) is not None
            or (ev.has("neighbour") and s.read(text) is None and s.explained_by_unless_cause(text))
            or s.nobody_at_risk(text)
            or s.danger_explained_away(text)
        )

    def _false_alarm(self, text: str, ev: Evidence) -> list[str]:
        """False-alarm or danger-over cues that stand: not asked about (出来了吗), not
        doubted (不是演习, 以为没事了) and not followed by the danger coming back (结果又)."""
        hits = ev.cues.get("false_alarm", [])
        s = self.situations
        forgotten = tuple(self.lexicon.cues.forgotten)
        return [
            h.word
            for h in hits
            if not followed_by_question(h, ev, text)  # 被困的人已经出来了吗？
            and not (forgotten and text[: h.char_start].endswith(forgotten))  # 忘关火了
            and (
                s is None
                or not s.false_alarm_undone(text, h.char_start, h.char_start + len(h.word))
            )
        ]

    def _asks_rule_or_fee(self, text: str, ev: Evidence) -> bool:
        s = self.situations
        asked = ev.is_question or ev.has("ask")
        return asked and s is not None and s.asks_about_rule_or_fee(text)

    def _second_opinion(
        self, reading: RuleReading, model: LearnedModel, rules: _Decision
    ) -> _Decision:
        margins = (model.margin_override, model.margin_to_none, model.margin_to_emergency)
        found = second_opinion(reading, model, margins)
        if found is None:
            return rules
        best, lead, features_found = found
        place = reading.place
        flat = place.unit is not None and place.room is not None
        flat_and_ask = flat and reading.evidence.has("request")
        if best == "none" and (self._befalls_the_writer(reading.text) or flat_and_ask):
            # "…停电检修？？有谁收到通知吗 我家刚断电了": asked, but it has hit their home (day 53
            # R46: word statistics of a notice had made it none); "…下水道啊从昨天开始就不下水了
            # …4号楼2单元302 你们找个人来通一下吧谢谢啊": a flat and someone asked to come (day 55
            # R048)
            return rules
        top = model.top_contributions(
            model.known(features_found), best, rules.category, LEARNED_WORDS_SHOWN
        )
        shown = ", ".join(f"{c.feature} +{c.weight:.1f}" for c in top)
        level = POSSIBLE_EMERGENCY if best == "emergency" else None
        what = "possible emergency (可能紧急)" if level else best
        reason = (
            f"{LEARNED_OPINION}: {shown} → {what} (log-odds {lead:.1f} over the rules'"
            f" {rules.category})"
        )
        sub = self._subcategory(best, reading.evidence.counted(best)) if best != "none" else None
        anchor = _anchor(reading.tokens, [c.feature for c in top]) if best != "none" else None
        keywords = tuple(c.feature for c in top) if best != "none" else ()
        return _Decision(best, sub, anchor, keywords, (*rules.reasons, reason), level=level)

    def _befalls_the_writer(self, text: str) -> bool:
        """The writer has the problem too (me_too) or it has just hit their home (befallen)."""
        cues = self.lexicon.cues
        return any(w in text for w in cues.me_too) or any(w in text for w in cues.befallen)

    def request_stands(self, reading: RuleReading) -> bool:
        """A request the rules found that no word statistics make none: clear problem words
        nothing casts doubt on, someone saying it happens to them too or has just hit their home
        (我家刚断电了), asking for action
        (麻烦管一管), saying which unit or flat it is (3号楼1单元302厨房顶上漏水) or asking
        whether news is true (听说明天停水 真的假的)."""
        place = reading.place
        return (
            reading.problem_stands
            or reading.evidence.has("request")
            or place.unit is not None
            or place.room is not None
            or self._befalls_the_writer(reading.text)
            or reading.evidence.has("rumour_check")  # a question for staff (day 49 R037)
            or reading.evidence.has("who_pays")  # so is who pays (day 62 R18)
        )

    def _request_or_none(
        self, reading: RuleReading, model: LearnedModel, decision: _Decision
    ) -> _Decision:
        """The learned request-vs-none reading decides where it is clear enough: a message
        read as none becomes a request (the category naive Bayes likes best, never an
        emergency) unless the rules ruled it out, a request becomes none. Emergencies never
        get here."""
        request, weights = model.request, self._rule_weights
        assert request is not None and weights is not None
        scale = request.scale
        if decision.category == "none":
            needed = request.to_request
            # A hazard its own situation explains away (a dog that ran off is not a missing
            # person) was looked at and set aside: not a request for want of words.
            set_aside = any(r.startswith((EXPLAINED_AWAY, IN_GENERAL)) for r in decision.reasons)
            if needed is None or reading.ruled_out or set_aside:
                return decision
            score = int(reading.totals(model)[-1]) + rule_score(reading, weights)
            if score < needed:
                return decision
            best = model.best(reading.totals(model), ("none", "emergency"))
            top = model.request_words(reading.found, 1, LEARNED_WORDS_SHOWN)
            shown = ", ".join(f"{w} +{v / scale:.1f}" for w, v in top)
            reason = (
                f"learned request-vs-none: {shown} → request (score {score / scale:.1f}"
                f" ≥ {needed / scale:g}); naive Bayes picks {best}"
            )
            words = [w for w, _ in top]
            return _Decision(
                best,
                self._subcategory(best, reading.evidence.counted(best)),
                _anchor(reading.tokens, words),
                tuple(words),
                (*decision.reasons, reason),
            )
        needed = request.to_none
        if needed is None or self.request_stands(reading):
            return decision
        score = int(reading.totals(model)[-1]) + rule_score(reading, weights)
        if score > needed:
            return decision
        top = model.request_words(reading.found, -1, LEARNED_WORDS_SHOWN)
        shown = ", ".join(f"{w} {v / scale:.1f}" for w, v in top)
        reason = (
            f"learned request-vs-none: {shown} → none (score {score / scale:.1f}"
            f" ≤ {needed / scale:g}), not the rules' {decision.category}"
        )
        return _Decision("none", None, None, (), (*decision.reasons, reason))

    # -- decision rules -------------------------------------------------------------------

    def _decide(self, text: str, ev: Evidence, place: Place) -> _Decision:
        reasons: list[str] = []
        if ev.negated:
            reasons.append("negated: " + ", ".join(h.word for h in ev.negated))

        advert = self._advert_score(text, ev)
        if advert >= 1.0:
            words = ev.cue_words("advert")
            return _Decision(
                "none",
                None,
                None,
                _unique(words),
                (
                    *reasons,
                    f"{ADVERT} ({', '.join(words) or 'phone number'}) → none",
                ),
            )

        header = _NOTICE_HEADER.match(text)
        if header:
            reasons.append(f"formal notice or forwarded post ({header.group(0).strip()}) → none")
            return _Decision("none", None, None, (), tuple(reasons))

        framing = self.situations.framed(text) if self.situations is not None else None
        emergency = self._emergency(text, ev, reasons, framing)
        if emergency is not None and not (
            emergency.subcategory == LOST_PERSON and self._is_pet_notice(text, ev, reasons)
        ):
            return emergency

        if self._is_pet_notice(text, ev, reasons):
            return _Decision("none", None, None, (), tuple(reasons))

        if framing is not None and not (
            ev.has_any(("ask", "request"))
            or (ev.has("question") and any(s.category == "culture" for s in ev.scored))
        ):
            # 刚才说的漏水不是我们单元，是隔壁小区的: told about elsewhere, a film or a dream,
            # asking nothing: not a request (and no learned evidence makes it one). A question
            # about an activity here asks (社区电影放映是每周几，在哪放; set U).
            reasons.append(f"about elsewhere or not real ({framing}), asking nothing → none")
            return _Decision("none", None, None, (), tuple(reasons))

        if self._is_resolved(text, ev, reasons):
            return _Decision("none", None, None, _unique(ev.cue_words("resolved")), tuple(reasons))
        if self._is_false_alarm_only(text, ev, reasons):
            return _Decision("none", None, None, (), tuple(reasons))

        if (
            self._is_thanks_only(ev, reasons)
            or self._is_notice(ev, reasons)
            or self._is_apology(ev, reasons)
            or self._is_praise_only(ev, reasons)
            or self._is_invitation(ev, reasons)
            or self._is_retort(ev, reasons)
        ):
            return _Decision("none", None, None, (), tuple(reasons))
        if ev.muted:
            reasons.append(
                "not a report now (reminiscing, fear or peacemaking): "
                + ", ".join(h.word for h in ev.muted)
            )
        what_if = self._what_if_only(text, ev)
        if what_if is not None:
            reasons.append(f"{IN_GENERAL}: a what-if ({what_if}), nothing asked → none")
            return _Decision("none", None, None, (), tuple(reasons))
        rule = self._rule_only(text, ev)
        if rule is not None:
            reasons.append(f"{IN_GENERAL}: a rule ({rule}), nothing asked → none")
            return _Decision("none", None, None, (), tuple(reasons))

        return self._best_request(ev, reasons)

    def _rule_only(self, text: str, ev: Evidence) -> str | None:
        """The rule word (按规定, 要罚款的, 是按…收的) of a message telling how things are in
        general, asking nothing and telling nothing that happened or goes on, else None:
        按规定楼道里是不能堆放杂物的 物业之前开会讲过. A problem word done (堆满了, 坏了) or going
        on (天天, 又) makes it a report that cites a rule."""
        rules = ev.cues.get("rule_said")
        if not rules or ev.is_question or not self._asks_nothing_now(text, ev):
            return None
        for s in ev.scored:
            end = s.hit.char_start + len(s.hit.word)
            if s.is_signal and text.startswith("了", end):
                return None
        return rules[0].word

    def _asks_nothing_now(
        self,
        text: str,
        ev: Evidence,
        told_if: frozenset[int] = frozenset(),
        then: frozenset[int] = frozenset(),
    ) -> bool:
        """No question mark, nobody called on (@物业), no asking for action, nothing going on or
        complained of, no "me too" (the guards of what-ifs and rules told). A what-if's own
        clauses (``told_if``: 要是哪天停水一个星期) complain of nothing, and its consequence
        (``then``: 估计也得天天盼着孩子回来看看) neither asks nor tells anything going on."""
        if any(c in text for c in "?？@"):
            return False
        for cue in WHAT_IF_REPORTS:
            spared = then | told_if if cue in WHAT_IF_SUPPOSED else then
            if any(h.clause not in spared for h in ev.cues.get(cue, ())):
                return False
        cues = self.lexicon.cues
        if any(w in text for w in cues.me_too):
            return False
        return not any(
            _clause_at(ev, m.start()) not in then
            for w in cues.what_if_reports
            for m in re.finditer(re.escape(w), text)
        )

    def _what_if_only(self, text: str, ev: Evidence) -> str | None:
        """The what-if lead (假如, 要是哪天) whose clause holds every problem word of a message
        that asks nothing and tells nothing going on, else None: 假如停电一个礼拜 我家冰箱里的肉
        就全完了 tells no outage; "如果明天还不来水" (还不: out now), "如果可以 麻烦派人看看"
        (asks) and "楼道灯坏了 万一老人摔了" (the fault told first) are reports."""
        leads = ev.cues.get("what_if")
        if not leads:
            return None
        told = [s for s in ev.scored if s.category != "emergency"]
        # The lead's clause, and the one after it when that tells no problem of its own (its
        # consequence: 估计楼道里就没人推电动车了), not one that does (如果着火了怎么办
        # 楼道全是杂物).
        said = {s.hit.clause for s in told if s.is_signal}
        told_if = frozenset(h.clause for h in leads)
        then = frozenset(c + 1 for c in told_if if c + 1 not in said)
        if not self._asks_nothing_now(text, ev, told_if, then):
            return None
        clauses = told_if | then
        if any(s.hit.clause not in clauses for s in told):
            return None
        return leads[0].word

    def _advert_score(self, text: str, ev: Evidence) -> float:
        adverts = ev.cues.get("advert")
        score = 0.0
        if adverts:
            score = sum(
                t.weight for h in adverts for t in h.terms if t.kind == "cue" and t.name == "advert"
            )
        if "1" in text and _PHONE.search(text):  # a mobile number starts with 1
            score += self.lexicon.cues.advert.get("phone_number", 0.0)
        return score

    def _emergency(
        self, text: str, ev: Evidence, reasons: list[str], framing: str | None = None
    ) -> _Decision | None:
        """Danger now: emergency signals plus a situation (hazard + at risk), two levels."""
        spec = self.lexicon.categories["emergency"]
        signals = ev.signals("emergency")
        hypothetical = ev.hypothetical_clauses
        might_be = self.situations.told_as_might_be if self.situations is not None else None
        skipped = [
            s
            for s in signals
            if s.hit.clause in hypothetical
            or (might_be is not None and might_be(text, s.hit.char_start))
        ]
        counted = [s for s in signals if s not in skipped]
        if counted and self.situations is not None and self.situations.told_as_past(text):
            reasons.append("told as past, not danger now: " + _fmt(counted))
            counted = []
        if counted and self.situations is not None:
            # 火花没了, 煤气味已经没有了: the danger word is followed by news that it stopped.
            gone = self.situations.gone_after
            stopped = [s for s in counted if gone(text, s.hit.char_start + len(s.hit.word))]
            if stopped:
                reasons.append("stopped, not danger now: " + _fmt(stopped))
                counted = [s for s in counted if s not in stopped]
        if framing is not None:
            # A dream, a film, a game, a rumour, news about elsewhere: not danger here now.
            reasons.append(f"told as a story, a screen or news elsewhere ({framing}), not danger")
            return None
        denied = self.situations.cause_denied(text) if self.situations is not None else None
        if denied is not None:
            reasons.append(f"{EXPLAINED_AWAY}: the cause told, the danger denied ({denied}) → none")
            return _Decision("none", None, None, (), tuple(reasons))
        if counted and self.situations is not None:
            # 冒烟的不是我家，是饭店的排风口: a cause that explains the hazard away (the
            # situation's `not_with`) also cancels that subcategory's supporting signals.
            default = spec.default_subcategory  # 报警, 快来人: the category's own words
            # Only the subcategories of signals that can be dropped are looked at.
            among = {s.subcategory or default for s in counted if s.weight < DECISIVE}
            away = self.situations.explained_away(text, among) if among else frozenset()
            # A routine reading (扫地机器人被困在沙发底下) cancels even a decisive word (被困).
            routine = self.situations.routine_cancels(text)
            dropped = [
                s
                for s in counted
                if (s.subcategory or default) in routine
                or ((s.subcategory or default) in away and s.weight < DECISIVE)
            ]
            if dropped:
                reasons.append(f"{EXPLAINED_AWAY}: " + _fmt(dropped))
                counted = [s for s in counted if s not in dropped]
        situation = self.situations.read(text) if self.situations is not None else None
        adding = counted
        if situation is not None:
            # A word the situation already used (不见了 as hazard and as signal) counts once.
            used = [part for h in situation.hazards for part in h.split("+")]
            used += situation.used
            adding = [
                s for s in counted if not any(s.hit.word in u or u in s.hit.word for u in used)
            ]
        score = sum(s.weight for s in adding) + (situation.score if situation else 0.0)
        # Partial evidence (a possible emergency) needs a situation; signals alone need the
        # full threshold, as before.
        possible = (
            self.situations.spec.possible_threshold
            if self.situations is not None and situation is not None
            else spec.threshold
        )
        if score < possible:
            if skipped:
                reasons.append(f"{HYPOTHETICAL}: " + _fmt(skipped))
            return None
        if skipped:
            reasons.append(f"{HYPOTHETICAL}: " + _fmt(skipped))
        false_alarm = self._false_alarm(text, ev)
        nobody = self.lexicon.cues.nobody_inside
        around = self.situations.spec.danger_around if self.situations is not None else []
        if situation is not None and situation.subcategory in around:
            false_alarm = [w for w in false_alarm if w not in nobody]  # 车溜了 里面没人 …有小孩
        if false_alarm and all(w in nobody for w in false_alarm):
            # 电梯又卡住了 里面没人: no one in danger, the lift still a request
            reasons.append(f"nobody in danger ({', '.join(false_alarm)}), not an emergency")
            return None
        if false_alarm:
            reasons.append(f"false alarm or danger over ({', '.join(false_alarm)}) → none")
            return _Decision("none", None, None, (), tuple(reasons))
        woe = self._in_jest(text, ev, adding, situation)
        if woe is not None:
            reasons.append(f"{EVERYDAY_WOE} ({woe}), no danger told → none")
            return _Decision("none", None, None, (), tuple(reasons))
        level = EMERGENCY if score >= spec.threshold else POSSIBLE_EMERGENCY
        if level == POSSIBLE_EMERGENCY and ev.has_any(POSSIBLE_BLOCKERS) and not _greeting_only(ev):
            return None  # partial evidence does not outweigh thanks, "solved", a notice ...
        if level == POSSIBLE_EMERGENCY and self._asks_rule_or_fee(text, ev):
            reasons.append("a question about a rule or a fee naming a facility, not danger")
            return None
        parts = [_fmt(adding)] if adding else []
        if situation is not None:
            parts.append(situation.reason())
        words = [s.hit.word for s in counted] + (list(situation.hazards) if situation else [])
        anchor: Hit | None = None
        if counted:
            sub = self._subcategory("emergency", counted + ev.counted("emergency"))
            anchor = max(counted, key=lambda s: s.weight).hit
        else:
            assert situation is not None
            sub = situation.subcategory
        if situation is not None:
            # The title leads with what the resident told first: the situation read (电梯卡在…)
            # when it comes before the strongest word (not a side clause: 她有心脏病).
            told = _anchor(ev.tokens, [w.split("+")[0] for w in situation.hazards])
            if anchor is None or (told is not None and told.char_start < anchor.char_start):
                anchor = told
        if situation is not None and (
            not counted
            or situation.score >= spec.threshold
            or situation.score > max((s.weight for s in adding), default=0.0)
        ):
            # The situation read outweighs every single word: 树枝断了一半 挂在半空中 is a
            # falling object, not an illness for its "断了".
            sub = situation.subcategory
        # A subcategory outranks another's weaker words only: "鼻子都出血了" in a fight is the
        # fight's; someone who "叫不醒" (decisive) still needs the ambulance first.
        told_subs = {s.subcategory for s in counted}
        decisive = any(s.subcategory == sub and s.weight >= DECISIVE for s in counted)
        winners = [
            name
            for name, sub_spec in spec.subcategories.items()
            if sub in sub_spec.outranks and name in told_subs and not decisive
        ]
        if winners:
            reasons.append(f"{winners[0]} outranks {sub}: the harm is of it")
            sub = winners[0]
        if level == EMERGENCY:
            reasons.append(
                f"emergency: {' + '.join(parts)} = {score:g} ≥ {spec.threshold:g}: danger wins"
            )
        else:
            reasons.append(
                f"possible emergency (可能紧急): {' + '.join(parts)} = {score:g}"
                f" ≥ {possible:g}, below {spec.threshold:g}: page, but it may not be one"
            )
        return _Decision("emergency", sub, anchor, _unique(words), tuple(reasons), level=level)

    def _is_resolved(self, text: str, ev: Evidence, reasons: list[str]) -> bool:
        resolved = ev.cues.get("resolved")
        if not resolved:
            return False
        solved = [
            h
            for h in resolved
            if not followed_by_question(h, ev, text)
            and not is_negated(h, ev.tokens, self._evidence_tables)  # "不怎么热了"
        ]
        if not solved:
            return False
        last = solved[-1]
        later_ongoing = [h for h in ev.cues.get("ongoing", []) if h.start > last.start]
        thanked = {h.clause for h in ev.cues.get("thanks", [])}
        # A question after the thanks is still to be answered ("被邻居送回来了 谢谢大家 社区有没有
        # 防走失手环可以申请"; day 51 R87).
        asked = {
            h.clause
            for cue in ("ask", "question")
            for h in ev.cues.get(cue, [])
            if h.start > last.start
        }
        later_problem = [
            s
            for s in ev.scored
            if s.weight >= STILL_A_PROBLEM_WEIGHT
            and s.hit.clause > last.clause
            and s.category != "culture"
            and (
                (s.is_signal and s.hit.clause not in thanked)
                or (s.category == "inquiry" and s.hit.clause in asked)
            )
        ]
        if later_ongoing or later_problem:
            words = [h.word for h in later_ongoing] + [s.hit.word for s in later_problem]
            if all(s.category == "inquiry" and s.hit.clause in asked for s in later_problem):
                reasons.append(f"{ASKED_AFTER_SOLVED} ({last.word}): {', '.join(words)}")
            else:
                reasons.append(
                    f"solved cue {last.word} but still a problem after it: {', '.join(words)}"
                )
            return False
        reasons.append(f"problem reported as solved ({last.word}) → none")
        return True

    def _is_thanks_only(self, ev: Evidence, reasons: list[str]) -> bool:
        thanks = ev.cues.get("thanks", [])
        if not thanks or not ev.tokens.clauses:
            return False
        first_clause = ev.tokens.clauses[0]
        if thanks[0].clause != first_clause:
            return False
        if ev.has("sarcasm"):
            reasons.append(
                f"sarcastic thanks ({', '.join(ev.cue_words('sarcasm'))}) read as complaint"
            )
            return False
        if ev.has("ongoing") and any(s.is_signal for s in ev.scored):
            return False
        contrasts = ev.cues.get("contrast", [])
        if contrasts and any(s.is_signal and s.hit.start > contrasts[0].start for s in ev.scored):
            reasons.append(f"thanks, but ({contrasts[0].word}) a problem follows")
            return False
        # "昨天老头子的事谢谢社区了 想问问有没有那种防走失的手环可以申请" (day 37 R91): thanks, then
        # a question of its own in a later clause
        asks = [a for a in ev.cues.get("ask", []) if a.clause != first_clause]
        if asks and any(s.hit.start > asks[0].start for s in ev.scored):
            reasons.append(f"thanks, then a question ({asks[0].word})")
            return False
        reasons.append(f"opens with thanks ({thanks[0].word}) and no ongoing complaint → none")
        return True

    @staticmethod
    def _is_apology(ev: Evidence, reasons: list[str]) -> bool:
        """我家装修有点吵 不好意思: an apology that asks nothing and complains of nothing."""
        if not ev.has("apology"):
            return False
        if ev.asks_for_action or ev.has("ongoing") or ev.has("opener"):
            return False
        reasons.append(f"apology ({ev.cue_words('apology')[0]}) without a request → none")
        return True

    def _is_false_alarm_only(self, text: str, ev: Evidence, reasons: list[str]) -> bool:
        """刚才说电梯坏了是我看错了: a problem called off, with nothing asked or still wrong."""
        explains = self.lexicon.cues.explains + self.lexicon.cues.nobody_inside
        called_off = [w for w in self._false_alarm(text, ev) if w not in explains]
        if not called_off or ev.has("request") or ev.has("ask") or ev.has("ongoing"):
            return False
        reasons.append(f"called off ({called_off[0]}), nothing asked → none")
        return True

    @staticmethod
    def _is_praise_only(ev: Evidence, reasons: list[str]) -> bool:
        """楼上小孩钢琴弹得越来越好了 现在听着是享受: pleasure, nothing asked or complained of."""
        if not ev.has("praise") or ev.asks_for_action or ev.has("ongoing"):
            return False
        reasons.append(f"pleasure in something ({ev.cue_words('praise')[0]}), nothing asked → none")
        return True

    @staticmethod
    def _is_invitation(ev: Evidence, reasons: list[str]) -> bool:
        """睡不着 有人聊天吗, 有没有人一起晨练: an invitation to the neighbours, with nothing
        complained of, no one asked to act, no clear problem word (楼上吵得睡不着 有人聊天吗
        is a noise complaint) and no word of an activity or club (想在社区组织个小乐队 有没有人
        一起 is culture)."""
        if not ev.has("invitation") or ev.complained or ev.has("request") or ev.has("ask"):
            return False
        if any(s.category == "culture" for s in ev.scored) or any(
            s.weight >= CLEAR_SIGNAL for c in _REQUEST_CATEGORIES for s in ev.signals(c)
        ):
            return False
        reasons.append(f"an invitation ({ev.cue_words('invitation')[0]}), nothing asked → none")
        return True

    @staticmethod
    def _is_retort(ev: Evidence, reasons: list[str]) -> bool:
        """你家狗还天天叫呢 好意思说别人: a retort to the neighbour who complained, no report of
        one's own; never with a word of danger."""
        if not ev.has("retort") or any(s.category == "emergency" for s in ev.scored):
            return False
        reasons.append(f"a retort to a neighbour ({ev.cue_words('retort')[0]}) → none")
        return True

    def _is_pet_notice(self, text: str, ev: Evidence, reasons: list[str]) -> bool:
        """我家猫丢了 看到说一声, 楼下有只泰迪 谁家的: a lost or found pet is news for the
        neighbours, unless a problem word stands (天天在楼道拉屎, 叫得睡不着). Pity is for the pet
        (谁家的橘猫 …喵喵叫怪可怜的, day 19 R14), not a person to help."""
        pet = self.situations.pet_notice(text) if self.situations is not None else None
        if pet is None or any(
            s.weight >= PET_NOTICE_PROBLEM
            for c in _REQUEST_CATEGORIES
            if c != "care"
            for s in ev.signals(c)
        ):
            return False
        reasons.append(f"{EXPLAINED_AWAY}: a lost or found pet ({pet}) → none")
        return True

    def _is_notice(self, ev: Evidence, reasons: list[str]) -> bool:
        strong = ev.cue_words("strong_notice")
        if strong:
            reasons.append(f"notice or forwarded news ({strong[0]}) → none")
            return True
        return False

    def _best_request(self, ev: Evidence, reasons: list[str]) -> _Decision:
        asked = ev.is_question or ev.has("request")
        # Sarcasm (真棒啊, 谢谢楼上) and time gone by (三天没拉了) are complaints too.
        complained = ev.complained
        scores: dict[str, float] = {}
        counted: dict[str, list[Scored]] = {}
        for category in _REQUEST_CATEGORIES:
            # Topics count once the message asks, or (for problems) complains.
            opened = asked or (complained and category in _COMPLAINT_CATEGORIES)
            if not opened and not ev.signals(category):
                continue
            items = ev.counted(category)
            counted[category] = items
            scores[category] = sum([s.weight for s in items])
        candidates = [
            c for c, score in scores.items() if score >= self.lexicon.categories[c].threshold
        ]
        if (
            "inquiry" in candidates
            and "maintenance" in candidates
            and not any(s.is_signal for s in counted["maintenance"])
        ):
            # 大件垃圾放哪里: a thing named in a question, nothing broken → information.
            reasons.append("maintenance thing asked about without a fault → inquiry")
            candidates.remove("maintenance")
        elif (
            "inquiry" in candidates
            and "maintenance" in candidates
            and not any(s.is_signal for s in counted["inquiry"])
        ):
            # 垃圾分类的桶满到溢出来了 没人收吗: a fault asked about is still maintenance.
            reasons.append("a fault in a question outweighs the things it names → maintenance")
            candidates.remove("inquiry")
        if not candidates:
            asked_by = next((c for c in ("ask", "who_pays") if ev.has(c)), None)
            if asked_by is not None:
                reasons.append(f"explicit question ({ev.cue_words(asked_by)[0]}) → inquiry")
                return _Decision(
                    "inquiry",
                    self.lexicon.categories["inquiry"].default_subcategory,
                    ev.cues[asked_by][0],
                    (),
                    tuple(reasons),
                    # who pays is for staff to answer, whatever word statistics say
                    open_to_learning="inquiry" if asked_by == "ask" else None,
                )
            reasons.append("no request found")
            chatter = next((c for c in ("figure_of_speech", "social") if ev.has(c)), None)
            if chatter is not None and not ev.has_any(("request", "ask")):
                # 热得我要着火了 (a figure of speech), 你这人怎么说话的 (chatter in the group):
                # asking nothing, and no word statistics make it a request.
                reasons.append(f"{chatter} ({ev.cue_words(chatter)[0]}), nothing asked → none")
                return _Decision("none", None, None, (), tuple(reasons))
            if ev.compared and not ev.has_any(("request", "ask")):
                # 手机卡得跟困在电梯里一样: a comparison, asking nothing.
                reasons.append("figure_of_speech (a comparison), nothing asked → none")
                return _Decision("none", None, None, (), tuple(reasons))
            return _Decision("none", None, None, (), tuple(reasons), open_to_learning="none")

        def first_position(category: str) -> tuple[int, float]:
            # Two readings of the same first word (堵死了: drain or parked car): more evidence wins.
            return min(s.hit.start for s in counted[category]), -scores[category]

        if len(candidates) > 1:
            candidates.sort(key=first_position)
        chosen = candidates[0]
        for other in candidates[1:]:
            if scores[other] >= LATER_ISSUE_FACTOR * scores[chosen]:
                chosen = other
        if chosen == "care" and "inquiry" in candidates and self._asks_about_rules(ev):
            reasons.append("a general question about eligibility rules is inquiry")
            chosen = "inquiry"
        elif chosen != candidates[0]:
            reasons.append(
                f"{chosen} {scores[chosen]:g} outweighs the first issue "
                f"{candidates[0]} {scores[candidates[0]]:g}"
            )
        elif len(candidates) > 1:
            reasons.append("first issue raised decides: " + " before ".join(candidates))
        items = counted[chosen]
        reasons.append(f"{chosen} {scores[chosen]:g}: {_fmt(items)}")
        # (who pays for what a neighbour's leak did is a dispute: a fault's cost is a question)
        staff_asks = ("rumour_check", "who_pays") if chosen == "maintenance" else ("rumour_check",)
        asked_for_staff = next((c for c in staff_asks if ev.has(c)), None)
        if chosen != "inquiry" and asked_for_staff is not None and not ev.has("false_alarm"):
            # 听说明天停水三天 真的假的: the news of a cut is a question for staff (day 49 R037);
            # 停电那会冰箱里的东西全坏了 这个能找谁赔: so is who pays for it (day 62 R55)
            reasons.append(f"asks staff ({asked_for_staff}) about {chosen} → inquiry")
            anchor = (
                ev.cues["who_pays"][0]  # the title says what is asked: 物业费能不能减免
                if asked_for_staff == "who_pays"
                else max(items, key=lambda s: s.weight).hit
            )
            sub = self._subcategory("inquiry", counted.get("inquiry", []))
            words = _unique([s.hit.word for s in items])
            return _Decision("inquiry", sub, anchor, words, tuple(reasons))
        if chosen == "maintenance" and ev.is_question:
            reasons.append("a question about a broken thing is still maintenance")
        if chosen == "dispute" and any(s.subcategory == "邻里漏水" for s in items):
            reasons.append(
                f"caused by a neighbour ({', '.join(ev.cue_words('neighbour'))}) → dispute"
            )
        sub = self._subcategory(chosen, items)
        signals = [s for s in items if s.is_signal]
        # The ticket title comes from the clause of the strongest problem word (first on ties).
        anchor = max(signals or items, key=lambda s: s.weight).hit
        return _Decision(chosen, sub, anchor, _unique([s.hit.word for s in items]), tuple(reasons))

    @staticmethod
    def _asks_about_rules(ev: Evidence) -> bool:
        """请问独居老人有什么补贴政策, 临时救助怎么申请 需要满足什么条件: asks about rules or
        how to apply (a clear procedure question, set AD), nobody named to help."""
        if ev.has("request"):
            return False
        inquiry = ev.counted("inquiry")
        return (
            ev.has("ask") and any(s.subcategory == "政策咨询" and not s.is_signal for s in inquiry)
        ) or any(s.is_signal and s.weight >= CLEAR_SIGNAL for s in inquiry)

    def _subcategory(self, category: str, items: list[Scored]) -> str:
        totals: dict[str, float] = defaultdict(float)
        first: dict[str, int] = {}
        things: set[str] = set()  # kinds a topic names (燃气灶 of a gas leak)
        for s in items:
            if s.subcategory is None:
                continue
            totals[s.subcategory] += s.weight
            first.setdefault(s.subcategory, s.hit.start)
            if not s.is_signal:
                things.add(s.subcategory)
        best = max(totals, key=lambda sub: (totals[sub], -first[sub]), default=None)
        if best is None or (
            category == "emergency" and best not in things and totals[best] < MIN_DANGER_KIND_WEIGHT
        ):
            # "大柳树被雪压断了一根大树枝" read as a danger by word statistics: 断了 alone (腿断了
            # is 急病) names no kind of it (day 40 R52); a thing of the kind does (燃气灶)
            return self.lexicon.categories[category].default_subcategory
        return best
