//! Diagnostics: everything that went wrong with one file or manifest. Stages return them as
//! values; only the report prints them, so a bad file never stops the scan.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The stable name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The stable machine-readable reason of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// swc reported a syntax error; the file's imports up to the error are still used.
    Syntax,
    /// The file is not valid UTF-8, or its name is not (the name is shown with `\xNN` escapes).
    NotUtf8,
    /// The file holds NUL bytes.
    Binary,
    /// A bundle or minified file: `*.min.js` or very long lines.
    Minified,
    /// The file or directory could not be read.
    Unreadable,
    /// The file is larger than the size limit.
    TooLarge,
    /// Nested too deeply to parse safely.
    TooDeep,
    /// The parser panicked or ran out of stack; the file is skipped.
    ParserCrash,
    /// A package.json, pnpm-workspace.yaml, lerna.json or project.json is broken.
    BadManifest,
    /// A tsconfig.json or jsconfig.json is broken (not JSONC, circular `extends`...).
    BadTsconfig,
    /// A symbolic link loop or another walk error.
    Walk,
    /// A tsconfig `paths` alias named like a workspace package resolves to a file outside that
    /// package (a local copy shadows the shared one).
    AliasShadowsPackage,
    /// A FIFO, device, socket or directory where a source file, manifest, tsconfig or ignore
    /// file was expected: never opened for reading (it could block or never end).
    SpecialFile,
    /// A file, a symbolic link or a tsconfig `extends` that leads outside ROOT: not read.
    OutsideRoot,
    /// monodup itself failed (panicked) on this file, a bug: what the message says became of
    /// the file (skipped, imports left out), and the scan went on.
    InternalError,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::NotUtf8 => "not-utf8",
            Code::Binary => "binary",
            Code::Minified => "minified",
            Code::Unreadable => "unreadable",
            Code::TooLarge => "too-large",
            Code::TooDeep => "too-deep",
            Code::ParserCrash => "parser-crash",
            Code::BadManifest => "bad-manifest",
            Code::BadTsconfig => "bad-tsconfig",
            Code::Walk => "walk",
            Code::AliasShadowsPackage => "alias-shadows-package",
            Code::SpecialFile => "special-file",
            Code::OutsideRoot => "outside-root",
            Code::InternalError => "internal-error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    /// Path relative to the root, with `/`.
    pub file: String,
    /// 1-based; 0 when the problem is about the whole file.
    pub line: u32,
    /// 1-based; 0 when unknown.
    pub column: u32,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: Code, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { file: file.into(), line: 0, column: 0, severity, code, message: message.into() }
    }

    pub fn error(code: Code, file: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, file, message)
    }

    pub fn warning(code: Code, file: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, file, message)
    }

    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.line = line;
        self.column = column;
        self
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: severity[code]: message`, the shape editors and CI logs link. The file
    /// and the message come from the repository: control characters are escaped
    /// ([`crate::escape::text`]), so a diagnostic is always one harmless line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::escape::text(&self.file))?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        let sev = self.severity.as_str();
        write!(f, ": {sev}[{}]: {}", self.code.as_str(), crate::escape::text(&self.message))
    }
}
