//! What the viewer's live room shows, as plain data: the shops streaming now (those with live
//! sessions first, then the rest, in data order), each with its name, category, trust badge and
//! what its repeat buyers say; and each shop's room on air (`LiveRoomSession`), which the room
//! page (`/live/:session`) replays.
//!
//! It is all the live room needs, so the demo's live room never waits for the marketplace on the
//! page's thread: the worker (`src/bin/livetrust-worker.rs`) generates the demo, computes the
//! index and sends this view as JSON; imported data gives the same view on the page. The page
//! reads the JSON with the widgets' serde-free badge reader ([`LiveRoomView::read`]), so the
//! app carries no deserializer for index reports.

use livetrust_core::model::LiveSession;
use livetrust_core::reviews::{Reviews, ReviewsConfig};
use livetrust_core::staging::LivePlan;
use livetrust_widgets::read::{badge_data, preview_data, reviews_data, ReadError};
use livetrust_widgets::{BadgeData, PreviewData, ReviewsData};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use crate::state::{AppData, Source};

/// How many shops the live room lists.
pub const SHOWN: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LiveShop {
    pub id: String,
    pub name: String,
    pub category: String,
    pub badge: BadgeData,
    /// What repeat buyers say (回头客说); none when the reviews could not be computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviews: Option<ReviewsData>,
    /// The shop's next session (直播预告), as the core proposes it from its data now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<PreviewData>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LiveRoomView {
    pub source: Source,
    /// Merchants in the data (the source banner says how many).
    pub merchants: usize,
    pub shops: Vec<LiveShop>,
    /// One room per listed shop that has a session, in the shops' order.
    pub rooms: Vec<LiveRoomSession>,
}

/// A product's name in the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductTitle {
    pub product_id: String,
    pub title: String,
}

/// A room on air as the room page replays it: the session without its per-second signals and
/// transcript, its plan (products and live prices), the products' names, and the audience every
/// 10 seconds when the session kept its signals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LiveRoomSession {
    pub shop_id: String,
    pub session: LiveSession,
    pub plan: LivePlan,
    pub titles: Vec<ProductTitle>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewers_every_10s: Option<Vec<u32>>,
}

impl LiveRoomSession {
    /// The shop's room: its latest session with per-second signals (the replay can show its
    /// audience), else its latest session; none without sessions.
    fn of(data: &AppData, shop_id: &str) -> Option<LiveRoomSession> {
        let sessions = data
            .dataset
            .live_sessions
            .iter()
            .filter(|s| s.merchant_id == shop_id);
        let chosen = sessions
            .clone()
            .filter(|s| s.signals.is_some())
            .max_by_key(|s| s.start_at)
            .or_else(|| sessions.max_by_key(|s| s.start_at))?;
        let plan = LivePlan::from_dataset(&data.dataset, &chosen.id).ok()?;
        let titles = plan
            .products
            .iter()
            .filter_map(|p| {
                let product = data
                    .dataset
                    .products
                    .iter()
                    .find(|x| x.id == p.product_id)?;
                Some(ProductTitle {
                    product_id: p.product_id.clone(),
                    title: product.title.clone(),
                })
            })
            .collect();
        let viewers_every_10s = chosen.signals.as_ref().map(|s| {
            s.viewers
                .chunks(10)
                .map(|c| c.first().copied().unwrap_or_default())
                .collect()
        });
        let mut session = chosen.clone();
        session.signals = None;
        session.transcript = Vec::new();
        if session.summary.is_none() {
            session.summary = chosen
                .signals
                .as_ref()
                .map(livetrust_core::model::SessionSummary::of);
        }
        Some(LiveRoomSession {
            shop_id: shop_id.to_owned(),
            session,
            plan,
            titles,
            viewers_every_10s,
        })
    }

    pub fn title_of(&self, product_id: &str) -> String {
        self.titles
            .iter()
            .find(|t| t.product_id == product_id)
            .map_or_else(|| product_id.to_owned(), |t| t.title.clone())
    }

