//! The speakers list keeps its own serde code: the list position is the speaking order, while the wire format
//! carries an explicit `order` per entry (so hand-written files can be reordered by editing numbers).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Intervention;

/// The speakers list, in speaking order. On the wire each entry carries an `order`; two equal orders are refused.
/// The list position is the truth: parsing sorts by `order` and renumbers 1..n, and export writes 1..n.
#[derive(Debug, Clone, Default, PartialEq, TS)]
#[ts(export, as = "Vec<Intervention>")]
pub struct Interventions(pub Vec<Intervention>);

impl Serialize for Interventions {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for (i, item) in self.0.iter().enumerate() {
            let order = u32::try_from(i + 1).unwrap_or(u32::MAX);
            if item.order == order {
                seq.serialize_element(item)?;
            } else {
                seq.serialize_element(&Intervention {
                    order,
                    ..item.clone()
                })?;
            }
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Interventions {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Interventions;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of interventions")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut items: Vec<Intervention> = Vec::new();
                while let Some(item) = seq.next_element::<Intervention>()? {
                    if let Some(prev) = items.iter().position(|i| i.order == item.order) {
                        return Err(serde::de::Error::custom(format!(
                            "duplicate `order` {} (intervention {} has it too)",
                            item.order,
                            prev + 1
                        )));
                    }
                    items.push(item);
                }
                items.sort_by_key(|i| i.order);
                for (n, item) in (1..).zip(items.iter_mut()) {
                    item.order = n;
                }
                Ok(Interventions(items))
            }
        }
        d.deserialize_seq(V)
    }
}
