"""Reading chat commands with the tables of config/commands.yaml (service.community.chatwords).

- ticket references: `#12`, `＃12`, `12号工单`, `工单12`, `2号 已处理`, `49 收到我来`,
  `17号 老人已经送医院了` (staff groups only, never `3号楼`), and a quote-reply to the bot's
  notice (the number is taken from the quoted text);
- ticket verbs after the reference, at its start (`#12 办完了 换了灯泡`) or, when unambiguous
  and not negated, at its end (`#12 换了新灯泡，已处理`);
- words on their own: `待办`, `统计`, `我的工单`, `工单 #12`, `满意 [#12]`, `不满意 [#12] 原因`;
- an unknown word after `#12` is answered with the closest commands (`suggestions`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace

from service.community.chatwords import (
    ChatWords,
    TicketVerb,
    default_chat_words,
    place_after_number,
)
from service.textclean import clauses
from service.understanding.normalise import to_simplified

MAX_REF_DIGITS = 10
_EVENT_REF = re.compile(r"^#\s*[Ee]\d+")
_DETAIL = re.compile(r"^工单\s*(?:#\s*(?P<ref>\S+)|(?P<num>\d+))$")
# After a verdict word at the start of a message (ticket_verbs satisfied/unsatisfied): a number
# and the reason ("不满意 #3 还是不亮").
_AFTER_VERDICT = re.compile(r"^\s*(?:#\s*(?P<ref>\d+))?[\s，,：:。!！]*(?P<rest>.*)$", re.S)
_VERDICTS = ("satisfied", "unsatisfied")
_PARTICLES = "了啊呀吧哦哈啦"
_TRAILING_REF = re.compile(r"^(?P<body>[^#]*[^#\s])\s*#\s*(?P<n>\d{1,10})[\s。.!！]*$", re.S)
# "电梯我们修不了 #1 转物业": the number in the middle of a staff sentence.
_MIDDLE_REF = re.compile(
    r"^(?P<before>[^#]*[^#\s])\s*#\s*(?P<n>\d{1,10})\s+(?P<after>[^#]+)$", re.S
)
_QUOTED_NUMBER = re.compile(r"#\s*(\d{1,10})(?!\d)")
# A ticket number inside a staff sentence, not at its start ("好的 #3 我们去找402", "配电房进水的
# 10号 我已经到现场了 接单"): `#3` anywhere, or `10号` standing alone between spaces.
_INSIDE_REF = re.compile(
    r"#\s*(?P<n>\d{1,10})(?!\d)|(?:(?<=[\s，,。；;])|^)(?P<loose>\d{1,10})号(?=[\s，,。；;]|$)"
)
_TRIM = " ：:，,。.!！~～、"


@dataclass(frozen=True)
class TicketCommand:
    ticket_id: int | None  # None when the reference after # is not a number
    ref: str
    verb: str
    argument: str
    loose: bool = field(default=False, compare=False)  # "2号 已处理": staff groups only
    said: str = field(default="", compare=False)  # everything after the reference
    # A closing told as a sentence, no command word ("#12 已关总阀 阿婆没事"): staff groups only.
    sentence: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class UnknownTicketCommand:
    """Starts with # but is no command we know; ticket_id None when no number follows."""

    ticket_id: int | None
    said: str = field(default="", compare=False)


@dataclass(frozen=True)
class WordCommand:
    """A command without a leading ticket number: 待办, 统计, 我的工单, 工单 #12."""

    verb: str
    ticket_id: int | None = None
    ref: str = ""


@dataclass(frozen=True)
class Rating:
    satisfied: bool
    ticket_id: int | None
    reason: str

    @property
    def is_bare(self) -> bool:
        """Only the verdict (and a number): clearly meant as a rating, never a new report."""
        return not self.reason


Command = TicketCommand | UnknownTicketCommand | WordCommand | Rating

# Only the parts commands are made of are folded (＃, full-width digits and spaces), so a
# note such as "已联系电工，明天来" keeps its punctuation.
_FOLD = str.maketrans({"＃": "#", "\u3000": " ", **{chr(0xFF10 + d): str(d) for d in range(10)}})


def normalise(text: str) -> str:
    """Full-width signs and digits folded, traditional characters read as simplified ("#3 接單",
    "#3 進度" are the commands their simplified forms are)."""
    return to_simplified(text.translate(_FOLD)).strip()


def _number(ref: str) -> int | None:
    # str.isdigit also accepts ² and other digits int() refuses.
    return int(ref) if ref.isascii() and ref.isdigit() and len(ref) <= MAX_REF_DIGITS else None


def _transfer_pattern(phrase: str) -> re.Pattern[str]:
    before, after = (re.escape(part) for part in phrase.split("{target}"))
    # "转物业了": ending in {target}, the group's words run to a space or punctuation.
    end = after or r"(?=$|[\s，,。；;！!？?、了吧啦呢])"
    return re.compile(rf"{before}\s*(?P<target>[^\s，,。；;！!？?、]{{1,12}}?){end}")


# A particle a command word leaves behind ("我来吧 …", "我来了 …"), followed by a space.
_LEFT_PARTICLE = re.compile(r"^[吧了啊呀哈嘛哦啦]+(?=\s)")

# What a loose number followed by a space and this word tells: the sender arrived somewhere.
_ARRIVED = "到"


def _told_in(words: str, text: str) -> bool:
    """`words` repeat `text`: each letter in it, and each pair of letters side by side ("下水道"
    of "下水道堵了"), never letters of it scattered ("门口撒盐" is new work on "门口台阶结冰了
    …请物业撒点盐"; street check 14 X19)."""
    pairs = {words[i : i + 2] for i in range(len(words) - 1)}
    return set(words) <= set(text) and all(p in text for p in pairs)


