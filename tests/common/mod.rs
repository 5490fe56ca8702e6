//! Helpers shared by the integration tests: fake credentials of the exact real shape, and a way to
//! run the binary. Every value here is generated for these tests; none is a real credential.
#![allow(dead_code)]

pub mod fake_salesforce;
pub mod git;
pub mod sarif;

use assert_cmd::Command;
use std::path::Path;

pub const ACCESS_TOKEN: &str =
    "00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm";
pub const ACCESS_TOKEN_2: &str =
    "00DmV00002AjC6a!AQla5kzFpfITtaO.rC8qLk1urN0XtzWbnXjgSTdd8PM5Pp_7vtA3R6DiZezwfg5y9cqBruxXI21kXNxSwH7_1K7wP94pJmBD";
pub const REFRESH_TOKEN: &str =
    "5Aep8610tPsf8ahmTGQduyl23zvEC_BVu226UAN49lBzokTuowA3y2dsIKUYb96IT.rnsCT6WgPGk77SmJLekfi";
pub const SECURITY_TOKEN: &str = "exz9e2axKQfrJomvqftIJh0I";
pub const DOC_ACCESS_TOKEN: &str =
    "00Dx0000000BV7z!AR8AQP0jITN80ESEsj5EbaZTFG0RNBaT1cyWk7Tr5q9OrHVBWZ6T7d8sq.Bv1frJeYGiHXfDJfLlPWDzb9EhrDQNEN.uwAe2";

/// Every fake credential above, for checks that none of them leaks into a report.
pub const ALL_SECRETS: &[&str] = &[ACCESS_TOKEN, ACCESS_TOKEN_2, REFRESH_TOKEN, SECURITY_TOKEN, DOC_ACCESS_TOKEN];

pub fn forcescan() -> Command {
    let mut c = Command::cargo_bin("forcescan").expect("binary built");
    c.env_remove("NO_COLOR").env_remove("FORCESCAN_HASH_KEY").env_remove("FORCESCAN_VALIDATION_BASE_URL");
    c
}

pub fn write(dir: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

pub fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Parses JSON Lines output into (path, line, rule) triples, sorted.
pub fn jsonl_triples(stdout: &str) -> Vec<(String, u64, String)> {
    let mut v: Vec<_> = stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let j: serde_json::Value = serde_json::from_str(l).expect("each line is JSON");
            (
                j["path"].as_str().unwrap().to_string(),
                j["line"].as_u64().unwrap(),
                j["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Deterministic random-looking characters from `alphabet` (xorshift), for generating fake
/// credentials of the exact real shape: none of them is, or was ever, a real credential.
pub fn fake_chars(seed: u64, n: usize, alphabet: &[u8]) -> String {
    forcescan::testing::Rng::new(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1).chars(alphabet, n)
}

const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A fake access token: `00D` + 12, `!`, `AQ` + 94.
pub fn fake_access_token(seed: u64) -> String {
    format!("00D{}!AQ{}", fake_chars(seed, 12, ALNUM), fake_chars(seed + 1000, 94, ALNUM))
}

/// A fake refresh token: `5Aep861` + 80.
pub fn fake_refresh_token(seed: u64) -> String {
    format!("5Aep861{}", fake_chars(seed, 80, ALNUM))
}

/// A fake consumer secret: 64 upper-case hex.
pub fn fake_consumer_secret(seed: u64) -> String {
    fake_chars(seed, 64, b"0123456789ABCDEF")
}

/// A fake consumer key: `3MVG9` + 80.
pub fn fake_consumer_key(seed: u64) -> String {
    format!("3MVG9{}", fake_chars(seed, 80, ALNUM))
}

/// A fake password with a 24-character security token appended.
pub fn fake_password_with_token(seed: u64) -> String {
    format!("Hunter2!{}", fake_chars(seed, 24, ALNUM))
}

/// Gzip of `data` (fast level), for archive and sweep tests.
pub fn gz(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}
