"""Kinds of misreading set AQ met on first contact (docs/understanding.md, set AQ), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"): someone pinned by a car that slid, a cry for
the beating to stop, a firework setting a balcony alight, someone long silent in the shower of a
gas water heater are pages; a car parked on something, one's own car scratched, fireworks seen
are not."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AQ
        "车库入口那个坡全是冰 一辆车溜下去把人顶墙上了 腿还被压着呢",
        "隔壁合租的小姑娘在屋里哭着喊别打了 有个男的一直在骂 还有摔东西的声音 门反锁着 6号楼502",
        "跨年谁放的窜天猴 钻进3号楼四楼阳台 阳台上纸箱子着起来了 家里好像没人",
        "合租屋的室友开着燃气热水器洗澡 四十分钟了 喊他不应 敲门也没动静 还有股怪味 三号楼五零一",
        # own
        "地库坡道一辆车没拉手刹滑下来 把人顶在柱子上了",
        "楼上一直有女的在喊别打了别打了 哭得很惨 2号楼",
        "烟花飞进阳台 晾的衣服着起来了",
        "我爸用燃气热水器洗澡半个多小时了 叫他不应 卫生间门锁着",
    ],
)
def test_these_dangers_told_as_situations_are_paged(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None, (category, level)


@pytest.mark.parametrize(
    "text",
    [
        "我家车被人顶墙上了 谁干的 车门都刮花了",
        "跨年放烟花真好看 窜天猴一个接一个",
        "燃气热水器洗澡水忽冷忽热 能不能找人看看 3号楼",
        "电视剧里男的打老婆 看得我好气",
    ],
)
def test_the_same_words_with_no_danger_page_nobody(text: str) -> None:
    category, level = category_and_level(text)
    assert level is None, (category, level)
