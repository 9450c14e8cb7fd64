//! livetrust-wasm: the npm package `livetrust`, a thin wasm-bindgen shell over `livetrust-core`.
//!
//! Every exported function follows one shape: take a `Ts<Input>` (typed in the generated `.d.ts`),
//! convert it to the core's Rust type, call the core, and hand back a `Ts<Output>`. Any failure
//! leaves through [`error::to_js`], the single conversion from core errors to JavaScript, so a
//! caller always gets a thrown `LivetrustError` with `kind`, `field` and `reason` and never a panic
//! (which would kill the module for the whole page).

mod calendar;
mod coldstart;
mod leverage;
// The clip planner is a default feature so that the benchmark can measure what it adds to the
// package (`cargo xtask bench clip` builds the package without it).
#[cfg(feature = "clip")]
mod clip;
mod error;
mod staging;

use livetrust_core::import::{self, ImportOptions, ImportReport, InputFile};
use livetrust_core::index::{IndexConfig, MarketIndex};
use livetrust_core::peer_tier::{self, PeerComparison, PeerPlacement};
use serde::Deserialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

pub use calendar::campaigns_ics;
#[cfg(feature = "clip")]
pub use clip::{export_clip, plan_clip, Planner as ClipPlanner};
pub use error::to_js as error_to_js;
use error::Mistake;

/// The version of the livetrust package, as in its Cargo.toml.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A merchant's reply to a review as it will be kept (trimmed), or a `LivetrustError` on
/// `reply.text`: empty, over 500 characters, or with control characters.
#[wasm_bindgen(js_name = checkReply)]
pub fn check_reply(text: &str) -> Result<String, JsValue> {
    livetrust_core::reviews::reply::check_reply(text)
        .map(str::to_owned)
        .map_err(error::to_js)
}

/// Places a merchant's 0–100 score among its category peers: tier and "better than x% of peers".
///
/// Throws a `LivetrustError` naming the offending field for bad input (NaN, out of range, no peers,
/// inconsistent cut-offs, unknown keys).
/// The reviews' clean-up and aspect tags over bare review texts (no orders or buyers, so no
/// eligibility and no copy-paste spam): the CLI's `review-texts`. `config` a (possibly partial)
/// `ReviewsConfig`.
#[wasm_bindgen(js_name = cleanReviewTexts)]
pub fn clean_review_texts(
    texts: Vec<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "ReviewsConfig")] config: JsValue,
) -> Result<Ts<livetrust_core::reviews::TextsReport>, JsValue> {
    let config = reviews_config_from(config)?;
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let report = livetrust_core::reviews::clean_texts(&texts, &config).map_err(error::to_js)?;
    error::output(report.into_ts())
}

fn reviews_config_from(config: JsValue) -> Result<livetrust_core::reviews::ReviewsConfig, JsValue> {
    if config.is_undefined() || config.is_null() {
        Ok(livetrust_core::reviews::ReviewsConfig::default())
    } else {
        error::from_js(config, Mistake::Field)
    }
}

#[wasm_bindgen(js_name = placeAgainstPeers)]
pub fn place_against_peers(input: Ts<PeerComparison>) -> Result<Ts<PeerPlacement>, JsValue> {
    let input: PeerComparison = error::from_js(input.into(), Mistake::Shape)?;
    let placement = peer_tier::place_against_peers(&input).map_err(error::to_js)?;
    error::output(placement.into_ts())
}

/// Input of [`validate`]: the files of a dataset, as a browser has them after a file picker or a
/// drop (`new Uint8Array(await file.arrayBuffer())`). Nothing leaves the page.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValidateInput {
    pub files: Vec<ValidateFile>,
    /// List at most this many problems (all are counted); 1000 when absent.
    #[serde(default)]
    #[tsify(optional)]
    pub max_problems: Option<u32>,
}

/// One file. Its name says the table and format: `orders.ndjson`, `merchants.csv`,
/// `reviews.json` (an array), or any other `.json` name for a whole dataset object.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValidateFile {
    pub name: String,
    #[serde(with = "serde_bytes")]
    #[tsify(type = "Uint8Array")]
    pub bytes: Vec<u8>,
}

