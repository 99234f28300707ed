// The planner (guidance/Planner.hpp): every site and indication the knowledge table covers gets
// a plan that `check` passes, within the site's chart and the table's intervals; darker skin
// gets a gentler plan with its reason; the numbers follow the table, not the code; pairings the
// table does not cover are refused.
#include <catch2/catch.hpp>
#include <string>

#include "core/ScenarioCheck.hpp"
#include "core/scenario/ScenarioSchema.hpp"
#include "guidance/Findings.hpp"
#include "guidance/Planner.hpp"
#include "io/PlanToml.hpp"
#include "io/ScenarioFile.hpp"
#include "io/ScenarioToml.hpp"

using namespace dermasim;

namespace {

constexpr int kLastSite = static_cast<int>(Site::Back);
constexpr int kLastIndication = static_cast<int>(Indication::HairLoss);

std::string errorsOf(const std::vector<Advisory>& findings) {
  std::string text;
  for (const Advisory& a : findings)
    if (a.level == AdvisoryLevel::Error) text += a.code + ": " + a.message + "\n";
  return text;
}

bool mentions(const PlanChoice* choice, const std::string& words) {
  REQUIRE(choice != nullptr);
  for (const std::string& r : choice->reasons)
    if (r.find(words) != std::string::npos) return true;
  return false;
}

// The compiled-in table with one threshold's value replaced.
KnowledgeTable tableWith(const std::string& key, double value) {
  KnowledgeTable k = knowledgeTable();
  for (GuidanceThreshold& t : k.thresholds)
    if (t.key == key) t.value = value;
  return k;
}

}  // namespace

TEST_CASE("planner: every covered site and indication passes check, within the table",
          "[guidance]") {
  const KnowledgeTable& k = knowledgeTable();
  int covered = 0;
  for (int s = 0; s <= kLastSite; ++s)
    for (int i = 0; i <= kLastIndication; ++i) {
      const Site site = static_cast<Site>(s);
      const Indication indication = static_cast<Indication>(i);
      if (!k.treatedSites(indication).covers(site)) continue;
      ++covered;
      for (const std::optional<DeviceType> device :
           {std::optional<DeviceType>{}, std::optional(DeviceType::Pen),
            std::optional(DeviceType::Roller)})
        for (int type = 1; type <= 6; ++type) {
          const ProtocolPlan plan = planProtocol({site, indication, type, device});
          const Scenario& sc = plan.scenario;
          INFO(sc.name);
          CHECK(errorsOf(findingsFor(sc)).empty());
          CHECK(validateScenario(sc).empty());
          const DepthRange& chart = k.depthRange(site, indication);
          CHECK(sc.device.needle_length_mm >= chart.min_mm);
          CHECK(sc.device.needle_length_mm <= chart.max_mm);
          // The plan's depth keeps its tracks in the dermis wherever the chart leaves room.
          if (sc.device.needle_length_mm > chart.min_mm)
            for (const Advisory& a : findingsFor(sc)) CHECK(a.code != "track_below_dermis");
          REQUIRE(sc.sessions.size() >= 1);
          CHECK(sc.sessions.size() ==
                static_cast<std::size_t>(k.course(indication)->fewest_sessions));
          if (sc.sessions.size() > 1)
            CHECK(sc.sessions[1].day - sc.sessions[0].day >=
                  k.interval(indication, sc.device.needle_length_mm).min_interval_days);
          CHECK(sc.patient.site == site);
          CHECK(sc.patient.indication == indication);
          CHECK(sc.patient.fitzpatrick == type);
          if (device) CHECK(sc.device.type == *device);
          for (const PlanChoice& c : plan.choices) {
            INFO(c.what);
            CHECK(!c.value.empty());
            CHECK(!c.reasons.empty());
            REQUIRE(!c.sources.empty());
            for (const std::string& source : c.sources)
              CHECK(source.rfind("assets/guidance/", 0) == 0);
          }
        }
    }
  // Every indication is treated somewhere, and surgical scars everywhere.
  CHECK(covered >= kLastSite + 1 + kLastIndication);
}

