//! Tests of the repeat-buyer reviews on hand-built shops: one per eligibility and clean-up rule,
//! the tags, the ranking's balance and diversity, and properties (a kept text is never changed;
//! no hidden tag outnumbers a shown one).

use proptest::prelude::*;

use super::*;
use crate::model::*;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn as_of() -> LocalDate {
    "2026-11-24".parse().unwrap()
}

/// One shop (m0) with two products, and a second shop (m1).
fn shop() -> Dataset {
    let mut d = Dataset::default();
    d.categories.push(Category {
        id: "c".into(),
        name: "食品".into(),
        parent_id: None,
        repurchase: None,
    });
    d.categories.push(Category {
        id: "c-fresh".into(),
        name: "生鲜".into(),
        parent_id: Some("c".into()),
        repurchase: Some(Repurchase::High),
    });
    for m in 0..2 {
        d.merchants.push(Merchant {
            id: format!("m{m}"),
            name: format!("店{m}"),
            category_id: "c-fresh".into(),
            merchant_type: MerchantType::Vertical,
            start_date: "2025-01-01".parse().unwrap(),
            followers: 100,
        });
        for p in 0..2 {
            d.products.push(Product {
                id: format!("p{m}-{p}"),
                merchant_id: format!("m{m}"),
                title: "橙子".into(),
                list_price_fen: 3000,
                category_id: "c-fresh".into(),
            });
        }
    }
    d
}

fn order(
    d: &mut Dataset,
    merchant: usize,
    product: usize,
    buyer: &str,
    paid: &str,
    delivered: bool,
) -> usize {
    let paid_at = ts(paid);
    d.orders.push(Order {
        id: format!("o{}", d.orders.len()),
        buyer_id: buyer.into(),
        merchant_id: format!("m{merchant}"),
        product_id: format!("p{merchant}-{product}"),
        channel: Channel::LiveRoom,
        quantity: 1,
        amount_fen: 3000,
        paid_at,
        shipped_at: Some(paid_at.plus_seconds(20 * 3600)),
        delivered_at: delivered.then(|| paid_at.plus_seconds(60 * 3600)),
        refund: None,
    });
    d.orders.len() - 1
}

fn review(d: &mut Dataset, order: usize, overall: u8, text: &str) -> String {
    let o = &d.orders[order];
    let created_at = o.delivered_at.unwrap_or(o.paid_at).plus_seconds(24 * 3600);
    let id = format!("r{}", d.reviews.len());
    d.reviews.push(Review {
        id: id.clone(),
        order_id: o.id.clone(),
        buyer_id: o.buyer_id.clone(),
        ratings: Ratings {
            overall,
            quality: None,
            value_for_money: None,
            logistics: None,
            service: None,
        },
        text: text.into(),
        media_count: 0,
        created_at,
        helpful_votes: 0,
        reply: None,
    });
    id
}

/// A repeat buyer `buyer` of m0 (two orders) reviewing the second one with `text`.
/// Its review is written three days after the second order (before T for days up to 19).
fn repeat_review(d: &mut Dataset, buyer: &str, day: u32, overall: u8, text: &str) -> String {
    order(d, 0, 0, buyer, &format!("2026-10-{day:02}T04:00:00Z"), true);
    let o = order(
        d,
        0,
        (day % 2) as usize,
        buyer,
        &format!("2026-11-{day:02}T04:00:00Z"),
        true,
    );
    review(d, o, overall, text)
}

fn no_guard() -> IndexConfig {
    let mut c = IndexConfig::default();
    c.guard.discount_from_points = u32::MAX;
    c
}

fn run(d: &Dataset) -> ReviewsReport {
    repeat_buyer_reviews(d, "m0", as_of(), &ReviewsConfig::default(), &no_guard()).unwrap()
}

fn reason_of(report: &ReviewsReport, reason: FilterReason) -> Vec<String> {
    report
        .filtered
        .iter()
        .filter(|f| f.reason == reason)
        .flat_map(|f| f.examples.iter().map(|e| e.review_id.clone()))
        .collect()
}

fn shown_ids(report: &ReviewsReport) -> Vec<String> {
    report.shown.iter().map(|s| s.review_id.clone()).collect()
}

