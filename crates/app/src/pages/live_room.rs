//! The viewer's live room: the shops on air, each with its trust badge, computed by the core from
//! the embedded demo data.

use livetrust_core::demo::{demo_live_room, DEFAULT_SEED};
use yew::prelude::*;

use crate::components::trust_badge::TrustBadge;
use crate::i18n::Lang;

/// How many demo shops the live room lists.
const SHOWN: usize = 8;

#[function_component(LiveRoom)]
pub fn live_room() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    // The demo is deterministic, so computing it once per mount is enough.
    let merchants = use_memo((), |_| demo_live_room(DEFAULT_SEED, SHOWN));
    let body = match &*merchants {
        Ok(list) => html! {
            <ul class="merchant-list">
                { for list.iter().map(|m| html! {
                    <li class="merchant" key={m.id.clone()} data-merchant-id={m.id.clone()}>
                        <span class="merchant-name">{ &m.name }</span>
                        <TrustBadge placement={m.placement.clone()} />
                    </li>
                }) }
            </ul>
        },
        Err(e) => html! { <p role="alert" class="error">{ e.to_string() }</p> },
    };
    html! {
        <section aria-labelledby="live-room-title">
            <h1 id="live-room-title">{ t.live_room_title }</h1>
            <p class="intro">{ t.live_room_intro }</p>
            { body }
        </section>
    }
}
