"""一事一议 in everyday words (issue #15 trial findings): staff open a consultation in a sentence
of their own (numbered options, 截止 and 对象 without colons) or are shown the format; residents
of a group addressed by one open consultation vote with a vote word and an option number or
words of an option, or with the number alone; asking how it stands keeps the counts hidden; and
none of it opens a ticket. The monthly post's example carries a real date (see
test_consultations_dialogs)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.community.chatwords import load_chat_words
from service.models import Ticket
from service.settings import Settings
from tests.dialog import verify_dialog
from tests.sample_config import CONFIG
from tests.story_support import story_settings, story_sim

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The sample community without its event series: their reminders are not this story."""
    return story_settings(tmp_path)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 2, 9, 0, tzinfo=ZONE))


@pytest.fixture
def sim(core: Core, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    yield from story_sim(core, clock, monkeypatch)


@pytest.mark.timeout(120)
def test_staff_open_in_their_own_words_and_residents_vote_in_theirs(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        第二网格党支部群 | 赵网格长 | 关于5号楼电动车停放的问题发起议事，选项：1.统一停到车棚 2.加装充电桩 3.维持现状，截止12月12日20点，对象5号楼居民群
        -> 第二网格党支部群: @赵网格长 已发起议事 #Y1：5号楼电动车停放 / 选项：1. 统一停到车棚 / 2. 加装充电桩 / 3. 维持现状 / 截止：12月12日（周六）20:00 / 对象：5号楼居民群，已发到群里。 截止后自动公布结果，决定请回复“议事结果 #Y1 决定的内容”。
        -> 5号楼居民群: 【一事一议 #Y1】5号楼电动车停放 / 请大家投票：1. 统一停到车棚 / 2. 加装充电桩 / 3. 维持现状 / 回复“投票 数字”即可，例如“投票 1”；改主意再投一次即可，以最后一次为准。 / 截止：12月12日（周六）20:00，截止后公布结果。
        5号楼居民群 | 孙阿姨 | 嗯，我还是选2吧
        -> 5号楼居民群: @孙阿姨 已记录您对议事 #Y1 的投票：2. 加装充电桩。
        5号楼居民群 | 孙阿姨 | 那就投第一个方案
        -> 5号楼居民群: @孙阿姨 已把您对议事 #Y1 的投票由 2. 加装充电桩 改为 1. 统一停到车棚，以这次为准。
        5号楼居民群 | 周大爷 | 我支持加装充电桩！
        -> 5号楼居民群: @周大爷 已记录您对议事 #Y1 的投票：2. 加装充电桩。
        5号楼居民群 | 吴姐 | 3
        -> 5号楼居民群: @吴姐 已记录您对议事 #Y1 的投票：3. 维持现状。
        5号楼居民群 | 吴姐 | 赞成方案二
        -> 5号楼居民群: @吴姐 已把您对议事 #Y1 的投票由 3. 维持现状 改为 2. 加装充电桩，以这次为准。
        5号楼居民群 | 郑叔 | 投5
        -> 5号楼居民群: @郑叔 议事 #Y1 没有第5项，请回复 1 到 3 之间的数字：1. 统一停到车棚 / 2. 加装充电桩 / 3. 维持现状
        5号楼居民群 | 郑叔 | 现在多少票了？
        -> 5号楼居民群: @郑叔 议事 #Y1 正在投票，您还没有投票。票数在12月12日（周六）20:00截止后公布。
        5号楼居民群 | 周大爷 | 结果呢
        -> 5号楼居民群: @周大爷 议事 #Y1 正在投票，您投的是 2. 加装充电桩。票数在12月12日（周六）20:00截止后公布。
        @clock 2026-12-12 20:00
        -> 5号楼居民群: 【议事结果 #Y1】5号楼电动车停放 / 1. 统一停到车棚：1票 / 2. 加装充电桩：2票 / 3. 维持现状：0票 / 共3人投票，得票最多：加装充电桩。 / 谢谢大家参与！社区将据此研究决定并在群里公布。
        5号楼居民群 | 郑叔 | 我赞成统一停到车棚
        -> 5号楼居民群: @郑叔 抱歉，议事 #Y1 的投票已于12月12日（周六）20:00截止，这次投票没有计入。
        """,
    )
    with sim.core.factory() as session:
        assert session.query(Ticket).count() == 0  # no vote became a ticket


@pytest.mark.timeout(120)
def test_a_bare_number_is_no_vote_where_nothing_is_open_or_the_number_is_no_option(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        第二网格党支部群 | 赵网格长 | 关于5号楼电动车停放的问题发起议事，选项：1.统一停到车棚 2.加装充电桩 3.维持现状，截止12月12日20点，对象5号楼居民群
        -> 第二网格党支部群: @赵网格长 已发起议事 #Y1：5号楼电动车停放 / 选项：1. 统一停到车棚 / 2. 加装充电桩 / 3. 维持现状 / 截止：12月12日（周六）20:00 / 对象：5号楼居民群，已发到群里。 截止后自动公布结果，决定请回复“议事结果 #Y1 决定的内容”。
        -> 5号楼居民群: 【一事一议 #Y1】5号楼电动车停放 / 请大家投票：1. 统一停到车棚 / 2. 加装充电桩 / 3. 维持现状 / 回复“投票 数字”即可，例如“投票 1”；改主意再投一次即可，以最后一次为准。 / 截止：12月12日（周六）20:00，截止后公布结果。
        5号楼居民群 | 吴姐 | 7
        4号楼居民群 | 吴姐 | 2
        4号楼居民群 | 吴姐 | 我同意加装充电桩
        5号楼居民群 | 吴姐 | 我不同意2
        """,
    )


@pytest.mark.timeout(120)
def test_a_number_answering_which_building_is_no_vote_and_a_ticket_command_naming_议事_closes(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        社区党委工作群 | 王书记 | 议事 小区路灯 选项:全部换LED/坏一盏换一盏/维持现状 截止:12月9日18:00 对象:幸福里业主群
        -> 社区党委工作群: @王书记 已发起议事 #Y1：小区路灯 / 选项：1. 全部换LED / 2. 坏一盏换一盏 / 3. 维持现状 / 截止：12月9日（周三）18:00 / 对象：幸福里业主群，已发到群里。 截止后自动公布结果，决定请回复“议事结果 #Y1 决定的内容”。
        -> 幸福里业主群: 【一事一议 #Y1】小区路灯 / 请大家投票：1. 全部换LED / 2. 坏一盏换一盏 / 3. 维持现状 / 回复“投票 数字”即可，例如“投票 1”；改主意再投一次即可，以最后一次为准。 / 截止：12月9日（周三）18:00，截止后公布结果。
        幸福里业主群 | 钱阿姨 | 楼道灯坏了好几天了，晚上黑乎乎的
        -> 幸福里业主群: @钱阿姨 请问是几号楼几单元？回复楼号后我们马上转给负责的同志。
        幸福里业主群 | 钱阿姨 | 3
        -> 幸福里业主群: @钱阿姨 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，未注明楼栋），已转社区党委处理。
        -> 社区党委工作群: 【新工单 #1】维修维护·照明 / 地点：未注明楼栋 / 居民原话：楼道灯坏了好几天了，晚上黑乎乎的 / 反映人：钱阿姨（幸福里业主群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        幸福里业主群 | 钱阿姨 | 2
        -> 幸福里业主群: @钱阿姨 已记录您对议事 #Y1 的投票：2. 坏一盏换一盏。
        社区党委工作群 | 王书记 | #1 已处理 按议事的意见先换了这盏灯
        -> 社区党委工作群: 工单 #1 已办结（王书记）：按议事的意见先换了这盏灯
        -> 幸福里业主群: @钱阿姨 您反映的问题（工单 #1：楼道灯坏了好几天了）已处理：按议事的意见先换了这盏灯。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        """,
    )


@pytest.mark.timeout(120)
def test_staff_sentences_about_a_consultation_that_cannot_be_read_are_shown_the_format(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        第一网格党支部群 | 李网格长 | 下周想就垃圾分类发起议事，大家看看怎么定
        -> 第一网格党支部群: @李网格长 请写明截止时间。发起议事请这样写：议事 楼道堆物 选项:清理并设专用区/每周集中清运/维持现状 截止:12月10日18:00 对象:3号楼居民群
        第一网格党支部群 | 李网格长 | 想发起议事：2号楼停车难，选项 1.划线停车 2.错峰停车，截至12月20日18点，对象停车群
        -> 第一网格党支部群: @李网格长 不认识对象“停车群”，请写群名，例如：对象:3号楼居民群
        第一网格党支部群 | 李网格长 | 这次的议事结果大家还满意吗
        -> 第一网格党支部群: @李网格长 公布议事决定请这样写：议事结果 #Y1 决定的内容
        第一网格党支部群 | 李网格长 | 明天下午在议事厅开会
        3号楼居民群 | 李网格长 | 欢迎大家下周来参加议事
        3号楼居民群 | 张阿姨 | 听说要搞议事投票了
        """,
    )


WORDS = load_chat_words(CONFIG).consultations


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("嗯那就选3吧", 3),
        ("我觉得还是投第二个", 2),
        ("支持选项三", 3),
        ("赞成3号方案", 3),
        ("投票给1！", 1),
        ("我支持统一停到车棚", "统一停到车棚"),
        ("同意充电桩的方案", "充电桩"),
    ],
)
def test_everyday_votes_are_read_with_their_option(said: str, read: int | str) -> None:
    assert WORDS.read_everyday_vote(said) == read


@pytest.mark.parametrize(
    "said",
    [
        "我不赞成2",
        "选2楼的那个人当楼长",
        "我同意，5号楼门口的垃圾三天没人清运了，赶紧处理一下吧",
        "支持",
    ],
)
def test_sentences_that_only_mention_a_vote_word_name_no_option_number(said: str) -> None:
    # At most words, which count only when they are part of an option's text.
    assert not isinstance(WORDS.read_everyday_vote(said), int)


@pytest.mark.parametrize(
    ("said", "kind"), [("现在几票啦？", "ask"), ("票数多少了", "ask"), ("结果呢", "ask_here")]
)
def test_asking_how_it_stands_in_everyday_words(said: str, kind: str | None) -> None:
    assert WORDS.read_ask(said) == kind
