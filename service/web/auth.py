"""Sign-in for people (session cookie + CSRF token) and for programs (bearer tokens)."""

from __future__ import annotations

import asyncio
import hmac
import secrets
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Annotated, Any, TypeVar
from urllib.parse import quote, unquote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from service import attempts
from service.db import transaction
from service.models import AppSecret, StaffAccount
from service.staff import accounts, admin, tokens
from service.textclean import clean
from service.web.context import DB, ClockDep, ReadDB, Staff
from service.web.paths import redirect, route_path

SESSION_HOURS = 12
REFUSED_DELAY = 1.0  # seconds before answering a try that must wait
LOGIN_THREADS = 4  # concurrent sign-in transactions; the rest wait without holding anything
_login_threads = ThreadPoolExecutor(LOGIN_THREADS, thread_name_prefix="login-db")
T = TypeVar("T")
SECRET_NAME = "session_key"

router = APIRouter(include_in_schema=False)
bearer = HTTPBearer(auto_error=False, description="A staff API token (账户页面生成)")


class LoginRequired(Exception):
    """The page needs a signed-in user; `expired` when an old session just ran out."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__("login required")
        self.expired = expired


class ApiUnauthorized(Exception):
    pass


class CsrfFailed(Exception):
    pass


def session_secret(factory: sessionmaker[Session], holder: str, configured: str | None) -> str:
    """The configured key made the holder's own (a street's communities and its office share
    HONGQIAO_SECRET_KEY, and none may accept a cookie signed for another), else one generated
    once and kept in the holder's own database."""
    if configured:
        return hmac.new(configured.encode(), holder.encode(), "sha256").hexdigest()
    with transaction(factory) as session:
        row = session.get(AppSecret, SECRET_NAME)
        if row is None:
            row = AppSecret(name=SECRET_NAME, value=secrets.token_urlsafe(48))
            session.add(row)
        return row.value


# -- CSRF and flash ----------------------------------------------------------------------------


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def verify_csrf(request: Request) -> None:
    """Every form posts the session's token back; a forged form cannot know it."""
    form = await request.form()
    sent = form.get("csrf_token")
    expected = request.session.get("csrf")
    if not (isinstance(sent, str) and isinstance(expected, str)):
        raise CsrfFailed()
    if not hmac.compare_digest(sent.encode(), expected.encode()):
        raise CsrfFailed()


CsrfChecked = Depends(verify_csrf)


def flash(request: Request, text: str, kind: str = "ok") -> None:
    request.session["flash"] = {"kind": kind, "text": text}


def pop_flash(request: Request) -> dict[str, Any] | None:
    value = request.session.pop("flash", None)
    return value if isinstance(value, dict) else None


# -- who is signed in --------------------------------------------------------------------------


def _epoch(value: datetime) -> float:
    return value.timestamp()


def current_staff(request: Request, session: DB, clock: ClockDep) -> Staff:
    return Staff.of(signed_in(request, session, clock.now()))


def signed_in(request: Request, session: Session, now: datetime) -> StaffAccount:
    """The account the session cookie names, while its session is still good."""
    uid, since, until = (request.session.get(k) for k in ("uid", "since", "until"))
    if not (
        isinstance(uid, int) and isinstance(since, float | int) and isinstance(until, float | int)
    ):
        raise LoginRequired()
    if _epoch(now) >= until:
        request.session.clear()
        raise LoginRequired(expired=True)
    account = session.get(StaffAccount, uid)
    if (
        account is None
        or not account.active
        or _epoch(account.password_changed_at) > since
        or request.session.get("epoch", 0) != account.session_epoch
    ):
        request.session.clear()
        raise LoginRequired(expired=True)
    return account


StaffDep = Annotated[Staff, Depends(current_staff)]


def admin_staff(staff: StaffDep) -> Staff:
    accounts.require_role(staff.role, "admin")
    return staff


def staff_or_none(request: Request, session: ReadDB, clock: ClockDep) -> Staff | None:
    """The signed-in account, or None where nobody needs to sign in (see login_if_accounts).
    Only reads: the playground's messages write through the bot's router in units of work of
    their own, which must not wait for a write lock their own request holds."""
    try:
        return current_staff(request, session, clock)
    except LoginRequired:
        return None


OptionalStaff = Annotated[Staff | None, Depends(staff_or_none)]


def login_if_accounts(request: Request, session: ReadDB, clock: ClockDep) -> None:
    """Guard for routers mounted from outside (the playground): open only while no account
    exists at all, as in a bare developer setup; otherwise staff must sign in."""
    if accounts.has_accounts(session):
        current_staff(request, session, clock)


