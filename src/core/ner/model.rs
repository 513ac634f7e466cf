//! The tagger's model: feature weights per tag, tag transitions, and the
//! binary file that carries them.
//!
//! File format (all integers little-endian):
//!
//! ```text
//! magic         8 bytes  "LISANNER"
//! format        u16      FORMAT_VERSION
//! features      u16      features::FEATURE_SET_VERSION the model was trained with
//! tags          u8 count, then per tag: u8 length, UTF-8 name ("O", "B-PERS", ...)
//! notice        u32 length, UTF-8 (data sources and their licenses)
//! stages        u8 count (1 or 2), then per stage:
//!   scale         f32      weight = i16 value x scale
//!   transitions   (tags + 1) x tags f32: row 0 from the sentence start, row p+1 from tag p
//!   rows          u32 count
//!   keys          count x u64, strictly increasing feature hashes
//!   weights       count x tags i16
//! checksum      u64      FNV-1a of every byte before it
//! ```
//!
//! The second stage, when there is one, tags again with features of the
//! first stage's tags over the whole document (see `perceptron`).

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

use super::NerKind;

/// The first bytes of a model file.
pub const MAGIC: &[u8; 8] = b"LISANNER";
/// The layout version this build reads and writes.
pub const FORMAT_VERSION: u16 = 2;

/// Most stages a model may have.
pub const MAX_STAGES: usize = 2;

/// Most tags a model may have.
pub const MAX_TAGS: usize = 32;

/// The model built into the binary (`data/ner_ar.model`).
const EMBEDDED: &[u8] = include_bytes!("../../../data/ner_ar.model");

/// Why a model file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError(pub String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ModelError {}

fn refuse<T>(why: impl Into<String>) -> Result<T, ModelError> {
    Err(ModelError(why.into()))
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by feature hashes.
pub type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A trained tagger.
pub struct Model {
    /// Tag names as trained (`O`, `B-PERS`, `I-LOC`...).
    pub tags: Vec<String>,
    /// What each tag means: `None` for O, else the kind and whether it
    /// begins an entity.
    pub meanings: Vec<Option<(NerKind, bool)>>,
    /// Where the training data came from, with its license.
    pub notice: String,
    /// The first stage tags from the words; a second one, if any, tags
    /// again seeing the first stage's tags of the document.
    pub(super) stages: Vec<Weights>,
    /// The same weights under one key table, for tagging.
    pub(super) joint: JointWeights,
    /// Each stage's transitions, masked for decoding
    /// ([`masked_transitions`](super::perceptron::masked_transitions)).
    pub(super) masked_transitions: Vec<Vec<f32>>,
}

/// Weights in one cache line: a row of [`JointWeights`], or a part of one.
#[derive(Clone, Copy)]
#[repr(align(64))]
struct Line([i16; LINE]);

/// Weights in a [`Line`].
const LINE: usize = 32;

/// The weights of every stage under one key table, so that tagging looks a
/// feature up once for all stages.
#[derive(Clone, Default)]
pub struct JointWeights {
    /// The row of each feature any stage has.
    rows: RowTable,
    /// Per row, `lines` lines of each stage's weights (one per tag) one
    /// after the other, then zeros; 0 where a stage lacks the feature.
    weights: Vec<Line>,
    /// Lines per row.
    lines: usize,
    /// Tags of the model.
    tags: usize,
    /// Weights per row: stages x tags.
    width: usize,
}

impl JointWeights {
    /// The weights of `stages` of a model of `tags` tags together.
    fn of(stages: &[Weights], tags: usize) -> JointWeights {
        let mut rows = FeatureMap::default();
        for w in stages {
            for &key in w.rows.keys() {
                let next = rows.len() as u32;
                rows.entry(key).or_insert(next);
            }
        }
        let width = stages.len() * tags;
        let lines = width.div_ceil(LINE).max(1);
        let table = RowTable::of(&rows);
        let mut weights = vec![Line([0; LINE]); rows.len() * lines];
        for (stage, w) in stages.iter().enumerate() {
            for (key, &from) in &w.rows {
                let from = from as usize * tags;
                let row = rows[key] as usize * lines;
                for (k, &weight) in w.weights[from..from + tags].iter().enumerate() {
                    let at = stage * tags + k;
                    weights[row + at / LINE].0[at % LINE] = weight;
                }
            }
        }
        JointWeights {
            rows: table,
            weights,
            lines,
            tags,
            width,
        }
    }

    /// Values per word in the sums of [`JointWeights::add`]: one per stage
    /// and tag.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Adds the weights of `features` to one word's `sums` (stage by stage,
    /// one per tag), in stage `from` and the stages after it only.
    pub fn add(&self, features: &[u64], from: usize, sums: &mut [i32]) {
        let skip = from * self.tags;
        if self.lines == 1 {
            // Only the lanes a row uses are summed (rounded up to groups of
            // four, the width of a vector of `i32`).
            match self.width {
                0..=8 => self.add_in_one_line::<8>(features, skip, sums),
                9..=12 => self.add_in_one_line::<12>(features, skip, sums),
                13..=16 => self.add_in_one_line::<16>(features, skip, sums),
                17..=20 => self.add_in_one_line::<20>(features, skip, sums),
                21..=24 => self.add_in_one_line::<24>(features, skip, sums),
                _ => self.add_in_one_line::<LINE>(features, skip, sums),
            }
            return;
        }
        for f in features {
            if let Some(row) = self.rows.get(*f) {
                let row = &self.weights[row as usize * self.lines..][..self.lines];
                for (k, s) in sums.iter_mut().enumerate().take(self.width).skip(skip) {
                    *s += i32::from(row[k / LINE].0[k % LINE]);
                }
            }
        }
    }

    /// [`JointWeights::add`] when a row is one line: the first `W` weights
    /// of each row (`W >= width`) summed whole, in registers.
    fn add_in_one_line<const W: usize>(&self, features: &[u64], skip: usize, sums: &mut [i32]) {
        let mut total = [0i32; W];
        for f in features {
            if let Some(row) = self.rows.get(*f) {
                let line: &[i16; W] = self.weights[row as usize].0[..W]
                    .try_into()
                    .expect("W lanes of a line");
                for (t, &w) in total.iter_mut().zip(line) {
                    *t += i32::from(w);
                }
            }
        }
        for (s, t) in sums[skip..].iter_mut().zip(&total[skip..self.width]) {
            *s += t;
        }
    }
}

/// A slot of a [`RowTable`]: a feature hash and its row.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    row: u32,
}