/// Validates marketplace data files: every problem with file, record, field and reason, and per
/// file the records read, accepted and skipped. The same report as `livetrust validate --json`.
#[wasm_bindgen(js_name = validate)]
pub fn validate(input: Ts<ValidateInput>) -> Result<Ts<ImportReport>, JsValue> {
    let report = import_input(input, false)?.report;
    error::output(report.into_ts())
}

/// Imports the files of a `ValidateInput`, keeping the accepted records or only their ids.
fn import_input(input: Ts<ValidateInput>, keep_records: bool) -> Result<import::Imported, JsValue> {
    let raw: JsValue = input.js_value();
    error::known_keys(&raw, &["files", "maxProblems"], "")?;
    let files = js_sys::Reflect::get(&raw, &"files".into()).unwrap_or(JsValue::UNDEFINED);
    if js_sys::Array::is_array(&files) {
        for (i, file) in js_sys::Array::from(&files).iter().enumerate() {
            error::known_keys(&file, &["name", "bytes"], &format!("files[{i}]: "))?;
        }
    }
    let input = error::input(input.to_rust())?;
    let files: Vec<InputFile> = input
        .files
        .into_iter()
        .map(|f| InputFile {
            name: f.name,
            bytes: f.bytes,
        })
        .collect();
    let options = ImportOptions {
        keep_records,
        max_problems: input.max_problems.map_or(1_000, |n| n as usize),
    };
    Ok(import::import_files(&files, options))
}

/// A marketplace loaded into the page: the accepted records of some files, and the index computed
/// from them on demand (cached per as-of day).
#[wasm_bindgen]
#[derive(Debug)]
pub struct Market {
    dataset: livetrust_core::model::Dataset,
    import_report: ImportReport,
    cached: std::cell::RefCell<Option<(IndexConfig, MarketIndex)>>,
    /// The audience history of the last `preview` call's day and signals: the editor asks again
    /// on every change of the plan, and building it reads every order.
    history: std::cell::RefCell<Option<HistoryKey>>,
    /// The traffic model of the last `traffic` call's settings and day: a what-if panel asks
    /// again on every edit, and the fit reads every session and every merchant's index.
    traffic: std::cell::RefCell<Option<leverage::TrafficKey>>,
}

#[derive(Debug)]
struct HistoryKey {
    today: livetrust_core::model::LocalDate,
    signals: livetrust_core::preview::AudienceSignals,
    history: livetrust_core::preview::AudienceHistory,
}

/// An optional `IndexConfig` from JavaScript: `undefined` or `null` is the default; anything else
/// must be a (possibly partial) config, and a bad field is named in the thrown error.
fn config_from(value: JsValue) -> Result<IndexConfig, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(IndexConfig::default());
    }
    let config: IndexConfig = error::from_js(value, Mistake::Field)?;
    config.validate().map_err(error::to_js)?;
    Ok(config)
}

#[wasm_bindgen]
impl Market {
    /// Imports files (as for `validate`), keeping the valid records.
    #[wasm_bindgen(js_name = fromFiles)]
    pub fn from_files(input: Ts<ValidateInput>) -> Result<Market, JsValue> {
        let imported = import_input(input, true)?;
        Ok(Market {
            dataset: imported.dataset,
            import_report: imported.report,
            cached: std::cell::RefCell::new(None),
            history: std::cell::RefCell::new(None),
            traffic: std::cell::RefCell::new(None),
        })
    }

    /// What the import accepted and skipped.
    #[wasm_bindgen(js_name = importReport)]
    pub fn import_report(&self) -> Result<Ts<ImportReport>, JsValue> {
        error::output(self.import_report.into_ts())
    }

    /// Ids of the merchants, in file order.
    #[wasm_bindgen(js_name = merchantIds)]
    pub fn merchant_ids(&self) -> Vec<String> {
        self.dataset
            .merchants
            .iter()
            .map(|m| m.id.clone())
            .collect()
    }

