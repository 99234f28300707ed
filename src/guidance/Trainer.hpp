#pragma once
// The trainer: a training case (a patient and a site, with the brief the trainee is told), the
// trainee's answer (device, depth, passes, sessions, interval, adjuncts, or "do not treat"), and
// feedback on that answer with reasons. The feedback reads the plan's findings (findingsFor, as
// `check` does), the simulated healing (healingFindings) and the simulated outcome, and names
// for each item what went wrong or right, why in plain words, the simulated figure behind it
// and the knowledge-table row it rests on. A score 0-100 and a short debrief close it.
// No files and no printing here, so the viewer can build a trainer panel on it; cases and
// answers are read by io/TrainingFiles.hpp. docs/GUIDANCE.md ("Trainer") gives the rules.
//
//   const Scenario plan = treatmentFor(trainingCase, answer);
//   const RunResult result = simulate(plan);
//   const TrainerFeedback feedback = assessTreatment(plan, result);
//   if (feedback.has("too_deep")) ...; feedback.score; feedback.debrief;

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Simulation.hpp"
#include "core/scenario/Scenario.hpp"
#include "guidance/Advisories.hpp"

namespace dermasim {

// A case as the trainee meets it. The scenario holds the patient, the site and the device in
// the room (a roller, a home device, or the protocol the patient asks for); the answer replaces
// the device's settings and the sessions.
struct TrainingCase {
  std::string name;   // stable name, the file's stem: "periorbital_fine_lines"
  std::string title;  // the scenario's name
  std::string brief;  // the scenario's description: what the trainee is told
  Scenario scenario;
};

// The trainee's choices. With `treat` false the trainee declines to treat and the other fields
// are not used.
struct TrainingAnswer {
  bool treat = true;
  DeviceType device{};
  double needle_length_mm = 0;
  int passes = 0;
  int sessions = 0;
  double interval_days = 0;
  std::optional<Serum> serum;  // unset: the case's
  std::optional<bool> prp;
  std::string source;  // where the answer came from, for messages and the record
};

// One point of the feedback. A fault (`good` false) costs points by its level; a good choice
// is acknowledged and costs nothing.
struct FeedbackItem {
  std::string code;  // too_shallow, too_deep, too_often, too_dense, pigmentation_risk,
                     // contraindicated, declined_treatable; good_depth, good_interval,
                     // good_density, good_pigmentation, good_decline
  bool good = false;
  AdvisoryLevel level{};  // how grave a fault is (error, warning); note for a good choice
  std::string what;       // what was chosen and what is wrong or right with it
  std::string why;        // the reason, in plain words
  std::string figure;     // the simulated figure behind it, with its unit (empty: not simulated)
  std::string source;     // the knowledge-table rows it rests on (Provenance::cite())
};

struct TrainerFeedback {
  std::vector<FeedbackItem> items;  // faults first, the gravest first; then good choices
  int score = 0;                    // 0-100 (scoreFor)
  std::string debrief;
  // The simulated outcome in one line (empty when nothing was simulated): collagen, texture,
  // redness after each session, peak inflammation and the harm indices.
  std::string outcome;

  bool has(std::string_view code) const;
  const FeedbackItem* find(std::string_view code) const;
};

// The case's scenario with the answer's device, depth, passes and sessions (every
// `interval_days` from day 0), adjuncts when the answer gives them, simulated until the
// knowledge table's trainer_follow_up_days after the last session. Not validated here: a
// caller checks it with validateScenario (io/TrainingFiles.hpp does, naming the answer).
// Requires answer.treat.
Scenario treatmentFor(const TrainingCase& trainingCase, const TrainingAnswer& answer);

// Feedback on a treatment plan (from treatmentFor) and its simulated result.
TrainerFeedback assessTreatment(const Scenario& plan, const RunResult& result);

// Feedback on declining to treat the case: right when the patient has a contraindication the
// knowledge table grades as an error, a missed treatment otherwise.
TrainerFeedback assessDecline(const TrainingCase& trainingCase);

// The score of a list of items: 0 when a contraindicated patient was treated; otherwise 100
// minus 50 for each fault of level error and 25 for each of level warning, never below 0.
int scoreFor(const std::vector<FeedbackItem>& items);

}  // namespace dermasim
