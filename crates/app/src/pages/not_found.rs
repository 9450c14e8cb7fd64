//! Fallback for unknown addresses.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::use_page;
use crate::i18n::{Lang, LangTexts};

#[function_component(NotFound)]
pub fn not_found() -> Html {
    let t = use_context::<Lang>().unwrap_or_default().texts();
    let heading = use_node_ref();
    use_page(t.not_found.to_owned(), heading.clone());
    html! {
        <section>
            <h1 ref={heading} tabindex="-1">{ t.not_found }</h1>
            <Link<Route> to={Route::LiveRoom} classes="button">{ t.back_home }</Link<Route>>
        </section>
    }
}
