"""Limits on what a de-identification job reads, and safe names for what it writes.

A document (a zip member, a text file, a JSONL line, a CSV cell) larger than
the limit is refused before it is read: a zip member by the size its header
declares, and every read is bounded as well, since a header can lie. Names
taken from an input (zip members, files of a folder) are reduced to plain
relative names, so an output can never land outside its folder or zip root.
"""

from __future__ import annotations

import os
import re
from typing import IO

DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
ENV_MAX_DOCUMENT_BYTES = "PHI_DEID_MAX_DOCUMENT_BYTES"
MAX_ZIP_MEMBERS = 100_000


class DeidInputError(ValueError):
    """The input cannot be read as the chosen format; the message says what to do."""


def max_document_bytes(value: int | None = None) -> int:
    """The stated limit, else the environment's, else the default (16 MiB)."""
    if value is not None:
        return value
    text = os.environ.get(ENV_MAX_DOCUMENT_BYTES, "").strip()
    if not text:
        return DEFAULT_MAX_DOCUMENT_BYTES
    try:
        limit = int(text)
    except ValueError:
        raise DeidInputError(
            f"{ENV_MAX_DOCUMENT_BYTES}={text!r} is not a number of bytes; set it to e.g. 16777216"
        ) from None
    if limit < 1:
        raise DeidInputError(f"{ENV_MAX_DOCUMENT_BYTES} must be 1 or more bytes")
    return limit


def too_large(what: str, size: int | str, limit: int) -> DeidInputError:
    return DeidInputError(
        f"{what} is {size} bytes, more than the limit of {limit:,} bytes per document; nothing of it was read. "
        "Split it, or raise the limit with --max-document-bytes (or PHI_DEID_MAX_DOCUMENT_BYTES)"
    )


def read_bounded(stream: IO[bytes], limit: int, what: str) -> bytes:
    """At most ``limit`` bytes; refuses (without reading further) a stream that holds more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large(what, f"more than {limit:,}", limit)
    return data


_DRIVE = re.compile(r"^[A-Za-z]:")
_UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f]")


def safe_relative_name(name: str, fallback: str = "document.txt") -> str:
    """``name`` as a plain relative path: no ``..``, no root, no drive, no control characters."""
    text = _UNSAFE_CHARS.sub("_", name.replace("\\", "/"))
    text = _DRIVE.sub("", text)
    parts = [p for p in text.split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or fallback
