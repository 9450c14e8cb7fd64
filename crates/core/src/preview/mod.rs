//! Live previews (直播预告): what a merchant announces before a session — start, title, cover
//! text, the products with their roles and deals in on-air order — how it is proposed from the
//! data and checked, the audience package (人群包) it is pushed to, and what a viewer's
//! reservation (预约) does. See docs/preview.md.
//!
//! `draft` (the preview and the names of hand-edited fields), `config`, `validate` (every problem
//! with its field), `generate` (proposal and regeneration that keeps the merchant's edits),
//! `audience` (column-wise buyer history and the package), `money` (yuan text ⇄ fen),
//! `reservation` (reminder rules) and `ics` (the reservation as a calendar event). [`run`] is
//! what the CLI's `preview` and the wasm `Market.preview` both call.

pub mod audience;
pub mod config;
pub mod draft;
pub mod generate;
pub mod ics;
pub mod money;
pub mod reservation;
pub mod validate;

pub use audience::{
    audience_package, AudienceConfig, AudienceHistory, AudienceReport, AudienceSignals,
    HistoryColumns, HistoryProduct, PlannedProduct,
};
pub use config::PreviewConfig;
pub use draft::{edited, Coupon, Preview, PreviewItem, Role};
pub use generate::{generate, Generated, GenerationNote};
pub use ics::{reservation_ics, CalendarEvent};
pub use reservation::{cancel, on_start, Cancellation, StartDecision, WINDOW_SECONDS};
pub use validate::{validate, PreviewProblem, PreviewProblemKind};

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, Timestamp};
use crate::{Error, Result};

/// One request of the CLI's `preview` and the wasm `Market.preview`: check a draft, or propose
/// one (`generate`, around `draft` when given), and target it when there is data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreviewRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub draft: Option<Preview>,
    /// Whose preview to generate when there is no draft.
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub merchant_id: Option<String>,
    #[serde(default)]
    pub generate: bool,
    /// The time the start is checked against (and generation's window ends at).
    pub now: Timestamp,
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub config: Option<PreviewConfig>,
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub audience: Option<AudienceConfig>,
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub signals: Option<AudienceSignals>,
}

/// The preview (the draft, or the proposal), what generation noted, every problem, and — with
/// data — its audience package.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
// A problem's `field` is flattened in beside its `kind`, which serde writes as a map: it must
// reach JavaScript as a plain object, not a `Map`.
#[cfg_attr(feature = "tsify", tsify(hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub struct PreviewOutcome {
    pub preview: Preview,
    pub notes: Vec<GenerationNote>,
    #[cfg_attr(feature = "tsify", tsify(type = "PreviewProblem[]"))]
    pub problems: Vec<PreviewProblem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub audience: Option<AudienceReport>,
}

/// Runs `request`. `history` is the audience history of `dataset` when the caller keeps one
/// (the wasm `Market` caches it per day); without it one is built when there is data.
pub fn run(
    request: &PreviewRequest,
    dataset: Option<&Dataset>,
    history: Option<&AudienceHistory>,
) -> Result<PreviewOutcome> {
    let config = request.config.clone().unwrap_or_default();
    config.validate()?;
    let audience_config = request.audience.clone().unwrap_or_default();
    audience_config.validate()?;
    let (preview, notes) = if request.generate {
        let data = dataset.ok_or_else(|| {
            Error::invalid_field("generate", "generating a preview needs the data (--data)")
        })?;
        let merchant = match (&request.draft, &request.merchant_id) {
            (Some(d), _) => d.merchant_id.clone(),
            (None, Some(m)) => m.clone(),
            (None, None) => {
                return Err(Error::invalid_field(
                    "merchantId",
                    "name the merchant, or give a draft",
                ))
            }
        };
        let generated = generate(
            data,
            &merchant,
            request.now,
            request.draft.as_ref(),
            &config,
        )?;
        (generated.preview, generated.notes)
    } else {
        let draft = request
            .draft
            .clone()
            .ok_or_else(|| Error::invalid_field("draft", "give a draft, or ask to generate one"))?;
        (draft, Vec::new())
    };
    let problems = validate(
        &preview,
        request.now,
        &config,
        dataset.map(|d| d.products.as_slice()),
    );
    let audience = match dataset {
        None => None,
        Some(data) => {
            let built;
            let history = match history {
                Some(h) => h,
                None => {
                    built = AudienceHistory::from_dataset(
                        data,
                        request.now.local_date(),
                        &request.signals.clone().unwrap_or_default(),
                    )?;
                    &built
                }
            };
            let plan: Vec<PlannedProduct> = PlannedProduct::of(&preview)
                .into_iter()
                .filter(|p| p.live_price_fen > 0 && history.knows(&p.product_id))
                .collect();
            Some(audience_package(history, &plan, &audience_config)?)
        }
    };
    Ok(PreviewOutcome {
        preview,
        notes,
        problems,
        audience,
    })
}

#[cfg(test)]
mod tests;
