//! The live assistant's staging zone per session — the clock, the product on air, the staged
//! products — kept in this browser's IndexedDB (store `stagingStates`), saved on every accepted
//! edit with the drafts' compare-and-set (`crate::drafts::save_in`) and announced to other tabs,
//! so a reload, a crash or a second tab comes back to the same zone. The clip page reads it too:
//! its "coming up" follows the zone.

use livetrust_core::staging::StagingState;

use crate::drafts::{self, DraftError, DraftRecord};
use crate::replies::Changes;

pub const STORE: &str = "stagingStates";
const CHANNEL: &str = "livetrust-staging";

pub fn read(record: &DraftRecord) -> Option<StagingState> {
    serde_json::from_str(&record.doc).ok()
}

pub async fn load(session: &str) -> Result<Option<DraftRecord>, DraftError> {
    drafts::load_in(STORE, session).await
}

pub async fn save(
    session: &str,
    state: &StagingState,
    expected: u32,
) -> Result<DraftRecord, DraftError> {
    let json = serde_json::to_string(state)
        .map_err(|e| DraftError::Store(crate::replies::StoreError::of(e)))?;
    drafts::save_in(STORE, CHANNEL, session, json, expected).await
}

/// Listens for saves (the key is the session, with the revision saved).
pub fn listen(changed: impl Fn(String, u32) + 'static) -> Option<Changes> {
    Changes::listen_with_rev(CHANNEL, changed)
}
