"""The words people type to the bot, from config/commands.yaml: ticket references, command
words, quote-replies, thanks that count as a rating, sign-up words. Validated at start-up."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from service.community.yaml_source import config_files, load_model
from service.consultations.words import ConsultationWords
from service.textclean import clauses, letters
from service.understanding.normalise import to_simplified
from service.understanding.numerals import CN_NUMERAL_CHARS, cn_to_int

NUMBER = r"(?P<n>[0-9A-Za-z]{1,12})"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TicketRef(_Strict):
    pattern: str = Field(min_length=3)
    verb_required: bool = False

    @field_validator("pattern")
    @classmethod
    def _has_number(cls, value: str) -> str:
        if value.count("{n}") != 1:
            raise ValueError("a ticket reference pattern needs exactly one {n}")
        return value

    def regex(self) -> re.Pattern[str]:
        before, after = (re.escape(part) for part in self.pattern.split("{n}"))
        # "#abc" is read as a (bad) reference so staff are told to write a number; the other
        # forms take digits only.
        number = NUMBER if self.pattern.startswith("#") else r"(?P<n>\d{1,12})"
        return re.compile(rf"^{before}\s*{number}\s*{after}(?P<rest>.*)$", re.S)


class TicketVerb(_Strict):
    verb: str = Field(pattern=r"^[a-z_]+$")
    label: str = Field(min_length=1)
    example: str = Field(min_length=1)
    staff: bool
    words: tuple[str, ...] = Field(min_length=1)
    # Group kinds where this command is never suggested (转 物业 inside the property group).
    not_suggested_in: tuple[str, ...] = ()

    def suggested_in(self, kind: str | None) -> bool:
        return kind not in self.not_suggested_in


class ResultStates(_Strict):
    """A closing told as the state things are in now (config/commands.yaml `result_states`):
    a verb with its result complement ("通开了", "清出去了") or a state word ("热乎了", "不漏了"),
    then a completion ending."""

    verbs: tuple[str, ...] = ()
    complements: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    endings: tuple[str, ...] = ()

    def regex(self) -> re.Pattern[str] | None:
        if not self.endings or not (self.states or (self.verbs and self.complements)):
            return None

        def either(words: tuple[str, ...]) -> str:
            # (?!) matches nothing: an empty list adds no alternative.
            ordered = sorted({w for w in words if w}, key=len, reverse=True)
            return "|".join(re.escape(w) for w in ordered) or "(?!)"

        done = rf"(?:{either(self.verbs)})(?:{either(self.complements)})|(?:{either(self.states)})"
        return re.compile(rf"(?:{done})(?:{either(self.endings)})")


class DoneClause(_Strict):
    """A clause of a staff sentence that tells work done by its ending ("跟队长谈了",
    "门禁重启了", "给合唱队留着了"), unless it tells only a step on the way ("去看了",
    "配件到了"): config/commands.yaml `done_clause`."""

    endings: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    not_yet: tuple[str, ...] = ()
    past_after: tuple[str, ...] = ()


_GREETING_END = " \u3000,，、。.!！~～:：;；"


class MemberPhrases(_Strict):
    """Everyday ways of asking for one's points (我的积分还有多少, 上个月我得了多少分, 积分) and of
    withdrawing a registration (我想撤销报到, 我不报到了), read in a short message. Words are
    compared without punctuation and spaces; `asking` also holds question marks."""

    max_chars: int = Field(default=20, ge=4, le=60)
    points: tuple[str, ...] = ()
    asking: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    self_words: tuple[str, ...] = ()
    not_points: tuple[str, ...] = ()
    this_month: tuple[str, ...] = ()
    last_month: tuple[str, ...] = ()
    last_year: tuple[str, ...] = ()
    named_month: str = "(?P<m>1[0-2]|0?[1-9])月"
    rank: tuple[str, ...] = ()
    withdraw: tuple[str, ...] = ()
    greetings: tuple[str, ...] = ()

    @field_validator("named_month")
    @classmethod
    def _month_regex(cls, value: str) -> str:
        try:
            pattern = re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from exc
        if "m" not in pattern.groupindex:
            raise ValueError("named_month needs a group (?P<m>…)")
        return value

    def without_greeting(self, text: str) -> str:
        """`text` without the greetings it starts with (您好 我来报到 … → 我来报到 …), and the
        spaces and punctuation after them."""
        stripped = text.strip()
        while True:
            word = next((w for w in self.greetings if w and stripped.startswith(w)), "")
            rest = stripped[len(word) :].lstrip(_GREETING_END)
            if not word or not rest:
                return stripped
            stripped = rest

    def _short(self, text: str) -> str:
        bare = _bare(text)
        return bare if 0 < len(bare) <= self.max_chars else ""

    def asks_points(self, text: str) -> bool:
        """`积分` alone, or a points word with a question word (我有多少积分啊？) or a period
        (这个月积分, 去年一共多少分, 12月份我积分多少); a marks word (多少分, 分数) counts as a
        points word beside a self word (我这个月多少分). Never with a not_points word (分钟,
        通报)."""
        bare = self._short(text)
        if not bare or any(_bare(w) in bare for w in self.not_points):
            return False
        marks = any(_bare(w) in bare for w in self.marks) and any(
            _bare(w) in bare for w in self.self_words
        )
        if not marks and not any(_bare(w) in bare for w in self.points):
            return False
        periods = (*self.this_month, *self.last_month, *self.last_year)
        return (
            bare in {_bare(w) for w in self.points}
            or any(w in text for w in self.asking)
            or any(_bare(w) in bare for w in periods)
            or self.named_month_of(text) is not None
        )

    def asks_last_month(self, text: str) -> bool:
        return any(_bare(w) in _bare(text) for w in self.last_month)

    def asks_last_year(self, text: str) -> bool:
        return any(_bare(w) in _bare(text) for w in self.last_year)

    def named_month_of(self, text: str) -> int | None:
        """The month a question names (12月份, 十一月), or None."""
        found = re.search(self.named_month, text)
        if found is None:
            return None
        said = found["m"]
        if said.isdigit():
            return int(said)
        digits = "一二三四五六七八九"
        if said.startswith("十"):
            return 10 + (digits.index(said[1]) + 1 if len(said) > 1 else 0)
        return digits.index(said) + 1

    def asks_rank(self, text: str) -> bool:
        """我排第几名, 我的名次: a short message with a rank word."""
        bare = self._short(text)
        return (
            bool(bare)
            and any(_bare(w) in bare for w in self.rank)
            and not any(_bare(w) in bare for w in self.not_points)
        )

    def withdraws(self, text: str) -> bool:
        bare = self._short(text)
        return bool(bare) and any(_bare(w) in bare for w in self.withdraw)


class SignUpParty(_Strict):
    """How many people one sign-up brings in all (config/commands.yaml sign_up_party)."""

    whole: dict[str, int] = Field(default_factory=dict)  # "我们俩": 2, "一家三口": 3
    with_words: tuple[str, ...] = ()  # "带上", "我和": one more, or the number said after
    counted_after: tuple[str, ...] = ()  # "带两个", "还有3位": only with a number
    counters: tuple[str, ...] = ()  # 个, 位, 名
    owners: tuple[str, ...] = ()  # "带上我家俩孩子": 我家 between the word and the number
    group_numbers: dict[str, int] = Field(default_factory=dict)  # 俩: 2, 仨: 3 (no counter)
    total_after: tuple[str, ...] = ()  # "来三个人", "一共4位": the whole party, counted
    children: tuple[str, ...] = ()  # "我家俩娃报名": the sender's children, counted, are the party
    # "报名+1 我老伴也去": someone of the family (`kin`) named going along (`along`): one more
    kin: tuple[str, ...] = ()
    along: tuple[str, ...] = ()
    # "算我一个 还有我家隔壁王大爷": someone named right after a counted_after word: one more
    named: tuple[str, ...] = ()
    named_within: int = 6

    def without_whole(self, name: str) -> str:
        """A 接龙 line's name without the words saying its whole party ("老周夫妇" → 老周)."""
        for word in sorted(self.whole, key=len, reverse=True):
            name = name.replace(word, "")
        return name

    def size(self, text: str) -> int:
        """1 for 我也报名, 2 for 我报名 带上我孙子, 3 for 带两个孩子 or 一家三口, 2 for 我家俩娃
        报名."""
        bare = _bare(text)
        for word, count in sorted(self.whole.items(), key=lambda kv: -len(kv[0])):
            if _bare(word) in bare:
                return count
        counted = rf"([0-9]+|[{CN_NUMERAL_CHARS}]+)(?:{'|'.join(map(re.escape, self.counters))})"
        for word in self.total_after:
            at = bare.find(_bare(word))
            said = re.match(counted, bare[at + len(_bare(word)) :]) if at >= 0 else None
            whole = cn_to_int(said[1]) if said is not None and self.counters else None
            if whole:
                return whole  # "我们腰鼓队来三个人": three in all (day 23 S69)
        for word in (*self.with_words, *self.counted_after):
            at = bare.find(_bare(word))
            if at < 0:
                continue
            after = bare[at + len(_bare(word)) :]
            for owner in sorted(self.owners, key=len, reverse=True):
                if after.startswith(_bare(owner)):
                    after = after[len(_bare(owner)) :]
                    break
            said = re.match(counted, after) if self.counters else None
            number = cn_to_int(said[1]) if said is not None else None
            if number is None and after[:1] in self.group_numbers:
                number = self.group_numbers[after[:1]]  # "俩孩子"
            if number:
                return 1 + number
            if word in self.with_words:
                return 2
            near = after[: self.named_within]
            if any(_bare(person) in near for person in self.named if person):
                return 2  # "还有我家隔壁王大爷" (day 51 R84)
        return self._own_children(bare) or (2 if self._kin_along(bare) else 1)

    def _kin_along(self, bare: str) -> bool:
        return any(
            _bare(kin + along) in bare for kin in self.kin for along in self.along if kin and along
        )

    def _own_children(self, bare: str) -> int | None:
        """ "我家俩娃报名", "我们家两个孩子都报": the sender's children, counted, with no one
        brought along (day 43 R11); None when the message counts none."""
        counted = rf"([0-9]+|[{CN_NUMERAL_CHARS}]+)(?:{'|'.join(map(re.escape, self.counters))})"
        for owner in sorted(self.owners, key=len, reverse=True):
            at = bare.find(_bare(owner))
            if at < 0:
                continue
            after = bare[at + len(_bare(owner)) :]
            said = re.match(counted, after) if self.counters else None
            number = cn_to_int(said[1]) if said is not None else None
            rest = after[said.end() :] if said is not None else after[1:]
            if number is None and after[:1] in self.group_numbers:
                number = self.group_numbers[after[:1]]
            if number and rest.startswith(tuple(_bare(c) for c in self.children)):
                return number
        return None


