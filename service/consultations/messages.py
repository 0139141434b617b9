"""Everything residents and staff read about consultations, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from service.consultations.models import Consultation

WEEKDAYS = "一二三四五六日"
OPEN_HELP = (
    "发起议事请这样写：议事 楼道堆物 选项:清理并设专用区/每周集中清运/维持现状 "
    "截止:12月10日18:00 对象:3号楼居民群"
)
STAFF_ONLY = "抱歉，议事由社区和网格的工作人员发起和公布结果。您可以在群里投票或反映问题。"
DECIDE_HELP = "公布议事决定请这样写：议事结果 #Y1 决定的内容"


def when(moment: datetime, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    return f"{local.month}月{local.day}日（周{WEEKDAYS[local.weekday()]}）{local:%H:%M}"


def ref(c: Consultation) -> str:
    return f"#Y{c.id}"


def _options(options: Sequence[str]) -> str:
    return " / ".join(f"{i}. {o}" for i, o in enumerate(options, 1))


def announcement(c: Consultation, zone: ZoneInfo) -> str:
    return (
        f"【一事一议 {ref(c)}】{c.topic} / 请大家投票：{_options(c.options)} / "
        f"回复“投票 数字”即可，例如“投票 1”；改主意再投一次即可，以最后一次为准。"
        f" / 截止：{when(c.deadline, zone)}，截止后公布结果。"
    )


def opened(c: Consultation, zone: ZoneInfo) -> str:
    groups = "、".join(c.groups)
    return (
        f"已发起议事 {ref(c)}：{c.topic} / 选项：{_options(c.options)} / "
        f"截止：{when(c.deadline, zone)} / 对象：{groups}，已发到群里。"
        f" 截止后自动公布结果，决定请回复“议事结果 {ref(c)} 决定的内容”。"
    )


def voted(c: Consultation, option: int) -> str:
    return f"已记录您对议事 {ref(c)} 的投票：{option}. {c.options[option - 1]}。"


def vote_changed(c: Consultation, before: int, option: int) -> str:
    return (
        f"已把您对议事 {ref(c)} 的投票由 {before}. {c.options[before - 1]} "
        f"改为 {option}. {c.options[option - 1]}，以这次为准。"
    )


def vote_same(c: Consultation, option: int) -> str:
    return f"您已经投过议事 {ref(c)} 的 {option}. {c.options[option - 1]}，无需重复投票。"


def no_such_option(c: Consultation, option: int) -> str:
    return (
        f"议事 {ref(c)} 没有第{option}项，请回复 1 到 {len(c.options)} 之间的数字："
        f"{_options(c.options)}"
    )


def vote_closed(c: Consultation, zone: ZoneInfo) -> str:
    return f"抱歉，议事 {ref(c)} 的投票已于{when(c.deadline, zone)}截止，这次投票没有计入。"


def not_addressed(c: Consultation) -> str:
    return f"抱歉，议事 {ref(c)} 是请{'、'.join(c.groups)}的居民投票的，这个群的投票不计入。"


def not_found(number: int) -> str:
    return f"没有找到议事 #Y{number}，请核对编号。"


NOTHING_OPEN = "这个群现在没有正在投票的议事。"


def which_one(open_here: Sequence[Consultation], option: int) -> str:
    listed = "；".join(f"{ref(c)} {c.topic}" for c in open_here)
    example = f"{ref(open_here[0])} 投票 {option}"
    return f"现在有{len(open_here)}个议事在投票：{listed}。请注明编号，例如“{example}”。"


def which_option(named: Sequence[tuple[Consultation, int]], said: str) -> str:
    listed = "；".join(f"{ref(c)} {i}. {c.options[i - 1]}" for c, i in named)
    c, i = named[0]
    return f"“{said}”可以指好几个选项：{listed}。请写明选项号，例如“{ref(c)} 投票 {i}”。"


def my_vote(c: Consultation, option: int | None, zone: ZoneInfo) -> str:
    mine = f"您投的是 {option}. {c.options[option - 1]}" if option else "您还没有投票"
    return f"议事 {ref(c)} 正在投票，{mine}。票数在{when(c.deadline, zone)}截止后公布。"


def result(c: Consultation, counts: Sequence[int], zone: ZoneInfo) -> str:
    total = sum(counts)
    pairs = zip(c.options, counts, strict=True)
    lines = " / ".join(f"{i}. {o}：{n}票" for i, (o, n) in enumerate(pairs, 1))
    if total == 0:
        return f"【议事结果 {ref(c)}】{c.topic} / 投票已截止，没有收到投票。社区将另行商议。"
    top = max(counts)
    leaders = [o for o, n in zip(c.options, counts, strict=True) if n == top]
    lead = f"得票最多：{leaders[0]}" if len(leaders) == 1 else f"得票相同：{'、'.join(leaders)}"
    return (
        f"【议事结果 {ref(c)}】{c.topic} / {lines} / 共{total}人投票，{lead}。"
        " / 谢谢大家参与！社区将据此研究决定并在群里公布。"
    )


def decision(c: Consultation) -> str:
    return f"【议事决定 {ref(c)}】{c.topic}：{c.decision} / 感谢大家参与议事。"


def decided(c: Consultation, changed: bool) -> str:
    verb = "已更新" if changed else "已公布"
    return f"{verb}议事 {ref(c)} 的决定，已发到{'、'.join(c.groups)}。"


def still_open(c: Consultation, zone: ZoneInfo) -> str:
    return f"议事 {ref(c)} 的投票{when(c.deadline, zone)}才截止，截止公布结果后再公布决定。"


def top_problems(
    month: date,
    rows: Sequence[tuple[str, int, Sequence[int]]],
    example_group: str,
    example_deadline: datetime,
) -> str:
    """The month's most-raised problems: (what and where, times raised, ticket numbers), with
    an example to copy whose deadline is a real date (`example_deadline`, local time)."""
    listed = " / ".join(
        f"{i}. {what}：{n}次（工单 {'、'.join(f'#{t}' for t in tickets)}）"
        for i, (what, n, tickets) in enumerate(rows, 1)
    )
    first = rows[0][0].split(" ", 1)[-1]
    return (
        f"【{month.month}月居民反映最多的问题】{listed} / 需要居民一起商量的，"
        f"工作人员可以发起议事，例如：议事 {first} 选项:办法一/办法二/维持现状 "
        f"截止:{example_deadline.month}月{example_deadline.day}日{example_deadline:%H:%M} "
        f"对象:{example_group}"
    )
