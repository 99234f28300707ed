#include "guidance/Planner.hpp"

#include <algorithm>
#include <cmath>

#include "core/numerics/NumberText.hpp"
#include "core/scenario/ScenarioSchema.hpp"
#include "guidance/Findings.hpp"

namespace dermasim {
namespace {

// A share or a step computed exactly on a row's boundary must not fall to the step below.
constexpr double kRoundingSlack = 1e-9;

const KeySpec& spec(std::string_view key) {
  const KeySpec* s = findKey(key, DeviceType::Pen);
  if (s == nullptr) throw std::logic_error("planner: no scenario key " + std::string(key));
  return *s;
}

double schemaDefault(std::string_view key) { return spec(key).defaultNumber; }

std::string mm(double v) { return roundedNumber(v, 2) + " mm"; }
std::string days(double v) { return roundedNumber(v, 1) + (v == 1 ? " day" : " days"); }

std::string siteWords(Site site) {
  std::string words(toString(site));
  std::replace(words.begin(), words.end(), '_', ' ');
  return "the " + words;
}

std::string roman(int fitzpatrick) {
  static const char* const kNumerals[] = {"I", "II", "III", "IV", "V", "VI"};
  return kNumerals[fitzpatrick - 1];
}

// Every key the plan does not choose at the scenario schema's default, as a file that leaves
// it out would read; the plan's own choices are filled in afterwards.
Scenario scenarioAtDefaults(const PlanRequest& request) {
  Scenario s;
  s.seed = static_cast<std::uint64_t>(schemaDefault("scenario.seed"));
  s.patient.site = request.site;
  s.patient.indication = request.indication;
  s.patient.fitzpatrick = *request.fitzpatrick;
  s.patient.age_years = schemaDefault("patient.age");
  s.patient.scars = {
      defaultScarCount(request.indication),
      schemaDefault("patient.scars.mean_depth_mm"),
      {schemaDefault("patient.scars.mix.rolling"), schemaDefault("patient.scars.mix.boxcar"),
       schemaDefault("patient.scars.mix.icepick")}};
  s.device = defaultDevice(*request.device);
  s.adjuncts.serum = parseSerum(spec("adjuncts.serum").defaultText).value_or(Serum::None);
  s.adjuncts.prp = schemaDefault("adjuncts.prp") != 0;
  s.model = {schemaDefault("model.patch_size_mm"), schemaDefault("model.lateral_resolution_um"),
             schemaDefault("model.depth_resolution_um"), schemaDefault("model.time_step_scale")};
  return s;
}

class Planning {
 public:
  Planning(const PlanRequest& request, const KnowledgeTable& table) : k_(table) {
    plan_.request = request;
  }

  ProtocolPlan take() {
    checkPairing(plan_.request);
    chooseFitzpatrick();
    chooseDevice();
    plan_.scenario = scenarioAtDefaults(plan_.request);
    chooseDepth();
    choosePasses();
    chooseCourse();
    nameScenario();
    return std::move(plan_);
  }

 private:
  const GuidanceThreshold& threshold(std::string_view key) const { return k_.threshold(key); }

  void checkPairing(const PlanRequest& request) {
    const TreatedSites& treated = k_.treatedSites(request.indication);
    if (!treated.covers(request.site)) {
      std::string sites;
      for (Site s : treated.sites) sites += (sites.empty() ? "" : ", ") + std::string(toString(s));
      throw PlanRefused("the knowledge table has no protocol for " +
                        std::string(toString(request.indication)) + " on " +
                        siteWords(request.site) + ": it is treated on " + sites + " [" +
                        treated.provenance.cite() + "]");
    }
    plan_.choices.push_back(
        {"patient.indication",
         "indication",
         std::string(toString(request.indication)) + " on " + siteWords(request.site),
         {"practice treats " + std::string(toString(request.indication)) + " on " +
          siteWords(request.site)},
         {treated.provenance.cite()}});
  }

  void chooseFitzpatrick() {
    if (!plan_.request.fitzpatrick)
      plan_.request.fitzpatrick = static_cast<int>(schemaDefault("patient.fitzpatrick"));
    const int type = *plan_.request.fitzpatrick;
    if (type < 1 || type > 6)
      throw std::invalid_argument("Fitzpatrick type must be 1 to 6 (got " + std::to_string(type) +
                                  ")");
    const PigmentationAdvice& p = k_.pigmentationFor(type);
    plan_.raised_pih = p.raised();
    plan_.choices.push_back(
        {"patient.fitzpatrick",
         "skin type",
         "Fitzpatrick " + roman(type) + ", " + p.pih_risk +
             " risk of post-inflammatory hyperpigmentation (PIH)",
         {"advice for type " + roman(type) + ": " + p.advice +
          (p.raised() ? "; so the plan below is gentler: the chart's shallow end, fewer "
                        "passes, longer intervals"
                      : "")},
         {p.provenance.cite()}});
  }

