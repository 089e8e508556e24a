//! Stage timings, shared by the pipeline and the stages that time their own steps (plan,
//! clones). Laps are kept until [`drain`] writes them to the command's error writer (stderr for
//! the binary, a buffer for an in-process caller), so that nothing goes around it.

use std::sync::Mutex;

/// Laps taken and not yet written, from any thread.
static LAPS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Writes the laps taken so far to `err`, in the order they were taken.
pub fn drain(err: &mut dyn std::io::Write) {
    let laps = LAPS.lock().map(|mut l| std::mem::take(&mut *l)).unwrap_or_default();
    for line in laps {
        let _ = writeln!(err, "{line}");
    }
}

/// Stage timings when `MONODUP_TIMINGS` is set (for benchmarking by hand).
pub struct Timer {
    on: bool,
    last: std::time::Instant,
    /// [`cpu_ms`] at the last lap.
    cpu: f64,
}

impl Default for Timer {
    fn default() -> Self {
        let on = std::env::var_os("MONODUP_TIMINGS").is_some();
        Timer { on, last: std::time::Instant::now(), cpu: if on { cpu_ms() } else { 0.0 } }
    }
}

impl Timer {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn lap(&mut self, stage: &str) {
        if self.on {
            let ms = self.last.elapsed().as_secs_f64() * 1e3;
            let cpu = cpu_ms();
            let cores = (cpu - self.cpu) / ms.max(1e-3);
            self.cpu = cpu;
            let line = match memory_mb() {
                Some((now, peak)) => format!(
                    "monodup: {stage:<10} {ms:>8.1} ms  rss {now:>5} MB  peak {peak:>5} MB  cores {cores:>4.2}"
                ),
                None => format!("monodup: {stage:<10} {ms:>8.1} ms  cores {cores:>4.2}"),
            };
            if let Ok(mut laps) = LAPS.lock() {
                laps.push(line);
            }
        }
        self.last = std::time::Instant::now();
    }
}

/// CPU time (user and system) the process has used so far, in milliseconds: a lap's share of it
/// over its wall time is how many cores the stage kept busy.
#[cfg(unix)]
fn cpu_ms() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0.0;
    }
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

#[cfg(not(unix))]
fn cpu_ms() -> f64 {
    0.0
}

/// The process's resident memory now and at its peak so far (Linux `VmRSS`, `VmHWM`), to see
/// which stage sets the peak.
fn memory_mb() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        Some(line.split_whitespace().nth(1)?.parse::<u64>().ok()? / 1024)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}
