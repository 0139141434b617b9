"""Kinds of misreading set Q met on first contact (docs/understanding.md, set Q), as the set's
own lines (tuned on: they measure nothing about unseen text) and wordings written before the
change ("fresh", counts in docs/understanding.md):
- a cry for help about an everyday woe (老板又让加班 救命啊) is no emergency; a cry with a danger
  told still is;
- news or a video from elsewhere said to be so ("不是咱们小区的，是网上的"), a question how
  news ended ("后来找到了没"), an explanation after the scare ("结果是邻居在蒸馒头"), a memory
  ("去年那回"), safety tips passed on, "没有人被困": none;
- a child fallen into an open manhole, medicine taken by the handful, scalding water spraying,
  a robbery at knife-point: emergencies, told without an alarm word."""

from __future__ import annotations

import pytest

from service.understanding import Classifier


def _read(text: str) -> tuple[str, str | None]:
    u = Classifier.default().classify(text)
    return u.category, u.subcategory


@pytest.mark.parametrize(
    "text",
    [
        # set Q
        "老板又让加班，救命啊😭 谁来把我捞出去",
        "我家娃写作业写得我血压都上来了，谁来救救我这个老母亲",
        "刚才那个打架视频不是咱们小区的，是网上的",
        "听说城东那边有个小孩走丢了，后来找到了没？",
        "看到群里说冒烟吓得我赶紧跑回家，结果是邻居在蒸馒头，笑死",
        "去年那回电梯困人我也在里面，现在想起来腿还软",
        "火灾逃生知识转给大家：湿毛巾捂口鼻，弯腰低姿走，别坐电梯",
        # fresh
        "上班累死了 谁来救救我",
        "孩子的作业要把我逼疯了 救命",
        "期末考试要挂了 救命啊",
        "网上那个电梯困人的视频不是咱们这的",
        "听说河对面有个老人走失了 后来找到了吗",
        "闹了半天是三楼在烤红薯 烟是从他家厨房出来的",
        "上回那次停电困在电梯里 想想都后怕",
        "防溺水安全小知识 转给家长们看看",
    ],
)
def test_a_scare_that_is_none_pages_nobody(text: str) -> None:
    assert _read(text)[0] == "none", text


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # set Q
        ("3号楼后面化粪池的井盖开着，一个小孩掉下去了", "溺水"),
        ("我家孩子把奶奶的降压药当糖吃了，吃了好几粒，现在说头晕", "急病"),
        ("热水器的管子裂了，滚烫的水喷得满地都是全是蒸汽，总阀找不着在哪", "水淹危险"),
        ("我在地下车库被两个人堵住要钱，他们手里有刀，我躲在车里", "打架"),
        # fresh
        ("窨井盖被人偷了 刚才一个老头踩空掉下去了", "溺水"),
        ("三个小混混在车库堵着我要钱 说不给就动手", "打架"),
        ("孩子趁我不注意把外婆的安眠药吃了好几粒", "急病"),
        ("厨房热水管裂开了 滚烫的水一直喷 孩子在旁边", "水淹危险"),
        ("我家孩子把一整瓶维生素片都吃了", "急病"),
        # a cry with a danger told is still one
        ("孩子写作业的时候突然晕倒了 救命", "急病"),
        ("我在加班 家里老人打电话说摔倒了起不来 救命", "急病"),
    ],
)
def test_a_danger_told_as_a_situation_is_an_emergency(text: str, sub: str) -> None:
    assert _read(text) == ("emergency", sub), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("井盖坏了一个角 小孩差点掉下去 赶紧修一下", "maintenance"),
        ("3号楼电梯停了 是空的 里面没困人", "maintenance"),
    ],
)
def test_a_near_miss_or_an_empty_lift_is_a_repair(text: str, category: str) -> None:
    assert _read(text)[0] == category, text
