//! The merchant's live assistant (直播助手, `/merchant/:id/assistant`): the session's products,
//! the staging zone (上车准备区) — stage a product in 5 or 10 minutes or at a time, reorder it,
//! put it on air — and the priority audience matching the platform runs for what is staged. The
//! core checks every edit (`livetrust_core::staging`) and the page shows a refused one as a
//! sentence; the zone lives in IndexedDB (`crate::staging_store`), saved on every change and
//! shared with other tabs and with the clip page.

use std::cell::RefCell;
use std::rc::Rc;

use livetrust_core::model::LiveSession;
use livetrust_core::preview::audience::{AudienceHistory, AudienceSignals};
use livetrust_core::staging::{
    apply, coming_up, priority_match, LivePlan, StagingConfig, StagingEdit, StagingState,
};
use livetrust_core::Error;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::drafts::DraftError;
use crate::hooks::{use_need_data, use_page};
use crate::i18n::assistant::AssistantTexts;
use crate::i18n::{Lang, LangTexts};
use crate::pages::clip::{clock, parse_clock};
use crate::staging_store;
use crate::state::{AppData, DataContext};

#[derive(Debug, Properties, PartialEq)]
pub struct AssistantPageProps {
    pub id: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    Idle,
    Saving,
    Saved,
    Failed,
    OtherTab,
}

#[derive(Default)]
struct Shared {
    rev: u32,
    saving: bool,
    pending: Option<StagingState>,
    /// The shown session's plan and buyer history (built once per session).
    plan: Option<(String, Rc<LivePlan>)>,
    history: Option<(String, Rc<AudienceHistory>)>,
    /// The expected viewers shown, and how the last change of the zone moved them (kept over
    /// re-renders that change nothing, such as the save status).
    last_expected: Option<f64>,
    change: Option<f64>,
}

/// A refused edit as a sentence in the reader's language.
fn refusal(ct: &AssistantTexts, error: &Error, title: &dyn Fn(&str) -> String) -> String {
    let (field, reason) = match error {
        Error::InvalidField { field, reason } => (field.as_str(), reason.as_str()),
        Error::InvalidInput { message } => ("", message.as_str()),
    };
    if !ct.is_zh() {
        return format!("{}: {reason}", ct.refused);
    }
    let product = reason
        .split_whitespace()
        .next()
        .map(title)
        .unwrap_or_default();
    let text = if reason.contains("not in the session's live plan") {
        format!("{product} 不在本场直播商品里")
    } else if reason.contains("already staged") {
        format!("{product} 已经在上车准备区里")
    } else if reason.contains("on air now") {
        format!("{product} 正在上车讲解，不能再放进准备区")
    } else if reason.contains("in the past") {
        "上车时间早于直播时钟，请选现在之后的时间".to_owned()
    } else if reason.contains("must not go back") {
        "直播时钟不能往回调".to_owned()
    } else if reason.contains("holds at most") {
        format!(
            "上车准备区最多放 {} 个商品",
            StagingConfig::default().max_staged
        )
    } else {
        format!("{field}：{reason}")
    };
    format!("{}：{text}", ct.refused)
}

fn save(
    session: String,
    shared: Rc<RefCell<Shared>>,
    state: UseStateHandle<Option<StagingState>>,
    status: UseStateHandle<Status>,
) {
    if shared.borrow().saving {
        return;
    }
    shared.borrow_mut().saving = true;
    yew::platform::spawn_local(async move {
        loop {
            let (next, rev) = {
                let mut s = shared.borrow_mut();
                (s.pending.take(), s.rev)
            };
            let Some(next) = next else { break };
            status.set(Status::Saving);
            match staging_store::save(&session, &next, rev).await {
                Ok(record) => {
                    shared.borrow_mut().rev = record.rev;
                    status.set(Status::Saved);
                }
                Err(DraftError::Conflict(theirs)) => {
                    let mut s = shared.borrow_mut();
                    s.pending = None;
                    s.rev = theirs.as_ref().map_or(0, |r| r.rev);
                    state.set(Some(
                        theirs
                            .as_ref()
                            .and_then(staging_store::read)
                            .unwrap_or_default(),
                    ));
                    status.set(Status::OtherTab);
                }
                Err(DraftError::Store(_)) => {
                    shared.borrow_mut().pending = None;
                    status.set(Status::Failed);
                }
            }
        }
        shared.borrow_mut().saving = false;
    });
}

