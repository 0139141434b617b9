"""Day 41 (docs/trials/day41/report.md, first contact on the day 40 fixes): trial sentences
("trial") next to wordings of mine ("fresh").

1. a danger told in full is never a note on the writer's repair ticket (R81: a burning bin at
   midnight after his "bin not emptied" of the morning);
2. a child described by what he wears is a lead of the search for a child dressed so (R62), a
   thief described so is not;
3. the leak from upstairs now in the light fitting re-pages the leak ticket, with its flat (R36);
4. all-clears in everyday words: the car moved, the leak shut off, the drunk man taken home
   (R30, R54, R91)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

# -- 1. a danger is a page of its own ---------------------------------------------------------


@pytest.mark.parametrize(
    ("repair", "fire"),
    [
        pytest.param(
            "1号楼门口垃圾桶满了 鞭炮纸红通通一地 好几天没人收了",
            "东门那个大垃圾桶烧起来了 谁把没灭的炮仗扔进去了 火苗一米多高",
            id="trial-R81",
        ),
        pytest.param(
            "1号楼楼道里堆了好多纸箱子 谁家的赶紧搬走",
            "楼道里那堆纸箱子着火了 烟好大 火苗蹿上来了",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_a_fire_is_never_a_note_on_the_writers_repair_ticket(
    sim: Simulator, repair: str, fire: str
) -> None:
    _at(sim, 9, 50)
    say(sim, "1号楼居民群", "老孙", repair)
    _at(sim, 23, 55)
    messages = say(sim, "1号楼居民群", "老孙", fire)
    assert any("紧急 #2】" in t for t in _paged(messages)), _texts(messages)


# -- 2. a sighting by what is worn --------------------------------------------------------------

SEARCH = "广场看灯的人太多 我家孙子一转眼就不见了 5岁 穿红棉袄戴虎头帽"


@pytest.mark.parametrize(
    "sighting",
    [
        pytest.param("刚才东门小卖部门口有个穿红棉袄的小男孩在哭 是不是谁家的", id="trial-R62"),
        pytest.param("超市门口有个戴虎头帽的小孩一个人站着 没见大人", id="fresh"),
    ],
)
def test_trial_and_fresh_a_child_dressed_as_the_one_searched_for_is_a_lead(
    sim: Simulator, sighting: str
) -> None:
    _at(sim, 17, 50)
    say(sim, "幸福里业主群", "钱女士", SEARCH)
    _at(sim, 18, 0)
    texts = _texts(say(sim, "3号楼居民群", "刘大妈", sighting))
    assert any("线索" in t and "工单 #1" in t for t in texts), texts


def test_fresh_someone_else_dressed_otherwise_is_no_lead(sim: Simulator) -> None:
    _at(sim, 17, 50)
    say(sim, "幸福里业主群", "钱女士", SEARCH)
    _at(sim, 18, 0)
    texts = _texts(say(sim, "3号楼居民群", "刘大妈", "车棚有个穿黑衣服的男的在撬电动车锁 快来人"))
    assert not any("线索" in t for t in texts), texts
    assert any("工单 #2" in t for t in texts), texts


# -- 3. a leak grown into a danger --------------------------------------------------------------


@pytest.mark.parametrize(
    "worse",
    [
        pytest.param("滴水越来越大了 现在往下淌 灯罩里都是水 怕漏电", id="trial-R36"),
        pytest.param("水顺着吸顶灯往下流了 灯还亮着 不敢碰开关", id="fresh"),
    ],
)
def test_trial_and_fresh_the_leak_into_the_light_repages_the_leak_with_its_flat(
    sim: Simulator, worse: str
) -> None:
    _at(sim, 10, 0)
    say(
        sim,
        "2号楼居民群",
        "陈大姐",
        "楼上602回老家过年了 我家卫生间天花板在滴水 一滴一滴的 打他电话不接 我是2号楼3单元502",
    )
    _at(sim, 11, 0)
    pages = _paged(say(sim, "2号楼居民群", "陈大姐", worse))
    assert pages and "#1" in pages[0] and "3单元502室" in pages[0], pages


# -- 4. all-clears ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("problem", "over", "told"),
    [
        pytest.param(
            "4号楼门口一辆白色面包车堵着单元门 车都出不去 谁家的赶紧挪一下",
            "车挪走了",
            "居民称已恢复",
            id="trial-R30",
        ),
        pytest.param(
            "4号楼单元门口停了辆黑色轿车 挡着道了 麻烦车主挪一下",
            "那辆车开走了",
            "居民称已恢复",
            id="fresh-car",
        ),
        pytest.param(
            "5号楼门口躺着个人 喝多了 叫不醒 外面零下好几度",
            "门口那个人家里人接回去了",
            "#1 已处理",
            id="trial-R91",
        ),
        pytest.param(
            "5号楼楼梯口睡着个醉汉 怎么叫都不醒 穿得很少",
            "那个喝醉的被他家里人领回去了",
            "#1 已处理",
            id="fresh-drunk",
        ),
    ],
)
def test_trial_and_fresh_the_reporter_saying_it_is_over_reaches_the_ticket(
    sim: Simulator, problem: str, over: str, told: str
) -> None:
    group = f"{problem[0]}号楼居民群"
    _at(sim, 17, 0)
    say(sim, group, "老钱", problem)
    _at(sim, 17, 40)
    texts = _texts(say(sim, group, "老钱", over))
    assert any("工单 #1" in t for t in texts), texts
    assert any(told in t for t in texts), texts


@pytest.mark.parametrize(
    "hurt",
    [
        pytest.param("6号楼楼下小孩放炮仗把手炸了 血流了一地 大人在喊", id="trial-R82"),
        pytest.param("6号楼有个小孩被烟花炸伤了脸 一直在哭", id="fresh"),
    ],
)
def test_trial_and_fresh_a_firecracker_injury_is_told_to_stop_the_bleeding_not_lie_flat(
    sim: Simulator, hurt: str
) -> None:
    _at(sim, 0, 15)
    texts = _texts(say(sim, "6号楼居民群", "老吴", hurt))
    assert any("止血" in t for t in texts), texts
    assert not any("保持病人平躺" in t for t in texts), texts
