"""The `consultations` table of config/commands.yaml, validated at start-up with the rest of
the chat words (service/community/chatwords.py carries it as `ChatWords.consultations`)."""

from __future__ import annotations

import re
from datetime import time
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, field_validator

from service.understanding.numerals import cn_to_int


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
    # Everyday words (issue #15 trial). In a group addressed by exactly one open consultation
    # a short message with one of `agree` and an option is a vote: `想了想还是投1吧`,
    # `我投第一个方案`, `我同意集中清运` (words of one option's text); so is a message that is
    # only an option number (`2`). Before and after them only `fillers` and punctuation stand.
    agree: tuple[str, ...] = ("投给", "投", "选", "同意", "支持", "赞成")
    option_prefixes: tuple[str, ...] = ("方案", "选项", "第")
    option_suffixes: tuple[str, ...] = ("个方案", "个选项", "号方案", "个", "项", "号", "种", "条")
    fillers: tuple[str, ...] = ("我", "还是", "吧", "了")
    everyday_max_chars: int = Field(default=20, ge=4, le=60)
    # Asking how it stands in a group with an open consultation (`结果呢`), answered like `ask`.
    ask_here: tuple[str, ...] = ()
    # Dropped from the end of a question before it is compared (`现在几票了？`).
    particles: tuple[str, ...] = ("了", "呢", "吗")
    # A staff message with an `open` word inside it is read as opening one; these words are not
    # (`议事厅`), nor a sentence round the topic: `针对…的问题发起议事，选项：…`.
    open_not: tuple[str, ...] = ()
    topic_prefixes: tuple[str, ...] = ("针对", "关于")
    topic_suffixes: tuple[str, ...] = ("的问题", "问题")

    @field_validator("open", "decide", "vote", "options_labels", "deadline_labels", "agree")
    @classmethod
    def _not_empty(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value or any(not w.strip() for w in value):
            raise ValueError("needs at least one word, none empty")
        return value

    @cached_property
    def vote_regex(self) -> re.Pattern[str]:
        """`投票 1`, `投票1`, `我选2`, `#Y1 投票 2` (after NFKC folding)."""
        words = _alternatives(self.vote)
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
        return (int(found["id"]) if found["id"] else None), _number(found["n"])

    def labels_regex(self) -> re.Pattern[str]:
        """`选项:` anywhere; `截止1月8日18点`, `对象3号楼居民群` without a colon after a space or
        a comma (or at the start)."""
        labels = (*self.options_labels, *self.deadline_labels, *self.audience_labels)
        words = _alternatives(labels)
        return re.compile(rf"(?:(?<=[\s,，。;；])|^|(?=(?:{words})\s*[:：]))({words})\s*[:：]?")

    @cached_property
    def _option_ref(self) -> str:
        """`1`, `一`, `第一个`, `方案一`, `第1个`, `2号方案` (digits already half-width)."""
        return (
            rf"(?:{_alternatives(self.option_prefixes)})?\s*第?\s*"
            rf"(?P<n>\d{{1,2}}|[一二两三四五六七八九])\s*(?:{_alternatives(self.option_suffixes)})?"
        )

    @cached_property
    def _filler_run(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{_alternatives(self.fillers)}|[\W_])*")

    @cached_property
    def _filler_tail(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{_alternatives(self.fillers)}|[\W_])*$")

    @cached_property
    def _bare_regex(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*{self._option_ref}[\W_]*")

    @cached_property
    def _agree_regex(self) -> re.Pattern[str]:
        return re.compile(_alternatives(self.agree))

    def _only_fillers(self, text: str) -> bool:
        return self._filler_run.fullmatch(text) is not None

    def read_bare_option(self, text: str) -> int | None:
        """The option number a message made only of one names (`2`, `方案二`), else None."""
        found = self._bare_regex.fullmatch(text.strip())
        return _number(found["n"]) if found else None

    def read_everyday_vote(self, text: str) -> int | str | None:
        """A short vote in everyday words: its option number (`想了想还是投1吧` → 1), or the
        words naming an option (`我同意集中清运` → `集中清运`), else None. Only fillers may
        stand before the vote word and after the option."""
        text = text.strip()
        if len(text) > self.everyday_max_chars:
            return None
        ref = re.compile(self._option_ref)
        for agree in self._agree_regex.finditer(text):
            if not self._only_fillers(text[: agree.start()]):
                continue
            rest = text[agree.end() :].lstrip()
            numbered = ref.match(rest)
            if numbered and self._only_fillers(rest[numbered.end() :]):
                return _number(numbered["n"])
            tail = self._filler_tail.search(rest)
            said = rest[: tail.start()] if tail else rest
            if len(said) >= 2:
                return said
        return None

    def read_ask(self, text: str) -> str | None:
        """`ask` or `ask_here` when the message is one of them (`现在几票了？` → `ask`)."""
        said = re.sub(r"[\W_]+", "", text)
        for particle in sorted(self.particles, key=len, reverse=True):
            said = said.removesuffix(particle)
        if said in self.ask:
            return "ask"
        return "ask_here" if said in self.ask_here else None

    def decide_inside(self, text: str) -> tuple[str, str] | None:
        """The text before and after a `decide` word inside `text`."""
        return _inside(text, self.decide, self.open_not)

    def open_inside(self, text: str) -> tuple[str, str] | None:
        """The text before and after an `open` word inside `text` (not part of one of
        `open_not` or of a `decide` word)."""
        return _inside(text, self.open, (*self.open_not, *self.decide))

    def has_label(self, text: str) -> bool:
        return self.labels_regex().search(text) is not None

    def topic_from(self, sentence: str) -> str:
        """`针对3号楼楼道堆物的问题` → `3号楼楼道堆物`."""
        for prefix in sorted(self.topic_prefixes, key=len, reverse=True):
            if sentence.startswith(prefix):
                sentence = sentence[len(prefix) :]
                break
        for suffix in sorted(self.topic_suffixes, key=len, reverse=True):
            if sentence.endswith(suffix) and len(sentence) > len(suffix):
                return sentence[: -len(suffix)]
        return sentence


def _inside(text: str, words: tuple[str, ...], longer: tuple[str, ...]) -> tuple[str, str] | None:
    for word in sorted(words, key=len, reverse=True):
        at = text.find(word)
        while at >= 0:
            if not any(_part_of(text, at, word, other) for other in longer):
                return text[:at], text[at + len(word) :]
            at = text.find(word, at + 1)
    return None


def _part_of(text: str, at: int, word: str, other: str) -> bool:
    """Whether `word` found at `at` is part of `other` there (`议事` in `议事厅`)."""
    start = at - other.find(word)
    return other != word and word in other and start >= 0 and text.startswith(other, start)


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _number(n: str) -> int:
    """1, 一 or 两: the option a vote names (我选二)."""
    return cn_to_int(n) or 0
