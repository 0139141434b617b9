"""Kinds of misreading set S met on first contact (docs/understanding.md, set S), read as kinds
rather than phrases, on the set's own lines (tuned on: they measure nothing about unseen text)
and on wordings written before the change ("fresh"; 19 / 25 before, 22 / 25 after, in
docs/trials/sets/set_s_fresh_wordings.txt), with the leftovers of day 18 about a lift car
standing empty:
- a cry beside an everyday woe is no danger even with an intensifier (作业写得我快疯了 救命);
- the weather as a figure of speech (这天热得要着火了🔥), a broken heart over shares;
- a found object (谁落下的) is a notice; a film (恐怖片) a story; a relayed notice (大家别再问了);
- done already (已经撕掉了, 已经退烧了); a thing to prevent a danger (防走失手环) is no danger;
- an empty lift car standing for a repair pages nobody;
while a child left crying behind a door nobody opens still pages."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set S
        "快被孩子作业逼疯了，救命😂",
        "这天热得要着火了🔥",
        "股票又绿了，心都碎了",
        "2号楼大厅有辆蓝色滑板车，好像是谁家孩子落下的",
        "看了个电梯困人的恐怖片，吓得我今天都不敢坐电梯了哈哈",
        "物业说了，停电是供电局线路检修，下午三点恢复，大家别再问了",
        "电梯里的小广告已经撕掉了",
        "孩子发烧了刚从医院回来，打了针已经退烧了",
        # fresh
        "英语作业写得我快疯了 救命",
        "天热得要冒烟了 出门一分钟就化了",
        "基金又绿了 心在滴血",
        "2号楼门口有一把黑色雨伞 不知道谁落下的",
    ],
)
def test_woes_figures_found_objects_and_done_things_are_no_request(text: str) -> None:
    assert category_and_level(text) == ("none", None), text


@pytest.mark.parametrize(
    "text",
    [
        "我奶奶有老年痴呆，老出门找不着家，想给她申请个防走失手环",  # set S
        "我妈老年痴呆 想申请个定位手表",  # fresh
    ],
)
def test_a_thing_to_prevent_getting_lost_is_care_not_an_emergency(text: str) -> None:
    assert category_and_level(text) == ("care", None), text


@pytest.mark.parametrize(
    "text",
    [
        "电梯是空的 没人 停着检修呢",  # day 18 leftover
        "电梯停着检修 里面是空的",
        "电梯保养呢 空的 没人坐",
    ],
)
def test_an_empty_lift_car_standing_for_a_repair_pages_nobody(text: str) -> None:
    category, level = category_and_level(text)
    assert level is None and category in ("maintenance", "none"), (text, category, level)


@pytest.mark.parametrize(
    "text",
    [
        "隔壁小孩哭了一个多钟头了，嗓子都哑了，敲门没人，大人好像不在家",  # set S
        "电梯门开着 里面是空的 黑洞洞的 在检修吧 太危险了",
        "电梯门开了里面是空的 没人看着 小孩差点走进去",
        "电梯卡在5楼不动了 里面有人在喊",
        "我爸走失了 老年痴呆 早上出门到现在没回来",
    ],
)
def test_danger_beside_those_words_still_pages(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency", (text, category, level)
