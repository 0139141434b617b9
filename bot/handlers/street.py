"""The street office's group (街道党工委工作群): its people's ticket commands, each naming the
community first ("金茂 #1 接单"). Every community's bot is in that group: bot/router.py asks
`turn` what its bot reads of a message there (only what names its community), and has every
reply there named by `named_here`.

Only what reads as a command is acted on there: the rest is the street's own conversation."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from bot import commands
from bot.context import Context
from bot.handlers import ticket_commands
from bot.messages import InboundMessage
from service.community import Community
from service.errors import InvalidInput, NotFound
from service.outbox import Notice
from service.street import overview
from service.street.addressing import addressed, looks_named, short_name
from service.tickets import corrections, deadlines, flows, messages, states
from service.understanding.normalise import to_simplified
from service.understanding.places import buildings_named

# What the hint to name a community starts with: said for the whole street, by no community.
HINT = "本群各社区的工单都从 #1 编号"
# The tickets each community names when the street asks what is left undone.
LEFT_UNDONE_SHOWN = 3
# What the community's staff groups read before what the street did.
FROM_THE_STREET = "【街道】"
# A ticket number ("#3", "3号"), not a building ("幸福里6号楼那边注意一下": sixth street trial S47).
# A ticket's number: "#5", or "5号" standing alone or before 工单/单 (never a room, a date or a
# building: "3号会议室", "3月22号", "5号楼"; street trial 8, D003)
_REF = re.compile(r"#\s*\d|(?<![月\d])\d+\s*号(?=$|[\s，,。.！!？?:：]|工单|单)")
# A day of the month with its time glued on ("7号上午十点区里开会 我去"; street trial 9 CH27): a
# date, never a ticket number.
_DATE_SAID = re.compile(r"(?<![#＃\d])\d{1,2}号(?:上午|下午|中午|晚上|早上|凌晨|傍晚|夜里)")
_ENDS = "。.！!？?~～ "
# A command a reply suggests: "请回复：#1 已处理", "您是不是想回复：#1 接单、#1 已处理".
_SUGGESTED_REF = re.compile(rf"([：:、])#(?=\d|{ticket_commands.NUMBER_PLACEHOLDER})")

StreetHandler = Callable[[Context], list[Notice] | None]


def turn(
    community: Community, message: InboundMessage, now: datetime
) -> tuple[InboundMessage, list[StreetHandler]] | None:
    """What this community's bot reads of a message in the street's group: a command naming
    this community, without the name (`handle`); a command naming none, when this is the
    street's first community (`unaddressed` says how to name one); nothing else."""
    seat = community.street
    names = seat.communities if seat is not None else (community.name,)
    quote = commands.grammar(community.words).quote
    text = to_simplified(message.text)  # "金茂社區 #3 接單"
    to = addressed(text, names, quote, community.words.street_openers)
    mistyped = looks_named(text, names, community.words.street_openers)
    # Figures are asked by the street's people; a secretary's count is a report to them ("收到
    # 周主任 金茂这边今天的几件都办完了"; street check 14 S19)
    people = flows.street_people(community)
    may_ask_figures = not people or message.sender_name in people
    asked_of = _asks_of_the_day(community, text) if may_ask_figures else None
    if asked_of is not None:
        # "幸福里今天收了几件 办了几件", "昨晚两个社区有没有什么紧急情况": from the community
        # named, else from every one (street trial 9 S01, S19, S20, S44, S45)
        named = to.community or (mistyped.community if mistyped else None)
        if any(w in text for w in community.words.street_every_community):
            named = None
        if named not in (None, community.name):
            return None
        return message, [asked_of]
    if may_ask_figures and _asks_figures(community, to.text if to.community else text):
        # "幸福里这个月的三率怎么样", "两个社区本月情况汇总一下": the month's 统计, from the
        # community named (or whose name it looks like: "幸福理这个月的三率"), else from every one
        named = to.community or (mistyped.community if mistyped else None)
        if any(w in text for w in community.words.street_every_community) or _names_several(
            names, text
        ):
            # "幸福里金茂两个社区这个月的数据汇总一下" (street trial 9 S27), "幸福里和金茂这个月
            # 的满意率各是多少" (street check 10c S34)
            named = None
        if named not in (None, community.name):
            return None
        word = (
            _LAST_MONTH_FIGURES
            if _asks_last_month(community, text, now)
            else _YEAR_FIGURES
            if any(w in text for w in community.words.street_this_year)
            else _FIGURES_WORD
        )
        return replace(message, text=word), [handle]
    if (
        to.community is None
        and mistyped is not None
        and (_asks_anything(community, text) or _pressing(community, text))
    ):
        # "金贸那边电梯的事物业接了没": a question for the community its name looks like, never
        # for every one; a press too ("金懋 #6 请社区今天之内给个说法"; street trial 9 S10). An
        # action still needs the name as it is: see `unaddressed`.
        if mistyped.community != community.name:
            return None
        return replace(message, text=mistyped.text), [handle]
    if (
        to.community is None
        and mistyped is None
        and any(len(p.name) >= 2 and p.name in text for p in community.people)
        and _asks_anything(community, text)
    ):
        # "陈桂兰那个暖气的事 有进展吗": a question naming one of this community's people
        # (street check 9c S19)
        return message, [handle]
    if to.community is None and may_ask_figures and _asks_every_community(community, text):
        return message, [left_undone]
    if to.community is None and text.strip() in community.words.words["todo"]:
        return message, [handle]  # "待办": each community's list for the street
    if to.community is None and any(w in text for w in community.words.street_tell_when_done):
        return message, [followed_by_its_words]  # "燃气那个处理完了跟我说一声"
    if (
        to.community is None
        and _asks_anything(community, text)
        and any(p in text for p in community.words.result_note.pointer_endings)
    ):
        return message, [asked_by_its_words]  # "那个东门的冰后来怎么样了"
    if to.community is None:
        return (message, [unaddressed]) if names[0] == community.name else None
    if to.community != community.name:
        return None
    return replace(message, text=to.text), [handle]


