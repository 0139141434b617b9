"""What the fourth outside trial of the members slice found (trial members4, a month of party
members in the shell): points asked as 多少分 or 分数, registrations in the README's labelled
form or with a typo, questions about registering, events and one's post, rejections of a
registration, staff asking in natural words, sign-ups naming an event, and clearer replies.
Each story uses its own sentences; one check per finding replays the tester's exact line."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.simulator import Simulator
from tests import test_members_trial2 as trial2
from tests import test_members_trial3 as trial3
from tests import test_members_trial_fixes as trial1
from tests.dialog import verify_dialog

ZONE = ZoneInfo("Asia/Shanghai")

# The same sample community as the earlier trials' tests (only the market series).
settings = trial1.settings
sim = trial1.sim

XU_POINTS = "许娟同志，您本月积分 2 分，今年累计 5 分。 / 最近记录： / 12月01日 参加楼道清扫 +2分 / 11月14日 参加楼道清扫 +3分"


_say_all = trial3._say_all
_after = trial3._after
_xu_with_points = trial3._xu_with_points


def test_points_asked_as_how_many_marks_are_answered_in_any_group(
    sim: Simulator,
) -> None:
    _xu_with_points(sim)
    verify_dialog(
        sim,
        f"""
        1号楼居民群 | 许娟 | 我这个月几分了？
        -> 1号楼居民群: @许娟 {XU_POINTS}
        1号楼党小组 | 许娟 | 今年我拿了多少分
        -> 1号楼党小组: @许娟 {XU_POINTS}
        1号楼居民群 | 许娟 | 我的分数是多少
        -> 1号楼居民群: @许娟 {XU_POINTS}
        1号楼居民群 | 许娟 | 我现在多少分啊
        -> 1号楼居民群: @许娟 {XU_POINTS}
        """,
    )


def test_the_testers_points_questions_in_marks_are_answered(sim: Simulator) -> None:
    _xu_with_points(sim)
    lines = [
        "我这个月多少分",
        "我这个月多少分？",
        "我这个月几分",
        "这个月我多少分",
        "我的分数",
        "我今年多少分",
    ]
    verify_dialog(
        sim,
        "\n".join(
            f"1号楼党小组 | 许娟 | {line}\n-> 1号楼党小组: @许娟 {XU_POINTS}" for line in lines
        ),
    )


def test_minutes_and_the_points_bulletin_are_not_read_as_a_points_question(
    sim: Simulator,
) -> None:
    _xu_with_points(sim)
    asyncio.run(
        _say_all(
            sim,
            """
            1号楼党小组 | 许娟 | 我等了多少分钟了？
            社区党委工作群 | 王书记 | 上个月的积分通报发一下
            1号楼党小组 | 许娟 | 这个月的积分通报出来了吗
            社区党委工作群 | 王书记 | 把季度积分排名通报发一下
            """,
        )
    )
    assert not any(
        "积分 " in m.rendered() or "排名" in m.rendered() or "排第" in m.rendered()
        for m in sim.gateway.sent
    )


def _received(room: str, sender: str, name: str, unit: str, address: str, grid: str) -> str:
    return (
        f"-> {room}: @{sender} {name}同志，您的报到申请已收到（{unit}，{address}），已转{grid}审核，"
        "审核后会告诉您。\n"
        f"-> {grid}: 【党员报到】{name}，工作单位：{unit}，住址：{address}。"
        f"同意请回复“批准 {name}”，不同意请回复“驳回 {name} 原因”。"
    )


def test_a_labelled_form_or_a_sentence_with_a_register_word_is_a_registration(
    sim: Simulator,
) -> None:
    one, two = "第一网格党支部群", "第二网格党支部群"
    verify_dialog(
        sim,
        f"""
        1号楼居民群 | 孙悦 | 大家好，姓名:孙悦；工作单位:市档案馆；住址:1号楼2单元402
        {_received("1号楼居民群", "孙悦", "孙悦", "市档案馆", "1号楼2单元402", one)}
        5号楼居民群 | 老罗 | 名字：罗斌 单位：区交通局 地址：5号楼1单元101
        {_received("5号楼居民群", "老罗", "罗斌", "区交通局", "5号楼1单元101", two)}
        6号楼居民群 | 钟华 | 我是在职党员，来报到一下，我叫钟华，在区审计局上班，住6号楼2单元502
        {_received("6号楼居民群", "钟华", "钟华", "区审计局", "6号楼2单元502", two)}
        2号楼居民群 | 唐宁 | 报道：唐宁 市图书馆 2号楼3单元301
        {_received("2号楼居民群", "唐宁", "唐宁", "市图书馆", "2号楼3单元301", one)}
        """,
    )


def test_the_testers_labelled_and_sentence_registrations_are_registrations(
    sim: Simulator,
) -> None:
    one, two = "第一网格党支部群", "第二网格党支部群"
    verify_dialog(
        sim,
        f"""
        2号楼居民群 | 王丽 | 您好，姓名：王丽 单位：区税务局 住址：2号楼1单元302 周末可以参加活动
        -> 2号楼居民群: @王丽 王丽同志，您的报到申请已收到（区税务局，2号楼1单元302），已转第一网格党支部群审核，审核后会告诉您。您的备注“周末可以参加活动”已一并转告。
        -> 第一网格党支部群: 【党员报到】王丽，工作单位：区税务局，住址：2号楼1单元302，备注：周末可以参加活动。同意请回复“批准 王丽”，不同意请回复“驳回 王丽 原因”。
        3号楼居民群 | 韩梅梅 | 姓名:韩梅梅，单位:区文旅局，住址:3号楼1单元301
        {_received("3号楼居民群", "韩梅梅", "韩梅梅", "区文旅局", "3号楼1单元301", one)}
        3号楼居民群 | 李明 | 我是党员，想报到，叫李明，在市中医院上班，住3号楼1单元201
        {_received("3号楼居民群", "李明", "李明", "市中医院", "3号楼1单元201", one)}
        3号楼居民群 | 高峰 | 你好，我报到一下：高峰 市税务局 3-2-601
        {_received("3号楼居民群", "高峰", "高峰", "市税务局", "3-2-601", one)}
        4号楼居民群 | 赵强 | 报道 赵强 区人民医院 4号楼1单元202
        {_received("4号楼居民群", "赵强", "赵强", "区人民医院", "4号楼1单元202", two)}
        """,
    )


HOW_TO = (
    "在职党员请向居住地社区报到：在本楼居民群或私信发送“报到 姓名 工作单位 住址”，"
    "例如：报到 张三 市供电公司 3号楼2单元501。网格工作人员审核后会告诉您结果。"
)


def test_questions_about_registering_are_answered_with_the_example_or_the_reason(
    sim: Simulator,
) -> None:
    _after(
        sim,
        """
        5号楼居民群 | 何平 | 报到 何平 市邮政局 5号楼2单元101
        第二网格党支部群 | 赵网格长 | 驳回 何平 5号楼2单元没有101，请写对门牌
        """,
        f"""
        1号楼居民群 | 田甜 | 请问党员报到要怎么弄？
        -> 1号楼居民群: @田甜 {HOW_TO}
        5号楼居民群 | 何平 | 为啥我的报到没通过
        -> 5号楼居民群: @何平 何平同志，您的报到申请（5号楼2单元101）未通过，原因：5号楼2单元没有101，请写对门牌（赵网格长）。修改后可以重新报到：报到 姓名 工作单位 住址。如有疑问请联系网格工作人员。
        """,
    )


def test_an_approved_member_asking_what_to_do_or_their_post_is_told(sim: Simulator) -> None:
    _xu_with_points(sim)
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 审核通过了，接下来要做什么
        -> 1号楼居民群: @许娟 许娟同志，欢迎加入1号楼党小组！您可以：回复“活动”查看近期活动并报名；认领和办理本楼的工单；回复“我的积分”查看积分；回复“我的岗位”查看岗位。
        1号楼党小组 | 许娟 | 我现在是什么岗位？
        -> 1号楼党小组: @许娟 许娟同志，您目前还没有设岗。如愿意承担岗位，请联系本楼党小组长或网格长。
        1号楼党小组 | 李网格长 | 设岗 许娟 楼道长 1号楼2单元
        -> 1号楼党小组: @李网格长 已为许娟设岗：楼道长（1号楼2单元）。相关的工单通知会提醒许娟。
        -> dm:许娟: 许娟同志，社区为您设岗：楼道长（1号楼2单元），感谢您为大家服务！
        1号楼党小组 | 许娟 | 我现在是什么岗位？
        -> 1号楼党小组: @许娟 许娟同志，您的岗位：楼道长（1号楼2单元）。
        """,
    )


