//! The merchant's cold-start assistant (冷启助手, `/merchant/:id/coldstart`): the step plan of its
//! type with its progress, the next step with what is missing and a link to where the work is
//! done, and what similar shops did (the cohort evidence as charts with tables, the merchant's own
//! path beside it). The core computes everything (`livetrust_core::coldstart::run`).

use std::rc::Rc;

use livetrust_core::coldstart::{self, ColdStartConfig, ColdStartReport, Goal, StepStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::cohort_chart::CohortChart;
use crate::hooks::{use_need_data, use_page};
use crate::i18n::{Lang, LangTexts};
use crate::state::DataContext;

#[derive(Debug, Properties, PartialEq)]
pub struct ColdStartPageProps {
    pub id: String,
}

/// The page a goal's work is done on.
fn action_route(goal: &Goal, id: &str) -> Route {
    let id = id.to_owned();
    match goal {
        Goal::ShortVideoOrders { .. } => Route::Clip { id },
        Goal::LiveSessions { .. } | Goal::Orders { .. } | Goal::Followers { .. } => {
            Route::Preview { id }
        }
        Goal::RepeatBuyers { .. } | Goal::PositiveReviews { .. } => Route::Reviews { id },
    }
}

#[function_component(ColdStartPage)]
pub fn coldstart_page(props: &ColdStartPageProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let ct = t.coldstart;
    let ctx = use_context::<DataContext>();
    use_need_data(ctx.as_ref());
    let heading = use_node_ref();
    use_page(ct.title.to_owned(), heading.clone());
    let data = ctx.and_then(|c| c.data);
    let config = use_memo((), |_| ColdStartConfig::default());
    // Keyed by the data's identity: an import replaces it, and the plan follows.
    let report = {
        let (data, config) = (data.clone(), config.clone());
        use_memo(
            (
                props.id.clone(),
                data.as_ref().map(|d| Rc::as_ptr(d) as usize),
            ),
            move |(id, _)| {
                data.as_ref()
                    .map(|d| coldstart::run(&d.dataset, id, &config).map_err(|e| e.to_string()))
            },
        )
    };

    let Some(data) = data else {
        return html! { <p role="status">{ ct.loading }</p> };
    };
    let Some((merchant, _)) = data.merchant(&props.id) else {
        return html! {
            <section aria-labelledby="coldstart-title">
                <h1 id="coldstart-title" ref={heading} tabindex="-1">{ t.unknown_merchant }</h1>
                <Link<Route> to={Route::LiveRoom} classes="button">{ t.back_home }</Link<Route>>
            </section>
        };
    };
    let r: &ColdStartReport = match report.as_ref() {
        Some(Ok(r)) => r,
        Some(Err(e)) => return html! { <p role="alert">{ e.clone() }</p> },
        None => return html! { <p role="status">{ ct.loading }</p> },
    };
    let e = &r.evidence;
    let next = r
        .next
        .as_ref()
        .and_then(|id| r.steps.iter().find(|s| &s.id == id));
    let next_block = match next {
        Some(s) => html! {
            <section class="next-step" aria-labelledby="next-title" data-step={s.id.clone()}>
                <h2 id="next-title">{ ct.next_title }</h2>
                <p class="next-goal">{ ct.goal(&s.goal) }</p>
                <p class="next-progress">{ ct.progress(s.value, s.target, s.missing) }</p>
                <p class="hint">{ ct.unlocks(&s.unlocks) }</p>
                <Link<Route> to={action_route(&s.goal, &props.id)} classes="button next-action">{ ct.action(&s.goal) }</Link<Route>>
            </section>
        },
        None => html! { <p class="next-step all-done" role="status">{ ct.all_done }</p> },
    };
    let steps = html! {
        <ol class="cold-steps">
            { for r.steps.iter().map(|s| {
                let class = match s.status {
                    StepStatus::Done => "step-done",
                    StepStatus::Next => "step-next",
                    StepStatus::Later => "step-later",
                };
                let share = if s.target == 0 { 1.0 } else { (s.value as f64 / s.target as f64).min(1.0) };
                html! {
                    <li class={classes!("cold-step", class)} data-step={s.id.clone()}>
                        <span class="step-status">{ ct.status(s.status) }</span>
                        <h3 class="step-goal">{ ct.goal(&s.goal) }</h3>
                        <span class="step-meter" aria-hidden="true"><span style={format!("width: {:.1}%", share * 100.0)}></span></span>
                        <p class="step-progress">
                            { ct.progress(s.value, s.target, s.missing) }
                            if let Some(at) = s.reached_at {
                                { " · " }<time datetime={at.to_string()}>{ ct.reached(&at.local_date().to_string()) }</time>
                            }
                        </p>
                        <p class="hint">{ ct.unlocks(&s.unlocks) }</p>
                    </li>
                }
            }) }
        </ol>
    };
    let path_cell =
        |p: Option<coldstart::StartPath>| p.map_or(ct.unclassified, |p| ct.path(p)).to_owned();
    html! {
        <section class="coldstart-page" aria-labelledby="coldstart-title">
            <h1 id="coldstart-title" ref={heading} tabindex="-1">{ ct.title }{ " · " }{ &merchant.name }</h1>
            <p class="intro">{ ct.intro }</p>
            <p class="coldstart-summary">
                { ct.summary(r.done, r.steps.len(), e.own.as_ref().map(|o| o.days_open)) }
            </p>
            <progress class="coldstart-progress" max={r.steps.len().to_string()} value={r.done.to_string()} aria-label={ct.progress_label}></progress>
            { next_block }
            <h2>{ ct.steps_title }</h2>
            { steps }
            <h2>{ ct.evidence_title }</h2>
            <p class="cohort-who">
                { ct.cohort(e.merchant_type, data.category_name(&e.category_id), e.window_days, e.members.len(), e.still_starting) }
            </p>
            <div class="cohort-questions">
                { for (0..e.questions.len()).map(|i| html! {
                    <CohortChart evidence={e.clone()} question={i} min_per_path={config.evidence.min_per_path} />
                }) }
            </div>
            <p class="hint">{ ct.caveat }</p>
            if !e.members.is_empty() {
                <details class="cohort-members">
                    <summary>{ ct.members_summary(e.members.len()) }</summary>
                    <div class="table-scroll" tabindex="0" role="region" aria-label={ct.members_summary(e.members.len())}>
                        <table class="data-table">
                            <caption class="visually-hidden">{ ct.members_summary(e.members.len()) }</caption>
                            <thead><tr>
                                <th scope="col">{ ct.col_merchant }</th><th scope="col">{ ct.col_opened }</th>
                                <th scope="col">{ ct.question(coldstart::Question::ShortVideoOrLive) }</th>
                                <th scope="col">{ ct.question(coldstart::Question::FollowersOrSales) }</th>
                                <th scope="col">{ ct.col_outcome }</th>
                            </tr></thead>
                            <tbody>
                                { for e.members.iter().map(|m| html! {
                                    <tr data-merchant={m.merchant_id.clone()}>
                                        <th scope="row">{ &m.merchant_id }</th>
                                        <td>{ m.start_date.to_string() }</td>
                                        <td>{ path_cell(m.channel_path) }</td>
                                        <td>{ path_cell(m.growth_path) }</td>
                                        <td class="num">{ m.outcome_orders }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </details>
            }
        </section>
    }
}
