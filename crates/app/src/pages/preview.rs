//! The merchant's live-preview editor (直播预告): start, length, title and cover text, the plan's
//! products in on-air order with a role, live price, stock and selling line each, a generate
//! button (the core's proposal, keeping whatever the merchant changed), undo and redo, every
//! problem shown at its field, the card as viewers will see it, and the audience package
//! estimated in a worker as the plan changes.
//!
//! Every change is saved to IndexedDB at once (`crate::drafts`), so a reload or a crash loses
//! nothing shown as saved. One tab edits the draft (a Web Lock); another shows it read-only and
//! may take over; a save that finds a newer version from another tab is refused and the
//! merchant chooses; storage that is full or blocked is said plainly, with the draft offered as
//! a JSON file.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::rc::Rc;

use livetrust_core::model::{Product, Timestamp};
use livetrust_core::preview::audience::AudienceReport;
use livetrust_core::preview::generate::default_start;
use livetrust_core::preview::ics::{civil, from_civil};
use livetrust_core::preview::money::{format_yuan, parse_yuan};
use livetrust_core::preview::{
    edited, generate, validate, GenerationNote, Preview, PreviewConfig, PreviewItem,
    PreviewProblem, PreviewRequest, Role,
};
use livetrust_widgets::{PreviewCard, PreviewData};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::audience_worker::{AudienceData, AudienceWorker, FromWorker, ToWorker};
use crate::drafts::{self, DraftDoc, DraftError, DraftRecord};
use crate::hooks::{use_need_data, use_page};
use crate::i18n::{Lang, LangTexts};
use crate::replies::{Claim, EditLock, StoreError};
use crate::state::{AppData, DataContext, Source};

/// One change to the draft, applied by the page's `apply`.
type Change = Box<dyn FnOnce(&mut DraftDoc)>;
type Apply = dyn Fn(Change);

/// Undo keeps this many steps.
const HISTORY: usize = 100;

#[derive(Debug, Properties, PartialEq)]
pub struct PreviewPageProps {
    pub id: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Access {
    Loading,
    Editing,
    /// Another tab edits the draft.
    Busy,
    /// Another tab took it over from this one.
    Lost,
}

#[derive(Debug, Clone, PartialEq)]
enum Saving {
    Idle,
    InProgress,
    Saved,
    Conflict(Option<DraftRecord>),
    Failed(StoreError),
}

#[derive(Debug, Clone, PartialEq)]
enum Audience {
    Empty,
    Working,
    Ready(Rc<AudienceReport>),
    Unavailable(String),
}

/// What the page keeps between renders without re-rendering.
#[derive(Debug, Default)]
struct Shared {
    rev: u32,
    saving: bool,
    pending: Option<DraftDoc>,
    undo: Vec<DraftDoc>,
    redo: Vec<DraftDoc>,
    lock: Option<EditLock>,
    worker: Option<AudienceWorker>,
    sent_data: bool,
    seq: u32,
}

fn now() -> Timestamp {
    Timestamp::from_unix((js_sys::Date::now() / 1000.0).floor() as i64).unwrap_or(Timestamp::EPOCH)
}

fn empty_doc(merchant: &str) -> DraftDoc {
    DraftDoc {
        preview: Preview {
            merchant_id: merchant.to_owned(),
            start: default_start(now(), &PreviewConfig::default()),
            minutes: PreviewConfig::default().default_minutes,
            title: String::new(),
            cover_text: String::new(),
            items: Vec::new(),
            edited: BTreeSet::new(),
        },
        raw: Default::default(),
    }
}

/// `YYYY-MM-DDTHH:MM` in Beijing time, the value of a `datetime-local` input.
fn local_input(t: Timestamp) -> String {
    let (y, mo, d, h, mi, _) = civil(t.unix() + 8 * 3600);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}")
}

fn parse_local_input(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    if b.len() < 16 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| text.get(r)?.parse::<u32>().ok();
    let (y, mo, d, h, mi) = (
        num(0..4)?,
        num(5..7)?,
        num(8..10)?,
        num(11..13)?,
        num(14..16)?,
    );
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 {
        return None;
    }
    let seconds = from_civil(i64::from(y), mo, d, h, mi) - 8 * 3600;
    // A day past the month's end (02-30) would roll over: refuse it.
    let (_, mo2, d2, ..) = civil(seconds + 8 * 3600);
    if (mo2, d2) != (mo, d) {
        return None;
    }
    Timestamp::from_unix(seconds)
}

