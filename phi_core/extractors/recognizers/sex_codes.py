"""Sex written as a word or a code of its own, beside who the patient is.

- 男, 女, 男性, 女性, 男児, 女児 standing as a word of their own (no Japanese
  letter glued on: 長男, 男女比, 女性化乳房 stay alone): （女）, "24歳　男";
- M, F, Male, Female as a token of their own on a line that also says who
  (an age with its unit, a full date, a Sex/性別/Gender word or an age field: 年齢 52): "34歳 M",
  "/ 1988-02-29 / F", "Sex M", ``<administrativeGenderCode code="F"/>``; never inside a word, a stage (T2N0M0) or a
  code (F/U, M-2);
- an age glued to its sex code in a table cell (82M, 4F): the age too, but
  not on a line about floors (5F is a floor) nor before a room (3F  401); a pair
  with a slash: (F/34), 72/M;
- a pair with a full-width slash or a sex word (Sun Li／38／F, 45/女, 男性／72), and an age and its code one
  blank apart as a field between commas or slashes or ending the line (Mendoza, Ricardo, 45 M, MRN …), and
  the age before the sex written out, closing a bracket or a field (…、44 male）);
- a code after a bare age in brackets (ヤマウチ トシエ 様 (88) F) or after an
  age band of an export ("RS-0001, 65-69, M": five- or ten-year bands);
- the two words of a printed choice (男・女) as one span; with its boxes, only the ticked one (☑男・□女,
  □男 ■女): a word after an empty box is a choice not taken;
- the signs ♂ and ♀ standing as a word of their own (平松 様 70代 ♂), not glued to an age (a pet's 7歳♂);
- a numeric code in a field named for sex (<patientsex>2</patientsex>, Sex code = 2);
- Male and Female written out need no cue on the line ("Baby: female"): they
  are no code of anything else.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.extractors.recognition.floors import is_floor
from phi_core.japanese.chars import JAPANESE_LETTERS

from .sudachi_names import RANK_SUPPLEMENT

_JAPANESE = re.compile(rf"(?<![{JAPANESE_LETTERS}々])(?:男性|女性|男児|女児|男|女)(?![{JAPANESE_LETTERS}々])")
_LATIN = re.compile(r"(?<![A-Za-z0-9.\-/+_=&])(?:M|F|Male|Female|male|female)(?![A-Za-z0-9\-/+_.=&])")
_WHO = re.compile(
    r"[0-9０-９]{1,3}\s?(?:歳|才|ｻｲ|y/?o|[yY](?![A-Za-z])|か月|ヶ月|-year-old)"
    r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|(?i:\bsex\b|\bgender\b)|性[ \u3000]?別"
    # A clinical document's XML element for it (CDA: <administrativeGenderCode code="F"/>).
    r"|GenderCode"
    # A birth date day first (DOB 14/02/1998, M), by the era's letter (S35.04.02) or the day, month's name
    # and year (DOB 12 Feb 1951, M); the label's half-width reading (ｾｲ:F, ｾｲﾍﾞﾂ M).
    r"|(?<![0-9])\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}(?![0-9])"
    r"|(?<![0-9])[0-3]?[0-9] (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (?:19|20)\d{2}(?![0-9])"
    r"|(?<![A-Za-z0-9])[MTSHR]\d{1,2}[./]\d{1,2}[./]\d{1,2}(?![0-9])|ｾｲ(?:ﾍﾞﾂ)?[ :：]"
    # An age field with its number (ID 00419972　F　年齢 52, Age: 52 M).
    r"|(?:年[ \u3000]?[齢令]|(?<![A-Za-z])(?:Age|AGE))[ \u3000]*[:：]?[ \u3000]*[0-9０-９]"
    # A birth year by its era letter (F  H7生) or a chart number on the line ((カルテ 2300148)  F).
    r"|(?<![A-Za-z0-9])[MTSHR][0-9]{1,2}生|(?:(?<![A-Za-z])ID|カルテ|MRN)[ \u3000:：]*[0-9]{4}"
)
# A bare age after the code, set apart by spaces and ending the field: ID 0077-1350  M  45.
_AGE_AFTER_CODE = re.compile(r"[ \u3000]{1,4}([0-9]{1,3})(?=[ \u3000]*(?:\n|$)|[ \u3000]{2})")
# Both words of a printed choice (男・女, 男 / 女): the form's other marks (a circle) do not survive as text,
# so the pair is masked whole, which is what the patient's sex is among.
_PRINTED_PAIR = re.compile(
    rf"(?<![{JAPANESE_LETTERS}々])(?:男性?[ \u3000]?[・/／|｜][ \u3000]?女性?|女性?[ \u3000]?[・/／|｜][ \u3000]?男性?)"
    rf"(?![{JAPANESE_LETTERS}々])"
)
# A printed choice's boxes: the ticked word is the sex even with the next choice glued on (☑男・□女);
# a word after an empty box is one the writer did not choose.
_TICKED = re.compile(r"(?<=[☑☒✓✔■◼●◉])[ \u3000]?(?P<sex>男性|女性|男|女)(?=[・/／ \u3000）)]|$)", re.MULTILINE)
_EMPTY_BOX = re.compile(r"[□☐◻][ \u3000]?$")
# a circled 男 or 女 (㊚, ㊛) is the choice a form's circle made, beside the other word or alone
_SIGN = re.compile(r"(?:^|(?<=[ \u3000\t（(|,、・]))[♂♀㊚㊛](?=[ \u3000\t）)|,、・]|$)", re.MULTILINE)
# Written out, the word says what it is: no cue needed on the line.
_WORD = re.compile(r"^(?:Male|Female|male|female)$")
# A bare age in brackets, then the code: "様 (88) F", "（72）男".
_AFTER_BRACKETED_AGE = re.compile(
    r"(?<![0-9A-Za-z])[(（][0-9０-９]{1,3}[)）][ \u3000]{0,2}(?P<sex>[MFＭＦ]|男性?|女性?)(?![A-Za-z0-9])"
)
# An age band of an export (65-69, 70〜79), then the code.
_AFTER_BAND = re.compile(
    r"(?<![0-9.\-])(?P<a>[0-9]{1,3})[-〜~](?P<b>[0-9]{1,3})[ ,，、/\t]{1,3}(?P<sex>[MF])(?![A-Za-z0-9\-/])"
)
# A cell between bars, full-width ones too (｜58M｜). In brackets too (after an ID: （0611045、29M）), or before the colon of a note about the patient (N.S. (81F?), Mr. Sato, 72M: BP) or after a comma of prose (連絡、58F 右麻痺), with two
# digits there: (2M) is a molarity, 4F: a floor.
_GLUED = re.compile(
    r"(?:(?<=[ \t|｜│,])|^)([0-9]{1,3})([MF])(?=[ \t|｜│,]|$)|(?<=[ \t(（、，。])([1-9][0-9]{1,2})([MF])(?=[:)）?、， \u3000])",
    re.MULTILINE,
)
# Sex and age written as a pair with a slash: (F/34), 72/M, F/17y.
_PAIR = re.compile(
    # Not a count of men and women (男 10／女 5, 計 15 / M 8).
    r"(?<![A-Za-z0-9/\-.:男女計])(?<![男女計MF] )(?:(?P<sex>[MF]|男性?|女性?) ?[/／] ?(?P<age>[0-9]{1,3}(?:[yY]|歳|才)?)"
    r"|(?P<age2>[0-9]{1,3}) ?[/／] ?(?P<sex2>[MF]|男性?|女性?))"
    r"(?![A-Za-z0-9/／]|(?<=[男女])[児子]|(?<=[男女性MF])[ \u3000]?[0-9])"
)
# An age and its code one blank apart, a field of a list parted by commas or slashes (Mendoza, Ricardo, 45 M, MRN):
# the separators on both sides say it is a field of its own, not a size (S, M, L); two digits, not a molar
# concentration (KCl, 2 M).
_SPACED_FIELD = re.compile(
    r"(?:(?<=[,，、/／|])|(?<=[,，、/／|] ))(?<![0-9.])([1-9][0-9]{1,2}) ([MF])(?=[,，、/／|]| [,，、/／|]|[ \t]*$)",
    re.MULTILINE,
)
# An age and the sex written out closing a bracket or a field (（…、ナイジェリア国籍、44 male）); not a count
# of people (12 male patients).
_AGE_THEN_WORD = re.compile(
    r"(?:(?<=[,，、(（/／|])|(?<=[,，、(（/／|] ))([1-9][0-9]?|1[01][0-9]) ((?:[Ff]e)?male)(?=[)）,，、/／|]|[ \t]*$)",
    re.MULTILINE,
)
# A numeric code in a field named for sex, as safety reports and registries send it (ISO 5218: 1 male, 2 female,
# 0 and 9 unknown): <patientsex>2</patientsex>, Sex code = 2, 性別コード：1; not a ratio or a count (sex ratio 2),
# nor a legend of the codes (# sex: 1=M 2=F).
_NUMERIC_CODE = re.compile(
    r"(?:(?i:sex|gender)(?:[ _]?(?i:code))?|性[ \u3000]?別(?:コード)?)(?:>|[ \u3000]*[=:：][ \u3000]*)"
    r"(?P<code>[0129])(?![0-9.,/=＝])"
)
_COHORT = re.compile(r"(?<![A-Za-z])[nN] ?=")
# Quick tests that start with a character class (the patterns above start with a
# look-behind, which the regex engine tries at every position).
_SEX_FIELD = re.compile(r"(?i:sex|gender)|性[ \u3000]?別")
_ANY_GLUED = re.compile(r"[0-9][MF]")
_ANY_PAIR = re.compile(r"(?:[MF男女]|男性|女性) ?[/／] ?[0-9]|[0-9] ?[/／] ?[MF男女]")
_FLOORS = re.compile(r"階|館|棟|(?i:floor)")
# A floor before its room (3F  401, 4F-502): no age and sex.
_ROOM_AFTER = re.compile(r"[ \t\u3000\-]*[0-9]{3,4}(?![0-9])")


def _line(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin : len(text) if end < 0 else end]


@register
class SexCodeRecognizer(Recognizer):
    name: ClassVar[str] = "sex-code"
    categories: ClassVar[tuple[str, ...]] = ("SEX", "AGE")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        # Cheap checks first: most documents hold no sex word or no line that says who.
        found = []
        if "男" in text or "女" in text:
            found.extend(
                Candidate(*m.span(), "SEX", RANK_SUPPLEMENT)
                for m in _JAPANESE.finditer(text)
                if not _EMPTY_BOX.search(text, max(0, m.start() - 2), m.start())
            )
            found.extend(
                Candidate(*m.span(), "SEX", RANK_SUPPLEMENT)
                for m in _PRINTED_PAIR.finditer(text)
                if not _EMPTY_BOX.search(text, max(0, m.start() - 2), m.start())
            )
            found.extend(Candidate(*m.span("sex"), "SEX", RANK_SUPPLEMENT) for m in _TICKED.finditer(text))
        if any(sign in text for sign in "♂♀㊚㊛"):
            found.extend(Candidate(*m.span(), "SEX", RANK_SUPPLEMENT) for m in _SIGN.finditer(text))
        cue = _WHO.search(text) is not None
        for m in _LATIN.finditer(text):
            if _WORD.match(m.group()) or (cue and _WHO.search(_line(text, m.start()))):
                found.append(Candidate(*m.span(), "SEX", RANK_SUPPLEMENT))
                age = _AGE_AFTER_CODE.match(text, m.end())
                if age and int(age.group(1)) <= 120:
                    found.append(Candidate(*age.span(1), "AGE", RANK_SUPPLEMENT))
        if "(" in text or "（" in text:
            found.extend(Candidate(*m.span("sex"), "SEX", RANK_SUPPLEMENT) for m in _AFTER_BRACKETED_AGE.finditer(text))
        for m in _NUMERIC_CODE.finditer(text) if _SEX_FIELD.search(text) else ():
            found.append(Candidate(*m.span("code"), "SEX", RANK_SUPPLEMENT))
        for m in _AFTER_BAND.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            if b <= 120 and a % 5 == 0 and b - a in (4, 9):
                found.append(Candidate(*m.span("sex"), "SEX", RANK_SUPPLEMENT))
        for m in _PAIR.finditer(text) if _ANY_PAIR.search(text) else ():
            sex, age = ("sex", "age") if m.group("sex") else ("sex2", "age2")
            if int(m.group(age).rstrip("yY歳才")) <= 120:
                found.append(Candidate(*m.span(age), "AGE", RANK_SUPPLEMENT))
                found.append(Candidate(*m.span(sex), "SEX", RANK_SUPPLEMENT))
        for m in _SPACED_FIELD.finditer(text) if " M" in text or " F" in text else ():
            if int(m.group(1)) <= 120:
                found.append(Candidate(*m.span(1), "AGE", RANK_SUPPLEMENT))
                found.append(Candidate(*m.span(2), "SEX", RANK_SUPPLEMENT))
        for m in _AGE_THEN_WORD.finditer(text) if "male" in text else ():
            if _COHORT.search(text, max(0, m.start() - 16), m.start()):
                continue
            found.append(Candidate(*m.span(1), "AGE", RANK_SUPPLEMENT))
            found.append(Candidate(*m.span(2), "SEX", RANK_SUPPLEMENT))
        for m in _GLUED.finditer(text) if _ANY_GLUED.search(text) else ():
            age, sex = (1, 2) if m.group(1) else (3, 4)
            floor = (
                _FLOORS.search(_line(text, m.start()))
                or _ROOM_AFTER.match(text, m.end())
                or is_floor(text, m.start(age), m.end(sex))
            )
            if int(m.group(age)) <= 120 and not floor:
                found.append(Candidate(*m.span(age), "AGE", RANK_SUPPLEMENT))
                found.append(Candidate(*m.span(sex), "SEX", RANK_SUPPLEMENT))
        return found
