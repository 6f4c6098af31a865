"""The chat page, served by the Rasa server itself at /chat, and the routes it talks to.

Registered in credentials.yml as `webchat.channel.WebChatInput`. Routes, all under /chat:

    GET  /chat                   the page
    GET  /chat/static/<name>     its script and style sheet (a fixed list, nothing else)
    POST /chat/webhook           {"sender", "message", "shown"?} -> the replies, progress, record
    POST /chat/history           {"sender"} -> the conversation so far, progress, record
    GET  /chat/record/<name>     the sender's own record; header X-Chat-Secret: <sender>

The sender id is a random 128-bit secret made by the browser (32 hex digits). It is
the only thing that ties a record to the person who made it, so it never goes in a URL.
"""
from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.config import Settings
from bot.assistant import Assistant
from bot.modes.registry import MODES
from bot.content.knowledge import cached_knowledge
from bot.records.saved_files import latest_file, owned_file
from bot.storage.store import Store, make_engine
from channels.rest import (NO_REPLY, TOO_FAST, answer_outside_session, clean_text, client_address, json_body,
                           never_silent, shared_limits)

logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
ASSETS = {  # everything the page loads; nothing else under static/ is served
    "chat.js": "text/javascript; charset=utf-8",
    "chat.css": "text/css; charset=utf-8",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SECRET = re.compile(r"[0-9a-f]{32}")
MAX_MESSAGE_CHARS = 20_000  # about 3,000 words: long reflective answers are welcome; this only stops abuse
TOO_LONG = ("That message is too long for me to take in one go (the most is 20,000 characters, about "
            "3,000 words). Nothing has been sent or saved. Please send it in two or more parts.")
MAX_SHOWN_CHARS = 500
MAX_QUESTION_CHARS = 120  # a question id, e.g. "theme.voice_of_child.2"
HISTORY_LIMIT = 500  # messages sent back on reload

# Everything comes from this server: no inline script, no outside address.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def headers() -> Dict[str, str]:
    return dict(SECURITY_HEADERS)  # a fresh copy each time: sanic's file() adds to the dict it gets


def not_found() -> HTTPResponse:
    return response.text("Not found", status=404, headers=headers())


def bad_request(why: str) -> HTTPResponse:
    return response.json({"error": why}, status=400, headers=headers())


def page_too_fast() -> HTTPResponse:
    """429 with the kind sentence where the page shows a problem ("error"); what was typed stays in the box."""
    return response.json({"error": TOO_FAST}, status=429, headers={**headers(), "Retry-After": "5"})


def valid_sender(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and SECRET.fullmatch(value) else None


def buttons_of(raw: Optional[Iterable[Dict]]) -> List[Dict[str, str]]:
    return [{"title": str(b.get("title") or b.get("payload")), "payload": str(b.get("payload") or "")}
            for b in raw or [] if b.get("payload")]


def bot_message(text: Optional[str], buttons: Any, custom: Any) -> Dict[str, Any]:
    """A reply as the page shows it; "multi" marks an "all that apply" question (actions/services.py),
    whose choices are tick boxes."""
    message: Dict[str, Any] = {"from": "bot", "text": text or "", "buttons": buttons_of(buttons)}
    if isinstance(custom, dict) and custom.get("multi") is True:
        message["multi"] = True
    if isinstance(custom, dict) and isinstance(custom.get("question"), str):
        message["question"] = custom["question"][:MAX_QUESTION_CHARS]  # sent back with the answer
    return message


def collected(raw: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Replies from Rasa's collector as the page shows them.

    Rasa sends a reply's custom JSON as a message of its own, straight after
    the reply's text and buttons: its "multi" mark belongs to that reply.
    """
    messages: List[Dict[str, Any]] = []
    for m in raw:
        if m.get("text") or m.get("buttons"):
            messages.append(bot_message(m.get("text"), m.get("buttons"), m.get("custom")))
        elif messages:
            marks = bot_message(None, None, m.get("custom"))
            messages[-1].update({key: marks[key] for key in ("multi", "question") if key in marks})
    return messages


def transcript(events: Iterable[Any], limit: int = HISTORY_LIMIT) -> List[Dict[str, Any]]:
    """User and bot messages from tracker events, as the page shows them."""
    messages: List[Dict[str, Any]] = []
    for event in events:
        if isinstance(event, UserUttered) and event.text is not None:
            shown = (event.metadata or {}).get("shown")  # a button's title, not its payload
            messages.append({"from": "user", "text": shown if isinstance(shown, str) else event.text})
        elif isinstance(event, BotUttered) and (event.text or event.data.get("buttons")):
            messages.append(bot_message(event.text, event.data.get("buttons"), event.data.get("custom")))
    messages = messages[-limit:]
    # Only the buttons of the latest reply can still be chosen.
    last_user = max((i for i, m in enumerate(messages) if m["from"] == "user"), default=-1)
    for message in messages[:last_user]:
        message.pop("buttons", None)
        message.pop("multi", None)
    return messages


class WebChatInput(InputChannel):
    """A chat page for practitioners, on the Rasa server's own port."""

    core: Assistant  # every registered mode, made with the blueprint when the Rasa server starts
    store: Store
    records_dir: Path

    @classmethod
    def name(cls) -> str:
        return "webchat"

    def url_prefix(self) -> str:
        # Rasa joins this to /webhooks/; an absolute path puts the page at /chat.
        return "/chat"

    # ----- reading the core (blocking database calls, run off the event loop) -------

    def _status(self, sender: str) -> Dict[str, Optional[str]]:
        saved = latest_file(self.store, sender)  # the newest file any mode saved: a record, a workshop's pack
        progress = next((line for spec in MODES if spec.progress
                         for line in [spec.progress(self.core.modes[spec.name], sender)] if line), None)
        return {"progress": progress, "record": saved.path.name if saved else None,
                "file_kind": saved.kind if saved else None}

    def _owned_record(self, sender: str, name: str) -> Optional[Path]:
        """A record or pack saved by this sender's own sessions, in the records folder, or None."""
        return owned_file(self.store, self.records_dir, sender, name)

    # ----- routes ------------------------------------------------------------------

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # The core, from the same settings (DATABASE_URL, RECORDS_DIR) as the action server.
        settings = Settings.from_env()
        self.store, self.records_dir = Store(make_engine(settings.database_url)), settings.records_dir
        self.core = Assistant.build(cached_knowledge(str(settings.knowledge_dir)), self.store, settings)
        chat = Blueprint("webchat", __name__)
        handle = never_silent(on_new_message)  # as over REST: a failed action still gets a reply
        limits = shared_limits()  # the same per-sender and per-address limits as REST

        def failed(what: str, error: Exception) -> HTTPResponse:
            """A store or database error answers this request only; the server carries on."""
            logger.error("webchat: %s failed (%s)", what, type(error).__name__)
            return response.json({"error": NO_REPLY}, status=500, headers=headers())

        @chat.route("/", methods=["GET"])
        async def page(_: Request) -> HTTPResponse:
            return await response.file(STATIC / "index.html", mime_type="text/html; charset=utf-8",
                                       headers=headers())

        @chat.route("/static/<name>", methods=["GET"])
        async def asset(_: Request, name: str) -> HTTPResponse:
            if name not in ASSETS:
                return not_found()
            return await response.file(STATIC / name, mime_type=ASSETS[name], headers=headers())

        @chat.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not limits.client_allows(client_address(request)):
                return page_too_fast()
            body, refused = json_body(request)  # 415, 413 or 400 for anything but a JSON object
            if refused is not None:
                return refused
            sender, text, shown = valid_sender(body.get("sender")), body.get("message"), body.get("shown")
            if sender is None:
                return bad_request("sender must be 32 hexadecimal digits")
            if not isinstance(text, str) or not text.strip():
                return bad_request(f"message must be between 1 and {MAX_MESSAGE_CHARS} characters")
            if len(text) > MAX_MESSAGE_CHARS:  # not classified, not stored: a clear reply instead
                return response.json({"error": TOO_LONG}, status=413, headers=headers())
            if not limits.sender_allows(sender):
                return page_too_fast()
            text = clean_text(text)  # a lone surrogate (not valid Unicode) becomes U+FFFD
            # A button sends its payload; its title is kept so that a reload shows the same words.
            metadata = ({"shown": clean_text(shown[:MAX_SHOWN_CHARS])}
                        if isinstance(shown, str) and shown.strip() else {})
            question = body.get("question")  # the question this answers: never stored against another
            if isinstance(question, str) and 0 < len(question) <= MAX_QUESTION_CHARS:
                metadata["question"] = clean_text(question)
            collector = CollectingOutputChannel()
            try:
                await answer_outside_session(request, handle, UserMessage(
                    text, collector, sender, input_channel=self.name(), metadata=metadata or None))
            except Exception as error:  # never_silent has already put a kind message in the collector
                logger.error("webchat: a message failed (%s)", type(error).__name__)
            messages = collected(collector.messages)
            try:
                status = await asyncio.to_thread(self._status, sender)
            except Exception as error:  # noqa: BLE001 (the replies still go back)
                logger.error("webchat: reading progress failed (%s)", type(error).__name__)
                status = {"progress": None, "record": None, "file_kind": None}
            return response.json({"messages": messages, **status}, headers=headers())

        @chat.route("/history", methods=["POST"])
        async def history(request: Request) -> HTTPResponse:
            if not limits.client_allows(client_address(request)):
                return page_too_fast()
            body, refused = json_body(request)
            if refused is not None:
                return refused
            sender = valid_sender(body.get("sender"))
            if sender is None:
                return bad_request("sender must be 32 hexadecimal digits")
            agent = request.app.ctx.agent
            try:
                # Every Rasa session, not only the latest: the page shows the whole conversation.
                tracker = await agent.tracker_store.retrieve_full_tracker(sender)
                messages = transcript(tracker.events) if tracker else []
                status = await asyncio.to_thread(self._status, sender)
            except Exception as error:  # noqa: BLE001
                return failed("reading the conversation", error)
            return response.json({"messages": messages, **status}, headers=headers())

        @chat.route("/record/<name:path>", methods=["GET"])
        async def record(request: Request, name: str) -> HTTPResponse:
            # Every refusal is the same 404: it says nothing about which files exist.
            sender = valid_sender(request.headers.get("X-Chat-Secret"))
            if sender is None:
                return not_found()
            try:
                path = await asyncio.to_thread(self._owned_record, sender, name)
            except Exception as error:  # noqa: BLE001
                return failed("finding a record", error)
            if path is None:
                return not_found()
            return await response.file(path, mime_type=DOCX, filename=path.name, headers=headers())

        return chat
