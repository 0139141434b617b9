"""一事一议 pages: the list of consultations (votes, turnout, decision) and one consultation
with its counts per option. Read only: thin over service.consultations. Counts are shown to
staff at any time; residents hear them only when the vote closes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select

from service.consultations import flows
from service.consultations.models import Consultation
from service.errors import NotFound
from service.web.auth import StaffDep
from service.web.context import DB, ClockDep
from service.web.paging import paginate
from service.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/consultations")
def consultations_page(
    request: Request, staff: StaffDep, session: DB, clock: ClockDep, p: str = "1"
) -> Response:
    rows = list(session.scalars(select(Consultation).order_by(Consultation.id.desc())))
    listed = paginate(rows, p, 20, "p")
    return render(
        request,
        "consultations.html",
        staff,
        page="consultations",
        consultations=listed,
        turnout=flows.turnout(session),
        now=clock.now(),
        params={"p": listed.page},
    )


@router.get("/consultations/{number}")
def consultation_page(
    request: Request, staff: StaffDep, session: DB, clock: ClockDep, number: int
) -> Response:
    try:
        c = flows.get(session, number)
    except NotFound:
        return render(
            request, "error.html", staff, status_code=404, message=f"没有找到议事 #Y{number}。"
        )
    counts = flows.counts(session, c)
    return render(
        request,
        "consultation.html",
        staff,
        page="consultations",
        c=c,
        rows=list(zip(c.options, counts, strict=True)),
        total=sum(counts),
        now=clock.now(),
    )
