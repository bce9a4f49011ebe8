"""Archive jobs: output independent of the number of workers and of the engine; keyed surrogates."""

import csv
import json
import pickle
import zipfile
from pathlib import Path

import pytest

from phi_core.deid.keys import new_key, seed_key
from phi_core.deid.limits import DEFAULT_MAX_DOCUMENT_BYTES
from phi_core.deid.stream.engine import ArchiveJob, run_archive
from phi_core.deid.stream.readers import Source
from phi_core.deid.stream.sample import write_jsonl_archive
from phi_core.deid.stream.work import WorkSpec
from phi_core.pipelines import make_pipeline

RULES = make_pipeline("rules", ["rules"])


def _job(source, out, *, fmt="jsonl", key=None, mode="surrogate", mapping=None, workers=1, **extra):
    return ArchiveJob(
        source=Source(Path(source), fmt, DEFAULT_MAX_DOCUMENT_BYTES, patient_key="patient" if fmt == "jsonl" else None),
        out=Path(out),
        spec=WorkSpec(RULES, mode, key or seed_key(1)),
        mapping=Path(mapping) if mapping else None,
        workers=workers,
        pipeline_name="rules",
        progress=False,
        **extra,
    )


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory):
    return write_jsonl_archive(tmp_path_factory.mktemp("a") / "in.jsonl", 200, patients=30)


def test_output_does_not_depend_on_the_number_of_workers(small_archive, tmp_path):
    outputs = []
    for workers in (1, 2, 3):
        out, mapping = tmp_path / f"o{workers}.jsonl", tmp_path / f"m{workers}.csv"
        summary = run_archive(_job(small_archive, out, mapping=mapping, workers=workers))
        assert summary.documents == 200 and summary.stopped is None
        outputs.append((out.read_bytes(), mapping.read_bytes()))
    assert outputs[0] == outputs[1] == outputs[2]
    ids = [json.loads(line)["id"] for line in outputs[0][0].decode().splitlines()]
    assert ids == [f"arc-{n:07d}" for n in range(200)]  # input order


def _pairs(mapping):
    with open(mapping, encoding="utf-8") as fh:
        return [(r["document_id"], r["category"], r["original"], r["replacement"]) for r in csv.DictReader(fh)]


def test_keyed_surrogates_are_consistent_across_documents_and_runs_and_change_with_the_key(small_archive, tmp_path):
    key, other = new_key(), new_key()
    run_archive(_job(small_archive, tmp_path / "a.jsonl", key=key, mapping=tmp_path / "a.csv", workers=2))
    run_archive(_job(small_archive, tmp_path / "b.jsonl", key=key, mapping=tmp_path / "b.csv"))
    run_archive(_job(small_archive, tmp_path / "c.jsonl", key=other, mapping=tmp_path / "c.csv"))
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()  # another run, same key
    first = _pairs(tmp_path / "a.csv")
    by_value: dict[tuple[str, str], set[str]] = {}
    for _doc, category, original, replacement in first:
        if category in ("PATIENT_NAME", "PATIENT_ID", "PHONE", "HOSPITAL_NAME"):
            by_value.setdefault((category, original), set()).add(replacement)
    repeated = {k: v for k, v in by_value.items() if sum(1 for p in first if (p[1], p[2]) == k) > 1}
    assert len(repeated) > 20  # the archive repeats each corpus document in many places
    assert all(len(v) == 1 for v in repeated.values()), [k for k, v in repeated.items() if len(v) > 1][:5]
    assert all(original not in v for (_, original), v in repeated.items())
    third = {(c, o): r for _, c, o, r in _pairs(tmp_path / "c.csv")}
    changed = [k for k, v in repeated.items() if third[k] not in v]
    assert len(changed) > 0.9 * len(repeated)  # another key, other surrogates


def test_a_patients_dates_move_together_and_each_patient_differently(tmp_path):
    from phi_core.deid.surrogate import SurrogateBook

    key = new_key()
    one, two = SurrogateBook(key=key, track_offsets=False), SurrogateBook(key=key, track_offsets=False)
    patients = [f"P{n}" for n in range(40)]
    assert [one.day_offset(p) for p in patients] == [two.day_offset(p) for p in patients]
    assert len({one.day_offset(p) for p in patients}) > 20
    shifts = {SurrogateBook(key=new_key()).day_offset("P1") for _ in range(10)}
    assert len(shifts) > 3


