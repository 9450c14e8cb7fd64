//! The merchant's repeat-buyer reviews (回头客说) in the back office: the carousel as viewers see
//! it, every review by a repeat buyer that passed the clean-up with filters (rating, product,
//! tag, reply), the reviews left out with their reasons, and a reply editor under each review.
//! The listing is the core's (`Reviews::listing`) over the whole marketplace on this thread.

use std::collections::HashMap;
use std::rc::Rc;

use livetrust_core::reviews::{FilterReason, ListedReview, Reviews, ReviewsConfig};
use livetrust_widgets::{ReviewCarousel, ReviewsData};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::reply_editor::ReplyEditor;
use crate::hooks::{use_need_data, use_page, use_reply_records};
use crate::i18n::{Lang, LangTexts};
use crate::replies::{self, ReplyRecord};
use crate::state::DataContext;

/// Reviews listed before "show more".
const PAGE: usize = 30;

#[derive(Debug, Properties, PartialEq)]
pub struct ReviewsPageProps {
    pub id: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Filters {
    rating: Option<u8>,
    product: Option<String>,
    tag: Option<String>,
    replied: Option<bool>,
}

impl Filters {
    fn keep(&self, r: &ListedReview, reply: bool) -> bool {
        self.rating.is_none_or(|x| r.review.rating == x)
            && self
                .product
                .as_ref()
                .is_none_or(|p| &r.review.product_id == p)
            && self.tag.as_ref().is_none_or(|t| r.review.tags.contains(t))
            && self.replied.is_none_or(|x| reply == x)
    }
}

fn select_value(e: &Event) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

#[function_component(ReviewsPage)]
pub fn reviews_page(props: &ReviewsPageProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let rt = t.reviews;
    let ctx = use_context::<DataContext>();
    use_need_data(ctx.as_ref());
    let data = ctx.and_then(|c| c.data);
    let listing = {
        let data = data.clone();
        use_memo(
            (
                props.id.clone(),
                data.as_ref().map(|d| Rc::as_ptr(d) as usize),
            ),
            move |(id, _)| {
                let d = data.as_ref()?;
                Reviews::prepare(
                    &d.dataset,
                    d.market.as_of,
                    &ReviewsConfig::default(),
                    &d.config,
                )
                .and_then(|r| r.listing(id))
                .ok()
            },
        )
    };
    let records = use_reply_records(props.id.clone());
    let filters = use_state(Filters::default);
    let limit = use_state(|| PAGE);
    let editing = use_state(|| None::<String>);
    let heading = use_node_ref();
    let shop_name = data
        .as_ref()
        .and_then(|d| d.merchant(&props.id).map(|(m, _)| m.name.clone()));
    let title = match (&data, &shop_name) {
        (None, _) => t.loading.to_owned(),
        (Some(_), Some(name)) => rt.title(name),
        (Some(_), None) => t.unknown_merchant.to_owned(),
    };
    use_page(title.clone(), heading.clone());
    let (Some(_), Some(_)) = (&data, shop_name) else {
        if data.is_none() {
            return html! { <p role="status">{ t.loading }</p> };
        }
        return html! {
            <section aria-labelledby="reviews-title">
                <h1 id="reviews-title" ref={heading} tabindex="-1">{ t.unknown_merchant }</h1>
                <p>{ t.unknown_merchant_hint }</p>
                <Link<Route> to={Route::LiveRoom} classes="button">{ t.back_home }</Link<Route>>
            </section>
        };
    };
    let Some(listing) = (*listing).clone() else {
        return html! { <p role="alert" class="error">{ t.unknown_merchant }</p> };
    };
    let empty = HashMap::new();
    let records_map: &HashMap<String, ReplyRecord> = records.as_deref().unwrap_or(&empty);
    let reply_of = |r: &ListedReview| {
        let key = replies::key(&props.id, &r.review.review_id);
        ReplyRecord::effective(records_map.get(&key), r.review.reply.as_ref())
    };

    let mut viewer = ReviewsData::from(&listing.report);
    replies::overlay(&mut viewer.shown, &props.id, records_map);

    let kept: Vec<&ListedReview> = listing
        .reviews
        .iter()
        .filter(|r| r.left_out.is_none())
        .collect();
    // Newest first for reading and answering.
    let matching: Vec<&ListedReview> = kept
        .iter()
        .rev()
        .copied()
        .filter(|r| filters.keep(r, reply_of(r).is_some()))
        .collect();
    let mut products: Vec<(String, String)> = kept
        .iter()
        .map(|r| (r.review.product_id.clone(), r.review.product_title.clone()))
        .collect();
    products.sort();
    products.dedup();
    let tags: Vec<(String, u32)> = listing
        .report
        .tags
        .iter()
        .map(|t| (t.label.clone(), t.count))
        .collect();

    let on_rating = {
        let filters = filters.clone();
        let limit = limit.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            filters.set(Filters {
                rating: v.parse().ok(),
                ..(*filters).clone()
            });
            limit.set(PAGE);
        })
    };
    let on_product = {
        let filters = filters.clone();
        let limit = limit.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            filters.set(Filters {
                product: (!v.is_empty()).then_some(v),
                ..(*filters).clone()
            });
            limit.set(PAGE);
        })
    };
    let on_tag = {
        let filters = filters.clone();
        let limit = limit.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            filters.set(Filters {
                tag: (!v.is_empty()).then_some(v),
                ..(*filters).clone()
            });
            limit.set(PAGE);
        })
    };
    let on_replied = {
        let filters = filters.clone();
        let limit = limit.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            let replied = match v.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            filters.set(Filters {
                replied,
                ..(*filters).clone()
            });
            limit.set(PAGE);
        })
    };
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };

    let review_item = |r: &ListedReview| {
        let key = replies::key(&props.id, &r.review.review_id);
        let reply = reply_of(r);
        let open = editing.as_deref() == Some(key.as_str());
        let toggle = {
            let editing = editing.clone();
            let key = key.clone();
            Callback::from(move |_: MouseEvent| editing.set(Some(key.clone())))
        };
        let close = {
            let editing = editing.clone();
            Callback::from(move |()| editing.set(None))
        };
        let has_draft = records_map.get(&key).is_some_and(|x| x.draft.is_some());
        html! {
            <li class="review-item" key={r.review.review_id.clone()} data-review-id={r.review.review_id.clone()}>
                <p class="review-meta">
                    <span class="repeat-chip">{ lang.carousel().bought(r.review.orders_at_shop) }</span>
                    <span>{ rt.stars(r.review.rating) }</span>
                    <span>{ &r.review.product_title }</span>
                    <span class="hint">{ format!("{} · {}", r.review.review_id, livetrust_widgets::reviews::shanghai_day(r.review.created_at)) }</span>
                    if r.shown {
                        <span class="in-carousel">{ rt.in_carousel }</span>
                    }
                </p>
                <p class="review-text">{ &r.review.text }</p>
                if !r.review.tags.is_empty() {
                    <p class="hint">{ r.review.tags.join(" · ") }</p>
                }
                if let Some(reply) = &reply {
                    <div class="slide-reply">
                        <p class="reply-label">{ rt.reply_label }</p>
                        <p class="reply-text">{ &reply.text }</p>
                    </div>
                }
                if open {
                    <ReplyEditor record_key={key.clone()} record={records_map.get(&key).cloned()}
                        current={reply.as_ref().map(|x| x.text.clone())} on_close={close} />
                } else {
                    <button type="button" class="reply-button" onclick={toggle}>
                        { if reply.is_some() || has_draft { rt.edit_reply } else { rt.reply } }
                        <span class="visually-hidden">{ format!(" · {}", r.review.review_id) }</span>
                    </button>
                }
            </li>
        }
    };

    let left_out: Vec<(FilterReason, Vec<&ListedReview>)> = listing
        .report
        .filtered
        .iter()
        .map(|f| {
            (
                f.reason,
                listing
                    .reviews
                    .iter()
                    .filter(|r| r.left_out == Some(f.reason))
                    .collect(),
            )
        })
        .collect();
    let report = &listing.report;
    html! {
        <section class="reviews-page" aria-labelledby="reviews-title">
            <p class="eyebrow">
                <Link<Route> to={Route::Merchant { id: props.id.clone() }}>{ rt.back_to_index }</Link<Route>>
            </p>
            <h1 id="reviews-title" ref={heading} tabindex="-1">{ title }</h1>
            <p class="intro">{ rt.summary(report.reviews, report.eligible, report.kept, report.shown.len()) }</p>

            <h2>{ rt.viewer_preview }</h2>
            <p class="hint">{ rt.viewer_preview_note }</p>
            <div class="viewer-preview">
                <ReviewCarousel data={Rc::new(viewer)} {lang} />
            </div>

            <h2 id="kept-title">{ rt.kept_heading }</h2>
            <form class="review-filters" aria-label={rt.filters} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label>{ rt.rating }
                    <select onchange={on_rating}>
                        <option value="" selected={filters.rating.is_none()}>{ rt.any }</option>
                        { for (1..=5u8).rev().map(|n| html! {
                            <option value={n.to_string()} selected={filters.rating == Some(n)}>{ rt.stars(n) }</option>
                        }) }
                    </select>
                </label>
                <label>{ rt.product }
                    <select onchange={on_product}>
                        <option value="" selected={filters.product.is_none()}>{ rt.any }</option>
                        { for products.iter().map(|(id, title)| html! {
                            <option value={id.clone()} selected={filters.product.as_deref() == Some(id.as_str())}>
                                { if title.is_empty() { id.clone() } else { title.clone() } }
                            </option>
                        }) }
                    </select>
                </label>
                <label>{ rt.tag }
                    <select onchange={on_tag}>
                        <option value="" selected={filters.tag.is_none()}>{ rt.any }</option>
                        { for tags.iter().map(|(label, count)| html! {
                            <option value={label.clone()} selected={filters.tag.as_deref() == Some(label.as_str())}>
                                { format!("{label} ({count})") }
                            </option>
                        }) }
                    </select>
                </label>
                <label>{ rt.reply_filter }
                    <select onchange={on_replied}>
                        <option value="" selected={filters.replied.is_none()}>{ rt.any }</option>
                        <option value="yes" selected={filters.replied == Some(true)}>{ rt.replied }</option>
                        <option value="no" selected={filters.replied == Some(false)}>{ rt.not_replied }</option>
                    </select>
                </label>
            </form>
            <p class="hint" role="status">{ rt.results(matching.len().min(*limit), matching.len()) }</p>
            if matching.is_empty() {
                <p>{ rt.none_match }</p>
            } else {
                <ul class="review-list" aria-labelledby="kept-title">
                    { for matching.iter().take(*limit).map(|r| review_item(r)) }
                </ul>
                if matching.len() > *limit {
                    <button type="button" class="show-more" onclick={on_more}>{ rt.show_more }</button>
                }
            }

            <h2>{ rt.filtered_heading }</h2>
            <p class="hint">{ rt.filtered_intro }</p>
            { for left_out.iter().map(|(reason, reviews)| {
                let (name, why) = rt.reason(*reason);
                html! {
                    <details class="left-out" data-reason={livetrust_core::index::config::json_name(*reason)}>
                        <summary>{ format!("{name} ({})", reviews.len()) }</summary>
                        <p class="hint">{ why }</p>
                        <ul>
                            { for reviews.iter().take(PAGE).map(|r| html! {
                                <li data-review-id={r.review.review_id.clone()}>
                                    <span class="review-text">{ if r.review.text.is_empty() { "—".to_owned() } else { r.review.text.clone() } }</span>
                                    if let Some(d) = &r.duplicate_of {
                                        <span class="hint">{ format!(" · {}", rt.duplicate_of(d)) }</span>
                                    }
                                </li>
                            }) }
                        </ul>
                    </details>
                }
            }) }
        </section>
    }
}
