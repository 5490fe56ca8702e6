//! Credentials as people hand them over rather than configure them: a login written as user,
//! slash, password (`ops@acme.com / v`, an anchor of its own) or on two stacked lines, a URL's
//! password (`sf://user:v@host`), a consumer secret on the line below its consumer key, and keys
//! too short or too common to be anchors (`pw`, `SEC_KEY`).
//!
//! Most are looked for only beside a candidate that makes them likely (a security token's value,
//! a password whose key names Salesforce, a consumer key): looked for everywhere, they would cost
//! a look around every line of a log and find mostly other things.

use crate::detect::keyvalue::{self, Form, Pair};
use crate::detect::plausible;
use std::ops::Range;

/// The pairs of `pw` keys within eight lines of `at` (a chat's message before the token's).
pub(super) fn short_password_keys(buf: &[u8], at: usize) -> Vec<Pair> {
    keys_near(buf, at, 8, &[b"pw", b"PW", b"Pw"], |k| k.to_ascii_lowercase().ends_with("pw"))
}

/// Passwords without a key of their own on the line of a security token's value, read as a
/// password's: the password of a URL's user (`salesforce://etl%40acme.io:v@?security_token=t`,
/// an Airflow connection). (A login written as user, slash, password has an anchor of its own:
/// see [`slashed_login`].)
pub(super) fn keyless_passwords(buf: &[u8], at: usize) -> Vec<Pair> {
    static RE: std::sync::OnceLock<regex::bytes::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::bytes::Regex::new(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@`'\x22<>]+:([^\s@/`'\x22<>{}$]{6,64})@")
            .expect("valid regex")
    });
    let (ls, le) = (keyvalue::line_start(buf, at), keyvalue::line_end(buf, at));
    if le - ls > 4096 {
        return Vec::new();
    }
    re.captures_iter(&buf[ls..le])
        .filter_map(|c| c.get(1))
        .map(|v| {
            let mut e = ls + v.end();
            while e > ls + v.start() && matches!(buf[e - 1], b',' | b';' | b'.') {
                e -= 1;
            }
            handed_over("password", ls + v.start()..e)
        })
        .collect()
}

/// The anchor of a login written as user, slash, password (see [`slashed_login`]).
pub(super) const LOGIN_SLASH: &[u8] = b" / ";

/// The password of a login written as an e-mail address, a slash and the password with blanks
/// around it, the slash at `at` (` / `): `migration.user@acme.com / Pipeline^pioneer93`, as chats,
/// tickets and mails hand logins over. (Decided on the word before the slash first: in code a
/// ` / ` is a division.)
pub(super) fn slashed_login(buf: &[u8], at: usize) -> Option<Pair> {
    let ls = keyvalue::line_start(buf, at);
    let word = buf[ls..at].rsplit(|b| b.is_ascii_whitespace()).next()?;
    let a = memchr::memchr(b'@', word)?;
    let email = a > 0
        && word[a + 1..].contains(&b'.')
        && word.iter().all(|&b| b.is_ascii_alphanumeric() || b"@._%+-".contains(&b))
        && word.last().is_some_and(u8::is_ascii_alphabetic);
    if !email {
        return None;
    }
    let vs = at + LOGIN_SLASH.len();
    let n = buf[vs..].iter().take(65).take_while(|&&b| b.is_ascii_graphic() && !b"`'\"<>".contains(&b)).count();
    let mut ve = vs + n;
    while ve > vs && matches!(buf[ve - 1], b',' | b';' | b'.') {
        ve -= 1;
    }
    (6..=64).contains(&(ve - vs)).then(|| handed_over("password", vs..ve))
}

/// A login handed over as two lines, in the eight lines before a security token's
/// (`talend.etl@acme.com` / `Glacier30Rocket?` in a chat message): a line that is only an e-mail
/// address (or says it is the user's: `user cutover.test@acme.com`), and below it a line that is
/// only one word, the password. A chat's header lines between them (`15:06:09 From Sam to Rina:`,
/// a time and a speaker) are passed over.
pub(super) fn stacked_login(buf: &[u8], at: usize) -> Vec<Pair> {
    let address = |l: &[u8]| {
        let a = memchr::memchr(b'@', l);
        a.is_some_and(|a| a > 0 && l[a..].contains(&b'.'))
            && l.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'@' | b'.' | b'_' | b'-' | b'+'))
    };
    let email = |l: &[u8]| {
        let said = ["user:", "user", "username:", "username", "login:", "login"]
            .iter()
            .find_map(|w| l.get(..w.len()).filter(|h| h.eq_ignore_ascii_case(w.as_bytes())).map(|_| w.len()))
            .filter(|&n| l.get(n).is_some_and(u8::is_ascii_whitespace));
        address(l) || said.is_some_and(|n| address(l[n..].trim_ascii()))
    };
    let mut out = Vec::new();
    let mut s = keyvalue::line_start(buf, at);
    let mut below: Option<(usize, usize)> = None;
    for _ in 0..8 {
        if s == 0 {
            break;
        }
        s = keyvalue::line_start(buf, s - 1);
        let e = keyvalue::line_end(buf, s);
        let l = buf[s..e].trim_ascii();
        if below.is_some() && chat_header(l) {
            continue;
        }
        if let Some((vs, ve)) = below.filter(|_| email(l)) {
            out.push(handed_over("password", vs..ve));
            break;
        }
        let word = (6..=64).contains(&l.len()) && l.iter().all(u8::is_ascii_graphic) && !email(l);
        let lead = buf[s..e].len() - buf[s..e].trim_ascii_start().len();
        below = word.then_some((s + lead, s + lead + l.len()));
    }
    out
}

