//! The live-room trust badge: a tier chip and "better than x% of peers". One tap, click, Enter or
//! Space opens the four dimensions (and says what the tiers compare); the same again, the panel's
//! close button, Escape, or moving focus elsewhere closes them.
//!
//! A screen reader hears one sentence (the button's text, with the index's name added for screen
//! readers only) and then, when opened, the panel. The panel floats over the page, so opening it
//! shifts nothing; near the bottom of the window it opens above the badge (or scrolls into view);
//! on a phone it is a sheet at the bottom of the screen, always in view.

use std::rc::Rc;

use livetrust_core::index::report::{DataStatus, DimensionReport, PlacementStatus};
use livetrust_core::index::IndexReport;
use livetrust_core::peer_tier::PeerTier;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{Lang, Texts};

#[derive(Debug, Properties, PartialEq)]
pub struct TrustBadgeProps {
    pub report: Rc<IndexReport>,
}

/// CSS class of a tier; colours are chosen for AA contrast in `www/styles.css`.
pub fn tier_class(tier: Option<PeerTier>) -> &'static str {
    match tier {
        Some(PeerTier::Leading) => "tier-leading",
        Some(PeerTier::Average) => "tier-average",
        Some(PeerTier::SlightlyBelow) => "tier-below",
        None => "tier-none",
    }
}

/// The badge's sentence: what a screen reader announces as the button's name (its text).
pub fn badge_sentence(lang: Lang, report: &IndexReport) -> String {
    let t = lang.texts();
    let p = &report.placement;
    let sep = if lang == Lang::Zh {
        ("：", "，")
    } else {
        (": ", ", ")
    };
    match (p.status, p.tier, p.better_than_percent) {
        (PlacementStatus::Tiered, Some(tier), Some(better)) => format!(
            "{}{}{}{}{}",
            t.index_name,
            sep.0,
            t.tier(tier),
            sep.1,
            t.better_than(better)
        ),
        _ => format!("{}{}{}", t.index_name, sep.0, t.not_enough_data),
    }
}

/// What the panel says of one dimension: its tier, or why there is none — no data at all is
/// not the same as data that cannot yet tell a tier.
pub fn dimension_verdict(t: &Texts, d: &DimensionReport) -> &'static str {
    match (d.status, d.tier) {
        (_, Some(tier)) => t.tier(tier),
        (DataStatus::NoData, None) => t.no_data_yet,
        (DataStatus::FewPeers, None) => t.few_peers,
        (DataStatus::Scored, None) => t.not_enough_data,
    }
}

/// Opens `panel` above its badge if it would end below the window and fits above, then scrolls
/// it into view if any of it is still out of sight.
fn place_panel(panel: &web_sys::Element) {
    let _ = panel.remove_attribute("data-placement");
    let Some(window) = web_sys::window() else {
        return;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    let fixed = window
        .get_computed_style(panel)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("position").ok())
        .is_some_and(|p| p == "fixed");
    let below = panel.get_bounding_client_rect();
    if !fixed && below.bottom() > height {
        if let Some(badge) = panel.parent_element() {
            let gap = below.top() - badge.get_bounding_client_rect().bottom();
            if badge.get_bounding_client_rect().top() - gap - below.height() >= 0.0 {
                let _ = panel.set_attribute("data-placement", "above");
            }
        }
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    panel.scroll_into_view_with_scroll_into_view_options(&options);
}

#[function_component(TrustBadge)]
pub fn trust_badge(props: &TrustBadgeProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let open = use_state(|| false);
    let root = use_node_ref();
    let button = use_node_ref();
    let panel = use_node_ref();
    let panel_id = format!("badge-panel-{}", props.report.merchant_id);
    let r = &props.report;
    let tier = r
        .placement
        .tier
        .filter(|_| r.placement.status == PlacementStatus::Tiered);
    // The button's accessible name is its text: the visible chip and detail, with the index's
    // name and a separator for screen readers only (WCAG 2.5.3: the label contains the visible text).
    let (prefix, separator) = if lang == Lang::Zh {
        ("回头客推荐指数：", "，")
    } else {
        ("Repeat-buyer index: ", ", ")
    };
    let (chip, detail) = match (tier, r.placement.better_than_percent) {
        (Some(tier), Some(better)) => (t.tier(tier).to_owned(), Some(t.better_than(better))),
        _ => (t.not_enough_data.to_owned(), None),
    };
    // A button's click is also what Enter and Space produce: one handler for tap, click and keys.
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_key = {
        let open = open.clone();
        let button = button.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.prevent_default();
                open.set(false);
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };
    // Focus moving out of the badge (to another control, or a tap elsewhere) closes the panel.
    let on_focus_out = {
        let open = open.clone();
        let root = root.clone();
        Callback::from(move |e: FocusEvent| {
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(root.cast::<web_sys::Node>())
                .is_some_and(|(target, root)| root.contains(Some(&target)));
            if !inside {
                open.set(false);
            }
        })
    };
    let close = {
        let open = open.clone();
        let button = button.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        })
    };
    // A panel that would drop past the bottom of the window opens above its badge when there is
    // room there; otherwise it is scrolled into view, only as far as needed. (On a phone it is a
    // fixed sheet and always fits.)
    {
        let panel = panel.clone();
        use_effect_with(*open, move |open| {
            if *open {
                if let Some(p) = panel.cast::<web_sys::Element>() {
                    place_panel(&p);
                }
            }
        });
    }
    let why = (r.placement.status == PlacementStatus::NotEnoughData)
        .then(|| r.placement.missing.first().map(|s| t.shortfall(s)))
        .flatten();
    html! {
        <span ref={root} class={classes!("trust-badge", tier_class(tier))}
            onkeydown={on_key} onfocusout={on_focus_out}>
            <button ref={button} type="button" class="badge-button" aria-expanded={(*open).to_string()}
                aria-controls={panel_id.clone()} onclick={toggle}>
                <span class="visually-hidden">{ prefix }</span>
                <span class="tier-chip">{ chip }</span>
                if let Some(detail) = detail {
                    <span class="visually-hidden">{ separator }</span>
                    <span class="better-than">{ detail }</span>
                }
            </button>
            // Focusable so that a tap on the panel keeps focus inside the badge (and it open).
            <div ref={panel} id={panel_id} class="badge-panel" role="group" aria-label={t.dimensions_of} tabindex="-1" hidden={!*open}>
                <ul>
                    { for r.dimensions.iter().map(|d| html! {
                        <li data-dimension={livetrust_core::index::config::json_name(d.dimension)}>
                            <span class="dim-name">{ t.dimension(d.dimension) }</span>
                            <span class={classes!("dim-tier", tier_class(d.tier))}>
                                { dimension_verdict(t, d) }
                            </span>
                        </li>
                    }) }
                </ul>
                if let Some(why) = why {
                    <p class="badge-why">{ why }</p>
                }
                <p class="badge-meaning">{ t.badge_meaning }</p>
                // On a phone the sheet may cover the badge itself: a way to close it in reach.
                <button type="button" class="badge-close" onclick={close}>{ t.close }</button>
            </div>
        </span>
    }
}
