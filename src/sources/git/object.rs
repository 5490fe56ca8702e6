//! Reading git objects (from the packs where possible, see [`super::pack`], else through libgit2)
//! and parsing the few fields of commits and trees the scan needs, without allocating per entry.

use super::pack::{self, Packs};
use super::SHORT_ID;
use crate::detect::timestamp::rfc3339_in_zone;
use git2::{ErrorCode, ObjectType, Odb, Oid};
use std::collections::HashSet;
use std::sync::Arc;

/// Objects by id: from the packs where possible (see `pack`: much faster for delta chains), else
/// through libgit2, whose error is the one reported when neither can read an object.
pub(super) struct Objects<'a> {
    pub(super) packs: pack::PackReader<'a>,
    pub(super) odb: &'a Odb<'a>,
}

/// An object's bytes, wherever they came from.
pub(super) enum Data<'a> {
    Packed(Arc<pack::Object>),
    Odb(git2::OdbObject<'a>),
}

impl Data<'_> {
    pub(super) fn bytes(&self) -> &[u8] {
        match self {
            Data::Packed(o) => &o.data,
            Data::Odb(o) => o.data(),
        }
    }
    pub(super) fn kind(&self) -> ObjectType {
        match self {
            Data::Packed(o) => o.kind,
            Data::Odb(o) => o.kind(),
        }
    }
}

impl<'a> Objects<'a> {
    pub(super) fn new(packs: &'a Packs, odb: &'a Odb<'a>) -> Self {
        Objects { packs: packs.reader(), odb }
    }

    /// Reads an object and checks its kind; the error is a message naming the object.
    pub(super) fn read(&mut self, oid: Oid, kind: ObjectType) -> Result<Data<'a>, String> {
        let data = match self.packs.read(oid) {
            Some(o) => Data::Packed(o),
            None => Data::Odb(self.odb.read(oid).map_err(|e| object_error(kind.str(), oid, &e))?),
        };
        if data.kind() != kind {
            return Err(format!("{} {oid} is a {}, not a {}", kind.str(), data.kind().str(), kind.str()));
        }
        Ok(data)
    }
}

pub(super) fn object_error(kind: &str, oid: Oid, e: &git2::Error) -> String {
    if e.code() == ErrorCode::NotFound {
        format!("missing {kind} {oid}")
    } else {
        format!("cannot read {kind} {oid}: {}", e.message())
    }
}

/// The fields of a raw commit object the walk needs.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct RawCommit {
    pub(super) tree: Oid,
    pub(super) parents: Vec<Oid>,
    /// Committer time (seconds since the epoch), for oldest-first ordering.
    pub(super) time: i64,
}

/// Parses `tree`, `parent` and `committer` from a raw commit; `None` if there is no valid tree.
pub(super) fn parse_commit(data: &[u8]) -> Option<RawCommit> {
    let mut tree = None;
    let mut parents = Vec::new();
    let mut time = 0;
    for line in data.split(|&b| b == b'\n') {
        if line.is_empty() {
            break; // end of headers
        }
        if let Some(h) = line.strip_prefix(b"tree ") {
            tree = hex_oid(h);
        } else if let Some(h) = line.strip_prefix(b"parent ") {
            parents.push(hex_oid(h)?);
        } else if let Some(s) = line.strip_prefix(b"committer ") {
            time = parse_signature(s).map_or(0, |s| s.time);
        }
    }
    Some(RawCommit { tree: tree?, parents, time })
}

pub(super) fn hex_oid(h: &[u8]) -> Option<Oid> {
    Oid::from_str(std::str::from_utf8(h).ok()?.trim()).ok()
}

/// `Name <email> 1500000000 +0200`, without the e-mail.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Signature {
    pub(super) name: String,
    pub(super) time: i64,
    /// Minutes east of UTC.
    pub(super) offset: i32,
}

pub(super) fn parse_signature(s: &[u8]) -> Option<Signature> {
    let lt = s.iter().position(|&b| b == b'<')?;
    let gt = s.iter().rposition(|&b| b == b'>')?;
    let name = String::from_utf8_lossy(&s[..lt]).trim().to_string();
    let rest = std::str::from_utf8(s.get(gt + 1..)?).ok()?;
    let mut it = rest.split_whitespace();
    let time: i64 = it.next()?.parse().ok()?;
    let tz = it.next().unwrap_or("+0000").as_bytes();
    let offset = if tz.len() == 5 && (tz[0] == b'+' || tz[0] == b'-') {
        let n: i32 = std::str::from_utf8(&tz[1..]).ok()?.parse().ok()?;
        let m = (n / 100) * 60 + n % 100;
        if tz[0] == b'-' {
            -m
        } else {
            m
        }
    } else {
        0
    };
    Some(Signature { name, time, offset })
}

/// What a finding's provenance says about its commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CommitInfo {
    pub(super) author: Option<String>,
    pub(super) date: Option<String>,
    pub(super) summary: Option<String>,
}

