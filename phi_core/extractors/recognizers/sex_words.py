"""The patient's sex written as a word in prose: 性別は男性のまま, ご高齢の男性が, 女児.

The guidelines make the patient's sex PHI in any form. 男性, 女性, 男児, 女児, 男子 and
女子 (not a school's or a count's: 女子大, 男子 10名), and オトコ, オンナ in a form printed in kana,
are words of sex and nothing else, and the independent writers marked 60 of
the 66 they wrote in the development sets (the others describe a dosimeter's
wearing position or a group); recall-first masks every one. The single
kanji 男 and 女 are also parts of relations (長男, 長女) and are left to the
field and age recognizers.

Also: a transition's short form (``MtF``, ``FtM``), which says both sexes of the person; an English
word of sex introducing a person by age or kind (``a man in his 70s``, ``a woman aged 45``), not a
man of the staff nor a phrase (``manpower``); and the letter O (other) after a label of sex
(``性別 | O``, ``Sex: O``, ``性別 "O"``), as DICOM's sex codes write it beside M and F.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HALF_WIDTH_KATAKANA, KANJI

from .sudachi_names import RANK_SUPPLEMENT

_KANA = FULL_WIDTH_KATAKANA + HALF_WIDTH_KATAKANA
_SEX_WORD = re.compile(
    r"(?<![男女])(?:男性|女性|男児|女児)(?!ホルモン|化|型|的|器|名|用|外来|専用|トイレ|更衣|[ \u3000]?[0-9０-９])"
    # 男子 and 女子 only as words of their own (14歳 男子): before another word they name a group (女子サッカー部)
    rf"|(?<![男女{KANJI}])(?:男子|女子)(?![{KANJI}{FULL_WIDTH_KATAKANA}]|[ \u3000]?[0-9０-９])"
    # the same in katakana, as a form printed in kana writes it (７２ｻｲ　ｵﾄｺ)
    rf"|(?<![{_KANA}=＝])(?:オトコ|オンナ|ｵﾄｺ|ｵﾝﾅ)(?![{_KANA}])"
    r"|(?<![A-Za-z])(?:MtF|FtM|MTF|FTM)(?![A-Za-z])"
    r"|(?<=\ba )(?:man|woman|boy|girl)(?= (?:in (?:his|her) [0-9]|aged [0-9]|of [0-9]))"
)
_SEX_LABEL_OTHER = re.compile(
    r"(?:性別|(?<![A-Za-z])(?i:sex|gender))[ \t\u3000]*[|:：=]?[ \t\u3000]*[\"“「]?(?P<code>O)(?![A-Za-z0-9])"
)


@register
class SexWordRecognizer(Recognizer):
    name: ClassVar[str] = "sex-word"
    categories: ClassVar[tuple[str, ...]] = ("SEX",)

    def find(self, doc: Document) -> list[Candidate]:
        found = [Candidate(*m.span(), "SEX", RANK_SUPPLEMENT) for m in _SEX_WORD.finditer(doc.text)]
        found += [Candidate(*m.span("code"), "SEX", RANK_SUPPLEMENT) for m in _SEX_LABEL_OTHER.finditer(doc.text)]
        return found
