//! What notebook 12's prose says of AdaMax, held to the library.

use adamax::examples::{spiky_gradient, Spike};
use adamax::Adamax;
use optcore::{Convention, Optimizer};

/// "AdaMax's uₜ jumps to the spike and then forgets it by a factor β₂ per step,
/// so its steps stay about ten times smaller for a long time."
#[test]
fn a_maximum_forgets_slowly() {
    let opt = Adamax::defaults(Convention::Paper).validated().unwrap();
    let mut u: f64 = 0.0;
    for t in 1..=700 {
        let before = u;
        u = opt.next_u(u, spiky_gradient(t));
        if t > 3 {
            assert_eq!(u, opt.beta2 * before, "t = {t}: u forgets by β₂");
        }
        if (3..=600).contains(&t) {
            // still above half the spike after 600 steps: "a long time"
            assert!(u > 5.0, "t = {t}: u = {u}");
        }
    }
    // The table's last step against the steps before the spike: about ten times
    // smaller (m̂ has not yet forgotten the spike either).
    let table = Spike::lesson().table().unwrap();
    let steps = table.column(&table.header[4]).unwrap();
    let ratio = steps[0] / steps[steps.len() - 1];
    assert!((5.0..12.0).contains(&ratio), "{ratio}");
}