    /// Concurrent viewers at `second`, when the session kept its signals.
    pub fn viewers_at(&self, second: u32) -> Option<u32> {
        let v = self.viewers_every_10s.as_ref()?;
        v.get((second / 10) as usize).or(v.last()).copied()
    }
}

impl LiveRoomView {
    pub fn of(data: &AppData) -> Self {
        let mut ids: Vec<&str> = Vec::new();
        let live = data
            .dataset
            .live_sessions
            .iter()
            .map(|s| s.merchant_id.as_str());
        for id in live.chain(data.dataset.merchants.iter().map(|m| m.id.as_str())) {
            if ids.len() == SHOWN {
                break;
            }
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        // The guard and the texts' fingerprints once for every shop listed.
        let reviews = Reviews::prepare(
            &data.dataset,
            data.market.as_of,
            &ReviewsConfig::default(),
            &data.config,
        )
        .ok();
        let rooms = ids
            .iter()
            .filter_map(|id| LiveRoomSession::of(data, id))
            .collect();
        let shops = ids
            .into_iter()
            .filter_map(|id| data.merchant(id))
            .map(|(m, report)| LiveShop {
                id: m.id.clone(),
                name: m.name.clone(),
                category: data.category_name(&m.category_id).to_owned(),
                badge: BadgeData::from(&**report),
                reviews: reviews
                    .as_ref()
                    .and_then(|r| r.report(&m.id).ok())
                    .map(|r| ReviewsData::from(&r)),
                preview: next_session(data, &m.id, &m.name),
            })
            .collect();
        LiveRoomView {
            source: data.source,
            merchants: data.dataset.merchants.len(),
            shops,
            rooms,
        }
    }
}

/// The core's proposal for the shop's next session, at the page's clock.
fn next_session(data: &AppData, id: &str, name: &str) -> Option<PreviewData> {
    let now = livetrust_core::model::Timestamp::from_unix((js_sys::Date::now() / 1000.0) as i64)?;
    let generated = livetrust_core::preview::generate(
        &data.dataset,
        id,
        now,
        None,
        &livetrust_core::preview::PreviewConfig::default(),
    )
    .ok()?;
    Some(PreviewData::of(
        &generated.preview,
        Some(format!("{id}-next")),
        Some(name.to_owned()),
    ))
}

/// The worker's answer: the view, or why the demo could not be computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum WorkerReply {
    /// Sent once the worker listens: requests sent before would be lost.
    Ready,
    LiveRoom {
        view: LiveRoomView,
        /// How long the worker took, for the start-up benchmark (`globalThis.livetrustDemoTimings`).
        timings: DemoTimings,
    },
    Failed {
        error: String,
    },
}

/// Milliseconds the worker spent generating the demo, computing its index and building the view.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoTimings {
    pub generate_ms: f64,
    pub index_ms: f64,
    pub view_ms: f64,
}

/// What the page asks the worker; one kind for now.
pub const DEMO_REQUEST: &str = "liveRoomOfDemo";

fn text(object: &JsValue, path: &str, name: &str) -> Result<String, ReadError> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| ReadError {
            path: [path, name].concat(),
            expected: "a string".to_owned(),
        })
}

fn number(object: &JsValue, path: &str, name: &str) -> Result<f64, ReadError> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|n| n.fract() == 0.0 && *n >= 0.0)
        .ok_or_else(|| ReadError {
            path: [path, name].concat(),
            expected: "a whole number".to_owned(),
        })
}

impl LiveRoomView {
    fn read_source(value: &JsValue) -> Result<Source, ReadError> {
        let field =
            |name: &str| js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or_default();
        match text(value, "view.source.", "kind")?.as_str() {
            "demo" => Ok(Source::Demo {
                seed: number(value, "view.source.", "seed")? as u64,
                merchants: number(value, "view.source.", "merchants")? as u32,
            }),
            "imported" => Ok(Source::Imported {
                files: number(value, "view.source.", "files")? as usize,
                kept: field("kept").as_bool().unwrap_or(false),
            }),
            _ => Err(ReadError {
                path: "view.source.kind".to_owned(),
                expected: "demo or imported".to_owned(),
            }),
        }
    }

