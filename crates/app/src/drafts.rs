//! The merchant's live-preview drafts, kept in this browser's IndexedDB (store `previewDrafts`
//! of the app's database), one per merchant: saved on every change, so a reload or a crash loses
//! nothing that was shown as saved. The same discipline as the replies (`crate::replies`): each
//! write is a compare-and-set of `rev` inside one read-write transaction, a Web Lock says which
//! tab edits the draft, and a BroadcastChannel tells the other tabs it changed.
//!
//! Records are `{key: "<merchant>", rev, updatedAt, doc}`, `doc` the [`DraftDoc`] as JSON, so a
//! draft whose shape a newer app no longer reads is still kept and exportable.

use std::collections::BTreeMap;

use idb::TransactionMode;
use js_sys::Reflect;
use livetrust_core::preview::Preview;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::replies::{Changes, Claim, StoreError};
use crate::storage;

pub const STORE: &str = "previewDrafts";
const CHANNEL: &str = "livetrust-preview-drafts";

/// What the editor keeps: the preview, and what the merchant typed that is not (yet) a value of
/// it — a price of `12.345` or an unreadable start — by the field it belongs to, so it survives
/// a reload exactly as typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftDoc {
    pub preview: Preview,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub raw: BTreeMap<String, String>,
}

/// One stored draft.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftRecord {
    pub key: String,
    pub rev: u32,
    pub updated_at: f64,
    /// The document as stored (JSON).
    pub doc: String,
}

impl DraftRecord {
    /// The document, when this app can read it.
    pub fn read(&self) -> Option<DraftDoc> {
        serde_json::from_str(&self.doc).ok()
    }

    fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        let set = |name: &str, value: JsValue| {
            let _ = Reflect::set(&o, &JsValue::from_str(name), &value);
        };
        set("key", self.key.as_str().into());
        set("rev", self.rev.into());
        set("updatedAt", self.updated_at.into());
        set("doc", self.doc.as_str().into());
        o.into()
    }

    fn from_js(value: &JsValue) -> Option<Self> {
        let get = |name: &str| Reflect::get(value, &JsValue::from_str(name)).ok();
        Some(DraftRecord {
            key: get("key")?.as_string()?,
            rev: get("rev")?
                .as_f64()
                .filter(|r| r.fract() == 0.0 && *r >= 0.0)? as u32,
            updated_at: get("updatedAt").and_then(|v| v.as_f64()).unwrap_or(0.0),
            doc: get("doc")?.as_string()?,
        })
    }
}

/// Why a draft could not be kept.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftError {
    Store(StoreError),
    /// Another tab saved the draft since this tab read it: the record as it is now.
    Conflict(Option<DraftRecord>),
}

impl From<StoreError> for DraftError {
    fn from(e: StoreError) -> Self {
        DraftError::Store(e)
    }
}

fn of(e: impl ToString) -> DraftError {
    DraftError::Store(StoreError::of(e))
}

/// The stored draft of `merchant`, if any.
pub async fn load(merchant: &str) -> Result<Option<DraftRecord>, DraftError> {
    load_in(STORE, merchant).await
}

/// The record under `key` in `store` (a store of `{key, rev, updatedAt, doc}` records).
pub async fn load_in(store_name: &str, key: &str) -> Result<Option<DraftRecord>, DraftError> {
    let db = storage::open().await.map_err(StoreError::Unavailable)?;
    let tx = db
        .transaction(&[store_name], TransactionMode::ReadOnly)
        .map_err(of)?;
    let store = tx.object_store(store_name).map_err(of)?;
    let value = store
        .get(JsValue::from_str(key))
        .map_err(of)?
        .await
        .map_err(of)?;
    let _ = tx.await;
    db.close();
    Ok(value.and_then(|v| DraftRecord::from_js(&v)))
}

/// Writes `doc` as the draft of `merchant` if the stored one still has revision `expected` (0
/// for none); returns the stored record.
pub async fn save(
    merchant: &str,
    doc: &DraftDoc,
    expected: u32,
) -> Result<DraftRecord, DraftError> {
    // Serialised before the transaction opens: nothing but IndexedDB is awaited inside it.
    let json = serde_json::to_string(doc).map_err(of)?;
    save_in(STORE, CHANNEL, merchant, json, expected).await
}

/// Writes `doc` (JSON) under `key` in `store` if the stored record still has revision
/// `expected` (0 for none), and announces the new revision on `channel`.
pub async fn save_in(
    store_name: &str,
    channel: &str,
    key: &str,
    doc: String,
    expected: u32,
) -> Result<DraftRecord, DraftError> {
    let record = DraftRecord {
        key: key.to_owned(),
        rev: expected + 1,
        updated_at: js_sys::Date::now(),
        doc,
    };
    let value = record.to_js();
    let db = storage::open().await.map_err(StoreError::Unavailable)?;
    let tx = db
        .transaction(&[store_name], TransactionMode::ReadWrite)
        .map_err(of)?;
    let store = tx.object_store(store_name).map_err(of)?;
    let key = JsValue::from_str(key);
    let current = store
        .get(key.clone())
        .map_err(of)?
        .await
        .map_err(of)?
        .and_then(|v| DraftRecord::from_js(&v));
    if current.as_ref().map_or(0, |c| c.rev) != expected {
        let _ = tx.abort();
        db.close();
        return Err(DraftError::Conflict(current));
    }
    if let Err(e) = store.put(&value, Some(&key)).map_err(of)?.await {
        db.close();
        return Err(of(e));
    }
    let done = tx.commit().map_err(of)?.await.map_err(of)?;
    db.close();
    if !done.is_committed() {
        return Err(DraftError::Store(StoreError::Full));
    }
    crate::replies::announce_on(channel, &record.key, record.rev);
    Ok(record)
}

/// Listens for other tabs' saves of any draft (the key is the merchant).
pub fn listen(changed: impl Fn(String) + 'static) -> Option<Changes> {
    Changes::listen_on(CHANNEL, changed)
}

/// This tab's claim to edit `merchant`'s draft.
pub async fn claim(merchant: &str, steal: bool, lost: impl FnOnce() + 'static) -> Claim {
    crate::replies::claim_lock(&["livetrust:preview:", merchant].concat(), steal, lost).await
}
