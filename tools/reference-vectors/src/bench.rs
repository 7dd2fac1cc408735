//! `bench`: records/s of the crate's encoder (schema + rows + central blob + LZ4), no upload.
//!
//! Each input is encoded `ceil(records_per_input / records)` times (at least once) after a warm-up
//! of a tenth of that (at least 20 calls), so small and large inputs weigh the same; geneva-core's
//! side-by-side bench uses the same rule on the same files.

use crate::corpus::{self, Input};
use serde_json::json;
use std::path::PathBuf;
use std::time::Instant;

/// Warm-up calls per input: a tenth of the timed iterations, at least this many (V8 needs them).
const WARMUP_MIN: usize = 20;

pub fn run(args: &[String]) -> Result<(), String> {
    let mut dirs = Vec::new();
    let mut records_per_input = 20_000usize;
    let mut as_json = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--records-per-input" => {
                records_per_input = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--records-per-input needs a number")?;
            }
            "--json" => as_json = true,
            dir => dirs.push(PathBuf::from(dir)),
        }
    }
    let mut inputs: Vec<Input> = Vec::new();
    for dir in &dirs {
        inputs.extend(corpus::load_dir(dir)?);
    }
    let mut rows = Vec::new();
    let (mut total_records, mut total_secs) = (0usize, 0f64);
    for input in &inputs {
        let records = input.payload.record_count();
        if records == 0 {
            continue;
        }
        let client = corpus::client_for(&input.identity, "http://127.0.0.1:9")?;
        let iterations = records_per_input.div_ceil(records).max(1);
        for _ in 0..iterations.div_ceil(10).max(WARMUP_MIN) {
            std::hint::black_box(corpus::encode(&client, &input.payload)?);
        }
        let start = Instant::now();
        for _ in 0..iterations {
            std::hint::black_box(corpus::encode(&client, &input.payload)?);
        }
        let secs = start.elapsed().as_secs_f64();
        total_records += records * iterations;
        total_secs += secs;
        rows.push(json!({
            "input": input.name,
            "records": records,
            "iterations": iterations,
            "seconds": secs,
            "recordsPerSecond": (records * iterations) as f64 / secs,
        }));
    }
    let overall = total_records as f64 / total_secs;
    if as_json {
        let out = json!({ "encoder": "geneva-uploader 0.4.0", "recordsPerInput": records_per_input,
            "totalRecords": total_records, "totalSeconds": total_secs, "recordsPerSecond": overall, "inputs": rows });
        println!("{out}");
    } else {
        for r in &rows {
            println!("{:<48} {:>12.0} records/s", r["input"].as_str().unwrap_or_default(), r["recordsPerSecond"].as_f64().unwrap_or(0.0));
        }
        println!("geneva-uploader 0.4.0: {overall:.0} records/s over {total_records} records in {total_secs:.3} s");
    }
    Ok(())
}
