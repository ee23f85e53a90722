//! Depthwise convolutions (one filter a channel) run row by row.
//!
//! tract 0.22 runs them through a generic loop that walks each output pixel's valid kernel
//! offsets one scalar at a time: a quarter of detection's time and half of recognition's.
//! Both models are PP-LCNetV3, whose 14 depthwise convolutions (3×3 and 5×5) this op
//! replaces: each kernel tap adds one weighted input row to an output row, a loop the compiler
//! vectorises.

use tract_onnx::prelude::*;
use tract_onnx::tract_core::internal::*;
use tract_onnx::tract_core::ops::cnn::{Conv, KernelFormat};
use tract_onnx::tract_core::ops::nn::DataFormat;

use super::pointwise::{self, Chain};

/// One depthwise convolution of an `[n, c, h, w]` or `[c, h, w]` input, its sizes fixed by the
/// plan's shape, and the element-wise steps that follow it (see [`pointwise`](super::pointwise)).
#[derive(Debug, Clone)]
pub(super) struct Depthwise {
    /// `[c, kh, kw]`.
    kernel: Vec<f32>,
    /// One a channel.
    bias: Vec<f32>,
    /// Channels, input height and width.
    chw: [usize; 3],
    /// Kernel height and width.
    k: [usize; 2],
    /// Vertical and horizontal stride.
    stride: [usize; 2],
    /// Zero rows above, zero columns left.
    pad: [usize; 2],
    /// Output height and width.
    out: [usize; 2],
    /// Run on each output value before it is stored.
    chain: Chain,
}

impl Op for Depthwise {
    fn name(&self) -> StaticName {
        "RowDepthwise".into()
    }

    op_as_typed_op!();
}

impl EvalOp for Depthwise {
    fn is_stateless(&self) -> bool {
        true
    }

    fn eval(&self, inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
        let input = inputs[0].as_slice::<f32>()?;
        let mut shape: TVec<usize> = inputs[0].shape().into();
        let rank = shape.len();
        shape[rank - 2..].copy_from_slice(&self.out);
        let output = pulp::Arch::new().dispatch(Run { op: self, input });
        Ok(tvec!(super::tensor(&shape, output)?.into_tvalue()))
    }
}

/// [`Depthwise::run`] compiled for the SIMD instructions the machine has.
struct Run<'a> {
    op: &'a Depthwise,
    input: &'a [f32],
}

impl pulp::WithSimd for Run<'_> {
    type Output = Vec<f32>;

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _: S) -> Vec<f32> {
        self.op.run(self.input)
    }
}

/// Output columns computed together, in registers: every tap adds into them before one store.
const LANES: usize = 16;

impl Depthwise {
    /// This convolution with `chain` run on its results.
    pub(super) fn followed_by(mut self, chain: Chain) -> Depthwise {
        self.chain = chain;
        self
    }

    /// The output of every plane of `input` (`n` × `c` planes of `h` × `w`); inlined into
    /// the caller's SIMD dispatch.
    #[inline(always)]
    fn run(&self, input: &[f32]) -> Vec<f32> {
        let [c, h, w] = self.chw;
        let [kh, kw] = self.k;
        let [sy, sx] = self.stride;
        let [oh, ow] = self.out;
        let n = input.len() / (c * h * w);
        // each channel is copied into a zero-bordered plane holding every tap's input, its
        // columns dealt into `sx` phases (column x of the bordered plane is column x / sx of
        // phase x % sx), so that every tap reads a contiguous run of its phase's row; a row is
        // long enough for every tap's last run of LANES columns (the extra ones are dropped)
        let (ph, pw) = ((oh - 1) * sy + kh, (ow - 1) * sx + kw);
        let qs = ow.next_multiple_of(LANES) + (kw - 1) / sx;
        let mut phased = vec![0f32; sx * ph * qs];
        // where each tap's run starts, for output row 0; row oy adds oy × sy rows
        let taps: Vec<usize> = (0..kh)
            .flat_map(|ky| (0..kw).map(move |kx| ((kx % sx) * ph + ky) * qs + kx / sx))
            .collect();
        let [top, left] = self.pad;
        let mut output = vec![0f32; n * c * oh * ow];
        let (mut steps, mut gate) = (Vec::new(), vec![0f32; ow]);
        let planes = input.chunks_exact(h * w).zip(output.chunks_exact_mut(oh * ow));
        for (i, (src, dst)) in planes.enumerate() {
            let ch = i % c;
            for (y, row) in src.chunks_exact(w).enumerate().take(ph - top) {
                let row = &row[..w.min(pw - left)];
                for p in 0..sx {
                    // the first input column of phase p, and where it lands in the phase's row
                    let x0 = (p + sx - left % sx) % sx;
                    let at = (p * ph + y + top) * qs + (x0 + left) / sx;
                    let cols = row.iter().skip(x0).step_by(sx);
                    for (d, &v) in phased[at..].iter_mut().zip(cols) {
                        *d = v;
                    }
                }
            }
            let kernel = &self.kernel[ch * kh * kw..][..kh * kw];
            self.chain.for_channel(ch, &mut steps);
            for (oy, out) in dst.chunks_exact_mut(ow).enumerate() {
                row_taps(out, &phased[oy * sy * qs..], &taps, kernel, self.bias[ch]);
                pointwise::apply(&steps, out, &mut gate);
            }
        }
        output
    }
}

