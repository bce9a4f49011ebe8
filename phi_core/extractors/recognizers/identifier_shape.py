"""Strings shaped like identifiers, wherever they stand: no label, field or format needed.

- a run of letters and digits (with - _ / . inside) holding five digits or
  more, or three or more beside letters: P123456, A2408-12345, 20240806,
  and scanning damage (l23O4567: letters O and l standing for digits);
- digit groups of three or more separated by spaces ("1234 5678 9012"), and any three groups or
  more with seven digits among them, a lone capital letter before them included (chart
  00 2207 05, Tube barcode T 6612 0094 3), unless they count up one by one (a printed scale:
  0 1 2 3 4 5 6 7 8 9 10) or follow what they measure (HR 88 92 90 86);
- numbers of record with a kanji series mark between hyphens (R8-迅-0311), an office's mark in kanji before
  the series (北浜-R7-0112, 港南-生-30871) and a prefecture's before 第 (群第2207-118);
- a number written with leading zeros, three digits or more (0013, 00781204):
  counts and measures are not padded, badge, staff and patient numbers are;
  not all zeros (status=0000), and not a row counter (0131, 0132, 0133 at the
  starts of lines one after another);
- e-mail addresses, and a postal item's tracking number (EN 2290 4471 3JP);
- a number masked but for its last digits (an account ``****4581``, ``****-****-7302``): what is shown still points
  to one person;
- the visible tail of an identifier cut short (``Study UID 末尾 …4471.2026103012``, ``…0094 3317``, ``末尾 8812``):
  digits after an ellipsis, six or more (dots inside too, as a UID writes them), or four or more after 末尾;
  and the last digits a writer gives by their count (``下4桁 2290``, ``末尾2桁は 52``, ``ending in 4471``,
  ``last 4 digits 2290``);
- international phone numbers (+44 7700 900418) and numbers with the area
  code in brackets and a space ((555) 123-4567).
They match inside URLs too (`?pid=12345678`), since the run stops at any
other character. Measurements, ranges, stages and anatomy numbers that take
the same shape are let through by the clinical allow-list.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import KANJI
from phi_core.japanese.width import nfkc

from .sudachi_names import RANK_SUPPLEMENT

_ALNUM = "0-9A-Za-z０-９Ａ-Ｚａ-ｚ"
_RUN = re.compile(rf"(?<![{_ALNUM}])[{_ALNUM}]+(?:[-_/.‐－ー][{_ALNUM}]+)*(?![{_ALNUM}])")
# The address of a published standard (hl7.org/fhir/StructureDefinition/iso21090-EN-representation, loinc.org/…,
# terminology.hl7.org/CodeSystem/v2-0203): the format's own name, the same in every record, never a person's.
_STANDARD_HOST = re.compile(
    r"(?:^|[/.])(?:hl7|loinc|snomed|unitsofmeasure|w3|nema|ihe|jpfhir)\.(?:org|info|net|jp)(?:/|$)"
)


def standard_address(run: str) -> bool:
    return "." in run and _STANDARD_HOST.search(run) is not None


# A number of record with a kanji series mark between hyphens: R8-迅-0311, 2024-倫-015.
_KANJI_SERIES = re.compile(
    rf"(?<![{_ALNUM}\-])[{_ALNUM}]+[-‐－][{KANJI}]{{1,2}}[-‐－][0-9０-９]{{3,}}(?![{_ALNUM}])"
    # ... or an office's mark in kanji before the series (北浜-R7-0112, 港南-生-30871, 厚労-認-3014872), and a
    # prefecture's mark before 第 and the number (群第2207-118, 千第0412877号): a certificate's or a case's number
    rf"|(?<![{KANJI}{_ALNUM}\-])[{KANJI}]{{1,3}}[-‐－](?:[A-Z]?[0-9]{{1,2}}|[{KANJI}]{{1,2}})[-‐－][0-9０-９]{{3,8}}"
    rf"(?![{_ALNUM}]|[{KANJI}](?<!号))"
    # (one kanji: 様式第120号, 法律第205号 are a form's and a law's)
    rf"|(?<![{KANJI}{_ALNUM}])[{KANJI}](?<![式律法令示則条])第[0-9０-９]{{3,8}}(?:[-‐－][0-9０-９]{{1,6}})?"
    rf"(?![{_ALNUM}]|[{KANJI}](?<!号))"
)
# What an ellipsis or 末尾 leaves of a longer identifier; an ellipsis in prose stands before words, not digits.
_TAIL = re.compile(
    r"(?:(?<=[…‥])|(?<=\.\.\.)|(?<=末尾)|(?<=末尾[ \u3000:：])|(?<=末尾[ \u3000][…‥]))"
    r"(?P<v>[0-9０-９]+(?:[.\-][0-9０-９]+)*)(?![0-9０-９A-Za-z]|\.[0-9])"
)
_LAST_DIGITS = re.compile(
    r"(?:(?:下|末尾|末)[0-9０-９一二三四五六七八]桁(?:[はがの]|[ \u3000]?[:：=＝])?[ \u3000]*[（(「]?"
    r"|(?<![A-Za-z])(?:ending in|ends in|ending with|last [0-9] digits:?|last four digits:?) )"
    r"(?P<v>[0-9０-９]{2,8})(?![0-9０-９.]|[ \u3000]?(?:[%％件人名回円歳]|mg|mL|kg))"
)
_GROUPS = re.compile(r"(?<![0-9０-９])[0-9０-９]{3,6}(?:[ \u3000][0-9０-９]{3,6})+(?![0-9０-９])")
# Three groups or more of any length with a single space between (the seven digits are counted in code).
_LOOSE_GROUPS = re.compile(
    r"(?<![0-9０-９A-Za-z.,:/\-])(?:[A-Z] )?[0-9０-９]{1,6}(?: [0-9０-９]{1,6}){2,}(?![0-9０-９A-Za-z]|[.,:/][0-9])"
)
_EMAIL_SHAPE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A postal item's tracking number, two letters, nine digits and the country's two (EN 2290 4471 3JP, RR447108352JP):
# the letters at its ends keep it apart from the digit groups above.
_TRACKING = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2} ?(?:[0-9] ?){8}[0-9] ?[A-Z]{2}(?![A-Za-z0-9])")
_MASKED = re.compile(r"(?<![\w*＊●])[*＊●]{3,}(?:[-‐－ ][*＊●]{2,})*[-‐－ ]?[0-9０-９]{3,6}(?![0-9０-９])")
# Every address, an office's too: the domain names the facility (renkei@minato-chuo-hp...), and the independent
# writers disagree on offices (17 of 19 left on the first development sets, all marked on blind-final25).
_EMAIL = _EMAIL_SHAPE
# Phone numbers with the area code in brackets and a space: (555) 123-4567, (03) 1234-5678; abroad the
# groups after a trunk zero are set apart by a space too ((021) 3190 7700, (02) 9387 4410).
_BRACKETED_PHONE = re.compile(
    r"(?<![\w)])\((?:[0-9]{2,5}\)[ \u3000][0-9]{1,4}-|0[0-9]{1,4}\)[ \u3000][0-9]{3,4} )[0-9]{3,4}(?![0-9]| [0-9])"
)
# International numbers: +44 7700 900418, +52 55 3187 2046, +1 (415) 555-0132.
_INTERNATIONAL = re.compile(
    r"(?<![\w+])\+[0-9]{1,3}[ \-]?(?:\([0-9]{1,4}\)[ \-]?)?[0-9]{1,5}(?:[ \-][0-9]{2,6}){1,4}(?![0-9])"
)
_DIGIT = re.compile("[0-9０-９]")
_LETTER = re.compile("[A-Za-zＡ-Ｚａ-ｚ]")
_DECIMAL = re.compile(r"^[0-9０-９]+[.．][0-9０-９]+$")


_ZERO_PADDED = re.compile("^[0０][0-9０-９]{2,}$")
_ZEROS = re.compile("^[0０]+$")


def identifier_like(value: str) -> bool:
    digits = len(_DIGIT.findall(value))
    if _DECIMAL.match(value):
        return False
    return digits >= 5 or (digits >= 3 and _LETTER.search(value) is not None)


def zero_padded(value: str) -> bool:
    """0013, 00781204: a number padded with zeros to a fixed width is a code, not a quantity."""
    return _ZERO_PADDED.match(value) is not None and _ZEROS.match(value) is None


def loose_groups(text: str, start: int, end: int) -> bool:
    """Seven digits or more in the groups, a group of two digits or a letter before them (digits one to a
    box are read after their label), no counting up one by one, and no image numbers or readings of a
    vital sign or score before them (HR 88 92 90 86, NRS 3 4 5 4 3 2 2)."""
    groups = re.findall("[0-9]+", nfkc(text[start:end]))
    if sum(len(g) for g in groups) < 7:
        return False
    if all(len(g) == 1 for g in groups) and not text[start].isalpha():
        return False
    numbers = [int(g) for g in groups]
    if all(b == a + 1 for a, b in zip(numbers, numbers[1:])):
        return False
    before = text[max(0, start - 12) : start]
    return _IMAGE_BEFORE.search(before) is None and _READINGS_BEFORE.search(before) is None


# Readings written in a row after what they measure: a vital sign, a score, a count.
_READINGS_BEFORE = re.compile(
    r"(?:\b(?:HR|PR|RR|BP|BT|KT|SpO2|SaO2|NRS|VAS|FRS|GCS|score|Score|pulse|Pulse)|脈拍?|体温|血圧|呼吸数?|血糖"
    r"|尿量|点数?|スコア|件数|回数|人数)[ \u3000:：=]*$"
)


def _line_start_number(text: str, line_start: int) -> int | None:
    match = _LEADING_NUMBER.match(text, line_start)
    return int(nfkc(match.group())) if match else None


_LEADING_NUMBER = re.compile("[0-9０-９]+(?![0-9０-９])")


def _counted(text: str, start: int, end: int) -> bool:
    """A group of a number written with thousands separators (1,050), half of a pair of codes
    (a DICOM tag: (0010, 0010)), a series or image number (Se 003 Im 045), or a row counter."""
    return (
        _PAIRED_BEFORE.search(text, max(0, start - 6), start) is not None
        or _IMAGE_BEFORE.search(text, max(0, start - 12), start) is not None
        or _PAIRED_AFTER.match(text, end) is not None
        or row_counter(text, start, end)
    )


# Series, image and slice numbers of a study are padded too (Se 003 Im 045): places in the images.
_IMAGE_BEFORE = re.compile(r"(?:\b(?:Se|Ser|Im|Img|Image|Series|Slice|IM|SE)|画像|シリーズ|スライス)[ .:：#]*$")
_PAIRED_BEFORE = re.compile("[0-9０-９A-Fa-f][,，] ?$")
_PAIRED_AFTER = re.compile("[,，] ?[0-9０-９A-Fa-f]")


def row_counter(text: str, start: int, end: int) -> bool:
    """Does this number open its line, with the line above or below opening with the number one apart?"""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \u3000\t"):
        return False
    number = int(nfkc(text[start:end]))
    above = text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else None
    below = text.find("\n", end)
    neighbours = [_line_start_number(text, above) if above is not None else None]
    neighbours.append(_line_start_number(text, below + 1) if below >= 0 else None)
    return number - 1 in neighbours or number + 1 in neighbours


@register
class IdentifierShapeRecognizer(Recognizer):
    name: ClassVar[str] = "identifier-shape"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID", "PHONE")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = [
            Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT)
            for m in _RUN.finditer(text)
            if (identifier_like(m.group()) or (zero_padded(m.group()) and not _counted(text, *m.span())))
            and not standard_address(m.group())
        ]
        found.extend(Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT) for m in _GROUPS.finditer(text))
        if " " in text:
            found.extend(
                Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT)
                for m in _LOOSE_GROUPS.finditer(text)
                if loose_groups(text, *m.span())
            )
        found.extend(Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT) for m in _KANJI_SERIES.finditer(text))
        found.extend(Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT) for m in _EMAIL_SHAPE.finditer(text))
        found.extend(Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT) for m in _TRACKING.finditer(text))
        if "*" in text or "＊" in text or "●" in text:
            found.extend(Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT) for m in _MASKED.finditer(text))
        if "桁" in text or "ending" in text or "ends in" in text or "last" in text:
            found.extend(Candidate(*m.span("v"), "OTHER_ID", RANK_SUPPLEMENT) for m in _LAST_DIGITS.finditer(text))
        if "…" in text or "‥" in text or "..." in text or "末尾" in text:
            for m in _TAIL.finditer(text):
                digits = sum(ch.isdigit() for ch in m.group("v"))
                if digits >= 6 or (digits >= 4 and "末尾" in text[max(0, m.start() - 4) : m.start()]):
                    found.append(Candidate(*m.span("v"), "OTHER_ID", RANK_SUPPLEMENT))
        found.extend(Candidate(*m.span(), "PHONE", RANK_SUPPLEMENT) for m in _INTERNATIONAL.finditer(text))
        found.extend(Candidate(*m.span(), "PHONE", RANK_SUPPLEMENT) for m in _BRACKETED_PHONE.finditer(text))
        return found
