"""A loopback stand-in for an Ollama server (test fixture, not a product feature).

It speaks the part of Ollama's HTTP API that phi-bench uses, so the real
``ollama`` client code path runs end to end:

- ``GET /api/tags``, ``POST /api/show``
- ``POST /api/chat`` (non-streaming; ``stream: true`` gets one NDJSON chunk
  followed by the final chunk, which is all a client needs to see)

Answers come from any object with the LLMBackend shape, normally the embedded
llama.cpp model, so replies are real model output with Ollama-style metrics.
Tests can queue HTTP failures (``fail_next``) to exercise retries over the wire,
make the host hang (``hang_s``), and it overflows like Ollama: a prompt longer
than ``num_ctx`` (counted at ``tokens_per_char`` tokens per character) loses
its start, and the answer is still HTTP 200, saying so only through
``prompt_eval_count`` (= num_ctx) and ``done_reason: "length"``.

Run by hand against the embedded model, e.g. to point the app at it::

    PYTHONPATH=. python tests/doubles/fake_ollama_server.py --port 11435
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from phi_core.backends.base import BackendError, ChatMessage, ChatRequest, GenerationOptions, ModelNotFound

NANOSECONDS = 1_000_000_000


def _full_name(name: str) -> str:
    return name if ":" in name else f"{name}:latest"


def _now() -> str:
    return datetime.now(UTC).isoformat()


class FakeOllamaServer:
    """Serve ``backend`` on 127.0.0.1 at a free port; use as a context manager."""

    def __init__(self, backend: Any, *, port: int = 0, tokens_per_char: float = 1.0, hang_s: float = 0.0) -> None:
        self.backend = backend
        self.tokens_per_char = tokens_per_char
        self.hang_s = hang_s  # every chat waits this long before answering (a hung host)
        self.truncated = 0  # chats whose prompt was cut
        self._failures: deque[tuple[int, str]] = deque()
        self.requests: list[tuple[str, str, dict]] = []  # (method, path, body) as received
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-ollama", daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeOllamaServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeOllamaServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def fail_next(self, status: int, times: int = 1, error: str = "injected failure") -> None:
        """Answer the next ``times`` requests with HTTP ``status`` before serving normally."""
        self._failures.extend([(status, error)] * times)

    # -- the API ---------------------------------------------------------------

    def _models(self) -> list[dict]:
        return [
            {
                "name": _full_name(m.name),
                "model": _full_name(m.name),
                "modified_at": _now(),
                "size": m.size_bytes or 0,
                "digest": m.digest,
                "details": {
                    "format": "gguf",
                    "family": m.family,
                    "families": [m.family] if m.family else None,
                    "parameter_size": m.parameter_size,
                    "quantization_level": m.quantization,
                },
            }
            for m in self.backend.list_models()
        ]

    def _find_model(self, name: str) -> dict | None:
        return next((m for m in self._models() if m["model"] == _full_name(name)), None)

    def tags(self, _body: dict) -> tuple[int, Any]:
        return 200, {"models": self._models()}

    def show(self, body: dict) -> tuple[int, Any]:
        name = body.get("model") or body.get("name") or ""
        model = self._find_model(name)
        if model is None:
            return 404, {"error": f"model '{name}' not found"}
        return 200, {
            "modelfile": f"FROM {model['model']}",
            "parameters": "",
            "template": "",
            "details": model["details"],
            "model_info": {"general.architecture": model["details"]["family"]},
            "capabilities": ["completion"],
            "modified_at": model["modified_at"],
        }

    def chat(self, body: dict) -> tuple[int, Any]:
        name = body.get("model") or ""
        if self._find_model(name) is None:
            return 404, {"error": f"model '{name}' not found"}
        try:
            request = _chat_request(body)
        except (TypeError, ValueError, KeyError) as error:
            return 400, {"error": f"invalid chat request: {error}"}
        if self.hang_s:
            time.sleep(self.hang_s)
        request, prompt_tokens = self._fit_context(request)
        try:
            reply = self.backend.chat(name, request)
        except ModelNotFound as error:
            return 404, {"error": str(error)}
        except BackendError as error:
            return 500, {"error": str(error)}
        load_ns = int(reply.load_seconds * NANOSECONDS)
        cut = prompt_tokens is not None
        message = {"role": "assistant", "content": reply.text}
        if (reply.metrics or {}).get("thinking"):
            message["thinking"] = reply.metrics["thinking"]
        return 200, {
            "model": _full_name(name),
            "created_at": _now(),
            "message": message,
            "done": True,
            "done_reason": "length" if cut else ((reply.metrics or {}).get("finish_reason") or "stop"),
            "total_duration": load_ns + int(reply.seconds * NANOSECONDS),
            "load_duration": load_ns,
            "prompt_eval_count": prompt_tokens if cut else (reply.prompt_tokens or 0),
            "prompt_eval_duration": int((reply.prompt_seconds or 0.0) * NANOSECONDS),
            "eval_count": reply.completion_tokens or 0,
            "eval_duration": int((reply.eval_seconds or reply.seconds) * NANOSECONDS),
        }

    def _fit_context(self, request: ChatRequest) -> tuple[ChatRequest, int | None]:
        """Ollama's overflow: keep the last num_ctx tokens of the prompt, drop the start."""
        limit = request.options.num_ctx
        keep_chars = int(limit / self.tokens_per_char)
        total = sum(len(m.content) for m in request.messages)
        if total * self.tokens_per_char <= limit:
            return request, None
        self.truncated += 1
        drop = total - keep_chars
        kept = []
        for message in request.messages:
            cut = min(drop, len(message.content))
            drop -= cut
            kept.append(ChatMessage(message.role, message.content[cut:]))
        return ChatRequest(messages=tuple(kept), schema=request.schema, options=request.options), limit

    def _routes(self) -> dict[tuple[str, str], Callable[[dict], tuple[int, Any]]]:
        return {("GET", "/api/tags"): self.tags, ("POST", "/api/show"): self.show, ("POST", "/api/chat"): self.chat}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
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
                    self._send(400, {"error": "request body is not JSON"})
                    return
                server.requests.append((method, self.path, body))
                if server._failures:
                    status, error = server._failures.popleft()
                    self._send(status, {"error": error})
                    return
                route = server._routes().get((method, self.path))
                if route is None:
                    self._send(404, {"error": "404 page not found"})
                    return
                status, payload = route(body)
                if status == 200 and self.path == "/api/chat" and body.get("stream", True):
                    self._send_stream(payload)
                else:
                    self._send(status, payload)

            def handle_one_request(self) -> None:
                try:
                    super().handle_one_request()
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (its deadline passed)
                    self.close_connection = True

            def _send(self, status: int, payload: Any) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _send_stream(self, final: dict) -> None:
                # Ollama streams by default; one content chunk then the done chunk.
                chunk = {
                    "model": final["model"],
                    "created_at": final["created_at"],
                    "message": final["message"],
                    "done": False,
                }
                last = {**final, "message": {"role": "assistant", "content": ""}}
                self.send_response(200)
                self.send_header("Content-Type", "application/x-ndjson")
                self.end_headers()
                for part in (chunk, last):
                    self.wfile.write(json.dumps(part, ensure_ascii=False).encode("utf-8") + b"\n")

        return Handler


