"""Who still owes a rating on a resolved ticket: one definition for the flows and the wording.

Every resident of a ticket (its reporter, and each resident who joined it as the same problem)
rates the latest resolution for themselves. A resolution clears the earlier answers
(they stay in the audit trail), so "rated" means rated since the ticket was last resolved."""

from __future__ import annotations

from service.models import Ticket, TicketFollower


def reporter_has_rated(ticket: Ticket) -> bool:
    return ticket.rated_at is not None


def follower_has_rated(follower: TicketFollower) -> bool:
    return follower.rated_at is not None


def residents_waiting(ticket: Ticket) -> int:
    """How many residents of the ticket have not rated its latest resolution."""
    return (not reporter_has_rated(ticket)) + sum(
        not follower_has_rated(f) for f in ticket.followers
    )


def everyone_rated(ticket: Ticket) -> bool:
    return residents_waiting(ticket) == 0


def clear_for_new_resolution(ticket: Ticket) -> None:
    """A new resolution asks everyone again; the reporter's last verdict stays in
    `ticket.rating` (the figures read it) until they answer again."""
    ticket.rated_at = None
    for follower in ticket.followers:
        follower.rated_at = None
        follower.rating = None
