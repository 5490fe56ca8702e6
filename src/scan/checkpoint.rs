//! Checkpoints (`--checkpoint FILE`) make a multi-hour sweep resumable. The file is JSON Lines: a
//! header, then one entry per finished input with its path, size and modification time and
//! everything it produced (its secret records, unit and byte counts, errors and warnings). An entry
//! is appended, in one write, only once the input is fully scanned, so a sweep killed at any moment
//! leaves at worst a torn last line, which is ignored. A rerun skips every input whose path, size
//! and mtime match an entry and folds the entry's records into the result; records fold the same
//! in any order ([`crate::results::records`]), so the resumed result equals an uninterrupted run.
//! The file is created readable by its owner only: it holds fingerprints and redacted secrets
//! (full ones with `--show-secrets`).

use crate::error::{io_message, Error, ScanError};
use crate::results::records::{RecordSet, SecretRecord};
use crate::results::InputResults;
use crate::sources::fs::Input;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

/// An input's identity in a checkpoint: if any of these changed, it is scanned again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    path: String,
    size: u64,
    mtime_secs: i64,
    mtime_nanos: u32,
}

impl Stamp {
    fn of(input: &Input) -> Option<Stamp> {
        let meta = std::fs::metadata(&input.path).ok()?;
        let (secs, nanos) = match meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
            Err(e) => (-(e.duration().as_secs() as i64), e.duration().subsec_nanos()),
        };
        Some(Stamp { path: input.display.clone(), size: meta.len(), mtime_secs: secs, mtime_nanos: nanos })
    }
}

/// One finished input in a checkpoint.
#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    stamp: Stamp,
    files: usize,
    bytes: u64,
    /// Unit names scan-wide rules ask about (see [`crate::results::Collector::wants_name`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    names: Vec<String>,
    records: Vec<SecretRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ScanError>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<ScanError>,
}

const CHECKPOINT_HEADER: &str = r#"{"forcescan_checkpoint":1}"#;

/// An open checkpoint: what earlier runs finished, and the file new entries are appended to.
pub(crate) struct Checkpoint {
    done: HashMap<String, Entry>,
    file: Mutex<std::fs::File>,
    /// How the file is named in messages.
    name: String,
}

impl Checkpoint {
    /// Opens (creating it owner-only if needed) and reads a checkpoint. A torn last line, left by
    /// a run killed mid-write, is ignored and the input it described is scanned again.
    pub(crate) fn open(path: &Path) -> Result<Checkpoint, Error> {
        Checkpoint::read(path).map_err(Error::Io)
    }

    fn read(path: &Path) -> Result<Checkpoint, String> {
        use std::os::unix::fs::OpenOptionsExt;
        let name = path.display();
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .mode(0o600)
            .open(path)
            .map_err(|e| format!("{name}: {}", io_message(&e)))?;
        let mut done = HashMap::new();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut text).map_err(|e| format!("{name}: {}", io_message(&e)))?;
        let mut lines = text.split(|&b| b == b'\n');
        match lines.next() {
            Some(h) if h == CHECKPOINT_HEADER.as_bytes() => {}
            Some(h) if h.is_empty() && text.is_empty() => {
                writeln!(file, "{CHECKPOINT_HEADER}").map_err(|e| format!("{name}: {}", io_message(&e)))?;
            }
            _ => return Err(format!("{name}: not a forcescan checkpoint file")),
        }
        for line in lines {
            // Later entries for the same path (the file changed and was scanned again) win.
            if let Ok(e) = serde_json::from_slice::<Entry>(line) {
                done.insert(e.stamp.path.clone(), e);
            }
        }
        if text.last().is_some_and(|&b| b != b'\n') {
            // Close the torn line so the next entry starts on a line of its own.
            file.write_all(b"\n").map_err(|e| format!("{name}: {}", io_message(&e)))?;
        }
        Ok(Checkpoint { done, file: Mutex::new(file), name: crate::sources::display_path(path) })
    }

    /// Takes out of `inputs` those an earlier run finished (same path, size and modification
    /// time), returning what they produced, and the stamps of the rest, to record as they finish.
    pub(crate) fn resume(&self, inputs: &mut Vec<Input>) -> (Vec<InputResults>, HashMap<String, Stamp>) {
        let mut resumed = Vec::new();
        let mut stamps = HashMap::new();
        inputs.retain(|i| {
            let Some(stamp) = Stamp::of(i) else {
                return true;
            };
            match self.done.get(&i.display) {
                Some(e) if e.stamp == stamp => {
                    resumed.push(i.display.clone());
                    false
                }
                _ => {
                    stamps.insert(i.display.clone(), stamp);
                    true
                }
            }
        });
        let results = resumed
            .iter()
            .map(|name| {
                let e = &self.done[name];
                let mut set = RecordSet::new();
                e.records.iter().cloned().for_each(|rec| set.add(rec));
                InputResults {
                    files: e.files,
                    bytes: e.bytes,
                    names: e.names.clone(),
                    records: set,
                    errors: e.errors.clone(),
                    warnings: e.warnings.clone(),
                    ..Default::default()
                }
            })
            .collect();
        (results, stamps)
    }

    /// Appends one finished input, in a single write so a kill cannot interleave two entries.
    pub(crate) fn record(&self, stamp: &Stamp, res: &InputResults) -> Result<(), ScanError> {
        let entry = Entry {
            stamp: stamp.clone(),
            files: res.files,
            bytes: res.bytes,
            names: res.names.clone(),
            records: res.records.clone().into_sorted(),
            errors: res.errors.clone(),
            warnings: res.warnings.clone(),
        };
        let write = || -> std::io::Result<()> {
            let mut line = serde_json::to_vec(&entry)?;
            line.push(b'\n');
            self.file.lock().unwrap_or_else(|e| e.into_inner()).write_all(&line)
        };
        write().map_err(|e| ScanError::new(&self.name, format!("cannot record progress: {}", io_message(&e))))
    }
}
