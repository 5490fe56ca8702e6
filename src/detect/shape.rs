//! Deciding whether a regex match is a credential: placeholders and references, published example
//! values, and per-rule shape checks ("validators") that are easier to say in code than in a regex.
//!
//! Every check here works on the *normalised* value (see `unescape`), so `Hunter2%21tok…` and
//! `Hunter2!tok…` are judged alike.

use crate::detect::rules::KnownExamples;

/// Shape checks a rule can name in its `validators` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validator {
    /// Token payload is random-looking (after `!` for access tokens, after the prefix otherwise).
    TokenPayload,
    /// SFDX auth URL: refresh part random-looking.
    AuthUrl,
    /// 64 upper-case hex, 19 digits, or a random-looking ≥ 32-char admin-set secret.
    ConsumerSecret,
    /// A password with a 24/25-char security token appended.
    PasswordWithToken,
    /// A standalone 24/25-char security token (also `alnum-24`: any 24/25-char mixed-case
    /// alphanumeric secret, such as a Marketing Cloud client secret).
    SecurityToken,
    /// A plain password: long enough, not an identifier, not ciphertext, no token tail.
    PlainPassword,
    /// Random-looking: enough entropy, no long runs of one character.
    Random,
    /// A JWT whose header says `"tty":"sfdc-core-token"` (a Salesforce JWT access token).
    JwtSfdcCore,
    /// `<3MVG9 consumer key>:<secret>` or `client_id=3MVG9…&…client_secret=…`, secret shaped like one.
    ClientCredentials,
}

impl Validator {
    pub fn parse(name: &str) -> Option<Validator> {
        Some(match name {
            "token-payload" => Validator::TokenPayload,
            "auth-url" => Validator::AuthUrl,
            "consumer-secret" => Validator::ConsumerSecret,
            "password-with-token" => Validator::PasswordWithToken,
            "security-token" => Validator::SecurityToken,
            "plain-password" => Validator::PlainPassword,
            "random" => Validator::Random,
            "jwt-sfdc-core" => Validator::JwtSfdcCore,
            "client-credentials" => Validator::ClientCredentials,
            "alnum-24" => Validator::SecurityToken,
            _ => return None,
        })
    }

    pub(crate) const NAMES: &'static [&'static str] = &[
        "token-payload",
        "auth-url",
        "consumer-secret",
        "password-with-token",
        "security-token",
        "plain-password",
        "random",
        "jwt-sfdc-core",
        "client-credentials",
        "alnum-24",
    ];

    pub fn check(self, v: &[u8]) -> bool {
        match self {
            Validator::TokenPayload => token_payload_ok(v),
            Validator::AuthUrl => auth_url_ok(v),
            Validator::ConsumerSecret => consumer_secret_ok(v),
            Validator::PasswordWithToken => split_password_token(v).is_some(),
            Validator::SecurityToken => security_token_ok(v),
            Validator::PlainPassword => plain_password_ok(v),
            Validator::Random => random_looking(v, 3.5),
            Validator::JwtSfdcCore => jwt_sfdc_core(v),
            Validator::ClientCredentials => client_credentials_ok(v),
        }
    }
}

