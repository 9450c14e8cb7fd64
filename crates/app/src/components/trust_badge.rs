//! The live-room trust badge: a tier chip and "better than x% of peers". Tapping or focusing it
//! opens the four dimensions with their tiers; Escape or leaving closes it.
//!
//! A screen reader hears one sentence (the button's text, with the index's name added for screen
//! readers only) and then, when opened, the four dimensions as a list. The panel floats over the page, so opening it shifts nothing.

use std::rc::Rc;

use livetrust_core::index::report::{DataStatus, DimensionReport, PlacementStatus};
use livetrust_core::index::IndexReport;
use livetrust_core::peer_tier::PeerTier;
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
    match (p.status, p.tier) {
        (PlacementStatus::Tiered, Some(tier)) => format!(
            "{}{}{}{}{}",
            t.index_name,
            sep.0,
            t.tier(tier),
            sep.1,
            t.better_than(p.better_than_percent.unwrap_or(0))
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

#[function_component(TrustBadge)]
pub fn trust_badge(props: &TrustBadgeProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let open = use_state(|| false);
    let panel_id = format!("badge-panel-{}", props.report.merchant_id);
    let r = &props.report;
    let tier = r.placement.tier;
    // The button's accessible name is its text: the visible chip and detail, with the index's
    // name and a separator for screen readers only (WCAG 2.5.3: the label contains the visible text).
    let (prefix, separator) = if lang == Lang::Zh {
        ("回头客推荐指数：", "，")
    } else {
        ("Repeat-buyer index: ", ", ")
    };
    let (chip, detail) = match tier {
        Some(tier) => (
            t.tier(tier).to_owned(),
            Some(t.better_than(r.placement.better_than_percent.unwrap_or(0))),
        ),
        None => (t.not_enough_data.to_owned(), None),
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_focus = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(true))
    };
    let on_blur = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    let on_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
            }
        })
    };
    html! {
        <span class={classes!("trust-badge", tier_class(tier))}>
            <button type="button" class="badge-button" aria-expanded={(*open).to_string()}
                aria-controls={panel_id.clone()}
                onclick={toggle} onfocus={on_focus} onblur={on_blur} onkeydown={on_key}>
                <span class="visually-hidden">{ prefix }</span>
                <span class="tier-chip">{ chip }</span>
                if let Some(detail) = detail {
                    <span class="visually-hidden">{ separator }</span>
                    <span class="better-than">{ detail }</span>
                }
            </button>
            <div id={panel_id} class="badge-panel" role="group" aria-label={t.dimensions_of} hidden={!*open}>
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
            </div>
        </span>
    }
}
