"""What the bot says about tickets: short, polite Chinese."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from service.models import Ticket, TicketEvent
from service.textclean import mask_phones
from service.tickets import ratings, states
from service.tickets.routing import Place
from service.tickets.wording import describe
from service.understanding.model import CATEGORY_LABELS_ZH
from service.understanding.summary import without_leading_fragment

QUOTE_LIMIT = 200
RATING_ASK = "请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。"


def title(ticket: Ticket) -> str:
    return ticket.summary or ticket.subcategory or CATEGORY_LABELS_ZH.get(ticket.category, "诉求")


def place_of(ticket: Ticket) -> Place:
    return Place(ticket.building, ticket.unit, ticket.room)


def headline(ticket: Ticket) -> str:
    return f"工单 #{ticket.id}：{title(ticket)}，{place_of(ticket).label()}"


def quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + "…（全文见工单）"


def kind_label(ticket: Ticket) -> str:
    label = CATEGORY_LABELS_ZH.get(ticket.category, ticket.category)
    return f"{label}·{ticket.subcategory}" if ticket.subcategory else label


def state_label(ticket: Ticket) -> str:
    return states.LABELS_ZH.get(ticket.state, ticket.state)


def local(when: datetime, zone: ZoneInfo) -> str:
    return when.astimezone(zone).strftime("%m月%d日 %H:%M")


# -- intake ------------------------------------------------------------------------------


def for_residents(group: str) -> str:
    """A staff group as residents read it: who, not which chat ("物业服务中心群" → 物业服务中心,
    "社区党委工作群" → 社区党委; fifth street trial)."""
    who = group.removesuffix("群")
    return who.removesuffix("工作") or group


def acknowledgement(ticket: Ticket) -> str:
    who = for_residents(ticket.assigned_group)
    return f"已收到您反映的问题（{headline(ticket)}），已转{who}处理。"


def acknowledgement_at_night(ticket: Ticket, until: str) -> str:
    return (
        f"已收到您反映的问题（{headline(ticket)}），夜间已登记，"
        f"{until}后转{for_residents(ticket.assigned_group)}处理。如有危险请直接拨打110、119或120。"
    )


def ask_place() -> str:
    return "请问是几号楼几单元？回复楼号后我们马上转给负责的同志。"


def short(text: str, limit: int = 20) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def already_reported(ticket: Ticket, own_text: str) -> str:
    return (
        f"您说的“{short(own_text)}”已有居民反映过（{headline(ticket)}，{state_label(ticket)}），"
        "已为您关注进展，结果会告诉您。如果不是同一件事，请回复“不是同一件事”。"
    )


def reporter_line(ticket: Ticket) -> str:
    return f"反映人：{ticket.reporter_name}（{ticket.source_group or '私聊'}）"


def new_ticket_notice(
    ticket: Ticket,
    transferred_from: str | None = None,
    look_alike: Ticket | None = None,
    transfer_reason: str = "",
    came_back_of: Ticket | None = None,
    zone: ZoneInfo | None = None,
) -> str:
    """`came_back_of`: the reporter's own ticket of this problem, closed lately
    (flows.came_back)."""
    head = "【紧急工单" if ticket.emergency else "【新工单"
    lines = [
        f"{head} #{ticket.id}】{kind_label(ticket)}",
        f"地点：{place_of(ticket).label()}",
        f"居民原话：{quote(ticket.text)}",
        reporter_line(ticket),
    ]
    if transferred_from:
        why = f"：{transfer_reason}" if transfer_reason else ""
        lines.append(f"由{transferred_from}转来{why}")
    if ticket.emergency and ticket.emergency_level == "possible":
        lines.append(POSSIBLE_EMERGENCY_LINE.format(id=ticket.id))
    if came_back_of is not None and came_back_of.resolved_at is not None:
        when = local(came_back_of.resolved_at, zone) if zone is not None else ""
        lines.append(
            f"居民说问题又出现了：上次 #{came_back_of.id}（{title(came_back_of)}）"
            f"{when} 已办结：{came_back_of.resolution_note or '已处理'}"
        )
    if look_alike is not None:
        lines.append(
            f"可能与 #{look_alike.id}（{title(look_alike)}）相同，"
            f"如是请回复 #{ticket.id} 重复 #{look_alike.id}"
        )
    lines.append(f"接单请回复：#{ticket.id} 接单；办结后回复：#{ticket.id} 已处理 处理说明")
    return "\n".join(lines)


# A possible emergency (可能紧急) is paged like an emergency, with this line in the notice.
POSSIBLE_EMERGENCY_LINE = (
    "（系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#{id} 非紧急）"
)


def telling_summary(
    ticket: Ticket,
    cry_words: tuple[str, ...],
    short_too: bool = False,
    subjects: tuple[str, ...] = (),
) -> str:
    """The ticket's summary, unless it is a cry (救命, 快报警), or (`short_too`) too short to
    say anything: then the clause of the resident's words that says what happens. An
    emergency's summary keeps what is in danger or dangerous (`subjects`: 空调外机, 小孩 …)
    when the resident named it in another clause ("空调外机 感觉马上要掉下来了")."""
    what = ticket.summary or ""
    if (short_too and len(what) < 4) or any(cry in what for cry in cry_words):
        what = _telling_clause(ticket, cry_words)
    return _with_subject(ticket, what, subjects) if ticket.emergency else what


def alert_title(ticket: Ticket, cry_words: tuple[str, ...], subjects: tuple[str, ...] = ()) -> str:
    """What happened and where, for the first line of an alert (no 救命 / 快来人)."""
    what = telling_summary(ticket, cry_words, short_too=True, subjects=subjects)
    place = place_of(ticket)
    return f"{place.label()} {what}" if place.building else what


# A summary taking in the clause that names what is in danger stays this short; a longer one
# takes in only the word.
MAX_TITLE_CHARS = 20


def _with_subject(ticket: Ticket, what: str, subjects: tuple[str, ...]) -> str:
    """``what`` with the first thing in danger or dangerous the resident named and it lacks:
    its clause before or after it ("阳台的空调外机 感觉马上要掉下来了", "电梯停了 有个小孩自己在
    里面"), or, when that is too long, the word alone."""
    if not what or any(w in what for w in subjects):
        return what
    named = sorted((ticket.text.find(w), w) for w in subjects if w in ticket.text)
    if not named:
        return what
    position, word = named[0]
    clause = next(
        (
            without_leading_fragment(_PLACE_PREFIX.sub("", c))
            for c in _CLAUSES.split(ticket.text)
            if word in c
        ),
        word,
    )
    before = position < ticket.text.find(what)
    joined = f"{clause} {what}" if before else f"{what} {clause}"
    if len(joined) <= MAX_TITLE_CHARS:
        return joined
    return f"{word} {what}" if before else f"{what} {word}"


_CLAUSES = re.compile(r"[\s，,。.!！?？~～、；;]+")
_PLACE_PREFIX = re.compile(
    r"^(?:\d+号楼|\d+栋|[一二三四五六七八九十]+号楼)?(?:\d+单元)?(?:\d{3,4}室?)?"
)


def _telling_clause(ticket: Ticket, cry_words: tuple[str, ...]) -> str:
    """The clause of the resident's words that says what happens: without cries and without
    the place (which the title gives anyway); the longest, or the first with a keyword."""
    clauses = [
        without_leading_fragment(_PLACE_PREFIX.sub("", c)) for c in _CLAUSES.split(ticket.text)
    ]
    uncried = [c for c in clauses if len(c) >= 2 and not any(cry in c for cry in cry_words)]
    if not uncried:
        # every clause holds one ("门口的冰好几天了没人铲"): the clauses it ends, without it
        for cry in sorted(cry_words, key=len, reverse=True):
            clauses = [c.removesuffix(cry) for c in clauses]
        uncried = [
            c for c in clauses if len(c) >= 2 and not any(cry in c for cry in cry_words)
        ]
    clauses = uncried
    keywords = [str(k) for k in ticket.keywords or () if str(k) not in cry_words]
    with_keyword = [c for c in clauses if any(k in c for k in keywords)]
    longest = max(clauses, key=len, default="")
    if with_keyword and len(with_keyword[0]) >= len(longest) // 2:
        return with_keyword[0][:30]
    return longest[:30] or ticket.subcategory or "紧急情况"


def emergency_alert(ticket: Ticket, title_text: str, guidance: str) -> str:
    """Readable from a lock screen: the first line says what, where and which ticket; a
    possible emergency says so, and how to call it off."""
    possible = ticket.emergency_level == "possible"
    lines = [
        f"【{'可能紧急' if possible else '紧急'} #{ticket.id}】{title_text}",
        f"类别：{kind_label(ticket)}",
        f"居民原话：{quote(ticket.text)}",
        reporter_line(ticket),
        f"已告知居民：{guidance}",
    ]
    if possible:
        lines.append(POSSIBLE_EMERGENCY_LINE.format(id=ticket.id))
    lines.append(f"负责：{ticket.assigned_group}。请立即跟进，接单回复：#{ticket.id} 接单")
    return "\n".join(lines)


def emergency_worse_alert(
    ticket: Ticket, title_text: str, who: str, said: str, unclaimed: bool = False
) -> str:
    """An emergency still open is getting worse, in a resident's words, or (`unclaimed`) its
    resident says nobody has come while nobody has claimed it: said again at once."""
    head = "仍无人接单" if unclaimed else "情况加重"
    return "\n".join(
        [
            f"【紧急 #{ticket.id} {head}】{title_text}",
            f"居民最新反映：{who}：{quote(said)}",
            f"类别：{kind_label(ticket)}",
            f"负责：{ticket.assigned_group}。当前状态：{state_label(ticket)}。"
            f"请立即跟进，接单回复：#{ticket.id} 接单",
        ]
    )


def raised_to_resident(ticket: Ticket) -> str:
    """Danger told on a ticket that was no emergency: it is one now."""
    return f"情况紧急，已立即通知值班人员（工单 #{ticket.id}）。"


def worse_to_resident(ticket: Ticket) -> str:
    return f"已把您说的情况加重再次紧急通知值班人员（工单 #{ticket.id}）。"


def unclaimed_chase_to_resident(ticket: Ticket) -> str:
    """Nobody has come to an emergency nobody has claimed: the duty staff are alerted again."""
    return f"还没有工作人员接单，已再次紧急通知值班人员（工单 #{ticket.id}），请稍候。"


# -- staff actions -----------------------------------------------------------------------


def claimed_in_group(ticket: Ticket, residents_told_at: str | None = None) -> str:
    """`residents_told_at`: the time the residents will be told (a claim in the night)."""
    said = f"工单 #{ticket.id} 已由{ticket.claimed_by}接单。"
    if residents_told_at is None:
        return said
    return f"{said}现在是夜间，居民将在 {residents_told_at} 收到通知。"


def claimed_to_resident(ticket: Ticket, said: str = "", office: str = "") -> str:
    """`said`: what the staff member said with the claim ("下午两点师傅上门"); `office`: where
    someone the residents do not know works ("街道": 街道周主任正在处理)."""
    who = f"{office}{ticket.claimed_by}正在处理"
    told = f"{who}：{mask_phones(said.rstrip('。'))}。" if said else f"{who}。"
    return f"您反映的问题（工单 #{ticket.id}）已有工作人员接单，{told}"


def resolved_in_group(ticket: Ticket, residents_told_at: str | None = None) -> str:
    """`residents_told_at`: the time the residents will be told (a closing in the night)."""
    said = f"工单 #{ticket.id} 已办结（{ticket.resolved_by}）：{ticket.resolution_note}"
    if residents_told_at is None:
        return said
    return f"{said}。现在是夜间，居民将在 {residents_told_at} 收到通知"


def closing_withdrawn(ticket: Ticket) -> str:
    """To the residents of a ticket whose closing was sent on it in error."""
    return f"更正：刚才关于工单 #{ticket.id} 的处理通知发错了，您的问题还在处理中，给您添麻烦了。"


def closing_moved(wrong: Ticket, right: Ticket) -> str:
    """To the group: the closing moved to the ticket it was meant for."""
    return (
        f"已更正：办结说明已改记到工单 #{right.id}，并已告知居民；工单 #{wrong.id} 已退回处理中，"
        f"办好后请回复：#{wrong.id} 已处理 处理说明"
    )


SAFETY_ASK = "请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。"


def resolved_to_resident(ticket: Ticket, what: str, ask_safe: bool = False) -> str:
    """`what` is the resident's own problem: the ticket's title, or a joined resident's words."""
    ask = SAFETY_ASK if ask_safe else RATING_ASK
    note = mask_phones(ticket.resolution_note or "")
    return f"您反映的问题（工单 #{ticket.id}：{what}）已处理：{note}。{ask}"


def outcome_told_again(ticket: Ticket, note: str, who: str) -> str:
    """A later word of how a closed ticket ended, for its group."""
    return f"工单 #{ticket.id} 处理结果补充（{who}）：{note.rstrip('。')}。"


def outcome_to_resident(ticket: Ticket) -> Callable[[str], str]:
    """... and for each of its residents."""
    note = mask_phones(ticket.resolution_note or "").rstrip("。")
    return lambda what: f"您反映的问题（工单 #{ticket.id}：{what}）最新情况：{note}。"


def outcome_said_again(ticket: Ticket, ask_safe: bool) -> str:
    """A resident asking after their ticket closed and waiting for their answer ("张老太那边到底
    谁去看了"): how it ended, by whom, and the question again."""
    ask = SAFETY_ASK if ask_safe else RATING_ASK
    note = mask_phones(ticket.resolution_note or "").rstrip("。")
    who = f"（{ticket.resolved_by}）" if ticket.resolved_by else ""
    return f"您反映的问题（工单 #{ticket.id}：{title(ticket)}）已处理{who}：{note}。{ask}"


def answered_again(ticket: Ticket) -> str:
    """A resident asking after a question already answered: the answer said again."""
    return (
        f"您咨询的问题（工单 #{ticket.id}：{title(ticket)}）已经答复："
        f"{mask_phones(ticket.resolution_note or '').rstrip('。')}。还有不清楚的请直接在群里问。"
    )


def answered_to_resident(ticket: Ticket, what: str) -> str:
    """A question (信息咨询) answered by staff: the answer itself, in the resident's chat."""
    return (
        f"您咨询的问题（工单 #{ticket.id}：{what}）答复如下："
        f"{mask_phones(ticket.resolution_note or '')}。{RATING_ASK}"
    )


def _closed(ticket: Ticket) -> bool:
    return ticket.state == states.CLOSED


def _still_rating(ticket: Ticket, what: str = "评价") -> str:
    """For the group, while other residents of the same ticket have not answered yet."""
    return f"，还有{ratings.residents_waiting(ticket)}位居民未{what}"


def safe_confirmed(ticket: Ticket) -> str:
    if _closed(ticket):
        return f"平安就好！工单 #{ticket.id} 已完结，有事请随时在群里说。"
    return f"平安就好！已记下您的回复（工单 #{ticket.id}），有事请随时在群里说。"


def safe_in_group(ticket: Ticket) -> str:
    if _closed(ticket):
        return f"工单 #{ticket.id} 居民已确认安全，已完结。"
    # residents were asked whether they are safe, not to rate (fifth street trial)
    return f"工单 #{ticket.id} 一位居民已确认安全{_still_rating(ticket, '回复')}。"


def transferred_in_group(ticket: Ticket, old: str) -> str:
    return f"工单 #{ticket.id} 已从{old}转至{ticket.assigned_group}。"


def transferred_at_night(told: str, until: str) -> str:
    """`told`: what the sending group reads of a transfer made in the quiet hours."""
    return f"{told}现在是夜间，对方和居民将在 {until} 收到通知。"


def cross_grid_reason(asked_for: str, reason: str) -> str:
    """Why the community got a ticket staff wanted in another grid's group."""
    return f"请转{asked_for}" + (f"（{reason}）" if reason else "")


def transferred_via_community(ticket: Ticket, asked_for: str) -> str:
    """A transfer to another grid's group goes through the community group."""
    return (
        f"跨网格转办由社区安排：工单 #{ticket.id} 已转{ticket.assigned_group}，"
        f"请其转给{asked_for}。"
    )


def taken_back_in_group(ticket: Ticket, by: str) -> str:
    return f"工单 #{ticket.id} 已由{by}收回，改由{ticket.assigned_group}处理，本群无需再跟进。"


def taken_back(ticket: Ticket, by: str) -> str:
    """Said to the group that has a ticket again after 收回: plainly taken back, not a new
    ticket, with who did it and the state it is in now."""
    return (
        f"工单 #{ticket.id}（{title(ticket)}）已由{by}收回，现由{ticket.assigned_group}处理，"
        f"当前状态：{state_label(ticket)}。接单请回复：#{ticket.id} 接单"
    )


def transferred_to_resident(ticket: Ticket) -> str:
    return f"您反映的问题（工单 #{ticket.id}）已转{for_residents(ticket.assigned_group)}处理。"


def note_added(ticket: Ticket, note: str, who: str) -> str:
    """Said to the ticket's group: the note itself, so nobody has to open the dashboard."""
    return f"已为工单 #{ticket.id} 添加备注（{who}）：{note.rstrip('。')}。"


def progress_noted(ticket: Ticket) -> str:
    """Staff progress with no number, kept on the ticket it pointed at ("健身器材那个 …")."""
    return (
        f"已记入工单 #{ticket.id}（{title(ticket)}）的进展。"
        f"办结后请回复：#{ticket.id} 已处理 处理说明"
    )


def merge_into_finished(ticket: Ticket, into: Ticket) -> str:
    """A merge into a ticket that is over (closed, merged, cancelled): what to do instead."""
    return (
        f"工单 #{into.id}（{title(into)}）已是“{state_label(into)}”，不能再合并进去。"
        f"如 #{ticket.id} 也已处理好，请回复：#{ticket.id} 已处理 处理说明"
    )


def resolved_offer_reopen(ticket_id: int, how: str) -> str:
    """A claim or take-back of a ticket waiting for its rating: reopening is what is meant."""
    return f"工单 #{ticket_id} 已办结，正在等居民评价。如需重新处理，请回复：{how}"


def merged_in_group(ticket: Ticket, into: Ticket) -> str:
    return f"工单 #{ticket.id} 已合并到工单 #{into.id}，请在 #{into.id} 中继续处理。"


def merged_into_resolved_in_group(ticket: Ticket, into: Ticket) -> str:
    return f"工单 #{ticket.id} 已并入已办结的工单 #{into.id}，已把处理结果告诉居民。"


def merged_pointer(ticket: Ticket, into: Ticket, how: str) -> str:
    """A staff command on a merged ticket: where the work goes on now."""
    return (
        f"工单 #{ticket.id} 已并入 #{into.id}（{title(into)}），请对 #{into.id} 操作，"
        f"例如回复：{how}"
    )


def merged_to_resident(ticket: Ticket, into: Ticket) -> str:
    return f"您反映的问题（工单 #{ticket.id}）与工单 #{into.id} 相同，已合并处理，结果会通知您。"


def unmerged_in_group(ticket: Ticket, into: Ticket, claiming: bool = False) -> str:
    """A merge undone (`#28 不是重复`): the ticket is handled on its own again. `claiming`: the
    sender takes it in the same sentence; the claim notice that follows says how to close it."""
    done = f"工单 #{ticket.id} 已与 #{into.id} 分开，单独处理（{title(ticket)}）。"
    if claiming:
        return done
    claim = "" if ticket.state == states.CLAIMED else f"接单请回复：#{ticket.id} 接单；"
    return f"{done}{claim}办结后回复：#{ticket.id} 已处理 处理说明"


def unmerged_to_resident(ticket: Ticket) -> str:
    return f"您反映的问题（工单 #{ticket.id}）已单独处理，结果会通知您。"


def refused_in_group(ticket: Ticket) -> str:
    """Said to the group that refused a ticket transferred to it ("不归我们管")."""
    return f"工单 #{ticket.id} 已退回{ticket.assigned_group}，本群无需再跟进。"


def refused_to_sender(ticket: Ticket, here: str, by: str, note: str) -> str:
    """Said to the group a refused transfer came back to."""
    return (
        f"【工单 #{ticket.id} {here}退回】{by}：{note}\n"
        f"请回复：#{ticket.id} 接单，或 #{ticket.id} 转 其他部门，或 #{ticket.id} 非职责 原因"
    )


def not_responsible_in_group(ticket: Ticket) -> str:
    return f"工单 #{ticket.id} 已标记为非本单位职责：{ticket.referred_to}"


def not_responsible_to_resident(ticket: Ticket) -> str:
    return (
        f"您反映的问题（工单 #{ticket.id}）不属于社区职责范围：{ticket.referred_to}。"
        "如有疑问请联系社区。"
    )


def marked_complex(ticket: Ticket, due: datetime, zone: ZoneInfo) -> str:
    return f"工单 #{ticket.id} 已标记为复杂工单，办结时限延长至{local(due, zone)}。"


# -- residents ---------------------------------------------------------------------------


def cancelled_to_resident(ticket: Ticket) -> str:
    return f"已为您撤销工单 #{ticket.id}。"


def cancelled_in_group(ticket: Ticket) -> str:
    return f"工单 #{ticket.id} 已由居民{ticket.reporter_name}撤销，无需再处理。"


RELAYED_TO_STREET = "已转告街道。"
TOLD_WHEN_CLOSED = "办结时会在本群告诉您。"


def street_finding_filed(ticket: Ticket, joined: bool) -> str:
    """The street told where its inspection finding went (street check 13 S012)."""
    who = for_residents(ticket.assigned_group)
    if joined:
        return (
            f"这件事已有工单在办（{headline(ticket)}），已把您的要求转告{who}。{TOLD_WHEN_CLOSED}"
        )
    return f"已登记为工单（{headline(ticket)}），已转{who}处理。{TOLD_WHEN_CLOSED}"


def noted(ticket: Ticket, relayed: bool) -> str:
    """A staff plan on a ticket ("#9 我已经跟唐静说了 明早修"), kept as a note."""
    return f"已记入工单 #{ticket.id}。" + (RELAYED_TO_STREET if relayed else "")


def noted_on_finished(ticket: Ticket) -> str:
    """A note on a ticket already closed: kept, and its state said."""
    return f"已记入工单 #{ticket.id}（已是“{state_label(ticket)}”状态）。"


def kept_as_note(ticket_id: int, close: str, relayed: bool = False) -> str:
    """A staff sentence kept as a note: plainly not a closing."""
    told = f"已记下{'并转告街道' if relayed else ''}"
    return f"{told}，但工单 #{ticket_id} 仍未办结，居民未收到通知。办结请回复：{close}"


GLAD_SAFE = "平安就好！谢谢您告诉我们，有需要随时说。"
WELCOME = "不客气！有需要随时说。"


def which_thanks(tickets: list[Ticket]) -> str:
    """A thanks with several tickets waiting and none named: which one is it for? An emergency
    is not listed unless all are: its closing asked "安全了吗", never for a rating (day 18)."""
    tickets = [t for t in tickets if not t.emergency] or tickets
    listed = "；".join(f"#{t.id} {title(t)}" for t in tickets[:5])
    return (
        f"不客气！您有{len(tickets)}张工单待评价：{listed}。请问是对哪一张满意？"
        f"请回复，例如：满意 #{tickets[0].id}"
    )


def which_to_rate(waiting: list[Ticket]) -> str:
    """Several tickets wait for this resident's rating: which one? Each named by what it was
    about, as which_thanks does: a number alone means nothing to a resident (day 22, S104)."""
    listed = "；".join(f"#{t.id} {title(t)}" for t in waiting[:5])
    return f"您有{len(waiting)}张工单待评价：{listed}。请加上工单号，例如：满意 #{waiting[0].id}"


def rated_satisfied(ticket: Ticket) -> str:
    if _closed(ticket):
        return f"感谢您的评价！工单 #{ticket.id} 已完结。"
    return f"感谢您的评价！已记下您对工单 #{ticket.id} 的评价。"


def thanks_taken(ticket: Ticket, thanked: bool = True) -> str:
    """A thanks or word that it works now, taken as 满意; 不客气 only to a thanks."""
    lead = "不客气！" if thanked else "好的，"
    if _closed(ticket):
        return f"{lead}已按“满意”记下您对工单 #{ticket.id} 的评价，此单完结。"
    return f"{lead}已按“满意”记下您对工单 #{ticket.id} 的评价。"


def rated_in_group(ticket: Ticket) -> str:
    if _closed(ticket):
        return f"工单 #{ticket.id} 居民评价：满意，已完结。"
    return f"工单 #{ticket.id} 一位居民评价：满意{_still_rating(ticket)}。"


def follow_up_to_resident(ticket: Ticket) -> str:
    return f"已把您的补充转给{for_residents(ticket.assigned_group)}（工单 #{ticket.id}）。"


def own_follow_up_to_resident(ticket: Ticket, street: Collection[str] = ()) -> str:
    """The resident wrote again about (or chased) their own open ticket: its number and state,
    and that the group heard it; of an emergency, at once, with no "请再耐心等一等". The
    street's words on it (`street`) are not the resident's to read as progress (street trial
    11: "最新进展：修好了告诉我一声（周主任）")."""
    who = for_residents(ticket.assigned_group)
    if ticket.emergency:
        return f"{progress(ticket, street=street)}已把您说的马上转告{who}，有消息会告诉您。"
    return f"{progress(ticket, street=street)}已把您说的转告{who}，请再耐心等一等。"


def own_follow_up_at_night(ticket: Ticket, until: str, street: Collection[str] = ()) -> str:
    """The same in the quiet hours, for a ticket that is no emergency: passed on in the morning."""
    who = for_residents(ticket.assigned_group)
    return (
        f"{progress(ticket, street=street)}夜间已记下您说的，{until}后转告{who}。"
        "如有危险请直接拨打110、119或120。"
    )


def which_own_ticket(tickets: list[Ticket]) -> str:
    listed = "；".join(f"#{t.id} {title(t)}（{state_label(t)}）" for t in tickets)
    return f"您有几张工单还在处理：{listed}。问进度请回复“#编号 进度”，例如：#{tickets[0].id} 进度"


WHICH_TICKET_LISTED = 6
REOPENED_MARK = "，居民不满意后重新处理"


def brief(ticket: Ticket) -> str:
    """One line saying which ticket: "#3 2号楼1单元 路灯不亮了" (an emergency marked)."""
    return f"{_mark(ticket)}#{ticket.id} {place_of(ticket).label()} {title(ticket)}"


def _listed(tickets: list[Ticket]) -> str:
    """At most WHICH_TICKET_LISTED tickets, a reopened one marked, and how many are left out."""
    listed = "；".join(
        brief(t) + (f"（{REOPENED_MARK[1:]}）" if t.state == states.REOPENED else "")
        for t in tickets[:WHICH_TICKET_LISTED]
    )
    left_out = len(tickets) - WHICH_TICKET_LISTED
    more = f"；另有{left_out}件未列出" if left_out > 0 else ""
    return listed + more


def which_ticket(tickets: list[Ticket], how: str) -> str:
    """Staff news that names no ticket: the group's open tickets, to say which one."""
    if not tickets:
        return f"请问说的是哪张工单？本群目前没有未办结的工单，请写明编号，格式：{how}"
    return f"请问说的是哪张工单？本群未办结的：{_listed(tickets)}。请写明编号回复，例如：{how}"


def which_of_two(written: Ticket, meant: Ticket, how: str) -> str:
    """A closing that writes one ticket's number and speaks of another's problem."""
    return (
        f"您写的是 #{written.id}（{title(written)}），说的像是 #{meant.id}（{title(meant)}），"
        f"没有办结。请问办结的是哪一张？请回复，例如：{how}"
    )


def claimed_without_number(ticket: Ticket, reopened: bool = False) -> str:
    """ "我去看看" with no number claimed the group's one waiting ticket: which one it was."""
    again = REOPENED_MARK if reopened else ""
    return (
        f"工单 #{ticket.id} 已由{ticket.claimed_by}接单"
        f"（{place_of(ticket).label()} {title(ticket)}{again}）。"
    )


def which_to_claim(tickets: list[Ticket], how: str) -> str:
    """ "我来处理" with no number, and no ticket or several waiting to be claimed."""
    if not tickets:
        return f"本群目前没有等待接单的工单，谢谢您！如果说的是别的工单，请写明编号，格式：{how}"
    tickets = emergencies_first(tickets)  # an emergency is never hidden behind a lamp
    listed = _listed(tickets)
    return f"本群有{len(tickets)}张工单等待接单：{listed}。请问您接哪一张？请回复，例如：{how}"


def follow_up_in_group(ticket: Ticket, name: str, said: str, over: bool = False) -> str:
    """`over`: the resident says the emergency is over; staff check and resolve it."""
    if over:
        return f"【工单 #{ticket.id} 居民补充】{name}：{said}，请核实后回复 #{ticket.id} 已处理"
    return f"【工单 #{ticket.id} 居民补充】{name}：{said} / 地点：{place_of(ticket).label()}"


def place_added_to_resident(ticket: Ticket) -> str:
    """ "补充一下 我家是2单元402" soon after one's own ticket: where it now says."""
    where = place_of(ticket).label()
    return f"收到，工单 #{ticket.id}（{title(ticket)}）的地点已补充为{where}，谢谢！"


def place_added_in_group(ticket: Ticket, name: str, said: str) -> str:
    return f"【工单 #{ticket.id} 补充地点】{name}：{said} / 地点：{place_of(ticket).label()}"


def over_to_alerted(ticket: Ticket, name: str, said: str) -> str:
    """To everyone an emergency alert reached, besides its group: a resident says it is over."""
    return (
        f"【工单 #{ticket.id} 居民称险情已解除】{name}：{said}（{title(ticket)}）。"
        f"{ticket.assigned_group}正在核实。"
    )


def lead_to_alerted(ticket: Ticket, name: str, said: str) -> str:
    """To everyone an emergency alert reached: a witness's lead ("我刚在东门看到…" of the
    missing child) for those searching."""
    return f"【工单 #{ticket.id} 线索】{name}：{said}（{title(ticket)}）。请正在寻找的同志留意。"


def lead_to_witness(ticket: Ticket) -> str:
    """The witness of a lead is thanked: it was passed on."""
    return f"谢谢您提供的线索！已转告正在寻找的同志（工单 #{ticket.id}），结果会告诉您。"


def lead_to_searching_family(name: str, said: str) -> str:
    """To the resident who reported the missing person: a neighbour's lead, in their words."""
    return f"有邻居提供了线索，{name}说：“{said}”。已转告正在寻找的同志。"


def own_lead_to_reporter(ticket: Ticket) -> str:
    """The reporter of a missing person adds what they wear or carry: it was passed on."""
    return f"已把您补充的情况转告正在寻找的同志（工单 #{ticket.id}），有消息会马上告诉您。"


def over_at_night(ticket: Ticket, until: str) -> str:
    """In the quiet hours: an emergency paged before them is over, or a problem is fixed."""
    group = for_residents(ticket.assigned_group)
    return f"收到，谢谢您告诉我们！夜间已记下，{until}后转告{group}（工单 #{ticket.id}）。"


def restored_in_group(ticket: Ticket, name: str, said: str) -> str:
    """A resident says a problem still being handled (no emergency) is fixed or back."""
    return (
        f"【工单 #{ticket.id} 居民称已恢复】{name}：{said}（{title(ticket)}），"
        f"请核实后回复 #{ticket.id} 已处理"
    )


def restored_to_resident(ticket: Ticket) -> str:
    """The resident says their problem is fixed: staff will confirm and close the ticket."""
    return f"收到，谢谢告知！工作人员核实后会办结工单 #{ticket.id}。"


def over_to_resident(ticket: Ticket) -> str:
    """The resident says their emergency is over: glad, and the group was told."""
    who = for_residents(ticket.assigned_group)
    return f"收到，谢谢您告诉我们！已转告{who}（工单 #{ticket.id}）。"


def news_to_resident(ticket: Ticket) -> str:
    """A neighbour's news of a live emergency (help come, the smoke thinning): passed on."""
    return over_to_resident(ticket)


def reopened_to_resident(ticket: Ticket, among: int = 0) -> str:
    """`among`: how many tickets waited for the rating, when the latest fix was taken."""
    if among > 1:
        return (
            f"抱歉没能让您满意。您有{among}张工单待评价，已按最近办结的工单 #{ticket.id}"
            f"（{title(ticket)}）记下，重新交给{for_residents(ticket.assigned_group)}处理。"
            f"如说的是另一张，请回复：不满意 #编号 原因"
        )
    who = for_residents(ticket.assigned_group)
    return f"抱歉没能让您满意，工单 #{ticket.id} 已重新交给{who}处理。"


def reopened_at_night(ticket: Ticket, until: str, among: int = 0) -> str:
    """不满意 in the quiet hours, for a ticket that is no emergency: passed on in the morning."""
    which = f"（{title(ticket)}，您最近收到办结通知的一张）" if among > 1 else ""
    return (
        f"抱歉没能让您满意，工单 #{ticket.id}{which} 已重新打开，夜间已记下您说的，"
        f"{until}后交给{for_residents(ticket.assigned_group)}处理。如有危险请直接拨打110、119或120。"
    )


def reopened_in_group(ticket: Ticket, reason: str) -> str:
    return (
        f"【工单 #{ticket.id} 重新处理】居民不满意：{reason}\n"
        f"地点：{place_of(ticket).label()}，原处理说明：{ticket.resolution_note}\n"
        f"处理后请回复：#{ticket.id} 已处理 处理说明"
    )


PROGRESS_NOTES = 2  # the latest staff notes `#12 进度` shows, with their time


RATINGS_ZH = {"satisfied": "满意", "unsatisfied": "不满意"}


def progress(
    ticket: Ticket, zone: ZoneInfo | None = None, street: Collection[str] = ()
) -> str:
    """The state of a ticket and its latest staff note; asked with `#12 进度` (`zone` given),
    the latest PROGRESS_NOTES notes, each with its time. The words of the street's people
    (`street`: a press, "办好了告诉我一声") are no progress, unless one of them holds the
    ticket: the last of them is shown as the street's (street check 10c S12)."""
    text = f"{headline(ticket)}。当前状态：{state_label(ticket)}"
    if ticket.state == states.CLAIMED and ticket.claimed_by:
        text += f"，{ticket.claimed_by}正在处理"
    if ticket.state in {states.RESOLVED, states.CLOSED} and ticket.resolution_note:
        text += f"，处理说明：{ticket.resolution_note}"
    if ticket.state == states.CLOSED and ticket.rating in RATINGS_ZH:
        text += f"，居民评价：{RATINGS_ZH[ticket.rating]}"  # "居民后来满意吗" (street trial 9)
    if ticket.state == states.DUPLICATE and ticket.merged_into:
        text += f"，已合并到工单 #{ticket.merged_into}"
    if ticket.complex and ticket.state in states.ACTIVE:
        text += "（复杂工单）"
    text += "。"
    if ticket.state not in states.ACTIVE:
        return text
    said = [e for e in ticket.events if e.kind == "note" and e.note]
    # the street's people acting on a ticket they hold write its progress ("已联系老人女儿")
    street = {name for name in street if name != ticket.claimed_by}
    notes = [e for e in said if e.actor_name not in street]
    pressed = [e for e in said if e.actor_name in street]
    if notes and zone is not None:
        latest = "；".join(
            f"{local(e.at, zone)} {e.actor_name}：{e.note}" for e in notes[-PROGRESS_NOTES:]
        )
        text += f"最新进展：{latest}。"
    elif notes:
        text += f"最新进展：{notes[-1].note}（{notes[-1].actor_name}）。"
    if pressed and zone is not None and (not notes or pressed[-1].at > notes[-1].at):
        last = pressed[-1]  # the street's word not answered yet
        text += f"街道督促：{local(last.at, zone)} {last.actor_name}：{last.note}。"
    return text


def my_tickets(tickets: list[Ticket]) -> str:
    if not tickets:
        return "您目前没有进行中的工单。"
    lines = [f"您的工单（{len(tickets)}件）："]
    lines += [f"#{t.id} {title(t)}（{place_of(t).label()}）：{state_label(t)}" for t in tickets]
    return "\n".join(lines)


def todo(
    group: str,
    tickets: list[Ticket],
    now: datetime,
    unbound: Sequence[str] = (),
    below: str = "",
) -> str:
    note = (
        f"\n提示：{'、'.join(unbound)}还没有接入小助手，发给这些群的通知送不到。"
        "请社区管理员在群里发“绑定 群名”接入。"
        if unbound
        else ""
    )
    if not tickets:
        return f"{group}目前没有待办工单。{below}{note}"
    order = "紧急的在前，其余最早的在前" if any(t.emergency for t in tickets) else "最早的在前"
    lines = [f"{group}待办工单（{len(tickets)}件，{order}）："]
    for t in emergencies_first(tickets):
        owner = "" if t.assigned_group == group else f"（超时上报，负责：{t.assigned_group}）"
        lines.append(
            f"{_mark(t)}#{t.id} {place_of(t).label()} {title(t)}：{state_label(t)}，"
            f"{age(t.created_at, now)}{owner}"
        )
    return "\n".join(lines) + below + note


LATE_WHAT = {"claim": "超时未接单", "resolve": "超时未办结"}


def street_escalation(community: str, ticket: Ticket, what: str, due: str, reply: str) -> str:
    """To the street office's group: every community's bot posts there, so the community is
    named before the ticket number (each community numbers its own from #1), and in the reply
    the street's people may give ("金茂 #1 接单")."""
    how = "街道直接接单请回复" if reply.endswith("接单") else "查看进度请回复"
    # An emergency says so, and what kind, on the lock screen (a trapped child's title may be
    # "在里面一直哭"; second street trial).
    head = (
        f"【街道督办·紧急】{community} {headline(ticket)}（{kind_label(ticket)}）"
        if ticket.emergency
        else f"【街道督办】{community} {headline(ticket)}"
    )
    return (
        f"{head}，{what}（时限 {due}）。"
        f"负责：{ticket.assigned_group}。请督促{community}尽快处理；{how}：{reply}"
    )


def answer_in_work_group(ticket: Ticket, how: str) -> str:
    """To staff writing after a ticket's number in a residents' chat."""
    return f"工单 #{ticket.id} 请在工作群回复，例如：{how}。居民会收到您的答复。"


def nothing_fits_asked(how: str) -> str:
    """To the street asking after a ticket by words that fit none of the community's."""
    return f"没有找到与您说的相符的工单，请写明编号再问，例如：{how}"


def not_yet_with_the_street(ticket: Ticket, progress: str) -> str:
    """To the street's people acting on a ticket the ladder has not brought to them."""
    return (
        f"工单 #{ticket.id} 尚未上报街道，现由{ticket.assigned_group}办理。"
        f"查看进度请回复：{progress}"
    )


def late_after_handover(claimer: str) -> str:
    """What a ticket is late for when someone had claimed it before it was transferred: the
    new group has not taken it over (never "未接单" as if nobody had ever been on it)."""
    return f"转交后超时未重新接单（此前{claimer}已接单）"


def todo_below(active: int, late: Sequence[tuple[Ticket, str]], cap: int) -> str:
    """The lines under 待办 for a group with groups below it when some of theirs are late (a
    grid head whose buildings are behind learns it when he asks): how many they have in
    hand, and the late ones, emergencies first; with none late, how many they have in hand,
    so "没有待办工单" is never read as "all done" (days 52, 53)."""
    if not late:
        return f"\n下属各群在办工单 {active} 件，没有超时的。" if active else ""
    lines = [f"\n下属各群在办工单 {active} 件，其中超时 {len(late)} 件："]
    ordered = sorted(late, key=lambda item: not item[0].emergency)
    lines += [overdue_line(ticket, what) for ticket, what in ordered[:cap]]
    if len(ordered) > cap:
        lines.append(MORE_ON_DASHBOARD.format(n=len(ordered) - cap))
    return "\n".join(lines)


def age(since: datetime, now: datetime) -> str:
    minutes = int((now - since).total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 0)}分钟前"
    if minutes < 1440:
        return f"{minutes // 60}小时前"
    return f"{minutes // 1440}天前"


