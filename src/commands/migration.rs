//! `monodup migration`: per library package and app, what is migrated, what is still a local
//! copy and how far it drifted, which copies are dead and which imports cannot work.

use super::scan_tree;
use crate::cli::{CloneArgs, Common};
use crate::escape::{code, md};
use crate::migration::{self, Migration};
use crate::report::plan_table::{cut, table};
use crate::settings::Stages;
use crate::{output, ExitStatus};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MigrationFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct MigrationArgs {
    /// The monorepo's root folder.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Only this library package, by name or path (repeatable).
    #[arg(long = "package", value_name = "NAME_OR_PATH")]
    pub packages: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: MigrationFormat,
    #[command(flatten)]
    pub clones: CloneArgs,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(a: &MigrationArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let stages = Stages::all(&a.root, &a.common, &a.clones);
    let (scan, report) = scan_tree(&stages)?;
    let m = migration::track(&scan, &a.packages);
    let path = a.common.output.as_deref();
    match a.format {
        MigrationFormat::Json => {
            #[derive(serde::Serialize)]
            struct Out<'a> {
                schema_version: u32,
                root: String,
                migration: &'a Migration,
            }
            let root = a.root.to_string_lossy().replace('\\', "/");
            output::emit_json(
                &Out { schema_version: crate::report::SCHEMA_VERSION, root, migration: &m },
                a.common.compact,
                path,
                out,
            )?;
        }
        MigrationFormat::Table => {
            let mut buf = Vec::new();
            render_table(&m, &mut buf)?;
            output::emit(buf, false, path, out)?;
        }
        MigrationFormat::Markdown => {
            let mut buf = Vec::new();
            render_markdown(&m, &mut buf)?;
            output::emit(buf, false, path, out)?;
        }
    }
    super::print_diagnostics(&report, &a.common, err)?;
    Ok(ExitStatus::Success)
}

fn copies_cell(a: &migration::AppMigration) -> String {
    let items: Vec<String> = a
        .local_copies
        .iter()
        .map(|c| {
            let state =
                if c.identical { "identical".to_string() } else { format!("+{} -{}", c.added, c.removed) };
            let dead = if c.dead { ", dead" } else { "" };
            format!("{} ({state}{dead})", c.file)
        })
        .collect();
    cut(&items, 60)
}

fn render_table(m: &Migration, out: &mut dyn Write) -> std::io::Result<()> {
    for p in &m.packages {
        let migrated = p.apps.iter().filter(|a| a.migrated).count();
        writeln!(out, "\n{} ({}): {migrated} of {} apps migrated", p.name, p.package, p.apps.len())?;
        let mut t = table(vec!["app", "migrated", "imports", "declared", "local copies", "broken imports"]);
        for a in &p.apps {
            let declared = match (&a.declared, a.declared_admits_version) {
                (Some(r), Some(false)) => format!("{r} (excludes {})", p.version.as_deref().unwrap_or("?")),
                (Some(r), _) => r.clone(),
                (None, _) => "no".into(),
            };
            let broken: Vec<String> = a
                .broken_imports
                .iter()
                .map(|b| format!("{}:{} {}", b.file, b.line, b.name.as_deref().unwrap_or(&b.specifier)))
                .collect();
            t.add_row(vec![
                a.app.clone(),
                if a.migrated { "yes".into() } else { "no".into() },
                a.imports.to_string(),
                declared,
                copies_cell(a),
                cut(&broken, 40),
            ]);
        }
        writeln!(out, "{t}")?;
    }
    writeln!(
        out,
        "{} of {} app-package pairs migrated, over {} packages.",
        m.summary.migrated, m.summary.apps, m.summary.packages
    )
}

fn render_markdown(m: &Migration, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "# Migration\n")?;
    writeln!(
        out,
        "{} of {} app-package pairs migrated, over {} packages.\n",
        m.summary.migrated, m.summary.apps, m.summary.packages
    )?;
    for p in &m.packages {
        let migrated = p.apps.iter().filter(|a| a.migrated).count();
        writeln!(
            out,
            "## {} ({}): {migrated} of {} apps migrated\n",
            code(&p.name),
            md(&p.package),
            p.apps.len()
        )?;
        writeln!(out, "| app | migrated | imports | declared | local copies | broken imports |")?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for a in &p.apps {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                md(&a.app),
                if a.migrated { "yes" } else { "no" },
                a.imports,
                // A version range as written (`workspace:*`); only what would end the cell.
                a.declared.as_deref().unwrap_or("no").replace('|', "\\|"),
                md(&copies_cell(a)),
                a.broken_imports.len()
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migration::{AppMigration, PackageMigration, Summary};

    #[test]
    fn markdown_shows_repository_names_as_text() {
        let app = AppMigration {
            app: "apps/<img src=x>".into(),
            name: "x".into(),
            migrated: false,
            imports: 0,
            imported_names: vec![],
            declared: Some("workspace:*".into()),
            declared_admits_version: None,
            local_copies: vec![],
            broken_imports: vec![],
        };
        let package = PackageMigration {
            package: "packages/[a](http://x)".into(),
            name: "`@x/y`".into(),
            version: None,
            apps: vec![app],
        };
        let m = Migration { packages: vec![package], summary: Summary { packages: 1, apps: 1, migrated: 0 } };
        let mut out = Vec::new();
        render_markdown(&m, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("## `` `@x/y` `` (packages/\\[a\\](http://x))"), "{out}");
        assert!(out.contains("| apps/\\<img src=x\\> | no | 0 | workspace:* |"), "{out}");
    }
}
