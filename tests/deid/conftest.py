import pytest

from phi_core.deid import make_detector
from phi_core.pipelines import make_pipeline


@pytest.fixture
def detector_for():
    """A detector that finds exactly the given (category, value) items, as a pipeline part would."""

    def build(items):
        return make_detector(make_pipeline("fixed", ["rules"]), [lambda text: list(items)])

    return build
