//! Where output goes: stdout, or the `-o` file written as [`crate::files::write_atomic`] does.
//! Text formats pass through [`crate::escape::output`] so that nothing from the repository can
//! drive a terminal; JSON and SARIF are written exactly, streamed through a buffered writer as
//! they are serialized (a report of a large tree is never held whole in memory), pretty by
//! default or compact with `--compact`.

use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` (escaped unless `exact`) to `path`, or to `out`.
pub fn emit(bytes: Vec<u8>, exact: bool, path: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    let bytes = if exact { bytes } else { crate::escape::output(bytes) };
    match path {
        Some(path) => crate::files::write_atomic(path, &bytes),
        None => {
            out.write_all(&bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Writes `value` as JSON with a trailing newline to `path`, or to `out`: pretty (two-space
/// indent), or on one line when `compact`; the same content in the same order either way.
pub fn emit_json<T: Serialize + ?Sized>(
    value: &T,
    compact: bool,
    path: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let _style = Style::set(compact);
    let write = |w: &mut dyn Write| -> io::Result<()> {
        if compact {
            serde_json::to_writer(&mut *w, value)?;
        } else {
            serde_json::to_writer_pretty(&mut *w, value)?;
        }
        w.write_all(b"\n")
    };
    match path {
        Some(path) => crate::files::write_atomic_with(path, write),
        None => {
            // stdout is line-buffered: without this, pretty JSON would be a write per line.
            let mut w = io::BufWriter::with_capacity(1 << 16, out);
            write(&mut w)?;
            w.flush()?;
            Ok(())
        }
    }
}

/// How [`emit_json`] is writing, for [`parallel_list`]; unset outside it.
#[derive(Clone, Copy)]
struct Style {
    compact: bool,
}

thread_local!(static STYLE: std::cell::Cell<Option<Style>> = const { std::cell::Cell::new(None) });

impl Style {
    /// Sets the style for this thread until the guard drops.
    fn set(compact: bool) -> impl Drop {
        struct Reset(Option<Style>);
        impl Drop for Reset {
            fn drop(&mut self) {
                STYLE.with(|s| s.set(self.0));
            }
        }
        Reset(STYLE.with(|s| s.replace(Some(Style { compact }))))
    }
}

/// Items rendered per parallel batch: what is held rendered at once.
const BATCH: usize = 1024;

/// Worker threads for the output, set by the scan to the pool size it got (so that `-j 1` stays
/// one thread).
static WORKERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);

pub fn set_workers(n: usize) {
    WORKERS.store(n.max(1), std::sync::atomic::Ordering::Relaxed);
}

/// `serialize_with` for a long list that is a field of the top-level value [`emit_json`] writes
/// (the report's clone classes: nine tenths of its bytes). Its items are rendered in parallel,
/// in batches, and written in order as raw JSON: the same bytes as serde's own output, pretty
/// or compact (pretty items are rendered at depth 0 and indented to the depth of a top-level
/// field's list, 4 spaces; JSON strings hold no raw line break, so every line break is layout).
/// Elsewhere (no `emit_json`, or one worker) the list is serialized as usual.
pub fn parallel_list<S, T>(items: &Option<Vec<T>>, s: S) -> Result<S::Ok, S::Error>
where
    S: serde::Serializer,
    T: Serialize + Sync,
{
    use serde::ser::{Error, SerializeSeq};
    let workers = WORKERS.load(std::sync::atomic::Ordering::Relaxed);
    let (Some(items), Some(style)) = (items, STYLE.with(|s| s.get())) else {
        return items.serialize(s);
    };
    if workers < 2 || items.len() < BATCH / 4 {
        return items.serialize(s);
    }
    let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(workers).build() else {
        return items.serialize(s);
    };
    let render = |item: &T| -> Result<Box<serde_json::value::RawValue>, serde_json::Error> {
        if style.compact {
            return serde_json::value::to_raw_value(item);
        }
        let text = serde_json::to_vec_pretty(item)?;
        let mut out = Vec::with_capacity(text.len() + text.len() / 8);
        let mut from = 0;
        for at in memchr::memchr_iter(b'\n', &text) {
            out.extend_from_slice(&text[from..=at]);
            out.extend_from_slice(b"    ");
            from = at + 1;
        }
        out.extend_from_slice(&text[from..]);
        let text = String::from_utf8(out).map_err(serde_json::Error::custom)?;
        // SAFETY: one JSON value as serde_json wrote it, with blanks added after its line breaks
        // only (none leads or trails). `from_string` would parse it again: that re-parse cost
        // more than the parallel rendering saved.
        Ok(unsafe { serde_json::value::RawValue::from_string_unchecked(text) })
    };
    let mut seq = s.serialize_seq(Some(items.len()))?;
    for batch in items.chunks(BATCH) {
        use rayon::prelude::*;
        let raws: Result<Vec<_>, _> = pool.install(|| batch.par_iter().map(render).collect());
        for raw in raws.map_err(S::Error::custom)? {
            seq.serialize_element(&raw)?;
        }
    }
    seq.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Top {
        a: u32,
        #[serde(serialize_with = "parallel_list")]
        list: Option<Vec<Item>>,
        b: Vec<u32>,
    }

    #[derive(Serialize)]
    struct Item {
        name: String,
        nested: Vec<Vec<u32>>,
        empty: Vec<u32>,
        map: std::collections::BTreeMap<String, u32>,
    }

    fn top(n: usize) -> Top {
        let list = (0..n)
            .map(|i| Item {
                name: format!("line\nbreak \"{i}\" </script>"),
                nested: vec![vec![i as u32, 2], vec![]],
                empty: vec![],
                map: [("k".to_string(), i as u32)].into_iter().collect(),
            })
            .collect();
        Top { a: 1, list: Some(list), b: vec![3] }
    }

    #[test]
    fn parallel_list_writes_serdes_own_bytes() {
        set_workers(3);
        for n in [0, 1, BATCH / 4, BATCH + 7] {
            let value = top(n);
            for compact in [false, true] {
                let mut got = Vec::new();
                emit_json(&value, compact, None, &mut got).unwrap();
                let mut want =
                    if compact { serde_json::to_vec(&value) } else { serde_json::to_vec_pretty(&value) }
                        .unwrap();
                want.push(b'\n');
                assert_eq!(
                    String::from_utf8(got).unwrap(),
                    String::from_utf8(want).unwrap(),
                    "{n} {compact}"
                );
            }
        }
    }
}
