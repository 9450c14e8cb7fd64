//! A sequence of named steps with timings, pass/fail/skip outcomes and test counts, ending in one
//! summary whose last line reads `steps: N passed, M failed`.

use std::time::Instant;

use crate::process::{Result, TestCounts};

#[derive(Debug)]
enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

#[derive(Debug)]
struct Step {
    name: String,
    outcome: Outcome,
    seconds: f64,
}

#[derive(Debug, Default)]
pub struct Pipeline {
    steps: Vec<Step>,
    tests: TestCounts,
    notes: Vec<String>,
}

impl Pipeline {
    /// Runs a step and records it; returns whether it passed.
    pub fn step(&mut self, name: &str, body: impl FnOnce() -> (Result, TestCounts)) -> bool {
        println!("\n=== {name}");
        let start = Instant::now();
        let (result, counts) = body();
        self.tests.add(counts);
        let passed = result.is_ok();
        let outcome = match result {
            Ok(()) => Outcome::Passed,
            Err(e) => {
                eprintln!("=== {name}: FAILED: {e}");
                Outcome::Failed(e)
            }
        };
        self.steps.push(Step {
            name: name.to_owned(),
            outcome,
            seconds: start.elapsed().as_secs_f64(),
        });
        passed
    }

    pub fn skip(&mut self, name: &str, reason: &str) {
        self.steps.push(Step {
            name: name.to_owned(),
            outcome: Outcome::Skipped(reason.to_owned()),
            seconds: 0.0,
        });
    }

    /// A block of text printed in the summary (e.g. the size table).
    pub fn note(&mut self, text: String) {
        self.notes.push(text);
    }

    pub fn failed(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| !matches!(s.outcome, Outcome::Passed))
            .count()
    }

    /// Prints the summary; Err when any step failed or was skipped.
    pub fn finish(self) -> Result {
        println!("\n=== summary");
        for step in &self.steps {
            let (mark, detail) = match &step.outcome {
                Outcome::Passed => ("ok  ", String::new()),
                Outcome::Failed(e) => ("FAIL", format!("  {e}")),
                Outcome::Skipped(why) => ("skip", format!("  ({why})")),
            };
            println!("{mark} {:<40} {:>7.1}s{detail}", step.name, step.seconds);
        }
        for note in &self.notes {
            println!("\n{note}");
        }
        let total: f64 = self.steps.iter().map(|s| s.seconds).sum();
        let failed = self.failed();
        let passed = self.steps.len() - failed;
        println!(
            "\ntests: {} passed, {} failed",
            self.tests.passed, self.tests.failed
        );
        println!("time: {total:.0}s");
        println!("steps: {passed} passed, {failed} failed");
        if failed == 0 {
            Ok(())
        } else {
            Err(format!("{failed} step(s) failed or were skipped"))
        }
    }
}
