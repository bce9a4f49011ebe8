"""CT examinations: chest, chest-abdomen-pelvis, head, acute abdomen, pulmonary angiography."""

from __future__ import annotations

from phi_core.corpus.generator.findings.exam import Exam, Scenario

CT_DEVICES = (
    "Canon Aquilion ONE PRISM Edition",
    "Siemens SOMATOM Force",
    "GE Revolution CT",
    "Philips Spectral CT 7500",
    "Fujifilm SCENARIA View",
    "Siemens SOMATOM go.Top",
)

CT_CONTRAST = "造影剤：{pick:オムニパーク350|イオパミロン370|イオメロン350|ビジパーク320} {int:70-100}mL（注入速度 {dec:2.5-4.0}mL/sec）"

CT_EXAMS: tuple[Exam, ...] = (
    Exam(
        key="ct_chest",
        modality="CT",
        title="胸部単純CT",
        weight=3,
        departments=("呼吸器内科", "呼吸器外科", "総合診療科", "内科"),
        devices=CT_DEVICES,
        technique=(
            "スライス厚：{pick:1|1.25|2}mm（肺野条件・縦隔条件で再構成）",
            "管電圧：120kV、自動露出機構使用",
            "造影剤：なし",
        ),
        scenarios=(
            Scenario(
                clinical=("検診胸部X線で{side}上肺野異常影を指摘", "喫煙歴：{int:20-50}本/日 × {int:20-45}年"),
                findings=(
                    "{side}上葉S{pick:1|2|3}に{int:14-32}×{int:11-26}mmの充実性結節を認める。辺縁にスピキュラを伴い、胸膜陥入像がみられる。内部に石灰化は認めない。",
                    "縦隔・肺門リンパ節に有意な腫大は認めない（短径{int:5-9}mm以下）。両肺に小葉中心性肺気腫を認める。",
                    "胸水なし。心拡大なし。撮像範囲の上腹部に特記すべき所見なし。",
                ),
                impression=("{side}上葉結節：原発性肺癌を疑う（cT1{pick:b|c}N0）", "肺気腫"),
                advice=(
                    "気管支鏡検査またはCTガイド下生検による組織診断を推奨します。",
                    "病期診断のためPET-CTを考慮してください。",
                ),
            ),
            Scenario(
                clinical=("発熱（{dec:37.8-39.4}℃）、湿性咳嗽", "CRP {dec:4.0-18.0}mg/dL、WBC {int:9800-16500}/μL"),
                findings=(
                    "{side}下葉に気管支透亮像を伴う浸潤影とその周囲のすりガラス影を認める。範囲は約{int:40-90}×{int:25-60}mm。",
                    "{side}胸水を少量認める（最大厚{int:5-15}mm）。縦隔リンパ節は短径{int:10-13}mmと軽度腫大しており、反応性と考える。",
                    "{other}肺には明らかな浸潤影を認めない。気道内に異物を疑う所見なし。",
                ),
                impression=("{side}下葉肺炎（細菌性を疑う）", "少量{side}胸水"),
                advice=("抗菌薬治療後{pick:2|3|4}週間での画像再評価を推奨します。",),
            ),
            Scenario(
                clinical=("労作時呼吸困難、乾性咳嗽", "KL-6 {int:800-2400}U/mL"),
                findings=(
                    "両側下葉背側優位に胸膜直下の網状影と蜂巣肺を認める。牽引性気管支拡張を伴う。",
                    "上葉にも軽度のすりガラス影が散在する。縦隔リンパ節は短径{int:8-12}mm。",
                    "胸水、気胸はない。",
                ),
                impression=("間質性肺炎（UIPパターン）", "特発性肺線維症を考える"),
                advice=("呼吸器内科での精査と呼吸機能検査をお勧めします。", "{pick:6|12}か月後のCT再検を推奨します。"),
            ),
        ),
    ),
    Exam(
        key="ct_cap",
        modality="CT",
        title="胸腹部骨盤造影CT",
        weight=3,
        departments=("消化器内科", "消化器外科", "腫瘍内科", "肝臓内科"),
        devices=CT_DEVICES,
        technique=(
            CT_CONTRAST,
            "撮影相：{pick:動脈相・門脈相・平衡相|門脈相単相|単純・動脈相・平衡相}",
            "スライス厚：{pick:1|2|5}mm",
        ),
        scenarios=(
            Scenario(
                clinical=("C型慢性肝炎で経過観察中", "AFP {int:12-480}ng/mL、PIVKA-II {int:40-900}mAU/mL"),
                findings=(
                    "肝S{pick:4|5|6|7|8}に{int:15-45}mm大の腫瘤を認める。動脈相で不均一に濃染し、平衡相でwashoutを示す。被膜様構造を伴う。",
                    "肝表面は凹凸不整で、脾腫（脾臓長径{int:115-145}mm）と側副血行路の発達を認め、肝硬変の所見である。",
                    "門脈本幹および右枝に腫瘍栓を示唆する所見なし。腹水なし。胸部に転移を疑う結節なし。",
                ),
                impression=("肝腫瘤：肝細胞癌を疑う（LI-RADS {pick:LR-4|LR-5}）", "肝硬変、脾腫"),
                advice=("EOB-MRIによる精査を推奨します。", "腫瘍マーカーの推移を確認してください。"),
            ),
            Scenario(
                clinical=("心窩部痛、体重減少（{int:3-9}kg/{int:2-6}か月）", "CA19-9 {int:80-2200}U/mL"),
                findings=(
                    "膵体部に{int:18-35}mm大の乏血性腫瘤を認め、尾側主膵管の拡張（最大径{int:4-8}mm）と膵実質の萎縮を伴う。",
                    "腫瘤は脾動脈に半周未満で接するが、腹腔動脈および上腸間膜動脈への浸潤は認めない。",
                    "肝に転移を疑う結節なし。腹膜播種を疑う所見なし。傍大動脈リンパ節の腫大なし。",
                ),
                impression=("膵体部癌疑い（切除可能境界の可能性）",),
                advice=(
                    "EUS-FNAによる組織診断を推奨します。",
                    "消化器外科・消化器内科での治療方針の検討をお願いします。",
                ),
            ),
            Scenario(
                clinical=("S状結腸癌術後（{int:1-4}年）、定期フォロー", "CEA {dec:3.0-25.0}ng/mL"),
                findings=(
                    "吻合部に再発を示唆する壁肥厚は認めない。",
                    "肝S{pick:2|3|6|7}に{int:8-20}mmの辺縁優位に造影される低吸収結節が新たに出現しており、転移を疑う。",
                    "両肺に{int:3-6}mm大の小結節が{int:2-4}個散見されるが、大きさに変化はない。腹水なし。",
                ),
                impression=("肝転移疑い（新出）", "肺小結節（経過観察）"),
                advice=("EOB-MRIでの精査を推奨します。",),
            ),
        ),
    ),
    Exam(
        key="ct_head",
        modality="CT",
        title="頭部単純CT",
        weight=3,
        departments=("脳神経外科", "脳神経内科", "救急科"),
        devices=CT_DEVICES,
        technique=("スライス厚：5mm（{pick:0.5|1}mm薄層再構成あり）", "造影剤：なし"),
        scenarios=(
            Scenario(
                clinical=("突然の{other}片麻痺、構音障害", "来院時血圧 {int:170-220}/{int:90-120}mmHg"),
                findings=(
                    "{side}被殻に{int:20-45}×{int:15-35}mmの高吸収域を認め、急性期脳内出血に合致する。推定血腫量は約{int:8-30}mL。",
                    "周囲に低吸収の浮腫を伴い、{side}側脳室の軽度圧排を認める。正中構造の偏位は{int:2-6}mm。脳室内穿破なし。",
                    "その他、明らかな頭蓋内出血や骨折は認めない。",
                ),
                impression=("{side}被殻出血（急性期）",),
                advice=(
                    "厳格な血圧管理と脳神経外科へのコンサルトを推奨します。",
                    "{pick:6|12|24}時間後に再検し血腫増大の有無を確認してください。",
                ),
            ),
            Scenario(
                clinical=("{int:1-3}か月前に転倒歴、歩行障害と物忘れ",),
                findings=(
                    "{side}前頭頭頂部に三日月状の混合吸収域を認め、慢性硬膜下血腫に合致する。最大厚{int:12-28}mm。",
                    "正中構造は{other}方へ{int:4-10}mm偏位している。脳溝は{side}で狭小化している。",
                    "{other}側に明らかな血腫は認めない。頭蓋骨骨折なし。",
                ),
                impression=("{side}慢性硬膜下血腫（mass effectあり）",),
                advice=("脳神経外科にて穿頭ドレナージ術の適応をご検討ください。",),
                age_range=(65, 92),
            ),
            Scenario(
                clinical=("発症{int:1-3}時間の{other}上下肢麻痺、失語", "NIHSS {int:8-20}点"),
                findings=(
                    "{side}中大脳動脈領域に淡い低吸収域と皮髄境界の不明瞭化を認める（ASPECTS {int:6-9}点）。",
                    "{side}中大脳動脈水平部にhyperdense MCA signを認める。出血性変化は認めない。",
                ),
                impression=("{side}中大脳動脈領域の超急性期脳梗塞疑い",),
                advice=("MRI（DWI）およびMRAで確認し、血栓回収療法の適応を速やかに判断してください。",),
            ),
        ),
    ),
    Exam(
        key="ct_acute_abdomen",
        modality="CT",
        title="腹部骨盤造影CT",
        weight=2,
        departments=("救急科", "消化器外科", "泌尿器科", "総合診療科"),
        devices=CT_DEVICES,
        technique=(CT_CONTRAST, "撮影相：門脈相", "スライス厚：{pick:2|3|5}mm（冠状断再構成あり）"),
        scenarios=(
            Scenario(
                clinical=("右下腹部痛、発熱（{dec:37.5-38.9}℃）", "WBC {int:11000-18000}/μL"),
                findings=(
                    "虫垂は腫大し、最大短径{int:9-15}mm。壁肥厚と周囲脂肪織の濃度上昇を認める。虫垂根部に{int:4-9}mm大の糞石を認める。",
                    "膿瘍形成や遊離ガスは認めない。少量の腹水をダグラス窩に認める。",
                ),
                impression=("急性虫垂炎（糞石あり、穿孔所見なし）",),
                advice=("外科へのコンサルトを推奨します。",),
                age_range=(12, 70),
            ),
            Scenario(
                clinical=("{side}側腹部痛、血尿",),
                findings=(
                    "{side}尿管下部（膀胱尿管移行部近傍）に{int:3-8}mm大の結石を認める。",
                    "{side}水腎症（{pick:軽度|中等度}）と{side}腎周囲脂肪織の濃度上昇を伴う。{other}腎に異常なし。",
                ),
                impression=("{side}尿管結石", "{side}水腎症"),
                advice=("泌尿器科で自然排石の可否を評価してください。",),
            ),
            Scenario(
                clinical=("左下腹部痛、発熱",),
                findings=(
                    "S状結腸に多発憩室を認め、その一部の周囲に脂肪織濃度上昇と壁肥厚を認める。",
                    "腸管外ガスや膿瘍は認めない。上流腸管の拡張なし。",
                ),
                impression=("S状結腸憩室炎（合併症なし）",),
                advice=(
                    "保存的治療で改善しない場合はCTでの再評価をお勧めします。",
                    "炎症消退後に大腸内視鏡検査を推奨します。",
                ),
            ),
        ),
    ),
    Exam(
        key="ct_pulmonary_angio",
        modality="CT",
        title="胸部造影CT（肺動脈相）",
        weight=1,
        departments=("循環器内科", "救急科", "呼吸器内科"),
        devices=CT_DEVICES,
        technique=(CT_CONTRAST, "撮影相：肺動脈相・静脈相（下肢まで）"),
        scenarios=(
            Scenario(
                clinical=("術後{int:3-10}日目の突然の呼吸困難", "D-dimer {dec:5.0-40.0}μg/mL、SpO2 {int:86-93}%"),
                findings=(
                    "両側肺動脈下葉枝および{side}中葉枝に造影欠損を認め、急性肺血栓塞栓症に合致する。",
                    "右室/左室径比は{dec:0.9-1.4}で、心室中隔の平坦化を{pick:認める|認めない}。",
                    "{side}膝窩静脈に血栓を認める。",
                ),
                impression=("急性肺血栓塞栓症（両側）", "{side}下肢深部静脈血栓症"),
                advice=("抗凝固療法の速やかな開始を推奨します。",),
            ),
        ),
    ),
)
