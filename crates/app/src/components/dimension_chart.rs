//! The four dimensions against peers as a bar chart a merchant can take in at a glance: HTML bars
//! (so the labels are real text at a readable size on any screen), with the same numbers in a
//! table for screen readers and for reading exactly.

use livetrust_core::index::report::DimensionReport;
use yew::prelude::*;

use crate::i18n::{Lang, LangTexts};
use livetrust_widgets::badge::dimension_verdict;

#[derive(Debug, Properties, PartialEq)]
pub struct DimensionChartProps {
    pub dimensions: Vec<DimensionReport>,
}

/// A 0–100 value as a CSS percentage.
fn percent(v: f64) -> String {
    format!("{:.1}%", v.clamp(0.0, 100.0))
}

#[function_component(DimensionChart)]
pub fn dimension_chart(props: &DimensionChartProps) -> Html {
    let t = use_context::<Lang>().unwrap_or_default().texts();
    html! {
        <figure class="dimension-chart" aria-labelledby="dim-chart-title">
            <figcaption id="dim-chart-title" class="visually-hidden">{ t.dimensions_title }</figcaption>
            <p class="hint">{ t.chart_desc }</p>
            // The bars repeat the table below, which is what assistive technology reads.
            <div class="dim-bars" aria-hidden="true">
                { for props.dimensions.iter().map(|d| {
                    let marker = |v: Option<f64>, class: &'static str| match v {
                        Some(v) => html! { <span class={classes!("dim-marker", class)} style={format!("left: {}", percent(v))}></span> },
                        None => html! {},
                    };
                    html! {
                        <div class="dim-row">
                            <span class="dim-label">{ t.dimension(d.dimension) }</span>
                            <span class="dim-track">
                                { match d.score {
                                    Some(score) => html! {
                                        <span class="dim-bar" style={format!("width: {}", percent(score.value))}></span>
                                    },
                                    None => html! { <span class="dim-none">{ dimension_verdict(t.viewer, d.status, d.tier) }</span> },
                                } }
                                { marker(d.peer_median, "chart-median") }
                                { marker(d.peer_top10, "chart-top10") }
                            </span>
                        </div>
                    }
                }) }
            </div>
            <p class="legend" aria-hidden="true">
                <span class="key key-you">{ t.legend_you }</span>
                <span class="key key-median">{ t.legend_median }</span>
                <span class="key key-top10">{ t.legend_top10 }</span>
            </p>
            <table class="data-table">
                <caption>{ t.dimensions_title }</caption>
                <thead><tr>
                    <th scope="col">{ t.col_dimension }</th><th scope="col">{ t.col_score }</th>
                    <th scope="col">{ t.col_peer_median }</th><th scope="col">{ t.col_peer_top10 }</th>
                    <th scope="col">{ t.col_weight }</th>
                </tr></thead>
                <tbody>
                    { for props.dimensions.iter().map(|d| {
                        let number = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"));
                        html! {
                            <tr data-dimension={d.dimension.json_name()}>
                                <th scope="row">{ t.dimension(d.dimension) }</th>
                                <td class={classes!("num", d.score.is_none().then_some("verdict"))}>{ d.score.map_or_else(|| dimension_verdict(t.viewer, d.status, d.tier).to_owned(), |s| format!("{:.1}", s.value)) }</td>
                                <td class="num">{ number(d.peer_median) }</td>
                                <td class="num">{ number(d.peer_top10) }</td>
                                <td class="num">{ format!("{:.1}%", d.weight) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </figure>
    }
}
