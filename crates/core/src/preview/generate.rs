//! Proposing a preview from a merchant's products, orders and reviews, and regenerating one
//! without touching what the merchant changed.
//!
//! Over the trailing window (`windowDays` before now) each product gets its units sold, its
//! quality-refund rate, its mean overall rating and the lowest unit price paid. Heroes (爆款) are
//! the best sellers whose quality-refund rate and rating pass the config's bars; welfare deals
//! (福利款) are the other products with the deepest discounts seen (then the cheapest), offered at
//! `welfarePriceShare` of list in a stock of `welfareStockDays` of recent sales; regular items are
//! the next best sellers. The on-air order opens with a welfare deal (it gathers the room), then
//! the heroes, the regular items, and the remaining welfare deals to keep viewers to the end.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::config::PreviewConfig;
use super::draft::{edited, Preview, PreviewItem, Role};
use super::money::format_yuan;
use crate::model::{Dataset, Product, RefundReason, Timestamp};
use crate::{Error, Result};

/// What the window says about one product.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProductStats {
    pub orders: u32,
    pub units: u64,
    pub quality_refunds: u32,
    pub reviews: u32,
    /// Mean overall rating, when there are reviews.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub mean_rating: Option<f64>,
    /// The lowest unit price paid, when it sold.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub lowest_unit_price_fen: Option<i64>,
}

impl ProductStats {
    pub fn quality_refund_rate(&self) -> f64 {
        if self.orders == 0 {
            0.0
        } else {
            f64::from(self.quality_refunds) / f64::from(self.orders)
        }
    }
}

/// Something the merchant should know about a proposal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum GenerationNote {
    /// No product passed the hero bars; the best seller is proposed as hero anyway, so check it.
    #[serde(rename_all = "camelCase")]
    NoQualifiedHero { product_id: String },
    /// The merchant has no sales in the window: roles follow list prices only.
    NoRecentSales,
}

/// A proposed (or regenerated) preview and what to know about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Generated {
    pub preview: Preview,
    pub notes: Vec<GenerationNote>,
}

/// Each of the merchant's products with its window statistics, in catalogue order.
pub fn product_stats<'a>(
    dataset: &'a Dataset,
    merchant_id: &str,
    now: Timestamp,
    window_days: u32,
) -> Vec<(&'a Product, ProductStats)> {
    let from = now.plus_seconds(-i64::from(window_days) * 86_400);
    let products: Vec<&Product> = dataset
        .products
        .iter()
        .filter(|p| p.merchant_id == merchant_id)
        .collect();
    let slot: HashMap<&str, usize> = products
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut stats = vec![ProductStats::default(); products.len()];
    let mut order_slot: HashMap<&str, usize> = HashMap::new();
    let mut rating_sum = vec![0u64; products.len()];
    for order in &dataset.orders {
        if order.merchant_id != merchant_id || order.paid_at < from || order.paid_at >= now {
            continue;
        }
        let Some(&i) = slot.get(order.product_id.as_str()) else {
            continue;
        };
        let s = &mut stats[i];
        s.orders += 1;
        s.units += u64::from(order.quantity);
        if order
            .refund
            .as_ref()
            .is_some_and(|r| r.reason == RefundReason::Quality)
        {
            s.quality_refunds += 1;
        }
        if order.quantity > 0 {
            let unit = order.amount_fen / i64::from(order.quantity);
            s.lowest_unit_price_fen = Some(s.lowest_unit_price_fen.map_or(unit, |u| u.min(unit)));
        }
        order_slot.insert(&order.id, i);
    }
    for review in &dataset.reviews {
        if let Some(&i) = order_slot.get(review.order_id.as_str()) {
            stats[i].reviews += 1;
            rating_sum[i] += u64::from(review.ratings.overall);
        }
    }
    for (s, sum) in stats.iter_mut().zip(rating_sum) {
        if s.reviews > 0 {
            s.mean_rating = Some(sum as f64 / f64::from(s.reviews));
        }
    }
    products.into_iter().zip(stats).collect()
}

