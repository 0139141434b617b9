"""党员包户 visits in chat (issue #15): a member reports `走访 3-2-501 一切正常` or
`走访 3-2-501 需要帮助 冬天暖气不热` (also 走访3-2-501, 3号楼2单元501, 已走访, 看望 …; the
words are config/households.yaml `words`). In everyday words (`今天去看了1-1-302，一切都好`) a
visit is logged only from the household's member or staff, so residents' reports stay reports.
The domain is service/visits."""

from __future__ import annotations

from bot import commands
from bot.context import Context
from service.errors import InvalidInput
from service.members import registration
from service.outbox import Notice
from service.tickets import flows as ticket_flows
from service.understanding import Classifier
from service.visits import flows, messages
from service.visits.config import HouseholdsConfig, current_households


class VisitHandler:
    def __init__(self, classifier: Classifier) -> None:
        self._classifier = classifier

    def _default_subcategory(self, category: str) -> str | None:
        found = self._classifier.lexicon.categories.get(category)
        return found.default_subcategory if found is not None else None

    @staticmethod
    def _logs_loose_visit(
        ctx: Context, config: HouseholdsConfig, said: flows.VisitSaid, member: str | None
    ) -> bool:
        """A visit in everyday words: from staff or the household's member, naming a listed
        household, and no ticket command (`#3 已处理 上门看了3-2-501`)."""
        if member is None or commands.parse(ctx.text, ctx.community.words) is not None:
            return False
        found = config.find(said.building, said.unit, said.room)
        return bool(found) and (
            ctx.actor.person is not None or any(h.member == member for h in found)
        )

    def __call__(self, ctx: Context) -> list[Notice] | None:
        config = current_households(ctx.community)
        said = flows.read_visit(ctx.text, config)
        if said is None:
            return None
        member = registration.member_name_of(ctx.session, ctx.community, ctx.actor)
        if said.loose and not self._logs_loose_visit(ctx, config, said, member):
            return None  # 我看了，3-1-201家漏水了: a report, or a ticket command, not a visit
        if member is None and (said.building is None or said.room is None):
            return None  # 看望3号楼的独居老人: a resident's words, not a visit report
        if member is None and self._classifier.classify(ctx.text).is_request:
            return None  # 看了5-2-201家漏水了 from a resident: a report
        if said.building is None:
            raise InvalidInput("a visit without a place", messages.VISIT_HELP)
        logged = flows.log_visit(
            ctx.session,
            ctx.community,
            config,
            ctx.actor,
            said,
            ctx.room_id,
            ctx.group,
            self._classifier.classify,
            self._default_subcategory,
            ctx.now,
        )
        zone = ctx.community.zone
        discreet = ctx.group is not None and not ctx.group.is_staff_group
        if logged.ticket is None:
            reply = messages.visit_logged(logged.household, logged.next_due, zone, discreet)
        else:
            reply = messages.visit_with_ticket(
                logged.household,
                logged.ticket.id,
                logged.ticket.assigned_group,
                logged.next_due,
                zone,
                ticket_flows.held_until_morning(ctx.community, logged.ticket, ctx.now),
                discreet,
            )
        return [ctx.reply(reply), *logged.notices]
