"""The terminal channel of `make shell`, bounded as the REST channel and the chat page are.

`rasa shell` posts each typed line to the server's REST route. A line over
MAX_MESSAGE_CHARS gets a clear reply and never reaches the NLU pipeline or
the database, as on the chat page (webchat/channel.py).
"""
from __future__ import annotations

from typing import Awaitable, Callable, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.console import CmdlineInput
from sanic import Blueprint

from channels.rest import never_silent
from webchat.channel import MAX_MESSAGE_CHARS, TOO_LONG


def bounded(on_new_message: Callable[[UserMessage], Awaitable[None]]
            ) -> Callable[[UserMessage], Awaitable[None]]:
    async def handle(message: UserMessage) -> None:
        if len(message.text or "") > MAX_MESSAGE_CHARS:
            await message.output_channel.send_text_message(message.sender_id, TOO_LONG)
            return
        await on_new_message(message)

    return handle


class BoundedCmdlineInput(CmdlineInput):
    """Rasa's terminal channel (named `cmdline`, so Rasa still starts the terminal prompt)."""

    @classmethod
    def name(cls) -> Text:
        return "cmdline"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        return super().blueprint(bounded(never_silent(on_new_message)))
