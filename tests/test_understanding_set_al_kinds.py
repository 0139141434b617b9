"""Kinds of misreading set AL met on first contact (docs/understanding.md, set AL), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"): a price called robbery, an era recalled,
news read or a relative far away said safe, a crack mended oneself, a song or the rain enjoyed
page nobody and open no ticket; a wall giving way now is a danger; a request to look out for
someone is care, not a notice; wanting to join a club, a pickup point asked after, a neighbour
talked to in vain are requests of their kind."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AL
        "今天菜场青菜涨到八块一斤 抢钱啊",
        "我们那个年代着火了都是拿脸盆接力泼 现在有消防车多好",
        "我女儿在深圳 说那边台风刮倒好多树 还好她没事",
        "看新闻有人给除湿机插着过夜起火了 吓得我赶紧把我家的拔了",
        "阳台那个渗水的缝我自己用玻璃胶补了 搞定",
        "对面楼的爷爷天天在阳台唱京剧 下雨天听着特有味道",
        "下雨打在雨棚上叮叮当当的 我当白噪音听 睡得还挺香",
        # own
        "猪肉又涨价了 一斤三十多 简直抢钱",
        "那个年代家里着火都是邻居拎水桶来帮忙 现在方便多了",
        "我儿子在广州 说那边暴雨淹了好几条街 还好他没事",
        "楼下大爷拉二胡 晚上听着很有味道",
        "窗外雨声哗哗的 我当白噪音听 睡得挺香",
    ],
)
def test_a_price_a_memory_news_or_a_pleasure_is_no_request(text: str) -> None:
    category, level = category_and_level(text)
    assert (category, level) == ("none", None)


@pytest.mark.parametrize(
    "text",
    [
        "5号楼四单元一楼的墙裂开一条大缝 还在嘎吱嘎吱响 楼上在掉灰",  # set AL
        "六号楼三单元一楼的承重墙开裂了 一直咯吱咯吱响 墙皮往下掉渣",  # own
    ],
)
def test_a_wall_cracking_open_and_creaking_now_is_a_danger(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None


def test_a_crack_of_years_that_harms_nobody_is_a_repair() -> None:
    assert category_and_level("卫生间墙上裂了条缝 好几年了 不影响住") == ("maintenance", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("楼里有个孕妇老公出差了 她快生了 一个人住 能不能帮忙留意一下", "care"),  # set AL
        ("楼里有个老人腿摔断了 一个人住 能不能帮忙留意一下他", "care"),  # own
        ("快递代收点在哪里啊 新搬来的", "inquiry"),  # set AL
        ("小区快递代收点几点关门啊", "inquiry"),  # own
        ("社区跑团下雨也跑吗 我想加一个", "culture"),  # set AL
        ("合唱团还收人吗 我想加一个", "culture"),  # own
        ("楼上阳台的花盆排水 下雨天泥水顺着我家外墙往下流 沟通没用 3幢", "dispute"),  # set AL
        ("隔壁家的狗把我家门口尿得到处都是 他说不关他事", "dispute"),  # own
    ],
)
def test_a_plea_a_question_a_wish_or_a_neighbour_in_vain_is_a_request_of_its_kind(
    text: str, expected: str
) -> None:
    category, level = category_and_level(text)
    assert (category, level) == (expected, None)


def test_a_notice_to_look_out_is_still_no_request() -> None:
    assert category_and_level("今天电梯里有人贴了寻狗启事 大家留意一下") == ("none", None)
