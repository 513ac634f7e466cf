//! Tests of the named-entity pipeline over sentences written for these
//! tests (general news-style Arabic and English).

use super::*;
use crate::core::segment::tokenize;

fn recognized(text: &str) -> Recognized {
    recognize(text, &tokenize(text), &Model::embedded())
}

/// (text, kind) of every mention.
fn mentions(text: &str) -> Vec<(&str, NerKind)> {
    recognized(text)
        .mentions
        .iter()
        .map(|m| (m.span.slice(text), m.kind))
        .collect()
}

fn has(text: &str, name: &str, kind: NerKind) {
    let found = mentions(text);
    assert!(
        found.contains(&(name, kind)),
        "{name:?} as {kind:?} not in {found:?} ({text})"
    );
}

/// Asserts that no mention of `text` is of type `kind`.
fn has_no(text: &str, kind: NerKind) {
    let found = mentions(text);
    assert!(
        found.iter().all(|(_, k)| *k != kind),
        "a {kind:?} in {found:?} ({text})"
    );
}

/// The mentions of `text` with their type and country code.
fn mentions_with_country(text: &str) -> Vec<(&str, NerKind, Option<&'static str>)> {
    recognized(text)
        .mentions
        .iter()
        .map(|m| (m.span.slice(text), m.kind, m.country))
        .collect()
}

use NerKind::*;

#[test]
fn arabic_people_places_and_organizations() {
    let table = [
        (
            "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره في باريس.",
            "إيمانويل ماكرون",
            Person,
        ),
        (
            "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره في باريس.",
            "باريس",
            Location,
        ),
        ("وصل الوفد إلى القاهرة صباح اليوم.", "القاهرة", Location),
        (
            "أعلنت وزارة الخارجية عن زيارة قريبة.",
            "وزارة الخارجية",
            Organization,
        ),
        (
            "تراجعت أسعار النفط في الأسواق الآسيوية بعد قرار منظمة أوبك.",
            "منظمة أوبك",
            Organization,
        ),
        (
            "قال المتحدث باسم الحكومة إن الوضع في لبنان مستقر.",
            "لبنان",
            Location,
        ),
    ];
    for (text, name, kind) in table {
        has(text, name, kind);
    }
}

