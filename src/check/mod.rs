//! Check stage: report + config + baseline + changed lines → findings and a verdict.
//!
//! Every clone class, violation and cycle has a fingerprint that does not depend on line
//! numbers, so a baseline (`--update-baseline`) survives unrelated edits; `check` then fails only
//! on what the baseline does not hold. `--since REF` keeps only findings on lines changed since
//! the merge base with REF.

pub mod baseline;
pub mod git;
pub mod render;

use crate::config::{CheckConfig, ConfigError, GlobError};
use crate::diagnostic::Severity;
use crate::model::lines::{LineRange, LineSet};
use crate::report::Report;
use baseline::Baseline;
use globset::{GlobSet, GlobSetBuilder};
use rustc_hash::FxHasher;
use serde::Serialize;
use std::collections::BTreeMap;
use std::hash::Hasher;

/// What found a finding: a built-in gate, a graph rule, or a custom `[[rules]]` rule. Its
/// stable string form ([`Gate::as_str`]) is what outputs and fingerprints use; findings sort by
/// it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    NewClone,
    NewDuplicatedLines,
    Duplication,
    PackageDuplication,
    Cycle,
    Violation(crate::graph::Rule),
    NewLocalCopy,
    BrokenPackageImport,
    UnmigratedApps,
    /// A `[[rules]]` rule, by its name.
    Custom(String),
}

impl Gate {
    pub fn as_str(&self) -> &str {
        match self {
            Gate::NewClone => "new-clone",
            Gate::NewDuplicatedLines => "new-duplicated-lines",
            Gate::Duplication => "duplication",
            Gate::PackageDuplication => "package-duplication",
            Gate::Cycle => "cycle",
            Gate::NewLocalCopy => "new-local-copy",
            Gate::BrokenPackageImport => "broken-package-import",
            Gate::UnmigratedApps => "unmigrated-apps",
            Gate::Violation(rule) => rule.as_str(),
            Gate::Custom(name) => name,
        }
    }

    /// Clone and duplication gates (not recorded in a baseline's violations or cycles).
    pub fn is_duplication(&self) -> bool {
        matches!(
            self,
            Gate::NewClone | Gate::NewDuplicatedLines | Gate::Duplication | Gate::PackageDuplication
        )
    }
}

impl std::fmt::Display for Gate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Ord for Gate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Gate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Gate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    /// The gate or rule that found it: `new-clone`, `cycle`, `app-to-app`, a custom rule's name…
    pub gate: Gate,
    /// `error` fails the check; `warning` is reported only.
    pub severity: Severity,
    pub file: String,
    pub line: u32,
    pub end_line: u32,
    pub message: String,
    /// Stable across edits that do not change the finding itself.
    pub fingerprint: String,
}

#[derive(Debug, Serialize)]
pub struct Verdict {
    pub passed: bool,
    /// Findings not in the baseline (and, with `--since`, on changed lines), sorted.
    pub findings: Vec<Finding>,
    /// Findings the baseline holds (not counted).
    pub baselined: usize,
    pub duplication_percent: f64,
    pub new_duplicated_lines: u64,
}

pub fn fingerprint(parts: &[&str]) -> String {
    let mut h = FxHasher::default();
    for p in parts {
        h.write(p.as_bytes());
        h.write_u8(0);
    }
    format!("{:016x}", h.finish())
}

/// A custom dependency rule from `[[rules]]`.
pub struct Rule {
    pub name: String,
    pub severity: Severity,
    from: GlobSet,
    to: GlobSet,
    allow: GlobSet,
}

fn globs(list: &[String], what: &str) -> Result<GlobSet, GlobError> {
    let mut b = GlobSetBuilder::new();
    for g in list {
        b.add(crate::config::glob(g, what)?);
    }
    b.build().map_err(|error| GlobError { setting: what.into(), glob: list.join(", "), error })
}

