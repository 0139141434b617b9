"""Kinds of misreading set AJ met on first contact (docs/understanding.md, set AJ), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"):
- something hot left on at home with someone asleep or not answering: danger;
- a fear of glass coming down, news from another compound with relief that it is not so here, a
  fire someone only thought there was, a cry named as a word, a child's scooter bumping someone
  with no one hurt: no page."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AJ
        "熨斗忘关了我在外面，家里只有我爸在睡觉，打电话不接，邻居能不能马上去敲下门 4号楼1单元301",
        # own
        "我出门忘了关火 锅里还炖着汤 家里就我妈一个人在睡觉 电话打不通",
    ],
)
def test_something_hot_left_on_with_someone_asleep_pages(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None


@pytest.mark.parametrize(
    "text",
    [
        # set AJ
        "物业你好，1栋2单元的楼道窗户玻璃裂了一道缝，风大怕掉下来",
        "隔壁小区电梯困人上新闻了，还好我们楼的电梯刚年检完",
        "火锅底料炒糊了一屋子烟，我老公以为着火了笑死",
        "我家娃说救命这个词是超人专用的🤣",
        "谁家小孩在楼道里骑滑板车冲，撞到我家老人了，家长也不道歉",
        # own
        "阳台的花盆有点松 风大怕砸到人 物业能来看看吗",
        "听说别的小区有人被困电梯 幸好我们小区的电梯刚换",
        "我妈闻到烧焦味以为着火了 原来是邻居烤红薯",
    ],
)
def test_fears_relief_mistakes_and_bumps_page_nobody(text: str) -> None:
    category, level = category_and_level(text)
    assert level is None and category != "emergency", category
