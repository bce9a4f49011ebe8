"""Which web pages may open the app's websocket: only the app's own origins, decided offline.

A page the annotator visits elsewhere (another site, or another local web app
such as ``http://localhost:9999``) can ask the browser to open a websocket to
the app; the browser then names that page as ``Origin``. Streamlit's own
check refuses a foreign origin only after looking up the machine's external
IP (a DNS query and an HTTP request to an outside service), so any page could
make the app reach out on demand. This guard runs first and decides from the
configuration alone: the host must be one of the app's names
(:func:`phi_core.ui.allowed_hosts.allowed_hosts`) and the port the served
port, or the whole origin must be the one the request was sent to (a reverse
proxy on 443 serving a configured name).
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
POLICY_VIOLATION = 1008  # websocket close code; before accept, servers answer 403


def host_matches(name: str, hosts: Sequence[str]) -> bool:
    """``name`` is one of ``hosts`` (``*.example.org`` matches its subdomains)."""
    name = name.lower()
    for pattern in hosts:
        if pattern.startswith("*."):
            if name.endswith(pattern[1:]) and name != pattern[2:]:
                return True
        elif name == pattern:
            return True
    return False


def origin_allowed(origin: str, host_header: str | None, hosts: Sequence[str], port: int) -> bool:
    """Whether a websocket from ``origin`` may reach the app served on ``port``; no lookup of any kind."""
    try:
        parts = urlsplit(origin.strip())
        origin_port = parts.port
    except ValueError:  # a port that is not a number, an unclosed IPv6 bracket
        return False
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path or parts.username:
        return False
    # A trailing dot names the same host to DNS but is no name of ours: refuse it, as the Host check does.
    if parts.hostname.endswith(".") or not host_matches(parts.hostname, hosts):
        return False
    effective = origin_port or DEFAULT_PORTS[parts.scheme]
    if effective == port:
        return True
    return bool(host_header) and parts.netloc.lower() == host_header.strip().lower()


class OriginGuard:
    """ASGI middleware: a websocket whose Origin is not the app's own is closed before Streamlit sees it.

    A handshake without Origin comes from a program, not from a web page (browsers
    always send it), and passes, as it does in Streamlit.
    """

    def __init__(self, app, hosts: Sequence[str], port: int):
        self.app = app
        self.hosts = [h.lower() for h in hosts]
        self.port = int(port)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":
            headers = {k.lower(): v for k, v in scope.get("headers", [])}
            origin = headers.get(b"origin")
            host = headers.get(b"host")
            if origin is not None and not origin_allowed(
                origin.decode("latin-1"), host.decode("latin-1") if host else None, self.hosts, self.port
            ):
                await send({"type": "websocket.close", "code": POLICY_VIOLATION})
                return
        await self.app(scope, receive, send)
