//! reference-vectors: runs the real `geneva-uploader` 0.4.0 over a corpus of OTLP/JSON inputs.
//!
//! Modes:
//! - `generate <corpus-dir> <out-dir>`: for every `<name>.otlp.json` (+ `<name>.identity.json`) in the
//!   corpus, encode with the crate, upload every batch through the crate's real upload path to a
//!   loopback listener, and write `<out-dir>/<name>/manifest.json` plus the blob/body `.bin` files.
//! - `bench <corpus-dir>... [--records-per-input N] [--json]`: encode each input repeatedly with the
//!   crate (encode + LZ4, no upload) and print records/s.
//!
//! Hermetic: the only sockets are on 127.0.0.1; no proxy is honoured.

mod bench;
mod corpus;
mod generate;
mod lz4;
mod server;

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!(
        "usage:\n  reference-vectors generate <corpus-dir> <out-dir>\n  reference-vectors bench <corpus-dir>... [--records-per-input N] [--json]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    // Loopback only: make sure reqwest never routes our 127.0.0.1 requests through a proxy.
    for var in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
        std::env::remove_var(var);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("generate") if args.len() == 3 => {
            generate::run(&PathBuf::from(&args[1]), &PathBuf::from(&args[2]))
        }
        Some("bench") if args.len() >= 2 => bench::run(&args[1..]),
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("reference-vectors: {message}");
            ExitCode::FAILURE
        }
    }
}
