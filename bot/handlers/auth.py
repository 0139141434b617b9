"""`认证 CODE`: a configured person binds their WeChat contact to their name, privately."""

from __future__ import annotations

import re

from bot.commands import normalise
from bot.context import Context
from service import attempts, identity
from service.errors import InvalidInput
from service.outbox import Notice

_AUTH = re.compile(r"^认证\s*[:：]?\s*(?P<code>[A-Za-z0-9\- ]{0,40})$")

IN_GROUP_REPLY = "认证码请私聊发给我，不要发在群里。这个认证码已作废，请联系管理员重新获取。"
MISSING_CODE_REPLY = "请发送：认证 认证码，例如：认证 ABCD2345"
TOO_MANY_REPLY = (
    "认证码输错的次数太多了，为了安全，请 {wait}后再试。如果认证码丢了，请联系社区管理员重新获取。"
)


def handle(ctx: Context) -> list[Notice] | None:
    match = _AUTH.match(normalise(ctx.text))
    if match is None:
        return None
    code = match["code"].strip()
    if not ctx.is_private:
        # Everyone in the group has now seen the code: spoil it before anybody else uses it.
        if code:
            identity.revoke_code(ctx.session, code)
        return [ctx.reply(IN_GROUP_REPLY)]
    if not code:
        return [ctx.reply(MISSING_CODE_REPLY)]
    limits = identity.code_limits(ctx.message.sender_id, ctx.room_id)
    wait = attempts.admit(ctx.session, limits, ctx.now)
    if wait is not None:
        return [ctx.reply(TOO_MANY_REPLY.format(wait=attempts.wait_zh(wait, ctx.now)))]
    try:
        with ctx.session.begin_nested():  # a wrong code rolls back only itself, not the count
            person = identity.redeem_code(
                ctx.session, ctx.community, code, ctx.message.sender_id, ctx.now
            )
    except InvalidInput as exc:
        attempts.failed(ctx.session, limits, ctx.now)
        return [ctx.reply(exc.user_message)]
    sender, room = limits
    attempts.succeeded(ctx.session, cleared=[sender], given_back=[room], now=ctx.now)
    return [ctx.reply(f"认证成功，您好，{person.name}！今后您在群里回复工单指令即可直接处理。")]
