"""/api/v1/events: scheduled events and their sign-ups."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, Field

from service.dashboard.reminders import Upcoming, upcoming_events, upcoming_of
from service.events.flows import get_event
from service.web.api.types import RowId
from service.web.auth import ApiStaff
from service.web.context import DB, ClockDep

router = APIRouter()


class SignUpOut(BaseModel):
    member: str
    status: str
    people: int = Field(description="People this answer brings, the member included")
    reason: str | None
    at: datetime


class EventOut(BaseModel):
    id: int
    ref: str
    title: str
    kind: str
    category: str
    starts_at: datetime
    duration_minutes: int
    place: str
    audience: list[str]
    capacity: int | None
    signed_up: int
    waiting: int
    leave: int


class EventDetail(EventOut):
    responses: list[SignUpOut]


def _event_out(u: Upcoming) -> EventOut:
    e = u.event
    return EventOut(
        id=e.id,
        ref=e.ref,
        title=e.title,
        kind=e.kind,
        category=e.category,
        starts_at=e.starts_at,
        duration_minutes=e.duration_minutes,
        place=e.place,
        audience=[*e.audience_groups, *e.audience_members],
        capacity=e.capacity,
        signed_up=u.signed_up,
        waiting=u.waiting,
        leave=u.leave,
    )


@router.get("/events", summary="Scheduled events of the next 31 days with sign-up counts")
def events(staff: ApiStaff, session: DB, clock: ClockDep) -> list[EventOut]:
    return [_event_out(u) for u in upcoming_events(session, clock.now(), limit=200)]


@router.get("/events/{event_id}", summary="One event with its sign-ups")
def event(event_id: RowId, staff: ApiStaff, session: DB) -> EventDetail:
    e = get_event(session, event_id)
    out = _event_out(upcoming_of(e))
    return EventDetail(
        **out.model_dump(),
        responses=[
            SignUpOut(
                member=r.member_name,
                status=r.status,
                people=r.seats or 1,
                reason=r.reason,
                at=r.updated_at,
            )
            for r in e.responses
        ],
    )
