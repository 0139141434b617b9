"""一事一议 in chat (issue #15): staff open a consultation (`议事 楼道堆物 选项:A/B/C
截止:12月10日18:00 对象:3号楼居民群`) and post its decision (`议事结果 #Y1 …`); residents of the
addressed groups vote (`投票 1`, `我选2`, `#Y1 投票 2`). The words are the `consultations` table
of config/commands.yaml; the domain is service/consultations."""

from __future__ import annotations

import re

from bot.context import Context
from bot.handlers.events import parse_when
from service.consultations import flows, jobs, messages
from service.consultations.words import ConsultationWords
from service.errors import InvalidInput
from service.outbox import Notice
from service.understanding.normalise import to_simplified

_TRIM = " ,，。.;；:：、"
_OPTION_SPLIT = re.compile(r"\s*[/|、;；]\s*")
_GROUP_SPLIT = re.compile(r"[\s/、;；,，]+")
_FOLD = str.maketrans(
    {
        "\u3000": " ",
        **{chr(0xFF01 + i): chr(0x21 + i) for i in range(94) if chr(0x21 + i).isalnum()},
        **{chr(0xFF01 + i): chr(0x21 + i) for i in range(94) if chr(0x21 + i) in "#/:"},
    }
)
_REF = re.compile(r"^#\s*Y(\d{1,6})\s*", re.I)


def _fold(text: str) -> str:
    """Full-width letters, digits, # / and colons as half-width; other punctuation (，、；) is
    kept as written, so a decision reads as it was typed."""
    return to_simplified(text.translate(_FOLD)).strip()


def _starts(text: str, words: tuple[str, ...]) -> str | None:
    """The rest of `text` after the longest of `words` it starts with (followed by a space,
    a colon or a number sign), else None."""
    for word in sorted(words, key=len, reverse=True):
        if text.startswith(word) and (len(text) == len(word) or text[len(word)] in " :：#,，"):
            return text[len(word) :].lstrip(" :：,，")
    return None


def _fields(words: ConsultationWords, text: str) -> tuple[str, dict[str, list[str]]]:
    parts = words.labels_regex().split(text)
    kinds = {
        **{w: "options" for w in words.options_labels},
        **{w: "deadline" for w in words.deadline_labels},
        **{w: "audience" for w in words.audience_labels},
    }
    found: dict[str, list[str]] = {}
    for i in range(1, len(parts) - 1, 2):
        found.setdefault(kinds[parts[i]], []).append(parts[i + 1].strip(_TRIM))
    return parts[0].strip(_TRIM), found


def _open(ctx: Context, words: ConsultationWords, rest: str) -> list[Notice]:
    flows.require_staff(ctx.community, ctx.actor)
    topic, found = _fields(words, rest)
    options = tuple(o for o in _OPTION_SPLIT.split(" / ".join(found.get("options", []))) if o)
    deadline_text = " ".join(found.get("deadline", []))
    parsed = parse_when(deadline_text, ctx.now, ctx.community.zone) if deadline_text else None
    if parsed is None or parsed[1].strip(_TRIM):
        raise InvalidInput(f"no deadline in {rest!r}", f"请写明截止时间。{messages.OPEN_HELP}")
    names = [n for text in found.get("audience", []) for n in _GROUP_SPLIT.split(text) if n]
    groups = [ctx.community.find_group(n) for n in names]
    unknown = [n for n, g in zip(names, groups, strict=True) if g is None]
    if unknown or not names:
        told = f"不认识对象“{'、'.join(unknown)}”，" if unknown else "请写明对象，"
        raise InvalidInput(f"audience {names!r}", f"{told}请写群名，例如：对象:3号楼居民群")
    proposal = flows.Proposal(
        topic=topic,
        options=options,
        groups=tuple(dict.fromkeys(g for g in groups if g is not None)),
        deadline=parsed[0],
    )
    c, notices = flows.open_consultation(
        ctx.session, ctx.community, ctx.actor, proposal, ctx.now, words.max_options
    )
    jobs.schedule_close(ctx.session, ctx.community, c.id, c.deadline)
    return [ctx.reply(messages.opened(c, ctx.community.zone)), *notices]


def _decide(ctx: Context, rest: str) -> list[Notice]:
    flows.require_staff(ctx.community, ctx.actor)
    ref = _REF.match(rest)
    if ref is None:
        raise InvalidInput(f"no #Y number in {rest!r}", messages.DECIDE_HELP)
    text = rest[ref.end() :].strip(_TRIM)
    c, changed, notices = flows.decide(
        ctx.session, ctx.community, ctx.actor, int(ref[1]), text, ctx.now
    )
    return [ctx.reply(messages.decided(c, changed)), *notices]


def handle(ctx: Context) -> list[Notice] | None:
    words = ctx.community.words.consultations
    text = _fold(ctx.text)
    rest = _starts(text, words.decide)
    if rest is not None:
        return _decide(ctx, rest)
    rest = _starts(text, words.open)
    if rest is not None:
        return _open(ctx, words, rest)
    vote = words.read_vote(text)
    if vote is not None:
        said = flows.vote(
            ctx.session, ctx.community, ctx.actor, ctx.group, vote[0], vote[1], ctx.now
        )
        return [ctx.reply(said)]
    if text.strip(_TRIM + "?？吗呢") in words.ask:
        return [ctx.reply(flows.my_vote(ctx.session, ctx.community, ctx.actor, ctx.group, ctx.now))]
    return None
