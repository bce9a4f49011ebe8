"""Chat with any OpenAI-compatible server through the official ``openai`` client.

vLLM, SGLang, llama.cpp's ``llama-server``, llama-cpp-python's server, LM
Studio and a LiteLLM proxy all speak this API, so one adapter covers the
engines a department scales on. Like the Ollama adapter its job is
translation: our request into ``chat.completions.create``, the reply into
:class:`ChatReply` (with the provenance a run needs), and every failure into a
:class:`BackendError` whose message says what to do.

Structured output is sent as ``response_format = {"type": "json_schema", ...}``.
Servers that refuse that form (llama-cpp-python's accepts only
``{"type": "json_object", "schema": ...}``) are asked again in the other form,
and the host remembers which form worked; each reply records the form used.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Callable
from typing import Any

from phi_core.backends.base import (
    BackendError,
    BadReply,
    ChatReply,
    ChatRequest,
    HostStatus,
    ModelInfo,
    ModelNotFound,
    register_backend,
)
from phi_core.backends.hosts import OPENAI_API_KEY_ENV, configured_openai_hosts, openai_base_url
from phi_core.backends.openai_errors import FormRefused, client_module, refuses_form, status_detail, translate_error
from phi_core.backends.bounded import TRUNCATED_KEY, max_reply_bytes, read_bounded, salvage_text
from phi_core.backends.retry import RetryPolicy, call_translated, call_with_retry

# Local servers accept any key but the client insists on one. A real OpenAI
# key in OPENAI_API_KEY is deliberately not read: it must never be sent to a
# hospital's own server by accident.
PLACEHOLDER_KEY = "not-needed"
CHECK_TIMEOUT_S = 10.0
SCHEMA_NAME = "phi_extraction"

# Forms of response_format, in the order they are tried.
JSON_SCHEMA = "json_schema"
JSON_OBJECT = "json_object"
SCHEMA_FORMS = (JSON_SCHEMA, JSON_OBJECT)

_THINK_BLOCK = re.compile(r"<think>(.*?)</think>", re.DOTALL)
_STOP_REASONS = {"stop", "eos", "eos_token", "end_turn", "stop_sequence"}
_LENGTH_REASONS = {"length", "max_tokens", "model_length"}


def field(obj: Any, name: str, default: Any = None) -> Any:
    """Read ``name`` from a pydantic response object (extra fields included) or a plain dict."""
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    value = getattr(obj, name, None)
    if value is None:
        extra = getattr(obj, "model_extra", None) or {}
        value = extra.get(name)
    return default if value is None else value


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def normalise_finish_reason(reason: Any) -> str | None:
    """``stop`` / ``length`` whatever the server calls them; other reasons pass through."""
    if reason is None:
        return None
    text = str(reason).strip().lower()
    if text in _STOP_REASONS:
        return "stop"
    if text in _LENGTH_REASONS:
        return "length"
    return text


def split_thinking(content: str) -> tuple[str, str]:
    """(answer, reasoning): ``<think>`` blocks are taken out of the answer.

    An opening tag that is never closed means the model was cut off while
    still reasoning, so everything after it is reasoning and the answer is empty.
    """
    if "<think>" not in content and "</think>" not in content:
        return content, ""
    thoughts = [m.strip() for m in _THINK_BLOCK.findall(content)]
    answer = _THINK_BLOCK.sub("", content)
    if "<think>" in answer:
        answer, _, rest = answer.partition("<think>")
        thoughts.append(rest.strip())
    # Some chat templates put the opening tag in the prompt, so only the closing one comes back.
    if "</think>" in answer:
        before, _, answer = answer.rpartition("</think>")
        thoughts.insert(0, before.strip())
    return answer.strip(), "\n\n".join(t for t in thoughts if t)


def response_format(schema: dict, form: str) -> dict[str, Any]:
    if form == JSON_SCHEMA:
        return {"type": "json_schema", "json_schema": {"name": SCHEMA_NAME, "schema": schema, "strict": False}}
    return {"type": "json_object", "schema": schema}


def _bounded_create(client: Any, kwargs: dict[str, Any], limit: int) -> Any:
    """The completion, its body read in chunks up to ``limit`` bytes (``create`` would read it whole).

    A stand-in client without the official streaming-response interface (tests) is called as before.
    """
    module = client_module()
    if not isinstance(client, module.OpenAI):
        return client.chat.completions.create(**kwargs)
    with client.chat.completions.with_streaming_response.create(**kwargs) as response:
        raw, cut = read_bounded(response.iter_bytes(), limit)
        says_json = "json" in response.headers.get("content-type", "")
    if cut:
        message = {"role": "assistant", "content": salvage_text(raw)}
        return {"choices": [{"index": 0, "message": message, "finish_reason": None}], TRUNCATED_KEY: True}
    try:
        return json.loads(raw)
    except ValueError:
        if says_json:  # broken JSON: "not valid", as the client would have said
            raise
        return raw.decode("utf-8", errors="replace")  # a web page: _reply_from says it is not a chat reply


# -- the backend ------------------------------------------------------------------------


@register_backend("openai")
class OpenAIBackend:
    name = "openai"

    def __init__(
        self,
        host: str | None = None,
        *,
        api_key: str | None = None,
        timeout_s: float = 300.0,
        max_retries: int = 3,
        backoff_s: float = 1.0,
        structured_output: str = "auto",
        client: Any = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.host = openai_base_url(host) if host else configured_openai_hosts()[0]
        self.api_key = api_key or os.environ.get(OPENAI_API_KEY_ENV) or PLACEHOLDER_KEY
        self.timeout_s = timeout_s
        self.retry_policy = RetryPolicy(max_retries=max_retries, backoff_s=backoff_s)
        if structured_output not in ("auto", *SCHEMA_FORMS):
            raise BackendError(f"structured_output must be auto, json_schema or json_object, not {structured_output!r}")
        # Which response_format form this host accepts; "auto" starts with json_schema and learns.
        self._fixed_form = structured_output != "auto"
        self.schema_form = JSON_SCHEMA if structured_output == "auto" else structured_output
        self._sleep = sleep
        self._client_obj = client
        self._lock = threading.Lock()

    # -- plumbing -------------------------------------------------------------------

    def _client(self) -> Any:
        with self._lock:
            if self._client_obj is None:
                # Retries are ours (same policy and messages as Ollama), so the client's are off.
                self._client_obj = client_module().OpenAI(
                    base_url=self.host, api_key=self.api_key, timeout=self.timeout_s, max_retries=0
                )
            return self._client_obj

    def _call_once(self, call: Callable[[], Any], model: str | None) -> Any:
        return call_translated(call, lambda error: translate_error(error, self.host, model))

    def _call(self, call: Callable[[], Any], model: str | None) -> tuple[Any, int]:
        return call_with_retry(lambda: self._call_once(call, model), self.retry_policy, sleep=self._sleep)

    # -- LLMBackend ---------------------------------------------------------------

    def check(self) -> HostStatus:
        """Whether the server answers, and its models; never raises."""
        try:
            timeout = min(self.timeout_s, CHECK_TIMEOUT_S)
            listing = self._call_once(lambda: self._client().models.list(timeout=timeout), None)
            return HostStatus(self.host, True, models=self._models_from(listing))
        except Exception as error:  # the UI shows the message; nothing may escape
            return HostStatus(self.host, False, error=str(error) or type(error).__name__)

    def list_models(self) -> list[ModelInfo]:
        listing, _ = self._call(lambda: self._client().models.list(), None)
        return self._models_from(listing)

    def _models_from(self, listing: Any) -> list[ModelInfo]:
        try:
            entries = field(listing, "data")
            if entries is None:
                entries = list(listing)
            models = []
            for entry in entries:
                name = field(entry, "id")
                if not isinstance(name, str) or not name:
                    raise ValueError(f"a model entry has no id: {entry!r}"[:200])
                models.append(ModelInfo(name=name, family=str(field(entry, "owned_by") or "")))
            return models
        except (TypeError, AttributeError, ValueError) as error:
            raise BadReply(f"the server at {self.host} sent a model list that cannot be read: {error}") from error

    def model_info(self, model: str) -> ModelInfo:
        """The listed model; a name the server does not list stops the job before any report is sent."""
        models = self.list_models()
        for info in models:
            if info.name == model:
                return info
        offered = ", ".join(m.name for m in models) or "none"
        raise ModelNotFound(
            f"model {model} is not served at {self.host} (it offers: {offered}): pass one of those as --model"
        )

    def chat(self, model: str, request: ChatRequest) -> ChatReply:
        opts = request.options
        kwargs: dict[str, Any] = {
            "model": model,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "temperature": opts.temperature,
            "top_p": opts.top_p,
            "seed": opts.seed,
            "max_tokens": opts.num_predict,
            "timeout": opts.timeout_s or self.timeout_s,
        }
        form = None
        if request.schema is not None:
            form = self.schema_form
            kwargs["response_format"] = response_format(request.schema, form)
        try:
            response, retries, seconds = self._timed_call(kwargs, model, refusable=form == JSON_SCHEMA)
        except FormRefused as refused:
            # Ask again in the older form; only a success makes the host remember it.
            form = JSON_OBJECT
            kwargs["response_format"] = response_format(request.schema, form)
            try:
                response, retries, seconds = self._timed_call(kwargs, model, refusable=False)
            except BackendError as error:
                raise type(error)(
                    f"{error} (the JSON schema was refused both as json_schema: {refused} and as json_object; "
                    "turn structured output off in the phase if this server cannot follow a schema)"
                ) from error
            if not self._fixed_form:
                self.schema_form = JSON_OBJECT
        reply = self._reply_from(response, model, seconds, retries, form)
        if field(response, TRUNCATED_KEY):
            reply.metrics[TRUNCATED_KEY] = max_reply_bytes()
        return reply

    def _timed_call(self, kwargs: dict[str, Any], model: str, *, refusable: bool) -> tuple[Any, int, float]:
        client = self._client()
        status_error = client_module().APIStatusError
        last_attempt = [0.0]
        limit = max_reply_bytes()

        def attempt():
            started = time.perf_counter()
            try:
                return _bounded_create(client, kwargs, limit)
            except status_error as error:
                if refusable and refuses_form(error):
                    raise FormRefused(f"HTTP {error.status_code}: {status_detail(error)}") from error
                raise
            finally:
                last_attempt[0] = time.perf_counter() - started

        response, retries = self._call(attempt, model)
        return response, retries, last_attempt[0]

    def _reply_from(self, response: Any, model: str, seconds: float, retries: int, form: str | None) -> ChatReply:
        if isinstance(response, (str, bytes)) or response is None:
            raise BadReply(
                f"the server at {self.host} answered with something that is not a chat reply (model {model}): "
                "check that the host is an OpenAI-compatible API root, usually ending in /v1"
            )
        choices = field(response, "choices")
        if not choices:
            raise BadReply(f"the server at {self.host} sent a chat reply without choices (model {model})")
        choice = choices[0]
        message = field(choice, "message")
        if message is None:
            raise BadReply(f"the server at {self.host} sent a chat reply without a message (model {model})")
        content = field(message, "content")
        if content is not None and not isinstance(content, str):
            raise BadReply(
                f"the server at {self.host} sent a chat reply whose text is a {type(content).__name__}, "
                f"not text (model {model})"
            )
        answer, thinking = split_thinking(content or "")
        reasoning = field(message, "reasoning_content") or field(message, "reasoning")
        if isinstance(reasoning, str) and reasoning.strip():
            thinking = "\n\n".join(t for t in (reasoning.strip(), thinking) if t)
        if not answer and thinking:
            raise BadReply(
                f"model {model} returned an empty answer (it only produced reasoning text): "
                "turn thinking off or choose a non-thinking model"
            )

        usage = field(response, "usage")
        finish = field(choice, "finish_reason")
        details = field(usage, "completion_tokens_details")
        metrics: dict[str, Any] = {
            "host": self.host,
            "model": field(response, "model"),
            "model_id": field(response, "model"),
            "response_id": field(response, "id"),
            "created": field(response, "created"),
            "system_fingerprint": field(response, "system_fingerprint"),
            "finish_reason": finish,
            "done_reason": normalise_finish_reason(finish),
            "structured_output": form,
            "thinking": thinking or None,
            "reasoning_tokens": _count(field(details, "reasoning_tokens")),
            "total_tokens": _count(field(usage, "total_tokens")),
            "retries": retries,
            "wall_seconds": seconds,
        }
        return ChatReply(
            text=answer,
            prompt_tokens=_count(field(usage, "prompt_tokens")),
            completion_tokens=_count(field(usage, "completion_tokens")),
            # The API reports no load or per-stage timings: the call's wall time is the latency.
            seconds=seconds,
            metrics=metrics,
        )
