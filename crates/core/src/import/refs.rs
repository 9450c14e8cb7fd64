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

/// An id as a hash-map key: up to 23 bytes kept inline, so a lookup compares it without chasing a
/// pointer to the heap (a cache miss per lookup on a million orders); longer ids are boxed. Hashes
/// and compares as its `str`, so maps keyed by it are looked up with `&str`.
#[derive(Debug, Clone)]
pub enum Key {
    Inline(u8, [u8; 23]),
    Boxed(Box<str>),
}

impl Key {
    pub fn as_str(&self) -> &str {
        match self {
            // Built from a `str` cut at its own length, so always UTF-8.
            Key::Inline(len, bytes) => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or("")
            }
            Key::Boxed(s) => s,
        }
    }
}

impl From<&str> for Key {
    fn from(s: &str) -> Self {
        if s.len() <= 23 {
            let mut bytes = [0u8; 23];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Key::Inline(s.len() as u8, bytes)
        } else {
            Key::Boxed(s.into())
        }
    }
}

impl std::borrow::Borrow<str> for Key {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Key {}

/// Interned ids: each distinct id string gets a small number, so facts can refer to each other
/// cheaply.
#[derive(Debug, Default)]
pub struct Interner {
    ids: FxHashMap<Key, u32>,
}

impl Interner {
    pub fn get(&self, id: &str) -> Option<u32> {
        self.ids.get(id).copied()
    }

    /// Numbers a new id; `None` (and nothing changed) when it has a number already.
    pub fn insert_new(&mut self, id: &str) -> Option<u32> {
        use std::collections::hash_map::Entry;
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        match self.ids.entry(id.into()) {
            Entry::Occupied(_) => None,
            Entry::Vacant(slot) => Some(*slot.insert(next)),
        }
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
    pub categories: FxHashMap<Key, CategoryLevel>,
    /// L2 categories whose parent is checked when the categories table is complete.
    pub category_parents: Vec<PendingParent>,
    pub merchants: Interner,
    /// Buyer ids. When the input has no buyers table, buyers are taken from the orders.
    pub buyers: Interner,
    pub buyers_table_given: bool,
    /// Registration time of the buyers that have one (orders cannot be paid before it).
    pub buyer_registered: FxHashMap<u32, Timestamp>,
    /// Product id → owning merchant.
    pub products: FxHashMap<Key, u32>,
    pub orders: FxHashMap<Key, OrderFacts>,
    pub reviews: FxHashSet<Key>,
    pub service_events: FxHashSet<Key>,
    /// Live session id → its merchant.
    pub live_sessions: FxHashMap<Key, u32>,
    /// Promotion id → its merchant.
    pub promotions: FxHashMap<Key, u32>,
    /// Sessions with a traffic record: one record per session.
    pub session_traffic: FxHashSet<Key>,
    /// (merchant, day) of every follower count: one count per merchant and day.
    pub follower_days: FxHashSet<(u32, LocalDate)>,
}
