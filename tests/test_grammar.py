"""Issue 11: the command grammar of config/commands.yaml — what staff and residents really type."""

from __future__ import annotations

import asyncio

import pytest

from bot.commands import Rating, TicketCommand, UnknownTicketCommand, WordCommand, grammar, parse
from bot.handlers.ticket_commands import RESIDENT_VERBS, VERB_HANDLERS
from bot.shell import format_sent
from bot.simulator import Simulator
from service.community.chatwords import default_chat_words
from tests.dialog import verify_dialog

QUOTE = "「红桥：【新工单 #7】维修维护·照明 / 地点：3号楼」\n- - - - - - - - - - - - - - -\n"


@pytest.mark.parametrize(
    ("text", "verb", "number", "argument"),
    [
        ("#8 办完了", "resolve", 8, ""),
        ("#8 处理好了，换了新水龙头", "resolve", 8, "换了新水龙头"),
        ("#8修好了", "resolve", 8, ""),
        ("＃８ 搞定！", "resolve", 8, ""),
        ("#8 已解决 物业疏通了下水道", "resolve", 8, "物业疏通了下水道"),
        ("#8 完成", "resolve", 8, ""),
        ("#8 垃圾已经清走，清理好了", "resolve", 8, "垃圾已经清走"),
        ("8号工单 弄好了", "resolve", 8, ""),
        ("工单8 已处理 电工来过了", "resolve", 8, "电工来过了"),
        ("8号 已处理", "resolve", 8, ""),
        ("#9 收到我来", "claim", 9, ""),
        ("#9 我去看看", "claim", 9, ""),
        ("#9 收到", "claim", 9, ""),
        ("#9 马上去", "claim", 9, ""),
        ("#9 转给 物业", "transfer", 9, "物业"),
        (QUOTE + "收到，我来", "claim", 7, ""),
        (QUOTE + "已处理 换了灯泡", "resolve", 7, "换了灯泡"),
    ],
)
def test_natural_staff_words(text: str, verb: str, number: int, argument: str) -> None:
    command = parse(text)
    assert isinstance(command, TicketCommand), command
    assert (command.verb, command.ticket_id, command.argument) == (verb, number, argument)


@pytest.mark.parametrize(
    "text",
    ["3号楼的灯修好了吗", "2号楼电梯又坏了", "5号下午有人来修吗", "好了好了 热了 谢谢"],
)
def test_sentences_are_not_commands(text: str) -> None:
    assert not isinstance(parse(text), TicketCommand)


def test_negated_words_are_not_commands() -> None:
    command = parse("#3 还没修好")
    assert isinstance(command, UnknownTicketCommand) and command.ticket_id == 3


def test_a_loose_reference_is_marked() -> None:
    command = parse("2号 已处理")
    assert isinstance(command, TicketCommand) and command.loose
    assert not parse("#2 已处理").loose  # type: ignore[union-attr]


def test_quote_of_something_without_a_number_is_no_command() -> None:
    assert parse("「张阿姨：楼道灯坏了」\n- - - - - -\n收到") is None


def test_words_and_ratings_still_read() -> None:
    assert parse("本群待办") == WordCommand("todo")
    assert parse("#12 不满意 还是漏") == Rating(False, 12, "还是漏")


def test_suggestions_are_close_to_what_was_typed() -> None:
    verbs = [row.verb for row in grammar().suggestions("处里完")]
    assert verbs[0] == "resolve" and len(verbs) == 3
    assert next(row.verb for row in grammar().suggestions("转")) == "transfer"


def test_every_verb_of_the_table_has_a_handler_and_back() -> None:
    table = {row.verb for row in default_chat_words().ticket_verbs}
    assert table == set(VERB_HANDLERS) | RESIDENT_VERBS


