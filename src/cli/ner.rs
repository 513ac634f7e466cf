//! `lisan train ner` and `lisan eval ner`: the named-entity tagger trained
//! on CoNLL data and scored on it (entity-level P/R/F1 per type).

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use std::sync::Arc;

use crate::core::extract::{extract, EntityKind, ExtractOptions, Reference};
use crate::core::ner::conll::{self, Evaluation};
use crate::core::ner::perceptron::{train, Sentence, TrainOptions, DOCUMENT_SENTENCES};
use crate::core::ner::Model;
use crate::core::span::Span;

type CliError = Box<dyn std::error::Error>;

/// What the model file says about its training data, unless --notice is given.
pub const DEFAULT_NOTICE: &str =
    "Trained on ANERcorp (Benajiba & Rosso 2007), CAMeL Lab train split \
(Obeid et al. 2020, LREC), CC BY-SA 4.0. Gazetteer: Unicode CLDR (Unicode-3.0). \
Person names: Wikidata (CC0 1.0) via arabic-name-romanizer 0.2.0 (MIT). \
The model is a derived work of ANERcorp and is shared under CC BY-SA 4.0.";

/// The feature dropout of `train ner` unless --dropout is given.
pub const DEFAULT_DROPOUT: f32 = 0.3;

#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// CoNLL training data (`word TAG` per line, blank lines between sentences).
    #[arg(long)]
    pub train: PathBuf,
    /// CoNLL development data, scored after each epoch.
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Without --dev: keep this fraction of the training sentences (the last
    /// ones) out of training and score on them.
    #[arg(long, default_value_t = 0.0)]
    pub holdout: f64,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// Seed of the shuffle between epochs.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Train each stage this many times, with the seeds --seed, --seed + 1...,
    /// and keep the mean of the runs' weights (one model; less dependent on
    /// one shuffle's order). Dev F1 is then printed once, after the last epoch.
    #[arg(long, default_value_t = 1)]
    pub runs: usize,
    /// Drop features whose averaged weights are all below this magnitude.
    #[arg(long, default_value_t = 0.05)]
    pub prune: f32,
    /// Leave out features seen fewer times than this in the training data.
    #[arg(long, default_value_t = 2)]
    pub min_count: u32,
    /// Tagging stages: 2 adds a second, document-level pass that reads the
    /// first stage's tags of the whole document.
    #[arg(long, default_value_t = 2)]
    pub stages: usize,
    /// Leave each feature out of a training sentence's scoring and update
    /// with this probability (feature dropout).
    #[arg(long, default_value_t = DEFAULT_DROPOUT)]
    pub dropout: f32,
    /// The notice stored in the model (data sources and licenses).
    #[arg(long, default_value = DEFAULT_NOTICE)]
    pub notice: String,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
}

fn read_conll(path: &Path) -> Result<Vec<Sentence>, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(conll::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?)
}

/// Scores `model` on `gold` sentences, tagged [`DOCUMENT_SENTENCES`] at a
/// time as one document (as in training).
pub fn evaluate(model: &Model, gold: &[Sentence]) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for document in gold.chunks(DOCUMENT_SENTENCES) {
        let words: Vec<Vec<&str>> = document
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        for (s, tags) in document.iter().zip(model.tag_document(&words)) {
            let predicted: Vec<&str> = tags.into_iter().map(|t| model.tags[t].as_str()).collect();
            let gold: Vec<&str> = s.tags.iter().map(String::as_str).collect();
            evaluation.add(&gold, &predicted);
        }
    }
    evaluation
}

/// The CoNLL type a product entity is scored as on ANERcorp-style data
/// (PERS, LOC, ORG, MISC): an event is MISC; a demonym (NORP) is not
/// scored, since such data tags demonyms `O`.
fn conll_type(kind: EntityKind) -> Option<&'static str> {
    Some(match kind {
        EntityKind::Person => "PERS",
        EntityKind::Location => "LOC",
        EntityKind::Organization => "ORG",
        EntityKind::Event | EntityKind::Misc => "MISC",
        _ => return None,
    })
}

