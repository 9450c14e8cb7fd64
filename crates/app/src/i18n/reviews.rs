//! The back office's reviews page and reply editor, in Chinese (default) and English.

use livetrust_core::reviews::reply::{ReplyProblem, MAX_REPLY_CHARS};
use livetrust_core::reviews::FilterReason;

#[derive(Debug)]
pub struct ReviewsTexts {
    pub nav: &'static str,
    pub viewer_preview: &'static str,
    pub viewer_preview_note: &'static str,
    pub filters: &'static str,
    pub rating: &'static str,
    pub product: &'static str,
    pub tag: &'static str,
    pub reply_filter: &'static str,
    pub any: &'static str,
    pub replied: &'static str,
    pub not_replied: &'static str,
    pub kept_heading: &'static str,
    pub filtered_heading: &'static str,
    pub filtered_intro: &'static str,
    pub none_match: &'static str,
    pub show_more: &'static str,
    pub in_carousel: &'static str,
    pub reply: &'static str,
    pub edit_reply: &'static str,
    pub reply_label: &'static str,
    pub reply_field: &'static str,
    pub publish: &'static str,
    pub discard_draft: &'static str,
    pub delete_reply: &'static str,
    pub close: &'static str,
    pub saving: &'static str,
    pub draft_restored: &'static str,
    pub busy: &'static str,
    pub take_over: &'static str,
    pub lost: &'static str,
    pub conflict: &'static str,
    pub load_theirs: &'static str,
    pub keep_mine: &'static str,
    pub full: &'static str,
    pub unavailable: &'static str,
    pub export: &'static str,
    pub published: &'static str,
    pub deleted: &'static str,
    pub back_to_index: &'static str,
    title: fn(&str) -> String,
    summary: fn(u32, u32, u32, usize) -> String,
    results: fn(usize, usize) -> String,
    stars: fn(u8) -> String,
    chars: fn(usize) -> String,
    saved_at: fn(&str) -> String,
    duplicate_of: fn(&str) -> String,
    problem: fn(ReplyProblem) -> String,
    reason: fn(FilterReason) -> (&'static str, &'static str),
}

impl ReviewsTexts {
    pub fn title(&self, shop: &str) -> String {
        (self.title)(shop)
    }
    pub fn summary(&self, reviews: u32, eligible: u32, kept: u32, shown: usize) -> String {
        (self.summary)(reviews, eligible, kept, shown)
    }
    pub fn results(&self, showing: usize, of: usize) -> String {
        (self.results)(showing, of)
    }
    pub fn stars(&self, n: u8) -> String {
        (self.stars)(n)
    }
    pub fn chars(&self, n: usize) -> String {
        (self.chars)(n)
    }
    pub fn saved_at(&self, time: &str) -> String {
        (self.saved_at)(time)
    }
    pub fn duplicate_of(&self, id: &str) -> String {
        (self.duplicate_of)(id)
    }
    pub fn problem(&self, p: ReplyProblem) -> String {
        (self.problem)(p)
    }
    /// A reason's short name and what it means.
    pub fn reason(&self, r: FilterReason) -> (&'static str, &'static str) {
        (self.reason)(r)
    }
}

