//! The what-if panel: the merchant edits metric values, each in its unit and checked against its
//! range as they type, and sees the recomputed score, tier and dimensions next to today's (the
//! core recomputes one merchant against fixed peers, well under a frame), and what the new score
//! would mean for natural traffic by the trust-weighted traffic model. Clearing a field drops its
//! edit.

use std::rc::Rc;

use livetrust_core::index::metric::MetricKind;
use livetrust_core::index::{what_if, IndexReport, MetricEdit, MetricId, PlacementInput};
use livetrust_core::model::Merchant;
use livetrust_core::traffic::simulate::simulate;
use livetrust_core::traffic::TrafficModel;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, LangTexts, Texts};
use livetrust_widgets::badge::dimension_verdict;

#[derive(Debug, Properties, PartialEq)]
pub struct WhatIfProps {
    pub placement: Rc<PlacementInput>,
    pub report: Rc<IndexReport>,
    /// The trust-weighted traffic model and the merchant, for the what-if's traffic estimate.
    #[prop_or_default]
    pub traffic: Option<TrafficInput>,
}

/// What the panel needs to say what a score would mean for natural traffic.
#[derive(Debug, Clone)]
pub struct TrafficInput {
    pub model: Rc<TrafficModel>,
    pub merchant: Rc<Merchant>,
    pub link: Html,
}

impl PartialEq for TrafficInput {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model) && self.merchant == other.merchant
    }
}

/// The what-if score's traffic line, or why the model cannot give one.
fn traffic_line(t: &Texts, input: &TrafficInput, score: f64) -> Html {
    let nt = t.natural;
    let text = match simulate(&input.model, &input.merchant, Some(score.clamp(0.0, 100.0))) {
        Ok(r) => nt
            .what_if(&r)
            .or_else(|| nt.why_not(&r, input.model.config.min_merchants))
            .unwrap_or_default(),
        Err(e) => e.to_string(),
    };
    html! {
        // The exact score, for checking against `livetrust traffic --what-if-score`.
        <p class="what-if-traffic" data-score={score.to_string()}>{ text }{ " " }{ input.link.clone() }</p>
    }
}

/// The unit a metric is edited in, and the values that make sense.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InputRange {
    pub min: f64,
    pub max: f64,
}

/// Rates are edited in percent, durations in their hours or minutes, engagement per 1 000
/// viewer-minutes.
pub fn input_range(metric: MetricId) -> InputRange {
    use MetricId::*;
    match metric {
        FirstResponseMinutes => InputRange {
            min: 0.0,
            max: 60.0,
        },
        RefundOnlyHours | ReturnRefundHours | DeliveryHours => InputRange {
            min: 0.0,
            max: 720.0,
        },
        LiveEngagement => InputRange {
            min: 0.0,
            max: 100_000.0,
        },
        _ => InputRange {
            min: 0.0,
            max: 100.0,
        },
    }
}

fn to_input(metric: MetricId, value: f64) -> f64 {
    if metric.kind() == MetricKind::Rate {
        value * 100.0
    } else {
        value
    }
}

fn from_input(metric: MetricId, value: f64) -> f64 {
    if metric.kind() == MetricKind::Rate {
        value / 100.0
    } else {
        value
    }
}

/// What the merchant typed in one field: nothing (no edit), a value in range, or a problem.
#[derive(Debug, Clone, PartialEq)]
enum Typed {
    Value(f64),
    Invalid,
}

fn read(metric: MetricId, text: &str) -> Option<Typed> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let range = input_range(metric);
    Some(match text.parse::<f64>() {
        Ok(v) if v.is_finite() && range.min <= v && v <= range.max => Typed::Value(v),
        _ => Typed::Invalid,
    })
}

fn placement_text(t: &Texts, r: &IndexReport) -> String {
    match (r.placement.tier, r.placement.better_than_percent) {
        (Some(tier), Some(b)) => format!("{} · {}", t.tier(tier), t.better_than(b)),
        _ => t.viewer.not_enough_data.to_owned(),
    }
}

fn score_text(t: &Texts, r: &IndexReport) -> String {
    r.overall.map_or_else(
        || t.viewer.no_data_yet.to_owned(),
        |o| format!("{:.1}", o.value),
    )
}

