"""Model hosts on loopback: the one implementation of Ollama's and the OpenAI API's wire format.

Testing and benchmarking only, not a product feature. Several hosts speak
these protocols: the fixed-latency stand-ins the scale-out bench drives
(``bench/standin_hosts.py``) and the scripted fakes the tests use
(``tests/doubles/``: ``fake_ollama_server.py``, ``fake_openai_server.py``,
``huge_reply_host.py``). They
all stand on this module: ``LoopbackHost`` (the server, its route table, the
log of what it received, canned answers queued ahead of the routes, the chat
gate with its latency, slots and counts) and the reply bodies in each API's
shape (``ollama_*``, ``openai_*``).

Why it lives in bench/: a bench may import nothing from tests/, and test
doubles must not ship inside phi_core (the package the project installs);
tests may import bench/ (they already drive the app through
``bench/browser.py``). So the protocol is written once here, the scripted
fakes in tests/doubles build on it, and tests/doubles passes the stand-ins on,
so that every test takes its doubles from that one package.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple

JSON = "application/json; charset=utf-8"
NANOSECONDS = 1_000_000_000

Route = Callable[[dict], tuple[int, Any]]


class Received(NamedTuple):
    """One request as a host received it (headers with lower-case names)."""

    method: str
    path: str
    body: dict
    headers: dict[str, str]


class Ndjson(list):
    """An answer sent as one JSON object a line (Ollama streams its chat this way)."""


class Body(NamedTuple):
    """An answer written piece by piece (one too large to hold), with its full length."""

    content_type: str
    length: int
    chunks: Iterable[bytes]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many clients connect at once in the bench


class LoopbackHost:
    """A JSON HTTP server on 127.0.0.1 (a free port unless given) answering from ``routes()``.

    A context manager. ``latency_s`` and ``slots`` shape the chats that go
    through ``serving_chat``: each takes ``latency_s``, at most ``slots`` at
    once (None: no limit), the rest wait their turn, as on a GPU box whose
    server runs a fixed number of sequences in parallel.
    """

    http_version = "HTTP/1.0"
    not_found: Any = {"error": "404 page not found"}

    def __init__(self, *, port: int = 0, latency_s: float = 0.0, slots: int | None = None, name: str = "loopback"):
        self.latency_s = latency_s
        self.requests: list[Received] = []
        self._queued: deque[tuple[int, bytes, str, float]] = deque()
        self._gate = threading.Semaphore(slots) if slots else None
        self._lock = threading.Lock()
        self.reset_counts()
        self.busy = 0
        self._httpd = _Server(("127.0.0.1", port), _handler_for(self))
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name=name, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def routes(self) -> dict[tuple[str, str], Route]:
        return {}

    def queue(
        self, status: int, body: Any = None, *, content_type: str = JSON, delay_s: float = 0.0, times: int = 1
    ) -> None:
        """Answer the next ``times`` requests with this (bytes as they are), before serving normally."""
        raw = body if isinstance(body, bytes) else encode(body if body is not None else {})
        self._queued.extend([(status, raw, content_type, delay_s)] * times)

    # -- chats: latency, slots and counts ---------------------------------------

    def reset_counts(self) -> None:
        with self._lock:
            self.served = 0  # chats answered through serving_chat
            self.peak_busy = 0  # most chats being answered at once
            self.first_at: float | None = None  # perf_counter when the first chat arrived
            self.last_at: float | None = None  # ... and when the last one was answered

    @contextmanager
    def serving_chat(self) -> Iterator[None]:
        with self._lock:
            if self.first_at is None:
                self.first_at = time.perf_counter()
        with self._gate or nullcontext():
            with self._lock:
                self.busy += 1
                self.peak_busy = max(self.peak_busy, self.busy)
            try:
                if self.latency_s:
                    time.sleep(self.latency_s)
                yield
            finally:
                with self._lock:
                    self.busy -= 1
                    self.served += 1
                    self.last_at = time.perf_counter()

    # -- one request --------------------------------------------------------------

    def answer(self, method: str, path: str, body: dict, headers: dict[str, str]) -> tuple[int, Body]:
        self.requests.append(Received(method, path, body, headers))
        if self._queued:
            status, raw, content_type, delay_s = self._queued.popleft()
            time.sleep(delay_s)
            return status, Body(content_type, len(raw), (raw,))
        route = self.routes().get((method, path))
        status, payload = route(body) if route else (404, self.not_found)
        if isinstance(payload, Body):
            return status, payload
        if isinstance(payload, Ndjson):
            data = b"".join(encode(part) + b"\n" for part in payload)
            return status, Body("application/x-ndjson", len(data), (data,))
        data = encode(payload)
        return status, Body(JSON, len(data), (data,))


def encode(payload: Any) -> bytes:
    """A JSON body as the hosts send it (UTF-8, non-ASCII kept as it is)."""
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def _handler_for(host: LoopbackHost) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = host.http_version

        def log_message(self, format: str, *args: Any) -> None:  # keep test and bench output quiet
            pass

        def do_GET(self) -> None:
            self._dispatch("GET")

        def do_POST(self) -> None:
            self._dispatch("POST")

        def handle_one_request(self) -> None:
            try:
                super().handle_one_request()
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (its deadline passed)
                self.close_connection = True

        def _dispatch(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw) if raw else {}
            except json.JSONDecodeError:
                data = encode({"error": "request body is not JSON"})
                self._send(400, Body(JSON, len(data), (data,)))
                return
            headers = {k.lower(): v for k, v in self.headers.items()}
            self._send(*host.answer(method, self.path.split("?")[0], body, headers))

        def _send(self, status: int, answer: Body) -> None:
            self.send_response(status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(answer.length))
            self.end_headers()
            for chunk in answer.chunks:
                self.wfile.write(chunk)

    return Handler


# -- the bodies, in each API's shape ----------------------------------------------


def now() -> str:
    return datetime.now(UTC).isoformat()


def ollama_tag(name: str, *, digest: str, size: int, details: dict[str, Any], modified_at: str = "") -> dict:
    """One model as ``GET /api/tags`` lists it."""
    return {
        "name": name,
        "model": name,
        "modified_at": modified_at or now(),
        "size": size,
        "digest": digest,
        "details": details,
    }


def ollama_show(tag: dict, *, modelfile: str = "", model_info: dict | None = None) -> dict:
    """``POST /api/show`` for a model listed as ``tag``."""
    return {
        "modelfile": modelfile,
        "parameters": "",
        "template": "",
        "details": tag["details"],
        "model_info": model_info or {},
        "capabilities": ["completion"],
        "modified_at": tag["modified_at"],
    }


def ollama_chat(
    model: str,
    message: dict,
    *,
    done_reason: str = "stop",
    load_s: float = 0.0,
    seconds: float = 0.0,
    prompt_tokens: int = 0,
    prompt_s: float = 0.0,
    eval_tokens: int = 0,
    eval_s: float = 0.0,
) -> dict:
    """A finished ``POST /api/chat`` with Ollama's metrics (durations in nanoseconds)."""
    load_ns = int(load_s * NANOSECONDS)
    return {
        "model": model,
        "created_at": now(),
        "message": message,
        "done": True,
        "done_reason": done_reason,
        "total_duration": load_ns + int(seconds * NANOSECONDS),
        "load_duration": load_ns,
        "prompt_eval_count": prompt_tokens,
        "prompt_eval_duration": int(prompt_s * NANOSECONDS),
        "eval_count": eval_tokens,
        "eval_duration": int(eval_s * NANOSECONDS),
    }


