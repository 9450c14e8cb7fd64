//! The trust-weighted natural traffic section of the traffic page: the fitted model in a
//! sentence, the merchant's expected natural exposure per session at every score (a curve with
//! its 90 % band, today's score marked, and the same numbers in a table), and the model's
//! assumptions. Or, without an estimate, why not.

use std::rc::Rc;

use livetrust_core::traffic::{PoolMode, TrafficReport};
use yew::prelude::*;

use crate::i18n::{Lang, LangTexts};

#[derive(Debug, Properties, PartialEq)]
pub struct TrustTrafficProps {
    pub report: Rc<TrafficReport>,
    pub base_reach: f64,
    pub min_merchants: u32,
}

/// The chart's drawing box: scores 10–100 across, exposure 0–max up.
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 160.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 22.0;

fn x_of(score: f64) -> f64 {
    LEFT + (score.clamp(0.0, 100.0) / 100.0) * (WIDTH - LEFT - RIGHT)
}

#[function_component(TrustTraffic)]
pub fn trust_traffic(props: &TrustTrafficProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let nt = lang.texts().natural;
    let r = &props.report;
    let why = nt.why_not(r, props.min_merchants);
    let summary = nt.summary(r);
    let max = r
        .curve
        .iter()
        .map(|p| p.expected_exposure.high)
        .chain(r.baseline_exposure)
        .fold(1.0, f64::max);
    let y_of = |v: f64| HEIGHT - BOTTOM - (v.max(0.0) / max) * (HEIGHT - TOP - BOTTOM);
    let line = |f: &dyn Fn(&livetrust_core::traffic::CurvePoint) -> f64| {
        r.curve
            .iter()
            .map(|p| format!("{:.1},{:.1}", x_of(p.score), y_of(f(p))))
            .collect::<Vec<_>>()
    };
    let band = {
        let mut points = line(&|p| p.expected_exposure.high);
        points.extend(line(&|p| p.expected_exposure.low).into_iter().rev());
        points.join(" ")
    };
    let chart = match (summary.as_ref(), r.score, r.baseline_exposure) {
        (Some(_), Some(score), Some(base)) => html! {
            <figure class="natural-chart" aria-labelledby="natural-curve-title">
                <figcaption id="natural-curve-title">{ nt.curve_caption }</figcaption>
                // The table below holds the same numbers; the drawing is for the eye.
                <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} aria-hidden="true" class="natural-svg">
                    <line class="axis" x1={LEFT.to_string()} y1={(HEIGHT - BOTTOM).to_string()}
                        x2={(WIDTH - RIGHT).to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
                    <text class="tick" x={(LEFT - 4.0).to_string()} y={(TOP + 4.0).to_string()} text-anchor="end">{ nt.count(max) }</text>
                    <text class="tick" x={(LEFT - 4.0).to_string()} y={(HEIGHT - BOTTOM).to_string()} text-anchor="end">{ "0" }</text>
                    <polygon class="natural-band" points={band} />
                    <polyline class="natural-line" points={line(&|p| p.expected_exposure.estimate).join(" ")} />
                    <circle class="natural-now" cx={format!("{:.1}", x_of(score))} cy={format!("{:.1}", y_of(base))} r="4" />
                    <text class="natural-now-label" x={format!("{:.1}", x_of(score))} y={format!("{:.1}", (y_of(base) - 8.0).max(TOP + 2.0))} text-anchor="middle">{ nt.now_mark }</text>
                    { for r.curve.iter().filter(|p| (p.score as u32).is_multiple_of(20)).map(|p| html! {
                        <text class="tick" x={format!("{:.1}", x_of(p.score))} y={(HEIGHT - 6.0).to_string()} text-anchor="middle">{ format!("{:.0}", p.score) }</text>
                    }) }
                </svg>
                <div class="table-scroll" tabindex="0" role="region" aria-label={nt.curve_caption}>
                    <table class="data-table natural-table">
                        <caption>{ nt.curve_caption }</caption>
                        <thead><tr>
                            <th scope="col">{ nt.col_score }</th><th scope="col">{ nt.col_expected }</th>
                            <th scope="col">{ nt.col_low }</th><th scope="col">{ nt.col_high }</th>
                        </tr></thead>
                        <tbody>
                            { for r.curve.iter().map(|p| html! {
                                <tr data-score={format!("{:.0}", p.score)}>
                                    <th scope="row">{ format!("{:.0}", p.score) }</th>
                                    <td class="num">{ nt.count(p.expected_exposure.estimate) }</td>
                                    <td class="num">{ nt.count(p.expected_exposure.low) }</td>
                                    <td class="num">{ nt.count(p.expected_exposure.high) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </figure>
        },
        _ => html! {},
    };
    html! {
        <section id="trust-traffic" class="natural" aria-labelledby="natural-title">
            <h2 id="natural-title">{ nt.title }</h2>
            <p class="intro">{ nt.intro }</p>
            if let Some(why) = why {
                <p class="natural-verdict verdict-none" data-verdict={format!("{:?}", r.verdict)}>{ why }</p>
            }
            if let Some(s) = summary {
                <p class="natural-verdict verdict-estimated" data-verdict="Estimated">{ s }</p>
            }
            { chart }
            <details class="assumptions">
                <summary>{ nt.assumptions_title }</summary>
                <ul>{ for nt.assumptions(props.base_reach, r.pool == PoolMode::Fixed).into_iter().map(|a| html! { <li>{ a }</li> }) }</ul>
            </details>
        </section>
    }
}
