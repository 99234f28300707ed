#pragma once
// What `dermasim run` leaves in its output folder (see README "Outputs").

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/Simulation.hpp"
#include "core/scenario/Scenario.hpp"
#include "guidance/Advisories.hpp"
#include "io/AtomicFile.hpp"

namespace dermasim {

// `advisories` are what guidance says of the scenario (findingsFor), written as "warnings".
std::string summaryJson(const Scenario& scenario, const RunResult& result,
                        const std::vector<Advisory>& advisories);
std::string puncturesCsv(const RunResult& result);
std::string timeseriesCsv(const RunResult& result);
// Every session's aftercare (guidance/Aftercare.hpp), one row per instruction.
std::string aftercareCsv(const RunResult& result);

// The files a run (or a cohort run, CohortOutputs.hpp) leaves in its folder: an existing folder
// holding only these may be replaced.
const std::vector<std::string>& runOutputNames();

// The same files in sub-folder `folder` of a larger set ("a/summary.json", ...).
std::vector<std::string> runOutputNames(const std::string& folder);

// Checks that `dir` can take a run's outputs and makes their temporary folder beside it, before
// the run is simulated: a bad folder (a file, read-only, someone else's files, a parent that
// cannot be made) is an InputError naming `option`, found at once.
StagedFolder stageRunOutputs(const std::filesystem::path& dir, const std::string& option = "--out");

// Writes every output file into `staged` and puts the set in place in one step: the folder then
// holds the new set, or (after a kill or a full disk) still the old one, never a mix.
void writeRunOutputs(StagedFolder& staged, const Scenario& scenario, const RunResult& result,
                     const std::vector<Advisory>& advisories);
// Writes a run's files into sub-folder `folder` of `staged` ("" for the top), leaving the
// commit to the caller, whose set holds more than one run.
void stageRunFiles(StagedFolder& staged, const std::string& folder, const Scenario& scenario,
                   const RunResult& result, const std::vector<Advisory>& advisories);
// Stages already formatted files, by name, into sub-folder `folder` of `staged` ("" for the
// top): formatting everything first means a failure leaves no partial set.
void stageFormattedFiles(StagedFolder& staged, const std::string& folder,
                         const std::vector<std::pair<std::string, std::string>>& files);
// The same, staging `dir` first.
void writeRunOutputs(const std::filesystem::path& dir, const Scenario& scenario,
                     const RunResult& result, const std::vector<Advisory>& advisories);

}  // namespace dermasim
