"""The REST channel (POST /webhooks/rest/webhook), never silent.

Rasa's own REST channel answers with an empty list when an action fails,
for example while the action server is down. A practitioner should never be
met with silence: they get a clear message instead, and their session
carries on once the action server is back.
"""
from __future__ import annotations

import asyncio
import os
from typing import Awaitable, Callable, Text

import aiohttp
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint

NO_REPLY = ("Sorry, part of the assistant isn't responding just now, so I couldn't take that in. "
            "Everything saved so far is safe. Please send your message again in a minute.")
EMPTY_MESSAGE = "I didn't get any text there. Type a message, or say hello to see what I can do."


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


async def action_server_up(timeout: float = 2.0) -> bool:
    """Whether the action server is there (True when none is configured).

    Only a refused or dropped connection means it is down: a slow answer means
    it is busy (many practitioners at once), and their messages must go through.
    """
    url = os.environ.get("ACTION_ENDPOINT_URL")
    if not url:
        return True
    health = url.rsplit("/webhook", 1)[0] + "/health"
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as client:
            async with client.get(health) as answer:
                return answer.status == 200
    except asyncio.TimeoutError:
        return True
    except (aiohttp.ClientError, OSError):
        return False


class CarefulRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        return super().blueprint(never_silent(on_new_message))