/// `out[x] = bias + Σ weights[t] × src[taps[t] + x]`, the taps added in order (as a tap at
/// a time over the whole row would, so the sums are the same to the bit). `src` holds
/// `taps[t] + out.len()` rounded up to LANES for every tap.
#[inline(always)]
fn row_taps(out: &mut [f32], src: &[f32], taps: &[usize], weights: &[f32], bias: f32) {
    for (x, out) in (0..).step_by(LANES).zip(out.chunks_mut(LANES)) {
        let mut acc = [bias; LANES];
        for (&t, &k) in taps.iter().zip(weights) {
            let run: &[f32; LANES] = src[t + x..t + x + LANES].try_into().expect("LANES long");
            for (a, &v) in acc.iter_mut().zip(run) {
                *a += k * v;
            }
        }
        out.copy_from_slice(&acc[..out.len()]);
    }
}

impl TypedOp for Depthwise {
    fn output_facts(&self, inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
        let mut shape = inputs[0].shape.to_tvec();
        let rank = shape.len();
        shape[rank - 2] = self.out[0].into();
        shape[rank - 1] = self.out[1].into();
        Ok(tvec!(f32::fact(shape)))
    }

    as_op!();
}

/// The op for `node` when it is a float NCHW (or CHW) depthwise convolution with constant weights over
/// an input of known size, undilated.
fn depthwise_of(model: &TypedModel, node: &TypedNode) -> TractResult<Option<Depthwise>> {
    let Some(conv) = node.op_as::<Conv>() else {
        return Ok(None);
    };
    let spec = &conv.pool_spec;
    let fact = model.outlet_fact(node.inputs[0])?;
    // tract drops a batch of 1 when it declutters: NCHW becomes CHW
    let (Some(&[.., c, h, w]), Some(kernel), Some(bias)) = (
        fact.shape.as_concrete(),
        &model.outlet_fact(node.inputs[1])?.konst,
        &model.outlet_fact(node.inputs[2])?.konst,
    ) else {
        return Ok(None);
    };
    let undilated = spec.dilations.as_ref().is_none_or(|d| d.iter().all(|&d| d == 1));
    if fact.datum_type != f32::datum_type()
        || conv.q_params.is_some()
        || (spec.data_format, fact.rank()) != (DataFormat::NCHW, 4)
            && (spec.data_format, fact.rank()) != (DataFormat::CHW, 3)
        || conv.kernel_fmt != KernelFormat::OIHW
        || conv.group != c
        || spec.output_channels != c
        || spec.kernel_shape.len() != 2
        || !undilated
    {
        return Ok(None);
    }
    let (k, stride) = ([spec.kernel_shape[0], spec.kernel_shape[1]], spec.strides());
    let dims = spec.padding.compute(&[h, w], &k, &[1, 1], &stride);
    let bias = bias.cast_to::<f32>()?;
    let bias = match bias.len() {
        1 => vec![bias.as_slice::<f32>()?[0]; c],
        n if n == c => bias.as_slice::<f32>()?.to_vec(),
        _ => return Ok(None),
    };
    Ok(Some(Depthwise {
        kernel: kernel.cast_to::<f32>()?.as_slice::<f32>()?.to_vec(),
        bias,
        chw: [c, h, w],
        k,
        stride: [stride[0], stride[1]],
        pad: [dims[0].pad_before, dims[1].pad_before],
        out: [dims[0].convoluted, dims[1].convoluted],
        chain: Chain::default(),
    }))
}

