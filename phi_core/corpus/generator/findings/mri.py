"""MRI examinations: brain, lumbar spine, knee, prostate."""

from __future__ import annotations

from phi_core.corpus.generator.findings.exam import Exam, Scenario

MRI_DEVICES = (
    "Siemens MAGNETOM Vida 3T",
    "GE SIGNA Architect 3.0T",
    "Philips Ingenia Elition 3.0T",
    "Canon Vantage Galan 3T",
    "Siemens MAGNETOM Sola 1.5T",
    "GE SIGNA Explorer 1.5T",
)

MRI_CONTRAST = "造影剤：{pick:ガドビスト|プロハンス|マグネスコープ|クラリスキャン} {int:5-15}mL（0.1mmol/kg）"

MRI_EXAMS: tuple[Exam, ...] = (
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
)
