"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from service.bootstrap import Core
from service.clock import Clock, SystemClock
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
    for router in routers:
        app.include_router(router)
    return app
