"""A hospital's owner written before it belongs to the hospital's name.

Letters, certificates and replies to the police name the hospital with its
owner: 医療法人社団 光和会 上大岡中央病院, 社会医療法人 翠明会 翠明記念病院,
(清和会 東山病院), 聖マリア会 湊総合病院, 県立こころの医療センター. The owner
narrows the hospital down as much as its name does, so once a hospital's name
is found, what is written right before it on the same line joins it: a legal
form with up to three words of the owner's name after it, one or two words
ending in 会 or 財団 (also after a particle, 資料は聖マリア会 城北病院), a university and its 附属, or a public
owner glued on (県立, 市立, 国立; 静岡県立はまなだ病院 though は was read as a particle), or a public
operator an old letterhead sets apart by a space (社会保険 港南中央病院, 国立療養所 信濃東病院).
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL, is_hiragana_letter
from phi_core.japanese.organisations import LEGAL_FORMS, OPERATORS

_FORMS = "|".join(re.escape(form) for form in sorted(LEGAL_FORMS, key=len, reverse=True))
_WORD = f"[{KANJI}{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}ノヶ・]"
# 光和会, 恩賜財団, 済生会; a learned society or the like is no owner (学会, 協会, 研究会, 医師会 stay).
# A sentence is no name: particles other than の stop an association's name.
_ASSOCIATION = rf"(?:(?![はがをにでとへもや]){_WORD}){{1,14}}?(?:(?<![学協究])(?<!医師)会|財団)"
# After a legal form any name may follow (医療法人社団 こころの森): up to three words.
# A public owner glued on: 県立, 市立, 北海道立, 国立.
_PUBLIC = rf"(?:[{KANJI}]{{0,4}}?[県市都府道町村区]立|国立|公立)"
# A university that runs it: 東都医科大学附属 多摩総合医療センター, 北斗大学医学部付属 ...
_UNIVERSITY = rf"{_WORD}{{1,12}}?大学(?:医学部)?(?:附属|付属)[ \u3000]?"
_OPERATOR = "|".join(sorted(OPERATORS, key=len, reverse=True))
_OWNER = re.compile(
    rf"(?:(?:{_OPERATOR})[ \u3000]|(?:{_FORMS})[ \u3000]?(?:{_WORD}{{1,10}}[ \u3000]?){{0,3}}|(?:{_ASSOCIATION}[ \u3000]?){{1,2}}"
    rf"|{_PUBLIC}|{_UNIVERSITY})$"
)
_PUBLIC_RE = re.compile(_PUBLIC)
# A public owner glued before a kana name whose first letters the tokenizer read as a particle
# (静岡県立はまなだ病院 found as まなだ病院): the owner and the letters between are the name's.
_PUBLIC_BEFORE_KANA = re.compile(rf"{_PUBLIC}[{HIRAGANA_LETTERS}]{{1,3}}$")
# A particle ends the sentence's words before an owner with a space after it (資料は聖マリア会 城北病院の).
_PARTICLES = frozenset("はがをにでとへもや")
_KANJI_RE = re.compile(f"[{KANJI}]")
# A span that opens with a hospital's name (joined with the address after it: さぎのみや記念病院　東京都…).
_OPENS_WITH_HOSPITAL = re.compile(rf"{_WORD}{{1,16}}?(?:病院|クリニック|医院|診療所)")
_OPENING = frozenset(" \u3000\n\t：:（(「『、,，／/【")


def owners_before_hospitals(text: str, spans: list[Candidate]) -> list[Candidate]:
    """Each HOSPITAL_NAME span grows back over the corporation written right before it."""
    out = sorted(spans, key=lambda c: c.start)
    for span in [s for s in out if s.category == "HOSPITAL_NAME" or _OPENS_WITH_HOSPITAL.match(text, s.start, s.end)]:
        line_start = text.rfind("\n", 0, span.start) + 1
        window_start = max(line_start, span.start - 40)
        m = _OWNER.search(text, window_start, span.start)
        if m is None and is_hiragana_letter(text[span.start]):
            m = _PUBLIC_BEFORE_KANA.search(text, window_start, span.start)
        if m is None:
            continue
        start = m.start()
        public = _PUBLIC_RE.match(m.group()) is not None
        # after a particle only an owner's proper name, not words of the sentence (当院は地域の会 東山病院)
        spaced = m.group().endswith((" ", "\u3000")) and text[start - 1] in _PARTICLES and "の" not in m.group()
        opened = text[start - 1] in _OPENING or spaced or (public and not _KANJI_RE.match(text, start - 1))
        if start > 0 and not opened and not any(s.end == start for s in out):
            continue  # the owner must open a line, a bracket or a field: not the end of a longer word
        inside = [s for s in out if start <= s.start and s.end <= span.start]
        if any(s.start < start < s.end for s in out):
            continue  # a value crosses where the owner would begin: leave both as they are
        grown = span._replace(start=start)
        out = sorted([s for s in out if s is not span and s not in inside] + [grown], key=lambda c: c.start)
    return out
