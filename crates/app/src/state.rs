//! The data the app shows: a marketplace (the embedded demo, or the merchant's own imported files)
//! and its repeat-buyer index, computed once by the core and shared through a context.

use std::rc::Rc;

use livetrust_core::generate::{generate_with_index, GenerateConfig};
use livetrust_core::import::{import_files, ImportOptions, ImportReport, InputFile};
use livetrust_core::index::{market_index, IndexConfig, IndexReport, MarketIndex, PlacementInput};
use livetrust_core::model::{Dataset, Merchant, Table};
use livetrust_core::traffic::{self, TrafficConfig, TrafficModel};
use yew::Callback;

/// Where the data came from, for the page to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(
    rename_all = "camelCase",
    tag = "kind",
    rename_all_fields = "camelCase"
)]
pub enum Source {
    Demo {
        seed: u64,
        merchants: u32,
    },
    /// The merchant's own files; `kept` when this browser stored them (until they choose the
    /// demo again), false when it refused (private mode, full disk): then they last this visit.
    Imported {
        files: usize,
        kept: bool,
    },
}

/// The import page's files and their report, kept while the visitor moves between pages.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportSession {
    pub files: Vec<InputFile>,
    pub report: ImportReport,
    pub dataset: Rc<Dataset>,
}

impl ImportSession {
    /// Imports `files` together (tables may span files).
    pub fn of(files: Vec<InputFile>) -> Self {
        let imported = import_files(&files, ImportOptions::default());
        ImportSession {
            files,
            report: imported.report,
            dataset: Rc::new(imported.dataset),
        }
    }

    /// Tables an index needs that no file gave a valid record of.
    pub fn missing_tables(&self) -> Vec<Table> {
        let d = &self.dataset;
        [
            (Table::Categories, d.categories.is_empty()),
            (Table::Merchants, d.merchants.is_empty()),
            (Table::Products, d.products.is_empty()),
            (Table::Orders, d.orders.is_empty()),
        ]
        .into_iter()
        .filter_map(|(t, missing)| missing.then_some(t))
        .collect()
    }
}

#[derive(Debug)]
pub struct AppData {
    pub source: Source,
    pub dataset: Dataset,
    pub market: MarketIndex,
    pub config: IndexConfig,
    /// One report per merchant, in the dataset's order.
    pub reports: Vec<Rc<IndexReport>>,
    /// The trust-weighted traffic model, fitted on first use (the traffic page and the what-if
    /// panel share it).
    traffic: std::cell::OnceCell<Result<Rc<TrafficModel>, String>>,
}

/// The demo marketplace shipped in the app: generated in the browser from a seed, so it costs
/// the generator's code, not megabytes of data.
pub fn demo_config() -> GenerateConfig {
    GenerateConfig::default()
}

impl AppData {
    pub fn demo() -> Result<Self, livetrust_core::Error> {
        let config = demo_config();
        // The generator computed the index to plant the traffic: taken as it is, not again.
        let (dataset, index) = generate_with_index(&config)?;
        Ok(AppData {
            source: Source::Demo {
                seed: config.seed,
                merchants: config.merchants,
            },
            dataset,
            market: index.market,
            config: IndexConfig::default(),
            reports: index.reports.into_iter().map(Rc::new).collect(),
            traffic: std::cell::OnceCell::new(),
        })
    }

    pub fn new(source: Source, dataset: Dataset) -> Result<Self, livetrust_core::Error> {
        let as_of = dataset.day_after_latest_order().ok_or_else(|| {
            livetrust_core::Error::invalid_field(
                "orders",
                "the data has no orders to compute an index from",
            )
        })?;
        let config = IndexConfig::default();
        let market = market_index(&dataset, as_of, &config)?;
        let reports = market.reports(&config)?.into_iter().map(Rc::new).collect();
        Ok(AppData {
            source,
            dataset,
            market,
            config,
            reports,
            traffic: std::cell::OnceCell::new(),
        })
    }

    /// The trust-weighted traffic model of the data (default settings), or why it cannot be fitted.
    pub fn traffic_model(&self) -> Result<Rc<TrafficModel>, String> {
        self.traffic
            .get_or_init(|| {
                let scores = traffic::scores(self.reports.iter().map(|r| &**r));
                traffic::model(&self.dataset, &scores, &TrafficConfig::default())
                    .map(Rc::new)
                    .map_err(|e| e.to_string())
            })
            .clone()
    }

    pub fn merchant(&self, id: &str) -> Option<(&Merchant, &Rc<IndexReport>)> {
        let i = self.dataset.merchants.iter().position(|m| m.id == id)?;
        Some((&self.dataset.merchants[i], self.reports.get(i)?))
    }

    pub fn category_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.dataset
            .categories
            .iter()
            .find(|c| c.id == id)
            .map_or(id, |c| c.name.as_str())
    }

    /// What `what_if` needs for one merchant.
    pub fn placement(&self, id: &str) -> Option<PlacementInput> {
        let i = self
            .market
            .merchants
            .iter()
            .position(|m| m.merchant_id == id)?;
        Some(PlacementInput {
            as_of: self.market.as_of,
            merchant: self.market.merchants[i].clone(),
            peers: self
                .market
                .peers(&self.market.merchant_categories[i])
                .ok()?
                .clone(),
            config: Some(self.config.clone()),
        })
    }
}

/// The shared state: the data once computed, how to replace it (after an import) or go back to
/// the demo, and the import page's session.
#[derive(Debug, Clone)]
pub struct DataContext {
    /// The whole marketplace and its index; computed on this thread only once a page needs it
    /// (see `need_data`), so the live room never waits for it.
    pub data: Option<Rc<AppData>>,
    /// What the live room shows (from the worker for the demo, from `data` otherwise).
    pub live: Option<Rc<crate::live_view::LiveRoomView>>,
    /// Asks for `data` (the back office needs every record).
    pub need_data: Callback<()>,
    pub error: Option<String>,
    pub replace: Callback<Rc<AppData>>,
    pub use_demo: Callback<()>,
    pub import: Option<Rc<ImportSession>>,
    pub set_import: Callback<Option<Rc<ImportSession>>>,
}

/// Data is compared by identity: a new computation is a new `Rc`, and comparing the reports of
/// every merchant on each render would be wasted work.
impl PartialEq for DataContext {
    fn eq(&self, other: &Self) -> bool {
        let same_data = match (&self.data, &other.data) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        let same_import = match (&self.import, &other.import) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        let same_live = match (&self.live, &other.live) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_data
            && same_live
            && self.need_data == other.need_data
            && same_import
            && self.error == other.error
            && self.replace == other.replace
            && self.use_demo == other.use_demo
            && self.set_import == other.set_import
    }
}