def _names_several(names: Sequence[str], text: str) -> bool:
    """The text names more than one community of the street ("幸福里和金茂")."""
    return sum(1 for name in names if short_name(name) in text) > 1


def _asks_every_community(community: Community, text: str) -> bool:
    """ "两个社区还有啥没办完的", or asked naming no community ("金贸还有几件没结的？", a name
    mistyped): every community's bot answers with its own list."""
    words = community.words
    if not _asks_left_undone(community, text):
        return False
    return any(w in text for w in words.street_every_community) or any(
        w in text for w in words.street_left_undone_asks
    )


# What the street's figure questions are answered as: the staff command of the month's figures.
_FIGURES_WORD = "统计"


_LAST_MONTH_FIGURES = "上月统计"
_YEAR_FIGURES = "今年统计"


def _asks_last_month(community: Community, text: str, now: datetime) -> bool:
    """ "幸福里上个月的三率", "11月份两个社区的满意率" asked in December: last month's figures."""
    if any(w in text for w in community.words.street_last_month):
        return True
    month = re.search(r"(?<!\d)(\d{1,2})月(?:份)?", text)
    if month is None:
        return False
    said = now.astimezone(community.zone)
    last = 12 if said.month == 1 else said.month - 1
    return int(month[1]) == last


def _asks_of_the_day(community: Community, text: str) -> StreetHandler | None:
    """The day's work ("今天收了几件"), or last night's emergencies ("昨晚有没有紧急情况"),
    asked with no ticket number: the handler answering it; else None."""
    words = community.words
    if _REF.search(text) is not None or any(w in text for w in words.street_this_year):
        # "两个社区今年一共收了多少件 办结率多少": the year's figures (street check 14, second look)
        return None
    if (
        any(w in text for w in words.street_today)
        and (
            any(w in text for w in words.street_today_asks)
            or re.search(words.street_today_said, text) is not None
        )
        and not _asks_left_undone(community, text)  # "今天两边还有几件没结的": what is open
    ):
        return day_so_far
    if any(w in text for w in words.street_this_week) and any(
        w in text for w in (*words.street_today_asks, *words.street_figures)
    ):
        return week_so_far  # "金茂这周的数据发我一下" (street check 10c S26)
    if any(w in text for w in words.street_last_night) and any(
        w in text for w in words.street_emergency_words
    ):
        return last_night
    if any(w in text for w in words.street_total_asks):
        return month_so_far  # "两个社区一共多少件": no period said, the month so far
    if any(w in text for w in words.street_weekend) and any(
        w in text for w in words.street_weekend_asks
    ):
        return last_weekend
    return None


