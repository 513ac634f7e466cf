//! The one place where protobuf messages become core values and back.
//!
//! Requests are validated into a [`Job`] (every enum checked, every limit
//! enforced, field paths named in errors); a job runs on the core and its
//! result becomes a [`pb::Analysis`] with spans in the caller's unit.

use chrono::{DateTime, Utc};

use crate::core::analyze::{analyze_within, Analysis, AnalyzeOptions, DocumentFeatures};
use crate::core::extract::quotes::{Quote, QuoteKind};
use crate::core::extract::{
    entity_kind as named_kind, Anchor, Calendar, Dimension, EntityKind, ExtractOptions, Extraction,
    Grain, Reference, ReferenceSource, TimeBound, TimeUnit, Value, Zone,
};
use crate::core::input::decode::decode;
use crate::core::input::html::html_to_text;
use crate::core::keyphrases::{Keyphrase, DEFAULT_MAX_PHRASES};
use crate::core::language::LanguageGuess;
use crate::core::normalize::{
    Digits, LetterVariants, NormalizeOptions, Normalized, Profile, UnicodeForm, Whitespace,
};
use crate::core::page::{FieldKind, Page, ZoneKind};
use crate::core::segment::{
    CliticConvention, Morpheme, MorphemeRole, Segmentation, SentenceEnd, TokenKind,
};
use crate::core::{script, Alignment, Budget, Error, OffsetConverter, OffsetUnit, Span};
use crate::proto::v1 as pb;

use super::config::Config;

/// The document id that makes processing panic in builds with the
/// `test-hooks` feature (tests only).
#[cfg(feature = "test-hooks")]
pub const TEST_PANIC_ID: &str = "lisan-test-panic";

/// The document id that makes processing take [`TEST_SLOW_DURATION`]
/// (checking its budget like the core does) in builds with the `test-hooks`
/// feature (tests only): a request that is reliably in flight.
#[cfg(feature = "test-hooks")]
pub const TEST_SLOW_ID: &str = "lisan-test-slow";

/// How long a [`TEST_SLOW_ID`] document takes.
#[cfg(feature = "test-hooks")]
pub const TEST_SLOW_DURATION: std::time::Duration = std::time::Duration::from_millis(600);

