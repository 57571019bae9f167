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
const PURGE_DELAY_MS: std::os::raw::c_long = 100;

fn main() -> ExitCode {
    // No transparent huge pages. mimalloc asks for them on its arenas (`madvise`), so a page
    // fault zeroes 2 MiB where 4 KiB would do, and memory given back and taken again is zeroed
    // again in 2 MiB pieces. Without them a cold build of 10,000 incidents peaks ~11% lower with
    // the same 5 ms delay (65.2 against 73.6 MiB at the median of 6 runs, against 517f7d0), and
    // freed memory can wait longer before it goes back (below). Linux only; the setting is the
    // process's own and is checked at each page fault, so it covers arenas made before `main`.
    #[cfg(target_os = "linux")]
    // SAFETY: prctl(PR_SET_THP_DISABLE) takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    // Give freed memory back after 100 ms instead of mimalloc's 1,000. With huge pages, 10 ms
    // peaked at ~600 MiB at 100,000 incidents, so this was 5 ms, at the cost of memory given
    // back and zeroed again all through the build. Without them, 100 ms peaks lower than 5 ms
    // did (~415 MiB against ~425 at 100,000) and a cold 10,000 uses ~3% less CPU: more faults
    // (~20,000 against ~13,000), each zeroing 4 KiB (BENCHMARKS.md, 2026-12-07, later). The
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
