//! The session drawn for the clip editor: the highlight score, viewers and orders over time as
//! three stacked SVG charts, the clip's moment, and the plan's segments as bands with handles at
//! both edges that can be dragged with a mouse, a pen or a finger. The keyboard path is the
//! segment list's sliders (`clip_segments`); the chart itself is a picture with a description.

use std::rc::Rc;

use livetrust_core::clip::{ClipPlan, Part};
use livetrust_core::model::LiveSession;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::ClipTexts;

/// A drag of one edge: the segment's index in the plan, whether it is the start, the new frame.
pub type EdgeMove = (usize, bool, u32);

#[derive(Debug, Properties)]
pub struct ClipTimelineProps {
    pub session: Rc<LiveSession>,
    /// The fused score per second up to the moment.
    pub scores: Rc<Vec<f64>>,
    pub plan: Option<Rc<ClipPlan>>,
    pub at_second: u32,
    pub texts: &'static ClipTexts,
    /// An edge moved during a drag (called on every move).
    pub on_edge: Callback<EdgeMove>,
    /// The drag ended: the last move is final.
    pub on_drag_end: Callback<()>,
}

impl PartialEq for ClipTimelineProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.session, &o.session)
            && Rc::ptr_eq(&self.scores, &o.scores)
            && self.plan == o.plan
            && self.at_second == o.at_second
            && std::ptr::eq(self.texts, o.texts)
    }
}

const WIDTH: f64 = 1000.0;
const ROW: f64 = 70.0;
const GAP: f64 = 22.0;
const BUCKETS: usize = 500;

/// The highest value in each of `BUCKETS` equal slices (a peak must not vanish by averaging).
fn buckets(values: impl Iterator<Item = f64>, n: usize) -> Vec<f64> {
    let mut out = vec![0.0f64; BUCKETS.min(n.max(1))];
    let len = out.len();
    for (i, v) in values.enumerate() {
        let b = (i * len / n.max(1)).min(len - 1);
        if let Some(slot) = out.get_mut(b) {
            *slot = slot.max(v);
        }
    }
    out
}

fn path(values: &[f64], top: f64) -> String {
    let max = values.iter().copied().fold(0.0f64, f64::max).max(1e-9);
    let n = values.len().max(1) as f64;
    let mut d = format!("M0,{:.1}", top + ROW);
    for (i, v) in values.iter().enumerate() {
        let x = WIDTH * (i as f64 + 0.5) / n;
        d.push_str(&format!(" L{x:.1},{:.1}", top + ROW - ROW * v / max));
    }
    d.push_str(&format!(" L{WIDTH},{:.1} Z", top + ROW));
    d
}

