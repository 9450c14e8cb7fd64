//! The viewer's live room (`/live/:session`), phone first: the stream replaying the session (the
//! viewer's own recording in a real `<video>`, else a drawn stand-in showing the timeline's
//! moment) with its clock, the shop and its trust badge, the cart (小黄车) with the product on
//! air, the coming-up strip (即将上车) with countdowns, what repeat buyers say and the next
//! session's preview. What is on air and coming up at each second is the core's
//! `staging::room_moment`, from the live assistant's zone kept in this browser when the merchant
//! runs one (other tabs' changes arrive at once), else from the session's own plan. The room
//! comes from the live room's view (the worker's, for the demo), so the page never waits for the
//! whole marketplace.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use livetrust_core::staging::{room_moment, StagingConfig, StagingState};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::{use_page, use_reply_records};
use crate::i18n::{Lang, LangTexts};
use crate::local_media::LocalMedia;
use crate::pages::clip::clock;
use crate::replies;
use crate::staging_store;
use crate::state::DataContext;
use livetrust_widgets::{PreviewCard, ReviewCarousel, TrustBadge};

#[derive(Debug, Properties, PartialEq)]
pub struct RoomPageProps {
    pub session: String,
}

fn price(fen: i64) -> String {
    format!("¥{}.{:02}", fen / 100, fen % 100)
}

