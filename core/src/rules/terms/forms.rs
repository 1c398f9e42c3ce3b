//! Every term rule, tried on the forms real text takes: a capital at the
//! start of a sentence, a possessive, a plural, and a line break inside a
//! phrase.

use crate::engine::Engine;
use crate::model::{Draft, PackOptions, RulePack};

/// An engine with every built-in rule on, the opt-in ones included.
fn engine() -> Engine {
    let pack = RulePack {
        name: "all".into(),
        version: "1".into(),
        extends_builtin: true,
        disable: Vec::new(),
        severity: Default::default(),
        options: PackOptions {
            additive_perinatal_wording: true,
            ..PackOptions::default()
        },
        term_rules: Vec::new(),
    };
    Engine::from_pack(&pack).expect("the built-in pack compiles")
}

/// Whether `rule` reports on `text`, on its own or folded into a stronger finding.
fn fires(engine: &Engine, rule: &str, text: &str) -> bool {
    let report = engine.check(&Draft::from_text("t", text).unwrap());
    report
        .violations
        .iter()
        .chain(&report.needs_review)
        .any(|f| f.rule == rule || f.also_matched.iter().any(|r| r == rule))
}

/// (rule, capital at the start, possessive, plural); an empty string where
/// the form does not exist for the rule's phrases.
const FORMS: [(&str, &str, &str, &str); 29] = [
    (
        "term-trans-outdated",
        "Transgendered staff may ask for a new badge.",
        "The transvestite's support group meets weekly.",
        "Transvestites can get advice from the clinic.",
    ),
    (
        "term-trans-slurs",
        "Tranny was shouted at a patient in the car park.",
        "A visitor complained about a shemale's use of the toilet.",
        "Someone wrote that the ward was full of trannies.",
    ),
    (
        "term-slurs",
        "Paki was written on the door of the shop.",
        "The poofter's joke was reported by a colleague.",
        "Graffiti calling staff poofters was found.",
    ),
    (
        "term-slur-quoted",
        "\"Tranny\" is an example of transphobic abuse.",
        "",
        "Words such as \"trannies\" are examples of abuse.",
    ),
    (
        "term-transsexual",
        "Transsexual patients were referred to the clinic.",
        "A transsexual's records were moved.",
        "Transsexuals were described in the old guidance.",
    ),
    (
        "term-intersex-outdated",
        "Hermaphrodite babies were once operated on early.",
        "A hermaphrodite's care was poorly recorded.",
        "Hermaphrodites were described in older textbooks.",
    ),
    (
        "term-gender-identity-disorder",
        "Gender identity disorder was recorded in the notes.",
        "",
        "Gender identity disorders were listed in the old manual.",
    ),
    (
        "term-sex-at-birth-wording",
        "Born male, she still needs prostate checks.",
        "",
        "",
    ),
    (
        "term-trans-surgery-status",
        "Post-op trans women are invited for screening.",
        "A pre-op trans woman's ward is agreed in advance.",
        "Pre-op trans men can ask for a side room.",
    ),
    (
        "term-sexual-orientation-outdated",
        "Sexual preference is not asked.",
        "Homosexuals' access to care was reviewed.",
        "Sexual preferences are not recorded.",
    ),
    (
        "term-preferred-pronouns",
        "Preferred pronouns are recorded on the front sheet.",
        "",
        "Record the patient's preferred pronoun.",
    ),
    (
        "term-binary-pronouns",
        "He or she must tell the manager.",
        "His or her manager signs the form.",
        "",
    ),
    (
        "term-binary-sexes",
        "Both sexes are invited to the health check.",
        "",
        "",
    ),
    (
        "term-gendered-greetings",
        "Ladies and gentlemen, the meeting will start at ten.",
        "",
        "",
    ),
    (
        "term-gendered-roles",
        "Chairman to open the meeting.",
        "The chairman's report is presented first.",
        "Chairmen of the committees meet monthly.",
    ),
    (
        "term-relationship-assumptions",
        "Husband or wife details go on page two.",
        "Give your husband or wife's name.",
        "Husbands or wives may attend.",
    ),
    (
        "term-family-assumptions",
        "Mother and father must both sign.",
        "The mother or father's consent is needed.",
        "Mothers and fathers can attend.",
    ),
    (
        "term-perinatal-additive",
        "Mothers are offered a home visit.",
        "The midwife checks the mother's blood pressure.",
        "Fathers are welcome at every class.",
    ),
    (
        "term-disability-language",
        "Wheelchair-bound visitors use the lift.",
        "Diabetics' foot checks are yearly.",
        "Schizophrenics were once held there.",
    ),
    (
        "term-disability-offensive",
        "Cripples were once kept out of the building.",
        "A midget's role in the show was criticised.",
        "Retards was written on the sign.",
    ),
    (
        "term-mental-health-language",
        "Mentally ill patients are seen first.",
        "A mental patient's record is confidential.",
        "Mental patients were moved to the new unit.",
    ),
    (
        "term-age-language",
        "Elderly patients are offered a lift.",
        "A senior citizen's bus pass is accepted.",
        "Senior citizens get free parking.",
    ),
    (
        "term-suicide-language",
        "Committed suicide is not a phrase we use.",
        "A suicide victim's family was supported.",
        "Suicide victims are remembered each year.",
    ),
    (
        "term-homelessness-language",
        "Homeless people can register without an address.",
        "A homeless person's post can be held here.",
        "",
    ),
    (
        "term-ethnicity-collective",
        "BAME staff are under-represented.",
        "BAME staff's experience was worse.",
        "",
    ),
    (
        "term-single-sex-services",
        "Single-sex wards are used where possible.",
        "The single-sex ward's layout was changed.",
        "Single-sex bays are used where possible.",
    ),
    (
        "term-gendered-roles",
        "Manpower planning starts in March.",
        "",
        "Policemen and firemen attend the drill.",
    ),
    (
        "term-sexual-orientation-outdated",
        "Homosexual couples may adopt.",
        "",
        "Homosexual relationships are not a barrier.",
    ),
    (
        "term-trans-outdated",
        "Sex change surgery is commissioned nationally.",
        "",
        "Sex changes were described in the old policy.",
    ),
];

