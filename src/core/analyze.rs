//! One pass over a document: normalize, segment and extract, as asked.

use super::budget::Budget;
use super::error::Error;
use super::extract::{extract_from_tokens_within, EntityKind, ExtractOptions, Extraction, Value};
use super::keyphrases::{keyphrases_within, Keyphrase};
use super::language::{arabic_script_orthography, arabic_word_language};
use super::language::{detect_language, language_and_scripts, paragraph_languages_within};
use super::language::{script_shares, Languages};
use super::normalize::{normalize, NormalizeOptions, Normalized, Normalizer};
use super::page::{page_within, Page, PageHints, ZoneKind};
use super::segment::{
    segment_within, split_clitics, word_tokens_within, CliticConvention, Morpheme, Segmentation,
    Token,
};
use super::span::Span;

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
    /// Document-level results: page structure, keyphrases, languages.
    pub document: DocumentFeatures,
}

/// Which document-level results to compute (none by default).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocumentFeatures {
    /// Zones, articles and metadata fields ([`super::page`]).
    pub page: bool,
    /// At most this many keyphrases ([`super::keyphrases`]); 0 for none.
    pub keyphrases: usize,
    /// The language of the document and of each paragraph.
    pub languages: bool,
}

impl DocumentFeatures {
    /// Whether any document-level result is asked for.
    pub fn any(&self) -> bool {
        self.page || self.keyphrases > 0 || self.languages
    }
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
    /// With `document.page`: the page's zones and articles.
    pub page: Option<Page>,
    /// With `document.keyphrases`: the keyphrases, best first.
    pub keyphrases: Option<Vec<Keyphrase>>,
    /// With `document.languages`: the document's and each paragraph's language.
    pub languages: Option<Languages>,
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
    // The document's language, identified once for every step that needs
    // it; with normalization, in the same pass as the script shares.
    let normalizing = analysis.normalized.is_some();
    let language = match &options.language_hint {
        Some(hint) => {
            if normalizing {
                analysis.scripts = script_shares(text);
            }
            Some((hint.clone(), 1.0))
        }
        None if normalizing => {
            let (language, scripts) = language_and_scripts(text, LANGUAGE_SAMPLE_BYTES);
            analysis.scripts = scripts;
            language
        }
        None if options.segment.is_some() => detect_language(prefix(text, LANGUAGE_SAMPLE_BYTES)),
        None => None,
    };
    if normalizing {
        analysis.language = language.clone();
    }
    if let Some(forms) = &options.segment {
        budget.check()?;
        let segmentation = segment_within(text, budget)?;
        let mut token_forms = Vec::with_capacity(segmentation.tokens.len());
        let normalizer = Normalizer::new(forms);
        for (step, (t, _)) in segmentation.tokens.iter().enumerate() {
            budget.check_at(step)?;
            token_forms.push(normalizer.normalize(t.span.slice(text)).text.into_owned());
        }
        analysis.token_forms = token_forms;
        let code = language.as_ref().map(|(code, _)| code.as_str());
        analysis.token_languages = token_languages(text, &segmentation, code);
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
    if options.extract.is_some() || options.document.any() {
        budget.check()?;
        let (tokens, junctions): (Vec<Token>, Vec<usize>) = match &analysis.segmentation {
            Some(seg) => (
                seg.tokens.iter().map(|(t, _)| *t).collect(),
                seg.junctions.iter().map(|j| j.at).collect(),
            ),
            None => {
                let (tokens, junctions) = word_tokens_within(text, budget)?;
                (tokens, junctions.iter().map(|j| j.at).collect())
            }
        };
        let mut dates = Vec::new();
        if let Some(extract) = &options.extract {
            let (entities, found) =
                extract_within(text, &tokens, extract, options.document.page, budget)?;
            analysis.entities = Some(entities);
            dates = found;
        }
        let inputs = DocumentInputs {
            tokens: &tokens,
            junctions: &junctions,
            dates: &dates,
        };
        document_features(text, inputs, options.document, &mut analysis, budget)?;
    }
    budget.check()?;
    Ok(analysis)
}

/// Extraction over `tokens`, and the dates found with their ISO value. With
/// `for_page`, dates are looked for even when the caller's kinds leave them
/// out (the page's date fields need them), and then left out of the entities.
fn extract_within(
    text: &str,
    tokens: &[Token],
    options: &ExtractOptions,
    for_page: bool,
    budget: &Budget,
) -> Result<(Extraction, Vec<(Span, String)>), Error> {
    let hidden =
        for_page && !options.kinds.is_empty() && !options.kinds.contains(&EntityKind::DateTime);
    let mut widened = options.clone();
    if hidden {
        widened.kinds.push(EntityKind::DateTime);
    }
    let mut extraction = extract_from_tokens_within(text, tokens, &widened, budget)?;
    let dates = extraction
        .entities
        .iter()
        .filter_map(|e| match &e.value {
            Value::DateTime(t) => Some((e.span, t.iso.clone())),
            _ => None,
        })
        .collect();
    if hidden {
        extraction
            .entities
            .retain(|e| e.kind != EntityKind::DateTime);
    }
    Ok((extraction, dates))
}

/// What document features read from the earlier steps.
struct DocumentInputs<'i> {
    tokens: &'i [Token],
    /// Where glued headings were split (byte offsets).
    junctions: &'i [usize],
    /// Dates found by extraction, with their ISO value.
    dates: &'i [(Span, String)],
}

/// Page structure, keyphrases and languages, as `features` asks.
/// Keyphrases come from the page's own article (title, headings, body)
/// when the page was read and has one, else from the whole text.
fn document_features(
    text: &str,
    inputs: DocumentInputs<'_>,
    features: DocumentFeatures,
    analysis: &mut Analysis<'_>,
    budget: &Budget,
) -> Result<(), Error> {
    if features.page {
        budget.check()?;
        let hints = PageHints {
            junctions: inputs.junctions,
            dates: inputs.dates,
        };
        analysis.page = Some(page_within(text, hints, budget)?);
    }
    if features.keyphrases > 0 {
        budget.check()?;
        let scope: Vec<Span> = analysis.page.as_ref().map_or(Vec::new(), |p| {
            p.zones
                .iter()
                .filter(|z| z.article == Some(0))
                .filter(|z| matches!(z.kind, ZoneKind::Title | ZoneKind::Heading | ZoneKind::Body))
                .map(|z| z.span)
                .collect()
        });
        let found = keyphrases_within(text, inputs.tokens, &scope, features.keyphrases, budget)?;
        analysis.keyphrases = Some(found);
    }
    if features.languages {
        analysis.languages = Some(paragraph_languages_within(text, budget)?);
    }
    Ok(())
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