TEST_CASE("planner: a pairing the table does not cover is refused, naming where it is treated",
          "[guidance]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_MATCHES(planProtocol({Site::Cheek, Indication::HairLoss, {}, {}}), PlanRefused,
                       Catch::Matchers::Predicate<PlanRefused>([](const PlanRefused& e) {
                         const std::string m = e.what();
                         return m.find("hair_loss on the cheek") != std::string::npos &&
                                m.find("treated on scalp") != std::string::npos &&
                                m.find("treated_sites.csv") != std::string::npos;
                       }));
  CHECK_THROWS_AS(planProtocol({Site::Periorbital, Indication::StretchMarks, {}, {}}), PlanRefused);
  CHECK_THROWS_AS(planProtocol({Site::Cheek, Indication::AcneScars, 7, {}}), std::invalid_argument);
  CHECK_THROWS_AS(planProtocol({Site::Cheek, Indication::AcneScars, 0, {}}), std::invalid_argument);
}

TEST_CASE("planner: Fitzpatrick V gets a shallower, gentler plan than I, and says why",
          "[guidance]") {
  for (const DeviceType device : {DeviceType::Pen, DeviceType::Roller}) {
    const ProtocolPlan light = planProtocol({Site::Cheek, Indication::AcneScars, 1, device});
    const ProtocolPlan dark = planProtocol({Site::Cheek, Indication::AcneScars, 5, device});
    INFO(light.scenario.name << " / " << dark.scenario.name);
    CHECK_FALSE(light.raised_pih);
    CHECK(dark.raised_pih);
    CHECK(dark.scenario.device.needle_length_mm < light.scenario.device.needle_length_mm);
    CHECK(dark.scenario.device.passes < light.scenario.device.passes);
    CHECK(dark.interval_days > light.interval_days);
    CHECK(mentions(choiceFor(dark, "device.needle_length_mm"), "raised PIH risk"));
    CHECK(mentions(choiceFor(dark, "device.passes"), "raised PIH risk"));
    CHECK(mentions(choiceFor(dark, "schedule.interval_days"), "raised PIH risk"));
    CHECK(mentions(choiceFor(dark, "patient.fitzpatrick"), "gentler"));
    CHECK_FALSE(mentions(choiceFor(light, "device.needle_length_mm"), "raised PIH risk"));
  }
  // Where the chart's middle would reach the fat, the plan goes shallower and says why.
  const ProtocolPlan cheek = planProtocol({Site::Cheek, Indication::AcneScars, 1, {}});
  CHECK(mentions(choiceFor(cheek, "device.needle_length_mm"), "would pass below the dermis"));
}

TEST_CASE("planner: the device follows the table, or --device with the table's reason",
          "[guidance]") {
  const ProtocolPlan scars = planProtocol({Site::Cheek, Indication::AcneScars, {}, {}});
  CHECK(scars.scenario.device.type == DeviceType::Pen);
  CHECK(*scars.request.device == DeviceType::Pen);
  CHECK(scars.scenario.patient.fitzpatrick ==
        static_cast<int>(findKey("patient.fitzpatrick", DeviceType::Pen)->defaultNumber));
  const ProtocolPlan scalp = planProtocol({Site::Scalp, Indication::HairLoss, {}, {}});
  CHECK(scalp.scenario.device.type == DeviceType::Roller);
  CHECK(choiceFor(scalp, "device.type")->sources.front().find("devices.csv") != std::string::npos);
  CHECK(choiceFor(scalp, "device.type")->sources.front().find("Dhurat") != std::string::npos);
  const ProtocolPlan asked = planProtocol({Site::Scalp, Indication::HairLoss, {}, DeviceType::Pen});
  CHECK(asked.scenario.device.type == DeviceType::Pen);
  CHECK(mentions(choiceFor(asked, "device.type"), "asked for with --device"));
  CHECK(planProtocol({Site::Thigh, Indication::StretchMarks, {}, {}}).scenario.device.type ==
        DeviceType::Roller);
}

