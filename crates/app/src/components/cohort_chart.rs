//! One cold-start question's cohort evidence as a chart a merchant takes in at a glance: per path
//! a bar for the mean second-month orders with the lowest-to-highest range and the median marked,
//! then the difference with its 95 % interval against zero; the same numbers in a table for
//! screen readers and for reading exactly.

use livetrust_core::coldstart::{CohortEvidence, QuestionEvidence};
use yew::prelude::*;

use crate::components::interval_track::IntervalTrack;
use crate::i18n::{Lang, LangTexts};

#[derive(Debug, Properties, PartialEq)]
pub struct CohortChartProps {
    pub evidence: CohortEvidence,
    /// Index into `evidence.questions`.
    pub question: usize,
    /// The fewest merchants a path needs (the config's `evidence.minPerPath`).
    pub min_per_path: u32,
}

/// `v` of `max` as a CSS percentage.
fn percent(v: f64, max: f64) -> String {
    format!("{:.1}%", (v / max * 100.0).clamp(0.0, 100.0))
}

fn number(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
}

#[function_component(CohortChart)]
pub fn cohort_chart(props: &CohortChartProps) -> Html {
    let t = use_context::<Lang>().unwrap_or_default().texts();
    let ct = t.coldstart;
    let e = &props.evidence;
    let Some(q): Option<&QuestionEvidence> = e.questions.get(props.question) else {
        return html! {};
    };
    let key = format!("{:?}", q.question);
    let title_id = format!("question-{key}");
    // One scale for both paths: up to the highest outcome seen, so the bars compare.
    let scale = q
        .paths
        .iter()
        .filter_map(|p| p.max)
        .max()
        .map_or(1.0, |m| (m as f64).max(1.0));
    let own_path = e.own.as_ref().map(|o| {
        let path = if props.question == 0 {
            o.channel_path
        } else {
            o.growth_path
        };
        ct.own(path, o.paths_final, e.path_days)
    });
    let difference = q.difference.map(|d| match q.paths.as_slice() {
        [a, b, ..] => html! {
            <div class="cohort-row cohort-difference">
                <span class="cohort-label">{ ct.difference_row(a.path, b.path) }</span>
                <IntervalTrack estimate={d.estimate} low={d.low} high={d.high} min_reach={1.0} />
            </div>
        },
        _ => html! {},
    });
    html! {
        <figure class="cohort-chart" data-question={key.clone()} aria-labelledby={title_id.clone()}>
            <figcaption><h3 id={title_id}>{ ct.question(q.question) }</h3></figcaption>
            <p class={classes!("verdict", format!("verdict-{:?}", q.verdict))}>
                { ct.verdict(q, props.min_per_path, e.path_days, e.window_days) }
            </p>
            if let Some(own) = own_path {
                <p class="own-path">{ own }</p>
            }
            // The bars repeat the table below, which is what assistive technology reads; with no
            // merchant on either path there is nothing to draw.
            if q.paths.iter().any(|p| p.merchants > 0) {
                <div class="cohort-bars" aria-hidden="true">
                    <p class="hint cohort-axis">{ ct.chart_axis }{ format!(" · 0 – {scale:.0}") }</p>
                    { for q.paths.iter().map(|p| html! {
                        <div class="cohort-row" data-path={format!("{:?}", p.path)}>
                            <span class="cohort-label">{ ct.path_with_count(p.path, p.merchants) }</span>
                            <span class="cohort-track">
                                if let Some(mean) = p.mean {
                                    <span class="cohort-bar" style={format!("width: {}", percent(mean, scale))}></span>
                                }
                                if let (Some(lo), Some(hi)) = (p.min, p.max) {
                                    <span class="cohort-range" style={format!("left: {}; right: calc(100% - {})", percent(lo as f64, scale), percent(hi as f64, scale))}></span>
                                }
                                if let Some(median) = p.median {
                                    <span class="dim-marker chart-median" style={format!("left: {}", percent(median, scale))}></span>
                                }
                            </span>
                        </div>
                    }) }
                    { difference.unwrap_or_default() }
                </div>
                <p class="legend" aria-hidden="true">
                    <span class="key key-you">{ ct.legend_mean }</span>
                    <span class="key key-range">{ ct.legend_range }</span>
                    <span class="key key-median">{ ct.legend_median }</span>
                </p>
            }
            <div class="table-scroll" tabindex="0" role="region" aria-label={ct.table_caption(q.question, e.path_days, e.window_days)}>
                <table class="data-table cohort-table">
                    <caption>{ ct.table_caption(q.question, e.path_days, e.window_days) }</caption>
                    <thead><tr>
                        <th scope="col">{ ct.col_path }</th><th scope="col">{ ct.col_merchants }</th>
                        <th scope="col">{ ct.col_mean }</th><th scope="col">{ ct.col_median }</th>
                        <th scope="col">{ ct.col_range }</th>
                    </tr></thead>
                    <tbody>
                        { for q.paths.iter().map(|p| html! {
                            <tr data-path={format!("{:?}", p.path)}>
                                <th scope="row">{ ct.path(p.path) }</th>
                                <td class="num">{ p.merchants }</td>
                                <td class="num">{ number(p.mean) }</td>
                                <td class="num">{ number(p.median) }</td>
                                <td class="num">{ match (p.min, p.max) { (Some(lo), Some(hi)) => format!("{lo}–{hi}"), _ => "–".to_owned() } }</td>
                            </tr>
                        }) }
                        if q.unclassified > 0 {
                            <tr data-path="unclassified">
                                <th scope="row">{ ct.unclassified }</th>
                                <td class="num">{ q.unclassified }</td>
                                <td class="num">{ "–" }</td><td class="num">{ "–" }</td><td class="num">{ "–" }</td>
                            </tr>
                        }
                    </tbody>
                    if let (Some(d), [a, b, ..]) = (q.difference, q.paths.as_slice()) {
                        <tfoot>
                            <tr class="difference">
                                <th scope="row">{ ct.difference_row(a.path, b.path) }</th>
                                <td class="num" colspan="4">{ format!("{:+.1} [{:.1}, {:.1}]", d.estimate, d.low, d.high) }</td>
                            </tr>
                        </tfoot>
                    }
                </table>
            </div>
        </figure>
    }
}
