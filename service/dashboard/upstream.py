"""The ticket operations and figures the dashboard builds on, from one place.

They live in the ticket domain (service/tickets: flows, stats, deadlines); the dashboard, the
API and Open311 import them from here so the seam stays visible and small."""

from __future__ import annotations

from service.community import Community
from service.tickets.deadlines import due_times
from service.tickets.flows import (
    add_note,
    claim_ticket,
    mark_complex,
    merge_ticket,
    resolve_ticket,
    transfer_ticket,
)
from service.tickets.stats import Figures, Scope, cached_figures, compute_figures

__all__ = [
    "Figures",
    "Scope",
    "add_note",
    "cached_figures",
    "claim_ticket",
    "compute_figures",
    "due_times",
    "mark_complex",
    "merge_ticket",
    "resolve_ticket",
    "scope_groups",
    "scope_people",
    "transfer_ticket",
]


def scope_groups(community: Community, scope: Scope) -> tuple[set[str], set[str]]:
    """(building numbers as text, group names) a scope covers; empty sets for the community.

    A ticket belongs to a grid by its building, or by the group now handling it (a ticket with
    no building can still sit with a grid's or a building's group)."""
    if scope.kind == "community":
        return set(), set()
    buildings = set(scope.buildings(community) or [])
    groups = {g.name for g in community.groups if str(g.building) in buildings}
    if scope.kind == "grid":
        groups |= {g.group for g in community.grids if g.number == scope.number}
    return buildings, groups


def scope_people(community: Community, scope: Scope) -> set[str] | None:
    """Configured people wholly within a scope (None: everyone): those whose every group (as
    leader or member) is one of the scope's groups. 王书记 sits in grid groups too, but also in
    the community group, so a grid's scope does not hold him."""
    if scope.kind == "community":
        return None
    _, groups = scope_groups(community, scope)
    belongs: dict[str, set[str]] = {}
    for group in community.groups:
        for name in {*group.members, *([group.leader] if group.leader else [])}:
            belongs.setdefault(name, set()).add(group.name)
    return {name for name, theirs in belongs.items() if theirs <= groups}
