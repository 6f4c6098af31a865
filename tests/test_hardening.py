"""No single request can stop or swamp the real servers (issue 23), and REST can require a client token.

Every bad request here gets a 4xx, and the same server process (same pid) answers an ordinary
message after it: a lone surrogate in a sender id (it once made Rasa's store exit the process),
JSON nested 50, 1,000 and 100,000 deep, a 100 MB body (refused before it is read: the server's
memory does not grow by it), 900 KB of metadata, a Host header naming another site. These use the
run's shared pair; the rate-limit test has a pair whose senders are limited to a small burst, so that
a 429 is quick to reach, and the token tests a pair that requires REST client tokens.
"""
from __future__ import annotations

import json
import select
import socket
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest
from sqlalchemy import create_engine, text as sql

from channels.rest import TOO_FAST
from tests.servers import rest, started_servers

pytestmark = pytest.mark.servers

SENDER_BURST = 5  # messages one sender may send at once on these servers (the default is 100)
CLIENT_BURST = 6  # requests one address may send at once on the token-checking servers
TOKEN = "tok-hardening-0123456789abcdef"
WEB_SENDER = "fedcba9876543210fedcba9876543210"
RASA_OWN = ("model_id", "assistant_id")  # metadata Rasa adds to every user message itself


@pytest.fixture(scope="module")
def limited_servers(tmp_path_factory):
    """A pair of its own for the rate-limit test only: the other tests here use the run's shared pair."""
    yield from started_servers(tmp_path_factory, "hardening", env={
        "RATE_PER_SENDER_BURST": str(SENDER_BURST), "RATE_PER_SENDER_PER_MINUTE": "1"})


def post(port: int, path: str, data: bytes, **headers: str) -> Tuple[int, object]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data,
                                     headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw or b"null")
        except ValueError:
            return error.code, raw.decode("utf-8", "replace")


def webhook(servers, body: bytes, **headers: str) -> Tuple[int, object]:
    return post(servers.rasa_port, "/webhooks/rest/webhook", body, **headers)


def nested_metadata(depth: int) -> bytes:
    return (b'{"sender": "deep-1", "message": "hello", "metadata": ' + b'{"a": ' * depth + b"1"
            + b"}" * depth + b"}")


def rasa_pid(servers) -> int:
    return servers.processes[-1].pid  # started after the action server


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def still_serving(servers, pid: int, sender: str) -> None:
    assert servers.processes[-1].poll() is None and rasa_pid(servers) == pid
    assert "reflect" in rest(servers, sender)("hello")


def user_events(servers, sender: str) -> List[Dict]:
    """The user messages stored for `sender`, read from Rasa's own events table."""
    engine = create_engine(servers.child_env()["DATABASE_URL"])
    with engine.connect() as db:
        rows = db.execute(sql("SELECT data FROM events WHERE sender_id = :sender AND type_name = 'user' "
                              "ORDER BY id"), {"sender": sender}).scalars().all()
    engine.dispose()
    return [json.loads(row) for row in rows]


def huge_body(port: int, path: str, size: int = 100_000_000, host: Optional[str] = None, extra: str = "") -> int:
    """Announce a `size`-byte JSON body and send it in 1 MiB pieces until the server answers; its status.

    The server should answer (413) as soon as it has read the headers: only what it had taken
    in by then is sent.
    """
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    try:
        sock.sendall((f"POST {path} HTTP/1.1\r\nHost: {host or f'127.0.0.1:{port}'}\r\n"
                      f"Content-Type: application/json\r\nContent-Length: {size}\r\n{extra}\r\n").encode())
        piece, sent = b" " * (1024 * 1024), 0
        while sent < size and not select.select([sock], [], [], 0.05 if sent else 1.0)[0]:
            try:
                sock.sendall(piece)
            except OSError:  # the server closed its side: read what it said
                break
            sent += len(piece)
        answer = b""
        while b"\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
        return int(answer.split(b" ", 2)[1])
    finally:
        sock.close()


def test_a_lone_surrogate_in_the_sender_gets_a_400_and_the_server_carries_on(servers):
    pid = rasa_pid(servers)
    status, reply = webhook(servers, b'{"sender": "sur\\ud800x", "message": "hello"}')
    assert status == 400 and "printable ASCII" in reply["error"]
    still_serving(servers, pid, "after-surrogate")


