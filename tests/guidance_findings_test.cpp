// Each finding of `dermasim check` fires on a scenario made to trigger it and not on a clean
// one; the thresholds come from the knowledge table, never repeated here as numbers.
#include <catch2/catch.hpp>
#include <functional>
#include <string>
#include <vector>

#include "core/tissue/SkinAnatomy.hpp"
#include "guidance/Findings.hpp"
#include "guidance/KnowledgeTable.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

std::string decimal(double v) { return std::to_string(v); }

struct Plan {
  std::string site = "cheek";
  std::string indication = "rejuvenation";
  int fitzpatrick = 2;
  std::string conditions;
  std::string device = "type = \"roller\"\npressure = \"medium\"";
  double needle_mm = 1.0;
  bool home = false;
  double interval_days = 28;
  int sessions = 3;

  Scenario scenario() const {
    return parseScenario(
        "[patient]\nsite = \"" + site + "\"\nindication = \"" + indication +
            "\"\nfitzpatrick = " + std::to_string(fitzpatrick) + "\nconditions = [" + conditions +
            "]\n[device]\n" + device + "\nneedle_length_mm = " + decimal(needle_mm) +
            (home ? "\nhome_use = true" : "") + "\n[schedule]\nsessions = " +
            std::to_string(sessions) + "\ninterval_days = " + decimal(interval_days) + "\n",
        "test.toml");
  }
};

const Advisory* find(const std::vector<Advisory>& list, const std::string& code) {
  for (const Advisory& a : list)
    if (a.code == code) return &a;
  return nullptr;
}

struct Case {
  std::string name;
  std::string code;
  AdvisoryLevel level;
  std::function<Plan()> triggering;
  std::function<Plan()> clean;    // the same plan just inside the limit
  std::vector<std::string> says;  // words the message must hold
};

const KnowledgeTable& table() { return knowledgeTable(); }

std::vector<Case> cases() {
  std::vector<Case> out;
  out.push_back({"beyond the chart, within the skin",
                 "depth_exceeds_site",
                 AdvisoryLevel::Warning,
                 [] {
                   Plan p;
                   p.site = "forehead";
                   p.indication = "fine_lines";
                   p.needle_mm =
                       table().depthRange(Site::Forehead, Indication::FineLines).max_mm + 0.25;
                   return p;
                 },
                 [] {
                   Plan p;
                   p.site = "forehead";
                   p.indication = "fine_lines";
                   p.needle_mm = table().depthRange(Site::Forehead, Indication::FineLines).max_mm;
                   return p;
                 },
                 {"forehead", "exceeds the usual maximum"}});
  out.push_back({"a pen through the thin periorbital skin",
                 "depth_unsafe_for_site",
                 AdvisoryLevel::Error,
                 [] {
                   Plan p;
                   p.site = "periorbital";
                   p.indication = "fine_lines";
                   p.device = "type = \"pen\"";
                   p.needle_mm = 2.5;
                   return p;
                 },
                 [] {
                   Plan p;
                   p.site = "periorbital";
                   p.indication = "fine_lines";
                   p.device = "type = \"pen\"";
                   p.needle_mm =
                       table().depthRange(Site::Periorbital, Indication::FineLines).max_mm;
                   return p;
                 },
                 {"periorbital", "2.50 mm", "subcutis", "dermis"}});
  out.push_back({"a pen within the chart whose tracks leave the dermis",
                 "track_below_dermis",
                 AdvisoryLevel::Warning,
                 [] {
                   Plan p;
                   p.indication = "acne_scars";
                   p.device = "type = \"pen\"\nfrequency_hz = 30\nglide_speed_mm_s = 40";
                   p.needle_mm = table().depthRange(Site::Cheek, Indication::AcneScars).max_mm;
                   return p;
                 },
                 [] {
                   Plan p;
                   p.indication = "acne_scars";
                   p.device = "type = \"pen\"\nfrequency_hz = 30\nglide_speed_mm_s = 40";
                   p.needle_mm = table().depthRange(Site::Cheek, Indication::AcneScars).min_mm;
                   return p;
                 },
                 {"cheek", "subcutis", "dermis"}});
  out.push_back({"a home device beyond the home limit",
                 "home_use_depth",
                 AdvisoryLevel::Error,
                 [] {
                   Plan p;
                   p.home = true;
                   p.needle_mm = table().threshold("home_use_max_mm").value + 0.05;
                   p.interval_days = 7;
                   return p;
                 },
                 [] {
                   Plan p;
                   p.home = true;
                   p.needle_mm = table().threshold("home_use_max_mm").value;
                   p.interval_days = 7;
                   return p;
                 },
                 {"home use", "0.35 mm"}});
  out.push_back({"sessions too close for their depth",
                 "interval_short",
                 AdvisoryLevel::Warning,
                 [] {
                   Plan p;
                   p.interval_days =
                       table().interval(Indication::Rejuvenation, 1.0).min_interval_days - 1;
                   return p;
                 },
                 [] {
                   Plan p;
                   p.interval_days =
                       table().interval(Indication::Rejuvenation, 1.0).min_interval_days;
                   return p;
                 },
                 {"days after the previous session", "allow at least"}});
  out.push_back(
      {"darker skin needled deep",
       "pih_risk",
       AdvisoryLevel::Warning,
       [] {
         Plan p;
         p.fitzpatrick = 5;
         p.needle_mm = table().threshold("pih_deep_needle_mm").value;
         return p;
       },
       [] {
         Plan p;
         p.fitzpatrick = 5;
         p.needle_mm = table().threshold("pih_deep_needle_mm").value - 0.25;
         return p;
       },
       {"Fitzpatrick type 5", "risk of post-inflammatory hyperpigmentation", "sun protection"}});
  out.push_back({"a confluent pen session",
                 "confluent_injury",
                 table().threshold("confluent_injury_fraction").level,
                 [] {
                   Plan p;
                   p.device = "type = \"pen\"\npasses = 3\nglide_speed_mm_s = 10";
                   return p;
                 },
                 [] {
                   Plan p;
                   p.device =
                       "type = \"pen\"\npasses = 1\nfrequency_hz = 30\nglide_speed_mm_s = 40";
                   return p;
                 },
                 {"open channels would still cover", "punctures/cm2"}});
  return out;
}

}  // namespace