/// Shannon entropy in bits per byte.
pub(crate) fn entropy(s: &[u8]) -> f64 {
    if s.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in s {
        counts[b as usize] += 1;
    }
    let n = s.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

fn longest_run(s: &[u8]) -> usize {
    let (mut best, mut cur) = (0, 0);
    for i in 0..s.len() {
        cur = if i > 0 && s[i] == s[i - 1] { cur + 1 } else { 1 };
        best = best.max(cur);
    }
    best
}

/// Words and markers that say "this is not a real value".
const PLACEHOLDER_WORDS: &[&str] = &[
    "example",
    "placeholder",
    "redacted",
    "removed",
    "hidden",
    "your_",
    "your-",
    "yoursecret",
    "yourpassword",
    "yourtoken",
    "changeme",
    "change_me",
    "change-me",
    "dummy",
    "sample",
    "_here",
    "xxxx",
    "todo",
    "fixme",
    "notreal",
    "not_real",
    "fake_",
    "insert_",
    "replace_",
    "secret_value",
    "<sid",
    "(hidden)",
];

/// References to a value held elsewhere, and encrypted-value wrappers.
const REFERENCE_MARKERS: &[&str] = &[
    "${",
    "{{",
    "%(",
    "$(",
    "#{",
    "<%",
    "process.env",
    "os.environ",
    "getenv",
    "env(",
    "env.",
    "secrets.",
    "secure::",
    "vault:",
    "ENC(",
    "![",
    "{cipher}",
    "$2a$",
    "$2b$",
    "$2y$",
    "$argon",
    "***",
    "…",
];

/// True when the value is a placeholder, a reference or a redaction marker, not a credential.
pub fn is_placeholder(v: &[u8]) -> bool {
    if v.is_empty() {
        return true;
    }
    // One automaton per list: checking word by word was a tenth of a keyword-dense log's time.
    static WORDS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    static MARKERS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(PLACEHOLDER_WORDS)
            .expect("literal words")
    });
    let markers = MARKERS.get_or_init(|| aho_corasick::AhoCorasick::new(REFERENCE_MARKERS).expect("literal markers"));
    if words.is_match(v) || markers.is_match(v) {
        return true;
    }
    // `<REFRESH_TOKEN>`, `[password]`, `$SF_PASSWORD`, `%SF_PASSWORD%`, `:password`
    let first = v[0];
    let last = v[v.len() - 1];
    if matches!((first, last), (b'<', b'>') | (b'[', b']') | (b'{', b'}') | (b'%', b'%')) {
        return true;
    }
    if (first == b'$' || first == b':' || first == b'@')
        && v[1..].iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
    {
        return true;
    }
    // SCREAMING_SNAKE names: `YOUR_SECURITY_TOKEN`, `SF_PASSWORD`
    if v.len() > 3
        && v.contains(&b'_')
        && v.split(|&b| b == b'_')
            .all(|seg| seg.iter().all(u8::is_ascii_uppercase) || seg.iter().all(u8::is_ascii_digit))
    {
        return true;
    }
    // Org ID made of x/X/0 only: `00Dxx0000000000`
    if v.len() >= 15 && v.starts_with(b"00D") && v[3..15].iter().all(|&b| matches!(b, b'x' | b'X' | b'0')) {
        return true;
    }
    // Long runs of one character: `********`, `AAAAAAAAAA` (real org IDs have up to ~8 zeros).
    let run = longest_run(v);
    (v.len() >= 16 && run >= 10) || (v.len() >= 6 && v.len() < 16 && run * 2 >= v.len())
}

/// True when the value contains a published example value (a documentation token inside an auth
/// URL is still the documentation token).
pub(crate) fn is_known_example(v: &[u8], known: &KnownExamples) -> bool {
    known.values.iter().any(|s| memchr::memmem::find(v, s.as_bytes()).is_some())
}

fn has_upper(v: &[u8]) -> bool {
    v.iter().any(u8::is_ascii_uppercase)
}
fn has_lower(v: &[u8]) -> bool {
    v.iter().any(u8::is_ascii_lowercase)
}
fn has_digit(v: &[u8]) -> bool {
    v.iter().any(u8::is_ascii_digit)
}

/// Random tokens over 62-64 symbols have about 4.5–5.8 bits per character at these lengths;
/// placeholders and test patterns (`AAAA…`, `abcabc…`) sit far below.
fn random_looking(v: &[u8], min_bits: f64) -> bool {
    entropy(v) >= min_bits && longest_run(v) < 6
}

fn token_payload_ok(v: &[u8]) -> bool {
    let payload = match v.iter().position(|&b| b == b'!') {
        Some(p) => &v[p + 1..],
        None => v.get(7..).unwrap_or(v),
    };
    random_looking(payload, 3.8)
}

fn auth_url_ok(v: &[u8]) -> bool {
    let Some(at) = v.iter().rposition(|&b| b == b'@') else {
        return false;
    };
    let before = &v[..at];
    let refresh = before.rsplit(|&b| b == b':' || b == b'/').next().unwrap_or(before);
    refresh.len() >= 20 && random_looking(refresh, 3.5)
}

fn is_hex(v: &[u8]) -> bool {
    !v.is_empty() && v.iter().all(u8::is_ascii_hexdigit)
}

