"""Ultrasound examinations: abdomen (adult and child), thyroid, breast, carotid."""

from __future__ import annotations

from phi_core.corpus.generator.findings.exam import Exam, Scenario

US_DEVICES = ("Canon Aplio i800", "GE LOGIQ E10", "Fujifilm ARIETTA 850", "Philips EPIQ Elite", "Samsung RS85")

US_EXAMS: tuple[Exam, ...] = (
    Exam(
        key="us_abdomen",
        modality="US",
        title="腹部超音波",
        weight=3,
        departments=("消化器内科", "内科", "健診科", "総合診療科"),
        devices=US_DEVICES,
        technique=("プローブ：コンベックス（{int:1-3}-{int:5-6}MHz）",),
        scenarios=(
            Scenario(
                clinical=("健診で肝機能異常（ALT {int:45-120}U/L）",),
                findings=(
                    "胆嚢内に音響陰影を伴う{int:5-18}mm大の高エコー結石を{int:1-5}個認める。胆嚢壁肥厚なし（{dec:2.0-3.0}mm）。",
                    "肝は腫大なく、肝腎コントラスト陽性、深部エコー減衰を認め、脂肪肝の所見である。",
                    "総胆管径{dec:3.0-6.5}mm、拡張なし。膵、脾、両腎に特記すべき所見なし。",
                ),
                impression=("胆嚢結石", "脂肪肝"),
                advice=("症状出現時は外科受診をお勧めします。",),
            ),
            Scenario(
                clinical=("腹部拍動性腫瘤の精査",),
                findings=(
                    "腎動脈分岐部以下の腹部大動脈が紡錘状に拡張し、最大短径{int:32-52}mm。壁在血栓を伴う。",
                    "{side}腎に{int:12-40}mm大の単純性嚢胞を認める。",
                ),
                impression=("腹部大動脈瘤", "{side}腎嚢胞"),
                advice=("造影CTでの精査と血管外科へのコンサルトを推奨します。",),
                age_range=(60, 90),
            ),
        ),
    ),
    Exam(
        key="us_pediatric",
        modality="US",
        title="小児腹部超音波",
        weight=1,
        age_range=(1, 5),
        departments=("小児科", "小児外科"),
        devices=US_DEVICES,
        technique=("プローブ：リニア（{int:5-9}-{int:12-15}MHz）",),
        scenarios=(
            Scenario(
                clinical=("間欠的啼泣、嘔吐、イチゴゼリー状血便",),
                findings=(
                    "右上腹部に{int:25-40}mm大のtarget signを呈する腫瘤様構造を認め、腸重積症に合致する。",
                    "先進部に明らかな病的先進部は指摘できない。腹水は少量。腸管壁の血流は保たれている。",
                ),
                impression=("腸重積症（回腸結腸型を疑う）",),
                advice=("小児外科と連携のうえ、整復術を速やかにご検討ください。",),
            ),
        ),
    ),
    Exam(
        key="us_thyroid",
        modality="US",
        title="甲状腺超音波",
        weight=1,
        sex="F",
        departments=("内分泌内科", "耳鼻咽喉科", "内分泌外科"),
        devices=US_DEVICES,
        technique=("プローブ：リニア（{int:9-12}-{int:15-18}MHz）",),
        scenarios=(
            Scenario(
                clinical=("頸部腫瘤の自覚",),
                findings=(
                    "甲状腺{side}葉下極に{int:8-20}×{int:6-15}mmの低エコー結節を認める。縦横比は1以上で、境界不整、内部に微細高エコーを多数認める。",
                    "{other}葉に明らかな結節なし。頸部リンパ節の腫大なし。",
                ),
                impression=("甲状腺{side}葉結節：乳頭癌を疑う",),
                advice=("穿刺吸引細胞診を推奨します。",),
            ),
            Scenario(
                clinical=("甲状腺腫大の経過観察",),
                findings=(
                    "甲状腺は両葉ともびまん性に腫大し、内部に{int:5-25}mm大の嚢胞変性を伴う結節が多発する。",
                    "いずれも境界明瞭平滑で、悪性を疑う所見は認めない。",
                ),
                impression=("腺腫様甲状腺腫",),
                advice=("{pick:6|12}か月後の超音波での経過観察を推奨します。",),
            ),
        ),
    ),
    Exam(
        key="us_breast",
        modality="US",
        title="乳腺超音波",
        weight=1,
        sex="F",
        age_range=(30, 78),
        departments=("乳腺外科", "外科"),
        devices=US_DEVICES,
        technique=("プローブ：リニア（{int:10-14}-{int:17-18}MHz）",),
        scenarios=(
            Scenario(
                clinical=("{side}乳房腫瘤の自覚",),
                findings=(
                    "{side}乳房C領域に{int:8-22}×{int:6-18}mmの低エコー腫瘤を認める。境界不明瞭で前方境界線の断裂を伴い、後方エコーは減弱する。",
                    "{side}腋窩に皮質の肥厚したリンパ節を{pick:1|2}個認める。{other}乳房に異常なし。",
                ),
                impression=("{side}乳腺腫瘤：乳癌を疑う（カテゴリー{int:4-5}）",),
                advice=("針生検による組織診断を推奨します。",),
            ),
        ),
    ),
    Exam(
        key="us_carotid",
        modality="US",
        title="頸動脈超音波",
        weight=1,
        age_range=(55, 90),
        departments=("脳神経内科", "循環器内科"),
        devices=US_DEVICES,
        technique=("プローブ：リニア（{int:5-9}-{int:12-14}MHz）",),
        scenarios=(
            Scenario(
                clinical=("一過性黒内障",),
                findings=(
                    "{side}内頸動脈起始部に最大厚{dec:2.5-4.5}mmの低輝度プラークを認め、面積狭窄率は約{int:50-80}%、収縮期最大血流速度は{int:130-260}cm/sec。",
                    "両側総頸動脈のIMTは{dec:0.9-1.4}mm。{other}側に有意狭窄なし。",
                ),
                impression=("{side}内頸動脈狭窄（不安定プラークを疑う）",),
                advice=("MRAまたはCTAによる評価を推奨します。",),
            ),
        ),
    ),
)
