"""Issue 16's second bar: forcescan.spark on local[2] against `forcescan sweep`, same files.

usage: python benches/spark-sweep.py DATA RUNS OUT.json
Starts a local[2] session (timed apart: Spark's start-up is excluded from the bar), runs a tiny job
(the Python workers start), then RUNS times each, alternating: what_to_rotate(scan_files(F))
collected (the records only), with F the spark.read.format("binaryFile") DataFrame of DATA
("content": Spark reads the files) and fs.file_list(F) ("paths": the executors read them).
Writes the timings and the last run's records.
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
times = {"content": [], "paths": []}
records = {}
for _ in range(runs):
    for mode in times:
        t = time.perf_counter()
        files = spark.read.format("binaryFile").load(data)
        source = files if mode == "content" else fs.file_list(files)
        got = fs.what_to_rotate(fs.scan_files(source, root="file:" + data)).collect()
        times[mode].append(time.perf_counter() - t)
        records[mode] = [r.asDict(recursive=True) for r in got]
json.dump({"session": session, "warmup": warm, "runs": times, "records": records}, open(out, "w"))
