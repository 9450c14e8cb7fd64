//! The app's Web Worker (built by Trunk from www/index.html's `data-type="worker"` link): generates
//! the demo marketplace and computes its index off the page's thread, then answers with the live
//! room's view as JSON (`live_view::WorkerReply`); and scores the preview editor's audience
//! packages (`audience_worker::ToWorker`). The page asks once it heard `ready`.

use std::cell::RefCell;

use livetrust_app::audience_worker::{ToWorker, WorkerState};
use livetrust_app::live_view::{DemoTimings, LiveRoomView, WorkerReply, DEMO_REQUEST};
use livetrust_app::state::{demo_config, AppData, Source};
use livetrust_core::generate::generate;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn post(scope: &web_sys::DedicatedWorkerGlobalScope, reply: &WorkerReply) {
    // Serialising plain report data cannot fail; an empty reply would say so by not parsing.
    let json = serde_json::to_string(reply).unwrap_or_default();
    let _ = scope.post_message(&JsValue::from_str(&json));
}

thread_local! {
    static AUDIENCE: RefCell<WorkerState> = RefCell::new(WorkerState::default());
}

fn answer(scope: &web_sys::DedicatedWorkerGlobalScope, request: &str) {
    if request.starts_with('{') {
        if let Ok(message) = serde_json::from_str::<ToWorker>(request) {
            let reply = AUDIENCE.with(|state| state.borrow_mut().answer(message));
            let json = serde_json::to_string(&reply).unwrap_or_default();
            let _ = scope.post_message(&JsValue::from_str(&json));
            return;
        }
    }
    post(scope, &live_room(request));
}

fn live_room(request: &str) -> WorkerReply {
    if request != DEMO_REQUEST {
        return WorkerReply::Failed {
            error: ["unknown request: ", request].concat(),
        };
    }
    let t0 = js_sys::Date::now();
    let config = demo_config();
    let data = generate(&config).and_then(|dataset| {
        let t1 = js_sys::Date::now();
        let source = Source::Demo {
            seed: config.seed,
            merchants: config.merchants,
        };
        AppData::new(source, dataset).map(|d| (d, t1))
    });
    match data {
        Ok((data, t1)) => {
            let t2 = js_sys::Date::now();
            let view = LiveRoomView::of(&data);
            let t3 = js_sys::Date::now();
            WorkerReply::LiveRoom {
                view,
                timings: DemoTimings {
                    generate_ms: t1 - t0,
                    index_ms: t2 - t1,
                    view_ms: t3 - t2,
                },
            }
        }
        Err(e) => WorkerReply::Failed {
            error: e.to_string(),
        },
    }
}

fn main() {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_scope = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let request = e.data().as_string().unwrap_or_default();
            answer(&reply_scope, &request);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &WorkerReply::Ready);
}
