//! Convert WordPress JSON and front-matter files into one `Article` JSON
//! line each (JSON Lines), on every core, in memory that does not grow
//! with the input.
//!
//! ```text
//! cargo run --release --example convert -- [OPTIONS] [PATH...]
//! ```
//!
//! See [`args::USAGE`] (`--help`) for the options. The pieces: `walk`
//! finds the files, `pipeline` cuts them into jobs and runs them on the
//! threads, `work` converts a job, `output` writes the lines (to a
//! temporary file renamed at the end), `summary` tells what happened.

mod args;
mod output;
mod pipeline;
mod summary;
mod walk;
mod work;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use signal_hook::consts::{SIGINT, SIGTERM};

use crate::args::show_bytes;
use crate::output::Output;
use crate::pipeline::Stop;
use crate::summary::{Ending, Summary};
use crate::walk::Rules;

fn main() -> ExitCode {
    let args = match args::parse(std::env::args_os().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error(&message),
    };
    if let Some(out) = &args.out
        && let Some(input) = output::among_inputs(out, &args.paths)
    {
        return usage_error(&format!(
            "--out {} is one of the inputs ({}): it would be replaced by its own \
             conversion; write the output elsewhere",
            out.display(),
            input.display()
        ));
    }
    let stop = Stop::default();
    if let Err(err) = watch_signals(&stop) {
        eprintln!("convert: cannot watch for Ctrl-C: {err}");
        return ExitCode::FAILURE;
    }
    let rules = Rules {
        max_file_size: args.max_file_size,
        output: args.out.as_deref().and_then(output::existing),
    };
    let mut output = match Output::create(args.out.as_deref()) {
        Ok(output) => output,
        Err(err) => {
            let out = args.out.as_deref().unwrap_or("stdout".as_ref());
            eprintln!("convert: cannot write {}: {err}", out.display());
            return ExitCode::FAILURE;
        }
    };
    let progress = if !args.quiet && std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::hidden()
    };

    let started = Instant::now();
    let mut summary = Summary::default();
    let mut output_error = None;
    let walked = pipeline::run(&args, &rules, &stop, &mut |done| {
        if let Err(err) = output.write_all(&done.lines) {
            output_error = Some(err.to_string());
            return false;
        }
        for report in done.reports {
            summary.record(report);
        }
        progress.set_message(format!(
            "{} files, {} articles, {}",
            summary.files,
            summary.articles,
            show_bytes(summary.bytes)
        ));
        progress.tick();
        true
    });
    summary.ignored = walked.ignored;
    progress.finish_and_clear();

    let signal = match stop.signal.load(Ordering::Relaxed) {
        0 => None,
        n if n == SIGTERM as usize => Some("SIGTERM"),
        _ => Some("SIGINT"),
    };
    let described = output.describe();
    if output_error.is_none() && signal.is_none() {
        if let Err(err) = output.finish() {
            output_error = Some(err.to_string());
        }
    } else {
        output.abandon();
    }
    summary.report(&Ending {
        seconds: started.elapsed().as_secs_f64(),
        threads: args.threads,
        signal,
        output_error: output_error.clone(),
        output: described,
        quiet: args.quiet,
    });
    if signal.is_some() {
        ExitCode::from(130)
    } else if output_error.is_some() || summary.failed() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("convert: {message}");
    eprintln!("usage: convert [OPTIONS] [PATH...] (--help for more)");
    ExitCode::from(2)
}

/// Ctrl-C and SIGTERM ask the run to stop after the work in hand (the
/// producer sees `stop.signal`); a second one ends the process at once.
fn watch_signals(stop: &Stop) -> std::io::Result<()> {
    let armed = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGTERM] {
        // The exit goes first: on the first signal `armed` is still false.
        signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&armed))?;
        signal_hook::flag::register(signal, Arc::clone(&armed))?;
        signal_hook::flag::register_usize(signal, Arc::clone(&stop.signal), signal as usize)?;
    }
    Ok(())
}
