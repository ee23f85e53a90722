//! Chains of element-wise steps, run in one pass over a tensor (or inside the convolution that
//! makes it).
//!
//! PP-LCNetV3 follows each convolution by learnable affine blocks (`x × s + b`) and a hard
//! swish written out as `x × max(min(x × a + b, 1), 0)`: five to nine element-wise ops, each a
//! pass over the whole tensor in tract 0.22 (a sixth of recognition's time). tract fuses those
//! that directly follow a matrix product into it, but stops at the swish's fork and cannot
//! fuse into our own depthwise op. [`fuse`] takes every such chain out of the graph: after a
//! [`Depthwise`](super::depthwise) into that op (the steps run on its results before they are
//! stored), after anything else from the first fork into one [`Pointwise`] op, which
//! overwrites its input in place. Each step is the same IEEE operation in the same order on
//! the same constants as the ops it replaces, so outputs are the same to the bit.

use std::collections::HashSet;

use tract_onnx::prelude::*;
use tract_onnx::tract_core::internal::*;

use super::depthwise::Depthwise;

/// Values a step runs over at a time.
const RUN: usize = 512;

/// What a step does to a value `x`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    /// `x + c`.
    Add,
    /// `x × c`.
    Mul,
    /// `min(x, c)`.
    Min,
    /// `max(x, c)`.
    Max,
    /// The steps up to [`Kind::GateEnd`] run on a copy `g` of `x`, ...
    GateStart,
    /// ... and then `x × g`.
    GateEnd,
}

/// One step, its constant one for all channels or one a channel (none for the gate's marks).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Step {
    kind: Kind,
    values: Vec<f32>,
}

/// The steps that follow an op, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Chain(Vec<Step>);

impl Chain {
    /// Whether the chain does nothing.
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The steps for channel `ch`, their constants chosen.
    pub(super) fn for_channel(&self, ch: usize, out: &mut Vec<(Kind, f32)>) {
        out.clear();
        out.extend(self.0.iter().map(|s| match s.values.len() {
            0 => (s.kind, 0.0),
            1 => (s.kind, s.values[0]),
            _ => (s.kind, s.values[ch]),
        }));
    }
}

/// Runs the steps of one channel on the values `x`, a step at a time over all of them (a
/// short run, in the first-level cache); `g` is room for the gate's copy, as long as `x`.
#[inline(always)]
pub(super) fn apply(steps: &[(Kind, f32)], x: &mut [f32], g: &mut [f32]) {
    let g = &mut g[..x.len()];
    let mut gated = false;
    for &(kind, c) in steps {
        let v = if gated { &mut *g } else { &mut *x };
        match kind {
            Kind::Add => v.iter_mut().for_each(|v| *v += c),
            Kind::Mul => v.iter_mut().for_each(|v| *v *= c),
            Kind::Min => v.iter_mut().for_each(|v| *v = v.min(c)),
            Kind::Max => v.iter_mut().for_each(|v| *v = v.max(c)),
            Kind::GateStart => {
                g.copy_from_slice(x);
                gated = true;
            }
            Kind::GateEnd => {
                x.iter_mut().zip(&*g).for_each(|(x, g)| *x *= g);
                gated = false;
            }
        }
    }
}

/// A chain of steps on an `[n, c, h, w]` or `[c, h, w]` tensor, in place.
#[derive(Debug, Clone)]
struct Pointwise {
    chain: Chain,
    /// Channels, and values a channel.
    c: usize,
    plane: usize,
}

impl Op for Pointwise {
    fn name(&self) -> StaticName {
        "Pointwise".into()
    }

    op_as_typed_op!();
}

impl EvalOp for Pointwise {
    fn is_stateless(&self) -> bool {
        true
    }

    fn eval(&self, mut inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
        let mut tensor = inputs.remove(0).into_tensor();
        let data = tensor.as_slice_mut::<f32>()?;
        pulp::Arch::new().dispatch(Run { op: self, data });
        Ok(tvec!(tensor.into_tvalue()))
    }
}

/// [`Pointwise::run`] compiled for the SIMD instructions the machine has.
struct Run<'a> {
    op: &'a Pointwise,
    data: &'a mut [f32],
}

impl pulp::WithSimd for Run<'_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _: S) {
        self.op.run(self.data)
    }
}

impl Pointwise {
    #[inline(always)]
    fn run(&self, data: &mut [f32]) {
        let (mut steps, mut gate) = (Vec::new(), [0f32; RUN]);
        for (i, plane) in data.chunks_exact_mut(self.plane).enumerate() {
            self.chain.for_channel(i % self.c, &mut steps);
            for run in plane.chunks_mut(RUN) {
                apply(&steps, run, &mut gate);
            }
        }
    }
}

impl TypedOp for Pointwise {
    fn output_facts(&self, inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
        Ok(tvec!(inputs[0].without_value()))
    }

    as_op!();
}

