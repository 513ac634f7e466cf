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
    // The limit in the same run: UTF-8 validation of the same bytes.
    let start = std::time::Instant::now();
    let mut valid = 0;
    for _ in 0..rounds * 4 {
        valid += usize::from(std::str::from_utf8(std::hint::black_box(text.as_bytes())).is_ok());
    }
    let limit_secs = start.elapsed().as_secs_f64() / 4.0;
    println!(
        "{profile:?}: {:.1} MB/s ({total} bytes out); UTF-8 validation {:.1} MB/s ({valid} runs); ratio {:.3}",
        (text.len() * rounds) as f64 / secs / 1e6,
        (text.len() * rounds) as f64 / limit_secs / 1e6,
        limit_secs / secs,
    );
}
