#include "cli/MergeCommand.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>

#include "cli/CohortCompareCommand.hpp"
#include "core/Version.hpp"
#include "guidance/Advisories.hpp"
#include "guidance/Findings.hpp"
#include "io/CohortOutputs.hpp"
#include "io/CohortShard.hpp"
#include "io/InputError.hpp"
#include "io/PrintableText.hpp"
#include "io/RunOutputs.hpp"

namespace dermasim {
namespace {

struct GivenShard {
  std::string dir;  // as given, for messages
  CohortShard shard;
};

std::string kindOf(const CohortShard& s) {
  return s.parts.size() == 2 ? "compare --cohort" : "run --cohort";
}

// Everything that must be the same in every shard of one cohort, checked against the first.
void checkSameCohort(const GivenShard& first, const GivenShard& other) {
  const std::string dir = printable(other.dir);
  const std::string asFirst = ", as " + printable(first.dir) + ")";
  const CohortShard& a = first.shard;
  const CohortShard& b = other.shard;
  if (b.program_version != kVersion)
    throw InputError(dir + ": written by " + kProgramName + " " + printable(b.program_version) +
                     "; this is " + kVersion +
                     " (merge with the version that ran the shards, or run them again)");
  if (b.parts.size() != a.parts.size())
    throw InputError(dir + ": a shard of " + kindOf(b) + " (expected one of " + kindOf(a) +
                     asFirst);
  if (b.cohort_size != a.cohort_size)
    throw InputError(dir + ": a shard of a cohort of " + std::to_string(b.cohort_size) +
                     " patients (expected " + std::to_string(a.cohort_size) + asFirst);
  if (b.shard.count != a.shard.count)
    throw InputError(dir + ": shard " + toString(b.shard) + " (expected one of " +
                     std::to_string(a.shard.count) + " shards" + asFirst);
  for (std::size_t p = 0; p < a.parts.size(); ++p) {
    const Scenario& sa = a.parts[p].scenario;
    const Scenario& sb = b.parts[p].scenario;
    const std::string which =
        a.parts.size() == 2 ? (p == 0 ? "scenario A " : "scenario B ") : "scenario ";
    if (sb.seed != sa.seed)
      throw InputError(dir + ": " + which + "seed " + std::to_string(sb.seed) + " (expected " +
                       std::to_string(sa.seed) + asFirst);
    if (sb.source != sa.source)
      throw InputError(dir + ": " + which + printable(sb.source) + " (expected " +
                       printable(sa.source) + asFirst);
    if (sb.source_text != sa.source_text)
      throw InputError(dir + ": " + which + printable(sb.source) +
                       " has other contents than the one " + printable(first.dir) +
                       " ran (edited between the shards?)");
  }
}

// Every shard once: a shard given twice or missing is named.
void checkComplete(const std::vector<GivenShard>& given) {
  const std::size_t count = given.front().shard.shard.count;
  std::map<std::size_t, const GivenShard*> seen;
  for (const GivenShard& g : given) {
    const auto [at, isNew] = seen.emplace(g.shard.shard.index, &g);
    if (!isNew)
      throw InputError(printable(g.dir) + ": shard " + toString(g.shard.shard) + " again (also " +
                       printable(at->second->dir) + ")");
  }
  std::string missing;
  for (std::size_t i = 1; i <= count; ++i)
    if (!seen.contains(i)) missing += (missing.empty() ? "" : ", ") + toString(ShardId{i, count});
  if (!missing.empty())
    throw InputError("merge: shard " + missing + " missing (given " + std::to_string(given.size()) +
                     " of " + std::to_string(count) + ")");
}

// One part's patients of every shard, ascending by index: the whole cohort.
CohortResult joinPart(std::vector<GivenShard>& given, std::size_t part) {
  CohortResult all{given.front().shard.parts[part].cohort.varied, {}};
  for (GivenShard& g : given)
    for (PatientRecord& p : g.shard.parts[part].cohort.patients)
      all.patients.push_back(std::move(p));
  std::sort(all.patients.begin(), all.patients.end(),
            [](const PatientRecord& x, const PatientRecord& y) { return x.index < y.index; });
  return all;
}

}  // namespace

CLI::App* addMergeCommand(CLI::App& app, MergeRequest& request) {
  auto* cmd = app.add_subcommand(
      "merge",
      "join the shard folders of one cohort (run or compare --cohort N --shard I/N) into the "
      "files one process would have written, byte for byte (docs/CLUSTER.md)");
  cmd->add_option("shards", request.shards, "every shard folder of the cohort, in any order")
      ->required();
  cmd->add_option("--out", request.out,
                  "output folder (created if needed; its outputs are replaced as one set, and a "
                  "folder holding other files is refused)")
      ->required();
  cmd->add_flag("-q,--quiet", request.quiet, "print nothing on stderr but errors");
  return cmd;
}

int mergeCommand(const MergeRequest& request) {
  std::vector<GivenShard> given;
  for (const std::string& dir : request.shards) given.push_back({dir, readShard(dir)});
  for (const GivenShard& g : given) checkSameCohort(given.front(), g);
  checkComplete(given);

  const bool comparison = given.front().shard.parts.size() == 2;
  std::vector<Scenario> scenarios;
  std::vector<CohortResult> cohorts;
  for (std::size_t p = 0; p < given.front().shard.parts.size(); ++p) {
    scenarios.push_back(given.front().shard.parts[p].scenario);
    cohorts.push_back(joinPart(given, p));
  }
  if (comparison) {
    writeCohortComparison(request.out, scenarios[0], scenarios[1], cohorts[0], cohorts[1]);
    printCohortComparison(scenarios[0], scenarios[1], cohorts[0], cohorts[1]);
  } else {
    StagedFolder outputs = stageRunOutputs(request.out);
    writeCohortOutputs(outputs, scenarios[0], cohorts[0], findingsFor(scenarios[0]));
  }
  if (!request.quiet)
    std::fprintf(stderr, "dermasim: merged %zu shards of %s, %zu patients, into %s\n", given.size(),
                 kindOf(given.front().shard).c_str(), cohorts[0].patients.size(),
                 printable(request.out).c_str());
  return 0;
}

}  // namespace dermasim
