//! Quality floors on the shared evaluation data, when `../shared` is present.
//! The figures are printed; the floors catch regressions, not tuning.

mod common;

use common::shared_file;
use lisan::eval::duckling::DimensionScores;

#[test]
fn sentence_segmentation_on_news_commentary() {
    let Some(path) = shared_file("eval/sentences/news_commentary_v15_dev.ar.txt") else {
        return;
    };
    let score = lisan::eval::sentences::evaluate(&std::fs::read_to_string(path).unwrap());
    println!("News-Commentary sentences: {score}");
    assert!(score.f1() >= 0.93, "sentence F1 fell to {score}");
}

#[test]
fn sentence_segmentation_on_ted_talks() {
    let Some(path) = shared_file("eval/sentences/iwslt2017_ted.ar.txt") else {
        return;
    };
    let score = lisan::eval::sentences::evaluate(&std::fs::read_to_string(path).unwrap());
    println!("TED sentences: {score}");
    assert!(score.f1() >= 0.78, "sentence F1 fell to {score}");
}

#[test]
fn treebank_sentences_and_tokens() {
    let Some(path) = shared_file("eval/tokens/ar_pud_dev.conllu") else {
        return;
    };
    let gold = std::fs::read_to_string(path).unwrap();
    let scores = lisan::eval::conllu::evaluate(&gold);
    println!(
        "PUD sentences: {}\nPUD tokens: {}",
        scores.sentences, scores.tokens
    );
    assert!(
        scores.sentences.f1() >= 0.95,
        "treebank sentence F1 fell to {}",
        scores.sentences
    );
    assert!(
        scores.tokens.f1() >= 0.75,
        "treebank token F1 fell to {}",
        scores.tokens
    );
    // Named entities on text from another source than the tagger's
    // training data: the words of the names found against the treebank's
    // proper nouns (88.77 / 61.87 when written; 90.43 / 64.31 with the
    // Arabic spellings of Census names, `data/latin_names.tsv`).
    let names = lisan::eval::proper_nouns::evaluate(&gold);
    println!("PUD names: {names}");
    assert!(
        names.precision() >= 0.87 && names.recall() >= 0.63,
        "named-entity words against proper nouns fell to {names}"
    );
}

/// `lisan eval duckling` on the corpus at `path`: the scores per dimension,
/// and the rows passed and run in all (printed under `name`).
fn duckling_scores(path: &std::path::Path, name: &str) -> (DimensionScores, usize, usize) {
    let scores = lisan::eval::duckling::evaluate(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (passed, total) = scores
        .values()
        .fold((0, 0), |(p, t), (dp, dt)| (p + dp, t + dt));
    println!("{name}: {passed}/{total} {scores:?}");
    (scores, passed, total)
}

#[test]
fn duckling_arabic_corpus() {
    let Some(path) = shared_file("eval/extract/duckling_ar_dev.jsonl") else {
        return;
    };
    let (scores, passed, total) = duckling_scores(&path, "Duckling Arabic");
    assert!(
        passed * 100 >= total * 97,
        "Duckling pass rate fell to {passed}/{total}"
    );
    for dim in ["Numeral", "Ordinal", "Duration", "Time"] {
        let (p, t) = scores[dim];
        assert!(p * 100 >= t * 55, "{dim} fell to {p}/{t}");
    }
    // Money bounds and ranges (`تحت سبعة اورو`, `3.42$ على الأقل`).
    let (p, t) = scores["AmountOfMoney"];
    assert!(p * 100 >= t * 90, "AmountOfMoney fell to {p}/{t}");
}

/// Our English corpus in Duckling's format (in the repository, not in the
/// shared data): 173/173 pass since the grammar gaps of issue 5.
#[test]
fn english_peer_corpus() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peers/extract_en.jsonl");
    let (scores, passed, total) = duckling_scores(&path, "English peer corpus");
    assert!(
        passed * 100 >= total * 98,
        "English pass rate fell to {passed}/{total}"
    );
    let (p, t) = scores["Time"];
    assert!(p * 100 >= t * 95, "Time fell to {p}/{t}");
}
