//! What the merchant changed in a session's clip plan — its moment, budget and order, the
//! segments they locked (moved edges) and removed — kept in this browser's IndexedDB (store
//! `clipEdits`), one record per session, saved on every change with the drafts' compare-and-set
//! (`crate::drafts::save_in`) and announced to other tabs, so a reload, a crash or a second tab
//! comes back to the same plan.

use livetrust_core::clip::{FrameRange, LockedSegment, SegmentOrder};
use serde::{Deserialize, Serialize};

use crate::drafts::{self, DraftError, DraftRecord};
use crate::replies::Changes;

pub const STORE: &str = "clipEdits";
const CHANNEL: &str = "livetrust-clip-edits";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClipEdits {
    /// The frame rate the locked and excluded frames count at.
    pub fps: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_second: Option<u32>,
    pub budget_ms: u32,
    pub order: SegmentOrder,
    #[serde(default)]
    pub locked: Vec<LockedSegment>,
    #[serde(default)]
    pub excluded: Vec<FrameRange>,
}

impl Default for ClipEdits {
    fn default() -> Self {
        ClipEdits {
            fps: 30,
            at_second: None,
            budget_ms: 30_000,
            order: SegmentOrder::Chronological,
            locked: Vec::new(),
            excluded: Vec::new(),
        }
    }
}

impl ClipEdits {
    pub fn read(record: &DraftRecord) -> Option<ClipEdits> {
        serde_json::from_str(&record.doc).ok()
    }
}

pub async fn load(session: &str) -> Result<Option<DraftRecord>, DraftError> {
    drafts::load_in(STORE, session).await
}

pub async fn save(
    session: &str,
    edits: &ClipEdits,
    expected: u32,
) -> Result<DraftRecord, DraftError> {
    let json = serde_json::to_string(edits)
        .map_err(|e| DraftError::Store(crate::replies::StoreError::of(e)))?;
    drafts::save_in(STORE, CHANNEL, session, json, expected).await
}

/// Listens for saves (the key is the session, with the revision saved).
pub fn listen(changed: impl Fn(String, u32) + 'static) -> Option<Changes> {
    Changes::listen_with_rev(CHANNEL, changed)
}
