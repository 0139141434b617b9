"""Event commands in chat: `通知 12月5日19:30 党小组会 地点:… 对象:…`, `报名 #E7`,
`请假 #E7 原因`, `取消报名 #E7`, `取消 #E7`, `改期 #E7 12月6日19:30`, `签到 #E7 张三 李四`,
`活动`, `#E7`. Runs before the ticket commands so `#E7` never reads as a ticket number."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot import commands
from bot.context import Context
from bot.handlers import ticket_commands
from service.community import Group
from service.errors import InvalidInput
from service.events import flows, messages
from service.events.config import EventsConfig
from service.events.models import Event
from service.members import registration
from service.outbox import Notice, events_mentioned_since, events_offered_to, latest_event_mention
from service.textclean import blanked, clauses
from service.tickets import flows as ticket_flows
from service.understanding.numerals import cn_to_int
from service.understanding.places import buildings_named

_REF = r"#?\s*E\s*(?P<id>\d+)"
_LIST = re.compile(r"^(?:活[动動]|活[动動]列表|近期活[动動]|我的活[动動])$")
_SHOW = re.compile(r"^#\s*E\s*(?P<id>\d+)$", re.I)
_REF_FIRST = re.compile(r"^#\s*E\s*(?P<id>\d+)\s*(?P<rest>.+)$", re.I | re.S)
_VERBS: list[tuple[str, re.Pattern[str]]] = [
    (verb, re.compile(rf"^{word}\s*{_REF}(?P<rest>.*)$", re.I | re.S))
    for verb, word in (
        # simplified and traditional characters alike
        ("withdraw", "取消[报報]名"),
        ("sign_up", "[报報]名"),
        ("leave", "[请請]假"),
        ("cancel", "取消"),
        ("reschedule", "改期"),
        ("attend", "[签簽]到"),
    )
]
_BARE_VERB = re.compile(r"^(?:报名|请假|取消报名|签到|改期)$")
_SIGN_UP_NAMED = re.compile(r"^[报報]名\s*[:：]?\s*(?P<what>[^#\s].*)$", re.S)  # 报名 平安巡逻
_ANNOUNCE = re.compile(r"^通知\s*(?P<rest>.+)$", re.S)

_DATE = re.compile(
    r"^(?:(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]?"
    r"|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<rel>今天|明天|后天)|(?P<relnight>今晚|明晚)|(?P<relmorning>明早)"
    r"|(?P<next>下个?)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天]))"
    r"\s*(?P<ampm>上午|早上|中午|下午|晚上)?\s*"
    r"(?:(?P<h>\d{1,2}):(?P<mi>\d{2})"
    r"|(?P<h2>\d{1,2}|[一二两三四五六七八九十]{1,3})[点时](?:(?P<half>半)|(?P<mi2>\d{1,2})分?)?)"
)
# 周一 … 周日 (周天) as days of the week (Monday is 0)
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_KEYS = {"地点": "place", "对象": "audience", "名额": "capacity", "时长": "duration"}
_KEY_SPLIT = re.compile(r"(地点|对象|名额|时长)\s*[:：]")
_NAME_SPLIT = re.compile(r"[、,，;；\s]+")
_RELATIVE = {"今天": 0, "明天": 1, "后天": 2, "今晚": 0, "明晚": 1, "明早": 1}
# Where a meeting told in everyday words is held: "在…开", "在…召开", "地点…"
_HELD_AT = re.compile(r"在(?P<place>[^，,。！!？?\s]{2,30}?)(?:召开|开|举行|集合)")
# A meeting of no preset kind told by its name ("开个冬季安全工作会"; day 58b S42)
_MEETING_NAMED = re.compile(r"开(?:个|一个|一次)?(?P<what>[^\s，,。！!？?]{2,12}?会)(?!议室)")
# What is done at a place, told with no 一起 ("这周六上午九点半在社区活动室写春联送福字"; day 58b
# S17): the place, then what is done there.
_DONE_AT = re.compile(
    r"在(?P<place>[^\s，,。！!？?]{0,12}?(?:活动室|会议室|多功能厅|室|厅|广场|中心|站|门口|楼下|院子|院|场|小区里))"
    # "办个防汛防滑安全小讲座": the event is the 讲座, not 办个 (day 59b S26)
    r"(?:(?:办|开|搞|举办|组织)(?:个|一个|一场|一次)?)?"
    r"(?P<what>[^\s，,。！!？?]{2,20})"
)
# Places for a volunteer activity told in everyday words ("限30人", "名额20个")
_PLACES = re.compile(
    r"(?:限|名额|限额)\s*(?P<n>\d{1,4})\s*(?:人|个|名)?|需要\s*(?P<wanted>\d{1,4})\s*(?:个|名|位)"
)
# A date without a year that lies further back than this this year means next year; a more
# recent one is a mistake the create flow refuses ("活动时间已经过去了").
ROLLOVER = timedelta(days=60)
PRESET_KINDS = ("支部党员大会", "支委会", "党小组会", "党课", "主题党日", "升旗仪式")

HELP = (
    "活动指令：报名 #E编号；请假 #E编号 原因；取消报名 #E编号；#E编号 查看详情；活动 查看近期活动。"
    "工作人员：通知 12月5日19:30 活动名称 地点:… 对象:群名或姓名；取消 #E编号；"
    "改期 #E编号 12月6日19:30；签到 #E编号 姓名 或 签到 #E编号 全部。"
)
BAD_TIME = "没看懂时间，请写成“12月5日19:30”这样的格式。"


class EventCommands:
    def __init__(self, config: EventsConfig) -> None:
        self._config = config

    def __call__(self, ctx: Context) -> list[Notice] | None:
        return handle(ctx, self._config)


def handle(ctx: Context, config: EventsConfig) -> list[Notice] | None:
    text = unicodedata.normalize("NFKC", ctx.text).strip()  # ＃Ｅ７ reads as #E7
    if _LIST.match(text) or ctx.community.words.asks_events(text):
        return _list(ctx)
    if (show := _SHOW.match(text)) is not None:
        return _show(ctx, int(show["id"]))
    if ctx.group is not None and ctx.community.words.asks_roster(text):
        roster = _roster(ctx, ctx.group, text)
        if roster is not None:
            return roster
    if (
        ctx.group is not None
        and ctx.community.words.asks_event_detail(text)
        # "我也报名包饺子 下午几点开始来着": a sign-up first; its answer tells the time
        # (day 38 R097); "包饺子几点开始来着 我也去" too (day 63 R39)
        and ctx.community.words.sign_up_kind(text) not in ("always", "after_notice")
    ):
        asked = _asked_about(ctx, ctx.group, text)
        if asked is not None:
            return asked
    if ctx.group is not None and ctx.community.words.asks_about_signing_up(text):
        # "植树还能报名吗": the event named, with its places left and who signed up
        asked = _asked_about(ctx, ctx.group, text)
        if asked is not None:
            return asked
    if question_for_staff(ctx) is not None:
        return None  # a ticket for staff to answer (reports.ReportHandler)
    if (first := _REF_FIRST.match(text)) is not None:
        text = f"{first['rest'].strip()} #E{first['id']}"  # `#E7 报名` reads as `报名 #E7`
        if not any(pattern.match(text) for _, pattern in _VERBS):
            return [ctx.reply(HELP)]
    for verb, pattern in _VERBS:
        if (match := pattern.match(text)) is not None:
            return _ACTIONS[verb](ctx, int(match["id"]), match["rest"].strip(" ：:，,"))
    withdrawn = _everyday_withdraw(ctx, text)
    if withdrawn is not None:
        return withdrawn
    if _BARE_VERB.match(text):
        return [ctx.reply(HELP)]
    if (announce := _ANNOUNCE.match(text)) is not None:
        return _announce(ctx, config, announce["rest"].strip())
    told = _meeting_told(ctx, config, text)
    if told is not None:
        return told
    return _everyday_sign_up(ctx, text)


def _meeting_told(ctx: Context, config: EventsConfig, text: str) -> list[Notice] | None:
    """ "明晚7点半在社区二楼会议室开党小组会，学习全会精神，大家准时参加" (day 57 S45): a meeting
    told in everyday words in a staff group, by someone who may manage its members, naming a
    meeting kind, a day and a time, and a call to come (`meeting_calls`): that meeting, for the
    group, as "通知 …" makes it. None otherwise."""
    group = ctx.group
    if group is None:
        return None
    words = ctx.community.words
    kind: str | None = None
    title = ""
    if group.takes_staff_commands and any(w in text for w in words.meeting_calls):
        kind = next((k for k in PRESET_KINDS if k in text), None)
        title = kind or ""
        named = _MEETING_NAMED.search(text) if kind is None else None
        if named is not None:
            kind, title = "活动", named["what"]  # "开个冬季安全工作会" (day 58b S42)
        if not registration.may_manage_members(ctx.community, ctx.actor, [group]):
            return None
    elif group.kind == "resident" and any(w in text for w in words.volunteer_calls):
        # staff calling neighbours to a volunteer activity (day 57b S18)
        if not registration.may_manage_members(ctx.community, ctx.actor, ctx.community.groups):
            return None
        title = _what_together(words.volunteer_together, words.volunteer_calls, text)
        done_at = _DONE_AT.search(text)
        if not title and done_at is not None:
            title = done_at["what"]  # "在社区活动室写春联送福字" (day 58b S17)
        kind = "志愿服务" if title else None
    if kind is None:
        return None
    when = next(
        (
            parsed
            for at in range(len(text))
            if _DATE.match(text[at:]) is not None
            and (parsed := parse_when(text[at:], ctx.now, _zone(ctx))) is not None
        ),
        None,
    )
    if when is None:
        return None
    told = flows.open_events_for_group(ctx.session, ctx.community, group, ctx.now)
    if any(e.starts_at == when[0] for e in told):
        # the event already announced to this group, told again in words ("各位邻居 周日上午9点
        # 东门广场集合 一起捡落叶 想参加的直接在群里回个话就行" after 通知 of the clean-up; day 27)
        return None
    held = _HELD_AT.search(text) or _DONE_AT.search(text)
    places = _PLACES.search(text)
    new = flows.NewEvent(
        title=title,
        kind=kind,
        starts_at=when[0],
        place=held["place"] if held else "",
        audience_groups=(group.name,),
        audience_members=(),
        capacity=_places_of(places),
        duration_minutes=None,
    )
    outcome = flows.create_event(
        ctx.session, ctx.community, config, new, ctx.actor, group, ctx.room_id, ctx.now
    )
    return _outcome(ctx, outcome)


def _places_of(found: re.Match[str] | None) -> int | None:
    """The places an activity told in words has ("限30人", "需要10个志愿者"), if any."""
    said = (found["n"] or found["wanted"]) if found else None
    return int(said) if said and int(said) > 0 else None


def _what_together(together: Sequence[str], calls: Sequence[str], text: str) -> str:
    """What neighbours are called to do together: the clause of a `volunteer_together` word,
    from after it ("一起把楼前到广场那段路的雪扫一扫" → 楼前到广场那段路的雪扫一扫); the words of
    the call itself (the 把 of 搭把手) are not looked in."""
    for said, _ in clauses(text):
        clause = blanked(said, calls)
        word = next((w for w in sorted(together, key=len, reverse=True) if w in clause), None)
        if word is not None:
            return clause[clause.index(word) + len(word) :].strip()[:20]
    return ""


def _opens_going(ctx: Context, text: str) -> bool:
    """The message opens with going words of `sign_up_after_notice` ("+1 我也去植树")."""
    said = "".join(text.split())
    words = sorted(ctx.community.words.sign_up_after_notice, key=len, reverse=True)
    for _ in range(2):  # "+1 我也去": two of them in a row
        word = next((w for w in words if said.startswith(w)), None)
        if word is None:
            break
        said = said[len(word) :]
    return said != "".join(text.split())


def _chain_names(ctx: Context, text: str) -> list[str]:
    """The names of a 接龙 list ("1.张阿姨 / 2.老刘"), in order; [] when it is no such list or
    one to buy together ("今日团购：东北大米 10斤39.9 接龙下单", `chain_not`)."""
    if any(w in text for w in ctx.community.words.chain_not):
        return []
    pattern = re.compile(ctx.community.words.chain_line)
    names = [m["name"] for m in map(pattern.match, text.splitlines()) if m is not None]
    return list(dict.fromkeys(names)) if len(names) >= 2 or "接龙" in text else []


def _another_signed_up(ctx: Context, text: str) -> list[str]:
    """ "我给我妈报个名 她叫刘桂兰": the one signed up, by the name said, else as the sender's kin
    ("周女士的妈"); [] when the sender signs no one else up."""
    words = ctx.community.words
    found = re.search(words.sign_up_for_another, text)
    if found is None or words.sign_up_party.size(text) > 1:
        return []  # "给我妈报个名 我陪她来 俩人": the sender goes too (day 46 U14)
    if ctx.group is None or not flows.open_events_for_group(
        ctx.session, ctx.community, ctx.group, ctx.now
    ):
        # "书法班还招人不 我想给我孙子报个名": a question, with no event here (staff day 19)
        return []
    named = re.search(words.sign_up_for_another_name, text)
    return [named["name"] if named else f"{ctx.actor.name}的{found['kin']}"]


def _names_a_ticket(ctx: Context, text: str) -> bool:
    """A staff message that starts with the number of an existing ticket ("21号 收到我来",
    "#21 我来")."""
    command = commands.parse(text, ctx.community.words)
    numbers = [n for n, _ in commands.grammar(ctx.community.words).loose_refs(text)]
    number = getattr(command, "ticket_id", None)
    if number is not None:
        numbers.append(number)
    return any(ticket_flows.ticket_exists(ctx.session, n) for n in numbers)


def _everyday_sign_up(ctx: Context, text: str) -> list[Notice] | None:
    """`我也报名`, `报名+1`, `+1` right after an event notice, or a 接龙 list: a sign-up for the one
    open event of this group; with several, the bot asks which."""
    words = ctx.community.words
    everyday = words.sign_up_kind(text)
    # 报名 and an event's name (报名 平安巡逻), not an everyday phrase: always answered
    named = everyday is None and _SIGN_UP_NAMED.match(text) is not None
    if ctx.group is None:
        return [ctx.reply(messages.NAME_NEEDS_NUMBER)] if named else None
    if ctx.group.is_staff_group and _names_a_ticket(ctx, text):
        return None  # "21号 收到我来": a claim of ticket #21, not 我来 to a meeting (day 24 S46)
    if ctx.group.is_staff_group and ticket_commands.answers_a_press(ctx) is not None:
        # "收到 今天下午就上门 带热力公司师傅一起去": the answer to the street's press, not a
        # sign-up with someone brought along (seventh street trial)
        return None
    names = _chain_names(ctx, text) or _another_signed_up(ctx, text)
    naming = ctx.community.words.event_naming_part(text)  # 谢谢社区 names no 社区党委党课
    kind = "chain" if names else ("always" if named else everyday)
    if kind is None and (words.ends_with_going(text) or words.opens_with_going(text)):
        # 周六敬老院的我去: the event named by its title or weekday, when that is one event
        # ("扫雪的我去 我有铁锹", what one brings after it; day 55 R058)
        events = flows.open_events_for_group(ctx.session, ctx.community, ctx.group, ctx.now)
        chosen = flows.named_only(events, naming, _zone(ctx))
        return _sign_up(ctx, chosen[0].id, text) if len(chosen) == 1 else None
    if kind is None and _opens_going(ctx, text):
        # "+1 我也去植树": going, then the event's title, the one open event it names that the
        # resident may join, from any chat (day 48 R57)
        titled = flows.named_only(flows.open_events(ctx.session, ctx.now), naming, _zone(ctx))
        joinable = [
            e for e in titled if flows.in_audience(ctx.community, e, ctx.actor, ctx.group)
        ]
        if len(titled) == 1 and joinable:
            return _sign_up(ctx, joinable[0].id, text)
        if len(titled) == 1:
            return [ctx.reply(messages.signed_up_elsewhere(titled[0]))]
    if kind is None:
        return _answers_which_event(ctx, text, naming)
    events = flows.open_events_for_group(ctx.session, ctx.community, ctx.group, ctx.now)
    here = flows.named_only(events, naming, _zone(ctx))
    # (leave asked is never going to a ticket's place: "明天下午我得陪我妈去医院 请个假" with
    # an emergency open; day 58b S43)
    going = kind not in ("chain", "leave")
    if going and not here and (_emergency_at_hand(ctx) or _staff_on_a_building(ctx)):
        # "公园那边我带两个人去" in the grid's group while a missing grandmother is searched
        # for, "3号楼楼道灯的事 我下午陪刘志强一起去": staff going to a ticket's place, no
        # sign-up (day 56 S051, street trial 8 D036)
        return None
    # "周六晚上的平安巡逻算我一个" in the owners' chat, whose only Saturday event is the vaccine
    # day: a title named elsewhere wins over a weekday matched here (day 51 R59).
    by_weekday_only = (
        bool(here)
        and not any(flows.names_title(e.title, naming) for e in here)
        and flows.names_another_title(ctx.session, here, naming)
    )
    if kind in ("always", "chain") and (not here or by_weekday_only):
        # "我也报名理发" naming by its title an event open elsewhere in the community: a sign-up
        # for it when this resident is in its audience, else told it is not open here; never
        # a ticket.
        # ... or by its weekday ("周日扫落叶的活动我也去一个", day 27 R67); a resident who is no
        # member means no party meeting.
        others = [
            e
            for e in flows.open_events(ctx.session, ctx.now)
            if e not in events and (e.category != "meeting" or ctx.actor.person is not None)
        ]
        elsewhere = flows.named_only(others, naming, _zone(ctx))
        if by_weekday_only:
            elsewhere = [e for e in elsewhere if flows.names_title(e.title, naming)]
            if not elsewhere:
                return [ctx.reply(messages.NAME_NEEDS_NUMBER)]
        if elsewhere:
            events = [
                e for e in elsewhere if flows.in_audience(ctx.community, e, ctx.actor, ctx.group)
            ]
            if not events and len(elsewhere) == 1:
                return [ctx.reply(messages.signed_up_elsewhere(elsewhere[0]))]
            if not events:
                return [ctx.reply(messages.NAME_NEEDS_NUMBER)]
    if kind == "after_notice" and len(flows.named_only(events, naming, _zone(ctx))) == 1:
        # "周六志愿那个我也去 带上我闺女" names its event (by weekday and title), whatever notice
        # came last (day 29 P16: booked into Sunday's dumplings after Sunday's reminder).
        kind = "always"
    if kind == "after_notice" and words.going_with(text) and _answered_notice(ctx) is None:
        # "我也去 带两个孩子" with no notice to answer (or an emergency reported since): a
        # sign-up all the same, as 我也报名 is, never a witness of that emergency (day 21).
        kind = "always"
    if kind == "after_notice":
        # "+1" answers the latest event notice of the chat, chatter between or not; after a
        # problem reported since, the bot asks (an emergency: it is a witness, not a sign-up).
        answered = _answered_notice(ctx)
        if answered is None and events and _late_plus_one(ctx):
            # The notice is long gone (the next day), nothing reported here lately: ask.
            return [ctx.reply(messages.which_event(events, _zone(ctx)))]
        events = [e for e in events if answered is not None and e.id == answered[0]]
        if events and answered is not None and not answered[1]:
            return [ctx.reply(messages.which_event(events, _zone(ctx)))]
    offered = events
    if len(events) > 1:
        events = flows.named_in(events, naming, _zone(ctx)) or events  # none named: ask
    confirms = kind == "leave" or ctx.community.words.confirms_notice(text)
    if len(events) > 1 and kind in ("always", "chain") and not confirms:
        # "我报名 我和老伴俩人" minutes after the clean-up notice, the only event the bot spoke
        # of here lately: that event (day 27 R17); a 接龙 list too (day 59b R40). Two notices
        # in a row: ask.
        answered = _answered_notice(ctx)
        since = ctx.now - timedelta(minutes=words.sign_up_latest_notice_minutes)
        assert ctx.group is not None
        if (
            answered is not None
            and answered[1]
            and answered[2] >= since
            and events_mentioned_since(ctx.session, ctx.group.name, ctx.room_id, since)
            == {answered[0]}
        ):
            events = [e for e in events if e.id == answered[0]] or events
    if len(events) > 1 and kind in ("always", "leave") and confirms:
        # None named: the event the bot last spoke of here, when nothing was reported since
        # ("收到 准时到" after a meeting notice).
        answered = _answered_notice(ctx)
        if answered is not None and answered[1]:
            events = [e for e in events if e.id == answered[0]] or events
    if not events:
        # 我也报名, 算我一个 理发那个, 我也去 带上我孙子 with no open event they can mean: told so,
        # never a ticket nor word of another resident's problem (day 21 R16, R17, R74).
        said_sign_up = named or kind == "chain" or (kind == "always" and words.plain_sign_up(text))
        if not named and ctx.community.words.confirms_notice(text):
            # "好嘞 下午准时到" to staff coming to mend something, no event open: no sign-up
            # (day 44 SR09)
            return None
        return [ctx.reply(messages.NAME_NEEDS_NUMBER)] if said_sign_up else None
    if named and not any(flows.names_title(e.title, naming) for e in events):
        return [ctx.reply(messages.which_event(offered, _zone(ctx)))]  # named none of them: ask
    if len(events) > 1:
        return [ctx.reply(messages.which_event(events, _zone(ctx)))]
    if kind == "chain":
        outcome = flows.sign_up_many(ctx.session, ctx.community, events[0].id, _who(ctx), names)
        return _outcome(ctx, outcome)
    if kind == "leave":
        return _leave(ctx, events[0].id, text)
    return _sign_up(ctx, events[0].id, text)


def _emergency_at_hand(ctx: Context) -> bool:
    """A staff group with an emergency of its own or alerted to it still open."""
    group = ctx.group
    if group is None or not group.is_staff_group:
        return False
    todo = ticket_flows.group_todo(ctx.session, ctx.community, group)
    return any(t.emergency for t in todo)


def _staff_on_a_building(ctx: Context) -> bool:
    """Staff in their group naming a building: work there, not an event's sign-up."""
    group = ctx.group
    return group is not None and group.is_staff_group and bool(buildings_named(ctx.text))


