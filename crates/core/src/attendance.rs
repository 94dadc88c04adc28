//! Attendance counts. A summary says "attended by 60 Member States and 22 UN Network representatives": each
//! category's number is the rapporteur's explicit headcount when there is one (they often count the room
//! rather than name everyone), else the number of named delegations marked present in that category.

use serde::Serialize;
use ts_rs::TS;

use crate::model::{Attendance, Category};

/// One category's headcount, as a summary states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CategoryCount {
    /// The category counted.
    pub category: Category,
    /// The record's own label for this group ("colleagues from civil society"), if it gives one.
    #[ts(optional)]
    pub label: Option<String>,
    /// How many attended.
    pub count: u32,
    /// True when `count` came from a group's explicit `count`, false when it was counted from delegations.
    pub explicit: bool,
}

impl Attendance {
    /// Per category: the explicit group `count` if any group of that category gives one (several are added
    /// up), else the number of present named delegations in it. Categories appear in the order of their first
    /// group, then the remaining categories with present delegations in [`Category::ALL`] order. A category
    /// with a group but neither a count nor delegations is reported with 0; a summary leaves it out.
    pub fn counts(&self) -> Vec<CategoryCount> {
        let mut order: Vec<Category> = Vec::new();
        for g in &self.groups {
            if !order.contains(&g.category) {
                order.push(g.category);
            }
        }
        for c in Category::ALL {
            if !order.contains(&c) && self.present_in(c) > 0 {
                order.push(c);
            }
        }
        order
            .into_iter()
            .map(|category| {
                let groups = self.groups.iter().filter(|g| g.category == category);
                let label = groups.clone().find_map(|g| g.label.clone());
                let explicit: Option<u32> = groups
                    .filter_map(|g| g.count)
                    .reduce(|a, b| a.saturating_add(b));
                CategoryCount {
                    category,
                    label,
                    count: explicit.unwrap_or_else(|| self.present_in(category)),
                    explicit: explicit.is_some(),
                }
            })
            .collect()
    }

    fn present_in(&self, category: Category) -> u32 {
        let n = self
            .delegations
            .iter()
            .filter(|d| d.present && d.who.effective_category() == category)
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}
