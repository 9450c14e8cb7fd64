//! The merchant's reply editor under one review. What is typed is a draft kept in IndexedDB
//! (`crate::replies`): saved a second after typing stops, when the field loses focus, and when
//! the tab is hidden or closed, so a reload or a crash comes back to it. One tab edits a reply
//! at a time (a Web Lock); another tab shows it read-only and may take it over; a write that
//! finds the record changed by another tab is refused and the merchant chooses which version to
//! keep. When the browser cannot keep the draft (storage full or unavailable) the editor says so
//! and offers the draft as a file.

use std::cell::RefCell;
use std::rc::Rc;

use livetrust_core::reviews::reply::{reply_problem, MAX_REPLY_CHARS};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{Lang, LangTexts};
use crate::replies::{self, Claim, EditLock, Published, ReplyRecord, StoreError};

/// How a button turns the stored record and the typed text into the record to write (`None`:
/// the text cannot be published).
type MakeRecord = dyn Fn(&ReplyRecord, &str) -> Option<ReplyRecord>;

/// Autosave waits this long after the last keystroke.
const AUTOSAVE_MS: u64 = 1000;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ReplyEditorProps {
    /// `replies::key(merchant, review)`.
    pub record_key: String,
    /// The record as the page last loaded it (absent: never written in this browser).
    pub record: Option<ReplyRecord>,
    /// The reply viewers see now, to start editing from when there is no draft.
    pub current: Option<String>,
    /// The editor closes.
    pub on_close: Callback<()>,
}

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Restored,
    Saving,
    Saved(String),
    Published,
    Deleted,
}