/// Test-only behaviour behind the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
fn test_hooks(document_id: &str, budget: &Budget) -> Result<(), Error> {
    if document_id == TEST_PANIC_ID {
        panic!("test-only panic trigger");
    }
    if document_id == TEST_SLOW_ID {
        let end = std::time::Instant::now() + TEST_SLOW_DURATION;
        while std::time::Instant::now() < end {
            budget.check()?;
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
    Ok(())
}

/// A validated request, ready for the core.
#[derive(Debug)]
pub struct Job {
    pub document_id: String,
    pub text: String,
    pub options: AnalyzeOptions,
    pub unit: OffsetUnit,
    pub levels: Levels,
    pub omit_alignment: bool,
    /// The text is HTML: work on its text, report spans into the markup.
    pub html: bool,
    /// Set when the document came as bytes: the decoding, for the response.
    pub decoded: Option<pb::DecodedContent>,
}

/// Which segmentation levels the caller wants back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Levels {
    pub paragraphs: bool,
    pub sentences: bool,
    pub tokens: bool,
    /// Tokens with their morphemes.
    pub morphemes: bool,
}

impl Levels {
    /// What an empty list of levels asks for (morphemes only on request).
    const DEFAULT: Levels = Levels {
        paragraphs: true,
        sentences: true,
        tokens: true,
        morphemes: false,
    };
}

/// The parts of a request every RPC shares; `None` for steps not asked for.
pub struct Parts<'r> {
    pub document: Option<pb::Document>,
    pub offset_unit: (i32, &'static str),
    pub normalize: Option<(Option<&'r pb::NormalizeOptions>, &'static str)>,
    pub segment: Option<SegmentParts<'r>>,
    pub extract: Option<(&'r [i32], &'static str)>,
    pub document_features: Option<DocumentFeatureParts<'r>>,
    pub omit_alignment: bool,
}

/// The document-feature fields of an Extract request and their paths.
pub struct DocumentFeatureParts<'r> {
    pub features: (&'r [i32], &'static str),
    pub max_keyphrases: (u32, &'static str),
}

/// The segmentation fields of a request and their paths for errors.
pub struct SegmentParts<'r> {
    pub normalization: (Option<&'r pb::NormalizeOptions>, &'static str),
    pub levels: (&'r [i32], &'static str),
    pub clitic_convention: (i32, &'static str),
}

impl Job {
    /// Whether a test hook makes this job slow (builds with the
    /// `test-hooks` feature): it then runs where long jobs run.
    pub fn is_test_slow(&self) -> bool {
        #[cfg(feature = "test-hooks")]
        if self.document_id == TEST_SLOW_ID {
            return true;
        }
        false
    }

    /// Validates `parts` against `config` and the proto's enums.
    pub fn new(parts: Parts<'_>, config: &Config) -> Result<Job, Error> {
        let mut document = parts
            .document
            .ok_or_else(|| Error::invalid_argument("document", "a document is required"))?;
        let (text, decoded) = document_text(&mut document, config)?;
        let html = match pb::ContentType::try_from(document.content_type)
            .map_err(|_| invalid_enum("document.content_type", document.content_type))?
        {
            pb::ContentType::Unspecified | pb::ContentType::PlainText => false,
            pb::ContentType::Html => true,
        };
        let unit = offset_unit(parts.offset_unit.0, parts.offset_unit.1)?;
        let mut options = AnalyzeOptions::default();
        if let Some((opts, field)) = parts.normalize {
            options.normalize = Some(normalize_options(opts, field, Profile::Nfc)?);
        }
        let mut levels = Levels::DEFAULT;
        if let Some(seg) = parts.segment {
            let (opts, opts_field) = seg.normalization;
            options.segment = Some(normalize_options(opts, opts_field, Profile::Search)?);
            levels = segment_levels(seg.levels.0, seg.levels.1)?;
            let (convention, field) = seg.clitic_convention;
            let convention = clitic_convention(
                pb::CliticConvention::try_from(convention)
                    .map_err(|_| invalid_enum(field, convention))?,
            );
            options.clitics = levels.morphemes.then_some(convention);
        }
        if let Some((kinds, field)) = parts.extract {
            options.extract = Some(ExtractOptions {
                kinds: entity_kinds(kinds, field)?,
                reference: reference(document.reference_time.as_ref(), &document.time_zone)?,
                ner_model: Some(config.ner_model.clone()),
            });
        }
        if let Some(features) = parts.document_features {
            if parts.extract.is_none() && !features.features.0.is_empty() {
                return Err(Error::invalid_argument(
                    features.features.1,
                    "document features come with extraction: run the extract feature too",
                ));
            }
            options.document = document_features(&features)?;
        }
        let hint = document.language_code.trim();
        if !hint.is_empty() && !is_language_tag(hint) {
            return Err(Error::invalid_argument(
                "document.language_code",
                format!("{hint:?} is not a BCP-47 language tag"),
            ));
        }
        options.language_hint = (!hint.is_empty()).then(|| hint.to_string());
        Ok(Job {
            document_id: std::mem::take(&mut document.id),
            text,
            options,
            unit,
            levels,
            omit_alignment: parts.omit_alignment,
            html,
            decoded,
        })
    }

    /// Runs the job on the core within `budget` and converts the result;
    /// fails with the budget's error once it runs out.
    pub fn run(&self, budget: &Budget) -> Result<pb::Analysis, Error> {
        #[cfg(feature = "test-hooks")]
        test_hooks(&self.document_id, budget)?;
        let caller_text = self.text.as_str();
        let page = self.html.then(|| html_to_text(caller_text));
        let text: &str = page.as_ref().map_or(caller_text, |p| &p.text);
        let mut analysis = analyze_within(text, &self.options, budget)?;
        let per_token = PerToken::take(&mut analysis);
        let out = Spans {
            offsets: OffsetConverter::new(caller_text, self.unit),
            html: page.as_ref().map(|p| &p.alignment),
        };
        let mut result = pb::Analysis {
            normalization: analysis.normalized.as_ref().map(|n| {
                let mut response = normalize_response(&out, n, self.unit, self.omit_alignment);
                response.scripts = analysis
                    .scripts
                    .iter()
                    .map(|&(script, characters)| pb::ScriptShare {
                        script: script.to_string(),
                        characters: characters as u32,
                    })
                    .collect();
                response.language = analysis
                    .language
                    .clone()
                    .map(|(language_code, confidence)| pb::LanguageGuess {
                        language_code,
                        confidence,
                    });
                response
            }),
            segmentation: analysis
                .segmentation
                .as_ref()
                .map(|s| segment_response(text, &out, s, per_token, self.levels)),
            extraction: analysis.entities.as_ref().map(|e| {
                let mut response = extract_response(text, &out, e);
                add_document_features(&mut response, text, &out, &analysis);
                response
            }),
            decoded: None,
        };
        result.decoded = self.decoded.clone();
        budget.check()?;
        Ok(result)
    }
}

/// A duration as `google.protobuf.Duration`.
pub fn duration_to_proto(d: std::time::Duration) -> prost_types::Duration {
    prost_types::Duration {
        seconds: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        nanos: d.subsec_nanos() as i32,
    }
}

/// A response that reports the server's processing time.
pub trait Timed {
    fn set_processing_time(&mut self, elapsed: std::time::Duration);
}

macro_rules! timed {
    ($($message:ty),*) => {$(
        impl Timed for $message {
            fn set_processing_time(&mut self, elapsed: std::time::Duration) {
                self.processing_time = Some(duration_to_proto(elapsed));
            }
        }
    )*};
}

timed!(
    pb::NormalizeResponse,
    pb::SegmentResponse,
    pb::ExtractResponse,
    pb::AnalyzeResponse,
    pb::AnalyzeStreamResponse
);

/// The document's text: `text`, or `content` decoded. Enforces the size
/// limit on what the caller sent.
fn document_text(
    document: &mut pb::Document,
    config: &Config,
) -> Result<(String, Option<pb::DecodedContent>), Error> {
    let limit = config.max_document_bytes;
    if document.content.is_empty() {
        if document.text.len() > limit {
            return Err(Error::document_too_large(
                "document.text",
                document.text.len(),
                limit,
            ));
        }
        return Ok((std::mem::take(&mut document.text), None));
    }
    if !document.text.is_empty() {
        return Err(Error::invalid_argument(
            "document.content",
            "set either text or content, not both",
        ));
    }
    if document.content.len() > limit {
        return Err(Error::document_too_large(
            "document.content",
            document.content.len(),
            limit,
        ));
    }
    let label = (!document.charset.is_empty()).then_some(document.charset.as_str());
    let decoded = decode(&document.content, label, document.lenient_decoding)?;
    if decoded.text.len() > limit {
        return Err(Error::document_too_large(
            "document.content",
            decoded.text.len(),
            limit,
        ));
    }
    let info = pb::DecodedContent {
        text: decoded.text.clone(),
        charset: decoded.charset.to_string(),
        charset_detected: decoded.detected,
    };
    Ok((decoded.text, Some(info)))
}

/// Turns byte spans of the processed text into spans of the caller's text,
/// in the caller's unit: through the HTML alignment when the text came from
/// markup, then through the offset converter.
struct Spans<'a> {
    offsets: OffsetConverter<'a>,
    html: Option<&'a Alignment>,
}

