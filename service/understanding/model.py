"""The result of reading one message."""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = ("maintenance", "care", "inquiry", "culture", "emergency", "dispute", "none")
REQUEST_CATEGORIES = frozenset(CATEGORIES) - {"none"}
EMERGENCY = "emergency"
POSSIBLE_EMERGENCY = "possible"
# The reason an advert or a sale is read as none ("学生意外险+住院医疗仅需9.9元 有需要的私聊我").
ADVERT = "advert or sale"
# The reason of a reading word statistics made against the rules' ("learned second opinion: …").
LEARNED_OPINION = "learned second opinion"

CATEGORY_LABELS_ZH = {
    "maintenance": "维修维护",
    "care": "爱心帮扶",
    "inquiry": "信息咨询",
    "culture": "文化娱乐",
    "emergency": "应急处理",
    "dispute": "矛盾调处",
    "none": "非诉求",
}


@dataclass(frozen=True)
class Understanding:
    category: str
    subcategory: str | None = None
    building: str | None = None
    unit: str | None = None
    room: str | None = None
    emergency: bool = False
    # "emergency" (danger now) or "possible" (可能紧急: partial evidence of danger now); both
    # page duty staff and set ``emergency``; None when there is no danger.
    emergency_level: str | None = None
    keywords: tuple[str, ...] = ()
    reasons: tuple[str, ...] = field(default=())
    summary: str = ""
    # The words the rules found, whatever word statistics then made of the message: what it
    # names ("井盖开着 人呢" names 井盖开着, though read as none). Not part of as_dict.
    rule_words: tuple[str, ...] = ()
    # The message places the problem outside the compound's buildings (东门外绿化带) and names
    # no building: the chat's building is not its place. Not part of as_dict.
    outside_compound: bool = False

    @property
    def is_request(self) -> bool:
        return self.category != "none"

    @property
    def by_word_statistics(self) -> bool:
        """Word statistics made this reading against what the rules found."""
        return any(r.startswith(LEARNED_OPINION) for r in self.reasons)

    @property
    def is_advert(self) -> bool:
        """Read as an advert or a sale: chatter, never news of a ticket (day 37 R05)."""
        return any(r.startswith(ADVERT) for r in self.reasons)

    def as_dict(self) -> dict[str, object]:
        return {
            "category": self.category,
            "subcategory": self.subcategory,
            "building": self.building,
            "unit": self.unit,
            "room": self.room,
            "emergency": self.emergency,
            "emergency_level": self.emergency_level,
            "keywords": list(self.keywords),
            "reasons": list(self.reasons),
            "summary": self.summary,
        }
