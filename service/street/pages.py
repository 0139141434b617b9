"""The street office's pages on the street's service: its staff sign in (accounts of the office's
own storage, service.street.office), read the overview of every community and download the
monthly reports. Nothing here acts on a ticket; a community's pages need its own accounts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from service.bootstrap import Core
from service.clock import Clock
from service.dashboard.periods import FIRST_YEAR, month_asked, month_start
from service.dashboard.today import RATE_CARDS
from service.db import transaction
from service.reports.excel import monthly_report, street_report
from service.street.office import Office
from service.street.overview import CHASED, overview
from service.textclean import clean
from service.tickets.stats import Scope
from service.web import auth
from service.web.context import Staff
from service.web.pages import xlsx_response
from service.web.templating import templates


@dataclass(frozen=True)
class Site:
    street: str
    office: Office
    cores: Sequence[Core]
    clock: Clock

    def core(self, slug: str) -> Core | None:
        return next((c for c in self.cores if c.slug == slug), None)


def routes() -> list[Route]:
    return [
        Route("/login", login_page, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/overview", overview_page, methods=["GET"]),
        Route("/overview/report.xlsx", report, methods=["GET"]),
    ]


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def signed_in(request: Request) -> Staff | None:
    """The office's account this browser signed in as, while its session is good."""
    if "uid" not in request.session:
        return None
    site = site_of(request)
    with site.office.factory() as session:
        try:
            return Staff.of(auth.signed_in(request, session, site.clock.now()))
        except auth.LoginRequired:
            return None


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    site = site_of(request)
    zone = site.cores[0].community.timezone
    return templates.TemplateResponse(
        request,
        name,
        {
            "street": site.street,
            "staff": None,
            "csrf_token": auth.csrf_token(request),
            "now": site.clock.now(),
            "tz": zone,
            **context,
        },
        status_code=status_code,
    )


def login_page(request: Request) -> Response:
    if signed_in(request) is not None:
        return RedirectResponse("/overview", status_code=303)
    return page(request, "street_login.html")


async def login(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=10)
    if not await _csrf_ok(request):
        return _refused(request)
    username, password = (form.get(k) for k in ("username", "password"))
    name = username[:200] if isinstance(username, str) else ""
    secret = password[:1000] if isinstance(password, str) else ""
    site = site_of(request)
    now = site.clock.now()
    source = request.client.host if request.client else "unknown"
    result = await auth.sign_in(site.office.factory, name, secret, source, now)
    if result.account is None:
        error = auth.login_error(result, now)
        return page(request, "street_login.html", 401, error=error, username=clean(name)[:64])
    auth.start_session(request, result.account, now)
    return RedirectResponse("/overview", status_code=303)


async def logout(request: Request) -> Response:
    await request.form(max_files=0, max_fields=10)
    if not await _csrf_ok(request):
        return _refused(request)
    with transaction(site_of(request).office.factory) as session:
        auth.end_sessions(request, session)
    return RedirectResponse("/", status_code=303)


def overview_page(request: Request) -> Response:
    staff = signed_in(request)
    if staff is None:
        return RedirectResponse("/login", status_code=303)
    site = site_of(request)
    now = site.clock.now()
    today = now.astimezone(site.cores[0].community.zone).date()
    shown = overview(site.cores, today, now)
    return page(
        request,
        "street_overview.html",
        staff=staff,
        page="overview",
        o=shown,
        cards=RATE_CARDS,
        month=f"{today:%Y-%m}",
        chased_max=CHASED,
    )


def report(request: Request) -> Response:
    """The street's monthly report, or one community's (?community=slug) as its own staff
    download it from its data page."""
    if signed_in(request) is None:
        return RedirectResponse("/login", status_code=303)
    site = site_of(request)
    now = site.clock.now()
    local = now.astimezone(site.cores[0].community.zone)
    asked = request.query_params.get("month")  # none: this month
    first = month_asked(asked, local.date()) if asked else local.date().replace(day=1)
    if first is None:
        error = f"月份不对，请选择 {FIRST_YEAR} 年 1 月到本月之间的月份。"
        return page(request, "street_error.html", 400, error=error)
    slug = request.query_params.get("community") or ""
    if not slug:
        data = street_report(site.street, overview(site.cores, first, now), local)
        return xlsx_response(data, f"{site.street}月报-{first:%Y-%m}.xlsx")
    core = site.core(slug)
    if core is None:
        return page(request, "street_error.html", 404, error="没有这个社区。")
    start = month_start(first, core.community.zone)
    with core.factory() as session:
        data = monthly_report(session, core.community, Scope("community"), start, now)
    return xlsx_response(data, f"{core.community.name}月报-{first:%Y-%m}.xlsx")


async def _csrf_ok(request: Request) -> bool:
    try:
        await auth.verify_csrf(request)  # the form read above, kept by the request
    except auth.CsrfFailed:
        return False
    return True


def _refused(request: Request) -> Response:
    error = "页面已过期，请返回刷新后再试。"
    return page(request, "street_error.html", 403, error=error)