impl Spans<'_> {
    fn span(&self, span: Span) -> pb::Span {
        let span = self.html.map_or(span, |a| a.to_input(span));
        pb::Span {
            start: self.offsets.convert(span.start) as u32,
            end: self.offsets.convert(span.end) as u32,
        }
    }
}

/// The shape of a BCP-47 tag: a 2-8 letter language, then 1-8 alphanumeric subtags.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or("");
    (2..=8).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn invalid_enum(field: &str, value: i32) -> Error {
    Error::invalid_argument(field, format!("unknown enum value {value}"))
}

pub fn offset_unit(value: i32, field: &str) -> Result<OffsetUnit, Error> {
    match pb::OffsetUnit::try_from(value).map_err(|_| invalid_enum(field, value))? {
        pb::OffsetUnit::Unspecified | pb::OffsetUnit::Utf8Byte => Ok(OffsetUnit::Utf8Byte),
        pb::OffsetUnit::Utf16CodeUnit => Ok(OffsetUnit::Utf16CodeUnit),
        pb::OffsetUnit::CodePoint => Ok(OffsetUnit::CodePoint),
    }
}

pub fn profile(value: i32, field: &str, default: Profile) -> Result<Profile, Error> {
    let value =
        pb::NormalizationProfile::try_from(value).map_err(|_| invalid_enum(field, value))?;
    Ok(profile_to_core(value).unwrap_or(default))
}

/// The options of `opts` over its profile (or `default` when unset).
pub fn normalize_options(
    opts: Option<&pb::NormalizeOptions>,
    field: &str,
    default: Profile,
) -> Result<NormalizeOptions, Error> {
    let Some(opts) = opts else {
        return Ok(default.options());
    };
    let mut out = profile(opts.profile, &format!("{field}.profile"), default)?.options();
    let enum_field = |name: &str, value: i32| invalid_enum(&format!("{field}.{name}"), value);
    let form = pb::UnicodeForm::try_from(opts.unicode_form)
        .map_err(|_| enum_field("unicode_form", opts.unicode_form))?;
    if let Some(form) = unicode_form(form) {
        out.form = form;
    }
    let ws = pb::WhitespaceMode::try_from(opts.whitespace)
        .map_err(|_| enum_field("whitespace", opts.whitespace))?;
    if let Some(ws) = whitespace(ws) {
        out.whitespace = ws;
    }
    let letters = pb::LetterVariants::try_from(opts.letter_variants)
        .map_err(|_| enum_field("letter_variants", opts.letter_variants))?;
    if let Some(letters) = letter_variants(letters) {
        out.letter_variants = letters;
    }
    let digit_style =
        pb::DigitStyle::try_from(opts.digits).map_err(|_| enum_field("digits", opts.digits))?;
    if let Some(d) = digits(digit_style) {
        out.digits = d;
    }
    let overrides = [
        (opts.remove_invisible, &mut out.remove_invisible),
        (
            opts.fold_presentation_forms,
            &mut out.fold_presentation_forms,
        ),
        (
            opts.remove_arabic_diacritics,
            &mut out.remove_arabic_diacritics,
        ),
        (opts.remove_tatweel, &mut out.remove_tatweel),
        (opts.fold_alef_variants, &mut out.fold_alef_variants),
        (opts.fold_hamza_carriers, &mut out.fold_hamza_carriers),
        (opts.fold_alef_maqsura, &mut out.fold_alef_maqsura),
        (opts.fold_teh_marbuta, &mut out.fold_teh_marbuta),
        (
            opts.fold_arabic_punctuation,
            &mut out.fold_arabic_punctuation,
        ),
        (opts.fold_quotes_dashes, &mut out.fold_quotes_dashes),
        (opts.strip_accents, &mut out.strip_accents),
        (opts.case_fold, &mut out.case_fold),
        (opts.split_glued_headings, &mut out.split_glued_headings),
    ];
    for (explicit, slot) in overrides {
        if let Some(value) = explicit {
            *slot = value;
        }
    }
    Ok(out)
}

/// The enum pairs between proto and core, each written once: `None` is the
/// proto's UNSPECIFIED (use the profile).
macro_rules! enum_pairs {
    ($to_core:ident, $to_proto:ident, $pb:ty, $core:ty, [$($p:ident <=> $c:ident),* $(,)?]) => {
        fn $to_core(value: $pb) -> Option<$core> {
            match value {
                <$pb>::Unspecified => None,
                $(<$pb>::$p => Some(<$core>::$c),)*
            }
        }
        pub fn $to_proto(value: $core) -> $pb {
            match value {
                $(<$core>::$c => <$pb>::$p,)*
            }
        }
    };
}

