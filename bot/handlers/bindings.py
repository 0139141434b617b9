"""Admins bind a chat room to a configured group from inside it: `绑定 3号楼 居民群`, `解绑`."""

from __future__ import annotations

import re

from bot.commands import normalise
from bot.context import Context
from service.community import Community, Group
from service.community.rooms import bind_room, unbind_room
from service.errors import InvalidInput, NotPermitted
from service.outbox import Notice

_BIND = re.compile(r"^绑定\s*(?P<what>.+)$")
USAGE = "请这样写：绑定 3号楼 居民群、绑定 3号楼 党小组、绑定 第一网格、绑定 社区、绑定 物业"


def handle(ctx: Context) -> list[Notice] | None:
    text = normalise(ctx.text)
    if text not in {"解绑", "解除绑定"} and not _BIND.match(text):
        return None
    if ctx.is_private:
        raise InvalidInput("binding attempted in a private chat", "请在要绑定的群里发送这条指令。")
    person = ctx.actor.person
    if person is None or "admin" not in person.roles:
        raise NotPermitted(
            f"{ctx.actor.id} is not an admin", "抱歉，只有社区管理员可以绑定或解绑群。"
        )
    if text in {"解绑", "解除绑定"}:
        if not unbind_room(ctx.session, ctx.room_id, ctx.actor.name, ctx.now):
            return [ctx.reply("本群还没有绑定。")]
        return [ctx.reply("已解除本群的绑定，之后本群的消息不再处理。")]
    match = _BIND.match(text)
    assert match is not None
    group = target_group(ctx.community, match["what"])
    bind_room(ctx.session, ctx.room_id, group.name, ctx.actor.name, ctx.now)
    return [ctx.reply(f"已将本群绑定为“{group.name}”。")]


def target_group(community: Community, what: str) -> Group:
    group = community.find_group(what)
    if group is None:
        raise InvalidInput(f"no configured group matches {what!r}", f"找不到“{what}”。{USAGE}")
    return group
