"""A newcomer's first start: `init` leaves a scored rules run that every page can show."""

from __future__ import annotations

import json

from phi_core.analysis import leaderboard_frame
from phi_core.analysis.errors import error_examples
from phi_core.cli.main import main
from phi_core.paths import BUILTIN_DATASET
from phi_core.first_start import initialise
from phi_core.store import Store


def test_init_adds_one_rules_run_over_all_splits_and_times_it(tmp_path, capsys):
    db = tmp_path / "phi.duckdb"
    assert main(["init", "--db", str(db)]) == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["rules_run"]["status"] == "done" and summary["rules_run"]["reports"] == 160
    assert summary["seconds"] >= summary["rules_run"]["seconds"] > 0
    assert "rules run on the built-in corpus: 160 reports in" in captured.err
    with Store(db) as store:
        frame = leaderboard_frame(store, BUILTIN_DATASET, None, n_boot=0)  # the sidebar's default: all splits
        assert list(frame["backend"]) == ["rules"] and frame.iloc[0]["n_reports"] == 160
        assert not error_examples(store, frame.iloc[0]["run_id"], limit=5).empty
        again = initialise(store, seed=True, rules_run=True)
    assert again["rules_run"] is None and again["reports_added"] == 0


def test_no_seed_means_no_run(tmp_path, capsys):
    db = tmp_path / "empty.duckdb"
    assert main(["init", "--no-seed", "--db", str(db)]) == 0
    assert "rules_run" not in json.loads(capsys.readouterr().out)
