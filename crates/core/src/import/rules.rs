//! The rules a record must satisfy beyond its JSON shape: ranges, references to earlier tables and
//! the order of times. Each check returns every issue it finds, not just the first.

use super::refs::{CategoryLevel, Refs};
use super::report::ProblemKind;
use crate::model::{
    Buyer, Category, FollowerCount, LiveSession, Merchant, Order, Product, Promotion, Review,
    ServiceEvent, SessionSignals, SessionSummary, SessionTraffic, Timestamp,
};

/// A problem found in one record, before it is tied to a file and record number.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub field: String,
    pub kind: ProblemKind,
    pub reason: String,
}

const MAX_ID_CHARS: usize = 128;
const MAX_NAME_CHARS: usize = 200;
const MAX_TEXT_CHARS: usize = 5_000;
/// A session longer than a day is a data error, and its signal arrays would be huge.
const MAX_SESSION_SECONDS: u32 = 24 * 3600;

#[derive(Debug, Default)]
pub struct Issues(pub Vec<Issue>);

impl Issues {
    fn push(&mut self, field: impl Into<String>, kind: ProblemKind, reason: impl Into<String>) {
        self.0.push(Issue {
            field: field.into(),
            kind,
            reason: reason.into(),
        });
    }

    fn id(&mut self, field: &str, id: &str) {
        if id.trim().is_empty() {
            self.push(field, ProblemKind::InvalidValue, "must not be empty");
        } else if id.chars().count() > MAX_ID_CHARS {
            self.push(
                field,
                ProblemKind::InvalidValue,
                format!("is longer than {MAX_ID_CHARS} characters"),
            );
        } else if id.chars().any(char::is_control) {
            self.push(
                field,
                ProblemKind::InvalidValue,
                "contains control characters",
            );
        }
    }

    fn text(&mut self, field: &str, text: &str, max: usize, required: bool) {
        if required && text.trim().is_empty() {
            self.push(field, ProblemKind::InvalidValue, "must not be empty");
        }
        let chars = text.chars().count();
        if chars > max {
            self.push(
                field,
                ProblemKind::InvalidValue,
                format!("is {chars} characters long; at most {max} are allowed"),
            );
        }
        if text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            self.push(
                field,
                ProblemKind::InvalidValue,
                "contains control characters",
            );
        }
    }

    fn money(&mut self, field: &str, fen: i64) {
        if fen < 0 {
            self.push(
                field,
                ProblemKind::InvalidValue,
                format!("must not be negative, got {fen} fen"),
            );
        }
    }

    fn not_before(
        &mut self,
        field: &str,
        later: Timestamp,
        earlier_field: &str,
        earlier: Timestamp,
    ) {
        if later < earlier {
            self.push(
                field,
                ProblemKind::InconsistentTime,
                format!("{later} is before {earlier_field} ({earlier})"),
            );
        }
    }

    fn rating(&mut self, field: &str, stars: u8) {
        if !(1..=5).contains(&stars) {
            self.push(
                field,
                ProblemKind::InvalidValue,
                format!("must be 1 to 5 stars, got {stars}"),
            );
        }
    }

    fn unknown(&mut self, field: &str, what: &str, id: &str) {
        self.push(
            field,
            ProblemKind::UnknownReference,
            format!("refers to {what} `{id}`, which is not in the data (or was skipped)"),
        );
    }
}

pub fn category(c: &Category) -> Issues {
    let mut i = Issues::default();
    i.id("id", &c.id);
    i.text("name", &c.name, MAX_NAME_CHARS, true);
    match (&c.parent_id, c.repurchase) {
        (None, Some(_)) => i.push(
            "repurchase",
            ProblemKind::InvalidValue,
            "only L2 categories (with a parentId) carry a repurchase flag",
        ),
        (Some(_), None) => i.push(
            "repurchase",
            ProblemKind::InvalidValue,
            "an L2 category needs `high` or `low`",
        ),
        _ => {}
    }
    i
}

/// Parents are checked once the whole categories table is known (a child may come first).
pub fn category_parent(refs: &Refs, parent: &str) -> Option<Issue> {
    match refs.categories.get(parent) {
        Some(CategoryLevel::L1) => None,
        Some(CategoryLevel::L2(_)) => Some(Issue {
            field: "parentId".into(),
            kind: ProblemKind::InvalidValue,
            reason: format!("`{parent}` is an L2 category; the tree has two levels"),
        }),
        None => Some(Issue {
            field: "parentId".into(),
            kind: ProblemKind::UnknownReference,
            reason: format!(
                "refers to category `{parent}`, which is not in the data (or was skipped)"
            ),
        }),
    }
}

