//! "Import data" (导入数据): a merchant loads their own files with a file picker or by dropping
//! them, and sees the validation report. The files are read in the browser and never uploaded.

use gloo_file::futures::read_as_bytes;
use gloo_file::File;
use std::rc::Rc;

use livetrust_core::import::{import_files, ImportOptions, ImportReport, InputFile};
use livetrust_core::model::Dataset;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::import_report::ImportReportView;
use crate::hooks::use_page;
use crate::i18n::Lang;
use crate::state::{AppData, DataContext, Source};

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Reading(usize),
    Done(ImportReport, Rc<Dataset>),
    Failed(String),
}

/// Reads every file, then imports them together (tables may span files).
async fn read_and_import(files: Vec<File>) -> Status {
    let mut inputs = Vec::with_capacity(files.len());
    for file in &files {
        match read_as_bytes(file).await {
            Ok(bytes) => inputs.push(InputFile {
                name: file.name(),
                bytes,
            }),
            Err(e) => return Status::Failed(format!("{}: {e}", file.name())),
        }
    }
    let imported = import_files(&inputs, ImportOptions::default());
    Status::Done(imported.report, Rc::new(imported.dataset))
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(File::from)
        .collect()
}

#[function_component(ImportPage)]
pub fn import_page() -> Html {
    let t = use_context::<Lang>().unwrap_or_default().texts();
    let heading = use_node_ref();
    use_page(t.import_title.to_owned(), heading.clone());
    let status = use_state(|| Status::Idle);
    let ctx = use_context::<DataContext>();
    let navigator = yew_router::prelude::use_navigator();
    let applied = use_state(|| None::<Result<(), String>>);
    let dragging = use_state(|| false);

    let start = {
        let status = status.clone();
        Callback::from(move |files: Vec<File>| {
            if files.is_empty() {
                return;
            }
            status.set(Status::Reading(files.len()));
            let status = status.clone();
            yew::platform::spawn_local(async move {
                status.set(read_and_import(files).await);
            });
        })
    };
    let on_pick = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let input: Option<HtmlInputElement> = e.target_dyn_into();
            start.emit(files_of(input.and_then(|i| i.files())));
        })
    };
    let on_drop = {
        let start = start.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            start.emit(files_of(e.data_transfer().and_then(|d| d.files())));
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };

    let body = match &*status {
        Status::Idle => html! {},
        Status::Reading(n) => html! { <p role="status">{ t.import_reading(*n) }</p> },
        Status::Failed(message) => html! { <p role="alert" class="error">{ message }</p> },
        Status::Done(report, dataset) => {
            // Accepted records can replace the demo: the live room and back office then show them.
            let use_data = {
                let dataset = dataset.clone();
                let ctx = ctx.clone();
                let applied = applied.clone();
                let navigator = navigator.clone();
                Callback::from(move |_: MouseEvent| {
                    let result = AppData::new(Source::Imported, (*dataset).clone())
                        .map(|data| {
                            if let Some(ctx) = &ctx {
                                ctx.replace.emit(Rc::new(data));
                            }
                        })
                        .map_err(|e| e.to_string());
                    let ok = result.is_ok();
                    applied.set(Some(result));
                    if ok {
                        if let Some(nav) = &navigator {
                            nav.push(&crate::app::Route::LiveRoom);
                        }
                    }
                })
            };
            html! {
                <>
                    <ImportReportView report={report.clone()} />
                    if !dataset.orders.is_empty() && !dataset.merchants.is_empty() {
                        <button type="button" class="button use-data" onclick={use_data}>{ t.import_use }</button>
                    }
                    if let Some(Err(e)) = &*applied {
                        <p role="alert" class="error">{ e.clone() }</p>
                    }
                </>
            }
        }
    };
    html! {
        <section aria-labelledby="import-title">
            <h1 id="import-title" ref={heading} tabindex="-1">{ t.import_title }</h1>
            <p class="intro">{ t.import_intro }</p>
            <div
                class={classes!("drop-zone", (*dragging).then_some("dragging"))}
                ondrop={on_drop}
                ondragover={on_drag_over}
                ondragleave={on_drag_leave}
            >
                <label for="import-files" class="button">{ t.import_choose }</label>
                <input id="import-files" type="file" multiple=true class="visually-hidden"
                    accept=".json,.ndjson,.jsonl,.csv" onchange={on_pick} />
                <p class="hint">{ t.import_drop_hint }</p>
                <p class="hint">{ t.import_privacy }</p>
            </div>
            <div aria-live="polite">{ body }</div>
        </section>
    }
}
