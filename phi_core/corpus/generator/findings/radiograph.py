"""Plain radiographs: chest (adult and child), wrist."""

from __future__ import annotations

from phi_core.corpus.generator.findings.exam import Exam, Scenario

XR_DEVICES = (
    "Canon CXDI-710C Wireless",
    "Fujifilm CALNEO Smart",
    "Konica Minolta AeroDR fine",
    "Shimadzu RADspeed Pro",
)

XR_EXAMS: tuple[Exam, ...] = (
    Exam(
        key="xr_chest",
        modality="XR",
        title="胸部単純X線",
        weight=3,
        age_range=(18, 95),
        departments=("呼吸器内科", "循環器内科", "内科", "救急科"),
        devices=XR_DEVICES,
        technique=(
            "撮影体位：{pick:立位PA・側面|立位PA|臥位AP}",
            "管電圧：{int:110-125}kV、撮影距離：{pick:180|200}cm",
        ),
        scenarios=(
            Scenario(
                clinical=("労作時息切れ、下腿浮腫",),
                findings=(
                    "心胸郭比（CTR）は{int:55-66}%と心拡大を認める。両側肺門部血管影の増強とKerley B lineを認める。",
                    "両側肋横隔膜角は鈍化しており、両側胸水を疑う。",
                ),
                impression=("うっ血性心不全を疑う", "両側胸水"),
                advice=("心臓超音波検査とBNPの確認をお勧めします。",),
                age_range=(55, 95),
            ),
            Scenario(
                clinical=("突然の{side}胸痛、呼吸困難",),
                findings=(
                    "{side}肺尖部に臓側胸膜線を認め、肺の虚脱を伴う（肺尖から鎖骨までの距離 約{int:15-45}mm）。",
                    "縦隔の偏位はなく、緊張性気胸を示唆する所見はない。{other}肺に異常なし。",
                ),
                impression=("{side}気胸（{pick:軽度|中等度}）",),
                advice=("呼吸器外科へのコンサルトを推奨します。",),
                age_range=(16, 40),
            ),
            Scenario(
                clinical=("発熱、咳嗽", "SpO2 {int:90-95}%（室内気）"),
                findings=(
                    "{side}下肺野に境界不明瞭な浸潤影を認め、シルエットサイン陽性で{side}横隔膜との境界が不明瞭である。",
                    "{other}肺野は清明。CTRは{int:40-49}%で心拡大なし。",
                ),
                impression=("{side}下葉肺炎",),
                advice=("抗菌薬治療後の経過観察撮影をお勧めします。",),
            ),
        ),
    ),
    Exam(
        key="xr_pediatric_chest",
        modality="XR",
        title="小児胸部単純X線",
        weight=1,
        age_range=(1, 4),
        departments=("小児科",),
        devices=XR_DEVICES,
        technique=("撮影体位：臥位AP", "管電圧：{int:60-75}kV"),
        scenarios=(
            Scenario(
                clinical=("発熱{int:3-5}日目、喘鳴",),
                findings=(
                    "両側肺門周囲の気管支壁肥厚像と過膨張を認める。{side}上葉に小範囲の無気肺を認める。",
                    "明らかな胸水なし。心胸郭比は正常範囲。",
                ),
                impression=("細気管支炎を疑う", "{side}上葉無気肺"),
                advice=("臨床経過に応じて再撮影をご検討ください。",),
            ),
        ),
    ),
    Exam(
        key="xr_wrist",
        modality="XR",
        title="手関節単純X線",
        weight=1,
        age_range=(45, 90),
        departments=("整形外科", "救急科"),
        devices=XR_DEVICES,
        technique=("撮影方向：{side}手関節 正面・側面",),
        scenarios=(
            Scenario(
                clinical=("転倒時に{side}手をついて受傷",),
                findings=(
                    "{side}橈骨遠位端に背側転位を伴う骨折線を認め、Colles骨折に合致する。関節内への骨折線の進展は{pick:認めない|疑われる}。",
                    "尺骨茎状突起骨折を伴う。手根骨に明らかな骨折なし。",
                ),
                impression=("{side}橈骨遠位端骨折（Colles型）", "尺骨茎状突起骨折"),
                advice=("整形外科で整復固定をご検討ください。",),
            ),
        ),
    ),
)
