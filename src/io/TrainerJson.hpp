#pragma once
// The trainer's feedback as JSON, for `dermasim train --json` and its tests: the case, the
// answer, every item (code, good, level, what, why, figure, source), the score, the debrief
// and, when the answer was simulated, the outcome as in summary.json.
//
//   std::puts(trainerFeedbackJson(trainingCase, answer, feedback, &result).c_str());

#include <string>

#include "core/Simulation.hpp"
#include "guidance/Trainer.hpp"

namespace dermasim {

// `result` is null when nothing was simulated (the trainee declined).
std::string trainerFeedbackJson(const TrainingCase& trainingCase, const TrainingAnswer& answer,
                                const TrainerFeedback& feedback, const RunResult* result);

}  // namespace dermasim
