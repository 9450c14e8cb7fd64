//! Progress for long work, on a terminal only: bytes read with their rate and records per second
//! while importing, a spinner with the step's name while computing or generating. Silent when
//! stderr is not a terminal (pipes, CI, tests) or with `--quiet`, so output stays clean.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

static QUIET: AtomicBool = AtomicBool::new(false);

/// `--quiet`: no progress at all.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

fn shown() -> bool {
    !QUIET.load(Ordering::Relaxed) && std::io::stderr().is_terminal()
}

fn target() -> ProgressDrawTarget {
    if shown() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    }
}

/// A bar over `total` bytes; its message carries the records so far (see [`records`]).
pub fn bytes(total: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total), target());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} reading [{bar:20}] {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} · {msg}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// Shows `n` records read so far and their rate on `bar`.
pub fn records(bar: &ProgressBar, n: u64) {
    if bar.is_hidden() {
        return;
    }
    let seconds = bar.elapsed().as_secs_f64().max(1e-3);
    bar.set_message(format!("{n} records, {:.0} records/s", n as f64 / seconds));
}

/// A spinner saying what is being done, until it is dropped or finished.
pub fn step(what: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, target());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
        bar.set_style(style);
    }
    bar.set_message(what.to_owned());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
