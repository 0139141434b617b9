"""The staff dashboard: server-rendered Chinese pages over the domain functions."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile as StarletteUpload

from service.community import Community
from service.community import members as member_list
from service.community.imports import (
    MAX_BYTES,
    ImportReport,
    contacts,
    import_community,
    template,
)
from service.dashboard import charts, delivery, upstream
from service.dashboard.periods import month_start, parse_month
from service.dashboard.reminders import upcoming_events
from service.dashboard.search import TicketFilter, all_matching, search_tickets
from service.dashboard.timeline import describe
from service.dashboard.today import RATE_CARDS, open_emergencies, today
from service.dashboard.upstream import due_times
from service.delivery import delivery_health
from service.errors import DomainError, NotFound
from service.reports.excel import export_tickets, monthly_report
from service.staff import admin, tokens
from service.staff.accounts import get_account
from service.tickets import deadlines, states
from service.understanding.model import REQUEST_CATEGORIES
from service.web.actions import ACTIONS, DONE_ZH, ActionInput, notified_zh, perform, visible_ticket
from service.web.auth import CsrfChecked, StaffDep, flash, verify_csrf
from service.web.context import DB, ClockDep, CoreDep, Staff
from service.web.filters import page_filter, parse_int
from service.web.paging import paginate
from service.web.paths import redirect
from service.web.templating import render

router = APIRouter(include_in_schema=False)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_LIMIT = 50_000
PER_PAGE = 20


def xlsx_response(data: bytes, filename: str) -> Response:
    quoted = urlencode({"f": filename})[2:]
    # The plain name for clients that do not read filename* (RFC 6266).
    disposition = f"attachment; filename=\"hongqiao.xlsx\"; filename*=UTF-8''{quoted}"
    return Response(data, media_type=XLSX, headers={"Content-Disposition": disposition})


@router.get("/")
def today_page(
    request: Request, staff: StaffDep, session: DB, core: CoreDep, clock: ClockDep
) -> Response:
    data = today(session, core.community, staff.scope, clock.now())
    return render(request, "today.html", staff, page="today", t=data, cards=RATE_CARDS)


@router.get("/tickets")
def tickets_page(
    request: Request,
    staff: StaffDep,
    session: DB,
    core: CoreDep,
    flt: Annotated[TicketFilter, Depends(page_filter)],
    page: str = "1",
) -> Response:
    number = parse_int(page) or 1
    found = search_tickets(session, core.community, staff.scope, flt, number, PER_PAGE)
    query = flt.as_query()
    urgent = open_emergencies(session, core.community, staff.scope, 10) if number == 1 else []
    return render(
        request,
        "tickets.html",
        staff,
        page="tickets",
        found=found,
        urgent=urgent,
        flt=flt,
        query=urlencode(query),
        categories=sorted(REQUEST_CATEGORIES),
        grids=[g for g in core.community.grids if staff.grid in (None, g.number)],
    )


@router.get("/tickets/export.xlsx")
def tickets_export(
    staff: StaffDep,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    flt: Annotated[TicketFilter, Depends(page_filter)],
) -> Response:
    rows = all_matching(session, core.community, staff.scope, flt, EXPORT_LIMIT)
    stamp = clock.now().astimezone(ZoneInfo(core.community.timezone)).strftime("%Y%m%d-%H%M")
    return xlsx_response(export_tickets(core.community, rows), f"工单-{stamp}.xlsx")


@router.get("/tickets/{ticket_id}")
def ticket_page(
    request: Request, ticket_id: str, staff: StaffDep, session: DB, core: CoreDep, clock: ClockDep
) -> Response:
    try:
        number = parse_int(ticket_id)
        if number is None:
            raise _not_found(ticket_id)
        ticket = visible_ticket(session, core.community, staff, number)
    except DomainError as exc:
        return render(request, "error.html", staff, status_code=404, message=exc.user_message)
    claim_due, resolve_due = due_times(ticket, core.community)
    now = clock.now()
    actor = staff.actor(core.community)
    targets = [
        g.name
        for g in core.community.groups
        if g.is_staff_group and upstream.may_send_to(core.community, ticket, actor, g)
    ]
    return render(
        request,
        "ticket.html",
        staff,
        page="tickets",
        ticket=ticket,
        claim_due=claim_due,
        resolve_due=resolve_due,
        claim_late=deadlines.awaiting_claim(ticket) and deadlines.passed(claim_due, now),
        resolve_late=ticket.state in states.ACTIVE and deadlines.passed(resolve_due, now),
        targets=targets,
        timeline=[(event.at, describe(event)) for event in ticket.events],
        active=ticket.state in states.ACTIVE,
    )


def _not_found(ref: str) -> DomainError:
    return NotFound(f"bad ticket reference {ref[:20]!r}", "未找到这个工单，请核对编号。")


@router.post("/tickets/{ticket_id}/{action}", dependencies=[CsrfChecked])
def ticket_action(
    request: Request,
    ticket_id: int,
    action: str,
    staff: StaffDep,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    note: Annotated[str, Form(max_length=2000)] = "",
    target: Annotated[str, Form(max_length=200)] = "",
    into: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    # Outside the account's scope or no such ticket: the 404 page, never a redirect that looks
    # like the action was done.
    visible_ticket(session, core.community, staff, ticket_id)
    back = redirect(request, f"/tickets/{ticket_id}")
    if action not in ACTIONS:
        flash(request, "没有这个操作。", "error")
        return back
    into_id = parse_int(into)
    try:
        outcome = perform(
            session,
            core.community,
            staff,
            ticket_id,
            action,
            ActionInput(note=note, target=target, into_id=into_id),
            clock.now(),
        )
    except DomainError as exc:
        flash(request, exc.user_message, "error")
        return back
    flash(request, f"工单 #{ticket_id} {DONE_ZH[action]}{notified_zh(outcome)}。")
    return back


@router.get("/charts")
def charts_page(
    request: Request, staff: StaffDep, session: DB, core: CoreDep, clock: ClockDep
) -> Response:
    now, community, scope = clock.now(), core.community, staff.scope
    data = {
        "weekly": charts.weekly_by_category(session, community, scope, now).as_dict(),
        "grids": charts.rates_by(
            session, community, charts.grid_scopes(community, scope), now
        ).as_dict(),
        "buildings": charts.rates_by(
            session, community, charts.building_scopes(community, scope), now
        ).as_dict(),
        "resolve": charts.time_to_resolve(session, community, scope, now).as_dict(),
    }
    return render(request, "charts.html", staff, page="charts", data=data)


@router.get("/members")
def members_page(
    request: Request,
    staff: StaffDep,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    ep: str = "1",
    mp: str = "1",
) -> Response:
    events = paginate(upcoming_events(session, clock.now()), ep, 10, "ep")
    members = paginate(member_list.members(session, core.community), mp, 20, "mp")
    return render(
        request,
        "members.html",
        staff,
        page="members",
        members=members,
        events=events,
        params={"ep": events.page, "mp": members.page},
    )


@router.get("/delivery")
def delivery_page(
    request: Request, staff: StaffDep, session: DB, core: CoreDep, fp: str = "1", wp: str = "1"
) -> Response:
    groups = staff.rooms(core.community)
    health = delivery_health(session, failures=200, scope=delivery.for_groups(groups))
    failures = paginate(health.recent_failures, fp, 10, "fp")
    waiting = paginate(delivery.waiting(session, limit=200, groups=groups), wp, 10, "wp")
    return render(
        request,
        "delivery.html",
        staff,
        page="delivery",
        h=health,
        failures=failures,
        waiting=waiting,
        params={"fp": failures.page, "wp": waiting.page},
    )


@router.post("/delivery/{row_id}/retry", dependencies=[CsrfChecked])
def delivery_retry(
    request: Request, row_id: int, staff: StaffDep, session: DB, core: CoreDep
) -> Response:
    try:
        with session.begin_nested():
            row = delivery.retry(session, row_id, staff.rooms(core.community))
        flash(request, f"消息 {row.id} 已重新排队，稍后发送到“{row.group_name or row.room_id}”。")
    except NotFound:
        raise  # outside the account's groups or no such message: the 404 page, not a redirect
    except DomainError as exc:
        flash(request, exc.user_message, "error")
    return redirect(request, "/delivery")


@router.get("/data")
def data_page(request: Request, staff: StaffDep, clock: ClockDep, core: CoreDep) -> Response:
    zone = ZoneInfo(core.community.timezone)
    month = clock.now().astimezone(zone).strftime("%Y-%m")
    return render(request, "data.html", staff, page="data", month=month, report=None)


@router.get("/data/template.xlsx")
def data_template(staff: StaffDep, session: DB, core: CoreDep) -> Response:
    return xlsx_response(template(core.community, contacts(session)), "社区名单模板.xlsx")


@router.post("/data/import")
async def data_import(
    request: Request, staff: StaffDep, session: DB, core: CoreDep, clock: ClockDep
) -> Response:
    """The account (from the cookie) and its role are checked before the upload is read; the
    CSRF token comes with the upload. The workbook is read off the event loop."""
    zone = ZoneInfo(core.community.timezone)
    month = clock.now().astimezone(zone).strftime("%Y-%m")

    def page(status: int, report: ImportReport | None = None, error: str | None = None) -> Response:
        return render(
            request,
            "data.html",
            staff,
            status_code=status,
            page="data",
            month=month,
            report=report,
            error=error,
        )

    if staff.role == "grid":
        return page(403, error="只有社区工作人员和管理员可以导入名单。")
    await verify_csrf(request)
    upload = (await request.form()).get("file")
    if not isinstance(upload, StarletteUpload):
        return page(422, error="请选择要导入的 .xlsx 文件。")
    data = await upload.read(MAX_BYTES + 1)
    report = await run_in_threadpool(
        _import, session, core.community, data, staff.username, clock.now()
    )
    return page(200 if report.ok else 422, report=report)


def _import(
    session: Session, community: Community, data: bytes, by: str, now: datetime
) -> ImportReport:
    with session.begin_nested():
        return import_community(session, community, data, by, now)


@router.get("/reports/monthly.xlsx")
def monthly(
    staff: StaffDep, session: DB, core: CoreDep, clock: ClockDep, month: str = ""
) -> Response:
    zone = ZoneInfo(core.community.timezone)
    now = clock.now()
    first = parse_month(month, now.astimezone(zone).date())
    start = month_start(first, zone)
    data = monthly_report(session, core.community, staff.scope, start, now)
    return xlsx_response(data, f"月报-{start:%Y-%m}.xlsx")


def _account(
    request: Request, staff: Staff, session: Session, new_token: str | None, tp: str = "1"
) -> Response:
    account = get_account(session, staff.username)
    return render(
        request,
        "account.html",
        staff,
        page="account",
        tokens=paginate(tokens.tokens_of(session, account), tp, 10, "tp"),
        new_token=new_token,
        admins=admin.admin_names(session),
    )


@router.get("/account")
def account_page(request: Request, staff: StaffDep, session: DB, tp: str = "1") -> Response:
    return _account(request, staff, session, None, tp)


@router.post("/account/tokens", dependencies=[CsrfChecked])
def account_new_token(
    request: Request,
    staff: StaffDep,
    session: DB,
    clock: ClockDep,
    label: Annotated[str, Form(max_length=64)] = "api",
) -> Response:
    account = get_account(session, staff.username)
    token = tokens.issue_token(session, account, label, clock.now())
    session.flush()
    return _account(request, staff, session, token)


@router.post("/account/tokens/{token_id}/revoke", dependencies=[CsrfChecked])
def account_revoke_token(request: Request, token_id: int, staff: StaffDep, session: DB) -> Response:
    account = get_account(session, staff.username)
    if tokens.revoke_token(session, account, token_id):
        flash(request, "令牌已作废。")
    return redirect(request, "/account")
