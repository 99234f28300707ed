// dermasim: the headless command line. Exit codes: 0 success, 1 simulation or check failed,
// 2 bad input (scenario or arguments).

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/CohortCommand.hpp"
#include "cli/CompareCommand.hpp"
#include "cli/ConsultationReport.hpp"
#include "cli/GuidanceCommand.hpp"
#include "cli/MergeCommand.hpp"
#include "cli/PlanCommand.hpp"
#include "cli/RenderCommand.hpp"
#include "cli/RunProgress.hpp"
#include "cli/RunRefusal.hpp"
#include "cli/SensitivityCommand.hpp"
#include "cli/TrainCommand.hpp"
#include "cli/ValidationCommand.hpp"
#include "core/ScenarioCheck.hpp"
#include "core/Simulation.hpp"
#include "core/Version.hpp"
#include "core/numerics/NumberText.hpp"
#include "core/numerics/ThreadGovernor.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/ScenarioSchema.hpp"
#include "guidance/Advisories.hpp"
#include "guidance/AdvisoryThresholds.hpp"
#include "guidance/Findings.hpp"
#include "guidance/HealingFindings.hpp"
#include "io/AtomicFile.hpp"
#include "io/InputError.hpp"
#include "io/PrintableText.hpp"
#include "io/RunOutputs.hpp"
#include "io/ScenarioFile.hpp"
#include "io/ScenarioSource.hpp"

