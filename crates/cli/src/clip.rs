//! `livetrust clip`: plans a lead-in clip from a session file (a `ClipSource`, or a bare live
//! session) or from a dataset's session, and prints it in the chosen export format — the same
//! JSON as the wasm `planClip`, the same files as `exportClip`.

use std::path::Path;

use livetrust_core::clip::{self, ClipRequest, ClipSource, ExportFormat};
use livetrust_core::model::LiveSession;
use livetrust_core::Error;

use super::{load_records, read_json_named, Failure};

pub struct ClipOptions<'a> {
    pub session: Option<&'a Path>,
    pub data: Option<&'a Path>,
    pub session_id: Option<&'a str>,
    pub request: Option<&'a Path>,
    pub budget_ms: Option<u32>,
    pub at_second: Option<u32>,
    pub lang: Option<&'a str>,
    pub format: &'a str,
    pub media: &'a str,
}

pub fn run(o: &ClipOptions) -> Result<String, Failure> {
    let format = ExportFormat::parse(o.format).ok_or_else(|| {
        Failure::from(Error::invalid_field(
            "format",
            "must be one of json, otio, edl, vtt, ffconcat",
        ))
    })?;
    let source = match (o.session, o.data, o.session_id) {
        (Some(path), None, None) => read_source(path)?,
        (None, Some(data), Some(id)) => ClipSource::from_dataset(&load_records(data)?, id)?,
        _ => {
            return Err(Failure::from(Error::invalid_field(
                "session",
                "give either --session FILE, or --data DIR with --session-id ID",
            )))
        }
    };
    let mut request: ClipRequest = match o.request {
        Some(path) => read_json_named(path, "request")?,
        None => ClipRequest::default(),
    };
    if let Some(b) = o.budget_ms {
        request.budget_ms = b;
    }
    if let Some(at) = o.at_second {
        request.at_second = Some(at);
    }
    if let Some(lang) = o.lang {
        request.lang = serde_json::from_value(serde_json::Value::String(lang.to_owned()))
            .map_err(|_| Failure::from(Error::invalid_field("lang", "must be zh or en")))?;
    }
    let plan = clip::plan(&source, &request)?;
    Ok(clip::export(&plan, format, o.media)?)
}

/// A `ClipSource` (`{"session": …, "products": […]}`), or a bare live session without products.
fn read_source(path: &Path) -> Result<ClipSource, Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| Failure {
        message: format!("cannot read {}: {e}", path.display()),
        typed: None,
        exit_code: 2,
    })?;
    let is_source = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text)
        .is_ok_and(|m| m.contains_key("session"));
    if is_source {
        read_json_named(path, "source")
    } else {
        let session: LiveSession = read_json_named(path, "session")?;
        Ok(ClipSource {
            session,
            products: Vec::new(),
        })
    }
}
