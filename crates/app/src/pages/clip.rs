//! The merchant's lead-in clip page (直播引流短视频, `/merchant/:id/clip`): pick a session, see it
//! as charts with the planned segments, move a segment's edges (drag or keyboard), lock or remove
//! it and get the plan recomputed around the change at once, preview the cut on a local
//! recording, and export it in every format. The core plans (a `ClipPlanner` kept per session
//! and moment, so an edit re-plans without re-scoring); the edits live in IndexedDB
//! (`crate::clip_edits`), saved on every change and shared with other tabs.

use std::cell::RefCell;
use std::rc::Rc;

use livetrust_core::clip::{
    export, CaptionLang, ClipPlanner, ClipRequest, ClipSource, ExportFormat, FrameRange,
    LockedSegment, SegmentOrder,
};
use livetrust_core::model::{LiveSession, StagedProduct};
use livetrust_core::preview::ics::civil;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::clip_edits::{self, ClipEdits};
use crate::components::clip_player::ClipPlayer;
use crate::components::clip_segments::{SegmentAction, SegmentList};
use crate::components::clip_timeline::ClipTimeline;
use crate::drafts::DraftError;
use crate::hooks::{use_need_data, use_page};
use crate::i18n::{Lang, LangTexts};
use crate::state::{AppData, DataContext};

#[derive(Debug, Properties, PartialEq)]
pub struct ClipPageProps {
    pub id: String,
}

