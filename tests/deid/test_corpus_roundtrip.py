"""De-identify the built-in corpus and run the result back through the same pipeline."""

import json

import pytest

from phi_core.deid import Document, deidentify, pipeline_detector, read_documents
from phi_core.deid.surrogate import KEPT_CATEGORIES
from phi_core.japanese.scripts import name_writing
from phi_core.paths import CORPUS_FILE, SHARED_DIR
from phi_core.pipelines import make_pipeline

# Values a surrogate rewrites but may legitimately still show: dates and ages
# are moved or kept by design, and a moved date can equal another original date.
SHIFTED = frozenset({"BIRTH_DATE", "EXAM_DATE", "OTHER_DATE", "TIME", "AGE"})


PAPER_DEV = SHARED_DIR / "data" / "paper_dev_100.csv"


def _builtin():
    return [Document(r["id"], r["text"]) for r in map(json.loads, CORPUS_FILE.read_text(encoding="utf-8").splitlines())]


def _paper_dev():
    if not PAPER_DEV.exists():
        pytest.skip("the study's development reports are not beside the project")
    return read_documents(PAPER_DEV.read_bytes(), PAPER_DEV.name, "paper-csv")


@pytest.fixture(scope="module", params=["builtin", "paper_dev"])
def corpus(request):
    return _builtin() if request.param == "builtin" else _paper_dev()


@pytest.fixture(scope="module")
def detect():
    return pipeline_detector(make_pipeline("rules", ["rules"]))


@pytest.mark.parametrize("mode", ["tags", "redact"])
def test_masked_corpus_holds_none_of_the_values_the_pipeline_found(corpus, detect, mode):
    result = deidentify(corpus, detect, mode)
    for doc in result.documents:
        originals = {r.original for r in doc.replacements}
        again = {doc.text[s.start : s.end] for s in detect(doc.text)}
        assert not (originals & again), doc.id
        assert not any(o in doc.text for o in originals if len(o) > 1), doc.id


def test_surrogate_corpus_holds_none_of_the_identifying_values_found(corpus, detect):
    result = deidentify(corpus, detect, "surrogate", seed=2026)
    # Initials have only 26 x 26 values: a fictional person's initials may equal
    # another patient's by chance, which reveals nothing about that patient.
    all_originals = {
        r.original
        for d in result.documents
        for r in d.replacements
        if r.category not in KEPT_CATEGORIES | SHIFTED and name_writing(r.original) != "initials"
    }
    checked = 0
    for doc in result.documents:
        found_again = {doc.text[s.start : s.end] for s in detect(doc.text)}
        for r in doc.replacements:
            if r.category in KEPT_CATEGORIES or r.category == "AGE":
                continue
            assert r.replacement != r.original, (doc.id, r)
            if r.category not in SHIFTED:
                assert r.original not in doc.text, (doc.id, r.original)
                checked += 1
        # Nothing the pipeline finds in the output is any document's original identifying value.
        assert not (found_again & all_originals), (doc.id, found_again & all_originals)
    assert checked > 200
