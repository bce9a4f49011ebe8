"""`threshold` on a temporary database filled through the store's bulk insert."""

import json
from datetime import datetime, timedelta

import pandas as pd
import pytest

from phi_core.cli.main import main
from phi_core.models import Report
from phi_core.paths import REFERENCE_FILE
from phi_core.store import Store

# model -> (mean score in phase 3, gain from phase 3 to 4): a jump between 84 and 88
MODELS = {"a": (80, 7), "b": (82, 6), "c": (84, 8), "d": (88, 0), "e": (90, 1), "f": (92, -1)}


def build(path, models) -> str:
    with Store(path) as store:
        store.add_reports("d", [Report(id=f"r{i}", text="所見なし", split="dev", status="approved") for i in range(3)])
        store.load_reference(REFERENCE_FILE)
        start = datetime(2026, 1, 1)
        runs, scores = [], []
        for i, (model, (before, gain)) in enumerate(models.items()):
            for phase, shift, seconds in (("3", 0, 10.0), ("4", gain, 22.0)):
                run_id = f"{model}-{phase}"
                runs.append(
                    {
                        "run_id": run_id,
                        "job_key": run_id,
                        "dataset": "d",
                        "split": None,
                        "backend": "ollama",
                        "model": model,
                        "phase": phase,
                        "repeats": 1,
                        "status": "done",
                        "tasks_total": 3,
                        "created_at": start + timedelta(minutes=i),
                    }
                )
                scores += [
                    {"run_id": run_id, "report_id": f"r{k}", "score": before + k - 1 + shift, "seconds": seconds}
                    for k in range(3)
                ]
        store.bulk_load({"runs": pd.DataFrame(runs), "report_scores": pd.DataFrame(scores)})
    return str(path)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("cli") / "t.duckdb", MODELS)


def test_json_output(capsys, db):
    code = main(
        ["threshold", "--dataset", "d", "--from-phase", "3", "--to-phase", "4", "--n-boot", "200", "--json", "--db", db]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["estimate"]["threshold"] == pytest.approx(86.0) and out["estimate"]["ok"]
    point = next(p for p in out["points"] if p["model"] == "a")
    assert point["before_mean"] == pytest.approx(80) and point["gain_mean"] == pytest.approx(7)
    assert point["seconds_added"] == pytest.approx(12.0)
    assert "skip Self-Refine" in out["advice"]["f"]
    assert out["reported_band"] == [87.0, 88.0] and len(out["reported_points"]) == 2


def test_text_output_with_the_segmented_method(capsys, db):
    code = main(["threshold", "--dataset", "d", "--method", "segmented", "--n-boot", "100", "--db", db])
    text = capsys.readouterr().out
    assert code == 0
    assert "method segmented" in text and "Threshold:" in text and "Advice:" in text
    assert "a: before 80.0" in text and "gain +7.0" in text
    assert "Mistral-Small-3.2 84.6 -> +6.9" in text and "about 87-88" in text


def test_too_few_models_is_an_answer_not_an_error(capsys, tmp_path):
    path = build(tmp_path / "few.duckdb", {"a": (80, 7), "d": (88, 0)})
    code = main(["threshold", "--dataset", "d", "--n-boot", "50", "--db", path])
    text = capsys.readouterr().out
    assert code == 0
    assert "only 2 models have both phases; at least 5 are needed" in text


def test_user_mistakes(capsys, db):
    assert main(["threshold", "--dataset", "nope", "--db", db]) == 2
    assert "no dataset called 'nope'" in capsys.readouterr().err
    assert main(["threshold", "--dataset", "d", "--from-phase", "4", "--to-phase", "4", "--db", db]) == 2
    assert "two different phases" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["threshold", "--dataset", "d", "--method", "hinge", "--db", db])


def test_threshold_methods_of_the_parser_are_the_statistics_models():
    from phi_core.cli.analysis_commands import THRESHOLD_METHODS
    from phi_core.stats import BREAKPOINT_MODELS

    assert THRESHOLD_METHODS == tuple(sorted(BREAKPOINT_MODELS))


def test_building_the_parser_imports_no_scipy():
    import subprocess
    import sys

    code = "import sys; from phi_core.cli.main import build_parser; build_parser(); print('scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
