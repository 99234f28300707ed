#include "cli/PlanCommand.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

#include "cli/RunProgress.hpp"
#include "cli/WholeNumber.hpp"
#include "core/numerics/NumberText.hpp"
#include "guidance/Advisories.hpp"
#include "guidance/Findings.hpp"
#include "guidance/Planner.hpp"
#include "io/InputError.hpp"
#include "io/PlanToml.hpp"
#include "io/PrintableText.hpp"

namespace dermasim {
namespace {

namespace fs = std::filesystem;

std::string got(const std::string& text) { return " (got " + printable(text) + ")"; }

template <typename T>
T named(const std::string& option, const std::string& text,
        std::optional<T> (*parse)(std::string_view), std::string (*all)()) {
  if (const auto v = parse(text)) return *v;
  throw InputError(option + ": must be one of " + all() + got(text));
}

// The file --out names must be a .toml file in a folder that exists: checked before the plan is
// simulated, so a typo costs a moment rather than a run.
void checkOutPath(const std::string& out) {
  const fs::path path(out);
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != ".toml") throw InputError("--out: must be a .toml scenario file" + got(out));
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw InputError("--out: is a folder, not a file" + got(out));
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(folder, ec))
    throw InputError("--out: folder " + printable(folder.string()) + " does not exist" + got(out));
}

PlanRequest requestOf(const PlanOptions& o) {
  PlanRequest r;
  r.site = named<Site>("--site", o.site, parseSite, allSites);
  r.indication = named<Indication>("--indication", o.indication, parseIndication, allIndications);
  if (!o.fitzpatrick.empty())
    r.fitzpatrick = static_cast<int>(wholeNumber(o.fitzpatrick, "--fitzpatrick", 1, 6));
  if (!o.device.empty())
    r.device = named<DeviceType>("--device", o.device, parseDeviceType, allDeviceTypes);
  if (!o.out.empty()) checkOutPath(o.out);
  return r;
}

// The command that gives this plan, every choice spelled out, for the file's first comment.
std::string commandOf(const PlanRequest& r) {
  return "dermasim plan --site " + std::string(toString(r.site)) + " --indication " +
         std::string(toString(r.indication)) + " --fitzpatrick " + std::to_string(*r.fitzpatrick) +
         " --device " + std::string(toString(*r.device));
}

// The days of visible redness after each session, as `run`'s summary.json gives them, set
// against the guidance's range for the plan's depth.
PlanChoice downtimeChoice(const ProtocolPlan& plan, const RunResult& result) {
  double sum = 0, least = 0, most = 0;
  std::string each;
  for (std::size_t i = 0; i < result.sessions.size(); ++i) {
    const double d = result.sessions[i].downtime_days;
    sum += d;
    least = i == 0 ? d : std::min(least, d);
    most = i == 0 ? d : std::max(most, d);
    each += (i ? ", " : "") + fixedNumber(d, 1);
  }
  const double mean =
      result.sessions.empty() ? 0 : sum / static_cast<double>(result.sessions.size());
  const DowntimeRange& guide = plan.downtime;
  const bool within = least >= guide.min_days && most <= guide.max_days;
  return {"",
          "expected downtime",
          fixedNumber(mean, 1) + " days of visible redness per session (simulated)",
          {"the model's redness after each session until its erythema falls below 0.1 (as "
           "summary.json's downtime_days): " +
               each + " days",
           "the makers' guides give " + roundedNumber(guide.min_days, 1) + "-" +
               roundedNumber(guide.max_days, 1) + " days for needles of " +
               roundedNumber(guide.from_mm, 2) + " to under " + roundedNumber(guide.below_mm, 2) +
               " mm: the simulation is " +
               (within ? "within it" : "outside it (a limit of the model or of the guide)")},
          {guide.provenance.cite()}};
}

void printPlan(const ProtocolPlan& plan, const std::vector<Advisory>& findings) {
  std::printf("Plan for %s on the %s (a simulation aid, not medical advice)\n\n",
              std::string(toString(plan.request.indication)).c_str(),
              std::string(toString(plan.request.site)).c_str());
  for (const PlanChoice& c : plan.choices) {
    std::printf("%s: %s\n", c.what.c_str(), c.value.c_str());
    for (const std::string& r : c.reasons) std::printf("  why: %s\n", r.c_str());
    for (const std::string& s : c.sources) std::printf("  source: %s\n", s.c_str());
  }
  std::printf("\nfindings of `dermasim check` for this plan:%s\n", findings.empty() ? " none" : "");
  for (const Advisory& a : findings)
    std::printf("  %s %s: %s%s\n", std::string(toString(a.level)).c_str(), a.code.c_str(),
                a.message.c_str(), a.source.empty() ? "" : (" [" + a.source + "]").c_str());
  std::printf("\nWith --out FILE.toml the plan is written as a scenario for `dermasim run`.\n");
}

}  // namespace

CLI::App* addPlanCommand(CLI::App& app, PlanOptions& options) {
  auto* command = app.add_subcommand(
      "plan",
      "suggest a protocol from the knowledge table: device, needle depth, passes, sessions, "
      "interval, maintenance and the downtime the model gives for it, each with its reasons "
      "and sources");
  command->add_option("--site", options.site, "treated site: " + allSites())->required();
  command->add_option("--indication", options.indication, "what is treated: " + allIndications())
      ->required();
  command->add_option("--fitzpatrick", options.fitzpatrick,
                      "Fitzpatrick skin type, 1 to 6 (default: the scenario default); types with "
                      "raised pigmentation risk get a gentler plan");
  command->add_option("--device", options.device,
                      "pen | roller (default: the table's choice for the site and indication)");
  command->add_option("--out", options.out,
                      "write the plan as a commented scenario file (.toml) instead of printing it");
  command->footer(
      "The plan is simulated once for its downtime (progress on stderr). Its numbers come from "
      "assets/guidance/*.csv (`dermasim guidance`, docs/GUIDANCE.md).");
  return command;
}

int planCommand(const PlanOptions& options) {
  const PlanRequest request = requestOf(options);
  ProtocolPlan plan;
  try {
    plan = planProtocol(request);
  } catch (const PlanRefused& e) {
    throw InputError(std::string("refused: ") + e.what());
  }
  const std::vector<Advisory> findings = findingsFor(plan.scenario);

  std::fprintf(stderr,
               "dermasim plan: simulating the plan once for its downtime (%zu sessions over %s "
               "days)\n",
               plan.scenario.sessions.size(),
               roundedNumber(plan.scenario.duration_days, 0).c_str());
  const RunResult result = simulateReporting(plan.scenario, false);
  // Before the maintenance advice, which closes the plan.
  plan.choices.insert(plan.choices.end() - 1, downtimeChoice(plan, result));

  if (options.out.empty()) {
    printPlan(plan, findings);
    return 0;
  }
  savePlanFile(options.out, plan, commandOf(plan.request), findings);
  std::fprintf(stderr, "dermasim plan: wrote %s (%s)\n", printable(options.out).c_str(),
               plan.scenario.name.c_str());
  return 0;
}

}  // namespace dermasim