def test_a_lone_surrogate_in_the_text_is_stored_as_the_replacement_character(servers):
    status, reply = webhook(servers, b'{"sender": "lone-text", "message": "hello \\ud800 there"}')
    assert status == 200 and reply and reply[0]["text"]
    assert [event["text"] for event in user_events(servers, "lone-text")] == ["hello \ufffd there"]
    page_sender = "0123abcd" * 4
    status, reply = post(servers.rasa_port, "/chat/webhook",
                         b'{"sender": "' + page_sender.encode() + b'", "message": "hi \\udfff", "shown": "hi \\udfff"}')
    assert status == 200 and reply["messages"]
    assert [(event["text"], event["metadata"]["shown"]) for event in user_events(servers, page_sender)] == [
        ("hi \ufffd", "hi \ufffd")]


@pytest.mark.parametrize("depth", [50, 1000, 100_000])
def test_deeply_nested_json_gets_a_400_on_both_channels(servers, depth):
    pid = rasa_pid(servers)
    status, reply = webhook(servers, nested_metadata(depth))
    assert status == 400 and "nested" in reply["error"]
    page = (b'{"sender": "' + WEB_SENDER.encode() + b'", "message": "hello", "shown": '
            + b"[" * depth + b"]" * depth + b"}")
    status, reply = post(servers.rasa_port, "/chat/webhook", page)
    assert status == 400 and "nested" in reply["error"]
    still_serving(servers, pid, f"after-nesting-{depth}")


def test_a_100_mb_body_is_refused_unread_by_both_servers(servers):
    pid, action_pid = rasa_pid(servers), servers.processes[0].pid
    before, action_before = rss_kb(pid), rss_kb(action_pid)
    action_host, secret = f"127.0.0.1:{servers.action_port}", servers.child_env()["ACTION_SERVER_SECRET"]
    for _ in range(3):
        assert huge_body(servers.rasa_port, "/webhooks/rest/webhook") == 413
        assert huge_body(servers.rasa_port, "/chat/webhook") == 413
        assert huge_body(servers.action_port, "/webhook", host=action_host,  # as Rasa would send it
                         extra=f"X-Action-Secret: {secret}\r\n") == 413
        assert huge_body(servers.action_port, "/webhook", host=action_host) in (401, 413)  # no secret
    assert rss_kb(pid) - before < 50_000, (before, rss_kb(pid))  # kB: nowhere near 100 MB read
    assert rss_kb(action_pid) - action_before < 50_000, (action_before, rss_kb(action_pid))
    still_serving(servers, pid, "after-huge-body")


def test_large_metadata_is_refused_and_other_keys_are_not_stored(servers):
    pid = rasa_pid(servers)
    big = json.dumps({"sender": "meta-1", "message": "hello", "metadata": {"x": "y" * 900_000}}).encode()
    status, reply = webhook(servers, big)
    assert status == 413 and "metadata" in reply["error"]
    assert user_events(servers, "meta-1") == []  # nothing of it reached the database
    small = {"sender": "meta-1", "message": "hello", "metadata": {"shown": "Hello", "tracking": "abc", "n": [1]}}
    assert webhook(servers, json.dumps(small).encode())[0] == 200
    stored = [{key: value for key, value in event["metadata"].items() if key not in RASA_OWN}
              for event in user_events(servers, "meta-1")]
    assert stored == [{"shown": "Hello"}]
    still_serving(servers, pid, "after-metadata")


@pytest.mark.parametrize("path", ["/webhooks/rest/webhook", "/chat/webhook", "/"])
def test_a_host_header_naming_another_site_gets_a_403(servers, path):
    pid = rasa_pid(servers)
    body = json.dumps({"sender": WEB_SENDER, "message": "hello"}).encode()
    rebound = f"rebound.example.com:{servers.rasa_port}"
    request = urllib.request.Request(f"http://127.0.0.1:{servers.rasa_port}{path}",
                                     data=None if path == "/" else body,
                                     headers={"Content-Type": "application/json", "Host": rebound})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 403 and json.loads(refused.value.read())["error"] == "unexpected Host header"
    for own in ("localhost", f"localhost:{servers.rasa_port}"):  # as nginx passes it, and as a browser does
        assert post(servers.rasa_port, "/webhooks/rest/webhook",
                    json.dumps({"sender": f"own-host{path}", "message": "help"}).encode(), Host=own)[0] == 200
    still_serving(servers, pid, "after-host")


