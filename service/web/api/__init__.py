"""REST API /api/v1, one module per slice (tickets, figures, community, events): the same domain
functions as chat and the dashboard, bearer-token auth."""

from __future__ import annotations

from fastapi import APIRouter

from service.web.api import community, events, figures, tickets

router = APIRouter(prefix="/api/v1", tags=["api"])
for _slice in (community, tickets, figures, events):
    router.include_router(_slice.router)
