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
    AspectTag, FilterCount, FilterReason, FilteredExample, ListedReview, ReviewListing,
    ReviewsReport, ShownReview, TextsReport,
};

use crate::index::{guard, IndexConfig};
use crate::model::{Dataset, LocalDate, Order, Review};
use crate::{Error, Result};
use cleanup::{has_link, has_navigation_words, is_boilerplate, Fingerprint, NearIndex};

const EXAMPLES: usize = 3;

/// The repeat-buyer reviews of `merchant_id` by the day `as_of` (reviews written before it).
/// `index` is the index configuration whose brushing guard decides which buyers are discounted.
///
/// For several merchants of one dataset, [`Reviews::prepare`] once and ask it per merchant: the
/// guard's assessment and the texts' fingerprints are computed once.
pub fn repeat_buyer_reviews(
    dataset: &Dataset,
    merchant_id: &str,
    as_of: LocalDate,
    config: &ReviewsConfig,
    index: &IndexConfig,
) -> Result<ReviewsReport> {
    Reviews::prepare(dataset, as_of, config, index)?.report(merchant_id)
}

/// A dataset read for repeat-buyer reviews by the day T: the brushing guard's assessment, and the
/// fingerprint of every distinct text written before T (copy-paste spam is judged over all shops).
pub struct Reviews<'a> {
    dataset: &'a Dataset,
    as_of: LocalDate,
    config: ReviewsConfig,
    assessment: guard::Assessment<'a>,
    merchant_index: FxHashMap<&'a str, usize>,
    /// Per review of the dataset (same position): its text's form, if written before T.
    form_of: Vec<Option<u32>>,
    forms: Forms<'a>,
    /// Per merchant (position): its orders, and its reviews written before T with their order
    /// (positions in the dataset), so a report reads its own shop only.
    orders_by: Vec<Vec<usize>>,
    reviews_by: Vec<Vec<(usize, usize)>>,
}

/// The distinct normal forms of a set of texts, each fingerprinted once, with the writers of each
/// (for the copy-paste rule) and a band index over those long enough to compare.
#[derive(Default)]
struct Forms<'a> {
    prints: Vec<Fingerprint>,
    /// Distinct buyers who wrote each form, at most `spamBuyers` of them (enough to decide).
    writers: Vec<Vec<&'a str>>,
    by_normal: FxHashMap<String, u32>,
    near: NearIndex,
}

impl<'a> Forms<'a> {
    /// The form of `text` (added if new), and `buyer` noted among its writers.
    fn add(&mut self, text: &str, buyer: Option<&'a str>, config: &ReviewsConfig) -> u32 {
        let normal = crate::text::normalize(text);
        let id = match self.by_normal.get(&normal) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.prints.len()).unwrap_or(u32::MAX);
                let print = Fingerprint::of_normal(normal.clone(), config.shingle);
                if print.chars >= config.min_chars {
                    self.near.add(id as usize, &print);
                }
                self.prints.push(print);
                self.writers.push(Vec::new());
                self.by_normal.insert(normal, id);
                id
            }
        };
        if let Some(buyer) = buyer {
            let writers = &mut self.writers[id as usize];
            if writers.len() < config.spam_buyers && !writers.contains(&buyer) {
                writers.push(buyer);
            }
        }
        id
    }

    /// Whether form `id` — the same letters and digits, or a near duplicate — was written by
    /// `spamBuyers` or more different buyers. Stops counting once there are enough.
    fn is_spam(&self, id: u32, config: &ReviewsConfig, memo: &mut FxHashMap<u32, bool>) -> bool {
        if let Some(&known) = memo.get(&id) {
            return known;
        }
        let f = &self.prints[id as usize];
        let spam = f.chars >= config.min_chars && {
            let mut writers: Vec<&str> = self.writers[id as usize].clone();
            if writers.len() < config.spam_buyers {
                for k in self.near.candidates(f) {
                    if k != id as usize && self.prints[k].similarity(f) >= config.near_duplicate {
                        for w in &self.writers[k] {
                            if !writers.contains(w) {
                                writers.push(w);
                            }
                        }
                        if writers.len() >= config.spam_buyers {
                            break;
                        }
                    }
                }
            }
            writers.len() >= config.spam_buyers
        };
        memo.insert(id, spam);
        spam
    }
}

