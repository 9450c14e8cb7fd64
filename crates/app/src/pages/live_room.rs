//! The viewer's live room: the rooms on air (each opens its room page, `pages::room`), the shops
//! streaming now, each with its trust badge from the index, and
//! what the chosen shop's repeat buyers say (回头客说, the widgets' carousel), from the live room's
//! view (`live_view`), which the demo computes in a worker: the page shows its layout at once and
//! fills in. Replies the merchant published in this browser are shown over the data's own.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::{use_page, use_reply_records};
use crate::i18n::{Lang, LangTexts};
use crate::replies;
use crate::state::DataContext;
use livetrust_widgets::{PreviewCard, ReviewCarousel, TrustBadge};

#[function_component(LiveRoom)]
pub fn live_room() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let heading = use_node_ref();
    use_page(t.live_room_title.to_owned(), heading.clone());
    let ctx = use_context::<DataContext>();
    let records = use_reply_records(String::new());
    // The shop whose repeat buyers the carousel shows (the first, until a viewer picks another).
    let chosen = use_state(|| None::<String>);
    let body = match ctx.as_ref().and_then(|c| c.live.clone()) {
        Some(view) => {
            let featured = chosen
                .as_ref()
                .and_then(|id| view.shops.iter().find(|s| &s.id == id))
                .or_else(|| view.shops.first());
            let carousel = featured.and_then(|shop| {
                let mut data = shop.reviews.clone()?;
                if let Some(records) = &records {
                    replies::overlay(&mut data.shown, &shop.id, records);
                }
                Some(html! {
                    <div class="live-reviews" key={shop.id.clone()}>
                        <p class="live-reviews-shop">{ &shop.name }</p>
                        <ReviewCarousel data={Rc::new(data)} {lang} />
                    </div>
                })
            });
            let preview = featured.and_then(|shop| {
                let data = shop.preview.clone()?;
                Some(html! {
                    <div class="live-preview" key={["preview-", shop.id.as_str()].concat()}>
                        <PreviewCard data={Rc::new(data)} {lang} />
                    </div>
                })
            });
            let rt = t.room;
            let rooms = html! {
                <section class="room-list" aria-labelledby="rooms-title">
                    <h2 id="rooms-title">{ rt.rooms_heading }</h2>
                    <p class="hint">{ rt.rooms_intro }</p>
                    <ul>
                        { for view.rooms.iter().filter_map(|r| {
                            let shop = view.shops.iter().find(|s| s.id == r.shop_id)?;
                            let first = r.session.on_air.first().map(|a| r.title_of(&a.product_id));
                            Some(html! {
                                <li key={r.session.id.clone()} data-session={r.session.id.clone()}>
                                    <Link<Route> to={Route::Room { session: r.session.id.clone() }} classes="room-link">
                                        <span class="room-link-shop">{ &shop.name }</span>
                                        <span class="room-link-product">{ first.unwrap_or_default() }</span>
                                        <span class="room-link-enter">{ rt.enter }</span>
                                    </Link<Route>>
                                </li>
                            })
                        }) }
                    </ul>
                </section>
            };
            html! {
                <>
                    { rooms }
                    { for carousel }
                    <ul class="merchant-list">
                        { for view.shops.iter().map(|shop| {
                            let pressed = featured.is_some_and(|f| f.id == shop.id);
                            let choose = {
                                let chosen = chosen.clone();
                                let id = shop.id.clone();
                                Callback::from(move |_: MouseEvent| chosen.set(Some(id.clone())))
                            };
                            html! {
                                <li class="merchant" key={shop.id.clone()} data-merchant-id={shop.id.clone()}>
                                    <span class="merchant-name">{ &shop.name }</span>
                                    <span class="category">{ &shop.category }</span>
                                    <TrustBadge data={Rc::new(shop.badge.clone())} {lang} />
                                    if shop.reviews.is_some() {
                                        <button type="button" class="show-reviews" aria-pressed={pressed.to_string()}
                                            onclick={choose}>
                                            { t.reviews.nav }<span class="visually-hidden">{ format!(" · {}", shop.name) }</span>
                                        </button>
                                    }
                                    <Link<Route> to={Route::Merchant { id: shop.id.clone() }} classes="details">
                                        { t.view_details }<span class="visually-hidden">{ format!(" · {}", shop.name) }</span>
                                    </Link<Route>>
                                </li>
                            }
                        }) }
                    </ul>
                    { for preview }
                </>
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