def ollama_answer(final: dict, request: dict) -> dict | Ndjson:
    """The chat as the client asked for it: Ollama streams unless told not to (one content chunk, then the end)."""
    if not request.get("stream", True):
        return final
    chunk = {"model": final["model"], "created_at": final["created_at"], "message": final["message"], "done": False}
    return Ndjson([chunk, {**final, "message": {"role": "assistant", "content": ""}}])


def openai_models(ids: tuple[str, ...] | list[str], *, owned_by: str) -> dict:
    return {"object": "list", "data": [{"id": m, "object": "model", "created": 0, "owned_by": owned_by} for m in ids]}


def openai_completion(
    model: str,
    message: dict,
    *,
    finish_reason: str = "stop",
    usage: tuple[int, int] = (100, 5),
    extra: dict | None = None,
    completion_id: str = "chatcmpl-1",
) -> dict:
    """A ``POST /v1/chat/completions`` answer; ``usage`` is (prompt, completion) tokens."""
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        **(extra or {}),
        "choices": [{"index": 0, "finish_reason": finish_reason, "message": {"role": "assistant", **message}}],
        "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)},
    }


def serve_until_interrupted() -> None:
    """Wait for Ctrl-C while the hosts answer from their own threads (the hand-run servers' main loop)."""
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
