//! The merchant's campaign calendar (营销日历, `/merchant/:id/calendar`): every campaign of the
//! calendar with its status, gates and the merchant's values, what to improve and the key dates
//! (list view), or the phases on a month grid (month view); chosen campaigns download as `.ics`.
//! The core computes everything (`livetrust_core::calendar`) from the marketplace's index.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use livetrust_core::calendar::{self, CalendarReport, CampaignCalendar, GateValue, MerchantFacts};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::{use_need_data, use_page};
use crate::i18n::{Lang, LangTexts};
use crate::state::DataContext;

#[derive(Debug, Properties, PartialEq)]
pub struct CalendarPageProps {
    pub id: String,
}

/// The phases of the calendar's campaigns that hold `day`, as (campaign name, phase key).
fn phases_on(calendar: &CampaignCalendar, day: NaiveDate) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for c in &calendar.campaigns {
        let mut phases = vec![("signup", c.signup), ("event", c.event)];
        if let Some(w) = c.warm_up {
            phases.insert(1, ("warmUp", w));
        }
        for (key, p) in phases {
            if p.start.0 <= day && day <= p.end.0 {
                out.push((c.name.clone(), key));
            }
        }
    }
    out
}

#[function_component(CalendarPage)]
pub fn calendar_page(props: &CalendarPageProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let ct = t.calendar;
    let ctx = use_context::<DataContext>();
    use_need_data(ctx.as_ref());
    let heading = use_node_ref();
    use_page(ct.title.to_owned(), heading.clone());
    let month_view = use_state(|| false);
    let chosen = use_state(BTreeSet::<String>::new);
    let message = use_state(String::new);
    let calendar = use_memo((), |_| calendar::demo_calendar().ok());
    // The month shown: the first campaign's sign-up month until the merchant moves.
    let month = use_state(|| {
        calendar
            .as_ref()
            .as_ref()
            .and_then(|c| c.campaigns.first())
            .map_or((2022, 1), |c| {
                (c.signup.start.0.year(), c.signup.start.0.month())
            })
    });

    let Some(data) = ctx.and_then(|c| c.data) else {
        return html! { <p role="status">{ ct.loading }</p> };
    };
    let Some((merchant, report)) = data.merchant(&props.id) else {
        return html! {
            <section aria-labelledby="calendar-title">
                <h1 id="calendar-title" ref={heading} tabindex="-1">{ t.unknown_merchant }</h1>
                <Link<Route> to={Route::LiveRoom} classes="button">{ t.back_home }</Link<Route>>
            </section>
        };
    };
    let Some(cal) = (*calendar).clone() else {
        return html! { <p role="alert">{ "calendar" }</p> };
    };
    let facts = MerchantFacts::of(merchant, report);
    let today = data.market.as_of;
    let view: CalendarReport =
        calendar::calendar_report(&cal, &merchant.id, &facts, &report.suggestions, today);

    let toggle = |to_month: bool| {
        let month_view = month_view.clone();
        Callback::from(move |_: MouseEvent| month_view.set(to_month))
    };
    let on_export = {
        let (chosen, message, cal) = (chosen.clone(), message.clone(), cal.clone());
        let stamp = today.start();
        let none = ct.none_chosen;
        Callback::from(move |_: MouseEvent| {
            let ids: Vec<String> = chosen.iter().cloned().collect();
            if ids.is_empty() {
                message.set(none.to_owned());
                return;
            }
            match calendar::campaigns_ics(&cal, &ids, stamp) {
                Ok(ics) => {
                    message.set(String::new());
                    crate::download::offer("livetrust-campaigns.ics", "text/calendar", &ics);
                }
                Err(e) => message.set(e.to_string()),
            }
        })
    };

    let list = html! {
        <ul class="campaign-list">
            { for view.campaigns.iter().map(|c| {
                let id = c.campaign_id.clone();
                let checked = chosen.contains(&id);
                let on_choose = {
                    let chosen = chosen.clone();
                    let id = id.clone();
                    Callback::from(move |_: Event| {
                        let mut next = (*chosen).clone();
                        if !next.remove(&id) {
                            next.insert(id.clone());
                        }
                        chosen.set(next);
                    })
                };
                let campaign = cal.campaigns.iter().find(|x| x.id == c.campaign_id);
                let title_id = format!("campaign-{}", c.campaign_id);
                html! {
                    <li class="campaign" data-campaign={c.campaign_id.clone()}>
                        <h2 id={title_id}>
                            <span class="campaign-level">{ if c.level == calendar::CampaignLevel::S { "S" } else { "A+" } }</span>
                            { &c.name }
                        </h2>
                        <p class="campaign-status">
                            <span class="status">{ ct.status(c.status) }</span>{ " · " }
                            <strong class={classes!("eligibility", c.eligible.then_some("eligible"))}>{ if c.eligible { ct.eligible } else { ct.not_eligible } }</strong>
                        </p>
                        <table class="gates">
                            <thead><tr><th scope="col">{ ct.gate }</th><th scope="col">{ ct.your_value }</th><th scope="col"><span class="visually-hidden">{ ct.passed }</span></th></tr></thead>
                            <tbody>
                                { for c.gates.iter().map(|g| {
                                    let value = match &g.value {
                                        None => ct.no_value.to_owned(),
                                        Some(GateValue::Tier(tier)) => t.tier(*tier).to_owned(),
                                        Some(GateValue::Type(kind)) => format!("{kind:?}"),
                                        Some(GateValue::Number(v)) => match &g.gate {
                                            calendar::Gate::MinMetric { metric, .. } | calendar::Gate::MaxMetric { metric, .. } => t.metric_value(*metric, *v),
                                            _ => format!("{v}"),
                                        },
                                    };
                                    html! {
                                        <tr class={classes!(if g.passed { "gate-passed" } else { "gate-failed" })}>
                                            <td>{ ct.gate(t, &g.gate) }</td>
                                            <td>{ value }</td>
                                            <td>{ if g.passed { ct.passed } else { ct.failed } }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                        if !c.improve.is_empty() {
                            <h3>{ ct.improve }</h3>
                            <ul class="campaign-improve">
                                { for c.improve.iter().take(5).map(|s| html! {
                                    <li>{ format!("{}：{} → {}", t.metric(s.metric), t.metric_value(s.metric, s.current), t.metric_value(s.metric, s.target)) }</li>
                                }) }
                            </ul>
                        }
                        <h3>{ ct.dates }</h3>
                        <ul class="key-dates">
                            { for c.key_dates.iter().map(|k| html! {
                                <li><span>{ ct.key_date(k.kind) }</span>{ " " }<time datetime={k.date.to_string()}>{ k.date.to_string() }</time>{ format!("（{}）", ct.days(k.days_from_today)) }</li>
                            }) }
                        </ul>
                        if let Some(campaign) = campaign {
                            <p class="campaign-extras">
                                <strong>{ ct.gameplays }</strong>{ "：" }{ campaign.gameplays.iter().map(|g| g.name.as_str()).collect::<Vec<_>>().join("、") }
                                <br />
                                <strong>{ ct.rewards }</strong>{ "：" }{ campaign.rewards.iter().map(|r| r.description.as_str()).collect::<Vec<_>>().join("、") }
                            </p>
                        }
                        <label class="campaign-choose">
                            <input type="checkbox" checked={checked} onchange={on_choose} />
                            { ct.choose }
                        </label>
                    </li>
                }
            }) }
        </ul>
    };

    let (year, mon) = *month;
    let first = NaiveDate::from_ymd_opt(year, mon, 1).unwrap_or_default();
    let next_first = if mon == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, mon + 1, 1)
    }
    .unwrap_or_default();
    let days_in_month = (next_first - first).num_days().max(28) as u32;
    let lead = first.weekday().num_days_from_monday();
    let cells: Vec<Option<NaiveDate>> = (0..lead)
        .map(|_| None)
        .chain((1..=days_in_month).map(|d| NaiveDate::from_ymd_opt(year, mon, d)))
        .collect();
    let step = |delta: i32| {
        let month = month.clone();
        Callback::from(move |_: MouseEvent| {
            let (y, m) = *month;
            let index = y * 12 + m as i32 - 1 + delta;
            month.set((index.div_euclid(12), (index.rem_euclid(12) + 1) as u32));
        })
    };
    let month_title = if ct.is_zh() {
        format!("{year} 年 {mon} 月")
    } else {
        format!("{year}-{mon:02}")
    };
    let grid = html! {
        <div class="month-view">
            <div class="month-nav">
                <button type="button" class="secondary month-prev" onclick={step(-1)}>{ ct.previous_month }</button>
                <h2 class="month-title" aria-live="polite">{ month_title.clone() }</h2>
                <button type="button" class="secondary month-next" onclick={step(1)}>{ ct.next_month }</button>
            </div>
            <table class="month-grid">
                <caption class="visually-hidden">{ month_title }</caption>
                <thead><tr>{ for ct.weekdays.iter().map(|w| html! { <th scope="col">{ *w }</th> }) }</tr></thead>
                <tbody>
                    { for cells.chunks(7).map(|week| html! {
                        <tr>
                            { for (0..7).map(|i| match week.get(i).copied().flatten() {
                                Some(d) => {
                                    let on = phases_on(&cal, d);
                                    html! {
                                        <td class={classes!((!on.is_empty()).then_some("has-phase"))} data-day={d.to_string()}>
                                            <span class="day-number">{ d.day() }</span>
                                            { for on.iter().map(|(name, key)| html! {
                                                <span class={classes!("phase", format!("phase-{key}"))}>{ format!("{} · {}", ct.phase(key), name) }</span>
                                            }) }
                                        </td>
                                    }
                                }
                                None => html! { <td></td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    };

    html! {
        <section class="calendar-page" aria-labelledby="calendar-title">
            <h1 id="calendar-title" ref={heading} tabindex="-1">{ ct.title }{ " · " }{ &merchant.name }</h1>
            <p class="intro">{ ct.intro }</p>
            <p class="hint">{ ct.source }{ "：" }{ &cal.source }</p>
            <div class="view-switch" role="group" aria-label={ct.title}>
                <button type="button" class="secondary" aria-pressed={(!*month_view).to_string()} onclick={toggle(false)}>{ ct.list_view }</button>
                <button type="button" class="secondary" aria-pressed={(*month_view).to_string()} onclick={toggle(true)}>{ ct.month_view }</button>
            </div>
            { if *month_view { grid } else { list } }
            <p class="calendar-export">
                <button type="button" class="button export-ics" onclick={on_export}>{ ct.export }</button>
                <span class="export-message" role="status">{ (*message).clone() }</span>
            </p>
        </section>
    }
}
