//! `data-lgbtq-aggregated`: LGBTQ+ figures are broken down by group (framework 4.3).

use crate::model::{PackOptions, Severity};
use crate::rules::data::figures::{has_figure, may_hold_figure, sentences_naming};
use crate::rules::{
    Family, RuleMeta, SectionScan, SectionText, SectionTextRule, StaticMeta, sources,
};

pub(crate) struct DataLgbtqAggregated;

impl SectionTextRule for DataLgbtqAggregated {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-lgbtq-aggregated",
            name: "LGBTQ+ figures reported as one group",
            family: Family::DataCollection,
            severity: Severity::Info,
            advisory: true,
            elements: &["4.3"],
            tags: &["data", "reporting"],
            rationale: "The framework warns against aggregating LGBTQ+ data: lesbian, gay, bisexual, trans and queer people's experiences differ, and one topline figure can hide a failing for one group. Report each separately where numbers allow, suppressing counts small enough to identify people.",
            source: sources::FRAMEWORK,
            fires: &[r#"{"title":"Survey results","kind":"action_plan","sections":[{"id":"r","text":"Overall, 64% of LGBTQ+ respondents rated the service as good."}]}"#],
            passes: &[
                r#"{"title":"Survey results","kind":"action_plan","sections":[{"id":"r","text":"64% of LGBTQ+ respondents rated the service as good: 71% of gay and lesbian respondents, 58% of bisexual respondents and 41% of trans respondents."}]}"#,
                r#"{"title":"Network","kind":"workforce_policy","sections":[{"id":"r","text":"The LGBTQ+ staff network meets 12 times a year."}]}"#,
            ],
        }
        .to_meta()
    }

    fn scan(&self, read: &SectionText<'_>, _: &PackOptions) -> SectionScan {
        let (text, groups) = (read.text, read.group_words());
        let mut scan = SectionScan::default();
        // A finding is a figure in a sentence naming LGBTQ+ people as one
        // group: most sections have no figure, or no such word.
        if !groups.iter().any(|g| g.umbrella) || !may_hold_figure(read) {
            return scan;
        }
        let mut paragraph_start = 0;
        for paragraph in text.split("\n\n") {
            let here = paragraph_start;
            paragraph_start += paragraph.len() + 2;
            // The group words are in order: those of this paragraph are a run.
            let end = here + paragraph.len();
            let words = &groups[groups.partition_point(|g| g.start < here)
                ..groups.partition_point(|g| g.start < end)];
            if !words.iter().any(|g| g.umbrella) {
                continue;
            }
            let naming = || sentences_naming(paragraph, here, words);
            // A figure is broken down when its paragraph also gives a figure
            // for a named group.
            let broken_down = naming().any(|(_, sentence, words)| {
                words.iter().any(|g| !g.umbrella) && has_figure(sentence)
            });
            for (_, sentence, words) in naming() {
                let Some(first) = words.iter().find(|g| g.umbrella) else {
                    continue;
                };
                if !has_figure(sentence) {
                    continue;
                }
                scan.relevant = true;
                if !broken_down {
                    scan.findings.push((
                        first.start,
                        first.end,
                        "This figure counts LGBTQ+ people as one group. Where numbers allow, report lesbian, gay, bisexual, trans and queer people separately.".into(),
                    ));
                }
            }
        }
        scan
    }

    fn not_applicable(&self) -> &'static str {
        "the draft reports no LGBTQ+ figures"
    }

    fn pass_reason(&self, _: &PackOptions) -> String {
        "LGBTQ+ figures are broken down by group".into()
    }

    fn evidences(&self) -> &'static [&'static str] {
        // LGBTQ+ figures broken down by group are L, G, B, T and Q data
        // reviewed separately (4.3); it passes only when such figures appear.
        &["4.3"]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{scan, section_examples_behave};

    #[test]
    fn its_examples_behave_as_stated() {
        section_examples_behave(&DataLgbtqAggregated);
    }
    fn report(text: &str) -> String {
        format!(
            r#"{{"title":"Report","kind":"action_plan","sections":[{{"id":"data","text":"{text}"}}]}}"#
        )
    }

    #[test]
    fn the_finding_is_on_the_umbrella_word() {
        let found = scan(
            &DataLgbtqAggregated,
            &report("64% of LGBTQ+ respondents were satisfied."),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "LGBTQ+");
    }

    #[test]
    fn a_breakdown_in_another_paragraph_does_not_count() {
        let text = "64% of LGBTQ+ respondents were satisfied.\\n\\n41% of trans respondents were.";
        assert_eq!(scan(&DataLgbtqAggregated, &report(text)).len(), 1);
        let text = "64% of LGBTQ+ respondents were satisfied. 41% of trans respondents were.";
        assert!(scan(&DataLgbtqAggregated, &report(text)).is_empty());
    }
}
