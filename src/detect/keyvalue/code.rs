//! Code's own shapes: a getter that returns a literal (`getSfPassword() {` over `return "v";`),
//! a call's arguments (`define('K', 'v')`, `login(user, "v", "t")`), and flags (`--password v`,
//! `-p 'v'` of a command that logs in, the command's lines read across `\` continuations).

use super::value::{close_quote, format_joined, joined, open_quote, value_at};
use super::{line_end, line_start, skip_blanks, Form, Pair, Parents};
use std::ops::Range;

/// How far after a getter's name its line must end: a return type and the body's opening.
const GETTER_REACH: usize = 64;

/// A getter that returns a literal: the function's name is the key, the literal its value
/// (`public String getSfPassword() {` over `return "v";`, `def sf_password(self):` over
/// `return "v"`, Objective-C's `+ (NSString *)integrationPassword {`). The body's first
/// statement must be the `return` (a preprocessor line or a comment may come before it); a
/// format of placeholders only joins its literal arguments (`[NSString stringWithFormat:@"%@%@",
/// @"v", @"t"]`).
pub(super) fn getter_return(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
    let mut p = ks.end;
    // The parameter list: empty or a receiver (`()`, `(self)`, `(this)`).
    if buf.get(p) == Some(&b'(') {
        let close = memchr::memchr(b')', &buf[p..(p + 16).min(buf.len())])? + p;
        let inner = buf[p + 1..close].trim_ascii();
        if !(inner.is_empty() || inner == b"self" || inner == b"this" || inner == b"cls") {
            return None;
        }
        p = close + 1;
    }
    // A return type (`-> String`, `: String`, ` throws`), then the body's opening. Most keys
    // are followed by `=`, `"` or a value: decided on one byte, so that a keyword-dense log
    // line (`password=… token=…`) is not read to its end once per anchor.
    if !matches!(buf.get(p), Some(b' ' | b'\t' | b'{' | b':' | b'-' | b'\r' | b'\n')) {
        return None;
    }
    let reach = (p + GETTER_REACH).min(buf.len());
    let le = memchr::memchr(b'\n', &buf[p..reach]).map(|i| p + i)?;
    let rest = buf[p..le].trim_ascii();
    let opens = rest.ends_with(b"{") || (rest.ends_with(b":") && p > ks.end);
    if !opens || rest.len() > 40 || rest.contains(&b'=') || rest.contains(&b';') {
        return None;
    }
    let mut at = le + 1;
    for _ in 0..3 {
        if at >= buf.len() {
            return None;
        }
        let e = line_end(buf, at);
        let line = buf[at..e].trim_ascii();
        let s = at + (buf[at..e].len() - buf[at..e].trim_ascii_start().len());
        at = e + 1;
        if line.starts_with(b"#") || line.starts_with(b"//") || line.is_empty() {
            continue;
        }
        if !line.starts_with(b"return ") {
            return None;
        }
        let v = skip_blanks(buf, s + b"return ".len());
        let key = String::from_utf8_lossy(&buf[ks.clone()]).into_owned();
        if let Some((value, joined)) = format_joined(buf, v) {
            return Some(getter_pair(key, ks, value, Some(joined)));
        }
        let (value, true, joined) = value_at(buf, v, Form::Assign { line: false })? else { return None };
        return Some(getter_pair(key, ks, value, joined));
    }
    None
}

/// A getter's name and the literal it returns, as a key and its value (see [`getter_return`]).
fn getter_pair(key: String, ks: Range<usize>, value: Range<usize>, joined: Option<Range<usize>>) -> Pair {
    Pair {
        key,
        value,
        joined,
        quoted: true,
        form: Form::Assign { line: false },
        parents: Parents::Keys(ks.start, false),
        key_start: ks.start,
        row: None,
    }
}

/// The command around `at`: its line and the lines it continues from or onto (`\` at a
/// line's end).
pub(crate) fn command(buf: &[u8], at: usize) -> Range<usize> {
    let mut s = line_start(buf, at);
    for _ in 0..8 {
        if s < 2 || buf[..s - 1].trim_ascii_end().last() != Some(&b'\\') {
            break;
        }
        s = line_start(buf, s - 1);
    }
    let mut e = line_end(buf, at);
    for _ in 0..8 {
        if e >= buf.len() || buf[..e].trim_ascii_end().last() != Some(&b'\\') {
            break;
        }
        e = line_end(buf, e + 1);
    }
    s..e
}

