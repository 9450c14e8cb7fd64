//! Running external commands from the project root with the tool directories on PATH, streaming
//! their output while scanning it for test-runner result lines.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (xtask lives one level below it).
pub fn project_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin_dir() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    cargo_home.join("bin")
}

/// PATH with the npm build tools (wasm-opt) and cargo-installed tools first, so that Trunk and
/// the wasm test runner find exactly the versions xtask installed.
pub fn tool_path() -> std::ffi::OsString {
    let mut dirs = vec![
        project_root().join("tools/node_modules/.bin"),
        cargo_bin_dir(),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// A command to run from the project root with [`tool_path`].
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args)
        .current_dir(project_root())
        .env("PATH", tool_path())
        .env("CARGO_TERM_COLOR", "never")
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    c
}

pub fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Runs a command with inherited output; Ok when it exits 0.
pub fn run(mut c: Command) -> Result {
    let line = describe(&c);
    println!("$ {line}");
    let status = c
        .status()
        .map_err(|e| format!("cannot start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed with {status}"))
    }
}

/// Runs a command and returns its standard output when it exits 0.
pub fn output(mut c: Command) -> Result<String> {
    let line = describe(&c);
    let out = c
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start `{line}`: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!("`{line}` failed with {}", out.status))
    }
}

/// Test counts read from runner output.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TestCounts {
    pub passed: u64,
    pub failed: u64,
}

impl TestCounts {
    pub fn add(&mut self, other: TestCounts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }

    /// Reads one line of cargo test / wasm-bindgen-test (`test result: ok. 5 passed; 0 failed; …`)
    /// or node's test runner (`# pass 5`, `# fail 0`).
    pub fn scan_line(line: &str) -> TestCounts {
        let line = line.trim();
        let number_before = |s: &str, word: &str| -> u64 {
            s.split(';')
                .find_map(|part| {
                    let part = part.trim().trim_start_matches("test result: ok.");
                    let part = part.trim_start_matches("test result: FAILED.").trim();
                    part.strip_suffix(word).and_then(|n| n.trim().parse().ok())
                })
                .unwrap_or(0)
        };
        if line.starts_with("test result:") {
            TestCounts {
                passed: number_before(line, "passed"),
                failed: number_before(line, "failed"),
            }
        } else if let Some(n) = line.strip_prefix("# pass ") {
            TestCounts {
                passed: n.trim().parse().unwrap_or(0),
                failed: 0,
            }
        } else if let Some(n) = line.strip_prefix("# fail ") {
            TestCounts {
                passed: 0,
                failed: n.trim().parse().unwrap_or(0),
            }
        } else {
            TestCounts::default()
        }
    }
}

/// Runs a command, echoing its output as it comes, and returns whether it succeeded together with
/// the test counts found in its output.
pub fn run_scanned(mut c: Command) -> (Result, TestCounts) {
    let line = describe(&c);
    println!("$ {line}");
    let child = c.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => {
            return (
                Err(format!("cannot start `{line}`: {e}")),
                TestCounts::default(),
            )
        }
    };
    let counts = Arc::new(Mutex::new(TestCounts::default()));
    let pumps: Vec<_> = [
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .flatten()
    .enumerate()
    .map(|(i, stream)| {
        let counts = Arc::clone(&counts);
        thread::spawn(move || {
            for text in BufReader::new(stream)
                .lines()
                .map_while(std::io::Result::ok)
            {
                if i == 0 {
                    println!("{text}");
                    let _ = std::io::stdout().flush();
                } else {
                    eprintln!("{text}");
                }
                if let Ok(mut c) = counts.lock() {
                    c.add(TestCounts::scan_line(&text));
                }
            }
        })
    })
    .collect();
    let status = child.wait();
    for p in pumps {
        let _ = p.join();
    }
    let counts = counts.lock().map(|c| *c).unwrap_or_default();
    let result = match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("`{line}` failed with {s}")),
        Err(e) => Err(format!("`{line}`: {e}")),
    };
    (result, counts)
}

#[cfg(test)]
mod tests {
    use super::TestCounts;

    #[test]
    fn scans_cargo_and_node_result_lines() {
        assert_eq!(
            TestCounts::scan_line(
                "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.1s"
            ),
            TestCounts { passed: 12, failed: 0 }
        );
        assert_eq!(
            TestCounts::scan_line("test result: FAILED. 3 passed; 2 failed; 0 ignored"),
            TestCounts {
                passed: 3,
                failed: 2
            }
        );
        assert_eq!(
            TestCounts::scan_line("# pass 7"),
            TestCounts {
                passed: 7,
                failed: 0
            }
        );
        assert_eq!(
            TestCounts::scan_line("# fail 1"),
            TestCounts {
                passed: 0,
                failed: 1
            }
        );
        assert_eq!(
            TestCounts::scan_line("running 3 tests"),
            TestCounts::default()
        );
    }
}
