//! Name/value objects: a record that names the key in one field and holds its value in another
//! (`{"key": "password", "value": "v"}`, `<add key="Password" value="v"/>`, `<name>K</name>`
//! over `<value>v</value>`, `- name: k` over `value: v`), an object that wraps the value
//! (`"password": {"value": "v"}`), a list whose next string is the value (PHP's `serialize()`,
//! redis replies), and a declared parameter's default (CloudFormation's `Default:`, Terraform's
//! `default =`).

use super::value::value_at;
use super::{
    indent_of, is_key_byte, line_end, line_start, separator, skip_blanks, skip_blanks_back, Form, Pair, Parents, QUOTES,
};
use std::ops::Range;

/// The default of a parameter declared at `ks` whose body starts at `from`: a `Default:` (or
/// `default =`) among the next few lines that are its own (indented deeper than the key, or before
/// the `}` that closes a Terraform block).
pub(super) fn declared_default(buf: &[u8], ks: usize, from: usize, key: &str, parents: Parents) -> Option<Pair> {
    let indent = indent_of(&buf[line_start(buf, ks)..]);
    let mut at = line_end(buf, from.min(buf.len().saturating_sub(1))) + 1;
    if from < buf.len() && buf[from] != b'\n' && buf[from] != b'\r' {
        at = from;
    }
    for _ in 0..8 {
        if at >= buf.len() {
            return None;
        }
        let le = line_end(buf, at);
        let line = &buf[at..le];
        let t = line.trim_ascii();
        if t.is_empty() || t.starts_with(b"#") {
            at = le + 1;
            continue;
        }
        if indent_of(line) <= indent || t.starts_with(b"}") {
            return None;
        }
        let lower = t.to_ascii_lowercase();
        if lower.starts_with(b"default") || lower.starts_with(b"value") {
            let name = lower.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            let p = skip_blanks(buf, at + (line.len() - line.trim_ascii_start().len()) + name);
            if let Some(after) = separator(buf, p).filter(|_| matches!(buf.get(p), Some(b':' | b'='))) {
                let (value, quoted, joined) = value_at(buf, skip_blanks(buf, after), Form::Assign { line: true })?;
                return Some(Pair {
                    key: key.to_string(),
                    value,
                    joined,
                    quoted,
                    form: Form::Assign { line: true },
                    parents,
                    key_start: ks,
                    row: None,
                });
            }
        }
        at = le + 1;
    }
    None
}

/// Field names whose value names another field's key: `{"key": "password", "value": …}`.
pub(super) const NAME_FIELDS: &[&[u8]] =
    &[b"key", b"name", b"id", b"variable", b"param", b"field", b"property", b"label", b"path"];

/// Whether a field's name is `name` after a prefix of its own: `setting_key`, `paramName`,
/// `config-key`, `settingValue`.
fn prefixed_field(field: &[u8], name: &[u8]) -> bool {
    let n = name.len();
    if field.len() <= n + 1 || !field[field.len() - n..].eq_ignore_ascii_case(name) {
        return false;
    }
    let (before, first) = (field[field.len() - n - 1], field[field.len() - n]);
    matches!(before, b'_' | b'-') || before.is_ascii_lowercase() && first.is_ascii_uppercase()
}

