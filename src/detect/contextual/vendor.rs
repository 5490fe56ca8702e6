//! Whose a credential is, by what surrounds it when its key does not say: the system keys of
//! its block (`type: snowflake`, a host, a connection string), its flag's command, its table row's
//! system cells, the Markdown heading over it, the first cell of its row in a document's table;
//! and text that says it is not Salesforce's (`not SF`), or a client ID that is no consumer key.
//!
//! These are read after the key's own vendor and its parents' (see `Layer::candidates`): where
//! those leave the vendor open, or to set aside a candidate that is another system's.

use super::blocks::{log_event, nested};
use super::Layer;
use crate::detect::keyvalue::{self, Form, Pair};
use crate::detect::plausible;
use crate::detect::vocabulary::SALESFORCE;
use std::ops::Range;
use std::path::Path;

impl Layer {
    /// What the block around a value says of its vendor: (vendor id, what said it). The block is
    /// the value's enclosing objects (up to three levels), the sibling lines of a YAML entry, or
    /// the `k=v;` pairs of a connection string; what counts is the value of keys that name a
    /// system (`type`, `driver`, `host`, `url`, `server`, `name`, …), read for Salesforce context
    /// and for other vendors' words.
    ///
    /// A host or URL that is not Salesforce's (`"endpoint": "https://opera-ows.example.com/"`,
    /// `Hostname: sftp.example.internal`) names another system when nothing in the block names
    /// Salesforce. For a consumer secret (`secret`), a client ID beside it that is not a consumer
    /// key (`3MVG9…`) is another identity provider's (an Azure AD GUID).
    pub(super) fn block_vendor(
        &self,
        buf: &[u8],
        p: &Pair,
        around: &[Range<usize>],
        secret: bool,
    ) -> Option<(String, String)> {
        if matches!(p.form, Form::Prose | Form::Call) {
            return None;
        }
        if p.form == Form::Table {
            return self.row_vendor(buf, p);
        }
        // A flag's command says whose login it is (`pmrep createconnection -s Oracle … -p 'v'`):
        // what it names besides the value, when that is one vendor only.
        if p.form == Form::Flag {
            let cmd = keyvalue::command(buf, p.key_start);
            let mut text = buf[cmd.start..p.value.start.max(cmd.start)].to_vec();
            text.push(b' ');
            text.extend_from_slice(&buf[p.value.end.min(cmd.end)..cmd.end]);
            let words = self.vocab.text_words(&String::from_utf8_lossy(&text));
            let sf = self.scope.first(&text, 0..text.len()).map(|h| h.text).or_else(|| {
                words.iter().find(|w| self.vocab.vendor_of(std::slice::from_ref(*w)) == Some(SALESFORCE)).cloned()
            });
            let other =
                words.iter().find_map(|w| self.vocab.vendor_of(std::slice::from_ref(w)).filter(|v| *v != SALESFORCE));
            return match (sf, other) {
                (Some(h), None) => Some((SALESFORCE.to_string(), format!("`{h}` in its command"))),
                (None, Some(v)) => Some((v.to_string(), format!("its command names {v}"))),
                _ => None,
            };
        }
        // A connection string (`Server=…;Database=…;Password=…`) is a database's.
        let ls = keyvalue::line_start(buf, p.key_start);
        let line = buf[ls..keyvalue::line_end(buf, p.key_start)].to_ascii_lowercase();
        if line.iter().filter(|&&b| b == b';').count() >= 2
            && [&b"server="[..], b"data source=", b"database=", b"initial catalog=", b"host="]
                .iter()
                .any(|k| memchr::memmem::find(&line, k).is_some())
        {
            return Some(("database".to_string(), "a database connection string".to_string()));
        }
        for block in around.iter().cloned() {
            // A log event's fields (`hostname`, `service`) name what logged it, not the system a
            // credential in it is for.
            if log_event(&buf[block.clone()]) {
                continue;
            }
            let mut sf = None;
            let mut other = None;
            let mut host = None;
            // Only the block's own keys: a nested object describes something inside it (a
            // Workday connection's `"Target Salesforce Connection"` parameter is not its type).
            let inner = nested(&buf[block.clone()]);
            // A secret beside a consumer key (`3MVG9…`) in its own block is that connected app's,
            // whatever the app is called (`"name": "Tableau CRM Sync"` a level up).
            if secret {
                let text = &buf[block.clone()];
                let key = memchr::memmem::find_iter(text, b"3MVG9")
                    .find(|&k| !inner.iter().any(|r| r.start <= k && k < r.end));
                if key.is_some() {
                    sf = Some("consumer key `3MVG9` in its block".to_string());
                }
            }
            for (name, value) in self.system_values(&buf[block.clone()]) {
                let text = &buf[block.start + value.start..block.start + value.end];
                if block.start + value.start <= p.value.start && p.value.end <= block.start + value.end {
                    continue;
                }
                if inner.iter().any(|r| r.start <= value.start && value.end <= r.end) {
                    continue;
                }
                if let Some(h) = self.scope.first(text, 0..text.len()) {
                    sf.get_or_insert(format!("{name} `{}` in its block", h.text));
                    continue;
                }
                // A key that ends in a system key (`SEED_LOGIN_URL`) may name Salesforce; what
                // else it names may be the app's own (`CALLBACK_URL`), so it names nothing else.
                if !self.vocab.lists.system_keys.contains(&name) {
                    continue;
                }
                let words = self.vocab.text_words(&String::from_utf8_lossy(text));
                if self.vocab.lists.database_keys.contains(&name) {
                    other.get_or_insert(("database".to_string(), format!("its block's `{name}`")));
                } else if let Some(v) = self.vocab.vendor_of(&words) {
                    other.get_or_insert((v.to_string(), format!("{name} `{}`", String::from_utf8_lossy(text))));
                } else if let Some(h) = self.vocab.lists.host_keys.contains(&name).then(|| host_of(text)).flatten() {
                    host.get_or_insert(("another system".to_string(), format!("{name} `{h}`")));
                }
            }
            if secret && other.is_none() {
                other = foreign_client_id(&buf[block.clone()], &inner);
            }
            // (A host that names no vendor is weaker than Salesforce's context: a connected
            // app's own callback URL beside its `3MVG9` key.)
            let other = other.or(if sf.is_none() { host } else { None });
            match (sf, other) {
                (Some(s), None) => return Some((SALESFORCE.to_string(), s)),
                (None, Some(o)) => return Some(o),
                // Both: the enclosing block decides (a Workday connection whose parameters
                // name its Salesforce target is still a Workday connection).
                (Some(_), Some(_)) | (None, None) => {}
            }
        }
        None
    }