def _answers_which_event(ctx: Context, text: str, naming: str) -> list[Notice] | None:
    """ "扫雪那个" just after the bot asked this person "请问报名哪个活动？": a sign-up for the one
    of the events listed that it names (day 32 R34); naming one open elsewhere ("写春联那个 今天
    下午的", day 33 R19), that one when they are in its audience, else they are told where it is
    signed up for. None otherwise."""
    words = ctx.community.words
    assert ctx.group is not None
    # short, and pointing at something ("扫雪那个"): chatter ("谢谢大家") costs no query
    if len(text.strip()) > words.which_event_answer_chars or not any(
        p in text for p in words.sign_up_pointers
    ):
        return None
    since = ctx.now - timedelta(minutes=words.which_event_answer_minutes)
    offered = events_offered_to(
        ctx.session, ctx.group.name, ctx.room_id, ctx.actor.id, since, messages.WHICH_EVENT_QUESTION
    )
    if not offered:
        return None
    open_now = flows.open_events(ctx.session, ctx.now)
    zone = _zone(ctx)
    chosen = flows.named_only([e for e in open_now if e.id in offered], naming, zone)
    if len(chosen) == 1:
        return _sign_up(ctx, chosen[0].id, text)
    others = [
        e
        for e in open_now
        if e.id not in offered and (e.category != "meeting" or ctx.actor.person is not None)
    ]
    elsewhere = flows.named_only(others, naming, zone)
    if len(elsewhere) != 1:
        return None
    if flows.in_audience(ctx.community, elsewhere[0], ctx.actor, ctx.group):
        return _sign_up(ctx, elsewhere[0].id, text)
    return [ctx.reply(messages.signed_up_elsewhere(elsewhere[0]))]


