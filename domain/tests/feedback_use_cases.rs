//! Anonymous feedback, as the members and HR of the demo company meet it:
//! tokens only for those a survey is for, once; answers filed under a
//! group that is never one person; conversations that reach a small
//! department's people only through HR; replies under a name; ideas,
//! votes and statuses. What is stored is checked for anything that names
//! the sender.

mod common;

use common::*;
use domain::audience::{Audience, Condition};
use domain::common::{Rule, Violation};
use domain::feedback::anonymous::ThreadKey;
use domain::feedback::idea::{IdeaDraft, IdeaStatus};
use domain::feedback::profile::{reported_profile, ReportedProfile, TenureBand};
use domain::feedback::settings::FeedbackSettings;
use domain::feedback::survey::{Answer, Question, QuestionKind, Survey, SurveyDraft, SurveyId};
use domain::feedback::thread::{Author, Recipient, Topic};
use domain::feedback::token::{Scope, Token, TokenRequest};
use domain::feedback::use_cases::{self as uc, FeedbackError, FeedbackFacts, Issuance, MasterKey, NewThread, Signer};
use domain::member::{DepartmentId, EmploymentType, LocalizedText, Role};
use domain::seed::demo_company;
use domain::{Company, Date, Member};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

const MASTER: MasterKey = MasterKey([7; 32]);
const SALES: DepartmentId = DepartmentId(1);
const BOARD: DepartmentId = DepartmentId(8);

fn today() -> Date {
    now().date()
}

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(17)
}

fn text(t: &str) -> LocalizedText {
    LocalizedText::new(t, t)
}

fn pulse(id: u32, audience: Audience) -> Survey {
    Survey {
        id: SurveyId(id),
        draft: SurveyDraft {
            title: text("Pulse"),
            questions: vec![
                Question { text: text("I feel safe raising a problem"), kind: QuestionKind::Agreement },
                Question { text: text("Would you recommend us?"), kind: QuestionKind::Enps },
                Question { text: text("Best day"), kind: QuestionKind::Choice { options: vec![text("Mon"), text("Fri")] } },
                Question { text: text("Anything else?"), kind: QuestionKind::Text },
            ],
            audience,
            opens: today().plus_days(-3),
            closes: today().plus_days(7),
            min_responses: 5,
            min_comment_responses: 5,
            series: None,
        },
    }
}

struct World {
    company: Company,
    settings: FeedbackSettings,
    surveys: Vec<Survey>,
}

impl World {
    fn new() -> World {
        World { company: demo_company(), settings: FeedbackSettings::default(), surveys: vec![pulse(1, Audience::everyone()), pulse(2, Audience::everyone())] }
    }

    fn facts(&self) -> FeedbackFacts<'_> {
        FeedbackFacts { company: &self.company, settings: &self.settings, surveys: &self.surveys, ideas: &[] }
    }

    fn member(&self, local: &str) -> &Member {
        person(&self.company, local)
    }
}

/// What a member's browser does: asks, checks the proof against the
/// published key, and keeps the token.
fn token_for(world: &World, member: &Member, scope: Scope, issued: &mut Vec<Issuance>) -> Result<Token, FeedbackError> {
    let mut rng = rng();
    let (pending, request) = TokenRequest::new(scope.clone(), &mut rng);
    let (answer, record) = uc::issue_token(&world.facts(), &MASTER, member, &request, issued, today(), &mut rng)?;
    issued.extend(record);
    Ok(pending.finalize(&answer, &MASTER.scope_key(&scope).public_key()).expect("the published key proves the answer"))
}

fn survey_scope(world: &World, survey: u32, member: &Member) -> Scope {
    uc::survey_scope(&world.facts(), &world.surveys[survey as usize - 1], member, today())
}

fn answers() -> Vec<Answer> {
    vec![Answer::Score(4), Answer::Score(9), Answer::Choice(1), Answer::Text("  More shade in the yard  ".into())]
}