#[test]
fn only_reviews_of_delivered_orders_by_buyers_with_two_paid_orders_at_the_shop_are_eligible() {
    let mut d = shop();
    let once = order(&mut d, 0, 0, "b-once", "2026-11-02T04:00:00Z", true);
    let one_timer = review(&mut d, once, 5, "橙子很甜，水分很足，下次还买");
    let repeat = repeat_review(&mut d, "b-twice", 3, 5, "第二次买了，质量很好，物流很快");
    order(&mut d, 0, 0, "b-undelivered", "2026-10-05T04:00:00Z", true);
    let pending = order(&mut d, 0, 1, "b-undelivered", "2026-11-05T04:00:00Z", false);
    let undelivered = review(&mut d, pending, 5, "还没到就先评价了，应该不错吧");
    // An order at another shop does not make a repeat buyer here.
    order(&mut d, 1, 0, "b-elsewhere", "2026-10-06T04:00:00Z", true);
    let here = order(&mut d, 0, 0, "b-elsewhere", "2026-11-06T04:00:00Z", true);
    let elsewhere = review(&mut d, here, 4, "在别家买过，这家也还行吧挺好");
    let report = run(&d);
    assert_eq!(shown_ids(&report), vec![repeat.clone()]);
    assert_eq!(report.shown[0].orders_at_shop, 2);
    assert_eq!(
        reason_of(&report, FilterReason::NotRepeatBuyer),
        vec![one_timer, elsewhere]
    );
    assert_eq!(
        reason_of(&report, FilterReason::NotDelivered),
        vec![undelivered]
    );
    assert_eq!((report.reviews, report.eligible, report.kept), (4, 1, 1));
}

#[test]
fn buyers_the_brushing_guard_discounts_are_not_shown() {
    let d = crate::generate::generate(&crate::generate::GenerateConfig {
        merchants: 60,
        ..Default::default()
    })
    .unwrap();
    let as_of = d.day_after_latest_order().unwrap();
    let index = IndexConfig::default();
    let config = ReviewsConfig::default();
    // The shops where the index discounted reviews of buyers (the demo's brushing rings).
    let market = crate::index::market_index(&d, as_of, &index).unwrap();
    let brushed: Vec<&str> = d
        .merchants
        .iter()
        .map(|m| m.id.as_str())
        .filter(|id| {
            market
                .report(id, &index)
                .is_ok_and(|r| r.guard.discounted_reviews > 0)
        })
        .collect();
    assert!(!brushed.is_empty(), "the demo plants brushing rings");
    let mut discounted = 0;
    for id in brushed {
        let report = repeat_buyer_reviews(&d, id, as_of, &config, &index).unwrap();
        discounted += report
            .filtered
            .iter()
            .filter(|f| f.reason == FilterReason::DiscountedByGuard)
            .map(|f| f.count)
            .sum::<u32>();
        let off = repeat_buyer_reviews(&d, id, as_of, &config, &no_guard()).unwrap();
        assert!(off
            .filtered
            .iter()
            .all(|f| f.reason != FilterReason::DiscountedByGuard));
        assert!(report.eligible <= off.eligible, "{id}");
    }
    assert!(discounted > 0, "the rings' reviews are left out");
}

#[test]
fn placeholders_and_bare_praise_are_boilerplate_and_short_texts_too_short() {
    let mut d = shop();
    let a = repeat_review(&mut d, "b1", 1, 5, "默认好评");
    let b = repeat_review(&mut d, "b2", 2, 5, "此用户未填写评价。");
    let c = repeat_review(&mut d, "b3", 3, 5, "好评！好评！");
    let e = repeat_review(&mut d, "b4", 4, 5, "还行吧");
    let f = repeat_review(&mut d, "b5", 5, 5, "");
    let g = repeat_review(&mut d, "b7", 7, 5, "早餐也不错");
    let kept = repeat_review(&mut d, "b6", 6, 5, "好评，橙子很新鲜，个头也大");
    let report = run(&d);
    assert_eq!(reason_of(&report, FilterReason::Boilerplate), vec![a, b, c]);
    let short: Vec<String> = report
        .filtered
        .iter()
        .filter(|x| x.reason == FilterReason::TooShort)
        .map(|x| x.count.to_string())
        .collect();
    assert_eq!(short, vec!["3"], "还行吧, the empty text and 早餐也不错");
    assert_eq!(reason_of(&report, FilterReason::TooShort), vec![e, f, g]);
    assert_eq!(shown_ids(&report), vec![kept]);
}

