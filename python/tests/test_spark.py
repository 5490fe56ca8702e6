"""forcescan.spark in a real Spark session (local[2]) against `forcescan sweep` on the same data."""

from __future__ import annotations

import gzip
import json
import os
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pyspark.sql import functions as F

from conftest import log_lines, run_cli, sweep_records
from forcescan import spark as fs

ACCESS_TOKEN = "00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm"
REFRESH_TOKEN = "5Aep8610tPsf8ahmTGQduyl23zvEC_BVu226UAN49lBzokTuowA3y2dsIKUYb96IT.rnsCT6WgPGk77SmJLekfi"


def as_records(sweep: list) -> list:
    """A sweep's JSON Lines records in the shape of fs.RECORDS_SCHEMA rows."""
    out = []
    for r in sweep:
        out.append(
            {
                "rule": r["rule"],
                "title": r["title"],
                "severity": r["severity"],
                "confidence": r["confidence"],
                "fingerprint": r["fingerprint"],
                "secret": r["secret"],
                "secret_value": r.get("secret_value"),
                "org_id": r.get("org_id"),
                "known_example": r.get("known_example", False),
                "occurrences": r["occurrences"],
                "first_seen": r["first_seen"],
                "last_seen": r["last_seen"],
                "first_timestamp": r.get("first_timestamp"),
                "last_timestamp": r.get("last_timestamp"),
            }
        )
    return out


def rows(df) -> list:
    return [r.asDict(recursive=True) for r in df.collect()]


@pytest.fixture(scope="module")
def files(spark, dump):
    return spark.read.format("binaryFile").load(str(dump))


@pytest.fixture(scope="module")
def table(spark, dump, tmp_path_factory):
    """The dump as a Parquet table of log lines: (file, line_no, host, message)."""
    lines = list(log_lines(dump))
    t = pa.table(
        {
            "file": [f for f, _, _ in lines],
            "line_no": pa.array([n for _, n, _ in lines], type=pa.int64()),
            "host": [f"web-{n % 3}" for _, n, _ in lines],
            "message": [m for _, _, m in lines],
        }
    )
    path = tmp_path_factory.mktemp("table") / "logs.parquet"
    pq.write_table(t, path, row_group_size=20_000)
    return spark.read.parquet(str(path))


def test_scan_files_gives_the_records_of_forcescan_sweep(cli, dump, files):
    sweep, errors, code = sweep_records(cli, dump)
    assert code == 1 and errors == []
    assert len(sweep) >= 4 and any(r["occurrences"] > 1 for r in sweep), "the dump repeats secrets"
    assert any(r.get("first_timestamp") for r in sweep)
    findings = fs.scan_files(files, root="file:" + str(dump))
    assert findings.schema == fs.FINDINGS_SCHEMA
    got = rows(fs.what_to_rotate(findings))
    assert got == as_records(sweep), "same distinct secrets, counts, first/last place and time, same order"
    assert fs.errors(findings).count() == 0
    # The executors reading the files themselves (a list of paths) give the same.
    listed = fs.scan_files(fs.file_list(files), root="file:" + str(dump))
    assert rows(fs.what_to_rotate(listed)) == got


def test_scan_column_over_a_parquet_table_gives_the_same_records(cli, dump, table):
    sweep, _, _ = sweep_records(cli, dump)
    findings = fs.scan_column(table, "message", path="file", line="line_no")
    assert "message" not in findings.columns, "the scanned column holds the secrets"
    assert findings.columns[:3] == ["file", "line_no", "host"]
    assert rows(fs.what_to_rotate(findings)) == as_records(sweep)
    one = findings.where(F.col("rule").isNotNull()).first()
    assert one.file == one.path and one.line_no == one.line and one.host.startswith("web-")


def test_scan_column_defaults_and_clashing_names(spark):
    df = spark.createDataFrame(
        [("2026-10-12T10:00:00Z", "api", f"DEBUG Authorization: Bearer {ACCESS_TOKEN}"), ("x", "api", None)],
        "ts string, host string, msg string",
    )
    got = fs.scan_column(df, "msg").collect()
    assert len(got) == 1
    assert (got[0].ts, got[0].host, got[0].path, got[0].line, got[0].column) == ("2026-10-12T10:00:00Z", "api", "msg", 1, 29)
    with pytest.raises(ValueError, match="timestamp"):
        fs.scan_column(df.withColumnRenamed("ts", "timestamp"), "msg")


def test_show_secrets_false_never_holds_a_full_secret(cli, dump, files, table):
    full = fs.scan_files(files, show_secrets=True, root="file:" + str(dump))
    values = {r.secret_value for r in full.where(F.col("rule").isNotNull()).select("secret_value").distinct().collect()}
    assert len(values) >= 4 and None not in values
    # With show_secrets=True the records carry what `sweep --show-secrets` does.
    sweep, _, _ = sweep_records(cli, dump, "--show-secrets")
    assert rows(fs.what_to_rotate(full)) == as_records(sweep)
    hidden = [
        fs.scan_files(files, root="file:" + str(dump)),
        fs.what_to_rotate(fs.scan_files(files)),
        fs.scan_column(table, "message", path="file", line="line_no"),
        fs.what_to_rotate(fs.scan_column(table, "message")),
    ]
    for df in hidden:
        got = rows(df)
        assert got, "something was found"
        text = json.dumps(got, default=str)
        leaked = [v[:8] + "…" for v in values if v in text]
        assert not leaked, f"full secrets in a show_secrets=False DataFrame: {leaked}"
        assert all(r.get("secret_value") is None for r in got)


