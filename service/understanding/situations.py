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
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from service.understanding.lexicon import LexiconError, Weight, validate_file

SITUATIONS_FILE = "situations.yaml"
_CLAUSE_SPLIT = re.compile(r"[\s,，.。!！?？;；:：、~～…]+")
MAX_EXTRA_HAZARDS = 2


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _texts(value: Any) -> Any:
    if isinstance(value, list):
        out = [str(v) if isinstance(v, int | float) else v for v in value]
        for word in out:
            if not isinstance(word, str) or not word.strip():
                raise ValueError(f"empty or non-text entry {word!r}")
        return out
    return value


class SituationSpec(_Strict):
    subcategory: str | None = None
    weight: Weight
    hazard: list[str]
    at_risk: list[str] = Field(default_factory=list)
    not_with: list[str] = Field(default_factory=list)

    @field_validator("hazard", "at_risk", "not_with", mode="before")
    @classmethod
    def _words(cls, value: Any) -> Any:
        return _texts(value)


class SituationsSpec(_Strict):
    possible_threshold: Weight
    at_risk_weight: Weight
    extra_hazard_weight: Weight = 0.2
    negation: list[str]
    negation_reach: int = Field(ge=0, le=10)
    past: list[str] = Field(default_factory=list)
    families: dict[str, list[str]] = Field(default_factory=dict)
    situations: dict[str, SituationSpec]

    @field_validator("negation", "past", mode="before")
    @classmethod
    def _words(cls, value: Any) -> Any:
        return _texts(value)


@dataclass(frozen=True)
class _Pattern:
    text: str  # as written in the file, for reasons
    parts: tuple[re.Pattern[str], ...]  # every part must match in one clause


@dataclass(frozen=True)
class _Situation:
    name: str
    weight: float
    hazards: tuple[_Pattern, ...]
    at_risk: re.Pattern[str] | None
    not_with: re.Pattern[str] | None


@dataclass(frozen=True)
class SituationReading:
    subcategory: str
    score: float
    hazards: tuple[str, ...]
    at_risk: str | None

    def reason(self) -> str:
        risk = f" + at risk: {self.at_risk}" if self.at_risk else ""
        return (
            f"situation {self.subcategory}: hazard {', '.join(self.hazards)}{risk} = {self.score:g}"
        )


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


def _regex(words: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered))


class SituationReader:
    def __init__(self, spec: SituationsSpec, hypothetical: list[str], source: str) -> None:
        self.spec = spec
        self._negation = tuple(spec.negation)
        self._skip_clause = (
            _regex([*spec.past, *hypothetical]) if spec.past or hypothetical else None
        )
        situations = []
        for name, item in spec.situations.items():
            where = f"{source}: key situations.{name}"
            hazards = tuple(
                _Pattern(
                    h,
                    tuple(
                        _regex(_alternatives(part, spec.families, where)) for part in h.split("+")
                    ),
                )
                for h in item.hazard
            )
            risk_words = [w for r in item.at_risk for w in _alternatives(r, spec.families, where)]
            situations.append(
                _Situation(
                    item.subcategory or name,
                    item.weight,
                    hazards,
                    _regex(risk_words) if risk_words else None,
                    _regex(item.not_with) if item.not_with else None,
                )
            )
        self._situations = tuple(situations)
        # A cheap first pass: a message with none of these characters has no hazard at all.
        first_chars = {
            w[0]
            for s in spec.situations.values()
            for h in s.hazard
            for part in h.split("+")
            for w in _alternatives(part, spec.families, source)
        }
        self._any_hazard = re.compile("[" + re.escape("".join(sorted(first_chars))) + "]")

    def _negated(self, clause: str, start: int) -> bool:
        before = clause[max(0, start - self.spec.negation_reach - 2) : start]
        return any(n in before for n in self._negation)

    def _clause_match(self, pattern: _Pattern, clause: str) -> str | None:
        found: list[str] = []
        for part in pattern.parts:
            hit = None
            for m in part.finditer(clause):
                if not self._negated(clause, m.start()):
                    hit = m.group(0)
                    break
            if hit is None:
                return None
            found.append(hit)
        return "+".join(found)

    def _at_risk(self, situation: _Situation, clauses: list[str]) -> str | None:
        """The first word saying who or what is exposed, not negated (没砸到人)."""
        if situation.at_risk is None:
            return None
        for clause in clauses:
            for m in situation.at_risk.finditer(clause):
                if not self._negated(clause, m.start()):
                    return m.group(0)
        return None

    def read(self, text: str) -> SituationReading | None:
        """The strongest situation in ``text`` (normalised), or None."""
        if not self._any_hazard.search(text):
            return None
        clauses = [c for c in _CLAUSE_SPLIT.split(text) if c]
        if self._skip_clause is not None:
            clauses = [c for c in clauses if not self._skip_clause.search(c)]
        if not clauses:
            return None
        # Residents run one thought over two clauses (燃气表刚才哧哧响, 一股味): the parts of
        # a hazard may sit in a clause or in the clause after it.
        windows = clauses + [f"{a} {b}" for a, b in pairwise(clauses)]
        best: SituationReading | None = None
        for situation in self._situations:
            hazards: list[str] = []
            if situation.not_with is not None and situation.not_with.search(text):
                continue
            for pattern in situation.hazards:
                for clause in windows if len(pattern.parts) > 1 else clauses:
                    hit = self._clause_match(pattern, clause)
                    if hit is not None:
                        # 冒黑烟 and 黑烟 are one hazard, not two.
                        if not any(hit in h or h in hit for h in hazards):
                            hazards.append(hit)
                        break
            if not hazards:
                continue
            extra = min(len(hazards) - 1, MAX_EXTRA_HAZARDS) * self.spec.extra_hazard_weight
            risk = self._at_risk(situation, clauses)
            score = situation.weight + extra + (self.spec.at_risk_weight if risk else 0.0)
            reading = SituationReading(situation.name, round(score, 3), tuple(hazards), risk)
            if best is None or reading.score > best.score:
                best = reading
        return best


def load_situations(directory: Path, hypothetical: list[str]) -> SituationReader | None:
    """The situation table next to the lexicon (None when the file is absent)."""
    path = directory / SITUATIONS_FILE
    if not path.exists():
        return None
    spec = validate_file(SituationsSpec, path)
    return SituationReader(spec, hypothetical, str(path))
