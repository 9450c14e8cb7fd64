//! The audience package off the page's thread: the messages between the preview editor and the
//! app's worker (`src/bin/livetrust-worker.rs`), and the page's handle on a worker of its own.
//!
//! The page sends `{kind: "audience", seq, request, data?}` as JSON — `data` (the demo's seed,
//! or the imported dataset) only with the first request — and the worker answers `{kind:
//! "audience", seq, report?, error?}`, computed by the core's `preview::run` with the buyer
//! history kept between requests. The page shows the answer of its latest `seq` only, so a
//! merchant editing quickly never sees an older plan's package.

use std::cell::RefCell;
use std::rc::Rc;

use livetrust_core::model::Dataset;
use livetrust_core::preview::{AudienceReport, PreviewRequest};
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Which marketplace the worker scores.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum AudienceData {
    /// The embedded demo (`state::demo_config`): the worker generates the same data itself.
    Demo,
    /// The merchant's imported records.
    Dataset { dataset: Box<Dataset> },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ToWorker {
    Audience {
        seq: u32,
        request: PreviewRequest,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        data: Option<AudienceData>,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum FromWorker {
    Ready,
    Audience {
        seq: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        report: Option<Box<AudienceReport>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    },
}

/// What the worker keeps between requests: the marketplace and its buyer history per day.
#[derive(Debug, Default)]
pub struct WorkerState {
    dataset: Option<Dataset>,
    history: Option<(
        livetrust_core::model::LocalDate,
        livetrust_core::preview::AudienceSignals,
        livetrust_core::preview::AudienceHistory,
    )>,
}

impl WorkerState {
    /// Answers one message (the worker's side).
    pub fn answer(&mut self, message: ToWorker) -> FromWorker {
        let ToWorker::Audience { seq, request, data } = message;
        let failed = |error: String| FromWorker::Audience {
            seq,
            report: None,
            error: Some(error),
        };
        match data {
            Some(AudienceData::Demo) => {
                match livetrust_core::generate::generate(&crate::state::demo_config()) {
                    Ok(d) => self.set(d),
                    Err(e) => return failed(e.to_string()),
                }
            }
            Some(AudienceData::Dataset { dataset }) => self.set(*dataset),
            None => {}
        }
        let Some(dataset) = self.dataset.as_ref() else {
            return failed("no data was sent".to_owned());
        };
        let today = request.now.local_date();
        let signals = request.signals.clone().unwrap_or_default();
        let stale = self
            .history
            .as_ref()
            .is_none_or(|(d, s, _)| *d != today || *s != signals);
        if stale {
            match livetrust_core::preview::AudienceHistory::from_dataset(dataset, today, &signals) {
                Ok(h) => self.history = Some((today, signals, h)),
                Err(e) => return failed(e.to_string()),
            }
        }
        let history = self.history.as_ref().map(|(_, _, h)| h);
        match livetrust_core::preview::run(&request, Some(dataset), history) {
            Ok(outcome) => FromWorker::Audience {
                seq,
                report: outcome.audience.map(Box::new),
                error: None,
            },
            Err(e) => failed(e.to_string()),
        }
    }

    fn set(&mut self, dataset: Dataset) {
        self.dataset = Some(dataset);
        self.history = None;
    }
}

/// The page's worker: messages wait until it is ready; replies go to `on_reply`.
pub struct AudienceWorker {
    worker: web_sys::Worker,
    ready: Rc<RefCell<bool>>,
    queued: Rc<RefCell<Option<ToWorker>>>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl AudienceWorker {
    /// Starts a worker (None when the browser cannot); `on_fail` is told if it cannot run.
    pub fn spawn(
        on_reply: impl Fn(FromWorker) + 'static,
        on_fail: impl Fn(String) + 'static,
    ) -> Option<Self> {
        let base = gloo::utils::document().base_uri().ok().flatten()?;
        let url = web_sys::Url::new_with_base("livetrust-worker_loader.js", &base).ok()?;
        let worker = web_sys::Worker::new(&url.href()).ok()?;
        let ready = Rc::new(RefCell::new(false));
        let queued: Rc<RefCell<Option<ToWorker>>> = Rc::new(RefCell::new(None));
        let on_fail = Rc::new(on_fail);
        let (sender, is_ready, waiting, failed) = (
            worker.clone(),
            ready.clone(),
            queued.clone(),
            on_fail.clone(),
        );
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let text = e.data().as_string().unwrap_or_default();
                match serde_json::from_str::<FromWorker>(&text) {
                    Ok(FromWorker::Ready) => {
                        *is_ready.borrow_mut() = true;
                        let waiting = waiting.borrow_mut().take();
                        if let Some(message) = waiting {
                            let sent = serde_json::to_string(&message)
                                .is_ok_and(|text| sender.post_message(&text.into()).is_ok());
                            if !sent {
                                failed("the worker refused the request".to_owned());
                            }
                        }
                    }
                    Ok(reply) => on_reply(reply),
                    Err(e) => failed(format!("the worker's reply could not be read: {e}")),
                }
            });
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            on_fail("the worker stopped".to_owned())
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(AudienceWorker {
            worker,
            ready,
            queued,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends `message` now, or when the worker is ready. A later message replaces a waiting one
    /// and inherits its data, which only the first message carries.
    pub fn send(&self, message: &ToWorker) -> bool {
        if *self.ready.borrow() {
            return serde_json::to_string(message)
                .is_ok_and(|text| self.worker.post_message(&text.into()).is_ok());
        }
        let mut queued = self.queued.borrow_mut();
        let ToWorker::Audience { seq, request, data } = message;
        let data = data.clone().or_else(|| match queued.take() {
            Some(ToWorker::Audience { data, .. }) => data,
            None => None,
        });
        *queued = Some(ToWorker::Audience {
            seq: *seq,
            request: request.clone(),
            data,
        });
        true
    }
}

impl Drop for AudienceWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl std::fmt::Debug for AudienceWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AudienceWorker").finish_non_exhaustive()
    }
}
