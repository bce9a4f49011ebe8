"""Model replies are read up to a limit, never whole.

A host that answers with a hundred megabytes (a broken server, a model stuck
repeating itself, a hostile proxy) must not take the machine's memory, and its
reply must not be stored whole. The backends read the HTTP body in chunks and
stop at ``PHI_MAX_REPLY_BYTES`` (default 2 MiB, far beyond any real answer);
what was read is kept, marked with :data:`TRUNCATED_KEY` in the reply's metrics,
and the phase engine records it as ``reply_too_large`` without parsing it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping

ENV_VAR = "PHI_MAX_REPLY_BYTES"
DEFAULT_MAX_REPLY_BYTES = 2 * 1024 * 1024
# Below this a long but real answer (a few hundred items, Self-Refine's review) could be cut.
MIN_MAX_REPLY_BYTES = 64 * 1024
# metrics key: the limit, in bytes, at which the reply was cut (absent when it was read whole).
TRUNCATED_KEY = "reply_truncated_at_bytes"
ERROR_BODY_BYTES = 64 * 1024
# The inside of a JSON string up to its closing quote (or the end of what was read).
_STRING_BODY = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*', re.S)  # unrolled: no backtracking stack per char


def max_reply_bytes(environ: Mapping[str, str] | None = None) -> int:
    """The configured limit; a value that is not a number of bytes is refused with how to write it."""
    raw = (environ if environ is not None else os.environ).get(ENV_VAR, "").strip()
    if not raw:
        return DEFAULT_MAX_REPLY_BYTES
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise ValueError(f"{ENV_VAR}={raw!r} is not a number of bytes: write e.g. {ENV_VAR}=4194304") from None
    return max(value, MIN_MAX_REPLY_BYTES)


def read_bounded(chunks: Iterable[bytes], limit: int) -> tuple[bytes, bool]:
    """At most ``limit`` bytes of ``chunks``, and whether there was more; stops reading at the limit."""
    buffer = bytearray()
    for chunk in chunks:
        room = limit - len(buffer)
        if len(chunk) > room:
            buffer += chunk[:room]
            return bytes(buffer), True
        buffer += chunk
    return bytes(buffer), False


def salvage_text(body: bytes, key: str = "content") -> str:
    """The start of the first ``"content"`` string in a JSON body cut anywhere; else the body as text.

    What is stored of a cut reply is what the model said, as far as it was read.
    """
    text = body.decode("utf-8", errors="replace")
    marker = text.find(f'"{key}"')
    if marker < 0:
        return text
    colon = text.find(":", marker + len(key) + 2)
    start = text.find('"', colon + 1) if colon >= 0 else -1
    if start < 0 or text[colon + 1 : start].strip():
        return text
    inner = _STRING_BODY.match(text, start + 1).group()
    # A cut inside an escape (a lone backslash, a short \u) would not decode: drop the piece.
    for cut in range(min(6, len(inner)) + 1):
        try:
            return json.loads(f'"{inner[: len(inner) - cut]}"')
        except json.JSONDecodeError:
            continue
    return inner
