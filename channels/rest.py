"""The REST channel (POST /webhooks/rest/webhook): never silent, strict about what it takes.

Rasa's own REST channel answers with an empty list when an action fails,
for example while the action server is down. A practitioner should never be
met with silence: they get a clear message instead, and their session
carries on once the action server is back.

It is also strict, because a careless or hostile request must not reach a
conversation: JSON only (415), a `sender` and a string `message` (400; a
missing sender once meant a conversation shared by everyone), a size limit
(413), and a short JSON error for any bad body, never a 500. It logs no
message text.

Outside a session (no form open) two things happen before Rasa answers
(`answer_outside_session`, used by the chat page too): a case reference
alone is met with "Is this a case you want to reflect on?" instead of
starting a session, and a message that seems to hold identifying details
gets the privacy reminder.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple

import aiohttp
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import log_safety
from bot.config import Settings
from bot.knowledge import cached_knowledge
from bot.privacy import identifying_details, looks_like_case_reference

log_safety.install()  # Rasa imports this module after setting up its logging
logger = logging.getLogger(__name__)

NO_REPLY = ("Sorry, part of the assistant isn't responding just now, so I couldn't take that in. "
            "Everything saved so far is safe. Please send your message again in a minute.")
EMPTY_MESSAGE = "I didn't get any text there. Type a message, or say hello to see what I can do."
MAX_MESSAGE_CHARS = 20_000  # long reflective answers are welcome; this only stops abuse
MAX_BODY_BYTES = 1024 * 1024  # the longest message (here or on the chat page), however it is escaped, fits
MAX_SENDER_CHARS = 128
CASE_BUTTONS = [{"title": "Yes", "payload": "/start_supervision"}, {"title": "No", "payload": "/deny"}]


def never_silent(on_new_message: Callable[[UserMessage], Awaitable[None]]
                 ) -> Callable[[UserMessage], Awaitable[None]]:
    """Wraps Rasa's message handler so that every message gets at least one reply."""

    async def handle(message: UserMessage) -> None:
        output = message.output_channel
        before = len(output.messages) if isinstance(output, CollectingOutputChannel) else None
        # While the action server is down or restarting, Rasa's own fallbacks would mislead
        # ("Sorry, I didn't quite follow" to a "hello"): every message gets the plain message.
        if before is not None and (message.text or "").strip() and not await action_server_up():
            await output.send_text_message(message.sender_id, NO_REPLY)
            return
        try:
            await on_new_message(message)
            if before is not None and not await action_server_up():  # it stopped while answering
                del output.messages[before:]
        finally:
            if before is not None and len(output.messages) == before:
                text = NO_REPLY if (message.text or "").strip() else EMPTY_MESSAGE
                await output.send_text_message(message.sender_id, text)

    return handle


def refuse(why: str, status: int) -> HTTPResponse:
    return response.json({"error": why}, status=status)


def json_body(request: Request) -> Tuple[Optional[Dict[str, Any]], Optional[HTTPResponse]]:
    """The request's JSON object, or the 4xx to send instead (415, 413 or 400)."""
    content_type = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
    if content_type != "application/json":
        return None, refuse("send JSON with Content-Type: application/json", 415)
    raw = request.body or b""
    if len(raw) > MAX_BODY_BYTES:
        return None, refuse(f"the body is larger than {MAX_BODY_BYTES} bytes", 413)
    try:
        body = json.loads(raw)
    except ValueError:
        return None, refuse("the body must be a JSON object", 400)
    if not isinstance(body, dict):
        return None, refuse("the body must be a JSON object", 400)
    return body, None


async def _outside_session(request: Request, sender: str) -> bool:
    """Whether no form (supervision or workshop) is open for this sender."""
    try:
        tracker = await request.app.ctx.agent.tracker_store.retrieve(sender)
    except Exception as error:  # noqa: BLE001 (unknown: let Rasa and the session decide)
        logger.warning("Could not read a conversation's state (%s)", type(error).__name__)
        return False
    return tracker is None or not tracker.active_loop_name


