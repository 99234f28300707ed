#pragma once
// The trainer's files: training cases and answers (docs/GUIDANCE.md, "Trainer";
// scenarios/training/README.md). A case is an ordinary scenario file: its patient and site,
// the device in the room, `scenario.name` as the case's title and `scenario.description` as the
// brief the trainee is told (required). The cases in scenarios/training are compiled in. An
// answer is a small TOML file of the trainee's choices:
//
//   treat = true              # false: "do not treat" (the other keys are then optional)
//   device = "pen"            # pen | roller
//   needle_length_mm = 1.5
//   passes = 2
//   sessions = 3
//   interval_days = 28
//   serum = "hyaluronic_acid" # optional: none | hyaluronic_acid | vitamin_c
//   prp = false               # optional
//
// Every problem is an InputError naming the file, the key, what was expected and what was found.
//
//   const TrainingCase c = resolveTrainingCase("periorbital_fine_lines");
//   const TrainingAnswer a = loadTrainingAnswer("answer.toml");
//   const Scenario plan = trainingPlan(c, a);  // treatmentFor, validated

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "guidance/Trainer.hpp"

namespace dermasim {

TrainingCase loadTrainingCase(const std::filesystem::path& file);
// `sourceName` names the case in messages; its stem is the case's name.
TrainingCase parseTrainingCase(std::string_view tomlText, const std::string& sourceName);

// The cases compiled in from scenarios/training/*.toml, by name, sorted.
std::vector<std::string> builtinTrainingCaseNames();
TrainingCase loadBuiltinTrainingCase(std::string_view name);
std::vector<TrainingCase> builtinTrainingCases();

// A path (anything with a '/', an existing file, or a .toml name that is no case's) is read as
// a file; otherwise a built-in case's name, with or without ".toml".
TrainingCase resolveTrainingCase(const std::string& argument);

TrainingAnswer loadTrainingAnswer(const std::filesystem::path& file);
TrainingAnswer parseTrainingAnswer(std::string_view tomlText, const std::string& sourceName);

// treatmentFor(c, a) checked as any scenario is (validateScenario); a problem is an InputError
// naming the answer's file. Requires a.treat.
Scenario trainingPlan(const TrainingCase& c, const TrainingAnswer& a);

}  // namespace dermasim
