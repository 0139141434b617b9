"""Issue 11, day 16: someone who says they want to die. At 00:20 a resident wrote that a
neighbour had been crying for an hour and said "不想活了"; the bot kept it as a chase of her own
parking ticket ("小时了" is a chase word) and held it until 07:00, paging nobody.

The trial's material is lost; the test with "trial" in its name rebuilds the scenario around the
trial's sentence (docs/conversations.md, "Day 16"); those with "fresh" use wordings written
before the change or on their first run (docs: first-contact counts)."""

from __future__ import annotations

import pytest

from bot.messages import OutboundMessage
from bot.simulator import Simulator
from tests.test_conversations_day14_followups import _pages
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial12 import _later
from tests.test_ticket_time_limits import say

STAY_WITH_THEM = "不要让他独处"


def _to(messages: list[OutboundMessage], group: str) -> list[str]:
    return [m.text for m in messages if m.room_id == group]


def _at_night(sim: Simulator) -> None:
    """From the default 09:00 to 00:20 the next night (quiet hours)."""
    _later(sim, 15 * 60 + 20)


# (group, reporter, their own earlier routine report, the danger)
WANTS_TO_DIE = {
    "trial crying neighbour says she does not want to live": (
        "3号楼居民群",
        "黄大姐",
        "我家车位被人占了 3号楼下面那个 麻烦管一下",
        "3号楼2单元402有人一直在哭 哭了一个多小时了 刚才还听见说不想活了",
    ),
    "fresh drunk neighbour on the balcony": (
        "5号楼居民群",
        "老周",
        "5号楼门口的路灯不亮了",
        "对门那个小伙子喝了好多酒 一直说活着没意思要从阳台跳下去 我们在劝 快来人",
    ),
    "fresh a whole bottle of sleeping pills": (
        "2号楼居民群",
        "孙姐",
        "2号楼楼道里的垃圾两天没人收了",
        "2号楼3单元501的阿姨刚才打电话给我说她吃了一整瓶安眠药 我现在过去 她家门锁着",
    ),
    "fresh a friend's message, phone not answered": (
        "4号楼居民群",
        "阿强",
        "4号楼电梯按钮不灵了",
        "我朋友刚给我发微信说不想活了 他住4号楼1单元203 打电话也不接",
    ),
}


@pytest.mark.parametrize("case", WANTS_TO_DIE.values(), ids=list(WANTS_TO_DIE))
def test_someone_saying_they_want_to_die_pages_at_night_on_a_ticket_of_its_own(
    sim: Simulator, case: tuple[str, str, str, str]
) -> None:
    group, who, earlier, danger = case
    say(sim, group, who, earlier)
    _at_night(sim)
    told = say(sim, group, who, danger)
    assert _pages(told), told
    assert len(_states(sim)) == 2, told  # not added to their earlier ticket
    to_resident = _to(told, group)
    assert len(to_resident) == 1 and "#2" in to_resident[0], to_resident
    # Stay with them and call 120/110; not "keep the patient lying flat".
    assert STAY_WITH_THEM in to_resident[0] and "平躺" not in to_resident[0], to_resident


def test_fresh_a_possible_danger_naming_a_flat_is_no_chase_of_ones_parking_ticket(
    sim: Simulator,
) -> None:
    """Crying for an hour behind a door that does not open: a possible emergency (no alarm
    word), told with a chase word (小时了); it names a flat the parking ticket never had."""
    say(sim, "3号楼居民群", "黄大姐", "我家车位被人占了 3号楼下面那个 麻烦管一下")
    _at_night(sim)
    told = say(
        sim, "3号楼居民群", "黄大姐", "3号楼2单元402有人一直在哭 哭了一个多小时了 敲门也不开"
    )
    assert _pages(told), told
    assert len(_states(sim)) == 2, told


def test_a_bare_chase_at_night_still_joins_ones_ticket_and_pages_nobody(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "黄大姐", "我家车位被人占了 3号楼下面那个 麻烦管一下")
    _at_night(sim)
    told = say(sim, "3号楼居民群", "黄大姐", "都半个多小时了 人呢")
    assert not _pages(told), told
    assert len(_states(sim)) == 1, told
    assert any("#1" in t for t in _to(told, "3号楼居民群")), told


def test_fresh_an_old_man_who_often_says_life_is_dull_is_a_care_request_not_a_page(
    sim: Simulator,
) -> None:
    told = say(sim, "1号楼居民群", "徐阿姨", "我家老头子最近总说活着没意思 能不能找个人开导开导")
    assert not _pages(told), told
    assert len(_states(sim)) == 1, told


def test_a_cat_jumping_off_the_window_sill_is_no_emergency(sim: Simulator) -> None:
    """Set O (first contact of this session's change): "跳下去" alone paged a cat's jump."""
    told = say(sim, "1号楼居民群", "小冯", "我家猫从窗台跳下去了 一楼 没事 又自己跳回来了😂")
    assert not _pages(told), told


def test_a_message_like_a_farewell_letter_and_a_phone_unanswered_pages(sim: Simulator) -> None:
    """Set O: a farewell letter (遗书) and a phone that is not answered. Its sentence was read
    after set O's first contact; this one is written anew."""
    told = say(
        sim, "4号楼居民群", "阿强", "同事半夜给我发了像遗书一样的微信 现在关机了 他住4号楼2单元"
    )
    assert _pages(told), told
    assert any(STAY_WITH_THEM in t for t in _to(told, "4号楼居民群")), told
