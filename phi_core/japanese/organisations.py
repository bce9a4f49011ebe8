"""Legal forms of Japanese companies and corporations, written before or after their names.

One table: the organisation-name recognizer reads a school's or employer's
name by it, and recall-first joins a hospital's owning corporation
(医療法人社団 光和会) to the hospital's name after it.
"""

from __future__ import annotations

LEGAL_FORMS: tuple[str, ...] = (
    "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "一般社団法人", "一般財団法人", "公益社団法人",
    "公益財団法人", "社会福祉法人", "社会医療法人", "特定医療法人", "医療法人社団", "医療法人財団", "医療法人",
    "地方独立行政法人", "独立行政法人", "国立研究開発法人", "特定非営利活動法人", "NPO法人", "学校法人",
    "協同組合", "㈱", "㈲", "(株)", "（株）", "(有)", "（有）", "(医)", "（医）", "(社)", "（社）", "(福)", "（福）",
)  # fmt: skip

# Public operators an old letterhead writes before the hospital's own name, apart by a space
# (社会保険 港南中央病院, 国立療養所 信濃東病院, 厚生連 北信総合病院): part of its name.
OPERATORS: tuple[str, ...] = (
    "国立療養所", "社会保険", "厚生年金", "国民健康保険", "国保", "厚生連", "労災", "公立学校共済組合",
    "国家公務員共済組合連合会", "日本赤十字社", "済生会", "恩賜財団済生会", "市町村組合", "組合立", "道立", "都立",
)  # fmt: skip

