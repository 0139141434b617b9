"""党员积分 page: the month's bulletin as it is forwarded, the members' and party groups'
points, the quarter's ranking, registrations, posts and the newest ledger rows. Read only:
thin over service.members."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select

from service.dashboard.periods import parse_month
from service.dashboard.upstream import scope_groups
from service.members import bulletin, messages, posts, registration
from service.members import jobs as member_jobs
from service.members.models import PENDING, MemberRegistration, PointsEntry
from service.web.auth import StaffDep
from service.web.context import DB, ClockDep, CoreDep
from service.web.paging import paginate
from service.web.templating import render

router = APIRouter(include_in_schema=False)
STATE_ZH = {"pending": "待审核", "approved": "已批准", "rejected": "已驳回", "withdrawn": "已撤销"}


@router.get("/points")
def points_page(
    request: Request,
    staff: StaffDep,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    month: str = "",
    lp: str = "1",
    rp: str = "1",
) -> Response:
    community = core.community
    now = clock.now()
    today = now.astimezone(community.zone).date()
    first = parse_month(month, bulletin.last_month(today, community))  # the last finished month
    finished = first < today.replace(day=1)
    monthly = bulletin.monthly(session, community, first, now, settle=False)
    sent = member_jobs.sent_text(session, member_jobs.bulletin_cause(first))
    quarterly = bulletin.quarterly(session, community, first, now, settle=False)
    registrations = list(
        session.scalars(
            select(MemberRegistration).order_by(
                MemberRegistration.state != PENDING, MemberRegistration.id.desc()
            )
        )
    )
    ledger = list(
        session.scalars(select(PointsEntry).order_by(PointsEntry.at.desc(), PointsEntry.id.desc()))
    )
    homes = registration.home_groups(session, community)
    all_posts = posts.all_posts(session)
    if not staff.is_admin and staff.scope.kind != "community":
        # A grid or building account sees its own members only (addresses, work units).
        buildings, groups = scope_groups(community, staff.scope)
        registrations = [r for r in registrations if str(r.building) in buildings]
        ledger = [e for e in ledger if homes.get(e.member_name) in groups]
        all_posts = [p for p in all_posts if str(p.building) in buildings]
    reg_page = paginate(registrations, rp, 20, "rp")
    ledger_page = paginate(ledger, lp, 20, "lp")
    return render(
        request,
        "points.html",
        staff,
        page="points",
        month=f"{first:%Y-%m}",
        month_label=messages.month_label(monthly.start),
        b=monthly,
        bulletin_text=member_jobs.shown_text(session, first, monthly),
        bulletin_sent=sent is not None,
        month_finished=finished,
        q=quarterly,
        ranking_text=messages.ranking_text(quarterly),
        registrations=reg_page,
        homes=homes,
        states=STATE_ZH,
        posts=all_posts,
        ledger=ledger_page,
        params={"month": f"{first:%Y-%m}", "rp": reg_page.page, "lp": ledger_page.page},
    )
