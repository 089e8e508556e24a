//! Plan stage: clone classes + units + import graph → forks and ranked extraction items.
//!
//! The steps, one module each (docs/plan.md says the rules), with units named by [`UnitId`]:
//! 1. [`units`]: the top-level units of shareable files, with their token ranges;
//! 2. [`forks`]: app pairs where one is mostly a copy of the other;
//! 3. [`groups`]: copy groups, units whose code is a clone of the group's representative;
//! 4. [`items`]: groups joined into file clusters (one home per file), a kept copy each,
//!    a concern, a target package, and items of one theme;
//! 5. [`closure`]: what the moved code imports — modules that move along, other items'
//!    modules, true blockers — and its dependencies;
//! 6. [`savings`]: the accounting, from the copies listed in each item.

pub mod closure;
pub mod code;
pub mod concern;
pub mod forks;
pub mod groups;
pub mod items;
pub mod savings;
pub mod units;

use crate::clones::CloneOutput;
use crate::model::{FileTable, PackageId};
use crate::resolve::Edge;
use crate::units::UnitKind;
use crate::workspace::Workspace;
use concern::Concern;
use serde::Serialize;
use std::collections::BTreeMap;

/// Lines a new package costs: package.json, tsconfig.json, an index re-exporting its modules.
pub const NEW_PACKAGE_OVERHEAD: u32 = 12;

/// A unit: its index in [`units::Units`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitId(pub u32);

/// Thresholds of the planner (`[plan]` in monodup.toml).
#[derive(Debug, Clone)]
pub struct PlanSettings {
    /// Two units are copies when this share of the longer one's tokens is equal (identifiers
    /// may be renamed, literals may not).
    pub similarity: f64,
    /// Two apps are a fork when this share of one's lines is in identical or near-identical
    /// files of the other.
    pub fork_share: f64,
    /// Items with more files to move than this are split by folder.
    pub max_item_files: usize,
}

pub const DEFAULT_SIMILARITY: f64 = 0.8;
pub const DEFAULT_FORK_SHARE: f64 = 0.5;
pub const DEFAULT_MAX_ITEM_FILES: usize = 25;

impl Default for PlanSettings {
    fn default() -> Self {
        PlanSettings {
            similarity: DEFAULT_SIMILARITY,
            fork_share: DEFAULT_FORK_SHARE,
            max_item_files: DEFAULT_MAX_ITEM_FILES,
        }
    }
}

pub struct PlanInput<'a> {
    pub ws: &'a Workspace,
    /// With their tokens.
    pub files: &'a FileTable,
    /// Sorted by importing file.
    pub edges: &'a [Edge],
    pub clones: &'a CloneOutput,
    /// Whether the clones stage left type declarations out (fragment positions then index the
    /// stream without them).
    pub ignore_types: bool,
    /// Scope for new package names (`@acme`); by default the workspace's most common scope.
    pub scope: Option<&'a str>,
    /// Path globs that force a concern (`[plan.concerns]`), checked before the built-in rules.
    pub concern_rules: &'a [(globset::GlobMatcher, Concern)],
    pub settings: PlanSettings,
}

