"""How chat commands are read: what staff and residents actually type."""

from __future__ import annotations

import pytest

from bot.commands import Rating, TicketCommand, UnknownTicketCommand, WordCommand, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#12 接单", TicketCommand(12, "12", "claim", "")),
        ("#12已处理换了灯泡", TicketCommand(12, "12", "resolve", "换了灯泡")),
        (
            "＃１２ 已处理 换了灯泡，明天复查",
            TicketCommand(12, "12", "resolve", "换了灯泡，明天复查"),
        ),
        ("#12 转 物业", TicketCommand(12, "12", "transfer", "物业")),
        ("#12 转办 2号楼", TicketCommand(12, "12", "transfer", "2号楼")),
        ("#12 重复 #10", TicketCommand(12, "12", "merge", "#10")),
        ("#12 非职责 属于城管", TicketCommand(12, "12", "not_responsible", "属于城管")),
        ("#abc 已处理", TicketCommand(None, "abc", "resolve", "")),
        ("#12 不满意 还是不亮", Rating(False, 12, "还是不亮")),
        ("#12 满意", Rating(True, 12, "")),
        ("满意", Rating(True, None, "")),
        ("不满意 #3 没修好", Rating(False, 3, "没修好")),
        ("工单 #12", WordCommand("detail", 12, "12")),
        ("工单12", WordCommand("detail", 12, "12")),
        ("待办", WordCommand("todo")),
        ("统计", WordCommand("stats")),
        ("我的工单", WordCommand("mine")),
        ("#12", WordCommand("progress", 12, "12")),
        ("#12 你好", UnknownTicketCommand(12)),
        ("#abc", UnknownTicketCommand(None)),
        ("#E7", None),
        ("#E7 报名", None),
        ("工单已经处理了吗", None),
        ("2单元楼道灯坏了", None),
        ("", None),
    ],
)
def test_parse(text: str, expected: object) -> None:
    assert parse(text) == expected
