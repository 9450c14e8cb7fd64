//! Components rendered in headless Chromium: what a viewer sees and hears from the trust badge,
//! and what a merchant sees on the back-office page, on a generated marketplace of 150 merchants
//! (enough for most categories to have the five peers a placement needs).

// Tests state their expectations with unwrap/expect/panic: a failure should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use livetrust_app::i18n::{Lang, LangTexts};
use livetrust_app::live_view::LiveRoomView;
use livetrust_app::pages::merchant::MerchantPage;
use livetrust_app::state::{AppData, DataContext, Source};
use livetrust_core::generate::{generate, GenerateConfig};
use livetrust_core::index::report::PlacementStatus;
use livetrust_core::index::IndexReport;
use livetrust_widgets::{BadgeData, TrustBadge};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn data() -> Rc<AppData> {
    thread_local! {
        static DATA: Rc<AppData> = {
            let config = GenerateConfig { merchants: 150, ..GenerateConfig::default() };
            Rc::new(AppData::new(Source::Demo { seed: config.seed, merchants: config.merchants }, generate(&config).unwrap()).unwrap())
        };
    }
    DATA.with(Rc::clone)
}

/// The live room's view of [`data`], computed once (it ranks every listed shop's reviews).
fn live() -> Rc<LiveRoomView> {
    thread_local! {
        static LIVE: Rc<LiveRoomView> = Rc::new(LiveRoomView::of(&data()));
    }
    LIVE.with(Rc::clone)
}

#[derive(Properties, PartialEq)]
struct HostProps {
    lang: Lang,
    children: Html,
}

#[function_component(Host)]
fn host(props: &HostProps) -> Html {
    let context = DataContext {
        data: Some(data()),
        live: Some(live()),
        need_data: Callback::noop(),
        error: None,
        replace: Callback::noop(),
        use_demo: Callback::noop(),
        import: None,
        set_import: Callback::noop(),
    };
    // Pages link to each other, as in the app: a router (in memory, so the test page's URL is
    // left alone).
    let history = yew_router::history::AnyHistory::from(yew_router::history::MemoryHistory::new());
    html! {
        <yew_router::Router {history}>
            <ContextProvider<Lang> context={props.lang}>
                <ContextProvider<DataContext> context={context}>{ props.children.clone() }</ContextProvider<DataContext>>
            </ContextProvider<Lang>>
        </yew_router::Router>
    }
}

#[derive(Properties, PartialEq)]
struct BadgeHostProps {
    lang: Lang,
    report: Rc<IndexReport>,
}

#[function_component(BadgeHost)]
fn badge_host(props: &BadgeHostProps) -> Html {
    html! { <Host lang={props.lang}><TrustBadge data={Rc::new(BadgeData::from(&*props.report))} lang={props.lang} /></Host> }
}

#[derive(Properties, PartialEq)]
struct PageHostProps {
    id: String,
}

#[function_component(PageHost)]
fn page_host(props: &PageHostProps) -> Html {
    html! { <Host lang={Lang::Zh}><MerchantPage id={props.id.clone()} /></Host> }
}

fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn click(el: &web_sys::Element) {
    el.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn a_tiered_badge_reads_as_one_sentence_and_opens_the_four_dimensions() {
    let report = data()
        .reports
        .iter()
        .find(|r| r.placement.status == PlacementStatus::Tiered)
        .cloned()
        .expect("the demo has tiered merchants");
    let tier = report.placement.tier.unwrap();
    for (lang, prefix, better) in [
        (
            Lang::Zh,
            "回头客推荐指数：",
            format!("超过{}%同行", report.placement.better_than_percent.unwrap()),
        ),
        (
            Lang::En,
            "Repeat-buyer index: ",
            format!(
                "better than {}% of peers",
                report.placement.better_than_percent.unwrap()
            ),
        ),
    ] {
        let root = mount();
        yew::Renderer::<BadgeHost>::with_root_and_props(
            root.clone(),
            BadgeHostProps {
                lang,
                report: report.clone(),
            },
        )
        .render();
        yew::scheduler::flush().await;
        let button = root.query_selector(".badge-button").unwrap().unwrap();
        let label = button.text_content().unwrap();
        assert_eq!(
            label,
            format!(
                "{prefix}{}{}{better}",
                lang.texts().tier(tier),
                if lang == Lang::Zh { "，" } else { ", " }
            )
        );
        assert_eq!(
            button.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
        let panel = root.query_selector(".badge-panel").unwrap().unwrap();
        assert!(panel.has_attribute("hidden"));
        click(&button);
        yew::scheduler::flush().await;
        assert_eq!(
            button.get_attribute("aria-expanded").as_deref(),
            Some("true")
        );
        assert!(!panel.has_attribute("hidden"));
        let names: Vec<String> = (0..4)
            .map(|i| {
                root.query_selector_all(".dim-name")
                    .unwrap()
                    .get(i)
                    .unwrap()
                    .text_content()
                    .unwrap()
            })
            .collect();
        let expected = if lang == Lang::Zh {
            vec!["品质", "服务", "内容", "回头客购物体验"]
        } else {
            vec!["Quality", "Service", "Content", "Repeat-buyer experience"]
        };
        assert_eq!(names, expected);
    }
}

#[wasm_bindgen_test]
async fn the_badge_panel_says_no_data_for_a_dimension_without_cases_instead_of_a_tier() {
    use livetrust_core::index::report::DataStatus;
    use livetrust_core::index::Dimension;
    let report = data()
        .reports
        .iter()
        .find(|r| {
            r.placement.status == PlacementStatus::Tiered
                && r.dimensions
                    .iter()
                    .any(|d| d.dimension == Dimension::Content && d.status == DataStatus::NoData)
        })
        .cloned()
        .expect("a tiered demo merchant without live sessions");
    let root = mount();
    yew::Renderer::<BadgeHost>::with_root_and_props(
        root.clone(),
        BadgeHostProps {
            lang: Lang::Zh,
            report,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let content = root
        .query_selector("li[data-dimension=content] .dim-tier")
        .unwrap()
        .unwrap();
    assert_eq!(content.text_content().as_deref(), Some("暂无数据"));
    let quality = root
        .query_selector("li[data-dimension=quality] .dim-tier")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_ne!(quality, "暂无数据");
}

#[wasm_bindgen_test]
async fn the_back_office_of_a_brushed_shop_shows_what_was_discounted_and_why() {
    let d = data();
    let report = d
        .reports
        .iter()
        .filter(|r| r.guard.discounted_buyers > 0)
        .max_by_key(|r| r.guard.discounted_buyers)
        .cloned()
        .expect("the demo plants brushing rings");
    let root = mount();
    yew::Renderer::<PageHost>::with_root_and_props(
        root.clone(),
        PageHostProps {
            id: report.merchant_id.clone(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let summary = root
        .query_selector(".guard-summary")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        summary.contains(&format!(
            "已剔除 {} 个可疑买家",
            report.guard.discounted_buyers
        )),
        "{summary}"
    );
    assert_eq!(
        root.query_selector_all(".guard-reasons tbody tr")
            .unwrap()
            .length() as usize,
        report.guard.reasons.len()
    );
    let first = root
        .query_selector(".guard-examples tbody tr th")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(first, report.guard.examples[0].buyer_id);
}

#[wasm_bindgen_test]
async fn a_badge_without_enough_data_says_so() {
    let mut report = (*data().reports[0]).clone();
    report.placement.status = PlacementStatus::NotEnoughData;
    report.placement.tier = None;
    let root = mount();
    yew::Renderer::<BadgeHost>::with_root_and_props(
        root.clone(),
        BadgeHostProps {
            lang: Lang::Zh,
            report: Rc::new(report),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let button = root.query_selector(".badge-button").unwrap().unwrap();
    assert_eq!(
        button.text_content().as_deref(),
        Some("回头客推荐指数：暂无足够数据")
    );
    assert_eq!(
        root.query_selector(".tier-chip")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("暂无足够数据")
    );
}

#[wasm_bindgen_test]
async fn the_merchant_page_shows_dimensions_metrics_suggestions_and_a_working_what_if() {
    let d = data();
    // A merchant with suggestions (one that trails its peers somewhere).
    let report = d
        .reports
        .iter()
        .find(|r| !r.suggestions.is_empty())
        .cloned()
        .unwrap();
    let (merchant, _) = d.merchant(&report.merchant_id).unwrap();
    let root = mount();
    yew::Renderer::<PageHost>::with_root_and_props(
        root.clone(),
        PageHostProps {
            id: report.merchant_id.clone(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some(merchant.name.as_str())
    );
    assert_eq!(
        root.query_selector(".dimension-chart figcaption")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("四项维度与同行对比")
    );
    assert_eq!(
        root.query_selector_all(".dimension-chart .data-table tbody tr")
            .unwrap()
            .length(),
        4
    );
    assert_eq!(
        root.query_selector_all("table.metrics tbody tr")
            .unwrap()
            .length() as usize,
        report.metrics.len()
    );
    // Five weekly points of the trend, the last one today's score.
    assert_eq!(
        root.query_selector_all(".trend-chart tbody tr")
            .unwrap()
            .length(),
        5
    );
    let first = root
        .query_selector(".suggestions li")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(first.contains("→ 综合 +"), "{first}");

    // What-if: set the first metric to its best value and see a result line.
    let input: web_sys::HtmlInputElement = root
        .query_selector(".what-if-field input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("100");
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    let result = root
        .query_selector(".what-if-result")
        .unwrap()
        .expect("a what-if result");
    let text = result.text_content().unwrap();
    assert!(
        text.starts_with("模拟综合得分") && text.contains("→"),
        "{text}"
    );
    // Clearing the field drops the edit: no stale result.
    input.set_value("");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert!(root.query_selector(".what-if-result").unwrap().is_none());
    // Out of range: the field says so and nothing is computed.
    input.set_value("150");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(root.query_selector(".field-error").unwrap().is_some());
}

#[wasm_bindgen_test]
fn the_live_room_view_the_worker_sends_reads_back_as_it_was() {
    use livetrust_app::live_view::{Reply, WorkerReply};
    let view = LiveRoomView::of(&data());
    assert_eq!(view.shops.len(), livetrust_app::live_view::SHOWN);
    // Every listed shop that streams has its room, its session's seconds left behind.
    assert!(!view.rooms.is_empty());
    for room in &view.rooms {
        assert!(view.shops.iter().any(|s| s.id == room.shop_id));
        assert_eq!(room.session.merchant_id, room.shop_id);
        assert!(room.session.signals.is_none() && room.session.summary.is_some());
        assert!(!room.plan.products.is_empty());
    }
    let json = serde_json::to_string(&WorkerReply::LiveRoom {
        view: view.clone(),
        timings: Default::default(),
    })
    .unwrap();
    assert_eq!(Reply::read(&json), Reply::LiveRoom(view));
    assert_eq!(Reply::read(r#"{"kind":"ready"}"#), Reply::Ready);
    assert_eq!(
        Reply::read(r#"{"kind":"failed","error":"boom"}"#),
        Reply::Failed("boom".to_owned())
    );
    assert_eq!(
        Reply::read(r#"{"kind":"liveRoom","view":{"shops":[{"id":"m1"}]}}"#),
        Reply::Failed("view.shops[0].name: expected a string".to_owned())
    );
    let no_rooms = json.replace(r#""rooms":["#, r#""rooms":[1,"#);
    assert!(
        matches!(Reply::read(&no_rooms), Reply::Failed(e) if e.starts_with("view.rooms: expected rooms of live sessions")),
        "a broken room is named"
    );
    assert_eq!(
        Reply::read("not json"),
        Reply::Failed("the worker's reply is not JSON".to_owned())
    );
}