def timeline(ticket: Ticket, events: list[TicketEvent], zone: ZoneInfo) -> str:
    lines = [progress(ticket), f"居民原话：{quote(ticket.text)}", "处理记录："]
    for event in events:
        lines.append(f"{local(event.at, zone)} {event.actor_name} {describe(event).line()}")
    return "\n".join(lines)


EMERGENCY_MARK = "【紧急】"
MORE_ON_DASHBOARD = "另有 {n} 件，请在网页工作台查看全部。"
OVERDUE_LIMIT_REACHED = (
    "（今天给本群的超时提醒已有{n}条，其余的今天不再逐条推送，请发“待办”查看；紧急工单照常提醒。）"
)


def emergencies_first(tickets: list[Ticket]) -> list[Ticket]:
    """Emergencies before the rest, each part in its own order."""
    return sorted(tickets, key=lambda t: not t.emergency)


def _mark(ticket: Ticket) -> str:
    return EMERGENCY_MARK if ticket.emergency else ""


def overdue_line(ticket: Ticket, what: str) -> str:
    return f"{brief(ticket)}（{ticket.assigned_group}）{what}"


def unsatisfied_not_ours_to_resident(ticket: Ticket) -> str:
    """A resident is not satisfied that their problem was found not ours (day 19, S19)."""
    who = for_residents(ticket.assigned_group)
    return (
        f"抱歉给您添麻烦了。您的意见已转给{who}（工单 #{ticket.id}），"
        "工作人员会再跟您联系，看看社区还能帮着做些什么。"
    )