impl Rule {
    pub fn from_config(r: &crate::config::RuleConfig) -> Result<Rule, ConfigError> {
        let severity = match r.severity.as_deref().unwrap_or("error") {
            "error" => Severity::Error,
            "warn" | "warning" => Severity::Warning,
            other => return Err(ConfigError::RuleSeverity { rule: r.name.clone(), severity: other.into() }),
        };
        Ok(Rule {
            name: r.name.clone(),
            severity,
            from: globs(&r.from, &format!("rule `{}` from", r.name))?,
            to: globs(&r.to, &format!("rule `{}` to", r.name))?,
            allow: globs(&r.allow, &format!("rule `{}` allow", r.name))?,
        })
    }
}

/// Line ranges changed per file (from `--since`); None means every line counts.
pub type Changed = Option<BTreeMap<String, LineSet>>;

fn touches(changed: &Changed, file: &str, start: u32, end: u32) -> bool {
    match changed {
        None => true,
        Some(map) => map.get(file).is_some_and(|r| r.overlaps(LineRange::new(start, end))),
    }
}

/// The migration gates: local copies the baseline does not hold, broken imports of libraries,
/// and the number of app-package pairs not migrated.
fn migration_findings(
    m: &crate::migration::Migration,
    cfg: &CheckConfig,
    base: &Baseline,
    changed: &Changed,
    findings: &mut Vec<Finding>,
    baselined: &mut usize,
) {
    for p in &m.packages {
        for a in &p.apps {
            if let Some(severity) = cfg.no_new_local_copies.severity() {
                for c in &a.local_copies {
                    let fp = fingerprint(&["local-copy", &a.app, &p.name, &c.file]);
                    if base.violations.contains(&fp) {
                        *baselined += 1;
                        continue;
                    }
                    if !touches(changed, &c.file, 1, u32::MAX) {
                        continue;
                    }
                    let state = if c.identical {
                        "identical".to_string()
                    } else {
                        format!("+{} -{} lines", c.added, c.removed)
                    };
                    findings.push(Finding {
                        gate: Gate::NewLocalCopy,
                        severity,
                        file: c.file.clone(),
                        line: 1,
                        end_line: 1,
                        message: format!(
                            "{} holds a copy of {} code ({}, {state} against {}): import it from {}",
                            a.app,
                            p.name,
                            c.units.join(", "),
                            c.package_file,
                            p.name
                        ),
                        fingerprint: fp,
                    });
                }
            }
            if let Some(severity) = cfg.no_broken_package_imports.severity() {
                for b in &a.broken_imports {
                    let fp = fingerprint(&[
                        "broken-package-import",
                        &b.file,
                        &b.specifier,
                        b.name.as_deref().unwrap_or(""),
                    ]);
                    if base.violations.contains(&fp) {
                        *baselined += 1;
                        continue;
                    }
                    if !touches(changed, &b.file, b.line, b.line) {
                        continue;
                    }
                    findings.push(Finding {
                        gate: Gate::BrokenPackageImport,
                        severity,
                        file: b.file.clone(),
                        line: b.line,
                        end_line: b.line,
                        message: format!("{}: {}", b.specifier, b.reason),
                        fingerprint: fp,
                    });
                }
            }
        }
    }
    if let Some(max) = cfg.max_unmigrated_apps {
        let unmigrated: Vec<String> = m
            .packages
            .iter()
            .flat_map(|p| {
                p.apps.iter().filter(|a| !a.migrated).map(move |a| format!("{} → {}", a.app, p.name))
            })
            .collect();
        if unmigrated.len() > max && changed.is_none() {
            findings.push(Finding {
                gate: Gate::UnmigratedApps,
                severity: Severity::Error,
                file: String::new(),
                line: 0,
                end_line: 0,
                message: format!(
                    "{} app-package pairs are not migrated, more than {max}: {}",
                    unmigrated.len(),
                    unmigrated.join(", ")
                ),
                fingerprint: fingerprint(&["unmigrated-apps"]),
            });
        }
    }
}

