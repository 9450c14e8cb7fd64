-- The tables of a livetrust dataset directory of NDJSON files as the views tests/bench/duckdb/
-- metrics.sql reads (race.py replaces ${DATA} with the directory). Column types are given, not
-- sampled; nested fields of orders and reviews are flattened as in the CSV form
-- (docs/data-format.md), so that these views and views-parquet.sql have the same columns.
-- `ri` is a review's position in its file (reviews written at the same instant are taken in
-- the reviews table's order by the index), `pos` a service event's or live session's (their
-- floating-point means are added up in the table's order, as the core does): WITH ORDINALITY,
-- a row_number over the scan in file order (DuckDB keeps the insertion order by default).

CREATE OR REPLACE VIEW categories AS
SELECT id, repurchase
FROM read_ndjson('${DATA}/categories.ndjson',
    columns = {id: 'VARCHAR', repurchase: 'VARCHAR'});

CREATE OR REPLACE VIEW merchants AS
SELECT id, categoryId
FROM read_ndjson('${DATA}/merchants.ndjson',
    columns = {id: 'VARCHAR', categoryId: 'VARCHAR'});

CREATE OR REPLACE VIEW buyers AS
SELECT id, registeredAt, addressCluster, deviceCluster
FROM read_ndjson('${DATA}/buyers.ndjson',
    columns = {id: 'VARCHAR', registeredAt: 'TIMESTAMPTZ', addressCluster: 'VARCHAR',
               deviceCluster: 'VARCHAR'});

CREATE OR REPLACE VIEW orders AS
SELECT id, buyerId, merchantId, productId, channel, quantity, amountFen, paidAt, shippedAt,
       deliveredAt,
       refund.kind AS refundKind, refund.reason AS refundReason,
       refund.requestedAt AS refundRequestedAt, refund.completedAt AS refundCompletedAt,
       refund.disputed AS refundDisputed
FROM read_ndjson('${DATA}/orders.ndjson',
    columns = {id: 'VARCHAR', buyerId: 'VARCHAR', merchantId: 'VARCHAR', productId: 'VARCHAR',
               channel: 'VARCHAR', quantity: 'BIGINT', amountFen: 'BIGINT',
               paidAt: 'TIMESTAMPTZ', shippedAt: 'TIMESTAMPTZ', deliveredAt: 'TIMESTAMPTZ',
               refund: 'STRUCT(kind VARCHAR, reason VARCHAR, requestedAt TIMESTAMPTZ,
                               completedAt TIMESTAMPTZ, disputed BOOLEAN)'});

CREATE OR REPLACE VIEW reviews AS
SELECT id, orderId, buyerId,
       ratings.overall AS overallRating, ratings.quality AS qualityRating,
       ratings.valueForMoney AS valueForMoney, "text", createdAt,
       "ordinality" - 1 AS ri
FROM read_ndjson('${DATA}/reviews.ndjson',
    columns = {id: 'VARCHAR', orderId: 'VARCHAR', buyerId: 'VARCHAR',
               ratings: 'STRUCT(overall BIGINT, quality BIGINT, valueForMoney VARCHAR)',
               "text": 'VARCHAR', createdAt: 'TIMESTAMPTZ'}) WITH ORDINALITY;

CREATE OR REPLACE VIEW serviceEvents AS
SELECT kind, merchantId, buyerId, startedAt, firstResponseSeconds, createdAt,
       "ordinality" - 1 AS pos
FROM read_ndjson('${DATA}/serviceEvents.ndjson',
    columns = {kind: 'VARCHAR', merchantId: 'VARCHAR', buyerId: 'VARCHAR',
               startedAt: 'TIMESTAMPTZ', firstResponseSeconds: 'BIGINT',
               createdAt: 'TIMESTAMPTZ'}) WITH ORDINALITY;

CREATE OR REPLACE VIEW liveSessions AS
SELECT merchantId, startAt, signals, summary, onAir, explainMarks, "ordinality" - 1 AS pos
FROM read_ndjson('${DATA}/liveSessions.ndjson',
    columns = {merchantId: 'VARCHAR', startAt: 'TIMESTAMPTZ',
               signals: 'STRUCT(viewers BIGINT[], comments BIGINT[])',
               summary: 'STRUCT(viewerMinutes BIGINT, comments BIGINT)',
               onAir: 'STRUCT(productId VARCHAR, startSecond BIGINT, endSecond BIGINT)[]',
               explainMarks: 'STRUCT(productId VARCHAR, second BIGINT)[]'}) WITH ORDINALITY;
