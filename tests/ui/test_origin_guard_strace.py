"""The running app (serve.py, as `make run` starts it) under strace: foreign origins refused, nothing leaves the machine.

strace comes from scripts/install_system_deps.sh (run by `make test`); the
test skips where it is missing or where the kernel does not allow tracing.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import socket
import subprocess
import time

import pytest

from tests.e2e import helpers

FOREIGN = ("http://localhost:9999", "http://evil.example", "http://127.0.0.1:9999", "null")
# connect()/sendto() to an internet address, or to a resolver socket: a lookup or a connection off the machine.
INET = re.compile(r'sin6?_addr=inet_(?:addr|pton)\((?:AF_INET6?, )?"([^"]+)"\)')
RESOLVER = re.compile(r"nscd|systemd/resolve|htons\(53\)")


def _handshake(port: int, origin: str) -> int:
    key = base64.b64encode(os.urandom(16)).decode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            (
                f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                f"Origin: {origin}\r\nSec-WebSocket-Protocol: streamlit\r\n\r\n"
            ).encode()
        )
        return int(sock.recv(200).split(b" ", 2)[1])


def _off_machine(trace: str) -> list[str]:
    found = []
    for line in trace.splitlines():
        if not re.search(r"\b(connect|sendto|sendmsg)\(", line):
            continue
        addresses = INET.findall(line)
        if RESOLVER.search(line) or any(a not in ("127.0.0.1", "::1") and not a.startswith("127.") for a in addresses):
            found.append(line.strip())
    return found


@pytest.mark.timeout(180)
def test_foreign_origins_are_refused_and_nothing_leaves_the_machine(tmp_path):
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed: run scripts/install_system_deps.sh")
    db_path = tmp_path / "phi.duckdb"
    helpers.init_db(db_path)
    server = helpers.start_app(db_path, tmp_path / "streamlit.log")
    trace_file = tmp_path / "trace.txt"
    tracer = subprocess.Popen(
        [
            strace,
            "-f",
            "-qq",
            "-s",
            "48",
            "-e",
            "trace=connect,sendto,sendmsg",
            "-o",
            str(trace_file),
            "-p",
            str(server.process.pid),
        ],
        stderr=subprocess.PIPE,
    )
    try:
        time.sleep(1.5)  # strace attaches to every thread
        if tracer.poll() is not None:
            pytest.skip(f"strace cannot trace here: {tracer.stderr.read().decode(errors='replace').strip()}")
        statuses = {origin: _handshake(server.port, origin) for origin in FOREIGN}
        own = _handshake(server.port, f"http://127.0.0.1:{server.port}")
        time.sleep(1.0)  # let a lookup the refusal might have started show up in the trace
    finally:
        tracer.terminate()
        tracer.wait(timeout=10)
        helpers.stop_app(server)
    assert all(status == 403 for status in statuses.values()), statuses
    assert own == 101
    trace = trace_file.read_text(encoding="utf-8", errors="replace")
    # The refusals themselves went out through sendto(): proof that the trace covered the handshakes.
    assert "403" in trace, "strace did not see the app answer: the trace proves nothing"
    assert _off_machine(trace) == []