def unsatisfied_not_ours_in_group(ticket: Ticket, name: str, said: str) -> str:
    """To the group: the resident is not satisfied with the not-ours answer."""
    return (
        f"【工单 #{ticket.id} 居民不满意非职责答复】{name}：{said}（{title(ticket)}）。"
        f"如需社区接手，请回复：#{ticket.id} 收回"
    )


def reported_apart(ticket: Ticket) -> str:
    """`不是同一件事` after a report of one's own that has its own ticket."""
    return f"您刚才反映的问题已单独登记为工单 #{ticket.id}（{title(ticket)}），没有与别人的合并。"


class ChasedLine(Protocol):
    """A ticket the street may chase (service.street.overview.Chased)."""

    @property
    def number(self) -> int: ...
    @property
    def place(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def group(self) -> str | None: ...
    @property
    def emergency(self) -> bool: ...
    @property
    def late(self) -> str | None: ...


# A street's 待办 with nothing escalated to it: said before what the community still has open.
# Where the street's people work, as residents are told who took their ticket.
STREET_OFFICE = "街道"
def pushed_by_the_street(ticket: Ticket, said: str, who: str) -> str:
    return f"【街道督促】{headline(ticket)}：{said.rstrip('。')}（{who}）。请尽快办理并回复进展。"


def pushed_told_the_street(ticket: Ticket, community_group: str) -> str:
    """The street's press passed on: to the ticket's group and the community's (one group when
    they are one; street trial 11 S10)."""
    if ticket.assigned_group == community_group:
        return f"已把您的督促转告{community_group}。"
    return f"已把您的督促转告{ticket.assigned_group}和社区。"


NOTHING_BROUGHT_TO_THE_STREET = "目前没有升到街道的工单。"
NOTHING_FOR_THE_STREET = "目前没有升到街道的工单，社区里也没有未办结的工单。"


# How each period the street asks after is named, and whether the month's rates are pointed to.
PERIODS = {
    "day": ("今天", False),
    "week": ("本周（周一以来）", True),
    "month": ("本月（1日以来）", True),
}


def so_far(period: str, received: int, emergencies: int, closed: int, active: int) -> str:
    """The street asking a community's day ("今天收了几件 办了几件"), week ("金茂这周的数据发我
    一下") or month ("两个社区一共多少件")."""
    named, rates = PERIODS[period]
    urgent = f"（其中紧急 {emergencies} 件）" if emergencies else ""
    hint = "本月的三率可发“统计”查看。" if rates else ""
    counts = f"新收工单 {received} 件{urgent}，办结 {closed} 件；目前未办结 {active} 件。"
    return f"{named}{counts}{hint}"


def emergencies_last_night(tickets: Sequence[Ticket], from_hour: int, until_hour: int) -> str:
    """The street asking after last night's emergencies (from `from_hour` of the day before to
    `until_hour` today): each, and how it stands."""
    night = f"昨晚（{from_hour}:00至今早{until_hour}:00）"
    if not tickets:
        return f"{night}没有紧急工单。"
    lines = [f"#{t.id} {place_of(t).label()} {title(t)}（{state_label(t)}）" for t in tickets]
    return f"{night}紧急工单 {len(tickets)} 件，" + "；".join(lines) + "。"


def last_weekend(received: int, emergencies: Sequence[Ticket]) -> str:
    """The street asking after the weekend: what came in, and each emergency and how it stands."""
    if not received:
        return "周末（周六、周日）没有收到工单。"
    said = f"周末（周六、周日）收到工单 {received} 件"
    if not emergencies:
        return f"{said}，没有紧急工单。"
    lines = [f"#{t.id} {place_of(t).label()} {title(t)}（{state_label(t)}）" for t in emergencies]
    return f"{said}，其中紧急 {len(emergencies)} 件：" + "；".join(lines) + "。"


def left_undone(active: int, late: int, emergencies: int, chased: Sequence[ChasedLine]) -> str:
    """The street asking every community what is left undone ("两个社区还有啥没办完的"): the
    counts, and the tickets to chase (emergencies first, then the most overdue)."""
    if not active:
        return "目前没有未办结的工单。"
    counted = [f"超时 {late} 件"] if late else []
    counted += [f"紧急 {emergencies} 件"] if emergencies else []
    text = f"未办结工单 {active} 件，" + (
        f"其中{'、'.join(counted)}。" if counted else "没有超时的。"
    )
    if not chased:
        return text
    lines = [
        f"{c.place} {c.title}（#{c.number}，{'紧急，' if c.emergency else ''}"
        f"{LATE_WHAT[c.late] + '，' if c.late else ''}负责：{c.group or '未指派'}）"
        for c in chased
    ]
    chase = [line for c, line in zip(chased, lines, strict=True) if c.emergency or c.late]
    rest = [line for c, line in zip(chased, lines, strict=True) if not (c.emergency or c.late)]
    if chase:
        text += "需督办：" + "；".join(chase) + "。"
    if rest:
        # every open one asked for ("还有哪些没办完的"): the others, in time limits still
        text += ("其余未超时：" if chase else "均未超时：") + "；".join(rest) + "。"
    if len(chased) < active and rest:
        text += f"另有 {active - len(chased)} 件未列出。"
    return text + f"查看请回复：#{chased[0].number} 进度"