    /// The index report of one merchant. `asOf` (YYYY-MM-DD) defaults to the day after the latest
    /// order, as in the CLI; `config` (absent fields take the defaults) as the CLI's `--config`.
    #[wasm_bindgen(js_name = indexReport)]
    pub fn index_report(
        &self,
        merchant_id: &str,
        as_of: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "IndexConfig")] config: JsValue,
    ) -> Result<Ts<livetrust_core::index::IndexReport>, JsValue> {
        let config = config_from(config)?;
        self.with_index(as_of, &config, |market| market.report(merchant_id, &config))
            .and_then(|r| error::output(r.into_ts()))
    }

    /// The repeat-buyer reviews (回头客说) of one merchant: the reviews shown, the aspect tags with
    /// their counts, and what was left out and why — the CLI's `reviews`. `asOf` as for
    /// `indexReport`; `config` a (possibly partial) `ReviewsConfig`.
    #[wasm_bindgen(js_name = repeatBuyerReviews)]
    pub fn repeat_buyer_reviews(
        &self,
        merchant_id: &str,
        as_of: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "ReviewsConfig")] config: JsValue,
    ) -> Result<Ts<livetrust_core::reviews::ReviewsReport>, JsValue> {
        use livetrust_core::reviews::repeat_buyer_reviews;
        let config = reviews_config_from(config)?;
        let as_of = self
            .dataset
            .as_of_or_default(as_of.as_deref())
            .map_err(error::to_js)?;
        let report = repeat_buyer_reviews(
            &self.dataset,
            merchant_id,
            as_of,
            &config,
            &IndexConfig::default(),
        )
        .map_err(error::to_js)?;
        error::output(report.into_ts())
    }

    /// A live preview with this data: proposed (`generate`, around `draft` when given, keeping
    /// its edited fields), checked against the catalogue, and its audience package — the CLI's
    /// `preview --data`. The buyer history is kept between calls of the same day and signals.
    #[wasm_bindgen(js_name = preview)]
    pub fn preview(
        &self,
        request: Ts<livetrust_core::preview::PreviewRequest>,
    ) -> Result<Ts<livetrust_core::preview::PreviewOutcome>, JsValue> {
        let request: livetrust_core::preview::PreviewRequest =
            error::from_js(request.into(), Mistake::Field)?;
        let signals = request.signals.clone().unwrap_or_default();
        let outcome = self.with_history(request.now.local_date(), &signals, |history| {
            livetrust_core::preview::run(&request, Some(&self.dataset), Some(history))
        })?;
        error::output(outcome.into_ts())
    }

    /// The ids of the live sessions, in start order.
    #[wasm_bindgen(js_name = liveSessionIds)]
    pub fn live_session_ids(&self) -> Vec<String> {
        self.dataset
            .live_sessions
            .iter()
            .map(|s| s.id.clone())
            .collect()
    }

    /// One merchant's tallies and its category's peers: what another page needs to place the
    /// merchant with `placeMerchant` or explore it with `whatIf`, without the records. A
    /// `config` given here travels with the placement.
    #[wasm_bindgen(js_name = placement)]
    pub fn placement(
        &self,
        merchant_id: &str,
        as_of: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "IndexConfig")] config: JsValue,
    ) -> Result<Ts<livetrust_core::index::PlacementInput>, JsValue> {
        let explicit = !(config.is_undefined() || config.is_null());
        let config = config_from(config)?;
        self.with_index(as_of, &config, |market| {
            let i = market
                .merchants
                .iter()
                .position(|m| m.merchant_id == merchant_id)
                .ok_or_else(|| {
                    livetrust_core::Error::invalid_field(
                        "merchantId",
                        format!("no merchant `{merchant_id}` in the data"),
                    )
                })?;
            Ok(livetrust_core::index::PlacementInput {
                as_of: market.as_of,
                merchant: market.merchants[i].clone(),
                peers: market.peers(&market.merchant_categories[i])?.clone(),
                config: explicit.then(|| config.clone()),
            })
        })
        .and_then(|p| error::output(p.into_ts()))
    }
}

