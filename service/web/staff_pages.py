"""账户管理: admins add accounts, reset passwords, change roles and grids, disable and enable.
Thin routes over service.staff.admin, which audits every change."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from service.errors import DomainError
from service.staff import accounts, admin
from service.staff.admin import NewPassword
from service.textclean import clean_line
from service.web.auth import CsrfChecked, admin_staff, flash
from service.web.context import DB, ClockDep, CoreDep, Staff
from service.web.filters import parse_int
from service.web.paging import paginate
from service.web.paths import redirect
from service.web.templating import render

router = APIRouter(include_in_schema=False)
AdminDep = Annotated[Staff, Depends(admin_staff)]
BACK = "/accounts"


def _page(
    request: Request,
    staff: Staff,
    session: DB,
    core: CoreDep,
    *,
    ap: str = "1",
    lp: str = "1",
    new_password: NewPassword | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    people = paginate(accounts.list_accounts(session), ap, 20, "ap")
    log = paginate(admin.audit_log(session), lp, 10, "lp")
    return render(
        request,
        "accounts.html",
        staff,
        status_code=status_code,
        page="accounts",
        people=people,
        log=log,
        params={"ap": people.page, "lp": log.page},
        grids=core.community.grids,
        persons=[p.name for p in core.community.people],
        roles=accounts.ROLES,
        actions=admin.ACTION_LABELS_ZH,
        new_password=new_password,
        error=error,
    )


@router.get("/accounts")
def accounts_page(
    request: Request, staff: AdminDep, session: DB, core: CoreDep, ap: str = "1", lp: str = "1"
) -> Response:
    return _page(request, staff, session, core, ap=ap, lp=lp)


@router.post("/accounts", dependencies=[CsrfChecked])
def account_add(
    request: Request,
    staff: AdminDep,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    username: Annotated[str, Form(max_length=64)] = "",
    role: Annotated[str, Form(max_length=20)] = "",
    grid: Annotated[str, Form(max_length=9)] = "",
    person: Annotated[str, Form(max_length=128)] = "",
    display_name: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    try:
        with session.begin_nested():
            made = admin.add(
                session,
                core.community,
                staff.username,
                username=username.strip(),
                role=role,
                grid=parse_int(grid),
                person=clean_line(person) or None,
                display_name=clean_line(display_name) or None,
                now=clock.now(),
            )
    except DomainError as exc:
        return _page(request, staff, session, core, error=exc.user_message, status_code=422)
    return _page(request, staff, session, core, new_password=made)


@router.post("/accounts/{username}/password", dependencies=[CsrfChecked])
def account_reset(
    request: Request, username: str, staff: AdminDep, session: DB, core: CoreDep, clock: ClockDep
) -> Response:
    try:
        with session.begin_nested():
            made = admin.reset_password(session, staff.username, username, clock.now())
    except DomainError as exc:
        return _page(request, staff, session, core, error=exc.user_message, status_code=422)
    return _page(request, staff, session, core, new_password=made)


@router.post("/accounts/{username}/role", dependencies=[CsrfChecked])
def account_role(
    request: Request,
    username: str,
    staff: AdminDep,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    role: Annotated[str, Form(max_length=20)] = "",
    grid: Annotated[str, Form(max_length=9)] = "",
) -> Response:
    try:
        with session.begin_nested():
            admin.change_role(
                session,
                core.community,
                staff.username,
                username,
                role,
                parse_int(grid),
                clock.now(),
            )
        flash(request, f"已修改 {username} 的角色。")
    except DomainError as exc:
        flash(request, exc.user_message, "error")
    return redirect(request, BACK)


@router.post("/accounts/{username}/active", dependencies=[CsrfChecked])
def account_active(
    request: Request,
    username: str,
    staff: AdminDep,
    session: DB,
    clock: ClockDep,
    active: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    on = active == "1"
    try:
        with session.begin_nested():
            admin.set_active(session, staff.username, username, on, clock.now())
        flash(request, f"已{'恢复' if on else '停用'}账户 {username}。")
    except DomainError as exc:
        flash(request, exc.user_message, "error")
    return redirect(request, BACK)
