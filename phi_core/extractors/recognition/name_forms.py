"""Romaji names, half-width katakana and caret-separated names, names before an age or a department."""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.name_parts import starts_with_surname
from phi_core.extractors.recognition.prose_names import _RELATION_WORDS_RE, _accept_name, _after_relation
from phi_core.japanese.chars import (
    HALF_WIDTH_KATAKANA,
    HIRAGANA_LETTERS,
    KANJI,
    KATAKANA,
    is_hiragana,
    is_kanji,
    is_katakana,
)
from phi_core.japanese.width import nfkc
from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

# --- romaji, half-width katakana and caret-separated names -------------------------

# (a family name may open with Mc, Mac or O' before its capital: McCready, MacLeod, O'Brien)
_FAMILY = "(?:Mc|Mac|O'|O’)?[A-Z][a-z]+"
_ROMAJI = (
    f"(?:[A-Z]\\. ?{_FAMILY}|[A-Z][a-z]+ {_FAMILY}|[A-Z]{{2,}}(?:, ?| )[A-Z][a-z]+|[A-Z]{{2,}}(?:, ?| )[A-Z]{{2,}}"
    f"|[A-Z][a-z]+ [A-Z]{{2,}}|[A-Z][a-z]{{2,}})"
)
# A cue before ("Dr. Y. Ohashi", "Mr. Taro Yamada", "Reported by") or a degree after ("Y. Ohashi, MD").
_ROMAJI_BEFORE_RE = re.compile(
    "(?=[DMPRrSsIiAaOoEeVv])(?:(?<![A-Za-z])(?:Dr|Mr|Ms|Mrs|Miss|Prof)\\.? ?|(?:[Rr]eported|[Ss]igned|[Rr]ead|[Dd]ictated|[Rr]eferred|[Oo]rdered"
    "|[Aa]pproved|[Ii]nterpreted|[Rr]eviewed|[Pp]erformed|[Ee]xamined|[Vv]erified) by:? ?)(?P<name>" + _ROMAJI + ")"
)
_ROMAJI_AFTER_RE = re.compile(
    "(?=[A-Z])(?<![A-Za-z.])(?P<name>" + _ROMAJI + "),? (?:MD|M\\.D\\.|PhD|RN|RT)(?![A-Za-z])"
)
_HALF_WIDTH_NAME_RE = re.compile(f"[{HALF_WIDTH_KATAKANA}]{{2,}}(?:[ \u3000][{HALF_WIDTH_KATAKANA}]{{1,}})?")
_CARET_NAME_RE = re.compile(
    f"(?<![A-Za-z0-9^])(?:[A-Z][A-Za-z]+|[{KATAKANA}]{{2,}}|[{KANJI}]{{1,4}})\\^(?:[A-Z][A-Za-z]+(?: [A-Z]{{2,}}(?![a-z]))?|[{KATAKANA}]{{1,}}|[{KANJI}{HIRAGANA_LETTERS}]{{1,4}})(?![A-Za-z0-9])"
)
# Header and system words legacy screens write in half-width katakana.
_HALF_WIDTH_WORDS = frozenset(
    {"フリガナ", "カナ", "シメイ", "カナシメイ", "カルテ", "カンジャ", "カンジャメイ", "ヨミ", "セイベツ", "ナマエ"}
)
_ROMAJI_BEFORE_CUES = ("Dr", "Mr", "Ms", "Miss", "Prof", " by")
_ROMAJI_AFTER_CUES = ("MD", "M.D.", "PhD", "RN", "RT")
_HALF_WIDTH_RE = re.compile(f"[{HALF_WIDTH_KATAKANA}]")
_HL7_LINE_RE = re.compile(r"[A-Z][A-Z0-9]{2}\|")
_NOT_ROMAJI_NAMES = frozenset(
    {
        "The",
        "This",
        "That",
        "Male",
        "Female",
        "Man",
        "Woman",
        "Our",
        "Your",
        "His",
        "Her",
        "Dear",
        "These",
        "There",
        "No",
        "Impression",
        "Findings",
        "Report",
        "Clinical",
        "History",
        "Technique",
        "Comparison",
        "Conclusion",
        "Radiology",
        "Department",
        "Hospital",
        "Clinic",
        "Medical",
        "Center",
        "General",
        "City",
        "Central",
        "Memorial",
        "University",
        "Attending",
        "Physician",
        "Doctor",
        "Patient",
        "Study",
        # Field and header words (DICOM and export dumps): "Patient Birth Date" names nobody.
        "Birth",
        "Date",
        "Name",
        "Names",
        "Sex",
        "Age",
        "Size",
        "Weight",
        "Address",
        "Comments",
        "Position",
        "Telephone",
        "Numbers",
        "Series",
        "Instance",
        "Time",
        "Description",
        "Modality",
        "Number",
        "Identity",
        "Removed",
        "Other",
        "Mother",
        "Maiden",
        "Insurance",
        "Plan",
        "Code",
        "Sequence",
        "Institution",
        "Station",
        "Device",
        "Serial",
        "Referring",
        "Requesting",
        "Performing",
        "Reading",
        "Operators",
        "Admitting",
        "Diagnoses",
        "Accession",
        "Body",
        "Part",
        "Examined",
        "Protocol",
        "Contrast",
        "Bolus",
        "Agent",
        "Manufacturer",
        "Model",
        "Software",
        "Reason",
        "Requested",
        "Procedure",
        "Scheduled",
        "Status",
        "Type",
        "Value",
        "Units",
        "Id",
        "ID",
    }
)


