//! The live-room trust badge: a tier chip and "better than x% of peers".
//!
//! A screen reader hears one sentence (the `aria-label`) instead of three fragments; the visible
//! parts are hidden from the accessibility tree to avoid reading the same thing twice.

use livetrust_core::peer_tier::{PeerPlacement, PeerTier};
use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Debug, Properties, PartialEq)]
pub struct TrustBadgeProps {
    pub placement: PeerPlacement,
}

/// CSS class of a tier; colours are chosen for AA contrast in `www/styles.css`.
pub fn tier_class(tier: PeerTier) -> &'static str {
    match tier {
        PeerTier::Leading => "tier-leading",
        PeerTier::Average => "tier-average",
        PeerTier::SlightlyBelow => "tier-below",
    }
}

#[function_component(TrustBadge)]
pub fn trust_badge(props: &TrustBadgeProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let p = &props.placement;
    let tier = t.tier(p.tier);
    let better = t.better_than(p.better_than_percent);
    let sentence = match lang {
        Lang::Zh => format!("{}：{}，{}", t.index_name, tier, better),
        Lang::En => format!("{}: {}, {}", t.index_name, tier, better),
    };
    html! {
        <span class={classes!("trust-badge", tier_class(p.tier))} role="img" aria-label={sentence}>
            <span class="tier-chip" aria-hidden="true">{ tier }</span>
            <span class="better-than" aria-hidden="true">{ better }</span>
        </span>
    }
}
