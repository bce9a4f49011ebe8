"""A model host whose chat answers are 100 MB, on both APIs: the double for the reply-size limit.

It lists one model, ``m``, and answers ``/api/chat`` and
``/v1/chat/completions`` with a well-formed reply whose content is
``reply_bytes`` of "a", written from one small buffer so that the memory a
test measures is the client's alone. ``bytes_sent`` tells how far the client
read before it hung up.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bench import loopback_hosts as loopback

REPLY_BYTES = 100 * 1024 * 1024
CHUNK = b"a" * 65536
_MARK = "@@content@@"  # where the huge content goes in an otherwise ordinary reply


class HugeReplyHost(loopback.LoopbackHost):
    def __init__(self, reply_bytes: int = REPLY_BYTES) -> None:
        super().__init__(name="huge-reply-host")
        self.reply_bytes = reply_bytes
        self.bytes_sent = 0
        details = {"format": "gguf", "family": "test", "parameter_size": "1B"}
        self._tag = loopback.ollama_tag("m:latest", digest="d1", size=1, details=details)

    def routes(self) -> dict[tuple[str, str], loopback.Route]:
        ollama_reply = loopback.ollama_chat("m", {"role": "assistant", "content": _MARK})
        openai_reply = loopback.openai_completion("m", {"content": _MARK})
        return {
            ("GET", "/api/tags"): lambda body: (200, {"models": [self._tag]}),
            ("POST", "/api/show"): lambda body: (200, loopback.ollama_show(self._tag, modelfile="FROM m")),
            ("POST", "/api/chat"): lambda body: (200, self._huge(ollama_reply)),
            ("GET", "/v1/models"): lambda body: (200, loopback.openai_models(["m"], owned_by="test")),
            ("POST", "/v1/chat/completions"): lambda body: (200, self._huge(openai_reply)),
        }

    def _huge(self, reply: dict[str, Any]) -> loopback.Body:
        head, tail = loopback.encode(reply).split(_MARK.encode())
        return loopback.Body(loopback.JSON, len(head) + self.reply_bytes + len(tail), self._chunks(head, tail))

    def _chunks(self, head: bytes, tail: bytes) -> Iterator[bytes]:
        yield head
        for _ in range(self.reply_bytes // len(CHUNK)):
            yield CHUNK
            self.bytes_sent += len(CHUNK)
        yield tail
