"""Can this call be trusted as a measure of the model? Checks on one request and its reply.

Every backend fills the same fields of :class:`ChatReply` (prompt and
completion token counts, ``metrics["done_reason"]``, ``metrics["thinking"]``,
``metrics["structured_output"]``, ``metrics["model_id"]``); the checks read
only those, so they work the same for Ollama, llama.cpp and OpenAI-compatible
servers. ``model_changed`` needs the whole run and is judged by the runner.

The context size a run needs is also worked out here, before any call: from
an estimate that errs on the large side (about one token per character, which
Japanese text approaches and English stays well under).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from typing import Any

from phi_core.backends.base import BackendError, ChatMessage, ChatReply, ChatRequest
from phi_core.violations import OUTPUT_TRUNCATED, PROMPT_TRUNCATED, SCHEMA_IGNORED, THINKING_TEXT

# Chat templates wrap each message in a few special tokens.
TOKENS_PER_MESSAGE = 16
# Reported prompt tokens this close to num_ctx mean the server filled the window.
CONTEXT_MARGIN_TOKENS = 8
# Fewer reported prompt tokens than this share of the characters cannot be the
# whole prompt: even English runs at about a quarter of a token per character.
LOWEST_TOKENS_PER_CHAR = 0.05
# num_ctx is rounded up to a multiple of this so that similar runs share one
# model load (Ollama reloads the model when num_ctx changes).
CONTEXT_STEP = 1024
DEFAULT_MAX_NUM_CTX = 32768
MAX_NUM_CTX_ENV = "PHI_MAX_NUM_CTX"


class PromptTooLong(BackendError):
    """A report whose prompt and answer cannot fit in the largest context allowed."""


def estimate_prompt_tokens(messages: Iterable[ChatMessage]) -> int:
    """An upper-side estimate of the tokens a prompt takes (one per character plus template overhead)."""
    return sum(len(m.content) + TOKENS_PER_MESSAGE for m in messages)


def needed_context(prompt_estimate: int, num_predict: int) -> int:
    return prompt_estimate + num_predict + CONTEXT_MARGIN_TOKENS


def choose_num_ctx(needed: int, *, floor: int, ceiling: int) -> int | None:
    """The context size for a run: what it needs rounded up, at least the phase's own, at most the ceiling.

    None when even the ceiling is too small.
    """
    if needed > ceiling:
        return None
    rounded = math.ceil(needed / CONTEXT_STEP) * CONTEXT_STEP
    return min(max(floor, rounded), ceiling)


def max_num_ctx_from_env(environ: dict | None = None) -> int:
    import os

    raw = (environ if environ is not None else os.environ).get(MAX_NUM_CTX_ENV, "")
    try:
        value = int(raw)
    except ValueError:
        return DEFAULT_MAX_NUM_CTX
    return value if value > 0 else DEFAULT_MAX_NUM_CTX


# ------------------------------------------------------------------ per-call checks


def call_validity(request: ChatRequest, reply: ChatReply) -> list[str]:
    """The validity codes one call earned (empty when it can be trusted)."""
    flags = []
    if prompt_truncated(request, reply):
        flags.append(PROMPT_TRUNCATED)
    if str(reply.metrics.get("done_reason") or "").lower() == "length":
        flags.append(OUTPUT_TRUNCATED)
    if request.schema is not None and not matches_schema(reply.text, request.schema):
        flags.append(SCHEMA_IGNORED)
    thinking = reply.metrics.get("thinking")
    if isinstance(thinking, str) and thinking.strip():
        flags.append(THINKING_TEXT)
    return flags


def prompt_truncated(request: ChatRequest, reply: ChatReply) -> bool:
    tokens = reply.prompt_tokens
    if not isinstance(tokens, int) or tokens <= 0:
        return False  # not reported (or all of it came from the server's cache): nothing to judge
    if tokens >= request.options.num_ctx - CONTEXT_MARGIN_TOKENS:
        return True
    characters = sum(len(m.content) for m in request.messages)
    return tokens < characters * LOWEST_TOKENS_PER_CHAR


def matches_schema(text: str, schema: dict[str, Any]) -> bool:
    """Whether the reply is exactly one JSON value valid under the schema."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return False
    validator = _validator(json.dumps(schema, sort_keys=True))
    if validator is None:  # a schema we cannot check: do not blame the model
        return True
    try:
        return validator.is_valid(value)
    except RecursionError:
        return True


@functools.lru_cache(maxsize=64)
def _validator(schema_json: str):
    """One checked validator per schema: checking the schema itself on every call cost more than the call's parse."""
    import jsonschema

    schema = json.loads(schema_json)
    try:
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
    except (jsonschema.SchemaError, RecursionError):
        return None
    return cls(schema)
    return True