/// A chat's header line: a time and a speaker, ending in a colon (`15:06:09 From Sam to Rina:`).
fn chat_header(l: &[u8]) -> bool {
    l.first().is_some_and(u8::is_ascii_digit) && l.ends_with(b":") && l.contains(&b' ')
}

/// A consumer secret handed over as a message of its own after its consumer key's (a chat's
/// `3MVG9…` line, then the secret's): when the key ends its line, the next line that is not
/// blank or a chat's header, if it is only a consumer secret of Salesforce's exact shape (64
/// upper-case hex digits), or a name and such a secret (`CSEC=…`).
pub(super) fn secret_below(buf: &[u8], key_end: usize) -> Option<Pair> {
    let le = keyvalue::line_end(buf, key_end);
    if !buf[key_end..le].trim_ascii().is_empty() {
        return None;
    }
    let mut s = le + 1;
    for _ in 0..4 {
        if s >= buf.len() {
            return None;
        }
        let e = keyvalue::line_end(buf, s);
        let l = buf[s..e].trim_ascii();
        if l.is_empty() || chat_header(l) {
            s = e + 1;
            continue;
        }
        let vs = s + (buf[s..e].len() - buf[s..e].trim_ascii_start().len());
        if plausible::secret_hex(l) {
            return Some(handed_over("consumer secret", vs..vs + l.len()));
        }
        // Or assigned to a name of its own (`+ CSEC=…` under `+ CID=3MVG9…` in a shell's trace):
        // the secret's exact shape says what it is.
        let sep = l.iter().position(|&b| b == b'=' || b == b':')?;
        let name = &l[..sep];
        let v = l[sep + 1..].trim_ascii();
        let v = v.strip_prefix(b"\"").and_then(|v| v.strip_suffix(b"\"")).unwrap_or(v);
        let v = v.strip_prefix(b"'").and_then(|v| v.strip_suffix(b"'")).unwrap_or(v);
        if name.len() > 40
            || name.split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()).count() > 2
            || !plausible::secret_hex(v)
        {
            return None;
        }
        let at = vs + memchr::memmem::find(&buf[vs..e], v)?;
        return Some(handed_over("consumer secret", at..at + v.len()));
    }
    None
}

/// `SEC_KEY`, `sfSecKey` (a security token's key that is too costly to search for everywhere:
/// `sec` starts too many words of a log) within 24 lines of a password's value.
pub(super) fn sec_keys(buf: &[u8], at: usize) -> Vec<Pair> {
    keys_near(buf, at, 24, &[b"sec_key", b"SEC_KEY", b"secKey", b"SecKey", b"seckey", b"SECKEY"], |k| {
        k.to_ascii_lowercase().replace('_', "").ends_with("seckey")
    })
}

/// The pairs of the keys named `names` (whole words, or camel-case parts) within `lines` lines
/// (and 2 KiB per line) either side of `at`, whose key `fits`.
fn keys_near(buf: &[u8], at: usize, lines: usize, names: &[&[u8]], fits: impl Fn(&str) -> bool) -> Vec<Pair> {
    let mut s = keyvalue::line_start(buf, at);
    for _ in 0..lines {
        if s == 0 || at - s > 2048 * lines {
            break;
        }
        s = keyvalue::line_start(buf, s - 1);
    }
    let mut e = keyvalue::line_end(buf, at);
    for _ in 0..lines {
        if e >= buf.len() || e - at > 2048 * lines {
            break;
        }
        e = keyvalue::line_end(buf, e + 1);
    }
    let mut out = Vec::new();
    let region = &buf[s..e];
    let mut hits: Vec<(usize, usize)> =
        names.iter().flat_map(|n| memchr::memmem::find_iter(region, n).map(|i| (i, n.len()))).collect();
    hits.sort_unstable();
    for (i, n) in hits {
        // A word of its own: `pw`, `SF_PW`, `sfPw`; not `npw` or `pwned`.
        let prev = if i > 0 { region[i - 1] } else { b' ' };
        let camel = prev.is_ascii_lowercase() && region[i].is_ascii_uppercase();
        if region.get(i + n).is_some_and(|b| b.is_ascii_alphanumeric()) || (prev.is_ascii_alphanumeric() && !camel) {
            continue;
        }
        out.extend(keyvalue::extract(buf, s + i, n).into_iter().filter(|p| fits(&p.key)));
    }
    out
}

/// A value a person handed over without a key of its own (a login's password after its address,
/// a secret after its consumer key, a consumer key alone), read as `key`'s. Delimited by the form
/// it was handed over in, as a quoted value is.
fn handed_over(key: &str, value: Range<usize>) -> Pair {
    Pair {
        key: key.to_string(),
        key_start: value.start,
        value,
        joined: None,
        quoted: true,
        form: Form::Prose,
        parents: keyvalue::Parents::None,
        row: None,
    }
}

/// A consumer key with no key before it (`-d client_id…` aside, in text, in a Basic header's
/// decoded form): the value alone.
pub(super) fn consumer_key_pair(buf: &[u8], at: usize) -> Pair {
    let mut e = at;
    while e < buf.len() && (buf[e].is_ascii_alphanumeric() || matches!(buf[e], b'.' | b'_')) {
        e += 1;
    }
    handed_over("consumer key", at..e)
}
