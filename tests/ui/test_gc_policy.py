"""The app's garbage-collection policy: long-lived objects frozen after a warm-up, released now and then."""

from __future__ import annotations

import gc
import weakref

import pytest

from phi_core.ui import gc_policy
from phi_core.ui.warmup import Warmer


@pytest.fixture(autouse=True)
def _released():
    gc_policy.reset()
    yield
    gc_policy.reset()


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_settle_collects_garbage_then_freezes_what_lives():
    garbage = Cycle()
    dead = weakref.ref(garbage)
    del garbage
    kept = Cycle()
    assert gc_policy.settle(now=0.0) == "full"
    assert dead() is None
    # What lives is frozen: out of every generation a collection walks.
    assert not any(o is kept for o in gc.get_objects())
    assert gc.get_freeze_count() > 0


def test_frozen_garbage_waits_for_the_next_full_settle_at_most():
    assert gc_policy.settle(now=100.0) == "full"
    late = Cycle()
    assert gc_policy.settle(now=100.0 + gc_policy.REFREEZE_S / 2) == "freeze"
    dead = weakref.ref(late)
    del late  # a cycle that died after being frozen: ordinary collections never see it
    gc.collect()
    assert dead() is not None
    assert gc_policy.settle(now=100.0 + gc_policy.REFREEZE_S + 1) == "full"
    assert dead() is None


class FakeStore:
    def __init__(self) -> None:
        self.changes = 0

    def version(self) -> tuple:
        return ("fake", self.changes)


def test_the_warmer_settles_after_an_undisturbed_warm_up_only():
    settled: list[int] = []
    warmer = Warmer({"page": lambda *args: None}, quiet_s=0.01, settle=lambda: settled.append(1))
    store = FakeStore()
    warmer.request(store, "ward", None, "en")
    assert warmer.wait_idle(5)
    assert settled == [1]
    warmer.request(store, "ward", None, "en")  # nothing changed: no warm-up, no settle
    assert warmer.wait_idle(5)
    assert settled == [1]

    def moving(store, *args):
        store.changes += 1  # the store moves during the warm-up: its caches are already stale

    store2 = FakeStore()
    busy = Warmer({"page": moving}, quiet_s=0.01, settle=lambda: settled.append(2))
    busy.request(store2, "ward", None, "en")
    assert busy.wait_idle(5)
    assert settled == [1]
