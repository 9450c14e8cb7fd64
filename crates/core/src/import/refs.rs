//! What the importer remembers of accepted records so later records can be checked against them:
//! ids per table and the few facts cross-table rules need. Compact on purpose: validating a
//! gigabyte of orders keeps ids, not records.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{LocalDate, Repurchase, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryLevel {
    L1,
    L2(Repurchase),
}

#[derive(Debug, Clone, Copy)]
pub struct OrderFacts {
    pub buyer: u32,
    pub merchant: u32,
    pub paid_at: Timestamp,
}

/// Interned ids: each distinct id string gets a small number, so facts can refer to each other
/// cheaply.
#[derive(Debug, Default)]
pub struct Interner {
    ids: FxHashMap<Box<str>, u32>,
}

impl Interner {
    pub fn get(&self, id: &str) -> Option<u32> {
        self.ids.get(id).copied()
    }

    pub fn insert(&mut self, id: &str) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(id.into()).or_insert(next)
    }
}

#[derive(Debug)]
pub struct PendingParent {
    /// Index of the file in the report.
    pub file: usize,
    pub record: u64,
    pub id: String,
    pub parent: String,
}

#[derive(Debug, Default)]
pub struct Refs {
    pub categories: FxHashMap<Box<str>, CategoryLevel>,
    /// L2 categories whose parent is checked when the categories table is complete.
    pub category_parents: Vec<PendingParent>,
    pub merchants: Interner,
    /// Buyer ids. When the input has no buyers table, buyers are taken from the orders.
    pub buyers: Interner,
    pub buyers_table_given: bool,
    /// Registration time of the buyers that have one (orders cannot be paid before it).
    pub buyer_registered: FxHashMap<u32, Timestamp>,
    /// Product id → owning merchant.
    pub products: FxHashMap<Box<str>, u32>,
    pub orders: FxHashMap<Box<str>, OrderFacts>,
    pub reviews: FxHashSet<Box<str>>,
    pub service_events: FxHashSet<Box<str>>,
    /// Live session id → its merchant.
    pub live_sessions: FxHashMap<Box<str>, u32>,
    /// Promotion id → its merchant.
    pub promotions: FxHashMap<Box<str>, u32>,
    /// Sessions with a traffic record: one record per session.
    pub session_traffic: FxHashSet<Box<str>>,
    /// (merchant, day) of every follower count: one count per merchant and day.
    pub follower_days: FxHashSet<(u32, LocalDate)>,
}
