//! Which data the app shows: the demo (generated in this browser) or the merchant's own files
//! (kept in this browser), with the way to the other.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::i18n::{Lang, LangTexts};
use crate::state::{DataContext, Source};

#[function_component(SourceBanner)]
pub fn source_banner() -> Html {
    let t = use_context::<Lang>().unwrap_or_default().texts();
    // On the import page itself a link to it would lead nowhere.
    let on_import_page = use_route::<Route>() == Some(Route::Import);
    let Some(ctx) = use_context::<DataContext>() else {
        return html! {};
    };
    // Until the data are known the banner keeps its place (saying so), so the page below does
    // not move when they arrive.
    let Some(view) = ctx.live.as_ref() else {
        return html! {
            <p class="source-banner pending" data-source="pending">{ t.source_pending }</p>
        };
    };
    let merchants = view.merchants;
    match view.source {
        Source::Demo { .. } => html! {
            <p class="source-banner" data-source="demo">
                { t.source_demo(merchants) }
                if !on_import_page {
                    { " " }
                    <Link<Route> to={Route::Import}>{ t.source_import_own }</Link<Route>>
                }
            </p>
        },
        Source::Imported { files, kept } => {
            let back = {
                let use_demo = ctx.use_demo.clone();
                Callback::from(move |_: MouseEvent| use_demo.emit(()))
            };
            html! {
                <p class="source-banner imported" data-source="imported">
                    { t.source_imported(merchants, files, kept) }
                    { " " }
                    <button type="button" class="secondary" onclick={back}>{ t.source_back_to_demo }</button>
                </p>
            }
        }
    }
}
