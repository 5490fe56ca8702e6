"""forcescan on Apache Spark (PySpark >= 3.5): sweeps of dumps and log tables on the executors.

Spark lists and partitions the files, reads them from any filesystem it knows (S3, ADLS, GCS,
HDFS, DBFS), schedules and retries; forcescan is the function it runs on each Arrow batch
(``mapInArrow``: no per-row Python, nothing collected on the driver).

    >>> from forcescan import spark as fs
    >>> files = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load("s3://bucket/incident/")
    >>> findings = fs.scan_files(files, root="s3://bucket/incident/")   # archives opened
    >>> # or let each executor read its files (faster; an unreadable file becomes an error row):
    >>> findings = fs.scan_files(fs.file_list(files), root="s3://bucket/incident/")
    >>> fs.what_to_rotate(findings).show()                              # one row per secret
    >>> fs.errors(findings).show()                                      # what could not be scanned

    >>> logs = spark.table("lake.app_logs")                             # a row per log line
    >>> fs.scan_column(logs, "message").select("ts", "host", "rule", "secret").show()

Every function returns a DataFrame with a fixed schema (:data:`FINDINGS_SCHEMA` for findings).
Inputs that cannot be scanned become *error rows* (``error`` set, ``rule`` null), never a failed
job. With ``show_secrets=False`` (the default) no column holds a full secret: ``secret`` is
redacted and ``secret_value`` is null; ``scan_column`` also drops the scanned column itself.
"""

from __future__ import annotations

import os
import threading
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union
from urllib.parse import unquote, urlparse

import pyarrow as pa
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import BooleanType, LongType, StringType, StructField, StructType

from . import PathLike, _paths
from ._native import Scanner as _NativeScanner

__all__ = [
    "FINDINGS_SCHEMA",
    "RECORDS_SCHEMA",
    "scan_files",
    "scan_column",
    "what_to_rotate",
    "errors",
    "file_list",
]

_FIELDS: List[Tuple[str, object, object]] = [
    ("path", StringType(), pa.string()),
    ("rule", StringType(), pa.string()),
    ("title", StringType(), pa.string()),
    ("severity", StringType(), pa.string()),
    ("confidence", StringType(), pa.string()),
    ("line", LongType(), pa.int64()),
    ("column", LongType(), pa.int64()),
    ("end_line", LongType(), pa.int64()),
    ("end_column", LongType(), pa.int64()),
    ("offset", LongType(), pa.int64()),
    ("length", LongType(), pa.int64()),
    ("secret", StringType(), pa.string()),
    ("secret_value", StringType(), pa.string()),
    ("fingerprint", StringType(), pa.string()),
    ("org_id", StringType(), pa.string()),
    ("known_example", BooleanType(), pa.bool_()),
    ("binary", BooleanType(), pa.bool_()),
    ("decoded", StringType(), pa.string()),
    ("timestamp", StringType(), pa.string()),
    ("error", StringType(), pa.string()),
    ("warning", StringType(), pa.string()),
]

FINDINGS_SCHEMA = StructType([StructField(n, t, True) for n, t, _ in _FIELDS])
"""The columns of a findings DataFrame: the JSON report's finding fields, then ``error`` and
``warning``. A finding row has ``rule`` set and both null; an error row (an input not scanned in
full) has ``path`` and ``error``; a warning row (scanned in full, worth a look) ``path`` and
``warning``. ``timestamp`` is the one the secret's log line starts with, normalised as in
``forcescan sweep``."""

_FIELD_NAMES = [n for n, _, _ in _FIELDS]
_ARROW_FIELDS = [pa.field(n, t) for n, _, t in _FIELDS]

_PLACE = StructType([StructField("path", StringType()), StructField("line", LongType()), StructField("column", LongType())])

RECORDS_SCHEMA = StructType(
    [
        StructField("rule", StringType()),
        StructField("title", StringType()),
        StructField("severity", StringType()),
        StructField("confidence", StringType()),
        StructField("fingerprint", StringType()),
        StructField("secret", StringType()),
        StructField("secret_value", StringType()),
        StructField("org_id", StringType()),
        StructField("known_example", BooleanType()),
        StructField("occurrences", LongType()),
        StructField("first_seen", _PLACE),
        StructField("last_seen", _PLACE),
        StructField("first_timestamp", StringType()),
        StructField("last_timestamp", StringType()),
    ]
)
"""The columns of :func:`what_to_rotate`: the fields of ``forcescan sweep``'s records."""

