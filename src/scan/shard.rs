//! Shards (`--shard K/N`) split one sweep over N machines: an input belongs to shard
//! `fnv1a64(path relative to its root) mod N`, so every machine agrees without talking to the
//! others, whatever the mount point. `forcescan merge` folds the shards' JSON Lines together.
//!
//! Job arrays set the index in the environment: Kubernetes Indexed Jobs as `JOB_COMPLETION_INDEX`,
//! AWS Batch array jobs as `AWS_BATCH_JOB_ARRAY_INDEX` (both 0-based, as `K` is).

use crate::sources::display_path;
use crate::sources::fs::Input;
use std::path::PathBuf;

/// `--shard K/N`: this process scans shard K (0-based, as `JOB_COMPLETION_INDEX` counts) of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("--shard wants K/N with 0 <= K < N (e.g. 0/4), not {s:?}");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether the input with this shard key belongs to this shard.
    pub fn owns(&self, key: &str) -> bool {
        fnv1a64(key.as_bytes()) % u64::from(self.count) == u64::from(self.index)
    }
}

/// FNV-1a, 64 bits: tiny, and fixed forever (a std hasher may change between Rust releases,
/// which would move files between shards of one sweep run by different builds).
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}

/// The path an input is sharded by: relative to the root it was found under (so machines that
/// mount the dump in different places agree), or its file name when it was named itself.
pub(crate) fn shard_key(input: &Input, roots: &[PathBuf]) -> String {
    for root in roots {
        if let Ok(rel) = input.path.strip_prefix(root) {
            if !rel.as_os_str().is_empty() {
                return display_path(rel);
            }
        }
    }
    input.path.file_name().map_or_else(|| input.display.clone(), |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_partition() {
        assert_eq!("1/4".parse::<Shard>(), Ok(Shard { index: 1, count: 4 }));
        for bad in ["4/4", "1", "a/b", "0/0", "-1/3"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        let shards: Vec<Shard> = (0..3).map(|k| Shard { index: k, count: 3 }).collect();
        for key in ["a.log", "logs/b.log.gz", "x/y/z.tar"] {
            assert_eq!(shards.iter().filter(|s| s.owns(key)).count(), 1, "{key}");
        }
        // Fixed forever: a file must not change shards between builds.
        assert_eq!(fnv1a64(b"logs/app.log"), 0xdbc7_aa9c_bec4_9602); // reference FNV-1a 64
    }

    #[test]
    fn shard_key_is_relative_to_the_root() {
        let roots = vec![PathBuf::from("/mnt/dump"), PathBuf::from("single.log")];
        let input = |p: &str| Input { path: PathBuf::from(p), display: p.to_string() };
        assert_eq!(shard_key(&input("/mnt/dump/a/b.log"), &roots), "a/b.log");
        assert_eq!(shard_key(&input("single.log"), &roots), "single.log");
    }
}