/// Rounds down to a multiple of 10 fen (prices end in 角), never below 1 fen.
fn round_down_jiao(fen: i64) -> i64 {
    (fen - fen % 10).max(1)
}

/// The deal generation proposes for `product` in `role` (its copy line is written last, from the
/// deal as it ends up).
fn propose(
    product: &Product,
    stats: &ProductStats,
    role: Role,
    config: &PreviewConfig,
) -> PreviewItem {
    let list = product.list_price_fen;
    let seen = stats
        .lowest_unit_price_fen
        .filter(|&u| u > 0 && u < list)
        .unwrap_or(list);
    let (live, stock) = match role {
        Role::Hero => (round_down_jiao(seen.min(list * 95 / 100)), None),
        Role::Regular => (round_down_jiao(seen), None),
        Role::Welfare => {
            let share = (list as f64 * config.welfare_price_share).floor() as i64;
            let live = round_down_jiao(share).min(list - 1).max(1);
            let per_day = stats.units as f64 / f64::from(config.window_days);
            let wanted = (per_day * config.welfare_stock_days / 10.0).ceil() * 10.0;
            let stock = wanted.clamp(
                f64::from(config.welfare_stock_min),
                f64::from(config.welfare_stock_max),
            ) as i64;
            (live, Some(stock))
        }
    };
    PreviewItem {
        product_id: product.id.clone(),
        title: product.title.clone(),
        list_price_fen: list,
        role,
        live_price_fen: live,
        stock,
        coupon: None,
        copy: String::new(),
    }
}

/// The short line under an item, from its deal and its sales.
fn copy_for(item: &PreviewItem, stats: &ProductStats, config: &PreviewConfig) -> String {
    let (live, list) = (item.live_price_fen, item.list_price_fen);
    let copy = match item.role {
        Role::Hero if stats.units > 0 => format!(
            "近{}天售出{}件 · 直播价¥{}",
            config.window_days,
            stats.units,
            format_yuan(live)
        ),
        Role::Hero | Role::Regular if live < list => {
            format!("直播价¥{}（原价¥{}）", format_yuan(live), format_yuan(list))
        }
        Role::Hero | Role::Regular => format!("直播价¥{}", format_yuan(live)),
        Role::Welfare => match item.stock {
            Some(stock) => format!(
                "福利价¥{}（{}折）· 限量{stock}件",
                format_yuan(live),
                discount_text(live, list),
            ),
            None => format!(
                "福利价¥{}（{}折）",
                format_yuan(live),
                discount_text(live, list)
            ),
        },
    };
    truncate(&copy, config.copy_max_chars)
}

