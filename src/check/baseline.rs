//! `.monodup-baseline.json`: the fingerprints of today's clone classes (with the packages they
//! stand in), violations and cycles. Sorted, without timestamps, written atomically, so that it
//! diffs cleanly in git.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Why a baseline cannot be read or written: exit 2, never a silently empty baseline.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("cannot read baseline {}", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: crate::files::ReadError,
    },
    /// Not JSON, or not a baseline's fields.
    #[error("corrupt baseline {}", .path.display())]
    Corrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("baseline {} has unknown schema_version {version}", .path.display())]
    UnknownSchema { path: PathBuf, version: u32 },
    #[error(transparent)]
    Write(#[from] anyhow::Error),
}

#[derive(Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema_version: u32,
    /// Clone fingerprint → packages it stands in. A new package is new duplication.
    pub clones: BTreeMap<String, BTreeSet<String>>,
    pub violations: BTreeSet<String>,
    pub cycles: BTreeSet<String>,
}

impl Baseline {
    /// Everything the report holds today: every finding of an all-gates check.
    pub fn from_report(report: &crate::report::Report, rules: &[super::Rule]) -> Baseline {
        let mut b = Baseline { schema_version: 1, ..Baseline::default() };
        for c in report.clones.iter().flatten() {
            b.clones
                .entry(c.fingerprint.clone())
                .or_default()
                .extend(c.fragments.iter().map(|f| f.package.clone()));
        }
        let all = crate::config::CheckConfig::all_gates();
        let verdict = super::evaluate(report, &all, rules, None, &None);
        for f in verdict.findings {
            if f.gate == super::Gate::Cycle {
                b.cycles.insert(f.fingerprint);
            } else if !f.gate.is_duplication() {
                b.violations.insert(f.fingerprint);
            }
        }
        b
    }

    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let text = crate::files::read_text(path, crate::files::MAX_BASELINE_BYTES)
            .map_err(|source| BaselineError::Read { path: path.to_path_buf(), source })?;
        let b: Baseline = serde_json::from_str(&text)
            .map_err(|source| BaselineError::Corrupt { path: path.to_path_buf(), source })?;
        if b.schema_version != 1 {
            return Err(BaselineError::UnknownSchema { path: path.to_path_buf(), version: b.schema_version });
        }
        Ok(b)
    }

    pub fn save(&self, path: &Path) -> Result<(), BaselineError> {
        let mut text = serde_json::to_string_pretty(self).map_err(anyhow::Error::from)?;
        text.push('\n');
        Ok(crate::write_atomic(path, text.as_bytes())?)
    }
}
