"""Report scores and the analysis tables written beside them.

Read side of the analysis pages (phi_core/analysis): aggregation happens
here in SQL so that pages over tens of thousands of scored reports stay fast.
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from phi_core.store.base import ANALYSIS_TABLES, SCORE_DIMENSION_COLUMNS, StoreBase


class ScoreTables(StoreBase):
    def replace_scores(
        self, run_id: str, rows: Sequence[dict], analysis: dict[str, pd.DataFrame] | None = None
    ) -> None:
        """Replace a run's report scores and, in the same transaction, its analysis rows.

        ``analysis`` maps analysis tables (ANALYSIS_TABLES) to frames without
        the run_id column; the run's old rows go from every analysis table.
        """
        frame = pd.DataFrame(rows)
        unknown = set(analysis or {}) - set(ANALYSIS_TABLES)
        if unknown:
            raise ValueError(f"not analysis tables: {sorted(unknown)}; use one of {', '.join(ANALYSIS_TABLES)}")
        with self.transaction():
            for table in ("report_scores",) + ANALYSIS_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE run_id = ?", [run_id])
            if not frame.empty:
                frame.insert(0, "run_id", run_id)
                self._insert_frame("report_scores", frame)
            for table, part in (analysis or {}).items():
                if not part.empty:
                    part = part.copy()
                    part.insert(0, "run_id", run_id)
                    self._insert_frame(table, part)

    def report_scores(self, run_ids: Sequence[str]) -> pd.DataFrame:
        return self._df(
            "SELECT * FROM report_scores WHERE run_id IN (SELECT unnest(?)) ORDER BY run_id, report_id", [list(run_ids)]
        )

    def scored_run_ids(self) -> list[str]:
        return [row[0] for row in self._rows("SELECT DISTINCT run_id FROM report_scores")]

    def bulk_load(self, frames: dict[str, pd.DataFrame]) -> None:
        """Insert ready-made rows (generated benchmarks and test fixtures) in one transaction."""
        allowed = {"runs", "run_results", "predicted_items", "predicted_spans", "report_scores", *ANALYSIS_TABLES}
        unknown = set(frames) - allowed
        if unknown:
            raise ValueError(f"bulk_load cannot write {sorted(unknown)}; it writes {', '.join(sorted(allowed))}")
        with self.transaction():
            for table, frame in frames.items():
                self._insert_frame(table, frame)

    def latest_scored_runs(self, dataset: str, split: str | None = None) -> pd.DataFrame:
        """Newest scored run per (backend, model, phase): the runs a leaderboard shows."""
        return self._df(
            f"SELECT run_id, dataset, split, backend, model, phase, repeats, created_at FROM ({_LATEST_SCORED_RUNS}) "
            "ORDER BY backend, model, phase",
            [dataset, split],
        )

    def run_identities(self, run_ids: Sequence[str]) -> pd.DataFrame:
        return self._df(
            "SELECT run_id, dataset, split, backend, model, phase, repeats FROM runs "
            "WHERE run_id IN (SELECT unnest(?))",
            [list(run_ids)],
        )

    def run_score_summary(self, run_ids: Sequence[str]) -> pd.DataFrame:
        """Per run: report count, mean score and points, seconds, and pooled counters."""
        dims = ", ".join(f"avg({d}) AS {d}" for d in SCORE_DIMENSION_COLUMNS)
        return self._df(
            f"""
            WITH wanted AS (SELECT unnest(?) AS run_id),
            s AS (
                SELECT run_id, count(*) AS n_reports, avg(score) AS score, {dims},
                       avg(seconds) AS sec_per_report, count(*) FILTER (WHERE rescaled) AS rescaled_reports
                FROM report_scores WHERE run_id IN (SELECT run_id FROM wanted) GROUP BY run_id
            ),
            c AS (
                SELECT run_id, sum(strict_tp) AS strict_tp, sum(strict_fp) AS strict_fp,
                       sum(strict_fn) AS strict_fn, sum(relaxed_tp) AS relaxed_tp,
                       sum(relaxed_fp) AS relaxed_fp, sum(relaxed_fn) AS relaxed_fn
                FROM score_categories WHERE run_id IN (SELECT run_id FROM wanted) GROUP BY run_id
            ),
            k AS (
                SELECT run_id, sum(gold_chars) AS gold_chars, sum(leaked_chars) AS leaked_chars
                FROM score_counts WHERE run_id IN (SELECT run_id FROM wanted) GROUP BY run_id
            )
            SELECT s.*, c.* EXCLUDE (run_id), k.* EXCLUDE (run_id)
            FROM s LEFT JOIN c USING (run_id) LEFT JOIN k USING (run_id)
            ORDER BY run_id
            """,
            [list(run_ids)],
        )

    def run_report_scores(self, run_ids: Sequence[str]) -> pd.DataFrame:
        """run_id, report_id, score, seconds: the numbers bootstraps resample."""
        return self._df(
            "SELECT run_id, report_id, score, seconds FROM report_scores "
            "WHERE run_id IN (SELECT unnest(?)) ORDER BY run_id, report_id",
            [list(run_ids)],
        )

    def category_totals(self, run_ids: Sequence[str]) -> pd.DataFrame:
        return self._df(
            """
            SELECT run_id, category, sum(support) AS support,
                   sum(strict_tp) AS strict_tp, sum(strict_fp) AS strict_fp, sum(strict_fn) AS strict_fn,
                   sum(relaxed_tp) AS relaxed_tp, sum(relaxed_fp) AS relaxed_fp, sum(relaxed_fn) AS relaxed_fn
            FROM score_categories WHERE run_id IN (SELECT unnest(?))
            GROUP BY run_id, category ORDER BY run_id, category
            """,
            [list(run_ids)],
        )

    def error_type_totals(self, run_ids: Sequence[str], types: Sequence[str]) -> pd.DataFrame:
        """Every (run, type) pair, zero when the run made no such error."""
        return self._df(
            """
            WITH wanted AS (SELECT DISTINCT unnest(?) AS run_id),
            kinds AS (SELECT unnest(?) AS type, generate_subscripts(?, 1) AS ordinal),
            counted AS (
                SELECT run_id, type, count(*) AS n FROM score_errors
                WHERE run_id IN (SELECT run_id FROM wanted) GROUP BY run_id, type
            )
            SELECT w.run_id, k.type, coalesce(c.n, 0) AS count
            FROM wanted w CROSS JOIN kinds k LEFT JOIN counted c ON c.run_id = w.run_id AND c.type = k.type
            ORDER BY w.run_id, k.ordinal
            """,
            [list(run_ids), list(types), list(types)],
        )

    def pair_totals(self, run_ids: Sequence[str]) -> pd.DataFrame:
        return self._df(
            """
            SELECT gold_category, pred_category AS predicted_category, sum(n) AS count
            FROM score_pairs WHERE run_id IN (SELECT unnest(?))
            GROUP BY ALL ORDER BY gold_category, count DESC, predicted_category
            """,
            [list(run_ids)],
        )

    def script_totals(self, run_ids: Sequence[str]) -> pd.DataFrame:
        return self._df(
            """
            SELECT run_id, script, sum(found) AS found, sum(total) AS total,
                   sum(found) / nullif(sum(total), 0) AS recall
            FROM score_scripts WHERE run_id IN (SELECT unnest(?))
            GROUP BY run_id, script ORDER BY run_id, script
            """,
            [list(run_ids)],
        )

    def error_rows(
        self,
        run_id: str,
        *,
        error_type: str | None = None,
        category: str | None = None,
        limit: int = 50,
        style: str | None = None,
        value_format: str | None = None,
    ) -> pd.DataFrame:
        """Errors of one run with the text of their report, in report order.

        ``style`` keeps errors in reports of that document style; ``value_format``
        keeps gold-side errors (missed, boundary, wrong category) at gold spans
        written in that format.
        """
        clauses, params = ["e.run_id = ?"], [run_id]
        if error_type:
            clauses.append("e.type = ?")
            params.append(error_type)
        if category:
            clauses.append("(e.category = ? OR e.pred_label = ?)")
            params.extend([category, category])
        if style:
            clauses.append("r.style = ?")
            params.append(style)
        if value_format:
            clauses.append(
                "EXISTS (SELECT 1 FROM gold_spans g WHERE g.dataset = u.dataset AND g.report_id = e.report_id "
                "AND g.start_pos = e.gold_start AND g.end_pos = e.gold_end AND g.format = ?)"
            )
            params.append(value_format)
        params.append(int(limit))
        return self._df(
            f"""
            SELECT e.report_id, e.type, e.category, e.gold_text, e.pred_label, e.pred_value,
                   e.start_pos AS start, e.end_pos AS "end", e.gold_start, e.gold_end, e.pred_start, e.pred_end,
                   r.text AS report_text
            FROM score_errors e
            JOIN runs u ON u.run_id = e.run_id
            LEFT JOIN reports r ON r.dataset = u.dataset AND r.report_id = e.report_id
            WHERE {" AND ".join(clauses)}
            ORDER BY r.ordinal NULLS LAST, e.report_id, e.start_pos NULLS LAST, e.type
            LIMIT ?
            """,
            params,
        )

    def style_totals(self, run_ids: Sequence[str]) -> pd.DataFrame:
        """Per (run, document style): reports and the pooled counters of score_counts."""
        return self._df(
            """
            SELECT c.run_id, r.style, count(*) AS reports, sum(c.gold) AS gold, sum(c.gold_found) AS gold_found,
                   sum(c.pred_items) AS pred_items, sum(c.pred_items_correct) AS pred_items_correct,
                   sum(c.gold_chars) AS gold_chars, sum(c.leaked_chars) AS leaked_chars
            FROM score_counts c
            JOIN runs u ON u.run_id = c.run_id
            JOIN reports r ON r.dataset = u.dataset AND r.report_id = c.report_id
            WHERE c.run_id IN (SELECT unnest(?)) AND r.style IS NOT NULL
            GROUP BY c.run_id, r.style ORDER BY c.run_id, r.style
            """,
            [list(run_ids)],
        )

    def format_totals(self, run_ids: Sequence[str]) -> pd.DataFrame:
        """Per (run, value format): pooled score_formats counters over all categories."""
        return self._df(
            """
            SELECT run_id, format, sum(support) AS support, sum(found) AS found,
                   sum(gold_chars) AS gold_chars, sum(leaked_chars) AS leaked_chars,
                   sum(pred_chars) AS pred_chars, sum(pred_chars_inside) AS pred_chars_inside
            FROM score_formats WHERE run_id IN (SELECT unnest(?))
            GROUP BY run_id, format ORDER BY run_id, format
            """,
            [list(run_ids)],
        )

    def gold_span_outcomes(self, run_a: str, run_b: str) -> pd.DataFrame:
        """Each current gold span of the reports both runs scored, found (not missed) by a and b.

        Found means "no missed error at this span", so it follows the gold as it
        was when the runs were scored; re-score both after editing the gold.
        """
        return self._df(
            """
            WITH a AS (SELECT report_id FROM report_scores WHERE run_id = ?),
            b AS (SELECT report_id FROM report_scores WHERE run_id = ?),
            both_scored AS (SELECT report_id FROM a INTERSECT SELECT report_id FROM b),
            missed AS (
                SELECT run_id, report_id, start_pos, end_pos FROM score_errors
                WHERE type = 'missed' AND run_id IN (?, ?)
            )
            SELECT g.report_id, g.category, g.span_text AS gold_text, g.start_pos AS start, g.end_pos AS "end",
                   NOT EXISTS (SELECT 1 FROM missed m WHERE m.run_id = ? AND m.report_id = g.report_id
                               AND m.start_pos = g.start_pos AND m.end_pos = g.end_pos) AS found_a,
                   NOT EXISTS (SELECT 1 FROM missed m WHERE m.run_id = ? AND m.report_id = g.report_id
                               AND m.start_pos = g.start_pos AND m.end_pos = g.end_pos) AS found_b
            FROM gold_spans g
            WHERE g.dataset = (SELECT dataset FROM runs WHERE run_id = ?)
              AND g.report_id IN (SELECT report_id FROM both_scored)
            ORDER BY g.report_id, g.start_pos, g.end_pos
            """,
            [run_a, run_b, run_a, run_b, run_a, run_b, run_a],
        )

    def phase_report_scores(
        self, dataset: str, split: str | None = None, *, phases: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """backend, model, phase, run_id, report_id, score, seconds of each latest scored run
        (of the given phases only, when phases are given)."""
        wanted = "" if phases is None else "WHERE l.phase IN (SELECT unnest(?))"
        return self._df(
            f"""
            WITH latest AS ({_LATEST_SCORED_RUNS})
            SELECT l.backend, l.model, l.phase, s.run_id, s.report_id, s.score, s.seconds
            FROM latest l JOIN report_scores s USING (run_id)
            {wanted}
            ORDER BY l.backend, l.model, l.phase, s.report_id
            """,
            [dataset, split] + ([] if phases is None else [[str(p) for p in phases]]),
        )


# Newest scored run of each (backend, model, phase) of a dataset and split
# (parameters: dataset, split); ties in created_at go to the later insert.
_LATEST_SCORED_RUNS = """
    SELECT * EXCLUDE (newest) FROM (
        SELECT r.*, row_number() OVER (
            PARTITION BY backend, model, phase ORDER BY created_at DESC, r.rowid DESC) AS newest
        FROM runs r
        WHERE dataset = ? AND split IS NOT DISTINCT FROM ?
          AND EXISTS (SELECT 1 FROM report_scores s WHERE s.run_id = r.run_id)
    ) WHERE newest = 1
"""
