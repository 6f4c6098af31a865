"""How `make run` starts the servers: safe defaults, settings from the environment."""
from __future__ import annotations

from scripts.serve import Servers


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

    import pytest
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(RuntimeError, match=f"Port {port} is already in use"):
            Servers(action_port=port).check_ports_free()
