"""Test doubles: stand-ins for the model hosts and models the tests talk to; tests take them from here.

- ``fake_ollama_server``: an Ollama HTTP server on loopback with scripted replies.
- ``fake_openai_server``: an OpenAI-compatible server on loopback with scripted replies.
- ``huge_reply_host``: a host whose chat answers are 100 MB (the reply-size limit).
- ``rules_model``: a "model" that answers with the rule-based extractor's items.
- ``scripted_backend``: a backend class answering the same way, registered by the engine tests.
- ``scripted_ollama_client``: a stand-in for ``ollama.Client`` playing back scripted outcomes (OllamaBackend's tests).
- ``StandinHost``, ``StandinFleet``, ``STANDIN_MODEL``: hosts answering both APIs
  with a fixed latency, passed on from ``bench/standin_hosts.py``.

The wire format of both APIs is written once, in ``bench/loopback_hosts.py``
(benches import nothing from tests/, and doubles do not ship in phi_core), and
the fake servers build on it; its docstring says why it lives there.
"""

from bench.standin_hosts import MODEL as STANDIN_MODEL
from bench.standin_hosts import StandinFleet, StandinHost

__all__ = ["STANDIN_MODEL", "StandinFleet", "StandinHost"]