impl std::fmt::Debug for Reviews<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reviews")
            .field("as_of", &self.as_of)
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl<'a> Reviews<'a> {
    /// Checks both configurations and reads the dataset once for every merchant's report.
    pub fn prepare(
        dataset: &'a Dataset,
        as_of: LocalDate,
        config: &ReviewsConfig,
        index: &IndexConfig,
    ) -> Result<Self> {
        config.validate()?;
        index.validate()?;
        let cutoff = as_of.start();
        let merchant_index: FxHashMap<&str, usize> = dataset
            .merchants
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.as_str(), i))
            .collect();
        let assessment = guard::assess(dataset, as_of, index, &merchant_index);
        let mut forms = Forms::default();
        let form_of: Vec<Option<u32>> = dataset
            .reviews
            .iter()
            .map(|r| {
                (r.created_at < cutoff)
                    .then(|| forms.add(&r.text, Some(r.buyer_id.as_str()), config))
            })
            .collect();
        // An order id names one order (the last, if the data repeat one, as a map keeps it).
        let mut order_at: FxHashMap<&str, usize> = FxHashMap::default();
        for (oi, o) in dataset.orders.iter().enumerate() {
            if merchant_index.contains_key(o.merchant_id.as_str()) {
                order_at.insert(o.id.as_str(), oi);
            }
        }
        let mut orders_by: Vec<Vec<usize>> = vec![Vec::new(); dataset.merchants.len()];
        for &oi in order_at.values() {
            if let Some(&m) = merchant_index.get(dataset.orders[oi].merchant_id.as_str()) {
                orders_by[m].push(oi);
            }
        }
        let mut reviews_by: Vec<Vec<(usize, usize)>> = vec![Vec::new(); dataset.merchants.len()];
        for (i, r) in dataset.reviews.iter().enumerate() {
            if r.created_at >= cutoff {
                continue;
            }
            let Some(&oi) = order_at.get(r.order_id.as_str()) else {
                continue;
            };
            if let Some(&m) = merchant_index.get(dataset.orders[oi].merchant_id.as_str()) {
                reviews_by[m].push((i, oi));
            }
        }
        Ok(Reviews {
            dataset,
            as_of,
            config: config.clone(),
            assessment,
            merchant_index,
            form_of,
            forms,
            orders_by,
            reviews_by,
        })
    }

    /// The report of one merchant.
    pub fn report(&self, merchant_id: &str) -> Result<ReviewsReport> {
        self.run(merchant_id, Filtered::default())
            .map(|(report, _)| report)
    }

    /// The report of one merchant and, for its back office, every review of the shop (before T)
    /// with what became of it, oldest first.
    pub fn listing(&self, merchant_id: &str) -> Result<ReviewListing> {
        let (report, reviews) = self.run(merchant_id, Filtered::listing())?;
        Ok(ReviewListing {
            report,
            reviews: reviews.unwrap_or_default(),
        })
    }

    fn run(
        &self,
        merchant_id: &str,
        mut filtered: Filtered,
    ) -> Result<(ReviewsReport, Option<Vec<ListedReview>>)> {
        let dataset = self.dataset;
        let config = &self.config;
        let Some(&m) = self.merchant_index.get(merchant_id) else {
            return Err(Error::invalid_field(
                "merchantId",
                format!("no merchant with id {merchant_id:?} in the data"),
            ));
        };
        let cutoff = self.as_of.start();
        let mut orders_of: FxHashMap<&str, u32> = FxHashMap::default();
        for &oi in &self.orders_by[m] {
            let o = &dataset.orders[oi];
            if o.paid_at < cutoff {
                *orders_of.entry(o.buyer_id.as_str()).or_default() += 1;
            }
        }
        let titles: FxHashMap<&str, &str> = dataset
            .products
            .iter()
            .filter(|p| p.merchant_id == merchant_id)
            .map(|p| (p.id.as_str(), p.title.as_str()))
            .collect();

        // (position in the dataset, review, order), oldest first.
        let mut shop: Vec<(usize, &Review, &Order)> = self.reviews_by[m]
            .iter()
            .map(|&(i, oi)| (i, &dataset.reviews[i], &dataset.orders[oi]))
            .collect();
        shop.sort_by(|a, b| (a.1.created_at, &a.1.id).cmp(&(b.1.created_at, &b.1.id)));

        let mut eligible: Vec<(usize, &Review, &Order)> = Vec::new();
        for &(i, r, o) in &shop {
            let delivered = o.delivered_at.is_some_and(|d| d <= r.created_at);
            let bought = orders_of.get(r.buyer_id.as_str()).copied().unwrap_or(0);
            if !delivered {
                filtered.add(FilterReason::NotDelivered, &r.id, &r.text, None);
            } else if bought < config.min_orders {
                filtered.add(FilterReason::NotRepeatBuyer, &r.id, &r.text, None);
            } else if self
                .assessment
                .standing(m, &r.buyer_id)
                .is_some_and(|s| s.discounted)
            {
                filtered.add(FilterReason::DiscountedByGuard, &r.id, &r.text, None);
            } else if !config.products.is_empty() && !config.products.contains(&o.product_id) {
                filtered.add(FilterReason::ProductNotChosen, &r.id, &r.text, None);
            } else {
                eligible.push((i, r, o));
            }
        }

        let mut memo = FxHashMap::default();
        let texts: Vec<Text<'_>> = eligible
            .iter()
            .filter_map(|&(i, r, _)| {
                let form = self.form_of[i]?;
                Some(Text {
                    id: &r.id,
                    text: &r.text,
                    form,
                    fingerprint: &self.forms.prints[form as usize],
                    spam: self.forms.is_spam(form, config, &mut memo),
                })
            })
            .collect();
        let kept_at = clean_up(&texts, self.forms.prints.len(), config, &mut filtered);
        let kept: Vec<(&Review, &Order, &Fingerprint)> = kept_at
            .iter()
            .map(|&k| (eligible[k].1, eligible[k].2, texts[k].fingerprint))
            .collect();
        let (mentions, all_tags) = count_tags(kept.iter().map(|k| k.0.text.as_str()), config);

        let candidates: Vec<rank::Candidate> = kept
            .iter()
            .zip(&mentions)
            .map(|((r, o, f), m)| rank::Candidate {
                product: o.product_id.clone(),
                aspects: m.iter().map(|x| x.label.clone()).collect(),
                rating: r.ratings.overall,
                chars: f.chars,
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
        let as_shown = |r: &Review, o: &Order, tags: Vec<String>| ShownReview {
            review_id: r.id.clone(),
            product_id: o.product_id.clone(),
            product_title: titles
                .get(o.product_id.as_str())
                .map_or_else(String::new, |t| (*t).to_owned()),
            orders_at_shop: orders_of.get(r.buyer_id.as_str()).copied().unwrap_or(0),
            rating: r.ratings.overall,
            text: r.text.clone(),
            media_count: r.media_count,
            helpful_votes: r.helpful_votes,
            created_at: r.created_at,
            tags,
            reply: r.reply.clone(),
        };
        let shown: Vec<ShownReview> = picked
            .iter()
            .map(|&i| as_shown(kept[i].0, kept[i].1, candidates[i].aspects.clone()))
            .collect();
        let includes_critical = shown.iter().any(|s| s.rating <= 3);
        let listed = filtered.outcomes.take().map(|outcomes| {
            let picked: FxHashSet<&str> = shown.iter().map(|s| s.review_id.as_str()).collect();
            shop.iter()
                .map(|&(_, r, o)| {
                    let outcome = outcomes.get(&r.id);
                    let labels = tags::mentions(&r.text)
                        .into_iter()
                        .map(|m| m.label)
                        .collect();
                    ListedReview {
                        shown: picked.contains(r.id.as_str()),
                        left_out: outcome.map(|(reason, _)| *reason),
                        duplicate_of: outcome.and_then(|(_, d)| d.clone()),
                        review: as_shown(r, o, labels),
                    }
                })
                .collect()
        });

        let report = ReviewsReport {
            merchant_id: merchant_id.to_owned(),
            as_of: self.as_of,
            reviews: count_u32(shop.len()),
            eligible: count_u32(eligible.len()),
            kept: count_u32(kept.len()),
            shown,
            tags: all_tags,
            filtered: filtered.into_counts(),
            rule: report::SelectionRule {
                min_orders: config.min_orders,
                shown: config.shown,
                includes_critical,
                products: config.products.clone(),
            },
        };
        Ok((report, listed))
    }
}

/// What the clean-up reads of one text.
struct Text<'t> {
    id: &'t str,
    text: &'t str,
    /// Its normal form's number (equal forms, equal numbers) and fingerprint.
    form: u32,
    fingerprint: &'t Fingerprint,
    /// Judged by the caller (it needs the buyers, which a bare text list has not).
    spam: bool,
}