def test_staff_close_and_claim_in_their_own_words(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        2号楼居民群 | 何奶奶 | 2号楼1单元门口的下水道堵了 臭得很
        -> 2号楼居民群: @何奶奶 已收到您反映的问题（工单 #1：门口的下水道堵了，2号楼1单元），已转2号楼党小组处理。
        -> 2号楼党小组: 【新工单 #1】维修维护·给排水 / 地点：2号楼1单元 / 居民原话：2号楼1单元门口的下水道堵了 臭得很 / 反映人：何奶奶（2号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        2号楼党小组 | 陈桂兰 | #1 收到我来
        -> 2号楼党小组: 工单 #1 已由陈桂兰接单。
        -> 2号楼居民群: @何奶奶 您反映的问题（工单 #1）已有工作人员接单，陈桂兰正在处理。
        2号楼党小组 | 陈桂兰 | #1 还没修好，师傅明天来
        -> 2号楼党小组: @陈桂兰 已记入工单 #1。
        2号楼党小组 | 陈桂兰 | 1号 办完了
        -> 2号楼党小组: 工单 #1 已办结（陈桂兰）：已处理完毕
        -> 2号楼居民群: @何奶奶 您反映的问题（工单 #1：门口的下水道堵了）已处理：已处理完毕。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        2号楼居民群 | 何奶奶 | 1号 已处理
        """,
    )


def test_a_quote_reply_to_the_notice_claims_it(sim: Simulator) -> None:
    asyncio.run(sim.say("3号楼居民群", "何奶奶", "3号楼有人家装修 电钻声吵死了"))
    said = asyncio.run(
        sim.say("3号楼党小组", "刘志强", QUOTE.replace("#7", "#1") + "收到，我去看看")
    )
    assert [format_sent(m) for m in said] == [
        "-> 3号楼党小组: 工单 #1 已由刘志强接单。",
        "-> 3号楼居民群: @何奶奶 您反映的问题（工单 #1）已有工作人员接单，刘志强正在处理：我去看看。",
    ]


@pytest.mark.parametrize(
    ("text", "thanks"),
    [
        ("好了谢谢小刘", True),
        ("电梯能用了，谢谢啊👍", True),
        ("门能关上了 好的谢谢", True),
        ("谢谢 但是还有点漏", False),
        ("谢谢师傅 不过灯还是一闪一闪的", False),
        ("谢谢大家这几天帮我找猫 猫找到了 我们一家人都特别感激大家的热心帮助", False),
    ],
)
def test_a_short_thanks_with_nothing_still_wrong_reads_as_thanks(text: str, thanks: bool) -> None:
    assert default_chat_words().is_thanks(text) is thanks


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("我报个名", "always"),
        ("我也去包饺子，算我一个", "always"),
        ("周六我带孙子一起去 加我一个", "always"),
        ("上次活动算我一个人收拾的场地 累死了 下次大家都来帮帮忙吧", None),
    ],
)
def test_sign_up_words_at_the_start_or_end_of_a_short_message(text: str, kind: str | None) -> None:
    assert default_chat_words().sign_up_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # done, told as what was done (new sentences after the day trial of 2026-12-02)
        ("#3 燃气公司来查过了 阀门已经关好 开窗通风了", "resolve"),
        ("#4 跟跳广场舞的阿姨们谈好了 九点前结束", "resolve"),
        ("#5 已经告诉她了 带户口本去服务大厅办", "resolve"),
        ("#6 走失的阿公家里人接回去了", "resolve"),
        ("#7 师傅把暖气片的气放了 现在热了", "resolve"),
        # someone on the way
        ("#8 我马上到", "claim"),
        ("#9 我在往那边赶 五分钟", "claim"),
        ("#10 师傅正在修 别急", "claim"),
        # not done yet: kept as a note
        ("#11 电工看过了 说要等配件 下周才能换", None),
    ],
)
def test_staff_sentences_after_a_ticket_number(text: str, verb: str | None) -> None:
    command = parse(text, default_chat_words())
    if verb is None:
        assert isinstance(command, UnknownTicketCommand)
    else:
        assert isinstance(command, TicketCommand) and command.verb == verb, command


def test_traditional_characters_are_the_commands_of_their_simplified_forms() -> None:
    """Staff who type in traditional characters (a Hong Kong or Taiwan input method): 接單 is
    接单, 進度 is 进度, 已處理 is 已处理."""
    assert parse("#3 接單") == TicketCommand(3, "3", "claim", "")
    assert parse("＃3 已處理 換了燈泡") == TicketCommand(3, "3", "resolve", "换了灯泡")
    assert parse("#3 進度") == parse("#3 进度")
