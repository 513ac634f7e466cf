//! Lisan's side of the peer comparison (`benches/peers/run.sh`).
//!
//! `cargo run --release --example peers -- corpus BYTES SEED [arabic|mixed]`
//! prints the generated corpus (the same text the Python peers read).
//!
//! `cargo run --release --example peers -- measure FILE SECONDS OUT_DIR`
//! times, on the text of FILE, for about SECONDS each: a UTF-8 validation
//! (the limit), Lisan's equivalent of the peers' normalization (Arabic
//! diacritics removed, alef variants, alef maqsura and teh marbuta folded;
//! no Unicode form, nothing else) and Lisan's tokenizer; prints one JSON
//! object of MB/s, and writes the normalized text and the tokens (one per
//! line) to OUT_DIR for the agreement check.

use std::time::{Duration, Instant};

use lisan::core::corpus::{generate_mix, Mix};
use lisan::core::normalize::{normalize, NormalizeOptions, Profile, UnicodeForm};
use lisan::core::segment::tokenize;

/// The options that do what CAMeL Tools' `dediac_ar` and
/// `normalize_{alef,alef_maksura,teh_marbuta}_ar` do together.
fn peer_profile() -> NormalizeOptions {
    NormalizeOptions {
        form: UnicodeForm::None,
        remove_arabic_diacritics: true,
        fold_alef_variants: true,
        fold_alef_maqsura: true,
        fold_teh_marbuta: true,
        ..Profile::None.options()
    }
}

/// MB/s (10^6 bytes) of `work` on `bytes` bytes, repeated for `seconds`.
fn rate(bytes: usize, seconds: f64, mut work: impl FnMut() -> usize) -> f64 {
    let started = Instant::now();
    let mut runs = 0u32;
    let mut sink = 0usize;
    while runs == 0 || started.elapsed() < Duration::from_secs_f64(seconds) {
        sink = sink.wrapping_add(std::hint::black_box(work()));
        runs += 1;
    }
    std::hint::black_box(sink);
    bytes as f64 * f64::from(runs) / 1e6 / started.elapsed().as_secs_f64()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("corpus") => {
            let bytes: usize = args.get(1).ok_or("BYTES")?.parse()?;
            let seed: u64 = args.get(2).ok_or("SEED")?.parse()?;
            let mix = match args.get(3).map(String::as_str) {
                Some("mixed") => Mix::Mixed,
                _ => Mix::Arabic,
            };
            print!("{}", generate_mix(bytes, seed, mix));
        }
        Some("measure") => {
            let text = std::fs::read_to_string(args.get(1).ok_or("FILE")?)?;
            let seconds: f64 = args.get(2).ok_or("SECONDS")?.parse()?;
            let out = std::path::Path::new(args.get(3).ok_or("OUT_DIR")?);
            let options = peer_profile();
            let utf8 = rate(text.len(), seconds, || {
                std::str::from_utf8(std::hint::black_box(text.as_bytes())).map_or(0, str::len)
            });
            let norm = rate(text.len(), seconds, || {
                normalize(&text, &options).text.len()
            });
            let tok = rate(text.len(), seconds, || tokenize(&text).len());
            std::fs::write(
                out.join("lisan_normalized.txt"),
                normalize(&text, &options).text.as_ref(),
            )?;
            let tokens: Vec<&str> = tokenize(&text)
                .iter()
                .map(|t| &text[t.span.start..t.span.end])
                .collect();
            std::fs::write(out.join("lisan_tokens.txt"), tokens.join("\n"))?;
            println!(
                "{{\"bytes\": {}, \"utf8_validate_mb_s\": {utf8:.1}, \"normalize_mb_s\": {norm:.2}, \"tokenize_mb_s\": {tok:.2}}}",
                text.len()
            );
        }
        _ => return Err(
            "usage: peers corpus BYTES SEED [arabic|mixed] | peers measure FILE SECONDS OUT_DIR"
                .into(),
        ),
    }
    Ok(())
}
