//! The repeat-buyer review carousel (回头客说), after the WAI-ARIA APG auto-rotating carousel: the
//! rotation button comes first in the tab order and its label says what it will do; hovering or
//! focusing the carousel pauses rotation (an explicit start ignores both, only stop stops);
//! `prefers-reduced-motion: reduce` starts it stopped; the slides' live region is silent while
//! they rotate and polite otherwise; previous and next (buttons, the arrow keys inside the
//! carousel, or a horizontal swipe) never move focus.
//!
//! Slides are stacked in one grid cell, the box as tall as the tallest, so rotating never shifts
//! the page; the ones not shown are `visibility: hidden`, which also takes them out of the
//! accessibility tree. Every text — the buyer's, the tags, the merchant's reply — is a text node
//! (Yew escapes it), never markup.

use std::cell::Cell;
use std::rc::Rc;

use livetrust_core::reviews::report::SelectionRule;
use livetrust_core::reviews::tags::Polarity;
use livetrust_core::reviews::{AspectTag, ReviewsReport, ShownReview};
use serde::Serialize;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::Lang;

/// What the carousel shows: the part of a [`ReviewsReport`] viewers see, with the report's field
/// names (so any `ReviewsReport` JSON reads as one; other fields are ignored). Only shown tags.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewsData {
    pub shown: Vec<ShownReview>,
    pub tags: Vec<AspectTag>,
    pub rule: SelectionRule,
}

impl From<&ReviewsReport> for ReviewsData {
    fn from(r: &ReviewsReport) -> Self {
        ReviewsData {
            shown: r.shown.clone(),
            tags: r.tags.iter().filter(|t| t.shown).cloned().collect(),
            rule: r.rule.clone(),
        }
    }
}

/// Rotation: the APG's default of five seconds per slide.
pub const INTERVAL_MS: u32 = 5000;

/// A horizontal move of at least this many CSS pixels is a swipe.
const SWIPE_PX: i32 = 40;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ReviewCarouselProps {
    pub data: Rc<ReviewsData>,
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or(INTERVAL_MS)]
    pub interval_ms: u32,
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A page-unique id prefix, so several carousels' `aria-controls` never collide.
fn fresh_id() -> String {
    let n = NEXT_ID.with(|c| {
        let n = c.get();
        c.set(n.wrapping_add(1));
        n
    });
    format!("lt-reviews-{n}")
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The day a review was written, in Asia/Shanghai (UTC+8 all year, no summer time).
pub fn shanghai_day(at: livetrust_core::model::Timestamp) -> String {
    let days = (at.unix() + 8 * 3600).div_euclid(86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[function_component(ReviewCarousel)]
pub fn review_carousel(props: &ReviewCarouselProps) -> Html {
    let t = props.lang.carousel();
    let id = use_state(fresh_id);
    let count = props.data.shown.len();
    let current = use_state(|| 0usize);
    // The viewer's choice: rotating or stopped; `forced` once they pressed start themselves.
    let playing = use_state(|| !prefers_reduced_motion());
    let forced = use_state(|| false);
    let hovered = use_state(|| false);
    let focused = use_state(|| false);
    let section = use_node_ref();
    let swipe_from = use_mut_ref(|| None::<i32>);

    let at = if count == 0 { 0 } else { *current % count };
    let rotating = count > 1 && *playing && (*forced || !(*hovered || *focused));
    {
        let current = current.clone();
        let interval = props.interval_ms;
        use_effect_with(
            (rotating, at, count, interval),
            move |&(rotating, at, count, ms)| {
                let alive = Rc::new(Cell::new(true));
                if rotating {
                    let alive = alive.clone();
                    yew::platform::spawn_local(async move {
                        yew::platform::time::sleep(std::time::Duration::from_millis(u64::from(ms)))
                            .await;
                        if alive.get() {
                            current.set((at + 1) % count);
                        }
                    });
                }
                move || alive.set(false)
            },
        );
    }

    let step = |delta: isize| {
        let current = current.clone();
        move || {
            if count > 0 {
                let next = (at as isize + delta).rem_euclid(count as isize);
                current.set(next as usize);
            }
        }
    };
    let (go_prev, go_next) = (step(-1), step(1));
    let on_prev = {
        let go = go_prev.clone();
        Callback::from(move |_: MouseEvent| go())
    };
    let on_next = {
        let go = go_next.clone();
        Callback::from(move |_: MouseEvent| go())
    };
    let on_rotation = {
        let playing = playing.clone();
        let forced = forced.clone();
        Callback::from(move |_: MouseEvent| {
            let start = !*playing;
            playing.set(start);
            forced.set(start);
        })
    };
    let on_keydown = {
        let (go_prev, go_next) = (go_prev.clone(), go_next.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowLeft" => {
                e.prevent_default();
                go_prev();
            }
            "ArrowRight" => {
                e.prevent_default();
                go_next();
            }
            _ => {}
        })
    };
    let on_pointerdown = {
        let from = swipe_from.clone();
        Callback::from(move |e: PointerEvent| *from.borrow_mut() = Some(e.client_x()))
    };
    let on_pointerup = {
        let from = swipe_from.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(x) = from.borrow_mut().take() {
                let dx = e.client_x() - x;
                if dx <= -SWIPE_PX {
                    go_next();
                } else if dx >= SWIPE_PX {
                    go_prev();
                }
            }
        })
    };
    let on_pointercancel = {
        let from = swipe_from.clone();
        Callback::from(move |_: PointerEvent| *from.borrow_mut() = None)
    };
    let on_focusin = {
        let focused = focused.clone();
        Callback::from(move |_: FocusEvent| focused.set(true))
    };
    let on_focusout = {
        let focused = focused.clone();
        let section = section.clone();
        Callback::from(move |e: FocusEvent| {
            // Focus moving between the carousel's own controls keeps it paused.
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(section.cast::<web_sys::Node>())
                .is_some_and(|(to, root)| root.contains(Some(&to)));
            if !inside {
                focused.set(false);
            }
        })
    };
    let on_enter = {
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(true))
    };
    let on_leave = {
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(false))
    };

    let title_id = format!("{}-title", *id);
    let slides_id = format!("{}-slides", *id);
    let data = &props.data;
    let tags = (!data.tags.is_empty()).then(|| {
        html! {
            <ul class="reviews-tags" aria-label={t.tags_label}>
                { for data.tags.iter().map(|tag| {
                    let class = match tag.polarity {
                        Polarity::Positive => "reviews-tag tag-positive",
                        Polarity::Negative => "reviews-tag tag-negative",
                    };
                    html! {
                        <li class={class}>{ &tag.label }<span class="tag-count">{ format!(" ({})", tag.count) }</span></li>
                    }
                }) }
            </ul>
        }
    });
    let controls = (count > 1).then(|| {
        html! {
            <div class="reviews-controls">
                <button type="button" class="reviews-rotation" aria-controls={slides_id.clone()}
                    onclick={on_rotation}>
                    <span aria-hidden="true" class="rotation-icon">{ if *playing { "❚❚" } else { "▶" } }</span>
                    <span class="rotation-label">{ if *playing { t.stop } else { t.start } }</span>
                </button>
                <span class="reviews-step">
                    <button type="button" class="reviews-prev" aria-controls={slides_id.clone()}
                        aria-label={t.previous} onclick={on_prev}>{ "‹" }</button>
                    <span class="reviews-position" aria-hidden="true">{ format!("{} / {}", at + 1, count) }</span>
                    <button type="button" class="reviews-next" aria-controls={slides_id.clone()}
                        aria-label={t.next} onclick={on_next}>{ "›" }</button>
                </span>
            </div>
        }
    });
    let slides = if count == 0 {
        html! { <p class="reviews-empty">{ t.none_yet }</p> }
    } else {
        html! {
            <div id={slides_id.clone()} class="reviews-slides"
                aria-live={if rotating { "off" } else { "polite" }} aria-atomic="false"
                onpointerdown={on_pointerdown} onpointerup={on_pointerup} onpointercancel={on_pointercancel}>
                { for data.shown.iter().enumerate().map(|(i, r)| slide(r, i, count, i == at, props.lang)) }
            </div>
        }
    };
    let disclosure = (!data.rule.products.is_empty()).then(|| {
        html! { <p class="reviews-disclosure">{ t.products_chosen(data.rule.products.len()) }</p> }
    });
    html! {
        <section ref={section} class="lt-reviews" aria-roledescription={t.carousel}
            aria-labelledby={title_id.clone()} lang={props.lang.tag()}
            onkeydown={on_keydown} onfocusin={on_focusin} onfocusout={on_focusout}
            onmouseenter={on_enter} onmouseleave={on_leave}>
            <h2 id={title_id} class="reviews-title">{ t.title }</h2>
            { for tags }
            { for controls }
            { slides }
            <p class="reviews-rule">{ t.rule(data.rule.min_orders, data.rule.includes_critical) }</p>
            { for disclosure }
        </section>
    }
}