TEST_CASE("findings: a clean plan raises nothing", "[guidance]") {
  CHECK(findingsFor(Plan().scenario()).empty());
}

TEST_CASE("findings: each fires on its trigger and not just inside the limit", "[guidance]") {
  for (const Case& c : cases()) {
    INFO(c.name);
    const std::vector<Advisory> fired = findingsFor(c.triggering().scenario());
    const Advisory* finding = find(fired, c.code);
    REQUIRE(finding != nullptr);
    CHECK(finding->level == c.level);
    CHECK(finding->source.find("assets/guidance/") != std::string::npos);
    CHECK(finding->source.find("grade ") != std::string::npos);
    for (const std::string& words : c.says) {
      INFO(finding->message);
      CHECK(finding->message.find(words) != std::string::npos);
    }
    CHECK(find(findingsFor(c.clean().scenario()), c.code) == nullptr);
  }
}

TEST_CASE("findings: contraindications are graded by their row", "[guidance]") {
  for (const Contraindication& row : knowledgeTable().contraindications) {
    const std::string name(toString(row.condition));
    INFO(name);
    Plan p;
    p.conditions = "\"" + name + "\"";
    const std::vector<Advisory> list = findingsFor(p.scenario());
    REQUIRE(list.size() == 1);
    CHECK(list.front().code == row.code);
    CHECK(list.front().level == row.level);
    CHECK(list.front().message.find(name) != std::string::npos);
    CHECK(list.front().source == row.provenance.cite());
    CHECK(anyError(list) == (row.level == AdvisoryLevel::Error));
  }
}

TEST_CASE("findings: below-dermis is judged against the model's anatomy of the site",
          "[guidance]") {
  // The same pen on thick back skin stays in the dermis where the cheek's is passed.
  Plan cheek;
  cheek.indication = "stretch_marks";
  cheek.device = "type = \"pen\"\nfrequency_hz = 30\nglide_speed_mm_s = 40";
  cheek.needle_mm = 2.0;
  Plan back = cheek;
  back.site = "back";
  const ModelParameters p;
  const Layers backSkin = layersFor(Site::Back, 40, AnatomyParameters::from(p));
  REQUIRE(backSkin.totalMm() > 2.0);
  CHECK(find(findingsFor(cheek.scenario()), "track_below_dermis") != nullptr);
  CHECK(find(findingsFor(back.scenario()), "track_below_dermis") == nullptr);
}

TEST_CASE("findings: the interval seam takes the simulated healing when given", "[guidance]") {
  Plan p;
  p.interval_days = 10;
  const Scenario s = p.scenario();
  CHECK(intervalFinding(s, 1).has_value());             // by the table
  CHECK_FALSE(intervalFinding(s, 1, 5.0).has_value());  // healed in 5 days: fine
  const auto late = intervalFinding(s, 1, 12.0);
  REQUIRE(late.has_value());
  CHECK(late->message.find("simulated healing took 12.0 days") != std::string::npos);
  CHECK_FALSE(intervalFinding(s, 0).has_value());
}

TEST_CASE("findings: a refusal lists the errors only", "[guidance]") {
  Plan p;
  p.conditions = "\"pregnancy\", \"rosacea\"";
  const std::vector<Advisory> list = findingsFor(p.scenario());
  CHECK(anyError(list));
  const std::string line = refusalSummary(list);
  CHECK(line.find("contraindication: pregnancy") != std::string::npos);
  CHECK(line.find("rosacea") == std::string::npos);
}
