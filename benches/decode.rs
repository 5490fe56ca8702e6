//! Decoder throughput: base64 runs, UTF-16 narrowing, escape normalisation, and the cost of the
//! encoded-anchor path on text that contains base64 blobs.
//!
//! Run: `cargo bench --bench decode`. Figures are recorded in benches/README.md.

use base64::Engine as _;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use forcescan::detect::{decode, unescape};
use forcescan::Engine;

const TOKEN: &str =
    "00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm";

fn bench_decoders(c: &mut Criterion) {
    let mut g = c.benchmark_group("decode");
    // A 48 KiB base64 run (a Kubernetes Secret value or a JSON blob) that starts with a token.
    let plain = format!("{TOKEN} {}", "config line with ordinary words, numbers 12345\n".repeat(1000));
    let run = base64::engine::general_purpose::STANDARD.encode(&plain);
    g.throughput(Throughput::Bytes(run.len() as u64));
    g.bench_function("base64_run", |b| b.iter(|| decode::decode_base64(run.as_bytes(), 0)));

    let utf16: Vec<u8> = plain.repeat(20).encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    g.throughput(Throughput::Bytes(utf16.len() as u64));
    g.bench_function("narrow_utf16", |b| b.iter(|| decode::narrow_utf16(&utf16, decode::Encoding::Utf16Le)));

    let escaped = "Hunter2%21pMud8Cp3ms6crgGuWFoB1Nnk&#x21;\\u0021".repeat(100);
    g.throughput(Throughput::Bytes(escaped.len() as u64));
    g.bench_function("unescape", |b| b.iter(|| unescape::normalize(escaped.as_bytes())));

    // Whole-engine cost of a document with a base64 blob in it, against the same text in clear.
    let engine = Engine::builtin();
    let k8s = format!("apiVersion: v1\nkind: Secret\ndata:\n  blob: {run}\n");
    g.throughput(Throughput::Bytes(k8s.len() as u64));
    g.bench_function("engine_with_base64_blob", |b| b.iter(|| engine.scan_bytes("secret.yaml", k8s.as_bytes())));
    g.throughput(Throughput::Bytes(plain.len() as u64));
    g.bench_function("engine_same_text_in_clear", |b| b.iter(|| engine.scan_bytes("plain.txt", plain.as_bytes())));
    g.finish();
}

criterion_group!(benches, bench_decoders);
criterion_main!(benches);
