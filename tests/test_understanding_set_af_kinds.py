"""Kinds of misreading set AF met on first contact (docs/understanding.md, set AF), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"):
- a fix done long ago that holds, money arrived, a ride found and someone fine, a check-up that
  found nothing, a new alarm tried out, a dog that never bites, a number passed on, a decorator's
  advert, a friend's compound, a health tip forwarded: none;
- a sound-activated light that stamping does not wake is broken, asking when a fee starts or how
  long a warranty runs is inquiry, someone lonely asking for a chat is care."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AF
        "我家阳台那点渗水是窗缝的胶老化了，自己打了一圈玻璃胶，今天大雨一滴没进",
        "已经帮5号楼的李奶奶叫到车了，她去医院复查，身体没事",
        "我妈下午说胸口闷，去医院查了没事，就是累着了",
        "我家狗狗今天打完疫苗了，活蹦乱跳的，乖得很从不咬人",
        "刚才有人问物业电话，我已经私发给他了，漏水的事他们会处理的",
        "装修公司广告：旧房卫生间改造，防水闭水试验48小时，漏水免费返工",
        "我家新装了燃气报警器，今天试了一下响得震天，把老伴吓一跳",
        "以前这楼一下雨就漏，去年换了防水就再没漏过",
        "医保报销到账了，比想的快，谢谢社区帮忙",
        "老年大学的同学说她们小区墙皮掉下来砸坏了车，幸亏没砸着人",
        "抖音上说老人要是突然嘴歪手麻就是中风，要马上去医院，转给家里老人看看",
        # own
        "厨房那个水管上个月自己缠了生料带 到现在一滴都没进",
        "我爸昨天头晕 今天去医院查了没事",
        "我家那条大黄狗从来不咬人 大家放心",
        "养老金到账了 谢谢社区提醒",
        "他们小区昨天电梯困人了 听着都吓人",
        "烟感报警器刚装好 试了一下 声音挺大",
    ],
)
def test_chatter_with_danger_or_problem_words_is_none(text: str) -> None:
    assert category_and_level(text) == ("none", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # set AF
        ("楼道里的声控灯一会儿亮一会儿不亮，跺脚也没用", "maintenance"),
        ("快递放驿站超过几天会收费啊", "inquiry"),
        ("房子的防水保修期是几年？过了保修期谁来管", "inquiry"),
        ("连着下雨我心情特别差，一个人在家老想哭，社区有没有人能陪我聊聊", "care"),
        # own
        ("3单元的感应灯 跺脚都不亮 麻烦换一个", "maintenance"),
        ("电动车停在车棚超过几天会收费吗", "inquiry"),
        ("老伴走了以后我一个人在家老想哭 谁能陪我说说话", "care"),
    ],
)
def test_requests_in_everyday_words_get_their_category(text: str, expected: str) -> None:
    assert category_and_level(text) == (expected, None)
