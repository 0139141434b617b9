"""A ticket's audit events in plain Chinese for the ticket page: who did what, with the detail.

The page renders every event through `describe`, and only through it. When the shared wording
of audit events (used by chat and this page alike) lands, point `describe` at it; nothing else
on the page knows event codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.models import TicketEvent

SYSTEM_ZH = "红桥小助手"

# What happened, by event kind; the detail (note) follows where the kind has one.
_WHAT_ZH = {
    "created": "反映问题，登记为工单",
    "claimed": "接单",
    "resolved": "办结",
    "transferred": "转办",
    "note": "添加备注",
    "merged": "合并到其他工单",
    "follower_added": "同一问题又有居民反映",
    "not_responsible": "标记为非社区职责",
    "complex": "标记为复杂工单，办结时限延长到 15 天",
    "cancelled": "居民撤销了工单",
    "rated": "居民评价：满意",
    "reopened": "居民不满意，重新处理",
    "auto_closed": "3 天未评价，自动完结",
    "place_given": "补充了楼栋",
    "reminder": "超时提醒",
    "escalated": "超时上报",
    "corrected": "更正了识别结果",
}
_OTHER_ZH = "更新了工单"


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: who, what, and an optional detail in words."""

    who: str
    what: str
    detail: str | None


def describe(event: TicketEvent) -> Entry:
    who = SYSTEM_ZH if event.actor_id == "system" else event.actor_name
    what = _WHAT_ZH.get(event.kind, _OTHER_ZH)
    return Entry(who, what, _detail(event))


def _detail(event: TicketEvent) -> str | None:
    note = (event.note or "").strip() or None
    if note is None:
        return None
    if event.kind == "transferred" and "→" in note:
        old, new = (part.strip() for part in note.split("→", 1))
        return f"从“{old}”转给“{new}”"
    if event.kind in ("reminder", "escalated") and "→" in note:
        what, group = (part.strip() for part in note.split("→", 1))
        return f"{what}，已通知“{group}”"
    if event.kind == "merged" and note.startswith("→"):
        return f"合并到工单 {note[1:].strip()}"
    if event.kind == "rated":
        return None
    if event.kind == "place_given":
        return f"地点：{note}"
    if event.kind == "reopened":
        return f"原因：{note}"
    return note
