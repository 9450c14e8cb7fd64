//! The merchant's replies to reviews, kept in this browser's IndexedDB (store `replies` of the
//! app's database): the draft being written (autosaved as it is typed, so a reload or a crash
//! loses at most the last second) and the published reply, which the app shows over the data's
//! own (this app has no server to post to; a platform's back office would send it on).
//!
//! Records are `{key: "<merchant>/<review>", rev, updatedAt, draft?, publishedText?,
//! publishedAt?}`. Every write is a compare-and-set of `rev` inside one read-write transaction
//! (nothing else is awaited inside it), so two tabs can never silently overwrite each other; a
//! Web Lock per reply says which tab edits it, and a BroadcastChannel tells the other tabs that a
//! record changed.

use idb::{Query, TransactionMode};
use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use livetrust_core::model::MerchantReply;

use crate::storage;

pub const STORE: &str = "replies";
const CHANNEL: &str = "livetrust-replies";

/// One reply's record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReplyRecord {
    pub key: String,
    /// Incremented by every write; a write expecting another revision is refused.
    pub rev: u32,
    /// Milliseconds since the epoch of the last write.
    pub updated_at: f64,
    pub draft: Option<String>,
    pub published: Option<Published>,
    /// The merchant deleted the reply (the data's own one included).
    pub removed: bool,
}

impl ReplyRecord {
    /// The reply viewers see: the published one, none if deleted, else the data's `original`.
    pub fn effective(
        record: Option<&ReplyRecord>,
        original: Option<&MerchantReply>,
    ) -> Option<MerchantReply> {
        match record {
            Some(r) if r.removed => None,
            Some(ReplyRecord {
                published: Some(p), ..
            }) => Some(MerchantReply {
                text: p.text.clone(),
                replied_at: p.at.parse().ok()?,
            }),
            _ => original.cloned(),
        }
    }
}

/// Puts the replies of `records` (by key) over the shown reviews of `merchant`.
pub fn overlay(
    shown: &mut [livetrust_core::reviews::ShownReview],
    merchant: &str,
    records: &std::collections::HashMap<String, ReplyRecord>,
) {
    for review in shown {
        let record = records.get(&key(merchant, &review.review_id));
        if record.is_some() {
            review.reply = ReplyRecord::effective(record, review.reply.as_ref());
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub text: String,
    /// RFC 3339.
    pub at: String,
}

/// Why a reply could not be kept.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The browser refused: storage is full (`QuotaExceededError`).
    Full,
    /// IndexedDB cannot be used here (private mode, blocked, broken): the reason.
    Unavailable(String),
    /// Another tab wrote the record since this tab read it: the record as it is now.
    Conflict(ReplyRecord),
}

impl StoreError {
    pub(crate) fn of(e: impl ToString) -> Self {
        let text = e.to_string();
        if text.contains("QuotaExceeded") {
            StoreError::Full
        } else {
            StoreError::Unavailable(text)
        }
    }
}

pub fn key(merchant: &str, review: &str) -> String {
    [merchant, "/", review].concat()
}

fn set(object: &js_sys::Object, name: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(name), value);
}

fn get(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

impl ReplyRecord {
    fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        set(&o, "key", &self.key.as_str().into());
        set(&o, "rev", &self.rev.into());
        set(&o, "updatedAt", &self.updated_at.into());
        if let Some(d) = &self.draft {
            set(&o, "draft", &d.as_str().into());
        }
        if let Some(p) = &self.published {
            set(&o, "publishedText", &p.text.as_str().into());
            set(&o, "publishedAt", &p.at.as_str().into());
        }
        if self.removed {
            set(&o, "removed", &JsValue::TRUE);
        }
        o.into()
    }

    /// A stored record; `None` for anything not shaped like one (never trusted blindly).
    fn from_js(value: &JsValue) -> Option<Self> {
        let key = get(value, "key").as_string()?;
        let rev = get(value, "rev")
            .as_f64()
            .filter(|r| r.fract() == 0.0 && *r >= 0.0)? as u32;
        let published = match (
            get(value, "publishedText").as_string(),
            get(value, "publishedAt").as_string(),
        ) {
            (Some(text), Some(at)) => Some(Published { text, at }),
            _ => None,
        };
        Some(ReplyRecord {
            key,
            rev,
            updated_at: get(value, "updatedAt").as_f64().unwrap_or(0.0),
            draft: get(value, "draft").as_string(),
            published,
            removed: get(value, "removed").as_bool().unwrap_or(false),
        })
    }
}

