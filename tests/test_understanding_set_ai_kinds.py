"""Kinds of misreading set AI met on first contact (docs/understanding.md, set AI), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"):
- an outdoor unit or scaffolding about to come down over a path, a manhole opened by floodwater
  where people wade, a car afloat with someone inside, a fever with delirium, "电梯关人了":
  danger, told as situations;
- an eye-roll, a dog hiding from thunder told laughing (🤣), a gas smell put down to pipe work or
  the drains and told as normal: none;
- where to collect something, how a price is reckoned: asked."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AI
        "3-601阳台外机就剩一颗螺丝挂起 风一吹晃得吓人 下面正好是进出的路口",
        "小区门口的井盖被水冲开了 水面上一点看不出来 好多人在蹚水 刚才一个小孩差点踩进去",
        "5-601的租户小伙子一个人住 发烧说胡话 刚电话里话都说不连贯了 门还锁着",
        "二号楼外墙翻新的脚手架被风吹得摇摇晃晃 有一节已经歪出来了 底下就是小区主路",
        "电梯关人了",
        # own
        "4栋的空调外机只剩一颗螺丝吊着 底下是幼儿园门口",
        "暴雨把路口的井盖冲走了 水漫过脚踝 还有人在蹚水",
        "车库进水了 有辆车漂起来了 里面好像还有人",
        "我儿子高烧说胡话 叫他都不太应",
    ],
)
def test_danger_told_as_a_situation_pages(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None


@pytest.mark.parametrize(
    "text",
    [
        # set AI
        "我家狗一听打雷就钻床底 叫都叫不出来🤣",
        "问过了 那个煤气味是燃气公司在检修管道 正常的",
        "我老公说煤气味是下水道反味 倒了点水就好了",
        # own
        "楼道那股味是物业在维修下水道 正常的 别担心",
        "我家猫一打雷就躲柜子里 喊都喊不出来😂",
    ],
)
def test_danger_words_explained_or_told_laughing_page_nobody(text: str) -> None:
    category, level = category_and_level(text)
    assert level is None and category != "emergency", category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # set AI
        ("楼上晒被子 水滴滴答答全滴在我刚晾的衣服上 说他还翻白眼", "dispute"),
        ("防汛沙袋在哪里领啊 我家住一楼", "inquiry"),
        ("燃气阶梯价格怎么算的 这个月账单吓一跳", "inquiry"),
        # own
        ("老年卡在哪领 要带户口本吗", "inquiry"),
        ("水费阶梯价格怎么算 这个月好贵", "inquiry"),
    ],
)
def test_a_neighbours_contempt_or_a_question_is_no_emergency(text: str, expected: str) -> None:
    category, level = category_and_level(text)
    assert (category, level) == (expected, None)
