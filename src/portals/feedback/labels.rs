//! Feedback's enums and rules as people read them.

use crate::i18n::labels::role_key;
use crate::i18n::{fill, text, Key};
use domain::common::{FieldError, Rule};
use domain::feedback::idea::IdeaStatus;
use domain::feedback::thread::{Author, Recipient, Topic};
use domain::Lang;

pub fn topic_key(topic: Topic) -> Key {
    match topic {
        Topic::Workplace => Key::FeedbackTopicWorkplace,
        Topic::Safety => Key::FeedbackTopicSafety,
        Topic::Management => Key::FeedbackTopicManagement,
        Topic::PayAndBenefits => Key::FeedbackTopicPayAndBenefits,
        Topic::Other => Key::FeedbackTopicOther,
    }
}

/// Who a conversation is with, as the member reads it.
pub fn recipient_key(recipient: Recipient) -> Key {
    match recipient {
        Recipient::Hr => Key::FeedbackRecipientHr,
        Recipient::Department(_) => Key::FeedbackRecipientDepartment,
    }
}

pub fn status_key(status: &IdeaStatus) -> Key {
    match status {
        IdeaStatus::New => Key::FeedbackStatusNew,
        IdeaStatus::UnderReview => Key::FeedbackStatusUnderReview,
        IdeaStatus::Planned => Key::FeedbackStatusPlanned,
        IdeaStatus::Done => Key::FeedbackStatusDone,
        IdeaStatus::Declined(_) => Key::FeedbackStatusDeclined,
    }
}

/// The CSS classes of an idea's status badge.
pub fn status_class(status: &IdeaStatus) -> &'static str {
    match status {
        IdeaStatus::New => "badge",
        IdeaStatus::UnderReview => "badge badge-placed",
        IdeaStatus::Planned => "badge badge-ready",
        IdeaStatus::Done => "badge badge-done",
        IdeaStatus::Declined(_) => "badge badge-cancelled",
    }
}

/// Who wrote a message: "You", or "Trần Thị Lan (Nhân sự)".
pub fn author(author: &Author, lang: Lang) -> String {
    match author {
        Author::Member => text(Key::FeedbackYou, lang).to_owned(),
        Author::Responder { name, role } => fill(Key::FeedbackResponder, lang, &[("name", name), ("role", text(role_key(*role), lang))]),
    }
}

/// Feedback's rules as sentences in `lang` (registered with the shell's
/// `rule_message` when the module loads).
pub fn rule_message(error: &FieldError, lang: Lang) -> Option<String> {
    let key = match error.rule? {
        Rule::AnswerKind => Key::FeedbackRuleAnswerKind,
        Rule::SurveyClosed => Key::FeedbackRuleSurveyClosed,
        Rule::NotInAudience => Key::FeedbackRuleNotInAudience,
        Rule::AlreadyIssued => Key::FeedbackRuleAlreadyIssued,
        Rule::TokenSpent => Key::FeedbackRuleTokenSpent,
        Rule::TokenInvalid => Key::FeedbackRuleTokenInvalid,
        Rule::MessageAllowance => Key::FeedbackRuleMessageAllowance,
        Rule::EndsBeforeStart => Key::FeedbackRuleClosesBeforeOpens,
        _ => return None,
    };
    Some(fill(key, lang, &[("limit", &error.limit.unwrap_or_default().to_string())]))
}
