"""Kinds of misreading set AC met on first contact (docs/understanding.md, set AC), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"):
- a dog biting the writer who cannot pull it off, fumes that sting the eyes of several people,
  fuel dripping beside someone smoking, a tile loose over passers-by, a car rolling towards
  children with nobody in it, smoke filling the stairwell: danger, told as situations;
- a fire denied, a missing elder home, a burn seen to, a repair that held, a fix done oneself,
  a quarrel settled, a complaint not meant as one, a TV programme: none."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AC
        "邻居家的狗把我家狗按住咬 拉不开 我手也被咬了 在南门草坪这",
        "3号楼1单元地下室那边飘出一股刺鼻的味 眼睛辣得睁不开 好几个人在咳",
        "我在地库B区这边 汽油味特别冲 一辆银色面包车底下在滴油 地上已经一摊了 旁边有两个师傅在那蹲着抽烟",
        "4号楼外墙有块瓷砖松了 风一吹就晃 底下人来人往的",
        "停车场一辆车溜了 里面没人 正往坡下滑 坡底下有小孩",
        "5栋楼道里有人在烧纸 烟把整个楼道都熏满了 看不见路",
        # own
        "车库里一股刺鼻的气味 熏得眼睛睁不开 好几个人在咳嗽",
        "坡上那辆车自己动了 里面没人 下面有老人在遛弯",
    ],
)
def test_danger_told_as_a_situation_pages(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None


@pytest.mark.parametrize(
    "text",
    [
        # set AC
        "哪有着火啊 人家在阳台上烤肉呢 别大惊小怪",
        "群里说的走失老人已经到家了是吧 那就好",
        "电视里那个火灾逃生的节目 建议大家都看看 挺有用的",
        "我老公刚才在厨房被热油溅了一下 没事 抹了点药膏",
        "我跟你说 上回那个下水道堵的 疏通完到现在一次没犯",
        "你们说的那个漏水我也遇到过 后来发现是洗衣机管子松了 自己拧紧就好了",
        "昨晚那个吵架的已经被调解好了 今天两家还一块儿喝茶",
        # own
        "家里在熏腊肉 满屋子烟",
    ],
)
def test_chatter_with_danger_or_facility_words_is_none(text: str) -> None:
    assert category_and_level(text) == ("none", None)


@pytest.mark.parametrize(
    "text",
    [
        "4号楼的 想报个中秋晚会的节目 我家孩子会弹古筝",
        "想报名春节联欢会的节目，我们几个姐妹排了个扇子舞",
    ],
)
def test_a_show_of_a_festival_is_no_tv_programme(text: str) -> None:
    assert category_and_level(text)[0] == "culture"