fn input_value(e: &InputEvent) -> String {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .or_else(|| {
            e.target_dyn_into::<web_sys::HtmlTextAreaElement>()
                .map(|t| t.value())
        })
        .unwrap_or_default()
}

fn select_value(e: &Event) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

fn item_from(product: &Product) -> PreviewItem {
    PreviewItem {
        product_id: product.id.clone(),
        title: product.title.clone(),
        list_price_fen: product.list_price_fen,
        role: Role::Regular,
        live_price_fen: product.list_price_fen,
        stock: None,
        coupon: None,
        copy: String::new(),
    }
}

/// Saves `doc`, one write at a time: a change made while a write is under way is saved after it.
fn persist(
    merchant: String,
    doc: DraftDoc,
    shared: Rc<RefCell<Shared>>,
    saving: UseStateHandle<Saving>,
) {
    {
        let mut s = shared.borrow_mut();
        if s.saving {
            s.pending = Some(doc);
            return;
        }
        s.saving = true;
    }
    saving.set(Saving::InProgress);
    yew::platform::spawn_local(async move {
        let mut next = Some(doc);
        while let Some(doc) = next.take() {
            let expected = shared.borrow().rev;
            match drafts::save(&merchant, &doc, expected).await {
                Ok(record) => {
                    shared.borrow_mut().rev = record.rev;
                    next = shared.borrow_mut().pending.take();
                    if next.is_none() {
                        saving.set(Saving::Saved);
                    }
                }
                Err(DraftError::Conflict(theirs)) => {
                    shared.borrow_mut().pending = None;
                    saving.set(Saving::Conflict(theirs));
                }
                Err(DraftError::Store(e)) => {
                    shared.borrow_mut().pending = None;
                    saving.set(Saving::Failed(e));
                }
            }
        }
        shared.borrow_mut().saving = false;
    });
}