fn slide(r: &ShownReview, i: usize, count: usize, current: bool, lang: Lang) -> Html {
    let t = lang.carousel();
    let rating = r.rating.min(5);
    let stars: String = "★".repeat(usize::from(rating)) + &"☆".repeat(usize::from(5 - rating));
    let mut foot = vec![shanghai_day(r.created_at)];
    if r.helpful_votes > 0 {
        foot.push(format!("{} {}", t.helpful, r.helpful_votes));
    }
    if r.media_count > 0 {
        foot.push(format!("{} {}", t.with_media, r.media_count));
    }
    html! {
        <div class={classes!("reviews-slide", current.then_some("is-current"))}
            role="group" aria-roledescription={t.slide} aria-label={t.position(i + 1, count)}
            key={r.review_id.clone()} data-review-id={r.review_id.clone()}>
            <p class="slide-meta">
                <span class="repeat-chip">{ t.bought(r.orders_at_shop) }</span>
                <span class="stars" role="img" aria-label={t.stars(rating)}>{ stars }</span>
                if !r.product_title.is_empty() {
                    <span class="slide-product">{ &r.product_title }</span>
                }
            </p>
            <p class="slide-text">{ &r.text }</p>
            if !r.tags.is_empty() {
                <p class="slide-tags">{ r.tags.join(" · ") }</p>
            }
            <p class="slide-foot">{ foot.join(" · ") }</p>
            if let Some(reply) = &r.reply {
                <div class="slide-reply">
                    <p class="reply-label">{ t.reply_label }</p>
                    <p class="reply-text">{ &reply.text }</p>
                </div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::shanghai_day;
    use livetrust_core::model::Timestamp;

    #[test]
    fn the_day_is_the_shanghai_calendar_day() {
        let day = |s: &str| shanghai_day(s.parse::<Timestamp>().unwrap());
        assert_eq!(day("2026-11-23T15:59:59Z"), "2026-11-23");
        assert_eq!(day("2026-11-23T16:00:00Z"), "2026-11-24");
        assert_eq!(day("2024-02-28T16:00:00Z"), "2024-02-29");
        assert_eq!(day("1999-12-31T16:00:00Z"), "2000-01-01");
    }
}