#[test]
fn lan_answers_a_pulse_once_and_her_answer_carries_her_group_not_her() {
    let world = World::new();
    let lan = world.member("lan.tran");
    let mut issued = Vec::new();
    let token = token_for(&world, lan, survey_scope(&world, 1, lan), &mut issued).unwrap();
    assert_eq!(issued.len(), 1);
    assert_eq!((issued[0].member, issued[0].day), (lan.id, today()), "the backend knows she got a token, dated by day");

    let (response, mark) = uc::answer_survey(&world.facts(), &MASTER, SurveyId(1), &token, &answers(), today(), &mut rng()).unwrap();
    assert_eq!(response.answers[3], Answer::Text("More shade in the yard".into()));
    assert_eq!(response.profile.department, Some(SALES));
    assert_eq!(mark.as_str().len(), 64);
    let stored = serde_json::to_string(&response).unwrap();
    for trace in [lan.email.as_str(), lan.full_name.as_str(), &format!("\"member\":{}", lan.id.0)] {
        assert!(!stored.contains(trace), "{trace} in {stored}");
    }
    assert!(!stored.contains("T10:") && !stored.contains(":00"), "a day, never a time: {stored}");

    let second = TokenRequest::new(survey_scope(&world, 1, lan), &mut ChaCha20Rng::seed_from_u64(99)).1;
    let again = uc::issue_token(&world.facts(), &MASTER, lan, &second, &issued, today(), &mut rng());
    assert_eq!(again.unwrap_err(), FeedbackError::Conflict(Violation::new("scope", Rule::AlreadyIssued, None)));
}

#[test]
fn asking_again_with_the_same_request_after_a_lost_answer_gets_the_answer_again_and_no_second_token() {
    let world = World::new();
    let lan = world.member("lan.tran");
    let (_, request) = TokenRequest::new(survey_scope(&world, 1, lan), &mut rng());
    let (first, record) = uc::issue_token(&world.facts(), &MASTER, lan, &request, &[], today(), &mut rng()).unwrap();
    let issued = vec![record.unwrap()];
    let (second, record) = uc::issue_token(&world.facts(), &MASTER, lan, &request, &issued, today(), &mut rng()).unwrap();
    assert_eq!(record, None);
    assert_eq!(first.evaluated, second.evaluated);
}

#[test]
fn a_token_for_survey_1_does_not_answer_survey_2() {
    let world = World::new();
    let lan = world.member("lan.tran");
    let token = token_for(&world, lan, survey_scope(&world, 1, lan), &mut Vec::new()).unwrap();
    let refused = uc::answer_survey(&world.facts(), &MASTER, SurveyId(2), &token, &answers(), today(), &mut rng());
    assert_eq!(refused.unwrap_err(), Violation::new("token.scope", Rule::TokenInvalid, None).into());
}

#[test]
fn a_member_outside_the_audience_gets_no_token() {
    let mut world = World::new();
    world.surveys[0].draft.audience = Audience::everyone().and(Condition::SiteIn(vec![domain::SiteId(BINH_DUONG)]));
    let lan = world.member("lan.tran");
    let scope = Scope::Survey { survey: 1, group: ReportedProfile::default().code() };
    let refused = token_for(&world, lan, scope, &mut Vec::new());
    assert_eq!(refused.unwrap_err(), Violation::new("scope", Rule::NotInAudience, None).into());
}

#[test]
fn a_closed_survey_gives_no_token_and_takes_no_answer() {
    let mut world = World::new();
    let lan = world.member("lan.tran").clone();
    let token = token_for(&world, &lan, survey_scope(&world, 1, &lan), &mut Vec::new()).unwrap();
    world.surveys[0].draft.closes = today().plus_days(-1);
    let late = uc::answer_survey(&world.facts(), &MASTER, SurveyId(1), &token, &answers(), today(), &mut rng());
    assert_eq!(late.unwrap_err(), Violation::new("survey", Rule::SurveyClosed, None).into());
    let scope = survey_scope(&world, 1, &lan);
    assert_eq!(token_for(&world, &lan, scope, &mut Vec::new()).unwrap_err(), Violation::new("scope", Rule::SurveyClosed, None).into());
}