#[function_component(WhatIf)]
pub fn what_if_panel(props: &WhatIfProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    // The text of every field the merchant touched, by metric.
    let typed = use_state(Vec::<(MetricId, String)>::new);
    let edits: Option<Vec<MetricEdit>> = typed
        .iter()
        .filter_map(|(metric, text)| read(*metric, text).map(|x| (*metric, x)))
        .map(|(metric, x)| match x {
            Typed::Value(v) => Some(MetricEdit {
                metric,
                value: from_input(metric, v),
            }),
            Typed::Invalid => None,
        })
        .collect();
    let result = {
        let placement = props.placement.clone();
        use_memo(edits.clone(), move |edits| match edits {
            Some(edits) if !edits.is_empty() => Some(what_if(&placement, edits)),
            _ => None,
        })
    };
    let reset = {
        let typed = typed.clone();
        Callback::from(move |_: MouseEvent| typed.set(Vec::new()))
    };
    let base = &props.report;
    let outcome = match (&edits, &*result) {
        (None, _) => html! { <p class="what-if-result error" role="status">{ t.what_if_fix }</p> },
        (_, None) => html! {},
        (_, Some(Err(e))) => html! { <p class="error" role="alert">{ e.to_string() }</p> },
        (_, Some(Ok(r))) => {
            let change = match (r.overall, base.overall) {
                (Some(a), Some(b)) => format!("{:+.1}", a.value - b.value),
                _ => String::new(),
            };
            html! {
                <div class="what-if-outcome">
                    <p class="what-if-result" role="status">
                        { t.what_if_result(&score_text(t, base), &score_text(t, r), &change,
                            &placement_text(t, base), &placement_text(t, r)) }
                    </p>
                    if let (Some(input), Some(o)) = (props.traffic.as_ref(), r.overall) {
                        { traffic_line(t, input, o.value) }
                    }
                    // A higher score can still lose the tier (one thin metric made extreme widens
                    // the interval): say why, as the back office does for today.
                    if r.placement.tier.is_none() {
                        <ul class="what-if-why">
                            { for r.placement.missing.iter().map(|s| html! { <li>{ t.shortfall(s) }</li> }) }
                        </ul>
                    }
                    <table class="data-table visible-table what-if-dimensions">
                        <caption>{ t.what_if_dimensions }</caption>
                        <thead><tr>
                            <th scope="col">{ t.col_dimension }</th>
                            <th scope="col">{ t.what_if_now }</th>
                            <th scope="col">{ t.what_if_then }</th>
                        </tr></thead>
                        <tbody>
                            { for base.dimensions.iter().zip(&r.dimensions).map(|(b, a)| {
                                let show = |d: &livetrust_core::index::report::DimensionReport| d.score
                                    .map_or_else(|| dimension_verdict(t.viewer, d.status, d.tier).to_owned(), |s| format!("{:.1}", s.value));
                                let delta = match (a.score, b.score) {
                                    (Some(x), Some(y)) if (x.value - y.value).abs() >= 0.05 => format!(" ({:+.1})", x.value - y.value),
                                    _ => String::new(),
                                };
                                html! {
                                    <tr>
                                        <th scope="row">{ t.dimension(b.dimension) }</th>
                                        <td class="num">{ show(b) }</td>
                                        <td class="num">{ format!("{}{delta}", show(a)) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        }
    };
    html! {
        <section class="what-if" aria-labelledby="what-if-title">
            <h2 id="what-if-title">{ t.what_if_title }</h2>
            <p class="hint">{ t.what_if_intro }</p>
            <div class="what-if-grid">
                { for base.metrics.iter().map(|m| {
                    let metric = m.metric;
                    let name = livetrust_core::index::config::camel(metric);
                    let id = format!("what-if-{name}");
                    let error_id = format!("what-if-{name}-error");
                    let range = input_range(metric);
                    let text = typed.iter().find(|(x, _)| *x == metric).map(|(_, s)| s.clone())
                        .unwrap_or_else(|| m.raw.map_or_else(String::new, |v| format!("{:.1}", to_input(metric, v))));
                    let invalid = read(metric, &text) == Some(Typed::Invalid);
                    let on_input = {
                        let typed = typed.clone();
                        Callback::from(move |e: InputEvent| {
                            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
                            let mut next: Vec<(MetricId, String)> = typed.iter().filter(|(x, _)| *x != metric).cloned().collect();
                            next.push((metric, input.value()));
                            typed.set(next);
                        })
                    };
                    html! {
                        <div class="what-if-field">
                            <label for={id.clone()}>
                                { t.metric(metric) }<span class="unit">{ if lang == Lang::Zh { format!("（{}）", t.unit(metric)) } else { format!(" ({})", t.unit(metric)) } }</span>
                            </label>
                            <input id={id} type="number" inputmode="decimal" step="0.1"
                                min={range.min.to_string()} max={range.max.to_string()}
                                value={text}
                                placeholder={if m.raw.is_none() { t.viewer.no_data_yet } else { "" }}
                                aria-invalid={invalid.to_string()}
                                aria-describedby={invalid.then(|| error_id.clone())}
                                oninput={on_input} />
                            if invalid {
                                <span id={error_id} class="field-error">{ t.out_of_range(range.min, range.max, t.unit(metric)) }</span>
                            }
                        </div>
                    }
                }) }
            </div>
            { outcome }
            <button type="button" class="secondary" onclick={reset}>{ t.what_if_reset }</button>
        </section>
    }
}