/// (rule, a phrase broken across two lines): phrases of two or more words.
const LINE_BREAKS: [(&str, &str); 22] = [
    (
        "term-trans-outdated",
        "Waiting times for sex\nchange surgery are long.",
    ),
    ("term-slurs", "He was called a batty\nboy at school."),
    (
        "term-gender-identity-disorder",
        "The notes say gender identity\ndisorder.",
    ),
    (
        "term-sex-at-birth-wording",
        "She was born\nmale, the notes say.",
    ),
    (
        "term-trans-surgery-status",
        "Post-op trans\nwomen are invited.",
    ),
    (
        "term-sexual-orientation-outdated",
        "Sexual\npreference is not asked.",
    ),
    (
        "term-preferred-pronouns",
        "Ask for preferred\npronouns at booking.",
    ),
    (
        "term-binary-pronouns",
        "If the employee is unwell, he or\nshe must call.",
    ),
    ("term-binary-sexes", "Open to both\nsexes."),
    ("term-gendered-greetings", "Dear Sir\nor Madam, thank you."),
    ("term-gendered-roles", "Manning\nlevels are reviewed."),
    (
        "term-relationship-assumptions",
        "Give your husband or\nwife's name.",
    ),
    ("term-family-assumptions", "Mother and\nfather must sign."),
    (
        "term-perinatal-additive",
        "Pregnant\nwomen are offered the vaccine.",
    ),
    (
        "term-disability-language",
        "She is confined to a\nwheelchair.",
    ),
    (
        "term-disability-offensive",
        "They were called mentally\nretarded.",
    ),
    (
        "term-mental-health-language",
        "Services for the mentally\nill are changing.",
    ),
    ("term-age-language", "Old age\npensioners get free parking."),
    ("term-suicide-language", "He committed\nsuicide in 2020."),
    (
        "term-homelessness-language",
        "Homeless\npeople can register here.",
    ),
    (
        "term-ethnicity-collective",
        "Black and minority\nethnic staff are under-represented.",
    ),
    (
        "term-single-sex-services",
        "Patients are cared for on single-sex\nwards.",
    ),
];

#[test]
fn every_term_rule_is_tried_on_every_form() {
    let engine = engine();
    let ids: Vec<&str> = FORMS.iter().map(|(id, ..)| *id).collect();
    for meta in engine
        .rules()
        .iter()
        .filter(|m| m.kind == crate::rules::RuleKind::Term)
    {
        assert!(
            ids.contains(&meta.id.as_str()),
            "{} has no forms to try",
            meta.id
        );
    }
}

#[test]
fn capitals_possessives_and_plurals_are_found() {
    let engine = engine();
    let mut failed = Vec::new();
    for (rule, capital, possessive, plural) in FORMS {
        for (form, text) in [
            ("capital", capital),
            ("possessive", possessive),
            ("plural", plural),
        ] {
            if !text.is_empty() && !fires(&engine, rule, text) {
                failed.push(format!("{rule} ({form}): {text}"));
            }
        }
    }
    assert!(failed.is_empty(), "not found:\n{}", failed.join("\n"));
}

#[test]
fn a_line_break_inside_a_phrase_is_still_the_phrase() {
    let engine = engine();
    let failed: Vec<&str> = LINE_BREAKS
        .iter()
        .filter(|(rule, text)| !fires(&engine, rule, text))
        .map(|(rule, _)| *rule)
        .collect();
    assert!(
        failed.is_empty(),
        "not found across a line break: {failed:?}"
    );
}

#[test]
fn black_and_minority_ethnic_is_never_rewritten_without_black() {
    let engine = engine();
    for text in [
        "Black and minority ethnic staff are under-represented.",
        "Black, Asian and minority ethnic staff are under-represented.",
    ] {
        let report = engine.check(&Draft::from_text("t", text).unwrap());
        let finding = &report
            .needs_review
            .iter()
            .chain(&report.violations)
            .next()
            .expect("a finding");
        assert!(
            finding
                .suggestions
                .iter()
                .all(|s| s.contains("Black") || s.contains("name the")),
            "{text}: {:?}",
            finding.suggestions
        );
    }
}
