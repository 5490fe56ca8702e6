"""Shared fixtures: the repository, the installed `forcescan` command, generated dumps and one
Spark session (local[2]) for the whole run. Every credential the tests use is generated: none is
real."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TESTS = Path(__file__).resolve().parent


def pytest_configure(config):
    # The tests compare fingerprints with the command's: both must use the built-in key.
    os.environ.pop("FORCESCAN_HASH_KEY", None)
    os.environ.pop("NO_COLOR", None)
    # Spark's Python workers run this interpreter (the venv with the wheel), whatever PATH says.
    os.environ["PYSPARK_PYTHON"] = sys.executable


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def cli() -> str:
    """The `forcescan` command the wheel installed, next to this interpreter."""
    exe = Path(sys.executable).parent / "forcescan"
    assert exe.exists(), f"the wheel did not install the forcescan command at {exe}"
    return str(exe)


def run_cli(cli: str, *args: str, cwd=None, env=None) -> subprocess.CompletedProcess:
    e = dict(os.environ)
    e.pop("FORCESCAN_HASH_KEY", None)
    e.update(env or {})
    return subprocess.run([cli, *args], cwd=cwd, env=e, capture_output=True, text=True, stdin=subprocess.DEVNULL)


def generate_dump(out: Path, mb: int, files: int, seed: int, plant_mb: int = 2, pool: int = 5) -> Path:
    """A log dump from gen_logs.py (plain and gzip files), secrets planted every ~plant_mb MiB
    from a pool of `pool`, so they repeat across files; the manifest goes beside, not inside."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            str(TESTS / "gen_logs.py"),
            str(out),
            "--mb", str(mb),
            "--files", str(files),
            "--seed", str(seed),
            "--plant-mb", str(plant_mb),
            "--pool", str(pool),
            "--manifest", str(out.parent / (out.name + ".planted.jsonl")),
        ],
        check=True,
        capture_output=True,
    )
    return out


def sweep_records(cli: str, dump: Path, *extra: str) -> tuple[list[dict], list[dict], int]:
    """`forcescan sweep .` run in `dump`: (records, error lines, exit code)."""
    out = dump.parent / (dump.name + ".sweep.jsonl")
    p = run_cli(cli, "sweep", ".", "-o", str(out), *extra, cwd=dump)
    lines = [json.loads(l) for l in out.read_text().splitlines() if l.strip()]
    return [l for l in lines if "error" not in l], [l["error"] for l in lines if "error" in l], p.returncode


def log_lines(dump: Path):
    """(file, line number, text) of every line of the dump's files, gzip decompressed."""
    for f in sorted(dump.iterdir()):
        opener = gzip.open if f.read_bytes()[:2] == b"\x1f\x8b" else open
        with opener(f, "rt", encoding="utf-8", newline="\n") as fh:
            for n, line in enumerate(fh, 1):
                yield f.name, n, line.rstrip("\n")


@pytest.fixture(scope="session")
def dump(tmp_path_factory) -> Path:
    """24 MiB of generated logs in 4 files, 2 of them gzip: 10 planted secrets, 5 distinct."""
    return generate_dump(tmp_path_factory.mktemp("dump") / "dump", mb=24, files=4, seed=11)


@pytest.fixture(scope="session")
def spark():
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.fail("Spark needs Java (17 or later): none on the PATH and JAVA_HOME is not set")
    from pyspark.sql import SparkSession

    s = (
        SparkSession.builder.master("local[2]")
        .appName("forcescan-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()