#[test]
fn links_and_the_navigation_words_of_a_scraped_page_are_junk() {
    let mut d = shop();
    let a = repeat_review(&mut d, "b1", 1, 5, "首页 登录 注册 购物车 我的订单 橙子");
    let b = repeat_review(&mut d, "b2", 2, 5, "便宜好货请看 www.example.com 橙子");
    let kept = repeat_review(&mut d, "b3", 3, 5, "回到首页又买了一次，很甜很新鲜");
    let report = run(&d);
    assert_eq!(reason_of(&report, FilterReason::NavigationJunk), vec![a, b]);
    assert_eq!(
        shown_ids(&report),
        vec![kept],
        "one navigation word in a sentence is not junk"
    );
}

#[test]
fn exact_normalized_and_near_duplicates_keep_the_first_and_name_it() {
    let mut d = shop();
    let first = repeat_review(
        &mut d,
        "b1",
        1,
        5,
        "橙子非常甜，水分很足，包装也很好，下次还来",
    );
    let exact = repeat_review(
        &mut d,
        "b1",
        2,
        5,
        "橙子非常甜，水分很足，包装也很好，下次还来",
    );
    let normal = repeat_review(
        &mut d,
        "b1",
        3,
        5,
        "橙子非常甜 水分很足！包装也很好&#65292;下次还来",
    );
    let near = repeat_review(
        &mut d,
        "b1",
        4,
        5,
        "橙子非常甜，水分很足，包装也很好，下次还会来",
    );
    let other = repeat_review(&mut d, "b2", 5, 4, "个头偏小，但是味道不错，物流很快");
    let report = run(&d);
    let dup = |reason| {
        report
            .filtered
            .iter()
            .find(|f| f.reason == reason)
            .map(|f| {
                f.examples
                    .iter()
                    .map(|e| (e.review_id.clone(), e.duplicate_of.clone()))
                    .collect::<Vec<_>>()
            })
    };
    assert_eq!(
        dup(FilterReason::ExactDuplicate),
        Some(vec![(exact, Some(first.clone()))])
    );
    assert_eq!(
        dup(FilterReason::NormalizedDuplicate),
        Some(vec![(normal, Some(first.clone()))])
    );
    assert_eq!(
        dup(FilterReason::NearDuplicate),
        Some(vec![(near, Some(first.clone()))])
    );
    let mut shown = shown_ids(&report);
    shown.sort();
    assert_eq!(shown, vec![first, other]);
}

#[test]
fn the_same_text_from_three_buyers_is_copy_paste_spam_and_none_of_it_is_shown() {
    let mut d = shop();
    let text = "宝贝收到了，非常满意，和描述的一样，五星好评推荐购买";
    let a = repeat_review(&mut d, "b1", 1, 5, text);
    let b = repeat_review(&mut d, "b2", 2, 5, text);
    // The third copy is at another shop: spam is counted across the data.
    let o = order(&mut d, 1, 0, "b3", "2026-11-03T04:00:00Z", true);
    review(&mut d, o, 5, text);
    let kept = repeat_review(&mut d, "b4", 4, 5, "橙子很甜，给家里老人买的，他们很喜欢");
    let report = run(&d);
    assert_eq!(reason_of(&report, FilterReason::CopyPasteSpam), vec![a, b]);
    assert_eq!(shown_ids(&report), vec![kept]);
    // Two buyers are not enough.
    let config = ReviewsConfig {
        spam_buyers: 4,
        ..ReviewsConfig::default()
    };
    let report = repeat_buyer_reviews(&d, "m0", as_of(), &config, &no_guard()).unwrap();
    assert!(reason_of(&report, FilterReason::CopyPasteSpam).is_empty());
}

