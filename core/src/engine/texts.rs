//! The texts of a draft that term rules read, each named by what it is, so a
//! session or a section rule finds "section 3's text" by name, not by position.

use crate::model::Draft;

/// What a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TextKind {
    Title,
    SectionHeading(usize),
    SectionText(usize),
    FieldLabel(usize),
    FieldOption(usize, usize),
    /// A free-text answer in the equality impact assessment.
    Assessment,
}

impl TextKind {
    /// The index of the section this text belongs to, if any.
    pub fn section(self) -> Option<usize> {
        match self {
            TextKind::SectionHeading(i) | TextKind::SectionText(i) => Some(i),
            _ => None,
        }
    }
}

/// A piece of the draft's text that term rules read.
#[derive(Debug)]
pub(crate) struct TextRef<'d> {
    pub kind: TextKind,
    /// JSON Pointer to the text in the draft.
    pub path: String,
    /// The id of the section the text belongs to, if any.
    pub section: Option<&'d str>,
    pub text: &'d str,
    /// Whether advisory wording rules read this text. Not in the assessment,
    /// which mostly quotes the wording it is about, nor in a form's short
    /// options, where the structural data rules speak more precisely.
    pub advisory: bool,
}

/// The texts term rules read, in document order.
pub(crate) fn texts_of(draft: &Draft) -> Vec<TextRef<'_>> {
    let mut texts = vec![TextRef {
        kind: TextKind::Title,
        path: "/title".into(),
        section: None,
        text: &draft.title,
        advisory: true,
    }];
    for (i, section) in draft.sections.iter().enumerate() {
        texts.push(TextRef {
            kind: TextKind::SectionHeading(i),
            path: format!("/sections/{i}/heading"),
            section: Some(&section.id),
            text: &section.heading,
            advisory: true,
        });
        texts.push(TextRef {
            kind: TextKind::SectionText(i),
            path: format!("/sections/{i}/text"),
            section: Some(&section.id),
            text: &section.text,
            advisory: true,
        });
    }
    for (i, field) in draft.fields.iter().enumerate() {
        texts.push(TextRef {
            kind: TextKind::FieldLabel(i),
            path: format!("/fields/{i}/label"),
            section: None,
            text: &field.label,
            advisory: true,
        });
        for (j, option) in field.options.iter().enumerate() {
            texts.push(TextRef {
                kind: TextKind::FieldOption(i, j),
                path: format!("/fields/{i}/options/{j}"),
                section: None,
                text: option,
                advisory: false,
            });
        }
    }
    // The assessment is published with the draft, so its words are read too.
    if let Some(eia) = &draft.eia {
        let mut answers: Vec<(String, Option<&String>)> = Vec::new();
        for (i, g) in eia.groups.iter().enumerate() {
            answers.push((format!("/eia/groups/{i}/evidence"), g.evidence.as_ref()));
            answers.push((format!("/eia/groups/{i}/mitigation"), g.mitigation.as_ref()));
        }
        for (i, e) in eia.engagement.iter().enumerate() {
            answers.push((format!("/eia/engagement/{i}/summary"), e.summary.as_ref()));
        }
        for (i, a) in eia.actions.iter().enumerate() {
            answers.push((
                format!("/eia/actions/{i}/description"),
                Some(&a.description),
            ));
            answers.push((format!("/eia/actions/{i}/measure"), a.measure.as_ref()));
        }
        let aims = &eia.aims;
        answers.push((
            "/eia/aims/eliminate_discrimination".into(),
            aims.eliminate_discrimination.as_ref(),
        ));
        answers.push((
            "/eia/aims/advance_equality".into(),
            aims.advance_equality.as_ref(),
        ));
        answers.push((
            "/eia/aims/foster_good_relations".into(),
            aims.foster_good_relations.as_ref(),
        ));
        texts.extend(answers.into_iter().filter_map(|(path, text)| {
            text.map(|text| TextRef {
                kind: TextKind::Assessment,
                path,
                section: None,
                text,
                advisory: false,
            })
        }));
    }
    texts
}
