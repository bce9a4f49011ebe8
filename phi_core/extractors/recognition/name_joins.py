"""Names found in part: the rest of the name beside them.

Run on the resolved spans of a profile (recall-first), in any kind of document:

- two name spans with one space between them are one name (ﾆｼｷｵﾘ + ｹﾝｼﾞ), also two Latin ones across a comma
  (Hoshino, Tetsuya) and katakana ones across letters a scan cut out (ア ブドゥル ラ ヒム・カリム);
- a place that is also a family name takes a given name after it (渋谷 航）), and a span that
  took a word before the family name takes the given name too (受傷者 千葉 さくら);
- a family name found alone takes the short word after one space when that word reads as a given name: kana
  (上条 ひかり, 中村 ロサ, a field's 福田 ロサリンダ), one kanji (森永 剛) or a word the dictionary calls a person's
  name or does not know, or any kana word when an age follows (大城 ちか　92);
- a given name the dictionary knows (一郎) takes the kanji word before it (今 一郎; 木津川 トミ子 さん: three before 様, さん).

Where else a name found once is written: name_repeats.py.
"""

from __future__ import annotations

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.label_words import LABEL_RULES
from phi_core.extractors.recognition.letter_spacing import SPACED_GIVEN, given_rest_after_blank
from phi_core.extractors.recognition.name_parts import (
    can_be_given_name,
    can_be_particle,
    can_be_surname,
    katakana_given_after,
)
from phi_core.japanese.chars import (
    FULL_WIDTH_KATAKANA,
    HALF_WIDTH_KATAKANA,
    HIRAGANA_LETTERS,
    KANJI,
    LONG_VOWEL,
    SPACE,
    is_kana,
    is_kanji,
    is_katakana,
)
from phi_core.japanese.honorifics import LATIN_LEADING_TITLES, LEADING_TITLES, alternation, words
from phi_core.nlp.morphemes import Morpheme

NAME_CATEGORIES = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT", "NAME_READING"})

# What stands after a name (an honorific, a title) and before it (a title), as pattern and as words.
HONORIFIC = alternation(words("person", "clinician", "letter", "position", "latin"))
TITLES = frozenset(words("person", "clinician", "letter", "position", "latin") + LEADING_TITLES + LATIN_LEADING_TITLES)
# What may follow a name: white space, punctuation, an honorific or title, the end;
# a middle dot ends a name in a list of names (千葉 礼・江頭 瑞穂).
_END = rf"(?=[\s、。,.，．()（）/／:：\]」』|｜・･]|{HONORIFIC}|$)"
_GIVEN_AFTER = re.compile(
    rf"[{SPACE}](?P<w>[{KANJI}]{{1,2}}|[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}]{{1,3}}[子江代枝恵美]|[{HIRAGANA_LETTERS}]{{2,4}}"
    rf"|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,5}}){_END}"
)
# A form pads a family name and a kanji given name apart, the name then ending its line, met by an honorific or
# its reading in brackets, or padded from the next field (小野寺   勝 様, 久保田  誠 先生, 宇佐美  誠⏎, 市川  拓 也
# 立会者); a word after such a gap is otherwise the table's next column, so it must read as a given name.
_GIVEN_AFTER_PADDING = re.compile(
    rf"[{SPACE}]{{2,4}}(?P<w>[{KANJI}](?: ?(?!{alternation(words('person', 'clinician'))})[{KANJI}]){{0,2}})"
    rf"(?=[{SPACE}]*(?:{alternation(words('person', 'clinician'))}|\n|$|[（(])|[{SPACE}]{{2}})"
)
_LETTER_SPACED = re.compile(rf"[{KANJI}](?: [{KANJI}]){{1,3}}")
_FAMILY_BEFORE = re.compile(rf"(?:^|(?<=[\s、。,，()（）:：/／]))(?P<w>[{KANJI}]{{1,3}})[{SPACE}]$")
_PERSON_HONORIFICS = words("person")
# 姓：山田　名：太郎: a form's next field, not a given name (a chat line's speaker 山田 太郎：is one).
_FIELD_LABEL_NEXT = re.compile(rf"(?:{alternation(tuple(LABEL_RULES) + ('名', '名前'))})[{SPACE}]?[:：]")
_HONORIFIC_NEXT = re.compile(alternation(_PERSON_HONORIFICS))
# A row of a list of patients: the name, then the age (大城 ちか　92　F); a kana word there is the given
# name whatever else the dictionary reads it as (ちか is also an adverb).
_AGE_NEXT = re.compile(r"[ \u3000\t]+[0-9０-９]{1,3}(?![0-9０-９])")
# One kanji written after a name that is a mark of the document, not a given name.
_NOT_GIVEN = frozenset("記宛印拝他等外分時日月年歳才男女科室号階棟院部課係様殿氏君")


