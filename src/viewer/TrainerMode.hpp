#pragma once
// The viewer's trainer: a training case from scenarios/training (guidance/Trainer.hpp), the
// trainee's answer set with the viewer's controls, the answer simulated in the slot on show (so
// the skin, the plots and the section's needle reach show it), and the feedback, score and
// debrief once its full result is in. Declining to treat is judged at once, with no run.
// State and logic only; TrainerPanel.cpp draws it.
//
//   chooseTrainingCase(state, 0);              // the case's brief, a starting answer
//   state.trainer.answer.needle_length_mm = 1.5;
//   submitTrainerAnswer(state);                // simulates the plan in the slot on show
//   each frame: pollTrainer(state);            // feedback when the plan's full result is in
//   if (state.trainer.feedback) ... state.trainer.feedback->score ...

#include <optional>
#include <string>
#include <vector>

#include "guidance/Trainer.hpp"

namespace dermasim::viewer {

struct ViewerState;

struct TrainerState {
  std::vector<TrainingCase> cases;  // the built-in cases, loaded when the trainer first opens
  std::optional<std::size_t> chosen;
  TrainingAnswer answer;
  // The plan being simulated, as scenario text, until its full result is in.
  std::string awaitingPlan;
  std::optional<TrainerFeedback> feedback;
  std::string error;  // why the answer cannot be simulated
};

// Loads the built-in cases if not yet loaded.
void loadTrainingCases(TrainerState& trainer);
// Makes case `index` current: clears the feedback and starts the answer from the case's own
// device and schedule (what the patient asks for, or the device in the room).
void chooseTrainingCase(ViewerState& state, std::size_t index);
// Judges the answer: declining at once; a treatment by simulating its plan in the slot on show
// (checked as a scenario file is; a refusal goes to `error`). Returns false on a refusal.
bool submitTrainerAnswer(ViewerState& state);
// Call each frame: the feedback on the plan once the slot on show holds its full result.
void pollTrainer(ViewerState& state);

}  // namespace dermasim::viewer