impl Market {
    fn with_history<T>(
        &self,
        today: livetrust_core::model::LocalDate,
        signals: &livetrust_core::preview::AudienceSignals,
        f: impl FnOnce(&livetrust_core::preview::AudienceHistory) -> livetrust_core::Result<T>,
    ) -> Result<T, JsValue> {
        let mut cached = self.history.borrow_mut();
        if cached
            .as_ref()
            .is_none_or(|k| k.today != today || &k.signals != signals)
        {
            let history = livetrust_core::preview::AudienceHistory::from_dataset(
                &self.dataset,
                today,
                signals,
            )
            .map_err(error::to_js)?;
            *cached = Some(HistoryKey {
                today,
                signals: signals.clone(),
                history,
            });
        }
        match cached.as_ref() {
            Some(k) => f(&k.history).map_err(error::to_js),
            None => Err(error::to_js(livetrust_core::Error::InvalidInput {
                message: "the audience history could not be built".into(),
            })),
        }
    }

    fn with_index<T>(
        &self,
        as_of: Option<String>,
        config: &IndexConfig,
        f: impl FnOnce(&MarketIndex) -> livetrust_core::Result<T>,
    ) -> Result<T, JsValue> {
        let as_of = self
            .dataset
            .as_of_or_default(as_of.as_deref())
            .map_err(error::to_js)?;
        let mut cached = self.cached.borrow_mut();
        if cached
            .as_ref()
            .is_none_or(|(c, m)| m.as_of != as_of || c != config)
        {
            let market = livetrust_core::index::market_index(&self.dataset, as_of, config)
                .map_err(error::to_js)?;
            *cached = Some((config.clone(), market));
        }
        match cached.as_ref() {
            Some((_, market)) => f(market).map_err(error::to_js),
            None => Err(error::to_js(livetrust_core::Error::InvalidInput {
                message: "the index could not be computed".into(),
            })),
        }
    }
}

/// Places one merchant against its category's peers from serializable tallies and peers (as
/// `Market.placement` returns them): the same report the full computation gives.
#[wasm_bindgen(js_name = placeMerchant)]
pub fn place_merchant(
    placement: Ts<livetrust_core::index::PlacementInput>,
) -> Result<Ts<livetrust_core::index::IndexReport>, JsValue> {
    let placement: livetrust_core::index::PlacementInput =
        error::from_js(placement.into(), Mistake::Shape)?;
    let report = livetrust_core::index::place_merchant(&placement).map_err(error::to_js)?;
    error::output(report.into_ts())
}

/// Input of [`what_if`].
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WhatIfInput {
    pub placement: livetrust_core::index::PlacementInput,
    pub edits: Vec<livetrust_core::index::MetricEdit>,
}

/// Recomputes a merchant's report with edited raw metric values (rates 0–1, hours, minutes).
#[wasm_bindgen(js_name = whatIf)]
pub fn what_if(input: Ts<WhatIfInput>) -> Result<Ts<livetrust_core::index::IndexReport>, JsValue> {
    let input: WhatIfInput = error::from_js(input.into(), Mistake::Shape)?;
    let report =
        livetrust_core::index::what_if(&input.placement, &input.edits).map_err(error::to_js)?;
    error::output(report.into_ts())
}

/// `PreviewProblem` by hand: a field beside the flattened kind (see the core's type).
#[wasm_bindgen(typescript_custom_section)]
const PREVIEW_PROBLEM_TS: &str = r#"
/** One problem of a preview: the field it is about (`items[2].livePriceFen`) and what is wrong. */
export type PreviewProblem = { field: string } & PreviewProblemKind;
"#;

/// Checks a preview without data (the CLI's `preview --draft` alone): every problem with its
/// field. Generation and the audience need a `Market`.
#[wasm_bindgen(js_name = checkPreview)]
pub fn check_preview(
    request: Ts<livetrust_core::preview::PreviewRequest>,
) -> Result<Ts<livetrust_core::preview::PreviewOutcome>, JsValue> {
    let request: livetrust_core::preview::PreviewRequest =
        error::from_js(request.into(), Mistake::Field)?;
    let outcome = livetrust_core::preview::run(&request, None, None).map_err(error::to_js)?;
    error::output(outcome.into_ts())
}

/// A viewer's reservation as an iCalendar file (.ics) in Asia/Shanghai time.
#[wasm_bindgen(js_name = reservationIcs)]
pub fn reservation_ics(
    event: Ts<livetrust_core::preview::CalendarEvent>,
) -> Result<String, JsValue> {
    let event: livetrust_core::preview::CalendarEvent =
        error::from_js(event.into(), Mistake::Field)?;
    livetrust_core::preview::reservation_ics(&event).map_err(error::to_js)
}