_ROMAJI_HONORIFIC_RE = re.compile(
    r"(?=[A-Z])(?<![A-Za-z])(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)[- ](?P<title>san|sama|sensei|kun|chan|shi)(?![a-z])"
)
# "高橋 光一（58才、男性）": a name right before its age is the patient's.
_NAME_BEFORE_AGE_RE = re.compile(
    f"(?P<name>[{KANJI}]{{1,4}}[ \u3000]?[{KANJI}{HIRAGANA_LETTERS}{KATAKANA}]{{1,5}})"
    f"(?:[ \u3000]?[（(]|[,、][ \u3000]?)[0-9０-９]{{1,3}}(?:[歳才]| ?y/o|-year| ?yo\\b| ?y\\b)"
)
# "平野　直人（肝臓内科）": a name right before a department in brackets is a doctor's.
_NAME_BEFORE_DEPT_RE = re.compile(
    f"(?P<name>[{KANJI}]{{1,4}}[ \u3000]?[{KANJI}{HIRAGANA_LETTERS}{KATAKANA}]{{1,5}})[ \u3000]?[（(](?P<dept>[{KANJI}{KATAKANA}・]{{1,10}}?科)[)）]"
)


# What ends each of the two: found first, so that the name's pattern runs only in front of one (a name is at
# most ten letters and a blank: the window before the tail holds every start that can reach it).
_AGE_TAIL_RE = re.compile("(?:[ \u3000]?[（(]|[,、][ \u3000]?)[0-9０-９]{1,3}(?:[歳才]| ?y/o|-year| ?yo\\b| ?y\\b)")
_DEPT_TAIL_RE = re.compile(f"[ \u3000]?[（(][{KANJI}{KATAKANA}・]{{1,10}}?科[)）]")


def tailed_matches(text: str, regex: re.Pattern, tail: re.Pattern, reach: int = 12):
    """regex.finditer(text), for a pattern whose match ends with what ``tail`` finds and starts at most ``reach``
    letters before it: the same matches, the pattern tried only in front of a tail."""
    done = 0
    for end in tail.finditer(text):
        for match in regex.finditer(text, max(done, end.start() - reach), end.end()):
            done = match.end()
            yield match


