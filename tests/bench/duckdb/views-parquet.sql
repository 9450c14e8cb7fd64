-- The tables of a dataset directory of Parquet files (<table>.parquet, as `livetrust convert`
-- writes them) as the views tests/bench/duckdb/metrics.sql reads; race.py replaces ${DATA}.
-- Expected layout: camelCase columns; orders and reviews flattened as in the CSV form
-- (refundKind, refundReason, refundRequestedAt, refundCompletedAt, refundDisputed;
-- overallRating, qualityRating, valueForMoney, logisticsRating, serviceRating, replyText,
-- repliedAt); serviceEvents one row shape with `kind`; liveSessions with its nested fields
-- (signals, summary, onAir, explainMarks) as JSON text; times TIMESTAMP WITH TIME ZONE (UTC,
-- microseconds; RFC 3339 text is cast too). Columns the SQL does not need may be there and are
-- not read.
-- `ri` (reviews) and `pos` (serviceEvents, liveSessions) are rows in their files
-- (file_row_number): the tables' order.

CREATE OR REPLACE VIEW categories AS
SELECT id, repurchase FROM read_parquet('${DATA}/categories.parquet');

CREATE OR REPLACE VIEW merchants AS
SELECT id, categoryId FROM read_parquet('${DATA}/merchants.parquet');

CREATE OR REPLACE VIEW buyers AS
SELECT id, registeredAt::TIMESTAMPTZ AS registeredAt, addressCluster, deviceCluster
FROM read_parquet('${DATA}/buyers.parquet');

CREATE OR REPLACE VIEW orders AS
SELECT id, buyerId, merchantId, productId, channel, quantity, amountFen,
       paidAt::TIMESTAMPTZ AS paidAt, shippedAt::TIMESTAMPTZ AS shippedAt,
       deliveredAt::TIMESTAMPTZ AS deliveredAt, refundKind, refundReason,
       refundRequestedAt::TIMESTAMPTZ AS refundRequestedAt,
       refundCompletedAt::TIMESTAMPTZ AS refundCompletedAt, refundDisputed
FROM read_parquet('${DATA}/orders.parquet');

CREATE OR REPLACE VIEW reviews AS
SELECT id, orderId, buyerId, overallRating, qualityRating, valueForMoney, "text",
       createdAt::TIMESTAMPTZ AS createdAt, file_row_number AS ri
FROM read_parquet('${DATA}/reviews.parquet', file_row_number = true);

CREATE OR REPLACE VIEW serviceEvents AS
SELECT kind, merchantId, buyerId, startedAt::TIMESTAMPTZ AS startedAt, firstResponseSeconds,
       createdAt::TIMESTAMPTZ AS createdAt, file_row_number AS pos
FROM read_parquet('${DATA}/serviceEvents.parquet', file_row_number = true);

-- Live sessions' nested fields are JSON text columns, as `livetrust convert` writes them
-- (race.py uses nested Parquet structs and lists instead when a file has those).
CREATE OR REPLACE VIEW liveSessions AS
SELECT merchantId, startAt::TIMESTAMPTZ AS startAt,
       json_transform(signals, '{"viewers": "BIGINT[]", "comments": "BIGINT[]"}') AS signals,
       json_transform(summary, '{"viewerMinutes": "BIGINT", "comments": "BIGINT"}') AS summary,
       json_transform(onAir,
           '[{"productId": "VARCHAR", "startSecond": "BIGINT", "endSecond": "BIGINT"}]') AS onAir,
       json_transform(explainMarks, '[{"productId": "VARCHAR", "second": "BIGINT"}]')
           AS explainMarks,
       file_row_number AS pos
FROM read_parquet('${DATA}/liveSessions.parquet', file_row_number = true);
