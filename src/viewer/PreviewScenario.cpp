#include "viewer/PreviewScenario.hpp"

#include <algorithm>

namespace dermasim::viewer {

Scenario previewScenario(const Scenario& full) {
  Scenario preview = full;
  ModelSettings& m = preview.model;
  m.lateral_resolution_um = std::max(m.lateral_resolution_um, kPreviewLateralResolutionUm);
  m.depth_resolution_um = std::max(m.depth_resolution_um, kPreviewDepthResolutionUm);
  m.time_step_scale = std::max(m.time_step_scale, kPreviewTimeStepScale);
  preview.name = full.name + " (preview)";
  return preview;
}

}  // namespace dermasim::viewer
