//! Nearest-neighbour upsampling by whole factors: each pixel repeated.
//!
//! tract 0.22 evaluates ONNX's Resize one element at a time through n-dimensional indexing
//! (a third of detection's time). Detection's six Resizes (its neck's ×2 to ×8 upsamplings)
//! are nearest-neighbour, `asymmetric` and `floor`: with a whole factor each input pixel is
//! repeated, which this op does a row at a time.

use tract_onnx::prelude::*;
use tract_onnx::tract_core::internal::*;

/// Repeats each pixel of the last two axes `by[0]` times down and `by[1]` times across.
#[derive(Debug, Clone)]
struct Repeat {
    by: [usize; 2],
}

impl Op for Repeat {
    fn name(&self) -> StaticName {
        "RepeatPixels".into()
    }

    op_as_typed_op!();
}

impl EvalOp for Repeat {
    fn is_stateless(&self) -> bool {
        true
    }

    fn eval(&self, inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
        let input = &inputs[0];
        let mut shape: TVec<usize> = input.shape().into();
        let rank = shape.len();
        let (h, w) = (shape[rank - 2], shape[rank - 1]);
        let [sy, sx] = self.by;
        shape[rank - 2] = h * sy;
        shape[rank - 1] = w * sx;
        let mut output = vec![0f32; shape.iter().product()];
        for (row, out) in input
            .as_slice::<f32>()?
            .chunks_exact(w)
            .zip(output.chunks_exact_mut(w * sx * sy))
        {
            let (first, copies) = out.split_at_mut(w * sx);
            for (o, &v) in first.chunks_exact_mut(sx).zip(row) {
                o.fill(v);
            }
            for copy in copies.chunks_exact_mut(w * sx) {
                copy.copy_from_slice(first);
            }
        }
        Ok(tvec!(super::tensor(&shape, output)?.into_tvalue()))
    }
}

impl TypedOp for Repeat {
    fn output_facts(&self, inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
        let mut shape = inputs[0].shape.to_tvec();
        let rank = shape.len();
        shape[rank - 2] = shape[rank - 2].clone() * self.by[0];
        shape[rank - 1] = shape[rank - 1].clone() * self.by[1];
        Ok(tvec!(f32::fact(shape)))
    }

    as_op!();
}

/// Replaces the model's Resizes that scale the last two axes of a float input of known size
/// by whole factors; the caller has checked they are nearest-neighbour, `asymmetric`, `floor`.
pub fn replace(model: &mut TypedModel) -> TractResult<()> {
    for id in model.eval_order()? {
        let node = model.node(id);
        if node.op.name() != "Resize" {
            continue;
        }
        let fact = model.outlet_fact(node.inputs[0])?;
        let (Some(from), Some(to)) = (fact.shape.as_concrete(), node.outputs[0].fact.shape.as_concrete()) else {
            continue;
        };
        let rank = from.len();
        let whole = |a: usize| to[a] % from[a] == 0;
        if fact.datum_type != f32::datum_type()
            || rank < 2
            || from[..rank - 2] != to[..rank - 2]
            || !whole(rank - 2)
            || !whole(rank - 1)
        {
            continue;
        }
        let by = [to[rank - 2] / from[rank - 2], to[rank - 1] / from[rank - 1]];
        let patch = TypedModelPatch::replace_single_op(model, node, &node.inputs[..1], Repeat { by })?;
        patch.apply(model)?;
    }
    Ok(())
}
