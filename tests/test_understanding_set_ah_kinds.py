"""Kinds of misreading set AH met on first contact (docs/understanding.md, set AH), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"):
- an open lift door on no car, fireworks that set something alight, an eye hit by a firecracker:
  danger, told as situations;
- hot oil crackling, smoke put down to cooking, a flame blown out at once, a rumour checked, a
  lift rescue long over, a holiday worn out or a broken bowl's saying: none;
- a lasting state after a stroke and a child with nobody to look after them are care; a row of
  cars is no car rolling away."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AH
        "二单元电梯门开着 里头没轿厢 黑洞洞的 刚才有个小孩差点一脚踩进去",
        "放烟花的把草坪点了 风往车棚那边刮 车棚里全是电动车",
        "我老公在楼下放二踢脚 崩到眼睛了 捂着眼说啥也看不见",
        # own
        "3单元电梯门自己开了 轿厢没在 下面是空的 有个老太太正要往里走",
        "小孩放鞭炮把楼下的枯草点着了 火往单元门口烧",
        "鞭炮崩到我儿子眼睛了 一直在哭 眼睛睁不开",
    ],
)
def test_danger_told_as_a_situation_pages(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None


@pytest.mark.parametrize(
    "text",
    [
        # set AH
        "孩子拿的纸灯笼蜡烛把灯笼点着了 我一口吹灭了 啥事没有 就是灯笼废了",
        "那个冒烟的是谁家烤红薯 闻着香",
        "上回电梯困人那事 人早出来了 没事就好",
        "那个说2号楼有人被困电梯的 我刚问了物业 没这回事",
        "初二回娘家 初三走亲戚 腿都跑断了",
        # own
        "楼道那股烟味是一楼在熏腊肠 大家别紧张",
        "有人说车棚着火了 我下去看了 没这回事",
        "走了一天亲戚 累瘫了 明天哪也不去",
        "年夜饭摔了个盘子 碎碎平安",
    ],
)
def test_danger_words_that_are_over_explained_or_a_saying_page_nobody(text: str) -> None:
    category, level = category_and_level(text)
    assert level is None and category != "emergency", category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # set AH
        ("我爸中风后说话不利索 初一想去给老战友拜年 能不能有志愿者陪一下", "care"),
        ("六号楼有个小孩爸妈打工没回 跟着奶奶 奶奶住院了 孩子这几天没人管", "care"),
        ("车库入口栏杆抬不起来 后面排了一溜车", "maintenance"),
        # own
        ("我妈脑梗以后走路不稳 想申请个助行器", "care"),
        ("留守的小孙子放寒假了 家里没人照看 社区有没有托管班", "care"),
    ],
)
def test_a_lasting_state_or_a_queue_is_no_emergency(text: str, expected: str) -> None:
    category, level = category_and_level(text)
    assert (category, level) == (expected, None)