def api_staff(
    session: DB,
    clock: ClockDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Staff:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiUnauthorized()
    account = tokens.account_for_token(session, credentials.credentials, clock.now())
    if account is None:
        raise ApiUnauthorized()
    return Staff.of(account)


ApiStaff = Annotated[Staff, Depends(api_staff)]


def safe_next(target: str | None) -> str:
    """Only this community's own paths: `next=https://evil.example` must not send people away,
    nor `/../jinmao/` (as typed or %-encoded) to another community of the street."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    path = target.split("?", 1)[0].split("#", 1)[0]
    for _ in range(3):  # %252e%252e is %2e%2e once decoded
        path = unquote(path)
    if any(segment in (".", "..") for segment in path.split("/")):
        return "/"
    return target


def login_redirect(request: Request, expired: bool) -> RedirectResponse:
    target = route_path(request.scope) + (f"?{request.url.query}" if request.url.query else "")
    return redirect(request, f"/login?next={quote(target)}" + ("&expired=1" if expired else ""))


# -- routes ------------------------------------------------------------------------------------


@router.get("/login")
def login_page(request: Request, next: str = "/", expired: int = 0) -> Response:
    from service.web.templating import render

    message = "登录已过期，请重新登录。" if expired else None
    return render(
        request, "login.html", None, next=safe_next(next), error=message, admins=_admins(request)
    )


async def sign_in(
    factory: sessionmaker[Session], username: str, password: str, source: str, now: datetime
) -> accounts.LoginResult:
    """Async, with no request-wide database session: the try is counted in one short
    transaction, the password checked on the password-check threads with no connection held,
    and the outcome written in another short transaction (see accounts.begin_login)."""
    name, secret = clean(username).strip(), clean(password)

    def admit() -> accounts.Admission:
        with factory() as session:  # most of a flood waits: answered without a write lock
            wait = accounts.login_wait(session, name, source, now)
        if wait is not None:
            return accounts.Admission((), wait)
        with transaction(factory) as session:
            return accounts.begin_login(session, name, source, now)

    admission = await _login_work(admit)
    if admission.retry_after is not None:
        # A waiting source is answered late (a sleeping coroutine holds no thread and no
        # connection), so a script hammering the form slows itself and not everyone else.
        await asyncio.sleep(REFUSED_DELAY)
        return accounts.LoginResult(None, admission.retry_after)
    verdict = await accounts.check_password(admission.password_hash, secret)

    def finish() -> accounts.LoginResult:
        with transaction(factory) as session:
            return accounts.finish_login(session, name, admission, verdict, now)

    return await _login_work(finish)


def login_error(result: accounts.LoginResult, now: datetime) -> str:
    if result.retry_after is not None:
        return f"密码错误次数过多，请 {attempts.wait_zh(result.retry_after, now)}后再试。"
    return "用户名或密码不对，请重新输入。"


def start_session(request: Request, account: StaffAccount, now: datetime) -> None:
    request.session.clear()  # a fresh session (and CSRF token) for the signed-in user
    request.session.update(
        uid=account.id,
        epoch=account.session_epoch,
        since=_epoch(now),
        until=_epoch(now + timedelta(hours=SESSION_HOURS)),
    )


async def _login_work(work: Callable[[], T]) -> T:
    """Sign-in's database work, on threads of its own: a flood of sign-ins queues here and
    leaves the shared thread pool (every other page) and the connection pool alone."""
    return await asyncio.get_running_loop().run_in_executor(_login_threads, work)


def _admins(request: Request) -> list[str]:
    from service.web.context import core_of

    with core_of(request).factory() as session:
        return admin.admin_names(session)


@router.post("/login", dependencies=[CsrfChecked])
async def login(
    request: Request,
    clock: ClockDep,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """Async, with no request-wide database session (see sign_in)."""
    from service.web.context import core_of
    from service.web.templating import render

    now = clock.now()
    source = request.client.host if request.client else "unknown"
    result = await sign_in(core_of(request).factory, username, password, source, now)
    if result.account is None:
        error = login_error(result, now)
        admins = await _login_work(lambda: _admins(request))
        return render(
            request,
            "login.html",
            None,
            status_code=401,
            next=safe_next(next),
            error=error,
            username=username[:64],
            admins=admins,
        )
    start_session(request, result.account, now)
    return redirect(request, safe_next(next))


@router.post("/logout", dependencies=[CsrfChecked])
def logout(request: Request, session: DB) -> Response:
    """Signing out ends every session of the account (a copied cookie too): the cookie is
    only signed, not stored, so the account's session epoch moves on."""
    end_sessions(request, session)
    return redirect(request, "/login")


def end_sessions(request: Request, session: Session) -> None:
    uid = request.session.get("uid")
    if isinstance(uid, int):
        session.execute(
            update(StaffAccount)
            .where(StaffAccount.id == uid)
            .values(session_epoch=StaffAccount.session_epoch + 1)
        )
    request.session.clear()
