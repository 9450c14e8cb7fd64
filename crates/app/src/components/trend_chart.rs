//! The index over the last weeks as an SVG line chart (overall score with its interval band),
//! with a title, a description and the same numbers as a table.

use livetrust_core::index::TrendPoint;
use yew::prelude::*;

use crate::i18n::{Lang, LangTexts};

#[derive(Debug, Properties, PartialEq)]
pub struct TrendChartProps {
    pub points: Vec<TrendPoint>,
}

const WIDTH: f64 = 620.0;
const HEIGHT: f64 = 236.0;
/// Left of the plot: room for the score labels, right-aligned, clear of the first date.
const LEFT: f64 = 64.0;
const RIGHT: f64 = 40.0;
const TOP: f64 = 14.0;
/// The plot's bottom (score 0); the dates sit below it.
const BOTTOM: f64 = 186.0;
const DATES: f64 = 226.0;

#[function_component(TrendChart)]
pub fn trend_chart(props: &TrendChartProps) -> Html {
    let t = use_context::<Lang>().unwrap_or_default().texts();
    let n = props.points.len().max(2) as f64;
    let x = |i: usize| LEFT + (WIDTH - LEFT - RIGHT) * i as f64 / (n - 1.0);
    let y = |v: f64| BOTTOM - (BOTTOM - TOP) * v.clamp(0.0, 100.0) / 100.0;
    let last = props.points.len().saturating_sub(1);
    let anchor = |i: usize| match i {
        0 => "start",
        i if i == last => "end",
        _ => "middle",
    };
    // Days without a score are left out of the line and the band, not drawn at some default.
    let scored: Vec<(usize, livetrust_core::index::report::Score)> = props
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.overall.map(|s| (i, s)))
        .collect();
    let line: Vec<String> = scored
        .iter()
        .map(|(i, s)| format!("{:.1},{:.1}", x(*i), y(s.value)))
        .collect();
    let band: Vec<String> = scored
        .iter()
        .map(|(i, s)| format!("{:.1},{:.1}", x(*i), y(s.high)))
        .chain(
            scored
                .iter()
                .rev()
                .map(|(i, s)| format!("{:.1},{:.1}", x(*i), y(s.low))),
        )
        .collect();
    html! {
        <figure class="trend-chart">
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby="trend-title trend-desc" width="100%">
                <title id="trend-title">{ t.trend_title }</title>
                <desc id="trend-desc">{ t.trend_desc }</desc>
                { for [0.0, 50.0, 100.0].iter().map(|&v| html! {
                    <g>
                        <line x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={y(v).to_string()} y2={y(v).to_string()} class="grid" />
                        <text x={(LEFT - 10.0).to_string()} y={(y(v) + 6.0).to_string()} text-anchor="end" class="chart-label">{ format!("{v:.0}") }</text>
                    </g>
                }) }
                <polygon points={band.join(" ")} class="trend-band" />
                <polyline points={line.join(" ")} class="trend-line" />
                { for props.points.iter().enumerate().map(|(i, p)| html! {
                    <g>
                        if let Some(s) = p.overall {
                            <circle cx={x(i).to_string()} cy={y(s.value).to_string()} r="4" class="trend-dot" />
                        }
                        <text x={x(i).to_string()} y={DATES.to_string()} text-anchor={anchor(i)} class="chart-label">{ p.as_of.to_string()[5..].to_owned() }</text>
                    </g>
                }) }
            </svg>
            <table class="data-table">
                <caption>{ t.trend_title }</caption>
                <thead><tr>
                    <th scope="col">{ t.col_day }</th><th scope="col">{ t.col_score }</th>
                    <th scope="col">{ t.col_interval }</th><th scope="col">{ t.col_placement }</th>
                </tr></thead>
                <tbody>
                    { for props.points.iter().map(|p| html! {
                        <tr>
                            <th scope="row">{ p.as_of.to_string() }</th>
                            <td class="num">{ p.overall.map_or_else(|| t.viewer.no_data_yet.to_owned(), |s| format!("{:.1}", s.value)) }</td>
                            <td class="num">{ p.overall.map_or_else(|| "–".to_owned(), |s| format!("{:.1}–{:.1}", s.low, s.high)) }</td>
                            <td>{ match (p.tier, p.better_than_percent) {
                                (Some(tier), Some(b)) => format!("{} · {}", t.tier(tier), t.better_than(b)),
                                _ => t.viewer.not_enough_data.to_owned(),
                            } }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}
