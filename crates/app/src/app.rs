//! Routes and the root component: header with navigation and language switch, then the page.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::lang_switch::LangSwitch;
use crate::i18n::{Lang, LangTexts};
use std::rc::Rc;

use crate::components::source_banner::SourceBanner;
use crate::pages::{
    import::ImportPage, live_room::LiveRoom, merchant::MerchantPage, not_found::NotFound,
};
use crate::state::{AppData, DataContext, ImportSession, Source};
use crate::storage;

#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    LiveRoom,
    #[at("/import")]
    Import,
    #[at("/merchant/:id")]
    Merchant { id: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::LiveRoom => html! { <LiveRoom /> },
        Route::Import => html! { <ImportPage /> },
        Route::Merchant { id } => html! { <MerchantPage id={id} /> },
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
    let error = use_state(|| None::<String>);
    let import = use_state(|| None::<Rc<ImportSession>>);
    // Set once the merchant's own data replaced the demo, so a late demo cannot overwrite it.
    let replaced = use_mut_ref(|| false);
    {
        // The merchant's kept files if this browser has them, else the demo marketplace, after
        // the first paint.
        let data = data.clone();
        let error = error.clone();
        let import = import.clone();
        let replaced = replaced.clone();
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
                        data.set(Some(Rc::new(d)));
                        return;
                    }
                }
                let demo = AppData::demo();
                if *replaced.borrow() {
                    return;
                }
                match demo {
                    Ok(d) => data.set(Some(Rc::new(d))),
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        });
    }
    let use_demo = {
        let data = data.clone();
        let error = error.clone();
        let replaced = replaced.clone();
        Callback::from(move |()| {
            *replaced.borrow_mut() = false;
            let data = data.clone();
            let error = error.clone();
            yew::platform::spawn_local(async move {
                // Forget the kept files first: a reload must not bring them back.
                if let Err(e) = storage::clear().await {
                    error.set(Some(e));
                }
                match AppData::demo() {
                    Ok(d) => data.set(Some(Rc::new(d))),
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        })
    };
    let context = DataContext {
        data: (*data).clone(),
        error: (*error).clone(),
        replace: {
            let data = data.clone();
            Callback::from(move |d: Rc<AppData>| {
                *replaced.borrow_mut() = true;
                data.set(Some(d));
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
