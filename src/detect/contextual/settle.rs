//! Settling a unit's provisional findings once the whole unit is read ([`resolve`]): each is kept
//! only if something says it is Salesforce's (its own surroundings, the file's context, or a
//! Salesforce token found by its prefix in the same unit) and given its evidence; and the halves
//! of one login or app are paired into one finding ([`partner`]).
//!
//! This is done per unit, not per hit, because a pair's halves and the file's context may come in
//! any order.

use super::masking::without_values;
use super::{Layer, Pending, Why};
use crate::detect::finding::{Evidence, Finding, Related};
use crate::detect::keyvalue::Form;
use crate::detect::plausible::Verdict;
use crate::detect::rules::Confidence;
use crate::detect::scope::Hit;

/// How a settled finding is rebuilt under another rule with another value (a pair): supplied by
/// the engine, which owns rule metadata, redaction and fingerprints.
pub(crate) trait Remake {
    fn remake(&self, f: &mut Finding, rule: usize, value: Vec<u8>);
    fn confidence(&self, f: &mut Finding, c: Confidence);
}

/// The context layer's note on a provisional finding.
fn note(f: &Finding) -> Option<&Pending> {
    f.pending.as_ref().and_then(|p| p.downcast_ref::<Pending>())
}

/// Settles the context layer's provisional findings of one unit (see the module docs).
pub(crate) fn resolve(
    layer: &Layer,
    remake: &dyn Remake,
    findings: Vec<Finding>,
    file: Option<&(Hit, Option<u64>)>,
) -> Vec<Finding> {
    let (mut pending, mut done): (Vec<Finding>, Vec<Finding>) = findings.into_iter().partition(|f| f.pending.is_some());
    if pending.is_empty() {
        return done;
    }
    // A Salesforce token found by its prefix in the unit (a session ID pasted into the same chat)
    // says the unit is about Salesforce, like a library's import would.
    let prefixed: Vec<&Finding> =
        done.iter().filter(|f| f.rule.starts_with("salesforce-") && !f.known_example).collect();
    let nearest = |line: u64| {
        prefixed.iter().min_by_key(|f| f.line.abs_diff(line)).map(|f| (format!("{} in the same file", f.title), f.line))
    };
    // Salesforce's, or not at all. (A bare `token` is judged with the password it pairs with.)
    pending.retain_mut(|f| {
        let p = note(f).expect("partitioned");
        if p.generic {
            return true;
        }
        let (salesforce, line) = match &p.why {
            Some(Why::Key(k)) => (format!("the key `{k}` names Salesforce"), None),
            Some(Why::Said(s)) => (s.clone(), None),
            Some(Why::Near(h, delta)) => {
                (format!("{} `{}`", h.kind, h.text), Some((f.line as i64 + delta).max(1) as u64))
            }
            // (Text needs its Salesforce context close by: a token of Salesforce's pasted a
            // few messages away will do.)
            None if p.form == Form::Prose => match nearest(f.line) {
                Some((said, line)) if line.abs_diff(f.line) <= 40 => (said, Some(line)),
                _ => return false,
            },
            None => match (file, nearest(f.line)) {
                (Some((h, line)), _) => (format!("{} `{}`", h.kind, h.text), *line),
                (None, Some((said, line))) => (said, Some(line)),
                (None, None) => return false,
            },
        };
        f.evidence = Some(Evidence {
            key: without_values(&p.key),
            key_path: (!p.path.is_empty()).then(|| without_values(&p.path)),
            salesforce: without_values(&salesforce),
            line,
        });
        true
    });
    pending.sort_by_key(|f| f.offset);
    let role = |f: &Finding| note(f).expect("pending").role;
    let mut used = vec![false; pending.len()];
    let mut out: Vec<Finding> = Vec::new();
    let index = Index::new(&pending, |f| layer.vocab.environments(&note(f).expect("pending").key));
    // (How many unpaired candidates of each role: kept as pairs are made, not counted per candidate.)
    let mut unpaired = std::collections::HashMap::<usize, usize>::new();
    for f in &pending {
        *unpaired.entry(role(f)).or_default() += 1;
    }
    // Pairs: each reported role's candidate takes the nearest partner of the same login or app.
    for &(rule, first, second) in &layer.pairs {
        let firsts: Vec<usize> = (0..pending.len()).filter(|&i| role(&pending[i]) == first && !used[i]).collect();
        for i in firsts {
            if note(&pending[i]).expect("pending").verdict == Verdict::WithToken {
                continue; // already a password with its token
            }
            let login = Some(first) == layer.password;
            let firsts = unpaired.get(&first).copied().unwrap_or(0);
            let Some(j) = partner(&pending, &used, &index, i, second, firsts, login, role) else {
                continue;
            };
            for k in [i, j] {
                used[k] = true;
                *unpaired.get_mut(&role(&pending[k])).expect("counted") -= 1;
            }
            let (a, b) = (&pending[i], &pending[j]);
            // A password and its token log in as one string; a key and secret go as `key:secret`.
            let value = if Some(first) == layer.password {
                [a.raw.as_slice(), b.raw.as_slice()].concat()
            } else {
                [b.raw.as_slice(), b":", a.raw.as_slice()].concat()
            };
            let mut f = a.clone();
            f.related.push(Related::of(b, &layer.vocab.roles[second].id));
            remake.remake(&mut f, rule, value);
            out.push(f);
        }
    }
    for (i, mut f) in pending.into_iter().enumerate() {
        if used[i] {
            continue;
        }
        let p = note(&f).cloned().expect("pending");
        if layer.is_support(p.role) || p.verdict == Verdict::OnlyPaired || p.generic {
            continue;
        }
        match p.verdict {
            Verdict::WithToken => {
                let rule = layer.pairs.iter().find(|x| Some(x.1) == layer.password).map(|x| x.0);
                if let Some(rule) = rule {
                    let raw = f.raw.clone();
                    remake.remake(&mut f, rule, raw);
                }
            }
            Verdict::Misshapen => remake.confidence(&mut f, Confidence::Medium),
            _ => {}
        }
        out.push(f);
    }
    for f in &mut out {
        f.pending = None;
    }
    done.append(&mut out);
    done.sort_by_key(|f| f.offset);
    done
}