class TrailingRef(_Strict):
    """A ticket number written last ("已经修好了 63号", "搞定了 是63号那个"): config/commands.yaml
    `trailing_ref`."""

    before: tuple[str, ...] = ()
    endings: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()

    def regex(self) -> re.Pattern[str] | None:
        """`body` is what comes before the number, `n` the number; None without endings."""
        if not self.endings:
            return None
        before = "|".join(map(re.escape, sorted(self.before, key=len, reverse=True)))
        endings = "|".join(map(re.escape, sorted(self.endings, key=len, reverse=True)))
        return re.compile(
            rf"^(?P<body>.*?[^\d\s，,。.；;、])[\s，,。.；;、]*(?:(?:{before})\s*)?"
            rf"(?P<n>\d{{1,10}})\s*(?:{endings})[\s。.!！~～]*$",
            re.S,
        )

    def anywhere(self) -> re.Pattern[str] | None:
        """A loose number inside a sentence ("电表箱那个 44号搞定了", "搞定了 是22号单子 换了新的"):
        `n` the number, the match the whole phrase (before word, number, ending); None without
        endings. The caller checks what stands right before and after it (3号楼, 12月2号)."""
        if not self.endings:
            return None
        before = "|".join(map(re.escape, sorted(self.before, key=len, reverse=True)))
        endings = "|".join(map(re.escape, sorted(self.endings, key=len, reverse=True)))
        return re.compile(rf"(?:(?:{before})\s*)?(?<![\d#.])(?P<n>\d{{1,10}})\s*(?:{endings})")


class ResultNote(_Strict):
    """What a closing keeps as its result: config/commands.yaml `result_note`."""

    fillers: tuple[str, ...] = ()
    pointer_endings: tuple[str, ...] = ()
    pointer_starts: tuple[str, ...] = ()
    pointer_max_chars: int = 6
    told_done_endings: tuple[str, ...] = ()


