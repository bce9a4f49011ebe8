"""Label-context rules: the label in front of a value decides its category.

``氏名：佐藤明子`` is a patient name, ``施設電話：03-...`` a facility phone and a
date after ``生年月日：`` a birth date. Each label word maps to a
:class:`LabelRule` saying how its value is read; the value region runs from the
separator to the end of the line (or to the next label on the same line).
Spans never include the label itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .candidates import RANK_LABEL, Candidate
from .chars import is_kanji
from .names import parse_labelled_name
from .patterns import PHONE
from .recognizer import Document, Recognizer, Region, register


@dataclass(frozen=True)
class LabelRule:
    # "name": a person's name (+ reading, + department); "whole": the whole
    # value is one span; "context": re-type pattern matches inside the value;
    # "contact": an emergency contact (name and phone, relation word skipped);
    # "sex": a sex word.
    read_as: str
    category: str | None = None
    retype: dict[str, str] = field(default_factory=dict)
    finds_sex: bool = False


def _rules(words: str, rule: LabelRule) -> dict[str, LabelRule]:
    return {word: rule for word in words.split()}


_PHYSICIAN_RULE_DEF = LabelRule("name", "PHYSICIAN_NAME")
_BIRTH = LabelRule("context", retype={"date": "BIRTH_DATE", "age": "AGE"}, finds_sex=True)
_EXAM = LabelRule("context", retype={"date": "EXAM_DATE", "time": "TIME"})
_OTHER_DATE = LabelRule("context", retype={"date": "OTHER_DATE", "time": "TIME"})

LABEL_RULES: dict[str, LabelRule] = {
    **_rules("氏名 患者 患者名 患者氏名 名前 被検者名 受診者名", LabelRule("name", "PATIENT_NAME", finds_sex=True)),
    **_rules("読影 依頼 報告 執刀", _PHYSICIAN_RULE_DEF),
    **_rules("フリガナ ふりがな カナ氏名 氏名カナ 氏名（カナ） ローマ字氏名 ローマ字", LabelRule("whole", "NAME_READING")),
    **_rules("生年月日", _BIRTH),
    **_rules("年齢", LabelRule("context", retype={"age": "AGE"}, finds_sex=True)),
    **_rules("性別", LabelRule("sex", "SEX")),
    **_rules("住所 患者住所 現住所 自宅住所 緊急連絡先住所 連絡先住所", LabelRule("whole", "ADDRESS")),
    **_rules("施設住所 病院住所 所在地 医療機関住所", LabelRule("whole", "FACILITY_ADDRESS")),
    **_rules("電話 電話番号 携帯電話 携帯 携帯番号 自宅電話 連絡先 TEL Tel", LabelRule("context", retype={"phone": "PHONE"})),
    **_rules("施設電話 施設電話番号 施設TEL 病院電話 代表電話", LabelRule("context", retype={"phone": "FACILITY_PHONE"})),
    **_rules("緊急連絡先", LabelRule("contact", "EMERGENCY_CONTACT", retype={"phone": "EMERGENCY_CONTACT"})),
    **_rules("検査日 検査日時 撮影日 撮影日時 検査年月日 撮影年月日 検査実施日 実施日 施行日 検査・治療日時 治療日時", _EXAM),
    **_rules("前回検査日 前回検査 前回撮影日 比較対象", _OTHER_DATE),
    **_rules("施設 施設名 病院名 医療機関 医療機関名 紹介元 紹介元医療機関", LabelRule("whole", "HOSPITAL_NAME")),
    **_rules("診療科 依頼科 依頼診療科 依頼部署", LabelRule("whole", "DEPARTMENT")),
}
_PHYSICIAN_RULE = _PHYSICIAN_RULE_DEF

# Role labels for clinicians are open-ended (依頼医, 検査依頼医, 読影医, 承認医,
# 麻酔医, 検査技師 ...), so they are recognised by their ending, not listed.
_PHYSICIAN_ENDINGS = ("医師", "医", "技師")
_PHYSICIAN_WORDS = ("術者", "助手")
_MAX_PHYSICIAN_LABEL = 8
# Labels are found from their separator backwards: colons are rare, so this is
# far cheaper than trying a long alternation at every position. The separator
# also covers the JSON-ish layout some reports use: `"- 患者ID": "...`.
_SEPARATOR_RE = re.compile("[:：]|(?<=[^\\s|]) ?\\|")
_SEPARATOR_PADDING = " \t\u3000\"|"

_SEX_RE = re.compile(r"男性|女性|男児|女児|男|女|(?<![A-Za-z])[MF](?![A-Za-z])")
_VALUE_TRAILER = " \t\u3000\"',\\"
_FACILITY_WORDS = re.compile(r"病院|クリニック|医院|診療所|センター")

# Identifiers have their own labels, often without a colon ("カルテNo.KS1964...",
# "患者IDがCT-..."). A bare "ID" needs a real separator so that "IDH1" stays a gene.
_ID_VALUE = r"(?P<value>[A-Za-z0-9Ａ-Ｚ０-９][A-Za-z0-9Ａ-Ｚ０-９\-_/－]*[A-Za-z0-9Ａ-Ｚ０-９]|[0-9０-９])"
_ID_LABELS: dict[str, str] = {
    "患者ID": "PATIENT_ID", "患者番号": "PATIENT_ID", "カルテ番号": "PATIENT_ID", "カルテNo.": "PATIENT_ID",
    "カルテNo": "PATIENT_ID", "カルテID": "PATIENT_ID", "診察券番号": "PATIENT_ID",
    "検査番号": "OTHER_ID", "検査ID": "OTHER_ID", "受付番号": "OTHER_ID", "オーダー番号": "OTHER_ID",
    "参照番号": "OTHER_ID", "参照ID": "OTHER_ID", "依頼番号": "OTHER_ID", "シリアル番号": "OTHER_ID",
    "製造番号": "OTHER_ID", "機器番号": "OTHER_ID", "S/N": "OTHER_ID", "Acc.No.": "OTHER_ID", "Acc.No": "OTHER_ID",
    "Accession No.": "OTHER_ID", "受付No.": "OTHER_ID", "検査No.": "OTHER_ID",
}
_ID_LABEL_RE = re.compile(
    "(?P<label>" + "|".join(re.escape(w) for w in sorted(_ID_LABELS, key=len, reverse=True)) + ")"
    + r"(?:\"?\s*[:：=|]\s*\"?|\s*(?:が|は)?\s*)" + _ID_VALUE
)
_BARE_ID_RE = re.compile(
    r"(?P<label>I(?<![A-Za-z].)D|ＩＤ)(?:\"?\s*[:：=]\s*\"?|\s+|\s*(?:が|は)\s*)" + _ID_VALUE
)


@dataclass(frozen=True)
class LabelHit:
    label: str
    rule: LabelRule
    value_start: int
    value_end: int


def _index_by_last_char(words) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        index.setdefault(word[-1], []).append(word)
    return {last: tuple(group) for last, group in index.items()}


# Label words grouped by their last character, longest first: a separator only
# has to be compared with the few words that can end right before it.
_LABELS_BY_LAST_CHAR = _index_by_last_char(LABEL_RULES)
_PHYSICIAN_LAST_CHARS = frozenset(w[-1] for w in _PHYSICIAN_ENDINGS + _PHYSICIAN_WORDS)


def _label_before(text: str, end: int) -> tuple[str, LabelRule] | None:
    """The label word ending at ``end`` (longest listed word, else a clinician role)."""
    if end == 0:
        return None
    last = text[end - 1]
    for word in _LABELS_BY_LAST_CHAR.get(last, ()):
        if text.endswith(word, 0, end):
            before = end - len(word) - 1
            if before < 0 or not ("A" <= text[before] <= "Z" or "a" <= text[before] <= "z"):
                return word, LABEL_RULES[word]
    if last not in _PHYSICIAN_LAST_CHARS:
        return None
    start = end
    while start > 0 and end - start < _MAX_PHYSICIAN_LABEL and is_kanji(text[start - 1]):
        start -= 1
    word = text[start:end]
    if word.endswith(_PHYSICIAN_ENDINGS) or word in _PHYSICIAN_WORDS:
        return word, _PHYSICIAN_RULE
    return None


def _is_table_label_cell(text: str, bar: int) -> bool:
    """A Markdown table row "| 患者氏名 | 荒木節子 |": the cell before the bar opens the line."""
    line_start = text.rfind("\n", 0, bar) + 1
    return text[line_start:bar].lstrip().startswith("|") and text.count("|", line_start, bar) == 1


def find_label_hits(text: str) -> list[LabelHit]:
    """Every label with its value region (label excluded)."""
    found: list[tuple[int, int, str, LabelRule]] = []
    for match in _SEPARATOR_RE.finditer(text):
        if match.group().endswith("|") and not _is_table_label_cell(text, match.start()):
            continue
        label_end = match.start()
        while label_end > 0 and text[label_end - 1] in _SEPARATOR_PADDING:
            label_end -= 1
        labelled = _label_before(text, label_end)
        if labelled is None:
            continue
        value_start = match.end()
        while value_start < len(text) and text[value_start] in _SEPARATOR_PADDING:
            value_start += 1
        found.append((label_end - len(labelled[0]), value_start, labelled[0], labelled[1]))
    hits: list[LabelHit] = []
    for index, (_, start, label, rule) in enumerate(found):
        line_end = text.find("\n", start)
        end = len(text) if line_end < 0 else line_end
        if index + 1 < len(found):
            end = max(start, min(end, found[index + 1][0]))
        bar = text.find("|", start, end)
        if bar >= 0:
            end = bar
        hits.append(LabelHit(label, rule, start, end))
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


def _whole_value(text: str, hit: LabelHit) -> list[Candidate]:
    stops = "。\n" if hit.rule.category in ("ADDRESS", "FACILITY_ADDRESS") else "。\n（("
    start, end = _trim_value(text, hit.value_start, hit.value_end, stops)
    while start < end and text[start] in "〒 \u3000":
        start += 1
    if end - start < 2 or text[start:end] in ("なし", "不明", "特記事項なし"):
        return []
    return [Candidate(start, end, hit.rule.category, RANK_LABEL)]


def _sex_value(text: str, hit: LabelHit) -> list[Candidate]:
    match = _SEX_RE.match(text, hit.value_start, hit.value_end)
    return [Candidate(match.start(), match.end(), "SEX", RANK_LABEL)] if match else []


def label_candidates(text: str, hits: list[LabelHit]) -> list[Candidate]:
    """Spans read straight from label values (names, addresses, facilities ...)."""
    found: list[Candidate] = []
    for hit in hits:
        read_as = hit.rule.read_as
        if read_as == "name":
            found.extend(parse_labelled_name(text, hit.value_start, hit.value_end, hit.rule.category))
        elif read_as == "contact":
            found.extend(parse_labelled_name(text, hit.value_start, hit.value_end, hit.rule.category, relation_ok=True))
        elif read_as == "whole":
            found.extend(_whole_value(text, hit))
        elif read_as == "sex":
            found.extend(_sex_value(text, hit))
        if hit.rule.finds_sex:
            for match in _SEX_RE.finditer(text, hit.value_start, hit.value_end):
                if match.group() in ("M", "F") and read_as != "sex":
                    continue
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


@register
class LabelContextRecognizer(Recognizer):
    """``key：value``, ``key: value`` and Markdown table rows: the label decides the category."""

    name = "label-context"
    categories = ("PATIENT_NAME", "PHYSICIAN_NAME", "NAME_READING", "SEX", "ADDRESS", "FACILITY_ADDRESS",
                  "EMERGENCY_CONTACT", "HOSPITAL_NAME", "DEPARTMENT")

    def find(self, doc: Document) -> list[Candidate]:
        return label_candidates(doc.text, label_hits(doc))

    def regions(self, doc: Document) -> list[Region]:
        return context_regions(doc.text, label_hits(doc))


@register
class IdLabelRecognizer(Recognizer):
    """Identifiers after their own labels, with or without a colon (カルテNo.KS1964...)."""

    name = "id-label"
    categories = ("PATIENT_ID", "OTHER_ID")

    def find(self, doc: Document) -> list[Candidate]:
        return id_candidates(doc.text)


def _is_facility_line(text: str, value_start: int) -> bool:
    """A phone label that follows a facility name on its own line ("○○病院 TEL: ...")."""
    line_start = text.rfind("\n", 0, value_start) + 1
    before = text[line_start:value_start]
    return bool(_FACILITY_WORDS.search(before)) and "連絡先" not in before
