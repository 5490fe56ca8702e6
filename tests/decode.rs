//! Encoded credentials: base64 blocks and values, UTF-16 text and strings, percent-encoded URLs.
//! Spans always point at the bytes as written.

mod common;
use base64::Engine as _;
use common::*;

fn b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s)
}

fn json_findings(dir: &std::path::Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = forcescan().current_dir(dir).args(["scan", "-f", "json"]).args(args).output().unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    j["findings"].as_array().unwrap().clone()
}

#[test]
fn a_token_deep_in_a_minified_line_is_found_in_three_encodings_with_exact_columns() {
    let d = tempfile::tempdir().unwrap();
    let forms = [ACCESS_TOKEN.replace('!', "%21"), ACCESS_TOKEN.replace('!', "\\u0021"), b64(ACCESS_TOKEN)];
    let mut line = String::new();
    let mut starts = Vec::new();
    for (i, form) in forms.iter().enumerate() {
        let at = 1_000_000 + i * 300_000;
        while line.len() < at - 2 {
            line.push_str("var a=function(b){return b*2};");
        }
        line.truncate(at - 2);
        line.push_str("=\"");
        starts.push(line.len());
        line.push_str(form);
        line.push('"');
    }
    while line.len() < 2_000_000 {
        line.push_str("x=1;");
    }
    write(d.path(), "app.min.js", &line);
    let f = json_findings(d.path(), &[]);
    assert_eq!(f.len(), 3, "{f:#?}");
    for (i, x) in f.iter().enumerate() {
        assert_eq!(x["rule"], "salesforce-access-token");
        assert_eq!(x["line"], 1);
        assert_eq!(x["column"].as_u64().unwrap(), starts[i] as u64 + 1, "form {i}");
        assert_eq!(x["length"].as_u64().unwrap(), forms[i].len() as u64, "form {i}");
        assert_eq!(x["fingerprint"], f[0]["fingerprint"], "one secret, three spellings");
    }
    assert_eq!(f[2]["decoded"], "base64");
    // With decoding off, only the forms the rule spells out itself remain.
    assert_eq!(json_findings(d.path(), &["--no-decode"]).len(), 2);
}