def test_twenty_bad_requests_in_a_minute_leave_the_same_server_serving(servers):
    pid = rasa_pid(servers)
    bad = [b'{"sender": "sur\\ud800x", "message": "hello"}', nested_metadata(100_000), nested_metadata(999),
           json.dumps({"sender": "bad-many", "message": "x", "metadata": {"x": "y" * 900_000}}).encode(),
           b'{"sender": "r1", "message": ']
    statuses = [webhook(servers, bad[n % len(bad)])[0] for n in range(16)]
    statuses += [webhook(servers, b"{}", Host="rebound.example.com")[0] for _ in range(2)]
    statuses += [huge_body(servers.rasa_port, "/webhooks/rest/webhook") for _ in range(2)]
    assert len(statuses) == 20 and all(400 <= status < 500 for status in statuses), statuses
    still_serving(servers, pid, "after-twenty")


def test_a_sender_sending_faster_than_allowed_gets_a_kind_429_and_nothing_of_it_is_stored(limited_servers):
    servers = limited_servers
    sender = "fast-sender"
    answers = [webhook(servers, json.dumps({"sender": sender, "message": "help"}).encode())
               for _ in range(SENDER_BURST + 2)]
    statuses = [status for status, _ in answers]
    assert statuses == [200] * SENDER_BURST + [429, 429], statuses
    assert answers[-1][1] == [{"recipient_id": sender, "text": TOO_FAST}]  # REST's reply shape
    assert len(user_events(servers, sender)) == SENDER_BURST
    assert "reflect" in rest(servers, "another-sender")("hello")  # others are not held up
    page = json.dumps({"sender": WEB_SENDER, "message": "help"}).encode()
    page_statuses = []
    for _ in range(SENDER_BURST + 1):
        status, reply = post(servers.rasa_port, "/chat/webhook", page)
        page_statuses.append(status)
    assert page_statuses[-1] == 429 and reply == {"error": TOO_FAST}, page_statuses


# ----- REST for integrations: a client token --------------------------------------------------------

@pytest.fixture(scope="module")
def token_servers(tmp_path_factory):
    yield from started_servers(tmp_path_factory, "hardening-token", env={
        "REST_TOKEN_REQUIRED": "1", "REST_CLIENT_TOKENS": f"crm={TOKEN}",
        "RATE_PER_CLIENT_BURST": str(CLIENT_BURST), "RATE_PER_CLIENT_PER_MINUTE": "1"})


def test_rest_needs_a_client_token_when_required_and_the_chat_page_does_not(token_servers):
    body = json.dumps({"sender": "integration-1", "message": "hello"}).encode()
    assert webhook(token_servers, body)[0] == 401
    status, reply = webhook(token_servers, body, Authorization=f"Bearer {TOKEN}x")
    assert status == 401 and "Bearer" in reply["error"]
    status, reply = webhook(token_servers, body, Authorization=f"Bearer {TOKEN}")
    assert status == 200 and "reflect" in "\n".join(m.get("text") or "" for m in reply)
    page = json.dumps({"sender": WEB_SENDER, "message": "hello"}).encode()
    status, reply = post(token_servers.rasa_port, "/chat/webhook", page)
    assert status == 200 and reply["messages"]  # the chat page counts against the address's limit too
    log = (Path(token_servers.child_env()["STATE_DIR"]).parent / "rasa.log").read_text(errors="replace")
    assert TOKEN not in log


def test_one_address_guessing_tokens_is_slowed_with_a_429(token_servers):
    statuses = [webhook(token_servers, b"{}", Authorization="Bearer guess-0123456789abcdef")[0]
                for _ in range(CLIENT_BURST + 1)]
    assert statuses[-1] == 429 and set(statuses[:-1]) <= {401, 429}, statuses
    status, reply = webhook(token_servers, b"{}", Authorization=f"Bearer {TOKEN}")
    assert status == 429 and reply == [{"text": TOO_FAST}]  # the right token waits its turn too
