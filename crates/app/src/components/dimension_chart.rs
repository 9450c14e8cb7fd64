//! The four dimensions against peers as an SVG bar chart a merchant can take in at a glance, with
//! a title, a description and the same numbers as a table for screen readers.

use livetrust_core::index::report::DimensionReport;
use yew::prelude::*;

use crate::components::trust_badge::dimension_verdict;
use crate::i18n::Lang;

#[derive(Debug, Properties, PartialEq)]
pub struct DimensionChartProps {
    pub dimensions: Vec<DimensionReport>,
}

const ROW: f64 = 44.0;
const LABEL: f64 = 150.0;
const WIDTH: f64 = 620.0;

#[function_component(DimensionChart)]
pub fn dimension_chart(props: &DimensionChartProps) -> Html {
    let t = use_context::<Lang>().unwrap_or_default().texts();
    let scale = |v: f64| LABEL + (WIDTH - LABEL - 20.0) * v.clamp(0.0, 100.0) / 100.0;
    let height = ROW * props.dimensions.len() as f64 + 30.0;
    html! {
        <figure class="dimension-chart">
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby="dim-chart-title dim-chart-desc"
                 width="100%" preserveAspectRatio="xMinYMin meet">
                <title id="dim-chart-title">{ t.dimensions_title }</title>
                <desc id="dim-chart-desc">{ t.chart_desc }</desc>
                { for props.dimensions.iter().enumerate().map(|(i, d)| {
                    let y = 10.0 + ROW * i as f64;
                    let marker = |v: Option<f64>, class: &'static str| match v {
                        Some(v) => html! {
                            <line x1={scale(v).to_string()} x2={scale(v).to_string()} y1={(y + 2.0).to_string()} y2={(y + 30.0).to_string()} class={class} />
                        },
                        None => html! {},
                    };
                    html! {
                        <g>
                            <text x="0" y={(y + 20.0).to_string()} class="chart-label">{ t.dimension(d.dimension) }</text>
                            <rect x={LABEL.to_string()} y={(y + 6.0).to_string()} width={(scale(100.0) - LABEL).to_string()} height="20" class="chart-track" />
                            { match d.score {
                                Some(score) => html! {
                                    <rect x={LABEL.to_string()} y={(y + 6.0).to_string()} width={(scale(score.value) - LABEL).to_string()} height="20" class="chart-bar" />
                                },
                                // No bar at all rather than a bar of some default length.
                                None => html! {
                                    <text x={(LABEL + 8.0).to_string()} y={(y + 21.0).to_string()} class="chart-label chart-none">{ dimension_verdict(t, d) }</text>
                                },
                            } }
                            { marker(d.peer_median, "chart-median") }
                            { marker(d.peer_top10, "chart-top10") }
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="legend">
                <span class="key key-you">{ t.legend_you }</span>
                <span class="key key-median">{ t.legend_median }</span>
                <span class="key key-top10">{ t.legend_top10 }</span>
            </figcaption>
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
                            <tr data-dimension={livetrust_core::index::config::json_name(d.dimension)}>
                                <th scope="row">{ t.dimension(d.dimension) }</th>
                                <td class="num">{ d.score.map_or_else(|| dimension_verdict(t, d).to_owned(), |s| format!("{:.1}", s.value)) }</td>
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
