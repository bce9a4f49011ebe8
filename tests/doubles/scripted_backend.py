"""A scripted LLM backend, registered under the name "scripted" by the tests that use it.

It answers like a well-behaved model by running the rule-based extractor on
the report in the prompt (coarse phase-2 labels), counts its calls on the
class, and can be told to stop answering (``reachable``) or to die after a
number of calls (``die_after``). Unlike ``rules_model`` it is a backend
class the engine constructs per host, not a model behind a fake server.
"""

from __future__ import annotations

import json
import threading

from phi_core.backends.base import ChatReply, HostStatus, HostUnreachable, ModelInfo, ModelNotFound
from phi_core.extractors import rules

MODEL = "mistral-small3.2:24b"  # the strong phase-2 variant: no worked examples needed


class ScriptedLLM:
    MODEL = MODEL
    instances: list["ScriptedLLM"] = []
    reachable = True
    die_after: int | None = None
    calls = 0
    lock = threading.Lock()

    def __init__(self, host=None, **_):
        self.host = host or "http://scripted:11434"
        ScriptedLLM.instances.append(self)

    def check(self):
        if not ScriptedLLM.reachable:
            return HostStatus(self.host, False, error=f"cannot reach Ollama at {self.host}: is it running?")
        return HostStatus(self.host, True, [self.model_info(MODEL)])

    def list_models(self):
        return [self.model_info(MODEL)]

    def model_info(self, model):
        if model != MODEL:
            raise ModelNotFound(f"model {model} is not on host {self.host}: run `ollama pull {model}`")
        return ModelInfo(
            name=MODEL, digest="sha256:abc", parameter_size="24.0B", quantization="Q4_K_M", family="mistral3"
        )

    def chat(self, model, request):
        with ScriptedLLM.lock:
            ScriptedLLM.calls += 1
            if ScriptedLLM.die_after is not None and ScriptedLLM.calls > ScriptedLLM.die_after:
                raise HostUnreachable(f"cannot reach Ollama at {self.host}: is it running?")
        user = request.messages[-1].content
        items = [{"type": _coarse(i.category), "value": i.value} for i in rules.extract(user)]
        return ChatReply(
            text=json.dumps({"phi_list": items}, ensure_ascii=False),
            prompt_tokens=len(user) // 2,
            completion_tokens=20,
            seconds=0.01,
        )


def _coarse(category: str) -> str:
    from phi_core.taxonomy import COARSE_LABELS

    return next((label for label, covers in COARSE_LABELS.items() if category in covers), category)
