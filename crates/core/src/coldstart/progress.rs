//! A merchant's values for every cold-start goal, from its own data, with the moment each count
//! was reached: the n-th qualifying session, order, short-video order, repeat buyer (a buyer's
//! second order) or positive review.

use std::collections::HashMap;

use super::config::Goal;
use crate::model::{Channel, Dataset, Merchant, Timestamp};

/// The qualifying events of one merchant, each list in time order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    /// Start and minutes of every live session.
    pub sessions: Vec<(Timestamp, u32)>,
    pub orders: Vec<Timestamp>,
    pub short_video_orders: Vec<Timestamp>,
    /// When each repeat buyer paid their second order.
    pub repeat_buyers: Vec<Timestamp>,
    pub positive_reviews: Vec<Timestamp>,
    pub followers: u64,
}

impl Progress {
    pub fn of(data: &Dataset, merchant: &Merchant) -> Progress {
        let id = merchant.id.as_str();
        let mut p = Progress {
            followers: merchant.followers,
            ..Progress::default()
        };
        p.sessions = data
            .live_sessions
            .iter()
            .filter(|s| s.merchant_id == id)
            .map(|s| (s.start_at, s.duration_seconds() / 60))
            .collect();
        let mut mine: Vec<_> = data.orders.iter().filter(|o| o.merchant_id == id).collect();
        mine.sort_by_key(|o| o.paid_at);
        let mut per_buyer: HashMap<&str, u32> = HashMap::new();
        let mut shop_orders = std::collections::HashSet::new();
        for o in &mine {
            shop_orders.insert(o.id.as_str());
            p.orders.push(o.paid_at);
            if o.channel == Channel::ShortVideo {
                p.short_video_orders.push(o.paid_at);
            }
            let n = per_buyer.entry(o.buyer_id.as_str()).or_default();
            *n += 1;
            if *n == 2 {
                p.repeat_buyers.push(o.paid_at);
            }
        }
        p.positive_reviews = data
            .reviews
            .iter()
            .filter(|r| r.ratings.overall >= 4 && shop_orders.contains(r.order_id.as_str()))
            .map(|r| r.created_at)
            .collect();
        p.sessions.sort_by_key(|s| s.0);
        p.positive_reviews.sort();
        p
    }

    fn events(&self, goal: &Goal) -> Vec<Timestamp> {
        match goal {
            Goal::LiveSessions { min_minutes, .. } => self
                .sessions
                .iter()
                .filter(|s| s.1 >= *min_minutes)
                .map(|s| s.0)
                .collect(),
            Goal::Orders { .. } => self.orders.clone(),
            Goal::ShortVideoOrders { .. } => self.short_video_orders.clone(),
            Goal::RepeatBuyers { .. } => self.repeat_buyers.clone(),
            Goal::PositiveReviews { .. } => self.positive_reviews.clone(),
            Goal::Followers { .. } => Vec::new(),
        }
    }

    /// The merchant's count for `goal`.
    pub fn value(&self, goal: &Goal) -> u64 {
        match goal {
            Goal::Followers { .. } => self.followers,
            g => self.events(g).len() as u64,
        }
    }

    /// When the goal's count was reached (unknown for followers, which have no history).
    pub fn reached_at(&self, goal: &Goal) -> Option<Timestamp> {
        let target = usize::try_from(goal.target()).ok()?;
        self.events(goal).get(target.checked_sub(1)?).copied()
    }
}
