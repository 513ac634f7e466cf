//! The structured perceptron: Viterbi decoding over BIO tags (a tag `I-X`
//! only after `B-X` or `I-X`) and averaged training.
//!
//! A model may have two stages: the second tags again with the features of
//! the first plus the first stage's tags around each word and the entity
//! types the first stage gave the word's stem anywhere in the document (so
//! that `الأسد` tagged a person once helps everywhere). The second stage
//! learns from first-stage tags of sentences the first stage was not
//! trained on (a jackknife over [`JACKKNIFE_FOLDS`] folds), as it will see
//! them on new text.

use super::features::{
    features, stage_features, word_infos_cached, Cache, DocContext, TypeContext, WordInfo,
};
use super::model::{tag_meaning, FeatureMap, Model, ModelError, Weights, MAX_STAGES, MAX_TAGS};

/// Whether tag `to` may follow `from` (`None`: the sentence start).
pub fn allowed(
    meanings: &[Option<(super::NerKind, bool)>],
    from: Option<usize>,
    to: usize,
) -> bool {
    match meanings[to] {
        Some((kind, false)) => from
            .and_then(|f| meanings[f])
            .is_some_and(|(k, _)| k == kind),
        _ => true,
    }
}

/// `transitions` ((t + 1) x t, row 0 from the sentence start) with negative
/// infinity where [`allowed`] says a tag may not follow, so that decoding
/// needs no other check: a sum through such an entry is never the best.
pub fn masked_transitions(
    transitions: &[f32],
    meanings: &[Option<(super::NerKind, bool)>],
) -> Vec<f32> {
    let t = meanings.len();
    let mut masked = transitions.to_vec();
    for (row, from) in masked.chunks_exact_mut(t).enumerate() {
        let previous = row.checked_sub(1);
        for (y, w) in from.iter_mut().enumerate() {
            if !allowed(meanings, previous, y) {
                *w = f32::NEG_INFINITY;
            }
        }
    }
    masked
}

/// The best tag sequence for `emissions` (`n` words x `t` tags) under
/// `transitions` ((t + 1) x t, row 0 from the start).
pub fn viterbi(
    emissions: &[f32],
    transitions: &[f32],
    meanings: &[Option<(super::NerKind, bool)>],
) -> Vec<usize> {
    let masked = masked_transitions(transitions, meanings);
    viterbi_masked(emissions, &masked, meanings.len())
}

/// [`viterbi`] over `t` tags under [`masked_transitions`]: for each word,
/// every previous tag is tried for all tags at once, in tag order (the first
/// of equal scores wins, as in trying the tags allowed one by one).
pub fn viterbi_masked(emissions: &[f32], masked: &[f32], t: usize) -> Vec<usize> {
    // Sixteen lanes are four vectors of `f32`; twelve made slower code.
    if t <= 16 {
        viterbi_in_lanes::<16>(emissions, masked, t)
    } else {
        viterbi_in_lanes::<MAX_TAGS>(emissions, masked, t)
    }
}

/// [`viterbi_masked`] with each word's scores in `N` lanes (`N >= t`; the
/// lanes past `t` stay at negative infinity), so that trying one previous
/// tag for every tag is a few vector instructions with no branch. The
/// forward pass keeps only the best scores; the way back finds each best
/// previous tag again from them (the same sums, so the same choice), which
/// costs `t` sums per word instead of keeping `t * t` choices.
fn viterbi_in_lanes<const N: usize>(emissions: &[f32], masked: &[f32], t: usize) -> Vec<usize> {
    let n = emissions.len() / t;
    if n == 0 {
        return Vec::new();
    }
    let rows: Vec<[f32; N]> = masked.chunks_exact(t).map(in_lanes::<N>).collect();
    let mut score = vec![f32::NEG_INFINITY; n * t];
    for ((s, w), e) in score.iter_mut().zip(&rows[0]).zip(&emissions[..t]) {
        *s = w + e;
    }
    for i in 1..n {
        let mut best = [f32::NEG_INFINITY; N];
        for (&from, row) in score[(i - 1) * t..i * t].iter().zip(&rows[1..]) {
            for (b, &w) in best.iter_mut().zip(row) {
                let s = from + w;
                *b = if s > *b { s } else { *b };
            }
        }
        let word = i * t..(i + 1) * t;
        for ((s, b), &e) in score[word.clone()]
            .iter_mut()
            .zip(best)
            .zip(&emissions[word])
        {
            *s = b + e;
        }
    }
    let last = &score[(n - 1) * t..];
    let mut y = (0..t)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]))
        .unwrap_or(0);
    let mut path = vec![0; n];
    for i in (1..n).rev() {
        path[i] = y;
        y = best_previous(&score[(i - 1) * t..i * t], &rows[1..], y);
    }
    path[0] = y;
    path
}

