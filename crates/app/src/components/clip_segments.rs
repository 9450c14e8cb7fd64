//! The plan as a list the merchant edits: each segment's part, caption, source times, score and
//! its breakdown, lock and remove buttons, and its two edges as keyboard sliders (WAI-ARIA APG
//! slider: arrows ±1 frame, Page Up/Down ±1 second, Home/End the neighbours' bounds), labelled
//! "Segment 3 start" and "Segment 3 end", with the time spoken in minutes, seconds and frames.

use livetrust_core::clip::export::timecode::smpte;
use livetrust_core::clip::{ClipPlan, ClipSegment};
use yew::prelude::*;

use crate::i18n::ClipTexts;

#[derive(Debug, Properties, PartialEq)]
pub struct EdgeSliderProps {
    pub label: String,
    pub value: u32,
    pub min: u32,
    pub max: u32,
    pub fps: u32,
    pub texts: &'static ClipTexts,
    pub on_change: Callback<u32>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

#[function_component(EdgeSlider)]
pub fn edge_slider(props: &EdgeSliderProps) -> Html {
    let onkeydown = {
        let (value, min, max, fps, on_change) = (
            props.value,
            props.min,
            props.max,
            props.fps,
            props.on_change.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => value.saturating_add(1),
                "ArrowLeft" | "ArrowDown" => value.saturating_sub(1),
                "PageUp" => value.saturating_add(fps),
                "PageDown" => value.saturating_sub(fps),
                "Home" => min,
                "End" => max,
                _ => return,
            };
            // Only keys the slider handles are kept from the page (no scrolling).
            e.prevent_default();
            let next = next.clamp(min, max);
            if next != value {
                on_change.emit(next);
            }
        })
    };
    let span = f64::from(props.max.saturating_sub(props.min).max(1));
    let share = f64::from(props.value.saturating_sub(props.min)) / span * 100.0;
    html! {
        <div class="edge">
            <span class="edge-label" aria-hidden="true">{ &props.label }</span>
            <div class="edge-slider" role="slider" tabindex="0" id={props.id.clone()}
                aria-label={props.label.clone()}
                aria-valuenow={props.value.to_string()}
                aria-valuemin={props.min.to_string()}
                aria-valuemax={props.max.to_string()}
                aria-valuetext={props.texts.frames_text(props.value, props.fps)}
                {onkeydown}>
                <span class="edge-track" aria-hidden="true">
                    <span class="edge-thumb" style={format!("left: {share:.1}%")}></span>
                </span>
                <code aria-hidden="true">{ smpte(props.value, props.fps, 0) }</code>
            </div>
        </div>
    }
}

/// What the merchant can do to a segment.
#[derive(Debug, Clone, PartialEq)]
pub enum SegmentAction {
    /// Move an edge (the segment's index, whether it is the start, the new frame).
    Edge(usize, bool, u32),
    /// Lock or unlock.
    ToggleLock(usize),
    Remove(usize),
}

#[derive(Debug, Properties, PartialEq)]
pub struct SegmentListProps {
    pub plan: std::rc::Rc<ClipPlan>,
    /// Each segment's edge bounds: (start min, start max, end min, end max).
    pub bounds: Vec<(u32, u32, u32, u32)>,
    pub texts: &'static ClipTexts,
    pub on_action: Callback<SegmentAction>,
}

fn row(
    i: usize,
    seg: &ClipSegment,
    fps: u32,
    bounds: (u32, u32, u32, u32),
    t: &'static ClipTexts,
    on_action: &Callback<SegmentAction>,
) -> Html {
    let n = i + 1;
    let act = |a: SegmentAction| {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(a.clone()))
    };
    let edge = |start: bool| {
        let on_action = on_action.clone();
        Callback::from(move |f: u32| on_action.emit(SegmentAction::Edge(i, start, f)))
    };
    let b = &seg.score;
    let parts = [
        b.viewers, b.comments, b.likes, b.gifts, b.orders, b.gmv, b.explain, b.mention,
    ];
    let seconds = f64::from(seg.source_out - seg.source_in) / f64::from(fps.max(1));
    html! {
        <li class={classes!("segment", seg.locked.then_some("locked"))} data-part={format!("{:?}", seg.part)}
            data-in={seg.source_in.to_string()} data-out={seg.source_out.to_string()}>
            <div class="segment-head">
                <span class="segment-number">{ n.to_string() }</span>
                <span class="part">{ t.part(seg.part) }</span>
                <strong class="caption">{ &seg.caption }</strong>
                if seg.locked { <span class="locked-tag">{ t.locked }</span> }
            </div>
            <p class="segment-meta">
                { format!("{} – {} · {seconds:.2} s · ", smpte(seg.source_in, fps, 0), smpte(seg.source_out, fps, 0)) }
                { t.origin(seg.origin) }{ " · " }{ t.score }{ format!(" {:.2}", b.total) }
            </p>
            <div class="edges">
                <EdgeSlider label={t.edge(n, true)} value={seg.source_in} min={bounds.0} max={bounds.1}
                    fps={fps} texts={t} on_change={edge(true)} />
                <EdgeSlider label={t.edge(n, false)} value={seg.source_out} min={bounds.2} max={bounds.3}
                    fps={fps} texts={t} on_change={edge(false)} />
            </div>
            <div class="segment-actions">
                <button type="button" aria-pressed={seg.locked.to_string()} onclick={act(SegmentAction::ToggleLock(i))}>
                    { t.lock }<span class="visually-hidden">{ format!(" {n}") }</span>
                </button>
                <button type="button" onclick={act(SegmentAction::Remove(i))}>
                    { t.remove }<span class="visually-hidden">{ format!(" {n}") }</span>
                </button>
            </div>
            <details>
                <summary>{ t.breakdown }</summary>
                <table class="breakdown">
                    <tbody>
                        { for t.components.iter().zip(parts).filter(|(_, v)| *v > 0.0).map(|(name, v)| html! {
                            <tr><th scope="row">{ *name }</th><td>{ format!("{v:.2}") }</td></tr>
                        }) }
                        <tr class="total"><th scope="row">{ t.score }</th><td>{ format!("{:.2}", b.total) }</td></tr>
                    </tbody>
                </table>
            </details>
        </li>
    }
}

#[function_component(SegmentList)]
pub fn segment_list(props: &SegmentListProps) -> Html {
    let t = props.texts;
    let fps = props.plan.fps;
    html! {
        <ol class="segments">
            { for props.plan.segments.iter().enumerate().map(|(i, seg)| {
                let bounds = props.bounds.get(i).copied().unwrap_or((0, seg.source_in, seg.source_out, seg.source_out));
                row(i, seg, fps, bounds, t, &props.on_action)
            }) }
        </ol>
    }
}
