//! The merchant's back office for the index: overall score and placement, the four dimensions
//! against peers (chart and table), every metric with its window and sample, suggestions with the
//! points they bring, the what-if panel, and what the review guard did.

use std::rc::Rc;

use livetrust_core::index::report::{DataStatus, TargetKind};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::{use_need_data, use_page};

use crate::components::dimension_chart::DimensionChart;
use crate::components::trend_chart::TrendChart;
use crate::components::what_if::{TrafficInput, WhatIf};
use crate::i18n::{Direction, Lang, LangTexts, SuggestionText};
use crate::state::DataContext;
use livetrust_widgets::{BadgeData, TrustBadge};

#[derive(Debug, Properties, PartialEq)]
pub struct MerchantPageProps {
    pub id: String,
}

#[function_component(MerchantPage)]
pub fn merchant_page(props: &MerchantPageProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let ctx = use_context::<DataContext>();
    // The back office needs every record: ask for them if no page did yet.
    use_need_data(ctx.as_ref());
    let data = ctx.and_then(|c| c.data);
    // The trend recomputes the index at four earlier days for this merchant's category only.
    let trend = {
        let data = data.clone();
        use_memo(
            (props.id.clone(), data.as_ref().map(|d| d.market.as_of)),
            move |(id, _)| {
                data.as_ref().and_then(|d| {
                    livetrust_core::index::trend(&d.dataset, id, d.market.as_of, 4, &d.config).ok()
                })
            },
        )
    };
    let heading = use_node_ref();
    let title = match &data {
        None => t.loading.to_owned(),
        Some(d) => d
            .merchant(&props.id)
            .map_or_else(|| t.unknown_merchant.to_owned(), |(m, _)| m.name.clone()),
    };
    use_page(title, heading.clone());
    let Some(data) = data else {
        return html! { <p role="status">{ t.loading }</p> };
    };
    let Some((merchant, report)) = data.merchant(&props.id) else {
        return html! {
            <section aria-labelledby="merchant-title">
                <h1 id="merchant-title" ref={heading} tabindex="-1">{ t.unknown_merchant }</h1>
                <p>{ t.unknown_merchant_hint }</p>
                <Link<Route> to={Route::LiveRoom} classes="button">{ t.back_home }</Link<Route>>
            </section>
        };
    };
    let placement = data.placement(&props.id).map(Rc::new);
    // Fitted once per dataset; without a model the panel says nothing about traffic.
    let traffic = data.traffic_model().ok().map(|model| TrafficInput {
        model,
        merchant: Rc::new(merchant.clone()),
        link: html! {
            <Link<Route> to={Route::Traffic { id: props.id.clone() }} classes="natural-link">{ t.natural.model_link }</Link<Route>>
        },
    });
    let r = report.clone();
    let g = &r.guard;
    html! {
        <section class="merchant-page" aria-labelledby="merchant-title">
            <p class="eyebrow">{ t.merchant_title }</p>
            <h1 id="merchant-title" ref={heading} tabindex="-1">{ &merchant.name }</h1>
            <p class="intro">{ format!("{} · {}", data.category_name(&merchant.category_id), r.as_of) }</p>
            <p>
                <Link<Route> to={Route::Reviews { id: props.id.clone() }} classes="button reviews-link">{ t.reviews.nav }</Link<Route>>
                { " " }
                <Link<Route> to={Route::Preview { id: props.id.clone() }} classes="button preview-link">{ t.preview.nav }</Link<Route>>
                <Link<Route> to={Route::Clip { id: props.id.clone() }} classes="button clip-link">{ t.clip.nav }</Link<Route>>
                <Link<Route> to={Route::Assistant { id: props.id.clone() }} classes="button assistant-link">{ t.assistant.nav }</Link<Route>>
                <Link<Route> to={Route::Calendar { id: props.id.clone() }} classes="button calendar-link">{ t.calendar.nav }</Link<Route>>
                <Link<Route> to={Route::ColdStart { id: props.id.clone() }} classes="button coldstart-link">{ t.coldstart.nav }</Link<Route>>
                <Link<Route> to={Route::Traffic { id: props.id.clone() }} classes="button traffic-link">{ t.traffic.nav }</Link<Route>>
            </p>
            <div class="overall">
                <div>
                    <div class="overall-label">{ t.overall_score }</div>
                    { match r.overall {
                        Some(o) => html! { <>
                            <div class="overall-value">{ format!("{:.1}", o.value) }</div>
                            <div class="hint">{ t.interval(o.low, o.high) }</div>
                        </> },
                        None => html! { <div class="overall-value overall-none">{ t.viewer.no_data_yet }</div> },
                    } }
                </div>
                <TrustBadge data={Rc::new(BadgeData::from(&**report))} {lang} />
            </div>
            if !r.placement.missing.is_empty() {
                <section class="why-no-tier" aria-labelledby="why-no-tier-title">
                    <h2 id="why-no-tier-title">{ t.why_no_tier }</h2>
                    <ul>
                        { for r.placement.missing.iter().map(|s| html! { <li>{ t.shortfall(s) }</li> }) }
                    </ul>
                </section>
            }

            <h2>{ t.dimensions_title }</h2>
            <DimensionChart dimensions={r.dimensions.clone()} />

            if let Some(points) = (*trend).clone() {
                <h2>{ t.trend_title }</h2>
                <TrendChart points={points} />
            }

            <h2 id="suggestions-title">{ t.suggestions_title }</h2>
            if r.suggestions.is_empty() {
                <p>{ t.no_suggestions }</p>
            } else {
                <ol class="suggestions" aria-labelledby="suggestions-title">
                    { for r.suggestions.iter().take(6).map(|s| html! {
                        <li>{ t.suggestion(&SuggestionText {
                            metric: t.metric(s.metric),
                            direction: Direction::of(s.metric),
                            current: &t.metric_value(s.metric, s.current),
                            target: &t.metric_value(s.metric, s.target),
                            top10: s.target_kind == TargetKind::Top10,
                            gain: s.overall_gain,
                            dimension: t.dimension(s.dimension),
                            dimension_gain: s.dimension_gain,
                            // Only a change of tier is news.
                            new_tier: s.new_tier.filter(|&x| Some(x) != r.placement.tier).map(|x| t.tier(x)),
                            untiered_now: r.placement.tier.is_none(),
                        }) }</li>
                    }) }
                </ol>
            }

            if let Some(placement) = placement {
                <WhatIf placement={placement} report={report.clone()} traffic={traffic} />
            }

            <h2>{ t.metrics_title }</h2>
            <p class="hint">{ t.windows_note }</p>
            <p class="hint">{ t.weights_note }</p>
            <div class="table-scroll metrics-scroll" tabindex="0" role="region" aria-label={t.metrics_title}>
                <table class="metrics">
                    <thead><tr>
                        <th scope="col">{ t.col_metric }</th><th scope="col">{ t.col_dimension }</th>
                        <th scope="col">{ t.col_value }</th><th scope="col">{ t.col_window }</th>
                        <th scope="col">{ t.col_sample }</th><th scope="col">{ t.col_percentile }</th>
                        <th scope="col">{ t.col_peer_median }</th><th scope="col">{ t.col_weight }</th>
                        <th scope="col">{ t.col_contribution }</th>
                    </tr></thead>
                    <tbody>
                        { for r.metrics.iter().map(|m| {
                            let status = match m.status {
                                DataStatus::Scored => None,
                                DataStatus::NoData => Some(t.viewer.no_data_yet),
                                DataStatus::FewPeers => Some(t.viewer.few_peers),
                            };
                            html! {
                                <tr data-metric={livetrust_core::index::config::camel(m.metric)}>
                                    <th scope="row">{ t.metric(m.metric) }</th>
                                    <td data-label={t.col_dimension}>{ t.dimension(m.dimension) }</td>
                                    <td class="num" data-label={t.col_value}>{ m.raw.map_or_else(|| t.viewer.no_data_yet.to_owned(), |v| t.metric_value(m.metric, v)) }</td>
                                    <td data-label={t.col_window}>{ format!("{} – {}", m.window.first_day, m.window.last_day) }</td>
                                    <td class="num" data-label={t.col_sample}>{ format!("{:.0}", m.sample) }</td>
                                    <td class="num" data-label={t.col_percentile}>{ match (m.peer_percentile, status) {
                                        (Some(p), _) => format!("{p:.0}"),
                                        (None, Some(s)) => s.to_owned(),
                                        (None, None) => "–".to_owned(),
                                    } }</td>
                                    <td class="num" data-label={t.col_peer_median}>{ m.peer_median.map_or_else(|| "–".to_owned(), |v| t.metric_value(m.metric, v)) }</td>
                                    <td class="num" data-label={t.col_weight}>{ format!("{:.1}%", m.effective_weight) }</td>
                                    <td class="num" data-label={t.col_contribution}>{ format!("{:.2}", m.contribution) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>

            <section class="guard" aria-labelledby="guard-title">
                <h2 id="guard-title">{ t.guard_title }</h2>
                <p class="hint">{ t.guard_intro }</p>
                if g.discounted_buyers == 0 {
                    <p>{ t.guard_none }</p>
                } else {
                    <p class="guard-summary" role="status">{ t.guard_discounted(g.discounted_buyers, g.discounted_orders, g.discounted_reviews, g.discounted_recent_orders) }</p>
                    <table class="data-table visible-table guard-reasons">
                        <caption>{ t.guard_reasons_caption }</caption>
                        <thead><tr><th scope="col">{ t.col_evidence }</th><th scope="col">{ t.col_buyers }</th></tr></thead>
                        <tbody>
                            { for g.reasons.iter().map(|c| html! {
                                <tr><th scope="row">{ t.evidence(c.evidence) }</th><td class="num">{ c.buyers }</td></tr>
                            }) }
                        </tbody>
                    </table>
                    <div class="table-scroll" tabindex="0" role="region" aria-label={t.guard_examples_caption}>
                        <table class="data-table visible-table guard-examples">
                            <caption>{ t.guard_examples_caption }</caption>
                            <thead><tr>
                                <th scope="col">{ t.col_buyer }</th><th scope="col">{ t.col_points }</th>
                                <th scope="col">{ t.col_evidence }</th><th scope="col">{ t.col_orders }</th>
                                <th scope="col">{ t.col_reviews }</th>
                            </tr></thead>
                            <tbody>
                                { for g.examples.iter().map(|x| html! {
                                    <tr>
                                        <th scope="row">{ &x.buyer_id }</th>
                                        <td class="num">{ x.points }</td>
                                        <td>{ x.evidence.iter().map(|e| t.evidence(*e)).collect::<Vec<_>>().join("、") }</td>
                                        <td class="num">{ x.orders }</td>
                                        <td class="num">{ x.reviews }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
                <ul>
                    { for g.bursts.iter().map(|b| html! {
                        <li>{ t.burst(&b.first_day.to_string(), &b.last_day.to_string(), b.reviews, b.usual) }</li>
                    }) }
                    { for g.spikes.iter().map(|x| html! {
                        <li>{ t.spike(&x.product_id, &x.first_day.to_string(), &x.last_day.to_string(), x.orders, x.usual) }</li>
                    }) }
                </ul>
                <p class="hint">{ t.guard_counts(g.ignored_reviews, g.capped_reviews) }</p>
            </section>
        </section>
    }
}
