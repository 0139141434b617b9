"""Message handlers, tried in order; the first that returns a list of notices wins.

A handler returns None when the message is not for it. Add new chat features here."""

from __future__ import annotations

from collections.abc import Callable

from bot.context import Context
from bot.handlers import auth, reports, ticket_commands
from service.outbox import Notice
from service.understanding import Classifier

Handler = Callable[[Context], list[Notice] | None]


def default_handlers(classifier: Classifier) -> list[Handler]:
    return [
        auth.handle,
        ticket_commands.handle,
        reports.ReportHandler(classifier),
    ]
