"""The vectorised split search against an independent implementation.

A regression tree of depth one chooses the single split of x that minimises
the squared error of two group means, which is exactly our "split" model, so
scikit-learn's tree serves as an oracle on random data.
"""

import numpy as np
import pytest
from sklearn.tree import DecisionTreeRegressor

from phi_core.stats.breakpoints import BREAKPOINT_MODELS, best_fit


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("min_per_side", [1, 3])
def test_split_threshold_matches_a_depth_one_regression_tree(seed, min_per_side):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(6, 20))
    x = np.round(rng.uniform(70, 95, n), 1)
    gains = np.where(x < rng.uniform(80, 90), 6.0, 0.5) + rng.normal(0, 2.0, n)

    ours = best_fit(BREAKPOINT_MODELS["split"], x, gains, min_per_side)
    tree = DecisionTreeRegressor(max_depth=1, min_samples_leaf=min_per_side, random_state=0)
    tree.fit(x.reshape(-1, 1), gains)

    tree_threshold = tree.tree_.threshold[0]
    predictions = tree.predict(x.reshape(-1, 1))
    tree_sse = float(((gains - predictions) ** 2).sum())
    assert ours is not None
    assert ours.sse == pytest.approx(tree_sse, rel=1e-9, abs=1e-9)
    # Both put the cut between the same two neighbouring models (the tree uses
    # "x <= t" for the left side, we use "x < c"; both pick a midpoint).
    assert (x < ours.threshold).sum() == (x <= tree_threshold).sum()