def _everyday_withdraw(ctx: Context, text: str) -> list[Notice] | None:
    """ "我去不了了 取消报名", "临时有事来不了了", "把我名字划掉吧" (sign_up_withdraw): the sender's
    sign-up is cancelled, as 取消报名 #E would; with several, the one named, else the bot asks.
    Someone they brought along not going ("老伴说她不去了 就我一个") frees that place only.
    Only with an event context (a sign-up of theirs, or an open event of this group): else it
    is no cancellation and goes on to the other handlers."""
    if ctx.group is None or not ctx.community.words.sign_up_withdraw.said(text):
        return None
    mine = flows.own_sign_ups(ctx.session, ctx.community, ctx.actor, ctx.group, ctx.now)
    withdrawing = ctx.community.words.sign_up_withdraw
    # The clause that withdraws names the event ("扫雪我就不去了 腰不好 包饺子那天我一定到":
    # 扫雪, not the dumplings she goes to; day 55 R060).
    clause = next((c for c, _ in clauses(text) if withdrawing.said(c)), text)
    naming = ctx.community.words.event_naming_part(text)
    if mine:
        here = flows.open_events_for_group(ctx.session, ctx.community, ctx.group, ctx.now)
        clause_names = ctx.community.words.event_naming_part(clause)
        named = flows.named_only(here, clause_names, _zone(ctx))
        if named and not any(e.id == m.id for e in named for m in mine):
            return [ctx.reply(messages.not_signed_up_for(named[0], _zone(ctx)))]
    if not mine:
        here = flows.open_events_for_group(ctx.session, ctx.community, ctx.group, ctx.now)
        elsewhere = flows.open_events(ctx.session, ctx.now)
        if not here and flows.named_only(elsewhere, naming, _zone(ctx)):
            # "取消报名 灯谜那个 我那天要加班" in a building's chat, of the owners' event they
            # never signed up for: told so, never a ticket (day 47 R98)
            return [ctx.reply(messages.NOTHING_TO_WITHDRAW)]
        if not here:
            return None
        if all(e.category == "meeting" for e in here):
            # A meeting is not signed up for: its members take leave (the one named, or the one
            # the bot spoke of here last: "那天我在街道开会 来不了 请个假" under the notice of
            # Friday's meeting, day 57b S21; else ask).
            meant = here if len(here) == 1 else flows.named_only(here, naming, _zone(ctx))
            answered = _answered_notice(ctx)
            if not meant and answered is not None and answered[1]:
                meant = [e for e in here if e.id == answered[0]]
            if len(meant) == 1:
                return _leave(ctx, meant[0].id, text)
            return [ctx.reply(messages.which_to_leave(meant or here, _zone(ctx)))]
        meetings = [e for e in here if e.category == "meeting"]
        named_meetings = flows.named_only(meetings, naming, _zone(ctx))
        if len(named_meetings) == 1:
            # "主题党日去不了 请个假" with a volunteer event open here too: leave from the
            # meeting it names (day 56 S084)
            return _leave(ctx, named_meetings[0].id, text)
        if len(meetings) == 1 and any(w in text for w in ctx.community.words.leave):
            # "明晚我在区里开会 去不了了 请个假" with one meeting open here and a volunteer
            # call of the whole community: leave asked is from the meeting (day 58 S15)
            return _leave(ctx, meetings[0].id, text)
        return [ctx.reply(messages.NOTHING_TO_WITHDRAW)]
    if len(mine) > 1:
        mine = flows.named_only(mine, naming, _zone(ctx)) or mine
    if len(mine) > 1:
        return [ctx.reply(messages.which_to_withdraw(mine, _zone(ctx)))]
    only_me = ctx.community.words.sign_up_withdraw.companions_only(text)
    if only_me is not None:  # "老伴说她不去了 就我一个": the sender still goes
        outcome = flows.release_companions(
            ctx.session, ctx.community, mine[0].id, _who(ctx), only_me
        )
        return _outcome(ctx, outcome)
    return _withdraw(ctx, mine[0].id, "")


