//! The verdict where CI looks: a table for the log, GitHub workflow annotations for the PR diff,
//! SARIF 2.1.0 for code scanning, Markdown for a PR comment, JSON for tools.

use super::Gate;
use super::{Finding, Verdict};
use crate::diagnostic::Severity;
use crate::escape::{code, md, text};
use serde_json::json;
use std::collections::BTreeSet;
use std::io::{self, Write};

fn place(f: &Finding) -> String {
    match (f.file.is_empty(), f.line) {
        (true, _) => "(whole repository)".into(),
        (false, 0) => f.file.clone(),
        (false, l) if f.end_line > l => format!("{}:{}-{}", f.file, l, f.end_line),
        (false, l) => format!("{}:{l}", f.file),
    }
}

pub fn table(v: &Verdict, out: &mut dyn Write) -> io::Result<()> {
    let errors = v.findings.iter().filter(|f| f.severity == Severity::Error).count();
    for f in &v.findings {
        writeln!(
            out,
            "{} {}: [{}] {}",
            f.severity.as_str(),
            text(&place(f)),
            text(f.gate.as_str()),
            text(&f.message)
        )?;
    }
    if v.passed {
        writeln!(
            out,
            "monodup check passed: {} warnings; {} known findings are in the baseline.",
            v.findings.len(),
            v.baselined
        )
    } else {
        writeln!(
            out,
            "monodup check failed: {errors} new findings ({} known ones are in the baseline).\n\
             Fix them, or accept them with `monodup check --update-baseline` and commit the baseline.",
            v.baselined
        )
    }
}

/// `::error file=…,line=…,endLine=…,title=…::message`, escaped as the runner expects: `%`, CR
/// and LF in the message, and also `:` and `,` in properties. Other control characters are
/// shown as escapes first ([`text`]): the log renders ANSI sequences.
pub fn github(v: &Verdict, out: &mut dyn Write) -> io::Result<()> {
    let esc_data = |s: &str| text(s).replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let esc_prop = |s: &str| esc_data(s).replace(':', "%3A").replace(',', "%2C");
    for f in &v.findings {
        let level = if f.severity == Severity::Error { "error" } else { "warning" };
        let mut props = Vec::new();
        if !f.file.is_empty() {
            props.push(format!("file={}", esc_prop(&f.file)));
            if f.line > 0 {
                props.push(format!("line={}", f.line));
                props.push(format!("endLine={}", f.end_line.max(f.line)));
            }
        }
        props.push(format!("title={}", esc_prop(&format!("monodup {}", f.gate))));
        writeln!(out, "::{level} {}::{}", props.join(","), esc_data(&f.message))?;
    }
    Ok(())
}

/// Bytes a relative path written as a URI reference keeps as they are: RFC 3986's unreserved
/// characters and `/`. Everything else (space, `%`, `#`, `?`, `[`, `]`, `:`, the sub-delims,
/// non-ASCII as UTF-8 bytes) is percent-encoded, so the reference is a valid `path-noscheme`
/// whatever the file is called.
const URI_PATH: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b'/');

/// A root-relative path as a SARIF `artifactLocation.uri` (a relative reference).
pub fn sarif_uri(path: &str) -> String {
    percent_encoding::utf8_percent_encode(path, URI_PATH).to_string()
}

/// The SARIF 2.1.0 log of a verdict.
pub fn sarif_doc(v: &Verdict) -> serde_json::Value {
    let gates: BTreeSet<&str> = v.findings.iter().map(|f| f.gate.as_str()).collect();
    let rules: Vec<_> = gates
        .iter()
        .map(|g| json!({ "id": g, "shortDescription": { "text": format!("monodup {g}") } }))
        .collect();
    let results: Vec<_> = v
        .findings
        .iter()
        .map(|f| {
            let mut r = json!({
                "ruleId": f.gate.as_str(),
                "level": if f.severity == Severity::Error { "error" } else { "warning" },
                "message": { "text": f.message },
                "partialFingerprints": { "monodup/v1": f.fingerprint },
            });
            if !f.file.is_empty() {
                let mut loc =
                    json!({ "physicalLocation": { "artifactLocation": { "uri": sarif_uri(&f.file) } } });
                if f.line > 0 {
                    loc["physicalLocation"]["region"] =
                        json!({ "startLine": f.line, "endLine": f.end_line.max(f.line) });
                }
                r["locations"] = json!([loc]);
            }
            r
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "monodup",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/monodup/monodup",
                "rules": rules,
            } },
            "results": results,
        }],
    })
}

pub fn markdown(v: &Verdict, out: &mut dyn Write) -> io::Result<()> {
    let verdict = if v.passed { "✅ **monodup check passed**" } else { "❌ **monodup check failed**" };
    writeln!(out, "{verdict}\n")?;
    writeln!(
        out,
        "| | |\n|---|---|\n| new findings | {} |\n| known (baseline) | {} |\n| new duplicated lines | {} |\n| duplication | {:.2}% |",
        v.findings.len(),
        v.baselined,
        v.new_duplicated_lines,
        v.duplication_percent
    )?;
    let clones: Vec<&Finding> = v.findings.iter().filter(|f| f.gate == Gate::NewClone).collect();
    if !clones.is_empty() {
        writeln!(out, "\n### New clones\n")?;
        for f in clones {
            writeln!(out, "- {}: {}", code(&place(f)), md(&f.message))?;
        }
    }
    let others: Vec<&Finding> = v.findings.iter().filter(|f| f.gate != Gate::NewClone).collect();
    if !others.is_empty() {
        writeln!(out, "\n### New violations\n")?;
        for f in others {
            writeln!(
                out,
                "- {} {} [{}]: {}",
                f.severity.as_str(),
                code(&place(f)),
                md(f.gate.as_str()),
                md(&f.message)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sarif_uris_are_percent_encoded() {
        assert_eq!(super::sarif_uri("apps/web/src/x.ts"), "apps/web/src/x.ts");
        assert_eq!(super::sarif_uri("apps/web app/src/x #1?.ts"), "apps/web%20app/src/x%20%231%3F.ts");
        assert_eq!(super::sarif_uri("a/100%[v]:é.ts"), "a/100%25%5Bv%5D%3A%C3%A9.ts");
    }
}