pub static ZH: ReviewsTexts = ReviewsTexts {
    nav: "回头客评价",
    viewer_preview: "观众在直播间看到的",
    viewer_preview_note:
        "回头客说轮播按公开的规则挑选，商家不能隐藏差评；发布的回复会显示在评价下方。",
    filters: "筛选评价",
    rating: "评分",
    product: "商品",
    tag: "标签",
    reply_filter: "商家回复",
    any: "全部",
    replied: "已回复",
    not_replied: "未回复",
    kept_heading: "回头客的评价",
    filtered_heading: "未展示的评价及原因",
    filtered_intro: "这些评价没有进入回头客说：每条都写明了原因。",
    none_match: "没有符合条件的评价。",
    show_more: "显示更多",
    in_carousel: "正在向观众展示",
    reply: "回复",
    edit_reply: "编辑回复",
    reply_label: "商家回复",
    reply_field: "回复内容",
    publish: "发布回复",
    discard_draft: "放弃草稿",
    delete_reply: "删除回复",
    close: "收起",
    saving: "正在保存草稿…",
    draft_restored: "已恢复上次未发布的草稿。",
    busy: "另一个标签页正在编辑这条回复，这里只能查看。",
    take_over: "在此标签页编辑",
    lost: "另一个标签页接手了这条回复的编辑，这里已改为只读。",
    conflict: "另一个标签页在你之后保存了这条回复，你的修改还没有保存。",
    load_theirs: "载入对方的版本",
    keep_mine: "保留我的版本",
    full: "本机存储空间已满，草稿没有保存。请导出草稿，以免丢失。",
    unavailable: "此浏览器不能在本机保存草稿（例如隐私模式），关闭页面后草稿会丢失。请导出草稿。",
    export: "导出草稿",
    published: "回复已发布：观众在直播间的回头客说中可以看到。",
    deleted: "回复已删除。",
    back_to_index: "返回回头客推荐指数",
    title: |shop| format!("{shop} · 回头客评价"),
    summary: |reviews, eligible, kept, shown| {
        format!("截至统计日共 {reviews} 条评价：{eligible} 条来自回头客，清理后保留 {kept} 条，其中 {shown} 条展示给观众。")
    },
    results: |showing, of| format!("显示 {showing} 条，共 {of} 条"),
    stars: |n| format!("{n} 星"),
    chars: |n| format!("{n} / {MAX_REPLY_CHARS} 字"),
    saved_at: |t| format!("草稿已保存于本机（{t}）"),
    duplicate_of: |id| format!("与评价 {id} 重复"),
    problem: |p| match p {
        ReplyProblem::Empty => "回复不能为空。".to_owned(),
        ReplyProblem::TooLong { chars } => {
            format!("回复最多 {MAX_REPLY_CHARS} 字，现在是 {chars} 字。")
        }
        ReplyProblem::ControlCharacter { code } => {
            format!("回复不能包含控制字符（U+{code:04X}），请删除后再发布。")
        }
    },
    reason: |r| match r {
        FilterReason::NotDelivered => ("未签收", "订单未签收，或评价写于签收之前。"),
        FilterReason::NotRepeatBuyer => ("非回头客", "买家在本店的已付款订单少于 2 笔。"),
        FilterReason::DiscountedByGuard => ("疑似刷单", "防刷单规则降权了这位买家。"),
        FilterReason::ProductNotChosen => {
            ("商品未选择", "商家只选择展示其他商品的评价（会告知观众）。")
        }
        FilterReason::TooShort => ("内容太短", "文字太少，看不出商品怎么样。"),
        FilterReason::Boilerplate => ("默认好评", "只有默认好评、未填写评价等套话。"),
        FilterReason::NavigationJunk => ("网页杂文", "含链接或网页导航文字，不像评价。"),
        FilterReason::CopyPasteSpam => ("复制粘贴", "同样或几乎同样的文字出自 3 位以上买家。"),
        FilterReason::ExactDuplicate => ("完全重复", "与之前保留的评价一字不差。"),
        FilterReason::NormalizedDuplicate => {
            ("重复", "去掉标点、空格和全半角差异后与之前的评价相同。")
        }
        FilterReason::NearDuplicate => ("近似重复", "与之前保留的评价几乎相同（相似度 ≥ 0.8）。"),
    },
};

