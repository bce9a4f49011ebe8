"""The secret key behind surrogates: every choice is an HMAC of the key, the kind of value and the value.

With the key, the same person, ID, phone or facility gets the same
surrogate in every document, run, worker process and machine, and nothing
needs to remember originals. Without it, nobody can recompute a surrogate
from a guessed original (HMAC-SHA256 is a pseudo-random function of the
key). The key file is a secret on a par with the mapping file.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import random
import secrets
import stat
from pathlib import Path

from phi_core.files import create_private
from phi_core.japanese.width import nfkc

KEY_BYTES = 32
_HEADER = "phi-bench deid key v1\n"


class DeidKeyError(ValueError):
    """A key file that cannot be used; the message says what to do."""


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def seed_key(seed: int) -> bytes:
    """A key fixed by a number, for tests and demos only (anyone knowing the number knows the key)."""
    return hashlib.sha256(f"phi-bench test seed {seed}".encode()).digest()


def write_key(path: str | os.PathLike, *, force: bool = False) -> bytes:
    """Write a new random key to ``path``, owner-only (0600); refuses an existing file without ``force``."""
    key = new_key()
    fd = create_private(path, force=force)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(_HEADER + key.hex() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return key


def read_key(path: str | os.PathLike) -> bytes:
    target = Path(path)
    try:
        info = target.stat()
        text = target.read_text(encoding="ascii")
    except FileNotFoundError:
        raise DeidKeyError(
            f"there is no key file {target}; make one with `python -m phi_core deid-key new --out {target}`"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DeidKeyError(f"cannot read the key file {target} ({exc}); check the path and its permissions") from None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise DeidKeyError(
            f"the key file {target} can be read by other users (mode {stat.S_IMODE(info.st_mode):o}); "
            f"run `chmod 600 {target}` and try again"
        )
    lines = text.splitlines()
    try:
        if len(lines) != 2 or lines[0] + "\n" != _HEADER:
            raise ValueError
        key = bytes.fromhex(lines[1].strip())
        if len(key) != KEY_BYTES:
            raise ValueError
    except ValueError:
        raise DeidKeyError(
            f"{target} is not a phi-bench de-identification key; make one with `python -m phi_core deid-key new`"
        ) from None
    return key


def key_id(key: bytes) -> str:
    """A short public fingerprint of a key (to tell two keys apart in a checkpoint, never to recover it)."""
    return hmac.new(key, b"phi-bench key id", hashlib.sha256).hexdigest()[:16]


def normalise(value: str) -> str:
    """The form two spellings of one value share: NFKC (full-width digits and letters folded), no spaces."""
    return "".join(nfkc(value).split())


def keyed_int(key: bytes, kind: str, value: str) -> int:
    digest = hmac.new(key, f"{kind}\x00{normalise(value)}".encode(), hashlib.sha256).digest()
    return int.from_bytes(digest, "big")


def keyed_rng(key: bytes, kind: str, value: str) -> random.Random:
    """A random stream fixed by the key, the kind of value and the normalised value."""
    return random.Random(keyed_int(key, kind, value))