/// A name/value object whose name is the key at `ks`: `{"key": "password", "value": "v"}`,
/// `<add key="Password" value="v"/>`, `set { name = "sf.password" value = "v" }`.
pub(super) fn name_value(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
    if let Some(p) = xml_name_value(buf, ks.clone()) {
        return Some(p);
    }
    // The key fills a quoted string, maybe with words around it (`"name": "Security Token"`) or
    // as the last step of a path (`Path="\\Package.Connections[SF].Properties[Password]"`)…
    let ks = path_in_quotes(buf, words_in_quotes(buf, ks));
    let q = *buf.get(ks.start.checked_sub(1)?)?;
    if !QUOTES.contains(&q) || buf.get(ks.end) != Some(&q) {
        return yaml_name_value(buf, ks);
    }
    // …that is the value of a name field.
    let mut i = skip_blanks_back(buf, ks.start - 1);
    while i > 0 && buf[i - 1] == b'\\' {
        i -= 1;
    }
    let sep = *buf.get(i.checked_sub(1)?)?;
    if sep != b':' && sep != b'=' {
        return None;
    }
    let mut j = skip_blanks_back(buf, i - 1);
    while j > 0 && matches!(buf[j - 1], b'"' | b'\'' | b'\\') {
        j -= 1;
    }
    let mut n = j;
    while n > 0 && (buf[n - 1].is_ascii_alphanumeric() || buf[n - 1] == b'_') {
        n -= 1;
    }
    let field = &buf[n..j];
    if !NAME_FIELDS.iter().any(|f| field.eq_ignore_ascii_case(f) || prefixed_field(field, f)) {
        return None;
    }
    // The value field, in the same object: after the name, else before it.
    let key = String::from_utf8_lossy(&buf[ks.clone()]).into_owned();
    let obj_end = object_end(buf, ks.end);
    let obj_start = object_start(buf, n);
    // `<elementParameter field="PASSWORD" name="connection.securityKey" value="v"/>` (Talend): a
    // `field` that is the input's type, beside its name. (A `label` beside an opaque `name`
    // is the readable one: `{"label": "Salesforce password", "name": "field_12", …}`.)
    if field.eq_ignore_ascii_case(b"field") && has_field(buf, obj_start, obj_end, b"name") {
        return None;
    }
    let value = find_value_field(buf, ks.end + 1, obj_end)
        .or_else(|| find_value_field(buf, obj_start, n))
        .or_else(|| nested_value(buf, ks.end, obj_end))
        .or_else(|| {
            // `<string name="sf_consumer_secret">v</string>`: an element named by its attribute,
            // its text the value, or the text of a value element inside it (Spring's `<property
            // name="password"><value>v</value></property>`, SSIS's `<ConfiguredValue>`).
            (obj_start > 0 && buf[obj_start - 1] == b'<' && buf.get(obj_end) == Some(&b'>') && buf[obj_end - 1] != b'/')
                .then(|| {
                    value_at(buf, obj_end + 1, Form::Element)
                        .or_else(|| child_value(buf, obj_end + 1).and_then(|v| value_at(buf, v, Form::Element)))
                })
                .flatten()
        })?;
    let (value, quoted, joined) = value;
    Some(Pair {
        key,
        value,
        joined,
        quoted,
        form: Form::NameValue,
        parents: Parents::Keys(n, false),
        key_start: ks.start,
        row: None,
    })
}

