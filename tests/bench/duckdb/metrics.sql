-- The repeat-buyer index's per-merchant raw metric values (docs/index-methodology.md) in DuckDB
-- SQL: the DuckDB side of the race in tests/bench/duckdb/race.py (issue 16).
--
-- What it computes: for every merchant of the `merchants` view, the sufficient statistics the
-- core's `index::tally::tally_all` computes with the default IndexConfig — for each of the 12
-- metrics its cases or values `<metric>_n`, its successes or sum `<metric>_sum` and its raw value
-- `<metric>` (= sum ÷ n, NULL without cases) — plus `recentOrders` (genuine orders paid in the
-- recent window) and the guard's counts `ignoredReviews`, `cappedReviews`, `discountedBuyers`,
-- `discountedOrders`, `discountedReviews`, `discountedRecentOrders`. Both repeat-experience
-- metrics are given for every merchant; the report shows the one of its category's flag.
-- Day T is the Asia/Shanghai day after the latest order (or `SET VARIABLE as_of = DATE '…'`
-- before running this), windows are whole Shanghai days from the zone database (ICU).
--
-- Everything the raw values depend on is reproduced, the brushing guard included: account
-- evidence (new account, only this shop, ring device and address clusters by size or of fresh
-- buyers only), order spikes against the median of 48-hour spans from the shop's first day and the
-- lower median of whole-fen unit prices, newcomer spikes, eligible reviews, look-alike bursts,
-- instant reviews, copied text (first writer at the shop by (createdAt, file position)), the
-- verdict from account points + the most suspicious order, linkedToRing and withTheRing
-- expansion; then every metric over genuine records only (discountWeight 0), with the
-- per-buyer cap of 3 reviews, the latest review per reviewer, the complaint cap, etc.
--
-- What it does not do, precisely:
-- - Only the default IndexConfig (windows 30/1, 44/15, settle 14 days, the guard's defaults,
--   discountWeight 0): the numbers are written into the SQL, not read from a config.
-- - No validation: the data are assumed to pass `livetrust validate` (unique ids, every
--   reference resolved, times in order, enums spelt right). livetrust skips invalid records;
--   this SQL would count them.
-- - The text normal form for copied reviews (crates/core/src/text) is the core's for every
--   character except the few with the Unicode property Other_Alphabetic outside U+24B6–U+24E9
--   (mostly combining vowel signs of Indic and South-East Asian scripts): Rust's
--   `char::is_alphanumeric` keeps them, RE2's [\p{L}\p{N}] does not. DuckDB's lower() and
--   Rust's char::to_lowercase may also differ for characters their Unicode versions disagree on.
--   Texts are compared exactly where the core compares 64-bit hashes of them.
-- - The history days are computed from the zone database and must be 86 400 s each (true for
--   Asia/Shanghai since 1991); otherwise the script stops with an error rather than guess.
-- - The means over service events and live sessions are added up in the tables' order, as the
--   core does (bit for bit); those over orders (delivery and refund hours) in DuckDB's order, not
--   the orders table's (numbering a million orders in file order costs a single-threaded pass):
--   they can differ from the core's in the last bits.
-- - Not the guard's listing (reasons, examples, bursts, spikes), and not what comes after the
--   raw values (shrinkage, peers, sketches, scores, tiers).
--
-- Input views, named like the tables (views-ndjson.sql, views-parquet.sql):
--   categories(id, repurchase), merchants(id, categoryId),
--   buyers(id, registeredAt, addressCluster, deviceCluster),
--   orders(id, buyerId, merchantId, productId, channel, quantity, amountFen, paidAt, shippedAt,
--          deliveredAt, refundKind, refundReason, refundRequestedAt, refundCompletedAt,
--          refundDisputed),
--   reviews(id, orderId, buyerId, overallRating, qualityRating, valueForMoney, text, createdAt,
--           ri = position in the reviews table, 0-based),
--   serviceEvents(kind, merchantId, buyerId, startedAt, firstResponseSeconds, createdAt,
--                 pos = position in the table),
--   liveSessions(merchantId, startAt, signals STRUCT(viewers[], comments[]),
--                summary STRUCT(viewerMinutes, comments), onAir STRUCT(productId, startSecond,
--                endSecond)[], explainMarks STRUCT(productId, second)[], pos).
-- Times are TIMESTAMPTZ. The last statement returns one row per merchant.

-- Whole seconds since the epoch, as the core's Timestamp::unix (its floor, for times after 1970).
CREATE OR REPLACE TEMP MACRO lt_sec(t) AS epoch_us(t) // 1000000;