def day_so_far(ctx: Context) -> list[Notice]:
    """What the community received, closed and still has open today."""
    return _so_far(ctx, "day", overview.day_so_far(ctx.session, ctx.community, ctx.now))


def week_so_far(ctx: Context) -> list[Notice]:
    """... this week."""
    return _so_far(ctx, "week", overview.week_so_far(ctx.session, ctx.community, ctx.now))


def month_so_far(ctx: Context) -> list[Notice]:
    """... this month: a total asked with no period ("两个社区一共多少件"; street check 13 S067)."""
    return _so_far(ctx, "month", overview.month_so_far(ctx.session, ctx.community, ctx.now))


def _so_far(ctx: Context, period: str, day: overview.Day) -> list[Notice]:
    text = messages.so_far(period, day.received, day.emergencies, day.closed, day.active)
    return [ctx.reply(text)]


def last_night(ctx: Context) -> list[Notice]:
    """The emergencies the community was told of last night, and how each stands."""
    found = overview.emergencies_last_night(ctx.session, ctx.community, ctx.now)
    night = messages.emergencies_last_night(
        found, overview.LAST_NIGHT_FROM_HOUR, overview.LAST_NIGHT_UNTIL_HOUR
    )
    return [ctx.reply(night)]


def last_weekend(ctx: Context) -> list[Notice]:
    """What the community received over the last weekend, and its emergencies."""
    weekend = overview.last_weekend(ctx.session, ctx.community, ctx.now)
    return [ctx.reply(messages.last_weekend(weekend.received, weekend.emergencies))]


def _asks_figures(community: Community, text: str) -> bool:
    """The month's figures asked in words, with no ticket number."""
    words = community.words
    return (
        _REF.search(text) is None
        and any(w in text for w in words.street_figures)
        and not any(w in text for w in words.street_notice)
    )


def _asks_anything(community: Community, text: str) -> bool:
    """What is left undone, or how a ticket stands (street_asks, or ending in a question)."""
    words = community.words
    return (
        _asks_left_undone(community, text)
        or any(w in text for w in words.street_asks)
        or text.rstrip(_ENDS).endswith(tuple(words.question_after))
    )


def _asks_left_undone(community: Community, text: str) -> bool:
    return any(w in text for w in community.words.street_left_undone)


def left_undone(ctx: Context, todo_asked: bool = False, every_open: bool = False) -> list[Notice]:
    """Every community's bot answers for its own: what is left undone, and what to chase;
    `todo_asked`: said after "nothing brought to the street" (a 待办 with none escalated);
    with it or `every_open` (a 待办 after what was brought), every open ticket is named."""
    # "幸福里超时的单子有哪些": every late one named, not the first few (street trial 9 S05)
    words = ctx.community.words
    late_asked = any(w in ctx.text for w in words.street_late_asked)
    # "幸福理还有哪些没办完的": every open one named, the ones to chase first (street check 10c S16)
    # ... and so does a bare 待办 (street check 11c S49: "未办结工单 1 件" made the cadre ask again)
    which_asked = not late_asked and (
        todo_asked or every_open or any(w in ctx.text for w in words.street_which_asked)
    )
    listed = overview.CHASED if late_asked or which_asked else LEFT_UNDONE_SHOWN
    now, shown = overview.standing(ctx.session, ctx.community, ctx.now, listed, which_asked)
    if todo_asked and not now.active:
        return [ctx.reply(messages.NOTHING_FOR_THE_STREET)]
    text = messages.left_undone(now.active, now.late, now.emergencies, shown)
    lead = messages.NOTHING_BROUGHT_TO_THE_STREET if todo_asked else ""
    return [ctx.reply(lead + text)]