/// Every reply record of `merchant` (of every merchant for `""`).
pub async fn load_all(merchant: &str) -> Result<Vec<ReplyRecord>, StoreError> {
    let db = storage::open().await.map_err(StoreError::Unavailable)?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(StoreError::of)?;
    let store = tx.object_store(STORE).map_err(StoreError::of)?;
    let all = store
        .get_all(None::<Query>, None)
        .map_err(StoreError::of)?
        .await
        .map_err(StoreError::of)?;
    let _ = tx.await;
    db.close();
    let prefix = if merchant.is_empty() {
        String::new()
    } else {
        [merchant, "/"].concat()
    };
    Ok(all
        .iter()
        .filter_map(ReplyRecord::from_js)
        .filter(|r| r.key.starts_with(&prefix))
        .collect())
}

/// Writes `next` (its `rev` is ignored) if the stored record still has revision `expected` (0
/// for none). Returns the record as stored, with its new revision.
pub async fn save(mut next: ReplyRecord, expected: u32) -> Result<ReplyRecord, StoreError> {
    next.rev = expected + 1;
    next.updated_at = js_sys::Date::now();
    let value = next.to_js();
    let db = storage::open().await.map_err(StoreError::Unavailable)?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(StoreError::of)?;
    let store = tx.object_store(STORE).map_err(StoreError::of)?;
    let key = JsValue::from_str(&next.key);
    let current = store
        .get(key.clone())
        .map_err(StoreError::of)?
        .await
        .map_err(StoreError::of)?
        .and_then(|v| ReplyRecord::from_js(&v));
    let current_rev = current.as_ref().map_or(0, |c| c.rev);
    if current_rev != expected {
        let _ = tx.abort();
        db.close();
        return Err(StoreError::Conflict(current.unwrap_or_default()));
    }
    let put = store.put(&value, Some(&key)).map_err(StoreError::of)?.await;
    if let Err(e) = put {
        db.close();
        return Err(StoreError::of(e));
    }
    let done = tx
        .commit()
        .map_err(StoreError::of)?
        .await
        .map_err(StoreError::of)?;
    db.close();
    if !done.is_committed() {
        return Err(StoreError::Full);
    }
    announce(&next);
    Ok(next)
}

/// Tells the other tabs that `record` changed.
fn announce(record: &ReplyRecord) {
    announce_on(CHANNEL, &record.key, record.rev);
}

/// Posts `{key, rev}` on the BroadcastChannel `name`.
pub fn announce_on(name: &str, key: &str, rev: u32) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(name) {
        let message = js_sys::Object::new();
        set(&message, "key", &key.into());
        set(&message, "rev", &rev.into());
        let _ = channel.post_message(&message);
        channel.close();
    }
}

/// Listens for other tabs' changes; dropped, it stops listening.
pub struct Changes {
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Changes {
    /// Calls `changed(key)` whenever another tab writes a record.
    pub fn listen(changed: impl Fn(String) + 'static) -> Option<Changes> {
        Self::listen_on(CHANNEL, changed)
    }

    /// Calls `changed(key)` for every `{key}` message on the BroadcastChannel `name`.
    pub fn listen_on(name: &str, changed: impl Fn(String) + 'static) -> Option<Changes> {
        Self::listen_with_rev(name, move |key, _| changed(key))
    }

    /// Calls `changed(key, rev)` for every `{key, rev}` message on the BroadcastChannel `name`.
    /// This tab's own announcements arrive too (they are posted from another channel object),
    /// after the save that made them has returned: a listener tells them apart by the revision.
    pub fn listen_with_rev(name: &str, changed: impl Fn(String, u32) + 'static) -> Option<Changes> {
        let channel = web_sys::BroadcastChannel::new(name).ok()?;
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                if let Some(key) = get(&data, "key").as_string() {
                    let rev = get(&data, "rev").as_f64().map_or(0, |r| r as u32);
                    changed(key, rev);
                }
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Changes {
            channel,
            _on_message: on_message,
        })
    }
}