#[test]
fn tags_pair_an_aspect_with_its_opinion_and_turn_with_a_negator() {
    let labels = |t: &str| {
        tags::mentions(t)
            .into_iter()
            .map(|m| (m.label, m.polarity))
            .collect::<Vec<_>>()
    };
    use tags::Polarity::{Negative, Positive};
    assert_eq!(
        labels("质量很好，物流也很快"),
        vec![("质量好".into(), Positive), ("物流快".into(), Positive)]
    );
    assert_eq!(
        labels("味道偏咸，包装一般"),
        vec![("味道偏咸".into(), Negative), ("包装一般".into(), Negative)]
    );
    assert_eq!(labels("质量不好"), vec![("质量不好".into(), Negative)]);
    assert_eq!(
        labels("口感不错，发货太慢"),
        vec![("味道不错".into(), Positive), ("物流慢".into(), Negative)],
        "不错 is praise"
    );
    assert_eq!(
        labels("价格不贵，性价比高"),
        vec![("价格不贵".into(), Positive), ("性价比高".into(), Positive)]
    );
    assert_eq!(labels("快递，很好"), vec![], "no opinion across a comma");
    assert_eq!(
        labels("质量好质量好"),
        vec![("质量好".into(), Positive)],
        "once per review"
    );
    assert_eq!(
        labels("物流&#24456;快"),
        vec![("物流快".into(), Positive)],
        "entities decoded"
    );
}

#[test]
fn tags_count_kept_reviews_and_show_the_most_mentioned() {
    let mut d = shop();
    for i in 0..5 {
        repeat_review(
            &mut d,
            &format!("b{i}"),
            i + 1,
            5,
            &format!("第{i}次买，质量很好，值得{}", "推荐".repeat(i as usize + 1)),
        );
    }
    repeat_review(&mut d, "b9", 9, 2, "这次味道偏咸，物流也慢了两天");
    let report = run(&d);
    let tag = |l: &str| report.tags.iter().find(|t| t.label == l).cloned();
    assert_eq!(tag("质量好").map(|t| (t.count, t.shown)), Some((5, true)));
    assert_eq!(
        tag("味道偏咸").map(|t| (t.count, t.polarity)),
        Some((1, tags::Polarity::Negative))
    );
    assert_eq!(tag("物流慢").map(|t| t.count), Some(1));
}

#[test]
fn a_critical_repeat_buyer_review_is_shown_even_when_praise_scores_higher() {
    let mut d = shop();
    for i in 0..12 {
        repeat_review(
            &mut d,
            &format!("b{i}"),
            i + 1,
            5,
            &format!("质量很好，物流很快，包装很好，第{i}次回购了，价格实惠"),
        );
    }
    let critical = repeat_review(&mut d, "bc", 15, 2, "这次有两个坏的");
    let report = run(&d);
    assert_eq!(report.shown.len(), 9);
    assert!(shown_ids(&report).contains(&critical));
    assert!(report.rule.includes_critical);
}

#[test]
fn the_selection_spreads_over_products() {
    let mut d = shop();
    // Many similar reviews of product 0, one of product 1: the one of product 1 is picked early.
    for i in 0..8 {
        let o0 = order(
            &mut d,
            0,
            0,
            &format!("b{i}"),
            &format!("2026-10-{:02}T04:00:00Z", i + 1),
            true,
        );
        let _ = o0;
        let o = order(
            &mut d,
            0,
            0,
            &format!("b{i}"),
            &format!("2026-11-{:02}T04:00:00Z", i + 1),
            true,
        );
        review(
            &mut d,
            o,
            5,
            &format!("第{i}回，质量很好，物流很快，很满意的一次购物"),
        );
    }
    order(&mut d, 0, 1, "bx", "2026-10-15T04:00:00Z", true);
    let o = order(&mut d, 0, 1, "bx", "2026-11-15T04:00:00Z", true);
    let other = review(&mut d, o, 5, "另一款也不错，颜色好看，尺码合适");
    let config = ReviewsConfig {
        shown: 3,
        ..ReviewsConfig::default()
    };
    let report = repeat_buyer_reviews(&d, "m0", as_of(), &config, &no_guard()).unwrap();
    assert!(
        shown_ids(&report).contains(&other),
        "{:?}",
        shown_ids(&report)
    );
}