#[function_component(PreviewPage)]
pub fn preview_page(props: &PreviewPageProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let pt = t.preview;
    let ctx = use_context::<DataContext>();
    use_need_data(ctx.as_ref());
    let data: Option<Rc<AppData>> = ctx.and_then(|c| c.data);
    let heading = use_node_ref();
    let doc = use_state(|| None::<DraftDoc>);
    let access = use_state(|| Access::Loading);
    let saving = use_state(|| Saving::Idle);
    let audience = use_state(|| Audience::Empty);
    let notes = use_state(Vec::<GenerationNote>::new);
    let shared = use_mut_ref(Shared::default);
    let tick = use_state(|| 0u32);

    // Load the draft, then ask to edit it.
    {
        let (doc, access, shared, saving) =
            (doc.clone(), access.clone(), shared.clone(), saving.clone());
        use_effect_with(props.id.clone(), move |merchant| {
            let merchant = merchant.clone();
            let alive = Rc::new(Cell::new(true));
            let still = alive.clone();
            yew::platform::spawn_local(async move {
                let loaded = drafts::load(&merchant).await;
                if !still.get() {
                    return;
                }
                match loaded {
                    Ok(Some(record)) => {
                        shared.borrow_mut().rev = record.rev;
                        doc.set(Some(record.read().unwrap_or_else(|| empty_doc(&merchant))));
                    }
                    Ok(None) => doc.set(Some(empty_doc(&merchant))),
                    Err(DraftError::Store(e)) => {
                        saving.set(Saving::Failed(e));
                        doc.set(Some(empty_doc(&merchant)));
                    }
                    Err(DraftError::Conflict(_)) => doc.set(Some(empty_doc(&merchant))),
                }
                let lost_access = access.clone();
                match drafts::claim(&merchant, false, move || lost_access.set(Access::Lost)).await {
                    Claim::Held(lock) => {
                        shared.borrow_mut().lock = Some(lock);
                        access.set(Access::Editing);
                    }
                    Claim::Busy => access.set(Access::Busy),
                    Claim::Unsupported => access.set(Access::Editing),
                }
            });
            move || alive.set(false)
        });
    }
    // Another tab saved: a tab that is not editing shows what it saved.
    {
        let (doc, access, shared) = (doc.clone(), access.clone(), shared.clone());
        use_effect_with(
            (props.id.clone(), (*access).clone()),
            move |(merchant, now)| {
                let watching = *now != Access::Editing;
                let merchant = merchant.clone();
                let listener = drafts::listen(move |key| {
                    if key != merchant || !watching {
                        return;
                    }
                    let (doc, shared, merchant) = (doc.clone(), shared.clone(), merchant.clone());
                    yew::platform::spawn_local(async move {
                        if let Ok(Some(record)) = drafts::load(&merchant).await {
                            shared.borrow_mut().rev = record.rev;
                            if let Some(d) = record.read() {
                                doc.set(Some(d));
                            }
                        }
                    });
                });
                move || drop(listener)
            },
        );
    }

    let title = match (&data, data.as_ref().and_then(|d| d.merchant(&props.id))) {
        (None, _) => t.loading.to_owned(),
        (Some(_), Some((m, _))) => pt.title(&m.name),
        (Some(_), None) => t.unknown_merchant.to_owned(),
    };
    use_page(title.clone(), heading.clone());

    // The audience package: in the worker, for the plan as it is now.
    {
        let (audience, shared) = (audience.clone(), shared.clone());
        let plan_key = doc.as_ref().map(|d| {
            d.preview
                .items
                .iter()
                .map(|i| format!("{}:{}", i.product_id, i.live_price_fen))
                .collect::<Vec<_>>()
                .join(",")
        });
        let data = data.clone();
        let preview = doc.as_ref().map(|d| d.preview.clone());
        use_effect_with(
            (plan_key, data.as_ref().map(|d| Rc::as_ptr(d) as usize)),
            move |_| {
                let (Some(data), Some(preview)) = (data, preview) else {
                    return;
                };
                if preview.items.is_empty() {
                    audience.set(Audience::Empty);
                    return;
                }
                let mut s = shared.borrow_mut();
                if s.worker.is_none() {
                    let on_reply = {
                        let (audience, shared) = (audience.clone(), shared.clone());
                        move |reply: FromWorker| {
                            if let FromWorker::Audience { seq, report, error } = reply {
                                if seq != shared.borrow().seq {
                                    return;
                                }
                                audience.set(match (report, error) {
                                    (Some(r), _) => Audience::Ready(Rc::from(r)),
                                    (None, e) => Audience::Unavailable(e.unwrap_or_default()),
                                });
                            }
                        }
                    };
                    let failed = audience.clone();
                    s.worker = AudienceWorker::spawn(on_reply, move |why| {
                        failed.set(Audience::Unavailable(why))
                    });
                }
                s.seq += 1;
                let data_message = (!s.sent_data).then(|| match data.source {
                    Source::Demo { .. } => AudienceData::Demo,
                    Source::Imported { .. } => AudienceData::Dataset {
                        dataset: Box::new(data.dataset.clone()),
                    },
                });
                let message = ToWorker::Audience {
                    seq: s.seq,
                    request: PreviewRequest {
                        draft: Some(preview),
                        merchant_id: None,
                        generate: false,
                        now: now(),
                        config: None,
                        audience: None,
                        signals: None,
                    },
                    data: data_message,
                };
                let sent = s.worker.as_ref().is_some_and(|w| w.send(&message));
                if sent {
                    s.sent_data = true;
                    audience.set(Audience::Working);
                } else {
                    audience.set(Audience::Unavailable(String::new()));
                }
            },
        );
    }

    let Some(data) = data else {
        return html! { <p role="status">{ t.loading }</p> };
    };
    let Some((merchant, _)) = data.merchant(&props.id) else {
        return html! {
            <section aria-labelledby="preview-title">
                <h1 id="preview-title" ref={heading} tabindex="-1">{ t.unknown_merchant }</h1>
                <p>{ t.unknown_merchant_hint }</p>
                <Link<Route> to={Route::LiveRoom} classes="button">{ t.back_home }</Link<Route>>
            </section>
        };
    };
    let Some(current) = (*doc).clone() else {
        return html! {
            <section aria-labelledby="preview-title">
                <h1 id="preview-title" ref={heading} tabindex="-1">{ title }</h1>
                <p role="status">{ t.loading }</p>
            </section>
        };
    };
    let editable = *access == Access::Editing;
    let products: Vec<&Product> = data
        .dataset
        .products
        .iter()
        .filter(|p| p.merchant_id == props.id)
        .collect();
    let config = PreviewConfig::default();
    let problems: Vec<PreviewProblem> = validate(
        &current.preview,
        now(),
        &config,
        Some(&data.dataset.products),
    );

    // Applies one change: undo remembers the step, the draft is saved at once.
    let apply: Rc<Apply> = {
        let (doc, shared, saving, merchant) = (
            doc.clone(),
            shared.clone(),
            saving.clone(),
            props.id.clone(),
        );
        Rc::new(move |change: Change| {
            let Some(before) = (*doc).clone() else {
                return;
            };
            let mut after = before.clone();
            change(&mut after);
            if after == before {
                return;
            }
            {
                let mut s = shared.borrow_mut();
                s.undo.push(before);
                if s.undo.len() > HISTORY {
                    s.undo.remove(0);
                }
                s.redo.clear();
            }
            doc.set(Some(after.clone()));
            persist(merchant.clone(), after, shared.clone(), saving.clone());
        })
    };
    let step = |back: bool| {
        let (doc, shared, saving, merchant, tick) = (
            doc.clone(),
            shared.clone(),
            saving.clone(),
            props.id.clone(),
            tick.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(now_doc) = (*doc).clone() else {
                return;
            };
            let target = {
                let mut s = shared.borrow_mut();
                let target = if back { s.undo.pop() } else { s.redo.pop() };
                if target.is_some() {
                    if back {
                        s.redo.push(now_doc);
                    } else {
                        s.undo.push(now_doc);
                    }
                }
                target
            };
            if let Some(target) = target {
                doc.set(Some(target.clone()));
                persist(merchant.clone(), target, shared.clone(), saving.clone());
                tick.set(*tick + 1);
            }
        })
    };
    let (on_undo, on_redo) = (step(true), step(false));
    let (can_undo, can_redo) = {
        let s = shared.borrow();
        (!s.undo.is_empty(), !s.redo.is_empty())
    };

    let on_generate = {
        let (apply, data, notes, merchant) =
            (apply.clone(), data.clone(), notes.clone(), props.id.clone());
        Callback::from(move |_: MouseEvent| {
            let notes = notes.clone();
            let data = data.clone();
            let merchant = merchant.clone();
            apply(Box::new(move |d: &mut DraftDoc| {
                if let Ok(g) = generate(
                    &data.dataset,
                    &merchant,
                    now(),
                    Some(&d.preview),
                    &PreviewConfig::default(),
                ) {
                    d.preview = g.preview;
                    // Typed text the proposal replaced is no longer the merchant's.
                    let kept = d.preview.edited.clone();
                    d.raw.retain(|k, _| kept.contains(k));
                    notes.set(g.notes);
                }
            }));
        })
    };

    let field_problems = |field: &str| -> Vec<String> {
        problems
            .iter()
            .filter(|p| p.field == field)
            .map(|p| pt.problem(&p.problem))
            .collect()
    };
    let error_list = |id: &str, messages: &[String]| -> Html {
        if messages.is_empty() {
            html! {}
        } else {
            html! {
                <ul class="field-errors" id={id.to_owned()}>
                    { for messages.iter().map(|m| html! { <li>{ m }</li> }) }
                </ul>
            }
        }
    };

    // Basics.
    let start_raw = current.raw.get("start").cloned();
    let start_messages: Vec<String> = match &start_raw {
        Some(_) => vec![
            pt.problem(&livetrust_core::preview::PreviewProblemKind::StartTooSoon {
                min_lead_minutes: config.min_lead_minutes,
            }),
        ],
        None => field_problems("start"),
    };
    let on_start = {
        let apply = apply.clone();
        Callback::from(move |e: InputEvent| {
            let text = input_value(&e);
            apply(Box::new(move |d: &mut DraftDoc| {
                d.preview.edited.insert(edited::START.into());
                match parse_local_input(&text) {
                    Some(t) => {
                        d.preview.start = t;
                        d.raw.remove("start");
                    }
                    None => {
                        d.raw.insert("start".into(), text);
                    }
                }
            }));
        })
    };
    let on_minutes = {
        let apply = apply.clone();
        Callback::from(move |e: InputEvent| {
            let text = input_value(&e);
            apply(Box::new(move |d: &mut DraftDoc| {
                d.preview.edited.insert(edited::MINUTES.into());
                d.preview.minutes = text.trim().parse().unwrap_or(0);
            }));
        })
    };
    let on_title = {
        let apply = apply.clone();
        Callback::from(move |e: InputEvent| {
            let text = input_value(&e);
            apply(Box::new(move |d: &mut DraftDoc| {
                d.preview.edited.insert(edited::TITLE.into());
                d.preview.title = text;
            }));
        })
    };
    let on_cover = {
        let apply = apply.clone();
        Callback::from(move |e: InputEvent| {
            let text = input_value(&e);
            apply(Box::new(move |d: &mut DraftDoc| {
                d.preview.edited.insert(edited::COVER_TEXT.into());
                d.preview.cover_text = text;
            }));
        })
    };
    let on_add = {
        let apply = apply.clone();
        let catalog: Vec<Product> = products.iter().map(|p| (*p).clone()).collect();
        Callback::from(move |e: Event| {
            let id = select_value(&e);
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                select.set_value("");
            }
            let Some(product) = catalog.iter().find(|p| p.id == id).cloned() else {
                return;
            };
            apply(Box::new(move |d: &mut DraftDoc| {
                if d.preview.items.iter().all(|i| i.product_id != product.id) {
                    d.preview.items.push(item_from(&product));
                    d.preview.edited.insert(edited::ITEMS.into());
                }
            }));
        })
    };

    let minutes_messages = field_problems("minutes");
    let title_messages = field_problems("title");
    let cover_messages = field_problems("coverText");
    let items_messages = field_problems("items");
    let ro = !editable;

    let item_rows = current.preview.items.iter().enumerate().map(|(i, item)| {
        let pid = item.product_id.clone();
        let base = format!("item-{i}");
        let price_key = edited::item(&pid, "livePriceFen");
        let stock_key = edited::item(&pid, "stock");
        let price_raw = current.raw.get(&price_key).cloned();
        let stock_raw = current.raw.get(&stock_key).cloned();
        let mut price_messages = field_problems(&format!("items[{i}].livePriceFen"));
        if let Some(raw) = &price_raw {
            if let Err(p) = parse_yuan(raw) {
                price_messages = vec![pt.money(p)];
            }
        }
        let mut stock_messages = field_problems(&format!("items[{i}].stock"));
        if stock_raw.is_some() {
            stock_messages = vec![pt.problem(&livetrust_core::preview::PreviewProblemKind::NotPositive)];
        }
        let mut product_messages = field_problems(&format!("items[{i}].productId"));
        product_messages.extend(field_problems(&format!("items[{i}].listPriceFen")));
        let copy_messages = field_problems(&format!("items[{i}].copy"));
        let role_buttons = Role::ALL.iter().map(|&role| {
            let apply = apply.clone();
            let pid = pid.clone();
            let on_click = Callback::from(move |_: MouseEvent| {
                let pid = pid.clone();
                apply(Box::new(move |d: &mut DraftDoc| {
                    if let Some(it) = d.preview.items.iter_mut().find(|it| it.product_id == pid) {
                        it.role = role;
                        d.preview.edited.insert(edited::item(&pid, "role"));
                    }
                }));
            });
            html! {
                <button type="button" class="role-toggle" aria-pressed={(item.role == role).to_string()}
                    disabled={ro} onclick={on_click}>{ pt.role_name(role) }</button>
            }
        });
        let on_price = {
            let apply = apply.clone();
            let (pid, key) = (pid.clone(), price_key.clone());
            Callback::from(move |e: InputEvent| {
                let text = input_value(&e);
                let (pid, key) = (pid.clone(), key.clone());
                apply(Box::new(move |d: &mut DraftDoc| {
                    d.preview.edited.insert(key.clone());
                    match parse_yuan(&text) {
                        Ok(fen) => {
                            if let Some(it) = d.preview.items.iter_mut().find(|it| it.product_id == pid) {
                                it.live_price_fen = fen;
                            }
                            d.raw.remove(&key);
                        }
                        Err(_) => {
                            d.raw.insert(key, text);
                        }
                    }
                }));
            })
        };
        let on_stock = {
            let apply = apply.clone();
            let (pid, key) = (pid.clone(), stock_key.clone());
            Callback::from(move |e: InputEvent| {
                let text = input_value(&e);
                let (pid, key) = (pid.clone(), key.clone());
                apply(Box::new(move |d: &mut DraftDoc| {
                    d.preview.edited.insert(key.clone());
                    let trimmed = text.trim();
                    let parsed = if trimmed.is_empty() { Ok(None) } else { trimmed.parse::<i64>().map(Some) };
                    match parsed {
                        Ok(stock) => {
                            if let Some(it) = d.preview.items.iter_mut().find(|it| it.product_id == pid) {
                                it.stock = stock;
                            }
                            d.raw.remove(&key);
                        }
                        Err(_) => {
                            d.raw.insert(key, text);
                        }
                    }
                }));
            })
        };
        let on_copy = {
            let apply = apply.clone();
            let pid = pid.clone();
            Callback::from(move |e: InputEvent| {
                let text = input_value(&e);
                let pid = pid.clone();
                apply(Box::new(move |d: &mut DraftDoc| {
                    if let Some(it) = d.preview.items.iter_mut().find(|it| it.product_id == pid) {
                        it.copy = text;
                        d.preview.edited.insert(edited::item(&pid, "copy"));
                    }
                }));
            })
        };
        let mover = |delta: isize| {
            let apply = apply.clone();
            Callback::from(move |_: MouseEvent| {
                apply(Box::new(move |d: &mut DraftDoc| {
                    let to = i as isize + delta;
                    if to >= 0 && (to as usize) < d.preview.items.len() {
                        d.preview.items.swap(i, to as usize);
                        d.preview.edited.insert(edited::ITEMS.into());
                    }
                }));
            })
        };
        let on_remove = {
            let apply = apply.clone();
            Callback::from(move |_: MouseEvent| {
                apply(Box::new(move |d: &mut DraftDoc| {
                    if i < d.preview.items.len() {
                        d.preview.items.remove(i);
                        d.preview.edited.insert(edited::ITEMS.into());
                    }
                }));
            })
        };
        let described = |id: &str, messages: &Vec<String>| (!messages.is_empty()).then(|| id.to_owned());
        let price_value = price_raw.unwrap_or_else(|| format_yuan(item.live_price_fen));
        let stock_value = stock_raw.unwrap_or_else(|| item.stock.map(|s| s.to_string()).unwrap_or_default());
        let count = current.preview.items.len();
        html! {
            <li class="plan-item" data-product={pid.clone()}>
                <div class="plan-item-head">
                    <span class="plan-position">{ i + 1 }</span>
                    <span class="plan-title">{ &item.title }</span>
                    <span class="plan-list">{ pt.list_price }{ " ¥" }{ format_yuan(item.list_price_fen) }</span>
                </div>
                { error_list(&format!("{base}-product-errors"), &product_messages) }
                <div class="role-toggles" role="group" aria-label={format!("{} · {}", pt.role, item.title)}>
                    { for role_buttons }
                </div>
                <div class="plan-fields">
                    <label>
                        <span>{ pt.live_price }</span>
                        <input type="text" inputmode="decimal" value={price_value} readonly={ro}
                            aria-invalid={(!price_messages.is_empty()).to_string()}
                            aria-describedby={described(&format!("{base}-price-errors"), &price_messages)}
                            oninput={on_price} />
                    </label>
                    <label>
                        <span>{ pt.stock }</span>
                        <input type="text" inputmode="numeric" value={stock_value} readonly={ro}
                            placeholder={pt.stock_hint}
                            aria-invalid={(!stock_messages.is_empty()).to_string()}
                            aria-describedby={described(&format!("{base}-stock-errors"), &stock_messages)}
                            oninput={on_stock} />
                    </label>
                    <label class="plan-copy">
                        <span>{ pt.copy }</span>
                        <input type="text" value={item.copy.clone()} readonly={ro}
                            aria-invalid={(!copy_messages.is_empty()).to_string()}
                            aria-describedby={described(&format!("{base}-copy-errors"), &copy_messages)}
                            oninput={on_copy} />
                    </label>
                </div>
                { error_list(&format!("{base}-price-errors"), &price_messages) }
                { error_list(&format!("{base}-stock-errors"), &stock_messages) }
                { error_list(&format!("{base}-copy-errors"), &copy_messages) }
                <div class="plan-actions">
                    <button type="button" disabled={ro || i == 0} onclick={mover(-1)}
                        aria-label={format!("{} · {}", pt.move_up, item.title)}>{ "↑ " }{ pt.move_up }</button>
                    <button type="button" disabled={ro || i + 1 == count} onclick={mover(1)}
                        aria-label={format!("{} · {}", pt.move_down, item.title)}>{ "↓ " }{ pt.move_down }</button>
                    <button type="button" disabled={ro} onclick={on_remove}
                        aria-label={format!("{} · {}", pt.remove, item.title)}>{ pt.remove }</button>
                </div>
            </li>
        }
    });

    let in_plan: BTreeSet<&str> = current
        .preview
        .items
        .iter()
        .map(|i| i.product_id.as_str())
        .collect();
    let card = Rc::new(PreviewData::of(
        &current.preview,
        None,
        Some(merchant.name.clone()),
    ));
    let export = {
        let current = current.clone();
        Callback::from(move |_: MouseEvent| {
            let body = serde_json::to_string_pretty(&current).unwrap_or_default();
            crate::download::offer(
                &format!("livetrust-preview-{}.json", current.preview.merchant_id),
                "application/json",
                &body,
            );
        })
    };
    let take_over = {
        let (access, shared, merchant) = (access.clone(), shared.clone(), props.id.clone());
        Callback::from(move |_: MouseEvent| {
            let (access, shared, merchant) = (access.clone(), shared.clone(), merchant.clone());
            yew::platform::spawn_local(async move {
                let lost = access.clone();
                if let Claim::Held(lock) =
                    drafts::claim(&merchant, true, move || lost.set(Access::Lost)).await
                {
                    // The other tab's last save is the base of this tab's edits.
                    if let Ok(Some(record)) = drafts::load(&merchant).await {
                        shared.borrow_mut().rev = record.rev;
                    }
                    shared.borrow_mut().lock = Some(lock);
                    access.set(Access::Editing);
                }
            });
        })
    };
    let load_theirs = {
        let (doc, shared, saving) = (doc.clone(), shared.clone(), saving.clone());
        Callback::from(move |_: MouseEvent| {
            if let Saving::Conflict(Some(record)) = &*saving {
                shared.borrow_mut().rev = record.rev;
                if let Some(d) = record.read() {
                    doc.set(Some(d));
                }
                saving.set(Saving::Saved);
            }
        })
    };
    let keep_mine = {
        let (doc, shared, saving, merchant) = (
            doc.clone(),
            shared.clone(),
            saving.clone(),
            props.id.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Saving::Conflict(theirs) = &*saving {
                shared.borrow_mut().rev = theirs.as_ref().map_or(0, |r| r.rev);
                if let Some(d) = (*doc).clone() {
                    persist(merchant.clone(), d, shared.clone(), saving.clone());
                }
            }
        })
    };

    let status = match &*saving {
        Saving::Idle => html! {},
        Saving::InProgress => html! { <span>{ pt.saving }</span> },
        Saving::Saved => html! { <span>{ pt.saved }</span> },
        Saving::Conflict(_) | Saving::Failed(_) => html! {},
    };
    let alert = match &*saving {
        Saving::Conflict(_) => html! {
            <div class="alert" role="alert">
                <p>{ pt.conflict }</p>
                <button type="button" onclick={load_theirs}>{ pt.load_theirs }</button>
                <button type="button" onclick={keep_mine}>{ pt.keep_mine }</button>
            </div>
        },
        Saving::Failed(e) => html! {
            <div class="alert" role="alert">
                <p>{ if *e == StoreError::Full { pt.full } else { pt.unavailable } }</p>
                <button type="button" onclick={export.clone()}>{ pt.export }</button>
            </div>
        },
        _ => html! {},
    };
    let access_banner = match &*access {
        Access::Busy => html! {
            <div class="alert" role="alert">
                <p>{ pt.busy }{ " " }{ pt.read_only }</p>
                <button type="button" onclick={take_over.clone()}>{ pt.take_over }</button>
            </div>
        },
        Access::Lost => html! {
            <div class="alert" role="alert">
                <p>{ pt.lost }</p>
                <button type="button" onclick={take_over}>{ pt.take_over }</button>
            </div>
        },
        _ => html! {},
    };
    let note_text = |n: &GenerationNote| match n {
        GenerationNote::NoQualifiedHero { .. } => pt.note_no_hero,
        GenerationNote::NoRecentSales => pt.note_no_sales,
    };
    let audience_view = match &*audience {
        Audience::Empty => html! { <p>{ pt.audience_empty }</p> },
        Audience::Working => html! { <p role="status">{ pt.audience_working }</p> },
        Audience::Unavailable(why) => {
            html! { <p role="status">{ pt.audience_unavailable }{ " " }{ why }</p> }
        }
        Audience::Ready(r) => {
            let title_of = |id: &str| {
                current
                    .preview
                    .items
                    .iter()
                    .find(|i| i.product_id == id)
                    .map_or(id.to_owned(), |i| i.title.clone())
            };
            let mut drivers: Vec<_> = r.drivers.iter().filter(|d| d.buyers > 0).collect();
            drivers.sort_by(|a, b| b.share.total_cmp(&a.share));
            html! {
                <div class="audience" aria-live="polite">
                    <p class="audience-size">{ pt.package(r.size, r.buyers_scored) }</p>
                    <p class="audience-reservations">{ pt.reservations(r.reservations.expected, r.reservations.low, r.reservations.high) }</p>
                    if !drivers.is_empty() {
                        <h3>{ pt.drivers }</h3>
                        <ul class="audience-drivers">
                            { for drivers.iter().map(|d| html! { <li>{ pt.driver(&title_of(&d.product_id), d.buyers, d.share) }</li> }) }
                        </ul>
                    }
                </div>
            }
        }
    };
    let described =
        |id: &str, messages: &Vec<String>| (!messages.is_empty()).then(|| id.to_owned());
    let summary_count = problems.len() + current.raw.len();

    html! {
        <section class="preview-editor" aria-labelledby="preview-title">
            <p class="breadcrumb">
                <Link<Route> to={Route::Merchant { id: props.id.clone() }}>{ t.reviews.back_to_index }</Link<Route>>
            </p>
            <h1 id="preview-title" ref={heading} tabindex="-1">{ title }</h1>
            <p>{ pt.intro }</p>
            <p class="save-status" role="status">{ status }</p>
            { access_banner }
            { alert }
            <div class="editor-layout">
                <form class="preview-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <div class="editor-toolbar">
                        <button type="button" class="button-primary" disabled={ro || products.is_empty()} onclick={on_generate}>{ pt.generate }</button>
                        <button type="button" disabled={ro || !can_undo} onclick={on_undo}>{ pt.undo }</button>
                        <button type="button" disabled={ro || !can_redo} onclick={on_redo}>{ pt.redo }</button>
                        <button type="button" onclick={export}>{ pt.export }</button>
                    </div>
                    <p class="hint">{ if products.is_empty() { pt.no_products } else { pt.generate_hint } }</p>
                    { for notes.iter().map(|n| html! { <p class="note" role="status">{ note_text(n) }</p> }) }
                    <div class="problem-summary" role="status">
                        if summary_count == 0 {
                            <p class="ready">{ pt.ready }</p>
                        } else {
                            <p>{ pt.problems_heading }{ format!("（{summary_count}）") }</p>
                        }
                    </div>
                    <fieldset>
                        <legend>{ pt.basics }</legend>
                        <label>
                            <span>{ pt.start }</span>
                            <input type="datetime-local" id="preview-start" readonly={ro}
                                value={start_raw.clone().unwrap_or_else(|| local_input(current.preview.start))}
                                aria-invalid={(!start_messages.is_empty()).to_string()}
                                aria-describedby={described("start-errors", &start_messages).unwrap_or_else(|| "start-hint".into())}
                                oninput={on_start} />
                        </label>
                        <p class="hint" id="start-hint">{ pt.start_hint }</p>
                        { error_list("start-errors", &start_messages) }
                        <label>
                            <span>{ pt.minutes }</span>
                            <input type="number" id="preview-minutes" min="1" readonly={ro}
                                value={current.preview.minutes.to_string()}
                                aria-invalid={(!minutes_messages.is_empty()).to_string()}
                                aria-describedby={described("minutes-errors", &minutes_messages)}
                                oninput={on_minutes} />
                        </label>
                        { error_list("minutes-errors", &minutes_messages) }
                        <label>
                            <span>{ pt.title_field }</span>
                            <input type="text" id="preview-title-field" readonly={ro}
                                value={current.preview.title.clone()}
                                aria-invalid={(!title_messages.is_empty()).to_string()}
                                aria-describedby={described("title-errors", &title_messages).unwrap_or_else(|| "title-count".into())}
                                oninput={on_title} />
                        </label>
                        <p class="hint" id="title-count">{ pt.chars(current.preview.title.trim().chars().count(), config.title_max_chars) }</p>
                        { error_list("title-errors", &title_messages) }
                        <label>
                            <span>{ pt.cover_text }</span>
                            <textarea id="preview-cover" rows="2" readonly={ro}
                                value={current.preview.cover_text.clone()}
                                aria-invalid={(!cover_messages.is_empty()).to_string()}
                                aria-describedby={described("cover-errors", &cover_messages)}
                                oninput={on_cover} />
                        </label>
                        { error_list("cover-errors", &cover_messages) }
                    </fieldset>
                    <fieldset>
                        <legend>{ pt.products }</legend>
                        <p class="hint">{ pt.products_hint }</p>
                        { error_list("items-errors", &items_messages) }
                        <ol class="plan-items">{ for item_rows }</ol>
                        <label>
                            <span>{ pt.add_product }</span>
                            <select id="preview-add" disabled={ro} onchange={on_add}>
                                <option value="" selected=true>{ pt.choose_product }</option>
                                { for products.iter().filter(|p| !in_plan.contains(p.id.as_str())).map(|p| html! {
                                    <option value={p.id.clone()}>{ pt.product_option(&p.title, p.list_price_fen) }</option>
                                }) }
                            </select>
                        </label>
                    </fieldset>
                </form>
                <aside class="editor-side">
                    <h2>{ pt.card_heading }</h2>
                    <PreviewCard data={card} lang={lang} reservable={false} />
                    <h2>{ pt.audience_heading }</h2>
                    { audience_view }
                </aside>
            </div>
        </section>
    }
}