#[test]
fn a_member_who_moves_department_during_a_survey_still_answers_it_once() {
    let mut world = World::new();
    let lan = world.member("lan.tran").clone();
    let mut issued = Vec::new();
    let before = survey_scope(&world, 1, &lan);
    token_for(&world, &lan, before.clone(), &mut issued).unwrap();

    let moved = world.company.members.iter_mut().find(|m| m.id == lan.id).unwrap();
    moved.department_id = DepartmentId(2);
    let lan = moved.clone();
    let after = survey_scope(&world, 1, &lan);
    assert_ne!(after, before, "her answers would now be filed under her new department");
    let (_, request) = TokenRequest::new(after, &mut ChaCha20Rng::seed_from_u64(99));
    let again = uc::issue_token(&world.facts(), &MASTER, &lan, &request, &issued, today(), &mut rng());
    assert_eq!(again.unwrap_err(), FeedbackError::Conflict(Violation::new("scope", Rule::AlreadyIssued, None)));
    assert!(uc::home(&world.facts(), &lan, &issued, today()).open_surveys.iter().find(|s| s.survey.id == SurveyId(1)).unwrap().token_issued);
    assert!(token_for(&world, &lan, survey_scope(&world, 2, &lan), &mut issued).is_ok(), "another survey is another matter");
}

#[test]
fn a_token_asked_under_another_group_than_ones_own_is_refused() {
    let world = World::new();
    let lan = world.member("lan.tran");
    let posing = Scope::Survey { survey: 1, group: ReportedProfile { department: Some(DepartmentId(2)), ..Default::default() }.code() };
    assert_eq!(token_for(&world, lan, posing, &mut Vec::new()).unwrap_err(), Violation::new("scope", Rule::TokenInvalid, None).into());
}

#[test]
fn answers_of_the_wrong_kind_or_out_of_range_are_refused_at_their_question() {
    let world = World::new();
    let lan = world.member("lan.tran");
    let token = token_for(&world, lan, survey_scope(&world, 1, lan), &mut Vec::new()).unwrap();
    let wrong = vec![Answer::Score(6), Answer::Score(11), Answer::Score(1), Answer::Skipped];
    let refused = uc::answer_survey(&world.facts(), &MASTER, SurveyId(1), &token, &wrong, today(), &mut rng());
    assert_eq!(
        refused.unwrap_err(),
        FeedbackError::Rejected(vec![
            Violation::out_of_range("answers[0]", 1, 5),
            Violation::out_of_range("answers[1]", 0, 10),
            Violation::new("answers[2]", Rule::AnswerKind, None),
        ])
    );
}

#[test]
fn a_group_that_would_single_someone_out_is_widened_until_k_members_share_it() {
    let world = World::new();
    let everyone: Vec<&Member> = world.company.members.iter().collect();
    let today = today();
    // Tuấn is the only seasonal worker of Production at Bình Dương hired
    // under a year ago with… no: Hạnh, Phúc and he are; three is under five.
    let tuan = world.member("tuan.pham");
    let group = reported_profile(tuan, &everyone, 5, today);
    let sharing = everyone.iter().filter(|m| group.covers(&ReportedProfile::full(m, today))).count();
    assert!(sharing >= 5, "{group:?} is shared by {sharing}");
    assert_eq!(group.tenure, None, "tenure goes first");
    // The board's one director shares nothing narrower than the company.
    let director = world.member("thanh.nguyen");
    assert_eq!(reported_profile(director, &everyone, 5, today), ReportedProfile::default());
    // With k = 1 everyone keeps their whole profile.
    let whole = reported_profile(director, &everyone, 1, today);
    assert_eq!((whole.department, whole.employment, whole.tenure), (Some(BOARD), Some(EmploymentType::FullTime), Some(TenureBand::FiveYearsOrMore)));
    assert_eq!(ReportedProfile::from_code(&group.code()), Some(group));
    assert_eq!(ReportedProfile::from_code("d1.s-.e9.t-"), None);
}