#[test]
fn bad_settings_and_unknown_shops_are_typed_errors_naming_the_field() {
    let d = shop();
    let bad = ReviewsConfig {
        min_orders: 1,
        ..ReviewsConfig::default()
    };
    let e = repeat_buyer_reviews(&d, "m0", as_of(), &bad, &no_guard()).unwrap_err();
    assert!(e.to_string().contains("minOrders"), "{e}");
    let bad = ReviewsConfig {
        near_duplicate: f64::NAN,
        ..ReviewsConfig::default()
    };
    assert!(repeat_buyer_reviews(&d, "m0", as_of(), &bad, &no_guard())
        .unwrap_err()
        .to_string()
        .contains("nearDuplicate"));
    let e = repeat_buyer_reviews(
        &d,
        "nobody",
        as_of(),
        &ReviewsConfig::default(),
        &no_guard(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("merchantId"), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_kept_text_is_the_buyers_own_text_unchanged_and_no_hidden_tag_outnumbers_a_shown_one(
        texts in prop::collection::vec(
            prop::sample::select(vec![
                "质量很好", "物流很快", "味道偏咸", "&amp;", " ", "！", "包装一般", "默认好评", "首页",
                "橙子", "很甜", "<script>alert(1)</script>", "价格不贵", "１２３", "\u{3000}", "下次还买",
            ]).prop_map(str::to_owned),
            1..30,
        ).prop_flat_map(|parts| (Just(parts.clone()), prop::collection::vec(0..parts.len(), 1..8)))
    ) {
        let (parts, picks) = texts;
        let mut d = shop();
        let mut written = std::collections::HashMap::new();
        for (i, p) in picks.iter().enumerate() {
            let text: String = parts.iter().cycle().skip(*p).take(3 + i % 4).cloned().collect();
            let id = repeat_review(&mut d, &format!("b{i}"), (i % 19 + 1) as u32, 5, &text);
            written.insert(id, text);
        }
        let report = run(&d);
        for s in &report.shown {
            prop_assert_eq!(Some(&s.text), written.get(&s.review_id));
        }
        let shown_min = report.tags.iter().filter(|t| t.shown).map(|t| t.count).min();
        if let Some(min) = shown_min {
            prop_assert!(report.tags.iter().filter(|t| !t.shown).all(|t| t.count <= min));
        }
        let accounted: u32 = report.filtered.iter().map(|f| f.count).sum::<u32>() + report.kept;
        prop_assert_eq!(accounted, report.reviews, "every review is kept or has a reason");
    }
}

#[test]
fn a_reply_is_trimmed_plain_text_of_at_most_500_characters() {
    use reply::{check_reply, delete_reply, set_reply, MAX_REPLY_CHARS};
    assert_eq!(
        check_reply("  谢谢老顾客支持！\n下次见  ").unwrap(),
        "谢谢老顾客支持！\n下次见"
    );
    let field = |t: &str| check_reply(t).unwrap_err().to_string();
    assert!(field("   ").contains("reply.text"));
    assert!(field(&"好".repeat(MAX_REPLY_CHARS + 1)).contains("at most 500"));
    assert!(check_reply(&"好".repeat(MAX_REPLY_CHARS)).is_ok());
    assert!(field("谢谢\u{0007}").contains("U+0007"));
    assert!(
        field("谢谢\u{202E}反转").contains("U+202E"),
        "a bidirectional override could disguise the text"
    );
    // Markup is kept as the merchant typed it: it is text, shown escaped.
    assert_eq!(
        check_reply("<img src=x onerror=alert(1)>").unwrap(),
        "<img src=x onerror=alert(1)>"
    );

    let mut d = shop();
    let id = repeat_review(&mut d, "b1", 3, 5, "橙子很甜，给家里老人买的");
    let r = d.reviews.iter_mut().find(|r| r.id == id).unwrap();
    let written = r.created_at;
    assert!(set_reply(r, "谢谢", written.plus_seconds(-1))
        .unwrap_err()
        .to_string()
        .contains("repliedAt"));
    set_reply(r, " 谢谢支持 ", written.plus_seconds(3600)).unwrap();
    assert_eq!(r.reply.as_ref().map(|x| x.text.as_str()), Some("谢谢支持"));
    set_reply(r, "改一下：谢谢老顾客", written.plus_seconds(7200)).unwrap();
    assert!(set_reply(r, "", written.plus_seconds(7200)).is_err());
    assert_eq!(
        r.reply.as_ref().map(|x| x.text.as_str()),
        Some("改一下：谢谢老顾客"),
        "a refused edit keeps the reply"
    );
    let report = run(&d);
    assert_eq!(
        report.shown[0].reply.as_ref().map(|x| x.text.as_str()),
        Some("改一下：谢谢老顾客")
    );
    let r = d.reviews.iter_mut().find(|r| r.id == id).unwrap();
    assert!(delete_reply(r));
    assert!(!delete_reply(r));
}

#[test]
fn a_merchants_product_choice_leaves_the_others_out_with_a_reason_and_is_disclosed() {
    let mut d = shop();
    let even = repeat_review(&mut d, "b1", 2, 5, "偶数天的橙子很甜，汁水很多");
    let odd = repeat_review(&mut d, "b2", 3, 4, "奇数天的橙子个头大，包装很好");
    let config = ReviewsConfig {
        products: vec!["p0-0".into()],
        ..ReviewsConfig::default()
    };
    let report = repeat_buyer_reviews(&d, "m0", as_of(), &config, &no_guard()).unwrap();
    assert_eq!(shown_ids(&report), vec![even]);
    assert_eq!(
        reason_of(&report, FilterReason::ProductNotChosen),
        vec![odd]
    );
    assert_eq!(report.rule.products, vec!["p0-0".to_owned()]);
    assert_eq!(report.shown[0].product_title, "橙子");
    let bad = ReviewsConfig {
        products: vec![" ".into()],
        ..ReviewsConfig::default()
    };
    let e = repeat_buyer_reviews(&d, "m0", as_of(), &bad, &no_guard()).unwrap_err();
    assert!(e.to_string().contains("products[0]"), "{e}");
}

#[test]
fn one_prepared_dataset_answers_every_merchant_as_a_single_call_does() {
    let mut d = shop();
    for (i, text) in [
        "质量很好，物流很快",
        "味道偏咸，下次少放盐",
        "包装一般，但是很新鲜",
    ]
    .iter()
    .enumerate()
    {
        repeat_review(&mut d, &format!("b{i}"), i as u32 + 2, 4, text);
    }
    order(&mut d, 1, 0, "c1", "2026-10-02T04:00:00Z", true);
    let o = order(&mut d, 1, 1, "c1", "2026-11-02T04:00:00Z", true);
    review(&mut d, o, 3, "另一家的橙子有点酸，物流慢");
    let config = ReviewsConfig::default();
    let prepared = Reviews::prepare(&d, as_of(), &config, &no_guard()).unwrap();
    for m in ["m0", "m1"] {
        assert_eq!(
            prepared.report(m).unwrap(),
            repeat_buyer_reviews(&d, m, as_of(), &config, &no_guard()).unwrap()
        );
    }
    assert!(prepared.report("m9").is_err());
}

/// A fixed sample of shopping-review sentences (written for this test, in the style of real
/// ones) and what the clean-up and the tags make of it, pinned by a snapshot.
#[test]
fn bare_texts_are_cleaned_and_tagged_as_the_shops_reviews_are() {
    let sample = [
        "质量很好，物流很快，下次还来",
        "质量很好，物流很快，下次还来",
        "质量很好！物流很快！下次还来！",
        "质量很好，物流很快，下次还会来",
        "默认好评",
        "好",
        "首页 登录 购物车 我的订单",
        "味道偏咸，不太喜欢，包装还可以",
        "价格不贵，性价比高，孩子很喜欢",
        "物流太慢了，等了一个星期才到",
        "客服态度很好，耐心解答问题",
        "尺码偏小，建议买大一号",
        "颜色好看，质量不好，洗了一次就起球",
        "&lt;b&gt;东西不错&lt;/b&gt; 很新鲜，包装严实",
    ];
    let report = clean_texts(&sample, &ReviewsConfig::default()).unwrap();
    let accounted: u32 = report.filtered.iter().map(|f| f.count).sum::<u32>() + report.kept;
    assert_eq!(accounted, report.texts);
    let mut lines = vec![format!("texts {} kept {}", report.texts, report.kept)];
    for f in &report.filtered {
        let ids: Vec<&str> = f.examples.iter().map(|e| e.review_id.as_str()).collect();
        lines.push(format!("{:?} {} {:?}", f.reason, f.count, ids));
    }
    for t in &report.tags {
        let sign = match t.polarity {
            tags::Polarity::Positive => "+",
            tags::Polarity::Negative => "-",
        };
        let shown = if t.shown { "shown" } else { "hidden" };
        lines.push(format!("{} {sign} {} {shown}", t.label, t.count));
    }
    insta::assert_snapshot!(lines.join("\n"));
}

/// The exact Jaccard similarity of two texts' shingle sets, as the fingerprints estimate it.
fn jaccard(a: &str, b: &str, width: usize) -> f64 {
    let set = |t: &str| {
        let chars: Vec<char> = crate::text::normalize(t).chars().collect();
        let w = width.min(chars.len().max(1));
        chars
            .windows(w)
            .map(|x| x.iter().collect::<String>())
            .collect::<std::collections::HashSet<_>>()
    };
    let (x, y) = (set(a), set(b));
    let union = x.union(&y).count();
    if union == 0 {
        return 1.0;
    }
    x.intersection(&y).count() as f64 / union as f64
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_fingerprints_similarity_is_the_shingle_sets_jaccard_similarity(
        base in "[质量很好物流快包装严实味道偏咸价格不贵下次还来橙子甜]{12,60}",
        edit in "[质量很好物流快包装严实味道偏咸价格不贵下次还来橙子甜]{0,20}",
        cut in 0usize..60,
    ) {
        let chars: Vec<char> = base.chars().collect();
        let cut = cut.min(chars.len());
        let other: String = chars[..cut].iter().copied().chain(edit.chars()).chain(chars[cut..].iter().copied()).collect();
        let (a, b) = (cleanup::Fingerprint::of(&base, 3), cleanup::Fingerprint::of(&other, 3));
        let exact = jaccard(&base, &other, 3);
        prop_assert!((a.similarity(&b) - exact).abs() < 1e-12, "{} vs exact {}", a.similarity(&b), exact);
        prop_assert_eq!(a.similarity(&a), 1.0);
    }
}

#[test]
fn the_listing_gives_every_review_of_the_shop_with_its_outcome_and_the_same_report() {
    let mut d = shop();
    let first = repeat_review(&mut d, "b1", 2, 5, "质量很好，物流很快，下次还来");
    let copy = repeat_review(&mut d, "b2", 3, 5, "质量很好，物流很快，下次还来");
    let short = repeat_review(&mut d, "b3", 4, 4, "还行");
    let o = order(&mut d, 0, 1, "once", "2026-11-05T04:00:00Z", true);
    let once = review(&mut d, o, 2, "第一次买，味道偏咸");
    let prepared = Reviews::prepare(&d, as_of(), &ReviewsConfig::default(), &no_guard()).unwrap();
    let listing = prepared.listing("m0").unwrap();
    assert_eq!(listing.report, prepared.report("m0").unwrap());
    let outcome = |id: &str| {
        let l = listing
            .reviews
            .iter()
            .find(|l| l.review.review_id == id)
            .unwrap();
        (l.shown, l.left_out, l.duplicate_of.clone())
    };
    assert_eq!(outcome(&first), (true, None, None));
    assert_eq!(
        outcome(&copy),
        (
            false,
            Some(FilterReason::ExactDuplicate),
            Some(first.clone())
        )
    );
    assert_eq!(outcome(&short), (false, Some(FilterReason::TooShort), None));
    assert_eq!(
        outcome(&once),
        (false, Some(FilterReason::NotRepeatBuyer), None)
    );
    let tags_of_once = &listing
        .reviews
        .iter()
        .find(|l| l.review.review_id == once)
        .unwrap()
        .review
        .tags;
    assert_eq!(tags_of_once, &vec!["味道偏咸".to_owned()]);
    assert_eq!(listing.reviews.len() as u32, listing.report.reviews);
}
