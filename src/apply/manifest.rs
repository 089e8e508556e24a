//! package.json and workspace configuration edits. Manifests are edited as JSON values that keep
//! their key order (serde_json's `preserve_order`) and are written back with the indentation
//! they had, so a manifest in npm's own format changes only where a key is added.

use serde_json::{Map, Value};
use std::path::Path;

/// How workspace packages name each other in this repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Manager {
    /// pnpm, yarn berry and bun: `workspace:*`.
    WorkspaceProtocol,
    /// npm (and yarn 1): `*`.
    Star,
}

impl Manager {
    pub fn detect(root: &Path) -> Manager {
        let has = |name: &str| root.join(name).exists();
        if has("pnpm-workspace.yaml") || has("bun.lockb") || has("bun.lock") || has(".yarnrc.yml") {
            Manager::WorkspaceProtocol
        } else {
            Manager::Star
        }
    }

    pub fn range(self) -> &'static str {
        match self {
            Manager::WorkspaceProtocol => "workspace:*",
            Manager::Star => "*",
        }
    }
}

/// The indentation of a JSON text (its first indented line), two spaces when it has none.
fn indent_of(text: &str) -> String {
    text.lines()
        .skip(1)
        .map(|l| &l[..l.len() - l.trim_start().len()])
        .find(|w| !w.is_empty())
        .unwrap_or("  ")
        .to_string()
}

/// `value` as JSON with `indent`, and a final newline when `like` had one.
pub fn to_text(value: &impl serde::Serialize, indent: &str, final_newline: bool) -> String {
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(indent.as_bytes());
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    if serde::Serialize::serialize(value, &mut ser).is_err() {
        return String::new();
    }
    let mut s = String::from_utf8(out).unwrap_or_default();
    if final_newline {
        s.push('\n');
    }
    s
}

/// A manifest being edited.
pub struct Edit {
    /// The manifest's top-level object (a manifest that is not an object is not edited).
    pub map: Map<String, Value>,
    indent: String,
    final_newline: bool,
}

impl Edit {
    pub fn parse(text: &str) -> Option<Edit> {
        match serde_json::from_str(text).ok()? {
            Value::Object(map) => {
                Some(Edit { map, indent: indent_of(text), final_newline: text.ends_with('\n') })
            }
            _ => None,
        }
    }

    pub fn new(map: Map<String, Value>) -> Edit {
        Edit { map, indent: "  ".into(), final_newline: true }
    }

    pub fn text(&self) -> String {
        to_text(&self.map, &self.indent, self.final_newline)
    }

    fn object(&mut self) -> &mut Map<String, Value> {
        &mut self.map
    }

    /// True when any dependency section already names `name`.
    pub fn declares(&self, name: &str) -> bool {
        ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]
            .iter()
            .any(|s| self.map.get(*s).and_then(|d| d.get(name)).is_some())
    }

    /// Adds `name: range` to `section`, in alphabetical place when the section is sorted (as npm
    /// keeps it), else at its end. Returns false when a section already names it.
    pub fn add_dependency(&mut self, section: &str, name: &str, range: &str) -> bool {
        if self.declares(name) {
            return false;
        }
        let obj = self.object();
        let deps = obj.entry(section.to_string()).or_insert_with(|| Value::Object(Map::new()));
        if !deps.is_object() {
            *deps = Value::Object(Map::new());
        }
        let Some(map) = deps.as_object_mut() else { return false };
        let sorted = map.keys().zip(map.keys().skip(1)).all(|(a, b)| a <= b);
        let entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
        let at = if sorted { entries.iter().position(|(k, _)| k.as_str() > name) } else { None };
        let at = at.unwrap_or(entries.len());
        for (i, (k, v)) in entries.into_iter().enumerate() {
            if i == at {
                map.insert(name.to_string(), Value::String(range.to_string()));
            }
            map.insert(k, v);
        }
        if !map.contains_key(name) {
            map.insert(name.to_string(), Value::String(range.to_string()));
        }
        true
    }

    /// Sets `"exports"["./sub"]` unless it is there; creates nothing when the manifest has no
    /// `exports` (then every file is reachable by its path). Returns true when it added one.
    pub fn add_export(&mut self, subpath: &str, file: &str) -> bool {
        let Some(exports) = self.object().get_mut("exports").and_then(Value::as_object_mut) else {
            return false;
        };
        if exports.contains_key(subpath) {
            return false;
        }
        exports.insert(subpath.to_string(), Value::String(file.to_string()));
        true
    }

    /// Appends `glob` to the root manifest's `workspaces` (array or `{ packages: [...] }`).
    pub fn add_workspace(&mut self, glob: &str) {
        let obj = self.object();
        let ws = obj.entry("workspaces").or_insert_with(|| Value::Array(Vec::new()));
        let list = match ws {
            Value::Array(a) => a,
            Value::Object(o) => match o.entry("packages").or_insert_with(|| Value::Array(Vec::new())) {
                Value::Array(a) => a,
                _ => return,
            },
            _ => return,
        };
        if !list.iter().any(|v| v.as_str() == Some(glob)) {
            list.push(Value::String(glob.to_string()));
        }
    }
}

