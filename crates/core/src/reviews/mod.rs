//! Repeat-buyer reviews (回头客说): the reviews of a shop written by buyers who bought there more
//! than once, cleaned of duplicates, placeholders, scraped junk and spam, ranked for information
//! and variety, with the aspect tags (大家都在说) they mention. See docs/reviews.md.
//!
//! Shape as every mechanism: `config` (settings with defaults), inputs (the `Dataset`), the pure
//! computation here and in `cleanup`, `tags` and `rank`, the `report` types, and `tests/`.

pub mod cleanup;
pub mod config;
pub mod rank;
pub mod reply;
pub mod report;
pub mod tags;

use rustc_hash::{FxHashMap, FxHashSet};

pub use config::ReviewsConfig;
pub use report::{
    AspectTag, FilterCount, FilterReason, FilteredExample, ReviewsReport, ShownReview,
};

use crate::index::{guard, IndexConfig};
use crate::model::{Dataset, LocalDate, Order, Review};
use crate::{Error, Result};
use cleanup::{is_boilerplate, is_navigation_junk, Fingerprint, NearIndex};

const EXAMPLES: usize = 3;

/// The repeat-buyer reviews of `merchant_id` by the day `as_of` (reviews written before it).
/// `index` is the index configuration whose brushing guard decides which buyers are discounted.
pub fn repeat_buyer_reviews(
    dataset: &Dataset,
    merchant_id: &str,
    as_of: LocalDate,
    config: &ReviewsConfig,
    index: &IndexConfig,
) -> Result<ReviewsReport> {
    config.validate()?;
    index.validate()?;
    let Some(m) = dataset.merchants.iter().position(|x| x.id == merchant_id) else {
        return Err(Error::invalid_field(
            "merchantId",
            format!("no merchant with id {merchant_id:?} in the data"),
        ));
    };
    let cutoff = as_of.start();
    let orders: FxHashMap<&str, &Order> = dataset
        .orders
        .iter()
        .filter(|o| o.merchant_id == merchant_id)
        .map(|o| (o.id.as_str(), o))
        .collect();
    let mut orders_of: FxHashMap<&str, u32> = FxHashMap::default();
    for o in orders.values() {
        if o.paid_at < cutoff {
            *orders_of.entry(o.buyer_id.as_str()).or_default() += 1;
        }
    }
    let merchant_index: FxHashMap<&str, usize> = dataset
        .merchants
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.as_str(), i))
        .collect();
    let assessment = guard::assess(dataset, as_of, index, &merchant_index);

    let mut shop: Vec<(&Review, &Order)> = dataset
        .reviews
        .iter()
        .filter(|r| r.created_at < cutoff)
        .filter_map(|r| orders.get(r.order_id.as_str()).map(|o| (r, *o)))
        .collect();
    shop.sort_by(|a, b| (a.0.created_at, &a.0.id).cmp(&(b.0.created_at, &b.0.id)));

    let mut filtered: FxHashMap<FilterReason, (u32, Vec<FilteredExample>)> = FxHashMap::default();
    let mut leave_out = |reason: FilterReason, r: &Review, duplicate_of: Option<&str>| {
        let entry = filtered.entry(reason).or_default();
        entry.0 += 1;
        if entry.1.len() < EXAMPLES {
            entry.1.push(FilteredExample {
                review_id: r.id.clone(),
                text: r.text.clone(),
                duplicate_of: duplicate_of.map(str::to_owned),
            });
        }
    };

    let mut eligible: Vec<(&Review, &Order, Fingerprint)> = Vec::new();
    for &(r, o) in &shop {
        let delivered = o.delivered_at.is_some_and(|d| d <= r.created_at);
        let bought = orders_of.get(r.buyer_id.as_str()).copied().unwrap_or(0);
        if !delivered {
            leave_out(FilterReason::NotDelivered, r, None);
        } else if bought < config.min_orders {
            leave_out(FilterReason::NotRepeatBuyer, r, None);
        } else if assessment
            .standing(m, &r.buyer_id)
            .is_some_and(|s| s.discounted)
        {
            leave_out(FilterReason::DiscountedByGuard, r, None);
        } else {
            eligible.push((r, o, Fingerprint::of(&r.text, config.shingle)));
        }
    }

    let spam = spam_texts(dataset, &eligible, config, cutoff);

    let mut kept: Vec<(&Review, &Order, &Fingerprint)> = Vec::new();
    let mut raw_seen: FxHashMap<&str, &str> = FxHashMap::default();
    let mut normal_seen: FxHashMap<&str, &str> = FxHashMap::default();
    let mut near = NearIndex::default();
    for (i, (r, o, f)) in eligible.iter().enumerate() {
        let chars = f.normal.chars().count();
        if is_boilerplate(&f.normal, config.min_chars) {
            leave_out(FilterReason::Boilerplate, r, None);
        } else if chars < config.min_chars {
            leave_out(FilterReason::TooShort, r, None);
        } else if is_navigation_junk(&r.text, &f.normal) {
            leave_out(FilterReason::NavigationJunk, r, None);
        } else if spam.contains(&i) {
            leave_out(FilterReason::CopyPasteSpam, r, None);
        } else if let Some(first) = raw_seen.get(r.text.as_str()) {
            leave_out(FilterReason::ExactDuplicate, r, Some(first));
        } else if let Some(first) = normal_seen.get(f.normal.as_str()) {
            leave_out(FilterReason::NormalizedDuplicate, r, Some(first));
        } else if let Some(first) = near
            .candidates(f)
            .into_iter()
            .filter(|&k| kept[k].2.similarity(f) >= config.near_duplicate)
            .min()
        {
            leave_out(FilterReason::NearDuplicate, r, Some(&kept[first].0.id));
        } else {
            raw_seen.insert(r.text.as_str(), r.id.as_str());
            normal_seen.insert(f.normal.as_str(), r.id.as_str());
            near.add(kept.len(), f);
            kept.push((r, o, f));
        }
    }

    let mentions: Vec<Vec<tags::Mention>> = kept
        .iter()
        .map(|(r, _, _)| tags::mentions(&r.text))
        .collect();
    let mut counts: FxHashMap<&tags::Mention, u32> = FxHashMap::default();
    for m in mentions.iter().flatten() {
        *counts.entry(m).or_default() += 1;
    }
    let mut all_tags: Vec<AspectTag> = counts
        .into_iter()
        .map(|(m, count)| AspectTag {
            label: m.label.clone(),
            polarity: m.polarity,
            count,
            shown: false,
        })
        .collect();
    // Most mentioned first; among equals a criticism first, then by label: a fixed order.
    all_tags.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.polarity.cmp(&a.polarity))
            .then(a.label.cmp(&b.label))
    });
    for t in all_tags.iter_mut().take(config.tags_shown) {
        t.shown = true;
    }

    let candidates: Vec<rank::Candidate> = kept
        .iter()
        .zip(&mentions)
        .map(|((r, o, f), m)| rank::Candidate {
            product: o.product_id.clone(),
            aspects: m.iter().map(|x| x.label.clone()).collect(),
            rating: r.ratings.overall,
            chars: f.normal.chars().count(),
            age_days: (cutoff.unix() - r.created_at.unix()) as f64 / 86_400.0,
            helpful: r.helpful_votes,
            media: r.media_count,
        })
        .collect();
    let picked = rank::choose(
        &candidates,
        config.shown,
        config.relevance_weight,
        config.recency_half_life_days,
    );
    let shown: Vec<ShownReview> = picked
        .iter()
        .map(|&i| {
            let (r, o, _) = kept[i];
            ShownReview {
                review_id: r.id.clone(),
                product_id: o.product_id.clone(),
                orders_at_shop: orders_of.get(r.buyer_id.as_str()).copied().unwrap_or(0),
                rating: r.ratings.overall,
                text: r.text.clone(),
                media_count: r.media_count,
                helpful_votes: r.helpful_votes,
                created_at: r.created_at,
                tags: candidates[i].aspects.clone(),
                reply: r.reply.clone(),
            }
        })
        .collect();
    let includes_critical = shown.iter().any(|s| s.rating <= 3);

    let mut filtered: Vec<FilterCount> = filtered
        .into_iter()
        .map(|(reason, (count, examples))| FilterCount {
            reason,
            count,
            examples,
        })
        .collect();
    filtered.sort_by_key(|f| f.reason);
    Ok(ReviewsReport {
        merchant_id: merchant_id.to_owned(),
        as_of,
        reviews: count_u32(shop.len()),
        eligible: count_u32(eligible.len()),
        kept: count_u32(kept.len()),
        shown,
        tags: all_tags,
        filtered,
        rule: report::SelectionRule {
            min_orders: config.min_orders,
            shown: config.shown,
            includes_critical,
        },
    })
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The eligible reviews (by index) whose text — the same letters and digits, or a near duplicate
/// — was written by `spamBuyers` or more different buyers anywhere in the data (before T).
fn spam_texts(
    dataset: &Dataset,
    eligible: &[(&Review, &Order, Fingerprint)],
    config: &ReviewsConfig,
    cutoff: crate::model::Timestamp,
) -> FxHashSet<usize> {
    let mut by_normal: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut near = NearIndex::default();
    for (i, (_, _, f)) in eligible.iter().enumerate() {
        if f.normal.chars().count() >= config.min_chars {
            by_normal.entry(f.normal.as_str()).or_default().push(i);
            near.add(i, f);
        }
    }
    if by_normal.is_empty() {
        return FxHashSet::default();
    }
    let mut writers: Vec<FxHashSet<&str>> = vec![FxHashSet::default(); eligible.len()];
    for r in &dataset.reviews {
        if r.text.is_empty() || r.created_at >= cutoff {
            continue;
        }
        let f = Fingerprint::of(&r.text, config.shingle);
        if f.normal.chars().count() < config.min_chars {
            continue;
        }
        if let Some(same) = by_normal.get(f.normal.as_str()) {
            for &i in same {
                writers[i].insert(r.buyer_id.as_str());
            }
            continue;
        }
        for i in near.candidates(&f) {
            if eligible[i].2.similarity(&f) >= config.near_duplicate {
                writers[i].insert(r.buyer_id.as_str());
            }
        }
    }
    writers
        .iter()
        .enumerate()
        .filter(|(_, w)| w.len() >= config.spam_buyers)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests;