#[function_component(ClipTimeline)]
pub fn clip_timeline(props: &ClipTimelineProps) -> Html {
    let t = props.texts;
    let svg = use_node_ref();
    let dragging = use_mut_ref(|| None::<(usize, bool)>);
    let duration = props.session.duration_seconds().max(1);
    let fps = props.plan.as_ref().map_or(30, |p| p.fps);
    let x_of = |frame: u32| WIDTH * f64::from(frame) / f64::from(duration * fps);
    let n = duration as usize;
    // The clip page lists only sessions with signals; an empty chart otherwise.
    let none = livetrust_core::model::SessionSignals::default();
    let s = props.session.signals.as_ref().unwrap_or(&none);
    let rows = [
        (
            t.chart_score,
            buckets(props.scores.iter().copied(), n),
            "score",
        ),
        (
            t.chart_viewers,
            buckets(s.viewers.iter().map(|&v| f64::from(v)), n),
            "viewers",
        ),
        (
            t.chart_orders,
            buckets(s.orders.iter().map(|&v| f64::from(v)), n),
            "orders",
        ),
    ];
    let height = rows.len() as f64 * (ROW + GAP);
    let frame_at = {
        let svg = svg.clone();
        move |client_x: i32| -> Option<u32> {
            let el = svg.cast::<web_sys::Element>()?;
            let r = el.get_bounding_client_rect();
            let share = ((f64::from(client_x) - r.left()) / r.width().max(1.0)).clamp(0.0, 1.0);
            Some((share * f64::from(duration * fps)).round() as u32)
        }
    };
    let on_move = {
        let (dragging, on_edge, frame_at) =
            (dragging.clone(), props.on_edge.clone(), frame_at.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some((i, start)) = *dragging.borrow() {
                if let Some(f) = frame_at(e.client_x()) {
                    e.prevent_default();
                    on_edge.emit((i, start, f));
                }
            }
        })
    };
    let on_up = {
        let (dragging, on_end) = (dragging.clone(), props.on_drag_end.clone());
        Callback::from(move |_: PointerEvent| {
            if dragging.borrow_mut().take().is_some() {
                on_end.emit(());
            }
        })
    };
    let segments = props
        .plan
        .as_ref()
        .map(|p| p.segments.clone())
        .unwrap_or_default();
    let bands = segments.iter().enumerate().map(|(i, seg)| {
        let (x0, x1) = (x_of(seg.source_in), x_of(seg.source_out));
        let class = match seg.part {
            Part::Previously => "band previously",
            Part::ComingUp => "band coming-up",
        };
        let handle = |start: bool| {
            let dragging = dragging.clone();
            let x = if start { x0 } else { x1 };
            let down = Callback::from(move |e: PointerEvent| {
                e.prevent_default();
                if let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    let _ = target.set_pointer_capture(e.pointer_id());
                }
                *dragging.borrow_mut() = Some((i, start));
            });
            html! {
                <rect class="handle" x={format!("{:.1}", x - 6.0)} y="0" width="12" height={format!("{height:.0}")}
                    data-segment={i.to_string()} data-edge={if start { "start" } else { "end" }}
                    onpointerdown={down} />
            }
        };
        html! {
            <g class={classes!(class, seg.locked.then_some("locked"))}>
                <rect x={format!("{x0:.1}")} y="0" width={format!("{:.1}", (x1 - x0).max(2.0))} height={format!("{height:.0}")} />
                { handle(true) }
                { handle(false) }
            </g>
        }
    });
    let at_x = x_of(props.at_second * fps);
    html! {
        <figure class="clip-timeline">
            <svg ref={svg} viewBox={format!("0 0 {WIDTH} {height:.0}")} preserveAspectRatio="none"
                role="img" aria-labelledby="clip-chart-title" width="100%" height={format!("{:.0}", height * 0.9)}
                onpointermove={on_move} onpointerup={on_up.clone()} onpointercancel={on_up}>
                <title id="clip-chart-title">{ t.chart_heading }</title>
                { for rows.iter().enumerate().map(|(k, (_, values, class))| {
                    let top = k as f64 * (ROW + GAP) + GAP;
                    html! {
                        <g class={classes!("row", *class)}>
                            <path d={path(values, top)} />
                        </g>
                    }
                }) }
                { for bands }
                <line class="moment" x1={format!("{at_x:.1}")} x2={format!("{at_x:.1}")} y1="0" y2={format!("{height:.0}")} />
            </svg>
            // Text lives outside the SVG, which is stretched to the width (preserveAspectRatio
            // none) and would squeeze its letters on a phone.
            { for rows.iter().enumerate().map(|(k, (label, ..))| html! {
                <span class="row-label" aria-hidden="true"
                    style={format!("top: calc(1rem + {:.0}px)", k as f64 * (ROW + GAP) * 0.9)}>{ *label }</span>
            }) }
            { for segments.iter().enumerate().map(|(i, seg)| html! {
                <span class="band-label" aria-hidden="true"
                    style={format!("left: {:.2}%", x_of(seg.source_in) / WIDTH * 100.0)}>{ (i + 1).to_string() }</span>
            }) }
            <figcaption>{ t.chart_moment }{ ": " }{ crate::pages::clip::clock(props.at_second) }</figcaption>
        </figure>
    }
}
