"""Everything the visits slice says, in short polite Chinese."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from service.visits.config import Household

VISIT_HELP = "请这样登记走访：走访 3-2-501 一切正常；需要帮助时写：走访 3-2-501 需要帮助 具体情况。"
HELP_NEEDS_WORDS = "请说一下需要什么帮助，例如：走访 3-2-501 需要帮助 冬天暖气不热。"


def _day(at: datetime, zone: ZoneInfo) -> str:
    local = at.astimezone(zone)
    return f"{local.month}月{local.day}日"


def _who(household: Household) -> str:
    contact = f"，{household.contact}" if household.contact else ""
    return f"{household.label}（{household.kind}{contact}）"


def _last(last: datetime | None, zone: ZoneInfo) -> str:
    return f"上次走访：{_day(last, zone)}" if last else "还没有走访记录"


def _how_to_answer(household: Household) -> str:
    return (
        f"走访后请回复“走访 {household.short} 一切正常”；"
        f"需要帮助请回复“走访 {household.short} 需要帮助 具体情况”。"
    )


def due_reminder(household: Household, every: int, last: datetime | None, zone: ZoneInfo) -> str:
    return (
        f"【走访提醒】您联系的{_who(household)}该上门走访了（每{every}天一次，"
        f"{_last(last, zone)}）。{_how_to_answer(household)}"
    )


def overdue_reminder(
    household: Household, every: int, last: datetime | None, zone: ZoneInfo
) -> str:
    return (
        f"【走访提醒】您联系的{_who(household)}已超过走访时间（每{every}天一次，"
        f"{_last(last, zone)}），请尽快上门看看。{_how_to_answer(household)}"
    )


def escalation(household: Household, member: str, last: datetime | None, zone: ZoneInfo) -> str:
    return (
        f"【走访逾期】{_who(household)}已超过两个走访周期没有走访（{_last(last, zone)}），"
        f"联系党员：{member}。请帮忙督促，或安排其他同志上门看看。"
    )


def _said(household: Household, discreet: bool) -> str:
    """In a residents' group the household's kind and name are not repeated."""
    return household.label if discreet else _who(household)


def visit_logged(household: Household, next_due: datetime, zone: ZoneInfo, discreet: bool) -> str:
    return (
        f"已记录您对{_said(household, discreet)}的走访，谢谢！"
        f"下次走访请在{_day(next_due, zone)}前。"
    )


def visit_with_ticket(
    household: Household,
    ticket_id: int,
    group: str,
    next_due: datetime,
    zone: ZoneInfo,
    held_until: str | None,
    discreet: bool,
) -> str:
    passed = f"将在{held_until}后转{group}处理" if held_until else f"已转{group}处理"
    return (
        f"已记录您对{_said(household, discreet)}的走访。"
        f"需要帮助的事已登记为工单 #{ticket_id}，{passed}。"
        f"下次走访请在{_day(next_due, zone)}前。"
    )


def not_a_member(name: str) -> str:
    return (
        f"{name}您好，走访登记是给联系住户的党员用的。"
        "如需帮助，请直接说明情况，我们会转给工作人员。"
    )


def unknown_household(place: str) -> str:
    return f"没有找到需要走访的住户“{place}”，请核对楼号、单元和房号，例如：走访 3-2-501 一切正常。"


def ambiguous_household(labels: list[str]) -> str:
    return f"这个房号有几户：{'、'.join(labels)}，请写上单元，例如：走访 3-2-501 一切正常。"


def ticket_to_member(household: Household, ticket_id: int, summary: str) -> str:
    return (
        f"【包户提醒】您联系的{_who(household)}所在楼栋有新的帮扶工单 #{ticket_id}：{summary}。"
        "请留意，方便时上门看看。"
    )