/// What [`partner`] looks up for every candidate, gathered once per unit: a large export's
/// units hold thousands of candidates, and a table row's partner is among a handful of them.
struct Index {
    /// Each candidate's environments (see [`partner`]).
    envs: Vec<(Vec<String>, Vec<String>)>,
    /// The candidates of each line and of each table row, in order.
    by_line: std::collections::HashMap<u64, Vec<usize>>,
    by_row: std::collections::HashMap<usize, Vec<usize>>,
    /// Each candidate's offset (candidates are in offset order).
    offsets: Vec<u64>,
}

impl Index {
    fn new(pending: &[Finding], env: impl Fn(&Finding) -> (Vec<String>, Vec<String>)) -> Index {
        let mut by_line = std::collections::HashMap::<u64, Vec<usize>>::new();
        let mut by_row = std::collections::HashMap::<usize, Vec<usize>>::new();
        for (k, f) in pending.iter().enumerate() {
            by_line.entry(f.line).or_default().push(k);
            if let Some(row) = note(f).and_then(|p| p.row) {
                by_row.entry(row).or_default().push(k);
            }
        }
        Index {
            envs: pending.iter().map(env).collect(),
            by_line,
            by_row,
            offsets: pending.iter().map(|f| f.offset).collect(),
        }
    }

    /// The candidates of `line`.
    fn line(&self, line: u64) -> &[usize] {
        self.by_line.get(&line).map_or(&[], Vec::as_slice)
    }
}

