"""Community services by the short form of their kind: GHなでしこ, 訪看 うみかぜ (recall-first).

A psychiatric team's notes write a group home as GH and a visiting-nurse
station as 訪看, and name the home or station by a coined kana word. The
service recognizer reads kinds written out (グループホームなでしこ); these short
forms stand beside other words too (GH見学, GH世話人, 訪看 加藤 is a nurse),
so only a coined word in kana is taken:

- glued onto GH or a care home's short kind (老健, 特養, 居宅), the name with its kind, as the writers
  mark it (GHいなげ, 老健やはぎ, 特養さくらの丘);
  a katakana word the dictionary knows is a thing there (GHルール), not a name;
- after 訪看 and a space, the kana word alone (訪看 うみかぜ 今村Ns), the kind being
  the writer's label.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL, is_hiragana
from phi_core.nlp.morphemes import document_morphemes

from .sudachi_names import RANK_SUPPLEMENT

_KANA = f"{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}"
# The name runs to a break: kana glued onto a kanji word is a sentence (GHで暮らし始めた).
_BREAK = r"(?=[\s、。,，（(）)／/：:」』→]|$)"
# ... or a particle before the sentence's next word (特養さくらの丘に入所, GHいなげに入所)
_BREAK_OR_PARTICLE = rf"(?=[\s、。,，（(）)／/：:」』→]|$|[にへでをがと][{KANJI}])"
# (a care home's short kind the same way: 老健やはぎ, 特養さくらの丘, 居宅みよし; a place's kanji may close the name)
_GROUP_HOME = re.compile(
    rf"(?:(?<![A-Za-z])GH|(?<![{KANJI}])(?:老健|特養|居宅|小多機|サ高住))(?P<name>[{_KANA}]{{2,10}}(?:の[{KANJI}]{{1,2}})?){_BREAK_OR_PARTICLE}"
)
_NURSING = re.compile(rf"訪看[ \u3000](?P<name>[{_KANA}]{{2,10}}){_BREAK}")
# Kana words that follow a kind in prose and name nothing.
_NOT_NAMES = frozenset("など から まで より にて では には への ほか です ます こと もの ため よう とき".split())


@register
class CareAbbreviationRecognizer(Recognizer):
    name: ClassVar[str] = "care-abbreviation"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if not any(kind in text for kind in ("GH", "訪看", "老健", "特養", "居宅", "小多機", "サ高住")):
            return []
        known = {m.surface for m in document_morphemes(doc) if not (m.oov or m.is_proper)}
        found = []
        for pattern, whole in ((_GROUP_HOME, True), (_NURSING, False)):
            for m in pattern.finditer(text):
                name = m.group("name")
                if name in _NOT_NAMES:
                    continue
                if not all(is_hiragana(ch) for ch in name) and name in known:
                    continue  # a loanword the dictionary knows (ルール, ミーティング) is a thing, not a name
                start = m.start() if whole else m.start("name")
                found.append(Candidate(start, m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
