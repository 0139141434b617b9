"""Kinds of misreading set AA met on first contact (docs/understanding.md, set AA), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"; set AB, written after it, measures it):
- a danger told laughing, with no cry and no one urged to come, is a story (it also reads
  three lines of sets O, Q and W that were paged before);
- a false report owned up to, help declined, a reassurance, a notice's 届时, news of no
  concern here, a thing that has lasted, a memory brought up by the talk: none;
- signing up in everyday words (算我一个, 想报那个 …) is culture;
- calls not answered by someone unwell is a possible danger; a neighbour not answering about
  a car is not."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AA
        "笑死 我妈以为烟雾报警器是蚊子 拿电蚊拍去打",
        "抖音上看到有人被困电梯还在里面跳舞 笑死我了",
        "刚才说电梯卡住的是我 已经动了 是我按错了 😅",
        "昨天停电是供电局抢修外线 跟咱们小区没关系",
        "二单元那个独居老太太我认识 她女儿天天来看她 放心吧",
        "周三下午两点到四点线路检修 届时停电 请大家提前做好准备",
        "我婆婆腿不好 不过她说自己能走不用人扶 倔老太太",
        "我家那热水器用了十五年了还没坏 老牌子就是好",
        "说起火 我想起小时候过年放炮把棉裤烧了个洞",
        # own
        "哈哈 我儿子说他被困在作业堆里了 出不来了",
        "回楼上 我刚看了 是我自己按错了 电梯没坏",
    ],
)
def test_chatter_with_danger_or_facility_words_is_none(text: str) -> None:
    assert category_and_level(text) == ("none", None)


@pytest.mark.parametrize(
    "text",
    [
        # sets Z and AA
        "下周垃圾分类志愿活动 算我一个",
        "义务植树算我一个🌳",
        "我家小孩想报那个剪纸课 2号楼的",
        "六一活动我家俩娃都报上",
        # own
        "重阳节那个包饺子活动 加我一个",
    ],
)
def test_signing_up_in_everyday_words_is_culture(text: str) -> None:
    assert category_and_level(text) == ("culture", None)


def test_calls_not_answered_by_someone_unwell_may_be_a_danger() -> None:
    category, level = category_and_level("我爸一个人住 电话一直没人接 早上他还说胸闷")
    assert category == "emergency" and level is not None


def test_a_neighbour_not_answering_about_a_car_is_no_danger() -> None:
    category, level = category_and_level(
        "停车被邻居堵了 打电话也不接 我要赶去上班 急死了 4号楼下面"
    )
    assert category == "dispute" and level is None
