//! Where a finding's file is, for reports that point into a repository (SARIF): its path relative
//! to the repository root, and its bytes.
//!
//! Findings carry the path as the user named it (`../app/.env`, `/srv/app/.env`, `link/.env`), which
//! is right for a terminal but useless to GitHub, which needs the path inside the repository. The
//! bytes are needed because SARIF columns count UTF-16 code units and the line fingerprint hashes
//! the line's text, while the engine only keeps byte positions. Re-reading a file at the end is
//! cheap (only files with findings are read), and keeps the engine free of report concerns.

use crate::detect::finding::{Finding, GitProvenance};
use std::path::{Component, Path, PathBuf};

/// Files larger than this are not re-read for a report (positions then fall back to bytes).
pub(crate) const MAX_CONTENT: u64 = 256 << 20;

/// Supplies, for each finding, the repository-relative path and the content of the file or blob it
/// is in. The file system implementation is [`FsArtifacts`]; other sources (git history, archives)
/// supply their own or extend it with [`FsArtifacts::with_blobs`].
pub trait Artifacts: Send {
    /// The finding's path relative to the repository root (or the current directory outside a
    /// repository). Should be relative; the SARIF writer drops any root component that remains.
    fn locate(&self, f: &Finding) -> PathBuf;
    /// The bytes the finding's offsets refer to, or `None` when they cannot be had (standard input,
    /// a file deleted since, a blob that is gone). Reports then fall back to byte columns.
    fn content(&self, f: &Finding) -> Option<Vec<u8>>;
}

/// Reads a blob's bytes by its provenance; supplied by the git history source.
pub(crate) type BlobReader = Box<dyn Fn(&GitProvenance) -> Option<Vec<u8>> + Send>;

/// Findings from files on disk (and, with a `BlobReader`, from git blobs).
///
/// Paths are resolved (symbolic links followed) and made relative to the root of the git repository
/// that contains the scanned path they came from; outside any repository, to the current directory.
/// Findings with git provenance already carry a repository-relative path and are taken as they are.
pub struct FsArtifacts {
    /// Canonical roots of the repositories the scanned paths are in, most specific first.
    repo_roots: Vec<PathBuf>,
    cwd: Option<PathBuf>,
    blobs: Option<BlobReader>,
}

/// The display name of standard input (see `sources::STDIN_NAME`): never a file to re-read.
const STDIN: &str = crate::sources::STDIN_NAME;

impl FsArtifacts {
    /// `scanned`: the paths named on the command line.
    pub fn new(scanned: &[PathBuf]) -> FsArtifacts {
        let mut repo_roots: Vec<PathBuf> =
            scanned.iter().filter_map(|p| std::fs::canonicalize(p).ok()).filter_map(|p| repo_root(&p)).collect();
        // Most specific (longest) first, so a nested repository scanned by name wins.
        repo_roots.sort_by(|a, b| b.components().count().cmp(&a.components().count()).then(a.cmp(b)));
        repo_roots.dedup();
        FsArtifacts { repo_roots, cwd: std::env::current_dir().and_then(std::fs::canonicalize).ok(), blobs: None }
    }

    /// Lets findings in git history be read from their blobs.
    pub fn with_blobs(mut self, read: BlobReader) -> FsArtifacts {
        self.blobs = Some(read);
        self
    }

    fn base_for(&self, resolved: &Path) -> Option<&Path> {
        self.repo_roots.iter().find(|r| resolved.starts_with(r)).or(self.cwd.as_ref()).map(PathBuf::as_path)
    }
}

impl Artifacts for FsArtifacts {
    fn locate(&self, f: &Finding) -> PathBuf {
        let given = Path::new(&f.path);
        if f.git.is_some() || f.path == STDIN {
            return given.to_path_buf();
        }
        match std::fs::canonicalize(given) {
            Ok(resolved) => match self.base_for(&resolved) {
                Some(base) => relative_to(&resolved, base),
                None => resolved,
            },
            // Gone since the scan: the best we have is the path as given, made relative lexically.
            Err(_) if given.is_absolute() => match &self.cwd {
                Some(cwd) => relative_to(given, cwd),
                None => given.to_path_buf(),
            },
            Err(_) => given.to_path_buf(),
        }
    }

    fn content(&self, f: &Finding) -> Option<Vec<u8>> {
        if let Some(g) = &f.git {
            return self.blobs.as_ref().and_then(|read| read(g));
        }
        if f.path == STDIN {
            return None;
        }
        let meta = std::fs::metadata(&f.path).ok()?;
        if !meta.is_file() || meta.len() > MAX_CONTENT {
            return None;
        }
        std::fs::read(&f.path).ok()
    }
}

/// The innermost directory at or above `p` that has a `.git` entry (a directory, or the file a
/// worktree or submodule has).
pub(crate) fn repo_root(p: &Path) -> Option<PathBuf> {
    p.ancestors().find(|a| a.join(".git").exists()).map(Path::to_path_buf)
}

/// `path` relative to `base`, both absolute: `..` for each component of `base` not shared.
pub(crate) fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c.as_os_str());
    }
    out
}

/// A relative path as a URI reference: `/` between segments, each segment percent-encoded except
/// for RFC 3986 unreserved characters. Root and prefix components are dropped (a URI here must
/// never be absolute) and `.` segments skipped.
pub(crate) fn path_to_uri(p: &Path) -> String {
    let mut segments = Vec::new();
    for c in p.components() {
        match c {
            Component::Normal(s) => segments.push(percent_encode(s.as_encoded_bytes())),
            Component::ParentDir => segments.push("..".to_string()),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    segments.join("/")
}

fn percent_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_slashed_and_encoded() {
        assert_eq!(path_to_uri(Path::new("a b/c#d%.env")), "a%20b/c%23d%25.env");
        assert_eq!(path_to_uri(Path::new("./x/ключ")), "x/%D0%BA%D0%BB%D1%8E%D1%87");
        assert_eq!(path_to_uri(Path::new("/abs/path")), "abs/path");
        assert_eq!(path_to_uri(Path::new("<stdin>")), "%3Cstdin%3E");
    }

    #[test]
    fn relative_paths_climb_out_of_the_base() {
        assert_eq!(relative_to(Path::new("/r/a/b.txt"), Path::new("/r")), Path::new("a/b.txt"));
        assert_eq!(relative_to(Path::new("/x/y.txt"), Path::new("/r/s")), Path::new("../../x/y.txt"));
    }
}
