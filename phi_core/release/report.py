"""The release report for the committee: one self-contained HTML page (and a PDF of it).

Everything that came from a file, a model or a user (dataset, report and kind
names, typical lines, pipeline names) is escaped with ``html.escape``; the
figures are inline SVG drawn here, so the page loads nothing from anywhere.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from phi_core.release.bounds import Bound
from phi_core.release.evidence import GOLD_STATUSES, document_kinds, decisions_from
from phi_core.release.verdict import STATUS_TEXT, ReleaseLimits
from phi_core.roles import Actor, require

FONTS = '"IPAexGothic", "IPAGothic", "IPAPGothic", "Noto Sans CJK JP", "Noto Sans JP", sans-serif'
SECTIONS = ("rule", "verdict", "sample", "leaks", "unchecked", "versions")


class ReportError(ValueError):
    """No report can be made as asked; the message says what to do."""


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.2f}%"


@dataclass
class ReleaseReport:
    html: str
    data: dict


def find_run(store, dataset: str, pipeline: str):
    """The newest scored run of the pipeline on the dataset (the rules pipeline: a rules run too)."""
    scored = set(store.scored_run_ids())
    found = [
        r
        for r in store.runs(dataset)
        if r.run_id in scored
        and ((r.backend == "pipeline" and r.model == pipeline) or (pipeline == "rules" and r.backend == "rules"))
    ]
    if not found:
        raise ReportError(
            f"there is no scored run of the pipeline {pipeline!r} on {dataset!r}: score it first with "
            f"`python -m phi_core pipeline score {pipeline} --dataset {dataset}`"
        )
    return found[-1]


def svg_bars(rows: list[tuple[str, Bound]], limit: float | None, width: int = 640) -> str:
    """Horizontal bars (observed share) with a line to the 95% upper bound, and the limit dashed."""
    if not rows:
        return ""
    bar_h, left, pad = 22, 200, 10
    top = max([b.upper for _, b in rows] + [limit or 0, 1e-9])
    scale = (width - left - pad) / top
    height = len(rows) * bar_h + 2 * pad + 14
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for i, (label, b) in enumerate(rows):
        y = pad + i * bar_h
        est = b.estimate or 0.0
        parts.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end" font-size="12">{_e(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 4}" width="{est * scale:.1f}" height="{bar_h - 8}" fill="#4C78A8"/>')
        parts.append(
            f'<line x1="{left + est * scale:.1f}" x2="{left + b.upper * scale:.1f}" y1="{y + 11}" y2="{y + 11}" '
            'stroke="#222" stroke-width="2"/>'
        )
        parts.append(f'<text x="{left + b.upper * scale + 4:.1f}" y="{y + 15}" font-size="11">{_pct(b.upper)}</text>')
    if limit is not None:
        x = left + limit * scale
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{pad}" y2="{height - 14}" stroke="#C00" stroke-dasharray="4 3"/>'
        )
        parts.append(f'<text x="{x:.1f}" y="{height - 2}" font-size="11" fill="#C00">{_pct(limit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def build_report(
    store,
    actor: Actor | str,
    dataset: str,
    pipeline: str,
    *,
    limits: ReleaseLimits | None = None,
    language: str = "en",
) -> ReleaseReport:
    """The report as HTML (and the same content as a dict for JSON)."""
    from phi_core.analysis.residual_leak import measure_leaks
    from phi_core.release.versions import versions

    require(actor, "release_report")
    ja = language == "ja"

    def t(en: str, jp: str) -> str:
        return jp if ja else en

    if not store.has_dataset(dataset):
        raise ReportError(f"there is no dataset called {dataset!r}: see `python -m phi_core runs`")
    limits = limits or ReleaseLimits()
    run = find_run(store, dataset, pipeline)
    kinds, sizes = document_kinds(store, dataset)
    measured = measure_leaks(store, dataset, run.split, run_ids=[run.run_id])
    decision = decisions_from(measured, kinds, sizes, limits)[0].decision
    sample = store.sample_info(dataset)
    sample_kinds = store.sample_kinds(dataset)
    definition = (sample or {}).get("pipeline_definition") if sample and sample.get("pipeline") == pipeline else None
    if definition is None:
        definition = store.pipeline_definition(pipeline) or ({"parts": ["rules"]} if pipeline == "rules" else None)
    vers = versions(store, dataset, run, definition)
    counts = store.report_counts(dataset)
    overall = decision.overall
    status_en, status_ja = STATUS_TEXT[overall.status]

    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"ja" if ja else "en"}"><head><meta charset="utf-8">',
        f"<title>{_e(t('Release report', '公開判定報告書'))} — {_e(dataset)}</title>",
        "<style>",
        f"body {{ font-family: {FONTS}; font-size: 11pt; margin: 2em; color: #111; }}",
        "table { border-collapse: collapse; margin: 0.5em 0 1em; } td, th { border: 1px solid #999; "
        "padding: 2px 6px; font-size: 10pt; text-align: left; vertical-align: top; }",
        ".verdict { font-size: 16pt; font-weight: bold; } pre { white-space: pre-wrap; font-size: 9pt; }",
        "</style></head><body>",
        f"<h1>{_e(t('Release report', '公開判定報告書'))}</h1>",
        f"<p>{_e(t('Dataset', 'データセット'))}: {_e(dataset)} · {_e(t('Pipeline', 'パイプライン'))}: {_e(pipeline)} · "
        f"{_e(t('Made', '作成'))}: {_e(datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC'))}</p>",
        f'<h2 id="rule">1. {_e(t("Release rule", "公開ルール"))}</h2>',
        f"<p>{_e(limits.describe(language))}</p>",
        "<p>"
        + _e(
            t(
                "Passes with 95% confidence: every one-sided 95% upper bound is at or below its limit and every kind "
                "holding 1% or more of the archive has an annotated document. Fails: an observed value is above its "
                "limit (confirmed when its 95% lower bound is too). Otherwise: not enough evidence yet. Only "
                "documents a person approved count; weighted to the archive by kind when the dataset is a sample.",
                "95% の信頼度で合格：すべての片側 95% 上限が上限値以下で、アーカイブの 1% 以上を占めるすべての種類に"
                "正解付き文書があること。不合格：観測値が上限値を超えること（95% 下限も超えれば確定）。それ以外は"
                "根拠不足。人が承認した文書のみを数え、標本の場合は種類ごとにアーカイブへ重み付けします。",
            )
        )
        + "</p>",
        f'<h2 id="verdict">2. {_e(t("Verdict", "判定"))}</h2>',
        f'<p class="verdict">{_e(status_ja if ja else status_en)}</p>',
        f"<p>{_e(overall.advice(language))}</p>",
        _table(
            [
                t("criterion", "基準"),
                t("observed", "観測値"),
                t("95% lower", "95% 下限"),
                t("95% upper", "95% 上限"),
                t("limit", "上限値"),
                t("documents", "文書数"),
                t("verdict", "判定"),
            ],
            [
                [
                    c.key,
                    _pct(c.bound.estimate),
                    _pct(c.bound.lower),
                    _pct(c.bound.upper),
                    _pct(c.limit),
                    c.bound.n,
                    STATUS_TEXT[c.status][1 if ja else 0],
                ]
                for c in overall.criteria
            ],
        ),
        f'<h2 id="sample">3. {_e(t("The sample", "標本"))}</h2>',
    ]
    if sample:
        out.append(
            _table(
                [t("item", "項目"), t("value", "値")],
                [
                    [t("archive", "アーカイブ"), sample["archive_name"]],
                    [t("archive format", "形式"), sample["archive_format"]],
                    [t("documents in the archive", "アーカイブの文書数"), f"{sample['archive_size']:,}"],
                    [t("archive SHA-256", "アーカイブの SHA-256"), sample["archive_digest"]],
                    [t("documents sampled", "標本の文書数"), sample["n_sampled"]],
                    [t("seed", "シード"), sample["seed"]],
                    [t("strata", "層"), sample["strata"]],
                    [t("method", "方法"), sample["method"]],
                    [t("silhouette of the kinds", "種類のシルエット係数"), sample["silhouette"]],
                    [t("pre-annotated by", "事前注釈"), sample["pipeline"]],
                    [t("provenance", "由来"), sample["provenance"]],
                ],
            )
        )
    else:
        out.append(
            "<p>"
            + _e(
                t(
                    "This dataset was not drawn from an archive with `sample`: figures are not weighted, and nothing "
                    "says it represents the documents to be released.",
                    "このデータセットは sample でアーカイブから抽出したものではありません。重み付けはなく、公開する文書を"
                    "代表するとは言えません。",
                )
            )
            + "</p>"
        )
    annotated: dict[str, int] = {}
    for k in kinds.values():
        annotated[k] = annotated.get(k, 0) + 1
    by_kind = {e.scope: e for e in decision.kinds}
    kind_rows = []
    names = {k["kind"]: k for k in sample_kinds}
    for kind in sorted(set(annotated) | set(names)):
        info = names.get(kind, {})
        ev = by_kind.get(kind)
        kind_rows.append(
            [
                kind,
                info.get("name", ""),
                info.get("archive_count", ""),
                info.get("sampled_count", ""),
                annotated.get(kind, 0),
                ev.advice(language) if ev else "",
            ]
        )
    out.append(f"<h3>{_e(t('Kinds', '文書の種類'))}</h3>")
    out.append(
        _table(
            [
                t("kind", "種類"),
                t("typical lines", "典型的な行"),
                t("in archive", "アーカイブ"),
                t("sampled", "標本"),
                t("annotated", "正解付き"),
                t("verdict for this kind", "この種類の判定"),
            ],
            kind_rows,
        )
    )
    out.append(f'<h2 id="leaks">4. {_e(t("Leaks by category and kind", "区分別・種類別の漏洩"))}</h2>')
    out.append(f"<h3>{_e(t('Share of documents leaking each category', '各区分を漏らす文書の割合'))}</h3>")
    cat_rows = sorted(overall.category_shares.items())
    out.append(svg_bars(cat_rows, limits.category_share))
    out.append(
        _table(
            [t("category", "区分"), t("observed", "観測値"), t("95% upper", "95% 上限"), t("documents", "文書数")],
            [[c, _pct(b.estimate), _pct(b.upper), b.n] for c, b in cat_rows],
        )
    )
    out.append(f"<h3>{_e(t('Leaked PHI characters by kind', '種類別の漏洩 PHI 文字率'))}</h3>")
    rate_rows = [
        (e.scope, c.bound) for e in decision.kinds for c in e.criteria if c.key == "char_rate" and e.n_documents
    ]
    out.append(svg_bars(rate_rows, limits.rule.max_char_leak_rate))
    unchecked = [
        t(
            f"{counts.get(s, 0)} reports with status {s} (not approved) are not counted",
            f"状態 {s} の {counts.get(s, 0)} 件（未承認）は数えていません",
        )
        for s in ("unlabeled", "silver", "in_review")
        if counts.get(s)
    ]
    if sample:
        rest = sample["archive_size"] - sample["n_sampled"]
        unchecked.append(
            t(
                f"{rest:,} archive documents were not sampled; they are represented by the sample, not checked",
                f"アーカイブの {rest:,} 件は標本に含まれず、標本で代表されるだけで確認されていません",
            )
        )
    for kind in overall.unchecked_kinds:
        unchecked.append(t(f"kind {kind} has no annotated document", f"種類 {kind} には正解付き文書がありません"))
    missing = [
        c
        for c, b in overall.category_shares.items()
        if c in limits.rule.no_leak_categories
        and b.n
        and not any(c in d.gold_by_category for run in measured for d in run.documents if d.report_id in kinds)
    ]
    for c in missing:
        unchecked.append(
            t(
                f"no annotated document contains {c}: its share rests on no occurrence",
                f"{c} を含む正解付き文書がありません",
            )
        )
    unchecked.append(
        t(
            "PHI that the gold labels themselves miss cannot be seen by any of these figures",
            "正解ラベル自体が見落とした PHI は、どの数値にも表れません",
        )
    )
    out.append(f'<h2 id="unchecked">5. {_e(t("What was never checked", "確認していないこと"))}</h2>')
    out.append("<ul>" + "".join(f"<li>{_e(u)}</li>" for u in unchecked) + "</ul>")
    out.append(f'<h2 id="versions">6. {_e(t("Exact versions", "バージョン"))}</h2>')
    out.append(
        _table(
            [t("item", "項目"), t("value", "値")],
            [
                [t("project version", "プロジェクトのバージョン"), vers["project"]],
                [t("rules version", "ルールのバージョン"), vers["rules"]],
                [t("recognizers", "認識器"), ", ".join(vers["recognizers"])],
                [t("run", "実行"), f"{vers['run_id']} ({vers['run_created_at']})"],
                [t("dataset content SHA-256", "データセット内容の SHA-256"), vers["dataset_digest"]],
                [
                    t("phases", "フェーズ"),
                    "; ".join(f"{p['part']}: {p['phase_key']} v{p['version']} {p['hash']}" for p in vers["phases"])
                    or "—",
                ],
            ],
        )
    )
    out.append(f"<h3>{_e(t('Pipeline definition', 'パイプラインの定義'))}</h3>")
    out.append(f"<pre>{_e(json.dumps(vers['pipeline_definition'], ensure_ascii=False, indent=1))}</pre>")
    if vers["part_runs"]:
        out.append(f"<pre>{_e(json.dumps(vers['part_runs'], ensure_ascii=False, indent=1))}</pre>")
    out.append("</body></html>")
    data = {
        "dataset": dataset,
        "pipeline": pipeline,
        "decision": decision.to_dict(language),
        "sample": sample,
        "kinds": sample_kinds,
        "unchecked": unchecked,
        "versions": vers,
        "gold_statuses": list(GOLD_STATUSES),
    }
    return ReleaseReport("\n".join(out), data)
