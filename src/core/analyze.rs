//! One pass over a document: normalize, segment and extract, as asked.

use super::extract::{extract_from_tokens, ExtractOptions, Extraction};
use super::language::{detect_language, script_shares};
use super::normalize::{normalize, NormalizeOptions, Normalized};
use super::segment::{segment, tokenize, Segmentation};

/// Which steps to run, each with its options.
#[derive(Clone, Debug, Default)]
pub struct AnalyzeOptions {
    /// Normalize the whole text with these options.
    pub normalize: Option<NormalizeOptions>,
    /// Segment, normalizing each token with these options.
    pub segment: Option<NormalizeOptions>,
    /// Extract entities.
    pub extract: Option<ExtractOptions>,
    /// The caller's language (BCP-47), reported instead of a detected one.
    pub language_hint: Option<String>,
}

/// Bytes of the text that language detection reads: enough for a reliable
/// guess, bounded so that long documents cost nothing more.
const LANGUAGE_SAMPLE_BYTES: usize = 4096;

/// What the steps produced. Spans are bytes of the analyzed text.
#[derive(Debug, Default)]
pub struct Analysis<'a> {
    pub normalized: Option<Normalized<'a>>,
    pub segmentation: Option<Segmentation>,
    /// The normalized form of each token of `segmentation`.
    pub token_forms: Vec<String>,
    /// Entities, with the reference time used and warnings.
    pub entities: Option<Extraction>,
    /// With normalization: letters per script, most used first.
    pub scripts: Vec<(&'static str, usize)>,
    /// With normalization: the hint, or the detected language and confidence.
    pub language: Option<(String, f32)>,
}

/// Runs the steps `options` asks for over `text`, tokenizing once.
///
/// ```
/// use lisan::core::analyze::{analyze, AnalyzeOptions};
/// use lisan::core::normalize::Profile;
/// let options = AnalyzeOptions { segment: Some(Profile::Search.options()), ..Default::default() };
/// let analysis = analyze("مرحباً بالعالم.", &options);
/// assert_eq!(analysis.token_forms, ["مرحبا", "بالعالم", "."]);
/// ```
pub fn analyze<'a>(text: &'a str, options: &AnalyzeOptions) -> Analysis<'a> {
    let mut analysis = Analysis {
        normalized: options.normalize.as_ref().map(|o| normalize(text, o)),
        ..Analysis::default()
    };
    if analysis.normalized.is_some() {
        analysis.scripts = script_shares(text);
        analysis.language = match &options.language_hint {
            Some(hint) => Some((hint.clone(), 1.0)),
            None => detect_language(prefix(text, LANGUAGE_SAMPLE_BYTES)),
        };
    }
    if let Some(forms) = &options.segment {
        let segmentation = segment(text);
        analysis.token_forms = segmentation
            .tokens
            .iter()
            .map(|(t, _)| normalize(t.span.slice(text), forms).text.into_owned())
            .collect();
        analysis.segmentation = Some(segmentation);
    }
    if let Some(extract) = &options.extract {
        let entities = match &analysis.segmentation {
            Some(seg) => {
                let tokens: Vec<_> = seg.tokens.iter().map(|(t, _)| *t).collect();
                extract_from_tokens(text, &tokens, extract)
            }
            None => extract_from_tokens(text, &tokenize(text), extract),
        };
        analysis.entities = Some(entities);
    }
    analysis
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}
