//! The viewer's live room: the shops streaming now, each with its trust badge from the index.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::use_page;
use crate::i18n::{Lang, LangTexts};
use crate::state::DataContext;
use livetrust_widgets::{BadgeData, TrustBadge};

/// How many shops the live room lists.
const SHOWN: usize = 8;

#[function_component(LiveRoom)]
pub fn live_room() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let heading = use_node_ref();
    use_page(t.live_room_title.to_owned(), heading.clone());
    let ctx = use_context::<DataContext>();
    let body = match ctx.as_ref().and_then(|c| c.data.clone()) {
        Some(data) => {
            // Shops with live sessions first (they are on air), then the rest, in data order.
            let live: Vec<&str> = data
                .dataset
                .live_sessions
                .iter()
                .map(|s| s.merchant_id.as_str())
                .collect();
            let mut ids: Vec<&str> = Vec::new();
            for id in live
                .iter()
                .copied()
                .chain(data.dataset.merchants.iter().map(|m| m.id.as_str()))
            {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            html! {
                <ul class="merchant-list">
                    { for ids.into_iter().take(SHOWN).filter_map(|id| data.merchant(id)).map(|(m, report)| html! {
                        <li class="merchant" key={m.id.clone()} data-merchant-id={m.id.clone()}>
                            <span class="merchant-name">{ &m.name }</span>
                            <span class="category">{ data.category_name(&m.category_id) }</span>
                            <TrustBadge data={Rc::new(BadgeData::from(&**report))} {lang} />
                            <Link<Route> to={Route::Merchant { id: m.id.clone() }} classes="details">
                                { t.view_details }<span class="visually-hidden">{ format!(" · {}", m.name) }</span>
                            </Link<Route>>
                        </li>
                    }) }
                </ul>
            }
        }
        None => match ctx.as_ref().and_then(|c| c.error.clone()) {
            Some(e) => html! { <p role="alert" class="error">{ e }</p> },
            None => html! { <p role="status">{ t.loading }</p> },
        },
    };
    html! {
        <section aria-labelledby="live-room-title">
            <h1 id="live-room-title" ref={heading} tabindex="-1">{ t.live_room_title }</h1>
            <p class="intro">{ t.live_room_intro }</p>
            { body }
        </section>
    }
}