/// `live / list` as 折 with at most one decimal, rounded up so it never overstates the discount
/// (4500 of 10000 → "4.5", 5000 → "5").
pub fn discount_text(live: i64, list: i64) -> String {
    if list <= 0 {
        return "10".into();
    }
    let tenths = (live * 100 + list - 1) / list; // ceil(live / list × 100) in 0.1 折
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

fn truncate(text: &str, max: u32) -> String {
    let max = max as usize;
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// The default start: 20:00 in Asia/Shanghai on the first day that leaves at least an hour more
/// than the minimum lead.
pub fn default_start(now: Timestamp, config: &PreviewConfig) -> Timestamp {
    let earliest = now.unix() + i64::from(config.min_lead_minutes) * 60 + 3600;
    let mut day = now.local_date();
    loop {
        let evening = day.start().plus_seconds(20 * 3600);
        if evening.unix() >= earliest {
            return evening;
        }
        day = day.plus_days(1);
    }
}

fn title_for(merchant: &str, hero: Option<&PreviewItem>, config: &PreviewConfig) -> String {
    let max = config.title_max_chars as usize;
    let fits = |t: &String| t.chars().count() <= max;
    if let Some(hero) = hero {
        let price = format_yuan(hero.live_price_fen);
        for candidate in [
            format!("{merchant}直播：{}仅¥{price}", hero.title),
            format!("{}直播价¥{price}", hero.title),
        ] {
            if fits(&candidate) {
                return candidate;
            }
        }
    }
    truncate(&format!("{merchant}直播专场"), config.title_max_chars)
}

fn cover_for(start: Timestamp, items: &[PreviewItem], config: &PreviewConfig) -> String {
    let local = start.0.with_timezone(&chrono_tz::Asia::Shanghai);
    let when = local.format("%-m月%-d日 %H:%M开播").to_string();
    let welfare = items.iter().filter(|i| i.role == Role::Welfare).count();
    let text = if welfare > 0 {
        format!("{when} · {welfare}款福利限量抢")
    } else {
        format!("{when} · 爆款直播价")
    };
    truncate(&text, config.cover_text_max_chars)
}

/// Proposes a preview for `merchant_id`, or regenerates `existing`: every field the merchant
/// changed (listed in `existing.edited`) is kept as it is; everything else is proposed afresh.
/// When the merchant changed the item list (`items` edited) its products and order are kept and
/// only their unedited fields are refreshed; otherwise the list is proposed afresh, and products
/// with edited fields that the proposal does not pick stay at the end.
pub fn generate(
    dataset: &Dataset,
    merchant_id: &str,
    now: Timestamp,
    existing: Option<&Preview>,
    config: &PreviewConfig,
) -> Result<Generated> {
    config.validate()?;
    let merchant = dataset
        .merchants
        .iter()
        .find(|m| m.id == merchant_id)
        .ok_or_else(|| {
            Error::invalid_field(
                "merchantId",
                format!("no merchant `{merchant_id}` in the data"),
            )
        })?;
    if let Some(existing) = existing {
        if existing.merchant_id != merchant_id {
            return Err(Error::invalid_field(
                "merchantId",
                format!(
                    "the draft is for `{}`, not `{merchant_id}`",
                    existing.merchant_id
                ),
            ));
        }
    }
    let stats = product_stats(dataset, merchant_id, now, config.window_days);
    if stats.is_empty() {
        return Err(Error::invalid_field(
            "merchantId",
            format!("merchant `{merchant_id}` has no products to put in a preview"),
        ));
    }
    let mut notes = Vec::new();
    if stats.iter().all(|(_, s)| s.orders == 0) {
        notes.push(GenerationNote::NoRecentSales);
    }

    // Best sellers first; ties by catalogue order.
    let mut by_sales: Vec<usize> = (0..stats.len()).collect();
    by_sales.sort_by(|&a, &b| stats[b].1.units.cmp(&stats[a].1.units).then(a.cmp(&b)));
    let qualifies = |s: &ProductStats| {
        s.orders > 0
            && s.quality_refund_rate() <= config.hero_max_quality_refund_rate
            && s.mean_rating.is_none_or(|r| r >= config.hero_min_rating)
    };
    let mut heroes: Vec<usize> = by_sales
        .iter()
        .copied()
        .filter(|&i| qualifies(&stats[i].1))
        .take(config.hero_count as usize)
        .collect();
    if heroes.is_empty() {
        let best = by_sales[0];
        notes.push(GenerationNote::NoQualifiedHero {
            product_id: stats[best].0.id.clone(),
        });
        heroes.push(best);
    }
    let depth = |i: usize| {
        let (p, s) = &stats[i];
        let seen = s.lowest_unit_price_fen.unwrap_or(p.list_price_fen);
        if p.list_price_fen > 0 {
            1.0 - seen as f64 / p.list_price_fen as f64
        } else {
            0.0
        }
    };
    let mut welfare: Vec<usize> = (0..stats.len())
        .filter(|i| !heroes.contains(i) && stats[*i].0.list_price_fen > 1)
        .collect();
    welfare.sort_by(|&a, &b| {
        depth(b)
            .total_cmp(&depth(a))
            .then(stats[a].0.list_price_fen.cmp(&stats[b].0.list_price_fen))
            .then(a.cmp(&b))
    });
    welfare.truncate(config.welfare_count as usize);
    let regular: Vec<usize> = by_sales
        .iter()
        .copied()
        .filter(|i| !heroes.contains(i) && !welfare.contains(i))
        .take(config.regular_count as usize)
        .collect();

    let mut order: Vec<(usize, Role)> = Vec::new();
    let mut welfare_iter = welfare.iter();
    if let Some(&w) = welfare_iter.next() {
        order.push((w, Role::Welfare));
    }
    order.extend(heroes.iter().map(|&i| (i, Role::Hero)));
    order.extend(regular.iter().map(|&i| (i, Role::Regular)));
    order.extend(welfare_iter.map(|&i| (i, Role::Welfare)));

    let by_id: HashMap<&str, &(&Product, ProductStats)> =
        stats.iter().map(|e| (e.0.id.as_str(), e)).collect();
    let fresh_role: HashMap<&str, Role> = order
        .iter()
        .map(|&(i, role)| (stats[i].0.id.as_str(), role))
        .collect();

    let empty = BTreeSet::new();
    let edits = existing.map_or(&empty, |e| &e.edited);
    let kept = |field: &str| existing.filter(|_| edits.contains(field));

    // The item list: the merchant's own when they changed it, else the proposal.
    let planned: Vec<(String, Option<&PreviewItem>)> = match kept(edited::ITEMS) {
        Some(existing) => existing
            .items
            .iter()
            .map(|item| (item.product_id.clone(), Some(item)))
            .collect(),
        None => {
            let mut list: Vec<(String, Option<&PreviewItem>)> = order
                .iter()
                .map(|&(i, _)| {
                    let id = &stats[i].0.id;
                    let old = existing.and_then(|e| e.items.iter().find(|it| &it.product_id == id));
                    (id.clone(), old)
                })
                .collect();
            if let Some(existing) = existing {
                for item in &existing.items {
                    let has_edit = edited::ITEM_FIELDS
                        .iter()
                        .any(|f| existing.is_item_edited(&item.product_id, f));
                    if has_edit && !list.iter().any(|(id, _)| *id == item.product_id) {
                        list.push((item.product_id.clone(), Some(item)));
                    }
                }
            }
            list
        }
    };

    let mut items = Vec::with_capacity(planned.len());
    for (id, old) in planned {
        let is_edited = |field: &str| edits.contains(&edited::item(&id, field));
        let Some((product, product_stats)) = by_id.get(id.as_str()).map(|e| (e.0, &e.1)) else {
            // No longer in the catalogue: keep the merchant's item as it is (validation says so).
            if let Some(old) = old {
                items.push(old.clone());
            }
            continue;
        };
        let role = match old {
            Some(old) if is_edited("role") => old.role,
            _ => fresh_role
                .get(id.as_str())
                .copied()
                .or(old.map(|o| o.role))
                .unwrap_or(Role::Regular),
        };
        let mut item = propose(product, product_stats, role, config);
        if let Some(old) = old {
            if is_edited("livePriceFen") {
                item.live_price_fen = old.live_price_fen;
            }
            if is_edited("stock") {
                item.stock = old.stock;
            }
            if is_edited("coupon") {
                item.coupon = old.coupon;
            }
        }
        item.copy = match old {
            Some(old) if is_edited("copy") => old.copy.clone(),
            _ => copy_for(&item, product_stats, config),
        };
        items.push(item);
    }

    let start = kept(edited::START).map_or_else(|| default_start(now, config), |e| e.start);
    let minutes = kept(edited::MINUTES).map_or(config.default_minutes, |e| e.minutes);
    let hero = items.iter().find(|i| i.role == Role::Hero);
    let title = kept(edited::TITLE).map_or_else(
        || title_for(&merchant.name, hero, config),
        |e| e.title.clone(),
    );
    let cover_text = kept(edited::COVER_TEXT).map_or_else(
        || cover_for(start, &items, config),
        |e| e.cover_text.clone(),
    );
    Ok(Generated {
        preview: Preview {
            merchant_id: merchant_id.to_owned(),
            start,
            minutes,
            title,
            cover_text,
            items,
            edited: edits.clone(),
        },
        notes,
    })
}
