"""Test doubles: stand-ins for the model hosts and models the tests talk to.

- ``fake_ollama_server``: an Ollama HTTP server on loopback with scripted replies.
- ``fake_openai_server``: an OpenAI-compatible server on loopback with scripted replies.
- ``rules_model``: a "model" that answers with the rule-based extractor's items.

The fixed-latency stand-in hosts that the scale-out bench drives are in
``bench/standin_hosts.py`` (benches import nothing from tests/); the tests
that need a fleet import them from there.
"""
