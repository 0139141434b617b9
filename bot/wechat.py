"""The WeChat gateway: python-wechaty and a Wechaty puppet service. The only module (with
bot/wechaty_compat.py, which holds python-wechaty's fixes) that knows wechaty.

How python-wechaty 0.10.7 behaves, and what this module does about it:
- `Wechaty.start()` swallows every error (a wrong token is printed and start() returns; a lost
  connection sleeps 60 s and restarts itself, swallowing a cancel). So the gateway runs the same
  steps itself (`init_puppet`, `init_puppet_event_bridge`, `puppet.start()`), checks the service
  first with `probe_service` (wrong token or unreachable endpoint: `GatewayFatal`, a clear error
  and a non-zero exit), and retries a lost connection with exponential backoff, logged.
- Stopping cancels the connection task before `bot.stop()`.
- Token and endpoint are always passed explicitly, so the library's silent fallback to plain
  `TOKEN` / `ENDPOINT` environment variables never applies. It speaks plaintext gRPC only (the
  service must run with TLS disabled) and sends the token as the `:authority` header.
- Its plugin web server checks that its port (5000 by default) is free; the gateway gives it a
  free port. Its cache lives under data/ (see wechaty_compat).
- Its `login` event fires once per connection, so login/logout are taken from the puppet.
- The bot receives its own sent messages as events: they are ignored.
- Messages are handled (database work and classification) in one worker thread, in arrival
  order, so the event loop keeps sending and heart-beating meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import re
import socket
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session, sessionmaker

from bot.gateway import DeliveryError, GatewayUnavailable, RateLimited
from bot.messages import DIRECT_PREFIX, InboundMessage, MessageKind, OutboundMessage
from bot.pacing import Sleep
from bot.wechaty_compat import (
    AT_SEPARATOR,
    Channel,
    GRPCError,
    GrpcStatus,
    Message,
    MessageType,
    Puppet,
    PuppetOptions,
    PuppetStub,
    QuietScheduler,
    Wechaty,
    WechatyOptions,
    mark_own,
    new_wechaty,
)
from service.clock import Clock
from service.db import transaction
from service.delivery import GatewayState, record_gateway_state

log = logging.getLogger(__name__)

GATEWAY_NAME = "wechat"

_KINDS: dict[int, MessageKind] = {
    int(MessageType.MESSAGE_TYPE_TEXT): "text",
    int(MessageType.MESSAGE_TYPE_AUDIO): "voice",
    int(MessageType.MESSAGE_TYPE_IMAGE): "image",
    int(MessageType.MESSAGE_TYPE_EMOTICON): "image",
    int(MessageType.MESSAGE_TYPE_VIDEO): "video",
    int(MessageType.MESSAGE_TYPE_ATTACHMENT): "file",
    int(MessageType.MESSAGE_TYPE_URL): "link",
    int(MessageType.MESSAGE_TYPE_MINI_PROGRAM): "mini_program",
}


RoomInfo = tuple[str, str | None, tuple[str, ...]]  # room id, topic, member contact ids


def _members(room: Any) -> tuple[str, ...]:
    payload = getattr(room, "payload", None) if room is not None else None
    return tuple(getattr(payload, "member_ids", None) or ())


class GatewayFatal(Exception):
    """The puppet service cannot be used at all (wrong token, unreachable): do not retry."""


def endpoint_address(endpoint: str) -> tuple[str, int]:
    url = endpoint if "://" in endpoint else f"http://{endpoint}"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise GatewayFatal(f"invalid puppet service endpoint {endpoint!r}: {exc}") from exc
    if not parts.hostname or port is None:
        raise GatewayFatal(f"puppet service endpoint {endpoint!r} must be HOST:PORT")
    return parts.hostname, port


async def probe_service(endpoint: str, token: str, timeout: float = 10.0) -> None:
    """Ask the puppet service for its version the way python-wechaty connects (plaintext gRPC,
    token as :authority). Raises GatewayFatal when it is unreachable or refuses the token."""
    host, port = endpoint_address(endpoint)
    channel = Channel(host=host, port=port)
    channel._authority = token  # what python-wechaty does: the service reads the token here
    try:
        await asyncio.wait_for(PuppetStub(channel).version(), timeout)
    except GRPCError as exc:
        if exc.status == GrpcStatus.UNAUTHENTICATED:
            raise GatewayFatal(
                f"the puppet service at {endpoint} rejected the token: {exc.message}"
            ) from exc
        log.debug("puppet service answered version() with %s; it is reachable", exc.status)
    except (OSError, TimeoutError) as exc:
        raise GatewayFatal(
            f"cannot reach the puppet service at {endpoint} ({type(exc).__name__}: {exc}); "
            "is it running, with TLS disabled?"
        ) from exc
    finally:
        channel.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def service_bot(token: str, endpoint: str) -> Wechaty:
    """A Wechaty for a puppet service, with everything the library would guess made explicit."""
    options = WechatyOptions(
        puppet="wechaty-puppet-service",
        puppet_options=PuppetOptions(token=token, end_point=endpoint),
        host="127.0.0.1",
        port=free_port(),
        scheduler=QuietScheduler(),
    )
    return new_wechaty(options)


def puppet_bot(puppet: Puppet) -> Wechaty:
    """A Wechaty around a given puppet (tests use a FakePuppet)."""
    options = WechatyOptions(
        puppet=puppet,
        puppet_options=PuppetOptions(),
        host="127.0.0.1",
        port=free_port(),
        scheduler=QuietScheduler(),
    )
    return new_wechaty(options)


def strip_mention(text: str, name: str) -> str:
    """Remove `@name` (followed by WeChat's U+2005 space, a space or the end) from text."""
    if not name:
        return text
    return re.sub(rf"@{re.escape(name)}(?:\u2005|\s|$)", "", text).strip()


def sent_at(timestamp: float | int | None) -> datetime | None:
    """Puppets give seconds or milliseconds; 0 means unknown."""
    if not timestamp:
        return None
    seconds = timestamp / 1000 if timestamp > 2_145_888_000 else timestamp
    return datetime.fromtimestamp(seconds, UTC)


class WechatGateway:
    """Receives WeChat messages for `handle` and sends outbox messages; tracks login state."""

    def __init__(
        self,
        bot: Wechaty,
        factory: sessionmaker[Session],
        clock: Clock,
        handle: Callable[[InboundMessage], None],
        *,
        max_age: timedelta = timedelta(minutes=10),
        on_ready: Callable[[], None] = lambda: None,
        on_handled: Callable[[], None] = lambda: None,
        on_rooms: Callable[[list[RoomInfo]], None] = lambda rooms: None,
        sleep: Sleep = asyncio.sleep,
        retry_first: float = 1.0,
        retry_cap: float = 60.0,
    ) -> None:
        self._bot = bot
        self._factory = factory
        self._clock = clock
        self._handle = handle
        self._max_age = max_age
        self._on_ready = on_ready
        self._on_handled = on_handled
        self._inbound = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wechat-inbound")
        self._on_rooms = on_rooms
        self._sleep = sleep
        self._retry_first = retry_first
        self._retry_cap = retry_cap
        self._delay = retry_first
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._accepted = False
        self._cutoff = clock.now() - max_age
        self.logged_in = False
        self.self_id: str | None = None
        self.self_name = ""
        self.login_event = asyncio.Event()
        bot.on("message", self._on_message)

    # -- connection ------------------------------------------------------------------------

    def start(self) -> asyncio.Task[None]:
        self._task = asyncio.create_task(self.run(), name="wechat-connection")
        return self._task

    async def stop(self) -> None:
        """Cancel the connection task first, then stop the bot (the other order hangs)."""
        self._stopping = True
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with suppress(asyncio.CancelledError, GatewayFatal):
                await self._task
        with suppress(Exception):
            await self._bot.stop()
        self._inbound.shutdown(wait=False, cancel_futures=True)
        self.logged_in = False
        self._record("stopped")

    async def run(self) -> None:
        """Stay connected until cancelled; reconnect with backoff when the connection drops."""
        while not self._stopping:
            self._record("connecting")
            try:
                await self._bot.init_puppet()
                await self._bot.init_puppet_event_bridge(self._bot.puppet)
                self._watch(self._bot.puppet)
                await self._bot.puppet.start()
                reason = "the event stream ended"
            except GRPCError as exc:
                if exc.status == GrpcStatus.UNAUTHENTICATED:
                    self._record("failed", detail=f"token rejected: {exc.message}")
                    raise GatewayFatal(
                        f"the puppet service rejected the token: {exc.message}"
                    ) from exc
                reason = f"gRPC {exc.status.name}: {exc.message}"
            except Exception as exc:
                reason = f"{type(exc).__name__}: {exc}"
            self.logged_in = False
            if self._stopping:
                return
            log.warning("WeChat connection lost (%s); reconnecting in %.0f s", reason, self._delay)
            self._record("reconnecting", detail=reason)
            with suppress(Exception):
                await self._bot.puppet.stop()
            await self._sleep(self._delay)
            self._delay = min(self._delay * 2, self._retry_cap)

    def _watch(self, puppet: Puppet) -> None:
        puppet.on("login", self._on_login)
        puppet.on("logout", self._on_logout)
        send_text = puppet.message_send_text

        async def witnessed_send_text(*args: Any, **kwargs: Any) -> Any:
            result = await send_text(*args, **kwargs)
            self._accepted = True
            return result

        if not getattr(send_text, "_hongqiao_witness", False):
            witnessed_send_text._hongqiao_witness = True  # type: ignore[attr-defined]
            puppet.message_send_text = witnessed_send_text

    async def _on_login(self, payload: Any) -> None:
        contact_id = str(payload.contact_id)
        self.self_id = contact_id
        try:
            me = self._bot.Contact.load(contact_id)
            await me.ready()
            self.self_name = me.name or ""
        except Exception:
            log.exception("could not load the logged-in contact %s", contact_id)
        self.logged_in = True
        self._delay = self._retry_first
        self._cutoff = self._clock.now() - self._max_age
        log.info("WeChat logged in as %s (%s); delivery resumes", self.self_name, contact_id)
        self._record("logged_in", account=self.self_name or contact_id)
        self.login_event.set()
        await self._announce_rooms()
        self._on_ready()

    async def _announce_rooms(self) -> None:
        """Tell the bot which rooms the account is in, so configured ones bind by topic now."""
        rooms: list[RoomInfo] = []
        try:
            for room_id in await self._bot.puppet.room_list():
                room = self._bot.Room.load(room_id)
                await room.ready()
                topic = room.payload.topic if room.payload else None
                rooms.append((room_id, topic, _members(room)))
        except Exception:
            log.exception("could not list the account's rooms")
        self._on_rooms(rooms)

    async def _on_logout(self, payload: Any) -> None:
        self.logged_in = False
        self.login_event.clear()
        detail = str(getattr(payload, "data", "") or "logged out")
        log.error(
            "WECHAT LOGGED OUT (%s, %s): nothing can be sent until the account logs in again",
            self.self_name,
            detail,
        )
        self._record("logged_out", detail=detail)

    def _record(
        self, state: GatewayState, account: str | None = None, detail: str | None = None
    ) -> None:
        try:
            with transaction(self._factory) as session:
                record_gateway_state(
                    session, GATEWAY_NAME, state, self._clock.now(), account, detail
                )
        except Exception:
            log.exception("could not record gateway state %s", state)

    # -- inbound ---------------------------------------------------------------------------

    async def _on_message(self, msg: Message) -> None:
        try:
            inbound = await self.to_inbound(msg)
        except Exception:
            log.exception("could not read WeChat message %s", getattr(msg, "message_id", "?"))
            return
        if inbound is None:
            return
        try:
            await asyncio.get_running_loop().run_in_executor(self._inbound, self._handle, inbound)
        except Exception:
            log.exception("could not handle WeChat message %s", inbound.message_id)
            return
        self._on_handled()

    async def to_inbound(self, msg: Message) -> InboundMessage | None:
        payload = msg.payload
        talker = msg.talker()
        if talker is None or talker.contact_id == self.self_id:
            return None  # the bot's own message, echoed back
        when = sent_at(payload.timestamp)
        if when is not None and when < self._cutoff:
            log.info(
                "ignoring message %s sent %s, before the start-up window", msg.message_id, when
            )
            return None
        room = msg.room()
        kind = _KINDS.get(int(msg.type()), "other")
        text = msg.text() or ""
        if kind == "text":
            text = strip_mention(text, self.self_name)
        return InboundMessage(
            message_id=msg.message_id,
            sender_id=talker.contact_id,
            sender_name=talker.name or talker.contact_id,
            text=text,
            room_id=room.room_id if room is not None else None,
            room_topic=(await room.topic()) if room is not None else None,
            kind=kind,
            room_members=_members(room),
        )

    # -- outbound --------------------------------------------------------------------------

    async def send(self, message: OutboundMessage) -> None:
        if not self.logged_in:
            raise GatewayUnavailable("WeChat is not logged in")
        self._accepted = False
        try:
            await self._say(message)
        except GRPCError as exc:
            if self._accepted:
                log.warning(
                    "sent to %s, but its echo could not be loaded: %s", message.room_id, exc
                )
                return
            if exc.status == GrpcStatus.RESOURCE_EXHAUSTED:
                raise RateLimited(f"puppet service: {exc.message}") from exc
            if exc.status in (GrpcStatus.UNAVAILABLE, GrpcStatus.UNAUTHENTICATED):
                raise GatewayUnavailable(f"puppet service: {exc.status.name}") from exc
            raise DeliveryError(f"gRPC {exc.status.name}: {exc.message}") from exc
        except Exception as exc:
            if self._accepted:
                log.warning(
                    "sent to %s, but its echo could not be loaded: %s", message.room_id, exc
                )
                return
            raise DeliveryError(f"{type(exc).__name__}: {exc}") from exc

    async def _say(self, message: OutboundMessage) -> None:
        """Through the puppet directly: wechaty's `say` loads every sent message back (a
        message_payload call per send) and lists the room's members for every send."""
        if message.room_id.startswith(DIRECT_PREFIX):
            await self._send_text(message.room_id.removeprefix(DIRECT_PREFIX), message.text)
            return
        if not message.mentions:
            await self._send_text(message.room_id, message.text)
            return
        room = self._bot.Room.load(message.room_id)
        await room.ready()
        members = set(room.payload.member_ids or [])
        if any(m.id not in members for m in message.mentions):
            # Some puppets list members only in the room payload, some only via room_members().
            members.update(await self._bot.puppet.room_members(message.room_id))
        # Only members can be @mentioned; anyone else (say, staff not bound yet) is named.
        named = "".join(f"@{m.name} " for m in message.mentions if m.id not in members)
        ids = [m.id for m in message.mentions if m.id in members]
        text = named + message.text
        if ids:
            # As wechaty's Room.say writes a mention: each member's WeChat name, then the text.
            names = []
            for contact_id in ids:
                contact = self._bot.Contact.load(contact_id)
                await contact.ready()
                names.append(f"@{contact.name}")
            text = f"{AT_SEPARATOR.join(names)} {text}"
        await self._send_text(message.room_id, text, ids)

    async def _send_text(
        self, conversation_id: str, text: str, mention_ids: list[str] | None = None
    ) -> None:
        message_id = await self._bot.puppet.message_send_text(
            conversation_id=conversation_id, message=text, mention_ids=mention_ids or None
        )
        if message_id:
            mark_own(str(message_id))
