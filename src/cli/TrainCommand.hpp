#pragma once
// `dermasim train CASE --answer FILE`: the trainer, headless. CASE is a training case's name
// (the files of scenarios/training, compiled in; `train --list` lists them) or a path to a case
// file; FILE is the trainee's answer (io/TrainingFiles.hpp). Prints the brief, then simulates
// the answer (progress on stderr) unless it declines to treat, and prints the feedback with
// its reasons, figures and sources, the score and the debrief (guidance/Trainer.hpp); `--json`
// prints the same as JSON on stdout. Exit 0 whatever the score; 2 on a bad case or answer.
//
//   TrainRequest request;
//   auto* train = addTrainCommand(app, request);  // then, once parsed:
//   if (*train) return trainCommand(request);

#include <string>

namespace CLI {
class App;
}

namespace dermasim {

struct TrainRequest {
  std::string trainingCase;
  std::string answer;
  bool json = false;
  bool list = false;
  bool quiet = false;
};

CLI::App* addTrainCommand(CLI::App& app, TrainRequest& request);

int trainCommand(const TrainRequest& request);

}  // namespace dermasim
