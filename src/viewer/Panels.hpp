#pragma once
// The viewer's panels, each drawn into the current ImGui window from the ViewerState. They hold
// no state of their own, so the window, the headless tests and the benchmark draw the same UI.

#include <imgui.h>

#include <span>
#include <vector>

#include "viewer/TimePlot.hpp"
#include "viewer/ViewerState.hpp"

namespace dermasim::viewer {

class Exporter;

// The fonts the panels use; null falls back to ImGui's current font.
struct ViewerFonts {
  ImFont* regular = nullptr;
  ImFont* large = nullptr;  // patient mode
  ImFont* title = nullptr;  // patient mode's headline
};

// Scenario list, load/save, device, schedule, patient; Simulate, progress and cancel; advisories.
// Fills the rest of the current window: the settings scroll above the action bar (Simulate,
// progress, advisories), which stays at the window's foot; give the window no scrollbar.
void drawScenarioPanel(ViewerState& state);
// The progress of the run in progress, with a Cancel button; nothing when idle.
void drawRunProgress(ViewerState& state);
// View (surface/section/split), light, camera, relief, section overlay and position.
void drawViewControls(ViewerState& state);
// Just the view (surface/section/split) and the light preset: a small box on the skin.
void drawViewSwitch(ViewerState& state);
// Day slider with session marks, play/pause, speed, key-day jumps. `large` for patient mode.
void drawTimeline(ViewerState& state, bool large);
// Redness, scar depth or roughness, and collagen against time, with the cursor on the day; with
// the range toggle on, each behind its p10-p90 band over virtual patients.
void drawPlots(ViewerState& state);
// "Range over [N] patients": the percentile bands' toggle, count, progress and Cancel.
void drawRangeControls(ViewerState& state);
// The trainer: a case's brief, the trainee's answer, then the feedback, score and debrief.
void drawTrainerPanel(ViewerState& state);
// The plots' shared layout: the panel's remaining height, the timeline's last day and cursor,
// and the session marks (`sessionDays` must outlive the options).
TimePlotOptions plotOptions(const ViewerState& state, std::span<const double> sessionDays);
// The days of `result`'s sessions (none when null).
std::vector<double> sessionDaysOf(const RunResult* result);
// Screenshot, frame sequence and MP4 export.
void drawExportPanel(ViewerState& state, Exporter& exporter);
// Patient mode's caption and before/after control (the skin itself is drawn by the app).
void drawPatientPanel(ViewerState& state, const ViewerFonts& fonts);
// The aftercare instructions in force on the day on show (patient mode); none for a preview.
std::vector<std::string> aftercareToday(const ViewerState& state);
void drawAftercareToday(const std::vector<std::string>& lines);

}  // namespace dermasim::viewer
