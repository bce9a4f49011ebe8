"""Wards and units of record written as codes or in English, where the rules read only the bare word (recall-first).

- a ward code after the word ward: 病棟4Wより, 病棟：7E, Ward TB-2, "ward (6N)", Ward 12F East (one that
  reads as a measure, 4W, with the word: 病棟4W);
- a ward code before a room number, as a table writes where a patient lies: 6N / 603, 7E／712, 3W rm 311,
  8E,803 in a row (4W / 511 reads as four watts to the allow-list and stays unmasked);
- a ward code a patient moves to or from, or after a log's unit key: 5東→新6A, From: 5E, unit=W7;
- a ward by floor and wing with its department in brackets, one place: 5階西（産科）, 6東（小児科病棟）;
- a ward by wing then floor, apart or glued, before its room or with the word ward: 西 2階 218号室, 東4階病棟
  (not a place in a sentence: 検査室は西2階です);
- a ward by floor and wing anywhere, glued to what follows: （4西保管）, 4東→4西共用, 2F西 (not 3東京, 1西口);
- an intensive care unit with the department that runs it glued before it: 救命ICU, 小児ICU, 外科HCU
  (not 当院ICU, 術後ICU: a word that says which hospital or when);
- a ward or unit with another unit's letters or its specialty in brackets, one place: 4階東(CCU),
  NICU後方(GCU), 5階西（消化器）;
- an English unit named by its specialty or an acronym: "Dr. H. Kaneda (IBD clinic)", "Neurosurgery
  ward (6N)"; not a kind of clinic (outpatient clinic, Requested ward), a scanner (MRI unit) or a
  facility's own name (Aoba Clinic: the facility recognizers');
- an English ward by its code, before the word ward or after its specialty: "5W ward", "Pediatrics 5A";
- a ward's code on its own, a floor and a wing letter: 3N(療養), on 7W, ward=5E (the independent writers mark
  235 of 255 such codes on the development sets; what they leave is a measure after a number: 15W以下, 抜糸1W後,
  a shoe's width 4E, a workstation 5E-NS-02, a class ASA 1E, a product's model ハイサンソ 5S; a W code of floors
  3 to 9 too, 7W, but not as weeks: 1W後, 3W毎, 術後4W-6W, nor as watts, 5W LED, nor a mnemonic's count, 5W（Wind…）);
- an English unit by its specialty's short form and what it is: Onc Day Unit, Onc Day, Cardio Ward,
  Peds Clinic (a short form alone, Onc, is a word of a note, not a place).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.allow_list import load_allow_list
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import DIGIT, KANJI, KATAKANA
from phi_core.japanese.honorifics import POSTS_AFTER_NAME, STAFF_OCCUPATIONS, alternation
from phi_core.extractors.recognition.care_units import CARE_UNIT_ALTERNATION

from .sudachi_names import RANK_SUPPLEMENT

_CODE = r"(?:[0-9]{1,2}[A-Z]{1,2}|[A-Z]{1,2}[0-9]{1,2}[A-Z]?|[A-Z]{1,3}-[0-9]{1,2})"
_CODE_AFTER_WARD = re.compile(
    # A log or list of a ward names it after a spaced dash: Ward Log – 6N, Ward Census - 4W (not WARD-7E, a network's).
    rf"(?:病棟|(?<![A-Za-z])(?i:ward)(?:(?: [A-Z][a-z]+)? [–—\-])?)[ \u3000]*[:：]?[ \u3000]*[（(]?(?P<code>{_CODE}(?: (?:East|West|North|South)(?![A-Za-z]))?)(?![A-Za-z0-9])"
)
# Wings a code ends in (east, west ...; A, B): not 3T (a magnet), 2F (a floor), 10M (a size).
_CODE_BEFORE_ROOM = re.compile(
    r"(?<![A-Za-z0-9.])[0-9]{1,2}[EWNSABCD](?=[ \u3000]?[/／][ \u3000]?[0-9]{3,4}(?![0-9]))"
    # … and before the room by its English word or in the next column of a row: 3W rm 311, 8E,803 (a wing
    # letter only, in a cell of its own: 2A,150 is a grade and a count).
    r"|(?<![A-Za-z0-9.])[0-9]{1,2}[EWNS](?=,? (?:rm|Rm|RM|room|Room)\.? ?[0-9]{3,4}(?![0-9.]))"
    r"|(?<=,)[0-9]{1,2}[EWNS](?=,[0-9]{3,4}(?:,|\n|$))"
)
# A ward's code before the post of the nurse who speaks for it or the specialty it takes: （7E リーダー）,
# 夜勤日誌（7B 外科混合）, 4W 主任 (the word after the code says a ward, not a size or a grade, is meant).
_POSTS = alternation(tuple(w for w in (*STAFF_OCCUPATIONS, *POSTS_AFTER_NAME) if not w.isascii()))
_CODE_BEFORE_POST = re.compile(
    rf"(?<![A-Za-z0-9.\-/:])(?P<code>[0-9]{{1,2}}[EWNSAB])[ \u3000](?:(?:{_POSTS})(?![{KANJI}])|(?P<run>[{KANJI}]{{2,8}}))"
)
# A floor and its wing in English, one place: 8F West, 3F East wing (a floor alone, 2F, is a size or a sex).
_FLOOR_WING_ENGLISH = re.compile(r"(?<![A-Za-z0-9.\-/])[0-9]{1,2}F (?:East|West|North|South)(?![A-Za-z])")
# A floor and wing in speech, the particle between them: 4階の東の看護婦さん (not 2階の東側: a side of a room).
_FLOOR_OF_WING = re.compile(rf"(?<![{DIGIT}])[{DIGIT}]{{1,2}}階の[東西南北](?![側口京大部棟館])")
# A ward's specialty in English in brackets after its code: 6N (Respiratory).
_BRACKETED_SPECIALTY = re.compile(r"(?<=[0-9][A-Z] \()(?P<word>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=\))")
# A ward's code before a bed: 精神科 閉鎖 B4 / bed 12.
_CODE_BEFORE_BED = re.compile(r"(?<![A-Za-z0-9.])(?:[0-9]{1,2}[A-Z]|[A-Z][0-9]{1,2})(?=[ ]?/[ ]?(?i:bed)[ ]?[0-9])")
# A ward's code where a patient moves to or from, or a log's unit key: 5東→新6A, 4西→新7B, From: 5E room 512,
# To: 6A room 608, unit=W7, 入院 5E 待ち, 転棟先：4W (the arrow, the key, 新/旧 or the admission says a ward
# follows; 6A alone is a size or a grade).
_CODE_AFTER_MOVE = re.compile(
    r"(?:→|->|⇒)[ \u3000]?(?:新|旧)[ \u3000]?|(?<=[0-9][東西南北EWNSAB])[ \u3000]?(?:→|->|⇒)[ \u3000]?"
    r"|(?<![A-Za-z])(?:From|To|from|to|unit|Unit)[ \t]?[:=：][ \t]?"
    r"|(?<![\w])(?:新|旧)(?=[0-9]{1,2}[EWNSAB](?![0-9A-Za-z]))"
    r"|(?:入院|転棟|入棟)先?[ \u3000]?[:：]?[ \u3000]?(?=[0-9]{1,2}[EWNSAB](?![0-9A-Za-z]))"
)
# Not a class (ASA 1E: an emergency), a shoe's width (23.0cm 4E, width 3E) or a product's model (ハイサンソ 5S).
_BARE_CODE = re.compile(
    rf"(?<![A-Za-z0-9０-９\-/.×_])(?<!ASA )(?<!width )(?<!cm )(?<![{KATAKANA}] )(?<![{KATAKANA}])"
    r"(?:(?:[1-9]|1[0-9])[NSE]|(?<!後)[3-9]W(?![-‐〜～~][0-9]| (?:LED|lamp|bulb)))"
    r"(?![A-Za-z0-9]|,[0-9]|後|前|以|毎|間|ごと|[ ]?[（(][A-Z][a-z]|[-‐](?:NS|PC|DR|WB))"
)
_MOVED_CODE = re.compile(r"(?P<code>[0-9]{1,2}[EWNSAB]|[EWNSAB][0-9]{1,2})(?![0-9A-Za-z])")
_UNITS = CARE_UNIT_ALTERNATION
_WARD_WITH_DEPARTMENT = re.compile(
    rf"(?<![{DIGIT}])[{DIGIT}]{{1,2}}(?:階|F)?[東西南北](?:病棟)?[（(](?:[{KANJI}{KATAKANA}・]{{1,10}}?(?:科|病棟)|[{KANJI}]{{1,5}}器|{_UNITS})[)）]"
    rf"|(?<![A-Za-z])(?:{_UNITS})[{KANJI}]{{0,4}}[（(](?:{_UNITS})[)）]"
)
_WING_THEN_FLOOR = re.compile(
    rf"(?<![{KANJI}{KATAKANA}])[東西南北][ \u3000]?[{DIGIT}]{{1,2}}階"
    rf"(?:病棟|(?=[ \u3000]{{1,3}}[{DIGIT}]{{3,4}}(?:号室|号)?(?![{DIGIT}.．:：/／\-年月日時分歳才円]))|(?=[ \u3000]*[-－/／][ \u3000]*[{DIGIT}]{{3,4}}(?![{DIGIT}])))"
)
# A ward code in English: before the word ward (5W ward) or after a specialty word (Pediatrics 5A).
_ENGLISH_CODE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<code>{_CODE}) (?i:ward)(?![A-Za-z])"
    rf"|(?<![A-Za-z])(?P<first>[A-Z][a-z]+) (?P<code2>[0-9]{{1,2}}[A-Z]{{1,2}}|[A-Z][0-9]{{1,2}})(?![A-Za-z0-9])"
)
# A specialty's English short form with what the unit is: Onc Day Unit, Peds Clinic, Cardio Ward.
_SHORT_SPECIALTIES = (
    "Onc|Oncol|Heme|Hem-Onc|Cardio|Neuro|Peds|Paeds|Ortho|Gyn|Obs|OB|Derm|Pulm|Resp|Psych|Uro|Nephro|Renal"
    "|GI|ENT|Endo|Rheum|Gastro|Haem|Surg"
)
# A doctor's department in brackets after his name, by its short form and kind: Dr. Mori (Resp. Med), Dr. Ito
# (Gastro Surg); a short form alone, Dr Kishimoto (OB), is the role he comes to a meeting in.
_DOCTOR_UNIT = re.compile(
    rf"(?<![A-Za-z])Dr\.? (?:[A-Z]\. )?[A-Z][a-z]+ \((?P<unit>(?:{_SHORT_SPECIALTIES})\.? (?:Med|Surg|Onc)\.?)\)"
)
_SHORT_UNIT = re.compile(
    rf"(?<![A-Za-z])(?:{_SHORT_SPECIALTIES})(?: (?:Day|Infusion|Short Stay|Outpatient))?"
    r"(?: (?:Unit|Ward|Clinic|Centre|Center|Suite|Bay|Day))(?![A-Za-z])"
)
_PREFIXED_UNIT = re.compile(rf"(?<![{KANJI}])(?P<prefix>[{KANJI}]{{1,4}})(?:{_UNITS})(?![A-Za-z0-9])")
# Who runs an intensive care unit, when not a department word: 救命ICU, 新生児ICU.
_UNIT_OWNERS = frozenset("救命 救急 救命救急 新生児 小児 周産期 母体 総合 中央 一般 脳卒中 心臓 心臓血管".split())
_ENGLISH_UNIT = re.compile(
    r"(?<![A-Za-z])(?P<first>[A-Z]{2,6}|[A-Z][a-z]+)(?: [A-Z][a-z]+){0,2} (?:[Cc]linic|[Ww]ard|[Uu]nit)(?![A-Za-z])"
    rf"(?:[ ]?\({_CODE}\))?"
)
# A specialty's word (Cardiology, Neurosurgery, Paediatrics, Pediatric, Surgical) or an acronym (IBD, HIV) says whose unit it
# is; other words say what kind (outpatient clinic, Requested ward) or name a device (MRI unit).
_SPECIALTY_ENDINGS = ("ology", "surgery", "iatrics", "iatry", "ics", "ric", "ical", "Medicine")
_NOT_ACRONYMS = frozenset("CT MRI MR PET US ECG EEG OR ER".split())


def _specialty(first: str, departments: frozenset[str]) -> bool:
    if first.isupper():
        return first not in _NOT_ACRONYMS
    return first.casefold() in departments or first.endswith(_SPECIALTY_ENDINGS)


def _takes_specialty(run: str, departments: frozenset[str]) -> bool:
    """A kanji run that opens with a department's name: 外科混合, 内科系."""
    return any(run[:size] in departments or run[:size].endswith("科") for size in range(2, len(run) + 1))


