"""How `make run` starts the servers: safe defaults, settings from the environment."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from scripts import serve
from scripts.serve import Servers, free_port


def test_the_http_api_is_enabled_only_with_a_token_which_never_goes_on_a_command_line(tmp_path):
    from scripts.rasa_server import rasa_argv
    servers = Servers(api_token="s3cret", env={"STATE_DIR": str(tmp_path)})
    assert "s3cret" not in " ".join(servers.rasa_args("run"))
    assert servers.child_env()["RASA_API_TOKEN"] == "s3cret"
    assert "RASA_API_TOKEN" not in Servers(env={"STATE_DIR": str(tmp_path)}).child_env()
    # inside the launcher's own process only:
    assert "--enable-api" not in rasa_argv(["run", "--port", "1"], None)
    assert rasa_argv(["run"], "s3cret")[-3:] == ["--enable-api", "--auth-token", "s3cret"]


def test_the_rasa_server_listens_only_on_this_machine_by_default():
    args = Servers().rasa_args("run")
    assert args[args.index("--interface") + 1] == "127.0.0.1"


def test_children_get_the_database_records_and_action_endpoint(tmp_path):
    env = Servers(action_port=6123, env={"DATABASE_URL": "sqlite:////tmp/x.db", "STATE_DIR": str(tmp_path),
                                         "RECORDS_DIR": str(tmp_path)}).child_env()
    assert env["DATABASE_URL"] == "sqlite:////tmp/x.db"
    assert env["RECORDS_DIR"] == str(tmp_path)
    assert env["ACTION_ENDPOINT_URL"] == "http://127.0.0.1:6123/webhook"
    assert env["RASA_TELEMETRY_ENABLED"] == "false"


def test_a_port_in_use_is_a_clear_error_not_a_silent_reuse():
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(RuntimeError, match=f"Port {port} is already in use"):
            Servers(action_port=port).check_ports_free()


# ----- stopping: every signal, every server, never cut short ----------------------------------

IGNORES_TERM = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(120)"


@contextmanager
def launcher_signals():
    """run_until_stopped installs handlers in this (pytest's) process: put pytest's back afterwards."""
    saved = {sig: signal.getsignal(sig) for sig in serve.STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
        serve.STOPPING.reset()


def stand_in(servers: Servers, name: str, code: str = "import time; time.sleep(120)") -> subprocess.Popen:
    """A small process started as a server is (own session, recorded, watched): no Rasa needed."""
    return servers._spawn(name, [sys.executable, "-c", code])


def test_a_second_and_third_signal_while_stopping_never_cut_the_stop_short(tmp_path):
    """A TERM to `make run`'s group arrives twice (make passes its own on), and Ctrl-C may follow."""
    servers = Servers(env={"STATE_DIR": str(tmp_path)})
    finished = []

    def serve_until_signalled() -> int:
        stand_in(servers, "actions")
        stand_in(servers, "rasa", IGNORES_TERM)  # one that needs the KILL after STOP_SECONDS
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(30)
        return 1

    def stop() -> None:
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):  # each would have interrupted the stop
            os.kill(os.getpid(), sig)
            time.sleep(0.05)
        servers.stop()
        finished.append(True)

    processes = []
    with launcher_signals():
        original = servers._spawn

        def spawn_and_keep(*args, **kwargs):
            processes.append(original(*args, **kwargs))
            return processes[-1]
        servers._spawn = spawn_and_keep
        began = time.monotonic()
        assert serve.run_until_stopped(serve_until_signalled, stop) == 0
    assert finished == [True]
    assert all(p.poll() is not None for p in processes) and len(processes) == 2
    assert time.monotonic() - began < serve.STOP_SECONDS + 3
    assert servers.processes == []


def test_every_server_is_stopped_at_once_and_one_ignoring_term_is_killed(tmp_path):
    """One after another, two slow servers would take twice as long: stopping is at most STOP_SECONDS."""
    servers = Servers(env={"STATE_DIR": str(tmp_path)})
    stubborn = [stand_in(servers, f"server{n}", IGNORES_TERM) for n in range(3)]
    time.sleep(0.5)  # they have set their handlers
    began = time.monotonic()
    serve.stop_all(stubborn, timeout=1.0)
    assert time.monotonic() - began < 2.5
    assert [p.returncode for p in stubborn] == [-signal.SIGKILL] * 3


def test_a_stop_signal_while_a_server_is_being_started_waits_until_it_is_recorded(tmp_path):
    """Otherwise a server started but not yet in the list would be left running by the stop."""
    servers = Servers(env={"STATE_DIR": str(tmp_path)})
    with launcher_signals():
        serve.run_until_stopped(lambda: 0, lambda: None)  # installs the handlers, as the launcher does
        serve.STOPPING.reset()
        recorded = []
        with pytest.raises(KeyboardInterrupt):
            with serve.started_and_recorded():
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(0.2)  # the handler has run by now, and must not have raised here
                recorded.append(True)
        assert recorded == [True]
        with pytest.raises(RuntimeError, match="stopping"):  # and from now on nothing more starts
            stand_in(servers, "late")
    assert servers.processes == []


