use crate::api::ApiError;
use crate::components::{errors_at, FieldMessages, Loadable};
use crate::i18n::format::{date, tenths};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::store::use_store;
use domain::store::{ProductId, RatingSummary, Review, ReviewDraft};
use leptos::prelude::*;

/// Reviews from colleagues, signed, and the member's own when they have
/// collected the product.
#[component]
pub fn Reviews(product: ProductId, rating: RatingSummary, can_review: bool) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_store();
    let saved = RwSignal::new(0u32);
    let reviews = LocalResource::new(move || {
        saved.track();
        let api = api.clone();
        async move { api.reviews(product).await }
    });
    let average = rating.average_tenths;
    view! {
        <section class="reviews" aria-labelledby="reviews-title">
            <h2 id="reviews-title"><Tr key=Key::StoreReviewsTitle/></h2>
            {(rating.count > 0).then(|| view! {
                <p class="rating-summary">{move || i18n.fill(Key::StoreRatingSummary, &[("average", &tenths(average, i18n.lang())), ("count", &rating.count.to_string())])}</p>
            })}
            {can_review.then(|| view! { <MyReview product saved/> })}
            <Loadable resource=reviews render=|reviews| view! { <ReviewList reviews/> }/>
        </section>
    }
}

#[component]
fn ReviewList(reviews: Vec<Review>) -> impl IntoView {
    let i18n = use_i18n();
    if reviews.is_empty() {
        return view! { <p class="muted"><Tr key=Key::StoreNoReviews/></p> }.into_any();
    }
    view! {
        <ul class="review-list">
            {reviews.into_iter().map(|review| {
                let Review { reviewer_name, department, rating, comment, updated_on, .. } = review;
                view! {
                    <li class="card">
                        <p class="stars" aria-label=move || i18n.fill(Key::StoreStarsLabel, &[("n", &rating.to_string())])>
                            {"★".repeat(rating as usize)}{"☆".repeat(5 - rating as usize)}
                        </p>
                        <p>{comment}</p>
                        <p class="muted">{move || format!("{} · {} · {}", reviewer_name, department.get(i18n.lang()), date(updated_on, i18n.lang()))}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The member's one review of this product: write it, or edit it.
#[component]
fn MyReview(product: ProductId, saved: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_store();
    let mine = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            async move { api.my_review(product).await }
        })
    };
    let rating = RwSignal::new(0i64);
    let comment = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(Some(review))) = mine.get() {
            rating.set(i64::from(review.rating));
            comment.set(review.comment);
        }
    });
    let save = Action::new_local(move |draft: &ReviewDraft| {
        let (api, draft) = (api.clone(), draft.clone());
        async move { api.save_review(product, &draft).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            saved.update(|n| *n += 1);
        }
    });
    let failure = move || save.value().get().and_then(Result::err);
    let errors = move |field: &'static str| Signal::derive(move || errors_at(&failure(), field));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(ReviewDraft { rating: rating.get(), comment: comment.get() });
    };
    view! {
        <form class="card review-form" on:submit=submit>
            <fieldset aria-describedby="rating-error">
                <legend><Tr key=Key::StoreYourRating/></legend>
                <div class="star-picker">
                    {(1..=5i64).map(|n| view! {
                        <label>
                            <input type="radio" name="rating" value=n.to_string() prop:checked=move || rating.get() == n on:change=move |_| rating.set(n)/>
                            <span>{n}" ★"</span>
                        </label>
                    }).collect_view()}
                </div>
                <FieldMessages errors=errors("rating") id="rating-error".to_owned()/>
            </fieldset>
            <div class="field">
                <label for="review-comment"><Tr key=Key::StoreYourComment/></label>
                <textarea id="review-comment" rows="3" maxlength="1000" aria-describedby="comment-error"
                    prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                <FieldMessages errors=errors("comment") id="comment-error".to_owned()/>
            </div>
            <FieldMessages errors=errors("product_id") id="review-error".to_owned()/>
            <button type="submit" class="button" disabled=move || save.pending().get()><Tr key=Key::StoreSaveReview/></button>
            <p role="status" class="muted">
                {move || match save.value().get() {
                    Some(Ok(_)) => Some(i18n.t(Key::StoreReviewSaved).to_owned()),
                    Some(Err(ApiError::Invalid { .. })) | None => None,
                    Some(Err(error)) => Some(i18n.t(error.message_key()).to_owned()),
                }}
            </p>
        </form>
    }
}
