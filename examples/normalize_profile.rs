//! Runs one normalization profile over the generated corpus many times, for
//! profilers: `cargo run --release --example normalize_profile -- search 20`.

use lisan::core::corpus::generate;
use lisan::core::normalize::{normalize, Profile};

fn main() {
    let mut args = std::env::args().skip(1);
    let profile = match args.next().as_deref() {
        Some("nfc") => Profile::Nfc,
        Some("ml") => Profile::Ml,
        _ => Profile::Search,
    };
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let text = generate(5 << 20, 1);
    let text = if profile == Profile::Nfc {
        normalize(&text, &Profile::Nfc.options()).text.into_owned()
    } else {
        text
    };
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..rounds {
        total += normalize(&text, &profile.options()).text.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{profile:?}: {:.1} MB/s ({total} bytes out)",
        (text.len() * rounds) as f64 / secs / 1e6
    );
}
