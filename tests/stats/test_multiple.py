import math

import pytest

from phi_core.stats import holm_correction


def test_holm_hand_computed_example():
    # Sorted: 0.01*4=0.04, 0.03*3=0.09, 0.04*2=0.08 -> raised to 0.09 (monotone), 0.2*1=0.2
    assert holm_correction([0.01, 0.04, 0.03, 0.2]) == pytest.approx([0.04, 0.09, 0.09, 0.2])


def test_holm_caps_at_one():
    assert holm_correction([0.5, 0.6, 0.02]) == pytest.approx([1.0, 1.0, 0.06])


def test_holm_keeps_order_monotone_when_a_later_raw_product_is_smaller():
    # 0.011 * 1 = 0.011 would undercut 0.01 * 2 = 0.02, so it is raised to 0.02.
    assert holm_correction([0.011, 0.01]) == pytest.approx([0.02, 0.02])


def test_holm_leaves_missing_p_values_out_of_the_family():
    adjusted = holm_correction([0.01, float("nan"), 0.04])
    assert adjusted[0] == pytest.approx(0.02)
    assert math.isnan(adjusted[1])
    assert adjusted[2] == pytest.approx(0.04)


def test_holm_empty_and_single():
    assert holm_correction([]) == []
    assert holm_correction([0.03]) == pytest.approx([0.03])


def test_holm_rejects_values_that_are_not_probabilities():
    with pytest.raises(ValueError, match="between 0 and 1"):
        holm_correction([0.2, 5.0])
