"""Cross-site websockets: only the app's own origins, decided with no network lookup (phi_core/ui/origin_guard.py)."""

from __future__ import annotations

import ipaddress
import socket

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect
from streamlit import net_util
from streamlit.web.server.starlette.starlette_websocket import _is_origin_allowed

from phi_core.ui.allowed_hosts import allowed_hosts
from phi_core.ui.origin_guard import OriginGuard, origin_allowed

PORT = 8501
HOSTS = allowed_hosts("127.0.0.1", "phi.example.org,*.lab.example")
FOREIGN = [
    "http://localhost:9999",  # another local web app
    "http://127.0.0.1:9999",
    "http://evil.example",
    f"http://evil.example:{PORT}",
    f"http://localhost.evil.example:{PORT}",
    f"http://localhost.:{PORT}",
    f"http://lab.example:{PORT}",  # the wildcard is for subdomains only
    f"ftp://localhost:{PORT}",
    "null",  # a sandboxed frame or a file:// page
    f"http://user@localhost:{PORT}",
    "http://[::1",
]
OWN = [
    f"http://localhost:{PORT}",
    f"http://127.0.0.1:{PORT}",
    f"http://LOCALHOST:{PORT}",
    f"http://phi.example.org:{PORT}",
    f"https://ward.lab.example:{PORT}",
]


@pytest.mark.parametrize("origin", FOREIGN)
def test_foreign_origins_are_refused(origin):
    assert not origin_allowed(origin, f"localhost:{PORT}", HOSTS, PORT)


@pytest.mark.parametrize("origin", OWN)
def test_the_apps_own_origins_are_accepted(origin):
    assert origin_allowed(origin, f"127.0.0.1:{PORT}", HOSTS, PORT)


def test_a_proxy_on_another_port_is_accepted_only_as_the_origin_the_request_was_sent_to():
    assert origin_allowed("https://phi.example.org", "phi.example.org", HOSTS, PORT)
    assert not origin_allowed("https://phi.example.org", f"phi.example.org:{PORT}", HOSTS, PORT)
    assert not origin_allowed("https://evil.example", "evil.example", HOSTS, PORT)


# ------------------------------------------------- the real check, no lookup


class Monitor:
    """Records every address this process tries to resolve or reach that is not loopback (and stops it)."""

    def __init__(self, monkeypatch):
        self.off_machine: list[str] = []
        real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

        def getaddrinfo(host, *args, **kwargs):
            if not _loopback(host):
                self.off_machine.append(f"lookup {host}")
                raise socket.gaierror("blocked by the test")
            return real_getaddrinfo(host, *args, **kwargs)

        def connect(sock, address):
            if sock.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
                self.off_machine.append(f"connect {address}")
                raise OSError("blocked by the test")
            return real_connect(sock, address)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        monkeypatch.setattr(socket.socket, "connect", connect)
        # Streamlit caches the addresses it found; a cached one would hide a lookup.
        monkeypatch.setattr(net_util, "_external_ip", None)
        monkeypatch.setattr(net_util, "_internal_ip", None)


def _loopback(host) -> bool:
    host = str(host or "").strip("[]").lower()
    if host in ("localhost", "testserver"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def streamlit_stream(websocket):
    """Streamlit's websocket endpoint, as far as the origin: its own check, then accept."""
    if not _is_origin_allowed(websocket.headers.get("Origin"), websocket.headers.get("Host")):
        await websocket.close(code=1008)
        return
    await websocket.accept()
    await websocket.send_text("hello")
    await websocket.close()


def app(guarded: bool) -> Starlette:
    middleware = [Middleware(OriginGuard, hosts=HOSTS, port=PORT)] if guarded else []
    return Starlette(routes=[WebSocketRoute("/_stcore/stream", streamlit_stream)], middleware=middleware)


def opens(client: TestClient, origin: str, host: str = f"127.0.0.1:{PORT}") -> bool:
    try:
        with client.websocket_connect("/_stcore/stream", headers={"Origin": origin, "Host": host}) as ws:
            return ws.receive_text() == "hello"
    except WebSocketDisconnect:
        return False


def test_without_the_guard_a_foreign_origin_makes_streamlit_look_outside(monkeypatch):
    """The issue's finding, kept as a check that the monitor sees what it must."""
    monitor = Monitor(monkeypatch)
    with TestClient(app(guarded=False), base_url=f"http://127.0.0.1:{PORT}") as client:
        assert not opens(client, "http://evil.example")
    assert monitor.off_machine, "Streamlit's own check no longer looks up anything: the guard may be simplified"


def test_foreign_origins_are_refused_without_any_lookup_or_outside_connection(monkeypatch):
    monitor = Monitor(monkeypatch)
    with TestClient(app(guarded=True), base_url=f"http://127.0.0.1:{PORT}") as client:
        for origin in FOREIGN:
            assert not opens(client, origin), origin
        for origin in OWN:
            assert opens(client, origin, host=origin.split("://", 1)[1]), origin
        assert opens(client, f"http://localhost:{PORT}")  # own origin, Host spelled as the address
    assert monitor.off_machine == []


def test_serve_py_puts_the_guard_in_front_of_streamlit():
    from tests.e2e import helpers

    source = helpers.SERVE_FILE.read_text(encoding="utf-8")
    assert "OriginGuard" in source and "TrustedHostMiddleware" in source
