"""Chat with models served by Ollama through the official ``ollama`` client.

The adapter's job is translation: our request into the client's call, the
client's reply into :class:`ChatReply`, and every way the call can fail into a
:class:`BackendError` whose message tells the user what to do next.
Replies are read defensively because the client returns pydantic objects while
test doubles (and older clients) return plain dicts.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import Any

import httpx
import ollama

from phi_core.backends.base import (
    BackendError,
    BackendTimeout,
    BadReply,
    ChatReply,
    ChatRequest,
    HostStatus,
    HostUnreachable,
    ModelInfo,
    ModelNotFound,
    ServerError,
    register_backend,
)
from phi_core.backends.bounded import ERROR_BODY_BYTES, TRUNCATED_KEY, max_reply_bytes, read_bounded, salvage_text
from phi_core.backends.retry import RetryPolicy, call_translated, call_with_retry

from phi_core.backends.hosts import DEFAULT_HOST  # noqa: E402  (re-exported)

# A host check must answer quickly in the UI even when the host is a black hole.
CHECK_TIMEOUT_S = 10.0
NANOSECONDS = 1e9

# How often the model's digest is looked up again while a run calls it: often
# enough to notice a re-pulled tag mid-run, rarely enough to cost nothing.
DIGEST_REFRESH_S = 30.0
# Reasoning text is kept only to show it was there; its full length is no use.
THINKING_KEEP_CHARS = 2000

# Raw fields Ollama reports with every non-streamed chat reply; kept verbatim.
METRIC_FIELDS = (
    "model",
    "created_at",
    "done",
    "done_reason",
    "total_duration",
    "load_duration",
    "prompt_eval_count",
    "prompt_eval_duration",
    "eval_count",
    "eval_duration",
)


def field(obj: Any, name: str, default: Any = None) -> Any:
    """Read ``name`` from a pydantic response object or a plain dict."""
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _seconds(nanoseconds: Any) -> float | None:
    if isinstance(nanoseconds, (int, float)) and not isinstance(nanoseconds, bool):
        return nanoseconds / NANOSECONDS
    return None


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def translate_error(error: Exception, host: str, model: str | None) -> Exception:
    """Turn whatever the client raised into a BackendError the user can act on.

    Errors that are already BackendErrors, and programming errors we do not
    recognise, come back unchanged.
    """
    if isinstance(error, BackendError):
        return error
    if isinstance(error, httpx.ConnectTimeout):
        # No answer to the connection attempt at all: the host is wrong or down.
        return HostUnreachable(_unreachable_message(host))
    if isinstance(error, httpx.TimeoutException):
        return BackendTimeout(
            f"Ollama at {host} did not answer in time{_for_model(model)}: the model may be loading or "
            "the report is long. Raise the timeout in settings or try a smaller model."
        )
    if isinstance(error, (ConnectionError, httpx.ConnectError)):
        return HostUnreachable(_unreachable_message(host))
    if isinstance(error, ollama.ResponseError):
        return _translate_status(error, host, model)
    if isinstance(error, ollama.RequestError):  # raised before sending, e.g. no model name
        return BackendError(
            f"the request to Ollama at {host} is incomplete ({error.error}): choose a model in settings"
        )
    if isinstance(error, httpx.HTTPError):
        # The connection broke mid-reply (server crashed or restarted).
        return ServerError(f"the connection to Ollama at {host} broke{_for_model(model)}: {error}. Try again.")
    if isinstance(error, (ValueError, TypeError, KeyError, AttributeError)):
        # pydantic's ValidationError and json's JSONDecodeError are ValueErrors.
        return BadReply(f"Ollama at {host} sent a reply that is not valid{_for_model(model)}: {error}")
    return error


def _for_model(model: str | None) -> str:
    return f" (model {model})" if model else ""


def _unreachable_message(host: str) -> str:
    return f"cannot reach Ollama at {host}: is it running? start it with `ollama serve` or fix the host in settings"


def _translate_status(error: ollama.ResponseError, host: str, model: str | None) -> BackendError:
    status = error.status_code
    detail = str(error.error)
    if status == 404:
        if model:
            return ModelNotFound(f"model {model} is not on host {host}: run `ollama pull {model}`")
        return BackendError(
            f"{host} answered 'not found' ({detail}): check that the host in settings is an Ollama server"
        )
    if status == 429 or status >= 500:
        return ServerError(f"Ollama at {host} is busy or failed (HTTP {status}: {detail}). It will be retried.")
    return BackendError(f"Ollama at {host} refused the request{_for_model(model)} (HTTP {status}): {detail}")


@register_backend("ollama")
class OllamaBackend:
    name = "ollama"

    def __init__(
        self,
        host: str | None = None,
        *,
        timeout_s: float = 300.0,
        max_retries: int = 3,
        backoff_s: float = 1.0,
        client: Any = None,
        sleep: Callable[[float], None] = time.sleep,
        digest_refresh_s: float | None = None,
    ) -> None:
        self.host = host or os.environ.get("OLLAMA_HOST") or DEFAULT_HOST
        self.timeout_s = timeout_s
        self.retry_policy = RetryPolicy(max_retries=max_retries, backoff_s=backoff_s)
        self._sleep = sleep
        self._injected_client = client
        # One client per timeout: the ollama client takes its timeout at construction.
        self._clients: dict[float, Any] = {}
        self.digest_refresh_s = DIGEST_REFRESH_S if digest_refresh_s is None else digest_refresh_s
        self._digests: dict[str, tuple[str, float]] = {}  # model -> (digest, when looked up)
        self._thinking_models: set[str] = set()

    # -- plumbing ---------------------------------------------------------------

    def _client(self, timeout_s: float | None = None) -> Any:
        if self._injected_client is not None:
            return self._injected_client
        timeout = float(timeout_s or self.timeout_s)
        if timeout not in self._clients:
            self._clients[timeout] = ollama.Client(host=self.host, timeout=timeout)
        return self._clients[timeout]

    def _call_once(self, call: Callable[[], Any], model: str | None) -> Any:
        return call_translated(call, lambda error: translate_error(error, self.host, model))

    def _call(self, call: Callable[[], Any], model: str | None) -> tuple[Any, int]:
        return call_with_retry(lambda: self._call_once(call, model), self.retry_policy, sleep=self._sleep)

    # -- LLMBackend ---------------------------------------------------------------

    def check(self) -> HostStatus:
        """Whether the host answers, and its models; never raises."""
        try:
            client = self._client(min(self.timeout_s, CHECK_TIMEOUT_S))
            listing = self._call_once(client.list, None)
            return HostStatus(self.host, True, models=_models_from_listing(listing))
        except Exception as error:  # the UI shows the message; nothing may escape
            return HostStatus(self.host, False, error=str(error) or type(error).__name__)

    def list_models(self) -> list[ModelInfo]:
        listing, _ = self._call(self._client().list, None)
        try:
            return _models_from_listing(listing)
        except (TypeError, AttributeError, ValueError) as error:
            raise BadReply(f"Ollama at {self.host} sent a model list that cannot be read: {error}") from error

    def model_info(self, model: str) -> ModelInfo:
        shown, _ = self._call(lambda: self._client().show(model), model)
        listed = next((m for m in self.list_models() if _same_model(m.name, model)), None)
        details = field(shown, "details")
        if "thinking" in (field(shown, "capabilities") or []):
            self._thinking_models.add(model)
        if listed and listed.digest:
            self._digests[model] = (listed.digest, time.monotonic())
        return ModelInfo(
            name=model,
            digest=listed.digest if listed else "",
            parameter_size=field(details, "parameter_size") or (listed.parameter_size if listed else ""),
            quantization=field(details, "quantization_level") or (listed.quantization if listed else ""),
            family=field(details, "family") or (listed.family if listed else ""),
            size_bytes=listed.size_bytes if listed else None,
        )

    def chat(self, model: str, request: ChatRequest) -> ChatReply:
        opts = request.options
        kwargs: dict[str, Any] = {
            "model": model,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "options": {
                "temperature": opts.temperature,
                "top_p": opts.top_p,
                "seed": opts.seed,
                "num_ctx": opts.num_ctx,
                "num_predict": opts.num_predict,
            },
            "keep_alive": opts.keep_alive,
            "stream": False,
        }
        if request.schema is not None:
            kwargs["format"] = request.schema
        # Sent as the phase says when asked to think; "off" is only sent to a
        # model that can think (older servers and other models refuse the field).
        if opts.think or model in self._thinking_models:
            kwargs["think"] = bool(opts.think)
        client = self._client(opts.timeout_s)
        limit = max_reply_bytes()
        started = time.perf_counter()
        response, retries = self._call(lambda: _bounded_chat(client, kwargs, limit), model)
        wall_seconds = time.perf_counter() - started
        reply = self._reply_from(response, model, wall_seconds, retries)
        if field(response, TRUNCATED_KEY):
            reply.metrics[TRUNCATED_KEY] = limit
        reply.metrics["structured_output"] = "format" if request.schema is not None else None
        reply.metrics["model_id"] = self._model_id(model)
        return reply

    def _model_id(self, model: str) -> str:
        """The digest behind the tag, looked up again now and then (a tag can be re-pulled mid-run)."""
        known = self._digests.get(model)
        if known is not None and time.monotonic() - known[1] < self.digest_refresh_s:
            return known[0]
        try:
            listing = self._call_once(self._client(min(self.timeout_s, CHECK_TIMEOUT_S)).list, None)
            listed = next((m for m in _models_from_listing(listing) if _same_model(m.name, model)), None)
        except Exception:  # a failed lookup must not fail the answered call; keep what we knew
            listed = None
        if listed is None or not listed.digest:
            return known[0] if known else ""
        self._digests[model] = (listed.digest, time.monotonic())
        return listed.digest

    def _reply_from(self, response: Any, model: str, wall_seconds: float, retries: int) -> ChatReply:
        message = field(response, "message")
        if message is None:
            raise BadReply(f"Ollama at {self.host} sent a chat reply without a message (model {model})")
        content = field(message, "content")
        thinking = field(message, "thinking")
        if content is not None and not isinstance(content, str):
            raise BadReply(
                f"Ollama at {self.host} sent a chat reply whose text is a {type(content).__name__}, not text (model {model})"
            )
        if not (content or "").strip() and isinstance(thinking, str) and thinking.strip():
            raise BadReply(
                f"model {model} returned an empty answer (it only produced 'thinking' text): "
                "turn thinking off or choose a non-thinking model"
            )

        metrics: dict[str, Any] = {name: field(response, name) for name in METRIC_FIELDS}
        metrics = {k: (str(v) if k == "created_at" and v is not None else v) for k, v in metrics.items()}
        metrics["retries"] = retries
        metrics["wall_seconds"] = wall_seconds
        metrics["thinking"] = thinking[:THINKING_KEEP_CHARS] if isinstance(thinking, str) and thinking.strip() else None

        total = _seconds(metrics["total_duration"])
        load = _seconds(metrics["load_duration"]) or 0.0
        # Model load is a one-off cost of the first call, not answering latency.
        seconds = max(total - load, 0.0) if total is not None else max(wall_seconds - load, 0.0)
        return ChatReply(
            text=content or "",
            prompt_tokens=_count(metrics["prompt_eval_count"]),
            completion_tokens=_count(metrics["eval_count"]),
            seconds=seconds,
            load_seconds=load,
            prompt_seconds=_seconds(metrics["prompt_eval_duration"]),
            eval_seconds=_seconds(metrics["eval_duration"]),
            metrics=metrics,
        )


def _bounded_chat(client: Any, kwargs: dict[str, Any], limit: int) -> Any:
    """The chat reply, its body read in chunks up to ``limit`` bytes (the client would read it whole).

    Goes through the ollama client's own HTTP session (host, headers, timeout);
    a stand-in client without one (tests) is called as the client.
    """
    http = getattr(client, "_client", None)
    if not isinstance(http, httpx.Client):
        return client.chat(**kwargs)
    body = {k: v for k, v in kwargs.items() if v is not None}
    body["options"] = {k: v for k, v in (kwargs.get("options") or {}).items() if v is not None}
    with http.stream("POST", "/api/chat", json=body) as response:
        if response.status_code >= 400:
            raw, _ = read_bounded(response.iter_bytes(), ERROR_BODY_BYTES)
            raise ollama.ResponseError(_error_text(raw), response.status_code)
        raw, cut = read_bounded(response.iter_bytes(), limit)
    if cut:
        return {"message": {"role": "assistant", "content": salvage_text(raw)}, "done": False, TRUNCATED_KEY: True}
    return json.loads(raw)


def _error_text(raw: bytes) -> str:
    """Ollama's ``{"error": "..."}`` message, else the body as text."""
    text = raw.decode("utf-8", errors="replace")
    try:
        return str(json.loads(text).get("error") or text)
    except (ValueError, AttributeError):
        return text


def _same_model(listed: str, wanted: str) -> bool:
    """Ollama treats ``name`` and ``name:latest`` as the same model."""

    def full(name: str) -> str:
        return name if ":" in name else f"{name}:latest"

    return full(listed) == full(wanted)


def _models_from_listing(listing: Any) -> list[ModelInfo]:
    models = []
    for entry in field(listing, "models") or []:
        details = field(entry, "details")
        size = field(entry, "size")
        models.append(
            ModelInfo(
                # Older servers call it "name", newer ones "model".
                name=field(entry, "model") or field(entry, "name") or "",
                digest=field(entry, "digest") or "",
                parameter_size=field(details, "parameter_size") or "",
                quantization=field(details, "quantization_level") or "",
                family=field(details, "family") or "",
                size_bytes=int(size) if isinstance(size, (int, float)) else None,
            )
        )
    return models