async def answer_outside_session(request: Request, handle: Callable[[UserMessage], Awaitable[None]],
                                 message: UserMessage) -> None:
    """Hands the message to Rasa, except a bare case reference outside a session; adds the privacy reminder."""
    text = message.text or ""
    found = identifying_details(text)
    bare_reference = looks_like_case_reference(text)
    outside = bool(found or bare_reference) and await _outside_session(request, message.sender_id)
    knowledge = cached_knowledge(str(Settings.from_env().knowledge_dir))
    try:
        if outside and bare_reference:
            await message.output_channel.send_text_with_buttons(
                message.sender_id, knowledge.prompt("case_reference_alone"), CASE_BUTTONS)
        else:
            await handle(message)
    finally:
        if outside and found:
            await message.output_channel.send_text_message(
                message.sender_id, knowledge.prompt("privacy_prompt_outside_session", what=" and ".join(found)))
async def action_server_up(timeout: float = 2.0) -> bool:
    """Whether the action server is there (True when none is configured).

    Only a refused connection, or one dropped twice running, means it is down:
    a slow answer means it is busy (many practitioners at once), and their
    messages must go through. A wrong "down" is not harmless: the reply
    already made (a record's "Saved ...") would be replaced by "isn't
    responding".
    """
    url = os.environ.get("ACTION_ENDPOINT_URL")
    if not url:
        return True
    health = url.rsplit("/webhook", 1)[0] + "/health"
    for attempt in (1, 2):
        try:
            if _shared.client is not None and not _shared.client.closed:  # the server's one client
                return await _check(_shared.client, health, timeout)
            async with health_client() as client:
                return await _check(client, health, timeout)
        except asyncio.TimeoutError:
            return True
        except aiohttp.ClientConnectorError as error:  # nothing listening: down (or restarting)
            logger.warning("The action server is not answering (%s)", type(error).__name__)
            return False
        except (aiohttp.ClientError, OSError) as error:  # accepted, then dropped: ask once more
            if attempt == 2:
                logger.warning("The action server dropped two health checks running (%s)", type(error).__name__)
                return False
            await asyncio.sleep(0.2)
    return False


def health_client() -> aiohttp.ClientSession:
    """A client whose every check opens a new connection.

    A reused keep-alive connection can be closed by the action server at the
    moment it is reused (Sanic closes idle ones after a few seconds): with
    fifty practitioners at once that happened often enough to tell someone
    their saved record had not been taken in. A local connection costs a
    fraction of a millisecond.
    """
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True))


async def _check(client: aiohttp.ClientSession, url: str, timeout: float) -> bool:
    async with client.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as answer:
        return answer.status == 200


class _Shared:
    """The Rasa server's one HTTP client for health checks, open while the server runs."""
    client: Optional[aiohttp.ClientSession] = None


_shared = _Shared()


class CarefulRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        log_safety.install()  # again: the Sanic app has set up its own log handlers by now
        handle = never_silent(on_new_message)
        rest = Blueprint("careful_rest", __name__)

        @rest.listener("before_server_start")
        async def open_client(*_: Any) -> None:
            _shared.client = health_client()

        @rest.listener("after_server_stop")
        async def close_client(*_: Any) -> None:
            if _shared.client is not None:
                await _shared.client.close()
                _shared.client = None

        @rest.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @rest.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body, refused = json_body(request)
            if refused is not None:
                return refused
            sender, text = body.get("sender"), body.get("message")
            if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
                return refuse(f"sender must be a non-empty string of at most {MAX_SENDER_CHARS} characters "
                              "(one per practitioner)", 400)
            if not isinstance(text, str):
                return refuse("message must be a string", 400)
            if len(text) > MAX_MESSAGE_CHARS:
                return refuse(f"message is longer than {MAX_MESSAGE_CHARS} characters", 413)
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else None
            collector = CollectingOutputChannel()
            try:
                await answer_outside_session(request, handle, UserMessage(
                    text, collector, sender, input_channel=self.name(), metadata=metadata))
            except Exception as error:  # never_silent has already put a kind message in the collector
                logger.error("A REST message failed (%s)", type(error).__name__)
            return response.json(collector.messages)

        return rest