/// Counts and first examples per reason, as they are found; and, for a listing, every review's
/// reason.
#[derive(Default)]
struct Filtered {
    counts: FxHashMap<FilterReason, (u32, Vec<FilteredExample>)>,
    outcomes: Option<FxHashMap<String, (FilterReason, Option<String>)>>,
}

impl Filtered {
    fn listing() -> Self {
        Filtered {
            counts: FxHashMap::default(),
            outcomes: Some(FxHashMap::default()),
        }
    }

    fn add(&mut self, reason: FilterReason, id: &str, text: &str, duplicate_of: Option<&str>) {
        if let Some(outcomes) = &mut self.outcomes {
            outcomes.insert(id.to_owned(), (reason, duplicate_of.map(str::to_owned)));
        }
        let entry = self.counts.entry(reason).or_default();
        entry.0 += 1;
        if entry.1.len() < EXAMPLES {
            entry.1.push(FilteredExample {
                review_id: id.to_owned(),
                text: text.to_owned(),
                duplicate_of: duplicate_of.map(str::to_owned),
            });
        }
    }

    fn into_counts(self) -> Vec<FilterCount> {
        let mut counts: Vec<FilterCount> = self
            .counts
            .into_iter()
            .map(|(reason, (count, examples))| FilterCount {
                reason,
                count,
                examples,
            })
            .collect();
        counts.sort_by_key(|f| f.reason);
        counts
    }
}

