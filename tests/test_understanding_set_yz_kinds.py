"""Kinds of misreading sets Y and Z met on first contact (docs/understanding.md, sets Y and Z),
read as structures, on the sets' own lines (tuned on: they measure nothing about unseen text)
and on wordings of mine written after the change ("own": they guard the change, they measure
nothing either; set AA, written after it, measures it):
- water running onto electrics now (an electric meter box, a main switch, a lift machine room),
  a dog chasing a child to bite, a threat to kill shouted now, a gas smell named 瓦斯, a foot
  caught in an open manhole: danger, told as situations;
- a scare looked into and found harmless (我去看了 是…没事): not danger;
- a water and power meter asked about, a tap dripping: no danger for a drop of water."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # sets Y and Z
        "楼顶水箱溢出来了 水顺着电表箱往下淌",
        "楼上往下滴水 正滴在我家电闸上 现在整屋灯一闪一闪的",
        "紧急 楼顶水箱漏了 水直接往电梯机房里灌",
        "健身器材那边有条大狗没拴绳 正追着小孩咬",
        "1栋2单元楼上有人在砸门 喊着要弄死谁",
        "樓道裡好大一股瓦斯味，誰家忘關火了？4棟",
        "三号楼门口那个井盖不知道被谁掀了 刚才一个老人一脚踩下去卡住了 拔不出来",
        # own
        "地下室进水了 水正往配电箱里灌",
        "小区里一条黑狗追着老人咬 老人吓得摔倒了",
        "2单元有个男的拿着砖头 嚷着要弄死他老婆",
    ],
)
def test_danger_told_as_a_situation_pages(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None


@pytest.mark.parametrize(
    "text",
    [
        # set Z
        "有人说闻到焦味 我下楼转了一圈 是外卖电动车刹车片磨的 没事",
        "有人说看见有人晕倒 我去看了 是晒太阳睡着的大爷 没事",
        # own
        "群里说的冒烟 我上去看了 是人家在熏腊肉 没事",
    ],
)
def test_a_scare_looked_into_and_found_harmless_is_no_danger(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "none" and level is None


@pytest.mark.parametrize(
    "text",
    [
        "请问水电表在哪里查",
        "3号楼1单元水龙头开关坏了 一直滴水",
        "电表箱的门关不上了 麻烦物业修一下",
    ],
)
def test_water_or_power_words_without_water_on_electrics_do_not_page(text: str) -> None:
    category, level = category_and_level(text)
    assert category != "emergency" and level is None
