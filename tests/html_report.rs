//! `--format html` without a browser: the page of each command is byte-identical at -j1 and
//! -j8, hostile names and code stay text, the CSP names the page's one script by its hash, the
//! page asks for nothing outside itself, and the commands without an HTML view refuse it.
//! tests/html_browser.rs opens the same pages in Chromium.

mod common;

use common::{assert_same_output_at_threads, fixture, monodup};
use serde_json::Value;
use sha2::Digest;

fn html(cmd: &str, fixture_name: &str) -> String {
    let root = fixture(fixture_name);
    let run = monodup(&[cmd, root.to_str().unwrap(), "--format", "html", "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

fn json(cmd: &str, fixture_name: &str) -> Value {
    let root = fixture(fixture_name);
    let run = monodup(&[cmd, root.to_str().unwrap(), "--format", "json", "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// The text between `start` (exclusive) and the next `end`.
fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let i = s.find(start).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
    &s[i..i + s[i..].find(end).unwrap()]
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { A[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

#[test]
fn every_html_view_is_byte_identical_at_one_and_eight_threads() {
    let root = fixture("acme-frontend");
    let root = root.to_str().unwrap();
    for cmd in ["scan", "dups", "graph", "plan"] {
        let run = assert_same_output_at_threads(&[cmd, root, "--format", "html", "-q"], &[1, 8]);
        assert!(run.stdout.starts_with("<!DOCTYPE html>"), "{cmd}");
        assert!(run.stdout.ends_with("</html>\n"), "{cmd}");
    }
}

#[test]
fn each_command_shows_its_sections() {
    let has = |page: &str, id: &str| page.contains(&format!("<section id=\"{id}\">"));
    let scan = html("scan", "acme-frontend");
    for id in ["summary", "overlaps", "graph", "plan", "clones", "diagnostics"] {
        assert!(has(&scan, id), "scan lacks #{id}");
    }
    let dups = html("dups", "acme-frontend");
    assert!(has(&dups, "overlaps") && has(&dups, "clones") && !has(&dups, "graph") && !has(&dups, "plan"));
    let graph = html("graph", "acme-frontend");
    assert!(has(&graph, "graph") && !has(&graph, "clones") && !has(&graph, "overlaps"));
    let plan = html("plan", "acme-frontend");
    assert!(has(&plan, "plan") && !has(&plan, "clones") && !has(&plan, "graph"));
}

#[test]
fn the_page_requests_nothing_and_runs_only_its_own_script() {
    let page = html("scan", "acme-frontend");
    let csp = between(&page, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\"");
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    let script = between(&page, "<script>", "</script>");
    let hash = base64(&sha2::Sha256::digest(script.as_bytes()));
    assert!(csp.contains(&format!("script-src 'sha256-{hash}'")), "the CSP names the script: {csp}");
    assert!(!csp.contains("unsafe-inline'; script") && !csp.contains("script-src 'unsafe-inline'"), "{csp}");
    for attr in ["src=\"", "href=\"", "url(http", "@import", "@font-face"] {
        for (i, _) in page.match_indices(attr) {
            let value = &page[i + attr.len()..];
            assert!(
                value.starts_with('#') || value.starts_with("data:") || attr.starts_with("url"),
                "{attr} points outside the page: {}",
                &value[..value.len().min(60)]
            );
        }
    }
    assert!(!page.contains("url(http") && !page.contains("@import") && !page.contains("@font-face"));
}

#[test]
fn hostile_names_and_code_are_text() {
    let page = html("scan", "hostile-names");
    // Two scripts: the JSON data block and the page's own.
    assert_eq!(page.matches("<script").count(), 2, "no injected script element");
    assert_eq!(page.matches("</script>").count(), 2, "no `</script>` from the repository");
    assert!(!page.contains("<!--"), "no comment opened by a name or the code");
    assert!(!page.contains("<img") && !page.contains("<svg onload"), "no element from a file name");
    assert!(!page.contains("onerror=alert(1)>"), "the file name's `>` is escaped");
    // The names are there, as text.
    assert!(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "package name shown");
    assert!(page.contains("two&lt;!--"), "package name shown");
    assert!(page.contains("apps/one/src/&lt;img src=x onerror=alert(1)&gt;.tsx"), "file name shown");
    assert!(page.contains("apps/two/src/&lt;svg onload=alert(2)&gt;.ts"), "diagnostic's file shown");
    // The copied code, with its markup as text, in the side-by-side view.
    assert!(page.contains("&lt;/script&gt;&lt;!--"), "the code's `</script><!--` shown");
    // The data block holds the names exactly, behind \u escapes.
    let data = between(&page, "<script type=\"application/json\" id=\"monodup-data\">", "</script>");
    assert!(!data.contains('<') && !data.contains('>'));
    let data: Value = serde_json::from_str(data).unwrap();
    let names: Vec<&str> =
        data["packages"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"</script><script>alert(1)</script>") && names.contains(&"two<!--"), "{names:?}");
}

#[test]
fn the_heatmap_has_a_cell_per_ordered_pair_with_the_json_figures() {
    let page = html("scan", "acme-frontend");
    let report = json("scan", "acme-frontend");
    let data: Value = serde_json::from_str(between(&page, "id=\"monodup-data\">", "</script>")).unwrap();
    let paths: Vec<&str> =
        data["packages"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    let shown: Vec<usize> = data["heatmap"]["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    let mut expect = std::collections::BTreeMap::new();
    for o in report["overlaps"].as_array().unwrap() {
        let (a, b) = (o["package_a"].as_str().unwrap(), o["package_b"].as_str().unwrap());
        expect.insert((a.to_string(), b.to_string()), o["lines_a"].as_u64().unwrap());
        expect.insert((b.to_string(), a.to_string()), o["lines_b"].as_u64().unwrap());
    }
    let with_overlap: std::collections::BTreeSet<&str> = expect.keys().map(|(a, _)| a.as_str()).collect();
    assert_eq!(shown.len(), with_overlap.len(), "every package with an overlap has a row");
    let cells = page.matches("<td class=\"pair\"").count();
    assert_eq!(cells, shown.len() * (shown.len() - 1));
    for &r in &shown {
        for &c in &shown {
            if r == c {
                continue;
            }
            let want = expect.get(&(paths[r].to_string(), paths[c].to_string())).copied().unwrap_or(0);
            assert!(
                page.contains(&format!("data-r=\"{r}\" data-c=\"{c}\" data-lines=\"{want}\"")),
                "cell {} → {} should hold {want}",
                paths[r],
                paths[c]
            );
        }
    }
}

#[test]
fn html_goes_to_the_output_file_and_other_commands_refuse_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let root = fixture("acme-frontend");
    let run =
        monodup(&["scan", root.to_str().unwrap(), "--format", "html", "-q", "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), html("scan", "acme-frontend"));
    for cmd in ["check", "migration", "apply"] {
        let run = monodup(&[cmd, root.to_str().unwrap(), "--format", "html"]);
        assert_eq!(run.code, 2, "{cmd} --format html: {}", run.stderr);
        assert!(run.stderr.contains("invalid value 'html'"), "{}", run.stderr);
    }
}