namespace {

using namespace dermasim;

constexpr int kExitFailed = 1;
constexpr int kExitBadInput = 2;

void printRunSummary(const Scenario& scenario, const RunResult& result,
                     const std::vector<Advisory>& advisories, const std::string& outDir) {
  for (const SessionResult& s : result.sessions)
    std::fprintf(stderr,
                 "  day %g: %s %.2f mm, %d passes: %.0f punctures/cm2, mean depth %.2f mm, "
                 "redness for %.1f days\n",
                 s.day, std::string(toString(s.device.type)).c_str(), s.device.needle_length_mm,
                 s.device.passes, s.needling.stats.per_cm2, s.needling.stats.mean_depth_mm,
                 s.downtime_days);
  const Outcome& o = result.outcome;
  std::fprintf(stderr, "  day %g: texture %s %% better, collagen %s %% (simulated)\n",
               scenario.duration_days, fixedNumber(o.improvement_pct, 0).c_str(),
               signedNumber(100.0 * (o.collagen_rel - 1.0), 0).c_str());
  for (const Advisory& a : advisories)
    std::fprintf(stderr, "  %s %s: %s\n", std::string(toString(a.level)).c_str(), a.code.c_str(),
                 a.message.c_str());
  std::fprintf(stderr,
               "dermasim: wrote %s/timeseries.csv, summary.json, punctures.csv and aftercare.csv\n",
               outDir.c_str());
}

int runCommand(const std::string& scenarioArg, const std::string& outDir, bool quiet) {
  const Scenario scenario = resolveScenario(scenarioArg);
  // The output folder is checked, and its temporary made, before simulating: a bad --out is
  // found in a moment, not after the run.
  StagedFolder outputs = stageRunOutputs(outDir);
  if (!quiet)
    std::fprintf(stderr, "dermasim: %s (%s), %zu session(s) over %g days\n", scenario.name.c_str(),
                 scenario.source.c_str(), scenario.sessions.size(), scenario.duration_days);
  const RunResult result = simulateReporting(scenario, quiet);
  std::vector<Advisory> advisories = findingsFor(scenario);
  for (Advisory& a : healingFindings(scenario, result)) advisories.push_back(std::move(a));
  writeRunOutputs(outputs, scenario, result, advisories);
  if (!quiet) printRunSummary(scenario, result, advisories, outDir);
  return 0;
}

int checkCommand(const std::string& scenarioArg) {
  const Scenario scenario = resolveScenario(scenarioArg);
  std::printf("note resources: %s\n", describe(estimateResources(scenario)).c_str());
  bool anyError = false;
  for (const Advisory& a : findingsFor(scenario)) {
    std::printf("%s %s: %s%s\n", std::string(toString(a.level)).c_str(), a.code.c_str(),
                a.message.c_str(), a.source.empty() ? "" : (" [" + a.source + "]").c_str());
    anyError = anyError || a.level == AdvisoryLevel::Error;
  }
  return anyError ? kExitFailed : 0;
}

// Reports one file: "ok" on stdout, or its error line on stderr (then false).
bool validateOne(const std::string& file) {
  try {
    const Scenario s = resolveScenario(file);
    std::printf("%s: ok: %s, %zu session(s), %s %.2f mm; %s\n", file.c_str(),
                printable(s.name).c_str(), s.sessions.size(),
                std::string(toString(s.device.type)).c_str(), s.device.needle_length_mm,
                describe(estimateResources(s)).c_str());
    return true;
  } catch (const InputError& e) {
    for (const std::string& line : e.lines()) std::fprintf(stderr, "%s\n", line.c_str());
    return false;
  }
}

// Every file is checked, so one call lists all that need fixing; exit 2 if any does.
int validateCommand(const std::vector<std::string>& files) {
  bool allValid = true;
  for (const std::string& file : files) allValid = validateOne(file) && allValid;
  return allValid ? 0 : kExitBadInput;
}

void printParameterRows(const std::vector<ParameterSpec>& table, const char* valueHeading) {
  std::printf("| key | unit | %s | range | source | meaning |\n|---|---|---|---|---|---|\n",
              valueHeading);
  for (const ParameterSpec& p : table)
    std::printf("| `%.*s` | %.*s | %g | %g - %g | %.*s | %.*s |\n", static_cast<int>(p.key.size()),
                p.key.data(), static_cast<int>(p.unit.size()), p.unit.data(), p.value, p.min, p.max,
                static_cast<int>(p.source.size()), p.source.data(),
                static_cast<int>(p.description.size()), p.description.data());
}

// The rows that differ between the virtual patients of `run --cohort N`, each with its spread.
void printCohortSpreads() {
  constexpr double kNormalP90 = 1.2816;  // a standard normal's 90th percentile
  std::printf(
      "\n## Cohort spreads\n\nWhat differs between the virtual patients of `dermasim run "
      "--cohort N`: each row below is drawn per patient, lognormal about the scenario's value "
      "(its override, else the default) with the standard deviation of the logarithm given "
      "(p10 to p90 multiply it by about exp(-/+1.28 sd)), and clipped to the row's range. Rows "
      "of one factor share one draw per patient, so a slow healer is slow in every repair "
      "rate; of the site rows only the scenario's site applies. Age and Fitzpatrick type stay "
      "the scenario's. Patient i's draws come from a counter-based stream of (seed, i): the "
      "same whatever N and the thread count.\n\n"
      "| key | factor | log sd | p10 - p90 factor | source |\n|---|---|---|---|---|\n");
  for (const ParameterSpec& p : parameterTable())
    if (!p.cohort.factor.empty())
      std::printf("| `%.*s` | %.*s | %g | %.2f - %.2f | %.*s |\n", static_cast<int>(p.key.size()),
                  p.key.data(), static_cast<int>(p.cohort.factor.size()), p.cohort.factor.data(),
                  p.cohort.log_sd, std::exp(-kNormalP90 * p.cohort.log_sd),
                  std::exp(kNormalP90 * p.cohort.log_sd), static_cast<int>(p.cohort.source.size()),
                  p.cohort.source.data());
}

int paramsCommand() {
  std::printf(
      "# Model parameters\n\nGenerated by `dermasim params` from "
      "`src/core/parameters/ModelParameters.cpp`, "
      "the one home of every model parameter. Override any of them in a scenario's "
      "`[parameters]` table, within its range.\n\n");
  printParameterRows(parameterTable(), "default");
  std::printf(
      "\n## Advisory thresholds\n\nFrom `src/guidance/AdvisoryThresholds.cpp`: the numbers "
      "that decide what a patient caption may call visible. They word a result rather than "
      "simulate skin, so scenarios cannot override them; the range is what the sources allow. "
      "The thresholds `dermasim check` judges a plan by live in the knowledge table "
      "(`assets/guidance/`), printed by `dermasim guidance`.\n\n");
  printParameterRows(advisoryThresholdTable(), "value");
  printCohortSpreads();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dermasim: simulation of microneedling, from punctures to collagen remodelling"};
  app.set_version_flag("--version", std::string(kProgramName) + " " + kVersion);
  app.require_subcommand(1);
  int threads = 0;
  app.add_option("--threads", threads,
                 "worker threads (0 = all cores); results do not depend on it")
      ->check(CLI::Range(0, 256));

  std::string scenarioArg, outDir = "out";
  bool quiet = false;
  auto* run = app.add_subcommand("run", "simulate a scenario and write its outputs to a folder");
  run->add_option("scenario", scenarioArg,
                  std::string("scenario file, or the name of a built-in scenario (default: ") +
                      kDefaultScenario + ")");
  run->add_option("--out", outDir,
                  "output folder (created if needed; its outputs are replaced as one set, and a "
                  "folder holding other files is refused)")
      ->capture_default_str();
  run->add_flag("-q,--quiet", quiet, "print nothing but errors");
  std::string reportPath;
  run->add_option("--report", reportPath,
                  "also write the consultation sheet, a PDF of the curves, sessions and "
                  "pictures of the skin, once the outputs are written");
  bool force = false;
  addForceFlag(*run, force);
  std::string cohortText;
  auto* cohort = run->add_option(
      "--cohort", cohortText,
      "simulate N virtual patients (1 to " + std::to_string(kMaxCohort) +
          ") whose healing speed, fibroblast response and dermis thickness are drawn "
          "from the spreads in `dermasim params`: timeseries.csv then holds each "
          "metric's METRIC_p10, METRIC_p50 and METRIC_p90 over the patients, and "
          "cohort.csv one row per patient; the same for any --threads");
  std::string shardText;
  auto* shard =
      run->add_option(
             "--shard", shardText,
             "with --cohort: run only shard I of N (I/N, e.g. 2/4; patients i with i % N = "
             "I - 1) and write a shard folder for `dermasim merge` (docs/CLUSTER.md)")
          ->needs(cohort);

  std::string checkArg;
  auto* check = app.add_subcommand(
      "check", "print warnings and contraindications for a scenario (exit 1 on any error)");
  check->add_option("scenario", checkArg, "scenario file or built-in name")->required();

  std::vector<std::string> validateFiles;
  auto* validate = app.add_subcommand("validate", "check scenario files without simulating");
  validate->add_option("scenarios", validateFiles, "scenario files or built-in names")->required();

  auto* guidance = addGuidanceCommand(app);

  auto* params = app.add_subcommand("params", "print the model parameter table (Markdown)");
  auto* keys =
      app.add_subcommand("keys", "print every scenario key with its default and range (Markdown)");
  auto* scenarios = app.add_subcommand("scenarios", "list the built-in scenarios");

  RenderRequest renderRequest;
  auto* render = addRenderCommand(app, renderRequest);

  ValidationRequest validationRequest;
  auto* validation = addValidationCommand(app, validationRequest);

  SensitivityRequest sensitivityRequest;
  auto* sensitivity = addSensitivityCommand(app, sensitivityRequest);

  CompareRequest compareRequest;
  auto* compare = addCompareCommand(app, compareRequest);

  MergeRequest mergeRequest;
  auto* merge = addMergeCommand(app, mergeRequest);

  TrainRequest trainRequest;
  auto* train = addTrainCommand(app, trainRequest);
  PlanOptions planOptions;
  auto* plan = addPlanCommand(app, planOptions);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  }
  // The count asked for, kept while other programs share the machine.
  if (threads > 0) holdThreadCount(threads);

