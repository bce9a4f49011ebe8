"""A local Ray instance started for one job, without the processes that job never uses.

ray.init starts, beside the GCS, raylet and worker processes, an API server
(even without a dashboard), an autoscaler monitor and a log monitor; Ray Data
adds a stats actor and an autoscaling coordinator for its executions. Each is
a Python process importing Ray, so on a small machine they take CPU from the
workers while the first documents wait, and ray.init sleeps until the API
server has published its address. An instance this job starts with a fixed
number of CPUs and stops at the end has no dashboard to feed, nothing to
autoscale and no driver to forward logs to, so it does without them.

Everything here goes through private names of Ray (tested with Ray 2.60). If a
later Ray renames them, each piece does nothing and Ray runs as it always does:
slower to start, the same output. None of it applies to a cluster given with
--address, which keeps Ray's own behaviour.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Callable


@contextlib.contextmanager
def lean_head(ray):
    """While ray.init starts a local head node: no API server, autoscaler monitor or log monitor.

    `ray start --head --no-monitor` can leave the monitor out; ray.init has no
    switch for any of the three, so the head node is built with Ray's own
    parameters for that (the same ones `ray start` sets).
    """
    node_module = getattr(getattr(ray, "_private", None), "node", None)
    base = getattr(node_module, "Node", None)
    if not isinstance(base, type) or not hasattr(base, "start_api_server"):
        yield
        return

    class LeanNode(base):
        def __init__(self, ray_params, *args, **kwargs):
            if kwargs.get("head"):
                ray_params.no_monitor = True
                ray_params.include_log_monitor = False
            super().__init__(ray_params, *args, **kwargs)

        def start_api_server(self, *args, **kwargs):
            if args or kwargs.get("include_dashboard"):  # a dashboard asked for (or a call we do not know): Ray's own
                super().start_api_server(*args, **kwargs)

    node_module.Node = LeanNode
    try:
        yield
    finally:
        node_module.Node = base


def fixed_instance_autoscaler(base: type, resources: type, total) -> type:
    """Ray Data's cluster autoscaler for an instance that never grows: its resources, shared by the running datasets.

    Ray Data's own asks an autoscaling-coordinator actor, which splits the
    instance equally between the datasets running at once (two windows in
    flight: one CPU each); this does the same without the actor. Each dataset
    given the whole instance would launch a task per CPU and the older window's
    blocks would queue behind the newer one's.
    """
    live: list = []
    lock = threading.Lock()

    class FixedInstance(base):
        def __init__(self, *args, **kwargs):
            with lock:
                live.append(self)

        def try_trigger_scaling(self):
            pass

        def on_executor_shutdown(self):
            with lock:
                if self in live:
                    live.remove(self)

        def get_total_resources(self):
            with lock:
                share = max(1, len(live))
            return resources(
                cpu=max(1.0, (total.cpu or 0) // share),
                gpu=(total.gpu or 0) // share,
                object_store_memory=(total.object_store_memory or 0) // share,
                memory=(total.memory or 0) // share,
            )

    return FixedInstance


def light_ray_data(ray) -> Callable[[], None]:
    """Ray Data without its stats actor and autoscaling coordinator, until the returned undo is called.

    Every execution would otherwise create (or find) both actors, each a
    process of its own importing Ray Data (a second or more of CPU while the
    first window waits), report its metrics to the one and ask the other for
    the resources it may use several times a second.
    """
    try:
        return _light_ray_data(ray)
    except Exception:  # a Ray whose internals differ: Ray Data as it comes
        return lambda: None


def _light_ray_data(ray) -> Callable[[], None]:
    try:
        from ray.data._internal.cluster_autoscaler import ClusterAutoscaler
        from ray.data._internal.execution import streaming_executor
        from ray.data._internal.execution.interfaces.execution_options import ExecutionResources
        from ray.data._internal.stats import _StatsManager
    except ImportError:
        return lambda: None
    names = ("register_dataset_to_stats_actor", "update_execution_metrics", "update_iteration_metrics")
    if not hasattr(streaming_executor, "create_cluster_autoscaler") or not all(
        hasattr(_StatsManager, n) for n in names
    ):
        return lambda: None
    total = ExecutionResources.from_resource_dict(ray.cluster_resources())
    fixed = fixed_instance_autoscaler(ClusterAutoscaler, ExecutionResources, total)
    saved = [(streaming_executor, "create_cluster_autoscaler", streaming_executor.create_cluster_autoscaler)]
    saved += [(_StatsManager, n, _StatsManager.__dict__[n]) for n in names]
    streaming_executor.create_cluster_autoscaler = lambda *args, **kwargs: fixed()
    for name in names:
        setattr(_StatsManager, name, staticmethod(lambda *args, **kwargs: None))

    def undo() -> None:
        for owner, name, value in saved:
            setattr(owner, name, value)

    return undo


def stop_autoscaler_monitor(ray) -> None:
    """End a local instance's autoscaler monitor at once, if it runs: ray.shutdown would wait a second for it.

    Ray stops its processes one by one, its store (GCS) before the monitor; the
    monitor then answers the stop signal by trying to report to that store, and
    Ray gives it a second before killing it. A fixed-size local instance never
    autoscales, so the monitor has nothing to finish.
    """
    node = getattr(getattr(ray, "_private", None), "worker", None)
    node = getattr(node, "_global_node", None)
    for info in (getattr(node, "all_processes", None) or {}).get("monitor", []):
        try:
            if info.process.poll() is None:
                info.process.kill()
                info.process.wait(timeout=1)
        except Exception:  # best effort: ray.shutdown stops it the slow way
            pass
