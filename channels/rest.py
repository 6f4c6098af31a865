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

No single request can stop or swamp the server: the sender is printable
ASCII (a lone surrogate once made SQLite raise inside Rasa's store, which
exits the process on any ValueError), lone surrogates in the text become
U+FFFD, JSON nested deeper than MAX_DEPTH is refused (400) instead of
raising RecursionError, and metadata keeps only what the assistant reads
(`question`, `shown`), refused over MAX_METADATA_BYTES. Each sender and each
client address has a rate limit (bot.safety.limits; 429 with a kind message in the
reply shape). When REST_TOKEN_REQUIRED=1 every request needs a client's
`Authorization: Bearer <token>` (401 otherwise); the chat page never does.
"""
from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple

import aiohttp
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.safety import log_safety
from bot.safety.access import rest_client
from bot.config import Settings, SettingsError
from bot.content.knowledge import cached_knowledge
from bot.safety.limits import Limits
from bot.reading.privacy import identifying_details, looks_like_case_reference

log_safety.install()  # Rasa imports this module after setting up its logging
logger = logging.getLogger(__name__)

NO_REPLY = ("Sorry, part of the assistant isn't responding just now, so I couldn't take that in. "
            "Everything saved so far is safe. Please send your message again in a minute.")
EMPTY_MESSAGE = "I didn't get any text there. Type a message, or say hello to see what I can do."
MAX_MESSAGE_CHARS = 20_000  # long reflective answers are welcome; this only stops abuse
MAX_BODY_BYTES = 1024 * 1024  # the longest message (here or on the chat page), however it is escaped, fits
MAX_SENDER_CHARS = 128
MAX_DEPTH = 20  # of nested JSON objects and lists in a body; the assistant's own bodies are 2 deep
MAX_METADATA_BYTES = 2048  # metadata as JSON; the assistant reads only a question id and a button's title
METADATA_KEYS = {"question": 120, "shown": 500}  # what the assistant reads (actions/services.py, webchat), max chars
SENDER = re.compile(r"[\x21-\x7e]{1,%d}" % MAX_SENDER_CHARS)  # printable ASCII, no spaces
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")  # json.loads has already joined every valid pair
TOO_FAST = ("You're sending messages faster than I can take them in. Please wait a moment and send it "
            "again; nothing you've typed has been lost.")
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


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether objects and lists nest deeper than `limit` (walked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return False


def clean_text(text: str) -> str:
    """The text with any lone surrogate (not valid Unicode, refused by the database) as U+FFFD."""
    return LONE_SURROGATE.sub("\ufffd", text)


def valid_rest_sender(value: Any) -> Optional[str]:
    """A REST sender id: 1 to 128 printable ASCII characters without spaces, or None."""
    return value if isinstance(value, str) and SENDER.fullmatch(value) else None


def kept_metadata(raw: Any) -> Tuple[Optional[Dict[str, str]], Optional[Tuple[int, str]]]:
    """(the metadata the assistant reads, None) or (None, (status, why it is refused)).

    Rasa stores metadata with every event, so anything else would only fill
    the database: other keys, and values that are not short strings, are dropped.
    """
    if raw is None:
        return None, None
    if not isinstance(raw, dict):
        return None, (400, "metadata must be a JSON object")
    if len(json.dumps(raw, ensure_ascii=False).encode("utf-8", "replace")) > MAX_METADATA_BYTES:
        return None, (413, f"metadata is larger than {MAX_METADATA_BYTES} bytes")
    kept = {key: clean_text(raw[key]) for key, most in METADATA_KEYS.items()
            if isinstance(raw.get(key), str) and 0 < len(raw[key]) <= most}
    return kept or None, None


def too_fast(sender: Optional[str]) -> HTTPResponse:
    """429 in the REST reply shape, so a practitioner reading replies sees why."""
    reply: Dict[str, Any] = {"text": TOO_FAST}
    if sender is not None:
        reply = {"recipient_id": sender, **reply}
    return response.json([reply], status=429, headers={"Retry-After": "5"})


class _Limits:
    """One set of rate limits for the whole Rasa server process (REST and the chat page share it)."""
    limits: Optional[Limits] = None


_limits = _Limits()


def shared_limits() -> Limits:
    if _limits.limits is None:
        _limits.limits = Limits.from_settings(Settings.from_env())
    return _limits.limits


def client_address(request: Request) -> str:
    return request.remote_addr or request.ip or "unknown"


def json_body(request: Request) -> Tuple[Optional[Dict[str, Any]], Optional[HTTPResponse]]:
    """The request's JSON object, or the 4xx to send instead (415, 413 or 400).

    JSON nested deeper than MAX_DEPTH is refused, however deep: Python's
    parser raises RecursionError past about a thousand levels, and shallower
    nesting has no use here.
    """
    content_type = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
    if content_type != "application/json":
        return None, refuse("send JSON with Content-Type: application/json", 415)
    raw = request.body or b""
    if len(raw) > MAX_BODY_BYTES:
        return None, refuse(f"the body is larger than {MAX_BODY_BYTES} bytes", 413)
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nested thousands deep
        return None, refuse(f"the body must be a JSON object nested at most {MAX_DEPTH} deep", 400)
    if not isinstance(body, dict):
        return None, refuse("the body must be a JSON object", 400)
    if too_deep(body):
        return None, refuse(f"the body must be a JSON object nested at most {MAX_DEPTH} deep", 400)
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
    url = Settings.from_env().action_endpoint_url
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


def rest_clients_or_exit(settings: Settings) -> Optional[Dict[str, str]]:
    """The REST clients' tokens when they are required (None when REST is open); a bad setting stops start-up."""
    if not settings.rest_token_required:
        return None
    try:
        clients = settings.rest_clients()
    except SettingsError as error:
        raise SystemExit(f"Cannot start the REST channel: {error}") from None
    if not clients:
        raise SystemExit("Cannot start the REST channel: REST_TOKEN_REQUIRED=1 but no client tokens are set "
                         "(REST_CLIENT_TOKENS or REST_CLIENT_TOKENS_FILE).")
    logger.info("REST needs a client token (%d client(s))", len(clients))
    return clients


class CarefulRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        log_safety.install()  # again: the Sanic app has set up its own log handlers by now
        handle = never_silent(on_new_message)
        clients = rest_clients_or_exit(Settings.from_env())
        limits = shared_limits()
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
            if not limits.client_allows(client_address(request)):  # first: guessing tokens is limited too
                return too_fast(None)
            if clients is not None:
                client = rest_client(request.headers.get("authorization"), clients)
                if client is None:
                    return response.json({"error": "this REST endpoint needs Authorization: Bearer <token> "
                                                   "with a client token"}, status=401,
                                         headers={"WWW-Authenticate": "Bearer"})
                logger.debug("REST message from client %s", client)  # the name, never the token
            body, refused = json_body(request)
            if refused is not None:
                return refused
            sender, text = valid_rest_sender(body.get("sender")), body.get("message")
            if sender is None:
                return refuse(f"sender must be 1 to {MAX_SENDER_CHARS} printable ASCII characters without "
                              "spaces (one per practitioner)", 400)
            if not isinstance(text, str):
                return refuse("message must be a string", 400)
            if len(text) > MAX_MESSAGE_CHARS:
                return refuse(f"message is longer than {MAX_MESSAGE_CHARS} characters", 413)
            metadata, refused_metadata = kept_metadata(body.get("metadata"))
            if refused_metadata is not None:
                status, why = refused_metadata
                return refuse(why, status)
            if not limits.sender_allows(sender):
                return too_fast(sender)
            collector = CollectingOutputChannel()
            try:
                await answer_outside_session(request, handle, UserMessage(
                    clean_text(text), collector, sender, input_channel=self.name(), metadata=metadata))
            except Exception as error:  # never_silent has already put a kind message in the collector
                logger.error("A REST message failed (%s)", type(error).__name__)
                if not collector.messages:
                    return response.json([{"recipient_id": sender, "text": NO_REPLY}], status=500)
            return response.json(collector.messages)

        return rest
