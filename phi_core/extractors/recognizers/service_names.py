"""Names of care, community, pharmacy and check-up services: a coined name beside a service word.

みどり薬局, デイサービスあおぞら, 健診センターさくら, 居宅介護支援事業所 ひまわり:
a kind of service (one table below) with a name written straight before it, or
after it (one space allowed). The name is a word SudachiDict tags as a proper
noun or does not know, or a word wholly in kana (coined names are mostly
written so); generic words (かかりつけ, 近隣) and the service words themselves
are not names. Hospitals and clinics by their ending are the rules' job.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import (
    HIRAGANA_LETTERS,
    KATAKANA_BLOCK_CHARS,
    UNIFIED_KANJI,
    in_hiragana_block,
    is_kanji,
    in_katakana_block,
    is_kana,
)
from phi_core.nlp.morphemes import Morpheme, document_morphemes
from phi_core.japanese.organisations import SOCIETY_WORDS
from phi_core.japanese.honorifics import words

from .sudachi_names import RANK_SUPPLEMENT

SERVICE_WORDS: tuple[str, ...] = (
    "調剤薬局", "薬局", "調剤", "ドラッグストア", "居宅介護支援事業所", "介護支援事業所", "相談支援事業所", "事業所",
    "訪問看護ステーション", "訪問看護", "訪問介護", "訪問リハビリ", "ヘルパーステーション", "デイサービス",
    "デイケア", "相談支援センター", "支援センター", "通所リハビリ", "ショートステイ", "ケアプランセンター", "ケアプラン", "地域包括支援センター",
    "包括支援センター", "健診センター", "検診センター", "健康管理センター", "保健センター", "保健所",
    "介護老人保健施設", "老健", "特別養護老人ホーム", "特養", "グループホーム", "有料老人ホーム", "老人ホーム",
    "小規模多機能", "サービス付き高齢者向け住宅", "サ高住", "作業所", "就労支援", "接骨院", "整骨院",
    "鍼灸院", "治療院", "訪問診療", "在宅クリニック", "歯科医院", "歯科", "助産院", "助産所", "産院",
    # Homes and care houses named by a coined word before them: ひまわり苑, やすらぎ荘, あおばの里.
    "苑", "荘", "の里", "の家", "ハウス",
    # Hospitals and clinics whose name the rules do not take (a kana name before them).
    "中央病院", "大学病院", "記念病院", "総合病院", "市民病院", "病院", "クリニック", "医院", "診療所", "内科", "小児科", "外科", "整形外科", "皮膚科", "眼科",
    "耳鼻咽喉科", "産婦人科", "婦人科", "泌尿器科", "センター", "ハートセンター", "検査センター",
    # Interpreters' services and the exchange associations that send them: 浜松国際交流協会, ちば医療通訳ネット.
    "国際交流協会", "医療通訳ネットワーク", "医療通訳ネット", "通訳ネット",
)  # fmt: skip
# Words that may stand between a name and its kind: さがみ野中央病院, くすのき記念病院, みらい臨床検査センター,
# 房総北救命救急センター, みどりの森こどもクリニック, さくら通り小児科: what the place does or whom it
# serves, and the place words a coined name is built from.
_CONNECTORS = frozenset(
    "記念 中央 総合 大学 医療 臨床 第一 第二 附属 市民 県立 市立 国際 メディカル ファミリー "
    "救命 救急 救命救急 相談 支援 相談支援 こども 子ども 小児 周産期 母子 療養 回復 回復期 リハビリテーション "
    "リハビリ 精神 心療 透析 健診 検診 健康 保健 福祉 在宅 看護 レディース 居宅 介護 訪問 通所 包括 "
    "森 杜 丘 里 台 通り 坂 浜 野 原 駅前 北 南 東 西 "
    # a hospital group's word and the specialty a clinic names: みなと赤十字病院, とかち乳腺クリニック
    "赤十字 済生会 労災 厚生 共済 乳腺 呼吸器 循環器 消化器 脳神経 整形 泌尿器 皮膚 心臓 血管 腎 脳 眼 "
    "メンタル ハート 睡眠 女性 がん ケア "
    # (an interpreters' centre: まなびや医療通訳センター, 生野多文化共生センター)
    "通訳 医療通訳 多文化 多文化共生 国際交流".split()
)
# "の" joins two words of a coined name (みどりの森, ひかりの丘) after a kana word; after a kanji word it
# is a sentence's particle (近くのクリニック).
_JOINING_PARTICLE = "の"
# A branch written after the kind: すずらん薬局 大宮東口店, そよかぜ薬局 相模が丘店.
_BRANCH = re.compile(
    f"[ \u3000]?[{UNIFIED_KANJI}{KATAKANA_BLOCK_CHARS}A-Za-z0-9]"
    f"(?:[{UNIFIED_KANJI}{KATAKANA_BLOCK_CHARS}A-Za-z0-9]|[がノヶ](?=[{UNIFIED_KANJI}]))"
    "{0,7}?(?:店|支店|営業所|分院|出張所)"
    # (a place in kana before が and a kanji: なのはな調剤薬局 さちが丘店)
    f"|[ \u3000]?[{HIRAGANA_LETTERS}]{{1,4}}[がヶケ][{UNIFIED_KANJI}]{{1,3}}?(?:店|支店|営業所|分院|出張所)"
    # or the station exit or street it stands at: コスモ薬局 南口, ウエルネス調剤 駅前
    f"|[ \u3000](?:[{UNIFIED_KANJI}{KATAKANA_BLOCK_CHARS}]{{0,4}}?(?:駅前|駅[東西南北]|[東西南北]口|中央口))"
    "(?![\\w])"
)
_SERVICE = re.compile("|".join(sorted(map(re.escape, SERVICE_WORDS), key=len, reverse=True)))
_GENERIC = frozenset(
    "かかりつけ 近隣 近所 最寄り 地域 市内 院内 院外 自宅 当該 同 他 各 近く その この ケア サービス センター "
    "ステーション ホーム クリニック リハビリ リハビリテーション ほか べつ ヘルパー デイ 介護 訪問 在宅 調剤 保険 こども コンサルト コンサルテーション "
    "ベッド ベット ルーム フロア ブース".split()
)


# A coined name written in kana after its kind and a space, up to a break: 訪問看護ステーション さなる
# (glued on, 内科へコンサルトし is a sentence).
# A place may follow the kana: ひだまり港南, あおぞら姉崎, あおば台.
_KANA_NAME_AFTER = re.compile(
    f"(?P<kana>[{HIRAGANA_LETTERS}{KATAKANA_BLOCK_CHARS}]{{2,10}})[{UNIFIED_KANJI}]{{0,4}}"
    + r"(?=[\s、。,，（(）)／/：:」』]|$"
    + f"|[へにでをがとは][{UNIFIED_KANJI}])"
)
_KINDS_BEFORE_NAME = frozenset(
    {
        "グループホーム",
        "デイサービス",
        "ショートステイ",
        "訪問看護ステーション",
        "ケアプランセンター",
        "支援センター",
        "ヘルパーステーション",
        # a support office or a care home written straight before its kana name: 相談支援事業所はんなん
        "相談支援事業所",
        "居宅介護支援事業所",
    }
)
# A name of kanji after such a kind, up to a break (訪問看護ステーション潮風), or a kanji-の-kanji name or a
# home's name after a space (特別養護老人ホーム 桜の里, 特別養護老人ホーム 緑風苑).
_KANJI_NAME_AFTER = re.compile(f"[{UNIFIED_KANJI}]{{1,4}}(?=[\\s、。,，（(）)]|$)")
_NO_NAME_AFTER = re.compile(
    f"[{UNIFIED_KANJI}]{{1,4}}(?:苑|荘|園|寮)|[{UNIFIED_KANJI}]{{1,3}}の[{UNIFIED_KANJI}]{{1,3}}"
    "(?=[\\s、。,，（(）)]|$|より|から|へ|に|で|を)"
)
# Kana words that follow a service word in a sentence and name nothing.
_FUNCTION_WORDS = frozenset(
    "など から まで より にて では には への ほか です ます こと もの ため よう とき へ".split()
)
_WORD_BEFORE_NO = re.compile(f"(?<![{UNIFIED_KANJI}])[{UNIFIED_KANJI}]{{1,4}}$")
# A kana word ending in a particle before a kanji word is a sentence: あおぞらに通所.
_PARTICLES = ("へ", "に", "で", "を", "が", "と", "は", "の", "も")
_FUNCTION_WORDS_TUPLE = tuple(sorted(_FUNCTION_WORDS, key=len, reverse=True))


# A clinic that names several specialties after its name: きのした内科小児科, 山本眼科・皮膚科.
_MORE_KINDS = re.compile(
    "(?:・?(?:内科|外科|小児科|整形外科|皮膚科|眼科|耳鼻咽喉科|耳鼻科|産婦人科|婦人科|泌尿器科|歯科|"
    "循環器科|消化器科|呼吸器科|アレルギー科|リハビリテーション科|クリニック|医院))+"
)
# A name with its kind after it in brackets: グリーンヒル帯広（特養）, あおば（デイサービス）.
_NAME_BEFORE_BRACKET = re.compile(f"[{UNIFIED_KANJI}{KATAKANA_BLOCK_CHARS}{HIRAGANA_LETTERS}A-Za-z・ー]{{2,16}}$")


def _name_before_bracket(text: str, start: int, end: int) -> int | None:
    """Where a name starts that stands right before ``（kind）``; None when the kind is not so written."""
    if start == 0 or text[start - 1] not in "（(" or text[end : end + 1] not in ")）":
        return None
    line_start = max(text.rfind("\n", 0, start - 1) + 1, start - 18)
    before = text[line_start : start - 1]
    for stop in "：: 　、。,，「『/／":
        before = before[before.rfind(stop) + 1 :]
    m = _NAME_BEFORE_BRACKET.search(before)
    if m is None or before in _GENERIC or _SERVICE.fullmatch(before):
        return None
    return start - 1 - len(before) + m.start()


def _kana_word(surface: str) -> bool:
    return len(surface) >= 2 and all(is_kana(ch) for ch in surface)


def _is_name(m: Morpheme) -> bool:
    if m.surface in _GENERIC or _SERVICE.fullmatch(m.surface) or not any(ch.isalnum() for ch in m.surface):
        return False  # (│外科: a table's rule the dictionary does not know is no name)
    if _kana_word(m.surface):  # coined names are often adjectives or verbs in kana (あおい, ゆずりは)
        return m.pos[0] in ("名詞", "形容詞", "形状詞", "動詞")
    return m.pos[0] == "名詞" and m.pos[1] != "数詞" and (m.is_proper or m.oov)


# 調剤 names a pharmacy only as a field's whole value after a katakana word: | ｺｽﾓ調剤 |, 薬局: ウエルネス調剤 駅前.
_PHARMACY_FIELD = re.compile(
    f"(?:^|.*(?:\\n|[：:/／|,，\\t(（]|[ \u3000]{{2}}))[ \u3000]*[{KATAKANA_BLOCK_CHARS}]{{2,10}}調剤(?=[ \u3000/／|,，\\n)）]|$)"
    # a checklist item's state after it: オンライン調剤 あり
    "(?![ \u3000]*(?:あり|有り|なし|無し|可|不可|希望|済|予定|対応))",
    re.DOTALL,
)


def _kana_piece(m: Morpheme) -> bool:
    """A one-kana piece of a coined name the tokenizer cut (くすの + き)."""
    return len(m.surface) == 1 and m.pos[0] != "助詞" and (in_hiragana_block(m.surface) or in_katakana_block(m.surface))


def _name_before(by_end: dict[int, Morpheme], start: int) -> int | None:
    """Where the name before a service word starts, through connector words; None without a name."""
    position, named = start, None
    for _ in range(5):
        m = by_end.get(position)
        if m is None:
            break
        before = by_end.get(m.start)
        if _is_name(m) or (_kana_piece(m) and before is not None and _is_name(before)):
            named = m.start
        elif m.surface == _JOINING_PARTICLE and before is not None and _kana_word(before.surface) and _is_name(before):
            pass
        elif m.surface not in _CONNECTORS:
            break
        position = m.start
    return named


def _place_word_before(text: str, by_end: dict[int, Morpheme], first: int) -> int:
    """Where a coined hiragana name starts with the kanji word of its place glued before it (海浜こころの医療センター;
    a katakana word there is mostly a loanword of the sentence, 電子カルテ心療内科フォルダ):
    a plain noun standing alone after a break, not a word of the sentence (紹介, 本日) nor one that points at a
    doctor, a hospital or a home without naming it (近医, 他院, 自宅)."""
    m = by_end.get(first)
    if m is None or not in_hiragana_block(text[first]) or not all(map(is_kanji, m.surface)):
        return first
    if m.pos[0] != "名詞" or m.pos[2] in ("サ変可能", "副詞可能") or m.surface in _GENERIC or m.is_person:
        return first
    if m.surface.endswith(("医", "院", "宅")):
        return first
    if m.start and not (text[m.start - 1].isspace() or text[m.start - 1] in "：:、「『（(【"):
        return first
    return m.start


_KANA_NAME_BEFORE_SPACE = re.compile(
    f"(?:^|(?<=[\\s：:、。,，「『（(]))[{UNIFIED_KANJI}]{{0,4}}(?P<kana>[{HIRAGANA_LETTERS}{KATAKANA_BLOCK_CHARS}]{{2,12}})"
    f"[{UNIFIED_KANJI}]{{0,3}}$"
)


def _kana_name_before_space(text: str, space: int) -> int | None:
    line_start = max(text.rfind("\n", 0, space) + 1, space - 16)
    m = _KANA_NAME_BEFORE_SPACE.search(text, line_start, space)
    if m is None or m.group("kana") in _GENERIC or m.group("kana").endswith(_PARTICLES):
        return None
    return m.start()


def _kanji_name_after(text: str, end: int, gap: int, glued: bool, by_start: dict[int, Morpheme]) -> int | None:
    """The end of a kanji name written after a kind (see _KANJI_NAME_AFTER); None without one."""
    if gap:
        m = _NO_NAME_AFTER.match(text, end + gap)
        return m.end() if m else None
    if not glued:
        return None
    m = _KANJI_NAME_AFTER.match(text, end)
    first = by_start.get(end)
    # デイサービス利用, グループホーム入所: what happens there, not its name.
    if m is None or first is None or first.pos[0] != "名詞" or first.pos[2] in ("サ変可能", "副詞可能"):
        return None
    if m.group().endswith(tuple("者員師士長様殿氏")):
        return None  # 訪問看護ステーション担当者: a person there
    return m.end()


def _glued_connector_start(morphemes: list[Morpheme], starts: list[int], start: int) -> int:
    """Where a kind begins with a connector the tokenizer glued to it (赤十字病院, 医療センター as one word)."""
    i = bisect_right(starts, start) - 1
    if i >= 0 and morphemes[i].start < start < morphemes[i].end:
        m = morphemes[i]
        return m.start if m.surface[: start - m.start] in _CONNECTORS else start
    return start


def _kind_start(by_end: dict[int, Morpheme], start: int) -> int:
    """Where a kind starts with the words before it that belong to it (リハビリテーション病院 あおば台)."""
    for _ in range(3):
        m = by_end.get(start)
        if m is None or m.surface not in _CONNECTORS:
            break
        start = m.start
    return start


# A title after the word that follows a kind makes that word a person (クリニック ｺﾊﾞﾔｼ医師), not the place's name.
_TITLES_AFTER_PERSON = tuple(words("person", "clinician"))


@register
class ServiceNameRecognizer(Recognizer):
    name: ClassVar[str] = "service-name"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        morphemes = document_morphemes(doc)
        by_end = {m.end: m for m in morphemes}
        by_start = {m.start: m for m in morphemes}
        starts = [m.start for m in morphemes]
        found: list[Candidate] = []
        for match in _SERVICE.finditer(text):
            start, end = match.span()
            if text.startswith(SOCIETY_WORDS, end):
                continue  # 日本外科学会, 日本整形外科学会認定: a learned society, not a practice
            if match.group() == "調剤":
                if not _PHARMACY_FIELD.match(text, max(0, start - 14), end + 3):
                    continue  # 院外調剤, ジェネリック調剤も: dispensing, not a pharmacy's name
            named = _name_before_bracket(text, start, end)
            if named is not None and (by_end.get(start - 1) is None or _is_name(by_end[start - 1])):
                found.append(Candidate(named, start - 1, "HOSPITAL_NAME", RANK_SUPPLEMENT))
                continue
            more = _MORE_KINDS.match(text, end)
            end = more.end() if more else end
            branch = _BRANCH.match(text, end)
            tail = branch.end() if branch else end
            first = _name_before(by_end, _glued_connector_start(morphemes, starts, start))
            if first is not None:
                first = _place_word_before(text, by_end, first)
            if first is None and text[start - 1 : start] in (" ", "\u3000"):
                # A coined kana name, one space, its kind: かわごえ南 居宅介護支援事業所 (a kanji name there is
                # a member of staff: 訪問看護 斉藤).
                first = _kana_name_before_space(text, start - 1)
            if first is not None:
                found.append(Candidate(first, tail, "HOSPITAL_NAME", RANK_SUPPLEMENT))
                continue
            if match.group().startswith(_JOINING_PARTICLE):
                # 清和の里: the kind holds its の, so the word glued before it, whatever it is, is the name.
                word = _WORD_BEFORE_NO.search(text, max(0, start - 4), start)
                start = word.start() if word and word.group() not in _GENERIC else start
            gap = 1 if text[end : end + 1] in (" ", "\u3000") else 0
            # Glued on only after a kind that cannot end a sentence's noun: グループホームあおぞら姉崎.
            glued = not gap and match.group() in _KINDS_BEFORE_NAME
            coined = _KANA_NAME_AFTER.match(text, end + gap) if gap or glued else None
            kana = coined.group("kana") if coined else ""
            sentence = coined is not None and coined.end() > coined.end("kana") and kana.endswith(_PARTICLES)
            titled = coined is not None and text.startswith(_TITLES_AFTER_PERSON, coined.end("kana"))
            if (
                coined
                and not sentence
                and not titled
                and not kana.startswith(_FUNCTION_WORDS_TUPLE)
                and kana not in _GENERIC
            ):
                # A whole kana word up to the next break is the name, however the tokenizer cut it
                # (ゆずり + は, さ + なる).
                found.append(Candidate(_kind_start(by_end, start), coined.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
                continue
            named_after = _kanji_name_after(text, end, gap, glued, by_start)
            if named_after is not None:
                found.append(Candidate(_kind_start(by_end, start), named_after, "HOSPITAL_NAME", RANK_SUPPLEMENT))
                continue
            after = by_start.get(end + gap)
            # After a space, a kanji person's name is a person (訪問看護 斉藤), left to the name recognizers.
            if (
                after is not None
                and len(after.surface) > 1  # 整形外科　Ｄ．Ｎａｇａｙａ: an initial starts a person's name
                and _is_name(after)
                and not text.startswith(_TITLES_AFTER_PERSON, after.end)  # クリニック コバヤシ医師: the doctor
                and not (gap and after.is_person and not _kana_word(after.surface))
            ):
                found.append(Candidate(start, after.end, "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
