"""Document kinds found from layout: fit on a bounded random subset, then assign every document.

Method (stated in every report): each document's layout (``layout.py``) is
turned into hashed character 1-3-gram counts (stateless, like scikit-learn's
HashingVectorizer, so any number of documents can be assigned one batch at a
time; computed with array operations, which is what makes 200,000 documents fast),
weighted by TF-IDF learned on the subset, reduced to ``SVD_COMPONENTS``
dimensions and normalised (cosine geometry), and clustered by k-means.
The number of kinds is the fewest k in ``K_RANGE`` whose silhouette on the
subset is within ``SILHOUETTE_TOLERANCE`` of the highest (on synthetic-styles
the silhouette creeps up past the true number of styles as it splits a style
into its variants); a subset too small or too uniform to split gives one kind.

Kinds are named by their most typical lines: lines met verbatim in many of
the kind's subset documents (template lines such as 【所見】 or a CSV header).
A line repeated across at least ``NAME_MIN_SHARE`` of a kind's documents, and
at least ``NAME_MIN_DOCS`` of them, is a template rather than one patient's
value; a recurring line in which the recall-first profile finds anything
(a letterhead's facility, a ward, a frequent signer) is still left out, so
the name does not carry PHI into reports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

from phi_core.release.layout import layout, layout_ngrams

K_RANGE = (2, 30)
SVD_COMPONENTS = 48
FIT_SIZE = 2000
SILHOUETTE_SAMPLE = 1500  # silhouette costs the square of the points it scores
SILHOUETTE_TOLERANCE = 0.02
N_INIT = 10  # with fewer starts, k-means' result (and so the chosen k) varied with the seed
NAME_LINES = 2
NAME_MIN_SHARE = 0.3
NAME_MIN_DOCS = 3
NAME_MAX_CHARS = 40

METHOD = (
    "layout classes (kanji, kana, digits, Latin letters; punctuation and line breaks kept) → "
    "character 1-3-gram hashing + TF-IDF → {svd}-dimensional SVD → k-means ({init} starts); number of kinds = the "
    "fewest k in {k0}..{k1} whose silhouette is within {tol} of the highest, fitted on a random subset of at most "
    "{fit} documents"
).format(svd=SVD_COMPONENTS, init=N_INIT, k0=K_RANGE[0], k1=K_RANGE[1], tol=SILHOUETTE_TOLERANCE, fit=FIT_SIZE)


@dataclass
class Kind:
    kind: str
    name: str
    typical_lines: list[str] = field(default_factory=list)


@dataclass
class KindModel:
    """A fitted layout clustering; ``assign`` gives kind ids for any batch of texts."""

    k: int
    silhouette: float | None
    kinds: list[Kind]
    _tfidf: object = None
    _svd: object = None
    _kmeans: object = None
    silhouettes: dict[int, float] = field(default_factory=dict)

    def _features(self, texts: Sequence[str]):
        from sklearn.preprocessing import normalize

        counts = layout_ngrams(texts)
        reduced = self._svd.transform(self._tfidf.transform(counts))
        return normalize(reduced)

    def assign(self, texts: Sequence[str]) -> list[str]:
        from threadpoolctl import threadpool_limits

        if not texts:
            return []
        if self._kmeans is None:
            return [self.kinds[0].kind] * len(texts)
        with threadpool_limits(1):
            labels = self._kmeans.predict(self._features(texts))
        return [self.kinds[i].kind for i in labels]


def kind_id(index: int) -> str:
    return f"K{index + 1:02d}"


def typical_lines(texts: Iterable[str]) -> list[str]:
    """Lines that recur verbatim across the documents, most widespread first (see module docstring)."""
    docs = list(texts)
    counts: Counter[str] = Counter()
    for text in docs:
        counts.update({line.strip() for line in text.split("\n") if line.strip()})
    floor = max(NAME_MIN_DOCS, NAME_MIN_SHARE * len(docs))
    common = [(n, line) for line, n in counts.items() if n >= floor]
    common.sort(key=lambda x: (-x[0], len(x[1]), x[1]))
    chosen: list[str] = []
    for _, line in common:
        if len(chosen) == NAME_LINES:
            break
        # A line can recur across a kind and still hold PHI (a ward or facility printed in a
        # letterhead, one busy physician's signature): names go into reports, so such lines never do.
        if not _may_hold_phi(line):
            chosen.append(line[:NAME_MAX_CHARS])
    return chosen


def _may_hold_phi(line: str) -> bool:
    # The greedy de-identification profile, not the balanced one: here a false alarm only costs a
    # less telling kind name, a miss would print PHI in the officer's report.
    from phi_core.extractors.profiles_recall_first import extract_spans

    return bool(extract_spans(line))


def _name(index: int, lines: list[str], shapes: list[str]) -> str:
    if lines:
        return " / ".join(lines)
    # No template line: the most common first-line shape, which holds classes, not words.
    first = Counter(s.strip().split("\n", 1)[0][:NAME_MAX_CHARS] for s in shapes if s.strip())
    return f"{kind_id(index)} ({first.most_common(1)[0][0]})" if first else kind_id(index)


def fit_kinds(texts: Sequence[str], seed: int = 0, k_range: tuple[int, int] = K_RANGE) -> KindModel:
    """Fit the layout clustering on a subset (at most FIT_SIZE texts are used)."""
    from threadpoolctl import threadpool_limits

    # One thread: the matrices are small, and OpenMP threads on a busy machine
    # spend far more time waiting for each other than computing.
    with threadpool_limits(1):
        return _fit(texts, seed, k_range)


def _fit(texts: Sequence[str], seed: int, k_range: tuple[int, int]) -> KindModel:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import normalize

    texts = list(texts)[:FIT_SIZE]
    shapes = [layout(t) for t in texts]
    one = KindModel(1, None, [Kind(kind_id(0), _name(0, typical_lines(texts), shapes), typical_lines(texts))])
    if len(set(shapes)) < 2:
        return one
    counts = layout_ngrams(texts)
    tfidf = TfidfTransformer(sublinear_tf=True).fit(counts)
    weighted = tfidf.transform(counts)
    components = max(2, min(SVD_COMPONENTS, weighted.shape[0] - 1, weighted.shape[1] - 1))
    svd = TruncatedSVD(n_components=components, random_state=seed).fit(weighted)
    points = normalize(svd.transform(weighted))
    low, high = k_range
    high = min(high, len(set(shapes)), len(texts) // 5)
    fits: dict[int, tuple[float, object]] = {}
    for k in range(low, high + 1):
        km = KMeans(n_clusters=k, random_state=seed, n_init=N_INIT).fit(points)
        if len(set(km.labels_)) < 2:
            continue
        score = float(
            silhouette_score(points, km.labels_, sample_size=min(len(points), SILHOUETTE_SAMPLE), random_state=seed)
        )
        fits[k] = (score, km)
    if not fits:
        return one
    scores = {k: s for k, (s, _) in fits.items()}
    # Parsimony: the fewest kinds whose silhouette is within SILHOUETTE_TOLERANCE of the best,
    # because a curve that creeps up slowly would otherwise split one kind into its variants.
    top = max(scores.values())
    k = min(k for k, s in scores.items() if s >= top - SILHOUETTE_TOLERANCE)
    score, km = fits[k]
    kinds = []
    for index in range(k):
        members = [t for t, label in zip(texts, km.labels_) if label == index]
        lines = typical_lines(members)
        kinds.append(
            Kind(kind_id(index), _name(index, lines, [shapes[i] for i in np.flatnonzero(km.labels_ == index)]), lines)
        )
    return KindModel(k, score, kinds, tfidf, svd, km, scores)