pub static EN: ReviewsTexts = ReviewsTexts {
    nav: "Repeat-buyer reviews",
    viewer_preview: "What viewers see in the live room",
    viewer_preview_note: "The carousel follows a published rule and a shop cannot hide criticism; a published reply is shown under its review.",
    filters: "Filter reviews",
    rating: "Rating",
    product: "Product",
    tag: "Tag",
    reply_filter: "Shop's reply",
    any: "All",
    replied: "Replied",
    not_replied: "Not replied",
    kept_heading: "Reviews by repeat buyers",
    filtered_heading: "Reviews not shown, and why",
    filtered_intro: "These reviews are not in the carousel; each says why.",
    none_match: "No review matches.",
    show_more: "Show more",
    in_carousel: "Shown to viewers",
    reply: "Reply",
    edit_reply: "Edit reply",
    reply_label: "Shop's reply",
    reply_field: "Reply",
    publish: "Publish reply",
    discard_draft: "Discard draft",
    delete_reply: "Delete reply",
    close: "Close",
    saving: "Saving the draft…",
    draft_restored: "Your unpublished draft was restored.",
    busy: "Another tab is editing this reply; here it is read-only.",
    take_over: "Edit in this tab",
    lost: "Another tab took over this reply; here it is now read-only.",
    conflict: "Another tab saved this reply after you; your change is not saved yet.",
    load_theirs: "Load their version",
    keep_mine: "Keep mine",
    full: "This device's storage is full and the draft was not saved. Export it so it is not lost.",
    unavailable: "This browser cannot keep drafts on this device (private mode, for example); they are lost when the page closes. Export them.",
    export: "Export drafts",
    published: "Reply published: viewers see it in the live room's carousel.",
    deleted: "Reply deleted.",
    back_to_index: "Back to the repeat-buyer index",
    title: |shop| format!("{shop} · repeat-buyer reviews"),
    summary: |reviews, eligible, kept, shown| {
        format!("{reviews} reviews by the day T: {eligible} by repeat buyers, {kept} kept after the clean-up, {shown} shown to viewers.")
    },
    results: |showing, of| format!("Showing {showing} of {of}"),
    stars: |n| {
        if n == 1 {
            "1 star".to_owned()
        } else {
            format!("{n} stars")
        }
    },
    chars: |n| format!("{n} / {MAX_REPLY_CHARS} characters"),
    saved_at: |t| format!("Draft saved on this device ({t})"),
    duplicate_of: |id| format!("repeats review {id}"),
    problem: |p| match p {
        ReplyProblem::Empty => "A reply cannot be empty.".to_owned(),
        ReplyProblem::TooLong { chars } => {
            format!("A reply has at most {MAX_REPLY_CHARS} characters; this one has {chars}.")
        }
        ReplyProblem::ControlCharacter { code } => {
            format!("A reply cannot hold control characters (U+{code:04X}); remove it to publish.")
        }
    },
    reason: |r| match r {
        FilterReason::NotDelivered => ("Not delivered", "The order was not delivered, or the review came before delivery."),
        FilterReason::NotRepeatBuyer => ("Not a repeat buyer", "The buyer has fewer than 2 paid orders at the shop."),
        FilterReason::DiscountedByGuard => ("Suspected brushing", "The brushing guard discounted this buyer."),
        FilterReason::ProductNotChosen => ("Product not chosen", "The shop shows other products' reviews only (viewers are told)."),
        FilterReason::TooShort => ("Too short", "Too few words to say anything about the product."),
        FilterReason::Boilerplate => ("Boilerplate", "Only placeholders or bare praise."),
        FilterReason::NavigationJunk => ("Page junk", "A link or a web page's navigation words, not a review."),
        FilterReason::CopyPasteSpam => ("Copy-paste", "The same or nearly the same text from 3 or more buyers."),
        FilterReason::ExactDuplicate => ("Exact duplicate", "Word for word a review kept before it."),
        FilterReason::NormalizedDuplicate => ("Duplicate", "The same as an earlier review but for punctuation, spacing or width."),
        FilterReason::NearDuplicate => ("Near duplicate", "Nearly the same as a review kept before it (similarity ≥ 0.8)."),
    },
};
