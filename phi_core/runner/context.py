"""What the task being run looks like from inside an extractor's call stack."""

from __future__ import annotations

import contextvars

# The repeat number of the task this worker thread is running. Backend-call
# caching reads it so that repeats are real repeated calls.
CURRENT_REPEAT: contextvars.ContextVar[int] = contextvars.ContextVar("phi_current_repeat", default=0)
