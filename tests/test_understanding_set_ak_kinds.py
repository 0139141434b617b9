"""Kinds of misreading set AK met on first contact (docs/understanding.md, set AK), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"): news that the work is done, a cause found
and fixed or someone spoken to, ash blown about, a childhood fear, a public-service advert, a
match cheered, a recipe's advice and people laid low by the flu page nobody and open no ticket
of a repair."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AK
        "1号楼顶上的积雪物业已经清了 冰溜子也敲掉了 放心走",
        "楼下那几棵树修剪完了 清爽多了",
        "物业师傅修暖气的时候顺手把我家水龙头也修了 太好了",
        "刚才楼道冒烟那个 是有人在抽烟 已经说过他了",
        "小时候家里烧煤 冬天老怕煤气中毒 现在用暖气省心",
        "电视上那个老人走丢的公益广告看着心酸 大家家里老人多留意",
        "中国队赢了！！！楼下都在喊",
        "分享个菜谱 葱油饼 油温七成热下锅 别让油冒烟",
        # own
        "楼门口的冰物业已经清完了 大家放心走",
        "小区的草坪剪完了 看着清爽多了",
        "炸春卷的时候火别太大 别让油冒烟",
    ],
)
def test_news_that_is_over_or_told_in_general_is_no_request(text: str) -> None:
    category, level = category_and_level(text)
    assert (category, level) == ("none", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4号楼有人在楼下空地烧纸 烟灰飘得到处都是 说了也不听", "dispute"),  # set AK
        ("单亲妈妈带俩孩子 孩子都流感 她自己也倒下了 住五号楼 谁能帮忙送点吃的", "care"),  # set AK
        ("隔壁一家三口都发烧 大人也倒下了 能不能帮忙买点菜送过去", "care"),  # own
    ],
)
def test_ash_or_flu_is_a_quarrel_or_care_not_an_emergency(text: str, expected: str) -> None:
    category, level = category_and_level(text)
    assert (category, level) == (expected, None)
