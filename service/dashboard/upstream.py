"""The ticket operations and figures the dashboard builds on, from one place.

They live in the ticket domain (service/tickets: flows, stats, deadlines); the dashboard, the
API and Open311 import them from here so the seam stays visible and small."""

from __future__ import annotations

from service.tickets.deadlines import due_times
from service.tickets.flows import (
    add_note,
    claim_ticket,
    mark_complex,
    may_send_to,
    merge_ticket,
    resolve_ticket,
    transfer_ticket,
)
from service.tickets.stats import (
    Figures,
    Scope,
    cached_figures,
    compute_figures,
    scope_groups,
    scope_people,
)

__all__ = [
    "Figures",
    "Scope",
    "add_note",
    "cached_figures",
    "claim_ticket",
    "compute_figures",
    "due_times",
    "mark_complex",
    "may_send_to",
    "merge_ticket",
    "resolve_ticket",
    "scope_groups",
    "scope_people",
    "transfer_ticket",
]
