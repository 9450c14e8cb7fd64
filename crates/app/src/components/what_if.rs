//! The what-if panel: the merchant edits metric values and sees the recomputed score and tier at
//! once (the core recomputes one merchant against fixed peers, well under a frame).

use std::rc::Rc;

use livetrust_core::index::metric::MetricKind;
use livetrust_core::index::{what_if, IndexReport, MetricEdit, MetricId, Placement};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Debug, Properties, PartialEq)]
pub struct WhatIfProps {
    pub placement: Rc<Placement>,
    pub report: Rc<IndexReport>,
}

/// Rates are edited in percent, the rest in their own unit.
fn to_input(metric: MetricId, value: f64) -> f64 {
    if metric.kind() == MetricKind::Rate {
        value * 100.0
    } else {
        value
    }
}

fn from_input(metric: MetricId, value: f64) -> f64 {
    if metric.kind() == MetricKind::Rate {
        (value / 100.0).clamp(0.0, 1.0)
    } else {
        value.max(0.0)
    }
}

#[function_component(WhatIf)]
pub fn what_if_panel(props: &WhatIfProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let edits = use_state(Vec::<MetricEdit>::new);
    let result = {
        let edits = (*edits).clone();
        let placement = props.placement.clone();
        use_memo(edits, move |edits| {
            if edits.is_empty() {
                None
            } else {
                Some(what_if(&placement, edits))
            }
        })
    };
    let reset = {
        let edits = edits.clone();
        Callback::from(move |_: MouseEvent| edits.set(Vec::new()))
    };
    let base = &props.report;
    let outcome = match &*result {
        None => html! {},
        Some(Ok(r)) => {
            let placement = match (r.placement.tier, r.placement.better_than_percent) {
                (Some(tier), Some(b)) => format!("{} · {}", t.tier(tier), t.better_than(b)),
                _ => t.not_enough_data.to_owned(),
            };
            match r.overall {
                Some(o) => {
                    let before = base.overall.map_or(o.value, |b| b.value);
                    html! { <p class="what-if-result" role="status">{ t.what_if_result(o.value, o.value - before, &placement) }</p> }
                }
                None => html! { <p class="what-if-result" role="status">{ t.no_data_yet }</p> },
            }
        }
        Some(Err(e)) => html! { <p class="error" role="alert">{ e.to_string() }</p> },
    };
    html! {
        <section class="what-if" aria-labelledby="what-if-title">
            <h2 id="what-if-title">{ t.what_if_title }</h2>
            <p class="hint">{ t.what_if_intro }</p>
            <div class="what-if-grid">
                { for base.metrics.iter().map(|m| {
                    let metric = m.metric;
                    // A metric without data starts empty: there is no value to show.
                    let current = edits.iter().find(|e| e.metric == metric).map(|e| e.value)
                        .or(m.raw);
                    let id = format!("what-if-{}", livetrust_core::index::config::camel(metric));
                    let on_input = {
                        let edits = edits.clone();
                        Callback::from(move |e: InputEvent| {
                            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
                            let Ok(v) = input.value().parse::<f64>() else { return };
                            let mut next: Vec<MetricEdit> = edits.iter().filter(|x| x.metric != metric).cloned().collect();
                            next.push(MetricEdit { metric, value: from_input(metric, v) });
                            edits.set(next);
                        })
                    };
                    let unit = if metric.kind() == MetricKind::Rate { "%" } else { "" };
                    html! {
                        <label for={id.clone()} class="what-if-field">
                            <span>{ t.metric(metric) }{ if unit.is_empty() { String::new() } else { format!(" ({unit})") } }</span>
                            <input id={id} type="number" step="0.1" min="0"
                                value={current.map_or_else(String::new, |v| format!("{:.1}", to_input(metric, v)))}
                                placeholder={if current.is_none() { t.no_data_yet } else { "" }}
                                oninput={on_input} />
                        </label>
                    }
                }) }
            </div>
            { outcome }
            <button type="button" class="secondary" onclick={reset}>{ t.what_if_reset }</button>
        </section>
    }
}
