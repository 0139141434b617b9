"""The web playground: the simulator in a browser, for trying the bot without WeChat."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from bot.simulator import ChatLine, Simulator
from service.web.auth import OptionalStaff
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

    @router.get("", response_class=HTMLResponse)
    def page(request: Request, staff: OptionalStaff) -> HTMLResponse:
        """The dashboard's page frame (menu, styles) around the chat columns."""
        return render(request, "playground.html", staff, page="playground")

    @router.get("/setup")
    def setup() -> dict[str, Any]:
        return {
            "community": community.name,
            "groups": [{"name": g.name, "kind": g.kind} for g in community.groups],
            "people": [p.name for p in community.people],
        }

    @router.get("/transcript")
    def transcript() -> list[dict[str, str | bool]]:
        return [_line(line, community.zone) for line in simulator.transcript]

    @router.post("/say")
    async def say(body: SayRequest) -> dict[str, Any]:
        if community.group(body.group) is None:
            raise HTTPException(status_code=422, detail=f"unknown group {body.group!r}")
        sent = await simulator.say(body.group, body.sender.strip(), body.text)
        return {"replies": [{"room": m.room_id, "text": m.rendered()} for m in sent]}

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