def _answered_notice(ctx: Context) -> tuple[int, bool, datetime] | None:
    """The event a bare "+1" answers: the one the bot last spoke of in this chat, not longer
    ago than `sign_up_after_notice_hours`, whether that is clear (no problem reported there
    since), and when it was said. None when there is none, or an emergency was reported
    since."""
    assert ctx.group is not None
    mention = latest_event_mention(ctx.session, ctx.group.name, ctx.room_id)
    window = timedelta(hours=ctx.community.words.sign_up_after_notice_hours)
    if mention is None or ctx.now - mention.at > window:
        return None
    report = ticket_flows.latest_report_since(ctx.session, ctx.room_id, mention.at)
    if report is not None and report.emergency:
        return None
    # a question about the activities since ("扫雪要自己带铁锹不"; day 57 R62) leaves it clear
    clear = report is None or report.category == "culture"
    return mention.event_id, clear, mention.at


def _late_plus_one(ctx: Context) -> bool:
    """A "+1" in a chat that had an event notice, but longer ago than
    `sign_up_after_notice_hours`, and no problem reported there in that time (a "+1" then may
    be a me-too of it). In a chat that never had one, a "+1" is no sign-up."""
    assert ctx.group is not None
    window = timedelta(hours=ctx.community.words.sign_up_after_notice_hours)
    mention = latest_event_mention(ctx.session, ctx.group.name, ctx.room_id)
    if mention is None or ctx.now - mention.at <= window:
        return False
    return ticket_flows.latest_report_since(ctx.session, ctx.room_id, ctx.now - window) is None


