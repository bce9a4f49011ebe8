"""A facility's branch or town written after its name, or its first word before a space: one facility
(特養グリーンヒル宜野湾, ひまわりの里 港北, 東京リハビリテーション センター世田谷).

Homes, clinics and centres of one group tell their branches apart by the town
written after the name, joined or after one space. What the recognizers read
as the name stops before the town (or reads the town alone as an address);
the writers mark name and town as one facility. The town is a run of place
morphemes (SudachiDict 名詞-固有名詞-地名, not a country) that ends the word:
a particle, a bracket, a space or the line's end follows it, never another
kanji or katakana (港北区日吉 is an address of its own, 宜野湾市役所 an office).
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.chars import KANJI, KATAKANA

_GAP = (" ", "\u3000")
# A name that starts with its head noun lost the words before it to a space (東京リハビリテーション センター世田谷):
# the word before the space, when it is a word of its own after a label or a bracket, is the name's first part.
_HEADS = ("センター", "病院", "クリニック", "医院", "診療所")
_WORD_BEFORE = re.compile(f"(?:^|(?<=[：:（(「『、\\s]))(?P<word>[{KANJI}{KATAKANA}ー・]{{2,16}})[ \u3000]$", re.M)
_NOT_FIRST_PARTS = frozenset("当院 同院 貴院 本院 他院 前医 紹介先 転院先 搬送先 入院先 施設".split())
_WORD_GOES_ON = re.compile(f"[{KANJI}{KATAKANA}ーA-Za-z0-9０-９]")


def places_after_facilities(text: str, spans: list[Candidate], morphemes) -> list[Candidate]:
    if not any(s.category == "HOSPITAL_NAME" for s in spans):
        return spans
    starts = {m.start: i for i, m in enumerate(morphemes)}
    out = sorted(spans, key=lambda c: c.start)
    for span in [s for s in out if s.category == "HOSPITAL_NAME" and text.startswith(_HEADS, s.start)]:
        m = _WORD_BEFORE.search(text, max(0, span.start - 18), span.start)
        if (
            m
            and m.group("word") not in _NOT_FIRST_PARTS
            and not any(s.start < span.start and s.end > m.start() for s in out)
        ):
            grown = span._replace(start=m.start("word"))
            out = sorted([s for s in out if s is not span] + [grown], key=lambda c: c.start)
    for span in [s for s in out if s.category == "HOSPITAL_NAME"]:
        end = _town_end(text, span.end, morphemes, starts)
        if end is None:
            continue
        inside = [s for s in out if s is not span and span.end <= s.start and s.end <= end]
        if any(s.start < end < s.end or (s.start < span.end < s.end and s is not span) for s in out):
            continue  # a value crosses the town: leave both as they are
        if any(s.category != "ADDRESS" for s in inside):
            continue
        grown = span._replace(end=end)
        out = sorted([s for s in out if s is not span and s not in inside] + [grown], key=lambda c: c.start)
    return out


def _town_end(text: str, at: int, morphemes, starts: dict[int, int]) -> int | None:
    gaps = [at + len(gap) for gap in _GAP if gap and text.startswith(gap, at)] or [at]
    if gaps[0] not in starts:
        return None
    i = starts[gaps[0]]
    end = None
    while i < len(morphemes) and morphemes[i].is_place and morphemes[i].pos[3] != "国":
        if morphemes[i].surface.isascii():
            return None  # a Latin word the dictionary knows as a place is left to the Latin recognizers
        end = morphemes[i].end
        if i + 1 < len(morphemes) and morphemes[i + 1].start != end:
            break
        i += 1
    if end is None or _WORD_GOES_ON.match(text, end):
        return None
    return end