    /// Another vendor that the Markdown heading over a value names, alone (`## 3. Snowflake` over
    /// `mot de passe \`v\``): a page's section is about one system.
    pub(super) fn heading_vendor(&self, buf: &[u8], p: &Pair, path: Option<&Path>) -> Option<String> {
        let ext = path?.extension()?.to_str()?.to_ascii_lowercase();
        if !matches!(ext.as_str(), "md" | "markdown" | "mdx" | "txt" | "org") {
            return None;
        }
        let mut end = keyvalue::line_start(buf, p.key_start.min(p.value.start));
        for _ in 0..40 {
            if end == 0 {
                return None;
            }
            let start = keyvalue::line_start(buf, end - 1);
            let line = &buf[start..end - 1];
            end = start;
            let marks = line.iter().take_while(|&&b| b == b'#' || b == b'*').count();
            if marks == 0 || marks > 6 || line.get(marks) != Some(&b' ') {
                continue;
            }
            // (A short heading, the system's name: `Timeline (Slack #oncall export)` says where
            // the text below comes from, not what it is about.)
            let words = self.vocab.words(&String::from_utf8_lossy(&line[marks..]));
            if words.iter().filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic())).count() > 3 {
                return None;
            }
            return match self.vocab.vendor_of(&words) {
                Some(v) if v != SALESFORCE && self.scope.first(line, 0..line.len()).is_none() => Some(v.to_string()),
                _ => None,
            };
        }
        None
    }

    /// The vendor the first cell of a table's row names, for text at `at` in a later cell: a
    /// tab-separated line's, or an HTML `<tr>`'s.
    pub(super) fn first_cell_vendor(&self, buf: &[u8], at: usize) -> Option<&str> {
        let ls = keyvalue::line_start(buf, at);
        let cell = match memchr::memchr(b'\t', &buf[ls..at]) {
            Some(tab) => ls..ls + tab,
            None => {
                let from = at.saturating_sub(4096);
                let tr = memchr::memmem::rfind(&buf[from..at], b"<tr").map(|i| from + i)?;
                if memchr::memmem::find(&buf[tr..at], b"</tr>").is_some() {
                    return None;
                }
                keyvalue::html_cells(buf, tr).into_iter().next().filter(|c| c.end <= at)?
            }
        };
        self.vocab.vendor_of(&self.vocab.words(&String::from_utf8_lossy(&buf[cell])))
    }

    /// What a table row says of its vendor: Salesforce context in any of its cells (a URL, a
    /// system name), else another vendor's name in one (`GitHub (ops bot)`, `https://github.com/…`).
    pub(super) fn row_vendor(&self, buf: &[u8], p: &Pair) -> Option<(String, String)> {
        let row = p.row?;
        // The table's rows as cells: a delimited file's lines, or an HTML table's `<tr>`s.
        let html = buf[row..].starts_with(b"<tr");
        let hs = if html {
            memchr::memmem::rfind(&buf[..p.key_start], b"<tr")?
        } else {
            keyvalue::line_start(buf, p.key_start)
        };
        let header = &buf[hs..keyvalue::line_end(buf, p.key_start)];
        // PostgreSQL's `COPY t (a, b, c) FROM stdin;`: columns listed in its parentheses, rows
        // of tab-separated fields.
        let copy = header.len() > 5 && header[..5].eq_ignore_ascii_case(b"COPY ");
        let delim = if copy { b'\t' } else { keyvalue::delimiter(header) };
        let cells = |r: usize| -> Vec<&[u8]> {
            if html {
                keyvalue::html_cells(buf, r).into_iter().map(|c| &buf[c]).collect()
            } else if copy && r == hs {
                let open = memchr::memchr(b'(', header).map_or(0, |i| i + 1);
                let close = memchr::memchr(b')', header).unwrap_or(header.len()).max(open);
                header[open..close].split(|&b| b == b',').collect()
            } else {
                buf[r..keyvalue::record_end(buf, r, delim)].split(|&b| b == delim).collect()
            }
        };
        // The row after `r`.
        let next = |r: usize| -> Option<usize> {
            if html {
                let end = memchr::memmem::find(&buf[r..], b"</tr>")? + r;
                let next = memchr::memmem::find(&buf[end..], b"<tr")? + end;
                memchr::memmem::find(&buf[end..next], b"</table>").is_none().then_some(next)
            } else {
                Some(keyvalue::record_end(buf, r, delim) + 1).filter(|&n| n < buf.len())
            }
        };
        // Only the cells of columns that name a system (`url`, `name`, `System`, `Application`):
        // a users export's `Integration` column names what uses the login, not whose it is. (An
        // SQL tuple's columns are named elsewhere: every cell counts.)
        let tuple = buf[row] == b'(';
        let columns: Vec<bool> = cells(hs)
            .into_iter()
            .map(|c| {
                // (`DeveloperName`, `LoginUrl`: a camel-case header's words apart.)
                let mut c = String::from_utf8_lossy(c).trim().trim_matches(['"', '\'']).to_string();
                for i in (1..c.len()).rev() {
                    let b = c.as_bytes();
                    if b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase() {
                        c.insert(i, ' ');
                    }
                }
                let c = c.to_lowercase();
                // (A Salesforce custom field's suffix: `Login_Host__c` is a host column.)
                let c =
                    ["__c", "__mdt", "__pc", "__s"].iter().find_map(|x| c.strip_suffix(x)).unwrap_or(&c).to_string();
                // A person's name (`Full Name`, `Owner name`) says who holds the login, not whose it is.
                if self.vocab.lists.person_columns.iter().any(|w| c.contains(w.as_str())) {
                    return false;
                }
                // A column that Salesforce's name heads (`Salesforce Org`, `SFDC instance`) holds
                // the org a row's credentials log in to, whatever system uses them.
                if ["salesforce", "sfdc"].iter().any(|w| c.contains(w)) {
                    return true;
                }
                self.vocab
                    .lists
                    .system_columns
                    .iter()
                    .any(|k| c == *k || c.ends_with(&format!(" {k}")) || c.ends_with(&format!("_{k}")))
            })
            .collect();
        let system_text = |row: usize| {
            let mut text = Vec::new();
            for (i, cell) in cells(row).into_iter().enumerate() {
                if tuple || columns.get(i).copied().unwrap_or(false) {
                    text.extend_from_slice(cell.trim_ascii());
                    text.push(b' ');
                }
            }
            text
        };
        let text = system_text(row);
        // `DocuSign for Salesforce`: a product made for Salesforce is its maker's.
        if let Some(v) = self.made_for_salesforce(&text) {
            return Some((v.to_string(), format!("its row names {v}")));
        }
        // `Twitter listener (not SF)`: a row that says it is not Salesforce's.
        if disowned(&text) {
            return Some(("another system".to_string(), "its row says it is not Salesforce's".to_string()));
        }
        // A connected app's consumer key in any cell: the row is that app's, whatever its name
        // (`Zapier bridge`) or callback host names.
        let consumer_key = |c: &&[u8]| {
            let c = c.trim_ascii();
            c.strip_prefix(b"\"").unwrap_or(c).starts_with(b"3MVG9")
        };
        if cells(row).iter().any(consumer_key) {
            return Some((SALESFORCE.to_string(), "a consumer key (`3MVG9…`) in its row".to_string()));
        }
        if let Some(h) = self.scope.first(&text, 0..text.len()) {
            return Some((SALESFORCE.to_string(), format!("`{}` in its row", h.text)));
        }
        let words = self.vocab.text_words(&String::from_utf8_lossy(&text));
        if let Some(v) = self.vocab.vendor_of(&words) {
            return Some((v.to_string(), format!("its row names {v}")));
        }
        // An inventory of several systems (`System;Benutzer;Passwort` with a Salesforce row and a
        // DATEV row): when another row's system cells say Salesforce, this row's, naming
        // something else, are that other system's. A row whose system cells are empty says
        // nothing.
        if text.iter().all(|b| b.is_ascii_whitespace() || b"-\"'".contains(b)) {
            return None;
        }
        let mut at = next(hs);
        for _ in 0..200 {
            let Some(r) = at else { break };
            let other = system_text(r);
            if r != row && self.scope.first(&other, 0..other.len()).is_some() {
                return Some(("another system".to_string(), "its row names another system".to_string()));
            }
            at = next(r);
        }
        None
    }

    /// The vendor of a product named `<Vendor> for Salesforce` in `text` (`DocuSign for
    /// Salesforce`, `Conga for Salesforce`).
    fn made_for_salesforce(&self, text: &[u8]) -> Option<&str> {
        let lower = text.to_ascii_lowercase();
        memchr::memmem::find_iter(&lower, b" for salesforce").find_map(|i| {
            let before = lower[..i].rsplit(|b| !b.is_ascii_alphanumeric()).next()?;
            self.vocab.vendor_of(&[String::from_utf8_lossy(before).into_owned()]).filter(|v| *v != SALESFORCE)
        })
    }

    /// The (key, value span) pairs in a block whose key names a system (the vocabulary's
    /// `system_keys`): `type: snowflake`, `"host": "sqlprod01"`, `Server=tcp:…`, `{"id": "host",
    /// "value": "…"}` fields, aligned `Host   v` lines, `<url>v</url>` and KeePass's
    /// `<Key>Title</Key><Value>v</Value>`.
    fn system_values(&self, block: &[u8]) -> Vec<(String, Range<usize>)> {
        self.system_re
            .captures_iter(block)
            .filter_map(|c| {
                let (k, v) = (1..c.len()).step_by(2).find_map(|i| Some((c.get(i)?, c.get(i + 1)?)))?;
                let k = String::from_utf8_lossy(k.as_bytes()).to_ascii_lowercase();
                // `<value name="cn.sessionTimeout">120</value>`: a name attribute whose element's
                // text is the value names a field, not a system.
                let after = &block[v.end()..];
                let field = (k == "name" || k == "key")
                    && (after.starts_with(b"\">") || after.starts_with(b"'>"))
                    && after.get(2).is_some_and(|&b| b != b'\n')
                    && (after.get(2) != Some(&b'<') || after.get(3) == Some(&b'/'));
                // `<property name="com.intellij.clouds.kubernetes.db.enabled" value="false"/>`:
                // likewise a name beside a `value` attribute that only switches a setting (a
                // name beside a real value, `<env name="WDW_LOAD_DATABASE" value="raw"/>`, may
                // well say what the block connects to).
                let attr = (k == "name" || k == "key") && switch_beside(after);
                (!field && !attr).then(|| (k, v.range()))
            })
            .collect()
    }
}