impl Drop for Changes {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

impl std::fmt::Debug for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Changes").finish_non_exhaustive()
    }
}

/// This tab's claim to edit one reply: a Web Lock held until it is dropped (or another tab
/// takes it over, which `lost` reports). The browser releases it when the tab closes or crashes,
/// so no stale "being edited" mark is ever left behind.
pub struct EditLock {
    release: Option<js_sys::Function>,
}

impl Drop for EditLock {
    fn drop(&mut self) {
        if let Some(release) = self.release.take() {
            let _ = release.call0(&JsValue::NULL);
        }
    }
}

impl std::fmt::Debug for EditLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EditLock").finish_non_exhaustive()
    }
}

/// What asking for the lock gave.
#[derive(Debug)]
pub enum Claim {
    Held(EditLock),
    /// Another tab edits this reply.
    Busy,
    /// The browser has no Web Locks: editing goes on, guarded by the revisions only.
    Unsupported,
}

/// Asks for the lock of `key` without waiting (`steal` takes it from the tab holding it). `lost`
/// is called if another tab takes it over later.
pub async fn claim(key: &str, steal: bool, lost: impl FnOnce() + 'static) -> Claim {
    claim_lock(&lock_name(key), steal, lost).await
}

/// Asks for the Web Lock `name` as [`claim`] does (the preview drafts use it too).
pub async fn claim_lock(name: &str, steal: bool, lost: impl FnOnce() + 'static) -> Claim {
    let locks = web_sys::window()
        .map(|w| get(&w.navigator(), "locks"))
        .filter(|l| l.is_object());
    let Some(locks) = locks else {
        return Claim::Unsupported;
    };
    let Ok(request) = Reflect::get(&locks, &JsValue::from_str("request"))
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return Claim::Unsupported;
    };
    let options = js_sys::Object::new();
    if steal {
        set(&options, "steal", &JsValue::TRUE);
    } else {
        set(&options, "ifAvailable", &JsValue::TRUE);
    }
    // `granted` settles with the release function (lock held) or null (busy).
    let mut resolve_granted: Option<js_sys::Function> = None;
    let granted = Promise::new(&mut |resolve, _| resolve_granted = Some(resolve));
    let Some(resolve_granted) = resolve_granted else {
        return Claim::Unsupported;
    };
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        if lock.is_null() {
            let _ = resolve_granted.call1(&JsValue::NULL, &JsValue::NULL);
            return JsValue::UNDEFINED;
        }
        // Held until `release` is called: the promise the lock manager waits on.
        let mut release: JsValue = JsValue::NULL;
        let held = Promise::new(&mut |resolve, _| release = resolve.into());
        let _ = resolve_granted.call1(&JsValue::NULL, &release);
        held.into()
    });
    let Ok(done) = request.call3(&locks, &JsValue::from_str(name), &options, &callback) else {
        return Claim::Unsupported;
    };
    // A stolen lock rejects the request's promise: this tab no longer edits.
    let on_lost = Closure::once_into_js(move |_: JsValue| lost());
    if let Ok(catch) = Reflect::get(&done, &JsValue::from_str("catch"))
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = catch.call1(&done, &on_lost);
    }
    match JsFuture::from(granted).await {
        Ok(release) => match release.dyn_into::<js_sys::Function>() {
            Ok(release) => Claim::Held(EditLock {
                release: Some(release),
            }),
            Err(_) => Claim::Busy,
        },
        Err(_) => Claim::Unsupported,
    }
}

fn lock_name(key: &str) -> String {
    ["livetrust:reply:", key].concat()
}