    /// Reads a view from the JSON the worker sent (`WorkerReply::LiveRoom`'s `view`).
    pub fn read(view: &JsValue) -> Result<Self, ReadError> {
        let get =
            |name: &str| js_sys::Reflect::get(view, &JsValue::from_str(name)).unwrap_or_default();
        let shops = get("shops")
            .dyn_into::<js_sys::Array>()
            .map_err(|_| ReadError {
                path: "view.shops".to_owned(),
                expected: "an array".to_owned(),
            })?;
        let mut read = Vec::with_capacity(shops.length() as usize);
        for (i, shop) in shops.iter().enumerate() {
            let path = ["view.shops[", &i.to_string(), "]."].concat();
            let badge =
                js_sys::Reflect::get(&shop, &JsValue::from_str("badge")).unwrap_or_default();
            let reviews = js_sys::Reflect::get(&shop, &JsValue::from_str("reviews"))
                .ok()
                .filter(|r| !r.is_undefined() && !r.is_null())
                .map(|r| {
                    reviews_data(&r).map_err(|e| ReadError {
                        path: [path.as_str(), "reviews.", &e.path].concat(),
                        expected: e.expected,
                    })
                })
                .transpose()?;
            let preview = js_sys::Reflect::get(&shop, &JsValue::from_str("preview"))
                .ok()
                .filter(|r| !r.is_undefined() && !r.is_null())
                .map(|r| {
                    preview_data(&r).map_err(|e| ReadError {
                        path: [path.as_str(), "preview.", &e.path].concat(),
                        expected: e.expected,
                    })
                })
                .transpose()?;
            read.push(LiveShop {
                reviews,
                preview,
                id: text(&shop, &path, "id")?,
                name: text(&shop, &path, "name")?,
                category: text(&shop, &path, "category")?,
                badge: badge_data(&badge).map_err(|e| ReadError {
                    path: [path.as_str(), "badge.", &e.path].concat(),
                    expected: e.expected,
                })?,
            });
        }
        // Rooms are plain session data: read with serde (no report types among them).
        let rooms_json = js_sys::JSON::stringify(&get("rooms"))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        let rooms = serde_json::from_str(&rooms_json).map_err(|e| ReadError {
            path: "view.rooms".to_owned(),
            expected: ["rooms of live sessions (", &e.to_string(), ")"].concat(),
        })?;
        Ok(LiveRoomView {
            source: Self::read_source(&get("source"))?,
            merchants: number(view, "view.", "merchants")? as usize,
            shops: read,
            rooms,
        })
    }
}

/// A reply of the worker, as the page reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Ready,
    LiveRoom(LiveRoomView),
    Failed(String),
}

impl Reply {
    /// Reads the worker's JSON text; an unreadable reply is a failure saying why.
    pub fn read(json: &str) -> Reply {
        let Ok(value) = js_sys::JSON::parse(json) else {
            return Reply::Failed("the worker's reply is not JSON".to_owned());
        };
        let kind = js_sys::Reflect::get(&value, &JsValue::from_str("kind"))
            .ok()
            .and_then(|k| k.as_string());
        match kind.as_deref() {
            Some("ready") => Reply::Ready,
            Some("liveRoom") => {
                // Published for the start-up benchmark (tests/bench/startup.bench.mjs).
                if let Ok(timings) = js_sys::Reflect::get(&value, &JsValue::from_str("timings")) {
                    let _ = js_sys::Reflect::set(
                        &js_sys::global(),
                        &JsValue::from_str("livetrustDemoTimings"),
                        &timings,
                    );
                }
                let view =
                    js_sys::Reflect::get(&value, &JsValue::from_str("view")).unwrap_or_default();
                match LiveRoomView::read(&view) {
                    Ok(v) => Reply::LiveRoom(v),
                    Err(e) => Reply::Failed(e.to_string()),
                }
            }
            Some("failed") => Reply::Failed(
                js_sys::Reflect::get(&value, &JsValue::from_str("error"))
                    .ok()
                    .and_then(|e| e.as_string())
                    .unwrap_or_default(),
            ),
            _ => Reply::Failed("the worker's reply has no known kind".to_owned()),
        }
    }
}