/// Replaces the model's depthwise convolutions by [`Depthwise`].
pub fn replace(model: &mut TypedModel) -> TractResult<()> {
    for id in model.eval_order()? {
        let node = model.node(id);
        if let Some(op) = depthwise_of(model, node)? {
            let patch = TypedModelPatch::replace_single_op(model, node, &node.inputs[..1], op)?;
            patch.apply(model)?;
        }
    }
    Ok(())
}

#[cfg(test)]
impl Depthwise {
    /// A 3×3 convolution of a `chw` input, stride 1, padded to keep its size.
    pub(super) fn for_test(chw: [usize; 3]) -> Depthwise {
        let c = chw[0];
        Depthwise {
            kernel: (0..c * 9).map(|i| (i as f32 * 0.61).cos()).collect(),
            bias: (0..c).map(|i| i as f32 * 0.1).collect(),
            chw,
            k: [3, 3],
            stride: [1, 1],
            pad: [1, 1],
            out: [chw[1], chw[2]],
            chain: Chain::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The convolution by its definition: each output pixel the bias and every tap in order,
    /// zero outside the input.
    fn reference(op: &Depthwise, input: &[f32]) -> Vec<f32> {
        let ([c, h, w], [kh, kw], [sy, sx], [oh, ow]) = (op.chw, op.k, op.stride, op.out);
        let mut out = Vec::new();
        for ch in 0..input.len() / (h * w) {
            let plane = &input[ch * h * w..][..h * w];
            let kernel = &op.kernel[(ch % c) * kh * kw..][..kh * kw];
            for oy in 0..oh {
                for ox in 0..ow {
                    let mut a = op.bias[ch % c];
                    for ky in 0..kh {
                        for kx in 0..kw {
                            let y = (oy * sy + ky) as isize - op.pad[0] as isize;
                            let x = (ox * sx + kx) as isize - op.pad[1] as isize;
                            let inside = (0..h as isize).contains(&y) && (0..w as isize).contains(&x);
                            let v = if inside {
                                plane[y as usize * w + x as usize]
                            } else {
                                0.0
                            };
                            a += kernel[ky * kw + kx] * v;
                        }
                    }
                    out.push(a);
                }
            }
        }
        out
    }

    #[test]
    fn every_stride_kernel_and_border_agrees_with_the_definition_bit_for_bit() {
        // a little generator of its own: no dependency for a handful of numbers
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed % 2000) as f32 / 1000.0 - 1.0
        };
        let mut cases = 0;
        for (k, stride) in [
            (3, [1, 1]),
            (3, [2, 2]),
            (5, [1, 1]),
            (5, [2, 1]),
            (3, [2, 1]),
            (5, [2, 2]),
        ] {
            for (h, w) in [(1, 1), (4, 7), (12, 40), (9, 37), (6, 70)] {
                let (c, n, pad) = (3, 2, k / 2);
                let out = |len: usize, s: usize| (len + 2 * pad - k) / s + 1;
                let op = Depthwise {
                    kernel: (0..c * k * k).map(|_| next()).collect(),
                    bias: (0..c).map(|_| next()).collect(),
                    chw: [c, h, w],
                    k: [k, k],
                    stride,
                    pad: [pad, pad],
                    out: [out(h, stride[0]), out(w, stride[1])],
                    chain: Chain::default(),
                };
                let input: Vec<f32> = (0..n * c * h * w).map(|_| next()).collect();
                assert_eq!(
                    op.run(&input),
                    reference(&op, &input),
                    "{k}×{k} stride {stride:?} on {h}×{w}"
                );
                cases += 1;
            }
        }
        assert_eq!(cases, 30);
    }
}