/// Whether text between a key and its value says the credential is not Salesforce's (`password
/// (SN side, not Salesforce):`, `non-SFDC`).
pub(super) fn disowned(text: &[u8]) -> bool {
    let t = text.to_ascii_lowercase();
    ["not ", "non-", "non ", "nicht ", "no es "].iter().any(|neg| {
        memchr::memmem::find_iter(&t, neg.as_bytes()).any(|i| {
            let w = &t[i + neg.len()..];
            let w = w.strip_prefix(b"the ").unwrap_or(w);
            let w = w.strip_prefix(b"for ").unwrap_or(w);
            ["salesforce", "sfdc", "sf ", "sf)", "sf,", "sf:"].iter().any(|sf| w.starts_with(sf.as_bytes()))
        })
    })
}

/// The host of an address (`https://opera-ows.example.com/OWS/` → `opera-ows.example.com`), when
/// it is one: a name with a dot, an IP address or `localhost`; not a reference (`${HOST}`).
fn host_of(text: &[u8]) -> Option<String> {
    let t = String::from_utf8_lossy(text.trim_ascii()).to_ascii_lowercase();
    let rest = t.split_once("://").map_or(t.as_str(), |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let host = rest.split(['/', ':', '?', '#', ' ']).next()?;
    let label = |l: &str| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let named = host.contains('.')
        && host.split('.').all(label)
        && host
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.bytes().any(|b| b.is_ascii_alphabetic()) || host.split('.').count() == 4);
    (named || host == "localhost").then(|| host.to_string())
}

