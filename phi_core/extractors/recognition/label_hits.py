"""Labels found in the text (key：value, 【key】value, key value) and the values they introduce."""

from __future__ import annotations

from dataclasses import dataclass

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import NOT_PHI, RANK_LABEL, Candidate
from phi_core.extractors.recognition.id_label_words import _BARE_ID_RE, _GENERIC_NUMBER_LABELS, _ID_LABEL_RE, _ID_LABELS
from phi_core.extractors.recognition.label_words import (
    _FACILITY_WORDS,
    _MAX_PHYSICIAN_LABEL,
    _NOT_CLINICIAN_ROLES,
    _PHYSICIAN_ENDINGS,
    _PHYSICIAN_RULE,
    _PHYSICIAN_WORDS,
    _ROOM_NUMBER_RE,
    _SEPARATOR_PADDING,
    _SEPARATOR_RE,
    _SEX_RE,
    _VALUE_TRAILER,
    LABEL_RULES,
    LabelRule,
)
from phi_core.extractors.recognition.bar_labels import (
    is_form_label_cell,
    is_label_word,
    is_table_label_cell,
    opens_line,
)
from phi_core.extractors.recognition.labelled_names import parse_labelled_name
from phi_core.extractors.recognition.spaced_labels import space_separated_labels
from phi_core.extractors.recognition.recognizer import Document, Region
from phi_core.extractors.recognition.rooms import room_value_end
from phi_core.extractors.recognition.value_patterns import AGE_CELL, PHONE
from phi_core.japanese.chars import (
    READING_KANA,
    in_katakana_block,
    is_half_width_katakana,
    is_kanji,
)


@dataclass(frozen=True)
class LabelHit:
    label: str
    rule: LabelRule
    value_start: int
    value_end: int
    label_start: int = -1


def _index_by_last_char(words) -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
    index: dict[str, dict[int, set[str]]] = {}
    for word in words:
        index.setdefault(word[-1], {}).setdefault(len(word), set()).add(word)
    return {
        last: tuple((size, frozenset(group)) for size, group in sorted(by_size.items(), reverse=True))
        for last, by_size in index.items()
    }


# Label words grouped by their last character, then by length, longest first: a
# separator only has to look up the few lengths of words that can end right before it.
_LABELS_BY_LAST_CHAR = _index_by_last_char(LABEL_RULES)
_PHYSICIAN_LAST_CHARS = frozenset(w[-1] for w in _PHYSICIAN_ENDINGS + _PHYSICIAN_WORDS)


# An address label that says which country or which home (Address in Vietnam, Address abroad,
# Home address (overseas)): the key is the address word, the rest only qualifies it.
_QUALIFIED_ADDRESS = re.compile(
    r"(?<![A-Za-z])(?:Home |Hotel |Permanent |Current )?[Aa]ddress(?: in [A-Z][a-z]+(?: [A-Z][a-z]+)?| abroad| overseas"
    r"| \((?:home|current|overseas|abroad|permanent|local)\))[ ]*$"
)


def _label_before(text: str, end: int) -> tuple[str, LabelRule] | None:
    """The label word ending at ``end`` (longest listed word, else a clinician role)."""
    if end == 0:
        return None
    last = text[end - 1]
    for size, group in _LABELS_BY_LAST_CHAR.get(last, ()):
        word = text[end - size : end] if size <= end else ""
        if word in group:
            before = end - size - 1
            if before < 0 or not ("A" <= text[before] <= "Z" or "a" <= text[before] <= "z"):
                return word, LABEL_RULES[word]
    qualified = _QUALIFIED_ADDRESS.search(text, max(0, end - 40), end)
    if qualified:
        return qualified.group(), LABEL_RULES["Address"]
    if last not in _PHYSICIAN_LAST_CHARS:
        return None
    start = end
    while start > 0 and end - start < _MAX_PHYSICIAN_LABEL and is_kanji(text[start - 1]):
        start -= 1
    word = text[start:end]
    if word in _NOT_CLINICIAN_ROLES or (word.endswith("者") and word[-2:] in _NOT_CLINICIAN_ROLES):
        return None
    if word.endswith(_PHYSICIAN_ENDINGS) or word in _PHYSICIAN_WORDS:
        return word, _PHYSICIAN_RULE
    return None


