//! Integrity checks over a whole generated dataset (tests only): unique ids, every reference
//! resolves, times are in order and inside the window, live-session arrays line up, one follower
//! count per merchant and day.
//!
//! Written against the public model only, independently of the generator's internals, so a bug
//! in a generator shortcut cannot hide itself.

use std::collections::{BTreeMap, BTreeSet};

use super::GenerateConfig;
use crate::model::{Dataset, Order, Product, ServiceEvent, Timestamp};

/// All problems found (empty when the dataset is sound), capped so a failure stays readable.
pub(super) fn problems(ds: &Dataset, config: &GenerateConfig) -> Vec<String> {
    let mut p = Problems(Vec::new());
    let start = config
        .as_of
        .minus_days(u64::from(config.history_days))
        .start();
    let end = config.as_of.start();

    // Unique ids per table.
    p.unique("categories", ds.categories.iter().map(|c| c.id.as_str()));
    p.unique("merchants", ds.merchants.iter().map(|m| m.id.as_str()));
    p.unique("products", ds.products.iter().map(|x| x.id.as_str()));
    p.unique("buyers", ds.buyers.iter().map(|b| b.id.as_str()));
    p.unique("orders", ds.orders.iter().map(|o| o.id.as_str()));
    p.unique("reviews", ds.reviews.iter().map(|r| r.id.as_str()));
    p.unique("serviceEvents", ds.service_events.iter().map(|e| e.id()));
    p.unique(
        "liveSessions",
        ds.live_sessions.iter().map(|s| s.id.as_str()),
    );

    // Categories: L1 without parent or flag, L2 under an L1 with a flag.
    let l1: BTreeSet<&str> = ds
        .categories
        .iter()
        .filter(|c| c.parent_id.is_none())
        .map(|c| c.id.as_str())
        .collect();
    let mut l2 = BTreeSet::new();
    for c in &ds.categories {
        p.check(!c.name.is_empty(), || {
            format!("category {} has no name", c.id)
        });
        match &c.parent_id {
            None => p.check(c.repurchase.is_none(), || {
                format!("L1 {} has a repurchase flag", c.id)
            }),
            Some(parent) => {
                p.check(l1.contains(parent.as_str()), || {
                    format!("L2 {} parent {parent} is not an L1", c.id)
                });
                p.check(c.repurchase.is_some(), || {
                    format!("L2 {} has no repurchase flag", c.id)
                });
                l2.insert(c.id.as_str());
            }
        }
    }

    let merchants: BTreeMap<&str, _> = ds.merchants.iter().map(|m| (m.id.as_str(), m)).collect();
    for m in &ds.merchants {
        p.check(!m.name.is_empty(), || {
            format!("merchant {} has no name", m.id)
        });
        p.check(l2.contains(m.category_id.as_str()), || {
            format!("merchant {} category {} is not L2", m.id, m.category_id)
        });
        p.check(m.start_date < config.as_of, || {
            format!("merchant {} starts on/after as_of", m.id)
        });
    }
    let products: BTreeMap<&str, &Product> =
        ds.products.iter().map(|x| (x.id.as_str(), x)).collect();
    for x in &ds.products {
        p.check(merchants.contains_key(x.merchant_id.as_str()), || {
            format!("product {} merchant {} missing", x.id, x.merchant_id)
        });
        p.check(l2.contains(x.category_id.as_str()), || {
            format!("product {} category not L2", x.id)
        });
        p.check(!x.title.is_empty() && x.list_price_fen > 0, || {
            format!("product {} title/price", x.id)
        });
    }
    let buyers: BTreeSet<&str> = ds.buyers.iter().map(|b| b.id.as_str()).collect();

    let orders: BTreeMap<&str, &Order> = ds.orders.iter().map(|o| (o.id.as_str(), o)).collect();
    for o in &ds.orders {
        let id = &o.id;
        p.check(buyers.contains(o.buyer_id.as_str()), || {
            format!("order {id} buyer missing")
        });
        match products.get(o.product_id.as_str()) {
            Some(x) => {
                p.check(x.merchant_id == o.merchant_id, || {
                    format!("order {id} product of another merchant")
                });
                p.check(
                    o.amount_fen >= 0 && o.amount_fen <= x.list_price_fen * i64::from(o.quantity),
                    || format!("order {id} amount {} out of range", o.amount_fen),
                );
            }
            None => p.push(format!("order {id} product missing")),
        }
        match merchants.get(o.merchant_id.as_str()) {
            Some(m) => p.check(o.paid_at >= m.start_date.start(), || {
                format!("order {id} paid before the shop opened")
            }),
            None => p.push(format!("order {id} merchant missing")),
        }
        p.check(o.quantity >= 1, || format!("order {id} quantity 0"));
        p.check(start <= o.paid_at && o.paid_at < end, || {
            format!("order {id} paid outside the window")
        });
        p.after("order shipped", id, Some(o.paid_at), o.shipped_at, end);
        p.after("order delivered", id, o.shipped_at, o.delivered_at, end);
        p.check(o.delivered_at.is_none() || o.shipped_at.is_some(), || {
            format!("order {id} delivered unshipped")
        });
        if let Some(r) = &o.refund {
            p.after(
                "refund requested",
                id,
                Some(o.paid_at),
                Some(r.requested_at),
                end,
            );
            p.after(
                "refund completed",
                id,
                Some(r.requested_at),
                r.completed_at,
                end,
            );
        }
    }

    for r in &ds.reviews {
        let id = &r.id;
        let ratings = [
            Some(r.ratings.overall),
            r.ratings.quality,
            r.ratings.logistics,
            r.ratings.service,
        ];
        p.check(
            ratings.iter().flatten().all(|s| (1..=5).contains(s)),
            || format!("review {id} rating out of 1..=5"),
        );
        let Some(o) = orders.get(r.order_id.as_str()) else {
            p.push(format!("review {id} order missing"));
            continue;
        };
        p.check(o.buyer_id == r.buyer_id, || {
            format!("review {id} buyer differs from the order's")
        });
        p.check(o.delivered_at.is_some(), || {
            format!("review {id} of an undelivered order")
        });
        p.after(
            "review created",
            id,
            o.delivered_at,
            Some(r.created_at),
            end,
        );
        if let Some(reply) = &r.reply {
            p.check(!reply.text.is_empty(), || {
                format!("review {id} empty reply")
            });
            p.after("reply", id, Some(r.created_at), Some(reply.replied_at), end);
        }
    }

    for e in &ds.service_events {
        p.check(merchants.contains_key(e.merchant_id()), || {
            format!("event {} merchant missing", e.id())
        });
        match e {
            ServiceEvent::Conversation {
                id,
                buyer_id,
                started_at,
                ..
            } => {
                p.check(buyers.contains(buyer_id.as_str()), || {
                    format!("event {id} buyer missing")
                });
                p.check(*started_at < end, || format!("event {id} in the future"));
            }
            ServiceEvent::Complaint {
                id,
                merchant_id,
                buyer_id,
                order_id,
                created_at,
                ..
            } => {
                p.check(buyers.contains(buyer_id.as_str()), || {
                    format!("event {id} buyer missing")
                });
                p.check(*created_at < end, || format!("event {id} in the future"));
                if let Some(oid) = order_id {
                    match orders.get(oid.as_str()) {
                        Some(o) => p.check(
                            o.merchant_id == *merchant_id
                                && o.buyer_id == *buyer_id
                                && o.paid_at < *created_at,
                            || format!("event {id} does not match order {oid}"),
                        ),
                        None => p.push(format!("event {id} order missing")),
                    }
                }
            }
        }
    }

    for s in &ds.live_sessions {
        let id = &s.id;
        p.check(merchants.contains_key(s.merchant_id.as_str()), || {
            format!("session {id} merchant missing")
        });
        p.check(
            s.start_at < s.end_at && s.end_at <= end && s.start_at >= start,
            || format!("session {id} times"),
        );
        let d = s.duration_seconds() as usize;
        match (&s.signals, &s.summary) {
            (Some(g), summary) => {
                let lens = [
                    g.viewers.len(),
                    g.comments.len(),
                    g.likes.len(),
                    g.gifts.len(),
                    g.orders.len(),
                    g.gmv_fen.len(),
                ];
                p.check(lens.iter().all(|&l| l == d), || {
                    format!("session {id} signal lengths {lens:?} != {d}")
                });
                p.check(g.gmv_fen.iter().all(|&x| x >= 0), || {
                    format!("session {id} negative gmv")
                });
                p.check(
                    summary.is_none_or(|sum| sum == crate::model::SessionSummary::of(g)),
                    || format!("session {id} summary disagrees with its signals"),
                );
            }
            (None, Some(sum)) => {
                p.check(
                    sum.viewer_minutes <= u64::from(sum.peak_viewers) * d as u64 / 60
                        && sum.viewer_minutes > 0,
                    || format!("session {id} viewer-minutes {sum:?}"),
                );
            }
            (None, None) => p.check(false, || format!("session {id} has no audience")),
        }
        let own = |pid: &str| {
            products
                .get(pid)
                .is_some_and(|x| x.merchant_id == s.merchant_id)
        };
        let mut last_end = 0;
        for a in &s.on_air {
            p.check(own(&a.product_id), || {
                format!(
                    "session {id} on-air product {} not the merchant's",
                    a.product_id
                )
            });
            p.check(
                a.start_second < a.end_second
                    && a.end_second as usize <= d
                    && a.start_second >= last_end,
                || {
                    format!(
                        "session {id} on-air interval {}..{}",
                        a.start_second, a.end_second
                    )
                },
            );
            last_end = a.end_second;
        }
        for m in &s.explain_marks {
            let inside = s.on_air.iter().any(|a| {
                a.product_id == m.product_id
                    && a.start_second <= m.second
                    && m.second < a.end_second
            });
            p.check(inside, || {
                format!(
                    "session {id} explain mark at {} outside its product's air time",
                    m.second
                )
            });
        }
        for st in &s.staged {
            p.check(
                own(&st.product_id) && (st.planned_second as usize) < d,
                || format!("session {id} staged {}", st.product_id),
            );
        }
        let mut cursor = 0;
        for t in &s.transcript {
            p.check(
                t.start_ms < t.end_ms
                    && t.start_ms >= cursor
                    && t.end_ms as usize <= d * 1000
                    && !t.text.is_empty(),
                || {
                    format!(
                        "session {id} transcript segment {}..{}",
                        t.start_ms, t.end_ms
                    )
                },
            );
            cursor = t.end_ms;
        }
        // Every order in the signal is an order row of this merchant during the session.
        if let Some(g) = &s.signals {
            let rows = orders
                .values()
                .filter(|o| {
                    o.merchant_id == s.merchant_id
                        && s.start_at <= o.paid_at
                        && o.paid_at < s.end_at
                })
                .count();
            let signal_orders: u64 = g.orders.iter().map(|&n| u64::from(n)).sum();
            p.check(rows as u64 >= signal_orders, || {
                format!("session {id} has {signal_orders} orders in the signal but {rows} rows")
            });
        }
    }

    // Follower counts: a known merchant, one count per day, inside the history from the day the
    // shop opened.
    let mut days = BTreeSet::new();
    for f in &ds.follower_counts {
        p.check(days.insert((f.merchant_id.as_str(), f.date)), || {
            format!("follower count of {} on {} twice", f.merchant_id, f.date)
        });
        match merchants.get(f.merchant_id.as_str()) {
            Some(m) => p.check(m.start_date <= f.date, || {
                format!("follower count of {} before the shop opened", f.merchant_id)
            }),
            None => p.push(format!("follower count merchant {} missing", f.merchant_id)),
        }
        p.check(start <= f.date.start() && f.date.start() < end, || {
            format!("follower count of {} outside the window", f.merchant_id)
        });
    }
    p.0
}

struct Problems(Vec<String>);

impl Problems {
    fn push(&mut self, s: String) {
        if self.0.len() < 50 {
            self.0.push(s);
        }
    }

    fn check(&mut self, ok: bool, msg: impl FnOnce() -> String) {
        if !ok {
            self.push(msg());
        }
    }

    fn unique<'a>(&mut self, table: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = BTreeSet::new();
        for id in ids {
            self.check(!id.is_empty(), || format!("{table}: empty id"));
            self.check(seen.insert(id), || format!("{table}: duplicate id {id}"));
        }
    }

    /// `later` (when present) is strictly after `earlier` (when present) and before `end`.
    fn after(
        &mut self,
        what: &str,
        id: &str,
        earlier: Option<Timestamp>,
        later: Option<Timestamp>,
        end: Timestamp,
    ) {
        if let Some(l) = later {
            self.check(l < end, || format!("{what} of {id} at/after as_of"));
            if let Some(e) = earlier {
                self.check(e < l, || format!("{what} of {id} not after {e}"));
            } else {
                self.push(format!("{what} of {id} without its earlier step"));
            }
        }
    }
}