/// A quoted key whose value is the next string of a list, not introduced by a separator:
/// PHP's `serialize()` (`s:8:"password";s:18:"v";`, in a WordPress `wp_options` row) and
/// redis-cli's replies to `HGETALL` (`5) "password"` with `6) "v"` on the next line). `p` is just
/// past the key's closing quote.
pub(super) fn serialized_or_listed(buf: &[u8], ks: Range<usize>, p: usize, key: &str) -> Option<Pair> {
    let digits = |i: usize| buf[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let q = buf[ks.start - 1];
    let v = if buf[p..].starts_with(b";s:") {
        let n = digits(p + 3);
        (n > 0 && buf.get(p + 3 + n) == Some(&b':')).then_some(p + 4 + n)?
    } else if buf.get(p) == Some(&b' ')
        && buf.get(p + 1) == Some(&q)
        && ks.start >= 3
        && buf[ks.start - 3..ks.start - 1] == [q, b' ']
    {
        // A list of quoted words, field after value (redis `HSET "k" "username" "u" "password"
        // "v"` in `MONITOR` output): the word after the key's.
        p + 1
    } else {
        // `5) "password"` alone on its line, the value on the next one.
        if ks.start < 3 || &buf[ks.start - 3..ks.start - 1] != b") " {
            return None;
        }
        let ls = line_start(buf, ks.start);
        let head = buf[ls..ks.start].trim_ascii_start();
        let n = digits(ls + (ks.start - ls - head.len()));
        if n == 0
            || !head[n..].starts_with(b") ")
            || p >= buf.len()
            || !buf[p..line_end(buf, p)].trim_ascii().is_empty()
        {
            return None;
        }
        let next = line_end(buf, p) + 1;
        if next >= buf.len() {
            return None;
        }
        let line = &buf[next..line_end(buf, next)];
        let t = next + (line.len() - line.trim_ascii_start().len());
        let n = digits(t);
        (n > 0 && buf[t + n..].starts_with(b") ")).then_some(t + n + 2)?
    };
    let (value, quoted, joined) = value_at(buf, v, Form::Assign { line: false })?;
    Some(Pair {
        key: key.to_string(),
        value,
        joined,
        quoted,
        form: Form::Assign { line: false },
        parents: Parents::Keys(ks.start, false),
        key_start: ks.start,
        row: None,
    })
}

/// The key at `ks` with the words around it inside its quotes (`"Security Token"`, `'SF API
/// token'`), when only letters and spaces sit between it and the quotes; else `ks`.
fn words_in_quotes(buf: &[u8], ks: Range<usize>) -> Range<usize> {
    let word = |b: u8| b.is_ascii_alphabetic() || b == b' ';
    let mut s = ks.start;
    while s > 0 && ks.start - s < 32 && word(buf[s - 1]) {
        s -= 1;
    }
    let mut e = ks.end;
    while e < buf.len() && e - ks.end < 32 && word(buf[e]) {
        e += 1;
    }
    let quoted = s > 0 && QUOTES.contains(&buf[s - 1]) && buf.get(e) == Some(&buf[s - 1]);
    if quoted && (s, e) != (ks.start, ks.end) && buf[s] != b' ' && buf[e - 1] != b' ' {
        s..e
    } else {
        ks
    }
}

/// The whole quoted string when the key at `ks` is the last step of a path in it: `[Password]`
/// or `.Password` right before the closing quote (SSIS's `Path="\\Package.Connections[SF
/// Prod].Properties[Password]"`, a JSON patch's `"path": "/sf/password"`). The steps before it
/// are part of the key: they name whose it is.
fn path_in_quotes(buf: &[u8], ks: Range<usize>) -> Range<usize> {
    let Some(&before) = ks.start.checked_sub(1).and_then(|i| buf.get(i)) else { return ks };
    let e = ks.end + usize::from(before == b'[' && buf.get(ks.end) == Some(&b']'));
    let (Some(&q), true) = (buf.get(e), matches!(before, b'[' | b'.' | b'/' | b'\\' | b':')) else { return ks };
    if !QUOTES.contains(&q) {
        return ks;
    }
    let from = ks.start.saturating_sub(200);
    let Some(s) = memchr::memrchr(q, &buf[from..ks.start]).map(|i| from + i + 1) else { return ks };
    // .NET configuration's sections: `"Salesforce:Auth:Password"`, `key="sf:Password"`.
    let sections =
        before == b':' && buf[s..ks.start].iter().all(|&b| b == b':' || b.is_ascii_alphanumeric() || b == b'_');
    if buf[s..e].iter().any(|&b| b == b'\n' || b == b'=' || b == b':' && !buf[s..e].starts_with(b"\\") && !sections) {
        return ks;
    }
    s..e
}

/// The position after the opening tag of a value element that comes first at `p`, past blanks:
/// `<value>`, `<ConfiguredValue>`, `<con:value>` (a local name ending in `value`).
fn child_value(buf: &[u8], p: usize) -> Option<usize> {
    let t = p + buf[p..].iter().take_while(|b| matches!(b, b'\r' | b'\n' | b' ' | b'\t')).count();
    let rest = buf.get(t..(t + 64).min(buf.len()))?;
    let name = rest.strip_prefix(b"<")?;
    let gt = memchr::memchr(b'>', name)?;
    // (The element's name, without its attributes: `<Value Profile="(Default)">`.)
    let tag = name[..gt].split(|b| b.is_ascii_whitespace()).next()?;
    let local = tag.rsplit(|&b| b == b':').next()?;
    (local.len() >= 5
        && local[local.len() - 5..].eq_ignore_ascii_case(b"value")
        && local.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_'))
    .then_some(t + 1 + gt + 1)
}

/// XML that names a variable in one element and holds its value in the next: `<name>SFDC_PASSWORD</name>
/// … <defaultValue>v</defaultValue>` (Jenkins, Kettle's `<default_value>`), `<con:name>sfPassword</con:name>
/// <con:value>v</con:value>` (SoapUI), `<key>SF_PASSWORD</key><string>v</string>` (plists),
/// `<field>Password__c</field>` over `<value xsi:type="xsd:string">v</value>` (custom metadata).
fn xml_name_value(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
    let from = ks.start.saturating_sub(40);
    let open = from + memchr::memrchr(b'<', &buf[from..ks.start])?;
    // The name may have words around the key: `<Key>Security Token</Key>` (KeePass).
    let gt = open + memchr::memchr(b'>', &buf[open..ks.start])?;
    let words = |w: &[u8]| w.iter().all(|&b| b.is_ascii_alphabetic() || b == b' ');
    let close = ks.end + memchr::memchr(b'<', &buf[ks.end..(ks.end + 32).min(buf.len())])?;
    if !words(&buf[gt + 1..ks.start]) || !words(&buf[ks.end..close]) || !buf[close..].starts_with(b"</") {
        return None;
    }
    let tag = &buf[open + 1..gt];
    let local = tag.rsplit(|&b| b == b':').next()?;
    // (`<field>Password__c</field>` over `<value>`: Salesforce's own custom metadata records.)
    const NAMES: &[&[u8]] = &[b"name", b"key", b"id", b"field", b"property", b"parameter", b"param", b"variable"];
    if !NAMES.iter().any(|n| local.eq_ignore_ascii_case(n)) {
        return None;
    }
    let limit = (ks.end + 600).min(buf.len());
    let mut p = close + 2;
    while let Some(i) = memchr::memchr(b'<', &buf[p..limit]) {
        let t = p + i + 1;
        let gt_v = t + memchr::memchr(b'>', &buf[t..limit])?;
        // The element's name, without attributes (`<Value ProtectInMemory="True">`) or prefix.
        let name = &buf[t..gt_v];
        let name = name.split(|b| b.is_ascii_whitespace()).next().unwrap_or(name);
        let name = name.rsplit(|&b| b == b':').next().unwrap_or(name);
        // The next entry's name: this one has no value element.
        if name == local {
            return None;
        }
        // `<value>`, `<defaultValue>`, Kettle's `<default_value>`, `<ConfiguredValue>`.
        let valued = name.len() >= 5 && name[name.len() - 5..].eq_ignore_ascii_case(b"value");
        // (In a unified diff, a value on a removed line is replaced by the one added below it.)
        let removed = |at: usize| buf.get(line_start(buf, at)) == Some(&b'-');
        if (valued || name == b"string" || name == b"secret") && removed(t) && !removed(ks.start) {
            p = gt_v + 1;
            continue;
        }
        if valued || name == b"string" || name == b"secret" {
            let (value, quoted, _) = value_at(buf, gt_v + 1, Form::Element)?;
            let key = String::from_utf8_lossy(&buf[gt + 1..close]).trim().to_string();
            return Some(Pair {
                key,
                value,
                joined: None,
                quoted,
                form: Form::NameValue,
                parents: Parents::Xml(open),
                key_start: ks.start,
                row: None,
            });
        }
        p = gt_v + 1;
    }
    None
}

/// A YAML list item naming a variable: `- name: sfPassword` with `value: v` on a line below
/// (Azure Pipelines, Kubernetes `env:`, GitHub Actions), and the same shape in reports
/// (Spring Boot's failure analysis: `Property: salesforce.password` over `Value: "v"`).
fn yaml_name_value(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
    let ls = line_start(buf, ks.start);
    let head = buf[ls..ks.start].trim_ascii();
    let head = head.strip_prefix(b"- ").unwrap_or(head).trim_ascii();
    let named = head.strip_suffix(b":").is_some_and(|f| NAME_FIELDS.iter().any(|n| f.eq_ignore_ascii_case(n)));
    if !named || !buf[ks.end..line_end(buf, ks.end)].trim_ascii().is_empty() {
        return None;
    }
    let indent = indent_of(&buf[ls..ks.start]);
    let mut l = line_end(buf, ks.end) + 1;
    for _ in 0..3 {
        if l >= buf.len() {
            break;
        }
        let le = line_end(buf, l);
        let line = &buf[l..le];
        if indent_of(line) < indent.saturating_sub(2) || line.trim_ascii_start().starts_with(b"- ") {
            break;
        }
        let t = line.trim_ascii_start();
        // (Jenkins configuration as code: `id: sf-prod-security-token` over `secret: "v"`.)
        let field = [&b"value:"[..], b"default:", b"secret:"]
            .into_iter()
            .find(|f| t.get(..f.len()).is_some_and(|h| h.eq_ignore_ascii_case(f)));
        if let Some(f) = field {
            let v = skip_blanks(buf, le - t.len() + f.len());
            let (value, quoted, joined) = value_at(buf, v, Form::Assign { line: true })?;
            let key = String::from_utf8_lossy(&buf[ks.clone()]).into_owned();
            return Some(Pair {
                key,
                value,
                joined,
                quoted,
                form: Form::NameValue,
                parents: Parents::Indent(ls),
                key_start: ks.start,
                row: None,
            });
        }
        l = le + 1;
    }
    None
}

/// Where the object holding position `p` ends (a `}` or `/>` or `>`), at most 400 bytes on.
fn object_end(buf: &[u8], p: usize) -> usize {
    let limit = (p + 400).min(buf.len());
    let mut i = p;
    while i < limit {
        match buf[i] {
            b'}' => return i,
            b'>' if buf[i - 1] == b'/' || buf[i - 1] != b'-' => return i,
            b'{' => return i,
            _ => i += 1,
        }
    }
    limit
}

/// The `value` member of the object opening at `open`, skipping the objects nested in it
/// (Matillion's `"sf_consumer_secret": {"definition": {…}, "value": "v"}`); within 800 bytes.
pub(super) fn member_value(buf: &[u8], open: usize) -> Option<(Range<usize>, bool, Option<Range<usize>>)> {
    let limit = (open + 800).min(buf.len());
    let (mut depth, mut seg) = (0usize, open + 1);
    for i in open + 1..limit {
        match buf[i] {
            b'{' | b'[' => {
                if depth == 0 {
                    if let Some(v) = find_value_field(buf, seg, i) {
                        return Some(v);
                    }
                    // A default that wraps its value in turn (Firebase Remote Config's
                    // `"crm_secret": {"defaultValue": {"value": "v"}}`).
                    if buf[i] == b'{' && wraps_value(&buf[seg..i]) {
                        if let Some(v) = member_value(buf, i) {
                            return Some(v);
                        }
                    }
                }
                depth += 1;
            }
            b'}' | b']' if depth == 0 => return find_value_field(buf, seg, i),
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    seg = i + 1;
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether text before an object's `{` ends in a field that names a value (`"defaultValue":`,
/// `value =`): the object holds that value.
fn wraps_value(before: &[u8]) -> bool {
    let t = before.trim_ascii_end();
    let t = t.strip_suffix(b":").or_else(|| t.strip_suffix(b"=")).unwrap_or(t).trim_ascii_end();
    let t = t.strip_suffix(b"\"").or_else(|| t.strip_suffix(b"'")).unwrap_or(t).to_ascii_lowercase();
    t.ends_with(b"value") || t.ends_with(b"default")
}

/// The one value field in the objects nested in a name's object (Matillion's `{"name": "Security
/// Token", "elements": {"1": {"values": {"1": {"type": "STRING", "value": "v"}}}}}`): from the
/// `{` at `open` to the end of the name's object, at most 600 bytes, when exactly one `"value"`
/// is there.
fn nested_value(buf: &[u8], from: usize, open: usize) -> Option<(Range<usize>, bool, Option<Range<usize>>)> {
    if buf.get(open) != Some(&b'{') {
        return None;
    }
    let limit = (from + 600).min(buf.len());
    let mut depth = 0i32;
    let mut end = None;
    for (i, &b) in buf[open..limit.max(open)].iter().enumerate() {
        match b {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth < 0 {
                    end = Some(open + i);
                    break;
                }
            }
            _ => {}
        }
    }
    let end = end?;
    (memchr::memmem::find_iter(&buf[open..end], b"\"value\"").count() == 1).then(|| find_value_field(buf, open, end))?
}

/// Where the object holding position `p` starts, at most 300 bytes back.
pub(super) fn object_start(buf: &[u8], p: usize) -> usize {
    let limit = p.saturating_sub(300);
    let mut i = p;
    while i > limit {
        if matches!(buf[i - 1], b'{' | b'<') {
            return i;
        }
        i -= 1;
    }
    limit
}

/// Whether a field `name` (`name="…"`, `"name": …`, `name = …`) is in `from..to`.
fn has_field(buf: &[u8], from: usize, to: usize, name: &[u8]) -> bool {
    let hay = &buf[from.min(to)..to];
    memchr::memmem::find_iter(hay, name).any(|i| {
        let at = from + i;
        let mut p = at + name.len();
        while p < to && matches!(buf[p], b'"' | b'\'' | b'\\') {
            p += 1;
        }
        (at == 0 || !is_key_byte(buf[at - 1]) && buf[at - 1] != b'.') && separator(buf, skip_blanks(buf, p)).is_some()
    })
}

/// A `value` field (`"value": "v"`, `value="v"`, `value = "v"`) in `from..to`.
fn find_value_field(buf: &[u8], from: usize, to: usize) -> Option<(Range<usize>, bool, Option<Range<usize>>)> {
    // (Any case: PowerCenter writes `<ATTRIBUTE NAME="Password" VALUE="v"/>`.)
    let hay = buf[from.min(to)..to].to_ascii_lowercase();
    let mut off = 0;
    while let Some(i) = memchr::memmem::find(&hay[off..], b"alue") {
        let at = from + off + i;
        off += i + 4;
        if at == 0 || !matches!(buf[at - 1], b'v' | b'V') {
            continue;
        }
        // `value`, or a field that ends in it: `setting_value`, `paramValue`.
        let word = at - 1 - buf[..at - 1].iter().rev().take_while(|&&b| is_key_byte(b) && b != b'.').count();
        if at >= 2 && is_key_byte(buf[at - 2]) && !prefixed_field(&buf[word..at + 4], b"value") {
            continue;
        }
        let mut p = at + 4;
        while p < to && matches!(buf[p], b'"' | b'\'' | b'\\') {
            p += 1;
        }
        let p = skip_blanks(buf, p);
        let Some(after) = separator(buf, p) else { continue };
        // (Formatted JSON may put the value on the line below: `"value":` / `"v"`.)
        let v = after + buf[after..to.max(after)].iter().take_while(|b| b.is_ascii_whitespace()).count();
        if let Some(v) = value_at(buf, v, Form::Assign { line: false }) {
            return Some(v);
        }
        // A value kept in an object of one member (1Password's `"value": {"concealed": "v"}`).
        if let Some(v) = only_member(buf, v) {
            return Some(v);
        }
    }
    None
}

/// The string value of the only member of the object that opens at `open`
/// (`{"concealed": "v"}`), if it has one member and closes within 300 bytes.
fn only_member(buf: &[u8], open: usize) -> Option<(Range<usize>, bool, Option<Range<usize>>)> {
    if buf.get(open) != Some(&b'{') {
        return None;
    }
    let limit = (open + 300).min(buf.len());
    let close = memchr::memchr(b'}', &buf[open..limit])? + open;
    let body = &buf[open + 1..close];
    if body.contains(&b'{') || body.contains(&b',') {
        return None;
    }
    let colon = memchr::memchr(b':', body)? + open + 1;
    let (value, quoted, _) = value_at(buf, skip_blanks(buf, colon + 1), Form::Assign { line: false })?;
    (quoted && value.end < close).then_some((value, true, None))
}
