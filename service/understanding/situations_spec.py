"""The schema of ``config/lexicon/situations.yaml`` (see ``situations.py`` for how it is read).

Kept apart from the reader: the reader is compiled with mypyc (``compiled.py``), these
pydantic models are not.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from service.understanding.lexicon import Weight


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
    # Causes that explain the hazard away like `not_with`, unless an `unless` word stands: a
    # leak from a neighbour who does not answer explains the silence, but not with a thud, a
    # smell or someone old living alone.
    not_with_unless: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    # Causes that explain the hazard away unless a word of the `now` family stands: someone
    # forgetful who needs looking after (老是忘事 ... 帮忙照看) is care, not missing now.
    not_with_unless_now: list[str] = Field(default_factory=list)
    # Danger only to a person: a message that names people only to deny them (电梯停了 里面没人)
    # and nobody else at risk is no such situation.
    needs_person: bool = False

    @field_validator(
        "hazard",
        "at_risk",
        "not_with",
        "not_with_unless",
        "unless",
        "not_with_unless_now",
        mode="before",
    )
    @classmethod
    def _words(cls, value: Any) -> Any:
        return _texts(value)


class PetNoticeSpec(_Strict):
    """A lost or found pet: a word of `pet` and one of `lost_or_found` in the message."""

    pet: list[str]
    lost_or_found: list[str]
    not_pet: list[str] = Field(default_factory=list)

    @field_validator("pet", "lost_or_found", "not_pet", mode="before")
    @classmethod
    def _words(cls, value: Any) -> Any:
        return _texts(value)


class RoutineSpec(_Strict):
    """Not danger now, whatever danger words it holds: a nuisance or a routine hazard (a car
    alarm going off, an icy ramp). A word of `unless` (someone hurt and down) keeps the danger."""

    hazard: list[str]
    # Emergency subcategories and situations whose words it explains (水漫 of frozen water).
    cancels: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)

    @field_validator("hazard", "cancels", "unless", mode="before")
    @classmethod
    def _words(cls, value: Any) -> Any:
        return _texts(value)


class SituationsSpec(_Strict):
    possible_threshold: Weight
    at_risk_weight: Weight
    extra_hazard_weight: Weight = 0.2
    negation: list[str]
    negation_reach: int = Field(ge=0, le=10)
    # Right after a hazard word, the hazard has stopped (火花没了, 烟散了, 煤气味没了).
    gone: list[str] = Field(default_factory=list)
    past: list[str] = Field(default_factory=list)
    # A past word anywhere with one of these (后怕, 幸好, 想起来) tells a memory, whatever
    # `now` word the telling holds ("现在想起来还心有余悸"), unless one of `again_now` says it is
    # happening again (现在又闻到了).
    recalled: list[str] = Field(default_factory=list)
    again_now: list[str] = Field(default_factory=list)
    # A past clause is no story when a later clause says it is back (上次就漏过煤气 现在又闻到了).
    back_again: list[str] = Field(default_factory=list)
    # The clause before one of these told a danger as a lesson not learned, not danger now
    # (今天早上1号楼刚冒烟 还不长记性).
    lesson: list[str] = Field(default_factory=list)
    # ... unless that clause says it is so now (上个月着过火 现在又冒烟了 还不长记性).
    lesson_now: list[str] = Field(default_factory=list)
    # The cause told and the danger denied ("那个味道是楼下在烧纸 …不是煤气"; regular expressions).
    cause_denied: list[str] = Field(default_factory=list)
    might: list[str] = Field(default_factory=list)
    # What might happen told by its construction (regular expressions), not by a word:
    # 真着火了都跑不出去 (真 + the happening + 了都/了就).
    might_said: list[str] = Field(default_factory=list)
    # A what-if that reaches past its clause (unlike `might`, whose 隐患 or 防止 do not): after
    # one of these (or a `might_said` construction) the next clauses of the sentence that tell a
    # consequence (`might_follows`, regular expressions: 都, 就, 会 …) tell what would follow
    # ("万一着火了 人都出不来"), until a clause with a `real_now` word says it is real now.
    might_leads: list[str] = Field(default_factory=list)
    might_follows: list[str] = Field(default_factory=list)
    real_now: list[str] = Field(default_factory=list)
    # 不是谁家做饭，是电线烧焦: a `not_with` cause after one of these explains nothing away.
    correction: list[str] = Field(default_factory=list)
    # Not here and now: news about elsewhere, rumours, dreams, films, games, stories.
    framing: list[str] = Field(default_factory=list)
    # ... of which these are made up (a plot, a dream): no 现在 brings them here (电视剧里那个
    # 电梯坠落的情节把我妈吓坏了 现在都不敢坐电梯了; set AE).
    fiction: list[str] = Field(default_factory=list)
    # Situations whose danger is to the people around: "里面没人" does not call them off.
    danger_around: list[str] = Field(default_factory=list)
    # ... unless one of these brings it here and now (这不是新闻, 就在我们小区).
    here_now: list[str] = Field(default_factory=list)
    # ... but not right after relief that it is not so here (还好我们楼的电梯刚年检完; set AJ).
    here_relief: list[str] = Field(default_factory=list)
    # A word before a false-alarm cue in its clause that doubts it (不是演习, 以为没事了) ...
    false_alarm_doubt: list[str] = Field(default_factory=list)
    # ... or after it that says the danger is back (结果又开始响, 这次真有人被困).
    alarm_again: list[str] = Field(default_factory=list)
    # A question naming a fee or a rule (请问烟感是物业装还是自己买) is inquiry, not an alarm.
    rule_or_fee: list[str] = Field(default_factory=list)
    families: dict[str, list[str]] = Field(default_factory=dict)
    pet_notice: PetNoticeSpec | None = None
    routine: dict[str, RoutineSpec] = Field(default_factory=dict)
    situations: dict[str, SituationSpec]

    @field_validator(
        "negation",
        "gone",
        "past",
        "recalled",
        "again_now",
        "back_again",
        "lesson",
        "lesson_now",
        "might",
        "might_leads",
        "real_now",
        "correction",
        "framing",
        "fiction",
        "here_now",
        "here_relief",
        "false_alarm_doubt",
        "alarm_again",
        "rule_or_fee",
        mode="before",
    )
    @classmethod
    def _words(cls, value: Any) -> Any:
        return _texts(value)