#[test]
fn a_month_of_messages_is_the_allowance_and_not_one_more() {
    let mut world = World::new();
    world.settings.monthly_messages = 3;
    let lan = world.member("lan.tran");
    let scope = Scope::Messages { month: uc::month_of(today()) };
    let mut issued = Vec::new();
    for _ in 0..3 {
        let mut rng = ChaCha20Rng::seed_from_u64(issued.len() as u64);
        let (_, request) = TokenRequest::new(scope.clone(), &mut rng);
        let (_, record) = uc::issue_token(&world.facts(), &MASTER, lan, &request, &issued, today(), &mut rng).unwrap();
        issued.extend(record);
    }
    let (_, request) = TokenRequest::new(scope, &mut ChaCha20Rng::seed_from_u64(50));
    let refused = uc::issue_token(&world.facts(), &MASTER, lan, &request, &issued, today(), &mut rng());
    assert_eq!(refused.unwrap_err(), FeedbackError::Conflict(Violation::new("scope", Rule::MessageAllowance, Some(3))));
}

fn new_thread(world: &World, member: &Member, to: Recipient, key: &ThreadKey) -> NewThread {
    let token = token_for(world, member, Scope::Messages { month: uc::month_of(today()) }, &mut Vec::new()).unwrap();
    NewThread { to, topic: Topic::Safety, body: "The forklift lane has no markings.".into(), access: key.access(), token }
}

#[test]
fn lan_writes_to_her_department_hr_and_minh_reply_under_their_names_and_she_answers_with_her_key() {
    let world = World::new();
    let (lan, minh, hoa, trang) = (world.member("lan.tran"), world.member("minh.le"), world.member("hoa.nguyen"), world.member("trang.phan"));
    let key = ThreadKey::from_random([3; 16]);
    let (thread, routing, _) =
        uc::start_thread(&world.facts(), &MASTER, &new_thread(&world, lan, Recipient::Department(SALES), &key), today(), &mut rng()).unwrap();
    assert_eq!((routing.to, routing.rerouted_below), (Recipient::Department(SALES), None));
    let stored = serde_json::to_string(&thread).unwrap();
    assert!(!stored.contains(&lan.email) && !stored.contains(&lan.full_name) && !stored.contains(&key.recovery_code()), "{stored}");

    let threads = [thread];
    assert_eq!(uc::threads_for(&world.company, trang, &threads), vec![], "Marketing's manager does not see Sales' conversations");
    assert_eq!(uc::respond(&world.company, trang, &threads[0], "Hi", today(), &mut rng()).unwrap_err(), FeedbackError::NotFound);
    let replied = uc::respond(&world.company, minh, &threads[0], "We will paint it this week.", today(), &mut rng()).unwrap();
    let replied = uc::respond(&world.company, hoa, &replied, "HR will check on Friday.", today(), &mut rng()).unwrap();
    assert_eq!(replied.messages[1].author, Author::Responder { name: minh.full_name.clone(), role: Role::Manager });
    assert_eq!(replied.messages[2].author, Author::Responder { name: hoa.full_name.clone(), role: Role::Hr });

    let threads = [replied];
    let typed_back = ThreadKey::from_recovery_code(&key.recovery_code().to_lowercase().replace('-', " ")).unwrap();
    let mine = uc::thread_for(&threads, &typed_back).unwrap();
    let answered = uc::member_answers(mine, "Thank you!", today(), &mut rng()).unwrap();
    assert_eq!(answered.messages.last().unwrap().author, Author::Member);
    assert!(answered.awaits_reply());
    assert_eq!(uc::thread_for(&threads, &ThreadKey::from_random([4; 16])).unwrap_err(), FeedbackError::NotFound);
}