TEST_CASE("planner: the numbers are the table's", "[guidance]") {
  const KnowledgeTable& k = knowledgeTable();
  // At either end of the chart when the share says so (on the forehead, whose dermis holds
  // the tracks of its whole chart).
  const DepthRange& chart = k.depthRange(Site::Forehead, Indication::FineLines);
  const KnowledgeTable deep = tableWith("plan_depth_share", 1);
  CHECK(planProtocol({Site::Forehead, Indication::FineLines, 1, {}}, deep)
            .scenario.device.needle_length_mm == Approx(chart.max_mm));
  const KnowledgeTable shallow = tableWith("plan_depth_share", 0);
  CHECK(planProtocol({Site::Forehead, Indication::FineLines, 1, {}}, shallow)
            .scenario.device.needle_length_mm == Approx(chart.min_mm));
  // The share's depth is rounded down to the dial's step: 0.3 of 0.25-0.75 mm is 0.4 mm, which
  // a 0.25 mm dial sets at 0.25 and a 0.05 mm dial at 0.4.
  KnowledgeTable fine = tableWith("plan_depth_share", 0.3);
  CHECK(planProtocol({Site::Forehead, Indication::FineLines, 1, {}}, fine)
            .scenario.device.needle_length_mm == Approx(0.25));
  for (GuidanceThreshold& t : fine.thresholds)
    if (t.key == "plan_depth_step_mm") t.value = 0.05;
  CHECK(planProtocol({Site::Forehead, Indication::FineLines, 1, {}}, fine)
            .scenario.device.needle_length_mm == Approx(0.4));
  // Passes, follow-up and the stretch of the interval.
  CHECK(planProtocol({Site::Cheek, Indication::AcneScars, 1, DeviceType::Pen},
                     tableWith("plan_pen_passes", 3))
            .scenario.device.passes == 3);
  const ProtocolPlan plan = planProtocol({Site::Cheek, Indication::AcneScars, 1, {}});
  const double lastDay = plan.scenario.sessions.back().day;
  CHECK(plan.scenario.duration_days - lastDay == Approx(k.threshold("plan_follow_up_days").value));
  CHECK(planProtocol({Site::Cheek, Indication::AcneScars, 1, {}},
                     tableWith("plan_follow_up_days", 30))
            .scenario.duration_days == Approx(lastDay + 30));
  const ProtocolPlan dark = planProtocol({Site::Cheek, Indication::AcneScars, 5, {}},
                                         tableWith("plan_interval_scale_raised_pih", 2));
  CHECK(dark.interval_days ==
        Approx(2 * k.interval(Indication::AcneScars, dark.scenario.device.needle_length_mm)
                       .min_interval_days));
  // The downtime guidance is the row for the depth chosen.
  CHECK(plan.downtime.from_mm <= plan.scenario.device.needle_length_mm);
  CHECK(plan.scenario.device.needle_length_mm < plan.downtime.below_mm);
}

TEST_CASE("planner: the plan's file reads back to the plan's scenario", "[guidance]") {
  for (const auto& [site, indication, type] :
       {std::tuple{Site::Cheek, Indication::AcneScars, 3},
        std::tuple{Site::Scalp, Indication::HairLoss, 6},
        std::tuple{Site::Periorbital, Indication::FineLines, 1}}) {
    const ProtocolPlan plan = planProtocol({site, indication, type, {}});
    const std::string text = planToml(plan, "dermasim plan (test)");
    INFO(text);
    Scenario loaded = parseScenario(text, "plan.toml");
    loaded.source = plan.scenario.source;  // where the text came from, which toToml records
    CHECK(toToml(loaded) == toToml(plan.scenario));
    // Every choice that sets a key says why above it, with its source.
    for (const PlanChoice& c : plan.choices) {
      if (c.key.empty()) continue;
      CHECK(text.find("# why: " + c.reasons.front().substr(0, 40)) != std::string::npos);
    }
    CHECK(text.find("# source: assets/guidance/") != std::string::npos);
  }
}
