//! Small linear algebra for the worked examples: the Euclidean norm, dot product,
//! distance and cosine of parameter vectors, and the eigenvalue range of a
//! symmetric matrix (a Hessian) by nalgebra (with the `nalgebra` feature).
//!
//! The vector functions add up in index order with plain loops, so every
//! machine gets the same bits (ndarray's `dot` may reorder the sum, and
//! nalgebra's matrix products go through `matrixmultiply`'s run-time SIMD kernels).
//!
//! Why the eigenvalues: on a quadratic $J(\theta) = \tfrac12\theta^\top H\theta + \dots$
//! gradient descent multiplies the error along each eigenvector of $H$ by
//! $1 - \eta\lambda$ per step, so it converges exactly when
//! $\eta < 2/\lambda_{\max}$, and $\lambda_{\max}/\lambda_{\min}$ (the condition
//! number) says how much slower the flattest direction is than the steepest.

#[cfg(feature = "nalgebra")]
use crate::error::{check_dim, Error, Result};
#[cfg(feature = "nalgebra")]
use nalgebra::{DMatrix, SymmetricEigen};
use ndarray::ArrayView1;

/// $a^\top b = \sum_i a_i b_i$, summed from $i = 0$ up. Vectors of different
/// lengths give NaN (never a truncated sum).
pub fn dot(a: ArrayView1<f64>, b: ArrayView1<f64>) -> f64 {
    if a.len() != b.len() {
        return f64::NAN;
    }
    a.iter().zip(b.iter()).map(|(x, y)| x * y).sum()
}

/// $\\|v\\| = \sqrt{\sum_i v_i^2}$, summed from $i = 0$ up.
pub fn norm(v: ArrayView1<f64>) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// $\\|a - b\\| = \sqrt{\sum_i (a_i - b_i)^2}$, e.g. how far an iterate $\theta_t$
/// still is from the minimiser $\theta^\*$. Different lengths give NaN.
pub fn distance(a: ArrayView1<f64>, b: ArrayView1<f64>) -> f64 {
    if a.len() != b.len() {
        return f64::NAN;
    }
    a.iter()
        .zip(b.iter())
        .map(|(x, y)| (x - y) * (x - y))
        .sum::<f64>()
        .sqrt()
}

/// $\cos(a, b) = a^\top b / (\\|a\\|\\,\\|b\\|)$: 1 when a batch gradient points
/// exactly along the full gradient, 0 when it is orthogonal to it. NaN when
/// either vector is 0 or the lengths differ.
pub fn cosine(a: ArrayView1<f64>, b: ArrayView1<f64>) -> f64 {
    dot(a, b) / (norm(a) * norm(b))
}

/// Iterations the eigen-decomposition may take before [`eigenvalue_range`]
/// gives up (a symmetric 4 × 4 matrix needs a handful).
#[cfg(feature = "nalgebra")]
const MAX_EIGEN_ITERATIONS: usize = 10_000;

/// $(\lambda_{\min}, \lambda_{\max})$ of a symmetric matrix $H$ (its lower
/// triangle is read), from nalgebra's symmetric eigen-decomposition
/// (Householder tridiagonalization, then implicit QR steps).
///
/// `Err` for an empty or non-square matrix, a non-finite entry, or a
/// decomposition that does not converge.
///
/// ```
/// use optcore::nalgebra::DMatrix;
/// let h = DMatrix::from_row_slice(2, 2, &[2.0, 1.0, 1.0, 2.0]);
/// let (lo, hi) = optcore::linalg::eigenvalue_range(&h).unwrap();
/// assert!((lo - 1.0).abs() < 1e-12 && (hi - 3.0).abs() < 1e-12);
/// ```
#[cfg(feature = "nalgebra")]
pub fn eigenvalue_range(h: &DMatrix<f64>) -> Result<(f64, f64)> {
    if h.is_empty() {
        return Err(Error::Empty {
            what: "the matrix whose eigenvalues are asked for",
        });
    }
    check_dim("symmetric matrix: columns vs rows", h.nrows(), h.ncols())?;
    let not_found = Error::Empty {
        what: "the eigenvalues found (the matrix has a non-finite entry, or the decomposition did not converge)",
    };
    if h.iter().any(|x| !x.is_finite()) {
        return Err(not_found);
    }
    let eigen =
        SymmetricEigen::try_new(h.clone(), f64::EPSILON, MAX_EIGEN_ITERATIONS).ok_or(not_found)?;
    let values = eigen.eigenvalues;
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Ok((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn vector_functions() {
        let a = array![3.0, 4.0];
        let b = array![0.0, 1.0];
        assert_eq!(norm(a.view()), 5.0);
        assert_eq!(dot(a.view(), b.view()), 4.0);
        assert_eq!(distance(a.view(), b.view()), 18.0f64.sqrt());
        assert_eq!(cosine(a.view(), b.view()), 0.8);
        assert_eq!(cosine(a.view(), a.view()), 1.0);
        let short = array![1.0];
        assert!(dot(a.view(), short.view()).is_nan());
        assert!(distance(a.view(), short.view()).is_nan());
        assert!(cosine(a.view(), array![0.0, 0.0].view()).is_nan());
    }

    #[test]
    fn eigenvalues_of_known_matrices() {
        // The reference quadratic 0.1x² + 2y²: H = diag(0.2, 4).
        let q = DMatrix::from_diagonal(&nalgebra::DVector::from_vec(vec![0.2, 4.0]));
        assert_eq!(eigenvalue_range(&q).unwrap(), (0.2, 4.0));
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3; a rotation keeps them.
        let h = DMatrix::from_row_slice(2, 2, &[2.0, 1.0, 1.0, 2.0]);
        let (lo, hi) = eigenvalue_range(&h).unwrap();
        assert!((lo - 1.0).abs() < 1e-14 && (hi - 3.0).abs() < 1e-14);
        // λ_min + λ_max = trace and λ_min·λ_max = det for a 2 × 2 matrix.
        let h = DMatrix::from_row_slice(2, 2, &[0.7, -0.3, -0.3, 0.1]);
        let (lo, hi) = eigenvalue_range(&h).unwrap();
        assert!((lo + hi - 0.8).abs() < 1e-14);
        assert!((lo * hi - (0.07 - 0.09)).abs() < 1e-14);
    }

    #[test]
    fn bad_matrices_are_errors() {
        assert!(eigenvalue_range(&DMatrix::zeros(0, 0)).is_err());
        assert!(matches!(
            eigenvalue_range(&DMatrix::zeros(2, 3)),
            Err(Error::Dimension { .. })
        ));
        let nan = DMatrix::from_row_slice(2, 2, &[1.0, f64::NAN, f64::NAN, 1.0]);
        assert!(eigenvalue_range(&nan).is_err());
    }
}
