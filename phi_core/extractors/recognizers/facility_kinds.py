"""Care facilities named after their kind, branches after a clinic, and other medical organisations.

- A kind of care facility written BEFORE its name: 介護老人保健施設 さくらの丘,
  特別養護老人ホーム やまびこ荘, 居宅介護支援事業所 すみれ, 訪問看護ステーション潮風 (staff write 訪看あおば, ﾅｶﾒ訪看). The
  name runs from the kind to the next space, bracket or punctuation; a word
  that only says "a facility of this kind" (名, 等, の, への, 経由, →) is no name.
  A kind's short form takes the name in brackets after it: 特養入所（桜の里）.
- A branch written after a clinic's or hospital's name and a space:
  ルミエール美容皮膚科クリニック 銀座院, さくら歯科医院 駅前分院 (the branch narrows the
  facility down as much as its name).
- A centre written before a department of its own or its postal code, as a
  letterhead writes it: 群馬北部呼吸器センター　呼吸器内科, 東都泌尿器科センター　〒108-0073.
- Medical organisations that are not hospitals: an eye or tissue bank named
  before its kind (関東中央アイバンク, みちのく眼球銀行), a university's department of forensic or
  legal medicine where an autopsy is done (東都大学法医学教室).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HALF_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL
from phi_core.japanese.honorifics import alternation, words
from phi_core.japanese.organisations import FACILITY_HEADS

from .sudachi_names import RANK_SUPPLEMENT

_LETTERS = f"{KANJI}{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}ヶ"
_CARE_KINDS = (
    "介護老人保健施設", "介護老人福祉施設", "特別養護老人ホーム", "有料老人ホーム", "住宅型有料老人ホーム",
    "軽費老人ホーム", "養護老人ホーム", "老人保健施設", "介護医療院", "グループホーム", "サービス付き高齢者向け住宅",
    "小規模多機能型居宅介護", "看護小規模多機能型居宅介護", "訪問看護ステーション", "訪問介護事業所",
    "居宅介護支援事業所", "地域包括支援センター", "デイサービスセンター", "デイサービス", "通所リハビリテーション",
    "児童発達支援センター", "発達支援センター", "障害者支援施設", "短期入所生活介護", "小規模多機能ホーム",
    "ショートステイ", "デイケア", "通所介護", "訪問介護", "訪問入浴",
    # Disability services under the welfare law, named by a coined word: 就労継続支援B型ワークショップあおぞら.
    "就労移行支援事業所", "就労継続支援A型事業所", "就労継続支援B型事業所", "就労継続支援A型", "就労継続支援B型",
    "就労定着支援事業所", "自立訓練事業所", "生活介護事業所", "共同生活援助", "放課後等デイサービス",
    "児童発達支援事業所", "地域活動支援センター", "相談支援事業所", "障害者就業・生活支援センター",
    # a visiting nurses' station written short, as staff write it (訪問看護ST こもれび, 訪看ST ゆらり)
    "訪問看護ST", "訪看ST",
)  # fmt: skip
# A kind may be written with a space inside (訪問看護 ステーション湘南ひらつか).
_KINDS = "|".join(
    re.escape(k).replace("ステーション", "[ \u3000]?ステーション").replace("ST", "[ \u3000]?ST")
    for k in sorted(_CARE_KINDS, key=len, reverse=True)
)
_KIND_FIRST = re.compile(rf"(?:{_KINDS})[ \u3000]?「?(?P<name>[{_LETTERS}]{{2,12}})")
# A kind's short form with the name in brackets after it: 特養入所（桜の里）, 老健「さくら」.
_SHORT_KIND = re.compile(
    rf"(?:特養|老健|サ高住)(?:入所|入居|利用|申込)?中?[（(「『](?P<name>[{_LETTERS}]{{2,12}})[）)」』]"
)
# A kind written out with a coined name in brackets after it: 就労移行支援事業所（ステップワーク駅前）.
_KIND_BRACKET = re.compile(
    rf"(?:{_KINDS}|事業所|施設|訪問看護|訪問診療|訪問リハビリ|ヘルパー|居宅|薬局|作業所|就労支援)"
    rf"[（(「『](?P<name>[{_LETTERS}・]{{3,16}})[）)」』]"
)
# A coined name opens with a word in kana (ステップワーク駅前, あおば); a note opens otherwise or ends as one
# (お薬手帳あり, 週1回).
# A visiting nurses' station by staff's short word for it, 訪看, and its coined name in kana after it or in
# katakana glued before it (訪看あおば, ﾅｶﾒ訪看): not the nurse (訪看さん) nor a sentence (訪看より).
_VISITING_SHORT = re.compile(
    rf"訪看[ \u3000]?(?P<after>[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,10}})"
    rf"|(?:^|(?<=[\s：:、。,，「『（(／/]))(?P<before>[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}{HALF_WIDTH_KATAKANA}]{{2,8}})訪看"
)
# (nor the station's staff or papers: 訪看スタッフ, 訪看メモ)
_LONGER_NAME = re.compile("訪問看護|看護|訪看|ST|[A-Z]{2}")
_NOT_COINED = (
    "スタッフ",
    "ナース",
    "ステーション",
    "メモ",
    "ノート",
    "シート",
    "ファイル",
    "リスト",
    "カード",
    "チーム",
)
_HONORIFIC_FIRST = re.compile(alternation(words("person")))
_COINED_OPENING = re.compile(rf"[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2}}")
_NOTE_ENDS = ("あり", "なし", "のみ", "など", "予定", "済み", "中")
# Kanji after the kana of a coined name: a place word or a facility's kind (ステップワーク駅前, かもめ薬局,
# ひかりの丘ホーム); other kanji say what is done (おむつ交換, パン製造).
_KANJI_RUN = re.compile(f"[{KANJI}]+")
_NAME_TAILS = (
    "駅前", "駅", "北", "南", "東", "西", "北口", "南口", "東口", "西口", "中央", "本店", "店", "館", "苑", "荘", "園", "寮", "舎", "家", "里", "郷",
    "丘", "森", "杜", "台", "坂", "浜", "野", "原", "工房", "通り", *FACILITY_HEADS,
)  # fmt: skip


def _coined_name(name: str) -> bool:
    if not _COINED_OPENING.match(name) or _NOT_NAMES.match(name) or name.endswith(_SERVICE_ENDS + _NOTE_ENDS):
        return False
    return all(run.group() in _NAME_TAILS or name.endswith(FACILITY_HEADS) for run in _KANJI_RUN.finditer(name))


# A kind of service in the brackets says what is done, not where (デイケア（ショートケア）).
_SERVICE_ENDS = ("ケア", "サービス", "リハビリ", "リハビリテーション", "介護", "支援", "訓練", "ステイ")
# Words after a kind that say which kind it is, or what is done there, not which one.
_NOT_NAMES = re.compile(
    r"^(?:名|名称|等|の|へ|に|で|と|は|が|を|も|や|から|まで|より|経由|入所|入居|利用|通所|申込|申請|職員|担当|連絡"
    r"|との|など|併設|入所中|退所|見学|調整|紹介|宛|御中|殿|各位|内|側|看護師|管理者|施設長|送迎"
    r"|社会福祉士|ケアマネ|相談員|生活相談員|介護福祉士|職員|検討|予定|待機|待ち|希望|未定|済"
    r"|参加|導入|開始|中止|継続|再開|終了|予約|変更|契約|増回|減回|回数|週|月|毎|日|初回|次回|前回|今回|訪問|記録|報告)"
)
# Where a sentence goes on after the name: あおぞらにて, 福寿の郷より入院, 緑風苑入所中, 緑風苑へ (a
# particle or honorific after a kanji; in kana it may be part of the name: みなと, おひさま).
_NAME_ENDS = re.compile(
    rf"にて|より|から|まで|など|(?<=[{KANJI}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}])[へにでをがはと]|入所|入居|利用|通所"
    rf"|(?<=[{KANJI}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}])(?:{alternation(words('person'))})"
)
_BRANCH = re.compile(
    rf"(?:(?<=クリニック)|(?<=病院|医院)|(?<=診療所))[ \u3000](?P<branch>[{KANJI}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,5}}(?:分院|院|本院|クリニック))"
    rf"(?=[\s、。,，（(）)」』]|$)"
)
# 当院, 同院, 本院 alone, 病院 again: a word about the facility, not its branch.
_NOT_BRANCHES = frozenset("当院 同院 本院 貴院 他院 前院 病院 医院 分院 入院 退院 通院 来院 転院 受院".split())
# A centre written before a department of its own or its postal code is a hospital, as a letterhead
# writes it: 群馬北部呼吸器センター　呼吸器内科, 東都泌尿器科センター　〒108-0073.
_CENTRE = re.compile(
    rf"(?<![{_LETTERS}・])[{_LETTERS}・]{{2,14}}センター"
    rf"(?=[ \u3000]+[{KANJI}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}・]{{1,10}}科(?![{KANJI}])|[ \u3000]*〒)"
)
_ORGANISATIONS = re.compile(
    rf"(?<![{_LETTERS}])[{_LETTERS}]{{2,10}}?(?:アイバンク|眼球銀行|骨髄バンク|臍帯血バンク|さい帯血バンク|組織バンク)"
    rf"|(?<![{_LETTERS}])[{_LETTERS}]{{1,10}}?大学(?:大学院)?(?:医学部|医学研究科)?[{KANJI}]{{0,4}}(?:法医学|病理学|解剖学)教室"
)


# A word glued before the kind, from a line's or a field's start, belongs to the facility's name
# (療育：こども発達支援センター すくすく); one a sentence leads in with (市の, 近くの) does not.
_GLUED = re.compile(
    rf"(?:^|(?<=[\s：:、。,，「『（(／/]))[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,6}}$"
)


def _glued_start(text: str, start: int) -> int:
    m = _GLUED.search(text, max(0, start - 7), start)
    if m is None or m.group().endswith(("の", "へ", "に", "を", "で")):
        return start
    return m.start()


@register
class FacilityKindRecognizer(Recognizer):
    name: ClassVar[str] = "facility-kind"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for m in _KIND_FIRST.finditer(text):
            name = m.group("name")
            cut = _NAME_ENDS.search(name, 2)
            if cut:
                name = name[: cut.start()]
            name = name.removesuffix("の")  # the name's end cut a sentence's の off its next word
            if _NOT_NAMES.match(name):
                continue  # a kind then what is done there (デイケア参加, 訪問介護導入) names nothing
            if text[m.start("name") - 3 : m.start("name")].rstrip(" \u3000").endswith(
                "ST"
            ) and not _COINED_OPENING.match(name):
                continue  # after ST written short, a name in kanji is the nurse's (訪問看護ST 木下Ns)
            found.append(
                Candidate(_glued_start(text, m.start()), m.start("name") + len(name), "HOSPITAL_NAME", RANK_SUPPLEMENT)
            )
        for m in _SHORT_KIND.finditer(text) if ("特養" in text or "老健" in text or "サ高住" in text) else ():
            if not _NOT_NAMES.match(m.group("name")):
                found.append(Candidate(*m.span("name"), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        for m in _KIND_BRACKET.finditer(text) if ("（" in text or "(" in text or "「" in text) else ():
            name = m.group("name")
            if _coined_name(name):
                found.append(Candidate(*m.span("name"), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        for m in _VISITING_SHORT.finditer(text) if "訪看" in text else ():
            if m.group("before"):
                found.append(Candidate(m.start("before"), m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
                continue
            name = m.group("after")
            if _LONGER_NAME.match(text, m.end()):
                continue  # 訪看 ひばり訪問看護ST: a label before a name the kinds read whole
            cut = _NAME_ENDS.search(name, 2)
            name = name[: cut.start()] if cut else name
            if _coined_name(name) and not name.startswith(_NOT_COINED) and not _HONORIFIC_FIRST.match(name):
                # (set apart by a blank, the short word is a label: 訪看 うみかぜ)
                start = m.start("after") if m.start("after") > m.start() + 2 else m.start()
                found.append(Candidate(start, m.start("after") + len(name), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        for m in _BRANCH.finditer(text):
            if m.group("branch") not in _NOT_BRANCHES:
                start = max(text.rfind(ch, 0, m.start()) for ch in " \u3000\n：:（(「、") + 1
                found.append(Candidate(start, m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        if "センター" in text:
            found.extend(Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT) for m in _CENTRE.finditer(text))
        if "バンク" in text or "銀行" in text or "教室" in text:
            found.extend(Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT) for m in _ORGANISATIONS.finditer(text))
        return found