def _morphemes_in(morphemes: list[Morpheme], start: int, end: int) -> list[Morpheme]:
    return [m for m in morphemes if start <= m.start and m.end <= end]


def _reads_as_given_name(word: str, inside: list[Morpheme]) -> bool:
    if not is_kanji(word[0]) and is_kanji(word[-1]):
        return True  # ヨシ子, はる江: kana and a kanji of the old women's names
    if is_kanji(word[0]):
        if len(word) == 1:
            return word not in _NOT_GIVEN
        return bool(inside) and all(m.is_person or m.oov for m in inside)
    # Kana: one noun (ひかり, ロサ), a person's name or an unknown word; never a particle or a verb;
    # or a word the dictionary lists as a given name, however it cut it here (りん).
    if len(inside) == 1 and (inside[0].pos[0] == "名詞" or inside[0].oov):
        return True
    return can_be_given_name(word) and not can_be_particle(word)


_KANJI_WORD = re.compile(f"^[{KANJI}]{{1,3}}$")
# Letters a scan cut out of a katakana name between two found parts: ア ブドゥル [ラ] ヒム・カリム.
_KATAKANA_GAP = re.compile(f"^[{SPACE}][{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,2}}[{SPACE}]$")


def _one_name_across(text: str, end: int, start: int) -> bool:
    """Do two name spans with this gap between them make one name?"""
    gap = text[end:start]
    if gap in (" ", "\u3000"):
        return True
    if gap in (", ", ",") and text[end - 1 : end].isalpha() and text[start : start + 1].isupper():
        return text[end - 1].isascii() and text[start].isascii()  # Hoshino, Tetsuya
    return _KATAKANA_GAP.match(gap) is not None and is_kana(text[end - 1]) and is_kana(text[start])


# (blanks a form types; two wide spaces part two fields: 山田　　太郎)
_PADDING = re.compile("[ ]{2,4}")


def _padded_pair(text: str, family: Candidate, given: Candidate) -> bool:
    """A family name and a given name found apart across a form's padding (工藤   春恵, 今井  美穂)."""
    first, second = text[family.start : family.end], text[given.start : given.end]
    return (
        _PADDING.fullmatch(text, family.end, given.start) is not None
        and _KANJI_WORD.match(first) is not None
        and len(second) <= 4
        and not any(ch in SPACE for ch in second)
        and can_be_surname(first)
        and can_be_given_name(second)
    )


def _place_then_given(text: str, place: Candidate, given: Candidate) -> bool:
    word = text[place.start : place.end]
    return (
        place.category == "ADDRESS"
        and text[place.end : given.start] in (" ", "\u3000")
        and _KANJI_WORD.match(word) is not None
        and can_be_surname(word)
        and can_be_given_name(text[given.start : given.end])
    )


