#pragma once
// Everything the healing model tracks, voxel by voxel (3-D) or column by column (2-D).
// Matrix quantities are relative to normal reticular-dermis collagen density = 1.

#include "core/numerics/Grid.hpp"

namespace dermasim {

struct TissueState {
  // fast: hours to days after a session
  Field injury;  // damaged fraction of the voxel's tissue, 0..1
  Field lumen;   // open channel fraction of the voxel, 0..1
  // On the mediators' grid (HealingModel::mediatorCells(), coarser across than the rest with
  // numerics.mediator_coarsening above 1, the same depth planes):
  Field mediators;     // vasoactive inflammatory mediators, units of their half-saturation
  Field vasodilation;  // extra perfusion of the voxel's vessels, 0 (none) .. 1 (maximal)
  Field inflammation;  // inflammatory infiltrate (neutrophils, macrophages), 0 .. 1 (dense)
  Field signal;        // active growth signal (TGF-beta family), units of its half-saturation
  // growth factors released from the injured matrix and activated slowly (latent TGF-beta,
  // FGF, PDGF): they reach the tissue between punctures. Units of their half-saturation.
  Field paracrine;
  // slow: weeks to months
  Field fibroblasts;  // activated fibroblasts and myofibroblasts, relative to resting density
  Field remodelling;  // matrix-remodelling activity that outlasts the activated cells, 0..
  Field collagen1;
  Field collagen3;
  // Missing tissue volume (see BaselineSkin::deficit) that remodelling has refilled, as a
  // fraction of the voxel: first as new matrix not yet cross-linked, which does not yet hold the
  // surface up, then cross-linked. New collagen laid into existing tissue makes it denser; only
  // refilling restores volume.
  Field refilling;
  Field refilled;
  Field elastin;
  // per column
  Field surface_blood_um;  // blood lying on the skin, as a film thickness
  // keratinocyte growth factors (KGF/FGF7 family) at the basal layer, made by activated
  // papillary fibroblasts; units of their half-saturation
  Field keratinocyte_signal;
  Field epidermis_gain;  // epidermal thickening, relative to baseline thickness
  Field tether;          // fibrous tethering of the surface to deeper tissue, 0..1
  // vasodilation of the neurogenic (axon-reflex) flare, 0..1, the same at every depth of the
  // column; the vessels dilate by the union of it and `vasodilation` (healing/NeurogenicFlare)
  Field flare;
};

}  // namespace dermasim
