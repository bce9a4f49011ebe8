"""A scripted stand-in for ``ollama.Client`` and the helpers that build an OllamaBackend around it.

The client plays back outcomes per method (an exception is raised, anything
else returned), so the backend's every error path can be driven without a
host; sleeps are recorded instead of slept.
"""

from __future__ import annotations

from typing import Any

import ollama

from phi_core.backends.base import ChatMessage, ChatRequest, GenerationOptions
from phi_core.backends.ollama_backend import OllamaBackend

HOST = "http://gpu-box:11434"
MODEL = "qwen3:8b"


def chat_body(content: Any = '{"phi_list": []}', **overrides) -> dict:
    body = {
        "model": MODEL,
        "created_at": "2025-01-01T00:00:00Z",
        "message": {"role": "assistant", "content": content},
        "done": True,
        "done_reason": "stop",
        "total_duration": 3_000_000_000,
        "load_duration": 1_000_000_000,
        "prompt_eval_count": 120,
        "prompt_eval_duration": 500_000_000,
        "eval_count": 40,
        "eval_duration": 1_500_000_000,
    }
    body.update(overrides)
    return body


class ScriptedClient:
    """Plays back outcomes per method: an exception is raised, anything else returned.

    The last outcome of a method repeats for every further call.
    """

    def __init__(self, chat=(), list=(), show=()) -> None:
        self.script = {"chat": [*chat], "list": [*list], "show": [*show]}
        self.calls: dict[str, list[dict]] = {"chat": [], "list": [], "show": []}

    def _play(self, method: str, kwargs: dict) -> Any:
        self.calls[method].append(kwargs)
        outcome = self.script[method].pop(0) if len(self.script[method]) > 1 else self.script[method][0]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def chat(self, **kwargs):
        return self._play("chat", kwargs)

    def list(self):
        return self._play("list", {})

    def show(self, model):
        return self._play("show", {"model": model})


def make(client: ScriptedClient, **kwargs) -> tuple[OllamaBackend, list[float]]:
    sleeps: list[float] = []
    backend = OllamaBackend(HOST, client=client, sleep=sleeps.append, **kwargs)
    return backend, sleeps


def request(schema: dict | None = None, **options) -> ChatRequest:
    return ChatRequest(
        messages=(ChatMessage("system", "extract PHI"), ChatMessage("user", "患者 山田太郎")),
        schema=schema,
        options=GenerationOptions(**options),
    )


def response_error(status: int, text: str = "boom") -> ollama.ResponseError:
    return ollama.ResponseError(f'{{"error": "{text}"}}', status)
