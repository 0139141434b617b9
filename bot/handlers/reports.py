"""Residents' messages: requests become tickets, chatter stays silent, and an answer to
`请问是几号楼几单元？` completes the ticket that asked it."""

from __future__ import annotations

from dataclasses import replace

from bot import commands
from bot.context import Context
from bot.handlers import events
from service.members import posts
from service.outbox import Notice
from service.tickets import flows
from service.understanding import Classifier
from service.understanding.model import POSSIBLE_EMERGENCY
from service.visits import flows as visit_flows
from service.visits.config import current_households


class ReportHandler:
    def __init__(self, classifier: Classifier) -> None:
        self._classifier = classifier

    def __call__(self, ctx: Context) -> list[Notice] | None:
        # Staff groups are for staff talk; only resident groups and private chats open tickets.
        if ctx.group is not None and ctx.group.is_staff_group:
            return None
        command = commands.parse(ctx.text, ctx.community.words)
        split = (isinstance(command, commands.WordCommand) and command.verb == "split") or (
            isinstance(command, commands.TicketCommand) and command.verb == "split"
        )
        if split and isinstance(command, commands.WordCommand | commands.TicketCommand):
            report = flows.Report(ctx.text, ctx.actor, ctx.room_id, ctx.group)
            return flows.split_follower(
                ctx.session,
                ctx.community,
                command.ticket_id,
                report,
                self._classifier.classify,
                ctx.now,
            ).notices
        notices: list[Notice] = []
        question = flows.pending_place_question(ctx.session, ctx.room_id, ctx.actor.id)
        if question is not None:
            if question.expires_at > ctx.now:
                understanding = self._classifier.classify(ctx.text)
                return flows.answer_place(
                    ctx.session, ctx.community, question, ctx.actor, understanding, ctx.now
                ).notices
            notices += flows.expire_place_questions(ctx.session, ctx.community, ctx.now)
        understanding = self._classifier.classify(ctx.text)
        asked_of = events.question_for_staff(ctx)
        if asked_of is not None and ctx.community.words.event_question:
            # "明天大扫除要自己带扫把吗": a question for staff about an event (day 42 SR18), a
            # ticket of its own whatever the words read as; said with a sign-up, the sender is
            # signed up too (day 51 R23).
            notices += events.signed_up_with_question(ctx, asked_of)
            asked_category, asked_subcategory = ctx.community.words.event_question.ticket
            understanding = replace(
                understanding,
                category=asked_category,
                subcategory=asked_subcategory,
                emergency=False,
                emergency_level=None,
                summary=ctx.community.words.asking_clause(ctx.text),
                # the event's name is no problem word: "联欢会要自己带凳子吗" is not the same
                # question as "联欢会…我们舞蹈队能出个节目不"
                keywords=tuple(k for k in understanding.keywords if k not in asked_of.title),
            )
            report = flows.Report(ctx.text, ctx.actor, ctx.room_id, ctx.group)
            return (
                notices
                + flows.open_ticket(
                    ctx.session, ctx.community, report, understanding, ctx.now
                ).notices
            )
        if understanding.is_advert:
            # "学生意外险+住院医疗仅需9.9元 有需要的私聊我": chatter, whatever over words it holds
            # (住院 of someone taken ill), never news of a live danger (day 37 R05)
            return notices or None
        if (
            understanding.emergency_level == POSSIBLE_EMERGENCY
            and ctx.community.words.sign_up_kind(ctx.text) == "always"
        ):
            # "我和我家老头子都去": a sign-up (none open here), not a danger read from word
            # statistics alone.
            return notices or None
        report = flows.Report(
            text=ctx.text, reporter=ctx.actor, room_id=ctx.room_id, group=ctx.group
        )
        category = self._classifier.lexicon.categories.get(understanding.category)
        names_no_thing = category is None or understanding.subcategory in (
            None,
            category.default_subcategory,
        )
        worse = flows.emergency_getting_worse(
            ctx.session, ctx.community, report, understanding, ctx.now
        )
        if worse is not None:
            return notices + worse.notices
        # "5号楼王奶奶我刚在东门公交站那看见了 穿个红外套" from someone whose own ticket (the
        # signboard at the gate) is open: a lead for the search, never word of his ticket (day
        # 45 R47)
        # (read as a possible danger by word statistics alone, it need not point at the one
        # searched for: it names them)
        told = understanding.is_request and understanding.emergency_level != POSSIBLE_EMERGENCY
        seen = flows.sighting_of_search(ctx.session, ctx.community, report, ctx.now, pointed=told)
        if seen is not None:
            return notices + seen.notices
        full_page = understanding.emergency and understanding.emergency_level != POSSIBLE_EMERGENCY
        if not full_page and any(
            w in report.text for w in ctx.community.policy.duplicates.heard_too_words
        ):
            # "我也听见了 车库那边喇叭一直在响 像是出事了" two minutes after the crash in the
            # garage was paged, from a resident with a noise ticket open: word of the crash,
            # never of the noise, however it was read short of a full page (day 64 R089)
            witness = flows.word_of_shared_place_danger(
                ctx.session, ctx.community, report, ctx.now, me_too=True
            )
            if witness is not None:
                return notices + witness.notices
        chase = flows.chase_own_ticket(
            ctx.session, ctx.community, report, understanding, names_no_thing, ctx.now
        )
        if chase is not None:
            return notices + chase.notices
        more = flows.more_of_own_live_danger(
            ctx.session, ctx.community, report, understanding, names_no_thing, ctx.now
        )
        if more is not None:
            return notices + more.notices
        # "还是不行 晚上又往上冒了" right after the fix of their drain: 不满意 of it, reopened.
        broken = flows.still_broken_after_fix(
            ctx.session, ctx.community, report, understanding, names_no_thing, ctx.now
        )
        if broken is not None:
            return notices + broken.notices
        raised = flows.danger_on_own_ticket(
            ctx.session, ctx.community, report, understanding, ctx.now
        )
        if raised is not None:
            return notices + raised.notices
        # A possible emergency read from word statistics alone, naming no danger, may be word of
        # the building's live emergency ("刚才好像看见一个穿蓝校服的小孩…" after the missing boy).
        guessed = understanding.emergency_level == POSSIBLE_EMERGENCY and names_no_thing
        if not understanding.is_request or guessed:
            # "小区门口保安说没看到他出去" from the missing boy's mother: a lead for the search
            news = (
                flows.news_of_own_search(ctx.session, ctx.community, report, ctx.now)
                if not understanding.is_request
                else None
            )
            # "张大妈家老爷子我刚在东门…看见了", "刚在东门奶茶店门口看到一个穿奥特曼衣服的小男孩
            # 在哭" (read as a possible danger; day 31 R72): a neighbour's lead for the search
            news = news or flows.sighting_of_search(ctx.session, ctx.community, report, ctx.now)
            if news is not None:
                return notices + news.notices
        if not understanding.is_request or guessed:
            witness = flows.join_live_emergency(
                ctx.session, ctx.community, report, ctx.now, guessed=guessed
            ) or flows.word_of_shared_place_danger(ctx.session, ctx.community, report, ctx.now)
            if witness is not None:
                return notices + witness.notices
            if not understanding.is_request:
                # "补充一下 我家是2单元402": only where, soon after their own ticket (news of
                # it, and word of a live danger, went where it belongs above)
                placed = flows.place_added_to_own_ticket(
                    ctx.session, ctx.community, report, understanding, ctx.now
                )
                if placed is not None:
                    return notices + placed.notices
                named = flows.news_of_named_person(
                    ctx.session, ctx.community, report, understanding, ctx.now
                )
                if named is not None:
                    return notices + named.notices
                # "12345打了半天没人接 烧烤摊你们社区就真不管了？" after the barbecue noise was
                # found not ours: heard on that ticket by its group, never silence (day 43 SR14)
                complaint = flows.complaint_of_not_ours(ctx.session, ctx.community, report, ctx.now)
                if complaint is not None:
                    return notices + complaint.notices
                again = flows.question_asked_again(ctx.session, ctx.community, report)
                if again is not None:
                    return notices + again.notices
                second = flows.second_voice(ctx.session, ctx.community, report, ctx.now)
                return notices + second.notices if second is not None else notices or None
        lead_kinds = ctx.community.policy.duplicates.lead_kinds
        if (
            understanding.emergency and understanding.subcategory in lead_kinds
        ) or understanding.is_request:
            # "刚在南门公交站看见3号楼走丢的那个大爷了" read as a missing person, "5号楼何家孩子
            # 是不是戴眼镜的 我刚在菜场门口看见一个小孩在看人放鞭炮" read as a noise complaint: the
            # one searched for, pointed at, is a lead for that search, not a page nor a ticket.
            seen = flows.sighting_of_search(
                ctx.session, ctx.community, report, ctx.now, pointed=True
            )
            if seen is not None:
                return notices + seen.notices
        # A neighbour at the scene of the building's live emergency ("我是楼上201的 下去帮她了
        # … 已经打了120"): word of it, not a new ticket nor page (day 19 R97, R100).
        witness = flows.join_live_emergency(
            ctx.session, ctx.community, report, ctx.now, understanding=understanding
        )
        if witness is not None:
            return notices + witness.notices
        outcome = flows.open_ticket(ctx.session, ctx.community, report, understanding, ctx.now)
        posted = posts.ticket_notices(ctx.session, ctx.community, outcome.ticket, ctx.now)
        posted += visit_flows.care_ticket_notices(
            ctx.session, ctx.community, current_households(ctx.community), outcome.ticket, ctx.now
        )
        return notices + outcome.notices + posted
