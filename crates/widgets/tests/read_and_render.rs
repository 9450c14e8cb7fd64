//! The widgets in headless Chromium: the badge reader agrees with the core's serde types on every
//! report of a generated marketplace, names the field of bad input, and the element view renders
//! the badge, a problem, or "loading" into a shadow root as the host's shim asks; the carousel's
//! reader gives the native data for every shop's reviews report.

// Tests state their expectations with unwrap/expect/panic: a failure should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use livetrust_core::generate::{generate, GenerateConfig};
use livetrust_core::index::{market_index, IndexConfig, IndexReport};
use livetrust_widgets::read::badge_data;
use livetrust_widgets::BadgeData;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn reports() -> Vec<IndexReport> {
    let config = GenerateConfig {
        merchants: 120,
        ..GenerateConfig::default()
    };
    let data = generate(&config).unwrap();
    let as_of = data.day_after_latest_order().unwrap();
    let index_config = IndexConfig::default();
    market_index(&data, as_of, &index_config)
        .unwrap()
        .reports(&index_config)
        .unwrap()
}

fn parse(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn error_of(json: &str) -> String {
    badge_data(&parse(json)).unwrap_err().to_string()
}

#[wasm_bindgen_test]
fn the_reader_gives_what_serde_gives_for_every_report_whole_or_placement_only() {
    let reports = reports();
    let mut kinds = std::collections::BTreeSet::new();
    for report in &reports {
        let json = serde_json::to_string(report).unwrap();
        let read = badge_data(&parse(&json)).unwrap();
        assert_eq!(read, BadgeData::from(report), "{}", report.merchant_id);
        let serde: BadgeData = serde_json::from_str(&json).unwrap();
        assert_eq!(read, serde, "{}", report.merchant_id);
        let placement = serde_json::to_string(&report.placement).unwrap();
        let bare = badge_data(&parse(&placement)).unwrap();
        assert_eq!(bare.placement, report.placement);
        assert!(bare.dimensions.is_empty());
        for s in &report.placement.missing {
            kinds.insert(
                serde_json::to_value(s).unwrap()["kind"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
    }
    // The comparison covered tiered shops and shops without a tier, for more than one reason.
    assert!(reports.iter().any(|r| r.placement.tier.is_some()));
    assert!(kinds.len() >= 2, "{kinds:?}");
}

#[wasm_bindgen_test]
fn bad_input_is_refused_with_the_field_and_what_it_should_hold() {
    assert_eq!(
        error_of("[]"),
        "report: expected an object (an IndexReport or its placement)"
    );
    assert_eq!(
        error_of("3"),
        "report: expected an object (an IndexReport or its placement)"
    );
    assert_eq!(
        error_of(r#"{"placement": {"status": "great", "peerCount": 3, "missing": []}}"#),
        "placement.status: expected one of tiered, notEnoughData"
    );
    assert_eq!(
        error_of(r#"{"placement": {"status": "tiered", "missing": []}}"#),
        "placement.peerCount: expected a value (it is missing)"
    );
    assert_eq!(
        error_of(
            r#"{"status": "tiered", "peerCount": 5, "missing": [], "betterThanPercent": 101}"#
        ),
        "betterThanPercent: expected a whole percent from 0 to 100"
    );
    assert_eq!(
        error_of(r#"{"status": "tiered", "peerCount": 5.5, "missing": []}"#),
        "peerCount: expected a whole number, 0 or more"
    );
    assert_eq!(
        error_of(
            r#"{"placement": {"status": "notEnoughData", "peerCount": 5, "missing": [{"kind": "fewOrders", "orders": 3}]}}"#
        ),
        "placement.missing[0].needed: expected a value (it is missing)"
    );
    assert_eq!(
        error_of(
            r#"{"placement": {"status": "notEnoughData", "peerCount": 5, "missing": [{"kind": "tooShy"}]}}"#
        ),
        "placement.missing[0].kind: expected one of noData, fewOrders, fewPeers, wideInterval"
    );
    assert_eq!(
        error_of(
            r#"{"placement": {"status": "tiered", "tier": "best", "peerCount": 5, "missing": []}}"#
        ),
        "placement.tier: expected one of leading, average, slightlyBelow"
    );
    assert_eq!(
        error_of(
            r#"{"placement": {"status": "tiered", "peerCount": 5, "missing": []}, "dimensions": [{"dimension": "taste", "status": "scored"}]}"#
        ),
        "dimensions[0].dimension: expected one of quality, service, content, repeatExperience"
    );
    assert_eq!(
        error_of(r#"{"placement": {"status": "tiered", "peerCount": 5, "missing": {}}}"#),
        "placement.missing: expected an array"
    );
}

#[wasm_bindgen_test]
fn absent_and_null_optional_fields_mean_none() {
    let read = badge_data(&parse(
        r#"{"status": "tiered", "tier": null, "peerCount": 0, "missing": []}"#,
    ))
    .unwrap();
    assert_eq!(read.placement.tier, None);
    assert_eq!(read.placement.better_than_percent, None);
}

#[cfg(feature = "elements")]
mod element_view {
    use super::*;
    use livetrust_widgets::elements::ElementView;

    fn mount() -> web_sys::Element {
        let document = web_sys::window().unwrap().document().unwrap();
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        host
    }

    #[wasm_bindgen_test]
    async fn a_view_renders_loading_then_the_badge_then_a_problem_and_is_freed() {
        let report = reports()
            .into_iter()
            .find(|r| r.placement.better_than_percent.is_some() && r.placement.tier.is_some())
            .unwrap();
        let root = mount();
        let mut view = ElementView::new(root.clone(), "badge");
        assert_eq!(view.show(JsValue::UNDEFINED, ""), None);
        yew::scheduler::flush().await;
        assert_eq!(root.text_content().unwrap(), "正在载入回头客推荐指数");

        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(view.show(parse(&json), "en"), None);
        yew::scheduler::flush().await;
        let text = root.text_content().unwrap();
        assert!(
            text.starts_with(&format!(
                "Repeat-buyer index: {}",
                livetrust_widgets::Lang::En
                    .viewer()
                    .tier(report.placement.tier.unwrap())
            )),
            "{text}"
        );

        let problem = view.show(parse(r#"{"placement": {}}"#), "zh-CN");
        assert_eq!(
            problem.as_deref(),
            Some("placement.status: expected a value (it is missing)")
        );
        yew::scheduler::flush().await;
        assert_eq!(
            root.text_content().unwrap(),
            "无法显示回头客推荐指数：placement.status: expected a value (it is missing)"
        );

        view.destroy();
        yew::scheduler::flush().await;
        assert_eq!(root.child_element_count(), 0);
    }
}

/// The carousel's reader gives, for every shop's `ReviewsReport` (as JSON), what the component
/// would be given natively (`ReviewsData::from`): dates, replies, tags and rule included.
#[wasm_bindgen_test]
fn the_reviews_reader_gives_the_native_data_for_every_shop_of_a_marketplace() {
    use livetrust_core::reviews::{Reviews, ReviewsConfig};
    use livetrust_widgets::read::reviews_data;
    use livetrust_widgets::ReviewsData;
    let config = GenerateConfig {
        merchants: 40,
        ..GenerateConfig::default()
    };
    let data = generate(&config).unwrap();
    let as_of = data.day_after_latest_order().unwrap();
    let prepared = Reviews::prepare(
        &data,
        as_of,
        &ReviewsConfig::default(),
        &IndexConfig::default(),
    )
    .unwrap();
    let (mut shown, mut replies) = (0, 0);
    for m in &data.merchants {
        let report = prepared.report(&m.id).unwrap();
        let json = serde_json::to_string(&report).unwrap();
        let read = reviews_data(&parse(&json)).unwrap();
        assert_eq!(read, ReviewsData::from(&report), "{}", m.id);
        shown += read.shown.len();
        replies += read.shown.iter().filter(|r| r.reply.is_some()).count();
    }
    assert!(
        shown > 100 && replies > 0,
        "{shown} shown, {replies} with a reply"
    );
    let bad = r#"{"shown":[{"reviewId":"r","productId":"p","ordersAtShop":2,"rating":5,"text":"t","mediaCount":0,"helpfulVotes":0,"createdAt":"yesterday","tags":[]}],"rule":{"minOrders":2,"shown":9}}"#;
    assert_eq!(
        reviews_data(&parse(bad)).unwrap_err().to_string(),
        "shown[0].createdAt: expected an RFC 3339 time"
    );
}

#[wasm_bindgen_test]
fn the_preview_reader_gives_the_native_card_for_generated_previews() {
    use livetrust_core::preview::{generate as propose, PreviewConfig};
    use livetrust_widgets::read::preview_data;
    use livetrust_widgets::PreviewData;
    let config = GenerateConfig {
        merchants: 30,
        ..GenerateConfig::default()
    };
    let data = generate(&config).unwrap();
    let now: livetrust_core::model::Timestamp = "2026-11-20T04:00:00Z".parse().unwrap();
    let mut checked = 0;
    for m in &data.merchants {
        let Ok(g) = propose(&data, &m.id, now, None, &PreviewConfig::default()) else {
            continue;
        };
        // The core's Preview JSON as a host gets it from `livetrust preview`.
        let from_core = preview_data(&parse(&serde_json::to_string(&g.preview).unwrap())).unwrap();
        assert_eq!(
            from_core,
            PreviewData::of(&g.preview, None, None),
            "{}",
            m.id
        );
        // The card's own JSON (the live room's worker sends it) reads back the same.
        let card = PreviewData::of(
            &g.preview,
            Some(format!("{}-next", m.id)),
            Some(m.name.clone()),
        );
        let again = preview_data(&parse(&serde_json::to_string(&card).unwrap())).unwrap();
        assert_eq!(again, card);
        checked += 1;
    }
    assert!(checked >= 20, "{checked} previews");
    let bad = preview_data(&parse(
        r#"{"merchantId":"m","start":"2026-11-20T12:00:00Z","minutes":60,"title":"t","items":[{"title":"x","role":"star","livePriceFen":1,"listPriceFen":2}]}"#,
    ))
    .unwrap_err();
    assert_eq!(bad.path, "items[0].role");
}
