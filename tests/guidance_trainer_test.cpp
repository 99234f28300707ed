// The trainer (guidance/Trainer.hpp, io/TrainingFiles.hpp): every training case loads; for each
// case a designed poor answer gets the feedback its design expects and a good answer does not,
// and scores higher; a contraindicated case says do not treat whatever the answer; answers are
// validated like scenario files.
//
// Speed: each answer is simulated on a 3 mm patch at 100 um and stopped 10 days after its last
// session, with 1-2 sessions. The judgements tested do not depend on that: depth, density and
// pigmentation read the plan's findings and each session's own figures (depth reached, open
// surface), and the interval reads the healing between two sessions, which ends before the cut.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/Simulation.hpp"
#include "guidance/KnowledgeTable.hpp"
#include "guidance/Trainer.hpp"
#include "io/InputError.hpp"
#include "io/ScenarioFile.hpp"
#include "io/TrainingFiles.hpp"

using namespace dermasim;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

const fs::path kTrainingDir = fs::path(DERMASIM_SOURCE_DIR) / "scenarios" / "training";

TrainingAnswer answer(DeviceType device, double mm, int passes, int sessions, double interval) {
  TrainingAnswer a;
  a.device = device;
  a.needle_length_mm = mm;
  a.passes = passes;
  a.sessions = sessions;
  a.interval_days = interval;
  a.source = "test";
  return a;
}
TrainingAnswer pen(double mm, int passes, int sessions = 1, double interval = 28) {
  return answer(DeviceType::Pen, mm, passes, sessions, interval);
}
TrainingAnswer roller(double mm, int passes, int sessions = 1, double interval = 28) {
  return answer(DeviceType::Roller, mm, passes, sessions, interval);
}
TrainingAnswer decline() {
  TrainingAnswer a;
  a.treat = false;
  a.source = "test";
  return a;
}

// The answer's feedback, simulated quickly (see the top of the file).
TrainerFeedback feedbackOn(const std::string& caseName, const TrainingAnswer& a) {
  const TrainingCase c = loadBuiltinTrainingCase(caseName);
  if (!a.treat) return assessDecline(c);
  Scenario plan = trainingPlan(c, a);
  plan.model.patch_size_mm = 3;
  plan.model.lateral_resolution_um = 100;
  plan.duration_days = plan.sessions.back().day + 10;
  return assessTreatment(plan, simulate(plan));
}

std::string codes(const TrainerFeedback& f) {
  std::string text;
  for (const FeedbackItem& i : f.items) text += (i.good ? "+" : "-") + i.code + " ";
  return text;
}

struct Design {
  std::string trainingCase;
  TrainingAnswer poor;
  std::string expected;  // the fault the poor answer is designed to get
  TrainingAnswer good;
};

}  // namespace

TEST_CASE("trainer: every training case loads, with a brief, compiled in and on disk",
          "[trainer]") {
  const std::vector<TrainingCase> cases = builtinTrainingCases();
  CHECK(cases.size() >= 8);
  std::vector<std::string> onDisk;
  for (const auto& entry : fs::directory_iterator(kTrainingDir))
    if (entry.path().extension() == ".toml") onDisk.push_back(entry.path().stem().string());
  std::sort(onDisk.begin(), onDisk.end());
  CHECK(onDisk == builtinTrainingCaseNames());
  for (const TrainingCase& c : cases) {
    INFO(c.name);
    CHECK(c.brief.size() > 40);
    CHECK_FALSE(c.title.empty());
    // A case is an ordinary scenario file too.
    CHECK_NOTHROW(loadScenarioFile(kTrainingDir / (c.name + ".toml")));
    const TrainingCase fromFile = loadTrainingCase(kTrainingDir / (c.name + ".toml"));
    CHECK(fromFile.name == c.name);
    CHECK(fromFile.brief == c.brief);
    CHECK(resolveTrainingCase(c.name).name == c.name);
  }
}

