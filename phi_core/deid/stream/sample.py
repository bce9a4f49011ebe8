"""Generated archives for tests and benchmarks: the built-in corpus repeated with new ids and patients.

Each copy gets its own document id and patient key, so ids never repeat and
a patient's documents are spread through the archive as in a real export.
Written straight to disk, a line at a time.
"""

from __future__ import annotations

import json
from pathlib import Path

from phi_core.paths import CORPUS_FILE


def corpus_texts() -> list[str]:
    with CORPUS_FILE.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def write_jsonl_archive(path: Path, documents: int, *, patients: int | None = None) -> Path:
    texts = corpus_texts()
    patients = patients or max(1, documents // 4)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(documents):
            record = {"id": f"arc-{n:07d}", "patient": f"P{(n * 7919) % patients:06d}", "text": texts[n % len(texts)]}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
