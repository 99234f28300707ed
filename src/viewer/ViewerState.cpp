#include "viewer/ViewerState.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "core/ScenarioCheck.hpp"
#include "io/InputError.hpp"
#include "io/ScenarioFile.hpp"
#include "io/ScenarioSource.hpp"
#include "io/ScenarioToml.hpp"
#include "viewer/CompareMode.hpp"
#include "viewer/PlotBands.hpp"
#include "viewer/PreviewScenario.hpp"

namespace dermasim::viewer {

namespace {

ScenarioSlot makeSlot(Scenario scenario) {
  ScenarioSlot slot;
  slot.draft = scenario;
  slot.scenario = std::move(scenario);
  return slot;
}

RunOptions viewerRunOptions(const Scenario& scenario, int snapshotEveryDays = 1,
                            double budgetBytes = kSnapshotBudgetBytes) {
  RunOptions options;
  options.snapshot_days =
      viewerSnapshotDays(scenario, kViewerSections, snapshotEveryDays, budgetBytes);
  options.section_count = kViewerSections;
  options.interpolate_snapshots = true;
  return options;
}

}  // namespace

ViewerState::ViewerState(std::vector<Scenario> scenarios) {
  for (Scenario& s : scenarios) slots.push_back(makeSlot(std::move(s)));
  if (slots.empty()) slots.push_back(makeSlot(resolveScenario(kDefaultScenario)));
  simulateSlot(*this, 0, true);
}

const RunResult* ViewerState::result() const {
  const ScenarioSlot& s = slot();
  return s.result ? &*s.result : nullptr;
}

double ViewerState::lastDay() const {
  if (const RunResult* r = result(); r != nullptr && !r->timeseries.empty()) {
    return r->timeseries.back().day;
  }
  return slot().scenario.duration_days;
}

void ViewerState::say(std::string text, bool error) {
  notice = std::move(text);
  noticeIsError = error;
}

void startRun(ViewerState& state, std::size_t index, RunKind kind) {
  const Scenario& scenario = state.slots.at(index).scenario;
  switch (kind) {
    case RunKind::Preview: {
      Scenario preview = previewScenario(scenario);
      RunOptions options = viewerRunOptions(preview, kPreviewSnapshotEveryDays);
      state.worker.start(std::move(preview), std::move(options));
      break;
    }
    case RunKind::Full:
      // Compare mode keeps two slots' snapshots: each run gets a smaller share.
      state.worker.start(scenario, viewerRunOptions(scenario, 1,
                                                    state.compare.on ? kCompareSnapshotBudgetBytes
                                                                     : kSnapshotBudgetBytes));
      break;
    case RunKind::Comparison:
      state.worker.start(scenario, RunOptions{});
      break;
  }
  state.runningSlot = index;
  state.runningKind = kind;
}

void simulateSlot(ViewerState& state, std::size_t index, bool snapshots) {
  startRun(state, index, snapshots ? RunKind::Preview : RunKind::Comparison);
}

bool applyDraft(ViewerState& state) {
  ScenarioSlot& slot = state.slot();
  // The same checks a scenario file gets (ranges, rules between keys, resource bounds); every
  // problem is listed, one per line.
  const std::vector<ScenarioProblem> problems = validateScenario(slot.draft);
  if (!problems.empty()) {
    slot.draftError.clear();
    for (const ScenarioProblem& p : problems) {
      if (!slot.draftError.empty()) slot.draftError += '\n';
      slot.draftError += p.message();
    }
    state.say(problems.front().message(), true);
    return false;
  }
  Scenario checked = slot.draft;
  // Edits may leave sessions out of order; the simulation takes them by day.
  std::stable_sort(checked.sessions.begin(), checked.sessions.end(),
                   [](const SessionPlan& a, const SessionPlan& b) { return a.day < b.day; });
  checked.source = slot.scenario.source;
  slot.draftError.clear();
  slot.draftChanged = false;
  slot.scenario = checked;
  slot.draft = std::move(checked);
  dropBands(state, state.active);
  slot.result.reset();
  slot.aftercare.clear();
  slot.preview = false;
  slot.snapshots = {};
  ++state.snapshotsVersion;
  simulateSlot(state, state.active, true);
  state.say("simulating " + slot.scenario.name);
  return true;
}

void activateSlot(ViewerState& state, std::size_t index) {
  if (index >= state.slots.size() || index == state.active) return;
  if (inComparePair(state, index)) {
    bringToFront(state, index);
    return;
  }
  replaceFront(state, index);
  ++state.snapshotsVersion;
  state.playback.pause();
  state.playback.seek(state.playback.day(), state.lastDay());
  if (state.runningSlot == index && state.runningKind != RunKind::Comparison) return;
  simulateSlot(state, index, true);
}

namespace {

// Takes a finished run into its slot and starts the next one needed (pollWorker()).
void takeFinishedRun(ViewerState& state) {
  if (!state.runningSlot) return;
  const SimulationWorker::State workerState = state.worker.state();
  if (workerState == SimulationWorker::State::Running) return;
  const std::size_t index = *state.runningSlot;
  const RunKind kind = state.runningKind;
  state.runningSlot.reset();
  if (workerState == SimulationWorker::State::Failed) {
    state.say("simulation " + state.worker.status(), true);
    return;
  }
  if (workerState == SimulationWorker::State::Cancelled) {
    state.say(state.showingPreview() ? "simulation cancelled: showing the preview only"
                                     : "simulation cancelled");
    return;
  }
  std::optional<RunResult> result = state.worker.takeResult();
  if (!result || index >= state.slots.size()) return;
  ScenarioSlot& slot = state.slots[index];
  std::vector<SkinSnapshot> snapshots = std::move(result->snapshots);
  result->snapshots.clear();
  std::vector<double> sessionDays;
  for (const SessionResult& s : result->sessions) sessionDays.push_back(s.day);
  if ((index == state.active || inComparePair(state, index)) && !snapshots.empty()) {
    slot.snapshots = SnapshotCache(std::move(snapshots), sessionDays, slot.scenario.duration_days);
    ++state.snapshotsVersion;
  }
  slot.result = std::move(result);
  slot.preview = kind == RunKind::Preview;
  slot.aftercare = aftercarePlan(*slot.result);
  if (index == state.active) {
    state.playback.seek(state.playback.day(), state.lastDay());
    state.say((slot.preview ? "preview of " : "simulated ") + slot.scenario.name);
  }

  // What to run next: the full run behind a preview, the slot on show if it cannot be drawn yet,
  // then the others' plots.
  if (slot.preview && index == state.active) {
    startRun(state, index, RunKind::Full);
    return;
  }
  if (state.slot().snapshots.empty()) {
    simulateSlot(state, state.active, true);
    return;
  }
  // Compare mode: the other protocol's full run, with snapshots, follows the one in front.
  if (const std::optional<std::size_t> other = compareOther(state);
      other && needsCompareRun(state.slots[*other])) {
    startRun(state, *other, RunKind::Full);
    return;
  }
  for (std::size_t i = 0; i < state.slots.size(); ++i) {
    // The slot on show keeps a preview whose refinement was cancelled: a comparison run would
    // put a full result beside the preview's skin.
    if (inComparePair(state, i) || i == state.active) continue;
    if (!state.slots[i].result || state.slots[i].preview) {
      simulateSlot(state, i, false);
      return;
    }
  }
}

}  // namespace

void pollWorker(ViewerState& state) {
  takeFinishedRun(state);
  pollBands(state);
}

void cancelRun(ViewerState& state) {
  if (!state.busy()) return;
  state.worker.cancel();
}

void refinePreview(ViewerState& state) {
  if (!state.showingPreview() || state.refining()) return;
  startRun(state, state.active, RunKind::Full);
  state.say("refining " + state.slot().scenario.name);
}

std::string previewLabel(const ViewerState& state) {
  if (!state.showingPreview()) return "";
  if (!state.refining()) return "Preview (coarse grid) - full run cancelled: press Refine";
  // The preview's own run may still be finishing when a new edit restarted it; only the full
  // run's fraction says how far the refinement is.
  if (state.runningKind != RunKind::Full) return "Preview (coarse grid) - refining...";
  const int percent = static_cast<int>(state.worker.progress() * 100);
  return "Preview (coarse grid) - refining... " + std::to_string(percent) + " %";
}

bool loadScenarioInto(ViewerState& state, const std::string& fileOrBuiltin) {
  try {
    Scenario scenario = resolveScenario(fileOrBuiltin);
    state.slots.push_back(makeSlot(std::move(scenario)));
    replaceFront(state, state.slots.size() - 1);
    ++state.snapshotsVersion;
    state.playback.pause();
    simulateSlot(state, state.active, true);
    state.say("opened " + state.slot().scenario.source);
    return true;
  } catch (const std::exception& e) {
    state.say(e.what(), true);
    return false;
  }
}

bool saveDraft(ViewerState& state, const std::filesystem::path& file) {
  try {
    if (file.extension() != ".toml") {
      throw InputError("save: " + file.string() + ": must be a .toml file");
    }
    saveScenarioFile(file, state.slot().draft);
    state.say("saved " + file.string());
    return true;
  } catch (const std::exception& e) {
    state.say(e.what(), true);
    return false;
  }
}

}  // namespace dermasim::viewer