def _zone(ctx: Context) -> ZoneInfo:
    return ZoneInfo(ctx.community.timezone)


def _outcome(ctx: Context, outcome: flows.Outcome) -> list[Notice]:
    return [ctx.reply(outcome.reply), *outcome.notices]


def _list(ctx: Context) -> list[Notice]:
    found = flows.upcoming_for(ctx.session, ctx.community, ctx.actor, ctx.group, ctx.now)
    return [ctx.reply(messages.listing(found, _zone(ctx)))]


def _show(ctx: Context, event_id: int) -> list[Notice]:
    event = flows.get_event(ctx.session, event_id)
    return [ctx.reply(messages.detail(event, _zone(ctx)))]


def _roster(ctx: Context, group: Group, text: str) -> list[Notice] | None:
    """ "现在都谁报了": the sign-ups of the group's one open event (as `#E7` shows them), or of
    the one the message names among several; else the bot asks which. None with none open.
    In a staff group, an event it names that is not for the group itself counts too: staff ask
    after the events they run for residents ("理发义诊那个报名的有几个人了" in the community's
    group, day 34 S77)."""
    events = flows.open_events_for_group(ctx.session, ctx.community, group, ctx.now)
    naming = ctx.community.words.event_naming_part(text)
    if group.is_staff_group and not flows.named_only(events, naming, _zone(ctx)):
        run_for_residents = flows.named_only(
            flows.open_events(ctx.session, ctx.now), naming, _zone(ctx)
        )
        if len(run_for_residents) == 1:
            return _show(ctx, run_for_residents[0].id)
    if not events:
        return None
    named = flows.named_in(events, naming, _zone(ctx)) if len(events) > 1 else events
    if len(named) == 1:
        return _show(ctx, named[0].id)
    return [ctx.reply(messages.which_roster(named or events, _zone(ctx)))]


