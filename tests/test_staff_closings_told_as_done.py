"""Issue 11, day 8: staff close a ticket by telling what they did, in their own words ("#1 跟楼上
那家当面聊了 他们答应…", "#3 电工把线路重新接过了"), and the resident is told; a step on the way
("维修单已经提交了", "配件到了"), something almost done or a new failure ("刚亮一会又坏了") is
kept as a note. The sentences are new, not the trial's (done_clause, failed_again and
safe_now_signs in config/commands.yaml)."""

from __future__ import annotations

import pytest

from bot.commands import TicketCommand, UnknownTicketCommand, parse
from bot.messages import OutboundMessage
from bot.simulator import Simulator
from service.community.chatwords import default_chat_words
from tests.test_conversations_trial7 import _states
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # told as what was done: closes
        ("#21 跟三楼那家当面聊了 他们答应晚上不弹琴了", "resolve"),
        ("#22 信箱给配了新钥匙了", "resolve"),
        ("#24 车主把车开走了", "resolve"),
        ("#26 活动室给书法班预留了", "resolve"),
        ("#27 屋主给劝住了 以后不往楼道放东西了", "resolve"),
        ("#43 又去看了一趟 换好了", "resolve"),
        # the person of an emergency is out, whatever repair follows
        ("#25 人都出来了 电梯先停用 等维保", "resolve"),
        # someone on it
        ("#40 在弄了", "claim"),
        # a step on the way, almost, asked, or failed again: a note
        ("#31 师傅上午来看过了", None),
        ("#32 配件今天到了 明天换", None),
        ("#33 已经通知物业了", None),
        ("#38 维修单已经提交了", None),
        ("#34 快弄好了", None),
        ("#35 刚修好又坏了", None),
        ("#42 换了灯泡还是不亮", None),
        ("#36 电梯修好了吗", None),
        ("#37 人接出来了没", None),
    ],
)
def test_a_staff_sentence_telling_what_was_done_closes_and_a_step_on_the_way_does_not(
    text: str, verb: str | None
) -> None:
    command = parse(text, default_chat_words())
    if verb is None:
        assert isinstance(command, UnknownTicketCommand), command
    else:
        assert isinstance(command, TicketCommand) and command.verb == verb, command


def _to(message: OutboundMessage) -> list[str]:
    return [mention.name for mention in message.mentions]


def test_residents_hear_when_staff_tell_what_they_did_and_not_when_it_broke_again(
    sim: Simulator,
) -> None:
    say(sim, "6号楼居民群", "鲁阿姨", "6号楼楼上那家天天半夜弹钢琴 吵得睡不着")
    say(sim, "6号楼居民群", "贺老师", "6号楼1单元门口路灯坏了 黑乎乎的")
    talked = say(sim, "6号楼党小组", "吴敏", "#1 跟楼上那家当面聊了 他们答应晚上九点以后不弹了")
    told = [m for m in talked if m.room_id == "6号楼居民群"]
    assert len(told) == 1 and _to(told[0]) == ["鲁阿姨"] and "已处理" in told[0].text, talked
    broke = say(sim, "6号楼党小组", "吴敏", "#2 换了灯泡 刚亮一会又坏了")
    assert all(m.room_id != "6号楼居民群" for m in broke), broke
    say(sim, "6号楼党小组", "吴敏", "#2 维修单已经提交了")
    assert _states(sim) == ["resolved", "open"]
    fixed = say(sim, "6号楼党小组", "吴敏", "#2 电工下午把线路重新接过了")
    told = [m for m in fixed if m.room_id == "6号楼居民群"]
    assert len(told) == 1 and _to(told[0]) == ["贺老师"] and "已处理" in told[0].text, fixed
    assert _states(sim) == ["resolved", "resolved"]