pub fn evaluate(
    report: &Report,
    cfg: &CheckConfig,
    rules: &[Rule],
    base: Option<&Baseline>,
    changed: &Changed,
) -> Verdict {
    let mut findings: Vec<Finding> = Vec::new();
    let empty = Baseline::default();
    let base = base.unwrap_or(&empty);
    let mut baselined = 0;
    let mut new_duplicated_lines = 0u64;

    // Clones: new classes, or known classes with a copy in a package the baseline did not see.
    if let Some(clones) = &report.clones {
        // Lines already duplicated in the baseline: a new, longer class that pairs such code
        // with a fresh copy reports the copy, not the old code.
        let mut known: BTreeMap<&str, Vec<LineRange>> = BTreeMap::new();
        for c in clones {
            if let Some(pkgs) = base.clones.get(&c.fingerprint) {
                for f in c.fragments.iter().filter(|f| pkgs.contains(&f.package)) {
                    known.entry(&f.file).or_default().push(LineRange::new(f.start_line, f.end_line));
                }
            }
        }
        let known_lines: BTreeMap<&str, LineSet> =
            known.into_iter().map(|(file, r)| (file, LineSet::from_iter(r))).collect();
        let old = |file: &str, start: u32, end: u32| {
            known_lines.get(file).is_some_and(|s| s.covers(LineRange::new(start, end)))
        };
        for c in clones {
            let known = base.clones.get(&c.fingerprint);
            let new_frags: Vec<_> = c
                .fragments
                .iter()
                .filter(|f| match known {
                    Some(pkgs) => !pkgs.contains(&f.package),
                    None => !old(&f.file, f.start_line, f.end_line),
                })
                .filter(|f| touches(changed, &f.file, f.start_line, f.end_line))
                .collect();
            if new_frags.is_empty() {
                if known.is_some() {
                    baselined += 1;
                }
                continue;
            }
            new_duplicated_lines +=
                new_frags.iter().map(|f| u64::from(f.end_line - f.start_line + 1)).sum::<u64>();
            if !cfg.new_clones {
                continue;
            }
            let others: Vec<String> = c
                .fragments
                .iter()
                .filter(|f| !new_frags.iter().any(|n| n.file == f.file && n.start_line == f.start_line))
                .map(|f| format!("{}:{}-{}", f.file, f.start_line, f.end_line))
                .collect();
            for f in new_frags {
                let also = match others.len() {
                    0 => String::new(),
                    1 => format!("; also at {}", others[0]),
                    n => format!("; also at {} and {} more places", others[0], n - 1),
                };
                findings.push(Finding {
                    gate: Gate::NewClone,
                    severity: Severity::Error,
                    file: f.file.clone(),
                    line: f.start_line,
                    end_line: f.end_line,
                    message: format!(
                        "{} duplicated lines ({} tokens){also}",
                        f.end_line - f.start_line + 1,
                        c.tokens
                    ),
                    fingerprint: c.fingerprint.clone(),
                });
            }
        }
    }
    if new_duplicated_lines > cfg.max_new_duplicated_lines && !cfg.new_clones {
        findings.push(Finding {
            gate: Gate::NewDuplicatedLines,
            severity: Severity::Error,
            file: String::new(),
            line: 0,
            end_line: 0,
            message: format!(
                "{new_duplicated_lines} new duplicated lines, more than {}",
                cfg.max_new_duplicated_lines
            ),
            fingerprint: fingerprint(&["new-duplicated-lines"]),
        });
    }
    let duplication_percent = report.summary.duplication_percent.unwrap_or(0.0);
    if let Some(max) = cfg.max_duplication_percent {
        if duplication_percent > max && changed.is_none() {
            findings.push(Finding {
                gate: Gate::Duplication,
                severity: Severity::Error,
                file: String::new(),
                line: 0,
                end_line: 0,
                message: format!("{duplication_percent:.2}% of all lines are duplicated, more than {max}%"),
                fingerprint: fingerprint(&["duplication"]),
            });
        }
    }
    if let Some(max) = cfg.max_package_duplication_percent {
        for p in &report.packages {
            let pct = p.duplication_percent.unwrap_or(0.0);
            if pct > max && changed.is_none() {
                findings.push(Finding {
                    gate: Gate::PackageDuplication,
                    severity: Severity::Error,
                    file: p.path.clone(),
                    line: 0,
                    end_line: 0,
                    message: format!("{} is {pct:.2}% duplicated, more than {max}%", p.name),
                    fingerprint: fingerprint(&["package-duplication", &p.name]),
                });
            }
        }
    }

    if let Some(g) = &report.graph {
        for c in &g.cycles {
            let level = c.level.as_str();
            let gate = if level == "file" { cfg.cycles } else { cfg.package_cycles };
            let Some(severity) = gate.severity() else {
                continue;
            };
            let fp = fingerprint(
                &[&["cycle", level], &c.nodes.iter().map(String::as_str).collect::<Vec<_>>()[..]].concat(),
            );
            if base.cycles.contains(&fp) {
                baselined += 1;
                continue;
            }
            let file = if level == "file" { c.nodes[0].clone() } else { String::new() };
            if level == "file" && !c.nodes.iter().any(|n| touches(changed, n, 1, u32::MAX)) {
                continue;
            }
            findings.push(Finding {
                gate: Gate::Cycle,
                severity,
                file,
                line: 0,
                end_line: 0,
                message: format!("import cycle: {}", c.example.join(" → ")),
                fingerprint: fp,
            });
        }
        for v in &g.violations {
            let gate = match v.rule {
                crate::graph::Rule::AppToApp => cfg.app_to_app,
                crate::graph::Rule::LibraryToApp => cfg.library_to_app,
                crate::graph::Rule::DeepImport => cfg.deep_imports,
                crate::graph::Rule::UndeclaredWorkspaceDependency
                | crate::graph::Rule::UndeclaredDependency => cfg.undeclared,
            };
            let Some(severity) = gate.severity() else {
                continue;
            };
            if !touches(changed, &v.from, v.line, v.line) {
                continue;
            }
            let fp = fingerprint(&[v.rule.as_str(), &v.from, &v.specifier]);
            if base.violations.contains(&fp) {
                baselined += 1;
                continue;
            }
            findings.push(Finding {
                gate: Gate::Violation(v.rule),
                severity,
                file: v.from.clone(),
                line: v.line,
                end_line: v.line,
                message: v.message.clone(),
                fingerprint: fp,
            });
        }
        // Custom rules over resolved edges: `from` and `to` match file paths or package names.
        let package_of = |path: &str| report.packages[report.owner_of(path).index()].name.clone();
        for e in &g.edges {
            if !touches(changed, &e.from, e.line, e.line) {
                continue;
            }
            let from_pkg = package_of(&e.from);
            let to_names: Vec<String> = [e.to.clone(), e.package.clone(), e.to.as_deref().map(package_of)]
                .into_iter()
                .flatten()
                .collect();
            for r in rules {
                let from_hit = r.from.is_match(&e.from) || r.from.is_match(&from_pkg);
                let to_hit = to_names.iter().any(|t| r.to.is_match(t));
                let allowed = r.allow.is_match(&e.from) || r.allow.is_match(&from_pkg);
                if from_hit && to_hit && !allowed {
                    let fp = fingerprint(&["rule", &r.name, &e.from, &e.specifier]);
                    if base.violations.contains(&fp) {
                        baselined += 1;
                        continue;
                    }
                    findings.push(Finding {
                        gate: Gate::Custom(r.name.clone()),
                        severity: r.severity,
                        file: e.from.clone(),
                        line: e.line,
                        end_line: e.line,
                        message: format!(
                            "rule `{}`: imports {} ({})",
                            r.name,
                            e.specifier,
                            to_names.join(", ")
                        ),
                        fingerprint: fp,
                    });
                }
            }
        }
    }
    if let Some(m) = &report.migration {
        migration_findings(m, cfg, base, changed, &mut findings, &mut baselined);
    }
    findings.sort();
    findings.dedup();
    let passed = !findings.iter().any(|f| f.severity == Severity::Error);
    Verdict { passed, findings, baselined, duplication_percent, new_duplicated_lines }
}