#[test]
fn a_message_to_a_department_too_small_to_hide_in_goes_to_hr_and_says_why() {
    let world = World::new();
    let lan = world.member("lan.tran");
    let key = ThreadKey::from_random([5; 16]);
    let (thread, routing, _) =
        uc::start_thread(&world.facts(), &MASTER, &new_thread(&world, lan, Recipient::Department(BOARD), &key), today(), &mut rng()).unwrap();
    assert_eq!((routing.to, routing.rerouted_below), (Recipient::Hr, Some(5)));
    assert_eq!(thread.recipient, Recipient::Hr);
}

#[test]
fn a_message_token_is_spent_once_by_whoever_holds_it_and_only_for_messages() {
    let world = World::new();
    let lan = world.member("lan.tran");
    let key = ThreadKey::from_random([6; 16]);
    let new = new_thread(&world, lan, Recipient::Hr, &key);
    let (_, _, first) = uc::start_thread(&world.facts(), &MASTER, &new, today(), &mut rng()).unwrap();
    let (_, _, again) = uc::start_thread(&world.facts(), &MASTER, &new, today(), &mut rng()).unwrap();
    assert_eq!(first, again, "the same mark: the store refuses it the second time (uc::already_spent)");
    let survey_token = token_for(&world, lan, survey_scope(&world, 1, lan), &mut Vec::new()).unwrap();
    let refused = uc::start_thread(&world.facts(), &MASTER, &NewThread { token: survey_token, ..new }, today(), &mut rng());
    assert_eq!(refused.unwrap_err(), Violation::new("token.scope", Rule::TokenInvalid, None).into());
}

#[test]
fn an_empty_or_overlong_message_is_refused_at_its_field() {
    let world = World::new();
    let lan = world.member("lan.tran");
    let key = ThreadKey::from_random([8; 16]);
    let blank = NewThread { body: "   ".into(), ..new_thread(&world, lan, Recipient::Hr, &key) };
    assert_eq!(uc::start_thread(&world.facts(), &MASTER, &blank, today(), &mut rng()).unwrap_err(), Violation::new("body", Rule::Required, None).into());
    let long = NewThread { body: "a".repeat(4001), ..blank };
    assert_eq!(uc::start_thread(&world.facts(), &MASTER, &long, today(), &mut rng()).unwrap_err(), Violation::new("body", Rule::TooLong, Some(4000)).into());
}

#[test]
fn a_recovery_code_is_read_back_however_it_is_typed() {
    let key = ThreadKey::from_random([0xA5; 16]);
    let code = key.recovery_code();
    assert_eq!(code.len(), 26 + 5);
    assert_eq!(ThreadKey::from_recovery_code(&code), Some(key));
    let sloppy = code.to_lowercase().replace('0', "o").replace('1', "l").replace('-', "");
    assert_eq!(ThreadKey::from_recovery_code(&sloppy), Some(key));
    assert_eq!(ThreadKey::from_recovery_code(&code[..20]), None);
    assert_eq!(ThreadKey::from_recovery_code("ZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZ"), None, "over 128 bits");
    assert_ne!(key.access(), ThreadKey::from_random([0xA6; 16]).access());
}

