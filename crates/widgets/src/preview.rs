//! The live-preview card (直播预告) viewers see before a session: title and cover text, the start
//! in Beijing time with a countdown, the hero items (爆款) and welfare deals (福利款) with their
//! prices and stock, and a reserve button. Reserving downloads the session as an iCalendar file
//! (built by the core's `reservation_ics`) and remembers the reservation in this browser
//! (`localStorage`, per session), so a reload shows it; cancelling forgets it. Either tells the
//! page with a `livetrust-reserve` event (`detail: {sessionId, reserved}`) that crosses the
//! shadow root, for the host to record the reservation with its server.
//!
//! The countdown is a `role="timer"` (not announced every second); the reservation's outcome
//! goes to a polite status line.

use std::cell::Cell;
use std::rc::Rc;

use livetrust_core::model::Timestamp;
use livetrust_core::preview::ics::civil;
use livetrust_core::preview::money::format_yuan;
use livetrust_core::preview::{reservation_ics, CalendarEvent, Preview, Role};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::Lang;

/// One item as the card shows it (serialized with a `PreviewItem`'s field names).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CardItem {
    pub title: String,
    pub role: Role,
    pub live_price_fen: i64,
    pub list_price_fen: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stock: Option<i64>,
    pub copy: String,
}

/// What the card shows: a published [`Preview`] with the session's id, the shop's name and the
/// live room's address when the host has them. Serialized, it is the JSON the element reads.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewData {
    /// Stable per session: the reservation and the calendar entry are keyed by it.
    pub session_id: String,
    pub merchant_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merchant_name: Option<String>,
    pub title: String,
    pub cover_text: String,
    pub start: Timestamp,
    pub minutes: u32,
    pub items: Vec<CardItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl PreviewData {
    /// The card of `preview`; the session id defaults to the merchant and the start.
    pub fn of(
        preview: &Preview,
        session_id: Option<String>,
        merchant_name: Option<String>,
    ) -> Self {
        PreviewData {
            session_id: session_id
                .unwrap_or_else(|| format!("{}-{}", preview.merchant_id, preview.start.unix())),
            merchant_id: preview.merchant_id.clone(),
            merchant_name,
            title: preview.title.clone(),
            cover_text: preview.cover_text.clone(),
            start: preview.start,
            minutes: preview.minutes,
            items: preview
                .items
                .iter()
                .map(|i| CardItem {
                    title: i.title.clone(),
                    role: i.role,
                    live_price_fen: i.live_price_fen,
                    list_price_fen: i.list_price_fen,
                    stock: i.stock,
                    copy: i.copy.clone(),
                })
                .collect(),
            url: None,
        }
    }

    /// The calendar event a reservation downloads, made at `stamp`.
    pub fn calendar_event(&self, stamp: Timestamp) -> CalendarEvent {
        let mut description = self.cover_text.clone();
        for item in self.items.iter().filter(|i| i.role != Role::Regular) {
            if !description.is_empty() {
                description.push('\n');
            }
            description.push_str(&item.title);
            description.push_str(" ¥");
            description.push_str(&format_yuan(item.live_price_fen));
        }
        CalendarEvent {
            uid: format!("{}@livetrust", self.session_id),
            title: self.title.clone(),
            description,
            start: self.start,
            minutes: self.minutes.clamp(1, 1440),
            url: self.url.clone(),
            stamp,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PreviewCardProps {
    pub data: Rc<PreviewData>,
    #[prop_or_default]
    pub lang: Lang,
    /// The merchant's editor shows the card without the reserve button.
    #[prop_or(true)]
    pub reservable: bool,
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

fn fresh_id() -> String {
    let n = NEXT_ID.with(|c| {
        let n = c.get();
        c.set(n.wrapping_add(1));
        n
    });
    format!("lt-preview-{n}")
}

fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn storage_key(session_id: &str) -> String {
    format!("livetrust:reservation:{session_id}")
}

fn stored_reservation(session_id: &str) -> bool {
    storage()
        .and_then(|s| s.get_item(&storage_key(session_id)).ok().flatten())
        .is_some()
}

/// Remembers (or forgets) the reservation; a browser that refuses storage keeps it for the page.
fn store_reservation(session_id: &str, reserved: bool) {
    if let Some(s) = storage() {
        let key = storage_key(session_id);
        let _ = if reserved {
            s.set_item(&key, "1")
        } else {
            s.remove_item(&key)
        };
    }
}

/// Offers `text` as a file download named `name`.
fn download(name: &str, text: &str) -> Result<(), String> {
    let fail = |_| "the browser refused the download".to_owned();
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/calendar;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "no anchor".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Revoked once the download has surely started with it (at once would cancel it).
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::from_secs(10)).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

fn tell_page(node: &NodeRef, session_id: &str, reserved: bool) {
    let Some(element) = node.cast::<web_sys::Element>() else {
        return;
    };
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"sessionId".into(), &session_id.into());
    let _ = js_sys::Reflect::set(&detail, &"reserved".into(), &reserved.into());
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("livetrust-reserve", &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// Where the session is at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Before { seconds_left: i64 },
    Live,
    Ended,
}

fn phase(data: &PreviewData, now: i64) -> Phase {
    let start = data.start.unix();
    if now < start {
        Phase::Before {
            seconds_left: start - now,
        }
    } else if now < start + i64::from(data.minutes) * 60 {
        Phase::Live
    } else {
        Phase::Ended
    }
}

fn item_row(item: &CardItem, lang: Lang) -> Html {
    let t = lang.preview();
    html! {
        <li class="lt-preview-item">
            <span class="lt-preview-name">{ &item.title }</span>
            <span class="lt-preview-price">{ "¥" }{ format_yuan(item.live_price_fen) }</span>
            if item.live_price_fen < item.list_price_fen {
                <s class="lt-preview-list">
                    <span class="visually-hidden">{ t.list_price }</span>
                    { "¥" }{ format_yuan(item.list_price_fen) }
                </s>
            }
            if let Some(stock) = item.stock {
                <span class="lt-preview-stock">{ (t.stock)(stock) }</span>
            }
            if !item.copy.is_empty() {
                <span class="lt-preview-copy">{ &item.copy }</span>
            }
        </li>
    }
}

#[function_component(PreviewCard)]
pub fn preview_card(props: &PreviewCardProps) -> Html {
    let t = props.lang.preview();
    let data = &props.data;
    let id = use_state(fresh_id);
    let section = use_node_ref();
    let now = use_state(now_seconds);
    let reserved = {
        let session = data.session_id.clone();
        use_state(move || stored_reservation(&session))
    };
    let problem = use_state(|| None::<String>);
    {
        // A new session shown in the same card reads its own reservation.
        let reserved = reserved.clone();
        use_effect_with(data.session_id.clone(), move |session| {
            reserved.set(stored_reservation(session));
        });
    }
    let current = phase(data, *now);
    {
        let now = now.clone();
        use_effect_with((*now, current == Phase::Ended), move |&(at, ended)| {
            let alive = Rc::new(Cell::new(true));
            if !ended {
                let alive = alive.clone();
                yew::platform::spawn_local(async move {
                    // Wake at the next whole second of the clock.
                    let ms = 1000.0 - js_sys::Date::now().rem_euclid(1000.0);
                    yew::platform::time::sleep(std::time::Duration::from_millis(ms as u64 + 5))
                        .await;
                    if alive.get() {
                        now.set(now_seconds().max(at));
                    }
                });
            }
            move || alive.set(false)
        });
    }

    let reserve = {
        let (data, reserved, problem, section) = (
            data.clone(),
            reserved.clone(),
            problem.clone(),
            section.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let stamp = Timestamp::from_unix(now_seconds()).unwrap_or(data.start);
            let made = reservation_ics(&data.calendar_event(stamp))
                .map_err(|e| e.to_string())
                .and_then(|ics| download(&format!("livetrust-{}.ics", data.session_id), &ics));
            match made {
                Ok(()) => {
                    problem.set(None);
                    store_reservation(&data.session_id, true);
                    reserved.set(true);
                    tell_page(&section, &data.session_id, true);
                }
                Err(why) => problem.set(Some(why)),
            }
        })
    };
    let cancel = {
        let (session, reserved, section) =
            (data.session_id.clone(), reserved.clone(), section.clone());
        Callback::from(move |_: MouseEvent| {
            store_reservation(&session, false);
            reserved.set(false);
            tell_page(&section, &session, false);
        })
    };

    let (_, month, day, hour, minute, _) = civil(data.start.unix() + 8 * 3600);
    let heroes: Vec<&CardItem> = data.items.iter().filter(|i| i.role == Role::Hero).collect();
    let welfare: Vec<&CardItem> = data
        .items
        .iter()
        .filter(|i| i.role == Role::Welfare)
        .collect();
    let regular = data.items.len() - heroes.len() - welfare.len();
    let heading = format!("{}-title", *id);
    let status = match (&*problem, *reserved) {
        (Some(why), _) => format!("{}{why}", t.calendar_failed),
        (None, true) => t.reserved.to_owned(),
        (None, false) => String::new(),
    };

    html! {
        <section class="lt-preview" aria-labelledby={heading.clone()} ref={section}>
            <p class="lt-preview-kicker">
                { t.label }
                if let Some(name) = &data.merchant_name {
                    { " · " }{ name }
                }
            </p>
            <h3 class="lt-preview-title" id={heading}>{ &data.title }</h3>
            if !data.cover_text.is_empty() {
                <p class="lt-preview-cover">{ &data.cover_text }</p>
            }
            <p class="lt-preview-when">
                <time datetime={data.start.to_string()}>{ (t.when)(month, day, hour, minute) }</time>
            </p>
            {
                match current {
                    Phase::Before { seconds_left } => html! {
                        <p class="lt-preview-countdown" role="timer">
                            { t.starts_in }{ " " }
                            <span class="lt-preview-clock">{
                                (t.countdown)(
                                    seconds_left / 86_400,
                                    seconds_left % 86_400 / 3600,
                                    seconds_left % 3600 / 60,
                                    seconds_left % 60,
                                )
                            }</span>
                        </p>
                    },
                    Phase::Live => html! {
                        <p class="lt-preview-countdown lt-preview-live">
                            { t.live_now }
                            if let Some(url) = data.url.as_ref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                                { " · " }<a href={url.clone()}>{ t.watch }</a>
                            }
                        </p>
                    },
                    Phase::Ended => html! {
                        <p class="lt-preview-countdown lt-preview-ended">{ t.ended }</p>
                    },
                }
            }
            if !heroes.is_empty() {
                <h4 class="lt-preview-group">{ t.heroes }</h4>
                <ul class="lt-preview-items">{ for heroes.iter().map(|i| item_row(i, props.lang)) }</ul>
            }
            if !welfare.is_empty() {
                <h4 class="lt-preview-group">{ t.welfare }</h4>
                <ul class="lt-preview-items">{ for welfare.iter().map(|i| item_row(i, props.lang)) }</ul>
            }
            if regular > 0 {
                <p class="lt-preview-more">{ (t.more)(regular) }</p>
            }
            if props.reservable && current != Phase::Ended {
                <div class="lt-preview-actions">
                    if *reserved {
                        <button type="button" class="lt-preview-secondary" onclick={reserve}>{ t.download_again }</button>
                        <button type="button" class="lt-preview-secondary" onclick={cancel}>{ t.cancel }</button>
                    } else {
                        <button type="button" class="lt-preview-reserve" onclick={reserve}>{ t.reserve }</button>
                    }
                </div>
            }
            <p class="lt-preview-status" role="status">{ status }</p>
        </section>
    }
}
