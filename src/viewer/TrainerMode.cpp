#include "viewer/TrainerMode.hpp"

#include <utility>

#include "io/InputError.hpp"
#include "io/ScenarioToml.hpp"
#include "io/TrainingFiles.hpp"
#include "viewer/ViewerState.hpp"

namespace dermasim::viewer {
namespace {

// The case's own protocol as the starting answer: the trainee changes what they would change.
TrainingAnswer startingAnswer(const TrainingCase& c) {
  TrainingAnswer a;
  a.source = "the viewer's trainer";
  if (c.scenario.sessions.empty()) return a;
  const SessionPlan& first = c.scenario.sessions.front();
  a.device = first.device.type;
  a.needle_length_mm = first.device.needle_length_mm;
  a.passes = first.device.passes;
  a.sessions = static_cast<int>(c.scenario.sessions.size());
  constexpr double kMonthly = 28;
  a.interval_days =
      c.scenario.sessions.size() > 1 ? c.scenario.sessions[1].day - first.day : kMonthly;
  return a;
}

}  // namespace

void loadTrainingCases(TrainerState& trainer) {
  if (trainer.cases.empty()) trainer.cases = builtinTrainingCases();
}

void chooseTrainingCase(ViewerState& state, std::size_t index) {
  TrainerState& t = state.trainer;
  loadTrainingCases(t);
  if (index >= t.cases.size()) return;
  t.chosen = index;
  t.answer = startingAnswer(t.cases[index]);
  t.awaitingPlan.clear();
  t.feedback.reset();
  t.error.clear();
}

bool submitTrainerAnswer(ViewerState& state) {
  TrainerState& t = state.trainer;
  if (!t.chosen || *t.chosen >= t.cases.size()) return false;
  const TrainingCase& c = t.cases[*t.chosen];
  t.feedback.reset();
  t.error.clear();
  t.awaitingPlan.clear();
  if (!t.answer.treat) {
    t.feedback = assessDecline(c);
    return true;
  }
  Scenario plan;
  try {
    plan = trainingPlan(c, t.answer);
  } catch (const InputError& e) {
    t.error = e.what();
    return false;
  }
  // Shown and simulated as any edited scenario is: the same checks, a preview, then the full run.
  ScenarioSlot& slot = state.slot();
  Scenario draft = std::move(slot.draft);
  const bool draftChanged = slot.draftChanged;
  slot.draft = plan;
  if (!applyDraft(state)) {
    // The scenario panel keeps what the user was editing.
    t.error = slot.draftError;
    slot.draft = std::move(draft);
    slot.draftChanged = draftChanged;
    slot.draftError.clear();
    return false;
  }
  t.awaitingPlan = toToml(state.slot().scenario);
  return true;
}

void pollTrainer(ViewerState& state) {
  TrainerState& t = state.trainer;
  if (t.awaitingPlan.empty()) return;
  const ScenarioSlot& slot = state.slot();
  if (!slot.result || slot.preview || state.refining()) return;
  // Another scenario came to the front, or the plan was edited: its result is not the answer's.
  if (toToml(slot.scenario) != t.awaitingPlan) return;
  t.feedback = assessTreatment(slot.scenario, *slot.result);
  t.awaitingPlan.clear();
}

}  // namespace dermasim::viewer
