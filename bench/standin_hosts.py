"""Stand-in model hosts on loopback with a fixed latency, for the scale-out bench (not a product feature).

Each host answers both Ollama's API (``/api/tags``, ``/api/show``,
``/api/chat``) and the OpenAI-compatible one (``/v1/models``,
``/v1/chat/completions``), so the real clients of both backends run end to
end. A host serves at most ``slots`` requests at once, each taking
``latency_s``; further requests wait their turn. Hosts count what they
served, so a run's spread over the hosts can be checked. The wire format is
``bench/loopback_hosts.py``'s, shared with the tests' fakes; the tests take
these stand-ins from ``tests/doubles``.

Used by ``bench/scaleout.py``. Run by hand (four hosts, 0.3 s per call, two at once each)::

    PYTHONPATH=. python bench/standin_hosts.py --hosts 4 --latency 0.3 --slots 2
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from typing import Any

from bench.loopback_hosts import (
    LoopbackHost,
    Route,
    ollama_answer,
    ollama_chat,
    ollama_show,
    ollama_tag,
    openai_completion,
    openai_models,
    serve_until_interrupted,
)

MODEL = "standin:latest"
DIGEST = "sha256:" + "5" * 64
# An empty answer in the phi_list shape: valid for every shipped phase's parser.
ANSWER = json.dumps({"phi_list": []})


class StandinHost(LoopbackHost):
    """Answers both APIs with one fixed reply after ``latency_s``, at most ``slots`` at once; counts what it served."""

    http_version = "HTTP/1.1"  # keep-alive, as real servers do

    def __init__(self, *, latency_s: float = 0.3, slots: int = 1, answer: str = ANSWER, model: str = MODEL):
        super().__init__(latency_s=latency_s, slots=slots, name="standin-host")
        self.answer_text = answer
        self.model = model
        details = {"format": "gguf", "family": "standin", "parameter_size": "1B", "quantization_level": "Q4_K_M"}
        self._tag = ollama_tag(model, digest=DIGEST, size=1, details=details)

    @property
    def openai_url(self) -> str:
        return f"{self.url}/v1"

    def routes(self) -> dict[tuple[str, str], Route]:
        return {
            ("GET", "/api/tags"): lambda body: (200, {"models": [self._tag]}),
            ("POST", "/api/show"): lambda body: (200, ollama_show(self._tag)),
            ("POST", "/api/chat"): self._ollama_chat,
            ("GET", "/v1/models"): lambda body: (200, openai_models([self.model], owned_by="standin")),
            ("POST", "/v1/chat/completions"): self._openai_chat,
        }

    def _ollama_chat(self, body: dict) -> tuple[int, Any]:
        with self.serving_chat():
            pass
        half = self.latency_s / 2
        final = ollama_chat(
            self.model,
            {"role": "assistant", "content": self.answer_text},
            seconds=self.latency_s,
            prompt_tokens=100,
            prompt_s=half,
            eval_tokens=5,
            eval_s=half,
        )
        return 200, ollama_answer(final, body)

    def _openai_chat(self, body: dict) -> tuple[int, Any]:
        with self.serving_chat():
            pass
        message = {"content": self.answer_text}
        extra = {"system_fingerprint": "fp_standin"}
        return 200, openai_completion(self.model, message, extra=extra, completion_id="chatcmpl-standin")


class StandinFleet(ExitStack):
    """Several stand-in hosts started together and stopped together."""

    def __init__(self, count: int, **settings: Any):
        super().__init__()
        self.hosts = [StandinHost(**settings) for _ in range(count)]

    def __enter__(self) -> StandinFleet:
        super().__enter__()
        for host in self.hosts:
            self.enter_context(host)
        return self

    @property
    def urls(self) -> list[str]:
        return [h.url for h in self.hosts]

    def shares(self) -> list[int]:
        return [h.served for h in self.hosts]

    def reset_counts(self) -> None:
        for host in self.hosts:
            host.reset_counts()

    def serving_window_s(self) -> float:
        """From the first chat any host received to the last one any host answered."""
        firsts = [h.first_at for h in self.hosts if h.first_at is not None]
        lasts = [h.last_at for h in self.hosts if h.last_at is not None]
        return max(lasts) - min(firsts) if firsts and lasts else 0.0


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Serve stand-in model hosts on loopback (testing only).")
    parser.add_argument("--hosts", type=int, default=2)
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--slots", type=int, default=1)
    args = parser.parse_args()
    with StandinFleet(args.hosts, latency_s=args.latency, slots=args.slots) as fleet:
        print("OLLAMA_HOST=" + ",".join(fleet.urls))
        print("PHI_OPENAI_BASE_URL=" + ",".join(h.openai_url for h in fleet.hosts), flush=True)
        serve_until_interrupted()


if __name__ == "__main__":
    main()
