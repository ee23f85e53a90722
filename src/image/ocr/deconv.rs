//! Transposed convolutions whose kernel equals their stride, as a 1×1 convolution and a
//! shuffle.
//!
//! tract 0.22 runs a transposed convolution as a matrix product followed by a scatter of its
//! columns through a generic loop, a fifth of detection's time at 640×480. Detection's head
//! upsamples by two twice with 2×2 kernels at stride 2: the kernel windows do not overlap, so
//! output pixel `(y·2 + a, x·2 + b)` of channel `o` is channel `(o, a, b)` of a 1×1
//! convolution at `(y, x)`, which tract multiplies fast, and [`Shuffle`] puts in place.

use tract_onnx::prelude::*;
use tract_onnx::tract_core::internal::*;
use tract_onnx::tract_core::ops::cnn::{Conv, Deconv, KernelFormat, PaddingSpec, PoolSpec};
use tract_onnx::tract_core::ops::nn::DataFormat;

/// `[.., c·kh·kw, h, w]` to `[.., c, h·kh, w·kw]`: channel `(o, a, b)` at `(y, x)` goes to
/// channel `o` at `(y·kh + a, x·kw + b)`.
#[derive(Debug, Clone)]
struct Shuffle {
    k: [usize; 2],
}

impl Op for Shuffle {
    fn name(&self) -> StaticName {
        "DepthToSpace".into()
    }

    op_as_typed_op!();
}

impl EvalOp for Shuffle {
    fn is_stateless(&self) -> bool {
        true
    }

    fn eval(&self, inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
        let input = &inputs[0];
        let mut shape: TVec<usize> = input.shape().into();
        let rank = shape.len();
        let [kh, kw] = self.k;
        let (h, w) = (shape[rank - 2], shape[rank - 1]);
        shape[rank - 3] /= kh * kw;
        shape[rank - 2] = h * kh;
        shape[rank - 1] = w * kw;
        let input = input.as_slice::<f32>()?;
        let output = pulp::Arch::new().dispatch(Scatter {
            input,
            k: self.k,
            hw: [h, w],
        });
        Ok(tvec!(super::tensor(&shape, output)?.into_tvalue()))
    }
}

/// The shuffle of `input` (planes of `hw`), compiled for the SIMD instructions the machine has.
struct Scatter<'a> {
    input: &'a [f32],
    k: [usize; 2],
    hw: [usize; 2],
}

impl pulp::WithSimd for Scatter<'_> {
    type Output = Vec<f32>;

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _: S) -> Vec<f32> {
        let ([kh, kw], [h, w]) = (self.k, self.hw);
        let mut output = vec![0f32; self.input.len()];
        // one output channel gathers kh·kw input planes; output row y·kh + a interleaves row
        // y of planes (a, 0) … (a, kw − 1)
        let channels = self
            .input
            .chunks_exact(kh * kw * h * w)
            .zip(output.chunks_exact_mut(kh * kw * h * w));
        for (planes, out) in channels {
            for (y, a) in (0..h).flat_map(|y| (0..kh).map(move |a| (y, a))) {
                let dst = &mut out[(y * kh + a) * w * kw..][..w * kw];
                let row = |b: usize| &planes[(a * kw + b) * h * w + y * w..][..w];
                if kw == 2 {
                    for ((d, &l), &r) in dst.chunks_exact_mut(2).zip(row(0)).zip(row(1)) {
                        d[0] = l;
                        d[1] = r;
                    }
                } else {
                    for b in 0..kw {
                        for (d, &v) in dst.iter_mut().skip(b).step_by(kw).zip(row(b)) {
                            *d = v;
                        }
                    }
                }
            }
        }
        output
    }
}

impl TypedOp for Shuffle {
    fn output_facts(&self, inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
        let mut shape = inputs[0].shape.to_tvec();
        let rank = shape.len();
        let [kh, kw] = self.k;
        shape[rank - 3] = shape[rank - 3].clone() / (kh * kw) as u64;
        shape[rank - 2] = shape[rank - 2].clone() * kh;
        shape[rank - 1] = shape[rank - 1].clone() * kw;
        Ok(tvec!(f32::fact(shape)))
    }

    as_op!();
}

/// Replaces the model's float transposed convolutions with constant weights whose kernel
/// equals their stride (no padding, dilation, groups or output adjustment).
pub fn replace(model: &mut TypedModel) -> TractResult<()> {
    for id in model.eval_order()? {
        let node = model.node(id);
        let Some(deconv) = node.op_as::<Deconv>() else {
            continue;
        };
        let spec = &deconv.pool_spec;
        let fact = model.outlet_fact(node.inputs[0])?;
        let (Some(kernel), Some(bias)) = (
            &model.outlet_fact(node.inputs[1])?.konst,
            &model.outlet_fact(node.inputs[2])?.konst,
        ) else {
            continue;
        };
        let k = &spec.kernel_shape;
        let unpadded = match &spec.padding {
            PaddingSpec::Valid => true,
            PaddingSpec::Explicit(before, after) => before.iter().chain(after).all(|&p| p == 0),
            _ => false,
        };
        let format_fits = matches!(
            (spec.data_format, fact.rank()),
            (DataFormat::NCHW, 4) | (DataFormat::CHW, 3)
        );
        if fact.datum_type != f32::datum_type()
            || !format_fits
            || deconv.kernel_format != KernelFormat::OIHW
            || deconv.group != 1
            || k.len() != 2
            || *spec.strides() != **k
            || !unpadded
            || spec.dilations.as_ref().is_some_and(|d| d.iter().any(|&d| d != 1))
            || deconv.adjustments.iter().any(|&a| a != 0)
        {
            continue;
        }
        let (ci, co, taps) = (spec.input_channels, spec.output_channels, k[0] * k[1]);
        // tract's deconvolution kernel is [co, ci, kh, kw]; the 1×1 convolution's is
        // [(co, kh, kw), ci, 1, 1]
        let kernel = kernel.cast_to::<f32>()?;
        let kernel = kernel.as_slice::<f32>()?;
        let mut weights = vec![0f32; co * taps * ci];
        for o in 0..co {
            for i in 0..ci {
                for t in 0..taps {
                    weights[(o * taps + t) * ci + i] = kernel[(o * ci + i) * taps + t];
                }
            }
        }
        let bias = bias.cast_to::<f32>()?;
        let bias = bias.as_slice::<f32>()?;
        let bias: Vec<f32> = (0..co * taps)
            .map(|j| bias[if bias.len() == 1 { 0 } else { j / taps }])
            .collect();
        let conv = Conv {
            pool_spec: PoolSpec::new(
                spec.data_format,
                tvec![1, 1],
                PaddingSpec::Valid,
                None,
                None,
                ci,
                co * taps,
            ),
            kernel_fmt: KernelFormat::OIHW,
            group: 1,
            q_params: None,
        };
        let mut patch = TypedModelPatch::default();
        let x = patch.tap_model(model, node.inputs[0])?;
        let w = patch.add_const(
            format!("{}.weights", node.name),
            tensor1(&weights).into_shape(&[co * taps, ci, 1, 1])?,
        )?;
        let b = patch.add_const(format!("{}.bias", node.name), tensor1(&bias))?;
        let y = patch.wire_node(format!("{}.pointwise", node.name), conv, &[x, w, b])?[0];
        let k = [k[0], k[1]];
        let y = patch.wire_node(format!("{}.shuffle", node.name), Shuffle { k }, &[y])?[0];
        patch.shunt_outside(model, id.into(), y)?;
        patch.apply(model)?;
    }
    Ok(())
}