def test_asking_which_events_are_coming_lists_them(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 最近有啥活动吗
        -> 1号楼居民群: @许娟 近期没有需要您参加的活动。
        """,
    )


def test_the_testers_questions_about_registering_events_and_posts_are_answered(
    sim: Simulator,
) -> None:
    _xu_with_points(sim)
    verify_dialog(
        sim,
        f"""
        6号楼居民群 | 马超 | 在职党员怎么报到啊？我在区城管局上班
        -> 6号楼居民群: @马超 {HOW_TO}
        1号楼居民群 | 许娟 | 报到通过了，我该做些什么？
        -> 1号楼居民群: @许娟 许娟同志，欢迎加入1号楼党小组！您可以：回复“活动”查看近期活动并报名；认领和办理本楼的工单；回复“我的积分”查看积分；回复“我的岗位”查看岗位。
        1号楼居民群 | 许娟 | 我的岗位是什么
        -> 1号楼居民群: @许娟 许娟同志，您目前还没有设岗。如愿意承担岗位，请联系本楼党小组长或网格长。
        1号楼居民群 | 许娟 | 这个月有什么活动
        -> 1号楼居民群: @许娟 近期没有需要您参加的活动。
        1号楼居民群 | 许娟 | 有没有志愿服务可以参加？
        -> 1号楼居民群: @许娟 近期没有需要您参加的活动。
        """,
    )


def test_the_testers_rejection_of_a_labelled_registration_reaches_the_applicant(
    sim: Simulator,
) -> None:
    _after(
        sim,
        "2号楼居民群 | 王丽 | 您好，姓名：王丽 单位：区税务局 住址：2号楼1单元302 周末可以参加活动",
        """
        第一网格党支部群 | 李网格长 | 驳回 王丽 住址写的2号楼1单元302没有这户，请核实
        -> 第一网格党支部群: @李网格长 已驳回 王丽 的报到申请（住址写的2号楼1单元302没有这户，请核实），已告知本人。
        -> 2号楼居民群: @王丽 王丽同志，您的报到申请未通过：住址写的2号楼1单元302没有这户，请核实。如有疑问请联系网格工作人员，修改后可以重新报到。
        2号楼居民群 | 王丽 | 我的报到为什么被驳回了？地址是2号楼1单元302没错啊
        -> 2号楼居民群: @王丽 王丽同志，您的报到申请（2号楼1单元302）未通过，原因：住址写的2号楼1单元302没有这户，请核实（李网格长）。修改后可以重新报到：报到 姓名 工作单位 住址。如有疑问请联系网格工作人员。
        """,
    )


def test_staff_may_adjust_points_or_give_a_post_in_natural_words(sim: Simulator) -> None:
    _xu_with_points(sim)
    verify_dialog(
        sim,
        """
        1号楼党小组 | 李网格长 | 给许娟加3分，她组织了楼道大扫除
        -> 1号楼党小组: @李网格长 已为许娟调整积分 +3 分（她组织了楼道大扫除），已记入积分台账。
        -> dm:许娟: 您的积分调整 +3 分：她组织了楼道大扫除（李网格长）。
        1号楼党小组 | 李网格长 | 请许娟担任1号楼2单元的楼道长
        -> 1号楼党小组: @李网格长 已为许娟设岗：楼道长（1号楼2单元）。相关的工单通知会提醒许娟。
        -> dm:许娟: 许娟同志，社区为您设岗：楼道长（1号楼2单元），感谢您为大家服务！
        1号楼居民群 | 赵大爷 | 给孙子加2分，他考试考得好
        """,
    )


def test_the_testers_natural_adjustment_and_post_are_done(sim: Simulator) -> None:
    _after(
        sim,
        """
        2号楼居民群 | 王丽 | 报到 王丽 区税务局 2号楼1单元302
        第一网格党支部群 | 李网格长 | 批准 王丽
        3号楼居民群 | 陈刚 | 报到 陈刚 区城管局 3号楼2单元201
        第一网格党支部群 | 李网格长 | 批准 陈刚
        """,
        """
        3号楼党小组 | 刘志强 | 给陈刚加2分，他帮忙搬了宣传栏
        -> 3号楼党小组: @刘志强 已为陈刚调整积分 +2 分（他帮忙搬了宣传栏），已记入积分台账。
        -> dm:陈刚: 您的积分调整 +2 分：他帮忙搬了宣传栏（刘志强）。
        第一网格党支部群 | 李网格长 | 让王丽当2号楼的政策宣传员
        -> 第一网格党支部群: @李网格长 已为王丽设岗：政策宣传员（2号楼）。相关的工单通知会提醒王丽。
        -> dm:王丽: 王丽同志，社区为您设岗：政策宣传员（2号楼），感谢您为大家服务！
        """,
    )


def _two_events_for_group_3(sim: Simulator) -> None:
    asyncio.run(
        _say_all(
            sim,
            """
            3号楼居民群 | 陈刚 | 报到 陈刚 区城管局 3号楼2单元201
            第一网格党支部群 | 李网格长 | 批准 陈刚
            社区党委工作群 | 王书记 | 通知 12月19日9:00 敬老院慰问志愿服务 对象:3号楼党小组
            社区党委工作群 | 王书记 | 通知 12月20日19:30 党小组会 学习全会精神 对象:3号楼党小组
            """,
        )
    )


def _answer(sim: Simulator, group: str, sender: str, text: str) -> list[str]:
    return [m.rendered() for m in asyncio.run(sim.say(group, sender, text))]


def test_a_sign_up_naming_an_event_by_its_words_or_day_signs_up_for_it(sim: Simulator) -> None:
    _two_events_for_group_3(sim)
    said = _answer(sim, "3号楼党小组", "陈刚", "周日学习那个我也去")
    assert len(said) == 1 and "已为您报名：党小组会 学习全会精神" in said[0], said


def test_a_bare_sign_up_with_two_open_events_asks_which_one(sim: Simulator) -> None:
    _two_events_for_group_3(sim)
    said = _answer(sim, "3号楼党小组", "陈刚", "我报名")
    assert len(said) == 1 and said[0].count("#E") >= 2 and "请问报名哪个活动" in said[0], said


def test_the_testers_sign_ups_by_name_and_with_two_events(sim: Simulator) -> None:
    _two_events_for_group_3(sim)
    said = _answer(sim, "3号楼党小组", "陈刚", "我也报名")
    assert len(said) == 1 and "敬老院慰问志愿服务" in said[0] and "党小组会" in said[0], said
    said = _answer(sim, "3号楼党小组", "陈刚", "周六敬老院的我去")
    assert len(said) == 1 and "已为您报名：敬老院慰问志愿服务" in said[0], said


UNCLEAR = (
    "没看清您的姓名，请把姓名连在一起写（2到4个字），例如：报到 张三 市供电公司 3号楼2单元501。"
    "也可以这样写：姓名：张三 单位：市供电公司 住址：3号楼2单元501"
)


def test_a_name_in_single_letters_is_read_whole_and_an_unclear_one_is_asked_for_the_form(
    sim: Simulator,
) -> None:
    one = "第一网格党支部群"
    verify_dialog(
        sim,
        f"""
        1号楼居民群 | 小司马 | 报到 司 马 光 市博物馆 1号楼1单元101
        {_received("1号楼居民群", "小司马", "司马光", "市博物馆", "1号楼1单元101", one)}
        2号楼居民群 | 欧阳 | 报到 欧阳 娜 区法院 2号楼2单元201
        -> 2号楼居民群: @欧阳 {UNCLEAR}
        2号楼居民群 | 欧阳 | 姓名：欧阳 娜 单位：区法院 住址：2号楼2单元201
        {_received("2号楼居民群", "欧阳", "欧阳娜", "区法院", "2号楼2单元201", one)}
        """,
    )


def test_the_testers_spaced_name_is_read_whole(sim: Simulator) -> None:
    verify_dialog(
        sim,
        f"""
        3号楼居民群 | 张小明 | 报到：张 小 明，区教育局，3号楼
        {_received("3号楼居民群", "张小明", "张小明", "区教育局", "3号楼", "第一网格党支部群")}
        """,
    )


def test_a_shared_place_is_told_as_tied(sim: Simulator) -> None:
    _xu_with_points(sim)  # 许娟 5 this quarter, 张建国 9
    trial2._ledger(sim, "刘志强", 5, datetime(2026, 11, 20, 9, tzinfo=ZONE), "t:liu")
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 我的名次
        -> 1号楼居民群: @许娟 许娟同志，本季度（10月至12月）您的积分 5 分，在社区党员中并列第 2 名。
        1号楼居民群 | 张建国 | 我排第几名
        -> 1号楼居民群: @张建国 张建国同志，本季度（10月至12月）您的积分 9 分，在社区党员中排第 1 名。
        """,
    )


