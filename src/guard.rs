//! Panics caught where a bug would otherwise end the run outside the 0/1/2 contract: per file
//! in the per-file stages (the file gets an `internal-error` diagnostic naming it and the scan
//! goes on) and per stage in the pipeline (exit 2 with a message naming the stage).
//!
//! Tests make a stage, or one file's work in a stage, panic through `MONODUP_TEST_PANIC`
//! (comma-separated `stage:resolve`, `file:parse:src/a.ts`...). Only debug builds read it: in a
//! release build the hook compiles to nothing, so no environment can make monodup panic.

use crate::diagnostic::{Code, Diagnostic};
use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A stage of the pipeline panicked: a bug, reported as exit 2.
#[derive(Debug, thiserror::Error)]
#[error("internal error in the {stage} stage (a bug, please report it): {message}")]
pub struct StagePanic {
    pub stage: &'static str,
    /// The panic's message.
    pub message: String,
}

/// Runs one stage, turning a panic into a [`StagePanic`] naming it.
pub fn stage<T>(stage: &'static str, f: impl FnOnce() -> T) -> Result<T, StagePanic> {
    catch_unwind(AssertUnwindSafe(|| {
        test_hook(stage, None);
        f()
    }))
    .map_err(|payload| StagePanic { stage, message: message(&*payload) })
}

/// Runs one file's work in `stage`, turning a panic into an error diagnostic on `file` that
/// says what became of it (`outcome`: "skipped", "its imports are left out"...).
pub fn file<T>(stage: &str, file: &str, outcome: &str, f: impl FnOnce() -> T) -> Result<T, Diagnostic> {
    catch_unwind(AssertUnwindSafe(|| {
        test_hook(stage, Some(file));
        f()
    }))
    .map_err(|payload| {
        let what = message(&*payload);
        Diagnostic::error(
            Code::InternalError,
            file,
            format!("{outcome}: internal error in the {stage} stage (a bug, please report it): {what}"),
        )
    })
}

/// A panic's message: its `&str` or `String` payload.
pub fn message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

#[cfg(debug_assertions)]
fn test_hook(stage: &str, file: Option<&str>) {
    static SPEC: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let Some(spec) = SPEC.get_or_init(|| std::env::var("MONODUP_TEST_PANIC").ok()) else { return };
    let hit = spec.split(',').any(|point| match (point.split_once(':'), file) {
        (Some(("stage", s)), None) => s == stage,
        (Some(("file", rest)), Some(f)) => rest.split_once(':') == Some((stage, f)),
        _ => false,
    });
    if hit {
        panic!("MONODUP_TEST_PANIC in {stage}{}", file.map(|f| format!(" on {f}")).unwrap_or_default());
    }
}

#[cfg(not(debug_assertions))]
fn test_hook(_stage: &str, _file: Option<&str>) {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn a_stage_panic_names_the_stage_and_keeps_the_message() {
        assert_eq!(stage("graph", || 7).unwrap(), 7);
        let err = stage("graph", || -> u8 { panic!("index {} out of range", 3) }).unwrap_err();
        assert_eq!((err.stage, err.message.as_str()), ("graph", "index 3 out of range"));
        assert_eq!(
            err.to_string(),
            "internal error in the graph stage (a bug, please report it): index 3 out of range"
        );
        let err = stage("plan", || std::panic::panic_any(42u8)).unwrap_err();
        assert_eq!(err.message, "a panic");
    }

    #[test]
    fn a_file_panic_is_an_error_diagnostic_on_the_file() {
        assert_eq!(file("parse", "a.ts", "skipped", || 1).unwrap(), 1);
        let d =
            file("resolve", "src/a.ts", "its imports are left out", || -> u8 { panic!("boom") }).unwrap_err();
        assert_eq!((d.file.as_str(), d.code, d.severity), ("src/a.ts", Code::InternalError, Severity::Error));
        assert_eq!(
            d.message,
            "its imports are left out: internal error in the resolve stage (a bug, please report it): boom"
        );
    }
}