fn l2_category(i: &mut Issues, refs: &Refs, field: &str, id: &str) {
    match refs.categories.get(id) {
        Some(CategoryLevel::L2(_)) => {}
        Some(CategoryLevel::L1) => i.push(
            field,
            ProblemKind::InvalidValue,
            format!("`{id}` is an L1 category; an L2 category is needed"),
        ),
        None => i.unknown(field, "category", id),
    }
}

pub fn merchant(m: &Merchant, refs: &Refs) -> Issues {
    let mut i = Issues::default();
    i.id("id", &m.id);
    i.text("name", &m.name, MAX_NAME_CHARS, true);
    l2_category(&mut i, refs, "categoryId", &m.category_id);
    i
}

pub fn buyer(b: &Buyer) -> Issues {
    let mut i = Issues::default();
    i.id("id", &b.id);
    // Cluster keys are opaque hashes: the same rules as ids (not empty, short, printable).
    if let Some(key) = &b.address_cluster {
        i.id("addressCluster", key);
    }
    if let Some(key) = &b.device_cluster {
        i.id("deviceCluster", key);
    }
    i
}

pub fn product(p: &Product, refs: &Refs) -> Issues {
    let mut i = Issues::default();
    i.id("id", &p.id);
    i.text("title", &p.title, MAX_NAME_CHARS, true);
    i.money("listPriceFen", p.list_price_fen);
    if refs.merchants.get(&p.merchant_id).is_none() {
        i.unknown("merchantId", "merchant", &p.merchant_id);
    }
    l2_category(&mut i, refs, "categoryId", &p.category_id);
    i
}

pub fn order(o: &Order, refs: &Refs) -> Issues {
    let mut i = Issues::default();
    i.id("id", &o.id);
    i.id("buyerId", &o.buyer_id);
    if refs.buyers_table_given {
        match refs.buyers.get(&o.buyer_id) {
            None => i.unknown("buyerId", "buyer", &o.buyer_id),
            Some(buyer) => {
                if let Some(&registered) = refs.buyer_registered.get(&buyer) {
                    if o.paid_at < registered {
                        i.push(
                            "paidAt",
                            ProblemKind::InconsistentTime,
                            format!(
                                "{} is before the buyer's registeredAt ({registered})",
                                o.paid_at
                            ),
                        );
                    }
                }
            }
        }
    }
    let merchant = refs.merchants.get(&o.merchant_id);
    if merchant.is_none() {
        i.unknown("merchantId", "merchant", &o.merchant_id);
    }
    match refs.products.get(o.product_id.as_str()) {
        None => i.unknown("productId", "product", &o.product_id),
        Some(&owner) if merchant.is_some_and(|m| m != owner) => i.push(
            "productId",
            ProblemKind::InvalidValue,
            format!(
                "product `{}` is not sold by merchant `{}`",
                o.product_id, o.merchant_id
            ),
        ),
        Some(_) => {}
    }
    if o.quantity == 0 {
        i.push("quantity", ProblemKind::InvalidValue, "must be at least 1");
    }
    i.money("amountFen", o.amount_fen);
    if let Some(shipped) = o.shipped_at {
        i.not_before("shippedAt", shipped, "paidAt", o.paid_at);
    }
    match (o.shipped_at, o.delivered_at) {
        (Some(shipped), Some(delivered)) => {
            i.not_before("deliveredAt", delivered, "shippedAt", shipped)
        }
        (None, Some(_)) => i.push(
            "deliveredAt",
            ProblemKind::InconsistentTime,
            "an order cannot be delivered without having been shipped (shippedAt is missing)",
        ),
        _ => {}
    }
    if let Some(refund) = &o.refund {
        i.not_before(
            "refund.requestedAt",
            refund.requested_at,
            "paidAt",
            o.paid_at,
        );
        if let Some(done) = refund.completed_at {
            i.not_before(
                "refund.completedAt",
                done,
                "refund.requestedAt",
                refund.requested_at,
            );
        }
    }
    i
}

pub fn review(r: &Review, refs: &Refs) -> Issues {
    let mut i = Issues::default();
    i.id("id", &r.id);
    match refs.orders.get(r.order_id.as_str()) {
        None => i.unknown("orderId", "order", &r.order_id),
        Some(order) => {
            if refs.buyers.get(&r.buyer_id) != Some(order.buyer) {
                i.push(
                    "buyerId",
                    ProblemKind::InvalidValue,
                    format!(
                        "`{}` is not the buyer of order `{}`",
                        r.buyer_id, r.order_id
                    ),
                );
            }
            i.not_before(
                "createdAt",
                r.created_at,
                "the order's paidAt",
                order.paid_at,
            );
        }
    }
    i.rating("ratings.overall", r.ratings.overall);
    for (field, stars) in [
        ("ratings.quality", r.ratings.quality),
        ("ratings.logistics", r.ratings.logistics),
        ("ratings.service", r.ratings.service),
    ] {
        if let Some(stars) = stars {
            i.rating(field, stars);
        }
    }
    i.text("text", &r.text, MAX_TEXT_CHARS, false);
    if let Some(reply) = &r.reply {
        i.text("reply.text", &reply.text, MAX_TEXT_CHARS, true);
        i.not_before(
            "reply.repliedAt",
            reply.replied_at,
            "createdAt",
            r.created_at,
        );
    }
    i
}

