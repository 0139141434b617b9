"""What the bot says about events: short, polite Chinese."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from service.events.leads import Lead, duration_zh
from service.events.models import LEAVE, SIGNED_UP, WAITING, Event, EventResponse

WEEKDAYS = "一二三四五六日"
_RELATIVE_DAYS = {0: "今天", 1: "明天", 2: "后天"}


def when(moment: datetime, zone: ZoneInfo) -> str:
    """12月3日（周四）19:30"""
    local = moment.astimezone(zone)
    return f"{local.month}月{local.day}日（周{WEEKDAYS[local.weekday()]}）{local:%H:%M}"


def when_relative(moment: datetime, now: datetime, zone: ZoneInfo) -> str:
    """明天 12月3日（周四）19:30 — with 今天/明天/后天 when close."""
    days = (moment.astimezone(zone).date() - now.astimezone(zone).date()).days
    word = _RELATIVE_DAYS.get(days)
    return f"{word} {when(moment, zone)}" if word else when(moment, zone)


def audience_label(event: Event) -> str:
    return "、".join([*event.audience_groups, *event.audience_members]) or "（未指定）"


def _moved_note(event: Event, zone: ZoneInfo) -> str:
    if event.moved_from is None:
        return ""
    original = event.moved_from.astimezone(zone)
    return f"（原定{original.month}月{original.day}日，遇{event.holiday or '节假日'}顺延）"


def _name(response: EventResponse) -> str:
    """张阿姨, or 张阿姨（共2人） when she brings someone along."""
    seats = response.seats or 1
    return f"{response.member_name}（共{seats}人）" if seats > 1 else response.member_name


def _names(responses: list[EventResponse], with_reason: bool = False) -> str:
    if not responses:
        return "无"
    if with_reason:
        return "、".join(f"{_name(r)}（{r.reason}）" if r.reason else _name(r) for r in responses)
    return "、".join(_name(r) for r in responses)


def by_status(event: Event, status: str) -> list[EventResponse]:
    chosen = [r for r in event.responses if r.status == status]
    return sorted(chosen, key=lambda r: (r.queued_at, r.id))


def people(responses: list[EventResponse]) -> int:
    """How many people these answers bring (a sign-up with a companion counts two)."""
    return sum(r.seats or 1 for r in responses)


def places_taken(event: Event) -> int:
    return people(by_status(event, SIGNED_UP))


def places_line(event: Event) -> str:
    if event.capacity is None:
        return ""
    left = event.capacity - places_taken(event)
    if left > 0:
        return f"名额：共{event.capacity}人，还剩{left}个"
    return f"名额：共{event.capacity}人，已满，可报名候补"


def answer_hint(event: Event) -> str:
    if event.category == "volunteer":
        return f"报名请回复“报名 {event.ref}”，已报名但去不了请回复“取消报名 {event.ref}”。"
    return f"参加请回复“报名 {event.ref}”，不能参加请回复“请假 {event.ref} 原因”。"


def _lines(*lines: str) -> str:
    return "\n".join(line for line in lines if line)


def announcement(event: Event, zone: ZoneInfo) -> str:
    return _lines(
        f"【活动通知】{event.title} {event.ref}",
        f"时间：{when(event.starts_at, zone)}{_moved_note(event, zone)}",
        f"地点：{event.place or '另行通知'}",
        places_line(event),
        answer_hint(event),
    )


def reminder(event: Event, now: datetime, zone: ZoneInfo, late_by: timedelta | None) -> str:
    head = "【活动提醒·补发】" if late_by is not None else "【活动提醒】"
    late = f"（系统恢复后补发，比原定晚了{duration_zh(late_by)}）" if late_by is not None else ""
    return _lines(
        f"{head}{event.title} {event.ref}",
        f"时间：{when_relative(event.starts_at, now, zone)}{_moved_note(event, zone)}",
        f"地点：{event.place or '另行通知'}",
        places_line(event),
        answer_hint(event),
        late,
    )


def created(event: Event, zone: ZoneInfo, leads: list[Lead]) -> str:
    reminders = "、".join(lead.label_zh() for lead in leads) or "不提醒"
    return _lines(
        f"已发布活动 {event.ref}：{event.title}",
        f"时间：{when(event.starts_at, zone)}，约{event.duration_minutes}分钟",
        f"地点：{event.place or '未填写'}",
        f"对象：{audience_label(event)}",
        f"名额：{event.capacity}人" if event.capacity else "",
        f"提醒：{reminders}",
        f"取消请回复“取消 {event.ref}”，改期请回复“改期 {event.ref} 月日 时:分”。",
    )


def cancelled(event: Event, zone: ZoneInfo) -> str:
    reason = f"原因：{event.cancel_reason}" if event.cancel_reason else ""
    return _lines(
        f"【活动取消】{event.title} {event.ref}（{when(event.starts_at, zone)}）已取消。", reason
    )


def rescheduled(event: Event, previous: datetime, zone: ZoneInfo, reason: str = "") -> str:
    return _lines(
        f"【活动改期】{event.title} {event.ref} 改到{when(event.starts_at, zone)}"
        f"（原定{when(previous, zone)}）",
        f"原因：{reason}" if reason else "",
        f"地点：{event.place or '另行通知'}",
        "已报名的无需重新报名。" + answer_hint(event),
    )


def told_label(groups: list[str]) -> str:
    return f"，已通知{'、'.join(groups)}" if groups else ""


def detail(event: Event, zone: ZoneInfo) -> str:
    state = "（已取消）" if event.state == "cancelled" else ""
    lines = [
        f"{event.title} {event.ref}{state}",
        f"时间：{when(event.starts_at, zone)}{_moved_note(event, zone)}"
        f"，约{event.duration_minutes}分钟",
        f"地点：{event.place or '另行通知'}",
        f"对象：{audience_label(event)}",
        f"组织人：{event.organiser}" if event.organiser else "",
        places_line(event),
        f"已报名（{places_taken(event)}）：{_names(by_status(event, SIGNED_UP))}",
    ]
    if event.capacity is not None:
        lines.append(
            f"候补（{len(by_status(event, WAITING))}）：{_names(by_status(event, WAITING))}"
        )
    elif event.category == "meeting":
        lines.append(f"请假（{len(by_status(event, LEAVE))}）：{_names(by_status(event, LEAVE))}")
    if event.attendance:
        names = "、".join(a.member_name for a in event.attendance)
        lines.append(f"出勤（{len(event.attendance)}）：{names}")
    return _lines(*lines)


def summary(event: Event, now: datetime, zone: ZoneInfo, silent: list[str]) -> str:
    signed, leave, waiting = (by_status(event, s) for s in (SIGNED_UP, LEAVE, WAITING))
    return _lines(
        f"【报名汇总】{event.title} {event.ref}，{when_relative(event.starts_at, now, zone)}",
        f"已报名（{people(signed)}）：{_names(signed)}",
        f"候补（{len(waiting)}）：{_names(waiting)}" if event.capacity is not None else "",
        f"请假（{len(leave)}）：{_names(leave, with_reason=True)}",
        f"未回复（{len(silent)}）：{'、'.join(silent)}（已提醒）" if silent else "未回复：无",
        f"活动结束后请回复“签到 {event.ref} 姓名”或“签到 {event.ref} 全部”记录出勤。",
    )


def nudge(event: Event, now: datetime, zone: ZoneInfo) -> str:
    return (
        f"{event.title} {event.ref} 将于{when_relative(event.starts_at, now, zone)}开始，"
        f"还没收到您的回复。{answer_hint(event)}"
    )


def promoted(event: Event, zone: ZoneInfo) -> str:
    return (
        f"有人取消了报名，您已从候补转为正式报名：{event.title} {event.ref}，"
        f"{when(event.starts_at, zone)}，{event.place or '地点另行通知'}。"
    )


def listing(events: list[tuple[Event, str]], zone: ZoneInfo) -> str:
    if not events:
        return "近期没有需要您参加的活动。"
    lines = ["近期活动："]
    for event, status in events:
        lines.append(f"{event.ref} {when(event.starts_at, zone)} {event.title}（{status}）")
    lines.append(f"回复活动编号（如“{events[0][0].ref}”）查看详情。")
    return _lines(*lines)


def chain_party(line: str) -> list[str]:
    """The people of one 接龙 line: "小雨妈妈+小雨" is 小雨妈妈 and 小雨 (day 37 R15)."""
    return [p.strip() for p in line.replace("＋", "+").split("+") if p.strip()] or [line]


def chain_signed(
    event: Event,
    added: list[str],
    already: list[str],
    waiting: list[str],
    seats: dict[str, int] | None = None,
) -> str:
    """What a 接龙 did; `seats`: how many people each line brings."""
    seats = seats or {}
    # One name is someone signed up for another ("我给我妈报个名 她叫刘桂兰"), not a 接龙.
    head = "接龙已登记" if len(added) + len(already) + len(waiting) > 1 else "已登记报名"
    parts = [f"{head} {event.title} {event.ref}"]
    if added:
        people = sum(seats.get(line, len(chain_party(line))) for line in added)
        parts.append(f"新报名{people}人：{'、'.join(added)}")
    if waiting:
        parts.append(f"名额已满，候补：{'、'.join(waiting)}")
    if already:
        parts.append(f"之前已报名：{'、'.join(already)}")
    places = places_line(event)
    if event.capacity is not None and places_taken(event) >= event.capacity:
        places = f"名额已报满（共{event.capacity}人）"
    return "，".join(parts) + "。" + (f"{places}。" if places else "")


NAME_NEEDS_NUMBER = (
    "这里近期没有找到可以报名的这个活动。请回复“活动”查看近期活动，再回复“报名 #E编号”报名。"
)


def signed_up_elsewhere(event: Event) -> str:
    """A sign-up in a chat outside the event's audience: where it is signed up for."""
    where = "、".join(str(g) for g in event.audience_groups) or "活动通知所在的群"
    return f"{event.title} {event.ref} 是在{where}报名的，请在那里回复“报名 {event.ref}”。"


