//! Evaluation harnesses (`lisan eval ...`): score the core against gold
//! data with the CoNLL 2018 shared task definitions, where spans are compared
//! over non-whitespace characters so that spacing differences do not count.

pub mod conllu;
pub mod duckling;
pub mod proper_nouns;
pub mod score;
pub mod sentences;

pub use score::Score;
