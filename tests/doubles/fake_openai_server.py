"""A loopback stand-in for an OpenAI-compatible server, to drive every error path (test fixture).

It answers ``GET /v1/models`` and ``POST /v1/chat/completions`` so the real
``openai`` client runs end to end. Tests queue raw answers (status, body,
content type, delay) with :meth:`FakeOpenAIServer.queue`; otherwise chat
requests get ``reply`` in a well-formed completion. ``accepted_forms`` says
which ``response_format`` types the server takes: the others get HTTP 422,
the way llama-cpp-python's server rejects ``json_schema``.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "served-model"


class FakeOpenAIServer:
    def __init__(
        self, *, models: tuple[str, ...] = (MODEL,), accepted_forms: tuple[str, ...] = ("json_schema", "json_object")
    ):
        self.models = models
        self.accepted_forms = accepted_forms
        # llama-cpp-python's server answers its own validation errors with 500, not 422.
        self.refusal_status = 422
        self.reply: dict[str, Any] = {"content": '{"phi_list": []}'}
        self.finish_reason = "stop"
        self.extra: dict[str, Any] = {"system_fingerprint": "fp_fake"}
        self.requests: list[tuple[str, str, dict, dict]] = []  # method, path, body, headers
        self._queued: deque[tuple[int, bytes, str, float]] = deque()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def queue(
        self,
        status: int,
        body: Any = None,
        *,
        content_type: str = "application/json",
        delay_s: float = 0.0,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` requests with this, before serving normally."""
        raw = body if isinstance(body, bytes) else json.dumps(body if body is not None else {}).encode()
        self._queued.extend([(status, raw, content_type, delay_s)] * times)

    def chats(self) -> list[dict]:
        return [body for method, path, body, _ in self.requests if path.endswith("/chat/completions")]

    def _answer(self, method: str, path: str, body: dict) -> tuple[int, Any]:
        if (method, path) == ("GET", "/v1/models"):
            return 200, {
                "object": "list",
                "data": [{"id": m, "object": "model", "created": 0, "owned_by": "me"} for m in self.models],
            }
        if (method, path) == ("POST", "/v1/chat/completions"):
            fmt = body.get("response_format")
            if fmt is not None and fmt.get("type") not in self.accepted_forms:
                return self.refusal_status, {
                    "detail": [
                        {
                            "loc": ["body", "response_format", "type"],
                            "msg": f"Input should be one of {list(self.accepted_forms)}",
                        }
                    ]
                }
            if body.get("model") not in self.models:
                return 404, {
                    "error": {
                        "message": f"The model `{body.get('model')}` does not exist.",
                        "type": "NotFoundError",
                        "code": 404,
                    }
                }
            return 200, {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body["model"],
                **self.extra,
                "choices": [
                    {"index": 0, "finish_reason": self.finish_reason, "message": {"role": "assistant", **self.reply}}
                ],
                "usage": {"prompt_tokens": 321, "completion_tokens": 12, "total_tokens": 333},
            }
        return 404, {"detail": "Not Found"}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._dispatch("GET")

            def do_POST(self) -> None:
                self._dispatch("POST")

            def _dispatch(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else {}
                path = self.path.split("?")[0]
                server.requests.append((method, path, body, {k.lower(): v for k, v in self.headers.items()}))
                if server._queued:
                    status, data, content_type, delay = server._queued.popleft()
                    time.sleep(delay)
                else:
                    status, payload = server._answer(method, path, body)
                    data, content_type = json.dumps(payload).encode(), "application/json"
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
                    pass

        return Handler