#[function_component(RoomPage)]
pub fn room_page(props: &RoomPageProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let rt = t.room;
    let heading = use_node_ref();
    let ctx = use_context::<DataContext>();
    let records = use_reply_records(String::new());
    // The assistant's zone: outer None while loading, inner None when there is none.
    let zone = use_state(|| None::<Option<StagingState>>);
    let reload = use_state(|| 0u32);
    let clock_at = use_state(|| None::<u32>);
    let playing = use_state(|| true);
    let media = use_state(|| None::<Rc<LocalMedia>>);
    let video = use_node_ref();
    // The side column (strip, carousel, preview) renders a moment after the stream, so the
    // room's arrival is two short tasks instead of one long one.
    let side_ready = use_state(|| false);

    let view = ctx.as_ref().and_then(|c| c.live.clone());
    let room = view.as_ref().and_then(|v| {
        v.rooms
            .iter()
            .find(|r| r.session.id == props.session)
            .cloned()
    });
    let duration = room.as_ref().map_or(0, |r| r.session.duration_seconds());

    {
        let zone = zone.clone();
        use_effect_with((props.session.clone(), *reload), move |(id, _)| {
            let id = id.clone();
            yew::platform::spawn_local(async move {
                let stored = match staging_store::load(&id).await {
                    Ok(Some(record)) => staging_store::read(&record),
                    // Without storage the room follows the session's own plan.
                    Ok(None) | Err(_) => None,
                };
                zone.set(Some(stored));
            });
        });
    }
    {
        let reload = reload.clone();
        let _listener = use_memo(props.session.clone(), move |id| {
            let id = id.clone();
            staging_store::listen(move |key, _| {
                if key == id {
                    reload.set(*reload + 1);
                }
            })
        });
    }
    // The clock starts where the assistant's zone is, else where the first product goes on air.
    {
        let clock_at = clock_at.clone();
        let start = match (&room, &*zone) {
            (Some(r), Some(z)) => Some(match z {
                Some(z) => z.now_second,
                None => r.session.on_air.first().map_or(0, |a| a.start_second),
            }),
            _ => None,
        };
        use_effect_with(start, move |start| {
            if clock_at.is_none() {
                if let Some(s) = start {
                    clock_at.set(Some(*s));
                }
            }
        });
    }
    // One second per second while the stand-in plays; a recording drives the clock itself.
    {
        let clock_at = clock_at.clone();
        let running = *playing && media.is_none() && clock_at.is_some() && duration > 0;
        use_effect_with(running, move |&running| {
            let alive = Rc::new(Cell::new(running));
            if running {
                let alive = alive.clone();
                yew::platform::spawn_local(async move {
                    loop {
                        yew::platform::time::sleep(Duration::from_secs(1)).await;
                        if !alive.get() {
                            break;
                        }
                        let now = (*clock_at).unwrap_or(0);
                        if now >= duration {
                            break;
                        }
                        clock_at.set(Some(now + 1));
                    }
                });
            }
            move || alive.set(false)
        });
    }

    {
        let side_ready = side_ready.clone();
        use_effect_with(room.is_some(), move |&has_room| {
            if has_room && !*side_ready {
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(Duration::ZERO).await;
                    side_ready.set(true);
                });
            }
        });
    }
    let title_text = room
        .as_ref()
        .and_then(|r| view.as_ref()?.shops.iter().find(|s| s.id == r.shop_id))
        .map_or_else(|| t.live_room_title.to_owned(), |s| s.name.clone());
    use_page(
        [t.live_room_title, " · ", title_text.as_str()].concat(),
        heading.clone(),
    );
    let back = html! {
        <Link<Route> to={Route::LiveRoom} classes="room-back">{ rt.back }</Link<Route>>
    };
    let Some(view) = view else {
        return html! {
            <section class="room-page" aria-labelledby="room-title" aria-busy="true">
                <div class="room-stage room-loading">
                    <h1 id="room-title" ref={heading} tabindex="-1" class="room-shop-name">{ t.live_room_title }</h1>
                    // The stream's place, at the size of what replaces it, from the first paint.
                    <p role="status" class="standin-product room-loading-text">{ rt.loading }</p>
                </div>
                <div class="room-side"></div>
            </section>
        };
    };
    let Some(room) = room else {
        return html! {
            <section class="room-page-missing" aria-labelledby="room-title">
                <h1 id="room-title" ref={heading} tabindex="-1">{ rt.unknown_room }</h1>
                { back }
            </section>
        };
    };
    let shop = view.shops.iter().find(|s| s.id == room.shop_id);
    let now = (*clock_at).unwrap_or(0).min(duration);
    let stored = (*zone).clone().flatten();
    let moment = room_moment(
        &room.session,
        &room.plan,
        stored.as_ref(),
        now,
        &StagingConfig::default(),
    );
    let on_air_title = moment.on_air.as_ref().map(|o| room.title_of(&o.product_id));
    let viewers = room.viewers_at(now);

    let on_pause = {
        let playing = playing.clone();
        let video = video.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(v) = video.cast::<web_sys::HtmlVideoElement>() {
                if v.paused() {
                    let _ = v.play();
                } else {
                    let _ = v.pause();
                }
            }
            playing.set(!*playing);
        })
    };
    let on_file = {
        let media = media.clone();
        Callback::from(move |e: Event| {
            if let Some(m) = LocalMedia::picked(&e) {
                media.set(Some(Rc::new(m)));
            }
        })
    };
    let on_time = {
        let clock_at = clock_at.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlVideoElement>().ok())
            {
                clock_at.set(Some(v.current_time().max(0.0).floor() as u32));
            }
        })
    };
    let on_loaded = {
        let video = video.clone();
        let playing = playing.clone();
        Callback::from(move |_: Event| {
            // Start the recording where the session is, when it is that long.
            if let Some(v) = video.cast::<web_sys::HtmlVideoElement>() {
                if f64::from(now) < v.duration() {
                    v.set_current_time(f64::from(now));
                }
                // Muted as a property too (the attribute alone may not count for autoplay).
                v.set_muted(true);
                if *playing {
                    let _ = v.play();
                }
            }
        })
    };

    let stand_in_label = format!(
        "{}：{}{}",
        rt.stand_in,
        on_air_title.as_deref().map_or_else(
            || rt.between.to_owned(),
            |p| format!("{} {p}", rt.explaining)
        ),
        viewers
            .map(|v| format!("，{}", rt.audience(v)))
            .unwrap_or_default()
    );
    let stream = match &*media {
        Some(m) => html! {
            <video class="room-video" src={m.url.clone()} ref={video.clone()} playsinline=true muted=true autoplay=true
                ontimeupdate={on_time} onloadedmetadata={on_loaded}></video>
        },
        None => html! {
            <div class="room-standin" role="img" aria-label={stand_in_label}>
                <p class="standin-product" aria-hidden="true">
                    { match &on_air_title {
                        Some(p) => html! { <><span class="standin-label">{ rt.explaining }</span>{ p.clone() }</> },
                        None => html! { { rt.between } },
                    } }
                </p>
                <div class="standin-track" aria-hidden="true">
                    { for room.session.on_air.iter().map(|a| {
                        let left = 100.0 * f64::from(a.start_second) / f64::from(duration.max(1));
                        let width = 100.0 * f64::from(a.end_second - a.start_second) / f64::from(duration.max(1));
                        html! { <span class="standin-slot" style={format!("left:{left:.2}%;width:{width:.2}%")}></span> }
                    }) }
                    <span class="standin-head" style={format!("left:{:.2}%", 100.0 * f64::from(now) / f64::from(duration.max(1)))}></span>
                </div>
            </div>
        },
    };

    let reviews = shop.and_then(|s| {
        let mut data = s.reviews.clone()?;
        if let Some(records) = &records {
            replies::overlay(&mut data.shown, &s.id, records);
        }
        Some(html! { <ReviewCarousel data={Rc::new(data)} {lang} /> })
    });
    let preview = shop
        .and_then(|s| s.preview.clone())
        .map(|p| html! { <PreviewCard data={Rc::new(p)} {lang} /> });
    let ended = now >= duration;

    html! {
        <section class="room-page" aria-labelledby="room-title" data-session={room.session.id.clone()}>
            <div class="room-stage">
                { stream }
                <header class="room-top">
                    <h1 id="room-title" ref={heading} tabindex="-1" class="room-shop-name">{ title_text }</h1>
                    if let Some(s) = shop {
                        <TrustBadge data={Rc::new(s.badge.clone())} {lang} />
                    }
                </header>
                <div class="room-status">
                    <p class="room-clock" data-second={now.to_string()}>
                        <span class="visually-hidden">{ rt.clock }{ " " }</span>
                        <span class="room-replay">{ rt.replay }</span>
                        <time>{ clock(now) }</time>{ " / " }{ clock(duration) }
                    </p>
                    if let Some(v) = viewers {
                        <p class="room-viewers">{ rt.audience(v) }</p>
                    }
                    if ended {
                        <p class="room-ended">{ rt.ended }</p>
                    }
                </div>
                <div class="room-controls">
                    <button type="button" class="room-pause" onclick={on_pause} aria-pressed={(!*playing).to_string()}>
                        { if *playing { rt.pause } else { rt.resume } }
                    </button>
                    <label class="button room-recording">
                        { rt.recording }
                        <input type="file" accept="video/*" class="visually-hidden" onchange={on_file} />
                    </label>
                </div>
                <section class="room-cart" aria-labelledby="room-cart-title">
                    <h2 id="room-cart-title">{ rt.cart }<small>{ " · " }{ rt.products(room.plan.products.len()) }</small></h2>
                    { match (&moment.on_air, &on_air_title) {
                        (Some(o), Some(name)) => html! {
                            <p class="cart-on-air" data-product={o.product_id.clone()}>
                                <span class="cart-badge">{ rt.on_air }</span>
                                <span class="cart-name">{ name.clone() }</span>
                                <span class="cart-price">{ price(o.live_price_fen) }</span>
                            </p>
                        },
                        _ => html! { <p class="cart-on-air cart-idle">{ rt.nothing_on_air }</p> },
                    } }
                </section>
            </div>
            <div class="room-side">
                <section class="coming-up" aria-labelledby="coming-up-title">
                    <h2 id="coming-up-title">{ rt.coming_up }</h2>
                    <p class="coming-up-source">{ if stored.is_some() { rt.from_zone } else { rt.from_recording } }</p>
                    { {
                        // The next 10 minutes, and at least the next product however far off.
                        let soon: Vec<_> = moment
                            .coming_up
                            .iter()
                            .enumerate()
                            .filter(|(i, c)| c.within_horizon || *i == 0)
                            .map(|(_, c)| c)
                            .collect();
                        if soon.is_empty() {
                            html! { <p class="coming-up-empty">{ rt.coming_up_empty }</p> }
                        } else {
                            html! {
                                <ol class="coming-up-list">
                                    { for soon.iter().map(|c| html! {
                                        <li data-product={c.product_id.clone()} data-countdown={c.countdown_seconds.to_string()}>
                                            <span class="coming-name">{ room.title_of(&c.product_id) }</span>
                                            <span class="coming-price">{ price(c.live_price_fen) }</span>
                                            <span class="coming-countdown">{ if c.due { rt.due.to_owned() } else { rt.countdown(c.countdown_seconds) } }</span>
                                        </li>
                                    }) }
                                </ol>
                            }
                        }
                    } }
                </section>
                // The carousel and the card name themselves (回头客说, 直播预告).
                <div class="room-reviews">{ for reviews.filter(|_| *side_ready) }</div>
                if let Some(p) = preview {
                    <div class="room-preview">{ if *side_ready { p } else { Html::default() } }</div>
                }
                { back }
            </div>
        </section>
    }
}
