"""Care businesses by their kind and their name: ケアプランセンターつづきの森, リハビリデイ かしまだ, あおばケアサプライ.

Long-term care runs on small businesses a care manager's papers name on every
page: plan offices, day services, equipment rental, helper and nursing
stations, meal delivery. Each is written as its kind and a coined name, the
name after the kind (glued or one blank away: デイサービス こもれび 東口,
ケアショップ若葉 北店, 居宅介護支援 ななかまど) or before it (あおばケアサプライ,
博多ケアマネジメントサポート, 東邦ホームメディカル, a kana name before 訪看: ほほえみ訪看, or before a plain kind
that alone is a word of the plan: ミドリ福祉用具). The whole, kind and name, is the facility's name,
as the writers mark it; a word of the care plan after the kind (デイサービス利用,
ケアプラン作成, 福祉用具貸与) is no name (recall-first).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import (
    HIRAGANA_LETTERS,
    KATAKANA_BLOCK_CHARS,
    UNIFIED_KANJI,
    in_katakana_block,
    is_hiragana,
)

from .sudachi_names import RANK_SUPPLEMENT

_KINDS = (
    "ケアプランセンター", "ケアプラン", "ケアマネジメントサポート", "ケアマネジメント", "指定居宅介護支援事業所",
    "指定居宅介護支援", "居宅介護支援事業所", "居宅介護支援センター", "居宅介護支援", "デイサービスセンター",
    "デイサービス", "リハビリデイ", "通所リハビリテーション", "ケアショップ", "ケアレンタル", "福祉用具レンタル",
    "ケアサプライ", "ケアステーション", "ヘルパーステーション", "訪問看護ステーション", "訪問介護ステーション",
    "ショートステイ", "ケアホーム", "配食サービス", "ケアサポート",
    # the cars that take patients to dialysis and clinics (ケアタクシーみなみ; 介護タクシー and 福祉タクシー before a
    # word are the service: 介護タクシー不要, 福祉タクシー券)
    "ケアタクシー",
    # the firms that bring supplies (メディカルサプライ北光, ホームインフュージョン湘南)
    "メディカルサプライ", "ホームインフュージョン",
)  # fmt: skip
_KIND = "|".join(sorted(_KINDS, key=len, reverse=True))
_LETTER = f"[{UNIFIED_KANJI}{KATAKANA_BLOCK_CHARS}{HIRAGANA_LETTERS}々・]"
# The name after its kind, up to a break; a branch (東口, 北店) may follow after one blank.
_AFTER = re.compile(
    rf"(?P<kind>{_KIND})(?P<gap>[ \u3000]?)(?P<name>{_LETTER}{{1,10}}?)"
    rf"(?P<branch>[ \u3000][{UNIFIED_KANJI}]{{1,3}}(?:店|口|営業所|支店)?)?"
    # or a particle before the sentence goes on (デイサービスあおぞらに通所, ケアプランセンター若葉の介護支援専門員;
    # の and one kanji belong to the name: ケアプランセンターつづきの森)
    rf"(?=[\t,，、。（(）)」』\n\u3000]|[ ]|$|[へにでをがとは][{UNIFIED_KANJI}]|の[{UNIFIED_KANJI}]{{2}})"
)
# The name glued before a kind that ends a business's name.
_BEFORE = re.compile(
    rf"(?<![{UNIFIED_KANJI}{KATAKANA_BLOCK_CHARS}{HIRAGANA_LETTERS}])(?P<name>{_LETTER}{{2,8}}?)"
    r"(?P<kind>ケアサプライ|ケアマネジメントサポート|ケアマネジメント|通所リハビリテーション|ケアレンタル|ケアステーション"
    r"|ケアショップ|ホームメディカル|ケアサポート"
    # (さくら医療器販売, 湘北メディカルサプライ, あおば介護タクシー, ひまわり福祉タクシー, さがみケアトランスポート,
    # 駿河ケア搬送サービス)
    r"|医療器販売|医療機器販売|メディカルサプライ|ホームインフュージョン|介護タクシー|ケアタクシー|福祉タクシー|ケアトランスポート"
    r"|搬送サービス)"
)
# Equipment and service firms by a coined kana name before a plain kind (ミドリ福祉用具, ふじさわ福祉用具): the kind
# alone is a word of the care plan (介護保険の福祉用具, 訪問介護サービス), so only a katakana name makes it a firm
# (hiragana before it is as often the sentence: これについては福祉サービス).
_KANA_BEFORE_PLAIN = re.compile(
    rf"(?<![{UNIFIED_KANJI}{KATAKANA_BLOCK_CHARS}{HIRAGANA_LETTERS}])[{KATAKANA_BLOCK_CHARS}]{{2,8}}"
    r"(?:福祉用具|福祉サービス|介護サービス)"
)
# A visiting-nurse station by its short kind after a kana name (ほほえみ訪看, ひばり訪問看護ST; 緊急訪看 is a visit).
_KANA_BEFORE_SHORT = re.compile(
    rf"(?<![{UNIFIED_KANJI}{KATAKANA_BLOCK_CHARS}{HIRAGANA_LETTERS}])[{HIRAGANA_LETTERS}{KATAKANA_BLOCK_CHARS}]{{2,8}}"
    r"(?:訪看|訪問看護(?:ST|ＳＴ|ステーション))"
)
# A supplier's branch office by its coined name, its town and 営業所 (ミナト在宅ケア 港北営業所, 関西酸素サービス 吹田営業所,
# ライフケア用品 浜松営業所): home oxygen, care equipment and laboratories serve patients from such offices. The name holds
# katakana (a coined name), not a bank's or an undertaker's word (…銀行 …支店, やすらぎ典礼 横浜営業所).
_BRANCH_OFFICE = re.compile(
    rf"(?<![{UNIFIED_KANJI}{KATAKANA_BLOCK_CHARS}{HIRAGANA_LETTERS}])"
    rf"(?P<name>(?=[^\s]*[{KATAKANA_BLOCK_CHARS}]{{2}}){_LETTER}{{3,16}}?)[ \u3000]?[{UNIFIED_KANJI}]{{1,4}}営業所"
)
# A day service by its coined name glued before デイ (もりの郷デイ, つばさデイ): kana in the name, three letters or more
# (not リハデイ, 半日デイ, デイリー).
_NAME_BEFORE_DAY = re.compile(
    rf"(?<![{UNIFIED_KANJI}{KATAKANA_BLOCK_CHARS}{HIRAGANA_LETTERS}])"
    rf"(?P<name>(?=[^\s]*[{HIRAGANA_LETTERS}{KATAKANA_BLOCK_CHARS}]{{2}}){_LETTER}{{3,8}}?)デイ(?![{KATAKANA_BLOCK_CHARS}])"
)
_NOT_SUPPLIERS = ("銀行", "典礼", "葬祭", "保険", "証券", "運輸", "交通")
# Words of a care plan that follow a kind in a sentence and name nothing.
_PLAN_WORDS = (
    "利用", "計画", "事業", "契約", "担当", "中止", "休止", "開始", "終了", "再開", "変更", "追加", "送迎", "予定",
    "連絡", "調整", "見学", "申込", "申請", "導入", "提供", "記録", "票", "表", "会議", "費", "料", "職員",
    "管理", "相談", "責任", "作成", "貸与", "購入", "等", "など", "の", "へ", "に", "で", "を", "が", "と", "は",
    "も", "から", "まで", "より", "併用", "通い", "宿泊", "帰宅", "送り", "迎え", "体験", "センター", "事業所",
    "ステーション", "サービス", "検討", "希望", "手配", "配車", "予約", "不要", "券",
)  # fmt: skip
# One kanji alone after a kind is a word of the sentence (デイサービス日, ショートステイ中), not a name.
_ONE_KANJI_WORDS = frozenset("日 週 月 回 時 分 員 内 中 後 前 先 分 側 等 用 者 枠 表 票".split())
_NOT_BEFORE = (
    "の",
    "に",
    "へ",
    "で",
    "を",
    "が",
    "と",
    "は",
    "も",
    "各",
    "当",
    "同",
    "他",
    "新",
    "旧",
    "地域",
    "在宅",
    "介護",
    "暫定",
)
# A system's name, not a business's (MCS: メディカルケアステーション, a messaging service for care teams).
_SYSTEMS = frozenset({"メディカル"})


@register
class CareBusinessRecognizer(Recognizer):
    name: ClassVar[str] = "care-business"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if not any(
            word in text
            for word in (
                "ケア",
                "デイ",
                "介護",
                "リハビリ",
                "ステーション",
                "ショート",
                "配食",
                "訪看",
                "メディカル",
                "福祉",
                "営業所",
                "医療器",
                "医療機器",
                "搬送",
                "インフュージョン",
            )
        ):
            return []
        found = []
        for m in _AFTER.finditer(text):
            name = m.group("name")
            if name.startswith(_PLAN_WORDS) or (
                name[0] in _ONE_KANJI_WORDS and (len(name) == 1 or is_hiragana(name[1]))
            ):
                continue
            found.append(Candidate(m.start(), m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        found.extend(
            Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT)
            for m in _KANA_BEFORE_SHORT.finditer(text)
            if "・" not in m.group() and "ケアマネ" not in m.group()  # ケアマネ・訪看: two kinds listed
        )
        found.extend(Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT) for m in _KANA_BEFORE_PLAIN.finditer(text))
        for m in _NAME_BEFORE_DAY.finditer(text):
            name = m.group("name")
            # (a coined name may open with a particle's letter: もりの郷; a katakana word before デイ makes a
            # word of its own: シックデイ, sick day)
            if not name.endswith(_NOT_BEFORE) and not _katakana_common_noun(name):
                found.append(Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        if "営業所" in text:
            found.extend(
                Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT)
                for m in _BRANCH_OFFICE.finditer(text)
                if not any(word in m.group("name") for word in _NOT_SUPPLIERS)
            )
        for m in _BEFORE.finditer(text):
            name = m.group("name")
            if name.endswith(_NOT_BEFORE) or name.startswith(_NOT_BEFORE) or name in _SYSTEMS:
                continue
            found.append(Candidate(m.start(), m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found


def _katakana_common_noun(word: str) -> bool:
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    if not all(in_katakana_block(ch) for ch in word) or not sudachi_available():
        return False
    return any(pos[1] == "普通名詞" for pos in sudachi_lookup(word))
