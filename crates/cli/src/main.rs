//! `livetrust`: the native command line over livetrust-core.
//!
//! Each subcommand reads JSON (a file or `-` for standard input), calls the same core function
//! the wasm package exposes, and prints the same JSON. Errors go to standard error as a readable
//! line plus the core's typed error as JSON, with a non-zero exit status.

mod clip;
mod convert;
mod demo;
mod files;
mod progress;
mod traffic;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use livetrust_core::import::{ImportOptions, Importer};
use livetrust_core::{peer_tier, Error};
use serde::de::DeserializeOwned;
use serde::Serialize;

#[derive(Debug, Parser)]
#[command(
    name = "livetrust",
    version,
    about = "Trust-commerce toolkit for live-stream e-commerce"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// No progress bars (they are shown only when stderr is a terminal anyway).
    #[arg(long, short, global = true)]
    quiet: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Place a merchant's score among its category peers (tier and "better than x% of peers").
    ///
    /// Input: {"score": 0-100, "peerScores": [...], "cutoffs"?: {"leadingFrom", "averageFrom"}}
    Place {
        /// JSON input file, or `-` for standard input.
        input: PathBuf,
    },
    /// The repeat-buyer recommendation index (回头客推荐指数) of one merchant, or of all, as the
    /// same JSON report the wasm package gives. Invalid records are skipped and listed on stderr.
    Index {
        /// Dataset directory or file (as for `validate`).
        #[arg(long)]
        data: PathBuf,
        /// Only this merchant (default: every merchant, as a JSON array).
        #[arg(long)]
        merchant: Option<String>,
        /// The day T (YYYY-MM-DD, Asia/Shanghai); default: the day after the latest order.
        #[arg(long)]
        as_of: Option<String>,
        /// An index configuration as JSON (IndexConfig; absent fields take the defaults).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// The repeat-buyer reviews (回头客说) of one merchant, or of all: the reviews shown, the aspect
    /// tags with their counts, and what was left out and why, as the same JSON the wasm package
    /// gives. For all, the brushing guard and the texts' fingerprints are computed once.
    Reviews {
        /// Dataset directory or file (as for `validate`).
        #[arg(long)]
        data: PathBuf,
        /// Only this merchant (default: every merchant, as a JSON array).
        #[arg(long)]
        merchant: Option<String>,
        /// The day T (YYYY-MM-DD, Asia/Shanghai); default: the day after the latest order.
        #[arg(long)]
        as_of: Option<String>,
        /// A reviews configuration as JSON (ReviewsConfig; absent fields take the defaults).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// The reviews' clean-up and aspect tags over bare review texts, one per line (a corpus
    /// without orders or buyers, such as a scraped review file): the same JSON as the wasm
    /// package's `cleanReviewTexts`. Eligibility and copy-paste spam need buyers and are not run.
    ReviewTexts {
        /// UTF-8 text files, one review per line (lines of all files, in order; blank lines count
        /// as empty reviews). `-` reads stdin.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// A reviews configuration as JSON (ReviewsConfig; absent fields take the defaults).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// A live preview (直播预告): check a draft, propose one from the data (`--generate`, keeping
    /// every field the draft marks as edited), and with `--data` its audience package (人群包). The
    /// same JSON as the wasm `Market.preview` / `checkPreview`. Exits 1 when the preview has
    /// problems (they are in the JSON), 2 when the request cannot be run.
    Preview {
        /// The draft preview as JSON (required unless `--generate --merchant` proposes one).
        #[arg(long)]
        draft: Option<PathBuf>,
        /// Dataset directory or file: the catalogue to check against, the history to target.
        #[arg(long)]
        data: Option<PathBuf>,
        /// Propose the preview from the data (around the draft when one is given).
        #[arg(long)]
        generate: bool,
        /// The merchant to propose for, without a draft.
        #[arg(long)]
        merchant: Option<String>,
        /// The time to check the start against (RFC 3339); default: now.
        #[arg(long)]
        now: Option<String>,
        /// A preview configuration as JSON (PreviewConfig; absent fields take the defaults).
        #[arg(long)]
        config: Option<PathBuf>,
        /// An audience configuration as JSON (AudienceConfig).
        #[arg(long)]
        audience_config: Option<PathBuf>,
        /// Followers and earlier reservations as JSON (AudienceSignals).
        #[arg(long)]
        signals: Option<PathBuf>,
    },
    /// A 30-second lead-in clip (直播引流短视频) from a live session: the best moments so far and
    /// the product coming up, as an edit decision list (the wasm `planClip`'s JSON) or a file
    /// for an editor or FFmpeg.
    Clip {
        /// A session file: `{"session": LiveSession, "products": [...]}` or a bare session.
        #[arg(long, conflicts_with = "data")]
        session: Option<PathBuf>,
        /// Dataset directory or file holding the session (with `--session-id`).
        #[arg(long, requires = "session_id")]
        data: Option<PathBuf>,
        #[arg(long)]
        session_id: Option<String>,
        /// A ClipRequest as JSON (budget, shots, locked and excluded parts, config).
        #[arg(long)]
        request: Option<PathBuf>,
        /// The clip's length limit in milliseconds (default 30 000).
        #[arg(long)]
        budget_ms: Option<u32>,
        /// The clip's moment, in seconds from the session start.
        #[arg(long)]
        at: Option<u32>,
        /// Caption language: zh (default) or en.
        #[arg(long)]
        lang: Option<String>,
        /// json, otio, edl, vtt or ffconcat.
        #[arg(long, default_value = "json")]
        format: String,
        /// The recording the cuts refer to (OTIO target, EDL source file, ffconcat file).
        #[arg(long, default_value = "recording.mp4")]
        media: String,
    },
    /// The live assistant's staging zone (上车准备区) of a session: the edits applied under the
    /// rules, the coming-up strip, and the priority audience matching for the staged products
    /// (the wasm `Market.staging`'s JSON).
    Staging {
        /// Dataset directory or file holding the session.
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        session_id: String,
        /// A StagingRequest as JSON: `{"state"?, "edits": [...], "config"?}`.
        #[arg(long)]
        request: Option<PathBuf>,
    },
    /// The cold-start assistant (冷启助手) for a merchant: its type's step plan, each step's
    /// progress from the data, the next step and what is missing for it.
    Coldstart {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        merchant: String,
        /// A ColdStartConfig JSON (default: the documented plans, docs/coldstart.md).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// "1+N" leverage (1+N 撬动): what a merchant's paid pushes levered in natural exposure and
    /// GMV, with a 90 % interval or "not enough data"; with `--market`, every merchant and the
    /// distribution.
    Leverage {
        #[arg(long)]
        data: PathBuf,
        #[arg(long, required_unless_present = "market", conflicts_with = "market")]
        merchant: Option<String>,
        /// Every merchant with traffic records, and the market's distribution.
        #[arg(long)]
        market: bool,
        /// A LeverageConfig JSON (default: the documented settings, docs/traffic.md).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Trust-weighted natural traffic (信任加权自然流量): the model of how a category's natural
    /// exposure is shared by reach and the index, fitted to the data, and what a what-if score
    /// would mean for the merchant's expected natural exposure per session.
    Traffic {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        merchant: String,
        /// The index score (0–100) to simulate, as the back office's what-if panel gives it.
        #[arg(long)]
        what_if_score: Option<f64>,
        /// The day T the index is computed as of (default: the day after the latest order).
        #[arg(long)]
        as_of: Option<String>,
        /// A TrafficConfig JSON (default: the documented settings, docs/traffic.md).
        #[arg(long)]
        config: Option<PathBuf>,
        /// An index configuration as JSON (IndexConfig; absent fields take the defaults).
        #[arg(long)]
        index_config: Option<PathBuf>,
    },
    /// The campaign calendar (营销日历) for a merchant: each campaign's status, its gates with
    /// the merchant's values, what to improve and the dates that matter; or chosen campaigns
    /// as an .ics file.
    Calendar {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        merchant: String,
        /// A calendar JSON file (default: the demo's 2022 calendar, docs/calendar.md).
        #[arg(long)]
        calendar: Option<PathBuf>,
        /// The day T the index is computed as of (default: the day after the latest order).
        #[arg(long)]
        as_of: Option<String>,
        /// The day the statuses and countdowns are for, YYYY-MM-DD (default: T).
        #[arg(long)]
        today: Option<String>,
        /// Print these campaigns (by id, repeatable) as an .ics file instead of the report.
        #[arg(long = "ics")]
        ics: Vec<String>,
    },
    /// Write the deterministic demo marketplace as a dataset directory of NDJSON files.
    Demo {
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        #[arg(long, default_value_t = 300)]
        merchants: u32,
        /// The day the data ends (exclusive), YYYY-MM-DD.
        #[arg(long, default_value = "2026-11-24")]
        as_of: String,
        /// Days of history before `--as-of`.
        #[arg(long, default_value_t = 75)]
        history_days: u32,
        /// Merchants of the planted cold-start cohort, added on top of `--merchants`.
        #[arg(long, default_value_t = 36)]
        cold_start_cohort: u32,
        /// Add merchant `big` with this many orders in the last 30 days (a benchmark fixture).
        #[arg(long, default_value_t = 0)]
        large_merchant_orders: usize,
        /// Reviews of the large merchant's orders.
        #[arg(long, default_value_t = 0)]
        large_merchant_reviews: usize,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a dataset again as Parquet (one file per table, the CSV layout's columns; the
    /// default) or NDJSON, for DuckDB, pandas, Polars or Spark. Records with problems are listed
    /// on stderr and left out
    Convert {
        /// Dataset directory or file (as for `validate`)
        #[arg(long)]
        data: PathBuf,
        /// The format to write
        #[arg(long, value_enum, default_value_t = convert::Target::Parquet)]
        to: convert::Target,
        /// The directory to write the tables to (created if missing)
        #[arg(long)]
        out: PathBuf,
    },
    /// Validate marketplace data: a directory of table files (orders.ndjson, merchants.csv, …),
    /// one such file, or a whole-dataset JSON file. Reports every problem with file, record,
    /// field and reason; exits 1 when there are problems. Files are streamed, not loaded whole.
    Validate {
        path: PathBuf,
        /// Print the report as JSON (the same shape as the wasm `validate`).
        #[arg(long)]
        json: bool,
        /// List at most this many problems (all are counted).
        #[arg(long, default_value_t = 1000)]
        max_problems: usize,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    progress::set_quiet(cli.quiet);
    let result = match &cli.command {
        Command::Place { input } => {
            read_json(input).and_then(|i| run_core(&i, peer_tier::place_against_peers))
        }
        Command::Index {
            data,
            merchant,
            as_of,
            config,
        } => index(
            data,
            merchant.as_deref(),
            as_of.as_deref(),
            config.as_deref(),
        ),
        Command::Reviews {
            data,
            merchant,
            as_of,
            config,
        } => reviews(
            data,
            merchant.as_deref(),
            as_of.as_deref(),
            config.as_deref(),
        ),
        Command::ReviewTexts { files, config } => review_texts(files, config.as_deref()),
        Command::Clip {
            session,
            data,
            session_id,
            request,
            budget_ms,
            at,
            lang,
            format,
            media,
        } => clip::run(&clip::ClipOptions {
            session: session.as_deref(),
            data: data.as_deref(),
            session_id: session_id.as_deref(),
            request: request.as_deref(),
            budget_ms: *budget_ms,
            at_second: *at,
            lang: lang.as_deref(),
            format,
            media,
        })
        .map(|text| text.trim_end().to_owned()),
        Command::Staging {
            data,
            session_id,
            request,
        } => staging(data, session_id, request.as_deref()),
        Command::Coldstart {
            data,
            merchant,
            config,
        } => coldstart(data, merchant, config.as_deref()),
        Command::Leverage {
            data,
            merchant,
            market: _,
            config,
        } => traffic::leverage(data, merchant.as_deref(), config.as_deref()),
        Command::Traffic {
            data,
            merchant,
            what_if_score,
            as_of,
            config,
            index_config,
        } => traffic::traffic(
            data,
            merchant,
            *what_if_score,
            as_of.as_deref(),
            config.as_deref(),
            index_config.as_deref(),
        ),
        Command::Calendar {
            data,
            merchant,
            calendar,
            as_of,
            today,
            ics,
        } => calendar_command(
            data,
            merchant,
            calendar.as_deref(),
            as_of.as_deref(),
            today.as_deref(),
            ics,
        ),
        Command::Demo {
            seed,
            merchants,
            as_of,
            history_days,
            cold_start_cohort,
            large_merchant_orders,
            large_merchant_reviews,
            out,
        } => as_of
            .parse()
            .map_err(|reason: String| Failure::from(Error::invalid_field("asOf", reason)))
            .and_then(|as_of| {
                let config = livetrust_core::generate::GenerateConfig {
                    seed: *seed,
                    merchants: *merchants,
                    as_of,
                    history_days: *history_days,
                    cold_start_cohort: *cold_start_cohort,
                };
                demo::run(
                    &config,
                    (*large_merchant_orders, *large_merchant_reviews),
                    out,
                )
                .map_err(Failure::from)
            }),
        Command::Validate {
            path,
            json,
            max_problems,
        } => return validate(path, *json, *max_problems),
        Command::Convert { data, to, out } => convert::run(data, *to, out),
        Command::Preview {
            draft,
            data,
            generate,
            merchant,
            now,
            config,
            audience_config,
            signals,
        } => {
            let options = PreviewOptions {
                draft: draft.as_deref(),
                data: data.as_deref(),
                generate: *generate,
                merchant: merchant.clone(),
                now: now.as_deref(),
                config: config.as_deref(),
                audience_config: audience_config.as_deref(),
                signals: signals.as_deref(),
            };
            return match preview(&options) {
                Ok((json, clean)) => {
                    emit(&format!("{json}\n"));
                    if clean {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(1)
                    }
                }
                Err(failure) => {
                    eprintln!("error: {}", failure.message);
                    if let Some(typed) = failure.typed {
                        eprintln!("{typed}");
                    }
                    ExitCode::from(2)
                }
            };
        }
    };
    match result {
        // CRLF-terminated files (.ics) are printed as they are.
        Ok(text) if text.ends_with("\r\n") => {
            emit(&text);
            ExitCode::SUCCESS
        }
        Ok(json) => {
            emit(&format!("{json}\n"));
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("error: {}", failure.message);
            if let Some(typed) = failure.typed {
                eprintln!("{typed}");
            }
            ExitCode::from(failure.exit_code)
        }
    }
}

/// Reads an index configuration file: a typed error naming the field for a bad value.
pub(crate) fn read_config(
    path: &std::path::Path,
) -> Result<livetrust_core::index::IndexConfig, Failure> {
    let config: livetrust_core::index::IndexConfig = read_json_file(path)?;
    config.validate()?;
    Ok(config)
}

/// A configuration file as `T`; a bad value is a field error with the field's JSON path.
fn read_json_file<T: serde::de::DeserializeOwned>(path: &std::path::Path) -> Result<T, Failure> {
    read_json_named(path, "config")
}

/// A JSON file as `T`; a bad value is a field error with the field's JSON path, or `root` when
/// the whole document is wrong.
fn read_json_named<T: serde::de::DeserializeOwned>(
    path: &std::path::Path,
    root: &str,
) -> Result<T, Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| Failure {
        message: format!("cannot read {}: {e}", path.display()),
        typed: None,
        exit_code: 2,
    })?;
    let mut de = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        // The same field paths the configurations' `validate` uses (`guard.discountWeight`).
        let field = match e.path().to_string() {
            path if path == "." => root.to_owned(),
            path => path,
        };
        Failure::from(Error::invalid_field(field, e.into_inner().to_string()))
    })
}

/// Imports a dataset (problems listed on stderr, their records skipped) and the day T.
pub(crate) fn load(
    data: &std::path::Path,
    as_of: Option<&str>,
) -> Result<
    (
        livetrust_core::model::Dataset,
        livetrust_core::model::LocalDate,
    ),
    Failure,
> {
    let dataset = load_records(data)?;
    let as_of = dataset.as_of_or_default(as_of)?;
    Ok((dataset, as_of))
}

/// `livetrust staging`: the request (default: an empty zone at the clock's 0) on the session.
fn staging(
    data: &std::path::Path,
    session_id: &str,
    request: Option<&std::path::Path>,
) -> Result<String, Failure> {
    let request: livetrust_core::staging::StagingRequest = match request {
        Some(path) => read_json_named(path, "request")?,
        None => livetrust_core::staging::StagingRequest::default(),
    };
    let report = livetrust_core::staging::run(&load_records(data)?, session_id, &request, None)?;
    serde_json::to_string_pretty(&report).map_err(|e| Failure {
        message: format!("cannot serialize the report: {e}"),
        typed: None,
        exit_code: 1,
    })
}

/// `livetrust coldstart`: the merchant's cold-start plan with its progress.
fn coldstart(
    data: &std::path::Path,
    merchant: &str,
    config: Option<&std::path::Path>,
) -> Result<String, Failure> {
    use livetrust_core::coldstart::{self, ColdStartConfig};
    let config: ColdStartConfig = match config {
        Some(path) => read_json_named(path, "config")?,
        None => ColdStartConfig::default(),
    };
    let report = coldstart::run(&load_records(data)?, merchant, &config)?;
    serde_json::to_string_pretty(&report).map_err(|e| Failure {
        message: format!("cannot serialize the report: {e}"),
        typed: None,
        exit_code: 1,
    })
}

/// `livetrust calendar`: the merchant's view of the calendar, or the chosen campaigns as .ics.
fn calendar_command(
    data: &std::path::Path,
    merchant: &str,
    calendar: Option<&std::path::Path>,
    as_of: Option<&str>,
    today: Option<&str>,
    ics: &[String],
) -> Result<String, Failure> {
    use livetrust_core::calendar::{self, CampaignCalendar};
    let calendar: CampaignCalendar = match calendar {
        Some(path) => read_json_named(path, "calendar")?,
        None => calendar::demo_calendar()?,
    };
    let (dataset, as_of) = load(data, as_of)?;
    let today = match today {
        Some(text) => text.parse().map_err(|_| {
            livetrust_core::Error::invalid_field(
                "today",
                format!("{text:?} is not a YYYY-MM-DD date"),
            )
        })?,
        None => as_of,
    };
    if !ics.is_empty() {
        return Ok(calendar::campaigns_ics(&calendar, ics, today.start())?);
    }
    let report = calendar::run(
        &dataset,
        merchant,
        as_of,
        today,
        &calendar,
        &livetrust_core::index::IndexConfig::default(),
    )?;
    serde_json::to_string_pretty(&report).map_err(|e| Failure {
        message: format!("cannot serialize the report: {e}"),
        typed: None,
        exit_code: 1,
    })
}

/// Imports a dataset; problems are listed on stderr and their records skipped.
pub(crate) fn load_records(
    data: &std::path::Path,
) -> Result<livetrust_core::model::Dataset, Failure> {
    let files = files::data_files(data).map_err(|e| Failure {
        message: format!("cannot read {}: {e}", data.display()),
        typed: None,
        exit_code: 2,
    })?;
    let mut importer = Importer::new(ImportOptions::default());
    files::import_paths(&mut importer, &files);
    let imported = importer.finish();
    if !imported.report.is_clean() {
        eprint!("{}", imported.report.to_text());
        eprintln!(
            "warning: {} records with problems were skipped",
            imported.report.skipped()
        );
    }
    Ok(imported.dataset)
}

struct PreviewOptions<'a> {
    draft: Option<&'a std::path::Path>,
    data: Option<&'a std::path::Path>,
    generate: bool,
    merchant: Option<String>,
    now: Option<&'a str>,
    config: Option<&'a std::path::Path>,
    audience_config: Option<&'a std::path::Path>,
    signals: Option<&'a std::path::Path>,
}

/// The preview outcome as JSON, and whether it has no problems.
fn preview(options: &PreviewOptions) -> Result<(String, bool), Failure> {
    use livetrust_core::model::Timestamp;
    use livetrust_core::preview::{run, PreviewRequest};
    let now: Timestamp = match options.now {
        Some(text) => text
            .parse()
            .map_err(|reason: String| Failure::from(Error::invalid_field("now", reason)))?,
        None => {
            let seconds = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64);
            Timestamp::from_unix(seconds).ok_or_else(|| {
                Failure::from(Error::invalid_field("now", "the clock is out of range"))
            })?
        }
    };
    let request = PreviewRequest {
        draft: options
            .draft
            .map(|path| read_json_named(path, "draft"))
            .transpose()?,
        merchant_id: options.merchant.clone(),
        generate: options.generate,
        now,
        config: options.config.map(read_json_file).transpose()?,
        audience: options.audience_config.map(read_json_file).transpose()?,
        signals: options
            .signals
            .map(|path| read_json_named(path, "signals"))
            .transpose()?,
    };
    let dataset = match options.data {
        Some(path) => Some(load_records(path)?),
        None => None,
    };
    let outcome = run(&request, dataset.as_ref(), None)?;
    let clean = outcome.problems.is_empty();
    serde_json::to_string_pretty(&outcome)
        .map(|json| (json, clean))
        .map_err(|e| Failure {
            message: format!("cannot serialize the preview: {e}"),
            typed: None,
            exit_code: 2,
        })
}

fn reviews(
    data: &std::path::Path,
    merchant: Option<&str>,
    as_of: Option<&str>,
    config: Option<&std::path::Path>,
) -> Result<String, Failure> {
    use livetrust_core::reviews::{Reviews, ReviewsConfig};
    let config: ReviewsConfig = match config {
        Some(path) => read_json_file(path)?,
        None => ReviewsConfig::default(),
    };
    let (dataset, as_of) = load(data, as_of)?;
    let prepared = Reviews::prepare(
        &dataset,
        as_of,
        &config,
        &livetrust_core::index::IndexConfig::default(),
    )?;
    let json = match merchant {
        Some(id) => serde_json::to_string_pretty(&prepared.report(id)?),
        None => {
            let reports = dataset
                .merchants
                .iter()
                .map(|m| prepared.report(&m.id))
                .collect::<Result<Vec<_>, _>>()?;
            serde_json::to_string_pretty(&reports)
        }
    };
    json.map_err(|e| Failure {
        message: format!("cannot serialize the report: {e}"),
        typed: None,
        exit_code: 1,
    })
}

fn review_texts(
    files: &[std::path::PathBuf],
    config: Option<&std::path::Path>,
) -> Result<String, Failure> {
    use livetrust_core::reviews::{clean_texts, ReviewsConfig};
    use std::io::Read;
    let config: ReviewsConfig = match config {
        Some(path) => read_json_file(path)?,
        None => ReviewsConfig::default(),
    };
    let mut all = String::new();
    for path in files {
        let mut text = String::new();
        let read = if path.as_os_str() == "-" {
            std::io::stdin().read_to_string(&mut text).map(|_| ())
        } else {
            std::fs::read(path).and_then(|bytes| {
                String::from_utf8(bytes)
                    .map(|t| text = t)
                    .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
            })
        };
        read.map_err(|e| Failure {
            message: format!("cannot read {} as UTF-8 text: {e}", path.display()),
            typed: None,
            exit_code: 2,
        })?;
        all.push_str(text.strip_suffix('\n').unwrap_or(&text));
        all.push('\n');
    }
    let lines: Vec<&str> = all
        .lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let report = clean_texts(&lines, &config)?;
    serde_json::to_string_pretty(&report).map_err(|e| Failure {
        message: format!("cannot serialize the report: {e}"),
        typed: None,
        exit_code: 1,
    })
}

fn index(
    data: &std::path::Path,
    merchant: Option<&str>,
    as_of: Option<&str>,
    config: Option<&std::path::Path>,
) -> Result<String, Failure> {
    use livetrust_core::index::{market_index, IndexConfig};
    let config = match config {
        Some(path) => read_config(path)?,
        None => IndexConfig::default(),
    };
    let (dataset, as_of) = load(data, as_of)?;
    let step = progress::step("computing the index");
    let market = market_index(&dataset, as_of, &config)?;
    let json = match merchant {
        Some(id) => serde_json::to_string_pretty(&market.report(id, &config)?),
        None => serde_json::to_string_pretty(&market.reports(&config)?),
    };
    step.finish_and_clear();
    json.map_err(|e| Failure {
        message: format!("cannot serialize the report: {e}"),
        typed: None,
        exit_code: 1,
    })
}

fn validate(path: &std::path::Path, json: bool, max_problems: usize) -> ExitCode {
    let files = match files::data_files(path) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let mut importer = Importer::new(ImportOptions {
        keep_records: false,
        max_problems,
    });
    files::import_paths(&mut importer, &files);
    let report = importer.finish().report;
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => emit(&format!("{text}\n")),
            Err(e) => {
                eprintln!("error: cannot serialize the report: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        emit(&report.to_text());
        emit(&format!(
            "{} records accepted, {} skipped, {} problems\n",
            report.accepted(),
            report.skipped(),
            report.problem_count
        ));
    }
    if report.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Writes to standard output; a closed pipe (`livetrust … | head`) is not an error worth a panic.
fn emit(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

pub(crate) struct Failure {
    pub(crate) message: String,
    /// The core error as JSON, the same shape the wasm package throws.
    pub(crate) typed: Option<String>,
    pub(crate) exit_code: u8,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure {
            message: error.to_string(),
            typed: serde_json::to_string(&error).ok(),
            exit_code: 1,
        }
    }
}

fn read_json<T: DeserializeOwned>(path: &PathBuf) -> Result<T, Failure> {
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text))
    };
    read.map_err(|e| Failure {
        message: format!("cannot read {}: {e}", path.display()),
        typed: None,
        exit_code: 2,
    })?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::from(Error::InvalidInput {
            message: format!("{}: {e}", path.display()),
        })
    })
}

fn run_core<I, O: Serialize>(
    input: &I,
    compute: impl Fn(&I) -> livetrust_core::Result<O>,
) -> Result<String, Failure> {
    let output = compute(input)?;
    serde_json::to_string_pretty(&output).map_err(|e| Failure {
        message: format!("cannot serialize the result: {e}"),
        typed: None,
        exit_code: 1,
    })
}
