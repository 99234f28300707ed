#include "io/TrainerJson.hpp"

#include <nlohmann/json.hpp>

#include "io/OutcomeJson.hpp"

namespace dermasim {

std::string trainerFeedbackJson(const TrainingCase& trainingCase, const TrainingAnswer& answer,
                                const TrainerFeedback& feedback, const RunResult* result) {
  nlohmann::ordered_json j;
  j["case"] = {{"name", trainingCase.name},
               {"title", trainingCase.title},
               {"brief", trainingCase.brief},
               {"source", trainingCase.scenario.source}};
  nlohmann::ordered_json a = {{"source", answer.source}, {"treat", answer.treat}};
  if (answer.treat) {
    a["device"] = std::string(toString(answer.device));
    a["needle_length_mm"] = answer.needle_length_mm;
    a["passes"] = answer.passes;
    a["sessions"] = answer.sessions;
    a["interval_days"] = answer.interval_days;
    if (answer.serum) a["serum"] = std::string(toString(*answer.serum));
    if (answer.prp) a["prp"] = *answer.prp;
  }
  j["answer"] = a;
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const FeedbackItem& i : feedback.items)
    items.push_back({{"code", i.code},
                     {"good", i.good},
                     {"level", std::string(toString(i.level))},
                     {"what", i.what},
                     {"why", i.why},
                     {"figure", i.figure},
                     {"source", i.source}});
  j["items"] = items;
  j["score"] = feedback.score;
  j["debrief"] = feedback.debrief;
  if (!feedback.outcome.empty()) j["outcome_text"] = feedback.outcome;
  if (result) {
    j["outcome"] = outcomeJson(result->outcome);
    nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
    for (const SessionResult& s : result->sessions)
      sessions.push_back({{"day", s.day},
                          {"mean_depth_mm", s.needling.stats.mean_depth_mm},
                          {"punctures_per_cm2", s.needling.stats.per_cm2},
                          {"open_surface_fraction", s.open_surface_fraction},
                          {"downtime_days", s.downtime_days}});
    j["sessions"] = sessions;
  }
  dropNegativeZeros(j);
  return j.dump(2) + "\n";
}

}  // namespace dermasim