@dataclass(frozen=True)
class Grammar:
    """The compiled tables: reference patterns, verb words longest first, whole-message words."""

    words: ChatWords
    refs: tuple[tuple[re.Pattern[str], bool], ...]
    verb_words: tuple[tuple[str, str], ...]  # (word, verb), longest word first
    whole: dict[str, str]
    quote: re.Pattern[str]
    transfers: tuple[re.Pattern[str], ...]
    results: re.Pattern[str] | None  # result_states: "通开了", "热乎了", "不漏了"
    trailing_loose: re.Pattern[str] | None  # trailing_ref: "已经修好了 63号"
    loose_anywhere: re.Pattern[str] | None  # trailing_ref: "电表箱那个 44号搞定了"

    @classmethod
    def of(cls, words: ChatWords) -> Grammar:
        verb_words = sorted(
            ((w, row.verb) for row in words.ticket_verbs for w in row.words),
            key=lambda pair: len(pair[0]),
            reverse=True,
        )
        whole = {w: verb for verb, ws in words.words.items() for w in ws}
        return cls(
            words,
            tuple((ref.regex(), ref.verb_required) for ref in words.ticket_refs),
            tuple(verb_words),
            whole,
            re.compile(words.quote_reply, re.S),
            tuple(_transfer_pattern(phrase) for phrase in words.transfer_phrases),
            words.result_states.regex(),
            words.trailing_ref.regex(),
            words.trailing_ref.anywhere(),
        )

    # -- verbs -------------------------------------------------------------------------

    def _negated(self, text: str, start: int) -> bool:
        return any(text[:start].endswith(n) for n in self.words.negations)

    def _asks_after(self, text: str, end: int) -> bool:
        """A question word right after text[:end] ("修好了没", "通了吗")."""
        return text[end:].startswith(self.words.question_after)

    def verb_at_start(self, rest: str) -> tuple[str, str] | None:
        for word, verb in self.verb_words:
            if rest.startswith(word):
                if self._asks_after(rest, len(word)):
                    return None  # "#3 修好了没" asks, it does not close
                after = rest[len(word) :]
                done = self.verb_inside(after) if verb == "claim" else None
                if done is not None and done[0] == "resolve":
                    # "18号 去看过了 修好了", "#3 我到了 已处理": been there, and done
                    return "resolve", done[1]
                return verb, after
        return None

    def verb_inside(self, rest: str) -> tuple[str, str] | None:
        """A command word later in the message, not negated and not in a question: at the end
        ("换了新灯泡，已处理": the rest is the note) or inside ("电梯修好了 维保换了门机板": the
        whole message is the note). Words of two different commands make it no command."""
        body = rest.rstrip(_TRIM)
        if not body or body.endswith(self.words.question_after) or self._failed_again(body):
            return None
        refused: list[str] = []
        for word, verb in self.verb_words:
            start = len(body) - len(word)
            if len(word) < 2 or not body.endswith(word) or verb == "note":
                continue  # (a note's words command at the start only: see below)
            if any(longer.endswith(word) for longer in refused):
                continue  # "快修好了" refused, so its "好了" is not read alone
            if self._negated(body, start) or self._later(body, start, word):
                refused.append(word)  # "下午能修好", "还没修好", "半小时修好"
            else:
                # "…，已处理" leaves the note before it; "窗户玻璃换好了" is the note itself.
                glued = start > 0 and body[start - 1] not in _TRIM
                return verb, body if glued else body[:start]
        # "已派人去修，下午能修好": the closing words inside speak of later; "灯泡买好了 下午
        # 就换" ends with the work still to do. A hand-over still stands ("20号我们收回来 我直接
        # 跟供电所联系": the work to come is theirs; day 59 S40).
        later = self.still_to_come(body) or self.plans_later(body)
        found: set[str] = set()
        spans: list[tuple[int, int]] = []  # refused words: no shorter word inside them counts
        for word, verb in self.verb_words:
            if verb == "note":
                # A note's words command at the start only ("#3 备注 …"); inside, they are words
                # of the sentence ("到服务站登记一下就行" is an answer, not 记一下; day 34 S48).
                continue
            at = body.find(word)
            while len(word) >= 2 and at >= 0:
                end = at + len(word)
                if any(a <= at and end <= b for a, b in spans):
                    pass
                elif self._negated(body, at) or self._later(body, at, word):
                    spans.append((at, end))
                elif not later or verb in self.words.verbs_whatever_comes:
                    found.add(verb)
                at = body.find(word, at + 1)
        return (found.pop(), body) if len(found) == 1 else None

    def _later(self, body: str, at: int, word: str) -> bool:
        """The closing word at `at` speaks of later: after a later_before word ("下午能修好"), or
        after how long it will take with no 了 ("二十分钟修好"; "花了二十分钟修好了" is done)."""
        before = body[:at]
        if before.endswith(self.words.later_before):
            return True
        done = word.endswith("了") or body[at + len(word) :].startswith("了")
        return before.endswith(self.words.later_durations) and not done

    def rating(self, text: str) -> Rating | None:
        """A verdict (the satisfied and unsatisfied rows of ticket_verbs) at the start of a
        message, with a number and a reason after it ("不满意 #3 还是不亮", "不是很满意 还是凉"),
        or 不满意 at the end of a complaint with no number ("说是说了 一点用没有 不满意")."""
        for word, verb in self.verb_words:
            if verb in _VERDICTS and text.startswith(word):
                after = _AFTER_VERDICT.match(text[len(word) :])
                if after is not None:
                    ref = after["ref"]
                    reason = after["rest"].strip()
                    return Rating(verb == "satisfied", int(ref) if ref else None, reason)
        if text.lstrip().startswith(("#", "＃")):
            return None
        reason = self.unsatisfied_at_end(text)
        if reason is None:
            reason = self.unsatisfied_clause(text)
        if reason is None:
            satisfied = self.satisfied_at_end(text)
            return None if satisfied is None else Rating(True, None, satisfied)
        return Rating(False, None, reason)

    def satisfied_at_end(self, text: str) -> str | None:
        """What comes before a satisfied verdict that ends the message in a clause of its own
        ("昨晚果然没打电钻 满意", "电也来了 冰箱又转起来了 满意"; day 44 SR27, SR21); None when it
        does not end so, or the verdict is negated or asked ("能满意吗")."""
        body = text.strip().rstrip(_TRIM + _PARTICLES)
        parts = [c.strip(_TRIM) for c, _ in clauses(body)]
        if len(parts) < 2:
            return None
        for word, verb in self.verb_words:
            if verb == "satisfied" and parts[-1] == word:
                start = len(body) - len(word)
                if self._negated(body, start) or self._asks_after(text.strip(), len(body)):
                    return None
                return " ".join(parts[:-1])
        # ... or ending the first clause, a remark after it ("车库那个满意 就是来得太慢了"; day
        # 45 SR04)
        first = parts[0]
        for word, verb in self.verb_words:
            if verb == "satisfied" and first.endswith(word) and len(first) > len(word):
                start = len(first) - len(word)
                if self._negated(first, start) or self._asks_after(body, len(first)):
                    return None
                return " ".join(parts)
        return None

    def unsatisfied_clause(self, text: str) -> str | None:
        """An unsatisfied verdict that is a clause of its own inside a complaint ("水是抽干了 可我
        的车泡坏了 不满意 物业得给个说法"; day 43 SR16): the rest of the message is the reason;
        None when no clause is one."""
        verdicts = {w for w, verb in self.verb_words if verb == "unsatisfied"}
        parts = [c.strip(_TRIM) for c, _ in clauses(text)]
        said = [p.rstrip(_PARTICLES) in verdicts for p in parts]
        if not any(said[1:-1]):
            return None
        return " ".join(p for p, verdict in zip(parts, said, strict=True) if p and not verdict)

    def unsatisfied_at_end(self, text: str) -> str | None:
        """The complaint before an unsatisfied verdict that ends the message ("我家3单元还是温吞吞
        的 不满意" gives "我家3单元还是温吞吞的"); None when it does not end so, or when the
        verdict is negated or asked ("没有不满意", "你们不满意吗")."""
        body = text.strip().rstrip(_TRIM + _PARTICLES)
        for word, verb in self.verb_words:
            if verb == "unsatisfied" and body.endswith(word):
                start = len(body) - len(word)
                if self._negated(body, start) or self._asks_after(text.strip(), len(body)):
                    return None
                return body[:start].strip(_TRIM)
        return None

    def _has(self, sentence: str, words: tuple[str, ...], unasked: bool = False) -> bool:
        """One of the words, not negated; with `unasked`, nor asked right after it ("楼道灯换了没
        都一个月了": sixth street trial S41)."""
        for word in words:
            at = sentence.find(word)
            while at >= 0:
                asked = unasked and self._asks_after(sentence, at + len(word))
                if not self._negated(sentence, at) and not asked:
                    return True
                at = sentence.find(word, at + 1)
        return False

    def still_to_come(self, sentence: str) -> bool:
        """A word saying more is to come, not inside a done word ("联系上了" is done) and not
        told as past ("又去看了", "等了半天": done_clause.past_after right after it)."""
        sentence = self.without_arrangements(sentence)
        if any(w in sentence for w in self.words.under_way):
            return True  # "已经关阀在抢修了": the repair under way
        for word in sorted(self.words.done_signs, key=len, reverse=True):
            sentence = sentence.replace(word, "、")
        past = self.words.done_clause.past_after
        for word in self.words.still_to_come:
            at = sentence.find(word)
            while at >= 0:
                if not past or not sentence[at + len(word) :].startswith(past):
                    return True
                at = sentence.find(word, at + 1)
        return False

    def without_arrangements(self, sentence: str) -> str:
        """The sentence without the standing arrangements it tells ("跟保洁说了每天下午再收一次"
        keeps "跟保洁说了"): from an arrangements word to the end of its clause, how things will
        go from now on, never work still to come (day 20, S36)."""
        if not self.words.arrangements:
            return sentence
        kept = []
        for clause, separator in clauses(sentence):
            ats = [at for w in self.words.arrangements if (at := clause.find(w)) >= 0]
            kept.append((clause[: min(ats)] if ats else clause) + separator)
        return "".join(kept)

    def _done_clause(self, sentence: str) -> bool:
        """A clause that ends as work done ("跟广场舞队长谈了", "门禁系统重启了"), not negated, not
        of later or a new failure ("快好了", "又坏了"), not someone on it ("在修了"), not only a
        step on the way ("去看了", "配件到了"): done_clause in config/commands.yaml."""
        rule = self.words.done_clause
        if not rule.endings:
            return False
        for clause, _ in clauses(sentence):
            if (
                clause.endswith(rule.endings)
                and len(clause) >= 3
                and not any(word in clause for word in rule.steps + self.words.claim_signs)
                and not any(word in clause for word in self.words.negations)
                and not any(w in clause for w in rule.not_yet + self.words.later_before)
            ):
                return True
        return False

    def closing_without_ref(self, text: str) -> str | None:
        """A staff sentence with no ticket number that closes with a command word ("老鼠药已经投放了
        处理完了"): the note, else None. Two-character words ("好了") and done signs ("没事")
        are too common in chat to count without a number."""
        body = normalise(text).strip(_TRIM)
        if not body or body.startswith("#"):
            return None
        closing = [word for word, verb in self.verb_words if verb == "resolve" and len(word) > 2]
        closed_at_end = body.endswith(tuple(closing))
        if (
            self.still_to_come(body)
            and not self._has(body, self.words.safe_now_signs)
            and not closed_at_end
        ):
            # ... unless everyone is safe now, whatever repair follows ("电工来了把总闸拉了 明天换
            # 电表箱 人都没事 处理好了", day 34 S85), as says_done reads it, or it ends closing in
            # so many words ("总阀关了 水抽干了 … 物业下午来换 已处理"; street check 10c), as
            # "#5 … 已处理" would
            return None
        found = self.verb_inside(body)
        if found is not None and found[0] == "resolve":
            long_word = any(
                len(word) > 2 and verb == "resolve" and word in body
                for word, verb in self.verb_words
            )
            # ... or a short one said as the last word after what was done ("地下室的水抽干了
            # 配电箱没泡着 搞定", day 22 S04).
            said = [c.strip(_TRIM) for c, _ in clauses(body) if c.strip(_TRIM)]
            last_word = len(said) > 1 and any(
                verb == "resolve" and said[-1] == word for word, verb in self.verb_words
            )
            if long_word or last_word:
                return body
        if self._has(body, self.words.closings_without_ref) and self.says_done(body):
            return body  # "跟401说好了 中午不施工", "垃圾清走了" (day 20)
        return None

    def result_without_ref(self, text: str) -> str | None:
        """A staff sentence with no ticket number telling the state things are in now
        ("下水道通了", "热乎了"): the sentence, for the caller to match to a ticket by its
        words; else None."""
        body = normalise(text).strip(_TRIM)
        if not body or body.startswith("#") or not self.says_result(body):
            return None
        return body

    def says_safe_now(self, sentence: str) -> bool:
        """The person of an emergency is safe now or in care ("人是清醒的 120拉走了":
        safe_now_signs), not negated nor asked."""
        return self._has(normalise(sentence), self.words.safe_now_signs, unasked=True)

    def says_safe_in_hand(self, sentence: str) -> bool:
        """A numberless staff sentence saying the person of an emergency they hold is all right
        ("老人膝盖擦破点皮 上了药 没事了": safe_in_hand_signs), not asked, not failed again,
        nothing still to come."""
        body = normalise(sentence).strip(_TRIM)
        return (
            bool(body)
            and not body.startswith("#")
            and self._has(body, self.words.safe_in_hand_signs)
            and not self._asks(body)
            and not self._failed_again(body)
            and not self.still_to_come(body)
        )

    def says_done(self, sentence: str) -> bool:
        """A staff sentence with no command word that says the work is done and nothing more is
        to come: "燃气公司来了，已关总阀，阿婆没事", or where the person of an emergency is now:
        "老人让120接走了" (done_signs and safe_now_signs in config/commands.yaml)."""
        if self._asks(sentence) or self._failed_again(sentence):
            return False
        if any(self._asks(clause) for clause, _ in clauses(sentence)):
            # "楼道灯换了没 都一个月了 请李网格长今天盯一下": a clause asks whether it is done
            # (sixth street trial S41)
            return False
        if self._has(sentence, self.words.safe_now_signs, unasked=True):
            # "三个人都接出来了 电梯停用等检修": the emergency is over whatever repair follows.
            return True
        if self.plans_later(sentence):
            # "#30 联系上502业主了 晚上回来关阀门": the work itself is still to come.
            return False
        return not self.still_to_come(sentence) and (
            self._has(sentence, self.words.done_signs, unasked=True)
            or self.says_result(sentence)
            or self._done_clause(sentence)
        )

    def tells_something_done(self, sentence: str) -> bool:
        """A staff sentence telling something done, whatever the words ("坡道撒了融雪剂 铺了
        草垫子"): a 了, not asked, nothing failed again, nothing still to come."""
        return (
            "了" in sentence
            and not self._asks(sentence)
            and not self._failed_again(sentence)
            and not self.still_to_come(sentence)
        )

    def _failed_again(self, sentence: str) -> bool:
        """ "刚修好又坏了", "换了还是不亮": a new failure (failed_again in config/commands.yaml)."""
        return any(word in sentence for word in self.words.failed_again)

    def asks(self, sentence: str) -> bool:
        """The sentence asks ("修好了吗", "到底管不管？")."""
        return self._asks(sentence)

    def _asks(self, sentence: str) -> bool:
        body = sentence.rstrip(_TRIM)
        return (
            "?" in body
            or "？" in body
            or body.endswith(self.words.question_after)
            or _A_NOT_A.search(body) is not None  # "物业到底管不管"
        )

    def says_result(self, sentence: str) -> bool:
        """The sentence tells the state things are in now ("通开了", "热乎了", "下水道通了",
        "已经不漏了": result_states in config/commands.yaml), not negated ("还没通", "不热了"),
        not of later ("马上就通了"), not asked ("通了吗", "通了没"), nothing still to come."""
        if self.results is None or self.still_to_come(sentence) or self.plans_later(sentence):
            # "602业主电话打通了 … 说让他亲戚下午过来开门": the work is still to come (day 58c S07)
            return False
        for match in self.results.finditer(sentence):
            if (
                not self._negated(sentence, match.start())
                and not sentence[: match.start()].endswith(self.words.later_before)
                and not self._asks_after(sentence, match.end())
            ):
                return True
        return False

    def unreferenced_update(self, text: str) -> str | None:
        """A staff sentence that names no ticket but is news about one: "safe" when it says the
        person of an emergency is safe now ("20号 …已经送医院了 人没事": safe_now_signs), "update"
        when it starts with a number that is no ticket reference ("18号 灯已经换了") and says the
        work is done or someone is on it; else None (chatter)."""
        body = normalise(text).strip(_TRIM)
        if not body or body.startswith("#"):
            return None
        if not self.still_to_come(body) and self._has(body, self.words.safe_now_signs):
            return "safe"
        for pattern, verb_required in self.refs:
            match = pattern.match(body) if verb_required else None
            if match is not None and (
                self.says_done(match["rest"]) or self.says_on_it(match["rest"])
            ):
                return "update"
        return None

    def transfers_said(self, sentence: str) -> list[str]:
        """Where a staff sentence speaks of a transfer ("…我们弄不了 转物业", "得交物业处理"):
        the words after each transfer_phrases match (not after a negation) that may name the
        group, for the caller to try against the community's groups."""
        return [
            match["target"]
            for pattern in self.transfers
            for match in pattern.finditer(sentence)
            if not self._negated(sentence, match.start())
        ]

    def tells_work_done(self, sentence: str, category: str) -> bool:
        """On a ticket of work_done_by_category (config/commands.yaml) the visit or the help is
        the work itself: "看过了 老人挺好 帮她买了药" on a care ticket is done, unless it asks,
        tells a new failure or says more is to come ("明天再去")."""
        signs = self.words.work_done_by_category.get(category, ())
        if not signs or not self._has(sentence, signs):
            return False
        rest = sentence  # "去看望了": its 去看 is the visit made, not one to come
        for word in sorted(signs, key=len, reverse=True):
            rest = rest.replace(word, "、")
        # "我下班顺路去药店买了给您送上去": the help is yet to be given (day 59 S28)
        return not (
            self._asks(sentence)
            or self._failed_again(sentence)
            or self.still_to_come(rest)
            or self.plans_later(sentence)
        )

    def loose_refs(self, text: str) -> list[tuple[int, str]]:
        """The (number, rest) of a loose reference at the start ("44号 陈奶奶我去看过了"), for a
        caller that knows the ticket to read the rest; [] when there is none, nor for a place
        ("1号楼道灯的那个 怎么还没弄": building 1, not ticket 1; place_after_number)."""
        body = normalise(text).strip(_TRIM)
        found = []
        for pattern, verb_required in self.refs:
            match = pattern.match(body) if verb_required else None
            if match is None or match["n"] is None:
                continue
            rest = match["rest"]
            # "32号 到1302了": a space, then where the sender got to, never a range "3号到5号"
            # (day 64 S079)
            arrived = rest[:1].isspace() and rest.lstrip().startswith(_ARRIVED)
            if place_after_number(self.words, rest.lstrip()) and not arrived:
                continue
            found.append((int(match["n"]), match["rest"].strip(_TRIM)))
        return found

    def numbers_said(self, text: str) -> list[tuple[int, str]]:
        """Loose ticket numbers anywhere in a staff sentence ("电表箱那个 44号搞定了", "搞定了
        是22号单子"): (number, the phrase that names it), never a place or a date (3号楼,
        2号单元, 12月2号: loose_ref_not_before after the 号, trailing_ref.not_after before it)."""
        if self.loose_anywhere is None:
            return []
        text = normalise(text)
        found = []
        for match in self.loose_anywhere.finditer(text):
            mark = text.index("号", match.end("n"))
            if place_after_number(self.words, text[mark + 1 :]):
                continue
            if text[: match.start("n")].rstrip().endswith(self.words.trailing_ref.not_after):
                continue
            found.append((int(match["n"]), match[0]))
        return found

    def result_note(self, note: str, ticket_id: int, ticket_text: str = "") -> str:
        """What a closing of ticket `ticket_id` says was done (result_note in
        config/commands.yaml): "22号单子搞定了 换了新的" → "换了新的", "搞定了 是22号单子" → "".
        A clause without a closing word that only repeats the ticket's own words ("下水道")
        names the ticket, and is dropped too."""
        text = re.sub(
            rf"(?:工单)?#\s*{ticket_id}(?!\d)|{ticket_id}\s*号工单|工单\s*{ticket_id}(?!\d)",
            " ",
            normalise(note),
        )
        for number, phrase in self.numbers_said(text):
            if number == ticket_id:
                text = text.replace(phrase, " ", 1)
        rule = self.words.result_note
        bare_words = sorted(
            [w for w, verb in self.verb_words if verb == "resolve"] + list(rule.fillers),
            key=len,
            reverse=True,
        )
        kept = []
        closing = {w for w, verb in self.verb_words if verb == "resolve"}
        for clause, separator in clauses(text):
            bare = clause.strip(_TRIM + "…")
            for word in bare_words:
                bare = bare.replace(word, "")
            named_only = (
                _told_in(bare, ticket_text)
                and not any(w in clause for w in closing)
                and not clause.strip(_TRIM + "…").endswith(rule.told_done_endings)
            )
            if bare and not named_only and not self._only_points(clause, closing):
                kept.append(clause + separator)
        return "".join(kept).strip(_TRIM)

    def _only_points(self, clause: str, closing: set[str]) -> bool:
        """A clause that only points at the ticket: "楼道灯那个", "那个老人的"."""
        rule = self.words.result_note
        said = clause.strip(_TRIM + "…")
        if said.endswith(rule.pointer_endings):
            return True
        return (
            said.startswith(rule.pointer_starts)
            and len(said) <= rule.pointer_max_chars
            and not any(w in said for w in closing)
            and not said.endswith(rule.told_done_endings)
        )

    def subject_left(self, note: str, filler: str) -> set[str]:
        """The letters of a closing with no number that name what was done, once its closing
        words are out ("电梯修好了 换了个继电器" leaves 电梯继电器; "处理完了 搞定" nothing)."""
        words = [w for w, _ in self.verb_words] + list(self.words.done_signs)
        for word in sorted(words, key=len, reverse=True):
            note = note.replace(word, "、")
        return {c for c in note if c.isalpha() and c not in filler}

    def subject_said(self, note: str) -> str:
        """A closing without its closing words and the words that name no ticket: who did the
        work and when (names_no_ticket), and its numbers: "11号 人昨天就被消防接出来了" leaves
        "、号 人、就被、接、"."""
        words = [w for w, _ in self.verb_words]
        words += [*self.words.done_signs, *self.words.names_no_ticket]
        for word in sorted(words, key=len, reverse=True):
            note = note.replace(word, "、")
        return re.sub(r"[#＃]?\d+", "、", note)  # a number ("11号") is no word of a ticket

    def says_on_it(self, sentence: str) -> bool:
        """ "已派人去修，下午能修好", "已经报警了，我带志愿者去找": someone is on it."""
        return self._has(sentence, self.words.claim_signs)

    def plans_after_claim(self, sentence: str) -> bool:
        """ "我们接了 下午换管", "我来 下午修好": someone takes it (a claim word or a claim
        sign) and a clause tells what they will do later (claim_plans), not as done; no other
        clause closes ("已联系助餐点 每天中午送餐上门，搞定" is done)."""
        claim_words = [w for w, verb in self.verb_words if verb == "claim"]
        if not (self.says_on_it(sentence) or self._has(sentence, tuple(claim_words))):
            return False
        closing = tuple(w for w, verb in self.verb_words if verb == "resolve" and len(w) > 1)
        planned = False
        for clause, _ in clauses(sentence):
            if any(word in clause for word in self.words.claim_plans):
                planned = planned or self._planned(clause)
            elif self._has(clause, closing):
                return False
        return planned

    def plans_to_go(self, sentence: str) -> bool:
        """ "扶手那个我们明天上午去焊", "明早让师傅去焊上": a clause with a time to come
        (claim_plans) and, after it, going to do it (claim_plan_goes), not told as done nor
        as going again ("明天再去看看": claim_plan_again, a visit made)."""
        for clause, _ in clauses(sentence):
            for word in self.words.claim_plans:
                at = clause.find(word)
                if at < 0 or not self._planned(clause):
                    continue
                after = clause[at + len(word) :]
                if any(again in after for again in self.words.claim_plan_again):
                    continue
                if any(go in after for go in self.words.claim_plan_goes):
                    return True
        return False

    def plans_later(self, sentence: str) -> bool:
        """The sentence ends with what will be done at a time to come ("联系上502业主了 晚上回来
        关阀门": a claim_plans word in its last clause), not ending as done ("下午电工来换了开关")
        and holding no done sign. Told before a closing ("周日下午可以借 已跟骆先生讲了"), a time
        is part of the answer."""
        said = [c for c, _ in clauses(sentence) if c.strip(_TRIM)]
        last = said[-1] if said else ""
        if re.search(self.words.promised_by, last) and self._planned(last):
            return True  # "草垫十二点前铺好" (street check 12 X17)
        if any(w in last for w in self.words.future_words) and not self._asks(last):
            return True  # "我明早叫保洁清了" (day 61 S69)
        return (
            any(word in last for word in self.words.claim_plans)
            and self._planned(last)
            and not self._has(last, self.words.done_signs)
        )

    def _planned(self, clause: str) -> bool:
        """A clause of a time to come tells a plan: not told as done, not an arrangement made
        ("每天下午再收一次", "以后中午都不施工")."""
        if any(word in clause for word in self.words.arrangements):
            return False
        return not clause.rstrip(_TRIM).endswith(self.words.done_clause.endings)

    def only_thanks_someone(self, sentence: str) -> bool:
        """ "好的 辛苦韩涛了", "谢谢刘值班", "谢谢韩涛 处理得很及时": a thanks word (thanks_words),
        and besides it only an acknowledgement, praise (staff_praise), particles and a name (at
        most THANKED_NAME_CHARS letters)."""
        words = self.words
        if not any(w in sentence for w in words.thanks_words):
            return False
        rest = sentence
        kind = (*words.thanks_words, *words.staff_praise, *_ACKNOWLEDGED)
        for word in sorted(kind, key=len, reverse=True):
            rest = rest.replace(word, "")
        rest = "".join(c for c in rest if c.isalnum() and c not in _THANKS_PARTICLES)
        return len(rest) <= THANKED_NAME_CHARS and not any(c.isdigit() for c in rest)

    def without_help_called(self, sentence: str) -> str:
        """The sentence without its clauses telling only that help was called (`help_called`:
        "已经打119了"): what it says done besides."""
        pattern = self.words.help_called
        if not pattern:
            return sentence
        kept = [c for c, _ in clauses(sentence) if not re.search(pattern, c.strip(_TRIM))]
        return " ".join(kept)

    def going_now(self, sentence: str) -> bool:
        """A clause that is only an `on_the_way` phrase ("收到 我去找"), never a going somewhere
        named ("我去吃个饭")."""
        ways = self.words.on_the_way
        carrying = self.words.on_the_way_carrying
        return any(
            clause.strip(_TRIM) in ways
            or bool(carrying and re.match(carrying, clause.strip(_TRIM)))
            for clause, _ in clauses(sentence)
        )

    def on_the_way(self, sentence: str) -> bool:
        """A clause of its own says the writer is on the way now (`on_the_way`) and the danger
        is not said to be over: "我现在过去 先让物业把总阀关了" claims, never closes."""
        ways = self.words.on_the_way
        said = [clause.strip(_TRIM) for clause, _ in clauses(sentence)]
        going = any(c in ways or self._going_to(c) or self._ends_on_the_way(c) for c in said)
        return going and not self._has(sentence, self.words.safe_now_signs, unasked=True)

    def _ends_on_the_way(self, clause: str) -> bool:
        """ "我穿上衣服马上过去" (day 56b L092): a clause ending with an `on_the_way` phrase of
        four letters or more, nothing before it said done."""
        for way in self.words.on_the_way:
            if len(way) >= 4 and clause.endswith(way):
                return not any(c in clause[: -len(way)] for c in "了完")
        return False

    def _going_to(self, clause: str) -> bool:
        """ "我去东门", "我们马上去公园那边": going somewhere named, nothing said done."""
        words = self.words
        for start in sorted(words.on_the_way_to, key=len, reverse=True):
            if clause.startswith(start):
                place = clause[len(start) :]
                return 0 < len(place) <= words.on_the_way_place_chars and not any(
                    c in place for c in "了过完"
                )
        return False

    def ends_going(self, sentence: str) -> bool:
        """The last clause says the writer is going ("…我带上热风枪过去"), not asked."""
        said = [clause.strip(_TRIM) for clause, _ in clauses(sentence)]
        last = said[-1] if said else ""
        return last.endswith(self.words.going_endings) and not self._asks(last)

    def says_on_it_unasked(self, sentence: str) -> bool:
        """Someone is on it, said clearly enough to claim with no number: a claim sign that is
        not one of the general words of chat alone ("我去吃个饭", "我来统计一下人数": 我去, 我来
        are claim_signs_general), or a claim command word ("我去看看那个送饭的")."""
        claim_words = [w for w, verb in self.verb_words if verb == "claim" and len(w) > 2]
        if any(w in sentence for w in claim_words):
            return True
        for word in sorted(self.words.claim_signs_general, key=len, reverse=True):
            sentence = sentence.replace(word, "、")
        return self._has(sentence, self.words.claim_signs)

    def suggestions(
        self, said: str, limit: int = 3, staff: bool = True, kind: str | None = None
    ) -> list[TicketVerb]:
        """The commands of one side (staff or residents) whose words look most like what was
        typed, among those that make sense in a group of this kind."""
        said = said.strip(_TRIM)[:8]
        side = {
            row.verb
            for row in self.words.ticket_verbs
            if row.staff == staff and row.suggested_in(kind)
        }
        scored: dict[str, float] = {}
        for word, verb in self.verb_words:
            if verb not in side:
                continue
            score = difflib.SequenceMatcher(None, said, word).ratio()
            score += 0.5 * len(set(said) & set(word)) / max(len(word), 1)
            scored[verb] = max(scored.get(verb, 0.0), score)
        ranked = sorted(scored, key=lambda v: (-scored[v], self._order(v)))
        rows = [self.words.verb(v) for v in ranked if scored[v] > 0.3][:limit]
        found = [row for row in rows if row is not None]
        for fallback in ("claim", "resolve", "transfer") if staff else ("progress", "satisfied"):
            row = self.words.verb(fallback)
            if len(found) < limit and row is not None and row not in found and row.verb in side:
                found.append(row)
        return found

    def _order(self, verb: str) -> int:
        return next(i for i, row in enumerate(self.words.ticket_verbs) if row.verb == verb)

    # -- parsing -------------------------------------------------------------------------

    def ref_inside(self, text: str) -> tuple[Command, bool] | None:
        """A staff sentence with one ticket number inside it, not at its start ("好的 #3
        我们去找402", "广场舞的事 #8 我去跟领队谈谈"): the sentence read as if the number came
        first, and whether the number was loose (`10号`: the caller checks the ticket is the
        sender's, else it may be a day). None with no such number, or with several."""
        text = normalise(text)
        found = [m for m in _INSIDE_REF.finditer(text) if m.start() > 0]
        if len(found) != 1 or len(_INSIDE_REF.findall(text)) != 1:
            return None
        match = found[0]
        before, after = text[: match.start()].strip(_TRIM), text[match.end() :].strip(_TRIM)
        loose = match["loose"] is not None
        if self.words.is_thanks(f"{before} {after}"):
            return None  # "谢谢 #3 辛苦了": thanks, no command
        command = self._parse(f"#{match['n'] or match['loose']} {before} {after}".rstrip())
        if isinstance(command, TicketCommand) and loose:
            command = replace(command, loose=True, sentence=True)
        return (command, loose) if command is not None else None

    def parse(self, text: str) -> Command | None:
        text = self._past_preamble(normalise(text))
        quoted = self.quote.match(text)
        if quoted:
            number = _QUOTED_NUMBER.search(quoted["quoted"])
            if number is None:
                return None
            text = f"#{number[1]} {normalise(quoted['reply'])}"
        trailing = _TRAILING_REF.match(text)
        if trailing:
            # "燃气公司来了 …已经关好了 通风了 #9": the number written last, when what is before
            # it is a command ("谢谢 #3" stays what it was)
            command = self._parse(f"#{trailing['n']} {trailing['body']}")
            if isinstance(command, TicketCommand):
                return command
        loose_last = self._loose_last(text)
        if loose_last is not None:
            return loose_last
        middle = _MIDDLE_REF.match(text)
        after = middle["after"].strip() if middle else ""
        if middle and (self.verb_at_start(after) is not None or self.transfers_said(after)):
            # "电梯我们修不了 #1 转物业", "我看了 #5 已处理": a command right after the number,
            # the words before it the reason ("谢谢 #3 辛苦了" stays what it was).
            return self._parse(f"#{middle['n']} {after} {middle['before']}")
        return self._parse(text)

    def _past_preamble(self, text: str) -> str:
        """ "搞错了 2号不是重复 撤销合并" → "2号不是重复 撤销合并": an opening word of `preambles`
        followed by a space or a comma is read past; anything else is left as it is."""
        for word in sorted(self.words.preambles, key=len, reverse=True):
            rest = text.removeprefix(word)
            if rest != text and rest[:1] in (" ", "，", ",", "、"):
                return rest.lstrip(" ，,、")
        return text

    def _loose_last(self, text: str) -> TicketCommand | None:
        """ "已经修好了 63号", "处理完毕，63号单子", "搞定了 是63号那个": a command with a loose
        number written last (trailing_ref), read as a sentence after a loose reference (the
        handler checks the ticket is the sender's). Never a date ("修好了 12月12号")."""
        found = self.trailing_loose.match(text) if self.trailing_loose is not None else None
        if found is None or found["body"].endswith(self.words.trailing_ref.not_after):
            return None
        if self.trailing_loose is not None and self.trailing_loose.match(found["body"]):
            return None  # two numbers written last: no telling which
        command = self._after_ref(found["n"], found["body"], loose=True)
        if not isinstance(command, TicketCommand):
            return None
        return replace(command, sentence=True)

    def _parse(self, text: str) -> Command | None:
        compact = text.strip(_TRIM)
        if compact in self.whole:
            return WordCommand(self.whole[compact])
        # "不是同一件事 俺说的是暖气不热": the split word with the resident's explanation after it.
        if any(compact.startswith(w) for w in self.words.words.get("split", ())):
            return WordCommand("split")
        detail = _DETAIL.match(text)
        if detail:
            ref = detail["ref"] or detail["num"]
            return WordCommand("detail", _number(ref), ref)
        rating = self.rating(text)
        if rating is not None:
            return rating
        if _EVENT_REF.match(text):
            return None
        for pattern, verb_required in self.refs:
            match = pattern.match(text)
            if match is None:
                continue
            command = self._after_ref(match["n"], match["rest"].rstrip(), verb_required)
            if command is not None:
                return command
        # "#话题" is a hashtag in a resident group; staff are told how to write a number.
        return UnknownTicketCommand(None, text) if text.startswith("#") else None

    def _after_ref(self, ref: str, rest: str, loose: bool) -> Command | None:
        ticket_id = _number(ref)
        if loose and ticket_id is None:
            return None
        # A loose reference ("2号 已处理", "49 收到我来") is never a place ("3号楼", "5 楼");
        # "3号 楼道灯换了" is.
        if loose and place_after_number(self.words, rest):
            return None
        rest = rest.lstrip(_TRIM)
        if loose and not rest:
            return None
        at_start = self.verb_at_start(rest)
        if at_start is None and ticket_id is not None and self.plans_after_claim(rest):
            # "37号我们接了 下午换管": a plan for later, never a closing
            return TicketCommand(
                ticket_id, ref, "claim", rest.strip(_TRIM), loose=loose, said=rest, sentence=True
            )
        unsatisfied = None if at_start else self.unsatisfied_at_end(rest)
        if unsatisfied is not None:
            # "#6 还是不热 不满意": the complaint before the verdict is its reason.
            return Rating(False, ticket_id, unsatisfied)
        found = at_start or self.verb_inside(rest)
        if found is not None and at_start is None and found[0] == "claim" and self.says_done(rest):
            # "#40 120拉走了 去市一院 儿子在路上了": the person is safe now; the son on his way
            # is no claim (day 25 S03).
            found = None
        if found is not None:
            verb, argument = found
            # "40号 我来了 灭火器拿上了": a particle left of the command word is no part of what
            # was said with it (day 64 S030, S080: "正在处理：了 灭火器拿上了")
            argument = re.sub(_LEFT_PARTICLE, "", argument.strip(_TRIM)).strip(_TRIM)
            if verb in {"satisfied", "unsatisfied"}:
                return Rating(verb == "satisfied", ticket_id, argument)
            # "26号 灯泡全换好了": a sentence after a loose reference (the handler checks the
            # ticket exists and is the sender's before reading it so).
            sentence = loose and at_start is None
            return TicketCommand(
                ticket_id, ref, verb, argument, loose=loose, said=rest, sentence=sentence
            )
        if not rest and ticket_id is not None:
            return WordCommand("progress", ticket_id, ref)
        if ticket_id is not None and self.only_thanks_someone(rest):
            # "金茂 #5 好的 辛苦韩涛了": thanks for a ticket's work, no command
            return None if loose else UnknownTicketCommand(ticket_id, rest)
        if ticket_id is not None and self.on_the_way(rest):
            return TicketCommand(
                ticket_id, ref, "claim", rest.strip(_TRIM), loose=loose, said=rest, sentence=True
            )
        if ticket_id is not None and self.says_done(rest):
            return TicketCommand(
                ticket_id, ref, "resolve", rest.strip(_TRIM), loose=loose, said=rest, sentence=True
            )
        if ticket_id is not None and self.says_on_it(rest):
            return TicketCommand(
                ticket_id, ref, "claim", rest.strip(_TRIM), loose=loose, said=rest, sentence=True
            )
        return None if loose else UnknownTicketCommand(ticket_id, rest)