/// `h:mm:ss` of a second count.
pub fn clock(seconds: u32) -> String {
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// `h:mm:ss`, `mm:ss` or plain seconds.
pub fn parse_clock(text: &str) -> Option<u32> {
    let parts: Vec<&str> = text.trim().split([':', '：']).collect();
    let nums: Option<Vec<u32>> = parts.iter().map(|p| p.trim().parse().ok()).collect();
    let nums = nums?;
    match nums[..] {
        [h, m, s] if m < 60 && s < 60 => Some(h * 3600 + m * 60 + s),
        [m, s] if s < 60 => Some(m * 60 + s),
        [s] => Some(s),
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
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
    pending: Option<ClipEdits>,
    /// The planner of the shown session and the staging zone it was built with.
    planner: Option<(String, Option<Vec<StagedProduct>>, ClipPlanner)>,
}

pub fn session_label(lang_zh: bool, s: &LiveSession) -> String {
    let (_, mo, d, h, mi, _) = civil(s.start_at.unix() + 8 * 3600);
    let minutes = s.duration_seconds() / 60;
    if lang_zh {
        format!("{mo}月{d}日 {h:02}:{mi:02} · {minutes} 分钟")
    } else {
        format!("{mo}/{d} {h:02}:{mi:02} · {minutes} min")
    }
}

/// Saves the latest edits, one write at a time; a newer version from another tab wins and is
/// shown.
fn save(
    session: String,
    shared: Rc<RefCell<Shared>>,
    edits: UseStateHandle<Option<ClipEdits>>,
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
            match clip_edits::save(&session, &next, rev).await {
                Ok(record) => {
                    shared.borrow_mut().rev = record.rev;
                    status.set(Status::Saved);
                }
                Err(DraftError::Conflict(theirs)) => {
                    let mut s = shared.borrow_mut();
                    s.pending = None;
                    s.rev = theirs.as_ref().map_or(0, |r| r.rev);
                    edits.set(Some(
                        theirs
                            .as_ref()
                            .and_then(ClipEdits::read)
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

#[function_component(ClipPage)]
pub fn clip_page(props: &ClipPageProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let ct = t.clip;
    let ctx = use_context::<DataContext>();
    use_need_data(ctx.as_ref());
    let data: Option<Rc<AppData>> = ctx.and_then(|c| c.data);
    let heading = use_node_ref();
    use_page(ct.title.to_owned(), heading.clone());
    let chosen = use_state(|| None::<String>);
    let edits = use_state(|| None::<ClipEdits>);
    let status = use_state(|| Status::Idle);
    let media = use_state(|| "recording.mp4".to_owned());
    let moment_text = use_state(|| None::<String>);
    let shared = use_mut_ref(Shared::default);
    let reload = use_state(|| 0u32);
    // The live assistant's staging zone of the session, if the merchant keeps one.
    let zone = use_state(|| None::<Vec<StagedProduct>>);

    let sessions: Vec<Rc<LiveSession>> = data
        .as_ref()
        .map(|d| {
            d.dataset
                .live_sessions
                .iter()
                .filter(|s| s.merchant_id == props.id && s.signals.is_some())
                .map(|s| Rc::new(s.clone()))
                .collect()
        })
        .unwrap_or_default();
    let session: Option<Rc<LiveSession>> = match &*chosen {
        Some(id) => sessions.iter().find(|s| s.id == *id).cloned(),
        None => sessions.last().cloned(),
    };
    let session_id = session.as_ref().map(|s| s.id.clone());

    // Load the session's edits (again when another tab saved them).
    {
        let (edits, shared, status) = (edits.clone(), shared.clone(), status.clone());
        let zone = zone.clone();
        use_effect_with((session_id.clone(), *reload), move |(id, _)| {
            if let Some(id) = id.clone() {
                yew::platform::spawn_local(async move {
                    let staged = crate::staging_store::load(&id)
                        .await
                        .ok()
                        .flatten()
                        .and_then(|r| crate::staging_store::read(&r))
                        .map(|state| state.staged);
                    zone.set(staged);
                    match clip_edits::load(&id).await {
                        Ok(Some(record)) => {
                            shared.borrow_mut().rev = record.rev;
                            edits.set(Some(ClipEdits::read(&record).unwrap_or_default()));
                        }
                        Ok(None) => {
                            shared.borrow_mut().rev = 0;
                            edits.set(Some(ClipEdits::default()));
                        }
                        Err(_) => {
                            status.set(Status::Failed);
                            edits.set(Some(ClipEdits::default()));
                        }
                    }
                });
            }
        });
    }
    {
        let (reload, shared, status) = (reload.clone(), shared.clone(), status.clone());
        let id = session_id.clone();
        let _listener = use_memo(id, move |id| {
            let id = id.clone();
            clip_edits::listen(move |key, rev| {
                // Our own saves come back too, with the revision we already hold.
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
            <section aria-labelledby="clip-title">
                <h1 id="clip-title" ref={heading} tabindex="-1">{ t.unknown_merchant }</h1>
                <Link<Route> to={Route::LiveRoom} classes="button">{ t.back_home }</Link<Route>>
            </section>
        };
    };
    let title = html! {
        <>
            <h1 id="clip-title" ref={heading} tabindex="-1">{ ct.title }{ " · " }{ &merchant.name }</h1>
            <p class="intro">{ ct.intro }</p>
        </>
    };
    let Some(session) = session else {
        return html! {
            <section class="clip-page" aria-labelledby="clip-title">
                { title }
                <p>{ ct.no_sessions }</p>
                <Link<Route> to={Route::Merchant { id: props.id.clone() }} classes="button">{ t.back_home }</Link<Route>>
            </section>
        };
    };
    let Some(current) = (*edits).clone() else {
        return html! {
            <section class="clip-page" aria-labelledby="clip-title">{ title }<p role="status">{ ct.loading }</p></section>
        };
    };

    // The planner for this session, and the plan for the edits as they are.
    let request = ClipRequest {
        at_second: current.at_second,
        budget_ms: current.budget_ms,
        fps: current.fps,
        order: current.order,
        lang: if ct.is_zh() {
            CaptionLang::Zh
        } else {
            CaptionLang::En
        },
        locked: current.locked.clone(),
        excluded: current.excluded.clone(),
        ..ClipRequest::default()
    };
    let (plan, scores, at_second) = {
        let mut s = shared.borrow_mut();
        let zone = (*zone).clone();
        let fresh = s
            .planner
            .as_ref()
            .is_some_and(|(id, staged, _)| *id == session.id && *staged == zone);
        if !fresh {
            s.planner = ClipSource::from_dataset(&data.dataset, &session.id)
                .map(|mut source| {
                    // The live assistant's zone, when the merchant staged products for this
                    // session, decides what is "coming up".
                    if let Some(staged) = &zone {
                        source.session.staged = staged.clone();
                    }
                    source
                })
                .and_then(ClipPlanner::new)
                .ok()
                .map(|p| (session.id.clone(), zone, p));
        }
        match s.planner.as_mut() {
            Some((_, _, planner)) => {
                let at = request.at_second.unwrap_or_else(|| planner.default_at());
                let plan = planner.plan(&request).map(Rc::new);
                let scores = planner
                    .track(&request)
                    .map(|t| Rc::new(t.fused.clone()))
                    .unwrap_or_default();
                (plan, scores, at)
            }
            None => (
                Err(livetrust_core::Error::invalid_field(
                    "session",
                    "cannot be planned",
                )),
                Rc::new(Vec::new()),
                0,
            ),
        }
    };

    let apply = {
        let (edits, shared, status, id) = (
            edits.clone(),
            shared.clone(),
            status.clone(),
            session.id.clone(),
        );
        Rc::new(move |next: ClipEdits| {
            shared.borrow_mut().pending = Some(next.clone());
            edits.set(Some(next));
            save(id.clone(), shared.clone(), edits.clone(), status.clone());
        })
    };

    let fps = current.fps;
    let limit = at_second * fps;
    let budget_frames = request.frames_floor(request.budget_ms);
    // Each segment's edge bounds: the neighbouring locked or removed parts, the moment, the
    // budget left by the other locked segments.
    let bounds: Vec<(u32, u32, u32, u32)> = plan
        .as_ref()
        .map(|p| {
            p.segments
                .iter()
                .map(|seg| {
                    let others: Vec<(u32, u32)> = current
                        .locked
                        .iter()
                        .filter(|l| {
                            !(l.source_in == seg.source_in && l.source_out == seg.source_out)
                        })
                        .map(|l| (l.source_in, l.source_out))
                        .chain(current.excluded.iter().map(|r| (r.from, r.to)))
                        .collect();
                    let locked_others: u32 = current
                        .locked
                        .iter()
                        .filter(|l| {
                            !(l.source_in == seg.source_in && l.source_out == seg.source_out)
                        })
                        .map(|l| l.source_out - l.source_in)
                        .sum();
                    let room = budget_frames.saturating_sub(locked_others);
                    let lo = others
                        .iter()
                        .filter(|o| o.1 <= seg.source_in)
                        .map(|o| o.1)
                        .max()
                        .unwrap_or(0);
                    let hi = others
                        .iter()
                        .filter(|o| o.0 >= seg.source_out)
                        .map(|o| o.0)
                        .min()
                        .unwrap_or(limit)
                        .min(limit);
                    let start_min = lo.max(seg.source_out.saturating_sub(room));
                    let end_max = hi.min(seg.source_in + room).max(seg.source_in + 1);
                    (start_min, seg.source_out - 1, seg.source_in + 1, end_max)
                })
                .collect()
        })
        .unwrap_or_default();

    let on_action = {
        let (apply, current, plan, bounds) =
            (apply.clone(), current.clone(), plan.clone(), bounds.clone());
        Callback::from(move |action: SegmentAction| {
            let Ok(plan) = &plan else { return };
            let mut next = current.clone();
            let i = match &action {
                SegmentAction::Edge(i, ..)
                | SegmentAction::ToggleLock(i)
                | SegmentAction::Remove(i) => *i,
            };
            let Some(seg) = plan.segments.get(i) else {
                return;
            };
            let same =
                |l: &LockedSegment| l.source_in == seg.source_in && l.source_out == seg.source_out;
            let was_locked = next.locked.iter().any(same);
            next.locked.retain(|l| !same(l));
            match action {
                SegmentAction::Edge(_, start, f) => {
                    let (a, b, c, d) = bounds.get(i).copied().unwrap_or((0, f, f, f));
                    let (source_in, source_out) = if start {
                        (f.clamp(a, b), seg.source_out)
                    } else {
                        (seg.source_in, f.clamp(c, d))
                    };
                    next.locked.push(LockedSegment {
                        part: seg.part,
                        source_in,
                        source_out,
                        product_id: seg.product_id.clone(),
                    });
                }
                SegmentAction::ToggleLock(_) => {
                    if !was_locked {
                        next.locked.push(LockedSegment {
                            part: seg.part,
                            source_in: seg.source_in,
                            source_out: seg.source_out,
                            product_id: seg.product_id.clone(),
                        });
                    }
                }
                SegmentAction::Remove(_) => next.excluded.push(FrameRange {
                    from: seg.source_in,
                    to: seg.source_out,
                }),
            }
            apply(next);
        })
    };
    let on_edge = {
        let on_action = on_action.clone();
        Callback::from(move |(i, start, f): (usize, bool, u32)| {
            on_action.emit(SegmentAction::Edge(i, start, f))
        })
    };

    let on_session = {
        let (chosen, edits, shared, moment_text) = (
            chosen.clone(),
            edits.clone(),
            shared.clone(),
            moment_text.clone(),
        );
        let showing = session.id.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            // The edits are reloaded when the session changes; choosing the one shown changes
            // nothing (clearing them would wait for a load that never comes).
            if value == showing {
                return;
            }
            shared.borrow_mut().pending = None;
            moment_text.set(None);
            edits.set(None);
            chosen.set(Some(value));
        })
    };
    let on_moment = {
        let (apply, current, moment_text) = (apply.clone(), current.clone(), moment_text.clone());
        let duration = session.duration_seconds();
        Callback::from(move |e: InputEvent| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            match parse_clock(&text).filter(|&s| s >= 1 && s <= duration) {
                Some(at) => {
                    moment_text.set(None);
                    let mut next = current.clone();
                    next.at_second = Some(at);
                    // What lies after the new moment cannot be kept.
                    let limit = at * next.fps;
                    next.locked.retain(|l| l.source_out <= limit);
                    next.excluded.retain(|r| r.to <= limit);
                    apply(next);
                }
                None => moment_text.set(Some(text)),
            }
        })
    };
    let on_budget = {
        let (apply, current) = (apply.clone(), current.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(ms) = value.parse::<u32>() {
                let mut next = current.clone();
                next.budget_ms = ms;
                apply(next);
            }
        })
    };
    let on_order = {
        let (apply, current) = (apply.clone(), current.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut next = current.clone();
            next.order = if value == "strongestFirst" {
                SegmentOrder::StrongestFirst
            } else {
                SegmentOrder::Chronological
            };
            apply(next);
        })
    };
    let on_reset = {
        let (apply, moment_text) = (apply.clone(), moment_text.clone());
        Callback::from(move |_: MouseEvent| {
            moment_text.set(None);
            apply(ClipEdits::default());
        })
    };
    let on_media = {
        let media = media.clone();
        Callback::from(move |name: String| media.set(name))
    };

    let moment_value = (*moment_text).clone().unwrap_or_else(|| clock(at_second));
    let moment_invalid = moment_text.is_some();
    let plan_ok = plan.as_ref().ok().cloned();
    let status_text = match *status {
        Status::Idle => "",
        Status::Saving => ct.saving,
        Status::Saved => ct.saved,
        Status::Failed => ct.save_failed,
        Status::OtherTab => ct.other_tab,
    };
    let exports = plan_ok.clone().map(|p| {
        html! {
            <section class="clip-exports" aria-labelledby="clip-export-title">
                <h2 id="clip-export-title">{ ct.export_heading }</h2>
                <div class="export-buttons">
                    { for ExportFormat::ALL.iter().map(|&format| {
                        let (p, media, session_id) = (p.clone(), (*media).clone(), session.id.clone());
                        let click = Callback::from(move |_: MouseEvent| {
                            if let Ok(body) = export(&p, format, &media) {
                                crate::download::offer(
                                    &format!("clip-{session_id}.{}", format.extension()),
                                    format.mime(),
                                    &body,
                                );
                            }
                        });
                        html! {
                            <button type="button" data-format={format.name()} onclick={click}>
                                { ct.export(&format.extension().to_uppercase()) }
                            </button>
                        }
                    }) }
                </div>
            </section>
        }
    });

    html! {
        <section class="clip-page" aria-labelledby="clip-title">
            { title }
            <form class="clip-settings" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label>
                    <span>{ ct.session }</span>
                    <select onchange={on_session}>
                        { for sessions.iter().map(|s| html! {
                            <option value={s.id.clone()} selected={s.id == session.id}>{ session_label(ct.is_zh(), s) }</option>
                        }) }
                    </select>
                </label>
                <label>
                    <span>{ ct.moment }</span>
                    <input type="text" inputmode="numeric" value={moment_value} oninput={on_moment}
                        aria-invalid={moment_invalid.to_string()} aria-describedby="clip-moment-hint" />
                    <small id="clip-moment-hint">{ if moment_invalid { ct.moment_invalid } else { ct.moment_hint } }</small>
                </label>
                <label>
                    <span>{ ct.budget }</span>
                    <select onchange={on_budget}>
                        { for [15_000u32, 30_000, 60_000].iter().map(|&ms| html! {
                            <option value={ms.to_string()} selected={ms == current.budget_ms}>{ format!("{} s", ms / 1000) }</option>
                        }) }
                    </select>
                </label>
                <label>
                    <span>{ ct.order }</span>
                    <select onchange={on_order}>
                        <option value="chronological" selected={current.order == SegmentOrder::Chronological}>{ ct.chronological }</option>
                        <option value="strongestFirst" selected={current.order == SegmentOrder::StrongestFirst}>{ ct.strongest_first }</option>
                    </select>
                </label>
                <button type="button" onclick={on_reset}>{ ct.reset }</button>
            </form>
            <p class="save-status" role="status">{ status_text }</p>
            <ClipTimeline session={session.clone()} scores={scores} plan={plan_ok.clone()}
                at_second={at_second} texts={ct} on_edge={on_edge} on_drag_end={Callback::noop()} />
            <div class="clip-layout">
                <section class="clip-plan" aria-labelledby="clip-plan-title">
                    <h2 id="clip-plan-title">{ ct.segments_heading }</h2>
                    { match &plan {
                        Ok(p) => html! {
                            <>
                                <p class="summary" role="status">{ ct.summary(p.segments.len(), f64::from(p.duration_frames) / f64::from(p.fps.max(1)), p.total_score) }</p>
                                <p class="hint">{ ct.edges_hint }</p>
                                <SegmentList plan={p.clone()} bounds={bounds} texts={ct} on_action={on_action} />
                            </>
                        },
                        Err(e) => html! { <p class="alert" role="alert">{ ct.plan_failed }{ e.to_string() }</p> },
                    } }
                </section>
                if let Some(p) = plan_ok.clone() {
                    <ClipPlayer plan={p} texts={ct} on_media={on_media} />
                }
            </div>
            { for exports }
        </section>
    }
}