def _runs_unit(prefix: str, departments: frozenset[str]) -> bool:
    return prefix in _UNIT_OWNERS or prefix in departments or f"{prefix}科" in departments


# A ward by floor and wing wherever it stands: 4西保管, 4東→4西共用, 2F西 (9階東主任看護師). On the
# development sets the writers marked 437 of the 450 such runs; not a place word (3東京, 1西口, 2北大).
_FLOOR_THEN_WING = re.compile(
    r"(?<![0-9０-９A-Za-z\-/.])[0-9０-９]{1,2}(?:F|Ｆ|階)?[東西南北](?![東西南北京口大部米欧洋])"
)


@register
class WardCodeRecognizer(Recognizer):
    name: ClassVar[str] = "ward-code"
    categories: ClassVar[tuple[str, ...]] = ("DEPARTMENT",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        spans: list[tuple[int, int]] = []
        if "病棟" in text or "ard" in text:
            for m in _CODE_AFTER_WARD.finditer(text):
                if m.group("code")[-1] not in "WV":
                    spans.append(m.span("code"))
                    continue
                # A code that reads as a measure (4W: four watts) goes with its ward word, which no measure holds,
                # and with the bracket it opened: 外科病棟(4W).
                closing = text[m.end("code") : m.end("code") + 1]
                opened = any(b in text[m.start() : m.start("code")] for b in "（(")
                spans.append((m.start(), m.end("code") + (1 if opened and closing in "）)" and closing else 0)))
        spans.extend(m.span() for m in _CODE_BEFORE_ROOM.finditer(text))
        spans.extend(m.span() for m in _BARE_CODE.finditer(text))
        spans.extend(m.span() for m in _CODE_BEFORE_BED.finditer(text))
        spans.extend(m.span() for m in _FLOOR_WING_ENGLISH.finditer(text))
        if "階の" in text:
            spans.extend(m.span() for m in _FLOOR_OF_WING.finditer(text))
        for m in _CODE_BEFORE_POST.finditer(text):
            run = m.group("run")
            if run is None or _takes_specialty(run, load_allow_list().departments):
                spans.append(m.span("code"))
        if " (" in text:
            departments = load_allow_list().departments
            for m in _BRACKETED_SPECIALTY.finditer(text):
                if _specialty(m.group("word"), departments) or m.group("word").endswith(("atory", "onary")):
                    spans.append(m.span())
        for m in _CODE_AFTER_MOVE.finditer(text):
            code = _MOVED_CODE.match(text, m.end())
            if code:
                spans.append(code.span("code"))
        if "（" in text or "(" in text:
            spans.extend(m.span() for m in _WARD_WITH_DEPARTMENT.finditer(text))
        if "階" in text:
            spans.extend(m.span() for m in _WING_THEN_FLOOR.finditer(text))
        if any(wing in text for wing in "東西南北"):
            spans.extend(m.span() for m in _FLOOR_THEN_WING.finditer(text))
        if "CU" in text:
            departments = load_allow_list().departments
            for m in _PREFIXED_UNIT.finditer(text):
                prefix = m.group("prefix")
                # The longest tail of the kanji run that runs the unit (当院救命ICU -> 救命).
                for cut in range(len(prefix)):
                    if _runs_unit(prefix[cut:], departments):
                        spans.append((m.start("prefix") + cut, m.end()))
                        break
        if any(word in text for word in ("clinic", "ward", "unit", "Clinic", "Ward", "Unit")):
            departments = load_allow_list().departments
            spans.extend(m.span() for m in _ENGLISH_UNIT.finditer(text) if _specialty(m.group("first"), departments))
        if any(ch.isascii() and ch.isupper() for ch in text):
            departments = load_allow_list().departments
            for m in _ENGLISH_CODE.finditer(text):
                if m.group("code"):
                    spans.append(m.span())
                elif _specialty(m.group("first"), departments) and m.group("first") not in ("Vitamin", "Type"):
                    spans.append(m.span())
            spans.extend(m.span() for m in _SHORT_UNIT.finditer(text))
            spans.extend(m.span("unit") for m in _DOCTOR_UNIT.finditer(text))
        return [Candidate(start, end, "DEPARTMENT", RANK_SUPPLEMENT) for start, end in spans]