pub fn service_event(e: &ServiceEvent, refs: &Refs) -> Issues {
    let mut i = Issues::default();
    i.id("id", e.id());
    if refs.merchants.get(e.merchant_id()).is_none() {
        i.unknown("merchantId", "merchant", e.merchant_id());
    }
    let buyer = match e {
        ServiceEvent::Conversation { buyer_id, .. } | ServiceEvent::Complaint { buyer_id, .. } => {
            buyer_id
        }
    };
    if refs.buyers.get(buyer).is_none() {
        i.unknown("buyerId", "buyer", buyer);
    }
    if let ServiceEvent::Complaint {
        order_id: Some(order_id),
        ..
    } = e
    {
        match refs.orders.get(order_id.as_str()) {
            None => i.unknown("orderId", "order", order_id),
            Some(order) if refs.merchants.get(e.merchant_id()) != Some(order.merchant) => i.push(
                "orderId",
                ProblemKind::InvalidValue,
                format!(
                    "order `{order_id}` was not placed with merchant `{}`",
                    e.merchant_id()
                ),
            ),
            Some(_) => {}
        }
    }
    i
}

pub fn follower_count(f: &FollowerCount, refs: &Refs) -> Issues {
    let mut i = Issues::default();
    if refs.merchants.get(&f.merchant_id).is_none() {
        i.unknown("merchantId", "merchant", &f.merchant_id);
    }
    i
}

pub fn promotion(p: &Promotion, refs: &Refs) -> Issues {
    let mut i = Issues::default();
    i.id("id", &p.id);
    if refs.merchants.get(&p.merchant_id).is_none() {
        i.unknown("merchantId", "merchant", &p.merchant_id);
    }
    if p.end_at <= p.start_at {
        i.push(
            "endAt",
            ProblemKind::InconsistentTime,
            format!("{} is not after startAt ({})", p.end_at, p.start_at),
        );
    }
    i.money("budgetFen", p.budget_fen);
    i
}

pub fn session_traffic(t: &SessionTraffic, refs: &Refs) -> Issues {
    let mut i = Issues::default();
    let session_merchant = refs.live_sessions.get(t.session_id.as_str()).copied();
    if session_merchant.is_none() {
        i.unknown("sessionId", "live session", &t.session_id);
    }
    i.money("paidSpendFen", t.paid_spend_fen);
    i.money("gmvFen", t.gmv_fen);
    if let Some(promotion) = &t.promotion_id {
        match refs.promotions.get(promotion.as_str()) {
            None => i.unknown("promotionId", "promotion", promotion),
            Some(&owner) if session_merchant.is_some_and(|m| m != owner) => i.push(
                "promotionId",
                ProblemKind::InvalidValue,
                format!("promotion `{promotion}` belongs to another merchant than the session"),
            ),
            Some(_) => {}
        }
    }
    i
}