/// The previous tag through which tag `y` scores best, the first of equal
/// scores (as the forward pass of [`viterbi_in_lanes`] compares them).
fn best_previous<const N: usize>(previous: &[f32], rows: &[[f32; N]], y: usize) -> usize {
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0;
    for (p, (&from, row)) in previous.iter().zip(rows).enumerate() {
        let s = from + row[y];
        if s > best {
            best = s;
            arg = p;
        }
    }
    arg
}

/// `values` in the first lanes of `N`, negative infinity in the others.
fn in_lanes<const N: usize>(values: &[f32]) -> [f32; N] {
    let mut lanes = [f32::NEG_INFINITY; N];
    lanes[..values.len()].copy_from_slice(values);
    lanes
}

/// A sentence of training data: words as written and their tags.
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// How to train.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    /// Seed of the shuffle between epochs (training is deterministic).
    pub seed: u64,
    /// Averaged weights below this magnitude (for every tag) are dropped.
    pub prune_below: f32,
    /// Features seen fewer times than this in the training data are left out.
    pub min_count: u32,
    /// Tagging stages (1, or 2 for a second, document-level pass).
    pub stages: usize,
    /// Put in the model file.
    pub notice: String,
    /// The probability with which each feature of a sentence is left out
    /// of the sentence's scoring and update in training (feature dropout:
    /// the weights then rely less on a few strong features); 0 for none.
    pub dropout: f32,
    /// Each stage is trained this many times, with the seeds `seed`,
    /// `seed + 1`..., and its weights are the mean of the runs' averaged
    /// weights (an ensemble in one linear model: less dependent on the
    /// order of one shuffle). 1 trains once.
    pub runs: usize,
}

/// Sentences of CoNLL data (which has no document boundaries) taken together
/// as one document, for the document-level features in training and scoring.
pub const DOCUMENT_SENTENCES: usize = 16;

/// Folds of the jackknife that gives the second stage first-stage tags of
/// sentences the first stage did not learn from.
pub const JACKKNIFE_FOLDS: usize = 4;

/// The sentences of one document: each one's word infos and features.
pub struct DocumentFeatures {
    pub infos: Vec<Vec<WordInfo>>,
    pub feats: Vec<Vec<Vec<u64>>>,
}

/// The features of every word of every sentence of one document.
pub fn document_features(sentences: &[Vec<&str>]) -> DocumentFeatures {
    document_features_cached(sentences, &mut Cache::default())
}

/// [`document_features`], with the facts of words seen before from `cache`.
pub fn document_features_cached(sentences: &[Vec<&str>], cache: &mut Cache) -> DocumentFeatures {
    let infos: Vec<_> = sentences
        .iter()
        .map(|words| word_infos_cached(words, cache))
        .collect();
    let doc = DocContext::build(infos.iter().map(Vec::as_slice));
    let feats = infos
        .iter()
        .map(|infos| {
            (0..infos.len())
                .map(|i| {
                    let mut f = Vec::with_capacity(56);
                    features(infos, i, &doc, &mut f);
                    f
                })
                .collect()
        })
        .collect();
    DocumentFeatures { infos, feats }
}

