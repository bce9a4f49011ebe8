"""court-case-number: a court's case number is masked whole; laws and forms numbered the same way are not."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import covered, found, values


@pytest.mark.parametrize(
    "text, number",
    [
        ("事件番号：令和8年（家）第318号（横浜家庭裁判所）", "令和8年（家）第318号"),
        ("事件：後見開始 令和8年(家)第1207号", "令和8年(家)第1207号"),
        ("議題３　R7年(ワ)第889号（損害賠償）", "R7年(ワ)第889号"),
    ],
)
def test_a_case_number_is_masked_whole(text, number):
    assert found("court-case-number", text) == [number]
    assert covered(number, values(text))


@pytest.mark.parametrize("text", ["労災申請（様式第5号）", "感染症法（平成30年法律第74号）", "広報誌 第62号"])
def test_forms_laws_and_issues_are_no_case(text):
    assert found("court-case-number", text) == []
