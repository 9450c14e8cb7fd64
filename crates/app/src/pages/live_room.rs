//! The viewer's live room: the shops streaming now, each with its trust badge from the index, from
//! the live room's view (`live_view`), which the demo computes in a worker: the page shows its
//! layout at once and fills in.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::use_page;
use crate::i18n::{Lang, LangTexts};
use crate::state::DataContext;
use livetrust_widgets::TrustBadge;

#[function_component(LiveRoom)]
pub fn live_room() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let heading = use_node_ref();
    use_page(t.live_room_title.to_owned(), heading.clone());
    let ctx = use_context::<DataContext>();
    let body = match ctx.as_ref().and_then(|c| c.live.clone()) {
        Some(view) => html! {
            <ul class="merchant-list">
                { for view.shops.iter().map(|shop| html! {
                    <li class="merchant" key={shop.id.clone()} data-merchant-id={shop.id.clone()}>
                        <span class="merchant-name">{ &shop.name }</span>
                        <span class="category">{ &shop.category }</span>
                        <TrustBadge data={Rc::new(shop.badge.clone())} {lang} />
                        <Link<Route> to={Route::Merchant { id: shop.id.clone() }} classes="details">
                            { t.view_details }<span class="visually-hidden">{ format!(" · {}", shop.name) }</span>
                        </Link<Route>>
                    </li>
                }) }
            </ul>
        },
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
