"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy import text

from service.bootstrap import Core
from service.clock import Clock, SystemClock
from service.delivery import delivery_health
from service.web.calendar import calendar_router

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[Any]]


def create_app(
    core: Core,
    routers: Sequence[APIRouter] = (),
    lifespan: Lifespan | None = None,
    clock: Clock | None = None,
) -> FastAPI:
    app = FastAPI(title="Hongqiao 红桥", lifespan=lifespan)
    app.state.core = core
    app.state.clock = clock or SystemClock()

    @app.get("/healthz")
    def healthz(request: Request) -> JSONResponse:
        try:
            with core.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:  # the point of a health check is to report, not to raise
            return JSONResponse({"status": "error", "database": str(exc)}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok", "community": core.community.name})

    app.include_router(calendar_router())
    @app.get("/healthz/delivery")
    def delivery() -> JSONResponse:
        """Outbox and chat-account health: pending and failed rows, last send, login state."""
        with core.factory() as session:
            health = delivery_health(session)
        body = jsonable_encoder(asdict(health))
        body["ok"] = health.ok
        return JSONResponse(body, status_code=200 if health.ok else 503)

    for router in routers:
        app.include_router(router)
    return app
