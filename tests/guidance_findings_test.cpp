// Each finding of `dermasim check` fires on a scenario made to trigger it and not on a clean
// one; the thresholds come from the knowledge table, never repeated here as numbers.
#include <catch2/catch.hpp>
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
  Plan triggering;
  Plan clean;                     // the same plan just inside the limit
  std::vector<std::string> says;  // words the message must hold
};

const KnowledgeTable& table() { return knowledgeTable(); }

// `base` twice, one field set past the limit and once just inside it.
template <typename T>
Case around(std::string name, std::string code, AdvisoryLevel level, const Plan& base,
            T Plan::*field, T triggering, T clean, std::vector<std::string> says) {
  Case c{std::move(name), std::move(code), level, base, base, std::move(says)};
  c.triggering.*field = std::move(triggering);
  c.clean.*field = std::move(clean);
  return c;
}

Plan at(std::string site, std::string indication, std::string device = Plan().device) {
  Plan p;
  p.site = std::move(site);
  p.indication = std::move(indication);
  p.device = std::move(device);
  return p;
}

std::vector<Case> cases() {
  const std::string slowPen = "type = \"pen\"\nfrequency_hz = 30\nglide_speed_mm_s = 40";
  const DepthRange& forehead = table().depthRange(Site::Forehead, Indication::FineLines);
  const DepthRange& periorbital = table().depthRange(Site::Periorbital, Indication::FineLines);
  const DepthRange& cheek = table().depthRange(Site::Cheek, Indication::AcneScars);
  const double homeMax = table().threshold("home_use_max_mm").value;
  const double minInterval = table().interval(Indication::Rejuvenation, 1.0).min_interval_days;
  const double pihDeep = table().threshold("pih_deep_needle_mm").value;
  Plan home;
  home.home = true;
  home.interval_days = 7;
  Plan darker;
  darker.fitzpatrick = 5;

  return {
      around("beyond the chart, within the skin", "depth_exceeds_site", AdvisoryLevel::Warning,
             at("forehead", "fine_lines"), &Plan::needle_mm, forehead.max_mm + 0.25,
             forehead.max_mm, {"forehead", "exceeds the usual maximum"}),
      around("a pen through the thin periorbital skin", "depth_unsafe_for_site",
             AdvisoryLevel::Error, at("periorbital", "fine_lines", "type = \"pen\""),
             &Plan::needle_mm, 2.5, periorbital.max_mm,
             {"periorbital", "2.50 mm", "subcutis", "dermis"}),
      around("a pen within the chart whose tracks leave the dermis", "track_below_dermis",
             AdvisoryLevel::Warning, at("cheek", "acne_scars", slowPen), &Plan::needle_mm,
             cheek.max_mm, cheek.min_mm, {"cheek", "subcutis", "dermis"}),
      around("a home device beyond the home limit", "home_use_depth", AdvisoryLevel::Error, home,
             &Plan::needle_mm, homeMax + 0.05, homeMax, {"home use", "0.35 mm"}),
      around("sessions too close for their depth", "interval_short", AdvisoryLevel::Warning, Plan(),
             &Plan::interval_days, minInterval - 1, minInterval,
             {"days after the previous session", "allow at least"}),
      around(
          "darker skin needled deep", "pih_risk", AdvisoryLevel::Warning, darker, &Plan::needle_mm,
          pihDeep, pihDeep - 0.25,
          {"Fitzpatrick type 5", "risk of post-inflammatory hyperpigmentation", "sun protection"}),
      around("a confluent pen session", "confluent_injury",
             table().threshold("confluent_injury_fraction").level, Plan(), &Plan::device,
             std::string("type = \"pen\"\npasses = 3\nglide_speed_mm_s = 10"),
             std::string("type = \"pen\"\npasses = 1\nfrequency_hz = 30\nglide_speed_mm_s = 40"),
             {"open channels would still cover", "punctures/cm2"}),
  };
}

}  // namespace

TEST_CASE("findings: a clean plan raises nothing", "[guidance]") {
  CHECK(findingsFor(Plan().scenario()).empty());
}

TEST_CASE("findings: each fires on its trigger and not just inside the limit", "[guidance]") {
  for (const Case& c : cases()) {
    INFO(c.name);
    const std::vector<Advisory> fired = findingsFor(c.triggering.scenario());
    const Advisory* finding = find(fired, c.code);
    REQUIRE(finding != nullptr);
    CHECK(finding->level == c.level);
    CHECK(finding->source.find("assets/guidance/") != std::string::npos);
    CHECK(finding->source.find("grade ") != std::string::npos);
    for (const std::string& words : c.says) {
      INFO(finding->message);
      CHECK(finding->message.find(words) != std::string::npos);
    }
    CHECK(find(findingsFor(c.clean.scenario()), c.code) == nullptr);
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

TEST_CASE("findings: the interval is judged between neighbouring sessions", "[guidance]") {
  Plan p;
  p.interval_days = 10;
  const Scenario s = p.scenario();
  CHECK(intervalFinding(s, 1).has_value());
  CHECK_FALSE(intervalFinding(s, 0).has_value());
  CHECK_FALSE(intervalFinding(s, s.sessions.size()).has_value());
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