/// `-p 'v'` of a command that logs in (`-u user` on the same command: `pmrep … -u etl@acme.com -p
/// 'v'`, a Data Loader wrapper in a crontab): the password's short flag. `Some(None)`: a `-p` that
/// is no password (`mkdir -p`, `ssh -p 22`, a command without a user). `None`: no short flag.
pub(super) fn short_flag(buf: &[u8], ks: Range<usize>) -> Option<Option<Pair>> {
    if &buf[ks.clone()] != b"p" || !flag_like(buf, ks.start) || buf.get(ks.end) != Some(&b' ') {
        return None;
    }
    let command = &buf[command(buf, ks.start)];
    let user =
        [&b" -u "[..], b" --user", b" --username", b" -U "].iter().any(|f| memchr::memmem::find(command, f).is_some());
    if !user {
        return Some(None);
    }
    Some(flag_pair(buf, "-p (password)".to_string(), ks.start, skip_blanks(buf, ks.end)))
}

/// A flag's pair: its value at `v` (`--password v`, `-p 'v'`).
pub(super) fn flag_pair(buf: &[u8], key: String, key_start: usize, v: usize) -> Option<Pair> {
    let (value, quoted, joined) = value_at(buf, v, Form::Flag)?;
    Some(Pair { key, value, joined, quoted, form: Form::Flag, parents: Parents::None, key_start, row: None })
}

/// `-p` style flags are not keys; `--password v` is (handled by the caller). A key preceded by a
/// single dash and white space (`-Password v`, PowerShell) is a flag too.
pub(super) fn flag_like(buf: &[u8], ks: usize) -> bool {
    ks >= 2 && buf[ks - 1] == b'-' && matches!(buf[ks - 2], b' ' | b'\t')
}

/// Whether the quoted key starting at `ks` is in an argument list or a tuple (`define('K', …`,
/// `buildConfigField("String", "K", …`, SQL's `(3,'salesforce','password','v')`) rather than in
/// an array of names (`["username","password","login"]`): the innermost bracket open before it
/// on its line is `(`.
pub(super) fn first_argument(buf: &[u8], ks: usize) -> bool {
    tuple_open(buf, ks).is_some()
}

/// The `(` of the tuple or argument list a quoted key at `ks` is in, if the innermost bracket
/// open before it on its line is one.
pub(super) fn tuple_open(buf: &[u8], ks: usize) -> Option<usize> {
    let floor = line_start(buf, ks).max(ks.saturating_sub(4096));
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    for i in (floor..ks.saturating_sub(1)).rev() {
        let b = buf[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' => quote = Some(b),
            b')' | b']' => depth += 1,
            b'(' | b'[' if depth > 0 => depth -= 1,
            b'(' => return Some(i),
            b'[' => return None,
            _ => {}
        }
    }
    None
}

/// A call's argument that is a string literal: its span, and the span of a second literal
/// joined to it (`"pass" + "token"`), if any.
pub(crate) type LiteralArg = (Range<usize>, Option<Range<usize>>);

/// The literal arguments of a login call at `paren` (the position after `login(`): up to five,
/// each `None` when it is not a string literal (a variable). Arguments may sit on lines of their own.
pub(crate) fn call_args(buf: &[u8], paren: usize) -> Vec<Option<LiteralArg>> {
    let blanks = |p: usize| p + buf[p.min(buf.len())..].iter().take_while(|b| b.is_ascii_whitespace()).count();
    let mut out = Vec::new();
    let mut p = blanks(paren);
    let limit = (paren + 800).min(buf.len());
    while out.len() < 8 && p < limit {
        if let Some((q, start, esc)) = open_quote(buf, p) {
            let Some((end, after)) = close_quote(buf, start, q, esc) else { break };
            let j = joined(buf, after);
            let next = j.as_ref().map_or(after, |r| r.end + 1);
            out.push(Some((start..end, j)));
            p = next;
        } else {
            out.push(None);
            let mut depth = 0;
            while p < limit && !(depth == 0 && matches!(buf[p], b',' | b')')) {
                match buf[p] {
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => depth -= 1,
                    _ => {}
                }
                p += 1;
            }
        }
        p = blanks(p);
        match buf.get(p) {
            Some(b',') => p = blanks(p + 1),
            _ => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_arguments() {
        let t = "conn.login('ops@acme.com', 'Hunter2!' + 'TOK', tok)";
        let at = t.find("login(").unwrap() + 6;
        let args = call_args(t.as_bytes(), at);
        assert_eq!(args.len(), 3);
        let (v, j) = args[1].clone().unwrap();
        assert_eq!((&t[v], &t[j.unwrap()]), ("Hunter2!", "TOK"));
        assert!(args[2].is_none());
    }
}
