"""A model for stand-in Ollama hosts: answers like a well-behaved model (the rules on the report).

Tests change what it says: reasoning text, a digest that changes mid-run,
garbage instead of JSON.
"""

from __future__ import annotations

import json
import threading

from phi_core.backends.base import ChatReply, ChatRequest, HostStatus, ModelInfo, ModelNotFound
from phi_core.extractors import rules

MODEL = "mistral-small3.2:24b"  # phase 2's strong variant: no worked examples needed


class RulesModel:
    name = "rules-model"
    host = "stand-in"

    def __init__(
        self,
        *,
        digest: str = "sha256:aaa",
        thinking: str = "",
        garbage: bool = False,
        change_digest_after: int | None = None,
    ) -> None:
        self.digest = digest
        self.thinking = thinking
        self.garbage = garbage
        self.change_digest_after = change_digest_after
        self.calls = 0
        self.lock = threading.Lock()

    def check(self) -> HostStatus:
        return HostStatus(self.host, True, self.list_models())

    def list_models(self) -> list[ModelInfo]:
        return [ModelInfo(MODEL, self.digest, "24B", "Q4_K_M", "mistral3", 1234)]

    def model_info(self, model: str) -> ModelInfo:
        if model.split(":")[0] != MODEL.split(":")[0]:
            raise ModelNotFound(f"model {model} is not here")
        return self.list_models()[0]

    def chat(self, model: str, request: ChatRequest) -> ChatReply:
        with self.lock:
            self.calls += 1
            if self.change_digest_after is not None and self.calls > self.change_digest_after:
                self.digest = "sha256:bbb"
        user = request.messages[-1].content
        if self.garbage:
            text = "I am sorry, I cannot help with that."
        else:
            items = [{"type": "NAME", "value": i.value} for i in rules.extract(user)]
            text = json.dumps({"phi_list": items}, ensure_ascii=False)
        prompt = sum(len(m.content) for m in request.messages)
        metrics = {"thinking": self.thinking} if self.thinking else {}
        return ChatReply(text=text, prompt_tokens=prompt // 2, completion_tokens=20, seconds=0.01, metrics=metrics)