/// What a session's start means for its reservations: remind (within an hour of the announced
/// time, both ends included), voided (later), lapsed (earlier). Times are RFC 3339 strings.
#[wasm_bindgen(js_name = reservationOnStart)]
pub fn reservation_on_start(
    announced: &str,
    started: &str,
) -> Result<Ts<livetrust_core::preview::StartDecision>, JsValue> {
    let time = |field: &str, text: &str| {
        text.parse::<livetrust_core::model::Timestamp>()
            .map_err(|reason| error::to_js(livetrust_core::Error::invalid_field(field, reason)))
    };
    let decision =
        livetrust_core::preview::on_start(time("announced", announced)?, time("started", started)?);
    error::output(decision.into_ts())
}

/// A platform's buyer history as columns (typed arrays), ready to score audience packages: the
/// data team's form, for a sample of millions of buyers. Purchase `k` is buyer
/// `purchaseBuyer[k]` (below `buyerCount`) buying `products[purchaseProduct[k]]`
/// `purchaseDaysAgo[k]` days ago at `purchaseUnitPriceFen[k]` a piece; `followers` lists buyer
/// indices; `earlierReservations` is empty or one count per buyer; `buyerIds`, when given, names
/// the buyers in the report (else `#index`).
#[wasm_bindgen]
#[derive(Debug)]
pub struct AudienceHistory {
    history: livetrust_core::preview::AudienceHistory,
}

#[wasm_bindgen]
impl AudienceHistory {
    #[wasm_bindgen(constructor)]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "HistoryProduct[]")] products: JsValue,
        #[wasm_bindgen(js_name = buyerCount)] buyer_count: u32,
        #[wasm_bindgen(js_name = purchaseBuyer)] purchase_buyer: Vec<u32>,
        #[wasm_bindgen(js_name = purchaseProduct)] purchase_product: Vec<u32>,
        #[wasm_bindgen(js_name = purchaseDaysAgo)] purchase_days_ago: Vec<u16>,
        #[wasm_bindgen(js_name = purchaseUnitPriceFen)] purchase_unit_price_fen: Vec<u32>,
        followers: Vec<u32>,
        #[wasm_bindgen(js_name = earlierReservations)] earlier_reservations: Vec<u16>,
        #[wasm_bindgen(js_name = buyerIds)] buyer_ids: Option<Vec<String>>,
    ) -> Result<AudienceHistory, JsValue> {
        let products: Vec<livetrust_core::preview::HistoryProduct> =
            error::from_js(products, Mistake::Field)?;
        let columns = livetrust_core::preview::HistoryColumns {
            buyer_count,
            buyer_ids,
            products,
            purchase_buyer,
            purchase_product,
            purchase_days_ago,
            purchase_unit_price_fen,
            followers,
            earlier_reservations,
        };
        livetrust_core::preview::AudienceHistory::from_columns(columns)
            .map(|history| AudienceHistory { history })
            .map_err(error::to_js)
    }

    /// The audience package for `plan` (products with their live prices, in order); `config` a
    /// (possibly partial) `AudienceConfig`.
    #[wasm_bindgen(js_name = package)]
    pub fn package(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PlannedProduct[]")] plan: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "AudienceConfig")] config: JsValue,
    ) -> Result<Ts<livetrust_core::preview::AudienceReport>, JsValue> {
        let plan: Vec<livetrust_core::preview::PlannedProduct> =
            error::from_js(plan, Mistake::Field)?;
        let config = if config.is_undefined() || config.is_null() {
            livetrust_core::preview::AudienceConfig::default()
        } else {
            error::from_js(config, Mistake::Field)?
        };
        let report = livetrust_core::preview::audience_package(&self.history, &plan, &config)
            .map_err(error::to_js)?;
        error::output(report.into_ts())
    }

    #[wasm_bindgen(getter, js_name = buyerCount)]
    pub fn buyer_count(&self) -> u32 {
        u32::try_from(self.history.buyer_count()).unwrap_or(u32::MAX)
    }
}