class SignUpWithdraw(_Strict):
    """Cancelling one's sign-up in everyday words (config/commands.yaml sign_up_withdraw)."""

    max_chars: int = 30
    words: tuple[str, ...] = ()
    clause_end: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    all: tuple[str, ...] = ()
    self: tuple[str, ...] = ()
    only_me: tuple[str, ...] = ()
    busy: tuple[str, ...] = ()

    def companions_only(self, text: str) -> bool | None:
        """Whether a cancellation is of someone the sender brought along ("老伴说她不去了 就我
        一个"), not of the sender (我去不了) nor of everyone (我们都不去了); None when it is
        not, True when only the sender still goes (only_me), False when one place is freed.
        The one not going is named in a clause saying so: "那天我要去闺女家 去不了了" is the
        sender's own (day 34 P16)."""
        bare = _bare(text)
        not_going = tuple(_bare(w) for w in (*self.words, *self.clause_end))
        parts = [_bare(p) for p in _CLAUSE_BREAK.split(text)]
        # ... or in the clause right after one where the other is who speaks, not the sender
        # ("老伴说她腰疼 不去了 就我一个", day 42 R44; not "那天我要去闺女家 去不了了")
        named = any(
            any(_bare(w) in part for w in self.others)
            and (
                any(w in part for w in not_going)
                # ... or busy that day ("我闺女周三要加班 包饺子就我一个人去了"; day 46 R93)
                or any(_bare(w) in part for w in self.busy)
                or (
                    i + 1 < len(parts)
                    and parts[i + 1].startswith(not_going)
                    and "我" not in part
                )
            )
            for i, part in enumerate(parts)
        )
        if not named or any(_bare(w) in bare for w in (*self.all, *self.self)):
            return None
        return any(_bare(w) in bare for w in self.only_me)

    def said(self, text: str) -> bool:
        """ "我去不了了 取消报名", "临时有事来不了了", "把我名字划掉吧"; not "电梯去不了顶楼"."""
        text = unicodedata.normalize("NFKC", text).strip()
        bare = _bare(text)
        if not bare or len(bare) > self.max_chars or any(w in text for w in self.unless):
            return False
        if any(_bare(w) in bare for w in self.words):
            return True
        if any(_bare(w) in bare for w in self.only_me) and self.companions_only(text):
            return True  # "我闺女周三要加班 包饺子就我一个人去了"
        for word in self.clause_end:
            at = text.find(word)
            while at >= 0:
                rest = text[at + len(word) :]
                while rest and rest[0] in "".join(self.particles):
                    rest = rest[1:]
                if not rest or not (rest[0].isalnum() or rest[0] == "+"):
                    return True
                at = text.find(word, at + 1)
        return False


class ThanksTopic(_Strict):
    """A word of a thanks (`said`: 安静) that names a ticket told with one of `means` (吵)."""

    said: tuple[str, ...] = Field(min_length=1)
    means: tuple[str, ...] = Field(min_length=1)


class ClaimWithoutRef(_Strict):
    """A claim word said with no ticket number ("我去看看", "好的，我来处理吧"): at most one
    acknowledgement before it, one particle after it; `not_alone` words claim nothing alone."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    not_alone: tuple[str, ...] = ()
    # Someone clearly on it ("收到 我马上下楼看看") naming no ticket: the group's one ticket
    # waiting that was reported this many minutes ago at most is the one (day 32 S77).
    recent_minutes: int = Field(default=30, ge=0, le=24 * 60)


class EventQuestion(_Strict):
    """A resident's question about an event that the event itself does not answer
    (config/commands.yaml `event_question`)."""

    max_chars: int = Field(gt=0)
    asking: tuple[str, ...] = Field(min_length=1)
    about_signing_up: tuple[str, ...] = ()
    # asking how to sign up asks by itself ("元旦晚会怎么报名啊": no 吗 needed)
    how_to_sign_up: tuple[str, ...] = ()
    # a clause asking by its end, as a regular expression ("能坐着包不")
    asks_at_end: str = r"(?!)"
    # pairs of letters of event titles that name no event in a question ("服务站开门吗" is no
    # 便民服务集市志愿服务)
    generic_pairs: tuple[str, ...] = ()
    ticket: tuple[str, str]  # the [category, subcategory] of the question's ticket

    def names_title(self, title: str, text: str) -> bool:
        """`text` names `title` by a pair of letters in a row that is not a generic pair."""
        pairs = {title[i : i + 2] for i in range(len(title) - 1)} - set(self.generic_pairs)
        return any(p in text for p in pairs)

    @cached_property
    def _asks_at_end(self) -> re.Pattern[str]:
        return re.compile(self.asks_at_end)

    def ends_asking(self, text: str) -> bool:
        """A clause of `text` ends asking (asks_at_end: "家属能跟着来不")."""
        return any(self._asks_at_end.search(clause) for clause in _asking_ends(text))


def _asking_ends(text: str) -> list[str]:
    """The clauses of `text` without the particles and marks that may end a question."""
    return [clause.strip().rstrip(_ASKING_PARTICLES) for clause, _ in clauses(text)]


_ASKING_PARTICLES = "啊呀呢哈嘛么吧~～!！?？.。、 "


class Question(_Strict):
    """A question asked in everyday words: a topic word and an asking word in a short message."""

    topic: tuple[str, ...] = Field(min_length=1)
    asking: tuple[str, ...] = Field(min_length=1)
    also: tuple[str, ...] = ()  # when given, one of these must be said too
    unless: tuple[str, ...] = ()  # never when one of these is said
    # A clause of a longer message asks on its own when it holds one of these too (吗, ？).
    clause_asks: tuple[str, ...] = ()

    def asked(self, text: str, max_chars: int, first_clause: bool = False) -> bool:
        """The whole message is short (at most max_chars letters) and holds a topic and an
        asking word; or its first clause does, or one of its clauses does and asks (clause_asks:
        "社区有什么志愿活动可以参加吗 我退休了有时间", not "…住址：2号楼1单元302 周末可以参加活动");
        no `unless` word anywhere in the message."""
        if any(_bare(w) in _bare(text) for w in self.unless):
            return False
        parts = [c for c, _ in clauses(text)]
        asking = [c for c in parts if any(w in c for w in self.clause_asks)]
        # ... or (`first_clause`) the first clause asks, a reason after it ("暑假有没有给小学生的
        # 活动 孩子天天在家闹腾", day 31 R55)
        first = parts[:1] if first_clause else []
        return any(self._asked_in(part, max_chars) for part in [text, *first, *asking])

    def _asked_in(self, text: str, max_chars: int) -> bool:
        bare = _bare(text)
        return (
            0 < len(bare) <= max_chars
            and any(_bare(w) in bare for w in self.topic)
            and any(w in text for w in self.asking)
            and (not self.also or any(_bare(w) in bare for w in self.also))
        )


_SENTENCE_PARTS = {
    "name": r"(?P<name>[^\s\d，,。:：]{2,4}?)",
    "n": r"(?P<n>\d{1,2})",
    "reason": r"[\s，,：:、]*(?P<reason>.*)",
    "post": r"(?P<post>.+?)",
    "place": r"(?P<place>.+?)",
}


class MemberSentence(_Strict):
    """A member command in natural words: `pattern` read as the command `as_`."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    pattern: str = Field(min_length=3)
    as_: str = Field(alias="as", min_length=3)

    def regex(self) -> re.Pattern[str]:
        return self._regex

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        parts = re.split(r"\{(\w+)\}", self.pattern)
        out = "".join(
            _SENTENCE_PARTS[part] if i % 2 else re.escape(part) for i, part in enumerate(parts)
        )
        return re.compile(rf"^{out}[。.!！]*$", re.S)

    @model_validator(mode="after")
    def _known_parts(self) -> MemberSentence:
        used = set(re.findall(r"\{(\w+)\}", self.pattern))
        unknown = used - set(_SENTENCE_PARTS) | set(re.findall(r"\{(\w+)\}", self.as_)) - used
        if unknown:
            raise ValueError(f"{self.pattern!r}: unknown parts {', '.join(sorted(unknown))}")
        return self

    def read(self, text: str) -> str | None:
        """The command this sentence means, or None."""
        found = self.regex().match(text.strip())
        if found is None:
            return None
        return self.as_.format(**{k: v.strip() for k, v in found.groupdict().items()}).strip()