#[test]
fn ideas_are_signed_or_not_get_one_vote_per_token_and_hr_sets_their_status() {
    let world = World::new();
    let (lan, hoa, minh) = (world.member("lan.tran"), world.member("hoa.nguyen"), world.member("minh.le"));
    let draft = IdeaDraft { title: "Shuttle bus".into(), body: "From Thủ Dầu Một to the factory.".into() };
    let (named, mark) = uc::post_idea(&MASTER, &draft, &Signer::Named(lan), today(), &mut rng()).unwrap();
    assert_eq!((named.signed.as_ref().map(|s| s.name.as_str()), mark), (Some(lan.full_name.as_str()), None));
    let message = token_for(&world, lan, Scope::Messages { month: uc::month_of(today()) }, &mut Vec::new()).unwrap();
    let (anonymous, mark) = uc::post_idea(&MASTER, &draft, &Signer::Anonymous(&message), today(), &mut ChaCha20Rng::seed_from_u64(18)).unwrap();
    assert_ne!(anonymous.id, named.id);
    assert!(anonymous.signed.is_none() && mark.is_some());

    let ideas = vec![named.clone(), anonymous.clone()];
    let facts = FeedbackFacts { ideas: &ideas, ..world.facts() };
    let vote_on = |idea: &domain::feedback::idea::Idea, member: &Member| {
        let scope = Scope::IdeaVote { idea: idea.id.to_string() };
        let (pending, request) = TokenRequest::new(scope.clone(), &mut rng());
        let (answer, _) = uc::issue_token(&facts, &MASTER, member, &request, &[], today(), &mut rng())?;
        Ok::<_, FeedbackError>(pending.finalize(&answer, &MASTER.scope_key(&scope).public_key()).unwrap())
    };
    assert_eq!(vote_on(&named, lan).unwrap_err(), Violation::new("scope", Rule::NotInAudience, None).into(), "no vote on one's own signed idea");
    let minhs = vote_on(&named, minh).unwrap();
    let (counted, _) = uc::vote(&facts, &MASTER, &named.id, &minhs).unwrap();
    assert_eq!(counted.votes, 1);
    assert_eq!(uc::vote(&facts, &MASTER, &anonymous.id, &minhs).unwrap_err(), Violation::new("token.scope", Rule::TokenInvalid, None).into());

    let declined = IdeaStatus::Declined("  ".into());
    assert_eq!(uc::set_status(hoa, &named, &declined).unwrap_err(), Violation::new("reason", Rule::Required, None).into());
    assert_eq!(uc::set_status(minh, &named, &IdeaStatus::Planned).unwrap_err(), FeedbackError::Forbidden);
    assert_eq!(uc::set_status(hoa, &named, &IdeaStatus::Planned).unwrap().status, IdeaStatus::Planned);
}

#[test]
fn hr_hides_an_abusive_comment_with_a_reason_and_the_board_shows_the_reason_not_the_words() {
    let world = World::new();
    let (lan, hoa) = (world.member("lan.tran"), world.member("hoa.nguyen"));
    let draft = IdeaDraft { title: "Quiet room".into(), body: "A room for calls.".into() };
    let (idea, _) = uc::post_idea(&MASTER, &draft, &Signer::Named(lan), today(), &mut rng()).unwrap();
    let (mut idea, _) = uc::comment(&MASTER, &idea, "rude words", &Signer::Named(hoa), today(), &mut rng()).unwrap();
    assert_eq!(uc::moderation(lan, "spam", today()).unwrap_err(), FeedbackError::Forbidden);
    idea.comments[0].hidden = Some(uc::moderation(hoa, "Insulting", today()).unwrap());
    let shown = domain::feedback::idea::board(&[idea], Default::default());
    assert_eq!((shown[0].comments[0].body.as_str(), shown[0].comments[0].hidden.as_ref().unwrap().reason.as_str()), ("", "Insulting"));
}

