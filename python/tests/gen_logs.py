#!/usr/bin/env python3
"""Generate a synthetic log dump for throughput benchmarks.

A copy of the project's shared benchmark generator (shared/bench/gen-logs.py), kept in the
repository because CI has only the repository; with the defaults it writes the same bytes as the
original. Two options were added for the Python tests: --plant-mb (plant more often) and --pool
(plant from a small pool of lines, so secrets repeat across files, each occurrence on a line that
starts with its own timestamp). Every planted value is random: none is a real credential.

usage: gen_logs.py OUTDIR [--mb 1024] [--files 8] [--gzip-share 0.5] [--seed 7] [--plant-mb 64] [--pool 0]

Writes OUTDIR/*.log and OUTDIR/*.log.gz (about --mb megabytes of uncompressed text in all) made of
nginx access lines, Java application lines and JSON lines, with a few Salesforce credentials planted at
known places (about one per 64 MB). OUTDIR/planted.jsonl lists every planted secret: file, line, kind.
The same seed always gives the same bytes.
"""
import argparse, gzip, json, os, random, string

ALNUM = string.ascii_letters + string.digits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=int, default=1024)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--gzip-share", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--plant-mb", type=int, default=64)
    ap.add_argument("--pool", type=int, default=0)
    ap.add_argument("--manifest", default=None, help="where planted.jsonl goes (default: OUTDIR)")
    a = ap.parse_args()
    if a.plant_mb < 2:
        ap.error("--plant-mb must be at least 2")
    r = random.Random(a.seed)
    s = lambda al, n: "".join(r.choice(al) for _ in range(n))

    paths = ["/api/v2/orders", "/api/v2/orders/%d", "/login", "/static/app.%s.js", "/services/data/v60.0/query",
             "/health", "/api/v2/customers/%d/invoices", "/webhooks/stripe", "/graphql"]
    agents = ["Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0", "python-requests/2.32", "Go-http-client/2.0"]
    pool = []
    for i in range(50000):
        kind = i % 3
        if kind == 0:
            p = r.choice(paths)
            if "%d" in p:
                p = p % r.randint(1, 10**6)
            elif "%s" in p:
                p = p % s("0123456789abcdef", 8)
            pool.append('%d.%d.%d.%d - - [12/Oct/2026:%02d:%02d:%02d +0000] "GET %s HTTP/1.1" %d %d "-" "%s"' % (
                r.randint(1, 223), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254), r.randint(0, 23),
                r.randint(0, 59), r.randint(0, 59), p, r.choice([200, 200, 200, 301, 404, 500]), r.randint(0, 90000),
                r.choice(agents)))
        elif kind == 1:
            pool.append("2026-10-12 %02d:%02d:%02d.%03d %s [pool-%d-thread-%d] c.a.sync.%s - %s id=%s took=%dms" % (
                r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999),
                r.choice(["INFO ", "DEBUG", "WARN ", "ERROR"]), r.randint(1, 9), r.randint(1, 32),
                r.choice(["OrderService", "AccountSync", "InvoiceJob", "HttpClient"]),
                r.choice(["processed batch", "retrying request", "cache miss", "committed offset", "sent callout"]),
                s("0123456789abcdef", 16), r.randint(1, 4000)))
        else:
            pool.append(json.dumps({"ts": "2026-10-12T%02d:%02d:%02dZ" % (r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)),
                                    "level": r.choice(["info", "debug", "warn"]), "msg": r.choice(["request", "response", "job"]),
                                    "trace": s("0123456789abcdef", 32), "user": "u%d" % r.randint(1, 99999),
                                    "bytes": r.randint(0, 10**6)}))

    def org():
        return "00D" + s(ALNUM, 2) + "0000" + s(ALNUM, 6)

    def planted():
        k = r.choice(["access_token", "access_token_url", "refresh_token", "sfdx_auth_url", "password_token"])
        if k == "access_token":
            return k, "DEBUG [http] > Authorization: Bearer %s!AQ%s" % (org(), s(ALNUM + "._", 94))
        if k == "access_token_url":
            return "access_token", '10.0.0.9 - - [12/Oct/2026:10:00:00 +0000] "GET /secur/frontdoor.jsp?sid=%s%%21AR%s HTTP/1.1" 302 0 "-" "curl/8.5.0"' % (org(), s(ALNUM + "._", 94))
        if k == "refresh_token":
            return k, '{"level":"debug","msg":"token response","refresh_token":"5Aep861%s"}' % s(ALNUM + "._", 80)
        if k == "sfdx_auth_url":
            return k, "INFO deploy using force://PlatformCLI::5Aep861%s@acme.my.salesforce.com" % s(ALNUM + "._", 80)
        return k, "DEBUG soap request <n1:password>Harbor2026!%s</n1:password> to https://login.salesforce.com/services/Soap/u/60.0" % s(ALNUM, 24)

    plant_pool = [planted() for _ in range(a.pool)]

    def plant():
        if not plant_pool:
            return planted()
        kind, text = r.choice(plant_pool)
        if not text.startswith("10.0.0.9"):
            text = "2026-10-%02dT%02d:%02d:%02d.%03dZ %s" % (r.randint(10, 14), r.randint(0, 23), r.randint(0, 59),
                                                          r.randint(0, 59), r.randint(0, 999), text)
        return kind, text

    os.makedirs(a.out, exist_ok=True)
    per_file = a.mb * 1024 * 1024 // a.files
    n_gz = int(round(a.files * a.gzip_share))
    manifest = []
    for fi in range(a.files):
        gz = fi < n_gz
        name = "app-%02d.log%s" % (fi, ".gz" if gz else "")
        path = os.path.join(a.out, name)
        f = gzip.open(path, "wt", compresslevel=1) if gz else open(path, "w")
        written, line_no = 0, 0
        plant_every = a.plant_mb * 1024 * 1024
        next_plant = r.randint(1, plant_every)
        while written < per_file:
            block = [r.choice(pool) for _ in range(4096)]
            chunk_len = sum(len(x) + 1 for x in block)
            if written + chunk_len >= next_plant:
                kind, text = plant()
                idx = r.randrange(len(block))
                block[idx] = text
                manifest.append({"file": name, "line": line_no + idx + 1, "kind": kind})
                next_plant += r.randint(a.plant_mb // 2, a.plant_mb * 3 // 2) * 1024 * 1024
            f.write("\n".join(block) + "\n")
            written += chunk_len
            line_no += len(block)
        f.close()
    with open(a.manifest or os.path.join(a.out, "planted.jsonl"), "w") as m:
        for e in manifest:
            m.write(json.dumps(e) + "\n")
    print("wrote %d files (%d MB of text), %d planted secrets, manifest planted.jsonl" % (a.files, a.mb, len(manifest)))


if __name__ == "__main__":
    main()
