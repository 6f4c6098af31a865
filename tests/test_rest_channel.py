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


# ----- what a request may carry (no servers needed) ------------------------------------------------

import json  # noqa: E402
import stat  # noqa: E402

import pytest  # noqa: E402

from bot.safety.access import host_allowed, rasa_hosts, rest_client  # noqa: E402
from bot.config import Settings, SettingsError  # noqa: E402
from bot.safety.limits import RateLimiter  # noqa: E402
from channels.rest import (MAX_METADATA_BYTES, clean_text, json_body, kept_metadata,  # noqa: E402
                           valid_rest_sender)


class Body:
    """Just what json_body reads of a Sanic request."""

    def __init__(self, raw: bytes, content_type: str = "application/json"):
        self.body, self.headers = raw, {"content-type": content_type}


def nested(depth: int) -> bytes:
    return b'{"sender": "r1", "message": "hi", "metadata": ' + b'{"a": ' * depth + b"1" + b"}" * depth + b"}"


@pytest.mark.parametrize("sender", ["e2e-worker-1", "a" * 128, "x", "~!#$%&'()*+,-./:;<=>?@[]^_`{|}"])
def test_printable_ascii_senders_are_accepted(sender):
    assert valid_rest_sender(sender) == sender


@pytest.mark.parametrize("sender", ["sur\ud800x", "", " ", "two words", "caf\u00e9", "a" * 129, "tab\there",
                                    "nul\x00", 7, None, ["r1"]])
def test_other_senders_are_refused(sender):
    assert valid_rest_sender(sender) is None


def test_lone_surrogates_in_text_become_the_replacement_character_and_real_characters_stay():
    assert clean_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    joined = json.loads('"\\ud83d\\ude00 caf\\u00e9"')  # a valid pair: one emoji, kept
    assert clean_text(joined) == joined == "\U0001F600 caf\u00e9"
    assert clean_text(json.loads('"sur\\ud800x"')).encode("utf-8") == "sur\ufffdx".encode("utf-8")


@pytest.mark.parametrize("depth", [50, 1000, 100_000])
def test_json_nested_deeper_than_twenty_is_refused_with_a_400_at_any_depth(depth):
    body, refused = json_body(Body(nested(depth)))
    assert body is None and refused.status == 400 and b"nested at most 20" in refused.body


def test_json_nested_within_the_limit_is_read():
    body, refused = json_body(Body(nested(18)))
    assert refused is None and body["message"] == "hi"


def test_metadata_keeps_only_what_the_assistant_reads():
    kept, refused = kept_metadata({"question": "details.worker", "shown": "Yes", "other": "x",
                                   "nested": {"a": [1, 2]}, "long": "y" * 500})
    assert refused is None and kept == {"question": "details.worker", "shown": "Yes"}
    assert kept_metadata({"question": 7, "other": "x"}) == (None, None)
    assert kept_metadata(None) == (None, None)
    assert kept_metadata({"question": "q\ud800"})[0] == {"question": "q\ufffd"}
    assert kept_metadata({"question": "x" * 121})[0] is None  # longer than any question id


def test_large_or_malformed_metadata_is_refused():
    assert kept_metadata({"padding": "z" * MAX_METADATA_BYTES})[1][0] == 413
    assert kept_metadata(["question"])[1][0] == 400
    assert kept_metadata("question")[1][0] == 400


def test_a_bucket_allows_its_burst_then_refuses_until_it_refills():
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=3, clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")  # each key its own bucket
    now[0] += 1.0  # one message a second refills
    assert limiter.allow("a") and not limiter.allow("a")
    now[0] += 3600
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]  # never more than the burst


def test_a_limit_of_zero_turns_it_off_and_old_buckets_are_forgotten():
    assert all(RateLimiter(0, 5).allow("a") for _ in range(100))
    limiter = RateLimiter(60, 1, clock=lambda: 0.0, max_keys=2)
    assert limiter.allow("a") and limiter.allow("b") and limiter.allow("c")
    assert len(limiter._buckets) == 2 and limiter.allow("a")  # "a" was dropped: a fresh, full bucket


def test_rate_settings_come_from_the_environment_and_bad_ones_are_named():
    settings = Settings.from_env({"RATE_PER_SENDER_PER_MINUTE": "5", "RATE_PER_SENDER_BURST": "2",
                                  "RATE_PER_CLIENT_PER_MINUTE": "50", "RATE_PER_CLIENT_BURST": "9"})
    assert (settings.sender_rate_per_minute, settings.sender_burst) == (5, 2)
    assert (settings.client_rate_per_minute, settings.client_burst) == (50, 9)
    with pytest.raises(SettingsError, match="RATE_PER_SENDER_BURST"):
        Settings.from_env({"RATE_PER_SENDER_BURST": "lots"})


TOKEN_A, TOKEN_B = "tok-a-0123456789abcdef", "tok-b-fedcba9876543210"


def test_rest_client_tokens_from_the_environment_name_the_client():
    settings = Settings.from_env({"REST_TOKEN_REQUIRED": "1", "REST_CLIENT_TOKENS": f"crm={TOKEN_A}, portal={TOKEN_B}"})
    clients = settings.rest_clients()
    assert settings.rest_token_required and clients == {"crm": TOKEN_A, "portal": TOKEN_B}
    assert rest_client(f"Bearer {TOKEN_B}", clients) == "portal"
    assert rest_client(f"bearer {TOKEN_A}", clients) == "crm"
    for wrong in (None, "", TOKEN_A, f"Basic {TOKEN_A}", "Bearer ", f"Bearer {TOKEN_A}x", "Bearer tok-a"):
        assert rest_client(wrong, clients) is None
    assert not Settings.from_env({"REST_TOKEN_REQUIRED": "yes"}).rest_token_required  # only "1" turns it on


def test_a_tokens_file_others_can_read_is_refused_and_an_owner_only_one_is_read(tmp_path):
    path = tmp_path / "rest-clients"
    path.write_text(f"# name token\ncrm {TOKEN_A}\n\nportal {TOKEN_B}\n")
    path.chmod(0o644)
    settings = Settings.from_env({"REST_CLIENT_TOKENS_FILE": str(path)})
    with pytest.raises(SettingsError, match="can be read by others") as refused:
        settings.rest_clients()
    assert TOKEN_A not in str(refused.value)
    path.chmod(0o600)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert settings.rest_clients() == {"crm": TOKEN_A, "portal": TOKEN_B}
    with pytest.raises(SettingsError, match="too short"):
        Settings.from_env({"REST_CLIENT_TOKENS": "crm=abc"}).rest_clients()


def test_the_rasa_server_answers_its_own_names_only():
    hosts = rasa_hosts(5005, "127.0.0.1", "assistant.example.org")
    for good in ("localhost:5005", "127.0.0.1:5005", "[::1]:5005", "localhost", "LOCALHOST:5005",
                 "assistant.example.org"):
        assert host_allowed({"host": good}, hosts), good
    for bad in ("rebound.example.com:5005", "", "localhost:5006", "127.0.0.1.evil.example:5005"):
        assert not host_allowed({"host": bad}, hosts), bad
    assert host_allowed({"host": "10.0.0.5:5005"}, rasa_hosts(5005, "10.0.0.5"))
    assert not host_allowed({"host": "0.0.0.0:5005"}, rasa_hosts(5005, "0.0.0.0"))
