#pragma once
// Where the session's needles end, drawn on the section: a needle outline from above the skin
// down to their mean depth, a dashed line across the section at that depth, and a label naming
// the layer it lies in, from the snapshot's own layer boundaries (so the same needle ends in the
// reticular dermis of a cheek and in the subcutis of an eyelid). For trainers: which layer a
// needle length reaches, on any day, not only while the channels are open.
//
//   const SectionGeometry g = sectionGeometry(snapshot, snapshot.sectionNear(0.5));
//   layerAtDepth(g, 1.35f);   // SkinLayer::ReticularDermis on the cheek
//   needleReachLabel(g.needle, layerAtDepth(g, static_cast<float>(g.needle.depth_mm)));
#include <string>
#include <string_view>

#include "render/Painter2D.hpp"
#include "render/SectionPass.hpp"

namespace dermasim::render {

enum class SkinLayer { Epidermis, PapillaryDermis, ReticularDermis, Subcutis };

// The layer at `depthMm` below the untreated surface level, by the section's boundaries (the
// epidermis as drawn, with its mean thickening). A depth on a boundary is in the layer below it.
SkinLayer layerAtDepth(const SectionGeometry& geometry, float depthMm);
// "epidermis", "papillary dermis", "reticular dermis", "subcutis".
std::string_view layerName(SkinLayer layer);

// "Needles 1.35 mm (1.5 mm pen, session 2): reticular dermis"; session still to come: "... session
// 1, to come): ...".
std::string needleReachLabel(const NeedleReach& needle, SkinLayer layer);

// The image row (panel pixels, y down) of `depthMm` in the section laid out as `layout`.
float sectionRowOf(const SectionLayout& layout, float depthMm);

// The marker's colour: a teal no stain or layer tint uses (fibroblasts are blue, type III
// collagen green), so it reads over all of them.
inline constexpr Colour4 kNeedleInk{0.0f, 0.52f, 0.62f, 1.0f};

// Draws the needle, the line and the label into `layout.image` (painter begun on the panel).
void drawNeedleReach(Painter2D& painter, const SectionLayout& layout,
                     const SectionGeometry& geometry);

}  // namespace dermasim::render
