//! The live-room trust badge: a tier chip and "better than x% of peers". One tap, click, Enter or
//! Space opens the four dimensions (and says what the tiers compare); the same again, the panel's
//! close button, Escape, or moving focus elsewhere closes them.
//!
//! A screen reader hears one sentence (the button's text, with the index's name added for screen
//! readers only) and then, when opened, the panel. The panel floats over the page, so opening it
//! shifts nothing; near the bottom of the window it opens above the badge (or scrolls into view);
//! on a phone it is a sheet at the bottom of the screen, always in view.

use std::cell::Cell;
use std::rc::Rc;

use livetrust_core::index::report::{DataStatus, DimensionReport, Placement, PlacementStatus};
use livetrust_core::index::{Dimension, IndexReport};
use livetrust_core::peer_tier::PeerTier;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{Lang, ViewerTexts};

/// What the badge shows: the placement part of an [`IndexReport`] and the tier of each dimension.
/// Any `IndexReport` (as JSON) is one; other fields are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BadgeData {
    pub placement: Placement,
    /// The panel lists these; without them it shows the placement only.
    #[serde(default)]
    pub dimensions: Vec<BadgeDimension>,
}

/// The part of a [`DimensionReport`] the badge shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BadgeDimension {
    pub dimension: Dimension,
    pub status: DataStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<PeerTier>,
}

impl From<&DimensionReport> for BadgeDimension {
    fn from(d: &DimensionReport) -> Self {
        BadgeDimension {
            dimension: d.dimension,
            status: d.status,
            tier: d.tier,
        }
    }
}

impl From<&IndexReport> for BadgeData {
    fn from(r: &IndexReport) -> Self {
        BadgeData {
            placement: r.placement.clone(),
            dimensions: r.dimensions.iter().map(BadgeDimension::from).collect(),
        }
    }
}

impl BadgeData {
    /// The tier shown: only a tiered placement shows one.
    pub fn tier(&self) -> Option<PeerTier> {
        self.placement
            .tier
            .filter(|_| self.placement.status == PlacementStatus::Tiered)
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct TrustBadgeProps {
    pub data: Rc<BadgeData>,
    /// Passed down rather than read from a context: the custom element has no provider to read.
    #[prop_or_default]
    pub lang: Lang,
}

/// CSS class of a tier; colours are chosen for AA contrast in the stylesheets.
pub fn tier_class(tier: Option<PeerTier>) -> &'static str {
    match tier {
        Some(PeerTier::Leading) => "tier-leading",
        Some(PeerTier::Average) => "tier-average",
        Some(PeerTier::SlightlyBelow) => "tier-below",
        None => "tier-none",
    }
}

/// The badge's sentence: what a screen reader announces as the button's name (its text).
pub fn badge_sentence(lang: Lang, data: &BadgeData) -> String {
    let t = lang.viewer();
    match (data.tier(), data.placement.better_than_percent) {
        (Some(tier), Some(better)) => [
            t.index_name,
            t.name_separator,
            t.tier(tier),
            t.separator,
            &t.better_than(better),
        ]
        .concat(),
        _ => [t.index_name, t.name_separator, t.not_enough_data].concat(),
    }
}

/// What the panel says of one dimension: its tier, or why there is none — no data at all is
/// not the same as data that cannot yet tell a tier.
pub fn dimension_verdict(
    t: &ViewerTexts,
    status: DataStatus,
    tier: Option<PeerTier>,
) -> &'static str {
    match (status, tier) {
        (_, Some(tier)) => t.tier(tier),
        (DataStatus::NoData, None) => t.no_data_yet,
        (DataStatus::FewPeers, None) => t.few_peers,
        (DataStatus::Scored, None) => t.not_enough_data,
    }
}

/// A new id for a panel, unique in the page (several badges, app or host page, share a document).
fn next_panel_id() -> String {
    thread_local! {
        static NEXT: Cell<u32> = const { Cell::new(0) };
    }
    let n = NEXT.with(|c| {
        let n = c.get();
        c.set(n.wrapping_add(1));
        n
    });
    ["livetrust-badge-panel-", &n.to_string()].concat()
}

/// Opens `panel` above its badge if it would end below the window and fits above, to the right
/// of the badge's start if it would stick out past the window's left edge (a badge at the start
/// of a line), then scrolls it into view if any of it is still out of sight.
fn place_panel(panel: &web_sys::Element) {
    let _ = panel.remove_attribute("data-placement");
    let _ = panel.remove_attribute("data-align");
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
    if !fixed && below.left() < 0.0 {
        let _ = panel.set_attribute("data-align", "start");
    }
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
    let t = props.lang.viewer();
    let open = use_state(|| false);
    let root = use_node_ref();
    let button = use_node_ref();
    let panel = use_node_ref();
    let panel_id = use_state(next_panel_id);
    let data = &props.data;
    let tier = data.tier();
    // The button's accessible name is its text: the visible chip and detail, with the index's
    // name and a separator for screen readers only (WCAG 2.5.3: the label contains the visible text).
    let (chip, detail) = match (tier, data.placement.better_than_percent) {
        (Some(tier), Some(better)) => (t.tier(tier), Some(t.better_than(better))),
        _ => (t.not_enough_data, None),
    };
    // A button's click is also what Enter and Space produce: one handler for tap, click and keys.
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let focus_button = {
        let button = button.clone();
        move || {
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        }
    };
    let on_key = {
        let open = open.clone();
        let focus_button = focus_button.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.prevent_default();
                open.set(false);
                focus_button();
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
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            focus_button();
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
    let why = (data.placement.status == PlacementStatus::NotEnoughData)
        .then(|| data.placement.missing.first().map(|s| t.shortfall(s)))
        .flatten();
    let panel_id: &str = &panel_id;
    html! {
        <span ref={root} class={classes!("trust-badge", tier_class(tier))}
            onkeydown={on_key} onfocusout={on_focus_out}>
            <button ref={button} type="button" class="badge-button" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls={panel_id.to_owned()} onclick={toggle}>
                <span class="visually-hidden">{ t.index_name }{ t.name_separator }</span>
                <span class="tier-chip">{ chip }</span>
                if let Some(detail) = detail {
                    <span class="visually-hidden">{ t.separator }</span>
                    <span class="better-than">{ detail }</span>
                }
            </button>
            // Focusable so that a tap on the panel keeps focus inside the badge (and it open).
            <div ref={panel} id={panel_id.to_owned()} class="badge-panel" role="group" aria-label={t.dimensions_of} tabindex="-1" hidden={!*open}>
                if !data.dimensions.is_empty() {
                    <ul>
                        { for data.dimensions.iter().map(|d| html! {
                            <li data-dimension={dimension_key(d.dimension)}>
                                <span class="dim-name">{ t.dimension(d.dimension) }</span>
                                <span class={classes!("dim-tier", tier_class(d.tier))}>
                                    { dimension_verdict(t, d.status, d.tier) }
                                </span>
                            </li>
                        }) }
                    </ul>
                }
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

/// The dimension's name in the report's JSON, for tests and styles to find its row.
fn dimension_key(d: Dimension) -> &'static str {
    d.json_name()
}