#[test]
fn demonyms_are_norp_linked_to_their_country() {
    let found = mentions_with_country("اجتمع الوفد السوري مع المسؤولين الأتراك في العاصمة التركية.");
    assert!(found.contains(&("السوري", Norp, Some("SY"))), "{found:?}");
    assert!(found.contains(&("التركية", Norp, Some("TR"))), "{found:?}");
    // English demonyms, singular and plural; one that several territories
    // share goes to the independent country (`American`: US).
    let found = mentions_with_country(
        "The German minister met American and Syrian officials, and Iraqis welcomed the plan.",
    );
    for expected in [
        ("German", Norp, Some("DE")),
        ("American", Norp, Some("US")),
        ("Syrian", Norp, Some("SY")),
        ("Iraqis", Norp, Some("IQ")),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
}

#[test]
fn demonyms_no_rule_derives_come_from_cldr() {
    // No country name gives these by the nisba rule (`الولايات المتحدة`,
    // `المملكة المتحدة`, `الإمارات العربية المتحدة`, `النمسا`); CLDR's
    // Arabic currency and measurement-system names write them.
    let found = mentions_with_country(
        "التقى السفير الأمريكي بنظيره البريطاني، وحضر المستثمرون الإماراتيون والخبراء النمساويون.",
    );
    for expected in [
        ("الأمريكي", Norp, Some("US")),
        ("البريطاني", Norp, Some("GB")),
        ("الإماراتيون", Norp, Some("AE")),
        ("النمساويون", Norp, Some("AT")),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
}

#[test]
fn short_country_names_get_their_country() {
    // CLDR names these countries only in a long form (`المملكة العربية
    // السعودية`, `هنغاريا`, `الدانمرك`, `بيلاروس`); news writes the short one.
    let text = "قال وزير الخارجية السعودي إن السعودية والمجر والدنمارك وروسيا البيضاء وقعت الاتفاق. Officials of the UAE and Great Britain attended.";
    let found = mentions_with_country(text);
    for expected in [
        ("السعودي", Norp, Some("SA")),
        ("السعودية", Location, Some("SA")),
        ("المجر", Location, Some("HU")),
        ("الدنمارك", Location, Some("DK")),
        ("روسيا البيضاء", Location, Some("BY")),
        ("UAE", Location, Some("AE")),
        ("Great Britain", Location, Some("GB")),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
}

#[test]
fn a_country_no_list_names_gets_the_country_of_the_demonym_it_makes() {
    // No list holds `بريطانيا`, `أمريكا` or `America`; their demonyms
    // (`بريطاني`, `أمريكي`, `American`) are listed.
    let text = "وقعت بريطانيا وأمريكا الاتفاق في لندن. Officials said America would sign.";
    let found = mentions_with_country(text);
    for expected in [
        ("بريطانيا", Location, Some("GB")),
        ("أمريكا", Location, Some("US")),
        ("America", Location, Some("US")),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
}

#[test]
fn clitics_stay_out_of_the_mention() {
    for (text, name) in [
        ("سافر الوزير لسوريا ثم عاد.", "سوريا"),
        ("وصلت الطائرة بموسكو مساء أمس.", "موسكو"),
        ("وقعت الاتفاقية بين أنقرة وطهران.", "طهران"),
    ] {
        let found = mentions(text);
        assert!(
            found.iter().any(|(t, _)| *t == name),
            "{name:?} not in {found:?}"
        );
    }
}

#[test]
fn later_mentions_join_the_full_name() {
    let text = "استقبل الرئيس السوري بشار الأسد الوفد في دمشق. وقال الأسد إن المحادثات كانت مثمرة.";
    let r = recognized(text);
    let people: Vec<&Mention> = r.mentions.iter().filter(|m| m.kind == Person).collect();
    assert_eq!(people.len(), 2, "{:?}", r.mentions);
    assert_eq!(people[0].group, people[1].group);
    let group = &r.groups[people[0].group];
    assert_eq!(group.name.slice(text), "بشار الأسد");
    assert_eq!(group.mentions.len(), 2);
}

#[test]
fn english_names_are_typed_by_cues_and_gazetteer() {
    let text = "President Emmanuel Macron met officials of the World Bank in Cairo on Monday.";
    has(text, "Emmanuel Macron", Person);
    has(text, "World Bank", Organization);
    has(text, "Cairo", Location);
    has(
        "The Paris Summit ended late, officials said.",
        "Paris Summit",
        Event,
    );
}

#[test]
fn a_preposition_that_opens_a_line_is_no_part_of_the_name() {
    // A byline, and a sentence that starts with a preposition.
    assert_eq!(mentions("By Sarah Collins"), [("Sarah Collins", Person)]);
    has("In Nairobi, the talks went on late.", "Nairobi", Location);
    has_no("In Nairobi, the talks went on late.", Misc);
}

#[test]
fn the_period_of_a_title_ends_no_sentence() {
    // `Dr` and `.` are two tokens: the name after them is still the
    // title's, and no new sentence starts at `Smith`.
    assert_eq!(mentions("Dr. Smith arrived late."), [("Smith", Person)]);
    has(
        "Yesterday Mr. Johnson said the plan would work.",
        "Johnson",
        Person,
    );
}

#[test]
fn english_titles_inside_a_name_and_offices_of_a_place() {
    // The person is after the last title of the run; a place before it is
    // named, another word (`Fed`, `Treasury`) is not.
    let text = "Fed Chair Jerome Powell and Treasury Secretary Janet Yellen met French President Emmanuel Macron.";
    let found = mentions(text);
    for (name, kind) in [
        ("Jerome Powell", Person),
        ("Janet Yellen", Person),
        ("Emmanuel Macron", Person),
    ] {
        assert!(found.contains(&(name, kind)), "{name} in {found:?}");
    }
    assert!(
        !found
            .iter()
            .any(|(t, _)| t.contains("Chair") || t.contains("Secretary")),
        "{found:?}"
    );
    // An office `of` a place or domain: the place is named, the domain is
    // no person, the holder after it is.
    assert_eq!(
        mentions("Mayor of New York Eric Adams said."),
        [("New York", Location), ("Eric Adams", Person)]
    );
    assert_eq!(mentions("The Minister of Defence said."), []);
    has(
        "Secretary of State Antony Blinken arrived.",
        "Antony Blinken",
        Person,
    );
}

#[test]
fn english_nationalities_at_the_start_of_a_sentence_or_an_office() {
    let cases: [(&str, &[(&str, NerKind)]); 5] = [
        // A frequent word that opens the sentence before a demonym is no
        // part of a name: the demonym is a NORP, no person.
        (
            "Former British prime minister Boris Johnson spoke.",
            &[("British", Norp), ("Boris Johnson", Person)],
        ),
        (
            "Many Syrian refugees fled to Turkey.",
            &[("Syrian", Norp), ("Turkey", Location)],
        ),
        // A place listed from the first word keeps it (`Zealand` is a
        // place of its own).
        (
            "New Zealand Prime Minister Jacinda Ardern resigned.",
            &[("New Zealand", Location), ("Jacinda Ardern", Person)],
        ),
        // The office's country before the words of an office of two words.
        (
            "Israeli Prime Minister Benjamin Netanyahu spoke.",
            &[("Israeli", Norp), ("Benjamin Netanyahu", Person)],
        ),
        // An acronym that opens an office is the organization's.
        (
            "NATO Secretary General Jens Stoltenberg spoke.",
            &[("NATO", Organization), ("Jens Stoltenberg", Person)],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(mentions(text), want, "{text}");
    }
}

#[test]
fn an_english_name_alone_that_opens_a_sentence_is_one_named_elsewhere() {
    // A capitalized word opening a sentence is a name when the document
    // names it elsewhere: a person's last word, or a whole mention.
    let cases: [(&str, &[(&str, NerKind)]); 5] = [
        (
            "Israeli Prime Minister Benjamin Netanyahu spoke. Netanyahu said the war would go on.",
            &[
                ("Israeli", Norp),
                ("Benjamin Netanyahu", Person),
                ("Netanyahu", Person),
            ],
        ),
        (
            "Talks with Hamas stalled. Hamas rejected the offer.",
            &[("Hamas", Misc), ("Hamas", Misc)],
        ),
        (
            "LONDON (Reuters) - Shares fell. Reuters reported no cause.",
            &[
                ("LONDON", Location),
                ("Reuters", Organization),
                ("Reuters", Organization),
            ],
        ),
        // Named nowhere else: nothing, as before.
        ("Netanyahu said the war would go on.", &[]),
        ("Militants said the attack failed.", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(mentions(text), want, "{text}");
    }
}

#[test]
fn a_country_named_as_its_adjective_is_a_demonym_after_a_feminine_noun() {
    // `السعودية` is Saudi Arabia and Saudi (feminine): after a definite
    // feminine noun it is the adjective, and an organization takes it in.
    assert_eq!(
        mentions("وذكرت وكالة الأنباء السعودية أن الوفد وصل."),
        [("وكالة الأنباء السعودية", Organization)]
    );
    has("أعلنت الحكومة السعودية خطة جديدة.", "السعودية", Norp);
    // After a preposition or a masculine noun (the object of a verb), the
    // country.
    has("وصل الوفد إلى السعودية أمس.", "السعودية", Location);
    has("زار الوزير السعودية أمس.", "السعودية", Location);
}

#[test]
fn an_english_name_after_a_kind_of_place_and_of_is_that_place() {
    // Two unknown words would be a person, one a name of unknown type.
    assert_eq!(
        mentions("Clashes erupted in the town of Kafr Nabl overnight."),
        [("Kafr Nabl", Location)]
    );
    assert_eq!(
        mentions("Ships left the port of Hodeidah."),
        [("Hodeidah", Location)]
    );
}

#[test]
fn english_runs_of_frequent_words_are_institutions_and_name_particles_join() {
    // A run that ends with a frequent word that is no name, and does not
    // start with a given name, is an organization, said or not.
    for (text, name) in [
        ("Officials of the Federal Reserve met.", "Federal Reserve"),
        (
            "The United Nations said the talks would resume.",
            "United Nations",
        ),
    ] {
        has(text, name, Organization);
    }
    // A run of frequent words only, some of them common surnames too (`White`,
    // `House`), is no person.
    has(
        "Officials at the White House declined to comment.",
        "White House",
        Organization,
    );
    // Given names and surnames keep the person, a surname that is a frequent
    // word too (`Brown`, `Rice`) included.
    for (text, name) in [
        ("Officials met Donald Trump in Ohio.", "Donald Trump"),
        ("Officials met Rishi Sunak in London.", "Rishi Sunak"),
        ("Officials met Gordon Brown in London.", "Gordon Brown"),
        (
            "Officials met Condoleezza Rice in London.",
            "Condoleezza Rice",
        ),
    ] {
        has(text, name, Person);
    }
    // The first word of a sentence before `of` is no part of the name.
    assert_eq!(
        mentions("Shares of Apple Inc rose."),
        [("Apple Inc", Organization)]
    );
    // Particles of names, one or two (`von der`), and the organization
    // before a title.
    let text = "European Commission President Ursula von der Leyen arrived.";
    assert_eq!(
        mentions(text),
        [
            ("European Commission", Organization),
            ("Ursula von der Leyen", Person)
        ]
    );
    // A run that opens with a frequent word that is no name is no person;
    // the given names that are words too still open one.
    has("Fans gathered at Old Trafford.", "Old Trafford", Misc);
    has_no("Fans gathered at Old Trafford.", Person);
    has("He met Mark Carney in Ottawa.", "Mark Carney", Person);
}

#[test]
fn an_abbreviation_with_periods_is_the_listed_place() {
    // The last period is a token of its own (it may end the sentence too);
    // the mention takes it, and `U.K.` is `UK`.
    let found = mentions_with_country("U.S. officials met in the U.K. today.");
    assert_eq!(
        found,
        [
            ("U.S.", Location, Some("US")),
            ("U.K.", Location, Some("GB"))
        ]
    );
}

#[test]
fn english_city_names_left_to_the_time_zone_id_are_places() {
    // CLDR's en locale leaves `Paris`, `Cairo`, `New York` to the zone id.
    has("The Paris-based group said.", "Paris", Location);
    has("Talks in Cairo and New York resumed.", "Cairo", Location);
    has("Talks in Cairo and New York resumed.", "New York", Location);
    // A zone city that is a common person's name stays out (`Davis`).
    let found = mentions("Officials met Davis in Boston.");
    assert!(!found.contains(&("Davis", Location)), "{found:?}");
}

#[test]
fn english_names_of_geonames_cities_are_places_unless_a_person_holds_them() {
    // No time zone is named after Munich or Aleppo.
    has(
        "The mayor of Munich met officials from Aleppo.",
        "Munich",
        Location,
    );
    has(
        "The mayor of Munich met officials from Aleppo.",
        "Aleppo",
        Location,
    );
    has("Munich is expensive.", "Munich", Location);
    // A city's name that is also a surname, after a title or before `said`.
    has(
        "President Carmona said the talks went well.",
        "Carmona",
        Person,
    );
    // ... or as a source after `according to`.
    has("The talks failed, according to Bolton.", "Bolton", Person);
    has("The talks were held in Bolton.", "Bolton", Location);
    // A city whose name is an English word is not listed (Reading, England).
    let found = mentions("Reading is fun, the teacher said.");
    assert!(found.iter().all(|(t, _)| *t != "Reading"), "{found:?}");
}

#[test]
fn english_names_of_states_and_provinces_are_places() {
    // CLDR's subdivisions: no country, city or time zone has these names.
    for name in ["Texas", "Quebec", "Cambridgeshire"] {
        has(
            "Storms reached Texas, Quebec and Cambridgeshire overnight.",
            name,
            Location,
        );
    }
    // A subdivision whose name is an English word or a common given name is
    // not listed (Orange, Victoria).
    let found = mentions("Victoria bought an Orange phone, officials said.");
    assert!(found.iter().all(|(_, kind)| *kind != Location), "{found:?}");
}

#[test]
fn english_names_made_from_a_place() {
    for (text, name, kind) in [
        (
            "Strikes hit the Gaza Strip overnight.",
            "Gaza Strip",
            Location,
        ),
        ("Ships crossed the Red Sea.", "Red Sea", Location),
        (
            "Fighting in Eastern Ukraine continued.",
            "Eastern Ukraine",
            Location,
        ),
        (
            "Bayern Munich beat the champions.",
            "Bayern Munich",
            Organization,
        ),
        (
            "The fans of Real Madrid cheered.",
            "Real Madrid",
            Organization,
        ),
        ("Air France cancelled flights.", "Air France", Organization),
        // A given name first: the person's surname is a city.
        ("John Denver sang on Friday.", "John Denver", Person),
    ] {
        has(text, name, kind);
    }
}

#[test]
fn an_english_dateline_names_a_place() {
    has(
        "WASHINGTON (Reuters) - The talks ended on Monday.",
        "WASHINGTON",
        Location,
    );
    has(
        "HOUSTON — Officials said the storm passed.",
        "HOUSTON",
        Location,
    );
    // The agency in the dateline's parentheses.
    has(
        "WASHINGTON (Reuters) - The talks ended on Monday.",
        "Reuters",
        Organization,
    );
    // An acronym and its expansion is no dateline.
    has("NATO (the alliance) said no.", "NATO", Organization);
}

#[test]
fn cities_of_geonames_are_places_and_keep_a_first_letter_that_looks_like_a_clitic() {
    // Cities CLDR names no time zone after (GeoNames' Arabic names).
    has("وسقطت قذائف على حلب والموصل أمس.", "حلب", Location);
    has("وسقطت قذائف على حلب والموصل أمس.", "الموصل", Location);
    has("وصل الوزير إلى جدة قادما من صنعاء.", "صنعاء", Location);
    // `بكين` is Beijing, not `ب` + `كين`.
    has(
        "قال الوزير إن لافروف سيزور بكين الأسبوع المقبل.",
        "بكين",
        Location,
    );
    // A transliteration that is a common word is no place (Settat: `سلطات`).
    let found = mentions("قالت سلطات المدينة إن الطريق مغلق.");
    assert!(found.iter().all(|(t, _)| !t.contains("سلطات")), "{found:?}");
}

#[test]
fn a_name_written_whole_elsewhere_keeps_a_first_letter_that_looks_like_a_clitic() {
    // `بلينكن` (Blinken) reads as `ب` + `لينكن` one word at a time; the
    // full name earlier in the document says the `ب` is the name's.
    let text =
        "قال وزير الخارجية الأمريكي أنتوني بلينكن إن المحادثات مستمرة. وأضاف بلينكن أن الاتفاق قريب.";
    let r = recognized(text);
    let people: Vec<&Mention> = r.mentions.iter().filter(|m| m.kind == Person).collect();
    let names: Vec<&str> = people.iter().map(|m| m.span.slice(text)).collect();
    assert_eq!(names, ["أنتوني بلينكن", "بلينكن"], "{:?}", r.mentions);
    assert_eq!(people[0].group, people[1].group);
    // A real clitic still goes (`وأردوغان` after `رجب طيب أردوغان`).
    let text = "التقى الرئيس التركي رجب طيب أردوغان الوفد. وقال وزير الخارجية وأردوغان في بيان إن اللقاء مثمر.";
    let found = mentions(text);
    assert!(found.contains(&("أردوغان", Person)), "{found:?}");
}

#[test]
fn events_start_with_an_event_word() {
    has(
        "شارك المنتخب في كأس العالم للمرة الثالثة.",
        "كأس العالم",
        Event,
    );
    // English tournaments: an event word anywhere, `Open` at the end.
    has("She won the Qatar Open last winter.", "Qatar Open", Event);
    has(
        "The European Rowing Championships start in May.",
        "European Rowing Championships",
        Event,
    );
    has(
        "The Open Society Foundations gave money.",
        "Open Society Foundations",
        Organization,
    );
    // A name that opens with an event word after the article, which hides
    // its cue from the tagger; English agreements and games.
    has(
        "اندلعت الحرب العالمية الثانية عام 1939.",
        "الحرب العالمية الثانية",
        Event,
    );
    has(
        "The Paris Agreement was signed in 2016.",
        "Paris Agreement",
        Event,
    );
    has(
        "Athletes arrived for the Asian Games.",
        "Asian Games",
        Event,
    );
}

#[test]
fn hostile_inputs_give_sensible_output() {
    let long_line = "كلمة عادية ".repeat(5000);
    let names_only = "محمد أحمد علي حسن ".repeat(50);
    let mixed = "زار Barack Obama مدينة دمشق 😀 и Москва 東京 في 2010";
    for text in [
        "",
        " ",
        "\n\n",
        "!!!",
        "٣٤٥ ٦٧",
        long_line.as_str(),
        names_only.as_str(),
        mixed,
    ] {
        let r = recognized(text);
        for m in &r.mentions {
            assert!(m.span.start < m.span.end && m.span.end <= text.len());
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            assert!(m.group < r.groups.len());
        }
    }
    assert!(
        recognized(&long_line).mentions.len() < 10,
        "common words are not names"
    );
    assert!(recognized("هذا نص بلا أسماء على الإطلاق.").mentions.is_empty());
    has(mixed, "Barack Obama", Person);
    has(mixed, "دمشق", Location);
}

#[test]
fn a_persian_sentence_is_not_tagged_with_the_arabic_model() {
    assert!(mentions("من می‌خواهم یک کتاب بخرم و بخوانم.").is_empty());
}

#[test]
fn the_budget_stops_the_tagger() {
    let text = "قال الرئيس إن الاجتماع انتهى. ".repeat(100);
    let budget = Budget::unlimited();
    budget.cancel_handle().cancel();
    let err = recognize_within(&text, &tokenize(&text), &Model::embedded(), &budget).unwrap_err();
    assert_eq!(err.kind(), crate::core::ErrorKind::Cancelled);
}

#[test]
fn the_embedded_model_loads_and_round_trips() {
    let model = Model::embedded();
    assert!(model.notice.contains("ANERcorp"));
    assert!(model.n_features() > 10_000);
    let bytes = model.to_bytes();
    let again = Model::from_bytes(&bytes).expect("round trip");
    assert_eq!(again.to_bytes(), bytes);
}

#[test]
fn corrupt_or_foreign_models_are_refused() {
    let good = Model::embedded().to_bytes();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x55;
    let mut newer = good.clone();
    newer[8] = 99;
    let mut other_features = good.clone();
    other_features[10] = 99;
    let cases: [(&[u8], &str); 5] = [
        (b"", "bad magic"),
        (b"PK\x03\x04 not a model", "bad magic"),
        (&flipped, "checksum mismatch"),
        (&newer, "format version 99"),
        (&other_features, "feature set 99"),
    ];
    for (bytes, why) in cases {
        let err = Model::from_bytes(bytes).unwrap_err();
        assert!(err.0.contains(why), "{err} should say {why:?}");
    }
    assert!(Model::from_bytes(&good[..good.len() - 9])
        .unwrap_err()
        .0
        .contains("checksum"));
    for stages in [0u8, 3] {
        let err = Model::from_bytes(&with_stage_count(&good, stages)).unwrap_err();
        assert!(err.0.contains(&format!("{stages} stages")), "{err}");
    }
}

/// `model` with its stage count set to `stages` and the checksum redone.
fn with_stage_count(model: &[u8], stages: u8) -> Vec<u8> {
    let mut at = 8 + 2 + 2;
    let n_tags = usize::from(model[at]);
    at += 1;
    for _ in 0..n_tags {
        at += 1 + usize::from(model[at]);
    }
    let notice = u32::from_le_bytes(model[at..at + 4].try_into().unwrap()) as usize;
    at += 4 + notice;
    let mut out = model[..model.len() - 8].to_vec();
    out[at] = stages;
    let sum = super::model::checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

#[test]
fn the_embedded_model_has_a_document_level_second_stage() {
    let model = Model::embedded();
    let stage_count = with_stage_count(&model.to_bytes(), 2);
    assert_eq!(
        stage_count,
        model.to_bytes(),
        "the shipped model has two stages"
    );
    // A name tagged after a title is a person on its own later in the
    // same document too.
    let sentences = [
        vec![
            "قال",
            "الرئيس",
            "زيلينسكي",
            "إن",
            "المحادثات",
            "مستمرة",
            ".",
        ],
        vec!["وأضاف", "زيلينسكي", "أن", "الوفد", "سيعود", "."],
    ];
    let tags = model.tag_document(&sentences);
    assert_eq!(model.tags[tags[1][1]], "B-PERS", "{:?}", tags);
}

/// Word infos of the tagger's sentences of `text`, and its document context.
fn tagger_input(text: &str) -> (Vec<Vec<features::WordInfo>>, features::DocContext) {
    let tokens = tokenize(text);
    let mut cache = features::Cache::default();
    let infos: Vec<Vec<features::WordInfo>> = sentences(text, &tokens)
        .into_iter()
        .map(|range| {
            let words: Vec<&str> = tokens[range].iter().map(|t| t.span.slice(text)).collect();
            features::word_infos_cached(&words, &mut cache)
        })
        .collect();
    let doc = features::DocContext::build(infos.iter().map(Vec::as_slice));
    (infos, doc)
}

#[test]
fn tagging_with_joint_weights_agrees_with_tagging_stage_by_stage() {
    let model = Model::embedded();
    let mut text = crate::core::corpus::generate(200_000, 3);
    text.push_str(&crate::core::corpus::generate_mix(
        100_000,
        4,
        crate::core::corpus::Mix::Arabic,
    ));
    let (infos, doc) = tagger_input(&text);
    let mut tagged = 0;
    for window in infos.chunks(TAGGING_WINDOW) {
        let infos: Vec<&[features::WordInfo]> = window.iter().map(Vec::as_slice).collect();
        let mut feats: Vec<Vec<Vec<u64>>> = infos
            .iter()
            .map(|infos| {
                (0..infos.len())
                    .map(|i| {
                        let mut f = Vec::new();
                        features::features(infos, i, &doc, &mut f);
                        f
                    })
                    .collect()
            })
            .collect();
        let stage_by_stage = model.tag_document_features(&infos, &mut feats);
        let joint = model.tag_sentences(&infos, &doc);
        assert_eq!(joint, stage_by_stage);
        tagged += joint
            .iter()
            .flatten()
            .filter(|&&t| t != model.outside())
            .count();
    }
    assert!(tagged > 1000, "only {tagged} words in entities");
}

#[test]
fn word_facts_kept_from_earlier_documents_change_no_result() {
    let documents = crate::core::corpus::documents(24, 2048, 5, crate::core::corpus::Mix::Mixed);
    let model = Model::embedded();
    let each_alone: Vec<Vec<Mention>> = documents
        .iter()
        .map(|d| {
            let d = d.clone();
            let model = model.clone();
            // A new thread starts with no word facts kept.
            std::thread::spawn(move || recognize(&d, &tokenize(&d), &model).mentions)
                .join()
                .expect("no panic")
        })
        .collect();
    for (d, alone) in documents.iter().zip(&each_alone) {
        assert_eq!(&recognize(d, &tokenize(d), &model).mentions, alone);
    }
}

#[test]
fn western_names_written_in_arabic_letters_are_people() {
    has(
        "فاز دونالد ترامب بالانتخابات بعد حملة طويلة.",
        "دونالد ترامب",
        Person,
    );
    has("سافر هولاند إلى برلين للقاء المستشارة.", "هولاند", Person);
}

/// (text, group) of every person mention.
fn people(text: &str) -> Vec<(&str, usize)> {
    recognized(text)
        .mentions
        .iter()
        .filter(|m| m.kind == Person)
        .map(|m| (m.span.slice(text), m.group))
        .collect()
}

#[test]
fn surnames_of_full_names_are_people_wherever_the_document_uses_them() {
    let text =
        "التقى الرئيس الفلسطيني محمود عباس رئيس الوزراء الإسرائيلي بنيامين نتنياهو في القاهرة.\n\
                وقد صافح عباس نتنياهو أمام الصحفيين.\n\
                محادثات جديدة بين عباس ونتنياهو";
    let found = people(text);
    let group_of = |name: &str| found.iter().find(|(n, _)| *n == name).map(|(_, g)| *g);
    let (abbas, netanyahu) = (
        group_of("محمود عباس").unwrap(),
        group_of("بنيامين نتنياهو").unwrap(),
    );
    assert_ne!(abbas, netanyahu);
    // Three mentions of each: the full name, the two surnames side by side
    // (two people, not one), and the surnames of the last line.
    assert_eq!(
        found
            .iter()
            .filter(|&&(n, g)| n == "عباس" && g == abbas)
            .count(),
        2,
        "{found:?}"
    );
    assert_eq!(
        found
            .iter()
            .filter(|&&(n, g)| n == "نتنياهو" && g == netanyahu)
            .count(),
        2,
        "{found:?}"
    );
    assert!(!found
        .iter()
        .any(|(n, _)| n.contains(' ') && n.contains("نتنياهو") && n.contains("عباس")));
}

#[test]
fn a_common_word_or_an_unsure_name_is_not_taken_as_a_surname() {
    // `جميل` ("beautiful") is a common word: the surname of `أحمد جميل`
    // does not make every `جميل` a person.
    let text = "قال المدير أحمد جميل إن الشركة ستتوسع.\nوكان العرض جميل جدا في الحفل";
    let found = people(text);
    assert!(found.contains(&("أحمد جميل", 0)), "{found:?}");
    assert_eq!(
        found.iter().filter(|(n, _)| *n == "جميل").count(),
        0,
        "{found:?}"
    );
}

#[test]
fn a_rare_one_word_name_is_the_person_wherever_the_document_uses_it() {
    // The title marks the coach once; the second line has no cue.
    let text = "قال المدرب كاربونيتي للصحفيين إن الفريق جاهز للمباراة.\n\
                وفي الملعب وقف كاربونيتي يراقب التمارين طويلا.";
    let found = people(text);
    assert_eq!(
        found.iter().filter(|(n, _)| *n == "كاربونيتي").count(),
        2,
        "{found:?}"
    );
    // `جمال` is a given name and a common word (beauty): a person once is
    // not a person everywhere.
    let text = "قال المدرب جمال للصحفيين إن الفريق جاهز للمباراة.\n\
                وفي الصباح كان جمال الطبيعة ساحرا حول الملعب.";
    let found = people(text);
    assert_eq!(
        found.iter().filter(|(n, _)| *n == "جمال").count(),
        1,
        "{found:?}"
    );
}

#[test]
fn titles_and_honorifics_stay_out_of_a_person_mention() {
    has(
        "وقال معالي الوزير خالد عبدالرحمن العيسى إن المشروع اكتمل.",
        "خالد عبدالرحمن العيسى",
        Person,
    );
    let found = mentions("وأعلن فخامة الرئيس سليم الحص أن الحكومة ستجتمع.");
    assert!(
        found.iter().all(|(n, _)| !n.starts_with("فخامة")),
        "{found:?}"
    );
}

#[test]
fn the_world_is_a_place_only_inside_a_name() {
    let found = mentions("يعاني العالم من أزمة غذاء، قال التقرير.");
    assert!(found.iter().all(|(n, _)| *n != "العالم"), "{found:?}");
    has(
        "شارك المنتخب في بطولة العالم لألعاب القوى.",
        "بطولة العالم",
        Event,
    );
}

#[test]
fn a_demonym_names_a_described_organization_and_describes_a_named_one() {
    // `وكالة الأنباء` ("the news agency") needs the demonym to say which.
    let found = mentions_with_country("ذكرت وكالة الأنباء الفرنسية أن الاجتماع انتهى.");
    assert!(
        found.contains(&("وكالة الأنباء الفرنسية", Organization, Some("FR"))),
        "{found:?}"
    );
    // A club named after its city is named already: the demonym describes
    // it, and gives it its country.
    let found = mentions_with_country("فاز نادي برشلونة الإسباني على منافسه.");
    assert!(
        found
            .iter()
            .any(|&(name, kind, country)| kind == Organization
                && name.ends_with("برشلونة")
                && country == Some("ES")),
        "{found:?}"
    );
    assert!(found.contains(&("الإسباني", Norp, Some("ES"))), "{found:?}");
    // `الله` is written with the letters of the article but is a name.
    let found = mentions_with_country("وأصدر حزب الله العراقي بيانا أمس.");
    assert!(
        found.contains(&("حزب الله", Organization, Some("IQ"))),
        "{found:?}"
    );
    assert!(found.contains(&("العراقي", Norp, Some("IQ"))), "{found:?}");
}

#[test]
fn relative_adjectives_complete_a_described_organization() {
    // `هيئة الموانئ` ("the ports authority") goes on over the adjectives
    // that say which one, and a demonym after them gives its country.
    let found = mentions_with_country(
        "وأعلنت هيئة الموانئ البحرية الأسترالية خطة جديدة، ورحب بها صندوق التنمية الزراعية.",
    );
    assert!(
        found.contains(&("هيئة الموانئ البحرية الأسترالية", Organization, Some("AU"))),
        "{found:?}"
    );
    // A head with the article is a noun and its adjective, complete: what
    // follows describes something else (the plan, not the nations).
    let found = mentions("وناقش الوزراء خطة الأمم المتحدة الإنمائية للعام المقبل.");
    assert!(found.contains(&("الأمم المتحدة", Organization)), "{found:?}");
    // A stop word spelled with the letters of the article (`الى`) is no
    // noun of an organization's name.
    has_no("وتتحدث كل لجنة الى الاخرى في الاجتماع.", Organization);
}

#[test]
fn an_english_demonym_opens_an_institution_or_stands_before_a_person() {
    // Frequent words after the demonym: what is of the nation, even as the
    // source of a quotation.
    has(
        "The American Red Cross said on Monday that volunteers had arrived.",
        "American Red Cross",
        Organization,
    );
    // A name after it: the person's nationality, then the person.
    let found = mentions("Mexican Andres Lopez won the race in Lyon.");
    assert!(found.contains(&("Mexican", Norp)), "{found:?}");
    assert!(found.contains(&("Andres Lopez", Person)), "{found:?}");
}

#[test]
fn an_english_surname_alone_is_the_person_of_the_full_name() {
    let text = "President Joe Biden met Chancellor Olaf Scholz in Berlin. Later, Biden said that Scholz agreed.";
    let found = people(text);
    let group_of = |name: &str| {
        found
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, g)| *g)
            .collect::<Vec<_>>()
    };
    assert_eq!(group_of("Biden"), group_of("Joe Biden"), "{found:?}");
    assert_eq!(group_of("Scholz"), group_of("Olaf Scholz"), "{found:?}");
    assert_eq!(group_of("Scholz").len(), 1, "{found:?}");
}

#[test]
fn a_word_that_is_a_place_only_without_its_last_letters_is_no_place() {
    // `صهيوني` (Zionist) splits as `صهيون` + `ي` (my Zion); a place takes
    // proclitics, not a pronoun after it.
    let found = mentions("رفض المتحدث أي مشروع صهيوني في المنطقة.");
    assert!(found.iter().all(|(t, _)| !t.contains("صهيون")), "{found:?}");
    // Proclitics still come off a place (`بموسكو`).
    has("عقد الاجتماع بموسكو أمس.", "موسكو", Location);
}

#[test]
fn a_city_right_before_another_place_is_a_noun_in_its_construct() {
    // `بورصة` is also Bursa; before `لندن` it is the exchange.
    let found = mentions("ارتفعت الأسهم في بورصة لندن أمس.");
    assert!(found.iter().all(|(t, _)| *t != "بورصة"), "{found:?}");
    has("ارتفعت الأسهم في بورصة لندن أمس.", "لندن", Location);
    // With a conjunction, a list of places.
    has("زار الوفد بورصة ولندن الشهر الماضي.", "بورصة", Location);
}

#[test]
fn a_city_with_a_masculine_demonym_is_the_club_named_after_it() {
    let text = "فاز برشلونة على هامبورغ الألماني بهدفين، وتعادل أرسنال وموناكو الفرنسي.";
    let found = mentions_with_country(text);
    assert!(
        found.contains(&("هامبورغ", Organization, Some("DE"))),
        "{found:?}"
    );
    assert!(
        found.contains(&("موناكو", Organization, Some("FR"))),
        "{found:?}"
    );
    assert!(found.contains(&("الألماني", Norp, Some("DE"))), "{found:?}");
    // A place no list holds, as the tagger finds a team's name.
    has(
        "خسر الفريق أمام بنفيكا البرتغالي بهدفين مساء الأربعاء.",
        "بنفيكا",
        Organization,
    );
    // A feminine demonym agrees with the city itself.
    has("وصل الوزير إلى باريس الفرنسية أمس.", "باريس", Location);
    // A region named by a masculine noun stays a place.
    has_no("قصفت الطائرات مواقع في الجولان السوري المحتل.", Organization);
    has_no("عاد السفير إلى دول الخليج العربي أمس.", Organization);
}

#[test]
fn a_word_the_tagger_left_before_a_masculine_demonym_is_a_team() {
    // A demonym with the article after a word with neither the article nor
    // a pronoun: the word is a name, and the masculine one a club's.
    has(
        "تعادل اندرلخت البلجيكي مع ضيفه في المباراة.",
        "اندرلخت",
        Organization,
    );
    // The demonym is the noun (the Frenchman): a verb or a preposition
    // before it, a name after it; and no demonym without the article.
    for text in [
        "وسجل البرازيلي رونالدو الهدف الثاني.",
        "فاز اللاعب على الفرنسي في النهائي.",
        "لعب القطري بنفس الطريقة.",
        "ارتفع المؤشر في مسح ألماني هام.",
        "قال إن أداءه اليمني كان جيدا.",
    ] {
        has_no(text, Organization);
    }
}

#[test]
fn a_name_keeps_a_first_letter_that_is_the_future_prefix() {
    // `س` before an imperfect verb is the future; a name takes no such
    // prefix (the clitic splitter read `سيرجي` as `س` + `يرجي`).
    has("التقى سيرجي لافروف بنظيره أمس.", "سيرجي لافروف", Person);
}

#[test]
fn a_rare_word_after_a_company_or_newspaper_word_is_its_name() {
    let table = [
        ("أعلنت شركة تويوتا أرباحها السنوية.", "تويوتا"),
        ("حصلت شركة سياك على حقوق التصميم.", "سياك"),
    ];
    for (text, name) in table {
        has(text, name, Organization);
    }
    // A word that is also a common noun (`حركة`, motion), a noun with its
    // own proclitic.
    for text in [
        "ومعرفة حركة دوران القمر حول نفسه مهمة.",
        "أسس الناشرون مؤسسة للطبع والنشر.",
    ] {
        has_no(text, Organization);
    }
}

#[test]
fn a_word_written_with_tanween_is_no_name() {
    // `دوماً` (always) is also Douma; `لطيفاً` (kind) also a given name.
    let found = mentions("كان الرجل دوماً لطيفاً مع جيرانه في القرية.");
    assert!(found.is_empty(), "{found:?}");
    // Trimmed off the end of a name the tagger ran on.
    let found = mentions("وصل الوفد إلى باريس مساءً.");
    assert!(found.contains(&("باريس", Location)), "{found:?}");
    assert!(found.iter().all(|(t, _)| !t.contains("مساء")), "{found:?}");
}

#[test]
fn a_common_word_with_the_alef_of_its_tanween_is_no_name() {
    // The indefinite accusative written without its mark: the tagger took
    // `وفدا` for a person, `اتصالا هاتفيا` for one, `وشيكا` for a place
    // (`و` + `شيكا`), and ran a name on into `برنامجا تلفزيونيا`.
    let table = [
        (
            "استقبل الرئيس وفدا رسميا من ماليزيا.",
            &[("ماليزيا", Location)][..],
        ),
        (
            "أجرى وزير الخارجية اتصالا هاتفيا مع نظيره أيمن الصفدي.",
            &[("أيمن الصفدي", Person)][..],
        ),
        (
            "يبدو أن التوصل إلى اتفاق بات وشيكا بعد جولة المفاوضات.",
            &[][..],
        ),
        (
            "قدمت الفنانة سعاد حسني برنامجا تلفزيونيا جديدا.",
            &[("سعاد حسني", Person)][..],
        ),
    ];
    for (text, expected) in table {
        let found = mentions(text);
        assert_eq!(found, expected, "{text}");
    }
    // Names that end in an alef are listed: they stay names.
    let table = [
        (
            "زار الوفد روسيا وأمريكا وكوريا.",
            &[
                ("روسيا", Location),
                ("أمريكا", Location),
                ("كوريا", Location),
            ][..],
        ),
        (
            "وصلت ماريا إلى مدريد.",
            &[("ماريا", Person), ("مدريد", Location)][..],
        ),
    ];
    for (text, expected) in table {
        assert_eq!(mentions(text), expected, "{text}");
    }
}

#[test]
fn an_organization_word_with_a_pronoun_suffix_names_no_organization() {
    // `حزبهم` is "their party", a noun with its possessor, not `حزب` + a name.
    has_no(
        "قال الأعضاء إن حزبهم الجديد سيشارك في الانتخابات.",
        Organization,
    );
    has(
        "قال الأعضاء إن حزب العمال سيشارك في الانتخابات.",
        "حزب العمال",
        Organization,
    );
}

#[test]
fn a_minor_city_spelled_as_a_common_word_needs_a_word_of_place() {
    // `ترك` (left) is also Truk, `حولي` (around me) also Hawalli.
    has_no("ترك الموظف عمله وجلس الناس حولي يتحدثون.", Location);
    // After a word of place, the city; also after a part of a place or a
    // direction (`ريف`, countryside; `شمال`), with a proclitic or not.
    has("وقع الحادث في حولي صباح أمس.", "حولي", Location);
    has("سقط قتلى في ريف إدلب أمس.", "إدلب", Location);
    has("تقدمت القوات شمال إدلب.", "إدلب", Location);
    has("وقع الحادث بريف حولي.", "حولي", Location);
    // A major city is a place on the gazetteer alone (`بكين`, also `ب` +
    // `كين`).
    let beijing = gazetteer::lists().place("بكين").expect("Beijing is listed");
    assert!(beijing.major, "{beijing:?}");
    has("تعاني مدن كبيرة مثل بكين من التلوث.", "بكين", Location);
}

#[test]
fn a_name_more_common_than_its_letters_without_a_clitic_keeps_its_first_letter() {
    // `باراك` is not `ب` + `اراك` ("I see you"): the whole word is the
    // more common one.
    has(
        "قال الرئيس الأمريكي باراك أوباما إن بلاده ستدعم الاتفاق.",
        "باراك أوباما",
        Person,
    );
    // A person's first word that is, whole, a listed given name keeps its
    // first letter though the rest is a common verb (`يصل`, arrives).
    has(
        "وقال وزير الخارجية السعودي فيصل بن فرحان إن المحادثات مستمرة.",
        "فيصل بن فرحان",
        Person,
    );
    // A clitic on a name is still left out (`بموسكو`, `وسوريا`).
    has("التقى الوزير نظيره في موسكو وسوريا أمس.", "سوريا", Location);
}

#[test]
fn a_name_after_a_title_is_a_person_where_the_tagger_left_it() {
    has(
        "قال الرئيس باراك أوباما في كلمته إن الاقتصاد يتعافى.",
        "باراك أوباما",
        Person,
    );
    // A family name written with the article.
    has(
        "وقال النائب مثال الآلوسي إن الحكومة فشلت.",
        "مثال الآلوسي",
        Person,
    );
    // Words after a title that are no name: a verb and its object, a
    // preposition and a number, an office and its field.
    for text in [
        "وقال الرئيس يلقي كلمة في المؤتمر.",
        "قال وزير الخارجية يزور المنطقة غدا.",
        "ارتفع رصيد الفريق إلى سبع نقاط في الدوري.",
        "وكانت تشغل منصب وزيرة شؤون الأسرة في الحكومة.",
        // Words that inflect as Arabic nouns and verbs do (teh marbuta),
        // which no list holds as a name: a verbal noun and its object, a
        // verb and its object after `الفريق` (the team, or a general).
        "وقرر الوزير تشكيل فرق طبية من كبار الأساتذة.",
        "وقال المدرب إن الفريق سيقاطع جلسة اليوم احتجاجا.",
    ] {
        has_no(text, Person);
    }
    // Listed given names may end so.
    has(
        "قال اللواء أسامة عسكر إن القوات انسحبت.",
        "أسامة عسكر",
        Person,
    );
}

#[test]
fn a_common_word_ending_a_compound_given_name_is_no_surname() {
    // `الدين` of `نور الدين` is "religion": `دين` (debt) later is no person.
    let text = "وصل المهندس نور الدين إلى القاهرة أمس.\nوأصدرت الشركة أدوات دين جديدة بقيمة كبيرة.";
    let found = mentions(text);
    assert!(found.contains(&("نور الدين", Person)), "{found:?}");
    assert!(found.iter().all(|(t, _)| *t != "دين"), "{found:?}");
}

#[test]
fn a_rare_word_after_a_word_of_place_is_that_place() {
    has("تتدفق المياه من جبال الألب نحو السهول.", "الألب", Location);
    // A common word, an agreeing adjective or the verb of a relative clause
    // there is a description, also where the tagger took it for a place.
    for text in [
        "تقع القرية في منطقة تشهد توترا أمنيا منذ سنوات.",
        "تقع المدرسة في منطقة مجاورة للسوق.",
        "انتقلت الأسرة إلى مدينة كبيرة بعد الحرب.",
        "تقع القرية في منطقة معزولة.",
        "تضم البلاد جزر مرجانية صغيرة.",
    ] {
        has_no(text, Location);
    }
}

#[test]
fn a_rare_given_name_before_an_unlisted_word_is_a_person() {
    // `ألفريد` is a listed given name and no common word; `سيمونيتي` no
    // word of the frequency list: the tagger found nothing here.
    has(
        "أوضح رجل الاعمال ألفريد سيمونيتي أنه سيزور القاهرة.",
        "ألفريد سيمونيتي",
        Person,
    );
    // A given name that is also a common word, before an inflected word
    // (`أدوار` "roles", Edward; teh marbuta, a pronoun): no person.
    for text in [
        "أدى الممثل أدوار تهريجية في أفلامه الأخيرة.",
        "دخلنا القاعة التي تزين سقوفه نقوش قديمة.",
    ] {
        has_no(text, Person);
    }
}

#[test]
fn an_unlisted_word_after_a_verb_of_saying_is_its_speaker() {
    // `تسفيرا` is in no list and no word of the frequency list; right
    // after `قالت` and before a colon it can only be who spoke.
    has("وقالت تسفيرا: \"لن نتراجع\".", "تسفيرا", Person);
    // The plural and the dual of common nouns speak there too: no person.
    for text in [
        "وقال متمردون إن القوات انسحبت من المدينة.",
        "وقال مسؤولان إن المحادثات ستستمر.",
    ] {
        has_no(text, Person);
    }
}

#[test]
fn a_quoted_title_after_a_word_for_a_work_is_misc() {
    for (text, title) in [
        (
            "وأصدر الكاتب روايته «رحلة إلى الشرق» العام الماضي.",
            "رحلة إلى الشرق",
        ),
        (
            "تقدم القناة ببرنامج جديد بعنوان \"صباح الخير يا وطن\" كل يوم.",
            "صباح الخير يا وطن",
        ),
        (
            "She starred in the film \"The Long Road\" last year.",
            "The Long Road",
        ),
    ] {
        has(text, title, Misc);
    }
    // A quotation after such a word that is too long for a title, and a
    // quoted phrase after any other word: no MISC.
    for text in [
        "نشرت الصحيفة تقريرا بعنوان \"الحكومة تقرر رفع أسعار الوقود في الشهر المقبل\" أمس.",
        "وصف الوزير الاتفاق بأنه \"خطوة كبيرة\" نحو السلام.",
    ] {
        has_no(text, Misc);
    }
    // A mark that closes another pair closes no title.
    let found = mentions("عرضت القناة برنامج «نجوم الغد\" أمس وحضر الجمهور».");
    assert!(!found.contains(&("نجوم الغد", Misc)), "{found:?}");
}

#[test]
fn a_quoted_name_after_an_organization_word_is_that_organization() {
    // Common words (`الحديد والصلب`, iron and steel), and a name that ends
    // in the alef of an accusative: inside the marks they are the name.
    for (text, name) in [
        ("وكشفت شركة \"الحديد والصلب\" عن أرباحها.", "الحديد والصلب"),
        ("ونشرت مجلة «الأفق الجديد» تقريرا مطولا.", "الأفق الجديد"),
        ("ونقلت وكالة «وفا» الخبر.", "وفا"),
    ] {
        has(text, name, Organization);
    }
}

#[test]
fn a_city_that_plays_a_match_is_its_club() {
    // Before a score, and after the other side's guest with the word the
    // tagger left before the city.
    has(
        "وفاز الفريق على زغرب 2 - 1 في الجولة الأخيرة.",
        "زغرب",
        Organization,
    );
    has(
        "وتعادل الفريق مع ضيفه رابيد براغ في المباراة.",
        "رابيد براغ",
        Organization,
    );
    // A word the tagger took for a name of its own right before the city
    // is the club's first word, by a score or by a demonym.
    has(
        "وتعادل الفريق امام بوهيميانز براغ 1 - 1 في الجولة الثانية.",
        "بوهيميانز براغ",
        Organization,
    );
    has(
        "وفاز على مضيفه فاردار براغ التشيكي بهدف.",
        "فاردار براغ",
        Organization,
    );
    // A country's team is named by the country; a city that plays no
    // match is a city.
    has(
        "وفاز المنتخب على الأرجنتين 2 - 1 في النهائي.",
        "الأرجنتين",
        Location,
    );
    has("وزار الوزير زغرب أمس.", "زغرب", Location);
}

#[test]
fn a_club_the_match_shows_is_the_club_wherever_the_document_names_it() {
    // The tagger takes the later mentions for a person, and for a name
    // and a city side by side.
    let text = "وفاز الفريق على ضيفه بوهيميانز براغ 2 - 0 في الجولة الثانية.\n\
                وكاد بوهيميانز براغ يدرك التعادل في الدقائق الأخيرة.\n\
                وسيطر بوهيميانز براغ على الشوط الأول.";
    let found = mentions(text);
    let club = found
        .iter()
        .filter(|&&(name, kind)| name == "بوهيميانز براغ" && kind == Organization)
        .count();
    assert_eq!(club, 3, "{found:?}");
    assert_eq!(found.len(), 3, "{found:?}");
    // A club of one word is also its city's name: the city stays a city.
    let text = "وفاز الفريق على زغرب 2 - 1 في الجولة الأخيرة.\nوعاد اللاعبون إلى زغرب أمس.";
    let found = mentions(text);
    assert!(found.contains(&("زغرب", Location)), "{found:?}");
}

#[test]
fn a_surname_taken_for_a_place_after_a_given_name_is_the_person() {
    has(
        "وقعت أمس سامية أبوتيج وزيرة التعاون الدولي اتفاقا مع الوفد.",
        "سامية أبوتيج",
        Person,
    );
    // A noun a few people are named comes before places (`سلالة`, breed).
    let found = mentions("وتعيش سلالة توركانا قرب البحيرة.");
    assert!(
        found
            .iter()
            .all(|(n, k)| !(n.contains("سلالة") && *k == Person)),
        "{found:?}"
    );
}

#[test]
fn a_name_after_a_word_for_a_stadium_is_the_venue() {
    has(
        "وأقيمت المباراة على استاد «النخيل الذهبي» في المدينة.",
        "النخيل الذهبي",
        Misc,
    );
    // Named after a person, title and all.
    has(
        "وتقام المباراة على ملعب سلطان بن فهد مساء الجمعة.",
        "سلطان بن فهد",
        Misc,
    );
    has(
        "وتقام المباراة على استاد الشيخ زايد مساء الجمعة.",
        "الشيخ زايد",
        Misc,
    );
    // On the pitch, a person.
    has(
        "ونزل إلى الملعب سلطان بن فهد مساء الجمعة.",
        "سلطان بن فهد",
        Person,
    );
}

#[test]
fn a_plural_participle_after_a_long_name_is_no_part_of_it() {
    // `مبتهلون` (praying) describes those around the sheikh; `مارتين` is a
    // listed name and stays.
    has(
        "وأدى الصلاة الشيخ سلطان بن زايد آل نهيان مبتهلون إلى الله أن يحفظ البلاد.",
        "سلطان بن زايد آل نهيان",
        Person,
    );
    has("والتقى المدرب جون مارتين اللاعبين.", "جون مارتين", Person);
}

#[test]
fn a_definite_institution_with_its_adjectives_and_purpose_is_one_organization() {
    let cases: [(&str, &str); 3] = [
        (
            "وقال المجلس الأعلى للقوات المسلحة إن الانتخابات ستجري.",
            "المجلس الأعلى للقوات المسلحة",
        ),
        (
            "وعقد المجلس الوطني السوري اجتماعا في إسطنبول.",
            "المجلس الوطني السوري",
        ),
        (
            "وقال المركز الوطني للأرصاد إن الأمطار ستستمر.",
            "المركز الوطني للأرصاد",
        ),
    ];
    for (text, name) in cases {
        has(text, name, Organization);
    }
    // A demonym alone describes the institution; an ordinal is no
    // adjective of one; `ل` without the article is what it does.
    for text in [
        "وانتشر الجيش اللبناني في الجنوب.",
        "فاز الفريق ضمن المجموعة الثانية للتصفيات.",
        "كان ذلك مصدر إلهام البنك التجاري لتحقيق النجاح.",
    ] {
        assert!(
            mentions(text)
                .iter()
                .all(|(span, kind)| *kind != Organization || span.split(' ').count() < 3),
            "{text}: {:?}",
            mentions(text)
        );
    }
}

#[test]
fn the_first_words_of_an_organization_named_in_full_are_that_organization() {
    let full = "أعلن البنك التجاري القطري أرباحه السنوية.";
    has(
        &format!("{full} وقال البنك التجاري إن النمو مستمر."),
        "البنك التجاري",
        Organization,
    );
    // Not where a definite word goes on (another name), nor without the
    // full name.
    for text in [
        format!("{full} وقال البنك التجاري الدولي إن النمو مستمر."),
        format!("{full} وأقر البنك التجاري والاستثماري خطة النمو."),
        "وقال البنك التجاري إن النمو مستمر.".to_string(),
    ] {
        let found = mentions(&text);
        assert!(
            !found.contains(&("البنك التجاري", Organization)),
            "{text}: {found:?}"
        );
    }
}
