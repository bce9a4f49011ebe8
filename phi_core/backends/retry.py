"""Exponential backoff for calls that may fail for a moment (busy or restarting server).

Only errors that say they are worth repeating (``retryable = True`` on the
:class:`~phi_core.backends.base.BackendError` subclass) are retried; everything
else goes straight to the caller. Delays are deterministic (no jitter) so that
a benchmark run is reproducible and tests can assert the exact waits.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 3  # retries after the first attempt; 0 means try once
    backoff_s: float = 1.0  # wait before the first retry
    factor: float = 2.0
    max_backoff_s: float = 30.0

    def delays(self) -> Iterator[float]:
        """The waits before retry 1, 2, ... max_retries."""
        delay = self.backoff_s
        for _ in range(max(0, self.max_retries)):
            yield min(delay, self.max_backoff_s)
            delay *= self.factor


def is_retryable(error: BaseException) -> bool:
    return bool(getattr(error, "retryable", False))


def call_with_retry(
    attempt: Callable[[], T],
    policy: RetryPolicy,
    *,
    sleep: Callable[[float], None] = time.sleep,
    retryable: Callable[[BaseException], bool] = is_retryable,
) -> tuple[T, int]:
    """Run ``attempt`` until it succeeds; return its value and how many retries it took.

    When retries run out, the last error is raised unchanged.
    """
    delays = policy.delays()
    retries = 0
    while True:
        try:
            return attempt(), retries
        except Exception as error:
            if not retryable(error):
                raise
            delay = next(delays, None)
            if delay is None:
                raise
            sleep(delay)
            retries += 1


def call_translated(call: Callable[[], T], translate: Callable[[Exception], BaseException]) -> T:
    """call(), with a client library's exception re-raised as the backend error ``translate`` makes of it.

    ``translate`` returns the error itself for what it does not know, which then propagates unchanged.
    """
    try:
        return call()
    except Exception as error:
        translated = translate(error)
        if translated is error:
            raise
        raise translated from error