pub(super) fn parse_commit_info(data: &[u8]) -> CommitInfo {
    let mut author = None;
    let mut date = None;
    let (headers, message) = match data.windows(2).position(|w| w == b"\n\n") {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &data[data.len()..]),
    };
    for line in headers.split(|&b| b == b'\n') {
        if let Some(s) = line.strip_prefix(b"author ") {
            if let Some(sig) = parse_signature(s) {
                date = Some(rfc3339_in_zone(sig.time, sig.offset));
                author = Some(sig.name);
            }
        }
    }
    // git's summary (`%s`): the first paragraph, lines joined by spaces.
    let text = String::from_utf8_lossy(message);
    let summary: Vec<&str> =
        text.lines().map(str::trim).skip_while(|l| l.is_empty()).take_while(|l| !l.is_empty()).collect();
    CommitInfo { author, date, summary: (!summary.is_empty()).then(|| summary.join(" ")) }
}

/// Abbreviated id for messages.
pub(super) fn short(oid: Oid) -> String {
    oid.to_string()[..SHORT_ID].to_string()
}

/// A raw object id. The walk looks up every entry of every tree it reads in its sets (millions
/// of lookups), so ids are compared as plain bytes (`Oid` compares through an FFI call) and hashed
/// by their first 8 bytes: ids are SHA-1 output, already uniformly random.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Id([u8; 20]);

impl Id {
    pub(super) fn of(oid: Oid) -> Id {
        let mut b = [0; 20];
        b.copy_from_slice(oid.as_bytes());
        Id(b)
    }
    pub(super) fn oid(self) -> Oid {
        Oid::from_bytes(&self.0).expect("20 bytes")
    }
}

impl std::hash::Hash for Id {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let mut lead = [0; 8];
        lead.copy_from_slice(&self.0[..8]);
        h.write_u64(u64::from_le_bytes(lead));
    }
}

/// Passes an [`Id`]'s leading bytes through as its hash.
#[derive(Default)]
pub(super) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
}

pub(super) type IdSet = HashSet<Id, std::hash::BuildHasherDefault<IdHasher>>;

/// A tree entry: what it points to and its name (raw bytes: git paths need not be UTF-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TreeEntry<'a> {
    pub(super) kind: EntryKind,
    pub(super) name: &'a [u8],
    pub(super) id: Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EntryKind {
    Tree,
    /// Files and symbolic links (a link's target is a blob too).
    Blob,
    /// A submodule's commit: in another repository, not scanned.
    Gitlink,
}

/// Parses a raw tree: entries of `<octal mode> <name>\0<20-byte id>`. `None` if malformed.
pub(super) fn parse_tree(mut data: &[u8]) -> Option<Vec<TreeEntry<'_>>> {
    let mut out = Vec::new();
    while !data.is_empty() {
        let sp = memchr::memchr(b' ', data)?;
        if sp == 0 || sp > 7 {
            return None;
        }
        let mut mode = 0u32;
        for &d in &data[..sp] {
            if !(b'0'..=b'7').contains(&d) {
                return None;
            }
            mode = mode * 8 + u32::from(d - b'0');
        }
        let nul = sp + 1 + memchr::memchr(0, &data[sp + 1..])?;
        let id = Id(data.get(nul + 1..nul + 21)?.try_into().ok()?);
        let kind = match mode & 0o170000 {
            0o040000 => EntryKind::Tree,
            0o160000 => EntryKind::Gitlink,
            _ => EntryKind::Blob,
        };
        out.push(TreeEntry { kind, name: &data[sp + 1..nul], id });
        data = &data[nul + 21..];
    }
    Some(out)
}

/// An id made of one repeated byte, for tests.
#[cfg(test)]
pub(super) fn oid(n: u8) -> Oid {
    Oid::from_bytes(&[n; 20]).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commits_parse_without_email_and_with_git_summary() {
        let raw = format!(
            "tree {}\nparent {}\nparent {}\nauthor Ada Lovelace <ada@example.com> 1500000000 -0130\n\
             committer C <c@example.com> 1600000000 +0000\ngpgsig -----BEGIN\n \n -----END\n\n\
             \nFirst line\ncontinued\n\nbody\n",
            oid(1),
            oid(2),
            oid(3)
        );
        let c = parse_commit(raw.as_bytes()).unwrap();
        assert_eq!(c, RawCommit { tree: oid(1), parents: vec![oid(2), oid(3)], time: 1_600_000_000 });
        let i = parse_commit_info(raw.as_bytes());
        assert_eq!(i.author.as_deref(), Some("Ada Lovelace"));
        assert_eq!(i.date.as_deref(), Some("2017-07-14T01:10:00-01:30"));
        assert_eq!(i.summary.as_deref(), Some("First line continued"));
        assert_eq!(parse_commit(b"parent x\n\nmsg"), None);
    }

    #[test]
    fn trees_parse_and_malformed_trees_are_rejected() {
        let mut raw = Vec::new();
        for (mode, name, n) in [("100644", "a.txt", 1), ("40000", "dir", 2), ("160000", "sub", 3)] {
            raw.extend_from_slice(format!("{mode} {name}\0").as_bytes());
            raw.extend_from_slice(oid(n).as_bytes());
        }
        let t = parse_tree(&raw).unwrap();
        let kinds: Vec<_> = t.iter().map(|e| (e.kind, e.name, e.id.oid())).collect();
        assert_eq!(
            kinds,
            vec![
                (EntryKind::Blob, &b"a.txt"[..], oid(1)),
                (EntryKind::Tree, &b"dir"[..], oid(2)),
                (EntryKind::Gitlink, &b"sub"[..], oid(3)),
            ]
        );
        assert!(parse_tree(&raw[..raw.len() - 1]).is_none());
        assert!(parse_tree(b"10x644 a\0").is_none());
    }
}
