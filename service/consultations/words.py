"""The `consultations` table of config/commands.yaml, validated at start-up with the rest of
the chat words (service/community/chatwords.py carries it as `ChatWords.consultations`)."""

from __future__ import annotations

import re
from datetime import time
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Chinese numerals a vote may use instead of digits (我选二).
_NUMERALS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


class ConsultationWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    open: tuple[str, ...] = ("议事",)
    decide: tuple[str, ...] = ("议事结果",)
    vote: tuple[str, ...] = ("投票",)
    # A resident asking how the vote stands (投票结果): told only their own vote until closing.
    ask: tuple[str, ...] = ("投票结果",)
    options_labels: tuple[str, ...] = ("选项",)
    deadline_labels: tuple[str, ...] = ("截止",)
    audience_labels: tuple[str, ...] = ("对象",)
    # When the month's most-raised problems are posted (first working day of the month); a
    # time inside the quiet hours moves to their end.
    post_at: time = time(9, 30)
    top: int = Field(default=3, ge=1, le=10)
    max_options: int = Field(default=9, ge=2, le=9)

    @field_validator("open", "decide", "vote", "options_labels", "deadline_labels")
    @classmethod
    def _not_empty(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value or any(not w.strip() for w in value):
            raise ValueError("needs at least one word, none empty")
        return value

    @cached_property
    def vote_regex(self) -> re.Pattern[str]:
        """`投票 1`, `投票1`, `我选2`, `#Y1 投票 2` (after NFKC folding)."""
        words = "|".join(re.escape(w) for w in sorted(self.vote, key=len, reverse=True))
        return re.compile(
            rf"^(?:#\s*Y(?P<id>\d{{1,6}})\s*)?(?:{words})\s*(?:第\s*)?"
            rf"(?P<n>\d{{1,3}}|[一二两三四五六七八九])\s*(?:项|个|号)?[\s.。!！~]*$",
            re.I,
        )

    def read_vote(self, text: str) -> tuple[int | None, int] | None:
        """(consultation number or None, option number) when `text` is a vote."""
        found = self.vote_regex.match(text.strip())
        if found is None:
            return None
        n = found["n"]
        option = int(n) if n.isdigit() else _NUMERALS[n]
        return (int(found["id"]) if found["id"] else None), option

    def labels_regex(self) -> re.Pattern[str]:
        labels = (*self.options_labels, *self.deadline_labels, *self.audience_labels)
        words = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
        return re.compile(rf"({words})\s*[:：]")