_NO_CONTENT = "no content: the file could not be read"

# One native scanner per worker process and configuration: engines are built once, not per batch.
_SCANNERS: Dict[tuple, _NativeScanner] = {}
_LOCK = threading.Lock()


def _scanner(config: tuple) -> _NativeScanner:
    key = (os.getpid(), config)
    with _LOCK:
        s = _SCANNERS.get(key)
        if s is None:
            rule_texts, include_examples, decode, archives = config
            s = _NativeScanner([], include_examples, decode, archives, None, list(rule_texts))
            _SCANNERS[key] = s
        return s


def _config(rules, include_examples: bool, decode: bool, archives: bool) -> tuple:
    """What a worker needs to build the scanner. Rule files are read here, on the driver, and
    shipped as text, so executors need no access to them; a bad one fails now, with the command's
    message."""
    texts = []
    for p in _paths(rules):
        with open(p, encoding="utf-8") as f:
            texts.append((p, f.read()))
    config = (tuple(texts), include_examples, decode, archives)
    _NativeScanner([], include_examples, decode, archives, None, list(texts))  # raises RulesError
    return config


def _norm(uri: str) -> str:
    """``file:///x`` and ``file:/x`` are the same file (Spark's listing and its rows differ)."""
    return "file:/" + uri[len("file:///") :] if uri.startswith("file:///") else uri


def _display(uri: str, root: Optional[str]) -> str:
    """How a file is named in findings: its URI, percent-decoded, relative to ``root`` if under it."""
    uri = _norm(uri)
    if root:
        root = _norm(root)
        r = root.rstrip("/") + "/"
        if uri.startswith(r):
            uri = uri[len(r) :]
        elif uri == root.rstrip("/"):
            uri = os.path.basename(uri)
    return unquote(uri)


def _buffers(arr: pa.Array):
    """The buffer addresses of a binary or string Arrow array, for the native scanner."""
    t = arr.type
    if not (pa.types.is_binary(t) or pa.types.is_string(t) or pa.types.is_large_binary(t) or pa.types.is_large_string(t)):
        arr = arr.cast(pa.large_binary())
        t = arr.type
    width = 8 if (pa.types.is_large_binary(t) or pa.types.is_large_string(t)) else 4
    validity, offsets, data = arr.buffers()[:3]
    return (
        arr,
        data.address if data is not None else 0,
        data.size if data is not None else 0,
        offsets.address,
        width,
        arr.offset,
        validity.address if (validity is not None and arr.null_count > 0) else None,
    )


def _scan_array(
    scanner: _NativeScanner, arr: pa.Array, names: List[str], show_secrets: bool, missing: Optional[str]
) -> Dict[str, list]:
    keep, data, data_len, offsets, width, offset, validity = _buffers(arr)
    cols = scanner._scan_arrow(
        names, len(keep), data, data_len, offsets, width, offset, validity, show_secrets, missing
    )
    del keep  # the buffers were alive for the whole call
    return cols


def _findings_batch(cols: Dict[str, list]) -> pa.RecordBatch:
    return pa.RecordBatch.from_arrays([pa.array(cols[n], type=f.type) for n, f in zip(_FIELD_NAMES, _ARROW_FIELDS)], schema=pa.schema(_ARROW_FIELDS))


def _local_path(uri: str) -> Optional[str]:
    """The local path of a file URI (plain paths, ``file:``, ``dbfs:`` through /dbfs), else None."""
    u = urlparse(uri)
    if u.scheme == "":
        return uri
    if u.scheme == "file":
        return unquote(u.path)
    if u.scheme == "dbfs":
        return "/dbfs" + unquote(u.path)
    return None


def _read_remote(uri: str) -> bytes:
    """Reads a file no local path reaches, through pyarrow's filesystems (s3, gs, hdfs, abfs)."""
    from pyarrow import fs as pafs

    scheme = urlparse(uri).scheme
    if scheme in ("s3a", "s3n"):
        uri = "s3" + uri[len(scheme) :]
    filesystem, path = pafs.FileSystem.from_uri(uri)
    with filesystem.open_input_stream(path) as f:
        return f.read()