  try {
    if (*run && !force) refuseOnErrors(resolveScenario(scenarioArg));
    if ((*run && shard->count() > 0 && !reportPath.empty()) ||
        (*compare && compareRequest.shard && !compareRequest.report.empty()))
      throw InputError(
          "--report: not with --shard, which runs part of a cohort; merge the shards (dermasim "
          "merge) and draw the sheet from a whole run");
    if (*run)
      return withConsultationSheet({reportPath, {scenarioArg}, outDir, quiet}, [&] {
        if (cohort->count() > 0)
          return cohortRunCommand(scenarioArg, cohortText,
                                  shard->count() > 0 ? std::optional(shardText) : std::nullopt,
                                  outDir, quiet);
        return runCommand(scenarioArg, outDir, quiet);
      });
    if (*compare)
      return withConsultationSheet({compareRequest.report,
                                    {compareRequest.a, compareRequest.b},
                                    compareRequest.out,
                                    compareRequest.quiet},
                                   [&] { return compareCommand(compareRequest); });
    if (*merge) return mergeCommand(mergeRequest);
    if (*train) return trainCommand(trainRequest);
    if (*check) return checkCommand(checkArg);
    if (*validate) return validateCommand(validateFiles);
    if (*render) return renderCommand(renderRequest);
    if (*validation) return validationCommand(validationRequest);
    if (*sensitivity) return sensitivityCommand(sensitivityRequest);
    if (*guidance) return guidanceCommand();
    if (*plan) return planCommand(planOptions);
    if (*params) return paramsCommand();
    if (*keys) {
      std::printf(
          "# Scenario keys\n\nGenerated by `dermasim keys` from "
          "`src/core/scenario/ScenarioSchema.cpp`, the "
          "one home of every scenario default and range.\n\n");
      std::fputs(scenarioKeysMarkdown().c_str(), stdout);
      return 0;
    }
    if (*scenarios) {
      for (const std::string& name : builtinScenarioNames()) std::printf("%s\n", name.c_str());
      return 0;
    }
  } catch (const InputError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dermasim: error: %s\n", e.what());
    return kExitFailed;
  }
  return kExitBadInput;
}