def context_name_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for regex, tail, category in (
        (_NAME_BEFORE_AGE_RE, _AGE_TAIL_RE, "PATIENT_NAME"),
        (_NAME_BEFORE_DEPT_RE, _DEPT_TAIL_RE, "PHYSICIAN_NAME"),
    ):
        if regex is _NAME_BEFORE_DEPT_RE and "（" not in text and "(" not in text:
            break
        for match in tailed_matches(text, regex, tail):
            start, end = match.span("name")
            # The run may start with words before the name ("依頼は", "医師"): try later starts.
            for offset in range(start, end - 1):
                if text[offset] in " \u3000":
                    continue
                if _accept_name(text[offset:end], strong_cue=True):
                    relative = category == "PATIENT_NAME" and _after_relation(text, offset)
                    found.append(Candidate(offset, end, "EMERGENCY_CONTACT" if relative else category, RANK_PATTERN))
                    if category == "PHYSICIAN_NAME" and not match.group("dept").startswith("放射線"):
                        found.append(Candidate(match.start("dept"), match.end("dept"), "DEPARTMENT", RANK_PATTERN))
                    break
    return found


# "T. Yamada" needs no cue: an initial and a capitalised surname is a person.
_INITIAL_SURNAME_RE = re.compile(
    r"(?=[A-Z])(?<![A-Za-z.])(?P<name>[A-Z]\. ?[A-Z][a-z]{2,}|[A-Z][a-z]{2,} [A-Z]\.)(?![A-Za-z])"
)
# "Taro Yamada, a 66-year-old man", "Taro YAMADA (66M)": a romaji name right before an age.
_ROMAJI_BEFORE_AGE_RE = re.compile(
    r"(?=[A-Z])(?<![A-Za-z])(?P<name>[A-Z][a-z]+ [A-Z][a-z]+|[A-Z][a-z]+ [A-Z]{2,}|[A-Z]{2,},? [A-Z][a-z]+)"
    r"(?:,? (?:an? |aged )?[0-9]{1,3}(?:-year-old| y/o| yo\b| years? old|y\b)| \((?:[0-9]{1,3} ?[MF]|[MF],? ?[0-9]{1,3})\))"
)
_PATIENT_CUE_RE = re.compile(
    r"(?=[PpRS])(?:[Pp]atient|[Pp]t\.?|Re:|RE:|Subject:)[ ,:]+(?P<name>[A-Z][a-z]+ [A-Z][a-z]+|[A-Z][a-z]+ [A-Z]{2,}|[A-Z]{2,},? [A-Z][a-z]+)"
)
# "Keiko Tanaka (wife)", "山田花子（妻）": a relation in brackets after a name.
_NAME_THEN_RELATION_RE = re.compile(
    f"(?=[A-Z{KANJI}{KATAKANA}])(?<![A-Za-z{KATAKANA}])(?P<name>[A-Z][a-z]+ [A-Z][a-z]+|[A-Z]{{2,}},? [A-Z][a-z]+|[A-Z][a-z]+ [A-Z]{{2,}}|[{KANJI}]{{1,4}}[ \u3000]?[{KANJI}{HIRAGANA_LETTERS}]{{1,4}}"
    f"|[{KATAKANA}]{{2,8}}[ \u3000]?[{KATAKANA}]{{0,8}})[ \u3000]?[（(](?:{_RELATION_WORDS_RE}|wife|husband|son|daughter|mother|father|sister|brother|spouse)[)）、,]"
)
_INITIAL_STOP = frozenset({"Fig", "Vol", "No", "Dr", "Mr", "Ms", "St", "Jr", "Sr", "Coli", "Pylori"})


