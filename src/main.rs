//! The `beacon` binary: parses arguments, runs the command, prints the outcome or the errors,
//! and picks the exit status (0 ok, 1 content errors, 2 usage or I/O errors).

use std::process::ExitCode;

use beacon::cli::{run, Cli};
use beacon::Error;
use clap::Parser;

// Rendering makes many short-lived strings and maps on every thread at once; mimalloc's
// per-thread heaps make that markedly cheaper than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (the same position in its v2 and v3 option lists).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// See `main`.
const PURGE_DELAY_MS: std::os::raw::c_long = 5;

fn main() -> ExitCode {
    // Give freed memory back after 5 ms instead of mimalloc's 10. At 100,000 incidents, 10 ms
    // peaked at ~600 MiB and 0 ms (at once) cost ~40% more CPU time in page faults and zeroing;
    // 5 ms peaked at ~480 MiB for ~5% more CPU time than 10 ms (BENCHMARKS.md). The
    // MIMALLOC_PURGE_DELAY variable, when set, wins, so the settings can be compared.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: the option calls are not thread-safe; no other thread exists yet.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    }
    let cli = Cli::parse();
    match run(&cli) {
        Ok(outcome) => {
            // Warnings show even with --quiet: a skipped file is what a CI log must not hide.
            for warning in &outcome.warnings {
                eprintln!("warning: {warning}\n");
            }
            if !cli.quiet {
                for line in outcome.lines {
                    println!("{line}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            if let Error::Content(diagnostics) = &error {
                for d in diagnostics {
                    eprintln!("{d}\n");
                }
            }
            eprintln!("error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
