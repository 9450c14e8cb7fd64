//! The app's Web Worker (built by Trunk from www/index.html's `data-type="worker"` link): generates
//! the demo marketplace and computes its index off the page's thread, then answers with the live
//! room's view as JSON (`live_view::WorkerReply`). The page asks once it heard `ready`.

use livetrust_app::live_view::{LiveRoomView, WorkerReply, DEMO_REQUEST};
use livetrust_app::state::AppData;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn post(scope: &web_sys::DedicatedWorkerGlobalScope, reply: &WorkerReply) {
    // Serialising plain report data cannot fail; an empty reply would say so by not parsing.
    let json = serde_json::to_string(reply).unwrap_or_default();
    let _ = scope.post_message(&JsValue::from_str(&json));
}

fn answer(request: &str) -> WorkerReply {
    if request != DEMO_REQUEST {
        return WorkerReply::Failed {
            error: ["unknown request: ", request].concat(),
        };
    }
    match AppData::demo() {
        Ok(data) => WorkerReply::LiveRoom {
            view: LiveRoomView::of(&data),
        },
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
            post(&reply_scope, &answer(&request));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &WorkerReply::Ready);
}