#[test]
fn hr_writes_a_survey_and_every_mistake_is_named_at_its_field() {
    let world = World::new();
    let (hoa, lan) = (world.member("hoa.nguyen"), world.member("lan.tran"));
    let mut draft = pulse(9, Audience::everyone()).draft;
    assert_eq!(uc::save_survey(lan, SurveyId(9), &draft).unwrap_err(), FeedbackError::Forbidden);
    assert_eq!(uc::save_survey(hoa, SurveyId(9), &draft).unwrap().id, SurveyId(9));
    draft.title.en = " ".into();
    draft.questions[2].kind = QuestionKind::Choice { options: vec![text("Only")] };
    draft.closes = draft.opens.plus_days(-1);
    draft.min_responses = 2;
    assert_eq!(
        uc::save_survey(hoa, SurveyId(9), &draft).unwrap_err(),
        FeedbackError::Rejected(vec![
            Violation::new("title.en", Rule::Required, None),
            Violation::out_of_range("questions[2].options", 2, 255),
            Violation::new("closes", Rule::EndsBeforeStart, None),
            Violation::out_of_range("min_responses", 3, 1000),
        ])
    );
}

#[test]
fn a_member_sees_the_open_surveys_meant_for_them() {
    let mut world = World::new();
    world.surveys[1].draft.audience = Audience::everyone().and(Condition::EmploymentTypeIn(vec![EmploymentType::Seasonal]));
    let lan = world.member("lan.tran");
    let open: Vec<SurveyId> = uc::open_surveys(&world.facts(), lan, today()).iter().map(|s| s.id).collect();
    assert_eq!(open, vec![SurveyId(1)]);
}

#[test]
fn the_portal_home_tells_a_member_their_messages_left_whether_their_department_can_be_written_to_and_their_surveys() {
    let world = World::new();
    let lan = world.member("lan.tran");
    let mut issued = Vec::new();
    token_for(&world, lan, Scope::Messages { month: uc::month_of(today()) }, &mut issued).unwrap();
    token_for(&world, lan, survey_scope(&world, 2, lan), &mut issued).unwrap();
    let home = uc::home(&world.facts(), lan, &issued, today());
    assert_eq!((home.month.as_str(), home.messages_left, home.department, home.department_addressable), ("2026-11", 9, SALES, true));
    let surveys: Vec<(SurveyId, bool)> = home.open_surveys.iter().map(|o| (o.survey.id, o.token_issued)).collect();
    assert_eq!(surveys, vec![(SurveyId(1), false), (SurveyId(2), true)]);
    assert_eq!(home.open_surveys[0].scope, survey_scope(&world, 1, lan));
    let director = world.member("thanh.nguyen");
    assert!(!uc::home(&world.facts(), director, &[], today()).department_addressable, "the board has one member");
}

#[test]
fn a_malformed_blinded_element_is_refused_at_the_requests_own_field() {
    let world = World::new();
    let lan = world.member("lan.tran");
    let (_, mut request) = TokenRequest::new(Scope::Messages { month: uc::month_of(today()) }, &mut rng());
    request.blinded = "not base64url of 32 bytes".into();
    let refused = uc::issue_token(&world.facts(), &MASTER, lan, &request, &[], today(), &mut rng());
    assert_eq!(refused.unwrap_err(), Violation::new("blinded", Rule::TokenInvalid, None).into(), "the body has `blinded`, not `token.blinded`");
}

#[test]
fn a_conversations_access_hash_is_taken_only_as_the_key_gives_it() {
    let world = World::new();
    let lan = world.member("lan.tran");
    let key = ThreadKey::from_random([9; 16]);
    let new = new_thread(&world, lan, Recipient::Hr, &key);
    let shouted = NewThread { access: domain::feedback::anonymous::AccessHash(key.access().0.to_uppercase()), ..new.clone() };
    // Upper case would be stored and never found again by the key.
    assert_eq!(uc::start_thread(&world.facts(), &MASTER, &shouted, today(), &mut rng()).unwrap_err(), Violation::new("access", Rule::OutOfRange, None).into());
    assert!(uc::start_thread(&world.facts(), &MASTER, &new, today(), &mut rng()).is_ok());
}