-- ---------------------------------------------------------------------------------------------
-- The text normal form (crates/core/src/text): HTML entities decoded (the five XML ones, &nbsp;,
-- numeric references), full-width forms and the ideographic space folded, lower case, letters
-- and digits only. A decoded character that is no letter or digit is dropped at once (it would
-- be filtered out anyway); the decoding is one pass, as the core's.
CREATE OR REPLACE TEMP MACRO lt_code(c) AS
    CASE WHEN c IS NULL OR c > 1114111 OR c BETWEEN 55296 AND 57343 THEN NULL
         WHEN c < 32 THEN '' ELSE chr(c::INTEGER) END;
CREATE OR REPLACE TEMP MACRO lt_entity(name) AS
    CASE WHEN name IN ('amp', 'lt', 'gt', 'quot', 'apos', 'nbsp') THEN ''
         WHEN regexp_full_match(name, '#\+?[0-9]+')
             THEN lt_code(TRY_CAST(regexp_extract(name, '#\+?([0-9]+)', 1) AS BIGINT))
         WHEN regexp_full_match(name, '#[xX]\+?[0-9a-fA-F]+')
             THEN lt_code(TRY_CAST('0x' || regexp_extract(name, '#[xX]\+?([0-9a-fA-F]+)', 1)
                                   AS BIGINT))
    END;
-- One piece after an '&': an entity name of at most 11 bytes ending in ';', or a literal '&'.
CREATE OR REPLACE TEMP MACRO lt_decode_part(x) AS
    coalesce(CASE WHEN strpos(x, ';') BETWEEN 1 AND 12
                  THEN lt_entity(substr(x, 1, strpos(x, ';') - 1)) || substr(x, strpos(x, ';') + 1)
             END,
             '&' || x);
CREATE OR REPLACE TEMP MACRO lt_decode(t) AS
    CASE WHEN contains(t, '&')
         THEN string_split(t, '&')[1]
              || array_to_string(list_transform(string_split(t, '&')[2:],
                                                lambda x: lt_decode_part(x)), '')
         ELSE t END;
-- Letters and digits only: Unicode letters and numbers, the CJK block (the core keeps it whole)
-- and the circled letters (Other_Alphabetic symbols). Filtering before folding and lower-casing
-- gives the same result as after (what is dropped folds and lower-cases to nothing kept), and
-- leaves only the full-width letters and digits to fold: translate() is slow, so it runs only on
-- texts that have them. After lower-casing the filter runs again (some lower-case forms add a
-- combining mark).
CREATE OR REPLACE TEMP MACRO lt_keep(t) AS
    regexp_replace(t, '[^\p{L}\p{N}\x{4E00}-\x{9FFF}\x{24B6}-\x{24E9}]', '', 'g');