def join_name_words(text: str, spans: list[Candidate], morphemes: list[Morpheme]) -> list[Candidate]:
    """Join a name found in part with the rest of it (see the module's docstring)."""
    out: list[Candidate] = []
    for span in sorted(spans, key=lambda c: c.start):
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.category in NAME_CATEGORIES
            and span.category in NAME_CATEGORIES
            and _one_name_across(text, previous.end, span.start)
        ):
            out[-1] = previous._replace(end=span.end)
            continue
        if (
            previous is not None
            and previous.category in NAME_CATEGORIES
            and span.category in NAME_CATEGORIES
            and _padded_pair(text, previous, span)
        ):
            out[-1] = previous._replace(end=span.end)  # 工藤   春恵: a form's padding, both halves found
            continue
        if previous is not None and span.category in NAME_CATEGORIES and _place_then_given(text, previous, span):
            out[-1] = span._replace(start=previous.start)  # 宮城 重信: a place that is the family name
            continue
        out.append(span)
    swallowed: set[int] = set()
    for i, span in enumerate(out):
        family = text[span.start : span.end]
        place = span.category == "ADDRESS" and _KANJI_WORD.match(family) is not None
        if span.category not in NAME_CATEGORIES and not place:
            continue
        limit = out[i + 1].start if i + 1 < len(out) else len(text)
        # A form pads the given name apart, a scan spaces every letter (高 見 沢   清, 市川  拓 也 様).
        if _KANJI_WORD.match(family) or _LETTER_SPACED.fullmatch(family):
            padded = _GIVEN_AFTER_PADDING.match(text, span.end)
            if padded and padded.end() <= limit and can_be_given_name(padded.group("w").replace(" ", "")):
                out[i] = span._replace(end=padded.end())
                continue
        if any(ch in SPACE for ch in family):
            # 受傷者 千葉 + さくら: a span that took a word before the family name
            family = re.split(f"[{SPACE}]", family)[-1]
            if not (_KANJI_WORD.match(family) and can_be_surname(family)):
                continue
        after = _GIVEN_AFTER.match(text, span.end)
        # 田所 きぬ: a kana given name the dictionary also has as a place was proposed as an address
        swallow = bool(
            after
            and i + 1 < len(out)
            and out[i + 1].category == "ADDRESS"
            and (out[i + 1].start, out[i + 1].end) == after.span("w")
            and is_kana(after.group("w")[0])
        )
        if swallow:
            limit = out[i + 1].end
        if place:
            # 渋谷 航）: a place that is also a family name, then a word the dictionary gives as a given name
            if after and after.end() <= limit and can_be_surname(family) and can_be_given_name(after.group("w")):
                out[i] = span._replace(end=after.end(), category="PATIENT_NAME")
            continue
        # A family name in kana takes a kana given name only before an honorific: わたなべ そうたくん.
        kana_pair = bool(
            after and is_kana(family[0]) and is_kana(after.group("w")[0]) and _HONORIFIC_NEXT.match(text, after.end())
        )
        # A katakana family name takes a kanji given name (ウィリアムズ 海): a child of two families' names.
        katakana_kanji = bool(after and all(is_katakana(ch) for ch in family) and is_kanji(after.group("w")[0]))
        if after and after.end() <= limit and (all(is_kanji(ch) for ch in family) or kana_pair or katakana_kanji):
            word = after.group("w")
            if (
                word not in TITLES
                and not word.startswith(_PERSON_HONORIFICS)
                and not _FIELD_LABEL_NEXT.match(text, after.start("w"))
                and (
                    kana_pair
                    or _reads_as_given_name(word, _morphemes_in(morphemes, after.start("w"), after.end("w")))
                    or (_AGE_NEXT.match(text, after.end()) and not is_kanji(word[0]))
                )
            ):
                out[i] = span = span._replace(end=after.end())
                if swallow:
                    swallowed.add(i + 1)
                continue
        floor = out[i - 1].end if i else 0
        before = _FAMILY_BEFORE.search(text, max(floor, span.start - 5), span.start)
        given = _morphemes_in(morphemes, span.start, span.end)
        known_given = len(given) == 1 and given[0].is_person and given[0].pos[3] == "名"
        honorific = _HONORIFIC_NEXT.match(text, span.end + (text[span.end : span.end + 1] in SPACE))
        if before and known_given and (len(before.group("w")) < 3 or honorific):
            out[i] = span._replace(start=before.start("w"))
    return [s for k, s in enumerate(out) if k not in swallowed]


# What follows a name and still belongs to it: a newborn's "family name + baby" (小笠原 ベビー,
# 高城 りな ﾍﾞﾋﾞｰ1, Nguyen Baby), the further parts of a caret-separated name (HOLLAND^Margaret^Ann),
# the rest of a given name cut by a line end, a digit read for a letter (YAMADA TAR0), a given name with a
# character nobody can read (髙橋 ■一 様).
_BABY = r"(?:ベビー|ﾍﾞﾋﾞｰ|[Bb]aby|BABY|Ｂａｂｙ)"
_BABY_NUMBER = rf"[{SPACE}]?[0-9０-９①-⑨A-ZＡ-Ｚ](?![0-9０-９A-Za-z])"
_UNREAD = "■〓●□"
_NAME_TAIL = re.compile(
    rf"[{SPACE}]?{_BABY}(?![{FULL_WIDTH_KATAKANA}{LONG_VOWEL}{KANJI}{HALF_WIDTH_KATAKANA}A-Za-z])(?:{_BABY_NUMBER})?"
    r"|(?:\^[A-Z][A-Za-z'\-]*){1,2}(?![A-Za-z0-9^])"
    # the mother's name and 児 (child) after a space: 藤枝 千尋 児, ﾌｼﾞｴﾀﾞ ﾁﾋﾛ ｼﾞ
    rf"|[{SPACE}](?:児|ｼﾞ)(?![{FULL_WIDTH_KATAKANA}{LONG_VOWEL}{KANJI}{HALF_WIDTH_KATAKANA}{HIRAGANA_LETTERS}A-Za-z])"
    # a given name with a character a scan could not read or a copy blacked out, before an honorific (髙橋 ■一 様)
    rf"|[{SPACE}](?=[{KANJI}]?[{_UNREAD}])[{KANJI}{_UNREAD}]{{1,3}}(?=[{SPACE}]?(?:{alternation(words('person'))}))"
)
# A given name of one kanji cut by a line end, the rest alone at the start of the next line
# (坂井 典⏎     子      年齢): scanned forms and fixed-width boxes break values so.
_CUT_GIVEN = re.compile(rf"^[{KANJI}]{{1,3}}[{SPACE}][{KANJI}]$")
_REST_ON_NEXT_LINE = re.compile(rf"\n[{SPACE}]*(?P<rest>[{KANJI}{HIRAGANA_LETTERS}]{{1,2}})(?=[{SPACE}]{{2,}}|\n|$)")
# Letters O and l read as digits at the end of a name in capitals: YAMADA TAR0.
_DIGIT_FOR_LETTER = re.compile(r"[01]{1,2}(?![0-9A-Za-z])")
_ENDS_WITH_BABY = re.compile(rf"{_BABY}$")
# Two katakana words or more, then one or two katakana letters set apart and ending the name.
_KATAKANA_WORDS = re.compile(
    rf"^[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]+(?:[{SPACE}][{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]+)+$"
)
_SHORT_KATAKANA_PART = re.compile(rf"[ \u3000][{FULL_WIDTH_KATAKANA}]{{1,2}}(?=[{SPACE}（(、,）)]|\n|$)")
_NUMBER_TAIL = re.compile(_BABY_NUMBER)