fn consumer_secret_ok(v: &[u8]) -> bool {
    if v.len() == 64 && v.iter().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(b)) {
        return entropy(v) >= 3.0;
    }
    if v.len() == 19 && v.iter().all(u8::is_ascii_digit) {
        return longest_run(v) < 6;
    }
    // Lower-case hex of digest lengths is a hash, not an admin-set secret.
    if is_hex(v) && matches!(v.len(), 32 | 40 | 64 | 128) && !has_upper(v) {
        return false;
    }
    (32..=128).contains(&v.len())
        && v.iter().all(|&b| b.is_ascii_alphanumeric() || b"._~+/=-".contains(&b))
        && has_upper(v)
        && has_lower(v)
        && has_digit(v)
        && random_looking(v, 4.0)
}

/// A 24 or 25 character security token: letters of both cases, and digits or enough variety.
pub(crate) fn token_ok(t: &[u8]) -> bool {
    t.iter().all(u8::is_ascii_alphanumeric)
        && has_upper(t)
        && has_lower(t)
        && (has_digit(t) || entropy(t) >= 4.0 || (entropy(t) >= 3.5 && mixed_case_letters(t)))
        && longest_run(t) < 5
}

/// At least a third of the letters in each case: random letters are half and half, while words in
/// camelCase (`ThisIsAVeryLongIdentifier`) have one capital per word. About 1.5% of real tokens
/// have no digit, and a tenth of those fall under the 4.0 entropy bar by chance; this lets them
/// through without admitting identifiers.
fn mixed_case_letters(t: &[u8]) -> bool {
    let upper = t.iter().filter(|b| b.is_ascii_uppercase()).count();
    let lower = t.iter().filter(|b| b.is_ascii_lowercase()).count();
    upper * 3 >= t.len() && lower * 3 >= t.len()
}

