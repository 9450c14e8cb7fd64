#!/usr/bin/env python3
"""The race of issue 16: livetrust's index against a faithful DuckDB SQL version of its raw
metric values (tests/bench/duckdb/metrics.sql), from the same files.

    python3 tests/bench/duckdb/race.py --data DIR --livetrust PATH [--parquet-dir DIR]
        [--threads 1,2] [--runs N] [--livetrust-parquet] [--as-of YYYY-MM-DD]
        [--write-parquet DIR]

- livetrust: `livetrust -q index --data DIR` as a process (its JSON written to a file), wall
  clock and peak RSS (os.wait4 on the child) per run, the median of --runs runs.
- DuckDB: a fresh Python process per run that imports duckdb, sets `threads`, defines the views
  (views-ndjson.sql over DIR, views-parquet.sql over --parquet-dir), runs metrics.sql and writes
  the rows to a file; its wall is the whole process, as livetrust's.
- Every run's output is checked: livetrust's runs must give the JSON of its first, and each
  DuckDB run must agree with livetrust's reports: for each merchant, `asOf`, `recentOrders` and the guard's counts exactly, and for each metric of its report the
  sample (`sample` = the tally's n, to 2 decimals) exactly and the raw value: the report gives
  it rounded to 4 decimals, so DuckDB's value must round (half away from zero, as the core) to
  it — or, within 1e-9 relative of a rounding boundary, may round to the neighbour (floating-point
  sums added in another order). Any mismatch is printed and the script exits 1.
- Prints a markdown table of medians and the ratios livetrust / DuckDB.

--write-parquet DIR writes the NDJSON dataset's tables as Parquet with DuckDB in the layout
views-parquet.sql reads — a stand-in for `livetrust convert` while it is being written: only the
columns the SQL uses, except liveSessions, whose nested fields are whole JSON text as the
converter writes them — and then uses DIR as --parquet-dir.

Dependencies: Python 3.9+ and the duckdb package (`pip install duckdb`).
"""

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
METRICS = [
    "repeatBuyerRate", "positiveReviewRate", "dissatisfactionRate", "qualityRefundRate",
    "refundOnlyHours", "returnRefundHours", "firstResponseMinutes", "complaintRate",
    "shipWithin48hRate", "deliveryHours", "liveEngagement", "explainCoverage",
]
GUARD_COUNTS = [
    "ignoredReviews", "cappedReviews", "discountedBuyers", "discountedOrders",
    "discountedReviews", "discountedRecentOrders",
]
# liveSessions.parquet with nested Parquet types (structs and lists) instead of JSON text.
NESTED_LIVE_SESSIONS = """CREATE OR REPLACE VIEW liveSessions AS
SELECT merchantId, startAt::TIMESTAMPTZ AS startAt, signals, summary, onAir, explainMarks,
       file_row_number AS pos
FROM read_parquet('${DATA}/liveSessions.parquet', file_row_number = true);"""
# Tables without which metrics.sql still runs (empty views with the same columns).
EMPTY_VIEWS = {
    "buyers": "CREATE OR REPLACE VIEW buyers AS SELECT NULL::VARCHAR AS id, "
              "NULL::TIMESTAMPTZ AS registeredAt, NULL::VARCHAR AS addressCluster, "
              "NULL::VARCHAR AS deviceCluster WHERE false;",
}


# ------------------------------------------------------------------------------------------
# The DuckDB side, run in its own process (`race.py --worker …`).

def view_sql(kind, data_dir):
    """views-<kind>.sql for data_dir, with empty views for optional tables that are absent."""
    with open(os.path.join(HERE, f"views-{kind}.sql"), encoding="utf-8") as f:
        text = f.read().replace("${DATA}", data_dir.replace("'", "''"))
    ext = "ndjson" if kind == "ndjson" else "parquet"
    statements = []
    for statement in text.split(";\n"):
        body = "\n".join(l for l in statement.splitlines() if not l.strip().startswith("--"))
        if not body.strip():
            continue
        name = body.split("VIEW", 1)[1].split()[0]
        if name in EMPTY_VIEWS and not os.path.exists(os.path.join(data_dir, f"{name}.{ext}")):
            statements.append(EMPTY_VIEWS[name])
        else:
            statements.append(statement + ";")
    return "\n".join(statements)


