//! A recording the user picks from their disk, played through an object URL (nothing is
//! uploaded): the clip page's preview player and the viewer's room both take one.

use wasm_bindgen::JsCast;

/// The object URL of a picked file, revoked when it is replaced or dropped.
#[derive(Debug)]
pub struct LocalMedia {
    pub url: String,
    pub name: String,
}

impl LocalMedia {
    /// The file picked in the `<input type="file">` that fired `e`; none when nothing was picked
    /// or the browser gives no URL.
    pub fn picked(e: &yew::Event) -> Option<LocalMedia> {
        let input = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
        let file = input.files().and_then(|f| f.get(0))?;
        let url = web_sys::Url::create_object_url_with_blob(&file).ok()?;
        Some(LocalMedia {
            url,
            name: file.name(),
        })
    }
}

impl Drop for LocalMedia {
    fn drop(&mut self) {
        let _ = web_sys::Url::revoke_object_url(&self.url);
    }
}
