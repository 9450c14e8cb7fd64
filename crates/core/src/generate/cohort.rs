//! A planted cold-start cohort: vertical merchants (垂类商家) of one category who opened inside
//! the history window, half starting with short videos and half with live sessions, with a known
//! advantage for the short-video path — so the cold-start assistant's cohort evidence has a real
//! difference to find (docs/coldstart.md).
//!
//! Appended after the rest of the marketplace, with ids that continue each table's sequence, so
//! every other record is the same with or without the cohort. About two thirds of the cohort
//! opened early enough that their first 60 days lie inside the history; the rest opened in the
//! last four weeks and are still in their cold start. Every cohort merchant has daily follower
//! counts; whether followers or sales came first is drawn independently of the path and has no
//! planted effect.

use std::collections::BTreeSet;

use super::categories::L2;
use super::names::{product_title, shop_name};
use super::orders::{buyer_id, order_id};
use super::sample::{retail_price, stream, Sample};
use super::text::{review_text, Experience};
use super::{ts, Window, DAY, HOUR};
use crate::model::{
    Buyer, Channel, Dataset, ExplainMark, FollowerCount, LiveSession, Merchant, MerchantType,
    OnAirInterval, Order, Product, Ratings, Review, SessionSummary,
};
use crate::rng::SplitMix64;
use crate::Result;

const TAG_COHORT: u64 = 0x636F_686F_7274_0001;

/// The cohort's category (生鲜水果) and type.
const COHORT_L2: usize = 0;
pub const COHORT_TYPE: MerchantType = MerchantType::Vertical;

/// Second-month orders per day of a short-video-first and a live-first merchant of average
/// quality: the planted advantage.
const SHORT_VIDEO_FIRST_RATE: f64 = 3.0;
const LIVE_FIRST_RATE: f64 = 1.6;

/// How a cohort merchant started, as planted (the assistant reads the path from the data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PlantedPath {
    ShortVideoFirst,
    LiveFirst,
}

/// One planted merchant, for tests.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlantedStart {
    pub merchant_id: String,
    pub path: PlantedPath,
    /// Whether the merchant's first 60 days lie inside the history.
    pub complete: bool,
}

/// Appends `size` cohort merchants with their products, buyers, orders, reviews, live sessions
/// and follower counts to `d`.
pub(super) fn plant(
    seed: u64,
    size: u32,
    window: &Window,
    d: &mut Dataset,
) -> Result<Vec<PlantedStart>> {
    let mut taken: BTreeSet<String> = d.merchants.iter().map(|m| m.name.clone()).collect();
    let complete = size * 2 / 3;
    let mut planted = Vec::with_capacity(size as usize);
    let mut orders: Vec<Order> = Vec::new();
    let mut sessions: Vec<LiveSession> = Vec::new();
    let first_merchant = d.merchants.len();
    let first_buyer = d.buyers.len();
    let mut buyers: Vec<Buyer> = Vec::new();
    for k in 0..size {
        let mut rng = stream(seed, TAG_COHORT, u64::from(k));
        let path = if k % 2 == 0 {
            PlantedPath::ShortVideoFirst
        } else {
            PlantedPath::LiveFirst
        };
        // Whole first 60 days inside the history when there is room for them.
        let days = i64::from(window.days);
        let is_complete = k < complete && days >= 61;
        let open = if is_complete {
            rng.int(0, days - 61)
        } else {
            rng.int((days - 28).max(0), days - 3)
        } as u32;
        let cat = &L2[COHORT_L2];
        let id = format!("m{:04}", first_merchant + k as usize + 1);
        let name = shop_name(&mut rng, COHORT_TYPE, cat, &mut taken);
        let first_product = d.products.len();
        for _ in 0..3 {
            let item = rng.pick(cat.items);
            let (lo, hi) = cat.price_fen;
            let u = rng.next_f64();
            d.products.push(Product {
                id: format!("p{:06}", d.products.len() + 1),
                merchant_id: id.clone(),
                title: product_title(&mut rng, cat, item),
                list_price_fen: retail_price(lo as f64 + (hi - lo) as f64 * u * u),
                category_id: cat.id.to_owned(),
            });
        }
        let products: Vec<(String, i64)> = d.products[first_product..]
            .iter()
            .map(|p| (p.id.clone(), p.list_price_fen))
            .collect();
        let shop = Shop {
            id: &id,
            open,
            path,
            quality: rng.uniform(0.85, 1.15),
            products: &products,
        };
        let mut own_buyers: Vec<usize> = Vec::new();
        let mut sink = Sink {
            orders: &mut orders,
            buyers: &mut buyers,
            first_buyer,
            own_buyers: &mut own_buyers,
        };
        let live_days = shop.draw(&mut rng, window, &mut sink)?;
        for (start, minutes) in live_days {
            sessions.push(session(&mut rng, &id, &products, start, minutes)?);
        }
        let sales_first_mark = rng.chance(0.5);
        let followers = follower_history(&mut rng, &id, open, sales_first_mark, window, d);
        d.merchants.push(Merchant {
            id: id.clone(),
            name,
            category_id: cat.id.to_owned(),
            merchant_type: COHORT_TYPE,
            start_date: window.as_of.minus_days(u64::from(window.days - open)),
            followers,
        });
        planted.push(PlantedStart {
            merchant_id: id,
            path,
            complete: is_complete,
        });
    }
    orders.sort_by_key(|o| o.paid_at);
    let first_order = d.orders.len();
    for (i, o) in orders.iter_mut().enumerate() {
        o.id = order_id(first_order + i);
    }
    reviews(seed, window, &orders, d)?;
    d.orders.extend(orders);
    d.buyers.extend(buyers);
    sessions.sort_by_key(|s| s.start_at);
    let first_session = d.live_sessions.len();
    for (i, s) in sessions.iter_mut().enumerate() {
        s.id = format!("ls{:04}", first_session + i + 1);
    }
    d.live_sessions.extend(sessions);
    Ok(planted)
}