def question_for_staff(ctx: Context) -> Event | None:
    """ "报名植树的要自己带铁锹吗", "明天大扫除要自己带扫把吗" (day 42 R71, SR18): a resident's
    question about the one open event of their group it names, which the event itself does not
    answer (config/commands.yaml `event_question`). None for anything else: a sign-up, a
    question of its time or place, one about signing up, one naming no event or several."""
    group = ctx.group
    text = unicodedata.normalize("NFKC", ctx.text).strip()
    words = ctx.community.words
    if group is None or group.is_staff_group or ctx.actor.is_staff:
        return None
    if not words.asks_staff_of_event(text) or words.asks_event_detail(text):
        return None
    chase = ctx.community.policy.duplicates.chase_words
    if any(w in text for w in chase) and ticket_flows.my_open_tickets(ctx.session, ctx.actor):
        # "杨絮这个事就没人理？" from the resident of the 杨絮 ticket, with a 杨絮 clean-up
        # announced: their ticket chased, no question about the event (day 56 R061)
        return None
    # a party meeting asked about by anyone ("主题党日家属能跟着来不": staff answer it, whichever
    # of two 主题党日 it is; day 46)
    named = _named_open_events(ctx, group, text, meetings_too=True)
    question = words.event_question
    named = [e for e in named if question is not None and question.names_title(e.title, text)]
    return named[0] if named else None


def signed_up_with_question(ctx: Context, event: Event) -> list[Notice]:
    """A sign-up said with a question for staff ("元旦联欢会我报名 我们舞蹈队能出个节目不"; day
    51 R23): the sender is signed up for the event the question names, and the question is
    still a ticket for staff (reports.ReportHandler). Nothing when it signs nobody up."""
    if ctx.community.words.sign_up_kind(ctx.text) != "always":
        return []
    return _sign_up(ctx, event.id, ctx.text)


