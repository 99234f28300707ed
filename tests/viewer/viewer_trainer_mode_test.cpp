// The viewer's trainer: a case starts the answer from its own protocol, declining is judged at
// once, an answer is simulated in the slot on show and judged when its full result is in (the
// same feedback `dermasim train` gives), and an answer the checks refuse says why and runs
// nothing.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "ViewerTestSupport.hpp"
#include "viewer/TrainerMode.hpp"
#include "viewer/ViewerState.hpp"

using namespace dermasim;
using namespace dermasim::viewer;
using namespace std::chrono_literals;

namespace {

bool settle(ViewerState& state, std::chrono::seconds limit = 180s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (state.busy() || !state.trainer.awaitingPlan.empty()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(16ms);
    pollWorker(state);
    pollTrainer(state);
  }
  return true;
}

std::size_t caseNamed(TrainerState& t, const std::string& name) {
  loadTrainingCases(t);
  for (std::size_t i = 0; i < t.cases.size(); ++i)
    if (t.cases[i].name == name) return i;
  FAIL("no training case " << name);
  return 0;
}

// The case on a small, coarse patch, so a test simulates it in a second or two; the judgement
// reads the plan, each session's figures and the healing, none of which needs the full patch.
void shrink(TrainingCase& c) {
  c.scenario.model.patch_size_mm = 6;
  c.scenario.model.lateral_resolution_um = 100;
}

}  // namespace

TEST_CASE("trainer mode: a case starts the answer from its own protocol", "[trainer]") {
  ViewerState state({test::smallPatch()});
  const std::size_t i = caseNamed(state.trainer, "fortnightly_deep_request");
  chooseTrainingCase(state, i);
  const TrainingCase& c = state.trainer.cases[i];
  const TrainingAnswer& a = state.trainer.answer;
  REQUIRE(c.scenario.sessions.size() >= 2);
  CHECK(a.treat);
  CHECK(a.needle_length_mm == c.scenario.sessions[0].device.needle_length_mm);
  CHECK(a.sessions == static_cast<int>(c.scenario.sessions.size()));
  CHECK(a.interval_days == Approx(c.scenario.sessions[1].day - c.scenario.sessions[0].day));
  CHECK_FALSE(state.trainer.feedback.has_value());
}

TEST_CASE("trainer mode: declining is judged at once, with no run", "[trainer]") {
  ViewerState state({test::smallPatch()});
  REQUIRE(settle(state));
  chooseTrainingCase(state, caseNamed(state.trainer, "isotretinoin_acne_scars"));
  state.trainer.answer.treat = false;
  REQUIRE(submitTrainerAnswer(state));
  CHECK_FALSE(state.busy());
  REQUIRE(state.trainer.feedback.has_value());
  CHECK(state.trainer.feedback->has("good_decline"));
  CHECK(state.trainer.feedback->score == 100);
}

TEST_CASE("trainer mode: an answer is simulated on show and judged on its full result",
          "[trainer]") {
  ViewerState state({test::smallPatch()});
  REQUIRE(settle(state));
  TrainerState& t = state.trainer;
  const std::size_t i = caseNamed(t, "periorbital_fine_lines");
  shrink(t.cases[i]);

  // Too deep for the eye's thin skin.
  chooseTrainingCase(state, i);
  t.answer.device = DeviceType::Pen;
  t.answer.needle_length_mm = 1.5;
  t.answer.passes = 2;
  t.answer.sessions = 1;
  REQUIRE(submitTrainerAnswer(state));
  CHECK(state.busy());
  CHECK(state.slot().scenario.sessions.size() == 1);
  CHECK(state.slot().scenario.sessions[0].device.needle_length_mm == 1.5);
  CHECK_FALSE(t.feedback.has_value());  // not on the preview
  REQUIRE(settle(state));
  REQUIRE(t.feedback.has_value());
  CHECK(t.feedback->has("too_deep"));
  const int deep = t.feedback->score;
  CHECK(deep < 100);

  // Within the chart: no fault, a better score.
  t.answer.needle_length_mm = 0.5;
  REQUIRE(submitTrainerAnswer(state));
  REQUIRE(settle(state));
  REQUIRE(t.feedback.has_value());
  CHECK_FALSE(t.feedback->has("too_deep"));
  CHECK(t.feedback->score > deep);
}

TEST_CASE("trainer mode: an answer the checks refuse says why and runs nothing", "[trainer]") {
  ViewerState state({test::smallPatch()});
  REQUIRE(settle(state));
  chooseTrainingCase(state, caseNamed(state.trainer, "neck_rejuvenation"));
  const std::string before = state.slot().scenario.name;
  state.trainer.answer.passes = 0;
  CHECK_FALSE(submitTrainerAnswer(state));
  CHECK_THAT(state.trainer.error, Catch::Contains("passes"));
  CHECK_FALSE(state.busy());
  CHECK(state.slot().scenario.name == before);
  CHECK_FALSE(state.trainer.feedback.has_value());
}