def worker(args):
    import duckdb

    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute(f"SET threads = {int(args.worker_threads)}")
    # WITH ORDINALITY (the reviews' file order) relies on the scan keeping the file's order.
    con.execute("SET preserve_insertion_order = true")
    if args.as_of:
        con.execute(f"SET VARIABLE as_of = DATE '{args.as_of}'")
    con.execute(view_sql(args.worker_kind, args.worker_data))
    if args.worker_kind == "parquet":
        path = os.path.join(args.worker_data, "liveSessions.parquet").replace("'", "''")
        kind = con.execute(f"SELECT column_type FROM (DESCRIBE SELECT signals FROM "
                           f"read_parquet('{path}'))").fetchone()[0]
        if kind.startswith("STRUCT"):
            con.execute(NESTED_LIVE_SESSIONS.replace("${DATA}", args.worker_data.replace("'", "''")))
    with open(os.path.join(HERE, "metrics.sql"), encoding="utf-8") as f:
        result = con.execute(f.read())
    columns = [d[0] for d in result.description]
    rows = [
        {c: (v.isoformat() if hasattr(v, "isoformat") else v) for c, v in zip(columns, row)}
        for row in result.fetchall()
    ]
    with open(args.worker_out, "w", encoding="utf-8") as f:
        json.dump(rows, f)


def write_parquet(ndjson_dir, parquet_dir, threads):
    """The NDJSON tables as Parquet in the layout views-parquet.sql reads (a stand-in for
    `livetrust convert`: the columns the SQL uses, typed as the NDJSON views type them; live
    sessions with all their columns but staged and transcript, nested fields as JSON text)."""
    import duckdb

    os.makedirs(parquet_dir, exist_ok=True)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute(f"SET threads = {threads}")
    con.execute(view_sql("ndjson", ndjson_dir))
    # Live sessions as `livetrust convert` writes them: the nested fields as JSON text, whole.
    source = os.path.join(ndjson_dir, "liveSessions.ndjson").replace("'", "''")
    target = os.path.join(parquet_dir, "liveSessions.parquet").replace("'", "''")
    con.execute(f"""COPY (SELECT id, merchantId, startAt, endAt, signals::VARCHAR AS signals,
                        summary::VARCHAR AS summary, onAir::VARCHAR AS onAir,
                        explainMarks::VARCHAR AS explainMarks
                    FROM read_ndjson('{source}', columns = {{id: 'VARCHAR',
                        merchantId: 'VARCHAR', startAt: 'TIMESTAMPTZ', endAt: 'TIMESTAMPTZ',
                        signals: 'JSON', summary: 'JSON', onAir: 'JSON', explainMarks: 'JSON'}}))
                    TO '{target}' (FORMAT parquet)""")
    for table in ["categories", "merchants", "buyers", "orders", "reviews", "serviceEvents"]:
        if table == "buyers" and not os.path.exists(os.path.join(ndjson_dir, "buyers.ndjson")):
            continue
        columns = {"reviews": "* EXCLUDE (ri)", "serviceEvents": "* EXCLUDE (pos)"}.get(table, "*")
        target = os.path.join(parquet_dir, f"{table}.parquet").replace("'", "''")
        con.execute(f"COPY (SELECT {columns} FROM {table}) TO '{target}' (FORMAT parquet)")


# ------------------------------------------------------------------------------------------
# Running and timing processes.

def run_timed(command, stdout_path):
    """Runs command with stdout to a file; returns (wall seconds, peak RSS bytes, stderr)."""
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {child.returncode}:\n{stderr[-3000:]}")
    return wall, usage.ru_maxrss * 1024, stderr


def measure(name, command, out_path, runs, check=None):
    """Runs `command` `runs` times; check(out_path, run) after each run that should be checked.
    Returns medians (or None when it failed)."""
    walls, rss = [], []
    for run in range(runs):
        try:
            wall, peak, stderr = run_timed(command, out_path)
        except RuntimeError as e:
            print(f"  {name}: failed: {e}", file=sys.stderr)
            return None
        walls.append(wall)
        rss.append(peak)
        print(f"  {name} run {run + 1}: {wall:.3f} s, peak RSS {peak / 2**20:.0f} MiB",
              file=sys.stderr)
        if check is not None:
            check(out_path, run, stderr)
    return {"wall": statistics.median(walls), "rss": statistics.median(rss), "walls": walls}


# ------------------------------------------------------------------------------------------
# The check.

def round_half_away(x, digits):
    """(x · 10^digits).round() / 10^digits, as the core's round4/round2 (f64::round)."""
    scale = 10.0 ** digits
    y = x * scale
    a = abs(y)
    f = math.floor(a)
    r = f + (1.0 if a - f >= 0.5 else 0.0)
    return math.copysign(r, y) / scale


