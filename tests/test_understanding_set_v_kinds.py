"""Kinds of misreading set V met on first contact (docs/understanding.md, set V), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings written before the change ("fresh"; 5 / 12 before, 11 / 12 after, in
docs/trials/sets/set_v_fresh_wordings.txt):
- a pan fire whose flame spreads is a fire, whatever the cooking (火苗窜到抽油烟机上 锅盖盖不住);
- a burglar inside now (门锁被撬了 屋里有人在翻东西);
- someone lying where people pass with blood at the head (电梯口倒着个老太太 头底下有血);
- a railing or window guard shaking loose over children (护栏晃得厉害 螺丝都脱出来了 底下…孩子);
while a thing put outside a railing is a dispute, a festive lantern on a crane is chatter, a
smell looked into and found harmless (我下楼看了 是饭店在炒辣椒 不是漏气) pages nobody, a son in a
foreign country is no news from elsewhere, and "出了车祸" is no one going out and getting lost."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set V
        "锅里的油烧起来了 火苗窜到抽油烟机上 锅盖盖不住 4号楼502",
        "刚回家发现门锁被撬了 屋里有人在翻东西 我在楼道里不敢进去 3号楼202",
        "6號樓電梯口倒著個老太太 頭底下有血 我不敢動她",
        "5号楼三楼那家阳台的护栏晃得厉害 螺丝都脱出来了 底下就是小孩玩沙子的地方 好几个孩子在下面",
        # fresh
        "炒菜的锅里突然烧起来了 火苗蹿到墙上 盖不住",
        "下班回家看到防盗门被撬开了 有人在翻东西 我不敢进 5号楼301",
        "单元门口躺着个老人 头上有血 我喊他他不吭声",
        "4号楼二楼那家的防盗窗晃得厉害 螺丝都松了 底下就是孩子们放学走的路",
        "我奶奶一个人出了门 到现在没回来 她有老年痴呆",
    ],
)
def test_danger_told_as_a_situation_pages(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # set V
        ("你们看到没 对面工地塔吊上挂了个大红灯笼 挺喜庆", "none"),
        ("楼上说的煤气味 我下楼看了 是一楼饭店在炒辣椒 不是漏气", "none"),
        ("電梯修好咗 多謝晒", "none"),
        ("楼上阳台花盆摆在护栏外面 说了好几次也不收 6号楼", "dispute"),
        ("6栋吴奶奶儿子出了车祸 老人现在一个人 我们邻居轮流送了几天饭 社区能接着管一下吗", "care"),
        (
            "3-3-602的老两口 儿子在国外 老头住院了 老太太一个人来回跑医院 有没有志愿者能帮着陪陪",
            "care",
        ),
        ("我隔壁王奶奶手抖得厉害 做不了饭 社区能不能给她送个午饭 2号楼三单元", "care"),
        # fresh
        ("楼道里说的焦味 我去看了 是302在熬中药 不是着火", "none"),
        ("幼儿园门口的大树上挂满了彩灯 挺喜庆的", "none"),
        ("空调修好咗 多謝晒", "none"),
        ("楼上把花盆摆在阳台栏杆外面 说了好几次也不收", "dispute"),
        ("5号楼有个老爷爷儿子在国外 老伴住院了 他一个人 有志愿者能陪陪吗", "care"),
        ("厨房的抽油烟机坏了 一开就跳闸", "maintenance"),
    ],
)
def test_look_alikes_of_danger_are_read_for_what_they_ask(text: str, category: str) -> None:
    assert category_and_level(text) == (category, None)
