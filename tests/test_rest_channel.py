"""The REST channel and the page never mislead while the action server is down (no servers needed)."""
from __future__ import annotations

import asyncio
import socket

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.rest import NO_REPLY, never_silent


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(handler, text="hello"):
    output = CollectingOutputChannel()
    asyncio.run(never_silent(handler)(UserMessage(text, output, "worker-1")))
    return [m.get("text") for m in output.messages]


def test_with_the_action_server_down_a_hello_gets_the_plain_message_not_a_fallback(monkeypatch):
    monkeypatch.setenv("ACTION_ENDPOINT_URL", f"http://127.0.0.1:{closed_port()}/webhook")
    handled = []

    async def rasa(message):  # what Rasa does when its actions fail: a misleading fallback
        handled.append(message.text)
        await message.output_channel.send_text_message(message.sender_id, "Sorry, I didn't quite follow.")

    assert run(rasa) == [NO_REPLY]
    assert handled == []  # not taken in at all: nothing half-stored, the practitioner sends it again


def test_with_no_action_server_configured_messages_go_through(monkeypatch):
    monkeypatch.delenv("ACTION_ENDPOINT_URL", raising=False)

    async def rasa(message):
        await message.output_channel.send_text_message(message.sender_id, "Hello!")

    assert run(rasa) == ["Hello!"]
    assert "isn't responding" in NO_REPLY


def test_with_the_action_server_up_replies_pass_and_a_crash_while_answering_is_said_plainly(monkeypatch):
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Health(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200 if self.path == "/health" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("ACTION_ENDPOINT_URL", f"http://127.0.0.1:{server.server_port}/webhook")
    try:
        async def rasa(message):
            await message.output_channel.send_text_message(message.sender_id, "What name should go on the record?")

        assert run(rasa, "I want to reflect on a case") == ["What name should go on the record?"]

        async def crashing(message):  # the action server dies while this message is answered
            await message.output_channel.send_text_message(message.sender_id, "Sorry, I didn't quite follow.")
            server.shutdown()
            server.server_close()

        assert run(crashing, "Sam Example") == [NO_REPLY]
    finally:
        server.server_close()


def test_a_busy_action_server_is_not_taken_for_a_stopped_one(monkeypatch):
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Slow(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802  busy with fifty practitioners: slower than the check waits
            time.sleep(3)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("ACTION_ENDPOINT_URL", f"http://127.0.0.1:{server.server_port}/webhook")
    try:
        async def rasa(message):
            await message.output_channel.send_text_message(message.sender_id, "Saved what you have so far")

        assert run(rasa, "save") == ["Saved what you have so far"]
    finally:
        server.shutdown()
        server.server_close()


def health_server(drop):
    """An action server's /health on a raw socket: `drop(n, k)` says whether to close the n-th
    connection at its k-th request (counting from 1) without answering."""
    connections = []  # requests seen on each connection

    async def serve(reader, writer):
        connections.append(0)
        number, asked = len(connections), 0
        while await reader.readuntil(b"\r\n\r\n"):
            asked += 1
            connections[number - 1] = asked
            if drop(number, asked):
                writer.close()
                return
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n")
            await writer.drain()

    return serve, connections


def checks(monkeypatch, drop, times):
    """`times` health checks through the Rasa server's shared client, as the channel makes them."""
    from channels import rest as channel

    async def go():
        serve, connections = health_server(drop)
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        monkeypatch.setenv("ACTION_ENDPOINT_URL", f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/webhook")
        channel._shared.client = channel.health_client()
        try:
            return [await channel.action_server_up() for _ in range(times)], connections
        finally:
            await channel._shared.client.close()
            channel._shared.client = None
            server.close()

    return asyncio.run(go())


def test_a_kept_alive_connection_closed_by_the_action_server_is_not_taken_for_a_stopped_server(monkeypatch):
    # Sanic closes idle keep-alive connections; one reused at that moment is dropped. Under
    # fifty practitioners that told people a saved record had not been taken in.
    answers, connections = checks(monkeypatch, drop=lambda number, asked: asked > 1, times=3)
    assert answers == [True, True, True]
    assert connections == [1, 1, 1]  # every check on a connection of its own: none is reused


def test_a_connection_dropped_once_is_asked_again_and_dropped_twice_is_down(monkeypatch):
    answers, _ = checks(monkeypatch, drop=lambda number, asked: number == 1, times=1)
    assert answers == [True]
    answers, _ = checks(monkeypatch, drop=lambda number, asked: True, times=1)
    assert answers == [False]