/// Splits `password + token` into (password, token) when the value has that shape.
pub(crate) fn split_password_token(v: &[u8]) -> Option<(&[u8], &[u8])> {
    if v.len() < 4 + 24 || v.len() > 128 || is_hex(v) {
        return None;
    }
    let (pw, tok) = v.split_at(v.len() - 24);
    // (A password with blanks is a passphrase: `pencil garden cloud biscuit`.)
    if !token_ok(tok) || pw.iter().any(|b| b.is_ascii_whitespace()) && !passphrase(pw) {
        return None;
    }
    // A JWT is not a password: three long dot-separated runs of token characters.
    let parts: Vec<&[u8]> = v.split(|&b| b == b'.').collect();
    if parts.len() >= 3
        && parts.iter().all(|p| p.len() >= 10 && p.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
    {
        return None;
    }
    Some((pw, tok))
}

/// A passphrase: three to six words of letters, 16 characters or more (`tiger correct dishwasher
/// battery`), the last maybe with digits or a symbol after it (`marble lantern garden7`).
pub(crate) fn passphrase(t: &[u8]) -> bool {
    let words: Vec<&[u8]> = t.split(|&b| b == b' ').collect();
    let letters = |w: &[u8]| w.len() >= 3 && w.iter().all(u8::is_ascii_alphabetic);
    let Some((last, rest)) = words.split_last() else { return false };
    let tail = last.iter().rev().take_while(|b| !b.is_ascii_alphabetic()).count();
    (3..=6).contains(&words.len())
        && t.len() >= 16
        && rest.iter().all(|w| letters(w))
        && letters(&last[..last.len() - tail])
}

fn security_token_ok(v: &[u8]) -> bool {
    (v.len() == 24 || v.len() == 25) && token_ok(v)
}

fn plain_password_ok(v: &[u8]) -> bool {
    if v.len() < 6 || v.len() > 128 || split_password_token(v).is_some() {
        return false;
    }
    // Ciphertext (Data Loader encrypts to hex).
    if is_hex(v) && v.len() >= 16 {
        return false;
    }
    // Identifiers and expressions: `u.password`, `getPassword()`, `config.sfPassword`.
    if v.contains(&b'(')
        || (v.contains(&b'.')
            && v.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
            && !has_digit(v))
    {
        return false;
    }
    let classes = [has_upper(v), has_lower(v), has_digit(v), v.iter().any(|b| b.is_ascii_punctuation())];
    classes.iter().filter(|&&c| c).count() >= 2
}

fn jwt_sfdc_core(v: &[u8]) -> bool {
    let Some(header) = v.split(|&b| b == b'.').next() else { return false };
    let Some(json) = crate::detect::decode::base64_lenient(header) else { return false };
    let Ok(serde_json::Value::Object(h)) = serde_json::from_slice::<serde_json::Value>(&json) else { return false };
    h.get("tty").and_then(|t| t.as_str()) == Some("sfdc-core-token")
}

fn client_credentials_ok(v: &[u8]) -> bool {
    let (key, secret) = match memchr::memmem::find(v, b"client_secret=") {
        Some(i) => (&v[..i], &v[i + b"client_secret=".len()..]),
        None => match v.iter().position(|&b| b == b':') {
            Some(i) => (&v[..i], &v[i + 1..]),
            None => return false,
        },
    };
    let key = key.strip_prefix(b"client_id=").unwrap_or(key);
    key.starts_with(b"3MVG9") && consumer_secret_ok(secret.split(|&b| b == b'&').next().unwrap_or(secret))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for p in [
            "${SF_PASSWORD}",
            "{{salesforce_password}}",
            "process.env.SF_PASSWORD",
            "YOUR_SECURITY_TOKEN",
            "********",
            "<REFRESH_TOKEN>",
            "SESSION_ID_REMOVED",
            "00Dxx0000000000!AQabc",
            "${secure::sfdc.password}",
            "os.environ['SF_SECURITY_TOKEN']",
            "$SF_PASSWORD",
            "ENC(abc)",
            "SF_PASSWORD_2",
        ] {
            assert!(is_placeholder(p.as_bytes()), "{p}");
        }
        for real in [
            "ACMEKEY_ABCDEFGHIJ0123456789",
            "Hunter2!exz9e2axKQfrJomvqftIJh0I",
            "exz9e2axKQfrJomvqftIJh0I",
            "00DmV00002AjC6a!AQla5k",
        ] {
            assert!(!is_placeholder(real.as_bytes()), "{real}");
        }
    }

    #[test]
    fn password_token_split() {
        let (pw, tok) = split_password_token(b"Hunter2!exz9e2axKQfrJomvqftIJh0I").unwrap();
        assert_eq!((pw, tok), (&b"Hunter2!"[..], &b"exz9e2axKQfrJomvqftIJh0I"[..]));
        assert!(split_password_token(b"Hunter2!").is_none());
        assert!(split_password_token(b"e8a68b73992a7a54f0a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0").is_none());
        assert!(split_password_token(b"Hunter2!aaaaaaaaaaaaaaaaaaaaaaaa").is_none());
    }

    #[test]
    fn consumer_secret_shapes() {
        assert!(consumer_secret_ok(b"FFD1AB68BC20DE11F4FC3B3837D7686E031FB5C46959D9DDD62CCB6F8A7A2685"));
        assert!(consumer_secret_ok(b"4262837095060188987"));
        assert!(!consumer_secret_ok(b"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assert!(!consumer_secret_ok(b"http://soap.sforce.com/2006/04/metadata"));
        assert!(consumer_secret_ok(b"hBSE5CCMkfsfSx19n2WstCPYMQzCiPw3leI6LKcZ"));
    }

    #[test]
    fn plain_passwords() {
        assert!(plain_password_ok(b"Hunter2!2026"));
        assert!(!plain_password_ok(b"u.password"));
        assert!(!plain_password_ok(b"e8a68b73992a7a54"));
        assert!(!plain_password_ok(b"abc"));
    }

    #[test]
    fn digitless_tokens_pass_on_case_mix_and_identifiers_do_not() {
        // Entropy 3.97: under the 4.0 bar, but random in case (11 upper, 13 lower).
        assert!(token_ok(b"JFsmuUdAXtwIHRazVuAwUsst"));
        assert!(split_password_token(b"Harbor2026!JFsmuUdAXtwIHRazVuAwUsst").is_some());
        for ident in [&b"ThisIsAVeryLongIdentifie"[..], b"asswordIsVerySecureToday", b"XMLHttpRequestEventTarge"] {
            assert!(!token_ok(ident), "{}", String::from_utf8_lossy(ident));
        }
    }
}