class ChatWords(_Strict):
    ticket_refs: tuple[TicketRef, ...] = Field(min_length=1)
    loose_ref_not_before: tuple[str, ...] = ()
    # ... though a word starting with one of them does not stop it ("26号门禁 修好了": 门禁 is no
    # gate); see ChatWords.is_place_after.
    loose_ref_yet_before: tuple[str, ...] = ()
    # Words opening a staff command that say nothing of it ("搞错了 2号不是重复 撤销合并").
    preambles: tuple[str, ...] = ()
    quote_reply: str
    negations: tuple[str, ...] = ()
    later_before: tuple[str, ...] = ()
    later_durations: tuple[str, ...] = ()
    question_after: tuple[str, ...] = ()
    # In the street office's group, words after "#12" with one of these ask how it stands
    # ("金茂 #1 咋回事 停水好几天了"): the answer is its progress, never a note on it.
    street_asks: tuple[str, ...] = ()
    # ... and words that may open a command there before the community's name ("哦 幸福里 #2").
    street_openers: tuple[str, ...] = ()
    # ... and a question there for every community about what is left undone: each one's list.
    street_every_community: tuple[str, ...] = ()
    street_left_undone: tuple[str, ...] = ()
    # ... asked with one of these naming no community (or a mistyped one): each one's list too
    street_left_undone_asks: tuple[str, ...] = ()
    # ... what is late, asked so: every late ticket named, not the first few
    street_late_asked: tuple[str, ...] = ()
    # ... the day's work ("幸福里今天收了几件 办了几件"): received, closed, open
    street_earlier: tuple[str, ...] = ()
    street_not_naming: tuple[str, ...] = ()
    street_today: tuple[str, ...] = ()
    street_today_asks: tuple[str, ...] = ()
    # ... last night's emergencies ("昨晚两个社区有没有什么紧急情况"): with street_emergency_words
    street_last_night: tuple[str, ...] = ()
    street_emergency_words: tuple[str, ...] = ()
    # ... the weekend's ("周末两个社区有没有什么事"): a word of street_weekend and one of
    # street_weekend_asks
    street_weekend: tuple[str, ...] = ()
    street_weekend_asks: tuple[str, ...] = ()
    # ... this week's ("金茂这周的数据发我一下"): a word of street_this_week and one of
    # street_today_asks or street_figures
    street_this_week: tuple[str, ...] = ()
    street_total_asks: tuple[str, ...] = ()
    # Commands said inside a sentence that stand whatever work it says is to come (a hand-over:
    # "20号我们收回来 我直接跟供电所联系"), where a closing said beside work to come does not.
    verbs_whatever_comes: tuple[str, ...] = ()
    # ... which tickets are left undone ("幸福理还有哪些没办完的"): every open one named
    street_which_asked: tuple[str, ...] = ()
    # ... pressing for a ticket, and asking for the month's figures (bot/handlers/street.py)
    street_push: tuple[str, ...] = ()
    street_push_pattern: str = ""  # "请罗芳明天一早清掉": someone asked to do it
    # Hours after a 【街道督促】 in which a group's numberless answer ("收到 今天下午就上门") is
    # taken as its answer, when it pressed one ticket of the group
    street_push_answer_hours: int = Field(default=12, ge=0, le=72)
    # ... and an answer opening with one of these, whatever it tells
    street_push_answer_openers: tuple[str, ...] = ()
    street_figures: tuple[str, ...] = ()
    street_notice: tuple[str, ...] = ()
    # the street asks for last month's figures with one of these (or the month's number)
    street_last_month: tuple[str, ...] = ()
    # ... for this year's with one of these
    street_this_year: tuple[str, ...] = ()
    # a count of tickets in the street's group: a remark, never a closing without a number
    street_summary_pattern: str = r"(?!)"
    # a staff handover or a count of tickets ("夜班交接一下 昨晚几个紧急的都处理完了"): closes
    # no ticket without its number
    several_tickets_pattern: str = r"(?!)"
    ticket_verbs: tuple[TicketVerb, ...] = Field(min_length=1)
    words: dict[str, tuple[str, ...]]
    done_signs: tuple[str, ...] = ()
    safe_now_signs: tuple[str, ...] = ()
    safe_in_hand_signs: tuple[str, ...] = ()
    still_to_come: tuple[str, ...] = ()
    under_way: tuple[str, ...] = ()
    result_states: ResultStates = Field(default_factory=ResultStates)
    done_clause: DoneClause = Field(default_factory=DoneClause)
    failed_again: tuple[str, ...] = ()
    claim_signs: tuple[str, ...] = ()
    # claim_signs too common in chat to claim with no number unless a stronger sign is there
    claim_signs_general: tuple[str, ...] = ()
    # A clause of its own saying the writer is on the way now ("#5 我现在过去 先让物业把总阀关了"):
    # whatever else was done meanwhile, a claim, unless the danger is over (safe_now_signs)
    on_the_way: tuple[str, ...] = ()
    bare_safe_marks: tuple[str, ...] = ()
    help_called: str = ""
    on_the_way_carrying: str = ""
    on_the_way_to: tuple[str, ...] = ()
    on_the_way_place_chars: int = 6
    # How a last clause ends when the writer is going to do it ("我带上热风枪过去")
    going_endings: tuple[str, ...] = ()
    # A meeting told in a staff group in everyday words: one of these calls to come
    meeting_calls: tuple[str, ...] = ()
    # ... and a volunteer activity told so by staff in a residents' chat: a call to come and what
    # is done together (its title)
    volunteer_calls: tuple[str, ...] = ()
    volunteer_together: tuple[str, ...] = ()
    # Words of a time to come: after a claim word, a plan ("我们接了 下午换管"), not a closing
    claim_plans: tuple[str, ...] = ()
    # Going to do it, after a claim_plans word ("明天上午去焊", "下午过去看看"): a plan that claims
    claim_plan_goes: tuple[str, ...] = ()
    # ... going again ("明天再去看看"): news of a visit made, no claim
    claim_plan_again: tuple[str, ...] = ()
    # A standing arrangement made ("每天下午再收一次", "以后中午都不施工"): no work still to come
    arrangements: tuple[str, ...] = ()
    # Closings told with no number and no command word: an agreement reached, a thing cleared
    closings_without_ref: tuple[str, ...] = ()
    # Words of a staff closing that name no ticket: who did the work and when (消防, 已经)
    names_no_ticket: tuple[str, ...] = ()
    # Words of a numberless claim that name no ticket: going to look ("下楼看看"; day 19)
    claim_names_no_ticket: tuple[str, ...] = ()
    claim_without_ref: ClaimWithoutRef = Field(default_factory=ClaimWithoutRef)
    trailing_ref: TrailingRef = Field(default_factory=TrailingRef)
    result_note: ResultNote = Field(default_factory=ResultNote)
    transfer_phrases: tuple[str, ...] = ()
    # A transfer to "them" ("泵房是物业管的 转给他们"): the group named before it is meant
    transfer_pronouns: tuple[str, ...] = ()
    merge_said: str = r"(?!)"
    # The day asked after bare ("两个社区今天怎么样"): with a street_today word, the day's figures
    street_today_said: str = r"(?!)"
    # A time to come beyond doubt ("我明早叫保洁清了": a plan, whatever 了 it ends with)
    future_words: tuple[str, ...] = ()
    # Work promised by a time ("草垫十二点前铺好"): a plan, whatever done word it ends with
    promised_by: str = r"(?!)"
    closing_moved: str = r"(?!)"
    answer_categories: tuple[str, ...] = ()
    answer_when_asked: tuple[str, ...] = ()
    answer_subcategories: tuple[str, ...] = ()
    asked_words: tuple[str, ...] = ()
    asked_endings: tuple[str, ...] = ()
    answer_later: tuple[str, ...] = ()
    work_done_by_category: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    thanks_as_satisfied: tuple[str, ...] = ()
    thanks_words: tuple[str, ...] = ()
    staff_praise: tuple[str, ...] = ()
    street_tell_when_done: tuple[str, ...] = ()
    still_wrong: tuple[str, ...] = ()
    # the fright or the weariness of the one who was in danger ("吓坏了"): no still_wrong word
    fright_words: tuple[str, ...] = ()
    thanks_max_chars: int = 24
    thanks_framed_max_chars: int = 48
    thanks_topics: tuple[ThanksTopic, ...] = ()
    thanks_no_longer: tuple[str, ...] = ()
    rating_all_words: tuple[str, ...] = ()
    passed_on_words: tuple[str, ...] = ()
    safe_answers: tuple[str, ...] = ()
    sign_up: tuple[str, ...] = ()
    sign_up_endings: tuple[str, ...] = ()
    # A clause after such a sign-up pointing at its event ("我和老伴都去 测血压那个").
    sign_up_pointers: tuple[str, ...] = ()
    ticket_pointers: tuple[str, ...] = ()
    # Going with someone told in one phrase ("香囊那个我带女儿去"), regular expressions.
    sign_up_patterns: tuple[str, ...] = ()
    # A sign-up told as past ("上次那个我和老伴都去") signs nobody up.
    sign_up_past: tuple[str, ...] = ()
    sign_up_after_notice: tuple[str, ...] = ()
    sign_up_companions: tuple[str, ...] = ()
    sign_up_party: SignUpParty = Field(default_factory=SignUpParty)
    leave: tuple[str, ...] = ()
    sign_up_withdraw: SignUpWithdraw = Field(default_factory=SignUpWithdraw)
    sign_up_confirming: tuple[str, ...] = ()
    # From someone signed up already: one more of their party ("还能加上他吗").
    sign_up_more: tuple[str, ...] = ()
    # Words that name no event, left out before a sign-up is matched to an event's title
    # ("我也报名 谢谢社区" names no 社区党委党课).
    names_no_event: tuple[str, ...] = ()
    sign_up_after_notice_hours: int = Field(default=24, ge=1, le=24 * 7)
    # A plain sign-up ("我报名 我和老伴俩人") with several events open answers the event the bot
    # announced in the chat at most this many minutes before, nothing reported there since.
    sign_up_latest_notice_minutes: int = Field(default=120, ge=0, le=24 * 60)
    # The bot asked someone which event they sign up for: within this many minutes, a short
    # answer naming one of those listed ("扫雪那个") signs them up for it.
    which_event_answer_minutes: int = Field(default=30, ge=0, le=24 * 60)
    which_event_answer_chars: int = Field(default=12, ge=1, le=40)
    chain_line: str
    # Signing someone else up ("我给我妈报个名 她叫刘桂兰"): `kin` who, `name` when said
    sign_up_for_another: str = r"(?!)"
    sign_up_for_another_name: str = r"(?!)"
    chain_not: tuple[str, ...] = ()  # 团购, 拼单 …: a 接龙 to buy together, no sign-up
    chain_kin: tuple[str, ...] = ()  # 老伴, 孙子 …: "李大爷老伴" on a 接龙 is someone else
    members: dict[str, tuple[str, ...]] = Field(default_factory=dict)  # bot/handlers/members.py
    members_glued: frozenset[str] = frozenset()  # verbs of `members` glued to the name
    other_compound_words: tuple[str, ...] = ()  # service/members/registration.py
    register_labels: tuple[str, ...] = ()  # service/members/registration.py
    name_prefixes: tuple[str, ...] = ()
    register_form: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    unit_prefixes: tuple[str, ...] = ()
    unit_suffixes: tuple[str, ...] = ()
    address_labels: tuple[str, ...] = ()
    address_endings: tuple[str, ...] = ()
    member_phrases: MemberPhrases = Field(default_factory=MemberPhrases)  # bot/handlers/members.py
    member_sentences: tuple[MemberSentence, ...] = ()  # bot/handlers/members.py
    member_questions: dict[str, Question] = Field(default_factory=dict)  # bot/handlers/members.py
    event_questions: Question | None = None  # bot/handlers/events.py
    sign_up_roster: Question | None = None  # bot/handlers/events.py: "现在都谁报了"
    event_detail_question: Question | None = None  # bot/handlers/events.py: "理发几点来着"
    event_question: EventQuestion | None = None  # bot/handlers/events.py: "要自己带铁锹吗"
    consultations: ConsultationWords = Field(default_factory=ConsultationWords)  # 一事一议

    @cached_property
    def member_verb_words(self) -> tuple[tuple[str, str], ...]:
        """(word, verb) of every `members` command word, longest first so that 积分调整 wins
        over 积分; traditional forms read as simplified. Built once, asked of every message."""
        pairs = ((to_simplified(w), verb) for verb, words in self.members.items() for w in words)
        return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))

    def member_question(self, text: str) -> str | None:
        """Which member question a short message asks (why_rejected, my_post …), if any."""
        limit = self.member_phrases.max_chars + 10
        return next((k for k, q in self.member_questions.items() if q.asked(text, limit)), None)

    def member_command_in(self, text: str) -> str | None:
        """给陈刚加2分，他帮忙搬了宣传栏 → 积分调整 陈刚 +2 他帮忙搬了宣传栏 (member_sentences)."""
        return next((c for s in self.member_sentences if (c := s.read(text)) is not None), None)

    def asks_events(self, text: str) -> bool:
        """这个月有什么活动, 有没有志愿服务可以参加？"""
        return self.event_questions is not None and self.event_questions.asked(
            text, 16, first_clause=True
        )

    def asks_event_detail(self, text: str) -> bool:
        """理发几点来着, 敬老院那个在哪集合？ (which event: the one the message names)"""
        question = self.event_detail_question
        # ... or its first clause, something of one's own after it ("送清凉几点出发 我在服务站
        # 门口等就行吧"; day 43 R102)
        return question is not None and question.asked(text, 16, first_clause=True)

    def asks_staff_of_event(self, text: str) -> bool:
        """ "报名植树的要自己带铁锹吗": a short question, not about signing up, nor starting with
        the sender's own sign-up (which event: the one the message names)."""
        return (
            self._asks_of_event(text)
            and not self._about_signing_up(text)
            and not self._one_more(text)
        )

    def asking_clause(self, text: str) -> str:
        """The clause of a question about an event that asks ("今晚巡逻还搞吗" of "今晚巡逻还搞吗
        我看河水太大了"), else the whole text."""
        question = self.event_question
        asking = question.asking if question is not None else ()
        for clause, _ in clauses(text):
            if any(unicodedata.normalize("NFKC", w) in clause for w in asking):
                return clause.strip()
        return text.strip()

    def asks_about_signing_up(self, text: str) -> bool:
        """ "植树还能报名吗", "理发那个报满了没": a short question about signing up for an event,
        answered with the event (which: the one the message names)."""
        return (
            (self._asks_of_event(text) or self._asks_how_to_sign_up(text))
            and self._about_signing_up(text)
            and not self._one_more(text)
        )

    def _asks_how_to_sign_up(self, text: str) -> bool:
        question = self.event_question
        bare = _bare(text)
        return (
            question is not None
            and len(bare) <= question.max_chars
            and any(_bare(w) in bare for w in question.how_to_sign_up)
            and not any(bare.startswith(_bare(w)) for w in self.sign_up)
        )

    def _asks_of_event(self, text: str) -> bool:
        question = self.event_question
        said = unicodedata.normalize("NFKC", text)
        bare = _bare(text)
        return (
            question is not None
            and len(bare) <= question.max_chars
            and (
                any(unicodedata.normalize("NFKC", w) in said for w in question.asking)
                or question.ends_asking(said)
            )
            and not any(bare.startswith(_bare(w)) for w in self.sign_up)
        )

    def _about_signing_up(self, text: str) -> bool:
        question = self.event_question
        bare = _bare(text)
        return question is not None and any(_bare(w) in bare for w in question.about_signing_up)

    def _one_more(self, text: str) -> bool:
        """One more for one's sign-up ("还能加上他吗": sign_up_more), a sign-up of its own."""
        bare = _bare(text)
        return any(_bare(w) in bare for w in self.sign_up_more)

    def resident_asked(self, text: str) -> bool:
        """A resident's words ask something (asked_words), or a clause of them ends asking
        ("…组织关系不在社区的能参加不": asked_endings, day 46 R06)."""
        return any(w in text for w in self.asked_words) or self._ends_asking(text)

    def _ends_asking(self, text: str) -> bool:
        """A clause ends in an asked_endings word ("能参加不", "报上了没")."""
        return bool(self.asked_endings) and any(
            clause.endswith(self.asked_endings) for clause in _asking_ends(text)
        )

    def asks_roster(self, text: str) -> bool:
        """现在都谁报了, 都有谁报名了？"""
        return self.sign_up_roster is not None and self.sign_up_roster.asked(text, 16)

    @field_validator("transfer_phrases")
    @classmethod
    def _has_target(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for phrase in value:
            if phrase.count("{target}") != 1 or phrase == "{target}":
                raise ValueError(f"{phrase!r}: a transfer phrase needs one {{target}} and a word")
        return value

    @field_validator(
        "quote_reply",
        "chain_line",
        "merge_said",
        "promised_by",
        "street_today_said",
        "closing_moved",
        "sign_up_for_another",
        "sign_up_for_another_name",
        "street_summary_pattern",
        "several_tickets_pattern",
    )
    @classmethod
    def _regex(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from exc
        return value

    @field_validator("sign_up_patterns")
    @classmethod
    def _regexes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            cls._regex(pattern)
        return value

    @model_validator(mode="after")
    def _unique_words(self) -> ChatWords:
        seen: dict[str, str] = {}
        for row in self.ticket_verbs:
            for word in row.words:
                if not word.strip():
                    raise ValueError(f"{row.verb}: empty word")
                if word in seen and seen[word] != row.verb:
                    raise ValueError(f"{word!r} is a word of both {seen[word]} and {row.verb}")
                seen[word] = row.verb
        if not self.members_glued <= set(self.members):
            unknown = ", ".join(sorted(self.members_glued - set(self.members)))
            raise ValueError(f"members_glued names verbs not in members: {unknown}")
        verbs = [row.verb for row in self.ticket_verbs]
        duplicated = {v for v in verbs if verbs.count(v) > 1}
        if duplicated:
            raise ValueError(f"ticket verb listed twice: {', '.join(sorted(duplicated))}")
        return self

    def is_register_form(self, text: str) -> bool:
        """姓名：王丽 单位：区税务局 …: a name label and a unit label (config register_form)."""
        return all(
            any(w in text for w in self.register_form.get(part, ())) for part in ("name", "unit")
        )

    def points_at_ticket(self, text: str, number: int) -> bool:
        """ "搞定了 是10号那个": the sender points at ticket `number` in so many words (its number
        followed by a `ticket_pointers` word), whatever else the sentence speaks of."""
        pointers = "|".join(map(re.escape, self.ticket_pointers))
        if not pointers:
            return False
        return re.search(rf"(?<![0-9#]){number}\s*号?\s*(?:{pointers})", text) is not None

    def is_thanks(self, text: str) -> bool:
        """Only thanks and "it works now" words, spaces, punctuation and emoji; or a short
        message with a thanks word, or ending saying it works now ("三单元的灯好了"), and
        nothing saying it is still wrong ("好了谢谢小刘"), apart from the words telling that
        the problem stopped ("好了 不滴了 谢谢": thanks_no_longer)."""
        if _consumed(text, self.thanks_as_satisfied):
            return True
        if self._greets_everyone(text):
            return False
        rest = self._no_longer.sub("、", text)
        for word in self._works_now_words:
            rest = rest.replace(word, "、")
        framed = self._framed_by_thanks(text)
        limit = self.thanks_framed_max_chars if framed else self.thanks_max_chars
        return (
            len(text.strip()) <= limit
            and (any(w in text for w in self.thanks_words) or self._tells_working(text))
            and not self._still_wrong(rest)
        )

    def _still_wrong(self, rest: str) -> bool:
        """A still_wrong word in what is left of a thanks or a safe answer, once the words of
        fright are set aside ("孩子出来了 吓坏了 谢谢罗书记": 坏 of 吓坏 is no fault)."""
        for word in self.fright_words:
            rest = rest.replace(word, "、")
        return any(w in rest for w in self.still_wrong)

    def _framed_by_thanks(self, text: str) -> bool:
        """ "谢谢社区 … 太感谢了🙏": thanks open and end the message."""
        bare = _bare(text).rstrip("了啊呀啦哈")
        words = tuple(_bare(w) for w in self.thanks_words if _bare(w))
        return bool(words) and bare.startswith(words) and bare.endswith(words)

    def _greets_everyone(self, text: str) -> bool:
        """ "早上好 今天零下7度 大家注意保暖🙏": a greeting to the group whose only thanks are
        emoji, no answer to the bot's question (day 51 R96, taken as the all-clear of a fire)."""
        greeted = self.member_phrases.without_greeting(text) != text.strip()
        said = [w for w in self.thanks_words if w in text]
        return greeted and all(not any(ch.isalnum() for ch in w) for w in said)

    def _tells_working(self, text: str) -> bool:
        """ "三单元的灯好了", "暖气热了", "热了热了 屋里22度了": the message ends or opens saying
        it works now (a thanks_as_satisfied word ending in 了; day 24 S103), or a `said` word of
        thanks_topics with 了 or 多了 ("今天安静多了 狗不叫了": day 35 P07)."""
        bare = _bare(text)
        return any(bare.endswith(w) or bare.startswith(w) for w in self._working_now_told)

    @cached_property
    def _working_now_told(self) -> tuple[str, ...]:
        """ "好了", "修好了", "安静多了", "不叫了": words telling it works now, with their 了."""
        told = {w for w in self.thanks_as_satisfied if w.endswith("了")}
        said = {w for row in self.thanks_topics for w in row.said}
        told |= {f"{w}了" for w in said if not w.endswith("了")}
        told |= {f"{w}多了" for w in said if not w.endswith("了")}
        return tuple(sorted(told, key=len, reverse=True))

    @cached_property
    def _works_now_words(self) -> tuple[str, ...]:
        """Words saying it works now (thanks_as_satisfied, said of thanks_topics), longest first."""
        said = {w for row in self.thanks_topics for w in row.said} | set(self.thanks_as_satisfied)
        return tuple(sorted(said, key=len, reverse=True))

    @cached_property
    def _no_longer(self) -> re.Pattern[str]:
        """A clause from a thanks_no_longer word to its 了 or its end: "没再打电钻了",
        "今晚没剁馅"."""
        words = "|".join(map(re.escape, self.thanks_no_longer)) or "(?!)"
        return re.compile(rf"(?:{words})[^，,。！!？?\s了]{{0,8}}(?:了|(?=[，,。！!\s]|$))")

    def thanks_name(self, text: str, told: str) -> bool:
        """A thanks ("今天安静多了 谢谢") names a ticket its resident told in `told` ("楼上天天
        拖椅子 吵得睡不着") by a row of thanks_topics: a `said` word, or a `means` word in a
        clause telling it stopped ("昨晚没再打电钻了")."""
        stopped = "".join(found.group() for found in self._no_longer.finditer(text))
        return any(
            any(w in text for w in row.said) or any(w in stopped for w in row.means)
            for row in self.thanks_topics
            if any(w in told for w in row.means)
        )

    def rates_all(self, text: str) -> bool:
        """ "两个都满意", "都安全了": for every ticket waiting, not one of them."""
        return any(w in text for w in self.rating_all_words)

    def complains_passed_on(self, text: str) -> bool:
        """Words of being sent elsewhere ("又让我打12345 这不是踢皮球吗")."""
        return any(w in text for w in self.passed_on_words)

    def says_safe(self, text: str) -> bool:
        """A short answer to "是否已经安全" ("安全了 孩子没事", "放出来了 人都好"): a safe_answers
        word and, apart from those words, nothing saying it is still wrong."""
        if len(text.strip()) > self.thanks_max_chars:
            return False
        rest = text
        for word in sorted(self.safe_answers, key=len, reverse=True):
            rest = rest.replace(word, "、")
        return rest != text and not self._still_wrong(rest)

    def _going_then_pointed(self, text: str, going: str) -> bool:
        """`going` ("都去") followed by a short name of the event and a pointer of two letters or
        more (那个, 活动; not 的: "孩子们都去上学的")."""
        at = text.find(going)
        rest = text[at + len(going) :] if at > 0 else ""
        pointers = tuple(p for p in self.sign_up_pointers if len(p) > 1)
        return 1 < len(rest) <= 8 and rest.endswith(pointers) and rest not in pointers

    def sign_up_kind(self, text: str) -> str | None:
        """ "always" for 我也报名 (also when more follows: "我也报名 周六上午有空") and for a short
        message ending in a sign_up_endings word ("我和我家老头子都去"),
        "after_notice" for +1 (also with who comes along: "我也去 带上我孙子"), "leave" for
        请个假, None for anything else."""
        told = text
        text = _bare(text)
        # "那天我在区里开会 请个假": leave, in a short message.
        if len(text) <= 30 and any(_bare(w) in text for w in self.leave):
            return "leave"
        # 我也报名 …, or anywhere in a short message: "我也去 给我留个位置".
        if any(text.startswith(_bare(w)) for w in self.sign_up) or (
            len(text) <= 20 and any(_bare(w) in text for w in self.sign_up)
        ):
            return "always"
        # "我和我家老头子都去": who comes along, then the going; the event may be pointed at right
        # after it ("我们老两口都去敬老院那个", day 35 R32).
        if len(text) <= 20 and any(
            text.endswith(_bare(w)) or self._going_then_pointed(text, _bare(w))
            for w in self.sign_up_endings
        ):
            return "always"
        # ... or in a clause of its own, the event pointed at after it ("我和老伴都去 测血压那个",
        # day 29 R35).
        if len(text) <= 30 and any(p.search(told) for p in self._sign_up_patterns):
            return "always"
        parts = [_bare(c) for c, _ in clauses(told) if _bare(c)]
        if parts and any(_bare(w) in parts[0] for w in self.sign_up_past):
            return None
        # "我家两个小子也报名 暑假在家天天打游戏": a sign-up word in the first clause (day 31 R17)
        if len(text) <= 40 and parts and any(_bare(w) in parts[0] for w in self.sign_up):
            return "always"
        # ... or pointing at its event before it, whatever reason follows ("义诊那个我和老伴都去
        # 他血压高 想量量", day 31 R18).
        if (
            len(text) <= 30
            and len(parts) > 1
            and any(parts[0].endswith(_bare(w)) for w in self.sign_up_endings)
            and (
                all(p.endswith(self.sign_up_pointers) for p in parts[1:])
                or any(_bare(w) in parts[0][1:] for w in self.sign_up_pointers)
            )
        ):
            return "always"
        # "周日扫落叶的算我一个 带上我闺女": a sign-up word, then who comes along (day 27 R19).
        if len(text) <= 30 and any(self._companions_after(text, w) for w in self.sign_up):
            return "always"
        after_notice = {_bare(w) for w in self.sign_up_after_notice}
        if text in after_notice:
            return "after_notice"
        # "包饺子几点开始来着 我也去": a question about the event, then the going as a clause of
        # its own (day 63 R39)
        if len(text) <= 30 and len(parts) > 1 and parts[-1] in after_notice:
            return "after_notice"
        # "我们老两口都去 我骑三轮车去拉绿豆汤": who comes along and the going as the first
        # clause, then what they will do there (day 53 R25): right under the event's notice
        if (
            len(text) <= 40
            and len(parts) > 1
            and len(parts[0]) <= 12
            and any(parts[0].endswith(_bare(w)) for w in self.sign_up_endings)
        ):
            return "after_notice"
        # "我也去 带上我孙子", "周六敬老院那个活动我也去 带上我孙子": a going word, then who
        # comes along.
        return "after_notice" if self.going_with(text) else None

    def _companions_after(self, bare: str, word: str) -> bool:
        """`word` stands in the (bare) text with a sign_up_companions word after it."""
        at = bare.find(_bare(word))
        return at >= 0 and any(_bare(c) in bare[at:] for c in self.sign_up_companions)

    def plain_sign_up(self, text: str) -> bool:
        """The message is a sign-up and nothing else: it opens with a sign_up word ("我也报名",
        "算我一个 理发那个"), ends with a sign_up_endings word ("我和我家老头子都去"), goes with
        someone (going_with), or holds one in a short message asking nothing ("周末包饺子那个我也
        参加"). Not a question that also signs up ("合唱队还收人不 我想报个名")."""
        bare = _bare(text)
        return (
            any(bare.startswith(_bare(w)) for w in self.sign_up)
            or (len(bare) <= 20 and any(bare.endswith(_bare(w)) for w in self.sign_up_endings))
            or self.going_with(text)
            or (
                len(bare) <= 20
                and any(_bare(w) in bare for w in self.sign_up)
                and _ASKS.search(text) is None
            )
        )

    def going_with(self, text: str) -> bool:
        """A going word followed by who comes along, in a short message ("我也去 带两个孩子",
        "周六敬老院那个活动我也去 带上我孙子", "+1 我们去两个人"): a sign-up in everyday words,
        never a bare "+1" (day 21 S65, R74)."""
        text = _bare(text)
        if len(text) > 30:
            return False
        for word in self.sign_up_after_notice:
            at = text.find(_bare(word))
            rest = text[at + len(_bare(word)) :] if at >= 0 else ""
            if rest and any(_bare(w) in rest for w in self.sign_up_companions):
                return True
            if rest and self.sign_up_party.size(rest) > 1:
                return True  # "+1 我们去两个人": who comes, counted (day 23)
        return False

    def claims_without_ref(self, text: str) -> bool:
        """ "我去看看", "好的，我来处理吧": the whole message is a claim word (ticket_verbs claim),
        with at most one acknowledgement before it and one particle after it
        (claim_without_ref), and no ticket number."""
        row = self.verb("claim")
        rules = self.claim_without_ref
        if row is None:
            return False
        words = {_bare(w) for w in row.words} - {_bare(w) for w in rules.not_alone}
        said = _bare(text)
        for before in ("", *(_bare(w) for w in rules.before)):
            if not said.startswith(before):
                continue
            rest = said[len(before) :]
            for after in ("", *(_bare(w) for w in rules.after)):
                if rest.endswith(after) and rest[: len(rest) - len(after)] in words:
                    return True
        return False

    def event_naming_part(self, text: str) -> str:
        """``text`` without the words that name no event (谢谢社区, 辛苦了): what may name one."""
        for word in sorted(self.names_no_event, key=len, reverse=True):
            text = text.replace(word, " ")
        return text

    def confirms_notice(self, text: str) -> bool:
        """收到 准时到: a reply to the latest event notice (sign_up_confirming)."""
        return any(_bare(w) in _bare(text) for w in self.sign_up_confirming)

    @cached_property
    def _sign_up_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.sign_up_patterns)

    def ends_with_going(self, text: str) -> bool:
        """周六敬老院的我去: a short message ending with a going word, with words before it."""
        bare = _bare(text)
        return len(bare) <= 20 and any(
            bare.endswith(_bare(w)) and len(bare) > len(_bare(w)) for w in self.sign_up_after_notice
        )

    def opens_with_going(self, text: str) -> bool:
        """扫雪的我去 我有铁锹: the first clause is one that ends_with_going, more said after."""
        first = _CLAUSE_BREAK.split(text.strip(), maxsplit=1)[0]
        return first != text.strip() and self.ends_with_going(first)

    def verb(self, name: str) -> TicketVerb | None:
        return next((row for row in self.ticket_verbs if row.verb == name), None)


# A question in a short message: a question particle or mark, or an A-not-A ending a clause
# (还收人不 我想报个名).
_ASKS = re.compile(r"[吗嘛么呢?？]|不(?:\s|$)")
# What ends a clause of a chat message: a space or a punctuation mark.
_CLAUSE_BREAK = re.compile(r"[\s,，.。!！?？;；、~～…]+")


@lru_cache(maxsize=4096)  # the table's words are bared again for every message
def _bare(text: str) -> str:
    """Letters, digits, CJK and + only: punctuation, spaces and emoji fall away."""
    return letters(unicodedata.normalize("NFKC", text), keep="+").lower()


def _consumed(text: str, words: tuple[str, ...]) -> bool:
    rest = _bare(text)
    if not rest:
        return any(not _bare(w) and w in text for w in words)  # 👍 alone
    ordered = _longest_first(words)
    while rest:
        word = next((w for w in ordered if rest.startswith(w)), None)
        if word is None:
            return False
        rest = rest[len(word) :]
    return True


@lru_cache(maxsize=64)
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({_bare(w) for w in words if _bare(w)}, key=len, reverse=True))


def load_chat_words(config_dir: Path) -> ChatWords:
    return load_model(config_files(config_dir, "commands.yaml"), ChatWords)


@cache
def default_chat_words() -> ChatWords:
    """The repository's table (tests and callers without a loaded community)."""
    from service.settings import REPO_ROOT

    return load_chat_words(REPO_ROOT / "config")


def place_after_number(words: ChatWords, rest: str) -> bool:
    """What follows a loose "N号" makes it a place or a count ("3号楼", "2号门", "5号点"), not
    a ticket number; "26号门禁" is the ticket of the card reader (`loose_ref_yet_before`)."""
    return rest.startswith(words.loose_ref_not_before) and not rest.startswith(
        words.loose_ref_yet_before
    )