#[derive(Debug, Clone, Serialize)]
pub struct Copy {
    pub file: String,
    /// Path of the package that holds it.
    pub package: String,
    pub package_name: String,
    pub start_line: u32,
    pub end_line: u32,
    pub lines: u32,
    /// Share of the unit's lines inside cross-package clone fragments.
    pub coverage: f64,
    /// Share of tokens equal to the group's representative (1 for the representative).
    pub similarity: f64,
    /// The copy that moves into (or already is in) the target package; the others go.
    pub kept: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanUnit {
    pub name: String,
    pub kind: UnitKind,
    /// Lines of the kept copy.
    pub lines: u32,
    /// Every copy, one per package.
    pub copies: Vec<Copy>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DependencyKind {
    /// An npm package the new package depends on.
    Npm,
    /// A framework the apps provide (react, next): a peer dependency.
    Peer,
    /// Another workspace package.
    Workspace,
    /// The target package of another item of this plan.
    Planned,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dependency {
    pub name: String,
    pub kind: DependencyKind,
    /// Version range each package declares, by package path.
    pub versions: BTreeMap<String, String>,
    /// True when the packages declare different ranges.
    pub drift: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockerKind {
    /// The code imports an app-local module that differs between the apps.
    AppLocalImport,
    /// The code imports a framework module (`next/navigation`): the framework becomes a peer.
    Framework,
    /// The code reads `process.env`: a shared package must be given this configuration.
    Env,
}

/// How much a blocker weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Stops the move until resolved.
    Blocker,
    /// Work the move takes.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Blocker {
    pub kind: BlockerKind,
    pub severity: Severity,
    pub file: String,
    pub line: u32,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppSavings {
    /// Package path.
    pub package: String,
    pub name: String,
    pub lines_now: u64,
    /// Lines of its copies that go away.
    pub lines_removed: u32,
    /// Lines of its kept copies that move into the target package.
    pub lines_moved: u32,
    /// Import lines added to its files that keep other code.
    pub import_lines: u32,
    /// lines_now − lines_removed − lines_moved + import_lines.
    pub lines_after: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Savings {
    /// Lines of the copies that go away (every copy but the kept one of each unit).
    pub removed_lines: u32,
    /// Lines of the kept copies, moved into the target (0 when the target holds them).
    pub moved_lines: u32,
    /// Import lines added to files that keep other code.
    pub import_lines: u32,
    /// Existing imports of moved or removed files that are rewritten (no lines added).
    pub import_rewrites: u32,
    /// A new package's own files.
    pub package_overhead: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanItem {
    pub id: String,
    pub concern: Concern,
    /// The folder the item's files share inside their package (`components/ui`), its theme.
    pub theme: String,
    pub target_package: String,
    /// True when the target package does not exist yet.
    pub new_package: bool,
    /// True when the target library already holds a copy: the apps import it instead.
    pub reuse: bool,
    /// True when a blocker stands in the way.
    pub blocked: bool,
    /// Paths of the apps whose copies go away.
    pub apps: Vec<String>,
    /// Paths of the libraries (other than the target) whose copies go away.
    pub libraries: Vec<String>,
    /// How many packages lose their copies (apps and libraries).
    pub copies: usize,
    pub units: Vec<PlanUnit>,
    /// Files that move: the kept copies' files and the modules that move along.
    pub files: Vec<String>,
    /// Files of the copies that go away.
    pub removed_files: Vec<String>,
    /// Modules the moved code imports that are identical in every app: they move along.
    pub closure: Vec<String>,
    /// Route files of the apps that import the item's files: they stay and import the package.
    pub stays: Vec<String>,
    /// removed_lines − import_lines − package_overhead.
    pub savings_lines: i64,
    pub savings: Savings,
    pub per_app: Vec<AppSavings>,
    pub dependencies: Vec<Dependency>,
    pub blockers: Vec<Blocker>,
}

/// An app that is mostly a copy of another.
#[derive(Debug, Clone, Serialize)]
pub struct Fork {
    /// Path of the app with the extra files.
    pub app: String,
    /// Path of the app it copies.
    pub of: String,
    pub app_name: String,
    pub of_name: String,
    /// Files of `app` identical (same tokens) to a file of `of`.
    pub identical_files: usize,
    /// Files of `app` near-identical to the file of `of` at the same path.
    pub near_files: usize,
    /// Files of `app`.
    pub files: usize,
    /// Lines of `app`'s identical and near-identical files.
    pub shared_lines: u64,
    /// Files of `app` with no counterpart in `of`.
    pub extra_files: usize,
    /// Share of the smaller side's lines that stand in the other.
    pub share: f64,
    /// Lines saved when the common base exists once: the shared lines of `app`.
    pub savings_lines: i64,
    pub recommendation: String,
}

/// A unit copied inside one package.
#[derive(Debug, Clone, Serialize)]
pub struct InAppDuplicate {
    pub package: String,
    pub name: String,
    pub kind: UnitKind,
    pub copies: Vec<InAppCopy>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InAppCopy {
    pub file: String,
    pub start_line: u32,
    pub end_line: u32,
}

/// Framework configuration identical in several packages: a shared preset, not code to move.
#[derive(Debug, Clone, Serialize)]
pub struct ConfigPreset {
    pub file_name: String,
    /// Package paths.
    pub packages: Vec<String>,
    pub files: Vec<String>,
    pub lines: u32,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {
    pub items: Vec<PlanItem>,
    pub forks: Vec<Fork>,
    pub in_app_duplicates: Vec<InAppDuplicate>,
    pub config_presets: Vec<ConfigPreset>,
}

/// The path that identifies a package (`.` for the root).
pub fn package_path(ws: &Workspace, p: impl Into<PackageId>) -> String {
    let dir = &ws.package(p.into()).dir;
    if dir.is_empty() {
        ".".into()
    } else {
        dir.clone()
    }
}

/// The most common `@scope` of the workspace's package names.
fn workspace_scope(ws: &Workspace) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &ws.packages {
        if let Some((scope, _)) = p.name.split_once('/').filter(|(s, _)| s.starts_with('@')) {
            *counts.entry(scope).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(s, n)| (n, std::cmp::Reverse(s)))
        .map_or("@shared".into(), |(s, _)| s.to_string())
}

pub fn plan(input: &PlanInput) -> Plan {
    let mut lap = crate::timings::Timer::new();
    let units = units::Units::new(input);
    lap.lap("plan/units");
    let forks = forks::find(input, &units);
    lap.lap("plan/forks");
    let groups = groups::find(input, &units, &forks);
    lap.lap("plan/groups");
    let scope = input.scope.map(str::to_string).unwrap_or_else(|| workspace_scope(input.ws));
    let mut drafts = items::build(input, &units, &groups.groups, &scope);
    lap.lap("plan/items");
    let closures = closure::resolve(input, &units, &mut drafts);
    lap.lap("plan/closure");
    let mut items = savings::describe(input, &units, &drafts, &closures);
    lap.lap("plan/savings");
    rank(&mut items);
    Plan {
        items,
        forks: forks.report(input),
        in_app_duplicates: groups.in_app,
        config_presets: forks::config_presets(input, &units),
    }
}

/// Ranked by savings, then by the number of packages they leave; then by concern and files for
/// a total order. `planned` dependencies already name target packages, so ids can follow.
fn rank(items: &mut [PlanItem]) {
    items.sort_by(|a, b| {
        (b.savings_lines, b.copies, a.concern, &a.files).cmp(&(
            a.savings_lines,
            a.copies,
            b.concern,
            &b.files,
        ))
    });
    for (i, p) in items.iter_mut().enumerate() {
        p.id = format!("P{}", i + 1);
    }
}