# A question asked as "X不X" ("管不管", "修不修", "来不来").
_A_NOT_A = re.compile(r"(\w)不\1")

# Thanks for a ticket's work: besides the thanks, an acknowledgement, particles and a name.
_ACKNOWLEDGED = ("好的", "好", "收到", "行", "嗯", "哦")
_THANKS_PARTICLES = frozenset("了啊呀啦哈吧哦呢")
THANKED_NAME_CHARS = 3


# Compiled grammars of the most recently used tables (a process loads one or two; tests many).
COMPILED_TABLES = 8
_COMPILED: dict[int, tuple[ChatWords, Grammar]] = {}


def grammar(words: ChatWords | None = None) -> Grammar:
    """The compiled grammar of a table (compiled once per loaded table)."""
    words = words or default_chat_words()
    known = _COMPILED.pop(id(words), None)
    if known is None or known[0] is not words:
        known = (words, Grammar.of(words))
    _COMPILED[id(words)] = known  # the newest last
    while len(_COMPILED) > COMPILED_TABLES:
        del _COMPILED[next(iter(_COMPILED))]
    return known[1]


def parse(text: str, words: ChatWords | None = None) -> Command | None:
    return grammar(words).parse(text)


def merge_target(argument: str) -> int | None:
    """`#12 重复 #10` → 10; "#9 跟3号楼10号是同一根管子 重复 #10" → 10 (the one number written
    with #, words before it; day 44 S10)."""
    said = normalise(argument)
    match = re.match(r"^#?\s*(\d{1,10})(?!\d)", said)
    if match:
        return int(match[1])
    marked = {int(n) for n in re.findall(r"#\s*(\d{1,10})(?!\d)", said)}
    return marked.pop() if len(marked) == 1 else None