/// The step of `node` when it is a float Add, Mul, Min or Max of `from` and a constant that is
/// one value or one a channel of `fact` (`[.., c, h, w]`).
fn constant_step(model: &TypedModel, node: &TypedNode, from: OutletId, c: usize) -> TractResult<Option<Step>> {
    let kind = match &*node.op.name() {
        "Add" => Kind::Add,
        "Mul" => Kind::Mul,
        "Min" => Kind::Min,
        "Max" => Kind::Max,
        _ => return Ok(None),
    };
    if node.inputs.len() != 2 || node.outputs[0].fact.datum_type != f32::datum_type() {
        return Ok(None);
    }
    let Some(other) = node.inputs.iter().find(|&&i| i != from) else {
        return Ok(None);
    };
    let fact = model.outlet_fact(*other)?;
    let Some(konst) = &fact.konst else {
        return Ok(None);
    };
    if konst.datum_type() != f32::datum_type() {
        return Ok(None);
    }
    let shape = konst.shape();
    let values = konst.as_slice::<f32>()?.to_vec();
    // one value, or `c` on the channel axis (third from the right) and 1 elsewhere
    let per_channel =
        values.len() == c && shape.len() >= 3 && shape[shape.len() - 3] == c && shape.iter().product::<usize>() == c;
    if values.len() != 1 && !per_channel {
        return Ok(None);
    }
    // the output must keep the input's shape (the constant only broadcasts)
    if node.outputs[0].fact.shape != model.outlet_fact(from)?.shape {
        return Ok(None);
    }
    Ok(Some(Step { kind, values }))
}

/// The only node reading `outlet`, when exactly one does and it is not a model output.
fn only_reader(model: &TypedModel, outlet: OutletId) -> TractResult<Option<&TypedNode>> {
    let succ = &model.outlet_successors(outlet);
    if succ.len() != 1 || model.output_outlets()?.contains(&outlet) {
        return Ok(None);
    }
    Ok(Some(model.node(succ[0].node)))
}

/// A gate's steps, its nodes and its product's output.
type Gate = (Vec<Step>, Vec<usize>, OutletId);

/// The gate that reads `from`, when there is one: a chain of constant steps on `from` whose
/// end is multiplied by `from`, and nothing else reading `from`. The gate's steps, its nodes
/// and its product's output.
fn gate(model: &TypedModel, from: OutletId, c: usize) -> TractResult<Option<Gate>> {
    let succ = model.outlet_successors(from);
    if succ.len() != 2 || model.output_outlets()?.contains(&from) {
        return Ok(None);
    }
    for (first, product) in [(succ[0].node, succ[1].node), (succ[1].node, succ[0].node)] {
        let mul = model.node(product);
        if mul.op.name() != "Mul" || mul.inputs.len() != 2 {
            continue;
        }
        let (mut steps, mut nodes, mut at) = (Vec::new(), Vec::new(), from);
        let mut node = model.node(first);
        while let Some(step) = constant_step(model, node, at, c)? {
            steps.push(step);
            nodes.push(node.id);
            at = node.id.into();
            match only_reader(model, at)? {
                Some(next) => node = next,
                None => break,
            }
        }
        let closes = node.id == product && mul.inputs.contains(&at) && mul.inputs.contains(&from);
        if !steps.is_empty() && closes && mul.outputs[0].fact.shape == model.outlet_fact(from)?.shape {
            nodes.push(product);
            return Ok(Some((steps, nodes, product.into())));
        }
    }
    Ok(None)
}

/// The chain that follows `from`: constant steps and gates, as long as each reads only the
/// last one's output. Its steps, nodes and last output. With `gate_first`, it must begin with
/// a gate (tract fuses the constant steps right after a matrix product into it).
fn chain_after(
    model: &TypedModel,
    from: OutletId,
    c: usize,
    gate_first: bool,
) -> TractResult<(Chain, Vec<usize>, OutletId)> {
    let (mut steps, mut nodes, mut at) = (Vec::new(), Vec::new(), from);
    loop {
        if let Some((inner, gate_nodes, out)) = gate(model, at, c)? {
            steps.push(Step {
                kind: Kind::GateStart,
                values: vec![],
            });
            steps.extend(inner);
            steps.push(Step {
                kind: Kind::GateEnd,
                values: vec![],
            });
            nodes.extend(gate_nodes);
            at = out;
            continue;
        }
        if gate_first && steps.is_empty() {
            break;
        }
        let Some(next) = only_reader(model, at)? else { break };
        let Some(step) = constant_step(model, next, at, c)? else {
            break;
        };
        steps.push(step);
        nodes.push(next.id);
        at = next.id.into();
    }
    Ok((Chain(steps), nodes, at))
}