_EQUALS_VALUE_END = re.compile(r"[\s;&,]")
_BRACKET_LABEL_RE = re.compile("【([^】\n]{1,12})】")


# A label may carry a qualifier in brackets before its separator: 年齢（同意取得時）：61, 電話（自宅）：...
_QUALIFIER_RE = re.compile(r"[ \u3000]?[（(][^（()）\n]{1,16}[)）]$")


def _label_before_qualifier(text: str, label_end: int) -> tuple[int, tuple[str, LabelRule] | None]:
    qualifier = _QUALIFIER_RE.search(text, max(0, label_end - 18), label_end)
    if qualifier is None:
        return label_end, None
    return qualifier.start(), _label_before(text, qualifier.start())


# A bilingual form's label, the Japanese word first and its translation after a slash:
# 保護者氏名 / Pangalan ng magulang：…, 氏名／Họ tên：… (the Japanese word says what the value is).
# (a word of Japanese before the slash; after it words in Latin letters, accents too, and nothing else)
_TRANSLATION_RE = re.compile(
    r"(?<=[^\x00-\x7f])[ \u3000]?[/／][ \u3000]?[A-Za-zÀ-ÿ\u0100-\u024f\u1e00-\u1eff .'-]{2,40}$"
)


def _label_before_translation(text: str, label_end: int) -> tuple[int, tuple[str, LabelRule] | None]:
    if text.find("/", max(0, label_end - 44), label_end) < 0 and text.find("／", max(0, label_end - 44), label_end) < 0:
        return label_end, None
    translation = _TRANSLATION_RE.search(text, max(0, label_end - 44), label_end)
    if translation is None or translation.start() == 0:
        return label_end, None
    return translation.start(), _label_before(text, translation.start())


_KANA_TWO_WORDS = re.compile(f"[{READING_KANA}]+ [{READING_KANA}]+(?=[ ;&]|$)", re.MULTILINE)
# A value of capitalised Latin words runs up to the next key or the end of its line (Institution=KAWAGUCHI
# CENTRAL CLINIC ReferringPhysician=…): words standing between two keys belong to the first one (not a log's
# verb after a login: user=k.saito start).
_WORDS_UP_TO_KEY = re.compile(r"[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){1,4}(?= [A-Za-z_][\w.]*=|$)", re.MULTILINE)


def _equals_value_end(text: str, after: int, value_start: int) -> int:
    """key=value in a log or query string: the value ends at the next space, ; or &, a quoted one
    at its closing quote on the same line (name="SILVA ANA PAULA")."""
    quote = text[after : after + 1]
    if quote in ('"', "'"):
        close = text.find(quote, after + 1)
        line_end = text.find("\n", after)
        if close > 0 and (line_end < 0 or close < line_end):
            return close
    stop = _EQUALS_VALUE_END.search(text, value_start)
    if stop and text[stop.start()] == " ":
        # A name in kana keeps its two words (pt=ﾊﾔｾ ﾁﾋﾛ id=…) when the next word is kana and no key.
        two = _KANA_TWO_WORDS.match(text, value_start) or _WORDS_UP_TO_KEY.match(text, value_start)
        if two and two.end() > stop.start():
            return two.end()
    return stop.start() if stop else len(text)