/// The clean-up rules in their order (docs/reviews.md), over texts oldest first: the positions of
/// the texts kept; every other text is counted in `filtered` under the first rule that applies.
///
/// What depends on the normal form only is judged once per form (`forms` of them): texts repeat
/// a lot, and a form found near a kept text stays near it (kept texts are only added).
fn clean_up(
    texts: &[Text<'_>],
    forms: usize,
    config: &ReviewsConfig,
    filtered: &mut Filtered,
) -> Vec<usize> {
    /// The rules that read the normal form alone, in their order; `None`: none applies.
    fn form_rule(f: &Fingerprint, config: &ReviewsConfig) -> Option<FilterReason> {
        if is_boilerplate(&f.normal) {
            Some(FilterReason::Boilerplate)
        } else if f.chars < config.min_chars {
            Some(FilterReason::TooShort)
        } else if has_navigation_words(&f.normal) {
            Some(FilterReason::NavigationJunk)
        } else {
            None
        }
    }
    let mut judged: Vec<Option<Option<FilterReason>>> = vec![None; forms];
    // Per form found near a kept text: that text's position in `kept`.
    let mut near_of: FxHashMap<u32, usize> = FxHashMap::default();
    let mut kept: Vec<usize> = Vec::new();
    let mut raw_seen: FxHashMap<&str, &str> = FxHashMap::default();
    let mut normal_seen: FxHashMap<&str, &str> = FxHashMap::default();
    let mut near = NearIndex::default();
    for (i, t) in texts.iter().enumerate() {
        let f = t.fingerprint;
        let form_reason = *judged[t.form as usize].get_or_insert_with(|| form_rule(f, config));
        // A link needs the text as written (the normal form drops ':' and '/').
        let link = || has_link(t.text);
        let reason = match form_reason {
            Some(reason) => Some((reason, None)),
            None if link() => Some((FilterReason::NavigationJunk, None)),
            None if t.spam => Some((FilterReason::CopyPasteSpam, None)),
            None => {
                if let Some(first) = raw_seen.get(t.text) {
                    Some((FilterReason::ExactDuplicate, Some(*first)))
                } else if let Some(first) = normal_seen.get(f.normal.as_str()) {
                    Some((FilterReason::NormalizedDuplicate, Some(*first)))
                } else {
                    let first = match near_of.get(&t.form) {
                        Some(&k) => Some(k),
                        None => {
                            let found = near
                                .candidates(f)
                                .into_iter()
                                .filter(|&k| {
                                    texts[kept[k]].fingerprint.similarity(f)
                                        >= config.near_duplicate
                                })
                                .min();
                            if let Some(k) = found {
                                near_of.insert(t.form, k);
                            }
                            found
                        }
                    };
                    first.map(|k| (FilterReason::NearDuplicate, Some(texts[kept[k]].id)))
                }
            }
        };
        match reason {
            Some((reason, first)) => filtered.add(reason, t.id, t.text, first),
            None => {
                raw_seen.insert(t.text, t.id);
                normal_seen.insert(f.normal.as_str(), t.id);
                near.add(kept.len(), f);
                kept.push(i);
            }
        }
    }
    kept
}

/// Each text's tag mentions, and every tag with its count (most mentioned first; the
/// `tagsShown` first are shown).
fn count_tags<'t>(
    texts: impl Iterator<Item = &'t str>,
    config: &ReviewsConfig,
) -> (Vec<Vec<tags::Mention>>, Vec<AspectTag>) {
    let mentions: Vec<Vec<tags::Mention>> = texts.map(tags::mentions).collect();
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
    (mentions, all_tags)
}