  void chooseDevice() {
    const DeviceChoice& suggested = k_.deviceChoice(plan_.request.site, plan_.request.indication);
    PlanChoice choice{"device.type", "device", "", {}, {suggested.provenance.cite()}};
    if (plan_.request.device && *plan_.request.device != suggested.device) {
      choice.reasons.push_back("asked for with --device; the table suggests a " +
                               std::string(toString(suggested.device)) +
                               " here: " + suggested.reason);
    } else {
      choice.reasons.push_back(suggested.reason);
      plan_.request.device = suggested.device;
    }
    choice.value = std::string(toString(*plan_.request.device));
    plan_.choices.push_back(std::move(choice));
  }

  void chooseDepth() {
    const DepthRange& chart = k_.depthRange(plan_.request.site, plan_.request.indication);
    plan_.depth_chart = chart;
    const GuidanceThreshold& share =
        threshold(plan_.raised_pih ? "plan_depth_share_raised_pih" : "plan_depth_share");
    const GuidanceThreshold& step = threshold("plan_depth_step_mm");
    const double wanted = chart.min_mm + share.value * (chart.max_mm - chart.min_mm);
    double depth = std::clamp(std::floor(wanted / step.value + kRoundingSlack) * step.value,
                              chart.min_mm, chart.max_mm);
    plan_.scenario.device.needle_length_mm = depth;

    PlanChoice choice{"device.needle_length_mm", "needle depth", mm(depth), {}, {}};
    choice.reasons.push_back(
        "the chart for " + siteWords(plan_.request.site) + " (" +
        (chart.indication ? std::string(toString(*chart.indication)) : "any indication") +
        ") gives " + roundedNumber(chart.min_mm, 2) + "-" + mm(chart.max_mm));
    choice.sources.push_back(chart.provenance.cite());
    choice.reasons.push_back(
        std::string(plan_.raised_pih ? "Fitzpatrick " + roman(*plan_.request.fitzpatrick) +
                                           " has raised PIH risk: "
                                     : "") +
        "set at " + roundedNumber(share.value, 2) +
        " of the way from its shallow to its deep end (" + share.key + "), rounded down to the " +
        mm(step.value) + " steps of depth dials and needle lengths");
    choice.sources.push_back(share.provenance.cite());
    choice.sources.push_back(step.provenance.cite());
    depth = keepTracksInDermis(depth, chart.min_mm, step.value, choice);
    const GuidanceThreshold& deep = threshold("pih_deep_needle_mm");
    if (plan_.raised_pih && depth >= deep.value) {
      choice.reasons.push_back("still deep for the pigmentation advice (from " + mm(deep.value) +
                               "): `check` warns, with the advice above");
      choice.sources.push_back(deep.provenance.cite());
    }
    plan_.downtime = k_.downtimeFor(depth);
    plan_.choices.push_back(std::move(choice));
  }

  // The finding `check` gives a session at `depth` when its tracks pass below the site's dermis
  // (the model's anatomy of the site, Findings.hpp), if any.
  std::optional<Advisory> trackBelowDermis(double depth) const {
    Scenario oneSession = plan_.scenario;
    oneSession.device.needle_length_mm = depth;
    oneSession.sessions = {{0, oneSession.device, ""}};
    for (Advisory& a : findingsFor(oneSession))
      if (a.code == "track_below_dermis") return std::move(a);
    return std::nullopt;
  }

  // Shallower by a dial step while the tracks would reach the fat, never below the chart: the
  // chart is the makers', the anatomy the model's, and a plan should not earn a warning of its
  // own making where the chart leaves room.
  double keepTracksInDermis(double depth, double chartMin, double step, PlanChoice& choice) {
    const std::optional<Advisory> first = trackBelowDermis(depth);
    if (!first) return depth;
    double lowered = depth;
    while (lowered - step >= chartMin - kRoundingSlack && trackBelowDermis(lowered))
      lowered -= step;
    plan_.scenario.device.needle_length_mm = lowered;
    choice.value = mm(lowered);
    choice.reasons.push_back("at " + mm(depth) + " the tracks would pass below the dermis (" +
                             first->code + ": " + first->message + "); " +
                             (trackBelowDermis(lowered)
                                  ? "the chart's shallowest, " + mm(lowered) + ", still does"
                                  : "at " + mm(lowered) + " they stay within it"));
    if (!first->source.empty() && std::find(choice.sources.begin(), choice.sources.end(),
                                            first->source) == choice.sources.end())
      choice.sources.push_back(first->source);
    return lowered;
  }