enum_pairs!(profile_to_core, profile_to_proto, pb::NormalizationProfile, Profile,
    [None <=> None, Nfc <=> Nfc, Search <=> Search, Display <=> Display, Ml <=> Ml]);
enum_pairs!(unicode_form, unicode_form_to_proto, pb::UnicodeForm, UnicodeForm,
    [None <=> None, Nfc <=> Nfc, Nfd <=> Nfd, Nfkc <=> Nfkc, Nfkd <=> Nfkd]);
enum_pairs!(whitespace, whitespace_to_proto, pb::WhitespaceMode, Whitespace,
    [Keep <=> Keep, Collapse <=> Collapse, Paragraphs <=> Paragraphs, SingleLine <=> SingleLine]);
enum_pairs!(letter_variants, letter_variants_to_proto, pb::LetterVariants, LetterVariants,
    [Keep <=> Keep, ToArabic <=> ToArabic, ToPersian <=> ToPersian]);
fn clitic_convention(value: pb::CliticConvention) -> CliticConvention {
    match value {
        pb::CliticConvention::Unspecified | pb::CliticConvention::Treebank => {
            CliticConvention::Treebank
        }
        pb::CliticConvention::SeparateArticle => CliticConvention::SeparateArticle,
    }
}

enum_pairs!(digits, digits_to_proto, pb::DigitStyle, Digits,
    [Keep <=> Keep, Ascii <=> Ascii, ArabicIndic <=> ArabicIndic, ExtendedArabicIndic <=> ExtendedArabicIndic]);

/// The proto form of a profile's options (for GetServiceInfo).
pub fn normalize_options_to_proto(profile: Profile) -> pb::NormalizeOptions {
    let o = profile.options();
    pb::NormalizeOptions {
        profile: profile_to_proto(profile) as i32,
        unicode_form: unicode_form_to_proto(o.form) as i32,
        remove_invisible: Some(o.remove_invisible),
        whitespace: whitespace_to_proto(o.whitespace) as i32,
        fold_presentation_forms: Some(o.fold_presentation_forms),
        remove_arabic_diacritics: Some(o.remove_arabic_diacritics),
        remove_tatweel: Some(o.remove_tatweel),
        fold_alef_variants: Some(o.fold_alef_variants),
        fold_hamza_carriers: Some(o.fold_hamza_carriers),
        fold_alef_maqsura: Some(o.fold_alef_maqsura),
        fold_teh_marbuta: Some(o.fold_teh_marbuta),
        letter_variants: letter_variants_to_proto(o.letter_variants) as i32,
        digits: digits_to_proto(o.digits) as i32,
        fold_arabic_punctuation: Some(o.fold_arabic_punctuation),
        fold_quotes_dashes: Some(o.fold_quotes_dashes),
        strip_accents: Some(o.strip_accents),
        case_fold: Some(o.case_fold),
        split_glued_headings: Some(o.split_glued_headings),
    }
}

fn segment_levels(values: &[i32], field: &str) -> Result<Levels, Error> {
    if values.is_empty() {
        return Ok(Levels::DEFAULT);
    }
    let mut levels = Levels {
        paragraphs: false,
        sentences: false,
        tokens: false,
        morphemes: false,
    };
    for (i, &value) in values.iter().enumerate() {
        let field = format!("{field}[{i}]");
        match pb::SegmentLevel::try_from(value).map_err(|_| invalid_enum(&field, value))? {
            pb::SegmentLevel::Unspecified => {
                return Err(Error::invalid_argument(
                    field,
                    "SEGMENT_LEVEL_UNSPECIFIED is not a level",
                ))
            }
            pb::SegmentLevel::Paragraph => levels.paragraphs = true,
            pb::SegmentLevel::Sentence => levels.sentences = true,
            pb::SegmentLevel::Token => levels.tokens = true,
            pb::SegmentLevel::Morpheme => {
                levels.tokens = true;
                levels.morphemes = true;
            }
        }
    }
    Ok(levels)
}

fn entity_kinds(values: &[i32], field: &str) -> Result<Vec<EntityKind>, Error> {
    values
        .iter()
        .enumerate()
        .map(|(i, &value)| {
            let field = format!("{field}[{i}]");
            match pb::EntityType::try_from(value).map_err(|_| invalid_enum(&field, value))? {
                pb::EntityType::Unspecified => Err(Error::invalid_argument(
                    field,
                    "ENTITY_TYPE_UNSPECIFIED is not a type",
                )),
                known => Ok(ENTITY_KINDS
                    .iter()
                    .find(|(_, t)| *t == known)
                    .map(|(k, _)| *k)
                    .expect("every entity type has a kind")),
            }
        })
        .collect()
}

/// Core kinds and their proto types, one to one.
const ENTITY_KINDS: [(EntityKind, pb::EntityType); 19] = [
    (EntityKind::DateTime, pb::EntityType::DateTime),
    (EntityKind::Number, pb::EntityType::Number),
    (EntityKind::Percent, pb::EntityType::Percent),
    (EntityKind::Url, pb::EntityType::Url),
    (EntityKind::Email, pb::EntityType::Email),
    (EntityKind::Duration, pb::EntityType::Duration),
    (EntityKind::Money, pb::EntityType::Money),
    (EntityKind::Quantity, pb::EntityType::Quantity),
    (EntityKind::Ordinal, pb::EntityType::Ordinal),
    (EntityKind::PhoneNumber, pb::EntityType::PhoneNumber),
    (EntityKind::Hashtag, pb::EntityType::Hashtag),
    (EntityKind::Mention, pb::EntityType::Mention),
    (EntityKind::Person, pb::EntityType::Person),
    (EntityKind::Location, pb::EntityType::Location),
    (EntityKind::Organization, pb::EntityType::Organization),
    (EntityKind::Norp, pb::EntityType::Norp),
    (EntityKind::Event, pb::EntityType::Event),
    (EntityKind::Misc, pb::EntityType::Misc),
    (EntityKind::Recurrence, pb::EntityType::Recurrence),
];

