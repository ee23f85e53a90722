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

/// One depthwise convolution of an `[n, c, h, w]` or `[c, h, w]` input, its sizes fixed by the plan's shape.
#[derive(Debug, Clone)]
struct Depthwise {
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
        let [c, h, w] = self.chw;
        let [kh, kw] = self.k;
        let [sy, sx] = self.stride;
        let [oh, ow] = self.out;
        let n = input.len() / (c * h * w);
        let mut shape: TVec<usize> = inputs[0].shape().into();
        let rank = shape.len();
        shape[rank - 2..].copy_from_slice(&self.out);
        // each channel is copied into a zero-bordered plane holding every tap's input
        let (ph, pw) = ((oh - 1) * sy + kh, (ow - 1) * sx + kw);
        let mut plane = vec![0f32; ph * pw];
        let mut output = vec![0f32; n * c * oh * ow];
        let planes = input.chunks_exact(h * w).zip(output.chunks_exact_mut(oh * ow));
        for (i, (src, dst)) in planes.enumerate() {
            let ch = i % c;
            for (y, row) in src.chunks_exact(w).enumerate().take(ph - self.pad[0]) {
                let at = (y + self.pad[0]) * pw + self.pad[1];
                let len = w.min(pw - self.pad[1]);
                plane[at..at + len].copy_from_slice(&row[..len]);
            }
            let kernel = &self.kernel[ch * kh * kw..][..kh * kw];
            for (oy, out) in dst.chunks_exact_mut(ow).enumerate() {
                out.fill(self.bias[ch]);
                for (ky, taps) in kernel.chunks_exact(kw).enumerate() {
                    let row = &plane[(oy * sy + ky) * pw..][..pw];
                    for (kx, &k) in taps.iter().enumerate() {
                        if sx == 1 {
                            for (o, &i) in out.iter_mut().zip(&row[kx..kx + ow]) {
                                *o += k * i;
                            }
                        } else {
                            for (o, &i) in out.iter_mut().zip(row[kx..].iter().step_by(sx)) {
                                *o += k * i;
                            }
                        }
                    }
                }
            }
        }
        Ok(tvec!(Tensor::from_shape(&shape, &output)?.into_tvalue()))
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