def named_here(ctx: Context, notice: Notice) -> Notice:
    """In the street's group every community's bot speaks: its words there name it, and so do
    the commands they suggest ("办结请回复：金茂 #1 已处理")."""
    group, name = ctx.group, ctx.community.name
    if group is None or group.kind != "street":
        return notice
    if notice.room_id != ctx.room_id and notice.group != group.name:
        return notice
    if notice.text.startswith((name, HINT)) or name in notice.text.split("：", 1)[0]:
        return notice  # named already ("本月统计（金茂社区）："), or said for the whole street
    text = _SUGGESTED_REF.sub(lambda m: f"{m[1]}{short_name(name)} #", notice.text)
    return replace(notice, text=f"{name}：{text}")


def _command(ctx: Context) -> commands.Command | None:
    command = commands.parse(ctx.text, ctx.community.words)
    return None if isinstance(command, commands.Rating) else command


def _asks(ctx: Context, said: str) -> bool:
    """Words after the number that ask how the ticket stands (street_asks, or ending in a
    question: "物业修好没", "有人过去没有")."""
    words = ctx.community.words
    return any(w in said for w in words.street_asks) or said.rstrip(_ENDS).endswith(
        tuple(words.question_after)
    )


def handle(ctx: Context) -> list[Notice] | None:
    """A ticket command addressed to this community: as in its staff groups, except that words
    after the number asking how the ticket stands are answered with its progress."""
    command = _command(ctx)
    pushed = _pushed(ctx, command)
    if pushed is not None:
        return pushed
    asked = None
    if isinstance(command, commands.UnknownTicketCommand) and _asks(ctx, command.said):
        asked = command.ticket_id
    if (
        isinstance(command, commands.TicketCommand)
        and command.sentence
        and not command.loose
        and _asks(ctx, command.said)
    ):
        # "幸福里 #13 谁在处理": 在处理 is no claim when asked (seventh street trial, 10:55)
        asked = command.ticket_id
    if (
        isinstance(command, commands.WordCommand | commands.TicketCommand)
        and command.verb == "progress"
    ):
        asked = command.ticket_id
    if isinstance(command, commands.WordCommand) and command.verb == "todo" and ctx.group:
        brought = flows.group_todo(ctx.session, ctx.community, ctx.group)
        if not brought:
            # "待办" with nothing brought to the street: what the community still has open, so
            # "nothing to do" is never read as "all clear" (fourth street trial)
            return left_undone(ctx, todo_asked=True)
        # ... and with something brought there, that list, and what the community has open
        # besides when it has more (street check 10c S31, S32: only the escalated were listed)
        queue = _told_to_the_community(ctx, ticket_commands.handle(ctx)) or []
        more = flows.active_count(ctx.session) > len(brought)
        return [*queue, *left_undone(ctx, every_open=True)] if more else queue
    if command is None:
        # "金茂6号 什么情况 有人过去没有": a loose number and a question
        grammar = commands.grammar(ctx.community.words)
        refs = grammar.loose_refs(ctx.text)
        asked = next((n for n, rest in refs if _asks(ctx, rest)), None)
        if (
            asked is None
            and not refs
            and _asks_left_undone(ctx.community, ctx.text)
            # (a secretary's "幸福里今天收的几件都处理完了" is a report; street check 14 S19)
            and (flows.of_the_street(ctx.community, ctx.actor) or _asks(ctx, ctx.text))
        ):
            return left_undone(ctx)  # "请问幸福里还有几件没结的"
        if asked is None and not refs and _claims_without_number(ctx, grammar):
            # "幸福里那个老人的 我来处理": the one ticket the ladder brought here, waiting
            claimed = _told_to_the_community(ctx, ticket_commands.handle(ctx))
            return claimed or _not_brought_here(ctx)
        if asked is None and not refs:
            # "幸福里3号楼楼道灯那个事 都快两个礼拜了 请社区抓紧", "煤气味那个 处理好了告诉我":
            # the one ticket its words fit, pressed for or followed (street trial 8, D033, D151)
            # a press wanting word of the closing too ("请金茂今天下午四点前安排人把4号楼电梯修好，
            # 修好了告诉我一声") is a press: its note makes the closing reach the street (street
            # check 10b S09)
            fits = flows.ticket_its_words_fit(ctx.session, ctx.community, ctx.text, ctx.now)
            if fits is not None and _presses(ctx, ctx.text):
                # ... closed lately too: "幸福里让孙丽今天晚上去4号楼再查一遍电动车" after the
                # bikes were moved is more work on it (street check 13 S050), as "#5 …" is
                return _press(ctx, fits.id, ctx.text)
            if fits is not None and _wants_word_when_done(ctx, ctx.text):
                return _follow(ctx, fits.id, ctx.text)
        over = grammar.closing_without_ref(ctx.text) is not None or (
            # "幸福里4号楼电表箱那个 供电所看过了 是接头老化 已经换了 没事了" from the one who
            # claimed it (street check 12b S52)
            grammar.says_safe_in_hand(ctx.text) or grammar.says_safe_now(ctx.text)
        )
        if (
            asked is None
            and not refs
            and over
            # a secretary's word in the street's group is a briefing, never the street's own
            # closing (street check 13 S034b: "幸福里那个摔倒的老人 家属已经送到医院了")
            and flows.of_the_street(ctx.community, ctx.actor)
            and not _asks(ctx, ctx.text)  # "单元门的事 今天能修好吗" (street trial 8, N018)
            and not re.search(ctx.community.words.street_summary_pattern, ctx.text)
        ):
            # "幸福里那个电梯的 人接出来了 已处理": the one ticket this street person holds
            return _told_to_the_community(ctx, ticket_commands.handle(ctx))
        if asked is None and not refs and _asks(ctx, ctx.text):
            # "幸福里的煤气那个怎么样了": the one ticket its words fit; fitting none, said so,
            # never a ticket that shares only a word of asking (street trial 10 S14)
            fitting = flows.tickets_its_words_fit(ctx.session, ctx.community, ctx.text, ctx.now)
            if not fitting:
                how = f"{short_name(ctx.community.name)} #3 进度"
                return [ctx.reply(messages.nothing_fits_asked(how))]
            if len(fitting) > 1:
                # "金茂那个暖气的事咋样了" with two heating tickets open: how each stands
                # (street check 12 S12), never "nothing fits"
                shown = sorted(fitting[: ticket_commands.FITTING_SHOWN], key=lambda t: t.id)
                return [ctx.reply("\n".join(_progress(ctx, t.id) for t in shown))]
            asked = fitting[0].id
        if asked is None and not refs:
            return _finding(ctx)
        if asked is None:
            return None
    number = getattr(command, "ticket_id", None)
    said = getattr(command, "said", "")
    if asked is not None and asked == number and _wants_word_when_done(ctx, said):
        # "金茂 #3 燃气公司到了没有？处理好了告诉我一声": how it stands, and the closing
        # reaches the street (street check 12 S06)
        return _follow(ctx, asked, said)
    if asked is not None:
        return [ctx.reply(_progress(ctx, asked))]
    if isinstance(number, int) and _wants_word_when_done(ctx, said):
        return _follow(ctx, number, said)  # "幸福里 #11 电梯修好了跟我说一声" (D077)
    if isinstance(command, commands.UnknownTicketCommand | commands.TicketCommand) and isinstance(
        number, int
    ):
        standing = _standing_when_not_theirs(ctx, command)
        if standing is not None:
            return standing
    return _told_to_the_community(ctx, ticket_commands.handle(ctx))


