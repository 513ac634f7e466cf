//! Runs `segment` (sentences and tokens) over the generated corpus many
//! times, for profilers: `cargo run --release --example segment_profile -- 20`.
//! A second argument `clitics` also splits every token's clitics.

use lisan::core::corpus::generate;
use lisan::core::segment::{segment, split_clitics, CliticConvention};

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let clitics = args.next().is_some_and(|a| a == "clitics");
    let text = generate(5 << 20, 1);
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..rounds {
        let seg = segment(&text);
        total += seg.tokens.len();
        if clitics {
            for (token, _) in &seg.tokens {
                total += split_clitics(&text, token.span, CliticConvention::Treebank).len();
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "segment: {:.1} MB/s ({total} items)",
        (text.len() * rounds) as f64 / secs / 1e6
    );
}