def write_bad_dump(d: Path) -> None:
    d.mkdir()
    (d / "ok.log").write_text(f"2026-10-12T10:00:00Z token={ACCESS_TOKEN}\n")
    whole = gzip.compress(("2026-10-12T10:00:01Z filler line\n" * 20000 + f"token {REFRESH_TOKEN}\n").encode())
    (d / "cut.log.gz").write_bytes(gzip.compress(f"token {REFRESH_TOKEN}\n".encode()) + whole[: len(whole) // 2])
    (d / "garbage.gz").write_bytes(b"\x1f\x8b\xff\xff not gzip at all " + f"token={ACCESS_TOKEN}\n".encode())
    (d / "broken.zip").write_bytes(b"PK\x03\x04" + os.urandom(64))
    with zipfile.ZipFile(d / "fine.zip", "w") as z:
        z.writestr("inner/app.log", f"token={ACCESS_TOKEN}\n")


def test_bad_input_becomes_error_rows_not_a_failed_job(spark, cli, tmp_path):
    bad = tmp_path / "bad"
    write_bad_dump(bad)
    sweep, sweep_errors, code = sweep_records(cli, bad)
    assert code == 2 and len(sweep_errors) == 3
    findings = fs.scan_files(spark.read.format("binaryFile").load(str(bad)), root="file:" + str(bad))
    got = sorted((r.path, r.message) for r in fs.errors(findings).collect())
    assert got == sorted((e["path"], e["message"]) for e in sweep_errors), "the sweep's own messages"
    assert rows(fs.what_to_rotate(findings)) == as_records(sweep)
    found = {r.path for r in findings.where(F.col("rule").isNotNull()).collect()}
    assert {"ok.log", "cut.log.gz", "garbage.gz", "fine.zip!inner/app.log"} <= found


def test_files_that_cannot_be_read_are_error_rows_when_executors_read_them(spark, tmp_path):
    d = tmp_path / "listing"
    d.mkdir()
    (d / "ok.log").write_text(f"token={ACCESS_TOKEN}\n")
    (d / "gone.log").write_text(f"token={REFRESH_TOKEN}\n")
    locked = d / "locked.log"
    locked.write_text(f"token={REFRESH_TOKEN}\n")
    # A list of paths: Spark never opens the files, each executor reads its own.
    listing = fs.file_list(spark.read.format("binaryFile").load(str(d)))
    assert listing.columns == ["path"] and listing.count() == 3
    (d / "gone.log").unlink()  # removed after the listing, as a lifecycle rule would
    as_root = os.geteuid() == 0
    if not as_root:
        locked.chmod(0)
    findings = fs.scan_files(listing, root="file:" + str(d))
    errors = dict((r.path, r.message) for r in fs.errors(findings).collect())
    assert errors.get("gone.log") == "No such file or directory"
    if not as_root:
        assert errors.get("locked.log") == "Permission denied"
    rules = sorted((r.path, r.rule) for r in findings.where(F.col("rule").isNotNull()).collect())
    assert ("ok.log", "salesforce-access-token") in rules
    # And the same files with their content give the same findings.
    with_content = fs.scan_files(spark.read.format("binaryFile").load(str(d)), root="file:" + str(d))
    assert sorted((r.path, r.rule) for r in with_content.where(F.col("rule").isNotNull()).collect()) == rules


def test_first_and_last_times_order_as_the_sweep_orders_them(spark, cli, tmp_path):
    """Syslog stamps (no year) first, then by instant, offsets applied, fractions counted."""
    d = tmp_path / "times"
    d.mkdir()
    stamps = [
        "Dec 31 23:59:59 host app:",
        "Oct  2 10:00:00 host app:",
        "2026-10-12T10:00:00.5Z",
        "2026-10-12T10:00:00",
        "2026-10-12T10:00:00.25Z",
        "2026-10-12T12:30:00+02:00",
        '10.0.0.9 - - [12/Oct/2026:10:15:00 +0000] "GET /x?sid=',
    ]
    (d / "a.log").write_text("".join(f"{s} token={REFRESH_TOKEN}\n" for s in stamps[:4]))
    (d / "b.log").write_text("".join(f"{s} token={REFRESH_TOKEN}\n" for s in stamps[4:]))
    sweep, _, _ = sweep_records(cli, d)
    assert (sweep[0]["first_timestamp"], sweep[0]["last_timestamp"]) == ("Oct  2 10:00:00", "2026-10-12T10:30:00Z")
    findings = fs.scan_files(spark.read.format("binaryFile").load(str(d)), root="file:" + str(d))
    assert rows(fs.what_to_rotate(findings)) == as_records(sweep)