/// A client ID in a block (its own keys, not nested ones) that is not a Salesforce consumer key:
/// the secret beside it belongs to that other identity provider.
fn foreign_client_id(block: &[u8], inner: &[Range<usize>]) -> Option<(String, String)> {
    static RE: std::sync::OnceLock<regex::bytes::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::bytes::RegexBuilder::new(
            r#"(?i)["']?\b(?:client[ _-]?id|consumer[ _-]?key|app[ _-]?id|application[ _-]?id)\b["']?\s*(?:=>|=|:)\s*["']?([A-Za-z0-9/+][A-Za-z0-9._~+/=-]{7,})"#,
        )
        .unicode(false)
        .build()
        .expect("valid regex")
    });
    // (A client ID read from elsewhere, `process.env.SFDC_CLIENT_ID || '3MVG9…'`, says nothing but
    // its fallback.)
    let c = re
        .captures_iter(block)
        .filter_map(|c| c.get(1))
        .filter(|v| !plausible::not_a_value(v.as_bytes(), false, true))
        .find(|v| !inner.iter().any(|r| r.start <= v.start() && v.end() <= r.end))?;
    let line_end = memchr::memchr(b'\n', &block[c.end()..]).map_or(block.len(), |i| c.end() + i);
    // (A Kubernetes Secret's `client-id: M01WRzl…` is a `3MVG9` key in base64.)
    let encoded =
        crate::detect::decode::base64_prefix_anchors(b"3MVG9").iter().any(|a| c.as_bytes().starts_with(a.as_bytes()));
    (!c.as_bytes().starts_with(b"3MVG")
        && !encoded
        && memchr::memmem::find(&block[c.end()..line_end], b"3MVG9").is_none())
    .then(|| ("another system".to_string(), "its client ID is no Salesforce consumer key".to_string()))
}

