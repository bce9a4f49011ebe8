"""A local Ray instance without the helper processes a job never uses: what is left out, and that it is put back."""

from __future__ import annotations

import types
from dataclasses import dataclass

import pytest

from phi_core.deid.stream import ray_local


def _fake_ray(node_class):
    return types.SimpleNamespace(_private=types.SimpleNamespace(node=types.SimpleNamespace(Node=node_class)))


class _Params:
    no_monitor = False
    include_log_monitor = None


class _Node:
    def __init__(self, ray_params, head=False, **_):
        self.params, self.api_servers = ray_params, 0
        self.start_api_server(include_dashboard=False, raise_on_failure=False)

    def start_api_server(self, *, include_dashboard, raise_on_failure):
        self.api_servers += 1


def test_a_lean_head_starts_no_api_server_or_monitors_and_ray_gets_its_node_class_back():
    ray = _fake_ray(_Node)
    with ray_local.lean_head(ray):
        head = ray._private.node.Node(_Params(), head=True)
        worker_node = ray._private.node.Node(_Params(), head=False)
    assert ray._private.node.Node is _Node
    assert head.params.no_monitor and head.params.include_log_monitor is False
    assert head.api_servers == 0
    # Only the head node this job starts is changed.
    assert not worker_node.params.no_monitor and worker_node.params.include_log_monitor is None


def test_a_lean_head_asked_for_a_dashboard_starts_its_api_server():
    ray = _fake_ray(_Node)
    with ray_local.lean_head(ray):
        head = ray._private.node.Node(_Params(), head=True)
        head.start_api_server(include_dashboard=True, raise_on_failure=True)
    assert head.api_servers == 1


def test_a_lean_head_leaves_a_ray_without_the_expected_names_alone():
    ray = types.SimpleNamespace()
    with ray_local.lean_head(ray):
        pass
    assert vars(ray) == {}


@dataclass
class _Resources:
    cpu: float | None = None
    gpu: float | None = None
    object_store_memory: float | None = None
    memory: float | None = None


def test_a_fixed_instance_shares_its_cpus_between_the_datasets_running_at_once():
    fixed = ray_local.fixed_instance_autoscaler(object, _Resources, _Resources(2, 0, 256, 1000))
    first = fixed()
    assert first.get_total_resources() == _Resources(2, 0, 256, 1000)
    second = fixed()
    assert first.get_total_resources().cpu == second.get_total_resources().cpu == 1
    assert second.get_total_resources().object_store_memory == 128
    first.on_executor_shutdown()
    first.on_executor_shutdown()  # twice: still counted once
    assert second.get_total_resources().cpu == 2
    # More datasets than CPUs: each may still run one task.
    crowd = [fixed() for _ in range(3)]
    assert all(c.get_total_resources().cpu == 1 for c in crowd)


def test_light_ray_data_replaces_its_helpers_and_undo_puts_them_back():
    pytest.importorskip("ray.data")
    from ray.data._internal.execution import streaming_executor
    from ray.data._internal.stats import _StatsManager

    before = (streaming_executor.create_cluster_autoscaler, _StatsManager.__dict__["update_execution_metrics"])
    fake = types.SimpleNamespace(cluster_resources=lambda: {"CPU": 2.0, "object_store_memory": 256.0})
    undo = ray_local.light_ray_data(fake)
    try:
        scaler = streaming_executor.create_cluster_autoscaler(None, None, None, execution_id="x")
        assert scaler.get_total_resources().cpu == 2
        assert _StatsManager.update_execution_metrics("ds", [], [], {}) is None
        scaler.on_executor_shutdown()
    finally:
        undo()
    assert (streaming_executor.create_cluster_autoscaler, _StatsManager.__dict__["update_execution_metrics"]) == before
