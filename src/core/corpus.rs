//! A reproducible benchmark corpus: news-like mixed Arabic and English text
//! (with diacritics, tatweel, hamza forms, both digit systems, links, emoji
//! and some Persian, Urdu and CJK), generated from a seed. Used by the
//! benchmarks and the load tool; the words are our own writing.

/// Words the generator draws from, by language.
const ARABIC: &[&str] = &[
    "قال",
    "المتحدث",
    "باسم",
    "الحكومة",
    "إن",
    "الاجتماع",
    "سيعقد",
    "في",
    "العاصمة",
    "يوم",
    "الثلاثاء",
    "المقبل",
    "وأضاف",
    "أنّ",
    "الوزارة",
    "تعمل",
    "على",
    "تحسين",
    "الخدمات",
    "المقدمة",
    "للمواطنين",
    "مُحَمَّد",
    "الرئيس",
    "مسؤول",
    "الاقتصاد",
    "نموّاً",
    "بنسبة",
    "٣٫٥٪",
    "مليون",
    "دولار",
    "العـــربية",
    "إلى",
    "مستشفى",
    "المدرسة",
    "آذار",
    "يوليو",
    "٢٠٢٤",
    "2024",
    "١٢٬٥٠٠",
    "الأسبوع",
    "الماضي",
    "شركة",
    "جديدة",
    "مشروع",
    "ﻷ",
    "سُئِلَ",
];
const ENGLISH: &[&str] = &[
    "The",
    "minister",
    "said",
    "on",
    "Tuesday",
    "that",
    "growth",
    "reached",
    "3.5%",
    "in",
    "July",
    "2024,",
    "according",
    "to",
    "officials",
    "Erdoğan",
    "visited",
    "https://example.com/news?id=42",
    "and",
    "met",
    "Dr.",
    "Smith",
    "at",
    "10:30",
    "market",
    "prices",
    "rose",
    "by",
    "12,500",
    "units",
    "“quoted”",
    "—",
];
const OTHER: &[&str] = &[
    "می‌خواهم",
    "کتاب",
    "یہ",
    "ہے۔",
    "東京",
    "都",
    "😀",
    "👩\u{200D}💻",
    "۱۴۰۲",
    "Straße",
];

/// A deterministic xorshift generator (no dependency, same text everywhere).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[(self.next() % words.len() as u64) as usize]
    }
}

/// Which words a generated text draws from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mix {
    /// Six sentences in ten Arabic, three English, one Persian, Urdu, CJK or
    /// emoji (the default corpus).
    Mixed,
    /// Arabic sentences only (news-like, with diacritics, tatweel, hamza
    /// forms and both digit systems).
    Arabic,
}

/// About `bytes` bytes of text (never less), the same for the same `seed`.
///
/// ```
/// use lisan::core::corpus::generate;
/// let text = generate(10_000, 7);
/// assert!(text.len() >= 10_000);
/// assert_eq!(text, generate(10_000, 7));
/// ```
pub fn generate(bytes: usize, seed: u64) -> String {
    generate_mix(bytes, seed, Mix::Mixed)
}

/// [`generate`] drawing from the words of `mix`.
pub fn generate_mix(bytes: usize, seed: u64, mix: Mix) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut text = String::with_capacity(bytes + 256);
    while text.len() < bytes {
        let language = match mix {
            Mix::Mixed => rng.next() % 10,
            Mix::Arabic => 0,
        };
        let words = match language {
            0..=5 => ARABIC,
            6..=8 => ENGLISH,
            _ => OTHER,
        };
        let length = 6 + rng.next() % 14;
        for i in 0..length {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(rng.pick(words));
        }
        text.push_str(match (language, rng.next() % 8) {
            (0..=5, 0) => "؟",
            (_, 1) => "!",
            _ => ".",
        });
        text.push_str(match rng.next() % 6 {
            0 => "\n\n",
            1 => "\n",
            _ => " ",
        });
    }
    text
}

/// `count` different documents of at most `bytes` bytes each (cut on a
/// character boundary, so within 3 bytes of it), from `seed` on.
///
/// ```
/// use lisan::core::corpus::{documents, Mix};
/// let docs = documents(3, 1024, 1, Mix::Arabic);
/// assert_eq!(docs.len(), 3);
/// assert!(docs.iter().all(|d| d.len() <= 1024 && d.len() > 1020));
/// assert_ne!(docs[0], docs[1]);
/// ```
pub fn documents(count: usize, bytes: usize, seed: u64, mix: Mix) -> Vec<String> {
    (0..count as u64)
        .map(|i| {
            let mut text = generate_mix(bytes, seed.wrapping_add(i), mix);
            let mut end = bytes.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
            text
        })
        .collect()
}