/// For a column of a table whose header also names the other half of a login (`Password` and
/// `Security Token`): the header, which is Salesforce's own pair of columns.
pub(super) fn table_header(layer: &Layer, buf: &[u8], p: &Pair, role: usize) -> Option<String> {
    if p.form != Form::Table {
        return None;
    }
    let ls = keyvalue::line_start(buf, p.key_start);
    let le = keyvalue::line_end(buf, p.key_start);
    let want = match layer.vocab.roles[role].id.as_str() {
        "password" => "security-token",
        "security-token" => "password",
        _ => return None,
    };
    let header = String::from_utf8_lossy(&buf[ls..le]);
    let other = header
        .split([',', '\t', ';', '|', '(', ')'])
        .map(|c| c.trim().trim_matches(['"', '\'']))
        .find(|c| layer.vocab.read(c, true).is_some_and(|r| layer.vocab.roles[r.role].id == want))?;
    Some(format!("the `{}` and `{other}` columns of its header", p.key))
}

/// Whether `after` (just past a name attribute's value) closes the quote and goes on with a
/// `value` attribute that only switches a setting: `true`, `false` or a number.
fn switch_beside(after: &[u8]) -> bool {
    let Some((b'"' | b'\'', rest)) = after.split_first() else { return false };
    let rest = rest.trim_ascii_start();
    let Some(v) = rest.get(..6).filter(|a| a.eq_ignore_ascii_case(b"value=")).map(|_| &rest[6..]) else {
        return false;
    };
    let v = v.strip_prefix(b"\"").or_else(|| v.strip_prefix(b"'")).unwrap_or(v);
    let word = &v[..v.iter().position(|&b| matches!(b, b'"' | b'\'' | b' ' | b'/' | b'>')).unwrap_or(v.len())];
    word.eq_ignore_ascii_case(b"true")
        || word.eq_ignore_ascii_case(b"false")
        || !word.is_empty() && word.iter().all(u8::is_ascii_digit)
}