TEST_CASE(
    "trainer: each case's poor answer gets its fault, the good one does not and scores "
    "higher",
    "[trainer]") {
  const std::vector<Design> designs{
      {"periorbital_fine_lines", pen(1.5, 2), "too_deep", pen(0.5, 2, 2, 28)},
      {"cheek_acne_scars_type5", pen(2.0, 2), "pigmentation_risk", pen(1.0, 2, 2, 42)},
      {"forehead_lines", pen(0.5, 12), "too_dense", pen(0.5, 2)},
      {"neck_rejuvenation", pen(1.5, 2), "too_deep", pen(0.75, 2)},
      {"thigh_stretch_marks", pen(0.5, 2), "too_shallow", pen(2.0, 2)},
      {"fortnightly_deep_request", pen(2.0, 2, 2, 14), "too_often", pen(1.0, 2, 2, 28)},
      {"roller_cheek_rejuvenation", roller(0.5, 4), "too_shallow", roller(1.0, 4)},
      {"home_roller_pores", roller(1.0, 4), "too_deep", roller(0.25, 2, 2, 3)},
      {"isotretinoin_acne_scars", pen(1.5, 2), "contraindicated", decline()},
      {"active_acne_chin", pen(1.0, 2), "contraindicated", decline()},
  };
  // Every case has a design.
  CHECK(designs.size() == builtinTrainingCaseNames().size());
  for (const Design& d : designs) {
    INFO(d.trainingCase << ": expected " << d.expected);
    const TrainerFeedback poor = feedbackOn(d.trainingCase, d.poor);
    const TrainerFeedback good = feedbackOn(d.trainingCase, d.good);
    INFO("poor: " << codes(poor) << "score " << poor.score);
    INFO("good: " << codes(good) << "score " << good.score);
    REQUIRE(poor.has(d.expected));
    const FeedbackItem& fault = *poor.find(d.expected);
    CHECK_FALSE(fault.good);
    CHECK_FALSE(fault.what.empty());
    CHECK_FALSE(fault.why.empty());
    CHECK_THAT(fault.source, Contains("assets/guidance/"));
    if (d.expected != "contraindicated") CHECK_FALSE(fault.figure.empty());
    CHECK_FALSE(good.has(d.expected));
    // A good answer has no fault at all, and at least one acknowledged choice.
    CHECK(std::none_of(good.items.begin(), good.items.end(),
                       [](const FeedbackItem& i) { return !i.good; }));
    CHECK(std::any_of(good.items.begin(), good.items.end(),
                      [](const FeedbackItem& i) { return i.good; }));
    CHECK(good.score > poor.score);
    CHECK(good.score == 100);
    CHECK_FALSE(poor.debrief.empty());
    CHECK(good.outcome.empty() == !d.good.treat);
    if (d.poor.treat) CHECK_THAT(poor.outcome, Contains("pigmentation risk"));
  }
}

TEST_CASE("trainer: a contraindicated case says do not treat whatever the answer", "[trainer]") {
  for (const std::string name : {"isotretinoin_acne_scars", "active_acne_chin"}) {
    INFO(name);
    // A plan that would be fine on this skin otherwise, a poor one, and declining.
    for (const TrainingAnswer& a : {pen(1.0, 2), pen(2.5, 6), decline()}) {
      const TrainerFeedback f = feedbackOn(name, a);
      INFO(codes(f));
      const FeedbackItem* item = f.find(a.treat ? "contraindicated" : "good_decline");
      REQUIRE(item != nullptr);
      CHECK_THAT(item->what + " " + item->why, Contains("do not treat"));
      CHECK(f.score == (a.treat ? 0 : 100));
    }
  }
  // Declining a patient who could be treated is a fault of its own.
  const TrainerFeedback missed = feedbackOn("neck_rejuvenation", decline());
  CHECK(missed.has("declined_treatable"));
  CHECK(missed.score < 100);
}

TEST_CASE("trainer: the interval fault reads the simulated healing", "[trainer]") {
  const TrainerFeedback f = feedbackOn("fortnightly_deep_request", pen(2.0, 2, 2, 14));
  const FeedbackItem* item = f.find("too_often");
  REQUIRE(item != nullptr);
  CHECK_THAT(item->figure, Contains("inflammation"));
  CHECK_THAT(item->figure, Contains("when session 2 came"));
  CHECK_THAT(item->source, Contains("healed_inflammation_share") || Contains("intervals.csv"));
}

