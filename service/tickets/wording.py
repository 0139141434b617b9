"""The Chinese wording of a ticket's audit events, in one place: the chat timeline (`工单 #12`)
and the web ticket page both read a ticket's history through `describe`.

An event says what happened ("接单", "转办：3号楼党小组 → 物业服务中心群"); a state change is
shown only when it says something the action does not ("待受理 → 待受理" never appears)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from service.tickets import states

# What each kind of event is called. A kind missing here is shown as "处理记录", never as code.
ACTIONS_ZH: dict[str, str] = {
    "created": "反映问题，登记工单",
    "filed_for": "工作人员通过接口代为登记",
    "claimed": "接单",
    "resolved": "办结",
    "answered": "答复居民，办结",
    "transferred": "转办",
    "taken_back": "收回工单",
    "transfer_refused": "退回转办（不归本单位）",
    "note": "备注",
    "resident_note": "居民补充",
    "merged": "合并到另一张工单",
    "unmerged": "工作人员说明不是重复，拆开单独处理",
    "unmerged_out": "一张并入的工单不是同一件事，已拆开",
    "follower_added": "又有居民反映同一问题",
    "follower_split": "一位居民说明不是同一件事，已单独登记",
    "note_split": "居民说明补充的是另一件事，已单独登记",
    "not_responsible": "标记为非本单位职责",
    "complex": "标记为复杂工单",
    "cancelled": "居民撤销",
    "rated": "居民评价",
    "reporter_rated": "反映人评价（还有居民未评价）",
    "follower_rated": "同一问题的另一位居民评价（还有居民未评价）",
    "reopened": "居民不满意，重新处理",
    "auto_closed": "超时未评价，自动完结",
    "confirmed_safe": "居民确认已安全，完结",
    "place_given": "居民补充了楼栋",
    "reminder": "超时提醒",
    "escalated": "超时上报",
    "corrected": "更正了识别结果",
    "raised_by_resident": "居民补充的情况危急，转为紧急工单",
    "held_out": "不在回音壁公示",
}
UNKNOWN_ACTION = "处理记录"


class AuditEvent(Protocol):
    """What the wording reads from a TicketEvent (or an API row with these fields)."""

    @property
    def kind(self) -> str: ...
    @property
    def from_state(self) -> str | None: ...
    @property
    def to_state(self) -> str | None: ...
    @property
    def note(self) -> str | None: ...


@dataclass(frozen=True)
class Described:
    action: str  # 接单, 转办 …
    change: str | None  # "待受理 → 处理中" when the state changed to something else
    note: str | None

    def line(self) -> str:
        """One line for chat, the action and its note: 转办：3号楼党小组 → 物业服务中心群."""
        return f"{self.action}：{self.note}" if self.note else self.action


def state_zh(state: str | None) -> str:
    return states.LABELS_ZH.get(state or "", "") or "—"


def describe(event: AuditEvent) -> Described:
    action = ACTIONS_ZH.get(event.kind, UNKNOWN_ACTION)
    change = None
    if event.to_state and event.from_state and event.to_state != event.from_state:
        change = f"{state_zh(event.from_state)} → {state_zh(event.to_state)}"
    return Described(action, change, event.note or None)
