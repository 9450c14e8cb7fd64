//! An estimate with its interval on a track centred on zero, so which side of zero the interval
//! falls on is plain to see: the cold-start cohort difference and the push leverage's lift. Hidden
//! from assistive technology; the numbers beside it are what it reads.

use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct IntervalTrackProps {
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
    /// The smallest half-width the track spans, so a tight interval near zero is not a full bar.
    pub min_reach: f64,
}

#[function_component(IntervalTrack)]
pub fn interval_track(p: &IntervalTrackProps) -> Html {
    let reach = p.low.abs().max(p.high.abs()).max(p.min_reach) * 1.15;
    let at = |v: f64| {
        format!(
            "{:.1}%",
            ((v + reach) / (2.0 * reach) * 100.0).clamp(0.0, 100.0)
        )
    };
    html! {
        <span class="cohort-track diff-track" aria-hidden="true">
            <span class="diff-zero" style="left: 50%"></span>
            <span class="diff-interval" style={format!("left: {}; right: calc(100% - {})", at(p.low), at(p.high))}></span>
            <span class="diff-estimate" style={format!("left: {}", at(p.estimate))}></span>
        </span>
    }
}
