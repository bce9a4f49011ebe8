"""A loopback stand-in for an OpenAI-compatible server, to drive every error path (test fixture).

It answers ``GET /v1/models`` and ``POST /v1/chat/completions`` so the real
``openai`` client runs end to end. Tests queue raw answers (status, body,
content type, delay) with :meth:`FakeOpenAIServer.queue`; otherwise chat
requests get ``reply`` in a well-formed completion. ``accepted_forms`` says
which ``response_format`` types the server takes: the others get HTTP 422,
the way llama-cpp-python's server rejects ``json_schema``. The server, the
answer queue and the reply bodies are the shared loopback host of
``bench/loopback_hosts.py``.
"""

from __future__ import annotations

from typing import Any

from bench.loopback_hosts import LoopbackHost, Route, openai_completion, openai_models

MODEL = "served-model"


class FakeOpenAIServer(LoopbackHost):
    not_found = {"detail": "Not Found"}

    def __init__(
        self, *, models: tuple[str, ...] = (MODEL,), accepted_forms: tuple[str, ...] = ("json_schema", "json_object")
    ):
        super().__init__(name="fake-openai")
        self.models = models
        self.accepted_forms = accepted_forms
        # llama-cpp-python's server answers its own validation errors with 500, not 422.
        self.refusal_status = 422
        self.reply: dict[str, Any] = {"content": '{"phi_list": []}'}
        self.finish_reason = "stop"
        self.extra: dict[str, Any] = {"system_fingerprint": "fp_fake"}

    @property
    def url(self) -> str:
        return f"{super().url}/v1"

    def chats(self) -> list[dict]:
        return [r.body for r in self.requests if r.path.endswith("/chat/completions")]

    def routes(self) -> dict[tuple[str, str], Route]:
        return {
            ("GET", "/v1/models"): lambda body: (200, openai_models(self.models, owned_by="me")),
            ("POST", "/v1/chat/completions"): self._chat,
        }

    def _chat(self, body: dict) -> tuple[int, Any]:
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
        return 200, openai_completion(
            body["model"], self.reply, finish_reason=self.finish_reason, usage=(321, 12), extra=self.extra
        )