def find_label_hits(text: str) -> list[LabelHit]:
    """Every label with its value region (label excluded)."""
    found: list[tuple[int, int, str, LabelRule]] = []
    value_ends: dict[int, int] = {}
    for match in _SEPARATOR_RE.finditer(text):
        bar = match.end() - 1
        form_cell = False
        if match.group()[-1] in "|│┃｜" and not is_table_label_cell(text, bar):
            if not is_form_label_cell(text, bar):
                continue
            form_cell = True
        label_end = match.start()
        while label_end > 0 and text[label_end - 1] in _SEPARATOR_PADDING:
            label_end -= 1
        labelled = _label_before(text, label_end)
        if labelled is None and label_end and text[label_end - 1] in "）)":
            label_end, labelled = _label_before_qualifier(text, label_end)
        if labelled is None:
            label_end, labelled = _label_before_translation(text, label_end)
        if labelled is None or (form_cell and not opens_line(text, label_end - len(labelled[0]))):
            continue
        value_start = match.end()
        while value_start < len(text) and text[value_start] in _SEPARATOR_PADDING:
            value_start += 1
        if match.group() == "=":
            value_ends[value_start] = _equals_value_end(text, match.end(), value_start)
        elif form_cell:
            # (a form's next pair on the line after a wide gap: 姓（かな）｜ ふじまき　　　名（かな）｜ あやの)
            line_end = text.find("\n", value_start)
            next_bar = text.find(text[bar], value_start, len(text) if line_end < 0 else line_end)
            gap = _WIDE_GAP.search(text, value_start, next_bar) if next_bar > 0 else None
            if gap:
                value_ends[value_start] = gap.start()
        found.append((label_end - len(labelled[0]), value_start, labelled[0], labelled[1]))
    taken = {hit[0] for hit in found}
    found.extend(hit for hit in space_separated_labels(text) if hit[0] not in taken)
    found.sort(key=lambda hit: hit[0])
    hits: list[LabelHit] = []
    for index, (label_start, start, label, rule) in enumerate(found):
        line_end = text.find("\n", start)
        end = len(text) if line_end < 0 else line_end
        if index + 1 < len(found):
            end = max(start, min(end, found[index + 1][0]))
        end = min(end, value_ends.get(start, end))
        bars = [b for b in (text.find(rule, start, end) for rule in "|│┃｜") if b >= 0]
        if bars:
            end = min(bars)
        for bracket in _BRACKET_LABEL_RE.finditer(text, start, end):
            if is_label_word(bracket.group(1)):
                end = bracket.start()  # "【患者氏名】田中 浩　【ID】0048291": the next label ends this value
                break
        hits.append(LabelHit(label, rule, start, end, label_start))
    return hits


