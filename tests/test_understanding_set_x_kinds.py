"""Kinds of misreading set X met on first contact (docs/understanding.md, set X), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings written before the change ("fresh"; 11 / 15 before, 13 / 15 after, in
docs/trials/sets/set_x_fresh_wordings.txt):
- a hand caught in a unit door, a pipe joint burst with the valve stuck, a stranger inside the
  flat now: danger, told as situations;
- a simulation, a drama episode, a joke, one's workplace: not here;
- youth and reassurance since (年轻的时候…中毒过一次; 后来买了个定位器 现在放心多了), a plan
  (打算过年前换);
- a smoke alarm chirping for a battery, a denial that anyone is trapped, a braised dish smelled;
- eyes that cannot see (看不见了 is not 不见了), a lasting injury in bed (躺床上) with a wish for
  help: care."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set X
        "5栋单元门把小孩的手夹住了，门禁锁死打不开，孩子一直在哭，家长急得直拍门",
        "卫生间水管接头崩开了，水像喷泉一样，总阀拧不动，地上已经没过脚面，往楼下渗了",
        "1-1-101 家里进来一个陌生男的，我在卧室把门反锁了，他在外面翻东西，我不敢出声",
        # fresh
        "单元门把老人的脚夹住了 门打不开 老人疼得直叫",
        "厨房水管接头崩开了 总阀关不上 水已经漫到客厅了",
        "家里进来个陌生人 我躲在卫生间 他在客厅翻东西",
    ],
)
def test_danger_told_as_a_situation_pages(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # set X
        ("周末带娃去了趟科技馆，里面有个模拟火灾的逃生屋，孩子玩得可开心了", "none"),
        ("这个剧太上头了，男二被车撞那一集我哭到凌晨两点，破防了", "none"),
        ("我家老人以前就是在小区里走丢过一次，后来买了个定位器，现在放心多了", "none"),
        ("我妈说她年轻的时候煤气中毒过一次，所以现在天天念叨让我们开窗", "none"),
        ("有个段子：电梯里两个人，一个说“我被困住了”，另一个说“我也是，被生活困住了”", "none"),
        ("嗯，刚才那个是我家的烟雾报警器没电了在叫，换了电池就好了", "none"),
        ("谁家做红烧肉这么香，整个楼道都是味儿，馋死我了", "none"),
        ("哪有人被困啊，我刚从电梯出来，好好的，别听他瞎说", "none"),
        ("我奶奶眼睛看不见了，一个人在家，我们工作日都不在，社区日间照料那边能不能接收她", "care"),
        (
            "我腰椎骨折了躺床上动不了，老公出差一个月，家里还有个三岁娃，有没有志愿者能帮忙接送一下孩子",
            "care",
        ),
        ("我家厨房水龙头漏水，自己买了个新的换上了，原来这么简单", "none"),
        # fresh
        ("带孩子去体验馆玩了模拟地震 挺刺激的", "none"),
        ("昨晚追剧 女主被困在火场那段看哭了", "none"),
        ("我爸年轻时在矿上被困过一回 现在说起来还后怕", "none"),
        ("烟雾报警器没电了在叫 换了电池就没事了", "none"),
        ("哪有人被困 电梯好好的 别听他瞎说", "none"),
        ("隔壁做叉烧好香啊 整层楼都是味", "none"),
        ("打算过年前把家里燃气灶换了 老的总觉得不安全", "none"),
        ("自己换了个灯泡 原来这么简单", "none"),
        ("我妈眼睛看不见了 白天没人照顾 社区日间照料能收吗", "care"),
    ],
)
def test_look_alikes_of_danger_are_read_for_what_they_ask(text: str, category: str) -> None:
    assert category_and_level(text) == (category, None)


@pytest.mark.parametrize(
    "text",
    [
        "刚才那个是什么声音 砰的一声 楼下好像有人摔了 起不来",
        "红烧肉烧糊了 锅冒烟了 厨房全是烟 火苗窜起来了",
        "孩子一个人跑出去了 找不到了",
    ],
)
def test_danger_beside_these_words_still_pages(text: str) -> None:
    assert category_and_level(text) == ("emergency", "emergency")
