//! One pass over a document: normalize, segment and extract, as asked.

use super::extract::{extract_from_tokens, Entity, ExtractOptions};
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
}

/// What the steps produced. Spans are bytes of the analyzed text.
#[derive(Debug, Default)]
pub struct Analysis<'a> {
    pub normalized: Option<Normalized<'a>>,
    pub segmentation: Option<Segmentation>,
    /// The normalized form of each token of `segmentation`.
    pub token_forms: Vec<String>,
    pub entities: Option<Vec<Entity>>,
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
