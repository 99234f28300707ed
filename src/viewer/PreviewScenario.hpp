#pragma once
// The coarse stand-in the viewer simulates first, so an edited scenario shows a skin within a
// fraction of a second while the full run computes behind it: the same patient, device, sessions,
// seed and patch, on a coarser grid with longer time steps. It looks like the same skin (the
// same scars in the same places, the same needle channels, the same redness over time) but its
// figures are not the scenario's result, so the viewer labels it as a preview and never exports
// it or captions it for a patient.
//
//   const Scenario preview = previewScenario(slot.scenario);
//   worker.start(preview, ...);   // then the full scenario once the preview is on show

#include "core/scenario/Scenario.hpp"

namespace dermasim::viewer {

// Coarsest grid spacing across the skin the scenario keys allow (model.lateral_resolution_um).
inline constexpr double kPreviewLateralResolutionUm = 200;
// Into the skin: twice the default, still two cells across the thinnest epidermis.
inline constexpr double kPreviewDepthResolutionUm = 100;
// The longest steps the scenario keys allow (model.time_step_scale).
inline constexpr double kPreviewTimeStepScale = 2;

// Days between a preview's regular snapshots (its key days are all kept): a snapshot costs about
// as much as a preview's time step, and daily ones made up a third of the preview's time.
inline constexpr int kPreviewSnapshotEveryDays = 4;

// `full` on the preview's grid and steps; a scenario already coarser than that keeps its own.
Scenario previewScenario(const Scenario& full);

}  // namespace dermasim::viewer