/// The clean-up and the tags over bare texts (a corpus without orders or buyers, such as a
/// scraped review file): every rule but eligibility and copy-paste spam, which need buyers.
/// Example ids are the texts' 1-based positions.
pub fn clean_texts(texts: &[&str], config: &ReviewsConfig) -> Result<TextsReport> {
    config.validate()?;
    let ids: Vec<String> = (1..=texts.len()).map(|i| i.to_string()).collect();
    // Each distinct normal form is fingerprinted once (a corpus repeats itself a lot).
    let mut forms = Forms::default();
    let form_of: Vec<u32> = texts.iter().map(|t| forms.add(t, None, config)).collect();
    let items: Vec<Text<'_>> = texts
        .iter()
        .zip(&ids)
        .zip(&form_of)
        .map(|((text, id), &form)| Text {
            id,
            text,
            form,
            fingerprint: &forms.prints[form as usize],
            spam: false,
        })
        .collect();
    let mut filtered = Filtered::default();
    let kept = clean_up(&items, forms.prints.len(), config, &mut filtered);
    let (_, tags) = count_tags(kept.iter().map(|&i| texts[i]), config);
    Ok(TextsReport {
        texts: count_u32(texts.len()),
        kept: count_u32(kept.len()),
        filtered: filtered.into_counts(),
        tags,
    })
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
