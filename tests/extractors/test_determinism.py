"""The same text gives the same spans and categories in every process, whatever its hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[2]
_PROGRAM = """
import json, sys
from phi_core.extractors import profiles_recall_first as rf, rules
texts = json.load(sys.stdin)
out = [[(s.start, s.end, s.category) for s in rules.extract_spans(t)] + [(c.start, c.end, c.category) for c in rf.run_profile(t)]
       for t in texts]
print(json.dumps(out))
"""


def _texts() -> list[str]:
    # A scanned ledger whose room numbers two passes propose with different categories, and a table of rows.
    path = _ROOT / "data" / "corpus" / "blind-dev81.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [r["text"] for r in records if r["id"] in ("bd81-048", "bd81-001", "bd81-020")]


@pytest.mark.parametrize("seeds", [("1", "2")])
def test_spans_do_not_depend_on_the_hash_seed(seeds):
    texts = _texts()
    assert texts
    runs = []
    for seed in seeds:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(_ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", _PROGRAM],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        runs.append(json.loads(done.stdout))
    assert runs[0] == runs[1]