/// The rows of feature hashes in an open-addressing table: a key's slot is
/// found from its (remixed) high bits, then the next ones in turn, and a
/// key of 0 marks an empty slot (a feature hashing to 0 is kept aside). A
/// look-up reads one slot, where a [`FeatureMap`] reads control bytes and a
/// bucket.
#[derive(Clone, Default)]
struct RowTable {
    /// A power of two of them, at most half full.
    slots: Vec<Slot>,
    /// 64 minus the bits of a slot index.
    shift: u32,
    /// The row of the key 0, if it has one.
    zero: Option<u32>,
}

impl RowTable {
    /// The table of `rows`.
    fn of(rows: &FeatureMap<u32>) -> RowTable {
        let size = (rows.len() * 2).next_power_of_two().max(16);
        let mut table = RowTable {
            slots: vec![Slot::default(); size],
            shift: 64 - size.trailing_zeros(),
            zero: rows.get(&0).copied(),
        };
        for (&key, &row) in rows {
            if key != 0 {
                let mut i = table.home(key);
                while table.slots[i].key != 0 {
                    i = (i + 1) & (size - 1);
                }
                table.slots[i] = Slot { key, row };
            }
        }
        table
    }

    /// The first slot to look at for `key`.
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The row of `key`, if it has one.
    fn get(&self, key: u64) -> Option<u32> {
        if key == 0 {
            return self.zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = self.slots[i];
            if slot.key == key {
                return Some(slot.row);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The weights of one tagging stage.
#[derive(Clone)]
pub struct Weights {
    pub(super) scale: f32,
    pub(super) transitions: Vec<f32>,
    pub(super) rows: FeatureMap<u32>,
    pub(super) weights: Vec<i16>,
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("tags", &self.tags)
            .field("stages", &self.stages.len())
            .field("features", &self.n_features())
            .finish()
    }
}

/// FNV-1a 64 of `bytes`.
pub fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// What a tag name means (`B-PERS` begins a person).
pub fn tag_meaning(tag: &str) -> Result<Option<(NerKind, bool)>, ModelError> {
    if tag == "O" {
        return Ok(None);
    }
    let (begins, kind) = match tag.split_once('-') {
        Some(("B", kind)) => (true, kind),
        Some(("I", kind)) => (false, kind),
        _ => return refuse(format!("tag {tag:?} is not O, B-TYPE or I-TYPE")),
    };
    match NerKind::from_tag(kind) {
        Some(kind) => Ok(Some((kind, begins))),
        None => refuse(format!("tag {tag:?} has an unknown type")),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return refuse("the model file is truncated");
        };
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().expect("2 bytes"),
        ))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        let v = f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes"));
        if v.is_finite() {
            Ok(v)
        } else {
            refuse("the model file holds a number that is not finite")
        }
    }
    fn string(&mut self, len: usize) -> Result<String, ModelError> {
        match std::str::from_utf8(self.take(len)?) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => refuse("the model file holds a string that is not UTF-8"),
        }
    }
}

