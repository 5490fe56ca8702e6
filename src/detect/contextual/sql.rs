//! SQL around a key: a key in an SQL statement is a database's column or login, not a
//! configuration's (`UPDATE staff sf SET sf.password = 'v'`), and a table alias before it
//! (`sf.`) names no vendor.

use super::LINE_BREAKS;
use crate::detect::keyvalue::{self, Pair};

/// Whether the key sits in an SQL statement (two SQL keywords on its line, or one that sets a
/// database login's password): `UPDATE staff sf SET sf.password = 'x'` sets a database column,
/// whatever the alias is called. (A line of code kept
/// in one string, its line breaks escaped, is as many lines: `\\n`, KNIME's `%%00010`, `&#10;`.)
pub(super) fn in_sql(buf: &[u8], p: &Pair) -> bool {
    let (mut ls, mut le) = (keyvalue::line_start(buf, p.key_start), keyvalue::line_end(buf, p.key_start));
    for sep in LINE_BREAKS {
        if let Some(i) = memchr::memmem::rfind(&buf[ls..p.key_start], sep) {
            ls += i + sep.len();
        }
        if let Some(i) = memchr::memmem::find(&buf[p.key_start..le], sep) {
            le = p.key_start + i;
        }
    }
    // A key inside one of the statement's string literals is data (a serialized PHP array in a
    // `wp_options` row), not a column of the statement.
    let head = &buf[ls..p.key_start];
    let quotes = head.iter().enumerate().filter(|&(i, &b)| b == b'\'' && (i == 0 || head[i - 1] != b'\\')).count();
    if quotes % 2 == 1 {
        return false;
    }
    static SQL: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let line = &buf[ls..le];
    // SQL in lower case only where a statement starts the line (`update users set …`); in the
    // middle of a sentence, `update the env … from the vault` is English.
    let lower = {
        let t = line.trim_ascii_start();
        let t = t.strip_prefix(b"\"").or_else(|| t.strip_prefix(b"'")).unwrap_or(t);
        ["update ", "select ", "insert ", "delete ", "with "]
            .iter()
            .any(|w| t.len() >= w.len() && t[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
    };
    let ac = SQL.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["UPDATE ", " SET ", "SELECT ", " WHERE ", " FROM ", "INSERT ", " VALUES"])
            .expect("literal SQL words")
    });
    // A database's own login: `ALTER ROLE crm_app WITH PASSWORD 'v'`, `CREATE USER etl IDENTIFIED
    // BY v` (one statement is enough: its password is the database's).
    static LOGINS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let logins = LOGINS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "ALTER ROLE ",
                "ALTER USER ",
                "CREATE ROLE ",
                "CREATE USER ",
                "ALTER LOGIN ",
                "CREATE LOGIN ",
                " IDENTIFIED BY ",
            ])
            .expect("literal SQL words")
    });
    if logins.find_iter(line).any(|m| lower || !line[m.start()..m.end()].iter().any(u8::is_ascii_lowercase)) {
        return true;
    }
    let mut seen = [false; 7];
    for m in ac.find_overlapping_iter(line) {
        if !lower && line[m.start()..m.end()].iter().any(u8::is_ascii_lowercase) {
            continue;
        }
        seen[m.pattern().as_usize()] = true;
    }
    seen.iter().filter(|&&b| b).count() >= 2
}

/// The key, without a table alias in an SQL statement (`UPDATE staff sf SET sf.password = …`:
/// `sf` is the table there, not Salesforce).
pub(super) fn sql_alias_dropped(buf: &[u8], p: &Pair) -> String {
    let Some(dot) = p.key.rfind('.') else { return p.key.clone() };
    if in_sql(buf, p) {
        p.key[dot + 1..].to_string()
    } else {
        p.key.clone()
    }
}