/// Adds the second stage's features to `feats`, from the first stage's
/// `tags` of the same sentences.
pub fn add_stage_features(
    infos: &[&[WordInfo]],
    tags: &[Vec<usize>],
    meanings: &[Option<(super::NerKind, bool)>],
    feats: &mut [Vec<Vec<u64>>],
) {
    let types = TypeContext::build(
        infos.iter().copied().zip(tags.iter().map(Vec::as_slice)),
        meanings,
    );
    for ((infos, tags), feats) in infos.iter().zip(tags).zip(feats) {
        for (i, f) in feats.iter_mut().enumerate() {
            stage_features(infos, tags, &types, i, f);
        }
    }
}

/// Weights being trained, with the sums that average them.
struct Trainer {
    t: usize,
    rows: FeatureMap<u32>,
    w: Vec<f32>,
    /// Sum of step x change, for averaging (avg = w - acc / steps).
    acc: Vec<f32>,
    trans: Vec<f32>,
    trans_acc: Vec<f32>,
    step: f32,
}

impl Trainer {
    fn emissions(&self, feats: &[Vec<u64>]) -> Vec<f32> {
        let mut out = vec![0.0; feats.len() * self.t];
        for (i, f) in feats.iter().enumerate() {
            for key in f {
                if let Some(&row) = self.rows.get(key) {
                    let row = row as usize * self.t;
                    for y in 0..self.t {
                        out[i * self.t + y] += self.w[row + y];
                    }
                }
            }
        }
        out
    }

    fn update_feature(&mut self, key: u64, y: usize, delta: f32) {
        let next = self.rows.len() as u32;
        let row = *self.rows.entry(key).or_insert(next) as usize;
        if row as u32 == next {
            self.w.extend(std::iter::repeat_n(0.0, self.t));
            self.acc.extend(std::iter::repeat_n(0.0, self.t));
        }
        self.w[row * self.t + y] += delta;
        self.acc[row * self.t + y] += self.step * delta;
    }

    fn update_transition(&mut self, from: Option<usize>, to: usize, delta: f32) {
        let i = from.map_or(0, |f| f + 1) * self.t + to;
        self.trans[i] += delta;
        self.trans_acc[i] += self.step * delta;
    }
}

