//! "Import data" (导入数据): a merchant loads their own files with a file picker or by dropping
//! them — picks add up, each file can be removed — and sees the validation report, which tables
//! an index still needs, and the index computed from them. The files are read in the browser and
//! never uploaded; once used they are kept in this browser (IndexedDB) until the merchant goes
//! back to the demo. The session stays while the merchant moves between pages.

use gloo_file::futures::read_as_bytes;
use gloo_file::File;
use std::rc::Rc;

use livetrust_core::import::InputFile;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::import_report::ImportReportView;
use crate::hooks::use_page;
use crate::i18n::{Lang, LangTexts};
use crate::problem_text::table_name;
use crate::state::{AppData, DataContext, ImportSession, Source};
use crate::storage;

/// Reads picked files into memory.
async fn read_all(files: Vec<File>) -> Result<Vec<InputFile>, String> {
    let mut out = Vec::with_capacity(files.len());
    for file in &files {
        let bytes = read_as_bytes(file)
            .await
            .map_err(|e| format!("{}: {e}", file.name()))?;
        out.push(InputFile {
            name: file.name(),
            bytes,
        });
    }
    Ok(out)
}

/// The session's files with `added` merged in: a file of the same name is replaced (a corrected
/// file picked again), the rest are appended.
fn merged(current: &[InputFile], added: Vec<InputFile>) -> Vec<InputFile> {
    let mut files: Vec<InputFile> = current
        .iter()
        .filter(|f| !added.iter().any(|a| a.name == f.name))
        .cloned()
        .collect();
    files.extend(added);
    files
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

fn size_text(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
    } else if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

#[function_component(ImportPage)]
pub fn import_page() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let heading = use_node_ref();
    use_page(t.import_title.to_owned(), heading.clone());
    let ctx = use_context::<DataContext>();
    let session = ctx.as_ref().and_then(|c| c.import.clone());
    let reading = use_state(|| None::<usize>);
    let failure = use_state(|| None::<String>);
    let failed = use_state(|| None::<String>);
    let navigator = yew_router::prelude::use_navigator();
    let dragging = use_state(|| false);

    let set_files = {
        let ctx = ctx.clone();
        Callback::from(move |files: Vec<InputFile>| {
            if let Some(ctx) = &ctx {
                ctx.set_import.emit(if files.is_empty() {
                    None
                } else {
                    Some(Rc::new(ImportSession::of(files)))
                });
            }
        })
    };
    let add = {
        let reading = reading.clone();
        let failure = failure.clone();
        let session = session.clone();
        let set_files = set_files.clone();
        Callback::from(move |picked: Vec<File>| {
            if picked.is_empty() {
                return;
            }
            reading.set(Some(picked.len()));
            let (reading, failure, set_files) =
                (reading.clone(), failure.clone(), set_files.clone());
            let current = session
                .as_ref()
                .map(|s| s.files.clone())
                .unwrap_or_default();
            yew::platform::spawn_local(async move {
                match read_all(picked).await {
                    Ok(added) => {
                        failure.set(None);
                        set_files.emit(merged(&current, added));
                    }
                    Err(e) => failure.set(Some(e)),
                }
                reading.set(None);
            });
        })
    };
    let on_pick = {
        let add = add.clone();
        Callback::from(move |e: Event| {
            let input: Option<HtmlInputElement> = e.target_dyn_into();
            add.emit(files_of(input.as_ref().and_then(|i| i.files())));
            // The same file can be picked again after a fix.
            if let Some(input) = input {
                input.set_value("");
            }
        })
    };
    let on_drop = {
        let add = add.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            add.emit(files_of(e.data_transfer().and_then(|d| d.files())));
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

    let body = match (&*reading, &*failure, &session) {
        (Some(n), _, _) => html! { <p role="status">{ t.import_reading(*n) }</p> },
        (None, Some(message), _) => html! { <p role="alert" class="error">{ message.clone() }</p> },
        (None, None, None) => html! {},
        (None, None, Some(s)) => {
            let missing = s.missing_tables();
            let can_compute = missing.is_empty();
            let compute = {
                let s = s.clone();
                let ctx = ctx.clone();
                let failed = failed.clone();
                let navigator = navigator.clone();
                Callback::from(move |_: MouseEvent| {
                    let (s, ctx, failed, navigator) =
                        (s.clone(), ctx.clone(), failed.clone(), navigator.clone());
                    yew::platform::spawn_local(async move {
                        // Kept first, so that the banner can say truthfully whether a reload
                        // brings the files back.
                        let kept = storage::save(&s.files).await.is_ok();
                        let source = Source::Imported {
                            files: s.files.len(),
                            kept,
                        };
                        match AppData::new(source, (*s.dataset).clone()) {
                            Ok(data) => {
                                if let Some(ctx) = &ctx {
                                    ctx.replace.emit(Rc::new(data));
                                }
                                if let Some(nav) = &navigator {
                                    nav.push(&crate::app::Route::LiveRoom);
                                }
                            }
                            Err(e) => failed.set(Some(e.to_string())),
                        }
                    });
                })
            };
            let clear = {
                let set_files = set_files.clone();
                Callback::from(move |_: MouseEvent| set_files.emit(Vec::new()))
            };
            let missing_names: Vec<&str> = missing.iter().map(|&x| table_name(lang, x)).collect();
            html! {
                <>
                    <ul class="picked-files" aria-label={t.import_picked}>
                        { for s.files.iter().map(|f| {
                            let remove = {
                                let name = f.name.clone();
                                let files = s.files.clone();
                                let set_files = set_files.clone();
                                Callback::from(move |_: MouseEvent| {
                                    set_files.emit(files.iter().filter(|x| x.name != name).cloned().collect());
                                })
                            };
                            html! {
                                <li data-file={f.name.clone()}>
                                    <span class="file-name">{ &f.name }</span>
                                    <span class="file-size">{ size_text(f.bytes.len()) }</span>
                                    <button type="button" class="secondary remove" onclick={remove}
                                        aria-label={t.import_remove(&f.name)}>{ t.import_remove_short }</button>
                                </li>
                            }
                        }) }
                    </ul>
                    <button type="button" class="secondary clear-files" onclick={clear}>{ t.import_clear }</button>
                    <ImportReportView report={s.report.clone()} />
                    <div class="compute">
                        <button type="button" class="button use-data" onclick={compute}
                            disabled={!can_compute} aria-describedby={(!can_compute).then_some("compute-why")}>
                            { t.import_use }
                        </button>
                        if !can_compute {
                            <p id="compute-why" class="hint">{ t.import_missing(&missing_names.join(if lang == Lang::Zh { "、" } else { ", " })) }</p>
                        }
                    </div>
                    if let Some(e) = &*failed {
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
