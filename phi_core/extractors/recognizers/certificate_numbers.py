"""A number of record written as 第…号 after its label: 手帳番号：福第0042117号, 受給者証番号 第 12345 号.

Certificates, pocketbooks and registrations issued by an office write their number between 第 and 号,
often after the issuing office's short name (福第…号, 神奈川 第 … 号); a letter cites an office's
reference number so after its date and 付 (令和8年2月6日付 船障第2281号), and an office's own letter
prints its number alone on a line at the top, or after the office's name (…警察署 交指第 973 号). The label rules read the digits;
the whole stretch is the number as the card prints it, so it is proposed whole and joins the digits'
span. Only after a label of a number on the same line (番号, No., 手帳, 証, or its English word:
Certificate, License, Permit): 第 3 回 and 第2版 are counts and editions. A licence prints its number in
groups (免許証番号 第 9821 0447 5301 号): single blanks between digits stay inside the number.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HIRAGANA, KANJI, KATAKANA
from phi_core.japanese.eras import ERA_NAMES

from .sudachi_names import RANK_SUPPLEMENT

_NUMBERED = re.compile(
    r"(?:番号|(?<![A-Za-z])No\.?|手帳|証|(?<![A-Za-z])(?i:certificate|cert\.?|licen[cs]e|permit))[ \u3000]*[:：]?[ \u3000]*"
    rf"(?P<value>(?:(?!番号|番)[{KANJI}{HIRAGANA}{KATAKANA}]{{1,5}}[ \u3000]?)?第[ \u3000]?(?:[A-Z][\-－]?)?[0-9０-９](?:[0-9０-９A-Za-z\-－]|[ ](?=[0-9０-９]))*[ \u3000]?号)(?!室|館|棟|線|機)"
)

# A letter's or a notice's reference number after its date and 付 (令和8年2月6日付 船障第2281号), as replies to
# an office's inquiry cite it: the office's short name, 第, the number and 号.
_DATED = re.compile(
    rf"日付(?:け|の)?[ \u3000]?(?P<value>[{KANJI}]{{1,4}}[ \u3000]?第[ \u3000]?[0-9０-９][0-9０-９\-－]*[ \u3000]?号)(?!室|館|棟|線|機)"
)

# A letter's own reference number, alone on its line or after the office's name ending in 署, 所, 庁, 局 and
# the like: the short name may hold kana (さ地検第2207号) and the digits may be spaced by a scanner.
# A form's designation (様式第1号) names a form, not a letter; a label before it (番号, 証) is read above.
_HEADING = re.compile(
    rf"(?m)(?:^[ \u3000]*|[署所庁会局院部課室][ \u3000]+)"
    rf"(?P<value>(?![^第\n]*(?:様式|番号|番|証|手帳))[{KANJI}{HIRAGANA}{KATAKANA}]{{1,6}}[ \u3000]?第[ \u3000]?[0-9０-９]"
    rf"(?:[0-9０-９\-－]|[ \u3000](?=[0-9０-９]))*[ \u3000]?号)[ \u3000]*$"
)

# An office's number cited in a sentence or a bracket, its short name glued before 第 (捜査関係事項照会書（東生安第1204号）,
# 中こ相第2025-118号 関連), three digits or more; not a law's or a rule's number nor a form's (厚生労働省令第123号, 規則第12号, 様式第120号).
_CITED = re.compile(
    rf"(?<![{KANJI}{HIRAGANA}{KATAKANA}])(?P<value>[{KANJI}{HIRAGANA}{KATAKANA}]{{1,5}}(?<![令法則示律条項規知式])"
    rf"第[0-9０-９A-Z](?=(?:[A-Z\-－]?[0-9０-９]){{2}})[0-9０-９A-Z\-－]{{2,12}}号)(?!室|館|棟|線|機)"
)
# ... or written without 第 and 号: the office's two or three kanji, the year and the case (受理番号 東児24-1193).
_OFFICE_CASE = re.compile(
    rf"(?<![{KANJI}{HIRAGANA}{KATAKANA}0-9])(?!{'|'.join(ERA_NAMES)})"
    rf"(?P<value>[{KANJI}]{{2,3}}[0-9]{{2}}-[0-9]{{3,5}})(?![0-9\-])"
)


@register
class CertificateNumberRecognizer(Recognizer):
    name: ClassVar[str] = "certificate-number"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        cases = [Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT) for m in _OFFICE_CASE.finditer(doc.text)]
        if "第" not in doc.text or "号" not in doc.text:
            return cases
        found = cases + [Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT) for m in _CITED.finditer(doc.text)]
        found += [Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT) for m in _NUMBERED.finditer(doc.text)]
        found += [Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT) for m in _HEADING.finditer(doc.text)]
        if "日付" in doc.text:
            found += [Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT) for m in _DATED.finditer(doc.text)]
        return list(dict.fromkeys(found))  # (a number both read after its label and cited is one)
