//! Free text: `the password is v`, `Security token (case-sensitive): v`, `pw \`v\``, a value
//! alone on the line below its label, the answer a few messages below a request (`token too?`),
//! the value a command prints below its prompt.
//!
//! Text says a value in more ways than syntax does, so a value found here is held to more by the
//! caller: one introduced (a separator, `is`, `to`) or quoted, or else of its role's exact shape.

use super::value::{close_quote, open_quote, value_at};
use super::{line_end, line_start, separator, skip_blanks, skip_blanks_back, Form, Pair, Parents};
use std::ops::Range;

/// Free text: `password is v`, `pwd: v`, `Security token (case-sensitive): v`, `pw \`v\``,
/// `new password for \`ops@acme.com\` is \`v\``, `the consumer secret for the UAT app is v`.
/// A value must be introduced (a separator, `is`, `to`) or quoted; a few words in between are
/// skipped, an e-mail address or user name in quotes too.
pub(super) fn prose(buf: &[u8], ks: Range<usize>, key: String) -> Option<Pair> {
    // `"--sf-pass $SF_PASS"`, `"${SF_PASSWORD}"`, `%SF_PASSWORD%`: a variable, not a word of text;
    // `"Pass1234"`: a value, not a word.
    if ks.start > 0 && matches!(buf[ks.start - 1], b'$' | b'{' | b'%') || key.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut p = skip_blanks(buf, ks.end);
    // `(case-sensitive)`
    if buf.get(p) == Some(&b'(') {
        let close = memchr::memchr(b')', &buf[p..(p + 32).min(buf.len())])? + p;
        p = skip_blanks(buf, close + 1);
    }
    let introduced = |p: usize| -> Option<Pair> {
        let (value, quoted, joined) = value_at(buf, p, Form::Prose)?;
        Some(Pair {
            key: key.clone(),
            value,
            joined,
            quoted,
            form: Form::Prose,
            parents: Parents::None,
            key_start: ks.start,
            row: None,
        })
    };
    // A value found further on, not introduced: the caller holds it to its role's exact shape.
    let introduced_bare = |value: Range<usize>| prose_pair(key.clone(), value, ks.start);
    // `Password's v`: the copula contracted (not `password's expired`, `token's in the vault`:
    // a word of the sentence going on).
    if let Some(c) = [&b"'s "[..], "\u{2019}s ".as_bytes()].into_iter().find(|c| buf[ks.end..].starts_with(c)) {
        let v = skip_blanks(buf, ks.end + c.len());
        let n = v + buf[v..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if n > v && buf[v..n].iter().all(u8::is_ascii_lowercase) && !buf.get(n).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        return introduced(v);
    }
    // `pass` alone is also the verb (`pass the job ID to \`…\``, `Pass \`session_factory\``): in
    // prose it is a key only with a separator after it (`pass: v`).
    if key.eq_ignore_ascii_case("pass") && separator(buf, p).is_none() {
        return None;
    }
    // (German, French, Spanish and Portuguese say it so too: `das Secret ist v`, `le mot de passe
    // est v`, `la contraseña es v`.)
    const INTRO: &[&[u8]] = &[b"to", b"be", b"era"];
    const FILLER: &[&[u8]] = &[
        b"set", b"changed", b"reset", b"updated", b"new", b"the", b"for", b"of", b"our", b"my", b"its", b"it's",
        b"its:",
    ];
    for _ in 0..8 {
        if let Some(after) = separator(buf, p) {
            // `sec token (reset 02/2025):` at the end of its line: the value is alone below it.
            let v = skip_blanks(buf, after);
            if matches!(buf.get(v), Some(b'\n' | b'\r')) {
                return next_line_word(buf, v).map(introduced_bare);
            }
            return introduced(v);
        }
        // `pwd - v`, `password – v`, `token → v`
        if matches!(buf.get(p), Some(b'-' | 0xe2)) {
            let mut i = p;
            while i < buf.len() && !matches!(buf[i], b' ' | b'\t') && i < p + 4 {
                i += 1;
            }
            if i > p && buf.get(i) == Some(&b' ') {
                return introduced(skip_blanks(buf, i));
            }
        }
        if let Some((q, start, esc)) = open_quote(buf, p) {
            let (end, after) = close_quote(buf, start, q, esc)?;
            let inner = &buf[start..end];
            // A user name, an address or a name with spaces in quotes (`for \`ops@acme.com\``,
            // `of the "Order Feed v2" app`): what it is for, not the value.
            // (Or a remark in parentheses after it: `of your connected app "Gringotts Sync" (the
            // key we have on file)`.)
            let named = (inner.contains(&b'@') || inner.contains(&b' '))
                && buf.get(skip_blanks(buf, after)).is_some_and(|&b| b.is_ascii_alphabetic() || b == b'(');
            if named {
                p = skip_blanks(buf, after);
                continue;
            }
            return introduced(p);
        }
        // `client secret DCCD2608…`: a value right after its key, with nothing between. Only a
        // value with its role's exact shape is taken (the caller checks), so `password expired` is not.
        if p == skip_blanks(buf, ks.end) && buf.get(p).is_some_and(|b| b.is_ascii_alphanumeric()) {
            let mut e = p;
            while e < buf.len() && buf[e].is_ascii_alphanumeric() {
                e += 1;
            }
            let long = e - p >= 15
                && buf[p..e].iter().any(u8::is_ascii_digit)
                && buf.get(e).is_none_or(|b| !b.is_ascii_alphanumeric());
            // (Or a password's shape, letters with digits: `pwd svc-User-2024 with sec token t`;
            // the caller takes it only beside its token.)
            let mut w = p;
            while w < buf.len() && w < p + 40 && (buf[w].is_ascii_alphanumeric() || b"!#$%&*+-.@^_~?".contains(&buf[w]))
            {
                w += 1;
            }
            while w > p && matches!(buf[w - 1], b'.' | b'?') {
                w -= 1;
            }
            let word = &buf[p..w];
            let shaped = word.len() >= 8
                && word.iter().any(u8::is_ascii_digit)
                && word.iter().any(u8::is_ascii_alphabetic)
                && buf.get(w).is_none_or(|b| b.is_ascii_whitespace() || b",;)".contains(b));
            if long || shaped {
                let e = if long { e } else { w };
                return Some(Pair {
                    key: key.clone(),
                    value: p..e,
                    joined: None,
                    quoted: false,
                    form: Form::Prose,
                    parents: Parents::None,
                    key_start: ks.start,
                    row: None,
                });
            }
        }
        let mut w = p;
        while w < buf.len() && (buf[w].is_ascii_alphanumeric() || buf[w] == b'\'') {
            w += 1;
        }
        let word = &buf[p..w];
        // `password had expired. Reset it to v`: the next sentence sets it.
        if w > p && buf.get(w) == Some(&b'.') && buf.get(w + 1) == Some(&b' ') {
            let n = w + 2;
            let e = n + buf[n..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
            if [&b"reset"[..], b"set", b"changed", b"updated", b"rotated"]
                .iter()
                .any(|v| buf[n..e].eq_ignore_ascii_case(v))
            {
                p = n;
                continue;
            }
        }
        if w == p || w - p > 15 || !matches!(buf.get(w), Some(b' ' | b':')) {
            return shaped_ahead(buf, ks.end).map(introduced_bare);
        }
        // (`is still v`, `is actually v`: after a copula, an adverb introduces the value too.)
        let adverb = p > ks.end && ADVERBS.iter().any(|f| word.eq_ignore_ascii_case(f));
        if adverb || COPULAS.iter().chain(INTRO).any(|f| word.eq_ignore_ascii_case(f)) {
            let v = skip_blanks(buf, w);
            // `is now v`, `is still v`, `was set to v`: more words before the value.
            let mut n = v;
            while n < buf.len() && buf[n].is_ascii_alphabetic() {
                n += 1;
            }
            let next = &buf[v..n];
            if buf.get(n) == Some(&b' ')
                && (COPULAS.iter().chain(INTRO).chain(ADVERBS).any(|f| next.eq_ignore_ascii_case(f)))
            {
                p = v;
                continue;
            }
            let v = if buf.get(v) == Some(&b':') { skip_blanks(buf, v + 1) } else { v };
            // `token was sent to the shared mailbox; … it is:`: a word of the sentence going on
            // (lower-case letters, then a blank) is no value; one may come further on.
            if n > v && buf.get(n) == Some(&b' ') && buf[v..n].iter().all(u8::is_ascii_lowercase) {
                return shaped_ahead(buf, ks.end).map(introduced_bare);
            }
            return introduced(v);
        }
        if !(FILLER.iter().any(|f| word.eq_ignore_ascii_case(f)) || word.iter().all(u8::is_ascii_alphabetic)) {
            return shaped_ahead(buf, ks.end).map(introduced_bare);
        }
        p = skip_blanks(buf, w);
    }
    shaped_ahead(buf, ks.end).map(introduced_bare)
}

/// A value alone on the line after its key (`Consumer Secret:` and the secret below it, in a
/// ticket or an e-mail): the next non-blank line after `from` (the key line's end), when it is one
/// word that is no key, list item or markup.
pub(super) fn next_line_word(buf: &[u8], from: usize) -> Option<Range<usize>> {
    let mut at = line_end(buf, from) + 1;
    for _ in 0..2 {
        if at >= buf.len() {
            return None;
        }
        let le = line_end(buf, at);
        let line = &buf[at..le];
        let t = line.trim_ascii();
        if t.is_empty() {
            at = le + 1;
            continue;
        }
        let s = at + (line.len() - line.trim_ascii_start().len());
        // A code span that leads the line (`` `v` — Marco to update the config``).
        if t[0] == b'`' {
            let e = memchr::memchr(b'`', &t[1..])? + 1;
            let v = &t[1..e];
            let word = (8..=200).contains(&v.len()) && !v.iter().any(u8::is_ascii_whitespace);
            return word.then_some(s + 1..s + e);
        }
        let word = (8..=200).contains(&t.len())
            && !t.iter().any(u8::is_ascii_whitespace)
            && !matches!(t[0], b'-' | b'#' | b'{' | b'[' | b'<' | b'/' | b'"' | b'\'')
            && !t.ends_with(b":")
            && memchr::memchr(b'=', t).is_none();
        return word.then_some(s..s + t.len());
    }
    None
}

/// The value a command prints on the line below its prompt, when the command names the key at
/// `ks` as a flag's value (`$ vault kv get -field=sf_password kv/sf`, `PS> … -Name=sfToken`).
pub(super) fn prompted(buf: &[u8], ks: Range<usize>) -> Option<Range<usize>> {
    let ls = line_start(buf, ks.start);
    let head = buf[ls..ks.start].trim_ascii_start();
    let prompt = head.starts_with(b"$ ") || head.starts_with(b"# ") || head.starts_with(b"PS ");
    let flag = buf[ls..ks.start - 1].rsplit(|&b| b == b' ').next().is_some_and(|w| w.starts_with(b"-"));
    (prompt && flag).then(|| next_line_word(buf, line_end(buf, ks.start))).flatten()
}

/// The first word of the next line, when a sentence wrapped right before its value (`New
/// password for ops@acme.com is` / `Vy1DKeS5Dyx~3  (no token needed)`): a word with a digit or a
/// symbol, as a password has, not the sentence going on (`is` / `stored in the vault`).
fn first_word_below(buf: &[u8], eol: usize) -> Option<Range<usize>> {
    let s = skip_blanks(buf, line_end(buf, eol) + 1);
    let e = s + buf.get(s..)?.iter().take_while(|b| b.is_ascii_graphic()).count();
    let w = &buf[s..e];
    let word = (6..=64).contains(&w.len())
        && w.iter().any(|b| !b.is_ascii_alphabetic())
        && !matches!(w[0], b'-' | b'#' | b'{' | b'[' | b'<' | b'/' | b'(' | b'>')
        && memchr::memchr(b'=', w).is_none();
    word.then_some(s..e)
}

/// A value read from free text, not introduced by a separator of its own.
pub(super) fn prose_pair(key: String, value: Range<usize>, key_start: usize) -> Pair {
    Pair { key, value, joined: None, quoted: false, form: Form::Prose, parents: Parents::None, key_start, row: None }
}

/// A secret-shaped word a little further on in free text, when the words after the key do not
/// introduce a value the usual way (`sec token for ops@acme.com (reset by mk: v)`, `token for
/// deploy.bot -- current value v`, ``new one is `v` ``): within 96 bytes on the key's line, the
/// first word of 15 to 64 characters with letters and digits (no address, path or assignment)
/// that a `:`, an `=` or a word such as `is` or `value` introduces, and that is not another
/// key's value (`password=os.environ["P"], security_token="v"`). The caller takes a password
/// only so introduced, and a token only with its exact shape.
fn shaped_ahead(buf: &[u8], from: usize) -> Option<Range<usize>> {
    let reach = (from + 160).min(buf.len());
    let eol = memchr::memchr2(b'\n', b'\r', &buf[from..reach]).map(|i| from + i);
    let end = eol.unwrap_or(reach).min(from + 96);
    let mut i = from;
    while i < end {
        while i < end && matches!(buf[i], b' ' | b'\t' | b'(') {
            i += 1;
        }
        let t0 = i;
        // A word ends at white space or markup (`v)</description>`).
        while i < buf.len() && !buf[i].is_ascii_whitespace() && buf[i] != b'<' && i < t0 + 160 {
            i += 1;
        }
        if t0 == i {
            if i < end && buf[i] == b'<' {
                i += 1;
                continue;
            }
            break;
        }
        let (mut s, mut e) = (t0, i);
        let quoted = matches!(buf[s], b'"' | b'\'' | b'`');
        if quoted {
            s += 1;
            e = memchr::memchr(buf[t0], &buf[s..i]).map_or(i, |j| s + j);
        } else {
            while e > s && matches!(buf[e - 1], b'.' | b',' | b';' | b')' | b'"' | b'\'' | b'`') {
                e -= 1;
            }
        }
        let w = &buf[s..e];
        let email = memchr::memchr(b'@', w).is_some_and(|a| memchr::memchr(b'.', &w[a..]).is_some());
        // (A quoted word may be shorter: `new one is \`W1ll0w#723\``, marked as a value.)
        let shortest = if quoted && buf.get(e) == Some(&buf[t0]) { 8 } else { 15 };
        let shaped = (shortest..=64).contains(&w.len())
            && w.iter().any(u8::is_ascii_digit)
            && w.iter().any(u8::is_ascii_alphabetic)
            && w.iter().all(u8::is_ascii_graphic)
            && !email
            && !w.iter().any(|&b| matches!(b, b'/' | b'=' | b'<' | b'>' | b'\\'));
        if shaped && introduced_here(buf, from, t0, quoted) {
            return Some(s..e);
        }
    }
    // `Security token came by e-mail, pasting it here:` and the token alone on the next line; a
    // sentence wrapped after its verb (`New password for ops@acme.com is` / `v`).
    let t = eol.map_or(&b""[..], |e| buf[from..e].trim_ascii_end());
    // (Not when another key ends the line: `password unchanged. New token:` introduces a token.)
    let other_key = ["token", "secret", "pass", "pwd", "key"]
        .iter()
        .any(|k| t.windows(k.len()).any(|w| w.eq_ignore_ascii_case(k.as_bytes())));
    if let Some(eol) = eol.filter(|_| t.ends_with(b":") && !other_key) {
        return next_line_word(buf, eol);
    }
    let last = t.rsplit(|&b| b == b' ').next().unwrap_or(t);
    let wrapped = last.len() < t.len() && COPULAS.iter().any(|w| last.eq_ignore_ascii_case(w));
    if let Some(eol) = eol.filter(|_| wrapped) {
        return first_word_below(buf, eol);
    }
    // A request (`token too?`, `we also need the consumer secret`) and its answer, a message of
    // one word a few lines below (`[09:07] Grace: LQ8126pJ…`, `Here: 3990508436924011680`).
    // (The request may come before the key: `we also need the consumer secret of …`.)
    let lower = eol.map_or(&b""[..], |e| &buf[line_start(buf, from)..e]).to_ascii_lowercase();
    let asks = lower.contains(&b'?')
        || [&b"need"[..], b" too", b"also", b"please send", b"can you"]
            .iter()
            .any(|w| memchr::memmem::find(&lower, w).is_some());
    if let Some(eol) = eol.filter(|_| asks) {
        return answer_below(buf, eol);
    }
    None
}

/// The first message of one word within four lines after `eol`: a line that is one word, or
/// whose text after its last `: ` (a chat's speaker, `Here:`) is. Header and separator lines
/// (`Hannah Schmidt — Feb 18, 2025 09:02`, `-----`) are passed over; a longer message ends the
/// search.
fn answer_below(buf: &[u8], eol: usize) -> Option<Range<usize>> {
    let mut at = line_end(buf, eol) + 1;
    for _ in 0..4 {
        if at >= buf.len() {
            return None;
        }
        let le = line_end(buf, at);
        let line = &buf[at..le];
        let body_at = memchr::memmem::rfind(line, b": ").map_or(0, |i| i + 2);
        let body = line[body_at..].trim_ascii();
        let s = at + body_at + (line[body_at..].len() - line[body_at..].trim_ascii_start().len());
        at = le + 1;
        if body.is_empty() || body.iter().all(|b| b.is_ascii_punctuation()) {
            continue;
        }
        if body.iter().any(u8::is_ascii_whitespace) {
            // A header (a name and a date) is passed over; a sentence is another message.
            if body.iter().any(u8::is_ascii_digit) && body_at == 0 && !body.ends_with(b".") {
                continue;
            }
            return None;
        }
        // (One word, not an assignment or markup: `salesforce.password=v` is configuration.)
        let word = body.len() >= 15
            && body.iter().any(u8::is_ascii_digit)
            && !body.iter().any(|b| matches!(b, b'=' | b'<' | b'>' | b'"' | b'\'' | b'{' | b'('));
        return word.then_some(s..s + body.len());
    }
    None
}

/// Whether the text just before a word at `t0` introduces it as a value (`: v`, `= v`, `is v`,
/// `value v`) and not as another key's (`token=v`, `"key": "v"`).
fn introduced_here(buf: &[u8], from: usize, t0: usize, quoted: bool) -> bool {
    let b = skip_blanks_back(buf, t0);
    if b <= from {
        return false;
    }
    let keyed = |k: usize| {
        let k = skip_blanks_back(buf, k);
        k > from && (buf[k - 1].is_ascii_alphanumeric() || buf[k - 1] == b'_')
    };
    match buf[b - 1] {
        b'=' => !keyed(b - 1),
        b':' => !(quoted && keyed(b - 1)),
        b'-' | b'>' if b >= 2 && matches!(buf[b - 2], b'-' | b'=') => true,
        _ => {
            let w0 = buf[from..b].iter().rposition(|c| !c.is_ascii_alphabetic()).map_or(from, |j| from + j + 1);
            let word = &buf[w0..b];
            // (`the token email came through with v`, `update it with v`, `reset it, got v`,
            // `use v`.)
            COPULAS
                .iter()
                .chain(&[&b"value"[..], b"to", b"with", b"got", b"received", b"use", b"using"])
                .any(|x| word.eq_ignore_ascii_case(x))
        }
    }
}

/// Words between a copula and the value it introduces (`is still v`, `was set to v`).
const ADVERBS: &[&[u8]] = &[b"still", b"currently", b"temporarily", b"set", b"changed", b"actually", b"really"];

/// Words that introduce a value in text (`password is v`), in English, German, French and
/// Spanish (`das Secret ist v`, `le mot de passe est v`, `la contraseña es v`).
pub(crate) const COPULAS: &[&[u8]] = &[b"is", b"was", b"are", b"now", b"ist", b"lautet", b"est", b"es"];
