"""Issue 16's second bar: forcescan.spark on local[2] against `forcescan sweep`, same files.

usage: python benches/spark-sweep.py DATA RUNS OUT.json
Starts a local[2] session (timed apart: Spark's start-up is excluded from the bar), runs a tiny job
(the Python workers start), then RUNS times: scan_files over spark.read.format("binaryFile") of
DATA, what_to_rotate, collect (the records only). Writes the timings and the last run's records.
"""
import json
import sys
import time

from pyspark.sql import SparkSession

data, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
t0 = time.perf_counter()
spark = (
    SparkSession.builder.master("local[2]")
    .config("spark.ui.enabled", "false")
    .config("spark.driver.memory", "6g")
    .config("spark.sql.shuffle.partitions", "2")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")
session = time.perf_counter() - t0
from forcescan import spark as fs  # noqa: E402

t1 = time.perf_counter()
spark.range(4).mapInArrow(lambda it: it, "id long").count()  # Python workers up
warm = time.perf_counter() - t1
times, records = [], []
for _ in range(runs):
    t = time.perf_counter()
    files = spark.read.format("binaryFile").load(data)
    records = [r.asDict(recursive=True) for r in fs.what_to_rotate(fs.scan_files(files, root="file:" + data)).collect()]
    times.append(time.perf_counter() - t)
json.dump({"session": session, "warmup": warm, "runs": times, "records": records}, open(out, "w"))
