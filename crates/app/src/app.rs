//! Routes and the root component: header with navigation and language switch, then the page.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::lang_switch::LangSwitch;
use crate::i18n::{Lang, LangTexts};
use std::rc::Rc;

use crate::components::source_banner::SourceBanner;
use crate::live_view::{LiveRoomView, Reply, DEMO_REQUEST};
use crate::pages::{
    assistant::AssistantPage, calendar::CalendarPage, clip::ClipPage, coldstart::ColdStartPage,
    import::ImportPage, live_room::LiveRoom, merchant::MerchantPage, not_found::NotFound,
    preview::PreviewPage, reviews::ReviewsPage, room::RoomPage, traffic::TrafficPage,
};
use crate::state::{AppData, DataContext, ImportSession, Source};
use crate::storage;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    LiveRoom,
    #[at("/import")]
    Import,
    #[at("/merchant/:id")]
    Merchant { id: String },
    #[at("/merchant/:id/reviews")]
    Reviews { id: String },
    #[at("/merchant/:id/clip")]
    Clip { id: String },
    #[at("/merchant/:id/assistant")]
    Assistant { id: String },
    #[at("/merchant/:id/preview")]
    Preview { id: String },
    #[at("/merchant/:id/calendar")]
    Calendar { id: String },
    #[at("/merchant/:id/coldstart")]
    ColdStart { id: String },
    #[at("/merchant/:id/traffic")]
    Traffic { id: String },
    /// A viewer's live room: one session replayed.
    #[at("/live/:session")]
    Room { session: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::LiveRoom => html! { <LiveRoom /> },
        Route::Import => html! { <ImportPage /> },
        Route::Merchant { id } => html! { <MerchantPage id={id} /> },
        Route::Reviews { id } => html! { <ReviewsPage id={id} /> },
        Route::Preview { id } => html! { <PreviewPage id={id} /> },
        Route::Clip { id } => html! { <ClipPage id={id} /> },
        Route::Assistant { id } => html! { <AssistantPage id={id} /> },
        Route::Calendar { id } => html! { <CalendarPage id={id} /> },
        Route::ColdStart { id } => html! { <ColdStartPage id={id} /> },
        Route::Traffic { id } => html! { <TrafficPage id={id} /> },
        Route::Room { session } => html! { <RoomPage session={session} /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

#[function_component(App)]
pub fn app() -> Html {
    // The language the viewer chose last time (this browser), Chinese otherwise.
    let lang = use_state(|| stored_lang().unwrap_or_default());
    {
        // Keep <html lang> in step so screen readers pronounce the text in the right language.
        let tag = lang.tag();
        // The start-up shell of index.html goes as soon as the app has rendered.
        use_effect_with((), |_| {
            if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
                boot.remove();
            }
        });
        use_effect_with(tag, |tag| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", tag);
            }
        });
    }
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            store_lang(l);
            lang.set(l);
        })
    };
    let data = use_state(|| None::<Rc<AppData>>);
    let live = use_state(|| None::<Rc<LiveRoomView>>);
    let error = use_state(|| None::<String>);
    let import = use_state(|| None::<Rc<ImportSession>>);
    // Set once the merchant's own data replaced the demo, so a late demo cannot overwrite it.
    let replaced = use_mut_ref(|| false);
    // Set once the demo marketplace is being computed on this thread (a page asked for it).
    let computing = use_mut_ref(|| false);
    // The worker computing the demo's live room, kept alive until it answers.
    let worker = use_mut_ref(|| None::<DemoWorker>);
    // Shows `d`: the whole data, and the live room's view of it.
    let set_data: Rc<dyn Fn(Rc<AppData>)> = {
        let data = data.clone();
        let live = live.clone();
        Rc::new(move |d: Rc<AppData>| {
            live.set(Some(Rc::new(LiveRoomView::of(&d))));
            data.set(Some(d));
        })
    };
    // The demo marketplace on this thread, once: for the pages that need every record.
    let need_data = {
        let set_data = set_data.clone();
        let error = error.clone();
        let replaced = replaced.clone();
        let computing = computing.clone();
        Callback::from(move |()| {
            if *replaced.borrow() || *computing.borrow() {
                return;
            }
            *computing.borrow_mut() = true;
            let set_data = set_data.clone();
            let error = error.clone();
            let replaced = replaced.clone();
            yew::platform::spawn_local(async move {
                // Let the page paint its loading state before the long computation.
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                let demo = AppData::demo();
                if *replaced.borrow() {
                    return;
                }
                match demo {
                    Ok(d) => set_data(Rc::new(d)),
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        })
    };
    {
        // The merchant's kept files if this browser has them; else the demo's live room from the
        // worker (or, if the browser cannot run it, from this thread).
        let set_data = set_data.clone();
        let live = live.clone();
        let error = error.clone();
        let import = import.clone();
        let replaced = replaced.clone();
        let worker = worker.clone();
        let need_data = need_data.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                if let Ok(Some(files)) = storage::load().await {
                    let session = ImportSession::of(files);
                    let count = session.files.len();
                    if let Ok(d) = AppData::new(
                        Source::Imported {
                            files: count,
                            kept: true,
                        },
                        (*session.dataset).clone(),
                    ) {
                        *replaced.borrow_mut() = true;
                        import.set(Some(Rc::new(session)));
                        set_data(Rc::new(d));
                        return;
                    }
                }
                if *replaced.borrow() {
                    return;
                }
                let done = worker.clone();
                let fallback = need_data.clone();
                let spawned = DemoWorker::spawn(
                    move |reply| {
                        match reply {
                            Reply::Ready => return,
                            Reply::LiveRoom(view) => {
                                if !*replaced.borrow() {
                                    live.set(Some(Rc::new(view)));
                                }
                            }
                            Reply::Failed(e) => error.set(Some(e)),
                        }
                        // Answered: the worker (and its copy of the marketplace) can go.
                        if let Some(w) = done.borrow_mut().take() {
                            w.worker.terminate();
                        }
                    },
                    move || fallback.emit(()),
                );
                match spawned {
                    Some(w) => *worker.borrow_mut() = Some(w),
                    None => need_data.emit(()),
                }
            });
        });
    }
    let use_demo = {
        let set_data = set_data.clone();
        let error = error.clone();
        let replaced = replaced.clone();
        let computing = computing.clone();
        Callback::from(move |()| {
            *replaced.borrow_mut() = false;
            *computing.borrow_mut() = true;
            let set_data = set_data.clone();
            let error = error.clone();
            yew::platform::spawn_local(async move {
                // Forget the kept files first: a reload must not bring them back.
                if let Err(e) = storage::clear().await {
                    error.set(Some(e));
                }
                match AppData::demo() {
                    Ok(d) => set_data(Rc::new(d)),
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        })
    };
    let context = DataContext {
        data: (*data).clone(),
        live: (*live).clone(),
        need_data,
        error: (*error).clone(),
        replace: {
            let set_data = set_data.clone();
            Callback::from(move |d: Rc<AppData>| {
                *replaced.borrow_mut() = true;
                set_data(d);
            })
        },
        use_demo,
        import: (*import).clone(),
        set_import: {
            let import = import.clone();
            Callback::from(move |s: Option<Rc<ImportSession>>| import.set(s))
        },
    };
    let t = lang.texts();
    html! {
        <ContextProvider<Lang> context={*lang}>
        <ContextProvider<DataContext> context={context}>
            <BrowserRouter>
                <a class="skip-link" href="#main">{ t.skip_to_content }</a>
                <header class="site-header">
                    <span class="brand">{ t.app_name }</span>
                    <nav aria-label={t.app_name}>
                        <Link<Route> to={Route::LiveRoom}>{ t.nav_live_room }</Link<Route>>
                        <Link<Route> to={Route::Import}>{ t.nav_import }</Link<Route>>
                    </nav>
                    <LangSwitch lang={*lang} on_change={on_lang} />
                </header>
                <main id="main" tabindex="-1">
                    <SourceBanner />
                    <Switch<Route> render={switch} />
                </main>
            </BrowserRouter>
        </ContextProvider<DataContext>>
        </ContextProvider<Lang>>
    }
}

const LANG_KEY: &str = "livetrust.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language stored by [`store_lang`], if any (and storage is allowed).
fn stored_lang() -> Option<Lang> {
    match storage()?.get_item(LANG_KEY).ok().flatten()?.as_str() {
        "en" => Some(Lang::En),
        "zh-CN" => Some(Lang::Zh),
        _ => None,
    }
}

/// Remembers the language across reloads; a browser that refuses storage keeps it per visit.
fn store_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.tag());
    }
}

