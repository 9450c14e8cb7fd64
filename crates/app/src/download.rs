//! Offering text as a file download (a draft the browser cannot keep, exported as JSON).

use wasm_bindgen::JsCast;

/// Offers `body` as a download named `name` of type `mime`; does nothing if the browser refuses.
pub fn offer(name: &str, mime: &str, body: &str) {
    let parts = js_sys::Array::of1(&body.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    // Revoked once the download has started with it, not at once (that would cancel it).
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::from_secs(10)).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
}