/// A summarised session: the shop's products on air in turn, most of them explained (讲解).
fn session(
    rng: &mut SplitMix64,
    merchant: &str,
    products: &[(String, i64)],
    start: i64,
    minutes: u32,
) -> Result<LiveSession> {
    let seconds = minutes * 60;
    let peak = rng.int(60, 240) as u32;
    let viewer_minutes = (f64::from(peak) * f64::from(minutes) * rng.uniform(0.4, 0.8)) as u64;
    let slot = seconds / products.len().max(1) as u32;
    let mut on_air = Vec::new();
    let mut explain_marks = Vec::new();
    for (k, (product, _)) in products.iter().enumerate() {
        let from = slot * k as u32;
        on_air.push(OnAirInterval {
            product_id: product.clone(),
            start_second: from,
            end_second: from + slot,
        });
        if rng.chance(0.75) {
            explain_marks.push(ExplainMark {
                product_id: product.clone(),
                second: from + rng.int(10, i64::from(slot / 2)) as u32,
            });
        }
    }
    Ok(LiveSession {
        id: String::new(),
        merchant_id: merchant.to_owned(),
        start_at: ts(start)?,
        end_at: ts(start + i64::from(seconds))?,
        signals: None,
        summary: Some(SessionSummary {
            viewer_minutes: viewer_minutes.max(1),
            peak_viewers: peak,
            comments: u64::from(rng.count(viewer_minutes as f64 * 0.05)),
            likes: u64::from(rng.count(viewer_minutes as f64 * 0.4)),
            gifts: u64::from(rng.count(viewer_minutes as f64 * 0.01)),
        }),
        on_air,
        explain_marks,
        staged: Vec::new(),
        transcript: Vec::new(),
    })
}

struct Shop<'a> {
    id: &'a str,
    /// The history day the shop opened.
    open: u32,
    path: PlantedPath,
    /// Scales every rate: some shops simply sell better.
    quality: f64,
    products: &'a [(String, i64)],
}

struct Sink<'a> {
    orders: &'a mut Vec<Order>,
    buyers: &'a mut Vec<Buyer>,
    first_buyer: usize,
    /// Indices into `buyers` of this shop's customers, for repeat purchases.
    own_buyers: &'a mut Vec<usize>,
}