/// Takes every chain of element-wise steps out of the graph: into the depthwise convolution
/// before it, or into one [`Pointwise`] op from the first gate after anything else.
pub fn fuse(model: &mut TypedModel) -> TractResult<()> {
    let mut taken: HashSet<usize> = HashSet::new();
    for id in model.eval_order()? {
        if taken.contains(&id) {
            continue;
        }
        let node = model.node(id);
        let [output] = &node.outputs[..] else { continue };
        let Some(shape) = output.fact.shape.as_concrete() else {
            continue;
        };
        if output.fact.datum_type != f32::datum_type() || !(3..=4).contains(&shape.len()) {
            continue;
        }
        let (c, plane) = (shape[shape.len() - 3], shape[shape.len() - 2] * shape[shape.len() - 1]);
        let depthwise = node.op_as::<Depthwise>();
        let (chain, nodes, last) = chain_after(model, id.into(), c, depthwise.is_none())?;
        if chain.is_empty() {
            continue;
        }
        let mut patch = TypedModelPatch::default();
        let out = if let Some(op) = depthwise {
            let op = op.clone().followed_by(chain);
            let input = patch.tap_model(model, node.inputs[0])?;
            patch.wire_node(&node.name, op, &[input])?[0]
        } else {
            let input = patch.tap_model(model, id.into())?;
            let name = format!("{}.pointwise", node.name);
            patch.wire_node(name, Pointwise { chain, c, plane }, &[input])?[0]
        };
        patch.shunt_outside(model, last, out)?;
        taken.extend(nodes);
        patch.apply(model)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tract_onnx::tract_core::ops::math;

    /// A learnable affine block and a hard swish after `x`, as the models have them: a bias
    /// a channel, a scale and a shift, then `x × max(min(x × a + b, 1), 0)` and another scale.
    fn model(producer: Option<Depthwise>) -> TractResult<TypedModel> {
        let mut m = TypedModel::default();
        let mut x = m.add_source("x", f32::fact([1, 4, 6, 21]))?;
        if let Some(op) = producer {
            x = m.wire_node("dw", op, &[x])?[0];
        }
        let konst = |m: &mut TypedModel, name: &str, v: &[f32]| {
            let shape = if v.len() == 1 { [1, 1, 1, 1] } else { [1, v.len(), 1, 1] };
            m.add_const(name, tensor1(v).into_shape(&shape)?)
        };
        let bias = konst(&mut m, "bias", &[0.5, -1.25, 2.0, 0.0])?;
        let x = m.wire_node("add_bias", math::add(), &[x, bias])?[0];
        let s = konst(&mut m, "s", &[0.75])?;
        let x = m.wire_node("scale", math::mul(), &[x, s])?[0];
        let b = konst(&mut m, "b", &[-0.1])?;
        let x = m.wire_node("shift", math::add(), &[b, x])?[0];
        let (a, c, one, zero) = (
            konst(&mut m, "a", &[1.0 / 6.0])?,
            konst(&mut m, "c", &[0.5])?,
            konst(&mut m, "one", &[1.0])?,
            konst(&mut m, "zero", &[0.0])?,
        );
        let g = m.wire_node("g1", math::mul(), &[x, a])?[0];
        let g = m.wire_node("g2", math::add(), &[g, c])?[0];
        let g = m.wire_node("g3", math::min(), &[g, one])?[0];
        let g = m.wire_node("g4", math::max(), &[g, zero])?[0];
        let y = m.wire_node("swish", math::mul(), &[g, x])?[0];
        let s2 = konst(&mut m, "s2", &[1.5, 0.25, -2.0, 1.0])?;
        let y = m.wire_node("scale2", math::mul(), &[y, s2])?[0];
        m.set_output_outlets(&[y])?;
        Ok(m)
    }

    fn run(m: TypedModel, input: &Tensor) -> TractResult<Vec<u32>> {
        let plan = m.into_optimized()?.into_runnable()?;
        let out = plan.run(tvec!(input.clone().into()))?;
        Ok(out[0].as_slice::<f32>()?.iter().map(|v| v.to_bits()).collect())
    }

    #[test]
    fn a_fused_chain_gives_the_same_bits_as_the_ops_it_replaces() -> TractResult<()> {
        let input = Tensor::from_shape(
            &[1, 4, 6, 21],
            &(0..504).map(|i| (i as f32 * 0.37).sin() * 9.0).collect::<Vec<_>>(),
        )?;
        let depthwise = Depthwise::for_test([4, 6, 21]);
        for producer in [None, Some(depthwise)] {
            let plain = model(producer.clone())?;
            let mut fused = plain.clone();
            fuse(&mut fused)?;
            let fused = fused.into_decluttered()?;
            // the gate and what follows it are gone into one op; with a depthwise producer,
            // every step is, and there is no Pointwise
            let names: Vec<_> = fused.nodes().iter().map(|n| n.op.name().to_string()).collect();
            assert!(!names.iter().any(|n| n == "Min" || n == "Max"), "{names:?}");
            assert_eq!(names.iter().any(|n| n == "Pointwise"), producer.is_none(), "{names:?}");
            assert_eq!(run(fused, &input)?, run(plain, &input)?);
        }
        Ok(())
    }
}