def raw_matches(value, raw):
    """Whether DuckDB's unrounded value agrees with the report's 4-decimal raw value: it rounds
    to it, or some value within 1e-9 relative does (a tie that the order of a floating-point sum
    decides). Returns 'exact', 'tie' or None."""
    if raw is None or value is None:
        return "exact" if raw is None and value is None else None
    if round_half_away(value, 4) == raw:
        return "exact"
    eps = 1e-9 * abs(value)
    lo, hi = round_half_away(value - eps, 4), round_half_away(value + eps, 4)
    return "tie" if lo <= raw <= hi else None


def compare(reports, rows, label):
    """Mismatches between livetrust's reports and DuckDB's rows, printed; returns
    (checked values, ties, mismatches)."""
    by_id = {r["merchantId"]: r for r in rows}
    problems, checked, ties = [], 0, []
    ids = [r["merchantId"] for r in reports]
    if sorted(ids) != sorted(by_id):
        problems.append(f"merchants differ: only livetrust {sorted(set(ids) - set(by_id))[:5]}, "
                        f"only DuckDB {sorted(set(by_id) - set(ids))[:5]}")
    for report in reports:
        m = report["merchantId"]
        row = by_id.get(m)
        if row is None:
            continue
        expected = [("asOf", report["asOf"], str(row["asOf"])[:10]),
                    ("recentOrders", report["recentOrders"], row["recentOrders"])]
        expected += [(k, report["guard"][k], row[k]) for k in GUARD_COUNTS]
        for key, want, got in expected:
            checked += 1
            if want != got:
                problems.append(f"{m} {key}: livetrust {want}, DuckDB {got}")
        for metric in report["metrics"]:
            name = metric["metric"]
            raw, sample = metric.get("raw"), metric["sample"]
            value, n = row[name], row[f"{name}_n"]
            checked += 1
            verdict = raw_matches(value, raw)
            if verdict is None or round_half_away(float(n), 2) != sample:
                problems.append(f"{m} {name}: livetrust raw {raw} (sample {sample}), "
                                f"DuckDB {value!r} (n {n})")
            elif verdict == "tie":
                ties.append(f"{m} {name}: livetrust {raw}, DuckDB {value!r}")
    for p in problems:
        print(f"MISMATCH [{label}] {p}")
    for t in ties:
        print(f"  tie [{label}] {t} (within 1e-9 relative of the rounding boundary)",
              file=sys.stderr)
    return checked, len(ties), len(problems)


