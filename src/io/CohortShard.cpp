#include "io/CohortShard.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

#include "core/Version.hpp"
#include "core/numerics/NumberText.hpp"
#include "io/CsvField.hpp"
#include "io/InputError.hpp"
#include "io/PrintableText.hpp"
#include "io/ScenarioFile.hpp"
#include "io/ScenarioTextLimits.hpp"
#include "io/TextFile.hpp"
#include "io/TimeseriesColumns.hpp"

namespace dermasim {
namespace {

// Names the layout, so a later layout is refused by name rather than misread.
constexpr const char* kShardFormat = "dermasim cohort shard 1";

std::string inFolder(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

std::string patientsHeader(const CohortResult& cohort) {
  std::string out = "patient";
  for (const ParameterSpec* spec : cohort.varied) appendField(out, spec->key);
  for (const PatientOutcome& o : patientOutcomes()) appendField(out, o.name);
  return out;
}

std::string readingsHeader() {
  std::string out = "patient,day";
  for (const TimeseriesColumn& c : timeseriesColumns()) appendField(out, c.name);
  return out;
}

std::string patientsCsv(const CohortResult& cohort) {
  std::string out = patientsHeader(cohort) + "\n";
  for (const PatientRecord& p : cohort.patients) {
    out += std::to_string(p.index);
    for (double v : p.values) appendField(out, exactNumber(v));
    for (double v : p.outcomes) appendField(out, exactNumber(v));
    out += '\n';
  }
  return out;
}

std::string readingsCsv(const CohortResult& cohort) {
  std::string out = readingsHeader() + "\n";
  for (const PatientRecord& p : cohort.patients)
    for (const SkinReading& r : p.timeseries) {
      out += std::to_string(p.index);
      appendField(out, exactNumber(r.day));
      for (const TimeseriesColumn& c : timeseriesColumns())
        appendField(out, exactNumber(r.*c.value));
      out += '\n';
    }
  return out;
}

std::string shardJson(const CohortShard& shard) {
  nlohmann::ordered_json j;
  j["format"] = kShardFormat;
  j["program"] = {{"name", kProgramName}, {"version", kVersion}};
  j["shard"] = {{"index", shard.shard.index}, {"count", shard.shard.count}};
  j["cohort"] = {{"patients", shard.cohort_size}};
  nlohmann::ordered_json scenarios = nlohmann::ordered_json::array();
  for (const ShardPart& part : shard.parts)
    scenarios.push_back({{"folder", part.folder},
                         {"source", part.scenario.source},
                         {"seed", part.scenario.seed},
                         {"text", part.scenario.source_text}});
  j["scenarios"] = scenarios;
  return j.dump(2) + "\n";
}

// A patient's row of patients.csv is under 1 kB and its readings ~150 kB (a 6-month series);
// the bound leaves room for long series and refuses a table no shard of this size could hold.
constexpr std::size_t kMaxBytesPerPatient = std::size_t{8} << 20;
constexpr std::string_view kShardTableKind = "a shard's table, at most 8 MiB per patient";
// shard.json holds one or two scenario texts.
constexpr std::size_t kMaxShardJsonBytes = 4 * kMaxScenarioBytes;

// The lines of a CSV file the shard wrote: the header, checked against `header`, then the rows
// as numbers, each row `width` wide.
std::vector<std::vector<double>> readNumbers(const std::filesystem::path& file,
                                             const std::string& header, std::size_t width,
                                             std::size_t patients) {
  const std::string shown = printable(file.string());
  std::istringstream in(readTextFile(file, (patients + 1) * kMaxBytesPerPatient, kShardTableKind));
  std::string line;
  if (!std::getline(in, line) || line != header)
    throw InputError(shown + ": header: expected the columns this dermasim writes (got " +
                     printable(line) + ")");
  std::vector<std::vector<double>> rows;
  for (std::size_t number = 2; std::getline(in, line); ++number) {
    std::vector<double> row;
    const char* at = line.data();
    const char* end = line.data() + line.size();
    while (at <= end) {
      const char* comma = std::find(at, end, ',');
      double value = 0;
      const auto [stop, ec] = std::from_chars(at, comma, value);
      if (ec != std::errc() || stop != comma || at == comma)
        throw InputError(shown + ":" + std::to_string(number) + ": expected a number (got " +
                         printable(std::string(at, comma)) + ")");
      row.push_back(value);
      at = comma + 1;
    }
    if (row.size() != width)
      throw InputError(shown + ":" + std::to_string(number) + ": expected " +
                       std::to_string(width) + " columns (got " + std::to_string(row.size()) + ")");
    rows.push_back(std::move(row));
  }
  return rows;
}

std::size_t patientIndex(double value, const std::filesystem::path& file) {
  if (value < 0 || value != std::floor(value) || value > 1e15)
    throw InputError(printable(file.string()) + ": patient: expected a patient index (got " +
                     readableNumber(value) + ")");
  return static_cast<std::size_t>(value);
}

// The part's patients from its two files; `expected` are the indices the shard must hold.
CohortResult readPart(const std::filesystem::path& dir, const std::string& folder,
                      const Scenario& scenario, const std::vector<std::size_t>& expected) {
  CohortResult cohort{cohortParameters(scenario), {}};
  const std::filesystem::path patientsFile = dir / inFolder(folder, "patients.csv");
  const std::size_t outcomes = patientOutcomes().size();
  for (const std::vector<double>& row :
       readNumbers(patientsFile, patientsHeader(cohort), 1 + cohort.varied.size() + outcomes,
                   expected.size())) {
    PatientRecord p;
    p.index = patientIndex(row[0], patientsFile);
    p.values.assign(row.begin() + 1, row.begin() + 1 + static_cast<long>(cohort.varied.size()));
    p.outcomes.assign(row.end() - static_cast<long>(outcomes), row.end());
    cohort.patients.push_back(std::move(p));
  }
  std::vector<std::size_t> found;
  for (const PatientRecord& p : cohort.patients) found.push_back(p.index);
  if (found != expected)
    throw InputError(printable(patientsFile.string()) + ": expected the " +
                     std::to_string(expected.size()) + " patients of this shard, in order (got " +
                     std::to_string(found.size()) + " others; the file is damaged)");

  const std::filesystem::path readingsFile = dir / inFolder(folder, "readings.csv");
  const std::vector<TimeseriesColumn>& columns = timeseriesColumns();
  std::size_t next = 0;  // readings come patient by patient, in the patients' order
  for (const std::vector<double>& row :
       readNumbers(readingsFile, readingsHeader(), 2 + columns.size(), expected.size())) {
    const std::size_t index = patientIndex(row[0], readingsFile);
    while (next < cohort.patients.size() && cohort.patients[next].index != index) ++next;
    if (next == cohort.patients.size())
      throw InputError(printable(readingsFile.string()) + ": patient " + std::to_string(index) +
                       ": not a patient of patients.csv, or out of order (the file is damaged)");
    SkinReading r;
    r.day = row[1];
    for (std::size_t c = 0; c < columns.size(); ++c) r.*columns[c].value = row[2 + c];
    cohort.patients[next].timeseries.push_back(r);
  }
  for (const PatientRecord& p : cohort.patients)
    if (p.timeseries.empty() || p.timeseries.size() != cohort.patients.front().timeseries.size())
      throw InputError(printable(readingsFile.string()) + ": patient " + std::to_string(p.index) +
                       ": expected as many readings as every other patient (the file is damaged)");
  return cohort;
}

}  // namespace

std::vector<std::string> shardFolders(bool comparison) {
  return comparison ? std::vector<std::string>{"a", "b"} : std::vector<std::string>{""};
}

std::vector<std::string> shardOutputNames(const std::vector<std::string>& folders) {
  std::vector<std::string> names{"shard.json"};
  for (const std::string& folder : folders) {
    names.push_back(inFolder(folder, "patients.csv"));
    names.push_back(inFolder(folder, "readings.csv"));
  }
  return names;
}

void stageShardFiles(StagedFolder& staged, const CohortShard& shard) {
  // Formatted first, then written: a failure leaves no partial set.
  std::vector<std::pair<std::string, std::string>> files{{"shard.json", shardJson(shard)}};
  for (const ShardPart& part : shard.parts) {
    files.emplace_back(inFolder(part.folder, "patients.csv"), patientsCsv(part.cohort));
    files.emplace_back(inFolder(part.folder, "readings.csv"), readingsCsv(part.cohort));
  }
  for (const auto& [name, text] : files) staged.write(name, text);
}

CohortShard readShard(const std::filesystem::path& dir) {
  const std::string shownDir = printable(dir.string());
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw InputError(shownDir +
                     ": not a folder (expected a shard folder written by run "
                     "--cohort N --shard I/N)");
  const std::filesystem::path file = dir / "shard.json";
  if (!std::filesystem::exists(file, ec))
    throw InputError(shownDir +
                     ": not a cohort shard (no shard.json; shards are written by "
                     "--cohort N --shard I/N)");
  const std::string shown = printable(file.string());
  CohortShard shard;
  std::vector<std::pair<std::string, Scenario>> scenarios;
  try {
    const nlohmann::json j = nlohmann::json::parse(
        readTextFile(file, kMaxShardJsonBytes, "a shard's description, a few kB"));
    const std::string format = j.at("format").get<std::string>();
    if (format != kShardFormat)
      throw InputError(shown + ": format: expected \"" + kShardFormat + "\" (got " +
                       quotedText(format) + ")");
    shard.program_version = j.at("program").at("version").get<std::string>();
    shard.shard = {j.at("shard").at("index").get<std::size_t>(),
                   j.at("shard").at("count").get<std::size_t>()};
    shard.cohort_size = j.at("cohort").at("patients").get<std::size_t>();
    for (const auto& s : j.at("scenarios")) {
      const std::string folder = s.at("folder").get<std::string>();
      Scenario scenario =
          parseScenario(s.at("text").get<std::string>(), s.at("source").get<std::string>());
      scenarios.emplace_back(folder, std::move(scenario));
    }
  } catch (const nlohmann::json::exception& e) {
    throw InputError(shown + ": not a readable shard description (" + printable(e.what()) + ")");
  } catch (const InputError& e) {
    if (std::string_view(e.what()).starts_with(shown)) throw;
    throw InputError(shown + ": scenario: " + e.what());
  }
  if (shard.cohort_size == 0 || shard.cohort_size > kMaxCohort)
    throw InputError(shown + ": cohort: patients: expected 1 to " + std::to_string(kMaxCohort) +
                     " (got " + std::to_string(shard.cohort_size) + ")");
  if (shard.shard.index == 0 || shard.shard.index > shard.shard.count ||
      shard.shard.count > shard.cohort_size)
    throw InputError(shown + ": shard: expected I/N with 1 <= I <= N <= the cohort's " +
                     std::to_string(shard.cohort_size) + " patients (got " + toString(shard.shard) +
                     ")");
  if (scenarios.size() != 1 && scenarios.size() != 2)
    throw InputError(shown + ": scenarios: expected one (run) or two (compare) (got " +
                     std::to_string(scenarios.size()) + ")");
  const std::vector<std::size_t> patients = shardPatients(shard.shard, shard.cohort_size);
  for (auto& [folder, scenario] : scenarios) {
    if (folder != shardFolders(scenarios.size() == 2)[shard.parts.size()])
      throw InputError(shown + ": scenarios: folder " + quotedText(folder) +
                       " is not one a shard holds");
    CohortResult cohort = readPart(dir, folder, scenario, patients);
    shard.parts.push_back({folder, std::move(scenario), std::move(cohort)});
  }
  return shard;
}

}  // namespace dermasim