def test_an_approved_member_withdrawing_is_told_she_is_registered_and_whom_to_ask(
    sim: Simulator,
) -> None:
    _xu_with_points(sim)
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 撤销报到
        -> 1号楼居民群: @许娟 许娟同志，您的报到已经通过（1号楼2单元201），不能自己撤销。如需撤销或修改，请联系李网格长（网格长）。
        1号楼居民群 | 许娟 | 我不想报到了
        -> 1号楼居民群: @许娟 许娟同志，您的报到已经通过（1号楼2单元201），不能自己撤销。如需撤销或修改，请联系李网格长（网格长）。
        """,
    )


def test_a_wrong_event_number_names_the_event_or_says_it_is_not_found(sim: Simulator) -> None:
    _two_events_for_group_3(sim)
    said = _answer(sim, "3号楼党小组", "陈刚", "取消 #E999")
    assert said == ["@陈刚 未找到活动 #E999，请核对编号。"], said
    said = _answer(sim, "3号楼党小组", "陈刚", "签到 #E1 全部")
    assert len(said) == 1 and "活动 #E1（" in said[0] and "编号写错" in said[0], said


def test_a_residents_question_about_some_other_post_or_refusal_is_not_a_members_question(
    sim: Simulator,
) -> None:
    said = _answer(sim, "2号楼居民群", "赵大爷", "保安岗位什么时候有人啊")
    said += _answer(sim, "2号楼居民群", "赵大爷", "我家的装修申请为什么被驳回了")
    assert not any("报到" in line for line in said), said


def test_a_complaint_about_an_activity_is_not_read_as_asking_for_the_event_list(
    sim: Simulator,
) -> None:
    said = _answer(sim, "3号楼居民群", "赵大爷", "楼下有什么活动这么吵")
    said += _answer(sim, "3号楼居民群", "赵大爷", "广场舞活动什么时候结束")
    assert not any("近期" in line for line in said), said
