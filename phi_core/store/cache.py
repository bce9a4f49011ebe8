"""Model replies keyed by everything that shapes them, so a repeated job costs no calls."""

from __future__ import annotations

from phi_core.store.base import StoreBase, _json, _loads


class ReplyCacheTable(StoreBase):
    def cached_reply(self, request_hash: str) -> dict | None:
        rows = self._rows(
            "SELECT reply_text, prompt_tokens, completion_tokens, seconds, load_seconds, metrics "
            "FROM response_cache WHERE request_hash = ?",
            [request_hash],
        )
        if not rows:
            return None
        text, prompt_tokens, completion_tokens, seconds, load_seconds, metrics = rows[0]
        return {
            "text": text, "prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
            "seconds": seconds, "load_seconds": load_seconds, "metrics": _loads(metrics, {}),
        }

    def cache_reply(self, request_hash: str, *, backend: str, model: str, model_digest: str, request: dict,
                    reply: dict) -> None:
        with self.lock:
            self.con.execute(
                "INSERT OR REPLACE INTO response_cache (request_hash, backend, model, model_digest, request, "
                "reply_text, prompt_tokens, completion_tokens, seconds, load_seconds, metrics) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [request_hash, backend, model, model_digest, _json(request), reply.get("text"),
                 reply.get("prompt_tokens"), reply.get("completion_tokens"), reply.get("seconds"),
                 reply.get("load_seconds"), _json(reply.get("metrics", {}))],
            )