TEST_CASE("trainer: the score rule", "[trainer]") {
  const auto item = [](std::string code, bool good, AdvisoryLevel level) {
    return FeedbackItem{std::move(code), good, level, "", "", "", ""};
  };
  CHECK(scoreFor({}) == 100);
  CHECK(scoreFor({item("good_depth", true, AdvisoryLevel::Note)}) == 100);
  CHECK(scoreFor({item("too_dense", false, AdvisoryLevel::Warning)}) == 75);
  CHECK(scoreFor({item("too_deep", false, AdvisoryLevel::Error),
                  item("too_often", false, AdvisoryLevel::Warning)}) == 25);
  CHECK(scoreFor({item("too_deep", false, AdvisoryLevel::Error),
                  item("too_often", false, AdvisoryLevel::Error),
                  item("too_dense", false, AdvisoryLevel::Warning)}) == 0);
  CHECK(scoreFor({item("contraindicated", false, AdvisoryLevel::Error),
                  item("good_depth", true, AdvisoryLevel::Note)}) == 0);
}

TEST_CASE("trainer: an answer becomes the case's scenario with its sessions", "[trainer]") {
  const TrainingCase c = loadBuiltinTrainingCase("thigh_stretch_marks");
  TrainingAnswer a = roller(2.0, 6, 3, 35);
  a.serum = Serum::HyaluronicAcid;
  a.prp = true;
  const Scenario plan = trainingPlan(c, a);
  CHECK(plan.patient.site == Site::Thigh);
  CHECK(plan.device.type == DeviceType::Roller);
  CHECK(plan.device.needles == 192);  // the roller's own default, not the pen's 12
  REQUIRE(plan.sessions.size() == 3);
  CHECK(plan.sessions[2].day == 70);
  CHECK(plan.sessions[2].device.passes == 6);
  CHECK(plan.adjuncts.serum == Serum::HyaluronicAcid);
  CHECK(plan.adjuncts.prp);
  CHECK(plan.duration_days == 70 + knowledgeTable().threshold("trainer_follow_up_days").value);
}

TEST_CASE("trainer: answers are validated like scenario files", "[trainer]") {
  const TrainingAnswer ok = parseTrainingAnswer(
      "device = \"roller\"\nneedle_length_mm = 1.0\npasses = 4\nsessions = 3\n"
      "interval_days = 28\nserum = \"vitamin_c\"\n",
      "a.toml");
  CHECK(ok.treat);
  CHECK(ok.device == DeviceType::Roller);
  CHECK(ok.serum == Serum::VitaminC);
  CHECK_FALSE(ok.prp.has_value());
  CHECK_FALSE(parseTrainingAnswer("treat = false\n", "a.toml").treat);

  const auto fails = [](const std::string& text, const auto& message) {
    INFO(text);
    CHECK_THROWS_WITH(parseTrainingAnswer(text, "a.toml"), message);
    CHECK_THROWS_AS(parseTrainingAnswer(text, "a.toml"), InputError);
  };
  const std::string rest = "passes = 2\nsessions = 3\ninterval_days = 28\n";
  fails("device = \"pen\"\nneedle_length_mm = 7\n" + rest,
        "a.toml: needle_length_mm: must be between 0.1 and 3.5 mm (got 7)");
  fails("device = \"laser\"\nneedle_length_mm = 1\n" + rest,
        "a.toml: device: must be one of pen | roller (got \"laser\")");
  fails("device = \"pen\"\n" + rest, Contains("a.toml: needle_length_mm: required key is missing"));
  fails("device = \"pen\"\nneedle_length_mm = 1\ndepth = 2\n" + rest,
        Contains("a.toml: depth: unknown key"));
  fails("device = \"pen\"\nneedle_length_mm = 1\npasses = 2\nsessions = 0\ninterval_days = 28\n",
        Contains("a.toml: sessions: must be between 1 and 60"));
  fails("treat = \"no\"\n", Contains("a.toml: treat: expected true or false"));
  fails("device = \"pen\"\nneedle_length_mm = \n", Contains("a.toml:2:"));
  // A plan the scenario rules refuse is named by the answer's file.
  const TrainingCase c = loadBuiltinTrainingCase("neck_rejuvenation");
  TrainingAnswer tooLong = pen(0.75, 2, 60, 365);
  tooLong.source = "long.toml";
  CHECK_THROWS_WITH(trainingPlan(c, tooLong), Contains("long.toml: answer: "));
}

TEST_CASE("trainer: unknown case names suggest the nearest", "[trainer]") {
  CHECK_THROWS_WITH(resolveTrainingCase("neck_rejuvenaton"),
                    Contains("no training case of that name (did you mean neck_rejuvenation?)"));
  CHECK_THROWS_AS(resolveTrainingCase("nowhere/case.toml"), InputError);
}