#[test]
fn kubernetes_secret_values_are_decoded() {
    let d = tempfile::tempdir().unwrap();
    let yaml = format!(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: salesforce-creds\ntype: Opaque\ndata:\n  SF_PASSWORD: {}\n  SF_ACCESS_TOKEN: {}\n  SF_REFRESH_TOKEN: {}\n",
        b64("Hunter2!exz9e2axKQfrJomvqftIJh0I"),
        b64(ACCESS_TOKEN_2),
        b64(REFRESH_TOKEN)
    );
    write(d.path(), "k8s/secret.yaml", &yaml);
    let f = json_findings(d.path(), &[]);
    let got: Vec<(u64, &str, &str)> = f
        .iter()
        .map(|x| (x["line"].as_u64().unwrap(), x["rule"].as_str().unwrap(), x["decoded"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        vec![
            (7, "salesforce-password-with-token", "base64"),
            (8, "salesforce-access-token", "base64"),
            (9, "salesforce-refresh-token", "base64")
        ]
    );
    assert_eq!(f[1]["column"], 20);
}

#[test]
fn utf16_files_with_and_without_bom() {
    let d = tempfile::tempdir().unwrap();
    let text = format!("# exported settings\r\nSF_SECURITY_TOKEN={SECURITY_TOKEN}\r\nBearer {ACCESS_TOKEN}\r\n");
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    write(d.path(), "le.txt", &le);
    write(d.path(), "be.txt", &be);
    let f = json_findings(d.path(), &[]);
    let got: Vec<(&str, u64, u64, &str, &str)> = f
        .iter()
        .map(|x| {
            (
                x["path"].as_str().unwrap(),
                x["line"].as_u64().unwrap(),
                x["column"].as_u64().unwrap(),
                x["rule"].as_str().unwrap(),
                x["decoded"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("be.txt", 2, 19, "salesforce-security-token", "utf-16be"),
            ("be.txt", 3, 8, "salesforce-access-token", "utf-16be"),
            ("le.txt", 2, 19, "salesforce-security-token", "utf-16le"),
            ("le.txt", 3, 8, "salesforce-access-token", "utf-16le"),
        ]
    );
    // Offsets count original bytes: BOM + 2 bytes per code unit.
    let at = text.find("Bearer ").unwrap() + 7;
    assert_eq!(f[3]["offset"].as_u64().unwrap(), 2 + 2 * at as u64);
    assert_eq!(f[3]["length"].as_u64().unwrap(), 2 * ACCESS_TOKEN.len() as u64);
    // Streams are narrowed too.
    let out = forcescan().args(["scan", "-", "-f", "jsonl"]).write_stdin(le).output().unwrap();
    assert_eq!(jsonl_triples(&stdout_of(&out)).len(), 2);
}

#[test]
fn utf16_strings_inside_a_binary() {
    let d = tempfile::tempdir().unwrap();
    let mut bin = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00".to_vec();
    bin.extend(std::iter::repeat_n(0u8, 64));
    bin.extend(format!("refresh={REFRESH_TOKEN}").encode_utf16().flat_map(|u| u.to_le_bytes()));
    bin.extend([0, 0, 0xFF, 0x13, 0x00]);
    write(d.path(), "tool.exe", &bin);
    let f = json_findings(d.path(), &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["rule"], "salesforce-refresh-token");
    assert_eq!(f[0]["decoded"], "utf-16");
    assert_eq!(f[0]["offset"].as_u64().unwrap(), 74 + 2 * 8);
    assert_eq!(f[0]["length"].as_u64().unwrap(), 2 * REFRESH_TOKEN.len() as u64);
    assert_eq!(f[0]["binary"], true);
}

/// A file that starts with far more text than any sample of its head (an installer script with
/// its payload appended): UTF-16 strings in the binary part are still found.
#[test]
fn a_utf16_string_after_a_long_text_header() {
    use forcescan::Engine;
    let mut bin = "#!/bin/sh\n# self-extracting installer: do not edit below this line\n".repeat(400).into_bytes();
    assert!(bin.len() > 24 << 10);
    bin.extend_from_slice(b"\x00\x01\x02\x03\xff");
    let at = bin.len() + 2 * "refresh=".len();
    bin.extend(format!("refresh={REFRESH_TOKEN}").encode_utf16().flat_map(|u| u.to_le_bytes()));
    bin.extend([0, 0, 0xff, 0x13]);
    let f = Engine::builtin().scan_bytes("installer.run", &bin);
    let got: Vec<(&str, u64, Option<&str>)> = f.iter().map(|f| (f.rule.as_str(), f.offset, f.decoded)).collect();
    assert_eq!(got, vec![("salesforce-refresh-token", at as u64, Some("utf-16"))]);
}

#[test]
fn a_percent_encoded_auth_url_in_a_query_string() {
    let d = tempfile::tempdir().unwrap();
    let url = format!("force://PlatformCLI::{REFRESH_TOKEN}@acme.my.salesforce.com");
    let enc = url.replace(':', "%3A").replace('/', "%2F").replace('@', "%40");
    write(d.path(), "access.log", format!("GET /deploy?auth={enc}&env=prod HTTP/1.1\n"));
    let f = json_findings(d.path(), &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["rule"], "salesforce-sfdx-auth-url");
    assert_eq!(f[0]["column"], 18);
    assert_eq!(f[0]["length"].as_u64().unwrap(), enc.len() as u64);
}

/// A session ID in a URL carried inside another URL's parameter is percent-encoded twice: its `!`
/// is `%2521`. It is found where it is written, as the same secret as its plain spelling, whether
/// the inner URL's other characters were encoded once or twice.
#[test]
fn a_doubly_percent_encoded_session_id_in_a_nested_url() {
    let d = tempfile::tempdir().unwrap();
    let enc =
        |s: &str| s.replace('%', "%25").replace(':', "%3A").replace('/', "%2F").replace('?', "%3F").replace('=', "%3D");
    // The inner URL's `sid` value was encoded (`!` → `%21`), then the whole URL as a parameter.
    let inner = format!("https://acme.my.salesforce.com/secur/frontdoor.jsp?sid={}", ACCESS_TOKEN.replace('!', "%21"));
    let nested = enc(&inner);
    assert!(nested.ends_with(&format!("%3Fsid%3D{}", ACCESS_TOKEN.replace('!', "%2521"))), "{nested}");
    // The inner URL encoded as a whole, then again as a parameter.
    let twice = enc(&enc(&inner.replace("%21", "!")).replace('!', "%21"));
    assert!(twice.contains("%253Fsid%253D00Dhu0000G8GP38%2521AQnC1"), "{twice}");
    let prefix = "GET /login?next=";
    write(d.path(), "access.log", format!("{prefix}{nested}&lang=en HTTP/1.1\n{prefix}{twice} HTTP/1.1\n"));
    write(d.path(), "plain.log", format!("sid={ACCESS_TOKEN}\n"));
    write(d.path(), "bare.txt", format!("token {}\n", ACCESS_TOKEN.replace('!', "%2521")));

    let out = forcescan().current_dir(d.path()).args(["scan", "--color", "never", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let lines: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    let col = |url: &str| prefix.len() + url.find("00D").unwrap() + 1;
    assert_eq!(
        lines,
        vec![
            format!("access.log:1:{}  salesforce-access-token  00Dh…Vm", col(&nested)),
            format!("access.log:2:{}  salesforce-access-token  00Dh…Vm", col(&twice)),
            "bare.txt:1:7  salesforce-access-token  00Dh…Vm".to_string(),
            "plain.log:1:5  salesforce-access-token  00Dh…Vm".to_string(),
        ]
    );
    assert!(text.contains("forcescan: 4 findings, 1 distinct secret (3 files, "), "{text}");

    let f = json_findings(d.path(), &["--show-secrets"]);
    assert_eq!(f.len(), 4, "{f:#?}");
    for x in &f[..3] {
        assert_eq!(x["length"].as_u64().unwrap(), (ACCESS_TOKEN.len() + 4) as u64, "the span as written");
        assert_eq!(x["decoded"], "percent");
    }
    for x in &f {
        assert_eq!(x["secret_value"], ACCESS_TOKEN, "normalised to the value a user would paste");
        assert_eq!(x["fingerprint"], f[3]["fingerprint"]);
    }
}

#[test]
fn base64_that_decodes_to_noise_stays_silent() {
    let d = tempfile::tempdir().unwrap();
    // "MDBE" (base64 of "00D") inside an unrelated image blob.
    write(
        d.path(),
        "img.html",
        "<img src=\"data:image/png;base64,iVBORw0KGgoMDBEAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk\">\n",
    );
    assert!(json_findings(d.path(), &[]).is_empty());
}

/// A UTF-16 string longer than one decoded run (64 KiB) inside a binary: a token deep inside it is
/// found, at its place, whether the binary is read whole or in small chunks (before, only a run's
/// first 64 KiB were decoded, and chunks each walked the rest of the run: quadratic time).
#[test]
fn a_token_deep_in_a_long_utf16_string_inside_a_binary() {
    use forcescan::{Engine, EngineOptions, RuleBook};
    // A header that no UTF-16 detection mistakes for text, so only the string search can find it.
    let mut bin = b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec();
    bin.extend((0..1000u32).map(|i| (i * 37 % 251) as u8 | 0x80));
    let text = format!("{} {ACCESS_TOKEN} {}", "log line of a long resource string ".repeat(5000), "x".repeat(9000));
    let at = bin.len() + 2 * text.find("00D").unwrap();
    bin.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    bin.extend_from_slice(b"\x00\x00\xff\xfe trailer");
    let chunked = EngineOptions { chunk_size: 4096, ..Default::default() };
    for e in [Engine::builtin(), Engine::new(RuleBook::builtin(), chunked).unwrap()] {
        for f in [e.scan_bytes("app.bin", &bin), e.scan_chunked("app.bin", &bin)] {
            let got: Vec<(&str, u64, u64)> = f.iter().map(|f| (f.rule.as_str(), f.offset, f.length)).collect();
            assert_eq!(got, vec![("salesforce-access-token", at as u64, 2 * ACCESS_TOKEN.len() as u64)]);
        }
    }
}

/// A connected app's consumer key and secret, as an `Authorization: Basic` header carries them.
const CLIENT_PAIR: &str = "3MVG9r6q_XZ9WDGREc2IRPWCof6wfwcrFZr0CIXaKar1otrAk3UqrfNtnns7uf6PMForozso6ZBcvtwI89EYu:F9C4952C8641B20EEB20930C5BCC5994B122E084E595E5307A2D35136D805A57";

/// Lines with an `Authorization: Basic` header and a base64-encoded access token, in either order
/// and in JSON, and the (rule, byte offset) of what each holds, in line order.
fn basic_header_lines() -> Vec<(String, Vec<(&'static str, usize)>)> {
    let (pair, token, alice) = (b64(CLIENT_PAIR), b64(ACCESS_TOKEN), b64("alice:correct horse battery staple"));
    let lines = [
        format!("POST /services/data Authorization: Basic {pair} X-SF-Session: {token}"),
        format!("POST /services/data X-SF-Session: {token} Authorization: Basic {pair}"),
        format!("GET /metrics Authorization: Basic {alice} X-SF-Session: {token}"),
        format!("{{\"headers\":{{\"Authorization\":\"Basic {pair}\",\"X-SF-Session\":\"{token}\"}}}}"),
    ];
    lines
        .into_iter()
        .map(|l| {
            let mut want = vec![("salesforce-access-token", l.find(&token).unwrap())];
            if let Some(at) = l.find(&pair) {
                want.push(("salesforce-client-credentials", at));
            }
            want.sort_by_key(|w| w.1);
            (l, want)
        })
        .collect()
}

/// Regression: a base64 run decoded for a hit of one automaton (tier) hid the next tier's hits
/// before the run's end, so a Basic header and a base64 token on one line lost one of the two,
/// depending on which tier each base64 anchor fell in. Every line finds both, at their places.
#[test]
fn a_basic_header_and_a_base64_token_on_one_line_are_both_found() {
    let d = tempfile::tempdir().unwrap();
    let lines = basic_header_lines();
    let text: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
    write(d.path(), "api.log", &text);
    let out = forcescan().current_dir(d.path()).args(["scan", "--color", "never", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let s = stdout_of(&out);
    let got: Vec<&str> = s.lines().take_while(|l| !l.is_empty()).collect();
    let want: Vec<String> = lines
        .iter()
        .enumerate()
        .flat_map(|(n, (_, w))| {
            w.iter().map(move |(rule, at)| {
                let value = if *rule == "salesforce-access-token" { "00Dh…Vm" } else { "3MVG…57" };
                format!("api.log:{}:{}  {rule}  {value}", n + 1, at + 1)
            })
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(want.len(), 7);
}

/// The same lines whatever the tier layout: padding rules move where the automata split the
/// anchors, so that the base64 anchors of the token (`MDBE`) and of the consumer key (`M01WRz`) fall
/// in the same tier or in different ones, in either order.
#[test]
fn a_basic_header_and_a_base64_token_are_both_found_in_every_tier_layout() {
    use forcescan::{Engine, EngineOptions, RuleBook};
    let lines = basic_header_lines();
    for pad in 0..=17 {
        let mut book = RuleBook::builtin();
        if pad > 0 {
            let anchors: Vec<String> = (0..pad).map(|i| format!("\"qqzx{i:02}\"")).collect();
            let rule = format!(
                "[[rule]]\nid = \"test-padding\"\ntitle = \"padding\"\ndescription = \"Moves the tier boundaries.\"\n\
                 severity = \"low\"\nconfidence = \"low\"\nanchors = [{}]\nencoded_anchors = false\n\
                 regex = '''(?P<secret>qqzx[0-9]{{20}})'''\nwindow = [0, 30]\n",
                anchors.join(", ")
            );
            book.add_toml("padding.toml", &rule).unwrap();
        }
        let engine = Engine::new(book, EngineOptions::default()).unwrap();
        let mut unit = String::new();
        let mut unit_want = Vec::new();
        for (line, want) in &lines {
            let f = engine.scan_bytes("api.log", line.as_bytes());
            let got: Vec<(&str, usize)> = f.iter().map(|f| (f.rule.as_str(), f.offset as usize)).collect();
            assert_eq!(&got, want, "{pad} padding anchors: {line}");
            assert!(f.iter().all(|f| f.decoded == Some("base64")), "{pad}: {f:#?}");
            unit_want.extend(want.iter().map(|(rule, at)| (*rule, unit.len() + at)));
            unit.push_str(line);
            unit.push('\n');
        }
        // And all of them in one unit: a header on one line, the token on the next.
        let f = engine.scan_bytes("api.log", unit.as_bytes());
        let got: Vec<(&str, usize)> = f.iter().map(|f| (f.rule.as_str(), f.offset as usize)).collect();
        assert_eq!(got, unit_want, "{pad} padding anchors, one unit");
    }
}
