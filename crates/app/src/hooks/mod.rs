//! Hooks shared by the pages: the document title and the focus a route change leaves behind.

use std::cell::Cell;

use yew::prelude::*;

use crate::i18n::{Lang, LangTexts};

thread_local! {
    /// Whether a page has rendered before: the first page keeps the browser's initial focus;
    /// after a route change, focus moves to the new page's heading so keyboard and screen-reader
    /// users start there (instead of on `<body>`).
    static SEEN_A_PAGE: Cell<bool> = const { Cell::new(false) };
}

/// Sets the document title to "`title` · app name" (in the current language) and, after a route
/// change, focuses `heading` (which needs `tabindex="-1"`) as soon as it is rendered: a page that
/// first shows "loading" focuses its heading when its data arrive.
#[hook]
pub fn use_page(title: String, heading: NodeRef) {
    let lang = use_context::<Lang>().unwrap_or_default();
    let app_name = lang.texts().app_name;
    use_effect_with((title, lang), move |(title, _)| {
        gloo::utils::document().set_title(&format!("{title} · {app_name}"));
    });
    let pending = use_mut_ref(|| SEEN_A_PAGE.with(|s| s.replace(true)));
    use_effect(move || {
        if *pending.borrow() {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
                *pending.borrow_mut() = false;
            }
        }
    });
}