# Places of care and custody that are not hospitals but are named like them, the kind written after
# the name (東浜刑務所, 北関東赤十字血液センター, 東都大学保健管理センター): where a person is held,
# gives blood or is seen by a university's or employer's health service; and a medical university
# named short, as staff call its hospital (北関東医大).
PLACE_KINDS: tuple[str, ...] = (
    "医療刑務所", "刑務支所", "刑務所", "拘置支所", "拘置所", "少年鑑別所", "少年院", "婦人補導院", "矯正医療センター",
    "赤十字血液センター", "血液センター", "献血ルーム", "献血センター", "保健管理センター", "健康管理センター",
    "医大",
)  # fmt: skip
# Of those, the kinds that are also written BEFORE the name (献血ルーム ミナトみらいスクエア).
PLACE_KINDS_FIRST: tuple[str, ...] = ("献血ルーム", "献血センター")
# Kinds written before the name as part of it (ファーマシー海上, ファーマシーひまわり: a pharmacy's whole name).
KINDS_OPENING_NAMES: tuple[str, ...] = ("ファーマシー",)
# Words that end the name of a learned society or an association: 日本外科学会 is no surgery practice.
SOCIETY_WORDS: tuple[str, ...] = ("学会", "協会", "研究会", "医会", "連合会")
# The head nouns that end the name of a place of care whatever words stand before them
# (ひだまり発達相談室, 横浜北部救命救急センター, 経堂こどもと大人のクリニック, ひばりが丘健診プラザ,
# 浦和検診協会: a screening body, unlike a learned society, is where people are examined; みどりの丘ホーム;
# 大阪北部臨床遺伝ラボ: a laboratory that tests a patient's samples names where they went).
FACILITY_HEADS: tuple[str, ...] = (
    "センター", "クリニック", "クリ二ック", "相談室", "病院", "医院", "診療所", "薬局", "助産院", "治療院",
    "整骨院", "接骨院", "鍼灸院", "ステーション", "療育園", "支援室", "医療院", "ホスピタル", "ファーマシー", "園",
    "ホスピス", "療養所", "作業所", "プラザ", "スクエア", "検診協会", "健診協会", "予防医学協会", "労働衛生協会", "ホーム",
    "ラボラトリーズ", "ラボラトリー", "ラボ", "メディカルモール", "診断所",
    # a first-aid post opened at a school or a gym after a disaster, where patients are seen and recorded
    "救護所",
    # A scan reads the long vowel as the kanji one: 堺南部医療センタ一, as 二 for ニ above.
    "センタ一", "ステ一ション", "ホ一ム",
)  # fmt: skip
# Words that make 園 a park, a garden, a school or a farm, not a home or a day centre (わかば園).
NOT_CARE_GARDENS: tuple[str, ...] = (
    "公", "動物", "植物", "保育", "幼稚", "学", "霊", "庭", "農", "菜", "楽", "田", "遊", "花", "果樹", "茶", "梅",
    "こども", "子ども", "子供", "薬草", "造", "入", "退", "来", "開", "閉", "登", "降",
)  # fmt: skip
# Public owners written glued before a facility's name: 県立こども医療センター, 市立みなと中央病院.
PUBLIC_OWNERS: tuple[str, ...] = (
    "県立", "市立", "国立", "都立", "府立", "道立", "町立", "村立", "区立", "公立", "私立",
)  # fmt: skip
# Words that say whom a place of care serves, written between its own name and its kind (浜風こども医療センター,
# 北斗こころの医療センター): the name is what stands before them.
AUDIENCE_WORDS: tuple[str, ...] = ("こども", "子ども", "子供", "こころの", "こころ")
# Bodies that run hospitals, written before the hospital's own name with a space:
# 国立病院機構 横浜医療センター, 地域医療機能推進機構 東京新宿メディカルセンター.
HOSPITAL_OPERATORS: tuple[str, ...] = (
    "独立行政法人国立病院機構", "国立病院機構", "地域医療機能推進機構", "労働者健康安全機構", "日本赤十字社",
    "恩賜財団済生会", "済生会", "国家公務員共済組合連合会", "JCHO", "JA厚生連", "厚生連", "徳洲会",
)  # fmt: skip
# Specialties a practice is named by after its own name (まえばし中央内科, きのした内科小児科): a
# practice's name only with a word that says which one (a department alone is 消化器内科).
PRACTICE_SPECIALTIES: tuple[str, ...] = (
    "心療内科", "内科", "整形外科", "形成外科", "外科", "小児科", "眼科", "皮膚科", "耳鼻咽喉科", "耳鼻科",
    "産婦人科", "婦人科", "泌尿器科", "胃腸科", "肛門科", "歯科", "精神科", "消化器科", "循環器科",
    # Specialties as practices write them in kana for the hard kanji: 皮フ科, ひ尿器科, 耳鼻いんこう科.
    "皮フ科", "皮ふ科", "ひふ科", "ひ尿器科", "耳鼻いんこう科", "神経科",
    # An orthopaedic practice as people call it, the department's word cut short (てらさき整形, ふじみ野整形).
    "整形",
)  # fmt: skip
# Hospital groups whose word alone names a hospital after its place, as staff say it: 横浜労災, 熊本日赤,
# 名古屋第二赤十字 (not 労災保険, 日赤病院: a word runs on).
HOSPITAL_GROUPS: tuple[str, ...] = ("日赤", "赤十字", "労災", "済生会", "徳洲会", "厚生連")
# Kanji that make 字 a word of writing, not a hamlet (字幕, 字体, 字数 ...): 字 + one of these.
WORDS_OF_WRITING: frozenset[str] = frozenset("幕 体 数 句 義 面 形 間 母 画 典 源 音 訓 解 書".split())
# Kinds of place written right before a name in quotes (メディカルフィットネス「ウェルネススクエア北浜」,
# 近医「まちかど内科」, 簡易宿泊所「しおん荘」): the quoted words are the place's own name. Where a person
# stays is part of an address; the rest are places of care or of health.
KINDS_BEFORE_QUOTED_CARE: tuple[str, ...] = (
    "フィットネス", "スポーツジム", "ジム", "近医", "前医", "施設", "事業所", "薬局", "ホーム", "クリニック", "病院",
    "医院", "診療所", "ステーション", "デイサービス", "デイケア", "センター", "整骨院", "接骨院", "治療院",
    # a home's or a ward's unit by its own name: ユニット「ひまわり」
    "ユニット",
)  # fmt: skip
# Services also named so, by what they do (訪問看護「あおぞら」, ヘルパーは「こもれび」).
SERVICES_BEFORE_QUOTED: tuple[str, ...] = (
    "訪問看護", "訪問介護", "訪問リハ", "ヘルパー", "ショートステイ", "グループホーム", "ケアマネ", "居宅",
    "作業所", "就労支援", "配食サービス",
)  # fmt: skip
KINDS_BEFORE_QUOTED_LODGING: tuple[str, ...] = (
    "宿泊所", "宿泊施設", "別荘", "ホテル", "旅館", "民宿", "寮", "社宅", "シェルター", "ゲストハウス", "アパート",
    "マンション",
)  # fmt: skip
# The head nouns that end the name of a company, a workshop or a shop whatever words stand before them
# (相模義肢製作所, 丸菱ロジスティクス, 東和ヘルスケア, オリオン西帯広店): where a patient works or what made or
# supplied something for them. A name only with a word that says which one (a place, a proper noun, a
# coined word): 製作所, 物流 and ヘルスケア alone are kinds. A supplier's branch (東日本営業所, 横浜南支店) and a
# taxi firm are left out: the writers leave them unmarked.
BUSINESS_HEADS: tuple[str, ...] = (
    "製作所", "工作所", "製造所", "工房", "工業所", "工務店", "商店", "商会", "商事", "物産", "産業", "工業",
    "運輸", "運送", "物流", "建設", "建工", "興業", "電機", "電設", "食品", "水産", "農園", "牧場", "印刷",
    "ロジスティクス", "ヘルスケア", "エンジニアリング", "ファーム", "サービス", "義肢", "装具",
    "工場", "店", "精機", "鉄工所", "鉄工", "酒造", "醸造", "重工", "興産", "木材", "医科器械", "医療器",
    "交通", "観光", "不動産", "本舗", "教室", "塾", "寮",
    # lodgings named the same way (京王プラザホテル; a church is left unmarked by the writers)
    "ホテル", "旅館", "民宿", "ゲストハウス", "ペンション", "ホステル",
)  # fmt: skip
# Words after a company's name that make it the maker of a drug or device, not a place (島津製作所製).
MAKER_AFTER: tuple[str, ...] = ("製", "社製", "の製品", "の装置", "の機器")
# Words inside a company's name that make it a drug maker, named as a drug's maker, not a place (武田薬品工業).
DRUG_MAKER_WORDS: tuple[str, ...] = ("薬品", "製薬", "ファーマ", "医薬")
# Words before a company's name that say it is a maker or a seller of a product (製造販売元 ○○工業).
MAKER_BEFORE: tuple[str, ...] = (
    "製造販売元", "製造元", "販売元", "発売元", "メーカー", "製造販売", "輸入元", "装置", "機器", "機種", "撮影機",
    "使用機", "製品", "試薬",
)  # fmt: skip
# Parts of a town where a person lives or went, named by a word before them (寿地区, 桜台団地, 西ノ谷集落).
DISTRICT_WORDS: tuple[str, ...] = ("地区", "地域", "団地", "集落", "住宅街", "ニュータウン")
# Kinds of lodging written before a lodging's name (ホテル寿荘, 簡易宿泊所 松風荘).
LODGING_KINDS: tuple[str, ...] = ("簡易宿泊所", "宿泊所", "ホテル", "旅館", "民宿", "ドヤ")
# Kinds of lodging also written glued before their own name (ホテルニューオータニ, 旅館みやこ).
LODGING_FIRST: tuple[str, ...] = ("ホテル", "旅館", "民宿", "ゲストハウス", "ペンション", "ホステル")
# The place words a coined name of a home or a day centre ends in after の (やすらぎの郷, ひだまりの丘, ゆいの家).
HOME_NAME_ENDS: tuple[str, ...] = ("郷", "里", "家", "丘", "森", "杜", "苑", "園", "樹", "風", "街", "庭", "宿")
# Kanji that make 字 the end of a word of writing (文字, 数字, 赤字, 漢字, 点字, 名字), not a hamlet's mark.
WORDS_ENDING_IN_ZI: frozenset[str] = frozenset(
    "文 数 赤 黒 漢 活 題 十 綴 用 点 誤 脱 太 細 名 苗 英 国 略 俗 印 識 習 刻 絵 金 植".split()
)
# Loan words that make a place of care of a coined name, written before its head (ひばりヶ丘デンタルオフィス,
# 湯布院ウェルネス館, みなとメディカルハウス): the head alone (オフィス, 館, ハウス) is any building.
CARE_LOAN_WORDS: tuple[str, ...] = ("デンタル", "メディカル", "ヘルス", "ウェルネス", "ケア", "リハビリ", "ホスピス")
CARE_LOAN_HEADS: tuple[str, ...] = (
    "オフィス",
    "館",
    "ハウス",
    "スタジオ",
    "ラボ",
    "ガーデン",
    "ヴィレッジ",
    "ビレッジ",
)
# Fields whose value is the unit or the place that sent a patient or a request (依頼元：健診センター,
# 紹介元：総合診療科): the writers mark the value whatever kind of unit it is.
SOURCE_LABELS: tuple[str, ...] = (
    "依頼元", "紹介元", "依頼部署", "依頼科", "紹介科", "依頼施設", "紹介施設", "送付元", "発信元", "紹介病院",
)  # fmt: skip
# Rooms that are where people meet or wait, not a unit of the hospital (会議室, 待合室).
ROOMS_NOT_UNITS: tuple[str, ...] = (
    "会議室", "待合室", "応接室", "談話室", "更衣室", "休憩室", "面談室", "控室", "控え室", "事務室", "病室",
)  # fmt: skip
# Words that make X外来 a visit in time, not a clinic (次回外来, 午後外来).
VISITS_NOT_CLINICS: tuple[str, ...] = (
    "次回", "前回", "今回", "初回", "翌日", "翌朝", "本日", "当日", "午前", "午後", "定期", "通常", "再来",
)  # fmt: skip
# Clinics every hospital runs, named by how or when a patient comes rather than what is treated there
# (救急外来, 夜間外来, 専門外来): a kind of visit, not which clinic.
CLINICS_OF_EVERY_HOSPITAL: tuple[str, ...] = (
    "救急", "一般", "専門", "新患", "再診", "初診", "紹介", "予約", "時間外", "夜間", "休日", "特殊", "総合", "病棟",
    "入院", "院内", "各科", "他科", "当科", "当院", "貴院", "他院", "本院", "同院", "貴科", "各", "小児救急",
)  # fmt: skip
# Fields whose value is who provides a service outside the hospital or where a patient goes
# (訪問看護：ステーションあおば, 外注先 ミライ遺伝子ラボ, 転院先：恵泉リハビリテーション病院).
PROVIDER_LABELS: tuple[str, ...] = (
    "訪問看護", "訪問介護", "訪問リハ", "訪問診療", "訪問薬剤", "外注先", "外部委託", "委託先", "検査委託先", "見学先候補",
    "見学先", "転院先", "搬送先", "入所先", "紹介先", "通所先", "包括", "居宅介護支援", "ケアマネ事業所",
    "ケアマネ", "ケアマネジャー", "ケアマネージャー",
    "希望先", "入院先", "通院先", "受診先", "相談先", "利用先", "実施機関", "検査機関", "委託機関", "依頼先", "提出先",
    "測定機関", "受入先", "受け入れ先", "転所先", "退院先",
)  # fmt: skip
PROVIDER_LABELS_LATIN: tuple[str, ...] = ("Lab", "Laboratory", "Provider", "Agency", "Vendor", "Home care")
# English words that name where a patient goes with no colon after them (Referred to Aoba Clinic).
PROVIDER_WORDS_LATIN: tuple[str, ...] = ("Referred to", "Transferred to", "Discharged to")
# Values of those fields that are a word of the form, not a name.
PROVIDER_VALUES_NOT_NAMES: frozenset[str] = frozenset(
    "なし 無し あり 有り 未定 不要 検討中 調整中 未 予定 自宅 ご自宅 本人 家族 施設 病院 回復期 生活援助 身体介護 "
    "通院 同上 未記入 ステーション センター ヘルパー ケアマネ 施設入所 在宅".split()
)
# Kinds of home written before the home's own name after a space (特別養護老人ホーム 松風苑): a name only with it.
PROVIDER_KINDS_BEFORE_NAME: frozenset[str] = frozenset(
    "グループホーム 老人ホーム 特別養護老人ホーム 有料老人ホーム 老健 特養 介護老人保健施設 サービス付き高齢者向け住宅".split()
)

# The one-kanji words that end the name of a unit of a hospital or an office (医事課, 放射線科, 連携室, 看護部,
# 庶務係, 救急班, 医局, 東4病棟): a staff member's name is often written straight after one (医事課 森).
UNIT_ENDINGS: tuple[str, ...] = tuple("課科室部係班局棟")
# The words that make a value a place of care wherever they stand in it (緊急連絡先：はりま在宅クリニック 079-…):
# FACILITY_HEADS without the ones that also end people's and other words' names (園, ホーム, プラザ).
CARE_PLACE_WORDS: tuple[str, ...] = ("病院", "クリニック", "医院", "診療所", "ステーション", "薬局")