pub fn entity_type(kind: EntityKind) -> pb::EntityType {
    ENTITY_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(pb::EntityType::Unspecified, |(_, t)| *t)
}

/// The reference time of the request (or the server clock, which a
/// publication date in the text may replace) in the document's zone.
fn reference(
    reference: Option<&prost_types::Timestamp>,
    time_zone: &str,
) -> Result<Reference, Error> {
    let zone = if time_zone.trim().is_empty() {
        Zone::Fixed(0)
    } else {
        Zone::parse(time_zone).ok_or_else(|| {
            Error::invalid_argument(
                "document.time_zone",
                format!(
                    "{time_zone:?} is neither a UTC offset (\"+03:00\", \"-0200\", \"UTC\") \
                     nor an IANA time zone (\"Asia/Riyadh\")"
                ),
            )
        })?
    };
    let (instant, source) = match reference {
        None => (Utc::now(), ReferenceSource::Clock),
        Some(t) => (
            u32::try_from(t.nanos)
                .ok()
                .and_then(|nanos| DateTime::<Utc>::from_timestamp(t.seconds, nanos))
                .ok_or_else(|| {
                    Error::invalid_argument(
                        "document.reference_time",
                        "outside the representable calendar",
                    )
                })?,
            ReferenceSource::Request,
        ),
    };
    let local = zone.local(instant.naive_utc()).ok_or_else(|| {
        Error::invalid_argument(
            "document.reference_time",
            "outside the representable calendar",
        )
    })?;
    Ok(Reference {
        local,
        zone,
        source,
    })
}

fn normalize_response(
    input: &Spans<'_>,
    normalized: &Normalized<'_>,
    unit: OffsetUnit,
    omit_alignment: bool,
) -> pb::NormalizeResponse {
    let alignment = if omit_alignment {
        Vec::new()
    } else {
        let output = OffsetConverter::new(&normalized.text, unit);
        let segments = normalized.alignment.iter_segments();
        // At most two segments an edit, and one after them: one allocation.
        let mut alignment = Vec::with_capacity(segments.size_hint().1.unwrap_or(0));
        alignment.extend(segments.map(|seg| pb::AlignmentSegment {
            output: Some(pb::Span {
                start: output.convert(seg.output.start) as u32,
                end: output.convert(seg.output.end) as u32,
            }),
            input: Some(input.span(seg.input)),
            edited: seg.edited,
        }));
        alignment
    };
    pb::NormalizeResponse {
        text: normalized.text.to_string(),
        alignment,
        scripts: Vec::new(),
        language: None,
        decoded: None,
        processing_time: None,
    }
}

/// What the analysis found for each token of its segmentation, taken out
/// of it so the response owns the strings instead of copying them.
struct PerToken {
    forms: Vec<String>,
    languages: Vec<Option<&'static str>>,
    morphemes: Vec<Vec<Morpheme>>,
}

impl PerToken {
    fn take(analysis: &mut Analysis<'_>) -> PerToken {
        PerToken {
            forms: std::mem::take(&mut analysis.token_forms),
            languages: std::mem::take(&mut analysis.token_languages),
            morphemes: std::mem::take(&mut analysis.token_morphemes),
        }
    }
}

fn segment_response(
    text: &str,
    spans: &Spans<'_>,
    seg: &Segmentation,
    per_token: PerToken,
    levels: Levels,
) -> pb::SegmentResponse {
    let mut out = pb::SegmentResponse::default();
    if levels.paragraphs {
        out.paragraphs = seg
            .paragraphs
            .iter()
            .map(|&p| pb::Paragraph {
                span: Some(spans.span(p)),
            })
            .collect();
    }
    if levels.sentences {
        out.sentences = seg
            .sentences
            .iter()
            .map(|s| pb::Sentence {
                span: Some(spans.span(s.span)),
                text: s.span.slice(text).to_string(),
                paragraph_index: s.paragraph as u32,
                end: sentence_end(s.end) as i32,
                confidence: s.confidence,
            })
            .collect();
    }
    if levels.tokens {
        out.tokens = tokens(text, spans, seg, per_token);
    }
    out
}