def _finding(ctx: Context) -> list[Notice] | None:
    """A finding of the street's inspection, naming a building of this community and asking
    for work ("幸福里4号楼1单元楼道里停了三辆电动车 还在充电 今天之内必须清走"; street check 13
    S013, S057): a ticket for whoever has that building, never a page (a deadline is set, no
    danger now). None for what asks for nothing, names no building of ours, or is no
    street person's."""
    if ctx.reader is None or not flows.of_the_street(ctx.community, ctx.actor):
        return None
    named = buildings_named(ctx.text)
    if len(named) != 1 or not all(b.isdigit() and int(b) in ctx.community.buildings for b in named):
        return None
    understanding = ctx.reader.classify(ctx.text)
    if not understanding.is_request or understanding.category == "inquiry":
        return None
    if understanding.emergency:
        other = corrections.non_emergency_reading(
            ctx.reader, ctx.community, understanding.subcategory, (ctx.text,)
        )
        understanding = replace(
            understanding,
            category=other.category,
            subcategory=other.subcategory,
            emergency=False,
            emergency_level=None,
        )
    report = flows.Report(ctx.text, ctx.actor, ctx.room_id, ctx.group)
    return flows.street_finding(ctx.session, ctx.community, report, understanding, ctx.now).notices


def followed_by_its_words(ctx: Context) -> list[Notice] | None:
    """A wish to hear of a closing naming no community (street check 8b: "燃气那个处理完了跟我说
    一声"): the community whose one ticket its words fit keeps it; the others say nothing."""
    fits = flows.ticket_its_words_fit(ctx.session, ctx.community, ctx.text, ctx.now)
    if fits is None or fits.state not in states.ACTIVE:
        return None
    return _follow(ctx, fits.id, ctx.text)