  void choosePasses() {
    const bool pen = *plan_.request.device == DeviceType::Pen;
    const GuidanceThreshold& base = threshold(pen ? "plan_pen_passes" : "plan_roller_passes");
    PlanChoice choice{"device.passes", "passes", "", {}, {base.provenance.cite()}};
    int passes = static_cast<int>(std::lround(base.value));
    choice.reasons.push_back("a " + std::string(toString(*plan_.request.device)) + " session is " +
                             roundedNumber(base.value, 0) + " passes (" + base.key + ")");
    if (plan_.raised_pih) {
      const GuidanceThreshold& share = threshold("plan_passes_share_raised_pih");
      passes = std::max(1, static_cast<int>(std::floor(passes * share.value + kRoundingSlack)));
      choice.reasons.push_back("Fitzpatrick " + roman(*plan_.request.fitzpatrick) +
                               " has raised PIH risk: " + roundedNumber(share.value, 2) +
                               " of them (" + share.key + "), a less dense session");
      choice.sources.push_back(share.provenance.cite());
    }
    plan_.scenario.device.passes = passes;
    choice.value = std::to_string(passes) + (passes == 1 ? " pass" : " passes") + " per session";
    plan_.choices.push_back(std::move(choice));
  }

  void chooseCourse() {
    const Indication indication = plan_.request.indication;
    const Course* course = k_.course(indication);
    if (course == nullptr)
      throw PlanRefused("the knowledge table has no course for " +
                        std::string(toString(indication)) + " (assets/guidance/courses.csv)");
    const int sessions = course->fewest_sessions;
    plan_.choices.push_back(
        {"schedule.sessions",
         "sessions",
         std::to_string(sessions),
         {"the usual course for " + std::string(toString(indication)) + " is " + course->sessions +
          " sessions; a plan starts with the fewest and reassesses"},
         {course->provenance.cite()}});

    const double depth = plan_.scenario.device.needle_length_mm;
    const IntervalRule& rule = k_.interval(indication, depth);
    double interval = rule.min_interval_days;
    PlanChoice gap{"schedule.interval_days", "interval", "", {}, {rule.provenance.cite()}};
    gap.reasons.push_back("sessions with " + mm(depth) + " needles need at least " +
                          days(rule.min_interval_days) +
                          " between them (usual: " + rule.usual_interval + ")");
    if (plan_.raised_pih) {
      const GuidanceThreshold& scale = threshold("plan_interval_scale_raised_pih");
      interval = std::ceil(interval * scale.value - kRoundingSlack);
      gap.reasons.push_back("Fitzpatrick " + roman(*plan_.request.fitzpatrick) +
                            " has raised PIH risk: times " + roundedNumber(scale.value, 2) + " (" +
                            scale.key + "), rounded up to whole days");
      gap.sources.push_back(scale.provenance.cite());
    }
    gap.value = days(interval);
    plan_.interval_days = interval;
    plan_.choices.push_back(std::move(gap));

    for (int i = 0; i < sessions; ++i)
      plan_.scenario.sessions.push_back({i * interval, plan_.scenario.device, ""});

    const GuidanceThreshold& followUp = threshold("plan_follow_up_days");
    plan_.scenario.duration_days = (sessions - 1) * interval + followUp.value;
    plan_.choices.push_back(
        {"scenario.duration_days",
         "simulated time",
         days(plan_.scenario.duration_days),
         {"the last session on day " + roundedNumber((sessions - 1) * interval, 0) + ", then " +
          days(followUp.value) + " (" + followUp.key +
          ") so that the simulation shows the remodelling"},
         {followUp.provenance.cite()}});

    plan_.choices.push_back(
        {"",
         "maintenance",
         course->maintenance,
         {"what keeps the result after the course for " + std::string(toString(indication))},
         {course->provenance.cite()}});
  }

  void nameScenario() {
    const Scenario& s = plan_.scenario;
    plan_.scenario.name =
        "Plan: " + std::string(toString(plan_.request.indication)) + " on " +
        siteWords(plan_.request.site) + ", Fitzpatrick " + roman(*plan_.request.fitzpatrick) +
        " - " + std::string(toString(s.device.type)) + " " + mm(s.device.needle_length_mm) + ", " +
        std::to_string(s.sessions.size()) + " sessions";
    plan_.scenario.description =
        "suggested by dermasim plan from the knowledge table (assets/guidance); a simulation "
        "aid, not medical advice";
  }

  const KnowledgeTable& k_;
  ProtocolPlan plan_;
};

}  // namespace

ProtocolPlan planProtocol(const PlanRequest& request, const KnowledgeTable& table) {
  return Planning(request, table).take();
}

const PlanChoice* choiceFor(const ProtocolPlan& plan, const std::string& key) {
  for (const PlanChoice& c : plan.choices)
    if (!key.empty() && c.key == key) return &c;
  return nullptr;
}

}  // namespace dermasim