def _asked_about(ctx: Context, group: Group, text: str) -> list[Notice] | None:
    """ "理发几点来着": the one open event the question names, shown; None when it names none or
    several (then it is no question about an event)."""
    named = _named_open_event(ctx, group, text)
    if named is None:
        return None
    if group.is_staff_group:
        return _show(ctx, named.id)
    # a resident asking is also told how to take part ("中秋晚会在哪里报名"; day 45 R40)
    shown = messages.detail(named, _zone(ctx))
    return [ctx.reply(f"{shown}\n{messages.answer_hint(named)}")]


def _named_open_event(ctx: Context, group: Group, text: str) -> Event | None:
    """The one open event of the group the text names; naming none of them, the one open
    event of the community it names ("防溺水巡逻几点集合啊" in a building's chat, of the patrol
    told in the owners' group; day 43 R63), a party meeting only to a member."""
    named = _named_open_events(ctx, group, text)
    if not named:
        named = _named_by_letters(ctx, group, text)
    if len(named) > 1:
        # "周六几点结束啊" under the notice of one of two Saturday events: the one the bot last
        # spoke of in this chat (day 53 R27)
        answered = _answered_notice(ctx)
        named = [e for e in named if answered is not None and e.id == answered[0]] or named
    return named[0] if len(named) == 1 else None


# Letters of a question (its asking words set aside) an event's title must hold to be named by
# them in another order ("扫雪几点集合来着" of "…车棚那边的雪扫一扫"; day 61 R49).
TITLE_LETTERS_NEEDED = 2


def _named_by_letters(ctx: Context, group: Group, text: str) -> list[Event]:
    """The one open event of the group whose title holds every letter the question names
    besides its asking words (at least TITLE_LETTERS_NEEDED): "扫雪几点集合来着 在哪儿" names
    the 雪扫一扫 of the group's chat; [] otherwise."""
    question = ctx.community.words.event_detail_question
    rest = text
    if question is not None:
        for word in sorted((*question.topic, *question.asking), key=len, reverse=True):
            rest = rest.replace(word, " ")
    filler = set(ctx.community.policy.duplicates.filler_chars) | {"儿"}
    letters = {c for c in rest if "\u4e00" <= c <= "\u9fff" and c not in filler}
    if len(letters) < TITLE_LETTERS_NEEDED:
        return []
    events = flows.open_events_for_group(ctx.session, ctx.community, group, ctx.now)
    named = [e for e in events if letters <= set(e.title)]
    return named if len(named) == 1 else []


def _named_open_events(
    ctx: Context, group: Group, text: str, meetings_too: bool = False
) -> list[Event]:
    """The open events the text names most (see _named_open_event); a party meeting to anyone
    with `meetings_too`."""
    naming = ctx.community.words.event_naming_part(text)
    zone = _zone(ctx)
    events = flows.open_events_for_group(ctx.session, ctx.community, group, ctx.now)
    member = ctx.actor.person is not None or meetings_too
    others = [
        e
        for e in flows.open_events(ctx.session, ctx.now)
        if e not in events and (e.category != "meeting" or member)
    ]
    # the title named most, of all open events ("中秋晚会在哪里报名" asked in a building's chat
    # is the 晚会 of the owners' chat, not that building's 迎中秋 volunteering; day 45 R40); on a
    # tie, the group's own
    named = flows.named_only(events + others, naming, zone)
    if len(named) > 1:
        named = [e for e in named if e in events] or named
    return named


def _who(ctx: Context) -> flows.Answer:
    return flows.Answer(ctx.actor, ctx.group, ctx.room_id, ctx.now)


def _sign_up(ctx: Context, event_id: int, said: str) -> list[Notice]:
    """报名 for the sender and whoever they bring along (sign_up_party in config/commands.yaml)."""
    words = ctx.community.words
    seats = words.sign_up_party.size(said)
    more = any(w in said for w in words.sign_up_more)
    outcome = flows.sign_up(ctx.session, ctx.community, event_id, _who(ctx), seats, more)
    return _outcome(ctx, outcome)


def _leave(ctx: Context, event_id: int, reason: str) -> list[Notice]:
    return _outcome(ctx, flows.take_leave(ctx.session, ctx.community, event_id, _who(ctx), reason))


def _withdraw(ctx: Context, event_id: int, _rest: str) -> list[Notice]:
    return _outcome(ctx, flows.withdraw(ctx.session, ctx.community, event_id, _who(ctx)))


def _cancel(ctx: Context, event_id: int, reason: str) -> list[Notice]:
    outcome = flows.cancel_event(ctx.session, ctx.community, event_id, ctx.actor, reason, ctx.now)
    return _outcome(ctx, outcome)


def _reschedule(ctx: Context, event_id: int, rest: str) -> list[Notice]:
    parsed = parse_when(rest, ctx.now, _zone(ctx))
    if parsed is None:
        raise InvalidInput(
            f"cannot read a new time in {rest!r}",
            f"没看懂新的时间，请写成：改期 #E{event_id} 12月6日19:30",
        )
    # Words after the time are the reason ("改期 #E2 4月17日8:30 周六有大风预警": day 34 S76).
    reason = parsed[1].strip(" ，,。.:：;；")
    outcome = flows.reschedule_event(
        ctx.session, ctx.community, event_id, parsed[0], ctx.actor, ctx.now, reason
    )
    return _outcome(ctx, outcome)


def _attend(ctx: Context, event_id: int, rest: str) -> list[Notice]:
    names = [n for n in _NAME_SPLIT.split(rest) if n]
    if not names:
        raise InvalidInput(
            "attendance without names", f"请写出参加人的姓名，例如：签到 #E{event_id} 张三 李四"
        )
    everyone = names == ["全部"]
    outcome = flows.record_attendance(
        ctx.session, ctx.community, event_id, ctx.actor, None if everyone else names, ctx.now
    )
    return _outcome(ctx, outcome)


