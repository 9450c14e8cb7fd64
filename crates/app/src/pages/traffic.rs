//! The merchant's "1+N" push leverage (投流撬动, `/merchant/:id/traffic`): what its paid pushes
//! levered in natural exposure and GMV with the 90 % interval (or why there is no number), the ROI
//! paid-only and with the levered GMV, every session's exposure by source with the pushes and the
//! levered sessions marked (a chart and the same numbers in a table), and the model's
//! assumptions; then the trust-weighted natural traffic model's view of the merchant. The core
//! computes everything (`livetrust_core::leverage::run`, `livetrust_core::traffic::simulate`).

use std::rc::Rc;

use livetrust_core::leverage::{self, LeverageConfig, LeverageReport};
use livetrust_core::preview::money::format_yuan;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::interval_track::IntervalTrack;
use crate::components::trust_traffic::TrustTraffic;
use crate::hooks::{use_need_data, use_page};
use crate::i18n::{Lang, LangTexts};
use crate::state::DataContext;

#[derive(Debug, Properties, PartialEq)]
pub struct TrafficPageProps {
    pub id: String,
}

fn percent(v: f64, max: f64) -> String {
    format!("{:.2}%", (v / max * 100.0).clamp(0.0, 100.0))
}

#[function_component(TrafficPage)]
pub fn traffic_page(props: &TrafficPageProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let tt = t.traffic;
    let ctx = use_context::<DataContext>();
    use_need_data(ctx.as_ref());
    let heading = use_node_ref();
    use_page(tt.title.to_owned(), heading.clone());
    let data = ctx.and_then(|c| c.data);
    let config = use_memo((), |_| LeverageConfig::default());
    // Keyed by the data's identity: an import replaces it, and the estimate follows.
    let report = {
        let (data, config) = (data.clone(), config.clone());
        use_memo(
            (
                props.id.clone(),
                data.as_ref().map(|d| Rc::as_ptr(d) as usize),
            ),
            move |(id, _)| {
                data.as_ref()
                    .map(|d| leverage::run(&d.dataset, id, &config).map_err(|e| e.to_string()))
            },
        )
    };
    // The trust-weighted traffic model's view of the merchant today (no what-if score).
    let natural = {
        let data = data.clone();
        use_memo(
            (
                props.id.clone(),
                data.as_ref().map(|d| Rc::as_ptr(d) as usize),
            ),
            move |(id, _)| {
                data.as_ref().map(|d| {
                    d.traffic_model().and_then(|m| {
                        livetrust_core::traffic::simulate(&d.dataset, &m, id, None)
                            .map(|r| (Rc::new(r), m.config.base_reach, m.config.min_merchants))
                            .map_err(|e| e.to_string())
                    })
                })
            },
        )
    };
    let Some(data) = data else {
        return html! { <p role="status">{ tt.loading }</p> };
    };
    let Some((merchant, _)) = data.merchant(&props.id) else {
        return html! {
            <section aria-labelledby="traffic-title">
                <h1 id="traffic-title" ref={heading} tabindex="-1">{ t.unknown_merchant }</h1>
                <Link<Route> to={Route::LiveRoom} classes="button">{ t.back_home }</Link<Route>>
            </section>
        };
    };
    let r: &LeverageReport = match report.as_ref() {
        Some(Ok(r)) => r,
        Some(Err(e)) => return html! { <p role="alert">{ e.clone() }</p> },
        None => return html! { <p role="status">{ tt.loading }</p> },
    };
    let verdict = format!("{:?}", r.verdict);
    let lift = r.lift.map(|l| {
        html! {
            <figure class="lift-chart" aria-labelledby="lift-title">
                <figcaption id="lift-title">{ tt.lift_title }{ "：" }<strong class="lift-value">{ tt.percent(l.estimate) }</strong>
                    { format!("（{} – {}）", tt.percent(l.low), tt.percent(l.high)) }</figcaption>
                <IntervalTrack estimate={l.estimate} low={l.low} high={l.high} min_reach={0.1} />
            </figure>
        }
    });
    let roi = html! {
        <div class="roi-cards">
            if let Some(paid) = r.roi_paid_only {
                <div class="roi-card roi-paid"><span class="roi-label">{ tt.roi_paid }</span><span class="roi-value">{ tt.roi(paid) }</span></div>
            }
            if let Some(with) = r.roi_with_levered {
                <div class="roi-card roi-levered">
                    <span class="roi-label">{ tt.roi_levered }</span>
                    <span class="roi-value">{ tt.roi(with.estimate) }</span>
                    <span class="hint">{ tt.roi_interval(with.low, with.high) }</span>
                </div>
            }
        </div>
    };
    let max = r
        .timeline
        .iter()
        .map(|s| (s.natural_exposure + s.paid_exposure) as f64)
        .fold(1.0, f64::max);
    let chart = html! {
        <figure class="exposure-chart" aria-labelledby="exposure-title">
            <figcaption id="exposure-title"><h2>{ tt.timeline_title }</h2></figcaption>
            // The columns repeat the table below, which is what assistive technology reads.
            <div class="exposure-bars" aria-hidden="true">
                { for r.timeline.iter().map(|s| html! {
                    <span class={classes!("exposure-col", s.levered.then_some("col-levered"), s.pushed.then_some("col-pushed"))}
                        title={format!("{} · {} + {}", s.start_at.local_date(), s.natural_exposure, s.paid_exposure)}>
                        // Stacked from the bottom (column-reverse): natural, then paid on top.
                        <span class="bar-natural" style={format!("height: {}", percent(s.natural_exposure as f64, max))}></span>
                        <span class="bar-paid" style={format!("height: {}", percent(s.paid_exposure as f64, max))}></span>
                    </span>
                }) }
            </div>
            <p class="legend" aria-hidden="true">
                <span class="key key-natural">{ tt.legend_natural }</span>
                <span class="key key-paid">{ tt.legend_paid }</span>
                <span class="key key-pushed">{ tt.legend_pushed }</span>
                <span class="key key-levered">{ tt.legend_levered }</span>
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={tt.timeline_caption(r.timeline.len())}>
                <table class="data-table exposure-table">
                    <caption>{ tt.timeline_caption(r.timeline.len()) }</caption>
                    <thead><tr>
                        <th scope="col">{ tt.col_start }</th><th scope="col">{ tt.col_natural }</th>
                        <th scope="col">{ tt.col_paid }</th><th scope="col">{ tt.col_spend }</th>
                        <th scope="col">{ tt.col_gmv }</th><th scope="col">{ tt.col_role }</th>
                        <th scope="col">{ tt.col_activity }</th>
                    </tr></thead>
                    <tbody>
                        { for r.timeline.iter().map(|s| html! {
                            <tr data-session={s.session_id.clone()} class={classes!(s.pushed.then_some("row-pushed"), s.levered.then_some("row-levered"))}>
                                <th scope="row"><time datetime={s.start_at.to_string()}>{ s.start_at.local_date().to_string() }</time></th>
                                <td class="num">{ s.natural_exposure }</td>
                                <td class="num">{ s.paid_exposure }</td>
                                <td class="num">{ format_yuan(s.paid_spend_fen) }</td>
                                <td class="num">{ format_yuan(s.gmv_fen) }</td>
                                <td>{ if s.pushed { tt.role_pushed } else if s.levered { tt.role_levered } else { tt.role_plain } }</td>
                                <td class="num">{ format!("{:.2}", s.market_activity) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </figure>
    };
    html! {
        <section class="traffic-page" aria-labelledby="traffic-title">
            <h1 id="traffic-title" ref={heading} tabindex="-1">{ tt.title }{ " · " }{ &merchant.name }</h1>
            <p class="intro">{ tt.intro }</p>
            <p class={classes!("leverage-verdict", format!("verdict-{verdict}"))} data-verdict={verdict.clone()}>{ tt.verdict(r, config.min_sessions) }</p>
            { lift.unwrap_or_default() }
            { roi }
            if !r.timeline.is_empty() {
                { chart }
            }
            <details class="assumptions">
                <summary>{ tt.assumptions_title }</summary>
                <ul>{ for tt.assumptions(r.following_sessions).into_iter().map(|a| html! { <li>{ a }</li> }) }</ul>
            </details>
            { match natural.as_ref() {
                Some(Ok((report, base_reach, min_merchants))) => html! {
                    <TrustTraffic report={report.clone()} base_reach={*base_reach} min_merchants={*min_merchants} />
                },
                Some(Err(e)) => html! { <p role="alert">{ e.clone() }</p> },
                None => html! {},
            } }
        </section>
    }
}