NOTHING_TO_WITHDRAW = "您目前没有报名近期的活动，不用取消。如需报名，请回复“活动”查看近期活动。"


def which_to_withdraw(events: list[Event], zone: ZoneInfo) -> str:
    choices = "；".join(f"{e.ref} {e.title}（{when(e.starts_at, zone)}）" for e in events[:5])
    return f"您报名了几个活动：{choices}。请问取消哪一个？请回复“取消报名 #E编号”。"


def not_signed_up_for(event: Event, zone: ZoneInfo) -> str:
    """The event someone says they will not go to is not one they signed up for."""
    return f"好的，您没有报名{event.title} {event.ref}（{when(event.starts_at, zone)}），不用取消。"


def which_to_leave(events: list[Event], zone: ZoneInfo) -> str:
    choices = "；".join(f"{e.ref} {e.title}（{when(e.starts_at, zone)}）" for e in events[:5])
    return f"请问是哪个活动去不了？{choices}。请回复“请假 #E编号 原因”。"


def which_roster(events: list[Event], zone: ZoneInfo) -> str:
    """Asked who has signed up, with several events open: which one."""
    choices = "；".join(f"{e.ref} {e.title}（{when(e.starts_at, zone)}）" for e in events[:5])
    return f"请问查看哪个活动的报名？{choices}。请回复活动编号（如“{events[0].ref}”）查看报名名单。"


# Asked of someone who signs up naming no event; their answer naming one signs them up
# (bot/handlers/events.py reads it back in the outbox).
WHICH_EVENT_QUESTION = "请问报名哪个活动？"


def which_event(events: list[Event], zone: ZoneInfo) -> str:
    choices = "；".join(f"{e.ref} {e.title}（{when(e.starts_at, zone)}）" for e in events[:5])
    return f"{WHICH_EVENT_QUESTION}{choices}。请回复“报名 #E编号”。"