CREATE OR REPLACE TEMP MACRO lt_fold(t) AS
    CASE WHEN regexp_matches(t, '[\x{FF10}-\x{FF19}\x{FF21}-\x{FF3A}\x{FF41}-\x{FF5A}]')
         THEN translate(t, '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
         ELSE t END;
CREATE OR REPLACE TEMP MACRO lt_normal(t) AS lt_keep(lower(lt_fold(lt_keep(lt_decode(t)))));

-- ---------------------------------------------------------------------------------------------
-- Orders, read once: times as seconds, the whole-fen unit price, whether the merchant is indexed.
CREATE OR REPLACE TEMP TABLE lt_o0 AS
SELECT o.id, o.buyerId AS b, o.merchantId AS m, o.productId AS p, o.channel = 'liveRoom' AS live,
       o.amountFen // greatest(o.quantity, 1) AS unit,
       lt_sec(o.paidAt) AS paid, lt_sec(o.shippedAt) AS shipped,
       lt_sec(o.deliveredAt) AS delivered,
       o.refundKind AS rkind, o.refundReason AS rreason,
       lt_sec(o.refundRequestedAt) AS rreq, lt_sec(o.refundCompletedAt) AS rdone,
       coalesce(o.refundDisputed, false) AS rdisputed,
       mm.id IS NOT NULL AS known
FROM orders o LEFT JOIN merchants mm ON mm.id = o.merchantId;

-- Day T and the windows, as UTC second bounds [start, end) of whole Shanghai days.
CREATE OR REPLACE TEMP TABLE lt_t AS
SELECT coalesce(TRY_CAST(getvariable('as_of') AS DATE),
                timezone('Asia/Shanghai', to_timestamp(max(paid)))::DATE + 1) AS T
FROM lt_o0;

-- The starts of the history days T-60 … T-1 and of T (k = 0 … 60), from the zone database.
CREATE OR REPLACE TEMP TABLE lt_days AS
SELECT k, lt_sec(timezone('Asia/Shanghai', (T - 60 + k::INTEGER)::TIMESTAMP)) AS s
FROM lt_t, range(0, 61) r(k);

CREATE OR REPLACE TEMP TABLE lt_p AS
SELECT max(s) FILTER (WHERE k = 0)  AS h0,     -- history: [T-60, T-1]
       max(s) FILTER (WHERE k = 60) AS hend,
       max(s) FILTER (WHERE k = 30) AS rec0,   -- recent: [T-30, T-1]
       max(s) FILTER (WHERE k = 60) AS rec1,
       max(s) FILTER (WHERE k = 16) AS lag0,   -- lagged: [T-44, T-15]
       max(s) FILTER (WHERE k = 46) AS lag1,
       max(s) FILTER (WHERE k = 58) AS ship1,  -- shipping: [T-30, T-3]
       14 * 86400 AS settle,
       -- Days are then numbered by arithmetic; a zone change inside the history stops here.
       CASE WHEN count(DISTINCT s - k * 86400) = 1 THEN true
            ELSE error('the history days are not all 86 400 s long') END AS even_days
FROM lt_days;

-- Orders with the history day of payment (NULL outside [T-60, T-1]): a view, not a copy.
CREATE OR REPLACE TEMP VIEW lt_o AS
SELECT lt_o0.*,
       CASE WHEN paid >= h0 AND paid < hend THEN (paid - h0) // 86400 END AS d
FROM lt_o0, lt_p;

-- Each (shop, buyer) pair, over every order in the data (also at merchants not indexed, for
-- where a buyer shops): its orders, first payment, recent orders and recent live-room orders,
-- and its orders' share of the order metrics (summed over the genuine pairs at the end).
CREATE OR REPLACE TEMP TABLE lt_pr_all AS
SELECT m, b, bool_or(known) AS known, count(*) AS n_orders, min(paid) AS first_paid,
       count(*) FILTER (WHERE paid >= rec0 AND paid < rec1) AS recent_orders,
       count(*) FILTER (WHERE paid >= rec0 AND paid < rec1 AND live) AS recent_live,
       -- Quality refunds requested within 14 days of orders paid in the lagged window.
       count(*) FILTER (WHERE paid >= lag0 AND paid < lag1) AS qrr_n,
       count(*) FILTER (WHERE paid >= lag0 AND paid < lag1 AND rreason = 'quality'
                        AND rreq - paid <= settle) AS qrr_s,
       -- Orders paid in [T-30, T-3]: unshipped is late, shipped before payment is no case.
       count(*) FILTER (WHERE paid >= rec0 AND paid < ship1
                        AND (shipped IS NULL OR shipped >= paid)) AS ship_n,
       count(*) FILTER (WHERE paid >= rec0 AND paid < ship1
                        AND shipped >= paid AND shipped - paid <= 48 * 3600) AS ship_s,
       -- Payment to delivery, delivered in the recent window.
       count(*) FILTER (WHERE delivered >= rec0 AND delivered < rec1
                        AND delivered >= paid) AS del_n,
       sum((delivered - paid)::DOUBLE / 3600) FILTER (WHERE delivered >= rec0
                        AND delivered < rec1 AND delivered >= paid) AS del_s,
       -- Request to completion, completed in the recent window, disputes excluded.
       count(*) FILTER (WHERE rdone >= rec0 AND rdone < rec1 AND NOT rdisputed
                        AND rdone >= rreq AND rkind = 'refundOnly') AS ro_n,
       sum((rdone - rreq)::DOUBLE / 3600) FILTER (WHERE rdone >= rec0 AND rdone < rec1
                        AND NOT rdisputed AND rdone >= rreq AND rkind = 'refundOnly') AS ro_s,
       count(*) FILTER (WHERE rdone >= rec0 AND rdone < rec1 AND NOT rdisputed
                        AND rdone >= rreq AND rkind = 'returnAndRefund') AS rr_n,
       sum((rdone - rreq)::DOUBLE / 3600) FILTER (WHERE rdone >= rec0 AND rdone < rec1
                        AND NOT rdisputed AND rdone >= rreq AND rkind = 'returnAndRefund') AS rr_s
FROM lt_o0, lt_p GROUP BY m, b;

-- Where each buyer shops.
CREATE OR REPLACE TEMP TABLE lt_shops AS
SELECT b, count(*) AS shops FROM lt_pr_all GROUP BY b;

CREATE OR REPLACE TEMP VIEW lt_pr AS SELECT * FROM lt_pr_all WHERE known;

-- Per merchant: the first history day with an order (0 for orders before the history; NULL
-- without any order before T) and the lower median of unit prices over the history days.
CREATE OR REPLACE TEMP TABLE lt_m AS
SELECT m,
       min(CASE WHEN paid < h0 THEN 0 WHEN paid < hend THEN d END) AS first_day,
       coalesce(quantile_disc(unit, 0.5) FILTER (WHERE d IS NOT NULL), 0) AS median_price
FROM lt_o, lt_p WHERE known GROUP BY m;

-- ---------------------------------------------------------------------------------------------
-- Account evidence.
CREATE OR REPLACE TEMP TABLE lt_acc0 AS
SELECT pr.*, bu.deviceCluster AS dev, bu.addressCluster AS addr,
       coalesce(pr.first_paid - lt_sec(bu.registeredAt) <= 30 * 86400, false) AS new_acc,
       s.shops = 1 AS only_here
FROM lt_pr pr JOIN lt_shops s USING (b) LEFT JOIN buyers bu ON bu.id = pr.b;

-- Ring clusters: shared by at least 3 (devices) or 4 (addresses) buyers of the shop, or by two
-- or more that are all fresh (new accounts buying only here).
CREATE OR REPLACE TEMP TABLE lt_acc AS
WITH ring_dev AS (
    SELECT m, dev FROM lt_acc0 WHERE dev IS NOT NULL GROUP BY m, dev
    HAVING count(*) >= 3 OR (count(*) >= 2 AND bool_and(new_acc AND only_here))),
ring_addr AS (
    SELECT m, addr FROM lt_acc0 WHERE addr IS NOT NULL GROUP BY m, addr
    HAVING count(*) >= 4 OR (count(*) >= 2 AND bool_and(new_acc AND only_here)))
SELECT a.*, new_acc AND only_here AS fresh,
       new_acc::INT + only_here::INT + 3 * (rd.dev IS NOT NULL)::INT
           + 2 * (ra.addr IS NOT NULL)::INT AS acct
FROM lt_acc0 a
LEFT JOIN ring_dev rd ON rd.m = a.m AND rd.dev = a.dev
LEFT JOIN ring_addr ra ON ra.m = a.m AND ra.addr = a.addr;

-- ---------------------------------------------------------------------------------------------
-- Order spikes: per product, the days inside 48-hour spans with at least 5 orders and more than
-- 4 × max(usual, 1), usual the median of the spans from the shop's first day (needs 7 days).
CREATE OR REPLACE TEMP TABLE lt_pd AS
SELECT m, p, d, count(*) AS cnt FROM lt_o WHERE known AND d IS NOT NULL GROUP BY m, p, d;

CREATE OR REPLACE TEMP TABLE lt_spike_days AS
WITH grid AS (
    SELECT k.m, k.p, g.d, coalesce(pd.cnt, 0) AS c
    FROM (SELECT DISTINCT m, p FROM lt_pd) k
    JOIN lt_m USING (m)
    JOIN range(0, 60) g(d) ON g.d >= lt_m.first_day
    LEFT JOIN lt_pd pd ON pd.m = k.m AND pd.p = k.p AND pd.d = g.d
    WHERE lt_m.first_day <= 60 - 7),
spans AS (
    SELECT m, p, d, c + lead(c) OVER (PARTITION BY m, p ORDER BY d) AS span FROM grid),
usual AS (
    SELECT m, p, d, span, median(span) OVER (PARTITION BY m, p) AS usual
    FROM spans WHERE span IS NOT NULL),
hot AS (SELECT m, p, d FROM usual WHERE span >= 5 AND span > 4.0 * greatest(usual, 1.0))
SELECT DISTINCT m, p, d FROM (SELECT m, p, d FROM hot UNION ALL SELECT m, p, d + 1 FROM hot);

-- Orders in a spike at most the shop's median unit price, and their evidence points: orderSpike
-- (1), plus newcomerSpike (1) when at least half of those orders of the product that day are by
-- fresh buyers.
CREATE OR REPLACE TEMP TABLE lt_ord_ev AS
WITH spk AS (
    SELECT o.id, o.m, o.b, o.p, o.d, a.fresh
    FROM lt_o o
    JOIN lt_spike_days s ON s.m = o.m AND s.p = o.p AND s.d = o.d
    JOIN lt_m ON lt_m.m = o.m
    JOIN lt_acc a ON a.m = o.m AND a.b = o.b
    WHERE o.unit <= lt_m.median_price),
mix AS (SELECT m, p, d, count(*) AS n_all, count(*) FILTER (WHERE fresh) AS n_new
        FROM spk GROUP BY m, p, d)
SELECT spk.id, spk.m, spk.b,
       1 + (mix.n_new::DOUBLE >= 0.5 * mix.n_all)::INT AS opts
FROM spk JOIN mix USING (m, p, d);

-- ---------------------------------------------------------------------------------------------
-- Reviews of orders of indexed merchants; eligible: the order delivered at or before the review,
-- written by the order's buyer.
CREATE OR REPLACE TEMP TABLE lt_r AS
SELECT r.ri, o.m, o.b, o.id AS oid, r.buyerId = o.b AS same_buyer,
       lt_sec(r.createdAt) AS created, r.overallRating AS ov, r.qualityRating AS q,
       r.valueForMoney AS vfm, r."text" AS txt, o.paid, o.delivered
FROM reviews r JOIN lt_o o ON o.id = r.orderId AND o.known;

CREATE OR REPLACE TEMP TABLE lt_ignored AS
SELECT m, count(*) AS ignored FROM lt_r
WHERE NOT (delivered IS NOT NULL AND delivered <= created AND same_buyer) GROUP BY m;

CREATE OR REPLACE TEMP TABLE lt_er AS
SELECT r.ri, r.m, r.b, r.oid, r.created, r.ov, r.q, r.vfm, r.txt, r.paid, r.delivered,
       r.created * 1000000000 + r.ri AS wseq,
       CASE WHEN r.created >= lt_p.h0 AND r.created < lt_p.hend
            THEN (r.created - lt_p.h0) // 86400 END AS cday,
       pr.n_orders <= 1 AND (r.ov = 5 OR r.ov <= 1) AS look,
       coalesce(e.opts, 0) AS opts
FROM lt_r r
CROSS JOIN lt_p
JOIN lt_pr pr ON pr.m = r.m AND pr.b = r.b
LEFT JOIN lt_ord_ev e ON e.id = r.oid
WHERE r.delivered IS NOT NULL AND r.delivered <= r.created AND r.same_buyer;

-- Bursts: days inside 48-hour spans with at least 3 look-alike reviews and more than
-- 4 × max(usual, 1).
CREATE OR REPLACE TEMP TABLE lt_burst_days AS
WITH per_day AS (
    SELECT m, cday AS d, count(*) AS c FROM lt_er WHERE look AND cday IS NOT NULL GROUP BY m, cday),
grid AS (
    SELECT k.m, g.d, coalesce(pd.c, 0) AS c
    FROM (SELECT DISTINCT m FROM per_day) k
    JOIN lt_m USING (m)
    JOIN range(0, 60) g(d) ON g.d >= lt_m.first_day
    LEFT JOIN per_day pd ON pd.m = k.m AND pd.d = g.d
    WHERE lt_m.first_day <= 60 - 7),
spans AS (SELECT m, d, c + lead(c) OVER (PARTITION BY m ORDER BY d) AS span FROM grid),
usual AS (SELECT m, d, span, median(span) OVER (PARTITION BY m) AS usual
          FROM spans WHERE span IS NOT NULL),
hot AS (SELECT m, d FROM usual WHERE span >= 3 AND span > 4.0 * greatest(usual, 1.0))
SELECT DISTINCT m, d FROM (SELECT m, d FROM hot UNION ALL SELECT m, d + 1 FROM hot);

-- Review evidence points: its order's spike points, reviewBurst (2), instantReview (1),
-- copiedText (1: the normal form, of at least 8 characters, first written at the shop by
-- another buyer, in the order the reviews were written).
CREATE OR REPLACE TEMP TABLE lt_rev_ev AS
WITH texts AS (
    -- Each distinct text normalised once.
    SELECT txt, CASE WHEN length(nf) >= 8 THEN nf END AS tkey
    FROM (SELECT txt, lt_normal(txt) AS nf FROM (SELECT DISTINCT txt FROM lt_er))),
keyed AS (SELECT er.*, texts.tkey FROM lt_er er LEFT JOIN texts USING (txt)),
first_writer AS (
    SELECT m, tkey, arg_min(b, wseq) AS first_b FROM keyed WHERE tkey IS NOT NULL
    GROUP BY m, tkey)
SELECT k.m, k.b,
       k.opts + 2 * (k.look AND bd.d IS NOT NULL)::INT
           + (k.created - k.delivered <= 3600)::INT
           + coalesce(fw.first_b <> k.b, false)::INT AS rpts
FROM keyed k
LEFT JOIN lt_burst_days bd ON bd.m = k.m AND bd.d = k.cday
LEFT JOIN first_writer fw ON fw.m = k.m AND fw.tkey = k.tkey;

-- ---------------------------------------------------------------------------------------------
-- Verdicts: account points + the most suspicious order (with its review) ≥ 4; then linkedToRing
-- (3) for buyers of the shop on a discounted buyer's device or at its address; then withTheRing
-- (2) for buyers whose every order fell on a ring day of its product (history days on which the
-- shop's discounted buyers placed at least 3 of its orders and at least half).
CREATE OR REPLACE TEMP TABLE lt_v1 AS
WITH act AS (
    SELECT m, b, max(pts) AS act FROM (
        SELECT m, b, opts AS pts FROM lt_ord_ev
        UNION ALL SELECT m, b, rpts FROM lt_rev_ev) GROUP BY m, b),
nrev AS (SELECT m, b, count(*) AS n_reviews FROM lt_er GROUP BY m, b)
SELECT a.m, a.b, a.dev, a.addr, a.n_orders, a.recent_orders, a.recent_live,
       coalesce(nrev.n_reviews, 0) AS n_reviews,
       a.acct + coalesce(act.act, 0) AS pts,
       a.acct + coalesce(act.act, 0) >= 4 AS d1
FROM lt_acc a
LEFT JOIN act ON act.m = a.m AND act.b = a.b
LEFT JOIN nrev ON nrev.m = a.m AND nrev.b = a.b;

CREATE OR REPLACE TEMP TABLE lt_v2 AS
WITH ring_dev AS (SELECT DISTINCT m, dev FROM lt_v1 WHERE d1 AND dev IS NOT NULL),
ring_addr AS (SELECT DISTINCT m, addr FROM lt_v1 WHERE d1 AND addr IS NOT NULL),
linked AS (
    SELECT v.*, NOT v.d1 AND (rd.dev IS NOT NULL OR ra.addr IS NOT NULL) AS linked
    FROM lt_v1 v
    LEFT JOIN ring_dev rd ON rd.m = v.m AND rd.dev = v.dev
    LEFT JOIN ring_addr ra ON ra.m = v.m AND ra.addr = v.addr)
SELECT * REPLACE (pts + 3 * linked::INT AS pts), d1 OR pts + 3 * linked::INT >= 4 AS d2
FROM linked;

CREATE OR REPLACE TEMP TABLE lt_pair AS
WITH ring_days AS (
    SELECT o.m, o.p, o.d, count(*) AS ring
    FROM lt_o o JOIN lt_v2 v ON v.m = o.m AND v.b = o.b
    WHERE v.d2 AND o.d IS NOT NULL GROUP BY o.m, o.p, o.d),
with_ring AS (
    SELECT o.m, o.b,
           bool_and(o.d IS NOT NULL AND coalesce(rd.ring, 0) >= 3
                    AND 2 * coalesce(rd.ring, 0) >= coalesce(pd.cnt, 0)) AS with_ring
    FROM lt_o o
    JOIN lt_v2 v ON v.m = o.m AND v.b = o.b
    LEFT JOIN ring_days rd ON rd.m = o.m AND rd.p = o.p AND rd.d = o.d
    LEFT JOIN lt_pd pd ON pd.m = o.m AND pd.p = o.p AND pd.d = o.d
    WHERE o.known AND NOT v.d2 AND o.m IN (SELECT m FROM ring_days)
    GROUP BY o.m, o.b)
SELECT v.m, v.b, v.n_reviews,
       v.d2 OR (coalesce(w.with_ring, false) AND v.pts + 2 >= 4) AS disc
FROM lt_v2 v LEFT JOIN with_ring w ON w.m = v.m AND w.b = v.b;

-- ---------------------------------------------------------------------------------------------
-- The metrics over genuine records.
CREATE OR REPLACE TEMP TABLE lt_pair_t AS
SELECT m,
       sum(recent_orders) FILTER (WHERE NOT disc) AS recent_orders,
       sum(recent_orders) FILTER (WHERE disc) AS discounted_recent_orders,
       count(*) FILTER (WHERE disc) AS discounted_buyers,
       sum(n_orders) FILTER (WHERE disc) AS discounted_orders,
       sum(n_reviews) FILTER (WHERE disc) AS discounted_reviews,
       count(*) FILTER (WHERE NOT disc AND recent_orders > 0) AS repeat_n,
       count(*) FILTER (WHERE NOT disc AND recent_orders > 0 AND recent_live >= 2) AS repeat_s,
       sum(qrr_n) FILTER (WHERE NOT disc) AS qrr_n, sum(qrr_s) FILTER (WHERE NOT disc) AS qrr_s,
       sum(ship_n) FILTER (WHERE NOT disc) AS ship_n,
       sum(ship_s) FILTER (WHERE NOT disc) AS ship_s,
       sum(del_n) FILTER (WHERE NOT disc) AS del_n, sum(del_s) FILTER (WHERE NOT disc) AS del_s,
       sum(ro_n) FILTER (WHERE NOT disc) AS ro_n, sum(ro_s) FILTER (WHERE NOT disc) AS ro_s,
       sum(rr_n) FILTER (WHERE NOT disc) AS rr_n, sum(rr_s) FILTER (WHERE NOT disc) AS rr_s
FROM lt_pair JOIN lt_pr USING (m, b) GROUP BY m;

-- Reviews of genuine buyers: the latest review of each reviewer in the recent window; for the
-- dissatisfaction rate, rated reviews within 14 days of payment of orders paid in the lagged
-- window, at most the first 3 per buyer.
CREATE OR REPLACE TEMP TABLE lt_review_t AS
WITH g AS (
    SELECT er.* FROM lt_er er JOIN lt_pair pr ON pr.m = er.m AND pr.b = er.b WHERE NOT pr.disc),
latest AS (
    SELECT g.m, g.b, arg_max(g.ov >= 4, g.wseq) AS positive
    FROM g, lt_p WHERE g.created >= rec0 AND g.created < rec1 GROUP BY g.m, g.b),
pos AS (SELECT m, count(*) AS pos_n, count(*) FILTER (WHERE positive) AS pos_s
        FROM latest GROUP BY m),
rated AS (
    SELECT g.m, g.q, g.vfm,
           row_number() OVER (PARTITION BY g.m, g.b ORDER BY g.wseq) AS k
    FROM g, lt_p
    WHERE g.paid >= lag0 AND g.paid < lag1 AND g.created - g.paid <= settle
      AND (g.q IS NOT NULL OR g.vfm IS NOT NULL)),
dis AS (
    SELECT m, count(*) FILTER (WHERE k <= 3) AS dis_n,
           count(*) FILTER (WHERE k <= 3 AND (q <= 3 OR vfm = 'notWorth')) AS dis_s,
           count(*) FILTER (WHERE k > 3) AS capped
    FROM rated GROUP BY m)
SELECT coalesce(pos.m, dis.m) AS m, pos_n, pos_s, dis_n, dis_s, capped
FROM pos FULL JOIN dis ON dis.m = pos.m;

-- Service events of buyers not discounted at the shop.
CREATE OR REPLACE TEMP TABLE lt_service_t AS
SELECT e.merchantId AS m,
       count(*) FILTER (WHERE e.kind = 'conversation' AND lt_sec(e.startedAt) >= rec0
                        AND lt_sec(e.startedAt) < rec1) AS frm_n,
       sum(CASE WHEN e.firstResponseSeconds IS NULL THEN 60.0::DOUBLE
                ELSE least(e.firstResponseSeconds::DOUBLE / 60, 60.0::DOUBLE) END
           ORDER BY e.pos)
           FILTER (WHERE e.kind = 'conversation' AND lt_sec(e.startedAt) >= rec0
                   AND lt_sec(e.startedAt) < rec1) AS frm_s,
       count(*) FILTER (WHERE e.kind = 'complaint' AND lt_sec(e.createdAt) >= rec0
                        AND lt_sec(e.createdAt) < rec1) AS complaints
FROM serviceEvents e
CROSS JOIN lt_p
SEMI JOIN merchants mm ON mm.id = e.merchantId
LEFT JOIN lt_pair pr ON pr.m = e.merchantId AND pr.b = e.buyerId
WHERE NOT coalesce(pr.disc, false)
GROUP BY e.merchantId;

-- Live sessions started in the recent window: comments per 1 000 viewer-minutes (from the
-- per-second signals when present, else the summary; sessions without viewers skipped), and
-- on-air intervals with an explain mark of their product in [start, end).
CREATE OR REPLACE TEMP TABLE lt_live_t AS
WITH s AS (
    SELECT ls.merchantId AS m,
           CASE WHEN ls.signals IS NOT NULL
                THEN coalesce(list_sum(ls.signals.viewers), 0)::DOUBLE / 60
                ELSE ls.summary.viewerMinutes::DOUBLE END AS vm,
           CASE WHEN ls.signals IS NOT NULL THEN coalesce(list_sum(ls.signals.comments), 0)
                ELSE ls.summary.comments END::DOUBLE AS cm,
           ls.pos, coalesce(len(ls.onAir), 0) AS intervals,
           coalesce(len(list_filter(ls.onAir, lambda a: len(list_filter(ls.explainMarks,
               lambda e: e.productId = a.productId AND a.startSecond <= e.second
                         AND e.second < a.endSecond)) > 0)), 0) AS explained
    FROM liveSessions ls CROSS JOIN lt_p
    SEMI JOIN merchants mm ON mm.id = ls.merchantId
    WHERE lt_sec(ls.startAt) >= rec0 AND lt_sec(ls.startAt) < rec1)
SELECT m,
       count(*) FILTER (WHERE vm > 0) AS eng_n,
       sum(cm * 1000 / vm ORDER BY pos) FILTER (WHERE vm > 0) AS eng_s,
       sum(intervals) AS exp_n, sum(explained) AS exp_s
FROM s GROUP BY m;

-- ---------------------------------------------------------------------------------------------
-- One row per merchant.
CREATE OR REPLACE TEMP MACRO lt_val(s, n) AS CASE WHEN n > 0 THEN s::DOUBLE / n END;

CREATE OR REPLACE TEMP TABLE lt_result AS
WITH b AS (
    SELECT mm.id AS merchantId, mm.categoryId, c.repurchase, (SELECT T FROM lt_t) AS "asOf",
           coalesce(pt.recent_orders, 0) AS recentOrders,
           coalesce(pt.repeat_n, 0) AS repeat_n, coalesce(pt.repeat_s, 0) AS repeat_s,
           coalesce(rt.pos_n, 0) AS pos_n, coalesce(rt.pos_s, 0) AS pos_s,
           coalesce(rt.dis_n, 0) AS dis_n, coalesce(rt.dis_s, 0) AS dis_s,
           coalesce(pt.qrr_n, 0) AS qrr_n, coalesce(pt.qrr_s, 0) AS qrr_s,
           coalesce(pt.ro_n, 0) AS ro_n, coalesce(pt.ro_s, 0) AS ro_s,
           coalesce(pt.rr_n, 0) AS rr_n, coalesce(pt.rr_s, 0) AS rr_s,
           coalesce(st.frm_n, 0) AS frm_n, coalesce(st.frm_s, 0) AS frm_s,
           coalesce(pt.recent_orders, 0) AS cmp_n,
           least(coalesce(st.complaints, 0), coalesce(pt.recent_orders, 0)) AS cmp_s,
           coalesce(pt.ship_n, 0) AS ship_n, coalesce(pt.ship_s, 0) AS ship_s,
           coalesce(pt.del_n, 0) AS del_n, coalesce(pt.del_s, 0) AS del_s,
           coalesce(lt.eng_n, 0) AS eng_n, coalesce(lt.eng_s, 0) AS eng_s,
           coalesce(lt.exp_n, 0) AS exp_n, coalesce(lt.exp_s, 0) AS exp_s,
           coalesce(ig.ignored, 0) AS ignoredReviews,
           coalesce(rt.capped, 0) AS cappedReviews,
           coalesce(pt.discounted_buyers, 0) AS discountedBuyers,
           coalesce(pt.discounted_orders, 0) AS discountedOrders,
           coalesce(pt.discounted_reviews, 0) AS discountedReviews,
           coalesce(pt.discounted_recent_orders, 0) AS discountedRecentOrders
    FROM merchants mm
    LEFT JOIN categories c ON c.id = mm.categoryId
    LEFT JOIN lt_pair_t pt ON pt.m = mm.id
        LEFT JOIN lt_review_t rt ON rt.m = mm.id
    LEFT JOIN lt_service_t st ON st.m = mm.id
    LEFT JOIN lt_live_t lt ON lt.m = mm.id
    LEFT JOIN lt_ignored ig ON ig.m = mm.id)
SELECT merchantId, categoryId, repurchase, "asOf", recentOrders,
       ignoredReviews, cappedReviews, discountedBuyers, discountedOrders, discountedReviews,
       discountedRecentOrders,
       repeat_n AS repeatBuyerRate_n, repeat_s AS repeatBuyerRate_sum,
       lt_val(repeat_s, repeat_n) AS repeatBuyerRate,
       pos_n AS positiveReviewRate_n, pos_s AS positiveReviewRate_sum,
       lt_val(pos_s, pos_n) AS positiveReviewRate,
       dis_n AS dissatisfactionRate_n, dis_s AS dissatisfactionRate_sum,
       lt_val(dis_s, dis_n) AS dissatisfactionRate,
       qrr_n AS qualityRefundRate_n, qrr_s AS qualityRefundRate_sum,
       lt_val(qrr_s, qrr_n) AS qualityRefundRate,
       ro_n AS refundOnlyHours_n, ro_s AS refundOnlyHours_sum,
       lt_val(ro_s, ro_n) AS refundOnlyHours,
       rr_n AS returnRefundHours_n, rr_s AS returnRefundHours_sum,
       lt_val(rr_s, rr_n) AS returnRefundHours,
       frm_n AS firstResponseMinutes_n, frm_s AS firstResponseMinutes_sum,
       lt_val(frm_s, frm_n) AS firstResponseMinutes,
       cmp_n AS complaintRate_n, cmp_s AS complaintRate_sum,
       lt_val(cmp_s, cmp_n) AS complaintRate,
       ship_n AS shipWithin48hRate_n, ship_s AS shipWithin48hRate_sum,
       lt_val(ship_s, ship_n) AS shipWithin48hRate,
       del_n AS deliveryHours_n, del_s AS deliveryHours_sum,
       lt_val(del_s, del_n) AS deliveryHours,
       eng_n AS liveEngagement_n, eng_s AS liveEngagement_sum,
       lt_val(eng_s, eng_n) AS liveEngagement,
       exp_n AS explainCoverage_n, exp_s AS explainCoverage_sum,
       lt_val(exp_s, exp_n) AS explainCoverage
FROM b;

SELECT * FROM lt_result ORDER BY merchantId;
