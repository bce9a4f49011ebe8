"""DNS rebinding: the app answers only to its own names (phi_core/ui/allowed_hosts.py, serve.py)."""

from __future__ import annotations

import base64
import http.client
import os
import re
import socket

import pytest

from phi_core.ui.allowed_hosts import allowed_hosts
from tests.e2e import helpers


def test_bound_address_localhost_and_configured_names_only():
    assert allowed_hosts("127.0.0.1", "") == ["localhost", "127.0.0.1"]
    assert allowed_hosts("10.0.0.5", " phi.example.org, *.lab.example ") == [
        "localhost",
        "127.0.0.1",
        "10.0.0.5",
        "phi.example.org",
        "*.lab.example",
    ]


@pytest.mark.parametrize("address", ["0.0.0.0", "::", "*", "", None])
def test_a_wildcard_bind_address_does_not_allow_every_name(address):
    assert allowed_hosts(address, "") == ["localhost", "127.0.0.1"]


@pytest.mark.parametrize("bad", ["*", "evil*.example", "a.*.example"])
def test_a_configured_pattern_that_would_allow_any_host_is_refused(bad):
    with pytest.raises(ValueError, match="PHI_ALLOWED_HOSTS"):
        allowed_hosts("127.0.0.1", bad)


def test_make_run_starts_the_guarded_entry_point():
    recipe = (helpers.REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\t.*streamlit run serve\.py ", recipe, re.M), "make run must start serve.py"
    assert helpers.SERVE_FILE.name == "serve.py"


def _status(port: int, host: str, *, websocket: bool) -> int:
    if not websocket:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.putrequest("GET", "/_stcore/health", skip_host=True)
        connection.putheader("Host", host)
        connection.endheaders()
        return connection.getresponse().status
    key = base64.b64encode(os.urandom(16)).decode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            (
                f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://{host}\r\n"
                "Sec-WebSocket-Protocol: streamlit\r\n\r\n"
            ).encode()
        )
        return int(sock.recv(200).split(b" ", 2)[1])


@pytest.fixture(scope="module")
def guarded_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hosts")
    db_path = folder / "phi.duckdb"
    helpers.init_db(db_path)
    server = helpers.start_app(db_path, folder / "streamlit.log", extra_env={"PHI_ALLOWED_HOSTS": "phi.example.org"})
    try:
        yield server
    finally:
        helpers.stop_app(server)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("websocket", [False, True], ids=["http", "websocket"])
def test_a_forged_host_is_refused_and_the_apps_own_names_are_served(guarded_app, websocket):
    port = guarded_app.port
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}", f"localhost.:{port}"):
        assert _status(port, host, websocket=websocket) == 400, host
    ok = 101 if websocket else 200
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"phi.example.org:{port}"):
        assert _status(port, host, websocket=websocket) == ok, host
