//! Matcher throughput on generated log text: with no anchor hits (the common case: pure prefilter
//! speed) and with a realistic density of hits and secrets (prefilter + windowed confirmation).
//!
//! Run: `cargo bench --bench matcher`. Figures are recorded in benches/README.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use forcescan::testing::Rng;
use forcescan::Engine;

/// About `size` bytes of nginx, Java and JSON log lines, like ../shared/bench/gen-logs.py makes.
/// With `hits`, one line in 200 carries an anchor (password=…, token …) and one in 5,000 a secret.
fn logs(size: usize, hits: bool) -> Vec<u8> {
    let mut r = Rng::new(0x9E3779B97F4A7C15);
    let mut out = String::with_capacity(size + 256);
    let mut n = 0u64;
    while out.len() < size {
        n += 1;
        let line = match n % 3 {
            0 => format!(
                "10.{}.{}.{} - - [12/Oct/2026:10:{:02}:{:02} +0000] \"GET {} HTTP/1.1\" 200 {} \"-\" \"{}\"",
                r.next_u64() % 256,
                r.next_u64() % 256,
                r.next_u64() % 256,
                r.next_u64() % 60,
                r.next_u64() % 60,
                r.pick(&["/api/v2/orders", "/login", "/services/data/v60.0/query", "/health"]),
                r.next_u64() % 90000,
                r.pick(&["curl/8.5.0", "Mozilla/5.0 (X11; Linux x86_64)", "python-requests/2.32"])
            ),
            1 => format!(
                "2026-10-12 10:00:{:02}.{:03} INFO  [pool-1-thread-{}] c.a.sync.OrderService - processed batch id={} took={}ms",
                r.next_u64() % 60,
                r.next_u64() % 1000,
                r.next_u64() % 32,
                r.chars(b"0123456789abcdef", 16),
                r.next_u64() % 4000
            ),
            _ => format!(
                "{{\"ts\":\"2026-10-12T10:00:00Z\",\"level\":\"info\",\"msg\":\"request\",\"trace\":\"{}\",\"user\":\"u{}\"}}",
                r.chars(b"0123456789abcdef", 32),
                r.next_u64() % 99999
            ),
        };
        out.push_str(&line);
        if hits && n % 200 == 0 {
            out.push_str(" password=hunter2 token=abc");
        }
        if hits && n % 5000 == 0 {
            out.push_str(" Bearer 00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm");
        }
        out.push('\n');
    }
    out.into_bytes()
}

fn bench_matcher(c: &mut Criterion) {
    let engine = Engine::builtin();
    let mut g = c.benchmark_group("matcher");
    g.sample_size(20);
    for (name, hits) in [("no-hits", false), ("with-hits", true)] {
        let buf = logs(32 << 20, hits);
        g.throughput(Throughput::Bytes(buf.len() as u64));
        g.bench_with_input(BenchmarkId::new("scan_bytes", name), &buf, |b, buf| {
            b.iter(|| engine.scan_bytes("bench.log", buf))
        });
        g.bench_with_input(BenchmarkId::new("scan_chunked", name), &buf, |b, buf| {
            b.iter(|| engine.scan_chunked("bench.log", buf))
        });
    }
    g.finish();
}

fn bench_startup(c: &mut Criterion) {
    c.bench_function("engine_startup", |b| b.iter(Engine::builtin));
}

criterion_group!(benches, bench_matcher, bench_startup);
criterion_main!(benches);