def romaji_name_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if ". " in text or "." in text:
        for match in _INITIAL_SURNAME_RE.finditer(text):
            words = [w.strip(".") for w in match.group("name").split()]
            if any(w in _INITIAL_STOP or w in _NOT_ROMAJI_NAMES for w in words):
                continue
            found.append(Candidate(match.start("name"), match.end("name"), "PHYSICIAN_NAME", RANK_PATTERN - 1))
    for match in _ROMAJI_BEFORE_AGE_RE.finditer(text):
        if not any(w.strip(",") in _NOT_ROMAJI_NAMES for w in match.group("name").split()):
            found.append(Candidate(match.start("name"), match.end("name"), "PATIENT_NAME", RANK_PATTERN))
    for match in _PATIENT_CUE_RE.finditer(text):
        if not any(w.strip(",") in _NOT_ROMAJI_NAMES for w in match.group("name").split()):
            found.append(Candidate(match.start("name"), match.end("name"), "PATIENT_NAME", RANK_PATTERN))
    for match in _ROMAJI_HONORIFIC_RE.finditer(text):
        if match.group("name") in _NOT_ROMAJI_NAMES:
            continue
        category = "PHYSICIAN_NAME" if match.group("title") == "sensei" else "PATIENT_NAME"
        found.append(Candidate(match.start("name"), match.end("name"), category, RANK_PATTERN))
    for regex, category, cues in (
        (_ROMAJI_BEFORE_RE, "PHYSICIAN_NAME", _ROMAJI_BEFORE_CUES),
        (_ROMAJI_AFTER_RE, "PHYSICIAN_NAME", _ROMAJI_AFTER_CUES),
    ):
        if not any(cue in text for cue in cues):
            continue  # a C-speed check that saves a regex scan of the whole text
        for match in regex.finditer(text):
            name = match.group("name")
            if any(word.strip(",.") in _NOT_ROMAJI_NAMES for word in name.split()):
                continue
            cue = text[max(0, match.start() - 4) : match.start("name")]
            if regex is _ROMAJI_BEFORE_RE and re.search("M(?:r|s|rs)|Miss", cue):
                category = "PATIENT_NAME"
            found.append(Candidate(match.start("name"), match.end("name"), category, RANK_PATTERN))
    return found


def _script_of(value: str) -> str:
    if value.isascii():
        return "latin"
    if all(is_katakana(ch) for ch in value):
        return "katakana"
    return "kanji" if all(is_kanji(ch) or is_hiragana(ch) for ch in value) else "mixed"


def _common_nouns_only(words: str) -> bool:
    """Every word a common noun the dictionary lists (メガネ, タオル, アレルギー): a thing, not a name.

    Legacy screens write whole forms in half-width katakana. A word counts as
    a thing only when the dictionary has it, spelled so, as a common noun and
    never as a name (サクラ, ミルク are also given names and stay names); a
    name it does not list (ニシムラ) stays a name.
    """
    if not sudachi_available():
        return False
    for word in words.split():
        entries = sudachi_lookup(word)
        if not entries or any(pos[1] == "固有名詞" for pos in entries):
            return False
        if not any(pos[:2] == ("名詞", "普通名詞") for pos in entries):
            return False
    return bool(words.split())


def kana_form_candidates(text: str) -> list[Candidate]:
    """Half-width katakana runs (legacy systems write names this way) and ``FAMILY^GIVEN``."""
    found: list[Candidate] = []
    if _HALF_WIDTH_RE.search(text):
        for match in _HALF_WIDTH_NAME_RE.finditer(text):
            folded = nfkc(match.group())
            if folded in _HALF_WIDTH_WORDS or _common_nouns_only(folded):
                continue
            before = text[match.start() - 1 : match.start()] if match.start() else ""
            category = "NAME_READING" if before in ("（", "(", "【", "[", "「") else "PATIENT_NAME"
            found.append(Candidate(match.start(), match.end(), category, RANK_PATTERN))
    if "^" in text:
        for match in _CARET_NAME_RE.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            if _HL7_LINE_RE.match(text, line_start):
                continue  # HL7 fields are read by position (structured.py)
            family, given = match.group().split("^")[:2]
            if _script_of(family) != _script_of(given):
                continue  # "CT^胸部単純CT" is a code and its meaning, not a name
            if _script_of(family) == "kanji" and not starts_with_surname(family):
                continue
            found.append(Candidate(match.start(), match.end(), "PATIENT_NAME", RANK_PATTERN))
    return found
