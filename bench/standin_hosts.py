"""Stand-in model hosts on loopback with a fixed latency (test and bench fixture, not a product feature).

Each host answers both Ollama's API (``/api/tags``, ``/api/show``,
``/api/chat``) and the OpenAI-compatible one (``/v1/models``,
``/v1/chat/completions``), so the real clients of both backends run end to
end. A host serves at most ``slots`` requests at once, each taking
``latency_s``; further requests wait their turn, as on a real GPU box whose
server runs a fixed number of sequences in parallel. Hosts count what they
served, so a test can check that every host got a share of a run.

Used by ``bench/scaleout.py`` and ``tests/backends/test_openai_scaleout.py``.
Run by hand (four hosts, 0.3 s per call, two at once each)::

    PYTHONPATH=. python bench/standin_hosts.py --hosts 4 --latency 0.3 --slots 2
"""

from __future__ import annotations

import json
import threading
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "standin:latest"
DIGEST = "sha256:" + "5" * 64
# An empty answer in the phi_list shape: valid for every shipped phase's parser.
ANSWER = json.dumps({"phi_list": []})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many clients connect at once in the bench


class StandinHost:
    """One host on 127.0.0.1 at a free port; use as a context manager."""

    def __init__(self, *, latency_s: float = 0.3, slots: int = 1, answer: str = ANSWER, model: str = MODEL):
        self.latency_s = latency_s
        self.slots = slots
        self.answer = answer
        self.model = model
        self._gate = threading.Semaphore(slots)
        self._lock = threading.Lock()
        self.chats = 0  # chat requests served
        self.busy = 0
        self.peak_busy = 0  # most requests being answered at once
        self.first_at: float | None = None  # perf_counter when the first chat arrived
        self.last_at: float | None = None  # ... and when the last one was answered
        self._httpd = _Server(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="standin-host", daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def openai_url(self) -> str:
        return f"{self.url}/v1"

    def start(self) -> StandinHost:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> StandinHost:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def reset_counts(self) -> None:
        with self._lock:
            self.chats = 0
            self.peak_busy = 0
            self.first_at = self.last_at = None

    # -- answering ----------------------------------------------------------------

    def _serve_chat(self) -> None:
        with self._lock:
            if self.first_at is None:
                self.first_at = time.perf_counter()
        with self._gate:
            with self._lock:
                self.busy += 1
                self.peak_busy = max(self.peak_busy, self.busy)
            try:
                time.sleep(self.latency_s)
            finally:
                with self._lock:
                    self.busy -= 1
                    self.chats += 1
                    self.last_at = time.perf_counter()

    def _ollama_model(self) -> dict:
        details = {"format": "gguf", "family": "standin", "parameter_size": "1B", "quantization_level": "Q4_K_M"}
        return {
            "name": self.model,
            "model": self.model,
            "modified_at": _now(),
            "size": 1,
            "digest": DIGEST,
            "details": details,
        }

    def route(self, method: str, path: str, body: dict) -> tuple[int, Any]:
        if (method, path) == ("GET", "/api/tags"):
            return 200, {"models": [self._ollama_model()]}
        if (method, path) == ("POST", "/api/show"):
            return 200, {
                "modelfile": "",
                "parameters": "",
                "template": "",
                "details": self._ollama_model()["details"],
                "model_info": {},
                "capabilities": ["completion"],
                "modified_at": _now(),
            }
        if (method, path) == ("POST", "/api/chat"):
            self._serve_chat()
            ns = int(self.latency_s * 1e9)
            return 200, {
                "model": self.model,
                "created_at": _now(),
                "done": True,
                "done_reason": "stop",
                "message": {"role": "assistant", "content": self.answer},
                "total_duration": ns,
                "load_duration": 0,
                "prompt_eval_count": 100,
                "prompt_eval_duration": ns // 2,
                "eval_count": 5,
                "eval_duration": ns // 2,
            }
        if (method, path) == ("GET", "/v1/models"):
            return 200, {
                "object": "list",
                "data": [{"id": self.model, "object": "model", "created": 0, "owned_by": "standin"}],
            }
        if (method, path) == ("POST", "/v1/chat/completions"):
            self._serve_chat()
            return 200, {
                "id": "chatcmpl-standin",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": self.model,
                "system_fingerprint": "fp_standin",
                "choices": [
                    {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": self.answer}}
                ],
                "usage": {"prompt_tokens": 100, "completion_tokens": 5, "total_tokens": 105},
            }
        return 404, {"error": f"no route {method} {path}"}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        host = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real servers do

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._dispatch("GET")

            def do_POST(self) -> None:
                self._dispatch("POST")

            def _dispatch(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else {}
                except json.JSONDecodeError:
                    body = {}
                status, payload = host.route(method, self.path.split("?")[0], body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler


class StandinFleet(ExitStack):
    """Several stand-in hosts started together and stopped together."""

    def __init__(self, count: int, **settings: Any):
        super().__init__()
        self.hosts = [StandinHost(**settings) for _ in range(count)]

    def __enter__(self) -> StandinFleet:
        super().__enter__()
        for host in self.hosts:
            self.enter_context(host)
        return self

    @property
    def urls(self) -> list[str]:
        return [h.url for h in self.hosts]

    def shares(self) -> list[int]:
        return [h.chats for h in self.hosts]

    def reset_counts(self) -> None:
        for host in self.hosts:
            host.reset_counts()

    def serving_window_s(self) -> float:
        """From the first chat any host received to the last one any host answered."""
        firsts = [h.first_at for h in self.hosts if h.first_at is not None]
        lasts = [h.last_at for h in self.hosts if h.last_at is not None]
        return max(lasts) - min(firsts) if firsts and lasts else 0.0


def _now() -> str:
    return datetime.now(UTC).isoformat()


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Serve stand-in model hosts on loopback (testing only).")
    parser.add_argument("--hosts", type=int, default=2)
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--slots", type=int, default=1)
    args = parser.parse_args()
    with StandinFleet(args.hosts, latency_s=args.latency, slots=args.slots) as fleet:
        print("OLLAMA_HOST=" + ",".join(fleet.urls))
        print("PHI_OPENAI_BASE_URL=" + ",".join(h.openai_url for h in fleet.hosts), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
