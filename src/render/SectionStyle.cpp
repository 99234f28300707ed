#include "render/SectionStyle.hpp"

namespace dermasim::render {

namespace {

// Picrosirius red under polarised light: thick type I fibres red-orange, thin type III green.
// Both collagens are measured against the normal reticular dermis's total collagen.
constexpr Stain kCollagen1{SectionField::Collagen1, "Collagen I", "x normal dermal collagen",
                           {0.80f, 0.10f, 0.06f}, 1.5f};
constexpr Stain kCollagen3{SectionField::Collagen3, "Collagen III", "x normal dermal collagen",
                           {0.16f, 0.66f, 0.14f}, 0.6f};
// Verhoeff-van Gieson stains elastic fibres black-violet.
constexpr Stain kElastin{SectionField::Elastin, "Elastin", "x normal dermal elastin",
                         {0.25f, 0.08f, 0.38f}, 1.5f};
// Haematoxylin-blue, for cells.
constexpr Stain kFibroblasts{SectionField::Fibroblasts, "Activated fibroblasts",
                             "per resting fibroblast", {0.12f, 0.28f, 0.85f}, 1.0f};
constexpr Stain kInjury{SectionField::Injury, "Injury", "0 none - 1 destroyed",
                        {0.78f, 0.46f, 0.04f}, 1.0f};

}  // namespace

std::vector<Stain> stainsFor(SectionOverlay overlay) {
  switch (overlay) {
    case SectionOverlay::Collagen:
      return {kCollagen1, kCollagen3};
    case SectionOverlay::Collagen1:
      return {kCollagen1};
    case SectionOverlay::Collagen3:
      return {kCollagen3};
    case SectionOverlay::Elastin:
      return {kElastin};
    case SectionOverlay::Fibroblasts:
      return {kFibroblasts};
    case SectionOverlay::Injury:
      return {kInjury};
    case SectionOverlay::Layers:
      break;
  }
  return {};
}

}  // namespace dermasim::render
