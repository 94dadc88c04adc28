//! Property: three replicas editing, suggesting, accepting (two of them the same suggestion at once),
//! rejecting and commenting on one summary, syncing in any order, converge once every update has travelled,
//! and every comment is still anchored inside the text.

use proptest::prelude::*;
use rapporteur_core::DocumentKind::Summary;
use rapporteur_store::{ReviewAction, Store, Which};

use crate::common::*;
use crate::sync::{exchange, push};

const TEXT: &str = "Alpha beta gamma.\n\nDelta epsilon zeta eta.\n";

#[derive(Debug, Clone)]
enum Step {
    /// Insert `text` at a fraction of the text's length, or delete from there.
    Edit(usize, u8, Option<String>),
    /// Suggest replacing a range (fractions) by text.
    Suggest(usize, u8, u8, String),
    /// Comment on a range (fractions).
    Comment(usize, u8, u8),
    /// Accept (true) or reject the n-th suggestion the replica knows, or all of them.
    Decide(usize, Option<u8>, bool),
    /// Two replicas accept the n-th suggestion the first knows, each before hearing of the other.
    BothAccept(usize, usize, u8),
    /// Send what one replica has to another.
    Sync(usize, usize),
}

fn step() -> impl Strategy<Value = Step> {
    let r = 0..3usize;
    let words = "[a-z]{1,6}( [a-z]{1,4})?";
    prop_oneof![
        (r.clone(), any::<u8>(), proptest::option::of(words))
            .prop_map(|(r, at, t)| Step::Edit(r, at, t)),
        (r.clone(), any::<u8>(), any::<u8>(), "[a-z ]{0,5}")
            .prop_map(|(r, a, b, t)| Step::Suggest(r, a, b, t)),
        (r.clone(), any::<u8>(), any::<u8>()).prop_map(|(r, a, b)| Step::Comment(r, a, b)),
        (r.clone(), proptest::option::of(any::<u8>()), any::<bool>())
            .prop_map(|(r, n, accept)| Step::Decide(r, n, accept)),
        (r.clone(), r.clone(), any::<u8>()).prop_map(|(a, b, n)| Step::BothAccept(a, b, n)),
        (r.clone(), r).prop_map(|(a, b)| Step::Sync(a, b)),
    ]
}

fn frac(len: usize, f: u8) -> usize {
    len * f as usize / 255
}

async fn text(s: &Store, id: &str) -> String {
    s.doc_get(id, Summary, 0).await.unwrap()
}

async fn run(step: &Step, stores: &[Store], id: &str) {
    match step {
        Step::Edit(r, at, insert) => {
            let t = text(&stores[*r], id).await;
            let chars: Vec<char> = t.chars().collect();
            let at = frac(chars.len(), *at);
            let mut new: String = chars[..at].iter().collect();
            if let Some(words) = insert {
                new.push_str(words);
            }
            let skip = if insert.is_none() { 3 } else { 0 };
            new.extend(chars.iter().skip(at + skip));
            stores[*r].doc_set(id, Summary, 0, &new).await.unwrap();
        }
        Step::Suggest(r, a, b, insert) => {
            let len = text(&stores[*r], id).await.chars().count();
            let (a, b) = (frac(len, *a), frac(len, *b));
            let action = ReviewAction::Suggest {
                start: a.min(b) as u32,
                end: a.max(b) as u32,
                insert: if a == b && insert.is_empty() {
                    "x".into()
                } else {
                    insert.clone()
                },
                author: Some(format!("r{r}")),
            };
            stores[*r]
                .review_apply(id, Summary, 0, &[action])
                .await
                .unwrap();
        }
        Step::Comment(r, a, b) => {
            let len = text(&stores[*r], id).await.chars().count();
            let (a, b) = (frac(len, *a), frac(len, *b));
            let action = ReviewAction::Comment {
                start: a.min(b) as u32,
                end: a.max(b) as u32,
                text: "note".into(),
                author: Some(format!("r{r}")),
            };
            stores[*r]
                .review_apply(id, Summary, 0, &[action])
                .await
                .unwrap();
        }
        Step::Decide(r, n, accept) => {
            let review = stores[*r].review(id, Summary, 0).await.unwrap();
            let which = match n {
                None => Which::All,
                Some(n) if !review.suggestions.is_empty() => Which::One(
                    review.suggestions[*n as usize % review.suggestions.len()]
                        .id
                        .clone(),
                ),
                Some(_) => return,
            };
            let author = Some(format!("r{r}"));
            let action = if *accept {
                ReviewAction::Accept { which, author }
            } else {
                ReviewAction::Reject { which, author }
            };
            // Deciding a suggestion already decided is refused; that is not what is tested here.
            let _ = stores[*r].review_apply(id, Summary, 0, &[action]).await;
        }
        Step::BothAccept(a, b, n) => {
            let review = stores[*a].review(id, Summary, 0).await.unwrap();
            let Some(s) = review
                .suggestions
                .get(*n as usize % review.suggestions.len().max(1))
            else {
                return;
            };
            for r in [a, b] {
                let action = ReviewAction::Accept {
                    which: Which::One(s.id.clone()),
                    author: Some(format!("r{r}")),
                };
                // Unknown on the other replica, or already decided there: refused, which is fine.
                let _ = stores[*r].review_apply(id, Summary, 0, &[action]).await;
            }
        }
        Step::Sync(a, b) if a != b => push(&stores[*a], &stores[*b]).await,
        Step::Sync(..) => {}
    }
}

async fn scenario(steps: Vec<Step>) {
    let mut dirs = Vec::new();
    let mut stores = Vec::new();
    for _ in 0..3 {
        let (dir, s) = store().await;
        dirs.push(dir);
        stores.push(s);
    }
    let id = stores[0].import_record(&fixture()).await.unwrap();
    stores[0].doc_set(&id, Summary, 0, TEXT).await.unwrap();
    for i in 1..3 {
        push(&stores[0], &stores[i]).await;
    }
    for s in &steps {
        run(s, &stores, &id).await;
    }
    for _ in 0..2 {
        exchange(&stores[0], &stores[1]).await;
        exchange(&stores[1], &stores[2]).await;
        exchange(&stores[0], &stores[2]).await;
    }
    let t0 = text(&stores[0], &id).await;
    let r0 = stores[0].review(&id, Summary, 0).await.unwrap();
    for s in &stores[1..] {
        assert_eq!(text(s, &id).await, t0);
        assert_eq!(s.review(&id, Summary, 0).await.unwrap(), r0);
    }
    let chars: Vec<char> = t0.chars().collect();
    for c in r0.comments.iter() {
        assert!(
            c.start <= c.end && c.end as usize <= chars.len(),
            "{c:?} in {t0:?}"
        );
        let covered: String = chars[c.start as usize..c.end as usize].iter().collect();
        assert_eq!(c.quote, covered);
    }
    for s in r0.suggestions.iter() {
        assert!(
            s.start <= s.end && s.end as usize <= chars.len(),
            "{s:?} in {t0:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn replicas_converge_and_comments_stay_anchored(steps in proptest::collection::vec(step(), 1..24)) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(scenario(steps));
    }
}
