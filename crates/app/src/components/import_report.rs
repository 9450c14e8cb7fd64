//! The validation report: per file what was read, accepted and skipped, then every problem with
//! file, record, field and reason. All text goes through Yew's escaping (file contents are not
//! trusted).

use livetrust_core::import::ImportReport;
use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Debug, Properties, PartialEq)]
pub struct ImportReportProps {
    pub report: ImportReport,
}

#[function_component(ImportReportView)]
pub fn import_report_view(props: &ImportReportProps) -> Html {
    let t = use_context::<Lang>().unwrap_or_default().texts();
    let r = &props.report;
    let summary = if r.is_clean() {
        t.import_clean(r.accepted())
    } else {
        t.import_with_problems(r.accepted(), r.skipped(), r.problem_count)
    };
    let more = r.problem_count.saturating_sub(r.problems.len() as u64);
    html! {
        <div class="import-report">
            <p class={classes!("summary", if r.is_clean() { "ok" } else { "warn" })}>{ summary }</p>
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
                            <td>{ &f.file }</td><td>{ f.table.name() }</td>
                            <td class="num">{ f.records }</td><td class="num">{ f.accepted }</td>
                            <td class="num">{ f.skipped }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if !r.problems.is_empty() {
                <table class="problems">
                    <caption>{ t.import_problems_caption }</caption>
                    <thead><tr>
                        <th scope="col">{ t.col_file }</th><th scope="col">{ t.col_record }</th>
                        <th scope="col">{ t.col_field }</th><th scope="col">{ t.col_reason }</th>
                    </tr></thead>
                    <tbody>
                        { for r.problems.iter().map(|p| html! {
                            <tr>
                                <td>{ &p.file }</td><td class="num">{ p.record }</td>
                                <td><code>{ &p.field }</code></td><td>{ &p.reason }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if more > 0 {
                <p>{ t.import_more_problems(more) }</p>
            }
        </div>
    }
}
