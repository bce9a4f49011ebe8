"""Which text encoding a corpus file is in: UTF-8, else the Japanese legacy encodings.

Many Japanese hospital systems still export Shift_JIS (as Windows writes it,
CP932) or EUC-JP. A file that is valid UTF-8 is read as UTF-8; otherwise
CP932 and EUC-JP are tried, and when both decode, the one that reads as
Japanese (kana and kanji rather than half-width katakana and symbols) wins.
``--encoding`` (or the workbench's choice) forces one.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from phi_core.japanese.chars import (
    in_hiragana_block,
    in_katakana_block,
    is_cjk_punctuation,
    is_half_width_form,
    is_unified_kanji,
)

UTF8 = "utf-8"
# Codec names as Python spells them; the label is what the summary shows.
CANDIDATES = ("cp932", "euc_jp")
LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "cp932": "CP932 (Shift_JIS)",
    "shift_jis": "Shift_JIS",
    "euc_jp": "EUC-JP",
}
# Choices offered to users; any other codec Python knows is accepted too.
CHOICES = ("utf-8", "cp932", "shift_jis", "euc_jp")


class EncodingError(ValueError):
    """The bytes are not text in any encoding tried; the message says what to do."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name

    @property
    def label(self) -> str:
        return LABELS.get(self.encoding, self.encoding)


def check_encoding(name: str) -> str:
    """The codec name for a user's --encoding, or EncodingError."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise EncodingError(f"{name!r} is not a text encoding Python knows; use one of {', '.join(CHOICES)}") from None


def _japanese_score(text: str) -> int:
    """How much the text reads like Japanese: kana and kanji count, half-width katakana costs."""
    score = 0
    for ch in text:
        if in_hiragana_block(ch) or in_katakana_block(ch) or is_unified_kanji(ch) or is_cjk_punctuation(ch):
            score += 1
        elif is_half_width_form(ch) or 0xE000 <= ord(ch) <= 0xF8FF:  # half-width kana, private use
            score -= 2
    return score


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """The text of data, in the forced encoding, or UTF-8, or the likeliest Japanese one."""
    if encoding:
        codec = check_encoding(encoding)
        if codec == UTF8:
            codec = "utf-8-sig"  # a byte order mark is not part of the text
        try:
            return Decoded(data.decode(codec), codecs.lookup(encoding).name)
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"the file is not {LABELS.get(codec, encoding)} text (byte {exc.start} cannot be "
                "decoded); check the encoding, or leave it out to detect it"
            ) from None
    try:
        return Decoded(data.decode("utf-8-sig"), UTF8)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    decoded = []
    for codec in CANDIDATES:
        try:
            decoded.append(Decoded(data.decode(codec), codec))
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise EncodingError(
            f"the file is not UTF-8 text (byte {utf8_error.start} cannot be decoded), nor Shift_JIS/CP932 or "
            "EUC-JP; save it as UTF-8, or name its encoding with --encoding"
        )
    return max(decoded, key=lambda d: _japanese_score(d.text))
