"""Labels of identifiers: the words before a patient ID, an accession, a specimen or a serial number.

Identifiers have their own labels, often without a colon ("カルテNo.KS1964...",
"患者IDがCT-..."); label_words.py turns them into label rules.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.japanese.width import to_half_width_kana

# Identifiers have their own labels, often without a colon ("カルテNo.KS1964...",
# "患者IDがCT-..."). A bare "ID" needs a real separator so that "IDH1" stays a gene.
# A value may be digit groups set apart by single spaces (ID 71 20 5533, MRN 88 120 431, TR 4471029).
_ID_VALUE = (
    r"(?P<value>(?=(?:[A-Z]{1,3} )?(?:[0-9０-９] ?){6})(?:[A-Z]{1,3} )?[0-9０-９]{1,4}(?: [0-9０-９]{1,4}){1,9}(?![0-9０-９A-Za-z])"
    r"|[A-Z]{1,3} [0-9０-９]{5,10}(?![0-9０-９A-Za-z])"
    # a facility's insurance code as the forms print it: point code, facility, check digit (12,3456,7)
    r"|[0-9０-９]{2}[,.，．][0-9０-９]{4}[,.，．][0-9０-９](?![0-9０-９])"
    r"|[A-Za-z0-9Ａ-Ｚ０-９][A-Za-z0-9Ａ-Ｚ０-９\-_/－]*[A-Za-z0-9Ａ-Ｚ０-９]|[0-9０-９])"
)
_ID_LABELS: dict[str, str] = {
    # the facility's insurance code names the facility as its name does
    "医療機関コード": "HOSPITAL_NAME",
    "医療機関番号": "HOSPITAL_NAME",
    "患者ID": "PATIENT_ID",
    "患者番号": "PATIENT_ID",
    "カルテ番号": "PATIENT_ID",
    "カルテNo.": "PATIENT_ID",
    "カルテNo": "PATIENT_ID",
    "カルテID": "PATIENT_ID",
    "診察券番号": "PATIENT_ID",
    "検査番号": "OTHER_ID",
    "検査ID": "OTHER_ID",
    "受付番号": "OTHER_ID",
    "オーダー番号": "OTHER_ID",
    "参照番号": "OTHER_ID",
    "参照ID": "OTHER_ID",
    "依頼番号": "OTHER_ID",
    "シリアル番号": "OTHER_ID",
    "シリアル": "OTHER_ID",
    "装置シリアル": "OTHER_ID",
    "製造番号": "OTHER_ID",
    "機器番号": "OTHER_ID",
    "S/N": "OTHER_ID",
    "Acc.No.": "OTHER_ID",
    "Acc.No": "OTHER_ID",
    "Accession No.": "OTHER_ID",
    "受付No.": "OTHER_ID",
    "検査No.": "OTHER_ID",
    "ID番号": "PATIENT_ID",
    "患者番号ID": "PATIENT_ID",
    "登録番号": "PATIENT_ID",
    "診察券No.": "PATIENT_ID",
    "診察券No": "PATIENT_ID",
    "診察券": "PATIENT_ID",
    "カルテ": "PATIENT_ID",
    "Patient ID": "PATIENT_ID",
    "Patient No.": "PATIENT_ID",
    "MRN": "PATIENT_ID",
    "Chart No.": "PATIENT_ID",
    "Subject ID": "PATIENT_ID",
    "Subject No.": "PATIENT_ID",
    "Participant ID": "PATIENT_ID",
    "Screening No.": "PATIENT_ID",
    "Enrollment No.": "PATIENT_ID",
    "Registry No.": "PATIENT_ID",
    "症例番号": "PATIENT_ID",
    "被験者番号": "PATIENT_ID",
    "被験者識別コード": "PATIENT_ID",
    "登録ID": "PATIENT_ID",
    "登録コード": "PATIENT_ID",
    "Badge No.": "OTHER_ID",
    "保険証番号": "OTHER_ID",
    "被保険者番号": "OTHER_ID",
    "記号番号": "OTHER_ID",
    "chart#": "PATIENT_ID",
    "Chart#": "PATIENT_ID",
    "CHART#": "PATIENT_ID",
    "Hospital No.": "PATIENT_ID",
    "Medical Record No.": "PATIENT_ID",
    "検体番号": "OTHER_ID",
    "標本番号": "OTHER_ID",
    "病理番号": "OTHER_ID",
    "病理組織番号": "OTHER_ID",
    "内視鏡番号": "OTHER_ID",
    "オーダーNo.": "OTHER_ID",
    "オーダーNo": "OTHER_ID",
    "依頼No.": "OTHER_ID",
    "Accession Number": "OTHER_ID",
    "Accession #": "OTHER_ID",
    "Accession": "OTHER_ID",
    "Acc#": "OTHER_ID",
    "Order No.": "OTHER_ID",
    "Order Number": "OTHER_ID",
    "Specimen No.": "OTHER_ID",
    "Specimen": "OTHER_ID",
    "Study ID": "OTHER_ID",
    "No.": "OTHER_ID",
    "NO.": "OTHER_ID",
    "Serial No.": "OTHER_ID",
    "Serial Number": "OTHER_ID",
    "Serial": "OTHER_ID",
    "Visit No.": "OTHER_ID",
}
_ID_LABELS.update(
    {
        "Patient Number": "PATIENT_ID",
        "Chart Number": "PATIENT_ID",
        "Hospital Number": "PATIENT_ID",
        "Medical Record Number": "PATIENT_ID",
        "Record No.": "PATIENT_ID",
        "Case No.": "PATIENT_ID",
        "Case Number": "PATIENT_ID",
        # The patient's card (診察券) in English and as a key: card No.: ADI-55, card_no: 1150-8862.
        "Card No.": "PATIENT_ID",
        "card No.": "PATIENT_ID",
        "Card Number": "PATIENT_ID",
        "card_no": "PATIENT_ID",
        "CARD_NO": "PATIENT_ID",
    }
)
# Labels of several English words are written in lower case in running text too: "patient number 4403-1187".
_ID_LABELS.update({k.lower(): v for k, v in list(_ID_LABELS.items()) if k.isascii() and " " in k})
# Older systems print katakana labels in half width: ｶﾙﾃ 1204, ｶﾙﾃNo.
_ID_LABELS.update({to_half_width_kana(k, space=False): v for k, v in list(_ID_LABELS.items()) if not k.isascii()})
_ID_LABEL_RE = re.compile(
    "(?P<label>"
    + "|".join(re.escape(w) for w in sorted(_ID_LABELS, key=len, reverse=True))
    + ")"
    + r"(?:\"?\s*[:：=|#】]\s*\"?|\s*(?:が|は)?\s*)"
    + _ID_VALUE
)
_BARE_ID_RE = re.compile(r"(?P<label>I(?<![A-Za-z].)D|ＩＤ)(?:\"?\s*[:：=】]\s*\"?|\s+|\s*(?:が|は)\s*)" + _ID_VALUE)


_GENERIC_NUMBER_LABELS = frozenset({"No.", "NO.", "Specimen", "Accession"})