def test_the_action_server_gets_no_api_token(tmp_path):
    servers = Servers(api_token="s3cret", env={"STATE_DIR": str(tmp_path)})
    assert servers.child_env()["RASA_API_TOKEN"] == "s3cret"
    assert "RASA_API_TOKEN" not in servers.child_env(for_actions=True)


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("127.3.2.1", True), ("localhost", True),
                                            ("::1", True), ("0.0.0.0", False), ("192.168.1.20", False),
                                            ("::", False), ("assistant.example", False)])
def test_only_this_machine_counts_as_loopback(host, loopback):
    assert serve.is_loopback(host) is loopback


def test_rest_tokens_are_configured_by_either_setting(tmp_path):
    tokens = tmp_path / "tokens"
    assert not serve.rest_tokens_configured({})
    assert not serve.rest_tokens_configured({"REST_CLIENT_TOKENS_FILE": str(tokens)})  # missing
    tokens.write_text("# none yet\n\n")
    assert not serve.rest_tokens_configured({"REST_CLIENT_TOKENS_FILE": str(tokens)})
    tokens.write_text("case-system abc123\n")
    assert serve.rest_tokens_configured({"REST_CLIENT_TOKENS_FILE": str(tokens)})
    assert serve.rest_tokens_configured({"REST_CLIENT_TOKENS": "case-system=abc123"})


def test_listening_beyond_this_machine_without_rest_tokens_refuses_to_start_with_a_plain_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("REST_CLIENT_TOKENS")}
    env.update(RASA_HOST="0.0.0.0", STATE_DIR=str(tmp_path / "state"), RECORDS_DIR=str(tmp_path / "records"),
               DATABASE_URL=f"sqlite:///{tmp_path / 'state' / 'a.db'}", PYTHONPATH=str(serve.ROOT))
    done = subprocess.run([sys.executable, str(serve.ROOT / "scripts" / "serve.py"), "run"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]  # one line, no traceback
    assert "RASA_HOST=0.0.0.0" in done.stderr and "REST_CLIENT_TOKENS_FILE" in done.stderr
    assert not (tmp_path / "state").exists()  # nothing was started or created


def test_the_scaled_profile_always_needs_rest_tokens_and_makes_an_owner_only_file_once(tmp_path, monkeypatch):
    """`make run-scaled` with no tokens configured: one client, `integration`, kept across starts."""
    import stat

    from scripts.scaled import Scaled
    for name in ("REST_CLIENT_TOKENS", "REST_CLIENT_TOKENS_FILE"):
        monkeypatch.delenv(name, raising=False)
    profile = Scaled(state_dir=tmp_path)
    env = profile.rest_client_tokens()
    tokens = tmp_path / "rest-client-tokens"
    assert env == {"REST_TOKEN_REQUIRED": "1", "REST_CLIENT_TOKENS_FILE": str(tokens)}
    assert stat.S_IMODE(tokens.stat().st_mode) == 0o600
    name, token = tokens.read_text().split()
    assert name == "integration" and len(token) >= 32
    assert profile.rest_client_tokens() == env and tokens.read_text().split()[1] == token  # not replaced
    monkeypatch.setenv("REST_CLIENT_TOKENS", "case-system=abc123")
    assert Scaled(state_dir=tmp_path / "other").rest_client_tokens() == {"REST_TOKEN_REQUIRED": "1"}


def test_a_free_port_is_below_the_range_outgoing_connections_are_given():
    """A server binds its port only once the model is loaded: a port from the outgoing range could be taken by
    then by any connection this machine makes (it stopped a test server with "address already in use")."""
    low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    ports = {free_port() for _ in range(20)}
    assert all(1024 < port < low for port in ports) and len(ports) > 1
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", ports.pop()))  # free when given


def test_a_stop_signal_arriving_while_the_first_is_being_handled_never_hangs_the_launcher():
    """make passes its TERM on, so a TERM to `make run`'s group reaches the launcher twice, and the second can
    arrive at any line of the first one's handling (Python runs a handler between any two lines, also inside a
    handler). Found: under load, the launcher hung with nothing stopped and no "Stopping..." written, because
    the second handler waited for a lock the first held on the same thread. Here the second signal is made to
    arrive at each line of the first handler in turn (a trace function calling the handler), and the handling
    must always finish, with the stop begun."""
    for arrive_at in range(1, 40):
        serve.STOPPING.reset()
        outcome: list = []

        def first_signal(arrive_at=arrive_at, outcome=outcome) -> None:
            lines = 0

            def second_signal(frame, event, arg):
                nonlocal lines
                if event == "line":
                    lines += 1
                    if lines == arrive_at:
                        sys.settrace(None)
                        serve.on_stop_signal(signal.SIGTERM)  # raises as a real second handler would
                return second_signal
            sys.settrace(second_signal)
            try:
                serve.on_stop_signal(signal.SIGTERM)
            except KeyboardInterrupt:
                outcome.append("interrupted")
            finally:
                sys.settrace(None)
            outcome.append("handled")

        handling = threading.Thread(target=first_signal, daemon=True)
        handling.start()
        handling.join(timeout=5)
        assert not handling.is_alive(), f"hung with the second signal at line {arrive_at} of the first's handling"
        assert outcome == ["interrupted", "handled"]
        with pytest.raises(RuntimeError, match="stopping"):  # the stop has begun: nothing more starts
            with serve.started_and_recorded():
                pass
    serve.STOPPING.reset()