def test_csv_zip_and_folder_inputs_stream_with_any_number_of_workers(tmp_path):
    texts = [json.loads(line)["text"] for line in open(write_jsonl_archive(tmp_path / "s.jsonl", 40))]
    with (tmp_path / "in.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "body"])
        writer.writerows([[f"d{n}", t] for n, t in enumerate(texts)])
    with zipfile.ZipFile(tmp_path / "in.zip", "w") as archive:
        for n, text in enumerate(texts):
            archive.writestr(f"reports/r{n:03d}.txt", text)
    folder = tmp_path / "folder"
    for n, text in enumerate(texts):
        (folder / f"sub{n % 3}").mkdir(parents=True, exist_ok=True)
        (folder / f"sub{n % 3}" / f"r{n:03d}.txt").write_text(text, encoding="utf-8")
    for fmt, source in (("csv", "in.csv"), ("zip", "in.zip"), ("folder", "folder")):
        results = []
        for workers in (1, 2):
            out = tmp_path / f"out{workers}-{fmt}"
            run_archive(_job(tmp_path / source, out, fmt=fmt, workers=workers))
            results.append(
                sorted((p.relative_to(out).as_posix(), p.read_bytes()) for p in out.rglob("*.txt"))
                if fmt == "folder"
                else out.read_bytes()
            )
        assert results[0] == results[1], fmt
    with zipfile.ZipFile(tmp_path / "out1-zip") as archive:
        assert archive.namelist() == [f"reports/r{n:03d}.txt" for n in range(40)]
        assert archive.testzip() is None
    rows = list(csv.reader((tmp_path / "out1-csv").open(encoding="utf-8")))
    assert rows[0] == ["id", "body"] and len(rows) == 41


def test_a_zip_output_resumed_after_a_crash_is_the_same_zip(tmp_path):
    """The zip writer's central directory is rebuilt from the checkpoint."""
    from phi_core.deid.stream import engine

    texts = [json.loads(line)["text"] for line in open(write_jsonl_archive(tmp_path / "s.jsonl", 30))]
    with zipfile.ZipFile(tmp_path / "in.zip", "w") as archive:
        for n, text in enumerate(texts):
            archive.writestr(f"r{n:03d}.txt", text)
    reference = tmp_path / "ref.zip"
    run_archive(_job(tmp_path / "in.zip", reference, fmt="zip"))
    out = tmp_path / "out.zip"

    class Crash(Exception):
        pass

    calls = {"n": 0}
    real = engine.checkpoint.save

    def crash_after_a_few(path, state):
        real(path, state)
        calls["n"] += 1
        if calls["n"] == 3:
            raise Crash

    engine.checkpoint.save = crash_after_a_few
    engine_commit = engine.COMMIT_EVERY_S
    engine.COMMIT_EVERY_S = 0.0
    try:
        with pytest.raises(Crash):
            run_archive(_job(tmp_path / "in.zip", out, fmt="zip", chunk=4))
    finally:
        engine.checkpoint.save = real
        engine.COMMIT_EVERY_S = engine_commit
    with open(out, "ab") as fh:
        fh.write(b"half-written member")  # what a killed run leaves after its last commit
    summary = run_archive(_job(tmp_path / "in.zip", out, fmt="zip", chunk=4))
    assert 0 < summary.resumed_from < 30
    assert out.read_bytes() == reference.read_bytes()


@pytest.mark.ray
def test_ray_engine_writes_what_the_local_engine_writes(small_archive, tmp_path, monkeypatch):
    ray = pytest.importorskip("ray")
    from phi_core.deid.stream import ray_engine

    # Small windows and blocks: several datasets in flight, blocks finishing out of order.
    monkeypatch.setattr(ray_engine, "FIRST_WINDOW_DOCS", 8)
    monkeypatch.setattr(ray_engine, "WINDOW_DOCS", 64)
    monkeypatch.setattr(ray_engine, "BLOCK_DOCS", 7)
    local_out, local_map = tmp_path / "local.jsonl", tmp_path / "local.csv"
    run_archive(_job(small_archive, local_out, mapping=local_map, workers=2))
    ray_out, ray_map = tmp_path / "ray.jsonl", tmp_path / "ray.csv"
    seen = {}
    close = ray_engine.RayExecutor.close

    def look_then_close(executor):
        # What ran beside the workers, just before the job stops its instance.
        node = ray._private.worker._global_node
        seen["processes"] = set(node.all_processes) if node is not None else None
        seen["actors"] = {a["name"] for a in ray.util.list_named_actors(all_namespaces=True)}
        close(executor)

    monkeypatch.setattr(ray_engine.RayExecutor, "close", look_then_close)
    try:
        summary = run_archive(_job(small_archive, ray_out, mapping=ray_map, workers=2, engine="ray"))
    finally:
        if ray.is_initialized():
            ray.shutdown()
    assert summary.documents == 200
    assert ray_out.read_bytes() == local_out.read_bytes()
    assert ray_map.read_bytes() == local_map.read_bytes()
    # No API server, autoscaler monitor, log monitor or Ray Data helper actors ran for this
    # job (this Ray's private names still fit), and Ray Data has its own back after it.
    assert seen["processes"] and not seen["processes"] & {"dashboard", "monitor", "log_monitor"}
    assert not seen["actors"] & {"datasets_stats_actor", "AutoscalingCoordinator"}
    from ray.data._internal.execution import streaming_executor

    assert streaming_executor.create_cluster_autoscaler.__module__.startswith("ray.data.")
    # Ray's sockets, logs and any spilled blocks stayed in an owner-only folder, not /tmp/ray.
    scratch = ray_engine.local_temp_dir()
    assert scratch.stat().st_mode & 0o777 == 0o700
    assert any(p.name.startswith("session_") for p in scratch.iterdir())


def test_a_small_ray_window_gives_every_worker_a_block_and_a_large_one_full_blocks():
    from phi_core.deid.stream import ray_engine

    assert ray_engine.block_docs(512, 2) == 256
    assert ray_engine.block_docs(319, 2) == 160
    assert ray_engine.block_docs(8192, 2) == ray_engine.BLOCK_DOCS
    assert ray_engine.block_docs(1, 4) == 1


def test_a_ray_block_takes_a_chunk_to_a_worker_and_its_results_back_unchanged():
    pytest.importorskip("pyarrow")
    from phi_core.deid.stream import ray_engine
    from phi_core.deid.stream.work import process_chunk

    spec = WorkSpec(RULES, "surrogate", seed_key(1))
    # No patient key, an empty one and a real one: three different patients for the surrogates.
    chunk = [
        ("a", "患者 山田太郎 様、電話 03-1234-5678、2024年5月1日 撮影。", None),
        ("b", "山田太郎 様 2024年5月1日", ""),
        ("c", "山田太郎 様 2024年5月1日", "p-1"),
    ]
    block = ray_engine._deid_block(ray_engine._block(chunk, 3), spec)
    assert block.column("seq").to_pylist() == [3]
    done = pickle.loads(block.column("done")[0].as_py())
    assert done == process_chunk(spec, chunk)
    assert all(type(row) is tuple for _, rows in done for row in rows) and any(rows for _, rows in done)
    assert {row[1] for _, rows in done for row in rows} >= {"document:a", "", "p-1"}


def test_a_full_disk_stops_the_job_and_the_same_job_then_finishes_it_identically(small_archive, tmp_path, monkeypatch):
    import errno

    from phi_core.deid.stream import engine, writers

    reference, ref_map = tmp_path / "ref.jsonl", tmp_path / "ref.csv"
    run_archive(_job(small_archive, reference, mapping=ref_map))
    out, mapping = tmp_path / "out.jsonl", tmp_path / "map.csv"
    monkeypatch.setattr(engine, "COMMIT_EVERY_S", 0.0)
    real_append = writers.LineWriter.append
    calls = {"n": 0}

    def append_until_full(self, data):
        calls["n"] += 1
        if calls["n"] == 150:
            real_append(self, data[: len(data) // 2])  # half a record reaches the disk
            raise OSError(errno.ENOSPC, "No space left on device", str(self.path))
        real_append(self, data)

    monkeypatch.setattr(writers.LineWriter, "append", append_until_full)
    with pytest.raises(OSError, match="No space"):
        run_archive(_job(small_archive, out, mapping=mapping, chunk=8))
    monkeypatch.setattr(writers.LineWriter, "append", real_append)
    summary = run_archive(_job(small_archive, out, mapping=mapping, chunk=8))
    assert 0 < summary.resumed_from < 200
    assert out.read_bytes() == reference.read_bytes() and mapping.read_bytes() == ref_map.read_bytes()