/// Scores what the product returns (the whole extraction pass: tagger,
/// rules, gazetteer, document-level passes) on `gold` sentences: each run
/// of [`DOCUMENT_SENTENCES`] sentences becomes one text (words joined by
/// spaces, a sentence per line), and each named entity tags the gold
/// words its span touches.
pub fn evaluate_pipeline(model: &Arc<Model>, gold: &[Sentence]) -> Evaluation {
    let options = ExtractOptions {
        kinds: Vec::new(),
        reference: Reference::at_date(chrono::NaiveDate::from_ymd_opt(2007, 1, 1).expect("a date")),
        ner_model: Some(model.clone()),
    };
    let mut evaluation = Evaluation::default();
    for document in gold.chunks(DOCUMENT_SENTENCES) {
        let mut text = String::new();
        let mut words: Vec<Span> = Vec::new();
        for sentence in document {
            for (i, word) in sentence.words.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                words.push(Span::new(text.len(), text.len() + word.len()));
                text.push_str(word);
            }
            text.push('\n');
        }
        let mut predicted = vec![String::from("O"); words.len()];
        for entity in extract(&text, &options).entities {
            let Some(kind) = conll_type(entity.kind) else {
                continue;
            };
            let first = words.partition_point(|w| w.end <= entity.span.start);
            let last = words.partition_point(|w| w.start < entity.span.end);
            for (k, tag) in predicted[first..last].iter_mut().enumerate() {
                *tag = format!("{}-{kind}", if k == 0 { 'B' } else { 'I' });
            }
        }
        let mut at = 0;
        for sentence in document {
            let gold: Vec<&str> = sentence.tags.iter().map(String::as_str).collect();
            let tags: Vec<&str> = predicted[at..at + gold.len()]
                .iter()
                .map(String::as_str)
                .collect();
            evaluation.add(&gold, &tags);
            at += gold.len();
        }
    }
    evaluation
}

/// `lisan train ner`.
pub fn run_train(args: TrainNerArgs) -> Result<(), CliError> {
    let mut sentences = read_conll(&args.train)?;
    let dev = match &args.dev {
        Some(path) => read_conll(path)?,
        None if args.holdout > 0.0 => {
            let keep = ((1.0 - args.holdout.min(0.9)) * sentences.len() as f64) as usize;
            sentences.split_off(keep)
        }
        None => Vec::new(),
    };
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "training on {} sentences ({words} words), scoring on {} sentences",
        sentences.len(),
        dev.len()
    );
    let options = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        prune_below: args.prune,
        min_count: args.min_count,
        stages: args.stages,
        notice: args.notice.clone(),
        dropout: args.dropout,
        runs: args.runs.max(1),
    };
    let started = Instant::now();
    let model = train(&sentences, &options, |epoch, model| {
        if !dev.is_empty() {
            let e = evaluate(model, &dev);
            eprintln!(
                "epoch {epoch:>2}  {:>7} features  dev F1 {:.2}  ({:.0?})",
                model.n_features(),
                100.0 * e.overall.f1(),
                started.elapsed()
            );
        } else {
            eprintln!("epoch {epoch:>2}  ({:.0?})", started.elapsed());
        }
    })?;
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).map_err(|e| format!("{}: {e}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} features, {} tags)",
        args.out.display(),
        bytes.len(),
        model.n_features(),
        model.n_tags()
    );
    if !dev.is_empty() {
        print!("{}", evaluate(&model, &dev).table());
    }
    Ok(())
}

/// `lisan eval ner`: the tagger alone on the gold file's words, then the
/// whole extraction pass on their text, each scored per type.
pub fn run_eval(gold: &Path, model: Option<&Path>) -> Result<(), CliError> {
    let model = match model {
        Some(path) => std::sync::Arc::new(Model::load(path)?),
        None => Model::embedded(),
    };
    let sentences = read_conll(gold)?;
    println!("The tagger alone:");
    print!("{}", evaluate(&model, &sentences).table());
    println!(
        "\nThe whole extraction pass (tagger, rules, document-level passes; NORP not scored):"
    );
    print!("{}", evaluate_pipeline(&model, &sentences).table());
    Ok(())
}