impl Model {
    /// Most tags a model may have.
    pub const MAX_TAGS: usize = 32;

    /// The model built into the binary, parsed once per process.
    pub fn embedded() -> Arc<Model> {
        static MODEL: OnceLock<Arc<Model>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                Arc::new(Model::from_bytes(EMBEDDED).expect("the embedded NER model is valid"))
            })
            .clone()
    }

    /// Reads a model file, refusing one that is corrupt or of another version.
    pub fn load(path: &std::path::Path) -> Result<Model, ModelError> {
        let bytes = std::fs::read(path)
            .map_err(|e| ModelError(format!("cannot read NER model {}: {e}", path.display())))?;
        Model::from_bytes(&bytes)
            .map_err(|e| ModelError(format!("NER model {} refused: {e}", path.display())))
    }

    /// Parses a model, checking its magic, versions, checksum and shape.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return refuse("not a Lisan NER model (bad magic bytes)");
        }
        let mut r = Reader { bytes, at: 8 };
        let format = r.u16()?;
        if format != FORMAT_VERSION {
            return refuse(format!(
                "model format version {format}, this build reads version {FORMAT_VERSION}"
            ));
        }
        let features = r.u16()?;
        if features != super::features::FEATURE_SET_VERSION {
            return refuse(format!(
                "model trained with feature set {features}, this build computes feature set {}; retrain it with `lisan train ner`",
                super::features::FEATURE_SET_VERSION
            ));
        }
        if bytes.len() < 8 + 8 {
            return refuse("the model file is truncated");
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if checksum(body) != u64::from_le_bytes(sum.try_into().expect("8 bytes")) {
            return refuse("checksum mismatch: the model file is corrupt");
        }
        r.bytes = body;
        let n_tags = usize::from(r.u8()?);
        if n_tags == 0 || n_tags > MAX_TAGS {
            return refuse(format!(
                "the model has {n_tags} tags (1 to {MAX_TAGS} allowed)"
            ));
        }
        let mut tags = Vec::with_capacity(n_tags);
        for _ in 0..n_tags {
            let len = usize::from(r.u8()?);
            tags.push(r.string(len)?);
        }
        let meanings = tags
            .iter()
            .map(|t| tag_meaning(t))
            .collect::<Result<Vec<_>, _>>()?;
        if !meanings.iter().any(Option::is_none) {
            return refuse("the model has no O tag");
        }
        let notice_len = r.u32()? as usize;
        let notice = r.string(notice_len)?;
        let n_stages = usize::from(r.u8()?);
        if n_stages == 0 || n_stages > MAX_STAGES {
            return refuse(format!(
                "the model has {n_stages} stages (1 to {MAX_STAGES} allowed)"
            ));
        }
        let mut stages = Vec::with_capacity(n_stages);
        for _ in 0..n_stages {
            stages.push(Weights::read(&mut r, n_tags)?);
        }
        if r.at != r.bytes.len() {
            return refuse("the model file has bytes after its weights");
        }
        Ok(Model::new(tags, meanings, notice, stages))
    }

    /// A model of these tags and stages.
    pub(super) fn new(
        tags: Vec<String>,
        meanings: Vec<Option<(NerKind, bool)>>,
        notice: String,
        stages: Vec<Weights>,
    ) -> Model {
        let joint = JointWeights::of(&stages, tags.len());
        let masked_transitions = stages
            .iter()
            .map(|w| super::perceptron::masked_transitions(&w.transitions, &meanings))
            .collect();
        Model {
            tags,
            meanings,
            notice,
            stages,
            joint,
            masked_transitions,
        }
    }

    /// The model as a file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&super::features::FEATURE_SET_VERSION.to_le_bytes());
        out.push(self.tags.len() as u8);
        for t in &self.tags {
            out.push(t.len() as u8);
            out.extend_from_slice(t.as_bytes());
        }
        out.extend_from_slice(&(self.notice.len() as u32).to_le_bytes());
        out.extend_from_slice(self.notice.as_bytes());
        out.push(self.stages.len() as u8);
        for stage in &self.stages {
            stage.write(&mut out, self.tags.len());
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// The index of the tag `O` (outside any entity).
    pub fn outside(&self) -> usize {
        self.meanings.iter().position(Option::is_none).unwrap_or(0)
    }

    /// Number of tags.
    pub fn n_tags(&self) -> usize {
        self.tags.len()
    }

    /// Number of feature rows, over all stages.
    pub fn n_features(&self) -> usize {
        self.stages.iter().map(|s| s.rows.len()).sum()
    }
}

