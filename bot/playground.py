"""The web playground: the simulator in a browser, for trying the bot without WeChat."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from bot.simulator import ChatLine, Simulator
from service.dashboard.timeline import SYSTEM_ZH
from service.textclean import clean_line
from service.web.auth import OptionalStaff
from service.web.context import Staff
from service.web.templating import render

MAX_TEXT = 20_000
URGENT_MARK = "【紧急"  # how the bot's emergency alerts and emergency ticket notices begin


class SayRequest(BaseModel):
    group: str = Field(min_length=1, max_length=128)
    sender: str = Field(min_length=1, max_length=64)
    text: str = Field(max_length=MAX_TEXT)


def playground_router(simulator: Simulator) -> APIRouter:
    router = APIRouter(prefix="/playground")
    community = simulator.core.community

    # Who may be spoken as: the community's people and the street office's.
    people = (*community.people, *(community.street.people if community.street else ()))

    def rooms(staff: Staff | None) -> set[str] | None:
        # No staff: no account exists yet (a bare developer setup, see login_if_accounts).
        return None if staff is None else staff.rooms(community)

    def may_speak_as(staff: Staff | None, name: str) -> bool:
        return staff is None or staff.may_speak_as(community, name)

    def stand_in(staff: Staff | None, name: str) -> str | None:
        """A resident an account other than an administrator speaks as is its own stand-in of
        that name (a chat id of its own), never the resident of that name: a grid worker trying
        "#1 撤销" as 李大爷 does not reach 李大爷's ticket in another grid."""
        if staff is None or staff.is_admin or community.person(name) is not None:
            return None
        return f"playground:{staff.username}:{name}"

    @router.get("", response_class=HTMLResponse)
    def page(request: Request, staff: OptionalStaff) -> HTMLResponse:
        """The dashboard's page frame (menu, styles) around the chat columns."""
        limited = staff is not None and not staff.is_admin
        scope = staff.scope.label(community) if staff is not None else community.name
        return render(
            request, "playground.html", staff, page="playground", limited=limited, scope=scope
        )

    @router.get("/setup")
    def setup(staff: OptionalStaff) -> dict[str, Any]:
        visible = rooms(staff)
        return {
            "community": community.name,
            "groups": [
                {"name": g.name, "kind": g.kind}
                for g in community.groups
                if visible is None or g.name in visible
            ],
            "people": [p.name for p in people if may_speak_as(staff, p.name)],
        }

    @router.get("/transcript")
    def transcript(staff: OptionalStaff) -> list[dict[str, str | bool]]:
        visible = rooms(staff)
        return [
            _line(line, community.zone)
            for line in simulator.transcript
            if visible is None or line.room_id in visible
        ]

    @router.post("/say")
    async def say(body: SayRequest, staff: OptionalStaff) -> dict[str, Any]:
        if community.group(body.group) is None:
            raise HTTPException(status_code=422, detail=f"unknown group {body.group!r}")
        visible = rooms(staff)
        if visible is not None and body.group not in visible:
            raise HTTPException(status_code=403, detail="that group is outside your scope")
        # The name is checked as the bot will read it (王书记 with a control character in it is
        # 王书记 once cleaned).
        sender = clean_line(body.sender).strip()
        if not sender or sender == SYSTEM_ZH:
            # A blank name is how the transcript marks the bot's own lines.
            raise HTTPException(status_code=422, detail="name a person to speak as, not the bot")
        if not may_speak_as(staff, sender):
            raise HTTPException(status_code=403, detail="you may not speak as that person")
        sent = await simulator.say(body.group, sender, body.text, stand_in(staff, sender))
        return {
            "replies": [
                {"room": m.room_id, "text": m.rendered()}
                for m in sent
                if visible is None or m.room_id in visible
            ]
        }

    return router


def _line(line: ChatLine, zone: ZoneInfo) -> dict[str, str | bool]:
    return {
        "room": line.room_id,
        "sender": line.sender,
        "text": line.text,
        "at": line.at.isoformat(),
        "time": line.at.astimezone(zone).strftime("%m-%d %H:%M"),
        "urgent": not line.sender and line.text.startswith(URGENT_MARK),
    }
