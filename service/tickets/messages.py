"""What the bot says about tickets: short, polite Chinese."""

from __future__ import annotations

from service.models import Ticket
from service.tickets.routing import Place
from service.understanding.model import CATEGORY_LABELS_ZH

QUOTE_LIMIT = 200


def title(ticket: Ticket) -> str:
    return ticket.summary or ticket.subcategory or CATEGORY_LABELS_ZH.get(ticket.category, "诉求")


def place_of(ticket: Ticket) -> Place:
    return Place(ticket.building, ticket.unit, ticket.room)


def quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + "…（全文见工单）"


def kind_label(ticket: Ticket) -> str:
    label = CATEGORY_LABELS_ZH.get(ticket.category, ticket.category)
    return f"{label}·{ticket.subcategory}" if ticket.subcategory else label


def acknowledgement(ticket: Ticket) -> str:
    return (
        f"已收到您反映的问题（工单 #{ticket.id}：{title(ticket)}，{place_of(ticket).label()}），"
        f"已转{ticket.assigned_group}处理。"
    )


def new_ticket_notice(ticket: Ticket) -> str:
    head = "【紧急工单" if ticket.emergency else "【新工单"
    source = ticket.source_group or "私聊"
    return "\n".join(
        [
            f"{head} #{ticket.id}】{kind_label(ticket)}",
            f"地点：{place_of(ticket).label()}",
            f"居民原话：{quote(ticket.text)}",
            f"反映人：{ticket.reporter_name}（{source}）",
            f"办结后请回复：#{ticket.id} 已处理 处理说明",
        ]
    )


def emergency_alert(ticket: Ticket) -> str:
    return (
        f"【紧急】工单 #{ticket.id}：{title(ticket)}，{place_of(ticket).label()}。"
        f"已转{ticket.assigned_group}，请值班人员立即跟进。"
    )


def resolved_in_group(ticket: Ticket) -> str:
    return f"工单 #{ticket.id} 已办结（{ticket.resolved_by}）：{ticket.resolution_note}"


def resolved_to_resident(ticket: Ticket) -> str:
    return (
        f"您反映的问题（工单 #{ticket.id}：{title(ticket)}）已处理：{ticket.resolution_note}。"
        "感谢您的反映！"
    )
