#pragma once
// Everything the viewer shows and edits, apart from OpenGL objects: the scenarios it holds, the
// background run, the finished results and their snapshots, the timeline and the view settings.
// The panels read and change this; the window and the pixel tests drive it the same way.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/Simulation.hpp"
#include "core/scenario/Scenario.hpp"
#include "guidance/Aftercare.hpp"
#include "render/RenderOptions.hpp"
#include "viewer/CohortBands.hpp"
#include "viewer/Playback.hpp"
#include "viewer/SimulationWorker.hpp"
#include "viewer/SnapshotCache.hpp"
#include "viewer/TrainerMode.hpp"

namespace dermasim::viewer {

enum class ViewerMode {
  Clinician,  // every panel: scenario, view controls, timeline, plots, export
  Patient,    // large type, before/after, the timeline and a plain-language caption
};

// Sections stored per snapshot, so the section's position can move without re-simulating.
inline constexpr int kViewerSections = 5;

// One scenario the viewer holds.
struct ScenarioSlot {
  Scenario scenario;  // as last simulated (or loaded)
  Scenario draft;     // as edited in the scenario panel
  bool draftChanged = false;
  std::string draftError;           // why the draft cannot be simulated; empty if it can
  std::optional<RunResult> result;  // of `scenario`, snapshots moved out into `snapshots`
  SnapshotCache snapshots;  // kept for the slot on show (and compare mode's pair) only: large
  // `result` and `snapshots` are of previewScenario(scenario), on show until the full run
  // replaces them: labelled as such, never exported or captioned for a patient.
  bool preview = false;
  // The aftercare timeline of `result` (guidance/Aftercare.hpp), made once when it arrives.
  std::vector<AftercareStep> aftercare;
  // The plots' percentile bands of `scenario` (PlotBands.hpp), one per patient count asked for:
  // switching the count back finds them again. Dropped when the scenario is edited.
  std::vector<CohortBands> bands;
};

// What the worker's current run is for.
enum class RunKind {
  Preview,     // the slot on show, coarse: a skin within a fraction of a second
  Full,        // the slot on show, with snapshots: replaces its preview
  Comparison,  // another slot, without snapshots: its plots beside the one on show
};

// Compare mode (CompareMode.hpp): protocols A and B side by side. `a` and `b` are slot indices;
// the slot on show (`active`) is one of them, and bringing the other to the front re-simulates
// nothing, as both keep their snapshots.
struct ComparePair {
  bool on = false;
  std::size_t a = 0, b = 0;
};

struct ViewerState {
  explicit ViewerState(std::vector<Scenario> scenarios);

  std::vector<ScenarioSlot> slots;
  std::size_t active = 0;
  // Changes whenever the snapshots on show are replaced (a finished run, another slot), so
  // drawing code knows what it has uploaded is stale.
  std::uint64_t snapshotsVersion = 0;
  ViewerMode mode = ViewerMode::Clinician;
  bool aboutOpen = false;  // the About box: version, "not a prediction", the known limits

  SimulationWorker worker;
  std::optional<std::size_t> runningSlot;  // the slot the worker's current run belongs to
  RunKind runningKind = RunKind::Full;

  Playback playback;
  render::RenderOptions view;  // the clinician's view; patient mode derives its own
  float beforeAfterSplit = 0.5f;
  bool comparePlots = true;  // plots also show the other scenarios' results
  ComparePair compare;
  // The before/after view's "before": any day (session 2 against session 4), 0 by default.
  double beforeDay = 0;
  // The trainer tab: a training case, the trainee's answer, and the feedback on it.
  TrainerState trainer;
  // "Range over N patients": the plots' p10-p90 bands (PlotBands.hpp). Off by default: each
  // band costs N coarse runs.
  bool rangeBands = false;
  int bandPatients = kDefaultBandPatients;
  CohortBandJob bandJob;
  std::optional<std::size_t> bandSlot;  // the slot bandJob computes for
  std::size_t bandJobPatients = 0;      // and its patient count

  std::string scenarioPath;  // the load/save field
  std::string notice;        // the last thing done or gone wrong, for the status line
  bool noticeIsError = false;

  ScenarioSlot& slot() { return slots.at(active); }
  const ScenarioSlot& slot() const { return slots.at(active); }
  // The result on show, or null while the first run is going.
  const RunResult* result() const;
  // Last day of the timeline: the shown result's duration, else the scenario's.
  double lastDay() const;
  bool busy() const { return runningSlot.has_value(); }
  // The skin and plots on show are the preview's (refining, or its refinement was cancelled).
  bool showingPreview() const { return slot().preview && slot().result.has_value(); }
  // The full result of the slot on show is being computed.
  bool refining() const { return runningSlot == active && runningKind != RunKind::Comparison; }

  void say(std::string text, bool error = false);
};

// Starts simulating slot `index` (its `scenario`). For the slot on show (`snapshots`): its preview
// first, which pollWorker() shows and follows with the full run; otherwise the full run without
// snapshots, for the comparison plots. Replaces a run in progress.
void simulateSlot(ViewerState& state, std::size_t index, bool snapshots);
// Starts run `kind` of slot `index` (a Full run keeps snapshots), replacing a run in progress.
void startRun(ViewerState& state, std::size_t index, RunKind kind);
// Checks the active slot's draft as a scenario file would be checked; on success it becomes the
// slot's scenario and is simulated. Returns false and sets draftError otherwise.
bool applyDraft(ViewerState& state);
// Shows slot `index`, re-simulating it if its snapshots are not at hand.
void activateSlot(ViewerState& state, std::size_t index);
// Takes a finished run into its slot, and starts the next one needed: after a preview, the full
// run of the same slot; then the slot on show if it lacks snapshots, then any slot without a full
// result (for the comparison plots); then the percentile bands' job (pollBands()). Call each
// frame.
void pollWorker(ViewerState& state);
// Stops the current run (the slot keeps what it showed: a preview stays on show, labelled).
void cancelRun(ViewerState& state);
// Computes the full result behind a preview whose refinement was cancelled.
void refinePreview(ViewerState& state);
// What the skin area says while a preview is on show ("Preview - refining... 40 %", or that the
// refinement was cancelled); empty when the full result (or nothing) is on show.
std::string previewLabel(const ViewerState& state);

// Adds a scenario from a file or a built-in name and shows it. Errors go to the notice.
bool loadScenarioInto(ViewerState& state, const std::string& fileOrBuiltin);
// Writes the active slot's draft as a TOML scenario file. Errors go to the notice.
bool saveDraft(ViewerState& state, const std::filesystem::path& file);

}  // namespace dermasim::viewer
