//! xtask: livetrust's own build and test driver, in the style of rust-analyzer's xtask.
//!
//! `cargo xtask serve` and `cargo xtask test` are the two commands the README promises work on a
//! fresh machine: each first installs what is missing (see `install`), then does its job. Besides std it
//! uses only the core (with its `schema` feature), to write the JSON Schemas.

mod bench;
mod install;
mod pipeline;
mod pkg;
mod process;
mod schemas;
mod serve;
mod sizes;
mod test;
mod widgets;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  serve [--dev] [--port N]   install what is missing, build the app and serve it on 127.0.0.1
                             (release build by default; --dev builds faster, bigger code)
  test  [--no-install]       install what is missing, then run every test layer; ends with a
                             summary and a non-zero exit status if anything failed
  install [--browser]        only install the build tools (and Chromium + e2e packages)
  bench [clip|duckdb]        run the native and browser benchmarks (see docs/benchmarks.md);
                             `clip` runs only the clip planner's, `duckdb` only the race
                             against DuckDB on the 1 M-order fixture
  pkg                        build the npm package `livetrust` into crates/wasm/pkg/
  widgets                    build the viewer widgets' custom-element bundle (npm package
                             `livetrust-widgets`) into crates/widgets/pkg/
  schemas                    regenerate schemas/*.schema.json from the Rust model types
  sizes                      print raw/gzip/brotli sizes of dist/*.wasm and dist/*.js
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    let result = match command.as_str() {
        "serve" => serve::run(&rest),
        "test" => test::run(&rest),
        "install" => install::run(&rest),
        "bench" => bench::run(&rest),
        "pkg" => install::build_tools().and_then(|()| pkg::build()),
        "widgets" => install::build_tools().and_then(|()| widgets::build()),
        "schemas" => schemas::write(),
        "sizes" => sizes::print_report(&process::project_root().join("dist"))
            .and_then(|()| sizes::print_report(&widgets::out_dir())),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
