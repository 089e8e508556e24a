use clap::Parser;
use monodup::{cli::Cli, run, ExitStatus};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are not errors.
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    match run(cli, &mut stdout.lock(), &mut stderr.lock()) {
        ExitStatus::Success => ExitCode::SUCCESS,
        ExitStatus::Failure => ExitCode::from(1),
        ExitStatus::Error => ExitCode::from(2),
    }
}
