"""Per-call validity checks and the per-run context size, against replies that trigger each."""

from __future__ import annotations

import json

import pytest

from phi_core.backends.base import ChatMessage, ChatReply, ChatRequest, GenerationOptions
from phi_core.llm.validity import (
    CONTEXT_STEP,
    call_validity,
    choose_num_ctx,
    estimate_prompt_tokens,
    matches_schema,
    max_num_ctx_from_env,
    needed_context,
)

SCHEMA = {
    "type": "object",
    "properties": {
        "phi_list": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"type": {"type": "string"}, "value": {"type": "string"}},
                "required": ["type", "value"],
            },
        }
    },
    "required": ["phi_list"],
}
GOOD = json.dumps({"phi_list": [{"type": "NAME", "value": "山田太郎"}]}, ensure_ascii=False)
PROMPT = "患者：山田太郎 " * 100  # 800 characters


def request(schema=SCHEMA, num_ctx=4096) -> ChatRequest:
    return ChatRequest(
        messages=(ChatMessage("user", PROMPT),), schema=schema, options=GenerationOptions(num_ctx=num_ctx)
    )


def reply(text=GOOD, prompt_tokens=600, **metrics) -> ChatReply:
    return ChatReply(
        text=text, prompt_tokens=prompt_tokens, completion_tokens=20, metrics={"done_reason": "stop", **metrics}
    )


def test_a_clean_call_earns_no_code():
    assert call_validity(request(), reply()) == []


def test_prompt_tokens_at_the_context_limit_mean_the_prompt_was_cut():
    assert call_validity(request(num_ctx=4096), reply(prompt_tokens=4096)) == ["prompt_truncated"]
    assert call_validity(request(num_ctx=4096), reply(prompt_tokens=4090)) == ["prompt_truncated"]


def test_prompt_tokens_far_below_the_prompt_mean_it_was_cut():
    assert call_validity(request(), reply(prompt_tokens=20)) == ["prompt_truncated"]
    assert call_validity(request(), reply(prompt_tokens=None)) == []  # not reported: nothing to judge


def test_done_reason_length_is_output_truncated():
    assert call_validity(request(), reply(done_reason="length")) == ["output_truncated"]


def test_reply_not_valid_under_the_schema_is_schema_ignored():
    assert call_validity(request(), reply(text="Sure! " + GOOD)) == ["schema_ignored"]
    assert call_validity(request(), reply(text='{"phi_list": [{"type": "NAME"}]}')) == ["schema_ignored"]
    # Without structured output there is no schema to ignore.
    assert call_validity(request(schema=None), reply(text="Sure! " + GOOD)) == []


def test_reasoning_text_is_thinking_text():
    assert call_validity(request(), reply(thinking="Let me look for names first...")) == ["thinking_text"]
    assert call_validity(request(), reply(thinking="  ")) == []


def test_several_codes_at_once():
    codes = call_validity(
        request(num_ctx=4096), reply(text='{"phi_list": [', prompt_tokens=4096, done_reason="length", thinking="hmm")
    )
    assert codes == ["prompt_truncated", "output_truncated", "schema_ignored", "thinking_text"]


def test_matches_schema_survives_garbage():
    assert not matches_schema("[" * 5000, SCHEMA)
    assert not matches_schema("", SCHEMA)


def test_estimate_errs_on_the_large_side_for_japanese():
    messages = (ChatMessage("system", "あ" * 1000), ChatMessage("user", "い" * 500))
    assert estimate_prompt_tokens(messages) >= 1500


def test_num_ctx_keeps_the_phase_value_when_the_prompt_fits():
    assert choose_num_ctx(needed_context(3000, 1024), floor=8192, ceiling=32768) == 8192


def test_num_ctx_grows_to_fit_the_longest_prompt_rounded_up():
    chosen = choose_num_ctx(needed_context(12_000, 1024), floor=8192, ceiling=32768)
    assert chosen % CONTEXT_STEP == 0 and 12_000 + 1024 <= chosen < 12_000 + 1024 + CONTEXT_STEP + 16


def test_num_ctx_refuses_over_the_ceiling_and_never_exceeds_it():
    assert choose_num_ctx(needed_context(40_000, 1024), floor=8192, ceiling=32768) is None
    assert choose_num_ctx(needed_context(1000, 1024), floor=8192, ceiling=4096) == 4096


@pytest.mark.parametrize("raw, expected", [("", 32768), ("65536", 65536), ("lots", 32768), ("-1", 32768)])
def test_ceiling_from_the_environment(raw, expected):
    assert max_num_ctx_from_env({"PHI_MAX_NUM_CTX": raw}) == expected
