"""Everything the members slice says, in one place: short, polite Chinese, ready to forward."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from service.members.models import APPROVED, PENDING, REJECTED, MemberRegistration, PointsEntry
from service.outbox import DIRECT_PREFIX, Mention, Notice

if TYPE_CHECKING:
    from service.members.bulletin import Bulletin, Ranking
    from service.members.points import MyPoints
    from service.members.registration import Outcome as RegistrationOutcome

REGISTER_HELP = "报到请写：报到 姓名 工作单位 住址，例如：报到 张三 市供电公司 3号楼2单元501"
REGISTER_TOO_LONG = "姓名、工作单位和住址请各写60字以内。"
UNCLEAR_NAME = (
    "没看清您的姓名，请把姓名连在一起写（2到4个字），例如：报到 张三 市供电公司 3号楼2单元501。"
    "也可以这样写：姓名：张三 单位：市供电公司 住址：3号楼2单元501"
)
NOTHING_TO_WITHDRAW = "没有查到您待审核的报到申请，无需撤销。"
DECIDE_HELP = "请写：批准 姓名，或：驳回 姓名 原因"
DECIDE_STAFF_ONLY = "抱歉，只有网格和社区的工作人员可以审核报到申请。"
STAFF_ONLY = "抱歉，只有该党员所在党小组及上级的工作人员可以调整积分。"
ADJUST_HELP = "请写：积分调整 姓名 +2 原因（扣分写 -1），原因不能省略。"
POST_HELP = "请写：设岗 姓名 岗位 地点，例如：设岗 张三 楼道长 3号楼2单元"
BULLETIN_STAFF_ONLY = "抱歉，月度工作通报只对社区工作人员开放。"


def _address(registration: MemberRegistration) -> str:
    return registration.address


# -- registration ----------------------------------------------------------------------------


def registered_reply(registration: MemberRegistration, grid_group: str, note: str = "") -> str:
    told = f"您的备注“{note}”已一并转告。" if note else ""
    return (
        f"{registration.name}同志，您的报到申请已收到（{registration.work_unit}，"
        f"{_address(registration)}），已转{grid_group}审核，审核后会告诉您。{told}"
    )


def registered_to_staff(registration: MemberRegistration, note: str = "") -> str:
    noted = f"，备注：{note}" if note else ""
    return (
        f"【党员报到】{registration.name}，工作单位：{registration.work_unit}，"
        f"住址：{_address(registration)}{noted}。"
        f"同意请回复“批准 {registration.name}”，不同意请回复“驳回 {registration.name} 原因”。"
    )


def approved_reply(registration: MemberRegistration) -> str:
    return f"已批准 {registration.name} 报到，已告知本人。"


def approved_to_member(registration: MemberRegistration, party_group: str) -> str:
    return (
        f"{registration.name}同志，您的报到已通过，欢迎加入{party_group}！"
        "参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。"
    )


def approved_in_party_group(registration: MemberRegistration) -> str:
    return f"欢迎{registration.name}同志（{registration.work_unit}）报到，加入本党小组。"


def rejected_reply(registration: MemberRegistration) -> str:
    return f"已驳回 {registration.name} 的报到申请（{registration.reason}），已告知本人。"


def rejected_to_member(registration: MemberRegistration) -> str:
    return (
        f"{registration.name}同志，您的报到申请未通过：{registration.reason}。"
        "如有疑问请联系网格工作人员，修改后可以重新报到。"
    )


def listed_need_not_register(name: str) -> str:
    return (
        f"{name}您好，您已在社区的名单上，无需报到。"
        "参加活动、办理工单都会记入积分，回复“我的积分”可以查看。"
    )


def not_in_community(community: str, address: str) -> str:
    return (
        f"住址“{address}”不在{community}，请写本社区的楼号，例如：3号楼2单元501。"
        "如果住在其他社区，请到居住地社区报到。"
    )


def already_registered(earlier: MemberRegistration) -> str:
    if earlier.state == APPROVED:
        return f"{earlier.name}同志已经报到过了，无需重复报到。"
    assert earlier.state == PENDING
    return (
        f"{earlier.name}同志的报到申请（{earlier.work_unit}，{earlier.address}）正在审核中，"
        "无需重复报到。如需修改，请先回复“撤销报到”，再重新报到。"
    )


def withdrawn_reply(registration: MemberRegistration) -> str:
    return (
        f"已撤销您的报到申请（{registration.name}，{registration.work_unit}，"
        f"{registration.address}）。需要时请重新报到：报到 姓名 工作单位 住址。"
    )


def withdrawn_to_staff(registration: MemberRegistration) -> str:
    return f"【党员报到】{registration.name}已撤销报到申请，无需审核。"


def approved_not_withdrawn(registration: MemberRegistration, ask: str) -> str:
    return (
        f"{registration.name}同志，您的报到已经通过（{registration.address}），不能自己撤销。"
        f"如需撤销或修改，请联系{ask}。"
    )


def withdrawn_not_decidable(registration: MemberRegistration, approve: bool) -> str:
    done = "批准" if approve else "驳回"
    return f"{registration.name}已撤销报到申请，无法{done}。如需报到，请本人重新报到。"


def no_registration(name: str) -> str:
    return f"没有找到{name}的报到申请，请核对姓名。"


def already_decided(registration: MemberRegistration) -> str:
    done = "批准" if registration.state == APPROVED else "驳回"
    who = f"（{registration.decided_by}）" if registration.decided_by else ""
    return f"{registration.name}的报到申请已经{done}过了{who}，无需重复操作。"


def not_grid_staff(grid_group: str) -> str:
    return f"抱歉，只有{grid_group}及社区的工作人员可以审核报到申请。"


def reject_needs_reason(name: str) -> str:
    return f"驳回请写明原因，例如：驳回 {name} 住址不在本社区"


# -- points ----------------------------------------------------------------------------------


def adjust_range(cap: int) -> str:
    return f"每次调整最多{cap}分，请写1到{cap}之间的整数，扣分前面加“-”。"


def absence_undone(what: str) -> str:
    return f"补记出勤，退回缺席扣分：{what}"


def unknown_member(name: str) -> str:
    return f"没有找到党员“{name}”，请核对姓名（报到通过或在名单上的党员才有积分）。"


def signed(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


def adjusted_reply(entry: PointsEntry) -> str:
    change = signed(entry.points)
    return f"已为{entry.member_name}调整积分 {change} 分（{entry.reason}），已记入积分台账。"


def adjusted_to_member(entry: PointsEntry) -> str:
    return f"您的积分调整 {signed(entry.points)} 分：{entry.reason}（{entry.recorded_by}）。"


def _day(at: datetime, now: datetime, zone: ZoneInfo) -> str:
    """12月14日 this year; 2026年12月14日 for an entry of another year."""
    local = at.astimezone(zone)
    return (
        f"{local:%m月%d日}" if local.year == now.astimezone(zone).year else f"{local:%Y年%m月%d日}"
    )


def _period_label(mine: MyPoints, zone: ZoneInfo, now: datetime) -> str:
    """上个月（11月）, 10月, 2026年11月, 去年（2026年）."""
    period = mine.period
    if period is None:
        return ""
    start, local = period.start.astimezone(zone), now.astimezone(zone)
    if period.whole_year:
        return f"去年（{start.year}年）" if start.year == local.year - 1 else f"{start.year}年"
    before = (local.year, local.month - 1) if local.month > 1 else (local.year - 1, 12)
    if (start.year, start.month) == before:
        return f"上个月（{start.month}月）"
    return f"{start.month}月" if start.year == local.year else f"{start.year}年{start.month}月"


def my_points(mine: MyPoints, zone: ZoneInfo, now: datetime) -> str:
    """我的积分: this month, this year and the last few rows; the month or year asked about
    (上个月, 12月份, 去年) first."""
    name, recent = mine.member, mine.recent
    label = _period_label(mine, zone, now)
    before = f"{label}积分 {mine.asked} 分；" if label else ""
    lines = [f"{name}同志，您{before}本月积分 {mine.month} 分，今年累计 {mine.year} 分。"]
    if recent:
        lines.append("最近记录：")
        lines += [f"{_day(e.at, now, zone)} {e.reason} {signed(e.points)}分" for e in recent]
    else:
        lines.append("还没有积分记录。参加活动、办理工单都会记入积分。")
    return "\n".join(lines)


def my_place(
    name: str, first_month: int, last_month: int, points: int, place: int | None, tied: bool
) -> str:
    """我排第几名: the member's place in this quarter's ranking (positive points only); a
    shared place is said (并列)."""
    quarter = f"本季度（{first_month}月至{last_month}月）"
    if place is not None:
        shared = "并列" if tied else "排"
        return f"{name}同志，{quarter}您的积分 {points} 分，在社区党员中{shared}第 {place} 名。"
    if points == 0:
        return f"{name}同志，{quarter}您还没有积分，暂未进入排名。参加活动、办理工单都会记入积分。"
    return f"{name}同志，{quarter}您的积分 {points} 分，暂未进入排名（排名只列积分为正的党员）。"


def not_a_member(name: str) -> str:
    return f"{name}您好，还没有查到您的党员报到记录。在职党员请先报到：报到 姓名 工作单位 住址。"


HOW_TO_REGISTER = (
    "在职党员请向居住地社区报到：在本楼居民群或私信发送“报到 姓名 工作单位 住址”，"
    "例如：报到 张三 市供电公司 3号楼2单元501。网格工作人员审核后会告诉您结果。"
)
NOT_REJECTED = "没有查到您被驳回的报到申请。在职党员报到请发送：报到 姓名 工作单位 住址。"


def latest_registration_told(registration: MemberRegistration) -> str:
    """The answer to 我的报到为什么被驳回了: the reason staff gave, or where it stands."""
    if registration.state == REJECTED:
        return (
            f"{registration.name}同志，您的报到申请（{registration.address}）未通过，"
            f"原因：{registration.reason}（{registration.decided_by}）。"
            "修改后可以重新报到：报到 姓名 工作单位 住址。如有疑问请联系网格工作人员。"
        )
    if registration.state == PENDING:
        return f"{registration.name}同志，您的报到申请还在审核中，审核后会告诉您。"
    if registration.state == APPROVED:
        return f"{registration.name}同志，您的报到已经通过了。"
    return NOT_REJECTED


def after_approval(name: str, party_group: str) -> str:
    return (
        f"{name}同志，欢迎加入{party_group}！您可以：回复“活动”查看近期活动并报名；"
        "认领和办理本楼的工单；回复“我的积分”查看积分；回复“我的岗位”查看岗位。"
    )


def my_posts(name: str, held: Sequence[tuple[str, str]]) -> str:
    if not held:
        return f"{name}同志，您目前还没有设岗。如愿意承担岗位，请联系本楼党小组长或网格长。"
    posts = "；".join(f"{post}（{place}）" for post, place in held)
    return f"{name}同志，您的岗位：{posts}。"


# -- posts -----------------------------------------------------------------------------------


def post_assigned(name: str, post: str, place: str) -> str:
    return f"已为{name}设岗：{post}（{place}）。相关的工单通知会提醒{name}。"


def post_to_member(name: str, post: str, place: str) -> str:
    return f"{name}同志，社区为您设岗：{post}（{place}），感谢您为大家服务！"


def unknown_post(post: str, posts: Sequence[str]) -> str:
    return f"没有“{post}”这个岗位。可设的岗位：{'、'.join(posts)}。"


def post_mention(ticket_id: int, holders: Sequence[tuple[str, str]]) -> str:
    who = "、".join(f"{post}{name}" for name, post in holders)
    return f"工单 #{ticket_id} 在您的责任岗位范围内，请{who}协助关注。"


def month_label(start: datetime) -> str:
    return f"{start.year}年{start.month}月"


# -- bulletin and ranking --------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _ranks(points: Sequence[int]) -> list[int]:
    """Places of rows sorted by points, highest first; tied rows share one (1, 2, 2, 4)."""
    return [list(points).index(p) + 1 for p in points]


def _tie_note(ranks: Sequence[int], top: int, unit: str) -> str:
    """Said when more than `top` are listed because of a tie at the cut."""
    if not top or len(ranks) <= top:
        return ""
    return f"（第{ranks[-1]}名{len(ranks) - ranks[-1] + 1}{unit}并列，都列出）"


def bulletin_text(b: Bulletin) -> str:
    lines = [f"【{b.community}{month_label(b.start)}工作通报】"]
    lines.append(f"一、诉求办理：受理 {b.received} 件，办结 {b.resolved} 件。")
    for name, f in b.grids:
        lines.append(
            f"　{name}：受理 {f.counted} 件，响应率 {_pct(f.response_rate)}，"
            f"解决率 {_pct(f.resolution_rate)}，满意率 {_pct(f.satisfaction_rate)}"
        )
    if b.top_members:
        ranks = _ranks([p for _, p in b.top_members])
        ranked = "；".join(
            f"{i}. {n} {p}分" for i, (n, p) in zip(ranks, b.top_members, strict=True)
        )
        shown = min(len(b.top_members), b.top or len(b.top_members))
        note = _tie_note(ranks, b.top, "人")
        lines.append(f"二、党员积分前{shown}名{note}：{ranked}。")
    else:
        lines.append("二、党员积分：本月暂无积分记录。")
    if b.top_groups:
        ranked = "；".join(f"{g} {p}分" for g, p, _ in b.top_groups)
        lines.append(f"三、最活跃的楼栋党小组：{ranked}。")
    else:
        lines.append("三、楼栋党小组：本月暂无积分记录。")
    if b.meetings:
        meeting = f"四、组织生活：召开会议并记录出勤 {b.meetings} 次"
        if b.expected:
            meeting += (
                f"，应到 {b.expected} 人次，实到 {b.present} 人次，"
                f"出勤率 {b.present / b.expected:.0%}"
            )
        lines.append(meeting + "。")
    else:
        lines.append("四、组织生活：本月没有记录出勤的会议。")
    if b.volunteer_shifts:
        lines.append(f"五、志愿服务：{b.volunteer_shifts} 场，党员参加 {b.volunteers} 人次。")
    lines.append("感谢各位党员的辛勤付出！")
    return "\n".join(lines)


def bulletin_so_far(text: str, today: date) -> str:
    """The bulletin of a month not over yet (通报 in chat): said to be the figures so far."""
    title, _, rest = text.partition("\n")
    note = f"（截至{today.month}月{today.day}日，本月还没结束，数字还会变化）"
    return f"{title}\n{note}\n{rest}" if rest else f"{title}\n{note}"


def ranking_text(r: Ranking) -> str:
    lines = [f"【{r.community}{r.start.year}年第{'一二三四'[r.quarter - 1]}季度党员积分评比】"]
    if r.members:
        ranks = _ranks([p for _, p in r.members])
        lines.append(f"党员积分排名{_tie_note(ranks, r.top, '人')}：")
        lines += [f"{i}. {n} {p}分" for i, (n, p) in zip(ranks, r.members, strict=True)]
    else:
        lines.append("本季度暂无党员积分记录。")
    if r.groups:
        ranks = _ranks([p for _, p, _ in r.groups])
        lines.append(f"楼栋党小组排名{_tie_note(ranks, r.top, '个')}：")
        lines += [
            f"{i}. {g} {p}分（{m}名党员）" for i, (g, p, m) in zip(ranks, r.groups, strict=True)
        ]
    lines.append("向排名靠前的党员和党小组学习致敬！")
    return "\n".join(lines)


# -- outcomes to notices ---------------------------------------------------------------------


def _to_member(registration: MemberRegistration, text: str) -> Notice:
    private = registration.room_id.startswith(DIRECT_PREFIX)
    who = registration.contact_name or registration.name  # the WeChat name reaches them
    mentions = () if private else (Mention(registration.contact_id, who),)
    return Notice(text, room_id=registration.room_id, mentions=mentions)


def registration_notices(outcome: RegistrationOutcome) -> tuple[str, list[Notice]]:
    """The answer to whoever wrote, and what everyone else concerned is told."""
    r = outcome.registration
    if outcome.what == "registered":
        return registered_reply(r, outcome.grid_group, outcome.note), [
            Notice(registered_to_staff(r, outcome.note), group=outcome.grid_group)
        ]
    if outcome.what == "approved":
        others = [_to_member(r, approved_to_member(r, outcome.party_group))]
        if outcome.party_group:
            others.append(Notice(approved_in_party_group(r), group=outcome.party_group))
        return approved_reply(r), others
    if outcome.what == "withdrawn":
        return withdrawn_reply(r), [Notice(withdrawn_to_staff(r), group=outcome.grid_group)]
    return rejected_reply(r), [_to_member(r, rejected_to_member(r))]


def not_post_staff() -> str:
    return "抱歉，只有本楼党小组、网格或社区的工作人员可以设岗。"
