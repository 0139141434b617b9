"""Open311 GeoReport v2 (JSON): services, reading requests, and filing new ones.

The service list is public. Requests carry residents' own words, so reading and filing them
needs a staff API token, as `api_key` (the Open311 way) or as a bearer token."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy import select

from service import open311
from service.dashboard.search import scope_clause
from service.models import Ticket
from service.outbox import enqueue
from service.textclean import clean
from service.tickets import states
from service.web.actions import visible_ticket
from service.web.auth import ApiUnauthorized, api_staff, bearer
from service.web.context import DB, ClockDep, CoreDep, Staff, classifier_of
from service.web.filters import parse_int

router = APIRouter(prefix="/open311/v2", tags=["open311"])
MAX_RESULTS = 1000


async def open311_staff(
    request: Request,
    session: DB,
    clock: ClockDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    api_key: Annotated[str | None, Query(max_length=200)] = None,
) -> Staff:
    key = api_key
    if key is None and request.method == "POST":
        form = await request.form()
        value = form.get("api_key")
        key = value if isinstance(value, str) else None
    if credentials is None and key:
        credentials = HTTPAuthorizationCredentials(scheme="Bearer", credentials=key)
    if credentials is None:
        raise ApiUnauthorized()
    return api_staff(session, clock, credentials)


Open311Staff = Annotated[Staff, Depends(open311_staff)]


def _aware(value: datetime) -> datetime:
    """In UTC, as tickets are stored; a time within a day of year 1 or 9999 whose UTC falls
    outside the calendar is the calendar's first or last moment."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        return aware.astimezone(UTC)
    except OverflowError:
        edge = datetime.min if aware.year == datetime.min.year else datetime.max
        return edge.replace(tzinfo=UTC)


@router.get("/services.json", summary="Service list: one service per ticket category")
def services() -> list[dict[str, Any]]:
    return open311.services()


@router.get("/requests.json", summary="Service requests, newest first (at most 1000)")
def list_requests(
    staff: Open311Staff,
    session: DB,
    core: CoreDep,
    service_request_id: Annotated[str | None, Query(max_length=1000)] = None,
    service_code: Annotated[str | None, Query(max_length=40)] = None,
    start_date: datetime | None = None,
    end_date: datetime | None = None,
    status: Literal["open", "closed"] | None = None,
) -> list[dict[str, Any]]:
    stmt = select(Ticket).where(scope_clause(core.community, staff.scope))
    if service_request_id:
        ids = [n for n in map(parse_int, service_request_id.split(",")) if n is not None]
        stmt = stmt.where(Ticket.id.in_(ids))
    if service_code:
        stmt = stmt.where(Ticket.category == clean(service_code))
    if start_date:
        stmt = stmt.where(Ticket.created_at >= _aware(start_date))
    if end_date:
        stmt = stmt.where(Ticket.created_at <= _aware(end_date))
    if status == "open":
        stmt = stmt.where(Ticket.state.in_(states.ACTIVE))
    elif status == "closed":
        stmt = stmt.where(Ticket.state.not_in(states.ACTIVE))
    rows = session.scalars(stmt.order_by(Ticket.id.desc()).limit(MAX_RESULTS))
    return [open311.as_request(t, core.community) for t in rows]


@router.get("/requests/{request_id}.json", summary="One service request")
def get_request(
    request_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    staff: Open311Staff,
    session: DB,
    core: CoreDep,
) -> list[dict[str, Any]]:
    return [
        open311.as_request(
            visible_ticket(session, core.community, staff, request_id), core.community
        )
    ]


@router.post("/requests.json", summary="File a new service request", status_code=201)
def post_request(
    request: Request,
    staff: Open311Staff,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    service_code: Annotated[str, Form(max_length=40)],
    description: Annotated[str, Form(max_length=4000)],
    address_string: Annotated[str, Form(max_length=200)] = "",
    first_name: Annotated[str, Form(max_length=64)] = "",
    last_name: Annotated[str, Form(max_length=64)] = "",
    phone: Annotated[str, Form(max_length=32)] = "",
    email: Annotated[str, Form(max_length=200)] = "",
    api_key: Annotated[str, Form(max_length=200)] = "",
) -> list[dict[str, Any]]:
    now = clock.now()
    with session.begin_nested():
        outcome = open311.file_request(
            session,
            core.community,
            classifier_of(request),
            service_code=service_code,
            description=description,
            address=address_string,
            name=f"{last_name}{first_name}",
            contact=email or phone,
            now=now,
            account=staff.actor(core.community),
            scope=staff.scope,
        )
        enqueue(session, f"open311:{uuid.uuid4().hex}", outcome.notices, now)
    return [
        {
            "service_request_id": str(outcome.ticket.id),
            "service_notice": outcome.notice_zh(),
            "account_id": None,
        }
    ]