def _chat_request(body: dict) -> ChatRequest:
    messages = tuple(ChatMessage(str(m["role"]), str(m.get("content") or "")) for m in body.get("messages") or [])
    options = body.get("options") or {}
    defaults = GenerationOptions()
    generation = GenerationOptions(
        temperature=float(options.get("temperature", defaults.temperature)),
        top_p=float(options.get("top_p", defaults.top_p)),
        seed=int(options.get("seed", defaults.seed)),
        num_ctx=int(options.get("num_ctx", defaults.num_ctx)),
        num_predict=int(options.get("num_predict", defaults.num_predict)),
        keep_alive=str(body.get("keep_alive", defaults.keep_alive)),
    )
    fmt = body.get("format")
    schema = fmt if isinstance(fmt, dict) else ({"type": "object"} if fmt == "json" else None)
    return ChatRequest(messages=messages, schema=schema, options=generation)


def main() -> None:
    import argparse

    from phi_core.backends.llamacpp_backend import LlamaCppBackend

    parser = argparse.ArgumentParser(description="Serve the embedded model over Ollama's HTTP API (testing only).")
    parser.add_argument("--port", type=int, default=11435)
    args = parser.parse_args()
    with FakeOllamaServer(LlamaCppBackend(), port=args.port) as server:
        print(f"fake Ollama serving {[m.name for m in server.backend.list_models()]} at {server.url}; Ctrl-C stops it")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