pub fn live_session(s: &LiveSession, refs: &Refs) -> Issues {
    let mut i = Issues::default();
    i.id("id", &s.id);
    let merchant = refs.merchants.get(&s.merchant_id);
    if merchant.is_none() {
        i.unknown("merchantId", "merchant", &s.merchant_id);
    }
    if s.end_at <= s.start_at {
        i.push(
            "endAt",
            ProblemKind::InconsistentTime,
            format!("{} is not after startAt ({})", s.end_at, s.start_at),
        );
        return i;
    }
    let seconds = s.duration_seconds();
    if seconds > MAX_SESSION_SECONDS {
        i.push(
            "endAt",
            ProblemKind::InvalidValue,
            format!(
                "the session lasts {seconds} s; at most {MAX_SESSION_SECONDS} s (24 h) are allowed"
            ),
        );
        return i;
    }
    match (&s.signals, &s.summary) {
        (None, None) => i.push(
            "signals",
            ProblemKind::Shape,
            "a session needs its per-second signals or a summary",
        ),
        (Some(sig), summary) => {
            let lens_ok = signal_lengths(&mut i, sig, seconds);
            if let Some(pos) = sig.gmv_fen.iter().position(|&g| g < 0) {
                i.push(
                    format!("signals.gmvFen[{pos}]"),
                    ProblemKind::InvalidValue,
                    "must not be negative",
                );
            }
            if let (Some(given), true) = (summary, lens_ok) {
                summary_agrees(&mut i, given, &SessionSummary::of(sig));
            }
        }
        (None, Some(sum)) => {
            // At most the peak audience for every minute of the session.
            let most = u64::from(sum.peak_viewers) * u64::from(seconds) / 60;
            if sum.viewer_minutes > most {
                i.push(
                    "summary.viewerMinutes",
                    ProblemKind::InvalidValue,
                    format!(
                        "{} is more than peakViewers × the session's minutes ({most})",
                        sum.viewer_minutes
                    ),
                );
            }
            if sum.peak_viewers == 0 && (sum.comments > 0 || sum.likes > 0 || sum.gifts > 0) {
                i.push(
                    "summary.peakViewers",
                    ProblemKind::InvalidValue,
                    "is 0, but the session has comments, likes or gifts",
                );
            }
        }
    }
    let product_of_session =
        |i: &mut Issues, field: String, product: &str| match refs.products.get(product) {
            None => i.unknown(&field, "product", product),
            Some(&owner) if merchant.is_some_and(|m| m != owner) => i.push(
                field,
                ProblemKind::InvalidValue,
                format!(
                    "product `{product}` is not sold by merchant `{}`",
                    s.merchant_id
                ),
            ),
            Some(_) => {}
        };
    for (n, a) in s.on_air.iter().enumerate() {
        product_of_session(&mut i, format!("onAir[{n}].productId"), &a.product_id);
        if a.start_second >= a.end_second || a.end_second > seconds {
            i.push(
                format!("onAir[{n}]"),
                ProblemKind::InvalidValue,
                format!(
                    "[{}, {}) is not a non-empty interval within the session's {seconds} s",
                    a.start_second, a.end_second
                ),
            );
        }
    }
    for (n, m) in s.explain_marks.iter().enumerate() {
        product_of_session(
            &mut i,
            format!("explainMarks[{n}].productId"),
            &m.product_id,
        );
        if m.second >= seconds {
            i.push(
                format!("explainMarks[{n}].second"),
                ProblemKind::InvalidValue,
                "is after the end of the session",
            );
        }
    }
    for (n, st) in s.staged.iter().enumerate() {
        product_of_session(&mut i, format!("staged[{n}].productId"), &st.product_id);
    }
    for (n, t) in s.transcript.iter().enumerate() {
        if t.start_ms >= t.end_ms || u64::from(t.end_ms) > u64::from(seconds) * 1000 {
            i.push(
                format!("transcript[{n}]"),
                ProblemKind::InvalidValue,
                format!(
                    "[{}, {}) ms is not a non-empty interval within the session",
                    t.start_ms, t.end_ms
                ),
            );
        }
        i.text(
            &format!("transcript[{n}].text"),
            &t.text,
            MAX_TEXT_CHARS,
            false,
        );
    }
    i
}

/// One value per second in every signal; false when some array is off.
fn signal_lengths(i: &mut Issues, sig: &SessionSignals, seconds: u32) -> bool {
    let mut ok = true;
    for (field, len) in [
        ("signals.viewers", sig.viewers.len()),
        ("signals.comments", sig.comments.len()),
        ("signals.likes", sig.likes.len()),
        ("signals.gifts", sig.gifts.len()),
        ("signals.orders", sig.orders.len()),
        ("signals.gmvFen", sig.gmv_fen.len()),
    ] {
        if len != seconds as usize {
            ok = false;
            i.push(
                field,
                ProblemKind::InvalidValue,
                format!("has {len} values; the session lasts {seconds} s, one value per second is needed"),
            );
        }
    }
    ok
}

/// A summary given next to the signals must be what they add up to.
fn summary_agrees(i: &mut Issues, given: &SessionSummary, of_signals: &SessionSummary) {
    for (field, g, want) in [
        (
            "summary.viewerMinutes",
            given.viewer_minutes,
            of_signals.viewer_minutes,
        ),
        (
            "summary.peakViewers",
            u64::from(given.peak_viewers),
            u64::from(of_signals.peak_viewers),
        ),
        ("summary.comments", given.comments, of_signals.comments),
        ("summary.likes", given.likes, of_signals.likes),
        ("summary.gifts", given.gifts, of_signals.gifts),
    ] {
        if g != want {
            i.push(
                field,
                ProblemKind::InvalidValue,
                format!("is {g}, but the session's signals add up to {want}"),
            );
        }
    }
}
