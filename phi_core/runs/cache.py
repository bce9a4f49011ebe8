"""Backend calls answered from the store when the same request was made before.

The key is the model digest, the messages, the schema and the options that
change the answer (not the timeout or keep_alive), plus the repeat number: a
repeat exists to measure how the model varies, so it must not be answered
with an earlier repeat's reply.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import Callable

from phi_core.backends.base import ChatReply, ChatRequest, LLMBackend
from phi_core.store import Store

_NOT_ANSWER_CHANGING = ("timeout_s", "keep_alive")


def request_payload(request: ChatRequest, *, backend: str, model: str, digest: str, repeat: int) -> dict:
    options = {k: v for k, v in request.options.as_dict().items() if k not in _NOT_ANSWER_CHANGING}
    return {
        "backend": backend,
        "model": model,
        "digest": digest,
        "messages": [asdict(m) for m in request.messages],
        "schema": request.schema,
        "options": options,
        "repeat": repeat,
    }


def request_hash(payload: dict) -> str:
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()


def cached_caller(
    store: Store, backend: LLMBackend, *, backend_name: str, model: str, digest: str
) -> Callable[[ChatRequest, str, int], tuple[ChatReply, bool]]:
    """A `call(request, step, repeat)` for the phase engine that consults the store first."""

    def call(request: ChatRequest, step: str, repeat: int = 0) -> tuple[ChatReply, bool]:
        payload = request_payload(request, backend=backend_name, model=model, digest=digest, repeat=repeat)
        key = request_hash(payload)
        hit = store.cached_reply(key)
        if hit is not None:
            reply = ChatReply(
                text=hit["text"] or "",
                prompt_tokens=hit["prompt_tokens"],
                completion_tokens=hit["completion_tokens"],
                seconds=hit["seconds"] or 0.0,
                load_seconds=hit["load_seconds"] or 0.0,
                metrics={**(hit["metrics"] or {}), "request_hash": key},
            )
            return reply, True
        reply = backend.chat(model, request)
        store.cache_reply(
            key,
            backend=backend_name,
            model=model,
            model_digest=digest,
            request=payload,
            reply={
                "text": reply.text,
                "prompt_tokens": reply.prompt_tokens,
                "completion_tokens": reply.completion_tokens,
                "seconds": reply.seconds,
                "load_seconds": reply.load_seconds,
                "metrics": reply.metrics,
            },
        )
        reply.metrics = {**reply.metrics, "request_hash": key}
        return reply, False

    return call