def asked_by_its_words(ctx: Context) -> list[Notice] | None:
    """A ticket asked after by its words naming no community (street check 12 S42: "那个东门的冰
    后来怎么样了"): each community whose tickets its words fit says how they stand; the others
    say nothing."""
    fitting = flows.tickets_its_words_fit(ctx.session, ctx.community, ctx.text, ctx.now)
    if not fitting or len(fitting) > ticket_commands.FITTING_SHOWN:
        return None
    shown = sorted(fitting, key=lambda t: t.id)
    return [ctx.reply("\n".join(_progress(ctx, t.id) for t in shown))]


def _wants_word_when_done(ctx: Context, said: str) -> bool:
    """ "修好了跟我说一声", "清完了告诉我们一声": the street wants to hear of the closing."""
    return any(w in said for w in ctx.community.words.street_tell_when_done)


def _follow(ctx: Context, number: int, said: str) -> list[Notice]:
    """The street's wish to hear of the closing is kept on the ticket (as a press is, so the
    closing reaches the street: flows._street_follows), with no word to the community."""
    ticket = flows.street_awaits_closing(
        ctx.session, ctx.community, number, ctx.actor, said.strip(), ctx.now
    )
    standing = _progress(ctx, number)
    if ticket.state not in states.ACTIVE:
        return [ctx.reply(standing)]
    return [ctx.reply(standing + messages.TOLD_WHEN_CLOSED)]


def _standing_when_not_theirs(
    ctx: Context, command: commands.UnknownTicketCommand | commands.TicketCommand
) -> list[Notice] | None:
    """Words after the number that are no command ("是谁在弄", "进读") on a ticket the street may
    not act on, or a closing of one closed already ("督办结束 辛苦了"): how it stands, never a
    refusal (street trial 8, D072, D081, D118)."""
    if command.ticket_id is None:
        return None
    if commands.grammar(ctx.community.words).only_thanks_someone(command.said):
        return None  # "幸福里 #1 好的 辛苦张建国了": thanks, nothing to answer
    try:
        ticket = flows.get_ticket(ctx.session, command.ticket_id)
    except NotFound:
        return None
    if isinstance(command, commands.TicketCommand):
        if command.verb != "resolve" or ticket.state in states.ACTIVE:
            return None
    elif flows.may_act(ctx.community, ticket, ctx.actor):
        return None
    return [ctx.reply(_progress(ctx, command.ticket_id))]


