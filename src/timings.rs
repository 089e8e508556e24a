//! Stage timings, shared by the pipeline and the stages that time their own steps (plan).

/// Stage timings on stderr when `MONODUP_TIMINGS` is set (for benchmarking by hand).
pub struct Timer {
    on: bool,
    last: std::time::Instant,
}

impl Default for Timer {
    fn default() -> Self {
        Timer { on: std::env::var_os("MONODUP_TIMINGS").is_some(), last: std::time::Instant::now() }
    }
}

impl Timer {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn lap(&mut self, stage: &str) {
        if self.on {
            eprintln!("monodup: {stage:<10} {:>8.1} ms", self.last.elapsed().as_secs_f64() * 1e3);
        }
        self.last = std::time::Instant::now();
    }
}