/// The pattern of a block's system values (see [`Layer::system_values`]) for these key names.
pub(super) fn system_values_regex(keys: &[String]) -> anyhow::Result<regex::bytes::Regex> {
    let keys = keys.iter().map(|k| regex::escape(k)).collect::<Vec<_>>().join("|");
    Ok(regex::bytes::RegexBuilder::new(&format!(
        r#"(?i)(?:["'@]?\b((?:[a-z0-9]+[_.-])*(?:{keys}))\b["']?\s*(?:=>|=|:)\s*["']?([^"'\s,;{{}}<>\\][^"',;{{}}<>\n\\]{{0,119}})|\b(?:id|name|key)["']?\s*[:=]\s*["']({keys})["'][^{{}}]{{0,80}}?\bvalue["']?\s*[:=]\s*["']([^"'\n]{{1,120}})|(?m:^[ \t]*({keys})(?:\t[ \t]*| {{2,}})([^\s"'<>{{}}]{{1,120}}))|<(?:\w+:)?({keys})>([^<\n]{{1,120}})<|<(?:\w+:)?(?:key|name|id)>({keys})</[^>]{{1,40}}>\s*<(?:\w+:)?value\b[^>]{{0,80}}>([^<\n]{{1,120}})<)"#
    ))
    .unicode(false)
    .build()?)
}

#[cfg(test)]
mod tests {
    use super::disowned;

    #[test]
    fn text_that_disowns_salesforce() {
        assert!(disowned(b"password (SN side, not Salesforce): "));
        assert!(disowned(b"pass for the non-SFDC box: "));
        assert!(!disowned(b"password (not rotated yet) for Salesforce: "));
        assert!(!disowned(b"Salesforce password: "));
    }
}