# ------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="dataset directory of NDJSON files")
    parser.add_argument("--livetrust", help="the livetrust binary")
    parser.add_argument("--parquet-dir", help="the same dataset as <table>.parquet files")
    parser.add_argument("--write-parquet", metavar="DIR",
                        help="write the NDJSON tables as Parquet to DIR first (DuckDB), and use it")
    parser.add_argument("--threads", default="1,2", help="DuckDB thread counts (default 1,2)")
    parser.add_argument("--runs", type=int, default=3, help="runs per configuration (median)")
    parser.add_argument("--livetrust-parquet", action="store_true",
                        help="also time `livetrust -q index --data PARQUET_DIR`")
    parser.add_argument("--as-of", help="day T for both (default: the day after the latest order)")
    parser.add_argument("--keep", metavar="DIR", help="keep the outputs in DIR")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--worker-kind", help=argparse.SUPPRESS)
    parser.add_argument("--worker-data", help=argparse.SUPPRESS)
    parser.add_argument("--worker-threads", help=argparse.SUPPRESS)
    parser.add_argument("--worker-out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return 0
    if not args.data or not args.livetrust:
        parser.error("--data and --livetrust are required")
    threads = [int(t) for t in args.threads.split(",") if t.strip()]
    if args.write_parquet:
        start = time.perf_counter()
        write_parquet(args.data, args.write_parquet, max(threads))
        print(f"wrote Parquet to {args.write_parquet} in {time.perf_counter() - start:.1f} s",
              file=sys.stderr)
        args.parquet_dir = args.write_parquet
    if args.livetrust_parquet and not args.parquet_dir:
        parser.error("--livetrust-parquet needs --parquet-dir (or --write-parquet)")

    work = args.keep or tempfile.mkdtemp(prefix="lt-race-")
    os.makedirs(work, exist_ok=True)
    failed = False
    results = {}  # (input, who) → medians
    totals = {"checked": 0, "ties": 0, "mismatches": 0}
    reports = {}

    def livetrust_command(data_dir):
        command = [args.livetrust, "-q", "index", "--data", data_dir]
        return command + (["--as-of", args.as_of] if args.as_of else [])

    def check_livetrust(kind):
        def check(path, run, stderr):
            if "skipped" in stderr:
                print(f"warning: livetrust skipped invalid records ({kind}); the SQL assumes "
                      f"valid data:\n{stderr[-2000:]}", file=sys.stderr)
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            if kind in reports and data != reports[kind]:
                print(f"MISMATCH livetrust's {kind} output differs between runs")
                totals["mismatches"] += 1
            reports.setdefault(kind, data)
        return check

    def check_duckdb(out, label):
        def check(path, run, stderr):
            with open(out, encoding="utf-8") as f:
                rows = json.load(f)
            c, t, m = compare(reports["ndjson"], rows, f"{label} run {run + 1}")
            totals["checked"] += c
            totals["ties"] += t
            totals["mismatches"] += m
            print(f"    checked {c} values against livetrust: {m} mismatches, {t} ties",
                  file=sys.stderr)
        return check

    print(f"livetrust, NDJSON ({args.data})", file=sys.stderr)
    results[("ndjson", "livetrust")] = measure(
        "livetrust", livetrust_command(args.data), os.path.join(work, "livetrust-ndjson.json"),
        args.runs, check_livetrust("ndjson"))
    if results[("ndjson", "livetrust")] is None:
        print("livetrust failed on the NDJSON data; nothing to compare with", file=sys.stderr)
        return 2
    inputs = [("ndjson", args.data)] + ([("parquet", args.parquet_dir)] if args.parquet_dir else [])
    if args.livetrust_parquet:
        print(f"livetrust, Parquet ({args.parquet_dir})", file=sys.stderr)
        check = check_livetrust("parquet")
        results[("parquet", "livetrust")] = measure(
            "livetrust", livetrust_command(args.parquet_dir),
            os.path.join(work, "livetrust-parquet.json"), args.runs, check)
        if "parquet" in reports and reports["parquet"] != reports["ndjson"]:
            print("MISMATCH livetrust's reports from Parquet differ from those from NDJSON")
            totals["mismatches"] += 1
    for kind, data_dir in inputs:
        for t in threads:
            label = f"DuckDB {kind} {t} thread{'s' if t > 1 else ''}"
            print(label, file=sys.stderr)
            out = os.path.join(work, f"duckdb-{kind}-{t}.json")
            command = [sys.executable, os.path.abspath(__file__), "--worker",
                       "--worker-kind", kind, "--worker-data", data_dir,
                       "--worker-threads", str(t), "--worker-out", out]
            if args.as_of:
                command += ["--as-of", args.as_of]
            results[(kind, t)] = measure(label, command, os.devnull, args.runs,
                                         check_duckdb(out, label))
            if results[(kind, t)] is None:
                failed = True

    # The table.
    def seconds(r):
        return "—" if r is None else f"{r['wall']:.2f} s"

    def mib(r):
        return "—" if r is None else f"{r['rss'] / 2**20:.0f} MiB"

    def ratio(a, b, key):
        return "—" if a is None or b is None else f"{a[key] / b[key]:.2f}"

    heads = [f"DuckDB {t} thread{'s' if t > 1 else ''}" for t in threads]
    print()
    print(f"Data: {args.data}" + (f", Parquet: {args.parquet_dir}" if args.parquet_dir else "")
          + f"; medians of {args.runs} runs; process wall clock and peak RSS.")
    print()
    print("| from the same files to all merchants' raw metric values | livetrust | "
          + " | ".join(heads) + " | "
          + " | ".join(f"livetrust / {h}" for h in heads) + " |")
    print("|---" * (2 + 2 * len(threads)) + "|")
    for kind, _ in inputs:
        lt = results.get((kind, "livetrust"))
        name = "NDJSON" if kind == "ndjson" else "Parquet"
        for label, fmt, key in [("wall", seconds, "wall"), ("peak RSS", mib, "rss")]:
            cells = [fmt(lt)] + [fmt(results[(kind, t)]) for t in threads]
            cells += [ratio(lt, results[(kind, t)], key) for t in threads]
            print(f"| {name}, {label} | " + " | ".join(cells) + " |")
    print()
    print(f"Check: {totals['checked']} values compared over all DuckDB runs, "
          f"{totals['mismatches']} mismatches, {totals['ties']} rounding ties (within 1e-9 "
          f"relative of livetrust's rounded value).")
    if not args.keep:
        for name in os.listdir(work):
            os.remove(os.path.join(work, name))
        os.rmdir(work)
    return 1 if failed or totals["mismatches"] else 0


if __name__ == "__main__":
    sys.exit(main())