/// A small deterministic generator for the shuffle.
fn next_random(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// A training document: its sentences' infos, features and gold tags.
struct Document {
    infos: Vec<Vec<WordInfo>>,
    feats: Vec<Vec<Vec<u64>>>,
    gold: Vec<Vec<usize>>,
}

/// Trains a model on `sentences`; `report` is told after each epoch of the
/// last stage.
pub fn train(
    sentences: &[Sentence],
    options: &TrainOptions,
    mut report: impl FnMut(usize, &Model),
) -> Result<Model, ModelError> {
    let mut tags: Vec<String> = vec!["O".into()];
    for s in sentences {
        for tag in &s.tags {
            if !tags.contains(tag) {
                tag_meaning(tag)?;
                tags.push(tag.clone());
            }
        }
    }
    tags[1..].sort_by(|a, b| (&a[2..], &a[..1]).cmp(&(&b[2..], &b[..1])));
    let meanings: Vec<_> = tags
        .iter()
        .map(|t| tag_meaning(t))
        .collect::<Result<_, _>>()?;
    if options.epochs == 0 {
        return Err(ModelError("no epoch was run".into()));
    }
    let model = |stages: Vec<Weights>| {
        Model::new(
            tags.clone(),
            meanings.clone(),
            options.notice.clone(),
            stages,
        )
    };
    let mut docs = documents(sentences, &tags);
    if options.min_count > 1 {
        let mut counts: FeatureMap<u32> = FeatureMap::default();
        for f in docs.iter().flat_map(|d| d.feats.iter().flatten().flatten()) {
            *counts.entry(*f).or_default() += 1;
        }
        for f in docs.iter_mut().flat_map(|d| d.feats.iter_mut().flatten()) {
            f.retain(|k| counts[k] >= options.min_count);
        }
    }
    let t = tags.len();
    let all: Vec<&Document> = docs.iter().collect();
    let stages = options.stages.clamp(1, MAX_STAGES);
    let first = train_stage(&all, t, &meanings, options, &mut |epoch, w| {
        if stages == 1 {
            report(epoch, &model(vec![w.clone()]));
        }
    });
    if stages == 1 {
        return Ok(model(vec![first]));
    }
    let mut first_tags: Vec<Vec<Vec<usize>>> = vec![Vec::new(); docs.len()];
    for fold in 0..JACKKNIFE_FOLDS {
        let rest: Vec<&Document> = docs
            .iter()
            .enumerate()
            .filter(|(d, _)| d % JACKKNIFE_FOLDS != fold)
            .map(|(_, d)| d)
            .collect();
        let w = train_stage(&rest, t, &meanings, options, &mut |_, _| {});
        for (d, doc) in docs.iter().enumerate() {
            if d % JACKKNIFE_FOLDS == fold {
                first_tags[d] = doc
                    .feats
                    .iter()
                    .map(|f| tag_with(&w, &meanings, f))
                    .collect();
            }
        }
    }
    for (doc, tags) in docs.iter_mut().zip(&first_tags) {
        let infos: Vec<&[WordInfo]> = doc.infos.iter().map(Vec::as_slice).collect();
        add_stage_features(&infos, tags, &meanings, &mut doc.feats);
    }
    let all: Vec<&Document> = docs.iter().collect();
    let second = train_stage(&all, t, &meanings, options, &mut |epoch, w| {
        report(epoch, &model(vec![first.clone(), w.clone()]));
    });
    Ok(model(vec![first, second]))
}

/// The training sentences as documents of [`DOCUMENT_SENTENCES`] sentences.
fn documents(sentences: &[Sentence], tags: &[String]) -> Vec<Document> {
    let mut cache = Cache::default();
    sentences
        .chunks(DOCUMENT_SENTENCES)
        .map(|document| {
            let words: Vec<Vec<&str>> = document
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            let DocumentFeatures { infos, feats } = document_features_cached(&words, &mut cache);
            let gold = document
                .iter()
                .map(|s| {
                    s.tags
                        .iter()
                        .map(|g| tags.iter().position(|t| t == g).expect("tag listed"))
                        .collect()
                })
                .collect();
            Document { infos, feats, gold }
        })
        .collect()
}

/// The best tags of a sentence's features under one stage's weights.
fn tag_with(
    weights: &Weights,
    meanings: &[Option<(super::NerKind, bool)>],
    feats: &[Vec<u64>],
) -> Vec<usize> {
    let t = meanings.len();
    let mut emissions = vec![0.0; feats.len() * t];
    for (i, f) in feats.iter().enumerate() {
        weights.score(f, &mut emissions[i * t..(i + 1) * t]);
    }
    viterbi(&emissions, &weights.transitions, meanings)
}

/// Trains one stage's weights on the sentences of `docs`: once, or
/// `options.runs` times with consecutive seeds, the runs' averaged weights
/// then taken together by their mean. Each epoch is reported with one run;
/// with several, only the mean, after the last epoch.
fn train_stage(
    docs: &[&Document],
    t: usize,
    meanings: &[Option<(super::NerKind, bool)>],
    options: &TrainOptions,
    report: &mut dyn FnMut(usize, &Weights),
) -> Weights {
    let runs = options.runs.max(1) as u64;
    let mut trainers = Vec::with_capacity(runs as usize);
    for run in 0..runs {
        let options = TrainOptions {
            seed: options.seed.max(1) + run,
            ..options.clone()
        };
        let mut quiet = |_: usize, _: &Weights| {};
        let each_epoch: &mut dyn FnMut(usize, &Weights) =
            if runs == 1 { &mut *report } else { &mut quiet };
        trainers.push(train_run(docs, t, meanings, &options, each_epoch));
    }
    let weights = quantized(mean_weights(&trainers), options);
    report(options.epochs, &weights);
    weights
}

/// One run of training over `docs` (the shuffle seeded by `options.seed`),
/// reporting the averaged weights of each epoch but the last (whose
/// weights the caller makes and reports).
fn train_run(
    docs: &[&Document],
    t: usize,
    meanings: &[Option<(super::NerKind, bool)>],
    options: &TrainOptions,
    report: &mut dyn FnMut(usize, &Weights),
) -> Trainer {
    let data: Vec<(&Vec<Vec<u64>>, &Vec<usize>)> = docs
        .iter()
        .flat_map(|d| d.feats.iter().zip(&d.gold))
        .collect();
    let mut trainer = Trainer {
        t,
        rows: FeatureMap::default(),
        w: Vec::new(),
        acc: Vec::new(),
        trans: vec![0.0; (t + 1) * t],
        trans_acc: vec![0.0; (t + 1) * t],
        step: 1.0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut state = options.seed.max(1);
    for epoch in 0..options.epochs {
        for k in (1..order.len()).rev() {
            let j = (next_random(&mut state) % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        for &s in &order {
            let (feats, gold) = data[s];
            let kept;
            let feats = if options.dropout > 0.0 {
                let threshold = (f64::from(options.dropout) * u64::MAX as f64) as u64;
                kept = feats
                    .iter()
                    .map(|f| {
                        f.iter()
                            .copied()
                            .filter(|_| next_random(&mut state) >= threshold)
                            .collect::<Vec<u64>>()
                    })
                    .collect::<Vec<_>>();
                &kept
            } else {
                feats
            };
            let emissions = trainer.emissions(feats);
            let predicted = viterbi(&emissions, &trainer.trans, meanings);
            if predicted != *gold {
                for i in 0..gold.len() {
                    let prev_gold = i.checked_sub(1).map(|p| gold[p]);
                    let prev_pred = i.checked_sub(1).map(|p| predicted[p]);
                    if gold[i] != predicted[i] {
                        for &key in &feats[i] {
                            trainer.update_feature(key, gold[i], 1.0);
                            trainer.update_feature(key, predicted[i], -1.0);
                        }
                    }
                    if gold[i] != predicted[i] || prev_gold != prev_pred {
                        trainer.update_transition(prev_gold, gold[i], 1.0);
                        trainer.update_transition(prev_pred, predicted[i], -1.0);
                    }
                }
            }
            trainer.step += 1.0;
        }
        if epoch + 1 < options.epochs {
            report(epoch + 1, &quantized(mean_weights(&[&trainer]), options));
        }
    }
    trainer
}

/// The averaged weights of one or more runs, each feature's row and the
/// transitions the mean over the runs (a feature a run never updated
/// counts as zero in it).
struct MeanWeights {
    t: usize,
    rows: FeatureMap<Vec<f32>>,
    transitions: Vec<f32>,
}

fn mean_weights<T: std::borrow::Borrow<Trainer>>(trainers: &[T]) -> MeanWeights {
    let t = trainers[0].borrow().t;
    let n = trainers.len() as f32;
    let mut rows: FeatureMap<Vec<f32>> = FeatureMap::default();
    let mut transitions = vec![0.0f32; (t + 1) * t];
    for trainer in trainers {
        let trainer = trainer.borrow();
        let avg = |w: f32, acc: f32| w - acc / trainer.step;
        for (&key, &row) in &trainer.rows {
            let row = row as usize * t;
            let sum = rows.entry(key).or_insert_with(|| vec![0.0; t]);
            for (y, s) in sum.iter_mut().enumerate() {
                *s += avg(trainer.w[row + y], trainer.acc[row + y]);
            }
        }
        for (s, (&w, &a)) in transitions
            .iter_mut()
            .zip(trainer.trans.iter().zip(&trainer.trans_acc))
        {
            *s += avg(w, a);
        }
    }
    if n > 1.0 {
        for w in rows.values_mut().flatten().chain(transitions.iter_mut()) {
            *w /= n;
        }
    }
    MeanWeights {
        t,
        rows,
        transitions,
    }
}

/// The weights pruned (features whose weights are all below
/// `options.prune_below`) and quantized to 16 bits.
fn quantized(mean: MeanWeights, options: &TrainOptions) -> Weights {
    let t = mean.t;
    let mut kept: Vec<(u64, Vec<f32>)> = Vec::new();
    let mut max = 0.0f32;
    for (key, weights) in mean.rows {
        if weights.iter().all(|w| w.abs() < options.prune_below) {
            continue;
        }
        max = weights.iter().fold(max, |m, w| m.max(w.abs()));
        kept.push((key, weights));
    }
    kept.sort_unstable_by_key(|(k, _)| *k);
    let scale = if max > 0.0 {
        max / f32::from(i16::MAX)
    } else {
        1.0
    };
    let mut rows = FeatureMap::with_capacity_and_hasher(kept.len(), Default::default());
    let mut weights = Vec::with_capacity(kept.len() * t);
    for (i, (key, w)) in kept.into_iter().enumerate() {
        rows.insert(key, i as u32);
        weights.extend(w.into_iter().map(|w| (w / scale).round() as i16));
    }
    Weights {
        scale,
        transitions: mean.transitions,
        rows,
        weights,
    }
}

impl Model {
    /// The tags of one sentence of words (a document of its own), as
    /// indices into `tags`.
    pub fn tag_words(&self, words: &[&str]) -> Vec<usize> {
        self.tag_document(&[words.to_vec()]).remove(0)
    }

    /// The tags of the sentences of one document, as indices into `tags`.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<usize>> {
        let DocumentFeatures { infos, mut feats } = document_features(sentences);
        let infos: Vec<&[WordInfo]> = infos.iter().map(Vec::as_slice).collect();
        self.tag_document_features(&infos, &mut feats)
    }

    /// The tags of a document's sentences from their word infos and
    /// features ([`document_features`]); the second stage's features are
    /// added to `feats`.
    pub fn tag_document_features(
        &self,
        infos: &[&[WordInfo]],
        feats: &mut [Vec<Vec<u64>>],
    ) -> Vec<Vec<usize>> {
        let mut tags: Vec<Vec<usize>> = feats
            .iter()
            .map(|f| tag_with(&self.stages[0], &self.meanings, f))
            .collect();
        for stage in &self.stages[1..] {
            add_stage_features(infos, &tags, &self.meanings, feats);
            tags = feats
                .iter()
                .map(|f| tag_with(stage, &self.meanings, f))
                .collect();
        }
        tags
    }

    /// The tags of a document's sentences from their word infos and the
    /// document's context, as [`Model::tag_document_features`] gives them:
    /// each word's features are computed into one buffer and looked up once
    /// for every stage, instead of being kept for each stage to look up.
    pub fn tag_sentences(&self, infos: &[&[WordInfo]], doc: &DocContext) -> Vec<Vec<usize>> {
        let width = self.joint.width();
        let mut buffer = Vec::with_capacity(64);
        let mut sums: Vec<Vec<i32>> = infos
            .iter()
            .map(|infos| {
                let mut sums = vec![0; infos.len() * width];
                for (i, sums) in sums.chunks_exact_mut(width).enumerate() {
                    buffer.clear();
                    features(infos, i, doc, &mut buffer);
                    self.joint.add(&buffer, 0, sums);
                }
                sums
            })
            .collect();
        let mut tags: Vec<Vec<usize>> = sums.iter().map(|s| self.decode(0, s)).collect();
        for stage in 1..self.stages.len() {
            let types = TypeContext::build(
                infos.iter().copied().zip(tags.iter().map(Vec::as_slice)),
                &self.meanings,
            );
            for ((infos, tags), sums) in infos.iter().zip(&tags).zip(&mut sums) {
                for (i, sums) in sums.chunks_exact_mut(width).enumerate() {
                    buffer.clear();
                    stage_features(infos, tags, &types, i, &mut buffer);
                    self.joint.add(&buffer, stage, sums);
                }
            }
            tags = sums.iter().map(|s| self.decode(stage, s)).collect();
        }
        tags
    }

    /// The best tags of one sentence under stage `stage`, from its words'
    /// weight sums ([`JointWeights::add`](super::model::JointWeights::add)).
    fn decode(&self, stage: usize, sums: &[i32]) -> Vec<usize> {
        let t = self.meanings.len();
        let weights = &self.stages[stage];
        let scale = weights.scale();
        let width = self.joint.width();
        let mut emissions = Vec::with_capacity(sums.len() / width * t);
        for word in sums.chunks_exact(width) {
            emissions.extend(
                word[stage * t..(stage + 1) * t]
                    .iter()
                    .map(|&sum| sum as f32 * scale),
            );
        }
        viterbi_masked(&emissions, &self.masked_transitions[stage], t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ner::NerKind;

    /// Viterbi as first written: every predecessor, checked with [`allowed`].
    fn viterbi_over_every_pair(
        emissions: &[f32],
        transitions: &[f32],
        meanings: &[Option<(NerKind, bool)>],
    ) -> Vec<usize> {
        let t = meanings.len();
        let n = emissions.len() / t;
        if n == 0 {
            return Vec::new();
        }
        let mut score = vec![f32::NEG_INFINITY; n * t];
        let mut back = vec![0u8; n * t];
        for y in 0..t {
            if allowed(meanings, None, y) {
                score[y] = transitions[y] + emissions[y];
            }
        }
        for i in 1..n {
            for y in 0..t {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0;
                for p in 0..t {
                    if !allowed(meanings, Some(p), y) {
                        continue;
                    }
                    let s = score[(i - 1) * t + p] + transitions[(p + 1) * t + y];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                }
                score[i * t + y] = best + emissions[i * t + y];
                back[i * t + y] = arg as u8;
            }
        }
        let last = &score[(n - 1) * t..];
        let mut y = (0..t)
            .max_by(|&a, &b| last[a].total_cmp(&last[b]))
            .unwrap_or(0);
        let mut path = vec![0; n];
        for i in (0..n).rev() {
            path[i] = y;
            y = usize::from(back[i * t + y]);
        }
        path
    }

    #[test]
    fn viterbi_over_allowed_predecessors_agrees_with_every_pair() {
        let model = Model::embedded();
        agrees_with_every_pair(&model.meanings);
    }

    #[test]
    fn viterbi_of_more_than_sixteen_tags_agrees_with_every_pair() {
        use NerKind::*;
        let kinds = [Person, Location, Organization, Norp, Event, Misc];
        let mut meanings = vec![None];
        for (i, kind) in kinds.iter().cycle().take(10).enumerate() {
            meanings.push(Some((*kind, true)));
            meanings.push(Some((*kind, i % 3 == 0)));
        }
        assert!(meanings.len() > 16);
        agrees_with_every_pair(&meanings);
    }

    fn agrees_with_every_pair(meanings: &[Option<(NerKind, bool)>]) {
        let t = meanings.len();
        let mut state = 7;
        // Small integer scores make ties, which both must break alike.
        let mut draw = |range: u64| (next_random(&mut state) % range) as f32 - (range / 2) as f32;
        for round in 0..500 {
            let n = round % 13;
            let emissions: Vec<f32> = (0..n * t).map(|_| draw(7)).collect();
            let transitions: Vec<f32> = (0..(t + 1) * t).map(|_| draw(5)).collect();
            assert_eq!(
                viterbi(&emissions, &transitions, meanings),
                viterbi_over_every_pair(&emissions, &transitions, meanings),
                "round {round}"
            );
        }
    }
}