def _pushed(ctx: Context, command: commands.Command | None) -> list[Notice] | None:
    """Words after a ticket's number pressing for it (street_push): kept on it and told to its
    group and the community's, and the street answered with how it stands."""
    words = ctx.community.words
    said_after = getattr(command, "said", "").strip()
    if isinstance(command, commands.UnknownTicketCommand) and command.ticket_id is not None:
        number, said = command.ticket_id, command.said
    elif (
        isinstance(command, commands.TicketCommand)
        and command.ticket_id is not None
        and (
            bool(words.street_push_pattern and re.match(words.street_push_pattern, said_after))
            or (command.sentence and command.verb == "claim" and _presses(ctx, command.said))
            # "幸福里 #10 怎么还没人接！摔倒的老人现在怎么样了": a demand, then a question; the
            # press is told and the progress answered (street trial 11 S25)
            or (command.verb == "progress" and _presses(ctx, command.said))
        )
    ):
        # "幸福里 #13 请社区值班马上去现场！": someone asked to go, never the street claiming it
        # (seventh street trial, 10:47); nor "金茂 #7 物业怎么还不接 请郑经理今天之内派人上楼顶
        # 看看" (派人 is who is to go; street check 9b S19)
        number, said = command.ticket_id, command.said
    elif command is None:
        refs = commands.grammar(ctx.community.words).loose_refs(ctx.text)
        if len(refs) != 1:
            return None
        number, said = refs[0]
    elif (
        isinstance(command, commands.TicketCommand)
        and command.verb == "transfer"
        and command.ticket_id is not None
    ):
        # "幸福里 #12 转 4号楼 请孙丽今天上午就叫环卫来清运": handed to the group that has it
        # already, the words after it press (street check 11c S44)
        rest = _to_its_own_group(ctx, command.ticket_id, command.argument)
        if rest is None:
            return None
        number, said = command.ticket_id, rest
    else:
        return None
    if not _presses(ctx, said):
        return None
    return _press(ctx, number, said)


def _to_its_own_group(ctx: Context, number: int, argument: str) -> str | None:
    """The words after the group named, when a transfer names the group the ticket is with and
    the ladder has not brought it to the street (the street may press for it, not act on it);
    naming another group, the hand-over with them."""
    target, _, rest = argument.strip().partition(" ")
    try:
        ticket = flows.get_ticket(ctx.session, number)
        group = flows.resolve_target(ctx.community, ticket, target)
    except (NotFound, InvalidInput):
        return None
    if flows.may_act(ctx.community, ticket, ctx.actor):
        return None  # brought to the street: the words go on as a note of the transfer
    if not rest.strip():
        return None
    # ... and handed to another group, the hand-over is the street's wish, pressed with its
    # words to the group that has it and the community, who may hand it on ("金茂 #2 转 物业
    # 请郑经理今天上午把4号楼的暖气管换掉"; street check 12 S40)
    return rest.strip() if group.name == ticket.assigned_group else f"转{target} {rest.strip()}"


def _presses(ctx: Context, said: str) -> bool:
    return _pressing(ctx.community, said)


def _pressing(community: Community, said: str) -> bool:
    """Words pressing for a ticket (street_push), or asking someone to act (请…, never 请问)."""
    words = community.words
    asked_of_someone = words.street_push_pattern and re.search(words.street_push_pattern, said)
    return any(w in said for w in words.street_push) or bool(asked_of_someone)


def _press(ctx: Context, number: int, said: str) -> list[Notice]:
    standing = _progress(ctx, number)
    if flows.get_ticket(ctx.session, number).state not in states.ACTIVE and _asks(ctx, said):
        # "幸福里 #2 整改好了没", "到底还要拖多久？" of a ticket closed already: how it ended
        # answers it; its group is not pressed for work it finished (street check 13 S027, S049)
        return [ctx.reply(standing)]
    outcome = flows.pushed_by_the_street(
        ctx.session, ctx.community, number, ctx.actor, said.strip(), ctx.now
    )
    told = messages.pushed_told_the_street(outcome.ticket, ctx.community.community_group.name)
    if _wants_word_when_done(ctx, said):
        told += messages.TOLD_WHEN_CLOSED
    return [ctx.reply(standing + told), *outcome.notices]


def _not_brought_here(ctx: Context) -> list[Notice] | None:
    """A claim by its words of a ticket the ladder has not brought to the street yet ("幸福里那个
    煤气味的 我来处理" minutes before the 督办; fifth street trial S16): whose it is and how to
    follow it, never silence."""
    fits = flows.ticket_its_words_fit(ctx.session, ctx.community, ctx.text, ctx.now)
    if fits is None:
        return None
    if ctx.group is not None and flows.told(fits, ctx.group.name):
        # brought here, and someone has it in hand already ("金茂那个独居老人的 我来处理" with
        # 罗芳 on it; sixth street trial S23): how it stands and who has it
        return [ctx.reply(_progress(ctx, fits.id))]
    how = f"{short_name(ctx.community.name)} #{fits.id} 进度"
    return [ctx.reply(messages.not_yet_with_the_street(fits, how))]


