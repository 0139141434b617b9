"""Kinds of misreading set R met on first contact (docs/understanding.md, set R), read as
structures rather than words, on the set's own lines (tuned on: they measure nothing about
unseen text) and on wordings written before the change ("fresh"; 8 / 18 before, 15 / 18 after,
in docs/trials/sets/set_r_fresh_wordings.txt):
- the cause of what was noticed told and the danger denied ("那个味道是楼下在烧纸 …不是煤气");
- a memory: a past word with 后怕, 幸好, 想起来 ("去年冬天那次爆管 …现在想起来还心有余悸");
- advice to others (看好孩子 …防溺水, 一旦起火 …);
- a danger word of a dish, a purse, work or a game, and cries with it;
while a danger told with a denial of something else ("不是开玩笑 快来人"), one growing ("不是我们家
火越来越大了") or happening again ("上次就漏过 现在又闻到了") still pages."""

from __future__ import annotations

import pytest

from service.understanding import Classifier


def _category(text: str) -> str:
    return Classifier.default().classify(text).category


@pytest.mark.parametrize(
    "text",
    [
        # set R
        "那个味道是楼下在烧纸，今天是他家老人周年，不是煤气",
        "楼道那股焦味是有人电饭锅糊了，不是电线，已经处理了",
        "这菜辣得我嘴里冒火，救命🌶️",
        "我的钱包着火了，一到月底就烧没了😂",
        "我被困在工作里了，谁来救救我🤣",
        "去年冬天6号楼那次爆管，水淹到膝盖，现在想起来还心有余悸",
        "夏天到了，家长们看好孩子，不要让孩子去河边玩水，防溺水",
        # fresh
        "那股烧焦味是三楼在熬中药 熬糊了 不是电线",
        "那响声是楼上搬家具 不是打架",
        "这火锅辣得我直冒火 救命啊",
        "我的钱包又着火了 双十一害人",
        "被困在会议室开了一下午会 救救我",
        "上周我妈在菜市场晕倒了 幸亏有好心人 现在已经出院了",
        "暑假到了 看好家里孩子 别去水库游泳 防溺水",
    ],
)
def test_a_danger_word_not_told_as_danger_now_pages_nobody(text: str) -> None:
    assert _category(text) == "none", text


@pytest.mark.parametrize(
    "text",
    [
        "这味道是煤气味 不是开玩笑 快来人看看",
        "冒烟的是5楼那家 不是我们家 火越来越大了",
        "孩子在河边玩水 刚才掉下去了 快来人",
        "有人抢我钱包 快来人",
        "刚才有个人骑车抢了我的手机跑了",
        # a past clause with the danger back in a later one
        "上次就漏过煤气 现在又闻到了 味道很大",
        "去年电梯困过人 今天又停了 里面有人在喊",
        "上个月着过一次火 现在又闻到焦味了",
    ],
)
def test_a_danger_told_now_still_pages(text: str) -> None:
    assert _category(text) == "emergency", text