def _trim_value(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    for stop in stops:
        cut = text.find(stop, start, end)
        if cut >= 0:
            end = cut
    while start < end and text[start] in _VALUE_TRAILER:
        start += 1
    while end > start and text[end - 1] in _VALUE_TRAILER:
        end -= 1
    return start, end


# Values that stand where a name or place would and name nothing.
_NO_VALUE = frozenset({"なし", "不明", "特記事項なし", "同上", "本人と同じ", "患者と同じ", "上記と同じ", "該当なし"})


# Departments a ledger writes with their first letter: 内(科), 外(科), 皮(膚科), 眼(科), 小(児科), 婦(人科) ...
_DEPARTMENT_LETTERS = frozenset("内外皮眼小婦泌耳整精産脳歯")


_WIDE_GAP = re.compile("[ \u3000]{2,}|\t")


def _whole_value(text: str, hit: LabelHit) -> list[Candidate]:
    stops = "。\n" if hit.rule.category in ("ADDRESS", "FACILITY_ADDRESS") else "。\n（("
    start, end = _trim_value(text, hit.value_start, hit.value_end, stops)
    if hit.rule.category == "DEPARTMENT":
        gap = _WIDE_GAP.search(text, start, end)
        end = gap.start() if gap else end  # 病棟  定数 実数  不足: a header row's next columns, not the ward
    while start < end and text[start] in "〒 \u3000":
        start += 1
    if end - start == 1 and hit.rule.category == "DEPARTMENT" and text[start] in _DEPARTMENT_LETTERS:
        return [Candidate(start, end, "DEPARTMENT", RANK_LABEL)]  # ｜内｜, ｜皮｜ under a 科 column
    if end - start < 2 or text[start:end] in _NO_VALUE or (text[start] == "未" and end - start <= 4):
        return []  # 未定, 未受診, 未記入: a state, not a name
    if not any(ch.isalnum() for ch in text[start:end]):
        return []  # --, ―――: a blank cell
    return [Candidate(start, end, hit.rule.category, RANK_LABEL)]


_CELL_SHAPES = {
    "age": AGE_CELL,
    "year": re.compile(r"(?:19|20)[0-9]{2}"),
    "time": re.compile(
        r"[0-2０-２]?[0-9０-９](?:[:：][0-5０-５][0-9０-９](?:[:：][0-5][0-9])?|[0-5][0-9](?:[0-5][0-9])?)"
    ),
    "phone": re.compile(r"\+?[0-9０-９][0-9０-９\-‐－() （）]{8,16}[0-9０-９]"),
}


def _typed_cell(text: str, hit: LabelHit) -> list[Candidate]:
    """A table cell (age, time, phone) whose column says what a bare number is."""
    start, end = _trim_value(text, hit.value_start, hit.value_end, "\n")
    match = _CELL_SHAPES[hit.rule.read_as].fullmatch(text, start, end)
    return [Candidate(start, end, hit.rule.category, RANK_LABEL, hit.rule.read_as)] if match else []


# (the unit in words too: Age / Sex : 58 years / Male)
_AGE_UNIT = r"(?:歳|才|y/o|yo|y|Y| ?years?(?: old)?| ?yrs?)?"
_AGE_SEX_RE = re.compile(
    rf"(?P<age>[0-9０-９]{{1,3}}{_AGE_UNIT})\s?[/／・,、]\s?(?P<sex>[Mm]ale|[Ff]emale|[MF]|男性|女性|男|女)"
    rf"|(?P<sex2>[Mm]ale|[Ff]emale|[MF]|男性|女性|男|女)\s?[/／・,、]\s?(?P<age2>[0-9０-９]{{1,3}}{_AGE_UNIT})"
)


def _age_sex(text: str, hit: LabelHit) -> list[Candidate]:
    """ "Age/Sex: 66/M", "年齢/性別：66歳/男性"."""
    match = _AGE_SEX_RE.search(text, hit.value_start, hit.value_end)
    if not match:
        return []
    age, sex = ("age", "sex") if match.group("age") else ("age2", "sex2")
    return [
        Candidate(match.start(age), match.end(age), "AGE", RANK_LABEL),
        Candidate(match.start(sex), match.end(sex), "SEX", RANK_LABEL),
    ]


# A bare number right after an age label ("年齢 : 57", "Age : 35"): the age without its unit.
# Digits a blank apart are one age scanned a box to a digit (年 令 4 6 才), with its unit.
_BARE_AGE = re.compile(
    r"[0-9０-９]{1,3}(?![0-9０-９.．歳才代台]|[ \u3000][0-9０-９])|[1-9](?: [0-9]){1,2}(?: ?[歳才])?(?![0-9])"
)


# A form's age in brackets before its unit: 年齢 ( 46 )歳, its digits a box apart on a scan too (年齢（ 3 8 ）才).
_BRACKETED_AGE = re.compile(
    r"[（(][ \u3000]*(?P<n>[0-9０-９]{1,3}|[1-9](?: [0-9]){1,2})[ \u3000]*[)）][ \u3000]?[歳才]"
)


def _bare_age(text: str, hit: LabelHit) -> list[Candidate]:
    match = _BARE_AGE.match(text, hit.value_start, hit.value_end)
    if match:
        return [Candidate(match.start(), match.end(), "AGE", RANK_LABEL)]
    bracketed = _BRACKETED_AGE.match(text, hit.value_start, hit.value_end)
    return [Candidate(*bracketed.span("n"), "AGE", RANK_LABEL)] if bracketed else []


# A sex written as a code (性別：1（男）, SEX: 2): one digit alone, or before the word it stands for.
_SEX_CODE_RE = re.compile(r"[0-9１２](?=[ \u3000]*(?:$|[（(][ \u3000]*(?:男|女|M|F)))", re.MULTILINE)


def _sex_value(text: str, hit: LabelHit) -> list[Candidate]:
    match = _SEX_RE.match(text, hit.value_start, hit.value_end) or _SEX_CODE_RE.match(
        text, hit.value_start, hit.value_end
    )
    return [Candidate(match.start(), match.end(), "SEX", RANK_LABEL)] if match else []


def _is_katakana_word(word: str) -> bool:
    return all(in_katakana_block(ch) or is_half_width_katakana(ch) for ch in word)


def label_candidates(text: str, hits: list[LabelHit]) -> list[Candidate]:
    """Spans read straight from label values (names, addresses, facilities ...)."""
    found: list[Candidate] = []
    for hit in hits:
        if hit.label_start >= 0 and (_is_katakana_word(hit.label) or hit.label.isascii()):
            # ｼﾞｭｳｼｮ, KANA, WARD: a label in katakana or capitals looks like a name to the name guessers.
            found.append(Candidate(hit.label_start, hit.label_start + len(hit.label), NOT_PHI, RANK_LABEL))
        read_as = hit.rule.read_as
        if read_as == "name":
            found.extend(parse_labelled_name(text, hit.value_start, hit.value_end, hit.rule.category))
        elif read_as == "contact":
            found.extend(parse_labelled_name(text, hit.value_start, hit.value_end, hit.rule.category, relation_ok=True))
        elif read_as == "whole":
            found.extend(_whole_value(text, hit))
        elif read_as == "sex":
            found.extend(_sex_value(text, hit))
        elif read_as == "id":
            found.extend(c for c in _whole_value(text, hit) if any(ch.isdigit() for ch in text[c.start : c.end]))
        elif read_as == "agesex":
            found.extend(_age_sex(text, hit))
        elif read_as in ("age", "time", "phone", "year"):
            found.extend(_typed_cell(text, hit))
        elif read_as == "context" and set(hit.rule.retype) == {"age"}:
            found.extend(_bare_age(text, hit))
        elif read_as == "room":
            stop = room_value_end(text, hit.value_start, hit.value_end)
            found.extend(
                Candidate(m.start(), m.end(), hit.rule.category, RANK_LABEL, "room")
                for m in _ROOM_NUMBER_RE.finditer(text, hit.value_start, stop)
            )
        if hit.rule.finds_sex:
            for match in _SEX_RE.finditer(text, hit.value_start, hit.value_end):
                if match.group() in ("M", "F", "Ｍ", "Ｆ", "Male", "Female", "male", "female") and read_as != "sex":
                    continue
                if match.start() and is_kanji(text[match.start() - 1]):
                    continue  # 続柄：長男: a relation word, not the sex
                found.append(Candidate(match.start(), match.end(), "SEX", RANK_LABEL))
    return found


def id_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for regex in (_ID_LABEL_RE, _BARE_ID_RE):
        for match in regex.finditer(text):
            value = match.group("value")
            if not any(ch.isdigit() for ch in value) or PHONE.fullmatch(value):
                continue
            category = _ID_LABELS.get(match.group("label"), "PATIENT_ID")
            if match.group("label") in _GENERIC_NUMBER_LABELS and len(value) < 4:
                continue  # "No. 3リンパ節", "#7": a station or item number, not an identifier
            found.append(Candidate(match.start("value"), match.end("value"), category, RANK_LABEL))
    return found


def context_regions(text: str, hits: list[LabelHit]) -> list[Region]:
    """The value of every label that re-types generic matches (dates, phones ...)."""
    return [
        Region(h.value_start, h.value_end, h.rule.retype, _is_facility_line(text, h.value_start))
        for h in hits
        if h.rule.retype
    ]


def label_hits(doc: Document) -> list[LabelHit]:
    return doc.shared("label_hits", lambda d: find_label_hits(d.text))


def _is_facility_line(text: str, value_start: int) -> bool:
    """A phone label that follows a facility name on its own line ("○○病院 TEL: ...")."""
    line_start = text.rfind("\n", 0, value_start) + 1
    before = text[line_start:value_start]
    return bool(_FACILITY_WORDS.search(before)) and "連絡先" not in before
