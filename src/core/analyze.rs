//! One pass over a document: normalize, segment and extract, as asked.

use super::budget::Budget;
use super::error::Error;
use super::extract::{extract_from_tokens_within, ExtractOptions, Extraction};
use super::language::{arabic_script_orthography, arabic_word_language};
use super::language::{detect_language, script_shares};
use super::normalize::{normalize, NormalizeOptions, Normalized};
use super::segment::{
    segment_within, split_clitics, tokenize_within, CliticConvention, Morpheme, Segmentation,
};

/// Which steps to run, each with its options.
#[derive(Clone, Debug, Default)]
pub struct AnalyzeOptions {
    /// Normalize the whole text with these options.
    pub normalize: Option<NormalizeOptions>,
    /// Segment, normalizing each token with these options.
    pub segment: Option<NormalizeOptions>,
    /// Extract entities.
    pub extract: Option<ExtractOptions>,
    /// With segmentation: split Arabic clitics, reporting them this way.
    pub clitics: Option<CliticConvention>,
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
    /// The language of each token of `segmentation` in the Arabic script.
    pub token_languages: Vec<Option<&'static str>>,
    /// With `clitics`: the morphemes of each token of `segmentation`.
    pub token_morphemes: Vec<Vec<Morpheme>>,
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
    match analyze_within(text, options, &Budget::unlimited()) {
        Ok(analysis) => analysis,
        Err(_) => unreachable!("an unlimited budget never runs out"),
    }
}

/// [`analyze`] within a budget: checked between the steps, while tokenizing
/// and segmenting, and while normalizing tokens; once it runs out the work
/// stops with its error (`DeadlineExceeded` or `Cancelled`).
pub fn analyze_within<'a>(
    text: &'a str,
    options: &AnalyzeOptions,
    budget: &Budget,
) -> Result<Analysis<'a>, Error> {
    budget.check()?;
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
        budget.check()?;
        let segmentation = segment_within(text, budget)?;
        let mut token_forms = Vec::with_capacity(segmentation.tokens.len());
        for (step, (t, _)) in segmentation.tokens.iter().enumerate() {
            budget.check_at(step)?;
            token_forms.push(normalize(t.span.slice(text), forms).text.into_owned());
        }
        analysis.token_forms = token_forms;
        let language = match &options.language_hint {
            Some(hint) => Some(hint.clone()),
            None => detect_language(prefix(text, LANGUAGE_SAMPLE_BYTES)).map(|(l, _)| l),
        };
        analysis.token_languages = token_languages(text, &segmentation, language.as_deref());
        if let Some(convention) = options.clitics {
            let mut morphemes = Vec::with_capacity(segmentation.tokens.len());
            for (step, (t, _)) in segmentation.tokens.iter().enumerate() {
                budget.check_at(step)?;
                morphemes.push(split_clitics(text, t.span, convention));
            }
            analysis.token_morphemes = morphemes;
        }
        analysis.segmentation = Some(segmentation);
    }
    if let Some(extract) = &options.extract {
        budget.check()?;
        let entities = match &analysis.segmentation {
            Some(seg) => {
                let tokens: Vec<_> = seg.tokens.iter().map(|(t, _)| *t).collect();
                extract_from_tokens_within(text, &tokens, extract, budget)?
            }
            None => {
                extract_from_tokens_within(text, &tokenize_within(text, budget)?, extract, budget)?
            }
        };
        analysis.entities = Some(entities);
    }
    budget.check()?;
    Ok(analysis)
}

/// The language of each token in the Arabic script: its letters, else its
/// sentence's letters, else the document's language.
fn token_languages(
    text: &str,
    segmentation: &Segmentation,
    document: Option<&str>,
) -> Vec<Option<&'static str>> {
    let sentences: Vec<Option<&'static str>> = segmentation
        .sentences
        .iter()
        .map(|s| arabic_script_orthography(s.span.slice(text)))
        .collect();
    segmentation
        .tokens
        .iter()
        .map(|(t, sentence)| {
            let language = sentences.get(*sentence).copied().flatten().or(document);
            arabic_word_language(t.span.slice(text), language)
        })
        .collect()
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