_LATIN_WORD_REST = re.compile(r"[A-Za-z'’]*[A-Za-z]")


def name_tails(text: str, spans: list[Candidate]) -> list[Candidate]:
    """A name span takes what still belongs to it right after it (see _NAME_TAIL).

    A place name (小笠原) before a newborn's word is the family name of the newborn.
    """
    out = list(spans)
    for i, span in enumerate(out):
        value = text[span.start : span.end]
        place = span.category == "ADDRESS" and not re.search(rf"[0-9０-９{SPACE}]", value)
        if span.category not in NAME_CATEGORIES and not place:
            continue
        tail = (_NUMBER_TAIL if _ENDS_WITH_BABY.search(value) else _NAME_TAIL).match(text, span.end)
        limit = out[i + 1].start if i + 1 < len(out) else len(text)
        if not tail and not place and SPACED_GIVEN.match(value):  # (or by a blank: 三浦 健 吉)
            tail = (_CUT_GIVEN.match(value) and _REST_ON_NEXT_LINE.match(text, span.end)) or given_rest_after_blank(
                text, value, span.end
            )
            if tail and (tail.group("rest") in TITLES or tail.group("rest")[0] in _NOT_GIVEN):
                tail = None
        if not tail and not place and re.search(r"[A-Z]{2}$", value):
            tail = _DIGIT_FOR_LETTER.match(text, span.end)
        if not tail and not place and value[-1:].isascii() and value[-1:].isalpha():
            tail = _LATIN_WORD_REST.match(text, span.end)  # Dr. Mc + Donald: a name never ends inside a word
        if not tail and not place:
            tail = katakana_given_after(text, value, span.end)
        if not tail and not place and _KATAKANA_WORDS.match(value):
            tail = _SHORT_KATAKANA_PART.match(text, span.end)  # グエン ティ + ハ: a Vietnamese name's last part
        if not tail or tail.end() > limit or (place and not re.match(rf"[{SPACE}]?{_BABY}", tail.group())):
            continue
        out[i] = span._replace(end=tail.end(), category="PATIENT_NAME" if place else span.category)
    return out


# A signature: the facility's name, a wide space, then the doctor's family and given name ending
# the line (R8.12.4　ふくろう内科医院　梟山 玄).
_NAME_ENDING_THE_LINE = re.compile(
    rf"[{SPACE}]{{1,4}}(?P<name>[{KANJI}]{{1,3}}[{SPACE}][{KANJI}]{{1,3}})[{SPACE}]*(?:印|㊞)?[{SPACE}]*(?=\n|$)"
)


def names_after_facilities(text: str, spans: list[Candidate]) -> list[Candidate]:
    """The name that ends the line after a hospital's or clinic's name is the signing doctor's."""
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    if not sudachi_available():
        return spans
    out = list(spans)
    for span in spans:
        if span.category != "HOSPITAL_NAME":
            continue
        m = _NAME_ENDING_THE_LINE.match(text, span.end)
        if not m or any(s.start < m.end("name") and m.start("name") < s.end for s in out):
            continue
        family, given = re.split(f"[{SPACE}]", m.group("name"))[:2]
        if given in TITLES or given[0] in _NOT_GIVEN or family.endswith(tuple(TITLES)):
            continue  # 病院長 殿: a title and an honorific
        entries = sudachi_lookup(family)
        if entries and not any(pos[2] == "人名" for pos in entries):
            continue  # 内科 外来: words, not a name
        out.append(Candidate(m.start("name"), m.end("name"), "PHYSICIAN_NAME", span.rank))
    return sorted(out, key=lambda c: c.start)
