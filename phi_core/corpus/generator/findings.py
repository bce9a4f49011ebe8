"""Examinations by modality: technique lines, findings, impressions, advice.

Each :class:`Exam` is one kind of study (chest CT, brain MRI, ...) with a few
clinical :class:`Scenario` s. Texts carry placeholders filled by
:func:`phi_core.corpus.generator.fill.fill`, so two reports of the same
scenario differ in sizes, segments and sides. Nothing here is PHI: PHI is
written by the layouts and by the hidden-PHI sentences.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    clinical: tuple[str, ...]
    findings: tuple[str, ...]
    impression: tuple[str, ...]
    advice: tuple[str, ...]
    age_range: tuple[int, int] | None = None  # overrides the exam's range


@dataclass(frozen=True)
class Exam:
    key: str
    modality: str
    title: str
    departments: tuple[str, ...]
    devices: tuple[str, ...]
    technique: tuple[str, ...]
    scenarios: tuple[Scenario, ...]
    age_range: tuple[int, int] = (25, 92)
    sex: str | None = None  # "M" / "F" when the exam is for one sex only
    weight: int = 1


MODALITY_WEIGHTS: dict[str, int] = {"CT": 45, "MRI": 27, "US": 15, "XR": 13}

CT_DEVICES = (
    "Canon Aquilion ONE PRISM Edition",
    "Siemens SOMATOM Force",
    "GE Revolution CT",
    "Philips Spectral CT 7500",
    "Fujifilm SCENARIA View",
    "Siemens SOMATOM go.Top",
)
MRI_DEVICES = (
    "Siemens MAGNETOM Vida 3T",
    "GE SIGNA Architect 3.0T",
    "Philips Ingenia Elition 3.0T",
    "Canon Vantage Galan 3T",
    "Siemens MAGNETOM Sola 1.5T",
    "GE SIGNA Explorer 1.5T",
)
US_DEVICES = ("Canon Aplio i800", "GE LOGIQ E10", "Fujifilm ARIETTA 850", "Philips EPIQ Elite", "Samsung RS85")
XR_DEVICES = (
    "Canon CXDI-710C Wireless",
    "Fujifilm CALNEO Smart",
    "Konica Minolta AeroDR fine",
    "Shimadzu RADspeed Pro",
)

CT_CONTRAST = "造影剤：{pick:オムニパーク350|イオパミロン370|イオメロン350|ビジパーク320} {int:70-100}mL（注入速度 {dec:2.5-4.0}mL/sec）"
MRI_CONTRAST = "造影剤：{pick:ガドビスト|プロハンス|マグネスコープ|クラリスキャン} {int:5-15}mL（0.1mmol/kg）"

EXAMS: tuple[Exam, ...] = (
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
    Exam(
        key="mri_brain",
        modality="MRI",
        title="頭部MRI",
        weight=3,
        departments=("脳神経内科", "脳神経外科", "総合診療科"),
        devices=MRI_DEVICES,
        technique=("シーケンス：T1WI、T2WI、FLAIR、DWI（b=1000）、T2*WI、3D-TOF MRA", "造影剤：なし"),
        scenarios=(
            Scenario(
                clinical=("起床時からの{other}上下肢脱力",),
                findings=(
                    "DWIで{side}放線冠に{int:10-25}mm大の高信号域を認め、ADC値は低下している。急性期脳梗塞に合致する。",
                    "FLAIRでは同部は淡い高信号を示す。T2*WIで出血性変化は認めない。",
                    "MRAで{side}中大脳動脈M1遠位に{pick:軽度|中等度|高度}狭窄を認める。両側大脳白質に慢性虚血性変化（Fazekas grade {int:1-2}）を認める。",
                ),
                impression=("{side}放線冠の急性期脳梗塞", "{side}中大脳動脈狭窄"),
                advice=("抗血栓療法の検討と頸動脈超音波検査を推奨します。",),
            ),
            Scenario(
                clinical=("頭痛、{pick:めまい|けいれん発作|視野障害}",),
                findings=(
                    "{side}円蓋部に{int:18-40}mm大の硬膜に広基性に接する腫瘤を認める。T2WIで灰白質と等信号を示し、造影で均一に増強され、dural tail signを伴う。",
                    "周囲脳実質に軽度の浮腫を認める。正中偏位なし。",
                    "その他の頭蓋内に異常信号域なし。",
                ),
                impression=("{side}円蓋部髄膜腫を疑う",),
                advice=("脳神経外科での治療方針の検討、または{pick:6|12}か月後の経過観察MRIを推奨します。",),
            ),
            Scenario(
                clinical=("物忘れの精査",),
                findings=(
                    "両側海馬の萎縮を{pick:軽度|中等度}に認める（VSRAD Z-score {dec:1.5-3.2}）。",
                    "両側大脳白質にFLAIR高信号の小斑状病変が散在し、慢性虚血性変化と考える。明らかな急性期梗塞巣なし。",
                    "MRAで主幹動脈に有意狭窄なし。",
                ),
                impression=("両側海馬萎縮：アルツハイマー型認知症に矛盾しない", "慢性虚血性変化"),
                advice=("神経心理検査の結果と併せて評価してください。",),
                age_range=(62, 92),
            ),
        ),
    ),
    Exam(
        key="mri_lumbar",
        modality="MRI",
        title="腰椎MRI",
        weight=2,
        departments=("整形外科", "脳神経外科", "リハビリテーション科"),
        devices=MRI_DEVICES,
        technique=("シーケンス：矢状断T1WI・T2WI・STIR、横断T2WI", "造影剤：なし"),
        scenarios=(
            Scenario(
                clinical=("{side}下肢痛、しびれ（{int:2-8}週間）",),
                findings=(
                    "L4/5椎間板が{side}後側方へ突出し、{side}L5神経根を圧排している。",
                    "L3/4に軽度の椎間板膨隆を認めるが、硬膜嚢の圧排は軽度。L5/S1椎間板の変性（T2低信号化）を認める。",
                    "終板にModic type {int:1-2}変化を認める。脊髄円錐に異常なし。",
                ),
                impression=("L4/5椎間板ヘルニア（{side}傍正中型）",),
                advice=("神経症状の推移に応じて保存療法または手術適応を検討してください。",),
                age_range=(20, 70),
            ),
            Scenario(
                clinical=("尻もち後の腰痛",),
                findings=(
                    "L{int:1-3}椎体に楔状変形（椎体高{int:25-50}%減高）を認め、STIRで高信号を示す。新鮮圧迫骨折と考える。",
                    "椎体後壁の突出は軽度で、脊柱管狭窄は認めない。Th12椎体に陳旧性圧迫骨折を認める。",
                ),
                impression=("腰椎新鮮圧迫骨折（骨粗鬆症性を疑う）", "Th12陳旧性圧迫骨折"),
                advice=("骨密度検査と骨粗鬆症治療の検討を推奨します。",),
                age_range=(65, 92),
            ),
        ),
    ),
    Exam(
        key="mri_knee",
        modality="MRI",
        title="膝関節MRI",
        weight=1,
        departments=("整形外科", "スポーツ整形外科"),
        devices=MRI_DEVICES,
        technique=("シーケンス：PD強調像（矢状断・冠状断）、T2*WI、STIR", "撮像部位：{side}膝"),
        scenarios=(
            Scenario(
                clinical=("{side}膝痛、引っかかり感",),
                findings=(
                    "内側半月板後角に関節面に達する線状の高信号をPD強調像で認め、水平断裂を疑う。",
                    "前十字靱帯、後十字靱帯は連続性が保たれている。関節液貯留を{pick:少量|中等量}認める。",
                ),
                impression=("{side}膝内側半月板後角断裂",),
                advice=("整形外科で関節鏡の適応をご検討ください。",),
            ),
            Scenario(
                clinical=("スポーツ中の{side}膝捻挫",),
                findings=(
                    "前十字靱帯は大腿骨付着部近傍で連続性が途絶しており、完全断裂を疑う。",
                    "大腿骨外側顆と脛骨後外側に骨挫傷を認める。内側側副靱帯は腫大し、部分損傷を疑う。",
                ),
                impression=("{side}膝前十字靱帯完全断裂", "内側側副靱帯部分損傷"),
                advice=("靱帯再建術の適応評価をお勧めします。",),
                age_range=(15, 45),
            ),
        ),
    ),
    Exam(
        key="mri_prostate",
        modality="MRI",
        title="前立腺MRI",
        weight=1,
        sex="M",
        age_range=(52, 86),
        departments=("泌尿器科",),
        devices=MRI_DEVICES,
        technique=("シーケンス：T2WI（3方向）、DWI（b=0, 1000, 2000）、ADC map、DCE", MRI_CONTRAST),
        scenarios=(
            Scenario(
                clinical=("PSA高値（{dec:5.0-15.0}ng/mL）",),
                findings=(
                    "辺縁域{side}側中部に{int:8-18}mm大のT2低信号域を認め、DWIで著明な高信号、ADC値低下（{dec:0.6-0.9}×10^-3mm²/s）を示す。",
                    "早期濃染を伴う。被膜外進展を示唆する所見はなく、精嚢浸潤なし。骨盤内リンパ節腫大なし。",
                ),
                impression=("前立腺癌疑い（PI-RADS {int:4-5}）",),
                advice=("MRI-TRUS融合生検を推奨します。",),
            ),
        ),
    ),
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

EXAMS_BY_MODALITY: dict[str, tuple[Exam, ...]] = {
    modality: tuple(exam for exam in EXAMS if exam.modality == modality) for modality in MODALITY_WEIGHTS
}

# Words a previous-exam comparison uses for each modality.
PREVIOUS_EXAM_WORDS: dict[str, str] = {"CT": "CT", "MRI": "MRI", "US": "超音波検査", "XR": "単純X線写真"}