/// The worker that computes the demo's live room (`src/bin/livetrust-worker.rs`), with the
/// handlers that must live as long as it.
struct DemoWorker {
    worker: web_sys::Worker,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl DemoWorker {
    /// Starts the worker (Trunk's loader shim beside the app, resolved against `<base>` so a
    /// public URL below `/` works); asks for the demo's live room once it is ready. `on_reply`
    /// gets each reply, `on_fail` is called if the worker cannot run. None when workers are
    /// unavailable.
    fn spawn(on_reply: impl Fn(Reply) + 'static, on_fail: impl Fn() + 'static) -> Option<Self> {
        let base = gloo::utils::document().base_uri().ok().flatten()?;
        let url = web_sys::Url::new_with_base("livetrust-worker_loader.js", &base).ok()?;
        let worker = web_sys::Worker::new(&url.href()).ok()?;
        let on_fail = Rc::new(on_fail);
        let sender = worker.clone();
        let failed = on_fail.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let text = e.data().as_string().unwrap_or_default();
                match Reply::read(&text) {
                    Reply::Ready => {
                        if sender
                            .post_message(&wasm_bindgen::JsValue::from_str(DEMO_REQUEST))
                            .is_err()
                        {
                            failed();
                        }
                    }
                    reply => on_reply(reply),
                }
            });
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| on_fail());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(DemoWorker {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }
}

impl std::fmt::Debug for DemoWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DemoWorker").finish_non_exhaustive()
    }
}
