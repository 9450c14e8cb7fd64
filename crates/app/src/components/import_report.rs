//! The validation report: per file what was read, accepted and skipped (files the importer could
//! not recognise included), then the problems grouped — one row for all records with the same
//! problem, in the reader's language, with a fix where one is known and the parser's detail one
//! click away. All text goes through Yew's escaping (file contents are not trusted).

use livetrust_core::import::{ImportReport, Problem, ProblemKind};
use yew::prelude::*;

use crate::i18n::{Lang, LangTexts};
use crate::problem_text::{describe, fix, table_name};

#[derive(Debug, Properties, PartialEq)]
pub struct ImportReportProps {
    pub report: ImportReport,
}

/// Problems that are the same but for the record: same file, kind, field and reason.
#[derive(Debug)]
struct Group<'a> {
    first: &'a Problem,
    records: Vec<u64>,
}

fn groups(problems: &[Problem]) -> Vec<Group<'_>> {
    let mut out: Vec<Group> = Vec::new();
    for p in problems {
        let same = |g: &&mut Group| {
            g.first.file == p.file
                && g.first.kind == p.kind
                && g.first.field == p.field
                && g.first.reason == p.reason
        };
        match out.iter_mut().find(|g| same(g)) {
            Some(g) => g.records.push(p.record),
            None => out.push(Group {
                first: p,
                records: vec![p.record],
            }),
        }
    }
    out
}

/// "lines 2, 5, 9 and 7 more", or "the whole file" for file-level problems (record 0).
fn records_text(lang: Lang, records: &[u64]) -> String {
    const SHOWN: usize = 6;
    if records.iter().all(|&r| r == 0) {
        return (if lang == Lang::Zh {
            "整个文件"
        } else {
            "the whole file"
        })
        .to_owned();
    }
    let list: Vec<String> = records.iter().take(SHOWN).map(u64::to_string).collect();
    match (lang, records.len().saturating_sub(SHOWN)) {
        (Lang::Zh, 0) => format!("第 {} 条", list.join("、")),
        (Lang::Zh, _) => format!("第 {} 条等，共 {} 条", list.join("、"), records.len()),
        (Lang::En, 0) => format!("record {}", list.join(", ")),
        (Lang::En, more) => format!("records {} and {more} more", list.join(", ")),
    }
}

#[function_component(ImportReportView)]
pub fn import_report_view(props: &ImportReportProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let r = &props.report;
    let summary = if r.is_clean() {
        t.import_clean(r.accepted())
    } else {
        t.import_with_problems(r.accepted(), r.skipped(), r.problem_count)
    };
    let more = r.problem_count.saturating_sub(r.problems.len() as u64);
    let unrecognised: Vec<&Problem> = r
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::UnsupportedFile)
        .collect();
    let grouped = groups(&r.problems);
    html! {
        <div class="import-report">
            <p class={classes!("summary", if r.is_clean() { "ok" } else { "warn" })}>{ summary }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={t.import_files_caption}>
            <table class="files">
                <caption>{ t.import_files_caption }</caption>
                <thead><tr>
                    <th scope="col">{ t.col_file }</th><th scope="col">{ t.col_table }</th>
                    <th scope="col">{ t.col_records }</th><th scope="col">{ t.col_accepted }</th>
                    <th scope="col">{ t.col_skipped }</th>
                </tr></thead>
                <tbody>
                    { for r.files.iter().map(|f| html! {
                        <tr>
                            <td>{ &f.file }</td><td>{ table_name(lang, f.table) }</td>
                            <td class="num">{ f.records }</td><td class="num">{ f.accepted }</td>
                            <td class="num">{ f.skipped }</td>
                        </tr>
                    }) }
                    { for unrecognised.iter().map(|p| html! {
                        <tr class="unrecognised">
                            <td>{ &p.file }</td><td>{ t.import_unrecognised }</td>
                            <td class="num">{ "–" }</td><td class="num">{ "–" }</td><td class="num">{ "–" }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            if !grouped.is_empty() {
                <div class="table-scroll" tabindex="0" role="region" aria-label={t.import_problems_caption}>
                <table class="problems">
                    <caption>{ t.import_problems_caption }</caption>
                    <thead><tr>
                        <th scope="col">{ t.col_file }</th><th scope="col">{ t.col_record }</th>
                        <th scope="col">{ t.col_reason }</th>
                    </tr></thead>
                    <tbody>
                        { for grouped.iter().map(|g| {
                            let p = g.first;
                            html! {
                                <tr data-kind={livetrust_core::index::config::json_name(p.kind)} data-count={g.records.len().to_string()}>
                                    <td>{ &p.file }</td>
                                    <td class="records">{ records_text(lang, &g.records) }</td>
                                    <td>
                                        <span class="problem">{ describe(lang, p) }</span>
                                        if let Some(fix) = fix(lang, p) {
                                            <span class="fix">{ fix }</span>
                                        }
                                        <details class="detail">
                                            <summary>{ t.import_detail }</summary>
                                            <code>{ if p.field.is_empty() { p.reason.clone() } else { format!("{}: {}", p.field, p.reason) } }</code>
                                        </details>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
            }
            if more > 0 {
                <p>{ t.import_more_problems(more) }</p>
            }
        </div>
    }
}
