"""一事一议 in chat (issue #15): staff open a consultation (`议事 楼道堆物 选项:A/B/C
截止:12月10日18:00 对象:3号楼居民群`, or in their own words: `针对楼道堆物的问题发起议事，
选项：1.A 2.B，截止1月8日18点，对象3号楼居民群`) and post its decision (`议事结果 #Y1 …`);
residents of the addressed groups vote (`投票 1`, `我选2`, `#Y1 投票 2`, and in a group with one
open consultation `想了想还是投1吧`, `我同意集中清运`, a bare `2`). The words are the
`consultations` table of config/commands.yaml; the domain is service/consultations."""

from __future__ import annotations

import re

from bot import commands
from bot.context import Context
from bot.handlers.events import parse_when
from service.consultations import flows, jobs, messages
from service.consultations.words import ConsultationWords
from service.errors import InvalidInput
from service.outbox import Notice
from service.tickets.flows import pending_place_question
from service.understanding.normalise import to_simplified

_TRIM = " ,，。.;；:：、"
_OPTION_SPLIT = re.compile(r"\s*[/|、;；]\s*")
_COMMA_SPLIT = re.compile(r"\s*[,，]\s*")
# `1.清理 2.清运 3.维持现状` (also 1、 1) 1． ①): numbered options, spaces between.
_NUMBERED = re.compile(r"(?:^|\s+|[,，;；/])\s*(?:\d\s*[.、．)）]|[①-⑨])\s*")
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


def _options(said: list[str]) -> tuple[str, ...]:
    text = " / ".join(said)
    if _NUMBERED.match(text):
        split = _NUMBERED.split(text)
    else:
        split = _OPTION_SPLIT.split(text)
        if len(split) == 1:
            split = _COMMA_SPLIT.split(text)
    return tuple(o for o in (part.strip(_TRIM) for part in split) if o)


def _open(
    ctx: Context, words: ConsultationWords, rest: str, before: str | None = None
) -> list[Notice]:
    """`rest` after the open word; `before` the words ahead of it when it stood inside a
    sentence (`针对楼道堆物的问题发起议事，…`), read as the topic when none follows."""
    flows.require_staff(ctx.community, ctx.actor)
    topic, found = _fields(words, rest)
    if not topic and before is not None:
        topic = words.topic_from(before.strip(_TRIM))
    options = _options(found.get("options", []))
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
    jobs.schedule_close(ctx.session, c.id)
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


def _everyday_vote(ctx: Context, words: ConsultationWords, text: str) -> str | None:
    """`同意1`, `我投第一个方案`, `选每周集中清运`, or only an option number (`2`) in a group
    with one open consultation (not when the sender was just asked which building)."""
    ref = _REF.match(text)
    number, body = (int(ref[1]), text[ref.end() :]) if ref else (None, text)
    said = words.read_everyday_vote(body)
    if said is not None:
        return flows.everyday_vote(
            ctx.session, ctx.community, ctx.actor, ctx.group, number, said, ctx.now
        )
    bare = words.read_bare_option(body) if number is None and ctx.group is not None else None
    if bare is None or ctx.group is None:
        return None
    here = flows.open_in(ctx.session, ctx.group.name, ctx.now)
    if len(here) != 1 or not 1 <= bare <= len(here[0].options):
        return None
    if pending_place_question(ctx.session, ctx.room_id, ctx.actor.id) is not None:
        return None
    return flows.vote(ctx.session, ctx.community, ctx.actor, ctx.group, here[0].id, bare, ctx.now)


def _inside(ctx: Context, words: ConsultationWords, text: str) -> list[Notice] | None:
    """Staff writing `议事` inside a sentence: opened (or decided) when it reads as one, else
    told the format. In a resident group only a sentence with a label (选项/截止/对象) is
    taken as meant; residents are refused only then, too."""
    decided = words.decide_inside(text)
    opened = words.open_inside(text) if decided is None else None
    if decided is None and opened is None:
        return None
    if commands.parse(ctx.text, ctx.community.words) is not None:
        return None  # a ticket command that happens to mention 议事
    labelled = words.has_label(text)
    in_resident_group = ctx.group is not None and not ctx.group.is_staff_group
    if not labelled and (in_resident_group or not flows.is_staff(ctx.community, ctx.actor)):
        return None
    if decided is not None:
        return _decide(ctx, decided[1].strip(_TRIM))
    if opened is None:
        return None
    return _open(ctx, words, opened[1].strip(_TRIM), opened[0])


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
    asked = words.read_ask(text)
    if asked == "ask" or (
        asked == "ask_here"
        and ctx.group is not None
        and flows.open_in(ctx.session, ctx.group.name, ctx.now)
    ):
        return [ctx.reply(flows.my_vote(ctx.session, ctx.community, ctx.actor, ctx.group, ctx.now))]
    everyday = _everyday_vote(ctx, words, text)
    if everyday is not None:
        return [ctx.reply(everyday)]
    return _inside(ctx, words, text)
