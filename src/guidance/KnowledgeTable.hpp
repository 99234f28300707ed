#pragma once
// The clinical knowledge `dermasim check` and `dermasim guidance` use: depth ranges by site and
// indication, the shortest interval between sessions by depth, the usual course, the
// contraindications with their grade, the pigmentation advice by Fitzpatrick type, the few
// thresholds behind the findings, and what `dermasim plan` suggests from (the device for a site
// and indication, the sites an indication is treated on, the downtime expected by depth). Its one
// home is assets/guidance/*.csv (docs/GUIDANCE.md), compiled into the program; every row carries
// its source and evidence grade. The table is read and checked once (a bad row throws on first use,
// and guidance_knowledge_table_test loads it), so a running program never meets a malformed row.
//
//   const KnowledgeTable& k = knowledgeTable();
//   const DepthRange& chart = k.depthRange(Site::Periorbital, Indication::FineLines);
//   if (needleMm > chart.max_mm) ... chart.provenance.cite() ...

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/Scenario.hpp"
#include "guidance/Advisories.hpp"

namespace dermasim {

// Where a row comes from: its file and line in assets/guidance, its published source and its
// evidence grade (A, B, C or expert: docs/GUIDANCE.md).
struct Provenance {
  std::string file;  // e.g. "depth_ranges.csv"
  int line = 0;
  std::string source;
  std::string grade;
  // "assets/guidance/depth_ranges.csv:3, grade C: calibration sheet section 6 (...)"
  std::string cite() const;
};

// Professional needle depths the charts give for a site, for one indication or all ("any").
struct DepthRange {
  Site site{};
  std::optional<Indication> indication;  // empty: any indication
  double min_mm = 0, max_mm = 0;
  Provenance provenance;
};

// Sessions with needles from `from_mm` up to (not including) `below_mm` long need at least
// `min_interval_days` between them.
struct IntervalRule {
  std::optional<Indication> indication;  // empty: any indication
  double from_mm = 0, below_mm = 0;
  double min_interval_days = 0;
  std::string usual_interval;  // in words, e.g. "every 4-6 weeks"
  Provenance provenance;
};

// One instruction of the aftercare timeline (guidance/Aftercare.hpp): from the hour before the
// needles or from the session, until the moment the simulation gives (`until`: session,
// channels_closed, barrier_sealed, redness_resolved or fixed), never shorter than `at_least_h`.
struct AftercareRule {
  std::string item;  // stable name: no_makeup, no_sun, ...
  std::string from;  // before | session
  std::string until;
  double at_least_h = 0;
  std::string instruction;  // what the patient is told
  std::string reason;       // why
  Provenance provenance;
};

// How many sessions a course takes for an indication, and what keeps the result.
struct Course {
  Indication indication{};
  std::string sessions;                        // e.g. "3-6"
  int fewest_sessions = 0, most_sessions = 0;  // "3-6" read as 3 and 6, "12" as 12 and 12
  std::string maintenance;
  Provenance provenance;
};

struct Contraindication {
  Condition condition{};
  AdvisoryLevel level{};
  std::string code;  // the finding's code, e.g. "contraindication"
  std::string advice;
  Provenance provenance;
};

struct PigmentationAdvice {
  int fitzpatrick = 0;
  std::string pih_risk;  // "low" or "raised"
  std::string advice;
  Provenance provenance;
  bool raised() const { return pih_risk == "raised"; }
};

struct GuidanceThreshold {
  std::string key;
  double value = 0;
  std::string unit;
  AdvisoryLevel level{};  // the finding it starts
  std::string meaning;
  Provenance provenance;
};

// The device a plan suggests for a site and indication (`any` for either), and why.
struct DeviceChoice {
  std::optional<Site> site;              // empty: any site
  std::optional<Indication> indication;  // empty: any indication
  DeviceType device{};
  std::string reason;
  Provenance provenance;
};

// Days of visible redness a session with needles from `from_mm` up to (not including)
// `below_mm` is expected to cause, by the makers' guides.
struct DowntimeRange {
  double from_mm = 0, below_mm = 0;
  double min_days = 0, max_days = 0;
  Provenance provenance;
};

// The sites where practice needles for an indication (all of them for `any`): `dermasim plan`
// refuses other pairings, such as hair loss on the cheek.
struct TreatedSites {
  Indication indication{};
  std::vector<Site> sites;  // empty: any site
  Provenance provenance;
  bool covers(Site site) const;
};

struct KnowledgeTable {
  std::vector<DepthRange> depth_ranges;
  std::vector<IntervalRule> intervals;
  std::vector<Course> courses;
  std::vector<Contraindication> contraindications;
  std::vector<PigmentationAdvice> pigmentation;
  std::vector<GuidanceThreshold> thresholds;
  std::vector<AftercareRule> aftercare;
  std::vector<DeviceChoice> device_choices;
  std::vector<DowntimeRange> downtime;
  std::vector<TreatedSites> treated_sites;

  // The row for this indication at the site, else the site's "any" row (every site has one).
  const DepthRange& depthRange(Site site, Indication indication) const;
  // The rule for this indication and needle length, else the "any" rule (they cover all).
  const IntervalRule& interval(Indication indication, double needleMm) const;
  const Course* course(Indication indication) const;
  const Contraindication& contraindication(Condition condition) const;
  const PigmentationAdvice& pigmentationFor(int fitzpatrick) const;
  const GuidanceThreshold& threshold(std::string_view key) const;
  // The most specific row: site and indication, then the site's, then the indication's, then
  // the `any, any` row (the table must have one).
  const DeviceChoice& deviceChoice(Site site, Indication indication) const;
  // The row whose depths hold `needleMm` (the rows cover every length without gaps).
  const DowntimeRange& downtimeFor(double needleMm) const;
  // Every indication has a row.
  const TreatedSites& treatedSites(Indication indication) const;
};

// The files of the table by name ("depth_ranges.csv" -> its text), as compiled in.
std::map<std::string, std::string_view> knowledgeTableFiles();

// Reads and checks every file: headers, numbers, names of sites, indications and conditions,
// levels, grades, a source on every row, every site and condition covered. Throws
// std::runtime_error naming the file, line and column of the first problem.
KnowledgeTable parseKnowledgeTable(const std::map<std::string, std::string_view>& files);

// The compiled-in table, read once.
const KnowledgeTable& knowledgeTable();

}  // namespace dermasim
