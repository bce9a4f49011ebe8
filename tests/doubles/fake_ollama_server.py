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

The server, its failure queue and the reply bodies are the shared loopback
host of ``bench/loopback_hosts.py``; this module adds the model behind it.

Run by hand against the embedded model, e.g. to point the app at it::

    PYTHONPATH=. python tests/doubles/fake_ollama_server.py --port 11435
"""

from __future__ import annotations

from typing import Any

from bench import loopback_hosts as loopback
from phi_core.backends.base import BackendError, ChatMessage, ChatRequest, GenerationOptions, ModelNotFound


def _full_name(name: str) -> str:
    return name if ":" in name else f"{name}:latest"


class FakeOllamaServer(loopback.LoopbackHost):
    """Serve ``backend`` on 127.0.0.1 at a free port; use as a context manager.

    ``hang_s``: every chat waits this long before answering (a hung host).
    """

    def __init__(self, backend: Any, *, port: int = 0, tokens_per_char: float = 1.0, hang_s: float = 0.0) -> None:
        super().__init__(port=port, latency_s=hang_s, name="fake-ollama")
        self.backend = backend
        self.tokens_per_char = tokens_per_char
        self.truncated = 0  # chats whose prompt was cut

    def fail_next(self, status: int, times: int = 1, error: str = "injected failure") -> None:
        """Answer the next ``times`` requests with HTTP ``status`` before serving normally."""
        self.queue(status, {"error": error}, times=times)

    # -- the API ---------------------------------------------------------------

    def routes(self) -> dict[tuple[str, str], loopback.Route]:
        return {("GET", "/api/tags"): self.tags, ("POST", "/api/show"): self.show, ("POST", "/api/chat"): self.chat}

    def _models(self) -> list[dict]:
        return [
            loopback.ollama_tag(
                _full_name(m.name),
                digest=m.digest,
                size=m.size_bytes or 0,
                details={
                    "format": "gguf",
                    "family": m.family,
                    "families": [m.family] if m.family else None,
                    "parameter_size": m.parameter_size,
                    "quantization_level": m.quantization,
                },
            )
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
        info = {"general.architecture": model["details"]["family"]}
        return 200, loopback.ollama_show(model, modelfile=f"FROM {model['model']}", model_info=info)

    def chat(self, body: dict) -> tuple[int, Any]:
        name = body.get("model") or ""
        if self._find_model(name) is None:
            return 404, {"error": f"model '{name}' not found"}
        try:
            request = _chat_request(body)
        except (TypeError, ValueError, KeyError) as error:
            return 400, {"error": f"invalid chat request: {error}"}
        with self.serving_chat():
            request, prompt_tokens = self._fit_context(request)
            try:
                reply = self.backend.chat(name, request)
            except ModelNotFound as error:
                return 404, {"error": str(error)}
            except BackendError as error:
                return 500, {"error": str(error)}
        cut = prompt_tokens is not None
        metrics = reply.metrics or {}
        message = {"role": "assistant", "content": reply.text}
        if metrics.get("thinking"):
            message["thinking"] = metrics["thinking"]
        final = loopback.ollama_chat(
            _full_name(name),
            message,
            done_reason="length" if cut else (metrics.get("finish_reason") or "stop"),
            load_s=reply.load_seconds,
            seconds=reply.seconds,
            prompt_tokens=prompt_tokens if cut else (reply.prompt_tokens or 0),
            prompt_s=reply.prompt_seconds or 0.0,
            eval_tokens=reply.completion_tokens or 0,
            eval_s=reply.eval_seconds or reply.seconds,
        )
        return 200, loopback.ollama_answer(final, body)

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
        loopback.serve_until_interrupted()


if __name__ == "__main__":
    main()