def _claims_without_number(ctx: Context, grammar: commands.Grammar) -> bool:
    """A claim naming no number: a claim word alone ("幸福里 我来处理") or someone on it, not
    asked ("金茂那个狗叫的 韩涛接了好几天了 到底处理了没有" asks; street check 9b S33)."""
    text = ctx.text
    if _asks(ctx, text) or _presses(ctx, text):
        # "金茂1号楼地下室进水那个 叫何军十点前必须到现场": someone told to go, never the street
        # claiming it (street trial 10 S26)
        return False
    if ctx.community.words.claims_without_ref(text):
        return True
    # someone told to be on it ("陈桂兰已经在现场了") is the street's word only from the street's
    # people: from a community's secretary it is a briefing (street check 12 S02)
    street = ctx.actor.name in flows.street_people(ctx.community)
    return street and grammar.says_on_it_unasked(text)


def _progress(ctx: Context, ticket_id: int) -> str:
    """The ticket's progress, with who has it and whether it is late: what the street asks."""
    ticket = flows.visible_ticket(ctx.session, ctx.community, ticket_id, ctx.actor)
    text = messages.progress(ticket, ctx.community.zone, flows.street_people(ctx.community))
    late = deadlines.late(ticket, ctx.community, ctx.now)
    owner = f"负责：{ticket.assigned_group}"
    if late is not None:
        owner += f"，{messages.LATE_WHAT[late.what]}"
    return f"{text}{owner}。"


def _told_to_the_community(ctx: Context, notices: list[Notice] | None) -> list[Notice] | None:
    """What the street did to a ticket (claimed, closed, handed on) reaches the community's own
    group as well as the responsible one: the community heard of the escalation, and its duty
    person must not go on chasing what the street has in hand."""
    if not notices:
        return notices
    top = ctx.community.community_group.name
    marked = [_from_the_street(ctx, n) for n in notices]
    if any(n.group == top for n in notices):
        return marked
    for notice in marked:
        if _staff_group_here(ctx, notice):
            return [*marked, Notice(notice.text, group=top)]
    return marked


def _staff_group_here(ctx: Context, notice: Notice) -> bool:
    group = ctx.community.group(notice.group) if notice.group else None
    return group is not None and group.is_staff_group and group.kind != "street"


def _from_the_street(ctx: Context, notice: Notice) -> Notice:
    """The community's staff read that the street acted ("【街道】工单 #1 已由周主任接单。"):
    the street's people are no names they know."""
    if not _staff_group_here(ctx, notice) or notice.text.startswith(FROM_THE_STREET):
        return notice
    return replace(notice, text=FROM_THE_STREET + notice.text)


def unaddressed(ctx: Context) -> list[Notice] | None:
    """A command, any words with a ticket number or a bare claim ("我来处理"), naming no
    community (the first community's bot answers it, once for all): how to name one, as each
    community numbers its tickets from #1, with the community its first words look most like
    ("金毛 #3": 金茂)."""
    text = commands.normalise(ctx.text)
    if "#" not in text and _DATE_SAID.search(text):
        return None  # "7号上午十点区里开会 我去": a day, the street's own talk
    ref = re.search("#", text)
    claim = ctx.community.words.claims_without_ref(text)  # "我来处理": which community's?
    # "楼顶漏水那个 转物业 让钱经理明天上午带人去做防水": a transfer said (fifth street trial S40)
    moved = any(
        ctx.community.find_group(words[:end]) is not None
        for words in commands.grammar(ctx.community.words).transfers_said(text)
        for end in range(len(words), 0, -1)
    )
    if _command(ctx) is None and _REF.search(text) is None and not (claim or moved):
        return None
    seat = ctx.community.street
    names = seat.communities if seat is not None else (ctx.community.name,)
    shorts = [short_name(name) for name in names]
    before, command = (text[: ref.start()].strip(), text[ref.start() :]) if ref else ("", text)
    likely = difflib.get_close_matches(before, shorts, n=1, cutoff=0.3) if before else []
    example = f"{likely[0] if likely else shorts[-1]} {command[:30]}"
    listed = "、".join(shorts)
    return [ctx.reply(f"{HINT}，请在指令前写明社区，例如：{example}（本街道社区：{listed}）")]