/// The workspace globs of the repository: package.json `workspaces`, then pnpm-workspace.yaml.
/// None when there is no workspace configuration.
pub fn workspace_globs(root: &Path) -> Option<(WorkspaceFile, Vec<String>)> {
    let pnpm = root.join("pnpm-workspace.yaml");
    if let Ok(text) = std::fs::read_to_string(&pnpm) {
        #[derive(serde::Deserialize)]
        struct Pnpm {
            #[serde(default)]
            packages: Vec<String>,
        }
        let globs = serde_yaml_ng::from_str::<Pnpm>(&text).map(|p| p.packages).unwrap_or_default();
        return Some((WorkspaceFile::Pnpm, globs));
    }
    let text = std::fs::read_to_string(root.join("package.json")).ok()?;
    let value: Value = serde_json::from_str(&text).ok()?;
    let list = match value.get("workspaces")? {
        Value::Array(a) => a.clone(),
        Value::Object(o) => o.get("packages")?.as_array()?.clone(),
        _ => return None,
    };
    Some((WorkspaceFile::PackageJson, list.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkspaceFile {
    PackageJson,
    Pnpm,
}

/// True when one of `globs` matches the folder `dir`.
pub fn covered(globs: &[String], dir: &str) -> bool {
    globs.iter().filter(|g| !g.starts_with('!')).any(|g| {
        let g = g.trim_start_matches("./").trim_end_matches('/');
        globset::Glob::new(g).map(|g| g.compile_matcher().is_match(dir)).unwrap_or(false)
    })
}

/// pnpm-workspace.yaml with `glob` added as the last item of its `packages:` list; the rest of
/// the text is kept as it was.
pub fn pnpm_with(text: &str, glob: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines.iter().position(|l| l.trim_end() == "packages:") else {
        return format!("{text}{}packages:\n  - \"{glob}\"\n", if text.ends_with('\n') { "" } else { "\n" });
    };
    let mut end = start + 1;
    let mut indent = "  ".to_string();
    while end < lines.len() && (lines[end].trim_start().starts_with("- ") || lines[end].trim().is_empty()) {
        if lines[end].trim_start().starts_with("- ") {
            indent = lines[end][..lines[end].len() - lines[end].trim_start().len()].to_string();
        }
        end += 1;
    }
    while end > start + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    let mut out: Vec<String> = lines[..end].iter().map(|s| s.to_string()).collect();
    out.push(format!("{indent}- \"{glob}\""));
    out.extend(lines[end..].iter().map(|s| s.to_string()));
    let mut s = out.join("\n");
    if text.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// The highest of several version ranges, by the first version number each names
/// (`^7.51.0` over `^7.45.0`); ranges without a number count lowest.
pub fn highest_range<'a>(ranges: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    ranges.into_iter().max_by_key(|r| (version_key(r), std::cmp::Reverse(r.to_string())))
}

fn version_key(range: &str) -> Vec<u64> {
    let start = range.find(|c: char| c.is_ascii_digit());
    let Some(start) = start else { return Vec::new() };
    range[start..]
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .next()
        .unwrap_or("")
        .split('.')
        .map(|n| n.parse().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependencies_go_in_sorted_place_and_the_rest_is_kept() {
        let text = "{\n    \"name\": \"a\",\n    \"dependencies\": {\n        \"axios\": \"^1\",\n        \"react\": \"^18\"\n    }\n}\n";
        let mut e = Edit::parse(text).unwrap();
        assert_eq!(e.text(), text, "an unchanged manifest is written back as it was");
        assert!(e.add_dependency("dependencies", "@acme/ui", "workspace:*"));
        assert!(!e.add_dependency("dependencies", "react", "*"));
        assert_eq!(
            e.text(),
            "{\n    \"name\": \"a\",\n    \"dependencies\": {\n        \"@acme/ui\": \"workspace:*\",\n        \"axios\": \"^1\",\n        \"react\": \"^18\"\n    }\n}\n"
        );
    }

    #[test]
    fn pnpm_lists_and_ranges() {
        let text = "packages:\n  - \"apps/*\"\n  - \"packages/*\"\n\ncatalog:\n  react: ^18\n";
        assert_eq!(
            pnpm_with(text, "libs/x"),
            "packages:\n  - \"apps/*\"\n  - \"packages/*\"\n  - \"libs/x\"\n\ncatalog:\n  react: ^18\n"
        );
        assert!(covered(&["packages/*".into()], "packages/hooks"));
        assert!(!covered(&["apps/*".into()], "packages/hooks"));
        assert_eq!(highest_range(["^7.45.0", "^7.51.0", "~7.9.0"]), Some("^7.51.0"));
    }
}
