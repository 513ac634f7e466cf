//! Precision, recall and F1 of predictions against gold items, shared by
//! every evaluation (segmentation, CoNLL-U, named entities).

use std::collections::HashSet;
use std::fmt;

/// Counts of a span comparison and the measures derived from them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Score {
    /// Compares two sets of spans, each a (start, end) pair of
    /// non-whitespace character indices; a prediction is correct when the
    /// same pair is in the gold set.
    ///
    /// ```
    /// use lisan::eval::Score;
    /// let s = Score::compare(&[(0, 3), (3, 5)], &[(0, 3), (3, 4), (4, 5)]);
    /// assert_eq!((s.gold, s.predicted, s.correct), (2, 3, 1));
    /// ```
    pub fn compare(gold: &[(usize, usize)], predicted: &[(usize, usize)]) -> Score {
        let gold_set: HashSet<_> = gold.iter().collect();
        Score {
            gold: gold.len(),
            predicted: predicted.len(),
            correct: predicted.iter().filter(|p| gold_set.contains(p)).count(),
        }
    }

    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:6.2}  R {:6.2}  F1 {:6.2}  (gold {}, predicted {}, correct {})",
            100.0 * self.precision(),
            100.0 * self.recall(),
            100.0 * self.f1(),
            self.gold,
            self.predicted,
            self.correct
        )
    }
}
