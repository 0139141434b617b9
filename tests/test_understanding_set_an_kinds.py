"""Kinds of misreading set AN met on first contact (docs/understanding.md, set AN), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"): "今天台风" holds no rooftop, the office
worker's self-mockery (打工人), a hot pot or a cake burnt, a wallet on fire, a near miss told by
someone else that ended well, one's own compound judged safe, a rumour found false and praise
page nobody and open no ticket."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AN
        "驿站小哥说今天台风件都延误了 大家别催他了 他也没办法",
        "打工人的命也是命 今天老板又让加班到十一点 我人已经晕了😵",
        "今晚吃火锅 锅底辣椒放多了 整个屋都是烟 呛得我家狗都跑阳台去了😂",
        "这个月电费四百多 空调开一个夏天 钱包已经着火了🔥",
        "吃完午饭困得要命 打工人下午三点的状态 就像被困在电梯里 动弹不得",
        "楼下便利店阿姨说 台风那天有人在店门口差点被刮倒的招牌砸到 好在没事 真是福大命大",
        "听说隔壁小区台风把地下车库淹了 好多车泡了水 我们小区车库地势高 应该没事吧",
        "听说东门那边晚上有人遛狗不牵绳 我今天特意去看了一眼 没看到 可能是谣传",
        "以前住老小区停水停电是家常便饭 搬到这两年一次都没遇到 夸一下",
        # own
        "快递小哥说昨天台风所有件都压着 大家耐心点",
        "打工人又加班到半夜 我整个人都快晕倒了",
        "周末在家涮火锅 辣椒炒多了 满屋子烟 呛得直咳嗽😂",
        "双十一买太多 钱包都着火了",
        "隔壁小区车库进水了 我们小区地势高 应该没事吧",
        "网上说我们小区要拆迁 问了物业 是谣传",
        "搬来三年一次都没遇到停电 夸一下物业",
    ],
)
def test_a_joke_a_meal_a_near_miss_elsewhere_or_praise_is_no_request(text: str) -> None:
    category, level = category_and_level(text)
    assert (category, level) == ("none", None)


def test_someone_at_the_roof_edge_on_a_typhoon_day_is_still_a_danger() -> None:
    category, level = category_and_level("今天台风 天台上有个人站在边上一直往下看 喊他也不理")
    assert category == "emergency" and level is not None
