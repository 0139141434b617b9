"""Staff corrections of a reading from the ticket page, and the corrections page (per month,
latest first). The same domain flow as chat (service/tickets/corrections.py)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from service.errors import DomainError
from service.outbox import enqueue
from service.textclean import clean
from service.tickets import corrections
from service.understanding import Classifier
from service.web.actions import notified_zh, visible_ticket
from service.web.auth import CsrfChecked, StaffDep, flash
from service.web.context import DB, ClockDep, CoreDep
from service.web.paths import redirect
from service.web.templating import render

router = APIRouter(include_in_schema=False)
SHOWN = 200


@router.post("/tickets/{ticket_id}/correct", dependencies=[CsrfChecked])
def correct_ticket(
    request: Request,
    ticket_id: int,
    staff: StaffDep,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    kind: Annotated[str, Form(max_length=20)] = "",
    reading: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    visible_ticket(session, core.community, staff, ticket_id)  # else the 404 page
    back = redirect(request, f"/tickets/{ticket_id}")
    if kind not in corrections.KINDS:
        flash(request, "没有这个操作。", "error")
        return back
    classifier = Classifier.default()
    now = clock.now()
    try:
        actor = staff.actor(core.community)
        with session.begin_nested():  # a refused correction leaves nothing behind
            parsed = (
                corrections.parse_reading(classifier, clean(reading))
                if kind == corrections.RECATEGORISE
                else None
            )
            outcome = corrections.correct_reading(
                session, core.community, classifier, ticket_id, actor, kind, now, parsed
            )
            enqueue(session, f"web:correct:{ticket_id}:{uuid.uuid4().hex}", outcome.notices, now)
    except DomainError as exc:
        flash(request, exc.user_message, "error")
        return back
    label = corrections.KIND_LABELS_ZH[kind]
    flash(request, f"工单 #{ticket_id} 已更正（{label}）{notified_zh(outcome)}。")
    return back


@router.get("/corrections")
def corrections_page(request: Request, staff: StaffDep, session: DB, core: CoreDep) -> Response:
    months = corrections.per_month(session, core.community)
    agreement = corrections.agreement(session, Classifier.default())
    latest = [
        c
        for c in corrections.list_corrections(session, SHOWN)
        if staff.grid is None or _visible(session, core, staff, c.ticket_id)
    ]
    return render(
        request,
        "corrections.html",
        staff,
        page="corrections",
        months=months,
        kinds=corrections.KINDS,
        kind_labels=corrections.KIND_LABELS_ZH,
        latest=latest,
        describe=corrections.describe,
        agreement=agreement,
    )


def _visible(session: DB, core: CoreDep, staff: StaffDep, ticket_id: int) -> bool:
    try:
        visible_ticket(session, core.community, staff, ticket_id)
    except DomainError:
        return False
    return True
