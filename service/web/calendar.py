"""iCalendar feeds: `/calendar/{group}.ics` lists a chat group's events so members can
subscribe in their phone calendar."""

from __future__ import annotations

from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from icalendar import Calendar
from icalendar import Event as CalendarEvent
from sqlalchemy import select

from service.bootstrap import Core
from service.clock import Clock
from service.events.models import CANCELLED, Event
from service.street.config import SINGLE

PAST = timedelta(days=30)
AHEAD = timedelta(days=120)


def calendar_router() -> APIRouter:
    router = APIRouter()

    @router.get("/calendar/{group}.ics", response_model=None)
    def group_calendar(group: str, request: Request) -> Response:
        core: Core = request.app.state.core
        clock: Clock = request.app.state.clock
        if core.community.group(group) is None:
            return JSONResponse(
                {
                    "type": "about:blank",
                    "title": "Not Found",
                    "status": 404,
                    "detail": f"no group named {group!r} in community {core.community.name!r}",
                },
                status_code=404,
                media_type="application/problem+json",
            )
        now = clock.now()
        with core.factory() as session:
            stmt = (
                select(Event)
                .where(Event.starts_at >= now - PAST, Event.starts_at <= now + AHEAD)
                .order_by(Event.starts_at, Event.id)
            )
            events = [e for e in session.scalars(stmt) if group in e.audience_groups]
        body = feed(
            group, events, ZoneInfo(core.community.timezone), core.community.name, core.slug
        )
        return Response(body, media_type="text/calendar; charset=utf-8")

    return router


def feed(group: str, events: list[Event], zone: ZoneInfo, community: str, slug: str) -> bytes:
    """One group's events. Event numbers are per community, so a phone subscribed to the same
    group name in two communities of a street keeps their events apart: each community's UIDs
    and calendar name are its own."""
    calendar = Calendar()
    calendar.add("prodid", "-//Hongqiao//events//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{community} {group} 活动")
    calendar.add("x-wr-timezone", zone.key)
    domain = "hongqiao" if slug == SINGLE else f"{slug}.hongqiao"
    for event in events:
        item = CalendarEvent()
        item.add("uid", f"event-{event.id}@{domain}")
        item.add("summary", f"{event.title}（#E{event.id}）")
        item.add("dtstart", event.starts_at.astimezone(zone))
        item.add(
            "dtend", event.starts_at.astimezone(zone) + timedelta(minutes=event.duration_minutes)
        )
        item.add("dtstamp", event.updated_at.astimezone(UTC))
        if event.place:
            item.add("location", event.place)
        item.add(
            "description",
            f"报名请在群里回复“报名 #E{event.id}”，请假回复“请假 #E{event.id} 原因”。",
        )
        item.add("status", "CANCELLED" if event.state == CANCELLED else "CONFIRMED")
        calendar.add_component(item)
    return bytes(calendar.to_ical())