_ACTIONS: dict[str, Callable[[Context, int, str], list[Notice]]] = {
    "sign_up": _sign_up,
    "leave": _leave,
    "withdraw": _withdraw,
    "cancel": _cancel,
    "reschedule": _reschedule,
    "attend": _attend,
}


# -- `通知 …`: a one-off event ----------------------------------------------------------------


def _announce(ctx: Context, config: EventsConfig, rest: str) -> list[Notice] | None:
    parsed = parse_when(rest, ctx.now, _zone(ctx))
    if parsed is None:
        return None  # "通知大家…" without a date is ordinary talk, not an event
    starts_at, tail = parsed
    new = _new_event(ctx, starts_at, tail)
    outcome = flows.create_event(
        ctx.session, ctx.community, config, new, ctx.actor, ctx.group, ctx.room_id, ctx.now
    )
    return _outcome(ctx, outcome)


def _new_event(ctx: Context, starts_at: datetime, tail: str) -> flows.NewEvent:
    parts = _KEY_SPLIT.split(tail)
    title = parts[0].strip(" ，,。")
    fields = {_KEYS[parts[i]]: parts[i + 1].strip(" ，,。") for i in range(1, len(parts) - 1, 2)}
    if not title or len(title) > 50:
        raise InvalidInput(
            f"event title {title!r} is empty or too long",
            "请写上活动名称（50字以内），例如：通知 12月5日19:30 党小组会 地点:社区活动室",
        )
    groups, members = _audience(ctx, fields.get("audience", ""))
    return flows.NewEvent(
        title=title,
        kind=next((k for k in PRESET_KINDS if k in title), "活动"),
        starts_at=starts_at,
        place=fields.get("place", "")[:100],
        audience_groups=groups,
        audience_members=members,
        capacity=_number(fields.get("capacity"), "名额", 1, 1000),
        duration_minutes=_duration(fields.get("duration")),
    )


def _audience(ctx: Context, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = [n for n in _NAME_SPLIT.split(text) if n]
    if not names:
        if ctx.group is None:
            raise InvalidInput("no audience", "请写明对象，例如：对象:3号楼党小组")
        return (ctx.group.name,), ()
    groups = [n for n in names if ctx.community.group(n) is not None]
    members = [n for n in names if ctx.community.person(n) is not None]
    unknown = [n for n in names if n not in groups and n not in members]
    if unknown:
        raise InvalidInput(
            f"unknown audience {unknown}",
            f"不认识对象“{'、'.join(unknown)}”，请写群名（如3号楼党小组）或工作人员姓名。",
        )
    return tuple(dict.fromkeys(groups)), tuple(dict.fromkeys(members))


def _number(text: str | None, label: str, low: int, high: int) -> int | None:
    if text is None:
        return None
    match = re.fullmatch(r"(\d{1,4})\s*人?", text)
    if match is None or not low <= int(match[1]) <= high:
        raise InvalidInput(f"bad {label} {text!r}", f"{label}请写{low}到{high}之间的数字。")
    return int(match[1])


def _duration(text: str | None) -> int | None:
    if text is None:
        return None
    match = re.fullmatch(r"(\d{1,3}(?:\.\d)?)\s*(小时|个小时|h|分钟|分|min)?", text, re.I)
    if match is None:
        raise InvalidInput(f"bad duration {text!r}", "时长请写成“2小时”或“90分钟”。")
    unit = (match[2] or "分钟").lower()
    minutes = float(match[1]) * (60 if unit in ("小时", "个小时", "h") else 1)
    if not 5 <= minutes <= 24 * 60:
        raise InvalidInput(f"duration {minutes} out of range", "时长请在5分钟到24小时之间。")
    return int(minutes)


def parse_when(text: str, now: datetime, zone: ZoneInfo) -> tuple[datetime, str] | None:
    """A date and time at the start of `text` (`12月5日19:30`, `明天下午3点半`, `2026-12-05 19:30`)
    and the rest of the text; None when there is none."""
    match = _DATE.match(text.strip())
    if match is None:
        return None
    today = now.astimezone(zone).date()
    said_hour = cn_to_int(match["h"] if match["h"] is not None else match["h2"])
    if said_hour is None:
        return None
    hour = said_hour
    minute = int(match["mi"] or match["mi2"] or 0) + (30 if match["half"] else 0)
    night = match["relnight"] is not None
    if (match["ampm"] in ("下午", "晚上") or night) and hour < 12:
        hour += 12
    if match["ampm"] == "中午" and hour < 6:
        hour += 12
    try:
        relative = match["rel"] or match["relnight"] or match["relmorning"]
        if relative:
            day = today + timedelta(days=_RELATIVE[relative])
        elif match["wd"]:
            # "周五晚上七点" (day 57b S19): the coming one (today's, if said today); "下周五"
            # the one after it
            ahead = (_WEEKDAYS[match["wd"]] - today.weekday()) % 7
            day = today + timedelta(days=ahead + (7 if match["next"] else 0))
        elif match["iy"]:
            day = date(int(match["iy"]), int(match["im"]), int(match["id"]))
        else:
            day = date(int(match["y"] or today.year), int(match["m"]), int(match["d"]))
            if match["y"] is None and day < today - ROLLOVER:
                day = day.replace(year=today.year + 1)  # in December, "1月3日" is next year
        moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    except ValueError as exc:
        raise InvalidInput(f"not a date/time: {match[0]!r} ({exc})", BAD_TIME) from exc
    return moment, text.strip()[match.end() :]