impl Shop<'_> {
    /// The shop's orders from its opening to the end of the history, and its live sessions as
    /// (start, minutes).
    fn draw(
        &self,
        rng: &mut SplitMix64,
        window: &Window,
        sink: &mut Sink,
    ) -> Result<Vec<(i64, u32)>> {
        let short_video_first = self.path == PlantedPath::ShortVideoFirst;
        // The path: which channel the shop starts on, and when the other one follows.
        let (first_video, first_live) = if short_video_first {
            (rng.int(0, 3), rng.int(12, 20))
        } else {
            (rng.int(12, 24), rng.int(0, 3))
        };
        let rate = if short_video_first {
            SHORT_VIDEO_FIRST_RATE
        } else {
            LIVE_FIRST_RATE
        } * self.quality;
        let mut sessions = Vec::new();
        for day in self.open..window.days {
            let age = i64::from(day - self.open);
            // The first month ramps up towards the second month's rate.
            let level = if age < 30 {
                rate * (0.25 + 0.5 * age as f64 / 30.0)
            } else {
                rate
            };
            let start = window.day_start(day);
            if age >= first_video {
                let n = rng.count(level * 0.45);
                for _ in 0..n {
                    let paid = start + rng.int(9 * HOUR, 23 * HOUR);
                    self.order(rng, paid, Channel::ShortVideo, window, sink)?;
                }
            }
            if age >= first_live && (age == first_live || rng.chance(2.0 / 7.0)) {
                let minutes = rng.int(60, 120) as u32;
                let begin = start + rng.int(19 * HOUR, 21 * HOUR);
                sessions.push((begin, minutes));
                let n = rng.count(level * 2.0);
                for _ in 0..n {
                    let paid = begin + rng.int(60, i64::from(minutes) * 60 - 1);
                    self.order(rng, paid, Channel::LiveRoom, window, sink)?;
                }
            }
            if age >= first_video.min(first_live) {
                let n = rng.count(level * 0.15);
                for _ in 0..n {
                    let paid = start + rng.int(8 * HOUR, 23 * HOUR);
                    self.order(rng, paid, Channel::Shop, window, sink)?;
                }
            }
        }
        Ok(sessions)
    }

    fn order(
        &self,
        rng: &mut SplitMix64,
        paid: i64,
        channel: Channel,
        window: &Window,
        sink: &mut Sink,
    ) -> Result<()> {
        let buyer = if !sink.own_buyers.is_empty() && rng.chance(0.2) {
            sink.own_buyers[rng.index(sink.own_buyers.len())]
        } else {
            let b = sink.buyers.len();
            let n = (sink.first_buyer + b) as u64;
            sink.buyers.push(Buyer {
                id: buyer_id(sink.first_buyer + b),
                registered_at: Some(ts(paid - rng.int(30 * DAY, 1200 * DAY))?),
                address_cluster: Some(format!("cohort-a{n}")),
                device_cluster: Some(format!("cohort-d{n}")),
            });
            sink.own_buyers.push(b);
            b
        };
        let (product, price) = &self.products[rng.index(self.products.len())];
        let shipped = paid + rng.int(6 * HOUR, 40 * HOUR);
        let delivered = shipped + rng.int(24 * HOUR, 72 * HOUR);
        let end = window.end();
        sink.orders.push(Order {
            id: String::new(),
            buyer_id: buyer_id(sink.first_buyer + buyer),
            merchant_id: self.id.to_owned(),
            product_id: product.clone(),
            channel,
            quantity: 1,
            amount_fen: *price,
            paid_at: ts(paid)?,
            shipped_at: if shipped < end {
                Some(ts(shipped)?)
            } else {
                None
            },
            delivered_at: if delivered < end {
                Some(ts(delivered)?)
            } else {
                None
            },
            refund: None,
        });
        Ok(())
    }
}

/// Daily follower counts from the opening day, returning the current count. A "followers
/// first" shop gains most of its first month's followers in its first ten days; the others
/// gain them evenly.
fn follower_history(
    rng: &mut SplitMix64,
    id: &str,
    open: u32,
    sales_first: bool,
    window: &Window,
    d: &mut Dataset,
) -> u64 {
    let mut followers = rng.int(0, 40) as u64;
    let per_day = rng.uniform(15.0, 40.0);
    for day in open..window.days {
        let age = day - open;
        let gain = if !sales_first && age < 10 {
            per_day * 6.0
        } else if !sales_first && age < 30 {
            per_day * 0.3
        } else {
            per_day
        };
        followers += u64::from(rng.count(gain));
        d.follower_counts.push(FollowerCount {
            merchant_id: id.to_owned(),
            date: window.as_of.minus_days(u64::from(window.days - day)),
            followers,
        });
    }
    followers
}

/// Reviews of about one delivered order in six, mostly happy, as the cohort's buyers write them.
fn reviews(seed: u64, window: &Window, orders: &[Order], d: &mut Dataset) -> Result<()> {
    let mut rng = stream(seed, TAG_COHORT, u64::MAX);
    let kind = L2[COHORT_L2].kind();
    for o in orders {
        let Some(delivered) = o.delivered_at else {
            continue;
        };
        if !rng.chance(1.0 / 6.0) {
            continue;
        }
        let created = delivered.unix() + rng.int(HOUR, 5 * DAY);
        if created >= window.end() {
            continue;
        }
        let overall = if rng.chance(0.85) {
            rng.int(4, 5) as u8
        } else {
            rng.int(1, 3) as u8
        };
        let experience = Experience {
            overall,
            quality: overall,
            logistics: overall.max(3),
            service: overall.max(3),
            worth: overall >= 4,
            returning: false,
        };
        d.reviews.push(Review {
            id: format!("r{:07}", d.reviews.len() + 1),
            order_id: o.id.clone(),
            buyer_id: o.buyer_id.clone(),
            ratings: Ratings {
                overall,
                quality: Some(overall),
                value_for_money: None,
                logistics: None,
                service: None,
            },
            text: review_text(&mut rng, kind, &experience),
            media_count: 0,
            created_at: ts(created)?,
            helpful_votes: 0,
            reply: None,
        });
    }
    Ok(())
}
