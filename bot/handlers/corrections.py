"""Staff corrections of a reading in chat: `#12 改类 矛盾调处`, `#12 非紧急`, `#12 紧急`,
`#12 非诉求`. The words are rows of config/commands.yaml (verbs recategorise, not_emergency,
emergency, not_request); bot/handlers/ticket_commands.py dispatches them here. The domain flow
is service/tickets/corrections.py, which the ticket page calls too."""

from __future__ import annotations

from collections.abc import Callable

from bot.context import Context
from service.outbox import Notice
from service.tickets import corrections
from service.understanding import Classifier


def _correct(kind: str) -> Callable[[Context, int, str], list[Notice]]:
    def handle(ctx: Context, ticket_id: int, arg: str) -> list[Notice]:
        classifier = Classifier.default()
        reading = (
            corrections.parse_reading(classifier, arg) if kind == corrections.RECATEGORISE else None
        )
        outcome = corrections.correct_reading(
            ctx.session,
            ctx.community,
            classifier,
            ticket_id,
            ctx.actor,
            kind,
            ctx.now,
            reading,
            said=arg,
        )
        return outcome.notices

    return handle


# Verb of config/commands.yaml → handler, merged into ticket_commands.VERB_HANDLERS.
VERB_HANDLERS = {
    "recategorise": _correct(corrections.RECATEGORISE),
    "not_emergency": _correct(corrections.NOT_EMERGENCY),
    "emergency": _correct(corrections.EMERGENCY),
    "not_request": _correct(corrections.NOT_REQUEST),
}