/// The token messages of `seg`, each with its normalized form, language and
/// morphemes from `per_token` (empty where it has none).
fn tokens(
    text: &str,
    spans: &Spans<'_>,
    seg: &Segmentation,
    per_token: PerToken,
) -> Vec<pb::Token> {
    let mut forms = per_token.forms.into_iter();
    let mut languages = per_token.languages.into_iter();
    let mut morpheme_lists = per_token.morphemes.into_iter();
    seg.tokens
        .iter()
        .map(|(token, sentence)| {
            let raw = token.span.slice(text);
            pb::Token {
                span: Some(spans.span(token.span)),
                text: raw.to_string(),
                kind: token_kind(token.kind) as i32,
                normalized: forms.next().unwrap_or_default(),
                script: script::script_code(raw).to_string(),
                sentence_index: *sentence as u32,
                language: languages.next().flatten().unwrap_or_default().to_string(),
                morphemes: morpheme_lists
                    .next()
                    .map(|m| morphemes(text, spans, m))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn morphemes(text: &str, spans: &Spans<'_>, morphemes: Vec<Morpheme>) -> Vec<pb::Morpheme> {
    morphemes
        .into_iter()
        .map(|m| pb::Morpheme {
            span: Some(spans.span(m.span)),
            text: m.span.slice(text).to_string(),
            form: m.form,
            role: match m.role {
                MorphemeRole::Proclitic => pb::MorphemeRole::Proclitic,
                MorphemeRole::Article => pb::MorphemeRole::Article,
                MorphemeRole::Stem => pb::MorphemeRole::Stem,
                MorphemeRole::Enclitic => pb::MorphemeRole::Enclitic,
            } as i32,
        })
        .collect()
}

fn sentence_end(end: SentenceEnd) -> pb::SentenceEnd {
    match end {
        SentenceEnd::Punctuation => pb::SentenceEnd::Punctuation,
        SentenceEnd::LineBreak => pb::SentenceEnd::LineBreak,
        SentenceEnd::ParagraphEnd => pb::SentenceEnd::ParagraphEnd,
        SentenceEnd::GluedHeading => pb::SentenceEnd::GluedHeading,
    }
}

fn token_kind(kind: TokenKind) -> pb::TokenKind {
    match kind {
        TokenKind::Word => pb::TokenKind::Word,
        TokenKind::Number => pb::TokenKind::Number,
        TokenKind::Punctuation => pb::TokenKind::Punctuation,
        TokenKind::Symbol => pb::TokenKind::Symbol,
        TokenKind::Url => pb::TokenKind::Url,
        TokenKind::Email => pb::TokenKind::Email,
        TokenKind::Hashtag => pb::TokenKind::Hashtag,
        TokenKind::Mention => pb::TokenKind::Mention,
        TokenKind::Emoji => pb::TokenKind::Emoji,
    }
}

fn extract_response(text: &str, out: &Spans<'_>, extraction: &Extraction) -> pb::ExtractResponse {
    let entities = extraction
        .entities
        .iter()
        .map(|e| pb::Entity {
            r#type: entity_type(e.kind) as i32,
            span: Some(out.span(e.span)),
            text: e.span.slice(text).to_string(),
            confidence: e.confidence,
            value: Some(entity_value(&e.value)),
        })
        .collect();
    let reference = &extraction.reference;
    let offset = reference.zone.offset_at(reference.local);
    let utc = reference.local - chrono::Duration::seconds(i64::from(offset));
    pb::ExtractResponse {
        entities,
        page: None,
        keyphrases: Vec::new(),
        document_language: None,
        paragraph_languages: Vec::new(),
        decoded: None,
        processing_time: None,
        reference_time: Some(prost_types::Timestamp {
            seconds: utc.and_utc().timestamp(),
            nanos: utc.and_utc().timestamp_subsec_nanos() as i32,
        }),
        reference_time_source: match reference.source {
            ReferenceSource::Request => pb::ReferenceTimeSource::Request,
            ReferenceSource::Document => pb::ReferenceTimeSource::Document,
            ReferenceSource::Clock => pb::ReferenceTimeSource::ServerClock,
        } as i32,
        warnings: extraction
            .warnings
            .iter()
            .map(|w| pb::ExtractWarning {
                span: Some(out.span(w.span)),
                reason: w.reason.to_string(),
                message: w.message.clone(),
            })
            .collect(),
        named_entities: named_entities(text, out, extraction),
        quotations: quotations(text, out, &extraction.named.quotes),
    }
}

/// The named-entity groups, each with the indices of its mentions in the
/// response's entities.
fn named_entities(text: &str, out: &Spans<'_>, extraction: &Extraction) -> Vec<pb::NamedEntity> {
    let mut indices = vec![Vec::new(); extraction.named.groups.len()];
    for (i, e) in extraction.entities.iter().enumerate() {
        if let Value::Named { group, .. } = e.value {
            indices[group].push(i);
        }
    }
    extraction
        .named
        .groups
        .iter()
        .zip(indices)
        .map(|(g, mentions)| pb::NamedEntity {
            r#type: entity_type(named_kind(g.kind)) as i32,
            name: g.name.slice(text).to_string(),
            mentions: mentions
                .iter()
                .map(|&i| out.span(extraction.entities[i].span))
                .collect(),
            mention_indices: mentions.into_iter().map(|i| i as i32).collect(),
            country_code: g.country.unwrap_or_default().to_string(),
            salience: g.salience,
        })
        .collect()
}

fn quotations(text: &str, out: &Spans<'_>, quotes: &[Quote]) -> Vec<pb::Quotation> {
    quotes
        .iter()
        .map(|q| pb::Quotation {
            kind: match q.kind {
                QuoteKind::Direct => pb::QuotationKind::Direct,
                QuoteKind::Reported => pb::QuotationKind::Reported,
            } as i32,
            span: Some(out.span(q.span)),
            text: q.span.slice(text).to_string(),
            speaker_span: q.speaker.map(|s| out.span(s)),
            speaker: q
                .speaker
                .map_or(String::new(), |s| s.slice(text).to_string()),
            speaker_entity_index: q.speaker_group.map_or(-1, |g| g as i32),
            cue_span: q.cue.map(|s| out.span(s)),
        })
        .collect()
}

fn grain(grain: Grain) -> pb::Grain {
    match grain {
        Grain::Year => pb::Grain::Year,
        Grain::Month => pb::Grain::Month,
        Grain::Week => pb::Grain::Week,
        Grain::Quarter => pb::Grain::Quarter,
        Grain::Day => pb::Grain::Day,
        Grain::Hour => pb::Grain::Hour,
        Grain::Minute => pb::Grain::Minute,
        Grain::Second => pb::Grain::Second,
    }
}

fn time_unit(unit: TimeUnit) -> pb::TimeUnit {
    match unit {
        TimeUnit::Second => pb::TimeUnit::Second,
        TimeUnit::Minute => pb::TimeUnit::Minute,
        TimeUnit::Hour => pb::TimeUnit::Hour,
        TimeUnit::Day => pb::TimeUnit::Day,
        TimeUnit::Week => pb::TimeUnit::Week,
        TimeUnit::Month => pb::TimeUnit::Month,
        TimeUnit::Year => pb::TimeUnit::Year,
        TimeUnit::Decade => pb::TimeUnit::Decade,
        TimeUnit::Century => pb::TimeUnit::Century,
    }
}

fn entity_value(value: &Value) -> pb::entity::Value {
    use pb::entity::Value as V;
    match value {
        Value::DateTime(t) => V::DateTime(pb::DateTimeValue {
            value: t.iso.clone(),
            grain: grain(t.grain) as i32,
            end: t.end.clone().unwrap_or_default(),
            anchor: match t.anchor {
                Anchor::Absolute => pb::DateAnchor::Absolute,
                Anchor::Reference => pb::DateAnchor::ReferenceTime,
                Anchor::ReferenceYear => pb::DateAnchor::ReferenceYear,
            } as i32,
            calendar: match t.calendar {
                Calendar::Gregorian => pb::CalendarSystem::Gregorian,
                Calendar::IslamicTabular => pb::CalendarSystem::IslamicTabular,
                Calendar::IslamicUmmAlQura => pb::CalendarSystem::IslamicUmmAlQura,
            } as i32,
            bound: match t.bound {
                None => pb::TimeBound::Unspecified,
                Some(TimeBound::Before) => pb::TimeBound::Before,
                Some(TimeBound::After) => pb::TimeBound::After,
            } as i32,
        }),
        Value::Number {
            decimal,
            value,
            max,
            bound,
            fraction,
        } => V::Number(pb::NumberValue {
            decimal: decimal.clone(),
            value: *value,
            max_decimal: max.clone().unwrap_or_default(),
            max_value: max
                .as_deref()
                .map_or(0.0, |m| m.parse().unwrap_or(f64::NAN)),
            bound: money_bound(*bound) as i32,
            fraction: fraction.map(|f| pb::Fraction {
                numerator: f.numerator,
                denominator: f.denominator,
            }),
        }),
        Value::Money {
            amount,
            currency,
            max,
            bound,
        } => V::Money(pb::MoneyValue {
            amount: amount.clone(),
            currency: currency.clone(),
            max_amount: max.clone().unwrap_or_default(),
            bound: money_bound(*bound) as i32,
        }),
        Value::Duration(d) => V::Duration(pb::DurationValue {
            iso: d.iso.clone(),
            seconds: d.seconds,
            amount: d.amount.clone(),
            unit: d.unit.map_or(pb::TimeUnit::Unspecified, time_unit) as i32,
        }),
        Value::Recurrence(r) => V::Recurrence(pb::RecurrenceValue {
            rrule: r.rrule(),
            period: r.period(),
            unit: time_unit(r.unit) as i32,
            interval: r.interval,
            weekdays: r.weekdays.clone(),
            time_of_day: r
                .time
                .map(|(h, m)| format!("{h:02}:{m:02}"))
                .unwrap_or_default(),
            day_part_start_hour: r.day_part.map_or(0, |(from, _)| from),
            day_part_end_hour: r.day_part.map_or(0, |(_, to)| to),
            time_zone: r.zone.map(|z| z.name()).unwrap_or_default(),
            month: r.month.unwrap_or(0),
            month_day: r.month_day.unwrap_or(0),
            times: r.times.unwrap_or(0),
        }),
        Value::Quantity(q) => V::Quantity(pb::QuantityValue {
            amount: q.amount.clone(),
            unit: q.unit.clone(),
            dimension: match q.dimension {
                Dimension::Mass => pb::QuantityDimension::Mass,
                Dimension::Volume => pb::QuantityDimension::Volume,
                Dimension::Length => pb::QuantityDimension::Length,
                Dimension::Temperature => pb::QuantityDimension::Temperature,
                Dimension::Area => pb::QuantityDimension::Area,
                Dimension::Speed => pb::QuantityDimension::Speed,
            } as i32,
            base_amount: q.base_amount.clone(),
            product: q.product.clone().unwrap_or_default(),
            max_amount: q.max.clone().unwrap_or_default(),
            max_base_amount: q.max_base.clone().unwrap_or_default(),
            bound: money_bound(q.bound) as i32,
        }),
        Value::Phone(p) => V::PhoneNumber(pb::PhoneNumberValue {
            e164: p.e164.clone().unwrap_or_default(),
            national: p.national.clone(),
            extension: p.extension.clone().unwrap_or_default(),
        }),
        Value::Link(link) => V::Link(link.clone()),
        Value::Tag(tag) => V::Tag(tag.clone()),
        Value::Named { group, country } => V::NamedEntity(pb::NamedEntityValue {
            group_index: *group as i32,
            country_code: country.unwrap_or_default().to_string(),
        }),
    }
}

/// The most keyphrases a request may ask for.
const MAX_KEYPHRASES: u32 = 100;

/// The document features a request asks for, validated.
fn document_features(parts: &DocumentFeatureParts<'_>) -> Result<DocumentFeatures, Error> {
    let (values, field) = parts.features;
    let mut features = DocumentFeatures::default();
    for (i, &value) in values.iter().enumerate() {
        match pb::DocumentFeature::try_from(value) {
            Ok(pb::DocumentFeature::PageStructure) => features.page = true,
            Ok(pb::DocumentFeature::Keyphrases) => {
                features.keyphrases = DEFAULT_MAX_PHRASES;
            }
            Ok(pb::DocumentFeature::Languages) => features.languages = true,
            Ok(pb::DocumentFeature::Unspecified) | Err(_) => {
                return Err(invalid_enum(&format!("{field}[{i}]"), value))
            }
        }
    }
    let (max, max_field) = parts.max_keyphrases;
    if max > MAX_KEYPHRASES {
        return Err(Error::invalid_argument(
            max_field,
            format!("at most {MAX_KEYPHRASES} keyphrases may be asked for, not {max}"),
        ));
    }
    if features.keyphrases > 0 && max > 0 {
        features.keyphrases = max as usize;
    }
    Ok(features)
}

/// Page structure, keyphrases and languages into an Extract response.
fn add_document_features(
    response: &mut pb::ExtractResponse,
    text: &str,
    out: &Spans<'_>,
    analysis: &Analysis<'_>,
) {
    response.page = analysis.page.as_ref().map(|p| page_structure(text, out, p));
    if let Some(found) = &analysis.keyphrases {
        response.keyphrases = found.iter().map(|k| keyphrase(out, k)).collect();
    }
    if let Some((document, paragraphs)) = &analysis.languages {
        response.document_language = document.as_ref().map(language_guess);
        response.paragraph_languages = paragraphs
            .iter()
            .map(|(span, guess)| pb::ParagraphLanguage {
                span: Some(out.span(*span)),
                language: Some(language_guess(guess)),
            })
            .collect();
    }
}

fn language_guess(guess: &LanguageGuess) -> pb::LanguageGuess {
    pb::LanguageGuess {
        language_code: guess.code.clone(),
        confidence: guess.confidence,
    }
}

fn keyphrase(out: &Spans<'_>, k: &Keyphrase) -> pb::Keyphrase {
    pb::Keyphrase {
        text: k.text.clone(),
        normalized: k.normalized.clone(),
        relevance: k.relevance,
        occurrences: k.occurrences.iter().map(|s| out.span(*s)).collect(),
    }
}

fn page_structure(text: &str, out: &Spans<'_>, page: &Page) -> pb::PageStructure {
    let zones = page
        .zones
        .iter()
        .map(|z| pb::PageZone {
            r#type: zone_type(z.kind) as i32,
            span: Some(out.span(z.span)),
            article_index: z.article.map(|a| a as u32),
        })
        .collect();
    let articles = page
        .articles
        .iter()
        .map(|a| pb::PageArticle {
            span: Some(out.span(a.span)),
            related: a.related,
            title: a.title.map(|t| out.span(t)),
            title_text: a.title.map_or("", |t| t.slice(text)).to_string(),
            fields: a
                .fields
                .iter()
                .map(|f| pb::MetadataField {
                    r#type: field_type(f.kind) as i32,
                    label: Some(out.span(f.label)),
                    span: Some(out.span(f.span)),
                    text: f.span.slice(text).to_string(),
                    value: f.value.clone(),
                    items: f
                        .items
                        .iter()
                        .map(|i| pb::MetadataItem {
                            span: Some(out.span(i.span)),
                            text: i.text.clone(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    pb::PageStructure { zones, articles }
}

fn zone_type(kind: ZoneKind) -> pb::PageZoneType {
    match kind {
        ZoneKind::Title => pb::PageZoneType::Title,
        ZoneKind::Metadata => pb::PageZoneType::Metadata,
        ZoneKind::Body => pb::PageZoneType::Body,
        ZoneKind::Heading => pb::PageZoneType::Heading,
        ZoneKind::Related => pb::PageZoneType::Related,
        ZoneKind::Boilerplate => pb::PageZoneType::Boilerplate,
    }
}

fn field_type(kind: FieldKind) -> pb::MetadataFieldType {
    match kind {
        FieldKind::Title => pb::MetadataFieldType::Title,
        FieldKind::Published => pb::MetadataFieldType::Published,
        FieldKind::Updated => pb::MetadataFieldType::Updated,
        FieldKind::Source => pb::MetadataFieldType::Source,
        FieldKind::Byline => pb::MetadataFieldType::Byline,
        FieldKind::Tags => pb::MetadataFieldType::Tags,
    }
}

/// The proto form of a money bound.
fn money_bound(bound: Option<crate::core::extract::Bound>) -> pb::MoneyBound {
    use crate::core::extract::Bound;
    match bound {
        None => pb::MoneyBound::Unspecified,
        Some(Bound::AtMost) => pb::MoneyBound::AtMost,
        Some(Bound::AtLeast) => pb::MoneyBound::AtLeast,
        Some(Bound::About) => pb::MoneyBound::About,
    }
}