/// A write that did not happen, shown until one does: kept apart from the status, so the
/// buttons it offers stay put while a retry is saving.
#[derive(Debug, Clone, PartialEq)]
enum Alert {
    Conflict(ReplyRecord),
    Full,
    Unavailable,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Access {
    Asking,
    Editing,
    /// Another tab edits it.
    Busy,
    /// Another tab took it over from this one.
    Lost,
}

/// What the editor keeps between renders without re-rendering.
#[derive(Debug, Default)]
struct Shared {
    text: String,
    rev: u32,
    base: ReplyRecord,
    dirty: bool,
    generation: u64,
    lock: Option<EditLock>,
}

fn now_time() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// Offers `drafts` (key → text) as a JSON file download, for when the browser cannot keep them.
fn export(drafts: &[(String, String)]) {
    let body = serde_json::to_string_pretty(
        &drafts
            .iter()
            .map(|(k, t)| serde_json::json!({ "key": k, "draft": t }))
            .collect::<Vec<_>>(),
    )
    .unwrap_or_default();
    crate::download::offer("livetrust-reply-drafts.json", "application/json", &body);
}

#[function_component(ReplyEditor)]
pub fn reply_editor(props: &ReplyEditorProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts().reviews;
    let record = props.record.clone().unwrap_or_else(|| ReplyRecord {
        key: props.record_key.clone(),
        ..ReplyRecord::default()
    });
    let initial = record
        .draft
        .clone()
        .or_else(|| props.current.clone())
        .unwrap_or_default();
    let restored = record.draft.is_some();
    let text = use_state(|| initial.clone());
    let status = use_state(|| {
        if restored {
            Status::Restored
        } else {
            Status::Idle
        }
    });
    let access = use_state(|| Access::Asking);
    let problem = use_state(|| None::<String>);
    let alert = use_state(|| None::<Alert>);
    let shared = use_mut_ref(|| Shared {
        text: initial,
        rev: record.rev,
        base: record,
        ..Shared::default()
    });

    {
        // Another tab's write, seen through the page's reload: a tab that is not changing the
        // text follows it (a read-only tab shows the latest; this tab's own write changes
        // nothing).
        let shared = shared.clone();
        let text = text.clone();
        let current = props.current.clone();
        use_effect_with(props.record.clone(), move |record| {
            if let Some(record) = record {
                let mut s = shared.borrow_mut();
                if !s.dirty && record.rev > s.rev {
                    s.rev = record.rev;
                    s.base = record.clone();
                    s.text = record
                        .draft
                        .clone()
                        .or_else(|| record.published.as_ref().map(|p| p.text.clone()))
                        .or(current)
                        .unwrap_or_default();
                    text.set(s.text.clone());
                }
            }
        });
    }

    // Writes the shared text as the draft (if changed); sets the status from the outcome.
    let save_draft: Rc<dyn Fn()> = {
        let shared = shared.clone();
        let status = status.clone();
        let alert = alert.clone();
        Rc::new(move || {
            let (next, expected) = {
                let s = shared.borrow();
                if !s.dirty {
                    return;
                }
                let next = ReplyRecord {
                    draft: Some(s.text.clone()),
                    ..s.base.clone()
                };
                (next, s.rev)
            };
            shared.borrow_mut().dirty = false;
            status.set(Status::Saving);
            let shared = shared.clone();
            let status = status.clone();
            let alert = alert.clone();
            yew::platform::spawn_local(async move {
                let outcome = replies::save(next, expected).await;
                settle(&shared, &status, &alert, outcome, |_| {
                    Status::Saved(now_time())
                });
            });
        })
    };

    {
        // Ask for the lock when the editor opens; release it when it closes.
        let shared = shared.clone();
        let access = access.clone();
        let key = props.record_key.clone();
        use_effect_with(key, move |key| {
            let key = key.clone();
            let lost = {
                let access = access.clone();
                move || access.set(Access::Lost)
            };
            let held = shared.clone();
            yew::platform::spawn_local(async move {
                match replies::claim(&key, false, lost).await {
                    Claim::Held(lock) => {
                        held.borrow_mut().lock = Some(lock);
                        access.set(Access::Editing);
                    }
                    Claim::Busy => access.set(Access::Busy),
                    Claim::Unsupported => access.set(Access::Editing),
                }
            });
            move || {
                shared.borrow_mut().lock = None;
            }
        });
    }
    {
        // A hidden or closing tab saves now; nothing fires on a crash, hence the autosave.
        let save = save_draft.clone();
        use_effect_with((), move |_| {
            let save_hidden = save.clone();
            let on_hidden = Closure::<dyn Fn()>::new(move || {
                if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                    save_hidden();
                }
            });
            let on_pagehide = Closure::<dyn Fn()>::new(move || save());
            let document = gloo::utils::document();
            let window = gloo::utils::window();
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                on_hidden.as_ref().unchecked_ref(),
            );
            let _ = window
                .add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
            move || {
                let _ = document.remove_event_listener_with_callback(
                    "visibilitychange",
                    on_hidden.as_ref().unchecked_ref(),
                );
                let _ = window.remove_event_listener_with_callback(
                    "pagehide",
                    on_pagehide.as_ref().unchecked_ref(),
                );
            }
        });
    }

    let editable = *access == Access::Editing;
    let on_input = {
        let text = text.clone();
        let shared = shared.clone();
        let save = save_draft.clone();
        let problem = problem.clone();
        Callback::from(move |e: InputEvent| {
            let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            let value = area.value();
            let generation = {
                let mut s = shared.borrow_mut();
                s.text = value.clone();
                s.dirty = true;
                s.generation += 1;
                s.generation
            };
            text.set(value);
            problem.set(None);
            let shared = shared.clone();
            let save = save.clone();
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::from_millis(AUTOSAVE_MS)).await;
                if shared.borrow().generation == generation {
                    save();
                }
            });
        })
    };
    let on_blur = {
        let save = save_draft.clone();
        Callback::from(move |_: FocusEvent| save())
    };
    let write = |make: Rc<MakeRecord>, done: Status| {
        let shared = shared.clone();
        let status = status.clone();
        let alert = alert.clone();
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| {
            let (next, expected) = {
                let s = shared.borrow();
                match make(&s.base, &s.text) {
                    Some(next) => (next, s.rev),
                    None => {
                        if let Some(p) = reply_problem(&s.text) {
                            problem.set(Some(lang.texts().reviews.problem(p)));
                        }
                        return;
                    }
                }
            };
            {
                let mut s = shared.borrow_mut();
                s.dirty = false;
                s.generation += 1;
            }
            status.set(Status::Saving);
            let shared = shared.clone();
            let status = status.clone();
            let alert = alert.clone();
            let done = done.clone();
            yew::platform::spawn_local(async move {
                let outcome = replies::save(next, expected).await;
                settle(&shared, &status, &alert, outcome, move |_| done);
            });
        })
    };
    let on_publish = write(
        Rc::new(|base, text| {
            let checked = livetrust_core::reviews::reply::check_reply(text).ok()?;
            Some(ReplyRecord {
                draft: None,
                removed: false,
                published: Some(Published {
                    text: checked.to_owned(),
                    at: js_sys::Date::new_0().to_iso_string().into(),
                }),
                ..base.clone()
            })
        }),
        Status::Published,
    );
    let on_delete = write(
        Rc::new(|base, _| {
            Some(ReplyRecord {
                draft: None,
                published: None,
                removed: true,
                ..base.clone()
            })
        }),
        Status::Deleted,
    );
    let on_discard = {
        let text = text.clone();
        let current = props.current.clone().unwrap_or_default();
        let discard = write(
            Rc::new(|base, _| {
                Some(ReplyRecord {
                    draft: None,
                    ..base.clone()
                })
            }),
            Status::Idle,
        );
        let shared = shared.clone();
        Callback::from(move |e: MouseEvent| {
            discard.emit(e);
            shared.borrow_mut().text = current.clone();
            text.set(current.clone());
        })
    };
    let on_take_over = {
        let access = access.clone();
        let shared = shared.clone();
        let key = props.record_key.clone();
        Callback::from(move |_: MouseEvent| {
            let access = access.clone();
            let shared = shared.clone();
            let key = key.clone();
            yew::platform::spawn_local(async move {
                let lost = {
                    let access = access.clone();
                    move || access.set(Access::Lost)
                };
                match replies::claim(&key, true, lost).await {
                    Claim::Held(lock) => {
                        // The other tab may have saved since: start from what is stored now.
                        shared.borrow_mut().lock = Some(lock);
                        access.set(Access::Editing);
                    }
                    Claim::Busy => access.set(Access::Busy),
                    Claim::Unsupported => access.set(Access::Editing),
                }
            });
        })
    };
    let on_conflict = |keep_mine: bool| {
        let shared = shared.clone();
        let status = status.clone();
        let alert = alert.clone();
        let text = text.clone();
        let save = save_draft.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(Alert::Conflict(theirs)) = (*alert).clone() else {
                return;
            };
            {
                let mut s = shared.borrow_mut();
                s.rev = theirs.rev;
                s.base = theirs.clone();
                if !keep_mine {
                    s.text = theirs
                        .draft
                        .clone()
                        .or_else(|| theirs.published.as_ref().map(|p| p.text.clone()))
                        .unwrap_or_default();
                    text.set(s.text.clone());
                }
                s.dirty = keep_mine;
            }
            alert.set(None);
            if keep_mine {
                save();
            } else {
                status.set(Status::Idle);
            }
        })
    };
    let on_export = {
        let shared = shared.clone();
        let key = props.record_key.clone();
        Callback::from(move |_: MouseEvent| export(&[(key.clone(), shared.borrow().text.clone())]))
    };
    let on_close = {
        let save = save_draft.clone();
        let close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| {
            save();
            close.emit(());
        })
    };

    let field_id = format!("reply-{}", props.record_key.replace('/', "-"));
    let count_id = format!("{field_id}-count");
    let problem_id = format!("{field_id}-problem");
    let chars = text.trim().chars().count();
    let described = if problem.is_some() {
        format!("{count_id} {problem_id}")
    } else {
        count_id.clone()
    };
    let status_line = match &*status {
        Status::Idle => None,
        Status::Restored => Some(html! { <p class="draft-status">{ t.draft_restored }</p> }),
        Status::Saving => Some(html! { <p class="draft-status">{ t.saving }</p> }),
        Status::Saved(at) => Some(html! { <p class="draft-status">{ t.saved_at(at) }</p> }),
        Status::Published => Some(html! { <p class="draft-status ok">{ t.published }</p> }),
        Status::Deleted => Some(html! { <p class="draft-status ok">{ t.deleted }</p> }),
    };
    let alert_line = match &*alert {
        None => None,
        Some(Alert::Conflict(_)) => Some(html! {
            <div class="draft-warning" role="alert">
                <p>{ t.conflict }</p>
                <button type="button" class="load-theirs" onclick={on_conflict(false)}>{ t.load_theirs }</button>
                <button type="button" class="keep-mine" onclick={on_conflict(true)}>{ t.keep_mine }</button>
            </div>
        }),
        Some(kind) => Some(html! {
            <div class="draft-warning" role="alert">
                <p>{ if *kind == Alert::Full { t.full } else { t.unavailable } }</p>
                <button type="button" class="export-drafts" onclick={on_export}>{ t.export }</button>
            </div>
        }),
    };
    let access_line = match *access {
        Access::Busy => Some(html! {
            <div class="draft-warning" role="status">
                <p>{ t.busy }</p>
                <button type="button" class="take-over" onclick={on_take_over.clone()}>{ t.take_over }</button>
            </div>
        }),
        Access::Lost => Some(html! {
            <div class="draft-warning" role="alert">
                <p>{ t.lost }</p>
                <button type="button" class="take-over" onclick={on_take_over}>{ t.take_over }</button>
            </div>
        }),
        Access::Asking | Access::Editing => None,
    };
    html! {
        <div class="reply-editor" data-key={props.record_key.clone()}>
            { for access_line }
            <label for={field_id.clone()} class="reply-field-label">{ t.reply_field }</label>
            <textarea id={field_id} class="reply-field" rows="3" value={(*text).clone()}
                readonly={!editable} aria-describedby={described}
                aria-invalid={problem.is_some().then_some("true")}
                oninput={on_input} onblur={on_blur} />
            <p id={count_id} class={classes!("reply-count", (chars > MAX_REPLY_CHARS).then_some("over"))}>
                { t.chars(chars) }
            </p>
            if let Some(p) = &*problem {
                <p id={problem_id} class="reply-problem" role="alert">{ p }</p>
            }
            <div class="reply-actions">
                <button type="button" class="publish" disabled={!editable} onclick={on_publish}>{ t.publish }</button>
                <button type="button" class="discard" disabled={!editable} onclick={on_discard}>{ t.discard_draft }</button>
                if props.current.is_some() {
                    <button type="button" class="delete-reply" disabled={!editable} onclick={on_delete}>{ t.delete_reply }</button>
                }
                <button type="button" class="close-editor" onclick={on_close}>{ t.close }</button>
            </div>
            // Below the buttons: the autosave that starts when the field loses focus (to a button)
            // must not move the button under the pointer.
            <div class="draft-line" aria-live="polite">{ for status_line }</div>
            { for alert_line }
        </div>
    }
}

/// Applies a write's outcome: the new revision, or the conflict, or the storage problem.
fn settle(
    shared: &Rc<RefCell<Shared>>,
    status: &UseStateHandle<Status>,
    alert: &UseStateHandle<Option<Alert>>,
    outcome: Result<ReplyRecord, StoreError>,
    done: impl FnOnce(&ReplyRecord) -> Status,
) {
    let failed = match outcome {
        Ok(stored) => {
            let mut s = shared.borrow_mut();
            s.rev = stored.rev;
            s.base = stored.clone();
            status.set(done(&stored));
            alert.set(None);
            return;
        }
        Err(StoreError::Conflict(theirs)) => Alert::Conflict(theirs),
        Err(StoreError::Full) => Alert::Full,
        Err(StoreError::Unavailable(_)) => Alert::Unavailable,
    };
    // Not written: the text stays to be written by the next save.
    shared.borrow_mut().dirty = true;
    status.set(Status::Idle);
    alert.set(Some(failed));
}