def _io_message(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return str(e) or type(e).__name__


def _scan_uris(scanner: _NativeScanner, uris: List[str], names: List[str], show_secrets: bool) -> Dict[str, list]:
    """Rows without content: each file is read here. Local files are scanned where they are, as
    ``forcescan sweep`` scans them (streamed, archives opened, in parallel); others are read
    through pyarrow. One that cannot be read is an error row with the reason."""
    local = [(p, n) for p, n in ((_local_path(u), n) for u, n in zip(uris, names)) if p is not None]
    cols: Dict[str, list] = {n: [] for n in _FIELD_NAMES}
    if local:
        got = scanner._scan_local([p for p, _ in local], [n for _, n in local], show_secrets)
        for n in _FIELD_NAMES:
            cols[n].extend(got[n])
    for uri, name in zip(uris, names):
        if _local_path(uri) is not None:
            continue
        try:
            data = _read_remote(uri)
        except Exception as e:  # noqa: BLE001 - any failure to read is that file's error row
            _append_problem(cols, name, _io_message(e), error=True)
            continue
        findings, errs, warns, _, _ = scanner.scan_bytes(data, name, show_secrets)
        for f in findings:
            d = f.to_dict()
            for n in _FIELD_NAMES:
                cols[n].append(d.get(n, False if n in ("known_example", "binary") else None))
        for p, m in errs:
            _append_problem(cols, p, m, error=True)
        for p, m in warns:
            _append_problem(cols, p, m, error=False)
    return cols


def _append_problem(cols: Dict[str, list], path: str, message: str, error: bool) -> None:
    for n in _FIELD_NAMES:
        cols[n].append(None)
    cols["path"][-1] = path
    cols["error" if error else "warning"][-1] = message


def scan_files(
    df: DataFrame,
    *,
    show_secrets: bool = False,
    root: Optional[str] = None,
    rules: Union[None, PathLike, Sequence[PathLike]] = None,
    include_examples: bool = False,
    decode: bool = True,
    archives: bool = True,
) -> DataFrame:
    """Scans the files of a ``spark.read.format("binaryFile")`` DataFrame, one row per file.

    Each file is scanned as ``forcescan sweep`` scans it: compressed files and archives (gz, bz2,
    xz, zst, zip, tar, nested) opened by their magic bytes, members named ``file!member``, line
    numbers of the decompressed text, inline allow markers honoured.

    Args:
        df: rows with ``path`` (a URI) and ``content`` (binary): Spark reads the files, and one it
            cannot read fails the job as any Spark read does (unless the reader's
            ``ignoreCorruptFiles``/``ignoreMissingFiles`` options skip it, unreported). Without a
            ``content`` column (a list of paths, see :func:`file_list`) each executor reads its
            files itself (local paths, ``file:``, ``dbfs:``; others through pyarrow's filesystems:
            ``s3://``, ``gs://``, ``hdfs://``), so a file that cannot be read (deleted since it was
            listed, permission denied) becomes an error row with the reason, and the job goes
            on; files over Spark's 2 GiB ``binaryFile`` limit are read too.
        show_secrets: fill ``secret_value`` with full secrets (off: no column holds one).
        root: a URI prefix to strip from file names (``s3://bucket/dump/``), so findings name
            files as a sweep of that directory would.
        rules, include_examples, decode, archives: as for :class:`forcescan.Scanner`; rule files
            are read on the driver.

    Returns:
        A DataFrame of :data:`FINDINGS_SCHEMA`: finding rows, and error rows (a corrupt archive, a
        file with no content) with ``path`` and ``error``.
    """
    if "path" not in df.columns:
        raise ValueError("scan_files wants a DataFrame with a `path` column (spark.read.format('binaryFile'))")
    config = _config(rules, include_examples, decode, archives)
    has_content = "content" in df.columns
    source = df.select("path", "content") if has_content else df.select("path")

    def scan(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        scanner = _scanner(config)
        for batch in batches:
            if batch.num_rows == 0:
                continue
            uris = batch.column(0).to_pylist()
            names = [_display(u, root) for u in uris]
            if has_content:
                cols = _scan_array(scanner, batch.column(1), names, show_secrets, _NO_CONTENT)
            else:
                cols = _scan_uris(scanner, uris, names, show_secrets)
            if cols["path"]:
                yield _findings_batch(cols)

    return source.mapInArrow(scan, FINDINGS_SCHEMA)


def file_list(files: DataFrame, partitions: Optional[int] = None) -> DataFrame:
    """The paths of a ``binaryFile`` DataFrame as a DataFrame of ``path`` alone, for
    :func:`scan_files` to read on the executors (so an unreadable file is an error row).

    The paths come from the DataFrame's file listing (``inputFiles()``, held by the driver since
    the DataFrame was created), not from its data: no file is opened. They are spread over
    ``partitions`` partitions (default: one per core Spark has, at most one per file). Each task
    scans its files in parallel on its executor's cores, so big and small files even out within
    it; more partitions than cores cost a task's overhead each (on 2 cores, 8 partitions of 8
    files took twice as long as 2).
    """
    spark = files.sparkSession
    uris = sorted(files.inputFiles())
    n = max(1, min(partitions or _cores(spark), len(uris) or 1))
    rows = [(u,) for u in uris]
    try:
        # Sliced where the list is, so no shuffle is needed to spread it.
        return spark.sparkContext.parallelize(rows, n).toDF("path string")
    except Exception:  # noqa: BLE001 - Spark Connect has no SparkContext
        return spark.createDataFrame(rows, "path string").repartition(n)


def _cores(spark) -> int:
    try:
        return int(spark.sparkContext.defaultParallelism)
    except Exception:  # noqa: BLE001 - Spark Connect has no SparkContext
        return 8


def scan_column(
    df: DataFrame,
    column: str,
    *,
    path: Optional[str] = None,
    line: Optional[str] = None,
    show_secrets: bool = False,
    rules: Union[None, PathLike, Sequence[PathLike]] = None,
    include_examples: bool = False,
    decode: bool = True,
    archives: bool = True,
) -> DataFrame:
    """Scans one text (or binary) column of a table where each row holds a log line or an event,
    keeping the row's own columns (timestamp, host, …) beside each finding.

    Args:
        df: any DataFrame.
        column: the column to scan. It is not in the result (it holds the secrets).
        path: a column naming where the row came from (a source file); findings' ``path`` is its
            value. Default: the scanned column's name.
        line: a column holding the row's line number in that file; findings' ``line`` and
            ``end_line`` count from it (a cell of one line gets the row's own number). Default:
            lines within the cell.
        show_secrets: fill ``secret_value`` with full secrets (off: no column holds one).
        rules, include_examples, decode, archives: as for :class:`forcescan.Scanner`.

    Returns:
        The input's columns (all but ``column``; a ``path``/``line`` column that ``path=``/
        ``line=`` names is replaced by the finding's own) followed by :data:`FINDINGS_SCHEMA`'s, one
        row per finding. Null cells are skipped.

    Raises:
        ValueError: another of the input's columns has the name of a finding column; rename it
            first (``df.withColumnRenamed("timestamp", "event_time")``).
    """
    if column not in df.columns:
        raise ValueError(f"no column {column!r} in the DataFrame")
    for c in (path, line):
        if c is not None and c not in df.columns:
            raise ValueError(f"no column {c!r} in the DataFrame")
    replaced = {c for c, f in ((path, "path"), (line, "line")) if c == f}
    kept = [c for c in df.columns if c != column and c not in replaced]
    clash = sorted(set(kept) & set(_FIELD_NAMES))
    if clash:
        raise ValueError(
            f"column(s) {', '.join(clash)} of the input have the names of finding columns; rename them first, "
            f"e.g. df.withColumnRenamed({clash[0]!r}, {('event_' + clash[0])!r})"
        )
    config = _config(rules, include_examples, decode, archives)
    fields = [df.schema[c] for c in kept]
    out_schema = StructType(fields + list(FINDINGS_SCHEMA.fields))
    extra = [c for c in (path, line) if c is not None and c not in kept and c != column]
    source = df.select(*(kept + extra + [column]))
    label = column

    def scan(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        scanner = _scanner(config)
        for batch in batches:
            if batch.num_rows == 0:
                continue
            cells = batch.column(batch.schema.get_field_index(column))
            if path is not None:
                names = ["" if v is None else str(v) for v in batch.column(batch.schema.get_field_index(path)).to_pylist()]
            else:
                names = [label]
            cols = _scan_array(scanner, cells, names, show_secrets, None)
            rows = cols.pop("row")
            if not rows:
                continue
            take = pa.array(rows, type=pa.int64())
            if line is not None:
                base = batch.column(batch.schema.get_field_index(line)).take(take).to_pylist()
                for key in ("line", "end_line"):
                    cols[key] = [None if (v is None or b is None) else int(b) + v - 1 for v, b in zip(cols[key], base)]
            own = [batch.column(batch.schema.get_field_index(c)).take(take) for c in kept]
            found = _findings_batch(cols)
            arrays = own + list(found.columns)
            yield pa.RecordBatch.from_arrays(arrays, names=kept + _FIELD_NAMES)

    return source.mapInArrow(scan, out_schema)


_SEVERITY_RANK = {"critical": 4, "high": 3, "medium": 2, "low": 1}


def _severity_rank(c: Column) -> Column:
    expr = F.lit(0)
    for name, rank in _SEVERITY_RANK.items():
        expr = F.when(c == name, F.lit(rank)).otherwise(expr)
    return expr


def _timestamp_key(ts: Column) -> Column:
    """A string that sorts as forcescan orders timestamps (by instant: normalised RFC 3339 text is
    the instant's wall clock; yearless syslog stamps come first), fraction padded to 9 digits."""
    frac = F.rpad(F.regexp_extract(ts, r"^.{19}\.([0-9]+)", 1), 9, "0")
    iso = F.concat(F.substring(ts, 1, 19), F.lit("."), frac)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    number = F.create_map(*[F.lit(x) for i, m in enumerate(months) for x in (m, f"{i + 1:02}")])
    month = number[F.substring(ts, 1, 3)]
    day = F.lpad(F.trim(F.substring(ts, 5, 2)), 2, "0")
    syslog = F.concat(F.lit("0000-"), month, F.lit("-"), day, F.lit("T"), F.substring(ts, 8, 8), F.lit(".000000000"))
    return F.when(ts.rlike(r"^[0-9]{4}-"), iso).otherwise(syslog)


def what_to_rotate(findings: DataFrame) -> DataFrame:
    """One row per distinct secret (rule and fingerprint): the records ``forcescan sweep``
    writes, computed by Spark's aggregation.

    ``occurrences`` counts the findings; ``first_seen``/``last_seen`` are the smallest and
    largest ``(path, line, column)``; ``first_timestamp``/``last_timestamp`` the earliest and
    latest line timestamp (by instant). Sorted as a sweep's report: most severe first, then rule,
    first place, fingerprint. Error and warning rows are left out (see :func:`errors`).

    Returns:
        A DataFrame of :data:`RECORDS_SCHEMA`.
    """
    f = findings.where(F.col("rule").isNotNull() & F.col("error").isNull())
    place = F.struct(F.col("path").alias("path"), F.col("line").alias("line"), F.col("column").alias("column"))
    ts = F.col("timestamp")
    stamp = F.when(ts.isNotNull(), F.struct(_timestamp_key(ts).alias("k"), ts.alias("t")))
    records = f.groupBy("rule", "fingerprint").agg(
        F.min("title").alias("title"),
        F.max_by("severity", _severity_rank(F.col("severity"))).alias("severity"),
        F.min("confidence").alias("confidence"),
        F.min("secret").alias("secret"),
        F.max("secret_value").alias("secret_value"),
        F.max("org_id").alias("org_id"),
        F.max(F.coalesce(F.col("known_example"), F.lit(False))).alias("known_example"),
        F.count(F.lit(1)).alias("occurrences"),
        F.min(place).alias("first_seen"),
        F.max(place).alias("last_seen"),
        F.min(stamp).getField("t").alias("first_timestamp"),
        F.max(stamp).getField("t").alias("last_timestamp"),
    )
    # One partition, sorted in place: a record per distinct secret is a small table, and a global
    # orderBy would first run a job to sample it.
    ordered = records.coalesce(1).sortWithinPartitions(
        _severity_rank(F.col("severity")).desc(), F.col("rule"), F.col("first_seen"), F.col("fingerprint")
    )
    return ordered.select(*[F.col(c.name).cast(c.dataType).alias(c.name) for c in RECORDS_SCHEMA.fields])


def errors(findings: DataFrame) -> DataFrame:
    """The inputs that could not be scanned in full: ``(path, message)``, one row each. When
    this is not empty the sweep is incomplete (``forcescan sweep`` would exit 2)."""
    return findings.where(F.col("error").isNotNull()).select("path", F.col("error").alias("message"))
