//! Data collection rules (framework pillar 4): what a form asks about people
//! and how (its fields), and how figures about LGBTQ+ people are reported
//! (section text).
//!
//! One file per rule: `data-bare-other` is `bare_other.rs`. What several rules
//! share is in `fields.rs` (reading a question), `figures.rs` (counts and
//! group words in text) and `caseless.rs` (finding words in any ASCII case).

mod bare_other;
mod caseless;
mod fields;
mod figures;
mod figures_by_gender;
mod gender_two_options;
mod lgbtq_aggregated;
mod marital_civil_partnership;
mod next_of_kin_family_only;
mod orientation_age;
mod prefer_not_to_say;
mod purpose_stated;
mod sex_gender_conflated;
mod sexual_orientation_missing;
mod small_numbers;
mod title_without_mx;
mod trans_status_mixed;

pub(crate) use bare_other::DataBareOther;
pub(crate) use figures_by_gender::DataFiguresByGender;
pub(crate) use gender_two_options::DataGenderTwoOptions;
pub(crate) use lgbtq_aggregated::DataLgbtqAggregated;
pub(crate) use marital_civil_partnership::DataMaritalCivilPartnership;
pub(crate) use next_of_kin_family_only::DataNextOfKinFamilyOnly;
pub(crate) use orientation_age::DataOrientationAge;
pub(crate) use prefer_not_to_say::DataPreferNotToSay;
pub(crate) use purpose_stated::DataPurposeStated;
pub(crate) use sex_gender_conflated::DataSexGenderConflated;
pub(crate) use sexual_orientation_missing::DataSexualOrientationMissing;
pub(crate) use small_numbers::DataSmallNumbers;
pub(crate) use title_without_mx::DataTitleWithoutMx;
pub(crate) use trans_status_mixed::DataTransStatusMixed;
// The group words and the lists the shared read of a section's text finds.
pub(super) use figures::{GroupWord, PER_CENT, SEPARATE, UMBRELLA};
pub(super) use figures_by_gender::GENDER;
pub(super) use small_numbers::{ABOUT_COUNTS, CountWord, NUMBER_WORDS};
