"""Kinds of misreading sets AO and AP met on first contact (docs/understanding.md, sets AO and
AP) and day 27 R46, read as structures, on the sets' own lines (tuned on: they measure nothing
about unseen text) and on wordings of mine written after the change ("own"): a child vanished in
a crowd holding a rabbit lantern (no pet), a throat closing after food, waters broken, a man
beating his wife now, a pipe joint burst with water spraying out, and a danger told after a
greeting or an acknowledgement are pages."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AO
        "晚会人太多 我家三岁的孙女一转眼就不见了 穿红色汉服 手里拿着兔子灯 求求大家帮忙找找",
        "我侄女来做客 吃了带花生的月饼 现在浑身起红疙瘩 喉咙发紧话都说不出来 3号楼2单元",
        # set AP
        "我媳妇羊水破了 电梯又坏了 我们住18楼 她走不下去 六号楼二单元 有没有人能来帮忙",
        "楼上702男的喝了酒在打老婆 女的一直哭叫 咚咚咚的 听着吓人 3号楼2单元",
        # day 27 R46
        "俺家厨房水管子接头崩开了 水往外呲 地上全是水 总阀门在哪嘎达找不着啊",
        # own
        "灯会上人挤人 儿子一眨眼就不见了 手里提着兔子灯 大家帮忙看看",
        "孩子吃了虾 现在嗓子发紧 喘得厉害 5号楼1单元",
        "老婆破水了 叫不到车 2号楼3单元 谁能帮个忙",
        "对门男的又打老婆了 女的在哭喊 4号楼",
        "卫生间软管崩开了 水往外滋 关不住",
        "早上好 3楼有个老人躺在地上一动不动",
        "收到 卫生间里有人晕倒了",
    ],
)
def test_a_danger_told_in_these_words_is_paged(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None, (category, level)


@pytest.mark.parametrize(
    "text",
    [
        # own: the words of the change, with no danger
        "老家来电话说村里有户人家煤气中毒 幸亏发现得早 人都救过来了",
        "中秋晚会上的兔子灯真好看 孩子们提着到处跑",
        "楼下王阿姨家儿媳妇生了 母子平安 恭喜恭喜",
        "收到 明天下午停水的通知大家看一下",
        "草坪上的喷灌头坏了 一直在喷水 路上都是水",
    ],
)
def test_the_same_words_with_no_danger_page_nobody(text: str) -> None:
    category, level = category_and_level(text)
    assert level is None, (category, level)
