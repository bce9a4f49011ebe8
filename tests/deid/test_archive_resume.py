"""An archive job survives kill -9, SIGTERM and Ctrl-C and resumes to the same bytes as an uninterrupted run."""

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from phi_core.deid.keys import write_key
from phi_core.deid.stream.checkpoint import progress_path
from phi_core.deid.stream.sample import write_jsonl_archive

ROOT = Path(__file__).resolve().parents[2]


def _command(source, out, mapping, key, workers):
    return [
        sys.executable,
        "-m",
        "phi_core",
        "deid",
        "--pipeline",
        "rules",
        "--in",
        str(source),
        "--mode",
        "surrogate",
        "--key",
        str(key),
        "--patient-key",
        "patient",
        "--out",
        str(out),
        "--mapping",
        str(mapping),
        "--workers",
        str(workers),
        "--no-progress",
    ]


def _run(cmd):
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def _written_since(path, when_ns):
    try:
        return path.stat().st_mtime_ns >= when_ns
    except FileNotFoundError:
        return False


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    source = write_jsonl_archive(folder / "in.jsonl", 600, patients=90)
    key = folder / "k.key"
    write_key(key)
    reference = folder / "ref.jsonl", folder / "ref.csv"
    done = _run(_command(source, *reference, key, 1))
    assert done.returncode == 0, done.stderr
    # How long the job itself takes here (1 worker): kills are spread over that, whatever the machine's speed.
    seconds = float(re.search(r" in ([0-9.]+)s", done.stderr).group(1))
    return source, key, reference, seconds


@pytest.mark.parametrize("how", ["kill", "term", "int"])
def test_interrupted_runs_resume_to_the_same_bytes(archive, tmp_path, how):
    source, key, (ref_out, ref_map), seconds = archive
    out, mapping = tmp_path / "out.jsonl", tmp_path / "map.csv"
    rng = random.Random(f"{how}-{os.getpid()}")
    cmd = _command(source, out, mapping, key, 2)
    interrupted_midway = 0
    for attempt in range(4):  # three interruptions at random points, then a run to the end
        launched = time.time_ns()
        process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Random points while the job runs: from its first checkpoint (written as it starts) on.
        while not _written_since(progress_path(out), launched) and process.poll() is None:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.5 * seconds))
        if attempt < 3 and process.poll() is None:
            sent = {"kill": signal.SIGKILL, "term": signal.SIGTERM, "int": signal.SIGINT}[how]
            process.send_signal(sent)
        _, err = process.communicate(timeout=120)
        if process.returncode == 0 or (out.exists() and not progress_path(out).exists()):
            break  # finished (a signal that came after the job had ended changes nothing)
        # -15: a SIGTERM that came before the job set its handlers (nothing to save yet).
        expected = {"kill": {-9}, "term": {143, -15}, "int": {130}}[how]
        assert process.returncode in expected, err
        if process.returncode in (130, 143):
            assert "run the same command" in err and "resume" in err
        interrupted_midway += progress_path(out).exists()
    else:
        pytest.fail("the job never finished")
    if interrupted_midway == 0:
        pytest.skip("every interruption came before the first document or after the last (busy machine)")
    assert out.read_bytes() == ref_out.read_bytes()
    assert mapping.read_bytes() == ref_map.read_bytes()
    assert not progress_path(out).exists()
