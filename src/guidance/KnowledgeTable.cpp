#include "guidance/KnowledgeTable.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "guidance/CsvTable.hpp"
#include "knowledge_table_embedded.hpp"

namespace dermasim {
namespace {

constexpr std::array<std::string_view, 10> kFiles{
    "depth_ranges.csv", "intervals.csv",    "courses.csv",   "contraindications.csv",
    "pigmentation.csv", "thresholds.csv",   "aftercare.csv", "devices.csv",
    "downtime.csv",     "treated_sites.csv"};
constexpr std::array<std::string_view, 2> kAftercareFrom{"before", "session"};
constexpr std::array<std::string_view, 5> kAftercareUntil{
    "session", "channels_closed", "barrier_sealed", "redness_resolved", "fixed"};
constexpr std::array<std::string_view, 4> kGrades{"A", "B", "C", "expert"};
// Needles longer than the scenario schema allows: the last interval rule ends beyond them.
constexpr double kLongestNeedleMm = 3.5;

[[noreturn]] void fail(const CsvRow& row, std::string_view column, const std::string& expected) {
  throw std::runtime_error(
      "assets/guidance/" + row.where(column) + ": expected " + expected + " (got \"" +
      row.fields.at(static_cast<std::size_t>(
          std::find(row.columns.begin(), row.columns.end(), column) - row.columns.begin())) +
      "\")");
}

Provenance provenanceOf(const CsvRow& row) {
  const std::string& grade = row.text("grade");
  if (std::find(kGrades.begin(), kGrades.end(), grade) == kGrades.end())
    fail(row, "grade", "A, B, C or expert");
  return {row.file, row.line, row.text("source"), grade};
}

CsvTable read(const std::map<std::string, std::string_view>& files, const std::string& name,
              std::vector<std::string> columns) {
  const auto it = files.find(name);
  if (it == files.end()) throw std::runtime_error("assets/guidance/" + name + ": missing");
  return readCsv(name, it->second, columns);
}

Site siteOf(const CsvRow& row) {
  if (const auto s = parseSite(row.text("site"))) return *s;
  fail(row, "site", allSites());
}

std::optional<Indication> indicationOf(const CsvRow& row) {
  const std::string& text = row.text("indication");
  if (text == "any") return std::nullopt;
  if (const auto i = parseIndication(text)) return *i;
  fail(row, "indication", "any | " + allIndications());
}

AdvisoryLevel levelOf(const CsvRow& row) {
  for (AdvisoryLevel level : {AdvisoryLevel::Error, AdvisoryLevel::Warning, AdvisoryLevel::Note})
    if (row.text("level") == toString(level)) return level;
  fail(row, "level", "error | warning | note");
}

double positive(const CsvRow& row, std::string_view column) {
  const double v = row.number(column);
  if (!(v >= 0)) fail(row, column, "a number >= 0");
  return v;
}

std::vector<DepthRange> depthRanges(const CsvTable& t) {
  std::vector<DepthRange> out;
  for (const CsvRow& row : t.rows) {
    DepthRange r{siteOf(row), indicationOf(row), positive(row, "min_mm"), positive(row, "max_mm"),
                 provenanceOf(row)};
    if (r.max_mm < r.min_mm) fail(row, "max_mm", "at least min_mm");
    out.push_back(std::move(r));
  }
  for (std::size_t s = 0; s <= static_cast<std::size_t>(Site::Back); ++s)
    if (std::none_of(out.begin(), out.end(), [&](const DepthRange& r) {
          return static_cast<std::size_t>(r.site) == s && !r.indication;
        }))
      throw std::runtime_error("assets/guidance/depth_ranges.csv: no row for site " +
                               std::string(toString(static_cast<Site>(s))) +
                               " with indication any");
  return out;
}

// How far rows of needle lengths [from, below) reach from 0 without a gap.
double coveredFromZero(const std::vector<std::pair<double, double>>& spans) {
  double covered = 0;
  for (bool extended = true; extended;) {
    extended = false;
    for (const auto& [from, below] : spans)
      if (from <= covered && below > covered) {
        covered = below;
        extended = true;
      }
  }
  return covered;
}

void requireEveryLength(const std::vector<std::pair<double, double>>& spans,
                        const std::string& what) {
  const double covered = coveredFromZero(spans);
  if (covered <= kLongestNeedleMm)
    throw std::runtime_error("assets/guidance/" + what + " must cover needles from 0 to " +
                             std::to_string(kLongestNeedleMm) + " mm without gaps (covered up to " +
                             std::to_string(covered) + " mm)");
}

std::vector<IntervalRule> intervalRules(const CsvTable& t) {
  std::vector<IntervalRule> out;
  for (const CsvRow& row : t.rows) {
    IntervalRule r{indicationOf(row),          positive(row, "from_mm"),
                   positive(row, "below_mm"),  positive(row, "min_interval_days"),
                   row.text("usual_interval"), provenanceOf(row)};
    if (r.below_mm <= r.from_mm) fail(row, "below_mm", "more than from_mm");
    out.push_back(std::move(r));
  }
  // The "any" rules must cover every needle length without gaps, so every session is judged.
  std::vector<std::pair<double, double>> spans;
  for (const IntervalRule& r : out)
    if (!r.indication) spans.emplace_back(r.from_mm, r.below_mm);
  requireEveryLength(spans, "intervals.csv: the rows for indication any");
  return out;
}

// "3-6" as 3 and 6, "12" as 12 and 12: a plan reads the fewest.
std::pair<int, int> sessionCounts(const CsvRow& row) {
  const std::string& text = row.text("sessions");
  int fewest = 0, most = 0;
  char dash = 0, extra = 0;
  const int read = std::sscanf(text.c_str(), "%d%c%d%c", &fewest, &dash, &most, &extra);
  if (read == 1) most = fewest;
  if (!((read == 1 || (read == 3 && dash == '-')) && fewest >= 1 && most >= fewest))
    fail(row, "sessions", "a count or a range of counts, e.g. 12 or 3-6");
  return {fewest, most};
}

std::vector<Course> courses(const CsvTable& t) {
  std::vector<Course> out;
  for (const CsvRow& row : t.rows) {
    const auto indication = indicationOf(row);
    if (!indication) fail(row, "indication", allIndications());
    const auto [fewest, most] = sessionCounts(row);
    out.push_back({*indication, row.text("sessions"), fewest, most, row.text("maintenance"),
                   provenanceOf(row)});
  }
  return out;
}

std::optional<Site> siteOrAny(const CsvRow& row) {
  if (row.text("site") == "any") return std::nullopt;
  return siteOf(row);
}

std::vector<DeviceChoice> deviceChoices(const CsvTable& t) {
  std::vector<DeviceChoice> out;
  for (const CsvRow& row : t.rows) {
    const auto device = parseDeviceType(row.text("device"));
    if (!device) fail(row, "device", allDeviceTypes());
    out.push_back(
        {siteOrAny(row), indicationOf(row), *device, row.text("reason"), provenanceOf(row)});
  }
  if (std::none_of(out.begin(), out.end(),
                   [](const DeviceChoice& c) { return !c.site && !c.indication; }))
    throw std::runtime_error(
        "assets/guidance/devices.csv: no row for site any with indication any (the default)");
  return out;
}

std::vector<DowntimeRange> downtimeRanges(const CsvTable& t) {
  std::vector<DowntimeRange> out;
  std::vector<std::pair<double, double>> spans;
  for (const CsvRow& row : t.rows) {
    DowntimeRange r{positive(row, "from_mm"), positive(row, "below_mm"), positive(row, "min_days"),
                    positive(row, "max_days"), provenanceOf(row)};
    if (r.below_mm <= r.from_mm) fail(row, "below_mm", "more than from_mm");
    if (r.max_days < r.min_days) fail(row, "max_days", "at least min_days");
    spans.emplace_back(r.from_mm, r.below_mm);
    out.push_back(std::move(r));
  }
  requireEveryLength(spans, "downtime.csv: the rows");
  return out;
}

std::vector<TreatedSites> treatedSites(const CsvTable& t) {
  std::vector<TreatedSites> out;
  for (const CsvRow& row : t.rows) {
    const auto indication = indicationOf(row);
    if (!indication) fail(row, "indication", allIndications());
    TreatedSites r{*indication, {}, provenanceOf(row)};
    const std::string& list = row.text("sites");
    if (list != "any") {
      std::istringstream words(list);
      for (std::string word; words >> word;) {
        const auto site = parseSite(word);
        if (!site) fail(row, "sites", "any, or sites separated by spaces: " + allSites());
        r.sites.push_back(*site);
      }
    }
    out.push_back(std::move(r));
  }
  for (std::size_t i = 0; i <= static_cast<std::size_t>(Indication::HairLoss); ++i)
    if (std::none_of(out.begin(), out.end(), [&](const TreatedSites& r) {
          return static_cast<std::size_t>(r.indication) == i;
        }))
      throw std::runtime_error("assets/guidance/treated_sites.csv: no row for indication " +
                               std::string(toString(static_cast<Indication>(i))));
  return out;
}

bool isSnakeCase(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

std::vector<Contraindication> contraindications(const CsvTable& t) {
  std::vector<Contraindication> out;
  for (const CsvRow& row : t.rows) {
    const auto condition = parseCondition(row.text("condition"));
    if (!condition) fail(row, "condition", allConditions());
    if (!isSnakeCase(row.text("code"))) fail(row, "code", "a snake_case code");
    out.push_back(
        {*condition, levelOf(row), row.text("code"), row.text("advice"), provenanceOf(row)});
  }
  for (std::size_t c = 0; c <= static_cast<std::size_t>(Condition::KeloidHistory); ++c)
    if (std::none_of(out.begin(), out.end(), [&](const Contraindication& x) {
          return static_cast<std::size_t>(x.condition) == c;
        }))
      throw std::runtime_error("assets/guidance/contraindications.csv: no row for condition " +
                               std::string(toString(static_cast<Condition>(c))));
  return out;
}

std::vector<PigmentationAdvice> pigmentation(const CsvTable& t) {
  std::vector<PigmentationAdvice> out;
  for (const CsvRow& row : t.rows) {
    const double type = row.number("fitzpatrick");
    if (type != static_cast<int>(type) || type < 1 || type > 6 ||
        static_cast<int>(type) != static_cast<int>(out.size()) + 1)
      fail(row, "fitzpatrick",
           "types 1 to 6 in order, " + std::to_string(out.size() + 1) + " next");
    const std::string& risk = row.text("pih_risk");
    if (risk != "low" && risk != "raised") fail(row, "pih_risk", "low | raised");
    out.push_back({static_cast<int>(type), risk, row.text("advice"), provenanceOf(row)});
  }
  if (out.size() != 6)
    throw std::runtime_error(
        "assets/guidance/pigmentation.csv: expected a row for each "
        "Fitzpatrick type 1 to 6 (got " +
        std::to_string(out.size()) + ")");
  return out;
}

std::vector<GuidanceThreshold> thresholds(const CsvTable& t) {
  std::vector<GuidanceThreshold> out;
  for (const CsvRow& row : t.rows)
    out.push_back({row.text("key"), positive(row, "value"), row.text("unit"), levelOf(row),
                   row.text("meaning"), provenanceOf(row)});
  return out;
}

}  // namespace

std::string Provenance::cite() const {
  return "assets/guidance/" + file + ":" + std::to_string(line) + ", grade " + grade + ": " +
         source;
}

const DepthRange& KnowledgeTable::depthRange(Site site, Indication indication) const {
  const DepthRange* any = nullptr;
  for (const DepthRange& r : depth_ranges) {
    if (r.site != site) continue;
    if (r.indication == indication) return r;
    if (!r.indication && !any) any = &r;
  }
  if (any) return *any;
  throw std::logic_error("knowledge table: no depth range for " + std::string(toString(site)));
}

const IntervalRule& KnowledgeTable::interval(Indication indication, double needleMm) const {
  const IntervalRule* any = nullptr;
  for (const IntervalRule& r : intervals) {
    if (needleMm < r.from_mm || needleMm >= r.below_mm) continue;
    if (r.indication == indication) return r;
    if (!r.indication && !any) any = &r;
  }
  if (any) return *any;
  throw std::logic_error("knowledge table: no interval rule for " + std::to_string(needleMm) +
                         " mm");
}

const Course* KnowledgeTable::course(Indication indication) const {
  for (const Course& c : courses)
    if (c.indication == indication) return &c;
  return nullptr;
}

const Contraindication& KnowledgeTable::contraindication(Condition condition) const {
  for (const Contraindication& c : contraindications)
    if (c.condition == condition) return c;
  throw std::logic_error("knowledge table: no row for condition " +
                         std::string(toString(condition)));
}

const PigmentationAdvice& KnowledgeTable::pigmentationFor(int fitzpatrick) const {
  return pigmentation.at(static_cast<std::size_t>(std::clamp(fitzpatrick, 1, 6) - 1));
}

const GuidanceThreshold& KnowledgeTable::threshold(std::string_view key) const {
  for (const GuidanceThreshold& t : thresholds)
    if (t.key == key) return t;
  throw std::runtime_error("assets/guidance/thresholds.csv: no row with key " + std::string(key));
}

bool TreatedSites::covers(Site site) const {
  return sites.empty() || std::find(sites.begin(), sites.end(), site) != sites.end();
}

const DeviceChoice& KnowledgeTable::deviceChoice(Site site, Indication indication) const {
  // Rank 0 matches both, 1 the site, 2 the indication, 3 neither (the default).
  const DeviceChoice* best = nullptr;
  int bestRank = 4;
  for (const DeviceChoice& c : device_choices) {
    if ((c.site && *c.site != site) || (c.indication && *c.indication != indication)) continue;
    const int rank = (c.site ? 0 : 2) + (c.indication ? 0 : 1);
    if (rank < bestRank) {
      best = &c;
      bestRank = rank;
    }
  }
  if (best) return *best;
  throw std::logic_error("knowledge table: no device row for any site and indication");
}

const DowntimeRange& KnowledgeTable::downtimeFor(double needleMm) const {
  for (const DowntimeRange& r : downtime)
    if (needleMm >= r.from_mm && needleMm < r.below_mm) return r;
  throw std::logic_error("knowledge table: no downtime row for " + std::to_string(needleMm) +
                         " mm");
}

const TreatedSites& KnowledgeTable::treatedSites(Indication indication) const {
  for (const TreatedSites& r : treated_sites)
    if (r.indication == indication) return r;
  throw std::logic_error("knowledge table: no treated sites for " +
                         std::string(toString(indication)));
}

std::map<std::string, std::string_view> knowledgeTableFiles() {
  std::map<std::string, std::string_view> files;
  for (std::string_view name : kFiles)
    if (const auto text = knowledge_table_embedded::find(name)) files.emplace(name, *text);
  return files;
}

template <std::size_t N>
std::string oneOf(const CsvRow& row, std::string_view column,
                  const std::array<std::string_view, N>& allowed) {
  const std::string& v = row.text(column);
  if (std::find(allowed.begin(), allowed.end(), v) != allowed.end()) return v;
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  fail(row, column, "one of " + list);
}

std::vector<AftercareRule> aftercareRules(const CsvTable& t) {
  std::vector<AftercareRule> out;
  for (const CsvRow& row : t.rows) {
    AftercareRule r{row.text("item"),
                    oneOf(row, "from", kAftercareFrom),
                    oneOf(row, "until", kAftercareUntil),
                    row.number("at_least_h"),
                    row.text("instruction"),
                    row.text("reason"),
                    provenanceOf(row)};
    if (!(r.at_least_h >= 0)) fail(row, "at_least_h", "a number of hours, at least 0");
    out.push_back(std::move(r));
  }
  return out;
}

KnowledgeTable parseKnowledgeTable(const std::map<std::string, std::string_view>& files) {
  KnowledgeTable k;
  k.depth_ranges = depthRanges(read(files, "depth_ranges.csv",
                                    {"site", "indication", "min_mm", "max_mm", "source", "grade"}));
  k.intervals = intervalRules(read(files, "intervals.csv",
                                   {"indication", "from_mm", "below_mm", "min_interval_days",
                                    "usual_interval", "source", "grade"}));
  k.courses = courses(
      read(files, "courses.csv", {"indication", "sessions", "maintenance", "source", "grade"}));
  k.contraindications = contraindications(read(
      files, "contraindications.csv", {"condition", "level", "code", "advice", "source", "grade"}));
  k.pigmentation = pigmentation(
      read(files, "pigmentation.csv", {"fitzpatrick", "pih_risk", "advice", "source", "grade"}));
  k.thresholds = thresholds(read(files, "thresholds.csv",
                                 {"key", "value", "unit", "level", "meaning", "source", "grade"}));
  k.aftercare = aftercareRules(
      read(files, "aftercare.csv",
           {"item", "from", "until", "at_least_h", "instruction", "reason", "source", "grade"}));
  k.device_choices = deviceChoices(
      read(files, "devices.csv", {"site", "indication", "device", "reason", "source", "grade"}));
  k.downtime = downtimeRanges(read(
      files, "downtime.csv", {"from_mm", "below_mm", "min_days", "max_days", "source", "grade"}));
  k.treated_sites =
      treatedSites(read(files, "treated_sites.csv", {"indication", "sites", "source", "grade"}));
  // The findings read these by name: a missing one is a broken table, not a missing finding.
  for (std::string_view key : {"home_use_max_mm", "confluent_injury_fraction", "pih_deep_needle_mm",
                               "pih_dense_punctures_per_cm2", "healed_inflammation_share"})
    k.threshold(key);
  // The trainer's (guidance/Trainer.hpp).
  for (std::string_view key :
       {"trainer_follow_up_days", "trainer_pih_risk_high", "trainer_carried_inflammation"})
    k.threshold(key);
  // So does the planner (guidance/Planner.hpp).
  for (std::string_view key :
       {"plan_depth_share", "plan_depth_share_raised_pih", "plan_depth_step_mm", "plan_pen_passes",
        "plan_roller_passes", "plan_passes_share_raised_pih", "plan_interval_scale_raised_pih",
        "plan_follow_up_days"})
    k.threshold(key);
  for (const GuidanceThreshold& t : k.thresholds)
    if (t.value > 1 && (t.key == "plan_depth_share" || t.key == "plan_depth_share_raised_pih" ||
                        t.key == "plan_passes_share_raised_pih"))
      throw std::runtime_error(
          "assets/guidance/thresholds.csv:" + std::to_string(t.provenance.line) + ": " + t.key +
          " is a share: expected 0 to 1 (got " + std::to_string(t.value) + ")");
  return k;
}

const KnowledgeTable& knowledgeTable() {
  static const KnowledgeTable table = parseKnowledgeTable(knowledgeTableFiles());
  return table;
}

}  // namespace dermasim