/// The partner of `pending[i]` with role `second`: in the same table row or call, else in the same
/// block within 12 lines, else within 4 lines, else the only one in the unit when `i`'s role has
/// only one candidate too. Keys that name different environments (`env`: the environments and
/// the other words before the last) are two logins'; when only one of the two keys names one and
/// they are otherwise alike (`org.sfdc.pass`, `org.sfdc.sandbox.token`), they pair only close by.
#[allow(clippy::too_many_arguments)]
fn partner(
    pending: &[Finding],
    used: &[bool],
    index: &Index,
    i: usize,
    second: usize,
    firsts: usize,
    login: bool,
    role: impl Fn(&Finding) -> usize,
) -> Option<usize> {
    let a = &pending[i];
    let pa = note(a)?;
    if login && pa.tokenless {
        return None;
    }
    let ea = &index.envs[i];
    // (One value is never both halves: a key read twice for one value. A token whose key names
    // its login pairs with that login's password only.)
    let own = |f: &Finding| {
        note(f).and_then(|p| p.login.as_ref()).is_none_or(|l| pa.key.to_ascii_lowercase().contains(l.as_str()))
    };
    // (A partner on the line of another candidate of `a`'s role is that one's: a help desk
    // export's row of another app's key and secret above a row of a connected app's.)
    let claimed = |j: usize| {
        let line = pending[j].line;
        line != a.line && index.line(line).iter().any(|&k| k != i && !used[k] && role(&pending[k]) == role(a))
    };
    let eligible =
        |j: usize| j != i && !used[j] && role(&pending[j]) == second && pending[j].raw != a.raw && own(&pending[j]);
    let same_env = |j: usize| {
        let e = &index.envs[j];
        e.0 == ea.0 || e.0.is_empty() || ea.0.is_empty()
    };
    let dist = |j: usize| (pending[j].line as i64 - a.line as i64).unsigned_abs();
    if let Some(row) = pa.row {
        // A table row's partner is in its row, on its line, or (a record of a table whose quoted
        // fields span lines holds its other lines too) within its record: looked for there only.
        let mut near: Vec<usize> = index.by_row.get(&row).map_or(Vec::new(), Vec::clone);
        near.extend_from_slice(index.line(a.line));
        if let (Form::Table, Some(&(back, ahead))) = (pa.form, pa.enclosing.first()) {
            let from = index.offsets.partition_point(|&o| o + (back as u64) < a.offset);
            let to = index.offsets.partition_point(|&o| o < a.offset + ahead as u64);
            near.extend(from..to.max(from));
        }
        near.sort_unstable();
        near.dedup();
        return near.into_iter().filter(|&j| eligible(j) && !claimed(j) && same_env(j)).min_by_key(|&j| dist(j));
    }
    let envs: Vec<usize> = (0..pending.len()).filter(|&j| eligible(j) && !claimed(j)).collect();
    let cands: Vec<usize> = envs.iter().copied().filter(|&j| same_env(j)).collect();
    let far: Vec<usize> =
        envs.iter().copied().filter(|&j| index.envs[j].0 == ea.0 || index.envs[j].1 != ea.1).collect();
    let pick = |f: &dyn Fn(usize) -> bool| cands.iter().copied().filter(|&j| f(j)).min_by_key(|&j| dist(j));
    let generic = |j: usize| note(&pending[j]).is_some_and(|p| p.generic);
    // A partner on the password's own line first (`Password: v\nSecurity token: t` in one JSON
    // string), then a bare `token` on its own line or the next two.
    if let Some(j) = pick(&|j| dist(j) == 0 && pending[j].offset > a.offset) {
        return Some(j);
    }
    if let Some(j) = pick(&|j| generic(j) && dist(j) <= 2 && pending[j].line >= a.line) {
        return Some(j);
    }
    let all = cands.clone();
    let cands: Vec<usize> = cands.into_iter().filter(|&j| !generic(j)).collect();
    let pick = |f: &dyn Fn(usize) -> bool| cands.iter().copied().filter(|&j| f(j)).min_by_key(|&j| dist(j));
    let close = pick(&|j| note(&pending[j]).is_some_and(|p| p.block.is_some() && p.block == pa.block) && dist(j) <= 12)
        .or_else(|| pick(&|j| dist(j) <= 4 && note(&pending[j]).is_some_and(|p| p.row.is_none())));
    if close.is_some() {
        return close;
    }
    // (A bare `token` too where both are fields of name-value records, as a custom metadata
    // record's `<values><field>Token__c</field>…`: the record says whose fields they are.)
    // (And a password manager's entry: its login's `"password": "v"` and a custom field
    // `{"name": "token", "value": "t"}` in the entry's record.)
    let fields = |j: usize| {
        matches!(pa.form, Form::NameValue | Form::Assign { .. })
            && note(&pending[j]).is_some_and(|p| p.form == Form::NameValue)
    };
    let cands: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&j| if generic(j) { fields(j) } else { cands.contains(&j) && far.contains(&j) })
        .collect();
    let pick = |f: &dyn Fn(usize) -> bool| cands.iter().copied().filter(|&j| f(j)).min_by_key(|&j| dist(j));
    // The smallest record around it (an object or element of up to 40 lines) that holds a
    // partner and no other candidate of its own role: a Bitwarden item's login password and its
    // `Security Token` custom field.
    let enclosing = || {
        for &(back, ahead) in &pa.enclosing {
            let inside = |f: &Finding| f.offset + back as u64 >= a.offset && f.offset < a.offset + ahead as u64;
            if pending.iter().enumerate().any(|(k, f)| k != i && !used[k] && role(f) == role(a) && inside(f)) {
                return None;
            }
            if let Some(j) = pick(&|j| inside(&pending[j])) {
                return Some(j);
            }
        }
        None
    };
    enclosing()
        // The only two of a unit: one login's, or one app's. (A login's only in configuration:
        // in free text each message may be about another login; an app's secret is told by its
        // shape and its key by its prefix, so one of each is one app's wherever they are.)
        .or_else(|| {
            let configured =
                |f: &Finding| !login || note(f).is_some_and(|p| !matches!(p.form, Form::Prose | Form::Table));
            let (&[j], 1) = (cands.as_slice(), firsts) else { return None };
            (configured(a) && configured(&pending[j]) && dist(j) <= 40).then_some(j)
        })
        // In a conversation (a chat export, a ticket's thread) a password and the token given
        // a few messages after it, with no other password between, are one login's; not across
        // the records of an export.
        .or_else(|| {
            let talk = |f: &Finding| note(f).is_some_and(|p| !p.records && p.form != Form::Table);
            if !login || !talk(a) {
                return None;
            }
            // (A bare `token: t` too, in one of the next few lines: the next message.)
            let j = pick(&|j| pending[j].line > a.line && dist(j) <= 20 && talk(&pending[j]))
                .or_else(|| {
                    all.iter()
                        .copied()
                        .filter(|&j| generic(j) && pending[j].line > a.line && dist(j) <= 8 && talk(&pending[j]))
                        .min_by_key(|&j| dist(j))
                })
                // (Or a few lines before it, as work notes newest first tell it.)
                .or_else(|| pick(&|j| pending[j].line < a.line && dist(j) <= 8 && talk(&pending[j])))?;
            let (lo, hi) = (a.line.min(pending[j].line), a.line.max(pending[j].line));
            let between = |f: &Finding| f.line > lo && f.line < hi;
            let other = pending.iter().enumerate().any(|(k, f)| k != i && !used[k] && role(f) == role(a) && between(f));
            (!other).then_some(j)
        })
}
