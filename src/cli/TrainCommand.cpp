#include "cli/TrainCommand.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <optional>

#include "cli/RunProgress.hpp"
#include "core/numerics/NumberText.hpp"
#include "io/InputError.hpp"
#include "io/PrintableText.hpp"
#include "io/TrainerJson.hpp"
#include "io/TrainingFiles.hpp"

namespace dermasim {
namespace {

void printItem(const FeedbackItem& i) {
  std::printf("  %s %s: %s\n", i.good ? "good" : std::string(toString(i.level)).c_str(),
              i.code.c_str(), i.what.c_str());
  std::printf("      why: %s\n", i.why.c_str());
  if (!i.figure.empty()) std::printf("      simulated: %s\n", i.figure.c_str());
  if (!i.source.empty()) std::printf("      source: %s\n", i.source.c_str());
}

void printFeedback(const TrainerFeedback& feedback) {
  if (!feedback.outcome.empty()) std::printf("\nSimulated: %s\n", feedback.outcome.c_str());
  std::printf("\nFeedback:\n");
  for (const FeedbackItem& i : feedback.items) printItem(i);
  std::printf("\nScore: %d/100\nDebrief: %s\n", feedback.score, feedback.debrief.c_str());
}

int listCases() {
  for (const TrainingCase& c : builtinTrainingCases())
    std::printf("%s: %s\n", c.name.c_str(), printable(c.title, std::string::npos).c_str());
  return 0;
}

}  // namespace

CLI::App* addTrainCommand(CLI::App& app, TrainRequest& request) {
  auto* cmd = app.add_subcommand(
      "train",
      "the trainer: feedback on a trainee's answer to a training case (depth, passes, sessions, "
      "interval, or declining), from the knowledge table and one simulation of the answer, with "
      "reasons, simulated figures, sources, a score 0-100 and a debrief");
  cmd->add_option("case", request.trainingCase,
                  "a training case's name (see --list; the files of scenarios/training) or a "
                  "path to a case file");
  cmd->add_option("--answer", request.answer,
                  "the trainee's answer, a TOML file: treat, device, needle_length_mm, passes, "
                  "sessions, interval_days, optional serum and prp (docs/GUIDANCE.md, Trainer)");
  cmd->add_flag("--list", request.list, "list the training cases and their titles");
  cmd->add_flag("--json", request.json, "print the case, answer and feedback as JSON on stdout");
  cmd->add_flag("-q,--quiet", request.quiet, "no progress on stderr");
  cmd->footer(
      "Exit 0 whatever the score; 2 for a bad case or answer. Cases: scenarios/training/"
      "README.md. Score: 100, minus 50 per error-level fault and 25 per warning-level one; 0 "
      "for treating a contraindicated patient.");
  return cmd;
}

int trainCommand(const TrainRequest& request) {
  if (request.list) return listCases();
  if (request.trainingCase.empty())
    throw InputError(
        "train: case: required (a case name from `dermasim train --list`, or a "
        "case file)");
  if (request.answer.empty())
    throw InputError("train: --answer: required (the trainee's answer, a TOML file)");
  const TrainingCase trainingCase = resolveTrainingCase(request.trainingCase);
  const TrainingAnswer answer = loadTrainingAnswer(request.answer);
  if (!request.json)
    std::printf("Case %s: %s\n  %s\n", trainingCase.name.c_str(),
                printable(trainingCase.title, std::string::npos).c_str(),
                printable(trainingCase.brief, std::string::npos).c_str());

  std::optional<RunResult> result;
  TrainerFeedback feedback;
  if (answer.treat) {
    const Scenario plan = trainingPlan(trainingCase, answer);
    if (!request.json)
      std::printf("\nYour answer: %s\n", printable(plan.name, std::string::npos).c_str());
    std::fflush(stdout);
    if (!request.quiet)
      std::fprintf(stderr, "dermasim: simulating the answer, %zu session(s) over %g days\n",
                   plan.sessions.size(), plan.duration_days);
    const auto start = std::chrono::steady_clock::now();
    result = simulateReporting(plan, request.quiet);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (!request.quiet)
      std::fprintf(stderr, "dermasim: simulated in %s s\n", fixedNumber(took.count(), 1).c_str());
    feedback = assessTreatment(plan, *result);
  } else {
    if (!request.json) std::printf("\nYour answer: do not treat\n");
    feedback = assessDecline(trainingCase);
  }
  if (request.json)
    std::fputs(
        trainerFeedbackJson(trainingCase, answer, feedback, result ? &*result : nullptr).c_str(),
        stdout);
  else
    printFeedback(feedback);
  return 0;
}

}  // namespace dermasim