#[function_component(AssistantPage)]
pub fn assistant_page(props: &AssistantPageProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let ct = t.assistant;
    let ctx = use_context::<DataContext>();
    use_need_data(ctx.as_ref());
    let data: Option<Rc<AppData>> = ctx.and_then(|c| c.data);
    let heading = use_node_ref();
    use_page(ct.title.to_owned(), heading.clone());
    let chosen = use_state(|| None::<String>);
    let state = use_state(|| None::<StagingState>);
    let status = use_state(|| Status::Idle);
    let refused = use_state(|| None::<String>);
    let clock_text = use_state(|| None::<String>);
    let at_text = use_state(String::new);
    let at_product = use_state(|| None::<String>);
    let shared = use_mut_ref(Shared::default);
    let reload = use_state(|| 0u32);

    let sessions: Vec<Rc<LiveSession>> = data
        .as_ref()
        .map(|d| {
            d.dataset
                .live_sessions
                .iter()
                .filter(|s| s.merchant_id == props.id)
                .map(|s| Rc::new(s.clone()))
                .collect()
        })
        .unwrap_or_default();
    let mut sessions = sessions;
    sessions.sort_by_key(|s| s.start_at);
    // The latest session until the merchant picks another.
    let session: Option<Rc<LiveSession>> = match &*chosen {
        Some(id) => sessions.iter().find(|s| s.id == *id).cloned(),
        None => sessions.last().cloned(),
    };
    let session_id = session.as_ref().map(|s| s.id.clone());

    {
        let (state, shared, status) = (state.clone(), shared.clone(), status.clone());
        use_effect_with((session_id.clone(), *reload), move |(id, _)| {
            if let Some(id) = id.clone() {
                yew::platform::spawn_local(async move {
                    match staging_store::load(&id).await {
                        Ok(Some(record)) => {
                            shared.borrow_mut().rev = record.rev;
                            state.set(Some(staging_store::read(&record).unwrap_or_default()));
                        }
                        Ok(None) => {
                            shared.borrow_mut().rev = 0;
                            state.set(Some(StagingState::default()));
                        }
                        Err(_) => {
                            status.set(Status::Failed);
                            state.set(Some(StagingState::default()));
                        }
                    }
                });
            }
        });
    }
    {
        let (reload, shared, status) = (reload.clone(), shared.clone(), status.clone());
        let _listener = use_memo(session_id.clone(), move |id| {
            let id = id.clone();
            staging_store::listen(move |key, rev| {
                let ours = rev <= shared.borrow().rev;
                if Some(&key) == id.as_ref() && !ours && !shared.borrow().saving {
                    status.set(Status::OtherTab);
                    reload.set(*reload + 1);
                }
            })
        });
    }

    let Some(data) = data else {
        return html! { <p role="status">{ ct.loading }</p> };
    };
    let Some((merchant, _)) = data.merchant(&props.id) else {
        return html! {
            <section aria-labelledby="assistant-title">
                <h1 id="assistant-title" ref={heading} tabindex="-1">{ t.unknown_merchant }</h1>
                <Link<Route> to={Route::LiveRoom} classes="button">{ t.back_home }</Link<Route>>
            </section>
        };
    };
    let title = html! {
        <>
            <h1 id="assistant-title" ref={heading} tabindex="-1">{ ct.title }{ " · " }{ &merchant.name }</h1>
            <p class="intro">{ ct.intro }</p>
        </>
    };
    let Some(session) = session else {
        return html! {
            <section class="assistant-page" aria-labelledby="assistant-title">{ title }<p>{ ct.no_sessions }</p></section>
        };
    };
    let Some(current) = (*state).clone() else {
        return html! {
            <section class="assistant-page" aria-labelledby="assistant-title">{ title }<p role="status">{ ct.loading }</p></section>
        };
    };

    let config = StagingConfig::default();
    let (plan, history) = {
        let mut s = shared.borrow_mut();
        if s.plan.as_ref().is_none_or(|(id, _)| *id != session.id) {
            let plan = LivePlan::from_dataset(&data.dataset, &session.id).unwrap_or(LivePlan {
                session_id: session.id.clone(),
                products: Vec::new(),
            });
            s.plan = Some((session.id.clone(), Rc::new(plan)));
            s.history = AudienceHistory::from_dataset(
                &data.dataset,
                session.start_at.local_date(),
                &AudienceSignals::default(),
            )
            .ok()
            .map(|h| (session.id.clone(), Rc::new(h)));
            s.last_expected = None;
            s.change = None;
        }
        (
            s.plan.as_ref().map(|(_, p)| p.clone()).unwrap_or_default(),
            s.history.as_ref().map(|(_, h)| h.clone()),
        )
    };
    let titles: Rc<dyn Fn(&str) -> String> = {
        let data = data.clone();
        Rc::new(move |id: &str| {
            data.dataset
                .products
                .iter()
                .find(|p| p.id == id)
                .map_or_else(|| id.to_owned(), |p| p.title.clone())
        })
    };

    let edit = {
        let (state, shared, status, refused, plan, titles, id) = (
            state.clone(),
            shared.clone(),
            status.clone(),
            refused.clone(),
            plan.clone(),
            titles.clone(),
            session.id.clone(),
        );
        let current = current.clone();
        let config = config.clone();
        Callback::from(
            move |e: StagingEdit| match apply(&plan, &current, &e, &config) {
                Ok(next) => {
                    refused.set(None);
                    shared.borrow_mut().pending = Some(next.clone());
                    state.set(Some(next));
                    save(id.clone(), shared.clone(), state.clone(), status.clone());
                }
                Err(err) => refused.set(Some(refusal(ct, &err, &*titles))),
            },
        )
    };

    let strip = coming_up(&plan, &current, &config);
    let matching = history
        .as_ref()
        .and_then(|h| priority_match(h, &plan, &current, &config).ok());
    let change = {
        let mut s = shared.borrow_mut();
        let now = matching.as_ref().map(|m| m.expected_viewers.expected);
        if now != s.last_expected {
            s.change = match (s.last_expected, now) {
                (Some(a), Some(b)) => Some(b - a),
                _ => None,
            };
            s.last_expected = now;
        }
        s.change
    };

    let on_session = {
        let (chosen, state, shared, showing) = (
            chosen.clone(),
            state.clone(),
            shared.clone(),
            session.id.clone(),
        );
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if value == showing {
                return;
            }
            shared.borrow_mut().pending = None;
            state.set(None);
            chosen.set(Some(value));
        })
    };
    let on_clock_input = {
        let clock_text = clock_text.clone();
        Callback::from(move |e: InputEvent| {
            clock_text.set(Some(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            ))
        })
    };
    let on_clock = {
        let (edit, clock_text, refused) = (edit.clone(), clock_text.clone(), refused.clone());
        let duration = session.duration_seconds();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = (*clock_text).clone().unwrap_or_default();
            match parse_clock(&text).filter(|&s| s <= duration) {
                Some(now_second) => {
                    clock_text.set(None);
                    edit.emit(StagingEdit::Clock { now_second });
                }
                None => refused.set(Some(format!("{}：{}", ct.refused, ct.clock))),
            }
        })
    };
    let on_at_product = {
        let at_product = at_product.clone();
        Callback::from(move |e: Event| {
            at_product.set(Some(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            ))
        })
    };
    let on_at_input = {
        let at_text = at_text.clone();
        Callback::from(move |e: InputEvent| {
            at_text.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let first_product = plan
        .products
        .first()
        .map(|p| p.product_id.clone())
        .unwrap_or_default();
    let on_stage_at = {
        let (edit, at_text, at_product, refused) = (
            edit.clone(),
            at_text.clone(),
            at_product.clone(),
            refused.clone(),
        );
        let first = first_product.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let product_id = (*at_product).clone().unwrap_or_else(|| first.clone());
            match parse_clock(&at_text) {
                Some(at) => edit.emit(StagingEdit::Stage {
                    product_id,
                    in_minutes: None,
                    at_second: Some(at),
                }),
                None => refused.set(Some(format!("{}：{}", ct.refused, ct.at_time))),
            }
        })
    };

    let status_text = match *status {
        Status::Idle => "",
        Status::Saving => ct.saving,
        Status::Saved => ct.saved,
        Status::Failed => ct.save_failed,
        Status::OtherTab => ct.other_tab,
    };
    let price = |fen: i64| format!("¥{}.{:02}", fen / 100, fen % 100);
    let button = |label: String, class: &'static str, e: StagingEdit| {
        let edit = edit.clone();
        html! { <button type="button" class={class} onclick={Callback::from(move |_: MouseEvent| edit.emit(e.clone()))}>{ label }</button> }
    };
    let staged_ids: Vec<&str> = current
        .staged
        .iter()
        .map(|s| s.product_id.as_str())
        .collect();
    let on_air_id = current.on_air.as_ref().map(|o| o.product_id.clone());

    html! {
        <section class="assistant-page" aria-labelledby="assistant-title">
            { title }
            <div class="assistant-settings">
                <label>
                    <span>{ ct.session }</span>
                    <select onchange={on_session}>
                        { for sessions.iter().map(|s| html! {
                            <option value={s.id.clone()} selected={s.id == session.id}>{ crate::pages::clip::session_label(ct.is_zh(), s) }</option>
                        }) }
                    </select>
                </label>
                <form class="clock-form" onsubmit={on_clock}>
                    <label>
                        <span>{ ct.clock }</span>
                        <input type="text" inputmode="numeric" id="assistant-clock"
                            value={(*clock_text).clone().unwrap_or_else(|| clock(current.now_second))}
                            oninput={on_clock_input} aria-describedby="assistant-clock-hint" />
                        <small id="assistant-clock-hint">{ ct.clock_hint }</small>
                    </label>
                    <button type="submit">{ ct.set_clock }</button>
                </form>
                <Link<Route> to={Route::Clip { id: props.id.clone() }} classes="button">{ ct.clip_link }</Link<Route>>
            </div>
            <div class="assistant-messages">
                <p class="refusal" role="alert">{ (*refused).clone().unwrap_or_default() }</p>
                <p class="save-status" role="status">{ status_text }</p>
            </div>
            <div class="assistant-layout">
                <section class="live-plan" aria-labelledby="plan-title">
                    <h2 id="plan-title">{ ct.plan_heading }</h2>
                    <ul class="plan-products">
                        { for plan.products.iter().map(|p| {
                            let id = p.product_id.clone();
                            let name = titles(&id);
                            let busy = staged_ids.contains(&id.as_str()) || on_air_id.as_deref() == Some(id.as_str());
                            html! {
                                <li data-product={id.clone()} class={classes!(busy.then_some("busy"))}>
                                    <span class="product-name">{ name.clone() }</span>
                                    <span class="product-price">{ price(p.live_price_fen) }</span>
                                    <span class="product-actions" role="group" aria-label={name.clone()}>
                                        { button(ct.in5.to_owned(), "stage-5", StagingEdit::Stage { product_id: id.clone(), in_minutes: Some(5), at_second: None }) }
                                        { button(ct.in10.to_owned(), "stage-10", StagingEdit::Stage { product_id: id.clone(), in_minutes: Some(10), at_second: None }) }
                                        { button(ct.on_air.to_owned(), "go-on-air", StagingEdit::OnAir { product_id: id.clone() }) }
                                    </span>
                                </li>
                            }
                        }) }
                    </ul>
                    <form class="stage-at" onsubmit={on_stage_at}>
                        <label>
                            <span>{ ct.product }</span>
                            <select onchange={on_at_product}>
                                { for plan.products.iter().map(|p| html! {
                                    <option value={p.product_id.clone()} selected={at_product.as_deref().unwrap_or(&first_product) == p.product_id}>{ titles(&p.product_id) }</option>
                                }) }
                            </select>
                        </label>
                        <label>
                            <span>{ ct.at_time }</span>
                            <input type="text" inputmode="numeric" id="assistant-at" value={(*at_text).clone()} oninput={on_at_input} />
                        </label>
                        <button type="submit">{ ct.stage_at }</button>
                    </form>
                </section>
                <section class="zone" aria-labelledby="zone-title">
                    <h2 id="zone-title">{ ct.zone_heading }</h2>
                    <p class="on-air-now">
                        { match &current.on_air {
                            Some(o) => html! { <>
                                <strong>{ ct.on_air_now }{ "：" }</strong>{ titles(&o.product_id) }{ " " }
                                { button(ct.off_air.to_owned(), "off-air", StagingEdit::OffAir) }
                            </> },
                            None => html! { { ct.nothing_on_air } },
                        } }
                    </p>
                    if strip.is_empty() {
                        <p class="zone-empty">{ ct.zone_empty }</p>
                    } else {
                        <ol class="staged">
                            { for strip.iter().enumerate().map(|(i, c)| {
                                let name = titles(&c.product_id);
                                let id = c.product_id.clone();
                                let last = i + 1 == strip.len();
                                html! {
                                    <li data-product={id.clone()} data-countdown={c.countdown_seconds.to_string()}>
                                        <span class="product-name">{ name.clone() }</span>
                                        <span class="planned">{ clock(c.planned_second) }</span>
                                        <span class="countdown">{ if c.due { ct.due.to_owned() } else { ct.countdown(c.countdown_seconds) } }</span>
                                        <span class="product-actions" role="group" aria-label={name.clone()}>
                                            <button type="button" class="move-up" disabled={i == 0} aria-label={ct.move_label(true, &name)}
                                                onclick={{ let edit = edit.clone(); let id = id.clone(); Callback::from(move |_: MouseEvent| edit.emit(StagingEdit::Move { product_id: id.clone(), to: i.saturating_sub(1) as u32 })) }}>{ "↑" }</button>
                                            <button type="button" class="move-down" disabled={last} aria-label={ct.move_label(false, &name)}
                                                onclick={{ let edit = edit.clone(); let id = id.clone(); Callback::from(move |_: MouseEvent| edit.emit(StagingEdit::Move { product_id: id.clone(), to: (i + 1) as u32 })) }}>{ "↓" }</button>
                                            { button(ct.on_air.to_owned(), "go-on-air", StagingEdit::OnAir { product_id: id.clone() }) }
                                            { button(ct.unstage.to_owned(), "unstage", StagingEdit::Unstage { product_id: id.clone() }) }
                                        </span>
                                    </li>
                                }
                            }) }
                        </ol>
                    }
                </section>
                <section class="matching" aria-labelledby="matching-title">
                    <h2 id="matching-title">{ ct.matching_heading }</h2>
                    <p class="hint">{ ct.matching_intro }</p>
                    { match &matching {
                        Some(m) if !m.products.is_empty() => html! { <>
                            <dl class="matching-figures">
                                <div><dt>{ ct.matched }</dt><dd class="matched">{ m.matched_buyers.to_string() }</dd></div>
                                <div><dt>{ ct.expected }</dt><dd class="expected">{ format!("{:.1}", m.expected_viewers.expected) }<small>{ format!(" ({}–{})", m.expected_viewers.low, m.expected_viewers.high) }</small></dd></div>
                                if let Some(d) = change {
                                    <div><dt>{ ct.change }</dt><dd class="change">{ format!("{d:+.1}") }</dd></div>
                                }
                            </dl>
                            <h3>{ ct.by_product }</h3>
                            <ul class="matching-products">
                                { for m.products.iter().map(|p| html! {
                                    <li data-product={p.product_id.clone()}>{ titles(&p.product_id) }{ format!(" · {} · {:.1}", p.matched_buyers, p.expected_viewers) }</li>
                                }) }
                            </ul>
                            <h3>{ ct.first_matched }</h3>
                            <table class="first-matched">
                                <thead><tr><th scope="col">{ ct.buyer }</th><th scope="col">{ ct.affinity }</th><th scope="col">{ ct.product }</th></tr></thead>
                                <tbody>
                                    { for m.first_matched.iter().take(5).map(|b| html! {
                                        <tr><td>{ &b.buyer_id }</td><td>{ format!("{:.2}", b.affinity) }</td><td>{ b.driver.as_deref().map(|d| titles(d)).unwrap_or_default() }</td></tr>
                                    }) }
                                </tbody>
                            </table>
                        </> },
                        _ => html! { <p class="nothing-matched">{ ct.nothing_matched }</p> },
                    } }
                </section>
            </div>
        </section>
    }
}
