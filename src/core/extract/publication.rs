//! The document's own publication date: a written date after `تاريخ النشر`,
//! `نشر في`, `نشر بتاريخ`, `Published`, `Published on` (a colon and a weekday may sit
//! between). The first one found is the reference time.

use super::dates::written_date;
use super::lexicon::Sense;
use super::words::Words;
use super::{Reference, ReferenceSource};

/// Tokens after a publication marker at `i`, if there is one there.
fn marker_end(w: &Words, i: usize) -> Option<usize> {
    let f = w.folded(i);
    let next = w.folded(i + 1);
    let end = match f {
        "تاريخ" if next == "النشر" => i + 2,
        "نشر" | "نشرت" | "published" | "posted" => i + 1,
        _ => return None,
    };
    let on = matches!(w.folded(end), "في" | "بتاريخ" | "on" | "يوم");
    Some(if on { end + 1 } else { end })
}

/// The publication date of the text, as a reference at its midnight.
pub(super) fn published(w: &Words, zone: super::Zone) -> Option<Reference> {
    (0..w.len()).find_map(|i| {
        let mut k = marker_end(w, i)?;
        for _ in 0..3 {
            let skip = matches!(w.raw(k), ":" | "," | "،" | "-")
                || w.find(k, |s| matches!(s, Sense::Weekday(_)).then_some(()))
                    .is_some();
            if skip && w.same_line(k) {
                k += 1;
            }
        }
        let (_, Some((when, _))) = written_date(w, k, 0)? else {
            return None;
        };
        if when.anchor != super::Anchor::Absolute || when.grain != super::Grain::Day {
            return None;
        }
        Some(Reference {
            local: when.start,
            zone,
            source: ReferenceSource::Document,
        })
    })
}
