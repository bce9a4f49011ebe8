"""Model replies keyed by everything that shapes them, so a repeated job costs no calls.

Worker threads add replies to a small in-memory buffer instead of writing
them one by one: every write through the shared connection holds the store
lock for a commit, and with many hosts those commits, not the models, set the
pace. The thread that owns the store writes the buffer in one transaction
(the runner does it with each batch of finished tasks); a lookup sees
buffered replies at once. The keys already stored are read once, so a miss
(every first call of a new job) costs no query at all; this process is the
only writer of the file, so the set stays true.
"""

from __future__ import annotations

import threading

import pandas as pd

from phi_core.store.base import StoreBase, _json, _loads

_REPLY_COLUMNS = (
    "request_hash",
    "backend",
    "model",
    "model_digest",
    "request",
    "reply_text",
    "prompt_tokens",
    "completion_tokens",
    "seconds",
    "load_seconds",
    "metrics",
)


class ReplyCacheTable(StoreBase):
    def _reply_buffer(self) -> tuple[threading.Lock, dict[str, dict]]:
        buffer = self.__dict__.get("_pending_replies")
        if buffer is None:
            buffer = self.__dict__.setdefault("_pending_replies", (threading.Lock(), {}))
        return buffer

    def _stored_reply_keys(self) -> set[str]:
        keys = self.__dict__.get("_reply_keys")
        if keys is None:
            keys = {row[0] for row in self._rows("SELECT request_hash FROM response_cache")}
            keys = self.__dict__.setdefault("_reply_keys", keys)
        return keys

    def cached_reply(self, request_hash: str) -> dict | None:
        guard, pending = self._reply_buffer()
        with guard:
            row = pending.get(request_hash)
        if row is not None:
            return {
                "text": row["reply_text"],
                "prompt_tokens": row["prompt_tokens"],
                "completion_tokens": row["completion_tokens"],
                "seconds": row["seconds"],
                "load_seconds": row["load_seconds"],
                "metrics": _loads(row["metrics"], {}),
            }
        if request_hash not in self._stored_reply_keys():
            return None
        rows = self._rows(
            "SELECT reply_text, prompt_tokens, completion_tokens, seconds, load_seconds, metrics "
            "FROM response_cache WHERE request_hash = ?",
            [request_hash],
        )
        if not rows:
            return None
        text, prompt_tokens, completion_tokens, seconds, load_seconds, metrics = rows[0]
        return {
            "text": text,
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "seconds": seconds,
            "load_seconds": load_seconds,
            "metrics": _loads(metrics, {}),
        }

    def cache_reply(
        self, request_hash: str, *, backend: str, model: str, model_digest: str, request: dict, reply: dict
    ) -> None:
        """Keep a reply; buffered until flush_cached_replies (safe from any thread)."""
        row = {
            "request_hash": request_hash,
            "backend": backend,
            "model": model,
            "model_digest": model_digest,
            "request": _json(request),
            "reply_text": reply.get("text"),
            "prompt_tokens": reply.get("prompt_tokens"),
            "completion_tokens": reply.get("completion_tokens"),
            "seconds": reply.get("seconds"),
            "load_seconds": reply.get("load_seconds"),
            "metrics": _json(reply.get("metrics", {})),
        }
        guard, pending = self._reply_buffer()
        with guard:
            pending[request_hash] = row

    def flush_cached_replies(self) -> int:
        """Write the buffered replies in one transaction; returns how many."""
        guard, pending = self._reply_buffer()
        with guard:
            rows = list(pending.values())
            pending.clear()
        if not rows:
            return 0
        frame = pd.DataFrame(rows, columns=list(_REPLY_COLUMNS))
        with self.transaction():
            self.con.execute(
                "DELETE FROM response_cache WHERE request_hash IN (SELECT unnest(?))", [list(frame["request_hash"])]
            )
            self._insert_frame("response_cache", frame)
        self._stored_reply_keys().update(frame["request_hash"])
        return len(rows)
