//! The structured perceptron: Viterbi decoding over BIO tags (a tag `I-X`
//! only after `B-X` or `I-X`) and averaged training.

use super::features::{features, word_infos_cached, Cache, DocContext};
use super::model::{tag_meaning, FeatureMap, Model, ModelError};

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

/// The best tag sequence for `emissions` (`n` words x `t` tags) under
/// `transitions` ((t + 1) x t, row 0 from the start).
pub fn viterbi(
    emissions: &[f32],
    transitions: &[f32],
    meanings: &[Option<(super::NerKind, bool)>],
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
    /// Put in the model file.
    pub notice: String,
}

/// Sentences of CoNLL data (which has no document boundaries) taken together
/// as one document, for the document-level features in training and scoring.
pub const DOCUMENT_SENTENCES: usize = 16;

/// The features of every word of every sentence of one document.
pub fn document_features(sentences: &[Vec<&str>]) -> Vec<Vec<Vec<u64>>> {
    document_features_cached(sentences, &mut Cache::default())
}

/// [`document_features`], with the facts of words seen before from `cache`.
pub fn document_features_cached(sentences: &[Vec<&str>], cache: &mut Cache) -> Vec<Vec<Vec<u64>>> {
    let infos: Vec<_> = sentences
        .iter()
        .map(|words| word_infos_cached(words, cache))
        .collect();
    let doc = DocContext::build(infos.iter().map(Vec::as_slice));
    infos
        .iter()
        .map(|infos| {
            (0..infos.len())
                .map(|i| {
                    let mut f = Vec::with_capacity(48);
                    features(infos, i, &doc, &mut f);
                    f
                })
                .collect()
        })
        .collect()
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

/// Trains a model on `sentences`; `report` is told after each epoch.
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
    let t = tags.len();
    let mut cache = Cache::default();
    let mut data: Vec<(Vec<Vec<u64>>, Vec<usize>)> = Vec::with_capacity(sentences.len());
    for document in sentences.chunks(DOCUMENT_SENTENCES) {
        let words: Vec<Vec<&str>> = document
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let feats = document_features_cached(&words, &mut cache);
        for (s, f) in document.iter().zip(feats) {
            let gold = s
                .tags
                .iter()
                .map(|g| tags.iter().position(|t| t == g).expect("tag listed"))
                .collect();
            data.push((f, gold));
        }
    }
    if options.min_count > 1 {
        let mut counts: FeatureMap<u32> = FeatureMap::default();
        for f in data.iter().flat_map(|(f, _)| f.iter().flatten()) {
            *counts.entry(*f).or_default() += 1;
        }
        for (feats, _) in &mut data {
            for f in feats.iter_mut() {
                f.retain(|k| counts[k] >= options.min_count);
            }
        }
    }
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
    let mut model = None;
    for epoch in 0..options.epochs {
        for k in (1..order.len()).rev() {
            let j = (next_random(&mut state) % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        for &s in &order {
            let (feats, gold) = &data[s];
            let emissions = trainer.emissions(feats);
            let predicted = viterbi(&emissions, &trainer.trans, &meanings);
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
        let m = averaged(&trainer, &tags, &meanings, options);
        report(epoch + 1, &m);
        model = Some(m);
    }
    model.ok_or_else(|| ModelError("no epoch was run".into()))
}

/// The averaged, pruned and quantized model.
fn averaged(
    trainer: &Trainer,
    tags: &[String],
    meanings: &[Option<(super::NerKind, bool)>],
    options: &TrainOptions,
) -> Model {
    let t = trainer.t;
    let avg = |w: f32, acc: f32| w - acc / trainer.step;
    let mut kept: Vec<(u64, Vec<f32>)> = Vec::new();
    let mut max = 0.0f32;
    for (&key, &row) in &trainer.rows {
        let row = row as usize * t;
        let weights: Vec<f32> = (0..t)
            .map(|y| avg(trainer.w[row + y], trainer.acc[row + y]))
            .collect();
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
    Model {
        tags: tags.to_vec(),
        meanings: meanings.to_vec(),
        notice: options.notice.clone(),
        scale,
        transitions: trainer
            .trans
            .iter()
            .zip(&trainer.trans_acc)
            .map(|(&w, &a)| avg(w, a))
            .collect(),
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
        document_features(sentences)
            .iter()
            .map(|feats| self.tag_features(feats))
            .collect()
    }

    /// The tags of a sentence from its features.
    pub fn tag_features(&self, feats: &[Vec<u64>]) -> Vec<usize> {
        let t = self.n_tags();
        let mut emissions = vec![0.0; feats.len() * t];
        for (i, f) in feats.iter().enumerate() {
            self.score(f, &mut emissions[i * t..(i + 1) * t]);
        }
        viterbi(&emissions, &self.transitions, &self.meanings)
    }
}
