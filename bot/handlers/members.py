"""Members in chat (issue #14): `报到 张三 市供电公司 3号楼2单元501`, `批准 张三`,
`驳回 张三 原因`, `设岗 张三 楼道长 3号楼2单元`, `积分调整 张三 +2 原因`, `我的积分`, and for
staff `通报` (the month's bulletin so far).

The words are the `members` table of config/commands.yaml; each verb there has one function in
VERB_HANDLERS (a test checks both agree). The domain is service/members; its wording is
service/members/messages.py."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from bot.context import Context
from service.errors import InvalidInput
from service.members import bulletin, messages, points, posts, registration
from service.members import jobs as member_jobs
from service.outbox import Notice
from service.understanding.normalise import to_simplified

_ADJUST = re.compile(r"^(?P<points>[+\-]?\d{1,3})\s*分?\s*(?P<reason>.*)$", re.S)
_TRIM = " ：:，,。.!！~～、?？"
_AFTER_WORD = " :：，,、;；"  # what may follow a command word before its arguments
# Full-width letters, digits, + - # and the ideographic space read as their half-width form;
# punctuation is kept as written (a reason keeps its "，").
_FOLD = str.maketrans(
    {
        "\u3000": " ",
        **{chr(0xFF01 + i): chr(0x21 + i) for i in range(94) if chr(0x21 + i).isalnum()},
        **{chr(0xFF01 + i): chr(0x21 + i) for i in range(94) if chr(0x21 + i) in "+-#"},
    }
)
# A register word followed by at most this many characters (了, 一下) is a registration that
# says nothing yet: the sender is told what to send. (报到处在哪里 is a question, not that.)
BARE_REGISTER_TAIL = 3
VerbHandler = Callable[[Context, list[str]], list[Notice]]


def _words(text: str) -> list[str]:
    return text.split()


def _outcome(ctx: Context, outcome: registration.Outcome) -> list[Notice]:
    reply, others = messages.registration_notices(outcome)
    return [ctx.reply(reply), *others]


def _register(ctx: Context, args: list[str]) -> list[Notice]:
    registration.refuse_listed(ctx.actor)
    said = registration.read_registration(" ".join(args), ctx.community)
    outcome = registration.register(
        ctx.session,
        ctx.community,
        ctx.actor,
        ctx.room_id,
        said.name,
        said.work_unit,
        said.address,
        ctx.now,
        said.note,
    )
    return _outcome(ctx, outcome)


def _withdraw(ctx: Context, _args: list[str]) -> list[Notice]:
    return _outcome(ctx, registration.withdraw(ctx.session, ctx.community, ctx.actor, ctx.now))


def _decide(approve: bool) -> VerbHandler:
    def handler(ctx: Context, args: list[str]) -> list[Notice]:
        if not args:
            raise InvalidInput("a decision needs a name", messages.DECIDE_HELP)
        name, rest = registration.split_name(args, registration.registered_names(ctx.session))
        reason = " ".join(rest).strip(_TRIM)
        outcome = registration.decide(
            ctx.session, ctx.community, ctx.actor, name, approve, reason, ctx.now
        )
        return _outcome(ctx, outcome)

    return handler


def _post(ctx: Context, args: list[str]) -> list[Notice]:
    name, rest = registration.split_name(args, points.known_members(ctx.session, ctx.community))
    if len(rest) < 2:
        raise InvalidInput("a post needs three parts", messages.POST_HELP)
    post, place = rest[0], "".join(rest[1:])
    row = posts.assign(ctx.session, ctx.community, ctx.actor, name, post, place, ctx.now)
    told = messages.post_to_member(row.member_name, row.post, row.place)
    return [
        ctx.reply(messages.post_assigned(row.member_name, row.post, row.place)),
        *_tell_member(ctx, row.member_name, told),
    ]


def _tell_member(ctx: Context, name: str, text: str) -> list[Notice]:
    """The member concerned hears of it in private (not when they did it themselves)."""
    if registration.member_name_of(ctx.session, ctx.community, ctx.actor) == name:
        return []
    return [registration.notice_to_member(ctx.session, ctx.community, name, text)]


def _adjust(ctx: Context, args: list[str]) -> list[Notice]:
    name, rest = registration.split_name(args, points.known_members(ctx.session, ctx.community))
    match = _ADJUST.match(" ".join(rest))
    if match is None:
        raise InvalidInput("cannot read an adjustment", messages.ADJUST_HELP)
    entry = points.adjust(
        ctx.session,
        ctx.community,
        ctx.actor,
        name,
        int(match["points"]),
        match["reason"].strip(_TRIM),
        ctx.now,
    )
    return [
        ctx.reply(messages.adjusted_reply(entry)),
        *_tell_member(ctx, entry.member_name, messages.adjusted_to_member(entry)),
    ]


def _my_points(ctx: Context, _args: list[str], period: points.Period | None = None) -> list[Notice]:
    name = registration.member_name_of(ctx.session, ctx.community, ctx.actor)
    if name is None:
        return [ctx.reply(messages.not_a_member(ctx.actor.name))]
    mine = points.my_points(ctx.session, ctx.community, name, ctx.now, period)
    return [ctx.reply(messages.my_points(mine, ctx.community.zone, ctx.now))]


def _asked_period(ctx: Context, text: str) -> points.Period | None:
    """The month or year a points question names (上个月, 12月份, 去年), if any."""
    phrases, zone = ctx.community.words.member_phrases, ctx.community.zone
    if phrases.asks_last_year(text):
        return points.last_year_period(ctx.now, zone)
    if phrases.asks_last_month(text):
        return points.last_month_period(ctx.now, zone)
    month = phrases.named_month_of(text)
    return points.named_month_period(ctx.now, zone, month) if month else None


def _my_place(ctx: Context) -> list[Notice]:
    name = registration.member_name_of(ctx.session, ctx.community, ctx.actor)
    if name is None:
        return [ctx.reply(messages.not_a_member(ctx.actor.name))]
    mine = bulletin.my_place(ctx.session, ctx.community, name, ctx.now)
    return [
        ctx.reply(
            messages.my_place(
                name, mine.first_month, mine.last_month, mine.points, mine.place, mine.tied
            )
        )
    ]


def _bulletin(ctx: Context, _args: list[str]) -> list[Notice]:
    """通报: staff get this month's bulletin so far (上月通报: last month's, as it was sent);
    anyone else is told it is for staff (registration.require_member_staff)."""
    registration.require_member_staff(ctx.community, ctx.actor, messages.BULLETIN_STAFF_ONLY)
    community = ctx.community
    today = ctx.now.astimezone(community.zone).date()
    last = community.words.member_phrases.asks_last_month(to_simplified(ctx.text))
    month = bulletin.last_month(today, community) if last else today
    monthly = bulletin.monthly(ctx.session, community, month, ctx.now, settle=False)
    text = member_jobs.shown_text(ctx.session, month, monthly)
    return [ctx.reply(text if last else messages.bulletin_so_far(text, today))]


def _registration_within(ctx: Context, text: str) -> list[Notice] | None:
    """A register word inside a sentence (我是党员，想报到，叫李明，在市中医院上班，住3号楼…):
    a registration when what follows it reads as one; else None (not a registration)."""
    registers = sorted(ctx.community.words.members.get("register", ()), key=len, reverse=True)
    at = min(
        ((text.find(w), -len(w)) for w in registers if w in text[1:]),
        default=None,
    )
    if at is None or at[0] <= 0:
        return None
    rest = text[at[0] - at[1] :].lstrip(_AFTER_WORD)
    try:
        registration.read_registration(rest, ctx.community)
    except InvalidInput:
        return None
    return _register(ctx, [rest])


def _why_rejected(ctx: Context) -> list[Notice]:
    found = registration.latest_of(ctx.session, ctx.actor.id)
    told = messages.latest_registration_told(found) if found else messages.NOT_REJECTED
    return [ctx.reply(told)]


def _after_approval(ctx: Context) -> list[Notice]:
    found = registration.approved_of(ctx.session, ctx.actor.id)
    party = ctx.community.party_group(found.building) if found is not None else None
    if found is None or party is None:
        return _why_rejected(ctx)
    return [ctx.reply(messages.after_approval(found.name, party.name))]


def _how_to_register(ctx: Context) -> list[Notice]:
    return [ctx.reply(messages.HOW_TO_REGISTER)]


def _my_post(ctx: Context) -> list[Notice]:
    name = registration.member_name_of(ctx.session, ctx.community, ctx.actor)
    if name is None:
        return [ctx.reply(messages.not_a_member(ctx.actor.name))]
    return [ctx.reply(messages.my_posts(name, posts.held_by(ctx.session, name)))]


# config/commands.yaml member_questions: one answer a question.
_QUESTIONS: dict[str, Callable[[Context], list[Notice]]] = {
    "why_rejected": _why_rejected,
    "after_approval": _after_approval,
    "how_to_register": _how_to_register,
    "my_post": _my_post,
}


VERB_HANDLERS: dict[str, VerbHandler] = {
    "register": _register,
    "approve": _decide(approve=True),
    "reject": _decide(approve=False),
    "post": _post,
    "adjust": _adjust,
    "my_points": _my_points,
    "withdraw": _withdraw,
    "bulletin": _bulletin,
}
WHOLE_MESSAGE = frozenset({"my_points", "withdraw", "bulletin"})


def parse(
    text: str, verb_words: Iterable[tuple[str, str]], glued: Collection[str] = ()
) -> tuple[str, list[str]] | None:
    """(verb, arguments) when the message starts with a command word (`verb_words`: (word, verb),
    longest first: ChatWords.member_verb_words), else None. A verb with arguments needs a space
    after its word ("报到 张三 …"), except the `glued` verbs (批准王丽); a whole-message verb
    stands alone (punctuation aside). Traditional characters read as simplified (報到, 我的積分)."""
    text = to_simplified(text.translate(_FOLD)).strip()
    for word, verb in verb_words:
        if verb in WHOLE_MESSAGE:
            if text.strip(_TRIM) == word:
                return verb, []
            continue
        if text == word or (
            text.startswith(word) and (verb in glued or text[len(word)] in _AFTER_WORD)
        ):
            return verb, _words(text[len(word) :].lstrip(_AFTER_WORD))
    return None


def handle(ctx: Context) -> list[Notice] | None:
    words = ctx.community.words
    said_text = words.member_phrases.without_greeting(ctx.text)
    found = parse(said_text, words.member_verb_words, words.members_glued)
    if found is not None:
        verb, args = found
        return VERB_HANDLERS[verb](ctx, args)
    # Everyday wording (config/commands.yaml member_phrases): never filed as a ticket.
    text = to_simplified(said_text.translate(_FOLD))
    meant = words.member_command_in(text)
    if meant is not None and registration.may_manage_members(
        ctx.community, ctx.actor, ctx.community.groups
    ):
        found = parse(meant, words.member_verb_words, words.members_glued)
        if found is not None:
            return VERB_HANDLERS[found[0]](ctx, found[1])
    if words.member_phrases.withdraws(text):
        return _withdraw(ctx, [])
    if words.member_phrases.asks_rank(text):
        return _my_place(ctx)
    if words.member_phrases.asks_points(text):
        return _my_points(ctx, [], _asked_period(ctx, text))
    question = words.member_question(text)
    if question is not None:
        return _QUESTIONS[question](ctx)
    if words.is_register_form(text):  # 姓名：王丽 单位：区税务局 住址：…
        return _register(ctx, [text])
    within = _registration_within(ctx, text)
    if within is not None:
        return within
    said = text.strip(_TRIM)
    word = next((w for w in words.members.get("register", ()) if said.startswith(w)), "")
    if word and len(said) - len(word) <= BARE_REGISTER_TAIL:  # 我来报到了, 报到啦
        registration.refuse_listed(ctx.actor)
        raise InvalidInput("a registration without its parts", messages.REGISTER_HELP)
    return None
