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

/// The merchant's reply records kept in this browser (all merchants' for `""`), by key: loaded
/// when the page opens and again whenever another tab writes one. `None` until loaded, and when
/// the browser cannot read them (the data's own replies are shown then).
#[hook]
pub fn use_reply_records(
    merchant: String,
) -> Option<std::rc::Rc<std::collections::HashMap<String, crate::replies::ReplyRecord>>> {
    use crate::replies;
    let records = use_state(|| None);
    let version = use_state(|| 0u32);
    let counter = use_mut_ref(|| 0u32);
    {
        let version = version.clone();
        // Kept alive as long as the page: other tabs' writes bump the version.
        let _listener = use_memo((), move |_| {
            replies::Changes::listen(move |_| {
                let next = counter.borrow().wrapping_add(1);
                *counter.borrow_mut() = next;
                version.set(next);
            })
        });
    }
    {
        let records = records.clone();
        use_effect_with((merchant, *version), move |(merchant, _)| {
            let merchant = merchant.clone();
            yew::platform::spawn_local(async move {
                if let Ok(list) = replies::load_all(&merchant).await {
                    let map = list.into_iter().map(|r| (r.key.clone(), r)).collect();
                    records.set(Some(std::rc::Rc::new(map)));
                }
            });
        });
    }
    (*records).clone()
}

/// Asks for the whole marketplace once, when the page mounts without it (the back office's pages
/// need every record; the live room does not).
#[hook]
pub fn use_need_data(ctx: Option<&crate::state::DataContext>) {
    let need = ctx
        .filter(|c| c.data.is_none())
        .map(|c| c.need_data.clone());
    use_effect_with((), move |_| {
        if let Some(need) = need {
            need.emit(());
        }
    });
}