impl Weights {
    fn read(r: &mut Reader<'_>, n_tags: usize) -> Result<Weights, ModelError> {
        let scale = r.f32()?;
        let mut transitions = Vec::with_capacity((n_tags + 1) * n_tags);
        for _ in 0..(n_tags + 1) * n_tags {
            transitions.push(r.f32()?);
        }
        let count = r.u32()? as usize;
        if count.saturating_mul(8 + 2 * n_tags) > r.bytes.len() - r.at {
            return refuse("the model file is truncated");
        }
        let mut rows = FeatureMap::with_capacity_and_hasher(count, Default::default());
        let mut previous = None;
        for row in 0..count {
            let key = r.u64()?;
            if previous.is_some_and(|p| p >= key) {
                return refuse("the model's feature keys are not in order");
            }
            previous = Some(key);
            rows.insert(key, row as u32);
        }
        let raw = r.take(count * n_tags * 2)?;
        let weights = raw
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(Weights {
            scale,
            transitions,
            rows,
            weights,
        })
    }

    fn write(&self, out: &mut Vec<u8>, n: usize) {
        out.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let mut keys: Vec<(u64, u32)> = self.rows.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, _) in &keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for &(_, row) in &keys {
            let row = row as usize * n;
            for w in &self.weights[row..row + n] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// The scale of the weights: a score is a sum of weights times it.
    pub(super) fn scale(&self) -> f32 {
        self.scale
    }

    /// Adds the weights of `features` to `scores` (one per tag).
    pub(super) fn score(&self, features: &[u64], scores: &mut [f32]) {
        let n = scores.len();
        let mut sums = [0i32; MAX_TAGS];
        for f in features {
            if let Some(&row) = self.rows.get(f) {
                let row = row as usize * n;
                for (s, &w) in sums.iter_mut().zip(&self.weights[row..row + n]) {
                    *s += i32::from(w);
                }
            }
        }
        for (s, sum) in scores.iter_mut().zip(sums) {
            *s = sum as f32 * self.scale;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stage of `tags` tags whose features are the keys below `keys` that
    /// `keep` takes, with weights drawn from `seed`.
    fn stage(tags: usize, keys: u64, keep: u64, seed: u64) -> Weights {
        let mut rows = FeatureMap::default();
        let mut weights = Vec::new();
        let mut state = seed;
        for key in (0..keys).filter(|k| k % keep != 0) {
            rows.insert(key, rows.len() as u32);
            for _ in 0..tags {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                weights.push((state >> 48) as i16);
            }
        }
        Weights {
            scale: 1.0,
            transitions: vec![0.0; (tags + 1) * tags],
            rows,
            weights,
        }
    }

    #[test]
    fn the_row_table_finds_what_the_map_has_and_nothing_else() {
        let mut map = FeatureMap::default();
        let mut state = 9u64;
        for row in 0..5000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            map.insert(state, row);
        }
        map.insert(0, 5000);
        map.insert(u64::MAX, 5001);
        let table = RowTable::of(&map);
        for (&key, &row) in &map {
            assert_eq!(table.get(key), Some(row));
        }
        for key in (1..20_000u64).map(|k| k.wrapping_mul(0x2545_F491_4F6C_DD1D)) {
            assert_eq!(table.get(key), map.get(&key).copied());
        }
        assert_eq!(RowTable::of(&FeatureMap::default()).get(0), None);
        assert_eq!(RowTable::of(&FeatureMap::default()).get(7), None);
    }

    #[test]
    fn joint_sums_are_the_sums_of_each_stage() {
        // Every width of a row in one line (summed in 8 to 32 lanes), and
        // rows of two lines (more than 16 tags over two stages).
        for (tags, count) in (1..=20).flat_map(|t| [(t, 1), (t, 2)]) {
            let stages = [stage(tags, 300, 3, 1), stage(tags, 400, 5, 2)];
            let stages = &stages[..count];
            let joint = JointWeights::of(stages, tags);
            let features: Vec<u64> = (0..500).step_by(7).chain([3, 3, 9999]).collect();
            for from in 0..count {
                let mut sums = vec![0; joint.width()];
                joint.add(&features, from, &mut sums);
                for (s, w) in stages.iter().enumerate() {
                    let mut scores = vec![0.0; tags];
                    w.score(&features, &mut scores);
                    let expected: Vec<i32> = if s < from {
                        vec![0; tags]
                    } else {
                        scores.iter().map(|&x| x as i32).collect()
                    };
                    assert_eq!(
                        sums[s * tags..(s + 1) * tags],
                        expected,
                        "{tags} tags, {count} stages"
                    );
                }
            }
        }
    }
}
