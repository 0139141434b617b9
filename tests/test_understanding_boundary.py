"""The request-vs-none boundary and who-causes-it rules, on messages written for the test."""

from __future__ import annotations

import pytest

from service.understanding import Classifier, Understanding
from service.understanding.normalise import normalise, to_simplified, traditional_characters


def classify(text: str) -> Understanding:
    return Classifier.default().classify(text)


@pytest.mark.parametrize(
    "text",
    [
        "有点吵 不好意思",
        "我家孩子昨晚哭闹 吵到大家了 抱歉",
        "对不起 刚才那条停电的消息发错群了",
    ],
)
def test_apology_that_asks_nothing_is_none(text: str) -> None:
    result = classify(text)
    assert result.category == "none"
    assert any("apology" in r for r in result.reasons)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("不好意思打扰一下 单元门的锁坏了", "maintenance"),
        ("抱歉问一下 居住证在哪里办", "inquiry"),
        ("不好意思在群里说 楼上每天半夜剁东西 受不了了", "dispute"),
    ],
)
def test_apology_opening_a_report_keeps_the_report(text: str, category: str) -> None:
    assert classify(text).category == category


@pytest.mark.parametrize(
    "text",
    ["别私下吵", "大家别在群里吵了 有事私下说", "都消消气 邻居之间互相体谅"],
)
def test_peacemaking_in_the_group_is_none(text: str) -> None:
    assert classify(text).category == "none"


def test_peacemaking_does_not_hide_a_complaint_in_another_clause() -> None:
    result = classify("互相体谅一下吧 可是楼上天天半夜跺脚")
    assert result.category == "dispute"


@pytest.mark.parametrize(
    "text", ["小时候停电都是点蜡烛 哈哈", "停水那天我在外地出差", "最怕停电 冰箱里全是菜"]
)
def test_reminiscing_or_fearing_a_problem_is_not_reporting_one(text: str) -> None:
    result = classify(text)
    assert result.category == "none"
    assert any("not a report now" in r for r in result.reasons)


def test_thanks_then_but_a_problem_is_a_request() -> None:
    result = classify("谢谢师傅 可惜第二天路灯又不亮了")
    assert result.category == "maintenance"


@pytest.mark.parametrize(
    "text",
    ["水压太小 楼上洗不了澡", "楼上几层水压低 晚上没水", "楼上的水压小得可怜"],
)
def test_upper_floors_with_low_pressure_are_maintenance_not_a_neighbour(text: str) -> None:
    assert classify(text).category == "maintenance"


def test_neighbour_leak_is_still_a_dispute() -> None:
    result = classify("楼上卫生间漏水到我家 敲门也不开")
    assert (result.category, result.subcategory) == ("dispute", "邻里漏水")


def test_water_from_a_public_pipe_is_maintenance_not_littering() -> None:
    result = classify("走廊顶上一直往下滴水 应该是公共管道漏了")
    assert result.category == "maintenance"


@pytest.mark.parametrize("text", ["垃圾站的垃圾三天没拉了", "楼梯间多久没打扫了 全是灰"])
def test_time_gone_by_without_action_is_a_complaint(text: str) -> None:
    assert classify(text).category == "maintenance"


def test_fault_asked_about_outweighs_the_things_it_names() -> None:
    result = classify("垃圾分类的桶满到溢出来了 今天没人收吗")
    assert result.category == "maintenance"


@pytest.mark.parametrize(
    "text",
    [
        "今天电梯里碰到邻居家的狗 好可爱",
        "刚看新闻说别的小区着火了 大家注意用电",
        "防水补漏 不砸砖 免费上门检测",
        "物业通知 明天上午小区停水 请提前储水",
    ],
)
def test_chit_chat_news_adverts_and_notices_naming_problems_are_none(text: str) -> None:
    result = classify(text)
    assert result.category == "none"
    assert result.emergency is False


def test_one_word_counts_once_per_category() -> None:
    result = classify("隔壁楼施工把水管挖断了 全楼停水")
    assert result.category == "maintenance"


def test_simplified_text_skips_conversion_and_traditional_text_is_converted() -> None:
    assert "電" in traditional_characters()
    assert "电" not in traditional_characters()
    assert to_simplified("楼上打坏了东西") == "楼上打坏了东西"  # no phrase-level rewriting
    assert normalise("３號樓電梯壞了").text == "3号楼电梯坏了"
