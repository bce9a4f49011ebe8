"""Small generated archives with three obvious layouts, for the release tests."""

import json
from pathlib import Path

import numpy as np

LAYOUTS = ("hl7", "csv", "prose")


def document(style: str, i: int, rng: np.random.Generator) -> str:
    n = int(rng.integers(1000, 9999))
    if style == "hl7":
        return f"MSH|^~\\&|RIS|HOSP|{n}|\nPID|1||{n}^^^H||YAMADA^TARO||19800101|M\nOBR|1|{i}|CT^胸部\n"
    if style == "csv":
        return f"PatientID,氏名,検査日,所見\n{n},山田 太郎,2024/08/{i % 28 + 1:02d},異常なし\n"
    return f"胸部CT所見\n\n右肺上葉に{n % 30}mm大の結節を認めます。経過観察をお勧めします。\n以上、放射線科 佐藤\n"


def write_archive(path: Path, sizes: dict[str, int], seed: int = 0) -> dict[str, str]:
    """A JSONL archive; returns id -> true layout. Documents of the layouts are interleaved."""
    rng = np.random.default_rng(seed)
    order = [s for s, n in sizes.items() for _ in range(n)]
    rng.shuffle(order)
    truth = {}
    with open(path, "w", encoding="utf-8") as handle:
        for i, style in enumerate(order):
            doc_id = f"d{i:06d}"
            truth[doc_id] = style
            handle.write(json.dumps({"id": doc_id, "text": document(style, i, rng), "dept": style}, ensure_ascii=False))
            handle.write("\n")
    return truth