#[test]
fn a_scope_or_a_question_with_a_key_it_does_not_have_is_refused_not_ignored() {
    let scope = |json: serde_json::Value| serde_json::from_value::<Scope>(json);
    assert_eq!(scope(serde_json::json!({"kind": "messages", "month": "2026-11"})).unwrap(), Scope::Messages { month: "2026-11".into() });
    assert!(scope(serde_json::json!({"kind": "messages", "month": "2026-11", "survey": 1})).is_err());
    assert!(scope(serde_json::json!({"kind": "idea_vote", "idea": "ab", "extra": true})).is_err());

    let question = |json: serde_json::Value| serde_json::from_value::<Question>(json).map_err(|e| e.to_string());
    let hi = serde_json::json!({"vi": "Chào", "en": "Hi"});
    let choice = question(serde_json::json!({"text": hi, "kind": "choice", "options": [hi, hi]})).unwrap();
    assert_eq!(choice.kind, QuestionKind::Choice { options: vec![LocalizedText::new("Chào", "Hi"); 2] });
    assert_eq!(serde_json::from_value::<Question>(serde_json::to_value(&choice).unwrap()).unwrap(), choice, "written as it is read");
    assert_eq!(question(serde_json::json!({"text": hi, "kind": "text"})).unwrap().kind, QuestionKind::Text);
    for (wrong, why) in [
        (serde_json::json!({"text": hi, "kind": "agreement", "options": [hi, hi]}), "only a choice"),
        (serde_json::json!({"text": hi, "kind": "choice"}), "missing field `options`"),
        (serde_json::json!({"text": hi, "kind": "choice", "options": null}), "invalid type: null"),
        (serde_json::json!({"text": hi, "kind": "enps", "scale": 10}), "unknown field `scale`"),
        (serde_json::json!({"text": hi, "kind": "stars"}), "unknown variant"),
    ] {
        let error = question(wrong.clone()).unwrap_err();
        assert!(error.contains(why), "{wrong}: {error}");
    }
}

#[test]
fn the_last_message_token_of_the_month_can_be_asked_for_again_after_a_lost_answer() {
    let mut world = World::new();
    world.settings.monthly_messages = 2;
    let lan = world.member("lan.tran");
    let scope = Scope::Messages { month: uc::month_of(today()) };
    let mut issued = Vec::new();
    let mut requests = Vec::new();
    for seed in 0..2 {
        let (_, request) = TokenRequest::new(scope.clone(), &mut ChaCha20Rng::seed_from_u64(seed));
        let (answer, record) = uc::issue_token(&world.facts(), &MASTER, lan, &request, &issued, today(), &mut rng()).unwrap();
        issued.extend(record);
        requests.push((request, answer));
    }
    let (last, first_answer) = &requests[1];
    let (again, record) = uc::issue_token(&world.facts(), &MASTER, lan, last, &issued, today(), &mut rng()).unwrap();
    assert_eq!((again.evaluated.as_str(), record), (first_answer.evaluated.as_str(), None), "the same evaluation, and no third token");
    let (_, third) = TokenRequest::new(scope, &mut ChaCha20Rng::seed_from_u64(7));
    let refused = uc::issue_token(&world.facts(), &MASTER, lan, &third, &issued, today(), &mut rng());
    assert_eq!(refused.unwrap_err(), FeedbackError::Conflict(Violation::new("scope", Rule::MessageAllowance, Some(2))));
}

#[test]
fn hr_and_managers_read_the_names_of_departments_and_sites_and_other_members_do_not() {
    let world = World::new();
    for local in ["hoa.nguyen", "minh.le"] {
        let directory = uc::directory(&world.company, world.member(local)).unwrap();
        assert_eq!((directory.departments.len(), directory.sites.len()), (world.company.departments.len(), world.company.sites.len()), "{local}");
    }
    assert_eq!(uc::directory(&world.company, world.member("lan.tran")).unwrap_err(), FeedbackError::Forbidden);
}
