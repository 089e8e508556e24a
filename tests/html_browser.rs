//! The HTML report in a real browser: the system Chromium, headless, driven over the DevTools
//! protocol by `headless_chrome` (never a browser download). It opens the fixtures' pages from
//! `file://` with every network route closed, then checks the DOM against the JSON report of
//! the same tree (one heatmap cell per package pair with its figure, one graph node per
//! package), clicks a heatmap cell and checks the clone list, asserts that no console error,
//! exception, dialog, CSP refusal or resource request happened, and keeps a screenshot of each
//! section at 1280×800 in `target/html-screenshots/` for a person to look at.
//!
//! Chromium: `MONODUP_CHROMIUM`, else `chromium` or `chromium-browser` on PATH. Without one the
//! tests print `skipped: no chromium`, except under CI (`CI` set), where they fail: `.ci/run`
//! installs it. `MONODUP_HTML_EXTRA=a.html,b.html` also opens those pages (real repositories'
//! reports), prints their load time and keeps their screenshots.

mod common;

use common::{fixture, monodup};
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MONODUP_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

/// The browser, or `None` (after saying so) when there is none and this is not CI.
fn browser() -> Option<Browser> {
    let Some(path) = chromium() else {
        assert!(std::env::var_os("CI").is_none(), "no chromium under CI: .ci/run should have installed it");
        println!("skipped: no chromium");
        return None;
    };
    let args: Vec<&OsStr> = [
        // Nothing leaves the machine: every host resolves nowhere, every proxy is a dead port.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=http://127.0.0.1:9",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--force-color-profile=srgb",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let opts = LaunchOptions::default_builder()
        .path(Some(path))
        .headless(true)
        // CI runs as root, where Chromium's sandbox cannot start.
        .sandbox(false)
        .window_size(Some((1280, 800)))
        .args(args)
        .idle_browser_timeout(Duration::from_secs(120))
        .build()
        .expect("launch options");
    Some(Browser::new(opts).expect("start chromium"))
}

/// What the page did that it must not: errors, dialogs, requests.
#[derive(Default)]
struct Trouble(Mutex<Vec<String>>);

fn open(browser: &Browser, page: &Path) -> (Arc<Tab>, Arc<Trouble>, Duration) {
    let tab = browser.new_tab().expect("tab");
    tab.set_default_timeout(Duration::from_secs(60));
    let trouble = Arc::new(Trouble::default());
    let t = Arc::clone(&trouble);
    let dialog_tab = Arc::clone(&tab);
    tab.enable_log().unwrap();
    tab.enable_runtime().unwrap();
    tab.add_event_listener(Arc::new(move |event: &Event| {
        let mut t = t.0.lock().unwrap_or_else(|e| e.into_inner());
        match event {
            Event::RuntimeExceptionThrown(e) => {
                t.push(format!("exception: {}", e.params.exception_details.text))
            }
            Event::RuntimeConsoleAPICalled(e) => {
                let kind = format!("{:?}", e.params.Type);
                if kind == "Error" || kind == "Warning" || kind == "Assert" {
                    t.push(format!(
                        "console {kind}: {:?}",
                        e.params.args.first().and_then(|a| a.value.clone())
                    ));
                }
            }
            Event::LogEntryAdded(e) => {
                let level = format!("{:?}", e.params.entry.level);
                if level == "Error" || level == "Warning" {
                    t.push(format!("log {level}: {}", e.params.entry.text));
                }
            }
            Event::PageJavascriptDialogOpening(e) => {
                t.push(format!("dialog opened: {}", e.params.message));
                let _ = dialog_tab.get_dialog().dismiss();
            }
            _ => {}
        }
    }))
    .unwrap();
    let url = format!("file://{}", page.display());
    let start = Instant::now();
    tab.navigate_to(&url).unwrap().wait_until_navigated().unwrap();
    // The script runs before `load`; wait for it to have marked the page.
    let mut ready = false;
    for _ in 0..200 {
        if eval(&tab, "document.readyState === 'complete'") == Value::Bool(true) {
            ready = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let took = start.elapsed();
    assert!(ready, "{} did not load", page.display());
    (tab, trouble, took)
}

/// Evaluates `expr` and returns its value, objects as JSON (`JSON.stringify` in the page).
fn eval(tab: &Tab, expr: &str) -> Value {
    let wrapped = format!("JSON.stringify((() => {{ return ({expr}); }})())");
    let r = tab.evaluate(&wrapped, false).unwrap_or_else(|e| panic!("{expr}: {e}"));
    match r.value {
        Some(Value::String(s)) => serde_json::from_str(&s).unwrap(),
        other => panic!("{expr}: {other:?}"),
    }
}

fn screenshots_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("html-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A screenshot of the window with each section scrolled to the top, as `NAME-SECTION.png`.
fn screenshots(tab: &Tab, name: &str, sections: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for id in sections {
        let found = eval(tab, &format!("(() => {{ const s = document.getElementById('{id}'); if (!s) return false; s.scrollIntoView(); return true; }})()"));
        if found != Value::Bool(true) {
            continue;
        }
        std::thread::sleep(Duration::from_millis(150));
        let png = tab.capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true).unwrap();
        let path = screenshots_dir().join(format!("{name}-{id}.png"));
        std::fs::write(&path, png).unwrap();
        out.push(path);
    }
    out
}

fn assert_no_trouble(tab: &Tab, trouble: &Trouble, what: &str) {
    let t = trouble.0.lock().unwrap_or_else(|e| e.into_inner());
    assert!(t.is_empty(), "{what}: {t:#?}");
    let resources = eval(tab, "performance.getEntriesByType('resource').map(e => e.name)");
    assert_eq!(resources, Value::Array(vec![]), "{what}: the page requested resources");
    assert_eq!(
        eval(tab, "document.documentElement.classList.contains('js')"),
        Value::Bool(true),
        "{what}: the page's script did not run (CSP hash?)"
    );
}

/// `scan FIXTURE` as HTML in `target/html-browser/NAME.html` and as JSON.
fn reports(name: &str) -> (PathBuf, Value) {
    let root = fixture(name);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("html-browser");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join(format!("{name}.html"));
    let run =
        monodup(&["scan", root.to_str().unwrap(), "--format", "html", "-q", "-o", page.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = monodup(&["scan", root.to_str().unwrap(), "--format", "json", "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (page, serde_json::from_str(&run.stdout).unwrap())
}

const SECTIONS: &[&str] = &["summary", "overlaps", "graph", "plan", "clones", "diagnostics"];

#[test]
fn acme_report_in_chromium_matches_the_json_report() {
    let Some(browser) = browser() else { return };
    let (page, report) = reports("acme-frontend");
    let (tab, trouble, took) = open(&browser, &page);
    println!("acme-frontend: {} bytes, loaded in {took:?}", std::fs::metadata(&page).unwrap().len());

    // The heatmap: one cell per ordered pair of the packages that share lines, each with the
    // JSON report's figure, in the attribute and as the text.
    let paths: Vec<String> = report["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap().to_string())
        .collect();
    let mut overlap: BTreeMap<(String, String), u64> = BTreeMap::new();
    for o in report["overlaps"].as_array().unwrap() {
        let (a, b) =
            (o["package_a"].as_str().unwrap().to_string(), o["package_b"].as_str().unwrap().to_string());
        overlap.insert((a.clone(), b.clone()), o["lines_a"].as_u64().unwrap());
        overlap.insert((b, a), o["lines_b"].as_u64().unwrap());
    }
    let with_overlap: BTreeSet<&String> = overlap.keys().map(|(a, _)| a).collect();
    let cells = eval(&tab, "Array.from(document.querySelectorAll('#heatmap td.pair')).map(td => [Number(td.dataset.r), Number(td.dataset.c), Number(td.dataset.lines), td.textContent])");
    let cells = cells.as_array().unwrap();
    let n = with_overlap.len();
    assert!(n >= 7, "the seven apps share code: {n}");
    assert_eq!(cells.len(), n * (n - 1), "one cell per ordered pair of {n} packages");
    let mut seen = BTreeSet::new();
    for c in cells {
        let (r, col) = (c[0].as_u64().unwrap() as usize, c[1].as_u64().unwrap() as usize);
        let want = overlap.get(&(paths[r].clone(), paths[col].clone())).copied().unwrap_or(0);
        assert_eq!(c[2].as_u64().unwrap(), want, "{} → {}", paths[r], paths[col]);
        let text = if want == 0 { String::new() } else { want.to_string() };
        assert_eq!(c[3].as_str().unwrap(), text, "{} → {} shows its figure", paths[r], paths[col]);
        assert!(with_overlap.contains(&paths[r]) && seen.insert((r, col)));
    }

    // The graph: one node per package, each titled with its path; an edge per package edge.
    let nodes = eval(&tab, "Array.from(document.querySelectorAll('#graph-svg .node')).map(g => g.querySelector('title').textContent)");
    let nodes = nodes.as_array().unwrap();
    assert_eq!(nodes.len(), paths.len(), "one node per package");
    for p in &paths {
        assert!(nodes.iter().any(|t| t.as_str().unwrap().contains(&format!("({p})"))), "no node for {p}");
    }
    let edges = eval(&tab, "document.querySelectorAll('#graph-svg path.edge').length");
    let package_edges = report["graph"]["package_edges"].as_array().unwrap();
    let self_edges = package_edges.iter().filter(|e| e["from"] == e["to"]).count();
    assert_eq!(edges.as_u64().unwrap() as usize, package_edges.len() - self_edges);
    let apps = eval(&tab, "document.querySelectorAll('#graph-svg .node.app').length");
    assert_eq!(
        apps.as_u64().unwrap() as usize,
        report["packages"].as_array().unwrap().iter().filter(|p| p["kind"] == "app").count(),
        "apps styled apart"
    );

    // A click on the largest cell lists exactly the clone classes with copies in both packages.
    let (r, c) = eval(&tab, "(() => { let best = null; document.querySelectorAll('#heatmap td.pair').forEach(td => { if (!best || Number(td.dataset.lines) > Number(best.dataset.lines)) best = td; }); best.id = 'test-cell'; return [Number(best.dataset.r), Number(best.dataset.c)]; })()")
        .as_array()
        .map(|a| (a[0].as_u64().unwrap() as usize, a[1].as_u64().unwrap() as usize))
        .unwrap();
    let total = eval(&tab, "document.querySelectorAll('#clone-list details.clone').length").as_u64().unwrap();
    tab.find_element("#test-cell a").unwrap().click().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let shown = eval(&tab, "Array.from(document.querySelectorAll('#clone-list details.clone')).filter(d => !d.hidden).map(d => d.id)");
    let mut shown: Vec<String> =
        shown.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    shown.sort();
    let mut want: Vec<String> = report["clones"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| {
            let pk: BTreeSet<&str> = k["fragments"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["package_path"].as_str().unwrap())
                .collect();
            pk.contains(paths[r].as_str()) && pk.contains(paths[c].as_str())
        })
        .map(|k| k["id"].as_str().unwrap().to_string())
        .collect();
    want.sort();
    assert!(!want.is_empty());
    assert_eq!(shown, want, "clicking {} × {} filters the clone list", paths[r], paths[c]);
    assert!((shown.len() as u64) < total, "the filter hides some classes");
    let status = eval(&tab, "document.getElementById('clone-status').textContent");
    assert!(
        status.as_str().unwrap().contains(&paths[r]) && status.as_str().unwrap().contains(&paths[c]),
        "{status}"
    );

    // Sorting by tokens reorders the list.
    tab.find_element(".clonehead button[data-key=tokens]").unwrap().click().unwrap();
    let tokens = eval(&tab, "Array.from(document.querySelectorAll('#clone-list details.clone')).map(d => Number(d.dataset.tokens))");
    let tokens: Vec<u64> = tokens.as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    assert!(tokens.windows(2).all(|w| w[0] >= w[1]), "sorted by tokens: {tokens:?}");

    // Back to everything, the first class opened (code side by side) for the screenshots.
    tab.find_element("#clone-clear").unwrap().click().unwrap();
    let marks = eval(&tab, "(() => { const d = document.querySelector('#clone-list details.clone:not([hidden])'); d.open = true; return d.querySelectorAll('.sides figure').length; })()");
    assert!(marks.as_u64().unwrap() >= 2, "the code of the first class side by side");
    eval(&tab, "document.querySelector('#clone-list').scrollIntoView(), true");
    let shots = screenshots(&tab, "acme-frontend", SECTIONS);
    assert_eq!(shots.len(), SECTIONS.len());
    assert_no_trouble(&tab, &trouble, "acme-frontend");
}

#[test]
fn hostile_names_render_as_text_and_run_nothing() {
    let Some(browser) = browser() else { return };
    let (page, _) = reports("hostile-names");
    let (tab, trouble, _) = open(&browser, &page);
    eval(&tab, "document.querySelectorAll('details').forEach(d => d.open = true), true");
    assert_eq!(
        eval(&tab, "document.scripts.length"),
        Value::from(2),
        "only the data block and the page's script"
    );
    assert_eq!(eval(&tab, "document.querySelectorAll('img, iframe, object, embed, svg:not(#graph-svg) script, #graph-svg script').length"), Value::from(0));
    assert_eq!(eval(&tab, "Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length"), Value::from(0), "no inline handler anywhere");
    let comments = eval(&tab, "(() => { const w = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT); let n = 0; while (w.nextNode()) n++; return n; })()");
    assert_eq!(comments, Value::from(0), "no comment opened by `<!--`");
    let text = eval(&tab, "document.body.innerText");
    let text = text.as_str().unwrap();
    for s in [
        "</script><script>alert(1)</script>",
        "two<!--",
        "apps/one/src/<img src=x onerror=alert(1)>.tsx",
        "apps/two/src/<svg onload=alert(2)>.ts",
        "html += \"</script><!--\";",
        "const open = \"<script>alert('banner')</script>\";",
    ] {
        assert!(text.contains(s), "{s:?} is not shown as text");
    }
    // The names reach the heatmap's and the graph's labels too, and the script's status line.
    let cell = eval(&tab, "(() => { const td = document.querySelector('#heatmap td.pair:not([data-lines=\"0\"])'); td.id = 'test-cell'; return true; })()");
    assert_eq!(cell, Value::Bool(true));
    tab.find_element("#test-cell a").unwrap().click().unwrap();
    let status = eval(&tab, "document.getElementById('clone-status').textContent");
    assert!(status.as_str().unwrap().contains("</script><script>alert(1)</script>"), "{status}");
    screenshots(&tab, "hostile-names", SECTIONS);
    assert_no_trouble(&tab, &trouble, "hostile-names");
}

#[test]
fn extra_reports_from_the_environment() {
    let Some(list) = std::env::var_os("MONODUP_HTML_EXTRA") else { return };
    let Some(browser) = browser() else { return };
    for page in std::env::split_paths(&list.to_string_lossy().replace(',', ":")) {
        let page = std::fs::canonicalize(&page).unwrap();
        let (tab, trouble, took) = open(&browser, &page);
        let name = page.file_stem().unwrap().to_string_lossy().into_owned();
        let nav = eval(&tab, "(() => { const n = performance.getEntriesByType('navigation')[0]; return [n.domContentLoadedEventEnd, n.loadEventEnd]; })()");
        println!(
            "{name}: {} bytes, loaded in {took:?} (domContentLoaded, load in ms: {nav})",
            std::fs::metadata(&page).unwrap().len()
        );
        eval(&tab, "(() => { const d = document.querySelector('#clone-list details.clone'); if (d) d.open = true; return true; })()");
        screenshots(&tab, &name, SECTIONS);
        assert_no_trouble(&tab, &trouble, &name);
    }
}
